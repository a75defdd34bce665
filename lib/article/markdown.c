/* article/markdown: the Markdown reader. A `---` front matter of `key: value` lines, then a
 * CommonMark body parsed by md4c, whose callbacks are turned into the article's blocks.
 *
 *   ink__markdown_read (ctx, src, len, "examples/articles", "x.md", &article, &diag);
 *
 * md4c reports no positions, but the text it hands over points into our buffer, so a block's
 * position is that of its first text; where md4c builds text elsewhere (escapes in link
 * targets), the last known position is used and a forward search finds images' "![". md4c
 * allocates its own working memory with malloc. */
#include "article.h"

#include <md4c.h>
#include <stdint.h>
#include <stdio.h>

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
typedef enum { X_CODE, X_HTML_BLOCK, X_HTML, X_TABLE, X_DEL, X_U, X_MATH, X_WIKI, X_TASK,
               X_IMAGE_LINK, X_COUNT_ } construct_t;
static const char *const construct_msgs[X_COUNT_] = {
  "code block set as a plain paragraph",
  "HTML block not supported, its text set as plain text (the tags are left out)",
  "inline HTML not supported, the tag is left out and the text around it kept",
  "table not supported, set as plain text: a paragraph per row, cells joined by \" | \"",
  "strikethrough not supported, set as plain text",
  "underline not supported, set as plain text",
  "LaTeX math not supported, set as plain text",
  "wiki link not supported, set as plain text (its target is not kept)",
  "task list check box set as text (\"[ ]\" or \"[x]\")",
  "image inside a link has no caption to carry the link: its target is not kept",
};
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
  char table_align[INK_MAX_TABLE_COLUMNS + 1];   /* a letter a column (table rows' align) */
  size_t x_count[X_COUNT_];      /* constructs set as plain text: how many of each */
  size_t x_off[X_COUNT_];        /* and where the first is; SIZE_MAX until its text comes */
  const ink__md_notes_t *notes;  /* footnote definitions' source ranges */
} md_t;

static const char *const markers[] = { "quote", "read", "comment" };

static int
fail (md_t *m, ink_status_t st, size_t off, const char *fmt, ...)
  __attribute__ ((format (printf, 4, 5)));

static int
fail (md_t *m, ink_status_t st, size_t off, const char *fmt, ...)
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

static int
oom (md_t *m)
{
  return fail (m, INK_NO_MEMORY, 0, "out of memory");
}

/* Offset of p in the source, or SIZE_MAX when md4c built the text elsewhere. */
static size_t
src_offset (const md_t *m, const char *p)
{
  uintptr_t b = (uintptr_t) m->src, e = b + m->len, q = (uintptr_t) p;
  return q >= b && q <= e ? (size_t) (q - b) : SIZE_MAX;
}

/* A construct set as plain text; off is where it starts, or SIZE_MAX: where its text does. */
static void
seen (md_t *m, construct_t x, size_t off)
{
  if (!m->x_count[x]++)
    m->x_off[x] = off;
}

/* The constructs still waiting for a position get off. */
static void
seen_at (md_t *m, size_t off)
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
    if (m->x_count[x] == 1)
      ink__article_warn (m->ctx, line, col, "%s", construct_msgs[x]);
    else
      ink__article_warn (m->ctx, line, col, "%s (%zu in the article, the first here)",
                         construct_msgs[x], m->x_count[x]);
  }
}

static void
para_reset (md_t *m)
{
  para_t *p = &m->p;
  ink__str_free (m->ctx, &p->text);
  ink__vec_free (m->ctx, &p->spans);
  for (size_t i = 0; i < p->hrefs.n; i++)
    ink__strfree (m->ctx, p->hrefs.v[i]);
  ink__vec_free (m->ctx, &p->hrefs);
  ink__vec_free (m->ctx, &p->lines);
  ink__vec_free (m->ctx, &p->marks);
  ink__strfree (m->ctx, p->img_src);
  ink__strfree (m->ctx, p->img_title);
  memset (p, 0, sizeof *p);
  p->src_off = SIZE_MAX;
  /* The links' targets were the paragraph's: a link still open when its block ends (md4c
   * lets a span outlive a leaf block in some broken input) keeps its style, not its target. */
  for (unsigned i = 0; i < 64; i++)
    m->span_href[i] = NULL;
}

static unsigned
cur_flags (const md_t *m)
{
  unsigned f = 0;
  for (unsigned i = 0; i < m->nspan && i < 64; i++)
    f |= m->span_flags[i];
  return f;
}

static const char *
cur_href (const md_t *m)
{
  for (unsigned i = m->nspan < 64 ? m->nspan : 64; i-- > 0;)
    if (m->span_href[i])
      return m->span_href[i];
  return NULL;
}

static int
add_run (md_t *m, size_t start, size_t n, unsigned flags, const char *href)
{
  if (!n || (!flags && !href))
    return 0;
  para_t *p = &m->p;
  if (href)
    flags |= INK_SPAN_LINK;
  if (p->spans.n) {
    ink__span_t *last = &p->spans.v[p->spans.n - 1];
    if (last->start + last->len == start && last->flags == flags && last->href == href) {
      last->len += (uint32_t) n;
      return 0;
    }
  }
  ink__span_t s = { (uint32_t) start, (uint32_t) n, flags, NULL, href };
  return ink__vec_push (m->ctx, &p->spans, s) ? 0 : oom (m);
}

static int
check_para_len (md_t *m, size_t extra)
{
  size_t max = ink__limit (m->ctx, INK_LIMIT_PARAGRAPH_BYTES);
  if (m->p.text.n + extra > max)
    return fail (m, INK_LIMIT, m->p.src_off != SIZE_MAX ? m->p.src_off : m->cursor,
                 "paragraph longer than the limit of %zu bytes", max);
  return 0;
}

/* Whether s[0, n) has "--". */
static bool
has_dashes (const char *s, size_t n)
{
  for (size_t i = 0; i + 1 < n; i++)
    if (s[i] == '-' && s[i + 1] == '-')
      return true;
  return false;
}

/* Text offset at of the paragraph comes from source offset src. */
static int
mark (md_t *m, size_t at, size_t src)
{
  pmark_t k = { at, src };
  return ink__vec_push (m->ctx, &m->p.marks, k) ? 0 : oom (m);
}

/* Appends text, collapsing white space runs to one space (none at the start of a line). */
static int
put (md_t *m, const char *s, size_t n, bool newlines_break)
{
  para_t *p = &m->p;
  unsigned flags = cur_flags (m) | (p->code ? INK_SPAN_CODE : 0);
  const char *href = cur_href (m);
  if (check_para_len (m, n))
    return -1;
  /* A word gets a mark where its column is not the last mark's plus the code points since:
   * the first of the call, one after white space other than a single space, and one after a
   * word with "--" (which may become a dash). */
  size_t so = src_offset (m, s), i = 0, gap = 2;
  while (i < n) {
    unsigned char c = (unsigned char) s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      size_t j = i;
      bool nl = false;
      while (j < n && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r' ||
                       s[j] == '\f' || s[j] == '\v')) {
        if (s[j] == '\n')
          nl = true;
        j++;
      }
      gap = j - i == 1 && s[i] == ' ' && gap != 2 ? 1 : 2;
      i = j;
      if (nl && newlines_break) {
        while (p->text.n && p->text.s[p->text.n - 1] == ' ')
          p->text.s[--p->text.n] = 0;
        if (!ink__str_append (m->ctx, &p->text, "\n", 1))
          return oom (m);
        uint32_t at = (uint32_t) p->text.n;
        if (!ink__vec_push (m->ctx, &p->lines, at))
          return oom (m);
        continue;
      }
      if (!p->text.n || p->text.s[p->text.n - 1] == ' ' || p->text.s[p->text.n - 1] == '\n')
        continue;
      size_t at = p->text.n;
      if (!ink__str_append (m->ctx, &p->text, " ", 1) || add_run (m, at, 1, flags, href))
        return m->status ? -1 : oom (m);
      continue;
    }
    size_t j = i;
    while (j < n && !(s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r' ||
                      s[j] == '\f' || s[j] == '\v'))
      j++;
    size_t at = p->text.n;
    if (so != SIZE_MAX && gap != 1 && mark (m, at, so + i))
      return -1;
    gap = j - i > 1 && has_dashes (s + i, j - i) ? 2 : 0;
    if (!ink__str_append (m->ctx, &p->text, s + i, j - i) || add_run (m, at, j - i, flags, href))
      return m->status ? -1 : oom (m);
    i = j;
  }
  return 0;
}

static char *
attr_string (md_t *m, const MD_ATTRIBUTE *at)
{
  ink__str_t o = { 0 };
  if (!ink__str_append (m->ctx, &o, "", 0))
    return NULL;
  for (unsigned i = 0; at->substr_offsets && at->substr_offsets[i] < at->size; i++) {
    const char *s = at->text + at->substr_offsets[i];
    size_t n = at->substr_offsets[i + 1] - at->substr_offsets[i];
    char e[4];
    size_t en;
    bool ok;
    if (at->substr_types[i] == MD_TEXT_ENTITY && (en = ink__entity_decode (s, n, e)) > 0)
      ok = ink__str_append (m->ctx, &o, e, en);
    else if (at->substr_types[i] == MD_TEXT_NULLCHAR)
      ok = ink__str_append_cp (m->ctx, &o, 0xFFFD);
    else
      ok = ink__str_append (m->ctx, &o, s, n);
    if (!ok) {
      ink__str_free (m->ctx, &o);
      return NULL;
    }
  }
  char *r = ink__strndup (m->ctx, o.s, o.n);
  ink__str_free (m->ctx, &o);
  return r;
}

static cont_t *
top (md_t *m)
{
  return m->stack.n ? &m->stack.v[m->stack.n - 1] : NULL;
}

static cont_t *
innermost_quote (md_t *m)
{
  for (size_t i = m->stack.n; i-- > 0;)
    if (m->stack.v[i].kind == C_QUOTE)
      return &m->stack.v[i];
  return NULL;
}

static unsigned
count_kind (const md_t *m, ckind_t k1, ckind_t k2)
{
  unsigned n = 0;
  for (size_t i = 0; i < m->stack.n; i++)
    n += m->stack.v[i].kind == k1 || m->stack.v[i].kind == k2;
  return n;
}

static void
lc (md_t *m, size_t off, unsigned *line, unsigned *col)
{
  ink__pos_at (&m->pos, off, line, col);
}

static bool
is_space (char c)
{
  return c == ' ' || c == '\n';
}

/* The paragraph's marks in [start, end) go to b, at base for start. */
static int
copy_marks (md_t *m, ink__block_t *b, size_t start, size_t end, size_t base)
{
  const para_t *p = &m->p;
  size_t k = 0;
  for (size_t i = 0; i < p->marks.n; i++)
    k += p->marks.v[i].off >= start && p->marks.v[i].off < end;
  if (!k)
    return 0;
  ink__srcmark_t *v = ink__realloc_array (m->ctx, b->marks, b->nmarks, b->nmarks + k, sizeof *v);
  if (!v)
    return oom (m);
  b->marks = v;
  for (size_t i = 0; i < p->marks.n; i++) {
    const pmark_t *pm = &p->marks.v[i];
    if (pm->off < start || pm->off >= end)
      continue;
    ink__srcmark_t *mk = &v[b->nmarks++];
    mk->off = (uint32_t) (base + pm->off - start);
    lc (m, pm->src, &mk->line, &mk->column);
  }
  return 0;
}

/* Appends text[start, end) of the paragraph, trimmed, to block b's text with its spans;
 * sep goes between it and text already there. Fresh buffers, so a failure leaves b whole. */
static int
block_append (md_t *m, ink__block_t *b, size_t start, size_t end, char sep)
{
  para_t *p = &m->p;
  while (start < end && is_space (p->text.s[start]))
    start++;
  while (end > start && is_space (p->text.s[end - 1]))
    end--;
  if (start == end)
    return 0;
  size_t base = b->text_len + (b->text_len ? 1 : 0);
  size_t nlen = base + (end - start);
  size_t max = ink__limit (m->ctx, INK_LIMIT_PARAGRAPH_BYTES);
  if (nlen > max) {
    unsigned line = b->line, col = b->column;
    if (m->status == INK_OK)
      m->status = ink__diag (m->ctx, m->diag, INK_LIMIT, line, col,
                             "paragraph longer than the limit of %zu bytes", max);
    return -1;
  }
  size_t k = 0;
  for (size_t i = 0; i < p->spans.n; i++) {
    size_t s = p->spans.v[i].start, e = s + p->spans.v[i].len;
    k += (s > start ? s : start) < (e < end ? e : end);
  }
  char *text = ink__realloc (m->ctx, NULL, 0, nlen + 1);
  ink__span_t *spans = k ? ink__realloc_array (m->ctx, NULL, 0, b->nspans + k, sizeof *spans)
                         : NULL;
  if (!text || (k && !spans)) {
    ink__free (m->ctx, text, nlen + 1);
    ink__free (m->ctx, spans, (b->nspans + k) * sizeof *spans);
    return oom (m);
  }
  if (b->text_len) {
    memcpy (text, b->text, b->text_len);
    text[b->text_len] = sep;
  }
  memcpy (text + base, p->text.s + start, end - start);
  text[nlen] = 0;
  if (k) {
    if (b->nspans)
      memcpy (spans, b->spans, b->nspans * sizeof *spans);
    size_t j = b->nspans;
    for (size_t i = 0; i < p->spans.n; i++) {
      const ink__span_t *sp = &p->spans.v[i];
      size_t s = sp->start > start ? sp->start : start;
      size_t e = sp->start + sp->len < end ? sp->start + sp->len : end;
      if (s >= e)
        continue;
      ink__span_t ns = { (uint32_t) (base + s - start), (uint32_t) (e - s), sp->flags, NULL, NULL };
      if (sp->href && !(ns.href = ink__strdup (m->ctx, sp->href))) {
        for (size_t q = b->nspans; q < j; q++)
          ink__strfree (m->ctx, (char *) spans[q].href);
        ink__free (m->ctx, text, nlen + 1);
        ink__free (m->ctx, spans, (b->nspans + k) * sizeof *spans);
        return oom (m);
      }
      spans[j++] = ns;
    }
    ink__free (m->ctx, b->spans, b->nspans * sizeof *b->spans);
    b->spans = spans;
    b->nspans += k;
  }
  if (b->text)
    ink__free (m->ctx, b->text, b->text_len + 1);
  b->text = text;
  b->text_len = nlen;
  return copy_marks (m, b, start, end, base);
}

/* Appends text[start, end), trimmed and without styles, to a plain string field. */
static int
string_append (md_t *m, char **dst, size_t start, size_t end, char sep)
{
  para_t *p = &m->p;
  while (start < end && is_space (p->text.s[start]))
    start++;
  while (end > start && is_space (p->text.s[end - 1]))
    end--;
  size_t old = *dst ? strlen (*dst) : 0;
  if (start == end && *dst)
    return 0;
  size_t base = old + (old && start < end ? 1 : 0);
  char *s = ink__realloc (m->ctx, NULL, 0, base + (end - start) + 1);
  if (!s)
    return oom (m);
  if (old) {
    memcpy (s, *dst, old);
    if (base > old)
      s[old] = sep;
  }
  memcpy (s + base, p->text.s + start, end - start);
  s[base + end - start] = 0;
  ink__strfree (m->ctx, *dst);
  *dst = s;
  return 0;
}

static ink__block_t *
new_block (md_t *m, ink__block_kind_t kind, size_t off)
{
  unsigned line, col;
  lc (m, off, &line, &col);
  return ink__article_add_block (m->a, kind, line, col, &m->status, m->diag);
}

static size_t
para_off (md_t *m)
{
  return m->p.src_off != SIZE_MAX ? m->p.src_off : m->cursor;
}

/* Line starts of the paragraph: 0 and each offset after a break. */
static size_t
line_start (const para_t *p, size_t i)
{
  return i == 0 ? 0 : p->lines.v[i - 1];
}

static size_t
line_end (const para_t *p, size_t i)
{
  return i < p->lines.n ? p->lines.v[i] : p->text.n;
}

/* Length of an attribution dash at text[at]: "—", "―" or "--" (and more dashes). */
static size_t
dash_at (const para_t *p, size_t at, size_t end)
{
  const char *s = p->text.s;
  while (at < end && s[at] == ' ')
    at++;
  size_t i = at;
  if (end - i >= 3 && (unsigned char) s[i] == 0xE2 && (unsigned char) s[i + 1] == 0x80 &&
      ((unsigned char) s[i + 2] == 0x94 || (unsigned char) s[i + 2] == 0x95))
    i += 3;
  else if (end - i >= 2 && s[i] == '-' && s[i + 1] == '-')
    i += 2;
  else
    return 0;
  while (i < end && s[i] == '-')
    i++;
  return i;
}

/* A pull quote paragraph: text up to the first line that starts with a dash, attribution
 * from there on. first_line is the first line that may be an attribution. */
static int
pull_paragraph (md_t *m, cont_t *q, size_t from, size_t first_line)
{
  para_t *p = &m->p;
  ink__block_t *b = &m->a->blocks[q->block];
  size_t text_end = p->text.n, attr_from = SIZE_MAX;
  if (!q->in_attribution) {
    for (size_t i = first_line; i <= p->lines.n; i++) {
      size_t ls = line_start (p, i), d;
      if (ls < from)
        continue;
      if ((d = dash_at (p, ls, line_end (p, i))) > 0) {
        text_end = ls;
        attr_from = d;
        break;
      }
    }
  } else {
    text_end = from;
    attr_from = from;
  }
  if (block_append (m, b, from, text_end, '\n'))
    return -1;
  if (attr_from != SIZE_MAX) {
    q->in_attribution = true;
    if (string_append (m, &b->attribution, attr_from, p->text.n, ' '))
      return -1;
  }
  return 0;
}

/* Recognizes "[!name]" at the start of the paragraph: returns the name's length (0 when
 * there is no marker) and its offset. */
static size_t
marker_at (const para_t *p, size_t *name_off)
{
  const char *s = p->text.s;
  size_t n = p->text.n;
  if (n < 4 || s[0] != '[' || s[1] != '!')
    return 0;
  size_t i = 2;
  while (i < n && i < 40 && (((s[i] | 32) >= 'a' && (s[i] | 32) <= 'z') ||
                             (s[i] >= '0' && s[i] <= '9') || s[i] == '-' || s[i] == '_'))
    i++;
  if (i == 2 || i >= n || s[i] != ']')
    return 0;
  *name_off = 2;
  return i - 2;
}

static bool
name_is (const char *s, size_t n, const char *name)
{
  if (strlen (name) != n)
    return false;
  for (size_t i = 0; i < n; i++)
    if ((unsigned) (s[i] | 32) != (unsigned char) name[i])
      return false;
  return true;
}

static int
comment_header (md_t *m, ink__block_t *b, size_t from, size_t to)
{
  para_t *p = &m->p;
  size_t bar = SIZE_MAX;
  for (size_t i = from; i < to; i++)
    if (p->text.s[i] == '|')
      bar = i;
  if (bar == SIZE_MAX)
    return string_append (m, &b->author, from, to, ' ');
  if (string_append (m, &b->author, from, bar, ' '))
    return -1;
  if (bar + 1 < to) {
    size_t s = bar + 1, e = to;
    while (s < e && is_space (p->text.s[s]))
      s++;
    if (s < e && string_append (m, &b->meta, s, e, ' '))
      return -1;
  }
  return 0;
}

/* The first paragraph of a block quote: a marker decides what the quote is. */
static int
quote_first (md_t *m, cont_t *q, size_t off)
{
  para_t *p = &m->p;
  size_t name_off = 0, nlen = marker_at (p, &name_off);
  if (!nlen) {
    if (q->q == Q_REPLY)
      goto reply;
    q->q = Q_PLAIN;
    return 1;
  }
  const char *name = p->text.s + name_off;
  size_t after = name_off + nlen + 1;
  int which = -1;
  for (int i = 0; i < 3; i++)
    if (name_is (name, nlen, markers[i]))
      which = i;
  if (which < 0) {
    const char *sug = ink__did_you_mean (name, nlen, markers, 3);
    if (sug)
      return fail (m, INK_PARSE, off, "unknown marker \"[!%.*s]\" (did you mean \"[!%s]\"?); "
                   "known markers: [!quote], [!read], [!comment]", (int) nlen, name, sug);
    return fail (m, INK_PARSE, off, "unknown marker \"[!%.*s]\"; known markers: [!quote], "
                 "[!read], [!comment]", (int) (nlen > 40 ? 40 : nlen), name);
  }
  q->marker_off = off;
  if (q->q == Q_REPLY && which != 2)
    return fail (m, INK_PARSE, off, "a reply inside a comment takes no \"[!%s]\" marker; only "
                 "\"[!comment] author | meta\"", markers[which]);
  ink__block_kind_t kind = which == 0 ? INK_BLOCK_PULLQUOTE : which == 1 ? INK_BLOCK_RELATED
                                                                         : INK_BLOCK_COMMENT;
  ink__block_t *b = new_block (m, kind, off);
  if (!b)
    return -1;
  q->block = (size_t) (b - m->a->blocks);
  if (which == 0) {
    q->q = Q_PULL;
    return pull_paragraph (m, q, after, 1) ? -1 : 0;
  }
  if (which == 1) {
    q->q = Q_READ;
    return block_append (m, b, after, p->text.n, '\n') ? -1 : 0;
  }
  if (q->q != Q_REPLY)
    q->q = Q_COMMENT;
  b->level = q->level;
  if (comment_header (m, b, after, line_end (p, 0)))
    return -1;
  if (!b->author || !*b->author)
    return fail (m, INK_PARSE, off, "a comment needs an author: \"[!comment] author | meta\"");
  return block_append (m, b, line_end (p, 0), p->text.n, '\n') ? -1 : 0;
reply:;
  ink__block_t *r = new_block (m, INK_BLOCK_COMMENT, off);
  if (!r)
    return -1;
  r->level = q->level;
  q->block = (size_t) (r - m->a->blocks);
  return block_append (m, r, 0, p->text.n, '\n') ? -1 : 0;
}

static int
figure (md_t *m, size_t off)
{
  para_t *p = &m->p;
  ink__block_t *b = new_block (m, INK_BLOCK_FIGURE, p->img_off != SIZE_MAX ? p->img_off : off);
  if (!b)
    return -1;
  b->image_path = p->img_src;
  p->img_src = NULL;
  if (p->img_title && *p->img_title) {
    b->credit = p->img_title;
    p->img_title = NULL;
  }
  /* The caption carries the link; without one, the link has nothing to go on. */
  if (p->img_in_link && p->img_start == p->img_end)
    seen (m, X_IMAGE_LINK, p->img_off);
  return block_append (m, b, p->img_start, p->img_end, '\n');
}

static bool
only_image (const para_t *p)
{
  if (p->nimages != 1)
    return false;
  for (size_t i = 0; i < p->text.n; i++)
    if ((i < p->img_start || i >= p->img_end) && !is_space (p->text.s[i]))
      return false;
  return true;
}

/* A paragraph, heading or code block has ended: it becomes a block or joins one. */
static int
leaf_end (md_t *m)
{
  para_t *p = &m->p;
  size_t blank = 0;
  while (blank < p->text.n && is_space (p->text.s[blank]))
    blank++;
  if (blank == p->text.n && !p->nimages)
    return 0;              /* nothing to show: an empty item or a heading of spaces */
  size_t off = para_off (m);
  cont_t *t = top (m);
  cont_t *q = innermost_quote (m);
  /* The innermost container decides; a list inside a quote makes list items. */
  bool in_list = t && t->kind == C_LI;
  if (q && !in_list) {
    bool first = !q->seen_leaf;
    q->seen_leaf = true;
    if (first && !p->heading && !p->code && q->q != Q_PLAIN) {
      int r = quote_first (m, q, off);
      if (r <= 0)
        return r;
    } else if (q->q == Q_UNDECIDED) {
      q->q = Q_PLAIN;
    } else if (q->q == Q_REPLY && q->block == SIZE_MAX) {
      return quote_first (m, q, off) < 0 ? -1 : 0;
    }
    if (q->q != Q_PLAIN) {
      if (p->nimages) {
        unsigned line, col;
        lc (m, p->img_off != SIZE_MAX ? p->img_off : off, &line, &col);
        ink__article_warn (m->ctx, line, col, "an image inside a %s is not shown; its caption "
                           "is kept as text", q->q == Q_PULL ? "pull quote" :
                           q->q == Q_READ ? "related link" : "comment");
      }
      ink__block_t *b = &m->a->blocks[q->block];
      if (q->q == Q_PULL)
        return pull_paragraph (m, q, 0, 0);
      return block_append (m, b, 0, p->text.n, '\n');
    }
  }
  if (!p->heading && !p->code && only_image (p))
    return figure (m, off);
  if (p->nimages) {
    unsigned line, col;
    lc (m, p->img_off != SIZE_MAX ? p->img_off : off, &line, &col);
    ink__article_warn (m->ctx, line, col, "an image inside a paragraph is not shown; put it "
                       "on a line of its own to make a figure (its caption is kept as text)");
  }
  if (in_list) {
    if (t->block != SIZE_MAX)
      return block_append (m, &m->a->blocks[t->block], 0, p->text.n, '\n');
    ink__block_t *b = new_block (m, INK_BLOCK_LIST_ITEM, off);
    if (!b)
      return -1;
    b->level = count_kind (m, C_UL, C_OL);
    b->number = t->number;
    t->block = (size_t) (b - m->a->blocks);
    return block_append (m, b, 0, p->text.n, '\n');
  }
  ink__block_kind_t kind = q ? INK_BLOCK_QUOTE : p->heading ? INK_BLOCK_SUBHEAD
                                                            : INK_BLOCK_PARAGRAPH;
  ink__block_t *b = new_block (m, kind, off);
  if (!b)
    return -1;
  if (kind == INK_BLOCK_QUOTE)
    b->level = count_kind (m, C_QUOTE, C_QUOTE);
  else if (kind == INK_BLOCK_SUBHEAD)
    b->level = p->heading_level <= 2 ? 2 : 3;
  return block_append (m, b, 0, p->text.n, '\n');
}

static int deep_error (md_t *m, size_t off);

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
    return oom (m);
  if (depth (m) > ink__limit (m->ctx, INK_LIMIT_NESTING))
    m->deep_pending = true;
  return 0;
}

static int
deep_error (md_t *m, size_t off)
{
  return fail (m, INK_LIMIT, off, "block quotes and lists nested %u levels deep, more than the "
               "limit of %zu", depth (m), ink__limit (m->ctx, INK_LIMIT_NESTING));
}

static void
para_start (md_t *m, bool implicit)
{
  para_reset (m);
  m->p.active = true;
  m->p.implicit = implicit;
  m->p.img_off = SIZE_MAX;
}

/* Tight list items hold their text with no paragraph around it: such text is collected
 * as an implicit paragraph, which ends where any other block starts. */
static int
flush_implicit (md_t *m)
{
  if (!m->p.active || !m->p.implicit)
    return 0;
  if (m->deep_pending)
    return deep_error (m, para_off (m));
  int r = leaf_end (m);
  para_reset (m);
  return r;
}

/* Whether s[k, e) is a thematic break: three or more of one of "*-_", with blanks between. */
static bool
rule_line (const char *s, size_t k, size_t e)
{
  char c = k < e ? s[k] : 0;
  size_t marks = 0;
  if (!c || !strchr ("*-_", c))
    return false;
  for (size_t i = k; i < e; i++) {
    if (s[i] != c && s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
      return false;
    marks += s[i] == c;
  }
  return marks >= 3;
}

/* md4c hands no position for a thematic break: the first line after the last text we placed
 * that is one ("***", "- - -", "___", maybe after block quote or list markers). The search
 * is bounded, so that many breaks cost no more than their lines. */
static size_t
rule_offset (const md_t *m)
{
  const char *s = m->src;
  size_t i = m->cursor, stop = m->len - m->cursor > 4096 ? m->cursor + 4096 : m->len;
  if (i > 0 && i < stop && s[i - 1] != '\n') {
    const char *nl = memchr (s + i, '\n', stop - i);
    i = nl ? (size_t) (nl - s) + 1 : stop;
  }
  while (i < stop) {
    const char *nl = memchr (s + i, '\n', m->len - i);
    size_t e = nl ? (size_t) (nl - s) : m->len, k = i;
    while (k < e && (s[k] == ' ' || s[k] == '>' || s[k] == '\t'))
      k++;
    /* "---" under a line of text underlines a heading instead. */
    bool setext = k < e && s[k] == '-' && i >= 2 && s[i - 2] != '\n';
    if (rule_line (s, k, e) && !setext)
      return k;
    size_t d = k;
    while (d < e && d - k < 9 && s[d] >= '0' && s[d] <= '9')
      d++;
    size_t mk = d > k && d < e && (s[d] == '.' || s[d] == ')') ? d + 1
                : k < e && strchr ("-*+", s[k]) ? k + 1 : k;
    if (mk > k && mk < e && s[mk] == ' ') {
      while (mk < e && s[mk] == ' ')
        mk++;
      if (rule_line (s, mk, e))
        return mk;
    }
    i = e + 1;
  }
  return m->cursor;
}

/* A thematic break becomes a rule block; inside a pull quote, a related link or a comment,
 * which are set whole elsewhere, it is left out and said so. */
static int
rule (md_t *m)
{
  size_t off = rule_offset (m);
  m->cursor = off + 1 < m->len ? off + 1 : m->len;
  cont_t *q = innermost_quote (m);
  if (q && q->q != Q_PLAIN && q->q != Q_UNDECIDED) {
    unsigned line, col;
    lc (m, off, &line, &col);
    ink__article_warn (m->ctx, line, col, "a thematic break inside a %s is not drawn",
                       q->q == Q_PULL ? "pull quote" : q->q == Q_READ ? "related link"
                                                                     : "comment");
    return 0;
  }
  return new_block (m, INK_BLOCK_RULE, off) ? 0 : -1;
}

/* A table at the top level becomes table rows, a row's cells separated by tabs; inside a
 * quote or list, or wider than INK_MAX_TABLE_COLUMNS, a paragraph per row, its cells joined
 * by " | " (and a warning). */
static int
table_block (md_t *m, MD_BLOCKTYPE type, void *detail)
{
  if (type == MD_BLOCK_TABLE) {
    unsigned cols = ((MD_BLOCK_TABLE_DETAIL *) detail)->col_count;
    m->table_cols = m->stack.n == 0 && cols <= INK_MAX_TABLE_COLUMNS ? cols : 0;
    m->table_row = 0;
    if (!m->table_cols)
      seen (m, X_TABLE, SIZE_MAX);
  }
  if (type == MD_BLOCK_TR) {
    para_start (m, false);
    m->cells = 0;
  }
  if (type != MD_BLOCK_TH && type != MD_BLOCK_TD)
    return 0;
  unsigned c = m->cells++;
  if (m->table_cols && c < m->table_cols && m->table_row == 0) {
    MD_ALIGN al = ((MD_BLOCK_TD_DETAIL *) detail)->align;
    m->table_align[c] = al == MD_ALIGN_LEFT ? 'l' : al == MD_ALIGN_CENTER ? 'c'
                      : al == MD_ALIGN_RIGHT ? 'r' : '-';
    m->table_align[c + 1] = 0;
  }
  if (!c || !m->p.active)
    return 0;
  if (!m->table_cols)
    return put (m, " | ", 3, false);
  while (m->p.text.n && m->p.text.s[m->p.text.n - 1] == ' ')
    m->p.text.s[--m->p.text.n] = 0;
  return ink__str_append (m->ctx, &m->p.text, "\t", 1) ? 0 : oom (m);
}

/* The end of a table row read as one: its block. */
static int
table_row_end (md_t *m)
{
  ink__block_t *b = new_block (m, INK_BLOCK_TABLE_ROW, para_off (m));
  if (!b)
    return -1;
  b->level = m->table_cols;
  b->number = m->table_row++;
  if (!(b->align = ink__strdup (m->ctx, m->table_align)))
    return oom (m);
  if (!m->p.text.n)
    return 0;
  return block_append (m, b, 0, m->p.text.n, '\n');
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
    return rule (m);
  case MD_BLOCK_LI: {
    cont_t *t = top (m);
    MD_BLOCK_LI_DETAIL *d = detail;
    c.kind = C_LI;
    c.task_off = SIZE_MAX;
    if (d->is_task) {
      c.task_off = m->len - m->body_len + d->task_mark_offset - 1;
      seen (m, X_TASK, c.task_off);
    }
    if (t && t->kind == C_OL)
      c.number = t->number < 999999999u ? t->number++ : t->number;
    if (push (m, c))
      return -1;
    para_start (m, true);
    return 0;
  }
  case MD_BLOCK_H:
  case MD_BLOCK_P:
  case MD_BLOCK_CODE:
  case MD_BLOCK_HTML:
    para_start (m, false);
    m->p.heading = type == MD_BLOCK_H;
    if (type == MD_BLOCK_H)
      m->p.heading_level = ((MD_BLOCK_H_DETAIL *) detail)->level;
    m->p.code = type == MD_BLOCK_CODE;
    if (type == MD_BLOCK_CODE)
      seen (m, X_CODE, SIZE_MAX);
    if (type == MD_BLOCK_HTML)
      seen (m, X_HTML_BLOCK, SIZE_MAX);
    m->html_block = type == MD_BLOCK_HTML;
    m->in_tag = false;
    return 0;
  case MD_BLOCK_TABLE:
  case MD_BLOCK_TR:
  case MD_BLOCK_TH:
  case MD_BLOCK_TD:
    return table_block (m, type, detail);
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
      return deep_error (m, m->cursor);
    cont_t *q = top (m);
    if (q && (q->q == Q_PULL || q->q == Q_READ) && q->block != SIZE_MAX &&
        m->a->blocks[q->block].text_len == 0)
      return fail (m, INK_PARSE, q->marker_off, "empty %s: text should follow the marker",
                   q->q == Q_PULL ? "pull quote" : "related link");
    if (q && q->q == Q_READ && q->block != SIZE_MAX) {
      ink__block_t *b = &m->a->blocks[q->block];
      for (size_t i = 0; i < b->nspans && !b->href; i++)
        if (b->spans[i].href && !(b->href = ink__strdup (m->ctx, b->spans[i].href)))
          return oom (m);
    }
    m->stack.n--;
    return 0;
  }
  case MD_BLOCK_UL:
  case MD_BLOCK_OL:
  case MD_BLOCK_LI:
    if (m->deep_pending)
      return deep_error (m, m->cursor);
    m->stack.n--;
    return 0;
  case MD_BLOCK_H:
  case MD_BLOCK_P:
  case MD_BLOCK_CODE:
  case MD_BLOCK_HTML:
  case MD_BLOCK_TR: {
    if (m->deep_pending)
      return deep_error (m, para_off (m));
    seen_at (m, para_off (m));
    m->html_block = false;
    int r = type == MD_BLOCK_TR && m->table_cols ? table_row_end (m) : leaf_end (m);
    para_reset (m);
    return r;
  }
  default:
    return 0;
  }
}

static int
enter_span (MD_SPANTYPE type, void *detail, void *user)
{
  md_t *m = user;
  if (m->status)
    return -1;
  unsigned flags = 0;
  char *href = NULL;
  switch (type) {
  case MD_SPAN_EM: flags = INK_SPAN_EM; break;
  case MD_SPAN_STRONG: flags = INK_SPAN_STRONG; break;
  case MD_SPAN_CODE: flags = INK_SPAN_CODE; break;
  case MD_SPAN_A: {
    href = attr_string (m, &((MD_SPAN_A_DETAIL *) detail)->href);
    if (!href || !ink__vec_push (m->ctx, &m->p.hrefs, href)) {
      ink__strfree (m->ctx, href);
      return oom (m);
    }
    break;
  }
  case MD_SPAN_IMG: {
    para_t *p = &m->p;
    MD_SPAN_IMG_DETAIL *d = detail;
    p->nimages++;
    p->in_image = true;
    /* md4c hands no position for "![": find it after the last text we placed. */
    size_t at = m->cursor;
    while (at + 1 < m->len && !(m->src[at] == '!' && m->src[at + 1] == '['))
      at++;
    if (p->nimages == 1) {
      p->img_off = at + 1 < m->len ? at : m->cursor;
      if (p->src_off == SIZE_MAX)
        p->src_off = p->img_off;
      p->img_start = (uint32_t) p->text.n;
      p->img_in_link = cur_href (m) != NULL;
      if (!(p->img_src = attr_string (m, &d->src)) ||
          !(p->img_title = attr_string (m, &d->title)))
        return oom (m);
    }
    break;
  }
  case MD_SPAN_DEL: seen (m, X_DEL, SIZE_MAX); break;
  case MD_SPAN_U: seen (m, X_U, SIZE_MAX); break;
  case MD_SPAN_LATEXMATH:
  case MD_SPAN_LATEXMATH_DISPLAY: seen (m, X_MATH, SIZE_MAX); break;
  case MD_SPAN_WIKILINK: seen (m, X_WIKI, SIZE_MAX); break;
  }
  if (m->nspan < 64) {
    m->span_flags[m->nspan] = flags;
    m->span_href[m->nspan] = href;
  }
  m->nspan++;
  return 0;
}

static int
leave_span (MD_SPANTYPE type, void *detail, void *user)
{
  md_t *m = user;
  (void) detail;
  if (m->status)
    return -1;
  if (m->nspan)
    m->nspan--;
  if (type == MD_SPAN_IMG && m->p.in_image) {
    m->p.in_image = false;
    if (m->p.nimages == 1)
      m->p.img_end = (uint32_t) m->p.text.n;
  }
  return 0;
}

/* HTML: a block's text without its tags; an inline tag is left out ("<br>" as a space). */
static int
html_text (md_t *m, const char *s, size_t n, size_t off)
{
  if (!m->html_block) {
    seen (m, X_HTML, off);
    bool br = n >= 4 && (s[1] | 32) == 'b' && (s[2] | 32) == 'r' && strchr (" />", s[3]);
    return br ? put (m, " ", 1, false) : 0;
  }
  size_t i = 0;
  while (i < n) {
    size_t j = i;
    while (j < n && (m->in_tag ? s[j] != '>' : s[j] != '<'))
      j++;
    if (!m->in_tag && j > i && put (m, s + i, j - i, false))
      return -1;
    /* A tag in a block mostly separates (<p>, <br>, <td>): it leaves a space. */
    if (j < n && (m->in_tag = !m->in_tag) && put (m, " ", 1, false))
      return -1;
    i = j < n ? j + 1 : n;
  }
  return 0;
}

/* A task list item's check box, set as the text it was written as, before the item's text. */
static int
task_mark (md_t *m)
{
  cont_t *t = top (m);
  if (!t || t->kind != C_LI || t->task_off == SIZE_MAX || t->task_off + 3 > m->len)
    return 0;
  size_t off = t->task_off;
  t->task_off = SIZE_MAX;
  if (m->p.src_off == SIZE_MAX)
    m->p.src_off = off;
  return put (m, m->src + off, 3, false) || put (m, " ", 1, false) ? -1 : 0;
}

/* The first note that starts at or after offset off (notes are in source order). */
static size_t
note_from (const ink__md_notes_t *notes, size_t off)
{
  size_t lo = 0, hi = notes->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (notes->v[mid].start < off)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

/* Whether the line after offset off starts a footnote: notes written one under the other
 * join one paragraph, each on a line of its own. */
static bool
note_follows (const md_t *m, size_t off)
{
  const char *nl = off < m->len ? memchr (m->src + off, '\n', m->len - off) : NULL;
  if (!nl)
    return false;
  size_t next = (size_t) (nl - m->src) + 1, i = note_from (m->notes, next);
  return i < m->notes->n && m->notes->v[i].start == next;
}

static int
text (MD_TEXTTYPE type, const MD_CHAR *s, MD_SIZE n, void *user)
{
  md_t *m = user;
  if (m->status)
    return -1;
  para_t *p = &m->p;
  /* Text outside any paragraph (a tight list item's, after a nested block) starts one. */
  if (!p->active)
    para_start (m, true);
  if (task_mark (m))
    return -1;
  size_t off = src_offset (m, s);
  if (off != SIZE_MAX) {
    if (p->src_off == SIZE_MAX)
      p->src_off = off;
    if (off + n > m->cursor)
      m->cursor = off + n;
    seen_at (m, off);
  }
  if (m->deep_pending)
    return deep_error (m, para_off (m));
  if (type == MD_TEXT_SOFTBR && note_follows (m, m->cursor))
    type = MD_TEXT_BR;
  switch (type) {
  case MD_TEXT_BR:
    while (p->text.n && p->text.s[p->text.n - 1] == ' ')
      p->text.s[--p->text.n] = 0;
    if (!ink__str_append (m->ctx, &p->text, "\n", 1))
      return oom (m);
    /* fall through */
  case MD_TEXT_SOFTBR: {
    if (type == MD_TEXT_SOFTBR && put (m, " ", 1, false))
      return -1;
    uint32_t at = (uint32_t) p->text.n;
    return ink__vec_push (m->ctx, &p->lines, at) ? 0 : oom (m);
  }
  case MD_TEXT_NULLCHAR:
    return put (m, "\xEF\xBF\xBD", 3, false);
  case MD_TEXT_ENTITY: {
    char e[4];
    size_t en = ink__entity_decode (s, n, e);
    if (en && (unsigned char) e[0] < 0x80 && (e[0] == ' ' || e[0] == '\t' || e[0] == '\n'))
      return put (m, " ", 1, false);
    return en ? put (m, e, en, false) : put (m, s, n, false);
  }
  case MD_TEXT_CODE:
    return put (m, s, n, p->code);
  case MD_TEXT_HTML:
    return html_text (m, s, n, off);
  case MD_TEXT_LATEXMATH:
    seen (m, X_MATH, off);
    return put (m, s, n, false);
  default:
    return put (m, s, n, false);
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
  parser.enter_span = enter_span;
  parser.leave_span = leave_span;
  parser.text = text;
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
  para_reset (&m);
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
