/* makeup_lead.c: the lead picture's make-up rules, and page 1's. The lead picture (the
 * article's picture of the head, block -1) comes before the body text it illustrates: a
 * reader never meets it after the text has begun (in the middle of a sentence, at the top of
 * page 2), but for one case a make-up editor accepts: a picture too tall for the room under
 * the head may open the first column of page 2 while the text begins under the head (page 1
 * is never the head alone). A page 1 of the head alone, with room for two lines under it,
 * while the text goes on to the next page, is a fault on pages of one column too (on pages
 * of more, an empty column says it). */
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

/* The foot of page p's columns: the first column's, else the page's. */
static double foot_of (const doc_t *d, const page_t *p)
{
  return p->ncols > 0 && p->cols[0].bottom > 0 ? p->cols[0].bottom : d->height;
}

/* The room page 1 has for the columns under the head: from the top of its first line of body
 * text (its columns' top when the layout gives them) to its foot. */
static double head_page_room (const doc_t *d)
{
  const page_t *p = &d->pages[0];
  double top = p->ncols > 0 && p->cols[0].bottom > p->cols[0].top ? p->cols[0].top : d->height;
  for (size_t j = 0; j < p->n; j++)
    if (body_text (&p->items[j]) && p->items[j].y < top)
      top = p->items[j].y;
  return foot_of (d, p) - top;
}

/* The lead picture pic on page 2, the text begun on page 1, is accepted: it opens the first
 * column (no body text reads before it there) and, with its caption and credit under it, is
 * taller than the room under the head on page 1. */
static bool opens_page_two (const doc_t *d, const page_t *p, const item_t *pic)
{
  if (p != &d->pages[1] || (pic->col >= 0 && rank (d, p, pic->col) != 0))
    return false;
  double low = pic->y + pic->h;
  for (size_t j = 0; j < p->n; j++) {
    const item_t *it = &p->items[j];
    if (body_text (it) && reads_before (d, p, it, pic))
      return false;
    if (it->block == -1 && (role_is (it, "caption") || role_is (it, "credit")) &&
        it->y >= pic->y && it->y + it->h > low)
      low = it->y + it->h;
  }
  return low - pic->y > head_page_room (d) + TOL;
}

/* Page 1 holds the head alone (nothing of the body, no lead picture) on a page of one
 * column, with room for two lines under it, while the text goes on to the next page. */
static void check_head_alone (doc_t *d)
{
  const page_t *p = &d->pages[0];
  double low = 0, step = p->has_grid && p->step > 0 ? p->step : d->step;
  if (d->npages < 2 || p->ncols > 1 || step <= 0)
    return;
  for (size_t j = 0; j < p->n; j++) {
    const item_t *it = &p->items[j];
    if (it->generated)
      continue;
    if (it->block >= 0 || it->kind == ITEM_IMAGE)
      return;
    low = it->y + it->h > low ? it->y + it->h : low;
  }
  bool text_goes_on = false;
  for (size_t i = 1; i < d->npages && !text_goes_on; i++)
    for (size_t j = 0; j < d->pages[i].n && !text_goes_on; j++)
      text_goes_on = body_text (&d->pages[i].items[j]);
  double room = foot_of (d, p) - low;
  if (text_goes_on && room >= 2 * step - TOL)
    fault (d, p, "empty-column", "holds the head alone, with room for %d lines under it",
           (int) (room / step));
}

void check_lead (doc_t *d)
{
  if (d->npages > 0)
    check_head_alone (d);
  int text_page = 0;   /* the number of the page the body text begins on, 0 before it */
  for (size_t i = 0; i < d->npages; i++) {
    const page_t *p = &d->pages[i];
    const item_t *pic = lead_picture (p);
    for (size_t j = 0; j < p->n && !text_page; j++)
      if (body_text (&p->items[j]) && (!pic || reads_before (d, p, &p->items[j], pic)))
        text_page = pic ? -1 : p->number;
    if (pic && text_page && (text_page != d->pages[0].number || !opens_page_two (d, p, pic)))
      fault (d, p, "float-order", "the lead picture comes after the body text began %s",
             text_page < 0 ? "on its page" : "on an earlier page");
    if (pic)
      return;
  }
}
