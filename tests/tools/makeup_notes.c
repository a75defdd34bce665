/* makeup_notes.c: the make-up checker's note-parted rule. A table's note (its source, the
 * italic paragraph under its last row) belongs to the table as a caption to its picture:
 * the layout sets it right under the last row, in the same column (tablenote.c), and says
 * so of each of its lines ("note": true in the layout JSON). A note line with no row of its
 * table above it in its column, or with another block's line between them, was parted from
 * it: set in the next column, after a pull quote, or cut over two columns. (The kind's name
 * does not end in "note": the scripts that count faults leave out the lines "...: note: ...".) */
#include "makeup_check.h"

#include <stdlib.h>

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
      if (row && !o)
        continue;
      reported = it->block;
      const char *text = it->text ? it->text : "";
      if (!row)
        fault (d, p, "note-parted", "block %d, the note of the table that ends in block %d, "
               "stands in column %d with no row of its table over it: \"%.*s\"", it->block,
               it->block - 1, it->col >= 0 ? rank (d, p, it->col) + 1 : 0,   /* 0: across */
               utf8_prefix (text, 40), text);
      else
        fault (d, p, "note-parted", "block %d, the note of the table that ends in block %d, "
               "has a line of block %d (%s) between it and the last row: \"%.*s\"", it->block,
               it->block - 1, o->block, o->role ? o->role : "?", utf8_prefix (text, 40), text);
    }
  }
}
