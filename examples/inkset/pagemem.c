/* inkset: the memory a slice's context draws its pages in (cli.h). Once the layout is done,
 * drawing a page takes fresh memory: the room for its compressed PNG bytes and the deflate
 * encoder's tables and window (0.6 MB for a 1404x1872 page of text at 4 bits), band buffers, glyph
 * bitmaps and the glyph cache's tables. Fresh memory is touched a 4 kB page at a time, and
 * where a page fault is dear (tens of microseconds on some virtual machines,
 * docs/performance.md) that costs more than drawing. So those blocks are carved from one
 * PAGEMEM_REGION block aligned on its size and offered to the system as a huge page (Linux's
 * madvise(MADV_HUGEPAGE): one fault for the lot where transparent huge pages are on, the
 * usual faults elsewhere), from its two ends. A page's big blocks (PAGEMEM_BIG and more)
 * come from the bottom, in order, and the bottom is reused once all of them are freed, as
 * each page frees what it took. Smaller blocks, some of which outlive a page (the glyph
 * cache's), come from the top down, leaving the bottom the most a page has taken of it; one
 * freed is handed out again for a block of its size (the next page's band buffers take the
 * last page's), and the top is reused once all of them are freed. What does not fit, and
 * every block of the layout, is malloc's; so is every block of a slice on the thread whose
 * heap is on a huge page already (heapwarm.c), which then maps no region. */
#define _DEFAULT_SOURCE 1 /* madvise, MAP_ANONYMOUS */
#include "cli.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define PAGEMEM_REGION ((size_t) 2 << 20)
#define PAGEMEM_BIG ((size_t) 256 << 10)

/* Aligned as malloc's blocks are. */
static size_t
round_up (size_t n)
{
  return (n + 15) & ~(size_t) 15;
}

static bool
in_region (const pagemem_t *m, const void *p)
{
  return m->base && (const char *) p >= m->base && (const char *) p < m->base + PAGEMEM_REGION;
}

/* The region, mapped on first use: NULL when it cannot be. */
static char *
region (pagemem_t *m)
{
  if (m->base || m->failed)
    return m->base;
  size_t span = 2 * PAGEMEM_REGION;
  char *p = mmap (NULL, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) {
    m->failed = true;
    return NULL;
  }
  uintptr_t a = ((uintptr_t) p + PAGEMEM_REGION - 1) & ~(uintptr_t) (PAGEMEM_REGION - 1);
  char *base = (char *) a;
  if (base > p)
    munmap (p, (size_t) (base - p));
  if (base + PAGEMEM_REGION < p + span)
    munmap (base + PAGEMEM_REGION, (size_t) (p + span - (base + PAGEMEM_REGION)));
#ifdef MADV_HUGEPAGE
  madvise (base, PAGEMEM_REGION, MADV_HUGEPAGE);
#endif
  m->base = base;
  return base;
}

/* A block of n bytes from the region, or NULL when it does not fit: a big one from the
 * bottom, a smaller one from the top down. */
static void *
carve (pagemem_t *m, size_t n)
{
  char *base = m->pages && !m->heap ? region (m) : NULL;
  size_t r = round_up (n);
  if (base && n < PAGEMEM_BIG)
    for (unsigned i = 0; i < m->nfreed; i++)
      if (m->freed_size[i] == r) {
        void *p = m->freed[i];
        m->nfreed--;
        m->freed[i] = m->freed[m->nfreed];
        m->freed_size[i] = m->freed_size[m->nfreed];
        m->top_live++;
        return p;
      }
  /* The top leaves the bottom the most a page has taken of it. */
  size_t bottom = n < PAGEMEM_BIG && m->peak > m->used ? m->peak : m->used;
  if (!base || r > PAGEMEM_REGION - bottom - m->top)
    return NULL;
  if (n < PAGEMEM_BIG) {
    m->top += r;
    m->top_live++;
    return base + PAGEMEM_REGION - m->top;
  }
  void *p = base + m->used;
  m->used += r;
  m->peak = m->used > m->peak ? m->used : m->peak;
  m->live++;
  return p;
}

/* Block p of the region, of n bytes, is given back: its end is reused once all of its blocks
 * are, and a block of the top meanwhile for one of its size. */
static void
give_back (pagemem_t *m, void *p, size_t n)
{
  if ((char *) p >= m->base + PAGEMEM_REGION - m->top) {
    if (--m->top_live == 0) {
      m->top = 0;
      m->nfreed = 0;
    } else if (m->nfreed < PAGEMEM_FREED) {
      m->freed[m->nfreed] = p;
      m->freed_size[m->nfreed++] = round_up (n);
    }
  } else if (--m->live == 0) {
    m->used = 0;
  }
}

/* Documented in cli.h. */
void *
pagemem_realloc (void *user, void *ptr, size_t old_size, size_t new_size)
{
  pagemem_t *m = user;
  if (!ptr || !in_region (m, ptr)) {
    if (!ptr && new_size) {
      void *p = carve (m, new_size);
      if (p)
        return p;
    }
    if (!new_size) {
      free (ptr);
      return NULL;
    }
    return realloc (ptr, new_size);
  }
  if (!new_size) {
    give_back (m, ptr, old_size);
    return NULL;
  }
  if (new_size <= old_size)
    return ptr;
  void *q = malloc (new_size);
  if (!q)
    return NULL;
  memcpy (q, ptr, old_size);
  give_back (m, ptr, old_size);
  return q;
}

/* Documented in cli.h. */
void
pagemem_release (pagemem_t *m)
{
  if (m->base)
    munmap (m->base, PAGEMEM_REGION);
  m->base = NULL;
}
