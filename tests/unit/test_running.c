/* Running heads and feet (lib/paginate/running.c): placeholders filled from the article, and
 * the literal text beside a placeholder with no value left out with it, so that an article
 * without a section does not print " · 1/1" (a dangling separator). */
#include <inkset/inkset.h>
#include <stdio.h>
#include <string.h>
#include "paginate.h"
#include "test.h"

static const char TEMPLATE[] =
  "[page]\nwidth = 600px\nheight = 800px\ndpi = 160\nmargins = 60px 40px\ncolumns = 1\n"
  "[header]\ncenter = {section} · {page}/{pages}\n"
  "[footer]\nleft = ({source})\nright = page {page}\n";

/* The text of the first line drawn in role on page 1, into out. */
static void
first_line (const ink_document_t *doc, ink__role_t role, char *out, size_t n)
{
  out[0] = 0;
  const ink__page_t *pg = &doc->pages.v[0];
  for (size_t i = pg->l0; i < pg->l0 + pg->nl; i++) {
    const ink__lrec_t *l = &doc->lines.v[i];
    if (l->role == (int) role) {
      snprintf (out, n, "%.*s", (int) l->text_len, doc->text.s + l->text_off);
      return;
    }
  }
}

/* Lays out an article of front matter fm and one paragraph on TEMPLATE; the header's and the
 * footer's left slot's text. */
static void
running_lines (const char *fm, char *head, char *foot, size_t n)
{
  ink_context_t *ctx;
  ink_context_create (NULL, NULL, &ctx);
  ink_template_t *t = NULL;
  ink_diag_t d = { 0 };
  CHECK_EQ_INT (ink_template_parse (ctx, TEMPLATE, sizeof TEMPLATE - 1, "running", &t, &d), INK_OK);
  char src[512];
  snprintf (src, sizeof src, "---\ntitle: Harbour lamps\n%s---\n\nThe lamps are lit at dusk.\n", fm);
  ink_article_t *a = NULL;
  CHECK_EQ_INT (ink_article_parse_markdown (ctx, src, strlen (src), NULL, &a, &d), INK_OK);
  ink_fontset_t *fs = NULL;
  CHECK_EQ_INT (ink_fontset_create (ctx, INK_SOURCE_DIR "/fonts", &fs), INK_OK);
  ink_document_t *doc = NULL;
  head[0] = foot[0] = 0;
  if (t && a && fs && ink_document_layout (ctx, a, t, fs, NULL, &doc) == INK_OK) {
    first_line (doc, INK_ROLE_HEADER, head, n);
    first_line (doc, INK_ROLE_FOOTER, foot, n);
  }
  ink_document_destroy (doc);
  ink_fontset_destroy (fs);
  ink_article_destroy (a);
  ink_template_destroy (t);
  ink_context_destroy (ctx);
}

TEST (placeholders_filled)
{
  char head[128], foot[128];
  running_lines ("section: Harbour\nsource: Port gazette\n", head, foot, sizeof head);
  CHECK_EQ_STR (head, "Harbour · 1/1");
  CHECK_EQ_STR (foot, "(Port gazette)");
}

TEST (no_separator_beside_an_empty_field)
{
  char head[128], foot[128];
  running_lines ("", head, foot, sizeof head);
  CHECK_EQ_STR (head, "1/1");
  CHECK_EQ_STR (foot, "page 1");   /* "()" left out with the source; the right slot stays */
}

int
main (void)
{
  RUN (placeholders_filled);
  RUN (no_separator_beside_an_empty_field);
  return test_summary ();
}
