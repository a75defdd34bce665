/* Full pages end within a line of the frame's foot (pages.c, vjust.c): one-column pages whose
 * next page opens with what cannot come up (a two-line last paragraph with the source line, a
 * subhead kept with its lines, a float) are filled by space at their floats or a paragraph a
 * line longer, and two columns short by a line each by two paragraphs a line longer; a column
 * that ends on a related box, short of the others by more than the template's bound, has the
 * box set on its foot; a page
 * set again with a pull quote across its top that then runs onto the next is evened as a full
 * page, not balanced as the last; a column that ends on a table, whose last rule hangs lower
 * under its baseline than a line's descent, comes down to the others' baseline within the
 * check's tolerance though the full amount would pass the frame's foot by a fraction of a
 * pixel. A subhead's kept lines are measured on the grid, and kept in its column
 * with less space above it. The make-up checker (tests/tools/makeup_check.h) finds no uneven
 * full page on them. A related box or pull quote let down to a short column's foot stops
 * short of opening a hole of room for two lines and its space above it when the white can go
 * under it instead: the checker finds no column hole and no uneven full page there. A related
 * box that ends its column a pixel or two under the other column's last baseline (its lines
 * are off the grid, that column a line short for a subhead kept with its lines) comes up to
 * that baseline by less space above it. A one-column page under a pull quote, short of room for
 * the next subhead and its two lines and with no paragraph a line tighter, takes them with
 * the space above its subheads cut by a quarter (ink__even_space); so does one short of a
 * table's header and kept rows, and a page under a pull quote across its top, queued there
 * from the page before, with the quote's own space cut too. A page that ends short while a pull
 * quote it follows waits across the next page's top takes the quote at the column's width. A
 * page still apart or short after all that takes a line step between paragraphs. A pull quote
 * held up from a column's foot by the hole it would open gives the rest to the white inside
 * its box, its attribution on the other column's baseline. */
#include <inkset/inkset.h>
#include <stdio.h>
#include <string.h>
#include "test.h"
#include "fixture.h"
#include "makeup_check.h"
#include "checked.h"

/* The make-up faults of one kind of article (in examples/articles) on template tpl. */
static unsigned
faults (const char *article, const char *tpl, mk_kind_t kind)
{
  size_t pages;
  mk_report_t r;
  unsigned n = checked_sample (article, tpl, &pages, &r) ? r.count[kind] : 1000;
  mk_report_free (&r);
  return n;
}

/* The uneven-full-page faults of article on template tpl. */
static unsigned
uneven (const char *article, const char *tpl)
{
  return faults (article, tpl, MK_UNEVEN_FULL_PAGE);
}

/* A subhead's two lines are measured where they will go, on the grid; where they do not fit
 * under it, the subhead gives up to half the space above it to keep them in its column, and
 * the page is not left short or with a hole above a float for it. */
TEST (subhead_keeps_two_lines_on_the_grid)
{
  CHECK_EQ_INT (faults ("lucknow-buses.hi.md", "print-a4", MK_STRANDED_HEAD), 0);
  CHECK_EQ_INT (faults ("valencia-port.es.md", "print-a4", MK_STRANDED_HEAD), 0);
  CHECK_EQ_INT (faults ("jeonju-hanok.ko.md", "kiosk-10.3", MK_STRANDED_HEAD), 0);
  CHECK_EQ_INT (faults ("jeonju-hanok.ko.md", "kiosk-10.3", MK_COLUMN_HOLE), 0);
  CHECK_EQ_INT (faults ("marrakech-rail.ar.md", "print-a4", MK_STRANDED_HEAD), 0);
  CHECK_EQ_INT (faults ("marrakech-rail.ar.md", "print-a4", MK_COLUMN_HOLE), 0);
  CHECK_EQ_INT (faults ("rocket-recovery.md", "kiosk-7.5", MK_STRANDED_HEAD), 0);
  CHECK_EQ_INT (uneven ("rocket-recovery.md", "kiosk-7.5"), 0);
}

/* The column holes and uneven full pages of article on template tpl. */
static unsigned
holes_or_uneven (const char *article, const char *tpl)
{
  return faults (article, tpl, MK_COLUMN_HOLE) + uneven (article, tpl);
}

TEST (one_column_filled_at_a_float)
{
  CHECK_EQ_INT (uneven ("eileen-collins.md", "reader-6"), 0);   /* under a picture */
  CHECK_EQ_INT (uneven ("lahore-smog.ur.md", "reader-6"), 0);   /* above a related box */
}

TEST (one_column_filled_by_a_longer_paragraph)
{
  CHECK_EQ_INT (uneven ("cairo-book-fair.ar.md", "reader-6"), 0);
}

TEST (two_columns_filled_by_two_longer_paragraphs)
{
  CHECK_EQ_INT (uneven ("chengdu-metro.zh.md", "kiosk-7.5"), 0);
}

TEST (related_box_sits_on_the_column_foot)
{
  CHECK_EQ_INT (uneven ("river-recovery.md", "kiosk-10.3"), 0);
  CHECK_EQ_INT (uneven ("hangzhou-canal.zh.md", "kiosk-10.3"), 0);
}

TEST (page_set_again_under_a_pull_quote_is_evened)
{
  CHECK_EQ_INT (uneven ("shuttle-commanders.md", "print-a4"), 0);
  CHECK_EQ_INT (uneven ("jerusalem-cycling.he.md", "kiosk-10.3"), 0);
}

TEST (table_at_a_column_foot_comes_down_to_the_baseline)
{
  CHECK_EQ_INT (uneven ("kiel-faehren.de.md", "print-a4"), 0);
}

TEST (float_at_a_short_column_foot_opens_no_hole)
{
  CHECK_EQ_INT (holes_or_uneven ("multan-mangoes.ur.md", "kiosk-7.5"), 0);
  CHECK_EQ_INT (holes_or_uneven ("schwerin-gesetze.de.md", "kiosk-7.5"), 0);
  CHECK_EQ_INT (holes_or_uneven ("valencia-port.es.md", "kiosk-7.5"), 0);
  CHECK_EQ_INT (holes_or_uneven ("saigon-metro.vi.md", "reader-6"), 0);
}

/* market-hall.md kiosk-7.5 p1: the related box ends 1.74 px under the second column's last
 * baseline, a line above the frame's foot, and the second column cannot come down by less than
 * a line step. */
TEST (float_off_the_grid_comes_up_to_the_baseline)
{
  CHECK_EQ_INT (uneven ("market-hall.md", "kiosk-7.5"), 0);
}

/* A one-column page under a pull quote across its top, four line steps short of the foot,
 * where the next subhead, its space and two lines need five: the space above the page's
 * subheads and that one cut lets them in, and the page ends at the foot (it ended four steps
 * short, and the article took a page more, its last holding three lines). */
TEST (page_short_of_a_subhead_takes_it_with_less_space)
{
  CHECK_EQ_INT (uneven ("snow-live.md", "reader-6"), 0);
  CHECK_EQ_INT (faults ("snow-live.md", "reader-6", MK_RUNT_PAGE), 0);
  CHECK_EQ_INT (faults ("snow-live.md", "reader-6", MK_STRANDED_HEAD), 0);
}

/* A two-column page under a pull quote across its top, queued there from the page before,
 * whose second column ends 3.4 line steps short of a subhead that needs four: the quote's own
 * space is cut with the page's, every column comes up, and the second takes the subhead and
 * its lines; the first, a line higher, comes down a step above its subhead. A page whose
 * table split across the columns (ending them 8 px apart) takes it whole in one column. */
TEST (page_under_a_pull_quote_across_it_takes_a_subhead)
{
  CHECK_EQ_INT (uneven ("snow-live.md", "kiosk-7.5"), 0);
  CHECK_EQ_INT (faults ("snow-live.md", "kiosk-7.5", MK_STRANDED_HEAD), 0);
  CHECK_EQ_INT (uneven ("harbour-flood-live.md", "kiosk-7.5"), 0);
  CHECK_EQ_INT (uneven ("ramadan-market.ar.md", "kiosk-7.5"), 0);
}

/* A one-column page under a pull quote that stops 4.2 line steps short of a table's header
 * and the two rows kept with it. A table of six rows or fewer is kept whole and is a float
 * (table.c short_float): it goes to the next page's top and the last paragraph fills this
 * page, rather than this page ending four lines short. */
TEST (page_short_of_a_table_takes_its_header_with_less_space)
{
  CHECK_EQ_INT (uneven ("brevet-resultats.fr.md", "reader-6"), 0);
  CHECK_EQ_INT (faults ("brevet-resultats.fr.md", "reader-6", MK_STRANDED_HEAD), 0);
  CHECK_EQ_INT (faults ("brevet-resultats.fr.md", "reader-6", MK_SPLIT_SHORT_TABLE), 0);
}

/* A page whose columns end apart or short while a pull quote across the columns that
 * follows its text waits for the next page's top takes the quote at the column's width,
 * after its text (evenfloat.c), and its columns end together and full. kiel-faehren.de p2:
 * the second column four line steps short of a table's header; the picture goes on to p3,
 * whose tables, two line steps short of its foot before, now fill it. Without the move the
 * quote waits for the next page and the pages end as before. */
TEST (pull_quote_set_in_a_column_evens_the_page)
{
  /* p2: the quote after the paragraph that runs into the second column; across the next
   * page's top it left that column a line deeper than the first. */
  CHECK_EQ_INT (uneven ("olive-mill-queues.md", "kiosk-7.5"), 0);
  CHECK_EQ_INT (faults ("olive-mill-queues.md", "kiosk-7.5", MK_FLOAT_ORDER), 0);
  CHECK_EQ_INT (uneven ("kiel-faehren.de.md", "kiosk-7.5"), 0);
  CHECK_EQ_INT (faults ("kiel-faehren.de.md", "kiosk-7.5", MK_TABLE_FOOT), 0);
  CHECK_EQ_INT (faults ("kiel-faehren.de.md", "kiosk-7.5", MK_FLOAT_ORDER), 0);
  CHECK_EQ_INT (faults ("kiel-faehren.de.md", "kiosk-7.5", MK_LOST_TEXT), 0);
}

/* The quote set at the column's width may open a column when the text under it starts less
 * than two line steps below it, as under any float there (evenfloat.c stands_well).
 * surat-diamonds.gu kiosk-7.5 p1: across p2's top, the quote left p1's second column ending
 * on one line of a paragraph a line step above the first's, over the white of a related link
 * that waited; at the second column's top it stands 1.4 line steps over the list's lead-in
 * and both columns end together. Only under text in its column, it went back across p2. */
TEST (pull_quote_opens_a_column_over_text)
{
  CHECK_EQ_INT (uneven ("surat-diamonds.gu.md", "kiosk-7.5"), 0);
  CHECK_EQ_INT (faults ("surat-diamonds.gu.md", "kiosk-7.5", MK_COLUMN_HOLE), 0);
  /* 0 since a float no longer goes between two items (order58: early.c set the related
   * link between items 5 and 6; the float order search now sets it at p1's second column's
   * top, over the lead-in and the whole list, and the quote goes across p2's top, both
   * pages' columns ending together) */
  CHECK_EQ_INT (faults ("surat-diamonds.gu.md", "kiosk-7.5", MK_FLOAT_ORDER), 0);
  CHECK_EQ_INT (faults ("surat-diamonds.gu.md", "kiosk-7.5", MK_LOST_TEXT), 0);
  CHECK_EQ_INT (faults ("surat-diamonds.gu.md", "kiosk-7.5", MK_LONE_LINE), 0);
}

/* A column lets down to the others' last baseline as far as the flow fits a column's last
 * line: its box may pass the frame's foot by a pixel (INK_COLFIT_SLACK), which a grid whose
 * origin follows the head's height needs. saigon-metro.vi kiosk-10.3 p1: the second column's
 * last line passed the foot by 0.31 px as the flow set it; the first, a line higher, was
 * refused the line step above its subhead for that 0.31 px, and ended a line apart. */
TEST (column_lets_down_to_a_last_line_on_the_frames_foot)
{
  CHECK_EQ_INT (uneven ("saigon-metro.vi.md", "kiosk-10.3"), 0);
  CHECK_EQ_INT (faults ("saigon-metro.vi.md", "kiosk-10.3", MK_COLUMN_HOLE), 0);
  CHECK_EQ_INT (faults ("saigon-metro.vi.md", "kiosk-10.3", MK_LOST_TEXT), 0);
}

/* ranillas-playa.es (tests/unit/articles) kiosk-7.5 p2: a pull quote at the first column's
 * foot, under a paragraph's last six lines, held two line steps under them so as to open no
 * hole above it, ended its attribution 19.5 px above the second column's last baseline. The
 * rest of the way goes inside its box, above its first line and its attribution: the
 * attribution stands on the other column's baseline, and no hole opens over the quote. */
TEST (pull_quote_held_up_at_the_foot_ends_on_the_baseline)
{
  CHECK_EQ_INT (holes_or_uneven ("tests/unit/articles/ranillas-playa.es.md", "kiosk-7.5"), 0);
}

/* lakeside-zones (tests/unit/articles) kiosk-10.3 p1: the text ends on the page, column 2
 * (its last lines and the related link) 3.6 line steps above the frame's foot, the comments
 * on page 2; the pull quote at column 1's foot came down three line steps under its text
 * (column-hole), as holding it two steps under the text left more than two steps of white
 * under it. Column 2 leaves more white than that under it, so the quote is held up: two
 * steps over it, no hole, no uneven page. */
TEST (float_held_up_on_a_page_whose_text_ended)
{
  CHECK_EQ_INT (holes_or_uneven ("tests/unit/articles/lakeside-zones.md", "kiosk-10.3"), 0);
}

/* A full page whose columns end apart or short once every other tool is tried, its text going
 * on past it, takes a line step between two paragraphs of running text (one a column, on the
 * grid): water-tariffs kiosk-10.3 p1 (both columns 2.5 steps short of a subhead), tel-aviv-
 * light-rail.he and saigon-metro.vi kiosk-7.5 (a column a line or two short of a paragraph's
 * last line or a subhead kept with a list), hillside-repairs kiosk-7.5 p2 (a column three steps
 * short of a pull quote and a subhead). Their body lines stay on the grid. */
TEST (columns_end_together_by_a_step_between_paragraphs)
{
  static const char *const pages[][2] = {
    { "water-tariffs.md", "kiosk-10.3" }, { "tel-aviv-light-rail.he.md", "kiosk-7.5" },
    { "saigon-metro.vi.md", "kiosk-7.5" }, { "hillside-repairs.md", "kiosk-7.5" },
  };
  for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
    CHECK_EQ_INT (uneven (pages[i][0], pages[i][1]), 0);
    CHECK_EQ_INT (faults (pages[i][0], pages[i][1], MK_OFF_GRID), 0);
    CHECK_EQ_INT (faults (pages[i][0], pages[i][1], MK_LOST_TEXT), 0);
  }
}

int
main (void)
{
  RUN (subhead_keeps_two_lines_on_the_grid);
  RUN (one_column_filled_at_a_float);
  RUN (one_column_filled_by_a_longer_paragraph);
  RUN (two_columns_filled_by_two_longer_paragraphs);
  RUN (related_box_sits_on_the_column_foot);
  RUN (page_set_again_under_a_pull_quote_is_evened);
  RUN (table_at_a_column_foot_comes_down_to_the_baseline);
  RUN (float_at_a_short_column_foot_opens_no_hole);
  RUN (float_off_the_grid_comes_up_to_the_baseline);
  RUN (page_short_of_a_subhead_takes_it_with_less_space);
  RUN (page_under_a_pull_quote_across_it_takes_a_subhead);
  RUN (page_short_of_a_table_takes_its_header_with_less_space);
  RUN (pull_quote_set_in_a_column_evens_the_page);
  RUN (pull_quote_opens_a_column_over_text);
  RUN (column_lets_down_to_a_last_line_on_the_frames_foot);
  RUN (columns_end_together_by_a_step_between_paragraphs);
  RUN (float_held_up_on_a_page_whose_text_ended);
  RUN (pull_quote_held_up_at_the_foot_ends_on_the_baseline);
  return test_summary ();
}
