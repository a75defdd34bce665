/* ttfp_bench: the time to the first page, and the peak memory of drawing every page.
 *
 *   ttfp_bench ARTICLE TEMPLATE pager|layout
 *
 * One run in a fresh process: a context and a fontset, then the clock starts; the article is
 * loaded, laid out (pager: ink_pager_create and ink_pager_next, running heads with {pages}
 * showing the page alone; layout: ink_document_layout) and page 1 drawn in 8-bit grey: that
 * is the time to the first page. Then every other page is drawn the same way (each pager page
 * destroyed once drawn). Prints one line of key=value pairs: first_ms, total_ms (wall,
 * CLOCK_MONOTONIC), first_cpu_ms (CLOCK_PROCESS_CPUTIME_ID, which a busy machine disturbs
 * less), pages, the context's peak bytes and the process's peak RSS in KiB
 * (getrusage). It uses only <inkset/inkset.h>. */
#define _POSIX_C_SOURCE 200809L
#include <inkset/inkset.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static double
clock_ms (clockid_t clock)
{
  struct timespec ts;
  clock_gettime (clock, &ts);
  return (double) ts.tv_sec * 1e3 + (double) ts.tv_nsec / 1e6;
}

static double
now_ms (void)
{
  return clock_ms (CLOCK_MONOTONIC);
}

/* Wall and CPU time of page 1, taken once it is drawn. */
typedef struct {
  double t0, c0, ms, cpu_ms;
} first_t;

static void
first_drawn (first_t *f)
{
  f->ms = now_ms () - f->t0;
  f->cpu_ms = clock_ms (CLOCK_PROCESS_CPUTIME_ID) - f->c0;
}

/* Draws page p of doc whole into gray (width * height bytes). */
static ink_status_t
draw (ink_document_t *doc, size_t p, uint8_t *gray)
{
  uint32_t w, h;
  ink_document_page_size (doc, &w, &h);
  return ink_document_render_gray (doc, p, 0, 0, w, h, gray, w);
}

/* Page after page from the pager, each drawn then destroyed; *first_ms when page 1 is drawn. */
static ink_status_t
run_pager (ink_context_t *ctx, ink_article_t *a, ink_template_t *t, ink_fontset_t *fs,
           uint8_t *gray, first_t *first, size_t *pages)
{
  ink_pager_t *pager;
  ink_status_t st = ink_pager_create (ctx, a, t, fs, NULL, INK_PAGER_TOTAL_OMIT, &pager);
  if (st != INK_OK)
    return st;
  for (*pages = 0;; ++*pages) {
    ink_document_t *page = NULL;
    st = ink_pager_next (pager, &page);
    if ((st != INK_OK && st != INK_OVERFLOW) || !page)
      break;
    st = draw (page, 0, gray);
    ink_document_destroy (page);
    if (st != INK_OK)
      break;
    if (*pages == 0)
      first_drawn (first);
  }
  ink_pager_destroy (pager);
  return st;
}

/* The whole document laid out, then page after page drawn. */
static ink_status_t
run_layout (ink_context_t *ctx, ink_article_t *a, ink_template_t *t, ink_fontset_t *fs,
            uint8_t *gray, first_t *first, size_t *pages)
{
  ink_document_t *doc;
  ink_status_t st = ink_document_layout (ctx, a, t, fs, NULL, &doc);
  if (st != INK_OK && st != INK_OVERFLOW)
    return st;
  *pages = ink_document_page_count (doc);
  st = INK_OK;
  for (size_t p = 0; p < *pages && st == INK_OK; p++) {
    st = draw (doc, p, gray);
    if (p == 0)
      first_drawn (first);
  }
  ink_document_destroy (doc);
  return st;
}

int
main (int argc, char **argv)
{
  if (argc != 4 || (strcmp (argv[3], "pager") && strcmp (argv[3], "layout"))) {
    fprintf (stderr, "usage: ttfp_bench ARTICLE TEMPLATE pager|layout\n");
    return 2;
  }
  ink_context_t *ctx;
  if (ink_context_create (NULL, NULL, &ctx) != INK_OK)
    return 1;
  ink_template_t *tpl = NULL;
  ink_fontset_t *fonts = NULL;
  ink_article_t *article = NULL;
  ink_diag_t diag = { 0 };
  uint8_t *gray = NULL;
  int rc = 1;
  if (ink_template_open (ctx, argv[2], &tpl, &diag) != INK_OK ||
      ink_fontset_create (ctx, NULL, &fonts) != INK_OK) {
    fprintf (stderr, "ttfp_bench: %s\n", ink_context_error (ctx));
    goto done;
  }
  gray = malloc ((size_t) ink_template_width (tpl) * ink_template_height (tpl));
  if (!gray)
    goto done;
  first_t first = { now_ms (), clock_ms (CLOCK_PROCESS_CPUTIME_ID), 0, 0 };
  size_t pages = 0;
  if (ink_article_load (ctx, argv[1], &article, &diag) != INK_OK) {
    fprintf (stderr, "ttfp_bench: %s:%u:%u: %s\n", argv[1], diag.line, diag.column, diag.message);
    goto done;
  }
  ink_status_t st = !strcmp (argv[3], "pager")
                      ? run_pager (ctx, article, tpl, fonts, gray, &first, &pages)
                      : run_layout (ctx, article, tpl, fonts, gray, &first, &pages);
  double total = now_ms () - first.t0;
  if (st != INK_OK && st != INK_OVERFLOW) {
    fprintf (stderr, "ttfp_bench: %s: %s\n", argv[1], ink_context_error (ctx));
    goto done;
  }
  size_t cur, peak;
  ink_context_memory (ctx, &cur, &peak);
  struct rusage ru;
  getrusage (RUSAGE_SELF, &ru);
  printf ("first_ms=%.3f first_cpu_ms=%.3f total_ms=%.3f pages=%zu peak_bytes=%zu "
          "peak_rss_kib=%ld\n", first.ms, first.cpu_ms, total, pages, peak, ru.ru_maxrss);
  rc = 0;
done:
  free (gray);
  ink_article_destroy (article);
  ink_fontset_destroy (fonts);
  ink_template_destroy (tpl);
  ink_context_destroy (ctx);
  return rc;
}
