/* Where a float that waits goes in the columns (lib/paginate/flow.c). Not right under a
 * subhead or a comment's author when set there it leaves no room for two lines of the head's
 * text above the column's foot (strands_head): hillside-repairs on reader-6 set a subhead, a
 * pull quote under it and the subhead's paragraph on the next page. Nor, a related box or
 * picture, under a column's text when the text after it then has no room under it but would
 * start there without it (float_leaves_hole): it waits for the next column's top, and the
 * text fills this one; river-recovery on kiosk-10.3 set a related link under 3.3 line steps
 * of white, the subhead after it in the next column (column-hole). On one column such a float
 * waits for a paragraph that cannot part and goes in under it, when both fit
 * (float_after_next): quay-steps on reader-6. A picture opening a page
 * with a float that must go on that page behind it is made smaller to leave room for the
 * text's first unit with what it keeps, not two lines alone (picroom.c): cadiz-astillero.es
 * on reader-6 set its picture and related link on a page of their own, a list's lead-in and
 * first item (three lines) needing more than the two lines left under them. The last page is
 * balanced without a column whose text stops two and a half line steps or more over the
 * float vertical justification lets down under it (colhole.c): surat-diamonds.gu on
 * kiosk-10.3 and nanjing-metro.zh on print-a4 each held a pull quote under 2.9 and 2.8 steps
 * of white (column-hole). A float that has already missed its last page (the page after the
 * text it follows) no longer follows another at a page's top whatever the room it leaves:
 * yeosu-ferry.ko on reader-6, whose floats all came after one-line paragraphs of page 1,
 * held its pull quote and picture alone on page 2 (their last page) and its table, related
 * link and second pull quote alone on page 3; page 3 now takes the text after them, and
 * page 2 two lines of it under its picture made smaller (below). A
 * picture set under a pull quote that waited with it at a page's top, on the page both must
 * go on, is made smaller to let two lines of the text in under it (picroom.c):
 * lock-keepers (tests/unit/articles) on reader-6 held its quote and chart alone on page 2,
 * a handful of pixels short of two lines, while the text went on to page 3. Never past
 * twice the template's picture-shrink, though (ink__picture_least): towpath-crowds, whose
 * longer quote leaves less room, set its chart at 65 % of its size under the quote, the page
 * holding floats alone; the chart now opens page 3 at its size, the text filling page 2.
 * The same holds for a picture that opens a column of a later page right under a float
 * across the columns (every column of the page starts there): river-library.zh
 * (tests/unit/articles) on kiosk-7.5 held its chart, which waited from page 1, alone in page
 * 2's first column under the pull quote, the page evened short around it. The room it leaves
 * is measured to the grid line from which two lines fit, the space after it counted: short of
 * that, a line would stand alone under it. */
#include <inkset/inkset.h>
#include <stdio.h>
#include <string.h>
#include "article.h"
#include "paginate.h"
#include "template.h"
#include "test.h"
#include "fixture.h"
#include "makeup_check.h"
#include "checked.h"

TEST (float_never_strands_its_head)
{
  CHECK_EQ_INT (checked_faults ("hillside-repairs.md", "reader-6", MK_STRANDED_HEAD), 0);
  CHECK_EQ_INT (checked_faults ("hillside-repairs.md", "reader-6", MK_FLOAT_ORDER), 0);
}

TEST (float_waits_rather_than_leave_a_hole)
{
  CHECK_EQ_INT (checked_faults ("river-recovery.md", "kiosk-10.3", MK_COLUMN_HOLE), 0);
  CHECK_EQ_INT (checked_faults ("river-recovery.md", "kiosk-10.3", MK_FLOAT_ORDER), 0);
  CHECK_EQ_INT (checked_faults ("river-recovery.md", "kiosk-10.3", MK_UNEVEN_FULL_PAGE), 0);
}

TEST (late_float_leaves_room_for_a_lead_in)
{
  CHECK_EQ_INT (checked_faults ("cadiz-astillero.es.md", "reader-6", MK_EMPTY_COLUMN), 0);
  CHECK_EQ_INT (checked_faults ("cadiz-astillero.es.md", "reader-6", MK_FLOAT_ORDER), 0);
}

TEST (last_page_balanced_without_a_hole_over_a_float)
{
  CHECK_EQ_INT (checked_faults ("surat-diamonds.gu.md", "kiosk-10.3", MK_COLUMN_HOLE), 0);
  CHECK_EQ_INT (checked_faults ("surat-diamonds.gu.md", "kiosk-10.3", MK_UNBALANCED_LAST_PAGE), 0);
  CHECK_EQ_INT (checked_faults ("nanjing-metro.zh.md", "print-a4", MK_COLUMN_HOLE), 0);
}

/* The pages of article on tpl before its last page of body text that hold no line of it (a
 * paragraph or a list item); -1 when it could not be laid out. */
static int
pages_without_body (const char *article, const char *tpl)
{
  char path[512];
  snprintf (path, sizeof path, "%s/examples/articles/%s", INK_SOURCE_DIR, article);
  fixture_t s;
  int without = -1;
  if (fixture_lay_out (&s, NULL, path, tpl)) {
    size_t n = ink_document_page_count (s.doc), bare = 0;
    for (size_t p = 0; p < n; p++) {
      bool body = false;
      ink_display_iter_t it;
      ink__step_t st;
      for (ink_display_begin (s.doc, p, &it); ink__display_step (&it, &st);)
        body |= st.kind == INK_DISPLAY_LINE &&
                (st.line->role == INK_ROLE_BODY || st.line->role == INK_ROLE_LIST);
      if (body)
        without = (int) bare;
      else
        bare++;
    }
  }
  fixture_tear_down (&s);
  return without;
}

TEST (late_floats_leave_the_body_room)
{
  CHECK_EQ_INT (pages_without_body ("yeosu-ferry.ko.md", "reader-6"), 0);
}

/* A picture and a pull quote after the same paragraph, both waiting for the next page of one
 * column, took it whole (empty-column) with their captions under; the picture that cannot be
 * made small enough so now sets its caption beside it (sidecap.c ink__side_leaves) and the
 * text starts under the quote: own slipway-inquiry, and the sample corran-spaceport twice
 * over. */
TEST (late_quote_behind_a_picture_with_its_caption_beside)
{
  const char *art = "tests/unit/articles/slipway-inquiry.md";
  CHECK_EQ_INT (checked_faults (art, "reader-6", MK_EMPTY_COLUMN), 0);
  CHECK_EQ_INT (checked_faults (art, "reader-6", MK_FLOAT_ORDER), 0);
  CHECK_EQ_INT (checked_faults ("corran-spaceport.md", "reader-6", MK_EMPTY_COLUMN), 0);
}

TEST (picture_under_a_late_quote_lets_the_text_in)
{
  const char *art = "tests/unit/articles/lock-keepers.md";
  CHECK_EQ_INT (checked_faults (art, "reader-6", MK_EMPTY_COLUMN), 0);
  CHECK_EQ_INT (checked_faults (art, "reader-6", MK_FLOAT_ORDER), 0);
}

/* The narrowest picture article sets on tpl, in thousandths of the widest body line (a
 * column's width, which the test's chart fills at its own size); 0 when it sets none or
 * could not be laid out. */
static int
least_picture_permille (const char *article, const char *tpl)
{
  char path[512];
  snprintf (path, sizeof path, "%s/%s", INK_SOURCE_DIR, article);
  fixture_t s;
  int32_t colw = 0, least = INT32_MAX;
  if (fixture_lay_out (&s, NULL, path, tpl))
    for (size_t p = 0; p < ink_document_page_count (s.doc); p++) {
      ink_display_iter_t it;
      ink__step_t st;
      for (ink_display_begin (s.doc, p, &it); ink__display_step (&it, &st);) {
        if (st.kind == INK_DISPLAY_LINE && st.line->role == INK_ROLE_BODY && st.line->w > colw)
          colw = st.line->w;
        if (st.kind == INK_DISPLAY_PICTURE && st.item->w < least)
          least = st.item->w;
      }
    }
  fixture_tear_down (&s);
  return colw && least != INT32_MAX ? (int) ((int64_t) least * 1000 / colw) : 0;
}

/* reader-6's picture-shrink is 15 %: under floats alone, a picture goes down to 70 % at
 * least; this chart, at 65 % there before, now waits and the text comes first. */
TEST (picture_under_a_late_quote_keeps_its_bound)
{
  const char *art = "tests/unit/articles/towpath-crowds.md";
  CHECK (least_picture_permille (art, "reader-6") >= 700);
  CHECK_EQ_INT (checked_faults (art, "reader-6", MK_EMPTY_COLUMN), 0);
}

TEST (picture_under_a_quote_across_lets_the_text_in)
{
  const char *art = "tests/unit/articles/river-library.zh.md";
  CHECK_EQ_INT (checked_faults (art, "kiosk-7.5", MK_EMPTY_COLUMN), 0);
  CHECK_EQ_INT (checked_faults (art, "kiosk-7.5", MK_UNEVEN_FULL_PAGE), 0);
  CHECK_EQ_INT (checked_faults (art, "kiosk-7.5", MK_LONE_LINE), 0);
  CHECK (least_picture_permille (art, "kiosk-7.5") >= 700);
}

/* A pull quote set across the middle of the first page under a subhead and a related box: the
 * subhead goes under the quote with its text, not over it (midspan.c, head_after). */
TEST (quote_across_middle_leaves_no_head_over_it)
{
  const char *art = "tests/unit/articles/allotment-open-day.md";
  mk_report_t r;
  size_t pages;
  CHECK (checked_sample (art, "kiosk-10.3", &pages, &r));
  CHECK (!r.text || !strstr (r.text, "over a float across them"));
  CHECK_EQ_INT (r.count[MK_EARLY_QUOTE], 0);
  mk_report_free (&r);
}

/* A short article on reader-6 whose text ends on page 1, then a chart, a related link, a pull
 * quote and a second link: page 2 took the chart and the first link, and the quote missed its
 * room under them by a little of its own white, so it and the second link went to page 3,
 * two pages after their text. On its last page the quote goes in with its space cut
 * (latespace.c): one float-order fault left (the second link), not two. */
TEST (late_quote_goes_in_with_less_space)
{
  const char *art = "tests/unit/articles/boathouse.md";
  CHECK (checked_faults (art, "reader-6", MK_FLOAT_ORDER) <= 1);
}

/* One-page briefs on print-a4 whose pull quote, at the column's width in its turn after the
 * last paragraph, stood alone in the middle column, the text all in the first and the comment
 * in the third, columns ending 459 and 339 px apart. The quote goes before the last paragraph
 * (quotehead.c) and the text runs on past its column: the Bengali brief's first column holds
 * the first paragraph and the start of the second, the third its end and the comment; the
 * Japanese brief's first column its first paragraph, the third its second and the comment. */
TEST (brief_text_runs_past_its_quote)
{
  const char *arts[] = { "tests/unit/articles/rajshahi-mango.bn.md",
                         "tests/unit/articles/kyoto-canal.ja.md" };
  for (size_t i = 0; i < 2; i++) {
    CHECK_EQ_INT (checked_faults (arts[i], "print-a4", MK_UNBALANCED_LAST_PAGE), 0);
    CHECK_EQ_INT (checked_faults (arts[i], "print-a4", MK_EARLY_QUOTE), 0);
    CHECK_EQ_INT (checked_faults (arts[i], "print-a4", MK_FLOAT_ORDER), 0);
  }
}

/* A pull quote whose turn comes on a full page it does not fit across waits for the last
 * page's top, over the story's last two lines and two comments that cannot share the columns
 * (208 px apart on kiosk-10.3, 117 on kiosk-7.5). The text is set again from the full page's
 * start with the quote at the column's width in its turn (quotehead.c): it opens the last
 * page's first column over the last lines, the comments fill the second. */
TEST (waiting_quote_set_in_a_column_of_the_last_page)
{
  const char *art = "tests/unit/articles/pier-pavilion.md";
  const char *tpls[] = { "kiosk-10.3", "kiosk-7.5" };
  for (size_t i = 0; i < 2; i++) {
    CHECK_EQ_INT (checked_faults (art, tpls[i], MK_UNBALANCED_LAST_PAGE), 0);
    CHECK_EQ_INT (checked_faults (art, tpls[i], MK_FLOAT_ORDER), 0);
    CHECK_EQ_INT (checked_faults (art, tpls[i], MK_UNEVEN_FULL_PAGE), 0);
  }
}

/* A pull quote across the columns met on the page where the text ends but for the table,
 * the related link and the comments: waiting for the next page's top it would head the
 * comments, and spantop.c set it across this page's top instead, over its own passage, a
 * paragraph begun on the page (quote-before-passage on kiosk-7.5 p2). It now goes in its
 * turn at the column's width, after its passage on that page, the text running on to the
 * next page before the comments. */
TEST (quote_over_comments_goes_in_its_turn)
{
  const char *art = "tests/unit/articles/canal-water-taxi.md";
  const char *tpls[] = { "kiosk-10.3", "kiosk-7.5", "reader-6", "print-a4" };
  for (size_t i = 0; i < 4; i++) {
    CHECK_EQ_INT (checked_faults (art, tpls[i], MK_QUOTE_BEFORE_PASSAGE), 0);
    CHECK_EQ_INT (checked_faults (art, tpls[i], MK_FLOAT_ORDER), 0);
  }
}

/* A pull quote whose turn comes on the last page the text reaches, after its passage, a
 * paragraph begun on that page, with no room left under the text: spanend.c set it across
 * that page's top, over its passage, the text it pushed down running on to a third page
 * (quote-before-passage on kiosk-7.5 p2, own article mill-footbridge). It now goes in its
 * turn at the column's width, after its passage, and the story ends on two pages. */
TEST (last_quote_not_across_its_passage)
{
  const char *art = "tests/unit/articles/mill-footbridge.md";
  const char *tpls[] = { "kiosk-10.3", "kiosk-7.5", "reader-6", "print-a4" };
  for (size_t i = 0; i < 4; i++) {
    CHECK_EQ_INT (checked_faults (art, tpls[i], MK_QUOTE_BEFORE_PASSAGE), 0);
    CHECK_EQ_INT (checked_faults (art, tpls[i], MK_FLOAT_ORDER), 0);
  }
}

/* A one-page brief on reader-6 whose pull quote, after its one paragraph, missed the room
 * under it by some of its own white: it opened page 2 alone (floats-only-page). In the
 * page's last column, with nothing after it, it goes in with its white cut (latespace.c). */
TEST (last_quote_goes_in_under_the_text_with_less_space)
{
  const char *art = "tests/unit/articles/ferry-kiosk.md";
  CHECK_EQ_INT (checked_faults (art, "reader-6", MK_FLOATS_ONLY_PAGE), 0);
  CHECK_EQ_INT (checked_faults (art, "reader-6", MK_FLOAT_ORDER), 0);
}

/* On one column a pull quote that fits under the text but leaves no room under it for the
 * paragraph after it, one of three lines that cannot part, waits for that paragraph and goes
 * in under it when both fit (flow.c, float_after_next): quay-steps (tests/unit/articles) on
 * reader-6 set its quote under page 2's text, the paragraph on page 3 and 3.9 line steps of
 * white over the quote (column-hole). */
TEST (quote_waits_for_the_paragraph_it_would_push_on)
{
  const char *art = "tests/unit/articles/quay-steps.md";
  CHECK_EQ_INT (checked_faults (art, "reader-6", MK_COLUMN_HOLE), 0);
  CHECK_EQ_INT (checked_faults (art, "reader-6", MK_UNEVEN_FULL_PAGE), 0);
  CHECK_EQ_INT (checked_faults (art, "reader-6", MK_FLOAT_ORDER), 0);
}

/* Two columns, a chart, and two related links after the last paragraph: the second link
 * missed the room under the text's end on page 1 by some 120 px and opened page 2 alone
 * (floats-only-page), as tide-mill-lock did on kiosk-10.3. Links that follow one another
 * are one box under one rule (units.c, ink__stack_related): the box goes in under the text
 * with its white cut (latespace.c), one page; on the other templates no fault either. */
TEST (stacked_links_go_in_under_the_text)
{
  const char *art = "tests/unit/articles/weir-sluice.md";
  size_t pages = 0;
  mk_report_t r;
  CHECK (checked_sample (art, "kiosk-10.3", &pages, &r));
  CHECK_EQ_INT (pages, 1);
  CHECK_EQ_INT (r.faults, 0);
  mk_report_free (&r);
  const char *tpls[] = { "kiosk-7.5", "reader-6", "print-a4" };
  for (size_t i = 0; i < 3; i++) {
    CHECK_EQ_INT (checked_faults (art, tpls[i], MK_FLOATS_ONLY_PAGE), 0);
    CHECK_EQ_INT (checked_faults (art, tpls[i], MK_FLOAT_ORDER), 0);
  }
}

/* Thai on two columns: a paragraph, a chart too tall for the room under it, a short table
 * and the last paragraph. The table waited behind the chart, which went to the second
 * column's top; it missed the room under the chart and stood alone on page 2 after the text
 * (floats-only-page, and the chart read after the text's end beside it: float-order). A
 * short table that fits whole under the text passes a picture waiting for the next column
 * (floats.c, ink__queue_float): under the first paragraph, the chart beside it, the last
 * paragraph on page 2 (kiosk-7.5), or all on one page (kiosk-10.3). */
TEST (table_passes_a_picture_waiting_for_its_column)
{
  const char *art = "tests/unit/articles/chiangkhan-river.th.md";
  const char *tpls[] = { "kiosk-7.5", "kiosk-10.3", "reader-6", "print-a4" };
  for (size_t i = 0; i < 4; i++) {
    size_t pages = 0;
    mk_report_t r;
    CHECK (checked_sample (art, tpls[i], &pages, &r));
    CHECK_EQ_INT (r.count[MK_FLOATS_ONLY_PAGE], 0);
    CHECK_EQ_INT (r.count[MK_FLOAT_ORDER], 0);
    /* kiosk-7.5's page 2 holds the last paragraph's four lines, two a column: a runt page
     * by the checker's limit for two columns, which the runt trials do not draw back. */
    CHECK_EQ_INT (r.faults - (i == 0 ? r.count[MK_RUNT_PAGE] : 0), 0);
    mk_report_free (&r);
  }
}

/* A picture that waited for the page after its paragraph opens it with room under it for two
 * lines, but the text goes on with a subhead that keeps two lines under it, four line steps:
 * harbour-ferry-cuts (tests/unit/articles) on reader-6 set the picture over the paragraph's
 * last lines on page 4, which then ended 3.2 line steps short of the subhead on page 5
 * (uneven-full-page), the subhead opening page 6. After a full column, the picture is made
 * smaller (by at most twice picture-shrink) to let the subhead and its lines in under it
 * (picroom.c, ink__room_for_lines). */
TEST (picture_leaves_room_for_a_subhead_and_its_lines)
{
  const char *art = "tests/unit/articles/harbour-ferry-cuts.md";
  size_t pages = 0;
  mk_report_t r;
  CHECK (checked_sample (art, "reader-6", &pages, &r));
  CHECK_EQ_INT (pages, 7);
  CHECK_EQ_INT (r.faults, 0);
  mk_report_free (&r);
  CHECK (least_picture_permille (art, "reader-6") >= 700);
}

/* Two pull quotes the article puts after its third paragraph, each repeating words of a
 * paragraph in a later section (own article harbour-crane-inquiry): set where the article
 * puts them they were read before their passages (quote-before-passage on every bundled
 * template: kiosk-10.3 p2, kiosk-7.5 p3, reader-6 p3, print-a4 p1). Each now waits for its
 * passage (quotewait.c): it is built after the paragraph that holds its words, the second
 * behind the first, and read after that paragraph's first line. */
TEST (quote_waits_for_its_passage)
{
  const char *art = "examples/articles/harbour-crane-inquiry.md";
  const char *tpls[] = { "kiosk-10.3", "kiosk-7.5", "reader-6", "print-a4" };
  for (size_t i = 0; i < 4; i++)
    CHECK_EQ_INT (checked_faults (art, tpls[i], MK_QUOTE_BEFORE_PASSAGE), 0);
  for (size_t i = 0; i < 4; i++)
    CHECK_EQ_INT (checked_faults (art, tpls[i], MK_FLOAT_ORDER), 0);
}

/* harbour-crane-inquiry on kiosk-7.5: the last pull quote, met on the last page right after
 * the two lines that end a paragraph turned onto it, was set at column 2's top beside the
 * text's last six lines, read after the end of the text (float-order). No paragraph of the
 * page starts before it for it to go before (early.c, move_back): it now waits for the page
 * from its start (move_to_top) and opens column 1, the text in column 2, the columns ending
 * together. */
TEST (last_quote_opens_the_last_page_over_the_turned_text)
{
  const char *art = "examples/articles/harbour-crane-inquiry.md";
  CHECK_EQ_INT (checked_faults (art, "kiosk-7.5", MK_FLOAT_ORDER), 0);
  CHECK_EQ_INT (checked_faults (art, "kiosk-7.5", MK_UNBALANCED_LAST_PAGE), 0);
  CHECK_EQ_INT (checked_faults (art, "kiosk-7.5", MK_QUOTE_BEFORE_PASSAGE), 0);
}

/* harbour-crane-inquiry on kiosk-7.5: the pull quote that waited for its passage (page 3's
 * first column) waits for the page's last column; the paragraph at the first column's foot
 * went on with its last line alone, under the quote (lone-line), as the widow rule lets a
 * line alone go on only where it does not stand under the float that opens the column
 * (widow.c, ink__widow_strays): two lines go there now. Page 4 then ends its columns together
 * with the next quote at column 2's top (it filled column 1's foot, 14 px off the grid). */
TEST (line_not_alone_under_a_quote_opening_the_last_column)
{
  const char *art = "examples/articles/harbour-crane-inquiry.md";
  CHECK_EQ_INT (checked_faults (art, "kiosk-7.5", MK_LONE_LINE), 0);
  CHECK_EQ_INT (checked_faults (art, "kiosk-7.5", MK_UNEVEN_FULL_PAGE), 0);
}

int
main (void)
{
  RUN (float_never_strands_its_head);
  RUN (float_waits_rather_than_leave_a_hole);
  RUN (late_float_leaves_room_for_a_lead_in);
  RUN (last_page_balanced_without_a_hole_over_a_float);
  RUN (late_floats_leave_the_body_room);
  RUN (picture_under_a_late_quote_lets_the_text_in);
  RUN (picture_under_a_late_quote_keeps_its_bound);
  RUN (picture_under_a_quote_across_lets_the_text_in);
  RUN (quote_across_middle_leaves_no_head_over_it);
  RUN (late_quote_goes_in_with_less_space);
  RUN (brief_text_runs_past_its_quote);
  RUN (waiting_quote_set_in_a_column_of_the_last_page);
  RUN (quote_over_comments_goes_in_its_turn);
  RUN (last_quote_not_across_its_passage);
  RUN (last_quote_goes_in_under_the_text_with_less_space);
  RUN (quote_waits_for_the_paragraph_it_would_push_on);
  RUN (stacked_links_go_in_under_the_text);
  RUN (table_passes_a_picture_waiting_for_its_column);
  RUN (picture_leaves_room_for_a_subhead_and_its_lines);
  RUN (late_quote_behind_a_picture_with_its_caption_beside);
  RUN (quote_waits_for_its_passage);
  RUN (line_not_alone_under_a_quote_opening_the_last_column);
  RUN (last_quote_opens_the_last_page_over_the_turned_text);
  return test_summary ();
}

