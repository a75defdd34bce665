/* On a page of one column, a pull quote or related box waiting from the page before does not
 * go under the text where another stands on the page already and it would leave no room for
 * the text to come (lib/paginate/footbox.c): two pull quotes met on one page both went on the
 * next, over two lines of text and white, which the make-up checker
 * (tests/tools/makeup_starve.c) counts as a starved-page fault. */
#include <inkset/inkset.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "article.h"
#include "paginate.h"
#include "template.h"
#include "test.h"
#include "fixture.h"
#include "makeup_check.h"
#include "checked.h"

/* The held-out article (h65-ta-0.ta): on reader-6 page 3 held a pull quote at its top, two
 * lines of text and a second quote over white (on main: a starved-page fault). Now page 3
 * holds the first quote and full text, the second opens page 4; no float out of its order, no
 * page of floats alone, no text lost, six pages as before. */
#define ARTICLE "tests/unit/articles/noyyal-quotes.ta.md"

TEST (second_quote_waits_for_the_next_page)
{
  mk_report_t r;
  size_t pages;
  CHECK (checked_sample (ARTICLE, "reader-6", &pages, &r));
  CHECK_EQ_INT (r.count[MK_STARVED_PAGE], 0);
  CHECK_EQ_INT (r.count[MK_FLOAT_ORDER], 0);
  CHECK_EQ_INT (r.count[MK_FLOATS_ONLY_PAGE], 0);
  CHECK_EQ_INT (r.count[MK_LOST_TEXT], 0);
  CHECK_EQ_INT ((int) pages, 6);
  mk_report_free (&r);
}

int
main (void)
{
  RUN (second_quote_waits_for_the_next_page);
  return test_summary ();
}
