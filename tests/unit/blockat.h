/* Where a block's first line is set in a laid-out document (fixture.h), and which of two
 * places comes first on the pages. Include after fixture.h. */
#ifndef INK_BLOCKAT_H
#define INK_BLOCKAT_H

/* Where block b's first line is set: its page and top, or page SIZE_MAX when it is not. */
typedef struct {
  size_t page;
  int32_t y;
} at_t;

static inline at_t
first_line (const fixture_t *s, long b)
{
  at_t at = { SIZE_MAX, 0 };
  for (size_t p = 0; p < s->doc->pages.n && at.page == SIZE_MAX; p++) {
    const ink__page_t *pg = &s->doc->pages.v[p];
    for (size_t i = 0; i < pg->nl; i++) {
      const ink__lrec_t *l = &s->doc->lines.v[pg->l0 + i];
      if (l->block == b && (at.page == SIZE_MAX || l->y < at.y)) {
        at.page = p;
        at.y = l->y;
      }
    }
  }
  return at;
}

/* Whether a is set before b: on an earlier page, or higher on the same one. */
static inline bool
before (at_t a, at_t b)
{
  return a.page < b.page || (a.page == b.page && a.y < b.y);
}

#endif
