/* Floats and the source line in their turn. A wide table that follows the whole text of an
 * article whose text fits page 1 went across page 1's top, over the first paragraph, when
 * the text ended with it waiting (spanend.c): the make-up check's float-order now counts a
 * table read before the article's first line of text. It goes on the next page's top, after
 * the text (print-a4). And the source line ends the article: in an article of pull quotes and
 * no running text, the quotes waited for text between them and the source line went at the
 * top of the first column, over every quote (floats.c, flow.c); it is now read after them.
 * Such quotes share the last page's columns as its balancing sets them (floats.c,
 * unstack.c). */
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

#define TABLE_ARTICLE "tests/unit/articles/reservoir-levels-table.md"
#define QUOTES_ARTICLE INK_SOURCE_DIR "/tests/unit/articles/lighthouse-keepers-voices.md"

TEST (table_after_the_text_it_follows)
{
  mk_report_t r;
  size_t pages;
  CHECK (checked_sample (TABLE_ARTICLE, "print-a4", &pages, &r));
  CHECK_EQ_INT (r.count[MK_FLOAT_ORDER], 0);
  CHECK_EQ_INT (r.count[MK_UNEVEN_FULL_PAGE], 0);
  mk_report_free (&r);
}

/* Whether line a is read after line b of the same page: in a later column, or lower in b's. */
static bool
read_after (const ink__lrec_t *a, const ink__lrec_t *b)
{
  if (a->x >= b->x + b->w)
    return true;    /* a later column */
  if (a->x + a->w <= b->x)
    return false;   /* an earlier one */
  return a->y > b->y;
}

TEST (source_line_ends_the_quotes)
{
  static const char *const tpls[] = { "kiosk-10.3", "kiosk-7.5", "reader-6", "print-a4" };
  for (size_t t = 0; t < sizeof tpls / sizeof *tpls; t++) {
    fixture_t s;
    if (!fixture_lay_out (&s, NULL, QUOTES_ARTICLE, tpls[t]))
      continue;
    const ink_document_t *doc = s.doc;
    size_t last = doc->pages.n - 1, bad = 0, source = 0;
    for (size_t p = 0; p < doc->pages.n; p++) {
      const ink__page_t *pg = &doc->pages.v[p];
      for (size_t i = 0; i < pg->nl; i++) {
        const ink__lrec_t *src = &doc->lines.v[pg->l0 + i];
        if (src->role != INK_ROLE_SOURCE || src->generated)
          continue;
        source++;
        bad += p != last;
        for (size_t j = 0; p == last && j < pg->nl; j++) {
          const ink__lrec_t *q = &doc->lines.v[pg->l0 + j];
          bad += q->role == INK_ROLE_QUOTE && q->y >= pg->body_top && !read_after (src, q);
        }
      }
    }
    if (bad)
      fprintf (stderr, "%s: the source line is read before a pull quote\n", tpls[t]);
    CHECK (source > 0);
    CHECK_EQ_INT (bad, 0);
    fixture_tear_down (&s);
  }
}

/* Six pull quotes of like length and a source line, no running text, on print-a4's three
 * columns: the quotes share them two by two (the source line under the third's). They were
 * set with the first across the columns and the other five at every column bottom the
 * balancer tried two in the first column and three in the second, or two, two and one, the
 * third column's end five to fourteen line steps over the others (floats.c, place_last_one;
 * unstack.c). */
TEST (quotes_alone_share_the_columns)
{
  fixture_t s;
  if (!fixture_lay_out (&s, NULL, INK_SOURCE_DIR "/tests/unit/articles/ferry-crews-voices.md",
                        "print-a4"))
    return;
  const ink_document_t *doc = s.doc;
  CHECK_EQ_INT (doc->pages.n, 1);
  const ink__page_t *pg = &doc->pages.v[doc->pages.n - 1];
  unsigned quotes[8] = { 0 }, across = 0;
  long last_block = -1;
  for (size_t i = 0; i < pg->nl; i++) {
    const ink__lrec_t *l = &doc->lines.v[pg->l0 + i];
    if (l->role != INK_ROLE_QUOTE || l->block == last_block)
      continue;
    last_block = l->block;
    int c = fixture_line_column (&s, l);
    if (c < 0)
      across++;
    else
      quotes[c]++;
  }
  if (across || quotes[0] != 2 || quotes[1] != 2 || quotes[2] != 2)
    fprintf (stderr, "quotes across %u, in the columns %u %u %u\n", across, quotes[0],
             quotes[1], quotes[2]);
  CHECK_EQ_INT (across, 0);
  for (unsigned c = 0; c < 3; c++)
    CHECK_EQ_INT (quotes[c], 2);
  fixture_tear_down (&s);
}

/* Nine pull quotes and no running text on kiosk-7.5: the last, set at the column's width
 * while it waited from page 4, opened page 5 alone in its first column, the second empty
 * (the check's "1 of 2 columns hold the last 5 lines"). That passed as even, its one column
 * ending with itself, so it was never set across the page as its style asks (widen.c). It
 * now is, and the page holds it across both columns. */
TEST (last_quote_alone_across_the_page)
{
  const char *a = "tests/unit/articles/power-cut-voices.md";
  CHECK_EQ_INT (checked_faults (a, "kiosk-7.5", MK_UNBALANCED_LAST_PAGE), 0);
  CHECK_EQ_INT (checked_faults (a, "kiosk-7.5", MK_LOST_TEXT), 0);
  CHECK_EQ_INT (checked_faults (a, "kiosk-7.5", MK_OVERPRINT), 0);
  CHECK_EQ_INT (checked_faults (a, "kiosk-7.5", MK_EMPTY_COLUMN), 0);
}

int
main (void)
{
  RUN (table_after_the_text_it_follows);
  RUN (source_line_ends_the_quotes);
  RUN (quotes_alone_share_the_columns);
  RUN (last_quote_alone_across_the_page);
  return test_summary ();
}
