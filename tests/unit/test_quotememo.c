/* A pull quote set at the column's width once for a page's balance, not once for each height
 * it tries (quotememo.c). An input the pipeline fuzzer found (tests/unit/articles/slow-quote.fuzz,
 * its input as it reads it: a byte of options, then Markdown: an Urdu article whose four pull
 * quotes are replaced bytes) set its quote again at each height the last page's balance
 * tried, some 2 400 times a render, in 84 % of the run. Work is counted, in the allocations
 * of the layout (each setting of the quote makes its own), not timed. */
#include <inkset/inkset.h>
#include <stdio.h>
#include <stdlib.h>
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
