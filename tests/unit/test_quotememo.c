/* A pull quote set at the column's width once for a page's balance, not once for each
 * height it tries (quotememo.c). An input the pipeline fuzzer found
 * (tests/unit/articles/slow-quote.fuzz, its input as it reads it: a byte of options, then
 * Markdown: an Urdu article whose four pull quotes are replaced bytes) set its quote again
 * at each height the last page's balance tried, 2 413 times a render, in 83 % of the run's
 * instructions. Work is counted, in the allocations of the layout (each setting of the
 * quote makes its own), not timed. */
#include <inkset/inkset.h>
#include <stdio.h>
#include <stdlib.h>
#include "test.h"
#include "fuzzinput.h"
#include "fuzzallocs.h"

/* 174 273 allocations when each height tried set the quote anew, 30 660 with its setting
 * kept and taken again. */
#define ALLOCATIONS_MOST 60000
TEST (quote_set_once_per_width)
{
  CHECK (allocations_of ("slow-quote.fuzz") <= ALLOCATIONS_MOST);
}

int
main (void)
{
  RUN (quote_set_once_per_width);
  return test_summary ();
}
