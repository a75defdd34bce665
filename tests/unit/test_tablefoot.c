/* A table in the columns fills them as text would (lib/paginate/table.c): a row a fraction
 * of a pixel taller than a whole number of line steps gives that up from its pads, and a row
 * may reach as far past a column's foot as a body line, so that the column does not end two
 * steps short on a row that missed by less than a pixel (table-foot: kiosk-7.5's ferry
 * table, rows of 48.25 px in steps of 24, left both columns of page 3 two steps short). A
 * header's rule on the grid stands clear of the body line over the table (rule-touch: on
 * print-a4's last page of the exam results, whose balancing cut the table's space above,
 * the rule stood on the line's foot). A page whose column ends on a table with room for a line
 * or more under it, the subhead after the table waiting for the next page, comes down to the
 * foot by space above its floats and subheads (vjust.c; quay-buses reader-6 p2 ended 1.18
 * steps short). A list of figures in a cell ("trams 1, 5, 9, 10, 52") broken at a word space
 * is two words, not a broken figure: the layout JSON says a line broke at a word space
 * ("space_after", display.c), and the checker's broken-figure reads it (tram-transfers, own
 * article: four broken-figure faults on kiosk-10.3, kiosk-7.5 and reader-6 each before). A
 * long table's part that ends its page short of the foot, its next row too tall for the room
 * (rows of two lines), opens its rows up to fill the column (vjust.c, row_space; own article
 * ferry-piers-survey: reader-6 p4 ended 1.40 line steps short before). Such a column of rows
 * alone comes down on its own when the text column beside it cannot come down as far (vjust.c,
 * rows_alone_depth; own article canal-locks-survey: kiosk-7.5 p2, its lead-in ending the
 * first column two line steps short, ended the second 1.88 line steps short on the table's
 * sixth row before). */
#include <inkset/inkset.h>
#include <stdio.h>
#include <string.h>
#include "article.h"
#include "paginate.h"
#include "template.h"
#include "test.h"
#include "fixture.h"
#include "makeup_check.h"
#include "checked.h"

TEST (table_rows_fill_the_column)
{
  CHECK_EQ_INT (checked_faults ("kiel-faehren.de.md", "kiosk-7.5", MK_TABLE_FOOT), 0);
}

TEST (page_ending_on_a_table_comes_down_to_the_foot)
{
  CHECK_EQ_INT (checked_faults ("tests/unit/articles/quay-buses.md", "reader-6", MK_TABLE_FOOT),
                0);
}

TEST (long_table_opens_its_rows_to_the_foot)
{
  CHECK_EQ_INT (checked_faults ("tests/unit/articles/ferry-piers-survey.md", "reader-6",
                                MK_TABLE_FOOT), 0);
}

TEST (table_rows_alone_come_down_beside_a_short_column)
{
  CHECK_EQ_INT (checked_faults ("tests/unit/articles/canal-locks-survey.md", "kiosk-7.5",
                                MK_TABLE_FOOT), 0);
}

TEST (header_rule_clear_of_the_text)
{
  CHECK_EQ_INT (checked_faults ("brevet-resultats.fr.md", "print-a4", MK_RULE_TOUCH), 0);
}

TEST (list_of_figures_broken_at_a_space)
{
  static const char *const tpls[] = { "kiosk-10.3", "kiosk-7.5", "reader-6", "print-a4" };
  for (size_t i = 0; i < sizeof tpls / sizeof *tpls; i++)
    CHECK_EQ_INT (checked_faults ("tests/unit/articles/tram-transfers.md", tpls[i],
                                  MK_BROKEN_FIGURE), 0);
}

int
main (void)
{
  RUN (table_rows_fill_the_column);
  RUN (page_ending_on_a_table_comes_down_to_the_foot);
  RUN (long_table_opens_its_rows_to_the_foot);
  RUN (table_rows_alone_come_down_beside_a_short_column);
  RUN (header_rule_clear_of_the_text);
  RUN (list_of_figures_broken_at_a_space);
  return test_summary ();
}
