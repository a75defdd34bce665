/* paginate/quotememo: a pull quote set again at the column's width or across the columns
 * (units.c, reset_quote), kept to be taken again instead of set anew. The last page's balance
 * tries each height in turn, and at each ink__narrow_before_quote (quotes.c) sets the pull
 * quote at the column's width to weigh it, and most often puts its units back as they were:
 * the slow-quote-of-replaced-bytes-balanced-at-each-width fuzz input set its quote 2 413
 * times a render, in 83 % of the run's instructions. A setting depends only on the quote's
 * block, the measure and the quotes' size, which the key holds.
 *
 * A kept setting is taken only while no unit holds its paragraphs (free): one that stays in
 * the flow may be set looser or tighter there, and a trial that set it and put the quote
 * back gives it back (ink__quote_set_unused). A paragraph freed (ink__setpara_free: head.c,
 * leadcol.c and the pager free those the layout no longer needs) takes its setting out of
 * the memo (ink__quote_set_forget), so that none points at freed memory. The sets are the
 * layout's: kept as they are when its state is put back, freed with it. The lines of a
 * setting taken again are charged to the float order search as if set again
 * (orderbudget.c), so that its budget, measured on layouts that set them anew, buys the
 * trials it did. */
#include "layout-internal.h"

#include <string.h>

static bool
same_key (const ink__quote_set_t *q, const lay_t *L, long block, bool narrow)
{
  return q->block == block && q->narrow == narrow && q->colw == L->colw &&
         q->scale == L->order.quote_scale;
}

/* The quote's units at unit ui made again from the setting kept for block at this width, when
 * one is free and as long (len): then it is held (not free) until given back. */
bool
ink__quote_set_take (lay_t *L, long block, bool narrow, size_t ui, size_t len)
{
  for (size_t i = 0; i < L->quote_sets.n; i++) {
    ink__quote_set_t *q = &L->quote_sets.v[i];
    if (!same_key (q, L, block, narrow) || !q->free || q->len != len)
      continue;
    memcpy (&L->units.v[ui], q->units, len * sizeof *q->units);
    q->free = false;
    for (size_t k = 0; k < len; k++)
      L->quote_lines_taken += q->units[k].kind == U_PARA ? q->units[k].p->para.lines.n : 0;
    return true;
  }
  return false;
}

/* The units [ui, ui + len) that reset_quote has just set for block, kept (held) in the place
 * of any kept for the same key; without memory nothing is kept (setting it again gives it). */
void
ink__quote_set_keep (lay_t *L, long block, bool narrow, size_t ui, size_t len)
{
  if (len > INK_QUOTE_SET_UNITS)
    return;
  ink__quote_set_t q = { block, narrow, false, L->colw, L->order.quote_scale, len, { { 0 } } };
  memcpy (q.units, &L->units.v[ui], len * sizeof *q.units);
  for (size_t i = 0; i < L->quote_sets.n; i++)
    if (same_key (&L->quote_sets.v[i], L, block, narrow)) {
      L->quote_sets.v[i] = q;
      return;
    }
  (void) ink__vec_push (L->ctx, &L->quote_sets, q);
}

/* The setting held by units [ui, ui + len), which a trial now puts back as they were, is
 * free again: no unit holds it. */
void
ink__quote_set_unused (lay_t *L, size_t ui, size_t len)
{
  for (size_t i = 0; i < L->quote_sets.n; i++) {
    ink__quote_set_t *q = &L->quote_sets.v[i];
    bool same = !q->free && q->len == len;
    for (size_t k = 0; same && k < len; k++)
      same = q->units[k].kind == L->units.v[ui + k].kind && q->units[k].p == L->units.v[ui + k].p;
    if (same) {
      q->free = true;
      return;
    }
  }
}

/* The setting that holds paragraph p, which is being freed, is forgotten. */
void
ink__quote_set_forget (lay_t *L, const setpara_t *p)
{
  size_t i = 0;
  while (i < L->quote_sets.n) {
    const ink__quote_set_t *q = &L->quote_sets.v[i];
    bool holds = false;
    for (size_t k = 0; k < q->len && !holds; k++)
      holds = q->units[k].kind == U_PARA && q->units[k].p == p;
    if (holds)
      L->quote_sets.v[i] = L->quote_sets.v[--L->quote_sets.n];
    else
      i++;
  }
}
