/* paginate/even: a full page's make-up search (pages.c), shared with its last tools: the
 * space cuts (evenspace.c) and the pull quote moved into the columns (evenfloat.c). even_t
 * is the page being evened: its snapshot, the best setting found so far (its columns'
 * bottoms and the paragraphs set a line longer or shorter), and what is set now. */
#ifndef INK_EVEN_H
#define INK_EVEN_H

#include "layout-internal.h"

/* At most this many settings of a page's paragraphs a line longer or shorter are tried. */
#define LOOSE_TRIES 12

/* A paragraph set a line longer or shorter than its best, for the page being evened. */
typedef struct {
  size_t ui;
  int loose;
} loose_t;

typedef struct {
  snap_t sn;
  int32_t step, deepest, floor;
  int64_t best_cost;
  size_t best_lines;             /* the lines the best setting holds */
  int32_t best[INK_MAKEUP_MAX_COLS];
  loose_t now[LOOSE_TRIES], kept[LOOSE_TRIES];   /* as set now; in the best setting */
  size_t nnow, nkept;
} even_t;

/* The best setting so far, kept aside while a last resort is tried. */
typedef struct {
  int64_t cost;
  size_t lines, nkept;
  int32_t best[INK_MAKEUP_MAX_COLS];
  loose_t kept[LOOSE_TRIES];
} even_best_t;

/* pages.c */
ink_status_t ink__even_search (lay_t *L, even_t *e, bool *set);
ink_status_t ink__even_try_full (lay_t *L, even_t *e, bool *better);
ink_status_t ink__even_fault (lay_t *L, const even_t *e, bool *fault, bool *clean);
ink_status_t ink__even_set_loose (lay_t *L, even_t *e, size_t ui, int loose, bool *met);
ink_status_t ink__even_keep_loose (lay_t *L, even_t *e);
void ink__even_judge (const lay_t *L, const even_t *e, bool *fault, bool *clean);
even_best_t ink__even_best_of (const even_t *e);
void ink__even_best_back (even_t *e, const even_best_t *b);

/* runtbefore.c */
ink_status_t ink__runt_before (lay_t *L, even_t *e, bool *tried);
size_t ink__runt_rest_text (const lay_t *L, size_t most);
ink_status_t ink__runt_two_on (lay_t *L, const snap_t *sn, const int32_t *bottoms, bool next_up,
                               size_t *lines);
ink_status_t ink__runt_passes_full (lay_t *L, const snap_t *sn, const int32_t *bottoms,
                                    int32_t step, bool *full);

/* runtwhite.c */
ink_status_t ink__runt_white (lay_t *L, even_t *e, bool *tried);

/* evenspace.c */
ink_status_t ink__even_space (lay_t *L, even_t *e);
ink_status_t ink__even_lone (lay_t *L, even_t *e, bool *set);
ink_status_t ink__even_head_flush (lay_t *L, even_t *e);

/* leadfoot.c */
ink_status_t ink__even_lead_in (lay_t *L, even_t *e, bool *set);

/* evenfloat.c */
ink_status_t ink__even_float (lay_t *L, even_t *e, bool far, bool *set);

/* headeven.c */
ink_status_t ink__even_head (lay_t *L, even_t *e, bool *set);
ink_status_t ink__runt_head (lay_t *L, even_t *e, bool *pulled);
ink_status_t ink__head_keeps (lay_t *L, even_t *e, bool *set);

#endif
