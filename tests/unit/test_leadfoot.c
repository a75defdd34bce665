/* A full page whose first column ended three and four line steps short because a list's
 * lead-in of three lines, kept with the list's first item, went to the next column with it:
 * make-up's last tool for such a page (leadfoot.c) lets the lead-in end the column, its colon
 * at the foot and the list at the top of the next column on the same page, and keeps that
 * setting because the page's columns then end together and full. Before, the make-up checker
 * found two uneven-full-page faults on page 3 of each article on kiosk-7.5. */
#include <inkset/inkset.h>
#include <stdio.h>
#include <string.h>
#include "test.h"
#include "fixture.h"
#include "makeup_check.h"
#include "checked.h"

#define BUSES "tests/unit/articles/budget-night-buses.ar.md"
#define PIPES "tests/unit/articles/karachi-gas-pipes.ur.md"

/* Arabic, kiosk-7.5 p3: "...أوسع وأسهل:" ends column 1, the three items open column 2. */
TEST (lead_in_ends_column_one_of_a_full_page)
{
  CHECK_EQ_INT (checked_faults (BUSES, "kiosk-7.5", MK_UNEVEN_FULL_PAGE), 0);
  size_t pages;
  mk_report_t r;
  CHECK (checked_sample (BUSES, "kiosk-7.5", &pages, &r));
  CHECK_EQ_INT (r.faults, 0);
  CHECK_EQ_INT (pages, 4);
  mk_report_free (&r);
}

/* Urdu, kiosk-7.5 p3: column 1 ended four line steps short (192 px) over the lead-in. */
TEST (urdu_lead_in_ends_column_one)
{
  CHECK_EQ_INT (checked_faults (PIPES, "kiosk-7.5", MK_UNEVEN_FULL_PAGE), 0);
}

int
main (void)
{
  RUN (lead_in_ends_column_one_of_a_full_page);
  RUN (urdu_lead_in_ends_column_one);
  return test_summary ();
}
