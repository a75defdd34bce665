/* paginate/evenfloat: a float moved to another column of a full page. A pull quote across the
 * columns that the flow could not fit under a page's text waits for the next page's top, and
 * the page it follows may then end its columns short or apart, with nothing else to fill
 * them (the next page opening with the quote and a subhead kept with its lines). A make-up
 * editor sets the quote at the column's width in this page's columns instead, after the text
 * it follows: the flow places it there as it places any float, so it keeps its reading order.
 * The page is evened again (pages.c); the setting is kept when the quote then stands on this
 * page, under text in its column or at its top over no hole (stands_well), and the page
 * scores 0 (its columns together and full) with no rule let through and no line alone
 * (ink__even_fault); else the quote goes back across the columns and the page is flowed and
 * evened again as the first time. So too, on any page, when the quote waiting would be read
 * after more of the text that follows it than a reader carries a quote over
 * (ink__quote_far): the setting is then kept when the page passes with its columns together
 * and full, though balancing's cost for it is not 0 or a line stands alone at a column's
 * foot or top as the template's lone-lines allow (passes), and the quote at a column's top
 * stands over no more than the white it sets under itself anywhere in a column and the line
 * step the text under it snaps by (hangzhou-canal.zh kiosk-10.3 read its quote eleven
 * paragraphs late across page 2's top, river-recovery print-a4 over the comments). */
#include "even.h"

#include <string.h>

/* The pull quote across the columns that the flow met on the page being evened and that
 * waits for the next page's top (L set with e's best setting), or NO_FLOAT. */
static size_t
waiting_quote (const lay_t *L, const even_t *e)
{
  size_t span = L->next.pending_span;
  if (!L->broke || span == NO_FLOAT || span >= L->units.n || L->ncols < 2 ||
      e->sn.pending_span == span || span < e->sn.ui || !ink__is_quote (L, span))
    return NO_FLOAT;
  return span;
}

/* The paragraphs a search of the page set a line longer or shorter, or tried so (e->now),
 * set back to their best setting (looseness 0), as the page's first flow had them. */
static ink_status_t
set_back (lay_t *L, const even_t *e)
{
  ink_status_t st = INK_OK;
  bool met;
  for (size_t i = 0; i < e->nnow && st == INK_OK; i++)
    st = ink__set_para_looseness (L, L->units.v[e->now[i].ui].p, 0, true, &met);
  return st;
}

/* Flows the page of e again from its start, every column down to the frame's foot. */
static ink_status_t
flow_again (lay_t *L, const even_t *e)
{
  ink__restore_snap (L, &e->sn, L->bottom);
  L->strained = false;
  return ink__resume_snap (L, &e->sn);
}

/* White under a pull quote that opens its column, from its last line to the text under it,
 * of this many line steps or more is a hole: room for two lines (as a full page's column
 * short of its foot). Set at a column's top over a subhead, a quote stood over 2.9 line steps
 * of white on a kiosk-10.3 trial page, which passed the check and looked wrong; over a
 * paragraph's first lines it stands over no more white than under text (surat-diamonds.gu
 * kiosk-7.5 p1: 1.4 steps from its attribution to the list's lead-in). */
#define QUOTE_WHITE_STEPS 2

/* Whether line l lies in physical column c of the page. */
static bool
in_column (const lay_t *L, const ink__lrec_t *l, unsigned c)
{
  int32_t x0 = L->left + (int32_t) c * (L->colw + L->gutter), x1 = x0 + L->colw;
  return l->x < x1 && l->x + l->w > x0 && l->w <= L->colw + 64;
}

/* The white in column c of the page just set between the lowest line of article block
 * `block` and the highest line under it, or INT64_MAX when no line is under it. */
static int64_t
white_under (const lay_t *L, unsigned c, long block)
{
  const ink__page_t *pg = &L->doc->pages.v[L->page];
  const ink__lrec_t *v = L->doc->lines.v + pg->l0;
  int64_t foot = INT64_MIN, next = INT64_MAX;
  for (size_t i = 0; i < pg->nl; i++)
    if (v[i].block == block && v[i].y >= pg->body_top && in_column (L, &v[i], c) &&
        (int64_t) v[i].y + v[i].h > foot)
      foot = (int64_t) v[i].y + v[i].h;
  for (size_t i = 0; i < pg->nl; i++)
    if (v[i].block != block && !v[i].generated && v[i].y >= foot && in_column (L, &v[i], c) &&
        v[i].y < next)
      next = v[i].y;
  return next == INT64_MAX || foot == INT64_MIN ? INT64_MAX : next - foot;
}

/* The white the pull quote at unit span sets under its last line wherever it stands: that
 * line's space after, and its rule with the rule's space. */
static int64_t
own_white (const lay_t *L, size_t span)
{
  int64_t white = 0;
  for (size_t i = span; i < span + L->units.v[span].float_len && i < L->units.n; i++) {
    const unit_t *u = &L->units.v[i];
    if (u->kind == U_PARA)
      white = u->space_after;
    else
      white += (int64_t) u->space_before + u->h + u->space_after;
  }
  return white;
}

/* The page just set holds the pull quote at unit span under text of its column, or opening
 * its column over text that starts less than QUOTE_WHITE_STEPS line steps (step) under it;
 * with `far`, one that otherwise waits for the next page out of its text's reach, over no
 * more white than its own and the line step the text under it snaps to the grid by. */
static bool
stands_well (const lay_t *L, size_t span, int32_t step, bool far)
{
  long block = -1;
  for (size_t i = span; i < span + L->units.v[span].float_len && block < 0; i++)
    block = L->units.v[i].block;
  int64_t most = QUOTE_WHITE_STEPS * (int64_t) step, own = own_white (L, span) + step;
  if (far && own > most)
    most = own;
  for (unsigned c = 0; c < L->ncols; c++) {
    const ink__lrec_t *top = ink__edge_line (L, c, true);
    if (top && top->block == block)
      return white_under (L, c, block) < most;
  }
  return true;
}

/* The page set with e's best setting (ink__even_fault just set it, finding fault or clean)
 * passes: clean, scoring 0; with `far`, its columns together and full with no rule let
 * through, though a line stands alone as the template's lone-lines allow and balancing's
 * cost for it is more than 0. */
static bool
passes (const lay_t *L, const even_t *e, bool far, bool fault, bool clean)
{
  if (!far)
    return clean && e->best_cost == 0;
  ink__makeup_cols_t c;
  ink__measure_page (L, &e->sn, e->step, &c);
  return !fault && !c.strained;
}

/* The page of e, set on trial with the far pull quote in its columns and found at fault,
 * judged again as it will be printed: a column that ends a line step short of the others
 * takes the step between two of its paragraphs (vjust.c), as on any full page whose text
 * goes on; the quote in reach is worth that white (held-out th-0.th kiosk-7.5: its quote at
 * page 2's second column top under its passage's column, not across page 3's top six blocks
 * on). */
static void
judge_printed (lay_t *L, const even_t *e, bool *fault, bool *clean)
{
  ink__vjust_trial (L, e->sn.page);
  ink__even_judge (L, e, fault, clean);
}

/**
 * ink__even_float:
 * @L: the layout, the page of L->snap evened into @e
 * @e: the page's best setting (pages.c); replaced when the quote is moved
 * @far: the pull quote waiting is out of its text's reach (ink__quote_far, the page as first
 *   set)
 * @set: set when the page is to be set again with @e
 *
 * When the page, evened, still ends its columns apart or short, or with @far, and a pull
 * quote it follows waits across the next page's top, sets the quote at the column's width
 * and evens the page again (see the file's head). The quote stays across the columns unless
 * the page then ends its columns together and full with the quote on it.
 *
 * Return value: INK_OK, or the error that stopped it.
 */
ink_status_t
ink__even_float (lay_t *L, even_t *e, bool far, bool *set)
{
  bool fault, clean, narrowed = false;
  if (!*set && !far)
    return INK_OK;   /* left as first set: its columns end together and full */
  *set = true;   /* the trials below set the page on trial: it is set again */
  ink_status_t st = ink__even_fault (L, e, &fault, &clean);
  size_t span = st == INK_OK && (fault || far) ? waiting_quote (L, e) : NO_FLOAT;
  if (span == NO_FLOAT)
    return st;
  /* The page's units (their spaces may be cut) and paragraphs, to set back as they were. */
  size_t first = e->sn.ui;
  first = e->sn.pending < first ? e->sn.pending : first;   /* floats queued from before */
  first = e->sn.pending_span < first ? e->sn.pending_span : first;
  size_t nsaved = L->units.n - first;
  unit_t *saved = ink__units_copy (L, first, nsaved);
  if (!saved)
    return INK_NO_MEMORY;
  const even_t was = *e;
  if ((st = set_back (L, &was)) == INK_OK)
    st = ink__narrow_float (L, span, &narrowed);
  bool kept = false, moved_set = false;
  if (st == INK_OK && narrowed && (st = flow_again (L, &was)) == INK_OK &&
      (st = ink__even_search (L, e, &moved_set)) == INK_OK &&
      (st = ink__even_fault (L, e, &fault, &clean)) == INK_OK) {
    if (far && fault)
      judge_printed (L, e, &fault, &clean);
    kept = passes (L, e, far, fault, clean) && L->units.v[span].placed_page == e->sn.page &&
           stands_well (L, span, e->step, far);
  }
  if (st == INK_OK && !kept) {
    /* Searched again as the first time, from the page as first flowed. */
    memcpy (&L->units.v[first], saved, nsaved * sizeof *saved);
    if ((st = set_back (L, e)) == INK_OK && (st = flow_again (L, &was)) == INK_OK)
      st = ink__even_search (L, e, set);
  }
  *set |= kept;
  ink__realloc_array (L->ctx, saved, nsaved, 0, sizeof *saved);
  return st;
}
