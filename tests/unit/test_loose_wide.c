/* Make-up's last resort for a full page whose columns end apart (pages.c): a paragraph set a
 * line longer or shorter with word spaces a stretchability wider than make-up's bound, kept
 * only when the page's columns then end together and full. On sample pages that ended a line
 * apart, their columns' last baselines are now one. */
#include "article.h"
#include "layout-internal.h"
#include "test.h"

#include "fixture.h"

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

int
main (void)
{
  RUN (german_column_before_subhead);
  RUN (urdu_first_page);
  return test_summary ();
}
