/* layout_bench: times ink_document_layout alone.
 *
 *   layout_bench ARTICLE TEMPLATE REPS
 *
 * Loads the article and the template once, then REPS times: a fresh fontset (so no shaped
 * text is cached from an earlier round), ink_document_layout timed, and
 * the document destroyed. Prints one line of key=value pairs: the median wall and CPU time of a
 * layout in milliseconds (CLOCK_MONOTONIC, CLOCK_PROCESS_CPUTIME_ID), the fastest, slowest and
 * first wall times, the pages, the article's bytes and the context's peak memory.
 * It uses only <inkset/inkset.h>. */
#define _POSIX_C_SOURCE 200809L
#include <inkset/inkset.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

static int
cmp_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
now_ms (clockid_t clock)
{
  struct timespec ts;
  clock_gettime (clock, &ts);
  return (double) ts.tv_sec * 1e3 + (double) ts.tv_nsec / 1e6;
}

static double
median (double *v, int n)
{
  qsort (v, (size_t) n, sizeof *v, cmp_double);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static int
fail (const char *what, ink_context_t *ctx, ink_status_t st)
{
  const char *m = ctx ? ink_context_error (ctx) : "";
  fprintf (stderr, "layout_bench: %s: %s\n", what, *m ? m : ink_status_to_string (st));
  return 1;
}

int
main (int argc, char **argv)
{
  if (argc != 4) {
    fprintf (stderr, "usage: layout_bench ARTICLE TEMPLATE REPS\n");
    return 2;
  }
  const char *path = argv[1], *tname = argv[2];
  int reps = atoi (argv[3]);
  if (reps < 1 || reps > 1000) {
    fprintf (stderr, "layout_bench: REPS must be 1 to 1000\n");
    return 2;
  }
  struct stat sb;
  if (stat (path, &sb) != 0) {
    perror (path);
    return 1;
  }

  ink_context_t *ctx;
  ink_status_t st = ink_context_create (NULL, NULL, &ctx);
  if (st != INK_OK)
    return fail ("context", NULL, st);
  ink_article_t *article = NULL;
  ink_template_t *tpl = NULL;
  ink_diag_t diag = { 0 };
  int rc = 0;
  if ((st = ink_article_load (ctx, path, &article, &diag)) != INK_OK) {
    fprintf (stderr, "layout_bench: %s:%u:%u: %s\n", path, diag.line, diag.column, diag.message);
    rc = 1;
    goto done;
  }
  if ((st = ink_template_open (ctx, tname, &tpl, &diag)) != INK_OK) {
    rc = fail (tname, ctx, st);
    goto done;
  }

  double *ms = calloc ((size_t) reps, sizeof *ms), *cpu = calloc ((size_t) reps, sizeof *cpu);
  if (!ms || !cpu) {
    rc = fail ("memory", NULL, INK_NO_MEMORY);
    goto done;
  }
  size_t pages = 0, overflow_chars = 0;
  for (int r = 0; r < reps && rc == 0; r++) {
    ink_fontset_t *fonts = NULL;
    ink_document_t *doc = NULL;
    if ((st = ink_fontset_create (ctx, NULL, &fonts)) != INK_OK) {
      rc = fail ("fonts", ctx, st);
      break;
    }
    double t0 = now_ms (CLOCK_MONOTONIC), c0 = now_ms (CLOCK_PROCESS_CPUTIME_ID);
    st = ink_document_layout (ctx, article, tpl, fonts, NULL, &doc);
    cpu[r] = now_ms (CLOCK_PROCESS_CPUTIME_ID) - c0;
    ms[r] = now_ms (CLOCK_MONOTONIC) - t0;
    if (st != INK_OK && st != INK_OVERFLOW) {
      rc = fail ("layout", ctx, st);
    } else {
      size_t ob;
      pages = ink_document_page_count (doc);
      ink_document_overflow (doc, &ob, &overflow_chars);
    }
    ink_document_destroy (doc);
    ink_fontset_destroy (fonts);
  }
  if (rc == 0) {
    double first = ms[0], med = median (ms, reps), med_cpu = median (cpu, reps);
    size_t cur, peak;
    ink_context_memory (ctx, &cur, &peak);
    printf ("median_ms=%.3f median_cpu_ms=%.3f min_ms=%.3f max_ms=%.3f first_ms=%.3f pages=%zu "
            "bytes=%lld overflow_chars=%zu peak_bytes=%zu\n", med, med_cpu, ms[0], ms[reps - 1], first, pages,
            (long long) sb.st_size, overflow_chars, peak);
    if (overflow_chars)
      rc = 3;
  }
  free (ms);
  free (cpu);
done:
  ink_template_destroy (tpl);
  ink_article_destroy (article);
  ink_context_destroy (ctx);
  return rc;
}
