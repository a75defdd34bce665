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
  size_t src_off;                /* source offset of the first text; SIZE_MAX until known */
  unsigned nimages;
  bool in_image;
  char *img_src, *img_title;
  uint32_t img_start, img_end;   /* the alt text's range in text */
  size_t img_off;                /* source offset of the "![" */
} para_t;

typedef enum { C_QUOTE, C_UL, C_OL, C_LI } ckind_t;
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

/* Appends text, collapsing white space runs to one space (none at the start of a line). */
static int
put (md_t *m, const char *s, size_t n, bool newlines_break)
{
  para_t *p = &m->p;
  unsigned flags = cur_flags (m) | (p->code ? INK_SPAN_CODE : 0);
  const char *href = cur_href (m);
  if (check_para_len (m, n))
    return -1;
  size_t i = 0;
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
    if (!ink__str_append (m->ctx, &p->text, s + i, j - i) || add_run (m, at, j - i, flags, href))
      return m->status ? -1 : oom (m);
    i = j;
  }
  return 0;
}

static const struct { const char *name; uint32_t cp; } entities[] = {
  { "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' }, { "apos", '\'' },
  { "nbsp", 0xA0 }, { "shy", 0xAD }, { "copy", 0xA9 }, { "reg", 0xAE }, { "trade", 0x2122 },
  { "deg", 0xB0 }, { "plusmn", 0xB1 }, { "times", 0xD7 }, { "divide", 0xF7 },
  { "middot", 0xB7 }, { "sect", 0xA7 }, { "para", 0xB6 }, { "laquo", 0xAB }, { "raquo", 0xBB },
  { "lsquo", 0x2018 }, { "rsquo", 0x2019 }, { "sbquo", 0x201A }, { "ldquo", 0x201C },
  { "rdquo", 0x201D }, { "bdquo", 0x201E }, { "ndash", 0x2013 }, { "mdash", 0x2014 },
  { "hellip", 0x2026 }, { "bull", 0x2022 }, { "prime", 0x2032 }, { "Prime", 0x2033 },
  { "euro", 0x20AC }, { "pound", 0xA3 }, { "yen", 0xA5 }, { "cent", 0xA2 }, { "thinsp", 0x2009 },
  { "ensp", 0x2002 }, { "emsp", 0x2003 }, { "zwj", 0x200D }, { "zwnj", 0x200C },
  { "lrm", 0x200E }, { "rlm", 0x200F }, { "frac12", 0xBD }, { "frac14", 0xBC },
  { "frac34", 0xBE }, { "iexcl", 0xA1 }, { "iquest", 0xBF }, { "hyphen", 0x2010 },
  { "minus", 0x2212 }, { "larr", 0x2190 }, { "rarr", 0x2192 }, { "uarr", 0x2191 },
  { "darr", 0x2193 }, { "eacute", 0xE9 }, { "Eacute", 0xC9 }, { "agrave", 0xE0 },
  { "aacute", 0xE1 }, { "uuml", 0xFC }, { "ouml", 0xF6 }, { "auml", 0xE4 }, { "Uuml", 0xDC },
  { "Ouml", 0xD6 }, { "Auml", 0xC4 }, { "szlig", 0xDF }, { "ccedil", 0xE7 }, { "ntilde", 0xF1 },
  { "egrave", 0xE8 }, { "iacute", 0xED }, { "oacute", 0xF3 }, { "uacute", 0xFA },
};

/* Decodes "&name;", "&#123;" or "&#x1F;" into UTF-8 (at most 4 bytes); names outside the
 * table stay as written, so no text is lost. */
static size_t
decode_entity (const char *s, size_t n, char *out)
{
  if (n >= 4 && s[0] == '&' && s[1] == '#' && s[n - 1] == ';') {
    uint32_t v = 0;
    bool hex = s[2] == 'x' || s[2] == 'X';
    for (size_t i = hex ? 3 : 2; i + 1 < n; i++) {
      unsigned c = (unsigned char) s[i], d;
      if (c >= '0' && c <= '9')
        d = c - '0';
      else if (hex && ((c | 32) >= 'a' && (c | 32) <= 'f'))
        d = (c | 32) - 'a' + 10;
      else
        return 0;
      v = v > 0x10FFFF ? v : v * (hex ? 16 : 10) + d;
    }
    if (v == 0 || v > 0x10FFFF)
      v = 0xFFFD;
    return ink__utf8_encode (v, out);
  }
  if (n >= 3 && s[0] == '&' && s[n - 1] == ';')
    for (size_t i = 0; i < sizeof entities / sizeof *entities; i++)
      if (strlen (entities[i].name) == n - 2 && memcmp (entities[i].name, s + 1, n - 2) == 0)
        return ink__utf8_encode (entities[i].cp, out);
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
    if (at->substr_types[i] == MD_TEXT_ENTITY && (en = decode_entity (s, n, e)) > 0)
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
  return 0;
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

static int
push (md_t *m, cont_t c)
{
  if (!ink__vec_push (m->ctx, &m->stack, c))
    return oom (m);
  if (m->stack.n > ink__limit (m->ctx, INK_LIMIT_NESTING))
    m->deep_pending = true;
  return 0;
}

static int
deep_error (md_t *m, size_t off)
{
  return fail (m, INK_LIMIT, off, "block quotes and lists nested deeper than the limit of %zu",
               ink__limit (m->ctx, INK_LIMIT_NESTING));
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
  case MD_BLOCK_LI: {
    cont_t *t = top (m);
    c.kind = C_LI;
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
  case MD_BLOCK_TH:
  case MD_BLOCK_TD:
    para_start (m, false);
    m->p.heading = type == MD_BLOCK_H;
    if (type == MD_BLOCK_H)
      m->p.heading_level = ((MD_BLOCK_H_DETAIL *) detail)->level;
    m->p.code = type == MD_BLOCK_CODE;
    return 0;
  default:
    return 0;
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
  case MD_BLOCK_TH:
  case MD_BLOCK_TD: {
    if (m->deep_pending)
      return deep_error (m, para_off (m));
    int r = leaf_end (m);
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
      if (!(p->img_src = attr_string (m, &d->src)) ||
          !(p->img_title = attr_string (m, &d->title)))
        return oom (m);
    }
    break;
  }
  default:
    break;
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

static int
text (MD_TEXTTYPE type, const MD_CHAR *s, MD_SIZE n, void *user)
{
  md_t *m = user;
  if (m->status)
    return -1;
  para_t *p = &m->p;
  if (!p->active)
    return 0;
  size_t off = src_offset (m, s);
  if (off != SIZE_MAX) {
    if (p->src_off == SIZE_MAX)
      p->src_off = off;
    if (off + n > m->cursor)
      m->cursor = off + n;
  }
  if (m->deep_pending)
    return deep_error (m, para_off (m));
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
    size_t en = decode_entity (s, n, e);
    if (en && (unsigned char) e[0] < 0x80 && (e[0] == ' ' || e[0] == '\t' || e[0] == '\n'))
      return put (m, " ", 1, false);
    return en ? put (m, e, en, false) : put (m, s, n, false);
  }
  case MD_TEXT_CODE:
    return put (m, s, n, p->code);
  default:
    return put (m, s, n, false);
  }
}

/* Front matter: "---", lines of "key: value", "---". Returns the body's offset. */
static ink_status_t
front_matter (md_t *m, size_t *body)
{
  const char *s = m->src;
  size_t n = m->len, i = 0;
  ink_article_t *a = m->a;
  unsigned seen_line[INK_KEY_COUNT_] = { 0 };
  /* Reads the line at i: [ls, le) without the line end and trailing blanks. */
#define LINE(ls, le) \
  do { \
    ls = i; \
    while (i < n && s[i] != '\n') \
      i++; \
    le = i; \
    if (i < n) \
      i++; \
    while (le > ls && (s[le - 1] == '\r' || s[le - 1] == ' ' || s[le - 1] == '\t')) \
      le--; \
  } while (0)
  size_t ls, le;
  LINE (ls, le);
  if (le - ls != 3 || memcmp (s + ls, "---", 3) != 0) {
    fail (m, INK_PARSE, 0, "expected front matter: an article starts with a \"---\" line, then "
          "\"title: ...\"");
    return m->status;
  }
  /* An unclosed front matter would otherwise be reported at its first body line. */
  size_t scan = i;
  bool closes = false;
  while (scan < n && !closes) {
    size_t e = scan;
    while (e < n && s[e] != '\n')
      e++;
    size_t t = e;
    while (t > scan && (s[t - 1] == '\r' || s[t - 1] == ' ' || s[t - 1] == '\t'))
      t--;
    closes = t - scan == 3 && memcmp (s + scan, "---", 3) == 0;
    scan = e + 1;
  }
  if (!closes) {
    fail (m, INK_PARSE, 0, "the front matter opened here is never closed by a \"---\" line");
    return m->status;
  }
  bool closed = false;
  while (i < n) {
    LINE (ls, le);
    if (le - ls == 3 && memcmp (s + ls, "---", 3) == 0) {
      closed = true;
      break;
    }
    size_t k = ls;
    while (k < le && (s[k] == ' ' || s[k] == '\t'))
      k++;
    if (k == le || s[k] == '#')
      continue;
    size_t colon = k;
    while (colon < le && s[colon] != ':')
      colon++;
    if (colon == le) {
      fail (m, INK_PARSE, k, "expected \"key: value\" or \"---\" closing the front matter "
            "opened on line 1");
      return m->status;
    }
    size_t ke = colon;
    while (ke > k && (s[ke - 1] == ' ' || s[ke - 1] == '\t'))
      ke--;
    int key = ink__key_lookup (s + k, ke - k);
    if (key < 0) {
      const char *sug = ink__did_you_mean (s + k, ke - k, ink__key_names, INK_KEY_COUNT_);
      int shown = ke - k > 40 ? 40 : (int) (ke - k);
      if (sug)
        fail (m, INK_PARSE, k, "unknown key \"%.*s\" (did you mean \"%s\"?)", shown, s + k, sug);
      else
        fail (m, INK_PARSE, k, "unknown key \"%.*s\"; known keys: title, kicker, deck, author, "
              "date, lang, section, source, image, caption, credit, url", shown, s + k);
      return m->status;
    }
    unsigned kl, kc;
    lc (m, k, &kl, &kc);
    if (seen_line[key]) {
      fail (m, INK_PARSE, k, "duplicate key \"%s\" (first given on line %u)",
            ink__key_names[key], seen_line[key]);
      return m->status;
    }
    seen_line[key] = kl;
    size_t vs = colon + 1, ve = le;
    while (vs < ve && (s[vs] == ' ' || s[vs] == '\t'))
      vs++;
    if (ve - vs >= 2 && (s[vs] == '"' || s[vs] == '\'') && s[ve - 1] == s[vs]) {
      vs++;
      ve--;
    }
    size_t max = ink__limit (m->ctx, INK_LIMIT_FIELD_BYTES);
    if (ve - vs > max) {
      fail (m, INK_LIMIT, vs, "%s longer than the limit of %zu bytes", ink__key_names[key], max);
      return m->status;
    }
    if (vs == ve) {
      if (key == INK_KEY_TITLE) {
        fail (m, INK_PARSE, k, "the title is empty");
        return m->status;
      }
      continue;
    }
    char *v = ink__strndup (m->ctx, s + vs, ve - vs);
    if (!v) {
      oom (m);
      return m->status;
    }
    *ink__article_field (a, (ink__key_t) key) = v;
    if (key == INK_KEY_DATE && !ink__valid_date (v)) {
      fail (m, INK_PARSE, vs, "date \"%.40s\" is not an ISO 8601 date (YYYY-MM-DD)", v);
      return m->status;
    }
    if (key == INK_KEY_LANG && !ink__valid_lang (v)) {
      fail (m, INK_PARSE, vs, "lang \"%.40s\" is not a BCP 47 language tag (en, ur, zh-Hans)", v);
      return m->status;
    }
    if (key == INK_KEY_IMAGE) {
      a->image_line = kl;
      a->image_column = kc;
    }
  }
#undef LINE
  if (!closed) {
    fail (m, INK_PARSE, 0, "the front matter opened here is never closed by a \"---\" line");
    return m->status;
  }
  if (!a->title) {
    fail (m, INK_PARSE, 0, "the front matter has no \"title\"");
    return m->status;
  }
  *body = i;
  return INK_OK;
}

/* Comments come after the body in the model, as in the JSON form (stable order). */
static ink_status_t
comments_last (md_t *m)
{
  ink_article_t *a = m->a;
  size_t nc = 0;
  for (size_t i = 0; i < a->nblocks; i++)
    nc += a->blocks[i].kind == INK_BLOCK_COMMENT;
  if (!nc || nc == a->nblocks)
    return INK_OK;
  ink__block_t *v = ink__realloc_array (m->ctx, NULL, 0, a->nblocks, sizeof *v);
  if (!v)
    return ink__diag (m->ctx, m->diag, INK_NO_MEMORY, 0, 0, "out of memory");
  size_t w = 0;
  for (int pass = 0; pass < 2; pass++)
    for (size_t i = 0; i < a->nblocks; i++)
      if ((a->blocks[i].kind == INK_BLOCK_COMMENT) == (pass == 1))
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
  md_t m = { 0 };
  m.ctx = ctx;
  m.diag = diag;
  m.src = src;
  m.len = len;
  m.p.src_off = SIZE_MAX;
  ink__pos_init (&m.pos, src, len);
  m.a = ink__article_new (ctx, name);
  if (!m.a) {
    st = ink__diag (ctx, diag, INK_NO_MEMORY, 0, 0, "out of memory");
    goto done;
  }
  m.a->bad_utf8 = bad;
  size_t body = 0;
  if ((st = front_matter (&m, &body)) != INK_OK)
    goto done;
  m.cursor = body;
  MD_PARSER parser = { 0 };
  parser.flags = MD_FLAG_NOHTML;
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
  if ((st = comments_last (&m)) != INK_OK)
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
  if (clean)
    ink__free (ctx, clean, clean_len + 1);
  *out = m.a;
  return st;
}
