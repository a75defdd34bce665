/* paginate/flowbox: a unit that is not a paragraph placed in the flow (flow.c): a space, a
 * rule, a page break, a table's row or a picture, the picture made smaller so that its
 * caption (set at the picture's width) stays with it in the column and ends on the grid. */
#include "layout-internal.h"

/* The unit after picture unit ui's caption and credit (its paragraphs of its block, before
 * end): ui + 1 when it has none. */
static size_t
caption_end (const lay_t *L, size_t ui, size_t end)
{
  size_t j = ui + 1;
  while (j < end && L->units.v[j].kind == U_PARA && L->units.v[j].block == L->units.v[ui].block)
    j++;
  return j;
}

/* The caption and credit of picture unit ui set again at the picture's width w, centred
 * under it; *height their height with the space around them. */
static ink_status_t
caption_at (lay_t *L, size_t ui, size_t end, int32_t w, int64_t *height)
{
  ink_status_t st;
  *height = 0;
  for (size_t j = ui + 1, last = caption_end (L, ui, end); j < last; j++) {
    unit_t *c = &L->units.v[j];
    if ((st = ink__set_para_measure (L, c->p, w)) != INK_OK)
      return st;
    c->x_off = c->p->x_off = (L->colw - w) / 2;
    *height += (int64_t) c->space_before + c->space_after + ink__unit_height (c, SIZE_MAX);
  }
  return INK_OK;
}

/* The height of the caption and credit of picture unit ui as set, with the space around
 * them. */
static int64_t
caption_height (const lay_t *L, size_t ui, size_t end)
{
  int64_t height = 0;
  for (size_t j = ui + 1, last = caption_end (L, ui, end); j < last; j++) {
    const unit_t *c = &L->units.v[j];
    height += (int64_t) c->space_before + c->space_after + ink__unit_height (c, SIZE_MAX);
  }
  return height;
}

/* The height of the caption and credit of picture unit ui at the picture's width w, with the
 * space around them, as caption_at gives it; their lines may be left set at w or as they were
 * (ink__para_height_at). */
static ink_status_t
caption_weighed (lay_t *L, size_t ui, size_t end, int32_t w, int64_t *height)
{
  ink_status_t st;
  *height = 0;
  for (size_t j = ui + 1, last = caption_end (L, ui, end); j < last; j++) {
    unit_t *c = &L->units.v[j];
    int32_t h;
    if ((st = ink__para_height_at (L, c->p, w, &h)) != INK_OK)
      return st;
    *height += (int64_t) c->space_before + c->space_after + h;
  }
  return INK_OK;
}

/* A picture that would leave no room for its caption in the column is made smaller (down to
 * ink__picture_least), so that they stay together; its caption is weighed again at its new
 * width, and the picture made smaller again while the narrower caption grows taller. The
 * caption is left as it was or at one of the widths weighed: caption_at sets it. */
static ink_status_t
fit_weighed (lay_t *L, size_t ui, size_t end, int32_t *w, int32_t *h)
{
  const unit_t *u = &L->units.v[ui];
  int32_t w0 = *w, h0 = *h;
  int64_t least = ink__picture_least (L, ui, h0);
  int64_t cap;
  ink_status_t st;
  for (int pass = 0; pass < 4; pass++) {
    if ((st = caption_weighed (L, ui, end, *w, &cap)) != INK_OK)
      return st;
    int64_t room = (int64_t) L->col_bottom - L->y - u->space_after - cap;
    if (*h <= room || room < least || h0 <= 0)
      return INK_OK;
    *w = (int32_t) ((int64_t) w0 * room / h0);
    *h = (int32_t) room;
  }
  return INK_OK;
}

/* fit_weighed, the caption then set at the width chosen (caption_at). */
static ink_status_t
fit_caption (lay_t *L, size_t ui, size_t end, int32_t *w, int32_t *h)
{
  int64_t cap;
  ink_status_t st = fit_weighed (L, ui, end, w, h);
  return st == INK_OK ? caption_at (L, ui, end, *w, &cap) : st;
}

/* How far under the last baseline of picture unit ui's caption and credit they end, with
 * the space after them; -1 when they hold no line. */
static int32_t
caption_tail (const lay_t *L, size_t ui, size_t end)
{
  size_t last = caption_end (L, ui, end) - 1;
  const unit_t *c = &L->units.v[last];
  if (last == ui || !c->p->para.lines.n)
    return -1;
  const ink__line_t *ln = &c->p->para.lines.v[c->p->para.lines.n - 1];
  return c->space_after + ink__line_height (c->p, ln) - ink__line_baseline (c->p, ln);
}

/* The lowest baseline of the page's grid on which a body line fits in the column; -1 off
 * the grid. */
static int64_t
last_grid_baseline (const lay_t *L)
{
  if (L->grid <= 0)
    return -1;
  int64_t k = ((int64_t) L->col_bottom - L->col_top) / L->grid - 1;
  return k < 0 ? -1 : (int64_t) L->col_top + k * L->grid + L->grid_base;
}

/* The most a picture is made smaller to end its caption on the grid: thousandths of its
 * height. */
#define INK_GRID_SHRINK_MOST 200

/* A picture whose caption ends below the column's last grid baseline, the picture fitting,
 * ends the column (no body line fits under it) off the grid, while a full column of text
 * beside it ends on that baseline: the picture is made smaller (by INK_GRID_SHRINK_MOST at
 * most, and never under its floor, INK_PICTURE_FLOOR) so that its caption's last line stands
 * on that baseline, its caption set again at the new width; else it stays as it is. */
static ink_status_t
caption_on_grid (lay_t *L, size_t ui, size_t end, int32_t *w, int32_t *h)
{
  const unit_t *u = &L->units.v[ui];
  int32_t tail = caption_tail (L, ui, end), w1 = *w, h1 = *h, bottom = L->col_bottom;
  int64_t grid = last_grid_baseline (L), cap;
  int64_t foot = (int64_t) L->y + *h + u->space_after + caption_height (L, ui, end);
  if (tail < 0 || grid < 0 || *h <= 0 || foot > L->col_bottom || foot - tail <= grid)
    return INK_OK;
  L->col_bottom = (int32_t) (grid + tail);
  ink_status_t st = fit_caption (L, ui, end, &w1, &h1);
  L->col_bottom = bottom;
  if (st != INK_OK)
    return st;
  foot = (int64_t) L->y + h1 + u->space_after + caption_height (L, ui, end);
  if (foot - caption_tail (L, ui, end) <= grid &&
      (int64_t) (*h - h1) * 1000 <= (int64_t) *h * INK_GRID_SHRINK_MOST &&
      (int64_t) h1 * 1000 >= (int64_t) u->h * INK_PICTURE_FLOOR) {
    *w = w1, *h = h1;
    return INK_OK;
  }
  return caption_at (L, ui, end, *w, &cap);
}

/* Whether the picture at unit ui, its caption under it, opening the column at L->y, can be
 * made small enough (fit_caption) to leave need under it (*shrinks), and the height it then
 * has (*height, nullable); its caption is set at the picture's full width again after. */
ink_status_t
ink__picture_shrunk (lay_t *L, size_t ui, int64_t need, bool *shrinks, int32_t *height)
{
  const unit_t *u = &L->units.v[ui];
  size_t end = ui + (u->float_len ? u->float_len : 1);
  int32_t w = u->w, h = u->h, col_bottom = L->col_bottom;
  int64_t cap;
  *shrinks = false;
  if (height)
    *height = h;
  if (need >= (int64_t) L->col_bottom - L->y)
    return INK_OK;
  L->col_bottom = (int32_t) (L->col_bottom - need);
  ink_status_t st = fit_weighed (L, ui, end, &w, &h);
  L->col_bottom = col_bottom;
  if (st == INK_OK)
    st = caption_weighed (L, ui, end, w, &cap);
  *shrinks = st == INK_OK && (int64_t) L->y + h + u->space_after + cap <= col_bottom - need;
  if (height)
    *height = h;
  return st == INK_OK ? caption_at (L, ui, end, u->w, &cap) : st;
}

/* Whether the picture at unit ui can be made small enough to leave need under it
 * (ink__picture_shrunk). */
ink_status_t
ink__picture_shrinks (lay_t *L, size_t ui, int64_t need, bool *shrinks)
{
  return ink__picture_shrunk (L, ui, need, shrinks, NULL);
}

/* Unit u if it takes no room of its own: a space, a rule opening a column or a page break
 * (*done), else nothing (a rule in the column, a table's row or a picture). */
static ink_status_t
flow_mark (lay_t *L, const unit_t *u, bool *done)
{
  *done = true;
  if (u->kind == U_SPACE) {
    if (!L->col_empty)
      L->y += u->h;
    return INK_OK;
  }
  if (u->kind == U_RULE && L->col_empty) {
    /* A rule opening a column would double the edge above it (a spanning float's rule,
     * the head's): left out. */
    return INK_OK;
  }
  if (u->kind == U_PAGE) {
    if (L->col != 0 || !L->col_empty) {
      L->col = L->ncols;
      L->break_chars = L->doc->overflow_chars;
      L->break_blocks = L->doc->overflow_blocks;
      ink_status_t st = ink__column_break (L);
      L->at_break = L->full;
      return st;
    }
    return INK_OK;
  }
  *done = false;
  return INK_OK;
}

/* Row, picture or rule unit u drawn at x, L->y, w by h (a picture centred in the column). */
static ink_status_t
emit_box (lay_t *L, const unit_t *u, int32_t x, int32_t w, int32_t h)
{
  if (u->kind == U_ROW)
    return ink__emit_row (L, u, x, L->y);
  if (u->kind == U_IMAGE && (u->side[0] || u->side[1]))
    return ink__emit_side (L, u, x, w, h);
  if (u->kind == U_IMAGE)
    return ink__emit_box (L, INK_ITEM_IMAGE, u->image, x + (L->colw - u->x_off - w) / 2, L->y,
                          w, h, 0, u->block);
  return ink__emit_rule (L, x, L->y, w, h);
}

/* A unit that is not a paragraph: a space, a rule, a page break, a table's row or a picture.
 * When the column breaks before it, *again says to flow it again. */
ink_status_t
ink__flow_box (lay_t *L, size_t ui, size_t end, int32_t before, bool *again)
{
  const unit_t *u = &L->units.v[ui];
  bool done;
  *again = false;
  ink_status_t st = flow_mark (L, u, &done);
  if (st != INK_OK || done)
    return st;
  int32_t need = u->kind == U_ROW ? ink__row_height (L, u) : u->h;
  if (u->kind == U_ROW)
    before = ink__row_top (L, u, L->y + before) - L->y;
  int32_t bottom = L->col_bottom + ink__row_slack (u);
  if (L->y + before + need > bottom && !L->col_empty) {
    *again = true;
    return ink__column_break (L);
  }
  L->y += before;
  int32_t x = ink__col_x (L) + u->x_off;
  int32_t w = u->w, h = need;
  int64_t cap = 0;
  /* The lead picture under the head is set at the size leadcol.c chose, never smaller; the
   * one that waited opens the next page's first column (ink__lead_opens). */
  bool lead = ui == 0 && L->lead_in_column && !L->lead_waits;
  if (u->kind == U_IMAGE && ui + 1 < end && L->units.v[ui + 1].kind == U_PARA &&
      L->units.v[ui + 1].block == u->block) {
    if (!lead && ((st = fit_caption (L, ui, end, &w, &h)) != INK_OK ||
                  (st = caption_on_grid (L, ui, end, &w, &h)) != INK_OK))
      return st;
    cap = u->space_after + caption_height (L, ui, end);
  }
  bool whole = L->col_empty && (ink__whole_column (L) || lead || ink__lead_opens (L, ui));
  if (u->kind == U_IMAGE)   /* a caption beside the picture, taller than it made smaller */
    cap += ink__side_height (L, u) > h ? ink__side_height (L, u) - h : 0;
  if ((int64_t) L->y + h + cap > bottom && !whole) {
    /* A picture goes with its caption: where both do not fit, it goes to the next column.
     * An empty column under the head or a float that cannot hold even a third of the
     * picture is passed by; only a whole empty column takes one taller than itself, its
     * caption going on in the next column (a keep let through). */
    L->y -= before;
    *again = true;
    return ink__column_break (L);
  }
  if ((int64_t) L->y + h + cap > bottom)
    L->strained = true;
  if ((st = emit_box (L, u, x, w, h)) != INK_OK)
    return st;
  if (u->kind == U_IMAGE && ink__side_height (L, u) > h)
    h = ink__side_height (L, u);   /* the flow goes on under the taller */
  L->y += h + u->space_after;
  L->col_empty = false;
  L->widow_top = false;
  if (u->kind == U_IMAGE || (u->kind == U_ROW && ink__ends_table_float (L, ui)))
    L->float_above = true;
  return INK_OK;
}
