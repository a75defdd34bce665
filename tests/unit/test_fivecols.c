/* A last page on five columns ends its columns within a line step: sixty-eight lines of
 * running text set 14 14 14 13 13, the first three columns a line longer than the last two
 * (balance.c, share_bottoms). Setting all columns at one bottom, or only the first two a
 * line lower, left the last column two lines short. */
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

#define TPL INK_SOURCE_DIR "/tests/unit/templates/five-columns.ini"

TEST (five_columns_last_page_balanced)
{
  const char *a = "tests/unit/articles/weir-footbridge.md";
  CHECK_EQ_INT (checked_faults (a, TPL, MK_UNBALANCED_LAST_PAGE), 0);
  CHECK_EQ_INT (checked_faults (a, TPL, MK_EMPTY_COLUMN), 0);
  CHECK_EQ_INT (checked_faults (a, TPL, MK_LOST_TEXT), 0);
}

int
main (void)
{
  RUN (five_columns_last_page_balanced);
  return test_summary ();
}
