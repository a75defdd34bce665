/* No float inside a list (lib/paginate/listfloat.c). A float set between a list's lead-in
 * and its first item, or between two items, parts a passage read as one (the make-up
 * check's float-order); it waits for the list's last item, with text after it, or for the
 * next column's top. tram-line-repairs on reader-6: the pull quote, waiting since page 1,
 * went in after the lead-in that opens page 2 (no later place had two paragraphs after
 * it: the list, a related link, the last paragraph); now after the list. quay-works-list:
 * the article itself sets a pull quote and a related link between items; on kiosk-7.5,
 * reader-6 and print-a4 they stood there, and the items around them stood a line step
 * apart; now they stand after the list or at a column's top, the items together.
 * When no text follows the list, after it the float would stand after the end of the text:
 * the float order search (floatorder.c) counts a float inside a list as read out of turn
 * and moves it before the lead-in. slipway-notice (a related link between the lead-in and
 * a list that ends the story, reader-6 and print-a4), slipway-lead-in (the same with the
 * lead-in the article's first paragraph: the link opens the text, reader-6) and
 * slipway-subhead (a link between a subhead and its list, which it waited past to stand
 * between two items, reader-6) read their floats inside the list on main; none now.
 * A float that waits for the next column does not open it over the rest of a list the
 * column break parts (ink__list_holds_top): ferry-pier-works and canal-lock-works.th on
 * kiosk-10.3 set their pull quote at column 2's top between list items 1 and 2 before
 * (float-in-list); now the lead-in and the list read whole, the quote before or after them. */
#include <inkset/inkset.h>
#include <stdio.h>
#include <string.h>
#include "test.h"
#include "fixture.h"
#include "makeup_check.h"
#include "checked.h"

static const char *const TEMPLATES[] = { "kiosk-10.3", "kiosk-7.5", "reader-6", "print-a4" };

TEST (waiting_quote_goes_after_the_list_not_its_lead_in)
{
  for (size_t i = 0; i < sizeof TEMPLATES / sizeof *TEMPLATES; i++)
    CHECK_EQ_INT (checked_faults ("tests/unit/articles/tram-line-repairs.md", TEMPLATES[i],
                                  MK_FLOAT_ORDER), 0);
}

TEST (floats_the_article_sets_inside_a_list_wait_for_its_end)
{
  for (size_t i = 0; i < sizeof TEMPLATES / sizeof *TEMPLATES; i++)
    CHECK_EQ_INT (checked_faults ("tests/unit/articles/quay-works-list.md", TEMPLATES[i],
                                  MK_FLOAT_ORDER), 0);
}

/* No text after the list: the float goes before the lead-in, and the pages hold no
 * float-order fault. Where the float waits for a column's top inside the list instead, the
 * check counts it since float-in-list (slipway-notice on two templates, slipway-lead-in on
 * three, slipway-subhead on three before list63, whose float order search counts such a
 * float too, ordertrial.c). No other fault. */
TEST (float_inside_a_list_that_ends_the_text_goes_before_its_lead_in)
{
  static const char *const ARTICLES[] = { "tests/unit/articles/slipway-notice.md",
                                          "tests/unit/articles/slipway-lead-in.md",
                                          "tests/unit/articles/slipway-subhead.md" };
  for (size_t a = 0; a < sizeof ARTICLES / sizeof *ARTICLES; a++)
    for (size_t i = 0; i < sizeof TEMPLATES / sizeof *TEMPLATES; i++) {
      mk_report_t r;
      size_t pages;
      CHECK (checked_sample (ARTICLES[a], TEMPLATES[i], &pages, &r));
      CHECK_EQ_INT (r.count[MK_FLOAT_ORDER], 0);
      CHECK_EQ_INT (r.faults, r.count[MK_FLOAT_IN_LIST]);
      CHECK_EQ_INT (pages, 1);
      mk_report_free (&r);
    }
}

/* A sample of the same kind: the quote that waited went in after the lead-in. */
TEST (sample_quote_after_the_list)
{
  CHECK_EQ_INT (checked_faults ("lviv-tram.uk.md", "kiosk-7.5", MK_FLOAT_ORDER), 0);
  CHECK_EQ_INT (checked_faults ("coimbatore-rain.ta.md", "reader-6", MK_FLOAT_ORDER), 0);
}

/* A float waiting for the next column does not open it between two items of a list. */
TEST (waiting_float_does_not_open_a_column_inside_a_list)
{
  static const char *const ARTICLES[] = { "tests/unit/articles/ferry-pier-works.md",
                                          "tests/unit/articles/canal-lock-works.th.md" };
  for (size_t a = 0; a < sizeof ARTICLES / sizeof *ARTICLES; a++) {
    mk_report_t r;
    size_t pages;
    CHECK (checked_sample (ARTICLES[a], "kiosk-10.3", &pages, &r));
    CHECK_EQ_INT (r.count[MK_FLOAT_IN_LIST], 0);
    CHECK_EQ_INT (r.faults, 0);
    CHECK_EQ_INT (pages, 1);
    mk_report_free (&r);
  }
}

/* Each sample of cases[] (article, template) sets no float inside a list. */
static void
no_float_in_list (const char *const (*cases)[2], size_t n)
{
  for (size_t i = 0; i < n; i++)
    CHECK_EQ_INT (checked_faults (cases[i][0], cases[i][1], MK_FLOAT_IN_LIST), 0);
}

/* A page set again from its snapshot (a last page balanced) does not open with the float
 * that waited for it over the rest of a list: hangzhou-library.zh reader-6 set its pull
 * quote at page 2's top between items 2 and 3; now under the last item. */
TEST (page_set_again_does_not_open_with_a_float_inside_a_list)
{
  static const char *const CASES[][2] = { { "hangzhou-library.zh.md", "reader-6" } };
  no_float_in_list (CASES, sizeof CASES / sizeof *CASES);
}

/* A float across the columns is not set across the top of a page that goes on inside a
 * list, by spantop.c (engine-works kiosk-7.5: the quote over page 7's items 3 to 5) or
 * spanend.c (tel-aviv-light-rail.he kiosk-7.5, odesa-ferry.uk kiosk-10.3: over the last
 * page's last item, the list followed by the quote and text): it goes in the columns after
 * the list. */
TEST (float_across_the_columns_does_not_open_a_page_inside_a_list)
{
  static const char *const CASES[][2] = { { "engine-works.md", "kiosk-7.5" },
                                          { "tel-aviv-light-rail.he.md", "kiosk-7.5" },
                                          { "odesa-ferry.uk.md", "kiosk-10.3" } };
  no_float_in_list (CASES, sizeof CASES / sizeof *CASES);
}

/* Balancing a last page weighs a float that opens a column inside a list as one read out of
 * turn (ink__note_list_cut): lviv-tram.uk, surat-diamonds.gu and hangzhou-library.zh on
 * print-a4 set their pull quote at column 2's top between two items; now under the list's
 * last item. */
TEST (balanced_page_keeps_the_float_out_of_a_list)
{
  static const char *const CASES[][2] = { { "lviv-tram.uk.md", "print-a4" },
                                          { "surat-diamonds.gu.md", "print-a4" },
                                          { "hangzhou-library.zh.md", "print-a4" } };
  no_float_in_list (CASES, sizeof CASES / sizeof *CASES);
}

/* The float order search of a short article (ordertrial.c) counts a float inside a list at
 * a column's or page's top as read out of turn too: daejeon-science.ko print-a4 set its pull
 * quote at column 2's top between items 1 and 2 (now before the subhead over the lead-in),
 * odesa-ferry.uk kiosk-7.5 its chart at page 3's top between items 3 and 4 (now under the
 * list's last item). */
TEST (float_order_search_counts_a_float_at_a_column_top_inside_a_list)
{
  static const char *const CASES[][2] = { { "daejeon-science.ko.md", "print-a4" },
                                          { "odesa-ferry.uk.md", "kiosk-7.5" } };
  no_float_in_list (CASES, sizeof CASES / sizeof *CASES);
}

/* A pull quote that waits for the next page's top does not go across it when the page goes
 * on inside a list: moorland-fire kiosk-7.5 set its quote across page 4's top between items 1
 * and 2, lahore-fares-list.ur kiosk-7.5 across page 4's top between two items; now at the
 * column's width under the list's last item in page 4's first column
 * (ink__list_narrows_span), read whole. */
TEST (quote_waiting_for_a_page_inside_a_list_goes_under_it)
{
  static const char *const CASES[][2] = { { "moorland-fire.md", "kiosk-7.5" },
                                          { "tests/unit/articles/lahore-fares-list.ur.md",
                                            "kiosk-7.5" } };
  no_float_in_list (CASES, sizeof CASES / sizeof *CASES);
  for (size_t i = 0; i < sizeof CASES / sizeof *CASES; i++)
    CHECK_EQ_INT (checked_faults (CASES[i][0], CASES[i][1], MK_LOST_TEXT), 0);
}

int
main (void)
{
  RUN (waiting_quote_goes_after_the_list_not_its_lead_in);
  RUN (floats_the_article_sets_inside_a_list_wait_for_its_end);
  RUN (float_inside_a_list_that_ends_the_text_goes_before_its_lead_in);
  RUN (sample_quote_after_the_list);
  RUN (waiting_float_does_not_open_a_column_inside_a_list);
  RUN (page_set_again_does_not_open_with_a_float_inside_a_list);
  RUN (float_across_the_columns_does_not_open_a_page_inside_a_list);
  RUN (balanced_page_keeps_the_float_out_of_a_list);
  RUN (float_order_search_counts_a_float_at_a_column_top_inside_a_list);
  RUN (quote_waiting_for_a_page_inside_a_list_goes_under_it);
  return test_summary ();
}
