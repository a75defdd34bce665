/* The lead picture made a little smaller so that the article ends on its page (leadfit.c):
 * dscovr-launch on print-a4 ran onto a second page with three lines and its source line. */
#include "layout-internal.h"
#include "template.h"
#include "test.h"

#include "fixture.h"

/* The lead picture's height on page 1 of doc (the first image item), 0 for none. */
static int32_t
picture_height (const ink_document_t *doc)
{
  const ink__page_t *pg = &doc->pages.v[0];
  for (size_t i = 0; i < pg->ni; i++)
    if (doc->items.v[pg->i0 + i].kind == INK_ITEM_IMAGE)
      return doc->items.v[pg->i0 + i].h;
  return 0;
}

/* One page with the picture at most the template's picture-shrink smaller; two pages with the
 * picture as placed when the template allows no shrinking. */
TEST (lead_picture_smaller_to_end_on_its_page)
{
  fixture_t s;
  char path[1024];
  snprintf (path, sizeof path, "%s/examples/articles/dscovr-launch.md", INK_SOURCE_DIR);
  if (fixture_lay_out (&s, NULL, path, "print-a4")) {
    CHECK_EQ_INT ((int) s.doc->pages.n, 1);
    int32_t smaller = picture_height (s.doc);
    unsigned shrink = s.t->picture_shrink;
    s.t->picture_shrink = 0;
    ink_document_destroy (s.doc);
    s.doc = NULL;
    CHECK_EQ_INT (ink_document_layout (s.ctx, s.a, s.t, s.fs, NULL, &s.doc), INK_OK);
    if (s.doc) {
      CHECK_EQ_INT ((int) s.doc->pages.n, 2);
      int32_t full = picture_height (s.doc);
      CHECK (smaller < full);
      CHECK ((int64_t) smaller * 100 >= (int64_t) full * (100 - shrink) - 100);
    }
  }
  fixture_tear_down (&s);
}

/* The pager sets the same one page. */
TEST (lead_picture_smaller_in_the_pager)
{
  fixture_t s;
  char path[1024];
  snprintf (path, sizeof path, "%s/examples/articles/dscovr-launch.md", INK_SOURCE_DIR);
  if (fixture_lay_out (&s, NULL, path, "print-a4")) {
    ink_pager_t *pager = NULL;
    CHECK_EQ_INT (ink_pager_create (s.ctx, s.a, s.t, s.fs, NULL, INK_PAGER_TOTAL_WAIT, &pager),
                  INK_OK);
    size_t n = 0;
    ink_document_t *pd = NULL;
    while (pager && ink_pager_next (pager, &pd) == INK_OK && pd) {
      if (n == 0)
        CHECK_EQ_INT (picture_height (pd), picture_height (s.doc));
      n++;
      ink_document_destroy (pd);
    }
    CHECK_EQ_INT ((int) n, 1);
    ink_pager_destroy (pager);
  }
  fixture_tear_down (&s);
}

int
main (void)
{
  RUN (lead_picture_smaller_to_end_on_its_page);
  RUN (lead_picture_smaller_in_the_pager);
  return test_summary ();
}
