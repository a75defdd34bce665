/* makeup_indent.c: the first-line indent of a paragraph, as the reader meets it. A body
 * paragraph that goes on from a paragraph is indented; one after the head, a subhead, a
 * list or a block quote is not. Floats, pictures and tables (with the subhead right over a
 * table) stand apart from the text: the text line read before the paragraph, in the
 * columns' order, decides, wherever the boxes between went. Not judged: the article's first
 * paragraph (a drop cap narrows its lines), and a paragraph after a block that left no line
 * (a rule across the column). A layout whose paragraphs are never indented (a template
 * without an indent) is not judged. A table's note (its source, the short paragraph under
 * its last row: at most NOTE_LINES lines, the first in the row's column and under it) is
 * read with the table, as the layout sets it (tablenote.c): it is set flush, and the text
 * after it is judged by the line before the table. So is one the layout marks as a note
 * ("note": true) wherever it stands (parted from its table, it is note-parted's). */
#include "makeup_check.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The highest block number on any page, -1 when none. */
static int last_block (const doc_t *d)
{
  int last = -1;
  for (size_t i = 0; i < d->npages; i++)
    for (size_t j = 0; j < d->pages[i].n; j++)
      if (d->pages[i].items[j].block > last)
        last = d->pages[i].items[j].block;
  return last;
}

/* Blocks with a table's row, as a table of flags; the subhead right over a table goes with
 * it, apart from the running text. */
static bool *table_blocks (const doc_t *d, int nb)
{
  bool *t = calloc ((size_t) nb + 1, sizeof *t);
  for (size_t i = 0; t && i < d->npages; i++)
    for (size_t j = 0; j < d->pages[i].n; j++)
      if (role_is (&d->pages[i].items[j], "table") && d->pages[i].items[j].block >= 0)
        t[d->pages[i].items[j].block] = true;
  return t;
}

enum { NOTE_LINES = 3 };

/* The first line of block b, and how many lines it has; NULL when none. */
static const item_t *first_line_of (const doc_t *d, int b, size_t *page, int *lines)
{
  const item_t *first = NULL;
  *lines = 0;
  for (size_t i = 0; i < d->npages; i++)
    for (size_t j = 0; j < d->pages[i].n; j++) {
      const item_t *it = &d->pages[i].items[j];
      if (it->kind != ITEM_LINE || it->block != b || !role_is (it, "body"))
        continue;
      if (!first) {
        first = it;
        *page = i;
      }
      ++*lines;
    }
  return first;
}

/* Whether block b is a table's note: the layout says so ("note", wherever it set it: a note
 * parted from its table is note-parted's, makeup_notes.c), or right after a table's block,
 * at most NOTE_LINES lines, its first in the column of the table's last line, under it. */
static bool is_note (const doc_t *d, const bool *table, int b)
{
  if (b < 1 || !table[b - 1] || table[b])
    return false;
  size_t page = 0;
  int lines = 0;
  const item_t *first = first_line_of (d, b, &page, &lines);
  if (first && first->note)
    return true;
  if (!first || lines > NOTE_LINES)
    return false;
  const page_t *p = &d->pages[page];
  for (size_t j = 0; j < p->n; j++) {
    const item_t *r = &p->items[j];
    if (r->kind == ITEM_LINE && r->block == b - 1 && role_is (r, "table") && r->col == first->col &&
        r->y < first->y)
      return true;
  }
  return false;
}

/* How far line it starts in from its column's start edge (the right in right-to-left text). */
static double indent_of (const page_t *p, const item_t *it)
{
  const column_t *c = &p->cols[it->col];
  return it->rtl ? c->x + c->w - (it->x + it->w) : it->x - c->x;
}

/* Every block from a to b (not included) left something on a page. */
static bool blocks_set (const bool *present, int a, int b)
{
  for (int k = a + 1; k < b; k++)
    if (!present[k])
      return false;
  return true;
}

/* First line it of a body paragraph, read after prev (NULL: the head). */
static void judge (doc_t *d, const page_t *p, const item_t *it, const item_t *prev,
                   const bool *present)
{
  if (!prev || prev->block >= it->block || !blocks_set (present, prev->block, it->block))
    return;
  bool want = role_is (prev, "body");
  double in = indent_of (p, it);
  if ((in > TOL) == want)
    return;
  const char *text = it->text ? it->text : "";
  fault (d, p, "indent", "column %d: block %d is set %s (%.1f px) after a line of %s (block %d): \"%.*s\"",
         rank (d, p, it->col) + 1, it->block, want ? "flush" : "indented", in, prev->role,
         prev->block, utf8_prefix (text, 40), text);
}

/* The state of the walk through the columns' text lines in reading order. */
typedef struct {
  bool *present, *seen, *table, *note;
  const item_t *prev;   /* the text line read last, NULL before the first */
  bool any_body;        /* a body paragraph was met */
  bool judging;         /* false on the first walk, which only looks for an indent */
  bool indents;         /* a paragraph's first line is indented somewhere */
} walk_t;

static void walk_line (doc_t *d, const page_t *p, const item_t *it, walk_t *w)
{
  if (role_is (it, "subhead") && w->table[it->block + 1])
    return;   /* a table's head, read with the table */
  if (w->note[it->block])
    return;   /* a table's note, read with the table */
  if (!w->seen[it->block] && role_is (it, "body")) {
    if (w->any_body && w->judging)
      judge (d, p, it, w->prev, w->present);
    else if (w->any_body)
      w->indents |= indent_of (p, it) > TOL;
    w->any_body = true;
  }
  w->seen[it->block] = true;
  w->prev = it;
}

/* A page's columns are read band by band (a float across the middle divides them), each
 * band's columns in turn. */
static void walk_page (doc_t *d, const page_t *p, size_t *idx, walk_t *w)
{
  int bands = bands_above (p, INFINITY, -1);
  for (int b = 0; b <= bands; b++)
    for (int r = 0; r < p->ncols; r++) {
      size_t m = column_lines (p, d->rtl ? p->ncols - 1 - r : r, TEXT_ROLES, idx, 4096);
      for (size_t k = 0; k < m; k++)
        if (p->items[idx[k]].block >= 0 && bands_above (p, p->items[idx[k]].y, -1) == b)
          walk_line (d, p, &p->items[idx[k]], w);
    }
}

void check_indents (doc_t *d)
{
  int nb = last_block (d) + 1;
  walk_t w = { calloc ((size_t) nb + 1, 1), calloc ((size_t) nb + 1, 1), table_blocks (d, nb + 1),
               calloc ((size_t) nb + 1, 1), NULL, false, false, false };
  size_t *idx = malloc (4096 * sizeof *idx);
  bool ok = w.present && w.seen && w.table && w.note && idx;
  for (int b = 0; ok && b < nb; b++)
    w.note[b] = is_note (d, w.table, b);
  for (size_t i = 0; ok && i < d->npages; i++)
    for (size_t j = 0; j < d->pages[i].n; j++)
      if (d->pages[i].items[j].block >= 0)
        w.present[d->pages[i].items[j].block] = true;
  /* The first walk finds whether the template indents at all; the second judges. */
  for (int pass = 0; ok && pass < 2 && (pass == 0 || w.indents); pass++) {
    memset (w.seen, 0, (size_t) nb + 1);
    w.prev = NULL;
    w.any_body = false;
    w.judging = pass == 1;
    for (size_t i = 0; i < d->npages; i++)
      walk_page (d, &d->pages[i], idx, &w);
  }
  free (w.present);
  free (w.seen);
  free (w.table);
  free (w.note);
  free (idx);
}
