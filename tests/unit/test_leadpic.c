/* The lead picture across the columns on their edges (leadpic.c): a square chart that the
 * page's height keeps to three fifths of the measure stood centred with white on both sides
 * and its caption under it; it now stands at the measure's start edge with its caption in
 * the white beside it, its last line at the picture's foot (own weir-fish-pass, and
 * akko-fishing-port.he, where the start edge is the right). A picture a few percent narrower
 * than the measure (dscovr-launch on kiosk-10.3, 51 px in from each edge) is set across it,
 * and one within a few percent of two columns' width (daejeon-science.ko on print-a4) at
 * that width, its caption on the third column's edge. */
#include <inkset/inkset.h>
#include <stdio.h>
#include <string.h>
#include "layout-internal.h"
#include "test.h"
#include "fixture.h"

#define PX1 64   /* a pixel, in the display list's units */

typedef struct {
  const ink__item_t *img;
  int32_t left, right;   /* the measure: the head's rule */
} lead_t;

/* The lead picture of page 1 and the measure under the head; false when either is missing. */
static bool
lead_of (const ink_document_t *doc, lead_t *o)
{
  const ink__page_t *pg = &doc->pages.v[0];
  *o = (lead_t) { 0 };
  for (size_t i = 0; i < pg->ni; i++) {
    const ink__item_t *it = &doc->items.v[pg->i0 + i];
    if (it->kind == INK_ITEM_IMAGE && it->block == -1 && !o->img)
      o->img = it;
    if (it->kind == INK_ITEM_RULE && it->w > o->right - o->left)
      o->left = it->x, o->right = it->x + it->w;
  }
  return o->img && o->right > o->left;
}

/* Lays out article (a path under the source folder) on tpl; checks its lead picture. */
static bool
lay_out (fixture_t *s, const char *article, const char *tpl, lead_t *ld)
{
  char path[512];
  snprintf (path, sizeof path, "%s/%s", INK_SOURCE_DIR, article);
  bool ok = fixture_lay_out (s, NULL, path, tpl) && lead_of (s->doc, ld);
  CHECK (ok);
  return ok;
}

/* Checks that the caption's lines stand beside the picture, on the side away from the start
 * edge, the last at its foot, and the credit under it; returns the caption's first x. */
static int32_t
check_caption_beside (const ink_document_t *doc, const lead_t *ld, bool rtl)
{
  const ink__page_t *pg = &doc->pages.v[0];
  const ink__item_t *im = ld->img;
  const ink__lrec_t *last = NULL;
  int32_t x = 0;
  unsigned credits = 0;
  for (size_t i = 0; i < pg->nl; i++) {
    const ink__lrec_t *l = &doc->lines.v[pg->l0 + i];
    if (l->role == INK_ROLE_CAPTION) {
      CHECK (rtl ? l->x + l->w <= im->x : l->x >= im->x + im->w);
      CHECK (l->y >= im->y && l->y + l->h <= im->y + im->h + PX1);
      x = last ? x : l->x;
      last = l;
    } else if (l->role == INK_ROLE_CREDIT) {
      CHECK (l->y >= im->y + im->h);
      credits++;
    }
  }
  CHECK (last != NULL);
  CHECK_EQ_INT (credits, 1);
  if (last)
    CHECK (last->y + last->h >= im->y + im->h - PX1);
  return x;
}

TEST (caption_beside_a_square_picture)
{
  fixture_t s;
  lead_t ld;
  if (lay_out (&s, "tests/unit/articles/weir-fish-pass.md", "kiosk-10.3", &ld)) {
    CHECK_EQ_INT (ld.img->x, ld.left);
    CHECK ((int64_t) ld.img->w * 10 < (int64_t) (ld.right - ld.left) * 9);
    check_caption_beside (s.doc, &ld, false);
  }
  fixture_tear_down (&s);
}

TEST (caption_beside_on_a_right_to_left_page)
{
  fixture_t s;
  lead_t ld;
  if (lay_out (&s, "tests/unit/articles/akko-fishing-port.he.md", "kiosk-10.3", &ld)) {
    CHECK_EQ_INT (ld.img->x + ld.img->w, ld.right);
    check_caption_beside (s.doc, &ld, true);
  }
  fixture_tear_down (&s);
}

TEST (picture_near_the_measure_set_across_it)
{
  fixture_t s;
  lead_t ld;
  if (lay_out (&s, "examples/articles/dscovr-launch.md", "kiosk-10.3", &ld)) {
    CHECK_EQ_INT (ld.img->x, ld.left);
    CHECK_EQ_INT (ld.img->w, ld.right - ld.left);
  }
  fixture_tear_down (&s);
}

/* The caption beside a picture two columns wide begins on the third column's edge. */
TEST (picture_on_the_columns_edges)
{
  fixture_t s;
  lead_t ld;
  if (lay_out (&s, "examples/articles/daejeon-science.ko.md", "print-a4", &ld)) {
    CHECK_EQ_INT ((int) s.t->columns, 3);
    int32_t gutter = PX (s.t->gutter_px);
    int32_t colw = (ld.right - ld.left - 2 * gutter) / 3;
    int32_t x = check_caption_beside (s.doc, &ld, false), col3 = ld.left + 2 * (colw + gutter);
    CHECK_EQ_INT (ld.img->x, ld.left);
    int32_t right = ld.img->x + ld.img->w;
    CHECK (right >= col3 - gutter - PX1 && right <= col3 - gutter + PX1);
    CHECK (x >= col3 - PX1 && x <= col3 + PX1);
  }
  fixture_tear_down (&s);
}

int
main (void)
{
  RUN (caption_beside_a_square_picture);
  RUN (caption_beside_on_a_right_to_left_page);
  RUN (picture_near_the_measure_set_across_it);
  RUN (picture_on_the_columns_edges);
  return test_summary ();
}
