/* White on a last page (vjust.c): its columns need end only within a line step of each other,
 * so a column let down to the deepest takes at most one line step at each place (above a
 * float, a subhead, a comment) where that brings it within a line, and the template's bound
 * (two steps) only where it does not. Before, a column of few places took two steps at one
 * of them, and read with a hole of three line steps above a subhead or under a related box
 * (water-tariffs print-a4 above "Help with bills", night-trams kiosk-7.5 under its related
 * link). On those pages no white between two things of one column passes 2.5 line steps,
 * and the make-up checker still finds the columns ending within a line step. */
#include <inkset/inkset.h>
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "test.h"
#include "fixture.h"
#include "makeup_check.h"
#include "checked.h"

/* The deepest white, in line steps, between consecutive things (lines, pictures, rules) that
 * stand inside column col of the page: from the lowest bottom above to the next top. */
static double
column_white (const cJSON *page, const cJSON *col, double step)
{
  double cx = cJSON_GetObjectItem (col, "x")->valuedouble;
  double cw = cJSON_GetObjectItem (col, "width")->valuedouble;
  double top = cJSON_GetObjectItem (col, "top")->valuedouble;
  double y[512], bot[512], most = 0;
  size_t n = 0;
  const cJSON *it;
  cJSON_ArrayForEach (it, cJSON_GetObjectItem (page, "items"))
  {
    double x = cJSON_GetObjectItem (it, "x")->valuedouble;
    double w = cJSON_GetObjectItem (it, "width")->valuedouble;
    double iy = cJSON_GetObjectItem (it, "y")->valuedouble;
    if (cJSON_IsTrue (cJSON_GetObjectItem (it, "generated")) || x < cx - 2 ||
        x + w > cx + cw + 2 || iy < top - 2 || n == 512)
      continue;
    y[n] = iy;
    bot[n++] = iy + cJSON_GetObjectItem (it, "height")->valuedouble;
  }
  for (size_t i = 0; i < n; i++) {   /* the white under each thing, to the next top below */
    double next = INFINITY, low = -INFINITY;
    for (size_t j = 0; j < n; j++)
      if (y[j] > y[i] && y[j] < next)
        next = y[j];
    for (size_t j = 0; j < n; j++)
      if (y[j] < next && bot[j] > low)
        low = bot[j];
    if (isfinite (next) && bot[i] == low && next - low > most * step)
      most = (next - low) / step;
  }
  return most;
}

/* The deepest white in any column of article's last page on template tpl, in line steps;
 * 1000 when it could not be laid out. */
static double
last_page_white (const char *article, const char *tpl)
{
  char path[512];
  snprintf (path, sizeof path, "%s/examples/articles/%s", INK_SOURCE_DIR, article);
  fixture_t s;
  const char *json;
  size_t len;
  double most = 1000;
  if (fixture_lay_out (&s, NULL, path, tpl) &&
      ink_document_layout_json (s.doc, &json, &len) == INK_OK) {
    cJSON *root = cJSON_ParseWithLength (json, len);
    const cJSON *pages = cJSON_GetObjectItem (root, "pages");
    const cJSON *page = cJSON_GetArrayItem (pages, cJSON_GetArraySize (pages) - 1), *col;
    double step = cJSON_GetObjectItem (cJSON_GetObjectItem (page, "grid"), "step")->valuedouble;
    most = 0;
    cJSON_ArrayForEach (col, cJSON_GetObjectItem (page, "columns"))
      most = fmax (most, column_white (page, col, step));
    if (most > 2.5)
      fprintf (stderr, "%s %s: %.2f line steps of white on the last page\n", article, tpl,
               most);
    cJSON_Delete (root);
  }
  fixture_tear_down (&s);
  return most;
}

TEST (last_page_white_at_one_place_within_a_line)
{
  static const char *const pages[][2] = {
    { "water-tariffs.md", "print-a4" },   /* above a subhead */
    { "patna-space-labs.hi.md", "print-a4" },
    { "nanjing-metro.zh.md", "print-a4" },
    { "night-trams.md", "kiosk-7.5" },   /* under a related link */
    { "haifa-port.he.md", "kiosk-7.5" },
  };
  for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
    CHECK (last_page_white (pages[i][0], pages[i][1]) <= 2.5);
    CHECK_EQ_INT (checked_faults (pages[i][0], pages[i][1], MK_UNBALANCED_LAST_PAGE), 0);
  }
}

int
main (void)
{
  RUN (last_page_white_at_one_place_within_a_line);
  return test_summary ();
}
