/* para/para: the paragraph builder.
 *
 * (1) break opportunities (UAX #14 with kinsoku, Thai words) and hyphenation points;
 * (2) Knuth–Plass items over the shaped widths: a box per piece of text between
 *     opportunities, glue for spaces, penalties for hyphens and for emergency breaks at
 *     cluster boundaries inside words too wide to fit;
 * (3) total-fit breaking (lib/para/kp.c);
 * (4) per line: the runs' glyphs, reshaped only where the break cuts through a glyph that
 *     HarfBuzz marked unsafe to break; a hyphen where one was chosen;
 * (5) justification by spaces (or between CJK characters where a line has no spaces);
 * (6) runs in visual order (UAX #9 L2 over run levels; HarfBuzz already gives RTL runs
 *     in visual order), then alignment. */
#include "para.h"

#include "breaks.h"
#include "kp.h"

/* The code point at byte off of text. */
static uint32_t
cp_at (const char *text, size_t len, size_t off)
{
  uint32_t c;
  ink__utf8_next (text, len, &off, &c);
  return c;
}

/* The start of the code point that ends at byte off, not before lo. */
static size_t
cp_before (const char *text, size_t lo, size_t off)
{
  size_t k = off - 1;
  while (k > lo && ((unsigned char) text[k] & 0xC0) == 0x80)
    k--;
  return k;
}

static bool
is_space (uint32_t c)
{
  return c == ' ' || c == '\t' || c == 0x3000 || c == 0x2002 || c == 0x2003 || c == 0x2009 ||
         c == 0x200A || c == 0x205F || c == 0x1680 || c == 0x2000 || c == 0x2001 ||
         (c >= 0x2004 && c <= 0x2008);
}

/* Thai and Lao: words run together, and lines are justified at the word boundaries. */
static bool
is_thai (uint32_t c)
{
  return c >= 0x0E00 && c <= 0x0EFF;
}

static bool
is_cjk (uint32_t c)
{
  return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x20000 && c <= 0x3FFFF);
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

static bool
push (builder_t *b, ink__kp_item_t it, size_t end_here, size_t next_start, bool hyphen)
{
  item_pos_t p = { end_here, next_start, hyphen };
  return ink__vec_push (b->ctx, &b->items, it) && ink__vec_push (b->ctx, &b->pos, p);
}

static bool
push_box (builder_t *b, int64_t w, size_t at)
{
  /* Adjacent boxes merge: the breaker needs no boundary where no break is allowed. */
  if (b->items.n && b->items.v[b->items.n - 1].kind == INK_KP_BOX) {
    ink__kp_item_t *last = &b->items.v[b->items.n - 1];
    last->width = ink__width_clamp (last->width + w);
    return true;
  }
  ink__kp_item_t it = { 0 };
  it.kind = INK_KP_BOX;
  it.width = ink__width_clamp (w);
  return push (b, it, at, at, false);
}

static int32_t
hyphen_width (ink__shaped_t *sh, const ink__run_t *run, uint32_t *gid)
{
  hb_codepoint_t g = 0;
  if (!hb_font_get_nominal_glyph (run->face->hb_font, 0x2010, &g) || g == 0)
    hb_font_get_nominal_glyph (run->face->hb_font, '-', &g);
  *gid = g;
  (void) sh;
  return ink__units_to_26d6 (run->face, run->style->size_px,
                             hb_font_get_glyph_h_advance (run->face->hb_font, g));
}

static const ink__run_t *
run_at (const ink__shaped_t *sh, size_t off)
{
  size_t lo = 0, hi = sh->runs.n;
  while (lo + 1 < hi) {
    size_t mid = (lo + hi) / 2;
    if (sh->runs.v[mid].start <= off)
      lo = mid;
    else
      hi = mid;
  }
  return &sh->runs.v[lo];
}

/* Glue stretch or shrink: finite (INK_KP_FIL and above would be infinite stretch). */
static int32_t
glue_amount (int64_t v)
{
  return v >= INK_KP_FIL ? INK_KP_FIL - 1 : v < 0 ? 0 : (int32_t) v;
}

static int32_t
min_width (const ink__para_opts_t *o)
{
  int32_t m = INT32_MAX;
  for (size_t i = 0; i < o->nwidths; i++)
    if (o->widths[i] < m)
      m = o->widths[i];
  return m;
}

/* Builds the item list. adv[k] is the advance of the cluster starting at byte k. */
static ink_status_t
build_items (builder_t *b, ink__shaped_t *sh, const ink__para_opts_t *o, const int32_t *adv,
             const uint8_t *brks, const uint8_t *cstart, ink__hyphenator_t *hy)
{
  const char *text = sh->text;
  size_t len = sh->len;
  bool justify = o->align == INK_PARA_JUSTIFY;
  int32_t narrow = min_width (o);
  /* Pieces: [a, e) of text up to and including a break opportunity. */
  size_t a = 0;
  while (a < len) {
    size_t e = a;
    while (e < len && !(brks[e] == INK_BRK_MUST || brks[e] == INK_BRK_ALLOW))
      e++;
    e = e < len ? e + 1 : len;
    bool must = e <= len && e > 0 && brks[e - 1] == INK_BRK_MUST && e < len;
    /* Trailing spaces of the piece become glue. */
    size_t w_end = e;
    while (w_end > a) {
      size_t k = cp_before (text, a, w_end);
      uint32_t c = cp_at (text, len, k);
      if (!is_space (c) && c != '\n' && c != 0x2028)
        break;
      w_end = k;
    }
    /* The word's box, with hyphenation points and, for words too wide for the narrowest
     * line, emergency breaks at cluster boundaries. */
    int64_t word_w = 0;   /* int64_t: a million wide letters pass 2^31 (lib/para/width.h) */
    for (size_t k = a; k < w_end; k++)
      word_w += adv[k];
    uint8_t *points = NULL;
    size_t npoints = 0;
    if (o->hyphenate && hy && w_end > a) {
      points = ink__alloc (b->ctx, w_end - a);
      if (!points)
        return ink__error (b->ctx, INK_NO_MEMORY, "out of memory");
      /* The word proper: strip leading and trailing punctuation (quotes, commas). */
      size_t wa = a, we = w_end;
      while (wa < we && ((unsigned char) text[wa] < 0x80) && !((text[wa] | 32) >= 'a' && (text[wa] | 32) <= 'z'))
        wa++;
      while (we > wa) {
        size_t k = cp_before (text, wa, we);
        uint32_t c = cp_at (text, len, k);
        hb_unicode_general_category_t gc = hb_unicode_general_category (hb_unicode_funcs_get_default (), c);
        bool letter = gc <= HB_UNICODE_GENERAL_CATEGORY_UPPERCASE_LETTER &&
                      gc >= HB_UNICODE_GENERAL_CATEGORY_LOWERCASE_LETTER;
        if (letter || gc == HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK ||
            gc == HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK)
          break;
        we = k;
      }
      if (we > wa)
        npoints = ink__hyphenate (hy, o->lang, text + wa, we - wa, 5, 2, 3, points + (wa - a));
    }
    bool emergency = word_w > narrow / 2;
    const ink__run_t *run = run_at (sh, a);
    uint32_t hgid;
    int32_t hw = npoints ? hyphen_width (sh, run, &hgid) : 0;
    int64_t acc = 0;
    int32_t last_adv = 0;
    for (size_t k = a; k < w_end; k++) {
      acc += adv[k];
      if (adv[k])
        last_adv = adv[k];
      bool last = k + 1 == w_end;
      if (last)
        break;
      if (npoints && points[k - a] && cstart[k + 1]) {
        if (!push_box (b, acc, k + 1))
          goto oom;
        acc = 0;
        ink__kp_item_t it = { 0 };
        it.kind = INK_KP_PENALTY;
        it.width = hw;
        it.penalty = 50;
        it.flagged = 1;
        it.hyphen = 1;
        if (!push (b, it, k + 1, k + 1, true))
          goto oom;
      } else if (emergency && cstart[k + 1]) {
        if (!push_box (b, acc, k + 1))
          goto oom;
        acc = 0;
        ink__kp_item_t it = { 0 };
        it.kind = INK_KP_PENALTY;
        it.penalty = 1000;
        it.emergency = 1;
        /* Room for the glyph before the break to take its wider final form when the line
         * is reshaped there (joining scripts). */
        it.width = last_adv;
        if (!push (b, it, k + 1, k + 1, false))
          goto oom;
      }
    }
    if (points)
      ink__free (b->ctx, points, w_end - a);
    points = NULL;
    if (w_end > a && !push_box (b, acc, a))
      return ink__error (b->ctx, INK_NO_MEMORY, "out of memory");
    if (e >= len)
      break;
    /* The opportunity itself. */
    int64_t space_w = 0;
    for (size_t k = w_end; k < e; k++)
      space_w += adv[k];
    ink__kp_item_t it = { 0 };
    if (must) {
      /* A hard line break inside the block: end the line ragged. */
      it.kind = INK_KP_GLUE;
      it.stretch = INK_KP_FIL;
      if (!push (b, it, w_end, e, false))
        goto oom;
      ink__kp_item_t pen = { 0 };
      pen.kind = INK_KP_PENALTY;
      pen.penalty = -INK_KP_INF;
      if (!push (b, pen, w_end, e, false))
        goto oom;
    } else if (w_end < e) {
      it.kind = INK_KP_GLUE;
      it.width = ink__width_clamp (space_w);
      if (justify) {
        it.stretch = glue_amount (space_w / 2);
        it.shrink = glue_amount (space_w / 3);
      } else {
        it.stretch = glue_amount (space_w * 3);
      }
      if (!push (b, it, w_end, e, false))
        goto oom;
    } else {
      /* A break with no space: between CJK characters, after a hyphen or a slash. */
      size_t k = cp_before (text, a, e);
      uint32_t c = cp_at (text, len, k);
      if (is_cjk (c) || is_thai (c)) {
        it.kind = INK_KP_GLUE;
        it.stretch = glue_amount (adv[k] / (is_thai (c) ? 2 : 4) + 1);
        it.shrink = 0;
        if (!push (b, it, e, e, false))
          goto oom;
      } else {
        it.kind = INK_KP_PENALTY;
        it.penalty = 0;
        if (!push (b, it, e, e, false))
          goto oom;
      }
    }
    a = e;
    continue;
  oom:
    if (points)
      ink__free (b->ctx, points, w_end - a);
    return ink__error (b->ctx, INK_NO_MEMORY, "out of memory");
  }
  /* Finish: the last line is ragged. */
  ink__kp_item_t fin = { 0 };
  fin.kind = INK_KP_GLUE;
  fin.stretch = INK_KP_FIL;
  ink__kp_item_t end = { 0 };
  end.kind = INK_KP_PENALTY;
  end.penalty = -INK_KP_INF;
  if (!push (b, fin, len, len, false) || !push (b, end, len, len, false))
    return ink__error (b->ctx, INK_NO_MEMORY, "out of memory");
  return INK_OK;
}

/* Appends the glyphs of [s, e) of run r to the line, reshaping when a cut is unsafe. */
/* The glyphs of run r whose clusters lie in [s, e): an index range, since clusters only
 * grow along an LTR run and only shrink along an RTL one. Found by binary search, so that a
 * paragraph of thousands of lines costs no more per line than a short one. */
static void
glyph_span (const ink__run_t *r, const ink__glyph_t *g, size_t s, size_t e, size_t *from,
            size_t *to)
{
  bool rtl = r->level & 1;
  /* first index whose cluster is "past" v in the run's direction */
  size_t lo, hi;
  size_t bounds[2];
  size_t vals[2] = { s, e };
  for (int k = 0; k < 2; k++) {
    lo = 0, hi = r->ng;
    while (lo < hi) {
      size_t mid = (lo + hi) / 2;
      bool before = rtl ? g[mid].cluster >= vals[k] : g[mid].cluster < vals[k];
      if (before)
        lo = mid + 1;
      else
        hi = mid;
    }
    bounds[k] = lo;
  }
  if (rtl) {
    /* RTL: clusters in [s, e) are those from the first below e to the first below s. */
    *from = bounds[1];
    *to = bounds[0];
  } else {
    *from = bounds[0];
    *to = bounds[1];
  }
}

/* Appends the glyphs of [s, e) of run r to the line, reshaping when a cut is unsafe. */
static ink_status_t
line_run_glyphs (ink__shaped_t *sh, const ink__run_t *r, size_t s, size_t e,
                 ink__glyph_vec_t *tmp, size_t *missing)
{
  ink_context_t *ctx = sh->ctx;
  tmp->n = 0;
  const ink__glyph_t *g = sh->glyphs.v + r->g0;
  bool whole = s <= r->start && e >= r->end;
  size_t from = 0, to = r->ng;
  if (!whole)
    glyph_span (r, g, s, e, &from, &to);
  bool safe = true;
  if (!whole) {
    /* Each cut must fall on a cluster boundary (not inside a ligature) at a glyph that is
     * safe to break before. */
    bool rtl = r->level & 1;
    if (s > r->start) {
      /* the glyph starting the cluster at s: first of the span (LTR) or last (RTL) */
      size_t i = rtl ? (to ? to - 1 : 0) : from;
      if (from >= to || g[i].cluster != s || g[i].unsafe)
        safe = false;
    }
    if (e < r->end) {
      /* the glyph of the cluster at e, just outside the span */
      size_t i = rtl ? (from ? from - 1 : r->ng) : to;
      if (i >= r->ng || g[i].cluster != e || g[i].unsafe)
        safe = false;
    }
  }
  if (whole || safe) {
    if (!ink__vec_reserve (ctx, tmp, to - from))
      return ink__error (ctx, INK_NO_MEMORY, "out of memory");
    for (size_t i = from; i < to; i++) {
      tmp->v[tmp->n++] = g[i];
      if (g[i].gid == 0)
        (*missing)++;
    }
    return INK_OK;
  }
  return ink__shape_range (sh, r, s, e, tmp, missing);
}

static bool
space_at (const char *text, size_t len, size_t off)
{
  return is_space (cp_at (text, len, off));
}

/* The first byte at or after off that is not white space, stepping whole characters. */
static size_t
skip_spaces (const char *text, size_t len, size_t off)
{
  while (off < len && space_at (text, len, off)) {
    uint32_t c;
    ink__utf8_next (text, len, &off, &c);
  }
  return off;
}

/* The end of [s, e) without the white space it ends with, stepping whole characters. */
static size_t
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

static bool
cjk_at (const char *text, size_t len, size_t off)
{
  return is_cjk (cp_at (text, len, off));
}

/* True when glyph i of a line ends a letter that another letter follows, in a script whose
 * letters may be spaced apart. */
static bool
letter_gap (const ink__shaped_t *sh, const ink__glyph_vec_t *lg, size_t i, size_t e)
{
  if (i + 1 >= lg->n || lg->v[i + 1].cluster == lg->v[i].cluster)
    return false;
  uint32_t a = lg->v[i].cluster, b = lg->v[i + 1].cluster;
  if (a >= e || b >= e)
    return false;
  uint32_t ca = cp_at (sh->text, sh->len, a), cb = cp_at (sh->text, sh->len, b);
  if (is_space (ca) || is_space (cb) || is_cjk (ca) || is_cjk (cb))
    return false;
  /* Arabic, Syriac, N'Ko and Mongolian join their letters. */
  bool joining = (ca >= 0x0600 && ca <= 0x08FF) || (ca >= 0x0700 && ca <= 0x07FF) ||
                 (ca >= 0x1800 && ca <= 0x18AF) || (ca >= 0xFB50 && ca <= 0xFEFF);
  return !joining;
}

/* True when a Thai or Lao word ends between the glyph of cluster a and that of cluster b
 * (the next one in the line), with no space on either side. */
static bool
thai_boundary (const ink__shaped_t *sh, const uint8_t *brks, size_t s, size_t e, uint32_t a,
               uint32_t b)
{
  if (b <= a || b <= s || b >= e || brks[b - 1] != INK_BRK_ALLOW)
    return false;
  uint32_t before = cp_at (sh->text, sh->len, cp_before (sh->text, a, b));
  uint32_t at = cp_at (sh->text, sh->len, b);
  return is_thai (before) && !is_space (at) && !is_space (before);
}

typedef struct {
  const ink__run_t *run;
  size_t start, end;
} src_t;

typedef INK_VEC (src_t) src_vec_t;
typedef INK_VEC (size_t) size_vec_t;

/* Arabic joining: dual-joining letters connect on both sides, right-joining ones only to
 * the letter before them. A kashida may go between a dual-joining letter and any joining
 * letter after it. */
static bool
dual_joining (uint32_t c)
{
  return c == 0x0626 || c == 0x0628 || (c >= 0x062A && c <= 0x062E) || (c >= 0x0633 && c <= 0x063A) ||
         (c >= 0x0641 && c <= 0x0647) || c == 0x0649 || c == 0x064A || c == 0x066E || c == 0x066F ||
         (c >= 0x0678 && c <= 0x0687) || (c >= 0x069A && c <= 0x06BF) || c == 0x06C1 || c == 0x06C2 ||
         c == 0x06CC || c == 0x06CE || c == 0x06D0 || c == 0x06D1 || (c >= 0x06FA && c <= 0x06FC);
}

static bool
right_joining (uint32_t c)
{
  return (c >= 0x0622 && c <= 0x0625) || c == 0x0627 || c == 0x0629 || (c >= 0x062F && c <= 0x0632) ||
         c == 0x0648 || (c >= 0x0671 && c <= 0x0673) || (c >= 0x0675 && c <= 0x0677) ||
         (c >= 0x0688 && c <= 0x0699) || c == 0x06C0 || (c >= 0x06C3 && c <= 0x06CB) || c == 0x06CD ||
         c == 0x06CF || c == 0x06D2 || c == 0x06D3;
}

static bool
arabic_mark (uint32_t c)
{
  return (c >= 0x064B && c <= 0x065F) || c == 0x0670 || (c >= 0x06D6 && c <= 0x06ED);
}

/* Justifies Arabic-script runs by kashida before spaces are widened: up to three quarters of
 * the missing width goes into tatweels, one word at a time at its last joining position, and
 * the runs are shaped again with them (the font joins them into the letters). Nastaliq is
 * not stretched this way: its joins are not horizontal. */
static ink_status_t
kashida (ink__shaped_t *sh, ink__para_t *out, size_t r0, src_vec_t *srcs, ink__glyph_vec_t *lg,
         size_vec_t *rg, int64_t avail, size_t *missing)
{
  ink_context_t *ctx = sh->ctx;
  int64_t natural = 0;
  for (size_t i = 0; i < lg->n; i++)
    natural += lg->v[i].advance;
  int64_t diff = avail - natural;
  if (diff <= 0)
    return INK_OK;
  size_t nr = srcs->n;
  INK_VEC (uint32_t) at = { 0 };
  INK_VEC (size_t) owner = { 0 };    /* the line run of each position */
  ink_status_t st = INK_OK;
  int32_t tatweel = 0;
  for (size_t i = 0; i < nr; i++) {
    const ink__run_t *r = srcs->v[i].run;
    if (r->script != HB_SCRIPT_ARABIC || (r->lang && !strncmp (r->lang, "ur", 2)))
      continue;
    hb_codepoint_t g;
    if (!hb_font_get_nominal_glyph (r->face->hb_font, 0x0640, &g) || !g)
      continue;
    tatweel = ink__units_to_26d6 (r->face, r->style->size_px,
                                  hb_font_get_glyph_h_advance (r->face->hb_font, g));
    uint32_t prev = 0, word_last = UINT32_MAX;
    for (size_t p = srcs->v[i].start; p < srcs->v[i].end;) {
      size_t q = p;
      uint32_t c;
      ink__utf8_next (sh->text, sh->len, &q, &c);
      if (arabic_mark (c)) {
        p = q;
        continue;
      }
      if (dual_joining (prev) && (dual_joining (c) || right_joining (c)))
        word_last = (uint32_t) p;
      if (is_space (c) || q >= srcs->v[i].end) {
        if (word_last != UINT32_MAX &&
            (!ink__vec_push (ctx, &at, word_last) || !ink__vec_push (ctx, &owner, i))) {
          st = ink__error (ctx, INK_NO_MEMORY, "out of memory");
          goto done;
        }
        word_last = UINT32_MAX;
      }
      prev = c;
      p = q;
    }
  }
  if (!at.n || tatweel <= 0)
    goto done;
  size_t ntat = (size_t) (diff * 3 / 4) / (size_t) tatweel;
  if (ntat == 0)
    goto done;
  if (ntat > at.n * 3)
    ntat = at.n * 3;
  uint8_t *count = ink__alloc (ctx, at.n);
  ink__glyph_vec_t nlg = { 0 };
  size_vec_t nrg = { 0 };
  ink__glyph_vec_t tmp = { 0 };
  if (!count) {
    st = ink__error (ctx, INK_NO_MEMORY, "out of memory");
    goto done;
  }
  for (size_t k = 0; k < at.n; k++)
    count[k] = (uint8_t) (ntat / at.n + (k < ntat % at.n ? 1 : 0));
  for (size_t i = 0; i < nr && st == INK_OK; i++) {
    size_t k0 = 0, k1;
    while (k0 < at.n && owner.v[k0] != i)
      k0++;
    for (k1 = k0; k1 < at.n && owner.v[k1] == i; k1++)
      ;
    size_t from = rg->v[i], to = i + 1 < nr ? rg->v[i + 1] : lg->n;
    if (!ink__vec_push (ctx, &nrg, nlg.n)) {
      st = ink__error (ctx, INK_NO_MEMORY, "out of memory");
      break;
    }
    if (k1 > k0) {
      tmp.n = 0;
      size_t miss = 0;
      st = ink__shape_kashida (sh, srcs->v[i].run, srcs->v[i].start, srcs->v[i].end, at.v + k0,
                               count + k0, k1 - k0, &tmp, &miss);
      if (st != INK_OK)
        break;
      /* A hyphen glyph at the run's end is not in the reshaped text: keep it. */
      size_t extra = (to - from) - 0;
      (void) extra;
      if (!ink__vec_reserve (ctx, &nlg, nlg.n + tmp.n + 1)) {
        st = ink__error (ctx, INK_NO_MEMORY, "out of memory");
        break;
      }
      memcpy (nlg.v + nlg.n, tmp.v, tmp.n * sizeof *tmp.v);
      nlg.n += tmp.n;
      out->runs.v[r0 + i].ng = tmp.n;
    } else {
      if (!ink__vec_reserve (ctx, &nlg, nlg.n + (to - from))) {
        st = ink__error (ctx, INK_NO_MEMORY, "out of memory");
        break;
      }
      memcpy (nlg.v + nlg.n, lg->v + from, (to - from) * sizeof *lg->v);
      nlg.n += to - from;
    }
  }
  if (st == INK_OK) {
    ink__vec_free (ctx, lg);
    ink__vec_free (ctx, rg);
    *lg = nlg;
    memcpy (rg, &nrg, sizeof nrg);
    (void) missing;
  } else {
    ink__vec_free (ctx, &nlg);
    ink__vec_free (ctx, &nrg);
  }
  ink__vec_free (ctx, &tmp);
  ink__free (ctx, count, at.n);
done:
  ink__vec_free (ctx, &at);
  ink__vec_free (ctx, &owner);
  return st;
}

/* Clamps each glyph's advance and offsets (lib/para/width.h), so that adding a share of the
 * justification (itself within the bound) to one cannot overflow. */
static void
clamp_glyphs (ink__glyph_vec_t *lg)
{
  for (size_t i = 0; i < lg->n; i++) {
    lg->v[i].advance = ink__width_clamp (lg->v[i].advance);
    lg->v[i].dx = ink__width_clamp (lg->v[i].dx);
    lg->v[i].dy = ink__width_clamp (lg->v[i].dy);
  }
}

/* Whether glyph i of line [s, e) takes a share of the justification. */
typedef bool (*gap_fn) (const ink__shaped_t *sh, const uint8_t *brks, const ink__glyph_vec_t *lg,
                        size_t i, size_t s, size_t e);

/* Adds total / n to each of the first n glyphs chosen by want (one unit more to the first
 * total % n, or one less for a negative total). |total| <= INK_PARA_MAX_WIDTH. */
static void
spread (const ink__shaped_t *sh, const uint8_t *brks, ink__glyph_vec_t *lg, size_t s, size_t e,
        gap_fn want, size_t n, int64_t total)
{
  int64_t per = total / (int64_t) n, rem = total - per * (int64_t) n;
  size_t seen = 0;
  for (size_t i = 0; i < lg->n && seen < n; i++) {
    if (!want (sh, brks, lg, i, s, e))
      continue;
    seen++;
    lg->v[i].advance += (int32_t) (per + (rem > 0 ? 1 : rem < 0 ? -1 : 0));
    rem += rem > 0 ? -1 : rem < 0 ? 1 : 0;
  }
}

static bool
space_glyph (const ink__shaped_t *sh, const uint8_t *brks, const ink__glyph_vec_t *lg, size_t i,
             size_t s, size_t e)
{
  (void) brks, (void) s;
  return lg->v[i].cluster < e && space_at (sh->text, sh->len, lg->v[i].cluster) &&
         lg->v[i].advance > 0;
}

static bool
cjk_glyph (const ink__shaped_t *sh, const uint8_t *brks, const ink__glyph_vec_t *lg, size_t i,
           size_t s, size_t e)
{
  (void) brks, (void) s;
  return lg->v[i].cluster < e && cjk_at (sh->text, sh->len, lg->v[i].cluster);
}

static bool
thai_glyph (const ink__shaped_t *sh, const uint8_t *brks, const ink__glyph_vec_t *lg, size_t i,
            size_t s, size_t e)
{
  return i + 1 < lg->n && thai_boundary (sh, brks, s, e, lg->v[i].cluster, lg->v[i + 1].cluster);
}

static bool
space_or_thai_glyph (const ink__shaped_t *sh, const uint8_t *brks, const ink__glyph_vec_t *lg,
                     size_t i, size_t s, size_t e)
{
  return space_glyph (sh, brks, lg, i, s, e) || thai_glyph (sh, brks, lg, i, s, e);
}

static bool
letter_glyph (const ink__shaped_t *sh, const uint8_t *brks, const ink__glyph_vec_t *lg, size_t i,
              size_t s, size_t e)
{
  (void) brks, (void) s;
  return letter_gap (sh, lg, i, e);
}

static size_t
count_glyphs (const ink__shaped_t *sh, const uint8_t *brks, const ink__glyph_vec_t *lg, size_t s,
              size_t e, gap_fn want)
{
  size_t n = 0;
  for (size_t i = 0; i < lg->n; i++)
    n += want (sh, brks, lg, i, s, e);
  return n;
}

/* Justifies line [s, e) by diff (|diff| <= INK_PARA_MAX_WIDTH): over the spaces and Thai word
 * boundaries, else between letters as far as the style allows and then over the spaces, or
 * between CJK characters where a line has no spaces. */
static void
justify_line (const ink__shaped_t *sh, const ink__para_opts_t *o, const uint8_t *brks, size_t s,
         size_t e, int64_t diff, ink__glyph_vec_t *lg)
{
  size_t nspace = count_glyphs (sh, brks, lg, s, e, space_glyph);
  size_t nthai = count_glyphs (sh, brks, lg, s, e, thai_glyph);
  /* Thai and Lao word boundaries take their share with the spaces: the glyph before each
   * boundary grows. */
  if (nthai && diff > 0) {
    spread (sh, brks, lg, s, e, space_or_thai_glyph, nthai + nspace, diff);
    return;
  }
  if (nspace && diff > 0 && o->letter_space_max > 0) {
    /* Spaces stretch as far as their glue allows; what is left, if the style lets it, goes
     * between letters, a little each (never in joining scripts or CJK). */
    int64_t spaces = 0;
    for (size_t i = 0; i < lg->n; i++)
      if (lg->v[i].cluster < e && space_at (sh->text, sh->len, lg->v[i].cluster))
        spaces += lg->v[i].advance;
    size_t gaps = count_glyphs (sh, brks, lg, s, e, letter_glyph);
    int64_t want = diff - spaces / 2;
    if (want > 0 && gaps) {
      int64_t cap = (int64_t) gaps * o->letter_space_max;
      int64_t take = want < cap ? want : cap;
      spread (sh, brks, lg, s, e, letter_glyph, gaps, take);
      diff -= take;
    }
  }
  /* Never stretch a lone word line. */
  size_t ncjk = nspace ? 0 : count_glyphs (sh, brks, lg, s, e, cjk_glyph);
  if (nspace)
    spread (sh, brks, lg, s, e, space_glyph, nspace, diff);
  else if (ncjk > 1 && diff > 0)
    spread (sh, brks, lg, s, e, cjk_glyph, ncjk - 1, diff);
}

/* Puts the indices of runs[0..nr) in visual order: each maximal sequence at or above each
 * odd level reversed (UAX #9 L2 over run levels). */
static void
visual_order (const ink__lrun_t *runs, size_t nr, size_t *order)
{
  uint8_t maxl = 0, minodd = 255;
  for (size_t i = 0; i < nr; i++) {
    order[i] = i;
    uint8_t l = runs[i].level;
    if (l > maxl)
      maxl = l;
    if ((l & 1) && l < minodd)
      minodd = l;
  }
  for (int lev = maxl; lev >= (int) minodd && lev > 0; lev--) {
    for (size_t i = 0; i < nr;) {
      if (runs[order[i]].level < lev) {
        i++;
        continue;
      }
      size_t j = i;
      while (j < nr && runs[order[j]].level >= lev)
        j++;
      for (size_t x = i, y = j - 1; x < y; x++, y--) {
        size_t t = order[x];
        order[x] = order[y];
        order[y] = t;
      }
      i = j;
    }
  }
}

/* Raises the line's ink above and below the baseline to cover glyph g of run lr. */
static void
ink_extent (const ink__lrun_t *lr, const ink__glyph_t *g, ink__line_t *line)
{
  hb_glyph_extents_t ext;
  if (!hb_font_get_glyph_extents (lr->face->hb_font, g->gid, &ext))
    return;
  int64_t top = (int64_t) ink__units_to_26d6 (lr->face, lr->style->size_px, ext.y_bearing) + g->dy;
  int64_t low = (int64_t) ext.y_bearing + ext.height;   /* two int32_t: may pass 2^31 */
  low = low < INT32_MIN ? INT32_MIN : low > INT32_MAX ? INT32_MAX : low;
  int64_t bot = -(int64_t) ink__units_to_26d6 (lr->face, lr->style->size_px, (int32_t) low) - g->dy;
  if (top > line->ink_ascent)
    line->ink_ascent = ink__width_clamp (top);
  if (bot > line->ink_descent)
    line->ink_descent = ink__width_clamp (bot);
}

/* Builds line k from [s, e). */
static ink_status_t
make_line (ink__shaped_t *sh, const ink__para_opts_t *o, ink__para_t *out, size_t s, size_t e,
           bool hyphen, bool last, double ratio, int32_t measure, bool first,
           ink__glyph_vec_t *tmp, const uint8_t *brks)
{
  ink_context_t *ctx = sh->ctx;
  ink__line_t line = { 0 };
  line.start = s;
  line.end = e;
  line.hyphenated = hyphen;
  line.rtl = sh->base_level & 1;
  line.ratio = ratio;
  line.measure = measure;
  line.r0 = out->runs.n;
  size_t g_first = out->glyphs.n;
  /* Runs in logical order, each with its glyphs (x relative, filled in below). */
  ink__glyph_vec_t lg = { 0 };
  size_vec_t rg = { 0 };         /* start of each line run in lg */
  src_vec_t srcs = { 0 };        /* where each line run comes from */
  ink_status_t st = INK_OK;
  for (size_t i = (size_t) (run_at (sh, s) - sh->runs.v); i < sh->runs.n && st == INK_OK; i++) {
    const ink__run_t *r = &sh->runs.v[i];
    if (r->start >= e)
      break;
    if (r->end <= s)
      continue;
    size_t rs = r->start > s ? r->start : s, re = r->end < e ? r->end : e;
    st = line_run_glyphs (sh, r, rs, re, tmp, &line.missing);
    if (st != INK_OK)
      break;
    if (tmp->n == 0)
      continue;
    ink__lrun_t lr = { r->face, r->style, 0, tmp->n, r->level };
    src_t sr = { r, rs, re };
    if (!ink__vec_push (ctx, &out->runs, lr) || !ink__vec_push (ctx, &rg, lg.n) ||
        !ink__vec_push (ctx, &srcs, sr) ||
        !ink__vec_reserve (ctx, &lg, lg.n + tmp->n)) {
      st = ink__error (ctx, INK_NO_MEMORY, "out of memory");
      break;
    }
    memcpy (lg.v + lg.n, tmp->v, tmp->n * sizeof *tmp->v);
    lg.n += tmp->n;
    if (line.ascent < r->ascent)
      line.ascent = r->ascent;
    if (line.descent < r->descent)
      line.descent = r->descent;
  }
  if (st == INK_OK && hyphen && out->runs.n > line.r0) {
    /* The hyphen goes at the logical end, in the last run's face. */
    ink__lrun_t *lr = &out->runs.v[out->runs.n - 1];
    const ink__run_t *r = run_at (sh, e - 1);
    uint32_t gid;
    int32_t w = hyphen_width (sh, r, &gid);
    ink__glyph_t hg = { gid, (uint32_t) e, w, 0, 0, 0 };
    if (!ink__vec_push (ctx, &lg, hg)) {
      st = ink__error (ctx, INK_NO_MEMORY, "out of memory");
    } else {
      /* RTL runs are in visual order: the logical end is the left. */
      if (lr->level & 1) {
        memmove (lg.v + rg.v[rg.n - 1] + 1, lg.v + rg.v[rg.n - 1],
                 (lg.n - 1 - rg.v[rg.n - 1]) * sizeof *lg.v);
        lg.v[rg.v[rg.n - 1]] = hg;
      }
      lr->ng++;
    }
  }
  size_t nr = out->runs.n - line.r0;
  if (st == INK_OK && nr && o->align == INK_PARA_JUSTIFY && !last)
    st = kashida (sh, out, line.r0, &srcs, &lg, &rg, (int64_t) measure - (first ? o->indent : 0),
                  &line.missing);
  if (st == INK_OK && nr) {
    /* Justification: spread the difference over the spaces, or between CJK characters. */
    clamp_glyphs (&lg);
    int64_t natural = 0;
    for (size_t i = 0; i < lg.n; i++)
      natural += lg.v[i].advance;
    int64_t avail = (int64_t) measure - (first ? o->indent : 0);
    /* The last line keeps its natural spaces, unless the breaker chose to shrink them. */
    if (o->align == INK_PARA_JUSTIFY && (last ? natural > avail : natural != avail))
      justify_line (sh, o, brks, s, e, ink__width_clamp (avail - natural), &lg);
    /* Visual order of runs: reverse each maximal sequence at or above each odd level. */
    size_t *order = ink__realloc_array (ctx, NULL, 0, nr, sizeof *order);
    if (!order) {
      st = ink__error (ctx, INK_NO_MEMORY, "out of memory");
    } else {
      visual_order (out->runs.v + line.r0, nr, order);
      /* Copy runs in visual order, placing glyphs. */
      ink__lrun_t *vis = ink__realloc_array (ctx, NULL, 0, nr, sizeof *vis);
      if (!vis || !ink__vec_reserve (ctx, &out->glyphs, out->glyphs.n + lg.n)) {
        st = ink__error (ctx, INK_NO_MEMORY, "out of memory");
      } else {
        int64_t pen = 0;   /* a sum of advances: int64_t, see lib/para/width.h */
        for (size_t k = 0; k < nr; k++) {
          size_t ri = order[k];
          ink__lrun_t lr = out->runs.v[line.r0 + ri];
          size_t from = rg.v[ri];
          lr.g0 = out->glyphs.n;
          for (size_t i = 0; i < lr.ng; i++) {
            const ink__glyph_t *g = &lg.v[from + i];
            ink__pglyph_t pg = { g->gid, ink__width_clamp (pen + g->dx), g->dy, g->cluster };
            out->glyphs.v[out->glyphs.n++] = pg;
            ink_extent (&lr, g, &line);
            pen += g->advance;
          }
          vis[k] = lr;
        }
        memcpy (out->runs.v + line.r0, vis, nr * sizeof *vis);
        line.width = ink__width_clamp (pen);
      }
      ink__free (ctx, vis, nr * sizeof *vis);
    }
    ink__free (ctx, order, nr * sizeof *order);
  }
  line.nr = out->runs.n - line.r0;
  line.nglyphs = out->glyphs.n - g_first;
  if (st == INK_OK) {
    int64_t indent = first ? o->indent : 0;
    int64_t room = (int64_t) measure - line.width;
    line.overfull = line.width > measure - indent + 64;   /* beyond a pixel of rounding */
    ink__para_align_t al = o->align;
    if (al == INK_PARA_JUSTIFY)
      al = INK_PARA_START;
    bool rtl = line.rtl;
    if (al == INK_PARA_CENTER)
      line.left = ink__width_clamp (room / 2);
    else if ((al == INK_PARA_START) != rtl)
      line.left = ink__width_clamp (indent);
    else
      line.left = ink__width_clamp (room - indent);
    if (!ink__vec_push (ctx, &out->lines, line))
      st = ink__error (ctx, INK_NO_MEMORY, "out of memory");
    if (line.overfull)
      out->overfull++;
  }
  ink__vec_free (ctx, &lg);
  ink__vec_free (ctx, &rg);
  ink__vec_free (ctx, &srcs);
  return st;
}

/* The width of line [s, e) as it will be drawn, before justification. */
static ink_status_t
trial_width (ink__shaped_t *sh, const ink__para_opts_t *o, ink__para_t *out, size_t s, size_t e,
             int32_t measure, bool first, ink__glyph_vec_t *tmp, const uint8_t *brks,
             int32_t *width)
{
  size_t nl = out->lines.n, nr = out->runs.n, ng = out->glyphs.n, of = out->overfull;
  ink_status_t st = make_line (sh, o, out, s, e, false, true, 0, measure, first, tmp, brks);
  if (st == INK_OK)
    *width = out->lines.v[out->lines.n - 1].width;
  out->lines.n = nl;
  out->runs.n = nr;
  out->glyphs.n = ng;
  out->overfull = of;
  return st;
}

/* Where a line from s may end in exact_fill: word ends (kind 0) or cluster boundaries
 * (kind 1), and always the next hard break or the paragraph's end (hard). Found only as far
 * as the search asks, so that a line costs about its own length, not the paragraph's. */
typedef struct {
  int kind;
  size_t scan;          /* next position to look at */
  bool done;            /* hard found */
  size_t hard;
  INK_VEC (size_t) v;
} ends_t;

/* True when end i exists (found now if need be); false past the last, or on no memory. */
static bool
end_at (ink_context_t *ctx, ends_t *c, const uint8_t *brks, const uint8_t *cstart, size_t len,
        size_t i, ink_status_t *st)
{
  while (c->v.n <= i && !c->done) {
    size_t p = c->scan++;
    bool hard = p >= len || brks[p - 1] == INK_BRK_MUST;
    bool ok = hard || (c->kind == 0 ? brks[p - 1] == INK_BRK_ALLOW : cstart[p]);
    if (ok && !ink__vec_push (ctx, &c->v, p)) {
      *st = ink__error (ctx, INK_NO_MEMORY, "out of memory");
      return false;
    }
    if (hard)
      c->done = true, c->hard = p;
  }
  return c->v.n > i;
}

/* Width of text [s, t) as shaped in the whole paragraph, 1/64 px. */
static int64_t
natural_width (const ink__shaped_t *sh, size_t s, size_t t)
{
  int64_t w = 0;
  for (size_t i = 0; i < sh->glyphs.n; i++)
    if (sh->glyphs.v[i].cluster >= s && sh->glyphs.v[i].cluster < t)
      w += sh->glyphs.v[i].advance;
  return w;
}

/* Whether line [s, ends[i]) fits avail as drawn. */
static ink_status_t
end_fits (ink__shaped_t *sh, const ink__para_opts_t *o, ink__para_t *out, const uint8_t *brks,
          ink__glyph_vec_t *tmp, size_t s, size_t t, int32_t measure, int64_t avail, bool first,
          bool *fits)
{
  t = trim_spaces (sh->text, sh->len, s, t);
  int32_t w = 0;
  ink_status_t st = INK_OK;
  if (t > s && natural_width (sh, s, t) > 2 * avail + 64 * 64) {
    /* Far too wide as shaped in the paragraph: a cut changes only the glyphs at its ends,
     * so no reshaping can make it fit. Skipping the trial keeps a long unbroken word (20k
     * joined Urdu letters) from being reshaped whole for every line. */
    *fits = false;
    return INK_OK;
  }
  if (t > s)
    st = trial_width (sh, o, out, s, t, measure, first, tmp, brks, &w);
  *fits = w <= avail + 64;
  return st;
}

/* The longest end of c from s that fits, as an index into c->v (SIZE_MAX: none). Gallops
 * (ends 0, 1, 3, 7...) until one does not fit, then bisects; the width only grows with the
 * end, so this finds what a bisection of all the ends would. */
static ink_status_t
longest_end (ink__shaped_t *sh, const ink__para_opts_t *o, ink__para_t *out, const uint8_t *brks,
             const uint8_t *cstart, ink__glyph_vec_t *tmp, ends_t *c, size_t s, int32_t measure,
             int64_t avail, bool first, size_t *best)
{
  ink_status_t st = INK_OK;
  size_t lo = 0, hi = SIZE_MAX, probe = 0, step = 1;
  bool fits;
  *best = SIZE_MAX;
  while (hi == SIZE_MAX && end_at (sh->ctx, c, brks, cstart, sh->len, probe, &st)) {
    if ((st = end_fits (sh, o, out, brks, tmp, s, c->v.v[probe], measure, avail, first, &fits)))
      return st;
    if (!fits) {
      hi = probe;
    } else {
      *best = probe;
      lo = probe + 1;
      probe += step;
      step *= 2;
    }
  }
  if (st != INK_OK)
    return st;
  if (hi == SIZE_MAX)
    hi = c->v.n;   /* every end was found: the probe ran past the last */
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if ((st = end_fits (sh, o, out, brks, tmp, s, c->v.v[mid], measure, avail, first, &fits)))
      return st;
    if (fits)
      *best = mid, lo = mid + 1;
    else
      hi = mid;
  }
  return INK_OK;
}

/* Shaping a line on its own can make it wider than the breaker measured: a word broken in an
 * emergency takes other forms at its ends, in Nastaliq most of all. Such a paragraph is set
 * again line by line, each line the longest that fits as drawn: at a word's end where one
 * fits, else at a cluster boundary, and always at least one cluster, so that nothing is lost
 * and no line runs past its measure unless a single cluster is wider than it. */
static ink_status_t
exact_fill (ink__shaped_t *sh, const ink__para_opts_t *o, ink__para_t *out, const uint8_t *brks,
            const uint8_t *cstart, ink__glyph_vec_t *tmp)
{
  ink_context_t *ctx = sh->ctx;
  size_t len = sh->len;
  out->lines.n = out->runs.n = out->glyphs.n = 0;
  out->overfull = 0;
  out->pass = 6;
  ends_t c = { 0 };
  ink_status_t st = INK_OK;
  size_t s = 0, k = 0;
  s = skip_spaces (sh->text, len, s);
  while (s < len && st == INK_OK) {
    int32_t measure = o->nwidths ? o->widths[k < o->nwidths ? k : o->nwidths - 1] : 0;
    int64_t avail = (int64_t) measure - (k == 0 ? o->indent : 0);
    /* Word ends first, then cluster boundaries. */
    size_t e = 0, next = 0;
    bool last = false;
    for (int kind = 0; kind < 2 && !e && st == INK_OK; kind++) {
      c.kind = kind;
      c.scan = s + 1;
      c.done = false;
      c.v.n = 0;
      size_t best;
      st = longest_end (sh, o, out, brks, cstart, tmp, &c, s, measure, avail, k == 0, &best);
      if (st == INK_OK && best != SIZE_MAX)
        next = e = c.v.v[best];
      else if (st == INK_OK && kind == 1 && c.v.n)
        next = e = c.v.v[0];   /* one cluster wider than the measure: it goes alone */
      last = next >= len || (c.done && next == c.hard);
    }
    if (st != INK_OK)
      break;
    e = trim_spaces (sh->text, len, s, e);
    st = make_line (sh, o, out, s, e, false, last, 0, measure, k == 0, tmp, brks);
    s = skip_spaces (sh->text, len, next);
    k++;
  }
  ink__vec_free (ctx, &c.v);
  return st;
}

ink_status_t
ink__para_build (ink_context_t *ctx, ink__shaped_t *sh, const ink__para_opts_t *o, ink__para_t *out)
{
  memset (out, 0, sizeof *out);
  out->ctx = ctx;
  size_t len = sh->len;
  if (len == 0)
    return INK_OK;
  ink_status_t st = INK_OK;
  builder_t b = { ctx, { 0 }, { 0 } };
  ink__glyph_vec_t tmp = { 0 };
  ink__kp_result_t res = { 0 };
  int32_t *adv = ink__realloc_array (ctx, NULL, 0, len + 1, sizeof *adv);
  uint8_t *brks = ink__alloc (ctx, len + 1);
  uint8_t *cstart = ink__alloc (ctx, len + 1);
  size_t widths_n = o->nwidths ? o->nwidths : 1;   /* allocated length of widths */
  int32_t *widths = ink__realloc_array (ctx, NULL, 0, widths_n, sizeof *widths);
  if (!adv || !brks || !cstart || !widths) {
    st = ink__error (ctx, INK_NO_MEMORY, "out of memory");
    goto done;
  }
  memset (adv, 0, (len + 1) * sizeof *adv);
  for (size_t i = 0; i < sh->glyphs.n; i++) {
    adv[sh->glyphs.v[i].cluster] =
      ink__width_clamp ((int64_t) adv[sh->glyphs.v[i].cluster] + sh->glyphs.v[i].advance);
    cstart[sh->glyphs.v[i].cluster] = 1;
  }
  cstart[len] = 1;
  st = ink__breaks (ctx, sh->text, len, o->lang, brks);
  if (st != INK_OK)
    goto done;
  st = build_items (&b, sh, o, adv, brks, cstart, o->hyphenate ? o->hyphenator : NULL);
  if (st != INK_OK)
    goto done;
  /* The first line is shorter by its indent. */
  size_t nw = o->nwidths ? o->nwidths : 1;
  for (size_t i = 0; i < nw; i++)
    widths[i] = o->nwidths ? ink__width_clamp (o->widths[i]) : 0;
  if (o->nwidths == 1 && o->indent) {
    /* Widen the table so that only line 0 loses the indent. */
    int32_t *w2 = ink__realloc_array (ctx, widths, nw, 2, sizeof *widths);
    if (!w2) {
      st = ink__error (ctx, INK_NO_MEMORY, "out of memory");
      goto done;
    }
    widths = w2;
    widths_n = 2;
    widths[1] = widths[0];
    nw = 2;
  }
  widths[0] = ink__width_clamp ((int64_t) widths[0] - o->indent);
  ink__kp_params_t params = { 0 };
  bool justify = o->align == INK_PARA_JUSTIFY;
  params.tolerance = justify ? 2.0 : 4.0;
  params.pretolerance = justify ? 1.0 : 4.0;
  params.line_penalty = 10;
  params.flagged_demerits = 3000;
  params.fitness_demerits = 3000;
  params.emergency_stretch = widths[nw - 1] / 20;
  params.max_work = ink__limit (ctx, INK_LIMIT_BREAK_WORK);
  params.nohyphen_line = o->nohyphen_line;
  st = ink__kp_break (ctx, b.items.v, b.items.n, widths, nw, &params, &res);
  if (st != INK_OK)
    goto done;
  out->pass = res.pass;
  out->demerits = res.demerits;
  size_t s = 0;
  /* Leading spaces of the paragraph are not placed on a line. */
  s = skip_spaces (sh->text, len, s);
  for (size_t k = 0; k < res.nbreaks; k++) {
    size_t bi = res.breaks[k];
    const item_pos_t *p = &b.pos.v[bi];
    bool last = k + 1 == res.nbreaks;
    size_t e = last ? len : p->end_here;
    /* A forced break inside the block ends its line ragged, as the last line does. */
    bool forced = b.items.v[bi].kind == INK_KP_PENALTY && b.items.v[bi].penalty <= -INK_KP_INF;
    if (!last && bi > 0 && b.items.v[bi].kind == INK_KP_PENALTY && forced &&
        b.items.v[bi - 1].kind == INK_KP_GLUE && b.items.v[bi - 1].stretch >= (INK_KP_FIL))
      e = b.pos.v[bi - 1].end_here;
    int32_t measure = o->nwidths ? o->widths[k < o->nwidths ? k : o->nwidths - 1] : 0;
    /* Trailing spaces of the last line are not placed either. */
    size_t e2 = e;
    e2 = trim_spaces (sh->text, len, s, e2);
    st = make_line (sh, o, out, s, e2, p->hyphen && !last, last || forced, res.ratios[k],
                    measure, k == 0, &tmp, brks);
    if (st != INK_OK)
      goto done;
    s = last ? len : p->next_start;
  }
  if (out->overfull)
    st = exact_fill (sh, o, out, brks, cstart, &tmp);
done:
  ink__kp_result_free (ctx, &res);
  ink__vec_free (ctx, &b.items);
  ink__vec_free (ctx, &b.pos);
  ink__vec_free (ctx, &tmp);
  ink__free (ctx, adv, (len + 1) * sizeof *adv);
  ink__free (ctx, brks, len + 1);
  ink__free (ctx, cstart, len + 1);
  ink__free (ctx, widths, widths_n * sizeof *widths);
  if (st != INK_OK)
    ink__para_free (out);
  return st;
}

void
ink__para_free (ink__para_t *p)
{
  if (!p->ctx)
    return;
  ink__vec_free (p->ctx, &p->lines);
  ink__vec_free (p->ctx, &p->runs);
  ink__vec_free (p->ctx, &p->glyphs);
}
