/* The make-up score on its own: columns ending together beat columns apart, empty columns
 * that should hold text lose to any spread, overflow is never taken. Steps of 10. */
#include "makeup.h"
#include "test.h"

/* Three columns with these line counts and last baselines, a step of 10. */
static ink__makeup_cols_t
cols (size_t n0, int32_t e0, size_t n1, int32_t e1, size_t n2, int32_t e2)
{
  ink__makeup_cols_t c = { 0 };
  c.ncols = 3;
  c.step = 10;
  c.lines[0] = n0, c.end[0] = e0;
  c.lines[1] = n1, c.end[1] = e1;
  c.lines[2] = n2, c.end[2] = e2;
  return c;
}

TEST (short_page_comes_down_to_a_line_above_the_foot)
{
  CHECK_EQ_INT (ink__makeup_short_steps (0, 10), 0);
  CHECK_EQ_INT (ink__makeup_short_steps (19, 10), 0);   /* a line short, and a part */
  CHECK_EQ_INT (ink__makeup_short_steps (20, 10), 1);   /* two more lines fit */
  CHECK_EQ_INT (ink__makeup_short_steps (29, 10), 1);
  CHECK_EQ_INT (ink__makeup_short_steps (32, 10), 2);   /* 12 left: less than two lines */
  CHECK_EQ_INT (ink__makeup_short_steps (-5, 10), 0);
  CHECK_EQ_INT (ink__makeup_short_steps (50, 0), 0);
}

/* The spread counts only the columns that hold lines. */
TEST (spread_of_filled_columns)
{
  ink__makeup_cols_t c = cols (4, 100, 3, 90, 0, 0);
  CHECK_EQ_INT (ink__makeup_spread (&c), 10);
  c = cols (4, 100, 0, 0, 0, 0);
  CHECK_EQ_INT (ink__makeup_spread (&c), 0);
  c = cols (0, 0, 0, 0, 0, 0);
  CHECK_EQ_INT (ink__makeup_spread (&c), 0);
}

TEST (even_is_free)
{
  ink__makeup_cols_t c = cols (5, 50, 5, 50, 5, 50);
  CHECK_EQ_INT (ink__makeup_cost (&c), 0);
}

TEST (within_a_step_beats_apart)
{
  ink__makeup_cols_t one = cols (5, 50, 5, 50, 4, 40);
  ink__makeup_cols_t three = cols (6, 60, 5, 50, 3, 30);
  CHECK (ink__makeup_cost (&one) > 0);
  CHECK (ink__makeup_cost (&one) < ink__makeup_cost (&three));
  CHECK_EQ_INT (ink__makeup_cost (&three), 50);
}

TEST (even_within_a_step)
{
  ink__makeup_cols_t c = cols (5, 50, 5, 50, 4, 40);
  CHECK (ink__makeup_even (&c));
  c.end[2] = 39;   /* a pixel of rounding passes */
  CHECK (ink__makeup_even (&c));
  c.end[2] = 38;
  CHECK (!ink__makeup_even (&c));
  ink__makeup_cols_t empty = cols (5, 50, 0, 0, 0, 0);
  CHECK (ink__makeup_even (&empty));   /* only columns that hold lines count */
}

/* A table's last line a fraction of a pixel off the grid, a line step under the columns
 * beside it: within the rounding c->together allows (the make-up check's pixel, in a
 * layout), the last page passes as even, as the check sees it. */
TEST (even_within_a_step_and_rounding)
{
  ink__makeup_cols_t c = cols (8, 80, 9, 92, 8, 80);
  CHECK (!ink__makeup_even (&c));
  c.together = 3;
  CHECK (ink__makeup_even (&c));
  CHECK_EQ_INT (ink__makeup_cost (&c), 12 / 4);
  c.end[1] = 94;
  CHECK (!ink__makeup_even (&c));
}

/* Of two last pages whose columns end as far apart, the one whose first columns are the
 * longer: seven lines, five and five before five, seven and five. */
TEST (apart_first_columns_longer)
{
  ink__makeup_cols_t falling = cols (7, 70, 5, 50, 5, 50);
  ink__makeup_cols_t rising = cols (5, 50, 7, 70, 5, 50);
  CHECK (ink__makeup_cost (&falling) < ink__makeup_cost (&rising));
  CHECK_EQ_INT (ink__makeup_cost (&rising) - ink__makeup_cost (&falling), 1);
  /* Within a line step, not counted: the columns pass as even. */
  ink__makeup_cols_t even = cols (4, 40, 5, 50, 5, 50);
  CHECK_EQ_INT (ink__makeup_cost (&even), 10 / 4);
}

/* A column whose text stops over a hole above the float under it (colhole.c) costs as a rule
 * let through: even columns that leave one lose to even columns that do not. */
TEST (hole_costs_two_steps)
{
  ink__makeup_cols_t c = cols (5, 50, 5, 50, 5, 50), holed = c;
  holed.hole = true;
  CHECK_EQ_INT (ink__makeup_cost (&holed), 20);
  CHECK (ink__makeup_cost (&c) < ink__makeup_cost (&holed));
}

TEST (strained_costs_two_steps)
{
  ink__makeup_cols_t c = cols (5, 50, 5, 50, 5, 50);
  c.strained = true;
  CHECK_EQ_INT (ink__makeup_cost (&c), 20);
  ink__makeup_cols_t apart = cols (8, 80, 5, 50, 2, 20);
  CHECK (ink__makeup_cost (&c) < ink__makeup_cost (&apart));
  /* Columns two steps apart with no rule broken lose to even ones with a rule let through. */
  ink__makeup_cols_t two = cols (6, 60, 5, 50, 4, 40);
  CHECK (ink__makeup_cost (&c) < ink__makeup_cost (&two));
}

/* A float set after the end of the text that follows it costs more than a rule let
 * through, less than an empty column. */
TEST (late_float_costs_more_than_a_rule)
{
  ink__makeup_cols_t c = cols (5, 50, 5, 50, 5, 50);
  ink__makeup_cols_t late = c, strained = c, empty = cols (8, 80, 7, 70, 0, 0);
  late.late = true;
  strained.strained = true;
  CHECK (ink__makeup_cost (&late) > ink__makeup_cost (&strained));
  CHECK (ink__makeup_cost (&late) < ink__makeup_cost (&empty));
}

/* A float that opens a column inside a list is read out of turn as a late one is: it costs
 * what a late float costs, more than columns that end a line step apart. */
TEST (float_inside_a_list_costs_as_a_late_one)
{
  ink__makeup_cols_t c = cols (5, 50, 5, 50, 5, 50);
  ink__makeup_cols_t cut = c, late = c, apart = cols (6, 60, 5, 50, 5, 50);
  cut.cut_list = true;
  late.late = true;
  CHECK_EQ_INT (ink__makeup_cost (&cut), ink__makeup_cost (&late));
  CHECK (ink__makeup_cost (&cut) > ink__makeup_cost (&apart));
}

TEST (empty_column_loses_to_any_spread)
{
  ink__makeup_cols_t empty = cols (8, 80, 8, 80, 0, 0);
  ink__makeup_cols_t ragged = cols (12, 120, 3, 30, 1, 10);
  CHECK (ink__makeup_cost (&empty) > ink__makeup_cost (&ragged));
  /* An empty column between filled ones, too. */
  ink__makeup_cols_t gap = cols (8, 80, 0, 0, 8, 80);
  CHECK (ink__makeup_cost (&gap) > ink__makeup_cost (&ragged));
}

/* Eight lines in two of three columns ending together pass as even, but do not fill the
 * columns the page should (ink__makeup_filled, the make-up check's "2 of 3 columns"); five
 * lines in the first column alone do, an empty column between filled ones does not. */
TEST (even_is_not_filled)
{
  ink__makeup_cols_t two = cols (4, 40, 4, 40, 0, 0);
  CHECK (ink__makeup_even (&two));
  CHECK (!ink__makeup_filled (&two));
  ink__makeup_cols_t three = cols (3, 30, 3, 30, 2, 20);
  CHECK (ink__makeup_filled (&three));
  ink__makeup_cols_t short_page = cols (5, 50, 0, 0, 0, 0);
  CHECK (ink__makeup_filled (&short_page));
  ink__makeup_cols_t gap = cols (2, 20, 0, 0, 2, 20);
  CHECK (!ink__makeup_filled (&gap));
}

TEST (short_page_fills_from_the_first)
{
  /* Five lines in three columns: fewer than two each, so the first column may hold them. */
  ink__makeup_cols_t first = cols (5, 50, 0, 0, 0, 0);
  ink__makeup_cols_t second = cols (0, 0, 5, 50, 0, 0);
  CHECK (ink__makeup_cost (&first) < ink__makeup_cost (&second));
  CHECK (ink__makeup_cost (&first) < INK_MAKEUP_REJECT);
}

/* Seven lines in three columns, every column filled only with a keep let through: with
 * c.few the page may fill two, each of the columns it has three lines for, and no fewer. */
TEST (few_lines_fill_fewer_columns)
{
  ink__makeup_cols_t two = cols (3, 30, 4, 40, 0, 0);
  ink__makeup_cols_t filled = cols (3, 30, 2, 20, 2, 20);
  filled.strained = true;
  CHECK (ink__makeup_cost (&two) > ink__makeup_cost (&filled));   /* two must be filled */
  two.few = true;
  CHECK (ink__makeup_cost (&two) < ink__makeup_cost (&filled));
  ink__makeup_cols_t one = cols (7, 70, 0, 0, 0, 0);
  one.few = true;
  CHECK (ink__makeup_cost (&one) > ink__makeup_cost (&filled));
  /* Nine lines have three for every column: all three are filled. */
  ink__makeup_cols_t nine = cols (4, 40, 5, 50, 0, 0);
  nine.few = true;
  CHECK (ink__makeup_cost (&nine) > ink__makeup_cost (&filled));
  /* Never an empty column between filled ones. */
  ink__makeup_cols_t gap = cols (3, 30, 0, 0, 4, 40);
  gap.few = true;
  CHECK (ink__makeup_cost (&gap) > ink__makeup_cost (&filled));
}

TEST (overflow_is_rejected)
{
  ink__makeup_cols_t c = cols (5, 50, 5, 50, 5, 50);
  c.overflow = true;
  CHECK (ink__makeup_cost (&c) == INK_MAKEUP_REJECT);
  c.overflow = false;
  c.step = 0;
  CHECK (ink__makeup_cost (&c) == INK_MAKEUP_REJECT);
}

TEST (full_page_even_at_the_foot_is_free)
{
  ink__makeup_cols_t c = cols (8, 80, 8, 80, 8, 80);
  c.deepest = 80;
  CHECK_EQ_INT (ink__makeup_full_cost (&c), 0);
}

TEST (full_page_even_higher_beats_one_short)
{
  /* One column a line short costs the line and a step; all three a line higher, the line. */
  ink__makeup_cols_t short1 = cols (8, 80, 7, 70, 8, 80);
  short1.deepest = 80;
  ink__makeup_cols_t higher = cols (7, 70, 7, 70, 7, 70);
  higher.deepest = 80;
  CHECK_EQ_INT (ink__makeup_full_cost (&short1), 20);
  CHECK_EQ_INT (ink__makeup_full_cost (&higher), 10);
  /* All three lines higher leave more of the page empty than one column a line short: each
   * is a short column and counts its room once more. */
  ink__makeup_cols_t much_higher = cols (5, 50, 5, 50, 5, 50);
  much_higher.deepest = 80;
  CHECK_EQ_INT (ink__makeup_full_cost (&much_higher), 30 + 3 * 30);
  CHECK (ink__makeup_full_cost (&much_higher) > ink__makeup_full_cost (&short1));
  /* Any spread counts in full and a step more on a full page, even within a step (the last
   * page lets it pass at a quarter): worse than all columns a line higher. */
  ink__makeup_cols_t off = cols (8, 80, 8, 76, 8, 80);
  off.deepest = 80;
  CHECK_EQ_INT (ink__makeup_full_cost (&off), 14);
  CHECK (ink__makeup_full_cost (&off) > ink__makeup_full_cost (&higher));
  CHECK_EQ_INT (ink__makeup_cost (&off), 1);
}

TEST (full_page_within_together_is_not_apart)
{
  /* Columns a fraction of a pixel apart (a float's last line off the grid) end together when
   * the page says so: the spread counts, the step for ending apart does not. */
  ink__makeup_cols_t off = cols (8, 80, 8, 79, 8, 80);
  off.deepest = 80;
  CHECK_EQ_INT (ink__makeup_full_cost (&off), 1 + 10);
  off.together = 1;
  CHECK_EQ_INT (ink__makeup_full_cost (&off), 1);
  off.end[1] = 78;
  CHECK_EQ_INT (ink__makeup_full_cost (&off), 2 + 10);
}

TEST (full_page_short_columns_count_each)
{
  /* Columns that end together two lines short leave room for two lines under each: worse
   * than one column two lines short under two full ones. */
  ink__makeup_cols_t together = cols (6, 60, 6, 60, 6, 60);
  together.deepest = 80;
  ink__makeup_cols_t one_short = cols (8, 80, 6, 60, 8, 80);
  one_short.deepest = 80;
  CHECK_EQ_INT (ink__makeup_full_cost (&together), 20 + 3 * 20);
  CHECK_EQ_INT (ink__makeup_full_cost (&one_short), 20 + 10 + 20);
  CHECK (ink__makeup_full_cost (&one_short) < ink__makeup_full_cost (&together));
  /* A column a line short is not a short column: the page may end a line high. */
  ink__makeup_cols_t higher = cols (7, 70, 7, 70, 7, 70);
  higher.deepest = 80;
  CHECK_EQ_INT (ink__makeup_full_cost (&higher), 10);
}

TEST (full_page_empty_column_and_no_text)
{
  ink__makeup_cols_t gap = cols (8, 80, 0, 0, 8, 80);
  gap.deepest = 80;
  ink__makeup_cols_t ragged = cols (8, 80, 2, 20, 8, 80);
  ragged.deepest = 80;
  CHECK (ink__makeup_full_cost (&gap) > ink__makeup_full_cost (&ragged));
  ink__makeup_cols_t none = cols (0, 0, 0, 0, 0, 0);
  CHECK (ink__makeup_full_cost (&none) == INK_MAKEUP_REJECT);
}

int
main (void)
{
  RUN (full_page_even_at_the_foot_is_free);
  RUN (full_page_even_higher_beats_one_short);
  RUN (full_page_within_together_is_not_apart);
  RUN (full_page_short_columns_count_each);
  RUN (full_page_empty_column_and_no_text);
  RUN (short_page_comes_down_to_a_line_above_the_foot);
  RUN (spread_of_filled_columns);
  RUN (even_is_free);
  RUN (within_a_step_beats_apart);
  RUN (even_within_a_step);
  RUN (even_within_a_step_and_rounding);
  RUN (apart_first_columns_longer);
  RUN (strained_costs_two_steps);
  RUN (late_float_costs_more_than_a_rule);
  RUN (float_inside_a_list_costs_as_a_late_one);
  RUN (empty_column_loses_to_any_spread);
  RUN (even_is_not_filled);
  RUN (short_page_fills_from_the_first);
  RUN (few_lines_fill_fewer_columns);
  RUN (overflow_is_rejected);
  RUN (hole_costs_two_steps);
  return test_summary ();
}
