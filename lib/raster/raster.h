/* raster: the display list of a page drawn as 8-bit coverage-composited grey with a pixel
 * class per pixel (paper, text, line art, picture), for any rectangle of the page, so that
 * the pixel pipeline can render a page whole or in bands. Glyph bitmaps are cached with a
 * byte budget. Knows nothing of files or devices. */
#ifndef INK_RASTER_H
#define INK_RASTER_H

#include "paginate.h"

#include "pixels.h"

#ifndef INK_GLYPH_CACHE_BYTES
#define INK_GLYPH_CACHE_BYTES (4u << 20)
#endif

typedef struct ink__gslot ink__gslot_t;
typedef struct {
  ink__gslot_t *slots;
  size_t cap, count, bytes;
} ink__gcache_t;

/* A picture scaled to the size of its box on the page, kept while the picture budget allows
 * (raster/image.c). */
typedef struct {
  const ink__image_t *image;
  uint32_t w, h;
  unsigned channels;
  uint8_t *pixels;
} ink__scaled_t;

typedef struct {
  ink__gcache_t glyphs;
  INK_VEC (ink__scaled_t) images;
  size_t image_bytes;      /* pixels held by images */
} ink__raster_state_t;

/* The document's raster caches, made on first use; NULL when out of memory. */
ink__raster_state_t *ink__raster_state (ink_document_t *doc);

/* Finds or renders a glyph's coverage bitmap: INK_OK, INK_NO_MEMORY, or INK_FONT when the
 * font cannot draw it. */
ink_status_t ink__glyph_get (ink_document_t *doc, ink__face_t *face, float size_px, uint32_t gid,
                             unsigned phase, bool mono, int *left, int *top, int *w, int *h,
                             const uint8_t **bits);
void ink__glyph_cache_free (ink_context_t *ctx, ink__gcache_t *c);

/* Draws a picture item clipped to a rectangle. */
ink_status_t ink__raster_image (ink_document_t *doc, const ink__item_t *it, int32_t x, int32_t y,
                                uint32_t w, uint32_t h, uint8_t *gray, size_t gray_stride,
                                uint8_t *cls, size_t cls_stride, uint8_t *rgb, size_t rgb_stride);

/* Draws rectangle (x, y, w, h) of page into gray and cls (either nullable), each with its
 * stride; rgb (nullable) receives colour for colour targets. mono selects hinting and
 * rendering for 1-bit panels. */
ink_status_t ink__raster_rect (ink_document_t *doc, size_t page, bool mono, int32_t x, int32_t y,
                               uint32_t w, uint32_t h, uint8_t *gray, size_t gray_stride,
                               uint8_t *cls, size_t cls_stride, uint8_t *rgb, size_t rgb_stride);

#endif
