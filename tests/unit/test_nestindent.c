/* A list nested deep keeps three quarters of its column's measure (units.c, nest_indent):
 * a feed converter once sent lists 30 levels deep, and each level took another em until a
 * line held a word or two. Indent grows a level at a time up to a quarter of the column. */
#include <inkset/inkset.h>
#include <cjson/cJSON.h>
#include <stdio.h>
#include <string.h>
#include "test.h"
#include "fixture.h"

/* Markdown: a lead paragraph, then a list nested `levels` deep, an item at each level. */
static void
nested_list (char *md, size_t cap, int levels)
{
  size_t n = (size_t) snprintf (md, cap, "---\ntitle: Ward results, nested\nlang: en\n---\n\n"
                                         "The council's feed sends its results as lists in "
                                         "lists:\n\n");
  for (int i = 0; i < levels && n < cap; i++)
    n += (size_t) snprintf (md + n, cap - n, "%*s- level %d: the seats, the turnout and the "
                            "count of spoilt papers at this level of the feed\n",
                            2 * i, "", i + 1);
}

/* How far right of its column's start any list line of the layout begins, in px, and the
 * column's width; false when the layout holds no list line. */
static bool
deepest_list_line (const char *json, size_t len, double *in, double *colw)
{
  cJSON *root = cJSON_ParseWithLength (json, len);
  const cJSON *page, *it;
  bool any = false;
  *in = 0;
  cJSON_ArrayForEach (page, cJSON_GetObjectItem (root, "pages"))
  {
    const cJSON *cols = cJSON_GetObjectItem (page, "columns");
    cJSON_ArrayForEach (it, cJSON_GetObjectItem (page, "items"))
    {
      const cJSON *role = cJSON_GetObjectItem (it, "role");
      if (!cJSON_IsString (role) || strcmp (role->valuestring, "list"))
        continue;
      double x = cJSON_GetObjectItem (it, "x")->valuedouble;
      const cJSON *c;
      cJSON_ArrayForEach (c, cols)
      {
        double cx = cJSON_GetObjectItem (c, "x")->valuedouble;
        double cw = cJSON_GetObjectItem (c, "width")->valuedouble;
        if (x >= cx - 1 && x < cx + cw) {
          *colw = cw;
          *in = x - cx > *in ? x - cx : *in;
          any = true;
        }
      }
    }
  }
  cJSON_Delete (root);
  return any;
}

/* A list `levels` deep laid out on kiosk-10.3: how far in its deepest line begins, and its
 * column's width. */
static void
deepest_at (int levels, double *in, double *colw)
{
  static char md[16384];
  nested_list (md, sizeof md, levels);
  fixture_t s;
  const char *json;
  size_t len;
  *in = *colw = 0;
  CHECK (fixture_lay_out (&s, md, NULL, "kiosk-10.3"));
  CHECK_EQ_INT (ink_document_layout_json (s.doc, &json, &len), INK_OK);
  CHECK (deepest_list_line (json, len, in, colw));
  fixture_tear_down (&s);
}

/* Thirty levels on kiosk-10.3 (a 600 px column): before, the deepest item began 29 ems
 * (about 870 px) in, past its column; now within a quarter of the column and the bullet's
 * hang. */
TEST (deep_list_keeps_three_quarters_of_the_measure)
{
  double in, colw;
  deepest_at (30, &in, &colw);
  CHECK (colw > 0);
  CHECK (in <= colw / 4 + colw / 10);
}

/* A list three deep still steps in a level at a time: level 3 begins two ems right of level 1. */
TEST (shallow_list_indents_by_level)
{
  double in, colw;
  deepest_at (3, &in, &colw);
  CHECK (in >= 40 && in < colw / 4);
}

int
main (void)
{
  RUN (deep_list_keeps_three_quarters_of_the_measure);
  RUN (shallow_list_indents_by_level);
  return test_summary ();
}
