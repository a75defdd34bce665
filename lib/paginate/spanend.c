/* paginate/spanend: a float across the columns still waiting when the text ends. It goes
 * under the last page's columns when nothing but text comes after it and it would not stand
 * right on a pull quote there; before comments it would be read after them, so the last page
 * is set again with it across its top, or, when that top cannot take it (under the head) or
 * already opens with a float across it, at the column's width in the columns in its turn
 * (failing that, on the next page). When the comments start a page of their own, one still
 * waiting at their page break goes under the columns of the text's last page, before it.
 * A table sent on so from the article's first page, comments after the text, is noted for
 * tablemid.c, which sets it across that page's middle.
 * Also the edge lines of a column that these and the other make-up tools ask for (the
 * highest or lowest line, a pull quote's). */
#include "layout-internal.h"

#include <string.h>

/* The highest (top; a line of the column's width) or lowest line in column c of page
 * `page`, below its columns' top. */
const ink__lrec_t *
ink__edge_line_on (const lay_t *L, size_t page, unsigned c, bool top)
{
  const ink_document_t *doc = L->doc;
  const ink__page_t *pg = &doc->pages.v[page];
  int32_t x0 = L->left + (int32_t) c * (L->colw + L->gutter), x1 = x0 + L->colw;
  const ink__lrec_t *edge = NULL;
  for (size_t i = 0; i < pg->nl; i++) {
    const ink__lrec_t *l = &doc->lines.v[pg->l0 + i];
    if (l->y >= pg->body_top && l->x < x1 && l->x + l->w > x0 &&
        (!top || l->w <= L->colw + 64) && (!edge || (top ? l->y < edge->y : l->y > edge->y)))
      edge = l;
  }
  return edge;
}

/* The highest or lowest line in column c of this page (ink__edge_line_on). */
const ink__lrec_t *
ink__edge_line (const lay_t *L, unsigned c, bool top)
{
  return ink__edge_line_on (L, L->page, c, top);
}

/* Line l (if any) is a pull quote's. */
bool
ink__quote_line (const lay_t *L, const ink__lrec_t *l)
{
  return l && l->block >= 0 && (size_t) l->block < L->a->nblocks &&
         L->a->blocks[l->block].kind == INK_BLOCK_PULLQUOTE;
}

/* The lowest line in column c of this page (below its columns' top) is a pull quote's: a
 * pull quote across the columns set under them would stand right on it. */
static bool
quote_at_foot (const lay_t *L, unsigned c)
{
  const ink__page_t *pg = &L->doc->pages.v[L->page];
  int32_t x0 = L->left + (int32_t) c * (L->colw + L->gutter), x1 = x0 + L->colw;
  const ink__lrec_t *low = ink__edge_line (L, c, false);
  for (size_t i = 0; low && i < pg->ni; i++) {
    const ink__item_t *it = &L->doc->items.v[pg->i0 + i];
    if (it->kind == INK_ITEM_IMAGE && it->x < x1 && it->x + it->w > x0 && it->y > low->y)
      return false;
  }
  return ink__quote_line (L, low);
}

/* The float across the columns that waits goes under the last page's columns, when it fits
 * there and would not stand right on a pull quote (*placed). */
ink_status_t
ink__span_under_columns (lay_t *L, bool *placed)
{
  ink_document_t *doc = L->doc;
  ink__page_t *pg = &doc->pages.v[L->page];
  int32_t bottom = L->col_top;
  for (size_t i = 0; i < pg->nl; i++) {
    const ink__lrec_t *l = &doc->lines.v[pg->l0 + i];
    if (l->y + l->h > bottom)
      bottom = l->y + l->h;
  }
  for (size_t i = 0; i < pg->ni; i++) {
    const ink__item_t *it = &doc->items.v[pg->i0 + i];
    if (it->kind != INK_ITEM_GLYPHS && it->y + it->h > bottom)
      bottom = it->y + it->h;
  }
  /* Columns with nothing in them leave no text for the float to stand apart from. */
  const unit_t *u = &L->units.v[L->pending_span];
  int32_t gap = bottom > L->col_top ? u->space_before : 0;
  *placed = bottom + gap + ink__float_height (L, L->pending_span) <= L->bottom;
  for (unsigned c = 0; *placed && ink__is_quote (L, L->pending_span) && c < L->ncols; c++)
    *placed = !quote_at_foot (L, c);
  if (!*placed)
    return INK_OK;
  int32_t top = pg->body_top;
  L->col_top = bottom + gap;
  pg->body_bottom = bottom;
  ink_status_t st = ink__place_span (L);
  pg->body_top = top;   /* the columns still begin where they did */
  return st;
}

/* The float across the columns at unit ui set at the column's width (*narrowed) when a
 * column of the page being set takes it whole from its top: its height without the space
 * after it, which falls at the column's foot, at most a line step more than the column's
 * (the space between its units counts twice in ink__float_height: the flow sets the larger
 * of the two). Else it stays as it was, nothing flowed with it yet. */
static ink_status_t
narrow_to_fit (lay_t *L, size_t ui, bool *narrowed)
{
  unsigned len = L->units.v[ui].float_len;
  unit_t was[8];
  *narrowed = false;
  if (L->ncols < 2 || !len || len > sizeof was / sizeof *was || ui + len > L->units.n)
    return INK_OK;
  memcpy (was, L->units.v + ui, len * sizeof *was);
  ink_status_t st = ink__narrow_float (L, ui, narrowed);
  if (st != INK_OK || !*narrowed)
    return st;
  int64_t h = (int64_t) ink__float_height (L, ui) - L->units.v[ui + len - 1].space_after;
  if (h > (int64_t) L->bottom - L->snap.top + ink__line_step (L)) {
    memcpy (L->units.v + ui, was, len * sizeof *was);   /* its paragraphs stay in L->paras */
    *narrowed = false;
  }
  return INK_OK;
}

/* The float across the columns at unit span is a table that ends the article's running
 * text, and the last page is the article's first: across its top, under the head, the table
 * would be read before the first paragraph and the text that leads into it after it. (A
 * table with text after it goes there, noted for tablemid.c, which sets it across the page's
 * middle after its lead-in when that holds on midspan.c's terms.) */
static bool
over_first_text (const lay_t *L, size_t span)
{
  return ink__is_table (L, span) && L->snap.k == 0 && !ink__text_within (L, 0, L->snap.ui) &&
         !ink__text_within (L, span + L->units.v[span].float_len, L->units.n);
}

/* The pull quote at unit span has its passage in a paragraph begun on the last page, and no
 * float comes after it in the article: across the page's top it would be read before its
 * passage (the make-up check's quote-before-passage), and at the column's width it is read
 * in its turn, after it, with nothing behind it to push on to a page of its own. */
static bool
over_own_passage (const lay_t *L, size_t span)
{
  if (!ink__is_quote (L, span) || !ink__passage_under (L, span, &L->snap))
    return false;
  for (size_t j = span + L->units.v[span].float_len; j < L->units.n; j++)
    if (L->units.v[j].float_len)
      return false;
  return true;
}

/* A float across the columns still waiting when the text has ended goes under the last
 * page's columns when nothing but text comes after it; before comments it would be read
 * after them, so then the last page is set again with the float across its top. */
static ink_status_t
finish_span (lay_t *L)
{
  size_t span = L->pending_span;
  ink_status_t st;
  bool placed = false;
  /* Under the columns it would be read after a pull quote that waits behind it. */
  if (!ink__comments_follow (L, span) && !ink__quote_blocked (L) &&
      ((st = ink__span_under_columns (L, &placed)) != INK_OK || placed))
    return st;
  if (over_first_text (L, span)) {
    L->col = L->ncols;   /* the next page's top, after the text it follows */
    return ink__column_break (L);
  }
  if (!ink__top_takes (L, span)) {
    /* Under the head the last page's top has no room for it: set at the column's width, in a
     * column of the page when one takes it whole, rather than leave a column empty while it
     * goes on alone; failing that, the next page's top. */
    bool narrowed;
    if ((st = narrow_to_fit (L, span, &narrowed)) != INK_OK || !narrowed) {
      L->col = L->ncols;
      return st == INK_OK ? ink__column_break (L) : st;
    }
  } else if (L->snap.pending_span != NO_FLOAT || ink__span_on_page (L) ||
             ink__quote_before_on_page (L, span) || over_own_passage (L, span) ||
             ink__opens_inside_list (L, L->snap.ui, L->snap.k)) {
    /* The last page already opens with a float across its columns (one that waited for it,
     * or one the text reached at its top), or holds an earlier pull quote that this one
     * across its top would be read before, or this one's passage, or opens with the rest of
     * a list that this one across its top would cut (listfloat.c): this one, set at the
     * column's width, goes in the columns in its turn; failing that, on the next page. */
    bool narrowed;
    if ((st = ink__narrow_float (L, span, &narrowed)) != INK_OK)
      return st;
    if (!narrowed) {
      L->col = L->ncols;
      return ink__column_break (L);
    }
  } else {
    L->snap.pending_span = span;   /* balancing sets the page again from here, float first */
    ink__note_quote_top (L, &L->snap);
    ink__note_table_top (L, &L->snap);
  }
  snap_t sn = L->snap;
  st = ink__pages_again (L, &sn);
  if (st == INK_OK)
    st = ink__balance (L);
  if (st == INK_OK && L->pending_span != NO_FLOAT) {
    L->col = L->ncols;
    st = ink__column_break (L);
  }
  return st;
}

ink_status_t
ink__finish_span (lay_t *L)
{
  if (L->pending_span == NO_FLOAT || L->full)
    return INK_OK;
  size_t span = L->pending_span;
  snap_t at = L->snap;
  /* A table's rest goes on at the next page's top as it did on the page before. */
  ink_status_t st = L->span_rest == NO_FLOAT ? finish_span (L) : INK_OK;
  if (st == INK_OK)
    st = ink__span_rest_pages (L);
  if (st == INK_OK && L->page > at.page)
    ink__note_table_end (L, span, &at);
  /* A pull quote that waited behind it goes in after it. */
  if (st == INK_OK && L->pending != NO_FLOAT && !L->full)
    st = ink__place_last (L);
  return st;
}

/**
 * ink__span_before_break:
 * @L: the layout, the page before the comments' page break (comments-new-page) just
 *   balanced, the flow stopped at the break (L->next: the comments' page)
 *
 * A float across the columns that still waits at the break, nothing waiting behind it, goes
 * under the balanced page's columns when it fits there and would not stand right on a pull
 * quote: it is read after the text, before the comments, where on the comments' page it
 * would stand over them, the text ended a page before. The comments' page then starts
 * without it.
 *
 * Return value: INK_OK, or the error that stopped it.
 */
ink_status_t
ink__span_before_break (lay_t *L)
{
  snap_t *nx = &L->next;
  if (!L->at_break || nx->pending_span == NO_FLOAT || nx->pending != NO_FLOAT ||
      nx->span_rest != NO_FLOAT || L->page + 1 != L->doc->pages.n)
    return INK_OK;
  bool full = L->full, placed;
  L->full = false;
  L->pending_span = nx->pending_span;
  L->pending = NO_FLOAT;
  ink_status_t st = ink__span_under_columns (L, &placed);
  L->full = full;
  if (st != INK_OK || !placed || L->pending_span != NO_FLOAT)
    return st;
  const ink_document_t *doc = L->doc;
  nx->pending_span = NO_FLOAT;
  nx->items = doc->items.n;
  nx->glyphs = doc->glyphs.n;
  nx->lines = doc->lines.n;
  nx->text = doc->text.n;
  nx->missing = doc->missing;
  return st;
}
