/* text/graphemes: grapheme cluster boundaries, UAX #29 extended clusters (Unicode 15.1 rules,
 * including the Indic conjunct rule GB9c).
 *
 *   uint8_t gbrks[len];
 *   ink__graphemes (text, len, gbrks);   // gbrks[i] == 1: a cluster ends after byte i
 *
 * libunibreak 1.1 has no grapheme segmentation, so the Grapheme_Cluster_Break property is
 * derived here from HarfBuzz's general category plus short tables of the exceptions. */
#include "breaks.h"
#include "ucd.h"

#include <hb.h>

/* Grapheme_Cluster_Break values, plus the Indic conjunct classes of GB9c. */
typedef enum {
  GCB_OTHER, GCB_CR, GCB_LF, GCB_CONTROL, GCB_EXTEND, GCB_ZWJ, GCB_RI, GCB_PREPEND,
  GCB_SPACINGMARK, GCB_L, GCB_V, GCB_T, GCB_LV, GCB_LVT
} gcb_t;

/* Spacing marks that are Grapheme_Extend (Other_Grapheme_Extend), hence Extend. */
static const ink__range_t other_extend[] = {
  {0x09BE, 0x09BE}, {0x09D7, 0x09D7}, {0x0B3E, 0x0B3E}, {0x0B57, 0x0B57}, {0x0BBE, 0x0BBE},
  {0x0BD7, 0x0BD7}, {0x0CC2, 0x0CC2}, {0x0CD5, 0x0CD6}, {0x0D3E, 0x0D3E}, {0x0D57, 0x0D57},
  {0x0DCF, 0x0DCF}, {0x0DDF, 0x0DDF}, {0x1B35, 0x1B35}, {0x200C, 0x200C}, {0x302E, 0x302F},
  {0xFF9E, 0xFF9F}, {0x1133E, 0x1133E}, {0x11357, 0x11357}, {0x114B0, 0x114B0},
  {0x114BD, 0x114BD}, {0x115AF, 0x115AF}, {0x11930, 0x11930}, {0x1D165, 0x1D165},
  {0x1D16E, 0x1D172}, {0x1F3FB, 0x1F3FF}, {0xE0020, 0xE007F},
};

static const ink__range_t prepend[] = {
  {0x0600, 0x0605}, {0x06DD, 0x06DD}, {0x070F, 0x070F}, {0x0890, 0x0891}, {0x08E2, 0x08E2},
  {0x0D4E, 0x0D4E}, {0x110BD, 0x110BD}, {0x110CD, 0x110CD}, {0x111C2, 0x111C3},
  {0x1193F, 0x1193F}, {0x11941, 0x11941}, {0x11A3A, 0x11A3A}, {0x11A84, 0x11A89},
  {0x11D46, 0x11D46}, {0x11F02, 0x11F02},
};

/* Extended_Pictographic (emoji-data.txt), outside Unicode's reserved blocks for emoji. */
static const ink__range_t ext_pict[] = {
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

/**
 * ink__is_ext_pict:
 * @cp: a code point
 *
 * Return value: true when @cp is Extended_Pictographic (emoji-data.txt).
 * Since: 0.2
 */
bool
ink__is_ext_pict (uint32_t cp)
{
  return IN (ext_pict, cp);
}

/* Indic_Conjunct_Break=Consonant (Unicode 15.1). */
static const ink__range_t incb_consonant[] = {
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
gcb_of (uint32_t cp)
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
  switch (ink__general_category (cp)) {
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
    gcb_t cur = ok ? gcb_of (cp) : GCB_CONTROL;
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
