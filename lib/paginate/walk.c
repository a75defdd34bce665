/* paginate/walk: a page's display list as one walk that the raster, the layout JSON, the
 * PDF writer and a caller all take: each line just before its glyph runs and links, rules
 * and pictures where they are painted; and the hit test a touch screen asks.
 *
 *   ink_display_iter_t it;
 *   ink_display_item_t item;
 *   for (ink_display_begin (doc, 0, &it); ink_display_next (&it, &item);)
 *     if (item.kind == INK_DISPLAY_LINE) puts (item.role);
 */
#include "paginate.h"

static const ink_display_kind_t kinds[] = {
  [INK_ITEM_GLYPHS] = INK_DISPLAY_GLYPH_RUN, [INK_ITEM_RULE] = INK_DISPLAY_RULE,
  [INK_ITEM_IMAGE] = INK_DISPLAY_PICTURE, [INK_ITEM_LINK] = INK_DISPLAY_LINK,
};

/* Documented in include/inkset/inkset-display.h. */
void
ink_display_begin (const ink_document_t *doc, size_t page, ink_display_iter_t *iter)
{
  if (!iter)
    return;
  *iter = (ink_display_iter_t) { doc, page, 0, 0, 0 };
}

static bool
of_line (const ink__item_t *it)
{
  return it->kind == INK_ITEM_GLYPHS || it->kind == INK_ITEM_LINK;
}

/* The next step of the walk: a line when its runs come next (or nothing else does), else
 * the next item; runs and links belong to the line before them. */
bool
ink__display_step (ink_display_iter_t *iter, ink__step_t *step)
{
  const ink_document_t *doc = iter->doc;
  if (!doc || iter->page >= doc->pages.n)
    return false;
  const ink__page_t *pg = &doc->pages.v[iter->page];
  const ink__item_t *next = iter->item < pg->ni ? &doc->items.v[pg->i0 + iter->item] : NULL;
  const ink__lrec_t *l = iter->line < pg->nl ? &doc->lines.v[pg->l0 + iter->line] : NULL;
  if (l && !iter->left && (!next || of_line (next) || !l->ni)) {
    size_t n = pg->ni - iter->item < l->ni ? pg->ni - iter->item : l->ni;
    *step = (ink__step_t) { INK_DISPLAY_LINE, l, NULL, next, n };
    iter->line++;
    iter->left = n;
    return true;
  }
  if (!next)
    return false;
  iter->item++;
  const ink__lrec_t *own = NULL;
  if (of_line (next) && iter->left) {
    own = &doc->lines.v[pg->l0 + iter->line - 1];
    iter->left--;
  }
  *step = (ink__step_t) { kinds[next->kind], own, next, NULL, 0 };
  return true;
}

const ink__item_t *
ink__line_link (const ink__step_t *line)
{
  for (size_t i = 0; i < line->nown; i++)
    if (line->own[i].kind == INK_ITEM_LINK)
      return &line->own[i];
  return NULL;
}

static void
set_box (ink_display_item_t *out, int32_t x, int32_t y, int32_t w, int32_t h)
{
  out->x_px = x / 64.0f;
  out->y_px = y / 64.0f;
  out->width_px = w / 64.0f;
  out->height_px = h / 64.0f;
}

static void
fill (const ink_document_t *doc, const ink__step_t *s, ink_display_item_t *out)
{
  *out = (ink_display_item_t) { 0 };
  out->kind = s->kind;
  out->block = -1;
  const ink__lrec_t *l = s->line;
  if (l) {
    out->role = ink__role_names[l->role];
    out->block = l->block;
    set_box (out, l->x, l->y, l->w, l->h);
    out->baseline_px = l->baseline / 64.0f;
    out->rtl = l->rtl;
  }
  const ink__item_t *it = s->item;
  if (!it) {
    out->generated = l->generated;
    out->hyphenated = l->hyphenated;
    out->text = doc->text.s + l->text_off;
    out->text_len = l->text_len;
    const ink__item_t *lk = ink__line_link (s);
    out->link = lk ? lk->href : NULL;
    return;
  }
  set_box (out, it->x, it->y, it->w, it->h);
  if (it->kind == INK_ITEM_IMAGE)
    out->block = it->block;
  out->grey = it->grey;
  out->link = it->href;
  if (it->kind == INK_ITEM_GLYPHS) {
    out->text = doc->text.s + it->t0;
    out->text_len = it->nt;
    out->glyphs = doc->glyphs.v + it->g0;
    out->nglyphs = it->ng;
    out->size_px = it->size_px;
  }
}

/* Documented in include/inkset/inkset-display.h. */
bool
ink_display_next (ink_display_iter_t *iter, ink_display_item_t *item)
{
  ink__step_t s;
  if (!iter || !item || !ink__display_step (iter, &s))
    return false;
  fill (iter->doc, &s, item);
  return true;
}

static bool
inside (int32_t x, int32_t y, int32_t w, int32_t h, int64_t px, int64_t py)
{
  return px >= x && px < (int64_t) x + w && py >= y && py < (int64_t) y + h;
}

/* Documented in include/inkset/inkset-display.h. */
ink_status_t
ink_display_hit (const ink_document_t *doc, size_t page, float x_px, float y_px,
                 ink_display_item_t *item)
{
  if (!doc || !item || page >= doc->pages.n || !(x_px == x_px) || !(y_px == y_px) ||
      x_px < -1e6f || x_px > 1e6f || y_px < -1e6f || y_px > 1e6f)
    return INK_INVALID;
  int64_t px = (int64_t) (x_px * 64.0f), py = (int64_t) (y_px * 64.0f);
  ink_display_iter_t it;
  ink_display_begin (doc, page, &it);
  ink__step_t s, found = { 0 }, link = { 0 };
  while (ink__display_step (&it, &s)) {
    int32_t x = s.item ? s.item->x : s.line->x, y = s.item ? s.item->y : s.line->y;
    int32_t w = s.item ? s.item->w : s.line->w, h = s.item ? s.item->h : s.line->h;
    if (s.kind == INK_DISPLAY_GLYPH_RUN || !inside (x, y, w, h, px, py))
      continue;
    if (s.kind == INK_DISPLAY_LINK)
      link = s;
    else
      found = s;
  }
  if (link.kind)
    found = link;
  if (!found.kind)
    return INK_INVALID;
  fill (doc, &found, item);
  if (found.kind == INK_DISPLAY_LINE)
    item->link = NULL;   /* on the line, but not on its link */
  return INK_OK;
}

static int32_t
nearest_px (int32_t v)
{
  v += 32;
  return v >= 0 ? v >> 6 : -((-v + 63) >> 6);
}

void
ink__rule_pixels (const ink__item_t *it, int32_t *x0, int32_t *y0, int32_t *x1, int32_t *y1)
{
  *x0 = nearest_px (it->x);
  *y0 = nearest_px (it->y);
  *x1 = nearest_px (it->x + it->w);
  *y1 = nearest_px (it->y + it->h);
  if (*x1 <= *x0)
    *x1 = *x0 + 1;
  if (*y1 <= *y0)
    *y1 = *y0 + 1;
}
