/* paginate/vjpieces: a page's columns as vertical justification (vjust.c) sees them: each
 * column's lines, pictures and rules gathered from the page's display list as pieces, top
 * down, with the column's last baseline and lowest ink; the page's body area and the room
 * it leaves once its columns end together; and a column moved down in the display list (its
 * lines, runs, glyphs, pictures and rules) by the space its places take. */
#include "vjust.h"

static int
role_kind (int role)
{
  switch (role) {
  case INK_ROLE_SUBHEAD:
    return P_SUBHEAD;
  case INK_ROLE_QUOTE: case INK_ROLE_ATTRIBUTION: case INK_ROLE_RELATED: case INK_ROLE_CAPTION:
  case INK_ROLE_CREDIT: case INK_ROLE_SOURCE:
    return P_FLOAT;
  case INK_ROLE_COMMENT: case INK_ROLE_COMMENT_AUTHOR: case INK_ROLE_REPLY:
    return P_COMMENT;
  case INK_ROLE_TABLE:
    return P_TABLE;
  default:
    return P_TEXT;
  }
}

static int32_t
col_x (const lay_t *L, unsigned k)
{
  return L->left + (int32_t) k * (L->colw + L->gutter);
}

/* Whether a box lies in physical column k (from the left) of the page's body. */
static bool
in_column (const area_t *a, unsigned k, int32_t x, int32_t y, int32_t w)
{
  int32_t x0 = col_x (a->L, k);
  return y >= a->pg->body_top - 64 && y < a->limit && x >= x0 - 64 &&
         (int64_t) x + w <= (int64_t) x0 + a->L->colw + 64;
}

static void
add_piece (column_t *c, piece_t p)
{
  if (c->n == VJ_PIECES) {
    c->whole = false;
    return;
  }
  size_t i = c->n++;
  for (; i > 0 && c->v[i - 1].top > p.top; i--)
    c->v[i] = c->v[i - 1];
  c->v[i] = p;
  if (p.bot > c->foot)
    c->foot = p.bot;
  if (p.base != INT32_MIN && p.base > c->end)
    c->end = p.base;
}

/* Whether page pg holds a line of the article's last paragraph (its last comment, or the
 * last of its text when it has none). */
static bool
holds_last (const lay_t *L, const ink__page_t *pg)
{
  size_t i = L->units.n;
  while (i > 0 && !(L->units.v[i - 1].kind == U_PARA && L->units.v[i - 1].p))
    i--;
  for (size_t j = 0; j < pg->nl && i > 0; j++) {
    const ink__lrec_t *l = &L->doc->lines.v[pg->l0 + j];
    if (!l->generated && l->block == L->units.v[i - 1].p->block)
      return true;
  }
  return false;
}

/* Whether piece v, on page pg, is a subhead the article ends on: no running text comes after
 * it, and what does (the comments) is set on its page, every unit built. It heads nothing,
 * so it goes with no next column. */
static bool
head_ends_story (const lay_t *L, const ink__page_t *pg, const piece_t *v)
{
  if (v->kind != P_SUBHEAD || !L->units_done)
    return false;
  for (size_t i = L->units.n; i-- > 0;) {
    const unit_t *u = &L->units.v[i];
    if (u->kind == U_PARA && u->p && u->p->role == INK_ROLE_SUBHEAD && u->p->block == v->block)
      return !ink__text_within (L, i + 1, L->units.n) && holds_last (L, pg);
  }
  return false;
}

/* Column k's lines, pictures and rules, top down. */
void
ink__vj_gather (const area_t *a, unsigned k, column_t *c)
{
  const ink_document_t *doc = a->L->doc;
  c->n = 0;
  c->end = c->foot = INT32_MIN;
  c->whole = true;
  for (size_t i = 0; i < a->pg->nl; i++) {
    const ink__lrec_t *l = &doc->lines.v[a->pg->l0 + i];
    if (!l->generated && in_column (a, k, l->x, l->y, l->w))
      add_piece (c, (piece_t) { l->y, l->y + l->h, l->baseline,
                                l->note ? P_NOTE : role_kind (l->role), l->role, l->block });
  }
  for (size_t i = 0; i < a->pg->ni; i++) {
    const ink__item_t *it = &doc->items.v[a->pg->i0 + i];
    if ((it->kind == INK_ITEM_IMAGE || (it->kind == INK_ITEM_RULE && it->w > it->h)) &&
        in_column (a, k, it->x, it->y, it->w))
      add_piece (c, (piece_t) { it->y, it->y + it->h, INT32_MIN,
                                it->kind == INK_ITEM_RULE ? P_RULE : P_FLOAT, -1, it->block });
  }
  c->head_ends = c->n && c->whole && head_ends_story (a->L, a->pg, &c->v[c->n - 1]);
}

/* How far a box at top y moves: the space of every place at or above it. */
static int32_t
shift_at (const place_t *p, size_t n, int32_t y)
{
  int32_t s = 0;
  for (size_t i = 0; i < n; i++)
    if (y >= p[i].y)
      s += p[i].add;
  return s;
}

/* Moves column k's lines, runs, glyphs, pictures and rules down by the places' space. */
void
ink__vj_move_column (const area_t *a, unsigned k, const place_t *p, size_t n)
{
  ink_document_t *doc = a->L->doc;
  for (size_t i = 0; i < a->pg->nl; i++) {
    ink__lrec_t *l = &doc->lines.v[a->pg->l0 + i];
    if (in_column (a, k, l->x, l->y, l->w)) {
      int32_t s = shift_at (p, n, l->y);
      l->y += s;
      l->baseline += s;
    }
  }
  for (size_t i = 0; i < a->pg->ni; i++) {
    ink__item_t *it = &doc->items.v[a->pg->i0 + i];
    if (!in_column (a, k, it->x, it->y, it->w))
      continue;
    int32_t s = shift_at (p, n, it->y);
    it->y += s;
    if (it->kind == INK_ITEM_GLYPHS)
      for (size_t g = 0; g < it->ng; g++)
        doc->glyphs.v[it->g0 + g].y += s;
  }
}

/* The top of the first thing on the page below the columns' top that lies across them (a
 * picture or rule spanning the page): the columns end above it. The area's limit else. */
static int32_t
spanning_top (const area_t *a)
{
  const ink_document_t *doc = a->L->doc;
  int32_t top = a->limit, wide = a->L->colw + 64;
  int32_t cols = a->pg->body_top ? a->pg->body_top : a->L->top;
  for (size_t i = 0; i < a->pg->nl; i++) {
    const ink__lrec_t *l = &doc->lines.v[a->pg->l0 + i];
    if (!l->generated && l->w > wide && l->y >= cols && l->y < top)
      top = l->y;
  }
  for (size_t i = 0; i < a->pg->ni; i++) {
    const ink__item_t *it = &doc->items.v[a->pg->i0 + i];
    if (it->kind != INK_ITEM_GLYPHS && it->w > wide && it->y >= cols && it->y < top)
      top = it->y;
  }
  return top;
}

/* Column k's last baseline, and the page's deepest; the room left under the page once its
 * columns end together (from the lowest ink to the area's limit). */
int64_t
ink__vj_page_ends (const area_t *a, int32_t *end, int32_t *deepest)
{
  column_t c;
  int32_t low = INT32_MIN, foot[INK_MAKEUP_MAX_COLS];
  *deepest = INT32_MIN;
  for (unsigned k = 0; k < a->L->ncols; k++) {
    ink__vj_gather (a, k, &c);
    end[k] = c.end;
    foot[k] = c.foot;
    if (c.end > *deepest)
      *deepest = c.end;
  }
  for (unsigned k = 0; k < a->L->ncols; k++)
    if (end[k] != INT32_MIN)
      low = foot[k] + (*deepest - end[k]) > low ? foot[k] + (*deepest - end[k]) : low;
  return low == INT32_MIN ? 0 : (int64_t) a->limit - low;
}

/* The page's body area, its limit above anything spanning the columns below their top. */
area_t
ink__vj_page_area (const lay_t *L, size_t page)
{
  const ink__page_t *pg = &L->doc->pages.v[page];
  area_t a = { L, pg, pg->body_bottom ? pg->body_bottom : L->bottom, false, false, false };
  a.limit = spanning_top (&a);
  return a;
}

/**
 * ink__vjust_room:
 * @L: the layout, page @page set
 * @page: the page
 *
 * Return value: the room a page leaves under its columns once they end together: from the
 * lowest ink of a column let down to the deepest column's last baseline, to the foot of the
 * columns' frame (or the top of what spans the columns below them). 0 for an empty page.
 */
int64_t
ink__vjust_room (const lay_t *L, size_t page)
{
  if (L->ncols > INK_MAKEUP_MAX_COLS || page >= L->doc->pages.n)
    return 0;
  area_t a = ink__vj_page_area (L, page);
  int32_t end[INK_MAKEUP_MAX_COLS], deepest;
  return ink__vj_page_ends (&a, end, &deepest);
}
