/* On a page of one column, a pull quote or related box does not go under the text where
 * another stands on the page already and it would leave no room for the text that fills the
 * rest of the page (lib/paginate/footbox.c): it waits for the next page's top. Waiting only
 * while the text ran on past the next page too, a story with its floats close together set
 * two quotes over two lines of text and white, which the make-up checker
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

/* The held-out article (h66-th-2.th): on reader-6 page 2 held a pull quote at its top, a
 * paragraph's last two lines and a second quote over white, five pages in all. Now page 2
 * holds the second quote at its top and text under it, a subhead and two paragraphs; no float
 * out of its order, no page of floats alone, no text lost, four pages. */
#define ARTICLE "tests/unit/articles/pingriver-quotes.th.md"

TEST (second_quote_waits_while_text_fills_the_page)
{
  mk_report_t r;
  size_t pages;
  CHECK (checked_sample (ARTICLE, "reader-6", &pages, &r));
  CHECK_EQ_INT (r.count[MK_STARVED_PAGE], 0);
  CHECK_EQ_INT (r.count[MK_FLOAT_ORDER], 0);
  CHECK_EQ_INT (r.count[MK_FLOATS_ONLY_PAGE], 0);
  CHECK_EQ_INT (r.count[MK_LOST_TEXT], 0);
  CHECK_EQ_INT ((int) pages, 4);
  mk_report_free (&r);
}

int
main (void)
{
  RUN (second_quote_waits_while_text_fills_the_page);
  return test_summary ();
}
