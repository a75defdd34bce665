/* lib/text/ucd.h against HarfBuzz: ASCII's general categories and scripts come from a table
 * of inkset's own, every other code point from HarfBuzz's default Unicode functions; both
 * must give HarfBuzz's answer for every code point below U+0800 and a spread of code points
 * above it, and the callers that ask (marks, letters) must answer as before. */
#include "text.h"
#include "test.h"

TEST (ascii_as_harfbuzz)
{
  hb_unicode_funcs_t *uf = hb_unicode_funcs_get_default ();
  for (uint32_t cp = 0; cp < 0x80; cp++) {
    CHECK_EQ_INT (ink__general_category (cp), hb_unicode_general_category (uf, cp));
    CHECK_EQ_INT (ink__script (cp), hb_unicode_script (uf, cp));
  }
}

TEST (beyond_ascii_as_harfbuzz)
{
  hb_unicode_funcs_t *uf = hb_unicode_funcs_get_default ();
  for (uint32_t cp = 0x80; cp <= 0x10FFFF; cp = cp < 0x800 ? cp + 1 : cp + 97) {
    CHECK_EQ_INT (ink__general_category (cp), hb_unicode_general_category (uf, cp));
    CHECK_EQ_INT (ink__script (cp), hb_unicode_script (uf, cp));
  }
}

/* ink__is_mark and the letter tests read the categories through the table: no ASCII
 * character is a mark, its letters are letters, its digits are not. */
TEST (callers_on_ascii)
{
  for (uint32_t cp = 0; cp < 0x80; cp++) {
    bool letter = (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
    CHECK (!ink__is_mark (cp));
    CHECK_EQ_INT (ink__is_letter (cp), letter);
    CHECK_EQ_INT (ink__is_word_letter (cp), letter);
  }
  CHECK (ink__is_mark (0x0301));
  CHECK (ink__is_letter (0x00E9));
}

int
main (void)
{
  RUN (ascii_as_harfbuzz);
  RUN (beyond_ascii_as_harfbuzz);
  RUN (callers_on_ascii);
  return test_summary ();
}
