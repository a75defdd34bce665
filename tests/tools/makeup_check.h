/* makeup_check.h: the make-up checker as a library (mk_check_text, mk_check_json: a layout
 * JSON in memory in, fault counts per kind and the messages out), the page model it reads,
 * and the helpers its rule files share (makeup_check.c: reading pages, columns and the
 * grid; makeup_columns.c: full and last pages, empty columns; makeup_lines.c: foot hyphens,
 * captions, heads, overprint; makeup_floats.c: floats; makeup_tables.c: tables;
 * makeup_lead.c: the lead picture; makeup_keeps.c: heads kept with their text;
 * makeup_rules.c: rules doubled or touching text; makeup_cjk.c: letter-spaced CJK;
 * makeup_lone.c: lines alone next to a float; makeup_attrib.c: a pull quote's attribution;
 * makeup_headgap.c: a subhead standing away from its text;
 * makeup_indent.c: a paragraph's first-line indent;
 * makeup_ragged.c: ragged lines ending far short of their measure;
 * makeup_starve.c: pages the floats starve of text;
 * makeup_pasttext.c: pull quotes and pictures over the comments, past the text;
 * makeup_floatgap.c: white between a float and the text under it;
 * makeup_main.c: the command line). */
#ifndef MAKEUP_CHECK_H
#define MAKEUP_CHECK_H

#include <cjson/cJSON.h>

#include <stdbool.h>
#include <stddef.h>

/* The fault kinds, in the order makeup_check.c documents them. */
typedef enum {
  MK_OFF_GRID,
  MK_UNEVEN_FULL_PAGE,
  MK_UNBALANCED_LAST_PAGE,
  MK_EMPTY_COLUMN,
  MK_FLOAT_ORDER,
  MK_FOOT_HYPHEN,
  MK_WIDE_CAPTION,
  MK_ONE_WORD_HEAD,
  MK_OVERPRINT,
  MK_LOST_TEXT,
  MK_FLOATS_ONLY_PAGE,
  MK_SPLIT_TABLE,
  MK_STRANDED_HEAD,
  MK_COLUMN_HOLE,
  MK_EARLY_QUOTE,
  MK_DOUBLE_RULE,
  MK_RULE_TOUCH,
  MK_LETTER_SPACED,
  MK_RUNT_PAGE,
  MK_LONE_LINE,
  MK_SPLIT_FLOAT,
  MK_BROKEN_FIGURE,
  MK_ATTRIBUTION_ALIGN,
  MK_HEAD_GAP,
  MK_SPLIT_SHORT_TABLE,
  MK_TABLE_FOOT,
  MK_INDENT,
  MK_QUOTE_BEFORE_PASSAGE,
  MK_SHORT_RAGGED_LINE,
  MK_TEXT_ORDER,
  MK_FLOAT_REACH,
  MK_FLOAT_IN_LIST,
  MK_PARTED_NOTE,
  MK_STARVED_PAGE,
  MK_FLOAT_PAST_TEXT,
  MK_FLOAT_GAP,
  MK_KINDS
} mk_kind_t;

/* What one check found: faults per kind, and every message (faults and notes) as the
 * command line prints them, one a line `NAME: page P: KIND: detail`. */
typedef struct {
  unsigned count[MK_KINDS];
  unsigned faults;
  char *text; /* NUL-terminated, NULL when nothing was reported; free with mk_report_free */
  size_t len, cap;
} mk_report_t;

/* Checks a layout JSON of len bytes; name stands for it in the messages. want_blocks and
 * want_chars are the article's blocks and letters for lost-text (0: not checked). Returns
 * false when json is not a layout (nothing checked) or memory ran out. */
bool mk_check_text (const char *json, size_t len, const char *name, long want_blocks,
                    long want_chars, mk_report_t *out);
/* The same on a parsed layout. */
bool mk_check_json (const cJSON *root, const char *name, long want_blocks, long want_chars,
                    mk_report_t *out);
/* What lost-text wants of an article: its blocks and letters, and which blocks carry no text
 * (a thematic break: drawn as a rule with no block, and left out at a column's top), which
 * need not be on a page (textless: want_blocks flags, or NULL). */
typedef struct {
  long blocks, chars;
  const bool *textless;
} mk_want_t;
bool mk_check_text_want (const char *json, size_t len, const char *name, const mk_want_t *want,
                         mk_report_t *out);
void mk_report_free (mk_report_t *r);
const char *mk_kind_name (mk_kind_t kind);
/* Letters and digits of a UTF-8 string, as lost-text counts them. */
size_t mk_count_letters (const char *s);

#define TOL 1.0
#define MAX_COLS 16

typedef enum { ITEM_LINE, ITEM_IMAGE, ITEM_RULE } item_kind_t;

typedef struct {
  item_kind_t kind;
  const char *role, *text;
  int block, col; /* col: -1 when the item spans columns or lies outside them */
  double x, y, w, h, base;
  bool rtl, hyphenated, generated;
  bool ltr;                    /* its "dir" says ltr (a layout may not say) */
  bool foot_hyphen;            /* the engine says it found no better break for this column foot */
  bool space_after;            /* broken at a word space: the next line starts another word */
  bool drop_cap;               /* a drop cap's letter, beside the lines it sinks into */
  bool note;                   /* a line of a table's note (the layout's "note") */
} item_t;

typedef struct {
  double x, w, top, bottom;
} column_t;

typedef struct {
  int number;
  item_t *items;
  size_t n;
  bool has_grid;
  double origin, step;
  column_t cols[MAX_COLS];
  int ncols;
} page_t;

typedef struct {
  const char *file;
  page_t *pages;
  size_t npages;
  double overflow_blocks, overflow_chars;
  double width, height; /* the pages' size, 0 if not given */
  double step; /* the body grid step inferred over the whole document, 0 if none */
  double drop; /* how far a text line reaches below its baseline (the most common), 0 if none */
  bool rtl;
  int last_text_page; /* index of the last page holding article text */
  int last_story_page; /* and of the story's running text (a table's note aside) */
  mk_report_t *report;
} doc_t;

static const char *const TEXT_ROLES[] = { "body", "list", "subhead", "blockquote", NULL };
static const char *const BODY_ONLY[] = { "body", NULL };
static const char *const HEAD_ROLES[] = { "kicker", "headline", "deck", "byline", "dateline",
                                          NULL };
static const char *const COLUMN_ROLES[] = { "body",    "list",  "subhead",        "blockquote",
                                            "comment", "reply", "comment_author", NULL };

void fault (doc_t *d, const page_t *p, const char *kind, const char *fmt, ...);
void note (doc_t *d, const char *fmt, ...);
bool role_is (const item_t *it, const char *role);
bool role_in (const item_t *it, const char *const *roles);
bool is_float (const item_t *it);
/* Item it on page p is a line of a table's note (makeup_columns.c): a short body paragraph
 * right under the table's last row, read with the table, not as the story's text. */
bool mk_note_line (const doc_t *d, const page_t *p, const item_t *it);
/* UTF-8 text: the next code point (advancing *s), white space, letters of scripts without
 * word spaces, and how many code points of s keep passes (*total: all of them). */
unsigned mk_next_cp (const char **s);
bool mk_is_space_cp (unsigned c);
bool mk_is_unspaced_cp (unsigned c);
bool mk_not_space (unsigned c);
/* Letters and digits, roughly: what survives typographic replacement of quotes and dashes. */
bool mk_is_counted_cp (unsigned c);
size_t mk_count_cps (const char *s, bool (*keep) (unsigned), size_t *total);
double overlap (double a0, double a1, double b0, double b1);
/* The value most of v lie within TOL of (modulo period when it is not 0), or 0 with none. */
double mk_mode (const double *v, size_t n, double period);
/* Reading the layout JSON (makeup_read.c), then what it leaves to be inferred. */
bool mk_read_doc (doc_t *d, const cJSON *root);
void mk_infer_layout (doc_t *d);
int rank (const doc_t *d, const page_t *p, int col);
size_t column_lines (const page_t *p, int col, const char *const *roles, size_t *out, size_t cap);
/* The lines the document's tallest column holds, on its page's grid (INT_MAX: no grid). */
int column_lines_max (const doc_t *d);
/* How many bytes of s, at most max, end on a character boundary (for "%.*s" excerpts). */
int utf8_prefix (const char *s, int max);
/* A float across the columns divides a page's columns into bands, read top to bottom: how
 * many of the article's blocks across the columns (block self left out) begin above y. */
int bands_above (const page_t *p, double y, int self);
/* The foot of the lowest block across the columns with column lines under it: the top of
 * the page's last band of columns (-inf when the page has one band). */
double last_band_top (const page_t *p);
void check_full_page (doc_t *d, page_t *p, int page_index);
void check_last_page (doc_t *d, page_t *p);
/* A last page of text holding fewer than this many lines and no float is a runt page; on
 * a page of several columns, fewer than three a column (two a column or fewer, balanced). */
#define RUNT_LINES 4
#define RUNT_COLUMN_LINES 3
void check_runt_page (doc_t *d, size_t page_index);
void check_empty_columns (doc_t *d, page_t *p, int page_index);
void check_foot_hyphens (doc_t *d, page_t *p);
void check_caption_widths (doc_t *d, page_t *p);
void check_heads (doc_t *d, page_t *p);
void check_overprint (doc_t *d, page_t *p);
void check_floats (doc_t *d);
void check_tables (doc_t *d);
void check_broken_figures (doc_t *d, const page_t *p);
void check_lead (doc_t *d);
void check_keeps (doc_t *d);
void check_floats_whole (doc_t *d);
void check_rules (doc_t *d, page_t *p);
void check_letter_spacing (doc_t *d);
void check_lone_lines (doc_t *d, page_t *p);
void check_attributions (doc_t *d, page_t *p);
void check_head_gaps (doc_t *d, page_t *p);
void check_indents (doc_t *d);
void check_ragged_lines (doc_t *d);
void check_table_notes (doc_t *d);
void check_starved_pages (doc_t *d);
void check_floats_past_text (doc_t *d);
void check_float_gaps (doc_t *d, page_t *p, int page_index);
/* List items before and item (blocks, before < item) belong to two lists (makeup_lists.c):
 * their markers at one depth differ, bullets against numbers. */
bool mk_lists_apart (const doc_t *d, int before, int item);

#endif
