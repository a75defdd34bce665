/* paginate/table.h: a table's rows (tablerow.c) and its size (tablesize.c), for table.c,
 * which builds a table's units and decides where it goes. */
#ifndef INK_PAGINATE_TABLE_H
#define INK_PAGINATE_TABLE_H

#include "layout-internal.h"

/* A table's row as built (tablerow.c): its cells as set, where they stand, its box and rules. */
struct ink__table_row {
  setpara_t *cell[INK_MAX_TABLE_COLUMNS];
  int32_t x[INK_MAX_TABLE_COLUMNS];   /* each cell's left edge from the table's */
  int32_t w[INK_MAX_TABLE_COLUMNS];   /* and its measure */
  char align[INK_MAX_TABLE_COLUMNS];  /* 'l', 'c', 'r' or '-' */
  unsigned n;
  int32_t width, height;              /* the row's box, its rule included */
  int32_t pad;                        /* above and below the text, at least */
  int32_t text_top;                   /* the cells' top below the row's */
  int32_t rule_at;                    /* and the rule's under them */
  bool on_grid;                       /* its top on a step's top of the page's grid */
  int32_t rule;                       /* the rule's thickness */
  int32_t rule_top;                   /* the header's rule above its text, below the row's top */
  bool header;                        /* the table's first row, bold, with a rule above */
  bool blank;                         /* its cells all empty: the first holds a no-break space */
  const struct ink__table_row *head;  /* the header drawn again at a column's top, or NULL */
};
typedef struct ink__table_row row_t;

/* tablerow.c */
/* The height of cell p's lines (0 for an empty cell). */
int32_t ink__cell_height (const setpara_t *p);
ink_status_t ink__make_row (lay_t *L, size_t r, bool header, float head, const int32_t *w,
                            unsigned ncols, int32_t gap, row_t **out);
/* Rows [0, n) of a table in the columns set on the page's grid when they all can be, or
 * (ink__snug_rows) a fraction of a step shorter. */
void ink__grid_rows (const lay_t *L, row_t *const *rows, size_t n);
void ink__snug_rows (const lay_t *L, row_t *const *rows, size_t n);
ink_status_t ink__push_row (lay_t *L, const row_t *row, long block, bool first, bool last,
                            bool keep);

/* table.c */
bool ink__table_led_in (const lay_t *L, size_t row);

/* tablesize.c */
int32_t ink__table_gap (const lay_t *L);
ink_status_t ink__table_measure (lay_t *L, size_t i, size_t j, unsigned ncols, bool *span,
                                 bool *once);
ink_status_t ink__header_fit (lay_t *L, size_t i, size_t j, unsigned ncols, int32_t m,
                              int32_t gap, bool once, float *head, int32_t *w);

#endif
