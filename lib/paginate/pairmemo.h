/* paginate/pairmemo.h: the last page's balance scores of one full page's pair trials
 * (lastpair.c), remembered (pairmemo.c). */
#ifndef INK_PAIRMEMO_H
#define INK_PAIRMEMO_H

#include "layout-internal.h"

/* Last pages remembered at once: a full page's trials end it at two or three starts. */
#define PAIR_MEMO_SLOTS 4

/* One last page scored: where it started, its units from the full page's first as they
 * were then (each paragraph's breaking and count of lines alongside), the balancing asked,
 * and what ink__balance_score gave, with the work it spent. */
typedef struct {
  snap_t at;
  unit_t *units;
  ink__para_opts_t *po;     /* each unit's paragraph's options, zeros for none */
  size_t *lines;            /* each unit's paragraph's lines, 0 for none */
  size_t n, cap;
  bool balancing;
  int64_t last;
  bool even, lone_float;
  uint64_t flows, quote_lines;
} pair_seen_t;

/* The last pages scored from one full page, from its first unit on. */
typedef struct {
  size_t first;
  pair_seen_t seen[PAIR_MEMO_SLOTS];
  unsigned held, next;
} pair_memo_t;

ink_status_t ink__pair_score (lay_t *L, pair_memo_t *m, int32_t step, int64_t *last,
                              bool *even, bool *lone_float);
void ink__pair_memo_free (lay_t *L, pair_memo_t *m);

#endif
