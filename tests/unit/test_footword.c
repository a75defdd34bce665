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
#include "fixture.h"

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
  fixture_t s = { 0 };
  ink_diag_t diag = { 0 };
  CHECK_EQ_INT (ink_context_create (counting, NULL, &s.ctx), INK_OK);
  CHECK_EQ_INT (ink_article_load (s.ctx, INK_SOURCE_DIR "/tests/unit/articles/quote-long-word.md",
                                  &s.a, &diag), INK_OK);
  CHECK_EQ_INT (ink_template_open (s.ctx, "reader-6", &s.t, &diag), INK_OK);
  CHECK_EQ_INT (ink_fontset_create (s.ctx, INK_SOURCE_DIR "/fonts", &s.fs), INK_OK);
  if (s.a && s.t && s.fs) {
    bytes = 0;
    CHECK_EQ_INT (ink_document_layout (s.ctx, s.a, s.t, s.fs, NULL, &s.doc), INK_OK);
    size_t pages = s.doc ? ink_document_page_count (s.doc) : 0;
    printf ("a 2,400-letter pull quote on reader-6: %zu pages, %zu bytes allocated\n", pages, bytes);
    CHECK (pages >= 6);
    CHECK (bytes < 80000000);   /* 28 MB now */
  }
  fixture_tear_down (&s);
}

int
main (void)
{
  RUN (foot_in_long_word_not_broken_again);
  return test_summary ();
}
