/* A float read inside a list: the float order search (floatorder.c) first holds the list's
 * lead-in for the floats that wait, so that they go in before it and the lead-in and the
 * list read whole after them. cadiz-astillero.es on print-a4 (one page of three columns):
 * its picture and related link, built before the lead-in, waited past it to column 2's
 * top between items 2 and 3 (float-in-list), and the pull quote went across the page's
 * foot; the search spent its trials on the quote's moves (the first float out of turn)
 * and never tried the lead-in held. Now column 3 opens with the lead-in and the whole
 * list, the quote, the picture and the link in their turn before it. */
#include <inkset/inkset.h>
#include <stdio.h>
#include <string.h>
#include "test.h"
#include "fixture.h"
#include "makeup_check.h"
#include "checked.h"

TEST (lead_in_held_for_floats_read_inside_its_list)
{
  mk_report_t r;
  size_t pages;
  CHECK (checked_sample ("cadiz-astillero.es.md", "print-a4", &pages, &r));
  CHECK_EQ_INT (r.count[MK_FLOAT_IN_LIST], 0);
  CHECK_EQ_INT (r.count[MK_FLOAT_ORDER], 0);
  CHECK_EQ_INT (pages, 1);
  mk_report_free (&r);
}

int
main (void)
{
  RUN (lead_in_held_for_floats_read_inside_its_list);
  return test_summary ();
}
