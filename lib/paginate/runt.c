/* paginate/runt: a last page of a line or three pulled back onto the page before. A make-up
 * editor never prints a page for two lines of text: when the full page just evened (pages.c)
 * leaves the article's last page holding a runt of text and no float (INK_RUNT_LINES lines or
 * fewer, on several columns two a column or fewer: ink__makeup_runt_lines), or one reader's
 * comment alone that its columns cannot share (its author stays with its first two lines, so
 * one column would hold it all or end lines below the other), the full
 * page's paragraphs (those wholly on it and the one it hands over, and those of the
 * short page) are set a line tighter one at a time (TeX's \looseness -1, within make-up's
 * bound for a last page), each kept while it draws a line back; then, with those kept, the
 * space above the floats, subheads and comments on and after the full page is cut by a
 * quarter at a time (lastspace.c). The first setting at which the text ends on the full page,
 * nothing overflowing and no float left waiting, with its columns able to end together
 * (balance.c), is kept: the page is then the article's last, balanced as the last page is.
 * When none is, the pages stay as they were set (on page 1, pages.c then tries the head
 * smaller: ink__runt_head in headeven.c). On a template whose comments start a page of
 * their own, the text's last page before that break is such a last page too: the full page
 * takes its lines the same way, then ends at the break, balanced (balance.c).
 *
 * The same trials draw back a rest of floats alone that close the story (a related link that
 * missed the room under the last paragraph): a page of them after the text is never printed
 * (rest_floats). Their space is cut at most to a quarter.
 *
 * A last page that the flow ended with all of it, but that no setting in balancing's columns
 * holds (balance.c), is given the same trials at the frame's foot before its last line or
 * three, or a lone comment, goes on to a page of its own (ink__runt_hold).
 *
 * On a template whose comments start a page of their own, a single comment that would make
 * such a page a runt is set instead under the text on the page before the break, when the
 * text and it then end there with columns that can end together (ink__runt_join_comment). */
#include "layout-internal.h"
#include "makeup.h"

#include <string.h>

/* At most a line more paragraphs than the runt has lines are set a line tighter, each one
 * line drawn back, and never more than RUNT_TIGHTER; as the last resort, with word spaces
 * that shrink further, twice as many in all. */
#define RUNT_TIGHTER 8
#define RUNT_TIGHTEST (2 * RUNT_TIGHTER)

/* The trials of one full page: where it starts, its column bottoms as evened, the units from
 * there as they were (saved) and as each trial starts from them (base: the space cut), and
 * the paragraphs set tighter. */
typedef struct {
  const snap_t *sn;
  const int32_t *bottoms;
  int32_t step;
  size_t first, n;
  unit_t *saved, *base;
  int32_t *spaces;        /* the units' spaces as saved (ink__space_save) */
  size_t tight[RUNT_TIGHTEST];
  int was[RUNT_TIGHTEST]; /* their looseness before */
  size_t ntight;
  bool floats;            /* the rest is floats alone (rest_floats) */
} runt_t;

/* Whether page q holds text that flows in the columns, or the source line under it, and
 * nothing else (no picture, no line of a float); *lines gets how many lines of text. */
static bool
text_alone (const lay_t *L, size_t q, size_t *lines)
{
  const ink_document_t *doc = L->doc;
  const ink__page_t *pg = &doc->pages.v[q];
  *lines = 0;
  for (size_t i = pg->i0; i < pg->i0 + pg->ni; i++)
    if (doc->items.v[i].kind == INK_ITEM_IMAGE)
      return false;
  for (size_t i = 0; i < pg->nl; i++) {
    const ink__lrec_t *l = &doc->lines.v[pg->l0 + i];
    if (l->generated)
      continue;
    if (!ink__flowed_role (l->role) && l->role != INK_ROLE_SOURCE)
      return false;
    (*lines)++;
  }
  return *lines > 0;
}

/**
 * ink__runt_text:
 * @L: the layout
 * @q: a page set
 *
 * Return value: the lines of text on page q when it holds text alone (text_alone), else 0;
 * as few as ink__makeup_runt_lines make it a runt.
 */
size_t
ink__runt_text (const lay_t *L, size_t q)
{
  size_t lines;
  return q < L->doc->pages.n && text_alone (L, q, &lines) ? lines : 0;
}

/* Whether the flow set from sn ended on page sn + more, with all it held placed: the text's
 * end, or the page break before the comments (comments-new-page) with all before it placed. */
bool
ink__runt_ended_on (const lay_t *L, const snap_t *sn, size_t more)
{
  const ink_document_t *doc = L->doc;
  if (L->at_break)
    return doc->pages.n == sn->page + 1 + more && L->break_chars == sn->overflow_chars &&
           L->break_blocks == sn->overflow_blocks && L->pending == NO_FLOAT &&
           L->pending_span == NO_FLOAT;
  return !L->full && !L->broke && doc->pages.n == sn->page + 1 + more &&
         doc->overflow_chars == sn->overflow_chars &&
         doc->overflow_blocks == sn->overflow_blocks && L->pending == NO_FLOAT &&
         L->pending_span == NO_FLOAT;
}

/* The full page set at its bottoms with the rest of the text after it; *lines gets the lines
 * of the page after when the text ends there with text alone on it, else SIZE_MAX. */
static ink_status_t
rest_lines (lay_t *L, const runt_t *r, size_t *lines)
{
  size_t page_limit = L->page_limit;
  L->page_limit = 0;
  memcpy (L->units.v + r->first, r->base, r->n * sizeof *r->base);
  ink_status_t st = ink__set_page_cols (L, r->sn, r->bottoms);
  L->page_limit = page_limit;
  size_t n;
  *lines = st == INK_OK && ink__runt_ended_on (L, r->sn, 1) && text_alone (L, r->sn->page + 1, &n)
           ? n : SIZE_MAX;
  return st;
}

/* The page from sn set at the frame's foot; *ended when the text then ends on it, nothing
 * left over. */
static ink_status_t
set_at_foot (lay_t *L, const snap_t *sn, bool *ended)
{
  int32_t full[INK_MAKEUP_MAX_COLS];
  ink__cols_at_foot (L, full);
  ink_status_t st = ink__set_page_cols (L, sn, full);
  L->snap = *sn;
  *ended = st == INK_OK && ink__runt_ended_on (L, sn, 0);
  return st;
}

/**
 * ink__runt_ends:
 * @L: the layout, the page from @sn just set at the frame's foot
 * @sn: the page's start
 * @step: one line step
 * @ended: (out): whether the text ended on the page, nothing left over or waiting, with its
 * columns able to end together, as the last page's (balance.c, which leaves the page set
 * otherwise)
 *
 * Return value: INK_OK, or the error that stopped it.
 */
ink_status_t
ink__runt_ends (lay_t *L, const snap_t *sn, int32_t step, bool *ended)
{
  *ended = ink__runt_ended_on (L, sn, 0);
  if (!*ended || L->ncols < 2)
    return INK_OK;
  int64_t cost;
  bool even, at_break = L->at_break;
  L->break_balancing = at_break;
  ink_status_t st = ink__balance_score (L, step, &cost, &even, NULL);
  L->break_balancing = false;
  *ended = st == INK_OK && even && cost != INK_MAKEUP_REJECT;
  return st;
}

/* set_at_foot, and *ended only when the page's columns can then end together
 * (ink__runt_ends). */
static ink_status_t
ends_at_foot (lay_t *L, const snap_t *sn, int32_t step, bool *ended)
{
  ink_status_t st = set_at_foot (L, sn, ended);
  return st != INK_OK || !*ended ? st : ink__runt_ends (L, sn, step, ended);
}

/* The full page set at the frame's foot from the units as the trial starts from them. */
static ink_status_t
set_full (lay_t *L, const runt_t *r, bool *ended)
{
  memcpy (L->units.v + r->first, r->base, r->n * sizeof *r->base);
  return set_at_foot (L, r->sn, ended);
}

/* set_full, and *ended only when the page's columns can then end together. */
static ink_status_t
ends_here (lay_t *L, const runt_t *r, bool *ended)
{
  memcpy (L->units.v + r->first, r->base, r->n * sizeof *r->base);
  return ends_at_foot (L, r->sn, r->step, ended);
}

/* Whether unit u may be set a line tighter to draw a line back: running text, not yet set
 * tighter than its best. */
static bool
may_tighten (const unit_t *u)
{
  return ink__loose_para (u) && u->p->po.looseness > -1;
}

/* The paragraphs from the full page's first to the text's end set a line tighter, one at a
 * time, each kept while the last page then holds fewer lines (*lines), until the text ends on
 * the full page (*ended); with word spaces that shrink to half their width when tight (the
 * last resort, on those the first round left as they were), up to `most` paragraphs in all. */
static ink_status_t
tighten (lay_t *L, runt_t *r, bool tight, size_t most, size_t *lines, bool *ended)
{
  ink_status_t st = INK_OK;
  *ended = false;
  for (size_t ui = r->sn->ui + (r->sn->k > 0);
       ui < L->units.n && st == INK_OK && !*ended && r->ntight < most; ui++) {
    if (!may_tighten (&L->units.v[ui]))
      continue;
    setpara_t *p = L->units.v[ui].p;
    int was = p->po.looseness;
    bool met;
    if ((st = ink__set_para_line_fewer (L, p, tight, &met)) != INK_OK || !met)
      continue;
    if ((st = ends_here (L, r, ended)) != INK_OK)
      break;
    size_t now = *lines;
    if (!*ended && (st = rest_lines (L, r, &now)) != INK_OK)
      break;
    if (*ended || now < *lines || ((tight || r->floats) && now == *lines)) {
      r->tight[r->ntight] = ui;
      r->was[r->ntight++] = was;
      *lines = now;
    } else {
      st = ink__set_para_looseness_tight (L, p, was, false, &met);
    }
  }
  return st;
}

/* Whether a unit from the full page on is set across the columns. */
static bool
any_span (const runt_t *r)
{
  for (size_t i = 0; i < r->n; i++)
    if (r->saved[i].span)
      return true;
  return false;
}

/* The space above floats, subheads and comments cut a quarter at a time, the tighter
 * paragraphs kept; the least cut at which the text ends on the full page stays in r->base
 * (*ended). For floats that would stand alone after the text, a quarter of it stays: cut
 * whole, a table's rules touched the lines over and under it (town-budget kiosk-10.3). When
 * none ends it, the white of the floats across the columns is cut too, a quarter of it kept
 * (as evenspace.c cuts it for a full page): a pull quote across the full page's top gives
 * every column its room at once, where a float in one column gives one. */
static ink_status_t
cut_space (lay_t *L, runt_t *r, bool *ended)
{
  ink_status_t st = INK_OK;
  int passes = any_span (r) ? 2 : 1;
  for (int pass = 0; pass < passes && st == INK_OK && !*ended; pass++) {
    int most = pass || r->floats ? INK_SPACE_CUT_TO_QUARTER : INK_SPACE_CUTS;
    for (int cut = 1; cut <= most && st == INK_OK && !*ended; cut++) {
      memcpy (r->base, r->saved, r->n * sizeof *r->base);
      if (pass)
        ink__space_set_span (r->base, r->n, r->spaces, cut);
      else
        ink__space_set (r->base, r->n, r->spaces, cut);
      st = ends_here (L, r, ended);
    }
  }
  if (!*ended)
    memcpy (r->base, r->saved, r->n * sizeof *r->base);
  return st;
}

/* A picture's sizes tried, this many thousandths of it smaller at a time. */
#define RUNT_PICTURE_STRIDE 25

/* The pictures in the columns from the full page on, made smaller by RUNT_PICTURE_STRIDE at a
 * time down to the template's picture-shrink (their captions set again at their width as
 * they are placed, flow.c), the tighter paragraphs kept; the first size at which the text
 * ends on the full page stays in r->base (*ended). */
static ink_status_t
smaller_pictures (lay_t *L, runt_t *r, bool *ended)
{
  ink_status_t st = INK_OK;
  int least = 1000 - 10 * (int) L->t->picture_shrink;
  bool any = false;
  for (size_t i = 0; i < r->n; i++)
    any |= r->saved[i].kind == U_IMAGE && !r->saved[i].span;
  for (int permille = 1000 - RUNT_PICTURE_STRIDE; any && permille >= least && st == INK_OK &&
                                                  !*ended; permille -= RUNT_PICTURE_STRIDE) {
    memcpy (r->base, r->saved, r->n * sizeof *r->base);
    for (size_t i = 0; i < r->n; i++) {
      unit_t *u = &r->base[i];
      if (u->kind == U_IMAGE && !u->span) {
        u->w = (int32_t) ((int64_t) u->w * permille / 1000);
        u->h = (int32_t) ((int64_t) u->h * permille / 1000);
      }
    }
    st = ends_here (L, r, ended);
  }
  if (!*ended)
    memcpy (r->base, r->saved, r->n * sizeof *r->base);
  return st;
}

/* The paragraphs set tighter set back as they were. */
static ink_status_t
untighten (lay_t *L, runt_t *r)
{
  ink_status_t st = INK_OK;
  for (size_t i = 0; i < r->ntight && st == INK_OK; i++) {
    bool met;
    st = ink__set_para_looseness_tight (L, L->units.v[r->tight[i]].p, r->was[i], false, &met);
  }
  r->ntight = 0;
  return st;
}

/* Whether unit u is a reader's comment, its author line or a reply. */
static bool
comment_unit (const unit_t *u)
{
  return u->kind == U_PARA && u->p && (u->p->role == INK_ROLE_COMMENT_AUTHOR ||
                                       u->p->role == INK_ROLE_COMMENT ||
                                       u->p->role == INK_ROLE_REPLY);
}

/* The lines of a run of units and, when they are one reader's comment whole, its author's:
 * a comment is whole only from its author's lines on (lone_add, lone_comment). */
typedef struct {
  size_t lines, author, authors;
  bool comments;   /* every unit so far a comment's, its author line or a reply */
} lone_t;

/* Unit u, n of its lines, counted in c: the author's lines only when they come first. */
static void
lone_add (lone_t *c, const unit_t *u, size_t n)
{
  bool author = comment_unit (u) && u->p->role == INK_ROLE_COMMENT_AUTHOR;
  c->comments &= comment_unit (u);
  c->authors += author;
  c->author = author && c->lines == 0 ? n : c->author;
  c->lines += n;
}

/* Whether the units counted in c are one reader's comment whole, its author's lines first. */
static bool
lone_comment (const lone_t *c)
{
  return c->comments && c->authors == 1 && c->author > 0;
}

/* Whether the units counted in c (the rest from the flow's stop) are one reader's comment
 * whole that two columns or more cannot share: its author stays with its first two lines, so
 * the first column would end more than a line step below the second; and short enough to be
 * a runt for the page before to take. */
static bool
comment_runt (const lay_t *L, const lone_t *c)
{
  return lone_comment (c) && L->ncols >= 2 && c->lines <= INK_RUNT_COMMENT_LINES &&
         c->lines >= 2 * (size_t) L->ncols && 2 * (c->author + 2) > c->lines + 1;
}

/* Whether a page holding the units counted in c, one reader's comment alone, would be a
 * runt: as few lines as a runt of text (ink__makeup_runt_lines), or more that its columns
 * cannot share (comment_runt). */
static bool
lone_comment_runt (const lay_t *L, const lone_t *c)
{
  return lone_comment (c) &&
         (c->lines <= ink__makeup_runt_lines (L->ncols) || comment_runt (L, c));
}

/* The most lines the rest of the text may hold and still be a runt the page before takes:
 * ink__makeup_runt_lines, or a lone reader's comment's (comment_runt); 0 when it is more. A
 * float the page before already holds, pulled there early, is no part of the rest. The text's
 * rest ends at the page break before the comments when they start a page of their own. A
 * quick bound, to spare the trials for every full page but the last. */
static size_t
rest_small (const lay_t *L)
{
  lone_t c = { 0, 0, 0, true };
  size_t runt = ink__makeup_runt_lines (L->ncols);
  if (L->next.pending != NO_FLOAT || L->next.pending_span != NO_FLOAT)
    return 0;
  size_t most = runt > INK_RUNT_COMMENT_LINES ? runt : INK_RUNT_COMMENT_LINES;
  for (size_t i = L->next.ui; i < L->units.n && c.lines <= most; i++) {
    const unit_t *u = &L->units.v[i];
    if (u->float_len && !u->span && u->placed_page < L->doc->pages.n) {
      i += u->float_len - 1;   /* a float set already, pulled early onto the page before */
      continue;
    }
    if (u->kind == U_SPACE || u->kind == U_RULE)
      continue;   /* the space and rule above the comments */
    if (u->kind == U_PAGE)
      return c.lines > 0 && c.lines <= runt ? runt : 0;
    if (u->kind != U_PARA || u->float_len || u->span)
      return 0;
    size_t n = u->p->para.lines.n;
    lone_add (&c, u, i == L->next.ui && L->next.k < n ? n - L->next.k : n);
  }
  if (c.lines <= runt)
    return runt;
  return comment_runt (L, &c) ? c.lines : 0;
}

/* Whether a pull quote is among the units from sn's first to the flow's stop, but the one
 * waiting for the next page: one the full page holds. */
static bool
page_quote (const lay_t *L, const snap_t *sn)
{
  for (size_t i = ink__snap_first_unit (sn); i < L->next.ui && i < L->units.n; i++) {
    if (L->units.v[i].float_len && i != L->next.pending && ink__is_quote (L, i))
      return true;
    i += L->units.v[i].float_len ? L->units.v[i].float_len - 1 : 0;
  }
  return false;
}

/* Whether the float at unit ui closes the story: no text after it, in the units or in the
 * article (a pull quote moved up to stand by its passage, text after it in the units, may
 * still be the article's last block). */
static bool
closes_story (const lay_t *L, size_t ui)
{
  size_t end = ui + L->units.v[ui].float_len;
  if (!ink__text_within (L, end, L->units.n))
    return true;
  long last = -1, own = -1;
  for (size_t i = 0; i < L->units.n; i++) {
    const unit_t *u = &L->units.v[i];
    if (i >= ui && i < end)
      own = u->block > own ? u->block : own;
    else if (ink__text_within (L, i, i + 1) && u->block > last)
      last = u->block;
  }
  return own > last;
}

/* Whether the rest from the flow's stop is floats alone (those waiting and those the flow has
 * not met, none across the columns), with the space, rules and source line among them: no
 * text, no comment, nothing after a page break; and the floats close the story, no text
 * after them in the article. A pull quote that comes before a section's text, drawn in under
 * the text's end, would read after the story (ferry-timetable reader-6 set its second quote
 * under its last paragraph so: float-order). One pull quote among them is let in only when
 * the full page from sn holds none: drawn in beside or onto another, it stood on or beside
 * it (property seeds 198 and 448 reader-6, 204 kiosk-10.3). */
static bool
rest_floats (const lay_t *L, const snap_t *sn)
{
  const snap_t *nx = &L->next;
  if (nx->pending_span != NO_FLOAT || nx->ui > L->units.n)
    return false;
  size_t quotes = 0;
  bool floats = nx->pending != NO_FLOAT;
  if (floats && (nx->pending >= L->units.n || !closes_story (L, nx->pending)))
    return false;
  quotes += floats && ink__is_quote (L, nx->pending);
  for (size_t i = nx->ui; i < L->units.n; i++) {
    const unit_t *u = &L->units.v[i];
    if (u->float_len) {
      if (u->span)
        return false;
      quotes += ink__is_quote (L, i);
      floats = true;
      i += u->float_len - 1;
    } else if (u->kind != U_SPACE && u->kind != U_RULE &&
               !(u->kind == U_PARA && u->p && u->p->role == INK_ROLE_SOURCE &&
                 !(i == nx->ui && nx->k > 0))) {
      return false;
    }
  }
  return floats && (quotes == 0 || (quotes == 1 && !page_quote (L, sn)));
}

/* most 0: the rest is floats alone (rest_floats), which no count of lines measures. */
static ink_status_t
runt_search (lay_t *L, runt_t *r, size_t most, bool *pulled)
{
  size_t lines;
  ink_status_t st = rest_lines (L, r, &lines);
  if (st != INK_OK || (most && lines > most))
    return st;
  /* A line tighter with word spaces as they shrink, then the last resort's tighter ones; after
   * each round, the space cut. */
  size_t tighter = most + 1 < RUNT_TIGHTER && !r->floats ? most + 1 : RUNT_TIGHTER;
  for (int round = 0; round < 2 && st == INK_OK && !*pulled; round++) {
    bool tight = round == 1;
    st = tighten (L, r, tight, tight ? 2 * tighter : tighter, &lines, pulled);
    if (st == INK_OK && !*pulled)
      st = cut_space (L, r, pulled);
  }
  if (st == INK_OK && !*pulled)
    st = smaller_pictures (L, r, pulled);
  if (st == INK_OK && !*pulled)
    st = untighten (L, r);
  return st;
}

/* runt_search on the page from sn at these bottoms, the pages allowed to run to the one after
 * it (L->max_pages is sn's page + 2 meanwhile), for a rest of at most `most` lines: the units
 * from sn's first (or a float waiting for it) saved first and put back, with L->next, when
 * the text does not end on the page (*pulled). */
static ink_status_t
runt_trials (lay_t *L, const snap_t *sn, const int32_t *bottoms, size_t most, bool *pulled)
{
  runt_t r = { sn, bottoms, ink__line_step (L), sn->ui, 0, NULL, NULL, NULL, { 0 }, { 0 }, 0,
                most == 0 };
  size_t waiting[2] = { sn->pending, sn->pending_span };
  for (int i = 0; i < 2; i++)
    r.first = waiting[i] != NO_FLOAT && waiting[i] < r.first ? waiting[i] : r.first;
  if (r.first >= L->units.n)
    return INK_OK;
  r.n = L->units.n - r.first;
  r.saved = ink__alloc_array (L->ctx, r.n, sizeof *r.saved);
  r.base = ink__alloc_array (L->ctx, r.n, sizeof *r.base);
  r.spaces = ink__alloc_array (L->ctx, r.n, 3 * sizeof *r.spaces);
  ink_status_t st = r.saved && r.base && r.spaces ? INK_OK : oom (L);
  if (st == INK_OK) {
    memcpy (r.saved, L->units.v + r.first, r.n * sizeof *r.saved);
    memcpy (r.base, r.saved, r.n * sizeof *r.base);
    ink__space_save (r.saved, r.n, r.spaces);
    snap_t next = L->next;
    size_t max_pages = L->max_pages;
    bool trial = L->trial;
    L->max_pages = sn->page + 2;
    L->trial = true;
    st = runt_search (L, &r, most, pulled);
    L->trial = trial;
    L->max_pages = max_pages;
    if (st == INK_OK && *pulled)
      st = set_full (L, &r, pulled);   /* the page set for good, as chosen */
    if (!*pulled) {
      memcpy (L->units.v + r.first, r.saved, r.n * sizeof *r.saved);
      L->next = next;
    }
    L->snap = *sn;
  }
  ink__free (L->ctx, r.saved, r.n * sizeof *r.saved);
  ink__free (L->ctx, r.base, r.n * sizeof *r.base);
  ink__free (L->ctx, r.spaces, 3 * r.n * sizeof *r.spaces);
  return st;
}

/**
 * ink__runt_pull:
 * @L: the layout, page sn just evened and set, the flow stopped before the next page
 * @sn: the full page's start
 * @bottoms: its column bottoms as evened
 * @pulled: (out): whether the text now ends on the page (L->broke is false, the page set at
 * the frame's foot, to be balanced as the last); else the caller sets the page again
 * @tried: (out): whether the page was set again on trial
 *
 * See the file's head.
 *
 * Return value: INK_OK, or the error that stopped it.
 */
ink_status_t
ink__runt_pull (lay_t *L, const snap_t *sn, const int32_t *bottoms, bool *pulled, bool *tried)
{
  *pulled = *tried = false;
  ink_status_t st = INK_OK;
  if (!L->units_done && L->t->comments_new_page && L->broke &&
      (st = ink__build_body_units (L)) != INK_OK)
    return st;   /* the text's rest, to the comments' page break */
  if (!L->units_done || !L->broke || L->ncols > INK_MAKEUP_MAX_COLS ||
      L->max_pages < sn->page + 2 || L->doc->pages.n != sn->page + 1)
    return INK_OK;
  size_t most = rest_small (L);
  if ((!most && !rest_floats (L, sn)) || ink__snap_first_unit (sn) >= L->units.n)
    return INK_OK;
  *tried = true;
  st = runt_trials (L, sn, bottoms, most, pulled);
  /* The text now ends on the page at the comments' break: balanced as its last page. */
  if (st == INK_OK && *pulled && L->at_break)
    st = ink__balance_before_break (L);
  return st;
}

/**
 * ink__runt_hold:
 * @L: the layout, the last page being balanced from L->snap, the pages allowed ending with it
 * @held: (out): whether the page, set at the frame's foot, now holds all that is left
 *
 * The flow ended the text on the last page, but no setting of it in balancing's columns
 * holds it all (every way rejected, the frame's foot included): set at its foot, the page
 * would hand its last line or three, or a lone comment's author and lines, to a page of
 * their own. The page's paragraphs are set a line tighter, its space cut, its pictures made
 * smaller as for a full page's runt (runt_search), and the first setting that then holds it
 * all with columns able to end together is kept, the page set at its foot for balancing to
 * go on from; otherwise its units are as they were.
 *
 * Return value: INK_OK, or the error that stopped it.
 */
ink_status_t
ink__runt_hold (lay_t *L, bool *held)
{
  *held = false;
  snap_t sn = L->snap;
  if (!L->units_done || L->ncols < 2 || L->ncols > INK_MAKEUP_MAX_COLS ||
      L->max_pages != sn.page + 1 || ink__snap_first_unit (&sn) >= L->units.n)
    return INK_OK;
  int32_t full[INK_MAKEUP_MAX_COLS];
  ink__cols_at_foot (L, full);
  size_t max_pages = L->max_pages;
  L->max_pages = sn.page + 2;
  ink_status_t st = runt_trials (L, &sn, full, ink__makeup_runt_lines (L->ncols), held);
  L->max_pages = max_pages;
  if (st == INK_OK && !*held) {
    bool ended;
    st = set_at_foot (L, &sn, &ended);
  }
  return st;
}

/* The page break before the comments (comments-new-page) at or after unit `from`, when the
 * units after it are one reader's comment alone whose page would be a runt
 * (lone_comment_runt); else SIZE_MAX. */
static size_t
runt_comment_break (const lay_t *L, size_t from)
{
  size_t at = SIZE_MAX;
  lone_t c = { 0, 0, 0, true };
  for (size_t i = from; i < L->units.n; i++) {
    const unit_t *u = &L->units.v[i];
    if (at == SIZE_MAX) {
      at = u->kind == U_PAGE ? i : SIZE_MAX;
      continue;
    }
    if (u->kind == U_SPACE || u->kind == U_RULE)
      continue;   /* the comment's rule */
    if (!comment_unit (u) || u->float_len || u->span)
      return SIZE_MAX;
    lone_add (&c, u, u->p->para.lines.n);
  }
  return at != SIZE_MAX && lone_comment_runt (L, &c) ? at : SIZE_MAX;
}

/* The units from `first` on and their paragraphs' loosenesses, as they were before a trial. */
typedef struct {
  size_t first, n;
  unit_t *units;
  int *loose;
} kept_units_t;

static ink_status_t
keep_units (lay_t *L, size_t first, kept_units_t *k)
{
  k->first = first;
  k->n = L->units.n - first;
  k->units = k->n ? ink__units_copy (L, first, k->n) : NULL;
  k->loose = k->n ? ink__alloc_array (L->ctx, k->n, sizeof *k->loose) : NULL;
  if (k->n && (!k->units || !k->loose))
    return oom (L);
  for (size_t i = 0; i < k->n; i++)
    k->loose[i] = k->units[i].kind == U_PARA && k->units[i].p ? k->units[i].p->po.looseness : 0;
  return INK_OK;
}

/* The units and loosenesses kept by keep_units put back (restore) and freed. */
static ink_status_t
kept_units_end (lay_t *L, kept_units_t *k, bool restore)
{
  ink_status_t st = INK_OK;
  for (size_t i = 0; restore && k->units && i < k->n && st == INK_OK; i++) {
    setpara_t *p = k->units[i].kind == U_PARA ? k->units[i].p : NULL;
    bool met;
    if (p && p->po.looseness != k->loose[i])
      st = ink__set_para_looseness_tight (L, p, k->loose[i], false, &met);
  }
  if (restore && k->units)
    memcpy (L->units.v + k->first, k->units, k->n * sizeof *k->units);
  if (k->units)
    ink__realloc_array (L->ctx, k->units, k->n, 0, sizeof *k->units);
  ink__free (L->ctx, k->loose, k->n * sizeof *k->loose);
  return st;
}

/**
 * ink__runt_join_comment:
 * @L: the layout, the flow stopped at the page break before the comments (L->at_break) on
 * the page set from L->snap
 * @joined: (out): whether the break was taken out and the comment now ends the text's page,
 * balanced as the last (L->broke is false)
 *
 * A page of one reader's comment of an author and a line or two is not printed: the comment
 * goes under the text, after a space, as on a template that does not start the comments on
 * a new page, when the page then holds it all, nothing left waiting, and its columns then end
 * within a line step (ink__balance_even). Otherwise the break stays and the page and its
 * paragraphs are as they were.
 *
 * Return value: INK_OK, or the error that stopped it.
 */
ink_status_t
ink__runt_join_comment (lay_t *L, bool *joined)
{
  *joined = false;
  ink_status_t st = ink__build_body_units (L);
  size_t first = ink__snap_first_unit (&L->snap);
  size_t at = st == INK_OK ? runt_comment_break (L, first) : SIZE_MAX;
  if (at == SIZE_MAX || L->ncols > INK_MAKEUP_MAX_COLS)
    return st;
  snap_t sn = L->snap, next = L->next;
  size_t max_pages = L->max_pages;
  kept_units_t k;
  if ((st = keep_units (L, first, &k)) != INK_OK) {
    kept_units_end (L, &k, false);
    return st;
  }
  L->units.v[at].kind = U_SPACE;
  L->max_pages = sn.page + 1;
  bool ended, even = false, trial = L->trial;
  L->trial = true;
  st = set_at_foot (L, &sn, &ended);
  L->trial = trial;
  if (st == INK_OK && ended)
    st = ink__balance_even (L, &even);
  L->max_pages = max_pages;
  *joined = st == INK_OK && ended && even;
  ink_status_t st2 = kept_units_end (L, &k, !*joined);
  if (!*joined) {
    L->units.v[at].kind = U_PAGE;
    L->next = next;
    L->snap = sn;
    L->broke = L->full = true;
  }
  return st != INK_OK ? st : st2;
}
