/* An input of the pipeline fuzzer (tests/fuzz/fuzz_pipeline.c) as it reads one: a byte of
 * options, then the article. Opened as it opens it: Markdown (bit 0 clear) or JSON, on the
 * built-in template, as many pages as the byte's top bits allow (0: three), with the sample
 * fonts. Include after test.h. */
#ifndef INK_FUZZINPUT_H
#define INK_FUZZINPUT_H

typedef struct {
  char *src;
  ink_context_t *ctx;
  ink_article_t *a;
  ink_template_t *tpl;
  ink_fontset_t *fs;
  ink_layout_options_t opts;
} fuzz_input_t;

/* Opens tests/unit/articles/name in a context with allocator fn (NULL: libc) and user; false,
 * a check failed, when any part did not open (fuzz_input_close frees what did). */
static bool
fuzz_input_open (fuzz_input_t *f, const char *name, ink_realloc_fn fn, void *user)
{
  char path[512];
  size_t len = 0;
  ink_diag_t diag = { 0 };
  *f = (fuzz_input_t) { 0 };
  snprintf (path, sizeof path, "%s/tests/unit/articles/%s", INK_SOURCE_DIR, name);
  f->src = read_file (path, &len);
  CHECK (f->src && len > 1);
  CHECK_EQ_INT (ink_context_create (fn, user, &f->ctx), INK_OK);
  if (!f->src || len < 2 || !f->ctx)
    return false;
  unsigned sel = (unsigned char) f->src[0];
  const char *text = f->src + 1;
  size_t n = len - 1;
  ink_status_t st = sel & 1 ? ink_article_parse_json (f->ctx, text, n, NULL, &f->a, &diag)
                            : ink_article_parse_markdown (f->ctx, text, n, NULL, &f->a, &diag);
  CHECK_EQ_INT (st, INK_OK);
  CHECK_EQ_INT (ink_template_builtin (f->ctx, NULL, &f->tpl), INK_OK);
  CHECK_EQ_INT (ink_fontset_create (f->ctx, INK_SOURCE_DIR "/fonts", &f->fs), INK_OK);
  f->opts = (ink_layout_options_t) { .struct_size = sizeof f->opts,
                                     .max_pages = sel >> 6 ? sel >> 6 : 3 };
  return f->a && f->tpl && f->fs;
}

static void
fuzz_input_close (fuzz_input_t *f)
{
  ink_fontset_destroy (f->fs);
  ink_template_destroy (f->tpl);
  ink_article_destroy (f->a);
  ink_context_destroy (f->ctx);
  free (f->src);
}

#endif
