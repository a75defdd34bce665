/* The body of the article readers' fuzz targets: whatever the input, reading with parse must
 * not crash or leak, and an article that reads must dump to JSON that reads back to the same
 * dump. */
#ifndef INK_FUZZ_ARTICLE_ROUNDTRIP_H
#define INK_FUZZ_ARTICLE_ROUNDTRIP_H

#include <inkset/inkset.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef ink_status_t (*article_parse_fn) (ink_context_t *ctx, const char *src, size_t len,
                                          const char *base_dir, ink_article_t **out,
                                          ink_diag_t *diag);

static int
article_roundtrip (const uint8_t *data, size_t size, article_parse_fn parse)
{
  ink_context_t *ctx;
  if (ink_context_create (NULL, NULL, &ctx) != INK_OK)
    return 0;
  ink_article_t *a = NULL, *b = NULL;
  ink_diag_t d;
  if (parse (ctx, (const char *) data, size, NULL, &a, &d) == INK_OK) {
    char *s1 = NULL, *s2 = NULL;
    size_t l1 = 0, l2 = 0;
    if (ink_article_dump_json (a, &s1, &l1) != INK_OK)
      abort ();
    if (ink_article_parse_json (ctx, s1, l1, NULL, &b, &d) != INK_OK)
      abort ();
    if (ink_article_dump_json (b, &s2, &l2) != INK_OK || l1 != l2 || memcmp (s1, s2, l1) != 0)
      abort ();
    ink_article_dump_free (ctx, s1);
    ink_article_dump_free (ctx, s2);
  } else if (a != NULL) {
    abort ();
  }
  ink_article_destroy (a);
  ink_article_destroy (b);
  size_t cur;
  ink_context_memory (ctx, &cur, NULL);
  ink_context_destroy (ctx);
  (void) cur;
  return 0;
}

#endif
