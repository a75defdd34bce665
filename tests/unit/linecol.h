/* Which column a laid-out line stands in, for tests that look at the pages' columns. Include
 * after paginate.h, template.h and fixture.h. */
#ifndef INK_LINECOL_H
#define INK_LINECOL_H

/* The column (0 from the left) line l stands in, or -1 for one across the columns. */
static int
fixture_line_column (const fixture_t *s, const ink__lrec_t *l)
{
  unsigned n = s->t->columns;
  double colw = (s->t->width_px - s->t->margin_left - s->t->margin_right -
                 s->t->gutter_px * (n - 1)) / n;
  if (l->generated || l->w / 64.0 > colw + 1)
    return -1;
  int c = (int) ((l->x / 64.0 - s->t->margin_left + s->t->gutter_px / 2) /
                 (colw + s->t->gutter_px));
  return c >= 0 && c < (int) n ? c : -1;
}

#endif
