/* paginate/snapshot: where a page's flow began (a snapshot of the document's records and the
 * flow's place), so that make-up can set the page again from there: taken as each page
 * starts, restored before a trial, flowed again from. */
#include "layout-internal.h"

void
ink__take_snap (lay_t *L, int32_t top)
{
  ink_document_t *doc = L->doc;
  if (L->in_float)
    return;   /* a float taller than a column: the page before stays the restart point */
  L->snap = (snap_t) { L->cur_ui, L->cur_k, L->page, doc->items.n, doc->glyphs.n, doc->lines.n,
                       doc->text.n, doc->overflow_blocks, doc->overflow_chars, doc->missing,
                       L->pending, L->pending_span, L->queue_last, top,
                       L->head_overflow, L->span_rest };
}

/* Whether snapshot a names records of the document past those of snapshot b: taken by a flow
 * that went on from b, it names what a flow set back to b drops. */
static bool
snap_beyond (const snap_t *a, const snap_t *b)
{
  return a->page > b->page || a->items > b->items || a->glyphs > b->glyphs ||
         a->lines > b->lines || a->text > b->text;
}

/* Sets the flow back to a snapshot, with this column bottom. The restart point (L->snap) goes
 * back with it when it lay past the snapshot: a flow again from there that breaks its page
 * inside a float takes none (ink__take_snap), and one left from a flow set aside named the
 * next page's first records where the new flow put other ones (random seed 422, comments
 * given to the last page, lastpair.c: a restart point at line 10 of a page that now began at
 * line 15, so that the page was set back with a count of lines below zero and
 * ink__beside_quote read past the lines). */
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
  L->col_bottoms = false;
  L->lone = 0;
  L->lone_float = false;
  L->link_opens_col = false;
  L->cut_list = false;
  L->float_above = false;
  L->widow_top = false;
  L->full = false;
  L->at_break = false;
  L->broke = false;
  L->late = false;
  L->stacked = false;
  L->pending = sn->pending;
  L->queue_last = sn->queue_last;
  L->pending_span = sn->pending_span;
  L->span_rest = sn->pending_span != NO_FLOAT ? sn->span_rest : NO_FLOAT;
  L->head_overflow = sn->head_overflow;
  ink__lead_in_join (L, sn->ui);
  ink__table_rejoin (L, sn->ui);
  for (size_t i = 0; i < L->units.n; i++)
    if (L->units.v[i].placed_page != SIZE_MAX && L->units.v[i].placed_page >= sn->page)
      L->units.v[i].placed_page = SIZE_MAX;
  if (snap_beyond (&L->snap, sn))
    L->snap = *sn;
}

/* Flows again from a snapshot: the float that waited for this page comes first, unless a
 * table goes on there, or it is a short table that the page's columns under a float across
 * them cannot take whole (ink__table_waits). The flow's place is the snapshot's while they
 * are placed: what waits asks where the text goes on (a pull quote waits for text under one
 * across the columns only while text follows, ink__place_pending), not where a setting tried
 * before ended. */
ink_status_t
ink__resume_snap (lay_t *L, const snap_t *sn)
{
  L->flows++;
  L->resume_ui = sn->ui;   /* where the text goes on, under the floats placed first */
  L->cur_ui = sn->ui;
  L->cur_k = sn->k;
  ink_status_t st = ink__place_span (L);
  /* A paragraph's last line carried alone goes before the float that waits (widow.c); one
   * that does not fit under a float across the columns waits on (ink__pending_fits_top), and
   * one that would open the page inside a list waits for its end (listfloat.c). */
  bool fits = true;
  if (st == INK_OK)
    st = ink__pending_fits_top (L, &fits);
  if (st == INK_OK && fits && !ink__row_continues (L, sn->ui) && !ink__table_waits (L) &&
      !ink__widow_first_page (L) && !ink__list_holds_top (L))
    st = ink__place_pending (L);
  L->resume_ui = NO_FLOAT;
  if (st == INK_OK)
    st = ink__flow (L, sn->ui, sn->k);
  return st;
}
