/* paginate/tablerow: a table's rows built and set (table.c decides where the table goes).
 * A row's cells are set as paragraphs at the columns' widths and aligned as the delimiter
 * row says; the row goes on the page's baseline grid when it can (grid_row), or gives up a
 * fraction of a step that would cost a column its last row (ink__snug_rows). Each row is one
 * unit of the flow, placed whole: where it goes at the flow's place, how tall it is there
 * (the header drawn again at a column's top), drawn, and its characters counted. */
#include "colfit.h"
#include "table.h"
#include "tablewidths.h"

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

int32_t
ink__cell_height (const setpara_t *p)
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
void
ink__grid_rows (const lay_t *L, row_t *const *rows, size_t n)
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
void
ink__snug_rows (const lay_t *L, row_t *const *rows, size_t n)
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
ink_status_t
ink__make_row (lay_t *L, size_t r, bool header, float head, const int32_t *w, unsigned ncols,
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
    if (ink__cell_height (row->cell[c]) > tallest)
      tallest = ink__cell_height (row->cell[c]);
  }
  if (tallest == 0) {   /* a row of empty cells is a row: one blank line */
    ink_status_t st = ink__table_blank_cell (L, (long) r, header, head, w[0], &row->cell[0]);
    if (st != INK_OK)
      return st;
    row->blank = true;
    tallest = ink__cell_height (row->cell[0]);
  }
  row->width = x - gap;
  row->height = tallest + 2 * row->pad + row->rule + (header ? row->rule : 0);
  row->text_top = row->pad + (header ? row->rule : 0);
  row->rule_at = row->height - row->rule;
  return INK_OK;
}

/* Row `row` of block `block` as a unit of the flow: the table's space above its first row and
 * under its last; keep, it goes with the next into a column. */
ink_status_t
ink__push_row (lay_t *L, const row_t *row, long block, bool first, bool last, bool keep)
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

/* Draws header row `head` again at x, y, over the rest of its table in a column or on a page:
 * its lines are the page's, not the text. */
ink_status_t
ink__emit_head_again (lay_t *L, const row_t *head, int32_t x, int32_t y)
{
  size_t l0 = L->doc->lines.n;
  ink_status_t st = emit_one (L, head, x, y);
  for (size_t l = l0; l < L->doc->lines.n; l++)
    L->doc->lines.v[l].generated = true;
  return st;
}

/* Draws row unit u at x, y: the header first when the row opens a column. */
ink_status_t
ink__emit_row (lay_t *L, const unit_t *u, int32_t x, int32_t y)
{
  const row_t *row = u->row;
  if (L->col_empty && row->head) {
    ink_status_t st = ink__emit_head_again (L, row->head, x, y);
    if (st != INK_OK)
      return st;
    y += row->head->height;
  }
  return emit_one (L, row, x, y);
}

/* The characters of row unit u, for the overflow count. */
size_t
ink__row_chars (const unit_t *u)
{
  size_t n = 0;
  for (unsigned c = 0; !u->row->blank && c < u->row->n; c++) {
    const setpara_t *p = u->row->cell[c];
    if (p && p->body_end > p->body_start)
      n += ink__utf8_count (p->text + p->body_start, p->body_end - p->body_start);
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
