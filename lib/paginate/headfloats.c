/* paginate/headfloats: floats after a head go before it in a column of floats.
 *
 * A subhead (or a comment's author) followed by floats in the columns, then its text, keeps
 * the floats and the text's first lines under it (flow.c, keeps_fit). In a column that holds
 * floats only, breaking before the head would leave the floats above it alone, so the keep
 * asks there only that the first float fit under the head: the head went in over the
 * floats, and its text went on in the next column, the head stranded at the foot of a column
 * of floats (random seed 219: a related box, a subhead, two related boxes, then a paragraph
 * of three lines). A make-up editor sets the floats first, in the column of floats, and the
 * head at the next column's top over its text: floats belong to the story as a whole, not
 * to the text under one head. So the run of floats after the head is moved before it (the
 * units change places) when they all fit under the floats of the column, and the flow takes
 * them up again in their new order. When some do not, they would open the next column over
 * the head, which then may not keep its text there either (seed 219 itself, its last
 * related box too tall for the room left): the head stays where it is.
 *
 * Floats after a head too tall with the text's first lines for any column (random seed 210
 * on reader-6: a subhead, a pull quote of six lines, a related box and another quote, then
 * its paragraph) go before it too, in any column: breaking before the head gains nothing
 * there, and kept over its first float the head ended the page with its text on the next.
 * Those that fit go in here, the rest open the next column, and the head follows them over
 * its text: a make-up editor sets the floats first and the head with its lines after them. */
#include "layout-internal.h"

/* The end of the run of floats in the columns that starts at unit f; f when there is none. */
size_t
ink__column_floats_end (const lay_t *L, size_t f)
{
  size_t e = f;
  while (e < L->units.n && L->units.v[e].float_len && !L->units.v[e].span)
    e += L->units.v[e].float_len;
  return e;
}

/* The end of the run of floats after head unit ui that may go before it: past unit ui + 1
 * when there is one, running text follows it (the head heads text), and no pull quote in it
 * would so come before the article's first text (it quotes what is yet to be read); ui + 1
 * when not, nor when the run reaches past the units built so far (a page at a time,
 * pager.c) or to the article's end. */
static size_t
movable_floats_end (const lay_t *L, size_t ui)
{
  size_t e = ink__column_floats_end (L, ui + 1);
  if (e == ui + 1 || e >= L->units.n || !ink__running_at (L, e))
    return ui + 1;
  bool text_before = ink__text_within (L, 0, ui);
  for (size_t f = ui + 1; f < e; f += L->units.v[f].float_len)
    if (ink__is_quote (L, f) && !text_before)
      return ui + 1;
  return e;
}

/* Head unit ui, met in a column of floats alone whose foot cannot take it with the floats
 * after it and its text's first lines, has those floats moved before it, where they all fit
 * and no float waits (they would queue behind it): true when it did (the flow then takes up
 * unit ui again, now the first float). Not on a page of one column: its next column is the
 * next page, and the floats moved ahead there push the head's last float past the end of
 * the text (seed 219 on reader-6). */
bool
ink__floats_before_head (lay_t *L, size_t ui)
{
  size_t e = movable_floats_end (L, ui);
  if (L->ncols < 2 || e == ui + 1)
    return false;
  int64_t y = L->y;
  for (size_t f = ui + 1; f < e; f += L->units.v[f].float_len) {
    int64_t at = y + L->units.v[f].space_before;
    if (!ink__float_fits (L, f, at, L->col_bottom))
      return false;
    y = at + ink__float_height (L, f);
  }
  ink__units_rotate (L, ui, ui + 1, e);
  return true;
}

/* Head unit ui, whose floats and text's first lines fit under it in no column, has the
 * floats after it moved before it (those that do not fit here wait for the next column, and
 * the head follows them): true when it did, the flow then taking up unit ui again. */
bool
ink__tall_floats_before_head (lay_t *L, size_t ui)
{
  size_t e = movable_floats_end (L, ui);
  if (e == ui + 1)
    return false;
  ink__units_rotate (L, ui, ui + 1, e);
  return true;
}
