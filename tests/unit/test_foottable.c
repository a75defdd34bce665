/* A table let down to a column's foot opens no hole over it (lib/paginate/vjust.c,
 * float_at_foot and plan_places): a short table's float, with a picture under it or alone, is
 * held up on a full page as a float alone is, and a table alone that would still stand under
 * a hole is let down by its rows instead. The make-up checker (tests/tools/makeup_columns.c)
 * counts such a hole while the text goes on as a column-hole fault. */
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

/* A held-out article whose first column ends in a short table with a chart under it: vertical
 * justification let both down to the foot, 2.52 line steps under the column's text (on main,
 * a column-hole on kiosk-10.3). */
#define TABLE_AND_CHART "tests/unit/articles/saltmarsh-lido-table.md"

/* A held-out Hindi article whose page 3 ends its second column in a short table alone, let
 * down 3.02 line steps under the column's text (on main, a column-hole on kiosk-7.5). */
#define TABLE_ALONE "tests/unit/articles/bihar-labs-table.hi.md"

static void
check_no_hole (const char *article, const char *tpl)
{
  mk_report_t r;
  size_t pages;
  CHECK (checked_sample (article, tpl, &pages, &r));
  CHECK_EQ_INT (r.count[MK_COLUMN_HOLE], 0);
  CHECK_EQ_INT (r.count[MK_TABLE_FOOT], 0);
  CHECK_EQ_INT (r.count[MK_EMPTY_COLUMN], 0);
  CHECK_EQ_INT (r.count[MK_LOST_TEXT], 0);
  CHECK_EQ_INT (r.count[MK_UNEVEN_FULL_PAGE], 0);
  mk_report_free (&r);
}

TEST (table_and_chart_held_up)
{
  check_no_hole (TABLE_AND_CHART, "kiosk-10.3");
}

TEST (table_alone_held_up)
{
  check_no_hole (TABLE_ALONE, "kiosk-7.5");
}

int
main (void)
{
  RUN (table_and_chart_held_up);
  RUN (table_alone_held_up);
  return test_summary ();
}
