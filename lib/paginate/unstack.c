/* paginate/unstack: the last page set again when two pull quotes stand one on the other
 * on it (ink__unstack_last_page): a pull quote across its columns with another opening a
 * column right under it is set at the column's width, and the setting kept only when it
 * keeps every pull quote off another and the page still holds all it did. Also what finds
 * two pull quotes one on the other on a finished page (ink__later_stacked), for a short
 * article's float order (floatorder.c). */
#include "layout-internal.h"

#include <string.h>

/* The pull quote across the columns of this page whose foot a pull quote opening one of
 * them stands right on, or NO_FLOAT. */
static size_t
stacked_span (const lay_t *L)
{
  size_t span = NO_FLOAT;
  for (size_t i = 0; i < L->units.n && span == NO_FLOAT; i++)
    if (L->units.v[i].float_len && L->units.v[i].span && L->units.v[i].placed_page == L->page &&
        ink__is_quote (L, i))
      span = i;
  for (unsigned c = 0; span != NO_FLOAT && c < L->ncols; c++)
    if (ink__quote_line (L, ink__edge_line (L, c, true)))
      return span;
  return NO_FLOAT;
}

/* Line l is in column c of this page. */
static bool
in_column (const lay_t *L, const ink__lrec_t *l, unsigned c)
{
  int32_t x0 = L->left + (int32_t) c * (L->colw + L->gutter), x1 = x0 + L->colw;
  return l->x < x1 && l->x + l->w > x0 && l->w <= L->colw + 64;
}

/* In a column of this page, a line of one pull quote comes right under a line of another. */
static bool
quotes_stacked_in_columns (const lay_t *L)
{
  const ink__page_t *pg = &L->doc->pages.v[L->page];
  const ink__lrec_t *v = &L->doc->lines.v[pg->l0];
  for (unsigned c = 0; c < L->ncols; c++)
    for (size_t i = 0; i < pg->nl; i++) {
      if (!ink__quote_line (L, &v[i]) || !in_column (L, &v[i], c))
        continue;
      const ink__lrec_t *next = NULL;   /* the line under it in the column */
      for (size_t j = 0; j < pg->nl; j++)
        if (in_column (L, &v[j], c) && v[j].y > v[i].y && (!next || v[j].y < next->y))
          next = &v[j];
      if (ink__quote_line (L, next) && next->block != v[i].block)
        return true;
    }
  return false;
}

/* The horizontal extent of line l on page pg: its column's, when it stands in one (a short
 * line beside a pull quote in its column still stands between it and another), else its
 * own. */
static void
line_span (const lay_t *L, const ink__page_t *pg, const ink__lrec_t *l, int64_t *x0, int64_t *x1)
{
  *x0 = l->x;
  *x1 = (int64_t) l->x + l->w;
  if (ink__line_col (L, l, pg->body_top) < 0)
    return;
  int64_t pitch = (int64_t) L->colw + L->gutter, mid = (int64_t) l->x + l->w / 2;
  int64_t c = (mid - L->left) / pitch;
  *x0 = L->left + c * pitch;
  *x1 = *x0 + L->colw;
}

/* The extent of block b's lines on page pg; false when none is there. */
static bool
block_box (const lay_t *L, const ink__page_t *pg, long b, int64_t box[4])
{
  bool seen = false;
  for (size_t i = 0; i < pg->nl; i++) {
    const ink__lrec_t *l = &L->doc->lines.v[pg->l0 + i];
    if (l->block != b)
      continue;
    int64_t x0, x1;
    line_span (L, pg, l, &x0, &x1);
    if (!seen) {
      box[0] = x0, box[1] = x1, box[2] = l->y, box[3] = (int64_t) l->y + l->h;
      seen = true;
    }
    box[0] = x0 < box[0] ? x0 : box[0];
    box[1] = x1 > box[1] ? x1 : box[1];
    box[2] = l->y < box[2] ? l->y : box[2];
    box[3] = (int64_t) l->y + l->h > box[3] ? (int64_t) l->y + l->h : box[3];
  }
  return seen;
}

static int64_t
overlap (int64_t a0, int64_t a1, int64_t b0, int64_t b1)
{
  return (a1 < b1 ? a1 : b1) - (a0 > b0 ? a0 : b0);
}

/* Nothing of page pg (a line of another block, a picture) stands in the band between two
 * pull quotes, blocks q1 and q2, within x0..x1 and top..bottom. */
static bool
nothing_between (const lay_t *L, const ink__page_t *pg, long q1, long q2, int64_t x0, int64_t x1,
                 int64_t top, int64_t bottom)
{
  for (size_t i = 0; i < pg->nl; i++) {
    const ink__lrec_t *l = &L->doc->lines.v[pg->l0 + i];
    if (l->block == q1 || l->block == q2 || (l->generated && l->block < 0))
      continue;
    if (overlap (l->x, (int64_t) l->x + l->w, x0, x1) > 64 &&
        overlap (l->y, (int64_t) l->y + l->h, top, bottom) > -64)
      return false;
  }
  for (size_t i = 0; i < pg->ni; i++) {
    const ink__item_t *it = &L->doc->items.v[pg->i0 + i];
    if (it->kind == INK_ITEM_IMAGE && overlap (it->x, (int64_t) it->x + it->w, x0, x1) > 64 &&
        overlap (it->y, (int64_t) it->y + it->h, top, bottom) > -64)
      return false;
  }
  return true;
}

/* The later of two pull quotes of page `page` that stand one right on the other (one under
 * the other where they overlap, nothing between them but rules), or -1: as the make-up check
 * finds them, on any page, across the columns or in them. */
long
ink__later_stacked (const lay_t *L, size_t page)
{
  const ink__page_t *pg = &L->doc->pages.v[page];
  long found = -1;
  for (size_t i = 0; i < pg->nl; i++) {
    long q1 = L->doc->lines.v[pg->l0 + i].block;
    if (!ink__quote_line (L, &L->doc->lines.v[pg->l0 + i]))
      continue;
    for (size_t j = 0; j < pg->nl; j++) {
      long q2 = L->doc->lines.v[pg->l0 + j].block;
      int64_t a[4], b[4];
      if (q2 <= q1 || (found >= 0 && q2 >= found) ||
          !ink__quote_line (L, &L->doc->lines.v[pg->l0 + j]) || !block_box (L, pg, q1, a) ||
          !block_box (L, pg, q2, b) || overlap (a[0], a[1], b[0], b[1]) <= 64)
        continue;
      bool a_first = a[3] < b[2];
      int64_t top = a_first ? a[3] : b[3], bottom = a_first ? b[2] : a[2];
      const int64_t *narrow = a[1] - a[0] < b[1] - b[0] ? a : b;
      if (nothing_between (L, pg, q1, q2, narrow[0], narrow[1], top, bottom))
        found = q2;
    }
  }
  return found;
}

/* Sets the last page again from its start, balanced, with the float across the columns
 * that still waits placed as at the end of the text (ink__flow_end). */
ink_status_t
ink__set_last_page (lay_t *L, const snap_t *sn)
{
  L->snap = *sn;
  ink__restore_snap (L, sn, L->bottom);
  /* The columns begin where the page's flow does, until a float across them is placed. */
  L->doc->pages.v[sn->page].body_top = sn->top;
  L->doc->pages.v[sn->page].body_bottom = 0;
  ink_status_t st = ink__resume_snap (L, sn);
  if (st == INK_OK)
    st = ink__balance (L);
  return st == INK_OK ? ink__finish_span (L) : st;
}

/* The last page, set again from sn, holds all it did, with nothing left waiting. */
static bool
holds_all (const lay_t *L, const snap_t *sn)
{
  return !L->full && L->doc->pages.n == sn->page + 1 && L->pending == NO_FLOAT &&
         L->pending_span == NO_FLOAT && L->doc->overflow_chars == sn->overflow_chars &&
         L->doc->overflow_blocks == sn->overflow_blocks;
}

/* The last page set with the pull quote across its columns at the column's width (*better
 * when that keeps every pull quote off another and the page still holds all it did). */
ink_status_t
ink__try_narrow_span (lay_t *L, size_t span, const snap_t *sn, bool *better)
{
  bool narrowed;
  *better = false;
  snap_t nsn = *sn;
  if (sn->pending_span == span) {
    /* It waited for this page: it opens the first column, or the flow reaches it. */
    nsn.pending_span = NO_FLOAT;
    if (span < sn->ui && sn->pending != NO_FLOAT && !ink__queues_ahead (L, span, sn->pending))
      return INK_OK;
    if (span < sn->ui && sn->pending != NO_FLOAT)
      nsn.queue_last = sn->queue_last != NO_FLOAT ? sn->queue_last : sn->pending;
    if (span < sn->ui)
      nsn.pending = span;
  }
  ink_status_t st = ink__narrow_float (L, span, &narrowed);
  if (st != INK_OK || !narrowed)
    return st;
  if ((st = ink__set_last_page (L, &nsn)) != INK_OK)
    return st;
  *better = holds_all (L, sn) && stacked_span (L) == NO_FLOAT && !quotes_stacked_in_columns (L);
  return INK_OK;
}

/* How far apart the last page's columns, as set from L->snap, end in an article of pull
 * quotes alone (no running text, ink__has_text) when that is more than a line step; 0 in
 * any other article, or when they end within one. */
static int64_t
alone_spread (const lay_t *L)
{
  int32_t low;
  int64_t spread;
  bool even;
  if (ink__has_text (L))
    return 0;
  ink__page_ends (L, &L->snap, &low, &spread, &even);
  return even ? 0 : spread;
}

/* The text has ended: when a pull quote opens a column of the last page right under one
 * across its columns (nothing came between them), the page is set again with the one across
 * set at the column's width, in the first column; it stays as it was unless that keeps the
 * quotes apart and the page holds all it did. In an article of pull quotes alone (no running
 * text: ink__has_text) every quote stands on another wherever it goes, so the setting is
 * kept too when the page holds all it did and its columns, ending more than a line step
 * apart, then end a line step nearer or more: six quotes of like length share three columns
 * two by two, where with the first across their top the other five end two, two and one
 * (jeju-quotes.ko, held out). */
ink_status_t
ink__unstack_last_page (lay_t *L)
{
  if (L->full || L->ncols < 2 || L->pending != NO_FLOAT || L->pending_span != NO_FLOAT ||
      L->doc->pages.n != L->snap.page + 1)
    return INK_OK;
  size_t span = stacked_span (L);
  if (span == NO_FLOAT)
    return INK_OK;
  size_t len = L->units.v[span].float_len;
  unit_t *saved = ink__units_copy (L, span, len);
  if (!saved)
    return INK_NO_MEMORY;
  snap_t sn = L->snap;
  int64_t was = alone_spread (L);
  bool better;
  L->quotes_share = was > 0;
  ink_status_t st = ink__try_narrow_span (L, span, &sn, &better);
  if (st == INK_OK && !better && was > 0)
    better = holds_all (L, &sn) && alone_spread (L) + ink__line_step (L) <= was;
  L->quotes_share = false;
  if (st == INK_OK && !better) {
    memcpy (&L->units.v[span], saved, len * sizeof *saved);
    st = ink__set_last_page (L, &sn);
  }
  ink__realloc_array (L->ctx, saved, len, 0, sizeof *saved);
  return st;
}
