/* text/ucd: a code point's Unicode general category and script, as HarfBuzz's default
 * Unicode functions give them, with ASCII's answered from a table of 128 (ucd.c) instead
 * of a call into HarfBuzz: a paragraph asks for each of its code points several times
 * (marks, scripts, line and grapheme breaks, hyphenation's letters), and most of a Latin
 * paragraph is ASCII. test_ucd checks the table against HarfBuzz. */
#ifndef INK_UCD_H
#define INK_UCD_H

#include <hb.h>
#include <stdint.h>

/* ASCII's general categories (hb_unicode_general_category_t values). */
extern const uint8_t ink__ascii_gc[128];

static inline hb_unicode_general_category_t
ink__general_category (uint32_t cp)
{
  if (cp < 0x80)
    return (hb_unicode_general_category_t) ink__ascii_gc[cp];
  return hb_unicode_general_category (hb_unicode_funcs_get_default (), cp);
}

/* ASCII's letters are Latin, its other characters Common. */
static inline hb_script_t
ink__script (uint32_t cp)
{
  if (cp < 0x80)
    return ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') ? HB_SCRIPT_LATIN : HB_SCRIPT_COMMON;
  return hb_unicode_script (hb_unicode_funcs_get_default (), cp);
}

#endif
