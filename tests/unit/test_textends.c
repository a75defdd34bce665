/* A page after which only floats come before the comments is the text's last
 * (lib/paginate/vjust.c, story_goes_on): its columns are not let down to the frame's foot.
 * Vertical justification took such a page for a full one whose text goes on, and let the
 * pull quote that follows the text's last line down onto the foot of the column: on a
 * one-column page the reader met two lines of text, nine line steps of white and the quote
 * (the make-up check's column-hole, where the text ends).
 *
 * slipway-objections (tests/unit/articles): three paragraphs, a pull quote, a chart and two
 * comments. On reader-6 the text ends at page 2's top; the chart does not fit under the
 * quote and opens page 3. */
#include <inkset/inkset.h>
#include <stdio.h>
#include <string.h>
#include "test.h"
#include "fixture.h"
#include "makeup_check.h"
#include "checked.h"

#define ARTICLE "tests/unit/articles/slipway-objections.md"

TEST (quote_after_the_text_stands_under_it)
{
  CHECK_EQ_INT (checked_faults (ARTICLE, "reader-6", MK_COLUMN_HOLE), 0);
}

TEST (no_hole_on_any_template)
{
  const char *tpls[] = { "kiosk-10.3", "kiosk-7.5", "print-a4" };
  for (size_t i = 0; i < sizeof tpls / sizeof *tpls; i++)
    CHECK_EQ_INT (checked_faults (ARTICLE, tpls[i], MK_COLUMN_HOLE), 0);
}

int
main (void)
{
  RUN (quote_after_the_text_stands_under_it);
  RUN (no_hole_on_any_template);
  return test_summary ();
}
