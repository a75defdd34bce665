/* paginate/leadeven: the lead picture set again at another size, for a full page whose
 * columns the other make-up tools could not end together and full (pages.c). Taking the
 * picture down a little gives every column the same few lines of room, which the text, the
 * subheads it keeps with their lines and the floats then share out anew: where a column
 * ended short because a subhead could not come up with its two lines, another break of the
 * page may fill them all. The page's units and its paragraphs' loosenesses are kept as they
 * were before the first try, and each size starts from them, so that the page set again at
 * the picture's own size is the page as first evened. */
#include "layout-internal.h"

#include <string.h>

/**
 * ink__lead_keep:
 * @L: the layout, page @sn just flowed
 * @sn: the page's start
 * @k: (out): what the page's units and paragraphs are before any try
 *
 * Return value: INK_OK, or INK_NO_MEMORY.
 */
ink_status_t
ink__lead_keep (lay_t *L, const snap_t *sn, ink__lead_keep_t *k)
{
  *k = (ink__lead_keep_t) { sn->ui, NULL, NULL, 0 };
  size_t waiting[2] = { sn->pending, sn->pending_span };
  for (int i = 0; i < 2; i++)
    k->first = waiting[i] != NO_FLOAT && waiting[i] < k->first ? waiting[i] : k->first;
  if (k->first >= L->units.n)
    return INK_OK;
  k->n = L->units.n - k->first;
  k->units = ink__alloc (L->ctx, k->n * sizeof *k->units);
  k->loose = ink__alloc (L->ctx, k->n * sizeof *k->loose);
  if (!k->units || !k->loose) {
    ink__lead_keep_free (L, k);
    return oom (L);
  }
  memcpy (k->units, L->units.v + k->first, k->n * sizeof *k->units);
  for (size_t i = 0; i < k->n; i++)
    k->loose[i] = k->units[i].p ? k->units[i].p->po.looseness : 0;
  return INK_OK;
}

void
ink__lead_keep_free (lay_t *L, ink__lead_keep_t *k)
{
  ink__free (L->ctx, k->units, k->n * sizeof *k->units);
  ink__free (L->ctx, k->loose, k->n * sizeof *k->loose);
  *k = (ink__lead_keep_t) { 0 };
}

/* The units and paragraphs from k->first set back as kept; a unit built since, back to the
 * optimum. */
ink_status_t
ink__lead_keep_back (lay_t *L, const ink__lead_keep_t *k)
{
  ink_status_t st = INK_OK;
  if (k->n)
    memcpy (L->units.v + k->first, k->units, k->n * sizeof *k->units);
  for (size_t i = k->first; i < L->units.n && st == INK_OK; i++) {
    setpara_t *p = L->units.v[i].p;
    int want = i - k->first < k->n ? k->loose[i - k->first] : 0;
    bool met;
    if (p && L->units.v[i].kind == U_PARA && p->po.looseness != want)
      st = ink__set_para_looseness (L, p, want, true, &met);
  }
  return st;
}

/**
 * ink__lead_resize:
 * @L: the layout, the lead picture on page @sn
 * @k: the page as kept (ink__lead_keep)
 * @permille: the picture's size, in thousandths of its own
 * @sn: (inout): the page's start, its top and counts made those under the picture
 *
 * Sets the page's units back as kept, sets the lead picture again at @permille and flows the
 * page from @sn with its columns to the frame's foot (on trial while L->trial), the flow
 * stopping before the next page. L->snap becomes @sn.
 *
 * Return value: INK_OK, or the error that stopped it.
 */
ink_status_t
ink__lead_resize (lay_t *L, const ink__lead_keep_t *k, int permille, snap_t *sn)
{
  ink_status_t st = ink__lead_keep_back (L, k);
  return st == INK_OK ? ink__lead_flow (L, permille, sn) : st;
}
