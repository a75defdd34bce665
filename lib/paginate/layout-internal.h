/* paginate/layout-internal.h: the steps each file of lib/paginate/ gives the others. Their
 * types and the page engine's shared state (lay_t) are in layout-types.h, which it includes.
 * Not installed; only lib/paginate/ includes it. A few files share more among themselves, in
 * a header of their own (named below).
 *
 *   document.c  ink_document_layout: the steps in order, and the document's accessors
 *   floatorder.c a short article's floats moved ahead of text (or behind it) when its layout
 *               reads them out of turn; laid out again (document.c, pager.c)
 *   ordertrial.c each layout floatorder.c tries, measured: floats read out of turn, and its
 *               make-up (floatorder.h)
 *   orderbudget.c each layout floatorder.c tries, laid out while its budget of work lasts
 *               (floatorder.h)
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
 *   headgap.c   a subhead stands on its text: no white between them off the grid
 *   headeven.c  page 1's head opened up or set smaller, when page 1's columns cannot end
 *               together and full otherwise (even.h)
 *   leadpic.c   the lead picture across the columns, on their edges, its caption beside or under
 *   leadcol.c   the lead picture that leads the first column, before the text
 *   columns.c   a page's columns opened in turn: a new page, the next column, its x
 *   flow.c      units flowed down the columns; column breaks, keeps, widows, orphans
 *   flowbox.c   pictures, rules, spaces and table rows in the flow; captions kept with them
 *   flowfloat.c a float met in the flow: placed where the text reaches it, or queued to wait
 *   sidecap.c   a narrow picture in a column at its start edge, its caption in the white beside it
 *   floats.c    floats that wait for the next column, and floats across the columns
 *   quotes.c    where a pull quote may stand: not on another, nor beside one
 *   quotememo.c a pull quote set again at a width, kept to be taken again
 *   quoteplace.c a short article's opening pull quote on top or after its first paragraph
 *   quotehead.c no pull quote over the article's first paragraph, nor under an unbalanced
 *               last page
 *   midspan.c   a pull quote across the middle of the article's first page, not its top
 *   lastfoot.c  a pull quote set beside another on the last page, across the foot of its
 *               columns instead
 *   unstack.c   the last page set again when two pull quotes stand one on the other on it
 *   widen.c     the last page set again with the pull quote that opens it across its
 *               columns (the reverse of unstack.c)
 *   widepic.c   a picture that opens the last page alone in its column, across its top
 *   spanend.c   a float across the columns still waiting when the text ends
 *   tablemid.c  a wide table the first page's comments would send to a page alone, set across
 *               the middle of that page instead
 *   spantop.c   no float across the columns opens a page of comments
 *   early.c     a float that found no place before the text ended, set earlier
 *   floatpull.c floats that would stand alone on a page or in a column pulled onto the full
 *               page before
 *   latespace.c a pull quote or related box on the last page it may go on, set with less
 *               space
 *   headfloats.c floats after a subhead go before it in a column of floats
 *   headstrand.c a last page balanced with a subhead over fewer than two lines of its text
 *   widow.c     no float right under a paragraph's last line carried alone to a column's
 *               top
 *   listfloat.c no float between a list's lead-in and its items: it waits for the list's end,
 *               one waiting for a column does not open it inside a list, nor one across
 *               the columns a page's top
 *   quotewait.c a pull quote the article puts before its passage waits for it
 *   lastcolwait.c a pull quote or related box that would open a page's last column over one
 *               line of a paragraph going on past the page waits for the next page
 *   colhole.c   a column whose text stops well above the float set under it, while the text
 *               goes on in a later column
 *   picroom.c   a picture in a column made smaller to make room, its caption set again
 *   picquote.c  on one column, a picture made smaller for a late pull quote leaves the
 *               text as much room as the quote takes
 *   foot.c      no hyphen at the foot of a column: a paragraph's lines broken again
 *   overflow.c  what did not fit, counted
 *   snapshot.c  snapshots of a page's start, restored and flowed again from
 *   balance.c   a page set again with other column bottoms; the last page's columns
 *               balanced
 *   pages.c     pages made one at a time; a full page's columns made to end together
 *               (even.h)
 *   evenspace.c a full page's last tools: white space above floats and subheads, and around
 *               pull quotes and related boxes, cut (even.h)
 *   evenfloat.c a full page's pull quote that waits across the next page's top, set in its
 *               columns instead (even.h)
 *   pager.c     the public pager: pages handed out as they are set, units built as needed
 *   makeup.c    a page's columns scored, to choose between ways of setting it (makeup.h)
 *   lastpair.c  the page before the last set a line higher when the last page's columns can
 *               then end together
 *   pairmemo.c  the last page's balance score in one full page's pair trials, remembered by
 *               what the last page is set from (pairmemo.h)
 *   runt.c      a last page of a line or three, or of one reader's comment its columns
 *               cannot share, drawn back onto the page before, its paragraphs a line
 *               tighter or the space around its floats cut (so too a rest of floats alone
 *               that close the story; the text's last page before the comments' own page
 *               too); such a comment set under the text rather than on a page of its own
 *               (comments-new-page); the same for a last page
 *               that no balanced setting holds whole
 *   leadfit.c   the lead picture made a little smaller so that the article ends on its page
 *   leadeven.c  a full page set again with its lead picture a little smaller, when its
 *               columns end apart or short otherwise
 *   lastspace.c the last page's space above and below floats, subheads and comments made
 *               smaller when its columns cannot end together otherwise
 *   vjust.c     vertical justification: space at floats, subheads and comments lets a short
 *               column down to the page's deepest (vjust.h)
 *   vjpieces.c  a page's columns as pieces for vjust.c, read from the display list and moved
 *               down in it (vjust.h)
 *   running.c   running heads and feet
 *   colrules.c  the rules between the columns, band by band
 *   rulepair.c  one rule where two would stand one over the other with white alone between
 *               them (rulepair.h)
 *   display.c   lines, rules and images put into the page's display list
 *   table.c     GFM tables as units: a short one a float with its lead-in or subhead, one
 *               too wide across the columns (table.h)
 *   tablerow.c  a table's rows: cells set as paragraphs and aligned, rows on the page's grid,
 *               placed and drawn, the header again at a column's top (table.h)
 *   tablesize.c a table's size: across the columns or set smaller to keep its words and
 *               figures whole, its header smaller (table.h)
 *   tablewidths.c a table's columns' widths from their cells (tablewidths.h)
 *   tablenote.c the italic note under a table (its source), kept in the table's float
 *   missing.c   the characters no font has, as runs with their source positions
 *   commentcol.c a last page of comments alone whose columns cannot end together, set in
 *               fewer, wider columns that balance, or in one the frame wide
 *   briefcols.c a story of one page whose columns cannot end together, set again in fewer,
 *               wider columns across the same frame */
#ifndef INK_LAYOUT_INTERNAL_H
#define INK_LAYOUT_INTERNAL_H

#include "layout-types.h"
#include "rulepair.h"

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
void ink__layout_put_back (lay_t *L, const lay_t *was);
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
ink_status_t ink__lay_out_quiet (ink_context_t *ctx, const ink_article_t *article,
                                 ink_template_t *tpl, ink_fontset_t *fonts,
                                 const ink_layout_options_t *opts, bool after,
                                 const ink__float_order_t *order, lay_t *L, ink_document_t **out);
void ink__layout_take (lay_t *L, ink_document_t **doc, lay_t *T, ink_document_t *d);

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
/* shapereuse.c: p's shaping taken from the layout L->order.shaped when it shaped p's text
 * alike (*reused); else p is to be shaped. */
ink_status_t ink__reuse_shaping (lay_t *L, setpara_t *p, const ink__shape_opts_t *so,
                                 bool *reused);
bool ink__measure_memo_get (lay_t *L, const setpara_t *p, int32_t measure, ink__para_t *out,
                            ink_status_t *st);
void ink__measure_memo_put (lay_t *L, setpara_t *p, int32_t measure, const ink__para_t *t);
void ink__measure_memo_free (setpara_t *p);
ink_status_t ink__para_height_at (lay_t *L, setpara_t *p, int32_t measure, int32_t *height);
ink_status_t ink__set_para_looseness (lay_t *L, setpara_t *p, int looseness, bool full_page,
                                      bool *met);
bool ink__para_stretched (const setpara_t *p, const ink__para_t *t, bool full_page);
ink_status_t ink__set_para_looser_bounded (lay_t *L, setpara_t *p, bool *met);
ink_status_t ink__set_para_looseness_wide (lay_t *L, setpara_t *p, int looseness, bool full_page,
                                           bool *met);
ink_status_t ink__set_para_looseness_lettered (lay_t *L, setpara_t *p, int looseness, bool *met);
ink_status_t ink__set_para_looseness_tight (lay_t *L, setpara_t *p, int looseness, bool tight,
                                            bool *met);
ink_status_t ink__set_para_line_fewer (lay_t *L, setpara_t *p, bool tight, bool *met);
bool ink__para_looser (const setpara_t *p, const ink__para_t *t, bool wide);
bool ink__para_ragged_holes (const setpara_t *p, const ink__para_t *t);
bool ink__para_letter_spaced (const setpara_t *p, const ink__para_t *t);
size_t ink__letter_spaced_paras (const lay_t *L);
/* balanced.c: a head's lines balanced at measure (po its line builder's options); a ragged
 * paragraph set looser or tighter given a last line that is not one word (*alone if not),
 * on a full page as short as it falls when no other way gives one (*short_last). */
ink_status_t ink__balance_lines (lay_t *L, setpara_t *p, ink__para_opts_t *po, int32_t measure);
ink_status_t ink__loose_company (lay_t *L, setpara_t *p, bool full_page, bool *alone,
                                 bool *short_last);
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
int32_t ink__para_height (const setpara_t *p);

/* picsize.c */
/* The least a picture is set on a side, 1/64 px: less than a page pixel shows nothing. */
#define INK_PICTURE_LEAST 64
int32_t ink__picture_widest (const ink__image_t *img);
void ink__warn_enlarged (const lay_t *L, long block, const ink__image_t *img, int32_t room);
bool ink__picture_too_thin (const lay_t *L, long block, const ink__image_t *img, int64_t w,
                            int64_t h);

/* units.c */
ink_status_t ink__add_lead_float (lay_t *L, int permille);
ink_status_t ink__add_block (lay_t *L, size_t i, bool *seen_para);
ink_status_t ink__add_pullquote (lay_t *L, const ink__block_t *b, long bi, bool narrow);
/* quotememo.c: a pull quote's setting at a width kept (held by the units at ui), taken
 * again while free, freed again when a trial puts the quote back, forgotten with its
 * paragraphs. */
bool ink__quote_set_take (lay_t *L, long block, bool narrow, size_t ui, size_t len);
void ink__quote_set_keep (lay_t *L, long block, bool narrow, size_t ui, size_t len);
void ink__quote_set_unused (lay_t *L, size_t ui, size_t len);
void ink__quote_set_forget (lay_t *L, const setpara_t *p);
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
 * column's text stops two and a half line steps above a pull quote or picture under it */
ink_status_t ink__short_quote_place (ink_context_t *ctx, const ink_article_t *article,
                                     ink_template_t *tpl, ink_fontset_t *fonts,
                                     const ink_layout_options_t *opts, bool *after);
bool ink__quote_under_hole (const lay_t *L);
bool ink__picture_under_hole (const lay_t *L);

/* floatorder.c */
bool ink__short_article (const ink_article_t *a);
bool ink__order_changes (const ink__float_order_t *o);
ink_status_t ink__float_order_plan (ink_context_t *ctx, const ink_article_t *article,
                                    ink_template_t *tpl, ink_fontset_t *fonts,
                                    const ink_layout_options_t *opts, bool after,
                                    lay_t *L, ink_document_t **doc, ink__float_order_t *plan);
ink_status_t ink__float_order_replan (const lay_t *L, const ink_layout_options_t *opts,
                                      ink__float_order_t *plan);

/* leadfoot.c */
/* Whether unit ui, a list's lead-in set whole from y, ends its column free of its keep
 * (as ink__even_lead_in lets it). */
bool ink__lead_in_ends_column (const lay_t *L, size_t ui, int32_t y);

/* table.c */
ink_status_t ink__add_table (lay_t *L, size_t *i);
/* Whether the short table at the head of the queue cannot go whole where the flow is. */
bool ink__table_waits (const lay_t *L);
/* Whether a page of one column breaks before unit ui, so that the text after a short table
 * that waits does not go right under its lead-in. */
bool ink__lead_in_left (const lay_t *L, size_t ui);
bool ink__lead_in_waits (const lay_t *L, size_t ui);

/* heldquote.c */
ink_status_t ink__held_quote_beside (lay_t *L, bool *placed);
bool ink__quote_beside_passage (const lay_t *L, const ink__page_t *pg, unsigned c, long b);

/* leadpart.c */
/* Whether the short table's float at unit ui, which does not fit, parts from its lead-in,
 * which then flows as text to end the column (before: the space over it). */
bool ink__lead_in_part (lay_t *L, size_t ui, int32_t before);
/* The lead-ins from unit from on go back into their tables' floats. */
void ink__lead_in_join (lay_t *L, size_t from);

/* tableturn.c */
/* Whether the short table's float at unit ui, which does not fit, is dissolved to turn the
 * page after its first rows (before: the space over it). */
bool ink__table_turn (lay_t *L, size_t ui, int32_t before);
/* The short tables from unit from on so dissolved are floats again. */
void ink__table_rejoin (lay_t *L, size_t from);
/* Whether the related link at unit ui waits, so that the short table's float with its
 * lead-in right after it goes in where the flow is (before: the space over the link). */
bool ink__link_waits (const lay_t *L, size_t ui, int32_t before);
bool ink__is_table (const lay_t *L, size_t ui);

/* tablerow.c */
int32_t ink__row_top (const lay_t *L, const unit_t *u, int32_t y);
int32_t ink__row_slack (const unit_t *u);
int32_t ink__row_height (const lay_t *L, const unit_t *u);
/* Whether unit ui is a table's row after its first: nothing goes between it and the row
 * before (a float waits), and at a column's top the header is drawn again above it. */
bool ink__row_continues (const lay_t *L, size_t ui);
size_t ink__row_chars (const unit_t *u);
ink_status_t ink__emit_row (lay_t *L, const unit_t *u, int32_t x, int32_t y);
ink_status_t ink__emit_head_again (lay_t *L, const struct ink__table_row *head, int32_t x,
                                   int32_t y);
void ink__tables_free (lay_t *L);

/* colrules.c */
#define INK_COLUMN_RULES_MAX (4 * INK_TEMPLATE_MAX_COLUMNS)
size_t ink__column_rules (const lay_t *L, const ink__page_t *P, ink__item_t *rules, size_t max);

/* tablenote.c */
bool ink__is_table_note (const ink_article_t *a, size_t j);
ink_status_t ink__add_table_note (lay_t *L, size_t j, bool *added);
bool ink__ends_in_note (const lay_t *L, size_t ui);
bool ink__is_note_unit (const lay_t *L, size_t j);
bool ink__ends_table_float (const lay_t *L, size_t j);
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
ink_status_t ink__head_lines (lay_t *L, setpara_t *p, int32_t x, int32_t *y);
/* The smallest a head's headline and deck are set, of their styles' size, to fit page 1. */
#define INK_HEAD_MIN_SCALE 0.7f
ink_status_t ink__head_again (lay_t *L, float scale, int32_t *top);

/* leadpic.c */
ink_status_t ink__place_lead (lay_t *L, int32_t *y);
ink_status_t ink__lead_again (lay_t *L, int permille, int32_t *top);

/* sidecap.c */
ink_status_t ink__side_caption (lay_t *L, size_t pic, const char *const text[2], const size_t len[2],
                                const ink__span_t *spans, size_t nspans, bool *beside);
int32_t ink__side_height (const lay_t *L, const unit_t *u);
ink_status_t ink__emit_side (lay_t *L, const unit_t *u, int32_t x, int32_t w, int32_t h);
size_t ink__side_chars (const unit_t *u);
ink_status_t ink__side_leaves (lay_t *L, size_t p, int64_t need, int32_t smallest, bool *beside);

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

/* pagecopy.c: the last page as set, from its snapshot on, and the layout's state */
typedef struct {
  lay_t L;
  ink__page_t page;
  size_t npages, overflow_blocks, overflow_chars, missing;
  ink__item_t *items;
  ink__dglyph_t *glyphs;
  ink__lrec_t *lines;
  char *text;
  size_t ni, ng, nl, nt;
} ink__page_copy_t;
bool ink__page_copy (lay_t *L, const snap_t *sn, ink__page_copy_t *c);
void ink__page_copy_free (ink_context_t *ctx, ink__page_copy_t *c, const snap_t *sn);
ink_status_t ink__page_put_back (lay_t *L, const snap_t *sn, ink__page_copy_t *c);

/* headeven.c: the head opened up on page 1, once the document is set */
void ink__head_open (const lay_t *L, ink_document_t *doc);

/* lastspace.c: the last page's vertical space cut by quarters */
#define INK_SPACE_CUTS 4
/* The most a cut takes where some space must stay: down to a quarter of it. */
#define INK_SPACE_CUT_TO_QUARTER (INK_SPACE_CUTS - 1)
/* A cut to half of the space. */
#define INK_SPACE_CUT_TO_HALF (INK_SPACE_CUTS / 2)
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

/* vjpieces.c */
int64_t ink__vjust_room (const lay_t *L, size_t page);

/* columns.c */
ink_status_t ink__new_page (lay_t *L);
ink_status_t ink__column_break (lay_t *L);
ink_status_t ink__pending_fits_top (lay_t *L, bool *fits);
bool ink__whole_column (const lay_t *L);
bool ink__floats_only (const lay_t *L);
int32_t ink__col_x (const lay_t *L);

/* colhole.c */
bool ink__column_hole (const lay_t *L, size_t q, int32_t step);
/* Whether a line or paragraph in role is running text of the body: a paragraph, a list item,
 * a subhead or a block quote. */
bool ink__running_role (int role);

/* flow.c */
/* A subhead whose kept lines do not fit under it gives up this much of the space above it, at
 * most, to keep them in the column: its space is halved rather than the column left short. */
#define INK_SUBHEAD_GIVE_DIV 2

bool ink__text_starts (const lay_t *L, size_t ui, int32_t y);
bool ink__heads_text (const unit_t *u);
bool ink__unit_splits (const lay_t *L, const unit_t *u);
int32_t ink__on_grid (const lay_t *L, const setpara_t *p, int32_t y);

/* flowfloat.c */
ink_status_t ink__flow_float (lay_t *L, size_t *ui, int32_t before, bool *taken);
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

/* topwait.c */
size_t ink__text_next (lay_t *L, size_t end);
bool ink__top_float_waits (lay_t *L);

/* lastcolwait.c */
bool ink__last_col_float_waits (lay_t *L);

/* footbox.c */
bool ink__second_box_waits (lay_t *L, size_t ui);

/* picquote.c */
int64_t ink__text_under_box (const lay_t *L, size_t q, int64_t start);

/* floats.c */
ink_status_t ink__place_pending (lay_t *L);
size_t ink__comments_find (const lay_t *L);
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
int ink__text_over (lay_t *L, int64_t room);
int64_t ink__unit_extent (const lay_t *L, size_t i, size_t k0);
bool ink__text_within (const lay_t *L, size_t from, size_t to);

/* spanend.c */
ink_status_t ink__finish_span (lay_t *L);
ink_status_t ink__span_under_columns (lay_t *L, bool *placed);

/* spanrows.c */
size_t ink__span_from (const lay_t *L, size_t p);
ink_status_t ink__span_head_again (lay_t *L, size_t p, size_t from, int32_t *y);
bool ink__span_splits (const lay_t *L, size_t i, size_t end, int32_t y, size_t rows);
ink_status_t ink__span_rest_pages (lay_t *L);
size_t ink__take_span_rest (lay_t *L);

/* tallspan.c */
int32_t ink__page_foot (const lay_t *L);
ink_status_t ink__tall_table_here (lay_t *L, bool *set);
ink_status_t ink__tall_table_last (lay_t *L, bool *set);

/* tablemid.c */
void ink__note_table_end (lay_t *L, size_t span, const snap_t *sn);
void ink__note_table_top (lay_t *L, const snap_t *sn);
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
bool ink__widow_first_page (const lay_t *L);
bool ink__widow_strays (const lay_t *L, size_t ui);
bool ink__widow_holds (const lay_t *L, size_t ui);

/* listfloat.c */
bool ink__inside_list (const lay_t *L, size_t ui, size_t end);
bool ink__list_waits (const lay_t *L, size_t ui);
bool ink__opens_inside_list (const lay_t *L, size_t ui, size_t k);
bool ink__list_holds_top (const lay_t *L);
ink_status_t ink__list_narrows_span (lay_t *L);
void ink__note_list_cut (lay_t *L);

/* quotewait.c */
size_t ink__quote_passage_after (const ink_article_t *a, size_t q);
bool ink__quote_of_last (const ink_article_t *a, size_t q);

/* headfloats.c */
size_t ink__column_floats_end (const lay_t *L, size_t f);
bool ink__floats_before_head (lay_t *L, size_t ui);
bool ink__tall_floats_before_head (lay_t *L, size_t ui);

/* headstrand.c: what the lines of a page seen so far showed of the last subhead or author */
typedef struct {
  int head_col;      /* the column of its last line; -1 before the page's first head */
  int head_role;     /* INK_ROLE_SUBHEAD or INK_ROLE_COMMENT_AUTHOR */
  long text_block;   /* the block of the text it heads, -1 before its first line */
  int here;          /* that text's lines in head_col */
  bool authors;      /* comments' authors count as heads (a last page balanced) */
} ink__head_strand_t;
bool ink__head_strands (const ink__lrec_t *l, int col, ink__head_strand_t *s);
bool ink__page_strands_head (const lay_t *L, size_t q);

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
ink_status_t ink__place_under_text (lay_t *L);

/* quotes.c */
bool ink__is_quote (const lay_t *L, size_t ui);
bool ink__is_box (const lay_t *L, size_t ui);
long ink__quote_block (const lay_t *L, size_t ui);
bool ink__quote_waits (lay_t *L, size_t ui);
bool ink__span_quote_on_page (const lay_t *L);
bool ink__quote_before_on_page (const lay_t *L, size_t ui);
bool ink__under_span_quote (const lay_t *L);
bool ink__after_quote (const lay_t *L);
bool ink__beside_quote (const lay_t *L, size_t ui, int64_t y);
bool ink__quote_stagger (lay_t *L, size_t ui, int32_t *before);
bool ink__quote_meets_quote (lay_t *L, size_t ui);
ink_status_t ink__narrow_before_quote (lay_t *L, size_t ui, bool *narrowed);

/* unstack.c */
ink_status_t ink__unstack_last_page (lay_t *L);
ink_status_t ink__set_last_page (lay_t *L, const snap_t *sn);
ink_status_t ink__try_narrow_span (lay_t *L, size_t span, const snap_t *sn, bool *better);

/* widen.c */
ink_status_t ink__widen_last_page (lay_t *L);

/* widepic.c */
bool ink__lone_picture (const lay_t *L, size_t page, size_t ui);
void ink__widen_picture (lay_t *L, size_t ui, bool *done);

/* quotehead.c */
ink_status_t ink__quote_off_head (lay_t *L);
ink_status_t ink__span_mid (lay_t *L, size_t span, const snap_t *sn, bool even, bool *kept);
ink_status_t ink__set_band (lay_t *L, const snap_t *sn, size_t end);
ink_status_t ink__span_under_band (lay_t *L, size_t span, bool foot, bool *placed, bool *at_foot);
long ink__quote_at_first_foot (const lay_t *L);
size_t ink__earlier_split (const lay_t *L, const snap_t *sn, size_t span, size_t j);
bool ink__pulled_from (const lay_t *L, size_t span, long b);
bool ink__passage_under (const lay_t *L, size_t span, const snap_t *sn);
bool ink__block_pulled_from (const ink_article_t *a, long q, long b);
void ink__units_rotate (lay_t *L, size_t a, size_t m, size_t b);
ink_status_t ink__quote_off_foot (lay_t *L);
void ink__note_quote_top (lay_t *L, const snap_t *sn);
ink_status_t ink__set_text_from (lay_t *L, const snap_t *sn);

/* early.c */
bool ink__last_holds_all (const lay_t *L, const snap_t *sn, size_t blocks, size_t chars);
ink_status_t ink__float_before_end (lay_t *L);
bool ink__quotes_side_by_side (const lay_t *L, size_t page);
long ink__later_beside (const lay_t *L, size_t page);
long ink__beside_pair (const lay_t *L, size_t page, long *earlier);
long ink__later_stacked (const lay_t *L, size_t page);
size_t ink__beside_on_page (const lay_t *L, size_t page);

/* lastfoot.c */
ink_status_t ink__quote_last_foot (lay_t *L);

/* commentband.c */
ink_status_t ink__comments_band (lay_t *L);

/* foot.c */
ink_status_t ink__foot_unhyphen (lay_t *L, setpara_t *p, size_t k0, size_t last, bool *changed);

/* overflow.c */
ink_status_t ink__count_overflow_range (lay_t *L, size_t ui, size_t k0, size_t end);
ink_status_t ink__count_overflow (lay_t *L, size_t ui, size_t k0);

/* snapshot.c */
void ink__take_snap (lay_t *L, int32_t top);
void ink__restore_snap (lay_t *L, const snap_t *sn, int32_t bottom);
ink_status_t ink__resume_snap (lay_t *L, const snap_t *sn);

/* balance.c */
size_t ink__snap_first_unit (const snap_t *sn);
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
bool ink__page_filled (const lay_t *L, const snap_t *sn);
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
ink_status_t ink__span_near_text (lay_t *L);
bool ink__quote_far (const lay_t *L);
ink_status_t ink__table_to_top (lay_t *L);

/* lastpair.c */
ink_status_t ink__pair_even (lay_t *L, const snap_t *sn, int32_t step, int32_t deepest,
                             int32_t *bottoms, bool *tried);
ink_status_t ink__pair_runt (lay_t *L, const snap_t *sn, int32_t step, int32_t deepest,
                             int32_t *bottoms, bool *given);
bool ink__flowed_role (int role);
bool ink__readers_role (int role);

/* commentcol.c */
ink_status_t ink__comments_across (lay_t *L);

/* briefcols.c */
bool ink__brief_worth (const ink_article_t *article, const ink_template_t *tpl);
void ink__pages_in_columns (ink_document_t *doc, unsigned n);
/* textless.c */
bool ink__textless (const ink_article_t *a);
ink_status_t ink__textless_columns (ink_context_t *ctx, const ink_article_t *article,
                                    ink_template_t *tpl, ink_fontset_t *fonts,
                                    const ink_layout_options_t *opts, bool after, lay_t *L,
                                    ink_document_t **doc);
/* briefcols.c */
ink_status_t ink__runt_doc_head (ink_context_t *ctx, const ink_article_t *article,
                                 ink_template_t *tpl, ink_fontset_t *fonts,
                                 const ink_layout_options_t *opts, lay_t *L, ink_document_t **doc);
ink_status_t ink__brief_columns (ink_context_t *ctx, const ink_article_t *article,
                                 ink_template_t *tpl, ink_fontset_t *fonts,
                                 const ink_layout_options_t *opts, bool after, lay_t *L,
                                 ink_document_t **doc);

/* runt.c */
ink_status_t ink__runt_join_comment (lay_t *L, bool *joined);
ink_status_t ink__runt_pull (lay_t *L, const snap_t *sn, const int32_t *bottoms, bool *pulled,
                             bool *tried);
ink_status_t ink__runt_hold (lay_t *L, bool *held);
ink_status_t ink__runt_ends (lay_t *L, const snap_t *sn, int32_t step, bool *ended);
size_t ink__runt_text (const lay_t *L, size_t q);
bool ink__runt_ended_on (const lay_t *L, const snap_t *sn, size_t more);

/* floatpull.c */
ink_status_t ink__float_pull (lay_t *L, bool *pulled);

/* pagestarve.c */
bool ink__page_starved (const lay_t *L, size_t q);

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
void ink__source_foot (lay_t *L, ink_document_t *doc, size_t page);   /* sourcefoot.c */
void ink__quote_foot (lay_t *L, ink_document_t *doc, size_t page);    /* quotefoot.c */
/* The runs of characters no font has, from every paragraph set, into doc (missing.c). */
ink_status_t ink__missing_runs (lay_t *L);
ink_status_t ink__missing_para_runs (lay_t *L, const setpara_t *p);

/* display.c */
ink_status_t ink__emit_line (lay_t *L, const setpara_t *p, size_t k, int32_t x, int32_t y);
ink_status_t ink__emit_box (lay_t *L, ink__item_kind_t kind, const ink__image_t *img, int32_t x,
                            int32_t y, int32_t w, int32_t h, uint8_t grey, long block);
ink_status_t ink__emit_rule (lay_t *L, int32_t x, int32_t y, int32_t w, int32_t h);

#endif
