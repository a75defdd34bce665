/* paginate/spanrows: a table across the columns taller than the page's room, split between
 * its rows. A float across the columns goes in whole at a page's top (ink__place_span); a
 * table's (table.c, span_float), one too wide for a column, may hold more rows than a page:
 * a timetable or a list of results from a newsroom feed. Set whole, its rows past the page's
 * foot were lost. It breaks instead before the row that does not fit; its rest waits for the
 * next page's top, under its header drawn again, as a table in the columns does at a column's
 * top, and so on to its last row. The page it breaks on is full: no text goes under its rows
 * there, between the parts of the table.
 *
 *   page n     | head |        page n+1   | head |   (drawn again)
 *              | 1    |                   | 41   |
 *              | ...  |                   | ...  |
 *              | 40   |  <- foot          | note |
 *
 * Where the rest goes on is L->span_rest, kept in the page's snapshot (snap_t), so that a page
 * set again from its snapshot (balancing, the pager, make-up trials) begins with the same
 * row; the units are never changed for it. A row that does not fit a page even right under
 * the header is overflow, as anything taller than a page: the rest of the table with it. */
#include "table.h"

/* The unit where the float across the columns at unit p goes in: where its rest goes on, if
 * it was split, else its first. */
size_t
ink__span_from (const lay_t *L, size_t p)
{
  size_t r = L->span_rest;
  return r != NO_FLOAT && r > p && r < p + L->units.v[p].float_len ? r : p;
}

/* The header row of the table whose float starts at unit p, or NULL (a table without one). */
static const row_t *
header_of (const lay_t *L, size_t p)
{
  for (size_t i = p; i < p + L->units.v[p].float_len && i < L->units.n; i++)
    if (L->units.v[i].kind == U_ROW)
      return L->units.v[i].row->header ? L->units.v[i].row : NULL;
  return NULL;
}

/* The float at unit p goes in from unit `from`, a rest: its table's header row is drawn again
 * at *y, which moves under it. */
ink_status_t
ink__span_head_again (lay_t *L, size_t p, size_t from, int32_t *y)
{
  const row_t *head = from > p ? header_of (L, p) : NULL;
  if (!head)
    return INK_OK;
  ink_status_t st = ink__emit_head_again (L, head, L->left, *y);
  *y += head->height;
  return st;
}

/* The height row unit i of a float ending at unit `end` needs: with what follows it in the
 * float when no row does (the table's note goes with its last row). */
static int64_t
row_need (const lay_t *L, size_t i, size_t end)
{
  int64_t need = L->units.v[i].h;
  if (i + 1 < end && L->units.v[i + 1].kind == U_ROW)
    return need;
  for (size_t j = i + 1; j < end && j < L->units.n; j++)
    need += (int64_t) L->units.v[j].space_before + ink__unit_height (&L->units.v[j], SIZE_MAX);
  return need;
}

/* Whether the float across the columns being placed, which ends at unit `end`, breaks before
 * its row unit i, to go on at the next page's top: the row (with the note after a last row)
 * does not fit above the page's foot at y, and of the `rows` rows set on this page right
 * before it one is a body row (none: the row would not fit the next page either, under the
 * header, and is overflow). */
bool
ink__span_splits (const lay_t *L, size_t i, size_t end, int32_t y, size_t rows)
{
  const unit_t *before = i > 0 ? &L->units.v[i - 1] : NULL;
  bool head_only = rows == 1 && before && before->kind == U_ROW && before->row->header;
  return rows > 0 && !head_only && L->units.v[i].kind == U_ROW &&
         (int64_t) y + row_need (L, i, end) > L->bottom;
}

/* The text has ended with a table across the columns split: its rest goes on the next pages'
 * tops, page after page, until its last row is set or the pages run out. */
ink_status_t
ink__span_rest_pages (lay_t *L)
{
  ink_status_t st = INK_OK;
  while (st == INK_OK && L->span_rest != NO_FLOAT && L->pending_span != NO_FLOAT && !L->full) {
    L->col = L->ncols;
    st = ink__column_break (L);
  }
  return st;
}

/* The first unit of the float across the columns that waits that is not set yet: its start,
 * or where its rest goes on. The rest's mark is cleared: the caller counts it as overflow. */
size_t
ink__take_span_rest (lay_t *L)
{
  size_t from = L->pending_span == NO_FLOAT ? NO_FLOAT : ink__span_from (L, L->pending_span);
  L->span_rest = NO_FLOAT;
  return from;
}
