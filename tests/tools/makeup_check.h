/* makeup_check.h: the page model the make-up checker reads from a layout JSON, and the
 * helpers its rule files share (makeup_check.c: pages and columns; makeup_floats.c: floats). */
#ifndef MAKEUP_CHECK_H
#define MAKEUP_CHECK_H

#include <stdbool.h>
#include <stddef.h>

#define TOL 1.0
#define MAX_COLS 16

typedef enum { ITEM_LINE, ITEM_IMAGE, ITEM_RULE } item_kind_t;

typedef struct {
  item_kind_t kind;
  const char *role, *text;
  int block, col; /* col: -1 when the item spans columns or lies outside them */
  double x, y, w, h, base;
  bool rtl, hyphenated, generated;
  bool foot_hyphen;            /* the engine says it found no better break for this column foot */
} item_t;

typedef struct {
  double x, w, top, bottom;
} column_t;

typedef struct {
  int number;
  item_t *items;
  size_t n;
  bool has_grid;
  double origin, step;
  column_t cols[MAX_COLS];
  int ncols;
} page_t;

typedef struct {
  const char *file;
  page_t *pages;
  size_t npages;
  double overflow_blocks, overflow_chars;
  double step; /* the body grid step inferred over the whole document, 0 if none */
  bool rtl;
  int last_text_page; /* index of the last page holding article text */
  unsigned faults;
} doc_t;

static const char *const TEXT_ROLES[] = { "body", "list", "subhead", "blockquote", NULL };

void fault (doc_t *d, const page_t *p, const char *kind, const char *fmt, ...);
bool role_is (const item_t *it, const char *role);
bool role_in (const item_t *it, const char *const *roles);
bool is_float (const item_t *it);
double overlap (double a0, double a1, double b0, double b1);
int rank (const doc_t *d, const page_t *p, int col);
size_t column_lines (const page_t *p, int col, const char *const *roles, size_t *out, size_t cap);
void check_floats (doc_t *d);

#endif
