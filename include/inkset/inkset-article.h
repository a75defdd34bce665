/**
 * @file inkset-article.h
 * @brief The article: read from Markdown or JSON, in memory or from a file.
 */
#if !defined(INKSET_H_INSIDE) && !defined(INK_BUILDING)
#error "Include <inkset/inkset.h> instead."
#endif
#ifndef INKSET_ARTICLE_H
#define INKSET_ARTICLE_H

#include <inkset/inkset-common.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * An article: front matter (title, deck, byline, ...) and body blocks, read from Markdown with
 * front matter or from JSON (docs/articles.md), with its pictures decoded. Single owner;
 * immutable once read. It allocates through the context it was read with, which must outlive
 * it, and is used by one thread at a time, like that context.
 */
typedef struct ink_article ink_article_t;

/**
 * A source of an article's pictures other than files: a kiosk whose pictures are linked into
 * its firmware, or a service that holds them in a cache, hands them over from memory. Called
 * while an article is read, for each picture path it names (the lead image, each figure),
 * before any folder is looked in; a path named twice is asked for twice, and the same bytes
 * handed back are decoded once.
 *
 * @param user the pointer given to ink_context_set_picture_source()
 * @param path the path as the article writes it, UTF-8, NUL-terminated; any text (it is the
 *   caller's to interpret; nothing is read from the file system for it)
 * @param data receives the picture's file bytes (PNG or JPEG); borrowed: they must stay valid
 *   until the reading call returns, and are not kept after it
 * @param len receives the number of bytes at @p data
 * @return INK_OK with @p data and @p len set; INK_NOT_FOUND when the source has no such
 *   picture (it is then looked for in the article's folder, with the usual rules, when one
 *   is given); any other status fails the reading call with an error naming the picture's
 *   line and column.
 * @since 0.2
 */
typedef ink_status_t (*ink_picture_fn) (void *user, const char *path, const void **data,
                                        size_t *len);

/**
 * Sets where the articles read with @p ctx take their pictures from, before their folder:
 * see ::ink_picture_fn. With a source set, pictures are loaded even when no `base_dir` is
 * given. Pass NULL to remove the source.
 *
 * @param ctx a context
 * @param fn (nullable) the source
 * @param user (nullable) passed to @p fn
 * @since 0.2
 */
INK_API void ink_context_set_picture_source (ink_context_t *ctx, ink_picture_fn fn, void *user);

/**
 * Reads an article from Markdown with a `---` front matter. The text is untrusted: invalid
 * UTF-8 and NUL bytes become U+FFFD, and recoverable problems (that one, an empty body, an
 * image inside a paragraph) are logged as warnings "LINE:COLUMN: text" (ink_context_set_log()).
 * Pictures are read and decoded now; time and memory grow with the text and the pictures,
 * within the context's limits.
 *
 * @param ctx a context; it must outlive the article
 * @param src the article (docs/articles.md); any bytes, need not be NUL-terminated; not kept
 * @param len bytes in @p src, at most INK_LIMIT_ARTICLE_BYTES
 * @param base_dir (nullable) folder that relative image paths start from; NULL loads no images
 *   but those the context's picture source gives (ink_context_set_picture_source())
 * @param out receives the article, owned by the caller (ink_article_destroy()); NULL on failure
 * @param diag (nullable) receives the line, column and message of an error
 * @return INK_OK; INK_PARSE, INK_LIMIT, INK_INVALID or INK_IO with @p diag filled;
 *   INK_NO_MEMORY.
 * @since 0.1
 */
INK_API ink_status_t ink_article_parse_markdown (ink_context_t *ctx, const char *src, size_t len,
                                                 const char *base_dir, ink_article_t **out,
                                                 ink_diag_t *diag);

/**
 * Reads an article from its JSON form, as ink_article_dump_json() writes it.
 *
 * @param ctx a context; it must outlive the article
 * @param src the article in its JSON form (docs/articles.md); any bytes; not kept
 * @param len bytes in @p src, at most INK_LIMIT_ARTICLE_BYTES
 * @param base_dir (nullable) folder that relative image paths start from; NULL loads no images
 * @param out receives the article, owned by the caller (ink_article_destroy()); NULL on failure
 * @param diag (nullable) receives the line, column and message of an error
 * @return as ink_article_parse_markdown().
 * @since 0.1
 */
INK_API ink_status_t ink_article_parse_json (ink_context_t *ctx, const char *src, size_t len,
                                             const char *base_dir, ink_article_t **out,
                                             ink_diag_t *diag);

/**
 * Reads an article file. Images are looked for relative to the file's folder.
 *
 * @param ctx a context; it must outlive the article
 * @param path an article file: JSON when the name ends in ".json", Markdown otherwise
 * @param out receives the article, owned by the caller (ink_article_destroy()); NULL on failure
 * @param diag (nullable) receives the line, column and message of an error (line 0 when the
 *   file itself could not be read)
 * @return as ink_article_parse_markdown(), or INK_IO when the file cannot be read.
 * @since 0.1
 */
INK_API ink_status_t ink_article_load (ink_context_t *ctx, const char *path, ink_article_t **out,
                                       ink_diag_t *diag);

/**
 * Frees an article. Documents laid out from it must be destroyed first: they draw its
 * pictures.
 *
 * @param article an article, or NULL (nothing is done)
 * @since 0.1
 */
INK_API void ink_article_destroy (ink_article_t *article);

/**
 * The article's headline.
 *
 * @param article an article
 * @return the headline, UTF-8, owned by @p article; NULL only for a NULL @p article.
 * @since 0.1
 */
INK_API const char *ink_article_title (const ink_article_t *article);

/**
 * The article's language.
 *
 * @param article an article
 * @return the BCP 47 language of the front matter, or NULL when not given; owned by
 *   @p article.
 * @since 0.1
 */
INK_API const char *ink_article_lang (const ink_article_t *article);

/**
 * The number of body blocks.
 *
 * @param article an article
 * @return the number of body blocks, comments included; 0 for NULL.
 * @since 0.1
 */
INK_API size_t ink_article_block_count (const ink_article_t *article);

/**
 * How much bad text was repaired while reading.
 *
 * @param article an article
 * @return how many invalid UTF-8 sequences, NUL bytes or lone surrogate escapes were replaced
 *   by U+FFFD while reading.
 * @since 0.1
 */
INK_API size_t ink_article_bad_utf8 (const ink_article_t *article);

/**
 * Writes the article in its JSON form. The layout is canonical: equal articles give equal
 * bytes, and ink_article_parse_json() reads the result back into an equal article.
 *
 * @param article an article
 * @param out receives the JSON (docs/articles.md), NUL-terminated, allocated through the
 *   article's context; free it with ink_article_dump_free()
 * @param len (nullable) receives the length of *out in bytes
 * @return INK_OK, INK_INVALID or INK_NO_MEMORY.
 * @since 0.1
 */
INK_API ink_status_t ink_article_dump_json (const ink_article_t *article, char **out,
                                            size_t *len);

/**
 * Frees a string from ink_article_dump_json().
 *
 * @param ctx the context of the article that was dumped
 * @param json a string from ink_article_dump_json(), or NULL (nothing is done)
 * @since 0.1
 */
INK_API void ink_article_dump_free (ink_context_t *ctx, char *json);

#ifdef __cplusplus
}
#endif
#endif
