/* paginate/document: an article on a template, as pages of display lists.
 *
 *   ink_document_t *doc;
 *   ink_document_layout (ctx, article, tpl, fonts, NULL, &doc);
 *   for (size_t p = 0; p < ink_document_page_count (doc); p++) ...
 *   ink_document_destroy (doc);
 *
 * Every block is set once, at the width it will have (a column or the full measure), before
 * anything is placed: pagination only moves lines, it never reshapes. The flow then places
 * units (paragraph lines, figures, rules) down the columns of each page, keeping subheads
 * with what follows, honouring widows and orphans, and balancing the last page's columns. */
#include "layout-internal.h"

/* The layout's state for doc: the frame and its columns from the template, the flow before
 * its first page. */
static void
lay_init (lay_t *L, ink_document_t *doc, const ink_layout_options_t *opts)
{
  const ink_template_t *tpl = doc->tpl;
  *L = (lay_t) { 0 };
  L->doc = doc;
  L->ctx = doc->ctx;
  L->a = doc->article;
  L->t = doc->tpl;
  L->fs = doc->fonts;
  ink__frame_t f = ink__frame_of (tpl);
  L->left = f.left;
  L->right = f.right;
  L->top = f.top;
  L->bottom = f.bottom;
  L->ncols = f.ncols;
  L->gutter = f.gutter;
  L->colw = f.colw;
  L->max_pages = ink__limit (doc->ctx, INK_LIMIT_PAGES);
  L->rtl = ink__lang_is_rtl (doc->article->lang);
  L->digits = ink__digits_for (doc->article->lang, tpl->digits, tpl->ndigits);
  L->pending = NO_FLOAT;
  L->queue_last = NO_FLOAT;
  L->pending_span = NO_FLOAT;
  L->span_rest = NO_FLOAT;
  L->resume_ui = NO_FLOAT;
  if (opts && opts->max_pages && opts->max_pages < L->max_pages)
    L->max_pages = opts->max_pages;
  /* Large pages: fewer of them, so that drawing the whole document stays bounded; the rest is
   * overflow, as with any page limit. */
  uint64_t page_px = (uint64_t) tpl->width_px * tpl->height_px;
  uint64_t by_pixels = page_px ? INK_MAX_DOCUMENT_PIXELS / page_px : L->max_pages;
  if (by_pixels < 1)
    by_pixels = 1;
  if (by_pixels < L->max_pages)
    L->max_pages = (size_t) by_pixels;
}

/* The width of each of ncols columns across frame f, f's gutter between them. */
static int32_t
frame_colw (const ink__frame_t *f, unsigned ncols)
{
  return (f->right - f->left - f->gutter * (int32_t) (ncols - 1)) / (int32_t) ncols;
}

ink__frame_t
ink__frame_of (const ink_template_t *tpl)
{
  ink__frame_t f = { 0 };
  f.left = PX (tpl->margin_left);
  f.right = PX ((float) tpl->width_px - tpl->margin_right);
  f.top = PX (tpl->margin_top);
  f.bottom = PX ((float) tpl->height_px - tpl->margin_bottom);
  f.ncols = tpl->columns;
  f.gutter = PX (tpl->gutter_px);
  f.colw = frame_colw (&f, f.ncols);
  return f;
}

/* Frame f with ncols columns across it, of equal width, with f's gutter between them, when
 * that is fewer than f's (a last page of comments, commentcol.c, or a one-page story,
 * briefcols.c); else f. */
ink__frame_t
ink__frame_cols (ink__frame_t f, unsigned ncols)
{
  if (ncols && ncols < f.ncols) {
    f.ncols = ncols;
    f.colw = frame_colw (&f, ncols);
  }
  return f;
}

/* One warning, at the front matter's lang, when a style hyphenates and no pattern file
 * serves the article's language. */
static void
warn_no_patterns (const lay_t *L)
{
  bool any = false;
  for (int r = 0; r < INK_ROLE_COUNT_; r++)
    any = any || L->t->styles[r].hyphenate;
  const char *lang = L->a->lang;
  if (!any || !lang || ink__hyphen_patterns (L->hy, lang) != INK_HYPH_MISSING)
    return;
  unsigned line = L->a->key_line[INK_KEY_LANG], col = L->a->key_column[INK_KEY_LANG];
  if (line)
    ink__log (L->doc->ctx, INK_LOG_WARNING, "%u:%u: no hyphenation patterns for \"%s\": set "
              "without hyphens", line, col, lang);
  else
    ink__log (L->doc->ctx, INK_LOG_WARNING, "no hyphenation patterns for \"%s\": set without "
              "hyphens", lang);
}

/* A document for the article with no pages yet, and the layout's state for it up to the
 * head on page 1 (fitted to the room order asks under it): the steps every layout begins
 * with (ink_document_layout, pager.c). On failure *out is NULL and nothing is left to free. */
ink_status_t
ink__layout_begin (ink_context_t *ctx, const ink_article_t *article, ink_template_t *tpl,
                   ink_fontset_t *fonts, const ink_layout_options_t *opts,
                   const ink__float_order_t *order, lay_t *L, ink_document_t **out)
{
  if (!ctx || !article || !tpl || !fonts || !out)
    return INK_INVALID;
  *out = NULL;
  /* The options as this library knows them, from a caller of any version (core/structsize.c). */
  ink_layout_options_t o = { .struct_size = sizeof o };
  if (opts) {
    size_t v1 = offsetof (ink_layout_options_t, max_pages) + sizeof o.max_pages;
    ink_status_t bad = ink__struct_in (ctx, opts, v1, &o, sizeof o, "ink_layout_options_t");
    if (bad != INK_OK)
      return bad;
  }
  ink_document_t *doc = ink__alloc (ctx, sizeof *doc);
  if (!doc)
    return ink__error (ctx, INK_NO_MEMORY, "out of memory");
  doc->ctx = ctx;
  doc->tpl = ink_template_reference (tpl);
  doc->fonts = ink_fontset_reference (fonts);
  doc->article = article;
  doc->width = tpl->width_px;
  doc->height = tpl->height_px;
  doc->dpi = tpl->dpi;
  lay_init (L, doc, &o);
  L->order = *order;
  if (order->columns && order->columns < L->ncols) {   /* a brief in fewer columns */
    L->ncols = order->columns;
    L->colw = (L->right - L->left - L->gutter * (int32_t) (L->ncols - 1)) / (int32_t) L->ncols;
  }
  ink_status_t st = INK_OK;
  if (L->colw <= 64 || L->bottom - L->top <= 64)
    st = ink__error (ctx, INK_INVALID, "the template leaves no room for text");
  if (st == INK_OK)
    st = ink__fontset_hyphenator (fonts, &L->hy);
  if (st == INK_OK)
    warn_no_patterns (L);
  if (st == INK_OK)
    st = ink__make_styles (L);
  if (st == INK_OK)
    st = ink__new_page (L);
  if (st == INK_OK)
    st = ink__place_head (L);
  if (st != INK_OK) {
    ink__layout_free (L);
    ink_document_destroy (doc);
    return st;
  }
  *out = doc;
  return INK_OK;
}

/* What the layout's state holds: the set paragraphs, tables and units. */
void
ink__layout_free (lay_t *L)
{
  for (size_t i = 0; i < L->paras.n; i++)
    ink__setpara_free (L, L->paras.v[i]);
  ink__vec_free (L->ctx, &L->paras);
  ink__vec_free (L->ctx, &L->quote_sets);
  ink__tables_free (L);
  ink__vec_free (L->ctx, &L->units);
}

/**
 * ink__layout_put_back:
 * @L: the layout, after a trial that is not kept
 * @was: a copy of *@L taken before the trial
 *
 * The layout's state put back as @was holds it, but for what the layout owns (the units,
 * the set paragraphs, the table rows and the pull quotes' settings kept: what
 * ink__layout_free frees), which may have grown or moved in the trial and stay as they now
 * are, the memo of fallback chains, which stays as fresh, and the count of pages set, which
 * counts the trial's too, as do the counts of pull quote lines taken again and of last pages
 * scored. A field of lay_t
 * that owns memory is freed above and kept here.
 */
void
ink__layout_put_back (lay_t *L, const lay_t *was)
{
  lay_t kept = *was;
  kept.units = L->units;
  kept.paras = L->paras;
  kept.rows = L->rows;
  kept.quote_sets = L->quote_sets;
  kept.chains = L->chains;
  kept.flows = L->flows;
  kept.quote_lines_taken = L->quote_lines_taken;
  kept.balance_scores = L->balance_scores;
  *L = kept;
}

/**
 * ink__lay_out:
 * @after: the opening pull quote goes after the first paragraph (quoteplace.c)
 * @order: the floats to build elsewhere (floatorder.c; none: the article's order)
 * @L: (out): the layout, every page set
 * @out: (out): its document
 *
 * The article laid out as every layout and every trial of one lays it out. On failure *out
 * is NULL and nothing is left to free; else the caller frees @L (ink__layout_free) and
 * *@out.
 *
 * Return value: INK_OK, or the error that stopped the layout.
 */
ink_status_t
ink__lay_out (ink_context_t *ctx, const ink_article_t *article, ink_template_t *tpl,
              ink_fontset_t *fonts, const ink_layout_options_t *opts, bool after,
              const ink__float_order_t *order, lay_t *L, ink_document_t **out)
{
  ink_status_t st = ink__layout_begin (ctx, article, tpl, fonts, opts, order, L, out);
  if (st != INK_OK)
    return st;
  L->short_quote_after = after;
  st = ink__build_body_units (L);
  if (st == INK_OK)
    st = ink__flow_all (L);
  if (st != INK_OK) {
    ink__layout_free (L);
    ink_document_destroy (*out);
    *out = NULL;
  }
  return st;
}

/* The context's log and progress callbacks set aside (ctx nullable): a trial layout's
 * warnings and progress are the kept layout's to give. */
ink__quiet_t
ink__quiet (ink_context_t *ctx)
{
  ink__quiet_t q = { ctx ? ctx->log_fn : NULL, ctx ? ctx->progress_fn : NULL };
  if (ctx)
    ctx->log_fn = NULL, ctx->progress_fn = NULL;
  return q;
}

/* The context's progress callback set aside, its log kept (ctx nullable): a layout whose
 * warnings count but whose progress is not reported (floatorder.c, for a pager). */
ink__quiet_t
ink__quiet_progress (ink_context_t *ctx)
{
  ink__quiet_t q = { ctx ? ctx->log_fn : NULL, ctx ? ctx->progress_fn : NULL };
  if (ctx)
    ctx->progress_fn = NULL;
  return q;
}

/* The callbacks ink__quiet or ink__quiet_progress set aside, given back. */
void
ink__quiet_end (ink_context_t *ctx, ink__quiet_t q)
{
  if (ctx)
    ctx->log_fn = q.log, ctx->progress_fn = q.progress;
}

/* ink__lay_out with the context's log and progress set aside (ink__quiet): a trial layout,
 * whose warnings and progress are the kept layout's to give. */
ink_status_t
ink__lay_out_quiet (ink_context_t *ctx, const ink_article_t *article, ink_template_t *tpl,
                    ink_fontset_t *fonts, const ink_layout_options_t *opts, bool after,
                    const ink__float_order_t *order, lay_t *L, ink_document_t **out)
{
  ink__quiet_t q = ink__quiet (ctx);
  ink_status_t st = ink__lay_out (ctx, article, tpl, fonts, opts, after, order, L, out);
  ink__quiet_end (ctx, q);
  return st;
}

/* A trial layout T with its document d kept in place of *L and *doc, which are freed. */
void
ink__layout_take (lay_t *L, ink_document_t **doc, lay_t *T, ink_document_t *d)
{
  ink__layout_free (L);
  ink_document_destroy (*doc);
  *L = *T;
  *doc = d;
}

/* The article laid out again with its floats moved (floatorder.c) when its layout in the
 * article's order, *L and *doc, reads one out of turn and moving it is better. The second
 * layout logs nothing: the first said it all. */
static ink_status_t
floats_in_turn (ink_context_t *ctx, const ink_article_t *article, ink_template_t *tpl,
                ink_fontset_t *fonts, const ink_layout_options_t *opts, lay_t *L,
                ink_document_t **doc)
{
  ink__float_order_t order;
  ink_status_t st = ink__float_order_replan (L, opts, &order);
  if (st != INK_OK || !ink__order_changes (&order))
    return st;
  bool after = L->short_quote_after;
  ink__layout_free (L);
  ink_document_destroy (*doc);
  *doc = NULL;
  return ink__lay_out_quiet (ctx, article, tpl, fonts, opts, after, &order, L, doc);
}

/* Documented in include/inkset/inkset-document.h. */
ink_status_t
ink_document_layout (ink_context_t *ctx, const ink_article_t *article, ink_template_t *tpl,
                     ink_fontset_t *fonts, const ink_layout_options_t *opts, ink_document_t **out)
{
  lay_t L;
  ink_document_t *doc = NULL;
  if (out)
    *out = NULL;
  bool after;
  ink__float_order_t order = { .n = 0 };
  ink_status_t st = ink__short_quote_place (ctx, article, tpl, fonts, opts, &after);
  if (st == INK_OK)
    st = ink__lay_out (ctx, article, tpl, fonts, opts, after, &order, &L, &doc);
  if (st != INK_OK)
    return st;
  st = floats_in_turn (ctx, article, tpl, fonts, opts, &L, &doc);
  if (st == INK_OK)
    st = ink__brief_columns (ctx, article, tpl, fonts, opts, L.short_quote_after, &L, &doc);
  if (st == INK_OK)
    st = ink__runt_doc_head (ctx, article, tpl, fonts, opts, &L, &doc);
  if (st != INK_OK) {
    if (doc) {
      ink__layout_free (&L);
      ink_document_destroy (doc);
    }
    return st;
  }
  ink__head_open (&L, doc);
  ink__close_head_gaps (&L, doc);
  for (size_t p = 0; p + 1 < doc->pages.n; p++)
    ink__quote_foot (&L, doc, p);
  if (doc->pages.n)
    ink__source_foot (&L, doc, doc->pages.n - 1);
  st = ink__running_lines (&L);
  if (st == INK_OK)
    st = ink__missing_runs (&L);
  ink__layout_free (&L);
  if (st != INK_OK) {
    ink_document_destroy (doc);
    return st;
  }
  *out = doc;
  return ink__layout_status (doc);
}

/* INK_OVERFLOW, with the context's message, when text of doc did not fit; else INK_OK. */
ink_status_t
ink__layout_status (ink_document_t *doc)
{
  if (doc->overflow_chars || doc->overflow_blocks)
    return ink__error (doc->ctx, INK_OVERFLOW, "%zu characters in %zu blocks did not fit in "
                       "%zu pages", doc->overflow_chars, doc->overflow_blocks, doc->pages.n);
  return INK_OK;
}

/* Documented in include/inkset/inkset-document.h. */
void
ink_document_destroy (ink_document_t *doc)
{
  if (!doc)
    return;
  ink_context_t *ctx = doc->ctx;
  if (doc->raster_free)
    doc->raster_free (doc);
  ink__vec_free (ctx, &doc->pages);
  ink__vec_free (ctx, &doc->items);
  ink__vec_free (ctx, &doc->glyphs);
  ink__vec_free (ctx, &doc->lines);
  ink__vec_free (ctx, &doc->missing_runs);
  ink__str_free (ctx, &doc->text);
  ink__str_free (ctx, &doc->json);
  ink_template_destroy (doc->tpl);
  ink_fontset_destroy (doc->fonts);
  ink__free (ctx, doc, sizeof *doc);
}

/* Documented in include/inkset/inkset-document.h. */
size_t
ink_document_page_count (const ink_document_t *doc)
{
  return doc ? doc->pages.n : 0;
}

/* Documented in include/inkset/inkset-document.h. */
void
ink_document_page_size (const ink_document_t *doc, uint32_t *width, uint32_t *height)
{
  if (width)
    *width = doc ? doc->width : 0;
  if (height)
    *height = doc ? doc->height : 0;
}

/* Documented in include/inkset/inkset-document.h. */
void
ink_document_overflow (const ink_document_t *doc, size_t *blocks, size_t *chars)
{
  if (blocks)
    *blocks = doc ? doc->overflow_blocks : 0;
  if (chars)
    *chars = doc ? doc->overflow_chars : 0;
}

/* Documented in include/inkset/inkset-document.h. */
size_t
ink_document_missing_glyphs (const ink_document_t *doc)
{
  return doc ? doc->missing : 0;
}
