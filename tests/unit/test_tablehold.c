/* A short table let down towards its column's foot on a full page whose text goes on, held
 * up two line steps under the text so as to open no hole over it, takes the rest of the
 * white between its rows (lib/paginate/tablehold.c), so that its last rule sits on the foot:
 * own article patna-labs-hold.hi, a lab table after three paragraphs, ended reader-6's p5
 * 1.05 line steps short of the foot before (table-foot). */
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

TEST (held_table_opens_its_rows_to_the_foot)
{
  CHECK_EQ_INT (checked_faults ("tests/unit/articles/patna-labs-hold.hi.md", "reader-6",
                                MK_TABLE_FOOT), 0);
}

int
main (void)
{
  RUN (held_table_opens_its_rows_to_the_foot);
  return test_summary ();
}
