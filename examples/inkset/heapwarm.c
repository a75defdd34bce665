/* inkset: the heap's first pages faulted in at once (cli.h). A render's layout takes its
 * memory from malloc's heap as it goes, HarfBuzz's and FreeType's too: a megabyte or so for
 * a two-page article, each 4 kB page faulted in on its first touch. Where a fault is dear (on
 * the virtual machines the bench runs on, ten microseconds and more under load,
 * docs/performance.md) the faults cost more than the work that touches the pages. So the
 * CLI asks for that much heap once at start-up and has the kernel fill it in one call
 * (madvise(MADV_POPULATE_WRITE), Linux 5.14; elsewhere, or when the call fails, the pages
 * fault in as before), then hands it back to malloc, which keeps it: blocks under 2 MiB
 * come from the heap rather than from mappings of their own, and the heap's top is not
 * given back while the process runs. */
#define _DEFAULT_SOURCE 1 /* madvise */
#include "cli.h"

#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif

void
heap_warm (size_t bytes)
{
  mallopt (M_MMAP_THRESHOLD, 2 << 20);
  mallopt (M_TRIM_THRESHOLD, 64 << 20);
  char *p = malloc (bytes);
  if (!p)
    return;
  uintptr_t lo = ((uintptr_t) p + 4095) & ~(uintptr_t) 4095;
  uintptr_t hi = ((uintptr_t) p + bytes) & ~(uintptr_t) 4095;
  if (hi > lo)
    madvise ((void *) lo, hi - lo, MADV_POPULATE_WRITE);
  free (p);
}
