/* paginate/runtwhite: a runt two pages on, drawn back by the white of a pull quote on the
 * page before the full page.
 *
 * A pull quote or a related box stands in white: over its rule, between its lines and its
 * attribution, under it. When the text after the page that holds it fills one more page and
 * leaves a line or three on a last page of their own, a make-up editor takes that white in:
 * the page with the quote takes a few more lines of the text, the full page after it as
 * many of the runt's, and the story ends a page sooner or with more than a runt on its last
 * page. runt.c cuts white on the full page only, and runtbefore.c sets the page before it a
 * line higher (held-he-2.he reader-6: page 7 ends on a pull quote at its foot, some 430 px
 * of white around 300 px of quote, page 8 full, two lines alone on page 9).
 *
 * So the page just evened (ink__runt_white, pages.c, when ink__runt_before keeps it as it
 * is), when it holds a pull quote or a related box and the rest of the text is short (no
 * more than a page of text and a runt, text alone) and leaves a runt of text alone two pages
 * on, is tried with those floats' white cut a quarter at a time, a quarter of it kept (as
 * ink__space_set_span cuts it): the first cut at which the text ends on the next page, or
 * two pages on with more than a runt, the page still passing as full, is kept. */
#include "layout-internal.h"
#include "even.h"
#include "makeup.h"

#include <string.h>

/* Whether the units [first, end) open a pull quote or a related box set on page q. */
static bool
boxes_on (const lay_t *L, size_t first, size_t end, size_t q)
{
  for (size_t i = first; i < end; i++)
    if (L->units.v[i].float_len && L->units.v[i].placed_page == q && ink__is_box (L, i))
      return true;
  return false;
}

/* Whether all after the flow's stop is paragraphs of running text in the columns: no
 * subhead, float or comment whose white runt.c could cut on the full page instead. */
static bool
body_alone (const lay_t *L)
{
  for (size_t i = L->next.ui; i < L->units.n; i++) {
    const unit_t *u = &L->units.v[i];
    bool text = u->kind == U_PARA && u->p && !u->p->note &&
                (u->p->role == INK_ROLE_BODY || u->p->role == INK_ROLE_LIST ||
                 u->p->role == INK_ROLE_SOURCE);
    if (!text || u->float_len || u->span)
      return false;
  }
  return true;
}

/* The pull quotes and related boxes among units [first, end) (their spaces saved from first
 * in `spaces`, ink__space_save) set with `cut` quarters of their white gone. */
static void
white_set (lay_t *L, size_t first, size_t end, const int32_t *spaces, int cut)
{
  for (size_t i = first; i < end; i += L->units.v[i].float_len ? L->units.v[i].float_len : 1) {
    size_t n = L->units.v[i].float_len;
    if (n && i + n <= end && ink__is_box (L, i))
      ink__space_set_span (L->units.v + i, n, spaces + 3 * (i - first), cut);
  }
}

/* The page from sn set at these bottoms, the rest of the text flowed after it: *gives when
 * the text ends on the next page, or on the one after with more than `runt` lines there. */
static ink_status_t
rest_gives (lay_t *L, const snap_t *sn, const int32_t *bottoms, size_t runt, bool *gives)
{
  size_t page_limit = L->page_limit;
  L->page_limit = 0;
  ink_status_t st = ink__set_page_cols (L, sn, bottoms);
  L->page_limit = page_limit;
  *gives = st == INK_OK && !L->at_break &&
           (ink__runt_ended_on (L, sn, 1) ||
            (ink__runt_ended_on (L, sn, 2) && ink__runt_text (L, sn->page + 2) > runt));
  return st;
}

/* The trials of ink__runt_white on e's page (its units from `first` saved in `saved`, n of
 * them, and put back after each; the spaces of those up to `end` in `spaces`): *kept gets
 * the quarters cut that give the last page its lines, 0 when none does. */
static ink_status_t
white_trials (lay_t *L, const even_t *e, size_t first, size_t end, const unit_t *saved,
              size_t n, const int32_t *spaces, int *kept)
{
  size_t runt = ink__makeup_runt_lines (L->ncols), as_is;
  *kept = 0;
  ink_status_t st = ink__runt_two_on (L, &e->sn, e->best, false, &as_is);
  memcpy (L->units.v + first, saved, n * sizeof *saved);
  if (st != INK_OK || as_is == 0 || as_is > runt)
    return st;
  for (int cut = 1; cut <= INK_SPACE_CUT_TO_QUARTER && st == INK_OK && !*kept; cut++) {
    bool gives = false, full = false;
    white_set (L, first, end, spaces, cut);
    st = rest_gives (L, &e->sn, e->best, runt, &gives);
    memcpy (L->units.v + first, saved, n * sizeof *saved);
    if (st == INK_OK && gives) {
      white_set (L, first, end, spaces, cut);
      st = ink__runt_passes_full (L, &e->sn, e->best, e->step, &full);
      memcpy (L->units.v + first, saved, n * sizeof *saved);
    }
    *kept = gives && full ? cut : 0;
  }
  return st;
}

/**
 * ink__runt_white:
 * @L: the layout, the page of @e just evened and set, the flow stopped before the next page
 * @e: the page's evening
 * @tried: (out): whether the page was set on trial (the caller sets it again at @e's
 * bottoms, its floats' white cut when that is kept)
 *
 * See the file's head.
 *
 * Return value: INK_OK, or the error that stopped it.
 */
ink_status_t
ink__runt_white (lay_t *L, even_t *e, bool *tried)
{
  *tried = false;
  const snap_t *sn = &e->sn;
  if (!L->units_done || !L->broke || L->at_break || L->ncols > INK_MAKEUP_MAX_COLS ||
      L->max_pages < sn->page + 3 || L->doc->pages.n != sn->page + 1 || e->step <= 0)
    return INK_OK;
  size_t first = ink__snap_first_unit (sn), end = L->next.ui;
  if (end > L->units.n || first >= end || !boxes_on (L, first, end, sn->page) ||
      !body_alone (L))
    return INK_OK;
  size_t page = (size_t) ((L->bottom - L->top) / e->step) * L->ncols;
  if (ink__runt_rest_text (L, page + ink__makeup_runt_lines (L->ncols)) == SIZE_MAX)
    return INK_OK;
  size_t n = L->units.n - first, max_pages = L->max_pages;
  unit_t *saved = ink__units_copy (L, first, n);
  int32_t *spaces = ink__alloc_array (L->ctx, end - first, 3 * sizeof *spaces);
  ink_status_t st = saved && spaces ? INK_OK : oom (L);
  snap_t next = L->next;
  bool trial = L->trial;
  int kept = 0;
  if (st == INK_OK) {
    ink__space_save (L->units.v + first, end - first, spaces);
    L->max_pages = sn->page + 3;
    L->trial = true;
    st = white_trials (L, e, first, end, saved, n, spaces, &kept);
    L->trial = trial;
    L->max_pages = max_pages;
    L->next = next;
    L->snap = *sn;
  }
  if (st == INK_OK && kept)
    white_set (L, first, end, spaces, kept);
  *tried = saved && spaces;
  ink__realloc_array (L->ctx, saved, saved ? n : 0, 0, sizeof *saved);
  ink__realloc_array (L->ctx, spaces, spaces ? end - first : 0, 0, 3 * sizeof *spaces);
  return st;
}
