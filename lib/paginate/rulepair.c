/* paginate/rulepair: one rule where two would stand one over the other with white alone
 * between them (a double rule, which a make-up editor sends back). The head's rule over a
 * pull quote's opening one or a table's header, a pull quote's closing rule over a related
 * box's opening one, a table's last rule over the opening rule of a pull quote across the
 * columns under it: of two such rules, the narrower is not drawn (the lower of two as wide),
 * since the wider parts what is above from what is below where both stand. A rule keeps its
 * place in the page: the pair is read once the page is final (running.c, after the head
 * and the floats took their last places), so nothing the page was set by moves. */
#include "rulepair.h"

#define PX1 64   /* a pixel, in 1/64 px */

static bool
across (const ink__item_t *r)
{
  return r->kind == INK_ITEM_RULE && r->w > r->h;
}

/* Whether rule a's width holds rule b's, to a pixel. */
static bool
holds (const ink__item_t *a, const ink__item_t *b)
{
  return a->x <= b->x + PX1 && a->x + a->w >= b->x + b->w - PX1;
}

/* Whether nothing of items[0..n) but rules up and down the gutters is drawn between the
 * foot of the upper rule up and the top of the lower one lo, across x..x+w. */
static bool
white_between (const ink__item_t *items, size_t n, const ink__item_t *up, const ink__item_t *lo,
               int32_t x, int32_t w)
{
  int32_t low = up->y + up->h;
  for (size_t j = 0; j < n; j++) {
    const ink__item_t *it = &items[j];
    if (it == up || it == lo)
      continue;
    if (it->x < x + w && it->x + it->w > x && it->y < lo->y && it->y + it->h > low)
      return false;
  }
  return true;
}

/*
 * ink__rule_doubled:
 * @items: a page's items, @n of them
 * @i: the item asked about
 * @reach: how far apart two rules may stand and still read as one doubled (two line steps)
 *
 * Whether item i is a rule across that doubles another of the page: the two one over the
 * other, the one's width holding the other's, the upper's foot less than @reach above the
 * lower's top, nothing drawn between them; of the two, i is the narrower, or the lower of
 * two as wide. Such a rule is left out of the page.
 */
bool
ink__rule_doubled (const ink__item_t *items, size_t n, size_t i, int32_t reach)
{
  const ink__item_t *r = &items[i];
  if (!across (r))
    return false;
  for (size_t j = 0; j < n; j++) {
    const ink__item_t *s = &items[j];
    if (j == i || !across (s) || !holds (s, r))
      continue;
    /* of two as wide, the lower one goes */
    if (holds (r, s) && r->y <= s->y)
      continue;
    const ink__item_t *up = s->y <= r->y ? s : r, *lo = up == s ? r : s;
    if (lo->y < up->y + up->h || lo->y - (up->y + up->h) >= reach)
      continue;
    if (white_between (items, n, up, lo, r->x, r->w))
      return true;
  }
  return false;
}
