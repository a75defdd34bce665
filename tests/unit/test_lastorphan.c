/* On the last page, whose columns balancing sets short (a bottom above the frame's), a column
 * of floats alone keeps the orphans rule under them (lib/paginate/flow.c, fit_in): a
 * paragraph's first line does not stand alone under a picture at the foot of such a column,
 * the rest of the paragraph in the next; two lines go there, or none. The make-up checker
 * (tests/tools/makeup_lone.c) counts such a line as a lone-line fault. */
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

/* lecture-tickets kiosk-7.5, a one-page brief: the lead picture opens column 1, and balancing
 * set the story's first line alone under it, the paragraph's four other lines in column 2.
 * Two lines go under the picture now, and the page has no fault. */
TEST (two_lines_under_the_lead_picture)
{
  mk_report_t r;
  size_t pages;
  CHECK (checked_sample ("lecture-tickets.md", "kiosk-7.5", &pages, &r));
  CHECK_EQ_INT (r.count[MK_LONE_LINE], 0);
  CHECK_EQ_INT ((int) r.faults, 0);
  CHECK_EQ_INT ((int) pages, 1);
  mk_report_free (&r);
}

int
main (void)
{
  RUN (two_lines_under_the_lead_picture);
  return test_summary ();
}
