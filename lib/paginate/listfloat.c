/* paginate/listfloat: no float inside a list. A list's lead-in (the paragraph that
 * introduces it) and its items are read as one passage; a float set between the lead-in and
 * the first item, or between two items, parts it (the make-up check's float-order). A
 * newspaper sets such a float after the list's last item, with running text after it, or at
 * the top of the column the list turns to. So a float in the columns that the article puts
 * inside a list, or one that waits while the flow is inside a list, waits for the list's end
 * (ink__list_waits, ink__inside_list); the flow places it after the last item when it fits
 * there (flow.c), else at the next column's top as any float that waits. A float that
 * waits for the next column does not open it over the rest of a list the column break
 * parts from its lead-in or items (ink__list_holds_top) when it fits in that column under
 * the rest of the list: it goes in under the last item; so too on a page set again from its
 * snapshot (snapshot.c). Where it does not fit there and opens the column inside the list,
 * the page notes it (ink__note_list_cut) and balancing scores that setting as a float read
 * out of turn, so that a last page is balanced with the float under the list where one
 * setting allows it. A float across the columns is not set across the top of a page that
 * goes on inside a list (ink__opens_inside_list, asked by spantop.c and spanend.c): it goes in
 * the columns in its turn, after the list; one that waits for such a page's top goes in its
 * first column under the list's last item when it fits there (ink__list_narrows_span). When
 * no running text follows the list the float goes where it is met: after the list it would
 * stand after the end of the text. */
#include "layout-internal.h"

/* Unit i is a list item. */
static bool
item (const lay_t *L, size_t i)
{
  const unit_t *u = i < L->units.n ? &L->units.v[i] : NULL;
  return u && u->kind == U_PARA && !u->float_len && u->p && u->p->role == INK_ROLE_LIST;
}

/* Unit i is a paragraph of body text. */
static bool
body (const lay_t *L, size_t i)
{
  const unit_t *u = i < L->units.n ? &L->units.v[i] : NULL;
  return u && u->kind == U_PARA && !u->float_len && u->p && u->p->role == INK_ROLE_BODY;
}

/* The first unit from i on that is not a float in the columns. */
static size_t
past_floats (const lay_t *L, size_t i)
{
  while (i < L->units.n && L->units.v[i].float_len && !L->units.v[i].span)
    i += L->units.v[i].float_len;
  return i;
}

/* Unit i is text a float after a list may stand over: a paragraph of body text, a subhead
 * or a block quote. */
static bool
text (const lay_t *L, size_t i)
{
  const unit_t *u = &L->units.v[i];
  return u->kind == U_PARA && !u->float_len && u->p &&
         (u->p->role == INK_ROLE_BODY || u->p->role == INK_ROLE_SUBHEAD ||
          u->p->role == INK_ROLE_BLOCKQUOTE);
}

/* Whether text follows the list whose items run on from unit i, past its last item and the
 * floats after it, in the columns or across them; units not built yet count as text. */
static bool
text_after_list (const lay_t *L, size_t i, size_t end)
{
  while (i < end && item (L, i))
    i = past_floats (L, i + 1);
  while (i < end && i < L->units.n && L->units.v[i].float_len)
    i += L->units.v[i].float_len;
  if (i >= end)
    return false;
  if (i >= L->units.n)
    return !L->units_done;
  return text (L, i);
}

/**
 * ink__inside_list:
 * @L: the layout
 * @ui: a unit of text the flow has set
 * @end: the end of the units the flow sets
 *
 * Whether unit @ui is a list's lead-in or an item with another after it (floats in the
 * columns between them passed over), and text follows the list: a float that waits
 * does not go in after @ui but after the list.
 *
 * Return value: whether a float may not follow @ui.
 */
bool
ink__inside_list (const lay_t *L, size_t ui, size_t end)
{
  if (ui >= L->units.n || (!item (L, ui) && !body (L, ui)))
    return false;
  size_t next = past_floats (L, ui + 1);
  return next < end && item (L, next) && text_after_list (L, next, end);
}

/**
 * ink__list_waits:
 * @L: the layout
 * @ui: the first unit of a float in the columns the flow meets
 *
 * Whether the float at @ui stands inside a list in the article (after a lead-in or an item,
 * an item after it) with text after the list: it waits for the list's end.
 *
 * Return value: whether the float waits.
 */
bool
ink__list_waits (const lay_t *L, size_t ui)
{
  const unit_t *u = &L->units.v[ui];
  if (ui == 0 || !u->float_len || u->span)
    return false;
  return ink__inside_list (L, ui - 1, L->units.n);
}

/* The last unit of text before unit ui, floats passed over, or SIZE_MAX. */
static size_t
text_before (const lay_t *L, size_t ui)
{
  size_t t = SIZE_MAX;
  for (size_t i = 0; i < ui && i < L->units.n; i++) {
    const unit_t *u = &L->units.v[i];
    if (u->float_len)
      i += u->float_len - 1;
    else
      t = i;
  }
  return t;
}

/* Another float waits behind the one at unit q, in the queue up to queue_last. */
static bool
queued_behind (const lay_t *L, size_t q)
{
  if (L->queue_last == NO_FLOAT)
    return false;
  for (size_t j = q + L->units.v[q].float_len; j <= L->queue_last && j < L->units.n; j++) {
    const unit_t *u = &L->units.v[j];
    if (u->float_len && !u->span && u->placed_page == SIZE_MAX)
      return true;
    if (u->float_len)
      j += u->float_len - 1;
  }
  return false;
}

/* The column height the list's items from unit ui (its line k on) take to the list's end,
 * the floats set among them passed over (they wait too). */
static int64_t
rest_of_list (const lay_t *L, size_t ui, size_t k)
{
  int64_t h = 0;
  for (size_t i = ui; i < L->units.n && item (L, i); i = past_floats (L, i + 1), k = 0)
    h += ink__unit_extent (L, i, k);
  return h;
}

/* The float at unit q fits in the column being begun under the rest of the list that goes
 * on there, at unit L->cur_ui's line L->cur_k. */
static bool
fits_under_list (const lay_t *L, size_t q)
{
  int64_t room = (int64_t) L->col_bottom - L->col_top;
  int64_t under = rest_of_list (L, L->cur_ui, L->cur_k) + L->units.v[q].space_before +
                  ink__float_height (L, q);
  return under <= room;
}

/**
 * ink__opens_inside_list:
 * @L: the layout
 * @ui: the unit of text a column or page goes on with
 * @k: its first line there
 *
 * Whether text that goes on at unit @ui's line @k goes on inside a list with text after it:
 * a list item that the break parts from the list's lead-in or the item before, or the rest
 * of an item with another after it. A float set over it would cut the list.
 *
 * Return value: whether the break parts a list.
 */
bool
ink__opens_inside_list (const lay_t *L, size_t ui, size_t k)
{
  if (!item (L, ui))
    return false;
  size_t t = k ? ui : text_before (L, ui);
  return t != SIZE_MAX && ink__inside_list (L, t, L->units.n);
}

/**
 * ink__note_list_cut:
 * @L: the layout, a float that waited about to open the column, the text to go on at unit
 *   L->cur_ui's line L->cur_k
 *
 * Notes on the page being set (L->cut_list) that the float opens the column inside a list
 * (ink__opens_inside_list), when ink__list_holds_top let it: balancing scores such a
 * setting as a float read out of turn (makeup.c) and prefers one whose column takes the
 * float under the rest of the list.
 */
void
ink__note_list_cut (lay_t *L)
{
  if (L->col_empty && ink__opens_inside_list (L, L->cur_ui, L->cur_k))
    L->cut_list = true;
}

/**
 * ink__list_holds_top:
 * @L: the layout, just broken to a new column, the flow to go on at unit L->cur_ui's line
 *   L->cur_k
 *
 * Whether the float that waits for this column keeps waiting rather than open it: the text
 * goes on inside a list (ink__opens_inside_list), one float waits (none queued behind it)
 * and it fits in this column under the rest of the list. Set at the column's top it would
 * cut the list; it goes in under its last item (flow.c).
 *
 * Return value: whether the float waits.
 */
bool
ink__list_holds_top (const lay_t *L)
{
  size_t ui = L->cur_ui, k = L->cur_k, q = L->pending;
  if (q == NO_FLOAT || q >= L->units.n || L->units.v[q].span ||
      !ink__opens_inside_list (L, ui, k))
    return false;
  if (queued_behind (L, q))
    return false;   /* the queue would drift on past the list */
  return fits_under_list (L, q);
}

/**
 * ink__list_narrows_span:
 * @L: the layout, a page just begun (its snapshot not taken yet), the flow to go on at unit
 *   L->cur_ui's line L->cur_k
 *
 * A pull quote that waits for this page's top would cut the list the page goes on with,
 * set across the columns there (ink__opens_inside_list). When no float waits for a column
 * and the quote set at the column's width fits in the first column under the rest of the
 * list, it is set so and waits for that column instead: ink__list_holds_top keeps it
 * there, and it goes in under the list's last item. Else it stays across the page's top.
 *
 * Return value: INK_OK, or INK_NO_MEMORY.
 */
ink_status_t
ink__list_narrows_span (lay_t *L)
{
  size_t q = L->pending_span;
  if (q == NO_FLOAT || q >= L->units.n || L->pending != NO_FLOAT || L->in_float ||
      !ink__is_quote (L, q) || !ink__opens_inside_list (L, L->cur_ui, L->cur_k))
    return INK_OK;
  bool narrowed = false, widened = false;
  ink_status_t st = ink__narrow_float (L, q, &narrowed);
  if (st != INK_OK || !narrowed)
    return st;
  if (fits_under_list (L, q)) {
    L->pending_span = NO_FLOAT;
    L->pending = q;
    return INK_OK;
  }
  return ink__widen_float (L, q, &widened);
}
