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

/* Paragraph p as it is now, kept in *k (its lines copied). */
static ink_status_t
keep_para (lay_t *L, const setpara_t *p, ink__kept_para_t *k)
{
  size_t n = p->para.lines.n;
  *k = (ink__kept_para_t) { .step = p->step, .base_off = p->base_off,
                            .looseness = p->po.looseness };
  memcpy (k->kept_hyphen, p->kept_hyphen, sizeof k->kept_hyphen);
  if (n && p->heights) {
    if (!(k->heights = ink__alloc_array (L->ctx, n, sizeof *k->heights)))
      return oom (L);
    memcpy (k->heights, p->heights, n * sizeof *k->heights);
  }
  if (ink__para_copy (L->ctx, &p->para, &k->para) != INK_OK) {
    ink__free (L->ctx, k->heights, n * sizeof *k->heights);
    k->heights = NULL;
    return oom (L);
  }
  return INK_OK;
}

static void
free_kept_para (lay_t *L, ink__kept_para_t *k)
{
  ink__free (L->ctx, k->heights, k->para.lines.n * sizeof *k->heights);
  ink__para_free (&k->para);
  *k = (ink__kept_para_t) { 0 };
}

/**
 * ink__lead_keep:
 * @L: the layout, page @sn just flowed
 * @sn: the page's start
 * @k: (out): what the page's units and paragraphs are before any try
 *
 * Keeps the units from the page's start on and their paragraphs' lines as they are broken
 * (at a looseness, or again at a column's foot, foot.c), to set them back exactly.
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
  k->units = ink__alloc_array (L->ctx, k->n, sizeof *k->units);
  k->paras = ink__realloc_array (L->ctx, NULL, 0, k->n, sizeof *k->paras);
  if (k->paras)
    memset (k->paras, 0, k->n * sizeof *k->paras);
  if (!k->units || !k->paras) {
    ink__lead_keep_free (L, k);
    return oom (L);
  }
  memcpy (k->units, L->units.v + k->first, k->n * sizeof *k->units);
  ink_status_t st = INK_OK;
  for (size_t i = 0; i < k->n && st == INK_OK; i++)
    if (k->units[i].kind == U_PARA && k->units[i].p)
      st = keep_para (L, k->units[i].p, &k->paras[i]);
  if (st != INK_OK)
    ink__lead_keep_free (L, k);
  return st;
}

void
ink__lead_keep_free (lay_t *L, ink__lead_keep_t *k)
{
  for (size_t i = 0; k->paras && i < k->n; i++)
    free_kept_para (L, &k->paras[i]);
  ink__free (L->ctx, k->units, k->n * sizeof *k->units);
  ink__free (L->ctx, k->paras, k->n * sizeof *k->paras);
  *k = (ink__lead_keep_t) { 0 };
}

/* Lines a and b start and end at the same text, at the same measure and place. */
static bool
same_lines (const ink__para_t *a, const ink__para_t *b)
{
  if (a->lines.n != b->lines.n)
    return false;
  for (size_t i = 0; i < a->lines.n; i++) {
    const ink__line_t *x = &a->lines.v[i], *y = &b->lines.v[i];
    if (x->start != y->start || x->end != y->end || x->hyphenated != y->hyphenated ||
        x->measure != y->measure || x->left != y->left || x->width != y->width)
      return false;
  }
  return true;
}

/* Paragraph p set back with the lines kept in k, when it was broken otherwise since. */
static ink_status_t
para_back (lay_t *L, setpara_t *p, const ink__kept_para_t *k)
{
  if (p->po.looseness == k->looseness && same_lines (&p->para, &k->para))
    return INK_OK;
  ink__para_t again;
  int32_t *heights = NULL;
  size_t n = k->para.lines.n;
  if (ink__para_copy (L->ctx, &k->para, &again) != INK_OK)
    return oom (L);
  if (n && k->heights) {
    if (!(heights = ink__alloc_array (L->ctx, n, sizeof *heights))) {
      ink__para_free (&again);
      return oom (L);
    }
    memcpy (heights, k->heights, n * sizeof *heights);
  }
  ink__free (L->ctx, p->heights, p->para.lines.n * sizeof *p->heights);
  ink__para_free (&p->para);
  p->para = again;
  p->heights = heights;
  p->step = k->step;
  p->base_off = k->base_off;
  p->po.looseness = k->looseness;
  memcpy (p->kept_hyphen, k->kept_hyphen, sizeof p->kept_hyphen);
  return INK_OK;
}

/* The units and paragraphs from k->first set back as kept, each paragraph with the very lines
 * it had; a unit built since, back to the optimum. */
ink_status_t
ink__lead_keep_back (lay_t *L, const ink__lead_keep_t *k)
{
  ink_status_t st = INK_OK;
  if (k->n)
    memcpy (L->units.v + k->first, k->units, k->n * sizeof *k->units);
  for (size_t i = k->first; i < L->units.n && st == INK_OK; i++) {
    setpara_t *p = L->units.v[i].p;
    bool met;
    if (!p || L->units.v[i].kind != U_PARA)
      continue;
    if (i - k->first < k->n && k->paras[i - k->first].para.ctx)
      st = para_back (L, p, &k->paras[i - k->first]);
    else if (p->po.looseness != 0)
      st = ink__set_para_looseness (L, p, 0, true, &met);
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
