/* para/line: one line's glyphs. The runs' glyphs, reshaped only where the break cuts through
 * a glyph that HarfBuzz marked unsafe to break; a hyphen where one was chosen; kashida and
 * justification; runs in visual order (UAX #9 L2 over run levels; HarfBuzz already gives RTL
 * runs in visual order), then alignment. */
#include "para-internal.h"

int32_t
ink__para_hyphen_width (ink__shaped_t *sh, const ink__run_t *run, uint32_t *gid)
{
  hb_codepoint_t g = 0;
  if (!hb_font_get_nominal_glyph (run->face->hb_font, 0x2010, &g) || g == 0)
    hb_font_get_nominal_glyph (run->face->hb_font, '-', &g);
  *gid = g;
  (void) sh;
  return ink__units_to_26d6 (run->face, run->style->size_px,
                             hb_font_get_glyph_h_advance (run->face->hb_font, g));
}

const ink__run_t *
ink__para_run_at (const ink__shaped_t *sh, size_t off)
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
  int32_t y_bearing, height;
  if (!ink__face_vextent (lr->face, g->gid, &y_bearing, &height))
    return;
  int64_t top = (int64_t) ink__units_to_26d6 (lr->face, lr->style->size_px, y_bearing) + g->dy;
  int64_t low = (int64_t) y_bearing + height;   /* two int32_t: may pass 2^31 */
  low = low < INT32_MIN ? INT32_MIN : low > INT32_MAX ? INT32_MAX : low;
  int64_t bot = -(int64_t) ink__units_to_26d6 (lr->face, lr->style->size_px, (int32_t) low) - g->dy;
  if (top > line->ink_ascent)
    line->ink_ascent = ink__width_clamp (top);
  if (bot > line->ink_descent)
    line->ink_descent = ink__width_clamp (bot);
}

/* Builds line k from [s, e). */
ink_status_t
ink__para_make_line (ink__shaped_t *sh, const ink__para_opts_t *o, ink__para_t *out, size_t s, size_t e,
           bool hyphen, bool last, double ratio, int32_t measure, bool first,
           ink__line_scratch_t *sc, const uint8_t *brks)
{
  ink_context_t *ctx = sh->ctx;
  ink__glyph_vec_t *tmp = &sc->tmp;
  ink__line_t line = { 0 };
  line.start = s;
  line.end = e;
  line.hyphenated = hyphen;
  line.rtl = sh->base_level & 1;
  line.ratio = ratio;
  line.opened = ratio;
  line.measure = measure;
  line.r0 = out->runs.n;
  size_t g_first = out->glyphs.n;
  /* Runs in logical order, each with its glyphs (x relative, filled in below). */
  ink__glyph_vec_t *lg = &sc->lg;
  size_vec_t *rg = &sc->rg;
  src_vec_t *srcs = &sc->srcs;
  lg->n = rg->n = srcs->n = 0;
  ink_status_t st = INK_OK;
  for (size_t i = (size_t) (ink__para_run_at (sh, s) - sh->runs.v); i < sh->runs.n && st == INK_OK; i++) {
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
    if (!ink__vec_push (ctx, &out->runs, lr) || !ink__vec_push (ctx, rg, lg->n) ||
        !ink__vec_push (ctx, srcs, sr) ||
        !ink__vec_reserve (ctx, lg, lg->n + tmp->n)) {
      st = ink__error (ctx, INK_NO_MEMORY, "out of memory");
      break;
    }
    memcpy (lg->v + lg->n, tmp->v, tmp->n * sizeof *tmp->v);
    lg->n += tmp->n;
    if (line.ascent < r->ascent)
      line.ascent = r->ascent;
    if (line.descent < r->descent)
      line.descent = r->descent;
  }
  if (st == INK_OK && hyphen && out->runs.n > line.r0) {
    /* The hyphen goes at the logical end, in the last run's face. */
    ink__lrun_t *lr = &out->runs.v[out->runs.n - 1];
    const ink__run_t *r = ink__para_run_at (sh, e - 1);
    uint32_t gid;
    int32_t w = ink__para_hyphen_width (sh, r, &gid);
    ink__glyph_t hg = { gid, (uint32_t) e, w, 0, 0, 0 };
    if (!ink__vec_push (ctx, lg, hg)) {
      st = ink__error (ctx, INK_NO_MEMORY, "out of memory");
    } else {
      /* RTL runs are in visual order: the logical end is the left. */
      if (lr->level & 1) {
        memmove (lg->v + rg->v[rg->n - 1] + 1, lg->v + rg->v[rg->n - 1],
                 (lg->n - 1 - rg->v[rg->n - 1]) * sizeof *lg->v);
        lg->v[rg->v[rg->n - 1]] = hg;
      }
      lr->ng++;
    }
  }
  size_t nr = out->runs.n - line.r0;
  for (size_t i = 0; st == INK_OK && i < nr; i++) {
    size_t to = i + 1 < nr ? rg->v[i + 1] : lg->n;
    ink__para_cjk_compress (sh, srcs->v[i].run, lg->v + rg->v[i], to - rg->v[i], first ? SIZE_MAX : s);
  }
  if (st == INK_OK && nr && o->align == INK_PARA_JUSTIFY && !last)
    st = ink__para_kashida (sh, out, line.r0, srcs, lg, rg, (int64_t) measure - (first ? o->indent : 0),
                  &line.missing);
  if (st == INK_OK && nr) {
    /* Justification: spread the difference over the spaces, or between CJK characters. */
    clamp_glyphs (lg);
    int64_t natural = 0;
    for (size_t i = 0; i < lg->n; i++)
      natural += lg->v[i].advance;
    int64_t avail = (int64_t) measure - (first ? o->indent : 0);
    /* The last line keeps its natural spaces, unless the breaker chose to shrink them. */
    if (o->align == INK_PARA_JUSTIFY && (last ? natural > avail : natural != avail))
      ink__para_justify (sh, o, brks, s, e, ink__width_clamp (avail - natural), lg,
                         &line.opened);
    /* Visual order of runs: reverse each maximal sequence at or above each odd level. */
    if (!ink__vec_reserve (ctx, &sc->order, nr) || !ink__vec_reserve (ctx, &sc->vis, nr)) {
      st = ink__error (ctx, INK_NO_MEMORY, "out of memory");
    } else {
      size_t *order = sc->order.v;
      visual_order (out->runs.v + line.r0, nr, order);
      /* Copy runs in visual order, placing glyphs. */
      ink__lrun_t *vis = sc->vis.v;
      if (!ink__vec_reserve (ctx, &out->glyphs, out->glyphs.n + lg->n)) {
        st = ink__error (ctx, INK_NO_MEMORY, "out of memory");
      } else {
        int64_t pen = 0;   /* a sum of advances: int64_t, see lib/para/width.h */
        for (size_t k = 0; k < nr; k++) {
          size_t ri = order[k];
          ink__lrun_t lr = out->runs.v[line.r0 + ri];
          size_t from = rg->v[ri];
          lr.g0 = out->glyphs.n;
          for (size_t i = 0; i < lr.ng; i++) {
            const ink__glyph_t *g = &lg->v[from + i];
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
    }
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
  return st;
}

void
ink__line_scratch_free (ink_context_t *ctx, ink__line_scratch_t *sc)
{
  ink__vec_free (ctx, &sc->tmp);
  ink__vec_free (ctx, &sc->lg);
  ink__vec_free (ctx, &sc->rg);
  ink__vec_free (ctx, &sc->srcs);
  ink__vec_free (ctx, &sc->order);
  ink__vec_free (ctx, &sc->vis);
}
