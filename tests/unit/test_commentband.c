/* The readers' comments in a band of their own under the text's end (commentband.c).
 * library-closure-comments.el (held-out h67-el-0.el) ended its last page with the text's last
 * lines beside its two comments (kiosk-10.3: 143 px apart; kiosk-7.5: the first comment under
 * the text, 71 px): a rule across the columns now parts the text over it from the comments
 * under it, side by side. snow-festival-comments.ja (h67-ja-1.ja) ended its last page with
 * the text's last lines and the closing quote in column 1 beside its two comments in column 2
 * (kiosk-10.3: 303 px apart; kiosk-7.5: 107 px): the quote now stands across the columns
 * under all the text and over all the comments, which end together. */
#include <inkset/inkset.h>
#include <cjson/cJSON.h>
#include <stdio.h>
#include <string.h>
#include "test.h"
#include "fixture.h"
#include "makeup_check.h"
#include "checked.h"

#define QUOTED "tests/unit/articles/snow-festival-comments.ja.md"
#define RULED "tests/unit/articles/library-closure-comments.el.md"

/* The band of the last page's items of role `role`: its top and foot (foot < 0: none). */
typedef struct {
  double top, foot;
} band_t;

static void
band_add (band_t *b, const cJSON *it)
{
  double y = cJSON_GetObjectItem (it, "y")->valuedouble;
  double h = cJSON_GetObjectItem (it, "height")->valuedouble;
  b->top = y < b->top ? y : b->top;
  b->foot = y + h > b->foot ? y + h : b->foot;
}

static bool
has_role (const cJSON *it, const char *role)
{
  const cJSON *r = cJSON_GetObjectItem (it, "role");
  return cJSON_IsString (r) && !strcmp (r->valuestring, role);
}

/* Whether the last page of article on tpl has, under all the text and over all the
 * comments, a quote line wider than a column (quoted) or else a rule across the columns. */
static bool
parted (const char *article, const char *tpl, bool quoted)
{
  char path[512];
  snprintf (path, sizeof path, "%s/%s", INK_SOURCE_DIR, article);
  fixture_t s;
  const char *json;
  size_t len;
  bool between = false;
  if (fixture_lay_out (&s, NULL, path, tpl) &&
      ink_document_layout_json (s.doc, &json, &len) == INK_OK) {
    cJSON *root = cJSON_ParseWithLength (json, len);
    const cJSON *pages = cJSON_GetObjectItem (root, "pages");
    const cJSON *page = cJSON_GetArrayItem (pages, cJSON_GetArraySize (pages) - 1), *it;
    const cJSON *c0 = cJSON_GetArrayItem (cJSON_GetObjectItem (page, "columns"), 0);
    double colw = cJSON_GetObjectItem (c0, "width")->valuedouble, widest = 0;
    double rule_y = -1;
    band_t text = { 1e9, -1 }, quote = { 1e9, -1 }, comments = { 1e9, -1 };
    cJSON_ArrayForEach (it, cJSON_GetObjectItem (page, "items"))
    {
      if (has_role (it, "body"))
        band_add (&text, it);
      if (has_role (it, "comment") || has_role (it, "comment_author"))
        band_add (&comments, it);
      const cJSON *type = cJSON_GetObjectItem (it, "type");
      if (cJSON_IsString (type) && !strcmp (type->valuestring, "rule") &&
          cJSON_GetObjectItem (it, "width")->valuedouble > 2 * colw)
        rule_y = cJSON_GetObjectItem (it, "y")->valuedouble;
      if (has_role (it, "quote")) {
        band_add (&quote, it);
        double w = cJSON_GetObjectItem (it, "width")->valuedouble;
        widest = w > widest ? w : widest;
      }
    }
    if (quoted)
      between = widest > colw && text.foot > 0 && quote.foot > 0 && comments.foot > 0 &&
                text.foot <= quote.top && quote.foot <= comments.top;
    else
      between = text.foot > 0 && comments.foot > 0 && text.foot <= rule_y &&
                rule_y < comments.top;
    cJSON_Delete (root);
  }
  fixture_tear_down (&s);
  return between;
}

TEST (comments_beside_the_text_go_under_a_rule_across_the_columns)
{
  static const char *const tpls[] = { "kiosk-10.3", "kiosk-7.5" };
  for (size_t i = 0; i < sizeof tpls / sizeof tpls[0]; i++) {
    CHECK_EQ_INT (checked_faults (RULED, tpls[i], MK_UNBALANCED_LAST_PAGE), 0);
    CHECK (parted (RULED, tpls[i], false));
  }
}

TEST (closing_quote_beside_comments_goes_across_between_text_and_comments)
{
  static const char *const tpls[] = { "kiosk-10.3", "kiosk-7.5" };
  for (size_t i = 0; i < sizeof tpls / sizeof tpls[0]; i++) {
    CHECK_EQ_INT (checked_faults (QUOTED, tpls[i], MK_UNBALANCED_LAST_PAGE), 0);
    CHECK (parted (QUOTED, tpls[i], true));
  }
}

int
main (void)
{
  RUN (comments_beside_the_text_go_under_a_rule_across_the_columns);
  RUN (closing_quote_beside_comments_goes_across_between_text_and_comments);
  return test_summary ();
}
