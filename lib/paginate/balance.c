/* paginate/balance: snapshots of where a page's flow began, to set the page again; the last
 * page's columns balanced by setting it again at lower column bottoms. */
#include "layout-internal.h"

void
ink__take_snap (lay_t *L, int32_t top)
{
  ink_document_t *doc = L->doc;
  if (L->in_float)
    return;   /* a float taller than a column: the page before stays the restart point */
  L->snap = (snap_t) { L->cur_ui, L->cur_k, L->page, doc->items.n, doc->glyphs.n, doc->lines.n,
                       doc->text.n, doc->overflow_blocks, doc->overflow_chars, doc->missing,
                       L->pending, L->pending_span, top, L->head_overflow };
}

/* Balances the last page: the smallest column height that still takes all its content. */
void
ink__restore_snap (lay_t *L, const snap_t *sn, int32_t bottom)
{
  ink_document_t *doc = L->doc;
  doc->items.n = sn->items;
  doc->glyphs.n = sn->glyphs;
  doc->lines.n = sn->lines;
  doc->text.n = sn->text;
  doc->pages.n = sn->page + 1;
  doc->pages.v[sn->page].ni = sn->items - doc->pages.v[sn->page].i0;
  doc->pages.v[sn->page].nl = sn->lines - doc->pages.v[sn->page].l0;
  doc->overflow_blocks = sn->overflow_blocks;
  doc->overflow_chars = sn->overflow_chars;
  doc->missing = sn->missing;
  L->page = sn->page;
  L->col = 0;
  L->col_top = sn->top;
  L->y = sn->top;
  L->col_empty = true;
  L->col_bottom = bottom;
  L->full = false;
  L->pending = sn->pending;
  L->pending_span = sn->pending_span;
  L->head_overflow = sn->head_overflow;
  for (size_t i = 0; i < L->units.n; i++)
    if (L->units.v[i].placed_page != SIZE_MAX && L->units.v[i].placed_page >= sn->page)
      L->units.v[i].placed_page = SIZE_MAX;
}

/* Flows again from a snapshot: the float that waited for this page comes first. */
ink_status_t
ink__resume_snap (lay_t *L, const snap_t *sn)
{
  ink_status_t st = ink__place_span (L);
  if (st == INK_OK)
    st = ink__place_pending (L);
  if (st == INK_OK)
    st = ink__flow (L, sn->ui, sn->k);
  return st;
}

/* Balances the last page's columns: the lowest column bottom that still takes everything
 * that page holds, found by setting the page again from its snapshot. */
ink_status_t
ink__balance (lay_t *L)
{
  if (L->full || L->ncols < 2)
    return INK_OK;
  ink_status_t st = INK_OK;
  snap_t sn = L->snap;
  size_t max_pages = L->max_pages;
  L->max_pages = sn.page + 1;
  int32_t lo = sn.top, hi = L->bottom;
  while (hi - lo > 32) {
    int32_t mid = lo + (hi - lo) / 2;
    ink__restore_snap (L, &sn, mid);
    L->strained = false;
    if ((st = ink__resume_snap (L, &sn)) != INK_OK)
      break;
    if (L->full || L->strained)
      lo = mid;
    else
      hi = mid;
  }
  L->max_pages = max_pages;
  if (st != INK_OK)
    return st;
  ink__restore_snap (L, &sn, hi);
  return ink__resume_snap (L, &sn);
}
