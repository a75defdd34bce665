/* paginate/table: a GFM table set as a table. Each cell is a paragraph in the "table" style
 * (the header row's bold), aligned as the delimiter row says; each row is one unit that
 * the flow places whole (a row never splits across columns), so a table taller than a
 * column breaks between rows, and the header row is drawn again at the top of the next
 * column. Thin rules go above the header, under it, and under every row.
 *
 *   | Item   | 2023 | 2024 |        header row (row 0 of the article's table rows)
 *   |:-------|-----:|-----:|        'l', 'r', 'r'
 *   | Schools|  4.1 |  4.6 |
 *
 * The columns' widths come from their content: each cell is set once on one line, and the
 * columns get their natural widths plus an equal share of the room left in the column's
 * measure; a table too wide for the measure shares it in proportion to the natural widths,
 * and its cells wrap. Columns run right to left in a right-to-left article. */
#include "layout-internal.h"

#define MAXC INK_MAX_TABLE_COLUMNS

struct ink__table_row {
  setpara_t *cell[MAXC];
  int32_t x[MAXC];                    /* each cell's left edge from the table's */
  int32_t w[MAXC];                    /* and its measure */
  char align[MAXC];                   /* 'l', 'c', 'r' or '-' */
  unsigned n;
  int32_t width, height;              /* the row's box, its rule included */
  int32_t pad;                        /* above and below the text */
  int32_t rule;                       /* the rule's thickness */
  bool header;                        /* the table's first row, bold, with a rule above */
  const struct ink__table_row *head;  /* the header drawn again at a column's top, or NULL */
};
typedef struct ink__table_row row_t;

/* The text of cell c of a row: [*s, *e) of its block's text (cells are separated by tabs). */
static bool
cell_range (const ink__block_t *b, unsigned c, size_t *s, size_t *e)
{
  size_t at = 0;
  for (unsigned k = 0; k < c; k++) {
    const char *t = at < b->text_len ? memchr (b->text + at, '\t', b->text_len - at) : NULL;
    if (!t)
      return false;
    at = (size_t) (t - b->text) + 1;
  }
  const char *t = at <= b->text_len ? memchr (b->text + at, '\t', b->text_len - at) : NULL;
  *s = at;
  *e = t ? (size_t) (t - b->text) : b->text_len;
  return at <= b->text_len;
}

/* Sets cell c of block b at measure w (bold in the header row); *out NULL for an empty cell. */
static ink_status_t
set_cell (lay_t *L, const ink__block_t *b, long bi, unsigned c, bool header, int32_t w,
          setpara_t **out)
{
  *out = NULL;
  size_t s, e;
  if (!cell_range (b, c, &s, &e) || s == e)
    return INK_OK;
  ink__span_t own[1] = { { 0, (uint32_t) (e - s), INK_SPAN_STRONG, NULL, NULL } };
  ink__span_t *spans = NULL;
  size_t n = 0;
  if (!header && b->nspans) {
    if (!(spans = ink__realloc_array (L->ctx, NULL, 0, b->nspans, sizeof *spans)))
      return oom (L);
    for (size_t k = 0; k < b->nspans; k++) {
      size_t a = b->spans[k].start, z = a + b->spans[k].len;
      a = a > s ? a : s;
      z = z < e ? z : e;
      if (a < z) {
        spans[n] = b->spans[k];
        spans[n].start = (uint32_t) (a - s);
        spans[n++].len = (uint32_t) (z - a);
      }
    }
  }
  setpara_opts_t o = { 0 };
  o.no_indent = true;
  ink_status_t st = ink__set_para (L, INK_ROLE_TABLE, bi, NULL, b->text + s, e - s, NULL,
                                   header ? own : spans, header ? 1 : n, w, 0, &o, out);
  ink__free (L->ctx, spans, b->nspans * sizeof *spans);
  return st;
}

/* The widest line of p. */
static int32_t
widest (const setpara_t *p)
{
  int32_t w = 0;
  for (size_t k = 0; p && k < p->para.lines.n; k++)
    if (p->para.lines.v[k].width > w)
      w = p->para.lines.v[k].width;
  return w;
}

/* The widest word of p (glyphs between spaces), which a column must not be narrower than. */
static int32_t
widest_word (const setpara_t *p)
{
  int64_t w = 0, word = 0;
  for (size_t g = 0; p && g < p->sh.glyphs.n; g++) {
    const ink__glyph_t *gl = &p->sh.glyphs.v[g];
    bool space = gl->cluster < p->len && (p->text[gl->cluster] == ' ' || p->text[gl->cluster] == '\n');
    word = space ? 0 : word + gl->advance;
    if (word > w)
      w = word;
  }
  return (int32_t) (w < INK_HEIGHT_MAX ? w : INK_HEIGHT_MAX);
}

/* Columns' widths w within room when their widest words (least) do not all fit: a column
 * whose widest word takes no more than an even share keeps it whole (a figure, a short
 * heading), and the columns of longer words share what is left in proportion to them, so
 * that each breaks its long words alike ("Kohlendioxid-ausstoß") rather than a narrow
 * column breaking "Investition" letter by letter. */
static void
words_broken (const int64_t *least, unsigned ncols, int64_t room, int32_t *w)
{
  int64_t kept = 0, shared = 0;
  for (unsigned c = 0; c < ncols; c++) {
    if (least[c] * ncols <= room)
      kept += least[c];
    else
      shared += least[c];
  }
  for (unsigned c = 0; c < ncols; c++) {
    if (!shared)
      w[c] = (int32_t) (room * least[c] / (kept ? kept : 1));
    else if (least[c] * ncols <= room)
      w[c] = (int32_t) least[c];
    else
      w[c] = (int32_t) ((room - kept) * least[c] / shared);
  }
}

/* Columns' widths for rows [i, j) of ncols columns within measure m, gap between them:
 * natural widths (each cell on one line) and a share of what is left; too wide, each column
 * at least twice its widest word (the paragraph builder breaks inside a word that takes
 * more than half the measure), else at least its widest word, and the rest in proportion
 * to what more it would take; narrower than its widest words, as words_broken shares it. */
static ink_status_t
column_widths (lay_t *L, size_t i, size_t j, unsigned ncols, int32_t m, int32_t gap,
               int32_t *w)
{
  int64_t natural[MAXC] = { 0 }, least[MAXC] = { 0 }, sum = 0, sum_least = 0;
  for (size_t r = i; r < j; r++)
    for (unsigned c = 0; c < ncols; c++) {
      setpara_t *p;
      ink_status_t st = set_cell (L, &L->a->blocks[r], (long) r, c, r == i,
                                  INT32_C (1) << 26, &p);
      if (st != INK_OK)
        return st;
      if (widest (p) > natural[c])
        natural[c] = widest (p);
      if (widest_word (p) > least[c])
        least[c] = widest_word (p);
    }
  int64_t room = (int64_t) m - (int64_t) gap * (ncols - 1), sum_twice = 0;
  for (unsigned c = 0; c < ncols; c++) {
    sum += natural[c] = natural[c] < PX (8) ? PX (8) : natural[c];
    sum_twice += 2 * least[c] < natural[c] ? 2 * least[c] : natural[c];
  }
  for (unsigned c = 0; c < ncols; c++) {
    int64_t k = sum_twice < room ? 2 : 1;
    sum_least += least[c] = k * least[c] < natural[c] ? k * least[c] : natural[c];
  }
  for (unsigned c = 0; c < ncols; c++) {
    if (sum <= room)
      w[c] = (int32_t) (natural[c] + (room - sum) / ncols);
    else if (sum_least < room)
      w[c] = (int32_t) (least[c] + (room - sum_least) * (natural[c] - least[c]) /
                                   (sum - sum_least));
  }
  if (sum > room && sum_least >= room)
    words_broken (least, ncols, room, w);
  return INK_OK;
}

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

/* Row r of the table at block i: its cells set at the columns' widths. */
static ink_status_t
make_row (lay_t *L, size_t r, bool header, const int32_t *w, unsigned ncols, int32_t gap,
          row_t **out)
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
  row->pad = PX (L->t->styles[INK_ROLE_TABLE].size_px * 0.25f);
  row->rule = PX (header ? 1.5f : 0.75f);
  int32_t x = 0, tallest = 0;
  for (unsigned c = 0; c < ncols; c++) {
    row->x[c] = x;
    row->w[c] = w[c];
    row->align[c] = b->align && c < strlen (b->align) ? b->align[c] : '-';
    x += w[c] + gap;
    ink_status_t st = set_cell (L, b, (long) r, c, header, w[c], &row->cell[c]);
    if (st != INK_OK)
      return st;
    align_cell (row->cell[c], row->align[c], w[c]);
    if (cell_height (row->cell[c]) > tallest)
      tallest = cell_height (row->cell[c]);
  }
  row->width = x - gap;
  row->height = tallest + 2 * row->pad + row->rule + (header ? row->rule : 0);
  return INK_OK;
}

/* Body rows that go with the header into a column, at least. (Keeping the last rows
 * together as well left more full pages uneven and last pages unbalanced in the samples
 * than it mended: a table is not a float, and the text after it cannot fill the gap.) */
enum { TABLE_ROWS_KEPT = 2 };

/* Whether row idx of a table of n rows (the first a header or not) goes with the next one
 * into a column: a break never leaves the table's first rows with fewer than
 * TABLE_ROWS_KEPT body rows. */
static bool
row_keeps (size_t idx, size_t n, bool header)
{
  size_t first = header ? 1 : 0;
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

/**
 * ink__add_table:
 * @L: the layout
 * @i: the first row's block; receives the last row's
 *
 * The units of the table whose rows start at block *i: a table is the rows that follow one
 * another up to the next header row (row 0).
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
  int32_t m = L->span_build ? L->right - L->left : L->colw;
  int32_t gap = PX (L->t->styles[INK_ROLE_TABLE].size_px * 0.8f), w[MAXC];
  ink_status_t st = column_widths (L, *i, j, ncols, m, gap, w);
  const row_t *head = NULL;
  for (size_t r = *i; r < j && st == INK_OK; r++) {
    row_t *row = NULL;
    bool header = r == *i && a->blocks[r].number == 0;
    if ((st = make_row (L, r, header, w, ncols, gap, &row)) != INK_OK)
      break;
    row->head = header ? NULL : head;
    if (header)
      head = row;
    st = push_row (L, row, (long) r, r == *i, r + 1 == j, row_keeps (r - *i, j - *i, head != NULL));
  }
  *i = j - 1;
  return st;
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
    st = ink__emit_box (L, INK_ITEM_RULE, NULL, x, y, row->width, row->rule, 0, -1);
  int32_t top = y + row->pad + (row->header ? row->rule : 0);
  for (unsigned c = 0; c < row->n && st == INK_OK; c++) {
    const setpara_t *p = row->cell[c];
    int32_t cx = L->rtl ? x + row->width - row->x[c] - row->w[c] : x + row->x[c], cy = top;
    for (size_t k = 0; p && k < p->para.lines.n && st == INK_OK; k++) {
      st = ink__emit_line (L, p, k, cx, cy);
      cy += ink__line_height (p, &p->para.lines.v[k]);
    }
  }
  if (st == INK_OK)
    st = ink__emit_box (L, INK_ITEM_RULE, NULL, x, y + row->height - row->rule, row->width,
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
