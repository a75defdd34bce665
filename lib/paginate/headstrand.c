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
 * column 1, the comment in column 2 (random seed 495 on kiosk-7.5). */
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
  if (head (l->role)) {
    *s = (ink__head_strand_t) { .head_col = col, .head_role = l->role, .text_block = -1 };
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
