/* makeup_read.c: the make-up checker reads a layout JSON into pages of items (mk_read_doc)
 * and finds what the layout does not say (mk_infer_layout): each page's columns (from its
 * `columns` field, else the x extents of column text merged over the document), the column
 * of each item, the grid step and the writing direction, how far lines reach below their
 * baselines, and the last page of text. */
#include <cjson/cJSON.h>

#include <limits.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "makeup_check.h"

/* The value most values lie within TOL of (the first such in order), or 0 with no values. */
double mk_mode (const double *v, size_t n, double period)
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
  it->ltr = dir && !strcmp (dir, "ltr");
  it->hyphenated = flag (o, "hyphenated");
  it->foot_hyphen = flag (o, "foot_hyphen");
  it->space_after = flag (o, "space_after");
  it->drop_cap = flag (o, "drop_cap");
  it->note = flag (o, "note");
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

bool mk_read_doc (doc_t *d, const cJSON *root)
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

/* The lines the document's tallest column holds, on its page's grid (INT_MAX: no grid). */
int column_lines_max (const doc_t *d)
{
  double most = 0;
  for (size_t i = 0; i < d->npages; i++)
    for (int c = 0; c < d->pages[i].ncols && d->pages[i].step > 0; c++)
      most = fmax (most, (d->pages[i].cols[c].bottom - d->pages[i].cols[c].top) /
                         d->pages[i].step);
  return most > 0 ? (int) most : INT_MAX;
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
  d->step = diffs ? mk_mode (diffs, n, 0) : 0;
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
    d->drop = mk_mode (drops, n, 0);
  }
  free (drops);
}

/* Index of the last page holding article text (body, lists, subheads; with `story`, not a
 * table's note, which is the table's), or -1. */
static int last_text_page (const doc_t *d, bool story)
{
  int last = -1;
  for (size_t i = 0; i < d->npages; i++)
    for (size_t j = 0; j < d->pages[i].n; j++)
      if (!d->pages[i].items[j].generated && role_in (&d->pages[i].items[j], TEXT_ROLES) &&
          !(story && mk_note_line (d, &d->pages[i], &d->pages[i].items[j])))
        last = (int) i;
  return last;
}

/* The columns, the grid and the direction the layout leaves to be inferred, and each
 * page's items assigned to their columns. */
void mk_infer_layout (doc_t *d)
{
  infer_columns (d);
  for (size_t i = 0; i < d->npages; i++)
    assign_columns (&d->pages[i]);
  infer_step_and_direction (d);
  infer_drop (d);
  d->last_text_page = last_text_page (d, false);
  d->last_story_page = last_text_page (d, true);
}
