/* The work of the breaker's emergency pass (kp.c) on paragraphs whose breakpoints hold many
 * classes of lines: each node that reaches a breakpoint finds its class through an index,
 * not a search of the classes found there so far, and runs of flagged breaks past the one
 * that breaks the rule are one class. Work is the breaker's own count of steps, read as
 * the least work bound (ink__kp_params_t.max_work) under which it still sets the paragraph
 * in total fit rather than first fit, not timed. */
#include "kp.h"
#include "test.h"
#include "kpitems.h"

#include <stdio.h>

static ink_context_t *ctx;

/* The least max_work under which items break in total fit (a pass before the fifth). */
static size_t
work_of (const ink__kp_item_t *items, size_t n, const int32_t *widths, size_t nw)
{
  ink__kp_params_t par;
  ink__kp_params_default (&par);
  size_t lo = 1, hi = 4000000;
  while (lo < hi) {
    ink__kp_result_t r;
    par.max_work = (lo + hi) / 2;
    CHECK_EQ_INT (ink__kp_break (ctx, items, n, widths, nw, &par, &r), INK_OK);
    if (r.pass < 5)
      hi = par.max_work;
    else
      lo = par.max_work + 1;
    ink__kp_result_free (ctx, &r);
  }
  return lo;
}

/* n boxes of 8 px with a break between each that only the emergency pass takes, flagged
 * (a dash shown) when flagged. */
static void
cut_run (para_t *p, size_t n, bool flagged)
{
  for (size_t i = 0; i < n; i++) {
    if (i)
      p->v[p->n++] = (ink__kp_item_t) {.kind = INK_KP_PENALTY, .penalty = 50,
                                       .emergency = 1, .flagged = flagged};
    box (p, 8);
  }
  finish (p);
}

/* 600 letters cut into lines each measured apart, 25 of them a pixel narrower one after
 * the other (as balanced lines try them): 1 427 821 steps when each node searched its
 * breakpoint's classes, 199 829 with the index. */
#define CLASSES_WORK_MOST 400000
TEST (line_classes_indexed)
{
  static para_t p;
  p.n = 0;
  cut_run (&p, 600, false);
  int32_t widths[25];
  for (int k = 0; k < 25; k++)
    widths[k] = PX (200 - k);
  size_t work = work_of (p.v, p.n, widths, 25);
  printf ("line classes: %zu steps\n", work);
  CHECK (work <= CLASSES_WORK_MOST);
}

/* 600 letters cut at dashes, every line ending on one: more than the 4 000 000 steps of the
 * bound (first fit) when each run of flagged lines kept a class of its own, 34 511 with
 * the runs past the rule's one. */
#define RUNS_WORK_MOST 200000
TEST (flagged_runs_merged)
{
  static para_t p;
  p.n = 0;
  cut_run (&p, 600, true);
  int32_t measure = PX (200);
  size_t work = work_of (p.v, p.n, &measure, 1);
  printf ("flagged runs: %zu steps\n", work);
  CHECK (work <= RUNS_WORK_MOST);
}

int
main (void)
{
  if (ink_context_create (NULL, NULL, &ctx) != INK_OK)
    return 1;
  RUN (line_classes_indexed);
  RUN (flagged_runs_merged);
  ink_context_destroy (ctx);
  return test_summary ();
}
