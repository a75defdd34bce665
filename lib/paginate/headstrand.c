/* paginate/headstrand: a last page balanced with a subhead (or a comment's author) over fewer
 * than two lines of its text at a column's foot.
 *
 * The flow keeps a subhead with the first two lines of its text (flow.c, keeps_fit), but
 * balancing the last page tries column bottoms the flow never chose, and a paragraph of three
 * lines or more may leave one line alone at a column's foot (lone-lines). So a short page
 * was balanced with its subhead and one line at the foot of column 1 and the rest in column 2
 * (random seed 132 on kiosk-7.5 and print-a4: a subhead, a paragraph of three lines, a list
 * item): the columns end together, but a make-up editor sends the page back. Such a setting
 * is refused, as one that cuts a subhead (balance.c, sub_cut). A comment's author heads its
 * comment alike: a last page of comments was balanced with an author of three lines ending
 * column 1, the comment in column 2 (random seed 495 on kiosk-7.5). Only while the last page
 * is balanced (ink__head_strand_t.authors): the runt trials that weigh a page of one comment
 * of its own against drawing it back (runt.c) measure it as before, or they refused the page
 * they compare with and night-bakeries.ar kiosk-10.3 (test_runt) took two pages for one. */
#include "layout-internal.h"

/* Whether role r is a head that keeps its text: a subhead or a comment's author. */
static bool
head (int r)
{
  return r == INK_ROLE_SUBHEAD || r == INK_ROLE_COMMENT_AUTHOR;
}

/* Whether role r is text a head of role h heads: for a subhead running text, a list, a block
 * quote or a table (whose title is set as a subhead); for an author the comment or reply. */
static bool
headed (int h, int r)
{
  if (h == INK_ROLE_COMMENT_AUTHOR)
    return r == INK_ROLE_COMMENT || r == INK_ROLE_REPLY;
  return r == INK_ROLE_BODY || r == INK_ROLE_LIST || r == INK_ROLE_BLOCKQUOTE ||
         r == INK_ROLE_TABLE;
}

/* Line l, in column col, after the lines of its page before it (s holds what they showed):
 * whether it is a line of a head's text that goes on in another column than the
 * head's last line while fewer than two of its lines stand under the head there. */
bool
ink__head_strands (const ink__lrec_t *l, int col, ink__head_strand_t *s)
{
  if (l->block < 0)
    return false;
  if (l->role == INK_ROLE_SUBHEAD || (s->authors && l->role == INK_ROLE_COMMENT_AUTHOR)) {
    *s = (ink__head_strand_t) { .head_col = col, .head_role = l->role, .text_block = -1,
                                .authors = s->authors };
    return false;
  }
  if (s->head_col < 0 || !headed (s->head_role, l->role))
    return false;
  if (s->text_block < 0)
    s->text_block = l->block;
  if (l->block != s->text_block)
    return false;
  if (col == s->head_col) {
    s->here++;
    return false;
  }
  return s->here < 2;
}

/* The lines of block b's text that a head of role h heads, in all, as its units are set. */
static size_t
text_lines (const lay_t *L, int h, long b)
{
  size_t n = 0;
  for (size_t i = 0; i < L->units.n; i++) {
    const unit_t *u = &L->units.v[i];
    if (u->kind == U_PARA && u->p && !u->float_len && u->block == b && headed (h, u->p->role))
      n += u->p->para.lines.n;
  }
  return n;
}

/* Whether column c of page pg ends on a head over fewer than two lines of its text while
 * that text goes on: in another column of the page or past it (a head with none of its text
 * on the page, on a page the text goes on past, heads text still to come). */
static bool
column_strands (const lay_t *L, const ink__page_t *pg, int c)
{
  const ink_document_t *doc = L->doc;
  const ink__lrec_t *h = NULL;
  for (size_t i = 0; i < pg->nl; i++) {
    const ink__lrec_t *l = &doc->lines.v[pg->l0 + i];
    if (l->block >= 0 && head (l->role) && ink__line_col (L, l, pg->body_top) == c &&
        (!h || l->y > h->y))
      h = l;
  }
  if (!h)
    return false;
  long text = -1;
  size_t here = 0, on_page = 0;
  for (size_t i = 0; i < pg->nl; i++) {
    const ink__lrec_t *l = &doc->lines.v[pg->l0 + i];
    if (l->block < 0 || !headed (h->role, l->role) || l->block < h->block)
      continue;
    if (text < 0 || l->block < text)
      text = l->block, here = on_page = 0;
    if (l->block != text)
      continue;
    on_page++;
    here += ink__line_col (L, l, pg->body_top) == c && l->y > h->y;
  }
  if (text < 0)
    return true;
  return here < 2 && (on_page > here || on_page < text_lines (L, h->role, text));
}

/**
 * ink__page_strands_head:
 * @L: the layout, page q set
 * @q: the page
 *
 * Return value: whether a column of page q ends on a subhead or a comment's author with
 * fewer than two lines of its text under it, the rest going on in another column or on the
 * next page: the make-up check's stranded-head, as the flow's keep lets one through at a
 * column's top (flow.c, keep_with_next) where breaking gains nothing.
 */
bool
ink__page_strands_head (const lay_t *L, size_t q)
{
  if (q >= L->doc->pages.n)
    return false;
  for (unsigned c = 0; c < L->ncols; c++)
    if (column_strands (L, &L->doc->pages.v[q], (int) c))
      return true;
  return false;
}
