/* paginate/heldquote: a pull quote the float order holds text for, set beside its passage.
 *
 * The float order search (floatorder.c) may hold a block of text across the page for a pull
 * quote across the columns that waits for the next page's top (flow.c, held_for_span): the
 * block then starts that page under the quote, rather than end the story on this page with
 * the quote read after it. Where the text stops in a column before the page's last, the hold
 * leaves the columns after it without text. A make-up editor sets the quote in the page's
 * next column instead, at the column's width at its top, beside the passage it quotes, its
 * white cut a quarter at a time (as latespace.c cuts a late float's) where it misses the
 * column's foot by a little, when the held text would not start under it: the text starts
 * the next page. The float order search keeps the setting only when it reads better than the
 * article's order, on the same terms as its other holds (no page more, the last page's
 * columns ending together), the quote's column not counted bare (ordertrial.c). */
#include "floatorder.h"

#include <string.h>

/* The least quarters of its white (0 for none) to cut for the pull quote at unit q, at the
 * column's width, to fit the next column's top; -1 when no cut does. Its units are as they
 * were. */
static int
column_cut (lay_t *L, size_t q)
{
  size_t n = L->units.v[q].float_len;
  int32_t saved[3 * INK_LATE_SPACE_UNITS];
  int found = -1;
  if (n == 0 || n > INK_LATE_SPACE_UNITS)
    return found;
  ink__space_save (L->units.v + q, n, saved);
  for (int cut = 0; cut <= INK_SPACE_CUT_TO_QUARTER && found < 0; cut++) {
    ink__space_set (L->units.v + q, n, saved, cut);
    found = ink__float_fits (L, q, L->col_top, L->col_bottom) ? cut : -1;
  }
  ink__space_set (L->units.v + q, n, saved, 0);
  return found;
}

/**
 * ink__held_quote_beside:
 * @L: the layout, its flow at a block the float order holds across the page for the pull
 *   quote across the columns that waits (L->pending_span), no float waiting for a column
 * @placed: set when the quote was set at the column's width and opens the next column
 *
 * Sets the waiting pull quote, read after text (one the story opens with quotes no passage
 * before it), at the column's width at the top of the page's next column,
 * where it fits there whole (column_cut) and the held text (L->cur_ui) would not start under
 * it; else leaves it as it was, across the columns and waiting.
 *
 * Return value: INK_OK, or INK_NO_MEMORY.
 */
ink_status_t
ink__held_quote_beside (lay_t *L, bool *placed)
{
  size_t q = L->pending_span;
  bool narrowed = false;
  unit_t was[INK_LATE_SPACE_UNITS];
  *placed = false;
  if (q == NO_FLOAT || L->pending != NO_FLOAT || L->col + 1 >= L->ncols ||
      !ink__is_quote (L, q) || L->units.v[q].float_len > INK_LATE_SPACE_UNITS ||
      !ink__text_within (L, 0, q))
    return INK_OK;
  size_t len = L->units.v[q].float_len;
  memcpy (was, L->units.v + q, len * sizeof *was);
  ink_status_t st = ink__narrow_float (L, q, &narrowed);
  if (st != INK_OK || !narrowed)
    return st;
  int cut = column_cut (L, q);
  int64_t under = (int64_t) L->col_top + ink__float_height (L, q);
  /* Held text that could start under it is left to the hold as before (the quote across the
   * next page's top, over it): only a quote that would stand alone in a column the hold
   * leaves empty goes there. */
  if (cut < 0 || (under <= L->col_bottom && ink__text_starts (L, L->cur_ui, (int32_t) under))) {
    /* As it was, across the columns (as ink__narrow_before_quote puts one back). */
    ink__quote_set_unused (L, q, len);
    memcpy (L->units.v + q, was, len * sizeof *was);
    return INK_OK;
  }
  L->pending_span = NO_FLOAT;
  L->pending = q;
  L->late_cut = cut;   /* for ink__place_pending, which takes it */
  *placed = true;
  st = ink__column_break (L);
  L->late_cut = 0;
  return st;
}

/**
 * ink__quote_beside_passage:
 * @L: the layout, set
 * @pg: one of its pages
 * @c: a column of it that holds no line of text, only the float of block b
 * @b: that float's block
 *
 * Return value: whether b is a pull quote read right after the text that ends column c - 1
 * of pg (no block of text between them in the article): set beside its passage, as
 * ink__held_quote_beside sets one, the column keeps no text out.
 */
bool
ink__quote_beside_passage (const lay_t *L, const ink__page_t *pg, unsigned c, long b)
{
  const ink_document_t *doc = L->doc;
  if (c == 0 || b < 0 || (size_t) b >= L->a->nblocks || L->a->blocks[b].kind != INK_BLOCK_PULLQUOTE)
    return false;
  long last = -1;
  int32_t y = INT32_MIN;
  for (size_t i = 0; i < pg->nl; i++) {
    const ink__lrec_t *l = &doc->lines.v[pg->l0 + i];
    if (l->block < 0 || (size_t) l->block >= L->a->nblocks || l->generated || l->y < y ||
        ink__line_col (L, l, pg->body_top) != (int) c - 1 ||
        !ink__is_text_block (&L->a->blocks[l->block]))
      continue;
    last = l->block;
    y = l->y;
  }
  if (last < 0 || last >= b)
    return false;
  for (long j = last + 1; j < b; j++)
    if (ink__is_text_block (&L->a->blocks[j]))
      return false;
  return true;
}
