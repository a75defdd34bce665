/* paginate/latespace: a pull quote or related box on the last page it may go on, set with
 * less space. A float that waits since the page of its text goes in on the page after, or
 * stands two pages after its text (the make-up check's float-order). When, under the float
 * placed before it, it misses that page by a little of its own white (the space above and
 * below it, between its rules and its text), that white is cut a quarter at a time, down to a
 * quarter of it, as the last page's is (lastspace.c), and it goes in there so; placed, it has
 * its space back. A related link and a pull quote waiting on reader-6 for a page of floats
 * after the text's end left room under them, the quote 27 px short: it and the next link went
 * two pages on. So it goes in under a paragraph of its last page too (ink__place_under_text):
 * on one column, pull quotes that followed the first page's text, each a third of a page,
 * waited a page each, as the one at a page's top left the next a few lines short of room
 * under the paragraph after it (held-out held-uk-1.uk reader-6 read its quotes two and three
 * pages after their text). So too a pull quote or related box that the text's end in the
 * page's last column leaves a little short of room: it would open a page of its own.
 * Pictures are made smaller instead (picroom.c). */
#include "layout-internal.h"

/* The float at unit q is one these cut: a pull quote or related box in a column, of no more
 * than INK_LATE_SPACE_UNITS units, none a picture. */
static bool
cuttable (const lay_t *L, size_t q)
{
  const unit_t *u = &L->units.v[q];
  size_t n = u->float_len;
  if (n == 0 || n > INK_LATE_SPACE_UNITS || q + n > L->units.n || u->span)
    return false;
  for (size_t i = q; i < q + n; i++)
    if (L->units.v[i].kind == U_IMAGE)
      return false;
  return true;
}

/* The least quarters of its space (1 to INK_SPACE_CUT_TO_QUARTER) to cut for the float at unit q,
 * a cuttable one, to fit under the flow above bottom; 0 when none does. Its units are as
 * they were. */
static int
least_cut (lay_t *L, size_t q, int32_t bottom)
{
  size_t n = L->units.v[q].float_len;
  int32_t saved[3 * INK_LATE_SPACE_UNITS];
  int found = 0;
  ink__space_save (L->units.v + q, n, saved);
  for (int cut = 1; cut <= INK_SPACE_CUT_TO_QUARTER && !found; cut++) {
    ink__space_set (L->units.v + q, n, saved, cut);
    found = ink__float_fits (L, q, ink__float_y (L, q), bottom) ? cut : 0;
  }
  ink__space_set (L->units.v + q, n, saved, 0);
  return found;
}

/**
 * ink__late_float_cut:
 * @L: the layout, the flow under a float just placed
 * @q: the first unit of the float at the head of the queue
 *
 * Return value: the quarters of its space (1 to INK_SPACE_CUT_TO_QUARTER, the least) to cut for
 * the float at unit q to fit under the flow, when it is a pull quote or related box that has
 * waited since the page before (this page is its last); 0 when none does, or it is none such.
 * Its units are as they were.
 */
int
ink__late_float_cut (lay_t *L, size_t q)
{
  const unit_t *u = &L->units.v[q];
  if (!cuttable (L, q) || u->met_page == SIZE_MAX || u->met_page + 1 != L->page)
    return 0;
  return least_cut (L, q, L->col_bottom);
}

/**
 * ink__end_float_cut:
 * @L: the layout, the text ended in the page's last column
 * @q: the first unit of the float at the head of the queue
 * @bottom: the foot it must end above
 *
 * Return value: the quarters of its space to cut for the float at unit q, a pull quote or
 * related box, to fit under the end of the text, as for ink__late_float_cut: else it would
 * open the next page, alone there (the make-up check's floats-only-page); 0 when none does.
 */
int
ink__end_float_cut (lay_t *L, size_t q, int32_t bottom)
{
  return cuttable (L, q) ? least_cut (L, q, bottom) : 0;
}

/**
 * ink__late_float_space:
 * @L: the layout
 * @q: the first unit of a float ink__late_float_cut found a cut for
 * @cut: that cut, or 0 to give the space back
 * @saved: room for 3 * INK_LATE_SPACE_UNITS values: the float's space as it was, written
 *   with a cut, read back with none
 */
void
ink__late_float_space (lay_t *L, size_t q, int cut, int32_t *saved)
{
  if (!cuttable (L, q))
    return;
  if (cut)
    ink__space_save (L->units.v + q, L->units.v[q].float_len, saved);
  ink__space_set (L->units.v + q, L->units.v[q].float_len, saved, cut);
}

/**
 * ink__place_under_text:
 * @L: the layout, the flow under a paragraph just set, a float waiting
 *
 * Places the floats waiting where the flow now is (ink__place_pending) when the first fits
 * there: as it is, or, on the last page it may go on, with its white cut
 * (ink__late_float_cut). Else they wait on.
 *
 * Return value: INK_OK, or the error that stopped the flow.
 */
ink_status_t
ink__place_under_text (lay_t *L)
{
  size_t q = L->pending;
  int cut = 0;
  if (ink__second_box_waits (L, q))
    return INK_OK;
  if (!ink__float_fits (L, q, (int64_t) L->y + L->units.v[q].space_before, L->col_bottom) &&
      (cut = ink__late_float_cut (L, q)) == 0)
    return INK_OK;
  L->late_cut = cut;   /* for ink__place_pending, which takes it */
  ink_status_t st = ink__place_pending (L);
  L->late_cut = 0;
  return st;
}
