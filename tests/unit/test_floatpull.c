/* Floats that would stand alone on a page or in a column wait for the page before from its
 * start (floatpull.c): a page of floats alone after the text's end, or a column of floats
 * alone while the text goes on, takes text again, and the floats stay on their text's page
 * or the next. The make-up checker (tests/tools/makeup_check.h) counts such pages and
 * columns as floats-only-page and empty-column faults. Last, a pull quote set beside another
 * on the last page goes before a paragraph there instead (early.c). */
#include <inkset/inkset.h>
#include <stdio.h>
#include <string.h>
#include "test.h"
#include "fixture.h"
#include "makeup_check.h"
#include "checked.h"

/* Article (in examples/articles) on template tpl: its pages, and its make-up faults of the
 * kinds floats alone make. */
typedef struct {
  size_t pages;
  unsigned bare, empty, order, runts, passage;
} laid_t;

static laid_t
lay (const char *article, const char *tpl)
{
  char path[512];
  snprintf (path, sizeof path, "%s/examples/articles/%s", INK_SOURCE_DIR, article);
  fixture_t s;
  laid_t out = { 0, 1000, 1000, 1000, 1000, 1000 };
  const char *json;
  size_t len;
  mk_report_t r = { 0 };
  if (fixture_lay_out (&s, NULL, path, tpl) &&
      ink_document_layout_json (s.doc, &json, &len) == INK_OK &&
      mk_check_text (json, len, article, 0, 0, &r)) {
    out.pages = ink_document_page_count (s.doc);
    out.bare = r.count[MK_FLOATS_ONLY_PAGE];
    out.empty = r.count[MK_EMPTY_COLUMN];
    out.order = r.count[MK_FLOAT_ORDER];
    out.runts = r.count[MK_RUNT_PAGE];
    out.passage = r.count[MK_QUOTE_BEFORE_PASSAGE];
    if (r.faults && r.text)
      fprintf (stderr, "%s", r.text);
  }
  mk_report_free (&r);
  fixture_tear_down (&s);
  return out;
}

/* The last pull quote, after the last paragraph, went on a page of its own: it now goes on
 * the text's last full page, whose last lines go over to the page after it, more than a runt
 * of them. */
TEST (quote_after_last_paragraph_keeps_text)
{
  laid_t l = lay ("astronaut-visit.md", "reader-6");
  CHECK_EQ_INT (l.pages, 5);
  CHECK_EQ_INT (l.bare + l.empty + l.order + l.runts, 0);
}

/* That quote, pulled onto the text's last full page from its start, stood across its top
 * over the paragraph it quotes: it now goes after the paragraph that follows that passage
 * (under it on the page), the last paragraph on the page after. */
TEST (last_quote_not_over_its_passage)
{
  laid_t l = lay ("astronaut-visit.md", "reader-6");
  CHECK_EQ_INT (l.passage, 0);
  CHECK_EQ_INT (l.bare + l.empty + l.order + l.runts, 0);
}

/* Two related links after the last paragraph went on a page of their own: queued from the
 * text's last full page's start, the first opens it and the second goes on with the text's
 * last two lines, fewer than a runt of text but keeping a float company. */
TEST (links_keep_two_lines_company)
{
  laid_t l = lay ("tide-mill-lock.md", "reader-6");
  CHECK_EQ_INT (l.pages, 4);
  CHECK_EQ_INT (l.bare + l.empty + l.order + l.runts, 0);
}

/* Urdu: a pull quote that waited since its paragraph and a related link went on a page of
 * their own after the source line, the quote read after the end of the text. */
TEST (waiting_quote_and_link_keep_text)
{
  laid_t l = lay ("karachi-monsoon.ur.md", "reader-6");
  CHECK_EQ_INT (l.pages, 3);
  CHECK_EQ_INT (l.bare + l.empty + l.order + l.runts, 0);
}

/* One column: a pull quote and a chart (German), a picture and a pull quote (English), both
 * waiting for the page after their text, filled it and the text went on a page later. */
TEST (floats_waiting_for_next_page_keep_text)
{
  laid_t l = lay ("kiel-faehren.de.md", "reader-6");
  CHECK_EQ_INT (l.bare + l.empty + l.order, 0);
  l = lay ("shuttle-commanders.md", "reader-6");
  CHECK_EQ_INT (l.bare + l.empty + l.order, 0);
}

/* One column: a chart and a pull quote after the third paragraph, which ends at the foot of
 * page 2. The chart opened page 3 and the quote, too tall to go under it, went on page 4, two
 * pages after its text: they now wait for page 2 from its start, the chart opening it and the
 * quote page 3, and the text goes on around them. */
TEST (floats_that_would_wait_two_pages_go_on_the_page_before)
{
  laid_t l = lay ("tidal-pool.md", "reader-6");
  CHECK_EQ_INT (l.bare + l.empty + l.order, 0);
}

/* A one-page article: its last pull quote, after the last paragraph, stood at the foot of
 * the last column beside the one at the foot of the column before it, the column between
 * with a hole over it. It now goes before a paragraph of its column, passing the related
 * link, and no quote stands beside another. */
TEST (quote_beside_another_goes_before_a_paragraph)
{
  laid_t l = lay ("night-market.md", "print-a4");
  CHECK_EQ_INT (l.pages, 1);
  CHECK_EQ_INT (l.bare + l.empty + l.order, 0);
}

/* Short articles whose floats the layout in the article's order read after the end of the
 * text, laid out again with them built ahead of text (floatorder.c): ferry-timetable's two
 * pull quotes after two block quotes went after the last paragraph (stacked on kiosk-10.3,
 * the second on a page of its own on reader-6) and now go before the second block quote;
 * hillside-repairs' two after a section's last paragraph went under the article's last on
 * print-a4 and now go before the next section's subhead. All on as many pages. */
TEST (short_articles_build_their_quotes_ahead)
{
  static const struct {
    const char *article, *tpl;
    size_t pages;
  } cases[] = { { "ferry-timetable.md", "kiosk-10.3", 1 },
                { "ferry-timetable.md", "reader-6", 3 },
                { "hillside-repairs.md", "print-a4", 1 } };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    laid_t l = lay (cases[i].article, cases[i].tpl);
    CHECK_EQ_INT (l.pages, cases[i].pages);
    CHECK_EQ_INT (l.order + l.bare, 0);
  }
}

/* fell-depot-leader (tests/unit/articles): a one-page leader on kiosk-10.3 whose closing
 * pull quote quotes none of its text and needs some five line steps more than its last
 * column has left: it stood alone on page 2 (floats-only-page), as the first page is left as
 * set. It now goes before one of page 1's last paragraphs, the latest that sends more than
 * a runt of text over to page 2: two pages, the story's end on the second, no fault. */
TEST (closing_quote_goes_into_the_first_page)
{
  size_t pages;
  mk_report_t r;
  CHECK (checked_sample ("tests/unit/articles/fell-depot-leader.md", "kiosk-10.3", &pages, &r));
  CHECK_EQ_INT (pages, 2);
  CHECK_EQ_INT (r.faults, 0);
  mk_report_free (&r);
}

int
main (void)
{
  RUN (quote_after_last_paragraph_keeps_text);
  RUN (last_quote_not_over_its_passage);
  RUN (links_keep_two_lines_company);
  RUN (waiting_quote_and_link_keep_text);
  RUN (floats_waiting_for_next_page_keep_text);
  RUN (floats_that_would_wait_two_pages_go_on_the_page_before);
  RUN (quote_beside_another_goes_before_a_paragraph);
  RUN (short_articles_build_their_quotes_ahead);
  RUN (closing_quote_goes_into_the_first_page);
  return test_summary ();
}
