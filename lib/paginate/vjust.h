/* paginate/vjust.h: a page's columns as pieces (vjpieces.c), for vertical justification
 * (vjust.c), which finds the places in them where space may go and spreads it. */
#ifndef INK_PAGINATE_VJUST_H
#define INK_PAGINATE_VJUST_H

#include "layout-internal.h"

/* What a piece of a column is, for where space may go between pieces; P_NOTE: a line of a
 * table's note (tablenote.c). */
enum { P_TEXT, P_SUBHEAD, P_FLOAT, P_COMMENT, P_RULE, P_TABLE, P_NOTE };

/* A full page's column may end this near its deepest column's baseline rather than on it,
 * in 26.6 units: less than a pixel, the make-up check's tolerance (a float's or a table's
 * last line a fraction of a pixel off the grid). */
#define FULL_TOL 63

/* At most this many pieces of one column are looked at; a column with more is left. */
#define VJ_PIECES 160

typedef struct {
  int32_t top, bot, base;        /* base: the last baseline, INT32_MIN for no line */
  int kind;
  int role;                      /* lines: their role, else -1 */
  long block;
} piece_t;

typedef struct {
  piece_t v[VJ_PIECES];
  size_t n;
  int32_t end;                   /* the column's last baseline, INT32_MIN when it has none */
  int32_t foot;                  /* the lowest ink in it */
  bool whole;                    /* every piece fitted in v */
  bool head_ends;                /* its last piece is a subhead the story's text ends on */
} column_t;

/* The page's body area: columns [x0 of column k, + colw], from body_top to limit. */
typedef struct {
  const lay_t *L;
  const ink__page_t *pg;
  int32_t limit;
  bool text_on;                  /* the article's body goes on past the page */
  bool paras;                    /* a full page's space may go between paragraphs too */
  bool rows_last;                /* a last page set for good: a table's rows may part (vjust.c) */
} area_t;

/* A place in a column where space may go: pieces from `at` down move by `add`. */
typedef struct {
  int32_t y, add;
  bool above_text;               /* body lines sit below it: whole line steps only */
  bool para;                     /* between paragraphs: one line step at most */
} place_t;

/* Space between a table's rows goes at most a ROW_SPACE_DIV-th of a line step at each place
 * (above and under each rule that parts two rows): the rows still read as one table. */
#define ROW_SPACE_DIV 4

/* Column k's lines, pictures and rules, top down. */
void ink__vj_gather (const area_t *a, unsigned k, column_t *c);
/* Moves column k's lines, runs, glyphs, pictures and rules down by the places' space. */
void ink__vj_move_column (const area_t *a, unsigned k, const place_t *p, size_t n);
/* Column k's last baseline, and the page's deepest; the room left under the page once its
 * columns end together (from the lowest ink to the area's limit). */
int64_t ink__vj_page_ends (const area_t *a, int32_t *end, int32_t *deepest);
/* The page's body area, its limit above anything spanning the columns below their top. */
area_t ink__vj_page_area (const lay_t *L, size_t page);
/* A short table held up from its column's foot takes the rest between its rows (tablehold.c). */
void ink__vj_hold_table_rows (const column_t *c, place_t *p, size_t *n, size_t max,
                              int64_t rest, int32_t step);

#endif
