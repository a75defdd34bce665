/* The column fit on its own: how many lines of a unit go in what is left of a column, under
 * widows, orphans, keep-with-next and unsplittable units. Heights in whole units for
 * readability (the engine passes 1/64 px). */
#include "colfit.h"
#include "test.h"

static const int32_t ten[10] = { 10, 10, 10, 10, 10, 10, 10, 10, 10, 10 };

/* A unit of n lines of height 10 from line `from`, with `room` left, widows and orphans 2. */
static ink__colfit_in_t
unit (size_t n, size_t from, int32_t room)
{
  ink__colfit_in_t in = { 0 };
  in.heights = ten;
  in.nlines = n;
  in.from = from;
  in.room = room;
  in.orphans = 2;
  in.widows = 2;
  return in;
}

TEST (all_fit)
{
  ink__colfit_in_t in = unit (5, 0, 100);
  ink__colfit_t r = ink__colfit (&in);
  CHECK_EQ_INT (r.fit, 5);
  CHECK (!r.more);
  CHECK (!r.strained);
}

TEST (exactly_fitting)
{
  /* 5 lines of 10 in 50: the last line's foot on the column's bottom still fits. */
  ink__colfit_in_t in = unit (5, 0, 50);
  ink__colfit_t r = ink__colfit (&in);
  CHECK_EQ_INT (r.fit, 5);
  CHECK (!r.more);
  in.room = 49;
  r = ink__colfit (&in);
  CHECK_EQ_INT (r.fit, 3);   /* 4 would fit, but 1 left would be a widow */
  CHECK (r.more);
}

TEST (plain_split)
{
  ink__colfit_in_t in = unit (10, 0, 45);
  ink__colfit_t r = ink__colfit (&in);
  CHECK_EQ_INT (r.fit, 4);
  CHECK (r.more);
  CHECK (!r.strained);
  /* The rest, in the next column. */
  in = unit (10, 4, 100);
  r = ink__colfit (&in);
  CHECK_EQ_INT (r.fit, 6);
  CHECK (!r.more);
}

TEST (widows)
{
  /* 9 of 10 fit: one line alone at the top of the next column is a widow, so two go on. */
  ink__colfit_in_t in = unit (10, 0, 95);
  ink__colfit_t r = ink__colfit (&in);
  CHECK_EQ_INT (r.fit, 8);
  CHECK (r.more);
  CHECK (!r.strained);
  /* With widows 3, three go on. */
  in.widows = 3;
  r = ink__colfit (&in);
  CHECK_EQ_INT (r.fit, 7);
  /* Continuing from line 6: 3 of 4 fit, 1 left; 2 go on. */
  in = unit (10, 6, 35);
  r = ink__colfit (&in);
  CHECK_EQ_INT (r.fit, 2);
  CHECK (r.more);
}

TEST (orphans)
{
  /* One line at the foot of a column is an orphan: the whole unit goes on. */
  ink__colfit_in_t in = unit (6, 0, 15);
  ink__colfit_t r = ink__colfit (&in);
  CHECK_EQ_INT (r.fit, 0);
  CHECK (r.more);
  CHECK (!r.strained);   /* no rule gave way: the column ends short, as its score sees */
  /* Two lines are enough with orphans 2, not with orphans 3. */
  in.room = 25;
  r = ink__colfit (&in);
  CHECK_EQ_INT (r.fit, 2);
  in.orphans = 3;
  r = ink__colfit (&in);
  CHECK_EQ_INT (r.fit, 0);
  /* The orphan rule is for a unit's first lines only: a continued unit may leave one. */
  in = unit (10, 4, 15);
  r = ink__colfit (&in);
  CHECK_EQ_INT (r.fit, 1);
}

TEST (widow_and_orphan_both)
{
  /* 4 lines, 3 fit: leaving 1 makes a widow; leaving 2 makes the first part an orphan of 2,
   * which orphans 3 forbids, so all 4 go on. */
  ink__colfit_in_t in = unit (4, 0, 35);
  in.orphans = 3;
  in.widows = 2;
  ink__colfit_t r = ink__colfit (&in);
  CHECK_EQ_INT (r.fit, 0);
  CHECK (r.more);
}

TEST (drop_cap_lines_stay_together)
{
  /* A drop cap through 3 lines: the first part keeps all 3, even with orphans 2. */
  ink__colfit_in_t in = unit (10, 0, 25);
  in.cap_lines = 3;
  ink__colfit_t r = ink__colfit (&in);
  CHECK_EQ_INT (r.fit, 0);
  in.room = 35;
  r = ink__colfit (&in);
  CHECK_EQ_INT (r.fit, 3);
}

TEST (unsplittable)
{
  ink__colfit_in_t in = unit (4, 0, 35);
  in.unsplittable = true;
  ink__colfit_t r = ink__colfit (&in);
  CHECK_EQ_INT (r.fit, 0);
  CHECK (r.more);
  CHECK (!r.strained);   /* going on whole breaks no rule */
  /* In an empty column it goes in as far as it fits, still leaving no widow, and says the
   * rule was broken. */
  in.col_empty = true;
  r = ink__colfit (&in);
  CHECK_EQ_INT (r.fit, 2);
  CHECK (r.more);
  CHECK (r.strained);
  in.room = 100;
  r = ink__colfit (&in);
  CHECK_EQ_INT (r.fit, 4);
  CHECK (!r.more);
  CHECK (!r.strained);
}

TEST (keep_with_next)
{
  /* All 6 lines fit, but what follows (20 high) would not fit after them: the last two
   * lines go on with it. */
  ink__colfit_in_t in = unit (6, 0, 70);
  in.keep_next = true;
  in.next_height = 20;
  ink__colfit_t r = ink__colfit (&in);
  CHECK_EQ_INT (r.fit, 4);
  CHECK (r.more);
  /* Room for both: nothing moves. */
  in.room = 80;
  r = ink__colfit (&in);
  CHECK_EQ_INT (r.fit, 6);
  CHECK (!r.more);
  /* Too short to leave orphans behind: the whole unit goes on. */
  in = unit (3, 0, 70);
  in.keep_next = true;
  in.next_height = 50;
  r = ink__colfit (&in);
  CHECK_EQ_INT (r.fit, 3);   /* 3 lines cannot split (orphans + widows = 4): it stays */
  in = unit (4, 0, 45);
  in.keep_next = true;
  in.next_height = 50;
  r = ink__colfit (&in);
  CHECK_EQ_INT (r.fit, 2);
  in.orphans = 3;
  in.nlines = 5;
  in.room = 55;
  r = ink__colfit (&in);
  CHECK_EQ_INT (r.fit, 3);
  in.nlines = 4;
  in.room = 45;
  r = ink__colfit (&in);
  CHECK_EQ_INT (r.fit, 4);   /* 4 < 3 + 2: the unit does not split, so the keep gives way */
  /* In an empty column the keep gives way: the column takes what fits. */
  in = unit (6, 0, 70);
  in.keep_next = true;
  in.next_height = 20;
  in.col_empty = true;
  r = ink__colfit (&in);
  CHECK_EQ_INT (r.fit, 6);
}

TEST (keeps_first_lines)
{
  /* A comment's author or a subhead keeps the first two lines of what follows. */
  ink__colfit_in_t in = unit (5, 3, 25);
  in.col_empty = true;       /* neither is read */
  CHECK (ink__colfit_keeps (&in, 2));
  in.room = 19;
  CHECK (!ink__colfit_keeps (&in, 2));
  /* Of four lines, two at the foot and two on is a fair split. Of three, two at the foot
   * would leave a widow and one an orphan: none go, so the keep fails though the height of
   * two lines is there. */
  in = unit (4, 0, 25);
  CHECK (ink__colfit_keeps (&in, 2));
  in = unit (3, 0, 25);
  CHECK (!ink__colfit_keeps (&in, 2));
  in.room = 30;
  CHECK (ink__colfit_keeps (&in, 2));
  /* A one-line unit needs only its line; an unsplittable one all of it. */
  in = unit (1, 0, 10);
  CHECK (ink__colfit_keeps (&in, 2));
  in = unit (4, 0, 35);
  in.unsplittable = true;
  CHECK (!ink__colfit_keeps (&in, 2));
  in.room = 40;
  CHECK (ink__colfit_keeps (&in, 2));
  /* A list's lead-in keeps its first item: one line is enough. */
  in = unit (3, 0, 12);
  CHECK (!ink__colfit_keeps (&in, 1));   /* 1 of 3 would be an orphan */
  in = unit (1, 0, 12);
  CHECK (ink__colfit_keeps (&in, 1));
}

TEST (taller_than_a_column)
{
  /* One line taller than the whole column: an empty column takes it anyway, overfull. */
  static const int32_t tall[3] = { 500, 10, 10 };
  ink__colfit_in_t in = unit (3, 0, 100);
  in.heights = tall;
  in.col_empty = true;
  ink__colfit_t r = ink__colfit (&in);
  CHECK_EQ_INT (r.fit, 1);
  CHECK (r.more);
  CHECK (r.strained);
  /* Below other content it waits for an empty column. */
  in.col_empty = false;
  r = ink__colfit (&in);
  CHECK_EQ_INT (r.fit, 0);
  CHECK (r.more);
  /* A unit of many lines taller than the column: the column takes what fits. */
  in = unit (10, 0, 55);
  in.col_empty = true;
  r = ink__colfit (&in);
  CHECK_EQ_INT (r.fit, 5);
  CHECK (r.more);
  CHECK (!r.strained);
}

TEST (zero_space)
{
  ink__colfit_in_t in = unit (5, 0, 0);
  ink__colfit_t r = ink__colfit (&in);
  CHECK_EQ_INT (r.fit, 0);
  CHECK (r.more);
  /* Negative room (a baseline grid pushed the first line below the bottom). */
  in.room = -7;
  r = ink__colfit (&in);
  CHECK_EQ_INT (r.fit, 0);
  /* An empty column with no room still takes one line. */
  in.col_empty = true;
  r = ink__colfit (&in);
  CHECK_EQ_INT (r.fit, 1);
  CHECK (r.strained);
}

TEST (nothing_left)
{
  ink__colfit_in_t in = unit (5, 5, 100);
  ink__colfit_t r = ink__colfit (&in);
  CHECK_EQ_INT (r.fit, 0);
  CHECK (!r.more);
  in = unit (0, 0, 100);
  r = ink__colfit (&in);
  CHECK_EQ_INT (r.fit, 0);
  CHECK (!r.more);
}

TEST (uneven_heights)
{
  static const int32_t h[6] = { 30, 10, 10, 25, 10, 10 };
  ink__colfit_in_t in = unit (6, 0, 75);
  in.heights = h;
  ink__colfit_t r = ink__colfit (&in);
  CHECK_EQ_INT (r.fit, 4);   /* 30 + 10 + 10 + 25 = 75 */
  CHECK (r.more);
  in.room = 74;
  r = ink__colfit (&in);
  CHECK_EQ_INT (r.fit, 3);
}

TEST (slack_past_the_bottom)
{
  /* The engine's slack: a line whose box passes the column's bottom by a third of a pixel (the
   * grid's origin a fraction off the frame) still goes in; one that passes it by more than a
   * pixel does not. Heights in 1/64 px here. */
  static const int32_t step[4] = { 2688, 2688, 2688, 2688 };   /* 42 px lines */
  ink__colfit_in_t in = unit (4, 0, 4 * 2688 - 20);
  in.heights = step;
  ink__colfit_t r = ink__colfit (&in);
  CHECK_EQ_INT (r.fit, 2);   /* without slack: 3 fit, and 1 left would be a widow */
  in.slack = INK_COLFIT_SLACK;
  r = ink__colfit (&in);
  CHECK_EQ_INT (r.fit, 4);
  CHECK (!r.more);
  in.room = 4 * 2688 - INK_COLFIT_SLACK - 1;
  r = ink__colfit (&in);
  CHECK_EQ_INT (r.fit, 2);
  /* What must follow the unit's end measures with the same slack. */
  in = unit (4, 0, 4 * 2688 + 2688 - 20);
  in.heights = step;
  in.keep_next = true;
  in.next_height = 2688;
  r = ink__colfit (&in);
  CHECK_EQ_INT (r.fit, 2);   /* the last two go on with what follows */
  in.slack = INK_COLFIT_SLACK;
  r = ink__colfit (&in);
  CHECK_EQ_INT (r.fit, 4);
}

TEST (one_line_under_a_float)
{
  /* Orphans 1 (the template's lone lines): a first line alone fits, but not under a float. */
  ink__colfit_in_t in = unit (6, 0, 15);
  in.orphans = 1;
  ink__colfit_t r = ink__colfit (&in);
  CHECK_EQ_INT (r.fit, 1);
  CHECK (!r.alone);
  in.under_float = true;
  r = ink__colfit (&in);
  CHECK_EQ_INT (r.fit, 0);
  CHECK (r.more);
  CHECK (!r.strained);
  /* In a column of floats alone it goes in rather than leave the column without text. */
  in.floats_only = true;
  r = ink__colfit (&in);
  CHECK_EQ_INT (r.fit, 1);
  CHECK (r.alone);
  CHECK (!r.strained);
}

TEST (middle_line_under_a_float)
{
  /* A line from the middle of a unit alone under a float goes in, said alone; two do not. */
  ink__colfit_in_t in = unit (8, 3, 15);
  in.under_float = true;
  ink__colfit_t r = ink__colfit (&in);
  CHECK_EQ_INT (r.fit, 1);
  CHECK (r.alone);
  in.room = 25;
  r = ink__colfit (&in);
  CHECK_EQ_INT (r.fit, 2);
  CHECK (!r.alone);
  /* All that is left, in one line: not alone. */
  in = unit (4, 3, 15);
  in.under_float = true;
  r = ink__colfit (&in);
  CHECK_EQ_INT (r.fit, 1);
  CHECK (!r.more);
  CHECK (!r.alone);
}

int
main (void)
{
  RUN (all_fit);
  RUN (exactly_fitting);
  RUN (plain_split);
  RUN (widows);
  RUN (orphans);
  RUN (widow_and_orphan_both);
  RUN (drop_cap_lines_stay_together);
  RUN (unsplittable);
  RUN (keep_with_next);
  RUN (keeps_first_lines);
  RUN (taller_than_a_column);
  RUN (zero_space);
  RUN (nothing_left);
  RUN (uneven_heights);
  RUN (slack_past_the_bottom);
  RUN (one_line_under_a_float);
  RUN (middle_line_under_a_float);
  return test_summary ();
}
