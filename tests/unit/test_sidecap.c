/* A narrow picture in a column, its caption beside it (sidecap.c): a gauge eight times as
 * tall as it is wide, held to three fifths of the frame's height, was 32 px wide on kiosk-7.5
 * and set its caption and credit at that width under it, a syllable a line, down the column
 * and into the next. It now stands at the column's start edge (the right on a page that runs
 * right to left), its caption and credit in the white beside it, within its height, their
 * last line at its foot (own reservoir-gauge and reservoir-gauge.he, on kiosk-7.5 and
 * kiosk-10.3). */
#include <inkset/inkset.h>
#include <stdio.h>
#include <string.h>
#include "layout-internal.h"
#include "test.h"
#include "fixture.h"

#define PX1 64   /* a pixel, in the display list's units */

/* The figure's picture (block >= 0) and its page; false when there is none. */
static bool
figure_of (const ink_document_t *doc, const ink__item_t **img, size_t *page)
{
  for (size_t q = 0; q < doc->pages.n; q++) {
    const ink__page_t *pg = &doc->pages.v[q];
    for (size_t i = 0; i < pg->ni; i++) {
      const ink__item_t *it = &doc->items.v[pg->i0 + i];
      if (it->kind == INK_ITEM_IMAGE && it->block >= 0) {
        *img = it;
        *page = q;
        return true;
      }
    }
  }
  return false;
}

/* Lays out article (under tests/unit/articles) on tpl and checks that every caption and
 * credit line of its figure stands beside the picture on its page, within its height, on the
 * side away from the start edge, the last at its foot. */
static void
check_beside (const char *article, const char *tpl, bool rtl)
{
  fixture_t s;
  char path[512];
  const ink__item_t *im = NULL;
  size_t page = 0;
  snprintf (path, sizeof path, "%s/tests/unit/articles/%s", INK_SOURCE_DIR, article);
  bool ok = fixture_lay_out (&s, NULL, path, tpl) && figure_of (s.doc, &im, &page);
  CHECK (ok);
  if (ok) {
    int32_t foot = 0;
    unsigned caps = 0;
    for (size_t q = 0; q < s.doc->pages.n; q++) {
      const ink__page_t *pg = &s.doc->pages.v[q];
      for (size_t i = 0; i < pg->nl; i++) {
        const ink__lrec_t *l = &s.doc->lines.v[pg->l0 + i];
        if (l->block != im->block || (l->role != INK_ROLE_CAPTION && l->role != INK_ROLE_CREDIT))
          continue;
        caps++;
        CHECK_EQ_INT (q, page);
        CHECK (rtl ? l->x + l->w <= im->x : l->x >= im->x + im->w);
        CHECK (l->y >= im->y && l->y + l->h <= im->y + im->h + PX1);
        foot = l->y + l->h > foot ? l->y + l->h : foot;
      }
    }
    CHECK (caps >= 2);
    CHECK (foot >= im->y + im->h - PX1);
    /* The caption no narrower than ten of its sizes: a few lines, not forty. */
    CHECK (caps <= 6);
  }
  fixture_tear_down (&s);
}

TEST (caption_beside_a_tall_picture)
{
  check_beside ("reservoir-gauge.md", "kiosk-7.5", false);
  check_beside ("reservoir-gauge.md", "kiosk-10.3", false);
}

TEST (caption_beside_on_a_right_to_left_page)
{
  check_beside ("reservoir-gauge.he.md", "kiosk-7.5", true);
  check_beside ("reservoir-gauge.he.md", "kiosk-10.3", true);
}

int
main (void)
{
  RUN (caption_beside_a_tall_picture);
  RUN (caption_beside_on_a_right_to_left_page);
  return test_summary ();
}
