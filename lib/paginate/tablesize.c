/* paginate/tablesize: the size a table is set at, and where. A table whose figures or words do
 * not fit a column's measure without breaking inside one goes across the columns, or is set
 * smaller (ink__table_measure); one that fits only by breaking a word twice, or at its
 * hyphenation points, is set a little smaller when that keeps its words whole (once_fit,
 * words_fit); a header that breaks a word twice is set a little smaller than the rows under
 * it (ink__header_fit). The columns' widths at each size are tablewidths.c's. */
#include "table.h"
#include "tablewidths.h"

#define MAXC INK_MAX_TABLE_COLUMNS

/* The header's sizes tried, in hundredths of the table style's, down to HEAD_LEAST. */
#define HEAD_STRIDE 5
#define HEAD_LEAST 80

/* Whether cell p breaks a word twice: a line that ends with a hyphen followed by one that
 * holds a single piece of word and ends with a hyphen too ("Beförde-", "rungsfäl-", "le"). */
static bool
broken_twice (const setpara_t *p)
{
  for (size_t k = 1; p && k < p->para.lines.n; k++) {
    const ink__line_t *a = &p->para.lines.v[k - 1], *b = &p->para.lines.v[k];
    if (a->hyphenated && b->hyphenated && !memchr (p->text + b->start, ' ', b->end - b->start))
      return true;
  }
  return false;
}

/* Whether a cell of rows [i, j), set at widths w (the header row's at head times its size),
 * breaks a word twice (*twice). */
static ink_status_t
rows_twice (lay_t *L, size_t i, size_t j, unsigned ncols, float head, const int32_t *w,
            bool *twice)
{
  *twice = false;
  ink_status_t st = INK_OK;
  for (size_t r = i; r < j && st == INK_OK && !*twice; r++) {
    bool header = r == i && L->a->blocks[i].number == 0;
    for (unsigned c = 0; c < ncols && st == INK_OK && !*twice; c++) {
      setpara_t *p;
      if ((st = ink__table_cell (L, &L->a->blocks[r], (long) r, c, header, head, w[c], &p)) ==
          INK_OK)
        *twice = broken_twice (p);
    }
  }
  return st;
}

/* The height of the body rows of rows [i, j) (the header's, row i, left out) set at widths
 * w: the sum of their tallest cells (the rules and padding do not change with the widths),
 * in *h. */
static ink_status_t
body_height (lay_t *L, size_t i, size_t j, unsigned ncols, const int32_t *w, int64_t *h)
{
  *h = 0;
  ink_status_t st = INK_OK;
  for (size_t r = i + 1; r < j && st == INK_OK; r++) {
    int32_t tallest = 0;
    for (unsigned c = 0; c < ncols && st == INK_OK; c++) {
      setpara_t *p;
      if ((st = ink__table_cell (L, &L->a->blocks[r], (long) r, c, false, 1, w[c], &p)) == INK_OK &&
          ink__cell_height (p) > tallest)
        tallest = ink__cell_height (p);
    }
    *h += tallest;
  }
  return st;
}

/* The columns' widths w of rows [i, j) (ink__table_widths) and the header's size *head. A header
 * that breaks a word twice is set as a make-up editor sets it: its words broken once at
 * most, the columns shared again for that (ink__table_widths), at its own size or a little
 * smaller (HEAD_STRIDE hundredths at a time, down to HEAD_LEAST); of these, the size at
 * which no header word breaks twice and the body rows are the shortest, the larger of two
 * that are as short. As first set when none is. With `once`, every row's words break once
 * at most (table_measure found such widths). */
ink_status_t
ink__header_fit (lay_t *L, size_t i, size_t j, unsigned ncols, int32_t m, int32_t gap, bool once,
                 float *head, int32_t *w)
{
  *head = 1;
  ink_status_t st = ink__table_widths (L, i, j, ncols, m, gap, 1,
                                       once ? INK__ONCE_ALL : INK__ONCE_NONE, w, NULL, NULL);
  if (st != INK_OK || L->a->blocks[i].number != 0)
    return st;   /* no header row */
  bool twice;
  if ((st = rows_twice (L, i, i + 1, ncols, 1, w, &twice)) != INK_OK || !twice)
    return st;
  int64_t best = INT64_MAX, h;
  int32_t v[MAXC];
  for (int s = 100; s >= HEAD_LEAST && st == INK_OK; s -= HEAD_STRIDE) {
    float f = (float) s / 100;
    if ((st = ink__table_widths (L, i, j, ncols, m, gap, f, INK__ONCE_HEADER, v, NULL,
                                     NULL)) != INK_OK ||
        (st = rows_twice (L, i, i + 1, ncols, f, v, &twice)) != INK_OK || twice ||
        (st = body_height (L, i, j, ncols, v, &h)) != INK_OK || h >= best)
      continue;
    best = h;
    *head = f;
    memcpy (w, v, ncols * sizeof *w);
  }
  return st;   /* w and *head as first set when no size does */
}

/* The room between a table's columns at its size. */
int32_t
ink__table_gap (const lay_t *L)
{
  return PX (L->t->styles[INK_ROLE_TABLE].size_px * 0.8f * L->table_scale);
}

/* The sizes a table too wide for its measure is tried at, in hundredths of its style's. */
#define TABLE_STRIDE 5
#define TABLE_LEAST 80

/* The least a table's size may be, times its style's: TABLE_LEAST hundredths, or the
 * template's smallest text (a caption's or a credit's size) when that is larger. */
static float
least_scale (const lay_t *L)
{
  float t = L->t->styles[INK_ROLE_TABLE].size_px, f = TABLE_LEAST / 100.0f;
  float a = L->t->styles[INK_ROLE_CAPTION].size_px, b = L->t->styles[INK_ROLE_CREDIT].size_px;
  float small = a < b ? a : b;
  return t > 0 && small / t > f ? small / t : f;
}

/* Whether the table of rows [i, j) fits measure m at its size (L->table_scale) with every
 * row's words broken once at most (*fits): widths for that (INK__ONCE_ALL) with no figure
 * broken, and no cell then breaking a word twice. */
static ink_status_t
fits_once (lay_t *L, size_t i, size_t j, unsigned ncols, int32_t m, bool *fits)
{
  int32_t w[MAXC];
  bool whole = false, twice = true;
  ink_status_t st = ink__table_widths (L, i, j, ncols, m, ink__table_gap (L), 1, INK__ONCE_ALL, w,
                                       &whole, NULL);
  if (st == INK_OK && whole)
    st = rows_twice (L, i, j, ncols, 1, w, &twice);
  *fits = whole && !twice;
  return st;
}

/* A table that fits a column's measure but breaks a word twice in a cell ("Profes-" /
 * "sion-" / "nelle"), set as a make-up editor sets it: its columns shared again so that each
 * word breaks once at most, at its size, then smaller (TABLE_STRIDE hundredths at a time down
 * to least_scale); *once says one of these was found (L->table_scale set for it), else the
 * table stays as it was. (Across the columns, such a table met low in a page's columns
 * waited for the next page's top, leaving a column empty: kiel-faehren.de print-a4.) */
static ink_status_t
once_fit (lay_t *L, size_t i, size_t j, unsigned ncols, bool *once)
{
  float least = least_scale (L);
  ink_status_t st = INK_OK;
  for (int s = 100; s > 0 && st == INK_OK; s -= TABLE_STRIDE) {
    if ((L->table_scale = (float) s / 100) < least - 1e-4f)
      break;
    if ((st = fits_once (L, i, j, ncols, L->colw, once)) != INK_OK || *once)
      return st;
  }
  L->table_scale = 1;
  return st;
}

/* The least size a table is set at to keep its words whole, in hundredths of its style's:
 * smaller, a word broken at a hyphenation point reads better than type a fifth smaller. */
#define WORDS_LEAST 85

/* A table that fits a column's measure (at widths w) only by breaking words at their
 * hyphenation points ("Con-" / "tainers" in a header, "Septem-" / "ber" in a cell) set as a
 * make-up editor sets it: a little smaller (TABLE_STRIDE hundredths at a time down to
 * WORDS_LEAST, or least_scale when that is larger), at the largest size at which each
 * column takes its widest word whole and the rows under the header are no taller than at
 * its size, if one is; else at its size, its words broken as they were. */
static ink_status_t
words_fit (lay_t *L, size_t i, size_t j, unsigned ncols, const int32_t *w)
{
  float least = least_scale (L) > WORDS_LEAST / 100.0f ? least_scale (L) : WORDS_LEAST / 100.0f;
  int32_t v[MAXC];
  int64_t tall = 0, h = 0;
  bool whole = false, words = false;
  ink_status_t st = body_height (L, i, j, ncols, w, &tall);
  for (int s = 100 - TABLE_STRIDE; s > 0 && st == INK_OK; s -= TABLE_STRIDE) {
    if ((L->table_scale = (float) s / 100) < least - 1e-4f)
      break;
    if ((st = ink__table_widths (L, i, j, ncols, L->colw, ink__table_gap (L), 1, INK__ONCE_NONE, v,
                                 &whole, &words)) != INK_OK || !words)
      continue;
    if ((st = body_height (L, i, j, ncols, v, &h)) != INK_OK || h <= tall)
      return st;
  }
  L->table_scale = 1;
  return st;
}

/* The table of rows [i, j) of ncols columns: whether it goes across the columns (*span) and
 * its size, times its style's (L->table_scale). A table whose figures or words do not fit a
 * column's measure without breaking inside one (ink__table_widths' whole) goes across the
 * columns of a page of more than one; there, or in the one column of a page, it is set
 * smaller, TABLE_STRIDE hundredths at a time, down to least_scale, until they fit. One that
 * fits at none of these is set at its own size, with a warning at its first row. One that
 * fits the column but breaks a word of a body row twice is set as once_fit finds (*once);
 * one that fits it breaking words once, as words_fit finds. */
ink_status_t
ink__table_measure (lay_t *L, size_t i, size_t j, unsigned ncols, bool *span, bool *once)
{
  int32_t w[MAXC];
  bool whole = false, twice = false, words = false;
  *span = *once = false;
  L->table_scale = 1;
  ink_status_t st = ink__table_widths (L, i, j, ncols, L->colw, ink__table_gap (L), 1,
                                       INK__ONCE_NONE, w, &whole, &words);
  size_t body = i + (L->a->blocks[i].number == 0);   /* the header's are header_fit's */
  if (st == INK_OK && whole)
    st = rows_twice (L, body, j, ncols, 1, w, &twice);
  if (st != INK_OK || (whole && !twice && words))
    return st;
  if (whole && !twice)
    return words_fit (L, i, j, ncols, w);
  if (whole)
    return once_fit (L, i, j, ncols, once);
  *span = L->ncols > 1;
  int32_t m = *span ? L->right - L->left : L->colw;
  float least = least_scale (L);
  for (int s = *span ? 100 : 100 - TABLE_STRIDE; s > 0 && st == INK_OK; s -= TABLE_STRIDE) {
    if ((L->table_scale = (float) s / 100) < least - 1e-4f)
      break;
    st = ink__table_widths (L, i, j, ncols, m, ink__table_gap (L), 1, INK__ONCE_NONE, w, &whole,
                            NULL);
    if (st != INK_OK || whole)
      return st;
  }
  L->table_scale = 1;
  const ink__block_t *b = &L->a->blocks[i];
  if (!L->table_warned)
    ink__log (L->doc->ctx, INK_LOG_WARNING, "%u:%u: table too wide for the page even at %d%% "
              "of its size: set at its size, its cells break inside words or figures", b->line, b->column,
              (int) (least * 100 + 0.5f));
  L->table_warned = true;
  return st;
}
