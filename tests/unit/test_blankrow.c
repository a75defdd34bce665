/* A table's row whose cells are all empty is a row (tablerow.c): it keeps one line's height
 * between its rules, as a row of one line does, and its place is on the page. Set with no
 * height, its rules stood a pad apart (the make-up check's double-rule) and its block was on
 * no page (lost-text), on every template. */
#include <inkset/inkset.h>
#include <stdio.h>
#include <string.h>
#include "test.h"
#include "fixture.h"
#include "makeup_check.h"

#define ARTICLE "tests/unit/articles/allotment-plot-list.md"
#define BLOCKS 9   /* two paragraphs, the table's five rows, its note and a paragraph */

/* The faults of kind the checker finds on ARTICLE laid out on tpl, its blocks counted. */
static unsigned
faults (const char *tpl, mk_kind_t kind)
{
  fixture_t s;
  const char *json;
  size_t len;
  mk_report_t r = { 0 };
  unsigned n = UINT32_MAX;
  if (fixture_lay_out (&s, NULL, INK_SOURCE_DIR "/" ARTICLE, tpl) &&
      ink_document_layout_json (s.doc, &json, &len) == INK_OK &&
      mk_check_text (json, len, ARTICLE, BLOCKS, 0, &r))
    n = r.count[kind];
  if (n && r.text)
    fprintf (stderr, "%s %s: %s", ARTICLE, tpl, r.text);
  mk_report_free (&r);
  fixture_tear_down (&s);
  return n;
}

static const char *const TEMPLATES[] = { "kiosk-10.3", "kiosk-7.5", "reader-6", "print-a4" };

TEST (blank_row_is_on_the_page)
{
  for (size_t i = 0; i < sizeof TEMPLATES / sizeof *TEMPLATES; i++)
    CHECK_EQ_INT (faults (TEMPLATES[i], MK_LOST_TEXT), 0);
}

TEST (blank_row_keeps_its_rules_apart)
{
  for (size_t i = 0; i < sizeof TEMPLATES / sizeof *TEMPLATES; i++)
    CHECK_EQ_INT (faults (TEMPLATES[i], MK_DOUBLE_RULE), 0);
}

int
main (void)
{
  RUN (blank_row_is_on_the_page);
  RUN (blank_row_keeps_its_rules_apart);
  return test_summary ();
}
