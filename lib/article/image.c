/* article/image: PNG and JPEG decoding into the 8-bit grey or RGB images figures carry.
 * Alpha is composited on white, since paper is white. Dimensions are checked against the
 * context's limits from the file header, before any pixel is decoded, so that a small file
 * that claims a huge image (a decompression bomb) costs nothing.
 *
 *   ink__image_t *img;
 *   ink_diag_t d;
 *   if (ink__image_decode (ctx, data, len, &img, &d) == INK_OK) {
 *     ...;
 *     ink__image_destroy (ctx, img);
 *   }
 *
 * libpng's simplified API and libjpeg allocate their own working memory with malloc; only
 * the decoded pixels come from the context's allocator. */
#include "article.h"

#include <limits.h>
#include <setjmp.h>
#include <stdio.h>

#include <jpeglib.h>
#include <png.h>

void
ink__image_destroy (ink_context_t *ctx, ink__image_t *img)
{
  if (!img || --img->refs > 0)
    return;
  ink__free (ctx, img->pixels, (size_t) img->width * img->height * img->channels);
  if (img->jpeg)
    ink__free (ctx, img->jpeg, img->jpeg_len + 1);
  ink__free (ctx, img, sizeof *img);
}

/* Pixels of w x h within the limits, and w * h * channels within max_bytes (what is left of
 * the picture budget). */
static ink_status_t
check_size (ink_context_t *ctx, uint32_t w, uint32_t h, unsigned channels, size_t max_bytes,
            ink_diag_t *diag)
{
  size_t side = ink__limit (ctx, INK_LIMIT_IMAGE_SIDE);
  size_t pixels = ink__limit (ctx, INK_LIMIT_IMAGE_PIXELS);
  if (w == 0 || h == 0)
    return ink__diag (ctx, diag, INK_PARSE, 0, 0, "image has no pixels (%ux%u)", w, h);
  if (w > side || h > side)
    return ink__diag (ctx, diag, INK_LIMIT, 0, 0,
                      "image is %ux%u, a side is above the limit of %zu pixels", w, h, side);
  if ((uint64_t) w * h > pixels)
    return ink__diag (ctx, diag, INK_LIMIT, 0, 0,
                      "image is %ux%u, more than the limit of %zu pixels", w, h, pixels);
  uint64_t bytes = (uint64_t) w * h * channels;
  if (bytes > max_bytes)
    return ink__diag (ctx, diag, INK_LIMIT, 0, 0,
                      "image is %ux%u (%llu bytes), more than the %zu bytes of picture memory "
                      "left (limit %zu)", w, h, (unsigned long long) bytes, max_bytes,
                      ink__limit (ctx, INK_LIMIT_PICTURE_BYTES));
  return INK_OK;
}

static ink_status_t
new_image (ink_context_t *ctx, uint32_t w, uint32_t h, unsigned channels, ink__image_t **out,
           ink_diag_t *diag)
{
  ink__image_t *img = ink__alloc (ctx, sizeof *img);
  if (!img)
    return ink__diag (ctx, diag, INK_NO_MEMORY, 0, 0, "out of memory");
  img->pixels = ink__realloc (ctx, NULL, 0, (size_t) w * h * channels);
  if (!img->pixels) {
    ink__free (ctx, img, sizeof *img);
    return ink__diag (ctx, diag, INK_NO_MEMORY, 0, 0, "out of memory");
  }
  img->width = w;
  img->height = h;
  img->channels = channels;
  img->refs = 1;
  *out = img;
  return INK_OK;
}

static ink_status_t
decode_png (ink_context_t *ctx, const void *data, size_t len, size_t max_bytes,
            ink__image_t **out, ink_diag_t *diag)
{
  png_image pi;
  memset (&pi, 0, sizeof pi);
  pi.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_memory (&pi, data, len)) {
    ink_status_t st = ink__diag (ctx, diag, INK_PARSE, 0, 0, "corrupt PNG: %s", pi.message);
    png_image_free (&pi);
    return st;
  }
  unsigned channels = (pi.format & PNG_FORMAT_FLAG_COLOR) ? 3 : 1;
  ink_status_t st = check_size (ctx, pi.width, pi.height, channels, max_bytes, diag);
  if (st != INK_OK) {
    png_image_free (&pi);
    return st;
  }
  pi.format = channels == 3 ? PNG_FORMAT_RGB : PNG_FORMAT_GRAY;
  ink__image_t *img;
  if ((st = new_image (ctx, pi.width, pi.height, channels, &img, diag)) != INK_OK) {
    png_image_free (&pi);
    return st;
  }
  png_color white = { 255, 255, 255 };
  if (!png_image_finish_read (&pi, &white, img->pixels, (png_int_32) (pi.width * channels),
                              NULL)) {
    st = ink__diag (ctx, diag, INK_PARSE, 0, 0, "corrupt PNG: %s", pi.message);
    png_image_free (&pi);
    ink__image_destroy (ctx, img);
    return st;
  }
  png_image_free (&pi);
  *out = img;
  return INK_OK;
}

typedef struct {
  struct jpeg_error_mgr mgr;
  jmp_buf jump;
  char message[JMSG_LENGTH_MAX];
} jpeg_err_t;

static void
jpeg_fail (j_common_ptr cinfo)
{
  jpeg_err_t *e = (jpeg_err_t *) cinfo->err;
  e->mgr.format_message (cinfo, e->message);
  longjmp (e->jump, 1);
}

/* libjpeg only warns about truncated or corrupt data and fills in grey; a page should not
 * show a half-grey photo without anyone knowing, so warnings fail the decode. */
static void
jpeg_message (j_common_ptr cinfo, int level)
{
  if (level < 0)
    jpeg_fail (cinfo);
}

/* What libjpeg may allocate for a picture whose size passed check_size: 64 MiB of working
 * memory, plus the whole image's coefficients (2 bytes a sample, each component padded to
 * whole MCUs) that a progressive or multi-scan file keeps; past this cap libjpeg would want
 * a backing store on disk, which it does not have. */
static long
jpeg_working_bytes (const struct jpeg_decompress_struct *cinfo)
{
  uint64_t bytes = 64u << 20;
  for (int c = 0; c < cinfo->num_components; c++) {
    const jpeg_component_info *ci = &cinfo->comp_info[c];
    uint64_t h = (uint64_t) ci->h_samp_factor, v = (uint64_t) ci->v_samp_factor;
    uint64_t wb = ((uint64_t) ci->width_in_blocks + h - 1) / h * h;
    uint64_t hb = ((uint64_t) ci->height_in_blocks + v - 1) / v * v;
    bytes += wb * hb * DCTSIZE2 * sizeof (JCOEF);
  }
  return bytes > (uint64_t) LONG_MAX ? LONG_MAX : (long) bytes;
}

/* setjmp stays in this one function; everything the error path frees is reachable from
 * volatile locals. */
static ink_status_t
decode_jpeg (ink_context_t *ctx, const void *data, size_t len, size_t max_bytes,
             ink__image_t **out, ink_diag_t *diag)
{
  struct jpeg_decompress_struct cinfo;
  jpeg_err_t err;
  ink__image_t *volatile img = NULL;
  volatile ink_status_t st = INK_OK;
  volatile bool created = false;
  memset (&cinfo, 0, sizeof cinfo);
  cinfo.err = jpeg_std_error (&err.mgr);
  err.mgr.error_exit = jpeg_fail;
  err.mgr.emit_message = jpeg_message;
  err.message[0] = 0;
  if (setjmp (err.jump)) {
    if (st == INK_OK)
      st = ink__diag (ctx, diag, INK_PARSE, 0, 0, "corrupt JPEG: %s", err.message);
    goto done;
  }
  jpeg_create_decompress (&cinfo);
  created = true;
  cinfo.mem->max_memory_to_use = 64L << 20;   /* for the header; raised once its size is known */
  jpeg_mem_src (&cinfo, (const unsigned char *) data, (unsigned long) len);
  jpeg_read_header (&cinfo, TRUE);
  unsigned channels;
  if (cinfo.num_components == 1) {
    cinfo.out_color_space = JCS_GRAYSCALE;
    channels = 1;
  } else if (cinfo.jpeg_color_space == JCS_YCbCr || cinfo.jpeg_color_space == JCS_RGB) {
    cinfo.out_color_space = JCS_RGB;
    channels = 3;
  } else {
    st = ink__diag (ctx, diag, INK_UNSUPPORTED, 0, 0,
                    "JPEG colour space %d is not supported (CMYK?)", (int) cinfo.jpeg_color_space);
    goto done;
  }
  if ((st = check_size (ctx, cinfo.image_width, cinfo.image_height, channels, max_bytes,
                        diag)) != INK_OK)
    goto done;
  cinfo.mem->max_memory_to_use = jpeg_working_bytes (&cinfo);
  jpeg_start_decompress (&cinfo);
  if (cinfo.output_width != cinfo.image_width || cinfo.output_height != cinfo.image_height ||
      (unsigned) cinfo.output_components != channels) {
    st = ink__diag (ctx, diag, INK_PARSE, 0, 0, "corrupt JPEG: unexpected output geometry");
    goto done;
  }
  ink__image_t *im;
  if ((st = new_image (ctx, cinfo.output_width, cinfo.output_height, channels, &im, diag)) !=
      INK_OK)
    goto done;
  img = im;
  size_t stride = (size_t) im->width * channels;
  while (cinfo.output_scanline < cinfo.output_height) {
    JSAMPROW row = im->pixels + (size_t) cinfo.output_scanline * stride;
    if (jpeg_read_scanlines (&cinfo, &row, 1) != 1) {
      st = ink__diag (ctx, diag, INK_PARSE, 0, 0, "corrupt JPEG: truncated");
      goto done;
    }
  }
  jpeg_finish_decompress (&cinfo);
done:
  if (created)
    jpeg_destroy_decompress (&cinfo);
  if (st != INK_OK) {
    ink__image_destroy (ctx, img);
    return st;
  }
  *out = img;
  return INK_OK;
}

ink_status_t
ink__image_decode (ink_context_t *ctx, const void *data, size_t len, ink__image_t **out,
                   ink_diag_t *diag)
{
  return ink__image_decode_within (ctx, data, len, SIZE_MAX, out, diag);
}

ink_status_t
ink__image_decode_within (ink_context_t *ctx, const void *data, size_t len, size_t max_bytes,
                          ink__image_t **out, ink_diag_t *diag)
{
  *out = NULL;
  if (diag)
    memset (diag, 0, sizeof *diag);
  const unsigned char *d = data;
  static const unsigned char png_sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
  if (len >= 8 && memcmp (d, png_sig, 8) == 0)
    return decode_png (ctx, data, len, max_bytes, out, diag);
  if (len >= 3 && d[0] == 0xFF && d[1] == 0xD8 && d[2] == 0xFF) {
    if (len > ULONG_MAX)
      return ink__diag (ctx, diag, INK_LIMIT, 0, 0, "JPEG file too large");
    return decode_jpeg (ctx, data, len, max_bytes, out, diag);
  }
  return ink__diag (ctx, diag, INK_UNSUPPORTED, 0, 0, "not a PNG or JPEG file");
}
