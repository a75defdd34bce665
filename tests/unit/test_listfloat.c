/* No float inside a list (lib/paginate/listfloat.c). A float set between a list's lead-in
 * and its first item, or between two items, parts a passage read as one (the make-up
 * check's float-order); it waits for the list's last item, with text after it, or for the
 * next column's top. tram-line-repairs on reader-6: the pull quote, waiting since page 1,
 * went in after the lead-in that opens page 2 (no later place had two paragraphs after
 * it: the list, a related link, the last paragraph); now after the list. quay-works-list:
 * the article itself sets a pull quote and a related link between items; on kiosk-7.5,
 * reader-6 and print-a4 they stood there, and the items around them stood a line step
 * apart; now they stand after the list or at a column's top, the items together. */
#include <inkset/inkset.h>
#include <stdio.h>
#include <string.h>
#include "test.h"
#include "fixture.h"
#include "makeup_check.h"
#include "checked.h"

static const char *const TEMPLATES[] = { "kiosk-10.3", "kiosk-7.5", "reader-6", "print-a4" };

TEST (waiting_quote_goes_after_the_list_not_its_lead_in)
{
  for (size_t i = 0; i < sizeof TEMPLATES / sizeof *TEMPLATES; i++)
    CHECK_EQ_INT (checked_faults ("tests/unit/articles/tram-line-repairs.md", TEMPLATES[i],
                                  MK_FLOAT_ORDER), 0);
}

TEST (floats_the_article_sets_inside_a_list_wait_for_its_end)
{
  for (size_t i = 0; i < sizeof TEMPLATES / sizeof *TEMPLATES; i++)
    CHECK_EQ_INT (checked_faults ("tests/unit/articles/quay-works-list.md", TEMPLATES[i],
                                  MK_FLOAT_ORDER), 0);
}

/* A sample of the same kind: the quote that waited went in after the lead-in. */
TEST (sample_quote_after_the_list)
{
  CHECK_EQ_INT (checked_faults ("lviv-tram.uk.md", "kiosk-7.5", MK_FLOAT_ORDER), 0);
  CHECK_EQ_INT (checked_faults ("coimbatore-rain.ta.md", "reader-6", MK_FLOAT_ORDER), 0);
}

int
main (void)
{
  RUN (waiting_quote_goes_after_the_list_not_its_lead_in);
  RUN (floats_the_article_sets_inside_a_list_wait_for_its_end);
  RUN (sample_quote_after_the_list);
  return test_summary ();
}
