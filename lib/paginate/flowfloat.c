/* paginate/flowfloat: a float met in the flow of the columns: placed where the text reaches
 * it when it fits there without starving the text or leaving a hole over the column's foot,
 * else queued to wait for the next column (or, one across the columns, for a page's top). The
 * flow of the text itself is flow.c's. */
#include "layout-internal.h"

/* The float at unit ui fits under the column's text from y (its space above included), but
 * the text after it then does not: a subhead with the lines it keeps, or a paragraph's first
 * lines, which would start here were the float not in the way. Set here, the float would
 * stand over a column that ends two line steps or more short, the text going on in the next
 * column (column-hole: river-recovery kiosk-10.3 p4, a related link under the text and 3.3
 * steps of white over it). It waits for the next column's top instead (the top of a column
 * may part a paragraph's halves), and the text fills this one. Pull quotes are left to
 * quotes.c: at the raised column feet a page's make-up tries, kobe-port.ja kiosk-7.5's waited
 * so, and the setting chosen left a hole over a related link in the last column. */
static bool
float_leaves_hole (lay_t *L, size_t ui, int64_t y)
{
  size_t next = ui + L->units.v[ui].float_len;
  if (L->col + 1 >= L->ncols || L->col_empty || ink__is_quote (L, ui) ||
      next >= ink__comments_start (L) ||
      L->units.v[next].float_len || L->units.v[next].kind != U_PARA)
    return false;
  int64_t under = y + ink__float_height (L, ui);
  /* a subhead gives up to half its space above to keep its lines (subhead_closer) */
  int32_t gap = L->units.v[next].space_before;
  int32_t least = ink__heads_text (&L->units.v[next]) ? gap - gap / INK_SUBHEAD_GIVE_DIV : gap;
  return L->col_bottom - under >= 2 * (int64_t) ink__text_step (L) &&
         !ink__text_starts (L, next, (int32_t) (under + least)) &&
         ink__text_starts (L, next, L->y + gap);
}

/* On a page of one column, the float at unit ui set here would leave the paragraph after it
 * no room under it, measured on the paragraph's grid: a paragraph kept whole (too few lines
 * to part) would go on to the next page, and vertical justification let the float down to
 * the foot under the white (column-hole: quay-steps on reader-6, a pull quote under 3.9 line
 * steps of white, the next paragraph of three lines on the page after). When that paragraph
 * and then the float (its space after left out at the foot, ink__float_fits) both fit the
 * column, the float waits for it and goes in under it (ink__flow_range), more text following. */
static bool
float_after_next (lay_t *L, size_t ui, int64_t y)
{
  size_t next = ui + L->units.v[ui].float_len, end = ink__comments_start (L);
  if (L->ncols != 1 || L->col_empty || next >= end)
    return false;
  const unit_t *n = &L->units.v[next];
  if (n->float_len || n->kind != U_PARA || !n->p || n->keep_with_next || ink__unit_splits (L, n) ||
      (n->p->role != INK_ROLE_BODY && n->p->role != INK_ROLE_LIST) ||
      !ink__text_within (L, next + 1, end))
    return false;
  int32_t under = ink__on_grid (L, n->p, (int32_t) (y + ink__float_height (L, ui)) + n->space_before);
  int64_t top = ink__on_grid (L, n->p, L->y + n->space_before);
  int64_t foot = top + ink__unit_height (n, SIZE_MAX) + n->space_after;
  return !ink__text_starts (L, next, under) && foot <= L->col_bottom &&
         ink__float_fits (L, ui, foot + L->units.v[ui].space_before, L->col_bottom);
}

/* The table or picture across the columns at unit ui, met at the top of a page's columns
 * under a float across them placed there already, goes under it when it leaves two lines of
 * text under it: waiting for the next page's top would set it a page or more after its text,
 * past the text that follows it (a wide table under the pull quote that opens the page). A
 * pull quote never goes right under another float across the columns. */
static bool
span_goes_under (lay_t *L, size_t ui)
{
  if (ink__is_quote (L, ui))
    return false;
  int64_t under = ink__has_text (L) ? 2 * (int64_t) ink__text_step (L) : 0;
  return (int64_t) L->col_top + ink__float_height (L, ui) + under <= L->bottom;
}

/* The float across the columns at unit *ui, met in the flow: placed at the top of a page,
 * else waiting for the next page's; when one waits already, the column breaks to a new page
 * and *ui moves back one, to be flowed again there. */
static ink_status_t
flow_span (lay_t *L, size_t *ui)
{
  ink_status_t st;
  bool top = L->col == 0 && L->col_empty && L->pending_span == NO_FLOAT;
  if (top && (!ink__span_on_page (L) || span_goes_under (L, *ui))) {
    /* At the top of a page: across the columns, here. */
    L->pending_span = *ui;
    if ((st = ink__place_span (L)) != INK_OK)
      return st;
  } else if (L->pending_span == NO_FLOAT) {
    L->pending_span = *ui;   /* under one placed here already it would stack: next page */
  } else {
    /* One float across the columns waits already: this one starts the next page. */
    L->col = L->ncols;
    if ((st = ink__column_break (L)) != INK_OK)
      return st;
    (*ui)--;
    return INK_OK;
  }
  *ui += L->units.v[*ui].float_len - 1;
  /* A page that starts before the next unit is reached must not start with the float
   * again: it waits, and is placed from the waiting slot. */
  L->cur_ui = *ui + 1;
  L->cur_k = 0;
  return INK_OK;
}

/* Whether unit ui, a float or not, fits in the column at before under the flow's place.
 * Under the head or a float across the columns, or under floats alone, a float that would
 * leave the column no room for the text to come does not fit either (floats never starve
 * the body); but the lead picture, sized to the room under the head (leadcol.c), comes
 * before the text. */
static bool
fits_here (lay_t *L, size_t ui, int32_t before)
{
  int64_t y = (int64_t) L->y + before;
  bool whole = L->col_empty && ink__whole_column (L);
  if (!L->units.v[ui].float_len || whole || (ui == 0 && L->lead_in_column && !L->lead_waits))
    return true;
  if (ink__floats_only (L))
    return ink__float_leaves_text (L, ui, y, L->col_bottom);
  return ink__float_fits (L, ui, y, L->col_bottom) && !float_leaves_hole (L, ui, y) &&
         !float_after_next (L, ui, y);
}

/* Unit *ui if it is a float: one across the columns waits for the top of a page (or goes
 * there now), one that does not fit this column waits for the next. *ui moves to its last
 * unit (or back one, to be flowed again after a page break); *taken says it was a float. */
ink_status_t
ink__flow_float (lay_t *L, size_t *ui, int32_t before, bool *taken)
{
  ink_status_t st;
  const unit_t *u = &L->units.v[*ui];
  *taken = true;
  if (u->float_len && !L->in_float && u->placed_page != SIZE_MAX && (u->span || u->early)) {
    /* Placed already: one across the columns at the top of an earlier column area, one
     * that waited for its page from its start (floatpull.c). */
    *ui += u->float_len - 1;
    L->cur_ui = *ui + 1;
    return INK_OK;
  }
  bool waits;
  if ((st = ink__keep_quote_order (L, *ui, &waits)) != INK_OK)
    return st;
  u = &L->units.v[*ui];
  bool narrowed = false;
  if (u->float_len && u->span && !L->in_float && L->pending_span == NO_FLOAT &&
      !(L->col == 0 && L->col_empty && !ink__span_on_page (L))) {
    /* Met below a page's top with another pull quote to come on this page: in the columns. */
    if ((st = ink__narrow_before_quote (L, *ui, &narrowed)) != INK_OK)
      return st;
    u = &L->units.v[*ui];
  }
  if (u->float_len && u->span && !L->in_float && L->pending_span != NO_FLOAT &&
      L->pending_span != *ui) {
    /* One float across the columns waits already: this one, set at the column's width,
     * goes in the columns in its turn rather than stack on it at the next page's top. */
    if ((st = ink__narrow_float (L, *ui, &narrowed)) != INK_OK)
      return st;
    u = &L->units.v[*ui];
  }
  if (u->float_len && u->span && !L->in_float)
    return flow_span (L, ui);
  if (u->float_len && !u->span && (waits || ink__queue_float (L, *ui))) {
    /* One waits for the next column already: this one waits behind it, in reading order. */
    L->units.v[*ui].met_page = L->page;
    *ui += u->float_len - 1;
    L->cur_ui = *ui + 1;
    L->cur_k = 0;
    return INK_OK;
  }
  bool fits = fits_here (L, *ui, before);
  if (!fits && ink__lead_in_part (L, *ui, before)) {
    *taken = false;   /* the lead-in ends the column, its table opens the next (leadpart.c) */
    return INK_OK;
  }
  if (!fits && ink__table_turn (L, *ui, before)) {
    *taken = false;   /* the table turns the page after its first rows (tableturn.c) */
    return INK_OK;
  }
  if (u->float_len && !L->in_float && L->pending == NO_FLOAT &&
      (!fits || ink__quote_waits (L, *ui) || ink__widow_waits (L, *ui) ||
       (!L->col_empty && (ink__head_waits (L, *ui) || ink__list_waits (L, *ui) ||
                          ink__link_waits (L, *ui, before))))) {
    /* A float that does not fit waits for the next column, a pull quote that would go
     * right on another for the next paragraph, one inside a list for its end, a related
     * link that would take the room of the table's lead-in after it; the text goes
     * on here. Only a whole column takes one taller than itself: under the head, the text
     * goes first. */
    L->pending = *ui;
    L->units.v[*ui].met_page = L->page;
    *ui += u->float_len - 1;
    /* A page that starts before the next unit is reached must not start with the float
     * again: it waits, and is placed from the waiting slot. */
    L->cur_ui = *ui + 1;
    L->cur_k = 0;
    return INK_OK;
  }
  *taken = false;
  return INK_OK;
}
