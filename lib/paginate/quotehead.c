/* paginate/quotehead: no pull quote over the article's first paragraph. A pull quote across
 * the columns that the text of the last page could not take under it goes across that page's
 * top (floats.c, finish_span); when that page is the article's first, the quote stands under
 * the head, between the byline and the first paragraph, and is read before the text it pulls
 * a line from. A make-up editor sets it in its turn instead: at the column's width, in the
 * column where its paragraph ends or at the next column's top. The page is set so, balanced,
 * and the setting kept when the page then holds all it did, keeps every pull quote off and
 * apart from another, sets no float after the end of its text, and is no worse made up: its
 * columns end together if they did, no widow, orphan or keep rule is let through that was
 * not, and balancing does not reject it. Else the quote stays across the top. */
#include "layout-internal.h"
#include "makeup.h"

#include <string.h>

/* A pull quote across the columns of this page stands over its columns (above their top,
 * where a float that waited for the page goes), or NO_FLOAT. */
static size_t
quote_over_columns (const lay_t *L)
{
  const ink__page_t *pg = &L->doc->pages.v[L->page];
  for (size_t i = 0; i < L->units.n; i++) {
    const unit_t *u = &L->units.v[i];
    if (!u->float_len || !u->span || u->placed_page != L->page || !ink__is_quote (L, i))
      continue;
    for (size_t j = 0; j < pg->nl; j++) {
      const ink__lrec_t *l = &L->doc->lines.v[pg->l0 + j];
      if (ink__quote_line (L, l) && l->y < pg->body_top)
        return i;
    }
  }
  return NO_FLOAT;
}

/* The last page as now set: balancing's cost, whether its columns end together, whether a
 * keep rule was let through. */
typedef struct {
  int64_t cost;
  bool even, strained;
} made_t;

static made_t
made_up (const lay_t *L, const snap_t *sn)
{
  ink__makeup_cols_t c;
  ink__measure_page (L, sn, ink__line_step (L), &c);
  return (made_t) { ink__makeup_cost (&c), ink__makeup_even (&c), c.strained };
}

/**
 * ink__quote_off_head:
 * @L: the layout, the text ended and the last page set
 *
 * When the last page is the article's first and a pull quote across its columns stands over
 * them, sets the page again with the quote at the column's width in its turn, and keeps that
 * setting when it is no worse made up (see the file's head); else the page is set as it was.
 *
 * Return value: INK_OK, or the error that stopped it.
 */
ink_status_t
ink__quote_off_head (lay_t *L)
{
  snap_t sn = L->snap;
  if (L->full || L->ncols < 2 || L->pending != NO_FLOAT || L->pending_span != NO_FLOAT ||
      L->doc->pages.n != sn.page + 1 || sn.k > 0 || ink__text_within (L, 0, sn.ui))
    return INK_OK;
  size_t span = quote_over_columns (L);
  if (span == NO_FLOAT)
    return INK_OK;
  made_t was = made_up (L, &sn);
  size_t len = L->units.v[span].float_len;
  unit_t *saved = ink__realloc_array (L->ctx, NULL, 0, len, sizeof *saved);
  if (!saved)
    return oom (L);
  memcpy (saved, &L->units.v[span], len * sizeof *saved);
  bool better;
  ink_status_t st = ink__try_narrow_span (L, span, &sn, &better);
  if (st == INK_OK && better) {
    made_t now = made_up (L, &sn);
    better = !L->late && !L->stacked && (now.even || !was.even) &&
             (!now.strained || was.strained) && now.cost != INK_MAKEUP_REJECT;
  }
  if (st == INK_OK && !better) {
    memcpy (&L->units.v[span], saved, len * sizeof *saved);
    st = ink__set_last_page (L, &sn);
  }
  ink__realloc_array (L->ctx, saved, len, 0, sizeof *saved);
  return st;
}
