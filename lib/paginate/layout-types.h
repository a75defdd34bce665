/* paginate/layout-types.h: the page engine's types, which every step of lib/paginate/ works
 * on: a set paragraph and how to set one, a unit of the flow, where a page's flow began (a
 * snapshot), the floats' order, the lead picture as placed, and the layout state (lay_t) with
 * the flow's cursor. Not installed; included through layout-internal.h, which declares the
 * steps each file gives the others. */
#ifndef INK_LAYOUT_TYPES_H
#define INK_LAYOUT_TYPES_H

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
/* How many measures a paragraph keeps its height at (measurememo.c): the widths a picture's
 * caption is weighed at while the picture is made smaller (flowbox.c). */
#define INK_HEIGHT_MEMO 16
/* Pull quotes that wait for their passage at once (quotewait.c); one more has those built
 * first, where it stands. */
#define INK_QUOTES_WAITING 8

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
  size_t nstyled;                /* ranges in use, as shaped (style_ranges) */
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
  bool note;                     /* a table's note, set in the table's float (tablenote.c) */
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
  int32_t height_at[INK_HEIGHT_MEMO]; /* the height of its lines (ink__para_height) when set
                                  * at measure height_at[i] (measurememo.c): */
  int32_t height_of[INK_HEIGHT_MEMO];
  unsigned nheights;             /* how many are kept, */
  unsigned heights_next;         /* and the oldest, replaced next once all are */
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
  setpara_t *side[2];            /* U_IMAGE: its caption and credit set in the column's white
                                  * beside it (sidecap.c), or NULL: under it, as units */
  const struct ink__table_row *row;   /* U_ROW: a table's row (tablerow.c) */
  int32_t w, h;                  /* U_IMAGE, U_RULE, U_SPACE */
  int32_t x_off;
  int32_t space_before, space_after;
  bool keep_with_next;           /* subheads, figure images with their captions */
  bool ends_column;              /* a list's lead-in that may end a column (leadfoot.c) */
  unsigned parted_len;           /* a short table's lead-in the flow parted from its float
                                  * (leadpart.c): the float's units before, else 0 */
  unsigned turned_len;           /* a short table's float the flow dissolved to turn the page
                                  * (tableturn.c): its units before, else 0 */
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
} unit_t;   /* a new field joins pairmemo.c's same_unit */

/* Where a page's flow began, to flow it again when balancing. */
typedef struct {
  size_t ui, k, page, items, glyphs, lines, text, overflow_blocks, overflow_chars, missing;
  size_t pending, pending_span, queue_last;
  int32_t top;
  bool head_overflow;
  size_t span_rest;
} snap_t;   /* a new field joins pairmemo.c's same_snap */

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
  bool trial;          /* a layout the search of plans weighs: the finishing step it does not
                        * weigh (lastfoot.c) left out */
  float head_scale;    /* headline and deck at most this of their styles' size (runtdoc.c); 0: 1 */
  float quote_scale;   /* pull quotes at this of their style's size (floatorder.c); 0: 1 */
  bool quote_white;    /* and the white over and under them too (quotestarve.c) */
  const struct lay *shaped;   /* a layout of the same article on the same template and fonts
                               * whose paragraphs' shaping this one's take (shapereuse.c), or
                               * NULL */
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

/* The floor of a picture in a column: never set at less than this many thousandths of its
 * size at the column's width (half the column wide, for a picture in landscape), the lead
 * picture by leadcol.c under the head, any by flowbox.c at a column's top (ink__picture_least)
 * or to end its caption on the grid; it waits for the next column or page instead. Smaller,
 * it would lose what it shows (a launch picture of 141 px on the 800x480 kiosk, its caption
 * in four short lines; a chart's labels). */
#define INK_PICTURE_FLOOR 500

/* A picture's caption goes in the white beside it when that white is this many caption
 * sizes wide (leadpic.c across the columns, sidecap.c in a column). */
#define INK_SIDE_CAPTION_SIZES 10

/* A pull quote set again at a width (quotememo.c): its units as ink__add_pullquote made
 * them (at most a rule, the quote, its attribution and a rule), for block at width colw and
 * size scale, the column's (narrow) or across the columns; free when no unit holds it. */
#define INK_QUOTE_SET_UNITS 4
typedef struct {
  long block;
  bool narrow, free;
  int32_t colw;
  float scale;
  size_t len;
  unit_t units[INK_QUOTE_SET_UNITS];
} ink__quote_set_t;

/* The lead picture across the columns as head.c placed it, to set it again smaller
 * (leadfit.c): where the page's items, glyphs, lines and text stood before it, its top, its
 * size, and its caption and credit as set. */
typedef struct {
  bool placed;
  size_t page, items, glyphs, lines, text, missing;
  int32_t y, w, h;
  setpara_t *caps[2];
} ink__lead_t;

typedef struct lay {
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
  hb_script_t script;            /* the article's main script (ink__article_grid) */
  unsigned ncols;
  size_t max_pages;
  /* Owned by the layout: freed by ink__layout_free, kept as they are when a copy of the
   * state is put back (ink__layout_put_back). A field that owns memory goes in both. */
  INK_VEC (unit_t) units;
  INK_VEC (setpara_t *) paras;
  INK_VEC (struct ink__table_row *) rows;   /* tablerow.c's, freed with the layout */
  INK_VEC (ink__quote_set_t) quote_sets;   /* quotememo.c's */
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
  size_t span_rest;              /* its unit where it goes on, a table split at a page's
                                  * foot (spanrows.c), or NO_FLOAT: from its start */
  bool span_low;                 /* it goes in below the page's top, under the text, a
                                  * table taller than a page (tallspan.c) */
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
  bool last_foot;                /* a pull quote went across the last page's foot
                                  * (lastfoot.c) */
  bool quote_top_set;            /* quote_top holds the start of the article's first page, */
  snap_t quote_top;              /* set again with a pull quote across its top (floats.c
                                  * finish_span, spantop.c): quotehead.c tries it in its turn */
  bool table_end_set;            /* table_end holds the start of the article's first page, */
  snap_t table_end;              /* where the text ended before comments, the table across the
                                  * columns at unit table_end_span going on to the next page */
  size_t table_end_span;         /* (spanend.c): tablemid.c sets it across the first page */
  bool table_top_set;            /* table_top holds the start of the article's first page, */
  snap_t table_top;              /* set again with a table across its top over text that
                                  * comes before it (spantop.c, spanend.c): tablemid.c sets
                                  * the table in its turn, across the page's middle */
  size_t resume_ui;              /* a page set again from its start: where its text goes on,
                                  * while the floats that waited for it are placed (else
                                  * NO_FLOAT, and the flow is at cur_ui) */
  unsigned lone;                 /* lines of running text let stand alone at a column's foot
                                  * or top on the page being set (flow.c, lone_may) */
  bool lone_float;               /* a line stands alone under a float on the page being
                                  * set (colfit.c, under_float) */
  bool cut_list;                 /* a float that waited opens a column inside a list on the
                                  * page being set (listfloat.c, ink__note_list_cut) */
  bool head_opens_col;           /* a subhead opens a column after the first of the page
                                  * being set: the column before may have ended short of it,
                                  * its space and the lines it keeps (evenspace.c) */
  bool link_opens_col;           /* a related link that waited opens a column after the
                                  * first of the page as last set: the column before may have
                                  * ended short of it by a little of its white (evenspace.c) */
  bool balancing;                /* the page being set is the last, its columns balanced
                                  * (balance.c): a last line goes alone to a column only
                                  * where no float opens it (ink__float_opens_next) */
  bool lead_in_free;             /* balancing found no setting that holds the page with the
                                  * text after a short table behind its waiting lead-in
                                  * (ink__lead_in_waits): the text may pass it */
  bool quotes_share;             /* the last page of an article of pull quotes alone set
                                  * again (unstack.c): a quote goes under the one before it
                                  * in a column as well as at the next column's top */
  bool comment_widow;            /* the last page's last tool (balance.c, balance_comment):
                                  * a comment or reply carries its last line alone to the
                                  * next column's top (flow.c, widows_of) */
  bool widow_top;                /* the column being set holds one line alone, a paragraph's
                                  * last, carried from the column before: a float does not
                                  * go in under it (widow.c) */
  bool float_above;              /* the last thing set in the column being set is a float's
                                  * (a picture, a pull quote or related box with its rules, a
                                  * short table's last row or note, tablenote.c):
                                  * no line stands alone under it (flow.c, lone_may) */
  bool span_build;               /* units being built are set across all columns */
  float table_scale;             /* the table being built: its size, times its style's */
  bool table_warned;             /* a table too wide for the page was reported */
  bool lead_warned;              /* a lead picture with too few pixels was reported */
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
    size_t wait[INK_QUOTES_WAITING];   /* pull quotes waiting for their passage, in order */
    size_t wait_due[INK_QUOTES_WAITING];   /* ... each built after this block (quotewait.c) */
    unsigned nwait;
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
  chain_memo_t chains;           /* styles.c: the last script's fallback chains (kept by
                                  * ink__layout_put_back, a memo as fresh as ever) */
  uint64_t flows;                /* pages set from a snapshot so far (ink__resume_snap), by
                                  * trials kept or not (kept by ink__layout_put_back): the
                                  * work the searches spend (pages.c bounds the lead's) */
  uint64_t quote_lines_taken;    /* lines of pull quote settings taken again (quotememo.c),
                                  * charged as set to the float order search (orderbudget.c;
                                  * kept by ink__layout_put_back) */
  uint64_t balance_scores;       /* last pages balanced to be scored (ink__balance_score), by
                                  * trials kept or not (kept by ink__layout_put_back) */
  uint64_t balance_left;         /* balbudget.c: lines the balancing under way may still set */
} lay_t;

#endif
