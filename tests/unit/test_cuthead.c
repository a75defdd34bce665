/* A head of more lines than are balanced whose lines the breaker cut inside words (its pass
 * of emergency breaks) is given no company (balanced.c, long_company). An input the
 * pipeline fuzzer found (tests/unit/articles/cut-subhead.fuzz, its input as it reads it: a
 * byte of options, then Markdown: an Urdu article whose subhead is 25 lines of replaced
 * bytes and NULs) tried each of its lines above the last passing a word down, breaking the
 * whole subhead again in that pass at a measure per line, at each layout the float order
 * search weighed: 72 tries in 18 layouts, 77 % of the run's instructions. Work is counted,
 * in the allocations of the layout, not timed. */
#include <inkset/inkset.h>
#include <stdio.h>
#include <stdlib.h>
#include "test.h"
#include "fuzzinput.h"
#include "fuzzallocs.h"

/* 38 460 allocations when the cut subhead was given company, 15 906 without. */
#define ALLOCATIONS_MOST 25000
TEST (cut_head_given_no_company)
{
  CHECK (allocations_of ("cut-subhead.fuzz") <= ALLOCATIONS_MOST);
}

int
main (void)
{
  RUN (cut_head_given_no_company);
  return test_summary ();
}
