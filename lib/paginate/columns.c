/* paginate/columns: a page's columns opened in turn: a new page, the next column with the
 * floats that wait for its top, and what the column being set is (its x, whether it starts
 * at the frame's top, whether it holds floats alone). */
#include "layout-internal.h"

ink_status_t
ink__new_page (lay_t *L)
{
  ink_document_t *doc = L->doc;
  /* Pages one at a time: the flow stops where the next page would start (a float taller than
   * a column goes on), to be resumed from there (pages.c). */
  if (L->page_limit && !L->in_float && doc->pages.n >= L->page_limit &&
      doc->pages.n < L->max_pages) {
    ink__snap_next (L);
    L->full = true;
    return INK_OK;
  }
  if (doc->pages.n >= L->max_pages) {
    L->full = true;
    return INK_OK;
  }
  ink__page_t pg = { doc->items.n, 0, doc->lines.n, 0, 0, 0, L->top, 0, 0, 0 };
  if (!ink__vec_push (L->ctx, &doc->pages, pg))
    return oom (L);
  L->page = doc->pages.n - 1;
  L->at_break = false;
  L->col = 0;
  L->col_top = L->top;
  L->col_bottom = L->bottom;
  L->col_bottoms = false;
  L->lone = 0;
  L->lone_float = false;
  L->cut_list = false;
  L->head_opens_col = false;
  L->link_opens_col = false;
  L->y = L->top;
  L->col_empty = true;
  L->float_above = false;
  L->widow_top = false;
  /* A pull quote that would cut a list across the page's top waits under it (listfloat.c). */
  ink_status_t st = ink__list_narrows_span (L);
  if (st == INK_OK)
    ink__take_snap (L, L->top);
  return st;
}

static ink_status_t
next_column (lay_t *L)
{
  if (L->col + 1 < L->ncols) {
    L->col++;
    if (L->col_bottoms)
      L->col_bottom = L->bottoms[L->col];
    L->y = L->col_top;
    L->col_empty = true;
    L->float_above = false;
    L->widow_top = false;
    return INK_OK;
  }
  return ink__new_page (L);
}

int32_t
ink__col_x (const lay_t *L)
{
  if (L->rtl)
    return L->right - L->colw - (int32_t) L->col * (L->colw + L->gutter);
  return L->left + (int32_t) L->col * (L->colw + L->gutter);
}

/* Whether the column being set starts at the frame's top: only such a whole column takes
 * a float or line taller than its room (one under the head or a float across the columns
 * is passed by). */
bool
ink__whole_column (const lay_t *L)
{
  return L->col_top <= L->top;
}

/* The column being set holds no running text yet, only floats if anything (an article's
 * blocks other than floats: text, lists, tables). */
bool
ink__floats_only (const lay_t *L)
{
  if (L->col_empty)
    return true;
  const ink__page_t *pg = &L->doc->pages.v[L->page];
  int32_t x0 = ink__col_x (L), x1 = x0 + L->colw;
  for (size_t i = 0; i < pg->nl; i++) {
    const ink__lrec_t *l = &L->doc->lines.v[pg->l0 + i];
    if (l->y >= L->col_top && l->x < x1 && l->x + l->w > x0 && l->block >= 0 &&
        (size_t) l->block < L->a->nblocks && !ink__is_float_block (&L->a->blocks[l->block]))
      return false;
  }
  return true;
}

/* Whether the float that waits fits at the top of the column being begun (*fits). Under the
 * head or a float across the columns, a float that does not fit keeps waiting while the text
 * goes on: only a whole column takes one taller than itself. A picture that fit_caption can
 * make small enough fits (ink__picture_fits); a lead picture that waited for page 2 opens its
 * first column whatever the room (ink__lead_opens). */
ink_status_t
ink__pending_fits_top (lay_t *L, bool *fits)
{
  *fits = true;
  if (ink__whole_column (L) || L->pending == NO_FLOAT || ink__lead_opens (L, L->pending))
    return INK_OK;
  return ink__picture_fits (L, L->pending, fits);
}

/* The next column (or page), with the waiting floats at its top. */
ink_status_t
ink__column_break (lay_t *L)
{
  /* A paragraph's last line carried alone goes before the float that waits (widow.c). */
  bool widow_first = ink__widow_first (L);
  ink_status_t st = next_column (L);
  if (st == INK_OK && L->col == 0)
    st = ink__place_span (L);
  bool fits = true;
  if (st == INK_OK)
    st = ink__pending_fits_top (L, &fits);
  bool short_col = !fits;
  /* A float that runs on into this column goes on first: the queue waits for its end. One
   * that waits while a table goes on here waits on, for its end; one that would cut a list
   * here, for the list's end (listfloat.c). */
  if (st == INK_OK && !short_col && !widow_first && !L->in_float &&
      !ink__row_continues (L, L->cur_ui) && !ink__list_holds_top (L))
    st = ink__place_pending (L);
  return st;
}
