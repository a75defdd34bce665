/* article/markdown: the Markdown reader. A `---` front matter of `key: value` lines, then a
 * CommonMark body parsed by md4c, whose callbacks are turned into the article's blocks; this
 * file holds the block callbacks, the stack of block quotes and lists, and the model's order.
 * The other parts are named in markdown-internal.h.
 *
 *   ink__markdown_read (ctx, src, len, "examples/articles", "x.md", &article, &diag);
 *
 * md4c allocates its own working memory with malloc. */
#include "markdown-internal.h"

#include <stdio.h>

static const char *const construct_msgs[X_COUNT_] = {
  "code block set as a plain paragraph",
  "HTML block not supported, its text set as plain text (the tags are left out)",
  "inline HTML not supported, the tag is left out and the text around it kept",
  "table not supported, set as plain text: a paragraph per row, cells joined by \" | \"",
  "set as plain text: a paragraph per row, cells joined by \" | \"",
  "table row with more cells than its head row: the cells past the head's are left out",
  "strikethrough not supported, set as plain text",
  "underline not supported, set as plain text",
  "LaTeX math not supported, set as plain text",
  "wiki link not supported, set as plain text (its target is not kept)",
  "task list check box set as text (\"[ ]\" or \"[x]\")",
  "image inside a link has no caption to carry the link: its target is not kept",
};

int
ink__md_fail (md_t *m, ink_status_t st, size_t off, const char *fmt, ...)
{
  if (m->status != INK_OK)
    return -1;
  char buf[sizeof m->diag->message];
  va_list ap;
  va_start (ap, fmt);
  vsnprintf (buf, sizeof buf, fmt, ap);
  va_end (ap);
  if (st == INK_NO_MEMORY) {
    m->status = ink__diag (m->ctx, m->diag, st, 0, 0, "out of memory");
    return -1;
  }
  unsigned line, col;
  ink__pos_at (&m->pos, off, &line, &col);
  m->status = ink__diag (m->ctx, m->diag, st, line, col, "%s", buf);
  return -1;
}

int
ink__md_oom (md_t *m)
{
  return ink__md_fail (m, INK_NO_MEMORY, 0, "out of memory");
}

/* A construct set as plain text; off is where it starts, or SIZE_MAX: where its text does. */
void
ink__md_seen (md_t *m, construct_t x, size_t off)
{
  if (!m->x_count[x]++)
    m->x_off[x] = off;
}

/* The constructs still waiting for a position get off. */
void
ink__md_seen_at (md_t *m, size_t off)
{
  for (int x = 0; x < X_COUNT_; x++)
    if (m->x_count[x] && m->x_off[x] == SIZE_MAX)
      m->x_off[x] = off;
}

/* Named in the order they first appear. */
static void
warn_constructs (md_t *m)
{
  bool done[X_COUNT_] = { false };
  for (;;) {
    int x = -1;
    for (int k = 0; k < X_COUNT_; k++)
      if (m->x_count[k] && !done[k] && (x < 0 || m->x_off[k] < m->x_off[x]))
        x = k;
    if (x < 0)
      return;
    done[x] = true;
    unsigned line, col;
    ink__pos_at (&m->pos, m->x_off[x] != SIZE_MAX ? m->x_off[x] : m->cursor, &line, &col);
    char msg[160];   /* a table too wide names the limit first */
    if (x == X_TABLE_WIDE)
      snprintf (msg, sizeof msg, "table of %u columns, more than the limit of %u, %s", m->wide_cols,
                (unsigned) INK_MAX_TABLE_COLUMNS, construct_msgs[x]);
    else
      snprintf (msg, sizeof msg, "%s", construct_msgs[x]);
    if (m->x_count[x] == 1)
      ink__article_warn (m->ctx, line, col, "%s", msg);
    else
      ink__article_warn (m->ctx, line, col, "%s (%zu in the article, the first here)",
                         msg, m->x_count[x]);
  }
}

/* Nesting depth: each block quote and each list counts once (a list's items do not add a
 * level of their own). */
static unsigned
depth (const md_t *m)
{
  unsigned n = 0;
  for (size_t i = 0; i < m->stack.n; i++)
    n += m->stack.v[i].kind != C_LI;
  return n;
}

static int
push (md_t *m, cont_t c)
{
  if (!ink__vec_push (m->ctx, &m->stack, c))
    return ink__md_oom (m);
  if (depth (m) > ink__limit (m->ctx, INK_LIMIT_NESTING))
    m->deep_pending = true;
  return 0;
}

int
ink__md_deep_error (md_t *m, size_t off)
{
  return ink__md_fail (m, INK_LIMIT, off, "block quotes and lists nested %u levels deep, more "
                       "than the limit of %zu", depth (m), ink__limit (m->ctx, INK_LIMIT_NESTING));
}

/* Tight list items hold their text with no paragraph around it: such text is collected
 * as an implicit paragraph, which ends where any other block starts. */
static int
flush_implicit (md_t *m)
{
  if (!m->p.active || !m->p.implicit)
    return 0;
  if (m->deep_pending)
    return ink__md_deep_error (m, para_off (m));
  int r = ink__md_leaf_end (m);
  ink__md_para_reset (m);
  return r;
}

static int
enter_block (MD_BLOCKTYPE type, void *detail, void *user)
{
  md_t *m = user;
  if (m->status || flush_implicit (m))
    return -1;
  cont_t c = { .block = SIZE_MAX, .marker_off = SIZE_MAX };
  switch (type) {
  case MD_BLOCK_QUOTE: {
    c.kind = C_QUOTE;
    cont_t *q = innermost_quote (m);
    if (q && !q->seen_leaf) {
      q->seen_leaf = true;
      if (q->q == Q_UNDECIDED)
        q->q = Q_PLAIN;
    }
    if (q && (q->q == Q_COMMENT || q->q == Q_REPLY)) {
      c.q = Q_REPLY;
      c.level = q->level + 1;
    }
    return push (m, c);
  }
  case MD_BLOCK_UL:
    c.kind = C_UL;
    return push (m, c);
  case MD_BLOCK_OL:
    c.kind = C_OL;
    c.number = ((MD_BLOCK_OL_DETAIL *) detail)->start;
    return push (m, c);
  case MD_BLOCK_HR:
    return ink__md_rule (m);
  case MD_BLOCK_LI: {
    cont_t *t = top (m);
    MD_BLOCK_LI_DETAIL *d = detail;
    c.kind = C_LI;
    c.task_off = SIZE_MAX;
    if (d->is_task) {
      c.task_off = m->len - m->body_len + d->task_mark_offset - 1;
      ink__md_seen (m, X_TASK, c.task_off);
    }
    if (t && t->kind == C_OL)
      c.number = t->number < 999999999u ? t->number++ : t->number;
    if (push (m, c))
      return -1;
    ink__md_para_start (m, true);
    return 0;
  }
  case MD_BLOCK_H:
  case MD_BLOCK_P:
  case MD_BLOCK_CODE:
  case MD_BLOCK_HTML:
    ink__md_para_start (m, false);
    m->p.heading = type == MD_BLOCK_H;
    if (type == MD_BLOCK_H)
      m->p.heading_level = ((MD_BLOCK_H_DETAIL *) detail)->level;
    m->p.code = type == MD_BLOCK_CODE;
    if (type == MD_BLOCK_CODE)
      ink__md_seen (m, X_CODE, SIZE_MAX);
    if (type == MD_BLOCK_HTML)
      ink__md_seen (m, X_HTML_BLOCK, SIZE_MAX);
    m->html_block = type == MD_BLOCK_HTML;
    m->in_tag = false;
    return 0;
  case MD_BLOCK_TABLE:
  case MD_BLOCK_TR:
  case MD_BLOCK_TH:
  case MD_BLOCK_TD:
    return ink__md_table_block (m, type, detail);
  default:
    return 0;              /* the document, a table's head and body: nothing of their own */
  }
}

static int
leave_block (MD_BLOCKTYPE type, void *detail, void *user)
{
  md_t *m = user;
  (void) detail;
  if (m->status || flush_implicit (m))
    return -1;
  switch (type) {
  case MD_BLOCK_QUOTE: {
    if (m->deep_pending)
      return ink__md_deep_error (m, m->cursor);
    cont_t *q = top (m);
    if (q && (q->q == Q_PULL || q->q == Q_READ) && q->block != SIZE_MAX &&
        m->a->blocks[q->block].text_len == 0)
      return ink__md_fail (m, INK_PARSE, q->marker_off, "empty %s: text should follow the marker",
                           q->q == Q_PULL ? "pull quote" : "related link");
    if (q && q->q == Q_READ && q->block != SIZE_MAX) {
      ink__block_t *b = &m->a->blocks[q->block];
      for (size_t i = 0; i < b->nspans && !b->href; i++)
        if (b->spans[i].href && !(b->href = ink__strdup (m->ctx, b->spans[i].href)))
          return ink__md_oom (m);
    }
    m->stack.n--;
    return 0;
  }
  case MD_BLOCK_UL:
  case MD_BLOCK_OL:
  case MD_BLOCK_LI:
    if (m->deep_pending)
      return ink__md_deep_error (m, m->cursor);
    m->stack.n--;
    return 0;
  case MD_BLOCK_H:
  case MD_BLOCK_P:
  case MD_BLOCK_CODE:
  case MD_BLOCK_HTML:
  case MD_BLOCK_TR: {
    if (m->deep_pending)
      return ink__md_deep_error (m, para_off (m));
    if (type == MD_BLOCK_TR)
      ink__md_table_surplus (m);
    ink__md_seen_at (m, para_off (m));
    m->html_block = false;
    int r = type == MD_BLOCK_TR && m->table_cols ? ink__md_table_row_end (m) : ink__md_leaf_end (m);
    ink__md_para_reset (m);
    return r;
  }
  default:
    return 0;
  }
}

/* The order of the model, stable within each part: the body, then the footnotes (written
 * anywhere, set at the end), then the comments (as in the JSON form). A note's block is one
 * that starts on the note's lines, which are in source order. */
static int
block_rank (const ink__block_t *b, const ink__md_notes_t *notes)
{
  if (b->kind == INK_BLOCK_COMMENT)
    return 2;
  size_t lo = 0, hi = notes->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (notes->v[mid].last_line < b->line)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < notes->n && notes->v[lo].first_line <= b->line ? 1 : 0;
}

static ink_status_t
order_blocks (md_t *m, ink__md_notes_t *notes)
{
  ink_article_t *a = m->a;
  for (size_t i = 0; i < notes->n; i++) {
    unsigned col;
    ink__pos_at (&m->pos, notes->v[i].start, &notes->v[i].first_line, &col);
    ink__pos_at (&m->pos, notes->v[i].end - 1, &notes->v[i].last_line, &col);
  }
  if (a->nblocks < 2)
    return INK_OK;
  ink__block_t *v = ink__realloc_array (m->ctx, NULL, 0, a->nblocks, sizeof *v);
  if (!v)
    return ink__diag (m->ctx, m->diag, INK_NO_MEMORY, 0, 0, "out of memory");
  size_t w = 0;
  for (int pass = 0; pass < 3; pass++)
    for (size_t i = 0; i < a->nblocks; i++)
      if (block_rank (&a->blocks[i], notes) == pass)
        v[w++] = a->blocks[i];
  ink__free (m->ctx, a->blocks, a->blocks_cap * sizeof *a->blocks);
  a->blocks = v;
  a->blocks_cap = a->nblocks;
  return INK_OK;
}

ink_status_t
ink__markdown_read (ink_context_t *ctx, const char *src, size_t len, const char *base_dir,
                    const char *name, ink_article_t **out, ink_diag_t *diag)
{
  char *clean;
  size_t clean_len, bad;
  ink_status_t st = ink__article_sanitize (ctx, src, len, &clean, &clean_len, &bad, diag);
  if (st != INK_OK)
    return st;
  if (clean) {
    src = clean;
    len = clean_len;
  }
  if (len >= 3 && memcmp (src, "\xEF\xBB\xBF", 3) == 0) {
    src += 3;
    len -= 3;
  }
  /* own: the writable copy of the source, once one is needed. */
  char *own = clean;
  size_t own_len = clean_len;
  ink__md_notes_t notes = { 0 };
  md_t m = { 0 };
  m.ctx = ctx;
  m.diag = diag;
  m.p.src_off = SIZE_MAX;
  if (ink__md_line_ends (ctx, &src, len, &own, &own_len) != INK_OK) {
    st = ink__diag (ctx, diag, INK_NO_MEMORY, 0, 0, "out of memory");
    goto done;
  }
  m.src = src;
  m.len = len;
  ink__pos_init (&m.pos, src, len);
  m.a = ink__article_new (ctx, name);
  if (!m.a) {
    st = ink__diag (ctx, diag, INK_NO_MEMORY, 0, 0, "out of memory");
    goto done;
  }
  m.a->bad_utf8 = bad;
  size_t body = 0;
  if ((st = ink__front_matter_read (m.a, src, len, &m.pos, &body, diag)) != INK_OK)
    goto done;
  if (ink__md_footnotes (ctx, &src, len, body, &own, &own_len, &notes) != INK_OK) {
    st = ink__diag (ctx, diag, INK_NO_MEMORY, 0, 0, "out of memory");
    goto done;
  }
  m.src = src;
  m.pos.src = src;
  m.body = src + body;
  m.body_len = len - body;
  m.cursor = body;
  m.notes = &notes;
  MD_PARSER parser = { 0 };
  /* Tables, strikethrough, task lists and wiki links are asked for so that they can be named;
   * their text is kept. */
  parser.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_TASKLISTS | MD_FLAG_WIKILINKS;
  parser.enter_block = enter_block;
  parser.leave_block = leave_block;
  parser.enter_span = ink__md_enter_span;
  parser.leave_span = ink__md_leave_span;
  parser.text = ink__md_text;
  ink__md_lint_tables (&m);
  int r = md_parse (src + body, (MD_SIZE) (len - body), &parser, &m);
  if (m.status != INK_OK) {
    st = m.status;
    goto done;
  }
  if (r != 0) {
    st = ink__diag (ctx, diag, INK_NO_MEMORY, 0, 0, "out of memory (Markdown parser)");
    goto done;
  }
  warn_constructs (&m);
  if ((st = order_blocks (&m, &notes)) != INK_OK)
    goto done;
  size_t body_blocks = 0;
  for (size_t i = 0; i < m.a->nblocks; i++)
    body_blocks += m.a->blocks[i].kind != INK_BLOCK_COMMENT;
  if (!body_blocks) {
    unsigned line, col;
    ink__pos_at (&m.pos, body, &line, &col);
    ink__article_warn (ctx, line, col, "the article has no body text");
  }
  st = ink__article_finish (m.a, base_dir, diag);
done:
  ink__md_para_reset (&m);
  ink__vec_free (ctx, &m.stack);
  if (st != INK_OK) {
    ink__article_free (m.a);
    m.a = NULL;
  }
  ink__vec_free (ctx, &notes);
  if (own)
    ink__free (ctx, own, own_len + 1);
  *out = m.a;
  return st;
}
