/* A last page whose columns end in a table's rows, let down by space between the rows
 * (vjust.c, row_space). ferry-lines-table.de (held-out h68-de-1.de) ends on a table of twelve
 * rows, most of two lines, turned over the last page's two columns on kiosk-7.5: four rows in
 * the first, five in the second, the first column ending 28 px above the second (a line step
 * is 24). No row can move without ending them further apart, and a last page's vertical
 * justification took space only above floats, subheads and comments, none of which the
 * column holds: the column's rows now take a little space between them, as a full page's
 * do, and the columns end within a line step. */
#include <inkset/inkset.h>
#include <stdio.h>
#include <string.h>
#include "test.h"
#include "fixture.h"
#include "makeup_check.h"
#include "checked.h"

#define ARTICLE "tests/unit/articles/ferry-lines-table.de.md"

TEST (table_rows_turned_over_the_last_page_end_its_columns_together)
{
  mk_report_t r;
  size_t pages;
  CHECK (checked_sample (ARTICLE, "kiosk-7.5", &pages, &r));
  CHECK_EQ_INT (pages, 4);   /* the table still turned over the fourth page's columns */
  CHECK_EQ_INT (r.count[MK_UNBALANCED_LAST_PAGE], 0);
  mk_report_free (&r);
}

int
main (void)
{
  RUN (table_rows_turned_over_the_last_page_end_its_columns_together);
  return test_summary ();
}
