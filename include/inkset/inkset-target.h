#if !defined(INKSET_H_INSIDE) && !defined(INK_BUILDING)
#error "Include <inkset/inkset.h> instead."
#endif
#ifndef INKSET_TARGET_H
#define INKSET_TARGET_H

#include <inkset/inkset-common.h>
#include <inkset/inkset-raster.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Receives output bytes in order; returns INK_OK or INK_IO. */
typedef ink_status_t (*ink_write_fn) (void *user, const void *data, size_t len);

/* Writes len bytes to path whole or not at all (a temporary file renamed into place); the
 * *_file writers below do the same. A symlink at path is replaced, never followed; a
 * character device or pipe at path itself is written in place. */
INK_API ink_status_t ink_file_write (ink_context_t *ctx, const char *path, const void *data,
                                     size_t len);

/* A rectangle in native panel pixels. */
typedef struct { uint32_t x, y, width, height; } ink_rect_t;

/* PNG at the format's native depth (grey 1/2/4/8, or a palette for colour kinds) and raw bytes
 * exactly as the panel takes them. pixels is a packed frame of a page_width x page_height page
 * (ink_frame_render), size at least ink_frame_size. */
INK_API ink_status_t ink_png_write_file (ink_context_t *ctx, const char *path,
                                         const ink_pixfmt_t *fmt, uint32_t page_width,
                                         uint32_t page_height, const uint8_t *pixels, size_t size);
INK_API ink_status_t ink_png_write (ink_context_t *ctx, ink_write_fn fn, void *user,
                                    const ink_pixfmt_t *fmt, uint32_t page_width,
                                    uint32_t page_height, const uint8_t *pixels, size_t size);
INK_API ink_status_t ink_png_render (ink_context_t *ctx, ink_write_fn fn, void *user,
                                     const ink_frame_t *frame, uint32_t strip_rows);
INK_API ink_status_t ink_png_render_file (ink_context_t *ctx, const char *path,
                                          const ink_frame_t *frame, uint32_t strip_rows);
INK_API ink_status_t ink_raw_write_file (ink_context_t *ctx, const char *path,
                                         const ink_pixfmt_t *fmt, uint32_t page_width,
                                         uint32_t page_height, const uint8_t *pixels, size_t size);
INK_API ink_status_t ink_raw_write (ink_context_t *ctx, ink_write_fn fn, void *user,
                                    const ink_pixfmt_t *fmt, uint32_t page_width,
                                    uint32_t page_height, const uint8_t *pixels, size_t size);

/* Dirty rectangles between two packed native frames of the same page and format. */
INK_API ink_status_t ink_dirty_rects (const ink_pixfmt_t *fmt, uint32_t page_width,
                                      uint32_t page_height, const uint8_t *prev,
                                      const uint8_t *next, ink_rect_t *rects, size_t max_rects,
                                      size_t *count);

/* Refresh policy: when a full (flashing) refresh is due. Zeroed = the defaults. */
typedef enum { INK_REFRESH_NONE = 0, INK_REFRESH_PARTIAL = 1, INK_REFRESH_FULL = 2 } ink_refresh_t;
typedef struct {
  uint32_t full_every;        /* a full refresh after this many partials; 0 = 6 */
  uint8_t max_changed_pct;    /* a full refresh when more of the area changed; 0 = 50 */
  bool fast_is_mono;          /* the partial waveform is 1-bit: grey content needs a full one */
  uint32_t partials;          /* state: partial refreshes since the last full one */
} ink_refresh_policy_t;
INK_API ink_refresh_t ink_refresh_decide (ink_refresh_policy_t *policy, const ink_pixfmt_t *fmt,
                                          uint32_t page_width, uint32_t page_height,
                                          const ink_rect_t *rects, size_t count, bool has_grey);
INK_API bool ink_frame_has_grey (const ink_pixfmt_t *fmt, uint32_t page_width,
                                 uint32_t page_height, const uint8_t *pixels, size_t size);

/* A memory framebuffer: caller-owned pixels (what is drawn) and shadow (what the panel shows),
 * each ink_frame_size bytes. */
typedef struct {
  ink_pixfmt_t format;
  uint32_t page_width, page_height;
  uint8_t *pixels;
  uint8_t *shadow;   /* nullable: then every update is the full frame */
  size_t size;
} ink_memfb_t;
INK_API ink_status_t ink_memfb_update (ink_context_t *ctx, ink_memfb_t *fb, const ink_frame_t *frame,
                                       ink_rect_t *rects, size_t max_rects, size_t *count);

/* Linux framebuffer (fbdev, with the i.MX EPDC "mxcfb" update ioctls when present). */
typedef struct ink_fb ink_fb_t;
typedef enum {
  INK_WAVEFORM_FULL = 0,     /* flashing, all greys (GC16) */
  INK_WAVEFORM_PARTIAL = 1,  /* non-flashing greys (GL16) */
  INK_WAVEFORM_FAST = 2      /* fast, black and white only (DU) */
} ink_waveform_t;
typedef struct {
  /* Used only when the path is a regular file standing in for a device. */
  uint32_t width, height, bits_per_pixel, line_length;  /* line_length 0 = minimal */
  /* mxcfb waveform numbers for full, partial and fast; 0 = Kobo numbering (2, 5, 1). */
  uint32_t waveform[3];
  bool set_rotate;           /* write rotate to the device (FBIOPUT_VSCREENINFO) */
  uint8_t rotate;            /* 0..3 = 0/90/180/270, with set_rotate */
} ink_fb_options_t;
typedef struct {
  uint32_t width, height, bits_per_pixel, line_length, rotate;
  bool is_device, has_epdc;
} ink_fb_info_t;
INK_API ink_status_t ink_fb_open (ink_context_t *ctx, const char *path,
                                  const ink_fb_options_t *options, ink_fb_t **out);
INK_API void ink_fb_close (ink_fb_t *fb);
INK_API ink_status_t ink_fb_info (const ink_fb_t *fb, ink_fb_info_t *out);
INK_API ink_status_t ink_fb_draw (ink_fb_t *fb, const ink_frame_t *frame, uint32_t strip_rows);
INK_API ink_status_t ink_fb_write_rows (ink_fb_t *fb, uint32_t first_row, uint32_t rows,
                                        const uint8_t *gray8, size_t stride);
INK_API ink_status_t ink_fb_refresh (ink_fb_t *fb, const ink_rect_t *rect, ink_waveform_t waveform,
                                     bool wait);

#ifdef __cplusplus
}
#endif
#endif
