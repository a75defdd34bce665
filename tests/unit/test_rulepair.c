/* Of two rules one over the other with white alone between them, the narrower is left out
 * of the page (lib/paginate/rulepair.c), once the page is final. Places in whole pixels for
 * readability (the engine passes 1/64 px); a line step of 38 px, so two rules read as one
 * doubled less than 76 px apart. The pages: the head's rule moved down over a table that
 * opens a column (the head opened once page 1 was set, headeven.c: 44 px apart), and a
 * table's last rule in one column over a pull quote's opening rule across the columns
 * (101 px apart with a line step of 52). */
#include "rulepair.h"
#include "test.h"

#define PX(v) ((int32_t) ((v) * 64))

static ink__item_t
rule (double x, double y, double w, double h)
{
  return (ink__item_t) { .kind = INK_ITEM_RULE, .block = -1, .x = PX (x), .y = PX (y),
                         .w = PX (w), .h = PX (h) };
}

static ink__item_t
run (double x, double y, double w, double h)
{
  return (ink__item_t) { .kind = INK_ITEM_GLYPHS, .x = PX (x), .y = PX (y), .w = PX (w),
                         .h = PX (h) };
}

TEST (table_header_under_the_head_rule)
{
  ink__item_t items[] = {
    rule (64, 565, 2072, 3),      /* the head's, across the page */
    rule (1114, 611.5, 497, 1.5), /* the table's header rule at column 3's top */
    run (1114, 618, 170, 26),
  };
  CHECK (!ink__rule_doubled (items, 3, 0, PX (76)));
  CHECK (ink__rule_doubled (items, 3, 1, PX (76)));
  CHECK (!ink__rule_doubled (items, 3, 2, PX (76)));
}

TEST (table_foot_over_a_quote_across)
{
  ink__item_t items[] = {
    run (905, 1208, 190, 44),
    rule (905, 1254.4, 669, 0.75), /* the table's last rule, in column 2 */
    run (177, 1254, 669, 44),      /* column 1 goes on a line beside it */
    rule (177, 1356.4, 2126, 2),   /* the pull quote's opening rule, across */
    run (367, 1458, 1745, 83),
  };
  CHECK (ink__rule_doubled (items, 5, 1, PX (104)));
  CHECK (!ink__rule_doubled (items, 5, 3, PX (104)));
}

TEST (two_rules_as_wide_keep_the_upper)
{
  ink__item_t items[] = { rule (100, 500, 400, 2), rule (100, 530, 400, 2) };
  CHECK (!ink__rule_doubled (items, 2, 0, PX (76)));
  CHECK (ink__rule_doubled (items, 2, 1, PX (76)));
}

TEST (rules_apart_are_both_drawn)
{
  /* something between them, across the narrower's width */
  ink__item_t between[] = { rule (64, 565, 2072, 3), run (1200, 580, 100, 20),
                            rule (1114, 611.5, 497, 1.5) };
  CHECK (!ink__rule_doubled (between, 3, 2, PX (76)));
  /* two line steps apart or more */
  ink__item_t far[] = { rule (64, 500, 2072, 3), rule (1114, 580, 497, 1.5) };
  CHECK (!ink__rule_doubled (far, 2, 1, PX (76)));
  /* side by side, neither over the other */
  ink__item_t beside[] = { rule (100, 500, 400, 2), rule (600, 520, 400, 2) };
  CHECK (!ink__rule_doubled (beside, 2, 0, PX (76)));
  CHECK (!ink__rule_doubled (beside, 2, 1, PX (76)));
  /* a column rule, upright, is never one of a pair */
  ink__item_t upright[] = { rule (100, 500, 400, 2), rule (300, 510, 1, 400) };
  CHECK (!ink__rule_doubled (upright, 2, 1, PX (76)));
}

int
main (void)
{
  RUN (table_header_under_the_head_rule);
  RUN (table_foot_over_a_quote_across);
  RUN (two_rules_as_wide_keep_the_upper);
  RUN (rules_apart_are_both_drawn);
  return test_summary ();
}
