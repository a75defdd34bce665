/* paginate/tablewidths.h: a table's cells and its columns' widths (tablewidths.c), for
 * table.c. */
#ifndef INK_PAGINATE_TABLEWIDTHS_H
#define INK_PAGINATE_TABLEWIDTHS_H

#include "layout-internal.h"

/* Sets cell c of table row block b (block index bi) at measure w: bold in the header row, its
 * size and leading times head (1 for the style's own) and L->table_scale; *out NULL for an
 * empty cell. */
ink_status_t ink__table_cell (lay_t *L, const ink__block_t *b, long bi, unsigned c, bool header,
                              float head, int32_t w, setpara_t **out);

/* The first cell of a row whose cells are all empty, set as one blank line (a no-break space). */
ink_status_t ink__table_blank_cell (lay_t *L, long bi, bool header, float head, int32_t w,
                                    setpara_t **out);

/* Which rows' words a column must let break once at most: none (a word may break at each
 * of its hyphenation points), the header's, or every row's. */
typedef enum { INK__ONCE_NONE, INK__ONCE_HEADER, INK__ONCE_ALL } ink__once_t;

/* The widths w of the ncols columns of rows [i, j) within measure m, gap between them; *whole
 * (nullable) says whether no cell then breaks inside a word or figure without a hyphenation
 * point (nor, with INK__ONCE_ALL, a word twice), *words (nullable) whether no word breaks at
 * all. */
ink_status_t ink__table_widths (lay_t *L, size_t i, size_t j, unsigned ncols, int32_t m,
                                int32_t gap, float head, ink__once_t once, int32_t *w,
                                bool *whole, bool *words);

#endif
