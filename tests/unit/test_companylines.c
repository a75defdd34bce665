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

/* The allocations of laying out the fuzz input name as the pipeline fuzzer does: the
 * built-in template, as many pages as its first byte allows. */
static unsigned long
allocations_of (const char *name)
{
  char path[512];
  size_t len = 0;
  snprintf (path, sizeof path, "%s/tests/unit/articles/%s", INK_SOURCE_DIR, name);
  char *src = read_file (path, &len);
  CHECK (src && len > 1);
  unsigned long count = 0, before = 0;
  ink_context_t *ctx = NULL;
  ink_article_t *a = NULL;
  ink_template_t *tpl = NULL;
  ink_fontset_t *fs = NULL;
  ink_document_t *doc = NULL;
  ink_diag_t diag = { 0 };
  CHECK_EQ_INT (ink_context_create (counting, &count, &ctx), INK_OK);
  if (src && ctx && len > 1) {
    CHECK_EQ_INT (ink_article_parse_markdown (ctx, src + 1, len - 1, NULL, &a, &diag), INK_OK);
    CHECK_EQ_INT (ink_template_builtin (ctx, NULL, &tpl), INK_OK);
    CHECK_EQ_INT (ink_fontset_create (ctx, INK_SOURCE_DIR "/fonts", &fs), INK_OK);
  }
  unsigned sel = src ? (unsigned char) src[0] : 0;
  ink_layout_options_t opts = { .struct_size = sizeof opts, .max_pages = sel >> 6 ? sel >> 6 : 3 };
  if (a && tpl && fs) {
    before = count;
    ink_status_t st = ink_document_layout (ctx, a, tpl, fs, &opts, &doc);
    CHECK (st == INK_OK || st == INK_OVERFLOW);
    printf ("%s: %lu allocations to lay it out\n", name, count - before);
  }
  ink_document_destroy (doc);
  ink_fontset_destroy (fs);
  ink_template_destroy (tpl);
  ink_article_destroy (a);
  ink_context_destroy (ctx);
  free (src);
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
