/* A laid-out document from an article file (or Markdown text) on a template, with the
 * sample fonts, for tests that look at the pages. Include after test.h. */
#ifndef INK_FIXTURE_H
#define INK_FIXTURE_H

typedef struct {
  ink_context_t *ctx;
  ink_article_t *a;
  ink_template_t *t;
  ink_fontset_t *fs;
  ink_document_t *doc;
} fixture_t;

/* Lays out md (Markdown text, its pictures loaded from the folder path when path is not
 * NULL) or, when md is NULL, the article at path, on template tpl. */
static bool
fixture_lay_out (fixture_t *s, const char *md, const char *path, const char *tpl)
{
  *s = (fixture_t) { 0 };
  ink_diag_t diag = { 0 };
  ink_context_create (NULL, NULL, &s->ctx);
  ink_status_t st = md ? ink_article_parse_markdown (s->ctx, md, strlen (md), path, &s->a, &diag)
                       : ink_article_load (s->ctx, path, &s->a, &diag);
  CHECK_EQ_INT (st, INK_OK);
  CHECK_EQ_INT (ink_template_open (s->ctx, tpl, &s->t, &diag), INK_OK);
  CHECK_EQ_INT (ink_fontset_create (s->ctx, INK_SOURCE_DIR "/fonts", &s->fs), INK_OK);
  if (!s->a || !s->t || !s->fs)
    return false;
  CHECK_EQ_INT (ink_document_layout (s->ctx, s->a, s->t, s->fs, NULL, &s->doc), INK_OK);
  return s->doc != NULL;
}

static void
fixture_tear_down (fixture_t *s)
{
  ink_document_destroy (s->doc);
  ink_fontset_destroy (s->fs);
  ink_template_destroy (s->t);
  ink_article_destroy (s->a);
  ink_context_destroy (s->ctx);
}

/* Lays out the article name in the source tree's folder dir on template tpl; on failure (a
 * failed check already) nothing is left to tear down. */
static inline bool
fixture_lay_out_in (fixture_t *s, const char *dir, const char *name, const char *tpl)
{
  char path[1024];
  snprintf (path, sizeof path, "%s/%s/%s", INK_SOURCE_DIR, dir, name);
  if (fixture_lay_out (s, NULL, path, tpl))
    return true;
  fixture_tear_down (s);
  return false;
}

/* Lays out tests/unit/articles/name on template tpl (fixture_lay_out_in). */
static inline bool
fixture_lay_out_article (fixture_t *s, const char *name, const char *tpl)
{
  return fixture_lay_out_in (s, "tests/unit/articles", name, tpl);
}

#endif
