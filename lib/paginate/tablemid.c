/* paginate/tablemid: a table across the columns set across the middle of the article's
 * first page, in its turn, where it would stand over the text that leads into it or alone
 * on a page after the text and the comments.
 *
 * A table too wide for a column that the flow meets in page 1's columns, the text going on
 * past the page, goes across page 1's top (spantop.c, ink__table_to_top; or finish_span in
 * spanend.c when the text ends on the page with more of it after the table): under the head,
 * it is read before the paragraphs that lead into it (the make-up check's float-order). That
 * start is noted (ink__note_table_top), and once the text has ended page 1 is set again with
 * the table across its middle after them, as below; else the text is set as it was.
 *
 * A table too wide for a column is a float across the columns (table.c). When the article's
 * first page cannot take it across its top (under the head, or a pull quote already on the
 * page would be read after it) and comments follow the text, spanend.c sends it on to the
 * next page: the first page holds the text and the comments, the next the table alone, read
 * after the comments and far from the text it goes with (the make-up check's
 * floats-only-page). A make-up editor sets it across the first page instead, as midspan.c
 * sets a pull quote across its middle: the text before the table balanced in the columns
 * over it, the table across, the text after it and the comments balanced under it, kept on
 * midspan.c's terms (no more pages, nothing waiting, the bands' columns ending together).
 * Else the text is set as it was. */
#include "layout-internal.h"

/* No running text comes before the page that starts at sn: it is the article's first. */
static bool
first_page (const lay_t *L, const snap_t *sn)
{
  return sn->k == 0 && !ink__text_within (L, 0, sn->ui);
}

/**
 * ink__note_table_end:
 * @L: the layout, the text ended, a float across the columns just sent on to a later page
 * @span: that float's first unit
 * @sn: the start of the page the text ended on
 *
 * Notes the page's start when it is the article's first, the float a table, and comments
 * follow it (once: a setting tried later does not replace it).
 */
void
ink__note_table_end (lay_t *L, size_t span, const snap_t *sn)
{
  if (L->table_end_set || !ink__is_table (L, span) || !ink__comments_follow (L, span) ||
      !first_page (L, sn) || sn->pending_span != NO_FLOAT)
    return;
  L->table_end = *sn;
  L->table_end_span = span;
  L->table_end_set = true;
}

/**
 * ink__note_table_top:
 * @L: the layout, the page that starts at @sn just set again with a float across its top
 * @sn: that page's start, the float waiting for it
 *
 * Notes the page's start when it is the article's first and the float a table that running
 * text of the page comes before in the article: across the page's top, under the head, the
 * table is read before the text that leads into it.
 */
void
ink__note_table_top (lay_t *L, const snap_t *sn)
{
  size_t span = sn->pending_span;
  if (span == NO_FLOAT || !ink__is_table (L, span) || !first_page (L, sn) || span < sn->ui ||
      !ink__text_within (L, sn->ui, span))
    return;
  L->table_top = *sn;
  L->table_top_set = true;
}

/* The text as set now: the table noted across the top of the page after the noted one, the
 * last, no running text after it there. */
static bool
table_alone_after (lay_t *L, size_t span, const snap_t *sn)
{
  return !L->full && L->ncols >= 2 && L->pending == NO_FLOAT && L->pending_span == NO_FLOAT &&
         L->doc->pages.n == sn->page + 2 && L->snap.page == sn->page + 1 &&
         L->units.v[span].placed_page == sn->page + 1 &&
         L->snap.ui > span && !ink__text_within (L, L->snap.ui, L->units.n);
}

/* The text as set now: the table noted across the top of the article's first page still
 * stands there, every float placed, the text ended. */
static bool
table_over_text (const lay_t *L, size_t span, const snap_t *sn)
{
  return !L->full && L->ncols >= 2 && L->pending == NO_FLOAT && L->pending_span == NO_FLOAT &&
         span < L->units.n && L->units.v[span].placed_page == sn->page &&
         L->doc->pages.n == L->snap.page + 1;
}

/**
 * ink__table_off_end:
 * @L: the layout, the text ended and the last page set
 *
 * When the table noted by ink__note_table_top still stands across the first page's top, or
 * the one noted by ink__note_table_end on the last page after the text and the comments of
 * the first, sets the first page again with the table across its middle (see the file's
 * head); else the text is set as it was.
 *
 * Return value: INK_OK, or the error that stopped it.
 */
ink_status_t
ink__table_off_end (lay_t *L)
{
  ink_status_t st = INK_OK;
  bool kept = false;
  if (L->table_top_set) {
    snap_t sn = L->table_top;
    if (table_over_text (L, sn.pending_span, &sn))
      st = ink__span_mid (L, sn.pending_span, &sn, false, &kept);
    L->table_top_set = false;
  }
  if (!L->table_end_set)
    return st;
  snap_t sn = L->table_end;
  size_t span = L->table_end_span;
  if (st == INK_OK && !kept && table_alone_after (L, span, &sn))
    st = ink__span_mid (L, span, &sn, false, &kept);
  L->table_end_set = false;
  return st;
}
