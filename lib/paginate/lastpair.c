/* paginate/lastpair: the last two pages made up together. A last page that holds a few
 * comments, a picture, or a line or two under a float across its columns often cannot end
 * its columns together however its column bottoms are set (balance.c): what it holds does
 * not split. So when a full page is evened (pages.c) and the rest of the text goes on one more
 * page, the last, the full page is also tried with its columns ending half a line step, a line
 * step and more higher, then each column alone a line higher (give_column), each with
 * the rest flowed onto the last page and balanced by column bottoms; a float across the
 * columns that waits for the text's end is set there first, as the flow's end sets it. A
 * higher setting is kept when the last page's columns then end within a line step
 * of each other and the full page still passes as full once vertically justified (vjust.c):
 * it leaves room for less than two lines under each of its columns, they end within a line
 * step of each other, and it lets no more rules or lone lines through. A last page of comments
 * alone that still does not balance is given whole comments from the foot of the full page's
 * last column instead (give_comments), or has the full page take more of them, its space cut
 * or its columns filled to the frame's foot (cut_space). A last page of floats alone (a pull
 * quote or related link that waited for the page after the text's end), or of floats over
 * the comments alone, is given the text's last lines by the full page's columns ending
 * higher, as long as it still passes as full, so that the floats keep company with text
 * (give_text). A last page of a runt of text alone that runt.c could not draw back is given
 * more lines by the full page's columns ending higher, or else by paragraphs of the full page
 * set a line looser, or by both at once (give_runt, give_looser, give_looser_higher); one of a
 * lone comment that does not balance, the comments at the full page's foot (give_comments).
 * The look-ahead is one page, over units already built; the pages before stay as they are,
 * and so do the units (a trial may set a pull quote at the column's width: each trial starts
 * from the units as they were). */
#include "layout-internal.h"
#include "makeup.h"
#include "pairmemo.h"

#include <string.h>

/* Higher settings tried: this many, each half a line step higher than the one before. */
#define PAIR_TRIES 3

/* The trials of one full page: where it starts, the units from there as they were. */
typedef struct {
  const snap_t *sn;
  int32_t step, deepest;
  size_t first;     /* the first unit the page sets (its first, or a float that waited) */
  unit_t *saved;    /* units [first, L->units.n) as they were */
  size_t nsaved;
  bool balancing;   /* the last page scored as its balancing sets it (runt_trials) */
  pair_memo_t *memo; /* its last pages' scores (pairmemo.c), or NULL */
} pair_ctx_t;

/* Two pages as a trial set them: the full page's cost, the room under its columns, how far
 * apart they end and the rules it let through; the last page's cost (balanced) and whether
 * its columns end within a line step. */
typedef struct {
  int64_t full, room, spread, last;
  unsigned rules;
  unsigned empty;   /* the full page's columns that hold no line */
  size_t lines;     /* the full page's lines */
  bool even;
  bool lone_float;  /* the last page ends its columns so only with a line alone under a float */
  bool comments;    /* the last page holds comments alone, and the full page's last column
                     * lines still */
  bool bare;        /* the last page holds floats and no text */
  bool storyless;   /* the last page holds floats and none of the story's running text (its
                     * comments, perhaps) */
  size_t alone;     /* the lines of text on the last page when it holds text alone, else 0 */
  bool runt;        /* and as few as a runt's (ink__makeup_runt_lines) */
} pair_t;

/* Whether the rest of the text, from where the flow stopped after page sn, could go on one
 * more page: its units' heights, those across the columns counted in each, add up to less
 * than the page's columns hold and a half. A quick bound, to spare trials that cannot end. */
static bool
rest_may_fit (const lay_t *L)
{
  int64_t frame = (int64_t) L->ncols * (L->bottom - L->top);
  int64_t limit = frame + frame / 2, h = 0;
  for (size_t i = L->next.ui; i < L->units.n && h <= limit; i++) {
    const unit_t *u = &L->units.v[i];
    int64_t uh = (int64_t) u->space_before + u->space_after + ink__unit_height (u, SIZE_MAX);
    h += u->span ? uh * L->ncols : uh;
  }
  return h <= limit;
}

/* Whether the flow from page sn stopped on the page after it, nothing left over and no float
 * waiting for a column. */
static bool
stopped_next (const lay_t *L, const snap_t *sn)
{
  const ink_document_t *doc = L->doc;
  return !L->full && doc->pages.n == sn->page + 2 && L->snap.page == sn->page + 1 &&
         doc->overflow_chars == sn->overflow_chars &&
         doc->overflow_blocks == sn->overflow_blocks && L->pending == NO_FLOAT;
}

/* Whether the flow from page sn ended on the page after it, with all it held placed. */
static bool
ended_next (const lay_t *L, const snap_t *sn)
{
  return stopped_next (L, sn) && L->pending_span == NO_FLOAT;
}

/* Whether the flow from page sn ended on the page after it but for a float across the
 * columns that waits for the text's end (a pull quote read after the text's last lines that
 * did not fit under them), which the flow's end sets over that page or under its columns
 * (ink__finish_span). Left waiting, the pair was never tried, and a last page that opens
 * with its quote, two lines beside a comment, kept its columns apart (quais-brevet.fr
 * kiosk-7.5). */
static bool
span_waits (const lay_t *L, const snap_t *sn)
{
  return stopped_next (L, sn) && L->pending_span != NO_FLOAT;
}

/* Whether role is text that flows in the columns: the body, its subheads, lists and block
 * quotes, a table's cells, the comments. */
bool
ink__flowed_role (int role)
{
  switch (role) {
  case INK_ROLE_BODY: case INK_ROLE_SUBHEAD: case INK_ROLE_LIST: case INK_ROLE_BLOCKQUOTE:
  case INK_ROLE_TABLE: case INK_ROLE_COMMENT_AUTHOR: case INK_ROLE_COMMENT: case INK_ROLE_REPLY:
    return true;
  default:
    return false;
  }
}

/* Whether page q holds lines and none of them is text that flows in the columns: a page of
 * floats alone (a pull quote, a related link, a picture's caption), after the text ended on
 * the page before. */
static bool
page_bare (const lay_t *L, size_t q)
{
  const ink_document_t *doc = L->doc;
  const ink__page_t *pg = &doc->pages.v[q];
  size_t held = 0;
  for (size_t i = 0; i < pg->nl; i++) {
    const ink__lrec_t *l = &doc->lines.v[pg->l0 + i];
    if (l->generated)
      continue;
    if (ink__flowed_role (l->role))
      return false;
    held++;
  }
  return held > 0;
}

/* Whether role is a reader's: a comment, its author's line, a reply. */
bool
ink__readers_role (int role)
{
  return role == INK_ROLE_COMMENT_AUTHOR || role == INK_ROLE_COMMENT || role == INK_ROLE_REPLY;
}

/* Whether page q holds a float (a pull quote, a related link, a picture's caption) and no
 * line of the story's running text: the float stands alone or over the readers' comments,
 * after the text ended on the page before. */
static bool
page_storyless (const lay_t *L, size_t q)
{
  const ink_document_t *doc = L->doc;
  const ink__page_t *pg = &doc->pages.v[q];
  bool floats = false;
  for (size_t i = 0; i < pg->nl; i++) {
    const ink__lrec_t *l = &doc->lines.v[pg->l0 + i];
    if (l->generated || l->role == INK_ROLE_SOURCE || ink__readers_role (l->role))
      continue;
    if (ink__flowed_role (l->role))
      return false;
    floats = true;
  }
  return floats;
}

/* Sets the full page with these column bottoms and the rest of the text after it, from the
 * units as they were, and scores both pages, the full one as vertical justification will
 * leave it (a column of comments let down by space between them); *ended when the rest all
 * went on one more page. */
static ink_status_t
pair_try (lay_t *L, const pair_ctx_t *x, const int32_t *bottoms, pair_t *s, bool *ended)
{
  ink__makeup_cols_t c;
  memcpy (L->units.v + x->first, x->saved, x->nsaved * sizeof *x->saved);
  ink_status_t st = ink__set_page_cols (L, x->sn, bottoms);
  if (st == INK_OK && span_waits (L, x->sn)) {
    st = ink__finish_span (L);
    L->trial = true;   /* the balancing there ends its own trials */
  }
  *ended = st == INK_OK && ended_next (L, x->sn);
  if (!*ended)
    return st;
  ink__vjust_as_set (L, x->sn->page);
  ink__measure_page (L, x->sn, x->step, &c);
  c.deepest = x->deepest;
  s->full = ink__makeup_full_cost (&c);
  s->room = ink__most_room (L, x->sn->page);
  s->spread = ink__makeup_spread (&c);
  s->rules = c.lone + (c.strained ? 1u : 0u);
  s->empty = 0, s->lines = 0;
  for (unsigned i = 0; i < L->ncols; i++) {
    s->empty += c.lines[i] == 0;
    s->lines += c.lines[i];
  }
  s->bare = page_bare (L, x->sn->page + 1);
  s->storyless = page_storyless (L, x->sn->page + 1);
  s->comments = L->snap.ui >= ink__comments_start (L) && L->snap.ui < L->units.n &&
                L->snap.pending == NO_FLOAT && L->snap.pending_span == NO_FLOAT &&
                c.lines[L->ncols - 1] > 0;
  s->alone = ink__runt_text (L, x->sn->page + 1);
  s->runt = s->alone > 0 && s->alone <= ink__makeup_runt_lines (L->ncols);
  if (L->ncols < 2) {
    s->last = 0, s->even = true, s->lone_float = false;   /* one column: nothing to balance */
    return st;
  }
  bool balancing = L->balancing;
  L->balancing |= x->balancing;
  st = x->memo ? ink__pair_score (L, x->memo, x->step, &s->last, &s->even, &s->lone_float)
               : ink__balance_score (L, x->step, &s->last, &s->even, &s->lone_float);
  L->balancing = balancing;
  return st;
}

/* Whether the full page of pair s, set higher than in pair as_is, still passes as full: not
 * short, no more rules let through, and no more columns left empty (a page of one-line
 * columns whose second ends a line higher holds its text in the first alone). */
static bool
passes_full (const pair_t *s, const pair_t *as_is, int32_t step)
{
  return !ink__makeup_short_steps (s->room, step) && s->spread <= step &&
         s->rules <= as_is->rules && s->empty <= as_is->empty;
}

/* Whether the last page of pair as_is wants the full page set higher: its columns end apart,
 * or together only with a line alone under a float (a related box over a paragraph's first
 * line, its other lines in the next column), which the full page's last lines coming over
 * put company under. */
static bool
last_wanting (const pair_t *as_is)
{
  return !as_is->even || as_is->lone_float;
}

/* Whether the last page of pair s balances better than that of pair as_is: its columns end
 * within a line step, with no line alone under a float when as_is's ended so already. */
static bool
last_balances (const pair_t *s, const pair_t *as_is)
{
  return s->even && (!s->lone_float || !as_is->even);
}

/* Whether pair s, set higher than pair as_is, balances its last page, its full page still
 * passing as full, at a cost below best. */
static bool
pair_better (const pair_t *s, const pair_t *as_is, int32_t step, int64_t best)
{
  return last_balances (s, as_is) && passes_full (s, as_is, step) &&
         s->full != INK_MAKEUP_REJECT && s->last != INK_MAKEUP_REJECT &&
         s->full <= INK_MAKEUP_REJECT - s->last && s->full + s->last < best;
}

/* pair_try with the full page's columns ending k half line steps higher than bottoms (b). */
static ink_status_t
pair_higher (lay_t *L, const pair_ctx_t *x, const int32_t *bottoms, int k, int32_t *b,
             pair_t *s, bool *ended)
{
  int32_t stride = x->step / 2 > 0 ? x->step / 2 : 1;
  for (unsigned i = 0; i < L->ncols; i++)
    b[i] = bottoms[i] - k * stride;
  return pair_try (L, x, b, s, ended);
}

/* pair_try with the full page's column c alone ending k line steps higher than bottoms (b),
 * the others at theirs; *ended false, and nothing tried, when that is at or over its top. */
static ink_status_t
pair_column (lay_t *L, const pair_ctx_t *x, const int32_t *bottoms, unsigned c, int k,
             int32_t *b, pair_t *s, bool *ended)
{
  memcpy (b, bottoms, L->ncols * sizeof *b);
  b[c] -= k * x->step;
  *ended = false;
  return b[c] > x->sn->top ? pair_try (L, x, b, s, ended) : INK_OK;
}

/* Whole line steps by which one of the full page's columns alone may end higher, the others
 * at their bottoms, to give a runt of a last page more lines (give_runt; give_column tries
 * one). */
#define COLUMN_TRIES 2

/* Tries the full page ending higher than at bottoms, by half a line step at a time; *higher
 * gets the bottoms of the best pair that balances the last page, when one does (*found). */
static ink_status_t
pair_search (lay_t *L, const pair_ctx_t *x, const int32_t *bottoms, const pair_t *as_is,
             int32_t *higher, bool *found)
{
  int64_t best = INK_MAKEUP_REJECT;
  ink_status_t st = INK_OK;
  *found = false;
  for (int k = 1; k <= PAIR_TRIES && st == INK_OK; k++) {
    int32_t b[INK_MAKEUP_MAX_COLS];
    pair_t s;
    bool ended;
    if ((st = pair_higher (L, x, bottoms, k, b, &s, &ended)) != INK_OK || !ended)
      continue;
    if (pair_better (&s, as_is, x->step, best)) {
      best = s.full + s.last;
      memcpy (higher, b, L->ncols * sizeof *b);
      *found = true;
    }
  }
  return st;
}

/* The last page does not balance, nor with all the full page's columns ending higher
 * (pair_search): each column of the full page alone ends a line step higher, the others at
 * their bottoms, so that the last page is given a line where all columns ending higher move
 * lines on through each of them (quais-brevet.fr kiosk-7.5: two lines beside a comment of
 * four, 40 px apart; with the full page's second column a line higher, three lines beside
 * it, within a line step). A setting counts only when the full page then holds just one line
 * fewer: tried two line steps higher, or taken with more lines going over, it opened two
 * lines of white over page 3's last subhead in olive-mill-queues kiosk-7.5 (vertical
 * justification spreads what the column gave up), for a last page whose columns ended
 * together already. The best pair whose last page then balances and whose full page still
 * passes as full (pair_search's rule) is taken (*found, *higher). */
static ink_status_t
give_column (lay_t *L, const pair_ctx_t *x, const int32_t *bottoms, const pair_t *as_is,
             int32_t *higher, bool *found)
{
  int64_t best = INK_MAKEUP_REJECT;
  ink_status_t st = INK_OK;
  for (unsigned c = 0; c < L->ncols && st == INK_OK; c++) {
    int32_t b[INK_MAKEUP_MAX_COLS];
    pair_t s;
    bool ended;
    if ((st = pair_column (L, x, bottoms, c, 1, b, &s, &ended)) == INK_OK && ended &&
        s.lines + 1 == as_is->lines && pair_better (&s, as_is, x->step, best)) {
      best = s.full + s.last;
      memcpy (higher, b, L->ncols * sizeof *b);
      *found = true;
    }
  }
  return st;
}

/* Half line steps by which the full page's columns may end higher to give a last page of
 * floats alone some text. */
#define BARE_TRIES 4

/* The last page holds floats alone (a pull quote across the columns or a related link that
 * waited for the text's last page, the text having ended at the full page's foot), or floats
 * over the readers' comments alone, its columns apart: the full page's columns end higher,
 * half a line step at a time, so that the last lines of the text go over with them. The first
 * setting at which the last page then holds text and balances, and the full page still passes
 * as full (passes_full), is taken (*found, *higher); for floats over comments, the first at
 * which it holds text and scores better than as it is, balanced or not (a comment of four
 * lines keeps its author with two: the text's last two lines and the comment may still end a
 * little apart, but the quote then stands over the story's end, not over the comments). A
 * float set apart from its text on a page of its own reads as if it belonged to nothing. */
static ink_status_t
give_text (lay_t *L, const pair_ctx_t *x, const int32_t *bottoms, const pair_t *as_is,
           int32_t *higher, bool *found)
{
  ink_status_t st = INK_OK;
  for (int k = 1; k <= BARE_TRIES && st == INK_OK && !*found; k++) {
    int32_t b[INK_MAKEUP_MAX_COLS];
    pair_t s;
    bool ended;
    if ((st = pair_higher (L, x, bottoms, k, b, &s, &ended)) != INK_OK || !ended)
      continue;
    bool better = as_is->bare ? !s.bare && s.even
                              : !s.storyless && (s.even || s.last < as_is->last);
    if (better && passes_full (&s, as_is, x->step) && s.last != INK_MAKEUP_REJECT) {
      memcpy (higher, b, L->ncols * sizeof *b);
      *found = true;
    }
  }
  return st;
}

/* Whether pair s, set from the units as they were, gives the last page more than a runt of
 * text (or text with a float) with its columns ending within a line step, no line alone
 * under a float that pair as_is did not have, and the full page passing as full. */
static bool
runt_given (const pair_t *s, const pair_t *as_is, int32_t step)
{
  return !s->runt && !s->bare && s->even && (!s->lone_float || as_is->lone_float) &&
         passes_full (s, as_is, step) && s->full != INK_MAKEUP_REJECT &&
         s->last != INK_MAKEUP_REJECT;
}

/* Half line steps by which the full page's columns may end higher to give a runt of a last
 * page more lines. */
#define RUNT_TRIES 3

/* The last page holds a runt of text alone that runt.c could not draw back: the full page's
 * columns end higher, half a line step at a time, so that more of the text goes over; then
 * each column alone ends higher, a line step at a time, the others at their bottoms. A
 * column that ends on a subhead and the lines it keeps cannot end a little higher (they go
 * over whole, and the page ends apart), while the next column's last lines can go over
 * alone, its white taken by vertical justification (snow-live kiosk-7.5: four lines alone on
 * page 4; with both columns higher ten or more, the page ending apart or short; six with the
 * second alone). The first setting at which the last page then holds more than a runt, or text
 * with a float (text alone when one column ends higher, as give_looser's), with its columns
 * ending within a line step, and the full page still passes as full with no more rules or
 * lone lines let through, is taken (*found, *higher). A make-up editor ends the page before
 * a line short rather than print a page for a line or three. */
static ink_status_t
give_runt (lay_t *L, const pair_ctx_t *x, const int32_t *bottoms, const pair_t *as_is,
           int32_t *higher, bool *found)
{
  ink_status_t st = INK_OK;
  int32_t b[INK_MAKEUP_MAX_COLS];
  pair_t s;
  bool ended;
  for (int k = 1; k <= RUNT_TRIES && st == INK_OK && !*found; k++) {
    if ((st = pair_higher (L, x, bottoms, k, b, &s, &ended)) == INK_OK && ended)
      *found = runt_given (&s, as_is, x->step);
  }
  for (unsigned c = 0; c < L->ncols && st == INK_OK && !*found; c++)
    for (int k = 1; k <= COLUMN_TRIES && st == INK_OK && !*found; k++) {
      if ((st = pair_column (L, x, bottoms, c, k, b, &s, &ended)) == INK_OK && ended)
        *found = s.alone > 0 && runt_given (&s, as_is, x->step);
    }
  if (*found)
    memcpy (higher, b, L->ncols * sizeof *b);
  return st;
}

/* Line steps by which the full page's last column may end higher to give the last page
 * whole comments. */
#define GIVE_TRIES 8

/* The last page holds comments alone and does not balance: the full page's last column ends
 * higher, a line step at a time, to give it the comments at its foot; the first setting at
 * which the last page then balances and still holds comments alone, with the full page's
 * last column holding lines still and no more rules or lone lines let through, is taken
 * (*found, *higher). The full page is then the last of the article's text, and its columns
 * may end apart: a make-up editor starts the comments on a page of their own rather than
 * end it with them unbalanced. */
static ink_status_t
give_comments (lay_t *L, const pair_ctx_t *x, const int32_t *bottoms, const pair_t *as_is,
               int32_t *higher, bool *found)
{
  ink_status_t st = INK_OK;
  unsigned last = L->ncols - 1;
  for (int k = 1; k <= GIVE_TRIES && st == INK_OK && !*found; k++) {
    int32_t b[INK_MAKEUP_MAX_COLS];
    pair_t s;
    bool ended;
    if ((st = pair_column (L, x, bottoms, last, k, b, &s, &ended)) != INK_OK || !ended)
      continue;
    if (s.even && s.comments && s.rules <= as_is->rules && s.last != INK_MAKEUP_REJECT) {
      memcpy (higher, b, L->ncols * sizeof *b);
      *found = true;
    }
  }
  return st;
}

/* The most quarters of the space cut_space gives up: a quarter stays, as the full page is
 * no last page (cut to none, a subhead stood right on the paragraph over it). */
#define PAIR_SPACE_CUTS INK_SPACE_CUT_TO_QUARTER

/* cut_space's trials with the full page at column bottoms b, from cut `least` up: *cut gets
 * the least at which the last page balances, when one does (*met). */
static ink_status_t
cut_at (lay_t *L, const pair_ctx_t *x, pair_ctx_t *y, const int32_t *b, const pair_t *as_is,
        int32_t *spaces, int least, int *cut, bool *met)
{
  ink_status_t st = INK_OK;
  *met = false;
  for (int c = least; c <= PAIR_SPACE_CUTS && st == INK_OK && !*met; c++) {
    pair_t s;
    bool ended;
    memcpy (y->saved, x->saved, x->nsaved * sizeof *y->saved);
    ink__space_set (y->saved, y->nsaved, spaces, c);
    if ((st = pair_try (L, y, b, &s, &ended)) != INK_OK || !ended)
      continue;
    if (s.even && s.last != INK_MAKEUP_REJECT && s.rules <= as_is->rules &&
        (s.comments || passes_full (&s, as_is, x->step))) {
      *cut = c;
      *met = true;
    }
  }
  return st;
}

/* The last page holds comments alone and does not balance, neither as it is nor given whole
 * comments: the space above the floats, subheads and comments (and below the floats) of the
 * full page and the last is cut by a quarter at a time (lastspace.c), down to a quarter of
 * it, the full page at its bottoms, so that the full page takes more of the comments; the
 * least cut at which the last page then balances, with the full page letting no more rules
 * or lone lines through and passing as full (or the last page holding comments alone), is
 * taken (*cut; 0 for none). A comment's lines come in whole lines and its author with two of
 * them, and between two comments go their space and rule: three columns of a few comments
 * seldom end together however they are shared, and fewer of them more often do. When none
 * is, the same cuts, and none, are tried with the full page's columns filled to the frame's
 * foot (*found, *higher): its bottoms were evened for its text alone, and a page that takes
 * the first comment under its text is the last of the story, whose columns the comment
 * evens. */
static ink_status_t
cut_space (lay_t *L, const pair_ctx_t *x, const int32_t *bottoms, const pair_t *as_is,
           int32_t *spaces, int *cut, int32_t *higher, bool *found)
{
  pair_ctx_t y = *x;
  if (!(y.saved = ink__alloc_array (L->ctx, x->nsaved, sizeof *y.saved)))
    return oom (L);
  ink__space_save (x->saved, x->nsaved, spaces);
  *cut = 0;
  bool met, short_col = false;
  for (unsigned k = 0; k < L->ncols; k++) {
    higher[k] = L->bottom;
    short_col |= bottoms[k] < L->bottom;
  }
  ink_status_t st = cut_at (L, x, &y, bottoms, as_is, spaces, 1, cut, &met);
  if (st == INK_OK && !met && short_col)
    st = cut_at (L, x, &y, higher, as_is, spaces, 0, cut, found);
  ink__free (L->ctx, y.saved, x->nsaved * sizeof *y.saved);
  return st;
}

/* The pair as it is, then higher settings when its last page does not balance, then for a
 * last page of comments less space or the full page to its foot (cut_space: the units keep
 * the cut). */
static ink_status_t
pair_trials (lay_t *L, pair_ctx_t *x, int32_t *bottoms)
{
  pair_t as_is;
  bool ended, found = false;
  int cut = 0;
  int32_t higher[INK_MAKEUP_MAX_COLS];
  int32_t *spaces = NULL;
  ink_status_t st = pair_try (L, x, bottoms, &as_is, &ended);
  if (st == INK_OK && ended && last_wanting (&as_is))
    st = pair_search (L, x, bottoms, &as_is, higher, &found);
  if (st == INK_OK && ended && !as_is.even && !found)
    st = give_column (L, x, bottoms, &as_is, higher, &found);
  if (st == INK_OK && ended && !as_is.even && !found && as_is.comments)
    st = give_comments (L, x, bottoms, &as_is, higher, &found);
  if (st == INK_OK && ended && !as_is.even && !found && as_is.comments) {
    if (!(spaces = ink__alloc_array (L->ctx, x->nsaved, 3 * sizeof *spaces)))
      st = oom (L);
    else
      st = cut_space (L, x, bottoms, &as_is, spaces, &cut, higher, &found);
  }
  if (st == INK_OK && ended && (as_is.bare || (as_is.storyless && !as_is.even)) && !found)
    st = give_text (L, x, bottoms, &as_is, higher, &found);
  if (st == INK_OK && found)
    memcpy (bottoms, higher, L->ncols * sizeof *bottoms);
  memcpy (L->units.v + x->first, x->saved, x->nsaved * sizeof *x->saved);
  if (st == INK_OK && cut)
    ink__space_set (L->units.v + x->first, x->nsaved, spaces, cut);
  if (spaces)
    ink__free (L->ctx, spaces, 3 * x->nsaved * sizeof *spaces);
  return st;
}

/* The most paragraphs of the full page set a line looser for a runt (give_looser). */
#define RUNT_LOOSER 4

/* The last page is still a runt with the full page's columns ending higher (give_runt): the
 * full page's paragraphs [from, to) are set a line looser (TeX's \looseness +1, within
 * make-up's bound for a full page), one at a time, the page at its bottoms. One line more in a
 * paragraph seldom moves the page's break, since a paragraph handed over keeps its widow's
 * and orphan's lines and a one-line runt cannot go alone; two or three, each kept while the
 * full page still passes as full and the last page holds no fewer lines, push the handed-over
 * paragraph's last lines over with it. The first setting at which the last page holds more
 * than a runt of text alone (runt_given) is taken (*found), its paragraphs left looser; else
 * they are set back as they were. Text alone: a float that went over with the text stood
 * apart from it (jeonju-hanok.ko kiosk-7.5: the related box alone in page 5's first column,
 * its paragraph's Korean word spaces opened wide on page 4). */
static ink_status_t
give_looser (lay_t *L, const pair_ctx_t *x, const int32_t *bottoms, const pair_t *as_is,
             size_t from, size_t to, bool *found)
{
  ink_status_t st = INK_OK;
  size_t looser[RUNT_LOOSER], n = 0, lines = as_is->alone;
  for (size_t ui = from; ui < to && ui < L->units.n && n < RUNT_LOOSER && st == INK_OK &&
                         !*found; ui++) {
    const unit_t *u = &L->units.v[ui];
    if (!ink__loose_para (u) || u->p->po.looseness != 0)
      continue;
    bool met, ended;
    pair_t s;
    if ((st = ink__set_para_looseness (L, u->p, 1, true, &met)) != INK_OK || !met)
      continue;
    if ((st = pair_try (L, x, bottoms, &s, &ended)) != INK_OK)
      break;
    *found = ended && s.alone > 0 && runt_given (&s, as_is, x->step);
    if (*found || (ended && s.alone >= lines && passes_full (&s, as_is, x->step))) {
      looser[n++] = ui;
      lines = s.alone;
    } else {   /* u read afresh: the trial may set a pull quote again and move the units */
      st = ink__set_para_looseness (L, L->units.v[ui].p, 0, true, &met);
    }
  }
  for (size_t i = 0; i < n && st == INK_OK && !*found; i++) {
    bool met;
    st = ink__set_para_looseness (L, L->units.v[looser[i]].p, 0, true, &met);
  }
  return st;
}

/* give_looser with the full page's columns all ending a line step higher: a line more over
 * with a paragraph or two a line looser gives the last page lines that neither gives alone
 * (held-de-0 reader-6: one paragraph of page 10 a line looser left three lines alone on
 * page 11, a runt still; with page 10 also ending a line higher, a line under it left white
 * as a full page may, page 11 holds four). *given: bottoms are set to those. */
static ink_status_t
give_looser_higher (lay_t *L, const pair_ctx_t *x, int32_t *bottoms, const pair_t *as_is,
                    size_t from, size_t to, bool *given)
{
  int32_t higher[INK_MAKEUP_MAX_COLS];
  for (unsigned i = 0; i < L->ncols; i++)
    higher[i] = bottoms[i] - x->step;
  ink_status_t st = give_looser (L, x, higher, as_is, from, to, given);
  if (st == INK_OK && *given)
    memcpy (bottoms, higher, L->ncols * sizeof *bottoms);
  return st;
}

/* The trials of a runt (give_runt, give_looser, then both: give_looser_higher) on the pair as it
 * is, when its last page holds text alone: *given when they found higher bottoms, then in bottoms,
 * or paragraphs set looser (or both); the units as they were either way. The flow's rest was
 * measured a runt (runt.c); set again here from the units as saved, the last page may come out a
 * line longer (tide-mill-lock kiosk-7.5: five lines here, four as set), and is tried as the runt
 * it is. A lone comment that runt.c could not draw back is given comments from the full page
 * (give_comments) when it holds comments alone, scored as its balancing sets it: its author
 * kept with its lines (headstrand.c), it cannot share two columns, where the pair's trials
 * before the runt's (ink__pair_even, which must leave such a comment to runt.c) count one alone
 * in the first column, its author ending it, as balanced (noyyal-comments.ta kiosk-7.5: a
 * comment of five lines alone on page 4). */
static ink_status_t
runt_trials (lay_t *L, pair_ctx_t *x, int32_t *bottoms, bool *given)
{
  pair_t as_is;
  bool ended;
  int32_t higher[INK_MAKEUP_MAX_COLS];
  /* The full page's paragraphs: from its first that starts on it to the one it hands over. */
  size_t from = x->sn->ui + (x->sn->k > 0), to = L->next.ui + (L->next.k > 0);
  x->balancing = true;
  ink_status_t st = pair_try (L, x, bottoms, &as_is, &ended);
  if (st == INK_OK && ended && as_is.alone > 0)
    st = give_runt (L, x, bottoms, &as_is, higher, given);
  if (st == INK_OK && ended && as_is.comments && !as_is.even)
    st = give_comments (L, x, bottoms, &as_is, higher, given);
  if (st == INK_OK && *given)
    memcpy (bottoms, higher, L->ncols * sizeof *bottoms);
  if (st == INK_OK && ended && as_is.alone > 0 && !*given)
    st = give_looser (L, x, bottoms, &as_is, from, to, given);
  if (st == INK_OK && ended && as_is.alone > 0 && !*given)
    st = give_looser_higher (L, x, bottoms, &as_is, from, to, given);
  memcpy (L->units.v + x->first, x->saved, x->nsaved * sizeof *x->saved);
  return st;
}

/* The paragraphs of units x->saved set back to the looseness they had (loose), where the
 * last page's balancing in a trial (ink__finish_span) left one a line looser or tighter: a
 * trial's setting is not the page's (odesa-ferry.uk kiosk-10.3's related link was left a line
 * longer, in three short lines). */
static ink_status_t
loose_back (lay_t *L, const pair_ctx_t *x, const int *loose)
{
  ink_status_t st = INK_OK;
  for (size_t i = 0; i < x->nsaved && st == INK_OK; i++) {
    setpara_t *p = x->saved[i].p;
    bool met;
    if (p && p->po.looseness != loose[i])
      st = ink__set_para_looseness (L, p, loose[i], true, &met);
  }
  return st;
}

/* The pair trials (pair_trials, or for a runt runt_trials) from page sn, the units from its
 * first (or a float that waited for it) saved and put back, with the flow's state. */
static ink_status_t
pair_run (lay_t *L, const snap_t *sn, int32_t step, int32_t deepest, int32_t *bottoms,
          bool runt, bool *done)
{
  pair_memo_t memo = { 0 };
  pair_ctx_t x = { sn, step, deepest, sn->ui, NULL, 0, false, runt ? NULL : &memo };
  size_t waiting[2] = { sn->pending, sn->pending_span };
  for (int i = 0; i < 2; i++)
    x.first = waiting[i] != NO_FLOAT && waiting[i] < x.first ? waiting[i] : x.first;
  if (x.first >= L->units.n)
    return INK_OK;
  x.nsaved = L->units.n - x.first;
  if (!(x.saved = ink__alloc_array (L->ctx, x.nsaved, sizeof *x.saved)))
    return oom (L);
  memcpy (x.saved, L->units.v + x.first, x.nsaved * sizeof *x.saved);
  memo.first = x.first;
  snap_t next = L->next;
  size_t page_limit = L->page_limit, max_pages = L->max_pages;
  bool trial = L->trial;
  L->page_limit = 0;
  L->max_pages = sn->page + 2;
  L->trial = true;
  *done = !runt;
  int *loose = runt ? NULL : ink__alloc_array (L->ctx, x.nsaved, sizeof *loose);
  for (size_t i = 0; loose && i < x.nsaved; i++)
    loose[i] = x.saved[i].p ? x.saved[i].p->po.looseness : 0;
  ink_status_t st = runt || loose ? INK_OK : oom (L);
  if (st == INK_OK)
    st = runt ? runt_trials (L, &x, bottoms, done) : pair_trials (L, &x, bottoms);
  if (loose) {
    if (st == INK_OK)
      st = loose_back (L, &x, loose);
    ink__free (L->ctx, loose, x.nsaved * sizeof *loose);
  }
  L->page_limit = page_limit;
  L->max_pages = max_pages;
  L->trial = trial;
  L->next = next;
  L->snap = *sn;
  ink__free (L->ctx, x.saved, x.nsaved * sizeof *x.saved);
  ink__pair_memo_free (L, &memo);
  return st;
}

/**
 * ink__pair_even:
 * @L: the layout, page sn just evened, the flow stopped before the next page
 * @sn: the full page's start
 * @step: one line step
 * @deepest: the lowest last baseline the page may have (pages.c)
 * @bottoms: (inout): its column bottoms as evened; higher ones, or the frame's foot, when they
 * balance the last page
 * @tried: (out): whether the pages were set again (the caller then sets the page once more)
 *
 * Makes the full page and the last one after it up together; see the file's head.
 */
ink_status_t
ink__pair_even (lay_t *L, const snap_t *sn, int32_t step, int32_t deepest, int32_t *bottoms,
                bool *tried)
{
  *tried = false;
  if (!L->units_done || L->ncols < 2 || L->ncols > INK_MAKEUP_MAX_COLS ||
      L->max_pages < sn->page + 2 || !rest_may_fit (L))
    return INK_OK;
  return pair_run (L, sn, step, deepest, bottoms, false, tried);
}

/**
 * ink__pair_runt:
 * @L: the layout, page sn just evened and set, the flow stopped before the next page, whose
 * runt of text runt.c could not draw back (ink__runt_pull, ink__runt_head)
 * @sn: the full page's start
 * @step: one line step
 * @deepest: the lowest last baseline the page may have (pages.c)
 * @bottoms: (inout): its column bottoms as evened; higher ones when they give the last page
 * more than a runt (give_runt)
 * @given: (out): whether @bottoms changed, or else the full page's paragraphs were set a line
 * looser to give it more (give_looser); the caller sets the page again either way
 *
 * Return value: INK_OK, or the error that stopped it.
 */
ink_status_t
ink__pair_runt (lay_t *L, const snap_t *sn, int32_t step, int32_t deepest, int32_t *bottoms,
                bool *given)
{
  *given = false;
  if (!L->units_done || L->ncols > INK_MAKEUP_MAX_COLS || L->max_pages < sn->page + 2)
    return INK_OK;
  return pair_run (L, sn, step, deepest, bottoms, true, given);
}
