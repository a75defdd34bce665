/* paginate/floatpull: floats that would make a page of their own pulled onto the full page
 * before it. A make-up editor never prints a page of floats alone after the text has ended:
 * when the full page just set (pages.c) hands over nothing but floats (pull quotes, related
 * links, pictures that did not fit under its text, with the source line or not), the page is
 * set again with those floats waiting for it from its start, so that they go in at its top
 * (or under its first paragraph they fit under) and push the text's last lines over to the
 * next page, where the text then ends. The setting is kept when the floats then all go on the
 * full page, the rest ends on the page after it with two lines of text at least, nothing
 * overflowing; else the page stays as it was set. A float set at the top of the page before
 * its own paragraph is still on its text's page (astronaut-visit reader-6 set its last pull
 * quote on a page of its own). Floats across the columns wait for a page's top: those are
 * left to lastpair.c. */
#include "layout-internal.h"

#include "makeup.h"

#include <string.h>

/* The floats the flow stopped before, when the rest of the article from L->next holds
 * nothing else but space, rules and the source line: the first (*first) and last (*last)
 * in reading order, none across the columns. */
static bool
rest_floats_only (const lay_t *L, size_t *first, size_t *last)
{
  const snap_t *nx = &L->next;
  *first = *last = NO_FLOAT;
  if (nx->pending_span != NO_FLOAT || nx->ui > L->units.n)
    return false;
  const unit_t *at = nx->ui < L->units.n ? &L->units.v[nx->ui] : NULL;
  if (at && nx->k > 0 && at->kind == U_PARA && at->p && nx->k < at->p->para.lines.n)
    return false;   /* a paragraph goes on */
  if (nx->pending != NO_FLOAT)
    *first = *last = nx->pending;
  for (size_t i = nx->ui + (nx->k > 0); i < L->units.n; i++) {
    const unit_t *u = &L->units.v[i];
    if (u->float_len) {
      if (u->span)
        return false;
      if (u->placed_page == SIZE_MAX) {
        *first = *first == NO_FLOAT ? i : *first;
        *last = i;
      }
      i += u->float_len - 1;
    } else if (u->kind != U_SPACE && u->kind != U_RULE &&
               !(u->kind == U_PARA && u->p && u->p->role == INK_ROLE_SOURCE)) {
      return false;
    }
  }
  return *first != NO_FLOAT;
}

/* Lines of text that flows in the columns on page q. */
static size_t
text_lines (const lay_t *L, size_t q)
{
  const ink__page_t *pg = &L->doc->pages.v[q];
  size_t n = 0;
  for (size_t i = 0; i < pg->nl; i++) {
    const ink__lrec_t *l = &L->doc->lines.v[pg->l0 + i];
    n += !l->generated && ink__flowed_role (l->role);
  }
  return n;
}

/* Whether every float of [first, last] not placed on a page before q went on page q. */
static bool
all_placed (const lay_t *L, size_t first, size_t last, size_t q)
{
  for (size_t i = first; i <= last && i < L->units.n; i++) {
    const unit_t *u = &L->units.v[i];
    if (!u->float_len)
      continue;
    if (!u->span && (u->placed_page == SIZE_MAX || u->placed_page > q))
      return false;
    i += u->float_len - 1;
  }
  return true;
}

/* The page set from sn (the floats queued) at these column bottoms with the rest after it:
 * *lines gets the lines of text of the page after when the floats all went on the page and
 * the rest ended on the next page, nothing overflowing; else 0. */
static ink_status_t
pull_try (lay_t *L, const snap_t *sn, const size_t *queue, const int32_t *bottoms, size_t *lines)
{
  ink_status_t st = ink__set_page_cols (L, sn, bottoms);
  const ink_document_t *doc = L->doc;
  bool ended = st == INK_OK && !L->full && doc->pages.n == sn->page + 2 &&
               doc->overflow_chars == sn->overflow_chars &&
               doc->overflow_blocks == sn->overflow_blocks && L->pending == NO_FLOAT &&
               L->pending_span == NO_FLOAT && all_placed (L, queue[0], queue[1], sn->page);
  *lines = ended ? text_lines (L, sn->page + 1) : 0;
  return st;
}

/* The floats [first, last] made to wait for page sn from its start. */
static void
queue_from_start (lay_t *L, snap_t *sn, const size_t *queue)
{
  sn->pending = queue[0];
  sn->queue_last = queue[1] != queue[0] ? queue[1] : NO_FLOAT;
  for (size_t i = queue[0]; i <= queue[1] && i < L->units.n; i++) {
    unit_t *u = &L->units.v[i];
    if (!u->float_len)
      continue;
    if (u->placed_page == SIZE_MAX || u->placed_page >= sn->page)
      u->met_page = sn->page;
    i += u->float_len - 1;
  }
}

/* The trials, from the units as they were (saved from unit from on): the page's columns to
 * the frame's foot, then a line step higher (a full page may end so) when the page after
 * would hold a runt of text; *bottoms gets the first setting that leaves the page after more
 * than a runt (*found). */
static ink_status_t
pull_search (lay_t *L, const snap_t *pull, const size_t *queue, const unit_t *saved, size_t from,
             int32_t *bottoms, bool *found)
{
  ink_status_t st = INK_OK;
  int32_t step = ink__line_step (L);
  *found = false;
  for (int up = 0; up < 2 && st == INK_OK && !*found; up++) {
    for (unsigned k = 0; k < L->ncols; k++)
      bottoms[k] = L->bottom - up * step;
    memcpy (L->units.v + from, saved, (L->units.n - from) * sizeof *saved);
    snap_t sn = *pull;
    queue_from_start (L, &sn, queue);
    size_t lines;
    st = pull_try (L, &sn, queue, bottoms, &lines);
    *found = lines > INK_RUNT_LINES;
  }
  return st;
}

/**
 * ink__float_pull:
 * @L: the layout, page L->snap just set, the flow stopped before the next page
 * @pulled: (out): whether the page was set again with the floats on it (L->snap then waits
 *   with them queued from its start), to be evened as a full page
 *
 * See the file's head.
 *
 * Return value: INK_OK, or the error that stopped it.
 */
ink_status_t
ink__float_pull (lay_t *L, bool *pulled)
{
  *pulled = false;
  size_t queue[2];
  snap_t sn = L->snap;
  if (!L->units_done || !L->broke || L->ncols > INK_MAKEUP_MAX_COLS ||
      L->max_pages < sn.page + 2 || L->doc->pages.n != sn.page + 1 ||
      sn.pending != NO_FLOAT || sn.pending_span != NO_FLOAT ||
      !rest_floats_only (L, &queue[0], &queue[1]))
    return INK_OK;
  size_t from = queue[0] < sn.ui ? queue[0] : sn.ui, n = L->units.n - from;
  unit_t *saved = ink__alloc (L->ctx, n * sizeof *saved);
  if (!saved)
    return oom (L);
  memcpy (saved, L->units.v + from, n * sizeof *saved);
  snap_t next = L->next;
  size_t page_limit = L->page_limit, max_pages = L->max_pages;
  bool trial = L->trial;
  L->page_limit = 0;
  L->max_pages = sn.page + 2;
  L->trial = true;
  int32_t bottoms[INK_MAKEUP_MAX_COLS];
  ink_status_t st = pull_search (L, &sn, queue, saved, from, bottoms, pulled);
  L->page_limit = page_limit;
  L->max_pages = max_pages;
  L->trial = trial;
  memcpy (L->units.v + from, saved, n * sizeof *saved);
  ink__free (L->ctx, saved, n * sizeof *saved);
  if (*pulled)
    queue_from_start (L, &sn, queue);
  L->snap = sn;
  L->next = next;
  if (st != INK_OK)
    return st;
  if (!*pulled)
    for (unsigned k = 0; k < L->ncols; k++)
      bottoms[k] = L->bottom;
  return ink__set_page_cols (L, &L->snap, bottoms);   /* the page set again, to be evened */
}
