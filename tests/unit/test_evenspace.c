/* A full page's short column that stopped before a subhead which then opened the next column
 * (evenspace.c, ink__even_space with lay_t.head_opens_col): the space above the page's
 * subheads and floats is cut, by a quarter at a time down to half, and the least cut at which
 * the page ends its columns together and full is kept. lucknow-buses.hi kiosk-10.3 set its
 * pull quote at the column's width on page 1 with "यात्रियों की राय" opening the second column,
 * the first a subhead's space short of taking it, and so ran onto a second page; it now sets
 * on one page, its columns ending together.
 * A one-column page that stops with a pull quote waiting for the next page's top, the text
 * after it held back with it (a quote set after the end of the text reads out of turn), is
 * cut the same way (waits_boxed): harbour-bus.zh (tests/unit/articles) on reader-6 ended page
 * 2's column 373 px above the foot, the quote two pixels short of fitting under its text; it
 * now sets the quote there and the last paragraph opens page 3.
 * A pull quote queued across a page's top from the page before gives up its space too, also
 * when it comes after the page's first unit in the article (its passage further on, the page
 * opening with a paragraph): paotere-ice.id (tests/unit/articles) on kiosk-7.5 ended page 2's
 * first column 92 px above the foot, a subhead opening the second; the quote's space cut by a
 * quarter, the first column takes the subhead and its lines and the columns end together.
 * A pull quote that would wait for the next page's top over a subhead whose kept lines fit no
 * column under it (spantop.c, ink__span_over_head) goes across this page's top instead:
 * swat-honey.ur (tests/unit/articles) on kiosk-7.5 opened page 3 with the quote and the
 * subhead "خریدار کی شرائط" alone in the first column, its lead-in in the second and the
 * list on page 4; the subhead now opens its page's columns over its text.
 * Past half, a page with a pull quote or a related box that the make-up check would find
 * uneven gives up three quarters of its white: gull-cove-path (tests/unit/articles) on
 * kiosk-7.5 ended page 2's first column 51 px above the foot, under a four-line quote across
 * the top, with "Grass on the slopes again" opening the second; the quote's white cut by
 * three quarters, the first column takes the subhead and its lines and the columns end
 * together.
 * A related link that waited and opened a column after the first, the column before it a
 * little of the link's white short of taking it, is cut the same way (lay_t.link_opens_col):
 * river-recovery on kiosk-7.5 ended page 8's first column three lines above the foot, "Read:
 * Water company fined ..." opening the second over a subhead; the link's white cut, it ends
 * the first column, the second takes three lines more, and the story sets on nine pages,
 * not ten, page 8 no longer uneven.
 * On the baseline grid a quarter cut of a subhead's white gains the column before it nothing
 * (the text under the subhead goes down to the next grid line): page 7 of river-recovery on
 * kiosk-7.5 ended its first column three steps short of "Who pays now", whose white, line
 * and two lines took four, a paragraph set a line longer taking one of the three. The
 * subhead set flush on the text over it (ink__even_head_flush), the paragraph as first
 * flowed, the first column takes it and its lines and the columns end together. */
#include <inkset/inkset.h>
#include <stdio.h>
#include <string.h>
#include "test.h"
#include "fixture.h"
#include "makeup_check.h"
#include "checked.h"

/* article on tpl sets on this many pages with none of the faults listed */
static void
check_evened (const char *article, const char *tpl, int want_pages, const mk_kind_t *none, size_t n)
{
  mk_report_t r;
  size_t pages = 0;
  CHECK (checked_sample (article, tpl, &pages, &r));
  CHECK_EQ_INT ((int) pages, want_pages);
  for (size_t i = 0; i < n; i++)
    CHECK_EQ_INT (r.count[none[i]], 0);
  mk_report_free (&r);
}

TEST (short_column_takes_the_subhead_that_opened_the_next)
{
  const mk_kind_t none[] = { MK_UNBALANCED_LAST_PAGE, MK_COLUMN_HOLE, MK_OFF_GRID };
  check_evened ("lucknow-buses.hi.md", "kiosk-10.3", 1, none, 3);
}

TEST (one_column_takes_the_quote_that_waited)
{
  const mk_kind_t none[] = { MK_UNEVEN_FULL_PAGE, MK_FLOAT_ORDER, MK_FLOATS_ONLY_PAGE };
  check_evened ("tests/unit/articles/harbour-bus.zh.md", "reader-6", 3, none, 3);
}

TEST (quote_across_the_top_gives_up_its_space)
{
  const mk_kind_t none[] = { MK_UNEVEN_FULL_PAGE, MK_COLUMN_HOLE, MK_OFF_GRID };
  check_evened ("tests/unit/articles/paotere-ice.id.md", "kiosk-7.5", 3, none, 3);
}

TEST (quote_across_the_page_before_a_stranded_subhead)
{
  const mk_kind_t none[] = { MK_STRANDED_HEAD, MK_OFF_GRID };
  check_evened ("tests/unit/articles/swat-honey.ur.md", "kiosk-7.5", 4, none, 2);
}

TEST (quote_across_the_top_gives_up_three_quarters)
{
  const mk_kind_t none[] = { MK_UNEVEN_FULL_PAGE, MK_RULE_TOUCH, MK_COLUMN_HOLE, MK_OFF_GRID };
  check_evened ("tests/unit/articles/gull-cove-path.md", "kiosk-7.5", 3, none, 4);
}

TEST (short_column_takes_the_link_and_the_flush_subhead)
{
  const mk_kind_t none[] = { MK_UNEVEN_FULL_PAGE, MK_COLUMN_HOLE, MK_OFF_GRID, MK_FLOAT_ORDER,
                             MK_STRANDED_HEAD, MK_HEAD_GAP };
  check_evened ("river-recovery.md", "kiosk-7.5", 9, none, 6);
}

int
main (void)
{
  RUN (short_column_takes_the_subhead_that_opened_the_next);
  RUN (one_column_takes_the_quote_that_waited);
  RUN (quote_across_the_top_gives_up_its_space);
  RUN (quote_across_the_page_before_a_stranded_subhead);
  RUN (quote_across_the_top_gives_up_three_quarters);
  RUN (short_column_takes_the_link_and_the_flush_subhead);
  return test_summary ();
}
