/* paginate/floatorder.h: a layout of a short article's float order measured (ordertrial.c),
 * for the search of plans (floatorder.c). */
#ifndef INK_PAGINATE_FLOATORDER_H
#define INK_PAGINATE_FLOATORDER_H

#include "layout-internal.h"

/* A float read out of turn: its block, none when -1. */
#define ORDER_NONE (-1L)

/* What one float read out of turn weighs against floats read out of their text's reach
 * (ordertrial.c): more than an article has floats. */
#define ORDER_FAR_WEIGHT 1024u

/* The layout as set one way. */
typedef struct {
  size_t pages, overflow;
  bool even, strained, rejected;
  bool early;        /* a pull quote is read before the first line of text */
  long early_first;  /* the first such quote's block (ORDER_NONE: none) */
  long foot;         /* a pull quote across page 1's foot, the text going on (midspan.c) */
  unsigned passages; /* pull quotes read before the paragraph they quote (over_passage) */
  unsigned strays;   /* pull quotes read after the subhead that ends their section (past_head) */
  bool hole;         /* a column's text stops well above a pull quote or picture under it */
  unsigned stranded; /* subheads that end a column over text of their own to come */
  unsigned bare;     /* columns without text before the last page of text (bare_columns) */
  unsigned bare_beside; /* those but a pull quote's beside its passage (heldquote.c) */
  unsigned short_cols; /* columns of text left short before the page before that (short_columns) */
  unsigned widows;   /* a paragraph's last line alone at a column's top (widows) */
  unsigned float_pages; /* pages after the text's last that hold no comment (floats alone) */
  unsigned starved;  /* pages its pull quotes and related links starve of text (pagestarve.c) */
  unsigned faults;   /* floats read out of turn, ORDER_FAR_WEIGHT each, and out of their
                      * text's reach on the next page, one each: fewer out of turn is
                      * better whatever the reach */
  long first;        /* the first out of turn in the article's order, else the first out of
                      * reach */
  long partner;      /* when first is a pull quote beside another, that other (the earlier;
                      * ORDER_NONE: none) */
  long list_item;    /* the first list item a float is read before inside its list (after the
                      * lead-in or an item: ordertrial.c inside_list; ORDER_NONE: none) */
  bool head_alone;   /* page 1 holds the head alone while the article goes on */
  int32_t head_need; /* the room the article's first float takes under the head */
} order_trial_t;

/* The work the trials of one article's search may spend, in lines set (orderbudget.c). */
typedef struct {
  uint64_t left;     /* lines left to set */
  uint64_t dearest;  /* the most one trial has set */
} order_work_t;

/* What every trial of one article shares. */
typedef struct {
  ink_context_t *ctx;
  const ink_article_t *a;
  ink_template_t *tpl;
  ink_fontset_t *fonts;
  const ink_layout_options_t *opts;
  bool after;
  order_trial_t base;      /* the layout in the article's order */
  const lay_t *shaped;     /* and that layout itself, whose shaping the trials take */
  unsigned *budget;        /* layouts left to try */
  order_work_t *work;      /* the work they may spend (orderbudget.c) */
} order_ctx_t;

/* The status of a trial not laid out, the search's work spent (orderbudget.c): it stops the
 * search, which keeps the plan found so far. Never leaves floatorder.c. */
#define ORDER_SPENT INK_STATUS_COUNT_

/* The work the float order search of L, an article's layout in its order just set, may spend
 * on its trials (orderbudget.c). */
order_work_t ink__order_work (const lay_t *L);

/* The article laid out with the floats built as plan orders them, measured into *tr, its work
 * charged to *o->work; ORDER_SPENT, and nothing laid out, when what is left would not pay
 * for the dearest trial yet (orderbudget.c). */
ink_status_t ink__order_trial (const order_ctx_t *o, const ink__float_order_t *plan,
                               order_trial_t *tr);

/* The search of ink__float_order_replan, the work its trials spent in *spent (for tests). */
ink_status_t ink__float_order_search (const lay_t *L, const ink_layout_options_t *opts,
                                      ink__float_order_t *plan, uint64_t *spent);

/* A block of text: a paragraph, subhead, list item or block quote (not a float, a table's row
 * or a comment). */
bool ink__is_text_block (const ink__block_t *b);

/* Trial tr reads no more pull quotes before their passage than base, or more by fewer than
 * the floats it reads in turn that base read out of turn (ordertrade.c). */
bool ink__passages_paid (const order_trial_t *tr, const order_trial_t *base);

/* The make-up of the layout L just set, measured into *tr. */
void ink__order_measure (const lay_t *L, order_trial_t *tr);

/* The size the pull quotes are tried at after s, of their style's size: a step smaller, never
 * under the smallest; 0 after the smallest (floatorder.c). */
float ink__smaller_quote_scale (float s);

/* The article has a pull quote (floatorder.c). */
bool ink__has_pullquote (const ink_article_t *a);

/* The pages of the layout L just set that its pull quotes and related links starve of text
 * (quotestarve.c). */
unsigned ink__starved_pages (const lay_t *L);

/* Whether trial tr is to be kept over best (base: the article as it orders itself). */
typedef bool (*order_keep_fn) (const order_trial_t *tr, const order_trial_t *best,
                               const order_trial_t *base);

/* The article laid out with the pull quotes of *plan a step smaller at a time, their white
 * too when `white` (one trial of the budget each): the first setting keep keeps over *best is
 * kept in *plan and *best (quotestarve.c). */
ink_status_t ink__quote_scale_ladder (const order_ctx_t *o, bool white, order_keep_fn keep,
                                      order_trial_t *best, ink__float_order_t *plan);

/* With a page of best starved by its pull quotes, the pull quotes and their white set a step
 * smaller at a time; the first setting that starves fewer pages and is no worse made up is
 * kept in *plan and *best (quotestarve.c). */
ink_status_t ink__try_unstarve_scale (const order_ctx_t *o, order_trial_t *best,
                                      ink__float_order_t *plan);

#endif
