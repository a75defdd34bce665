/* A short table (six body rows or fewer, lib/paginate/table.c) is never split over columns:
 * on a page of columns it floats whole to where it fits, and the text after it fills the
 * column it did not fit in. The make-up checker (tests/tools/makeup_tables.c) counts a short
 * table split over columns (split-short-table) and a column that ends in a table's rows more
 * than a line step short while the text goes on (table-foot); each of these renders had one
 * or both. A paragraph read after a short table that floated away, or after a pull quote,
 * is indented when the text before it was a paragraph (units.c, add_body_para): these were
 * set flush, as if the table still stood between (indent). */
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

static const char *const CASES[][2] = {
  { "loch-regatta.md", "print-a4" },        /* its points table split 2 + 2 */
  { "loch-regatta.md", "kiosk-10.3" },      /* on the last page, 3 + 1 */
  { "amman-budget.ar.md", "kiosk-7.5" },    /* right to left; a column short on its rows */
  { "saigon-metro.vi.md", "kiosk-10.3" },
  { "town-budget.md", "kiosk-7.5" },
  { "glen-line-timetable.md", "kiosk-7.5" },
  { "moorland-fire.md", "kiosk-7.5" },      /* under a pull quote across a page set again */
};
#define NCASES (sizeof CASES / sizeof *CASES)

TEST (short_table_never_split)
{
  for (size_t c = 0; c < NCASES; c++) {
    CHECK_EQ_INT (checked_faults (CASES[c][0], CASES[c][1], MK_SPLIT_SHORT_TABLE), 0);
    CHECK_EQ_INT (checked_faults (CASES[c][0], CASES[c][1], MK_TABLE_FOOT), 0);
  }
}

TEST (paragraph_after_table_indented)
{
  for (size_t c = 0; c < NCASES; c++)
    CHECK_EQ_INT (checked_faults (CASES[c][0], CASES[c][1], MK_INDENT), 0);
}

/* A short table that waits for a page under a pull quote across its top, a few pixels too
 * tall for the columns under it, goes in there once the white around the quote is cut
 * (evenspace.c, waits_table): moorland-fire kiosk-7.5 left page 5's second column empty
 * while its table, related link and comments went on to page 6. */
TEST (table_under_span_quote_fills_page)
{
  CHECK_EQ_INT (checked_faults ("moorland-fire.md", "kiosk-7.5", MK_EMPTY_COLUMN), 0);
}

/* A short table's lead-in ("...they accounted for its sales as follows:") goes with the
 * table when it waits for the next column (table.c, lead_in): engine-works kiosk-7.5 set the
 * paragraph after the table right under the colon, the table at the next column's top. */
TEST (lead_in_read_with_its_table)
{
  CHECK_EQ_INT (checked_faults ("engine-works.md", "kiosk-7.5", MK_STRANDED_HEAD), 0);
}

/* On a page of one column the lead-in is no part of the table's float: when the table waits
 * behind a pull quote, the page ends on the lead-in and the table opens the next page
 * (flow.c, ink__lead_in_left). ferry-fares on big-type (one column of 25 px type) set the
 * paragraph after the table right under the lead-in at page 1's foot. */
TEST (lead_in_ends_a_page_of_one_column)
{
  const char *a = "tests/unit/articles/ferry-fares.md";
  const char *tpl = INK_SOURCE_DIR "/tests/unit/templates/big-type.ini";
  CHECK_EQ_INT (checked_faults (a, tpl, MK_STRANDED_HEAD), 0);
  CHECK_EQ_INT (checked_faults (a, tpl, MK_UNEVEN_FULL_PAGE), 0);
  CHECK_EQ_INT (checked_faults (a, tpl, MK_LOST_TEXT), 0);
}

/* A lead-in too long to go with its table (five lines: table.c, TABLE_LEAD_IN_LINES) that
 * ends a page's last column while the table waits for the next page ends that page: the
 * table opens the next (flow.c, ink__lead_in_left). Our harbour-dues on kiosk-7.5 set the
 * paragraph after the table under "...the new dues as follows:" at page 2's foot, the table
 * over the page, as shiraz-planetarium.fa kiosk-7.5 did on its page 2. */
TEST (long_lead_in_ends_the_page_its_table_turns)
{
  const char *a = "tests/unit/articles/harbour-dues.md";
  CHECK_EQ_INT (checked_faults (a, "kiosk-7.5", MK_STRANDED_HEAD), 0);
  CHECK_EQ_INT (checked_faults (a, "kiosk-7.5", MK_UNEVEN_FULL_PAGE), 0);
  CHECK_EQ_INT (checked_faults (a, "kiosk-7.5", MK_LOST_TEXT), 0);
  CHECK_EQ_INT (checked_faults ("shiraz-planetarium.fa.md", "kiosk-7.5", MK_STRANDED_HEAD), 0);
  /* Right to left: our bushehr-moorings.fa read its paragraph after the table under
   * "...نشان می‌دهد:" at page 1's foot, and its last page ended 67 px apart. */
  const char *fa = "tests/unit/articles/bushehr-moorings.fa.md";
  CHECK_EQ_INT (checked_faults (fa, "kiosk-7.5", MK_STRANDED_HEAD), 0);
  CHECK_EQ_INT (checked_faults (fa, "kiosk-7.5", MK_UNBALANCED_LAST_PAGE), 0);
  CHECK_EQ_INT (checked_faults (fa, "kiosk-7.5", MK_LOST_TEXT), 0);
}

/* A table too wide for a column, a pull quote already on page 1 and comments after the text
 * (our wehrsteg.de): on print-a4 the table went alone to page 2, after the comments
 * (floats-only-page), page 1 holding the text and the comments with room for 13 lines under
 * them. It now goes across page 1's middle after its paragraph, the rest of the text and the
 * comments under it (tablemid.c), on one page. No template may set it alone on a page. */
TEST (wide_table_across_first_page_before_comments)
{
  const char *a = "tests/unit/articles/wehrsteg.de.md";
  const char *tpls[] = { "kiosk-10.3", "kiosk-7.5", "reader-6", "print-a4" };
  for (size_t i = 0; i < sizeof tpls / sizeof *tpls; i++) {
    CHECK_EQ_INT (checked_faults (a, tpls[i], MK_FLOATS_ONLY_PAGE), 0);
    CHECK_EQ_INT (checked_faults (a, tpls[i], MK_FLOAT_ORDER), 0);
    CHECK_EQ_INT (checked_faults (a, tpls[i], MK_LOST_TEXT), 0);
  }
  CHECK_EQ_INT (checked_faults (a, "print-a4", MK_UNEVEN_FULL_PAGE), 0);
  mk_report_t r;
  size_t pages = 0;
  CHECK (checked_sample (a, "print-a4", &pages, &r));
  mk_report_free (&r);
  CHECK_EQ_INT ((int) pages, 1);
}

/* A table too wide for a column, met in page 1's columns after its lead-in paragraphs while
 * the text goes on to page 2 (our harbour-ferry-times), went across page 1's top under the
 * head (spantop.c, ink__table_to_top) and was read before the paragraphs that lead into it
 * (float-order on kiosk-10.3). It now goes across page 1's middle in its turn, the lead-in
 * balanced over it and the text after it under it (tablemid.c, ink__note_table_top), on the
 * pages it took before. */
TEST (wide_table_across_first_page_after_its_lead_in)
{
  const char *a = "tests/unit/articles/harbour-ferry-times.md";
  const char *tpls[] = { "kiosk-10.3", "kiosk-7.5", "reader-6", "print-a4" };
  for (size_t i = 0; i < sizeof tpls / sizeof *tpls; i++) {
    CHECK_EQ_INT (checked_faults (a, tpls[i], MK_FLOAT_ORDER), 0);
    CHECK_EQ_INT (checked_faults (a, tpls[i], MK_LOST_TEXT), 0);
  }
  CHECK_EQ_INT (checked_faults (a, "kiosk-10.3", MK_UNEVEN_FULL_PAGE), 0);
  mk_report_t r;
  size_t pages = 0;
  CHECK (checked_sample (a, "kiosk-10.3", &pages, &r));
  mk_report_free (&r);
  CHECK_EQ_INT ((int) pages, 2);
}

/* A wide table across page 1's middle after its lead-in, with a second, short table later in
 * the text: set so, the second table went beside the last page's last lines, after the end
 * of the text that follows it, and midspan.c refused that setting, so the first table stayed
 * across page 1's top, read before the first paragraph (our kyle-ferry-times kiosk-10.3,
 * glen-line-timetable kiosk-10.3). On a page that holds the whole story the second table,
 * across the columns, was left waiting under the bands (glen-line-timetable print-a4): it
 * now goes under the lower band's columns. */
TEST (wide_table_across_middle_with_a_second_table)
{
  const char *a = "tests/unit/articles/kyle-ferry-times.md";
  const char *tpls[] = { "kiosk-10.3", "kiosk-7.5", "reader-6", "print-a4" };
  for (size_t i = 0; i < sizeof tpls / sizeof *tpls; i++) {
    CHECK_EQ_INT (checked_faults (a, tpls[i], MK_FLOAT_ORDER), 0);
    CHECK_EQ_INT (checked_faults (a, tpls[i], MK_LOST_TEXT), 0);
  }
  CHECK_EQ_INT (checked_faults ("glen-line-timetable.md", "kiosk-10.3", MK_FLOAT_ORDER), 0);
  CHECK_EQ_INT (checked_faults ("glen-line-timetable.md", "print-a4", MK_FLOAT_ORDER), 0);
  mk_report_t r;
  size_t pages = 0;
  CHECK (checked_sample (a, "kiosk-10.3", &pages, &r));
  mk_report_free (&r);
  CHECK_EQ_INT ((int) pages, 2);
}

/* A short table that goes with its lead-in ("The tankers will call as follows:") and waits
 * for column 2 of a last page: the page's balancing set the paragraphs after the table under
 * those before it in column 1, read before the lead-in (text-order; our water-tanker-rounds
 * kiosk-10.3, held-out tabriz-sorkhab-jadval.fa). The text after the table now follows the
 * float (table.c, ink__lead_in_waits), on one page as before. */
TEST (text_after_table_waits_for_its_lead_in_on_last_page)
{
  const char *a = "tests/unit/articles/water-tanker-rounds.md";
  CHECK_EQ_INT (checked_faults (a, "kiosk-10.3", MK_TEXT_ORDER), 0);
  CHECK_EQ_INT (checked_faults (a, "kiosk-10.3", MK_LOST_TEXT), 0);
  CHECK_EQ_INT (checked_faults (a, "print-a4", MK_TEXT_ORDER), 0);
  mk_report_t r;
  size_t pages = 0;
  CHECK (checked_sample (a, "kiosk-10.3", &pages, &r));
  mk_report_free (&r);
  CHECK_EQ_INT ((int) pages, 1);
}

/* A related link met with four lines of text over it in a column, right before a subhead,
 * a short table's lead-in and the table (one float, short_float): set there, the link took
 * the room the float needed, the float went to the next column's top (or page) and the text
 * after the table filled the column under the link, read before the lead-in (text-order; our
 * ferry-pier-repairs kiosk-7.5 p2, engine-works kiosk-7.5 p4, pages before the last). The
 * link now waits (table.c, ink__link_waits), the float goes in under the text, and the link
 * at a later column's top. */
TEST (link_waits_for_table_with_its_lead_in)
{
  const char *a = "tests/unit/articles/ferry-pier-repairs.md";
  const char *tpls[] = { "kiosk-10.3", "kiosk-7.5", "reader-6", "print-a4" };
  for (size_t i = 0; i < sizeof tpls / sizeof *tpls; i++) {
    CHECK_EQ_INT (checked_faults (a, tpls[i], MK_TEXT_ORDER), 0);
    CHECK_EQ_INT (checked_faults (a, tpls[i], MK_FLOAT_ORDER), 0);
    CHECK_EQ_INT (checked_faults (a, tpls[i], MK_LOST_TEXT), 0);
  }
  CHECK_EQ_INT (checked_faults ("engine-works.md", "kiosk-7.5", MK_TEXT_ORDER), 0);
  mk_report_t r;
  size_t pages = 0;
  CHECK (checked_sample (a, "kiosk-7.5", &pages, &r));
  mk_report_free (&r);
  CHECK_EQ_INT ((int) pages, 4);
}

/* A short table's float with its lead-in met a column before the page's last with room for
 * the lead-in alone: the float waited for column 2's top and two lines of the paragraph after
 * the table filled column 1's foot, read before the lead-in (text-order; kien-trung-metro.vi,
 * a held-out article, kiosk-7.5 p4). The lead-in now ends column 1 and the table opens column
 * 2 (leadpart.c), the page's columns ending together. The article's lead picture has no
 * caption: with one, the picture set smaller to leave two lines under it (leadcol.c) moves
 * page 4's breaks so that the lead-in meets the column with more room than it fills. */
TEST (lead_in_ends_a_column_its_table_opens_the_next)
{
  const char *a = "tests/unit/articles/kien-trung-metro.vi.md";
  CHECK_EQ_INT (checked_faults (a, "kiosk-7.5", MK_TEXT_ORDER), 0);
  CHECK_EQ_INT (checked_faults (a, "kiosk-7.5", MK_STRANDED_HEAD), 0);
  CHECK_EQ_INT (checked_faults (a, "kiosk-7.5", MK_UNEVEN_FULL_PAGE), 0);
  CHECK_EQ_INT (checked_faults (a, "kiosk-7.5", MK_LOST_TEXT), 0);
}

int
main (void)
{
  RUN (short_table_never_split);
  RUN (paragraph_after_table_indented);
  RUN (table_under_span_quote_fills_page);
  RUN (lead_in_read_with_its_table);
  RUN (lead_in_ends_a_page_of_one_column);
  RUN (long_lead_in_ends_the_page_its_table_turns);
  RUN (wide_table_across_first_page_before_comments);
  RUN (wide_table_across_first_page_after_its_lead_in);
  RUN (wide_table_across_middle_with_a_second_table);
  RUN (text_after_table_waits_for_its_lead_in_on_last_page);
  RUN (link_waits_for_table_with_its_lead_in);
  RUN (lead_in_ends_a_column_its_table_opens_the_next);
  return test_summary ();
}
