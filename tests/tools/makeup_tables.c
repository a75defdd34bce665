/* makeup_tables.c: the split-table rule of the make-up checker. A table is a run of blocks
 * whose lines have the role "table", numbered one after another (its header row the first);
 * where it turns a column, the header row is drawn again above the rows that go on (lines
 * flagged "generated", of the header's block), and nothing stands between its rows: no
 * picture, pull quote or text above the rows that go on in their column, nor under the rows
 * that stop at a column's foot. A short table is not split (split-short-table), and a
 * column does not stop short on a table's rows while the text goes on (table-foot). A
 * cell's figure is never broken across its lines (broken-figure). */
#include <math.h>
#include <stdlib.h>

#include "makeup_check.h"

#define MAX_TABLES 64

typedef struct {
  int first, last;   /* the blocks of its rows, the header's first */
} table_t;

static bool is_table (const item_t *it)
{
  return role_is (it, "table");
}

static int by_int (const void *a, const void *b)
{
  int x = *(const int *) a, y = *(const int *) b;
  return (x > y) - (x < y);
}

/* The tables of the document: runs of consecutive blocks of table lines. */
static size_t find_tables (const doc_t *d, table_t *out)
{
  size_t n = 0, cap = 0;
  int *blocks = NULL;
  for (size_t i = 0; i < d->npages; i++)
    for (size_t j = 0; j < d->pages[i].n; j++) {
      const item_t *it = &d->pages[i].items[j];
      if (!is_table (it) || it->block < 0)
        continue;
      if (n == cap) {
        int *b = realloc (blocks, (cap = cap ? 2 * cap : 64) * sizeof *b);
        if (!b) {
          free (blocks);
          return 0;
        }
        blocks = b;
      }
      blocks[n++] = it->block;
    }
  if (n)
    qsort (blocks, n, sizeof *blocks, by_int);
  size_t nt = 0;
  for (size_t k = 0; k < n; k++) {
    if (nt && blocks[k] <= out[nt - 1].last + 1) {
      out[nt - 1].last = blocks[k];
      continue;
    }
    if (nt == MAX_TABLES)
      break;
    out[nt++] = (table_t) { blocks[k], blocks[k] };
  }
  free (blocks);
  return nt;
}

/* The column item it lies in (by its x extent; generated lines too), or -1. */
static int column_of (const page_t *p, const item_t *it)
{
  for (int c = 0; c < p->ncols; c++)
    if (it->x >= p->cols[c].x - TOL && it->x + it->w <= p->cols[c].x + p->cols[c].w + TOL)
      return c;
  return -1;
}

/* What table t has in column c of page p: its rows' extent, its lowest and highest row, and
 * the top of its header drawn again there (or +inf). */
typedef struct {
  double top, bottom, head_top;
  int low_block, high_block;
  bool any;
} part_t;

static part_t table_part (const page_t *p, int c, const table_t *t)
{
  part_t s = { 1e18, -1e18, 1e18, 1 << 30, -1, false };
  for (size_t j = 0; j < p->n; j++) {
    const item_t *it = &p->items[j];
    if (!is_table (it) || it->block < t->first || it->block > t->last || column_of (p, it) != c ||
        (it->col < 0 && !it->generated))
      continue;
    if (it->generated) {
      if (it->block == t->first && it->y < s.head_top)
        s.head_top = it->y;
      continue;
    }
    s.any = true;
    s.top = it->y < s.top ? it->y : s.top;
    s.bottom = it->y + it->h > s.bottom ? it->y + it->h : s.bottom;
    s.low_block = it->block < s.low_block ? it->block : s.low_block;
    s.high_block = it->block > s.high_block ? it->block : s.high_block;
  }
  return s;
}

static const char *item_name (const item_t *it)
{
  return it->kind == ITEM_IMAGE ? "a picture" : it->role ? it->role : "a line";
}

/* An item of column c, not of table t nor a rule, from y0 to y1 (an item standing between
 * the table's rows), or NULL. */
static const item_t *between (const page_t *p, int c, const table_t *t, double y0, double y1)
{
  for (size_t j = 0; j < p->n; j++) {
    const item_t *it = &p->items[j];
    if (it->kind == ITEM_RULE || column_of (p, it) != c || it->y + it->h <= y0 + TOL ||
        (is_table (it) && it->col < 0 && !it->generated) ||
        it->y >= y1 - TOL || (role_is (it, "header") || role_is (it, "footer")))
      continue;
    if (is_table (it) && it->block >= t->first && it->block <= t->last)
      continue;
    return it;
  }
  return NULL;
}

static void check_part (doc_t *d, const page_t *p, int c, const table_t *t)
{
  part_t s = table_part (p, c, t);
  if (!s.any)
    return;
  const column_t *col = &p->cols[c];
  const item_t *it;
  if (s.low_block > t->first) {
    /* The rows go on here from an earlier column. */
    if (s.head_top > s.top)
      fault (d, p, "split-table", "the table (blocks %d-%d) goes on in column %d without its "
             "header row", t->first, t->last, c + 1);
    double top = s.head_top < s.top ? s.head_top : s.top;
    if ((it = between (p, c, t, col->top, top)))
      fault (d, p, "split-table", "%s (block %d) stands above the rows of the table (blocks "
             "%d-%d) that go on in column %d", item_name (it), it->block, t->first, t->last,
             c + 1);
  }
  if ((it = between (p, c, t, s.top, s.bottom)))
    fault (d, p, "split-table", "%s (block %d) stands between the rows of the table (blocks "
           "%d-%d) in column %d", item_name (it), it->block, t->first, t->last, c + 1);
  if (s.high_block < t->last && (it = between (p, c, t, s.bottom, col->bottom + 1e6)))
    fault (d, p, "split-table", "%s (block %d) stands under the rows of the table (blocks "
           "%d-%d) that go on after column %d", item_name (it), it->block, t->first, t->last,
           c + 1);
}

/* A table of at most this many body rows is short: a make-up editor sets it whole in one
 * column (the engine's TABLE_WHOLE_ROWS). */
#define SHORT_ROWS 6

/* Body rows a short table may turn the page with, at least, on each side, and in all (the
 * engine's TURN_ROWS_KEPT and TURN_ROWS_LEAST, tableturn.c). */
#define TURN_ROWS 2
#define TURN_ROWS_LEAST 5

/* Whether the two parts of table t turn the page: the first ends page i's last column, the
 * second opens page i + 1's first, each with TURN_ROWS body rows or more, TURN_ROWS_LEAST in
 * all (a short table's start set at a page's foot rather than leave the page short, as a
 * tall table's). */
static bool turns_page (const doc_t *d, const table_t *t, size_t i, int c, const part_t *a,
                        size_t k, int e, const part_t *b)
{
  return t->last - t->first >= TURN_ROWS_LEAST && k == i + 1 &&
         rank (d, &d->pages[i], c) == d->pages[i].ncols - 1 && rank (d, &d->pages[k], e) == 0 &&
         a->high_block - t->first >= TURN_ROWS && t->last - b->low_block + 1 >= TURN_ROWS;
}

/* A short table (SHORT_ROWS) split over columns or pages when, whole, it would fit in the
 * column it goes on in: the parts' heights (the header drawn again left out) no more than
 * that column's; but for one that turns the page (turns_page). */
static void check_short_split (doc_t *d, const table_t *t)
{
  int parts = 0, rows = t->last - t->first, c0 = 0, c1 = 0;
  size_t p0 = 0, p1 = 0;
  part_t s0 = { 0 }, s1 = { 0 };
  double whole = 0, room = 0;
  const page_t *at = NULL;
  for (size_t i = 0; i < d->npages; i++)
    for (int c = 0; c < d->pages[i].ncols; c++) {
      part_t s = table_part (&d->pages[i], c, t);
      if (!s.any)
        continue;
      whole += s.bottom - s.top;
      if (parts == 0)
        s0 = s, p0 = i, c0 = c;
      if (parts++ == 1 && s.low_block > t->first) {   /* rows that go on from a column before */
        at = &d->pages[i];
        room = at->cols[c].bottom - at->cols[c].top;
        s1 = s, p1 = i, c1 = c;
      }
    }
  if (at && rows <= SHORT_ROWS && whole <= room + TOL &&
      !(parts == 2 && turns_page (d, t, p0, c0, &s0, p1, c1, &s1)))
    fault (d, at, "split-short-table", "the table (blocks %d-%d, %d rows) is split over %d "
           "columns; whole, its %.2f px fit a column of %.2f px", t->first, t->last, rows,
           parts, whole, room);
}

/* The lowest edge of column c's own items (its table's rules too), or -inf. */
static double own_low (const page_t *p, int c, const item_t **last)
{
  double low = -INFINITY;
  *last = NULL;
  for (size_t j = 0; j < p->n; j++) {
    const item_t *it = &p->items[j];
    bool in = it->kind == ITEM_RULE ? it->w <= p->cols[c].w + TOL && column_of (p, it) == c
                                    : it->col == c && !it->generated;
    if (!in || it->y + it->h <= low)
      continue;
    low = it->y + it->h;
    if (it->kind != ITEM_RULE)
      *last = it;
  }
  return low;
}

/* Column text (body, lists, subheads) stands in a column of page i after the column of rank
 * r, or on a later page. */
static bool text_goes_on (const doc_t *d, size_t i, int r)
{
  for (size_t k = i; k < d->npages; k++)
    for (size_t j = 0; j < d->pages[k].n; j++) {
      const item_t *it = &d->pages[k].items[j];
      if (!it->generated && role_in (it, TEXT_ROLES) &&
          (k > i || (it->col >= 0 && rank (d, &d->pages[k], it->col) > r)))
        return true;
    }
  return false;
}

/* A column that ends in a table's rows more than a line step short of where it could end
 * (the frame's foot on a page the text runs past, the deepest column on the text's last
 * page) while the text goes on after it: rows held back for the next column leave a hole
 * the text after the table cannot come up into. */
static void check_table_foot (doc_t *d, size_t i)
{
  const page_t *p = &d->pages[i];
  double step = p->has_grid ? p->step : d->step, deepest = -INFINITY;
  const item_t *last;
  for (int c = 0; c < p->ncols; c++)
    deepest = fmax (deepest, own_low (p, c, &last));
  for (int c = 0; c < p->ncols && step > TOL; c++) {
    double low = own_low (p, c, &last);
    double foot = (int) i < d->last_text_page ? p->cols[c].bottom : deepest;
    if (last && is_table (last) && foot - low > step + TOL && text_goes_on (d, i, rank (d, p, c)))
      fault (d, p, "table-foot", "column %d ends in the rows of a table (block %d) %.2f line "
             "steps short of its foot, and the text goes on", rank (d, p, c) + 1, last->block,
             (foot - low) / step);
  }
}

void check_tables (doc_t *d)
{
  table_t tables[MAX_TABLES];
  size_t nt = find_tables (d, tables);
  for (size_t i = 0; i < d->npages; i++)
    for (int c = 0; c < d->pages[i].ncols; c++)
      for (size_t k = 0; k < nt; k++)
        check_part (d, &d->pages[i], c, &tables[k]);
  for (size_t k = 0; k < nt; k++)
    check_short_split (d, &tables[k]);
  for (size_t i = 0; i < d->npages; i++)
    check_table_foot (d, i);
}

/* The last code point of UTF-8 text s (0 for an empty one), and the one before it (*before,
 * 0 for none). */
static unsigned last_cp (const char *s, unsigned *before)
{
  unsigned c = 0, b = 0;
  while (s && *s) {
    b = c;
    c = mk_next_cp (&s);
  }
  if (before)
    *before = b;
  return c;
}

/* A digit of any script (ASCII, Arabic-Indic, Extended Arabic-Indic, Devanagari, Bengali). */
static bool is_digit_cp (unsigned c)
{
  return (c >= '0' && c <= '9') || (c >= 0x660 && c <= 0x669) || (c >= 0x6F0 && c <= 0x6F9) ||
         (c >= 0x966 && c <= 0x96F) || (c >= 0x9E6 && c <= 0x9EF);
}

/* What goes inside a figure: a digit, or its separators and signs (",", ".", "%", "٫", "٬",
 * and the no-break, figure, thin and narrow no-break spaces that group its digits). A word
 * space is not one: "1, 5, 9, 10" is a list of figures. */
static bool in_figure_cp (unsigned c)
{
  return is_digit_cp (c) || c == ',' || c == '.' || c == '%' || c == 0x66B || c == 0x66C ||
         c == 0xA0 || c == 0x2007 || c == 0x2009 || c == 0x202F;
}

/* The line of the same cell as table line a right under it (same block, the x extents
 * overlapping, its top where a's box ends), or NULL. */
static const item_t *next_in_cell (const page_t *p, const item_t *a)
{
  for (size_t j = 0; j < p->n; j++) {
    const item_t *b = &p->items[j];
    if (b != a && b->kind == ITEM_LINE && is_table (b) && b->block == a->block &&
        b->generated == a->generated && overlap (a->x, a->x + a->w, b->x, b->x + b->w) > 0 &&
        b->y > a->y + TOL && fabs (b->y - (a->y + a->h)) <= 2 * TOL)
      return b;
  }
  return NULL;
}

void check_broken_figures (doc_t *d, const page_t *p)
{
  for (size_t j = 0; j < p->n; j++) {
    const item_t *a = &p->items[j], *b;
    unsigned before = 0, last = a->text ? last_cp (a->text, &before) : 0;
    /* a separator ends a figure's piece only after a digit ("1," but "adults,"), and a
     * line broken at a word space ends a word ("9," / "10" of "1, 5, 9, 10") */
    if (a->kind != ITEM_LINE || !is_table (a) || a->hyphenated || a->space_after ||
        !in_figure_cp (last) ||
        (!is_digit_cp (last) && !is_digit_cp (before)) || !(b = next_in_cell (p, a)) ||
        !b->text)
      continue;
    const char *t = b->text;
    unsigned first = mk_next_cp (&t);
    if (is_digit_cp (last) ? in_figure_cp (first) : is_digit_cp (first))
      fault (d, p, "broken-figure", "a figure of the table (block %d) is broken across lines: "
             "\"%s\" / \"%s\"", a->block, a->text, b->text);
  }
}
