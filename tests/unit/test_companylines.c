/* A pull quote of many lines whose last is one word passes it company from no further up
 * than COMPANY_WORK pays for (balanced.c, give_last_company and first_fit_company): each try
 * breaks the whole quote again. An input the pipeline fuzzer found
 * (tests/unit/articles/long-quote.fuzz, its input as it reads it: a byte of options, then
 * Markdown) sets a quote of 88 lines of replaced bytes, and each of its layouts broke it 87
 * times more; tried from ten lines up at most, 10 times and 87 first fit. Work is counted,
 * in the allocations of the layout (each breaking of the quote makes its own), not timed. */
#include <inkset/inkset.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "test.h"
#include "fuzzinput.h"
#include "fuzzallocs.h"

/* 18 074 allocations with tries from 10 lines up and first fit from each line, 3 218 with
 * both within COMPANY_WORK. */
#define ALLOCATIONS_MOST 8000
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
