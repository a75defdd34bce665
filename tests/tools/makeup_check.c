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
 *                         room under the head), or a table read before the article's first
 *                         line of body text when text comes before it in the article,
 *                         or more than a page after the text it follows;
 *   foot-hyphen           a hyphenated last line of a column (one the layout flags with
 *                         "foot_hyphen": true is reported as a note, not a fault);
 *   wide-caption          a caption line wider than its picture;
 *   one-word-head         a headline, deck or pull quote that ends on a lone word;
 *   overprint             two items (lines, pictures, rules) drawn over each other, or
 *                         an item that runs past the page's edge;
 *   lost-text             blocks or characters of the article that are on no page and not
 *                         counted as overflow (only with --blocks, --chars or --article;
 *                         a thematic break, which has no text, need not be on a page);
 *   floats-only-page      a page of floats (pull quotes, pictures, related links, with the
 *                         source line or not) and no text, after the text ended on a page
 *                         before it: a make-up editor carries text over to it or fits the
 *                         floats in earlier;
 *   split-table           a table that goes on in another column without its header row drawn
 *                         again above the rows, or with anything else between its rows;
 *   stranded-head         a subhead or a comment's author line at the foot of a column with
 *                         fewer than two lines of the text it heads under it, the rest going
 *                         on in the next column or page, a subhead cut between columns, or
 *                         one ending the columns over a float across them, its text under
 *                         it, or a table's lead-in ("...as follows:") read apart from it;
 *   column-hole           a column whose text stops two and a half line steps or more above
 *                         a float set under it (at its foot; under one across the columns,
 *                         the deepest column's text) while the text goes on in the next
 *                         column or page: the float hides a short column; or, where the
 *                         text ends, that far below what every other column holds too (a
 *                         float let down to the foot with the page's white above it);
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
 *                         text (with the source line), or two a column or fewer on a page of
 *                         several columns, and no float: a make-up editor draws them back
 *                         onto the page before, setting it a line tighter;
 *   lone-line             one line of a paragraph of running text alone in a column (the rest
 *                         in another column or page) next to a float of that column over or
 *                         under it: the rules of widows and orphans hold in a column a float
 *                         cuts (makeup_lone.c);
 *   split-float           a pull quote, its attribution, a related box, a caption or a credit
 *                         that begins in one column and goes on in another (makeup_keeps.c);
 *   broken-figure         a figure in a table's cell broken across lines ("1" / ",4" / "12",
 *                         "12," / "5", "1 " / "234" at a no-break space): a line of a cell
 *                         that ends with a digit, and the cell's next line starts with a
 *                         digit or a figure's punctuation, or that ends with a mark a figure
 *                         joins with after a digit and the next starts with a digit; not
 *                         where the line was broken at a word space ("1, 5, 9," / "10", a
 *                         list of figures: the layout's "space_after") (makeup_tables.c);
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
 *                         (makeup_floats.c);
 *   short-ragged-line     a line of a list item, comment or reply above its paragraph's last
 *                         that ends short of 58% of its measure, broken at a word space, while
 *                         the next line's first word would have fitted on it: even, short
 *                         lines a make-up editor resets (makeup_ragged.c);
 *   text-order            a block of the running text (body, list, subhead, block quote)
 *                         whose first line is read before that of a block that comes before
 *                         it in the article: the reader meets the paragraphs out of their
 *                         order (a paragraph set above a table's lead-in that went with the
 *                         table to another column; makeup_floats.c);
 *   float-reach           a pull quote, related link or picture on a later page than the end
 *                         of the text it follows (its passage, for a quote that waits for
 *                         it), read after more than four blocks of the running text begun
 *                         after that text, or more lines of it than a column holds
 *                         (makeup_floats.c);
 *   float-in-list         a float (with its caption or table note) read between a list's
 *                         lead-in (the body paragraph just before its first item) and that
 *                         item, or between two items of one list, at the top of the column
 *                         or page the list turns to too: the make-up editor sets it before
 *                         the lead-in or after the list (makeup_floats.c); an item whose
 *                         marker (bullet or number) differs from the one before it at
 *                         its depth begins another list (makeup_lists.c);
 *   note-parted           a line of a table's note (the layout's "note": true) with no row of
 *                         its table over it in its column, or with a line of another block
 *                         between, or more than a line step of white under the rule (the
 *                         grid's next step and the rule's clearance): the note set apart from
 *                         its table (makeup_notes.c);
 *   starved-page          a page the running text goes on past where pull quotes and related
 *                         links take more of the columns than the running text, which fills
 *                         less than a quarter of the lines the columns have room for: the
 *                         floats should have waited and the text flowed past them (pictures
 *                         and tables do not count; makeup_starve.c);
 *   float-past-text       a pull quote or picture on a page after the one where the running
 *                         text ended, over or among the readers' comments, that no text
 *                         follows in the article: it heads the comments, apart from its
 *                         story (makeup_pasttext.c).
 *   float-gap             running text (body, list, block quote) that starts two and a half
 *                         line steps or more under the float or rule above it in its
 *                         column while the article's text goes on past that column: a hole
 *                         between the float and its text (makeup_floatgap.c).
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
  "indent", "quote-before-passage", "short-ragged-line", "text-order",
  "float-reach", "float-in-list", "note-parted", "starved-page",
  "float-past-text", "float-gap"
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
  double origin = p->has_grid ? fmod (p->origin, step) : mk_mode (mods, n, step);
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

static void check_lost (doc_t *d, const mk_want_t *want)
{
  page_t *last = &d->pages[d->npages ? d->npages - 1 : 0];
  long want_blocks = want->blocks, want_chars = want->chars;
  if (want_blocks > 0) {
    long missing = 0, first = -1;
    for (long b = 0; b < want_blocks; b++) {
      bool seen = want->textless && want->textless[b];
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

static void check_doc (doc_t *d, const mk_want_t *want)
{
  mk_infer_layout (d);
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
    check_float_gaps (d, p, (int) i);
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
  check_ragged_lines (d);
  check_table_notes (d);
  check_starved_pages (d);
  check_floats_past_text (d);
  if (d->npages)
    check_lost (d, want);
}

static void free_doc (doc_t *d)
{
  for (size_t i = 0; i < d->npages; i++)
    free (d->pages[i].items);
  free (d->pages);
}

static bool check_want (const cJSON *root, const char *name, const mk_want_t *want,
                        mk_report_t *out)
{
  *out = (mk_report_t) { 0 };
  doc_t d = { .file = name, .report = out };
  bool ok = root && mk_read_doc (&d, root);
  if (ok)
    check_doc (&d, want);
  free_doc (&d);
  return ok;
}

bool mk_check_json (const cJSON *root, const char *name, long want_blocks, long want_chars,
                    mk_report_t *out)
{
  mk_want_t want = { want_blocks, want_chars, NULL };
  return check_want (root, name, &want, out);
}

bool mk_check_text_want (const char *json, size_t len, const char *name, const mk_want_t *want,
                         mk_report_t *out)
{
  cJSON *root = cJSON_ParseWithLength (json, len);
  bool ok = check_want (root, name, want, out);
  cJSON_Delete (root);
  return ok;
}

bool mk_check_text (const char *json, size_t len, const char *name, long want_blocks,
                    long want_chars, mk_report_t *out)
{
  mk_want_t want = { want_blocks, want_chars, NULL };
  return mk_check_text_want (json, len, name, &want, out);
}

void mk_report_free (mk_report_t *r)
{
  free (r->text);
  *r = (mk_report_t) { 0 };
}
