/**
 * @file inkset-raster.h
 * @brief Pixel formats, dithering and frames: a page drawn, quantized and packed for a panel.
 *
 * A frame (::ink_frame_t) joins a page source (ink_document_frame(), or a callback of one's
 * own) to a pixel format. Rendering goes through strips of native rows, so memory is
 * O(native width x strip rows) whether the caller asks for the whole frame or for strips.
 * Rendering a frame uses its context, its document and that document's fontset, so it runs on
 * the thread that owns them.
 */
#if !defined(INKSET_H_INSIDE) && !defined(INK_BUILDING)
#error "Include <inkset/inkset.h> instead."
#endif
#ifndef INKSET_RASTER_H
#define INKSET_RASTER_H

#include <inkset/inkset-common.h>

#ifdef __cplusplus
extern "C" {
#endif

/** What a panel's pixels mean. */
typedef enum {
  INK_PIXKIND_GRAY = 0,     /**< grey levels, 1/2/4/8 bits per pixel */
  INK_PIXKIND_BWR = 1,      /**< black/white/red: two 1-bit planes (black plane, then red plane) */
  INK_PIXKIND_ACEP7 = 2,    /**< 7-colour ACeP indices, 4 bits per pixel */
  INK_PIXKIND_SPECTRA6 = 3  /**< Spectra 6 indices (0 black 1 white 2 yellow 3 red 5 blue 6 green) */
} ink_pixkind_t;

/** Clockwise rotation of the logical page in the panel's native (controller RAM) orientation. */
typedef enum {
  INK_ROTATE_0 = 0,     /**< native rows are page rows */
  INK_ROTATE_90 = 1,    /**< the page turned a quarter clockwise */
  INK_ROTATE_180 = 2,   /**< the page upside down */
  INK_ROTATE_270 = 3    /**< the page turned a quarter anticlockwise */
} ink_rotate_t;

/** How pictures are brought to the panel's levels. Text and line art are never dithered. */
typedef enum {
  INK_DITHER_NONE = 0,              /**< nearest level */
  INK_DITHER_FLOYD_STEINBERG = 1,   /**< error diffusion, the finest */
  INK_DITHER_ATKINSON = 2,          /**< error diffusion, lighter and crisper */
  INK_DITHER_BAYER = 3,             /**< ordered, 8x8 */
  INK_DITHER_BLUE_NOISE = 4,        /**< ordered, 64x64 void-and-cluster mask */
  INK_DITHER_COUNT_                 /**< not a method: the number of methods in this version */
} ink_dither_t;

/** The class of each rendered pixel; decides how it is quantized. */
typedef enum {
  INK_CLASS_PAPER = 0,     /**< nothing drawn: the paper level */
  INK_CLASS_TEXT = 1,      /**< glyphs: rounded to a level, never dithered */
  INK_CLASS_LINEART = 2,   /**< rules and boxes: rounded, never dithered */
  INK_CLASS_IMAGE = 3      /**< pictures: dithered */
} ink_pixel_class_t;

/**
 * A panel's pixel format and profile, filled by the caller or by ink_pixfmt_preset(). A zeroed
 * struct is 8-bit grey, 0 = black, rows of minimal stride, no rotation: zero it whole ({0} or
 * memset) before setting fields. Its size never changes, since frames and memory framebuffers
 * hold it by value: later versions take new fields out of the reserved room, where zero is the
 * default (docs/api.md, "Versions and ABI").
 */
typedef struct {
  uint8_t bpp;              /**< 1, 2, 4 or 8 (grey); 0 means 8. Colour kinds fix it. */
  bool lsb_first;           /**< the leftmost pixel sits in the low bits of its byte */
  bool invert;              /**< polarity: the highest code is black */
  ink_pixkind_t kind;       /**< what the codes mean */
  ink_rotate_t rotate;      /**< the page's rotation in native orientation */
  bool mirror_x;            /**< native columns reversed, after rotation */
  bool mirror_y;            /**< native rows reversed, after rotation */
  uint32_t stride;          /**< bytes per native row (per plane); 0 = minimal */
  uint8_t row_align;        /**< the minimal stride is rounded up to this many bytes; 0 = 1 */
  uint8_t x_align;          /**< partial-window x alignment in native px; 0 = 8 */
  uint16_t gray_steps;      /**< 8-bit grey only: distinct greys the panel shows; 0 = 256 */
  uint8_t levels[16];       /**< bpp <= 4 grey: the L8 grey (0 black, 255 white) the panel really
                             * shows for each code, non-decreasing; all zero = evenly spaced */
  float image_gamma;        /**< pictures: out = 255 * (v/255)^(1/gamma); lower is darker; 0 = 1 */
  float image_contrast;     /**< pictures: scale around mid-grey; 0 = 1 */
  uint8_t text_darken;      /**< text and line art: antialiasing darkening, 0 none .. 255 most */
  uint8_t palette[8][3];    /**< colour kinds: measured sRGB per native index; all zero = built-in */
  uint32_t reserved[8];     /**< room for the fields of later versions; must be zero */
} ink_pixfmt_t;

/** The native shape of a frame of a page in a format (ink_frame_geometry()). */
typedef struct {
  uint32_t native_width;    /**< native columns: the page width, or its height when rotated
                             * by 90 or 270 */
  uint32_t native_height;   /**< native rows */
  uint32_t stride;          /**< bytes per native row, per plane */
  uint32_t planes;          /**< 2 for BWR, else 1 */
  size_t size;              /**< planes * stride * native_height */
} ink_frame_geometry_t;

/**
 * A page source: fills a w x h logical rectangle at (x, y) of the page. It must be
 * deterministic: it may be called more than once for the same pixels. It is called on the
 * thread rendering the frame, during the render call.
 *
 * @param user the frame's user pointer
 * @param x left of the rectangle, logical px
 * @param y top of the rectangle, logical px
 * @param w its width
 * @param h its height
 * @param gray receives 8-bit composited grey (0 black, 255 paper), @p h rows
 * @param gray_stride bytes between rows of @p gray
 * @param cls receives one ::ink_pixel_class_t byte per pixel
 * @param cls_stride bytes between rows of @p cls
 * @param rgb NULL unless the format is colour; then receives 3 bytes (sRGB) per pixel
 * @param rgb_stride bytes between rows of @p rgb
 */
typedef void (*ink_render_rect_fn) (void *user, int32_t x, int32_t y, uint32_t w, uint32_t h,
                                    uint8_t *gray, size_t gray_stride, uint8_t *cls,
                                    size_t cls_stride, uint8_t *rgb, size_t rgb_stride);

/**
 * A page to render: its logical size, the target format, the picture dither and the source.
 * Filled by ink_document_frame(), or by the caller for a source of its own
 * (ink_image_source_render()); zero it whole first. Like ::ink_pixfmt_t, its size never
 * changes: later versions take new fields out of the reserved room.
 */
typedef struct {
  uint32_t width;           /**< logical page width in px */
  uint32_t height;          /**< logical page height in px */
  ink_pixfmt_t format;      /**< the panel's format */
  ink_dither_t dither;      /**< how pictures are dithered */
  ink_render_rect_fn render; /**< draws the page's pixels */
  void *user;               /**< passed to render; must outlive the frame's use */
  void *reserved[4];        /**< room for the fields of later versions; must be NULL */
} ink_frame_t;

/** A plain image as a page source: the user pointer of ink_image_source_render(). */
typedef struct {
  const uint8_t *gray;      /**< width x height L8 grey, 0 black */
  size_t gray_stride;       /**< bytes between rows of gray */
  const uint8_t *cls;       /**< nullable: one ::ink_pixel_class_t per pixel; NULL: every pixel
                             * is a picture */
  size_t cls_stride;        /**< bytes between rows of cls */
  const uint8_t *rgb;       /**< nullable: 3 bytes per pixel; NULL: colour formats use the grey */
  size_t rgb_stride;        /**< bytes between rows of rgb */
  uint32_t width;           /**< image width in px; outside it, the page is paper */
  uint32_t height;          /**< image height in px */
} ink_image_source_t;

/**
 * A strip renderer: renders a frame a few native rows at a time into the caller's buffer, for
 * panels written window by window (ink_strips_begin()). Single owner, one thread at a time.
 */
typedef struct ink_strips ink_strips_t;

/**
 * Fills a format from a named preset of common panels and controllers. Any thread.
 *
 * @param name "gray8", "epdc8", "gray4", "gray2", "mono", "epdiy4", "it8951-4", "ssd1680",
 *   "inkplate1", "bwr", "acep7" or "spectra6" (ink_pixfmt_preset_name())
 * @param out receives the format, with no rotation and an evenly spaced (uncalibrated) profile
 * @return INK_OK, INK_NOT_FOUND for an unknown name, INK_INVALID for NULL arguments.
 * @since 0.1
 */
INK_API ink_status_t ink_pixfmt_preset (const char *name, ink_pixfmt_t *out);

/**
 * Lists the presets of ink_pixfmt_preset(). Any thread.
 *
 * @param index 0, 1, 2, ...
 * @return the name of preset @p index (static), or NULL past the last.
 * @since 0.1
 */
INK_API const char *ink_pixfmt_preset_name (size_t index);

/**
 * Checks a format. Every call that takes a format checks it too.
 *
 * @param fmt a format
 * @return INK_OK if @p fmt is usable; INK_INVALID for NULL, a bad bpp, kind, rotation,
 *   gray_steps, decreasing levels, or a gamma or contrast that is not a positive number up to
 *   10; INK_UNSUPPORTED when the reserved room is not zero (a field of a later version).
 * @since 0.1
 */
INK_API ink_status_t ink_pixfmt_check (const ink_pixfmt_t *fmt);

/**
 * A dither method's name. Any thread.
 *
 * @param method a dither method
 * @return its name ("none", "floyd-steinberg", "atkinson", "bayer", "blue-noise"), static; NULL
 *   for an unknown value.
 * @since 0.1
 */
INK_API const char *ink_dither_name (ink_dither_t method);

/**
 * The dither method of a name. Any thread.
 *
 * @param name a name as ink_dither_name() gives
 * @param out receives the method
 * @return INK_OK, INK_NOT_FOUND or INK_INVALID.
 * @since 0.1
 */
INK_API ink_status_t ink_dither_from_name (const char *name, ink_dither_t *out);

/**
 * The native shape of a page's frame: what to allocate and how the panel's rows are laid out.
 *
 * @param fmt the format
 * @param page_width the logical page width in px
 * @param page_height the logical page height in px
 * @param out receives the native size (which follows the rotation), stride, planes and byte
 *   size
 * @return INK_OK, or INK_INVALID for a bad format, a stride below the minimum or a page side of
 *   0 or above INK_MAX_PAGE_SIDE.
 * @since 0.1
 */
INK_API ink_status_t ink_frame_geometry (const ink_pixfmt_t *fmt, uint32_t page_width,
                                         uint32_t page_height, ink_frame_geometry_t *out);

/**
 * The bytes of a whole packed frame, the size of the buffer ink_frame_render() fills.
 *
 * @param fmt the format
 * @param page_width the logical page width in px
 * @param page_height the logical page height in px
 * @return the bytes of a packed native frame (all planes), or 0 if the arguments are bad.
 * @since 0.1
 */
INK_API size_t ink_frame_size (const ink_pixfmt_t *fmt, uint32_t page_width, uint32_t page_height);

/**
 * Renders a whole frame: draws the page through its callback, quantizes, dithers pictures and
 * packs the pixels as the panel takes them. The caller's buffer holds the whole frame; the
 * library's own memory is that of 64-row strips, O(native width x 64).
 *
 * @param ctx a context
 * @param frame the page, format, dither and render callback
 * @param out receives the packed native frame: plane 0, then (BWR) plane 1, at the format's
 *   stride
 * @param out_size bytes at @p out, at least ink_frame_size()
 * @return INK_OK, INK_INVALID or INK_NO_MEMORY.
 * @since 0.1
 */
INK_API ink_status_t ink_frame_render (ink_context_t *ctx, const ink_frame_t *frame, uint8_t *out,
                                       size_t out_size);

/**
 * Renders some native rows of a frame, byte for byte as they are in the whole frame: for a
 * panel updated in windows. With error diffusion the rows above @p first_row are rendered too
 * (and dropped), since their error reaches these rows; ordered and undithered methods start
 * at @p first_row. To render a whole frame in pieces, ink_strips_begin() does not repeat work.
 *
 * @param ctx a context
 * @param frame the page, format, dither and render callback
 * @param first_row the first native row
 * @param rows how many native rows
 * @param out receives the rows of plane 0, then (BWR) the rows of plane 1, at the format's
 *   stride
 * @param out_size bytes at @p out, at least planes x stride x @p rows
 * @param memory_used (nullable) receives the bytes the render held besides @p out
 * @return INK_OK, INK_INVALID or INK_NO_MEMORY.
 * @since 0.1
 */
INK_API ink_status_t ink_frame_render_rows (ink_context_t *ctx, const ink_frame_t *frame,
                                            uint32_t first_row, uint32_t rows, uint8_t *out,
                                            size_t out_size, size_t *memory_used);

/**
 * Starts rendering a frame strip by strip, top to bottom, with memory O(native width x strip
 * rows): the way to drive a panel with less RAM than a frame. The strips put together are byte
 * for byte the whole frame.
 *
 * @param ctx a context; it must outlive the strip renderer
 * @param frame the page, format, dither and render callback; copied, but its user pointer and
 *   what it points to must stay valid until ink_strips_end()
 * @param strip_rows native rows per strip (a multiple of 8 suits SPI controllers)
 * @param out receives the strip renderer, owned by the caller (ink_strips_end()); NULL on
 *   failure
 * @return INK_OK, INK_INVALID or INK_NO_MEMORY.
 * @since 0.1
 */
INK_API ink_status_t ink_strips_begin (ink_context_t *ctx, const ink_frame_t *frame,
                                       uint32_t strip_rows, ink_strips_t **out);

/**
 * Renders the next strip.
 *
 * @param strips a strip renderer
 * @param out receives the strip: its rows of plane 0, then (BWR) its rows of plane 1, at the
 *   format's stride
 * @param out_size bytes at @p out, at least planes x stride x rows of this strip
 *   (ink_strips_buffer_size() is enough for every strip)
 * @param first_row (nullable) receives the strip's first native row
 * @param rows receives the strip's row count; 0 when the frame is done
 * @return INK_OK, INK_NO_MEMORY, or INK_INVALID when @p out is too small.
 * @since 0.1
 */
INK_API ink_status_t ink_strips_next (ink_strips_t *strips, uint8_t *out, size_t out_size,
                                      uint32_t *first_row, uint32_t *rows);

/**
 * The buffer one strip needs.
 *
 * @param strips a strip renderer
 * @return the bytes of the largest strip (planes x stride x strip rows); 0 for NULL.
 * @since 0.1
 */
INK_API size_t ink_strips_buffer_size (const ink_strips_t *strips);

/**
 * The memory the strip renderer holds.
 *
 * @param strips a strip renderer
 * @return the bytes it holds (render rectangle, rows, dither error rows), not counting the
 *   caller's strip buffer; O(native width x strip rows).
 * @since 0.1
 */
INK_API size_t ink_strips_memory (const ink_strips_t *strips);

/**
 * Frees a strip renderer, whether or not every strip was rendered.
 *
 * @param strips a strip renderer, or NULL (nothing is done)
 * @since 0.1
 */
INK_API void ink_strips_end (ink_strips_t *strips);

/**
 * An ::ink_render_rect_fn that draws a plain image at the page's origin: pixels outside it are
 * paper; without a class plane every pixel is a picture; without RGB, colour formats get the
 * grey. Use it to put a caller's own image on a panel: set it as a frame's render with an
 * ::ink_image_source_t as the user pointer.
 *
 * @param source an ::ink_image_source_t, borrowed for the call
 * @param x left of the rectangle, logical px
 * @param y top of the rectangle, logical px
 * @param w its width
 * @param h its height
 * @param gray receives the grey
 * @param gray_stride bytes between rows of @p gray
 * @param cls receives the classes
 * @param cls_stride bytes between rows of @p cls
 * @param rgb NULL, or receives the colour
 * @param rgb_stride bytes between rows of @p rgb
 * @since 0.1
 */
INK_API void ink_image_source_render (void *source, int32_t x, int32_t y, uint32_t w, uint32_t h,
                                      uint8_t *gray, size_t gray_stride, uint8_t *cls,
                                      size_t cls_stride, uint8_t *rgb, size_t rgb_stride);

#ifdef __cplusplus
}
#endif
#endif
