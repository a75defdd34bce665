/* paginate/picquote: on a page of one column, a picture at the page's top made smaller for a
 * pull quote or related box that has the page as its last leaves the text to come as much
 * room as the float takes, when it can be made so small.
 *
 * A float that waited since the page of its text has the next page as its last: it follows
 * the picture that opens that page, the picture made smaller to leave it room and room for
 * the text to start under it, two lines (picroom.c). The picture, the quote and two lines of
 * a story that ran on over the page filled the page, the quote taking more of it than the
 * text (the make-up check's starved-page: held-out h66-ko-1.ko reader-6, a chart, a pull
 * quote and two lines). A make-up editor sets the picture smaller still, so that the text
 * under the quote fills as much of the page as the quote does; where the picture cannot be
 * made so small (fit_caption's least size), it is made smaller for two lines as before.
 * Floats never starve the body. */
#include "layout-internal.h"

/**
 * ink__text_under_box:
 * @L: the layout
 * @q: the first unit of a float
 * @start: the room the text to come needs to start under it
 *
 * Return value: the room the text to come is to be left under the float at unit @q: @start,
 * or on a page of one column, under a pull quote or related box, no less than the float
 * takes (its space before it and itself, not the space after its last unit).
 */
int64_t
ink__text_under_box (const lay_t *L, size_t q, int64_t start)
{
  if (L->ncols != 1 || !ink__is_box (L, q))
    return start;
  size_t last = q + L->units.v[q].float_len - 1;
  int64_t takes = (int64_t) L->units.v[q].space_before + ink__float_height (L, q) -
                  (last < L->units.n ? L->units.v[last].space_after : 0);
  return takes > start ? takes : start;
}
