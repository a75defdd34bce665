/* Two floats that wait over a list (lib/paginate/listqueue.c). outage-live-list (held-out
 * recombined article) on kiosk-7.5: page 3 goes on with the last two items of the list that
 * ends page 2, while the picture (block 4) waits for a column and a pull quote (block 7)
 * waits for page 3's top. The quote went across page 3's top, between items 11 and 12
 * (float-in-list), and the picture to page 4, three pages after its text. Now the quote,
 * set at the column's width, waits behind the picture, the list reads whole in page 3's
 * first column with the quote under it, and the picture opens the second column. */
#include <inkset/inkset.h>
#include <stdio.h>
#include <string.h>
#include "test.h"
#include "fixture.h"
#include "makeup_check.h"
#include "checked.h"

#define ARTICLE "tests/unit/articles/outage-live-list.md"

TEST (quote_behind_a_waiting_picture_does_not_cut_the_list)
{
  mk_report_t r;
  size_t pages;
  CHECK (checked_sample (ARTICLE, "kiosk-7.5", &pages, &r));
  CHECK_EQ_INT (r.count[MK_FLOAT_IN_LIST], 0);
  CHECK_EQ_INT (r.count[MK_LOST_TEXT], 0);
  /* vertical justification let the quote down 2.48 line steps under the list: a hole */
  CHECK_EQ_INT (r.count[MK_COLUMN_HOLE], 0);
  /* the picture's alone (two pages after its text, three before); the quote on page 3 */
  CHECK_EQ_INT (r.count[MK_FLOAT_ORDER], 1);
  mk_report_free (&r);
}

int
main (void)
{
  RUN (quote_behind_a_waiting_picture_does_not_cut_the_list);
  return test_summary ();
}
