/* paginate/colfit: the column fit; see colfit.h. */
#include "colfit.h"

/* Whether lines `used` high fit in the room, by the slack allowed past the column's bottom. */
static bool
fits_room (const ink__colfit_in_t *in, int64_t used)
{
  return used <= (int64_t) in->room + in->slack;
}

/* Lines from `from` whose heights add up to no more than the room (and its slack). */
static size_t
lines_in (const ink__colfit_in_t *in, int32_t *used)
{
  size_t fit = 0;
  *used = 0;
  while (in->from + fit < in->nlines &&
         fits_room (in, (int64_t) *used + in->heights[in->from + fit])) {
    *used += in->heights[in->from + fit];
    fit++;
  }
  return fit;
}

/**
 * ink__colfit:
 * @in: the unit's lines, the room left and the rules
 *
 * Decides how many of the unit's remaining lines go in this column. A unit splits only where
 * at least `orphans` lines (or the drop cap's lines) stay at the foot and at least `widows` go
 * on; an unsplittable unit does not split unless the column is empty. When what follows must
 * stay with the unit's end and cannot, the last `widows` lines go on with it. Under a float
 * (under_float) a unit's first line does not stand alone when the rest goes on, unless the
 * column holds floats alone; one line from its middle does, said alone. An empty column
 * always takes at least one line, even one taller than the column, so the flow cannot stall.
 *
 * Return value: the lines that fit, whether lines are left, whether a rule was broken.
 */
ink__colfit_t
ink__colfit (const ink__colfit_in_t *in)
{
  ink__colfit_t r = { 0, false, false, false };
  size_t k0 = in->from, n = in->nlines;
  if (k0 >= n)
    return r;
  int32_t orphans = (int32_t) in->orphans, widows = (int32_t) in->widows;
  bool splits = !in->unsplittable && n >= (size_t) (in->orphans + in->widows);
  int32_t used;
  size_t fit = lines_in (in, &used);
  size_t rest = n - k0;
  if (fit == rest && splits && in->keep_next && !in->col_empty) {
    /* The end of a unit that what follows must stay with: when that does not fit after it,
     * its last lines go on with it. */
    if (!fits_room (in, (int64_t) used + in->next_height))
      fit = rest > (size_t) widows && (k0 > 0 || rest - (size_t) widows >= (size_t) orphans)
              ? rest - (size_t) widows : 0;
  }
  if (fit < rest) {
    /* Split here: not in an unsplittable unit, and no orphan or widow. */
    if (in->unsplittable && !in->col_empty)
      fit = 0;
    int32_t first_min = (int32_t) in->cap_lines > orphans ? (int32_t) in->cap_lines : orphans;
    if (k0 == 0 && (int32_t) fit < first_min && !in->col_empty)
      fit = 0;
    if (fit > 0 && (int32_t) (rest - fit) < widows) {
      size_t want = rest > (size_t) widows ? rest - (size_t) widows : 0;
      if (k0 == 0 && (int32_t) want < orphans)
        want = in->col_empty ? fit : 0;
      fit = want < fit ? want : fit;
    }
    /* One line alone under a float, the rest in the next column: not the first (the
     * orphans rule holds), unless that leaves a column of floats alone; one from the
     * middle goes in, said alone for make-up to weigh. */
    bool alone = fit == 1 && in->under_float && !in->col_empty;
    if (alone && k0 == 0 && !in->floats_only)
      fit = 0;
    if (fit == 0 && in->col_empty) {
      /* Even an empty column cannot take one line: place it anyway, overfull,
       * rather than loop; the page is as full as it can be. */
      fit = 1;
    }
    /* An empty column had to break a rule to take anything: balancing must not
     * choose a column this short. Taking nothing (the unit goes on whole) breaks none. */
    if (fit > 0 && fit < rest && ((k0 == 0 && (int32_t) fit < first_min) ||
                       (int32_t) (rest - fit) < widows || in->unsplittable))
      r.strained = true;
    r.alone = alone && fit == 1;
  }
  r.fit = fit;
  r.more = fit < rest;
  return r;
}

/**
 * ink__colfit_keeps:
 * @in: the unit's lines and the room from where its first line would go
 * @lines: how many of its first lines must go in
 *
 * Return value: whether the column fit would place at least @lines of the unit's lines (all
 * of them when it has fewer) in that room of a column that is not empty.
 */
bool
ink__colfit_keeps (const ink__colfit_in_t *in, size_t lines)
{
  ink__colfit_in_t first = *in;
  first.from = 0;
  first.col_empty = false;
  ink__colfit_t r = ink__colfit (&first);
  return r.fit >= (lines < in->nlines ? lines : in->nlines);
}

/**
 * ink__column_floor:
 * @orphans: the template's orphans
 * @widows: the template's widows
 *
 * The one rule for how short a column of running text may be where the text could take
 * fewer columns: a float across the columns under the head leaves this many lines a column
 * under it or waits for the next page (floats.c), and a last page with fewer lines than this
 * a column may fill fewer columns, from the first on (makeup.c).
 *
 * Return value: INK_COLUMN_FLOOR_LINES, or @orphans or @widows when larger.
 */
unsigned
ink__column_floor (unsigned orphans, unsigned widows)
{
  unsigned n = INK_COLUMN_FLOOR_LINES;
  n = orphans > n ? orphans : n;
  return widows > n ? widows : n;
}
