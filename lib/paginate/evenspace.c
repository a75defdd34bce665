/* paginate/evenspace: the last tools for a full page whose columns still end apart, short, or
 * with a line alone under a float, once its breaks and its paragraphs' lengths have been
 * tried (pages.c): the white space above floats, subheads and comments cut a quarter at a
 * time (ink__even_space), and the white around pull quotes and related boxes
 * (ink__even_lone). The spaces are saved and set by lastspace.c. */
#include "even.h"

/* The units whose space ink__even_space cuts: the page's own, and the few after its stop
 * that a column short of the foot would take (a subhead and the paragraph kept with it). */
#define SPACE_AHEAD 2

/* Whether the page as set stops before a subhead or a table's first row: the column it
 * would have ended short had no room for the subhead and the lines it keeps, or for the
 * table's header and the rows kept with it. */
static bool
stops_at_kept (const lay_t *L)
{
  if (L->next.k > 0 || L->next.ui >= L->units.n)
    return false;
  const unit_t *u = &L->units.v[L->next.ui];
  return u->kind == U_ROW ||
         (u->kind == U_PARA && u->p && !u->float_len && u->p->role == INK_ROLE_SUBHEAD);
}

/* Whether the page stops with a short table (a float of rows, never split) at the head of the
 * queue: no column took it whole, and the next page's would, a page after its text. A column
 * that misses it by a little of the page's white takes it when that white is cut: under a
 * pull quote across its top, moorland-fire kiosk-7.5 p5 missed its table by 6 px, left its
 * second column empty and set the table, the related link and the comments on p6. */
static bool
waits_table (const lay_t *L)
{
  size_t q = L->next.pending;
  return q != NO_FLOAT && q < L->units.n && L->units.v[q].float_len && ink__is_table (L, q);
}

/* Whether the page has one column and a pull quote or related box waits at its stop: the
 * box waits for the next page, the text after it held back with it, and the column may end
 * many line steps short with nothing but the box to fill it. With more columns the next
 * column takes the box (cut there, later pages set floats after the end of the text). */
static bool
waits_boxed (const lay_t *L)
{
  size_t q = L->next.pending;
  return L->ncols == 1 && q != NO_FLOAT && q < L->units.n && ink__is_box (L, q);
}

/* The float across the columns queued for the top of the page being evened from the page
 * before and placed there: the one waiting when the page began (which the article may set
 * after the page's first unit, a paragraph going on from the page before), or one built
 * before the page's first unit. Its first unit, or SIZE_MAX. */
static size_t
span_on_page (const lay_t *L, const even_t *e, size_t first)
{
  size_t q = e->sn.pending_span;
  if (q != NO_FLOAT && q < L->units.n && L->units.v[q].span && L->units.v[q].float_len &&
      L->units.v[q].placed_page == e->sn.page)
    return q;
  for (size_t i = 0; i < first && i < L->units.n; i++) {
    const unit_t *u = &L->units.v[i];
    if (u->span && u->float_len && u->placed_page == e->sn.page)
      return i;
  }
  return SIZE_MAX;
}

/* The units a space cut changes, from first to the few after the page's stop (SPACE_AHEAD):
 * *n of them, their spaces saved in *saved (ink__space_save; 3 * (*n + extra) values, the
 * last extra units' for the caller to fill; freed by the caller), NULL when there are none. */
static ink_status_t
space_saved (lay_t *L, size_t first, size_t extra, size_t *n, int32_t **saved)
{
  size_t end = L->next.ui + SPACE_AHEAD;
  *n = 0;
  *saved = NULL;
  if (end > L->units.n)
    end = L->units.n;
  if (first >= end)
    return INK_OK;
  if (!(*saved = ink__alloc_array (L->ctx, end - first + extra, 3 * sizeof **saved)))
    return oom (L);
  *n = end - first;
  ink__space_save (L->units.v + first, *n, *saved);
  return INK_OK;
}

/* The most quarters of the page's white ink__even_space cuts: half, or three quarters on a
 * page with a pull quote or a related box (whose white is the most there is to give) that
 * the make-up check would find uneven, short of the foot, or strained otherwise. */
#define BOX_CUTS INK_SPACE_CUT_TO_QUARTER

/* Whether the units [first, first + n) hold a pull quote or a related box, or ns > 0 (a float
 * across the columns queued for the page's top). */
static bool
cut_boxes_past (const lay_t *L, size_t first, size_t n, size_t ns)
{
  for (size_t i = first; i < first + n && !ns; i++)
    if (L->units.v[i].float_len && ink__is_box (L, i))
      return true;
  return ns > 0;
}

/* The page's units [first, first + n) (their spaces saved in `saved`, ink__space_save) and
 * the float across the columns at unit span (ns units, saved after them) set with `cut`
 * quarters of their space gone. By index: a trial between cuts may move the units. */
static void
space_cut (lay_t *L, size_t first, size_t n, const int32_t *saved, size_t span, size_t ns,
           int cut)
{
  ink__space_set (L->units.v + first, n, saved, cut);
  if (ns)
    ink__space_set_span (L->units.v + span, ns, saved + 3 * n, cut);
}

/* The page set with its spaces as they now are: *evened when it scores 0, or ends its
 * columns together and full once justified as it will be printed with no rule let through
 * and no line alone (ink__even_fault). */
static ink_status_t
space_evens (lay_t *L, even_t *e, bool *evened)
{
  bool better, fault = true, clean = false;
  ink_status_t st = ink__even_try_full (L, e, &better);
  if (st == INK_OK && better && e->best_cost > 0) {
    st = ink__even_fault (L, e, &fault, &clean);
    L->trial = true;   /* ink__even_fault leaves it off */
  }
  *evened = st == INK_OK && (e->best_cost == 0 || clean);
  return st;
}

/* The last tool for a page whose columns still end apart or short (the best setting, as
 * even_keep_loose sets it) that stops before a subhead kept with its lines or a table's header
 * kept with its rows (stops_at_kept), or on which a subhead opens a column after the first
 * (lay_t.head_opens_col: the column before it may have ended short of the subhead, its space
 * and the lines it keeps, as the page's last column ends short of one it stops before), or a
 * related link that waited does (lay_t.link_opens_col: the column before missed it by a
 * little of its white; river-recovery kiosk-7.5 p8 ended column 1 three lines short of its
 * link, which with less space above and below it ends that column at the foot), or
 * whose one column stops with a pull quote or related box waiting (waits_boxed), or which
 * stops with a short table waiting (waits_table): the
 * space above its floats, subheads and comments (and below its floats), and above what it
 * stops before, cut by a quarter at a time, down to half (lastspace.c), or to a quarter when
 * the page holds a pull quote or a related box and, as set, would fail the make-up check
 * (BOX_CUTS: a four-line quote across the top that gives a step at half gives two at three
 * quarters, the step a subhead and its two lines were short of). A float across the
 * columns keeps its own, which moves all columns alike, unless it was queued for the page's
 * top from the page before: then it is cut too, so that every column takes more text, a short
 * one the subhead. The least cut at which the page scores 0, or ends its columns together and
 * full once justified as it will be printed with no rule let through and no line alone
 * (ink__even_fault: vertical justification may put a line step back above a subhead of a
 * column that ends a line higher, which the search counts as room left short), is kept; space
 * given up for columns that still end apart only crowds the page, so any other cut is set
 * back. */
ink_status_t
ink__even_space (lay_t *L, even_t *e)
{
  ink_status_t st = ink__set_page_cols (L, &e->sn, e->best);   /* where its best stops */
  size_t first = e->sn.ui, n;
  if (st != INK_OK || !L->broke ||
      !(stops_at_kept (L) || L->head_opens_col || L->link_opens_col || waits_boxed (L) ||
        waits_table (L)))
    return st;
  size_t span = span_on_page (L, e, first);
  size_t ns = span == SIZE_MAX ? 0 : L->units.v[span].float_len;
  int32_t *saved;
  if ((st = space_saved (L, first, ns, &n, &saved)) != INK_OK || !saved)
    return st;
  size_t bytes = 3 * (n + ns) * sizeof *saved;
  if (ns)
    ink__space_save (L->units.v + span, ns, saved + 3 * n);
  const even_best_t before = ink__even_best_of (e);
  bool fault = false, clean;
  if (cut_boxes_past (L, first, n, ns)) {
    st = ink__even_fault (L, e, &fault, &clean);   /* as set before any cut */
    L->trial = true;   /* ink__even_fault leaves it off */
  }
  int kept = 0, most = fault ? BOX_CUTS : INK_SPACE_CUT_TO_HALF;
  for (int cut = 1; cut <= most && st == INK_OK && !kept; cut++) {
    space_cut (L, first, n, saved, span, ns, cut);
    bool evened;
    if ((st = space_evens (L, e, &evened)) == INK_OK && evened)
      kept = cut;
    else
      ink__even_best_back (e, &before);
  }
  space_cut (L, first, n, saved, span, ns, kept);
  ink__free (L->ctx, saved, bytes);
  return st;
}

/* At most this many subheads ink__even_head_flush sets flush: one a column after the first. */
#define FLUSH_MOST INK_MAKEUP_MAX_COLS

/* Whether unit u is a subhead of the running text. */
static bool
is_subhead (const unit_t *u)
{
  return u->kind == U_PARA && u->p && !u->float_len && u->p->role == INK_ROLE_SUBHEAD;
}

/* The subheads the page as set stops before, or opens a column after its first with (page
 * e->sn.page): the column before each ended short of it and the lines it keeps. Their units
 * go into ui; returns how many. */
static size_t
missed_heads (const lay_t *L, const even_t *e, size_t *ui)
{
  size_t n = 0;
  if (stops_at_kept (L) && is_subhead (&L->units.v[L->next.ui]))
    ui[n++] = L->next.ui;
  unsigned first_col = L->rtl ? L->ncols - 1 : 0;
  for (unsigned c = 0; c < L->ncols && n < FLUSH_MOST; c++) {
    const ink__lrec_t *top = c == first_col ? NULL : ink__edge_line_on (L, e->sn.page, c, true);
    if (!top || top->role != INK_ROLE_SUBHEAD || top->block < 0)
      continue;
    for (size_t i = e->sn.ui; i < L->units.n && i <= L->next.ui; i++)
      if (is_subhead (&L->units.v[i]) && L->units.v[i].block == top->block) {
        ui[n++] = i;
        break;
      }
  }
  return n;
}

/* The paragraphs a search of the page set a line longer or shorter (e->now) set back as the
 * page's first flow had them; *any when there was one. */
static ink_status_t
loose_back (lay_t *L, even_t *e, bool *any)
{
  ink_status_t st = INK_OK;
  *any = false;
  for (size_t i = 0; i < e->nnow && st == INK_OK; i++) {
    bool met;
    *any |= e->now[i].loose != 0;
    st = ink__even_set_loose (L, e, e->now[i].ui, 0, &met);
  }
  return st;
}

/* The white over subhead unit ui: its own space, and the space after the unit before it when
 * that is running text (a list's last item keeps its list's space after it), which the flow
 * adds before the subhead's. */
static int32_t *
white_over (lay_t *L, size_t ui, int32_t **after)
{
  unit_t *prev = ui > 0 ? &L->units.v[ui - 1] : NULL;
  *after = prev && ink__loose_para (prev) ? &prev->space_after : NULL;
  return &L->units.v[ui].space_before;
}

/* The white over the n subheads ui set to none, what it was kept in was (2 * n values). */
static void
flush_set (lay_t *L, const size_t *ui, size_t n, int32_t *was)
{
  for (size_t i = 0; i < n; i++) {
    int32_t *after, *before = white_over (L, ui[i], &after);
    was[2 * i] = *before;
    was[2 * i + 1] = after ? *after : 0;
    *before = 0;
    if (after)
      *after = 0;
  }
}

/* The white over the n subheads ui given back as flush_set kept it. */
static void
flush_back (lay_t *L, const size_t *ui, size_t n, const int32_t *was)
{
  for (size_t i = n; i-- > 0;) {
    int32_t *after, *before = white_over (L, ui[i], &after);
    *before = was[2 * i];
    if (after)
      *after = was[2 * i + 1];
  }
}

/**
 * ink__even_head_flush:
 * @L: the layout, the page of e->sn searched (pages.c), set on trial
 * @e: its best setting, replaced when this one is kept
 *
 * The last tool for a full page whose columns still end apart or short because a column
 * ended short of a subhead it stops before or that opens the next column. On the baseline
 * grid the body lines under a subhead go down to the next grid line, so the quarter cuts of
 * ink__even_space gain that column nothing: the white over the subhead and its line still
 * take their whole steps unless the white goes. A make-up editor then sets the subhead flush
 * on the text over it, on a step of its own: the subheads the page missed are set with no
 * white over them, the paragraphs as the search kept them, then as the page was first
 * flowed (a paragraph set a line longer to fill the short column takes the very step the
 * subhead needs), and the first that sets the page with its columns together and full, with
 * no rule let through and no line alone, is kept; else the white and the paragraphs are set
 * back. (river-recovery kiosk-7.5 p7 ended its first column three steps short of "Who pays
 * now", whose white, line and two lines took four.) Not while a float waits at the page's
 * stop for the next page: more text taken onto this one sets it further after its own
 * (moorland-fire kiosk-7.5 p4, its chart waiting, then read two pages late).
 *
 * Return value: INK_OK, or the error that stopped it.
 */
ink_status_t
ink__even_head_flush (lay_t *L, even_t *e)
{
  ink_status_t st = ink__set_page_cols (L, &e->sn, e->best);
  if (st != INK_OK || !L->broke || !(stops_at_kept (L) || L->head_opens_col) ||
      L->next.pending != NO_FLOAT || L->next.pending_span != NO_FLOAT)
    return st;
  size_t ui[FLUSH_MOST];
  int32_t was[2 * FLUSH_MOST];
  size_t n = missed_heads (L, e, ui);
  flush_set (L, ui, n, was);
  const even_best_t before = ink__even_best_of (e);
  bool evened = false, loose = true;
  for (int pass = 0; n && pass < 2 && loose && !evened && st == INK_OK; pass++) {
    if (pass == 1 && (st = loose_back (L, e, &loose)) != INK_OK)
      break;
    if ((st = space_evens (L, e, &evened)) == INK_OK && !evened)
      ink__even_best_back (e, &before);
  }
  if (evened || st != INK_OK)
    return st;
  flush_back (L, ui, n, was);
  return ink__even_keep_loose (L, e);
}

/* The page set with e's best bottoms and the units' spaces as they now are holds no line
 * alone under a float, and scores no worse than the best (its columns as together and full). */
static ink_status_t
lone_gone (lay_t *L, even_t *e, bool *gone)
{
  ink__makeup_cols_t c;
  *gone = false;
  ink_status_t st = ink__set_page_cols (L, &e->sn, e->best);
  if (st != INK_OK || !L->broke || L->doc->pages.n != e->sn.page + 1 || L->lone_float)
    return st;
  int64_t added = ink__vjust_trial (L, e->sn.page);
  ink__measure_page (L, &e->sn, e->step, &c);
  c.deepest = e->deepest;
  int64_t cost = ink__makeup_full_cost (&c);
  *gone = cost != INK_MAKEUP_REJECT && cost + added <= e->best_cost;
  return INK_OK;
}

/* Units [first, first + n) of a pull quote or a related box keep their cut spaces; every
 * other unit's go back to saved (a picture's, a subhead's, a comment's). */
static void
cut_boxes_only (lay_t *L, size_t first, size_t n, const int32_t *saved)
{
  size_t end = 0;   /* the unit after the pull quote or related box unit i is part of */
  for (size_t i = 0; i < n; i++) {
    unit_t *u = &L->units.v[first + i];
    if (u->float_len && i >= end && ink__is_box (L, first + i))
      end = i + u->float_len;
    if (i < end)
      continue;
    u->space_before = saved[3 * i];
    u->space_after = saved[3 * i + 1];
    if (u->kind == U_SPACE)
      u->h = saved[3 * i + 2];
  }
}

/* A page whose columns end together and full holds a line alone under a float: the only line
 * of running text of a column under its floats, its paragraph going on in the next (colfit.c,
 * under_float), with white around it. A make-up editor takes some of the white around the
 * boxes so that more lines go in with it: the space above and below the page's pull quotes
 * and related boxes is cut by a quarter at a time, down to none (between a box's parts, to
 * half; lastspace.c), and the least cut that sets the page with no line alone under a float,
 * no worse made up, is kept; else the spaces are set back. Pictures keep their space, as do
 * subheads and comments: cut, they crowd the text over them. *set: the page was set on
 * trial, to be set again. */
ink_status_t
ink__even_lone (lay_t *L, even_t *e, bool *set)
{
  size_t first = ink__snap_first_unit (&e->sn), n;
  int32_t *saved;
  *set = false;
  ink_status_t st = space_saved (L, first, 0, &n, &saved);
  if (st != INK_OK || !saved)
    return st;
  int kept = 0;
  bool gone = false;
  L->trial = true;   /* set again for good by the caller (even_set) */
  for (int cut = 1; cut <= INK_SPACE_CUTS && st == INK_OK && !gone; cut++) {
    ink__space_set (L->units.v + first, n, saved, cut);   /* a trial may move the units */
    cut_boxes_only (L, first, n, saved);
    if ((st = lone_gone (L, e, &gone)) == INK_OK && gone)
      kept = cut;
  }
  L->trial = false;
  ink__space_set (L->units.v + first, n, saved, kept);
  cut_boxes_only (L, first, n, saved);
  ink__free (L->ctx, saved, 3 * n * sizeof *saved);
  /* The page as it stops is what the last page's make-up (lastpair.c) reads next: as kept. */
  if (st == INK_OK && !kept)
    st = ink__set_page_cols (L, &e->sn, e->best);
  *set = true;
  return st;
}
