/**
 * @file inkset-pdf.h
 * @brief One PDF of all of a document's pages (an optional part: INK_FEATURE_PDF).
 */
#if !defined(INKSET_H_INSIDE) && !defined(INK_BUILDING)
#error "Include <inkset/inkset.h> instead."
#endif
#ifndef INKSET_PDF_H
#define INKSET_PDF_H

#include <inkset/inkset-common.h>
#include <inkset/inkset-target.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @cond INTERNAL */
typedef struct ink_document ink_document_t;   /* also in inkset-document.h */
/** @endcond */

/**
 * Writes one PDF of all of a document's pages, drawn from the display list the pixels come
 * from, through cairo's PDF surface: text as text in subset-embedded fonts that maps back to
 * the article's characters (searchable, copyable), rules as vectors, pictures at their own
 * resolution (a JPEG as its file), links as link annotations; the article's title, author,
 * deck, date and language as metadata. Pages are the template's size at its dpi, in points.
 * The same document gives the same bytes. The file is held in memory (through the context's
 * allocator) until complete, then given to fn in one call; cairo allocates for itself, and
 * keeps the fonts it embedded in its caches after the call (docs/output.md).
 *
 * @param doc a laid-out document; used on one thread at a time, like its context
 * @param fn receives the bytes
 * @param user passed to fn
 * @return INK_OK; INK_UNSUPPORTED when the library was built without PDF (ink_features()
 *   lacks INK_FEATURE_PDF); what fn returned when it failed; INK_NO_MEMORY, INK_FONT (a face
 *   cairo cannot load) or INK_IO with a message on the context; INK_INVALID when doc or fn is
 *   NULL
 * @since 0.1
 */
INK_API ink_status_t ink_pdf_write (ink_document_t *doc, ink_write_fn fn, void *user);

/**
 * ink_pdf_write() into a file, written whole or not at all as ink_file_write() does.
 *
 * @param doc a laid-out document
 * @param path the file (replaced, or left as it was on failure)
 * @return as ink_pdf_write(), or INK_LIMIT or INK_IO with a message naming path
 * @since 0.1
 */
INK_API ink_status_t ink_pdf_write_file (ink_document_t *doc, const char *path);

#ifdef __cplusplus
}
#endif
#endif
