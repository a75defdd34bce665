/* inkset: the heap's first 2 MiB on one huge page (cli.h). A render's layout takes its memory
 * from malloc's heap as it goes, HarfBuzz's and FreeType's too (a megabyte or so for a
 * two-page article), and drawing its pages on this thread some 0.6 MB more. Fresh memory costs
 * the kernel's work on its first touch, per 4 kB page: on the virtual machines the bench runs
 * on, a MiB filled in one call (madvise(MADV_POPULATE_WRITE)) took 0.3 ms, while a 2 MiB huge
 * page (Linux's transparent huge pages, offered with madvise(MADV_HUGEPAGE)) is one fault,
 * zeroed in some 0.15 ms (docs/performance.md). So the heap goes on from an address aligned on
 * 2 MiB, the 2 MiB there are offered as a huge page before anything touches them, and the
 * kernel fills the first bytes asked for at once: the whole huge page where huge pages are on,
 * those bytes in 4 kB pages elsewhere. The heap below that address is one block that nothing
 * touches past its header, freed at the end. Blocks under 2 MiB come from the heap rather
 * than from mappings of their own, and the heap's top is not given back while the process
 * runs. Where the heap's top can not be found so (a sanitizer's malloc), the bytes asked for
 * are filled in the block asked for the huge page, wherever it lies. With a C library other
 * than glibc (2.33 and later: mallinfo2), whose malloc has no such heap to steer, they are
 * filled where a block of that size lies and handed back. */
#define _DEFAULT_SOURCE 1 /* madvise, sbrk */
#include "cli.h"

#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#if defined(__GLIBC__) && __GLIBC_PREREQ(2, 33)
#define HEAP_STEERED 1
#include <malloc.h>
#endif

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif

#define HUGE_PAGE ((size_t) 2 << 20)
#define SMALL_PAGE ((size_t) 4096)

/* Fills [p, p + bytes)'s whole pages at once. */
static void
populate (char *p, size_t bytes)
{
  uintptr_t lo = ((uintptr_t) p + SMALL_PAGE - 1) & ~(uintptr_t) (SMALL_PAGE - 1);
  uintptr_t hi = ((uintptr_t) p + bytes) & ~(uintptr_t) (SMALL_PAGE - 1);
  if (hi > lo)
    madvise ((void *) lo, hi - lo, MADV_POPULATE_WRITE);
}

#ifdef HEAP_STEERED
/* Has glibc's heap go on from the next address aligned on 2 MiB, offers the 2 MiB there as a
 * huge page and fills bytes of them (cli.h). */
static void
steer_heap (size_t bytes, heapwarm_t *hw)
{
  mallopt (M_MMAP_THRESHOLD, (int) HUGE_PAGE);
  mallopt (M_TRIM_THRESHOLD, 64 << 20);
  /* malloc's next block starts where its top chunk does, which ends at the break. */
  uintptr_t top = (uintptr_t) sbrk (0) - mallinfo2 ().keepcost;
  uintptr_t at = (top + 2 * SMALL_PAGE + HUGE_PAGE - 1) & ~(uintptr_t) (HUGE_PAGE - 1);
  /* From the top chunk only while no chunk freed before is as big: a process that freed
   * such a block first has it served from there, the next block from the top, and falls
   * back below. The CLI asks first thing, with only the start-up's small blocks taken. */
  hw->below = malloc (at - top - SMALL_PAGE);
  /* A block from just below the huge page to past its end, so that malloc's headers fall
   * outside it: a page of it touched before the madvise would keep it in 4 kB pages. */
  mallopt (M_MMAP_THRESHOLD, (int) (2 * HUGE_PAGE));
  char *p = malloc (HUGE_PAGE + 2 * SMALL_PAGE);
  mallopt (M_MMAP_THRESHOLD, (int) HUGE_PAGE);
  if (!p)
    return;
  if ((uintptr_t) p < at && at - (uintptr_t) p <= 2 * SMALL_PAGE
      && madvise ((void *) at, HUGE_PAGE, MADV_HUGEPAGE) == 0) {
    hw->huge = true;
    populate ((char *) at, bytes < HUGE_PAGE ? bytes : HUGE_PAGE);
  } else {
    populate (p, bytes);
  }
  free (p);
}
#endif

/* Documented in cli.h. */
void
heap_warm (size_t bytes, heapwarm_t *hw)
{
  *hw = (heapwarm_t) { NULL, false };
#ifdef HEAP_STEERED
  steer_heap (bytes, hw);
#else
  char *p = malloc (bytes);
  if (p)
    populate (p, bytes);
  free (p);
#endif
}

/* Documented in cli.h. */
void
heap_warm_end (heapwarm_t *hw)
{
  free (hw->below);
  hw->below = NULL;
}
