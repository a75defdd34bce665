/* text/bidi: one paragraph's embedding levels through FriBidi (see bidi.h). */
#include "bidi.h"

#include "text.h"

/* Whether every class is one that a left-to-right paragraph resolves to its own level 0:
 * no right-to-left letter, Arabic digit or explicit embedding, override or isolate, so that
 * no rule of UAX #9 raises a level (European digits after the paragraph's L stay L, W7; the
 * neutrals between them take L, N1 and N2). */
static bool
all_left_to_right (const FriBidiCharType *types, size_t n)
{
  for (size_t i = 0; i < n; i++)
    switch (types[i]) {
    case FRIBIDI_TYPE_LTR: case FRIBIDI_TYPE_EN: case FRIBIDI_TYPE_ES: case FRIBIDI_TYPE_ET:
    case FRIBIDI_TYPE_CS: case FRIBIDI_TYPE_NSM: case FRIBIDI_TYPE_BN: case FRIBIDI_TYPE_BS:
    case FRIBIDI_TYPE_SS: case FRIBIDI_TYPE_WS: case FRIBIDI_TYPE_ON:
      break;
    default:
      return false;
    }
  return true;
}

/**
 * ink__bidi_levels:
 * @cps: the paragraph's code points
 * @n: their number
 * @direction: 1 LTR, 2 RTL, 0 from @lang, or from the first strong character without one
 * @lang: BCP 47 language tag (nullable)
 * @types: n entries, written: bidi classes
 * @btypes: n entries, written: bracket types
 * @levels: n entries, written: resolved embedding levels (rule L1 applied to the
 *          paragraph as one line)
 * @base_level: written: the paragraph level, 0 or 1
 *
 * Return value: false when FriBidi fails (it allocates internally).
 * Since: 0.2
 */
bool
ink__bidi_levels (const uint32_t *cps, size_t n, int direction, const char *lang,
                  FriBidiCharType *types, FriBidiBracketType *btypes, FriBidiLevel *levels,
                  uint8_t *base_level)
{
  fribidi_get_bidi_types (cps, (FriBidiStrIndex) n, types);
  fribidi_get_bracket_types (cps, (FriBidiStrIndex) n, types, btypes);
  FriBidiParType pdir = FRIBIDI_PAR_ON;
  if (direction == 1)
    pdir = FRIBIDI_PAR_LTR;
  else if (direction == 2)
    pdir = FRIBIDI_PAR_RTL;
  else if (lang)
    pdir = ink__lang_is_rtl (lang) ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
  if (pdir == FRIBIDI_PAR_LTR && all_left_to_right (types, n))
    memset (levels, 0, n * sizeof *levels);   /* what FriBidi finds, ten times sooner */
  else if (n && !fribidi_get_par_embedding_levels_ex (types, btypes, (FriBidiStrIndex) n, &pdir,
                                                      levels))
    return false;
  *base_level = FRIBIDI_IS_RTL (pdir) ? 1 : 0;
  return true;
}

/**
 * ink__bidi_has_rtl:
 * @s: UTF-8 text (nullable)
 * @len: its length in bytes
 *
 * Return value: true when @s has a strong right-to-left character (bidi class R or AL).
 * Since: 0.3
 */
bool
ink__bidi_has_rtl (const char *s, size_t len)
{
  size_t off = 0;
  uint32_t cp;
  while (s && off < len) {
    ink__utf8_next (s, len, &off, &cp);
    if (FRIBIDI_IS_LETTER (fribidi_get_bidi_type (cp)) &&
        FRIBIDI_IS_RTL (fribidi_get_bidi_type (cp)))
      return true;
  }
  return false;
}

/**
 * ink__bidi_first_strong:
 * @s: UTF-8 text (nullable)
 * @len: its length in bytes
 *
 * Return value: the direction of @s's first strong letter (rule P2, isolates not skipped):
 * 1 left to right, 2 right to left, 0 when it has none.
 * Since: 0.3
 */
int
ink__bidi_first_strong (const char *s, size_t len)
{
  size_t off = 0;
  uint32_t cp;
  while (s && off < len) {
    ink__utf8_next (s, len, &off, &cp);
    FriBidiCharType t = fribidi_get_bidi_type (cp);
    if (FRIBIDI_IS_LETTER (t))
      return FRIBIDI_IS_RTL (t) ? 2 : 1;
  }
  return 0;
}

/**
 * ink__bidi_letters:
 * @s: UTF-8 text (nullable)
 * @len: its length in bytes
 *
 * Return value: which directions @s's strong letters take: 1 when it has a left-to-right
 * one, 2 a right-to-left one, 3 both, 0 none.
 * Since: 0.3
 */
int
ink__bidi_letters (const char *s, size_t len)
{
  size_t off = 0;
  uint32_t cp;
  int found = 0;
  while (s && off < len && found != 3) {
    ink__utf8_next (s, len, &off, &cp);
    FriBidiCharType t = fribidi_get_bidi_type (cp);
    if (FRIBIDI_IS_LETTER (t))
      found |= FRIBIDI_IS_RTL (t) ? 2 : 1;
  }
  return found;
}
