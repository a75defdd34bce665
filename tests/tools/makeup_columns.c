/* makeup_columns.c: the column rules of the make-up checker. Full pages end their columns
 * together on the grid, a last page's columns end within a line of each other, and no
 * column is left empty (nor holds floats only) while the text goes on; no column's text
 * stops well above a float at its foot while the text goes on; no page holds only floats
 * after the text ended. */
#include "makeup_check.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* The baseline of the last line of a column, or NAN when it holds no line; *count, its
 * lines from height top down. */
static double column_end_from (const page_t *p, int col, double top, size_t *count)
{
  size_t idx[4096];
  size_t m = column_lines (p, col, NULL, idx, 4096), n = 0;
  /* A drop cap is no line of its own, nor is a short headline in the first column's width
   * one of its column's: a brief of three lines under it is three lines. */
  for (size_t k = 0; k < m; k++)
    n += p->items[idx[k]].y >= top - TOL && !p->items[idx[k]].drop_cap &&
         !role_in (&p->items[idx[k]], HEAD_ROLES);
  if (count)
    *count = n;
  return n ? p->items[idx[m - 1]].base : NAN;
}

static double column_end (const page_t *p, int col, size_t *count)
{
  return column_end_from (p, col, -INFINITY, count);
}

static bool column_has_body (const page_t *p, int col)
{
  size_t idx[1];
  return column_lines (p, col, TEXT_ROLES, idx, 1) > 0;
}

/* Whether a rule across the page (not a column rule) crosses column c below its top: a float's
 * rules belong to the columns they are drawn over. */
static bool rule_in_column (const page_t *p, const item_t *it, int col)
{
  const column_t *c = &p->cols[col];
  return it->w > it->h && it->y >= c->top - TOL && it->x < c->x + c->w - TOL &&
         it->x + it->w > c->x + TOL;
}

/* The lowest edge of what column c holds, or of what spans the columns below their top. */
static double column_low (const page_t *p, int col)
{
  double low = -INFINITY;
  for (size_t j = 0; j < p->n; j++) {
    const item_t *it = &p->items[j];
    if (it->generated || (it->kind == ITEM_RULE && !rule_in_column (p, it, col)))
      continue;
    if (it->kind == ITEM_RULE || it->col == col || (it->col < 0 && it->y >= p->cols[col].top - TOL))
      low = fmax (low, it->y + it->h);
  }
  return low;
}

/* A page the text runs past fills its columns to the frame's foot, but for one line: room for
 * two more lines under a column is a short page. */
static void check_full_foot (doc_t *d, page_t *p)
{
  double step = p->has_grid ? p->step : d->step;
  for (int r = 0; r < p->ncols; r++) {
    int c = d->rtl ? p->ncols - 1 - r : r;
    if (p->cols[c].bottom <= 0 || !column_has_body (p, c))
      continue;
    double low = column_low (p, c);
    if (p->cols[c].bottom - low > 2 * step + TOL)
      fault (d, p, "uneven-full-page",
             "column %d ends %.2f px above the frame's foot (%.2f, line step %.2f)", r + 1,
             p->cols[c].bottom - low, p->cols[c].bottom, step);
  }
}

/* A page of the story's last running text is balanced as the last, though a table across
 * the columns and its note that follow it stand on the next page (they could not go under
 * its columns). */
void check_full_page (doc_t *d, page_t *p, int page_index)
{
  if (page_index >= d->last_story_page)
    return;
  double lo = INFINITY, hi = -INFINITY;
  char list[256] = "";
  for (int r = 0; r < p->ncols; r++) {
    int c = d->rtl ? p->ncols - 1 - r : r;
    if (!column_has_body (p, c))
      continue;
    double end = column_end (p, c, NULL);
    lo = fmin (lo, end);
    hi = fmax (hi, end);
    size_t len = strlen (list);
    snprintf (list + len, sizeof list - len, "%s%.2f", len ? ", " : "", end);
  }
  if (hi - lo > TOL)
    fault (d, p, "uneven-full-page", "columns end on baselines %s", list);
  check_full_foot (d, p);
}

/* Column col of p holds a table whole and nothing else but its subhead: it cannot come down
 * to even a last page without splitting the table (split-short-table). */
static bool table_alone (const page_t *p, int col)
{
  int lo = 1 << 30, hi = -1;
  for (size_t j = 0; j < p->n; j++) {
    const item_t *it = &p->items[j];
    if (it->col != col || it->kind != ITEM_LINE || it->generated)
      continue;
    if (role_is (it, "table")) {
      lo = it->block < lo ? it->block : lo;
      hi = it->block > hi ? it->block : hi;
    } else if (!role_is (it, "subhead")) {
      return false;
    }
  }
  for (size_t j = 0; j < p->n && hi >= 0; j++) {
    const item_t *it = &p->items[j];
    if (it->kind == ITEM_LINE && role_is (it, "table") && it->col != col &&
        it->block >= lo - 1 && it->block <= hi + 1)
      return false;   /* rows of it in another column */
  }
  return hi >= 0;
}

/* The columns over a float across the middle of a last page, under which its last band of
 * columns stands (top), end within a line step of each other, as a last page's do. */
static void check_upper_band (doc_t *d, page_t *p, double top, double step)
{
  double lo = INFINITY, hi = -INFINITY;
  size_t idx[4096];
  for (int c = 0; c < p->ncols && isfinite (top); c++) {
    size_t m = column_lines (p, c, NULL, idx, 4096);
    while (m && p->items[idx[m - 1]].y >= top - TOL)
      m--;
    if (m) {
      lo = fmin (lo, p->items[idx[m - 1]].base);
      hi = fmax (hi, p->items[idx[m - 1]].base);
    }
  }
  if (hi - lo > step + TOL)
    fault (d, p, "unbalanced-last-page", "columns over the float across them end %.2f px apart "
           "(baselines %.2f and %.2f, line step %.2f)", hi - lo, lo, hi, step);
}

/* The last page's columns end together: those of its last band, under a float across the
 * columns' middle, and those over it. */
void check_last_page (doc_t *d, page_t *p)
{
  size_t counts[MAX_COLS], total = 0;
  double ends[MAX_COLS], lo = INFINITY, hi = -INFINITY, top = last_band_top (p);
  int filled = 0, deepest = 0;
  for (int c = 0; c < p->ncols; c++) {
    ends[c] = column_end_from (p, c, top, &counts[c]);
    total += counts[c];
    if (counts[c]) {
      filled++;
      lo = fmin (lo, ends[c]);
      deepest = ends[c] > hi ? c : deepest;
      hi = fmax (hi, ends[c]);
    }
  }
  if (p->ncols < 2 || !filled)
    return;
  double step = p->has_grid ? p->step : d->step;
  check_upper_band (d, p, top, step);
  if (total < 2 * (size_t) p->ncols) {
    /* Too short to balance: it may fill fewer columns, but from the first. */
    for (int r = 0; r < filled; r++)
      if (!counts[d->rtl ? p->ncols - 1 - r : r])
        fault (d, p, "unbalanced-last-page",
               "%zu lines in %d columns do not start in the first column", total, filled);
    return;
  }
  if (filled < p->ncols)
    fault (d, p, "unbalanced-last-page", "%d of %d columns hold the last %zu lines", filled,
           p->ncols, total);
  else if (hi - lo > step + TOL && !table_alone (p, deepest))
    fault (d, p, "unbalanced-last-page",
           "columns end %.2f px apart (baselines %.2f and %.2f, line step %.2f)", hi - lo, lo,
           hi, step);
}

/* The last page (page_index, of more than one) holds a few lines of text, the source line
 * with them or not, and nothing else: no float, no picture, no rule but a column's. A few:
 * three lines or fewer, or on a page of several columns two a column or fewer (four on two
 * columns): balanced, each column would hold a paragraph's widow at the top of a blank page,
 * and a make-up editor sends that back as readily as three lines. */
void check_runt_page (doc_t *d, size_t page_index)
{
  const page_t *p = &d->pages[page_index];
  size_t lines = 0;
  if (page_index == 0)
    return;
  for (size_t j = 0; j < p->n; j++) {
    const item_t *it = &p->items[j];
    if (it->generated || it->kind == ITEM_RULE)
      continue;
    if (it->kind != ITEM_LINE || is_float (it) ||
        !(role_in (it, COLUMN_ROLES) || role_is (it, "table") || role_is (it, "source")))
      return;
    lines++;
  }
  size_t by_columns = p->ncols > 1 ? (size_t) p->ncols * (RUNT_COLUMN_LINES - 1) + 1 : 0;
  size_t runt = by_columns > RUNT_LINES ? by_columns : RUNT_LINES;
  if (lines > 0 && lines < runt)
    fault (d, p, "runt-page", "the last page holds %zu line%s of text and nothing else", lines,
           lines == 1 ? "" : "s");
}

static bool column_filled (const page_t *p, int col)
{
  for (size_t j = 0; j < p->n; j++)
    if (p->items[j].col == col && !p->items[j].generated && p->items[j].kind != ITEM_RULE)
      return true;
  return false;
}

/* The page's columns cannot hold a line: a line on the first baseline of its grid would
 * reach below their foot (the page's, when the layout does not give its columns), as under a
 * head or a float across the columns that fills the page but for less than a line. Such a
 * page has no columns to leave empty. */
static bool no_room_for_lines (const doc_t *d, const page_t *p)
{
  double foot = p->ncols > 0 && p->cols[0].bottom > 0 ? p->cols[0].bottom : d->height;
  if (p->ncols > 0 && p->cols[0].bottom - p->cols[0].top <= TOL) {
    /* The page says it has no room for its columns: under what it holds, two lines may not
     * fit (a page 1 of the head alone, with white for lines under it, has room). */
    double low = 0, step = p->step > 0 ? p->step : d->step;
    for (size_t j = 0; j < p->n; j++)
      if (!p->items[j].generated && p->items[j].y + p->items[j].h > low)
        low = p->items[j].y + p->items[j].h;
    return step <= 0 || foot - low < 2 * step - TOL;
  }
  return p->has_grid && foot > 0 && p->origin + d->drop > foot + TOL;
}

/* Text that flows in the columns: column text and tables. */
static bool flowed_text (const item_t *it)
{
  return !it->generated && (role_in (it, COLUMN_ROLES) || role_is (it, "table"));
}

/* Column c holds floats (pull quotes, related links, pictures) but no flowed text: two
 * floats or more, or one that leaves room under it for two lines (a float that takes the
 * whole column, as a tall picture may, keeps no text out). */
static bool floats_only (const doc_t *d, const page_t *p, int col)
{
  int first = -1;
  bool more = false;
  double low = -INFINITY;
  for (size_t j = 0; j < p->n; j++) {
    const item_t *it = &p->items[j];
    if (it->col != col || it->generated)
      continue;
    if (flowed_text (it))
      return false;
    if (!is_float (it))
      continue;
    more |= first >= 0 && it->block != first;
    first = first < 0 ? it->block : first;
    low = fmax (low, it->y + it->h);
  }
  if (first < 0 || more)
    return more;
  double foot = p->cols[col].bottom > 0 ? p->cols[col].bottom : d->height;
  double step = p->has_grid ? p->step : d->step;
  return step > 0 && foot - low >= 2 * step - TOL;
}

/* The article's body (text, lists, subheads, tables; not its comments) is set on a page
 * after page_index. */
static bool body_after (const doc_t *d, int page_index)
{
  for (size_t i = (size_t) page_index + 1; i < d->npages; i++)
    for (size_t j = 0; j < d->pages[i].n; j++) {
      const item_t *it = &d->pages[i].items[j];
      if (!it->generated && (role_in (it, TEXT_ROLES) || role_is (it, "table")))
        return true;
    }
  return false;
}

/* Floats never starve the body: a column of floats alone, while the body goes on to a later
 * page, is a column the text was kept out of (a float that does not fit waits, and the text
 * flows past it). Before the comments it is not: the floats go in before them. */
static void check_starved_columns (doc_t *d, page_t *p, int page_index)
{
  if (no_room_for_lines (d, p) || !body_after (d, page_index))
    return;
  for (int r = 0; r < p->ncols; r++)
    if (floats_only (d, p, d->rtl ? p->ncols - 1 - r : r))
      fault (d, p, "empty-column",
             "column %d of %d holds floats only while the body goes on to the next page", r + 1,
             p->ncols);
}

/* Page p holds text of the body or comments (column text or a table's cells). */
static bool page_has_text (const page_t *p)
{
  for (size_t j = 0; j < p->n; j++)
    if (flowed_text (&p->items[j]))
      return true;
  return false;
}

/* A table's note has at most this many lines (the layout's TABLE_NOTE_LINES). */
enum { NOTE_LINES = 3 };

/* Line it is of a table's note: a body line of the block right after a table's row, under
 * that row in its column on page p, its block whole on p in at most NOTE_LINES lines (a
 * paragraph that goes on under a table from the page before is text). */
bool mk_note_line (const doc_t *d, const page_t *p, const item_t *it)
{
  if (it->kind != ITEM_LINE || !role_is (it, "body") || it->block < 1 || it->generated)
    return false;
  bool under_row = false;
  int lines = 0;
  for (size_t i = 0; i < d->npages; i++)
    for (size_t j = 0; j < d->pages[i].n; j++) {
      const item_t *r = &d->pages[i].items[j];
      if (r->kind != ITEM_LINE || r->generated)
        continue;
      if (r->block == it->block && (&d->pages[i] != p || ++lines > NOTE_LINES))
        return false;
      under_row |= &d->pages[i] == p && r->block == it->block - 1 && role_is (r, "table") &&
                   r->col == it->col && r->y < it->y;
    }
  return under_row;
}

/* Page p holds text of the story or comments, a table's rows and its note aside. */
static bool page_has_story (const doc_t *d, const page_t *p)
{
  for (size_t j = 0; j < p->n; j++) {
    const item_t *it = &p->items[j];
    if (!it->generated && role_in (it, COLUMN_ROLES) && !mk_note_line (d, p, it))
      return true;
  }
  return false;
}

/* The story's text (text, lists, subheads; not a table's rows or note, nor the comments) is
 * set on a page after page_index. */
static bool story_after (const doc_t *d, int page_index)
{
  for (size_t i = (size_t) page_index + 1; i < d->npages; i++)
    for (size_t j = 0; j < d->pages[i].n; j++) {
      const item_t *it = &d->pages[i].items[j];
      if (!it->generated && role_in (it, TEXT_ROLES) && !mk_note_line (d, &d->pages[i], it))
        return true;
    }
  return false;
}

/* Page p (at page_index) holds a table that begins on it: the row before its first row here
 * is on no earlier page (a long table's rows going on from the page before are read in the
 * text's turn). */
static bool table_begins (const doc_t *d, const page_t *p, int page_index)
{
  int first = -1;
  for (size_t j = 0; j < p->n; j++) {
    const item_t *it = &p->items[j];
    if (role_is (it, "table") && !it->generated && it->block >= 0 &&
        (first < 0 || it->block < first))
      first = it->block;
  }
  for (int i = 0; first >= 0 && i < page_index; i++)
    for (size_t j = 0; j < d->pages[i].n; j++) {
      const item_t *it = &d->pages[i].items[j];
      if (role_is (it, "table") && !it->generated && it->block == first - 1)
        return false;
    }
  return first >= 0;
}

/* A page after the text ended that holds floats and no text: the floats stand apart from
 * the text they go with, on a page of their own. A short table is a float too: its rows and
 * its note alone on such a page are floats alone. */
static void check_floats_only_page (doc_t *d, page_t *p, int page_index)
{
  bool floats = false;
  for (size_t j = 0; j < p->n && !floats; j++)
    floats = is_float (&p->items[j]);
  if (floats && page_index > 0 && !page_has_text (p) && !body_after (d, page_index) &&
      body_after (d, -1))
    fault (d, p, "floats-only-page",
           "holds floats and no text, after the text ended on an earlier page");
  else if (page_index > 0 && table_begins (d, p, page_index) && !page_has_story (d, p) &&
           !story_after (d, page_index) && story_after (d, -1))
    fault (d, p, "floats-only-page",
           "holds a table and floats or none, no text, after the text ended on an earlier page");
}

/* The top of the first thing set under y in column col (a float's line, picture or rule, a
 * rule or float across the columns), or NAN when nothing is; *across says it is set across
 * the columns. */
static double next_below (const page_t *p, int col, double y, bool *across)
{
  double top = NAN;
  for (size_t j = 0; j < p->n; j++) {
    const item_t *it = &p->items[j];
    if (it->generated || it->y < y - TOL || role_is (it, "footer"))
      continue;
    if ((it->kind == ITEM_RULE && rule_in_column (p, it, col)) ||
        (it->kind != ITEM_RULE && (it->col == col || (it->col < 0 && it->y >= p->cols[col].top - TOL &&
                                                      overlap (it->x, it->x + it->w, p->cols[col].x,
                                                               p->cols[col].x + p->cols[col].w) > TOL)))) {
      if (isnan (top) || it->y < top)
        *across = it->kind == ITEM_RULE ? it->w > p->cols[col].w + TOL : it->col < 0;
      top = isnan (top) ? it->y : fmin (top, it->y);
    }
  }
  return top;
}

/* The foot of the lowest last line of text of the page's columns, or -inf. */
static double deepest_text (const page_t *p)
{
  size_t idx[4096];
  double low = -INFINITY;
  for (int c = 0; c < p->ncols; c++) {
    size_t m = column_lines (p, c, TEXT_ROLES, idx, 4096);
    if (m)
      low = fmax (low, p->items[idx[m - 1]].y + p->items[idx[m - 1]].h);
  }
  return low;
}

/* The lowest edge of what the page's columns but c hold, or -inf. */
static double others_low (const page_t *p, int c)
{
  double low = -INFINITY;
  for (int k = 0; k < p->ncols; k++)
    if (k != c)
      low = fmax (low, column_low (p, k));
  return low;
}

/* The first line or picture set under y in column col (rules left out) is a float's. */
static bool float_below (const page_t *p, int col, double y)
{
  const item_t *first = NULL;
  for (size_t j = 0; j < p->n; j++) {
    const item_t *it = &p->items[j];
    if (it->generated || it->kind == ITEM_RULE || it->y < y - TOL || role_is (it, "footer") ||
        !(it->col == col || (it->col < 0 && it->y >= p->cols[col].top - TOL)))
      continue;
    if (!first || it->y < first->y)
      first = it;
  }
  return first && is_float (first);
}

/* The article's text goes on after the column of rank r on page p (index page_index). */
static bool text_after_column (const doc_t *d, const page_t *p, int page_index, int r)
{
  for (int k = r + 1; k < p->ncols; k++)
    if (column_has_body (p, d->rtl ? p->ncols - 1 - k : k))
      return true;
  return body_after (d, page_index);
}

/* A column whose text stops two and a half line steps or more above the float set under it
 * (room for two lines and the float's space; under a float across the columns, the deepest
 * column's text), while the text goes on in the next column or page: the float at the
 * column's foot hides a short column. A make-up editor sets the float
 * under the text or runs the text down to it. Above a float under its text the white is half
 * a step to a step. Where the text ends on the page, a float let down that far below its
 * column's text and below all that the other columns hold is a hole too (a pull quote on the
 * foot of a one-column page, the page's white above it): a float let down beside what a
 * deeper column holds evens the page. */
static void check_column_holes (doc_t *d, page_t *p, int page_index)
{
  double step = p->has_grid ? p->step : d->step;
  size_t idx[4096];
  for (int r = 0; r < p->ncols && step > TOL; r++) {
    int c = d->rtl ? p->ncols - 1 - r : r;
    size_t m = column_lines (p, c, TEXT_ROLES, idx, 4096);
    if (m == 0)
      continue;
    const item_t *last = &p->items[idx[m - 1]];
    bool across = false;
    double below = next_below (p, c, last->y + last->h, &across);
    /* under a float across the columns, the white is the deepest column's: above it, a
     * shorter column's is the balance's (unbalanced-last-page) */
    double end = across ? fmax (last->y + last->h, deepest_text (p)) : last->y + last->h;
    if (isnan (below) || below - end < 2.5 * step - TOL)
      continue;
    if (text_after_column (d, p, page_index, r))
      fault (d, p, "column-hole", "column %d's text stops %.2f line steps above the float "
             "under it, and the text goes on", r + 1, (below - end) / step);
    else if (below - others_low (p, c) >= 2.5 * step - TOL && float_below (p, c, end))
      fault (d, p, "column-hole", "column %d's text ends %.2f line steps above the float "
             "under it, below all the other columns hold", r + 1, (below - end) / step);
  }
}

void check_empty_columns (doc_t *d, page_t *p, int page_index)
{
  check_column_holes (d, p, page_index);
  check_floats_only_page (d, p, page_index);
  check_starved_columns (d, p, page_index);
  if (no_room_for_lines (d, p))
    return;
  bool filled[MAX_COLS];
  int first = -1, last = -1;
  for (int r = 0; r < p->ncols; r++) {
    filled[r] = column_filled (p, d->rtl ? p->ncols - 1 - r : r);
    if (filled[r]) {
      last = r;
      if (first < 0)
        first = r;
    }
  }
  bool text_goes_on = false;
  for (size_t i = (size_t) page_index + 1; i < d->npages && !text_goes_on; i++)
    for (size_t j = 0; j < d->pages[i].n; j++)
      if (d->pages[i].items[j].kind == ITEM_LINE && !d->pages[i].items[j].generated)
        text_goes_on = true;
  for (int r = 0; r < p->ncols; r++)
    if (!filled[r] && (text_goes_on || (r > first && r < last && first >= 0)))
      fault (d, p, "empty-column", "column %d of %d is empty%s", r + 1, p->ncols,
             text_goes_on ? " while the text goes on to the next page" : "");
}
