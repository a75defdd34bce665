/* paginate/pages: the body made into pages one at a time. Each page is flowed until the next
 * would start; the flow stops there with a snapshot of where it goes on (L->next). A full
 * page whose columns end apart is set again with its columns ending higher, together
 * (the rest goes on the next page), when that scores better (makeup.c); one that ends short
 * of the frame's foot, with its paragraphs a line longer or shorter; then the next page
 * starts from the chosen setting's stop; the last tools, cutting white space and setting a
 * waiting pull quote in the columns, are in evenspace.c and evenfloat.c. The last page is
 * left to balance.c. */
#include "even.h"
#include "layout-internal.h"

#include <string.h>

/* Where the flow goes on when it stops before starting another page: as a snapshot of that
 * page's start, taken before the stop counts the rest as overflow. */
void
ink__snap_next (lay_t *L)
{
  const ink_document_t *doc = L->doc;
  L->broke = true;
  L->next = (snap_t) { L->cur_ui, L->cur_k, doc->pages.n, doc->items.n, doc->glyphs.n,
                       doc->lines.n, doc->text.n, doc->overflow_blocks, doc->overflow_chars,
                       doc->missing, L->pending, L->pending_span, L->queue_last, L->top,
                       L->head_overflow, L->span_rest };
}

/* Starts the page the flow stopped before, and flows on from there to the next stop. */
static ink_status_t
next_page (lay_t *L)
{
  ink_document_t *doc = L->doc;
  snap_t nx = L->next;
  doc->items.n = nx.items;
  doc->glyphs.n = nx.glyphs;
  doc->lines.n = nx.lines;
  doc->text.n = nx.text;
  doc->overflow_blocks = nx.overflow_blocks;
  doc->overflow_chars = nx.overflow_chars;
  doc->missing = nx.missing;
  L->full = false;
  L->broke = false;
  L->pending = nx.pending;
  L->queue_last = nx.queue_last;
  L->pending_span = nx.pending_span;
  L->span_rest = nx.span_rest;
  L->head_overflow = nx.head_overflow;
  L->cur_ui = nx.ui;
  L->cur_k = nx.k;
  L->page_limit = nx.page + 1;
  ink_status_t st = ink__new_page (L);
  if (st == INK_OK)
    st = ink__resume_snap (L, &L->snap);
  return st;
}

/* At most this many shorter settings are tried for a full page, half a line step apart, and
 * this many times are the columns trimmed to the shortest. */
#define EVEN_TRIES 16
#define TRIM_TRIES 4
/* The lines a page's columns hold. */
static size_t
page_lines (const ink__makeup_cols_t *c)
{
  size_t n = 0;
  for (unsigned k = 0; k < c->ncols; k++)
    n += c->lines[k];
  return n;
}

/* Sets the page with these column bottoms, its columns let down to the deepest as they will
 * be printed (vjust.c; the space that puts above body lines counts as room left short), and
 * keeps them when they score best, or as well as the best with more lines on the page (a
 * fuller page). */
static ink_status_t
even_try (lay_t *L, even_t *e, const int32_t *b, ink__makeup_cols_t *c)
{
  ink_status_t st = ink__set_page_cols (L, &e->sn, b);
  if (st != INK_OK)
    return st;
  bool full = L->broke && L->doc->pages.n == e->sn.page + 1;
  int64_t added = full ? ink__vjust_trial (L, e->sn.page) : 0;
  ink__measure_page (L, &e->sn, e->step, c);
  c->deepest = e->deepest;
  int64_t cost = full ? ink__makeup_full_cost (c) : INK_MAKEUP_REJECT;
  if (cost != INK_MAKEUP_REJECT)
    cost += added;
  size_t lines = page_lines (c);
  if (cost < e->best_cost || (cost == e->best_cost && cost != INK_MAKEUP_REJECT &&
                              lines > e->best_lines)) {
    e->best_cost = cost;
    e->best_lines = lines;
    memcpy (e->best, b, sizeof e->best);
    memcpy (e->kept, e->now, sizeof e->kept);
    e->nkept = e->nnow;
  }
  return INK_OK;
}

/* All columns end higher, half a line step at a time. */
static ink_status_t
even_shorter (lay_t *L, even_t *e)
{
  int32_t stride = e->step / 2 > 0 ? e->step / 2 : 1, b[INK_MAKEUP_MAX_COLS];
  ink__makeup_cols_t c;
  ink_status_t st = INK_OK;
  for (int i = 1; i <= EVEN_TRIES && st == INK_OK && e->best_cost > 0; i++) {
    int32_t bottom = L->bottom - i * stride;
    if (bottom < e->floor || (int64_t) (L->bottom - bottom) / 2 - e->step >= e->best_cost)
      break;   /* the space left under the columns would cost more than the spread */
    for (unsigned k = 0; k < L->ncols; k++)
      b[k] = bottom;
    st = even_try (L, e, b, &c);
  }
  return st;
}

/* Each column that ends below the shortest ends higher by as much, and again while the
 * columns still end apart: a column kept short (a subhead that goes with the next lines)
 * sets where the others end. */
static ink_status_t
even_trim (lay_t *L, even_t *e, ink__makeup_cols_t c)
{
  int32_t b[INK_MAKEUP_MAX_COLS];
  ink_status_t st = INK_OK;
  ink__cols_at_foot (L, b);
  for (int i = 0; i < TRIM_TRIES && st == INK_OK && e->best_cost > 0; i++) {
    int32_t lo = INT32_MAX;
    for (unsigned k = 0; k < c.ncols; k++)
      if (c.lines[k] && c.end[k] < lo)
        lo = c.end[k];
    bool moved = false;
    for (unsigned k = 0; k < c.ncols; k++)
      if (c.lines[k] && c.end[k] > lo && b[k] - (c.end[k] - lo) >= e->floor) {
        b[k] -= c.end[k] - lo;
        moved = true;
      }
    if (!moved)
      break;
    st = even_try (L, e, b, &c);
  }
  return st;
}

/* Whether unit u is a paragraph of running text whose lines may be broken again: body or
 * list text, no drop cap, not in a float. */
bool
ink__loose_para (const unit_t *u)
{
  return u->kind == U_PARA && !u->float_len && !u->p->cap &&
         (u->p->role == INK_ROLE_BODY || u->p->role == INK_ROLE_LIST);
}

/* Sets paragraph ui with this looseness, its word spaces a stretchability wider when `wide`
 * (ink__set_para_looseness_wide), and notes it in e->now. */
static ink_status_t
set_loose (lay_t *L, even_t *e, size_t ui, int loose, bool wide, bool *met)
{
  size_t i = 0;
  while (i < e->nnow && e->now[i].ui != ui)
    i++;
  *met = false;
  if (i == LOOSE_TRIES)
    return INK_OK;   /* no room to note it */
  setpara_t *p = L->units.v[ui].p;
  ink_status_t st = wide ? ink__set_para_looseness_wide (L, p, loose, true, met)
                         : ink__set_para_looseness (L, p, loose, true, met);
  if (st != INK_OK || !*met)
    return st;
  if (i == e->nnow)
    e->nnow++;
  e->now[i] = (loose_t) { ui, loose };
  return INK_OK;
}

/* Sets paragraph ui with this looseness within make-up's bound, and notes it in e->now. */
ink_status_t
ink__even_set_loose (lay_t *L, even_t *e, size_t ui, int loose, bool *met)
{
  return set_loose (L, e, ui, loose, false, met);
}

/* Sets the page with its columns as long as they go, then trimmed to the shortest; *better
 * when that scores better than before. */
ink_status_t
ink__even_try_full (lay_t *L, even_t *e, bool *better)
{
  int32_t full[INK_MAKEUP_MAX_COLS];
  ink__cols_at_foot (L, full);
  int64_t before = e->best_cost;
  ink__makeup_cols_t c;
  ink_status_t st = even_try (L, e, full, &c);
  if (st == INK_OK)
    st = even_trim (L, e, c);
  *better = e->best_cost < before;
  return st;
}

/* Two paragraphs next to each other in the list (n of them, each met a line longer) set a
 * line longer together: a page short by two lines, or one line for each of two columns, that
 * no single paragraph fills; with the columns as long as they go, trimmed, then all ending
 * higher. The first pair that scores better stays. */
static ink_status_t
even_loose_pairs (lay_t *L, even_t *e, const size_t *ui, size_t n)
{
  ink_status_t st = INK_OK;
  bool met, better = false;
  for (size_t i = 0; i + 1 < n && st == INK_OK && !better && e->best_cost > 0; i++) {
    if ((st = ink__even_set_loose (L, e, ui[i], 1, &met)) != INK_OK ||
        (st = ink__even_set_loose (L, e, ui[i + 1], 1, &met)) != INK_OK)
      break;
    int64_t before = e->best_cost;
    if ((st = ink__even_try_full (L, e, &better)) != INK_OK || better)
      break;
    if ((st = even_shorter (L, e)) != INK_OK || (better = e->best_cost < before))
      break;   /* two lines more than one column takes: all of them end higher */
    if ((st = ink__even_set_loose (L, e, ui[i], 0, &met)) == INK_OK)
      st = ink__even_set_loose (L, e, ui[i + 1], 0, &met);
  }
  return st;
}

/* The page's columns end apart or short: its paragraphs (those that start on it) are set a
 * line longer and a line shorter (TeX's \looseness, as newspaper make-up does), one at a
 * time, where the breaker finds such a setting, each with its columns as long as they go and
 * trimmed to the shortest. A longer paragraph pushes a line on into the columns after it, a
 * shorter one draws one back (a subhead it kept out may then come in); the better of the two
 * stays while the others are tried when the page then scores better, else it is set back.
 * When none does better, two of them are tried a line longer together. */
static ink_status_t
even_loose (lay_t *L, even_t *e)
{
  int32_t full[INK_MAKEUP_MAX_COLS];
  ink__cols_at_foot (L, full);
  ink_status_t st = ink__set_page_cols (L, &e->sn, full);
  size_t end = L->next.ui + (L->next.k > 0), tries = 0, longer[LOOSE_TRIES], nlonger = 0;
  bool kept = false;
  for (size_t ui = e->sn.ui + (e->sn.k > 0); st == INK_OK && ui < end && ui < L->units.n &&
                                             tries < LOOSE_TRIES && e->best_cost > 0; ui++) {
    if (!ink__loose_para (&L->units.v[ui]))
      continue;
    int keep = 0;
    bool met, better;
    for (int loose = 1; loose >= -1 && st == INK_OK && e->best_cost > 0; loose -= 2) {
      if ((st = ink__even_set_loose (L, e, ui, loose, &met)) != INK_OK || !met)
        continue;
      tries++;
      if (loose > 0 && nlonger < LOOSE_TRIES)
        longer[nlonger++] = ui;
      if ((st = ink__even_try_full (L, e, &better)) == INK_OK && better)
        keep = loose;
    }
    kept |= keep != 0;
    /* The better way stays while the page's other paragraphs are tried on it. */
    if (st == INK_OK)
      st = ink__even_set_loose (L, e, ui, keep, &met);
  }
  if (st == INK_OK && !kept && e->best_cost > 0)
    st = even_loose_pairs (L, e, longer, nlonger);
  return st;
}

even_best_t
ink__even_best_of (const even_t *e)
{
  even_best_t b = { e->best_cost, e->best_lines, e->nkept, { 0 }, { { 0, 0 } } };
  memcpy (b.best, e->best, sizeof b.best);
  memcpy (b.kept, e->kept, sizeof b.kept);
  return b;
}

void
ink__even_best_back (even_t *e, const even_best_t *b)
{
  e->best_cost = b->cost;
  e->best_lines = b->lines;
  e->nkept = b->nkept;
  memcpy (e->best, b->best, sizeof e->best);
  memcpy (e->kept, b->kept, sizeof e->kept);
}

/* The last resort for a page that still scores worse than columns all ending a line higher
 * (apart, short, or with a line let stand alone): each of its paragraphs set a line longer
 * or shorter with word spaces a stretchability wider than make-up's bound
 * (ink__set_para_looseness_wide), kept only when the page then scores 0: its columns end
 * together and full. A setting that merely scores better is not worth the wider spaces. A
 * paragraph is set back as it was with the same reach, which only lets through the lines it
 * had. */
static ink_status_t
even_loose_wide (lay_t *L, even_t *e)
{
  const even_best_t before = ink__even_best_of (e);
  size_t end = L->next.ui + (L->next.k > 0), tries = 0;
  ink_status_t st = INK_OK;
  for (size_t ui = e->sn.ui + (e->sn.k > 0); st == INK_OK && ui < end && ui < L->units.n &&
                                             tries < LOOSE_TRIES && e->best_cost > 0; ui++) {
    if (!ink__loose_para (&L->units.v[ui]))
      continue;
    int was = L->units.v[ui].p->po.looseness;
    bool met, better;
    for (int loose = 1; loose >= -1 && st == INK_OK && e->best_cost > 0; loose -= 2) {
      if (loose == was || (st = set_loose (L, e, ui, loose, true, &met)) != INK_OK || !met)
        continue;
      tries++;
      if ((st = ink__even_try_full (L, e, &better)) == INK_OK && e->best_cost > 0) {
        ink__even_best_back (e, &before);
        st = set_loose (L, e, ui, was, true, &met);
      }
    }
  }
  return st;
}

/* Whether the page set with e's best setting, justified as it will be printed, still ends its
 * columns apart, or short of the frame's foot by room for two more lines (the make-up check's
 * rules); *clean when it does neither with no rule let through and no line let stand alone
 * (a subhead at a column's foot keeps its two lines); set on trial. */
ink_status_t
ink__even_fault (lay_t *L, const even_t *e, bool *fault, bool *clean)
{
  *fault = *clean = false;
  L->trial = true;
  ink_status_t st = ink__set_page_cols (L, &e->sn, e->best);
  L->trial = false;
  if (st != INK_OK || !L->broke || L->doc->pages.n != e->sn.page + 1)
    return st;
  ink__vjust_as_set (L, e->sn.page);
  ink__even_judge (L, e, fault, clean);
  return INK_OK;
}

/* Whether the page of e, set as it stands in the display list, ends its columns apart or
 * short (*fault), or *clean (see ink__even_fault). */
void
ink__even_judge (const lay_t *L, const even_t *e, bool *fault, bool *clean)
{
  ink__makeup_cols_t c;
  ink__measure_page (L, &e->sn, e->step, &c);
  *fault = ink__makeup_spread (&c) > c.together ||
           ink__makeup_short_steps (ink__vjust_room (L, e->sn.page), e->step) > 0;
  *clean = !*fault && !c.strained && !c.lone;
}

/* The paragraphs set otherwise than in the best setting are set as they are there (and noted
 * so in e->now). */
ink_status_t
ink__even_keep_loose (lay_t *L, even_t *e)
{
  ink_status_t st = INK_OK;
  for (size_t i = 0; i < e->nnow && st == INK_OK; i++) {
    int loose = 0;
    for (size_t j = 0; j < e->nkept; j++)
      if (e->kept[j].ui == e->now[i].ui)
        loose = e->kept[j].loose;
    bool met;
    if (loose != e->now[i].loose)
      st = ink__set_para_looseness (L, L->units.v[e->now[i].ui].p, loose, true, &met);
    e->now[i].loose = L->units.v[e->now[i].ui].p->po.looseness;
  }
  return st;
}

/* The page as first set (evened by vjust.c): e->deepest, the lowest last baseline it may
 * have: its deepest column's, or when even that leaves room for two more lines above the
 * frame's foot, as many line steps lower as the page is short by. Whether the page needs to
 * be set again: its columns end apart, or short. */
static bool
even_first (lay_t *L, even_t *e, ink__makeup_cols_t *first, bool *apart)
{
  ink__measure_page (L, &e->sn, e->step, first);
  for (unsigned k = 0; k < first->ncols; k++)
    if (first->lines[k] && first->end[k] > e->deepest)
      e->deepest = first->end[k];
  *apart = false;
  for (unsigned k = 0; k < first->ncols; k++)
    *apart |= first->lines[k] && first->end[k] != e->deepest;
  int32_t short_by = e->deepest == INT32_MIN ? 0
                     : ink__makeup_short_steps (ink__vjust_room (L, e->sn.page), e->step);
  e->deepest += short_by * e->step;
  first->deepest = e->deepest;
  return (*apart && L->ncols >= 2) || short_by > 0;
}

/* Sets the page for good with the bottoms chosen, evened again. */
static ink_status_t
even_set (lay_t *L, even_t *e)
{
  ink_status_t st = ink__set_page_cols (L, &e->sn, e->best);
  if (st == INK_OK && L->broke && L->doc->pages.n == e->sn.page + 1)
    ink__vjust_page (L, e->sn.page, false);
  return st;
}

/* The page just set, from L->snap, searched for its best setting (e): with its columns ending
 * higher (when apart) and its paragraphs a line longer or shorter, the best scoring setting
 * kept (the first as set when none beats it). *set: the page is to be set again with it (a
 * page whose columns end together and full as first set is left as it is, unless the last
 * page after it asks it a line shorter). */
ink_status_t
ink__even_search (lay_t *L, even_t *e, bool *set)
{
  *e = (even_t) { .sn = L->snap, .step = ink__line_step (L), .deepest = INT32_MIN };
  bool lone_float = L->lone_float;   /* as the flow set the page */
  ink__makeup_cols_t first;
  bool apart;
  int64_t past = ink__vjust_first (L, e->sn.page);
  bool again = even_first (L, e, &first, &apart) || past > 0;
  e->best_cost = ink__makeup_full_cost (&first);
  if (e->best_cost != INK_MAKEUP_REJECT)
    e->best_cost += past;   /* a float let down to the foot past the bound: room left short */
  e->best_lines = page_lines (&first);
  ink__cols_at_foot (L, e->best);
  if (!again) {
    /* Its columns end together and full (a rule it let through stays); a line alone under a
     * float takes a little of the floats' white (ink__even_lone); the last page after it may
     * still need it a line shorter (lastpair.c). */
    bool spaced = false;
    ink_status_t st = lone_float ? ink__even_lone (L, e, &spaced) : INK_OK;
    if (st == INK_OK)
      st = ink__pair_even (L, &e->sn, e->step, e->deepest, e->best, set);
    *set |= spaced;
    return st;
  }
  e->floor = e->sn.top + (L->bottom - e->sn.top) / 2;   /* never shorter than half the page */
  L->trial = true;
  ink_status_t st = apart ? even_trim (L, e, first) : INK_OK;
  if (st == INK_OK && apart)
    st = even_shorter (L, e);
  if (st == INK_OK)
    st = even_loose (L, e);
  /* A page whose columns all end a line higher than they may is not worth wider spaces. */
  bool worse = e->best_cost > e->step;
  if (st == INK_OK && worse)
    st = ink__even_keep_loose (L, e);   /* the best setting yet, for the last resort */
  if (st == INK_OK && worse)
    st = even_loose_wide (L, e);
  if (st == INK_OK)
    st = ink__even_keep_loose (L, e);
  if (st == INK_OK && e->best_cost > 0)
    st = ink__even_space (L, e);
  if (st == INK_OK && e->best_cost > 0)
    st = ink__even_head_flush (L, e);
  L->trial = false;
  bool tried;
  if (st == INK_OK)
    st = ink__pair_even (L, &e->sn, e->step, e->deepest, e->best, &tried);
  *set = true;
  return st;
}

/* The lead picture's sizes tried, this many thousandths of it smaller at a time. */
#define LEAD_STRIDE 25
/* The lead picture's smaller sizes are tried on a page until their trials have set it (and
 * the last page after it) this many times in all (lay_t's flows). Each size evens the page
 * again whole (ink__even_search), each of its settings paired with the last page balanced at
 * each of that page's (lastpair.c), and on a page of pictures every setting weighs each
 * picture's caption again (flowbox.c): a short article of seven pictures on three columns
 * with a picture-shrink of 40 (sixteen sizes) set its first page up to 14 000 times a try,
 * several tries a layout. The sizes the samples and held-out sets keep were found within
 * half of it (hue-citadel.vi print-a4: 950 thousandths, after 1 032); once it is spent, the
 * page keeps the picture at its own size, as when no size ends its columns together. */
#define LEAD_FLOWS 2000

/* The page that holds the lead picture, evened (e), still ends its columns apart or short: it
 * is evened again with the picture smaller by LEAD_STRIDE at a time, down to the template's
 * picture-shrink, and the first size at which its columns end together and full, with no rule
 * let through and no line alone, is kept (leadeven.c), the sizes tried while their trials have
 * set the page fewer than LEAD_FLOWS times. When none is, the page is evened again at the
 * picture's own size, as it was (from the units and loosenesses kept in k). The page is then
 * to be set again (*set). */
static ink_status_t
even_lead (lay_t *L, const ink__lead_keep_t *k, even_t *e, bool *set)
{
  bool fault, clean;
  ink_status_t st = ink__even_fault (L, e, &fault, &clean);
  *set = true;
  if (st != INK_OK || !fault)
    return st;
  const snap_t sn0 = e->sn;
  const uint64_t flows = L->flows;
  int least = 1000 - 10 * (int) L->t->picture_shrink, chosen = 0;
  for (int permille = 1000 - LEAD_STRIDE; permille >= least && st == INK_OK && !chosen &&
                                          L->flows - flows < LEAD_FLOWS;
       permille -= LEAD_STRIDE) {
    snap_t sn = sn0;
    L->trial = true;
    st = ink__lead_resize (L, k, permille, &sn);
    L->trial = false;
    if (st != INK_OK || !L->broke || L->doc->pages.n != sn.page + 1)
      continue;   /* the text ends on the page: leadfit.c's */
    if ((st = ink__even_search (L, e, set)) == INK_OK &&
        (st = ink__even_fault (L, e, &fault, &clean)) == INK_OK && clean)
      chosen = permille;
  }
  snap_t sn = sn0;
  if (st == INK_OK)
    st = ink__lead_resize (L, k, chosen ? chosen : 1000, &sn);
  if (st == INK_OK)
    st = ink__even_search (L, e, set);
  *set = true;
  return st;
}

/* The page just set, from L->snap, ends its columns apart or short of the frame's foot: it is
 * evened (ink__even_search), and when it holds the lead picture and still ends them apart or
 * short, evened again with the picture a little smaller (even_lead); else, when a pull quote
 * it follows waits across the next page's top, with the quote in its columns (evenfloat.c).
 * A page after which a float across the columns would open a page of comments is first set
 * again with it across its top (spantop.c). A page that a float taller than a column carries over
 * to the next is left as it is. When the rest of the text would then make a last page of a line or
 * three, the page is set again to take it (runt.c), or on page 1 under a smaller head
 * (ink__runt_head): it is then the last; when neither can, it ends its columns a little
 * higher, or sets its paragraphs a line looser, so that the last page holds more than a runt
 * (ink__pair_runt, lastpair.c). */
static ink_status_t
even_page (lay_t *L)
{
  if (L->ncols > INK_MAKEUP_MAX_COLS || L->doc->pages.n != L->snap.page + 1)
    return INK_OK;
  if (L->at_break)
    return ink__balance_before_break (L);
  bool fitted, set;
  ink_status_t st = ink__lead_fit (L, &fitted);
  if (st != INK_OK || fitted)
    return st;   /* the text now ends on this page, the last */
  if ((st = ink__tall_table_here (L, &set)) != INK_OK || set)
    return st;   /* a table taller than a page goes in under the page's text (tallspan.c) */
  if ((st = ink__span_before_comments (L)) != INK_OK || (st = ink__span_over_head (L)) != INK_OK ||
      (st = ink__span_near_text (L)) != INK_OK || (st = ink__table_to_top (L)) != INK_OK)
    return st;
  bool pulled, tried;
  if ((st = ink__float_pull (L, &pulled)) != INK_OK)
    return st;
  bool far = ink__quote_far (L);   /* as the page is first set, before it is evened */
  bool lead = L->lead.placed && L->lead.page == L->snap.page && L->t->picture_shrink;
  ink__lead_keep_t k = { 0 };
  if (lead && (st = ink__lead_keep (L, &L->snap, &k)) != INK_OK)
    return st;
  even_t e;
  st = ink__even_search (L, &e, &set);
  if (st == INK_OK && lead)
    st = even_lead (L, &k, &e, &set);
  ink__lead_keep_free (L, &k);
  if (st == INK_OK && !lead)
    st = ink__even_float (L, &e, far, &set);
  if (st == INK_OK && !lead)
    st = ink__even_head (L, &e, &set);
  if (st == INK_OK && !lead)
    st = ink__head_keeps (L, &e, &set);
  if (st == INK_OK && !lead)
    st = ink__even_lead_in (L, &e, &set);
  if (st == INK_OK && set)
    st = even_set (L, &e);
  bool again = false;
  if (st == INK_OK && (st = ink__runt_before (L, &e, &again)) == INK_OK && again)
    st = even_set (L, &e);   /* a line higher when that spares a runt (runtbefore.c) */
  if (st == INK_OK && (st = ink__runt_white (L, &e, &again)) == INK_OK && again)
    st = even_set (L, &e);   /* its pull quotes' white cut when that spares a runt (runtwhite.c) */
  if (st == INK_OK)
    st = ink__runt_pull (L, &e.sn, e.best, &pulled, &tried);
  if (st == INK_OK && tried && !pulled)
    st = ink__runt_head (L, &e, &pulled);
  bool given;
  if (st == INK_OK && tried && !pulled)
    st = ink__pair_runt (L, &e.sn, e.step, e.deepest, e.best, &given);
  return st == INK_OK && tried && !pulled ? even_set (L, &e) : st;
}

/* Flows the body from the top of the first page's columns, to where the next page would
 * start (L->broke) or the text ends. */
ink_status_t
ink__pages_start (lay_t *L)
{
  L->broke = false;
  L->page_limit = L->page + 1;
  return ink__flow (L, 0, 0);
}

/* A full page just evened: its start is noted for early.c, with the float on it set after
 * the end of the text that follows it, if one is, which early.c sets again before that text
 * when the next page is the last and holds none of the text. */
static void
note_page (lay_t *L)
{
  bool late = L->late && L->late_ui < L->units.n &&
              L->units.v[L->late_ui].placed_page == L->snap.page;
  L->noted_set = true;
  L->noted = L->snap;
  L->noted_late = late ? L->late_ui : NO_FLOAT;
}

/* The page just flowed, when the flow stopped before the next: evened. L->broke stays set when
 * the page still ends before the text does; the page is then final. */
ink_status_t
ink__pages_even (lay_t *L)
{
  ink_status_t st = L->broke ? even_page (L) : INK_OK;
  if (st == INK_OK && L->broke)
    note_page (L);
  return st;
}

/* The page the flow stopped before, flowed to its own stop. */
ink_status_t
ink__pages_resume (lay_t *L)
{
  return next_page (L);
}

/* Evens each page the flow stops before the next (L->broke) and flows on, until the text
 * ends (on the last page, not yet balanced) or the pages do. */
static ink_status_t
even_on (lay_t *L, bool progress)
{
  ink_status_t st = INK_OK;
  while (st == INK_OK && L->broke) {
    if ((st = ink__pages_even (L)) != INK_OK || !L->broke)
      break;
    if (progress &&
        (st = ink__progress (L->ctx, INK_PROGRESS_LAYOUT, L->doc->pages.n, 0)) != INK_OK)
      break;   /* the page just evened is final: the caller may stop here */
    st = ink__pages_resume (L);
  }
  L->page_limit = 0;
  return st;
}

/**
 * ink__pages_again:
 * @L: the layout
 * @sn: a page's start, from which it is set again (the last page, with what was found to
 * come first on it)
 *
 * Sets the text again from @sn a page at a time: a page it then fills before the text ends is
 * a full page, evened as the flow's are (its columns end together and full), and not the last
 * page balanced as one.
 *
 * Return value: INK_OK, or the error that stopped it.
 */
ink_status_t
ink__pages_again (lay_t *L, const snap_t *sn)
{
  ink__restore_snap (L, sn, L->bottom);
  L->broke = false;
  L->page_limit = sn->page + 1;
  ink_status_t st = ink__resume_snap (L, sn);
  if (st != INK_OK) {
    L->page_limit = 0;
    return st;
  }
  return even_on (L, false);
}

/* Flows the body a page at a time, each full page evened; stops when the text ends (on the
 * last page, not yet balanced) or the pages do. */
ink_status_t
ink__flow_pages (lay_t *L)
{
  ink_status_t st = ink__pages_start (L);
  if (st != INK_OK) {
    L->page_limit = 0;
    return st;
  }
  bool set = true;
  while (st == INK_OK && set) {
    st = even_on (L, true);
    /* A table taller than a page waits with the text after it set before it (tallspan.c) */
    if (st == INK_OK && (st = ink__tall_table_last (L, &set)) == INK_OK && set)
      st = ink__pages_resume (L);
  }
  return st;
}
