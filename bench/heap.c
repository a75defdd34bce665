/* The heap a program takes outside inkset's allocator hook, per library: preloaded into the
 * firmware example (bench/heap.sh), it sees every malloc, calloc and realloc of the process,
 * charges each block to the library whose code asked for it (the caller's address, through
 * dladdr), and at exit prints each library's peak and still-live bytes and its call count.
 * What goes through the hook (the context's allocator, FreeType's FT_Memory) is allocated by
 * the program, so it is charged to the program itself: the hook's peak, which the example
 * prints, is the rest of the picture.
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
static atomic_flag lock = ATOMIC_FLAG_INIT;
static _Thread_local int inside;  /* dladdr and fprintf may allocate: not counted */

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
  fprintf (stderr, "heap outside the hook, by the library that called malloc:\n");
  fprintf (stderr, "%-28s %12s %12s %10s\n", "library", "peak bytes", "live at exit", "calls");
  for (unsigned i = 0; i < nlibs; i++)
    fprintf (stderr, "%-28s %12zu %12zu %10zu\n", libs[i].name, libs[i].peak, libs[i].live,
             libs[i].calls);
  if (untracked)
    fprintf (stderr, "(%zu blocks not tracked: table full)\n", untracked);
}
