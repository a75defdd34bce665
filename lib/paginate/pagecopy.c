/* paginate/pagecopy: the last page as set, from its snapshot on (its display items, glyphs,
 * line records and text, the page record, and the layout's state), copied before a trial
 * that sets it again and put back when the trial is not kept. With the units and paragraphs
 * kept as they were (ink__lead_keep), the page is then exactly as it was, whatever tools set
 * it, where setting it again from its snapshot would balance it afresh. */
#include "layout-internal.h"

#include <string.h>

/* The vector v of n elements from element from on, copied (NULL when none, *ok false when
 * out of memory). */
static void *
tail_copy (ink_context_t *ctx, const void *v, size_t from, size_t n, size_t size, bool *ok)
{
  if (n <= from || !*ok)
    return NULL;
  void *c = ink__realloc_array (ctx, NULL, 0, n - from, size);
  if (!c)
    *ok = false;
  else
    memcpy (c, (const char *) v + from * size, (n - from) * size);
  return c;
}

/* Frees the copy c of the page set from sn. */
void
ink__page_copy_free (ink_context_t *ctx, ink__page_copy_t *c, const snap_t *sn)
{
  if (c->items)
    ink__realloc_array (ctx, c->items, c->ni - sn->items, 0, sizeof *c->items);
  if (c->glyphs)
    ink__realloc_array (ctx, c->glyphs, c->ng - sn->glyphs, 0, sizeof *c->glyphs);
  if (c->lines)
    ink__realloc_array (ctx, c->lines, c->nl - sn->lines, 0, sizeof *c->lines);
  if (c->text)
    ink__realloc_array (ctx, c->text, c->nt - sn->text, 0, 1);
}

/* Copies the last page, set from sn, into c (false when out of memory: nothing to free). */
bool
ink__page_copy (lay_t *L, const snap_t *sn, ink__page_copy_t *c)
{
  ink_document_t *doc = L->doc;
  bool ok = true;
  *c = (ink__page_copy_t) { *L, doc->pages.v[sn->page], doc->pages.n, doc->overflow_blocks,
                       doc->overflow_chars, doc->missing, NULL, NULL, NULL, NULL,
                       doc->items.n, doc->glyphs.n, doc->lines.n, doc->text.n };
  c->items = tail_copy (L->ctx, doc->items.v, sn->items, c->ni, sizeof *c->items, &ok);
  c->glyphs = tail_copy (L->ctx, doc->glyphs.v, sn->glyphs, c->ng, sizeof *c->glyphs, &ok);
  c->lines = tail_copy (L->ctx, doc->lines.v, sn->lines, c->nl, sizeof *c->lines, &ok);
  c->text = tail_copy (L->ctx, doc->text.s, sn->text, c->nt, 1, &ok);
  if (!ok)
    ink__page_copy_free (L->ctx, c, sn);
  return ok;
}

/* Puts the page copied back (its vectors hold at least as much as before: the page set
 * again was truncated to the snapshot and grown from there). */
ink_status_t
ink__page_put_back (lay_t *L, const snap_t *sn, ink__page_copy_t *c)
{
  ink_document_t *doc = L->doc;
  ink__layout_put_back (L, &c->L);
  if (!ink__vec_reserve (L->ctx, &doc->items, c->ni) ||
      !ink__vec_reserve (L->ctx, &doc->glyphs, c->ng) ||
      !ink__vec_reserve (L->ctx, &doc->lines, c->nl)) {
    ink__page_copy_free (L->ctx, c, sn);
    return oom (L);
  }
  if (c->items)
    memcpy (doc->items.v + sn->items, c->items, (c->ni - sn->items) * sizeof *c->items);
  if (c->glyphs)
    memcpy (doc->glyphs.v + sn->glyphs, c->glyphs, (c->ng - sn->glyphs) * sizeof *c->glyphs);
  if (c->lines)
    memcpy (doc->lines.v + sn->lines, c->lines, (c->nl - sn->lines) * sizeof *c->lines);
  doc->text.n = sn->text;
  if (c->text && !ink__str_append (L->ctx, &doc->text, c->text, c->nt - sn->text)) {
    ink__page_copy_free (L->ctx, c, sn);
    return oom (L);
  }
  doc->items.n = c->ni;
  doc->glyphs.n = c->ng;
  doc->lines.n = c->nl;
  doc->pages.n = c->npages;
  doc->pages.v[sn->page] = c->page;
  doc->overflow_blocks = c->overflow_blocks;
  doc->overflow_chars = c->overflow_chars;
  doc->missing = c->missing;
  ink__page_copy_free (L->ctx, c, sn);
  return INK_OK;
}
