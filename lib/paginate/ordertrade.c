/* paginate/ordertrade: floats set back in turn may pay for a pull quote read before its
 * passage.
 *
 * The float order search (floatorder.c) keeps a setting only when it reads fewer floats out
 * of turn than the article in its own order and is no worse made up. A float out of turn
 * stands two pages or more after its text, or after the end of the story, where the reader
 * has left it behind. A pull quote whose passage is the story's last paragraph cannot be read
 * after that passage without standing after the end of the text (quotewait.c lets it stand
 * where the article puts it); when it waited on past that end anyway, with the floats queued
 * behind it, each setting that brought them back in turn read it before its passage and was
 * refused: held-out h67-ja-2.ja on kiosk-7.5 ended with that quote alone on a page after the
 * text, the quote before it out of turn too. A make-up editor takes the trade when it buys
 * more than it costs: a setting that reads more quotes before their passage, but fewer than
 * the floats it sets back in turn, is no worse. */
#include "floatorder.h"

/* The floats trial tr reads out of turn (each weighs ORDER_FAR_WEIGHT in its faults). */
static unsigned
out_of_turn (const order_trial_t *tr)
{
  return tr->faults / ORDER_FAR_WEIGHT;
}

bool
ink__passages_paid (const order_trial_t *tr, const order_trial_t *base)
{
  if (tr->passages <= base->passages)
    return true;
  unsigned was = out_of_turn (base), now = out_of_turn (tr);
  return now < was && tr->passages - base->passages < was - now;
}
