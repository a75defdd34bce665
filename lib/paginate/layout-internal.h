/* paginate/layout-internal.h: the page engine's shared state and the steps each file of
 * lib/paginate/ gives the others. Not installed; only lib/paginate/ includes it.
 *
 *   document.c  ink_document_layout: the steps in order, and the document's accessors
 *   floatorder.c a short article's floats moved ahead of text (or behind it) when its layout
 *               reads them out of turn; laid out again (document.c, pager.c)
 *   styles.c    the template's styles as text styles, and the font fallback chains
 *   grid.c      the baseline grid: line steps per script, the pages' grid
 *   setpara.c   a block set as a paragraph; the height and baseline of its lines (body
 *               text on the page's grid)
 *   measurememo.c a paragraph's lines at the measures it was last set at again, kept
 *   balanced.c  heads, decks and pull quotes in balanced lines, broken between phrases
 *   units.c     the article's body as units (paragraphs, pictures, rules, spaces), a block at
 *               a time; a pull quote set again at another width
 *   bodyorder.c the body's units built in reading order as the flow asks for them
 *   dropcap.c   the first paragraph with a drop cap
 *   locale.c    words and marks the page adds (dates, "Read:", separators), in the article's
 *               language
 *   head.c      the head across the columns on page 1
 *   leadcol.c   the lead picture that leads the first column, before the text
 *   columns.c   a page's columns opened in turn: a new page, the next column, its x
 *   flow.c      units flowed down the columns; column breaks, keeps, widows, orphans
 *   flowbox.c   pictures, rules, spaces and table rows in the flow; captions kept with them
 *   floats.c    floats that wait for the next column, and floats across the columns
 *   quotes.c    where a pull quote may stand: not on another, nor beside one
 *   foot.c      no hyphen at the foot of a column: a paragraph's lines broken again
 *   overflow.c  what did not fit, counted
 *   balance.c   snapshots of a page's start; a page set again with other column bottoms;
 *               the last page's columns balanced
 *   pages.c     pages made one at a time; a full page's columns made to end together
 *   evenspace.c a full page's last tools: white space above floats and subheads, and around
 *               pull quotes and related boxes, cut (even.h)
 *   evenfloat.c a full page's pull quote that waits across the next page's top, set in its
 *               columns instead (even.h)
 *   pager.c     the public pager: pages handed out as they are set, units built as needed
 *   makeup.c    a page's columns scored, to choose between ways of setting it (makeup.h)
 *   lastpair.c  the page before the last set a line higher when the last page's columns can
 *               then end together
 *   runt.c      a last page of a line or three, or of one reader's comment its columns
 *               cannot share, drawn back onto the page before, its paragraphs a line
 *               tighter or the space around its floats cut (the text's last page before
 *               the comments' own page too); such a comment set under the text rather
 *               than on a page of its own (comments-new-page); the same for a last page
 *               that no balanced setting holds whole
 *   leadfit.c   the lead picture made a little smaller so that the article ends on its page
 *   leadeven.c  a full page set again with its lead picture a little smaller, when its
 *               columns end apart or short otherwise
 *   lastspace.c the last page's space above and below floats, subheads and comments made
 *               smaller when its columns cannot end together otherwise
 *   vjust.c     vertical justification: space at floats, subheads and comments lets a short
 *               column down to the page's deepest
 *   running.c   running heads and feet, rules between columns
 *   display.c   lines, rules and images put into the page's display list
 *   table.c     GFM tables: cells set as paragraphs, rows as units, headers repeated
 *   tablenote.c the italic note under a table (its source), kept in the table's float
 *   missing.c   the characters no font has, as runs with their source positions
 *   commentcol.c a last page of comments alone whose columns cannot end together, set in
 *               fewer, wider columns that balance, or in one the frame wide */
#ifndef INK_LAYOUT_INTERNAL_H
#define INK_LAYOUT_INTERNAL_H

#include "paginate.h"

#include <math.h>

#include "breaks.h"
#include "colfit.h"
#include "makeup.h"
#include "dates.h"
#include "para.h"

#define PX(v) ((int32_t) lroundf ((v) * 64.0f))

/* The least white between a rule and the box of a line of text beside it (a table row's rule,
 * a pull quote's at the frame's top under the running head), 1/64 px. */
#define INK_RULE_CLEAR PX (2.0f)

/* The widest measure text is set in when a page takes fewer, wider columns than its
 * template's (a last page of comments, commentcol.c; a brief, briefcols.c), in ems of the
 * text's style: about seventy characters, a wide newspaper measure still. */
#define INK_WIDE_MEASURE_EMS 36
#define INK_MAX_DROP_LINES 10
/* How many measures a paragraph set again at another measure keeps its lines at
 * (measurememo.c): fit_caption's widths and the picture's own. */
#define INK_MEASURE_MEMO 6

/* A linked range [a, b) of a set paragraph's text and its target (owned by the article). */
typedef struct {
  size_t a, b;
  const char *href;
} ink__plink_t;

/* foot.c: a column from line k0 of a paragraph found to end on its hyphenated line last - 1
 * as its lines are broken (last 0: unused). */
typedef struct {
  size_t k0, last;
} ink__kept_hyphen_t;

/* A set paragraph: its shaping and its lines, plus where its own text sits in the para
 * text (prefix and suffix are generated: bullets, "Read:", a formatted date). */
typedef struct setpara {
  ink__shaped_t sh;
  ink__para_t para;
  char *text;
  size_t len, body_start, body_end;
  int role;
  long block;
  int32_t x_off;                 /* from the frame's left edge (indents of replies) */
  int32_t indent;                /* off the column's measure on the start side (a reply's):
                                  * x_off in left-to-right text, the right in right-to-left */
  int32_t leading;
  ink__style_range_t *ranges;
  size_t nranges;
  int32_t grid;                  /* body text: the page's grid step, on which the paragraph
                                  * starts; 0 off the grid */
  int32_t step;                  /* every line's height: on the grid, the grid step of its
                                  * main script, at least the page's; off it, the tallest
                                  * its glyphs need (setpara.c even_lines) */
  int32_t base_off;              /* every line's baseline below its top */
  struct setpara *cap;           /* a drop cap beside the first lines, or NULL */
  unsigned cap_lines;            /* lines beside the cap */
  unsigned cap_sink;             /* the cap stands on the baseline of this line (from 1) */
  int32_t cap_shift;             /* those lines start this far right (left-to-right text) */
  int32_t cap_x;                 /* the cap's left edge from the frame's */
  int32_t hang;                  /* lines after the first start this far in (list items) */
  ink__text_style_t own_style[4]; /* the one style of all of it, when set_para was given
                                  * one ([0]); or the role's plain, bold, italic and bold
                                  * italic at set_para's scale */
  int32_t *heights;              /* each line's height (ink__line_height), for the column fit */
  ink__para_opts_t po;           /* how the lines were broken, to break them again (foot.c) */
  ink__kept_hyphen_t kept_hyphen[4]; /* foot.c: columns found to end on a hyphen */
  int32_t widths[INK_MAX_DROP_LINES + 2]; /* po.widths */
  ink__plink_t *links;           /* linked ranges in text order: all of it for a related
                                  * link with a target, else the inline links */
  size_t nlinks;
  ink__para_t measured[INK_MEASURE_MEMO]; /* lines ink__set_para_measure broke at measured_at
                                  * (measurememo.c); ctx NULL: none */
  int32_t measured_at[INK_MEASURE_MEMO];
  size_t measured_next;          /* the oldest of them, replaced next */
} setpara_t;

/* How to set one paragraph beyond its role's style; all zero for the plain case. */
typedef struct {
  const ink__text_style_t *style; /* one style for all of it (a drop cap), or NULL */
  unsigned narrow_lines;          /* its first lines (beside a drop cap) are set ... */
  int32_t narrow_width;           /* ... at this measure */
  int32_t hang;                   /* lines after the first start this far in (list items) */
  bool no_indent;                 /* no first-line indent: it follows a head, subhead or box */
  bool balance;                   /* lines of even length (heads, decks, pull quotes): the
                                   * narrowest measure keeping as many lines, as CSS
                                   * text-wrap: balance */
  float scale;                    /* size and leading times this (a head fitted to page 1),
                                   * or 0 for the style's own */
  size_t held_until;              /* a comment's author line: its name and separator, bytes
                                   * [0, held_until), broken only where the line cannot hold
                                   * them (ink__para_opts_t.held_until); 0 none */
} setpara_opts_t;

typedef enum { U_PARA, U_IMAGE, U_RULE, U_SPACE, U_PAGE, U_ROW } unit_kind_t;
struct ink__table_row;

typedef struct {
  unit_kind_t kind;
  setpara_t *p;                  /* U_PARA */
  const ink__image_t *image;     /* U_IMAGE */
  const struct ink__table_row *row;   /* U_ROW: a table's row (table.c) */
  int32_t w, h;                  /* U_IMAGE, U_RULE, U_SPACE */
  int32_t x_off;
  int32_t space_before, space_after;
  bool keep_with_next;           /* subheads, figure images with their captions */
  bool unsplittable;             /* pull quotes */
  bool clear;                    /* rules of comments and boxes: keep a quarter of their
                                  * space when the last page's is cut (lastspace.c) */
  unsigned float_len;            /* first unit of a float (pull quote, related box, figure):
                                  * the units it has; it may wait for the next column */
  bool span;                     /* set across all columns: waits for the top of a page */
  size_t placed_page;            /* floats: the page they went on (began on), or SIZE_MAX */
  size_t met_page;               /* floats: the page where the flow met them and they began
                                  * to wait (their text's), or SIZE_MAX */
  bool early;                    /* floats: queued from the start of a page before the flow
                                  * meets them (floatpull.c), passed by when it does */
  long block;
} unit_t;

/* Where a page's flow began, to flow it again when balancing. */
typedef struct {
  size_t ui, k, page, items, glyphs, lines, text, overflow_blocks, overflow_chars, missing;
  size_t pending, pending_span, queue_last;
  int32_t top;
  bool head_overflow;
} snap_t;

#define NO_FLOAT SIZE_MAX

/* floatorder.c: floats built before or after text the article sets around them. The float
 * blocks of [j, e) are built first (or, floats_last, last), in their order, and its other
 * blocks in theirs. A hold moves no block: the text of block j waits for the floats still
 * waiting when the flow meets it, which go in first (e is j + 1); a hold across the page
 * (page) also waits for a float across the columns that waits for the next page's top: the
 * text starts that page, under it. */
#define INK_ORDER_MOVES 4
typedef struct {
  size_t j, e;
  bool floats_last;
  bool hold;
  bool page;
} ink__order_move_t;
typedef struct {
  ink__order_move_t v[INK_ORDER_MOVES];
  unsigned n;
  int32_t head_room;   /* room the head leaves on page 1 for the first float (0: for lines) */
  unsigned columns;    /* a brief set in this many wider columns (briefcols.c); 0 the template's */
} ink__float_order_t;

/* styles.c: the template's fallback chains that each pass of ink__shape_fallback takes for
 * one script and language, kept for the next cluster (the shaper asks for every one). */
typedef struct {
  bool valid;
  hb_script_t script;
  bool has_lang;
  char lang[16];
  uint8_t n[3];
  uint8_t idx[3][INK_TEMPLATE_MAX_FALLBACKS];
} chain_memo_t;

/* The floor of the lead picture in a column: never set at less than this many thousandths
 * of its size at the column's width (half the column wide, for a picture in landscape), by
 * leadcol.c under the head nor by flow.c at a column's top. Smaller, it would lose what it
 * shows (a launch picture of 141 px on the 800x480 kiosk, its caption in four short lines). */
#define INK_LEAD_FLOOR 500

/* The lead picture across the columns as head.c placed it, to set it again smaller
 * (leadfit.c): where the page's items, glyphs, lines and text stood before it, its top, its
 * size, and its caption and credit as set. */
typedef struct {
  bool placed;
  size_t page, items, glyphs, lines, text, missing;
  int32_t y, w, h;
  setpara_t *caps[2];
} ink__lead_t;

typedef struct {
  ink_document_t *doc;
  ink_context_t *ctx;
  const ink_article_t *a;
  ink_template_t *t;
  ink_fontset_t *fs;
  ink__hyphenator_t *hy;
  ink__text_style_t styles[INK_ROLE_COUNT_][4];
  hb_feature_t features[INK_ROLE_COUNT_][INK_MAX_FEATURES];
  int32_t left, top, right, bottom, colw, gutter;
  int32_t grid;                  /* the pages' baseline grid step (ink__article_grid) */
  int32_t grid_base;             /* the grid's baselines, below each step's top */
  unsigned ncols;
  size_t max_pages;
  INK_VEC (unit_t) units;
  INK_VEC (setpara_t *) paras;
  INK_VEC (struct ink__table_row *) rows;   /* table.c's, freed with the layout */
  /* The flow's cursor. */
  size_t page;
  unsigned col;
  int32_t y, col_top, col_bottom;
  bool col_empty;
  bool full;                     /* out of pages: the rest is overflow */
  bool at_break;                 /* full at the page break before the comments */
  bool break_balancing;          /* the page before that break balanced (balance.c) */
  size_t break_chars, break_blocks; /* the overflow counted when the flow reached the break */
  size_t cur_ui, cur_k;          /* the flow's position, for snapshots */
  snap_t snap;                   /* the start of the newest page */
  size_t page_limit;             /* pages made one at a time (pages.c): the flow stops when it
                                  * would start page page_limit; 0 for no such stop */
  bool broke;                    /* the flow stopped there: next says where it goes on */
  snap_t next;
  bool trial;                    /* the page is set to be scored only (balancing, make-up):
                                  * no paragraph is broken again at a column's foot (foot.c),
                                  * which keeps its lines as many; the setting kept is set
                                  * again for good, so its lines put no glyphs or text in
                                  * the display list (display.c) */
  bool col_bottoms;              /* the page is set with its own bottom for each column: */
  int32_t bottoms[INK_MAKEUP_MAX_COLS];
  bool rtl;                      /* columns run right to left; running heads mirror */
  size_t pending;                /* a float waiting for the next column, or NO_FLOAT: the
                                  * head of the queue of such floats, in reading order */
  size_t queue_last;             /* the queue's last float (those after pending up to it,
                                  * floats across the columns apart), or NO_FLOAT */
  size_t pending_span;           /* a float across the columns waiting for the next page */
  size_t float_end;              /* placing a float: the unit after it */
  bool float_counted;            /* placing a float: its unplaced rest is counted */
  bool strained;                 /* a widow, orphan or split box was let through */
  bool late;                     /* a float went in after the end of the text that follows
                                  * it in the article (floats.c, place_head): */
  size_t late_ui;                /* the first such float */
  int late_cut;                  /* the float at the head of the queue follows with its space
                                  * cut by this many quarters (latespace.c), or 0 */
  bool no_late;                  /* such a setting is rejected (early.c) */
  bool noted_set;                /* noted holds the start of the last full page evened */
  snap_t noted;                  /* (pages.c, even_on), noted_late the first such float */
  size_t noted_late;             /* on it or NO_FLOAT: early.c moves it before its text */
  bool stacked;                  /* a pull quote went right on or beside another */
  bool quote_top_set;            /* quote_top holds the start of the article's first page, */
  snap_t quote_top;              /* set again with a pull quote across its top (floats.c
                                  * finish_span, spantop.c): quotehead.c tries it in its turn */
  bool table_end_set;            /* table_end holds the start of the article's first page, */
  snap_t table_end;              /* where the text ended before comments, the table across the
                                  * columns at unit table_end_span going on to the next page */
  size_t table_end_span;         /* (spanend.c): tablemid.c sets it across the first page */
  size_t resume_ui;              /* a page set again from its start: where its text goes on,
                                  * while the floats that waited for it are placed (else
                                  * NO_FLOAT, and the flow is at cur_ui) */
  unsigned lone;                 /* lines of running text let stand alone at a column's foot
                                  * or top on the page being set (flow.c, lone_may) */
  bool lone_float;               /* a line stands alone under a float on the page being
                                  * set (colfit.c, under_float) */
  bool head_opens_col;           /* a subhead opens a column after the first of the page
                                  * being set: the column before may have ended short of it,
                                  * its space and the lines it keeps (evenspace.c) */
  bool balancing;                /* the page being set is the last, its columns balanced
                                  * (balance.c): a last line goes alone to a column only
                                  * where no float opens it (ink__float_opens_next) */
  bool comment_widow;            /* the last page's last tool (balance.c, balance_comment):
                                  * a comment or reply carries its last line alone to the
                                  * next column's top (flow.c, widows_of) */
  bool widow_top;                /* the column being set holds one line alone, a paragraph's
                                  * last, carried from the column before: a float does not
                                  * go in under it (widow.c) */
  bool float_above;              /* the last thing set in the column being set is a float's
                                  * (a picture, a pull quote or related box with its rules):
                                  * no line stands alone under it (flow.c, lone_may) */
  bool span_build;               /* units being built are set across all columns */
  float table_scale;             /* the table being built: its size, times its style's */
  bool table_warned;             /* a table too wide for the page was reported */
  bool in_float;                 /* placing a float: no snapshots, no deferring */
  bool comments_known;           /* comments_ui is set (floats.c, ink__comments_start) */
  size_t comments_ui;            /* the first unit of the comments, or units.n */
  bool head_overflow;            /* part of the head did not fit the pages */
  int32_t head_open;             /* page 1's columns begun this much lower under the head, */
  int32_t head_open_top;         /* ... at this top (headeven.c); 0: none */
  struct {                       /* the head as placed (head.c), to set it again smaller */
    size_t items, glyphs, lines, text, missing;   /* the document's counts before it */
    setpara_t *p[4];             /* its parts as set (kicker, headline, deck, byline) */
    float scale;                 /* its headline and deck's size, of their styles' */
    bool placed;
  } head_at;
  ink__lead_t lead;              /* the lead picture across the columns (head.c) */
  bool lead_in_column;           /* the lead picture is too big for the page top: it leads
                                  * the first column instead */
  bool lead_waits;               /* ... and fits no size there: the text begins under the
                                  * head, the picture opens the next page (leadcol.c) */
  const ink__digits_t *digits;   /* the digits of page numbers and the date */
  bool date_set;                 /* date holds the article's formatted date */
  char date[INK_DATE_MAX];
  struct {                       /* units.c: where building the units goes on */
    int phase;
    size_t block;
    bool seen_para, first_comment;
    size_t first_para;           /* the body's first paragraph block, or SIZE_MAX */
    size_t last_slot;            /* the last block an opening pull quote may go before */
    size_t opening;              /* the next block to look for a pull quote before it */
    unsigned paras_since;        /* body paragraphs built since one went in (or the start) */
    bool opened;                 /* one went in */
  } build;
  bool units_done;               /* every unit of the body is built */
  bool units_trial;              /* not all, but enough for floatpull.c to set the next pages
                                  * on trial (pager.c) */
  bool short_quote_after;        /* units.c: a short article's opening pull quote goes after
                                  * its first paragraph (quoteplace.c) */
  ink__float_order_t order;      /* units.c: floats built before text ahead of them
                                  * (floatorder.c) */
  size_t page_base;              /* running.c: pages before the document's first (a pager's) */
  size_t page_total;             /* running.c: the total for {pages}; 0: the document's */
  bool total_unknown;            /* running.c: a slot naming {pages} shows {page} alone */
  chain_memo_t chains;           /* styles.c: the last script's fallback chains */
} lay_t;

/* Every column of b (INK_MAKEUP_MAX_COLS of them, all set so none is read unset) at the
 * frame's foot: the page set full. */
static inline void
ink__cols_at_foot (const lay_t *L, int32_t *b)
{
  for (unsigned k = 0; k < INK_MAKEUP_MAX_COLS; k++)
    b[k] = L->bottom;
}

static inline ink_status_t
oom (lay_t *L)
{
  return ink__error (L->ctx, INK_NO_MEMORY, "out of memory");
}

/* document.c */
ink_status_t ink__layout_begin (ink_context_t *ctx, const ink_article_t *article,
                                ink_template_t *tpl, ink_fontset_t *fonts,
                                const ink_layout_options_t *opts,
                                const ink__float_order_t *order, lay_t *L, ink_document_t **out);
void ink__layout_free (lay_t *L);
ink_status_t ink__layout_status (ink_document_t *doc);
ink_status_t ink__lay_out (ink_context_t *ctx, const ink_article_t *article, ink_template_t *tpl,
                           ink_fontset_t *fonts, const ink_layout_options_t *opts, bool after,
                           const ink__float_order_t *order, lay_t *L, ink_document_t **out);
typedef struct {
  ink_log_fn log;
  ink_progress_fn progress;
} ink__quiet_t;
ink__quiet_t ink__quiet (ink_context_t *ctx);
ink__quiet_t ink__quiet_progress (ink_context_t *ctx);
void ink__quiet_end (ink_context_t *ctx, ink__quiet_t q);

/* styles.c */
ink_status_t ink__make_styles (lay_t *L);
ink__face_t *ink__shape_fallback (void *user, const ink__text_style_t *style, hb_script_t script,
                                  const char *lang, uint32_t cp);

/* grid.c */
#define INK_GRID_SCRIPTS 8
typedef struct {
  hb_script_t script[INK_GRID_SCRIPTS];
  uint32_t cp[INK_GRID_SCRIPTS];     /* the first letter of each script */
  size_t at[INK_GRID_SCRIPTS];       /* its byte offset */
  size_t count[INK_GRID_SCRIPTS];    /* letters of each */
  unsigned n;
} ink__script_count_t;
void ink__count_scripts (ink__script_count_t *c, const char *s, size_t len);
hb_script_t ink__main_script (const ink__script_count_t *c, uint32_t *cp, size_t *at);
int32_t ink__grid_step (const lay_t *L, hb_script_t script, const char *lang);
void ink__article_grid (lay_t *L);
int32_t ink__step_baseline (lay_t *L, const ink__text_style_t *s, int32_t step,
                            hb_script_t script, const char *lang, uint32_t cp);

/* setpara.c */
ink_status_t ink__set_para (lay_t *L, int role, long block, const char *prefix, const char *text,
                            size_t len, const char *suffix, const ink__span_t *spans,
                            size_t nspans, int32_t measure, int32_t x_off,
                            const setpara_opts_t *opts, setpara_t **out);
void ink__setpara_free (lay_t *L, setpara_t *p);
ink_status_t ink__set_para_measure (lay_t *L, setpara_t *p, int32_t measure);
bool ink__measure_memo_get (lay_t *L, const setpara_t *p, int32_t measure, ink__para_t *out,
                            ink_status_t *st);
void ink__measure_memo_put (lay_t *L, setpara_t *p, int32_t measure, const ink__para_t *t);
void ink__measure_memo_free (setpara_t *p);
ink_status_t ink__set_para_looseness (lay_t *L, setpara_t *p, int looseness, bool full_page,
                                      bool *met);
bool ink__para_stretched (const setpara_t *p, const ink__para_t *t, bool full_page);
ink_status_t ink__set_para_looseness_wide (lay_t *L, setpara_t *p, int looseness, bool full_page,
                                           bool *met);
ink_status_t ink__set_para_looseness_tight (lay_t *L, setpara_t *p, int looseness, bool tight,
                                            bool *met);
ink_status_t ink__set_para_line_fewer (lay_t *L, setpara_t *p, bool tight, bool *met);
bool ink__para_looser (const setpara_t *p, const ink__para_t *t, bool wide);
bool ink__para_ragged_holes (const setpara_t *p, const ink__para_t *t);
bool ink__para_letter_spaced (const setpara_t *p, const ink__para_t *t);
size_t ink__letter_spaced_paras (const lay_t *L);
/* balanced.c: a head's lines balanced at measure (po its line builder's options); a ragged
 * paragraph set looser or tighter given a last line that is not one word (*alone if not). */
ink_status_t ink__balance_lines (lay_t *L, setpara_t *p, ink__para_opts_t *po, int32_t measure);
ink_status_t ink__loose_company (lay_t *L, setpara_t *p, bool *alone);
/* p's last line is one word alone. */
bool ink__ends_lone (const setpara_t *p);
/* A pull quote, related link or figure: a block that may wait for the next column. */
bool ink__is_float_block (const ink__block_t *b);
/* A related link set in the box of the one before it made one float with it. */
void ink__stack_related (lay_t *L, size_t first);
int32_t ink__line_height (const setpara_t *p, const ink__line_t *ln);
int32_t ink__line_baseline (const setpara_t *p, const ink__line_t *ln);
/* Heights of lines and floats are summed in int64_t (a paragraph of a million lines passes
 * 2^31 in 1/64 px) and returned at most this: 2^22 px, 256 times INK_MAX_PAGE_SIDE, taller
 * than any column, and small enough that a few added to a page coordinate stay in int32_t. */
#define INK_HEIGHT_MAX (INT32_C (1) << 28)
int32_t ink__lines_height (const setpara_t *p, size_t k0, size_t k1);

/* units.c */
ink_status_t ink__add_lead_float (lay_t *L, int permille);
ink_status_t ink__add_block (lay_t *L, size_t i, bool *seen_para);
ink_status_t ink__add_pullquote (lay_t *L, const ink__block_t *b, long bi, bool narrow);
ink_status_t ink__add_source (lay_t *L);
ink_status_t ink__add_comment (lay_t *L, size_t i, bool first_comment);
int32_t ink__unit_height (const unit_t *u, size_t nlines);
ink_status_t ink__push_para_unit (lay_t *L, setpara_t *p, int role, long block, int32_t x_off,
                                  bool keep, bool unsplittable);
ink_status_t ink__add_para_unit (lay_t *L, int role, long block, const char *prefix,
                                 const char *text, size_t len, const char *suffix,
                                 const ink__span_t *spans, size_t nspans, int32_t x_off,
                                 bool keep, bool unsplittable, const setpara_opts_t *opts);
ink_status_t ink__narrow_float (lay_t *L, size_t ui, bool *done);
ink_status_t ink__widen_float (lay_t *L, size_t ui, bool *done);
unit_t *ink__units_copy (lay_t *L, size_t first, size_t n);

/* bodyorder.c */
ink_status_t ink__build_body_units (lay_t *L);
ink_status_t ink__units_ahead (lay_t *L, size_t from, size_t min_units, int64_t min_height);
size_t ink__units_fixed (const lay_t *L);
size_t ink__order_block (const ink_article_t *a, const ink__float_order_t *o, size_t pos);
bool ink__order_holds (const lay_t *L, size_t ui, bool page);

/* quoteplace.c: a short article's opening pull quote on top or after its first paragraph; a
 * column's text stops two and a half line steps above a pull quote under it */
ink_status_t ink__short_quote_place (ink_context_t *ctx, const ink_article_t *article,
                                     ink_template_t *tpl, ink_fontset_t *fonts,
                                     const ink_layout_options_t *opts, bool *after);
bool ink__quote_under_hole (const lay_t *L);

/* floatorder.c */
ink_status_t ink__float_order_plan (ink_context_t *ctx, const ink_article_t *article,
                                    ink_template_t *tpl, ink_fontset_t *fonts,
                                    const ink_layout_options_t *opts, bool after,
                                    lay_t *L, ink_document_t **doc, ink__float_order_t *plan);
ink_status_t ink__float_order_replan (const lay_t *L, const ink_layout_options_t *opts,
                                      ink__float_order_t *plan);

/* table.c */
ink_status_t ink__add_table (lay_t *L, size_t *i);
int32_t ink__row_top (const lay_t *L, const unit_t *u, int32_t y);
int32_t ink__row_slack (const unit_t *u);
int32_t ink__row_height (const lay_t *L, const unit_t *u);
/* Whether unit ui is a table's row after its first: nothing goes between it and the row
 * before (a float waits), and at a column's top the header is drawn again above it. */
bool ink__row_continues (const lay_t *L, size_t ui);
size_t ink__row_chars (const unit_t *u);
/* Whether the short table at the head of the queue cannot go whole where the flow is. */
bool ink__table_waits (const lay_t *L);
/* Whether a page of one column breaks before unit ui, so that the text after a short table
 * that waits does not go right under its lead-in. */
bool ink__lead_in_left (const lay_t *L, size_t ui);
ink_status_t ink__emit_row (lay_t *L, const unit_t *u, int32_t x, int32_t y);
void ink__tables_free (lay_t *L);

/* tablenote.c */
bool ink__is_table_note (const ink_article_t *a, size_t j);
ink_status_t ink__add_table_note (lay_t *L, size_t j, bool *added);
bool ink__ends_in_note (const lay_t *L, size_t ui);
int64_t ink__note_float_foot (const lay_t *L, size_t ui, int64_t y);

/* dropcap.c */
ink_status_t ink__add_drop_cap_para (lay_t *L, const ink__block_t *b, long bi, unsigned lines,
                                     const setpara_opts_t *opts);

/* locale.c */
const char *ink__date (lay_t *L);
const char *ink__read_label (const char *lang);
const char *ink__attribution_dash (const char *lang);
const char *ink__separator (const lay_t *L);

/* head.c */
ink_status_t ink__place_head (lay_t *L);
/* The smallest a head's headline and deck are set, of their styles' size, to fit page 1. */
#define INK_HEAD_MIN_SCALE 0.7f
ink_status_t ink__lead_again (lay_t *L, int permille, int32_t *top);
ink_status_t ink__head_again (lay_t *L, float scale, int32_t *top);

/* leadcol.c */
ink_status_t ink__lead_in_column (lay_t *L, int32_t y);
bool ink__lead_opens (const lay_t *L, size_t ui);

/* leadfit.c */
ink_status_t ink__lead_fit (lay_t *L, bool *fitted);
ink_status_t ink__lead_flow (lay_t *L, int permille, snap_t *sn);

/* leadeven.c: a full page's units and their paragraphs' lines kept, to set the page again
 * with its lead picture at another size, or a pull quote elsewhere, and back as it was */
typedef struct {
  ink__para_t para;              /* its lines, as broken then (a copy it owns) */
  int32_t *heights;              /* their heights (a copy), para.lines.n of them */
  int32_t step, base_off;
  int looseness;
  ink__kept_hyphen_t kept_hyphen[4];
} ink__kept_para_t;
typedef struct {
  size_t first;                  /* the page's first unit (or float waiting for it) */
  unit_t *units;                 /* units from first, as they were */
  ink__kept_para_t *paras;       /* their paragraphs as they were (para.ctx NULL: none) */
  size_t n;
} ink__lead_keep_t;
ink_status_t ink__lead_keep (lay_t *L, const snap_t *sn, ink__lead_keep_t *k);
void ink__lead_keep_free (lay_t *L, ink__lead_keep_t *k);
ink_status_t ink__lead_keep_back (lay_t *L, const ink__lead_keep_t *k);
ink_status_t ink__lead_resize (lay_t *L, const ink__lead_keep_t *k, int permille, snap_t *sn);

/* headeven.c: the head opened up on page 1, once the document is set */
void ink__head_open (const lay_t *L, ink_document_t *doc);

/* lastspace.c: the last page's vertical space cut by quarters */
#define INK_SPACE_CUTS 4
int32_t ink__space_at (int32_t space, int cut);
void ink__space_save (const unit_t *u, size_t n, int32_t *saved);
void ink__space_set (unit_t *u, size_t n, const int32_t *saved, int cut);
void ink__space_set_span (unit_t *u, size_t n, const int32_t *saved, int cut);

/* vjust.c */
int64_t ink__vjust_page (lay_t *L, size_t page, bool last);
int64_t ink__vjust_first (lay_t *L, size_t page);
int64_t ink__vjust_trial (lay_t *L, size_t page);
void ink__vjust_as_set (lay_t *L, size_t page);
void ink__vjust_last_as_set (lay_t *L, size_t page);
int64_t ink__vjust_room (const lay_t *L, size_t page);

/* columns.c */
ink_status_t ink__new_page (lay_t *L);
ink_status_t ink__column_break (lay_t *L);
bool ink__whole_column (const lay_t *L);
bool ink__floats_only (const lay_t *L);
int32_t ink__col_x (const lay_t *L);

/* colhole.c */
bool ink__column_hole (const lay_t *L, size_t q, int32_t step);

/* flow.c */
bool ink__text_starts (const lay_t *L, size_t ui, int32_t y);
ink_status_t ink__flow_range (lay_t *L, size_t ui, size_t k0, size_t end);
ink_status_t ink__flow (lay_t *L, size_t ui, size_t k0);
ink_status_t ink__flow_all (lay_t *L);
ink_status_t ink__flow_end (lay_t *L);
ink_status_t ink__settle_last_page (lay_t *L);

/* flowbox.c */
ink_status_t ink__flow_box (lay_t *L, size_t ui, size_t end, int32_t before, bool *again);
ink_status_t ink__picture_shrinks (lay_t *L, size_t ui, int64_t need, bool *shrinks);
ink_status_t ink__picture_shrunk (lay_t *L, size_t ui, int64_t need, bool *shrinks,
                                  int32_t *height);

/* floats.c */
ink_status_t ink__place_pending (lay_t *L);
size_t ink__comments_start (lay_t *L);
ink_status_t ink__floats_before_comments (lay_t *L, size_t ui);
ink_status_t ink__place_last (lay_t *L);
ink_status_t ink__place_span (lay_t *L);
bool ink__has_text (const lay_t *L);
int32_t ink__float_height (const lay_t *L, size_t ui);
int64_t ink__float_y (const lay_t *L, size_t ui);
bool ink__float_fits (const lay_t *L, size_t ui, int64_t y, int32_t bottom);
bool ink__float_leaves_text (lay_t *L, size_t ui, int64_t y, int32_t bottom);
bool ink__queue_float (lay_t *L, size_t ui);
ink_status_t ink__keep_quote_order (lay_t *L, size_t ui, bool *waits);
ink_status_t ink__drop_queue (lay_t *L, size_t ui);
bool ink__span_on_page (const lay_t *L);
bool ink__quote_blocked (const lay_t *L);
bool ink__top_takes (const lay_t *L, size_t ui);
bool ink__comments_follow (lay_t *L, size_t ui);
bool ink__queues_ahead (const lay_t *L, size_t span, size_t head);
bool ink__text_to_come (lay_t *L, int64_t taken);
int64_t ink__unit_extent (const lay_t *L, size_t i, size_t k0);
bool ink__text_within (const lay_t *L, size_t from, size_t to);

/* spanend.c */
ink_status_t ink__finish_span (lay_t *L);

/* tablemid.c */
bool ink__is_table (const lay_t *L, size_t ui);
void ink__note_table_end (lay_t *L, size_t span, const snap_t *sn);
ink_status_t ink__table_off_end (lay_t *L);
ink_status_t ink__span_before_break (lay_t *L);
bool ink__quote_line (const lay_t *L, const ink__lrec_t *l);
const ink__lrec_t *ink__edge_line (const lay_t *L, unsigned c, bool top);
const ink__lrec_t *ink__edge_line_on (const lay_t *L, size_t page, unsigned c, bool top);

/* widow.c */
bool ink__widow_waits (const lay_t *L, size_t ui);
bool ink__head_waits (const lay_t *L, size_t ui);
bool ink__running_at (const lay_t *L, size_t i);
bool ink__float_follows (const lay_t *L, size_t ui, size_t end);
bool ink__float_opens_next (const lay_t *L);
bool ink__float_may_follow (const lay_t *L, size_t ui, size_t end);
bool ink__widow_first (const lay_t *L);
bool ink__widow_holds (const lay_t *L, size_t ui);

/* headfloats.c */
size_t ink__column_floats_end (const lay_t *L, size_t f);
bool ink__floats_before_head (lay_t *L, size_t ui);

/* picroom.c */
int32_t ink__text_step (const lay_t *L);
ink_status_t ink__room_for_late (lay_t *L, size_t p, int32_t *raise);
ink_status_t ink__room_for_lines (lay_t *L, size_t p, int32_t *raise);
ink_status_t ink__picture_fits (lay_t *L, size_t q, bool *fits);
int64_t ink__picture_least (const lay_t *L, size_t ui, int64_t h);
ink_status_t ink__late_picture_fits (lay_t *L, size_t q, bool *fits);
/* latespace.c: a late pull quote or related box set with less space */
#define INK_LATE_SPACE_UNITS 16
int ink__late_float_cut (lay_t *L, size_t q);
int ink__end_float_cut (lay_t *L, size_t q, int32_t bottom);
void ink__late_float_space (lay_t *L, size_t q, int cut, int32_t *saved);

/* quotes.c */
bool ink__is_quote (const lay_t *L, size_t ui);
long ink__quote_block (const lay_t *L, size_t ui);
bool ink__quote_waits (lay_t *L, size_t ui);
bool ink__span_quote_on_page (const lay_t *L);
bool ink__quote_before_on_page (const lay_t *L, size_t ui);
bool ink__under_span_quote (const lay_t *L);
bool ink__after_quote (const lay_t *L);
bool ink__beside_quote (const lay_t *L, size_t ui, int64_t y);
bool ink__quote_meets_quote (lay_t *L, size_t ui);
ink_status_t ink__narrow_before_quote (lay_t *L, size_t ui, bool *narrowed);

/* unstack.c */
ink_status_t ink__unstack_last_page (lay_t *L);
ink_status_t ink__set_last_page (lay_t *L, const snap_t *sn);
ink_status_t ink__try_narrow_span (lay_t *L, size_t span, const snap_t *sn, bool *better);

/* widen.c */
ink_status_t ink__widen_last_page (lay_t *L);

/* quotehead.c */
ink_status_t ink__quote_off_head (lay_t *L);
ink_status_t ink__span_mid (lay_t *L, size_t span, const snap_t *sn, bool even, bool *kept);
size_t ink__earlier_split (const lay_t *L, const snap_t *sn, size_t span, size_t j);
bool ink__pulled_from (const lay_t *L, size_t span, long b);
bool ink__passage_under (const lay_t *L, size_t span, const snap_t *sn);
bool ink__block_pulled_from (const ink_article_t *a, long q, long b);
void ink__units_rotate (lay_t *L, size_t a, size_t m, size_t b);
ink_status_t ink__quote_off_foot (lay_t *L);
void ink__note_quote_top (lay_t *L, const snap_t *sn);
ink_status_t ink__set_text_from (lay_t *L, const snap_t *sn);

/* early.c */
ink_status_t ink__float_before_end (lay_t *L);
bool ink__quotes_side_by_side (const lay_t *L, size_t page);
long ink__later_beside (const lay_t *L, size_t page);
long ink__later_stacked (const lay_t *L, size_t page);

/* foot.c */
ink_status_t ink__foot_unhyphen (lay_t *L, setpara_t *p, size_t k0, size_t last, bool *changed);

/* overflow.c */
ink_status_t ink__count_overflow_range (lay_t *L, size_t ui, size_t k0, size_t end);
ink_status_t ink__count_overflow (lay_t *L, size_t ui, size_t k0);

/* balance.c */
void ink__take_snap (lay_t *L, int32_t top);
size_t ink__snap_first_unit (const snap_t *sn);
void ink__restore_snap (lay_t *L, const snap_t *sn, int32_t bottom);
ink_status_t ink__resume_snap (lay_t *L, const snap_t *sn);
int32_t ink__line_step (const lay_t *L);
int ink__line_col (const lay_t *L, const ink__lrec_t *l, int32_t body_top);
int ink__box_col (const lay_t *L, int32_t x, int32_t w);
bool ink__float_role (int r);

/* Where a line is read: its page, column (ink__line_col) and top. */
typedef struct {
  size_t page;
  int col;
  int32_t y;
} ink__read_at_t;

/* Whether a is read before b. */
static inline bool
ink__read_before (ink__read_at_t a, ink__read_at_t b)
{
  return a.page != b.page ? a.page < b.page : a.col != b.col ? a.col < b.col : a.y < b.y;
}

void ink__measure_page (const lay_t *L, const snap_t *sn, int32_t step, ink__makeup_cols_t *c);
void ink__page_ends (const lay_t *L, const snap_t *sn, int32_t *low, int64_t *spread,
                     bool *even);
int64_t ink__most_room (const lay_t *L, size_t page);
ink_status_t ink__set_page_cols (lay_t *L, const snap_t *sn, const int32_t *bottoms);
ink_status_t ink__balance (lay_t *L);
ink_status_t ink__balance_even (lay_t *L, bool *even);
ink_status_t ink__balance_before_break (lay_t *L);
ink_status_t ink__balance_score (lay_t *L, int32_t step, int64_t *cost, bool *even,
                                 bool *lone_float);

/* spantop.c */
ink_status_t ink__span_before_comments (lay_t *L);
ink_status_t ink__span_over_head (lay_t *L);
ink_status_t ink__table_to_top (lay_t *L);

/* lastpair.c */
ink_status_t ink__pair_even (lay_t *L, const snap_t *sn, int32_t step, int32_t deepest,
                             int32_t *bottoms, bool *tried);
bool ink__flowed_role (int role);
bool ink__readers_role (int role);

/* commentcol.c */
ink_status_t ink__comments_across (lay_t *L);

/* briefcols.c */
bool ink__brief_worth (const ink_article_t *article, const ink_template_t *tpl);
ink_status_t ink__brief_columns (ink_context_t *ctx, const ink_article_t *article,
                                 ink_template_t *tpl, ink_fontset_t *fonts,
                                 const ink_layout_options_t *opts, bool after, lay_t *L,
                                 ink_document_t **doc);

/* runt.c */
ink_status_t ink__runt_join_comment (lay_t *L, bool *joined);
ink_status_t ink__runt_pull (lay_t *L, const snap_t *sn, const int32_t *bottoms, bool *pulled,
                             bool *tried);
ink_status_t ink__runt_hold (lay_t *L, bool *held);

/* floatpull.c */
ink_status_t ink__float_pull (lay_t *L, bool *pulled);

/* pages.c */
void ink__snap_next (lay_t *L);
ink_status_t ink__pages_start (lay_t *L);
ink_status_t ink__pages_even (lay_t *L);
ink_status_t ink__pages_resume (lay_t *L);
ink_status_t ink__flow_pages (lay_t *L);
ink_status_t ink__pages_again (lay_t *L, const snap_t *sn);
bool ink__loose_para (const unit_t *u);

/* running.c */
ink_status_t ink__running_lines (lay_t *L);
void ink__close_head_gaps (const lay_t *L, ink_document_t *doc);   /* headgap.c */
/* The runs of characters no font has, from every paragraph set, into doc (missing.c). */
ink_status_t ink__missing_runs (lay_t *L);
ink_status_t ink__missing_para_runs (lay_t *L, const setpara_t *p);

/* display.c */
ink_status_t ink__emit_line (lay_t *L, const setpara_t *p, size_t k, int32_t x, int32_t y);
ink_status_t ink__emit_box (lay_t *L, ink__item_kind_t kind, const ink__image_t *img, int32_t x,
                            int32_t y, int32_t w, int32_t h, uint8_t grey, long block);
ink_status_t ink__emit_rule (lay_t *L, int32_t x, int32_t y, int32_t w, int32_t h);

#endif
