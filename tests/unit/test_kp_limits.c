/* Knuth–Plass line breaking at its limits: items that cannot be a paragraph are refused,
 * the work bound sends a paragraph to first fit, a failed allocation returns
 * INK_NO_MEMORY and leaks nothing, and widths at the bound of lib/para/width.h never wrap.
 * The breaks themselves are in test_kp.c. */
#include "kp.h"
#include "test.h"
#include "kpitems.h"

#include <math.h>

static ink_context_t *ctx;

TEST (invalid)
{
  para_t p = {.n = 0};
  box (&p, 10);
  int32_t measure = PX (100);
  ink__kp_result_t r;
  CHECK_EQ_INT (ink__kp_break (ctx, p.v, p.n, &measure, 1, NULL, &r), INK_INVALID);
  CHECK_EQ_INT (ink__kp_greedy (ctx, p.v, p.n, &measure, 1, &r), INK_INVALID);
  finish (&p);
  CHECK_EQ_INT (ink__kp_break (ctx, p.v, p.n, &measure, 0, NULL, &r), INK_INVALID);
  CHECK_EQ_INT (ink__kp_break (ctx, p.v, 0, &measure, 1, NULL, &r), INK_OK);
  CHECK_EQ_INT (r.nbreaks, 0);
}

TEST (work_bound)
{
  /* 100000 boxes with an emergency point between each: quadratic for total fit, so the
   * node budget runs out and first fit finishes the job. */
  size_t n = 200000;
  ink__kp_item_t *v = calloc (n + 2, sizeof *v);
  CHECK (v != NULL);
  if (!v)
    return;
  for (size_t i = 0; i < n; i++)
    v[i] = (i % 2 == 0) ? (ink__kp_item_t) {.kind = INK_KP_BOX, .width = PX (1)}
                        : (ink__kp_item_t) {.kind = INK_KP_PENALTY, .penalty = 0, .emergency = 1};
  v[n] = (ink__kp_item_t) {.kind = INK_KP_GLUE, .stretch = INK_KP_FIL};
  v[n + 1] = (ink__kp_item_t) {.kind = INK_KP_PENALTY, .penalty = -INK_KP_INF};
  int32_t measure = PX (1000);
  ink__kp_result_t r;
  CHECK_EQ_INT (ink__kp_break (ctx, v, n + 2, &measure, 1, NULL, &r), INK_OK);
  CHECK_EQ_INT (r.pass, 5);
  CHECK_EQ_INT (r.nbreaks, 100);
  CHECK_EQ_INT (r.overfull_lines, 0);
  ink__kp_result_free (ctx, &r);

  /* No break opportunity at all: one overfull line, found in linear time. */
  for (size_t i = 0; i < n; i++)
    v[i] = (ink__kp_item_t) {.kind = INK_KP_BOX, .width = PX (1)};
  CHECK_EQ_INT (ink__kp_break (ctx, v, n + 2, &measure, 1, NULL, &r), INK_OK);
  CHECK_EQ_INT (r.nbreaks, 1);
  CHECK_EQ_INT (r.overfull_lines, 1);
  ink__kp_result_free (ctx, &r);

  /* A small explicit budget sends an ordinary paragraph to first fit too. */
  for (size_t i = 0; i < 2000; i++)
    v[i] = (i % 2 == 0) ? (ink__kp_item_t) {.kind = INK_KP_BOX, .width = PX (30)}
                        : (ink__kp_item_t) {.kind = INK_KP_GLUE, .width = PX (6), .stretch = PX (3), .shrink = PX (2)};
  v[1999] = (ink__kp_item_t) {.kind = INK_KP_GLUE, .stretch = INK_KP_FIL};
  v[2000] = (ink__kp_item_t) {.kind = INK_KP_PENALTY, .penalty = -INK_KP_INF};
  ink__kp_params_t par;
  ink__kp_params_default (&par);
  par.max_work = 100;
  CHECK_EQ_INT (ink__kp_break (ctx, v, 2001, &measure, 1, &par, &r), INK_OK);
  CHECK_EQ_INT (r.pass, 5);
  ink__kp_result_free (ctx, &r);
  par.max_work = 0;
  CHECK_EQ_INT (ink__kp_break (ctx, v, 2001, &measure, 1, &par, &r), INK_OK);
  CHECK (r.pass <= 2);
  ink__kp_result_free (ctx, &r);
  free (v);
}

/* Fails allocation number `left` and every one after it. */
typedef struct { long left; } failing_t;
static void *
failing_realloc (void *user, void *ptr, size_t old_size, size_t new_size)
{
  failing_t *f = user;
  (void) old_size;
  if (new_size == 0) {
    free (ptr);
    return NULL;
  }
  if (f->left-- <= 0)
    return NULL;
  return realloc (ptr, new_size);
}

TEST (out_of_memory)
{
  static const double w[] = {40, 40, 40, 40, 90, 40, 40, 40, 40, 90};
  para_t p = {.n = 0};
  words (&p, w, 10);
  finish (&p);
  int32_t measure = PX (200);
  bool done = false;
  for (long fail = 1; fail < 200 && !done; fail++) {
    failing_t f = {1000};
    ink_context_t *c;
    if (ink_context_create (failing_realloc, &f, &c) != INK_OK)
      continue;
    f.left = fail;
    ink__kp_result_t r;
    ink_status_t st = ink__kp_break (c, p.v, p.n, &measure, 1, NULL, &r);
    CHECK (st == INK_OK || st == INK_NO_MEMORY);
    if (st == INK_OK) {
      done = true;
      ink__kp_result_free (c, &r);
    }
    size_t cur, peak, base = 0;
    ink_context_memory (c, &cur, &peak);
    ink_context_t *fresh;
    if (ink_context_create (NULL, NULL, &fresh) == INK_OK) {
      ink_context_memory (fresh, &base, &peak);
      ink_context_destroy (fresh);
    }
    CHECK_EQ_INT (cur, base);
    ink_context_destroy (c);
  }
  CHECK (done);
}

/* Items at the bound of lib/para/width.h (2^29 each): the sums of a line pass 2^31, and
 * the breaker still sees each pair as too wide (no sum wraps), in total fit, first fit and
 * the demerits alike. Every line holds one box and none is overfull. */
TEST (huge_widths)
{
  const int32_t big = INT32_C (1) << 29;
  para_t p = {.n = 0};
  for (int i = 0; i < 8; i++) {
    if (i)
      p.v[p.n++] = (ink__kp_item_t) {.kind = INK_KP_GLUE, .width = big / 4, .stretch = INK_KP_FIL - 1,
                                     .shrink = big / 8};
    p.v[p.n++] = (ink__kp_item_t) {.kind = INK_KP_BOX, .width = big};
    p.v[p.n++] = (ink__kp_item_t) {.kind = INK_KP_PENALTY, .width = big, .penalty = 1000,
                                   .emergency = 1};
    p.v[p.n++] = (ink__kp_item_t) {.kind = INK_KP_BOX, .width = big};
  }
  finish (&p);
  int32_t measure = big * 3;   /* two boxes fit, three do not */
  ink__kp_params_t par;
  ink__kp_params_default (&par);
  ink__kp_result_t r[2];
  CHECK_EQ_INT (ink__kp_break (ctx, p.v, p.n, &measure, 1, &par, &r[0]), INK_OK);
  CHECK_EQ_INT (ink__kp_greedy (ctx, p.v, p.n, &measure, 1, &r[1]), INK_OK);
  for (int k = 0; k < 2; k++) {
    CHECK (valid_breaks (&p, &r[k]));
    CHECK_EQ_INT (r[k].overfull_lines, 0);
    CHECK_EQ_INT (r[k].nbreaks, 8);
    CHECK (isfinite (r[k].demerits) && r[k].demerits >= 0);
    for (size_t i = 0; i < r[k].nbreaks; i++)
      CHECK (r[k].ratios[i] >= -1);
    ink__kp_result_free (ctx, &r[k]);
  }
}

int
main (void)
{
  if (ink_context_create (NULL, NULL, &ctx) != INK_OK)
    return 1;
  RUN (invalid);
  RUN (work_bound);
  RUN (out_of_memory);
  RUN (huge_widths);
  ink_context_destroy (ctx);
  return test_summary ();
}
