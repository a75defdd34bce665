/* paginate/units: the article's body as units to flow: set paragraphs, pictures, rules and
 * spaces, with their keeps, floats and spans. */
#include "layout-internal.h"

#include <hb-ot.h>
#include <stdio.h>
#include <string.h>

/* Height of unit u without the space around it: a paragraph's first nlines lines (SIZE_MAX
 * for all), or the unit's box. */
int32_t
ink__unit_height (const unit_t *u, size_t nlines)
{
  if (u->kind == U_PARA) {
    size_t n = u->p->para.lines.n;
    return ink__lines_height (u->p, 0, nlines < n ? nlines : n);
  }
  return u->h;
}

static ink_status_t
add_unit (lay_t *L, unit_t u)
{
  u.placed_page = SIZE_MAX;
  return ink__vec_push (L->ctx, &L->units, u) ? INK_OK : oom (L);
}

static ink_status_t
push_para_unit (lay_t *L, setpara_t *p, int role, long block, int32_t x_off, bool keep,
                bool unsplittable)
{
  const ink__style_t *s = &L->t->styles[role];
  unit_t u = { 0 };
  u.kind = U_PARA;
  u.p = p;
  u.x_off = x_off;
  u.space_before = PX (s->space_before_px);
  u.space_after = PX (s->space_after_px);
  u.keep_with_next = keep;
  u.unsplittable = unsplittable;
  u.block = block;
  u.span = L->span_build;
  return add_unit (L, u);
}

static ink_status_t
add_para_unit (lay_t *L, int role, long block, const char *prefix, const char *text, size_t len,
               const char *suffix, const ink__span_t *spans, size_t nspans, int32_t x_off,
               bool keep, bool unsplittable, const setpara_opts_t *opts)
{
  setpara_t *p;
  int32_t width = L->span_build ? L->right - L->left : L->colw;
  ink_status_t st = ink__set_para (L, role, block, prefix, text, len, suffix, spans, nspans,
                              width - x_off, x_off, opts, &p);
  if (st != INK_OK || !p)
    return st;
  return push_para_unit (L, p, role, block, x_off, keep, unsplittable);
}

/* The first paragraph with a drop cap: its first letter (with any opening quote before it)
 * set large through the first lines, which are set narrower beside it. Only for scripts
 * whose letters stand apart; a joining script keeps its first word whole. */
static ink_status_t
add_drop_cap_para (lay_t *L, const ink__block_t *b, long bi, unsigned lines,
                   const setpara_opts_t *opts)
{
  hb_unicode_funcs_t *uf = hb_unicode_funcs_get_default ();
  size_t pos = 0, cap_end = 0;
  uint32_t c = 0;
  while (pos < b->text_len) {
    size_t q = pos;
    ink__utf8_next (b->text, b->text_len, &q, &c);
    hb_unicode_general_category_t gc = hb_unicode_general_category (uf, c);
    pos = q;
    if (gc != HB_UNICODE_GENERAL_CATEGORY_INITIAL_PUNCTUATION &&
        gc != HB_UNICODE_GENERAL_CATEGORY_OPEN_PUNCTUATION && c != '"' && c != '\'')
      break;
  }
  hb_script_t sc = hb_unicode_script (uf, c);
  if (sc != HB_SCRIPT_LATIN && sc != HB_SCRIPT_GREEK && sc != HB_SCRIPT_CYRILLIC)
    return add_para_unit (L, INK_ROLE_BODY, bi, NULL, b->text, b->text_len, NULL, b->spans,
                          b->nspans, 0, false, false, opts);
  cap_end = pos;
  while (cap_end < b->text_len) {
    size_t q = cap_end;
    ink__utf8_next (b->text, b->text_len, &q, &c);
    hb_unicode_general_category_t gc = hb_unicode_general_category (uf, c);
    if (gc != HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK &&
        gc != HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK)
      break;
    cap_end = q;
  }
  if (cap_end >= b->text_len)
    return add_para_unit (L, INK_ROLE_BODY, bi, NULL, b->text, b->text_len, NULL, b->spans,
                          b->nspans, 0, false, false, opts);
  const ink__style_t *bs = &L->t->styles[INK_ROLE_BODY];
  /* The cap's capital spans the lines: its cap height reaches from the last line's
   * baseline to the first line's cap height. */
  ink__text_style_t cap_style = L->styles[INK_ROLE_BODY][0];
  ink__face_t *face = cap_style.face;
  hb_position_t cap_h = 0;
  float ratio = 0.7f;
  if (hb_ot_metrics_get_position (face->hb_font, HB_OT_METRICS_TAG_CAP_HEIGHT, &cap_h) && cap_h > 0)
    ratio = (float) cap_h / (float) face->upem;
  float leading = bs->leading_px > 0 ? bs->leading_px : bs->size_px * 1.3f;
  cap_style.size_px = (leading * (float) (lines - 1)) / ratio + bs->size_px;
  cap_style.features = NULL;
  cap_style.nfeatures = 0;
  setpara_t *cap;
  setpara_opts_t cap_opts = *opts;
  cap_opts.style = &cap_style;
  ink_status_t st = ink__set_para (L, INK_ROLE_BODY, bi, NULL, b->text, cap_end, NULL, NULL, 0,
                              L->colw, 0, &cap_opts, &cap);
  if (st != INK_OK || !cap || !cap->para.lines.n)
    return st;
  int32_t gap = PX (bs->size_px * 0.35f);
  int32_t capw = cap->para.lines.v[0].width + gap;
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
  rest_opts.narrow_lines = lines;
  rest_opts.narrow_width = L->colw - capw;
  setpara_t *p;
  st = ink__set_para (L, INK_ROLE_BODY, bi, NULL, b->text + cap_end, b->text_len - cap_end, NULL,
                 spans, nspans, L->colw, 0, &rest_opts, &p);
  ink__free (L->ctx, spans, b->nspans * sizeof *spans);
  if (st != INK_OK || !p)
    return st;
  p->cap = cap;
  p->cap_lines = lines;
  p->cap_shift = capw;
  p->cap_x = 0;
  return push_para_unit (L, p, INK_ROLE_BODY, bi, 0, false, false);
}

static ink_status_t
add_image_unit (lay_t *L, const ink__image_t *img, long block, int32_t x_off)
{
  if (!img || !img->width || !img->height)
    return INK_OK;
  int32_t w = L->colw - x_off;
  int64_t h = (int64_t) w * img->height / img->width;
  int32_t maxh = (L->bottom - L->top) * 6 / 10;
  if (h > maxh) {
    w = (int32_t) ((int64_t) w * maxh / h);
    h = maxh;
  }
  unit_t u = { 0 };
  u.kind = U_IMAGE;
  u.image = img;
  u.w = w;
  u.h = (int32_t) h;
  u.x_off = x_off;
  u.space_before = PX (L->t->styles[INK_ROLE_CAPTION].space_before_px);
  u.space_after = PX (8);
  u.keep_with_next = true;
  u.block = block;
  return add_unit (L, u);
}

static ink_status_t
add_rule_unit (lay_t *L, int32_t space, bool keep)
{
  unit_t u = { 0 };
  u.kind = U_RULE;
  u.w = L->span_build ? L->right - L->left : L->colw;
  u.span = L->span_build;
  u.h = PX (L->t->dpi >= 200 ? 2 : 1);
  u.space_before = space;
  u.space_after = space;
  u.block = -1;
  u.keep_with_next = keep;
  return add_unit (L, u);
}

/* The advance of a short text in a role's style, 1/64 px; 0 when it cannot be shaped. */
static int32_t
text_width (lay_t *L, int role, const char *text)
{
  ink__style_range_t r = { 0, strlen (text), &L->styles[role][0], NULL };
  ink__shape_opts_t so = { L->a->lang, 0, ink__shape_fallback, L };
  ink__shaped_t sh;
  if (ink__shape_paragraph (L->ctx, L->fs, text, strlen (text), &r, 1, &so, &sh) != INK_OK)
    return 0;
  int32_t w = 0;
  for (size_t i = 0; i < sh.glyphs.n; i++)
    w += sh.glyphs.v[i].advance;
  ink__shaped_free (&sh);
  return w;
}

ink_status_t
ink__build_body_units (lay_t *L)
{
  const ink_article_t *a = L->a;
  ink_status_t st = INK_OK;
  bool seen_para = false;
  if (L->lead_in_column) {
    /* The lead picture with its caption and credit, as the first float of the columns. */
    size_t first_unit = L->units.n;
    if ((st = add_image_unit (L, a->image, -1, 0)) != INK_OK)
      return st;
    if (a->caption && *a->caption &&
        (st = add_para_unit (L, INK_ROLE_CAPTION, -1, NULL, a->caption, strlen (a->caption), NULL,
                             NULL, 0, 0, a->credit != NULL, false, NULL)) != INK_OK)
      return st;
    if (a->credit && *a->credit &&
        (st = add_para_unit (L, INK_ROLE_CREDIT, -1, NULL, a->credit, strlen (a->credit), NULL,
                             NULL, 0, 0, false, false, NULL)) != INK_OK)
      return st;
    if (L->units.n > first_unit)
      L->units.v[first_unit].float_len = (unsigned) (L->units.n - first_unit);
  }
  for (size_t i = 0; i < a->nblocks && st == INK_OK; i++) {
    const ink__block_t *b = &a->blocks[i];
    long bi = (long) i;
    size_t first_unit = L->units.n;
    bool is_float = b->kind == INK_BLOCK_PULLQUOTE || b->kind == INK_BLOCK_RELATED ||
                    b->kind == INK_BLOCK_FIGURE;
    switch (b->kind) {
    case INK_BLOCK_PARAGRAPH: {
      /* As newspapers do: no indent after the head, a subhead, a list or a block quote.
       * Floats (pull quotes, related boxes, figures) may be set elsewhere, so the
       * paragraph before them decides. */
      setpara_opts_t body_opts = { 0 };
      {
        size_t j = i;
        while (j > 0 && (a->blocks[j - 1].kind == INK_BLOCK_PULLQUOTE ||
                         a->blocks[j - 1].kind == INK_BLOCK_RELATED ||
                         a->blocks[j - 1].kind == INK_BLOCK_FIGURE))
          j--;
        body_opts.no_indent = j == 0 || a->blocks[j - 1].kind != INK_BLOCK_PARAGRAPH;
      }
      if (!seen_para && L->t->styles[INK_ROLE_BODY].drop_cap_lines >= 2)
        st = add_drop_cap_para (L, b, bi,
                                L->t->styles[INK_ROLE_BODY].drop_cap_lines < INK_MAX_DROP_LINES
                                  ? L->t->styles[INK_ROLE_BODY].drop_cap_lines : INK_MAX_DROP_LINES,
                                &body_opts);
      else
        st = add_para_unit (L, INK_ROLE_BODY, bi, NULL, b->text, b->text_len, NULL, b->spans,
                            b->nspans, 0, false, false, &body_opts);
      seen_para = true;
      break;
    }
    case INK_BLOCK_SUBHEAD:
      st = add_para_unit (L, INK_ROLE_SUBHEAD, bi, NULL, b->text, b->text_len, NULL, b->spans,
                          b->nspans, 0, true, false, NULL);
      break;
    case INK_BLOCK_LIST_ITEM: {
      char bullet[32];
      if (b->number)
        snprintf (bullet, sizeof bullet, "%u.\u2002", b->number);
      else
        snprintf (bullet, sizeof bullet, "\u2022\u2002");
      int32_t indent = PX (L->t->styles[INK_ROLE_LIST].size_px) * (int32_t) (b->level ? b->level - 1 : 0);
      /* Lines after the first hang under the text, not under the bullet. */
      setpara_opts_t list_opts = { 0 };
      list_opts.hang = text_width (L, INK_ROLE_LIST, bullet);
      st = add_para_unit (L, INK_ROLE_LIST, bi, bullet, b->text, b->text_len, NULL, b->spans,
                          b->nspans, indent, false, false, &list_opts);
      break;
    }
    case INK_BLOCK_QUOTE:
      st = add_para_unit (L, INK_ROLE_BLOCKQUOTE, bi, NULL, b->text, b->text_len, NULL, b->spans,
                          b->nspans, PX (L->t->styles[INK_ROLE_BLOCKQUOTE].size_px), false, false, NULL);
      break;
    case INK_BLOCK_PULLQUOTE: {
      const ink__style_t *qs = &L->t->styles[INK_ROLE_QUOTE];
      L->span_build = qs->span_columns && L->ncols > 1;
      if (qs->rule_above &&
          (st = add_rule_unit (L, PX (qs->space_before_px), true)) != INK_OK)
        break;
      st = add_para_unit (L, INK_ROLE_QUOTE, bi, NULL, b->text, b->text_len, NULL, b->spans,
                          b->nspans, 0, b->attribution != NULL, true, NULL);
      if (st == INK_OK && b->attribution)
        st = add_para_unit (L, INK_ROLE_ATTRIBUTION, bi, "\u2014\u2009", b->attribution,
                            strlen (b->attribution), NULL, NULL, 0, 0, false, true, NULL);
      if (st == INK_OK && qs->rule_below)
        st = add_rule_unit (L, PX (qs->space_after_px), false);
      L->span_build = false;
      break;
    }
    case INK_BLOCK_RELATED: {
      const ink__style_t *rs = &L->t->styles[INK_ROLE_RELATED];
      if (rs->rule_above && (st = add_rule_unit (L, PX (rs->space_before_px), true)) != INK_OK)
        break;
      st = add_para_unit (L, INK_ROLE_RELATED, bi, ink__read_label (a->lang), b->text,
                          b->text_len, NULL, b->spans, b->nspans, 0, false, true, NULL);
      if (st == INK_OK && rs->rule_below)
        st = add_rule_unit (L, PX (rs->space_after_px), false);
      break;
    }
    case INK_BLOCK_FIGURE:
      if ((st = add_image_unit (L, b->image, bi, 0)) != INK_OK)
        break;
      st = add_para_unit (L, INK_ROLE_CAPTION, bi, NULL, b->text, b->text_len, NULL, b->spans,
                          b->nspans, 0, b->credit != NULL, false, NULL);
      if (st == INK_OK && b->credit)
        st = add_para_unit (L, INK_ROLE_CREDIT, bi, NULL, b->credit, strlen (b->credit), NULL,
                            NULL, 0, 0, false, false, NULL);
      break;
    case INK_BLOCK_COMMENT:
      break;   /* after the body, below */
    default:
      break;
    }
    if (st == INK_OK && is_float && L->units.n > first_unit) {
      L->units.v[first_unit].float_len = (unsigned) (L->units.n - first_unit);
      L->units.v[first_unit].span = L->units.v[L->units.n - 1].span;
    }
  }
  if (st != INK_OK)
    return st;
  if (a->source && st == INK_OK) {
    /* The source line goes with the end of the text, never alone on a page of its own. */
    for (size_t i = L->units.n; i > 0; i--)
      if (L->units.v[i - 1].kind == U_PARA && !L->units.v[i - 1].float_len) {
        L->units.v[i - 1].keep_with_next = i == L->units.n;
        break;
      }
    st = add_para_unit (L, INK_ROLE_SOURCE, -1, NULL, a->source, strlen (a->source), NULL, NULL,
                        0, 0, false, true, NULL);
  }
  /* Comments, each under a rule: author and meta, then the text; replies indented. */
  bool first_comment = true;
  for (size_t i = 0; i < a->nblocks && st == INK_OK; i++) {
    const ink__block_t *b = &a->blocks[i];
    if (b->kind != INK_BLOCK_COMMENT)
      continue;
    int32_t indent = PX (L->t->styles[INK_ROLE_REPLY].size_px * 1.5f) * (int32_t) b->level;
    if (b->level == 0 || first_comment) {
      if (first_comment) {
        unit_t sp = { 0 };
        sp.kind = L->t->comments_new_page ? U_PAGE : U_SPACE;
        sp.h = PX (L->t->styles[INK_ROLE_COMMENT].size_px);
        if ((st = add_unit (L, sp)) != INK_OK)
          break;
      }
      if ((st = add_rule_unit (L, PX (L->t->styles[INK_ROLE_COMMENT].size_px * 0.5f), true)) != INK_OK)
        break;
    }
    first_comment = false;
    char meta[256] = "";
    if (b->meta && *b->meta)
      snprintf (meta, sizeof meta, " \u00b7 %s", b->meta);
    const char *author = b->author ? b->author : "";
    /* The meta is the article's text too: set author and meta as one line of input. */
    ink__str_t head = { 0 };
    if (!ink__str_append (L->ctx, &head, author, strlen (author)) ||
        (b->meta && *b->meta && (!ink__str_append (L->ctx, &head, " \u00b7 ", strlen (" \u00b7 ")) ||
                                 !ink__str_append (L->ctx, &head, b->meta, strlen (b->meta))))) {
      ink__str_free (L->ctx, &head);
      return oom (L);
    }
    (void) meta;
    st = add_para_unit (L, INK_ROLE_COMMENT_AUTHOR, (long) i, NULL, head.s ? head.s : "", head.n,
                        NULL, NULL, 0, indent, true, false, NULL);
    ink__str_free (L->ctx, &head);
    if (st == INK_OK)
      st = add_para_unit (L, b->level ? INK_ROLE_REPLY : INK_ROLE_COMMENT, (long) i, NULL, b->text,
                          b->text_len, NULL, b->spans, b->nspans, indent, false, false, NULL);
  }
  return st;
}
