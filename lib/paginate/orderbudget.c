/* paginate/orderbudget: the layouts the float order search tries (floatorder.c), each charged
 * to the search's budget of work: the lines it set, in every paragraph it set (a paragraph
 * set again, at another measure or size, counts again). The search may set ORDER_WORK times
 * the lines of the article's layout in its own order, and begins a trial only while what is
 * left would pay for the dearest trial yet. A trial sets about as many lines as the first
 * layout: in the 572 searches of the samples and both held-out sets on the four templates,
 * at most 4 times as many, and a whole search at most 19 times. A layout that sets a
 * paragraph again and again (a pull quote of letters that no space breaks, set again at the
 * column's width at each height a page's balance tries: tests/unit/articles/quote-reset.fuzz)
 * set up to 109 times the lines of the first, and its search 538 times, two seconds on a
 * desktop, tens on a kiosk. Once the work is spent the search keeps the plan it has. */
#include "floatorder.h"

/* Times the lines of the layout in the article's order that the search may set. */
#define ORDER_WORK 48

/* The lines of every paragraph layout L set (and keeps until it is freed), and of the pull
 * quotes it took again instead (quotememo.c). */
static uint64_t
lines_set (const lay_t *L)
{
  uint64_t n = L->quote_lines_taken;
  for (size_t i = 0; i < L->paras.n; i++)
    n += L->paras.v[i]->para.lines.n;
  return n;
}

order_work_t
ink__order_work (const lay_t *L)
{
  uint64_t own = lines_set (L);
  return (order_work_t) { (own > 0 ? own : 1) * ORDER_WORK, 0 };
}

ink_status_t
ink__order_trial (const order_ctx_t *o, const ink__float_order_t *plan, order_trial_t *tr)
{
  order_work_t *w = o->work;
  if (w->left == 0 || w->left < w->dearest)
    return ORDER_SPENT;
  lay_t L;
  ink_document_t *doc;
  ink__float_order_t weighed = *plan;
  weighed.trial = true;
  weighed.shaped = o->shaped;
  ink_status_t st = ink__lay_out (o->ctx, o->a, o->tpl, o->fonts, o->opts, o->after, &weighed,
                                  &L, &doc);
  if (st != INK_OK)
    return st;
  uint64_t spent = lines_set (&L);
  w->left = spent < w->left ? w->left - spent : 0;
  w->dearest = spent > w->dearest ? spent : w->dearest;
  ink__order_measure (&L, tr);
  ink__layout_free (&L);
  ink_document_destroy (doc);
  return INK_OK;
}
