/* paginate/midspan: a pull quote across the middle of the article's first page.
 *
 * A pull quote across the columns that the text could not take under it waits for the next
 * page's top; when the text and the comments after it end on the article's first page, the
 * quote went across that page's top (floats.c, finish_span), under the head and over the
 * first paragraph, and is read before the text it pulls a line from (the make-up check's
 * early-quote). So it is when the quote would open a page of comments alone (spantop.c) and
 * the text it pushes down goes on to the next page. Set at the column's width instead
 * (quotehead.c) it is, on a short story, as tall as a column, and the columns end far apart.
 * A make-up editor sets it across the columns in its turn: the text before it balanced in
 * the columns above it, the quote across, and the text after it and the comments balanced in
 * the columns under it, or, when they go on to the next page, filling the columns under it
 * and running on there. The page is set so, the upper band balanced as a last page is, and
 * the setting kept when it then holds all it did (on no more pages), no float waits, no pull
 * quote stands on another, the last page's columns end together if they did, and, when the
 * text goes on, the first page's columns under the quote end as close together as its
 * columns did under the quote across its top. When the text goes on past the page and the
 * quote fits under the band over it but leaves no room for two lines under it, it goes
 * across the page's foot, the white left shared above and under it, and the text goes on at
 * the next page's top: the band then ends its columns on one baseline, every one holding
 * lines, as a full page's do (lahore-smog.ur kiosk-10.3). Failing that after its own
 * paragraph (no room for it there, or bands that do not end their columns together),
 * the quote goes across the page before an earlier paragraph, the nearest first, down to
 * the story's second: a newspaper sets a pull quote after the story's first lines, if not
 * after the passage it pulls, and never before that passage (a paragraph holding its words
 * is not passed). Else the text is set as it was, the quote across the first page's top. The
 * band over the quote never ends on a subhead: one right before the quote (floats aside)
 * goes under it with its text, and a page that opens with it keeps the quote across its top
 * (head_after). */
#include "layout-internal.h"
#include "makeup.h"

#include <string.h>

/* The text has ended, the article's first page set from sn with the pull quote at unit span
 * across its top (or a table across the columns, sent on to the next page: tablemid.c) and
 * text of the page before it in the article. */
static bool
wanted (lay_t *L, size_t span, const snap_t *sn)
{
  return !L->full && L->ncols >= 2 && L->ncols <= INK_MAKEUP_MAX_COLS &&
         L->pending == NO_FLOAT && L->pending_span == NO_FLOAT && sn->k == 0 &&
         !ink__text_within (L, 0, sn->ui) &&
         (ink__is_quote (L, span) || ink__is_table (L, span)) && span >= sn->ui &&
         ink__text_within (L, sn->ui, span);
}

/* The page holds all it did from sn, nothing waiting, nothing more counted as overflow. */
static bool
holds (const lay_t *L, const snap_t *sn)
{
  return !L->full && L->doc->pages.n == sn->page + 1 && L->pending == NO_FLOAT &&
         L->doc->overflow_blocks == sn->overflow_blocks &&
         L->doc->overflow_chars == sn->overflow_chars;
}

/* The text set as it was, the quote across the first page's top: what the setting in two
 * bands must not do worse. */
typedef struct {
  bool last;              /* the text ended on the first page */
  bool even;              /* the last page's columns end together */
  size_t pages, blocks, chars;
  size_t spaced;          /* paragraphs letter-spaced (ink__letter_spaced_paras) */
  int64_t spread;         /* how far apart the first page's columns end, when not last */
  bool fill;              /* the band over the quote must hold lines in every column */
} was_t;

/* Every column of the band set from sn holds lines. */
static bool
band_filled (const lay_t *L, const snap_t *sn)
{
  ink__makeup_cols_t c;
  ink__measure_page (L, sn, ink__line_step (L), &c);
  for (unsigned i = 0; i < c.ncols; i++)
    if (!c.lines[i])
      return false;
  return true;
}

/* The text set now holds all it did on no more pages, nothing waiting. */
static bool
holds_all (const lay_t *L, const was_t *w)
{
  return !L->full && L->doc->pages.n <= w->pages && L->pending == NO_FLOAT &&
         L->pending_span == NO_FLOAT && L->doc->overflow_blocks == w->blocks &&
         L->doc->overflow_chars == w->chars;
}

/* A pull quote opens a column of page `page` under the one across the middle: it would
 * stand on it. */
static bool
quote_under (const lay_t *L, size_t page)
{
  for (unsigned c = 0; c < L->ncols; c++)
    if (ink__quote_line (L, ink__edge_line_on (L, page, c, true)))
      return true;
  return false;
}

/* Sets the page from sn (the flow to unit end), balanced. */
ink_status_t
ink__set_band (lay_t *L, const snap_t *sn, size_t end)
{
  size_t n = L->units.n;
  L->units.n = end;   /* the flow stops where the quote goes in */
  L->snap = *sn;
  ink__restore_snap (L, sn, L->bottom);
  L->doc->pages.v[sn->page].body_top = sn->top;
  L->doc->pages.v[sn->page].body_bottom = 0;
  ink_status_t st = ink__resume_snap (L, sn);
  if (st == INK_OK)
    st = ink__balance (L);
  L->units.n = n;
  return st;
}

/* The quote at unit span set across the columns under all the page holds, with two lines of
 * text under it; or, when the text goes on past the page (foot) and the quote fits under
 * the band with less room than that left, at the page's foot, the text after it running on
 * at the next page's top (*at_foot). */
ink_status_t
ink__span_under_band (lay_t *L, size_t span, bool foot, bool *placed, bool *at_foot)
{
  const ink__page_t *pg = &L->doc->pages.v[L->page];
  int32_t bottom = L->snap.top, step = ink__line_step (L);
  for (size_t i = 0; i < pg->ni; i++) {
    const ink__item_t *it = &L->doc->items.v[pg->i0 + i];
    if (it->y + it->h > bottom)
      bottom = it->y + it->h;
  }
  int32_t need = ink__float_height (L, span);
  int64_t end = (int64_t) bottom + L->units.v[span].space_before + need;
  *at_foot = foot && end <= L->bottom && end + 2 * step > L->bottom;
  *placed = *at_foot || end + 2 * step <= L->bottom;
  if (!*placed)
    return INK_OK;
  L->pending_span = span;
  L->col_top = bottom + L->units.v[span].space_before;
  if (*at_foot) {
    /* At the foot the white left under the quote (its last space counted, which shows there)
     * is shared above and under it: neither a short page nor a hole over the quote. */
    const unit_t *tail = &L->units.v[span + L->units.v[span].float_len - 1];
    int64_t room = L->bottom - end, half = (room + tail->space_after) / 2;
    L->col_top += (int32_t) (half < room ? half : room);
  }
  ink_status_t st = ink__place_span (L);
  *placed = st == INK_OK && L->units.v[span].placed_page == L->page;
  if (*at_foot) {
    L->col_top = L->bottom;   /* the page is full: the text goes on at the next page's top */
    return st;
  }
  /* The text under it goes down to the page's grid, on which the columns above it stand. */
  int32_t top = L->snap.top, g = L->grid;
  if (*placed && g > 0 && L->col_top > top)
    L->col_top = top + (L->col_top - top + g - 1) / g * g;
  *placed = *placed && L->col_top + 2 * step <= L->bottom;
  return st;
}

/* The band over the quote may end a page the text runs past, the quote at its foot: its
 * columns end on one baseline, each holding lines, as a full page's do. */
static bool
foot_band (const lay_t *L, const was_t *w, const snap_t *upper, int64_t spread)
{
  return !w->last && spread == 0 && band_filled (L, upper);
}

/* The text under the quote, from its start `lower`: balanced on the first page, as the last,
 * or set on from there a page at a time. On the last page a float across the columns that
 * still waits with nothing but text after it goes under the lower band's columns, as it
 * goes under a last page's (spanend.c): glen-line-timetable print-a4's second table. */
static ink_status_t
set_lower (lay_t *L, const was_t *w, const snap_t *lower)
{
  if (!w->last)
    return ink__set_text_from (L, lower);
  ink_status_t st = ink__set_band (L, lower, L->units.n);
  size_t span = L->pending_span;
  bool placed;
  if (st == INK_OK && span != NO_FLOAT && L->pending == NO_FLOAT &&
      !ink__comments_follow (L, span))
    st = ink__span_under_columns (L, &placed);
  return st;
}

/* A float set after the end of the text that follows it (L->late) is refused, but for a
 * table beside the last lines when a table goes across the middle: the make-up editor sets
 * a table there once the text that leads into it is read, and the second table, short, reads
 * beside the story's last paragraph (glen-line-timetable kiosk-10.3). A pull quote so set
 * reads as the story's end. */
static bool
late_kept (const lay_t *L, size_t span)
{
  return !L->late || (ink__is_table (L, span) && ink__is_table (L, L->late_ui) &&
                      L->units.v[L->late_ui].placed_page + 1 == L->doc->pages.n);
}

/* The first page's columns under the quote, when the text goes on, end as close together as
 * the page's did with the quote across its top, no more paragraphs letter-spaced so (on
 * kobe-port.ja kiosk-10.3 the columns under the quote, three lines each, would be). */
static bool
lower_kept (const lay_t *L, const was_t *w, const snap_t *lower)
{
  if (w->last)
    return true;
  if (ink__letter_spaced_paras (L) > w->spaced)
    return false;
  int32_t low;
  int64_t spread;
  ink__page_ends (L, lower, &low, &spread, NULL);
  return spread <= w->spread + PX (1);
}

/* The page set in two bands around the quote (*kept when that holds all it did, sets no pull
 * quote on another, and ends the last page's columns together if they did). */
static ink_status_t
try_bands (lay_t *L, size_t span, const snap_t *sn, const was_t *w, bool *kept)
{
  snap_t upper = *sn;
  upper.pending_span = NO_FLOAT;
  *kept = false;
  ink_status_t st = ink__set_band (L, &upper, span);
  int32_t low;
  int64_t spread;
  bool even = false;
  if (st == INK_OK)
    ink__page_ends (L, &upper, &low, &spread, &even);
  if (st != INK_OK || !holds (L, sn) || L->pending_span != NO_FLOAT || !even ||
      (w->fill && !band_filled (L, &upper)))
    return st;   /* the columns over the quote end within a line step, as a last page's */
  bool placed, at_foot;
  bool foot = foot_band (L, w, &upper, spread);
  if ((st = ink__span_under_band (L, span, foot, &placed, &at_foot)) != INK_OK || !placed)
    return st;
  L->cur_ui = span + L->units.v[span].float_len;
  L->cur_k = 0;
  ink__take_snap (L, L->col_top);
  snap_t lower = L->snap;
  L->doc->pages.v[sn->page].band_top = sn->top;
  if ((st = set_lower (L, w, &lower)) != INK_OK)
    return st;
  ink__makeup_cols_t c;
  ink__measure_page (L, &L->snap, ink__line_step (L), &c);
  *kept = holds_all (L, w) && !quote_under (L, sn->page) && late_kept (L, span) && !L->stacked &&
          (ink__makeup_even (&c) || !w->even) && !c.strained &&
          ink__makeup_cost (&c) != INK_MAKEUP_REJECT && lower_kept (L, w, &lower);
  return INK_OK;
}

/* Block b's text holds the middle third of the text of pull quote block q (a pull quote
 * pulls its words from the text, its quotation marks and cuts aside): the quote may not be
 * read before it. */
bool
ink__block_pulled_from (const ink_article_t *a, long q, long b)
{
  if (q < 0 || b < 0 || (size_t) q >= a->nblocks || (size_t) b >= a->nblocks)
    return false;
  const ink__block_t *qb = &a->blocks[q], *tb = &a->blocks[b];
  size_t from = qb->text_len / 3, to = 2 * qb->text_len / 3;
  while (from < to && (qb->text[from] & 0xC0) == 0x80)
    from++;   /* not inside a UTF-8 sequence */
  while (to < qb->text_len && (qb->text[to] & 0xC0) == 0x80)
    to++;
  size_t n = to - from;
  for (size_t i = 0; n && i + n <= tb->text_len; i++)
    if (memcmp (tb->text + i, qb->text + from, n) == 0)
      return true;
  return false;
}

/* Block b holds the words of the pull quote in the float at unit span
 * (ink__block_pulled_from). */
bool
ink__pulled_from (const lay_t *L, size_t span, long b)
{
  return ink__block_pulled_from (L->a, ink__quote_block (L, span), b);
}

/* A paragraph that begins on the page set from sn, before the pull quote at unit span in the
 * article, holds the quote's words: with the quote across the page's top, the reader meets
 * the line in the quote before its passage (the make-up check's quote-before-passage). */
bool
ink__passage_under (const lay_t *L, size_t span, const snap_t *sn)
{
  for (size_t j = sn->ui + (sn->k > 0); j < span && j < L->units.n; j++) {
    const unit_t *u = &L->units.v[j];
    if (u->kind == U_PARA && u->p && u->p->role == INK_ROLE_BODY &&
        ink__pulled_from (L, span, u->block))
      return true;
  }
  return false;
}

/* The paragraph of the page nearest before unit j, at or after its second, that the pull
 * quote at unit span may go before (across the page, the text above it, or at the column's
 * width, quotehead.c): running text (a paragraph, or a subhead), not kept with the unit
 * before it, none of it pulled into the quote and no float passed on the way; NO_FLOAT when
 * there is none. */
size_t
ink__earlier_split (const lay_t *L, const snap_t *sn, size_t span, size_t j)
{
  while (j-- > sn->ui + 1) {
    const unit_t *u = &L->units.v[j], *prev = &L->units.v[j - 1];
    if (u->float_len || prev->float_len || ink__is_note_unit (L, j))
      return NO_FLOAT;
    if (u->kind == U_PARA && u->p && ink__pulled_from (L, span, u->block))
      return NO_FLOAT;
    bool text = u->kind == U_PARA && u->p &&
                (u->p->role == INK_ROLE_BODY || u->p->role == INK_ROLE_SUBHEAD);
    if (text && !prev->keep_with_next && ink__text_within (L, sn->ui, j))
      return j;
  }
  return NO_FLOAT;
}

/* The pull quote at unit span, the floats before it back to the page's last text before it:
 * when that text is a subhead or lead-in kept with what follows, the upper band would end on
 * it, its text under the quote; it goes after the quote, and the quote's unit is returned.
 * NO_FLOAT, the units as they were, when no text comes before the head: the band over the
 * quote would hold the head alone. */
static size_t
head_after (lay_t *L, const snap_t *sn, size_t span)
{
  size_t last = NO_FLOAT;
  for (size_t i = sn->ui; i < span; i += L->units.v[i].float_len ? L->units.v[i].float_len : 1)
    if (!L->units.v[i].float_len)
      last = i;
  if (last == NO_FLOAT || !L->units.v[last].keep_with_next)
    return span;
  size_t h = last;
  while (h > sn->ui && !L->units.v[h - 1].float_len && L->units.v[h - 1].keep_with_next)
    h--;
  if (!ink__text_within (L, sn->ui, h))
    return NO_FLOAT;
  ink__units_rotate (L, h, last + 1, span + L->units.v[span].float_len);
  return span - (last + 1 - h);
}

/* The block of the pull quote set across the foot of the article's first page, under all
 * its text, the text going on to the next page (span_under's foot); -1 when there is none. */
long
ink__quote_at_first_foot (const lay_t *L)
{
  const ink_document_t *doc = L->doc;
  if (doc->pages.n < 2 || L->ncols < 2)
    return -1;
  const ink__page_t *pg = &doc->pages.v[0];
  int32_t text_low = INT32_MIN, quote_top = INT32_MAX;
  long quote = -1;
  for (size_t i = 0; i < pg->nl; i++) {
    const ink__lrec_t *l = &doc->lines.v[pg->l0 + i];
    if (ink__quote_line (L, l) && l->w > L->colw && l->y < quote_top) {
      quote_top = l->y;
      quote = l->block;
    } else if (!l->generated && l->role == INK_ROLE_BODY && l->y > text_low) {
      text_low = l->y;
    }
  }
  return quote >= 0 && text_low != INT32_MIN && text_low < quote_top ? quote : -1;
}

/**
 * ink__span_mid:
 * @L: the layout, the text ended, the article's first page set from @sn
 * @span: the unit of the pull quote set across the first page's top
 * @sn: the first page's start, the quote waiting for it
 * @even: the bands must end the last page's columns together, though the page did not with
 *   the quote across its top, and the band over the quote hold lines in every column
 * @kept: set when the setting in two bands is kept
 *
 * Sets the page again in two bands around the quote, the text before it above and the rest
 * under it (and on the pages after it), and keeps that setting when it is no worse made up
 * (see the file's head); else the text is set as it was, the quote across the page's top.
 *
 * Return value: INK_OK, or the error that stopped it.
 */
ink_status_t
ink__span_mid (lay_t *L, size_t span, const snap_t *sn, bool even, bool *kept)
{
  *kept = false;
  if (!wanted (L, span, sn))
    return INK_OK;
  ink__makeup_cols_t c;
  ink__measure_page (L, &L->snap, ink__line_step (L), &c);
  was_t w = { .last = L->doc->pages.n == sn->page + 1, .even = even || ink__makeup_even (&c),
              .fill = even,
              .pages = L->doc->pages.n, .blocks = L->doc->overflow_blocks,
              .chars = L->doc->overflow_chars, .spaced = ink__letter_spaced_paras (L) };
  int32_t low;
  ink__page_ends (L, sn, &low, &w.spread, NULL);
  ink__lead_keep_t keep;
  ink_status_t st = ink__lead_keep (L, sn, &keep);
  if (st != INK_OK)
    return st;
  if ((span = head_after (L, sn, span)) == NO_FLOAT) {
    ink__lead_keep_free (L, &keep);
    return INK_OK;
  }
  st = try_bands (L, span, sn, &w, kept);
  /* Failing that, across the page before an earlier paragraph, after the story's first. */
  size_t len = L->units.v[span].float_len;
  for (size_t j = span; st == INK_OK && !*kept && len;) {
    if ((st = ink__lead_keep_back (L, &keep)) != INK_OK ||
        (j = ink__earlier_split (L, sn, span, j)) == NO_FLOAT)
      break;
    ink__units_rotate (L, j, span, span + len);
    st = try_bands (L, j, sn, &w, kept);
  }
  if (st == INK_OK && !*kept && (st = ink__lead_keep_back (L, &keep)) == INK_OK) {
    L->doc->pages.v[sn->page].band_top = 0;
    st = w.last ? ink__set_last_page (L, sn) : ink__set_text_from (L, sn);
  }
  ink__lead_keep_free (L, &keep);
  return st;
}
