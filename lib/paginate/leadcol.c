/* leadcol.c: the lead picture that leads the first column (on a page too small for it across
 * the columns, head.c) comes before the body text it illustrates, never after the text has
 * begun: under the head on page 1 when it fits there, made smaller if need be (the text
 * begins under it or in the next column); else it opens page 2, and the text begins under
 * it. */
#include "layout-internal.h"

#define LEAD_STEP 25       /* permille: a fortieth of its size at a time, as leadfit.c */
#define LEAD_MIN_LINES 3   /* a picture is never set lower than these lines of text */

/* The lead picture's units and their caption set from paragraph n0 and unit u0 on, dropped. */
static void
drop_lead (lay_t *L, size_t n0, size_t u0)
{
  for (size_t k = n0; k < L->paras.n; k++)
    ink__setpara_free (L, L->paras.v[k]);
  L->paras.n = n0;
  L->units.n = u0;
}

/* The lead picture's units at this size, first in the columns: whether they fit under y
 * (*fits; they stay when they do). *h (when not NULL): the picture's height. */
static ink_status_t
try_size (lay_t *L, int permille, int32_t y, bool *fits, int32_t *h)
{
  size_t n0 = L->paras.n, u0 = L->units.n;
  ink_status_t st = ink__add_lead_float (L, permille);
  *fits = true;
  if (h)
    *h = 0;
  if (st != INK_OK || L->units.n == u0)
    return st;
  if (h)
    *h = L->units.v[u0].h;
  *fits = ink__float_fits (L, u0, (int64_t) y + L->units.v[u0].space_before, L->bottom);
  if (!*fits)
    drop_lead (L, n0, u0);
  return INK_OK;
}

/**
 * ink__lead_in_column:
 * @L: the layout, the head set on page 1
 * @y: (inout): the top of the columns under the head
 *
 * Builds the lead picture's units, first in the columns, at the largest size at which it
 * fits under the head: down to the template's picture-shrink,
 * or lower while it stays a quarter of the page tall (as across the columns, head.c) and a
 * few lines. Where it fits at no such size, page 1 holds the head alone and the picture, at
 * its size, opens page 2 (*y its top): the reader meets it before the text, not in the middle
 * of a sentence, and a picture squeezed under the head would lose what it shows.
 *
 * Return value: INK_OK, or the error that stopped it.
 */
ink_status_t
ink__lead_in_column (lay_t *L, int32_t *y)
{
  int least = 1000 - 10 * (int) L->t->picture_shrink;
  int32_t lead = PX (L->t->styles[INK_ROLE_BODY].leading_px);
  int32_t quarter = (L->bottom - L->top) / 4, h0 = 0;
  bool fits = false;
  ink_status_t st = try_size (L, 1000, *y, &fits, &h0);
  for (int pm = 1000 - LEAD_STEP; st == INK_OK && !fits && pm > 0; pm -= LEAD_STEP) {
    int32_t hp = (int32_t) ((int64_t) h0 * pm / 1000);
    if ((pm < least && hp < quarter) || hp < LEAD_MIN_LINES * lead)
      break;
    if (*y + hp <= L->bottom)   /* its caption only adds */
      st = try_size (L, pm, *y, &fits, NULL);
  }
  if (st != INK_OK || fits)
    return st;
  /* Page 1 has no columns: the head alone. */
  L->doc->pages.v[L->page].body_top = L->bottom;
  if ((st = ink__add_lead_float (L, 1000)) != INK_OK || (st = ink__new_page (L)) != INK_OK)
    return st;
  *y = L->top;
  return INK_OK;
}
