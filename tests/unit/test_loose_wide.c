/* Make-up's last resort for a full page whose columns end apart (pages.c): a paragraph set a
 * line longer or shorter with word spaces a stretchability wider than make-up's bound, kept
 * only when the page's columns then end together and full. On sample pages that ended a line
 * apart, their columns' last baselines are now one. A list item set so keeps its number at
 * the column's edge. */
#include "article.h"
#include "layout-internal.h"
#include "test.h"

#include "fixture.h"

#include <math.h>

/* The last baselines (1/64 px) of page q's body and list lines, lowest and highest over the
 * columns they are in; the count of columns with such lines. */
static unsigned
body_ends (const fixture_t *s, size_t q, int32_t *lo, int32_t *hi)
{
  const ink__page_t *pg = &s->doc->pages.v[q];
  unsigned n = s->t->columns, used = 0;
  double colw = (s->t->width_px - s->t->margin_left - s->t->margin_right -
                 s->t->gutter_px * (n - 1)) / n;
  int32_t end[8];
  for (unsigned c = 0; c < 8; c++)
    end[c] = INT32_MIN;
  for (size_t i = 0; i < pg->nl; i++) {
    const ink__lrec_t *l = &s->doc->lines.v[pg->l0 + i];
    if (l->generated || (l->role != INK_ROLE_BODY && l->role != INK_ROLE_LIST))
      continue;
    int c = (int) ((l->x / 64.0 - s->t->margin_left + s->t->gutter_px / 2) /
                   (colw + s->t->gutter_px));
    if (c >= 0 && c < (int) n && c < 8 && l->baseline > end[c])
      end[c] = l->baseline;
  }
  *lo = INT32_MAX;
  *hi = INT32_MIN;
  for (unsigned c = 0; c < n && c < 8; c++)
    if (end[c] != INT32_MIN) {
      used++;
      *lo = end[c] < *lo ? end[c] : *lo;
      *hi = end[c] > *hi ? end[c] : *hi;
    }
  return used;
}

/* Page q (from 0) of the sample article name on tpl: its columns end on one baseline. */
static void
check_together (const char *name, const char *tpl, size_t q)
{
  fixture_t s;
  char path[1024];
  snprintf (path, sizeof path, "%s/examples/articles/%s", INK_SOURCE_DIR, name);
  if (fixture_lay_out (&s, NULL, path, tpl)) {
    CHECK (s.doc->pages.n > q + 1);
    int32_t lo, hi;
    if (s.doc->pages.n > q + 1) {
      CHECK_EQ_INT (body_ends (&s, q, &lo, &hi), s.t->columns);
      CHECK (hi - lo <= 64);
    }
  }
  fixture_tear_down (&s);
}

/* German: the first column ended a line short, above a subhead that opens the second; its
 * second paragraph set a line longer, a stretchability past make-up's bound, fills it. */
TEST (german_column_before_subhead) { check_together ("schwerin-gesetze.de.md", "kiosk-7.5", 1); }

/* Urdu, on a grid of 84 px: the first column of page 1 ended a line above the second. */
TEST (urdu_first_page) { check_together ("multan-mangoes.ur.md", "kiosk-10.3", 0); }

/* Every list number of the sample article name on tpl stands at its column's edge: the right
 * edge in right-to-left text, the left in left-to-right. */
static void
check_numbers_at_edge (const char *name, const char *tpl)
{
  fixture_t s;
  char path[1024];
  snprintf (path, sizeof path, "%s/examples/articles/%s", INK_SOURCE_DIR, name);
  if (fixture_lay_out (&s, NULL, path, tpl)) {
    unsigned n = s.t->columns, numbers = 0;
    double colw = (s.t->width_px - s.t->margin_left - s.t->margin_right -
                   s.t->gutter_px * (n - 1)) / n;
    for (size_t i = 0; i < s.doc->lines.n; i++) {
      const ink__lrec_t *l = &s.doc->lines.v[i];
      if (!l->generated || l->role != INK_ROLE_LIST)
        continue;
      double edge = (l->rtl ? l->x + l->w : l->x) / 64.0, best = 1e9;
      for (unsigned c = 0; c < n; c++) {
        double x0 = s.t->margin_left + c * (colw + s.t->gutter_px);
        double d = fabs (edge - (l->rtl ? x0 + colw : x0));
        best = d < best ? d : best;
      }
      numbers++;
      if (best > 1.0)
        fprintf (stderr, "%s %s: list number at %.2f, %.2f px from its column's edge\n", name,
                 tpl, edge, best);
      CHECK (best <= 1.0);
    }
    CHECK (numbers >= 5);
  }
  fixture_tear_down (&s);
}

/* Hebrew: on page 2 two items set a line longer were given their last word company at the
 * measure of the lines that hang under the text, and their numbers stood that far in. */
TEST (rtl_list_numbers_at_the_edge) { check_numbers_at_edge ("haifa-hackathon.he.md", "kiosk-7.5"); }

int
main (void)
{
  RUN (german_column_before_subhead);
  RUN (urdu_first_page);
  RUN (rtl_list_numbers_at_the_edge);
  return test_summary ();
}
