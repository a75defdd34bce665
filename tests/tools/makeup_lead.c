/* makeup_lead.c: the lead picture's make-up rule. The lead picture (the article's picture of
 * the head, block -1) comes before the body text it illustrates: a reader never meets it
 * after the text has begun (in the middle of a sentence, at the top of page 2). */
#include "makeup_check.h"

/* Whether item it of page p reads before the picture pic there: in an earlier column, or
 * above it in its column; a picture across the columns reads before what is under it. */
static bool reads_before (const doc_t *d, const page_t *p, const item_t *it, const item_t *pic)
{
  if (pic->col < 0 || it->col < 0)
    return it->y < pic->y - TOL;
  int a = rank (d, p, it->col), b = rank (d, p, pic->col);
  return a < b || (a == b && it->y < pic->y - TOL);
}

static bool body_text (const item_t *it)
{
  return !it->generated && it->block >= 0 && role_in (it, TEXT_ROLES);
}

/* The lead picture of page p, or NULL. */
static const item_t *lead_picture (const page_t *p)
{
  for (size_t j = 0; j < p->n; j++)
    if (p->items[j].kind == ITEM_IMAGE && p->items[j].block == -1)
      return &p->items[j];
  return NULL;
}

void check_lead (doc_t *d)
{
  int text_page = 0;   /* the number of the page the body text begins on, 0 before it */
  for (size_t i = 0; i < d->npages; i++) {
    const page_t *p = &d->pages[i];
    const item_t *pic = lead_picture (p);
    for (size_t j = 0; j < p->n && !text_page; j++)
      if (body_text (&p->items[j]) && (!pic || reads_before (d, p, &p->items[j], pic)))
        text_page = pic ? -1 : p->number;
    if (pic && text_page)
      fault (d, p, "float-order", "the lead picture comes after the body text began %s",
             text_page < 0 ? "on its page" : "on an earlier page");
    if (pic)
      return;
  }
}
