#if !defined(INKSET_H_INSIDE) && !defined(INK_BUILDING)
#error "Include <inkset/inkset.h> instead."
#endif
#ifndef INKSET_ARTICLE_H
#define INKSET_ARTICLE_H

#include <inkset/inkset-common.h>

#ifdef __cplusplus
extern "C" {
#endif

/* An article: front matter (title, deck, byline, ...) and body blocks, read from Markdown
 * with front matter or from JSON (docs/articles.md). Single owner; immutable once read. */
typedef struct ink_article ink_article_t;

INK_API ink_status_t ink_article_parse_markdown (ink_context_t *ctx, const char *src, size_t len,
                                                 const char *base_dir, ink_article_t **out,
                                                 ink_diag_t *diag);
INK_API ink_status_t ink_article_parse_json (ink_context_t *ctx, const char *src, size_t len,
                                             const char *base_dir, ink_article_t **out,
                                             ink_diag_t *diag);
INK_API ink_status_t ink_article_load (ink_context_t *ctx, const char *path, ink_article_t **out,
                                       ink_diag_t *diag);
INK_API void ink_article_destroy (ink_article_t *article);

INK_API const char *ink_article_title (const ink_article_t *article);
INK_API const char *ink_article_lang (const ink_article_t *article);
INK_API size_t ink_article_block_count (const ink_article_t *article);
INK_API size_t ink_article_bad_utf8 (const ink_article_t *article);

INK_API ink_status_t ink_article_dump_json (const ink_article_t *article, char **out,
                                            size_t *len);
INK_API void ink_article_dump_free (ink_context_t *ctx, char *json);

#ifdef __cplusplus
}
#endif
#endif
