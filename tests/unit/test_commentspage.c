/* A template whose comments start on a page of their own (comments-new-page = yes) ends the
 * text on the page before them: that page's columns are balanced as a last page's
 * (balance.c, ink__balance_before_break). The flow evened it as a full page instead, found
 * no even setting and left it at the frame's foot, the whole text in its first column and the
 * second empty (empty-column); none of the bundled templates starts comments on a new page. */
#include <inkset/inkset.h>
#include <stdio.h>
#include <string.h>
#include "article.h"
#include "layout-internal.h"
#include "paginate.h"
#include "template.h"
#include "test.h"
#include "fixture.h"
#include "makeup_check.h"
#include "checked.h"

#define TPL INK_SOURCE_DIR "/tests/unit/templates/comments-page.ini"

/* The pages of article a (from the source folder) laid out on TPL; -1 when it fails. */
static int
pages_of (const char *a)
{
  fixture_t s;
  char path[512];
  snprintf (path, sizeof path, "%s/%s", INK_SOURCE_DIR, a);
  int n = fixture_lay_out (&s, NULL, path, TPL) ? (int) ink_document_page_count (s.doc) : -1;
  fixture_tear_down (&s);
  return n;
}

TEST (text_before_comments_page_balanced)
{
  const char *a = "tests/unit/articles/ferry-slipway.md";
  CHECK_EQ_INT (checked_faults (a, TPL, MK_EMPTY_COLUMN), 0);
  CHECK_EQ_INT (checked_faults (a, TPL, MK_LOST_TEXT), 0);
  CHECK_EQ_INT (checked_faults (a, TPL, MK_OVERPRINT), 0);
}

/* The comments still follow on the next page, all of them. */
TEST (comments_on_their_own_page)
{
  CHECK_EQ_INT (pages_of ("tests/unit/articles/ferry-slipway.md"), 2);
}

/* A page of five comments of four to seven lines: with the template's three lines kept at
 * either side of a column break, none could turn a column, and the page ended its columns
 * 4.5 line steps apart; a comment now breaks with its author and two lines at the foot and
 * two lines at the next top, and the columns end within a line step. */
TEST (comments_page_shared_between_lines)
{
  const char *a = "tests/unit/articles/depot-murals.md";
  CHECK_EQ_INT (checked_faults (a, TPL, MK_UNBALANCED_LAST_PAGE), 0);
  CHECK_EQ_INT (checked_faults (a, TPL, MK_STRANDED_HEAD), 0);
  CHECK_EQ_INT (checked_faults (a, TPL, MK_LOST_TEXT), 0);
}

/* A page of two comments and a reply, of two and three lines under their authors: whole,
 * they share two columns only as two in one and the reply in the other, 4.7 line steps
 * apart. The second comment's last line, a full one, now goes alone to the second column's
 * top over the reply, and the columns end within a line step. */
TEST (comments_page_last_line_over)
{
  const char *a = "tests/unit/articles/quay-bakery.md";
  CHECK_EQ_INT (checked_faults (a, TPL, MK_UNBALANCED_LAST_PAGE), 0);
  CHECK_EQ_INT (checked_faults (a, TPL, MK_STRANDED_HEAD), 0);
  CHECK_EQ_INT (checked_faults (a, TPL, MK_LOST_TEXT), 0);
}

/* A pull quote across the columns that waited while the text ended on the page before the
 * comments' page break stood over the comments on their own page, read after them (float-
 * order); it now goes under the balanced columns of the text's last page. */
TEST (quote_across_before_the_break)
{
  CHECK_EQ_INT (checked_faults ("dhaka-metro.bn.md", TPL, MK_FLOAT_ORDER), 0);
  CHECK_EQ_INT (checked_faults ("surat-diamonds.gu.md", TPL, MK_FLOAT_ORDER), 0);
  CHECK_EQ_INT (checked_faults ("dhaka-metro.bn.md", TPL, MK_OVERPRINT), 0);
  CHECK_EQ_INT (checked_faults ("dhaka-metro.bn.md", TPL, MK_LOST_TEXT), 0);
}

/* An article of three paragraphs and one reader's comment, an author and two lines: on its
 * own page the comment was a runt (three lines and nothing else). It now goes under the text,
 * whose page then ends its columns together, and the article takes one page. */
TEST (lone_short_comment_under_the_text)
{
  const char *a = "tests/unit/articles/pier-lamps.md";
  CHECK_EQ_INT (checked_faults (a, TPL, MK_RUNT_PAGE), 0);
  CHECK_EQ_INT (checked_faults (a, TPL, MK_UNBALANCED_LAST_PAGE), 0);
  CHECK_EQ_INT (checked_faults (a, TPL, MK_LOST_TEXT), 0);
  CHECK_EQ_INT (pages_of (a), 1);
}

/* A pull quote after the story's second paragraph, the text all on page 1 but for it: set
 * across page 1's top so as not to open the comments' page alone, it stood under the head,
 * read before the first paragraph (early-quote). In its turn at the column's width it went
 * after the end of the text; it now goes before the second paragraph, at the second
 * column's top, the text running on to page 2. */
TEST (quote_not_over_the_first_paragraph)
{
  const char *a = "tests/unit/articles/ferry-waiting-room.md";
  CHECK_EQ_INT (checked_faults (a, TPL, MK_EARLY_QUOTE), 0);
  CHECK_EQ_INT (checked_faults (a, TPL, MK_FLOAT_ORDER), 0);
  CHECK_EQ_INT (checked_faults (a, TPL, MK_LOST_TEXT), 0);
}

/* A related link after the story's last paragraph, a little short of room under it on the
 * text's last page: it opened the page before the comments' own page alone (floats-only-page,
 * its second column empty). The comments share no page with it, so it now goes in with its
 * white cut as when no comments follow, and the text, the link and the source line end on
 * page 1. */
TEST (related_link_not_alone_before_the_comments_page)
{
  const char *a = "tests/unit/articles/jeonju-night-market.ko.md";
  CHECK_EQ_INT (checked_faults (a, TPL, MK_FLOATS_ONLY_PAGE), 0);
  CHECK_EQ_INT (checked_faults (a, TPL, MK_EMPTY_COLUMN), 0);
  CHECK_EQ_INT (checked_faults (a, TPL, MK_FLOAT_ORDER), 0);
  CHECK_EQ_INT (checked_faults (a, TPL, MK_LOST_TEXT), 0);
  CHECK_EQ_INT (pages_of (a), 2);
}

/* A page of three comments of an author and one line each: whole, they shared two columns
 * two in one and one in the other, 172 px apart, and no line of them could go over. The page
 * is now set in one column the frame wide, a letters column that needs no balance. */
TEST (short_comments_page_in_one_column)
{
  const char *a = "tests/unit/articles/market-hall-roof.md";
  CHECK_EQ_INT (checked_faults (a, TPL, MK_UNBALANCED_LAST_PAGE), 0);
  CHECK_EQ_INT (checked_faults (a, TPL, MK_OVERPRINT), 0);
  CHECK_EQ_INT (checked_faults (a, TPL, MK_LOST_TEXT), 0);
  CHECK_EQ_INT (checked_faults (a, TPL, MK_EMPTY_COLUMN), 0);
}

/* The same page in right-to-left text: a reply stays indented from the right, as in the
 * columns; set across the frame, it ended at the frame's right edge with the comments. */
TEST (rtl_reply_indented_on_one_column_page)
{
  fixture_t s;
  char path[512];
  snprintf (path, sizeof path, "%s/tests/unit/articles/akko-sea-wall.he.md", INK_SOURCE_DIR);
  if (fixture_lay_out (&s, NULL, path, TPL)) {
    const ink__page_t *pg = &s.doc->pages.v[s.doc->pages.n - 1];
    CHECK_EQ_INT ((int) pg->ncols, 1);
    const ink__lrec_t *comment = NULL, *reply = NULL;
    for (size_t i = 0; i < pg->nl; i++) {
      const ink__lrec_t *l = &s.doc->lines.v[pg->l0 + i];
      if (l->role == INK_ROLE_COMMENT && !comment)
        comment = l;
      if (l->role == INK_ROLE_REPLY && !reply)
        reply = l;
    }
    CHECK (comment && reply);
    if (comment && reply)
      CHECK (reply->x + reply->w < comment->x + comment->w - 64 * 8);
  }
  fixture_tear_down (&s);
}

/* A page of four comments of an author and two lines each on three columns: whole, they
 * shared them two, one and one, a comment and its rule apart (118 px). The page is now set
 * in two wider columns, two comments in each, that end together, with the column rule in
 * the one gutter left. */
TEST (comments_page_in_fewer_columns)
{
  const char *a = "tests/unit/articles/allotment-meters.md";
  const char *tpl = INK_SOURCE_DIR "/tests/unit/templates/comments-three.ini";
  CHECK_EQ_INT (checked_faults (a, tpl, MK_UNBALANCED_LAST_PAGE), 0);
  CHECK_EQ_INT (checked_faults (a, tpl, MK_OVERPRINT), 0);
  CHECK_EQ_INT (checked_faults (a, tpl, MK_LOST_TEXT), 0);
  CHECK_EQ_INT (checked_faults (a, tpl, MK_EMPTY_COLUMN), 0);
  CHECK_EQ_INT (checked_faults (a, tpl, MK_RULE_TOUCH), 0);
}

/* An article whose text ran three lines past its second page, the last paragraph's, which
 * widows of three keep together: they opened page 3 alone, its second column empty, before
 * the comments' own page (empty-column). Page 2 is now set tighter, the space above its
 * subhead cut, and takes them, balanced as the text's last page: three pages for four. */
TEST (text_runt_before_the_comments_page_drawn_back)
{
  const char *a = "tests/unit/articles/hallow-lock.md";
  CHECK_EQ_INT (checked_faults (a, TPL, MK_EMPTY_COLUMN), 0);
  CHECK_EQ_INT (checked_faults (a, TPL, MK_UNBALANCED_LAST_PAGE), 0);
  CHECK_EQ_INT (checked_faults (a, TPL, MK_LOST_TEXT), 0);
  CHECK_EQ_INT (pages_of (a), 3);
}

/* Two comments on the three columns of a page of their own, the first's author line long
 * enough for two lines: balancing ended the first column on that author, its text at the
 * next column's top (stranded-head). The page is now set in two wider columns, each
 * comment whole in one. */
TEST (comment_author_not_left_at_a_column_foot)
{
  const char *a = "tests/unit/articles/mill-road-water.md";
  const char *tpl = INK_SOURCE_DIR "/tests/unit/templates/comments-three.ini";
  CHECK_EQ_INT (checked_faults (a, tpl, MK_STRANDED_HEAD), 0);
  CHECK_EQ_INT (checked_faults (a, tpl, MK_UNBALANCED_LAST_PAGE), 0);
  CHECK_EQ_INT (checked_faults (a, tpl, MK_LOST_TEXT), 0);
  CHECK_EQ_INT (checked_faults (a, tpl, MK_OVERPRINT), 0);
}

/* Two comments of an author and three lines each on the three columns of a page of their
 * own: balanced whole, each opened a column and the third stayed empty, which passed as
 * even (the two end together) though the page holds two lines a column (the check's "2 of
 * 3 columns hold the last 8 lines"; in Korean, 7). The page is now set in two wider
 * columns, one comment in each. */
TEST (comments_page_fills_its_columns)
{
  const char *arts[] = { "tests/unit/articles/harbour-bins.md",
                         "tests/unit/articles/harbour-bins.ko.md" };   /* 8 and 7 lines */
  const char *tpl = INK_SOURCE_DIR "/tests/unit/templates/comments-three.ini";
  for (size_t i = 0; i < sizeof arts / sizeof *arts; i++) {
    CHECK_EQ_INT (checked_faults (arts[i], tpl, MK_UNBALANCED_LAST_PAGE), 0);
    CHECK_EQ_INT (checked_faults (arts[i], tpl, MK_EMPTY_COLUMN), 0);
    CHECK_EQ_INT (checked_faults (arts[i], tpl, MK_LOST_TEXT), 0);
    CHECK_EQ_INT (checked_faults (arts[i], tpl, MK_OVERPRINT), 0);
  }
}

int
main (void)
{
  RUN (text_before_comments_page_balanced);
  RUN (comments_on_their_own_page);
  RUN (comments_page_shared_between_lines);
  RUN (comments_page_last_line_over);
  RUN (quote_across_before_the_break);
  RUN (lone_short_comment_under_the_text);
  RUN (quote_not_over_the_first_paragraph);
  RUN (related_link_not_alone_before_the_comments_page);
  RUN (short_comments_page_in_one_column);
  RUN (rtl_reply_indented_on_one_column_page);
  RUN (comments_page_in_fewer_columns);
  RUN (text_runt_before_the_comments_page_drawn_back);
  RUN (comment_author_not_left_at_a_column_foot);
  RUN (comments_page_fills_its_columns);
  return test_summary ();
}
