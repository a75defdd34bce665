/* paginate/leadfit: the lead picture made a little smaller so that the article ends on its
 * page. When the page that holds the lead picture across the columns is full and the rest of
 * the text would take only a few lines of the next page, a make-up editor takes the picture
 * down a little rather than print a page that holds those lines alone. The page is flowed
 * again with the picture (its caption set again at its width) smaller by a fortieth of its
 * height at a time, down to the template's picture-shrink (percent); the first size at which
 * all the text ends on the page and its columns can end within a line step of each other
 * (balance.c) is kept. Otherwise the page is flowed again as it was. The look-ahead is the
 * rest of the article, which a quick bound first finds small (units already built). */
#include "layout-internal.h"

#include <string.h>

/* The sizes tried step down by this many thousandths of the picture's. */
#define FIT_STRIDE 25

/* The first unit that snapshot sn has not placed: its next one, or a float still waiting. */
static size_t
first_unplaced (const snap_t *sn)
{
  size_t first = sn->ui, waiting[2] = { sn->pending, sn->pending_span };
  for (int i = 0; i < 2; i++)
    first = waiting[i] != NO_FLOAT && waiting[i] < first ? waiting[i] : first;
  return first;
}

/* The height the rest of the text, from where the flow stopped, takes in one column: its
 * units past the stop (the paragraph it stopped in from the line it stopped at), and the
 * floats still waiting; those across the columns count in each. */
static int64_t
rest_height (const lay_t *L)
{
  const snap_t *nx = &L->next;
  size_t first = first_unplaced (nx);
  int64_t h = 0;
  for (size_t i = first; i < L->units.n; i++) {
    const unit_t *u = &L->units.v[i];
    if (i < nx->ui && !(u->float_len && u->placed_page == SIZE_MAX))
      continue;   /* text placed before the stop */
    int64_t uh = (int64_t) u->space_before + u->space_after;
    if (i == nx->ui && nx->k > 0 && u->kind == U_PARA)
      uh += ink__lines_height (u->p, nx->k, u->p->para.lines.n);
    else
      uh += ink__unit_height (u, SIZE_MAX);
    h += u->span ? uh * L->ncols : uh;
  }
  return h;
}

/* Whether the rest of the text could come onto page q with the lead picture made smaller by
 * as much as the template allows: no more than the height that takes from each column and
 * the room now under the page's columns. */
static bool
rest_may_come (const lay_t *L, size_t q)
{
  const ink_document_t *doc = L->doc;
  const ink__page_t *pg = &doc->pages.v[q];
  int64_t gain = (int64_t) L->lead.h * L->t->picture_shrink / 100 * L->ncols, foot_sum = 0;
  int32_t foot[INK_MAKEUP_MAX_COLS];
  for (unsigned c = 0; c < L->ncols; c++)
    foot[c] = pg->body_top;
  for (size_t i = 0; i < pg->nl; i++) {
    const ink__lrec_t *l = &doc->lines.v[pg->l0 + i];
    int c = ink__line_col (L, l, pg->body_top);
    if (c >= 0 && l->y + l->h > foot[c])
      foot[c] = l->y + l->h;
  }
  for (unsigned c = 0; c < L->ncols; c++)
    foot_sum += (int64_t) L->bottom - foot[c];
  return rest_height (L) <= gain + foot_sum;
}

/* The trials: the page's start, the units from its first as they were (a trial may set a
 * pull quote at the column's width). */
typedef struct {
  snap_t sn;
  size_t first;
  unit_t *saved;
  size_t nsaved;
} fit_t;

/**
 * ink__lead_flow:
 * @L: the layout, the lead picture on page @sn
 * @permille: the picture's size, in thousandths of its own
 * @sn: (inout): the page's start; its top and counts become those under the picture
 *
 * Sets the lead picture again at @permille and flows the page from @sn with its columns to the
 * frame's foot, the flow stopping before the next page. L->snap becomes @sn.
 *
 * Return value: INK_OK, or the error that stopped it.
 */
ink_status_t
ink__lead_flow (lay_t *L, int permille, snap_t *sn)
{
  const ink_document_t *doc = L->doc;
  int32_t top, full[INK_MAKEUP_MAX_COLS];
  ink_status_t st = ink__lead_again (L, permille, &top);
  if (st != INK_OK)
    return st;
  sn->items = doc->items.n;
  sn->glyphs = doc->glyphs.n;
  sn->lines = doc->lines.n;
  sn->text = doc->text.n;
  sn->missing = doc->missing;
  sn->top = top;
  L->snap = *sn;
  ink__cols_at_foot (L, full);
  return ink__set_page_cols (L, sn, full);
}

/* Flows page x->sn again with the lead picture at permille of its size; *ended when all the
 * text then ends on it, no float left waiting. */
static ink_status_t
fit_try (lay_t *L, fit_t *x, int permille, bool *ended)
{
  const ink_document_t *doc = L->doc;
  if (x->nsaved)
    memcpy (L->units.v + x->first, x->saved, x->nsaved * sizeof *x->saved);
  snap_t *sn = &x->sn;
  ink_status_t st = ink__lead_flow (L, permille, sn);
  *ended = st == INK_OK && !L->broke && !L->full && doc->pages.n == sn->page + 1 &&
           doc->overflow_chars == sn->overflow_chars &&
           doc->overflow_blocks == sn->overflow_blocks && L->pending == NO_FLOAT &&
           L->pending_span == NO_FLOAT;
  return st;
}

/* The largest size, from a stride under the picture's own down to the template's bound, at
 * which the text ends on the page with its columns able to end together; 0 for none. */
static ink_status_t
fit_search (lay_t *L, fit_t *x, int *chosen)
{
  int32_t step = ink__line_step (L);
  int least = 1000 - 10 * (int) L->t->picture_shrink;
  ink_status_t st = INK_OK;
  *chosen = 0;
  for (int permille = 1000 - FIT_STRIDE; permille >= least && st == INK_OK && !*chosen;
       permille -= FIT_STRIDE) {
    bool ended, even = false;
    int64_t cost;
    if ((st = fit_try (L, x, permille, &ended)) != INK_OK || !ended)
      continue;
    if ((st = ink__balance_score (L, step, &cost, &even, NULL)) == INK_OK && even)
      *chosen = permille;
  }
  return st;
}

/**
 * ink__lead_fit:
 * @L: the layout, the page with the lead picture just flowed (from L->snap), the flow stopped
 * before the next page
 * @fitted: (out): whether the picture was made smaller and the text now ends on the page (the
 * flow no longer stops: L->broke is false)
 *
 * See the file's head. When the picture stays as it is, the page is as flowed before.
 *
 * Return value: INK_OK, or the error that stopped it.
 */
ink_status_t
ink__lead_fit (lay_t *L, bool *fitted)
{
  *fitted = false;
  const snap_t *sn = &L->snap;
  if (!L->lead.placed || L->lead.page != sn->page || !L->broke || !L->units_done ||
      !L->t->picture_shrink || L->ncols > INK_MAKEUP_MAX_COLS ||
      L->doc->pages.n != sn->page + 1 || !rest_may_come (L, sn->page))
    return INK_OK;
  fit_t x = { *sn, first_unplaced (sn), NULL, 0 };
  if (x.first < L->units.n) {
    x.nsaved = L->units.n - x.first;
    if (!(x.saved = ink__alloc_array (L->ctx, x.nsaved, sizeof *x.saved)))
      return oom (L);
    memcpy (x.saved, L->units.v + x.first, x.nsaved * sizeof *x.saved);
  }
  snap_t next = L->next;
  bool trial = L->trial, ended;
  int chosen;
  L->trial = true;
  ink_status_t st = fit_search (L, &x, &chosen);
  L->trial = trial;
  if (st == INK_OK)
    st = fit_try (L, &x, chosen ? chosen : 1000, &ended);
  if (st == INK_OK && !chosen)
    L->next = next;   /* as flowed before */
  *fitted = st == INK_OK && chosen && ended;
  ink__free (L->ctx, x.saved, x.nsaved * sizeof *x.saved);
  return st;
}
