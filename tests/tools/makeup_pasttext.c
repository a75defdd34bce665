/* makeup_pasttext.c: the make-up checker's float-past-text rule. A pull quote pulls a line
 * from the story to draw the reader into it, and a picture illustrates it: on a page after
 * the one where the story's running text ended, over or among the readers' comments, either
 * stands apart from the story it belongs to, heading the comments instead. A make-up editor
 * sets it beside the story's text (or lets the story's last lines go on to its page) or
 * leaves it out. A page of such floats and nothing else is a floats-only page, and a float
 * that text follows in the article, set after that text's end, is float-order
 * (makeup_columns.c, makeup_floats.c): this rule counts neither twice. Related links and
 * the source line may close the article on the comments' page. */
#include "makeup_check.h"

/* The last block of the story's running text in the article, or -1. */
static int last_text_block (const doc_t *d)
{
  int last = -1;
  for (size_t i = 0; i < d->npages; i++)
    for (size_t j = 0; j < d->pages[i].n; j++) {
      const item_t *it = &d->pages[i].items[j];
      if (!it->generated && it->block > last && role_in (it, TEXT_ROLES))
        last = it->block;
    }
  return last;
}

/* A pull quote or a picture (its caption and credit with it). */
static bool display_float (const item_t *it)
{
  return !it->generated && it->block >= 0 &&
         (it->kind == ITEM_IMAGE || role_is (it, "quote") || role_is (it, "caption"));
}

static bool comment_line (const item_t *it)
{
  return !it->generated &&
         (role_is (it, "comment") || role_is (it, "reply") || role_is (it, "comment_author"));
}

void check_floats_past_text (doc_t *d)
{
  int last = last_text_block (d);
  if (d->last_story_page < 0 || last < 0)
    return;
  for (size_t i = (size_t) d->last_story_page + 1; i < d->npages; i++) {
    const page_t *p = &d->pages[i];
    const item_t *f = NULL;
    bool comments = false, rows = false;
    for (size_t j = 0; j < p->n; j++) {
      const item_t *it = &p->items[j];
      if (display_float (it) && it->block > last && (!f || (!f->text && it->text)))
        f = it;   /* a picture is named by its caption */
      comments |= comment_line (it);
      rows |= !it->generated && role_is (it, "table");
    }
    if (f && comments && !rows)
      fault (d, p, "float-past-text",
             "a %s over the readers' comments, after the running text ended on page %d%s%.*s%s",
             f->kind == ITEM_IMAGE || role_is (f, "caption") ? "picture" : "pull quote",
             d->pages[d->last_story_page].number, f->text ? ": \"" : "",
             f->text ? utf8_prefix (f->text, 60) : 0, f->text ? f->text : "", f->text ? "\"" : "");
  }
}
