/* A float that waits does not go in right under a subhead (or a comment's author) when set
 * there it leaves no room for two lines of the head's text above the column's foot
 * (flow.c, strands_head): the head would end the column with none of its text under it,
 * the float between them. hillside-repairs on reader-6 set a subhead, a pull quote under it
 * and the subhead's paragraph on the next page. */
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

TEST (float_never_strands_its_head)
{
  CHECK_EQ_INT (checked_faults ("hillside-repairs.md", "reader-6", MK_STRANDED_HEAD), 0);
  CHECK_EQ_INT (checked_faults ("hillside-repairs.md", "reader-6", MK_FLOAT_ORDER), 0);
}

int
main (void)
{
  RUN (float_never_strands_its_head);
  return test_summary ();
}
