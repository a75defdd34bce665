/* White space a make-up editor would send back. On a template that parts paragraphs by white
 * after each rather than by an indent, the last page's columns are balanced and evened by
 * cutting make-up's white (lastspace.c), never the paragraphs' own: cut to none, the nine
 * paragraphs of ferry-strike-ballot on one page read as one; the white under a table's rule
 * keeps INK_RULE_CLEAR (glen-line-timetable). And a code block's lines stand where the
 * source's spaces put them, all set in alike, the first not indented apart as a paragraph's
 * (terminal-settings: settings nested by four spaces, a fenced and an indented block). */
#include <inkset/inkset.h>
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "test.h"
#include "fixture.h"
#include "makeup_check.h"
#include "checked.h"

#define SPACED INK_SOURCE_DIR "/tests/unit/templates/spaced-paras.ini"

typedef struct {
  long block;
  int col;
  double x, y, h;
  char text[96];
} line_t;

/* The body lines of the layout, with the column each stands in (-1: none); how many. */
static size_t
body_lines (const char *json, size_t len, line_t *out, size_t max)
{
  cJSON *root = cJSON_ParseWithLength (json, len);
  const cJSON *page, *it;
  size_t n = 0;
  int page_cols = 0;
  cJSON_ArrayForEach (page, cJSON_GetObjectItem (root, "pages"))
  {
    const cJSON *cols = cJSON_GetObjectItem (page, "columns");
    cJSON_ArrayForEach (it, cJSON_GetObjectItem (page, "items"))
    {
      const cJSON *role = cJSON_GetObjectItem (it, "role");
      if (!cJSON_IsString (role) || strcmp (role->valuestring, "body") || n == max ||
          cJSON_IsTrue (cJSON_GetObjectItem (it, "generated")))
        continue;
      line_t *l = &out[n++];
      l->block = (long) cJSON_GetObjectItem (it, "block")->valuedouble;
      l->x = cJSON_GetObjectItem (it, "x")->valuedouble;
      l->y = cJSON_GetObjectItem (it, "y")->valuedouble;
      l->h = cJSON_GetObjectItem (it, "height")->valuedouble;
      snprintf (l->text, sizeof l->text, "%s", cJSON_GetObjectItem (it, "text")->valuestring);
      l->col = -1;
      int k = 0;
      const cJSON *c;
      cJSON_ArrayForEach (c, cols)
      {
        double cx = cJSON_GetObjectItem (c, "x")->valuedouble;
        double cw = cJSON_GetObjectItem (c, "width")->valuedouble;
        if (l->x >= cx - 1 && l->x < cx + cw)
          l->col = page_cols + k;
        k++;
      }
    }
    page_cols += cJSON_GetArraySize (cols);
  }
  cJSON_Delete (root);
  return n;
}

/* Lays out article (of tests/unit/articles) on tpl and reads its body lines into v. */
static size_t
laid_out (const char *article, const char *tpl, line_t *v, size_t max)
{
  char path[512];
  snprintf (path, sizeof path, "%s/tests/unit/articles/%s", INK_SOURCE_DIR, article);
  fixture_t s;
  const char *json;
  size_t len, n = 0;
  if (fixture_lay_out (&s, NULL, path, tpl) &&
      ink_document_layout_json (s.doc, &json, &len) == INK_OK)
    n = body_lines (json, len, v, max);
  fixture_tear_down (&s);
  return n;
}

/* Each paragraph that goes on under another in its column stands at least `least` px under
 * it; returns how many do, -1 when one does not. */
static int
parted (const line_t *v, size_t n, double least)
{
  int count = 0;
  for (size_t i = 0; i < n; i++) {
    const line_t *below = NULL;   /* the next line down in line i's column */
    for (size_t j = 0; j < n; j++)
      if (v[j].col == v[i].col && v[j].y > v[i].y && (!below || v[j].y < below->y))
        below = &v[j];
    if (!below || below->block == v[i].block)
      continue;
    if (below->y - (v[i].y + v[i].h) < least) {
      fprintf (stderr, "blocks %ld and %ld run together: \"%s\" | \"%s\"\n", v[i].block,
               below->block, v[i].text, below->text);
      return -1;
    }
    count++;
  }
  return count;
}

/* ferry-strike-ballot on spaced-paras: nine paragraphs, the eight breaks between them in the
 * columns of its one page each with its white (21 px, on the grid a line step). */
TEST (paragraphs_keep_their_space_on_the_last_page)
{
  static line_t v[256];
  size_t n = laid_out ("ferry-strike-ballot.md", SPACED, v, 256);
  CHECK (n > 0);
  CHECK (parted (v, n, 21) > 0);
}

/* glen-line-timetable on spaced-paras: its paragraphs' space kept, the last page's cut took
 * the space under a table in column 2 to none, and the text under it stood on its rule. */
TEST (text_clear_of_a_table_rule_on_the_last_page)
{
  CHECK_EQ_INT ((int) checked_faults ("glen-line-timetable.md", SPACED, MK_RULE_TOUCH), 0);
}

/* Checks that block's lines all start at one x and read want[0..nwant), in order. */
static void
code_lines (const line_t *v, size_t n, long block, const char *const *want, size_t nwant)
{
  size_t seen = 0;
  double x = 0;
  for (size_t i = 0; i < n; i++) {
    if (v[i].block != block)
      continue;
    if (seen == 0)
      x = v[i].x;
    CHECK (fabs (v[i].x - x) < 0.5);
    if (seen < nwant)
      CHECK_EQ_STR (v[i].text, want[seen]);
    seen++;
  }
  CHECK_EQ_INT ((int) seen, (int) nwant);
}

/* terminal-settings on kiosk-10.3: the fenced block's lines (block 1) and the indented
 * block's (block 4) each start at one x, the first too, and keep the spaces that nest them;
 * that x is the column's start and the body's indent, as the checker's indent rule wants
 * of a paragraph after a paragraph. */
TEST (code_lines_keep_their_indents)
{
  static line_t v[256];
  size_t n = laid_out ("terminal-settings.md", "kiosk-10.3", v, 256);
  static const char *const fenced[] = { "[catalogue]", "    server = cat.library.example",
                                        "    port   = 8443", "    retry:", "        count = 3",
                                        "        wait  = 5s", "[printer]", "    queue = desk-1" };
  static const char *const indented[] = { "if (overdue > 0)", "    notify (reader);", "else",
                                          "    renew (book);" };
  code_lines (v, n, 1, fenced, sizeof fenced / sizeof *fenced);
  code_lines (v, n, 4, indented, sizeof indented / sizeof *indented);
  CHECK_EQ_INT ((int) checked_faults ("tests/unit/articles/terminal-settings.md", "kiosk-10.3",
                                      MK_INDENT), 0);
}

int
main (void)
{
  RUN (paragraphs_keep_their_space_on_the_last_page);
  RUN (text_clear_of_a_table_rule_on_the_last_page);
  RUN (code_lines_keep_their_indents);
  return test_summary ();
}
