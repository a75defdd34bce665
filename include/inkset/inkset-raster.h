#if !defined(INKSET_H_INSIDE) && !defined(INK_BUILDING)
#error "Include <inkset/inkset.h> instead."
#endif
#ifndef INKSET_RASTER_H
#define INKSET_RASTER_H

#include <inkset/inkset-common.h>

#ifdef __cplusplus
extern "C" {
#endif

/* What a panel's pixels mean. */
typedef enum {
  INK_PIXKIND_GRAY = 0,     /* grey levels, 1/2/4/8 bits per pixel */
  INK_PIXKIND_BWR = 1,      /* black/white/red: two 1-bit planes (black plane, then red plane) */
  INK_PIXKIND_ACEP7 = 2,    /* 7-colour ACeP indices, 4 bits per pixel */
  INK_PIXKIND_SPECTRA6 = 3  /* Spectra 6 indices (0 black 1 white 2 yellow 3 red 5 blue 6 green) */
} ink_pixkind_t;

/* Clockwise rotation of the logical page in the panel's native (controller RAM) orientation. */
typedef enum { INK_ROTATE_0 = 0, INK_ROTATE_90 = 1, INK_ROTATE_180 = 2, INK_ROTATE_270 = 3 } ink_rotate_t;

/* How pictures are brought to the panel's levels. Text and line art are never dithered. */
typedef enum {
  INK_DITHER_NONE = 0,
  INK_DITHER_FLOYD_STEINBERG = 1,
  INK_DITHER_ATKINSON = 2,
  INK_DITHER_BAYER = 3,       /* ordered, 8x8 */
  INK_DITHER_BLUE_NOISE = 4,  /* ordered, 64x64 void-and-cluster mask */
  INK_DITHER_COUNT_
} ink_dither_t;

/* The class of each rendered pixel; decides how it is quantized. */
typedef enum {
  INK_CLASS_PAPER = 0, INK_CLASS_TEXT = 1, INK_CLASS_LINEART = 2, INK_CLASS_IMAGE = 3
} ink_pixel_class_t;

/* A panel's pixel format and profile. A zeroed struct is 8-bit grey, 0 = black, rows of minimal
 * stride, no rotation. Grow only at the end. */
typedef struct {
  uint8_t bpp;              /* 1, 2, 4 or 8 (grey); 0 means 8. Colour kinds fix it. */
  bool lsb_first;           /* the leftmost pixel sits in the low bits of its byte */
  bool invert;              /* polarity: the highest code is black */
  ink_pixkind_t kind;
  ink_rotate_t rotate;
  bool mirror_x, mirror_y;  /* applied in native coordinates, after rotation */
  uint32_t stride;          /* bytes per native row (per plane); 0 = minimal */
  uint8_t row_align;        /* the minimal stride is rounded up to this many bytes; 0 = 1 */
  uint8_t x_align;          /* partial-window x alignment in native px; 0 = 8 */
  uint16_t gray_steps;      /* 8-bit grey only: distinct greys the panel shows; 0 = 256 */
  uint8_t levels[16];       /* bpp <= 4 grey: the L8 grey (0 black, 255 white) the panel really
                             * shows for each code, non-decreasing; all zero = evenly spaced */
  float image_gamma;        /* pictures: out = 255 * (v/255)^(1/gamma); lower is darker; 0 = 1 */
  float image_contrast;     /* pictures: scale around mid-grey; 0 = 1 */
  uint8_t text_darken;      /* text and line art: antialiasing darkening, 0 none .. 255 most */
  uint8_t palette[8][3];    /* colour kinds: measured sRGB per native index; all zero = built-in */
} ink_pixfmt_t;

/* The native shape of a frame of a page in a format. */
typedef struct {
  uint32_t native_width, native_height;  /* follow the rotation */
  uint32_t stride;                       /* bytes per native row, per plane */
  uint32_t planes;                       /* 2 for BWR, else 1 */
  size_t size;                           /* planes * stride * native_height */
} ink_frame_geometry_t;

/* Fills a w x h logical rectangle at (x, y). gray: 8-bit composited grey (0 black, 255 paper);
 * cls: one ink_pixel_class_t byte per pixel; rgb: NULL unless the format is colour, then 3 bytes
 * per pixel. Each plane has its own stride in bytes. Must be deterministic: it may be called
 * more than once for the same pixels. */
typedef void (*ink_render_rect_fn) (void *user, int32_t x, int32_t y, uint32_t w, uint32_t h,
                                    uint8_t *gray, size_t gray_stride, uint8_t *cls,
                                    size_t cls_stride, uint8_t *rgb, size_t rgb_stride);

/* A page to render: its logical size, the target format, the picture dither and the source. */
typedef struct {
  uint32_t width, height;   /* logical page size in px */
  ink_pixfmt_t format;
  ink_dither_t dither;
  ink_render_rect_fn render;
  void *user;
} ink_frame_t;

/* A plain image as a page source, for ink_image_source_render. */
typedef struct {
  const uint8_t *gray;      /* width x height L8 */
  size_t gray_stride;
  const uint8_t *cls;       /* nullable: every pixel is a picture */
  size_t cls_stride;
  const uint8_t *rgb;       /* nullable: colour formats then use the grey */
  size_t rgb_stride;
  uint32_t width, height;   /* outside this, the page is paper */
} ink_image_source_t;

typedef struct ink_strips ink_strips_t;

INK_API ink_status_t ink_pixfmt_preset (const char *name, ink_pixfmt_t *out);
INK_API const char *ink_pixfmt_preset_name (size_t index);
INK_API ink_status_t ink_pixfmt_check (const ink_pixfmt_t *fmt);
INK_API const char *ink_dither_name (ink_dither_t method);
INK_API ink_status_t ink_dither_from_name (const char *name, ink_dither_t *out);

INK_API ink_status_t ink_frame_geometry (const ink_pixfmt_t *fmt, uint32_t page_width,
                                         uint32_t page_height, ink_frame_geometry_t *out);
INK_API size_t ink_frame_size (const ink_pixfmt_t *fmt, uint32_t page_width, uint32_t page_height);
INK_API ink_status_t ink_frame_render (ink_context_t *ctx, const ink_frame_t *frame, uint8_t *out,
                                       size_t out_size);
INK_API ink_status_t ink_frame_render_rows (ink_context_t *ctx, const ink_frame_t *frame,
                                            uint32_t first_row, uint32_t rows, uint8_t *out,
                                            size_t out_size, size_t *memory_used);

INK_API ink_status_t ink_strips_begin (ink_context_t *ctx, const ink_frame_t *frame,
                                       uint32_t strip_rows, ink_strips_t **out);
INK_API ink_status_t ink_strips_next (ink_strips_t *strips, uint8_t *out, size_t out_size,
                                      uint32_t *first_row, uint32_t *rows);
INK_API size_t ink_strips_buffer_size (const ink_strips_t *strips);
INK_API size_t ink_strips_memory (const ink_strips_t *strips);
INK_API void ink_strips_end (ink_strips_t *strips);

INK_API void ink_image_source_render (void *source, int32_t x, int32_t y, uint32_t w, uint32_t h,
                                      uint8_t *gray, size_t gray_stride, uint8_t *cls,
                                      size_t cls_stride, uint8_t *rgb, size_t rgb_stride);

#ifdef __cplusplus
}
#endif
#endif
