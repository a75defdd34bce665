/* The float order search spends a bounded work (orderbudget.c): the lines its trials set,
 * against those of the article's layout in its own order. An article the pipeline fuzzer
 * found (tests/unit/articles/quote-reset.fuzz, its input as it reads it: a byte of options,
 * then Markdown) with pull quotes of letters that no space breaks: the trials that moved its
 * quotes set one again at the column's width at every height the last page's balance tried,
 * and the search took two seconds. Work is counted, not timed. */
#include <inkset/inkset.h>
#include <stdio.h>
#include <string.h>
#include "article.h"
#include "layout-internal.h"
#include "paginate.h"
#include "template.h"
#include "floatorder.h"
#include "test.h"
#include "fuzzinput.h"

/* The work of the article's layout in its order (*own) and of its float order search
 * (*search), in lines set, the fuzz input name laid out as the pipeline fuzzer does. */
static void
works_of (const char *name, uint64_t *own, uint64_t *search)
{
  *own = *search = UINT64_MAX;
  fuzz_input_t f;
  bool after = false;
  lay_t L;
  ink_document_t *doc = NULL;
  ink__float_order_t order = { .n = 0 }, plan;
  if (fuzz_input_open (&f, name, NULL, NULL) &&
      ink__short_quote_place (f.ctx, f.a, f.tpl, f.fs, &f.opts, &after) == INK_OK &&
      ink__lay_out (f.ctx, f.a, f.tpl, f.fs, &f.opts, after, &order, &L, &doc) == INK_OK && doc) {
    CHECK_EQ_INT (ink__float_order_search (&L, &f.opts, &plan, search), INK_OK);
    *own = 0;
    for (size_t i = 0; i < L.paras.n; i++)
      *own += L.paras.v[i]->para.lines.n;
    printf ("%s: first layout %llu lines, the search %llu\n", name, (unsigned long long) *own,
            (unsigned long long) *search);
    ink__layout_free (&L);
    ink_document_destroy (doc);
  }
  fuzz_input_close (&f);
}

/* The search may set 48 times the lines of the first layout (orderbudget.c, ORDER_WORK).
 * Unbounded, it set 538 times as many (43 047 lines), its first two trials 28 and 109 times;
 * bounded, it stops after the first. */
#define SEARCH_MOST 48
TEST (quote_reset_search_bounded)
{
  uint64_t own, search;
  works_of ("quote-reset.fuzz", &own, &search);
  CHECK (own > 0 && own < UINT64_MAX);
  CHECK (search <= SEARCH_MOST * own);
}

int
main (void)
{
  RUN (quote_reset_search_bounded);
  return test_summary ();
}
