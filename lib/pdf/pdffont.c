/* pdf/pdffont: the faces cairo embeds. cairo keeps a font face (and the FreeType face under
 * it) in its own caches after the surface is finished, for as long as it likes, so each
 * face it gets owns a FreeType library and a copy of the font data, freed by cairo through
 * the face's user data when it lets the face go. These outlive the context, so they are
 * allocated with malloc, not through the context's allocator (as cairo's own are). */
#include "pdf.h"

#ifdef INK_WITH_PDF
#include <cairo-ft.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <stdlib.h>
#include <string.h>

typedef struct {
  FT_Library lib;
  FT_Face face;
  void *data;
} held_t;

static const cairo_user_data_key_t held_key;

static void
held_free (void *p)
{
  held_t *h = p;
  if (h->face)
    FT_Done_Face (h->face);
  if (h->lib)
    FT_Done_FreeType (h->lib);
  free (h->data);
  free (h);
}

/* A cairo face over a private FreeType face for face's data; NULL when it cannot be made. */
static cairo_font_face_t *
make_face (const ink__face_t *face)
{
  held_t *h = calloc (1, sizeof *h);
  if (!h)
    return NULL;
  h->data = malloc (face->len ? face->len : 1);
  if (h->data)
    memcpy (h->data, face->data, face->len);
  if (!h->data || FT_Init_FreeType (&h->lib) != 0 ||
      FT_New_Memory_Face (h->lib, h->data, (FT_Long) face->len, (FT_Long) face->index,
                          &h->face) != 0) {
    held_free (h);
    return NULL;
  }
  cairo_font_face_t *cf = cairo_ft_font_face_create_for_ft_face (h->face, FT_LOAD_NO_HINTING);
  if (cairo_font_face_status (cf) != CAIRO_STATUS_SUCCESS ||
      cairo_font_face_set_user_data (cf, &held_key, h, held_free) != CAIRO_STATUS_SUCCESS) {
    cairo_font_face_destroy (cf);
    held_free (h);
    return NULL;
  }
  return cf;
}

cairo_font_face_t *
ink__pdf_font (ink__pdf_fonts_t *fonts, ink__face_t *face, ink_status_t *st)
{
  *st = INK_OK;
  for (size_t i = 0; i < fonts->keys.n; i++)
    if (fonts->keys.v[i] == face)
      return fonts->faces.v[i];
  if (!ink__vec_reserve (fonts->ctx, &fonts->keys, fonts->keys.n + 1) ||
      !ink__vec_reserve (fonts->ctx, &fonts->faces, fonts->faces.n + 1)) {
    *st = INK_NO_MEMORY;
    return NULL;
  }
  cairo_font_face_t *cf = make_face (face);
  if (!cf) {
    *st = ink__error (fonts->ctx, INK_FONT, "%s: cannot be embedded in a PDF", face->name);
    return NULL;
  }
  fonts->keys.v[fonts->keys.n++] = face;
  fonts->faces.v[fonts->faces.n++] = cf;
  return cf;
}

void
ink__pdf_fonts_free (ink__pdf_fonts_t *fonts)
{
  for (size_t i = 0; i < fonts->faces.n; i++)
    cairo_font_face_destroy (fonts->faces.v[i]);
  ink__vec_free (fonts->ctx, &fonts->keys);
  ink__vec_free (fonts->ctx, &fonts->faces);
}
#endif
