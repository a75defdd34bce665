/* text/uax14: UAX #14 line break opportunities through libunibreak, guarded so that no code
 * point can crash it.
 *
 *   uint8_t cbrks[n];                        // one per code point
 *   ink__uax14 (ctx, cps, n, "en", cbrks);   // cbrks[k]: may a line break after cps[k]?
 *
 * libunibreak 1.1 (Debian 12) asserts in set_linebreaks on the 26 regional indicators
 * U+1F1E6..U+1F1FF, and every release takes U+FFFF for its end-of-text mark (1.1 aborts on it;
 * later ones stop there and leave the rest unset). So libunibreak never sees those: each goes
 * to it as a stand-in code point of the same line-break behaviour, and the rules the stand-in
 * gets wrong are set afterwards here (see docs/reliability.md, "Flags and noncharacters"). */
#include "breaks.h"
#include "ucd.h"

#include <hb.h>
#include <linebreak.h>
#include <threads.h>

_Static_assert (LINEBREAK_MUSTBREAK == INK_BRK_MUST && LINEBREAK_ALLOWBREAK == INK_BRK_ALLOW
                  && LINEBREAK_NOBREAK == INK_BRK_NO && LINEBREAK_INSIDEACHAR == INK_BRK_INSIDE,
                "INK_BRK_* must mirror libunibreak's values");

/* libunibreak before 4.0 builds a lookup index in static storage in init_linebreak();
 * running it once keeps threads from racing on it. This is the dependency's state, not ours. */
static once_flag unibreak_once = ONCE_FLAG_INIT;
static void
unibreak_init (void)
{
  init_linebreak ();
}

/* Line_Break=PR and =PO (LineBreak.txt, Unicode 15.0): the only neighbours for which a
 * regional indicator and its stand-in (class ID) differ (LB23a: PR × ID, ID × PO). */
static const ink__range_t lb_pr[] = {
  {0x0024, 0x0024}, {0x002B, 0x002B}, {0x005C, 0x005C}, {0x00A3, 0x00A5}, {0x00B1, 0x00B1},
  {0x058F, 0x058F}, {0x07FE, 0x07FF}, {0x09FB, 0x09FB}, {0x0AF1, 0x0AF1}, {0x0BF9, 0x0BF9},
  {0x0E3F, 0x0E3F}, {0x17DB, 0x17DB}, {0x20A0, 0x20A6}, {0x20A8, 0x20B5}, {0x20B7, 0x20BA},
  {0x20BC, 0x20BD}, {0x20BF, 0x20BF}, {0x20C1, 0x20CF}, {0x2116, 0x2116}, {0x2212, 0x2213},
  {0xFE69, 0xFE69}, {0xFF04, 0xFF04}, {0xFFE1, 0xFFE1}, {0xFFE5, 0xFFE6}, {0x1E2FF, 0x1E2FF},
};
static const ink__range_t lb_po[] = {
  {0x0025, 0x0025}, {0x00A2, 0x00A2}, {0x00B0, 0x00B0}, {0x0609, 0x060B}, {0x066A, 0x066A},
  {0x09F2, 0x09F3}, {0x09F9, 0x09F9}, {0x0D79, 0x0D79}, {0x2030, 0x2037}, {0x2057, 0x2057},
  {0x20A7, 0x20A7}, {0x20B6, 0x20B6}, {0x20BB, 0x20BB}, {0x20BE, 0x20BE}, {0x20C0, 0x20C0},
  {0x2103, 0x2103}, {0x2109, 0x2109}, {0xA838, 0xA838}, {0xFDFC, 0xFDFC}, {0xFE6A, 0xFE6A},
  {0xFF05, 0xFF05}, {0xFFE0, 0xFFE0}, {0x11FDD, 0x11FE0}, {0x1ECAC, 0x1ECAC}, {0x1ECB0, 0x1ECB0},
};

static bool
is_ri (uint32_t cp)
{
  return cp >= 0x1F1E6 && cp <= 0x1F1FF;
}

/* The skin tones U+1F3FB..U+1F3FF, Line_Break=EM. */
static bool
is_modifier (uint32_t cp)
{
  return cp >= 0x1F3FB && cp <= 0x1F3FF;
}

/* U+FDD0..U+FDEF and the last two code points of every plane. */
static bool
is_noncharacter (uint32_t cp)
{
  return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
}

/**
 * ink__uax14_stand_in:
 * @cp: a code point
 *
 * Regional indicators go to libunibreak as U+4E00 (class ID, which breaks on both sides
 * like RI; ink__uax14 then applies LB30a and the PR/PO differences). Noncharacters are
 * Line_Break=XX, which UAX #14 resolves to AL, so they go as U+0041 (AL). U+3000, class BA,
 * goes as U+2002 (BA): libunibreak 1.1's table has it as ID, so a line could start with it.
 * The emoji modifiers (EM, which pairs like ID) are unassigned, hence AL, in 1.1: U+4E00.
 *
 * Return value: the code point libunibreak is given in place of @cp (@cp itself when it
 * needs no stand-in).
 * Since: 0.2
 */
uint32_t
ink__uax14_stand_in (uint32_t cp)
{
  if (is_ri (cp))
    return 0x4E00;
  if (is_noncharacter (cp))
    return 0x0041;
  if (cp == 0x3000)
    return 0x2002;
  if (is_modifier (cp))
    return 0x4E00;
  return cp;
}

/* Combining marks and ZWJ: LB9 attaches them to the character before them. */
static bool
is_mark (uint32_t cp)
{
  if (cp == 0x200D)
    return true;
  hb_unicode_general_category_t gc = ink__general_category (cp);
  return gc == HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK ||
         gc == HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK ||
         gc == HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK;
}

/* The classes marks do not attach to (LB9): BK, CR, LF, NL, SP, ZW. */
static bool
takes_marks (uint32_t cp)
{
  return !(cp == 0x0A || cp == 0x0B || cp == 0x0C || cp == 0x0D || cp == 0x20 || cp == 0x85 ||
           cp == 0x200B || cp == 0x2028 || cp == 0x2029);
}

/* In the text without its attached marks, the stand-in's answers that differ from a
 * regional indicator's: LB30a (pairs hold together, each pair breaks from the next), and
 * PR ÷ RI, RI ÷ PO where ID would hold; and LB30b, which libunibreak 1.1 predates. */
static void
fix_regional_indicators (const uint32_t *cps, size_t n, uint8_t *cbrks)
{
  size_t ri_run = 0;    /* regional indicators in the run that ends at k */
  for (size_t k = 0; k + 1 < n; k++) {
    uint32_t cp = cps[k], next = cps[k + 1];
    ri_run = is_ri (cp) ? ri_run + 1 : 0;
    if (cbrks[k] == INK_BRK_MUST)
      continue;
    /* LB30b, tailored to keep every pictograph with its modifier, as one cluster. */
    if (ink__is_ext_pict (cp) && is_modifier (next))
      cbrks[k] = INK_BRK_NO;
    else if (is_ri (cp) && is_ri (next))
      cbrks[k] = ri_run % 2 ? INK_BRK_NO : INK_BRK_ALLOW;
    else if ((is_ri (cp) && IN (lb_po, next)) || (IN (lb_pr, cp) && is_ri (next)))
      cbrks[k] = INK_BRK_ALLOW;
  }
}

/* Keeps in base[0..) the code points that are no attached mark, as libunibreak is to see
 * them; group[k] is the index in base of the character cps[k] belongs to. Marks left
 * unattached are AL (LB10). Returns the number kept. */
static size_t
attach_marks (const uint32_t *cps, size_t n, utf32_t *base, size_t *group)
{
  size_t m = 0;
  for (size_t k = 0; k < n; k++) {
    bool mark = is_mark (cps[k]);
    if (mark && m > 0 && takes_marks (cps[k - 1])) {
      group[k] = m - 1;
      continue;
    }
    group[k] = m;
    base[m++] = mark ? 0x0041 : cps[k];
  }
  return m;
}

/**
 * ink__uax14:
 * @ctx: a context
 * @cps: code points, one paragraph (no surrogates, none above U+10FFFF)
 * @n: their number
 * @lang: BCP 47 language tag (nullable), passed to libunibreak for its tailorings
 * @cbrks: n bytes, written: INK_BRK_MUST, _ALLOW or _NO after each code point
 *
 * Return value: INK_OK; INK_NO_MEMORY.
 * Since: 0.2
 */
ink_status_t
ink__uax14 (ink_context_t *ctx, const uint32_t *cps, size_t n, const char *lang, uint8_t *cbrks)
{
  if (n == 0)
    return INK_OK;
  utf32_t *base = ink__realloc_array (ctx, NULL, 0, n, sizeof *base);
  utf32_t *safe = ink__realloc_array (ctx, NULL, 0, n + 1, sizeof *safe);
  size_t *group = ink__realloc_array (ctx, NULL, 0, n, sizeof *group);
  uint8_t *bbrks = ink__alloc (ctx, n + 1);
  if (base && safe && group && bbrks) {
    size_t m = attach_marks (cps, n, base, group);
    /* libunibreak 1.1 holds spaces at the start of a text to what follows them; after a
     * letter they break as they do at the start (LB18), so it sees one before them. */
    size_t lead = base[0] == 0x20;
    safe[0] = 0x0041;
    for (size_t k = 0; k < m; k++)
      safe[lead + k] = ink__uax14_stand_in (base[k]);
    call_once (&unibreak_once, unibreak_init);
    set_linebreaks_utf32 (safe, m + lead, lang, (char *) bbrks);
    memmove (bbrks, bbrks + lead, m);
    fix_regional_indicators (base, m, bbrks);
    for (size_t k = 0; k < n; k++) {
      bool held = (k + 1 < n && group[k + 1] == group[k]) || cps[k] == 0x200D;   /* LB9, LB8a */
      cbrks[k] = held && k + 1 < n ? INK_BRK_NO : bbrks[group[k]];
    }
  }
  ink__free (ctx, base, base ? n * sizeof *base : 0);
  ink__free (ctx, safe, safe ? (n + 1) * sizeof *safe : 0);
  ink__free (ctx, group, group ? n * sizeof *group : 0);
  ink__free (ctx, bbrks, bbrks ? n + 1 : 0);
  if (!base || !safe || !group || !bbrks)
    return ink__error (ctx, INK_NO_MEMORY, "out of memory finding line breaks");
  return INK_OK;
}
