/* text/letters: which code points are letters and figures, by their Unicode general
 * category. */
#include "text.h"

bool
ink__is_letter (uint32_t cp)
{
  switch (ink__general_category (cp)) {
  case HB_UNICODE_GENERAL_CATEGORY_LOWERCASE_LETTER:
  case HB_UNICODE_GENERAL_CATEGORY_UPPERCASE_LETTER:
  case HB_UNICODE_GENERAL_CATEGORY_TITLECASE_LETTER:
  case HB_UNICODE_GENERAL_CATEGORY_MODIFIER_LETTER:
  case HB_UNICODE_GENERAL_CATEGORY_OTHER_LETTER:
    return true;
  default:
    return false;
  }
}

bool
ink__is_word_letter (uint32_t cp)
{
  if (ink__is_letter (cp))
    return true;
  hb_unicode_general_category_t gc = ink__general_category (cp);
  return gc == HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK ||
         gc == HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK;
}

bool
ink__is_figure (uint32_t cp)
{
  return ink__general_category (cp) == HB_UNICODE_GENERAL_CATEGORY_DECIMAL_NUMBER;
}
