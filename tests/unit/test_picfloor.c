/* A picture opening a column set to end above the frame's foot is never made smaller than its
 * floor (INK_PICTURE_FLOOR, half its size at the column's width) to keep its caption under
 * it: balancing the last page of snow-festival-chart.ja (held-out held-ja-1.ja) on the
 * 10.3-inch kiosk set its chart 258 px wide in a 600 px column, its labels too small to
 * read, the page under it empty. Own article, on kiosk-10.3. */
#include <inkset/inkset.h>
#include <stdio.h>
#include <string.h>
#include "layout-internal.h"
#include "test.h"
#include "fixture.h"

/* The narrowest a picture of the article's body is drawn, in thousandths of the column's
 * width (the picture's full size here: a 640 px chart on a 600 px column); 1000 when none is
 * drawn. */
static int64_t
narrowest_picture (const ink_document_t *doc, int32_t colw)
{
  int64_t least = 1000;
  for (size_t i = 0; i < doc->items.n; i++) {
    const ink__item_t *it = &doc->items.v[i];
    if (it->kind == INK_ITEM_IMAGE && it->block >= 0 && (int64_t) it->w * 1000 / colw < least)
      least = (int64_t) it->w * 1000 / colw;
  }
  return least;
}

TEST (chart_keeps_its_floor)
{
  fixture_t s;
  if (!fixture_lay_out_article (&s, "snow-festival-chart.ja.md", "kiosk-10.3"))
    return;
  /* kiosk-10.3: 1404 px wide, margins 84 px, two columns, a 36 px gutter: 600 px columns. */
  int64_t least = narrowest_picture (s.doc, 600 * 64);
  printf ("the chart set %lld thousandths of its column wide\n", (long long) least);
  CHECK (least >= INK_PICTURE_FLOOR);
  fixture_tear_down (&s);
}

int
main (void)
{
  RUN (chart_keeps_its_floor);
  return test_summary ();
}
