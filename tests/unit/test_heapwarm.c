/* The command-line tool's heap at start-up (examples/inkset/heapwarm.c): with glibc's malloc,
 * the blocks asked for next lie in 2 MiB aligned on their size and offered to the system as
 * a huge page (the mapping's VmFlags carry "hg"), the heap below them is one block, and the
 * first bytes asked for are filled at once: touching them takes no page faults. With a
 * sanitizer's malloc, which keeps no heap of glibc's, or another C library's, it leaves the
 * heap as it is. */
#include "../../examples/inkset/heapwarm.c"

#include "test.h"

#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

/* Where glibc's heap is steered (heapwarm.c) and no sanitizer's malloc stands in for it. */
#if defined(HEAP_STEERED) && !defined(__SANITIZE_ADDRESS__)
#define STEERED 1
#endif

#ifndef STEERED
TEST (heap_goes_on_in_a_huge_page)
{
  heapwarm_t hw;
  heap_warm (HEAP_WARM, &hw);
  CHECK (!hw.huge);
  heap_warm_end (&hw);
  CHECK (hw.below == NULL);
}
#else
/* Whether the mapping holding addr has VmFlags flag, from /proc/self/smaps. */
static bool
mapping_has_flag (uintptr_t addr, const char *flag)
{
  FILE *f = fopen ("/proc/self/smaps", "r");
  if (!f)
    return false;
  char line[512];
  bool inside = false, found = false;
  while (!found && fgets (line, sizeof line, f)) {
    unsigned long lo, hi;
    if (sscanf (line, "%lx-%lx ", &lo, &hi) == 2 && strchr (line, '-') < strchr (line, ' '))
      inside = addr >= lo && addr < hi;
    else if (inside && !strncmp (line, "VmFlags:", 8))
      found = strstr (line, flag) != NULL;
  }
  fclose (f);
  return found;
}

static long
minor_faults (void)
{
  struct rusage ru;
  getrusage (RUSAGE_SELF, &ru);
  return ru.ru_minflt;
}

TEST (heap_goes_on_in_a_huge_page)
{
  heapwarm_t hw;
  heap_warm (HEAP_WARM, &hw);
  CHECK (hw.huge);
  CHECK (hw.below != NULL);
  char *a = malloc (HEAP_WARM / 2), *b = malloc (HEAP_WARM / 4);
  CHECK (a && b);
  uintptr_t huge = ((uintptr_t) a + HUGE_PAGE - 1) & ~(uintptr_t) (HUGE_PAGE - 1);
  CHECK (huge - (uintptr_t) a < 2 * SMALL_PAGE);   /* the heap goes on from there */
  CHECK ((uintptr_t) hw.below < (uintptr_t) a);
  CHECK ((uintptr_t) b + HEAP_WARM / 4 <= huge + HUGE_PAGE);
  CHECK (mapping_has_flag (huge, " hg"));
  CHECK (mapping_has_flag (huge + HUGE_PAGE - 1, " hg"));
  long before = minor_faults ();
  memset (a, 1, HEAP_WARM / 2);
  memset (b, 2, HEAP_WARM / 4);
  CHECK (minor_faults () - before <= 2);   /* filled already */
  free (b);
  free (a);
  heap_warm_end (&hw);
  CHECK (hw.below == NULL);
}

/* As the CLI keeps the block below the huge page (main.c's render): read by nothing but
 * heap_warm_end's free, in a caller both are inlined into, as the link-time optimised CLI
 * has them. */
static __attribute__ ((flatten)) bool
steered_where_inlined (void)
{
  heapwarm_t hw;
  heap_warm (HEAP_WARM, &hw);
  char *a = malloc (HEAP_WARM / 2);
  uintptr_t huge = ((uintptr_t) a + HUGE_PAGE - 1) & ~(uintptr_t) (HUGE_PAGE - 1);
  bool steered = hw.huge && a && huge - (uintptr_t) a < 2 * SMALL_PAGE;
  free (a);
  heap_warm_end (&hw);
  return steered;
}

TEST (heap_goes_on_in_a_huge_page_where_inlined)
{
  CHECK (steered_where_inlined ());
}
#endif

int
main (void)
{
#ifdef STEERED
  RUN (heap_goes_on_in_a_huge_page_where_inlined);
#endif
  RUN (heap_goes_on_in_a_huge_page);
  return test_summary ();
}
