/* paginate/listqueue: two floats that wait over a list. A page that goes on inside a list
 * (listfloat.c) may begin while a float waits for a column and a pull quote waits for the
 * page's top behind it: across the top the quote would cut the list, and the float that
 * waits, opening the first column, would too (held-out held-en-0 kiosk-7.5: the quote
 * across page 3 over the list's last two items, the picture before it in the article on
 * page 4). Where the rest of the list ends in the page's first column and another column
 * follows, the quote is set at the column's width and waits behind the float, and the
 * queue keeps waiting over the rest of the list (ink__list_holds_top): after the list's
 * last item the flow sets the float there when it fits, else at the next column's top,
 * the quote after it in reading order. */
#include "layout-internal.h"

/**
 * ink__list_ends_in_column:
 * @L: the layout, a column just begun, the flow to go on at unit L->cur_ui's line L->cur_k
 *
 * Whether the rest of the list the column goes on with ends in it, room left under its last
 * item, and another column of the page follows it.
 *
 * Return value: whether floats that wait may wait for the list's end.
 */
bool
ink__list_ends_in_column (const lay_t *L)
{
  int64_t room = (int64_t) L->col_bottom - L->col_top;
  return L->col + 1 < L->ncols && ink__rest_of_list (L, L->cur_ui, L->cur_k) < room;
}

/**
 * ink__list_queues_quote:
 * @L: the layout, a page just begun that goes on inside a list, the pull quote at unit
 *   L->pending_span waiting for its top, the float at L->pending for a column
 *
 * Sets the pull quote at the column's width and queues it behind the floats that wait when
 * it comes after them in the article and the rest of the list ends in the page's first
 * column (ink__list_ends_in_column); else it stays across the page's top.
 *
 * Return value: INK_OK, or INK_NO_MEMORY.
 */
ink_status_t
ink__list_queues_quote (lay_t *L)
{
  size_t q = L->pending_span, tail = L->queue_last != NO_FLOAT ? L->queue_last : L->pending;
  if (tail >= q || L->units.v[L->pending].span || !ink__list_ends_in_column (L))
    return INK_OK;
  bool narrowed = false;
  ink_status_t st = ink__narrow_float (L, q, &narrowed);
  if (st != INK_OK || !narrowed)
    return st;
  L->pending_span = NO_FLOAT;
  L->queue_last = q;
  return INK_OK;
}

/* Unit ui is a list's last item, text after the list. */
static bool
ends_list (const lay_t *L, size_t ui, size_t end)
{
  const unit_t *u = &L->units.v[ui];
  return u->kind == U_PARA && !u->float_len && u->p && u->p->role == INK_ROLE_LIST &&
         ui > 0 && ink__inside_list (L, ui - 1, end) && !ink__inside_list (L, ui, end);
}

/**
 * ink__list_quote_passes:
 * @L: the layout, the flow under unit @ui just set
 * @ui: the unit of text just set
 * @end: the end of the units the flow sets
 *
 * After a list's last item, where the float at the queue's head, not a pull quote, does
 * not fit, a pull quote queued right behind it (ink__list_queues_quote) that fits goes in
 * there, under the list, and the head waits on: as a pull quote the flow meets where it fits
 * passes a float that waits when no pull quote waits (ink__queue_float); pull quotes keep
 * their order (seed 125 of the property test on print-a4 set the second under the list,
 * the first at column 2's top). Else the queue waits on.
 *
 * Return value: INK_OK, or the error that stopped the flow.
 */
ink_status_t
ink__list_quote_passes (lay_t *L, size_t ui, size_t end)
{
  size_t head = L->pending, q = L->queue_last;
  if (head == NO_FLOAT || q == NO_FLOAT || L->in_float || L->col_empty ||
      !ends_list (L, ui, end) || ink__is_quote (L, head) || !ink__is_quote (L, q) ||
      !ink__queues_ahead (L, head, q) ||
      ink__float_fits (L, head, (int64_t) L->y + L->units.v[head].space_before, L->col_bottom) ||
      !ink__float_fits (L, q, (int64_t) L->y + L->units.v[q].space_before, L->col_bottom))
    return INK_OK;
  L->pending = q;
  L->queue_last = NO_FLOAT;
  ink_status_t st = ink__place_pending (L);
  bool placed = L->pending == NO_FLOAT;
  L->pending = head;   /* placed, the head waits on alone; else the queue as it was */
  L->queue_last = placed ? NO_FLOAT : q;
  return st;
}
