/* makeup_check.c: the make-up checker. Reads a page layout JSON (`inkset render
 * --layout-json`) and reports what a newspaper's make-up editor would send back, as counts
 * per kind and one message a fault, `NAME: page P: KIND: detail` (makeup_check.h has the
 * calls; makeup_main.c is the command line). Kinds:
 *
 *   off-grid              a body line whose baseline is not on the page's grid (origin + k*step);
 *   uneven-full-page      columns of a page before the last text page end on different baselines,
 *                         or (when the layout gives its columns' frame) a column of such a page
 *                         ends short of the frame's foot by room for two more lines (make-up may
 *                         end all columns a line higher to end them together);
 *   unbalanced-last-page  the last page's columns end more than one line step apart (but
 *                         where the deepest holds a table whole and only its subhead with it,
 *                         which only splitting the table would bring down);
 *   empty-column          an empty column between filled ones, or on a page that text runs past,
 *                         or a column of floats alone while the body goes on, or a page 1
 *                         of one column holding the head alone with room for lines under it;
 *   float-order           a pull quote, related link or picture far from the text it follows,
 *                         after the comments, stacked on another pull quote or beside
 *                         one at the same height in the neighbouring column, read before
 *                         a pull quote that comes before it, cutting a paragraph that
 *                         turns a column, a picture's caption or credit parted from it, or
 *                         the lead picture set after the body text has begun (but at the
 *                         top of page 2's first column when it is taller than page 1's
 *                         room under the head);
 *   foot-hyphen           a hyphenated last line of a column (one the layout flags with
 *                         "foot_hyphen": true is reported as a note, not a fault);
 *   wide-caption          a caption line wider than its picture;
 *   one-word-head         a headline, deck or pull quote that ends on a lone word;
 *   overprint             two items (lines, pictures, rules) drawn over each other, or
 *                         an item that runs past the page's edge;
 *   lost-text             blocks or characters of the article that are on no page and not
 *                         counted as overflow (only with --blocks, --chars or --article);
 *   floats-only-page      a page of floats (pull quotes, pictures, related links, with the
 *                         source line or not) and no text, after the text ended on a page
 *                         before it: a make-up editor carries text over to it or fits the
 *                         floats in earlier;
 *   split-table           a table that goes on in another column without its header row drawn
 *                         again above the rows, or with anything else between its rows;
 *   stranded-head         a subhead or a comment's author line at the foot of a column with
 *                         fewer than two lines of the text it heads under it, the rest going
 *                         on in the next column or page, or a subhead cut between columns;
 *   column-hole           a column whose text stops two and a half line steps or more above
 *                         a float set under it (at its foot; under one across the columns,
 *                         the deepest column's text) while the text goes on in the next
 *                         column or page: the float hides a short column;
 *   early-quote           a pull quote read before the article's first line of body text (across
 *                         the columns between the byline and the first paragraph): it pulls a
 *                         line from text the reader has not met;
 *   double-rule           two rules one over the other, less than two line steps apart, with
 *                         white alone between them (a pull quote's rule below on a related
 *                         box's rule above);
 *   rule-touch            a rule less than 2 px from the box of a line of text over or under
 *                         it (a comment's rule on the reply above it);
 *   letter-spaced         a Chinese or Japanese paragraph whose full lines open the gaps between
 *                         characters more than 3/16 em on average (makeup_cjk.c);
 *   runt-page             a last page (of more than one) holding fewer than RUNT_LINES lines of
 *                         text (with the source line) and no float: a make-up editor draws
 *                         them back onto the page before, setting it a line tighter;
 *   lone-line             one line of a paragraph of running text alone in a column (the rest
 *                         in another column or page) next to a float of that column over or
 *                         under it: the rules of widows and orphans hold in a column a float
 *                         cuts (makeup_lone.c);
 *   split-float           a pull quote, its attribution, a related box, a caption or a credit
 *                         that begins in one column and goes on in another (makeup_keeps.c);
 *   broken-figure         a figure in a table's cell broken across lines ("1" / ",4" / "12"):
 *                         a line of a cell that ends with a digit, and the cell's next line
 *                         starts with a digit or a figure's punctuation (makeup_tables.c);
 *   attribution-align     a pull quote's attribution set to the start of the measure under a
 *                         centred quote, neither centred with it nor set to its end
 *                         (makeup_attrib.c);
 *   head-gap              a subhead with a quarter of a line step or more of white under it
 *                         before the text it heads, nothing between, when it does not open
 *                         its column (makeup_headgap.c);
 *   split-short-table     a table of six body rows or fewer split over columns or pages when,
 *                         whole, it would fit in the column it goes on in (makeup_tables.c);
 *   table-foot            a column that ends in a table's rows more than a line step short of
 *                         its foot (the frame's on a page the text runs past, the deepest
 *                         column's on the text's last page) while the text goes on after it;
 *   indent                a body paragraph set flush after a line of body text, or indented
 *                         after a subhead, list or block quote, in the order the columns are
 *                         read (floats, pictures and tables between do not count;
 *                         makeup_indent.c);
 *   quote-before-passage  a pull quote whose words stand in a paragraph of the article, read
 *                         before that paragraph's first line (set over it on its page, or on a
 *                         page before): the reader meets the line in the quote first
 *                         (makeup_floats.c).
 *
 * The grid and the columns come from a page's `grid` and `columns` fields when the layout
 * has them; otherwise they are inferred: the grid step is the most common distance between
 * consecutive body lines of a column, the origin the most common baseline modulo the step,
 * and the columns are the x extents of column text (body, lists, subheads, comments) merged
 * over the whole document. Tolerances are 1 px. */
#include <cjson/cJSON.h>

#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "makeup_check.h"

/* ---- small helpers ---- */

static bool report_grow (mk_report_t *r, size_t more)
{
  size_t cap = r->cap ? r->cap : 1024;
  while (cap < r->len + more)
    cap *= 2;
  char *t = realloc (r->text, cap);
  if (!t)
    return false;
  r->text = t;
  r->cap = cap;
  return true;
}

static const char *const KIND_NAMES[MK_KINDS] = {
  "off-grid",    "uneven-full-page", "unbalanced-last-page", "empty-column", "float-order",
  "foot-hyphen", "wide-caption",     "one-word-head",        "overprint",    "lost-text",
  "floats-only-page", "split-table", "stranded-head",
  "column-hole", "early-quote", "double-rule", "rule-touch", "letter-spaced",
  "runt-page",   "lone-line",        "split-float",          "broken-figure",
  "attribution-align", "head-gap", "split-short-table", "table-foot",
  "indent", "quote-before-passage"
};

const char *mk_kind_name (mk_kind_t kind)
{
  return kind < MK_KINDS ? KIND_NAMES[kind] : "?";
}

/* Appends to the report's text; false when memory ran out (the message is dropped). */
static bool report_vadd (mk_report_t *r, const char *fmt, va_list ap)
{
  va_list again;
  va_copy (again, ap);
  int n = vsnprintf (NULL, 0, fmt, ap);
  if (n < 0 || (r->len + (size_t) n + 1 > r->cap && !report_grow (r, (size_t) n + 1))) {
    va_end (again);
    return false;
  }
  vsnprintf (r->text + r->len, r->cap - r->len, fmt, again);
  va_end (again);
  r->len += (size_t) n;
  return true;
}

static void report_add (mk_report_t *r, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  report_vadd (r, fmt, ap);
  va_end (ap);
}

void fault (doc_t *d, const page_t *p, const char *kind, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  report_add (d->report, "%s: page %d: %s: ", d->file, p->number, kind);
  report_vadd (d->report, fmt, ap);
  report_add (d->report, "\n");
  va_end (ap);
  d->report->faults++;
  for (int k = 0; k < MK_KINDS; k++)
    if (!strcmp (kind, KIND_NAMES[k]))
      d->report->count[k]++;
}

/* A message that is not a fault. */
void note (doc_t *d, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  report_vadd (d->report, fmt, ap);
  va_end (ap);
}

bool role_is (const item_t *it, const char *role)
{
  return it->kind == ITEM_LINE && it->role && !strcmp (it->role, role);
}

bool role_in (const item_t *it, const char *const *roles)
{
  for (; *roles; roles++)
    if (role_is (it, *roles))
      return true;
  return false;
}

static const char *const FLOAT_ROLES[] = { "quote",   "attribution", "related",
                                           "caption", "credit",      NULL };

bool is_float (const item_t *it)
{
  if (it->generated || it->block < 0)
    return false;
  return it->kind == ITEM_IMAGE || role_in (it, FLOAT_ROLES);
}

double overlap (double a0, double a1, double b0, double b1)
{
  double lo = a0 > b0 ? a0 : b0, hi = a1 < b1 ? a1 : b1;
  return hi - lo;
}

/* Decodes one UTF-8 code point at *s and advances; bad bytes count as one code point. */
unsigned mk_next_cp (const char **s)
{
  const unsigned char *p = (const unsigned char *) *s;
  unsigned c = p[0];
  int n = c < 0x80 ? 0 : c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
  if (n)
    c &= 0x3F >> n;
  int i = 1;
  for (; i <= n && (p[i] & 0xC0) == 0x80; i++)
    c = (c << 6) | (p[i] & 0x3F);
  *s += i;
  return c;
}

bool mk_is_space_cp (unsigned c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x3000 ||
         (c >= 0x2000 && c <= 0x200B);
}

/* Scripts that break lines without spaces: CJK and Thai. */
bool mk_is_unspaced_cp (unsigned c)
{
  return (c >= 0x0E00 && c <= 0x0E7F) || (c >= 0x3040 && c <= 0x30FF) ||
         (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) ||
         (c >= 0xF900 && c <= 0xFAFF);
}

/* Letters and digits, roughly: what survives typographic replacement of quotes and dashes. */
bool mk_is_counted_cp (unsigned c)
{
  if (mk_is_space_cp (c) || (c < 0x80 && !((c | 0x20) >= 'a' && (c | 0x20) <= 'z') &&
                          !(c >= '0' && c <= '9')))
    return false;
  return !(c >= 0x2010 && c <= 0x206F) && c != 0xB7 && !(c >= 0x3000 && c <= 0x303F) &&
         !(c >= 0xFF00 && c <= 0xFF0F);
}

size_t mk_count_cps (const char *s, bool (*keep) (unsigned), size_t *total)
{
  size_t n = 0, all = 0;
  while (s && *s) {
    unsigned c = mk_next_cp (&s);
    all++;
    if (keep (c))
      n++;
  }
  if (total)
    *total = all;
  return n;
}

bool mk_not_space (unsigned c)
{
  return !mk_is_space_cp (c);
}

/* The value most values lie within TOL of (the first such in order), or 0 with no values. */
static double mode (const double *v, size_t n, double period)
{
  double best = 0;
  size_t best_n = 0;
  for (size_t i = 0; i < n; i++) {
    size_t k = 0;
    for (size_t j = 0; j < n; j++) {
      double dv = fabs (v[i] - v[j]);
      if (period > 0 && dv > period / 2)
        dv = period - dv;
      k += dv <= TOL;
    }
    if (k > best_n) {
      best_n = k;
      best = v[i];
    }
  }
  return best;
}

/* ---- reading the layout ---- */

static double num (const cJSON *o, const char *key)
{
  const cJSON *v = cJSON_GetObjectItemCaseSensitive (o, key);
  return cJSON_IsNumber (v) ? v->valuedouble : 0;
}

static const char *str (const cJSON *o, const char *key)
{
  const cJSON *v = cJSON_GetObjectItemCaseSensitive (o, key);
  return cJSON_IsString (v) ? v->valuestring : NULL;
}

static bool flag (const cJSON *o, const char *key)
{
  return cJSON_IsTrue (cJSON_GetObjectItemCaseSensitive (o, key));
}

static void read_item (item_t *it, const cJSON *o)
{
  const char *type = str (o, "type");
  it->kind = type && !strcmp (type, "image") ? ITEM_IMAGE
             : type && !strcmp (type, "rule") ? ITEM_RULE
                                              : ITEM_LINE;
  it->role = str (o, "role");
  it->text = str (o, "text");
  it->block = cJSON_GetObjectItemCaseSensitive (o, "block") ? (int) num (o, "block") : -1;
  it->x = num (o, "x");
  it->y = num (o, "y");
  it->w = num (o, "width");
  it->h = num (o, "height");
  it->base = num (o, "baseline");
  const char *dir = str (o, "dir");
  it->rtl = dir && !strcmp (dir, "rtl");
  it->hyphenated = flag (o, "hyphenated");
  it->foot_hyphen = flag (o, "foot_hyphen");
  it->generated = flag (o, "generated") || role_is (it, "header") || role_is (it, "footer");
  it->col = -1;
}

static void read_page_extras (page_t *p, const cJSON *o)
{
  const cJSON *grid = cJSON_GetObjectItemCaseSensitive (o, "grid");
  if (cJSON_IsObject (grid) && num (grid, "step") > 0) {
    p->has_grid = true;
    p->origin = num (grid, "origin");
    p->step = num (grid, "step");
  }
  const cJSON *c;
  cJSON_ArrayForEach (c, cJSON_GetObjectItemCaseSensitive (o, "columns"))
  {
    if (p->ncols == MAX_COLS)
      break;
    column_t *col = &p->cols[p->ncols++];
    col->x = num (c, "x");
    col->w = num (c, "width");
    col->top = num (c, "top");
    col->bottom = num (c, "bottom");
  }
}

static bool read_doc (doc_t *d, const cJSON *root)
{
  const cJSON *pages = cJSON_GetObjectItemCaseSensitive (root, "pages");
  if (!cJSON_IsArray (pages))
    return false;
  size_t npages = (size_t) cJSON_GetArraySize (pages);
  d->pages = calloc (npages + 1, sizeof *d->pages);
  if (!d->pages)
    return false;
  d->npages = npages;
  size_t i = 0;
  const cJSON *po, *io;
  cJSON_ArrayForEach (po, pages)
  {
    page_t *p = &d->pages[i++];
    p->number = cJSON_GetObjectItemCaseSensitive (po, "number") ? (int) num (po, "number")
                                                                : (int) i;
    const cJSON *items = cJSON_GetObjectItemCaseSensitive (po, "items");
    p->items = calloc ((size_t) cJSON_GetArraySize (items) + 1, sizeof *p->items);
    if (!p->items)
      return false;
    cJSON_ArrayForEach (io, items) read_item (&p->items[p->n++], io);
    read_page_extras (p, po);
  }
  const cJSON *of = cJSON_GetObjectItemCaseSensitive (root, "overflow");
  d->overflow_blocks = num (of, "blocks");
  d->overflow_chars = num (of, "chars");
  d->width = num (root, "width");
  d->height = num (root, "height");
  return true;
}

/* ---- columns, direction and grid ---- */

static int by_x (const void *a, const void *b)
{
  const column_t *p = a, *q = b;
  return (p->x > q->x) - (p->x < q->x);
}

/* Columns that hold no column text anywhere (a page of floats, or a column left empty)
 * still belong to the template: when the page's content width holds more columns of the
 * widest inferred width than were found, they are laid out evenly across it. */
static int complete_columns (const doc_t *d, column_t *cols, int n)
{
  double left = INFINITY, right = -INFINITY, w = 0;
  for (int c = 0; c < n; c++)
    w = fmax (w, cols[c].w);
  for (size_t i = 0; i < d->npages; i++)
    for (size_t j = 0; j < d->pages[i].n; j++) {
      const item_t *it = &d->pages[i].items[j];
      left = fmin (left, it->x);
      right = fmax (right, it->x + it->w);
    }
  int want = w > 0 ? (int) floor ((right - left) / w + 0.5) : 0;
  if (want <= n || want > MAX_COLS)
    return n;
  double gutter = ((right - left) - want * w) / (want - 1);
  if (gutter < 0)
    return n;
  for (int c = 0; c < want; c++)
    cols[c] = (column_t) { left + c * (w + gutter), w, 0, 0 };
  return want;
}

/* Columns shared by the pages without a `columns` field: the x extents of column text,
 * merged where they overlap. */
static void infer_columns (doc_t *d)
{
  column_t cols[MAX_COLS * 4];
  int n = 0;
  for (size_t i = 0; i < d->npages; i++)
    for (size_t j = 0; j < d->pages[i].n; j++) {
      const item_t *it = &d->pages[i].items[j];
      if (it->generated || !role_in (it, COLUMN_ROLES) || it->w <= 0)
        continue;
      double x0 = it->x, x1 = it->x + it->w;
      int k = 0;
      for (; k < n; k++)
        if (overlap (cols[k].x, cols[k].x + cols[k].w, x0, x1) > -TOL)
          break;
      if (k == n) {
        if (n == MAX_COLS * 4)
          continue;
        cols[n++] = (column_t) { x0, x1 - x0, 0, 0 };
        continue;
      }
      double lo = fmin (cols[k].x, x0), hi = fmax (cols[k].x + cols[k].w, x1);
      cols[k].x = lo;
      cols[k].w = hi - lo;
    }
  /* Growing extents may now touch: merge until stable. */
  for (bool merged = true; merged;) {
    merged = false;
    for (int a = 0; a < n && !merged; a++)
      for (int b = a + 1; b < n && !merged; b++)
        if (overlap (cols[a].x, cols[a].x + cols[a].w, cols[b].x, cols[b].x + cols[b].w) > -TOL) {
          double lo = fmin (cols[a].x, cols[b].x);
          double hi = fmax (cols[a].x + cols[a].w, cols[b].x + cols[b].w);
          cols[a] = (column_t) { lo, hi - lo, 0, 0 };
          cols[b] = cols[--n];
          merged = true;
        }
  }
  if (n > MAX_COLS)
    n = MAX_COLS;
  qsort (cols, (size_t) n, sizeof *cols, by_x);
  n = complete_columns (d, cols, n);
  for (size_t i = 0; i < d->npages; i++)
    if (!d->pages[i].ncols) {
      memcpy (d->pages[i].cols, cols, (size_t) n * sizeof *cols);
      d->pages[i].ncols = n;
    }
}

/* Every column but the float's own that holds the article's blocks begins below its foot,
 * and one at least does. */
static bool above_other_columns (const page_t *p, const item_t *f)
{
  bool other = false;
  for (size_t k = 0; k < p->n; k++) {
    const item_t *it = &p->items[k];
    if (it->col < 0 || it->col == f->col || it->block < 0 || it->block == f->block ||
        it->generated || it->kind == ITEM_RULE)
      continue;
    if (it->y < f->y + f->h - TOL)
      return false;
    other = true;
  }
  return other;
}

/* Every column but the float's own that holds the article's blocks ends above its top, one
 * at least does, and a line of its block stands in another column by its place (a pull
 * quote across the foot of a page's columns: its centred lines within the middle one, its
 * attribution flush with the frame's end within the last). */
static bool below_other_columns (const page_t *p, const item_t *f)
{
  bool other = false, spread = false;
  for (size_t k = 0; k < p->n; k++) {
    const item_t *it = &p->items[k];
    if (it->col < 0 || it->col == f->col || it->block < 0 || it->generated ||
        it->kind == ITEM_RULE)
      continue;
    if (it->block == f->block) {
      spread = true;
      continue;
    }
    if (it->y + it->h > f->y + TOL)
      return false;
    other = true;
  }
  return other && spread;
}

/* Table line a has a line of its row (its block) at its baseline in another column: the
 * table is set across the columns. */
static bool row_across (const page_t *p, const item_t *a)
{
  for (size_t k = 0; k < p->n; k++) {
    const item_t *b = &p->items[k];
    if (b->kind == ITEM_LINE && role_is (b, "table") && b->block == a->block &&
        b->col >= 0 && b->col != a->col && fabs (b->base - a->base) <= TOL)
      return true;
  }
  return false;
}

/* The rows of a table across the columns, and a subhead over it (the block before its
 * first row), span the columns. */
static void table_across (page_t *p)
{
  bool *across = calloc (p->n + 1, sizeof *across);
  for (size_t j = 0; across && j < p->n; j++) {
    const item_t *it = &p->items[j];
    across[j] = it->kind == ITEM_LINE && role_is (it, "table") && !it->generated &&
                it->col >= 0 && row_across (p, it);
  }
  for (size_t j = 0; across && j < p->n; j++) {
    if (!across[j])
      continue;
    p->items[j].col = -1;
    for (size_t k = 0; k < p->n; k++) {
      item_t *h = &p->items[k];
      if (h->block == p->items[j].block - 1 && role_is (h, "subhead") && h->y < p->items[j].y)
        h->col = -1;
    }
  }
  free (across);
}

static const char *const HEAD_ROLES[] = { "kicker", "headline", "deck", "byline", "dateline",
                                          NULL };

/* The kicker, deck, byline and dateline are read with the headline: in its column, or across
 * the columns when one of its lines is (a short kicker or byline is no column's text). */
static void head_columns (page_t *p)
{
  bool found = false;
  int col = -1;
  for (size_t j = 0; j < p->n; j++) {
    const item_t *it = &p->items[j];
    if (!role_is (it, "headline") || it->generated)
      continue;
    col = !found || it->col == col ? it->col : -1;
    found = true;
  }
  for (size_t j = 0; found && j < p->n; j++)
    if (role_in (&p->items[j], HEAD_ROLES) && !p->items[j].generated)
      p->items[j].col = col;
}

static void assign_columns (page_t *p)
{
  for (size_t j = 0; j < p->n; j++) {
    item_t *it = &p->items[j];
    if (it->kind == ITEM_RULE || it->generated)
      continue;
    for (int c = 0; c < p->ncols; c++)
      if (it->x >= p->cols[c].x - TOL && it->x + it->w <= p->cols[c].x + p->cols[c].w + TOL)
        it->col = c;
  }
  /* A float whose short lines sit within one column is set across them when every other
   * column's text begins below it (a pull quote across the page top, centred on it), or ends
   * above it with a line of the float in another column (across the columns' foot). */
  for (size_t j = 0; j < p->n; j++)
    if (is_float (&p->items[j]) && p->items[j].col >= 0 &&
        (above_other_columns (p, &p->items[j]) || below_other_columns (p, &p->items[j])))
      p->items[j].col = -1;
  table_across (p);
  head_columns (p);
  /* A block with a line across the columns spans them all (a short attribution too). A
   * generated line (a related link's "Read:" label) is given no column above: it says
   * nothing of where its block stands. */
  for (size_t j = 0; j < p->n; j++)
    if (p->items[j].col < 0 && p->items[j].block >= 0 && p->items[j].kind == ITEM_LINE &&
        !p->items[j].generated)
      for (size_t k = 0; k < p->n; k++)
        if (p->items[k].block == p->items[j].block)
          p->items[k].col = -1;
}

/* Reading rank of a column: left to right, or right to left for right-to-left text. */
int rank (const doc_t *d, const page_t *p, int col)
{
  return d->rtl ? p->ncols - 1 - col : col;
}

/* Body lines of one column of a page, in baseline order. Returns how many. */
size_t column_lines (const page_t *p, int col, const char *const *roles, size_t *out,
                            size_t cap)
{
  size_t n = 0;
  for (size_t j = 0; j < p->n && n < cap; j++) {
    const item_t *it = &p->items[j];
    if (it->col != col || it->generated || it->kind != ITEM_LINE ||
        (roles && !role_in (it, roles)))
      continue;
    size_t k = n++;
    for (; k > 0 && p->items[out[k - 1]].base > it->base; k--)
      out[k] = out[k - 1];
    out[k] = j;
  }
  return n;
}

/* Item it stands across the columns: a line, picture or box of the article's (not the
 * head's) given no column. */
static bool across_columns (const item_t *it)
{
  return it->col < 0 && it->block >= 0 && !it->generated && it->kind != ITEM_RULE;
}

int bands_above (const page_t *p, double y, int self)
{
  int n = 0;
  for (size_t j = 0; j < p->n; j++) {
    const item_t *it = &p->items[j];
    if (!across_columns (it) || it->block == self || it->y >= y - TOL)
      continue;
    bool first = true;   /* each block counted once, at its first item */
    for (size_t k = 0; k < j && first; k++)
      first = !(across_columns (&p->items[k]) && p->items[k].block == it->block);
    n += first;
  }
  return n;
}

double last_band_top (const page_t *p)
{
  double top = -INFINITY;
  for (size_t j = 0; j < p->n; j++) {
    const item_t *it = &p->items[j];
    if (!across_columns (it) || it->y + it->h <= top)
      continue;
    for (size_t k = 0; k < p->n; k++)
      if (p->items[k].col >= 0 && p->items[k].kind == ITEM_LINE && !p->items[k].generated &&
          p->items[k].y >= it->y + it->h - TOL) {
        top = it->y + it->h;
        break;
      }
  }
  return top;
}

static const char *const BODY_ONLY[] = { "body", NULL };

static void infer_step_and_direction (doc_t *d)
{
  size_t cap = 0, n = 0, nrtl = 0, nltr = 0;
  for (size_t i = 0; i < d->npages; i++)
    cap += d->pages[i].n;
  double *diffs = calloc (cap + 1, sizeof *diffs);
  size_t *idx = calloc (cap + 1, sizeof *idx);
  for (size_t i = 0; diffs && idx && i < d->npages; i++) {
    const page_t *p = &d->pages[i];
    for (int c = 0; c < p->ncols; c++) {
      size_t m = column_lines (p, c, BODY_ONLY, idx, cap);
      for (size_t k = 0; k < m; k++) {
        const item_t *it = &p->items[idx[k]];
        it->rtl ? nrtl++ : nltr++;
        if (k > 0)
          diffs[n++] = it->base - p->items[idx[k - 1]].base;
      }
    }
  }
  /* Without body text (a list, a quote), the direction is the other lines' of the article. */
  for (size_t i = 0; nrtl + nltr == 0 && i < d->npages; i++)
    for (size_t j = 0; j < d->pages[i].n; j++) {
      const item_t *it = &d->pages[i].items[j];
      if (it->kind == ITEM_LINE && !it->generated && it->block >= 0)
        it->rtl ? nrtl++ : nltr++;
    }
  d->step = diffs ? mode (diffs, n, 0) : 0;
  d->rtl = nrtl > nltr;
  free (diffs);
  free (idx);
}

/* How far a line of text reaches below its baseline: the most common of the body lines', else
 * of the other column text's (an article without body text). */
static void infer_drop (doc_t *d)
{
  size_t cap = 0;
  for (size_t i = 0; i < d->npages; i++)
    cap += d->pages[i].n;
  double *drops = calloc (cap + 1, sizeof *drops);
  for (int pass = 0; drops && pass < 2 && d->drop <= 0; pass++) {
    size_t n = 0;
    for (size_t i = 0; i < d->npages; i++)
      for (size_t j = 0; j < d->pages[i].n; j++) {
        const item_t *it = &d->pages[i].items[j];
        if (it->kind == ITEM_LINE && !it->generated && it->h > 0 &&
            role_in (it, pass ? TEXT_ROLES : BODY_ONLY))
          drops[n++] = it->y + it->h - it->base;
      }
    d->drop = mode (drops, n, 0);
  }
  free (drops);
}

/* Index of the last page holding article text (body, lists, subheads), or -1. */
static int last_text_page (const doc_t *d)
{
  int last = -1;
  for (size_t i = 0; i < d->npages; i++)
    for (size_t j = 0; j < d->pages[i].n; j++)
      if (!d->pages[i].items[j].generated && role_in (&d->pages[i].items[j], TEXT_ROLES))
        last = (int) i;
  return last;
}

/* ---- the rules ---- */

/* Body baselines must sit on origin + k*step; lines in a row across columns share it. */
static void check_grid (doc_t *d, page_t *p)
{
  double step = p->has_grid ? p->step : d->step;
  if (step <= TOL)
    return;
  size_t idx[4096];
  double mods[4096];
  size_t n = 0;
  for (size_t j = 0; j < p->n && n < 4096; j++)
    if (role_is (&p->items[j], "body") && !p->items[j].generated)
      mods[n++] = fmod (p->items[j].base, step);
  if (!n)
    return;
  double origin = p->has_grid ? fmod (p->origin, step) : mode (mods, n, step);
  for (int c = 0; c < p->ncols; c++) {
    size_t m = column_lines (p, c, BODY_ONLY, idx, 4096);
    for (size_t k = 0; k < m;) {
      const item_t *first = &p->items[idx[k]];
      double off = fmod (first->base - origin + 1000 * step, step);
      if (off <= TOL || step - off <= TOL) {
        k++;
        continue;
      }
      size_t run = 1;
      for (; k + run < m; run++) {
        double o2 = fmod (p->items[idx[k + run]].base - origin + 1000 * step, step);
        if (fabs (o2 - off) > TOL)
          break;
      }
      fault (d, p, "off-grid",
             "column %d: %zu body line(s) from baseline %.2f (block %d) sit %.2f px below the "
             "grid (origin %.2f, step %.2f)",
             rank (d, p, c) + 1, run, first->base, first->block, off, origin, step);
      k += run;
    }
  }
}

/* ---- lost text ---- */

static void check_lost (doc_t *d, long want_blocks, long want_chars)
{
  page_t *last = &d->pages[d->npages ? d->npages - 1 : 0];
  if (want_blocks > 0) {
    long missing = 0, first = -1;
    for (long b = 0; b < want_blocks; b++) {
      bool seen = false;
      for (size_t i = 0; i < d->npages && !seen; i++)
        for (size_t j = 0; j < d->pages[i].n && !seen; j++)
          seen = d->pages[i].items[j].block == b;
      if (!seen && missing++ == 0)
        first = b;
    }
    if (missing > d->overflow_blocks)
      fault (d, last, "lost-text", "%ld of %ld blocks are on no page (first: block %ld), "
             "overflow counts %.0f", missing, want_blocks, first, d->overflow_blocks);
  }
  if (want_chars > 0) {
    size_t have = 0;
    for (size_t i = 0; i < d->npages; i++)
      for (size_t j = 0; j < d->pages[i].n; j++) {
        const item_t *it = &d->pages[i].items[j];
        if (it->kind == ITEM_LINE && !it->generated && it->block >= 0)
          have += mk_count_cps (it->text, mk_is_counted_cp, NULL);
      }
    if ((double) have + d->overflow_chars < (double) want_chars)
      fault (d, last, "lost-text",
             "the lines hold %zu letters and digits and overflow counts %.0f characters, "
             "the article has %ld", have, d->overflow_chars, want_chars);
  }
}

size_t mk_count_letters (const char *s)
{
  return mk_count_cps (s, mk_is_counted_cp, NULL);
}

/* ---- the library ---- */

static void check_doc (doc_t *d, long want_blocks, long want_chars)
{
  infer_columns (d);
  for (size_t i = 0; i < d->npages; i++)
    assign_columns (&d->pages[i]);
  infer_step_and_direction (d);
  infer_drop (d);
  d->last_text_page = last_text_page (d);
  for (size_t i = 0; i < d->npages; i++) {
    page_t *p = &d->pages[i];
    check_grid (d, p);
    check_full_page (d, p, (int) i);
    check_empty_columns (d, p, (int) i);
    check_foot_hyphens (d, p);
    check_caption_widths (d, p);
    check_heads (d, p);
    check_overprint (d, p);
    check_rules (d, p);
    check_lone_lines (d, p);
    check_attributions (d, p);
    check_head_gaps (d, p);
  }
  if (d->npages) {
    check_last_page (d, &d->pages[d->npages - 1]);
    check_runt_page (d, d->npages - 1);
  }
  check_floats (d);
  check_tables (d);
  for (size_t i = 0; i < d->npages; i++)
    check_broken_figures (d, &d->pages[i]);
  check_lead (d);
  check_keeps (d);
  check_floats_whole (d);
  check_letter_spacing (d);
  check_indents (d);
  if (d->npages)
    check_lost (d, want_blocks, want_chars);
}

static void free_doc (doc_t *d)
{
  for (size_t i = 0; i < d->npages; i++)
    free (d->pages[i].items);
  free (d->pages);
}

bool mk_check_json (const cJSON *root, const char *name, long want_blocks, long want_chars,
                    mk_report_t *out)
{
  *out = (mk_report_t) { 0 };
  doc_t d = { .file = name, .report = out };
  bool ok = root && read_doc (&d, root);
  if (ok)
    check_doc (&d, want_blocks, want_chars);
  free_doc (&d);
  return ok;
}

bool mk_check_text (const char *json, size_t len, const char *name, long want_blocks,
                    long want_chars, mk_report_t *out)
{
  cJSON *root = cJSON_ParseWithLength (json, len);
  bool ok = mk_check_json (root, name, want_blocks, want_chars, out);
  cJSON_Delete (root);
  return ok;
}

void mk_report_free (mk_report_t *r)
{
  free (r->text);
  *r = (mk_report_t) { 0 };
}
