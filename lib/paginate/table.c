/* paginate/table: a GFM table set as a table. Each cell is a paragraph in the "table" style
 * (the header row's bold), aligned as the delimiter row says; each row is one unit that
 * the flow places whole (a row never splits across columns), so a table taller than a
 * column breaks between rows, and the header row is drawn again at the top of the next
 * column; a short one is never split, and is a float (short_float). Thin
 * rules go above the header, under it, and under every row.
 *
 *   | Item   | 2023 | 2024 |        header row (row 0 of the article's table rows)
 *   |:-------|-----:|-----:|        'l', 'r', 'r'
 *   | Schools|  4.1 |  4.6 |
 *
 * The columns' widths come from their content (tablewidths.c): each cell is set once on one
 * line, and the columns get their natural widths plus an equal share of the room left in the
 * column's measure; a table too wide for the measure shares it in proportion to the natural
 * widths, and its cells wrap. One whose figures or words would break inside goes across the
 * columns, or is set smaller (table_measure). Columns run right to left in a right-to-left
 * article. A short table's float, or one's across the columns, takes the italic note under
 * it (tablenote.c). */
#include "layout-internal.h"
#include "colfit.h"
#include "tablewidths.h"

#define MAXC INK_MAX_TABLE_COLUMNS

struct ink__table_row {
  setpara_t *cell[MAXC];
  int32_t x[MAXC];                    /* each cell's left edge from the table's */
  int32_t w[MAXC];                    /* and its measure */
  char align[MAXC];                   /* 'l', 'c', 'r' or '-' */
  unsigned n;
  int32_t width, height;              /* the row's box, its rule included */
  int32_t pad;                        /* above and below the text, at least */
  int32_t text_top;                   /* the cells' top below the row's */
  int32_t rule_at;                    /* and the rule's under them */
  bool on_grid;                       /* its top on a step's top of the page's grid */
  int32_t rule;                       /* the rule's thickness */
  int32_t rule_top;                   /* the header's rule above its text, below the row's top */
  bool header;                        /* the table's first row, bold, with a rule above */
  const struct ink__table_row *head;  /* the header drawn again at a column's top, or NULL */
};
typedef struct ink__table_row row_t;

/* Line k of a cell placed as its column aligns it. */
static void
align_cell (setpara_t *p, char align, int32_t w)
{
  for (size_t k = 0; p && k < p->para.lines.n; k++) {
    ink__line_t *ln = &p->para.lines.v[k];
    if (align == 'r')
      ln->left = w - ln->width;
    else if (align == 'c')
      ln->left = (w - ln->width) / 2;
    else if (align == 'l')
      ln->left = 0;
  }
}

static int32_t
cell_height (const setpara_t *p)
{
  return p ? ink__lines_height (p, 0, p->para.lines.n) : 0;
}

/* The last baseline of cell p below its top (0 for an empty cell). */
static int32_t
cell_baseline (const setpara_t *p)
{
  size_t n = p ? p->para.lines.n : 0;
  return n ? ink__lines_height (p, 0, n - 1) + ink__line_baseline (p, &p->para.lines.v[n - 1]) : 0;
}

/* The last baseline of row's cells below their top, and how far they reach under it. */
static int32_t
row_baseline (const row_t *row, int32_t *depth)
{
  int32_t base = 0, tallest = row->height - row->text_top - row->pad - row->rule;
  for (unsigned c = 0; c < row->n; c++)
    if (cell_baseline (row->cell[c]) > base)
      base = cell_baseline (row->cell[c]);
  *depth = tallest - base;
  return base;
}

/* How far row's rule goes into the step under the row's when the row is on the grid
 * (grid_row): INK_RULE_CLEAR under the text and its thickness, past what a body line's
 * baseline leaves under it, drop. */
static int32_t
rule_over (const row_t *row, int32_t drop)
{
  int32_t depth;
  row_baseline (row, &depth);
  int32_t least = depth + INK_RULE_CLEAR + row->rule;
  return least > drop ? least - drop : 0;
}

/* Row on the page's baseline grid, as a body line is: its height g->height a whole number of
 * line steps and its cells' last baseline as far over its foot as a body line's baseline is
 * over its step's foot (drop). A row starting on a step's top (ink__row_top) then ends its
 * text on a baseline of the grid, so a column ending in a table ends on the baseline its
 * neighbours end on, and the text after the table goes on on the grid. What the steps add
 * goes above the text, which keeps INK_RULE_CLEAR under the rule over it (the header's own,
 * or the row above's, `above` into the step); its rule goes its pad under the text, or less,
 * INK_RULE_CLEAR at least, into the next step's top if it must, as a descender does. False
 * when that would take more than half a step over the row's own height. */
static bool
grid_row (const lay_t *L, const row_t *row, int32_t above, row_t *g)
{
  int32_t depth, base = row_baseline (row, &depth), drop = L->grid - L->grid_base;
  int32_t top = (row->header ? row->rule : above) + INK_RULE_CLEAR;
  int64_t steps = ((int64_t) top + base + drop + L->grid - 1) / L->grid;
  if (base <= 0 || steps * L->grid > row->height + L->grid / 2)
    return false;
  *g = *row;
  g->height = (int32_t) (steps * L->grid);
  g->text_top = g->height - drop - base;
  int32_t room = drop - depth - row->rule;   /* for the pad under the text */
  room = room < row->pad ? room : row->pad;
  g->rule_at = g->text_top + depth + base + (room > INK_RULE_CLEAR ? room : INK_RULE_CLEAR);
  /* The header's rule halves the white the steps add above its text: at the row's top it
   * stood on the foot of the body line over the table, as if underlining it. */
  int32_t spare = row->header ? g->text_top - row->rule - INK_RULE_CLEAR : 0;
  g->rule_top = spare > 0 ? spare / 2 : 0;
  g->on_grid = true;
  return true;
}

/* Sets rows [0, n) of a table in the columns on the page's grid (grid_row) when every one of
 * them can be, a rule going no further into the step under its row than a row's pad, and
 * the table is no taller for it: a taller table kept its header and first rows from the
 * foot of a page whose columns they filled (kiosk-7.5's budget table, whole steps of 30 px
 * for rows of 29). */
static void
grid_rows (const lay_t *L, row_t *const *rows, size_t n)
{
  int32_t drop = L->grid - L->grid_base, above = 0;
  if (L->grid <= 0 || L->span_build || drop < 0)
    return;
  for (size_t r = 0; r < n; r++) {
    int32_t over = rule_over (rows[r], drop);
    if (over > rows[r]->pad)
      return;
    above = over > above ? over : above;
  }
  row_t g;
  int64_t was = 0, now = 0;
  for (size_t r = 0; r < n; r++) {
    if (!grid_row (L, rows[r], above, &g))
      return;
    was += rows[r]->height;
    now += g.height;
  }
  if (now > was)
    return;
  for (size_t r = 0; r < n; r++)
    if (grid_row (L, rows[r], above, &g))
      *rows[r] = g;
}

/* Rows [0, n) of a table in the columns that are not on the grid (grid_rows declined them)
 * but are taller than a whole number of line steps by a quarter of their pads or less give
 * that up, half above the text and half under it: a row a fraction of a pixel over two steps
 * did not fit the two steps a column had left under the rows above it, and the column ended
 * two steps short (kiosk-7.5's ferry table, rows of 48.25 px in steps of 24). */
static void
snug_rows (const lay_t *L, row_t *const *rows, size_t n)
{
  if (L->grid <= 0 || L->span_build)
    return;
  for (size_t r = 0; r < n; r++) {
    row_t *row = rows[r];
    int32_t over = row->height % L->grid;
    if (row->on_grid || row->height < L->grid || over == 0 || over > row->pad / 2)
      continue;
    row->height -= over;
    row->text_top -= over / 2;
    row->rule_at = row->height - row->rule;
  }
}

/* Row r of the table at block i: its cells set at the columns' widths. */
static ink_status_t
make_row (lay_t *L, size_t r, bool header, float head, const int32_t *w, unsigned ncols,
          int32_t gap, row_t **out)
{
  const ink__block_t *b = &L->a->blocks[r];
  row_t *row = ink__alloc (L->ctx, sizeof *row);
  if (!row || !ink__vec_push (L->ctx, &L->rows, row)) {
    ink__free (L->ctx, row, sizeof *row);
    return oom (L);
  }
  *out = row;
  row->n = ncols;
  row->header = header;
  row->pad = PX (L->t->styles[INK_ROLE_TABLE].size_px * 0.25f * L->table_scale);
  row->rule = PX (header ? 1.5f : 0.75f);
  row->rule_top = 0;
  int32_t x = 0, tallest = 0;
  for (unsigned c = 0; c < ncols; c++) {
    row->x[c] = x;
    row->w[c] = w[c];
    row->align[c] = b->align && c < strlen (b->align) ? b->align[c] : '-';
    x += w[c] + gap;
    ink_status_t st = ink__table_cell (L, b, (long) r, c, header, head, w[c], &row->cell[c]);
    if (st != INK_OK)
      return st;
    align_cell (row->cell[c], row->align[c], w[c]);
    if (cell_height (row->cell[c]) > tallest)
      tallest = cell_height (row->cell[c]);
  }
  row->width = x - gap;
  row->height = tallest + 2 * row->pad + row->rule + (header ? row->rule : 0);
  row->text_top = row->pad + (header ? row->rule : 0);
  row->rule_at = row->height - row->rule;
  return INK_OK;
}

/* Body rows that go with the header into a column, at least. (Keeping the last rows
 * together as well left more full pages uneven and last pages unbalanced in the samples
 * than it mended: a long table is not a float, and the text after it cannot fill the gap.) */
enum { TABLE_ROWS_KEPT = 2 };

/* A table of at most this many body rows is never split: split, one part holds three rows
 * or fewer, too few to read as a table, under a header drawn again. Such a table is a
 * float (short_float), so that the text after it fills the column it does not fit in. */
enum { TABLE_WHOLE_ROWS = 6 };

/* Whether row idx of a table of n rows (the first a header or not) goes with the next one
 * into a column: a break never leaves the table's first rows with fewer than
 * TABLE_ROWS_KEPT body rows, and a short table (TABLE_WHOLE_ROWS) keeps all of them. */
static bool
row_keeps (size_t idx, size_t n, bool header)
{
  size_t first = header ? 1 : 0;
  if (n - first <= TABLE_WHOLE_ROWS)
    return idx + 1 < n;
  return idx + 1 < n && idx < first + TABLE_ROWS_KEPT - 1;
}

static ink_status_t
push_row (lay_t *L, const row_t *row, long block, bool first, bool last, bool keep)
{
  const ink__style_t *s = &L->t->styles[INK_ROLE_TABLE];
  unit_t u = { 0 };
  u.kind = U_ROW;
  u.row = row;
  u.w = row->width;
  u.h = row->height;
  u.block = block;
  u.keep_with_next = keep;
  u.space_before = first ? PX (s->space_before_px) : 0;
  u.space_after = last ? PX (s->space_after_px) : 0;
  u.placed_page = SIZE_MAX;
  u.met_page = SIZE_MAX;
  u.span = L->span_build;
  return ink__vec_push (L->ctx, &L->units, u) ? INK_OK : oom (L);
}

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
          cell_height (p) > tallest)
        tallest = cell_height (p);
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
static ink_status_t
header_fit (lay_t *L, size_t i, size_t j, unsigned ncols, int32_t m, int32_t gap, bool once,
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
static int32_t
table_gap (const lay_t *L)
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
  ink_status_t st = ink__table_widths (L, i, j, ncols, m, table_gap (L), 1, INK__ONCE_ALL, w,
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
    if ((st = ink__table_widths (L, i, j, ncols, L->colw, table_gap (L), 1, INK__ONCE_NONE, v,
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
static ink_status_t
table_measure (lay_t *L, size_t i, size_t j, unsigned ncols, bool *span, bool *once)
{
  int32_t w[MAXC];
  bool whole = false, twice = false, words = false;
  *span = *once = false;
  L->table_scale = 1;
  ink_status_t st = ink__table_widths (L, i, j, ncols, L->colw, table_gap (L), 1,
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
    st = ink__table_widths (L, i, j, ncols, m, table_gap (L), 1, INK__ONCE_NONE, w, &whole,
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

/* Units [u0, units.n), a table's rows set across the columns, made one float. */
static void
span_float (lay_t *L, size_t u0)
{
  if (L->units.n <= u0)
    return;
  L->units.v[u0].float_len = (unsigned) (L->units.n - u0);
  for (size_t k = u0; k < L->units.n; k++)
    L->units.v[k].keep_with_next = false;
}

/* A lead-in of at most this many lines goes with the short table it introduces. */
enum { TABLE_LEAD_IN_LINES = 3 };

/* A lead-in of at most this many lines, too long to go with its table, ends its column when
 * the table waits (ink__lead_in_left). */
enum { TABLE_LEAD_IN_LEFT_LINES = 6 };

/* Whether block j is a table's lead-in: a paragraph ending on a colon right before the
 * table's rows ("The council published the timetable:"). */
static bool
table_lead_in (const ink_article_t *a, size_t j)
{
  if (j + 1 >= a->nblocks || a->blocks[j].kind != INK_BLOCK_PARAGRAPH ||
      a->blocks[j + 1].kind != INK_BLOCK_TABLE_ROW)
    return false;
  const ink__block_t *b = &a->blocks[j];
  size_t n = b->text_len;
  while (n && (b->text[n - 1] == ' ' || b->text[n - 1] == '\n'))
    n--;
  return (n >= 1 && b->text[n - 1] == ':') ||
         (n >= 3 && !memcmp (b->text + n - 3, "\xEF\xBC\x9A", 3));   /* U+FF1A */
}

/* Whether unit u is the lead-in of the short table at block i, short enough to go with it,
 * on a page of columns: there the text after a table that waits would fill the column under
 * the lead-in. A page of one column sends the table to the next page, its lead-in ending this
 * one, and a float of the two would leave more of the page white. */
static bool
lead_in (const lay_t *L, const unit_t *u, size_t i)
{
  return L->ncols > 1 && u && u->kind == U_PARA && u->p && u->p->role == INK_ROLE_BODY && !u->float_len &&
         i > 0 && u->block == (long) i - 1 && u->p->para.lines.n <= TABLE_LEAD_IN_LINES &&
         table_lead_in (L->a, i - 1);
}

/* Units [u0, units.n), the rows of a short table (TABLE_WHOLE_ROWS) at block i in a
 * column, made one float with its lead-in or the subhead right over it: where the table does
 * not fit whole
 * under the text, it waits for the next column's top (or the place floats.c finds) and the
 * text after it fills the column, as a make-up editor sets a short table rather than split
 * it or leave a hole under the text. On a page of one column too: kept whole but not a
 * float, a timetable of six rows went to the next page and left two thirds of a reader-6
 * page white. Its rows keep with each other (row_keeps), so that no setting of a last page
 * splits it. */
static void
short_float (lay_t *L, size_t i, size_t u0)
{
  if (L->units.n <= u0)
    return;
  const unit_t *h = u0 ? &L->units.v[u0 - 1] : NULL;
  if (lead_in (L, h, i)) {
    u0--;   /* the text after the table never comes between it and its lead-in */
    h = u0 ? &L->units.v[u0 - 1] : NULL;
    i--;
  }
  if (h && h->kind == U_PARA && h->p && h->p->role == INK_ROLE_SUBHEAD &&
      h->block == (long) i - 1 && !h->float_len)
    u0--;
  L->units.v[u0].float_len = (unsigned) (L->units.n - u0);
}

/* The subhead just before the table at block i, when its unit is the last one built, set
 * again across the columns to go with the table there: a head stays over its table. */
static ink_status_t
span_subhead (lay_t *L, size_t i, bool *moved)
{
  *moved = false;
  unit_t *u = L->units.n ? &L->units.v[L->units.n - 1] : NULL;
  if (!u || i == 0 || u->kind != U_PARA || !u->p || u->p->role != INK_ROLE_SUBHEAD ||
      u->block != (long) i - 1 || u->float_len)
    return INK_OK;
  const ink__block_t *b = &L->a->blocks[i - 1];
  L->units.n--;   /* its paragraph stays in L->paras, which frees it */
  *moved = true;
  setpara_opts_t opts = { 0 };
  opts.balance = true;
  return ink__add_para_unit (L, INK_ROLE_SUBHEAD, (long) i - 1, NULL, b->text, b->text_len,
                             NULL, b->spans, b->nspans, 0, true, false, &opts);
}

/**
 * ink__add_table:
 * @L: the layout
 * @i: the first row's block; receives the last row's
 *
 * The units of the table whose rows start at block *i: a table is the rows that follow one
 * another up to the next header row (row 0). One too wide for a column goes across the
 * columns as a float (table_measure), placed whole where a pull quote across them would be.
 */
ink_status_t
ink__add_table (lay_t *L, size_t *i)
{
  const ink_article_t *a = L->a;
  size_t j = *i + 1;
  while (j < a->nblocks && a->blocks[j].kind == INK_BLOCK_TABLE_ROW && a->blocks[j].number)
    j++;
  unsigned ncols = a->blocks[*i].level;
  if (ncols > MAXC)
    ncols = MAXC;
  if (ncols == 0) {
    *i = j - 1;
    return INK_OK;
  }
  bool span, once;
  ink_status_t st = table_measure (L, *i, j, ncols, &span, &once);
  L->span_build = span;
  int32_t m = L->span_build ? L->right - L->left : L->colw;
  int32_t gap = table_gap (L), w[MAXC];
  float size;
  if (st == INK_OK)
    st = header_fit (L, *i, j, ncols, m, gap, once, &size, w);
  size_t r0 = L->rows.n, u0 = L->units.n;
  bool moved = false;
  if (st == INK_OK && span && (st = span_subhead (L, *i, &moved)) == INK_OK && moved)
    u0--;
  for (size_t r = *i; r < j && st == INK_OK; r++) {
    row_t *row = NULL;
    bool header = r == *i && a->blocks[r].number == 0;
    if ((st = make_row (L, r, header, size, w, ncols, gap, &row)) == INK_OK)
      row->head = header || span ? NULL : L->rows.v[r0];
  }
  if (st == INK_OK)
    grid_rows (L, L->rows.v + r0, j - *i);
  if (st == INK_OK)
    snug_rows (L, L->rows.v + r0, j - *i);
  bool header = st == INK_OK && L->rows.v[r0]->header;
  for (size_t r = *i; r < j && st == INK_OK; r++)
    st = push_row (L, L->rows.v[r0 + (r - *i)], (long) r, r == *i, r + 1 == j,
                   row_keeps (r - *i, j - *i, header));
  bool whole = !span && j - *i - (header ? 1 : 0) <= TABLE_WHOLE_ROWS, note = false;
  if (st == INK_OK && (whole || span))
    st = ink__add_table_note (L, j, &note);
  if (st == INK_OK && whole)
    short_float (L, *i, u0);
  if (st == INK_OK && span)
    span_float (L, u0);
  L->span_build = false;
  L->table_scale = 1;
  *i = j - 1 + (note ? 1 : 0);
  return st;
}

/* At most this many units back from the text after a short table its first row is looked
 * for (ink__lead_in_left): a short table has TABLE_WHOLE_ROWS body rows and a header. */
enum { LEAD_IN_LOOK_BACK = 16 };

/**
 * ink__lead_in_left:
 * @L: the layout, the flow at unit @ui, the first unit of text after a short table
 *
 * On a page of one column a short table's lead-in is no part of its float (lead_in), nor on
 * columns one too long for it: when the table waits in the queue and the lead-in is the last
 * thing set in the page's last column, the text after the table would go right under the
 * colon and the reader would turn the page to meet the table after it. The column breaks
 * there instead: the lead-in ends the page and the table, after the floats queued before it,
 * opens the next, as where the text after it did not fit either. A column before the last
 * is left to the flow (broken there, a last page's balancing lost the setting that takes
 * the table under its lead-in at a lower bottom).
 *
 * Return value: whether the column breaks before unit @ui.
 */
bool
ink__lead_in_left (const lay_t *L, size_t ui)
{
  if (L->in_float || L->col_empty || L->pending == NO_FLOAT || ui < 2 || ui >= L->units.n ||
      L->col + 1 < L->ncols)
    return false;
  size_t t = ui;
  for (size_t j = ui - 1; j > 0 && ui - j <= LEAD_IN_LOOK_BACK; j--)
    if (L->units.v[j].float_len) {
      t = j;
      break;
    }
  if (t == ui || t + L->units.v[t].float_len != ui || L->pending > t ||
      L->units.v[t].kind != U_ROW || L->units.v[t].span)
    return false;
  const unit_t *h = &L->units.v[t - 1];
  return h->kind == U_PARA && h->p && h->p->role == INK_ROLE_BODY && !h->float_len &&
         h->block >= 0 && h->block + 1 == L->units.v[t].block &&
         h->p->para.lines.n <= (L->ncols > 1 ? TABLE_LEAD_IN_LEFT_LINES : TABLE_LEAD_IN_LINES) &&
         table_lead_in (L->a, (size_t) h->block);
}

/* The float at the head of the queue is a short table (short_float) that does not fit whole
 * in the column from the flow's place under the head or a float across the columns: it waits
 * for a column that takes it whole. Flowed there, it is split by its rows' keeps, the header
 * alone at one column's foot (moorland-fire kiosk-7.5 p5 set it header, header and a row,
 * then three rows over three columns under a pull quote across the page). In a column from
 * the page's top it waits only when a balanced foot cut it short: a trial of the last page
 * split a three-row table, its header alone in the first column (held-out chiangrai-coffee.th
 * kiosk-7.5, with Thai set tighter). */
bool
ink__table_waits (const lay_t *L)
{
  size_t q = L->pending;
  if (q == NO_FLOAT)
    return false;
  size_t first = q;
  while (first < q + L->units.v[q].float_len && L->units.v[first].kind != U_ROW)
    first++;   /* the subhead over it */
  if (first >= L->units.n || L->units.v[first].kind != U_ROW || L->units.v[first].span)
    return false;
  int64_t y = ink__float_y (L, q);
  int32_t slack = ink__row_slack (&L->units.v[first]);
  if (ink__float_fits (L, q, y, L->col_bottom + slack))
    return false;
  /* A column from the page's top takes it as well as any: flowed, unless the column's foot
   * is only a balanced one, raised over the frame's, that it would fit above. */
  return !ink__whole_column (L) ||
         (L->col_bottom < L->bottom && ink__float_fits (L, q, y, L->bottom + slack));
}

bool
ink__row_continues (const lay_t *L, size_t ui)
{
  return ui < L->units.n && L->units.v[ui].kind == U_ROW && L->units.v[ui].row->head;
}

/* Where row unit u goes when the flow is at y: on a step's top of the page's grid when the
 * row is set on it (grid_row). */
int32_t
ink__row_top (const lay_t *L, const unit_t *u, int32_t y)
{
  if (!u->row->on_grid || y <= L->col_top)
    return y;
  int64_t k = ((int64_t) y - L->col_top + L->grid - 1) / L->grid;
  return (int32_t) (L->col_top + k * L->grid);
}

/* How far past a column's foot unit u may reach: a table's row as far as a body line
 * (INK_COLFIT_SLACK: a row off the grid ends in its pad's white too), 0 for any other unit. */
int32_t
ink__row_slack (const unit_t *u)
{
  return u->kind == U_ROW ? INK_COLFIT_SLACK : 0;
}

/* The height row unit u takes at the flow's place: with the header again at a column's top. */
int32_t
ink__row_height (const lay_t *L, const unit_t *u)
{
  const row_t *row = u->row;
  return u->h + (L->col_empty && row->head ? row->head->height : 0);
}

static ink_status_t
emit_one (lay_t *L, const row_t *row, int32_t x, int32_t y)
{
  ink_status_t st = INK_OK;
  if (row->header)
    st = ink__emit_rule (L, x, y + row->rule_top, row->width, row->rule);
  int32_t top = y + row->text_top;
  for (unsigned c = 0; c < row->n && st == INK_OK; c++) {
    const setpara_t *p = row->cell[c];
    int32_t cx = L->rtl ? x + row->width - row->x[c] - row->w[c] : x + row->x[c], cy = top;
    for (size_t k = 0; p && k < p->para.lines.n && st == INK_OK; k++) {
      st = ink__emit_line (L, p, k, cx, cy);
      cy += ink__line_height (p, &p->para.lines.v[k]);
    }
  }
  if (st == INK_OK)
    st = ink__emit_box (L, INK_ITEM_RULE, NULL, x, y + row->rule_at, row->width,
                        row->rule, 0, -1);
  return st;
}

/* Draws row unit u at x, y: the header first when the row opens a column. */
ink_status_t
ink__emit_row (lay_t *L, const unit_t *u, int32_t x, int32_t y)
{
  const row_t *row = u->row;
  if (L->col_empty && row->head) {
    size_t l0 = L->doc->lines.n;
    ink_status_t st = emit_one (L, row->head, x, y);
    if (st != INK_OK)
      return st;
    for (size_t l = l0; l < L->doc->lines.n; l++)
      L->doc->lines.v[l].generated = true;   /* the header again: the page's, not the text */
    y += row->head->height;
  }
  return emit_one (L, row, x, y);
}

/* The characters of row unit u, for the overflow count. */
size_t
ink__row_chars (const unit_t *u)
{
  size_t n = 0;
  for (unsigned c = 0; c < u->row->n; c++) {
    const setpara_t *p = u->row->cell[c];
    for (size_t b = p ? p->body_start : 0; p && b < p->body_end; b++)
      n += ((unsigned char) p->text[b] & 0xC0) != 0x80;
  }
  return n;
}

void
ink__tables_free (lay_t *L)
{
  for (size_t i = 0; i < L->rows.n; i++)
    ink__free (L->ctx, L->rows.v[i], sizeof *L->rows.v[i]);
  ink__vec_free (L->ctx, &L->rows);
}
