/* An article of nothing but NUL bytes (a feed's file made and never written) is named so
 * (article.c, check_input): it was called UTF-32, with advice to convert it, since its
 * zero bytes match the test for UTF-32 text. Text that is UTF-32 is still named UTF-32. */
#include <inkset/inkset.h>
#include <string.h>
#include "test.h"

TEST (nul_bytes_named)
{
  ink_context_t *ctx = NULL;
  ink_article_t *a = NULL;
  ink_diag_t d;
  CHECK_EQ_INT (ink_context_create (NULL, NULL, &ctx), INK_OK);
  char zeros[100];
  memset (zeros, 0, sizeof zeros);
  CHECK_EQ_INT (ink_article_parse_markdown (ctx, zeros, sizeof zeros, NULL, &a, &d), INK_PARSE);
  CHECK_EQ_STR (d.message, "the article is 100 NUL bytes and no text");
  CHECK_EQ_INT (ink_article_parse_json (ctx, zeros, 3, NULL, &a, &d), INK_PARSE);
  CHECK_EQ_STR (d.message, "the article is 3 NUL bytes and no text");
  static const char u32[] = "-\0\0\0-\0\0\0-\0\0\0\n\0\0\0t\0\0\0";
  CHECK_EQ_INT (ink_article_parse_markdown (ctx, u32, sizeof u32 - 1, NULL, &a, &d), INK_PARSE);
  CHECK (strstr (d.message, "is UTF-32;") != NULL);
  CHECK (a == NULL);
  ink_context_destroy (ctx);
}

int
main (void)
{
  RUN (nul_bytes_named);
  return test_summary ();
}
