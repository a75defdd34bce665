/* A pull quote of many lines whose last is one word passes it company from at most
 * COMPANY_LINES lines up (balanced.c, give_last_company): each try breaks the whole quote
 * again. An input the pipeline fuzzer found (tests/unit/articles/long-quote.fuzz, its input as
 * it reads it: a byte of options, then Markdown) sets a quote of 88 lines of replaced bytes,
 * and each of its layouts broke it 87 times more. Work is counted, in the allocations of the
 * layout (each breaking of the quote makes its own), not timed. */
#include <inkset/inkset.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "test.h"
#include "fuzzinput.h"
#include "fuzzallocs.h"

/* 362 134 allocations with no bound on the lines tried, 201 186 with it. */
#define ALLOCATIONS_MOST 240000
TEST (long_quote_company_bounded)
{
  CHECK (allocations_of ("long-quote.fuzz") <= ALLOCATIONS_MOST);
}

int
main (void)
{
  RUN (long_quote_company_bounded);
  return test_summary ();
}
