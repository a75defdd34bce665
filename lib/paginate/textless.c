/* paginate/textless: a story of floats and subheads alone, with no running text, set again in
 * one column.
 *
 * Columns are for running text. A story without any (pull quotes, related boxes and subheads
 * only) sets its floats in them all the same, and a page's columns cannot share them out:
 * three pull quotes and a subhead that heads nothing (random seed 451 of the property test)
 * left page 1's second column empty on kiosk-7.5, the subhead in the first and no quote
 * fitting the room under the head, while the quotes went on to pages 2 and 3; on kiosk-10.3
 * the second quote, taller than the room the first left it, went on in the next column. A
 * make-up editor sets such a story in one column as wide as the frame, one float under the
 * other. The story is laid out again in one column and kept when that takes no more pages,
 * sets all it did, leaves no column empty before its last page and reads no more floats out
 * of turn (ordertrial.c: a float cut between columns is one), and the story as laid out did
 * one of these. Both ink_document_layout and the pager (pager.c) lay such a story out whole
 * (ink__brief_worth), so that they set it alike. */
#include "floatorder.h"

/* Whether the article holds floats and no running text: its blocks are pull quotes, related
 * boxes, subheads and rules, one of them a pull quote or related box (no paragraph, list,
 * block quote, table, picture nor comment). */
bool
ink__textless (const ink_article_t *a)
{
  bool floats = false;
  for (size_t i = 0; a && i < a->nblocks; i++) {
    ink__block_kind_t k = a->blocks[i].kind;
    if (k == INK_BLOCK_PULLQUOTE || k == INK_BLOCK_RELATED)
      floats = true;
    else if (k != INK_BLOCK_SUBHEAD && k != INK_BLOCK_RULE)
      return false;
  }
  return floats;
}

/* Whether column c of page pg holds nothing set in it: no line, no picture. */
static bool
column_empty (const lay_t *L, const ink__page_t *pg, unsigned c)
{
  const ink_document_t *doc = L->doc;
  for (size_t i = 0; i < pg->nl; i++) {
    const ink__lrec_t *l = &doc->lines.v[pg->l0 + i];
    if (l->block >= 0 && !l->generated && ink__line_col (L, l, pg->body_top) == (int) c)
      return false;
  }
  for (size_t i = 0; i < pg->ni; i++) {
    const ink__item_t *it = &doc->items.v[pg->i0 + i];
    if (it->kind == INK_ITEM_IMAGE && it->y >= pg->body_top &&
        ink__box_col (L, it->x, it->w) == (int) c)
      return false;
  }
  return true;
}

/* The columns left empty on the pages before the last, where the page's columns have room
 * for two lines (under a head or a float across them that fills the page, they have none). */
static unsigned
empty_columns (const lay_t *L)
{
  const ink_document_t *doc = L->doc;
  int64_t two = 2 * (int64_t) ink__text_step (L);
  unsigned n = 0;
  for (size_t q = 0; q + 1 < doc->pages.n; q++) {
    const ink__page_t *pg = &doc->pages.v[q];
    int32_t foot = pg->body_bottom ? pg->body_bottom : L->bottom;
    for (unsigned c = 0; c < L->ncols && foot - (int64_t) pg->body_top >= two; c++)
      n += column_empty (L, pg, c);
  }
  return n;
}

/* Whether T, the story in one column, is the better than L: no more pages, no more set
 * past them, no column empty, no more floats out of turn, and one of those fewer. */
static bool
better (const lay_t *T, const ink_document_t *d, const lay_t *L, const ink_document_t *was)
{
  order_trial_t t, l;
  ink__order_measure (T, &t);
  ink__order_measure (L, &l);
  unsigned empty = empty_columns (L);
  return d->pages.n <= was->pages.n && d->overflow_chars <= was->overflow_chars &&
         d->overflow_blocks <= was->overflow_blocks && empty_columns (T) == 0 &&
         t.faults <= l.faults && (empty > 0 || t.faults < l.faults);
}

/**
 * ink__textless_columns:
 * @after: the opening pull quote goes after the first paragraph (quoteplace.c), as *L has it
 * @L: (inout): the story's layout, every page set
 * @doc: (inout): its document
 *
 * A story without running text (ink__textless) on a template of columns is laid out again
 * in one, with its floats where *L has them; that layout replaces *L and *doc when it is the
 * better (see the file's head). The trial logs nothing: the first layout said it all.
 *
 * Return value: INK_OK, or the error that stopped the layout (*L and *doc then as they were).
 */
ink_status_t
ink__textless_columns (ink_context_t *ctx, const ink_article_t *article, ink_template_t *tpl,
                       ink_fontset_t *fonts, const ink_layout_options_t *opts, bool after,
                       lay_t *L, ink_document_t **doc)
{
  if (!*doc || L->order.columns || L->ncols < 2 || !ink__textless (article))
    return INK_OK;
  ink__float_order_t order = L->order;
  order.columns = 1;
  lay_t T;
  ink_document_t *d = NULL;
  ink_status_t st = ink__lay_out_quiet (ctx, article, tpl, fonts, opts, after, &order, &T, &d);
  if (st != INK_OK)
    return st;
  if (better (&T, d, L, *doc)) {
    ink__pages_in_columns (d, 1);
    ink__layout_take (L, doc, &T, d);
    return INK_OK;
  }
  ink__layout_free (&T);
  ink_document_destroy (d);
  return INK_OK;
}
