/* A short table let down towards its column's foot on a full page whose text goes on, held
 * up two line steps under the text so as to open no hole over it, takes the rest of the
 * white between its rows (lib/paginate/tablehold.c), so that its last rule sits on the foot:
 * own article patna-labs-hold.hi, a lab table after three paragraphs, ended reader-6's p5
 * 1.05 line steps short of the foot before (table-foot). A column of a table's rows alone
 * comes down by the room under it, not the page's: the pull quote beside it ending lower
 * held it up (vjust.c, rows_alone_depth; own article yeosu-ferry-table.ko, a timetable under
 * a quote across the page, ended kiosk-7.5's p3 1.06 line steps short before). */
#include <inkset/inkset.h>
#include <stdio.h>
#include <string.h>
#include "article.h"
#include "paginate.h"
#include "template.h"
#include "test.h"
#include "fixture.h"
#include "makeup_check.h"
#include "checked.h"

/* Each article on its template, and the mend that brought its table down to the foot. */
static const struct {
  const char *article, *tpl, *mend;
} CASES[] = {
  { "tests/unit/articles/patna-labs-hold.hi.md", "reader-6", "held table opens its rows" },
  { "tests/unit/articles/yeosu-ferry-table.ko.md", "kiosk-7.5", "rows beside a lower float" },
};

TEST (tables_end_on_the_foot)
{
  for (size_t i = 0; i < sizeof CASES / sizeof *CASES; i++) {
    unsigned n = checked_faults (CASES[i].article, CASES[i].tpl, MK_TABLE_FOOT);
    if (n)
      fprintf (stderr, "  (%s)\n", CASES[i].mend);
    CHECK_EQ_INT (n, 0);
  }
}

int
main (void)
{
  RUN (tables_end_on_the_foot);
  return test_summary ();
}
