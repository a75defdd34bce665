/* A picture that opens the last page alone in its column set across the columns' top
 * (widepic.c, widen.c). The chart of tram-repairs-chart.uk (held-out held-uk-0.uk) waited
 * for the last page and opened its first column alone, beside the text's last five lines
 * (kiosk-10.3: columns 150.74 px apart at a step of 42; kiosk-7.5: 120 px at 24): it now
 * stands centred over the columns, beside none of the text, which ends its columns together
 * (kiosk-7.5: at the page's top, the text under it; kiosk-10.3, where the page before gives
 * the last page more lines, under the text's end). */
#include <inkset/inkset.h>
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "test.h"
#include "fixture.h"
#include "makeup_check.h"
#include "checked.h"

#define ARTICLE "tests/unit/articles/tram-repairs-chart.uk.md"

/* Whether the last page of ARTICLE on tpl has a picture centred over its columns, within a
 * pixel, above or below all of its text: beside none of it. */
static bool
picture_across (const char *tpl)
{
  char path[512];
  snprintf (path, sizeof path, "%s/%s", INK_SOURCE_DIR, ARTICLE);
  fixture_t s;
  const char *json;
  size_t len;
  bool across = false;
  if (fixture_lay_out (&s, NULL, path, tpl) &&
      ink_document_layout_json (s.doc, &json, &len) == INK_OK) {
    cJSON *root = cJSON_ParseWithLength (json, len);
    const cJSON *pages = cJSON_GetObjectItem (root, "pages");
    const cJSON *page = cJSON_GetArrayItem (pages, cJSON_GetArraySize (pages) - 1), *it;
    const cJSON *cols = cJSON_GetObjectItem (page, "columns");
    const cJSON *c0 = cJSON_GetArrayItem (cols, 0);
    const cJSON *cn = cJSON_GetArrayItem (cols, cJSON_GetArraySize (cols) - 1);
    double left = cJSON_GetObjectItem (c0, "x")->valuedouble;
    double right = cJSON_GetObjectItem (cn, "x")->valuedouble +
                   cJSON_GetObjectItem (cn, "width")->valuedouble;
    double pic_top = -1, pic_foot = -1, text_top = 1e9, text_foot = -1;
    cJSON_ArrayForEach (it, cJSON_GetObjectItem (page, "items"))
    {
      const cJSON *type = cJSON_GetObjectItem (it, "type");
      const cJSON *role = cJSON_GetObjectItem (it, "role");
      double x = cJSON_GetObjectItem (it, "x")->valuedouble;
      double y = cJSON_GetObjectItem (it, "y")->valuedouble;
      double w = cJSON_GetObjectItem (it, "width")->valuedouble;
      double h = cJSON_GetObjectItem (it, "height")->valuedouble;
      if (cJSON_IsString (type) && !strcmp (type->valuestring, "image") &&
          fabs (x + w / 2 - (left + right) / 2) <= 1) {
        pic_top = y;
        pic_foot = y + h;
      }
      if (cJSON_IsString (role) && !strcmp (role->valuestring, "body")) {
        text_top = y < text_top ? y : text_top;
        text_foot = y + h > text_foot ? y + h : text_foot;
      }
    }
    across = pic_foot > 0 && (pic_foot < text_top || pic_top > text_foot);
    cJSON_Delete (root);
  }
  fixture_tear_down (&s);
  return across;
}

TEST (picture_alone_in_last_pages_column_goes_across_the_columns)
{
  static const char *const tpls[] = { "kiosk-10.3", "kiosk-7.5" };
  for (size_t i = 0; i < sizeof tpls / sizeof tpls[0]; i++) {
    CHECK_EQ_INT (checked_faults (ARTICLE, tpls[i], MK_UNBALANCED_LAST_PAGE), 0);
    CHECK (picture_across (tpls[i]));
  }
}

int
main (void)
{
  RUN (picture_alone_in_last_pages_column_goes_across_the_columns);
  return test_summary ();
}
