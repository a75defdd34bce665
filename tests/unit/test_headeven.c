/* Page 1 under a tall head (headeven.c): a full page 1 whose columns the other make-up tools
 * leave apart or short, on a small panel where a column holds six or seven lines and a subhead,
 * a list's lead-in or a pull quote cannot come up with the lines it keeps, has its head opened
 * up by whole line steps or set a tenth smaller at a time, and ends its columns together and
 * full. bhopal-lake.hi kiosk-7.5 (both columns 2.75 line steps short of a pull quote across p2's
 * top: the head opened by a step), lviv-tram.uk kiosk-7.5 (a line apart, short of a list's
 * lead-in kept with an item of two lines), storm-live kiosk-7.5 (short of a subhead kept with a
 * three-line paragraph), ferry-timetable kiosk-7.5 (a pull quote at the second column's top),
 * marrakech-rail.ar and valley-buses kiosk-10.3 (a column short of a subhead, one ending on a
 * table). Their body lines stay on the grid, nothing overprints the head, no text is lost and
 * no hole opens above a float. */
#include <inkset/inkset.h>
#include <stdio.h>
#include <string.h>
#include "test.h"
#include "fixture.h"
#include "makeup_check.h"
#include "checked.h"

static const char *const pages[][2] = {
  { "bhopal-lake.hi.md", "kiosk-7.5" },    { "lviv-tram.uk.md", "kiosk-7.5" },
  { "storm-live.md", "kiosk-7.5" },        { "ferry-timetable.md", "kiosk-7.5" },
  { "marrakech-rail.ar.md", "kiosk-10.3" }, { "valley-buses.md", "kiosk-10.3" },
};

TEST (page_one_ends_together_under_the_head)
{
  for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++)
    CHECK_EQ_INT (checked_faults (pages[i][0], pages[i][1], MK_UNEVEN_FULL_PAGE), 0);
}

TEST (page_one_set_cleanly_under_the_head)
{
  static const mk_kind_t kinds[] = { MK_OFF_GRID, MK_OVERPRINT, MK_LOST_TEXT, MK_COLUMN_HOLE };
  for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++)
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
      CHECK_EQ_INT (checked_faults (pages[i][0], pages[i][1], kinds[k]), 0);
}

int
main (void)
{
  RUN (page_one_ends_together_under_the_head);
  RUN (page_one_set_cleanly_under_the_head);
  return test_summary ();
}
