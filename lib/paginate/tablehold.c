/* paginate/tablehold: a short table held up from its column's foot opens up its rows. On a
 * full page whose text goes on, a table that ends its column comes down onto the column's
 * foot; where that would open a hole over it, vjust.c holds it up two line steps under the
 * text and the rest of the white went under its last rule. More than a line step of white
 * there reads as rows held back for the next column (table-foot; h66-hi-0.hi reader-6 p5
 * ended 1.05 steps short under two steps of white over its table). A make-up editor opens
 * up the table's rows instead: the rest goes between them, above and under each rule that
 * parts two rows, at most a ROW_SPACE_DIV-th of a line step at each, so that the rows still
 * read as one table and its last rule sits on the foot. */
#include "vjust.h"

/* Whether column c's pieces from y down are a table's rows and rules alone (a short table
 * at its foot, no pull quote, picture or note with it). */
static bool
rows_alone_below (const column_t *c, int32_t y)
{
  bool rows = false;
  for (size_t i = 0; i < c->n; i++) {
    if (c->v[i].top < y)
      continue;
    if (c->v[i].kind != P_TABLE && c->v[i].kind != P_RULE)
      return false;
    rows |= c->v[i].kind == P_TABLE;
  }
  return rows;
}

/* How many pieces of column c from y down are a rule that parts two rows of its table (a
 * row's line over it, a row's line under it), and their tops in at (at most max of them). */
static size_t
row_rules (const column_t *c, int32_t y, size_t *at, size_t max)
{
  size_t n = 0;
  for (size_t i = 1; i + 1 < c->n && n < max; i++) {
    const piece_t *up = &c->v[i - 1], *r = &c->v[i], *down = &c->v[i + 1];
    if (r->top >= y && r->kind == P_RULE && up->kind == P_TABLE && down->kind == P_TABLE &&
        up->top < r->top && r->bot <= down->top)
      at[n++] = i;
  }
  return n;
}

/**
 * ink__vj_hold_table_rows:
 * @c: the column, its last place (*n - 1 of @p) over a table let down towards its foot
 * @p: the column's places, with room for @max
 * @n: how many; grows by two for each rule that parts two rows when the rest goes there
 * @max: the room in @p
 * @rest: the white the table was held up by, above its column's foot
 * @step: one line step
 *
 * Shares @rest between the table's rows when the table alone ends the column and they can
 * take all of it; else leaves the places as they are.
 */
void
ink__vj_hold_table_rows (const column_t *c, place_t *p, size_t *n, size_t max, int64_t rest,
                         int32_t step)
{
  size_t at[VJ_PIECES];
  int32_t from = p[*n - 1].y;
  if (rest <= 0 || !rows_alone_below (c, from))
    return;
  size_t k = row_rules (c, from, at, (max - *n) / 2);
  if (!k || rest > (int64_t) (2 * k) * (step / ROW_SPACE_DIV))
    return;
  for (size_t i = 0; i < 2 * k; i++) {
    const piece_t *r = &c->v[at[i / 2]];
    int64_t share = rest * (int64_t) (i + 1) / (int64_t) (2 * k) -
                    rest * (int64_t) i / (int64_t) (2 * k);
    p[(*n)++] = (place_t) { i % 2 ? (r + 1)->top : r->top, (int32_t) share, false, false };
  }
}
