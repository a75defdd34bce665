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

typedef struct ink_document ink_document_t;   /* also in inkset-document.h */

/* One PDF of all of doc's pages from the display list the pixels come from: searchable
 * text in subset-embedded fonts, vector rules, pictures at their own resolution, link
 * annotations, title, author and date. Page size: the template's, in points. fn gets the
 * bytes in order. INK_UNSUPPORTED when built without PDF (INK_FEATURE_PDF). */
INK_API ink_status_t ink_pdf_write (ink_document_t *doc, ink_write_fn fn, void *user);
/* The same into path, written whole or not at all. */
INK_API ink_status_t ink_pdf_write_file (ink_document_t *doc, const char *path);

#ifdef __cplusplus
}
#endif
#endif
