/* A table's note (the italic paragraph under its last row, tablenote.c) stays under the
 * table in its column: the moves that set a pull quote before an earlier paragraph
 * (early.c, floatpull.c, midspan.c) no longer take the note for one, which parted it from
 * its rows (the make-up checker's note-parted). And a short table's float, set in a column,
 * keeps the paragraph under it from leaving one line alone there (flow.c's float_above; the
 * checker's lone-line under a table's note). Own articles: rabat-busway.ar and
 * harbour-tram-stops (two paragraphs, a short table and its note, two pull quotes, one
 * paragraph), nagpur-pani-band.hi (one paragraph, a short table and its note, one paragraph,
 * a pull quote: the table opens column 1), doha-red-line.ar (the note a line step too far
 * under its table). */
#include <inkset/inkset.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include "article.h"
#include "paginate.h"
#include "template.h"
#include "test.h"
#include "fixture.h"
#include "makeup_check.h"
#include "checked.h"

static const char *const templates[] = { "kiosk-10.3", "kiosk-7.5", "reader-6", "print-a4" };
#define NTEMPLATES (sizeof templates / sizeof *templates)

/* rabat-busway.ar and harbour-tram-stops on kiosk-10.3 set the table at column 2's top and
 * its note at column 1's foot, the two pull quotes moved before it (early.c). */
TEST (note_stays_under_its_table)
{
  static const char *const articles[] = { "tests/unit/articles/rabat-busway.ar.md",
                                          "tests/unit/articles/harbour-tram-stops.md" };
  for (size_t a = 0; a < sizeof articles / sizeof *articles; a++)
    for (size_t t = 0; t < NTEMPLATES; t++)
      CHECK_EQ_INT ((int) checked_faults (articles[a], templates[t], MK_PARTED_NOTE), 0);
}

/* nagpur-pani-band.hi on kiosk-10.3 set the table and its note at column 1's top, then the
 * article's first line alone at the column's foot (orphans are two there). */
TEST (no_line_alone_under_a_table_float)
{
  for (size_t t = 0; t < NTEMPLATES; t++)
    CHECK_EQ_INT ((int) checked_faults ("tests/unit/articles/nagpur-pani-band.hi.md",
                                        templates[t], MK_LONE_LINE), 0);
}

/* doha-red-line.ar (three paragraphs, a table of six rows and its note, two paragraphs, a
 * pull quote, three paragraphs) stood its note under the table's space and the grid's next
 * step, 74 px under the last row on reader-6, and vertical justification put more between
 * them: 100 px on kiosk-10.3. The note keeps to the grid's next step under the rule. */
TEST (note_close_under_its_table)
{
  for (size_t t = 0; t < NTEMPLATES; t++)
    CHECK_EQ_INT ((int) checked_faults ("tests/unit/articles/doha-red-line.ar.md", templates[t],
                                        MK_PARTED_NOTE), 0);
}

int
main (void)
{
  RUN (note_stays_under_its_table);
  RUN (note_close_under_its_table);
  RUN (no_line_alone_under_a_table_float);
  return test_summary ();
}
