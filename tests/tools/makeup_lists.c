/* makeup_lists.c: where one list ends and the next begins. The article's list items are
 * blocks one after another, and a float the article sets between two lists is a block between
 * two items, as one set inside a list would be; the items' markers tell them apart. A list
 * keeps its marker at each depth (bullets, or numbers), so an item whose marker differs from
 * that of the item before it at its depth begins another list: a numbered list, a pull quote,
 * then a bulleted list are two lists with a float between them, which may be read there. */
#include "makeup_check.h"

#include <string.h>

typedef enum { MARK_NONE, MARK_BULLET, MARK_NUMBER } mark_t;

/* The column a line the page adds lies in (the reader gives such lines none), or NULL. */
static const column_t *column_of (const page_t *p, const item_t *it)
{
  for (int c = 0; c < p->ncols; c++)
    if (it->x >= p->cols[c].x - TOL && it->x + it->w <= p->cols[c].x + p->cols[c].w + TOL)
      return &p->cols[c];
  return NULL;
}

/* Block b's marker (the line the page adds before a list item's text): its kind, and its
 * indent from the start edge of its column (the right edge in a right-to-left layout). */
static mark_t marker (const doc_t *d, int b, double *indent)
{
  for (size_t i = 0; i < d->npages; i++) {
    const page_t *p = &d->pages[i];
    for (size_t j = 0; j < p->n; j++) {
      const item_t *it = &p->items[j];
      if (it->block != b || !it->generated || !role_is (it, "list") || !it->text)
        continue;
      const column_t *c = column_of (p, it);
      if (!c)
        return MARK_NONE;
      *indent = it->rtl ? c->x + c->w - (it->x + it->w) : it->x - c->x;
      return strncmp (it->text, "\xE2\x80\xA2", 3) == 0 ? MARK_BULLET : MARK_NUMBER;
    }
  }
  return MARK_NONE;
}

/* Block b holds running text that is no list item (a paragraph, subhead or block quote). */
static bool running_text (const doc_t *d, int b)
{
  static const char *const NOT_LIST[] = { "body", "subhead", "blockquote", NULL };
  for (size_t i = 0; i < d->npages; i++)
    for (size_t j = 0; j < d->pages[i].n; j++) {
      const item_t *it = &d->pages[i].items[j];
      if (it->block == b && !it->generated && role_in (it, NOT_LIST))
        return true;
    }
  return false;
}

/* List items before and item (before < item in the article) belong to two lists: item's
 * marker differs in kind from that of the last item before it at its depth. An item nested
 * under an earlier one is in that one's list; without markers to go by, one list. */
bool mk_lists_apart (const doc_t *d, int before, int item)
{
  double at, in;
  mark_t m = marker (d, item, &at);
  if (m == MARK_NONE)
    return false;
  for (int k = before; k >= 0 && !running_text (d, k); k--) {
    mark_t mk = marker (d, k, &in);
    if (mk == MARK_NONE)
      continue;   /* a float between items */
    if (in < at - TOL)
      return false;   /* item is nested under k */
    if (in <= at + TOL)
      return mk != m;
  }
  return false;
}
