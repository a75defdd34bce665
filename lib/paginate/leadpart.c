/* paginate/leadpart: a short table's lead-in that ends a column before the page's last. A
 * short table's float holds its lead-in of three lines or fewer (table.c, short_float), so that
 * the text after the table never comes between them. Where the float does not fit under a
 * column's text it waits for the next column, and the text after the table fills the column's
 * foot: the reader meets it before the lead-in (the make-up check's text-order; held-out
 * h65-vi-0.vi kiosk-7.5 p4: two lines of the paragraph after the table under column 1's text,
 * the lead-in and its table at column 2's top). When the lead-in alone fills the column's
 * foot, a make-up editor sets it there, its colon at the foot, and opens the next column on
 * the page with the table, as the list's lead-in of leadfoot.c. The float is parted so for
 * the flow that meets it (ink__lead_in_part): the lead-in flows as text, the rows are the
 * float, and the column breaks after the lead-in (ink__lead_in_left). A page set again from
 * its start, or from a page before, parts it again or not as its flow meets it
 * (ink__lead_in_join, from ink__restore_snap). Never in a page's last column (the reader does
 * not turn the page between a lead-in and its table: table.c ends the page there), nor while
 * the last page is balanced (its trials weigh the float whole). */
#include "layout-internal.h"

/* The lead-in parts from its table only when it leaves the column's foot less white than
 * this many line steps: room for two more lines makes a full page short (uneven-full-page). */
#define LEAD_PART_FOOT_STEPS 2

/* Whether the float at unit ui opens with a short table's lead-in (short_float): a body
 * paragraph right over the table's first row. */
static bool
opens_with_lead_in (const lay_t *L, size_t ui)
{
  const unit_t *u = &L->units.v[ui];
  if (u->float_len < 2 || u->span || ui + 1 >= L->units.n)
    return false;
  const unit_t *r = &L->units.v[ui + 1];
  return u->kind == U_PARA && u->p && u->p->role == INK_ROLE_BODY && u->p->step > 0 &&
         r->kind == U_ROW && u->block >= 0 && r->block == u->block + 1;
}

/**
 * ink__lead_in_part:
 * @L: the layout, the flow at unit @ui, a float that does not fit where the flow is
 * @ui: the float's first unit
 * @before: the space over it where the flow is
 *
 * When the float is a short table's with its lead-in, met in a column before the page's last
 * with nothing waiting, and the lead-in fits whole under the column's text leaving less than
 * LEAD_PART_FOOT_STEPS line steps under it, the lead-in is parted from the float: it flows
 * here as text and the table's rows are the float (see the file's head).
 *
 * Return value: whether unit @ui now flows as text.
 */
bool
ink__lead_in_part (lay_t *L, size_t ui, int32_t before)
{
  if (L->in_float || L->balancing || L->col_empty || L->pending != NO_FLOAT ||
      L->col + 1 >= L->ncols || ui >= L->units.n || !opens_with_lead_in (L, ui))
    return false;
  unit_t *u = &L->units.v[ui];
  int64_t end = (int64_t) L->y + before + ink__unit_height (u, SIZE_MAX);
  if (end > L->col_bottom || L->col_bottom - end >= (int64_t) LEAD_PART_FOOT_STEPS * u->p->step)
    return false;
  L->units.v[ui + 1].float_len = u->float_len - 1;
  u->parted_len = u->float_len;
  u->float_len = 0;
  return true;
}

/**
 * ink__lead_in_join:
 * @L: the layout
 * @from: the first unit the flow sets again
 *
 * The lead-ins from unit @from on that a flow parted from their tables (ink__lead_in_part) go
 * back into their floats: the flow that sets them again decides anew.
 */
void
ink__lead_in_join (lay_t *L, size_t from)
{
  for (size_t i = from; i + 1 < L->units.n; i++) {
    unit_t *u = &L->units.v[i];
    if (!u->parted_len)
      continue;
    u->float_len = u->parted_len;
    u->parted_len = 0;
    unit_t *r = &L->units.v[i + 1];
    r->float_len = 0;
    r->placed_page = r->met_page = SIZE_MAX;
  }
}
