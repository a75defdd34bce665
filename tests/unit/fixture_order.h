/* A fixture's article laid out again in its own order, every page set, as the search of float
 * orders (floatorder.c) starts from it, for tests that look inside the layout. Include after
 * fixture.h and layout-internal.h. */
#ifndef INK_FIXTURE_ORDER_H
#define INK_FIXTURE_ORDER_H

/* Lays out the article at path on template tpl (fixture_lay_out), then again in its own order
 * into *L and *doc; on failure (a failed check already) *doc is NULL and nothing is left to
 * free. */
static inline bool
fixture_lay_out_in_order (fixture_t *s, const char *path, const char *tpl, lay_t *L,
                          ink_document_t **doc)
{
  const ink__float_order_t none = { .n = 0 };
  *doc = NULL;
  if (fixture_lay_out (s, NULL, path, tpl)) {
    CHECK_EQ_INT (ink__lay_out (s->ctx, s->a, s->t, s->fs, NULL, false, &none, L, doc), INK_OK);
    if (*doc)
      return true;
  }
  fixture_tear_down (s);
  return false;
}

/* Frees what fixture_lay_out_in_order set. */
static inline void
fixture_order_free (fixture_t *s, lay_t *L, ink_document_t *doc)
{
  ink__layout_free (L);
  ink_document_destroy (doc);
  fixture_tear_down (s);
}

#endif
