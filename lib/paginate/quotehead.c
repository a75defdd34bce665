/* paginate/quotehead: no pull quote over the article's first paragraph, nor under an
 * unbalanced last page. A pull quote across the columns that the text of the last page could
 * not take under it goes across that page's
 * top (floats.c, finish_span), and so does one that would open a page of comments alone
 * (spantop.c); when that page is the article's first, the quote stands under the head,
 * between the byline and the first paragraph, and is read before the text it pulls a line
 * from. A make-up editor sets it in its turn instead: at the column's width, in the
 * column where its paragraph ends or at the next column's top. The text is set so again
 * (from the page's start on a one-page article, from page 1 when the comments went on to the
 * next page), balanced, and the setting kept when it then holds all it did on no more pages,
 * places every float, keeps every pull quote off and apart from another, reads the quote
 * before the end of the text that follows it, and is no worse made up: the last page's
 * columns end together if they did, no widow, orphan or keep rule is let through that was
 * not, balancing does not reject it, and a page 1 that stays full ends its columns as close
 * together, none shorter. When the quote in its turn finds no room on the first page and
 * waits for the next, the last, where it would open the first column over a line or two of
 * the text, it goes across that page's top instead (across_last_top): read after the text
 * it follows, on the next page, and before the text that page holds after it, which is its
 * turn too. On a one-page article whose columns the quote in its turn leaves
 * more than a line step apart (the text all in the column before the quote's), the quote
 * goes before an earlier paragraph, the text running on past its column, or across the
 * middle of the page, when that ends the columns together (quote_earlier). Else the quote
 * stays across the top: the units and paragraphs' loosenesses are put back as they were
 * (leadeven.c's keep) and the text set as it was.
 * Likewise a pull quote across the foot of a last page whose columns, balanced without it,
 * end more than a line step apart, or across the top of a last page not the first whose
 * columns under it end so or leave one empty though it holds two lines for each (a comment
 * of four lines alone in one of two columns), or end together only with a line alone under a
 * float (a related box over the last paragraph's first line, the rest beside it), or over the
 * paragraph it pulls its words from (ink__quote_off_foot): set in its turn, it is kept only
 * when the columns then end within one, all of them holding lines, no line alone under a
 * float that was not (nor, when that was the page's only fault, one still). A quote over such a last page that waited there from the
 * full page before it, where its turn came, is set at the column's width in its turn on that
 * page, the text set again from its start (quote_on_page_before): kept when the full page
 * stays full and even, the last page's columns then end within a line step and the quote is
 * read in its turn or still first on the last page. */
#include "layout-internal.h"
#include "makeup.h"

#include <string.h>

/* A pull quote across the columns of page pg that stands over its columns (above their top,
 * where a float that waited for the page goes) or, when under, under them (the last page's
 * columns end above it: floats.c, span_under_columns); NO_FLOAT when none does. */
static size_t
quote_across (const lay_t *L, size_t page, bool under)
{
  const ink__page_t *pg = &L->doc->pages.v[page];
  if (under && !pg->body_bottom)
    return NO_FLOAT;
  for (size_t i = 0; i < L->units.n; i++) {
    const unit_t *u = &L->units.v[i];
    if (!u->float_len || !u->span || u->placed_page != page || !ink__is_quote (L, i))
      continue;
    for (size_t j = 0; j < pg->nl; j++) {
      const ink__lrec_t *l = &L->doc->lines.v[pg->l0 + j];
      if (ink__quote_line (L, l) && (under ? l->y >= pg->body_bottom : l->y < pg->body_top))
        return i;
    }
  }
  return NO_FLOAT;
}

/* No running text comes before the page that starts at sn: it is the article's first. */
static bool
first_page (const lay_t *L, const snap_t *sn)
{
  return sn->k == 0 && !ink__text_within (L, 0, sn->ui);
}

void
ink__note_quote_top (lay_t *L, const snap_t *sn)
{
  if (first_page (L, sn) && sn->pending_span != NO_FLOAT && ink__is_quote (L, sn->pending_span)) {
    L->quote_top = *sn;
    L->quote_top_set = true;
  }
}

/* The text has ended on the last page of several columns, every float placed. */
static bool
settled (const lay_t *L)
{
  return !L->full && L->ncols >= 2 && L->pending == NO_FLOAT && L->pending_span == NO_FLOAT &&
         L->doc->pages.n == L->snap.page + 1;
}

/* The last page as now set: balancing's cost, whether its columns end together, whether a
 * keep rule was let through, whether a column stays empty though the page holds two lines for
 * each (a comment of four lines alone under a quote across the top, in one of two columns). */
typedef struct {
  int64_t cost;
  bool even, strained, unfilled, lone;
} made_t;

static made_t
made_up (const lay_t *L, const snap_t *sn)
{
  ink__makeup_cols_t c;
  ink__measure_page (L, sn, ink__line_step (L), &c);
  size_t total = 0;
  unsigned filled = 0;
  for (unsigned i = 0; i < c.ncols; i++) {
    total += c.lines[i];
    filled += c.lines[i] > 0;
  }
  bool unfilled = filled < c.ncols && total >= 2 * (size_t) c.ncols;
  return (made_t) { ink__makeup_cost (&c), ink__makeup_even (&c), c.strained, unfilled,
                    c.lone_float };
}

/* The setting now made lets no line stand alone under a float that did not, and clears the
 * one that did when that was the last page's only fault (its columns ending together). */
static bool
lone_cleared (const made_t *was, const made_t *now)
{
  return !now->lone || (was->lone && !was->even);
}

/* The block of the pull quote's text in the float at unit span (-1: none). */
static long
quote_block (const lay_t *L, size_t span)
{
  size_t end = span + L->units.v[span].float_len;
  long quote = -1;
  for (size_t i = span; i < end && i < L->units.n; i++)
    if (L->units.v[i].kind == U_PARA && L->units.v[i].p->role == INK_ROLE_QUOTE)
      quote = L->units.v[i].block;
  return quote;
}

/* The pull quote at unit span, as now set, is read before the last line of the running text
 * that follows it in the article, and no pull quote stands beside another. */
static bool
in_its_turn (const lay_t *L, size_t span)
{
  size_t next = span + L->units.v[span].float_len;
  long quote = quote_block (L, span), text = -1;
  while (next < L->units.n && !ink__text_within (L, next, next + 1))
    next++;
  if (next < L->units.n)
    text = L->units.v[next].block;
  ink__read_at_t first = { SIZE_MAX, 0, 0 }, last = { 0, -1, 0 };
  for (size_t q = 0; q < L->doc->pages.n; q++) {
    const ink__page_t *pg = &L->doc->pages.v[q];
    for (size_t i = 0; i < pg->nl; i++) {
      const ink__lrec_t *l = &L->doc->lines.v[pg->l0 + i];
      ink__read_at_t at = { q, ink__line_col (L, l, pg->body_top), l->y };
      if (l->block == quote && ink__read_before (at, first))
        first = at;
      if (l->block == text && !l->generated && ink__read_before (last, at))
        last = at;
    }
    if (ink__quotes_side_by_side (L, q))
      return false;
  }
  return first.page != SIZE_MAX && (text < 0 || ink__read_before (first, last));
}

/* The setting just made is no worse made up than the one measured as was: no float after the
 * end of its text, no pull quote on or beside another, the last page's columns ending
 * together if they did, no keep rule let through that was not, and not rejected. */
static bool
no_worse (const lay_t *L, const made_t *was)
{
  made_t now = made_up (L, &L->snap);
  return !L->late && !L->stacked && (now.even || !was->even) &&
         (!now.strained || was->strained) && now.cost != INK_MAKEUP_REJECT;
}

/* The text set again from sn, a page at a time, and its last page balanced and finished as at
 * the end of the text (flow.c, ink__flow_end). */
ink_status_t
ink__set_text_from (lay_t *L, const snap_t *sn)
{
  L->snap = *sn;
  L->doc->pages.v[sn->page].body_top = sn->top;
  L->doc->pages.v[sn->page].body_bottom = 0;
  snap_t from = *sn;
  ink_status_t st = ink__pages_again (L, &from);
  return st == INK_OK ? ink__settle_last_page (L) : st;
}

/* The pull quote at unit span, set at the column's width from the first page's start (sn),
 * found no room on that page and waited, alone, for the next, the last, where it would open
 * the first column (a line of the next paragraph alone under it, the rest beside it): it
 * goes across that page's top instead, the text left and the comments balanced under it
 * (*across). It is then read after the text it follows and before the text that page holds. */
static ink_status_t
across_last_top (lay_t *L, size_t span, const snap_t *sn, bool *across)
{
  snap_t last = L->snap;
  *across = false;
  if (last.page != sn->page + 1 || last.pending != span ||
      (last.queue_last != NO_FLOAT && last.queue_last != span) ||
      last.pending_span != NO_FLOAT || last.k > 0 || !ink__text_within (L, last.ui, L->units.n))
    return INK_OK;
  ink_status_t st = ink__widen_float (L, span, across);
  if (st != INK_OK || !*across)
    return st;
  last.pending = NO_FLOAT;
  last.queue_last = NO_FLOAT;
  last.pending_span = span;
  return ink__set_last_page (L, &last);
}

/* The article's first page, not its last, set with the pull quote at unit span across its
 * top (sn, L->quote_top): the text is set again from there with the quote at the column's
 * width in its turn (*better when that ends on no more pages, holds all it did, places every
 * float and is no worse made up). With across, a quote that then waits alone for the last
 * page may go across its top (across_last_top); without, it stays at the column's width. */
static ink_status_t
try_first_page (lay_t *L, size_t span, const snap_t *sn, bool *better, bool *across)
{
  size_t pages = L->doc->pages.n, blocks = L->doc->overflow_blocks,
         chars = L->doc->overflow_chars, spaced = ink__letter_spaced_paras (L);
  made_t was = made_up (L, &L->snap);
  int32_t low, now_low;
  int64_t spread, now_spread;
  ink__page_ends (L, sn, &low, &spread, NULL);
  bool narrowed;
  *better = false;
  if (across)
    *across = false;
  ink_status_t st = ink__narrow_float (L, span, &narrowed);
  if (st != INK_OK || !narrowed)
    return st;
  snap_t nsn = *sn;
  nsn.pending_span = NO_FLOAT;
  if ((st = ink__set_text_from (L, &nsn)) != INK_OK ||
      (across && (st = across_last_top (L, span, sn, across)) != INK_OK))
    return st;
  *better = !L->full && L->pending == NO_FLOAT && L->pending_span == NO_FLOAT &&
            L->doc->pages.n <= pages && L->doc->overflow_blocks == blocks &&
            L->doc->overflow_chars == chars && !L->late && !L->stacked &&
            (L->doc->pages.n < pages || no_worse (L, &was));
  if (*better && L->doc->pages.n > sn->page + 1) {
    /* The first page, still full, ends its columns as close together, and no column shorter
     * than the shortest did (by a pixel at most, as much as the grid's baselines move with
     * what stands above them: chiangmai-flood.th kiosk-7.5 ended its columns together a fifth
     * of a pixel higher with the quote in its turn) unless every column still ends with less
     * than room for two more lines under it, a full page's measure (make-up check's
     * uneven-full-page): apagon-tenerife.es print-a4 ends them together half a line higher
     * with the quote in its turn, which across the top was read before the first paragraph.
     * Nor does it open the gaps between characters of more paragraphs (kobe-port.ja
     * kiosk-10.3 would letter-space its first to end page 1 so). */
    ink__page_ends (L, sn, &now_low, &now_spread, NULL);
    int64_t full = (int64_t) L->bottom - 2 * (int64_t) ink__line_step (L);
    *better = now_spread <= spread + PX (1) && (now_low + PX (1) >= low || now_low >= full) &&
              ink__letter_spaced_paras (L) <= spaced;
  }
  return INK_OK;
}

/* The paragraphs from the page's start at sn set back to their best setting (looseness 0), as
 * the page's first flow had them: balancing chose their loosenesses around the quote across
 * the top, and the quote in its turn shares the page out anew (ganga-ghat.hi print-a4, its
 * first paragraph a line longer, ended its columns two line steps apart so). */
static ink_status_t
loosenesses_back (lay_t *L, const snap_t *sn)
{
  ink_status_t st = INK_OK;
  bool met;
  for (size_t i = sn->ui; i < L->units.n && st == INK_OK; i++) {
    setpara_t *p = L->units.v[i].p;
    if (p && L->units.v[i].kind == U_PARA && p->po.looseness != 0)
      st = ink__set_para_looseness (L, p, 0, true, &met);
  }
  return st;
}

/* The one-page article set again from sn with the pull quote at unit span at the column's
 * width in its turn (*better when that holds all it did, is no worse made up than was and
 * reads the quote before the end of the text that follows it). The page is judged as the end
 * of the text leaves it: a float that the quote in its turn pushed after the end of its text
 * goes back before a paragraph (early.c) first, as it would once this setting is kept (a
 * related link and a second quote under the last paragraph of a short Hindi or Spanish
 * article, which read the setting as worse). */
static ink_status_t
in_turn_last (lay_t *L, size_t span, const snap_t *sn, const made_t *was, bool *better)
{
  ink_status_t st = loosenesses_back (L, sn);
  *better = false;
  if (st == INK_OK)
    st = ink__try_narrow_span (L, span, sn, better);
  if (st == INK_OK && *better)
    st = ink__float_before_end (L);
  if (st == INK_OK && *better)
    *better = no_worse (L, was);
  if (st == INK_OK && *better)
    *better = in_its_turn (L, span);
  return st;
}

/* A one-page brief whose columns end apart with its pull quote (unit span) at the column's
 * width in its turn, the quote as tall as a column and the text all in the one before it:
 * the quote goes before an earlier paragraph, the nearest first, down to the story's second
 * (ink__earlier_split), so that the text runs on past the quote's column; the first such
 * setting that ends the columns within a line step, all of them holding lines and no keep
 * rule let through, is kept. Else the quote is set in its turn again, as found. The units
 * are set back from kept (the quote across the page's top, where it waited) before each try. */
static ink_status_t
quote_earlier (lay_t *L, size_t span, const snap_t *sn, const ink__lead_keep_t *kept,
               const made_t *was)
{
  size_t len = L->units.v[span].float_len;
  snap_t from = *sn;
  if (sn->pending != NO_FLOAT || span < sn->ui ||
      (sn->pending_span != NO_FLOAT && sn->pending_span != span))
    return INK_OK;
  from.pending_span = NO_FLOAT;   /* the flow meets the quote in the page's units */
  bool even = false, ok;
  ink_status_t st = INK_OK;
  for (size_t j = span; st == INK_OK && !even && len;) {
    if ((st = ink__lead_keep_back (L, kept)) != INK_OK ||
        (j = ink__earlier_split (L, sn, span, j)) == NO_FLOAT)
      break;
    ink__units_rotate (L, j, span, span + len);
    st = in_turn_last (L, j, &from, was, &ok);
    if (st == INK_OK && ok) {
      made_t now = made_up (L, &L->snap);
      even = now.even && !now.strained && !now.unfilled;
    }
  }
  if (st != INK_OK || even || (st = ink__lead_keep_back (L, kept)) != INK_OK)
    return st;
  /* Else across the middle of the page (midspan.c), its bands ending their columns together. */
  if ((st = ink__set_last_page (L, sn)) == INK_OK)
    st = ink__span_mid (L, span, sn, true, &even);
  if (st == INK_OK && !even && (st = ink__lead_keep_back (L, kept)) == INK_OK)
    st = in_turn_last (L, span, sn, was, &ok);
  return st;
}

/* The pull quote at unit span, in its turn at the column's width from the first page's start
 * (sn, not the last page), found no room there and was read after the text that follows it,
 * the setting otherwise no worse (try_first_page): the text all on the first page, the quote
 * alone on the next (patras-port.el on two columns with the comments on a page of their own).
 * A make-up editor sets it before the paragraph before it instead, at the next column's top,
 * the text running on past it: the text is set as it was, then again with the quote before
 * the page's nearest paragraph it may go before (ink__earlier_split: none of it the quote's
 * passage), and that setting is kept on try_first_page's terms when the quote is then read
 * in its turn. The units are set back from kept first. */
static ink_status_t
first_page_earlier (lay_t *L, size_t span, const snap_t *sn, const ink__lead_keep_t *kept,
                    bool *better)
{
  size_t len = L->units.v[span].float_len;
  *better = false;
  if (sn->pending != NO_FLOAT || span < sn->ui || !len)
    return INK_OK;
  ink_status_t st = ink__lead_keep_back (L, kept);
  if (st == INK_OK)
    st = ink__set_text_from (L, sn);
  size_t j = st == INK_OK ? ink__earlier_split (L, sn, span, span) : NO_FLOAT;
  if (j == NO_FLOAT)
    return st;
  if ((st = ink__lead_keep_back (L, kept)) != INK_OK)
    return st;
  ink__units_rotate (L, j, span, span + len);
  snap_t from = *sn;
  from.pending_span = j;
  if ((st = loosenesses_back (L, &from)) == INK_OK)
    st = try_first_page (L, j, &from, better, NULL);
  if (st == INK_OK && *better)
    *better = in_its_turn (L, j);
  return st;
}

/**
 * ink__quote_off_head:
 * @L: the layout, the text ended and the last page set
 *
 * When a pull quote across the columns stands over the columns of the article's first page,
 * sets the text again with the quote at the column's width in its turn, and keeps that
 * setting when it is no worse made up (see the file's head); else the text is set as it was.
 *
 * Return value: INK_OK, or the error that stopped it.
 */
ink_status_t
ink__quote_off_head (lay_t *L)
{
  snap_t sn = L->snap;
  if (!settled (L))
    return INK_OK;
  bool last = first_page (L, &sn);
  if (!last && L->quote_top_set && L->quote_top.page < sn.page)
    sn = L->quote_top;
  else if (!last)
    return INK_OK;
  size_t span = quote_across (L, sn.page, false);
  if (span == NO_FLOAT || span < sn.ui || (!last && span != sn.pending_span))
    return INK_OK;
  made_t was = made_up (L, &L->snap);
  ink__lead_keep_t kept;   /* the units and loosenesses from the page's start, as they are */
  ink_status_t st = ink__lead_keep (L, &sn, &kept);
  if (st != INK_OK)
    return st;
  bool better = false;
  if (last) {
    st = in_turn_last (L, span, &sn, &was, &better);
    if (st == INK_OK && better && !made_up (L, &L->snap).even)
      st = quote_earlier (L, span, &sn, &kept, &was);
  } else {
    bool across = false;
    st = loosenesses_back (L, &sn);
    if (st == INK_OK)
      st = try_first_page (L, span, &sn, &better, &across);
    bool fits = better;
    if (st == INK_OK && better)
      better = in_its_turn (L, span) || (across && !ink__quotes_side_by_side (L, sn.page + 1));
    if (st == INK_OK && fits && !better)
      st = first_page_earlier (L, span, &sn, &kept, &better);
  }
  if (st == INK_OK && !better && (st = ink__lead_keep_back (L, &kept)) == INK_OK)
    st = last ? ink__set_last_page (L, &sn) : ink__set_text_from (L, &sn);
  ink__lead_keep_free (L, &kept);
  /* Else across the middle of the first page (midspan.c). */
  if (st == INK_OK && !better)
    st = ink__span_mid (L, span, &sn, false, &better);
  return st;
}

/* The pull quote at unit span is read first on the last page, as across its top: the first
 * of its lines is the page's first read (at the first column's top), and no pull quote
 * stands beside another. */
static bool
opens_last_page (const lay_t *L, size_t span)
{
  size_t q = L->doc->pages.n - 1;
  long quote = quote_block (L, span);
  const ink__page_t *pg = &L->doc->pages.v[q];
  ink__read_at_t first = { SIZE_MAX, 0, 0 }, quote_at = { SIZE_MAX, 0, 0 };
  for (size_t i = 0; i < pg->nl; i++) {
    const ink__lrec_t *l = &L->doc->lines.v[pg->l0 + i];
    if (l->generated && l->block != quote)
      continue;
    ink__read_at_t at = { q, ink__line_col (L, l, pg->body_top), l->y };
    if (ink__read_before (at, first))
      first = at;
    if (l->block == quote && ink__read_before (at, quote_at))
      quote_at = at;
  }
  return quote >= 0 && quote_at.page == q && quote_at.col == first.col && quote_at.y == first.y &&
         !ink__quotes_side_by_side (L, q);
}

/* A pull quote across the top of the last page that waited there from the full page before
 * it (its turn came on that page, where it did not fit across the columns), the last page's
 * columns ending apart: the text is set again from that page's start with the quote at the
 * column's width in its turn there, and kept when the full page stays as full and even
 * (try_first_page's measure), the last page's columns then end within a line step, all of
 * them filled, no keep rule let through that was not, and the quote is read in its turn; else
 * the text is set as it was. */
static ink_status_t
quote_on_page_before (lay_t *L, size_t span, const made_t *was)
{
  if (!L->noted_set || L->noted.page + 1 != L->snap.page || span < L->noted.ui ||
      L->noted.pending_span != NO_FLOAT)
    return INK_OK;
  snap_t sn = L->noted;
  ink__lead_keep_t kept;
  ink_status_t st = ink__lead_keep (L, &sn, &kept);
  if (st != INK_OK)
    return st;
  bool better;
  st = try_first_page (L, span, &sn, &better, NULL);
  if (st == INK_OK && better) {
    made_t now = made_up (L, &L->snap);
    better = now.even && !now.unfilled && (!now.strained || was->strained) &&
             lone_cleared (was, &now) && (in_its_turn (L, span) || opens_last_page (L, span));
  }
  if (st == INK_OK && !better && (st = ink__lead_keep_back (L, &kept)) == INK_OK)
    st = ink__set_text_from (L, &sn);
  ink__lead_keep_free (L, &kept);
  return st;
}

/**
 * ink__quote_off_foot:
 * @L: the layout, the text ended and the last page set
 *
 * When a pull quote across the columns stands under the last page's columns, or over those of
 * a last page not the first, and they end more than a line step apart (or one is left empty,
 * made_t.unfilled, or, over, a line stands alone under a float), sets the last page again with the quote at the column's width in its
 * turn, and keeps that setting when its columns then end within a line step, all filled, it
 * holds all it did, keeps every pull quote off and apart from another, reads the quote before
 * the end of the text that follows it and lets no rule through that was not; else the page is
 * set as it was.
 *
 * Return value: INK_OK, or the error that stopped it.
 */
ink_status_t
ink__quote_off_foot (lay_t *L)
{
  snap_t sn = L->snap;
  if (!settled (L))
    return INK_OK;
  size_t span = quote_across (L, sn.page, true);
  bool over = span == NO_FLOAT && !first_page (L, &sn);
  if (over)
    span = quote_across (L, sn.page, false);   /* over the columns of a page not the first */
  if (span == NO_FLOAT || (span < sn.ui && span != sn.pending_span))
    return INK_OK;
  made_t was = made_up (L, &sn);
  bool early = over && ink__passage_under (L, span, &sn);
  if ((was.even && !was.unfilled && !early && !(over && was.lone)) ||
      was.cost == INK_MAKEUP_REJECT)
    return INK_OK;
  ink__lead_keep_t kept;
  ink_status_t st = ink__lead_keep (L, &sn, &kept);
  if (st != INK_OK)
    return st;
  bool better;
  st = ink__try_narrow_span (L, span, &sn, &better);
  if (st == INK_OK && better) {
    made_t now = made_up (L, &L->snap);
    better = now.even && !now.unfilled && !L->late && !L->stacked &&
             (!now.strained || was.strained) && lone_cleared (&was, &now) &&
             in_its_turn (L, span);
  }
  if (st == INK_OK && !better && (st = ink__lead_keep_back (L, &kept)) == INK_OK)
    st = ink__set_last_page (L, &sn);
  ink__lead_keep_free (L, &kept);
  if (st == INK_OK && !better && over && sn.pending_span == span)
    st = quote_on_page_before (L, span, &was);
  return st;
}
