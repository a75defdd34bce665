/* A column's foot inside a word wider than a line (foot.c): the flow breaks a paragraph
 * again to lift a hyphen off a column's foot, but no breaking lifts a cut inside a word that
 * goes on a whole line past the foot, and each try broke the whole paragraph again at every
 * column it crossed. A pull quote of one 6,500-letter word took 2.6 s of CPU on reader-6, 137 ms
 * now. Counted here in bytes allocated rather than timed: a 2,400-letter word (own article
 * quote-long-word) over seven pages of reader-6 took 270 MB allocated in all before, 28 MB
 * now, the same pages. */
#include <inkset/inkset.h>
#include <stdio.h>
#include <stdlib.h>
#include "test.h"

static size_t bytes;

static void *
counting (void *user, void *ptr, size_t old_size, size_t new_size)
{
  (void) user;
  if (!new_size) {
    free (ptr);
    return NULL;
  }
  bytes += new_size > old_size ? new_size - old_size : 0;
  return realloc (ptr, new_size);
}

TEST (foot_in_long_word_not_broken_again)
{
  ink_context_t *ctx = NULL;
  ink_article_t *a = NULL;
  ink_template_t *t = NULL;
  ink_fontset_t *fs = NULL;
  ink_document_t *doc = NULL;
  ink_diag_t diag = { 0 };
  CHECK_EQ_INT (ink_context_create (counting, NULL, &ctx), INK_OK);
  CHECK_EQ_INT (ink_article_load (ctx, INK_SOURCE_DIR "/tests/unit/articles/quote-long-word.md",
                                  &a, &diag), INK_OK);
  CHECK_EQ_INT (ink_template_open (ctx, "reader-6", &t, &diag), INK_OK);
  CHECK_EQ_INT (ink_fontset_create (ctx, INK_SOURCE_DIR "/fonts", &fs), INK_OK);
  if (a && t && fs) {
    bytes = 0;
    CHECK_EQ_INT (ink_document_layout (ctx, a, t, fs, NULL, &doc), INK_OK);
    size_t pages = doc ? ink_document_page_count (doc) : 0;
    printf ("a 2,400-letter pull quote on reader-6: %zu pages, %zu bytes allocated\n", pages, bytes);
    CHECK (pages >= 6);
    CHECK (bytes < 80000000);   /* 28 MB now */
  }
  ink_document_destroy (doc);
  ink_fontset_destroy (fs);
  ink_template_destroy (t);
  ink_article_destroy (a);
  ink_context_destroy (ctx);
}

int
main (void)
{
  RUN (foot_in_long_word_not_broken_again);
  return test_summary ();
}
