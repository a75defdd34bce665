/* paginate/quotestarve: a short article's pull quotes set smaller where at their size they
 * starve a page of text.
 *
 * On a small page of one column a pull quote of four lines at half as large again as the
 * body, in its white and between its rules, takes a third of the page; the float order
 * (a quote on the page of its passage or the next) leaves no room to send two of them on
 * when the text between them is short, and a page the story runs on past holds two or three
 * lines of text between them (corran-spaceport on reader-6, pages 3 and 5: the make-up
 * check's starved-page). A make-up editor sets the story's pull quotes smaller, all of them
 * at one size, rather than starve the page. So a short article whose layout, once its float
 * order is found (floatorder.c), leaves a page starved (pagestarve.c's measure) is laid out
 * again with its pull quotes a step smaller at a time, down to the smallest the float order
 * sets them at (still larger than the body, set apart by their rules and white); the first
 * size that starves fewer pages and is no worse made up on every count the float order
 * weighs is kept. */
#include "floatorder.h"

unsigned
ink__starved_pages (const lay_t *L)
{
  unsigned n = 0;
  for (size_t q = 0; q < L->doc->pages.n; q++)
    n += ink__page_starved (L, q);
  return n;
}

/* tr starves fewer pages than best and is no worse than best on any other count (base, the
 * article as it orders itself, is not asked). */
static bool
unstarves (const order_trial_t *tr, const order_trial_t *best, const order_trial_t *base)
{
  (void) base;
  return tr->starved < best->starved && tr->faults <= best->faults &&
         tr->pages <= best->pages && tr->overflow <= best->overflow &&
         (tr->even || !best->even) && (!tr->strained || best->strained) && !tr->rejected &&
         (!tr->early || best->early) && tr->passages <= best->passages &&
         tr->strays <= best->strays && (!tr->hole || best->hole) &&
         tr->stranded <= best->stranded && tr->bare <= best->bare &&
         tr->short_cols <= best->short_cols && tr->widows <= best->widows &&
         tr->float_pages <= best->float_pages && (!tr->head_alone || best->head_alone);
}

ink_status_t
ink__quote_scale_ladder (const order_ctx_t *o, bool white, order_keep_fn keep,
                         order_trial_t *best, ink__float_order_t *plan)
{
  ink_status_t st = INK_OK;
  bool kept = false;
  for (float s = ink__smaller_quote_scale (1.0f);
       st == INK_OK && !kept && *o->budget > 0 && s > 0; s = ink__smaller_quote_scale (s)) {
    ink__float_order_t next = *plan;
    next.quote_scale = s;
    next.quote_white = white;
    order_trial_t tr;
    (*o->budget)--;
    st = ink__order_trial (o, &next, &tr);
    if ((kept = st == INK_OK && keep (&tr, best, &o->base))) {
      *plan = next;
      *best = tr;
    }
  }
  return st;
}

ink_status_t
ink__try_unstarve_scale (const order_ctx_t *o, order_trial_t *best, ink__float_order_t *plan)
{
  if (best->starved == 0 || plan->quote_scale > 0 || !ink__has_pullquote (o->a))
    return INK_OK;
  return ink__quote_scale_ladder (o, true, unstarves, best, plan);
}
