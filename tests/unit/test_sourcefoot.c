/* The source line at the foot of the last page's text (sourcefoot.c): a last page that holds
 * a paragraph's three lines in its first column and the source line alone in the second lets
 * the source line down to end level with the text, where it stood at the column's top more
 * than a line step above it (the make-up check's unbalanced-last-page). */
#include <inkset/inkset.h>
#include <stdio.h>
#include <string.h>
#include "test.h"
#include "fixture.h"
#include "makeup_check.h"
#include "checked.h"

/* brackwater-board (tests/unit/articles): thirteen short paragraphs of a harbour board's
 * meeting fill page 1 of kiosk-10.3; the last, three lines, goes to page 2 with the source
 * line of two lines, which balancing sets alone in the second column (63.5 px above the
 * text's last line before). */
TEST (source_line_ends_with_the_text)
{
  mk_report_t r;
  size_t pages = 0;
  CHECK (checked_sample ("tests/unit/articles/brackwater-board.md", "kiosk-10.3", &pages, &r));
  CHECK_EQ_INT (pages, 2);
  CHECK_EQ_INT (r.count[MK_UNBALANCED_LAST_PAGE], 0);
  CHECK_EQ_INT (r.faults, 0);
  mk_report_free (&r);
}

int
main (void)
{
  RUN (source_line_ends_with_the_text);
  return test_summary ();
}
