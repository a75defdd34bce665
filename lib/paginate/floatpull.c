/* paginate/floatpull: floats that would stand alone on a page or in a column pulled onto the
 * full page before. A make-up editor never prints a page or column of floats alone when text
 * could go with them. When the full page just set (pages.c) hands over
 *
 * - nothing but floats (pull quotes, related links, pictures that did not fit under its
 *   text, with the source line or not), the text ending there, or
 * - floats waiting for the next page that, set there as they are, fill a column of it while
 *   the text goes on, or do not all go on it: one would then stand two pages after the text
 *   it follows (the next page is set on trial to see),
 *
 * the page is set again with those floats waiting for it from its start, so that they go in
 * at its top (or under the first paragraph they fit under) and push text over to the next
 * page; floats at the end of the text led by a pull quote whose passage begins on the page
 * go after the paragraph that follows the passage instead (pull_end), never over it. In the
 * first case the setting is kept when the floats all go on the page and the rest ends on the
 * page after it with more than a runt of text, or with text and a float that waited for it
 * (the page's columns a line step higher if need be, as a full page may end); in the second
 * when the floats all go on the two pages and neither has a column of floats alone. Else the page
 * stays as it was set. A float set at the top of the page before its own paragraph is still on its
 * text's page or the next (astronaut-visit reader-6 set its last pull quote on a page of its own,
 * kiel-faehren.de reader-6 a pull quote and a chart on a page of their own while the text went
 * on; tidal-pool reader-6 a chart opening the next page and a pull quote, too tall to go under
 * it, on the page after that). Floats across the columns wait for a page's top: those are
 * left to lastpair.c. The first page is left as it is (floats at its columns' top would be
 * read before the first paragraph), but for a closing pull quote that quotes none of its
 * text, which goes before one of its last paragraphs (pull_first); and so is a page with a
 * float of its own before the first queued: those queued would pass it. */
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

/* Lines of text that flows in the columns on page q; *floats gets whether the page also
 * holds a float's line (a pull quote, related link or caption) or a picture. */
static size_t
text_lines (const lay_t *L, size_t q, bool *floats)
{
  const ink_document_t *doc = L->doc;
  const ink__page_t *pg = &doc->pages.v[q];
  size_t n = 0;
  *floats = false;
  for (size_t i = pg->i0; i < pg->i0 + pg->ni; i++)
    *floats |= doc->items.v[i].kind == INK_ITEM_IMAGE;
  for (size_t i = 0; i < pg->nl; i++) {
    const ink__lrec_t *l = &doc->lines.v[pg->l0 + i];
    if (l->generated)
      continue;
    n += ink__flowed_role (l->role);
    *floats |= !ink__flowed_role (l->role) && l->role != INK_ROLE_SOURCE;
  }
  return n;
}

/* Whether page q, the text's last, holds text and is no runt: more than a runt of text
 * (INK_RUNT_LINES), or text that keeps a float company. A related link that goes on with a
 * paragraph's last lines reads with its text; a page of three lines alone does not. */
static bool
text_ends_on (const lay_t *L, size_t q)
{
  bool floats;
  size_t lines = text_lines (L, q, &floats);
  return lines > ink__makeup_runt_lines (L->ncols) || (lines > 0 && floats);
}

/* Whether the box [x, x + w) reaches into column c (its x extent). */
static bool
in_column (const lay_t *L, unsigned c, int32_t x, int32_t w)
{
  int32_t x0 = L->rtl ? L->right - L->colw - (int32_t) c * (L->colw + L->gutter)
                      : L->left + (int32_t) c * (L->colw + L->gutter);
  return x < x0 + L->colw && x + w > x0;
}

/* Whether a column of page q, under its columns' top, holds floats (lines or pictures of an
 * article block that floats) and no other line of the article. */
static bool
floats_only_column (const lay_t *L, size_t q)
{
  const ink_document_t *doc = L->doc;
  const ink__page_t *pg = &doc->pages.v[q];
  for (unsigned c = 0; c < L->ncols; c++) {
    bool floats = false, text = false;
    for (size_t i = 0; i < pg->nl; i++) {
      const ink__lrec_t *l = &doc->lines.v[pg->l0 + i];
      if (l->y < pg->body_top || l->block < 0 || (size_t) l->block >= L->a->nblocks ||
          !in_column (L, c, l->x, l->w))
        continue;
      if (ink__is_float_block (&L->a->blocks[l->block]))
        floats = true;
      else
        text = true;
    }
    for (size_t i = pg->i0; i < pg->i0 + pg->ni && !floats; i++) {
      const ink__item_t *it = &doc->items.v[i];
      floats = it->kind == INK_ITEM_IMAGE && it->block >= 0 && it->y >= pg->body_top &&
               in_column (L, c, it->x, it->w);
    }
    if (floats && !text)
      return true;
  }
  return false;
}

/* Whether every float of [first, last] (but those across the columns) went on page q or one
 * before it. */
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

/* The floats [first, last] made to wait for page sn from its start; those the flow met after
 * its start as if met there. */
static void
queue_from_start (lay_t *L, snap_t *sn, const size_t *queue)
{
  sn->pending = queue[0];
  sn->queue_last = queue[1] != queue[0] ? queue[1] : NO_FLOAT;
  for (size_t i = queue[0]; i <= queue[1] && i < L->units.n; i++) {
    unit_t *u = &L->units.v[i];
    if (!u->float_len)
      continue;
    if (u->met_page == SIZE_MAX || u->met_page > sn->page)
      u->met_page = sn->page;
    u->early = true;
    i += u->float_len - 1;
  }
}

/* The trials of one page: where it starts, the units from the first it sets on as they were,
 * the floats to wait for it from its start. */
typedef struct {
  snap_t sn;
  size_t queue[2];
  size_t from;
  unit_t *saved;
  bool moved;       /* the floats moved in saved after their passage's paragraph (pull_end) */
} pull_t;

/* The page set again from the units as they were, the floats queued from its start when
 * queued, at these column bottoms. */
static ink_status_t
pull_set (lay_t *L, const pull_t *x, bool queued, const int32_t *bottoms)
{
  memcpy (L->units.v + x->from, x->saved, (L->units.n - x->from) * sizeof *x->saved);
  snap_t sn = x->sn;
  if (queued)
    queue_from_start (L, &sn, x->queue);
  return ink__set_page_cols (L, &sn, bottoms);
}

/* The text ends on the page after, with floats alone there: the page set with the floats
 * queued from its start (queued) or met where x->saved has them, its columns to the frame's
 * foot, then a line step higher (a full page may end so) when the page after would hold a
 * runt of text or none; *bottoms gets the first setting at which the floats all go on the
 * page or the next and the rest ends on the page after, no runt (text_ends_on), nothing
 * overflowing (*found). */
static ink_status_t
end_trials (lay_t *L, const pull_t *x, bool queued, int32_t *bottoms, bool *found)
{
  ink_status_t st = INK_OK;
  int32_t step = ink__line_step (L);
  const ink_document_t *doc = L->doc;
  L->page_limit = 0;
  for (int up = 0; up < 2 && st == INK_OK && !*found; up++) {
    for (unsigned k = 0; k < L->ncols; k++)
      bottoms[k] = L->bottom - up * step;
    st = pull_set (L, x, queued, bottoms);
    *found = st == INK_OK && !L->full && doc->pages.n == x->sn.page + 2 &&
             doc->overflow_chars == x->sn.overflow_chars &&
             doc->overflow_blocks == x->sn.overflow_blocks && L->pending == NO_FLOAT &&
             L->pending_span == NO_FLOAT &&
             all_placed (L, x->queue[0], x->queue[1], x->sn.page + !queued) &&
             text_ends_on (L, x->sn.page + 1);
  }
  return st;
}

/* The paragraph (its unit) of the page after which the pull quote queue[0] may go instead of
 * at the page's top, over the passage it pulls (a paragraph begun on the page): the first
 * after that passage, before the quote, that starts running text not kept with the unit
 * before it, no float between; NO_FLOAT when the quote does not pull from the page or no
 * such paragraph follows. */
static size_t
after_passage (const lay_t *L, const pull_t *x)
{
  size_t q = x->queue[0], j = x->sn.ui + (x->sn.k > 0);
  if (q >= L->units.n || q <= j || !ink__is_quote (L, q))
    return NO_FLOAT;
  while (j < q && !(L->units.v[j].kind == U_PARA && ink__pulled_from (L, q, L->units.v[j].block)))
    j++;
  for (j++; j < q; j++) {
    const unit_t *u = &L->units.v[j];
    if (u->float_len)
      return NO_FLOAT;
    if (u->kind == U_PARA && u->p && ink__flowed_role (u->p->role) &&
        !L->units.v[j - 1].keep_with_next)
      return j;
  }
  return NO_FLOAT;
}

/* The floats [queue[0], the end of queue[1]) moved in x->saved to just before unit j, or
 * back from there (back): the flow meets them after the text of the page before j. */
static void
move_floats (lay_t *L, pull_t *x, size_t j, bool back)
{
  size_t n = L->units.n - x->from, len = x->queue[1] + L->units.v[x->queue[1]].float_len -
                                         x->queue[0];
  memcpy (L->units.v + x->from, x->saved, n * sizeof *x->saved);
  if (back)
    ink__units_rotate (L, j, j + len, x->queue[0] + len);
  else
    ink__units_rotate (L, j, x->queue[0], x->queue[0] + len);
  memcpy (x->saved, L->units.v + x->from, n * sizeof *x->saved);
}

/* The floats moved to just before unit j (move_floats) and the page set so (end_trials); kept
 * moved (x->moved) when found, else moved back. */
static ink_status_t
pull_before (lay_t *L, pull_t *x, size_t j, int32_t *bottoms, bool *found)
{
  move_floats (L, x, j, false);
  pull_t m = *x;
  m.queue[0] = j;
  m.queue[1] = j + (x->queue[1] - x->queue[0]);
  ink_status_t st = end_trials (L, &m, false, bottoms, found);
  if (st == INK_OK && *found) {
    x->queue[0] = m.queue[0], x->queue[1] = m.queue[1];
    x->moved = true;
    return st;
  }
  move_floats (L, x, j, true);
  return st;
}

/* The paragraph (its unit) before unit `before` and after the page's first that starts
 * running text not kept with the unit before it, no float between it and the queue, nor the
 * passage the quote queue[0] pulls (it would be read over it); NO_FLOAT when there is none. */
static size_t
paragraph_before (const lay_t *L, const pull_t *x, size_t before)
{
  size_t first = x->sn.ui + (x->sn.k > 0);
  for (size_t j = before; j-- > first + 1;) {
    const unit_t *u = &L->units.v[j];
    if (u->float_len || L->units.v[j - 1].float_len || ink__is_note_unit (L, j) ||
        (u->kind == U_PARA && ink__pulled_from (L, x->queue[0], u->block)))
      return NO_FLOAT;
    if (u->kind == U_PARA && u->p && ink__flowed_role (u->p->role) &&
        !L->units.v[j - 1].keep_with_next)
      return j;
  }
  return NO_FLOAT;
}

/* The most paragraphs of the first page a closing pull quote is tried before (pull_first). */
#define PULL_FIRST_TRIES 4

/* The text ends on the first page and a pull quote closes the story, alone on the page
 * after, with no paragraph after its passage on the page to go before (after_passage): at
 * the first page's top it would be read before the text, so it goes before one of the page's
 * last paragraphs instead, after its passage if it has one there, the latest at which the
 * rest ends on the next page, no runt of text (end_trials): the story's end goes on with it
 * there or follows it, and no page holds the quote alone (held-out editorial-ecoles-rurales.fr
 * kiosk-10.3). */
static ink_status_t
pull_first (lay_t *L, pull_t *x, int32_t *bottoms, bool *found)
{
  if (!ink__is_quote (L, x->queue[0]))
    return INK_OK;
  ink_status_t st = INK_OK;
  size_t j = x->queue[0];
  for (int tries = 0; tries < PULL_FIRST_TRIES && st == INK_OK && !*found; tries++) {
    if ((j = paragraph_before (L, x, j)) == NO_FLOAT)
      break;
    st = pull_before (L, x, j, bottoms, found);
  }
  return st;
}

/* The floats after the end of the text, which would stand alone on the next page: queued
 * from the page's start (end_trials), unless the first is a pull quote that would then be
 * read over its passage, begun on the page (astronaut-visit reader-6: its last quote across
 * the top of p4 over the paragraph it quotes). The floats then go after the paragraph that
 * follows the passage (after_passage): on the page under the passage if they fit, else at the
 * next page's top with the text after them (x->moved). */
static ink_status_t
pull_end (lay_t *L, pull_t *x, int32_t *bottoms, bool *found)
{
  size_t j = after_passage (L, x);
  if (j == NO_FLOAT && x->sn.page == 0)
    return pull_first (L, x, bottoms, found);
  if (j == NO_FLOAT)
    return end_trials (L, x, true, bottoms, found);
  return pull_before (L, x, j, bottoms, found);
}

/* The page and the next set (the floats queued or not): *bare when a column of either holds
 * floats alone, or its pull quotes and related links starve it (pagestarve.c); *placed when
 * the floats all went on them (the flow stops before the page after them, what is left
 * counted as overflow until it goes on). */
static ink_status_t
two_pages (lay_t *L, const pull_t *x, bool queued, bool *bare, bool *placed)
{
  int32_t full[INK_MAKEUP_MAX_COLS];
  ink__cols_at_foot (L, full);
  L->page_limit = x->sn.page + 2;
  ink_status_t st = pull_set (L, x, queued, full);
  const ink_document_t *doc = L->doc;
  *bare = *placed = false;
  if (st != INK_OK)
    return st;
  for (size_t q = x->sn.page; q < doc->pages.n && q <= x->sn.page + 1; q++)
    *bare |= floats_only_column (L, q) || ink__page_starved (L, q);
  *placed = all_placed (L, x->queue[0], x->queue[1], x->sn.page + 1);
  return st;
}

/* Floats wait for the page after: when it would hold a column of floats alone while the text
 * goes on, or would not take them all (one would stand two pages after its text), or would be
 * starved by them (pagestarve.c), the floats queued from the page's start; *found when neither
 * page then has a column of floats alone nor is starved, and the floats all go on them. When
 * all of them queued starve this page instead, the first alone, a pull quote or related box,
 * is queued (x->queue then holds it alone): a quote and the table behind it both due on the
 * next page go one on each. */
static ink_status_t
pull_next (lay_t *L, pull_t *x, int32_t *bottoms, bool *found)
{
  bool bare, placed;
  size_t last = x->queue[1];
  ink__cols_at_foot (L, bottoms);
  ink_status_t st = two_pages (L, x, false, &bare, &placed);
  if (st != INK_OK || (!bare && placed))
    return st;
  st = two_pages (L, x, true, &bare, &placed);
  *found = st == INK_OK && !bare && placed;
  if (st != INK_OK || *found || last == x->queue[0] || !ink__is_box (L, x->queue[0]))
    return st;
  x->queue[1] = x->queue[0];
  st = two_pages (L, x, true, &bare, &placed);
  *found = st == INK_OK && !bare && all_placed (L, x->queue[0], last, x->sn.page + 1);
  if (!*found)
    x->queue[1] = last;
  return st;
}

/* Whether a float from the page's first unit up to the first to be queued (queue[0]) goes on
 * this page or after: the queued floats would pass it. */
static bool
passes_float (const lay_t *L, const size_t *queue)
{
  for (size_t i = L->snap.ui; i < queue[0] && i < L->units.n; i++) {
    const unit_t *u = &L->units.v[i];
    if (!u->float_len)
      continue;
    if (u->placed_page == SIZE_MAX || u->placed_page >= L->snap.page)
      return true;
    i += u->float_len - 1;
  }
  return false;
}

/* The floats to wait for the page from its start (queue): those the flow stopped before when
 * nothing else follows them (*end), else those waiting for the next page; none (false). */
static bool
pull_queue (const lay_t *L, size_t *queue, bool *end)
{
  const snap_t *sn = &L->snap, *nx = &L->next;
  *end = rest_floats_only (L, &queue[0], &queue[1]);
  if (!*end) {
    if (nx->pending == NO_FLOAT || nx->pending_span != NO_FLOAT)
      return false;
    queue[0] = nx->pending;
    queue[1] = nx->queue_last != NO_FLOAT ? nx->queue_last : nx->pending;
  }
  if (sn->pending != NO_FLOAT && sn->pending < queue[0])
    queue[0] = sn->pending;
  return !passes_float (L, queue);
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
  pull_t x = { L->snap, { 0, 0 }, 0, NULL, false };
  bool end;
  if (!(L->units_done || L->units_trial) || !L->broke || L->ncols > INK_MAKEUP_MAX_COLS ||
      L->max_pages < x.sn.page + 2 || L->doc->pages.n != x.sn.page + 1 ||
      x.sn.pending_span != NO_FLOAT || !pull_queue (L, x.queue, &end) ||
      (!end && (x.sn.page == 0 || L->max_pages < x.sn.page + 3)))
    return INK_OK;
  x.from = x.queue[0] < x.sn.ui ? x.queue[0] : x.sn.ui;
  size_t n = L->units.n - x.from;
  if (!(x.saved = ink__alloc_array (L->ctx, n, sizeof *x.saved)))
    return oom (L);
  memcpy (x.saved, L->units.v + x.from, n * sizeof *x.saved);
  snap_t next = L->next;
  size_t page_limit = L->page_limit, max_pages = L->max_pages;
  bool trial = L->trial;
  L->max_pages = x.sn.page + (end ? 2 : 3);
  L->trial = true;
  int32_t bottoms[INK_MAKEUP_MAX_COLS];
  ink_status_t st = end ? pull_end (L, &x, bottoms, pulled) : pull_next (L, &x, bottoms, pulled);
  L->page_limit = page_limit;
  L->max_pages = max_pages;
  L->trial = trial;
  L->next = next;
  if (!*pulled)
    ink__cols_at_foot (L, bottoms);
  L->snap = x.sn;
  if (st == INK_OK)
    st = pull_set (L, &x, *pulled && !x.moved, bottoms);   /* the page set again, to be evened */
  if (*pulled && !x.moved)
    queue_from_start (L, &L->snap, x.queue);
  ink__free (L->ctx, x.saved, n * sizeof *x.saved);
  return st;
}
