/* paginate/runtbefore: a runt two pages on, given lines by the page before the full page.
 *
 * When the text after the page just evened fills one more page and leaves a line or three
 * on a last page of their own, runt.c tries to draw them back onto that full page once it is
 * set; it can only set the full page's paragraphs a line tighter, and in a narrow measure
 * most cannot lose a line (held-de-0.de kiosk-7.5: of the four paragraphs on page 7 one
 * could; held-bn-0.bn reader-6: none). Nor can the full page alone give the last page
 * enough: a full page may end a line short of the frame's foot, not two. A make-up editor
 * shares the shortfall between two pages: the page before the full page ends its columns a
 * line higher too, and the lines it sends on push as many more onto the last page, which
 * then holds more than a runt.
 *
 * So the page just evened (ink__runt_before, pages.c), when the rest of the text is short
 * (no more than the page holds and a runt, text alone), is tried with the rest flowed at
 * the frame's foot: when that leaves a runt of text alone on the page after the next, and
 * the page set a line step higher in every column still passes as full (ink__even_fault:
 * columns together, not short, nothing let through) and the rest then ends on that same
 * page with more than a runt, the page is set so. Otherwise it stays as evened. */
#include "layout-internal.h"
#include "even.h"
#include "makeup.h"

#include <string.h>

/* Lines set on page q, the running lines and other generated ones aside. */
static size_t
page_lines (const lay_t *L, size_t q)
{
  const ink__page_t *pg = &L->doc->pages.v[q];
  size_t n = 0;
  for (size_t i = 0; i < pg->nl; i++)
    n += !L->doc->lines.v[pg->l0 + i].generated;
  return n;
}

/* The lines of running text after the flow's stop, or SIZE_MAX when anything else is
 * among them (a float, a page break, a paragraph across the columns) or they pass `most`. */
size_t
ink__runt_rest_text (const lay_t *L, size_t most)
{
  const snap_t *nx = &L->next;
  if (nx->pending != NO_FLOAT || nx->pending_span != NO_FLOAT)
    return SIZE_MAX;
  size_t lines = 0;
  for (size_t i = nx->ui; i < L->units.n && lines <= most; i++) {
    const unit_t *u = &L->units.v[i];
    if (u->kind == U_SPACE || u->kind == U_RULE)
      continue;
    if (u->kind != U_PARA || u->float_len || u->span || !u->p)
      return SIZE_MAX;
    size_t n = u->p->para.lines.n;
    lines += i == nx->ui && nx->k < n ? n - nx->k : n;
  }
  return lines <= most ? lines : SIZE_MAX;
}

/* The page from sn set at these bottoms, the rest flowed at the frame's foot, or the next
 * page a line step above it (`next_up`): the lines of text alone on the second page after
 * sn's when the text ends there, all placed; else SIZE_MAX (0: that page holds more than
 * text). */
ink_status_t
ink__runt_two_on (lay_t *L, const snap_t *sn, const int32_t *bottoms, bool next_up,
                  size_t *lines)
{
  size_t page_limit = L->page_limit;
  L->page_limit = next_up ? page_limit : 0;
  ink_status_t st = ink__set_page_cols (L, sn, bottoms);
  if (st == INK_OK && next_up && L->broke && L->doc->pages.n == sn->page + 1) {
    snap_t nx = L->next;
    int32_t up[INK_MAKEUP_MAX_COLS] = { 0 };
    ink__cols_at_foot (L, up);
    for (unsigned c = 0; c < L->ncols; c++)
      up[c] -= ink__line_step (L);
    L->page_limit = 0;
    st = ink__set_page_cols (L, &nx, up);
  }
  L->page_limit = page_limit;
  bool ended = st == INK_OK && !L->at_break && ink__runt_ended_on (L, sn, 2);
  *lines = ended ? ink__runt_text (L, sn->page + 2) : SIZE_MAX;
  return st;
}

/* Whether the page from sn, set at these bottoms and justified as it will be printed (space
 * between its paragraphs included, ink__vjust_page), passes as full: its columns end
 * together, not short of the frame's foot by room for two more lines. */
ink_status_t
ink__runt_passes_full (lay_t *L, const snap_t *sn, const int32_t *bottoms, int32_t step,
                       bool *full)
{
  *full = false;
  ink_status_t st = ink__set_page_cols (L, sn, bottoms);
  if (st != INK_OK || !L->broke || L->doc->pages.n != sn->page + 1)
    return st;
  L->trial = false;   /* ink__vjust_page justifies a page set for good only */
  ink__vjust_page (L, sn->page, false);
  L->trial = true;
  ink__makeup_cols_t c;
  ink__measure_page (L, sn, step, &c);
  *full = ink__makeup_spread (&c) <= c.together && !c.lone &&
          !ink__makeup_short_steps (ink__vjust_room (L, sn->page), step);
  return INK_OK;
}

/* The trials of ink__runt_before on e's page (its units from `first` saved in `saved` and put
 * back after each): *higher when the page a line step higher gives the last page more than
 * a runt. */
static ink_status_t
runt_trials (lay_t *L, const even_t *e, size_t first, const unit_t *saved, size_t n,
             bool *higher)
{
  size_t runt = ink__makeup_runt_lines (L->ncols), as_is, then = SIZE_MAX;
  ink_status_t st = ink__runt_two_on (L, &e->sn, e->best, false, &as_is);
  memcpy (L->units.v + first, saved, n * sizeof *saved);
  if (st != INK_OK || as_is == 0 || as_is > runt)
    return st;
  int32_t up[INK_MAKEUP_MAX_COLS] = { 0 };
  for (unsigned c = 0; c < L->ncols; c++)
    up[c] = e->best[c] - e->step;
  bool full;
  st = ink__runt_passes_full (L, &e->sn, up, e->step, &full);
  memcpy (L->units.v + first, saved, n * sizeof *saved);
  for (int next_up = 0; next_up < 2 && st == INK_OK && full && (then == SIZE_MAX || then <= runt);
       next_up++) {
    st = ink__runt_two_on (L, &e->sn, up, next_up, &then);
    memcpy (L->units.v + first, saved, n * sizeof *saved);
  }
  *higher = st == INK_OK && full && then != SIZE_MAX && then > runt;
  return st;
}
/**
 * ink__runt_before:
 * @L: the layout, the page of @e just evened and set, the flow stopped before the next page
 * @e: the page's evening; its bottoms a line step higher when that is kept
 * @tried: (out): whether the page was set on trial (the caller sets it again, at its
 * bottoms, a line higher when that is kept)
 *
 * See the file's head.
 *
 * Return value: INK_OK, or the error that stopped it.
 */
ink_status_t
ink__runt_before (lay_t *L, even_t *e, bool *tried)
{
  bool higher = false;
  *tried = false;
  const snap_t *sn = &e->sn;
  if (!L->units_done || !L->broke || L->at_break || L->ncols > INK_MAKEUP_MAX_COLS ||
      L->max_pages < sn->page + 3 || L->doc->pages.n != sn->page + 1 || e->step <= 0)
    return INK_OK;
  size_t most = page_lines (L, sn->page) + ink__makeup_runt_lines (L->ncols);
  size_t first = ink__snap_first_unit (sn);
  if (ink__runt_rest_text (L, most) == SIZE_MAX || first >= L->units.n)
    return INK_OK;
  size_t n = L->units.n - first, max_pages = L->max_pages;
  unit_t *saved = ink__units_copy (L, first, n);
  if (!saved)
    return oom (L);
  snap_t next = L->next;
  bool trial = L->trial;
  L->max_pages = sn->page + 3;
  L->trial = true;
  ink_status_t st = runt_trials (L, e, first, saved, n, &higher);
  *tried = true;
  L->trial = trial;
  L->max_pages = max_pages;
  L->next = next;
  L->snap = *sn;
  ink__realloc_array (L->ctx, saved, n, 0, sizeof *saved);
  for (unsigned c = 0; st == INK_OK && higher && c < L->ncols; c++)
    e->best[c] -= e->step;
  return st;
}
