/* article/markdown_blocks: a collected paragraph, heading or code block made into the model's
 * blocks (or joined to one): paragraphs, subheads, list items, quotes, figures, thematic
 * breaks and table rows. */
#include "markdown-internal.h"

static unsigned
count_kind (const md_t *m, ckind_t k1, ckind_t k2)
{
  unsigned n = 0;
  for (size_t i = 0; i < m->stack.n; i++)
    n += m->stack.v[i].kind == k1 || m->stack.v[i].kind == k2;
  return n;
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
    return ink__md_oom (m);
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
 * sep goes between it and text already there. A code block keeps the spaces its first line
 * starts with: they are its indent. Fresh buffers, so a failure leaves b whole. */
int
ink__md_block_append (md_t *m, ink__block_t *b, size_t start, size_t end, char sep)
{
  para_t *p = &m->p;
  while (start < end && is_space (p->text.s[start]) && !(p->code && p->text.s[start] == ' '))
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
    return ink__md_oom (m);
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
        return ink__md_oom (m);
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
int
ink__md_string_append (md_t *m, char **dst, size_t start, size_t end, char sep)
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
    return ink__md_oom (m);
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

ink__block_t *
ink__md_new_block (md_t *m, ink__block_kind_t kind, size_t off)
{
  unsigned line, col;
  lc (m, off, &line, &col);
  return ink__article_add_block (m->a, kind, line, col, &m->status, m->diag);
}

static int
figure (md_t *m, size_t off)
{
  para_t *p = &m->p;
  size_t at = p->img_off != SIZE_MAX ? p->img_off : off;
  ink__block_t *b = ink__md_new_block (m, INK_BLOCK_FIGURE, at);
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
    ink__md_seen (m, X_IMAGE_LINK, p->img_off);
  return ink__md_block_append (m, b, p->img_start, p->img_end, '\n');
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
int
ink__md_leaf_end (md_t *m)
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
      int r = ink__md_quote_first (m, q, off);
      if (r <= 0)
        return r;
    } else if (q->q == Q_UNDECIDED) {
      q->q = Q_PLAIN;
    } else if (q->q == Q_REPLY && q->block == SIZE_MAX) {
      return ink__md_quote_first (m, q, off) < 0 ? -1 : 0;
    }
    if (q->q != Q_PLAIN) {
      if (!first) {
        int r = ink__md_quote_later (m, q, off);
        if (r != 0)
          return r < 0 ? -1 : 0;
      }
      if (p->nimages) {
        unsigned line, col;
        lc (m, p->img_off != SIZE_MAX ? p->img_off : off, &line, &col);
        ink__article_warn (m->ctx, line, col, "an image inside a %s is not shown; its caption "
                           "is kept as text", q->q == Q_PULL ? "pull quote" :
                           q->q == Q_READ ? "related link" : "comment");
      }
      ink__block_t *b = &m->a->blocks[q->block];
      if (q->q == Q_PULL)
        return ink__md_pull_paragraph (m, q, 0, 0);
      return ink__md_block_append (m, b, 0, p->text.n, '\n');
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
      return ink__md_block_append (m, &m->a->blocks[t->block], 0, p->text.n, '\n');
    ink__block_t *b = ink__md_new_block (m, INK_BLOCK_LIST_ITEM, off);
    if (!b)
      return -1;
    b->level = count_kind (m, C_UL, C_OL);
    b->number = t->number;
    t->block = (size_t) (b - m->a->blocks);
    return ink__md_block_append (m, b, 0, p->text.n, '\n');
  }
  ink__block_kind_t kind = q ? INK_BLOCK_QUOTE : p->heading ? INK_BLOCK_SUBHEAD
                                                            : INK_BLOCK_PARAGRAPH;
  ink__block_t *b = ink__md_new_block (m, kind, off);
  if (!b)
    return -1;
  if (kind == INK_BLOCK_QUOTE)
    b->level = count_kind (m, C_QUOTE, C_QUOTE);
  else if (kind == INK_BLOCK_SUBHEAD)
    b->level = p->heading_level <= 2 ? 2 : 3;
  return ink__md_block_append (m, b, 0, p->text.n, '\n');
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
int
ink__md_rule (md_t *m)
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
  return ink__md_new_block (m, INK_BLOCK_RULE, off) ? 0 : -1;
}

/* A table at the top level becomes table rows, a row's cells separated by tabs; inside a
 * quote or list, or wider than INK_MAX_TABLE_COLUMNS, a paragraph per row, its cells joined
 * by " | " (and a warning). */
int
ink__md_table_block (md_t *m, MD_BLOCKTYPE type, void *detail)
{
  if (type == MD_BLOCK_TABLE) {
    unsigned cols = ((MD_BLOCK_TABLE_DETAIL *) detail)->col_count;
    m->table_cols = m->stack.n == 0 && cols <= INK_MAX_TABLE_COLUMNS ? cols : 0;
    m->table_head = cols;
    m->table_row = 0;
    if (m->stack.n)
      ink__md_seen (m, X_TABLE, SIZE_MAX);
    else if (!m->table_cols) {
      if (!m->x_count[X_TABLE_WIDE])
        m->wide_cols = cols;
      ink__md_seen (m, X_TABLE_WIDE, SIZE_MAX);
    }
  }
  if (type == MD_BLOCK_TR) {
    ink__md_para_start (m, false);
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
    return ink__md_put (m, " | ", 3, false);
  while (m->p.text.n && m->p.text.s[m->p.text.n - 1] == ' ')
    m->p.text.s[--m->p.text.n] = 0;
  return ink__str_append (m->ctx, &m->p.text, "\t", 1) ? 0 : ink__md_oom (m);
}

/* md4c leaves out, as GFM does, a row's cells past the head row's: the reader warns, at the
 * first cell left out. The row's line is read again for its cell separators (a '|' not
 * escaped). Blank cells left out are not named; a nested row or one with no text of its own
 * is not looked at. */
void
ink__md_table_surplus (md_t *m)
{
  if (m->stack.n || m->p.src_off == SIZE_MAX || m->p.src_off >= m->len)
    return;
  size_t a = m->p.src_off, e = a;
  while (a > 0 && m->src[a - 1] != '\n' && m->src[a - 1] != '\r')
    a--;
  while (e < m->len && m->src[e] != '\n' && m->src[e] != '\r')
    e++;
  while (a < e && (m->src[a] == ' ' || m->src[a] == '\t'))
    a++;
  while (e > a && (m->src[e - 1] == ' ' || m->src[e - 1] == '\t'))
    e--;
  if (a < e && m->src[a] == '|')
    a++;
  if (e > a && m->src[e - 1] == '|' && (e - 1 == a || m->src[e - 2] != '\\'))
    e--;
  unsigned cells = 1;
  for (size_t i = a; i < e; i++) {
    if (m->src[i] == '\\')
      i++;
    else if (m->src[i] == '|' && ++cells > m->table_head) {
      while (++i < e && (m->src[i] == ' ' || m->src[i] == '\t' || m->src[i] == '|'))
        ;
      if (i < e)   /* cells left out that hold text */
        ink__md_seen (m, X_CELLS, i);
      return;
    }
  }
}

/* The end of a table row read as one: its block. */
int
ink__md_table_row_end (md_t *m)
{
  ink__block_t *b = ink__md_new_block (m, INK_BLOCK_TABLE_ROW, para_off (m));
  if (!b)
    return -1;
  b->level = m->table_cols;
  b->number = m->table_row++;
  if (!(b->align = ink__strdup (m->ctx, m->table_align)))
    return ink__md_oom (m);
  if (!m->p.text.n)
    return 0;
  return ink__md_block_append (m, b, 0, m->p.text.n, '\n');
}
