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
#include "pdfcairo.h"

/* cairo font faces for the document's faces, made on first use during one write; and
 * which of its two sizes the last right-to-left cluster was drawn at (pdftext.c). */
typedef struct {
  ink_context_t *ctx;
  INK_VEC (ink__face_t *) keys;
  INK_VEC (cairo_font_face_t *) faces;
  bool nudged;
} ink__pdf_fonts_t;

/* The cairo face for face, or NULL when FreeType or cairo cannot load it. */
cairo_font_face_t *ink__pdf_font (ink__pdf_fonts_t *fonts, ink__face_t *face, ink_status_t *st);
/* Drops this write's references; cairo frees each face when it is done with it. */
void ink__pdf_fonts_free (ink__pdf_fonts_t *fonts);

/* The sheet a page is printed on, in points: the page itself (the trim box) at the size the
 * template gives in print units, the bleed around it, and a slug outside the bleed that
 * holds the crop marks (pdfsheet.c). Without bleed and marks the sheet is the page. */
typedef struct {
  double trim_w, trim_h;   /* the page */
  double bleed;            /* the bleed box reaches this far past each edge */
  double slug;             /* the page's offset on the sheet: bleed and marks, or 0 */
  bool marks;
} ink__pdf_sheet_t;

void ink__pdf_sheet (const ink_document_t *doc, ink__pdf_sheet_t *sh);
/* Draws the crop marks of sheet sh (in points, sheet coordinates) when it has them. */
void ink__pdf_crop_marks (cairo_t *cr, const ink__pdf_sheet_t *sh);

/* A piece of text to put into a finished PDF at byte offset at (pdfpatch.c). */
typedef struct {
  size_t at;
  const char *text;
  size_t len;
} ink__pdf_ins_t;

/* Puts lang (a BCP 47 tag; others are left out) into the finished PDF's catalog as /Lang,
 * moving the cross-reference offsets after it (pdfpatch.c). */
ink_status_t ink__pdf_set_lang (ink_context_t *ctx, ink__str_t *pdf, const char *lang);
/* Gives every page of the finished PDF the trim and bleed boxes of sheet sh, when the sheet
 * is larger than the page (pdfpatch.c). */
ink_status_t ink__pdf_set_boxes (ink_context_t *ctx, ink__str_t *pdf, const ink__pdf_sheet_t *sh);

/* Draws glyph run it of doc on cr (in page px) as text that maps back to its characters. */
ink_status_t ink__pdf_run (cairo_t *cr, ink__pdf_fonts_t *fonts, const ink_document_t *doc,
                           const ink__item_t *it);
#endif

#endif
