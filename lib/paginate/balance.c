/* paginate/balance: the last page's columns balanced by setting it again from its snapshot
 * (snapshot.c) at lower column bottoms; the line geometry make-up measures pages with. */
#include "balbudget.h"
#include "makeup.h"

#include <string.h>

/* The height most lines of a paragraph have, among its first 64; 0 when it has none. */
static int32_t
common_height (const setpara_t *p)
{
  int32_t h[64];
  size_t n = p->para.lines.n < 64 ? p->para.lines.n : 64;
  /* The heights in order (most are one height, so the insertion is short), then the longest
   * run of one height, the lowest of runs as long. */
  for (size_t k = 0; k < n; k++) {
    int32_t v = ink__line_height (p, &p->para.lines.v[k]);
    size_t j = k;
    for (; j > 0 && h[j - 1] > v; j--)
      h[j] = h[j - 1];
    h[j] = v;
  }
  int32_t best = 0;
  size_t best_count = 0;
  for (size_t k = 0; k < n;) {
    size_t e = k + 1;
    while (e < n && h[e] == h[k])
      e++;
    if (e - k > best_count) {
      best = h[k];
      best_count = e - k;
    }
    k = e;
  }
  return best;
}

/* One line step: the common line height of the longest body paragraph (the grid step when
 * there is one), else of the longest paragraph; a pixel when there is no text. */
int32_t
ink__line_step (const lay_t *L)
{
  const setpara_t *longest[2] = { NULL, NULL };
  for (size_t i = 0; i < L->paras.n; i++) {
    const setpara_t *p = L->paras.v[i];
    int kind = p->role == INK_ROLE_BODY ? 0 : 1;
    if (!longest[kind] || p->para.lines.n > longest[kind]->para.lines.n)
      longest[kind] = p;
  }
  for (int kind = 0; kind < 2; kind++) {
    int32_t step = longest[kind] ? common_height (longest[kind]) : 0;
    if (step > 0)
      return step;
  }
  return 64;
}

/* The column (in reading order) a line of the page sits in, or -1 for one above the columns
 * or across them. */
int
ink__line_col (const lay_t *L, const ink__lrec_t *l, int32_t body_top)
{
  if (l->y < body_top || l->generated)
    return -1;
  return ink__box_col (L, l->x, l->w);
}

/* The column (in reading order) a line, picture or rule from x, w wide sits in, or -1 for
 * one across the columns. */
int
ink__box_col (const lay_t *L, int32_t x, int32_t w)
{
  if (w > L->colw + 64)
    return -1;
  int64_t mid = (int64_t) x + w / 2;
  int64_t off = L->rtl ? (int64_t) L->right - mid : mid - L->left;
  int64_t c = off / ((int64_t) L->colw + L->gutter);
  return c < 0 ? 0 : c >= (int64_t) L->ncols ? (int) L->ncols - 1 : (int) c;
}

/* Whether the page set from snapshot sn took all it holds: while the page before the comments'
 * page break is balanced, all up to the break (what follows goes on the next page). */
static bool
page_took_all (const lay_t *L, const snap_t *sn)
{
  const ink_document_t *doc = L->doc;
  if (L->break_balancing && L->at_break)
    return doc->pages.n == sn->page + 1 && L->break_chars == sn->overflow_chars &&
           L->break_blocks == sn->overflow_blocks;
  return !L->full && doc->pages.n == sn->page + 1 && doc->overflow_chars == sn->overflow_chars &&
         doc->overflow_blocks == sn->overflow_blocks;
}

/* Line l belongs to a float: a pull quote, its attribution, a related box, a caption or a
 * credit, none of which is cut between columns. */
static bool
float_line (const ink__lrec_t *l)
{
  return l->block >= 0 && ink__float_role (l->role);
}

/* The subhead the last line seen belongs to: its block, the column it began in, whether it
 * would go in one column of the frame and whether it went on in another. */
typedef struct {
  long block;
  int col;
  bool fits, cut;
} sub_cut_t;

/* The height of the lines of block b on page pg from its line i on. */
static int64_t
block_height (const ink_document_t *doc, const ink__page_t *pg, size_t i, long b)
{
  int64_t h = 0;
  for (; i < pg->nl; i++)
    if (doc->lines.v[pg->l0 + i].block == b)
      h += doc->lines.v[pg->l0 + i].h;
  return h;
}

/* Line i of page pg, in column col, after the lines before it: whether it is a subhead's line
 * that goes on in another column than its first, when the whole subhead would go in one
 * column of the frame. A subhead is never cut between columns but one taller than a column
 * (units.c); balancing the last page at column bottoms above the subhead's foot must not cut
 * it either: a setting that does is refused, as one that cuts a float. */
static bool
sub_cut (const lay_t *L, const ink__page_t *pg, size_t i, int col, sub_cut_t *s)
{
  const ink__lrec_t *l = &L->doc->lines.v[pg->l0 + i];
  if (l->block < 0 || l->role != INK_ROLE_SUBHEAD) {
    s->block = -1;
    return false;
  }
  if (l->block != s->block) {
    s->block = l->block;
    s->col = col;
    s->cut = false;
    s->fits = block_height (L->doc, pg, i, l->block) <= (int64_t) L->bottom - pg->body_top;
  }
  s->cut |= col != s->col;
  return s->cut && s->fits;
}

/* The current page's columns as the make-up score sees them, and the height they fill. */
static void
measure_filled (const lay_t *L, const snap_t *sn, int32_t step, ink__makeup_cols_t *c,
                int64_t *filled)
{
  const ink_document_t *doc = L->doc;
  const ink__page_t *pg = &doc->pages.v[sn->page];
  *c = (ink__makeup_cols_t) { 0 };
  c->ncols = L->ncols;
  c->step = step;
  c->strained = L->strained;
  c->late = L->late;
  c->lone = L->lone;
  c->lone_float = L->lone_float;
  c->cut_list = L->cut_list;
  c->together = PX (1) - 1;   /* less than a pixel: the make-up check's tolerance */
  c->overflow = !page_took_all (L, sn) || (L->late && L->no_late);
  int32_t foot[INK_MAKEUP_MAX_COLS] = { 0 };
  long float_block = -1;   /* the float the last line of a float belongs to, and its column */
  int float_col = -1;
  sub_cut_t sub = { -1, -1, false, false };
  ink__head_strand_t strand = { .head_col = -1, .text_block = -1, .authors = L->balancing };
  for (size_t i = 0; i < pg->nl; i++) {
    const ink__lrec_t *l = &doc->lines.v[pg->l0 + i];
    int col = ink__line_col (L, l, pg->body_top);
    if (col < 0 || (pg->body_bottom && l->y >= pg->body_bottom))
      continue;   /* above or across the columns, or under them with a float across them */
    if (float_line (l)) {
      c->split_float |= l->block == float_block && col != float_col;
      float_block = l->block;
      float_col = col;
    }
    if (l->cap)
      continue;   /* beside the lines it sinks into: a three-line brief is three lines */
    if (l->role == INK_ROLE_SUBHEAD && l->block >= 0 && l->block == sub.block)
      c->head_lines++;
    c->split_float |= sub_cut (L, pg, i, col, &sub) || ink__head_strands (l, col, &strand);
    c->lines[col]++;
    if (c->lines[col] == 1 || l->baseline > c->end[col])
      c->end[col] = l->baseline;
    if (l->y + l->h > foot[col])
      foot[col] = l->y + l->h;
  }
  *filled = 0;
  for (unsigned i = 0; i < L->ncols; i++)
    if (c->lines[i])
      *filled += foot[i] - pg->body_top;
}

/* The most room any column of page q that holds lines leaves under its lowest line, to the
 * frame's foot. */
int64_t
ink__most_room (const lay_t *L, size_t q)
{
  const ink_document_t *doc = L->doc;
  const ink__page_t *pg = &doc->pages.v[q];
  int32_t foot[INK_MAKEUP_MAX_COLS];
  for (unsigned c = 0; c < L->ncols && c < INK_MAKEUP_MAX_COLS; c++)
    foot[c] = INT32_MIN;
  for (size_t i = 0; i < pg->nl; i++) {
    const ink__lrec_t *l = &doc->lines.v[pg->l0 + i];
    int col = ink__line_col (L, l, pg->body_top);
    if (col >= 0 && col < INK_MAKEUP_MAX_COLS && l->y + l->h > foot[col])
      foot[col] = l->y + l->h;
  }
  int64_t room = 0;
  for (unsigned c = 0; c < L->ncols && c < INK_MAKEUP_MAX_COLS; c++)
    if (foot[c] != INT32_MIN && (int64_t) L->bottom - foot[c] > room)
      room = (int64_t) L->bottom - foot[c];
  return room;
}

/* The current page's columns as the make-up score sees them. */
void
ink__measure_page (const lay_t *L, const snap_t *sn, int32_t step, ink__makeup_cols_t *c)
{
  int64_t filled;
  measure_filled (L, sn, step, c, &filled);
}

/* The highest last baseline of the columns of page sn->page that hold lines (*low), how far
 * apart they end (*spread) and, when even is not NULL, whether that passes as even (within a
 * line step, as a last page's). */
void
ink__page_ends (const lay_t *L, const snap_t *sn, int32_t *low, int64_t *spread, bool *even)
{
  ink__makeup_cols_t c;
  ink__measure_page (L, sn, ink__line_step (L), &c);
  *low = INT32_MAX;
  for (unsigned i = 0; i < c.ncols && i < INK_MAKEUP_MAX_COLS; i++)
    if (c.lines[i] && c.end[i] < *low)
      *low = c.end[i];
  *spread = ink__makeup_spread (&c);
  if (even)
    *even = ink__makeup_even (&c);
}

/* Whether page sn->page fills the columns it should (ink__makeup_filled): a last page that
 * passes as even may still leave its last columns empty while it holds two lines a column,
 * which the make-up check sends back. */
bool
ink__page_filled (const lay_t *L, const snap_t *sn)
{
  ink__makeup_cols_t c;
  ink__measure_page (L, sn, ink__line_step (L), &c);
  return ink__makeup_filled (&c);
}

/* Sets the page again from its snapshot, each column ending at most at its own bottom. */
ink_status_t
ink__set_page_cols (lay_t *L, const snap_t *sn, const int32_t *bottoms)
{
  ink__restore_snap (L, sn, bottoms[0]);
  for (unsigned i = 0; i < L->ncols; i++)
    L->bottoms[i] = bottoms[i];
  L->col_bottoms = true;
  L->strained = false;
  ink_status_t st = ink__resume_snap (L, sn);
  ink__balance_charge (L, sn);
  return st;
}

/* Ways to share the last page among its columns, from one column bottom b: all at b; the
 * last column free to the frame's foot; the first one or two a line step lower; then one of
 * the columns between the first and the last a line step lower (a table or picture in the
 * middle column under the line carried over to its top); then, on five columns or more, the
 * first three or more a line step lower, all but the last two at most (eighteen lines in
 * five columns end 4 4 4 3 3, which neither all at b nor the first two lower can set). */
enum { SHARE_EVEN, SHARE_LAST_FREE, SHARE_FIRST_LONGER, SHARE_TWO_LONGER, SHARE_MIDDLE_LONGER };
#define SHARE_FIRST_SOME (SHARE_MIDDLE_LONGER + INK_MAKEUP_MAX_COLS - 2)
#define SHARE_WAYS (SHARE_FIRST_SOME + INK_MAKEUP_MAX_COLS - 4)

static bool
share_bottoms (const lay_t *L, int way, int32_t b, int32_t step, int32_t *bottoms)
{
  unsigned n = L->ncols;
  int32_t lower = b + step < L->bottom ? b + step : L->bottom;
  for (unsigned i = 0; i < n; i++)
    bottoms[i] = b;
  if (way == SHARE_LAST_FREE)
    bottoms[n - 1] = L->bottom;
  else if (way == SHARE_FIRST_LONGER || (way == SHARE_TWO_LONGER && n > 2))
    for (unsigned i = 0; i < (way == SHARE_FIRST_LONGER ? 1u : 2u); i++)
      bottoms[i] = lower;
  else if (way >= SHARE_FIRST_SOME && (unsigned) (way - SHARE_FIRST_SOME) + 5 <= n)
    for (unsigned i = 0; i < (unsigned) (way - SHARE_FIRST_SOME) + 3; i++)
      bottoms[i] = lower;
  else if (way >= SHARE_MIDDLE_LONGER && way < SHARE_FIRST_SOME &&
           (unsigned) (way - SHARE_MIDDLE_LONGER) + 2 < n)
    bottoms[way - SHARE_MIDDLE_LONGER + 1] = lower;
  else if (way != SHARE_EVEN)
    return false;
  return true;
}

/* The last page just set from sn, measured into c as it will be printed: when its columns
 * end more than a line step apart and vertical justification lets the short ones down to
 * within one, as justified, with *let_down how far apart they ended as set (a setting whose
 * columns end together as set is better than one that needs the space); else as set, and
 * *let_down 0. */
static void
measure_printed (lay_t *L, const snap_t *sn, int32_t step, ink__makeup_cols_t *c,
                 int64_t *let_down)
{
  ink__makeup_cols_t j;
  *let_down = 0;
  if (ink__makeup_even (c) || !page_took_all (L, sn))
    return;
  ink__vjust_last_as_set (L, sn->page);
  ink__measure_page (L, sn, step, &j);
  /* Justified or not, the page will be printed so: a hole it leaves counts either way. */
  c->hole = j.hole = ink__column_hole (L, sn->page, step);
  if (ink__makeup_even (&j)) {
    *let_down = ink__makeup_spread (c);
    *c = j;
  }
}

/* Sets the page again from its snapshot with these column bottoms and measures it as it
 * will be printed (measure_printed). */
static ink_status_t
try_bottoms (lay_t *L, const snap_t *sn, const int32_t *bottoms, int32_t step,
             ink__makeup_cols_t *c, int64_t *let_down)
{
  ink_status_t st = ink__set_page_cols (L, sn, bottoms);
  ink__measure_page (L, sn, step, c);
  measure_printed (L, sn, step, c, let_down);
  return st;
}

/* At most this many column bottoms are tried on the last page, each in every way. */
#define BALANCE_TRIES 48

/* A way of setting the last page: its column bottoms, its score, whether its columns end
 * within a line step, and the rules and lone lines it let through. */
typedef struct {
  int64_t cost;
  bool even, strained, lone_float, few;
  unsigned lone;
  int32_t b[INK_MAKEUP_MAX_COLS];
} setting_t;

/* The setting of the page as measured in c, at bottoms b, its columns let down by vertical
 * justification from let_down apart (measure_printed); few: its last columns may stay empty
 * (ink__makeup_cols_t). */
static void
setting_of (ink__makeup_cols_t *c, const int32_t *b, int64_t let_down, bool few, setting_t *s)
{
  c->few = few;
  s->few = few;
  s->cost = ink__makeup_cost (c);
  if (s->cost != INK_MAKEUP_REJECT)
    s->cost += let_down;
  s->even = ink__makeup_even (c);
  s->strained = c->strained;
  s->lone = c->lone;
  s->lone_float = c->lone_float;
  memcpy (s->b, b, sizeof s->b);
}

/* Whether setting s lets no more rules or lone lines through than setting bound (any, when
 * bound is NULL), and no line alone under a float when bound's columns end together. */
static bool
within (const setting_t *s, const setting_t *bound)
{
  return !bound || (s->lone <= bound->lone && (!s->strained || bound->strained) &&
                    (!s->lone_float || !bound->even));
}

/* The best way to set the page from sn as its units now are, among those within bound: first
 * at the frame's bottom, then at column bottoms half a line step apart, from the lowest that
 * could hold its content upward, each shared among the columns in several ways
 * (share_bottoms); the first of equals. few: its last columns may stay empty. */
static ink_status_t
search (lay_t *L, const snap_t *sn, int32_t step, const setting_t *bound, bool few,
        setting_t *best)
{
  ink__makeup_cols_t first;
  int64_t filled;
  int32_t b[INK_MAKEUP_MAX_COLS];
  share_bottoms (L, SHARE_EVEN, L->bottom, step, best->b);
  ink_status_t st = ink__set_page_cols (L, sn, best->b);
  if (st != INK_OK)
    return st;
  int64_t let_down;
  measure_filled (L, sn, step, &first, &filled);
  measure_printed (L, sn, step, &first, &let_down);
  setting_of (&first, best->b, let_down, few, best);
  if (!within (best, bound))
    best->cost = INK_MAKEUP_REJECT;
  int64_t lo = L->doc->pages.v[sn->page].body_top + filled / L->ncols - step;
  int32_t stride = step / 2 > 0 ? step / 2 : 1;
  for (int i = 0; i < BALANCE_TRIES && best->cost > 0 && lo + (int64_t) i * stride < L->bottom;
       i++) {
    for (int way = 0; way < SHARE_WAYS && best->cost > 0 && st == INK_OK &&
                      !ink__balance_spent (L);
         way++) {
      ink__makeup_cols_t c;
      setting_t s;
      if (!share_bottoms (L, way, (int32_t) (lo + (int64_t) i * stride), step, b))
        continue;
      if ((st = try_bottoms (L, sn, b, step, &c, &let_down)) == INK_OK) {
        setting_of (&c, b, let_down, few, &s);
        if (s.cost < best->cost && within (&s, bound))
          *best = s;
      }
    }
  }
  return st;
}

/* At most this many paragraphs of the last page are set a line longer or shorter. */
#define LOOSE_TRIES 8

/* Whether unit u may be set a line longer or shorter on the last page: running text (a
 * paragraph or list item), or the text of a related box, whose ragged lines read as well one
 * more or fewer; not a pull quote, set with lines of even length. */
static bool
loose_may (const unit_t *u)
{
  const setpara_t *p = u->p;
  if (u->kind != U_PARA || p->cap)
    return false;
  return p->role == INK_ROLE_RELATED ||
         (!u->float_len && (p->role == INK_ROLE_BODY || p->role == INK_ROLE_LIST));
}

/* Whether unit u is a reader's comment or reply. Its ragged lines read as well one more or
 * fewer, but a reader's words are not the article's to refit: make-up sets one a line longer
 * or shorter only when that ends the last page's columns within a line step (a comment of
 * four lines split two and two over the columns where, in three, it stood whole in the
 * first: kiel-faehren.de kiosk-7.5), never to score better a page whose columns end together
 * already. */
static bool
loose_comment (const unit_t *u)
{
  const setpara_t *p = u->p;
  return u->kind == U_PARA && !u->float_len && !p->cap &&
         (p->role == INK_ROLE_COMMENT || p->role == INK_ROLE_REPLY);
}

/**
 * ink__balance_score:
 * @L: the layout, its last page just set from L->snap
 * @step: one line step
 * @cost: (out): the cost of the best way search () finds to set it
 * @even: (out): whether that way ends its columns within a line step
 * @lone_float: (out) (nullable): whether that way leaves a line alone under a float
 *
 * The last page balanced by its column bottoms alone, as a trial: how well it can be.
 */
ink_status_t
ink__balance_score (lay_t *L, int32_t step, int64_t *cost, bool *even, bool *lone_float)
{
  snap_t sn = L->snap;
  setting_t best;
  L->balance_scores++;
  uint64_t was = ink__balance_budget_begin (L);
  ink_status_t st = search (L, &sn, step, NULL, false, &best);
  ink__balance_budget_end (L, was);
  *cost = best.cost;
  *even = best.even;
  if (lone_float)
    *lone_float = best.lone_float;
  return st;
}

/* Whether setting s is kept over best by balance_loose: it scores better; with word spaces
 * set wider (`wide`, the last resort), only when it also ends the columns within a line step
 * and leaves no line alone under a float that best did not. */
static bool
loose_better (const setting_t *s, const setting_t *best, bool wide)
{
  return s->cost < best->cost && (!wide || (s->even && (!s->lone_float || best->lone_float)));
}

/* Whether balance_loose goes on: the columns end more than a line step apart, or (not wide)
 * a line stands alone under a float. */
static bool
loose_wanted (const setting_t *best, int32_t step, bool wide)
{
  return wide ? !best->even : best->cost > step || best->lone_float;
}

/* p set with this looseness, its other bounds a last page's; when wide, its word spaces
 * within the wider bound of a full page's last resort, its justified lines stretching between
 * letters too as far as their style allows (ink__set_para_looseness_lettered). */
static ink_status_t
set_loose (lay_t *L, setpara_t *p, int loose, bool wide, bool *met)
{
  return wide ? ink__set_para_looseness_lettered (L, p, loose, met)
              : ink__set_para_looseness (L, p, loose, false, met);
}

/* The last page's columns still end more than a line step apart: its paragraphs and list
 * items (those wholly on it) are set a line shorter, then longer (looseness), one at a time,
 * and the page balanced again; a change is kept when the page then scores better (a
 * comment's only when its columns then end within a line step, loose_comment). As the
 * last resort (wide), with word spaces a stretchability wider, as a full page's are
 * (pages.c), paragraphs not set looser or tighter already, and a change kept only when the
 * columns then end within a line step. */
static ink_status_t
balance_loose (lay_t *L, const snap_t *sn, int32_t step, bool wide, setting_t *best)
{
  ink_status_t st = INK_OK;
  unsigned tries = 0;
  for (size_t ui = sn->ui + (sn->k > 0); ui < L->units.n && tries < LOOSE_TRIES && st == INK_OK &&
                                         loose_wanted (best, step, wide); ui++) {
    setpara_t *p = L->units.v[ui].p;
    bool comment = loose_comment (&L->units.v[ui]);
    if (!(loose_may (&L->units.v[ui]) || comment) || (wide && p->po.looseness))
      continue;
    int kept = 0;   /* the looseness best was measured with */
    for (int loose = -1; loose <= 1 && st == INK_OK && loose_wanted (best, step, wide) &&
                         !(comment && best->even);
         loose += 2) {
      bool met;
      setting_t s;
      /* A page already even is scored better by no running text's ragged line set at half
       * the column (a related box's heading, read as a title, may still break short). */
      bool bounded = loose > 0 && !wide && !comment && best->even &&
                     p->role != INK_ROLE_RELATED;
      if ((st = bounded ? ink__set_para_looser_bounded (L, p, &met)
                        : set_loose (L, p, loose, wide, &met)) != INK_OK ||
          !met)
        continue;
      tries++;
      if ((st = search (L, sn, step, NULL, false, &s)) == INK_OK &&
          loose_better (&s, best, wide) && (!comment || s.even)) {
        *best = s;
        kept = loose;
      } else if (st == INK_OK) {
        st = set_loose (L, p, kept, wide, &met);
      }
    }
  }
  return st;
}

/* The first unit a page set from sn holds: its first, or a float that waited for it. */
size_t
ink__snap_first_unit (const snap_t *sn)
{
  size_t first = sn->ui;
  if (sn->pending != NO_FLOAT && sn->pending < first)
    first = sn->pending;
  if (sn->pending_span != NO_FLOAT && sn->pending_span < first)
    first = sn->pending_span;
  return first;
}

/* Whether balance_space goes on: the columns end more than a line step apart, or together
 * only with a line alone under a float. */
static bool
space_wanted (const setting_t *best)
{
  return !best->even || best->lone_float;
}

/* The last page's columns still end more than a line step apart, or end together only with
 * a line alone under a float (space_wanted): the page is balanced again with the space above
 * its floats, subheads and comments cut by a quarter at a time, down to none (lastspace.c);
 * the least cut that ends the columns within a line step is kept when the page then scores
 * better and lets no more rules or lone lines through (and no line alone under a float when
 * they ended together already): space is not given up for columns that still end apart, nor
 * for a line left alone under a float. */
static ink_status_t
balance_space (lay_t *L, const snap_t *sn, int32_t step, setting_t *best)
{
  size_t first = ink__snap_first_unit (sn);
  if (first >= L->units.n)
    return INK_OK;
  size_t n = L->units.n - first;
  int32_t *saved = ink__alloc_array (L->ctx, n, 3 * sizeof *saved);
  if (!saved)
    return oom (L);
  ink__space_save (L->units.v + first, n, saved);   /* a search may move the units: no pointer */
  ink_status_t st = INK_OK;
  int kept = 0;
  for (int cut = 1; cut <= INK_SPACE_CUTS && st == INK_OK && space_wanted (best); cut++) {
    setting_t s;
    ink__space_set (L->units.v + first, n, saved, cut);
    if ((st = search (L, sn, step, best, false, &s)) == INK_OK && s.even &&
        s.cost < best->cost) {
      *best = s;
      kept = cut;
    }
  }
  ink__space_set (L->units.v + first, n, saved, kept);
  ink__free (L->ctx, saved, 3 * n * sizeof *saved);
  return st;
}

/* Measures best again as the page's units now are, and searches again when it no longer
 * scores as it did: a paragraph set back to its optimum after a try (balance_loose) need not
 * break as it was first set, and the page set for good must be the page that was scored. */
static ink_status_t
confirm (lay_t *L, const snap_t *sn, int32_t step, setting_t *best)
{
  ink__makeup_cols_t c;
  int64_t let_down;
  setting_t s;
  ink_status_t st = try_bottoms (L, sn, best->b, step, &c, &let_down);
  if (st != INK_OK)
    return st;
  setting_of (&c, best->b, let_down, best->few, &s);
  return s.cost == best->cost ? INK_OK : search (L, sn, step, NULL, best->few, best);
}

/* Every column of the last page filled only with a rule let through (a subhead at a column's
 * foot without the two lines it keeps, most often: a page of a few lines, a subhead among
 * them): a short page (fewer than INK_MAKEUP_FEW_LINES lines a column) fills fewer columns,
 * from the first on, when that lets no rule and no more lone lines through and its columns
 * still end within a line step. A make-up editor sets seven lines and a subhead in two
 * columns rather than cut the subhead from its text to fill a third. */
static ink_status_t
balance_few (lay_t *L, const snap_t *sn, int32_t step, setting_t *best)
{
  setting_t bound = *best, s;
  bound.strained = false;
  ink_status_t st = search (L, sn, step, &bound, true, &s);
  if (st == INK_OK && s.cost != INK_MAKEUP_REJECT && !s.strained && s.even &&
      s.cost < best->cost)
    *best = s;
  return st;
}

/* Whether the last page as set from sn holds a reader's comment or reply. */
static bool
holds_comment (const lay_t *L, const snap_t *sn)
{
  for (size_t ui = ink__snap_first_unit (sn); ui < L->units.n; ui++) {
    const setpara_t *p = L->units.v[ui].p;
    if (L->units.v[ui].kind == U_PARA && p &&
        (p->role == INK_ROLE_COMMENT || p->role == INK_ROLE_REPLY))
      return true;
  }
  return false;
}

/* The last page's columns still end more than a line step apart and it holds comments: whole
 * comments of an author and two or three lines share two columns only by rows a comment and
 * its rule tall. The page is balanced again with a comment's last line let go alone to the
 * next column's top (flow.c, widows_of), and that is kept only when its columns then end
 * within a line step and it scores better; otherwise the comments keep two lines either
 * side of a column break. */
static ink_status_t
balance_comment (lay_t *L, const snap_t *sn, int32_t step, setting_t *best)
{
  if (!holds_comment (L, sn))
    return INK_OK;
  setting_t s;
  L->comment_widow = true;
  ink_status_t st = search (L, sn, step, NULL, false, &s);
  if (st == INK_OK && s.even && s.cost < best->cost)
    *best = s;
  else
    L->comment_widow = false;
  return st;
}

/* Balances the last page's columns: the best of the ways search () tries, then of those with
 * a paragraph set a line shorter or longer (balance_loose), then with less space around its
 * floats, subheads and comments (balance_space), while the columns still end more than a line
 * step apart or a line stands alone under a float. The page as first set (at the frame's bottom)
 * stays when nothing beats it. */
ink_status_t
ink__balance (lay_t *L)
{
  bool even;
  return ink__balance_even (L, &even);
}

/**
 * ink__balance_even:
 * @L: the layout, its last page just set from L->snap
 * @even: (out): whether the setting kept ends the page's columns within a line step (true
 * on a page of one column, or one not balanced)
 *
 * ink__balance, telling how it ended.
 *
 * Return value: INK_OK, or the error that stopped it.
 */
ink_status_t
ink__balance_even (lay_t *L, bool *even)
{
  *even = true;
  if (L->full || L->ncols < 2 || L->ncols > INK_MAKEUP_MAX_COLS)
    return INK_OK;
  snap_t sn = L->snap;
  size_t max_pages = L->max_pages;
  int32_t step = ink__line_step (L);
  setting_t best;
  L->max_pages = sn.page + 1;
  L->trial = true;
  L->balancing = true;
  uint64_t was = ink__balance_budget_begin (L);
  ink_status_t st = search (L, &sn, step, NULL, false, &best);
  if (st == INK_OK && best.cost == INK_MAKEUP_REJECT) {
    L->lead_in_free = true;   /* no setting holds the page with the text held: it may pass */
    st = search (L, &sn, step, NULL, false, &best);
  }
  bool held = false;
  if (st == INK_OK && best.cost == INK_MAKEUP_REJECT)
    st = ink__runt_hold (L, &held);
  if (st == INK_OK && held)
    st = search (L, &sn, step, NULL, false, &best);   /* as the units now are */
  if (st == INK_OK && loose_wanted (&best, step, false))
    st = balance_loose (L, &sn, step, false, &best);
  if (st == INK_OK && space_wanted (&best))
    st = balance_space (L, &sn, step, &best);
  if (st == INK_OK && !best.even)
    st = balance_loose (L, &sn, step, true, &best);
  if (st == INK_OK && !best.even)
    st = balance_comment (L, &sn, step, &best);
  if (st == INK_OK && best.strained)
    st = balance_few (L, &sn, step, &best);
  if (st == INK_OK)
    st = confirm (L, &sn, step, &best);
  ink__balance_budget_end (L, was);
  *even = best.even;
  L->trial = false;
  L->max_pages = max_pages;
  if (st == INK_OK)
    st = ink__set_page_cols (L, &sn, best.b);
  L->balancing = false;
  L->lead_in_free = false;
  L->comment_widow = false;
  if (st == INK_OK)
    ink__vjust_page (L, sn.page, true);
  return st;
}

/* The page the flow ended at the page break before the comments (comments-new-page): the
 * text ends there, so its columns are balanced as a last page's; the comments go on from
 * the next page, from where the setting kept stops (L->next). When no balanced setting takes
 * all of the page's text, the page stays as the flow set it, to the frame's foot. A single
 * comment that would make its page a runt goes under the text instead when it can (runt.c,
 * ink__runt_join_comment): the page is then the last, balanced as the flow ends. */
ink_status_t
ink__balance_before_break (lay_t *L)
{
  bool joined;
  ink_status_t st = ink__runt_join_comment (L, &joined);
  if (st != INK_OK || joined)
    return st;
  snap_t sn = L->snap;
  L->full = false;
  L->break_balancing = true;
  st = ink__balance (L);
  L->break_balancing = false;
  if (st == INK_OK && !L->at_break) {
    int32_t b[INK_MAKEUP_MAX_COLS] = { 0 };
    share_bottoms (L, SHARE_EVEN, L->bottom, ink__line_step (L), b);
    st = ink__set_page_cols (L, &sn, b);
  }
  L->full = true;
  L->broke = true;
  return st == INK_OK ? ink__span_before_break (L) : st;
}
