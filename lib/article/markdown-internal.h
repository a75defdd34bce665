/* article/markdown-internal.h: what the files of the Markdown reader give each other. Not
 * installed; only lib/article/markdown*.c include it.
 *
 *   markdown.c         ink__markdown_read: md4c's block callbacks, containers, the model's order
 *   markdown_inline.c  a paragraph's text collected: spans, links, images, marks, HTML, entities
 *   markdown_blocks.c  collected text made into blocks: paragraphs, lists, figures, rules, tables
 *   markdown_quotes.c  marked block quotes: pull quotes, related links, comments and replies
 *
 * md4c reports no positions, but the text it hands over points into our buffer, so a block's
 * position is that of its first text; where md4c builds text elsewhere (escapes in link
 * targets), the last known position is used and a forward search finds images' "![". */
#ifndef INK_MARKDOWN_INTERNAL_H
#define INK_MARKDOWN_INTERNAL_H

#include "article.h"

#include <md4c.h>
#include <stdint.h>

/* Text offset off of a paragraph being collected came from source offset src. */
typedef struct {
  size_t off, src;
} pmark_t;

/* A paragraph (or heading, or code block) being collected, before it becomes or joins a
 * block. Spans here point at hrefs owned by the hrefs list. */
typedef struct {
  bool active;
  bool implicit;                 /* text of a tight list item, with no paragraph block */
  bool heading;
  unsigned heading_level;
  bool code;
  ink__str_t text;
  INK_VEC (ink__span_t) spans;
  INK_VEC (char *) hrefs;
  INK_VEC (uint32_t) lines;      /* offsets in text where a line starts after a break */
  INK_VEC (pmark_t) marks;       /* where words of text were in the source, ascending */
  size_t src_off;                /* source offset of the first text; SIZE_MAX until known */
  unsigned nimages;
  bool in_image;
  char *img_src, *img_title;
  uint32_t img_start, img_end;   /* the alt text's range in text */
  size_t img_off;                /* source offset of the "![" */
  bool img_in_link;              /* the first image is inside a link */
} para_t;

typedef enum { C_QUOTE, C_UL, C_OL, C_LI } ckind_t;

/* What md4c reports that inkset does not set: the text is kept as plain text, and the first
 * of each kind is named, with how many there were, once the article has been read. Underline
 * and LaTeX math are not asked of md4c ("_x_" stays emphasis, "$5" stays a price), so their
 * source stays as written; they are listed for a parser that reports them anyway. */
typedef enum { X_CODE, X_HTML_BLOCK, X_HTML, X_TABLE, X_TABLE_WIDE, X_CELLS, X_DEL, X_U, X_MATH,
               X_WIKI, X_TASK, X_IMAGE_LINK, X_COUNT_ } construct_t;
typedef enum { Q_UNDECIDED, Q_PLAIN, Q_PULL, Q_READ, Q_COMMENT, Q_REPLY } qkind_t;

typedef struct {
  ckind_t kind;
  qkind_t q;
  bool seen_leaf;
  bool in_attribution;           /* pull quote: the attribution has begun */
  size_t block;                  /* the block this container's paragraphs join, or SIZE_MAX */
  unsigned level;                /* comment: 0 = comment, n = reply depth */
  unsigned number;               /* OL: the next item's number; LI: this item's */
  size_t marker_off;
  size_t task_off;               /* LI: source offset of a task's "[x]" not yet set */
} cont_t;

typedef struct {
  ink_context_t *ctx;
  ink_article_t *a;
  ink_diag_t *diag;
  ink_status_t status;
  const char *src;               /* whole (sanitized) article */
  size_t len;
  const char *body;
  size_t body_len;
  ink__pos_t pos;
  size_t cursor;                 /* source offset just after the last located text */
  INK_VEC (cont_t) stack;
  unsigned span_flags[64];
  char *span_href[64];
  unsigned nspan;                /* depth of the span stack (deeper levels are not styled) */
  para_t p;
  bool deep_pending;
  bool html_block;               /* inside an HTML block: its tags are left out */
  bool in_tag;                   /* inside one of its tags */
  unsigned cells;                /* table cells begun in the current row */
  unsigned table_cols, table_row;   /* the table's columns, the row being read */
  unsigned table_head;           /* the columns of the table's head row, however it is set */
  unsigned wide_cols;            /* the first table too wide to be one: its columns */
  char table_align[INK_MAX_TABLE_COLUMNS + 1];   /* a letter a column (table rows' align) */
  size_t x_count[X_COUNT_];      /* constructs set as plain text: how many of each */
  size_t x_off[X_COUNT_];        /* and where the first is; SIZE_MAX until its text comes */
  const ink__md_notes_t *notes;  /* footnote definitions' source ranges */
} md_t;

/* Offset of p in the source, or SIZE_MAX when md4c built the text elsewhere. */
static inline size_t
src_offset (const md_t *m, const char *p)
{
  uintptr_t b = (uintptr_t) m->src, e = b + m->len, q = (uintptr_t) p;
  return q >= b && q <= e ? (size_t) (q - b) : SIZE_MAX;
}

static inline cont_t *
top (md_t *m)
{
  return m->stack.n ? &m->stack.v[m->stack.n - 1] : NULL;
}

static inline cont_t *
innermost_quote (md_t *m)
{
  for (size_t i = m->stack.n; i-- > 0;)
    if (m->stack.v[i].kind == C_QUOTE)
      return &m->stack.v[i];
  return NULL;
}

static inline void
lc (md_t *m, size_t off, unsigned *line, unsigned *col)
{
  ink__pos_at (&m->pos, off, line, col);
}

static inline bool
is_space (char c)
{
  return c == ' ' || c == '\n';
}

static inline size_t
para_off (md_t *m)
{
  return m->p.src_off != SIZE_MAX ? m->p.src_off : m->cursor;
}

/* markdown.c */
int ink__md_fail (md_t *m, ink_status_t st, size_t off, const char *fmt, ...)
  __attribute__ ((format (printf, 4, 5)));
int ink__md_oom (md_t *m);
void ink__md_seen (md_t *m, construct_t x, size_t off);
void ink__md_seen_at (md_t *m, size_t off);
int ink__md_deep_error (md_t *m, size_t off);

/* markdown_inline.c */
void ink__md_para_reset (md_t *m);
void ink__md_para_start (md_t *m, bool implicit);
int ink__md_put (md_t *m, const char *s, size_t n, bool newlines_break);
int ink__md_enter_span (MD_SPANTYPE type, void *detail, void *user);
int ink__md_leave_span (MD_SPANTYPE type, void *detail, void *user);
int ink__md_text (MD_TEXTTYPE type, const MD_CHAR *s, MD_SIZE n, void *user);

/* markdown_blocks.c */
int ink__md_block_append (md_t *m, ink__block_t *b, size_t start, size_t end, char sep);
int ink__md_string_append (md_t *m, char **dst, size_t start, size_t end, char sep);
ink__block_t *ink__md_new_block (md_t *m, ink__block_kind_t kind, size_t off);
int ink__md_leaf_end (md_t *m);
int ink__md_rule (md_t *m);
int ink__md_table_block (md_t *m, MD_BLOCKTYPE type, void *detail);
void ink__md_lint_tables (md_t *m);
int ink__md_table_row_end (md_t *m);
void ink__md_table_surplus (md_t *m);

/* markdown_quotes.c */
int ink__md_quote_first (md_t *m, cont_t *q, size_t off);
int ink__md_quote_later (md_t *m, cont_t *q, size_t off);
int ink__md_pull_paragraph (md_t *m, cont_t *q, size_t from, size_t first_line);

#endif
