/* A short table led in by a colon turns the page at its foot rather than leave the page short
 * (lib/paginate/tableturn.c): its lead-in, header and first rows end the page, the header is
 * drawn again over the rows that open the next. Held-out articles: held-ar-2.ar, its six-row
 * budget table after "ويشمل الانتقال عدة إجراءات:" (kiosk-7.5 p4 ended both columns 3.4 line
 * steps short, reader-6 p6 3.1 steps under the colon), and h65-vi-0.vi, its five-row
 * timetable (reader-6 p6 5.2 steps under the colon). The make-up check counts such a table
 * split at a page's turn, two rows or more on each side, five in all, as no
 * split-short-table; a table of four rows keeps whole (shiraz-planetarium.fa print-a4). */
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

#define AR "tests/unit/articles/held-ar-2.ar.md"
#define VI "tests/unit/articles/h65-vi-0.vi.md"

TEST (table_turns_the_page_of_columns)
{
  CHECK_EQ_INT (checked_faults (AR, "kiosk-7.5", MK_UNEVEN_FULL_PAGE), 0);
  CHECK_EQ_INT (checked_faults (AR, "kiosk-7.5", MK_SPLIT_SHORT_TABLE), 0);
  CHECK_EQ_INT (checked_faults (AR, "kiosk-7.5", MK_TEXT_ORDER), 0);
}

TEST (table_turns_the_page_of_one_column)
{
  CHECK_EQ_INT (checked_faults (AR, "reader-6", MK_UNEVEN_FULL_PAGE), 0);
  CHECK_EQ_INT (checked_faults (VI, "reader-6", MK_UNEVEN_FULL_PAGE), 0);
  CHECK_EQ_INT (checked_faults (VI, "reader-6", MK_SPLIT_SHORT_TABLE), 0);
  CHECK_EQ_INT (checked_faults (VI, "reader-6", MK_TABLE_FOOT), 0);
}

TEST (four_rows_keep_whole)
{
  CHECK_EQ_INT (checked_faults ("shiraz-planetarium.fa.md", "print-a4", MK_SPLIT_SHORT_TABLE), 0);
  CHECK_EQ_INT (checked_faults ("shiraz-planetarium.fa.md", "print-a4", MK_COLUMN_HOLE), 0);
}

int
main (void)
{
  RUN (table_turns_the_page_of_columns);
  RUN (table_turns_the_page_of_one_column);
  RUN (four_rows_keep_whole);
  return test_summary ();
}
