/* A trial layout of the float order search takes its paragraphs' shaping from the layout in
 * the article's order (lib/paginate/shapereuse.c): it shapes none of them again and sets the
 * same pages as when it shapes them itself. */
#include <inkset/inkset.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "article.h"
#include "layout-internal.h"
#include "template.h"
#include "test.h"
#include "fixture.h"

/* The context's fresh blocks, counted. */
static size_t fresh_blocks;

static void *
counting_realloc (void *user, void *ptr, size_t old_size, size_t new_size)
{
  (void) user;
  (void) old_size;
  if (new_size == 0) {
    free (ptr);
    return NULL;
  }
  fresh_blocks += ptr == NULL;
  return realloc (ptr, new_size);
}

/* Lays out s's article in the order plan gives, counting the blocks it takes; *doc NULL on
 * failure (a failed check already). */
static size_t
lay_out_counted (ink_context_t *ctx, const fixture_t *s, const ink__float_order_t *plan,
                 lay_t *L, ink_document_t **doc)
{
  fresh_blocks = 0;
  CHECK_EQ_INT (ink__lay_out (ctx, s->a, s->t, s->fs, NULL, false, plan, L, doc), INK_OK);
  return fresh_blocks;
}

/* Whether two documents hold the same lines and glyphs. */
static bool
same_pages (const ink_document_t *a, const ink_document_t *b)
{
  if (a->pages.n != b->pages.n || a->lines.n != b->lines.n || a->glyphs.n != b->glyphs.n)
    return false;
  for (size_t i = 0; i < a->lines.n; i++) {
    const ink__lrec_t *x = &a->lines.v[i], *y = &b->lines.v[i];
    if (x->x != y->x || x->y != y->y || x->w != y->w || x->glyphs != y->glyphs)
      return false;
  }
  return memcmp (a->glyphs.v, b->glyphs.v, a->glyphs.n * sizeof *a->glyphs.v) == 0;
}

/* mill-lane-bridge on kiosk-10.3, set with its second pull quote built before the second
 * paragraph (a move the search weighs): once shaping each paragraph, once taking the
 * shaping of the layout in the article's order. The second takes fewer blocks (the shaper's
 * working arrays, a dozen a paragraph) and sets the same pages. */
TEST (trial_takes_the_shaping_of_the_article_order)
{
  fixture_t s = { 0 };
  const char *art = INK_SOURCE_DIR "/tests/unit/articles/mill-lane-bridge.md";
  if (!fixture_lay_out (&s, NULL, art, "kiosk-10.3")) {
    fixture_tear_down (&s);
    return;
  }
  ink_context_t *ctx = NULL;
  CHECK_EQ_INT (ink_context_create (counting_realloc, NULL, &ctx), INK_OK);
  ink__float_order_t none = { .n = 0 };
  ink__float_order_t moved = { { { 1, 5, false, false, false } }, 1, 0, 0, true, 0, 0, false, NULL };
  lay_t base, fresh, reused;
  ink_document_t *base_doc = NULL, *fresh_doc = NULL, *reused_doc = NULL;
  lay_out_counted (ctx, &s, &none, &base, &base_doc);
  size_t shaping = lay_out_counted (ctx, &s, &moved, &fresh, &fresh_doc);
  moved.shaped = &base;
  size_t taking = lay_out_counted (ctx, &s, &moved, &reused, &reused_doc);
  CHECK (base_doc && fresh_doc && reused_doc);
  if (base_doc && fresh_doc && reused_doc) {
    CHECK (taking + 10 * base.paras.n < shaping);
    CHECK (same_pages (fresh_doc, reused_doc));
    CHECK (!same_pages (base_doc, reused_doc));   /* the move changed the pages */
  }
  lay_t *ls[3] = { &base, &fresh, &reused };
  ink_document_t *docs[3] = { base_doc, fresh_doc, reused_doc };
  for (int i = 0; i < 3; i++)
    if (docs[i]) {
      ink__layout_free (ls[i]);
      ink_document_destroy (docs[i]);
    }
  ink_context_destroy (ctx);
  fixture_tear_down (&s);
}

int
main (void)
{
  RUN (trial_takes_the_shaping_of_the_article_order);
  return test_summary ();
}
