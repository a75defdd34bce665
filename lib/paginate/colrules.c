/* paginate/colrules: the rules between a page's columns. They run down the gutters from the
 * columns' top to where the columns end, in each band of the page: a float across the columns
 * (at their top, across their middle or at their foot) parts the bands, and no rule crosses
 * it. Before, the rule began under the lowest float across the columns, so a pull quote across
 * a full page 1's foot (midspan.c) left the columns above it with no rule at all, and one
 * across the middle left the band above it without one. No rule stands beside a column left
 * empty in its band (a short last page set in fewer columns). */
#include "layout-internal.h"

#include <string.h>

/* The most bands a page's rules are drawn in. */
enum { RULE_BANDS = INK_COLUMN_RULES_MAX / INK_TEMPLATE_MAX_COLUMNS };

/* Page P's columns: as many as it was set in (P->ncols, a last page of comments in fewer
 * and wider ones) or the template's, and their width. */
typedef struct {
  unsigned n;
  int32_t w;
} page_cols_t;

static page_cols_t
page_cols (const lay_t *L, const ink__page_t *P)
{
  ink__frame_t f = ink__frame_cols (ink__frame_of (L->t), P->ncols);
  return (page_cols_t) { f.ncols, f.colw };
}

/* The middle of the gutter before column g (from 1) of columns pc. */
static int32_t
gutter_x (const lay_t *L, page_cols_t pc, unsigned g)
{
  return L->left + (int32_t) g * (pc.w + L->gutter) - L->gutter / 2;
}

/* Whether item it runs across any gutter of columns pc. */
static bool
across (const lay_t *L, page_cols_t pc, const ink__item_t *it)
{
  for (unsigned g = 1; g < pc.n; g++) {
    int32_t gx = gutter_x (L, pc, g);
    if (it->x + PX (1) < gx && it->x + it->w > gx + PX (1))
      return true;
  }
  return false;
}

/* The foot of the lowest item of page P in [top, cut) that runs across no gutter, at most
 * cut; top when there is none. */
static int32_t
band_foot (const lay_t *L, const ink__page_t *P, page_cols_t pc, int32_t top, int32_t cut)
{
  const ink__item_t *items = L->doc->items.v + P->i0;
  int32_t foot = top;
  for (size_t i = 0; i < P->ni; i++)
    if (items[i].y >= top && items[i].y < cut && items[i].y + items[i].h > foot &&
        !across (L, pc, &items[i]))
      foot = items[i].y + items[i].h;
  return foot < cut ? foot : cut;
}

/* Line block b is one of a float across the columns (a table's subhead over it, as narrow
 * as its words: it runs across no gutter, but the band over the float ends above it). */
static bool
span_block (const lay_t *L, long b)
{
  for (size_t i = 0; b >= 0 && i < L->units.n; i++) {
    const unit_t *u = &L->units.v[i];
    if (!u->float_len || !u->span)
      continue;
    for (size_t j = i; j < i + u->float_len && j < L->units.n; j++)
      if (L->units.v[j].block == b)
        return true;
  }
  return false;
}

/* The top of page P's highest line under y and over cut that belongs to a float across the
 * columns (span_block); cut when none does. */
static int32_t
span_line_cut (const lay_t *L, const ink__page_t *P, int32_t y, int32_t cut)
{
  for (size_t i = 0; i < P->nl; i++) {
    const ink__lrec_t *l = &L->doc->lines.v[P->l0 + i];
    if (l->y > y && l->y < cut && span_block (L, l->block))
      cut = l->y;
  }
  return cut;
}

/* Page P's bands of columns, from its columns' top (band_top, over a quote across their
 * middle or foot, else body_top) to its foot: each begins under the items
 * across the gutters that reach it and ends where the next such item begins, or at its own
 * lowest item's foot when that is higher. Returns how many (at most max) hold something. */
static size_t
bands (const lay_t *L, const ink__page_t *P, page_cols_t pc, int32_t *tops, int32_t *feet,
       size_t max)
{
  const ink__item_t *items = L->doc->items.v + P->i0;
  int32_t limit = P->body_bottom ? P->body_bottom : L->bottom;
  int32_t y = P->band_top ? P->band_top : P->body_top;   /* over a quote across the middle */
  size_t n = 0;
  while (y < limit && n < max) {
    bool moved = true, passed = false;
    while (moved) {   /* past the items across the gutters that y is in */
      moved = false;
      for (size_t i = 0; i < P->ni; i++)
        if (items[i].y <= y && items[i].y + items[i].h > y && across (L, pc, &items[i])) {
          y = items[i].y + items[i].h;
          moved = passed = true;
        }
    }
    /* Under the quote of a page set in bands the columns begin at body_top, its white
     * under it left out. */
    if (passed && P->band_top && y < P->body_top)
      y = P->body_top;
    int32_t cut = limit;
    for (size_t i = 0; i < P->ni; i++)
      if (items[i].y > y && items[i].y < cut && across (L, pc, &items[i]))
        cut = items[i].y;
    cut = span_line_cut (L, P, y, cut);
    int32_t foot = y < limit ? band_foot (L, P, pc, y, cut) : y;
    if (foot > y) {
      tops[n] = y;
      feet[n++] = foot;
    }
    y = cut;
  }
  return n;
}

/* Which columns of page P (left to right) hold something between top and foot that does
 * not run across a gutter. */
static void
columns_used (const lay_t *L, const ink__page_t *P, page_cols_t pc, int32_t top, int32_t foot,
              bool used[INK_TEMPLATE_MAX_COLUMNS])
{
  const ink__item_t *items = L->doc->items.v + P->i0;
  memset (used, 0, INK_TEMPLATE_MAX_COLUMNS * sizeof *used);
  for (size_t i = 0; i < P->ni; i++) {
    const ink__item_t *it = &items[i];
    if (across (L, pc, it) || it->y < top || it->y >= foot)
      continue;
    int64_t c = ((int64_t) it->x + it->w / 2 - L->left) / ((int64_t) pc.w + L->gutter);
    if (c >= 0 && c < (int64_t) pc.n && c < INK_TEMPLATE_MAX_COLUMNS)
      used[c] = true;
  }
}

/**
 * ink__column_rules:
 * @L: the layout
 * @P: a page whose items are set
 * @rules: where the rules go
 * @max: room in @rules
 *
 * The rules between page @P's columns, in each band of them, beside columns that hold
 * something in that band.
 *
 * Return value: how many rules were written to @rules.
 */
size_t
ink__column_rules (const lay_t *L, const ink__page_t *P, ink__item_t *rules, size_t max)
{
  page_cols_t pc = page_cols (L, P);
  int32_t tops[RULE_BANDS], feet[RULE_BANDS];
  size_t nb = bands (L, P, pc, tops, feet, RULE_BANDS), n = 0;
  for (size_t b = 0; b < nb; b++) {
    bool used[INK_TEMPLATE_MAX_COLUMNS];
    columns_used (L, P, pc, tops[b], feet[b], used);
    for (unsigned c = 1; c < pc.n && n < max; c++) {
      if (c < INK_TEMPLATE_MAX_COLUMNS && (!used[c - 1] || !used[c]))
        continue;
      rules[n++] = (ink__item_t) { .kind = INK_ITEM_RULE, .block = -1, .x = gutter_x (L, pc, c),
                                   .y = tops[b], .w = PX (1), .h = feet[b] - tops[b] };
    }
  }
  return n;
}
