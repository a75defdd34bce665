/**
 * @file inkset-target.h
 * @brief Where frames go: files written whole, PNG and raw bytes, dirty rectangles and refresh
 * policy, a memory framebuffer, and the Linux framebuffer.
 */
#if !defined(INKSET_H_INSIDE) && !defined(INK_BUILDING)
#error "Include <inkset/inkset.h> instead."
#endif
#ifndef INKSET_TARGET_H
#define INKSET_TARGET_H

#include <inkset/inkset-common.h>
#include <inkset/inkset-raster.h>
#include <inkset/inkset-template.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Receives output bytes in order, during the writing call and on its thread.
 *
 * @param user the pointer given with the callback
 * @param data the next bytes, valid only during the call
 * @param len how many
 * @return INK_OK to go on; any other status stops the writer, which returns it.
 */
typedef ink_status_t (*ink_write_fn) (void *user, const void *data, size_t len);

/**
 * What a caller asks of the output over the template's own panel (ink_pixfmt_for_template()).
 * Set struct_size to sizeof (ink_pixfmt_request_t) and zero the rest for the template's own
 * format and dither. Fields are added at the end in later versions.
 */
typedef struct {
  size_t struct_size;       /**< sizeof (ink_pixfmt_request_t) as compiled; checked */
  const char *panel;        /**< a preset (ink_pixfmt_preset()); NULL: grey at the template's
                             * depth */
  unsigned bpp;             /**< 1, 2, 4 or 8; 0: the preset's or the template's depth. Asking a
                             * depth also sets aside the template's dither */
  ink_rotate_t rotate;      /**< the page's rotation for the panel */
  const uint8_t *levels;    /**< nullable: a measured calibration, the grey (0 black .. 255
                             * white) the panel shows for each code (ink_pixfmt_t::levels) */
  size_t nlevels;           /**< greys in levels: 2, 4 or 16, one per code of the depth */
  const char *dither;       /**< a method's name (ink_dither_from_name()); NULL: the template's,
                             * else blue noise at 1 bpp and Floyd-Steinberg deeper */
} ink_pixfmt_request_t;

/**
 * The pixel format and picture dither pages of @p tpl go out in: the template's panel depth
 * and dither, with what @p request asks over them. `inkset render` chooses with this call, so
 * a caller that passes the same request gets the same pixels (docs/output.md).
 *
 * @param ctx a context, for the message on failure
 * @param tpl the template
 * @param request (nullable) what is asked over the template; NULL for the template's own
 * @param fmt receives the format, ready for ink_document_frame(); zeroed on failure
 * @param dither receives the dither for pictures
 * @return INK_OK; INK_NOT_FOUND for an unknown panel preset or dither name; INK_INVALID for a
 *   NULL argument, a bad value, or a format that cannot be made (the message says which asked
 *   value is at fault); INK_UNSUPPORTED for a field of a later version.
 * @since 0.2
 */
INK_API ink_status_t ink_pixfmt_for_template (ink_context_t *ctx, const ink_template_t *tpl,
                                              const ink_pixfmt_request_t *request,
                                              ink_pixfmt_t *fmt, ink_dither_t *dither);

/**
 * Writes bytes to a file whole or not at all.
 *
 * Writes @p len bytes to @p path whole or not at all: they go to a new file in the same folder
 * (mode 0644 less the umask), which is synced and then renamed over @p path. A symlink at 
 * @p path is replaced, not followed; on failure the previous file is left as it was. A character
 * device or a pipe at @p path itself is written in place, as a stream; a directory or a block
 * device there is an error.
 *
 * @param ctx a context
 * @param path the file to write
 * @param data the bytes
 * @param len how many
 * @return INK_OK, INK_INVALID, INK_NO_MEMORY, INK_LIMIT (a path longer than the system takes)
 *   or INK_IO; the message (ink_context_error()) names @p path once and says why.
 * @since 0.1
 */
INK_API ink_status_t ink_file_write (ink_context_t *ctx, const char *path, const void *data,
                                     size_t len);

/** A rectangle in native panel pixels. */
typedef struct {
  uint32_t x;        /**< left column */
  uint32_t y;        /**< top row */
  uint32_t width;    /**< columns */
  uint32_t height;   /**< rows */
} ink_rect_t;

/**
 * Encodes a packed frame as a PNG file at the format's native depth (grey 1/2/4/8 bits, or a
 * palette for colour kinds). Writes the PNG whole or not at all, as ink_file_write() does.
 *
 * @param ctx a context
 * @param path the file to write (replaced, or left as it was on failure)
 * @param fmt the frame's format
 * @param page_width the logical page width
 * @param page_height the logical page height
 * @param pixels the packed frame
 * @param size bytes at @p pixels
 * @return INK_OK, INK_INVALID, INK_NO_MEMORY, INK_LIMIT or INK_IO; the message names @p path
 *   once and says why.
 * @since 0.1
 */
INK_API ink_status_t ink_png_write_file (ink_context_t *ctx, const char *path,
                                         const ink_pixfmt_t *fmt, uint32_t page_width,
                                         uint32_t page_height, const uint8_t *pixels, size_t size);

/**
 * Encodes a packed frame (ink_frame_render()) as a PNG at the format's native depth (grey
 * 1/2/4/8 bits, or a palette for colour kinds), handing the bytes to @p fn. Built with
 * libdeflate (INK_WITH_LIBDEFLATE, the default), the rows are compressed by inkset's own
 * deflate encoder (libdeflate computing the checksums) as it reads them, the room for the
 * compressed bytes and the encoder's working memory (its window on the rows) from @p ctx;
 * otherwise libpng and zlib encode them, allocating
 * through @p ctx's hook. The pixels are the same either way, the
 * bytes are not.
 *
 * @param ctx a context
 * @param fn receives the PNG bytes
 * @param user passed to @p fn
 * @param fmt the frame's format
 * @param page_width the logical page width (the PNG is native: rotated as the frame is)
 * @param page_height the logical page height
 * @param pixels the packed frame
 * @param size bytes at @p pixels
 * @return INK_OK, INK_INVALID, INK_NO_MEMORY, or @p fn's error.
 * @since 0.1
 */
INK_API ink_status_t ink_png_write (ink_context_t *ctx, ink_write_fn fn, void *user,
                                    const ink_pixfmt_t *fmt, uint32_t page_width,
                                    uint32_t page_height, const uint8_t *pixels, size_t size);

/**
 * Renders the frame strip by strip into a PNG. Built without libdeflate
 * (-DINK_WITH_LIBDEFLATE=OFF) it needs no whole-frame buffer; with it, each row is drawn when
 * the deflate encoder reads it, as ink_png_write() encodes: the same bytes as ink_png_write().
 * The room for the compressed bytes is reserved at their bound (about the frame's size) and
 * touched only as far as they reach.
 *
 * @param ctx a context
 * @param fn receives the PNG bytes, in order, during the call
 * @param user passed to @p fn
 * @param frame the page to render
 * @param strip_rows native rows rendered at a time (0: 64); memory is O(native width x rows)
 *   but for the compressed bytes' room with libdeflate
 * @return INK_OK, INK_INVALID, INK_NO_MEMORY, or @p fn's error.
 * @since 0.1
 */
INK_API ink_status_t ink_png_render (ink_context_t *ctx, ink_write_fn fn, void *user,
                                     const ink_frame_t *frame, uint32_t strip_rows);

/**
 * Renders the frame strip by strip into a PNG file. Writes the PNG whole or not at all, as
 * ink_file_write() does.
 *
 * @param ctx a context
 * @param path the file to write (replaced, or left as it was on failure)
 * @param frame the page to render
 * @param strip_rows native rows rendered at a time (0: 64)
 * @return as ink_png_render(), or INK_LIMIT or INK_IO; the message names @p path once and says
 *   why.
 * @since 0.1
 */
INK_API ink_status_t ink_png_render_file (ink_context_t *ctx, const char *path,
                                          const ink_frame_t *frame, uint32_t strip_rows);

/**
 * Writes a packed frame to a file exactly as the panel takes it (see ink_raw_write()), whole or
 * not at all, as ink_file_write() does.
 *
 * @param ctx a context
 * @param path the file to write (replaced, or left as it was on failure)
 * @param fmt the frame's format
 * @param page_width the logical page width
 * @param page_height the logical page height
 * @param pixels the packed frame
 * @param size bytes at @p pixels
 * @return INK_OK, INK_INVALID, INK_NO_MEMORY, INK_LIMIT or INK_IO; the message names @p path
 *   once and says why.
 * @since 0.1
 */
INK_API ink_status_t ink_raw_write_file (ink_context_t *ctx, const char *path,
                                         const ink_pixfmt_t *fmt, uint32_t page_width,
                                         uint32_t page_height, const uint8_t *pixels, size_t size);

/**
 * Writes the frame exactly as the panel takes it: ink_frame_size() bytes, rows at the format's
 * stride, plane 0 then (BWR) plane 1.
 *
 * @param ctx a context
 * @param fn receives the bytes
 * @param user passed to @p fn
 * @param fmt the frame's format
 * @param page_width the logical page width
 * @param page_height the logical page height
 * @param pixels the packed frame
 * @param size bytes at @p pixels
 * @return INK_OK, INK_INVALID or @p fn's error.
 * @since 0.1
 */
INK_API ink_status_t ink_raw_write (ink_context_t *ctx, ink_write_fn fn, void *user,
                                    const ink_pixfmt_t *fmt, uint32_t page_width,
                                    uint32_t page_height, const uint8_t *pixels, size_t size);

/**
 * Finds the rectangles that differ between two packed native frames of the same page and
 * format: what a partial refresh must update. Time is linear in the frame size.
 *
 * @param fmt the frames' format
 * @param page_width the logical page width
 * @param page_height the logical page height
 * @param prev the frame the panel shows
 * @param next the frame to show
 * @param rects receives the rectangles, in native coordinates, x aligned to fmt->x_align (8
 *   when 0) and clipped to the panel; together they cover every pixel that differs
 * @param max_rects room at @p rects, at least 1
 * @param count receives how many were written (0: the frames are equal)
 * @return INK_OK or INK_INVALID.
 * @since 0.1
 */
INK_API ink_status_t ink_dirty_rects (const ink_pixfmt_t *fmt, uint32_t page_width,
                                      uint32_t page_height, const uint8_t *prev,
                                      const uint8_t *next, ink_rect_t *rects, size_t max_rects,
                                      size_t *count);

/** The refresh a panel needs (ink_refresh_decide()). */
typedef enum {
  INK_REFRESH_NONE = 0,      /**< nothing changed */
  INK_REFRESH_PARTIAL = 1,   /**< a partial (non-flashing) refresh of the dirty rectangles */
  INK_REFRESH_FULL = 2       /**< a full, flashing refresh, which clears ghosting */
} ink_refresh_t;

/**
 * Refresh policy: when a full (flashing) refresh is due, and the count it keeps. Zeroed = the
 * defaults. Caller storage, kept from one update to the next.
 */
typedef struct {
  uint32_t full_every;        /**< a full refresh after this many partials; 0 = 6 */
  uint8_t max_changed_pct;    /**< a full refresh when more of the area changed; 0 = 50 */
  bool fast_is_mono;          /**< the partial waveform is 1-bit: grey content needs a full one */
  uint32_t partials;          /**< state: partial refreshes since the last full one */
} ink_refresh_policy_t;

/**
 * Decides the refresh an update needs under a policy, and counts it in the policy's state.
 *
 * A full refresh is due on colour panels (always), when the partial budget is spent, when more
 * than max_changed_pct of the area changed, or when a 1-bit fast waveform would have to show
 * greys. Nothing changed: INK_REFRESH_NONE.
 *
 * @param policy the policy and its state (partials since the last full refresh), updated
 * @param fmt the panel's format
 * @param page_width the logical page width
 * @param page_height the logical page height
 * @param rects the dirty rectangles (ink_dirty_rects())
 * @param count how many
 * @param has_grey the new frame holds greys between black and white (ink_frame_has_grey())
 * @return the refresh to make.
 * @since 0.1
 */
INK_API ink_refresh_t ink_refresh_decide (ink_refresh_policy_t *policy, const ink_pixfmt_t *fmt,
                                          uint32_t page_width, uint32_t page_height,
                                          const ink_rect_t *rects, size_t count, bool has_grey);

/**
 * Tells whether a packed grey frame holds greys between black and white, which a 1-bit fast
 * waveform cannot show.
 *
 * @param fmt the frame's format
 * @param page_width the logical page width
 * @param page_height the logical page height
 * @param pixels the packed frame
 * @param size bytes at @p pixels
 * @return true if a grey frame holds a level other than black and white; false for 1-bit and
 *   colour formats and bad arguments.
 * @since 0.1
 */
INK_API bool ink_frame_has_grey (const ink_pixfmt_t *fmt, uint32_t page_width,
                                 uint32_t page_height, const uint8_t *pixels, size_t size);

/**
 * A memory framebuffer for a panel driven by the caller (SPI, I2C, a remote device): the
 * pixels drawn and a shadow of what the panel shows, both caller-owned, so that each update
 * reports only what changed.
 */
typedef struct {
  ink_pixfmt_t format;      /**< the panel's format */
  uint32_t page_width;      /**< the logical page width in px */
  uint32_t page_height;     /**< the logical page height in px */
  uint8_t *pixels;          /**< the frame drawn, ink_frame_size() bytes */
  uint8_t *shadow;          /**< nullable: what the panel shows, as many bytes; NULL: every
                             * update is the full frame */
  size_t size;              /**< bytes at pixels and at shadow */
} ink_memfb_t;

/**
 * Renders a page into a memory framebuffer and reports what changed since the last update, for
 * a panel the caller drives itself.
 *
 * Renders into fb->pixels, compares with fb->shadow and copies the new frame there.
 *
 * @param ctx a context
 * @param fb a memory framebuffer; its format and page size rule (the frame's are not used).
 *   Its pixels and shadow are written; nothing is kept after the call
 * @param frame the page: its render callback, user pointer and dither
 * @param rects receives the native rectangles that changed since the last update
 * @param max_rects room at @p rects, at least 1
 * @param count receives how many (the whole frame when @p fb has no shadow)
 * @return INK_OK, INK_INVALID or INK_NO_MEMORY.
 * @since 0.1
 */
INK_API ink_status_t ink_memfb_update (ink_context_t *ctx, ink_memfb_t *fb, const ink_frame_t *frame,
                                       ink_rect_t *rects, size_t max_rects, size_t *count);

/**
 * A Linux framebuffer (fbdev, with the i.MX EPDC "mxcfb" update ioctls when present), or a
 * regular file standing in for one. Single owner (ink_fb_open(), ink_fb_close()); used on one
 * thread at a time, like the context it was opened with.
 */
typedef struct ink_fb ink_fb_t;

/** The e-ink update waveforms of ink_fb_refresh(). */
typedef enum {
  INK_WAVEFORM_FULL = 0,     /**< flashing, all greys (GC16) */
  INK_WAVEFORM_PARTIAL = 1,  /**< non-flashing greys (GL16) */
  INK_WAVEFORM_FAST = 2      /**< fast, black and white only (DU) */
} ink_waveform_t;

/**
 * How to open a framebuffer (ink_fb_open()). Set struct_size to sizeof (ink_fb_options_t) and
 * zero the rest for the defaults. Fields are added at the end in later versions.
 */
typedef struct {
  size_t struct_size;        /**< sizeof (ink_fb_options_t) as compiled; checked */
  uint32_t width;            /**< regular file only: width in px */
  uint32_t height;           /**< regular file only: height in px */
  uint32_t bits_per_pixel;   /**< regular file only: 8, 16 or 32 */
  uint32_t line_length;      /**< regular file only: bytes per row; 0 = minimal */
  uint32_t waveform[3];      /**< mxcfb waveform numbers for full, partial and fast; 0 = Kobo
                              * numbering (2, 5, 1) */
  bool set_rotate;           /**< write rotate to the device (FBIOPUT_VSCREENINFO) */
  uint8_t rotate;            /**< 0..3 = 0/90/180/270, with set_rotate */
} ink_fb_options_t;

/**
 * What a framebuffer is (ink_fb_info()). The caller sets struct_size to
 * sizeof (ink_fb_info_t); the library fills no more than that. Fields are added at the end in
 * later versions.
 */
typedef struct {
  size_t struct_size;        /**< sizeof (ink_fb_info_t) as compiled; set by the caller */
  uint32_t width;            /**< width in px, as rendered into */
  uint32_t height;           /**< height in px */
  uint32_t bits_per_pixel;   /**< 8, 16 or 32 */
  uint32_t line_length;      /**< bytes per row */
  uint32_t rotate;           /**< the device's rotation, 0..3 */
  bool is_device;            /**< a device, not a regular file */
  bool has_epdc;             /**< the device takes EPDC update ioctls */
} ink_fb_info_t;

/**
 * Opens a Linux framebuffer device, or a regular file standing in for one (for tests), and maps
 * it.
 *
 * @param ctx a context; it must outlive the framebuffer
 * @param path a framebuffer device (/dev/fb0), or a regular file standing in for one
 * @param options (nullable) geometry for a regular file, waveform numbers, rotation to set;
 *   NULL for the defaults; not kept. INK_INVALID when its struct_size is too small,
 *   INK_UNSUPPORTED when it sets a field this library lacks
 * @param out receives the framebuffer, owned by the caller (ink_fb_close()); NULL on failure
 * @return INK_OK; INK_IO when the device cannot be opened or queried (the message says why);
 *   INK_INVALID for a file without a geometry; INK_UNSUPPORTED for a depth other than 8, 16 or
 *   32 bits, or when inkset was built without INK_WITH_FBDEV.
 * @since 0.1
 */
INK_API ink_status_t ink_fb_open (ink_context_t *ctx, const char *path,
                                  const ink_fb_options_t *options, ink_fb_t **out);

/**
 * Unmaps and closes a framebuffer.
 *
 * @param fb a framebuffer, or NULL (nothing is done)
 * @since 0.1
 */
INK_API void ink_fb_close (ink_fb_t *fb);

/**
 * What a framebuffer is: the size and format to render for it.
 *
 * @param fb a framebuffer
 * @param out receives its geometry: width and height (as rendered into: the page is drawn with
 *   a format whose native size is this), depth, line_length, rotation, and whether it is a
 *   device and has an EPDC update ioctl. Its struct_size must be set
 * @return INK_OK, INK_INVALID (also for a struct_size below the first version's), or
 *   INK_UNSUPPORTED without INK_WITH_FBDEV.
 * @since 0.1
 */
INK_API ink_status_t ink_fb_info (const ink_fb_t *fb, ink_fb_info_t *out);

/**
 * Renders the page in strips straight into the framebuffer memory. Call ink_fb_refresh() to
 * show it.
 *
 * @param fb a framebuffer
 * @param frame the page; its format's rotation, mirroring and profile are used, at 8-bit grey
 *   (gray_steps kept), and its native size must be the framebuffer's
 * @param strip_rows rows rendered at a time (0: 64)
 * @return INK_OK, INK_INVALID, INK_NO_MEMORY or INK_IO.
 * @since 0.1
 */
INK_API ink_status_t ink_fb_draw (ink_fb_t *fb, const ink_frame_t *frame, uint32_t strip_rows);

/**
 * Writes rows of 8-bit grey to the framebuffer memory, at the device's depth. Nothing is shown
 * until ink_fb_refresh().
 *
 * Writes the rows at the device's depth: grey as is at 8 bits, in every colour channel at 16
 * and 32 bits (an alpha channel gets opaque).
 *
 * @param fb a framebuffer
 * @param first_row the first row
 * @param rows how many
 * @param gray8 rows of 8-bit grey (0 black), fb width pixels each
 * @param stride bytes between rows at @p gray8
 * @return INK_OK, INK_INVALID for rows outside the screen, INK_IO when a write fails.
 * @since 0.1
 */
INK_API ink_status_t ink_fb_write_rows (ink_fb_t *fb, uint32_t first_row, uint32_t rows,
                                        const uint8_t *gray8, size_t stride);

/**
 * Shows what was written: asks the e-ink controller to update a region with a waveform.
 *
 * Issues MXCFB_SEND_UPDATE with the waveform number chosen at open. Regions under 2 px a side
 * grow to 2 (1-px updates lock some EPDCs up). On a framebuffer without an EPDC, and on a
 * regular file, the pixels written are already all there is, and this returns INK_OK.
 *
 * @param fb a framebuffer
 * @param rect (nullable) the region to refresh, clipped to the screen; NULL for all of it
 * @param waveform full (flashing, GC16), partial (GL16) or fast (DU)
 * @param wait wait until the panel has finished, where the driver can say
 * @return INK_OK, INK_INVALID or INK_IO.
 * @since 0.1
 */
INK_API ink_status_t ink_fb_refresh (ink_fb_t *fb, const ink_rect_t *rect, ink_waveform_t waveform,
                                     bool wait);

#ifdef __cplusplus
}
#endif
#endif
