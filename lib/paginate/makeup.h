/* paginate/makeup: how good a page's make-up is, as one number to compare trials by. A pure
 * judgement: no layout state; balance.c sets a page several ways and keeps the one that
 * scores lowest, and tests/unit/test_makeup.c asks it directly.
 *
 *   ink__makeup_cols_t c = { ncols, step, { last baselines }, { lines }, strained, overflow };
 *   int64_t cost = ink__makeup_cost (&c);   lower is better; INK_MAKEUP_REJECT: never take it */
#ifndef INK_MAKEUP_H
#define INK_MAKEUP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define INK_MAKEUP_MAX_COLS 16
#define INK_MAKEUP_REJECT INT64_MAX

typedef struct {
  unsigned ncols;                      /* columns on the page, in reading order */
  int32_t step;                        /* one line step (the grid, or a body line), > 0 */
  int32_t end[INK_MAKEUP_MAX_COLS];    /* each column's last baseline (any unit) */
  size_t lines[INK_MAKEUP_MAX_COLS];   /* lines in each column: 0 is an empty column */
  bool strained;                       /* a widow, orphan or keep rule was let through */
  bool overflow;                       /* not all of the page's content went on the page */
} ink__makeup_cols_t;

int64_t ink__makeup_cost (const ink__makeup_cols_t *c);

#endif
