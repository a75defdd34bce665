/* A template whose paragraphs are parted by space after them, not by an indent, keeps that
 * space on every page. The last page's balancing cuts the space above floats, subheads, the
 * source line and comments (lastspace.c); it had cut the space after each paragraph of the
 * body too, so that a balanced last page ran its paragraphs together, told apart only where
 * the line before was short, and set the source line right under the text. */
#include "article.h"
#include "layout-internal.h"
#include "test.h"

#include "fixture.h"
#include "linecol.h"

#define TPL INK_SOURCE_DIR "/tests/unit/templates/para-space.ini"

/* The least white (1/64 px) between a body line and the next line of another block under it
 * in the same column, on any page of article a; INT32_MAX when there is none. */
static int32_t
least_break (const char *a)
{
  fixture_t s;
  char path[512];
  snprintf (path, sizeof path, "%s/tests/unit/articles/%s", INK_SOURCE_DIR, a);
  int32_t least = INT32_MAX;
  if (!fixture_lay_out (&s, NULL, path, TPL)) {
    fixture_tear_down (&s);
    return -1;
  }
  for (size_t q = 0; q < s.doc->pages.n; q++) {
    const ink__page_t *pg = &s.doc->pages.v[q];
    for (size_t i = 0; i < pg->nl; i++) {
      const ink__lrec_t *l = &s.doc->lines.v[pg->l0 + i];
      int c = fixture_line_column (&s, l);
      if (l->role != INK_ROLE_BODY || c < 0)
        continue;
      const ink__lrec_t *next = NULL;   /* the nearest line under it in its column */
      for (size_t j = 0; j < pg->nl; j++) {
        const ink__lrec_t *m = &s.doc->lines.v[pg->l0 + j];
        if (m->y > l->y && fixture_line_column (&s, m) == c && (!next || m->y < next->y))
          next = m;
      }
      if (next && next->block != l->block && next->y - (l->y + l->h) < least)
        least = next->y - (l->y + l->h);
    }
  }
  fixture_tear_down (&s);
  return least;
}

/* Six short paragraphs, a subhead and a source line on one page of three columns, which
 * balances only with space cut: each paragraph break keeps the body's 12 px (a line step on
 * the grid), and the source line stands that far under the text at least. */
TEST (last_page_keeps_paragraph_space)
{
  int32_t least = least_break ("weir-footpath.md");
  CHECK (least != INT32_MAX);
  CHECK (least >= 12 * 64);
}

int
main (void)
{
  RUN (last_page_keeps_paragraph_space);
  return test_summary ();
}
