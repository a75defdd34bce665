/* paginate/makeup: a page's make-up scored; see makeup.h. */
#include "makeup.h"

/* What an empty column costs where it should hold text: more than any spread of lines. */
#define EMPTY_COST (INT64_C (1) << 40)

/* What a float set after the end of the text that follows it, or inside a list, costs, in
 * line steps: more than a rule let through, less than an empty column. */
#define LATE_STEPS 4

/* Empty columns where there should be text: between filled ones, or any at all when the
 * page holds enough lines to give each column two. A short page may fill fewer columns, from
 * the first on; with c->few, each of the first columns it holds INK_MAKEUP_FEW_LINES lines
 * for is filled, a subhead of several lines counting as one (c->head_lines). */
static int64_t
empty_cost (const ink__makeup_cols_t *c, size_t total)
{
  int64_t cost = 0;
  bool seen_empty = false;
  size_t must = total >= 2 * (size_t) c->ncols ? c->ncols : 0;   /* columns to fill */
  if (c->few && must) {
    size_t few = (total - (c->head_lines < total ? c->head_lines : total)) / INK_MAKEUP_FEW_LINES;
    must = few < must ? few : must;
  }
  for (unsigned i = 0; i < c->ncols; i++) {
    if (!c->lines[i])
      seen_empty = true;
    if (!c->lines[i] && i < must)
      cost += EMPTY_COST;
    else if (c->lines[i] && seen_empty)
      cost += EMPTY_COST;   /* a filled column after an empty one */
  }
  return cost;
}

/* The lines on the page; *lo and *hi the highest and lowest last baselines of the columns
 * that hold any. */
static size_t
ends (const ink__makeup_cols_t *c, int32_t *lo, int32_t *hi)
{
  size_t total = 0;
  *lo = INT32_MAX, *hi = INT32_MIN;
  for (unsigned i = 0; i < c->ncols; i++) {
    total += c->lines[i];
    if (c->lines[i]) {
      *lo = c->end[i] < *lo ? c->end[i] : *lo;
      *hi = c->end[i] > *hi ? c->end[i] : *hi;
    }
  }
  return total;
}

/**
 * ink__makeup_spread:
 * @c: a page's columns as set
 *
 * Return value: how far apart the last baselines of the columns that hold lines are (0 for
 * none or one).
 */
int64_t
ink__makeup_spread (const ink__makeup_cols_t *c)
{
  int32_t lo, hi;
  return ends (c, &lo, &hi) && hi > lo ? (int64_t) hi - lo : 0;
}

/**
 * ink__makeup_even:
 * @c: a last page's columns as set
 *
 * Return value: whether the last baselines of the columns that hold lines are at most a line
 * step apart, with c->together (at least one unit) of rounding allowed: the last page passes
 * as balanced. A table's or a float's last line a fraction of a pixel off the grid, a line
 * step from the others, still does.
 */
bool
ink__makeup_even (const ink__makeup_cols_t *c)
{
  int32_t lo, hi;
  int64_t slack = c->together > 1 ? c->together : 1;
  return !ends (c, &lo, &hi) || (int64_t) hi - lo <= (int64_t) c->step + slack;
}

/**
 * ink__makeup_filled:
 * @c: a last page's columns as set
 *
 * Return value: whether the page fills the columns it should, as ink__makeup_cost counts
 * them (c->few allowing): none empty between filled ones, and none at all when it holds
 * two lines a column. A page that passes as even may still leave its last columns empty
 * (three comments, eight lines, in three of four columns): the make-up check sends that
 * back.
 */
bool
ink__makeup_filled (const ink__makeup_cols_t *c)
{
  int32_t lo, hi;
  return empty_cost (c, ends (c, &lo, &hi)) == 0;
}

/* Columns of a last page that end apart and lower than the column before them, each the
 * least a cost counts (1/64 px in a layout): of two settings whose columns end as far apart, the
 * one whose first columns are the longer (seven lines and five, not five and seven). */
static int64_t
rising_cost (const ink__makeup_cols_t *c)
{
  int64_t cost = 0;
  for (unsigned i = 1; i < c->ncols; i++)
    if (c->lines[i] && c->lines[i - 1] && c->end[i] > c->end[i - 1])
      cost++;
  return cost;
}

/**
 * ink__makeup_cost:
 * @c: a page's columns as set
 *
 * Scores a page's columns: rejected when content did not fit or a float is cut between
 * columns; then empty columns that should hold text; then how far apart the columns' last
 * baselines are (a spread within one line step counts a quarter: it passes as even; a wider
 * one counts in full and two line steps more: columns that end apart are worse than a rule let
 * through; and ends lower than the column before, rising_cost); then a rule let through, or a
 * line alone under a float, worth two lines of spread; a float set after the text that follows
 * it or inside a list, LATE_STEPS; each line let stand alone, half a line step.
 *
 * Return value: the cost (0 for a page whose columns end together with no rule broken), or
 * INK_MAKEUP_REJECT.
 */
int64_t
ink__makeup_cost (const ink__makeup_cols_t *c)
{
  if (c->overflow || c->split_float || c->ncols == 0 || c->ncols > INK_MAKEUP_MAX_COLS ||
      c->step <= 0)
    return INK_MAKEUP_REJECT;
  int32_t lo, hi;
  size_t total = ends (c, &lo, &hi);
  int64_t cost = empty_cost (c, total);
  int64_t spread = total ? (int64_t) hi - lo : 0;
  /* Within a line step the columns pass as even; ending together is still better. */
  cost += !ink__makeup_even (c) ? spread + 2 * (int64_t) c->step + rising_cost (c) : spread / 4;
  if (c->strained || c->lone_float || c->hole)
    cost += 2 * (int64_t) c->step;
  if (c->late || c->cut_list)
    cost += LATE_STEPS * (int64_t) c->step;   /* a float read out of turn either way */
  return cost + (int64_t) c->lone * (c->step / 2 + 1);
}

/* The columns of a full page that end two line steps or more above c->deepest: each is a
 * short column, with room for two more lines under it, and counts its room once more. */
static int64_t
short_cost (const ink__makeup_cols_t *c)
{
  int64_t cost = 0;
  for (unsigned i = 0; i < c->ncols; i++)
    if (c->lines[i] && (int64_t) c->deepest - c->end[i] >= 2 * (int64_t) c->step)
      cost += (int64_t) c->deepest - c->end[i];
  return cost;
}

/**
 * ink__makeup_full_cost:
 * @c: a page's columns as set, the text going on past it; c->deepest as set at the frame's foot
 *
 * Scores a full page's columns: they should end on one baseline, and as low as they can. Any
 * spread counts in full, and a line step more when it is wider than c->together (a full
 * page's columns end together: ending apart by a pixel is worse than ending together a line
 * higher); each unit that the deepest column ends above c->deepest counts in full (a page
 * whose columns all end a line
 * higher is better than one with a column a line short, but columns that all end two lines
 * higher leave the page as empty as that, and three are worse: a page half a paragraph
 * short that sends it to one more page); each column that ends two line steps or more above
 * c->deepest counts its room once more (a short column: columns that end together but short
 * each leave that room, which one column ending as far apart does only once); an empty column
 * as in ink__makeup_cost; a rule let through, two line steps; a line let stand alone, half a line
 * step and a pixel (an even page with a lone line is better than one whose columns end a
 * line apart, a little worse than one whose columns all end a line higher).
 *
 * Return value: the cost, 0 for columns that all end on c->deepest; INK_MAKEUP_REJECT for a
 * page that holds no column of text.
 */
int64_t
ink__makeup_full_cost (const ink__makeup_cols_t *c)
{
  if (c->ncols == 0 || c->ncols > INK_MAKEUP_MAX_COLS || c->step <= 0)
    return INK_MAKEUP_REJECT;
  int32_t lo, hi;
  size_t total = ends (c, &lo, &hi);
  if (!total)
    return INK_MAKEUP_REJECT;
  int64_t cost = empty_cost (c, 2 * (size_t) c->ncols) + ((int64_t) hi - lo);
  if ((int64_t) hi - lo > c->together)
    cost += c->step;
  if (c->deepest > hi)
    cost += (int64_t) c->deepest - hi;
  cost += short_cost (c);
  if (c->strained)
    cost += 2 * (int64_t) c->step;
  return cost + (int64_t) c->lone * (c->step / 2 + 1);
}

/**
 * ink__makeup_short_steps:
 * @room: the space under a full page's columns, from their lowest ink to the frame's foot
 * @step: one line step, > 0
 *
 * A full page may end a line short of the frame's foot, not two: room for two more lines
 * under its columns is a short page. This is how many line steps its columns must come down
 * so that less than room for two lines is left.
 *
 * Return value: 0 for a page that is not short, else the line steps it is short by.
 */
int32_t
ink__makeup_short_steps (int64_t room, int32_t step)
{
  if (step <= 0 || room < 2 * (int64_t) step)
    return 0;
  return (int32_t) ((room - 2 * (int64_t) step) / step + 1);
}

/**
 * ink__makeup_runt_lines:
 * @ncols: the columns of the last page
 *
 * The most lines of text a last page may hold alone and still be a runt: INK_RUNT_LINES, or
 * on a page of several columns as many as leave each column two lines or fewer once
 * balanced (widows and orphans of two), a page of white with a line or two at its top.
 *
 * Return value: the most lines of a runt page.
 */
size_t
ink__makeup_runt_lines (unsigned ncols)
{
  size_t two_a_column = 2 * (size_t) ncols;
  return two_a_column > INK_RUNT_LINES ? two_a_column : INK_RUNT_LINES;
}
