/* A subhead keeps the first lines of its text in its column, with the floats that come
 * between them (lib/paginate/flow.c, keeps_fit): when they do not fit, the column breaks
 * before the head. The break is not taken where it gains nothing: when the floats between
 * the head and its text would not leave the text's first lines room at the column's top
 * either, the head stays, over its first float, as in a column of floats alone. A subhead is
 * not cut between columns when the last page is balanced either (balance.c, sub_cut), and a
 * short page of a long subhead and its text sets them in fewer columns (makeup.c, few), nor
 * left over fewer than two lines of its text there (headstrand.c). Floats too tall with the
 * text's first lines for any column go before the head (headfloats.c). */
#include <inkset/inkset.h>
#include <string.h>
#include "article.h"
#include "paginate.h"
#include "template.h"
#include "test.h"
#include "fixture.h"
#include "makeup_check.h"
#include "checked.h"

#define CASES INK_SOURCE_DIR "/tests/makeup/property-cases/"

/* Random seed 210 on reader-6: two lines, a subhead, then a pull quote of six lines, a related
 * box and another pull quote before the subhead's paragraph. Broken before the subhead, page 1
 * held the two lines alone, page 2 the subhead and its floats, page 3 the text: three pages
 * where two do. */
TEST (head_not_broken_off_for_floats_taller_than_a_column)
{
  fixture_t s;
  if (fixture_lay_out (&s, NULL, CASES "head-over-tall-floats.zh.md", "reader-6"))
    CHECK_EQ_INT ((int) s.doc->pages.n, 2);
  fixture_tear_down (&s);
}

/* One page: a subhead of six lines or so and one line of its text. Balanced over two or three
 * columns, the page cut the subhead between its columns (four lines and two); set whole over
 * its text, it went in one column with the text in the next. Now all of it goes in the first
 * column: no stranded head on any template of several columns. */
TEST (long_subhead_not_cut_on_a_short_last_page)
{
  static const char *const tpls[] = { "kiosk-10.3", "kiosk-7.5", "print-a4" };
  for (size_t i = 0; i < sizeof tpls / sizeof *tpls; i++)
    CHECK_EQ_INT ((int) checked_faults ("tests/unit/articles/night-ferry-timetable.md", tpls[i],
                                        MK_STRANDED_HEAD), 0);
}

/* One page: a subhead, a paragraph of three lines, a pull quote and a list item. Balanced
 * over two columns with a lone line let through, the page ended column 1 on the subhead and
 * the paragraph's first line, its other two in column 2 (stranded-head on kiosk-7.5). Such a
 * setting is refused (headstrand.c): the subhead stands over all three lines. */
TEST (subhead_keeps_two_lines_on_a_balanced_last_page)
{
  CHECK_EQ_INT ((int) checked_faults ("tests/unit/articles/harbour-lamps.md", "kiosk-7.5",
                                      MK_STRANDED_HEAD), 0);
}

/* One column: two lines, a subhead, then a pull quote, a related box of three lines and a
 * pull quote of five before its paragraph, too tall with its first lines for any page. Kept
 * over its first quote, the head ended page 1 (stranded-head), the box, the second quote and
 * half the text filled page 2 and the rest of the text took a page 3. The floats now go
 * before the head (headfloats.c): the first quote and the box on page 1, the second quote
 * opening page 2 over the head and its text, two pages. */
TEST (floats_taller_than_a_column_go_before_the_head)
{
  size_t pages;
  mk_report_t r;
  if (checked_sample ("tests/unit/articles/lighthouse-keepers.md", "reader-6", &pages, &r)) {
    CHECK_EQ_INT ((int) r.count[MK_STRANDED_HEAD], 0);
    CHECK_EQ_INT ((int) r.count[MK_FLOAT_ORDER], 0);
    CHECK_EQ_INT ((int) pages, 2);
  }
  else
    CHECK (0);
  mk_report_free (&r);
}

int
main (void)
{
  RUN (head_not_broken_off_for_floats_taller_than_a_column);
  RUN (long_subhead_not_cut_on_a_short_last_page);
  RUN (subhead_keeps_two_lines_on_a_balanced_last_page);
  RUN (floats_taller_than_a_column_go_before_the_head);
  return test_summary ();
}
