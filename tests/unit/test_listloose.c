/* A full page whose column ends a line short because its list's items cannot give a line:
 * make-up sets an item a line looser (pages.c), and its last line, given company by the line
 * above (ink__loose_company, balanced.c), may be as short as it falls on a full page, as a
 * paragraph's last line is. Before, the item's three lines were refused when the last was
 * under half the widest, and the page's columns ended a line apart (uneven-full-page). */
#include <inkset/inkset.h>
#include <stdio.h>
#include <string.h>
#include "test.h"
#include "fixture.h"
#include "makeup_check.h"
#include "checked.h"

#define QUAY "tests/unit/articles/quay-fish-market.md"

/* Page 1 on kiosk-7.5: a paragraph of nine lines split seven and two (widows 2), a lead-in
 * and two-line items; column 2 took a line more than column 1. Now the first item is set in
 * three lines and both columns end together. */
TEST (list_item_looser_ends_full_page_columns_together)
{
  CHECK_EQ_INT (checked_faults (QUAY, "kiosk-7.5", MK_UNEVEN_FULL_PAGE), 0);
  size_t pages;
  mk_report_t r;
  CHECK (checked_sample (QUAY, "kiosk-7.5", &pages, &r));
  CHECK_EQ_INT (r.faults, 0);
  CHECK_EQ_INT (pages, 3);
  mk_report_free (&r);
}

/* The looser item's last line has company: "as they / do now;", never "now;" alone, also
 * once the page is set again with the looseness it had (setpara.c gives company again). */
TEST (looser_item_last_line_has_company)
{
  fixture_t s;
  const char *json;
  size_t len;
  CHECK (fixture_lay_out (&s, NULL, INK_SOURCE_DIR "/" QUAY, "kiosk-7.5"));
  CHECK_EQ_INT (ink_document_layout_json (s.doc, &json, &len), INK_OK);
  CHECK (strstr (json, "\"do now;\"") != NULL);
  CHECK (strstr (json, "\"now;\"") == NULL);
  fixture_tear_down (&s);
}

int
main (void)
{
  RUN (list_item_looser_ends_full_page_columns_together);
  RUN (looser_item_last_line_has_company);
  return test_summary ();
}
