/* raster/pixels: from composited grey to the bytes a panel takes. The page is rendered on
 * demand, in logical page coordinates, through ink__render_rect_fn; the frame renderer walks
 * native rows in strips, tones and quantizes each pixel by its class (text and line art to the
 * nearest level, pictures dithered), and packs the codes in the format's layout.
 *
 *   ink_strips_t *s;
 *   ink__strips_begin (ctx, render, page, w, h, &fmt, INK_DITHER_BLUE_NOISE, 16, &s);
 *   while (ink__strips_next (s, buf0, buf1, &y0, &n) == INK_OK && n) send (buf0, y0, n);
 *   ink_strips_end (s);
 */
#ifndef INK_PIXELS_H
#define INK_PIXELS_H

#include <inkset/inkset-raster.h>
#include "core.h"

/* Pixel classes, one byte per pixel in the class plane. */
#define INK_PX_PAPER 0
#define INK_PX_TEXT 1
#define INK_PX_LINEART 2
#define INK_PX_IMAGE 3

/* Fills a w x h logical rectangle at (x, y): gray = 8-bit coverage-composited grey (0 black,
 * 255 paper), cls = one class byte per pixel (INK_PX_PAPER 0, INK_PX_TEXT 1, INK_PX_LINEART 2,
 * INK_PX_IMAGE 3), rgb = NULL unless the target is colour, then 3 bytes per pixel (pictures in
 * colour, text/rules in their colour). Each plane has its own stride in bytes. Must be
 * deterministic. */
typedef void (*ink__render_rect_fn) (void *user, int32_t x, int32_t y, uint32_t w, uint32_t h,
                                     uint8_t *gray, size_t gray_stride, uint8_t *cls, size_t cls_stride,
                                     uint8_t *rgb, size_t rgb_stride);

/* The columns drawn on in one row of a rectangle: every pixel that is not plain paper lies in
 * [x0, x1), every picture pixel in [ix0, ix1); a range is empty when its start is not below its
 * end. Page sides fit in 16 bits (INK_MAX_PAGE_SIDE). */
typedef struct {
  uint16_t x0, x1, ix0, ix1;
} ink__rowspan_t;

/* A render callback that keeps spans: the planes hold stale bytes on entry and spans[] (one per
 * row, h of them) are empty; before it writes a pixel it widens its row's span over it and
 * paints paper on the columns the span newly covers, so that only the spans are read back. */
typedef void (*ink__render_spans_fn) (void *user, int32_t x, int32_t y, uint32_t w, uint32_t h,
                                      uint8_t *gray, size_t gray_stride, uint8_t *cls,
                                      size_t cls_stride, uint8_t *rgb, size_t rgb_stride,
                                      ink__rowspan_t *spans);
/* The span-keeping twin of a render callback, or NULL when it has none (a caller's callback). */
ink__render_spans_fn ink__render_spans_of (ink__render_rect_fn fn);

/* The resolved tone and level tables of a format, computed once per render. */
typedef struct {
  ink_pixkind_t kind;
  unsigned bpp;
  unsigned nlevels;         /* grey: levels; colour: palette entries in use */
  uint8_t level[256];       /* grey: the L8 shown by level k */
  uint8_t code[256];        /* level or entry k -> the code packed (before polarity) */
  uint8_t nearest[256];     /* grey: L8 -> nearest level */
  uint8_t lower[256];       /* grey, ordered dither: level at or below v */
  uint8_t frac[256];        /* ... and v's position towards the next level, 0..255 */
  uint8_t image_lut[256];   /* pictures: gamma and contrast */
  uint8_t text_lut[256];    /* text and line art: darkening */
  uint8_t pal[8][3];        /* colour: entry k's measured sRGB */
  uint8_t white;            /* the code of paper white */
  uint8_t paper_code[256];  /* grey: L8 -> code for paper pixels (nearest level) */
  uint8_t text_code[256];   /* grey: L8 -> code for text and line art (darkened, nearest) */
  bool text_as_paper;       /* the two tables are the same (no darkening) */
  bool even16;              /* paper_code is INK_EVEN16 (16 levels evenly spread) */
} ink__tone_t;

/* The nearest of 16 levels 17 apart to an L8 v, (v + 8) / 17, as a multiply (exact for every
 * byte, and in 16-bit lanes): scalar or vector. */
#define INK_EVEN16(v) ((((v) + 8) * 241) >> 12)

/* Resolved layout of a frame. */
typedef struct {
  ink_pixfmt_t fmt;         /* bpp filled in */
  uint32_t page_w, page_h;
  ink_frame_geometry_t geo;
} ink__layout_t;

ink_status_t ink__layout (const ink_pixfmt_t *fmt, uint32_t page_w, uint32_t page_h,
                          ink__layout_t *out);
void ink__tone_init (const ink_pixfmt_t *fmt, ink__tone_t *tone);
/* Nearest palette entry (index into tone->pal) of a colour tone to an sRGB triple. */
unsigned ink__palette_nearest (const ink__tone_t *tone, int r, int g, int b);
/* The colour of each native index (the format's measured one or the built-in); returns how
 * many indices the kind has. */
unsigned ink__palette_colors (const ink_pixfmt_t *fmt, uint8_t rgb[8][3]);

/* Packs one native row of codes (level or palette codes, before polarity). plane1 is the red
 * plane of BWR, else unused. Padding bits and bytes up to the stride get paper white. */
void ink__pack_row (const ink__layout_t *lay, const ink__tone_t *tone, const uint8_t *codes,
                    uint8_t *plane0, uint8_t *plane1);
/* Packs only the bytes that hold native pixels [x0, x1) of a row; codes must be set for every
 * pixel of those bytes. The other bytes are left as they are. */
void ink__pack_span (const ink__layout_t *lay, const ink__tone_t *tone, const uint8_t *codes,
                     uint32_t x0, uint32_t x1, uint8_t *plane0, uint8_t *plane1);
/* Whether grey rows of this layout and tone pack straight from L8 (ink__pack_grey4): 4 bits,
 * leftmost pixel in the high bits, no inversion, text quantized as paper. */
bool ink__pack_grey4_ok (const ink__layout_t *lay, const ink__tone_t *tone);
/* Quantizes and packs native pixels [x0, x1) of a row, both even, in one pass: the bytes
 * ink__quantize_span then ink__pack_span would write, but for those of 8 white pixels in a
 * row, which are left as they are (the caller's row holds paper there). Only where
 * ink__pack_grey4_ok. */
void ink__pack_grey4 (const ink__tone_t *tone, const uint8_t *gray, uint32_t x0, uint32_t x1,
                      uint8_t *plane0);
/* Reads back the code of native pixel x of a packed row (polarity undone). For BWR: 0 black,
 * 1 white, 2 red. */
unsigned ink__unpack_pixel (const ink__layout_t *lay, const uint8_t *plane0, const uint8_t *plane1,
                            uint32_t x);

/* Native (nx, ny) -> logical: lx = ax + bx * nx, ly = ay + by * nx for a row ny. */
typedef struct { int64_t ax, bx, ay, by; } ink__rowmap_t;
void ink__rowmap (const ink__layout_t *lay, uint32_t ny, ink__rowmap_t *map);

/* Dither state over native rows; error rows persist across strips. */
typedef struct {
  ink_dither_t method;
  const ink__tone_t *tone;
  uint32_t width;
  unsigned channels;        /* 1 grey, 3 colour */
  int32_t *err[3];          /* rows y, y+1, y+2; (width + 4) * channels each */
  bool dirty[3];            /* the row holds error to clear */
  size_t err_bytes;
} ink__dither_t;

ink_status_t ink__dither_init (ink_context_t *ctx, ink__dither_t *d, ink_dither_t method,
                               const ink__tone_t *tone, uint32_t width);
void ink__dither_free (ink_context_t *ctx, ink__dither_t *d);
/* Quantizes pixels [x0, x1) of native row ny, the span of its picture pixels: gray/cls/rgb hold
 * the row's pixels indexed by native x. Call ink__dither_next_row after each row. */
void ink__dither_row (ink__dither_t *d, uint32_t ny, const ink__rowmap_t *map, const uint8_t *gray,
                      const uint8_t *cls, const uint8_t *rgb, uint32_t x0, uint32_t x1,
                      uint8_t *codes);
/* Moves the error rows on by one native row (with or without a call to ink__dither_row). */
void ink__dither_next_row (ink__dither_t *d);
/* Clears the error rows, as at the top of a frame. */
void ink__dither_reset (ink__dither_t *d);
/* Quantizes pixels [x0, x1) of a row that holds no picture pixel there: each to its nearest
 * level (text and line art darkened first) or, in colour, to black, white or the nearest
 * palette entry. Same arrays as ink__dither_row. */
void ink__quantize_span (const ink__tone_t *tone, const uint8_t *gray, const uint8_t *cls,
                         const uint8_t *rgb, uint32_t x0, uint32_t x1, uint8_t *codes);
/* The 64x64 blue-noise ranks (0..4095), and the generator that made them. */
extern const uint16_t ink__bluenoise64[64 * 64];
ink_status_t ink__bluenoise_generate (ink_context_t *ctx, unsigned side, uint16_t *ranks);

/* Strips of native rows. out0/out1: the rows of plane 0 and plane 1 (BWR), each rows * stride. */
ink_status_t ink__strips_begin (ink_context_t *ctx, ink__render_rect_fn fn, void *user,
                                uint32_t page_w, uint32_t page_h, const ink_pixfmt_t *fmt,
                                ink_dither_t method, uint32_t strip_rows, ink_strips_t **out);
ink_status_t ink__strips_next (ink_strips_t *s, uint8_t *out0, uint8_t *out1, uint32_t *first_row,
                               uint32_t *rows);
/* Moves to a native row, rendering and dropping the rows before it when dithering needs them. */
ink_status_t ink__strips_seek (ink_strips_t *s, uint32_t row);
const ink__layout_t *ink__strips_layout (const ink_strips_t *s);
const ink__tone_t *ink__strips_tone (const ink_strips_t *s);

/* A frame's own fields, before its format is checked: INK_INVALID for NULL, INK_UNSUPPORTED
 * when its reserved room holds a field of a newer version. */
ink_status_t ink__frame_check (ink_context_t *ctx, const ink_frame_t *frame);

/* Renders a whole packed frame into out (geometry size bytes). */
ink_status_t ink__frame_render (ink_context_t *ctx, ink__render_rect_fn fn, void *user,
                                uint32_t page_w, uint32_t page_h, const ink_pixfmt_t *fmt,
                                ink_dither_t method, uint8_t *out, size_t out_size);

/* Scales an 8-bit image of 1 (grey) or 3 (RGB) channels into dst: area averaging on an axis that
 * shrinks, bilinear on one that grows. */
ink_status_t ink__image_scale (ink_context_t *ctx, const uint8_t *src, uint32_t src_w,
                               uint32_t src_h, size_t src_stride, uint8_t *dst, uint32_t dst_w,
                               uint32_t dst_h, size_t dst_stride, unsigned channels);
/* Only rows row0 .. row0 + rows - 1 of that result, into dst (which holds rows rows). */
ink_status_t ink__image_scale_rows (ink_context_t *ctx, const uint8_t *src, uint32_t src_w,
                                    uint32_t src_h, size_t src_stride, uint8_t *dst,
                                    uint32_t dst_w, uint32_t dst_h, size_t dst_stride,
                                    unsigned channels, uint32_t row0, uint32_t rows);

#endif
