/* The last page's balance score in one full page's pair trials is remembered by what the
 * last page is set from (pairmemo.c). An input the pipeline fuzzer found
 * (tests/unit/articles/pair-trials-same-last-page.fuzz, its input as it reads it: a byte of
 * options, then Markdown: a short English profile under a tall head, a picture and pull
 * quotes of Urdu front matter run together) balanced its last page 856 times a render in the
 * pair trials of 89 full pages, all but 119 of them again at a start scored before in the
 * same trials: 61 % of the run's instructions. Work is counted, in the last pages one
 * layout scores (lay_t's balance_scores), not timed. */
#include <inkset/inkset.h>
#include <stdio.h>
#include <stdlib.h>
#include "layout-internal.h"
#include "floatorder.h"
#include "test.h"
#include "fuzzinput.h"

/* The last pages scored by a layout of the fuzz input name that the float order search
 * weighs (floatorder.c), its pull quotes at three quarters of their size, as the pipeline
 * fuzzer lays it out; its pages (*pages). */
static uint64_t
scores_of (const char *name, size_t *pages)
{
  uint64_t n = UINT64_MAX;
  fuzz_input_t f;
  *pages = 0;
  bool after = false;
  lay_t L;
  ink_document_t *doc = NULL;
  ink__float_order_t order = { .n = 0 };
  if (fuzz_input_open (&f, name, NULL, NULL) &&
      ink__short_quote_place (f.ctx, f.a, f.tpl, f.fs, &f.opts, &after) == INK_OK &&
      ink__lay_out (f.ctx, f.a, f.tpl, f.fs, &f.opts, after, &order, &L, &doc) == INK_OK && doc) {
    lay_t T;
    ink_document_t *tdoc = NULL;
    ink__float_order_t plan = { .n = 0, .quote_scale = 0.75f, .trial = true, .shaped = &L };
    ink_status_t st = ink__lay_out (f.ctx, f.a, f.tpl, f.fs, &f.opts, after, &plan, &T, &tdoc);
    CHECK (st == INK_OK || st == INK_OVERFLOW);
    if (tdoc) {
      n = T.balance_scores;
      *pages = ink_document_page_count (tdoc);
      ink__layout_free (&T);
      ink_document_destroy (tdoc);
    }
    ink__layout_free (&L);
    ink_document_destroy (doc);
  }
  fuzz_input_close (&f);
  return n;
}

/* 170 last pages scored when each pair trial balanced its last page again, 36 with the
 * scores remembered, the same pages. */
#define SCORES_MOST 80
TEST (pair_trials_remember_last_page)
{
  size_t pages;
  uint64_t n = scores_of ("pair-trials-same-last-page.fuzz", &pages);
  printf ("pair-trials-same-last-page: %llu last pages scored, %zu pages\n",
          (unsigned long long) n, pages);
  CHECK (n <= SCORES_MOST);
  CHECK (pages >= 1);
}

int
main (void)
{
  RUN (pair_trials_remember_last_page);
  return test_summary ();
}
