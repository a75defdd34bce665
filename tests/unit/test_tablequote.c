/* A pull quote and a table both due on the next page of one column go one on each
 * (lib/paginate/floatpull.c, pagestarve.c): set together there, the quote at the top and the
 * table under it, they left two or four lines of text on a page the story ran on past, which
 * the make-up checker (tests/tools/makeup_starve.c) counts as a starved-page fault. The
 * quote goes on the page before, at its top, and the table on the next with text beside it. */
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

/* The article laid out on reader-6 in pages pages, with no starved page, no float out of its
 * order, no page of floats alone, no line alone and no text lost. */
static void
floats_share_pages (const char *article, size_t want)
{
  mk_report_t r;
  size_t pages;
  CHECK (checked_sample (article, "reader-6", &pages, &r));
  CHECK_EQ_INT (r.count[MK_STARVED_PAGE], 0);
  CHECK_EQ_INT (r.count[MK_FLOAT_ORDER], 0);
  CHECK_EQ_INT (r.count[MK_FLOATS_ONLY_PAGE], 0);
  CHECK_EQ_INT (r.count[MK_LONE_LINE], 0);
  CHECK_EQ_INT (r.count[MK_LOST_TEXT], 0);
  CHECK_EQ_INT ((int) pages, (int) want);
  mk_report_free (&r);
}

/* The sample coimbatore-rain.ta: on main, page 3 held the opening pull quote, the rainfall
 * table and two lines of text. Now the quote opens page 2 and the table stands on page 3
 * under its paragraph, the text beside it; five pages as before. */
TEST (quote_goes_on_the_page_before_the_table)
{
  floats_share_pages ("coimbatore-rain.ta.md", 5);
}

/* The held-out article held-ta-1.ta (the same story set longer): on main, page 6 held a pull
 * quote, the table and four lines of text. Seven pages as before. */
TEST (quote_and_table_leave_text_on_a_longer_story)
{
  floats_share_pages ("tests/unit/articles/noyyal-table.ta.md", 7);
}

int
main (void)
{
  RUN (quote_goes_on_the_page_before_the_table);
  RUN (quote_and_table_leave_text_on_a_longer_story);
  return test_summary ();
}
