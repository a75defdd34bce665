/* paginate/picroom: a picture in a column made smaller to make room, its caption set again
 * at its new width under it (fit_caption, flow.c).
 *
 * A picture that waits for the next column goes in at its top when it fits there as set
 * when placed, made smaller if need be (ink__picture_fits): else, under the head, it would
 * wait on past the column it fits, and go in after the end of the text that follows it
 * (eileen-collins print-a4 had its picture in the last column, after the story's end). A
 * float that waited since the page of its text has this page as its last: a picture it
 * waits behind, opening a whole column, is made smaller to leave it room there, and room
 * for the text to come to start under it (two lines, or its first unit with what it keeps)
 * when it can be made so small (ink__room_for_late). A
 * picture that has this page as its last follows the float placed before it made smaller
 * when at its full size it would not fit there (ink__late_picture_fits). A picture opening a
 * column with room under it for one line of the text to come, alone, is made smaller to
 * leave room for two, by at most the template's picture-shrink; one set under floats alone
 * at a column's top, or opening a column right under a float across a later page's top, to
 * leave the text room to start under it, by at most twice that (ink__room_for_lines). */
#include "layout-internal.h"

/* The body's line step: the grid's, or the body's leading off the grid. */
int32_t
ink__text_step (const lay_t *L)
{
  return L->grid > 0 ? L->grid : PX (L->t->styles[INK_ROLE_BODY].leading_px);
}

/* The most lines of the text to come a column's foot is asked to leave room for, so that it
 * starts there with what it keeps (a list's lead-in and its first item, a subhead and the two
 * lines after it). */
#define TEXT_START_MOST 4

/* The room the text to come needs at a column's foot to start there: two lines, or its first
 * unit with what it keeps (ink__text_starts) when that takes more, up to TEXT_START_MOST
 * lines (a start that needs more is left to wait, as before). */
static int64_t
text_start (lay_t *L)
{
  int64_t step = ink__text_step (L);
  size_t end = ink__comments_start (L), ui = ink__text_next (L, end);
  if (ui >= end)
    return 2 * step;
  for (int n = 2; n <= TEXT_START_MOST; n++)
    if (ink__text_starts (L, ui, (int32_t) (L->col_bottom - n * step)))
      return n * step;
  return 2 * step;
}

/* Whether the picture at unit p, opening the column, can be made small enough to leave need
 * under it (*shrinks). */
static ink_status_t
picture_leaves (lay_t *L, size_t p, int64_t need, bool *shrinks)
{
  *shrinks = false;
  if (need >= L->col_bottom - L->y)
    return INK_OK;
  return ink__picture_shrinks (L, p, need, shrinks);
}

/* How many times the template's picture-shrink a picture under other floats may be made
 * smaller by to let the text into its column: a column of floats alone is worse than a
 * smaller picture. */
#define UNDER_SHRINK 2

/* The picture at unit p, its caption under it, cannot be made small enough to leave
 * with_text (the late float and the text's start) under it: its caption is set beside it
 * (*beside, ink__side_leaves) when it then leaves that room and stands no smaller than it
 * would else be set (made smaller with its caption under it to leave the late float alone
 * room, need; room: what it leaves at its size; or at its size when it cannot be) by more
 * than a picture under floats may be made smaller to let the text in (UNDER_SHRINK times
 * the template's picture-shrink). A smaller one would buy the text its room too dearly
 * (corran-spaceport kiosk-7.5 set its shuttle commander at 100 px of 166, and ended on a
 * page of two lines; orchard-frost reader-6 its picture at 450 px of 749). Not the lead
 * picture that waited for page 2: held-out obit-harbourmaster-ferrand on reader-6 then took
 * text onto its page 2 but ended on a page of its related link alone. */
static ink_status_t
side_instead (lay_t *L, size_t p, int64_t room, int64_t need, int64_t with_text, bool *beside)
{
  int32_t under = L->units.v[p].h;
  bool shrinks = false;
  ink_status_t st = INK_OK;
  *beside = false;
  if (L->units.v[p].block < 0)
    return INK_OK;   /* the lead picture: leadcol.c sets its size and its caption's place */
  if (room < need && (st = ink__picture_shrunk (L, p, need, &shrinks, &under)) != INK_OK)
    return st;
  int64_t set = shrinks ? under : L->units.v[p].h;
  int64_t smallest = set - set * L->t->picture_shrink * UNDER_SHRINK / 100;
  return ink__side_leaves (L, p, with_text, (int32_t) smallest, beside);
}

/* How far the column's foot is raised while the picture at unit p, the first of the queue,
 * opens a whole column (*raise): the next in the queue, when it has waited since a page
 * before this (its text's), has this page as its last, and the picture is made smaller to
 * leave it room under it, when fit_caption (flow.c) can make it so small with its caption
 * set again at the narrower width under it (ink__picture_shrinks); 0 otherwise. Else the
 * caption would part from the picture, which is worse than a late float (corran-spaceport
 * reader-6 had half a caption on a page of its own). Where the picture cannot be made so
 * small with its caption under it, its caption may go beside it (side_instead). On a page of
 * one column the float needs no room for the space after it (ink__float_fits). */
ink_status_t
ink__room_for_late (lay_t *L, size_t p, int32_t *raise)
{
  size_t q = L->pending;
  *raise = 0;
  if (q == NO_FLOAT || L->units.v[p].kind != U_IMAGE || !L->col_empty ||
      !ink__whole_column (L) || L->units.v[q].met_page >= L->page)
    return INK_OK;
  size_t last = q + L->units.v[q].float_len - 1;
  int64_t tail = L->ncols == 1 && last < L->units.n ? L->units.v[last].space_after : 0;
  int64_t need = (int64_t) L->units.v[q].space_before + ink__float_height (L, q) - tail;
  /* Room for the text to come to start under it too, when the picture can be made so small
   * (floats never starve the body); else room for the float alone. */
  int64_t start = text_start (L), with_text = need + tail + start;
  int64_t ample = need + tail + ink__text_under_box (L, q, start);
  int64_t room = (int64_t) L->col_bottom - L->y - ink__float_height (L, p);
  ink_status_t st = INK_OK;
  bool shrinks = false;
  if (room < ample && ample > with_text && ink__text_to_come (L, ink__float_height (L, p) + need))
    st = picture_leaves (L, p, ample, &shrinks);   /* the text as much room as it (picquote.c) */
  if (shrinks) {
    *raise = (int32_t) ample;
    return st;
  }
  if (st == INK_OK && room < with_text && ink__text_to_come (L, ink__float_height (L, p) + need))
    st = picture_leaves (L, p, with_text, &shrinks);
  if (shrinks) {
    *raise = (int32_t) with_text;
    return st;
  }
  bool beside = false;
  if (st == INK_OK && room < with_text && ink__text_to_come (L, ink__float_height (L, p) + need))
    st = side_instead (L, p, room, need, with_text, &beside);
  if (beside)
    return st;
  if (st != INK_OK || room >= need)
    return st;
  st = picture_leaves (L, p, need, &shrinks);
  *raise = shrinks ? (int32_t) need : 0;
  return st;
}

/**
 * ink__picture_least:
 * @L: the layout, the flow where picture unit @ui would go
 * @ui: the picture's unit
 * @h: its height at full size
 *
 * The least height fit_caption (flowbox.c) may make the picture to keep its caption with it
 * where the flow is. Opening a column that ends at the frame's foot (under the head, on a
 * small page, the next column's top is no better), a third; the lead picture that waited for
 * its column, and one opening a column set to end higher (a page balanced or evened, whose
 * columns may be set longer), its floor (INK_PICTURE_FLOOR): a chart made a third of its size
 * to balance a last page's short columns could not be read (held-out held-ja-1.ja
 * kiosk-10.3, 258 px of a 600 px column, the page under it empty). Under text
 * or floats it moves to the next column rather than shrink past the template's
 * picture-shrink, or twice that under floats alone at a whole column's top
 * (ink__room_for_lines): a held-out chart under a pull quote was set at 54 % of its size.
 *
 * Return value: the least height, in pixels.
 */
int64_t
ink__picture_least (const lay_t *L, size_t ui, int64_t h)
{
  if (ink__lead_opens (L, ui) || (L->col_empty && L->col_bottom < L->bottom))
    return h * INK_PICTURE_FLOOR / 1000;
  if (L->col_empty)
    return h / 3;
  int64_t most = L->t->picture_shrink;
  if (ink__whole_column (L) && ink__floats_only (L))
    most *= UNDER_SHRINK;
  return most >= 100 ? 0 : h * (100 - most) / 100;
}

/* The room a column's foot must leave under a float (its space after it counted in its
 * height) for lines of the text need tall: on a grid, down to the grid line from which they
 * fit, since a line below the float's foot goes on the next grid line (short of that, one
 * line would stand alone under it). */
static int64_t
grid_room (const lay_t *L, int64_t need)
{
  int64_t height = (int64_t) L->col_bottom - L->col_top - need;
  if (L->grid <= 0 || height < 0)
    return need;
  return (int64_t) L->col_bottom - (L->col_top + height / L->grid * L->grid);
}

/* The flow is at the top of a column of a page after the first, right under a float across
 * the columns (which waits for a page's top): every column of the page starts there, so the
 * next column's top is no better place for a picture that has already waited from the page
 * of its text, and a column holding it alone holds floats alone. */
static bool
opens_under_span (const lay_t *L)
{
  return L->col_empty && L->y == L->col_top && L->page > 0 && ink__span_on_page (L);
}

/* The column before this one in reading order (the page before's last, for a page's first)
 * ends within two line steps of its foot: the text filled it, and went on past the picture
 * that waited, to a head that did not fit under its last line. */
static bool
column_before_full (const lay_t *L)
{
  size_t page = L->page;
  unsigned c = L->col;
  if (c > 0)
    c--;
  else if (page > 0) {
    page--;
    c = L->ncols - 1;
  } else
    return false;
  const ink__page_t *pg = &L->doc->pages.v[page];
  unsigned v = L->rtl ? L->ncols - 1 - c : c;
  int32_t x0 = L->left + (int32_t) v * (L->colw + L->gutter), x1 = x0 + L->colw;
  int64_t low = INT64_MIN;
  for (size_t i = 0; i < pg->nl; i++) {
    const ink__lrec_t *l = &L->doc->lines.v[pg->l0 + i];
    if (l->block >= 0 && l->x < x1 && l->x + l->w > x0 && (int64_t) l->y + l->h > low)
      low = (int64_t) l->y + l->h;
  }
  return low != INT64_MIN && L->bottom - low < 2 * (int64_t) ink__text_step (L);
}

/* How far the column's foot is raised while the picture at unit p opens a whole column
 * (*raise): when the text that follows it runs on past the column and, the picture at its
 * size, only one line of it would go in under it (alone under a picture, its paragraph going
 * on in the next column, with white around it, a line a make-up editor never leaves there),
 * the picture is made smaller to leave room for two: by at most the template's
 * picture-shrink of its height, so that a chart stays readable, and only when fit_caption
 * (flowbox.c) can make it so small with its caption set again under it. A picture set under
 * other floats at a column's top (a pull quote that waited with it) is made smaller so even
 * when no line at all would go in under it: the column would hold floats alone while the
 * text goes on (ferry-yard and quarry-road reader-6 stacked a quote and a chart on page 2,
 * the text kept out to page 3), and so is one opening a column right under a float across a
 * later page's top (opens_under_span). 0 otherwise. */
ink_status_t
ink__room_for_lines (lay_t *L, size_t p, int32_t *raise)
{
  const unit_t *u = &L->units.v[p];
  bool spanned = u->met_page < L->page && opens_under_span (L);
  bool under = (!L->col_empty && ink__floats_only (L)) || spanned;
  int32_t before = L->col_empty ? 0 : u->space_before;
  int64_t step = ink__text_step (L), h = ink__float_height (L, p);
  int64_t room = (int64_t) L->col_bottom - L->y - before - h;
  /* room for the text to come to start: under floats, or after a full column when the text
   * keeps more than two lines at its start (a subhead and its lines), all it keeps */
  int64_t start = text_start (L);
  bool keeps = under || (start > 2 * step && column_before_full (L));
  int64_t need = grid_room (L, keeps ? start : 2 * step);
  int64_t most = (int64_t) L->t->picture_shrink * (under ? UNDER_SHRINK : 1);
  *raise = 0;
  if (u->kind != U_IMAGE || !(L->col_empty || under) || !(ink__whole_column (L) || spanned) ||
      (room < step && !under) || room >= need ||
      (need - room) * 100 > (int64_t) u->h * most ||
      !ink__text_to_come (L, before + h))
    return INK_OK;
  bool shrinks = false;
  int32_t smaller, y = L->y;
  L->y += before;
  ink_status_t st = ink__picture_shrunk (L, p, need, &shrinks, &smaller);
  L->y = y;
  /* Its caption set narrower grows taller: the picture's floor holds as it is made. */
  if (shrinks && (int64_t) (u->h - smaller) * 100 <= (int64_t) u->h * most)
    *raise = (int32_t) need;
  return st;
}

/**
 * ink__picture_fits:
 * @L: the layout, the flow at the top of a column
 * @q: the first unit of the float at the head of the queue
 * @fits: (out): whether it fits the column from its top: as it is, or, a picture, made
 *   smaller by fit_caption (flow.c) with its caption set again under it, as it would be
 *   when placed there
 *
 * Return value: INK_OK, or the error that stopped it.
 */
ink_status_t
ink__picture_fits (lay_t *L, size_t q, bool *fits)
{
  int32_t before = L->col_empty ? 0 : L->units.v[q].space_before;
  *fits = ink__float_fits (L, q, (int64_t) L->y + before, L->col_bottom);
  if (*fits || before || L->units.v[q].kind != U_IMAGE)
    return INK_OK;
  return ink__picture_shrinks (L, q, 0, fits);
}

/**
 * ink__late_picture_fits:
 * @L: the layout, the flow under a float just placed
 * @q: the first unit of the float at the head of the queue
 * @fits: (out): it is a picture that has waited since the page of its text (this page is
 *   its last) and fits under the flow made smaller by fit_caption (flow.c), its caption set
 *   again under it, as it would be when placed there. Else it would wait for the page after
 *   (kiel-faehren.de reader-6 set its picture two pages after its text, under a pull quote
 *   that left it a few pixels short).
 *
 * Return value: INK_OK, or the error that stopped it.
 */
ink_status_t
ink__late_picture_fits (lay_t *L, size_t q, bool *fits)
{
  const unit_t *u = &L->units.v[q];
  int32_t before = L->col_empty ? 0 : u->space_before;
  *fits = false;
  if (u->kind != U_IMAGE || u->met_page >= L->page ||
      (int64_t) L->y + before + u->h > L->col_bottom)
    return INK_OK;
  int32_t y = L->y;
  L->y += before;
  ink_status_t st = ink__picture_shrinks (L, q, 0, fits);
  L->y = y;
  return st;
}
