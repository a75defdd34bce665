/* paginate/pairmemo: the last page's balance score in one full page's pair trials
 * (lastpair.c), remembered by what the last page is set from. Each trial sets the full page
 * at other column bottoms and the rest after it; settings a little apart often end the full
 * page on the same line, and the last page then starts at the same place with the same units
 * and is balanced again at every bottom balance.c tries (a fuzz input of a short article
 * under a tall head: 856 balance searches in 89 full pages' trials, 61 % of its run; 119
 * last pages told apart by where they start). A last page is scored again only when where it
 * starts (its snapshot), the units from the full page's first, each of their paragraphs'
 * breaking and lines, or the balancing asked differ from every one remembered; a score taken
 * again charges the pages and pull quote lines its search set to the searches' work
 * (pages.c's lead, orderbudget.c), as if set again. A search that added paragraphs is not
 * remembered. Snapshots, units and breaking options are compared field by field, never as
 * bytes: the padding between fields is left as it was (valgrind saw memcmp read it), so a
 * field added to snap_t, unit_t or ink__para_opts_t joins same_snap, same_unit or same_opts. */
#include "pairmemo.h"

#include <string.h>

/* Whether two snapshots start a page's flow at the same place. Fields are compared one by
 * one, never the bytes: padding between them is whatever the compiler left there. */
static bool
same_snap (const snap_t *a, const snap_t *b)
{
  return a->ui == b->ui && a->k == b->k && a->page == b->page && a->items == b->items &&
         a->glyphs == b->glyphs && a->lines == b->lines && a->text == b->text &&
         a->overflow_blocks == b->overflow_blocks && a->overflow_chars == b->overflow_chars &&
         a->missing == b->missing && a->pending == b->pending &&
         a->pending_span == b->pending_span && a->queue_last == b->queue_last &&
         a->top == b->top && a->head_overflow == b->head_overflow &&
         a->span_rest == b->span_rest;
}

/* Whether two units are the same, field by field. */
static bool
same_unit (const unit_t *a, const unit_t *b)
{
  return a->kind == b->kind && a->p == b->p && a->image == b->image &&
         a->side[0] == b->side[0] && a->side[1] == b->side[1] && a->row == b->row &&
         a->w == b->w && a->h == b->h && a->x_off == b->x_off &&
         a->space_before == b->space_before && a->space_after == b->space_after &&
         a->keep_with_next == b->keep_with_next && a->ends_column == b->ends_column &&
         a->parted_len == b->parted_len && a->turned_len == b->turned_len &&
         a->unsplittable == b->unsplittable &&
         a->clear == b->clear && a->float_len == b->float_len && a->span == b->span &&
         a->placed_page == b->placed_page && a->met_page == b->met_page &&
         a->early == b->early && a->block == b->block;
}

/* Whether a paragraph's lines were broken the same way, field by field. */
static bool
same_opts (const ink__para_opts_t *a, const ink__para_opts_t *b)
{
  return a->lang == b->lang && a->align == b->align && a->hyphenate == b->hyphenate &&
         a->indent == b->indent && a->widths == b->widths && a->nwidths == b->nwidths &&
         a->hyphenator == b->hyphenator && a->letter_space_max == b->letter_space_max &&
         a->nohyphen_line == b->nohyphen_line && a->looseness == b->looseness &&
         a->first_fit == b->first_fit && a->tight == b->tight &&
         a->short_lines == b->short_lines && a->whole_words == b->whole_words &&
         a->held_until == b->held_until && a->letter_stretch == b->letter_stretch &&
         a->tie_numbers == b->tie_numbers;
}

/* Whether seen holds the last page L would now balance from its first unit m->first. */
static bool
same (const lay_t *L, const pair_memo_t *m, const pair_seen_t *seen)
{
  size_t n = L->units.n - m->first;
  if (seen->n != n || seen->balancing != L->balancing || !same_snap (&seen->at, &L->snap))
    return false;
  for (size_t i = 0; i < n; i++) {
    const unit_t *u = &L->units.v[m->first + i];
    const setpara_t *p = u->p;
    if (!same_unit (&seen->units[i], u) ||
        (p && (seen->lines[i] != p->para.lines.n || !same_opts (&seen->po[i], &p->po))))
      return false;
  }
  return true;
}

/* Room in seen for n units. */
static bool
seen_room (lay_t *L, pair_seen_t *seen, size_t n)
{
  if (n <= seen->cap)
    return true;
  unit_t *u = ink__alloc_array (L->ctx, n, sizeof *u);
  ink__para_opts_t *po = ink__alloc_array (L->ctx, n, sizeof *po);
  size_t *lines = ink__alloc_array (L->ctx, n, sizeof *lines);
  if (!u || !po || !lines) {
    ink__free (L->ctx, u, n * sizeof *u);
    ink__free (L->ctx, po, n * sizeof *po);
    ink__free (L->ctx, lines, n * sizeof *lines);
    return false;
  }
  ink__free (L->ctx, seen->units, seen->cap * sizeof *seen->units);
  ink__free (L->ctx, seen->po, seen->cap * sizeof *seen->po);
  ink__free (L->ctx, seen->lines, seen->cap * sizeof *seen->lines);
  seen->units = u, seen->po = po, seen->lines = lines, seen->cap = n;
  return true;
}

/* Keeps in seen the last page as L holds it now, from m->first (snapshot *at). */
static bool
keep (lay_t *L, const pair_memo_t *m, const snap_t *at, pair_seen_t *seen)
{
  size_t n = L->units.n - m->first;
  if (!seen_room (L, seen, n))
    return false;
  seen->at = *at, seen->n = n, seen->balancing = L->balancing;
  memcpy (seen->units, L->units.v + m->first, n * sizeof *seen->units);
  for (size_t i = 0; i < n; i++) {
    const setpara_t *p = seen->units[i].p;
    seen->lines[i] = p ? p->para.lines.n : 0;
    seen->po[i] = p ? p->po : (ink__para_opts_t) { 0 };
  }
  return true;
}

/**
 * ink__pair_score:
 * @L: the layout, its last page just set from L->snap (a pair trial's)
 * @m: the scores of the pair trials of one full page so far
 * @step: one line step, the same in every call with @m
 * @last: (out): the last page's cost, as ink__balance_score gives it
 * @even: (out): whether its columns end within a line step
 * @lone_float: (out): whether they do so only with a line alone under a float
 *
 * ink__balance_score, taken from @m when the last page is one scored before.
 *
 * Return value: INK_OK, or the error that stopped it.
 */
ink_status_t
ink__pair_score (lay_t *L, pair_memo_t *m, int32_t step, int64_t *last, bool *even,
                 bool *lone_float)
{
  for (unsigned i = 0; i < m->held; i++) {
    const pair_seen_t *seen = &m->seen[i];
    if (same (L, m, seen)) {
      *last = seen->last, *even = seen->even, *lone_float = seen->lone_float;
      L->flows += seen->flows;
      L->quote_lines_taken += seen->quote_lines;
      return INK_OK;
    }
  }
  snap_t at = L->snap;
  pair_seen_t *seen = &m->seen[m->next];
  bool kept = L->units.n >= m->first && keep (L, m, &at, seen);
  uint64_t flows = L->flows, quote_lines = L->quote_lines_taken;
  size_t paras = L->paras.n, units = L->units.n;
  ink_status_t st = ink__balance_score (L, step, last, even, lone_float);
  if (kept && (st != INK_OK || L->paras.n != paras || L->units.n != units))
    seen->n = SIZE_MAX;   /* matches no last page */
  if (seen->n == SIZE_MAX || !kept)
    return st;
  seen->last = *last, seen->even = *even, seen->lone_float = *lone_float;
  seen->flows = L->flows - flows, seen->quote_lines = L->quote_lines_taken - quote_lines;
  m->next = (m->next + 1) % PAIR_MEMO_SLOTS;
  m->held += m->held < PAIR_MEMO_SLOTS;
  return INK_OK;
}

/**
 * ink__pair_memo_free:
 * @L: the layout
 * @m: the scores remembered, their units freed
 */
void
ink__pair_memo_free (lay_t *L, pair_memo_t *m)
{
  for (unsigned i = 0; i < PAIR_MEMO_SLOTS; i++) {
    pair_seen_t *seen = &m->seen[i];
    ink__free (L->ctx, seen->units, seen->cap * sizeof *seen->units);
    ink__free (L->ctx, seen->po, seen->cap * sizeof *seen->po);
    ink__free (L->ctx, seen->lines, seen->cap * sizeof *seen->lines);
  }
}
