/* paginate/headgap: a subhead stands on its text. Subheads are set off the body grid, and the
 * text under one goes on the grid's next line, so a subhead that follows a float, a list or
 * a paragraph off the grid could stand up to a line step above its text, the white under it
 * wider than the white over it: it read as heading nothing. Once the pages are set, each such
 * subhead comes down onto its text (its style's space after it between them); the white goes
 * above it, where it parts it from what it closes. A subhead that opens its column stays
 * at the top. Only lines move: nothing is set again, no column changes length. */
#include "layout-internal.h"

/* Whether line l is text a subhead heads. */
static bool
heads_text (const ink__lrec_t *l)
{
  return l->role == INK_ROLE_BODY || l->role == INK_ROLE_LIST || l->role == INK_ROLE_BLOCKQUOTE;
}

/* Whether a drawn box (a rule, a picture) of page pg lies in column col between y0 and y1. */
static bool
box_between (const lay_t *L, const ink_document_t *doc, const ink__page_t *pg, int col,
             int32_t y0, int32_t y1)
{
  for (size_t i = 0; i < pg->ni; i++) {
    const ink__item_t *it = &doc->items.v[pg->i0 + i];
    if (it->kind != INK_ITEM_RULE && it->kind != INK_ITEM_IMAGE)
      continue;
    ink__lrec_t box = { .x = it->x, .y = it->y, .w = it->w };
    if (it->y + it->h > y0 && it->y < y1 && ink__line_col (L, &box, pg->body_top) == col)
      return true;
  }
  return false;
}

/* How far the subhead whose last line is page line `last` may come down: the white between
 * it and the text line under it in its column, less the subhead's space after; 0 when the
 * subhead opens the column, when anything else lies under it first, or when it is at its
 * text already. */
static int32_t
drop_of (const lay_t *L, const ink_document_t *doc, const ink__page_t *pg, size_t last,
         int32_t first_y)
{
  const ink__lrec_t *s = &doc->lines.v[pg->l0 + last];
  /* Under a pull quote across the columns' middle the subhead does not open its column:
   * the column began over the quote, and the white above the subhead parts it from it. A
   * subhead over the quote heads text over it too. */
  int32_t columns_top = pg->band_top ? pg->band_top : pg->body_top;
  int col = ink__line_col (L, s, columns_top);
  if (col < 0)
    return 0;
  const ink__lrec_t *next = NULL;
  bool above = false;
  for (size_t i = 0; i < pg->nl; i++) {
    const ink__lrec_t *l = &doc->lines.v[pg->l0 + i];
    if (l->generated || ink__line_col (L, l, columns_top) != col)
      continue;
    above |= l->y < first_y;
    if (l->y > s->y && (!next || l->y < next->y))
      next = l;
  }
  int32_t foot = s->y + s->h + PX (L->t->styles[INK_ROLE_SUBHEAD].space_after_px);
  if (!above || !next || !heads_text (next) || next->y <= foot ||
      box_between (L, doc, pg, col, s->y + s->h, next->y) ||
      (s->y < pg->body_top && next->y >= pg->body_top))
    return 0;
  return next->y - foot;
}

/* Moves page line k and its glyph runs and links down by dy. */
static void
move_line (ink_document_t *doc, const ink__page_t *pg, size_t k, int32_t dy)
{
  ink__lrec_t *l = &doc->lines.v[pg->l0 + k];
  for (size_t i = 0; i < pg->ni; i++) {
    ink__item_t *it = &doc->items.v[pg->i0 + i];
    if ((it->kind != INK_ITEM_GLYPHS && it->kind != INK_ITEM_LINK) || it->y != l->y ||
        it->x < l->x - 64 || (int64_t) it->x + it->w > (int64_t) l->x + l->w + 64)
      continue;
    it->y += dy;
    if (it->kind == INK_ITEM_GLYPHS)
      for (size_t g = 0; g < it->ng; g++)
        doc->glyphs.v[it->g0 + g].y += dy;
  }
  l->y += dy;
  l->baseline += dy;
}

/* The subheads of page pg, each brought down onto its text. */
static void
close_page (const lay_t *L, ink_document_t *doc, const ink__page_t *pg)
{
  for (size_t k = 0; k < pg->nl; k++) {
    const ink__lrec_t *l = &doc->lines.v[pg->l0 + k];
    if (l->role != INK_ROLE_SUBHEAD || l->generated)
      continue;
    size_t last = k;
    while (last + 1 < pg->nl && doc->lines.v[pg->l0 + last + 1].role == INK_ROLE_SUBHEAD &&
           doc->lines.v[pg->l0 + last + 1].block == l->block)
      last++;
    int32_t columns_top = pg->band_top ? pg->band_top : pg->body_top;
    bool one_column = ink__line_col (L, l, columns_top) ==
                      ink__line_col (L, &doc->lines.v[pg->l0 + last], columns_top);
    int32_t dy = one_column ? drop_of (L, doc, pg, last, l->y) : 0;
    for (size_t j = k; dy > 0 && j <= last; j++)
      move_line (doc, pg, j, dy);
    k = last;
  }
}

/**
 * ink__close_head_gaps:
 * @L: the layout, for the template's columns and the subhead's style
 * @doc: its pages, set for good, before their running lines
 *
 * Brings every subhead of @doc that stands above its text by more than its style's space
 * after down onto it, unless it opens its column or a rule or picture lies between (none
 * moves when the subhead's style draws a rule over it).
 *
 * Since: 0.4
 */
void
ink__close_head_gaps (const lay_t *L, ink_document_t *doc)
{
  if (L->t->styles[INK_ROLE_SUBHEAD].rule_above)
    return;   /* the rule over a subhead stays with it, at the white's top */
  for (size_t p = 0; p < doc->pages.n; p++)
    close_page (L, doc, &doc->pages.v[p]);
}
