/* A pull quote the float order holds text for, set beside its passage (heldquote.c).
 * daejeon-science.ko on kiosk-10.3: page 1's picture leaves two columns of seven lines under
 * it; the first pull quote follows the second paragraph, which ends the first column, and at
 * the column's width misses the second column's foot by its white. In the article's order it
 * waited for page 2's top across the columns while the list's first items filled page 1's
 * second column: page 2 then read the quote inside the list, and its columns (the list's
 * tail, the table and the second quote beside the related link and the comments) ended
 * 326 px apart. The float order search holds the list's section across the page for the
 * quote, which now opens page 1's second column beside the text it quotes; page 2 starts
 * the section, and its columns end together. */
#include <inkset/inkset.h>
#include <stdio.h>
#include <string.h>
#include "test.h"
#include "fixture.h"
#include "makeup_check.h"
#include "checked.h"

TEST (held_quote_opens_the_next_column_beside_its_passage)
{
  mk_report_t r;
  size_t pages;
  CHECK (checked_sample ("daejeon-science.ko.md", "kiosk-10.3", &pages, &r));
  CHECK_EQ_INT (pages, 2);
  CHECK_EQ_INT (r.count[MK_UNBALANCED_LAST_PAGE], 0);
  CHECK_EQ_INT (r.count[MK_FLOAT_IN_LIST], 0);
  CHECK_EQ_INT (r.count[MK_FLOAT_ORDER], 0);
  mk_report_free (&r);
}

int
main (void)
{
  RUN (held_quote_opens_the_next_column_beside_its_passage);
  return test_summary ();
}
