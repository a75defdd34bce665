/* The last two pages made up together (lastpair.c) when the last page holds a reader's comment
 * of five lines alone that the page before could not draw back (runt.c): the runt's pair
 * trials score the last page as its balancing sets it, the comment's author kept with its
 * lines, so that it counts as ending its columns apart, and the full page gives it comments. */
#include <inkset/inkset.h>
#include <stdio.h>
#include <string.h>
#include "test.h"
#include "fixture.h"
#include "makeup_check.h"
#include "checked.h"

#define NOYYAL "tests/unit/articles/noyyal-comments.ta.md"

/* Four pages on kiosk-7.5. As the full page was left, the last held one comment (its author's
 * two lines and three of text) in the first column alone; given the end of the comment over
 * it and the reply under that, both columns hold comments and end within a line step. */
TEST (comment_alone_fills_columns)
{
  size_t pages;
  mk_report_t r;
  CHECK (checked_sample (NOYYAL, "kiosk-7.5", &pages, &r));
  CHECK_EQ_INT (pages, 4);
  mk_report_free (&r);
  CHECK_EQ_INT (checked_faults (NOYYAL, "kiosk-7.5", MK_UNBALANCED_LAST_PAGE), 0);
}

int
main (void)
{
  RUN (comment_alone_fills_columns);
  return test_summary ();
}
