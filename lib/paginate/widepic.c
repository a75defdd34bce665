/* paginate/widepic: a picture that opens the last page alone in its column set across the
 * columns' top instead (widen.c).
 *
 * A picture (a chart, a photograph) that did not fit on the page of its text waits for the
 * next page's top and, on a last page of a few lines, opens the first column alone: it does
 * not split, so the text that goes on after it takes the next column and ends far above the
 * picture's foot (held-out held-uk-0.uk kiosk-10.3 and kiosk-7.5, h65-en-2 print-a4 each
 * set a chart in the first column beside four or five lines). A make-up editor sets the
 * picture across the top of the page, its caption under it, and the text balanced under
 * both. The picture keeps its size and its caption its lines: they are centred over the
 * columns, as a float across the columns stands, and placed as one at the page's top
 * (ink__place_span), half a line step of white under them. A picture with its caption beside it (sidecap.c) stays in its column:
 * its caption is set for the column's white. */
#include "layout-internal.h"

/* The white under a picture across the columns, over the text that starts under it: half a
 * line step, as text under a picture in a column has about that much (its caption's lines
 * and the grid's snap). */
#define UNDER_PICTURE(L) (ink__text_step (L) / 2)

/* Whether unit ui is a picture in a column with its caption, if any, under it, that may be
 * set across the columns. */
static bool
picture_in_column (const lay_t *L, size_t ui)
{
  if (ui >= L->units.n || L->ncols < 2)
    return false;
  const unit_t *u = &L->units.v[ui];
  return u->kind == U_IMAGE && u->float_len && !u->span && !u->side[0] && !u->side[1] &&
         u->w <= L->right - L->left;
}

/**
 * ink__lone_picture:
 * @L: the layout
 * @page: the last page, as set
 * @ui: the first unit of the float that opens its first column
 *
 * Return value: whether the float is a picture in a column (its caption, if any, under it)
 * that stands alone in the page's first column: no line of text under it there, the text
 * beside it (ink__widen_picture may set it across the columns).
 */
bool
ink__lone_picture (const lay_t *L, size_t page, size_t ui)
{
  if (!picture_in_column (L, ui) || page >= L->doc->pages.n)
    return false;
  const ink__lrec_t *low = ink__edge_line_on (L, page, L->rtl ? L->ncols - 1 : 0, false);
  return !low || low->block == L->units.v[ui].block;
}

/**
 * ink__widen_picture:
 * @L: the layout
 * @ui: the first unit of a picture float in a column (ink__lone_picture)
 * @done: set when its units now stand across the columns
 *
 * The picture and its caption units marked as a float across the columns, each centred over
 * the columns at the width it was set at. Only the units change: the copy widen.c keeps puts
 * them back.
 */
void
ink__widen_picture (lay_t *L, size_t ui, bool *done)
{
  *done = false;
  if (!picture_in_column (L, ui))
    return;
  int32_t measure = L->right - L->left, shift = (measure - L->colw) / 2;
  size_t end = ui + L->units.v[ui].float_len;
  if (end > L->units.n)
    end = L->units.n;
  for (size_t i = ui; i < end; i++) {
    unit_t *u = &L->units.v[i];
    u->span = true;
    u->x_off = u->kind == U_IMAGE ? (measure - u->w) / 2 : u->x_off + shift;
  }
  unit_t *last = &L->units.v[end - 1];
  if (last->space_after < UNDER_PICTURE (L))
    last->space_after = UNDER_PICTURE (L);
  *done = true;
}
