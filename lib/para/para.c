/* para/para: the paragraph builder, its steps in order.
 *
 * (1) break opportunities (UAX #14 with kinsoku, Thai words) and hyphenation points;
 * (2) Knuth–Plass items over the shaped widths (items.c), CJK punctuation that meets other
 *     punctuation set half width first (cjk.c);
 * (3) total-fit breaking (kp.c);
 * (4) per line: the runs' glyphs, reshaped only where the break cuts through a glyph that
 *     HarfBuzz marked unsafe to break; a hyphen where one was chosen (line.c);
 * (5) justification by kashida (kashida.c), then by spaces, or between CJK characters where
 *     a line has no spaces (justify.c);
 * (6) runs in visual order (UAX #9 L2 over run levels; HarfBuzz already gives RTL runs
 *     in visual order), then alignment (line.c);
 * (7) when a line came out wider than the breaker measured, the paragraph set again line by
 *     line (fill.c). */
#include "para-internal.h"

/* The break opportunities of sh's text in lang into brks (len + 1 bytes), found once and
 * kept in sh: a paragraph is set again at other measures and loosenesses (balancing, make-up),
 * its text and language the same. */
static ink_status_t
breaks_of (ink_context_t *ctx, ink__shaped_t *sh, const char *lang, uint8_t *brks)
{
  const char *key = lang ? lang : "";
  size_t n = sh->len + 1;
  if (sh->brks && strcmp (sh->brks_lang, key) == 0) {
    memcpy (brks, sh->brks, n);
    return INK_OK;
  }
  ink_status_t st = ink__breaks (ctx, sh->text, sh->len, lang, brks);
  if (st != INK_OK || strlen (key) >= sizeof sh->brks_lang)
    return st;
  if (!sh->brks)
    sh->brks = ink__alloc (ctx, n);
  if (sh->brks) {   /* out of memory, nothing is kept */
    memcpy (sh->brks, brks, n);
    memcpy (sh->brks_lang, key, strlen (key) + 1);
  }
  return INK_OK;
}

/* How much a justified line `measure` wide may stretch between its letters (letter_space_max
 * each), as the paragraph's text runs: its gaps between two letters (justify.c's) for its
 * advance, over the measure. */
static int32_t
letter_room (const ink__shaped_t *sh, const int32_t *adv, const uint8_t *cstart,
             int32_t measure, int32_t per_gap)
{
  int64_t total = 0, gaps = 0;
  uint32_t prev = ' ';
  for (size_t i = 0; i < sh->len; i++) {
    if (!cstart[i])
      continue;
    uint32_t c = cp_at (sh->text, sh->len, i);
    total += adv[i];
    gaps += !is_space (c) && !is_space (prev) && !is_cjk (c) && !is_cjk (prev) &&
            !ink__script_of_cp (prev)->joining;
    prev = c;
  }
  return total > 0 ? ink__width_clamp ((int64_t) measure * gaps / total * per_gap) : 0;
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
  ink__line_scratch_t sc = { 0 };   /* every line's, emptied between them */
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
  for (size_t i = 0; i < sh->runs.n; i++) {
    const ink__run_t *r = &sh->runs.v[i];
    ink__para_cjk_compress (sh, r, sh->glyphs.v + r->g0, r->ng, SIZE_MAX);
  }
  memset (adv, 0, (len + 1) * sizeof *adv);
  for (size_t i = 0; i < sh->glyphs.n; i++) {
    adv[sh->glyphs.v[i].cluster] =
      ink__width_clamp ((int64_t) adv[sh->glyphs.v[i].cluster] + sh->glyphs.v[i].advance);
    cstart[sh->glyphs.v[i].cluster] = 1;
  }
  cstart[len] = 1;
  st = breaks_of (ctx, sh, o->lang, brks);
  if (st != INK_OK)
    goto done;
  if (o->align != INK_PARA_JUSTIFY)
    ink__keep_words (sh->text, len, brks);
  if (o->tie_numbers)
    ink__number_ties (sh->text, len, brks);
  if (!ink__items_memo_get (sh, o, &b)) {
    items_reach_t reach;
    b.items.n = b.pos.n = 0;
    st = ink__para_items (&b, sh, o, adv, brks, cstart, o->hyphenator, &reach);
    if (st != INK_OK)
      goto done;
    ink__items_memo_put (sh, o, &b, &reach);
  }
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
  ink__kp_params_t params;
  ink__kp_params_default (&params);
  bool justify = o->align == INK_PARA_JUSTIFY;
  params.tolerance = ink__para_tolerance (o);
  params.pretolerance = justify ? 1.0 : 4.0;
  params.emergency_stretch = widths[nw - 1] / (o->short_lines && !justify ? 1 : 20);
  /* A justified line is left loose by an eighth of its measure more before a word that fits
   * the measure is cut between letters where it has no hyphenation point. */
  params.last_stretch = justify ? widths[nw - 1] / 8 : 0;
  /* Ragged lines may end short: a sixth of the measure stretches at each line's end. */
  params.line_stretch = justify ? 0 : widths[nw - 1] / 6;
  /* A line more or fewer asked for with the letters' stretch counts the room justification
   * gives between letters, where the style allows it, as the line's own: the spaces then
   * open less than the breaker's ratio says (ink__line_t.opened). */
  if (justify && o->letter_stretch && o->looseness != 0 && o->letter_space_max > 0)
    params.line_stretch = letter_room (sh, adv, cstart, widths[nw - 1], o->letter_space_max);
  params.max_work = ink__limit (ctx, INK_LIMIT_BREAK_WORK);
  params.nohyphen_line = o->nohyphen_line;
  params.looseness = o->looseness;
  st = o->first_fit ? ink__kp_greedy (ctx, b.items.v, b.items.n, widths, nw, &res)
                   : ink__kp_break (ctx, b.items.v, b.items.n, widths, nw, &params, &res);
  if (st != INK_OK)
    goto done;
  out->pass = res.pass;
  out->demerits = res.demerits;
  out->optimal_lines = res.optimal_lines;
  out->looseness = res.looseness;
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
    st = ink__para_make_line (sh, o, out, s, e2, p->hyphen && !last, last || forced, res.ratios[k],
                    measure, k == 0, &sc, brks);
    if (st != INK_OK)
      goto done;
    s = last ? len : p->next_start;
  }
  if (out->overfull)
    st = ink__para_exact_fill (sh, o, out, brks, cstart, &sc);
  if (out->pass == 6)
    out->optimal_lines = out->lines.n, out->looseness = 0;
done:
  ink__kp_result_free (ctx, &res);
  ink__vec_free (ctx, &b.items);
  ink__vec_free (ctx, &b.pos);
  ink__line_scratch_free (ctx, &sc);
  ink__free (ctx, adv, (len + 1) * sizeof *adv);
  ink__free (ctx, brks, len + 1);
  ink__free (ctx, cstart, len + 1);
  ink__free (ctx, widths, widths_n * sizeof *widths);
  if (st != INK_OK)
    ink__para_free (out);
  return st;
}

/* The largest adjustment ratio the breaker accepts before its emergency passes: justified
 * lines stretch their spaces to three times their stretchability, ragged ones further. */
double
ink__para_tolerance (const ink__para_opts_t *o)
{
  return o->align == INK_PARA_JUSTIFY ? 2.0 : 4.0;
}

/* The adjustment ratio of p's loosest line (0 when none stretches). */
double
ink__para_loosest (const ink__para_t *p)
{
  double r = 0;
  for (size_t k = 0; k < p->lines.n; k++)
    if (p->lines.v[k].ratio > r)
      r = p->lines.v[k].ratio;
  return r;
}

/* The ratio the word spaces of p's loosest line open to as printed (ink__line_t.opened). */
double
ink__para_loosest_opened (const ink__para_t *p)
{
  double r = 0;
  for (size_t k = 0; k < p->lines.n; k++)
    if (p->lines.v[k].opened > r)
      r = p->lines.v[k].opened;
  return r;
}

/* One vector's items copied into dst's own storage (dst empty). */
#define COPY_VEC(ctx, dst, src) \
  ((src)->n == 0 || (ink__vec_reserve ((ctx), (dst), (src)->n) && \
                     (memcpy ((dst)->v, (src)->v, (src)->n * sizeof *(src)->v), \
                      (dst)->n = (src)->n, true)))

/* *dst becomes a copy of src that owns its own lines, runs and glyphs; on INK_NO_MEMORY it
 * holds nothing. */
ink_status_t
ink__para_copy (ink_context_t *ctx, const ink__para_t *src, ink__para_t *dst)
{
  *dst = *src;
  dst->ctx = ctx;
  dst->lines.v = NULL, dst->lines.n = dst->lines.cap = 0;
  dst->runs.v = NULL, dst->runs.n = dst->runs.cap = 0;
  dst->glyphs.v = NULL, dst->glyphs.n = dst->glyphs.cap = 0;
  if (COPY_VEC (ctx, &dst->lines, &src->lines) && COPY_VEC (ctx, &dst->runs, &src->runs) &&
      COPY_VEC (ctx, &dst->glyphs, &src->glyphs))
    return INK_OK;
  ink__para_free (dst);
  return INK_NO_MEMORY;
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
