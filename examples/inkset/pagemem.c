/* inkset: the memory a slice's context draws its pages in (cli.h). A page's big blocks (the
 * room for its compressed PNG bytes and the deflate encoder's tables and window, 1.7 MB
 * for a 1404x1872 page at 4 bits) are fresh memory on the first page, touched a 4 kB page at a time; where a page
 * fault is dear (tens of microseconds on some virtual machines, docs/performance.md) that
 * costs more than drawing. So blocks of PAGEMEM_BIG bytes and more, once the layout is done,
 * are carved from one PAGEMEM_REGION block aligned on its size and offered to the system as a
 * huge page (Linux's madvise(MADV_HUGEPAGE): one fault for the lot where transparent huge
 * pages are on, the usual faults elsewhere). The blocks are taken in order and the region is
 * reused once all of them are freed, as each page frees what it took; what does not fit, and
 * every other block, is malloc's. */
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

/* A block of n bytes from the region, or NULL when it does not fit. */
static void *
carve (pagemem_t *m, size_t n)
{
  char *base = m->pages && n >= PAGEMEM_BIG ? region (m) : NULL;
  if (!base || round_up (n) > PAGEMEM_REGION - m->used)
    return NULL;
  void *p = base + m->used;
  m->used += round_up (n);
  m->live++;
  return p;
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
    if (--m->live == 0)
      m->used = 0;
    return NULL;
  }
  if (new_size <= old_size)
    return ptr;
  void *q = malloc (new_size);
  if (!q)
    return NULL;
  memcpy (q, ptr, old_size);
  if (--m->live == 0)
    m->used = 0;
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
