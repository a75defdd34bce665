/* pdf/pdfcairo: cairo, opened with dlopen when the first PDF is written, so that a program
 * that writes only pixels never maps cairo and the libraries it needs (X11, fontconfig,
 * pixman; docs/performance.md). The library opened is the one inkset was built against, by
 * its soname (INK_SONAME_CAIRO from cmake/dlopen.cmake).
 *
 * Every cairo function lib/pdf calls is listed below, and its name is made a macro for the
 * pointer loaded: the PDF writer calls cairo_create (surface) as usual, which is
 * (ink__cairo.cairo_create) (surface), valid once ink__cairo_load has succeeded. A cairo
 * function not listed does not link. */
#ifndef INK_PDF_CAIRO_H
#define INK_PDF_CAIRO_H

#ifdef INK_WITH_PDF
#include "core.h"

#include <cairo-ft.h>
#include <cairo-pdf.h>
#include <cairo.h>

#define INK_CAIRO_FUNCTIONS(X) \
  X (cairo_create) X (cairo_destroy) X (cairo_fill) X (cairo_font_face_destroy)              \
  X (cairo_font_face_set_user_data) X (cairo_font_face_status)                               \
  X (cairo_ft_font_face_create_for_ft_face) X (cairo_get_source) X (cairo_glyph_path)        \
  X (cairo_identity_matrix) X (cairo_image_surface_create) X (cairo_image_surface_get_data)  \
  X (cairo_image_surface_get_stride) X (cairo_line_to) X (cairo_move_to)                     \
  X (cairo_pattern_set_filter) X (cairo_pdf_surface_create_for_stream)                       \
  X (cairo_pdf_surface_set_metadata) X (cairo_rectangle) X (cairo_restore) X (cairo_save)    \
  X (cairo_scale) X (cairo_set_font_face) X (cairo_set_font_size) X (cairo_set_line_width)   \
  X (cairo_set_source_rgb) X (cairo_set_source_surface) X (cairo_show_page)                  \
  X (cairo_show_text_glyphs) X (cairo_status) X (cairo_status_to_string) X (cairo_stroke)    \
  X (cairo_surface_destroy) X (cairo_surface_finish) X (cairo_surface_flush)                 \
  X (cairo_surface_mark_dirty) X (cairo_surface_set_mime_data) X (cairo_surface_status)      \
  X (cairo_tag_begin) X (cairo_tag_end) X (cairo_translate)

#define INK_CAIRO_FIELD_(f) __typeof__ (f) *f;
typedef struct {
  INK_CAIRO_FUNCTIONS (INK_CAIRO_FIELD_)
} ink__cairo_t;
#undef INK_CAIRO_FIELD_

/* The functions, filled by the first ink__cairo_load that succeeds. */
extern ink__cairo_t ink__cairo;

/* Opens cairo once (thread-safe): INK_OK, or INK_UNSUPPORTED with a message on ctx that says
 * what could not be loaded. */
ink_status_t ink__cairo_load (ink_context_t *ctx);

#ifndef INK_CAIRO_LOADER   /* pdfcairo.c, which fills the fields by their names */
#define cairo_create (ink__cairo.cairo_create)
#define cairo_destroy (ink__cairo.cairo_destroy)
#define cairo_fill (ink__cairo.cairo_fill)
#define cairo_font_face_destroy (ink__cairo.cairo_font_face_destroy)
#define cairo_font_face_set_user_data (ink__cairo.cairo_font_face_set_user_data)
#define cairo_font_face_status (ink__cairo.cairo_font_face_status)
#define cairo_ft_font_face_create_for_ft_face (ink__cairo.cairo_ft_font_face_create_for_ft_face)
#define cairo_get_source (ink__cairo.cairo_get_source)
#define cairo_glyph_path (ink__cairo.cairo_glyph_path)
#define cairo_identity_matrix (ink__cairo.cairo_identity_matrix)
#define cairo_image_surface_create (ink__cairo.cairo_image_surface_create)
#define cairo_image_surface_get_data (ink__cairo.cairo_image_surface_get_data)
#define cairo_image_surface_get_stride (ink__cairo.cairo_image_surface_get_stride)
#define cairo_line_to (ink__cairo.cairo_line_to)
#define cairo_move_to (ink__cairo.cairo_move_to)
#define cairo_pattern_set_filter (ink__cairo.cairo_pattern_set_filter)
#define cairo_pdf_surface_create_for_stream (ink__cairo.cairo_pdf_surface_create_for_stream)
#define cairo_pdf_surface_set_metadata (ink__cairo.cairo_pdf_surface_set_metadata)
#define cairo_rectangle (ink__cairo.cairo_rectangle)
#define cairo_restore (ink__cairo.cairo_restore)
#define cairo_save (ink__cairo.cairo_save)
#define cairo_scale (ink__cairo.cairo_scale)
#define cairo_set_font_face (ink__cairo.cairo_set_font_face)
#define cairo_set_font_size (ink__cairo.cairo_set_font_size)
#define cairo_set_line_width (ink__cairo.cairo_set_line_width)
#define cairo_set_source_rgb (ink__cairo.cairo_set_source_rgb)
#define cairo_set_source_surface (ink__cairo.cairo_set_source_surface)
#define cairo_show_page (ink__cairo.cairo_show_page)
#define cairo_show_text_glyphs (ink__cairo.cairo_show_text_glyphs)
#define cairo_status (ink__cairo.cairo_status)
#define cairo_status_to_string (ink__cairo.cairo_status_to_string)
#define cairo_stroke (ink__cairo.cairo_stroke)
#define cairo_surface_destroy (ink__cairo.cairo_surface_destroy)
#define cairo_surface_finish (ink__cairo.cairo_surface_finish)
#define cairo_surface_flush (ink__cairo.cairo_surface_flush)
#define cairo_surface_mark_dirty (ink__cairo.cairo_surface_mark_dirty)
#define cairo_surface_set_mime_data (ink__cairo.cairo_surface_set_mime_data)
#define cairo_surface_status (ink__cairo.cairo_surface_status)
#define cairo_tag_begin (ink__cairo.cairo_tag_begin)
#define cairo_tag_end (ink__cairo.cairo_tag_end)
#define cairo_translate (ink__cairo.cairo_translate)
#endif
#endif

#endif
