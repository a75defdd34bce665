/* paginate/early: a float that found no place before the text ended is set earlier.
 *
 * A float that does not fit where the text reaches it waits for the next column, and the
 * text flows past it; when the text then ends first, the float goes in under it or in the
 * next column (floats.c, ink__place_last), after the end of the text that follows it in
 * the article: a pull quote from the second paragraph set under the last one reads as the
 * end of the story. A newspaper sets it earlier on the page instead, between paragraphs
 * before the one it follows (a pull quote is an excerpt, a picture or a related link
 * belongs to the story as a whole), and the text flows on under it. So the last page is
 * set again with the float (and the floats right behind it) moved before a paragraph of
 * the page, the nearest to its own first, and the setting kept when the float then comes
 * before the end of the text, the page still holds all it did, and it is no worse made up
 * (ink__float_before_end). When the last page holds none of the text (comments, or floats
 * that waited for it), the full page before it is the one set again, and the text after it
 * (page_before). A pull quote the last page sets beside another, in the neighbouring column
 * at the same height, is moved earlier so too. A float met on the last page of text after
 * nothing but the rest of a paragraph turned onto it has no paragraph of the page to go
 * before: it opens the page instead, over those lines (move_to_top). */
#include "layout-internal.h"
#include "makeup.h"

static void
reverse (unit_t *u, size_t a, size_t b)
{
  for (; a + 1 < b; a++, b--) {
    unit_t t = u[a];
    u[a] = u[b - 1];
    u[b - 1] = t;
  }
}

/* Units [a, m) and [m, b) change places. */
void
ink__units_rotate (lay_t *L, size_t a, size_t m, size_t b)
{
  reverse (L->units.v, a, m);
  reverse (L->units.v, m, b);
  reverse (L->units.v, a, b);
}

/* Unit j is a paragraph of running text the floats may go before: not the rest of one that
 * began on the page before, not under a subhead or lead-in it is kept with, nor a table's
 * note (under its last row, in the table's float). */
static bool
slot_before (const lay_t *L, const snap_t *sn, size_t j)
{
  const unit_t *u = &L->units.v[j];
  if (u->kind != U_PARA || !u->p || u->float_len || (j == sn->ui && sn->k > 0) ||
      ink__is_note_unit (L, j))
    return false;
  ink__role_t r = u->p->role;
  if (r != INK_ROLE_BODY && r != INK_ROLE_LIST && r != INK_ROLE_SUBHEAD)
    return false;
  if (j == 0)
    return true;
  const unit_t *v = &L->units.v[j - 1];
  if (r == INK_ROLE_LIST && v->kind == U_PARA && v->p && !v->float_len &&
      v->p->role == INK_ROLE_LIST)
    return false;
  return !v->keep_with_next || v->float_len;
}

/* The float at unit f, a pull quote, moved before unit j would be read before the article's
 * first paragraph (the make-up check's early-quote). */
static bool
over_first (const lay_t *L, size_t f, size_t j)
{
  return ink__is_quote (L, f) && !ink__text_within (L, 0, j);
}

/* A snapshot's waiting floats are none of units [a, b). */
static bool
snap_clear (const snap_t *sn, size_t a, size_t b)
{
  size_t w[3] = { sn->pending, sn->queue_last, sn->pending_span };
  for (int i = 0; i < 3; i++)
    if (w[i] != NO_FLOAT && w[i] >= a && w[i] < b)
      return false;
  return true;
}

/* The last page as now set, measured and scored as balancing scores it, the late float
 * left out of the score. */
static void
score (lay_t *L, const snap_t *sn, int64_t *cost, bool *even, bool *strained)
{
  ink__makeup_cols_t c;
  ink__measure_page (L, sn, ink__line_step (L), &c);
  c.late = false;
  *cost = ink__makeup_cost (&c);
  *even = ink__makeup_even (&c);
  *strained = c.strained;
}

/* The last page just set from sn holds all it did (overflow as before) and no float waits. */
bool
ink__last_holds_all (const lay_t *L, const snap_t *sn, size_t blocks, size_t chars)
{
  return !L->full && L->doc->pages.n == sn->page + 1 && L->pending == NO_FLOAT &&
         L->pending_span == NO_FLOAT && L->doc->overflow_blocks == blocks &&
         L->doc->overflow_chars == chars;
}

/* Where the lines of pull quote block b sit on page pg: their column (-1 when not all in one
 * column) and height. */
static int
quote_extent (const lay_t *L, const ink__page_t *pg, long b, int64_t *top, int64_t *foot)
{
  int col = -2;
  *top = INT64_MAX, *foot = INT64_MIN;
  for (size_t i = 0; i < pg->nl; i++) {
    const ink__lrec_t *l = &L->doc->lines.v[pg->l0 + i];
    if (l->block != b || l->generated)
      continue;
    int c = ink__line_col (L, l, pg->body_top);
    if (c < 0 || (col != -2 && c != col))
      return -1;
    col = c;
    *top = l->y < *top ? l->y : *top;
    *foot = (int64_t) l->y + l->h > *foot ? (int64_t) l->y + l->h : *foot;
  }
  return col;
}

/* The later of two pull quotes of the page that stand side by side (its block; *earlier, when
 * not NULL, gets the other's): in neighbouring columns, their heights overlapping by more
 * than half the shorter's (the rule of ink__beside_quote, which a quote that goes in where
 * the text meets it is not asked); -1 when none do. */
long
ink__beside_pair (const lay_t *L, size_t page, long *earlier)
{
  const ink__page_t *pg = &L->doc->pages.v[page];
  for (size_t i = 0; i < pg->nl; i++) {
    const ink__lrec_t *a = &L->doc->lines.v[pg->l0 + i];
    for (size_t j = 0; ink__quote_line (L, a) && j < pg->nl; j++) {
      const ink__lrec_t *b = &L->doc->lines.v[pg->l0 + j];
      if (!ink__quote_line (L, b) || b->block <= a->block)
        continue;
      int64_t t1, f1, t2, f2;
      int c1 = quote_extent (L, pg, a->block, &t1, &f1);
      int c2 = quote_extent (L, pg, b->block, &t2, &f2);
      if (c1 < 0 || c2 < 0 || (c1 - c2 != 1 && c2 - c1 != 1))
        continue;   /* not both in one column each (their extents are then not set) */
      int64_t shorter = f1 - t1 < f2 - t2 ? f1 - t1 : f2 - t2;
      int64_t over = (f1 < f2 ? f1 : f2) - (t1 > t2 ? t1 : t2);
      if (2 * over > shorter) {
        if (earlier)
          *earlier = a->block;
        return b->block;
      }
    }
  }
  return -1;
}

/* The later of two pull quotes of the page that stand side by side (ink__beside_pair). */
long
ink__later_beside (const lay_t *L, size_t page)
{
  return ink__beside_pair (L, page, NULL);
}

/* Two pull quotes of the page stand side by side (ink__later_beside). */
bool
ink__quotes_side_by_side (const lay_t *L, size_t page)
{
  return ink__later_beside (L, page) >= 0;
}

/* The last page as it was set: what a setting with the floats moved must not do worse. */
typedef struct {
  snap_t sn;
  size_t blocks, chars;
  int64_t cost;
  bool even, strained;
  bool tried;       /* a setting with a float moved was tried */
  bool full;        /* sn is the page before the last, full: the text is set again from it */
  size_t pages;     /* then: the pages set, */
  int32_t low;      /* the highest last baseline of its columns and */
  int64_t spread;   /* how far apart they end, */
  bool even_full;   /* within a line step */
  bool beside;      /* the float moved is a pull quote set beside another */
} was_t;

/* The room between the lowest thing set on page pg (a line, a rule, a picture) and the
 * columns' foot. */
static int64_t
foot_room (const lay_t *L, size_t page)
{
  const ink__page_t *pg = &L->doc->pages.v[page];
  int64_t low = pg->body_top;
  for (size_t i = 0; i < pg->ni; i++) {
    const ink__item_t *it = &L->doc->items.v[pg->i0 + i];
    low = (int64_t) it->y + it->h > low ? (int64_t) it->y + it->h : low;
  }
  return (int64_t) L->bottom - low;
}

/* The text set again from the full page sn (w->full) holds all it did on no more pages, the
 * full page no float after its text nor pull quotes side by side, its columns ending as
 * close together (or within a line step, if they did: the text ends on it) with none
 * shorter, or what it holds reaching two line steps from its foot. */
static bool
full_kept (lay_t *L, const was_t *w, const snap_t *sn)
{
  if (L->full || L->doc->pages.n > w->pages || L->pending != NO_FLOAT ||
      L->pending_span != NO_FLOAT || L->doc->overflow_blocks != w->blocks ||
      L->doc->overflow_chars != w->chars ||
      (L->noted_set && L->noted.page == sn->page && L->noted_late != NO_FLOAT) ||
      ink__quotes_side_by_side (L, sn->page))
    return false;
  if (L->doc->pages.n < w->pages)
    return true;   /* the text and its floats end a page sooner: it is the last, balanced */
  int32_t low;
  int64_t spread;
  bool even;
  ink__page_ends (L, sn, &low, &spread, &even);
  return (spread <= w->spread + PX (1) || (even && w->even_full)) &&
         (low >= w->low || foot_room (L, sn->page) <= 2 * (int64_t) ink__line_step (L));
}

/* Sets the last page again from sn, no float let stand after the end of its text, and says
 * whether the setting is kept (*kept): every float comes before the end of its text, the
 * page holds all it did, sets no pull quote on or beside another, lets no new rule through,
 * and ends its columns together if it did. */
static ink_status_t
try_page (lay_t *L, was_t *w, const snap_t *sn, bool *kept)
{
  w->tried = true;
  L->no_late = !w->full;
  L->noted_set = false;
  ink_status_t st = w->full ? ink__set_text_from (L, sn) : ink__set_last_page (L, sn);
  L->no_late = false;
  int64_t c;
  bool ev, str;
  score (L, &L->snap, &c, &ev, &str);
  *kept = st == INK_OK && !L->late && !L->stacked && !ink__quotes_side_by_side (L, L->page) &&
          (w->full ? full_kept (L, w, sn) : ink__last_holds_all (L, sn, w->blocks, w->chars)) &&
          (ev || !w->even) && (!str || w->strained) && c != INK_MAKEUP_REJECT;
  return st;
}

/* The floats [f, e), set on this page after the text that follows them, go before a
 * paragraph between their own and the end: the nearest to them first (*kept when one is
 * kept, else the units are as they were). */
static ink_status_t
move_back (lay_t *L, was_t *w, size_t f, size_t e, bool *kept)
{
  const snap_t *sn = &w->sn;
  ink_status_t st = INK_OK;
  *kept = false;
  for (size_t j = f; j-- > sn->ui && st == INK_OK && !*kept;) {
    if (L->units.v[j].float_len && !(w->beside && !ink__is_quote (L, j)))
      break;   /* floats keep their order (a pull quote set beside another may pass a
                * related link or picture: only pull quotes are read in the article's) */
    if (L->units.v[j].kind == U_PARA && ink__pulled_from (L, f, L->units.v[j].block))
      break;   /* nor is a pull quote read before the passage it pulls */
    if (!slot_before (L, sn, j) || !snap_clear (sn, j, e) || over_first (L, f, j))
      continue;
    ink__units_rotate (L, j, f, e);
    if ((st = try_page (L, w, sn, kept)) == INK_OK && !*kept)
      ink__units_rotate (L, j, j + (e - f), e);
  }
  return st;
}

/* The queue's float before the one at unit f, from the head of the snapshot's queue, or
 * NO_FLOAT. */
static size_t
queued_before (const lay_t *L, const snap_t *sn, size_t f)
{
  size_t g = NO_FLOAT;
  for (size_t i = sn->pending; i < f; i += L->units.v[i].float_len ? L->units.v[i].float_len : 1)
    if (L->units.v[i].float_len && !L->units.v[i].span)
      g = i;
  return g;
}

/* Index i after units [f, f + len) moved to just before unit j (f < j). */
static size_t
shifted (size_t i, size_t f, size_t len, size_t j)
{
  return i != NO_FLOAT && i >= f + len && i < j ? i - len : i;
}

/* The float at unit f waited since the page before, the last of the queue this page starts
 * with, and went in after the end of the text: it leaves the queue and goes before a
 * paragraph of this page instead, the first first (nearest its own text; *kept when one is
 * kept, else the units are as they were). */
static ink_status_t
move_ahead (lay_t *L, was_t *w, size_t f, bool *kept)
{
  const snap_t *sn = &w->sn;
  size_t len = L->units.v[f].float_len;
  *kept = false;
  if (sn->pending == NO_FLOAT || sn->pending > f || sn->pending_span != NO_FLOAT ||
      (sn->queue_last != NO_FLOAT && sn->queue_last != f) ||
      (sn->queue_last == NO_FLOAT && sn->pending != f))
    return INK_OK;
  ink_status_t st = INK_OK;
  for (size_t j = sn->ui; j < L->units.n && st == INK_OK && !*kept; j++) {
    if (L->units.v[j].float_len || j >= ink__comments_start (L))
      break;
    if (!slot_before (L, sn, j) || over_first (L, f, j))
      continue;
    snap_t nsn = *sn;
    size_t g = f == sn->pending ? NO_FLOAT : queued_before (L, sn, f);
    nsn.pending = f == sn->pending ? NO_FLOAT : shifted (sn->pending, f, len, j);
    nsn.queue_last = g == NO_FLOAT || g == sn->pending ? NO_FLOAT : shifted (g, f, len, j);
    nsn.ui = sn->ui - len;   /* the page's first unit moves down with the rest */
    ink__units_rotate (L, f, f + len, j);
    if ((st = try_page (L, w, &nsn, kept)) == INK_OK && !*kept)
      ink__units_rotate (L, f, j - len, j);
  }
  return st;
}

/* Whether the last page w->sn starts in a paragraph that began on the page before and holds
 * no other paragraph before the float at unit f: no paragraph of the page for it to go before
 * (slot_before). */
static bool
only_turned_text_before (const lay_t *L, const snap_t *sn, size_t f)
{
  if (sn->k == 0 || f <= sn->ui)
    return false;
  for (size_t j = sn->ui + 1; j < f; j++)
    if (L->units.v[j].kind == U_PARA || L->units.v[j].float_len)
      return false;
  return true;
}

/* The float at unit f, met on the last page of text after the rest of a paragraph that
 * turned onto it, waits for the page from its start (as floatpull.c queues one): it opens
 * the first column over that paragraph's last lines, on its text's page or the one after,
 * rather than after the end of the text, if the page then ends its columns together (*kept
 * when the setting is kept, else the float is as it was). A pull quote, picture or related
 * link set after the end reads as the story's end, on the last page or on the full page
 * before a page of comments (page_before) alike; a short table beside the last lines does
 * not, and stays there (midspan.c, glen-line-timetable's fares). */
static ink_status_t
move_to_top (lay_t *L, was_t *w, size_t f, bool *kept)
{
  const snap_t *sn = &w->sn;
  unit_t *u = &L->units.v[f];
  *kept = false;
  if (w->beside || u->span || ink__is_table (L, f) || sn->pending != NO_FLOAT ||
      sn->pending_span != NO_FLOAT || !only_turned_text_before (L, sn, f))
    return INK_OK;
  size_t met = u->met_page;
  bool early = u->early;
  snap_t nsn = *sn;
  nsn.pending = f;
  nsn.queue_last = NO_FLOAT;
  u->met_page = sn->page;
  u->early = true;
  was_t even = *w;
  even.even = true;   /* and the page's columns end together, whether they did or not */
  ink_status_t st = try_page (L, &even, &nsn, kept);
  w->tried = true;
  if (st == INK_OK && !*kept) {
    u = &L->units.v[f];
    u->met_page = met;
    u->early = early;
  }
  return st;
}

/* The floats moved back or ahead from unit f, as the page w->sn was set, or to the page's top
 * (*kept when a setting is kept). */
static ink_status_t
move (lay_t *L, was_t *w, size_t f, bool *kept)
{
  if (f < w->sn.ui)
    return move_ahead (L, w, f, kept);
  ink_status_t st = move_back (L, w, f, ink__column_floats_end (L, f), kept);
  if (st == INK_OK && !*kept)
    st = move_to_top (L, w, f, kept);
  return st;
}

/* The last page holds none of the text, only comments or floats that waited for it (and
 * comments), and a float is read after the end of the text that follows it: set on the full
 * page before it (pages.c, note_page), or on this one. The page before is the one set again,
 * with the float moved before a paragraph there, and the text after it as at the end of the
 * text (ink__set_text_from). The setting kept must also hold all it did on no more pages
 * and, on as many, end that page's columns as close together (full_kept); else the units,
 * the paragraphs' loosenesses and the text are put back as they were. */
static ink_status_t
page_before (lay_t *L, size_t f)
{
  was_t w = { .sn = L->noted, .full = true, .pages = L->doc->pages.n };
  w.blocks = L->doc->overflow_blocks;
  w.chars = L->doc->overflow_chars;
  score (L, &L->snap, &w.cost, &w.even, &w.strained);
  ink__page_ends (L, &w.sn, &w.low, &w.spread, &w.even_full);
  ink__lead_keep_t keep;
  ink_status_t st = ink__lead_keep (L, &w.sn, &keep);
  if (st != INK_OK)
    return st;
  bool kept;
  st = move (L, &w, f, &kept);
  if (st == INK_OK && !kept && w.tried && (st = ink__lead_keep_back (L, &keep)) == INK_OK)
    st = ink__set_text_from (L, &w.sn);
  ink__lead_keep_free (L, &keep);
  return st;
}

/* The float to move to the page before the last (page_before), or NO_FLOAT: the last page,
 * after a full page, starts after the end of the text with no float across the columns
 * waiting; then either it starts in the comments and the page before holds a float after
 * the end of its text, or the floats that waited for it are read after that end, the first
 * of them from the page before. */
static size_t
late_on_page_before (lay_t *L)
{
  const snap_t *sn = &L->snap;
  if (!L->noted_set || L->noted.page + 2 != L->doc->pages.n || sn->page != L->noted.page + 1 ||
      sn->ui < ink__comments_start (L) || sn->pending_span != NO_FLOAT)
    return NO_FLOAT;
  if (!L->late && sn->pending == NO_FLOAT && sn->ui < L->units.n)
    return L->noted_late;
  if (L->late && sn->pending != NO_FLOAT && L->late_ui >= L->noted.ui && L->late_ui < sn->ui)
    return L->late_ui;
  return NO_FLOAT;
}

/* The first unit of the later of two pull quotes that stand side by side on page (a float
 * of the page's, or one that waited for it), or NO_FLOAT. */
size_t
ink__beside_on_page (const lay_t *L, size_t page)
{
  long b = ink__later_beside (L, page);
  for (size_t i = 0; b >= 0 && i < L->units.n; i++) {
    size_t len = L->units.v[i].float_len;
    for (size_t k = i; k < i + len && k < L->units.n; k++)
      if (L->units.v[k].block == b)
        return i;   /* a float's first unit may be its rule */
    i += len ? len - 1 : 0;
  }
  return NO_FLOAT;
}

/**
 * ink__float_before_end:
 * @L: the layout, the text ended and the last page set
 *
 * A float on the last page set after the end of the text that follows it (L->late) is moved
 * before a paragraph of the page, and the page set again (balanced): one met on the page,
 * with the floats right behind it, before a paragraph between its own and the end, the
 * nearest first (move_back); one that waited since the page before, the last of the queue,
 * out of the queue and before a paragraph of the page, the first first (move_ahead). The
 * first setting that puts every float before the end of its text, holds all the page did,
 * lets no rule through that the page did not, and leaves the columns even if they were, is
 * kept. Else the page is set as it was. So is a pull quote the last page sets beside another
 * in the neighbouring column, at the same height (the later of the two, with the floats right
 * behind it; it may pass a related link or picture before it): the eye goes across from one
 * to the other. When the last page holds none of the text and a float after its end is on it
 * or on the full page before it, that page is the one set again (page_before).
 *
 * Return value: INK_OK, or the error that stopped it.
 */
ink_status_t
ink__float_before_end (lay_t *L)
{
  was_t w = { .sn = L->snap };
  if (L->full || L->pending != NO_FLOAT || L->pending_span != NO_FLOAT ||
      L->doc->pages.n != w.sn.page + 1)
    return INK_OK;
  size_t before = late_on_page_before (L);
  if (before != NO_FLOAT)
    return page_before (L, before);
  size_t f = L->late ? L->late_ui : ink__beside_on_page (L, w.sn.page);
  w.beside = !L->late;
  if (f == NO_FLOAT)
    return INK_OK;
  w.blocks = L->doc->overflow_blocks;
  w.chars = L->doc->overflow_chars;
  score (L, &w.sn, &w.cost, &w.even, &w.strained);
  bool kept;
  ink_status_t st = move (L, &w, f, &kept);
  if (st != INK_OK || kept || !w.tried)
    return st;
  L->snap = w.sn;
  return ink__set_last_page (L, &w.sn);
}
