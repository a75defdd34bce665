/* A last page whose columns end within a line step already sets a list item a line looser
 * only within the ragged bound its own lines keep (balance.c, ink__set_para_looser_bounded):
 * an item broken at half the column ("storm drains under / the yard, which / flooded the
 * basement twice") reads worse than columns that end a line apart. Before, balancing took
 * such a setting to score the page better and the checker noted a short ragged line. */
#include <inkset/inkset.h>
#include <stdio.h>
#include <string.h>
#include "test.h"
#include "fixture.h"
#include "makeup_check.h"
#include "checked.h"

#define MUSEUM "tests/unit/articles/museum-east-wing.md"

/* One page on print-a4: six paragraphs, a lead-in and four items, a closing line and
 * comments. The page's columns end within a line step with the items as the breaker sets
 * them; the first item is no longer set a line looser to score it better. */
TEST (last_page_list_keeps_natural_breaks)
{
  CHECK_EQ_INT (checked_faults (MUSEUM, "print-a4", MK_SHORT_RAGGED_LINE), 0);
  size_t pages;
  mk_report_t r;
  CHECK (checked_sample (MUSEUM, "print-a4", &pages, &r));
  CHECK_EQ_INT (r.faults, 0);
  CHECK_EQ_INT (pages, 1);
  mk_report_free (&r);
}

/* The item reads "storm drains under the yard, / which flooded the basement / twice before
 * the pipe burst;" as the breaker sets it, not "storm drains under" alone. */
TEST (last_page_item_not_broken_short)
{
  fixture_t s;
  const char *json;
  size_t len;
  CHECK (fixture_lay_out (&s, NULL, INK_SOURCE_DIR "/" MUSEUM, "print-a4"));
  CHECK_EQ_INT (ink_document_layout_json (s.doc, &json, &len), INK_OK);
  CHECK (strstr (json, "\"storm drains under\"") == NULL);
  CHECK (strstr (json, "\"storm drains under the yard,\"") != NULL);
  fixture_tear_down (&s);
}

int
main (void)
{
  RUN (last_page_list_keeps_natural_breaks);
  RUN (last_page_item_not_broken_short);
  return test_summary ();
}
