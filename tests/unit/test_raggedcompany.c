/* A ragged paragraph (a list item, a comment, a reply) that make-up sets a line looser and
 * whose lone last word the lines above then give company (balanced.c, ink__loose_company)
 * keeps its lines above the last no shorter than 58% of the measure (setpara.c,
 * COMPANY_SHORTFALL): each passing a word down, they came out even and short ("mỗi lượt vào
 * điện / không quá 50 người," at 53% of a 634 px column), which the make-up check now
 * reports (short-ragged-line, makeup_ragged.c). */
#include <inkset/inkset.h>
#include <stdio.h>
#include <string.h>
#include "article.h"
#include "layout-internal.h"
#include "test.h"
#include "fixture.h"
#include "makeup_check.h"
#include "checked.h"

/* Vietnamese list items on print-a4's page 2: two were set in lines at 53-61% of the measure,
 * one cut between columns. */
TEST (list_items_not_made_short)
{
  CHECK_EQ_INT (checked_faults ("hue-citadel.vi.md", "print-a4", MK_SHORT_RAGGED_LINE), 0);
  CHECK_EQ_INT (checked_faults ("hue-citadel.vi.md", "print-a4", MK_FLOAT_ORDER), 0);
  CHECK_EQ_INT (checked_faults ("hue-citadel.vi.md", "print-a4", MK_UNBALANCED_LAST_PAGE), 0);
}

/* The pages that balanced by a paragraph set looser still do: the company its lines give
 * stays above the floor, or another paragraph takes the line. */
TEST (balanced_pages_stay_balanced)
{
  CHECK_EQ_INT (checked_faults ("lido-reopens.md", "print-a4", MK_UNBALANCED_LAST_PAGE), 0);
  CHECK_EQ_INT (checked_faults ("odesa-ferry.uk.md", "kiosk-7.5", MK_UNEVEN_FULL_PAGE), 0);
  CHECK_EQ_INT (checked_faults ("water-tariffs.md", "kiosk-7.5", MK_UNEVEN_FULL_PAGE), 0);
}

int
main (void)
{
  RUN (list_items_not_made_short);
  RUN (balanced_pages_stay_balanced);
  return test_summary ();
}
