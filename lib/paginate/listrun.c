/* paginate/listrun: where one list ends and the next begins, in the article's blocks. A list
 * is read as one passage (listfloat.c), so the float order search counts its items as one
 * block of text read between a float's text and the float (ordertrial.c's out_of_reach), as
 * the make-up check's float-reach does. A list keeps its marker at each depth (bullets, or
 * numbers): an item whose marker differs in kind from that of the last item before it at its
 * depth begins another list, as in the make-up check (makeup_lists.c); an item nested under
 * an earlier one is in that one's list. */
#include "floatorder.h"

/* Block b is running text that is no list item: a paragraph, subhead or block quote. */
static bool
running_text (const ink__block_t *b)
{
  return ink__is_text_block (b) && b->kind != INK_BLOCK_LIST_ITEM;
}

bool
ink__list_goes_on (const ink_article_t *a, size_t before, size_t item)
{
  const ink__block_t *it = &a->blocks[item];
  if (it->kind != INK_BLOCK_LIST_ITEM || a->blocks[before].kind != INK_BLOCK_LIST_ITEM)
    return false;
  for (size_t k = before + 1; k-- > 0 && !running_text (&a->blocks[k]);) {
    const ink__block_t *b = &a->blocks[k];
    if (b->kind != INK_BLOCK_LIST_ITEM || b->level > it->level)
      continue;   /* a float between items, or an item nested deeper */
    return b->level < it->level || (b->number == 0) == (it->number == 0);
  }
  return true;
}
