/* paginate/listfloat: no float inside a list. A list's lead-in (the paragraph that
 * introduces it) and its items are read as one passage; a float set between the lead-in and
 * the first item, or between two items, parts it (the make-up check's float-order). A
 * newspaper sets such a float after the list's last item, with running text after it, or at
 * the top of the column the list turns to. So a float in the columns that the article puts
 * inside a list, or one that waits while the flow is inside a list, waits for the list's end
 * (ink__list_waits, ink__inside_list); the flow places it after the last item when it fits
 * there (flow.c), else at the next column's top as any float that waits. When no running
 * text follows the list the float goes where it is met: after the list it would stand after
 * the end of the text. */
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
 * floats after it; units not built yet count as text. */
static bool
text_after_list (const lay_t *L, size_t i, size_t end)
{
  while (i < end && item (L, i))
    i = past_floats (L, i + 1);
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
