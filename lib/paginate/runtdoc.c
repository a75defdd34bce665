/* paginate/runtdoc: a runt last page drawn back by the whole article set under a smaller head.
 * runt.c, ink__runt_head and lastpair.c work on the page before the runt; when its text cannot
 * give or take a line (town-budget reader-6: one column, a table at page 3's foot and three
 * lines alone on page 4), a make-up editor takes a point off the head on page 1 rather than
 * print a page for three lines: every page then starts a few lines further on. The article is
 * laid out again with headline and deck a tenth smaller at a time, down to INK_HEAD_MIN_SCALE,
 * and the first layout that takes a page fewer, sets all the text and ends on a page that is
 * no runt is kept; else the layout stays as it was. Only an article the pager also lays out
 * whole before it hands a page out (a brief that may take fewer columns, or a short article
 * whose floats stay in its order: pager.c) is laid out so, so that the pager's pages stay the
 * layout's. */
#include "layout-internal.h"
#include "makeup.h"

/* Whether the last page of L's document holds a runt of text alone. */
static bool
ends_in_runt (const lay_t *L)
{
  const ink_document_t *doc = L->doc;
  if (doc->pages.n < 2)
    return false;
  size_t lines = ink__runt_text (L, doc->pages.n - 1);
  return lines > 0 && lines <= ink__makeup_runt_lines (L->ncols);
}

/* Whether L's article is one the pager lays out whole too, as L was laid out. */
static bool
laid_out_whole (const lay_t *L)
{
  return ink__brief_worth (L->a, L->t) ||
         (ink__short_article (L->a) && !ink__order_changes (&L->order));
}

/* Whether the trial layout T with its document d takes a page fewer than was, sets all the
 * text, and ends on a page that is no runt. */
static bool
drawn_back (const lay_t *T, const ink_document_t *d, const ink_document_t *was)
{
  return d->pages.n + 1 == was->pages.n && !d->overflow_chars && !d->overflow_blocks &&
         !ends_in_runt (T);
}

/**
 * ink__runt_doc_head:
 * @L: the layout, every page set (ink__lay_out)
 * @doc: (inout): its document; replaced, with *@L, by the layout kept
 *
 * When the last page holds a runt of text alone, lays the article out again under a smaller
 * head (see above) and keeps the first layout that draws the runt back.
 *
 * Return value: INK_OK, or the error that stopped a layout.
 */
ink_status_t
ink__runt_doc_head (ink_context_t *ctx, const ink_article_t *article, ink_template_t *tpl,
                    ink_fontset_t *fonts, const ink_layout_options_t *opts, lay_t *L,
                    ink_document_t **doc)
{
  if (!*doc || !laid_out_whole (L) || !L->head_at.placed || L->lead.placed || !ends_in_runt (L))
    return INK_OK;
  ink__float_order_t order = L->order;
  ink_status_t st = INK_OK;
  for (int i = 1; st == INK_OK; i++) {
    float scale = L->head_at.scale - 0.1f * (float) i;
    if (scale < INK_HEAD_MIN_SCALE - 0.01f)
      break;
    lay_t T;
    ink_document_t *d = NULL;
    order.head_scale = scale;
    st = ink__lay_out_quiet (ctx, article, tpl, fonts, opts, L->short_quote_after, &order, &T,
                             &d);
    if (st != INK_OK)
      break;
    if (drawn_back (&T, d, *doc)) {
      ink__layout_take (L, doc, &T, d);
      return INK_OK;
    }
    ink__layout_free (&T);
    ink_document_destroy (d);
  }
  return st;
}
