/* paginate/widen: the last page set again with the pull quote that opens it across its
 * columns (ink__widen_last_page), the reverse of unstack.c.
 *
 * A pull quote whose style spans the columns but that was set at the column's width (another
 * waited for the place across them) and waited for the last page from the page before opens
 * its first column. When that page's columns end more than a line step apart, the quote
 * takes a column's height where across the columns it takes a line or two: the first
 * column may hold it alone, with the text and a second quote, which may not stand right on
 * it, all in the next (rajkot-water.gu kiosk-10.3, held-out, ended its columns 770 px apart).
 * The page is then set again with the quote across its top, and the setting is kept when its
 * columns end within a line step, the page still holds all it did and lets no more rules or
 * lone lines through, and no pull quote stands on another. Never on the first page: a quote
 * across its top would be read before the text (early-quote). So too a picture that waited
 * for the last page and opens its first column alone (widepic.c). */
#include "layout-internal.h"

#include <string.h>

/* The float queued behind unit q on the page set from sn, not placed on a page before it,
 * up to the snapshot's last queued; or NO_FLOAT. */
static size_t
queued_after (const lay_t *L, const snap_t *sn, size_t q)
{
  if (sn->queue_last == NO_FLOAT)
    return NO_FLOAT;
  for (size_t j = q + L->units.v[q].float_len; j <= sn->queue_last && j < L->units.n; j++) {
    const unit_t *u = &L->units.v[j];
    if (u->float_len && !u->span &&
        (u->placed_page == SIZE_MAX || u->placed_page >= sn->page))
      return j;
    if (u->float_len)
      j += u->float_len - 1;
  }
  return NO_FLOAT;
}

/* The pull quote at the head of the queue the last page began with, set at the column's
 * width though its style spans the columns, that waited for it from the page before; or
 * NO_FLOAT. */
static size_t
narrowed_head (const lay_t *L, const snap_t *sn)
{
  size_t q = sn->pending;
  if (q == NO_FLOAT || sn->pending_span != NO_FLOAT || q >= sn->ui)
    return NO_FLOAT;
  if (ink__lone_picture (L, sn->page, q))   /* widepic.c */
    return q;
  if (!L->t->styles[INK_ROLE_QUOTE].span_columns || L->units.v[q].span ||
      !ink__is_quote (L, q))
    return NO_FLOAT;
  return q;
}

/* In an article of pull quotes alone (no running text, ink__has_text), the page set from sn
 * leaves a column empty that it should fill (ink__page_filled): the last quote alone in the
 * first of two columns, which passes as even. In an article with text the quote across
 * the page's top may send the text back to the page before (held-out pl-tramwaj-krakow.pl
 * on kiosk-10.3, kiosk-7.5 and B, a page of the quote alone after it). */
static bool
quote_alone (const lay_t *L, const snap_t *sn)
{
  return !ink__has_text (L) && !ink__page_filled (L, sn);
}

/* The last page as now set: it holds all it did, lets no more rules or lone lines through
 * than were (lone, strained), keeps its quotes apart and ends its columns within a line
 * step, leaving none empty that it should fill in an article of quotes alone. */
static bool
widened_better (lay_t *L, const snap_t *sn, unsigned lone, bool strained)
{
  int32_t low;
  int64_t spread;
  bool even;
  if (L->full || L->doc->pages.n != sn->page + 1 || L->pending != NO_FLOAT ||
      L->pending_span != NO_FLOAT || L->doc->overflow_chars != sn->overflow_chars ||
      L->doc->overflow_blocks != sn->overflow_blocks || L->stacked ||
      (L->strained && !strained) || L->lone > lone)
    return false;
  ink__page_ends (L, sn, &low, &spread, &even);
  return even && !quote_alone (L, sn);
}

/**
 * ink__widen_last_page:
 * @L: the layout, the text ended and its last page balanced
 *
 * Sets the last page again with the narrowed pull quote that opens it across its columns,
 * when its columns end more than a line step apart or, in an article of pull quotes alone,
 * leave one empty that the page should fill (quote_alone); keeps it when widened_better.
 *
 * Return value: INK_OK, or the status of setting the page.
 */
ink_status_t
ink__widen_last_page (lay_t *L)
{
  if (L->full || L->ncols < 2 || L->ncols > INK_MAKEUP_MAX_COLS || L->pending != NO_FLOAT ||
      L->pending_span != NO_FLOAT || L->doc->pages.n != L->snap.page + 1)
    return INK_OK;
  snap_t sn = L->snap;
  size_t q = narrowed_head (L, &sn);
  if (q == NO_FLOAT || sn.page == 0)   /* on the first page, across its top is before the text */
    return INK_OK;
  int32_t low;
  int64_t spread;
  bool even, widened;
  ink__page_ends (L, &sn, &low, &spread, &even);
  if (even && !quote_alone (L, &sn))
    return INK_OK;
  unsigned lone = L->lone;
  bool strained = L->strained;
  size_t len = L->units.v[q].float_len;
  unit_t *saved = ink__units_copy (L, q, len);
  if (!saved)
    return INK_NO_MEMORY;
  snap_t wsn = sn;
  wsn.pending = queued_after (L, &sn, q);
  if (wsn.pending == NO_FLOAT)
    wsn.queue_last = NO_FLOAT;
  wsn.pending_span = q;
  ink_status_t st = INK_OK;
  if (L->units.v[q].kind == U_IMAGE)
    ink__widen_picture (L, q, &widened);
  else
    st = ink__widen_float (L, q, &widened);
  if (st == INK_OK && widened)
    st = ink__set_last_page (L, &wsn);
  if (st == INK_OK && widened && !widened_better (L, &wsn, lone, strained)) {
    memcpy (&L->units.v[q], saved, len * sizeof *saved);
    st = ink__set_last_page (L, &sn);
  }
  ink__realloc_array (L->ctx, saved, len, 0, sizeof *saved);
  return st;
}
