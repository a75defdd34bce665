/* paginate/dropcap: the first paragraph with a drop cap: its first letter set large beside its
 * first lines, which are set narrower. */
#include "layout-internal.h"
#include "scripts.h"

#include <hb-ot.h>
#include <string.h>

/* Where the cap of text ends: its first letter, with any opening quote before it and the
 * marks on it; 0 when the letter's script joins its letters (or nothing follows the cap). */
static size_t
cap_end_of (const char *text, size_t len)
{
  hb_unicode_funcs_t *uf = hb_unicode_funcs_get_default ();
  size_t pos = 0, cap_end = 0;
  uint32_t c = 0;
  while (pos < len) {
    size_t q = pos;
    ink__utf8_next (text, len, &q, &c);
    hb_unicode_general_category_t gc = hb_unicode_general_category (uf, c);
    pos = q;
    if (gc != HB_UNICODE_GENERAL_CATEGORY_INITIAL_PUNCTUATION &&
        gc != HB_UNICODE_GENERAL_CATEGORY_OPEN_PUNCTUATION && c != '"' && c != '\'')
      break;
  }
  if (!ink__script_info (hb_unicode_script (uf, c))->drop_cap)
    return 0;
  cap_end = pos;
  while (cap_end < len) {
    size_t q = cap_end;
    ink__utf8_next (text, len, &q, &c);
    hb_unicode_general_category_t gc = hb_unicode_general_category (uf, c);
    if (gc != HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK &&
        gc != HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK)
      break;
    cap_end = q;
  }
  return cap_end < len ? cap_end : 0;
}

/* The cap's ink from its line's left edge to its right: its advance, or further where a
 * glyph's ink overhangs it. */
static int32_t
cap_ink_right (const setpara_t *cap)
{
  const ink__line_t *ln = &cap->para.lines.v[0];
  int32_t right = ln->width;
  for (size_t r = 0; r < ln->nr; r++) {
    const ink__lrun_t *lr = &cap->para.runs.v[ln->r0 + r];
    for (size_t g = 0; g < lr->ng; g++) {
      const ink__pglyph_t *pg = &cap->para.glyphs.v[lr->g0 + g];
      hb_glyph_extents_t ext;
      if (!hb_font_get_glyph_extents (lr->face->hb_font, pg->gid, &ext))
        continue;
      int64_t x = (int64_t) pg->x +
                  ink__units_to_26d6 (lr->face, lr->style->size_px, ext.x_bearing + ext.width);
      if (x > right && x < INK_HEIGHT_MAX)
        right = (int32_t) x;
    }
  }
  return right;
}

/* The drop cap's box is its ink: the rest of the paragraph makes room for that, and the
 * make-up sees what the cap covers (its line box at the cap's size would reach far above
 * and below its letter). */
static void
cap_box_is_ink (setpara_t *cap)
{
  const ink__line_t *ln = &cap->para.lines.v[0];
  cap->base_off = ln->ink_ascent;
  cap->step = ln->ink_ascent + ln->ink_descent > 0 ? ln->ink_ascent + ln->ink_descent : 1;
  if (cap->heights)
    cap->heights[0] = cap->step;
}

/* From the top of p's first line down to the baseline of line n (from 1). */
static int64_t
room_above (const setpara_t *p, unsigned n)
{
  int64_t y = 0;
  for (unsigned k = 0; k + 1 < n; k++)
    y += ink__line_height (p, &p->para.lines.v[k]);
  return y + ink__line_baseline (p, &p->para.lines.v[n - 1]);
}

/* From the baseline of p's line n (from 1) down to the foot of line m >= n. */
static int64_t
room_below (const setpara_t *p, unsigned n, unsigned m)
{
  const ink__line_t *ln = &p->para.lines.v[n - 1];
  int64_t y = ink__line_height (p, ln) - ink__line_baseline (p, ln);
  for (unsigned k = n; k < m; k++)
    y += ink__line_height (p, &p->para.lines.v[k]);
  return y;
}

/* How a drop cap is set: its letter's size, the line on whose baseline it stands (its
 * sink) and how many lines are set narrower beside it (the sink and any lines its
 * descender reaches into). */
typedef struct {
  float size_px;
  unsigned sink, beside;
} cap_fit_t;

/* The size at which the capital's cap height reaches from the baseline of line `sink` to
 * the cap height of the first line. */
static float
cap_size (const lay_t *L, unsigned sink)
{
  const ink__style_t *bs = &L->t->styles[INK_ROLE_BODY];
  const ink__face_t *face = L->styles[INK_ROLE_BODY][0].face;
  hb_position_t cap_h = 0;
  float ratio = 0.7f;
  if (hb_ot_metrics_get_position (face->hb_font, HB_OT_METRICS_TAG_CAP_HEIGHT, &cap_h) && cap_h > 0)
    ratio = (float) cap_h / (float) face->upem;
  return (bs->leading_px * (float) (sink - 1)) / ratio + bs->size_px;
}

/* Checks the cap's ink against the lines p set beside it and says how to set both again:
 * true when they fit as they are. The cap's ink stays between the first line's top (an
 * accent above a capital makes the cap smaller) and the foot of the last line set
 * narrower (a descender, as of Q or J, takes the lines it reaches into); it stands on a
 * baseline the paragraph has (a short paragraph takes a smaller cap), and a cap whose
 * descender would leave the paragraph, or that its accent would make smaller than `least`,
 * sinks one line less. fit->sink 0: no drop cap. */
static bool
cap_fits (const setpara_t *cap, const setpara_t *p, float least, cap_fit_t *fit)
{
  const ink__line_t *c = &cap->para.lines.v[0];
  unsigned m = p->para.lines.n < INK_MAX_DROP_LINES ? (unsigned) p->para.lines.n
                                                   : INK_MAX_DROP_LINES;
  if (m < fit->sink) {
    fit->sink = m >= 2 ? m : 0;
    return false;
  }
  int64_t above = room_above (p, fit->sink);
  if (c->ink_ascent > above) {
    float shrink = (float) above / (float) c->ink_ascent;
    fit->size_px *= shrink < 0.99f ? shrink : 0.99f;
    if (fit->size_px < least)   /* too small for its lines: it sinks one line less */
      fit->sink = fit->sink > 2 ? fit->sink - 1 : 0;
    return false;
  }
  unsigned beside = fit->sink;
  while (beside < m && room_below (p, fit->sink, beside) < c->ink_descent)
    beside++;
  if (room_below (p, fit->sink, beside) < c->ink_descent) {
    fit->sink = fit->sink > 2 ? fit->sink - 1 : 0;
    return false;
  }
  if (beside == fit->beside)
    return true;
  fit->beside = beside;
  return false;
}

/* Discards p, a trial set among the layout's newest paragraphs. */
static void
discard (lay_t *L, setpara_t *p)
{
  for (size_t i = L->paras.n; i > 0 && i + 2 > L->paras.n; i--)
    if (L->paras.v[i - 1] == p) {
      memmove (&L->paras.v[i - 1], &L->paras.v[i], (L->paras.n - i) * sizeof *L->paras.v);
      L->paras.n--;
      ink__setpara_free (L, p);
      return;
    }
}

/* The cap (text [0, cap_end) of b) at fit's size, and the rest of b set beside it. */
static ink_status_t
set_cap_and_rest (lay_t *L, const ink__block_t *b, long bi, size_t cap_end,
                  const setpara_opts_t *opts, const cap_fit_t *fit, setpara_t **cap_out,
                  setpara_t **rest_out)
{
  const ink__style_t *bs = &L->t->styles[INK_ROLE_BODY];
  ink__text_style_t cap_style = L->styles[INK_ROLE_BODY][0];
  cap_style.size_px = fit->size_px;
  cap_style.features = NULL;
  cap_style.nfeatures = 0;
  setpara_t *cap;
  setpara_opts_t cap_opts = *opts;
  cap_opts.style = &cap_style;
  *cap_out = *rest_out = NULL;
  ink_status_t st = ink__set_para (L, INK_ROLE_BODY, bi, NULL, b->text, cap_end, NULL, NULL, 0,
                                   L->colw, 0, &cap_opts, &cap);
  if (st != INK_OK || !cap || !cap->para.lines.n)
    return st;   /* a set paragraph is the layout's: it frees it */
  cap_box_is_ink (cap);
  int32_t capw = cap_ink_right (cap) + PX (bs->size_px * 0.35f);
  /* The spans, moved to the rest of the text. */
  ink__span_t *spans = NULL;
  size_t nspans = 0;
  if (b->nspans) {
    spans = ink__realloc_array (L->ctx, NULL, 0, b->nspans, sizeof *spans);
    if (!spans)
      return oom (L);
    for (size_t i = 0; i < b->nspans; i++)
      if (b->spans[i].start >= cap_end) {
        spans[nspans] = b->spans[i];
        spans[nspans++].start -= (uint32_t) cap_end;
      }
  }
  setpara_opts_t rest_opts = *opts;
  rest_opts.narrow_lines = fit->beside;
  rest_opts.narrow_width = L->colw - capw;
  setpara_t *p;
  st = ink__set_para (L, INK_ROLE_BODY, bi, NULL, b->text + cap_end, b->text_len - cap_end, NULL,
                      spans, nspans, L->colw, 0, &rest_opts, &p);
  ink__free (L->ctx, spans, b->nspans * sizeof *spans);
  if (st != INK_OK || !p)
    return st;
  p->cap_shift = capw;
  *cap_out = cap;
  *rest_out = p;
  return INK_OK;
}

/* The first paragraph with a drop cap: its first letter (with any opening quote before it)
 * set large through the first lines, which are set narrower beside it. Only for scripts
 * whose letters stand apart, in a left-to-right paragraph; a joining script keeps its first
 * word whole, and a right-to-left paragraph that opens on a Latin word has no cap. The cap is set
 * again, smaller or sinking fewer lines, until its ink clears the lines around it; a
 * paragraph too short for any cap is set plain. */
ink_status_t
ink__add_drop_cap_para (lay_t *L, const ink__block_t *b, long bi, unsigned lines,
                   const setpara_opts_t *opts)
{
  size_t cap_end = cap_end_of (b->text, b->text_len);
  cap_fit_t fit = { cap_size (L, lines), lines, lines };
  for (int tries = 0; cap_end && fit.sink >= 2 && tries < 12; tries++) {
    setpara_t *cap, *p;
    ink_status_t st = set_cap_and_rest (L, b, bi, cap_end, opts, &fit, &cap, &p);
    if (st != INK_OK)
      return st;
    if (!p)   /* no cap letter was set: the paragraph is set plain */
      break;
    unsigned sink = fit.sink;
    if (p->sh.base_level & 1) {   /* a right-to-left paragraph opening on a Latin letter */
      discard (L, p);
      discard (L, cap);
      break;
    }
    if (cap_fits (cap, p, cap_size (L, sink) * 0.75f, &fit)) {
      p->cap = cap;
      p->cap_sink = fit.sink;
      p->cap_lines = fit.beside;
      p->cap_x = 0;
      return ink__push_para_unit (L, p, INK_ROLE_BODY, bi, 0, false, false);
    }
    discard (L, p);
    discard (L, cap);
    if (fit.sink != sink && fit.sink >= 2)
      fit = (cap_fit_t) { cap_size (L, fit.sink), fit.sink, fit.sink };
  }
  return ink__add_para_unit (L, INK_ROLE_BODY, bi, NULL, b->text, b->text_len, NULL, b->spans,
                             b->nspans, 0, false, false, opts);
}
