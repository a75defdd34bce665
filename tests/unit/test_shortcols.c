/* Short text is not set as columns of one or two lines (the column floor, colfit.c). A brief
 * of three lines with a two-line drop cap on a page of two narrow columns was set as the cap
 * and two lines in the first column and one line in the second: the cap's letter counted as
 * a line, so the page held "two lines a column" and had to fill both. It is now one column,
 * the second left empty under the head, as a brief is. And a pull quote across the columns
 * went in under the head with two lines of text under it: a short Chinese article on the
 * 800x480 kiosk was set as its first paragraph two lines a column under the quote, the
 * sentence cut from the first column to the second; the quote now needs the column floor's
 * lines under it and waits for the next page's top. */
#include <inkset/inkset.h>
#include <stdio.h>
#include <string.h>
#include "article.h"
#include "layout-internal.h"
#include "test.h"
#include "fixture.h"
#include "linecol.h"
#include "makeup_check.h"
#include "checked.h"

#define POCKET INK_SOURCE_DIR "/tests/unit/templates/pocket-two.ini"
#define BRIEF_EN "tests/unit/articles/rate-hold-brief.md"
#define BRIEF_ZH "tests/unit/articles/ferry-fare-brief.zh.md"
#define QUOTE_ZH "tests/unit/articles/pier-tram-quote.zh.md"

/* Lines of running text (not a drop cap's letter) in each column of page pg of article on
 * tpl, into n[0..3], of block `block` only when it is not -1; the document's pages in
 * *pages. */
static void
block_lines (const char *article, const char *tpl, size_t pg, long block, unsigned n[4],
             size_t *pages)
{
  char path[512];
  snprintf (path, sizeof path, "%s/%s", INK_SOURCE_DIR, article);
  fixture_t s;
  memset (n, 0, 4 * sizeof *n);
  *pages = 0;
  if (fixture_lay_out (&s, NULL, path, tpl) && pg < s.doc->pages.n) {
    *pages = s.doc->pages.n;
    const ink__page_t *p = &s.doc->pages.v[pg];
    for (size_t i = 0; i < p->nl; i++) {
      const ink__lrec_t *l = &s.doc->lines.v[p->l0 + i];
      int c = fixture_line_column (&s, l);
      if (l->role == INK_ROLE_BODY && !l->cap && c >= 0 && c < 4 &&
          (block < 0 || l->block == block))
        n[c]++;
    }
  }
  fixture_tear_down (&s);
}

/* The fewest lines a column holding any holds (UINT32_MAX for none). */
static unsigned
fewest (const unsigned n[4])
{
  unsigned least = UINT32_MAX;
  for (int c = 0; c < 4; c++)
    if (n[c] && n[c] < least)
      least = n[c];
  return least;
}

TEST (brief_with_drop_cap_in_one_column)
{
  unsigned n[4];
  size_t pages;
  block_lines (BRIEF_EN, POCKET, 0, -1, n, &pages);
  CHECK_EQ_INT (pages, 1);
  CHECK_EQ_INT (n[0], 3);
  CHECK_EQ_INT (n[1], 0);
  mk_report_t r;
  CHECK (checked_sample (BRIEF_EN, POCKET, &pages, &r));
  CHECK_EQ_INT (r.faults, 0);
  mk_report_free (&r);
}

/* A Chinese brief of three lines (no drop cap: CJK text takes none) stays one column, on the
 * narrow template and on the kiosk. */
TEST (chinese_brief_in_one_column)
{
  unsigned n[4];
  size_t pages;
  const char *tpls[] = { POCKET, "kiosk-7.5", "print-a4" };
  for (size_t t = 0; t < 3; t++) {
    block_lines (BRIEF_ZH, tpls[t], 0, -1, n, &pages);
    CHECK_EQ_INT (pages, 1);
    CHECK_EQ_INT (n[0], 3);
    CHECK_EQ_INT (n[1] + n[2], 0);
    CHECK_EQ_INT (checked_faults (BRIEF_ZH, tpls[t], MK_UNBALANCED_LAST_PAGE), 0);
  }
}

/* The first paragraph is not set two lines a column under a pull quote across page 1's top:
 * the quote waits for page 2 (across its top, over the comments), and is not read before
 * the text. */
TEST (quote_leaves_columns_their_floor)
{
  unsigned n[4];
  size_t pages;
  block_lines (QUOTE_ZH, "kiosk-7.5", 0, 0, n, &pages);
  CHECK (pages >= 1);
  CHECK (fewest (n) >= INK_COLUMN_FLOOR_LINES);
  CHECK_EQ_INT (checked_faults (QUOTE_ZH, "kiosk-7.5", MK_EARLY_QUOTE), 0);
}

/* The rule itself: three lines at least, more when the template's orphans or widows ask. */
TEST (floor_follows_the_template)
{
  CHECK_EQ_INT (ink__column_floor (1, 1), 3);
  CHECK_EQ_INT (ink__column_floor (2, 2), 3);
  CHECK_EQ_INT (ink__column_floor (4, 2), 4);
  CHECK_EQ_INT (ink__column_floor (2, 5), 5);
}

int
main (void)
{
  RUN (brief_with_drop_cap_in_one_column);
  RUN (chinese_brief_in_one_column);
  RUN (quote_leaves_columns_their_floor);
  RUN (floor_follows_the_template);
  return test_summary ();
}
