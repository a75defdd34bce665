/* paginate/tableturn: a short table turns the page at its foot. A short table (six body rows
 * or fewer, table.c) is a float kept whole: where it does not fit under a column's text it
 * waits for the next column, with its lead-in, and the text after it fills the column. In a
 * page's last column that text would be read before the lead-in, so the page ends there
 * instead, short by the table's lead-in and rows (held-out held-ar-2.ar kiosk-7.5 p4, both
 * columns 3.4 line steps short; held-ar-2.ar and h65-vi-0.vi reader-6 p6, 3.1 and 5.2 steps
 * of white under the colon). A make-up editor sets the table's start at the page's foot instead, as
 * a tall table's: its lead-in, its header and two body rows or more, the header drawn again over
 * the rows that open the next page, two or more of them. So, when the float of a short table of
 * TURN_ROWS_LEAST body rows or more is met in a page's last column and does not fit whole, but what
 * goes before its third body row does, the float is dissolved for the flow that meets it
 * (ink__table_turn): its units flow as a tall table's do, a break allowed after each body row that
 * leaves two or more on each side. A page set again from before it makes it a float again
 * (ink__table_rejoin, from ink__restore_snap), and its flow decides anew. Never while the last page
 * is balanced: its trials weigh the table whole. */
#include "table.h"

/* Body rows the table keeps on each side of the page's turn. */
enum { TURN_ROWS_KEPT = 2 };

/* Body rows a short table has, at least, to turn the page: four would part in halves of two,
 * neither read as a table (and shiraz-planetarium.fa print-a4 p1, whose page search sets its
 * four-row table whole at column 3's foot in a tighter setting, split it 2 + 2 over two pages
 * under columns opened by white). */
enum { TURN_ROWS_LEAST = 5 };

/* The float's first row at or after unit ui, and its body rows (*body): units.n when the
 * float holds no rows. */
static size_t
float_rows (const lay_t *L, size_t ui, size_t len, size_t *body)
{
  size_t first = L->units.n;
  *body = 0;
  for (size_t i = ui; i < ui + len && i < L->units.n; i++) {
    const unit_t *v = &L->units.v[i];
    if (v->kind != U_ROW)
      continue;
    if (first == L->units.n)
      first = i;
    *body += v->row && !v->row->header;
  }
  return first;
}

/* Whether body row b (from 1) of a table of nb body rows may end its part at the page's foot. */
static bool
turns_after (size_t b, size_t nb)
{
  return b >= TURN_ROWS_KEPT && nb - b >= TURN_ROWS_KEPT;
}

/* Sets the keeps of the rows of the float's units [ui, ui + len): a break allowed after a
 * body row that turns_after allows (allow), or none, as the float was built (!allow). */
static void
set_keeps (lay_t *L, size_t ui, size_t len, size_t nb, bool allow)
{
  size_t b = 0;
  for (size_t i = ui; i < ui + len && i < L->units.n; i++) {
    unit_t *v = &L->units.v[i];
    if (v->kind != U_ROW || !v->row || v->row->header)
      continue;
    b++;
    if (turns_after (b, nb))
      v->keep_with_next = !allow;
  }
}

/* The paragraph right before the table's first row, unit row, in its float or last set in
 * the column, is its lead-in: the text after the table cannot fill the column under it. */
static bool
led_in (const lay_t *L, size_t row)
{
  const unit_t *h = row ? &L->units.v[row - 1] : NULL;
  return h && h->kind == U_PARA && h->block >= 0 && h->block + 1 == L->units.v[row].block &&
         ink__table_led_in (L, row);
}

/* The height from the float's first unit at ui down to the foot of its row at unit last,
 * with the space between them. */
static int64_t
height_to (const lay_t *L, size_t ui, size_t last)
{
  int64_t h = 0;
  for (size_t i = ui; i <= last; i++) {
    const unit_t *v = &L->units.v[i];
    h += (i > ui ? v->space_before : 0) + ink__unit_height (v, SIZE_MAX);
  }
  return h;
}

/**
 * ink__table_turn:
 * @L: the layout, the flow at unit @ui, a float that does not fit where the flow is
 * @ui: the float's first unit
 * @before: the space over it where the flow is
 *
 * When the float is a short table's (with its lead-in or subhead, or not) of TURN_ROWS_LEAST body
 * rows or more, led in by a paragraph ending on a colon, met in a page's last column under text
 * with nothing waiting, and its units down to its TURN_ROWS_KEPT-th body row fit above the column's
 * foot, the float is dissolved: its units flow here, the table turning the page (see the file's
 * head).
 *
 * Return value: whether unit @ui now flows as text.
 */
bool
ink__table_turn (lay_t *L, size_t ui, int32_t before)
{
  if (L->in_float || L->balancing || L->col_empty || L->pending != NO_FLOAT ||
      L->col + 1 < L->ncols || ui >= L->units.n)
    return false;
  unit_t *u = &L->units.v[ui];
  if (!u->float_len || u->span || !ink__is_table (L, ui))
    return false;
  size_t nb, first = float_rows (L, ui, u->float_len, &nb);
  if (first >= L->units.n || nb < TURN_ROWS_LEAST || !L->units.v[first].row ||
      !L->units.v[first].row->header || !led_in (L, first))
    return false;
  size_t last = first + TURN_ROWS_KEPT;   /* the header and TURN_ROWS_KEPT body rows */
  int64_t foot = (int64_t) L->y + before + height_to (L, ui, last);
  if (foot > (int64_t) L->col_bottom + ink__row_slack (&L->units.v[last]))
    return false;
  u->turned_len = u->float_len;
  u->float_len = 0;
  set_keeps (L, ui, u->turned_len, nb, true);
  return true;
}

/**
 * ink__table_rejoin:
 * @L: the layout
 * @from: the first unit the flow sets again
 *
 * The short tables from unit @from on that a flow dissolved (ink__table_turn) are floats
 * again, their rows kept together: the flow that sets them again decides anew.
 */
void
ink__table_rejoin (lay_t *L, size_t from)
{
  for (size_t i = from; i < L->units.n; i++) {
    unit_t *u = &L->units.v[i];
    if (!u->turned_len)
      continue;
    size_t nb;
    float_rows (L, i, u->turned_len, &nb);
    set_keeps (L, i, u->turned_len, nb, false);
    u->float_len = u->turned_len;
    u->turned_len = 0;
    u->placed_page = u->met_page = SIZE_MAX;
  }
}
