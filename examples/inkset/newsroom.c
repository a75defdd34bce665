/* inkset: the article loop. Each article is laid out on its own context; with -j N its work
 * is spread over N threads: several articles at once, or one article's pages drawn by several
 * threads, each laying the article out for itself (layout is deterministic, so every thread
 * holds the same pages) and writing every N-th page. The template is read once and shared.
 * Whatever the threads, each article's messages come out whole and in the order the articles
 * were given, so the output, files and stderr, does not depend on N.
 *
 * With one article its pages go to OUTDIR/page-NNN.EXT, as always; with several, to
 * OUTDIR/STEM/page-NNN.EXT, STEM being the file's name without its extension ("stdin" for
 * '-'), followed by -2, -3, ... when an earlier article has the same stem. */
#define _POSIX_C_SOURCE 200809L /* open_memstream, strdup */
#include "cli.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

typedef struct {
  run_t *run;
  article_job_t *arts;
  size_t narts;
  struct { size_t art; unsigned slice; } *tasks;
  size_t ntasks, next;        /* next: atomic, the next task a worker takes */
  pthread_mutex_t lock;       /* guards the articles' finished counts */
  pthread_cond_t done;        /* a slice finished */
} pool_t;

/* The file's name without its folder and last extension: "stdin" for '-', "article" when
 * nothing is left. */
static char *
stem_of (const char *path)
{
  if (!strcmp (path, "-"))
    return strdup ("stdin");
  const char *base = strrchr (path, '/') ? strrchr (path, '/') + 1 : path;
  const char *dot = strrchr (base, '.');
  size_t n = dot && dot > base ? (size_t) (dot - base) : strlen (base);
  if (n == 0)
    return strdup ("article");
  char *s = malloc (n + 1);
  if (s) {
    memcpy (s, base, n);
    s[n] = 0;
  }
  return s;
}

/* OUTDIR/STEM, with -2, -3, ... after a stem an earlier article has; NULL when out of memory. */
static char *
article_dir (const char *outdir, const article_job_t *arts, size_t i)
{
  char *stem = stem_of (arts[i].path);
  if (!stem)
    return NULL;
  size_t n = strlen (outdir) + strlen (stem) + 24;
  char *dir = malloc (n);
  for (unsigned k = 1; dir; k++) {
    if (k == 1)
      snprintf (dir, n, "%s/%s", outdir, stem);
    else
      snprintf (dir, n, "%s/%s-%u", outdir, stem, k);
    size_t j = 0;
    while (j < i && strcmp (arts[j].outdir, dir) != 0)
      j++;
    if (j == i)
      break;
  }
  free (stem);
  return dir;
}

/* Standard input, whole, up to one byte past the article limit (the parser reports that). */
static int
read_stdin (article_job_t *a)
{
  size_t max = ink_context_get_limit (NULL, INK_LIMIT_ARTICLE_BYTES) + 1, cap = 0, len = 0;
  char *buf = NULL;
  for (;;) {
    if (len == cap) {
      cap = cap ? cap * 2 : 65536;
      char *b = realloc (buf, cap);
      if (!b) {
        free (buf);
        fprintf (stderr, "inkset: <stdin>: out of memory\n");
        return EXIT_INPUT;
      }
      buf = b;
    }
    size_t want = cap - len < max - len ? cap - len : max - len;
    size_t got = fread (buf + len, 1, want, stdin);
    len += got;
    if (got < want || len == max)
      break;
  }
  if (ferror (stdin)) {
    fprintf (stderr, "inkset: <stdin>: %s\n", strerror (errno ? errno : EIO));
    free (buf);
    return EXIT_INPUT;
  }
  a->src = buf;
  a->len = len;
  return 0;
}

/* Slices an article's pages are spread over: all threads for one article, a share of them
 * for a few; one for a PDF or a framebuffer, which one thread makes. */
static unsigned
slices_for (const opts_t *o)
{
  if (!strcmp (o->format, "pdf") || o->fb || (size_t) o->jobs <= o->narticles)
    return 1;
  return (unsigned) ((size_t) o->jobs / o->narticles);
}

static int
make_jobs (pool_t *P)
{
  const opts_t *o = P->run->o;
  unsigned k = slices_for (o);
  P->narts = o->narticles;
  P->arts = calloc (P->narts, sizeof *P->arts);
  P->tasks = calloc (P->narts * k, sizeof *P->tasks);
  if (!P->arts || !P->tasks) {
    fprintf (stderr, "inkset: out of memory\n");
    return EXIT_INPUT;
  }
  for (size_t i = 0; i < P->narts; i++) {
    article_job_t *a = &P->arts[i];
    a->path = o->articles[i];
    a->name = strcmp (a->path, "-") ? a->path : "<stdin>";
    a->wc.file = a->name;
    a->outdir = o->narticles == 1 ? strdup (o->outdir) : article_dir (o->outdir, P->arts, i);
    const char *base = a->outdir && strrchr (a->outdir, '/') ? strrchr (a->outdir, '/') + 1
                                                             : a->outdir;
    a->pdf = base ? malloc (strlen (base) + 5) : NULL;
    if (a->pdf)
      sprintf (a->pdf, "%s.pdf", base);
    a->slices = calloc (k, sizeof *a->slices);
    a->errf = open_memstream (&a->err, &a->err_len);
    if (!a->outdir || !a->pdf || !a->slices || !a->errf) {
      fprintf (stderr, "inkset: out of memory\n");
      return EXIT_INPUT;
    }
    pthread_mutex_init (&a->lock, NULL);
    pthread_cond_init (&a->cond, NULL);
    a->nslices = k;
    for (unsigned s = 0; s < k; s++) {
      a->slices[s] = (slice_t) { .index = s, .count = k, .unwritten = SIZE_MAX,
                                 .failed = SIZE_MAX };
      P->tasks[P->ntasks].art = i;
      P->tasks[P->ntasks++].slice = s;
    }
    if (!strcmp (a->path, "-") && read_stdin (a))
      return EXIT_INPUT;
  }
  return 0;
}

static void
free_jobs (pool_t *P)
{
  for (size_t i = 0; P->arts && i < P->narts; i++) {
    article_job_t *a = &P->arts[i];
    for (unsigned s = 0; a->slices && s < a->nslices; s++) {
      free (a->slices[s].fail_path);
      free (a->slices[s].fail_msg);
    }
    if (a->nslices) {
      pthread_mutex_destroy (&a->lock);
      pthread_cond_destroy (&a->cond);
    }
    if (a->errf)
      fclose (a->errf);
    free (a->err);
    free (a->slices);
    free (a->outdir);
    free (a->pdf);
    free ((char *) a->src);
  }
  free (P->arts);
  free (P->tasks);
}

/* Pages of this render a's slices wrote from page index w on. */
static size_t
written_from (const article_job_t *a, size_t w)
{
  size_t n = 0;
  for (unsigned i = 0; i < a->nslices; i++) {
    const slice_t *s = &a->slices[i];
    size_t end = s->unwritten == SIZE_MAX ? s->pages : s->unwritten;
    for (size_t p = s->index; p < end; p += s->count)
      n += p >= w;
  }
  return n;
}

/* A page could not be written: the error, then the pages this render wrote from the first it
 * did not write on are removed with an earlier render's, so that the folder never holds pages
 * of two renders (docs/output.md). */
static int
report_failure (article_job_t *a, const char *ext)
{
  const slice_t *f = NULL;
  size_t w = SIZE_MAX;
  for (unsigned i = 0; i < a->nslices; i++) {
    const slice_t *s = &a->slices[i];
    if (s->failed != SIZE_MAX && (!f || s->failed < f->failed))
      f = s;
    w = s->unwritten < w ? s->unwritten : w;
  }
  fprintf (stderr, "inkset: %s%s%s", f->fail_path ? f->fail_path : "", f->fail_path ? ": " : "",
           f->fail_msg ? f->fail_msg : "out of memory");
  size_t ours = written_from (a, w), removed = 0;
  if (w > 0 || ours) {
    char *failed;
    remove_pages_from (a->outdir, ext, w + 1, &removed, &failed);
    free (failed);
    removed = removed > ours ? removed - ours : 0;
  }
  if (w > 0)
    fprintf (stderr, "; pages 1 to %zu of this render were written", w);
  if (removed)
    fprintf (stderr, "%s%zu pages of an earlier render after them removed", w ? " and " : "; ",
             removed);
  fputc ('\n', stderr);
  return EXIT_OUTPUT;
}

/* An article whose slices are all done: its messages, whole, and its status. */
static int
finish_article (const run_t *run, article_job_t *a)
{
  fclose (a->errf);
  a->errf = NULL;
  fwrite (a->err, 1, a->err_len, stderr);
  int rc = a->rc;
  bool pages = strcmp (run->o->format, "pdf") && (rc == 0 || rc == EXIT_OVERFLOW);
  const char *ext = !strcmp (run->o->format, "raw") ? "raw" : "png";
  bool failed = false;
  for (unsigned i = 0; i < a->nslices; i++)
    failed |= a->slices[i].failed != SIZE_MAX;
  if (pages && failed) {
    rc = report_failure (a, ext);
  } else if (pages) {
    size_t removed;
    char *path;
    int err = remove_pages_from (a->outdir, ext, a->slices[0].pages + 1, &removed, &path);
    if (err) {
      fprintf (stderr, "inkset: %s: cannot remove a page left by an earlier render: %s\n",
               path ? path : a->outdir, strerror (err));
      rc = EXIT_OUTPUT;
    }
    free (path);
  }
  warn_flush (&a->wc, a->name);
  a->wc.buf = NULL;
  return rc;
}

static void *
worker (void *arg)
{
  pool_t *P = arg;
  for (;;) {
    size_t t = __atomic_fetch_add (&P->next, 1, __ATOMIC_RELAXED);
    if (t >= P->ntasks)
      return NULL;
    article_job_t *a = &P->arts[P->tasks[t].art];
    render_slice (P->run, a, &a->slices[P->tasks[t].slice]);
    pthread_mutex_lock (&P->lock);
    a->finished++;
    pthread_cond_broadcast (&P->done);
    pthread_mutex_unlock (&P->lock);
  }
}

/* On a terminal: how far the run has come, on one line that the next message overwrites. */
static void
progress_line (pool_t *P, size_t reported, bool *shown)
{
  if (!isatty (STDERR_FILENO))
    return;
  fprintf (stderr, "\r\033[Kinkset: %zu of %zu articles, %zu pages written", reported, P->narts,
           __atomic_load_n (&P->run->pages_written, __ATOMIC_RELAXED));
  fflush (stderr);
  *shown = true;
}

/* Reports the articles in order as their slices finish; the first failing one's status. */
static int
report_in_order (pool_t *P)
{
  int rc = 0;
  bool shown = false;
  for (size_t i = 0; i < P->narts; i++) {
    article_job_t *a = &P->arts[i];
    pthread_mutex_lock (&P->lock);
    while (a->finished < a->nslices) {
      struct timespec until;
      clock_gettime (CLOCK_REALTIME, &until);
      until.tv_nsec += 200 * 1000000L;
      if (until.tv_nsec >= 1000000000L)
        until.tv_sec++, until.tv_nsec -= 1000000000L;
      pthread_cond_timedwait (&P->done, &P->lock, &until);
      pthread_mutex_unlock (&P->lock);
      progress_line (P, i, &shown);
      pthread_mutex_lock (&P->lock);
    }
    pthread_mutex_unlock (&P->lock);
    if (shown)
      fputs ("\r\033[K", stderr);
    int arc = finish_article (P->run, a);
    rc = rc ? rc : arc;
    progress_line (P, i + 1, &shown);
  }
  if (shown)
    fputs ("\r\033[K", stderr);
  return rc;
}

/* Documented in cli.h. */
int
newsroom_run (run_t *run)
{
  pool_t P = { .run = run };
  pthread_mutex_init (&P.lock, NULL);
  pthread_cond_init (&P.done, NULL);
  int rc = make_jobs (&P);
  size_t nthreads = rc ? 0 : (size_t) run->o->jobs < P.ntasks ? (size_t) run->o->jobs : P.ntasks;
  pthread_t th[256];
  size_t started = 0;
  /* Even one worker leaves this thread free to show progress, on a terminal; elsewhere one
   * worker is this thread, whose memory (glibc's main arena) costs no arena of its own. */
  if (nthreads == 1 && !isatty (STDERR_FILENO))
    nthreads = 0;
  while (started < nthreads && pthread_create (&th[started], NULL, worker, &P) == 0)
      started++;
  if (!rc && started == 0)
    worker (&P);   /* one thread, or none could be started: this one does the work */
  if (!rc)
    rc = report_in_order (&P);
  for (size_t i = 0; i < started; i++)
    pthread_join (th[i], NULL);
  free_jobs (&P);
  pthread_cond_destroy (&P.done);
  pthread_mutex_destroy (&P.lock);
  return rc;
}
