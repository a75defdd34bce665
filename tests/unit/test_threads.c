/* Threads: four articles laid out and rendered at once on four threads, each with its own
 * context, sharing one fontset and one template, give the same bytes (every page as PNG and
 * the layout JSON) as the same articles done one by one. Built with ThreadSanitizer
 * (scripts/test.sh), it also finds any data race in the shared objects: faces loaded on
 * first use, FreeType, hyphenation patterns, reference counts. The fontset starts cold in
 * both runs, so its faces and patterns are loaded while the threads race for them. */
#include <inkset/inkset.h>

#include "test.h"
#include "memwrite.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define NTHREADS 4

/* Different scripts and languages, so that the threads load different faces and
 * hyphenation patterns, and two of them the same ones. */
static const char *const articles[NTHREADS] = {
  INK_SOURCE_DIR "/examples/articles/bakery-fire.md",
  INK_SOURCE_DIR "/examples/articles/leipzig-tram.de.md",
  INK_SOURCE_DIR "/examples/articles/haifa-port.he.md",
  INK_SOURCE_DIR "/examples/articles/council-vote.md",
};

typedef struct {
  const char *path;
  ink_template_t *tpl;      /* shared: a reference the job owns, taken before its thread */
  ink_fontset_t *fonts;     /* shared: likewise */
  ink_status_t st;
  size_t pages;
  mem_t out;                /* the layout JSON, then each page's PNG */
} job_t;

/* Runs on its own thread: a context of its own, the shared fontset and template, whose
 * references it drops at the end. */
static void *
run (void *arg)
{
  job_t *j = arg;
  ink_context_t *ctx = NULL;
  ink_article_t *a = NULL;
  ink_document_t *doc = NULL;
  ink_diag_t diag;
  ink_template_t *tpl = j->tpl;
  ink_fontset_t *fonts = j->fonts;
  j->st = ink_context_create (NULL, NULL, &ctx);
  if (j->st == INK_OK)
    j->st = ink_article_load (ctx, j->path, &a, &diag);
  if (j->st == INK_OK)
    j->st = ink_document_layout (ctx, a, tpl, fonts, NULL, &doc);
  const char *json;
  size_t len;
  if (j->st == INK_OK && (j->st = ink_document_layout_json (doc, &json, &len)) == INK_OK)
    j->st = mem_write (&j->out, json, len);
  j->pages = doc ? ink_document_page_count (doc) : 0;
  for (size_t p = 0; j->st == INK_OK && p < j->pages; p++) {
    ink_pixfmt_t fmt = { 0 };
    fmt.bpp = 4;
    ink_page_source_t src;
    ink_frame_t frame;
    j->st = ink_document_frame (doc, p, &fmt, INK_DITHER_FLOYD_STEINBERG, &src, &frame);
    if (j->st == INK_OK)
      j->st = ink_png_render (ctx, mem_write, &j->out, &frame, 64);
  }
  ink_document_destroy (doc);
  ink_article_destroy (a);
  ink_fontset_destroy (fonts);
  ink_template_destroy (tpl);
  ink_context_destroy (ctx);
  return NULL;
}

/* Does the four jobs one by one (threads false) or at once, with a fresh fontset and the
 * template; the fontset is dropped by whichever thread drops it last. Each job's references
 * are taken here, before its thread starts: a reference taken on the new thread could come
 * after ours is gone, and the fontset with it. */
static void
run_all (ink_context_t *ctx, ink_template_t *tpl, bool threads, job_t jobs[NTHREADS])
{
  ink_fontset_t *fonts = NULL;
  CHECK_EQ_INT (ink_fontset_create (ctx, INK_SOURCE_DIR "/fonts", &fonts), INK_OK);
  pthread_t tid[NTHREADS];
  bool started[NTHREADS] = { false };
  for (int i = 0; i < NTHREADS; i++) {
    jobs[i] = (job_t) { .path = articles[i], .tpl = ink_template_reference (tpl),
                        .fonts = ink_fontset_reference (fonts) };
    if (threads)
      started[i] = pthread_create (&tid[i], NULL, run, &jobs[i]) == 0;
    CHECK (!threads || started[i]);
    if (!started[i])
      run (&jobs[i]);
  }
  /* Our own reference goes while the threads still hold theirs. */
  ink_fontset_destroy (fonts);
  for (int i = 0; i < NTHREADS; i++)
    if (started[i])
      pthread_join (tid[i], NULL);
}

TEST (threads_match_one_by_one)
{
  ink_context_t *ctx = NULL;
  ink_template_t *tpl = NULL;
  ink_diag_t diag;
  CHECK_EQ_INT (ink_context_create (NULL, NULL, &ctx), INK_OK);
  CHECK_EQ_INT (ink_template_open (ctx, "kiosk-10.3", &tpl, &diag), INK_OK);
  if (!tpl) {
    ink_context_destroy (ctx);
    return;
  }
  job_t alone[NTHREADS], together[NTHREADS];
  run_all (ctx, tpl, true, together);
  run_all (ctx, tpl, false, alone);
  for (int i = 0; i < NTHREADS; i++) {
    CHECK_EQ_INT (alone[i].st, INK_OK);
    CHECK_EQ_INT (together[i].st, INK_OK);
    CHECK (alone[i].pages >= 1);
    CHECK_EQ_INT ((int) together[i].pages, (int) alone[i].pages);
    CHECK (alone[i].out.n > 1000);
    CHECK_EQ_INT ((int) together[i].out.n, (int) alone[i].out.n);
    CHECK (together[i].out.n == alone[i].out.n &&
           memcmp (together[i].out.p, alone[i].out.p, alone[i].out.n) == 0);
    free (alone[i].out.p);
    free (together[i].out.p);
  }
  /* The articles differ, so equal bytes are not one article four times. */
  CHECK (alone[0].out.n != alone[1].out.n ||
         memcmp (alone[0].out.p, alone[1].out.p, alone[0].out.n) != 0);
  ink_template_destroy (tpl);
  ink_context_destroy (ctx);
}

int
main (void)
{
  RUN (threads_match_one_by_one);
  return test_summary ();
}
