/* inkset: what the command-line tool's files share: the options (main.c), one article's work
 * on one thread (article.c), and the article loop over worker threads (newsroom.c). */
#ifndef INKSET_CLI_H
#define INKSET_CLI_H

#include <inkset/inkset.h>

#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>

enum { EXIT_INPUT = 1, EXIT_OUTPUT = 2, EXIT_OVERFLOW = 3 };

typedef struct {
  const char **articles;
  size_t narticles;
  const char *tpl, *outdir, *layout_json, *font_dir, *panel, *format;
  int bpp, rotate;
  const char *dither;
  long max_pages;
  const char *levels, *fb, *waveform;
  long page;
  bool strict;
  const char *sheet;
  long jobs;
} opts_t;

/* What one run shares between its threads, read-only once the workers start. */
typedef struct {
  const opts_t *o;
  ink_template_t *tpl;
  ink_pixfmt_t fmt;
  ink_dither_t dither;
  size_t pages_written;   /* atomic: for the progress line */
  pthread_t heap_thread;  /* whose heap is on a huge page (heapwarm.c), if heap_huge */
  bool heap_huge;
} run_t;

/* Warnings wait here and are printed at the end, so that when the command fails its error
 * is the first line of stderr. */
typedef struct {
  const char *file;
  char *buf;
  size_t len, cap;
  size_t dropped;   /* warnings past WARN_MAX bytes: only counted */
  size_t count;     /* warnings given, shown or not */
} warn_ctx_t;

void warn (warn_ctx_t *w, const char *fmt, ...) __attribute__ ((format (printf, 2, 3)));
void warn_flush (warn_ctx_t *w, const char *article);
/* The context's log callback: warnings into the warn_ctx_t given as user, prefixed with its file. */
void on_log (void *user, ink_log_level_t level, const char *message);
/* An article or template that could not be read: one line on err; EXIT_INPUT. */
int fail_diag (FILE *err, const char *file, ink_status_t st, const ink_diag_t *diag,
               ink_context_t *ctx);
/* Makes dir and its parents; 0, or the errno of the failing call. */
int make_dir (const char *dir);

/* One article's layout on one thread, which writes the pages p with p % count == index. */
typedef struct {
  unsigned index, count;
  size_t pages;           /* the document's page count, once laid out */
  size_t unwritten;       /* its first page (from 0) not written; SIZE_MAX when all were */
  size_t failed;          /* the page whose writing failed; SIZE_MAX when none */
  char *fail_path;        /* that page's file, when the message does not name it */
  char *fail_msg;         /* why */
} slice_t;

/* One article of the run. Slice 0 reports: its errors go to err, its warnings to wc. */
typedef struct {
  const char *path;       /* as given; "-" for standard input */
  const char *name;       /* in messages */
  char *outdir;           /* where its pages go */
  char *pdf;              /* with several articles, its PDF's name in outdir: STEM.pdf */
  const char *src;        /* standard input's bytes, or NULL */
  size_t len;
  slice_t *slices;
  unsigned nslices, finished;
  int rc;                 /* slice 0's status before pages are written */
  int stop;               /* atomic: a slice failed, the others stop */
  int gate;               /* 0 until slice 0 has checked the article; then 1 go, -1 stop */
  pthread_mutex_t lock;
  pthread_cond_t cond;
  char *err;
  size_t err_len;
  FILE *errf;
  warn_ctx_t wc;
} article_job_t;

/* A slice context's allocator (pagemem.c): once pages is set, blocks come from one 2 MiB
 * region offered to the system as a huge page while they fit, a page's big ones (256 kB and
 * more) from its bottom, reused from page to page, smaller ones from its top; with heap set
 * (a slice on the thread whose heap is on a huge page already), from malloc. */
#define PAGEMEM_FREED 16
typedef struct {
  char *base;             /* the region, once mapped */
  size_t used;            /* its bottom's bytes handed out since the bottom was last empty */
  unsigned live;          /* the bottom's blocks not yet freed */
  size_t peak;            /* the most the bottom has held */
  size_t top;             /* its top's bytes handed out since the top was last empty */
  unsigned top_live;      /* the top's blocks not yet freed */
  void *freed[PAGEMEM_FREED];        /* blocks of the top freed since, to hand out again */
  size_t freed_size[PAGEMEM_FREED];  /* ... and their sizes, rounded */
  unsigned nfreed;
  bool pages;             /* the layout is done: pages are being drawn */
  bool heap;              /* no region: malloc's heap is on a huge page (heapwarm.c) */
  bool failed;            /* the region could not be mapped: malloc's blocks only */
} pagemem_t;

/* The ink_realloc_fn of a context whose user is a pagemem_t. */
void *pagemem_realloc (void *user, void *ptr, size_t old_size, size_t new_size);
/* Unmaps m's region, once its context is destroyed. */
void pagemem_release (pagemem_t *m);

/* The heap a render has filled at start-up: about what the layout of a two-page article
 * takes (the sample's heap peaks at 1.1 MB), so that a short render's peak memory does not
 * grow with it (heapwarm.c, docs/performance.md). */
#define HEAP_WARM ((size_t) 1 << 20)
typedef struct {
  /* The block spanning the heap below the huge page, never touched. volatile: nothing reads
   * it but free, so a compiler that sees both calls (the link-time optimised CLI inlines
   * heap_warm and heap_warm_end into render) would drop its malloc and free as a pair that
   * does nothing, and the heap would go on from where it was, not from the huge page. */
  void *volatile below;
  bool huge;     /* the heap goes on in 2 MiB offered as a huge page */
} heapwarm_t;
/* Has the kernel fill the heap's first bytes at once; with glibc's malloc, has the heap go
 * on in 2 MiB offered as a huge page and malloc keep those bytes (heapwarm.c). */
void heap_warm (size_t bytes, heapwarm_t *hw);
/* Frees what heap_warm kept, at the end of the run. */
void heap_warm_end (heapwarm_t *hw);

/* Lays out a's article and writes slice s's pages (article.c). */
void render_slice (run_t *run, article_job_t *a, slice_t *s);
/* Every article of o, on o->jobs threads; the exit status. */
int newsroom_run (run_t *run);

/* Page files (main.c): OUTDIR/page-NNN.EXT, and removing an earlier render's. */
char *page_path (const char *dir, size_t page, const char *ext);
int remove_pages_from (const char *dir, const char *ext, size_t from, size_t *removed,
                       char **failed);

#endif
