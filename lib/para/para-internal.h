/* para/para-internal.h: what the files of lib/para/ give each other. Not installed; only
 * lib/para/ and its unit tests include it.
 *
 *   para.c     ink__para_build: the steps in order
 *   items.c    break opportunities and hyphenation points as Knuth–Plass items
 *   itemsmemo.c  the items kept with the shaped paragraph for its next setting
 *   line.c     a line's glyphs (reshaped where a cut is unsafe), hyphen, visual order
 *   kashida.c  Arabic-script lines stretched by tatweels before spaces are widened
 *   justify.c  justification by spaces, Thai word boundaries, letters, CJK characters
 *   cjk.c      CJK punctuation set half width next to other punctuation and at line start
 *   fill.c     exact fill: a paragraph set again line by line, each the longest that fits
 *   kp.c       Knuth–Plass total-fit breaking (kp.h)
 * What each script does (which characters are CJK, which join) is asked of the script table
 * (lib/text/scripts.h). */
#ifndef INK_PARA_INTERNAL_H
#define INK_PARA_INTERNAL_H

#include "para.h"

#include "breaks.h"
#include "kp.h"
#include "scripts.h"

/* The code point at byte off of text. */
static inline uint32_t
cp_at (const char *text, size_t len, size_t off)
{
  uint32_t c;
  ink__utf8_next (text, len, &off, &c);
  return c;
}

/* The start of the code point that ends at byte off, not before lo. */
static inline size_t
cp_before (const char *text, size_t lo, size_t off)
{
  size_t k = off - 1;
  while (k > lo && ((unsigned char) text[k] & 0xC0) == 0x80)
    k--;
  return k;
}

static inline bool
is_space (uint32_t c)
{
  return c == ' ' || c == '\t' || c == 0x3000 || c == 0x2002 || c == 0x2003 || c == 0x2009 ||
         c == 0x200A || c == 0x205F || c == 0x1680 || c == 0x2000 || c == 0x2001 ||
         (c >= 0x2004 && c <= 0x2008);
}

/* CJK: each character on its own em square, spaced between characters. */
static inline bool
is_cjk (uint32_t c)
{
  return ink__script_of_cp (c)->justify == INK_JUSTIFY_CJK;
}

static inline bool
space_at (const char *text, size_t len, size_t off)
{
  return is_space (cp_at (text, len, off));
}

/* The first byte at or after off that is not white space, stepping whole characters. */
static inline size_t
skip_spaces (const char *text, size_t len, size_t off)
{
  while (off < len && space_at (text, len, off)) {
    uint32_t c;
    ink__utf8_next (text, len, &off, &c);
  }
  return off;
}

/* The end of [s, e) without the white space it ends with, stepping whole characters. */
static inline size_t
trim_spaces (const char *text, size_t len, size_t s, size_t e)
{
  while (e > s) {
    size_t k = cp_before (text, s, e), p = k;
    uint32_t c;
    ink__utf8_next (text, len, &p, &c);
    if (!is_space (c) || p != e)
      break;
    e = k;
  }
  return e;
}

/* What an item stands for in the text: where the line ends and the next begins if it
 * breaks there. */
typedef struct {
  size_t end_here;      /* this line's text ends here */
  size_t next_start;    /* the next line's text starts here */
  bool hyphen;
} item_pos_t;

typedef struct {
  ink_context_t *ctx;
  INK_VEC (ink__kp_item_t) items;
  INK_VEC (item_pos_t) pos;
} builder_t;

typedef struct {
  const ink__run_t *run;
  size_t start, end;
} src_t;

typedef INK_VEC (src_t) src_vec_t;
typedef INK_VEC (size_t) size_vec_t;

/* items.c: the item list. adv[k] is the advance of the cluster starting at byte k. */
/* How the items of a paragraph depend on its narrowest line (ink__para_narrow): a word is
 * cut between its letters only where it is wider than that, or than half of it (a plain
 * word). half and full: the widest words of each kind; cut: some word was cut. */
typedef struct {
  int32_t narrow;
  int64_t half, full;
  bool cut;
} items_reach_t;

/* The narrowest measure o gives its lines (INT32_MAX for none). */
static inline int32_t
ink__para_narrow (const ink__para_opts_t *o)
{
  int32_t m = INT32_MAX;
  for (size_t i = 0; i < o->nwidths; i++)
    if (o->widths[i] < m)
      m = o->widths[i];
  return m;
}

ink_status_t ink__para_items (builder_t *b, ink__shaped_t *sh, const ink__para_opts_t *o,
                              const int32_t *adv, const uint8_t *brks, const uint8_t *cstart,
                              ink__hyphenator_t *hy, items_reach_t *reach);

/* itemsmemo.c */
bool ink__items_memo_get (ink__shaped_t *sh, const ink__para_opts_t *o, builder_t *b);
void ink__items_memo_put (ink__shaped_t *sh, const ink__para_opts_t *o, const builder_t *b,
                          const items_reach_t *reach);

/* line.c: the blocks a line is made in, kept for every line of a paragraph built (emptied,
 * not freed, from line to line). */
typedef struct {
  ink__glyph_vec_t tmp;          /* one run's glyphs */
  ink__glyph_vec_t lg;           /* the line's glyphs, its runs in logical order */
  size_vec_t rg;                 /* where each run starts in lg */
  src_vec_t srcs;                /* where each run comes from */
  size_vec_t order;              /* the runs in visual order */
  INK_VEC (ink__lrun_t) vis;
} ink__line_scratch_t;

void ink__line_scratch_free (ink_context_t *ctx, ink__line_scratch_t *sc);
const ink__run_t *ink__para_run_at (const ink__shaped_t *sh, size_t off);
int32_t ink__para_hyphen_width (ink__shaped_t *sh, const ink__run_t *run, uint32_t *gid);
ink_status_t ink__para_make_line (ink__shaped_t *sh, const ink__para_opts_t *o, ink__para_t *out,
                                  size_t s, size_t e, bool hyphen, bool last, double ratio,
                                  int32_t measure, bool first, ink__line_scratch_t *sc,
                                  const uint8_t *brks);

/* kashida.c */
ink_status_t ink__para_kashida (ink__shaped_t *sh, ink__para_t *out, size_t r0, src_vec_t *srcs,
                                ink__glyph_vec_t *lg, size_vec_t *rg, int64_t avail,
                                size_t *missing);

/* justify.c */
int32_t ink__para_cluster_gap (const ink__shaped_t *sh, size_t a, size_t b);
void ink__para_justify (const ink__shaped_t *sh, const ink__para_opts_t *o, const uint8_t *brks,
                        size_t s, size_t e, int64_t diff, ink__glyph_vec_t *lg, double *opened);

/* cjk.c */
void ink__para_cjk_compress (const ink__shaped_t *sh, const ink__run_t *r, ink__glyph_t *g, size_t n,
                             size_t line_start);

/* fill.c */
ink_status_t ink__para_exact_fill (ink__shaped_t *sh, const ink__para_opts_t *o, ink__para_t *out,
                                   const uint8_t *brks, const uint8_t *cstart,
                                   ink__line_scratch_t *sc);

#endif
