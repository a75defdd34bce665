/* paginate/setpara: a block's text set as a paragraph at the measure it will have, and the
 * height and baseline of its lines. */
#include "layout-internal.h"

#include <string.h>

static ink__para_align_t
para_align (ink__align_t a)
{
  switch (a) {
  case INK_ALIGN_END: return INK_PARA_END;
  case INK_ALIGN_CENTER: return INK_PARA_CENTER;
  case INK_ALIGN_JUSTIFY: return INK_PARA_JUSTIFY;
  default: return INK_PARA_START;
  }
}

void
ink__setpara_free (lay_t *L, setpara_t *p)
{
  if (!p)
    return;
  if (p->heights)   /* sized by the lines: before they are freed */
    ink__free (L->ctx, p->heights, p->para.lines.n * sizeof *p->heights);
  ink__para_free (&p->para);
  ink__shaped_free (&p->sh);
  ink__free (L->ctx, p->text, p->len + 1);
  ink__free (L->ctx, p->ranges, (p->nranges ? p->nranges : 1) * sizeof *p->ranges);
  ink__free (L->ctx, p, sizeof *p);
}

/* p's style ranges: the role's plain style, with the spans' bold and italic variants, or
 * opts->style for all of it. Returns how many. */
static size_t
style_ranges (lay_t *L, setpara_t *p, int role, size_t plen, size_t len, const ink__span_t *spans,
              size_t nspans, const setpara_opts_t *opts)
{
  size_t n = 0, at = 0;
  const char *block_lang = NULL;
  for (size_t i = 0; i < nspans; i++) {
    size_t a = plen + spans[i].start, b = a + spans[i].len;
    if (a < at || b > plen + len || a >= b)
      continue;
    if (a > at)
      p->ranges[n++] = (ink__style_range_t) { at, a, &L->styles[role][0], block_lang };
    int v = ((spans[i].flags & INK_SPAN_STRONG) ? 1 : 0) | ((spans[i].flags & INK_SPAN_EM) ? 2 : 0);
    p->ranges[n++] = (ink__style_range_t) { a, b, &L->styles[role][v], spans[i].lang };
    at = b;
  }
  if (at < p->len || n == 0)
    p->ranges[n++] = (ink__style_range_t) { at, p->len, &L->styles[role][0], block_lang };
  p->nranges = 2 * nspans + 2;
  if (opts->style) {
    /* Kept in p: the shaped runs point at their style until p is freed. */
    p->own_style = *opts->style;
    n = 1;
    p->ranges[0] = (ink__style_range_t) { 0, p->len, &p->own_style, block_lang };
  }
  return n;
}

/* The measure of each line, the last repeating: narrower first lines beside a drop cap, the
 * lines after the first of a hanging indent. widths has room for INK_MAX_DROP_LINES + 2. */
static size_t
line_widths (setpara_t *p, const setpara_opts_t *opts, int32_t measure, int32_t *widths)
{
  size_t nwidths = 1;
  widths[0] = measure;
  if (opts->narrow_lines) {
    for (unsigned k = 0; k < opts->narrow_lines && k < INK_MAX_DROP_LINES; k++)
      widths[k] = opts->narrow_width;
    nwidths = opts->narrow_lines < INK_MAX_DROP_LINES ? opts->narrow_lines : INK_MAX_DROP_LINES;
    widths[nwidths++] = measure;
  }
  if (opts->hang > 0 && opts->hang < measure) {
    widths[nwidths++] = measure - opts->hang;
    p->hang = opts->hang;
  }
  return nwidths;
}

/* Sets prefix + text + suffix in role's style at the given measure. Spans (nullable) style
 * ranges of text; opts (nullable) say what else. A NULL result with INK_OK means there was
 * nothing to set. */
ink_status_t
ink__set_para (lay_t *L, int role, long block, const char *prefix, const char *text, size_t len,
          const char *suffix, const ink__span_t *spans, size_t nspans, int32_t measure,
          int32_t x_off, const setpara_opts_t *opts, setpara_t **out)
{
  static const setpara_opts_t plain = { 0 };
  if (!opts)
    opts = &plain;
  *out = NULL;
  const ink__style_t *s = &L->t->styles[role];
  size_t plen = prefix ? strlen (prefix) : 0, slen = suffix ? strlen (suffix) : 0;
  if (len + plen + slen == 0)
    return INK_OK;
  setpara_t *p = ink__alloc (L->ctx, sizeof *p);
  if (!p)
    return oom (L);
  p->role = role;
  p->block = block;
  p->x_off = x_off;
  p->len = plen + len + slen;
  p->text = ink__realloc (L->ctx, NULL, 0, p->len + 1);
  p->ranges = ink__realloc_array (L->ctx, NULL, 0, 2 * nspans + 2, sizeof *p->ranges);
  if (!p->text || !p->ranges) {
    p->nranges = 2 * nspans + 2;
    ink__setpara_free (L, p);
    return oom (L);
  }
  memcpy (p->text, prefix ? prefix : "", plen);
  memcpy (p->text + plen, text, len);
  memcpy (p->text + plen + len, suffix ? suffix : "", slen);
  p->text[p->len] = 0;
  p->body_start = plen;
  p->body_end = plen + len;
  p->leading = PX (s->leading_px);
  size_t n = style_ranges (L, p, role, plen, len, spans, nspans, opts);
  if (role == INK_ROLE_BODY && L->t->baseline_px > 0)
    p->grid = PX (L->t->baseline_px);
  int32_t widths[INK_MAX_DROP_LINES + 2];
  size_t nwidths = line_widths (p, opts, measure, widths);
  ink__shape_opts_t so = { L->a->lang, 0, ink__shape_fallback, L };
  ink_status_t st = ink__shape_paragraph (L->ctx, L->fs, p->text, p->len, p->ranges, n, &so, &p->sh);
  if (st == INK_OK) {
    ink__para_opts_t po = { 0 };
    po.lang = L->a->lang;
    po.align = para_align (s->align);
    po.hyphenate = s->hyphenate;
    po.indent = opts->no_indent || opts->narrow_lines ? 0 : PX (s->indent_px);
    po.widths = widths;
    po.nwidths = nwidths;
    po.hyphenator = L->hy;
    po.letter_space_max = PX (s->letter_spacing_em * s->size_px);
    memcpy (p->widths, widths, nwidths * sizeof *widths);
    p->po = po;
    p->po.widths = p->widths;
    st = ink__para_build (L->ctx, &p->sh, &po, &p->para);
  }
  if (st == INK_OK && p->para.lines.n) {
    p->heights = ink__realloc_array (L->ctx, NULL, 0, p->para.lines.n, sizeof *p->heights);
    if (!p->heights)
      st = oom (L);
    for (size_t k = 0; p->heights && k < p->para.lines.n; k++)
      p->heights[k] = ink__line_height (p, &p->para.lines.v[k]);
  }
  if (st != INK_OK) {
    ink__setpara_free (L, p);
    return st;
  }
  if (!ink__vec_push (L->ctx, &L->paras, p)) {
    ink__setpara_free (L, p);
    return oom (L);
  }
  *out = p;
  return INK_OK;
}

int32_t
ink__line_height (const setpara_t *p, const ink__line_t *ln)
{
  /* The style's leading, unless the glyphs drawn (tall Nastaliq, stacked marks) need more. */
  int32_t ink = ln->ink_ascent + ln->ink_descent;
  int32_t need = ink + ink / 8;
  int32_t h = need > p->leading ? need : p->leading;
  if (p->grid > 0)
    h = (h + p->grid - 1) / p->grid * p->grid;
  return h;
}

/* Baseline from the line's top: the faces' box centred in the line, unless the ink would
 * then leave it. */
int32_t
ink__line_baseline (const setpara_t *p, const ink__line_t *ln)
{
  int32_t h = ink__line_height (p, ln);
  int32_t base = (h - ln->ascent - ln->descent) / 2 + ln->ascent;
  if (base - ln->ink_ascent < 0 || base + ln->ink_descent > h)
    base = (h - ln->ink_ascent - ln->ink_descent) / 2 + ln->ink_ascent;
  return base;
}

/* Height of lines [k0, k1) of p, at most INK_HEIGHT_MAX. */
int32_t
ink__lines_height (const setpara_t *p, size_t k0, size_t k1)
{
  int64_t h = 0;
  for (size_t k = k0; k < k1 && h < INK_HEIGHT_MAX; k++)
    h += ink__line_height (p, &p->para.lines.v[k]);
  return h < INK_HEIGHT_MAX ? (int32_t) h : INK_HEIGHT_MAX;
}
