/* A last page whose columns end in a table's rows, let down by space between the rows
 * (vjust.c, row_space). ferry-lines-table.de (held-out h68-de-1.de) ends on a table of twelve
 * rows, most of two lines, turned over the last page's two columns on kiosk-7.5: four rows in
 * the first, five in the second, the first column ending 28 px above the second (a line step
 * is 24). No row can move without ending them further apart, and a last page's vertical
 * justification took space only above floats, subheads and comments, none of which the
 * column holds: the column's rows now take a little space between them, as a full page's
 * do, and the columns end within a line step. */
#include <inkset/inkset.h>
#include <cjson/cJSON.h>
#include <stdio.h>
#include <string.h>
#include "test.h"
#include "fixture.h"
#include "makeup_check.h"
#include "checked.h"

#define ARTICLE "tests/unit/articles/ferry-lines-table.de.md"

/* The columns of the last page of ARTICLE on tpl that hold a table's lines: bit 0 the first,
 * bit 1 the second. */
static unsigned
table_columns (const char *tpl)
{
  char path[512];
  snprintf (path, sizeof path, "%s/%s", INK_SOURCE_DIR, ARTICLE);
  fixture_t s;
  const char *json;
  size_t len;
  unsigned cols = 0;
  if (fixture_lay_out (&s, NULL, path, tpl) &&
      ink_document_layout_json (s.doc, &json, &len) == INK_OK) {
    cJSON *root = cJSON_ParseWithLength (json, len);
    const cJSON *pages = cJSON_GetObjectItem (root, "pages");
    const cJSON *page = cJSON_GetArrayItem (pages, cJSON_GetArraySize (pages) - 1), *it;
    const cJSON *c1 = cJSON_GetArrayItem (cJSON_GetObjectItem (page, "columns"), 1);
    double second = c1 ? cJSON_GetObjectItem (c1, "x")->valuedouble : 1e9;
    cJSON_ArrayForEach (it, cJSON_GetObjectItem (page, "items"))
    {
      const cJSON *role = cJSON_GetObjectItem (it, "role");
      if (cJSON_IsString (role) && !strcmp (role->valuestring, "table"))
        cols |= cJSON_GetObjectItem (it, "x")->valuedouble < second ? 1u : 2u;
    }
    cJSON_Delete (root);
  }
  fixture_tear_down (&s);
  return cols;
}

TEST (table_rows_turned_over_the_last_page_end_its_columns_together)
{
  CHECK_EQ_INT (table_columns ("kiosk-7.5"), 3);
  CHECK_EQ_INT (checked_faults (ARTICLE, "kiosk-7.5", MK_UNBALANCED_LAST_PAGE), 0);
}

int
main (void)
{
  RUN (table_rows_turned_over_the_last_page_end_its_columns_together);
  return test_summary ();
}
