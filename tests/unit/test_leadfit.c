/* The lead picture made a little smaller so that the article ends on its page (leadfit.c):
 * dscovr-launch on print-a4 ran onto a second page with three lines and its source line. And
 * so that a full page's columns end together and full (leadeven.c, pages.c):
 * shiraz-planetarium.fa on print-a4 ended all three columns of page 1 more than two line
 * steps above the frame's foot, a subhead that had to keep two lines under it holding the
 * middle one short. Since its table's lead-in ends a page's last column (table.c,
 * ink__lead_in_left) that page ends together with its picture as placed, so the tests used
 * beersheba-satellite.he on print-a4; since a picture near the measure's width is set at it
 * (leadpic.c), that page too ends together as placed, and the tests use engine-works on
 * print-a4, whose picture is made smaller so that page 1's columns end together. */
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

/* Lays s's article out again with the template's picture-shrink at 0 (the lead picture as
 * placed) and checks that the picture was smaller than that by at most the shrink; returns
 * the page count then (0 when the layout failed). */
static size_t
check_smaller_than_unshrunk (fixture_t *s)
{
  int32_t smaller = picture_height (s->doc);
  unsigned shrink = s->t->picture_shrink;
  s->t->picture_shrink = 0;
  ink_document_destroy (s->doc);
  s->doc = NULL;
  CHECK_EQ_INT (ink_document_layout (s->ctx, s->a, s->t, s->fs, NULL, &s->doc), INK_OK);
  if (!s->doc)
    return 0;
  int32_t full = picture_height (s->doc);
  CHECK (smaller < full);
  CHECK ((int64_t) smaller * 100 >= (int64_t) full * (100 - shrink) - 100);
  return s->doc->pages.n;
}

/* One page with the picture at most the template's picture-shrink smaller. With the picture
 * as placed (no shrinking) the article took two pages while its pull quote went across page
 * 1's top; set in its turn at the column's width (quotehead.c), it ends on one page that way
 * too, and the picture is still made smaller when page 1 is evened, before the text ends. */
TEST (lead_picture_smaller_to_end_on_its_page)
{
  fixture_t s;
  char path[1024];
  snprintf (path, sizeof path, "%s/examples/articles/dscovr-launch.md", INK_SOURCE_DIR);
  if (fixture_lay_out (&s, NULL, path, "print-a4")) {
    CHECK_EQ_INT ((int) s.doc->pages.n, 1);
    CHECK_EQ_INT ((int) check_smaller_than_unshrunk (&s), 1);
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

/* Whether the columns of page 1 under the picture end on one baseline (within a pixel): the
 * lines below the columns' top, put in ncols columns by where they start. */
static bool
columns_end_together (const ink_document_t *doc, unsigned ncols)
{
  const ink__page_t *pg = &doc->pages.v[0];
  int32_t lo = INT32_MAX, hi = INT32_MIN, end[8];
  for (unsigned c = 0; c < ncols && c < 8; c++)
    end[c] = INT32_MIN;
  for (size_t i = 0; i < pg->nl; i++) {
    const ink__lrec_t *l = &doc->lines.v[pg->l0 + i];
    if (l->generated || l->y < pg->body_top)
      continue;
    lo = l->x < lo ? l->x : lo;
    hi = l->x + l->w > hi ? l->x + l->w : hi;
  }
  if (ncols == 0 || ncols > 8 || hi <= lo)
    return false;
  int64_t pitch = ((int64_t) hi - lo) / ncols;
  for (size_t i = 0; i < pg->nl; i++) {
    const ink__lrec_t *l = &doc->lines.v[pg->l0 + i];
    if (l->generated || l->y < pg->body_top)
      continue;
    unsigned c = (unsigned) (((int64_t) l->x - lo + 1) / pitch);
    c = c < ncols ? c : ncols - 1;
    end[c] = l->baseline > end[c] ? l->baseline : end[c];
  }
  for (unsigned c = 1; c < ncols; c++)
    if (end[c] == INT32_MIN || end[c] - end[0] > 64 || end[0] - end[c] > 64)
      return false;
  return end[0] != INT32_MIN;
}

/* Page 1's columns end together with the picture smaller, by at most the template's
 * picture-shrink; apart or short with the picture as placed when the template allows no
 * shrinking. */
TEST (lead_picture_smaller_to_even_a_full_page)
{
  fixture_t s;
  char path[1024];
  snprintf (path, sizeof path, "%s/examples/articles/engine-works.md", INK_SOURCE_DIR);
  if (fixture_lay_out (&s, NULL, path, "print-a4")) {
    CHECK ((int) s.doc->pages.n >= 2);
    CHECK (columns_end_together (s.doc, s.t->columns));
    CHECK (check_smaller_than_unshrunk (&s) >= 2);
  }
  fixture_tear_down (&s);
}

/* The pager sets page 1 with the same picture. */
TEST (lead_picture_smaller_to_even_in_the_pager)
{
  fixture_t s;
  char path[1024];
  snprintf (path, sizeof path, "%s/examples/articles/engine-works.md", INK_SOURCE_DIR);
  if (fixture_lay_out (&s, NULL, path, "print-a4")) {
    ink_pager_t *pager = NULL;
    CHECK_EQ_INT (ink_pager_create (s.ctx, s.a, s.t, s.fs, NULL, INK_PAGER_TOTAL_WAIT, &pager),
                  INK_OK);
    ink_document_t *pd = NULL;
    if (pager && ink_pager_next (pager, &pd) == INK_OK && pd) {
      CHECK_EQ_INT (picture_height (pd), picture_height (s.doc));
      CHECK (columns_end_together (pd, s.t->columns));
      ink_document_destroy (pd);
    }
    ink_pager_destroy (pager);
  }
  fixture_tear_down (&s);
}

int
main (void)
{
  RUN (lead_picture_smaller_to_end_on_its_page);
  RUN (lead_picture_smaller_in_the_pager);
  RUN (lead_picture_smaller_to_even_a_full_page);
  RUN (lead_picture_smaller_to_even_in_the_pager);
  return test_summary ();
}
