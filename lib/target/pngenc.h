/* target/pngenc: what the two PNG encoders share. png.c encodes through libpng and zlib, row
 * by row; pngdeflate.c (INK_WITH_LIBDEFLATE) compresses them with inkset's encoder for pages
 * (pagedeflate.c) as it reads them, writing PNG's chunks itself. Both give the same pixels, not the
 * same bytes. */
#ifndef INK_PNGENC_H
#define INK_PNGENC_H

#include "pixels.h"
#include <inkset/inkset-target.h>

/* Fills the PNG row of native row y (codes, leftmost pixel in the high bits); returns
 * INK_OK or an error. */
typedef ink_status_t (*ink__png_rows_fn) (void *src, uint32_t y, uint8_t *png_row);

/* The PNG bit depth of a layout: the format's bits per pixel, 2 for black-white-red. */
unsigned ink__png_depth (const ink__layout_t *lay);

/* The whole PNG of a frame, its rows from rows (in order, once each, as the encoder reads
 * them), one zlib stream (INK_WITH_LIBDEFLATE builds); errors are recorded on ctx. */
ink_status_t ink__png_emit_whole (ink_context_t *ctx, ink_write_fn fn, void *user,
                                  const ink__layout_t *lay, ink__png_rows_fn rows, void *src);

/* ink_png_write through libpng and zlib whatever the build: the tests compare both
 * encoders' pixels. */
ink_status_t ink__png_write_zlib (ink_context_t *ctx, ink_write_fn fn, void *user,
                                  const ink_pixfmt_t *fmt, uint32_t page_width,
                                  uint32_t page_height, const uint8_t *pixels, size_t size);

#endif
