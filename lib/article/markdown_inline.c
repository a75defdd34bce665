/* article/markdown_inline: a paragraph's text as md4c hands it over, collected with its
 * spans (emphasis, strong, code, links), its first image, where its words were in the source
 * (marks), inline HTML, entities and task list check boxes. */
#include "markdown-internal.h"

void
ink__md_para_reset (md_t *m)
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
  return ink__vec_push (m->ctx, &p->spans, s) ? 0 : ink__md_oom (m);
}

static int
check_para_len (md_t *m, size_t extra)
{
  size_t max = ink__limit (m->ctx, INK_LIMIT_PARAGRAPH_BYTES);
  if (m->p.text.n + extra > max)
    return ink__md_fail (m, INK_LIMIT, m->p.src_off != SIZE_MAX ? m->p.src_off : m->cursor,
                         "paragraph longer than the limit of %zu bytes", max);
  return 0;
}

/* Whether c is white space to collapse: a space, tab, line feed, vertical tab, form feed or
 * carriage return. */
static inline bool
is_blank (unsigned char c)
{
  return c == ' ' || (unsigned) (c - '\t') <= '\r' - '\t';
}

/* Text offset at of the paragraph comes from source offset src. */
static int
mark (md_t *m, size_t at, size_t src)
{
  pmark_t k = { at, src };
  return ink__vec_push (m->ctx, &m->p.marks, k) ? 0 : ink__md_oom (m);
}

/* Appends s[0, n) to the paragraph's text as it is, with its span. */
static int
put_as_is (md_t *m, const char *s, size_t n, unsigned flags, const char *href)
{
  size_t at = m->p.text.n;
  if (!n)
    return 0;
  if (!ink__str_append (m->ctx, &m->p.text, s, n) || add_run (m, at, n, flags, href))
    return m->status ? -1 : ink__md_oom (m);
  return 0;
}

/* Appends text, collapsing white space runs to one space (none at the start of a line). Words
 * and the single spaces between them are copied as they stand, a stretch at a time from a. */
int
ink__md_put (md_t *m, const char *s, size_t n, bool newlines_break)
{
  para_t *p = &m->p;
  unsigned flags = cur_flags (m) | (p->code ? INK_SPAN_CODE : 0);
  const char *href = cur_href (m);
  if (check_para_len (m, n))
    return -1;
  /* A word gets a mark where its column is not the last mark's plus the code points since:
   * the first of the call, one after white space other than a single space, and one after a
   * word with "--" (which may become a dash). */
  size_t so = src_offset (m, s), i = 0, a = 0, gap = 2;
  while (i < n) {
    if (is_blank ((unsigned char) s[i])) {
      size_t j = i;
      bool nl = false;
      for (; j < n && is_blank ((unsigned char) s[j]); j++)
        nl |= s[j] == '\n';
      bool single = j - i == 1 && s[i] == ' ';
      gap = single && gap != 2 ? 1 : 2;
      if (a < i && single) {       /* one space after a word: kept in the stretch */
        i = j;
        continue;
      }
      if (put_as_is (m, s + a, i - a, flags, href))
        return -1;
      a = i = j;
      if (nl && newlines_break) {
        while (p->text.n && p->text.s[p->text.n - 1] == ' ')
          p->text.s[--p->text.n] = 0;
        if (!ink__str_append (m->ctx, &p->text, "\n", 1))
          return ink__md_oom (m);
        uint32_t at = (uint32_t) p->text.n;
        if (!ink__vec_push (m->ctx, &p->lines, at))
          return ink__md_oom (m);
        continue;
      }
      if (!p->text.n || p->text.s[p->text.n - 1] == ' ' || p->text.s[p->text.n - 1] == '\n')
        continue;
      if (put_as_is (m, " ", 1, flags, href))
        return -1;
      continue;
    }
    size_t j = i;
    bool dashes = false;
    for (; j < n; j++) {
      unsigned char c = (unsigned char) s[j];
      if (c <= ' ' && is_blank (c))
        break;
      if (c == '-' && j > i && s[j - 1] == '-')
        dashes = true;
    }
    if (so != SIZE_MAX && gap != 1 && mark (m, p->text.n + (i - a), so + i))
      return -1;
    gap = dashes ? 2 : 0;
    i = j;
  }
  return put_as_is (m, s + a, n - a, flags, href);
}

/* A tab in a code block goes to the next multiple of this many columns, as md4c and
 * CommonMark count them. */
#define CODE_TAB_COLUMNS 4

/* Ends a code block's line: the spaces it ends in go, with the part of the last span and
 * the marks that stood on them (a span reaching past the text would overlap the next line's),
 * and the next starts after a break. */
static int
code_line_end (md_t *m)
{
  para_t *p = &m->p;
  while (p->text.n && p->text.s[p->text.n - 1] == ' ')
    p->text.s[--p->text.n] = 0;
  while (p->spans.n && p->spans.v[p->spans.n - 1].start >= p->text.n)
    p->spans.n--;
  if (p->spans.n) {
    ink__span_t *last = &p->spans.v[p->spans.n - 1];
    if (last->start + last->len > p->text.n)
      last->len = (uint32_t) (p->text.n - last->start);
  }
  while (p->marks.n && p->marks.v[p->marks.n - 1].off > p->text.n)
    p->marks.n--;
  if (!ink__str_append (m->ctx, &p->text, "\n", 1) ||
      !ink__vec_push (m->ctx, &p->lines, (uint32_t) p->text.n))
    return ink__md_oom (m);
  return 0;
}

/* Appends a code block's text as the source has it: every space kept where it stands (the
 * lines' indents are what the code means), a tab as the spaces to its stop, a line feed a
 * line break. A mark at each line's start and after each tab, where the text's columns part
 * from the source's. */
static int
put_code (md_t *m, const char *s, size_t n)
{
  para_t *p = &m->p;
  unsigned flags = cur_flags (m) | INK_SPAN_CODE;
  size_t so = src_offset (m, s), a = 0;
  if (check_para_len (m, n * CODE_TAB_COLUMNS))
    return -1;
  for (size_t i = 0; i <= n; i++) {
    if (i < n && s[i] != '\n' && s[i] != '\t')
      continue;
    if (so != SIZE_MAX && i > a && mark (m, p->text.n, so + a))
      return -1;
    if (put_as_is (m, s + a, i - a, flags, NULL))
      return -1;
    a = i + 1;
    if (i == n)
      break;
    if (s[i] == '\n') {
      if (code_line_end (m))
        return -1;
      continue;
    }
    size_t line = p->lines.n ? p->lines.v[p->lines.n - 1] : 0, col = 0;
    for (size_t k = line; k < p->text.n; k++)
      col += ((unsigned char) p->text.s[k] & 0xC0) != 0x80;
    static const char spaces[CODE_TAB_COLUMNS + 1] = "    ";
    if (put_as_is (m, spaces, CODE_TAB_COLUMNS - col % CODE_TAB_COLUMNS, flags, NULL))
      return -1;
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

void
ink__md_para_start (md_t *m, bool implicit)
{
  ink__md_para_reset (m);
  m->p.active = true;
  m->p.implicit = implicit;
  m->p.img_off = SIZE_MAX;
}

int
ink__md_enter_span (MD_SPANTYPE type, void *detail, void *user)
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
      return ink__md_oom (m);
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
        return ink__md_oom (m);
    }
    break;
  }
  case MD_SPAN_DEL: ink__md_seen (m, X_DEL, SIZE_MAX); break;
  case MD_SPAN_U: ink__md_seen (m, X_U, SIZE_MAX); break;
  case MD_SPAN_LATEXMATH:
  case MD_SPAN_LATEXMATH_DISPLAY: ink__md_seen (m, X_MATH, SIZE_MAX); break;
  case MD_SPAN_WIKILINK: ink__md_seen (m, X_WIKI, SIZE_MAX); break;
  }
  if (m->nspan < 64) {
    m->span_flags[m->nspan] = flags;
    m->span_href[m->nspan] = href;
  }
  m->nspan++;
  return 0;
}

int
ink__md_leave_span (MD_SPANTYPE type, void *detail, void *user)
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
    ink__md_seen (m, X_HTML, off);
    bool br = n >= 4 && (s[1] | 32) == 'b' && (s[2] | 32) == 'r' && strchr (" />", s[3]);
    return br ? ink__md_put (m, " ", 1, false) : 0;
  }
  size_t i = 0;
  while (i < n) {
    size_t j = i;
    while (j < n && (m->in_tag ? s[j] != '>' : s[j] != '<'))
      j++;
    if (!m->in_tag && j > i && ink__md_put (m, s + i, j - i, false))
      return -1;
    /* A tag in a block mostly separates (<p>, <br>, <td>): it leaves a space. */
    if (j < n && (m->in_tag = !m->in_tag) && ink__md_put (m, " ", 1, false))
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
  return ink__md_put (m, m->src + off, 3, false) || ink__md_put (m, " ", 1, false) ? -1 : 0;
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

int
ink__md_text (MD_TEXTTYPE type, const MD_CHAR *s, MD_SIZE n, void *user)
{
  md_t *m = user;
  if (m->status)
    return -1;
  para_t *p = &m->p;
  /* Text outside any paragraph (a tight list item's, after a nested block) starts one. */
  if (!p->active)
    ink__md_para_start (m, true);
  if (task_mark (m))
    return -1;
  size_t off = src_offset (m, s);
  if (off != SIZE_MAX) {
    if (p->src_off == SIZE_MAX)
      p->src_off = off;
    if (off + n > m->cursor)
      m->cursor = off + n;
    ink__md_seen_at (m, off);
  }
  if (m->deep_pending)
    return ink__md_deep_error (m, para_off (m));
  if (type == MD_TEXT_SOFTBR && note_follows (m, m->cursor))
    type = MD_TEXT_BR;
  switch (type) {
  case MD_TEXT_BR:
    while (p->text.n && p->text.s[p->text.n - 1] == ' ')
      p->text.s[--p->text.n] = 0;
    if (!ink__str_append (m->ctx, &p->text, "\n", 1))
      return ink__md_oom (m);
    /* fall through */
  case MD_TEXT_SOFTBR: {
    if (type == MD_TEXT_SOFTBR && ink__md_put (m, " ", 1, false))
      return -1;
    uint32_t at = (uint32_t) p->text.n;
    return ink__vec_push (m->ctx, &p->lines, at) ? 0 : ink__md_oom (m);
  }
  case MD_TEXT_NULLCHAR:
    return ink__md_put (m, "\xEF\xBF\xBD", 3, false);
  case MD_TEXT_ENTITY: {
    char e[4];
    size_t en = ink__entity_decode (s, n, e);
    if (en && (unsigned char) e[0] < 0x80 && (e[0] == ' ' || e[0] == '\t' || e[0] == '\n'))
      return ink__md_put (m, " ", 1, false);
    return en ? ink__md_put (m, e, en, false) : ink__md_put (m, s, n, false);
  }
  case MD_TEXT_CODE:
    return p->code ? put_code (m, s, n) : ink__md_put (m, s, n, false);
  case MD_TEXT_HTML:
    return html_text (m, s, n, off);
  case MD_TEXT_LATEXMATH:
    ink__md_seen (m, X_MATH, off);
    return ink__md_put (m, s, n, false);
  default:
    return ink__md_put (m, s, n, false);
  }
}

