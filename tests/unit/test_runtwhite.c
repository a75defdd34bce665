/* A runt two pages on drawn back by the white of a pull quote on the page before the full
 * page (runtwhite.c): when all the text after that page is running text that fills one
 * more page and leaves a line or three alone, the quote's white is cut so the page takes
 * a few more lines and the full page the runt's. */
#include <inkset/inkset.h>
#include <stdio.h>
#include <string.h>
#include "test.h"
#include "fixture.h"
#include "makeup_check.h"
#include "checked.h"

/* One column of Hebrew: page 7 ended on a pull quote at its foot, some 430 px of white
 * around it, page 8 was full and the last paragraph's two last lines stood alone on page 9;
 * no paragraph of page 8 sets a line tighter. With the quote's white cut page 7 takes the
 * next paragraph's first three lines under the quote, and the story ends on page 8 (the
 * quote, of the last paragraph, is read before it as it was). */
TEST (runt_drawn_back_by_quote_white_on_page_before)
{
  size_t pages = 0;
  mk_report_t r;
  CHECK (checked_sample ("tests/unit/articles/jerusalem-path-quote.he.md", "reader-6", &pages,
                         &r));
  CHECK_EQ_INT (pages, 8);
  CHECK_EQ_INT (r.count[MK_RUNT_PAGE], 0);
  CHECK_EQ_INT (r.faults - r.count[MK_QUOTE_BEFORE_PASSAGE], 0);   /* its place as before */
  mk_report_free (&r);
}

int
main (void)
{
  RUN (runt_drawn_back_by_quote_white_on_page_before);
  return test_summary ();
}
