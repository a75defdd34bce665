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

/* A libc allocator that counts the allocations asked of it. */
static void *
counting (void *user, void *ptr, size_t old_size, size_t new_size)
{
  (void) old_size;
  if (new_size == 0) {
    free (ptr);
    return NULL;
  }
  ++*(unsigned long *) user;
  return realloc (ptr, new_size);
}

/* The allocations of laying out the fuzz input name as the pipeline fuzzer does. */
static unsigned long
allocations_of (const char *name)
{
  unsigned long count = 0, before = 0;
  fuzz_input_t f;
  if (fuzz_input_open (&f, name, counting, &count)) {
    ink_document_t *doc = NULL;
    before = count;
    ink_status_t st = ink_document_layout (f.ctx, f.a, f.tpl, f.fs, &f.opts, &doc);
    CHECK (st == INK_OK || st == INK_OVERFLOW);
    printf ("%s: %lu allocations to lay it out\n", name, count - before);
    ink_document_destroy (doc);
  }
  fuzz_input_close (&f);
  return count - before;
}

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
