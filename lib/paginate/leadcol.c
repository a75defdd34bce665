/* leadcol.c: the lead picture that leads the first column (on a page too small for it across
 * the columns, head.c) comes before the body text it illustrates: under the head on page 1
 * when it fits there, made smaller if need be down to a floor (INK_PICTURE_FLOOR), the text
 * beginning under it or in the next column. Else the text begins under the head, in every
 * column of page 1, and the picture opens the first column of page 2: a page 1 that holds
 * the head alone, white under it, is what a make-up editor never prints. */
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

/* The lines of the story the column holds under the lead picture's units from u0, set at
 * the column's top y: the first goes on the body's grid under them (flow.c). */
static int32_t
lines_under (const lay_t *L, size_t u0, int32_t y)
{
  int32_t step = ink__text_step (L);
  int64_t h = ink__float_height (L, u0);
  if (L->grid > 0)
    h = (h + step - 1) / step * step;
  int64_t room = (int64_t) L->bottom - y - h;
  return room > 0 ? (int32_t) (room / step) : 0;
}

/* The lead picture set at pm (its units from u0, the paragraphs from n0) leaves its column
 * room for a line or two of the story, no more than the orphans: the story's first line then
 * stands alone under the picture, white above it, at the column's foot, the paragraph going
 * on in the next column, or does so once the column gives a line to the next to end the
 * page's columns together (rocket-recovery kiosk-7.5: the head, the picture with its caption
 * beside it, one line at the foot). It is made smaller a step at a time, by at most the
 * template's picture-shrink, to the first size that leaves room for a line more; else it
 * stays. */
static ink_status_t
company_room (lay_t *L, int32_t y, int pm, size_t n0, size_t u0)
{
  int32_t have = lines_under (L, u0, y);
  if (L->units.n == u0 || have < 1 || have > (int32_t) L->t->orphans)
    return INK_OK;
  int least = pm - 10 * (int) L->t->picture_shrink;
  bool fits = true, more = false;
  ink_status_t st = INK_OK;
  for (int p = pm - LEAD_STEP; st == INK_OK && !more && p >= least; p -= LEAD_STEP) {
    drop_lead (L, n0, u0);
    st = try_size (L, p, y, &fits, NULL);
    more = st == INK_OK && fits && L->units.n > u0 && lines_under (L, u0, y) > have;
  }
  if (st != INK_OK || more)
    return st;
  drop_lead (L, n0, u0);
  return try_size (L, pm, y, &fits, NULL);
}

/**
 * ink__lead_in_column:
 * @L: the layout, the head set on page 1
 * @y: the top of the columns under the head
 *
 * Builds the lead picture's units, first in the columns, at the largest size at which it
 * fits under the head (the text begins under it or in the next column): down to the
 * template's picture-shrink, or lower to the floor (INK_PICTURE_FLOOR). Where it fits at no
 * such size, the text begins under the head and the picture, at its size, waits for the
 * first column of page 2 (L->lead_waits, ink__lead_opens; flow.c): the reader meets it at
 * the first column top after the head's page, and a picture squeezed under the head would
 * lose what it shows. A size that leaves room under it for no more lines of the story than
 * the orphans is made smaller to leave it more (company_room).
 *
 * Return value: INK_OK, or the error that stopped it.
 */
ink_status_t
ink__lead_in_column (lay_t *L, int32_t y)
{
  int least = 1000 - 10 * (int) L->t->picture_shrink, pm = 1000;
  int32_t lead = PX (L->t->styles[INK_ROLE_BODY].leading_px), h0 = 0;
  size_t n0 = L->paras.n, u0 = L->units.n;
  bool fits = false;
  least = least < INK_PICTURE_FLOOR ? least : INK_PICTURE_FLOOR;
  ink_status_t st = try_size (L, pm, y, &fits, &h0);
  while (st == INK_OK && !fits && pm - LEAD_STEP >= least) {
    pm -= LEAD_STEP;
    int32_t hp = (int32_t) ((int64_t) h0 * pm / 1000);
    if (hp < LEAD_MIN_LINES * lead)
      break;
    if (y + hp <= L->bottom)   /* its caption only adds */
      st = try_size (L, pm, y, &fits, NULL);
  }
  if (st == INK_OK && fits)
    return company_room (L, y, pm, n0, u0);
  if (st != INK_OK)
    return st;
  L->lead_waits = true;
  return ink__add_lead_float (L, 1000);
}

/**
 * ink__lead_opens:
 * @L: the layout
 * @ui: a unit
 *
 * Whether @ui is the lead picture that waits (L->lead_waits) and the flow is at the top of the
 * first column of a page after the head's: it opens that column, under a float across the
 * columns too, made smaller to fit there if it must (down to the floor, flow.c).
 *
 * Return value: whether it opens this column.
 */
bool
ink__lead_opens (const lay_t *L, size_t ui)
{
  return ui == 0 && L->lead_waits && L->page > 0 && L->col == 0 && L->col_empty;
}
