/* text/case: capitals for styles that set their text in upper case (kickers, credits).
 *
 * The shaper maps code points one to one (clusters point at the input), so this is a simple
 * case mapping with the language rules that keep to one code point: ICU's u_toupper where
 * ICU is built in (every script with case; loaded for the first letter past ASCII, so that
 * English capitals need no ICU), a table of Latin, Greek and Cyrillic otherwise; then, before
 * either,
 *   - Greek capitals lose their tonos ("Μεταφορές" → "ΜΕΤΑΦΟΡΕΣ"), keep the dialytika, and
 *     final sigma becomes Σ; "ή" standing alone as a word keeps its accent (Ή), as in Greek
 *     typesetting;
 *   - Turkish and Azerbaijani i becomes İ (dotless ı becomes I everywhere);
 *   - German ß becomes the capital ẞ (U+1E9E), one code point where "SS" would be two. */
#include "text.h"

#include "icu.h"

/* Greek letters, monotonic and polytonic. */
static bool
greek_letter (uint32_t c)
{
  return (c >= 0x386 && c <= 0x3FF && c != 0x387) || (c >= 0x1F00 && c <= 0x1FFF);
}

/* Greek in capitals: 0 when c is not one the Greek rule changes. */
static uint32_t
greek_upper (uint32_t c, uint32_t prev, uint32_t next)
{
  static const struct { uint16_t from, to; } drop_tonos[] = {
    { 0x386, 0x391 }, { 0x388, 0x395 }, { 0x389, 0x397 }, { 0x38A, 0x399 }, { 0x38C, 0x39F },
    { 0x38E, 0x3A5 }, { 0x38F, 0x3A9 }, { 0x390, 0x3AA }, { 0x3AC, 0x391 }, { 0x3AD, 0x395 },
    { 0x3AE, 0x397 }, { 0x3AF, 0x399 }, { 0x3B0, 0x3AB }, { 0x3C2, 0x3A3 }, { 0x3CA, 0x3AA },
    { 0x3CB, 0x3AB }, { 0x3CC, 0x39F }, { 0x3CD, 0x3A5 }, { 0x3CE, 0x3A9 },
  };
  if (c == 0x3AE && !greek_letter (prev) && !greek_letter (next))
    return 0x389;   /* the disjunctive "ή" */
  for (size_t i = 0; i < sizeof drop_tonos / sizeof *drop_tonos; i++)
    if (drop_tonos[i].from == c)
      return drop_tonos[i].to;
  return 0;
}

/* Whether lang (BCP 47) is Turkish or Azerbaijani, whose i has a dotted capital. */
static bool
dotted_capital_i (const char *lang)
{
  if (!lang)
    return false;
  bool tr = strncmp (lang, "tr", 2) == 0, az = strncmp (lang, "az", 2) == 0;
  return (tr || az) && (lang[2] == 0 || lang[2] == '-' || lang[2] == '_');
}

/* Simple upper case of Latin-1, Latin Extended-A, Greek and Cyrillic. */
static uint32_t
table_upper (uint32_t c)
{
  if (c >= 'a' && c <= 'z')
    return c - 32;
  if (c >= 0xE0 && c <= 0xFE && c != 0xF7)
    return c - 32;
  if (c == 0xFF)
    return 0x178;
  if (c == 0x131)
    return 'I';
  if (c >= 0x100 && c <= 0x17F && c != 0x138 && c != 0x149 && c != 0x17F) {
    /* Latin Extended-A pairs: even upper, odd lower, except 0x139..0x148 and 0x179..0x17E. */
    bool odd_upper = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
    return (odd_upper ? c % 2 == 0 : c % 2 == 1) ? c - 1 : c;
  }
  if (c >= 0x3B1 && c <= 0x3C9)
    return c - 32;
  if (c >= 0x430 && c <= 0x44F)
    return c - 32;
  if (c >= 0x450 && c <= 0x45F)
    return c - 80;
  return c;
}

/**
 * ink__case_upper:
 * @c: a code point
 * @prev: the code point before it in the text, or 0
 * @next: the code point after it, or 0
 * @lang: the text's language, BCP 47 (nullable)
 *
 * Return value: @c in upper case, one code point (@c itself when it has no capital).
 * Since: 0.3
 */
uint32_t
ink__case_upper (uint32_t c, uint32_t prev, uint32_t next, const char *lang)
{
  uint32_t g = greek_letter (c) ? greek_upper (c, prev, next) : 0;
  if (g)
    return g;
  if (c == 'i' && dotted_capital_i (lang))
    return 0x130;
  if (c == 0xDF)
    return 0x1E9E;
#ifdef INK_WITH_ICU
  const ink__icu_t *icu = c < 0x80 ? NULL : ink__icu (NULL, NULL);
  if (icu)
    return (uint32_t) icu->u_toupper ((UChar32) c);
#endif
  return table_upper (c);   /* ASCII as ICU has it, or no ICU: the table's scripts only */
}
