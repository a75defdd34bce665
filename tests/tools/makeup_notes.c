/* makeup_notes.c: the make-up checker's note-parted rule. A table's note (its source, the
 * italic paragraph under its last row) belongs to the table as a caption to its picture:
 * the layout sets it right under the last row, in the same column (tablenote.c), and says
 * so of each of its lines ("note": true in the layout JSON). A note line with no row of its
 * table above it in its column, or with another block's line between them, was parted from
 * it: set in the next column, after a pull quote, or cut over two columns; so was one set
 * further under the row's rule than the grid's next step clear of it, which reads as a
 * paragraph of its own. (The kind's name
 * does not end in "note": the scripts that count faults leave out the lines "...: note: ...".) */
#include "makeup_check.h"

#include <stdlib.h>

/* The white a note keeps under its table's rule, in px (the layout's INK_RULE_CLEAR): the
 * grid's next step under the rule, clear of it, stands a note at most a line step and this
 * much under it. */
#define NOTE_CLEAR 2.0

/* The lowest line of the table's last row (block b - 1) above note line it in its column on
 * page p (both across the columns, col -1, for a table too wide for one), or NULL. */
static const item_t *row_above (const page_t *p, const item_t *it)
{
  const item_t *row = NULL;
  for (size_t j = 0; j < p->n; j++) {
    const item_t *r = &p->items[j];
    if (r->kind == ITEM_LINE && role_is (r, "table") && r->block == it->block - 1 &&
        r->col == it->col && r->y < it->y && (!row || r->y > row->y))
      row = r;
  }
  return row;
}

/* A line of another block than the note's or its table's between the row and note line it
 * in its column on page p (a float's, or the running text's), or NULL. */
static const item_t *line_between (const page_t *p, const item_t *row, const item_t *it)
{
  for (size_t j = 0; j < p->n; j++) {
    const item_t *o = &p->items[j];
    if (o->kind == ITEM_LINE && !o->generated && o->col == it->col && o->block != it->block &&
        o->block != row->block && o->y > row->y && o->y < it->y)
      return o;
  }
  return NULL;
}

/* Whether rule o lies in note line it's column (rules have none of their own). */
static bool in_column (const page_t *p, const item_t *it, const item_t *o)
{
  if (it->col < 0)
    return true;
  const column_t *c = &p->cols[it->col];
  return o->x >= c->x - TOL && o->x + o->w <= c->x + c->w + TOL;
}

/* The white over note line it: from the lowest line over it in its column of its table's
 * last row (row) or of its own note, or the rule under that row. */
static double white_over (const page_t *p, const item_t *row, const item_t *it)
{
  double foot = row->y + row->h;
  for (size_t j = 0; j < p->n; j++) {
    const item_t *o = &p->items[j];
    bool mine = o->kind == ITEM_LINE && o->block == it->block;
    bool rule = o->kind == ITEM_RULE && o->w > o->h && o->y >= row->y && in_column (p, it, o);
    if ((mine ? o->col == it->col : rule) && o->y < it->y && o->y + o->h > foot)
      foot = o->y + o->h;
  }
  return it->y - foot;
}

/* Each note, reported once, at its first parted line. */
void check_table_notes (doc_t *d)
{
  int reported = -1;
  for (size_t i = 0; i < d->npages; i++) {
    const page_t *p = &d->pages[i];
    for (size_t j = 0; j < p->n; j++) {
      const item_t *it = &p->items[j];
      if (it->kind != ITEM_LINE || !it->note || it->generated || it->block < 1 ||
          it->block == reported)
        continue;
      const item_t *row = row_above (p, it);
      const item_t *o = row ? line_between (p, row, it) : NULL;
      double gap = row ? white_over (p, row, it) : 0;
      if (row && !o && gap <= it->h + NOTE_CLEAR + TOL)
        continue;
      reported = it->block;
      const char *text = it->text ? it->text : "";
      if (!row)
        fault (d, p, "note-parted", "block %d, the note of the table that ends in block %d, "
               "stands in column %d with no row of its table over it: \"%.*s\"", it->block,
               it->block - 1, it->col >= 0 ? rank (d, p, it->col) + 1 : 0,   /* 0: across */
               utf8_prefix (text, 40), text);
      else if (o)
        fault (d, p, "note-parted", "block %d, the note of the table that ends in block %d, "
               "has a line of block %d (%s) between it and the last row: \"%.*s\"", it->block,
               it->block - 1, o->block, o->role ? o->role : "?", utf8_prefix (text, 40), text);
      else
        fault (d, p, "note-parted", "block %d, the note of the table that ends in block %d, "
               "stands %.0f px under the last row, more than a line step (%.0f px) of white: "
               "\"%.*s\"", it->block, it->block - 1, gap, it->h, utf8_prefix (text, 40), text);
    }
  }
}
