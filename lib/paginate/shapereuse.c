/* paginate/shapereuse: the search of float orders (floatorder.c) lays a short article out
 * again for each plan it weighs, a dozen times at most, on the same template and fonts. Its
 * paragraphs' text, styles and languages are what they were in the layout in the article's
 * order, which the search keeps while it weighs them: each paragraph a trial sets takes its
 * shaping from there (ink__float_order_t.shaped) rather than shaping it again. The shaping of a
 * paragraph follows from its text, its style ranges, its language and direction and the
 * article's main script, with the template's fallback chains and the fontset both layouts
 * share; a paragraph a cluster of which took a face by the faces loaded so far
 * (ink__shaped_t.by_loaded) is shaped again, as the faces loaded since may change it. */
#include "layout-internal.h"

#include <string.h>

/* Whether two styles shape alike: the same face, size, tracking, grey, case and features. */
static bool
same_style (const ink__text_style_t *a, const ink__text_style_t *b)
{
  return a->face == b->face && a->size_px == b->size_px && a->tracking_em == b->tracking_em &&
         a->grey == b->grey && a->uppercase == b->uppercase && a->bold == b->bold &&
         a->italic == b->italic && a->nfeatures == b->nfeatures &&
         (a->nfeatures == 0 ||
          memcmp (a->features, b->features, a->nfeatures * sizeof *a->features) == 0);
}

/* Whether q's style ranges are p's: the same bounds, languages and styles, neighbours
 * sharing a style alike (the shaper cuts its runs where the style changes). */
static bool
same_ranges (const setpara_t *p, const setpara_t *q)
{
  if (p->nstyled != q->nstyled)
    return false;
  for (size_t k = 0; k < p->nstyled; k++) {
    const ink__style_range_t *a = &p->ranges[k], *b = &q->ranges[k];
    if (a->start != b->start || a->end != b->end || a->lang != b->lang ||
        !same_style (a->style, b->style))
      return false;
    if (k > 0 && (a->style == a[-1].style) != (b->style == b[-1].style))
      return false;
  }
  return true;
}

/* Whether p, about to be shaped in L, is shaped as q was in base. */
static bool
shaped_alike (const lay_t *L, const setpara_t *p, const lay_t *base, const setpara_t *q)
{
  return q->sh.ctx && !q->sh.by_loaded && q->role == p->role && q->block == p->block &&
         q->len == p->len && base->script == L->script && memcmp (q->text, p->text, p->len) == 0 &&
         same_ranges (p, q);
}

/* The range of q whose style run r of q's shaping has: the one its text starts in, else
 * any with that style; nstyled when none has it. */
static size_t
range_of_run (const setpara_t *q, const ink__run_t *r)
{
  for (size_t k = 0; k < q->nstyled; k++)
    if (q->ranges[k].style == r->style && r->start >= q->ranges[k].start &&
        r->start < q->ranges[k].end)
      return k;
  for (size_t k = 0; k < q->nstyled; k++)
    if (q->ranges[k].style == r->style)
      return k;
  return q->nstyled;
}

/* p's shaping as a copy of q's, each run given the style of p's range that q's run had. */
static ink_status_t
copy_shaping (lay_t *L, setpara_t *p, const setpara_t *q, bool *reused)
{
  ink_status_t st = ink__shaped_copy (L->ctx, &q->sh, p->text, &p->sh);
  if (st != INK_OK)
    return st;
  for (size_t i = 0; i < p->sh.runs.n; i++) {
    size_t k = range_of_run (q, &q->sh.runs.v[i]);
    if (k == q->nstyled) {   /* not a style of its ranges: shaped again */
      ink__shaped_free (&p->sh);
      return INK_OK;
    }
    p->sh.runs.v[i].style = p->ranges[k].style;
  }
  *reused = true;
  return INK_OK;
}

/**
 * ink__reuse_shaping:
 * @L: the layout
 * @p: a paragraph being set, its text and style ranges made, not yet shaped
 * @so: the options it is to be shaped with
 * @reused: (out): whether p->sh now holds its shaping, taken from L->order.shaped
 *
 * Return value: INK_OK, or INK_NO_MEMORY.
 */
ink_status_t
ink__reuse_shaping (lay_t *L, setpara_t *p, const ink__shape_opts_t *so, bool *reused)
{
  *reused = false;
  const lay_t *base = L->order.shaped;
  if (!base || so->lang != L->a->lang || base->a != L->a || base->fs != L->fs ||
      base->t != L->t)
    return INK_OK;
  for (size_t i = 0; i < base->paras.n; i++) {
    const setpara_t *q = base->paras.v[i];
    if (shaped_alike (L, p, base, q))
      return copy_shaping (L, p, q, reused);
  }
  return INK_OK;
}
