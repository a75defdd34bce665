/* The heap a program takes outside inkset's allocator hook, per library: preloaded into the
 * firmware example (bench/heap.sh), it sees every malloc, calloc and realloc of the process,
 * charges each block to the library whose code asked for it (the caller's address, through
 * dladdr), and at exit prints each library's peak and still-live bytes and its call count.
 * What goes through the hook (the context's allocator, FreeType's FT_Memory) is charged to
 * whoever holds the hook: with the default hook, to libinkset. HEAP_SPLIT gives some of a
 * library's code a row of its own, so that what inkset mallocs outside the hook is told apart:
 *
 *   HEAP_SPLIT='LIBRARY:LABEL:OFFSET+SIZE,OFFSET+SIZE,...'   (each function's offset and
 *                                       size in hex, as nm -S gives them; at most 64)
 *
 *   cc -shared -fPIC -O2 -o heap.so bench/heap.c -ldl
 *   LD_PRELOAD=./heap.so ./build/example_firmware fonts article.json out.raw
 *
 * Blocks are found again at free through an open-addressed table keyed by address; blocks it
 * never saw (allocated before it was loaded, or aligned ones) are passed to libc untouched. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* glibc's own entry points: no dlsym, which allocates, to find them. */
extern void *__libc_malloc (size_t);
extern void *__libc_calloc (size_t, size_t);
extern void *__libc_realloc (void *, size_t);
extern void __libc_free (void *);

#define TABLE_BITS 20           /* live blocks tracked; more are passed through uncounted */
#define TABLE_SIZE ((size_t) 1 << TABLE_BITS)
#define TOMB ((void *) 1)
#define MAX_LIBS 48

typedef struct {
  void *p;
  size_t size;
  unsigned lib;
} block_t;

typedef struct {
  char name[64];
  uintptr_t base;               /* dli_fbase: tells libraries apart cheaply */
  size_t live, peak, calls;
} lib_t;

static block_t table[TABLE_SIZE];
static lib_t libs[MAX_LIBS];
static unsigned nlibs;
static size_t untracked;
static size_t total_live, total_peak;   /* every library's blocks together */
static atomic_flag lock = ATOMIC_FLAG_INIT;
static _Thread_local int inside;  /* dladdr and fprintf may allocate: not counted */

/* HEAP_SPLIT, read at load. */
#define MAX_RANGES 64
static struct {
  char lib[64], label[64];
  uintptr_t from[MAX_RANGES], to[MAX_RANGES];
  unsigned n;
} split;

static void
bad_split (const char *e)
{
  fprintf (stderr, "heap.so: HEAP_SPLIT=%s: expected LIBRARY:LABEL:OFFSET+SIZE,...\n", e);
  abort ();
}

__attribute__ ((constructor)) static void
read_split (void)
{
  const char *e = getenv ("HEAP_SPLIT");
  int used = 0;
  if (!e)
    return;
  inside = 1;
  if (sscanf (e, "%63[^:]:%63[^:]:%n", split.lib, split.label, &used) != 2 || used == 0)
    bad_split (e);
  for (const char *p = e + used; *p; split.n++) {
    unsigned long long off, size;
    int n = 0;
    if (split.n == MAX_RANGES || sscanf (p, "%llx+%llx%n", &off, &size, &n) != 2)
      bad_split (e);
    split.from[split.n] = (uintptr_t) off;
    split.to[split.n] = (uintptr_t) (off + size);
    p += n;
    if (*p == ',')
      p++;
  }
  inside = 0;
}

/* True when the code at offset at of library name is in HEAP_SPLIT's ranges. */
static int
in_split (const char *name, uintptr_t at)
{
  if (!split.n || strcmp (name, split.lib) != 0)
    return 0;
  for (unsigned i = 0; i < split.n; i++)
    if (at >= split.from[i] && at < split.to[i])
      return 1;
  return 0;
}

static void
take (void)
{
  while (atomic_flag_test_and_set_explicit (&lock, memory_order_acquire))
    ;
}

static void
give (void)
{
  atomic_flag_clear_explicit (&lock, memory_order_release);
}

static size_t
slot_of (const void *p)
{
  uintptr_t h = (uintptr_t) p * 0x9E3779B97F4A7C15ull;
  return (size_t) (h >> (64 - TABLE_BITS));
}

/* The library of a code address, added on first sight. Called with the lock held. */
static unsigned
lib_of (const void *caller)
{
  Dl_info info;
  uintptr_t base = 0;
  const char *name = "?";
  if (dladdr (caller, &info) && info.dli_fname) {
    base = (uintptr_t) info.dli_fbase;
    const char *slash = strrchr (info.dli_fname, '/');
    name = slash ? slash + 1 : info.dli_fname;
    if (in_split (name, (uintptr_t) caller - base)) {
      base += 1;                /* a key of its own */
      name = split.label;
    }
  }
  for (unsigned i = 0; i < nlibs; i++)
    if (libs[i].base == base)
      return i;
  if (nlibs == MAX_LIBS)
    return MAX_LIBS - 1;
  snprintf (libs[nlibs].name, sizeof libs[nlibs].name, "%s", name[0] ? name : "(program)");
  libs[nlibs].base = base;
  return nlibs++;
}

static void
record (void *p, size_t size, const void *caller)
{
  if (!p || inside)
    return;
  inside = 1;
  take ();
  unsigned lib = lib_of (caller);
  size_t i = slot_of (p), n = 0;
  while (table[i].p && table[i].p != TOMB && n < TABLE_SIZE)
    i = (i + 1) & (TABLE_SIZE - 1), n++;
  if (n < TABLE_SIZE) {
    table[i] = (block_t) { p, size, lib };
    lib_t *l = &libs[lib];
    l->calls++;
    l->live += size;
    if (l->live > l->peak)
      l->peak = l->live;
    total_live += size;
    if (total_live > total_peak)
      total_peak = total_live;
  } else {
    untracked++;
  }
  give ();
  inside = 0;
}

static void
forget (void *p)
{
  if (!p)
    return;
  take ();
  size_t i = slot_of (p);
  for (size_t n = 0; table[i].p && n < TABLE_SIZE; n++, i = (i + 1) & (TABLE_SIZE - 1))
    if (table[i].p == p) {
      libs[table[i].lib].live -= table[i].size;
      total_live -= table[i].size;
      table[i].p = TOMB;
      break;
    }
  give ();
}

void *
malloc (size_t size)
{
  void *p = __libc_malloc (size);
  record (p, size, __builtin_return_address (0));
  return p;
}

void *
calloc (size_t n, size_t size)
{
  void *p = __libc_calloc (n, size);
  record (p, n * size, __builtin_return_address (0));
  return p;
}

void *
realloc (void *old, size_t size)
{
  void *p = __libc_realloc (old, size);
  if (p || size == 0)
    forget (old);
  if (size)
    record (p, size, __builtin_return_address (0));
  return p;
}

void
free (void *p)
{
  forget (p);
  __libc_free (p);
}

__attribute__ ((destructor)) static void
report (void)
{
  inside = 1;
  fprintf (stderr, "heap by the library whose code called malloc:\n");
  fprintf (stderr, "%-28s %12s %12s %10s\n", "library", "peak bytes", "live at exit", "calls");
  for (unsigned i = 0; i < nlibs; i++)
    fprintf (stderr, "%-28s %12zu %12zu %10zu\n", libs[i].name, libs[i].peak, libs[i].live,
             libs[i].calls);
  fprintf (stderr, "%-28s %12zu %12zu\n", "(all together)", total_peak, total_live);
  if (untracked)
    fprintf (stderr, "(%zu blocks not tracked: table full)\n", untracked);
}
