/* article/markdown_quotes: block quotes whose first line is a marker. "[!quote]" makes a pull
 * quote (its attribution after a dash), "[!read]" a related-article link, "[!comment] author |
 * meta" a comment, and a block quote nested in a comment a reply. */
#include "markdown-internal.h"

static const char *const markers[] = { "quote", "read", "comment" };
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

/* Whether an em dash or a horizontal bar ("—", "―") starts at s[i]. */
static bool
long_dash (const char *s, size_t i, size_t end)
{
  return end - i >= 3 && (unsigned char) s[i] == 0xE2 && (unsigned char) s[i + 1] == 0x80 &&
         ((unsigned char) s[i + 2] == 0x94 || (unsigned char) s[i + 2] == 0x95);
}

/* Length of an attribution dash at text[at]: "—", "―" or "--", and the dashes after it
 * (Chinese and Japanese papers credit a quote with two: "——"). */
static size_t
dash_at (const para_t *p, size_t at, size_t end)
{
  const char *s = p->text.s;
  while (at < end && s[at] == ' ')
    at++;
  size_t i = at;
  if (long_dash (s, i, end))
    i += 3;
  else if (end - i >= 2 && s[i] == '-' && s[i + 1] == '-')
    i += 2;
  else
    return 0;
  while (i < end && (s[i] == '-' || long_dash (s, i, end)))
    i += s[i] == '-' ? 1 : 3;
  return i;
}

/* A pull quote paragraph: text up to the first line that starts with a dash, attribution
 * from there on. first_line is the first line that may be an attribution. */
int
ink__md_pull_paragraph (md_t *m, cont_t *q, size_t from, size_t first_line)
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
  if (ink__md_block_append (m, b, from, text_end, '\n'))
    return -1;
  if (attr_from != SIZE_MAX) {
    q->in_attribution = true;
    if (ink__md_string_append (m, &b->attribution, attr_from, p->text.n, ' '))
      return -1;
  }
  return 0;
}

/* Recognizes "[!name]" at text[at]: returns the name's length (0 when there is no marker)
 * and its offset. */
static size_t
marker_from (const para_t *p, size_t at, size_t *name_off)
{
  const char *s = p->text.s;
  size_t n = p->text.n;
  if (n < at + 4 || s[at] != '[' || s[at + 1] != '!')
    return 0;
  size_t i = at + 2;
  while (i < n && i < at + 40 && (((s[i] | 32) >= 'a' && (s[i] | 32) <= 'z') ||
                                  (s[i] >= '0' && s[i] <= '9') || s[i] == '-' || s[i] == '_'))
    i++;
  if (i == at + 2 || i >= n || s[i] != ']')
    return 0;
  *name_off = at + 2;
  return i - at - 2;
}

/* The marker at the start of the paragraph. */
static size_t
marker_at (const para_t *p, size_t *name_off)
{
  return marker_from (p, 0, name_off);
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
  /* The first bar ends the author: the meta may hold bars of its own ("Leeds | 08:02"). */
  size_t bar = SIZE_MAX;
  for (size_t i = from; i < to && bar == SIZE_MAX; i++)
    if (p->text.s[i] == '|')
      bar = i;
  if (bar == SIZE_MAX)
    return ink__md_string_append (m, &b->author, from, to, ' ');
  if (ink__md_string_append (m, &b->author, from, bar, ' '))
    return -1;
  if (bar + 1 < to) {
    size_t s = bar + 1, e = to;
    while (s < e && is_space (p->text.s[s]))
      s++;
    if (s < e && ink__md_string_append (m, &b->meta, s, e, ' '))
      return -1;
  }
  return 0;
}

/* A "[!comment]" line after a comment paragraph's first stays text (md4c joined it to the
 * lines above), and is said so. */
static void
warn_comment_inside (md_t *m, size_t off)
{
  const para_t *p = &m->p;
  for (size_t i = 1; i <= p->lines.n; i++) {
    size_t at = line_start (p, i), name_off = 0, nlen = marker_from (p, at, &name_off);
    if (nlen && name_is (p->text.s + name_off, nlen, "comment")) {
      unsigned line, col;
      lc (m, off, &line, &col);
      ink__article_warn (m->ctx, line + (unsigned) i, col, "a \"[!comment]\" line inside a "
                         "paragraph is set as text; put a quote's blank line (\">\") before "
                         "it to start a comment");
      return;
    }
  }
}

/* A comment inside a block quote that is not a comment (">> [!comment]" with no comment
 * above it) has no parent to reply to: it is set as a comment of its own, and said so. */
static void
warn_orphan_reply (md_t *m, const cont_t *q, size_t off)
{
  for (size_t i = 0; i < m->stack.n && &m->stack.v[i] != q; i++)
    if (m->stack.v[i].kind == C_QUOTE) {
      unsigned line, col;
      lc (m, off, &line, &col);
      ink__article_warn (m->ctx, line, col, "a reply with no comment above it is set as a "
                         "comment of its own");
      return;
    }
}

/* The first paragraph of a block quote: a marker decides what the quote is. */
int
ink__md_quote_first (md_t *m, cont_t *q, size_t off)
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
      return ink__md_fail (m, INK_PARSE, off, "unknown marker \"[!%.*s]\" (did you mean "
                           "\"[!%s]\"?); known markers: [!quote], [!read], [!comment]",
                           (int) nlen, name, sug);
    return ink__md_fail (m, INK_PARSE, off, "unknown marker \"[!%.*s]\"; known markers: "
                         "[!quote], [!read], [!comment]", (int) (nlen > 40 ? 40 : nlen), name);
  }
  q->marker_off = off;
  if (q->q == Q_REPLY && which != 2)
    return ink__md_fail (m, INK_PARSE, off, "a reply inside a comment takes no \"[!%s]\" "
                         "marker; only \"[!comment] author | meta\"", markers[which]);
  ink__block_kind_t kind = which == 0 ? INK_BLOCK_PULLQUOTE : which == 1 ? INK_BLOCK_RELATED
                                                                         : INK_BLOCK_COMMENT;
  ink__block_t *b = ink__md_new_block (m, kind, off);
  if (!b)
    return -1;
  q->block = (size_t) (b - m->a->blocks);
  if (which == 0) {
    q->q = Q_PULL;
    return ink__md_pull_paragraph (m, q, after, 1) ? -1 : 0;
  }
  if (which == 1) {
    q->q = Q_READ;
    return ink__md_block_append (m, b, after, p->text.n, '\n') ? -1 : 0;
  }
  if (q->q != Q_REPLY) {
    q->q = Q_COMMENT;
    warn_orphan_reply (m, q, off);
  }
  b->level = q->level;
  if (comment_header (m, b, after, line_end (p, 0)))
    return -1;
  if (!b->author || !*b->author)
    return ink__md_fail (m, INK_PARSE, off,
                         "a comment needs an author: \"[!comment] author | meta\"");
  warn_comment_inside (m, off);
  return ink__md_block_append (m, b, line_end (p, 0), p->text.n, '\n') ? -1 : 0;
reply:;
  ink__block_t *r = ink__md_new_block (m, INK_BLOCK_COMMENT, off);
  if (!r)
    return -1;
  r->level = q->level;
  q->block = (size_t) (r - m->a->blocks);
  warn_comment_inside (m, off);
  return ink__md_block_append (m, r, 0, p->text.n, '\n') ? -1 : 0;
}


/* A later paragraph of a marked block quote. One that opens with "[!comment] author | meta"
 * inside a comment or a reply starts the next comment at the same depth: the writer of
 * ">> [!comment] A", ">>", ">> [!comment] B" meant two replies. Any other marker there, and
 * a "[!comment]" line inside a paragraph, stay text, and are said so. Returns 1 when the
 * paragraph started a comment, 0 when it is left to the caller, -1 on failure. */
int
ink__md_quote_later (md_t *m, cont_t *q, size_t off)
{
  para_t *p = &m->p;
  size_t name_off = 0, nlen = marker_at (p, &name_off);
  bool in_comment = q->q == Q_COMMENT || q->q == Q_REPLY;
  if (nlen && in_comment && name_is (p->text.s + name_off, nlen, "comment"))
    return ink__md_quote_first (m, q, off) < 0 ? -1 : 1;
  if (nlen) {
    unsigned line, col;
    lc (m, off, &line, &col);
    ink__article_warn (m->ctx, line, col, "\"[!%.*s]\" opens a block quote only on its first "
                       "line; here it is set as text", (int) (nlen > 40 ? 40 : nlen),
                       p->text.s + name_off);
  } else if (in_comment) {
    warn_comment_inside (m, off);
  }
  return 0;
}
