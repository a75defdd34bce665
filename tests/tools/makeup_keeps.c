/* makeup_keeps.c: the keep rules of the make-up checker. A subhead or a comment's author line
 * heads text: it does not stand at the foot of a column with fewer than two lines of that
 * text under it while the rest goes on in the next column or page (nor is a subhead itself
 * cut between columns). A make-up editor moves the head over with its text. A subhead over
 * a table heads the table: two of its lines (the header and a row) keep it company. A float
 * (a pull quote, a related box, a caption) is never cut between columns. A float across the
 * columns in mid-page divides them into bands, read one after the other: a subhead that ends
 * the band over it has its text under the float, cut from it. A table's lead-in ("...as
 * follows:") is read right before the table. */
#include "makeup_check.h"

#include <stdlib.h>
#include <string.h>

static const char *const HEADED[] = { "body", "list", "blockquote", "table", NULL };
static const char *const COMMENT_TEXT[] = { "comment", "reply", NULL };

/* A column line in reading order: page, band, column rank, baseline. */
typedef struct {
  const item_t *it;
  int page, band, rank;
} seq_t;

static int seq_cmp (const void *a, const void *b)
{
  const seq_t *x = a, *y = b;
  if (x->page != y->page)
    return x->page < y->page ? -1 : 1;
  if (x->band != y->band)
    return x->band < y->band ? -1 : 1;
  if (x->rank != y->rank)
    return x->rank < y->rank ? -1 : 1;
  return (x->it->base > y->it->base) - (x->it->base < y->it->base);
}

/* Every line of the article set in a column, in reading order; *n is how many. */
static seq_t *reading_order (const doc_t *d, size_t *n)
{
  size_t cap = 0;
  for (size_t i = 0; i < d->npages; i++)
    cap += d->pages[i].n;
  seq_t *s = calloc (cap + 1, sizeof *s);
  *n = 0;
  for (size_t i = 0; s && i < d->npages; i++) {
    const page_t *p = &d->pages[i];
    for (size_t j = 0; j < p->n; j++) {
      const item_t *it = &p->items[j];
      if (it->kind == ITEM_LINE && it->col >= 0 && it->block >= 0 && !it->generated)
        s[(*n)++] = (seq_t) { it, (int) i, bands_above (p, it->y, -1), rank (d, p, it->col) };
    }
  }
  if (s)
    qsort (s, *n, sizeof *s, seq_cmp);
  return s;
}

static bool same_column (const seq_t *a, const seq_t *b)
{
  return a->page == b->page && a->band == b->band && a->rank == b->rank;
}

/* The lines of block b in roles from s[from] on: how many stand in the column of head and
 * how many elsewhere, and the page of the first one elsewhere (*page, -1 if none). */
static void count_text (const seq_t *s, size_t n, size_t from, int b, const char *const *roles,
                        const seq_t *head, int *here, int *elsewhere, int *page)
{
  *here = *elsewhere = 0;
  *page = -1;
  for (size_t k = from; k < n; k++) {
    if (s[k].it->block != b || !role_in (s[k].it, roles))
      continue;
    if (same_column (&s[k], head)) {
      (*here)++;
    } else {
      *page = *elsewhere ? *page : s[k].page;
      (*elsewhere)++;
    }
  }
}

/* Index of the first line after a subhead's last that holds text it heads, or n when another
 * head (or nothing) comes first. */
static size_t headed_text (const seq_t *s, size_t n, size_t i)
{
  for (size_t k = i + 1; k < n; k++) {
    if (role_is (s[k].it, "subhead") || role_in (s[k].it, COMMENT_TEXT) ||
        role_is (s[k].it, "comment_author"))
      return n;
    if (role_in (s[k].it, HEADED))
      return k;
  }
  return n;
}

static void check_head (doc_t *d, const seq_t *s, size_t n, size_t i)
{
  const item_t *it = s[i].it;
  page_t *p = &d->pages[s[i].page];
  bool sub = role_is (it, "subhead");
  size_t first = i;
  while (first > 0 && s[first - 1].it->block == it->block && role_is (s[first - 1].it, it->role))
    first--;
  if (sub && !same_column (&s[first], &s[i])) {
    fault (d, p, "stranded-head", "the subhead of block %d is cut between columns", it->block);
    return;
  }
  size_t from = sub ? headed_text (s, n, i) : i + 1;
  if (from >= n)
    return;
  if (sub && s[from].page == s[i].page && s[from].band > s[i].band) {
    fault (d, p, "stranded-head", "subhead of block %d ends the columns over a float across "
           "them, its text under it: \"%s\"", it->block, it->text ? it->text : "");
    return;
  }
  int here, elsewhere, page;
  count_text (s, n, from, s[from].it->block, sub ? HEADED : COMMENT_TEXT, &s[i], &here,
              &elsewhere, &page);
  if (elsewhere > 0 && here < 2)
    fault (d, p, "stranded-head", "%s of block %d ends column %d with %d line%s of its text "
           "under it, the rest in the next %s: \"%s\"", sub ? "subhead" : "comment author",
           it->block, s[i].rank + 1, here, here == 1 ? "" : "s",
           page != s[i].page ? "page" : "column", it->text ? it->text : "");
}

/* Whether a line's text ends on a colon (":" or the full-width "："), spaces aside. */
static bool ends_on_colon (const char *t)
{
  size_t n = t ? strlen (t) : 0;
  while (n && t[n - 1] == ' ')
    n--;
  return (n >= 1 && t[n - 1] == ':') || (n >= 3 && !memcmp (t + n - 3, "\xEF\xBC\x9A", 3));
}

/* A table's lead-in (a body paragraph ending on a colon right before a table set in the
 * columns) is read right before the table: no other text comes between its last line and the
 * table's first row (a float may, as one may stand between any two lines). */
static void check_lead_in (doc_t *d, const seq_t *s, size_t n, size_t i)
{
  const item_t *it = s[i].it;
  size_t table = i + 1;
  while (table < n && !(s[table].it->block == it->block + 1 && role_is (s[table].it, "table")))
    table++;
  for (size_t t = i + 1; table < n && t < table; t++) {
    const item_t *next = s[t].it;
    if (!is_float (next)) {
      fault (d, &d->pages[s[i].page], "stranded-head", "the lead-in of block %d is read apart "
             "from its table (block %d comes between): \"%s\"", it->block, next->block,
             it->text ? it->text : "");
      return;
    }
  }
}

void check_keeps (doc_t *d)
{
  size_t n;
  seq_t *s = reading_order (d, &n);
  for (size_t i = 0; s && i < n; i++) {
    const item_t *it = s[i].it;
    if (role_is (it, "body") && (i + 1 == n || s[i + 1].it->block != it->block) &&
        ends_on_colon (it->text))
      check_lead_in (d, s, n, i);
    if (!role_is (it, "subhead") && !role_is (it, "comment_author"))
      continue;
    /* The head's last line. */
    if (i + 1 < n && s[i + 1].it->block == it->block && role_is (s[i + 1].it, it->role))
      continue;
    check_head (d, s, n, i);
  }
  free (s);
}

static const char *const FLOAT_ROLES[] = { "quote", "attribution", "related", "caption", "credit",
                                           NULL };

/* The column item it lies within, by its place alone, or -1 (a line across the columns: a
 * pull quote set across them is centred on the page and crosses a gutter). */
static int within_column (const page_t *p, const item_t *it)
{
  for (int c = 0; c < p->ncols; c++)
    if (it->x >= p->cols[c].x - TOL && it->x + it->w <= p->cols[c].x + p->cols[c].w + TOL)
      return c;
  return -1;
}

/* A float is set whole in one column: the lines of a pull quote (with its attribution), a
 * related box or a caption (with its credit) that stand in the columns stand in one. A float
 * the checker reads as set across the columns (makeup_check.c, assign_columns: its short
 * lines within one column or another by their place alone) stands in none. */
void check_floats_whole (doc_t *d)
{
  int nblocks = 0;
  for (size_t i = 0; i < d->npages; i++)
    for (size_t j = 0; j < d->pages[i].n; j++)
      if (d->pages[i].items[j].block >= nblocks)
        nblocks = d->pages[i].items[j].block + 1;
  int *where = malloc ((size_t) (nblocks + 1) * sizeof *where);   /* page * MAX_COLS + rank */
  for (int b = 0; where && b < nblocks; b++)
    where[b] = -1;
  for (size_t i = 0; where && i < d->npages; i++) {
    page_t *p = &d->pages[i];
    for (size_t j = 0; j < p->n; j++) {
      const item_t *it = &p->items[j];
      int col = it->col < 0 ? -1 : within_column (p, it);
      if (it->kind != ITEM_LINE || col < 0 || it->block < 0 || !role_in (it, FLOAT_ROLES))
        continue;
      int at = (int) i * MAX_COLS + rank (d, p, col);
      if (where[it->block] < 0) {
        where[it->block] = at;
      } else if (where[it->block] != at) {
        fault (d, p, "split-float", "the %s of block %d goes on in another column than its first "
               "line's: \"%s\"", it->role, it->block, it->text ? it->text : "");
        where[it->block] = at;
      }
    }
  }
  free (where);
}
