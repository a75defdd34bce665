/* paginate/makeup: how good a page's make-up is, as one number to compare trials by. A pure
 * judgement: no layout state; balance.c sets a page several ways and keeps the one that
 * scores lowest, and tests/unit/test_makeup.c asks it directly.
 *
 *   ink__makeup_cols_t c = { ncols, step, { last baselines }, { lines }, strained, overflow };
 *   int64_t cost = ink__makeup_cost (&c);   lower is better; INK_MAKEUP_REJECT: never take it
 *
 * The last page is scored by ink__makeup_cost (it holds the rest of the article), a page the
 * text runs past by ink__makeup_full_cost (the rest goes on the next page). */
#ifndef INK_MAKEUP_H
#define INK_MAKEUP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define INK_MAKEUP_MAX_COLS 16
#define INK_MAKEUP_REJECT INT64_MAX
/* A last page holding this many lines of text or fewer and no float is a runt: the page
 * before is set tighter to take them (runt.c); on a page of several columns, two lines a
 * column or fewer (ink__makeup_runt_lines). */
#define INK_RUNT_LINES 3
/* A last page holding one reader's comment alone, its author and lines, that its columns
 * cannot share evenly (the author stays with the comment's first two lines) is a runt too, up
 * to this many lines (runt.c). */
#define INK_RUNT_COMMENT_LINES 6
/* A last page with fewer lines than this a column that cannot fill them all without letting a
 * widow, orphan or keep rule through may fill fewer, from the first on (ink__balance). */
#define INK_MAKEUP_FEW_LINES 3

typedef struct {
  unsigned ncols;                      /* columns on the page, in reading order */
  int32_t step;                        /* one line step (the grid, or a body line), > 0 */
  int32_t end[INK_MAKEUP_MAX_COLS];    /* each column's last baseline (any unit) */
  size_t lines[INK_MAKEUP_MAX_COLS];   /* lines in each column: 0 is an empty column */
  bool strained;                       /* a widow, orphan or keep rule was let through */
  bool overflow;                       /* not all of the page's content went on the page */
  bool split_float;                    /* a pull quote, related box or caption begins in one
                                        * column and goes on in the next */
  bool late;                           /* a float stands after the end of the text that
                                        * follows it in the article */
  int32_t deepest;                     /* full pages: the lowest last baseline the page can
                                        * have (its columns as first set, to the frame's foot) */
  unsigned lone;                       /* lines make-up let stand alone at a column's foot or
                                        * top (the template's lone-lines) */
  bool lone_float;                     /* one line stands alone under a float (colfit.c) */
  bool cut_list;                       /* a float opens a column inside a list, between
                                        * two of its items or its lead-in and first item
                                        * (listfloat.c) */
  bool hole;                           /* a column's text stops two and a half line steps
                                        * or more above the float under it, the text going
                                        * on in a later column (colhole.c) */
  bool few;                            /* a last page that could fill every column only
                                        * by letting a rule through: with fewer than
                                        * INK_MAKEUP_FEW_LINES lines a column, its last
                                        * columns may stay empty */
  size_t head_lines;                   /* lines of subheads after the first of each: with
                                        * few, a subhead counts as one line (it is not cut
                                        * between columns, and goes with its text) */
  int32_t together;                    /* last baselines at most this far apart end together
                                        * (a float's or a table's last line a fraction of a
                                        * pixel off the grid), and a last page's this much
                                        * past a line step apart still even; 0: only equal */
} ink__makeup_cols_t;

int64_t ink__makeup_spread (const ink__makeup_cols_t *c);
bool ink__makeup_even (const ink__makeup_cols_t *c);
bool ink__makeup_filled (const ink__makeup_cols_t *c);
int64_t ink__makeup_cost (const ink__makeup_cols_t *c);
int64_t ink__makeup_full_cost (const ink__makeup_cols_t *c);
int32_t ink__makeup_short_steps (int64_t room, int32_t step);
size_t ink__makeup_runt_lines (unsigned ncols);

#endif
