/* A last page of a line or three and nothing else is drawn back onto the page before
 * (runt.c): its paragraphs a line tighter or the space above its floats, subheads and
 * comments cut, as the last resort with word spaces that shrink further, kept only when the article then ends a page sooner with nothing left over
 * and the page still passes the make-up check. The make-up checker
 * (tests/tools/makeup_check.h) counts a runt page as such a last page with fewer than
 * RUNT_LINES lines of text, or on several columns two a column or fewer. */
#include <inkset/inkset.h>
#include <stdio.h>
#include <string.h>
#include "test.h"
#include "fixture.h"
#include "makeup_check.h"
#include "checked.h"

/* Article (in examples/articles) on template tpl: its pages, and its make-up faults of
 * every kind and of the runt-page kind. */
typedef struct {
  size_t pages;
  unsigned faults, runts;
} laid_t;

static laid_t
lay (const char *article, const char *tpl)
{
  laid_t out = { 0, 1000, 1000 };
  mk_report_t r;
  if (checked_sample (article, tpl, &out.pages, &r)) {
    out.faults = r.faults - r.count[MK_EARLY_QUOTE];   /* page 1's, as before */
    out.runts = r.count[MK_RUNT_PAGE];
  }
  mk_report_free (&r);
  return out;
}

/* Two lines of a paragraph that the page before takes with less space above its subhead
 * (two columns, a picture on it): two pages, not three. */
TEST (two_lines_drawn_back_by_space)
{
  laid_t l = lay ("rocket-recovery.md", "kiosk-7.5");
  CHECK_EQ_INT (l.pages, 2);
  CHECK_EQ_INT (l.runts, 0);
  CHECK_EQ_INT (l.faults, 0);
}

/* A comment's last lines on three columns, and a comment with its author on two: the
 * article ends a page sooner, its last page balanced. */
TEST (comments_drawn_back)
{
  laid_t l = lay ("pakistan-china-pact.md", "print-a4");
  CHECK_EQ_INT (l.pages, 1);
  CHECK_EQ_INT (l.runts + l.faults, 0);
  l = lay ("ramadan-market.ar.md", "kiosk-10.3");
  CHECK_EQ_INT (l.pages, 1);
  CHECK_EQ_INT (l.runts + l.faults, 0);
}

/* One column: two lines and the source line under a picture go on the page before. */
TEST (one_column_drawn_back)
{
  laid_t l = lay ("eileen-collins.md", "reader-6");
  CHECK_EQ_INT (l.pages, 2);
  CHECK_EQ_INT (l.runts + l.faults, 0);
  l = lay ("school-meals.md", "reader-6");
  CHECK_EQ_INT (l.pages, 6);
  CHECK_EQ_INT (l.runts + l.faults, 0);
}

/* One column of Arabic: two lines and the source line that no paragraph set a line tighter
 * draws back (each would open its word spaces past the bound) go on the page before when its
 * first paragraph's word spaces shrink to half their width (ink__set_para_line_fewer's last
 * resort): one page, not two. */
TEST (drawn_back_by_tighter_spaces)
{
  laid_t l = lay ("cairo-book-fair.ar.md", "reader-6");
  CHECK_EQ_INT (l.pages, 1);
  CHECK_EQ_INT (l.runts + l.faults, 0);
}

/* Arabic on two columns: the last comment, its author's line two lines long and three lines
 * of text, went on alone to page 2, all in one column (its author stays with its first two
 * lines, so no sharing of the columns ends them within a line step). Page 1 takes it with a
 * paragraph a line tighter or the space above its floats and comments cut: one page, its
 * columns ending together. */
TEST (lone_comment_drawn_back)
{
  laid_t l = lay ("tests/unit/articles/night-bakeries.ar.md", "kiosk-10.3");
  CHECK_EQ_INT (l.pages, 1);
  CHECK_EQ_INT (l.runts + l.faults, 0);
}

/* Persian on two columns, two pull quotes and two short comments: the flow ends the text and
 * both comments on page 1, but no setting of the page in balancing's columns holds them all,
 * the frame's foot included, and set at its foot the page handed the last comment (its
 * author and two lines) to a page of its own. The page now takes it with a paragraph a line
 * tighter or its space cut (ink__runt_hold): one page, its columns ending together. */
TEST (last_comment_held_on_balanced_page)
{
  laid_t l = lay ("tests/unit/articles/rasht-library.fa.md", "kiosk-10.3");
  CHECK_EQ_INT (l.pages, 1);
  CHECK_EQ_INT (l.runts + l.faults, 0);
}

/* Four lines on two columns, two at the top of each column of page 2, are a runt as three
 * lines are (ink__makeup_runt_lines): page 1 takes them with the space above its four
 * subheads cut. One page, not two. */
TEST (two_lines_a_column_drawn_back)
{
  laid_t l = lay ("tests/unit/articles/quay-crane.md", "kiosk-7.5");
  CHECK_EQ_INT (l.pages, 1);
  CHECK_EQ_INT (l.runts + l.faults, 0);
}

/* A brief on two columns whose page 1 under its head holds twelve lines a column, the frame
 * a pixel and a half short of a thirteenth, and no paragraph that sets a line tighter: its
 * last two lines went on to a page of their own. The head is fitted to the page instead
 * (headline a tenth smaller, ink__runt_head): one page, its columns ending together. */
TEST (runt_drawn_back_under_smaller_head)
{
  laid_t l = lay ("tests/unit/articles/swimming-baths.md", "kiosk-7.5");
  CHECK_EQ_INT (l.pages, 1);
  CHECK_EQ_INT (l.runts + l.faults, 0);
}

/* Hebrew on one column: page 2 holds a table, a pull quote and the last paragraph, and the
 * closing related link misses the room under the text's end by some 50 px: it opened page 3
 * alone (floats-only-page). A rest of floats alone is drawn back as a runt of text is: the
 * space around the page's floats cut by a quarter at a time, at most to a quarter of it, its
 * paragraphs a line tighter or its pictures smaller, and the link goes in under the text
 * (ink__runt_pull): two pages, not three. */
TEST (closing_link_drawn_back)
{
  laid_t l = lay ("tests/unit/articles/eilat-night-bus.he.md", "reader-6");
  CHECK_EQ_INT (l.pages, 2);
  CHECK_EQ_INT (l.faults, 0);
}

/* valley-bus-depot (tests/unit/articles): a leader whose closing pull quote, quoting none of
 * its text, misses the room under the last paragraph of its one page on kiosk-10.3 by some
 * two line steps; it stood alone on page 2 (floats-only-page). One such quote is drawn back
 * as a related link is, when the page holds no pull quote of its own, its paragraphs set a
 * line tighter as many as the trials allow: one page, no fault. */
TEST (closing_quote_drawn_back)
{
  laid_t l = lay ("tests/unit/articles/valley-bus-depot.md", "kiosk-10.3");
  CHECK_EQ_INT (l.pages, 1);
  CHECK_EQ_INT (l.faults, 0);
}

/* Two columns under a pull quote across page 3's top: its list and the paragraphs after it
 * set no line tighter (Chinese, no word spaces to shrink), and the space over the page's
 * other floats is none, so the last paragraph's two lines went on to page 4 alone. The
 * quote's own white cut too, a quarter of it kept (cut_space in runt.c), gives both columns
 * their room at once: three pages, no runt, no other fault. */
TEST (runt_drawn_back_by_quote_white)
{
  laid_t l = lay ("tests/unit/articles/bridges-path-quote.zh.md", "kiosk-7.5");
  CHECK_EQ_INT (l.pages, 3);
  CHECK_EQ_INT (l.runts + l.faults, 0);
}

/* Sixteen paragraphs on two columns, none of which sets a line tighter: page 3 held the
 * last paragraph's four lines, two a column, and runt.c could not draw them back. Page 2
 * ends its columns a line step higher instead (ink__pair_runt, lastpair.c), still passing
 * as full, and page 3 holds three lines a column, balanced: no runt, no other fault. */
TEST (runt_given_lines_by_page_before)
{
  laid_t l = lay ("tests/unit/articles/ferry-gearbox.md", "kiosk-7.5");
  CHECK_EQ_INT (l.pages, 3);
  CHECK_EQ_INT (l.runts + l.faults, 0);
}

/* One column: page 3 held the last paragraph's two lines and the source line, page 2 ending
 * a line short, and no paragraph set a line tighter or page 2 ending higher gave page 3 more
 * (a two-line paragraph goes whole). A paragraph of page 2 set a line looser
 * (ink__pair_runt's give_looser) pushes the two-line paragraph before the last onto page 3:
 * four lines and the source, page 2 still a line short, no fault. */
TEST (runt_given_lines_by_a_looser_paragraph)
{
  laid_t l = lay ("tests/unit/articles/quay-wall-winter.md", "reader-6");
  CHECK_EQ_INT (l.pages, 3);
  CHECK_EQ_INT (l.runts + l.faults, 0);
}

/* One column of German, paragraphs set close with no white between them: page 11 held the
 * last paragraph's two lines alone. No paragraph of page 10 sets a line tighter; page 10
 * ending higher (give_runt in lastpair.c) left a runt, and so did one of its paragraphs set
 * a line looser, three lines alone (give_looser). Both at once (give_looser_higher) give page
 * 11 four, page 10 a line short and still passing as full: eleven pages, no runt, no other
 * fault. */
TEST (runt_given_lines_by_a_looser_paragraph_and_a_line_higher)
{
  laid_t l = lay ("tests/unit/articles/kiel-ferry-law.de.md", "reader-6");
  CHECK_EQ_INT (l.pages, 11);
  CHECK_EQ_INT (l.runts + l.faults, 0);
}

/* Two columns: page 3's first column ends on a subhead and the two lines it keeps, so that
 * page 3's columns ending half a line step or more higher send those over whole and end
 * apart and short; page 4 held the last paragraph's four lines alone. Page 3's second
 * column alone ending a line step higher (give_runt in lastpair.c) gives page 4 six lines,
 * three a column, and vertical justification takes the white above that column's last
 * subhead: page 3 still full, no runt. */
TEST (runt_given_lines_by_one_column_ending_higher)
{
  laid_t l = lay ("snow-live.md", "kiosk-7.5");
  CHECK_EQ_INT (l.pages, 4);
  CHECK_EQ_INT (l.runts + l.faults, 0);
}

/* The text after a full page left two lines alone on the last page, and no paragraph of the
 * full page, or just one, could be set a line tighter in the narrow measure; nor may the full
 * page alone end two lines higher. The page before it ends a line higher (runtbefore.c),
 * still passing as full once its paragraphs take the white, and the last page holds more than
 * a runt: two columns (page 6 of 8 a line higher left page 8 five lines) and one
 * (page 3 a line higher, page 4 too as lastpair.c's give_runt sets it, page 5 four). */
TEST (runt_given_lines_by_the_page_before_the_full_page)
{
  laid_t l = lay ("tests/unit/articles/law-list-ferries.de.md", "kiosk-7.5");
  CHECK_EQ_INT (l.pages, 8);
  CHECK_EQ_INT (l.runts + l.faults, 0);
  l = lay ("tests/unit/articles/dhaka-night-projects.bn.md", "reader-6");
  CHECK_EQ_INT (l.pages, 5);
  CHECK_EQ_INT (l.runts + l.faults, 0);
}

/* One column of large type: page 1 ended a step short of the last paragraph's two last
 * lines, which went on to page 2 with the source line. The headline a tenth smaller
 * (ink__runt_head, now on one column too) lets page 1 hold them: one page. */
TEST (one_column_runt_under_smaller_head)
{
  laid_t l = lay ("tests/unit/articles/north-slipway.md",
                  INK_SOURCE_DIR "/tests/unit/templates/big-type.ini");
  CHECK_EQ_INT (l.pages, 1);
  CHECK_EQ_INT (l.runts + l.faults, 0);
}

/* One column: a table at page 3's foot and the last paragraph, three lines, alone on page 4;
 * no paragraph of page 3 gives or takes a line. The whole article laid out again under a
 * headline a tenth smaller (runtdoc.c) starts every page a line further on: three pages. */
TEST (runt_drawn_back_by_whole_article_under_smaller_head)
{
  laid_t l = lay ("tests/unit/articles/kessock-dues.md", "reader-6");
  CHECK_EQ_INT (l.pages, 3);
  CHECK_EQ_INT (l.runts + l.faults, 0);
}

int
main (void)
{
  RUN (two_lines_drawn_back_by_space);
  RUN (comments_drawn_back);
  RUN (one_column_drawn_back);
  RUN (drawn_back_by_tighter_spaces);
  RUN (lone_comment_drawn_back);
  RUN (last_comment_held_on_balanced_page);
  RUN (two_lines_a_column_drawn_back);
  RUN (runt_drawn_back_under_smaller_head);
  RUN (closing_link_drawn_back);
  RUN (closing_quote_drawn_back);
  RUN (runt_drawn_back_by_quote_white);
  RUN (runt_given_lines_by_page_before);
  RUN (runt_given_lines_by_a_looser_paragraph);
  RUN (runt_given_lines_by_a_looser_paragraph_and_a_line_higher);
  RUN (runt_given_lines_by_one_column_ending_higher);
  RUN (runt_drawn_back_by_whole_article_under_smaller_head);
  RUN (one_column_runt_under_smaller_head);
  RUN (runt_given_lines_by_the_page_before_the_full_page);
  return test_summary ();
}
