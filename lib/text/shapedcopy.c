/* text/shapedcopy: a shaped paragraph copied whole, with what is memoized for it (its break
 * opportunities, its last Knuth–Plass items, each kept with what they were made for), for a
 * layout that sets the same text in the same styles as another did (paginate/shapereuse.c):
 * copying its arrays is a small part of shaping it again. */
#include "text.h"

#include <string.h>

/* n elements of size elem from src into a new block of cap elements (cap >= n); NULL when
 * out of memory. */
static void *
copy_block (ink_context_t *ctx, const void *src, size_t n, size_t cap, size_t elem)
{
  void *dst = ink__realloc_array (ctx, NULL, 0, cap, elem);
  if (dst && n)
    memcpy (dst, src, n * elem);
  return dst;
}

/* Declared in text.h. */
ink_status_t
ink__shaped_copy (ink_context_t *ctx, const ink__shaped_t *src, const char *text,
                  ink__shaped_t *dst)
{
  size_t slots = src->len + 1;   /* as ink__shape_paragraph allocates them */
  *dst = *src;
  dst->ctx = ctx;
  dst->text = text;
  dst->runs.v = NULL, dst->runs.n = dst->runs.cap = 0;
  dst->glyphs.v = NULL, dst->glyphs.n = dst->glyphs.cap = 0;
  dst->items = src->items ? copy_block (ctx, src->items, src->items_bytes, src->items_bytes, 1)
                          : NULL;
  dst->items_bytes = dst->items ? src->items_bytes : 0;
  dst->cps = copy_block (ctx, src->cps, src->ncps + 1, slots, sizeof *src->cps);
  dst->cp_off = copy_block (ctx, src->cp_off, src->ncps + 1, slots, sizeof *src->cp_off);
  dst->levels = copy_block (ctx, src->levels, slots, slots, 1);
  dst->brks = src->brks ? copy_block (ctx, src->brks, slots, slots, 1) : NULL;
  bool ok = dst->cps && dst->cp_off && dst->levels && (dst->brks || !src->brks) &&
            (dst->items || !src->items) &&
            ink__vec_reserve (ctx, &dst->runs, src->runs.n) &&
            ink__vec_reserve (ctx, &dst->glyphs, src->glyphs.n);
  if (!ok) {
    ink__shaped_free (dst);
    return ink__error (ctx, INK_NO_MEMORY, "out of memory");
  }
  if (src->runs.n)
    memcpy (dst->runs.v, src->runs.v, src->runs.n * sizeof *src->runs.v);
  if (src->glyphs.n)
    memcpy (dst->glyphs.v, src->glyphs.v, src->glyphs.n * sizeof *src->glyphs.v);
  dst->runs.n = src->runs.n;
  dst->glyphs.n = src->glyphs.n;
  return INK_OK;
}
