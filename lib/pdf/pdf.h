/* pdf: one PDF of all of a document's pages, drawn from the same display list as the
 * pixels through cairo's PDF surface: glyph runs as text in subset-embedded fonts with
 * their characters (so the text can be searched and copied), rules as filled rectangles,
 * pictures at their own resolution, links as link annotations. Built only with
 * INK_WITH_PDF; without it the public calls return INK_UNSUPPORTED. */
#ifndef INK_PDF_H
#define INK_PDF_H

#include <inkset/inkset-pdf.h>
#include "paginate.h"

#ifdef INK_WITH_PDF
#include <cairo.h>

/* cairo font faces for the document's faces, made on first use during one write. */
typedef struct {
  ink_context_t *ctx;
  INK_VEC (ink__face_t *) keys;
  INK_VEC (cairo_font_face_t *) faces;
} ink__pdf_fonts_t;

/* The cairo face for face, or NULL when FreeType or cairo cannot load it. */
cairo_font_face_t *ink__pdf_font (ink__pdf_fonts_t *fonts, ink__face_t *face, ink_status_t *st);
/* Drops this write's references; cairo frees each face when it is done with it. */
void ink__pdf_fonts_free (ink__pdf_fonts_t *fonts);

/* Puts lang (a BCP 47 tag; others are left out) into the finished PDF's catalog as /Lang,
 * moving the cross-reference offsets after it (pdflang.c). */
ink_status_t ink__pdf_set_lang (ink_context_t *ctx, ink__str_t *pdf, const char *lang);

/* Draws glyph run it of doc on cr (in page px) as text that maps back to its characters. */
ink_status_t ink__pdf_run (cairo_t *cr, ink__pdf_fonts_t *fonts, const ink_document_t *doc,
                           const ink__item_t *it);
#endif

#endif
