/* paginate/table: a GFM table set as a table. Each cell is a paragraph in the "table" style
 * (the header row's bold), aligned as the delimiter row says; each row is one unit that
 * the flow places whole (a row never splits across columns), so a table taller than a
 * column breaks between rows, and the header row is drawn again at the top of the next
 * column; a short one is a float (short_float), split only where it turns a page at its
 * foot (tableturn.c). Thin rules go above the header, under it, and under every row.
 *
 *   | Item   | 2023 | 2024 |        header row (row 0 of the article's table rows)
 *   |:-------|-----:|-----:|        'l', 'r', 'r'
 *   | Schools|  4.1 |  4.6 |
 *
 * The columns' widths come from their content (tablewidths.c): each cell is set once on one
 * line, and the columns get their natural widths plus an equal share of the room left in the
 * column's measure; a table too wide for the measure shares it in proportion to the natural
 * widths, and its cells wrap. One whose figures or words would break inside goes across the
 * columns, or is set smaller (tablesize.c). Columns run right to left in a right-to-left
 * article. A short table's float, or one's across the columns, takes the italic note under
 * it (tablenote.c). Its rows are built, placed and drawn by tablerow.c; this file builds the
 * table's units and decides where it goes: a float or not, with its lead-in or subhead. */
#include "table.h"

#define MAXC INK_MAX_TABLE_COLUMNS

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
  ink_status_t st = ink__table_measure (L, *i, j, ncols, &span, &once);
  L->span_build = span;
  int32_t m = L->span_build ? L->right - L->left : L->colw;
  int32_t gap = ink__table_gap (L), w[MAXC];
  float size;
  if (st == INK_OK)
    st = ink__header_fit (L, *i, j, ncols, m, gap, once, &size, w);
  size_t r0 = L->rows.n, u0 = L->units.n;
  bool moved = false;
  if (st == INK_OK && span && (st = span_subhead (L, *i, &moved)) == INK_OK && moved)
    u0--;
  for (size_t r = *i; r < j && st == INK_OK; r++) {
    row_t *row = NULL;
    bool header = r == *i && a->blocks[r].number == 0;
    if ((st = ink__make_row (L, r, header, size, w, ncols, gap, &row)) == INK_OK)
      row->head = header || span ? NULL : L->rows.v[r0];
  }
  if (st == INK_OK)
    ink__grid_rows (L, L->rows.v + r0, j - *i);
  if (st == INK_OK)
    ink__snug_rows (L, L->rows.v + r0, j - *i);
  bool header = st == INK_OK && L->rows.v[r0]->header;
  for (size_t r = *i; r < j && st == INK_OK; r++)
    st = ink__push_row (L, L->rows.v[r0 + (r - *i)], (long) r, r == *i, r + 1 == j,
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

/* The nearest unit that opens a float, at most LEAD_IN_LOOK_BACK units before unit @ui, or
 * @ui when there is none (the callers ask whether that float ends right before @ui). */
static size_t
float_just_before (const lay_t *L, size_t ui)
{
  for (size_t j = ui - 1; j > 0 && ui - j <= LEAD_IN_LOOK_BACK; j--)
    if (L->units.v[j].float_len)
      return j;
  return ui;
}

/* The float at unit @t holds its table's lead-in: a body paragraph over its rows (a subhead
 * over the table alone, or its note under the rows, is no lead-in: left to the flow). */
static bool
holds_lead_in (const lay_t *L, size_t t)
{
  const unit_t *f = &L->units.v[t];
  for (size_t j = t; j < t + f->float_len && j < L->units.n && L->units.v[j].kind != U_ROW; j++)
    if (L->units.v[j].kind == U_PARA && L->units.v[j].p &&
        L->units.v[j].p->role == INK_ROLE_BODY)
      return true;
  return false;
}

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
 * the table under its lead-in at a lower bottom), but for a lead-in parted from its float to
 * end it (leadpart.c).
 *
 * Return value: whether the column breaks before unit @ui.
 */
bool
ink__lead_in_left (const lay_t *L, size_t ui)
{
  if (L->in_float || L->col_empty || L->pending == NO_FLOAT || ui < 2 || ui >= L->units.n)
    return false;
  size_t t = float_just_before (L, ui);
  if (t == ui || t + L->units.v[t].float_len != ui || L->pending > t ||
      L->units.v[t].kind != U_ROW || L->units.v[t].span)
    return false;
  const unit_t *h = &L->units.v[t - 1];
  if (h->parted_len)
    return true;   /* parted from its table to end this column (leadpart.c) */
  return L->col + 1 >= L->ncols && h->kind == U_PARA && h->p && h->p->role == INK_ROLE_BODY &&
         !h->float_len && h->block >= 0 && h->block + 1 == L->units.v[t].block &&
         h->p->para.lines.n <= (L->ncols > 1 ? TABLE_LEAD_IN_LEFT_LINES : TABLE_LEAD_IN_LINES) &&
         table_lead_in (L->a, (size_t) h->block);
}

/**
 * ink__lead_in_waits:
 * @L: the layout, the flow at unit @ui, not inside a float
 *
 * While the last page is balanced, or the flow is in a page's last column: the units right
 * before @ui are a short table's float that holds its lead-in (short_float; the subhead over
 * it too, or not), and that float still waits in the queue: the text after the table would
 * fill the column under the text before the lead-in and be read before it (the make-up check's
 * text-order; held-out tabriz-sorkhab-jadval.fa kiosk-10.3, print-a4 and E set the float at
 * column 2's top, the paragraphs after the table under those before it). The floats waiting go
 * in first, where the text has reached or at the next column's top, and the text follows them,
 * as a make-up editor never lets text pass its lead-in; the columns then end apart where the
 * float does not fit under the text before it. When no setting of the page so holds all its
 * text (balance.c: every trial overflows), the page is balanced again without the hold
 * (L->lead_in_free), as before. In a page's last column the float that waits opens the next
 * page, and the text after the table would end this one, read before the lead-in (held-out
 * held-ar-2.ar print-a4 p1 set one line of it under the text before, kiosk-7.5 p4 eight): the
 * page ends there instead, evened short, and the text follows the table on the next. Not in a
 * column before the last of a page before the last: there the column would end short of the
 * others (textorder58).
 *
 * Return value: whether the floats waiting go in before unit @ui.
 */
bool
ink__lead_in_waits (const lay_t *L, size_t ui)
{
  bool last_col = L->col + 1 >= L->ncols;
  if (!(L->balancing || last_col) || L->lead_in_free || L->in_float || L->pending == NO_FLOAT ||
      ui < 2 || ui >= L->units.n)
    return false;
  size_t t = float_just_before (L, ui);
  const unit_t *f = &L->units.v[t];
  if (t == ui || t + f->float_len != ui || L->pending > t || f->span ||
      f->placed_page != SIZE_MAX || !ink__is_table (L, t))
    return false;
  return holds_lead_in (L, t);
}

/**
 * ink__link_waits:
 * @L: the layout, the flow at unit @ui, a related link's float that fits where the flow is
 * @before: the space over the link where the flow is
 *
 * The float right after the link is a short table's that holds its lead-in (short_float),
 * and it fits where the flow is, but not under the link: set there, the link would take its
 * room, the table's float would wait for the next column, and the text after the table
 * would fill this one under the link, read before the lead-in (engine-works kiosk-7.5 p4:
 * the subhead, lead-in and table at column 2's top, the paragraph after the table in column
 * 1). The link waits instead, as any float that does not fit; the table, which passes a
 * waiting float where it fits (ink__queue_float), goes in under the text, and the link
 * after the next paragraph or at the next column's top. A link is read in any place near
 * its text; a table's lead-in only right over the table.
 *
 * Return value: whether the link waits for the table's float.
 */
bool
ink__link_waits (const lay_t *L, size_t ui, int32_t before)
{
  const unit_t *u = &L->units.v[ui];
  if (L->in_float || L->pending != NO_FLOAT || !u->float_len || u->span)
    return false;
  size_t t = ui + u->float_len;
  bool link = false;
  for (size_t j = ui; j < t && j < L->units.n; j++)
    link |= L->units.v[j].kind == U_PARA && L->units.v[j].p &&
            L->units.v[j].p->role == INK_ROLE_RELATED;
  if (!link || t >= L->units.n)
    return false;
  const unit_t *f = &L->units.v[t];
  if (!f->float_len || f->span || f->placed_page != SIZE_MAX || !ink__is_table (L, t) ||
      !holds_lead_in (L, t))
    return false;
  int64_t here = (int64_t) L->y + before + f->space_before;
  int64_t under = here + ink__float_height (L, ui);
  return ink__float_fits (L, t, here, L->col_bottom) &&
         !ink__float_fits (L, t, under, L->col_bottom);
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

/* The table whose first row is unit @row is led in by the paragraph right before it: one
 * ending on a colon (table_lead_in). */
bool
ink__table_led_in (const lay_t *L, size_t row)
{
  long b = row < L->units.n ? L->units.v[row].block : -1;
  return b > 0 && table_lead_in (L->a, (size_t) b - 1);
}

/* The float at unit ui (or the unit itself, when it opens none) holds a table's rows. */
bool
ink__is_table (const lay_t *L, size_t ui)
{
  if (ui >= L->units.n)
    return false;
  size_t len = L->units.v[ui].float_len ? L->units.v[ui].float_len : 1;
  for (size_t i = ui; i < ui + len && i < L->units.n; i++)
    if (L->units.v[i].kind == U_ROW)
      return true;
  return false;
}
