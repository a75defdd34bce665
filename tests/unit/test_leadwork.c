/* The work of evening a page that holds the lead picture is bounded (pages.c, LEAD_FLOWS).
 * A short article of many pictures on three columns whose pictures may be made 40% smaller
 * (photo-three.ini): no size of the lead picture ends page 1's columns together, and each of
 * its sixteen sizes evened the page again whole, each setting of it paired with the last page
 * balanced at every setting of its own, every picture weighed again at each (flowbox.c). The
 * work is counted in pages set from a snapshot by one layout (lay_t's flows), trials and all. */
#include <inkset/inkset.h>
#include <stdio.h>
#include <string.h>
#include "article.h"
#include "layout-internal.h"
#include "paginate.h"
#include "template.h"
#include "test.h"
#include "fixture.h"
#include "makeup_check.h"
#include "checked.h"

#define TPL INK_SOURCE_DIR "/tests/unit/templates/photo-three.ini"
#define ESSAY "tests/unit/articles/pier-photo-essay.md"

/* The pages set from a snapshot by one layout of article (from the source folder) on TPL, in the
 * article's order; its page count (*pages). */
static uint64_t
flows_of (const char *article, size_t *pages)
{
  fixture_t s;
  char path[512];
  uint64_t n = UINT64_MAX;
  *pages = 0;
  snprintf (path, sizeof path, "%s/%s", INK_SOURCE_DIR, article);
  if (fixture_lay_out (&s, NULL, path, TPL)) {
    lay_t L;
    ink_document_t *doc = NULL;
    ink__float_order_t order = { .n = 0 };
    CHECK_EQ_INT (ink__lay_out (s.ctx, s.a, s.t, s.fs, NULL, false, &order, &L, &doc), INK_OK);
    if (doc) {
      n = L.flows;
      *pages = ink_document_page_count (doc);
      ink__layout_free (&L);
      ink_document_destroy (doc);
    }
  }
  fixture_tear_down (&s);
  return n;
}

/* Unbounded, the one layout set its pages 31 189 times, most of them for the lead picture's
 * sizes (up to 14 000 a try, found none); bounded (LEAD_FLOWS 2000), 12 123, the same pages. */
#define FLOWS_MOST 16000
TEST (lead_sizes_bounded)
{
  size_t pages;
  uint64_t n = flows_of (ESSAY, &pages);
  printf ("pier-photo-essay: pages set %llu times, %zu pages\n", (unsigned long long) n, pages);
  CHECK (n <= FLOWS_MOST);
  CHECK (pages >= 1);
}

/* Nothing overprints, and no page holds pictures alone after the text. Since its 48x48
 * thumbnail is set at 96 px (picsize.c) rather than the column's 413, the text runs on to
 * page 2 among the pictures (main: all on page 1, page 2 seven pictures alone): page 1's
 * first column, its picture alone while the text goes on, is the one column without text. */
TEST (lead_sizes_bounded_pages_sound)
{
  CHECK_EQ_INT (checked_faults (ESSAY, TPL, MK_OVERPRINT), 0);
  CHECK (checked_faults (ESSAY, TPL, MK_EMPTY_COLUMN) <= 1);
  CHECK_EQ_INT (checked_faults (ESSAY, TPL, MK_FLOATS_ONLY_PAGE), 0);
}

int
main (void)
{
  RUN (lead_sizes_bounded);
  RUN (lead_sizes_bounded_pages_sound);
  return test_summary ();
}
