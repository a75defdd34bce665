/* paginate/colhole: a column whose text stops well above the float set under it, while the
 * text goes on in a later column of the page. Vertical justification lets a short column of
 * the last page down to the deepest one by space above its floats (vjust.c); when a float
 * ends the column, all that space stands between the column's text and the float, and the
 * float hides a short column (the make-up check's column-hole). The last page's balancing
 * (balance.c) scores such a setting as one that lets a rule through, so that it takes one
 * whose columns end together without the hole when there is one. */
#include "layout-internal.h"
#include "makeup.h"

/* White of this many tenths of a line step or more between a column's text and the float
 * under it is a hole: room for two lines and a float's space. */
#define HOLE_TENTHS 25

/* Documented in layout-internal.h. */
bool
ink__running_role (int role)
{
  return role == INK_ROLE_BODY || role == INK_ROLE_LIST || role == INK_ROLE_SUBHEAD ||
         role == INK_ROLE_BLOCKQUOTE;
}

/**
 * ink__column_hole:
 * @L: the layout
 * @q: a page of the document, set
 * @step: the page's line step
 *
 * Return value: whether a column of page q (one of its columns under its body's top) ends its
 * body text HOLE_TENTHS tenths of a line step or more above the first float (a line of one,
 * a picture or a rule) set under it in that column, while a later column of the page holds
 * body text.
 */
bool
ink__column_hole (const lay_t *L, size_t q, int32_t step)
{
  const ink_document_t *doc = L->doc;
  const ink__page_t *pg = &doc->pages.v[q];
  int32_t text_foot[INK_MAKEUP_MAX_COLS], below[INK_MAKEUP_MAX_COLS];
  unsigned n = L->ncols < INK_MAKEUP_MAX_COLS ? L->ncols : INK_MAKEUP_MAX_COLS;
  if (step <= 0)
    return false;
  for (unsigned c = 0; c < n; c++)
    text_foot[c] = below[c] = INT32_MIN;
  for (size_t i = 0; i < pg->nl; i++) {
    const ink__lrec_t *l = &doc->lines.v[pg->l0 + i];
    int c = ink__line_col (L, l, pg->body_top);
    if (c >= 0 && (unsigned) c < n && ink__running_role (l->role) && l->y + l->h > text_foot[c])
      text_foot[c] = l->y + l->h;
  }
  for (size_t i = 0; i < pg->nl; i++) {
    const ink__lrec_t *l = &doc->lines.v[pg->l0 + i];
    int c = ink__line_col (L, l, pg->body_top);
    if (c >= 0 && (unsigned) c < n && ink__float_role (l->role) && text_foot[c] != INT32_MIN &&
        l->y >= text_foot[c] && (below[c] == INT32_MIN || l->y < below[c]))
      below[c] = l->y;
  }
  for (size_t i = pg->i0; i < pg->i0 + pg->ni; i++) {
    const ink__item_t *it = &doc->items.v[i];
    if (it->kind != INK_ITEM_IMAGE && it->kind != INK_ITEM_RULE)
      continue;
    int c = it->y >= pg->body_top ? ink__box_col (L, it->x, it->w) : -1;
    if (c >= 0 && (unsigned) c < n && text_foot[c] != INT32_MIN && it->y >= text_foot[c] &&
        (below[c] == INT32_MIN || it->y < below[c]))
      below[c] = it->y;
  }
  bool text_after = false;
  for (unsigned k = n; k-- > 0;) {
    if (below[k] != INT32_MIN && text_after &&
        (int64_t) (below[k] - text_foot[k]) * 10 >= (int64_t) step * HOLE_TENTHS)
      return true;
    text_after |= text_foot[k] != INT32_MIN;
  }
  return false;
}
