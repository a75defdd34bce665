/* paginate/floats: pull quotes, related boxes and figures that wait for the next column,
 * and floats set across all the columns at the top (or foot) of a page. */
#include "layout-internal.h"

/* Places the waiting float, if any, where the flow now is (the top of a column). */
ink_status_t
ink__place_pending (lay_t *L)
{
  if (L->pending == NO_FLOAT || L->full)
    return INK_OK;
  size_t p = L->pending;
  L->pending = NO_FLOAT;
  bool outer = L->in_float;
  size_t outer_end = L->float_end;
  L->in_float = true;
  L->float_end = p + L->units.v[p].float_len;
  L->float_counted = false;
  size_t cui = L->cur_ui, ck = L->cur_k;
  ink_status_t st = ink__flow_range (L, p, 0, L->float_end);
  L->in_float = outer;
  L->float_end = outer_end;
  L->cur_ui = cui;
  L->cur_k = ck;
  if (st == INK_OK && L->full && !L->float_counted)
    st = ink__count_overflow_range (L, p, 0, p + L->units.v[p].float_len);
  return st;
}

/* Places the float across the columns that waits for this page, at the top of its column
 * area; the columns then start below it. */
ink_status_t
ink__place_span (lay_t *L)
{
  if (L->pending_span == NO_FLOAT || L->full)
    return INK_OK;
  size_t p = L->pending_span;
  size_t end = p + L->units.v[p].float_len;
  int32_t need = ink__float_height (L, p);
  /* Below a head, a float that does not fit waits for the next page; at the top of a page it
   * goes in, and what runs past the bottom is counted as overflow. */
  if (L->col_top + need > L->bottom && L->col_top > L->top)
    return INK_OK;
  /* A second float across the columns waits for the next page's top. */
  L->pending_span = L->span_next;
  L->span_next = NO_FLOAT;
  L->units.v[p].placed_page = L->page;
  ink_status_t st = INK_OK;
  int32_t y = L->col_top;
  for (size_t i = p; i < end && st == INK_OK; i++) {
    const unit_t *u = &L->units.v[i];
    if (i > p)
      y += u->space_before;
    if (u->kind == U_RULE) {
      if (y + u->h > L->bottom)
        continue;
      st = ink__emit_box (L, INK_ITEM_RULE, NULL, L->left, y, u->w, u->h, 0, -1);
      y += u->h;
    } else if (u->kind == U_PARA) {
      for (size_t k = 0; k < u->p->para.lines.n && st == INK_OK; k++) {
        int32_t lh = ink__line_height (u->p, &u->p->para.lines.v[k]);
        if (y + lh > L->bottom) {
          st = ink__count_overflow_range (L, i, k, end);
          i = end;
          break;
        }
        st = ink__emit_line (L, u->p, k, L->left + u->x_off, y);
        y += lh;
      }
    }
    y += u->space_after;
  }
  if (y > L->bottom)
    y = L->bottom;
  L->col_top = y;
  L->y = y;
  L->col_empty = true;
  L->doc->pages.v[L->page].body_top = y;
  return st;
}

/* Height of the float that starts at unit ui: its units with the space between and after them. */
int32_t
ink__float_height (const lay_t *L, size_t ui)
{
  int64_t h = 0;
  const unit_t *u = &L->units.v[ui];
  for (size_t i = ui; i < ui + u->float_len && i < L->units.n; i++) {
    const unit_t *v = &L->units.v[i];
    h += (int64_t) (i > ui ? v->space_before : 0) + v->space_after + ink__unit_height (v, SIZE_MAX);
  }
  return h < INK_HEIGHT_MAX ? (int32_t) h : INK_HEIGHT_MAX;
}

/* A float across the columns still waiting when the text has ended goes under the last
 * page's columns, or on a page of its own when there is no room. */
ink_status_t
ink__finish_span (lay_t *L)
{
  if (L->pending_span == NO_FLOAT || L->full)
    return INK_OK;
  ink_document_t *doc = L->doc;
  const ink__page_t *pg = &doc->pages.v[L->page];
  int32_t bottom = L->col_top;
  for (size_t i = 0; i < pg->nl; i++) {
    const ink__lrec_t *l = &doc->lines.v[pg->l0 + i];
    if (l->y + l->h > bottom)
      bottom = l->y + l->h;
  }
  for (size_t i = 0; i < pg->ni; i++) {
    const ink__item_t *it = &doc->items.v[pg->i0 + i];
    if (it->kind != INK_ITEM_GLYPHS && it->y + it->h > bottom)
      bottom = it->y + it->h;
  }
  const unit_t *u = &L->units.v[L->pending_span];
  int32_t need = u->space_before + ink__float_height (L, L->pending_span);
  /* With a second one waiting, both must go under the columns, or the first goes on top. */
  int32_t need_next = L->span_next == NO_FLOAT ? 0 :
                      L->units.v[L->span_next].space_before + ink__float_height (L, L->span_next);
  if ((int64_t) bottom + need + need_next <= L->bottom) {
    ink__page_t *P = &doc->pages.v[L->page];
    int32_t top = P->body_top;
    L->col_top = bottom + u->space_before;
    P->body_bottom = bottom;
    ink_status_t st = ink__place_span (L);
    P->body_top = top;   /* the columns still begin where they did */
    return st;
  }
  /* No room under the columns: set the last page again with the float across its top, rather
   * than leave the float alone on a page of its own. */
  size_t span = L->pending_span;
  if (L->snap.pending_span != NO_FLOAT && L->snap.span_next == span) {
    /* The last page opens with the float before this one: the page is set again with
     * some of its text carried to the next, which this one opens. */
    snap_t sn = L->snap;
    ink_status_t st = ink__carry_last_page (L, &sn, bottom);
    if (st != INK_OK || L->pending_span != span)
      return st;
  }
  if (L->snap.pending_span != NO_FLOAT) {
    /* The last page already opens with a float across its columns: this one takes the
     * next page. */
    L->col = L->ncols;
    return ink__column_break (L);
  }
  L->snap.pending_span = span;   /* balancing sets the page again from here, float first */
  L->snap.span_next = L->span_next;
  snap_t sn = L->snap;
  ink_status_t st = ink__reflow_last_page (L, &sn, need_next);
  /* One still waiting (the second, or this one, too tall below the head) is the caller's:
   * under these columns, or the next page. */
  return st;
}
