/* paginate/colfit: how many lines of a unit go in what is left of a column. A pure decision:
 * no layout state, nothing changed; the flow (flow.c) asks it once for each column a unit
 * reaches, and tests/unit/test_colfit.c asks it directly.
 *
 *   ink__colfit_in_t in = { heights, n, k0, room, orphans, widows };
 *   ink__colfit_t r = ink__colfit (&in);
 *   place lines [k0, k0 + r.fit) here; if (r.more) the rest goes on in the next column. */
#ifndef INK_COLFIT_H
#define INK_COLFIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A line whose box would pass the column's bottom by no more than this (1/64 px) still fits:
 * the grid's origin follows the head's height to a fraction of a pixel, and that fraction
 * must not cost a column its last line. Its ink stays within the frame: a body line's
 * descent room under its baseline is larger by far. One pixel. */
#define INK_COLFIT_SLACK 64

typedef struct {
  const int32_t *heights;  /* the height of each of the unit's lines (any unit, 1/64 px) */
  size_t nlines;           /* how many lines the unit has */
  size_t from;             /* the first line not yet placed: lines before it went in earlier
                            * columns */
  int32_t room;            /* from where line `from` would go to the column's bottom; may be
                            * negative */
  int32_t slack;           /* how far a line's box may pass the bottom and still fit: the
                            * flow passes INK_COLFIT_SLACK (0 in a bare question) */
  unsigned orphans;        /* fewest lines of a unit left at the foot of a column */
  unsigned widows;         /* fewest lines carried to the top of the next */
  unsigned cap_lines;      /* lines beside a drop cap, which the first part keeps together (0) */
  bool unsplittable;       /* all of it in one column, or (in an empty column) as much as fits */
  bool col_empty;          /* nothing is in the column yet: something must go in */
  bool keep_next;          /* what follows must stay with this unit's end on this page */
  int32_t next_height;     /* with keep_next: the height what follows needs after the last line */
  bool under_float;        /* the column's last item is a float's: a unit's first line does
                            * not stand alone under it while the rest goes on, but in a
                            * column of floats alone, rather than leave it without text; a
                            * line from the middle does (the result says alone) */
  bool floats_only;        /* with under_float: the column holds floats and no text */
} ink__colfit_in_t;

typedef struct {
  size_t fit;              /* lines from `from` that go in this column (0: none, break first) */
  bool more;               /* lines are left for the next column */
  bool strained;           /* lines are left and the break is one the rules pushed: the first
                            * part is shorter than orphans (or none of the unit went in), fewer
                            * than widows go on, or the unit is unsplittable. Balancing takes
                            * a column ending so as too short. */
  bool alone;              /* one line goes in alone under a float, the rest going on */
} ink__colfit_t;

ink__colfit_t ink__colfit (const ink__colfit_in_t *in);

/* Whether the first `lines` lines of a unit (all of them when it has fewer) go in at the
 * foot of a column that holds something already, by the rules above: what goes before it
 * (a subhead, a comment's author, a list's lead-in) may stay with it. `in->from` and
 * `in->col_empty` are not read. */
bool ink__colfit_keeps (const ink__colfit_in_t *in, size_t lines);

/* The fewest lines a column of running text stands with on a page that has more than one:
 * fewer, and the columns read as strips (a brief of three lines set two and one, a line a
 * column under a pull quote across the page). At least this many, more when the template's
 * orphans or widows ask more. */
#define INK_COLUMN_FLOOR_LINES 3
unsigned ink__column_floor (unsigned orphans, unsigned widows);

#endif
