/* paginate/briefcols: a story of one page whose columns cannot end together, set again in
 * fewer, wider columns across the same frame. A brief of two lines, a subhead and three
 * lines cannot share three columns: a drop cap keeps its paragraph whole, a subhead keeps
 * two lines, a paragraph keeps two lines either side of a column break; a make-up editor
 * sets such a brief two columns wide over three. The brief is laid out again, head and all,
 * in each count of columns from the template's less one down to one whose measure stays
 * readable (INK_WIDE_MEASURE_EMS of the body style), and the first that ends its columns
 * within a line step, fills each of them and lets no more rules through is kept. Both
 * ink_document_layout and the pager (pager.c) lay such a brief out whole, so that they set
 * it alike. */
#include "layout-internal.h"

/* A story this long or longer takes more than a page: it is not laid out twice to see. */
#define BRIEF_SHORT 6000

/* The width of n columns across the frame of tpl. */
static int32_t
cols_width (const ink_template_t *tpl, unsigned n)
{
  return ink__frame_cols (ink__frame_of (tpl), n).colw;
}

/* Whether n columns across tpl's frame are narrow enough to read body text in. */
static bool
readable (const ink_template_t *tpl, unsigned n)
{
  float em = tpl->styles[INK_ROLE_BODY].size_px;
  return em > 0 && cols_width (tpl, n) <= PX (em * INK_WIDE_MEASURE_EMS);
}

/**
 * ink__brief_worth:
 * @article: the story
 * @tpl: its template
 *
 * Return value: whether the story is short enough to be a brief of one page and tpl has a
 * count of fewer columns whose measure stays readable, or the story has no running text to
 * read (textless.c): a story worth laying out whole to see whether it is set in fewer
 * columns (ink__brief_columns).
 */
bool
ink__brief_worth (const ink_article_t *article, const ink_template_t *tpl)
{
  size_t bytes = 0;
  if (!article || !tpl)
    return false;
  for (size_t i = 0; i < article->nblocks; i++)
    bytes += article->blocks[i].text_len;
  return tpl->columns >= 2 && tpl->columns <= INK_MAKEUP_MAX_COLS && bytes <= BRIEF_SHORT &&
         (readable (tpl, tpl->columns - 1) || ink__textless (article));
}

/* The one page of L's layout as the make-up score sees it, and whether it is a brief whose
 * columns end apart: more than a line step, or some left empty that it should fill
 * (ink__makeup_filled: the make-up check's rule for a last page). */
static bool
brief_apart (const lay_t *L, ink__makeup_cols_t *c)
{
  if (L->doc->pages.n != 1 || L->snap.page != 0 || L->ncols < 2)
    return false;
  ink__measure_page (L, &L->snap, ink__line_step (L), c);
  return !ink__makeup_even (c) || !ink__makeup_filled (c);
}

/* Whether a float (a pull quote, related box, caption) stands right under a subhead of
 * T's page, between it and its text: a waiting quote placed at a column's top after the
 * subhead that opens it. */
static bool
head_parted (const lay_t *T)
{
  const ink_document_t *d = T->doc;
  const ink__page_t *pg = &d->pages.v[0];
  for (size_t i = 0; i < pg->nl; i++) {
    const ink__lrec_t *h = &d->lines.v[pg->l0 + i];
    int col = ink__line_col (T, h, pg->body_top);
    if (h->role != INK_ROLE_SUBHEAD || col < 0)
      continue;
    const ink__lrec_t *next = NULL;
    for (size_t j = 0; j < pg->nl; j++) {
      const ink__lrec_t *l = &d->lines.v[pg->l0 + j];
      if (l->y > h->y && ink__line_col (T, l, pg->body_top) == col && (!next || l->y < next->y))
        next = l;
    }
    if (next && next->block >= 0 && ink__float_role (next->role))
      return true;
  }
  return false;
}

/* Whether T, the brief set in fewer columns, is the better: one page holding all the story
 * held on was's page, its columns together and filled, no more rules let through, no more
 * lines alone, no hole over a float, no float after the end of the text that follows it, no
 * float between a subhead and its text. */
static bool
better (const lay_t *T, const ink_document_t *was_doc, const ink__makeup_cols_t *was)
{
  const ink_document_t *d = T->doc;
  if (d->pages.n != 1 || d->overflow_chars > was_doc->overflow_chars ||
      d->overflow_blocks > was_doc->overflow_blocks || head_parted (T))
    return false;
  ink__makeup_cols_t c = { 0 };
  if (T->ncols >= 2 && brief_apart (T, &c))
    return false;
  if (T->ncols < 2)
    c = (ink__makeup_cols_t) { .strained = T->strained, .lone = T->lone,
                               .lone_float = T->lone_float, .late = T->late };
  return (!c.strained || was->strained) && c.lone <= was->lone &&
         (!c.lone_float || was->lone_float) && (!c.hole || was->hole) &&
         (!c.late || was->late);
}

/* The pages of doc, all set in n columns, say so (the layout JSON's columns, their rules). */
void
ink__pages_in_columns (ink_document_t *doc, unsigned n)
{
  for (size_t i = 0; i < doc->pages.n; i++)
    doc->pages.v[i].ncols = n;
}

/**
 * ink__brief_columns:
 * @after: the opening pull quote goes after the first paragraph (quoteplace.c), as *L has it
 * @L: (inout): the story's layout, every page set
 * @doc: (inout): its document
 *
 * A story without running text is laid out again in one column (ink__textless_columns).
 * A story of one page whose columns end apart (brief_apart) is laid out again in fewer,
 * wider columns, the most first, each within INK_WIDE_MEASURE_EMS of the body style, with
 * its floats where *L has them; the first layout that is better (better ()) replaces *L and
 * *doc. Otherwise they stay as they are. The trials log nothing: the first layout said it
 * all.
 *
 * Return value: INK_OK, or the error that stopped a layout (*L and *doc then as they were).
 */
ink_status_t
ink__brief_columns (ink_context_t *ctx, const ink_article_t *article, ink_template_t *tpl,
                    ink_fontset_t *fonts, const ink_layout_options_t *opts, bool after,
                    lay_t *L, ink_document_t **doc)
{
  ink__makeup_cols_t was = { 0 };
  if (ink__textless (article))
    return ink__textless_columns (ctx, article, tpl, fonts, opts, after, L, doc);
  if (!*doc || L->order.columns || !ink__brief_worth (article, tpl) || !brief_apart (L, &was))
    return INK_OK;
  ink__float_order_t order = L->order;
  ink_status_t st = INK_OK;
  for (unsigned n = tpl->columns - 1; n >= 1 && readable (tpl, n) && st == INK_OK; n--) {
    lay_t T;
    ink_document_t *d = NULL;
    order.columns = n;
    st = ink__lay_out_quiet (ctx, article, tpl, fonts, opts, after, &order, &T, &d);
    if (st != INK_OK)
      break;
    if (better (&T, *doc, &was)) {
      ink__pages_in_columns (d, n);
      ink__layout_take (L, doc, &T, d);
      return INK_OK;
    }
    ink__layout_free (&T);
    ink_document_destroy (d);
  }
  return st;
}
