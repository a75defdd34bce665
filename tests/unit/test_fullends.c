/* Full pages end their columns together and full where make-up had left them a few pixels
 * apart or lines short: a pull quote that ends a column a few pixels under the other column's
 * last baseline, its top rule close under the text above it, comes up to that baseline inside
 * its box (vjust.c, quote_first_line), the white over its first line giving what the white
 * over its rule cannot; page 1 of one column, short of room for the subhead that opens page 2
 * with its lines, is made up to the page by its head opened up (headeven.c), while no float
 * waits past it (one_column_waits). */
#include <inkset/inkset.h>
#include <stdio.h>
#include <string.h>
#include "test.h"
#include "fixture.h"
#include "makeup_check.h"
#include "checked.h"

/* The uneven full pages and overprints of article (in tests/unit/articles) on tpl. */
static unsigned
uneven_or_over (const char *article, const char *tpl)
{
  char path[256];
  snprintf (path, sizeof path, "tests/unit/articles/%s", article);
  return checked_faults (path, tpl, MK_UNEVEN_FULL_PAGE) + checked_faults (path, tpl, MK_OVERPRINT);
}

/* Page 3 of four on kiosk-7.5: its second column holds two lines and a pull quote whose rule
 * sits four pixels under them; the quote's attribution ended on 435.44, four and a half pixels
 * under the first column's last baseline (430.98): the columns ended apart. */
TEST (quote_comes_up_inside_its_rule)
{
  CHECK_EQ_INT (uneven_or_over ("quote-foot-rule.es.md", "kiosk-7.5"), 0);
}

/* reader-6: page 1's seven lines under the head ended 155 px (2.8 line steps) above the
 * frame's foot, the subhead and its two lines too tall for that room. */
TEST (one_column_page_one_filled_by_its_head)
{
  CHECK_EQ_INT (uneven_or_over ("port-head-one-column.es.md", "reader-6"), 0);
}

int
main (void)
{
  RUN (quote_comes_up_inside_its_rule);
  RUN (one_column_page_one_filled_by_its_head);
  return test_summary ();
}
