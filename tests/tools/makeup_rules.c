/* makeup_rules.c: the make-up checker's rules for rules (the horizontal lines set above and
 * below floats, between comments and under the head). A rule parts what is above it from
 * what is below: two rules one over the other with white alone between them read as a
 * double rule, a fault a make-up editor sends back (one rule, or the floats spaced apart),
 * and a rule that touches a line of text over or under it no longer parts anything. */
#include "makeup_check.h"

#include <math.h>

/* Rules thinner than they are long lie across the page; column rules stand upright. */
static bool horizontal (const item_t *it)
{
  return it->kind == ITEM_RULE && it->w > 4 * it->h;
}

/* The body grid step of page p, else the document's, else 0. */
static double step_of (const doc_t *d, const page_t *p)
{
  return p->has_grid && p->step > 0 ? p->step : d->step;
}

/* Nothing is drawn between rules r (above) and s (below) where they overlap across. */
static bool white_between (const page_t *p, const item_t *r, const item_t *s)
{
  double x0 = fmax (r->x, s->x), x1 = fmin (r->x + r->w, s->x + s->w);
  for (size_t j = 0; j < p->n; j++) {
    const item_t *it = &p->items[j];
    if (it == r || it == s || (it->kind == ITEM_RULE && !horizontal (it)))
      continue;
    if (overlap (it->x, it->x + it->w, x0, x1) > TOL &&
        overlap (it->y, it->y + it->h, r->y + r->h, s->y) > -TOL)
      return false;
  }
  return true;
}

/* Two rules, one over the other (sharing more than half the shorter's length), less than two
 * line steps apart with nothing between them. */
static void check_double_rules (doc_t *d, page_t *p)
{
  double step = step_of (d, p);
  if (step <= 0)
    return;
  for (size_t a = 0; a < p->n; a++)
    for (size_t b = 0; b < p->n; b++) {
      const item_t *r = &p->items[a], *s = &p->items[b];
      if (a == b || !horizontal (r) || !horizontal (s) || s->y < r->y + r->h - TOL)
        continue;
      if (s->y == r->y && b < a)
        continue;   /* the pair is taken once */
      double gap = s->y - (r->y + r->h);
      if (overlap (r->x, r->x + r->w, s->x, s->x + s->w) > fmin (r->w, s->w) / 2 &&
          gap < 2 * step && white_between (p, r, s))
        fault (d, p, "double-rule", "rules at %.2f and %.2f (x %.2f to %.2f) stand %.2f px "
               "apart with white alone between them", r->y, s->y, fmax (r->x, s->x),
               fmin (r->x + r->w, s->x + s->w), gap);
    }
}

/* A rule touches a line of text over or under it: the line's box (its leading) and the rule
 * less than TOUCH px apart where they overlap across. A byline stands 8 px over the head's
 * rule by design. The layout JSON gives places to two decimals, so a gap is read to within
 * ROUNDING: a table's rule set exactly TOUCH under its row's text (table.c, RULE_CLEAR) read
 * as 1.99 px on busan-ferry.ko kiosk-7.5. */
#define TOUCH 2.0
#define ROUNDING 0.01
static void check_rules_touching (doc_t *d, page_t *p)
{
  for (size_t a = 0; a < p->n; a++) {
    const item_t *r = &p->items[a];
    if (!horizontal (r))
      continue;
    for (size_t j = 0; j < p->n; j++) {
      const item_t *l = &p->items[j];
      if (l->kind != ITEM_LINE || overlap (l->x, l->x + l->w, r->x, r->x + r->w) <= TOL)
        continue;
      double above = r->y - (l->y + l->h), below = l->y - (r->y + r->h);
      double gap = l->y < r->y ? above : below;
      if (gap > -TOL && gap < TOUCH - ROUNDING) {
        const char *text = l->text ? l->text : "";
        fault (d, p, "rule-touch", "the rule at %.2f touches the %s line \"%.*s\" %s it "
               "(%.2f px)", r->y, l->role ? l->role : "text", utf8_prefix (text, 30), text,
               l->y < r->y ? "over" : "under", gap);
        break;
      }
    }
  }
}

void check_rules (doc_t *d, page_t *p)
{
  check_double_rules (d, p);
  check_rules_touching (d, p);
}
