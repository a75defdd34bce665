/* paginate/headstrand: a last page balanced with a subhead over fewer than two lines of its
 * text at a column's foot.
 *
 * The flow keeps a subhead with the first two lines of its text (flow.c, keeps_fit), but
 * balancing the last page tries column bottoms the flow never chose, and a paragraph of three
 * lines or more may leave one line alone at a column's foot (lone-lines). So a short page
 * was balanced with its subhead and one line at the foot of column 1 and the rest in column 2
 * (random seed 132 on kiosk-7.5 and print-a4: a subhead, a paragraph of three lines, a list
 * item): the columns end together, but a make-up editor sends the page back. Such a setting
 * is refused, as one that cuts a subhead (balance.c, sub_cut). */
#include "layout-internal.h"

/* Whether role r is text a subhead heads: running text, a list, a block quote or a table
 * (whose title is set as a subhead). */
static bool
headed (int r)
{
  return r == INK_ROLE_BODY || r == INK_ROLE_LIST || r == INK_ROLE_BLOCKQUOTE ||
         r == INK_ROLE_TABLE;
}

/* Line l, in column col, after the lines of its page before it (s holds what they showed):
 * whether it is a line of a subhead's text that goes on in another column than the
 * subhead's last line while fewer than two of its lines stand under the subhead there. */
bool
ink__head_strands (const ink__lrec_t *l, int col, ink__head_strand_t *s)
{
  if (l->block < 0)
    return false;
  if (l->role == INK_ROLE_SUBHEAD) {
    *s = (ink__head_strand_t) { .head_col = col, .text_block = -1, .here = 0 };
    return false;
  }
  if (s->head_col < 0 || !headed (l->role))
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
