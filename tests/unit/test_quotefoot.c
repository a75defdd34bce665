/* A pull quote that ends a column of a full page ends it on the other columns' last baseline
 * (quotefoot.c): where its rule under it would pass the frame's foot if the quote came down
 * whole, its lines come down inside its box, the rule kept clear of its last line. Before, the
 * make-up checker found the quote's attribution 30 px over the text beside it on an Urdu
 * kiosk-7.5 page 3 (one line step 48 px) and 11.5 px over it on a Greek one (step 24 px):
 * uneven-full-page. */
#include <inkset/inkset.h>
#include <stdio.h>
#include <string.h>
#include "test.h"
#include "fixture.h"
#include "makeup_check.h"
#include "checked.h"

#define COLD_STORAGE "tests/unit/articles/cold-storage-quote.ur.md"
#define THESSALONIKI "tests/unit/articles/thessaloniki-metro-quote.el.md"

/* Urdu, kiosk-7.5 p3: a quote ends column 2, its rule 20 px over the foot. */
TEST (quote_ends_on_the_text_baseline_urdu)
{
  CHECK_EQ_INT (checked_faults (COLD_STORAGE, "kiosk-7.5", MK_UNEVEN_FULL_PAGE), 0);
  CHECK_EQ_INT (checked_faults (COLD_STORAGE, "kiosk-7.5", MK_RULE_TOUCH), 0);
}

/* Greek, kiosk-7.5 p3: a quote ends column 1, its rule 9 px over the foot. */
TEST (quote_ends_on_the_text_baseline_greek)
{
  CHECK_EQ_INT (checked_faults (THESSALONIKI, "kiosk-7.5", MK_UNEVEN_FULL_PAGE), 0);
  CHECK_EQ_INT (checked_faults (THESSALONIKI, "kiosk-7.5", MK_RULE_TOUCH), 0);
}

int
main (void)
{
  RUN (quote_ends_on_the_text_baseline_urdu);
  RUN (quote_ends_on_the_text_baseline_greek);
  return test_summary ();
}
