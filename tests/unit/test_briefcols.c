/* A story of one page whose columns cannot end together is set in fewer, wider columns
 * (briefcols.c): a brief of a paragraph with a drop cap, a subhead and a paragraph of four
 * lines on print-a4 ended its three columns three line steps apart (the drop cap keeps its
 * paragraph whole, the subhead keeps two lines, the last paragraph's last two lines went on
 * to the third column); in two columns it ends them within a line step. Only where the
 * measure stays readable (kiosk-7.5's frame is 41 ems of the body wide: two columns stay),
 * and not when a pull quote would then stand between a subhead and its text. */
#include <inkset/inkset.h>
#include <stdio.h>
#include <string.h>
#include "article.h"
#include "layout-internal.h"
#include "test.h"
#include "fixture.h"
#include "makeup_check.h"
#include "checked.h"

#define OWN "tests/unit/articles/pier-cafe-licence.md"

/* The columns page 1 of article (a sample's name or OWN) is set in on tpl, 0 when the
 * layout fails; *pages the document's pages. */
static unsigned
columns_of (const char *article, const char *tpl, size_t *pages)
{
  char path[512];
  snprintf (path, sizeof path, strchr (article, '/') ? "%s/%s" : "%s/examples/articles/%s",
            INK_SOURCE_DIR, article);
  fixture_t s;
  unsigned n = 0;
  *pages = 0;
  if (fixture_lay_out (&s, NULL, path, tpl)) {
    *pages = s.doc->pages.n;
    n = s.doc->pages.v[0].ncols ? s.doc->pages.v[0].ncols : s.t->columns;
  }
  fixture_tear_down (&s);
  return n;
}

TEST (brief_in_two_columns_of_three)
{
  size_t pages;
  CHECK_EQ_INT (columns_of (OWN, "print-a4", &pages), 2);
  CHECK_EQ_INT (pages, 1);
  CHECK_EQ_INT (checked_faults (OWN, "print-a4", MK_UNBALANCED_LAST_PAGE), 0);
  mk_report_t r;
  CHECK (checked_sample (OWN, "print-a4", &pages, &r));
  CHECK_EQ_INT (r.faults, 0);
  mk_report_free (&r);
  CHECK_EQ_INT (columns_of ("library-evenings.md", "print-a4", &pages), 2);
  CHECK_EQ_INT (checked_faults ("library-evenings.md", "print-a4", MK_UNBALANCED_LAST_PAGE), 0);
}

/* A one-column measure the frame wide would be too wide to read: kiosk-7.5 keeps its two. */
TEST (measure_stays_readable)
{
  size_t pages;
  CHECK_EQ_INT (columns_of (OWN, "kiosk-7.5", &pages), 2);
  CHECK_EQ_INT (columns_of ("bridge-closure.md", "kiosk-7.5", &pages), 2);
}

/* In two columns ferry-timetable's second pull quote, waiting for a column, would open the
 * second under the subhead, before the subhead's text: its three columns stay. */
TEST (subhead_not_parted_from_its_text)
{
  size_t pages;
  CHECK_EQ_INT (columns_of ("ferry-timetable.md", "print-a4", &pages), 3);
}

/* A story of more than a page keeps the template's columns. */
TEST (longer_story_untouched)
{
  size_t pages;
  CHECK_EQ_INT (columns_of ("valley-buses.md", "print-a4", &pages), 3);
  CHECK (pages >= 2);
}

int
main (void)
{
  RUN (brief_in_two_columns_of_three);
  RUN (measure_stays_readable);
  RUN (subhead_not_parted_from_its_text);
  RUN (longer_story_untouched);
  return test_summary ();
}
