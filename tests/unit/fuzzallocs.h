/* The allocations of laying out an input of the pipeline fuzzer (fuzzinput.h), counted by a
 * libc allocator behind the context's hook: work counted, not timed. Include after
 * fuzzinput.h. */
#ifndef INK_FUZZALLOCS_H
#define INK_FUZZALLOCS_H

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

#endif
