/* paginate/evenfloat: a float moved to another column of a full page. A pull quote across the
 * columns that the flow could not fit under a page's text waits for the next page's top, and
 * the page it follows may then end its columns short or apart, with nothing else to fill
 * them (the next page opening with the quote and a subhead kept with its lines). A make-up
 * editor sets the quote at the column's width in this page's columns instead, after the text
 * it follows: the flow places it there as it places any float, so it keeps its reading order.
 * The page is evened again (pages.c); the setting is kept when the quote then stands on this
 * page and its columns end together and full, with no rule let through and no line alone
 * (ink__even_fault); else the quote goes back across the columns and the page is set as it
 * was. */
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

/* The paragraphs the search set a line longer or shorter (e->kept) set as e has them when
 * `own`, else back to their best setting (looseness 0). */
static ink_status_t
set_kept (lay_t *L, const even_t *e, bool own)
{
  ink_status_t st = INK_OK;
  bool met;
  for (size_t i = 0; i < e->nkept && st == INK_OK; i++)
    st = ink__set_para_looseness (L, L->units.v[e->kept[i].ui].p, own ? e->kept[i].loose : 0,
                                  true, &met);
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

/**
 * ink__even_float:
 * @L: the layout, the page of L->snap evened into @e
 * @e: the page's best setting (pages.c); replaced when the quote is moved
 * @set: set when the page is to be set again with @e
 *
 * When the page, evened, still ends its columns apart or short and a pull quote it follows
 * waits across the next page's top, sets the quote at the column's width and evens the page
 * again (see the file's head). The quote stays across the columns unless the page then ends
 * its columns together and full with the quote on it.
 *
 * Return value: INK_OK, or the error that stopped it.
 */
ink_status_t
ink__even_float (lay_t *L, even_t *e, bool *set)
{
  bool fault, clean, narrowed = false;
  if (!*set)
    return INK_OK;   /* left as first set: its columns end together and full */
  ink_status_t st = ink__even_fault (L, e, &fault, &clean);
  size_t span = st == INK_OK && fault ? waiting_quote (L, e) : NO_FLOAT;
  if (span == NO_FLOAT)
    return st;
  size_t len = L->units.v[span].float_len;
  unit_t *saved = ink__units_copy (L, span);
  if (!saved)
    return INK_NO_MEMORY;
  const even_t was = *e;
  if ((st = set_kept (L, &was, false)) == INK_OK)
    st = ink__narrow_float (L, span, &narrowed);
  bool kept = false, moved_set = false;
  if (st == INK_OK && narrowed && (st = flow_again (L, &was)) == INK_OK &&
      (st = ink__even_search (L, e, &moved_set)) == INK_OK &&
      (st = ink__even_fault (L, e, &fault, &clean)) == INK_OK)
    kept = clean && e->best_cost == 0 && L->units.v[span].placed_page == e->sn.page;
  if (st == INK_OK && !kept) {
    memcpy (&L->units.v[span], saved, len * sizeof *saved);
    if ((st = set_kept (L, e, false)) == INK_OK)
      st = set_kept (L, &was, true);
    *e = was;
  }
  *set |= kept || narrowed;
  ink__realloc_array (L->ctx, saved, len, 0, sizeof *saved);
  return st;
}
