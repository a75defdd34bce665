/* A pull quote that ends a full page's column a few pixels under the other column's last
 * baseline, its top rule close under the text above it, comes up to that baseline inside its
 * box (vjust.c, quote_first_line): the white over its first line gives what the white over its
 * rule cannot, the rule staying where it is. */
#include <inkset/inkset.h>
#include <stdio.h>
#include <string.h>
#include "test.h"
#include "fixture.h"
#include "makeup_check.h"
#include "checked.h"

#define PORT "tests/unit/articles/quote-foot-rule.es.md"

/* Page 3 of four on kiosk-7.5: its second column holds two lines and a pull quote whose rule
 * sits four pixels under them; the quote's attribution ended on 435.44, four and a half pixels
 * under the first column's last baseline (430.98): the columns ended apart. */
TEST (quote_comes_up_inside_its_rule)
{
  CHECK_EQ_INT (checked_faults (PORT, "kiosk-7.5", MK_UNEVEN_FULL_PAGE), 0);
  CHECK_EQ_INT (checked_faults (PORT, "kiosk-7.5", MK_OVERPRINT), 0);
}

int
main (void)
{
  RUN (quote_comes_up_inside_its_rule);
  return test_summary ();
}
