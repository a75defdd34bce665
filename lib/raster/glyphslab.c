/* raster/glyphslab: the glyph cache's bitmaps carved in order from blocks of GSLAB_BYTES and
 * given back all at once when the cache is emptied: a bitmap is never given back alone. A
 * page's few hundred bitmaps then take a few blocks from the context's allocator rather than
 * a block each (648 calls to it and as many to free them on the sample's two pages). A block
 * is no bigger than the glyph cache's first tables, so a page of a few glyphs takes no more
 * memory than it did. */
#include "raster.h"

/* A block with its header. */
#define GSLAB_BYTES ((size_t) 16 << 10)

struct ink__gslab_block {
  struct ink__gslab_block *next;
  size_t size;                   /* bytes after the header */
  size_t used;
};

/* Aligned as malloc's blocks are. */
static size_t
round16 (size_t n)
{
  return (n + 15) & ~(size_t) 15;
}

static size_t
head_bytes (void)
{
  return round16 (sizeof (ink__gslab_block_t));
}

/* A new block of size bytes, put first (the one carved from next) or, when b is not NULL,
 * after b, which is then carved from still. NULL when out of memory. */
static ink__gslab_block_t *
add_block (ink_context_t *ctx, ink__gslab_t *sl, ink__gslab_block_t *b, size_t size)
{
  ink__gslab_block_t *nb = ink__realloc (ctx, NULL, 0, head_bytes () + size);
  if (!nb)
    return NULL;
  nb->size = size;
  nb->used = 0;
  if (b) {
    nb->next = b->next;
    b->next = nb;
  } else {
    nb->next = sl->head;
    sl->head = nb;
  }
  return nb;
}

/* Declared in raster.h. */
void *
ink__gslab_take (ink_context_t *ctx, ink__gslab_t *sl, size_t n)
{
  n = round16 (n ? n : 1);
  ink__gslab_block_t *b = sl->head;
  if (!b || b->size - b->used < n) {
    /* A bitmap bigger than a block gets one of its own, behind the one being carved. */
    size_t room = GSLAB_BYTES - head_bytes ();
    bool own = n > room;
    if (!(b = add_block (ctx, sl, own ? b : NULL, own ? n : room)))
      return NULL;
  }
  void *p = (char *) b + head_bytes () + b->used;
  b->used += n;
  return p;
}

/* Declared in raster.h. */
void
ink__gslab_clear (ink_context_t *ctx, ink__gslab_t *sl)
{
  for (ink__gslab_block_t *b = sl->head, *next; b; b = next) {
    next = b->next;
    ink__free (ctx, b, head_bytes () + b->size);
  }
  sl->head = NULL;
}
