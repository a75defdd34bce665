/* makeup_lone.c: the make-up checker's lone-line rule. A paragraph of running text cut
 * between columns may leave one line alone at a column's foot or head (the template's
 * lone-lines allow it where it evens a page), but not next to a float set in that column: a
 * line alone under a pull quote or picture, or over one, reads as a caption or a stray, with
 * white around it; nor under a table's note, which ends the table's float; nor under the lead
 * picture set in the first column under the head (the layout gives it no block), the story's
 * first line alone at the column's foot under it and the paragraph going on in the next.
 * A make-up editor keeps the rules of widows and orphans in a column a float cuts. */
#include "makeup_check.h"

#include <math.h>
#include <stdlib.h>

static const char *const RUNNING[] = { "body", "list", NULL };
static const char *const PICTURE_TEXT[] = { "caption", "credit", NULL };

/* How many lines of block b in running roles the document holds. */
static size_t block_lines (const doc_t *d, int b)
{
  size_t n = 0;
  for (size_t i = 0; i < d->npages; i++)
    for (size_t j = 0; j < d->pages[i].n; j++) {
      const item_t *it = &d->pages[i].items[j];
      n += it->block == b && !it->generated && role_in (it, RUNNING);
    }
  return n;
}

/* The item of column c nearest line ln above it (up < 0) or below it (up > 0), rules, running
 * heads and feet aside; NULL when there is none. Items across the columns are not the
 * column's: a float across them is read as their top or foot, and a line alone next to it
 * as one at a column's top or foot, which lone-lines allow. */
static const item_t *neighbour (const page_t *p, int c, const item_t *ln, int up)
{
  const item_t *best = NULL;
  double best_gap = INFINITY;
  for (size_t j = 0; j < p->n; j++) {
    const item_t *it = &p->items[j];
    if (it == ln || it->kind == ITEM_RULE || it->generated || it->col != c)
      continue;
    double gap = up < 0 ? ln->y - (it->y + it->h) : it->y - (ln->y + ln->h);
    if (gap > -TOL && gap < best_gap) {
      best_gap = gap;
      best = it;
    }
  }
  return best;
}

/* Whether line ln of column c is its block's only line there. */
static bool alone_in_column (const page_t *p, int c, const item_t *ln)
{
  for (size_t j = 0; j < p->n; j++) {
    const item_t *it = &p->items[j];
    if (it != ln && it->col == c && it->block == ln->block && !it->generated &&
        role_in (it, RUNNING))
      return false;
  }
  return true;
}

/* What float f belongs to, as a make-up editor names it. */
static const char *float_name (const item_t *f)
{
  if (f->note)
    return "note of a table";   /* not "...note:", which reads as a checker's note */
  if (role_is (f, "quote") || role_is (f, "attribution"))
    return "pull quote";
  return role_is (f, "related") ? "related link" : "picture";
}

/* Item it of page p is the lead picture set in a column, or its caption or credit beside or
 * under it there: no block is theirs, unlike a figure's. A credit of the lead picture across
 * the columns may lie within one column; it is not the column's picture. */
static bool lead_in_column (const page_t *p, const item_t *it)
{
  if (it->block >= 0 || it->col < 0 || it->generated)
    return false;
  if (it->kind == ITEM_IMAGE)
    return true;
  if (!role_in (it, PICTURE_TEXT))
    return false;
  for (size_t j = 0; j < p->n; j++)
    if (p->items[j].kind == ITEM_IMAGE && p->items[j].block < 0 && p->items[j].col == it->col)
      return true;
  return false;
}

/* Item it stands apart from the running text: a float's, the lead picture's in a column, or a
 * line of a table's note (the last of a short table's float, tablenote.c). */
static bool floatlike (const page_t *p, const item_t *it)
{
  return is_float (it) || lead_in_column (p, it) || (it->note && !it->generated);
}

static void check_line (doc_t *d, page_t *p, int c, const item_t *ln)
{
  if (!alone_in_column (p, c, ln) || block_lines (d, ln->block) < 2)
    return;
  const item_t *above = neighbour (p, c, ln, -1), *below = neighbour (p, c, ln, 1);
  const item_t *f = above && floatlike (p, above) ? above
                    : below && floatlike (p, below) ? below : NULL;
  if (!f)
    return;
  fault (d, p, "lone-line", "column %d: one line of paragraph %d stands alone %s a %s: \"%s\"",
         rank (d, p, c) + 1, ln->block, f == above ? "under" : "over", float_name (f),
         ln->text ? ln->text : "");
}

void check_lone_lines (doc_t *d, page_t *p)
{
  for (size_t j = 0; j < p->n; j++) {
    const item_t *it = &p->items[j];
    if (it->col >= 0 && !it->generated && it->block >= 0 && role_in (it, RUNNING))
      check_line (d, p, it->col, it);
  }
}
