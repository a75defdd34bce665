/* A pull quote that would open a page's last column over one line of a paragraph going on
 * past the page waits for the next page (lib/paginate/lastcolwait.c): the line stood alone
 * under the quote at the column's foot, which the make-up checker (tests/tools/makeup_lone.c)
 * counts as a lone-line fault. */
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

/* The held-out article's text with its tall Urdu pull quote: page 3's last column held the
 * quote over the third line of a five-line paragraph (on main: a lone-line fault, and six
 * pages). Now the column holds the text and the quote opens page 4, with no column of floats
 * alone, no float out of its order and no text lost. */
#define ARTICLE "tests/unit/articles/quetta-gas-quote.ur.md"

TEST (quote_waits_for_the_next_page)
{
  mk_report_t r;
  size_t pages;
  CHECK (checked_sample (ARTICLE, "kiosk-7.5", &pages, &r));
  CHECK_EQ_INT (r.count[MK_LONE_LINE], 0);
  CHECK_EQ_INT (r.count[MK_EMPTY_COLUMN], 0);
  CHECK_EQ_INT (r.count[MK_FLOAT_ORDER], 0);
  CHECK_EQ_INT (r.count[MK_LOST_TEXT], 0);
  CHECK_EQ_INT (r.count[MK_COLUMN_HOLE], 0);
  CHECK_EQ_INT ((int) pages, 5);
  mk_report_free (&r);
}

int
main (void)
{
  RUN (quote_waits_for_the_next_page);
  return test_summary ();
}
