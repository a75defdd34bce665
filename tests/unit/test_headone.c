/* Page 1 of one column, short of room for the subhead that opens page 2 with its lines, is
 * made up to the page by its head (headeven.c): opened up, the white between its parts, so
 * that the text ends within a line of the frame's foot; not while a float waits past page 1
 * (one_column_waits). */
#include <inkset/inkset.h>
#include <stdio.h>
#include <string.h>
#include "test.h"
#include "fixture.h"
#include "makeup_check.h"
#include "checked.h"

#define PORT "tests/unit/articles/port-head-one-column.es.md"

/* reader-6: page 1's seven lines under the head ended 155 px (2.8 line steps) above the
 * frame's foot, the subhead and its two lines too tall for that room. */
TEST (one_column_page_one_filled_by_its_head)
{
  CHECK_EQ_INT (checked_faults (PORT, "reader-6", MK_UNEVEN_FULL_PAGE), 0);
  CHECK_EQ_INT (checked_faults (PORT, "reader-6", MK_OVERPRINT), 0);
}

int
main (void)
{
  RUN (one_column_page_one_filled_by_its_head);
  return test_summary ();
}
