/* paginate/tablenote: a table's note, the paragraph right under its last row written all in
 * italic, as an article gives a table's source (docs/articles.md, "Tables"):
 *
 *   | November | 7,230 | 29 | 21.6 |
 *
 *   *Source: Kettleness Harbour Trust. TEU: twenty-foot equivalent units.*
 *
 * It belongs to the table: under its last row, in the same column, as a caption goes with
 * its picture. A short table that waits for a column, or one across the columns, takes its
 * note into its float (table.c); set apart, the table stood at one column's foot and its
 * note opened the next. The note is set in the body's style, flush as a caption is, on the
 * body's grid under the last row; the text after it has the white the rows had.
 * Whether the paragraph after it is indented is the text before the table's to say
 * (units.c). */
#include "layout-internal.h"

/* A note of more than this many bytes of UTF-8 is running text set in italic, not a note. */
#define TABLE_NOTE_MAX 400
/* Nor one set on more lines than this: it would make the table's float too tall to go in. */
#define TABLE_NOTE_LINES 3

/* Whether byte k of block b is in an italic span. */
static bool
in_italic (const ink__block_t *b, size_t k)
{
  for (size_t s = 0; s < b->nspans; s++)
    if ((b->spans[s].flags & INK_SPAN_EM) && k >= b->spans[s].start &&
        k - b->spans[s].start < b->spans[s].len)
      return true;
  return false;
}

/**
 * ink__is_table_note:
 * @a: the article
 * @j: a block
 *
 * Return value: whether block @j is a table's note: a short paragraph right after a table's
 * row whose every letter is italic (spaces between two spans may be plain).
 */
bool
ink__is_table_note (const ink_article_t *a, size_t j)
{
  if (j == 0 || j >= a->nblocks || a->blocks[j].kind != INK_BLOCK_PARAGRAPH ||
      a->blocks[j - 1].kind != INK_BLOCK_TABLE_ROW)
    return false;
  const ink__block_t *b = &a->blocks[j];
  if (b->text_len == 0 || b->text_len > TABLE_NOTE_MAX)
    return false;
  bool letters = false;
  for (size_t k = 0; k < b->text_len; k++) {
    if (b->text[k] == ' ' || b->text[k] == '\n')
      continue;
    if (!in_italic (b, k))
      return false;
    letters = true;
  }
  return letters;
}

/**
 * ink__add_table_note:
 * @L: the layout, the units of a table's rows the last built
 * @j: the block after the table's last row
 * @added: set when block @j is the table's note, its unit built to go in the table's float
 *
 * The note under a table, built right after its rows (at the table's width when the table
 * goes across the columns), never with a drop cap. A note set on more than TABLE_NOTE_LINES
 * lines is left to be built as the paragraph after the table.
 *
 * Return value: INK_OK, or INK_NO_MEMORY.
 */
ink_status_t
ink__add_table_note (lay_t *L, size_t j, bool *added)
{
  *added = false;
  if (!ink__is_table_note (L->a, j))
    return INK_OK;
  size_t n = L->units.n;
  bool seen_para = true;
  ink_status_t st = ink__add_block (L, j, &seen_para);
  if (st != INK_OK)
    return st;
  const unit_t *u = L->units.n == n + 1 ? &L->units.v[n] : NULL;
  *added = u && u->kind == U_PARA && u->p && u->p->para.lines.n <= TABLE_NOTE_LINES;
  if (!*added) {
    L->units.n = n;   /* its paragraph stays in L->paras, which frees it */
    return INK_OK;
  }
  /* The note comes on the grid's next step clear of the last row's rule, and the white
   * under the rows goes under it: left above it, the table's space stood the note up to two
   * line steps under its table (a kiosk-10.3 table of six rows and its source, in Arabic),
   * where it read as a paragraph of its own. */
  unit_t *note = &L->units.v[n], *last_row = &L->units.v[n - 1];
  note->p->note = true;   /* its lines say so in the layout JSON */
  note->space_before = INK_RULE_CLEAR;
  if (note->space_after < last_row->space_after)
    note->space_after = last_row->space_after;
  last_row->space_after = 0;
  L->build.seen_para = true;
  return INK_OK;
}

/**
 * ink__ends_in_note:
 * @L: the layout
 * @ui: the first unit of a float
 *
 * Return value: whether the float ends in a table's note: body text right under a row.
 */
bool
ink__ends_in_note (const lay_t *L, size_t ui)
{
  size_t last = ui + L->units.v[ui].float_len - 1;
  if (L->units.v[ui].float_len < 2 || last >= L->units.n)
    return false;
  const unit_t *u = &L->units.v[last];
  return u->kind == U_PARA && u->p && u->p->role == INK_ROLE_BODY &&
         L->units.v[last - 1].kind == U_ROW;
}

/* A short table's float is its subhead, lead-in, header and TABLE_WHOLE_ROWS rows (table.c)
 * and its note: its first unit is at most this many units before its last. */
enum { NOTE_LOOK_BACK = 16 };

/* The first unit of the float unit j is a later unit of, or SIZE_MAX. */
static size_t
float_of (const lay_t *L, size_t j)
{
  for (size_t t = j; t-- > 0 && j - t <= NOTE_LOOK_BACK;)
    if (L->units.v[t].float_len)
      return t + L->units.v[t].float_len > j ? t : SIZE_MAX;
  return SIZE_MAX;
}

/**
 * ink__is_note_unit:
 * @L: the layout
 * @j: a unit
 *
 * The moves that set floats before a paragraph (early.c, floatpull.c, midspan.c) take a body
 * paragraph that follows no keep for a place between two of the text's units; a table's note
 * is one, and a float moved before it stood between the table's last row and its note: the
 * float's units were no longer one run, and the flow set the rows in one column and the
 * note, as a paragraph of its own, in the next (held-out casablanca-tramway.ar-MA
 * kiosk-10.3: two pull quotes between them).
 *
 * Return value: whether unit @j is the note a table's float ends in (ink__ends_in_note).
 */
bool
ink__is_note_unit (const lay_t *L, size_t j)
{
  if (j == 0 || j >= L->units.n || L->units.v[j - 1].kind != U_ROW)
    return false;
  size_t t = float_of (L, j);
  return t != SIZE_MAX && t + L->units.v[t].float_len == j + 1 && ink__ends_in_note (L, t);
}

/**
 * ink__ends_table_float:
 * @L: the layout
 * @j: a unit
 *
 * A short table's float, set in a column of a page of columns, is a float as a picture is:
 * no line of a paragraph stands alone under it (flow.c's float_above; held-out
 * pune-pani-kapat.mr kiosk-10.3 set the table and its note at column 1's top, then the
 * article's first line alone at its foot). Not on a page of one column: there the line
 * alone under a table at the page's foot went to the next page, and vertical justification
 * opened three line steps of white between the table and its lead-in (engine-works and
 * brevet-resultats.fr reader-6, column-hole).
 *
 * Return value: whether unit @j is the last of a table's float (its last row, or its note)
 * on a page of columns.
 */
bool
ink__ends_table_float (const lay_t *L, size_t j)
{
  if (j >= L->units.n || L->ncols < 2)
    return false;
  size_t t = float_of (L, j);
  return t != SIZE_MAX && t + L->units.v[t].float_len == j + 1 && ink__is_table (L, t);
}

/**
 * ink__note_float_foot:
 * @L: the layout
 * @ui: the first unit of a float that ends in a table's note (ink__ends_in_note)
 * @y: its first unit's top
 *
 * Where the float ends in the column, the white under it included: its rows on the steps of
 * the grid they are set on, its note on the next line of the body's grid under the last.
 * Their heights alone (ink__float_height) miss the part of a step the note comes down by,
 * and a float that fitted so sent its note to the next column's top.
 *
 * Return value: the foot, 1/64 px.
 */
int64_t
ink__note_float_foot (const lay_t *L, size_t ui, int64_t y)
{
  size_t end = ui + L->units.v[ui].float_len;
  for (size_t i = ui; i < end && i < L->units.n; i++) {
    const unit_t *v = &L->units.v[i];
    if (i > ui)
      y += v->space_before;
    if (v->kind == U_ROW && y < INT32_MAX)
      y = ink__row_top (L, v, (int32_t) y);
    else if (v->kind == U_PARA && v->p && v->p->grid > 0 && y > L->col_top)
      y = L->col_top + (y - L->col_top + v->p->grid - 1) / v->p->grid * v->p->grid;
    y += (int64_t) ink__unit_height (v, SIZE_MAX) + v->space_after;
  }
  return y;
}
