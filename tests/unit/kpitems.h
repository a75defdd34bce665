/* Knuth–Plass items for the breaker's tests: boxes, interword glue, hyphens and the
 * paragraph's end, in px, and a check that a result's breaks are legal. Include after test.h
 * and kp.h. */
#ifndef INK_KPITEMS_H
#define INK_KPITEMS_H

#define PX(x) ((int32_t) ((x) * 64))

typedef struct { ink__kp_item_t v[4096]; size_t n; } para_t;

static inline void
box (para_t *p, double w)
{
  p->v[p->n++] = (ink__kp_item_t) {.kind = INK_KP_BOX, .width = PX (w)};
}

static inline void
space (para_t *p)
{
  /* Interword glue: 6 px, stretch 3, shrink 2. */
  p->v[p->n++] = (ink__kp_item_t) {.kind = INK_KP_GLUE, .width = PX (6), .stretch = PX (3), .shrink = PX (2)};
}

static inline void
hyphen (para_t *p)
{
  p->v[p->n++] = (ink__kp_item_t) {.kind = INK_KP_PENALTY, .width = PX (4), .penalty = 50,
                                   .flagged = 1, .hyphen = 1};
}

static inline void
finish (para_t *p)
{
  p->v[p->n++] = (ink__kp_item_t) {.kind = INK_KP_GLUE, .stretch = INK_KP_FIL};
  p->v[p->n++] = (ink__kp_item_t) {.kind = INK_KP_PENALTY, .penalty = -INK_KP_INF};
}

/* Words of the given widths separated by spaces. */
static inline void
words (para_t *p, const double *w, size_t n)
{
  for (size_t i = 0; i < n; i++) {
    if (i)
      space (p);
    box (p, w[i]);
  }
}

/* 24 words, two of every three of two syllables (a hyphen between them). */
static inline void
syllables (para_t *p)
{
  for (int i = 0; i < 24; i++) {
    if (i)
      space (p);
    box (p, 20 + (i * 7) % 23);
    if (i % 3 != 1) {
      hyphen (p);
      box (p, 15 + (i * 11) % 17);
    }
  }
  finish (p);
}

static inline bool
valid_breaks (const para_t *p, const ink__kp_result_t *r)
{
  if (r->nbreaks == 0 || r->breaks[r->nbreaks - 1] != p->n - 1)
    return false;
  for (size_t k = 0; k < r->nbreaks; k++) {
    if (k && r->breaks[k] <= r->breaks[k - 1])
      return false;
    if (p->v[r->breaks[k]].kind == INK_KP_BOX)
      return false;
  }
  return true;
}

#endif
