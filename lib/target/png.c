/* target/png: PNG at the frame's native depth. Grey formats give grey PNGs of 1, 2, 4 or 8 bits
 * (0 black, polarity and pixel order undone); colour formats give palette PNGs whose PLTE holds
 * the panel's colours. Built with libdeflate (INK_WITH_LIBDEFLATE), pngdeflate.c compresses
 * the frame whole with inkset's own encoder and writes the stream; otherwise libpng does, with
 * zlib. libpng's setjmp stays inside png_emit_zlib; every resource it uses is made before the
 * setjmp and reached from there.
 *
 *   ink_png_write_file (ctx, "page-001.png", &fmt, 800, 480, frame, size);
 */
#include "outfile.h"
#include "pngenc.h"

#include <errno.h>
#include <png.h>
#include <setjmp.h>
#include <stdio.h>
#include <zlib.h>   /* Z_RLE, a constant only */

typedef struct {
  ink_context_t *ctx;
  ink_write_fn fn;
  void *user;
  ink_status_t status;
  char message[96];
} pngio_t;

/* libpng's free is not told the size, so each block carries it in front. */
#define HDR 16

static png_voidp
png_alloc (png_structp png, png_alloc_size_t n)
{
  ink_context_t *ctx = png_get_mem_ptr (png);
  if (n > SIZE_MAX - HDR)
    return NULL;
  uint8_t *p = ink__realloc (ctx, NULL, 0, n + HDR);
  if (!p) {
    /* libpng reports it as its own error; the status must still say what happened. */
    pngio_t *io = png_get_error_ptr (png);
    if (io && io->status == INK_OK)
      io->status = INK_NO_MEMORY;
    return NULL;
  }
  memcpy (p, &n, sizeof n);
  return p + HDR;
}

static void
png_free_block (png_structp png, png_voidp ptr)
{
  if (!ptr)
    return;
  ink_context_t *ctx = png_get_mem_ptr (png);
  uint8_t *p = (uint8_t *) ptr - HDR;
  png_alloc_size_t n;
  memcpy (&n, p, sizeof n);
  ink__free (ctx, p, n + HDR);
}

static void
png_on_error (png_structp png, png_const_charp msg)
{
  pngio_t *io = png_get_error_ptr (png);
  snprintf (io->message, sizeof io->message, "%s", msg);
  png_longjmp (png, 1);
}

static void
png_on_warning (png_structp png, png_const_charp msg)
{
  (void) png;
  (void) msg;
}

static void
png_on_write (png_structp png, png_bytep data, size_t len)
{
  pngio_t *io = png_get_io_ptr (png);
  ink_status_t st = io->fn (io->user, data, len);
  if (st != INK_OK) {
    io->status = st;
    png_error (png, "the write callback failed");
  }
}

static void
png_on_flush (png_structp png)
{
  (void) png;
}

/* Declared in pngenc.h. */
unsigned
ink__png_depth (const ink__layout_t *lay)
{
  return lay->fmt.kind == INK_PIXKIND_BWR ? 2 : lay->fmt.bpp;
}

/* zlib's settings per PNG bit depth, measured on the sample's pages for instructions and
 * bytes (docs/performance.md). Pages are mostly paper with runs of ink: the fastest level
 * throughout; at 1, 2 and 8 bits the Up filter turns the rows of a line of text that repeat
 * the row above into zeros and run-length matching is cheaper than hashing them, while at
 * 4 bits plain rows hashed at level 1 came out both smaller and cheaper. */
typedef struct {
  int level, strategy, filter;
} png_deflate_t;

static const png_deflate_t png_deflate[9] = {
  [1] = { 1, Z_RLE, PNG_FILTER_UP },
  [2] = { 1, Z_RLE, PNG_FILTER_UP },
  [4] = { 1, Z_DEFAULT_STRATEGY, PNG_FILTER_NONE },
  [8] = { 1, Z_RLE, PNG_FILTER_UP },
};

/* Everything libpng may longjmp out of, in one function whose locals are all set after
 * setjmp returns, as png_safe_execute does. */
static ink_status_t
png_run (png_structp png, png_infop info, pngio_t *io, const ink__layout_t *lay,
         ink__png_rows_fn rows, void *src, uint8_t *row)
{
  if (setjmp (png_jmpbuf (png)))
    return io->status != INK_OK ? io->status : INK_IO;
  uint32_t w = lay->geo.native_width, h = lay->geo.native_height;
  unsigned depth = ink__png_depth (lay);
  png_set_write_fn (png, io, png_on_write, png_on_flush);
  if (lay->fmt.kind == INK_PIXKIND_GRAY) {
    png_set_IHDR (png, info, w, h, (int) depth, PNG_COLOR_TYPE_GRAY, PNG_INTERLACE_NONE,
                  PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  } else {
    uint8_t rgb[8][3];
    unsigned n = ink__palette_colors (&lay->fmt, rgb);
    png_color plte[8];
    for (unsigned i = 0; i < n; i++)
      plte[i] = (png_color) { rgb[i][0], rgb[i][1], rgb[i][2] };
    png_set_IHDR (png, info, w, h, (int) depth, PNG_COLOR_TYPE_PALETTE, PNG_INTERLACE_NONE,
                  PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_set_PLTE (png, info, plte, (int) n);
  }
  const png_deflate_t *z = &png_deflate[depth];
  png_set_compression_level (png, z->level);
  png_set_compression_strategy (png, z->strategy);
  png_set_filter (png, PNG_FILTER_TYPE_BASE, z->filter);
  png_write_info (png, info);
  for (uint32_t y = 0; y < h; y++) {
    ink_status_t st = rows (src, y, row);
    if (st != INK_OK) {
      io->status = st;
      png_error (png, "rendering the frame failed");
    }
    png_write_row (png, row);
  }
  png_write_end (png, info);
  return INK_OK;
}

static ink_status_t
png_emit_zlib (ink_context_t *ctx, ink_write_fn fn, void *user, const ink__layout_t *lay,
               ink__png_rows_fn rows, void *src)
{
  uint32_t w = lay->geo.native_width;
  unsigned depth = ink__png_depth (lay);
  size_t row_bytes = ((size_t) w * depth + 7) / 8;
  pngio_t *io = ink__alloc (ctx, sizeof *io);
  uint8_t *row = ink__alloc (ctx, row_bytes);
  png_structp png = NULL;
  png_infop info = NULL;
  if (io && row) {
    io->ctx = ctx;
    io->fn = fn;
    io->user = user;
    png = png_create_write_struct_2 (PNG_LIBPNG_VER_STRING, io, png_on_error, png_on_warning, ctx,
                                     png_alloc, png_free_block);
    info = png ? png_create_info_struct (png) : NULL;
  }
  if (!info) {
    if (png)
      png_destroy_write_struct (&png, NULL);
    ink__free (ctx, io, sizeof *io);
    ink__free (ctx, row, row_bytes);
    return ink__error (ctx, INK_NO_MEMORY, "png: out of memory");
  }
  ink_status_t st = png_run (png, info, io, lay, rows, src, row);
  png_destroy_write_struct (&png, &info);
  if (st != INK_OK)
    ink__error (ctx, st, "png: %s", io->message);
  ink__free (ctx, io, sizeof *io);
  ink__free (ctx, row, row_bytes);
  return st;
}

/* The build's encoder: the whole frame at once where built with libdeflate, else libpng's
 * zlib. */
static ink_status_t
png_emit (ink_context_t *ctx, ink_write_fn fn, void *user, const ink__layout_t *lay,
          ink__png_rows_fn rows, void *src)
{
#ifdef INK_WITH_LIBDEFLATE
  return ink__png_emit_whole (ctx, fn, user, lay, rows, src);
#else
  return png_emit_zlib (ctx, fn, user, lay, rows, src);
#endif
}

/* One packed native row to a PNG row: codes, leftmost pixel in the high bits. */
static void
to_png_row (const ink__layout_t *lay, const uint8_t *p0, const uint8_t *p1, uint8_t *out)
{
  unsigned depth = ink__png_depth (lay);
  uint32_t w = lay->geo.native_width;
  size_t nbytes = ((size_t) w * depth + 7) / 8;
  if (lay->fmt.kind == INK_PIXKIND_GRAY && !lay->fmt.lsb_first) {
    /* Grey packed leftmost pixel first is already PNG's layout; only polarity may differ. */
    if (!lay->fmt.invert) {
      memcpy (out, p0, nbytes);
    } else {
      for (size_t i = 0; i < nbytes; i++)
        out[i] = (uint8_t) ~p0[i];
    }
    return;
  }
  if (depth == 8) {
    for (uint32_t x = 0; x < w; x++)
      out[x] = (uint8_t) ink__unpack_pixel (lay, p0, p1, x);
    return;
  }
  memset (out, 0, ((size_t) w * depth + 7) / 8);
  for (uint32_t x = 0; x < w; x++) {
    size_t bit = (size_t) x * depth;
    out[bit / 8] |= (uint8_t) (ink__unpack_pixel (lay, p0, p1, x) << (8 - depth - bit % 8));
  }
}

typedef struct {
  const ink__layout_t *lay;
  const uint8_t *pixels;
} packed_t;

static ink_status_t
packed_row (void *src, uint32_t y, uint8_t *out)
{
  packed_t *p = src;
  size_t stride = p->lay->geo.stride;
  const uint8_t *p0 = p->pixels + (size_t) y * stride;
  to_png_row (p->lay, p0, p0 + (size_t) p->lay->geo.native_height * stride, out);
  return INK_OK;
}

static ink_status_t
check_frame (ink_context_t *ctx, const ink_pixfmt_t *fmt, uint32_t pw, uint32_t ph,
             const uint8_t *pixels, size_t size, ink__layout_t *lay)
{
  ink_status_t st = ink__layout (fmt, pw, ph, lay);
  if (st != INK_OK)
    return ink__error (ctx, st, "bad pixel format or page size %ux%u", pw, ph);
  if (!pixels || size < lay->geo.size)
    return ink__error (ctx, INK_INVALID, "frame of %zu bytes, %zu needed", size, lay->geo.size);
  return INK_OK;
}

typedef ink_status_t (*emit_fn) (ink_context_t *ctx, ink_write_fn fn, void *user,
                                 const ink__layout_t *lay, ink__png_rows_fn rows, void *src);

static ink_status_t
write_packed (ink_context_t *ctx, ink_write_fn fn, void *user, const ink_pixfmt_t *fmt,
              uint32_t page_width, uint32_t page_height, const uint8_t *pixels, size_t size,
              emit_fn emit)
{
  ink__layout_t lay;
  if (!ctx || !fn)
    return INK_INVALID;
  ink_status_t st = check_frame (ctx, fmt, page_width, page_height, pixels, size, &lay);
  if (st != INK_OK)
    return st;
  packed_t src = { &lay, pixels };
  return emit (ctx, fn, user, &lay, packed_row, &src);
}

/* Documented in include/inkset/inkset-target.h. */
ink_status_t
ink_png_write (ink_context_t *ctx, ink_write_fn fn, void *user, const ink_pixfmt_t *fmt,
               uint32_t page_width, uint32_t page_height, const uint8_t *pixels, size_t size)
{
  return write_packed (ctx, fn, user, fmt, page_width, page_height, pixels, size, png_emit);
}

/* Declared in pngenc.h. */
ink_status_t
ink__png_write_zlib (ink_context_t *ctx, ink_write_fn fn, void *user, const ink_pixfmt_t *fmt,
                     uint32_t page_width, uint32_t page_height, const uint8_t *pixels,
                     size_t size)
{
  return write_packed (ctx, fn, user, fmt, page_width, page_height, pixels, size,
                       png_emit_zlib);
}

typedef ink_status_t (*frame_writer_fn) (ink_context_t *ctx, ink_write_fn fn, void *user,
                                         const ink_pixfmt_t *fmt, uint32_t page_width,
                                         uint32_t page_height, const uint8_t *pixels,
                                         size_t size);

/* A packed frame to a file, whole or not at all, through one of the callback writers. */
static ink_status_t
frame_to_file (ink_context_t *ctx, const char *path, const ink_pixfmt_t *fmt, uint32_t page_width,
               uint32_t page_height, const uint8_t *pixels, size_t size, frame_writer_fn write)
{
  ink__layout_t lay;
  if (!ctx)
    return INK_INVALID;
  ink_status_t st = check_frame (ctx, fmt, page_width, page_height, pixels, size, &lay);
  if (st != INK_OK)
    return ink__error_path (ctx, st, path ? path : "(no path)", ink_context_error (ctx));
  ink__outfile_t of;
  if ((st = ink__outfile_open (ctx, path, &of)) != INK_OK)
    return st;
  st = write (ctx, ink__outfile_write, &of, fmt, page_width, page_height, pixels, size);
  return ink__outfile_close (&of, st);
}

/* Documented in include/inkset/inkset-target.h. */
ink_status_t
ink_png_write_file (ink_context_t *ctx, const char *path, const ink_pixfmt_t *fmt,
                    uint32_t page_width, uint32_t page_height, const uint8_t *pixels, size_t size)
{
  return frame_to_file (ctx, path, fmt, page_width, page_height, pixels, size, ink_png_write);
}

/* Rows straight from a strip renderer: O(width x strip) memory for any page. */
typedef struct {
  ink_strips_t *strips;
  uint8_t *buf;
  size_t buf_size;
  uint32_t first, rows;
} striped_t;

static ink_status_t
striped_row (void *src, uint32_t y, uint8_t *out)
{
  striped_t *s = src;
  const ink__layout_t *lay = ink__strips_layout (s->strips);
  size_t stride = lay->geo.stride;
  if (y < s->first || y >= s->first + s->rows) {
    ink_status_t st = ink_strips_next (s->strips, s->buf, s->buf_size, &s->first, &s->rows);
    if (st != INK_OK)
      return st;
    if (y < s->first || y >= s->first + s->rows)
      return INK_INVALID;
  }
  const uint8_t *p0 = s->buf + (size_t) (y - s->first) * stride;
  to_png_row (lay, p0, p0 + (size_t) s->rows * stride, out);
  return INK_OK;
}

/* Documented in include/inkset/inkset-target.h. */
ink_status_t
ink_png_render (ink_context_t *ctx, ink_write_fn fn, void *user, const ink_frame_t *frame,
                uint32_t strip_rows)
{
  if (!ctx || !fn || !frame)
    return INK_INVALID;
  striped_t s = { NULL, NULL, 0, 0, 0 };
  ink_status_t st = ink_strips_begin (ctx, frame, strip_rows ? strip_rows : 64, &s.strips);
  if (st != INK_OK)
    return st;
  s.buf_size = ink_strips_buffer_size (s.strips);
  s.buf = ink__alloc (ctx, s.buf_size);
  if (!s.buf)
    st = ink__error (ctx, INK_NO_MEMORY, "png: out of memory");
  else
    st = png_emit (ctx, fn, user, ink__strips_layout (s.strips), striped_row, &s);
  ink__free (ctx, s.buf, s.buf_size);
  ink_strips_end (s.strips);
  return st;
}

/* Documented in include/inkset/inkset-target.h. */
ink_status_t
ink_png_render_file (ink_context_t *ctx, const char *path, const ink_frame_t *frame,
                     uint32_t strip_rows)
{
  if (!ctx || !frame)
    return INK_INVALID;
  if (ink_frame_size (&frame->format, frame->width, frame->height) == 0)
    return ink__error_path (ctx, INK_INVALID, path ? path : "(no path)",
                            "png: bad pixel format or page size");
  ink__outfile_t of;
  ink_status_t st = ink__outfile_open (ctx, path, &of);
  if (st != INK_OK)
    return st;
  return ink__outfile_close (&of, ink_png_render (ctx, ink__outfile_write, &of, frame, strip_rows));
}

/* Documented in include/inkset/inkset-target.h. */
ink_status_t
ink_raw_write (ink_context_t *ctx, ink_write_fn fn, void *user, const ink_pixfmt_t *fmt,
               uint32_t page_width, uint32_t page_height, const uint8_t *pixels, size_t size)
{
  ink__layout_t lay;
  if (!ctx || !fn)
    return INK_INVALID;
  ink_status_t st = check_frame (ctx, fmt, page_width, page_height, pixels, size, &lay);
  if (st != INK_OK)
    return st;
  st = fn (user, pixels, lay.geo.size);
  return st == INK_OK ? st : ink__error (ctx, st, "raw: the write callback failed (%s)",
                                          ink_status_to_string (st));
}

/* Documented in include/inkset/inkset-target.h. */
ink_status_t
ink_raw_write_file (ink_context_t *ctx, const char *path, const ink_pixfmt_t *fmt,
                    uint32_t page_width, uint32_t page_height, const uint8_t *pixels, size_t size)
{
  return frame_to_file (ctx, path, fmt, page_width, page_height, pixels, size, ink_raw_write);
}
