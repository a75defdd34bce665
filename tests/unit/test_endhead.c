/* A subhead the article ends on (vjust.c, vjpieces.c): nothing follows it but, on its page,
 * the comments. It heads nothing, so it does not go with the next column as a subhead at a
 * column's foot does: vertical justification puts space above it, as above any subhead, to
 * let a last page's column that ends on it down to within a line step of the others. Before,
 * such a column took no space there and the last page ended its columns two line steps apart
 * (held-out h65-he-2.he print-a4, 102.55 px apart at a step of 52.08; h65-fa-1.fa kiosk-7.5,
 * 68.58 px at 30): the make-up checker now finds them within a line step, and the subhead
 * still ends its column. */
#include <inkset/inkset.h>
#include <cjson/cJSON.h>
#include <stdio.h>
#include <string.h>
#include "test.h"
#include "fixture.h"
#include "makeup_check.h"
#include "checked.h"

/* Whether the last body item of article's last page on tpl, in the article's order, is the
 * subhead `head` (the article still ends on it). */
static bool
ends_on_head (const char *article, const char *tpl, const char *head)
{
  char path[512];
  snprintf (path, sizeof path, "%s/%s", INK_SOURCE_DIR, article);
  fixture_t s;
  const char *json;
  size_t len;
  bool ends = false;
  if (fixture_lay_out (&s, NULL, path, tpl) &&
      ink_document_layout_json (s.doc, &json, &len) == INK_OK) {
    cJSON *root = cJSON_ParseWithLength (json, len);
    const cJSON *pages = cJSON_GetObjectItem (root, "pages");
    const cJSON *page = cJSON_GetArrayItem (pages, cJSON_GetArraySize (pages) - 1), *it;
    const cJSON *last = NULL;
    double block = -1;
    cJSON_ArrayForEach (it, cJSON_GetObjectItem (page, "items"))
    {
      const cJSON *b = cJSON_GetObjectItem (it, "block");
      if (cJSON_IsNumber (b) && b->valuedouble >= block &&
          !cJSON_IsTrue (cJSON_GetObjectItem (it, "generated"))) {
        block = b->valuedouble;
        last = it;
      }
    }
    const cJSON *role = last ? cJSON_GetObjectItem (last, "role") : NULL;
    const cJSON *text = last ? cJSON_GetObjectItem (last, "text") : NULL;
    ends = cJSON_IsString (role) && !strcmp (role->valuestring, "subhead") &&
           cJSON_IsString (text) && !strcmp (text->valuestring, head);
    cJSON_Delete (root);
  }
  fixture_tear_down (&s);
  return ends;
}

TEST (last_page_ends_together_on_the_articles_last_subhead)
{
  static const char *const pages[][3] = {
    { "tests/unit/articles/satellite-cost-head.he.md", "print-a4", "כמה זה עלה" },
    { "tests/unit/articles/orbit-show-head.fa.md", "kiosk-7.5", "برنامه‌های تازه و ساعت کار" },
  };
  for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
    CHECK_EQ_INT (checked_faults (pages[i][0], pages[i][1], MK_UNBALANCED_LAST_PAGE), 0);
    CHECK (ends_on_head (pages[i][0], pages[i][1], pages[i][2]));
  }
}

int
main (void)
{
  RUN (last_page_ends_together_on_the_articles_last_subhead);
  return test_summary ();
}
