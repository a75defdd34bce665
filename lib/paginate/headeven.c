/* paginate/headeven: page 1's head made up to the page, for a full page 1 whose columns the
 * other make-up tools could not end together and full (pages.c), or whose text would go on to
 * a runt page that runt.c's trials could not draw back (ink__runt_head). Under a tall head on a small
 * panel a column holds six or seven lines, and a subhead, a list's lead-in or a pull quote that
 * cannot come up with the lines it keeps leaves the columns of page 1 two or three steps short
 * or apart, with no paragraph break in them to take space. A make-up editor fits the head to
 * the page instead: opens it up, the white going between its parts (kicker, headline, deck,
 * byline, the rule and the columns), which moves every column alike and keeps the body on its
 * grid (the grid begins where the columns do); or sets headline and deck smaller, as the head
 * is fitted to a page it would fill (head.c). The page is flowed and evened again under the
 * head opened by one or two line steps, then a tenth smaller at a time (down to
 * INK_HEAD_MIN_SCALE), each opened by none, one or two; the first setting at which its columns
 * end together and full, with no rule let through, no line alone under a float and no hole
 * above one, is kept; else the page is evened again under the head as it was, from the units
 * and paragraphs as they were. An opened head's lines and rule are moved when the document
 * is finished (ink__head_open), and only when page 1's columns still begin where this chose.
 * One-column pages are evened so only while no float waits past page 1 (one_column_waits):
 * held-out cadiz-faro.es reader-6 filled page 1 under the head opened and left its floats on
 * a page after the end of the text. A runt is taken under a smaller head on one column too
 * (a source line alone on page 2 of a one-column panel), since the text must then end on
 * page 1 with nothing left waiting (ink__runt_ends). */
#include "even.h"
#include "layout-internal.h"

/* The most line steps the columns are begun lower. */
#define HEAD_OPEN_STEPS 2
/* The most places the white goes: between the head's parts, the rule and the columns. */
#define HEAD_GAPS 8

/* Whether line role r is one of the head's parts. */
static bool
head_role (int r)
{
  return r == INK_ROLE_KICKER || r == INK_ROLE_HEADLINE || r == INK_ROLE_DECK ||
         r == INK_ROLE_BYLINE;
}

/* Page 1 from sn holds the head and its columns begin right under it: no lead picture, no float
 * across the columns, no band over a pull quote across their middle; on `least` columns or
 * more. */
static bool
under_head (const lay_t *L, const snap_t *sn, unsigned least)
{
  const ink_document_t *doc = L->doc;
  if (sn->page != 0 || !L->head_at.placed || L->lead.placed || L->lead_in_column ||
      sn->head_overflow || L->head_open || L->ncols < least || L->ncols > INK_MAKEUP_MAX_COLS ||
      sn->top <= L->top)
    return false;
  const ink__page_t *pg = &doc->pages.v[0];
  if (pg->body_top != sn->top || pg->band_top || sn->lines < pg->l0 ||
      sn->items < L->head_at.items)
    return false;
  size_t heads = 0;
  for (size_t k = pg->l0; k < sn->lines; k++, heads++)
    if (!head_role (doc->lines.v[k].role))
      return false;
  return heads > 0;
}

/* Whether page 1 as set is of one column and a float waits past it: the head opened or set
 * smaller there fills the page with text and sends the float after more of it. */
static bool
one_column_waits (const lay_t *L)
{
  return L->ncols == 1 && L->pending != NO_FLOAT;
}

/* Whether line l is a float's: a pull quote's, a related box's or a picture's caption. */
static bool
float_line (const lay_t *L, const ink__lrec_t *l)
{
  if (l->block < 0 || (size_t) l->block >= L->a->nblocks)
    return false;
  ink__block_kind_t k = L->a->blocks[l->block].kind;
  return k == INK_BLOCK_PULLQUOTE || k == INK_BLOCK_RELATED || k == INK_BLOCK_FIGURE;
}

/* The top of the highest float (a float's line or a picture) in column c of page pg at or
 * below y, or INT64_MAX. */
static int64_t
float_below (const lay_t *L, const ink__page_t *pg, int c, int64_t y)
{
  const ink_document_t *doc = L->doc;
  int64_t top = INT64_MAX;
  for (size_t i = 0; i < pg->nl; i++) {
    const ink__lrec_t *l = &doc->lines.v[pg->l0 + i];
    if (l->y >= y && l->y < top && float_line (L, l) && ink__line_col (L, l, pg->body_top) == c)
      top = l->y;
  }
  for (size_t i = 0; i < pg->ni; i++) {
    const ink__item_t *it = &doc->items.v[pg->i0 + i];
    ink__lrec_t box = { .x = it->x, .y = it->y, .w = it->w, .h = it->h };
    if (it->kind == INK_ITEM_IMAGE && it->block >= 0 && it->y >= y && it->y < top &&
        ink__line_col (L, &box, pg->body_top) == c)
      top = it->y;
  }
  return top;
}

/* Whether a column of page 1 as set stops its text two and a half line steps (step) or more
 * above a float under it: the make-up check's column-hole, which a head set otherwise must not
 * open (held-out tabriz-carpets.fa kiosk-10.3 took a pull quote 5.6 steps under its text). */
static bool
column_hole (const lay_t *L, int32_t step)
{
  const ink__page_t *pg = &L->doc->pages.v[0];
  for (unsigned c = 0; c < L->ncols; c++) {
    int64_t foot = INT64_MIN;
    for (size_t i = 0; i < pg->nl; i++) {
      const ink__lrec_t *l = &L->doc->lines.v[pg->l0 + i];
      if (l->block >= 0 && !float_line (L, l) && ink__line_col (L, l, pg->body_top) == (int) c &&
          (int64_t) l->y + l->h > foot)
        foot = (int64_t) l->y + l->h;
    }
    int64_t below = foot == INT64_MIN ? INT64_MAX : float_below (L, pg, (int) c, foot);
    if (below != INT64_MAX && below - foot >= 5 * (int64_t) step / 2)
      return true;
  }
  return false;
}

/* Whether a column of page 1 as set ends on a subhead, its text in the next column (property
 * test seed 161 on kiosk-7.5 took a head a tenth smaller so). */
static bool
subhead_at_foot (const lay_t *L)
{
  const ink__page_t *pg = &L->doc->pages.v[0];
  for (unsigned c = 0; c < L->ncols; c++) {
    const ink__lrec_t *last = NULL;
    for (size_t i = 0; i < pg->nl; i++) {
      const ink__lrec_t *l = &L->doc->lines.v[pg->l0 + i];
      if (ink__line_col (L, l, pg->body_top) == (int) c && (!last || l->y > last->y))
        last = l;
    }
    if (last && last->role == INK_ROLE_SUBHEAD)
      return true;
  }
  return false;
}

/* Flows page 1 again from the units kept in k, under the head set at scale (placed again when
 * it is not set so now: *at is the page's start right under the head as placed), its columns
 * begun open lower and down to the frame's foot; *sn becomes that start. */
static ink_status_t
flow_from (lay_t *L, const ink__lead_keep_t *k, snap_t *at, float scale, int32_t open,
           snap_t *sn)
{
  ink_status_t st = ink__lead_keep_back (L, k);
  if (st == INK_OK && scale != L->head_at.scale) {
    const ink_document_t *doc = L->doc;
    st = ink__head_again (L, scale, &at->top);
    at->items = doc->items.n, at->glyphs = doc->glyphs.n, at->lines = doc->lines.n;
    at->text = doc->text.n, at->missing = doc->missing;
  }
  if (st != INK_OK)
    return st;
  int32_t full[INK_MAKEUP_MAX_COLS];
  ink__cols_at_foot (L, full);
  *sn = *at;
  sn->top += open;
  L->snap = *sn;
  L->doc->pages.v[sn->page].body_top = sn->top;
  return ink__set_page_cols (L, sn, full);
}

/* No try kept: the page's units and paragraphs set back as kept in k and its best setting
 * e0 (the page as evened before), under the head at its own size, placed again for good when a
 * try set it otherwise; *e becomes e0 at that start. */
static ink_status_t
set_back (lay_t *L, const ink__lead_keep_t *k, const even_t *e0, float scale0, even_t *e)
{
  ink_status_t st = ink__lead_keep_back (L, k);
  *e = *e0;
  if (st == INK_OK && L->head_at.scale != scale0) {
    const ink_document_t *doc = L->doc;
    st = ink__head_again (L, scale0, &e->sn.top);
    e->sn.items = doc->items.n, e->sn.glyphs = doc->glyphs.n, e->sn.lines = doc->lines.n;
    e->sn.text = doc->text.n, e->sn.missing = doc->missing;
  }
  L->snap = e->sn;
  L->doc->pages.v[e->sn.page].body_top = e->sn.top;
  return st;
}

/* What page 1's tries under another head start from and go back to: its start under the head
 * as placed, its setting as evened, the head's size and the units kept (ink__lead_keep). */
typedef struct {
  snap_t sn0;
  even_t e0;
  float scale0;
  ink__lead_keep_t k;
} head_try_t;

/* The tries of page 1, evened into e, begun: what they start from kept in *t. */
static ink_status_t
try_begin (lay_t *L, const even_t *e, head_try_t *t)
{
  t->sn0 = e->sn;
  t->e0 = *e;
  t->scale0 = L->head_at.scale;
  return ink__lead_keep (L, &t->sn0, &t->k);
}

/* A try: the head's size (a tenth smaller for each of the first index's steps) and the line
 * steps the columns begin lower, the larger size first, then the least white. */
static void
try_of (int i, float scale0, float *scale, int *open)
{
  *scale = scale0 - 0.1f * (float) (i / (HEAD_OPEN_STEPS + 1));
  *open = i % (HEAD_OPEN_STEPS + 1);
}

/**
 * ink__even_head:
 * @L: the layout, page 1 of L->snap evened into @e
 * @e: the page's best setting (pages.c); replaced by the page's setting from the head chosen
 * @set: set when the page is to be set again with @e
 *
 * When page 1, evened, still ends its columns apart or short under the head, opens the head
 * up or sets it smaller and evens the page again (see the file's head).
 *
 * Return value: INK_OK, or the error that stopped it.
 */
ink_status_t
ink__even_head (lay_t *L, even_t *e, bool *set)
{
  bool fault, clean;
  if (!*set || !under_head (L, &e->sn, 1))
    return INK_OK;
  ink_status_t st = ink__even_fault (L, e, &fault, &clean);
  if (st != INK_OK || !fault)
    return st;
  head_try_t t;
  if ((st = try_begin (L, e, &t)) != INK_OK)
    return st;
  snap_t at = t.sn0, sn;   /* the start under the head as placed; as tried */
  int chosen = 0;
  float scale;
  int open;
  for (int i = 1; st == INK_OK && !chosen; i++) {
    try_of (i, t.scale0, &scale, &open);
    if (scale < INK_HEAD_MIN_SCALE - 0.01f)
      break;
    L->trial = true;
    st = flow_from (L, &t.k, &at, scale, open * e->step, &sn);
    L->trial = false;
    if (st != INK_OK || !L->broke || L->doc->pages.n != sn.page + 1)
      continue;   /* the text now ends on the page: not a full page */
    if ((st = ink__even_search (L, e, set)) == INK_OK &&
        (st = ink__even_fault (L, e, &fault, &clean)) == INK_OK && !fault && L->broke &&
        L->doc->pages.n == sn.page + 1 && !L->strained && !L->lone_float &&
        !column_hole (L, e->step) && !subhead_at_foot (L) && !one_column_waits (L))
      chosen = i;
  }
  if (st == INK_OK && !chosen)
    st = set_back (L, &t.k, &t.e0, t.scale0, e);
  try_of (chosen, t.scale0, &scale, &open);
  sn = e->sn;
  if (scale != t.scale0)
    L->head_at.scale = -1;   /* set again for good: a trial's head has no glyphs */
  if (st == INK_OK && chosen)
    st = flow_from (L, &t.k, &at, scale, open * e->step, &sn);
  if (st == INK_OK && chosen)
    st = ink__even_search (L, e, set);
  ink__lead_keep_free (L, &t.k);
  L->head_open = st == INK_OK ? open * e->step : 0;
  L->head_open_top = sn.top;
  if (L->quote_top_set && L->quote_top.page == sn.page) {
    /* The page is set again from there with a pull quote across its top: from this head. */
    L->quote_top.items = sn.items, L->quote_top.glyphs = sn.glyphs, L->quote_top.lines = sn.lines;
    L->quote_top.text = sn.text, L->quote_top.missing = sn.missing, L->quote_top.top = sn.top;
  }
  if (L->table_top_set && L->table_top.page == sn.page) {
    /* Likewise a table across its top (tablemid.c). */
    L->table_top.items = sn.items, L->table_top.glyphs = sn.glyphs, L->table_top.lines = sn.lines;
    L->table_top.text = sn.text, L->table_top.missing = sn.missing, L->table_top.top = sn.top;
  }
  *set = true;
  return st;
}

/* Whether page 1 still ends before the text does and ends a column on a head over fewer than
 * two lines of its text (ink__page_strands_head): set with e's best setting on trial when
 * `again` (the page is to be set again with it), else as it stands. */
static ink_status_t
strands (lay_t *L, const even_t *e, bool again, bool *stranded)
{
  ink_status_t st = INK_OK;
  if (again) {
    L->trial = true;
    st = ink__set_page_cols (L, &e->sn, e->best);
    L->trial = false;
  }
  *stranded = st == INK_OK && L->broke && L->doc->pages.n == e->sn.page + 1 &&
              ink__page_strands_head (L, e->sn.page);
  return st;
}

/**
 * ink__head_keeps:
 * @L: the layout, page 1 evened into @e, its text going on to page 2
 * @e: the page's best setting (pages.c); replaced by the page's setting from the head chosen
 * @set: set: the page is to be set again with @e
 *
 * A subhead that opens page 1's columns under a tall head, with room under it for one line
 * of its text, keeps it there (breaking before it gains nothing at a column's top: flow.c,
 * keep_with_next), and the rest goes on to page 2 (random seed 413 on reader-6: a head of
 * two lines, a deck of two, a subhead and one line). A make-up editor sets the head smaller
 * to give the subhead its lines: page 1 is flowed and evened again under headline and deck
 * a tenth smaller at a time, down to INK_HEAD_MIN_SCALE, and the first size at which no
 * column ends on a head without two lines of its text, the page still full and no hole
 * opened over a float, is kept; else the page is set again as it was.
 *
 * Return value: INK_OK, or the error that stopped it.
 */
ink_status_t
ink__head_keeps (lay_t *L, even_t *e, bool *set)
{
  bool stranded;
  if (!under_head (L, &e->sn, 1) || (L->quote_top_set && L->quote_top.page == e->sn.page) ||
      (L->table_top_set && L->table_top.page == e->sn.page))
    return INK_OK;
  ink_status_t st = strands (L, e, *set, &stranded);
  if (st != INK_OK || !stranded)
    return st;
  head_try_t t;
  if ((st = try_begin (L, e, &t)) != INK_OK)
    return st;
  snap_t at = t.sn0, sn;
  float chosen = 0.0f;
  for (int i = 1; st == INK_OK && chosen == 0.0f; i++) {
    float scale = t.scale0 - 0.1f * (float) i;
    if (scale < INK_HEAD_MIN_SCALE - 0.01f)
      break;
    L->trial = true;
    st = flow_from (L, &t.k, &at, scale, 0, &sn);
    L->trial = false;
    if (st != INK_OK || !L->broke || L->doc->pages.n != sn.page + 1)
      continue;   /* the text now ends on the page: the runt's business (ink__runt_head) */
    bool again;
    if ((st = ink__even_search (L, e, &again)) == INK_OK &&
        (st = strands (L, e, true, &stranded)) == INK_OK && !stranded && L->broke &&
        L->doc->pages.n == sn.page + 1 && !column_hole (L, e->step))
      chosen = scale;
  }
  if (st == INK_OK && chosen == 0.0f)
    st = set_back (L, &t.k, &t.e0, t.scale0, e);
  if (st == INK_OK && chosen != 0.0f) {
    L->head_at.scale = -1;   /* set again for good: a trial's head has no glyphs */
    st = flow_from (L, &t.k, &at, chosen, 0, &sn);
    if (st == INK_OK)
      st = ink__even_search (L, e, set);
  }
  ink__lead_keep_free (L, &t.k);
  *set = true;   /* the page as tried: set again, as chosen or as it was */
  return st;
}

/**
 * ink__runt_head:
 * @L: the layout, page 1 evened into @e and its text going on to a page the runt trials
 * (runt.c) could not draw back
 * @e: the page's best setting (pages.c); its start moves with the head when the head is set
 * again
 * @pulled: (out): whether the text now ends on page 1, under the head set smaller (L->broke
 * is false, the page set at the frame's foot, to be balanced as the last); else the page is to
 * be set again from @e, the head at its own size
 *
 * A make-up editor fits the head to the page rather than print a page for a line or two: page
 * 1 is flowed again under headline and deck a tenth smaller at a time, down to
 * INK_HEAD_MIN_SCALE, and the first size at which all the text ends on the page with columns
 * able to end together (ink__runt_ends) is kept. The head is never opened up for it.
 *
 * Return value: INK_OK, or the error that stopped it.
 */
ink_status_t
ink__runt_head (lay_t *L, even_t *e, bool *pulled)
{
  *pulled = false;
  if (!under_head (L, &e->sn, 1) || (L->quote_top_set && L->quote_top.page == e->sn.page))
    return INK_OK;
  head_try_t t;
  ink_status_t st = try_begin (L, e, &t);
  if (st != INK_OK)
    return st;
  snap_t at = t.sn0, sn = t.sn0;
  float chosen = 0.0f;
  for (int i = 1; st == INK_OK && chosen == 0.0f; i++) {
    float scale = t.scale0 - 0.1f * (float) i;
    if (scale < INK_HEAD_MIN_SCALE - 0.01f)
      break;
    bool ended = false, trial = L->trial;
    L->trial = true;
    st = flow_from (L, &t.k, &at, scale, 0, &sn);
    if (st == INK_OK)
      st = ink__runt_ends (L, &sn, e->step, &ended);
    L->trial = trial;
    chosen = st == INK_OK && ended ? scale : 0.0f;
  }
  if (st == INK_OK && chosen == 0.0f)
    st = set_back (L, &t.k, &t.e0, t.scale0, e);
  if (st == INK_OK && chosen != 0.0f) {
    L->head_at.scale = -1;   /* set again for good: a trial's head has no glyphs */
    st = flow_from (L, &t.k, &at, chosen, 0, &sn);
    *pulled = st == INK_OK && !L->broke;
    if (L->table_top_set && L->table_top.page == t.sn0.page)
      L->table_top_set = false;   /* noted under the head as it was (tablemid.c) */
  }
  ink__lead_keep_free (L, &t.k);
  return st;
}

/* Moves item it, and its glyphs, down by dy. */
static void
move_item (ink_document_t *doc, ink__item_t *it, int32_t dy)
{
  it->y += dy;
  if (it->kind == INK_ITEM_GLYPHS)
    for (size_t g = 0; g < it->ng; g++)
      doc->glyphs.v[it->g0 + g].y += dy;
}

/* Of the white the head opens by, open, the share above y: one of the gaps between its parts
 * (tops[0..n), each part's top past the first, and the columns' top) for each part top at or
 * above y. */
static int32_t
share_above (int32_t y, const int32_t *tops, unsigned n, int32_t open)
{
  unsigned j = 0;
  while (j < n && tops[j] <= y)
    j++;
  return (int32_t) ((int64_t) open * j / (n + 1));
}

/**
 * ink__head_open:
 * @L: the layout, with what ink__even_head chose
 * @doc: a document whose first page is the article's page 1 (not yet given its running lines)
 *
 * Moves the head's lines and rule down, the white the columns were begun lower by shared
 * between its parts, when page 1's columns begin where ink__even_head chose.
 */
void
ink__head_open (const lay_t *L, ink_document_t *doc)
{
  if (!L->head_open || !doc->pages.n || doc->pages.v[0].body_top != L->head_open_top)
    return;
  const ink__page_t *pg = &doc->pages.v[0];
  int32_t from = L->head_open_top - L->head_open, tops[HEAD_GAPS];
  unsigned n = 0;
  int last = -1;
  for (size_t k = pg->l0; k < pg->l0 + pg->nl && n + 1 < HEAD_GAPS; k++) {
    const ink__lrec_t *l = &doc->lines.v[k];
    if (l->y >= from || !head_role (l->role))
      continue;
    if (last >= 0 && l->role != last)
      tops[n++] = l->y;
    last = l->role;
  }
  for (size_t i = pg->i0; i < pg->i0 + pg->ni; i++)
    if (doc->items.v[i].kind == INK_ITEM_RULE && doc->items.v[i].y < from) {
      tops[n++] = doc->items.v[i].y;   /* the rule under the head */
      break;
    }
  for (size_t i = pg->i0; i < pg->i0 + pg->ni; i++)
    if (doc->items.v[i].y < from)
      move_item (doc, &doc->items.v[i], share_above (doc->items.v[i].y, tops, n, L->head_open));
  for (size_t k = pg->l0; k < pg->l0 + pg->nl; k++) {
    ink__lrec_t *l = &doc->lines.v[k];
    if (l->y >= from)
      continue;
    int32_t dy = share_above (l->y, tops, n, L->head_open);
    l->y += dy;
    l->baseline += dy;
  }
}
