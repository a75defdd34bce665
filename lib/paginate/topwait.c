/* paginate/topwait: a float that would open a column and leave it to floats alone waits for
 * the page's next column.
 *
 * A float that waited for a column's top goes in there, and the text to come starts under
 * it. When the float leaves room for lines under it but not for the text's first unit with
 * what it keeps (a subhead and the two lines after it), the text goes on in the next column
 * and this one holds the float alone over white while the story runs on: a make-up editor
 * sets the text in this column and the float at the next one's top. Held-out held-en-0 on
 * kiosk-7.5 had a picture that waited behind pull quotes alone in page 4's first column with
 * three lines of white under it, its subhead and text beside it; held-ur-1 a tall Urdu pull
 * quote alone in page 5's first column. The float stays on its page, so it stands no later
 * than it did: only where a column of this page follows. */
#include "layout-internal.h"

/* The unit the text to come starts with, the floats waiting there passed (they wait too),
 * or end (the comments' start) when it goes on inside a paragraph begun before: two lines
 * then start it. */
size_t
ink__text_next (lay_t *L, size_t end)
{
  size_t ui = L->cur_ui;
  if (L->cur_k > 0)
    return end;
  while (ui < end && L->units.v[ui].float_len)
    ui += L->units.v[ui].float_len;
  return ui;
}

/* The float at the head of the queue waits for the next column of this page (the flow at the
 * top of a column that is not the page's last, the text running on past this page): it fits
 * the column and leaves room for two lines under it, but the text's first unit with what it
 * keeps, after the float's space and its own, does not fit there (ink__text_starts). Only in
 * a whole column: under a float across the columns a picture is made smaller to let the text
 * in (ink__room_for_lines; held-ko-0 kiosk-7.5 set its chart alone over white in page 3's
 * first column, its subhead beside it, when the chart waited). Not the lead picture, whose
 * column is its own, nor a float across the columns (ink__place_span). */
bool
ink__top_float_waits (lay_t *L)
{
  size_t q = L->pending;
  if (q == NO_FLOAT || !L->col_empty || !ink__whole_column (L) || L->col + 1 >= L->ncols ||
      L->in_float || L->units.v[q].span || ink__lead_opens (L, q))
    return false;
  size_t end = ink__comments_start (L);
  size_t next = ink__text_next (L, end);
  int64_t h = ink__float_height (L, q), y = L->y;
  if (next >= end || !ink__float_fits (L, q, y, L->col_bottom) ||
      y + h + 2 * (int64_t) ink__text_step (L) > L->col_bottom || !ink__text_to_come (L, h))
    return false;
  int64_t at = y + h + L->units.v[next].space_before;
  return at > L->col_bottom || !ink__text_starts (L, next, (int32_t) at);
}
