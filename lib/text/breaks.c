/* text/breaks: line break opportunities and grapheme cluster boundaries.
 *
 * Line breaks are UAX #14 as libunibreak computes them, then three tailorings in this order:
 * Thai words from libthai's dictionary (libunibreak leaves class SA text unbroken), kinsoku
 * shori (no line starts with closing punctuation, small kana or iteration marks, none ends
 * with opening brackets), and a mandatory break at the end of the text.
 *
 *   uint8_t brks[len];
 *   if (ink__breaks (ctx, text, len, "ja", brks) == INK_OK)
 *     ... brks[i] == INK_BRK_ALLOW: a line may end after byte i ...
 *
 * Grapheme clusters follow UAX #29 (extended clusters, Unicode 15.1 rules). libunibreak 1.1
 * has no grapheme segmentation, so the Grapheme_Cluster_Break property is derived here from
 * HarfBuzz's general category plus short tables of the exceptions. */
#include "breaks.h"

#include <hb.h>
#include <linebreak.h>
#include <thai/thbrk.h>
#include <thai/thwchar.h>
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

typedef struct { uint32_t lo, hi; } range_t;

static bool
in_ranges (const range_t *r, size_t n, uint32_t cp)
{
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (cp < r[mid].lo)
      hi = mid;
    else if (cp > r[mid].hi)
      lo = mid + 1;
    else
      return true;
  }
  return false;
}
#define IN(table, cp) in_ranges ((table), sizeof (table) / sizeof *(table), (cp))

/* Kinsoku shori, JIS X 4051 style: characters that may not start a line. */
static const range_t no_start[] = {
  {0x2025, 0x2026}, /* ‥ … */
  {0x3001, 0x3002}, /* 、。 */
  {0x3005, 0x3005}, /* 々 */
  {0x3009, 0x3009}, {0x300B, 0x300B}, {0x300D, 0x300D}, {0x300F, 0x300F},
  {0x3011, 0x3011}, {0x3015, 0x3015}, {0x3017, 0x3017}, {0x3019, 0x3019},
  {0x301B, 0x301B}, {0x303B, 0x303B},
  {0x3041, 0x3041}, {0x3043, 0x3043}, {0x3045, 0x3045}, {0x3047, 0x3047},
  {0x3049, 0x3049}, {0x3063, 0x3063}, {0x3083, 0x3083}, {0x3085, 0x3085},
  {0x3087, 0x3087}, {0x308E, 0x308E}, {0x3095, 0x3096}, /* small hiragana */
  {0x309D, 0x309E}, /* ゝゞ */
  {0x30A0, 0x30A1}, {0x30A3, 0x30A3}, {0x30A5, 0x30A5}, {0x30A7, 0x30A7},
  {0x30A9, 0x30A9}, {0x30C3, 0x30C3}, {0x30E3, 0x30E3}, {0x30E5, 0x30E5},
  {0x30E7, 0x30E7}, {0x30EE, 0x30EE}, {0x30F5, 0x30F6}, /* small katakana */
  {0x30FB, 0x30FC}, /* ・ー */
  {0x30FD, 0x30FE}, /* ヽヾ */
  {0x31F0, 0x31FF}, /* small katakana for Ainu */
  {0xFF01, 0xFF01}, {0xFF09, 0xFF09}, {0xFF0C, 0xFF0C}, {0xFF0E, 0xFF0E},
  {0xFF1A, 0xFF1B}, {0xFF1F, 0xFF1F}, {0xFF3D, 0xFF3D}, {0xFF5D, 0xFF5D},
  {0xFF61, 0xFF61}, {0xFF63, 0xFF64}, {0xFF67, 0xFF70}, /* halfwidth forms */
};

/* Characters that may not end a line. */
static const range_t no_end[] = {
  {0x3008, 0x3008}, {0x300A, 0x300A}, {0x300C, 0x300C}, {0x300E, 0x300E},
  {0x3010, 0x3010}, {0x3014, 0x3014}, {0x3016, 0x3016}, {0x3018, 0x3018},
  {0x301A, 0x301A}, {0xFF08, 0xFF08}, {0xFF3B, 0xFF3B}, {0xFF5B, 0xFF5B},
  {0xFF62, 0xFF62},
};

/* Byte offset just past the code point that starts at pos. */
static size_t
cp_end (const char *text, size_t len, size_t pos, uint32_t *cp)
{
  ink__utf8_next (text, len, &pos, cp);
  return pos;
}

/* Thai: libthai's dictionary finds word boundaries inside runs of Thai letters. */
static ink_status_t
thai_words (ink_context_t *ctx, const char *text, size_t len, uint8_t *brks)
{
  ThBrk *brk = NULL;
  size_t pos = 0;
  ink_status_t st = INK_OK;
  while (pos < len && st == INK_OK) {
    uint32_t cp;
    size_t start = pos, end = cp_end (text, len, pos, &cp);
    thchar_t tc = (cp >= 0x0E01 && cp <= 0x0E5B) ? th_uni2tis (cp) : THCHAR_ERR;
    pos = end;
    if (tc == THCHAR_ERR || tc == 0)
      continue;
    /* Measure the run of TIS-620-mappable Thai characters that starts here. */
    size_t nch = 1, run_end = end;
    while (run_end < len) {
      size_t e = cp_end (text, len, run_end, &cp);
      if (cp < 0x0E01 || cp > 0x0E5B || th_uni2tis (cp) == THCHAR_ERR)
        break;
      run_end = e;
      nch++;
    }
    pos = run_end;
    if (nch < 2 || nch > (size_t) INT32_MAX / 2)
      continue;
    if (!brk) {
      brk = th_brk_new (NULL);
      if (!brk) {
        ink__log (ctx, INK_LOG_WARNING, "libthai dictionary not found: Thai breaks at spaces only");
        return INK_OK;
      }
    }
    thchar_t *tis = ink__realloc_array (ctx, NULL, 0, nch + 1, sizeof *tis);
    size_t *ends = ink__realloc_array (ctx, NULL, 0, nch, sizeof *ends);
    int *found = ink__realloc_array (ctx, NULL, 0, nch, sizeof *found);
    if (tis && ends && found) {
      size_t p = start;
      for (size_t k = 0; k < nch; k++) {
        p = cp_end (text, len, p, &cp);
        tis[k] = th_uni2tis (cp);
        ends[k] = p - 1;
      }
      tis[nch] = 0;
      int nf = th_brk_find_breaks (brk, tis, found, nch);
      for (int k = 0; k < nf; k++) {
        /* found[k] is the index of the character a new word starts with. */
        if (found[k] > 0 && (size_t) found[k] < nch && brks[ends[found[k] - 1]] == INK_BRK_NO)
          brks[ends[found[k] - 1]] = INK_BRK_ALLOW;
      }
    } else {
      st = ink__error (ctx, INK_NO_MEMORY, "out of memory breaking Thai text");
    }
    ink__free (ctx, tis, tis ? (nch + 1) * sizeof *tis : 0);
    ink__free (ctx, ends, ends ? nch * sizeof *ends : 0);
    ink__free (ctx, found, found ? nch * sizeof *found : 0);
  }
  if (brk)
    th_brk_delete (brk);
  return st;
}

/**
 * ink__breaks:
 * @ctx: a context
 * @text: UTF-8 text, one paragraph
 * @len: its length in bytes
 * @lang: BCP 47 language tag (nullable), passed to libunibreak for its tailorings
 * @brks: len bytes, written: INK_BRK_MUST, _ALLOW or _NO after the last byte of each code
 *        point, INK_BRK_INSIDE after the other bytes
 *
 * Kinsoku shori is applied whatever the language: the characters it concerns are only used
 * in Chinese and Japanese text. libthai's dictionary is loaded once per call that has Thai.
 * Lao, Khmer and Myanmar have no dictionary here: they break only where UAX #14 allows
 * (spaces, punctuation), and the paragraph builder's emergency pass breaks at grapheme
 * clusters.
 *
 * Return value: INK_OK; INK_INVALID if the text is not valid UTF-8; INK_NO_MEMORY.
 * Since: 0.1
 */
ink_status_t
ink__breaks (ink_context_t *ctx, const char *text, size_t len, const char *lang, uint8_t *brks)
{
  if (len == 0)
    return INK_OK;
  if (!text || !brks)
    return ink__error (ctx, INK_INVALID, "ink__breaks: NULL text or output");
  bool thai = false;
  for (size_t pos = 0; pos < len;) {
    size_t at = pos;
    uint32_t cp;
    if (!ink__utf8_next (text, len, &pos, &cp))
      return ink__error (ctx, INK_INVALID, "ink__breaks: invalid UTF-8 at byte %zu", at);
    thai |= cp >= 0x0E01 && cp <= 0x0E5B;
  }
  call_once (&unibreak_once, unibreak_init);
  set_linebreaks_utf8 ((const utf8_t *) text, len, lang, (char *) brks);

  if (thai) {
    ink_status_t st = thai_words (ctx, text, len, brks);
    if (st != INK_OK)
      return st;
  }

  uint32_t prev = 0;
  size_t prev_end = 0;
  for (size_t pos = 0; pos < len;) {
    uint32_t cp;
    size_t start = pos;
    pos = cp_end (text, len, pos, &cp);
    for (size_t i = start; i + 1 < pos; i++)
      brks[i] = INK_BRK_INSIDE;
    if (start > 0 && brks[prev_end] == INK_BRK_ALLOW
        && (IN (no_start, cp) || IN (no_end, prev)))
      brks[prev_end] = INK_BRK_NO;
    prev = cp;
    prev_end = pos - 1;
  }
  brks[len - 1] = INK_BRK_MUST;
  return INK_OK;
}

/* Grapheme_Cluster_Break values, plus the Indic conjunct classes of GB9c. */
typedef enum {
  GCB_OTHER, GCB_CR, GCB_LF, GCB_CONTROL, GCB_EXTEND, GCB_ZWJ, GCB_RI, GCB_PREPEND,
  GCB_SPACINGMARK, GCB_L, GCB_V, GCB_T, GCB_LV, GCB_LVT
} gcb_t;

/* Spacing marks that are Grapheme_Extend (Other_Grapheme_Extend), hence Extend. */
static const range_t other_extend[] = {
  {0x09BE, 0x09BE}, {0x09D7, 0x09D7}, {0x0B3E, 0x0B3E}, {0x0B57, 0x0B57}, {0x0BBE, 0x0BBE},
  {0x0BD7, 0x0BD7}, {0x0CC2, 0x0CC2}, {0x0CD5, 0x0CD6}, {0x0D3E, 0x0D3E}, {0x0D57, 0x0D57},
  {0x0DCF, 0x0DCF}, {0x0DDF, 0x0DDF}, {0x1B35, 0x1B35}, {0x200C, 0x200C}, {0x302E, 0x302F},
  {0xFF9E, 0xFF9F}, {0x1133E, 0x1133E}, {0x11357, 0x11357}, {0x114B0, 0x114B0},
  {0x114BD, 0x114BD}, {0x115AF, 0x115AF}, {0x11930, 0x11930}, {0x1D165, 0x1D165},
  {0x1D16E, 0x1D172}, {0x1F3FB, 0x1F3FF}, {0xE0020, 0xE007F},
};

static const range_t prepend[] = {
  {0x0600, 0x0605}, {0x06DD, 0x06DD}, {0x070F, 0x070F}, {0x0890, 0x0891}, {0x08E2, 0x08E2},
  {0x0D4E, 0x0D4E}, {0x110BD, 0x110BD}, {0x110CD, 0x110CD}, {0x111C2, 0x111C3},
  {0x1193F, 0x1193F}, {0x11941, 0x11941}, {0x11A3A, 0x11A3A}, {0x11A84, 0x11A89},
  {0x11D46, 0x11D46}, {0x11F02, 0x11F02},
};

/* Extended_Pictographic (emoji-data.txt), outside Unicode's reserved blocks for emoji. */
static const range_t ext_pict[] = {
  {0x00A9, 0x00A9}, {0x00AE, 0x00AE}, {0x203C, 0x203C}, {0x2049, 0x2049}, {0x2122, 0x2122},
  {0x2139, 0x2139}, {0x2194, 0x2199}, {0x21A9, 0x21AA}, {0x231A, 0x231B}, {0x2328, 0x2328},
  {0x2388, 0x2388}, {0x23CF, 0x23CF}, {0x23E9, 0x23F3}, {0x23F8, 0x23FA}, {0x24C2, 0x24C2},
  {0x25AA, 0x25AB}, {0x25B6, 0x25B6}, {0x25C0, 0x25C0}, {0x25FB, 0x25FE}, {0x2600, 0x2605},
  {0x2607, 0x2612}, {0x2614, 0x2685}, {0x2690, 0x2705}, {0x2708, 0x2712}, {0x2714, 0x2714},
  {0x2716, 0x2716}, {0x271D, 0x271D}, {0x2721, 0x2721}, {0x2728, 0x2728}, {0x2733, 0x2734},
  {0x2744, 0x2744}, {0x2747, 0x2747}, {0x274C, 0x274C}, {0x274E, 0x274E}, {0x2753, 0x2755},
  {0x2757, 0x2757}, {0x2763, 0x2767}, {0x2795, 0x2797}, {0x27A1, 0x27A1}, {0x27B0, 0x27B0},
  {0x27BF, 0x27BF}, {0x2934, 0x2935}, {0x2B05, 0x2B07}, {0x2B1B, 0x2B1C}, {0x2B50, 0x2B50},
  {0x2B55, 0x2B55}, {0x3030, 0x3030}, {0x303D, 0x303D}, {0x3297, 0x3297}, {0x3299, 0x3299},
  {0x1F000, 0x1F0FF}, {0x1F10D, 0x1F10F}, {0x1F12F, 0x1F12F}, {0x1F16C, 0x1F171},
  {0x1F17E, 0x1F17F}, {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A}, {0x1F1AD, 0x1F1E5},
  {0x1F201, 0x1F20F}, {0x1F21A, 0x1F21A}, {0x1F22F, 0x1F22F}, {0x1F232, 0x1F23A},
  {0x1F23C, 0x1F23F}, {0x1F249, 0x1F3FA}, {0x1F400, 0x1F53D}, {0x1F546, 0x1F64F},
  {0x1F680, 0x1F6FF}, {0x1F774, 0x1F77F}, {0x1F7D5, 0x1F7FF}, {0x1F80C, 0x1F80F},
  {0x1F848, 0x1F84F}, {0x1F85A, 0x1F85F}, {0x1F888, 0x1F88F}, {0x1F8AE, 0x1F8FF},
  {0x1F90C, 0x1F93A}, {0x1F93C, 0x1F945}, {0x1F947, 0x1FAFF}, {0x1FC00, 0x1FFFD},
};

/* Indic_Conjunct_Break=Consonant (Unicode 15.1). */
static const range_t incb_consonant[] = {
  {0x0915, 0x0939}, {0x0958, 0x095F}, {0x0978, 0x097F}, {0x0995, 0x09A8}, {0x09AA, 0x09B0},
  {0x09B2, 0x09B2}, {0x09B6, 0x09B9}, {0x09DC, 0x09DD}, {0x09DF, 0x09DF}, {0x09F0, 0x09F1},
  {0x0A95, 0x0AA8}, {0x0AAA, 0x0AB0}, {0x0AB2, 0x0AB3}, {0x0AB5, 0x0AB9}, {0x0AF9, 0x0AF9},
  {0x0B15, 0x0B28}, {0x0B2A, 0x0B30}, {0x0B32, 0x0B33}, {0x0B35, 0x0B39}, {0x0B5C, 0x0B5D},
  {0x0B5F, 0x0B5F}, {0x0B71, 0x0B71}, {0x0C15, 0x0C28}, {0x0C2A, 0x0C39}, {0x0C58, 0x0C5A},
  {0x0D15, 0x0D3A},
};

/* Indic_Conjunct_Break=Linker: the viramas of those scripts. */
static bool
incb_linker (uint32_t cp)
{
  return cp == 0x094D || cp == 0x09CD || cp == 0x0ACD || cp == 0x0B4D || cp == 0x0C4D
         || cp == 0x0D4D;
}

static gcb_t
gcb_of (hb_unicode_funcs_t *uf, uint32_t cp)
{
  if (cp == 0x0D)
    return GCB_CR;
  if (cp == 0x0A)
    return GCB_LF;
  if (cp == 0x200D)
    return GCB_ZWJ;
  if (cp >= 0x1F1E6 && cp <= 0x1F1FF)
    return GCB_RI;
  if (cp >= 0x1100 && cp <= 0x115F)
    return GCB_L;
  if (cp >= 0xA960 && cp <= 0xA97C)
    return GCB_L;
  if ((cp >= 0x1160 && cp <= 0x11A7) || (cp >= 0xD7B0 && cp <= 0xD7C6))
    return GCB_V;
  if ((cp >= 0x11A8 && cp <= 0x11FF) || (cp >= 0xD7CB && cp <= 0xD7FB))
    return GCB_T;
  if (cp >= 0xAC00 && cp <= 0xD7A3)
    return (cp - 0xAC00) % 28 == 0 ? GCB_LV : GCB_LVT;
  if (IN (other_extend, cp))
    return GCB_EXTEND;
  if (IN (prepend, cp))
    return GCB_PREPEND;
  if (cp == 0x0E33 || cp == 0x0EB3)
    return GCB_SPACINGMARK;
  switch (hb_unicode_general_category (uf, cp)) {
  case HB_UNICODE_GENERAL_CATEGORY_CONTROL:
  case HB_UNICODE_GENERAL_CATEGORY_LINE_SEPARATOR:
  case HB_UNICODE_GENERAL_CATEGORY_PARAGRAPH_SEPARATOR:
  case HB_UNICODE_GENERAL_CATEGORY_SURROGATE:
    return GCB_CONTROL;
  case HB_UNICODE_GENERAL_CATEGORY_FORMAT:
    return GCB_CONTROL;
  case HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK:
  case HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK:
    return GCB_EXTEND;
  case HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK:
    return GCB_SPACINGMARK;
  default:
    return GCB_OTHER;
  }
}

/**
 * ink__graphemes:
 * @text: UTF-8 text
 * @len: its length in bytes
 * @gbrks: len bytes, written: 1 after the last byte of each grapheme cluster, else 0
 *
 * Used to place emergency breaks inside overlong words and to choose fallback fonts per
 * cluster. Invalid byte sequences count as controls, so each is a cluster of its own.
 *
 * Since: 0.1
 */
void
ink__graphemes (const char *text, size_t len, uint8_t *gbrks)
{
  hb_unicode_funcs_t *uf = hb_unicode_funcs_get_default ();
  gcb_t prev = GCB_CONTROL;
  int emoji = 0;          /* 1: after ExtPict Extend*, 2: after ExtPict Extend* ZWJ */
  int conjunct = 0;       /* 1: after Consonant [Extend Linker]*, 2: ... with a Linker */
  size_t ri_run = 0;      /* regional indicators just before */
  size_t prev_end = 0;
  if (len == 0)
    return;
  memset (gbrks, 0, len);
  for (size_t pos = 0; pos < len;) {
    uint32_t cp;
    size_t start = pos;
    bool ok = ink__utf8_next (text, len, &pos, &cp);
    gcb_t cur = ok ? gcb_of (uf, cp) : GCB_CONTROL;
    bool pict = ok && IN (ext_pict, cp);
    bool consonant = ok && IN (incb_consonant, cp);
    bool linker = ok && incb_linker (cp);
    bool brk;
    if (start == 0)
      brk = false;
    else if (prev == GCB_CR && cur == GCB_LF)
      brk = false;                                                  /* GB3 */
    else if (prev == GCB_CR || prev == GCB_LF || prev == GCB_CONTROL)
      brk = true;                                                   /* GB4 */
    else if (cur == GCB_CR || cur == GCB_LF || cur == GCB_CONTROL)
      brk = true;                                                   /* GB5 */
    else if (prev == GCB_L && (cur == GCB_L || cur == GCB_V || cur == GCB_LV || cur == GCB_LVT))
      brk = false;                                                  /* GB6 */
    else if ((prev == GCB_LV || prev == GCB_V) && (cur == GCB_V || cur == GCB_T))
      brk = false;                                                  /* GB7 */
    else if ((prev == GCB_LVT || prev == GCB_T) && cur == GCB_T)
      brk = false;                                                  /* GB8 */
    else if (cur == GCB_EXTEND || cur == GCB_ZWJ || cur == GCB_SPACINGMARK)
      brk = false;                                                  /* GB9, GB9a */
    else if (prev == GCB_PREPEND)
      brk = false;                                                  /* GB9b */
    else if (conjunct == 2 && consonant)
      brk = false;                                                  /* GB9c */
    else if (emoji == 2 && pict)
      brk = false;                                                  /* GB11 */
    else if (prev == GCB_RI && cur == GCB_RI && ri_run % 2 == 1)
      brk = false;                                                  /* GB12, GB13 */
    else
      brk = true;                                                   /* GB999 */
    if (brk)
      gbrks[prev_end] = 1;

    if (pict)
      emoji = 1;
    else if (emoji == 1 && cur == GCB_EXTEND)
      emoji = 1;
    else if (emoji == 1 && cur == GCB_ZWJ)
      emoji = 2;
    else
      emoji = 0;
    if (consonant)
      conjunct = 1;
    else if (conjunct && linker)
      conjunct = 2;
    else if (!(conjunct && (cur == GCB_EXTEND || cur == GCB_ZWJ)))
      conjunct = 0;
    ri_run = cur == GCB_RI ? ri_run + 1 : 0;
    prev = cur;
    prev_end = pos - 1;
  }
  gbrks[len - 1] = 1;
}
