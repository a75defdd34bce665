/* makeup_attrib.c: the make-up checker's rule for a pull quote's attribution. Under a centred
 * quote the attribution is centred too, or set to the quote's end (its right edge, its left
 * in a right-to-left article); one set to the start, flush with the left of the measure
 * while the quote's lines centre on its middle, reads as a stray caption under the quote. */
#include "makeup_check.h"

#include <math.h>
#include <stdio.h>

#define CENTRE_TOL 1.5

typedef struct {
  double x0, x1; /* extents */
  double base;
  bool rtl, ltr; /* its paragraph's direction, when the layout says */
} span_t;

/* The quote's lines on page p for block b: their extents, and whether their centres agree
 * (*centre). Returns how many. */
static int quote_lines (const page_t *p, int b, double *x0, double *x1, double *centre,
                        bool *agree, double *widths_spread)
{
  int n = 0;
  double cmin = INFINITY, cmax = -INFINITY, wmin = INFINITY, wmax = -INFINITY;
  *x0 = INFINITY;
  *x1 = -INFINITY;
  for (size_t j = 0; j < p->n; j++) {
    const item_t *it = &p->items[j];
    if (it->kind != ITEM_LINE || it->block != b || !role_is (it, "quote") || it->w <= 0)
      continue;
    double c = it->x + it->w / 2;
    cmin = fmin (cmin, c);
    cmax = fmax (cmax, c);
    wmin = fmin (wmin, it->w);
    wmax = fmax (wmax, it->w);
    *x0 = fmin (*x0, it->x);
    *x1 = fmax (*x1, it->x + it->w);
    n++;
  }
  *centre = (cmin + cmax) / 2;
  *agree = n > 0 && cmax - cmin <= CENTRE_TOL;
  *widths_spread = n > 0 ? wmax - wmin : 0;
  return n;
}

/* The narrowest measure of page p (a column, or all its columns) holding [x0, x1]; false
 * when the page gives no columns or none holds it. */
static bool measure_of (const page_t *p, double x0, double x1, double *m0, double *m1)
{
  if (p->ncols < 1)
    return false;
  for (int c = 0; c < p->ncols; c++)
    if (x0 >= p->cols[c].x - TOL && x1 <= p->cols[c].x + p->cols[c].w + TOL) {
      *m0 = p->cols[c].x;
      *m1 = p->cols[c].x + p->cols[c].w;
      return true;
    }
  double a = p->cols[0].x, z = p->cols[0].x + p->cols[0].w;
  for (int c = 1; c < p->ncols; c++) {
    a = fmin (a, p->cols[c].x);
    z = fmax (z, p->cols[c].x + p->cols[c].w);
  }
  if (x0 < a - TOL || x1 > z + TOL)
    return false;
  *m0 = a;
  *m1 = z;
  return true;
}

/* The attribution of block b on page p as lines (its dash and its words joined by baseline);
 * returns how many, at most cap. */
static int attribution_lines (const page_t *p, int b, span_t *out, int cap)
{
  int n = 0;
  for (size_t j = 0; j < p->n; j++) {
    const item_t *it = &p->items[j];
    if (it->kind != ITEM_LINE || it->block != b || !role_is (it, "attribution") || it->w <= 0)
      continue;
    int k = 0;
    while (k < n && fabs (out[k].base - it->base) > TOL)
      k++;
    if (k == n) {
      if (n == cap)
        continue;
      out[n++] = (span_t) { it->x, it->x + it->w, it->base, it->rtl, it->ltr };
    } else {
      out[k].x0 = fmin (out[k].x0, it->x);
      out[k].x1 = fmax (out[k].x1, it->x + it->w);
      out[k].rtl = out[k].rtl || it->rtl;
      out[k].ltr = out[k].ltr && it->ltr;
    }
  }
  return n;
}

static void check_block (doc_t *d, const page_t *p, int b)
{
  double q0, q1, centre, spread, m0 = 0, m1 = 0;
  bool agree;
  if (!quote_lines (p, b, &q0, &q1, &centre, &agree, &spread) || !agree)
    return;
  bool measured = measure_of (p, q0, q1, &m0, &m1);
  /* Centred: lines of unequal length about one middle, or about the measure's middle. */
  bool centred = spread > 4 || (measured && fabs (centre - (m0 + m1) / 2) <= CENTRE_TOL);
  if (!centred)
    return;
  span_t a[8];
  int n = attribution_lines (p, b, a, 8);
  for (int i = 0; i < n; i++) {
    /* An attribution's end is its own direction's: an English quote's in an Arabic article
     * is its right. */
    bool rtl = a[i].rtl || (d->rtl && !a[i].ltr);
    double mid = (a[i].x0 + a[i].x1) / 2;
    bool at_end = rtl ? a[i].x0 <= fmin (q0, measured ? m0 : q0) + TOL
                      : a[i].x1 >= fmax (q1, measured ? m1 : q1) - TOL;
    if (fabs (mid - centre) <= CENTRE_TOL || at_end)
      continue;
    fault (d, p, "attribution-align",
           "the attribution of the pull quote of block %d (x %.2f to %.2f) is neither centred "
           "under the centred quote (middle %.2f) nor set to its end",
           b, a[i].x0, a[i].x1, centre);
    return;
  }
}

void check_attributions (doc_t *d, page_t *p)
{
  int seen[64], nseen = 0;
  for (size_t j = 0; j < p->n; j++) {
    const item_t *it = &p->items[j];
    if (it->kind != ITEM_LINE || it->block < 0 || !role_is (it, "attribution"))
      continue;
    int k = 0;
    while (k < nseen && seen[k] != it->block)
      k++;
    if (k < nseen)
      continue;
    if (nseen < 64)
      seen[nseen++] = it->block;
    check_block (d, p, it->block);
  }
}
