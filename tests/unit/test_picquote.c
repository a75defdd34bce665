/* On a page of one column, a picture at the page's top made smaller for a pull quote that has
 * the page as its last leaves the text to come as much room as the quote takes, when it can
 * be made so small (lib/paginate/picquote.c): a chart, a pull quote and two lines of a story
 * that ran on over the page filled reader-6's page 2, which the make-up checker
 * (tests/tools/makeup_starve.c) counts as a starved-page fault. */
#include <inkset/inkset.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "article.h"
#include "paginate.h"
#include "template.h"
#include "test.h"
#include "fixture.h"
#include "makeup_check.h"
#include "checked.h"

/* The held-out article (h66-ko-1.ko): on reader-6 page 2 held its chart, a pull quote and two
 * lines (on main: a starved-page fault). The chart is now set smaller and five lines follow
 * the quote; nine pages as before, no float out of its order, no page of floats alone. */
TEST (chart_leaves_the_text_room_under_the_quote)
{
  mk_report_t r;
  size_t pages;
  CHECK (checked_sample ("tests/unit/articles/hwangnidan-chart.ko.md", "reader-6", &pages, &r));
  CHECK_EQ_INT (r.count[MK_STARVED_PAGE], 0);
  CHECK_EQ_INT (r.count[MK_FLOAT_ORDER], 0);
  CHECK_EQ_INT (r.count[MK_FLOATS_ONLY_PAGE], 0);
  CHECK_EQ_INT (r.count[MK_EMPTY_COLUMN], 0);
  CHECK_EQ_INT (r.count[MK_LOST_TEXT], 0);
  CHECK_EQ_INT ((int) pages, 9);
  mk_report_free (&r);
}

int
main (void)
{
  RUN (chart_leaves_the_text_room_under_the_quote);
  return test_summary ();
}
