/* A full page's short column that stopped before a subhead which then opened the next column
 * (evenspace.c, ink__even_space with lay_t.head_opens_col): the space above the page's
 * subheads and floats is cut, by a quarter at a time down to half, and the least cut at which
 * the page ends its columns together and full is kept. lucknow-buses.hi kiosk-10.3 set its
 * pull quote at the column's width on page 1 with "यात्रियों की राय" opening the second column,
 * the first a subhead's space short of taking it, and so ran onto a second page; it now sets
 * on one page, its columns ending together. */
#include <inkset/inkset.h>
#include <stdio.h>
#include <string.h>
#include "test.h"
#include "fixture.h"
#include "makeup_check.h"
#include "checked.h"

TEST (short_column_takes_the_subhead_that_opened_the_next)
{
  mk_report_t r;
  size_t pages = 0;
  CHECK (checked_sample ("lucknow-buses.hi.md", "kiosk-10.3", &pages, &r));
  CHECK_EQ_INT ((int) pages, 1);
  CHECK_EQ_INT (r.count[MK_UNBALANCED_LAST_PAGE], 0);
  CHECK_EQ_INT (r.count[MK_COLUMN_HOLE], 0);
  CHECK_EQ_INT (r.count[MK_OFF_GRID], 0);
  mk_report_free (&r);
}

int
main (void)
{
  RUN (short_column_takes_the_subhead_that_opened_the_next);
  return test_summary ();
}
