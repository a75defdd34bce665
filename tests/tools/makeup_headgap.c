/* makeup_headgap.c: the make-up checker's head-gap rule. A subhead stands on the text it
 * heads: one that stands away from it, the white under it a quarter of a line step or more
 * with nothing between, reads as heading nothing (it drifts towards what it closes). A
 * subhead that opens its column is left out (its text goes on the grid's next line under
 * the column's top), and so is one with a rule or a picture under it. */
#include "makeup_check.h"

#include <math.h>

/* The least white under a subhead that is a fault, in line steps (and in pixels). */
#define HEAD_GAP_STEPS 0.25
#define HEAD_GAP_PX 3.0

/* Whether a rule or picture of page p lies over column col between y0 and y1. */
static bool box_between (const page_t *p, int col, double y0, double y1)
{
  const column_t *c = &p->cols[col];
  for (size_t j = 0; j < p->n; j++) {
    const item_t *it = &p->items[j];
    if (it->kind != ITEM_LINE && it->y + it->h > y0 + TOL && it->y < y1 - TOL &&
        overlap (it->x, it->x + it->w, c->x, c->x + c->w) > 0)
      return true;
  }
  return false;
}

/* Subhead block b in column col: its first line's top and its last line's bottom. */
static void head_extent (const page_t *p, int col, int b, double *top, double *bot)
{
  *top = INFINITY;
  *bot = -INFINITY;
  for (size_t j = 0; j < p->n; j++) {
    const item_t *it = &p->items[j];
    if (it->kind == ITEM_LINE && it->col == col && it->block == b && role_is (it, "subhead")) {
      *top = fmin (*top, it->y);
      *bot = fmax (*bot, it->y + it->h);
    }
  }
}

static void check_head (doc_t *d, const page_t *p, const item_t *h, double step)
{
  double top, bot;
  head_extent (p, h->col, h->block, &top, &bot);
  const item_t *next = NULL;
  bool above = false;
  for (size_t j = 0; j < p->n; j++) {
    const item_t *it = &p->items[j];
    if (it->kind != ITEM_LINE || it->col != h->col || it->generated || it->block == h->block)
      continue;
    above |= it->y < top - TOL;
    if (it->y >= bot - TOL && (!next || it->y < next->y))
      next = it;
  }
  static const char *const HEADED[] = { "body", "list", "blockquote", NULL };
  if (!above || !next || !role_in (next, HEADED) || box_between (p, h->col, bot, next->y))
    return;
  double white = next->y - bot;
  if (white < HEAD_GAP_PX || white < HEAD_GAP_STEPS * step)
    return;
  fault (d, p, "head-gap",
         "column %d: subhead \"%s\" stands %.2f px (%.2f line steps) above the text it heads",
         h->col + 1, h->text ? h->text : "", white, white / step);
}

void check_head_gaps (doc_t *d, page_t *p)
{
  double step = p->has_grid && p->step > 0 ? p->step : d->step;
  if (step <= 0 || p->ncols < 1)
    return;
  int done[64], ndone = 0;
  for (size_t j = 0; j < p->n; j++) {
    const item_t *it = &p->items[j];
    if (it->kind != ITEM_LINE || it->col < 0 || !role_is (it, "subhead"))
      continue;
    int k = 0;
    while (k < ndone && done[k] != it->block)
      k++;
    if (k < ndone)
      continue;
    if (ndone < 64)
      done[ndone++] = it->block;
    check_head (d, p, it, step);
  }
}
