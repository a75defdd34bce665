/* Reading articles in tests: a fresh context whose warnings are captured, the Markdown reader
 * run with the status it should give, and the article freed with the context checked empty.
 * Include after article.h and test.h. */
#ifndef INK_ARTICLEFIX_H
#define INK_ARTICLEFIX_H

#include <stdio.h>

/* Warnings captured from the log callback. */
static char warnings[2048];
static int nwarnings;

static inline void
capture (void *user, ink_log_level_t level, const char *msg)
{
  (void) user;
  if (level != INK_LOG_WARNING)
    return;
  nwarnings++;
  size_t n = strlen (warnings);
  snprintf (warnings + n, sizeof warnings - n, "%s\n", msg);
}

static inline ink_context_t *
ctx_new (void)
{
  ink_context_t *ctx;
  if (ink_context_create (NULL, NULL, &ctx) != INK_OK)
    abort ();
  warnings[0] = 0;
  nwarnings = 0;
  ink_context_set_log (ctx, capture, NULL);
  return ctx;
}

/* Checks a reader's status against want, printing the diagnostic when it differs. */
static inline void
expect_status (ink_status_t st, ink_status_t want, const ink_diag_t *d)
{
  CHECK_EQ_INT (st, want);
  if (st != want)
    fprintf (stderr, "  diag %u:%u: %s\n", d->line, d->column, d->message);
}

static inline ink_article_t *
md (ink_context_t *ctx, const char *src, ink_status_t want, ink_diag_t *d)
{
  ink_article_t *a = NULL;
  expect_status (ink_article_parse_markdown (ctx, src, strlen (src), NULL, &a, d), want, d);
  return a;
}

static inline void
done (ink_context_t *ctx, ink_article_t *a)
{
  ink_article_destroy (a);
  CHECK_CONTEXT_FREED (ctx);
}

#endif
