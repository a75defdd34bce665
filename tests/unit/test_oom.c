/* Out of memory, everywhere: the whole pipeline (read the English sample article, the default
 * template and the fonts, lay out, render page 1 to PNG in memory) is run once with an
 * allocator that fails allocation N, for N = 0, 1, 2, ... until a run makes fewer than N
 * allocations. Each run must either fail with a status other than INK_OK, or succeed and give
 * the very PNG of a run without failures (a cache may do without its memory; the one
 * exception is FreeType's auto-hinter, which falls back to unhinted outlines); and it must
 * leak nothing: the context's count returns to its base, and every byte the hook handed out
 * comes back to it.
 *
 * A run takes a while (the page is 1404 x 1872), so by default N steps by a stride that keeps
 * the test short (about 400 runs; 150 under AddressSanitizer, from another offset). The
 * INK_OOM_STRIDE and INK_OOM_OFFSET environment variables set them: INK_OOM_STRIDE=1 covers
 * every N (a few minutes), as do INK_OOM_STRIDE=8 with offsets 0 to 7 (docs/reliability.md). */
#define _GNU_SOURCE
#include "test.h"

#include <dlfcn.h>
#include <execinfo.h>
#include <inkset/inkset-document.h>
#include <inkset/inkset-target.h>
#include <stdlib.h>

#include "core.h"

typedef struct {
  long count;          /* allocations (new blocks and growths) made so far */
  long fail_at;        /* the allocation to fail; -1: none */
  bool failed;         /* one was failed */
  bool in_freetype;    /* ... from inside FreeType */
  size_t outstanding;  /* bytes handed out and not yet returned */
} oom_t;

static void *
oom_realloc (void *user, void *ptr, size_t old_size, size_t new_size)
{
  oom_t *o = user;
  if (new_size == 0) {
    if (ptr)
      o->outstanding -= old_size;
    free (ptr);
    return NULL;
  }
  if (o->count++ == o->fail_at) {
    o->failed = true;
    /* FreeType allocates through the context; its auto-hinter, when out of memory, falls back
     * to unhinted outlines and reports success. Such a run may end with other pixels. */
    void *frames[48];
    int n = backtrace (frames, 48);
    for (int i = 0; i < n; i++) {
      Dl_info info;
      if (dladdr (frames[i], &info) && info.dli_fname && strstr (info.dli_fname, "libfreetype"))
        o->in_freetype = true;
    }
    return NULL;
  }
  void *q = realloc (ptr, new_size);
  if (q)
    o->outstanding += new_size - (ptr ? old_size : 0);
  return q;
}

typedef struct {
  uint8_t *buf;
  size_t len, cap;
} membuf_t;

static ink_status_t
to_memory (void *user, const void *data, size_t len)
{
  membuf_t *m = user;
  if (m->len + len > m->cap) {
    size_t cap = m->cap ? m->cap : 4096;
    while (cap < m->len + len)
      cap *= 2;
    uint8_t *q = realloc (m->buf, cap);
    if (!q)
      return INK_IO;
    m->buf = q;
    m->cap = cap;
  }
  memcpy (m->buf + m->len, data, len);
  m->len += len;
  return INK_OK;
}

/* One run of the pipeline; the PNG goes to png. Returns the first failing status. */
static ink_status_t
pipeline (oom_t *o, membuf_t *png, bool *leak_free)
{
  *leak_free = true;
  ink_context_t *ctx = NULL;
  ink_status_t st = ink_context_create (oom_realloc, o, &ctx);
  if (st != INK_OK) {
    *leak_free = o->outstanding == 0 && ctx == NULL;
    return st;
  }
  size_t base;
  ink_context_memory (ctx, &base, NULL);
  ink_article_t *a = NULL;
  ink_template_t *t = NULL;
  ink_fontset_t *fs = NULL;
  ink_document_t *doc = NULL;
  ink_diag_t diag;
  st = ink_article_load (ctx, INK_SOURCE_DIR "/examples/articles/pakistan-china-pact.md", &a,
                         &diag);
  if (st == INK_OK)
    st = ink_template_builtin (ctx, NULL, &t);
  if (st == INK_OK)
    st = ink_fontset_create (ctx, INK_SOURCE_DIR "/fonts", &fs);
  if (st == INK_OK)
    st = ink_document_layout (ctx, a, t, fs, NULL, &doc);
  if (st == INK_OK) {
    ink_pixfmt_t fmt = { 0 };
    fmt.bpp = 4;
    ink_page_source_t src;
    ink_frame_t frame;
    st = ink_document_frame (doc, 0, &fmt, INK_DITHER_FLOYD_STEINBERG, &src, &frame);
    if (st == INK_OK)
      st = ink_png_render (ctx, to_memory, png, &frame, 64);
  }
  ink_document_destroy (doc);
  ink_fontset_destroy (fs);
  ink_template_destroy (t);
  ink_article_destroy (a);
  size_t cur;
  ink_context_memory (ctx, &cur, NULL);
  if (cur != base) {
    fprintf (stderr, "oom: allocation %ld failed: %zu bytes still held by the context\n",
             o->fail_at, cur - base);
    *leak_free = false;
  }
  ink_context_destroy (ctx);
  if (o->outstanding != 0) {
    fprintf (stderr, "oom: allocation %ld failed: %zu bytes never returned to the hook\n",
             o->fail_at, o->outstanding);
    *leak_free = false;
  }
  return st;
}

static long
env_long (const char *name, long fallback)
{
  const char *v = getenv (name);
  return v && *v ? strtol (v, NULL, 10) : fallback;
}

TEST (every_allocation_fails_cleanly)
{
  /* The reference: no failures. */
  oom_t ref = { .fail_at = -1 };
  membuf_t ref_png = { 0 };
  bool clean;
  CHECK_EQ_INT (pipeline (&ref, &ref_png, &clean), INK_OK);
  CHECK (clean);
  CHECK (ref_png.len > 100);
  long total = ref.count;
  /* About 400 runs in a plain build; under AddressSanitizer, about 150 from another offset,
   * so the two builds of the suite try different allocations. */
#if defined(__SANITIZE_ADDRESS__)
  long runs_wanted = 150, default_offset = 5;
#else
  long runs_wanted = 400, default_offset = 0;
#endif
  long stride = env_long ("INK_OOM_STRIDE", total > runs_wanted ? total / runs_wanted : 1);
  if (stride < 1)
    stride = 1;
  long offset = env_long ("INK_OOM_OFFSET", default_offset) % stride;
  printf ("oom: %ld allocations in a full run; failing every %ld from %ld\n", total, stride,
          offset);
  long runs = 0, recovered = 0, hinting = 0;
  for (long n = offset;; n += stride) {
    oom_t o = { .fail_at = n };
    membuf_t png = { 0 };
    ink_status_t st = pipeline (&o, &png, &clean);
    runs++;
    if (!clean)
      CHECK (0);
    if (!o.failed) {
      /* Past the last allocation: the run must have succeeded. */
      CHECK_EQ_INT (st, INK_OK);
      free (png.buf);
      break;
    }
    if (st == INK_OK) {
      /* Done without that memory: the output must not change. */
      recovered++;
      bool same = png.len == ref_png.len && memcmp (png.buf, ref_png.buf, png.len) == 0;
      if (!same && o.in_freetype) {
        hinting++;
      } else if (!same) {
        fprintf (stderr, "oom: allocation %ld failed, the run succeeded with other pixels\n", n);
        CHECK (0);
      }
    } else if (st != INK_NO_MEMORY) {
      /* Another status is allowed when it says what failed. */
      printf ("oom: allocation %ld failed: %s (%s)\n", n, ink_status_to_string (st),
              "see the message above");
    }
    free (png.buf);
    if (n > total + stride) {
      fprintf (stderr, "oom: allocation %ld failed: more allocations than a full run\n", n);
      CHECK (0);
      break;
    }
  }
  printf ("oom: %ld runs, %ld succeeded without the failed allocation (%ld of them inside "
          "FreeType's hinter, with unhinted glyphs)\n", runs, recovered, hinting);
  free (ref_png.buf);
}

int
main (void)
{
  RUN (every_allocation_fails_cleanly);
  return test_summary ();
}
