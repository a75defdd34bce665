/* target/pngdeflate: a PNG written chunk by chunk, its image data compressed whole by
 * inkset's deflate encoder for pages (pagedeflate.c: under 30 % of zlib's instructions, and
 * smaller: docs/performance.md); libdeflate gives the CRCs and the Adler-32. The rows are
 * gathered first: the filtered frame, room for its compressed bytes and the encoder's
 * working memory are held while a page is encoded, all from the context.
 *
 * The stream: the signature, IHDR, PLTE for palette formats, one IDAT per 2^31 - 1 bytes
 * of the zlib stream, IEND; non-interlaced, as libpng writes inkset's pages. */
#include "pagedeflate.h"
#include "pngenc.h"

#ifdef INK_WITH_LIBDEFLATE

#include <libdeflate.h>

/* The filter per PNG bit depth, measured on the sample's pages and a photograph
 * (docs/performance.md): rows unfiltered but at 8 bits, where the Up filter keeps a
 * photograph's page as small as zlib made it. */
static const bool filter_up[9] = { [8] = true };

#define CHUNK_MAX 0x7fffffffu

static void
put32 (uint8_t *p, uint32_t v)
{
  p[0] = (uint8_t) (v >> 24);
  p[1] = (uint8_t) (v >> 16);
  p[2] = (uint8_t) (v >> 8);
  p[3] = (uint8_t) v;
}

/* A chunk of len bytes of data at p[8..8+len), p[0..8) and p[8+len..12+len) left for its
 * length, type and CRC: fills them. */
static size_t
seal_chunk (uint8_t *p, const char type[4], size_t len)
{
  put32 (p, (uint32_t) len);
  memcpy (p + 4, type, 4);
  put32 (p + 8 + len, libdeflate_crc32 (0, p + 4, len + 4));
  return len + 12;
}

/* The signature, IHDR and PLTE into out (at most 8 + 25 + 36 bytes); returns the length. */
static size_t
png_head (const ink__layout_t *lay, uint8_t *out)
{
  static const uint8_t sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  bool palette = lay->fmt.kind != INK_PIXKIND_GRAY;
  memcpy (out, sig, 8);
  uint8_t *ihdr = out + 8 + 8;
  put32 (ihdr, lay->geo.native_width);
  put32 (ihdr + 4, lay->geo.native_height);
  ihdr[8] = (uint8_t) ink__png_depth (lay);
  ihdr[9] = palette ? 3 : 0;  /* colour type */
  ihdr[10] = ihdr[11] = ihdr[12] = 0;  /* deflate, adaptive filtering, no interlace */
  size_t n = 8 + seal_chunk (out + 8, "IHDR", 13);
  if (palette) {
    uint8_t rgb[8][3];
    unsigned colors = ink__palette_colors (&lay->fmt, rgb);
    memcpy (out + n + 8, rgb, (size_t) colors * 3);
    n += seal_chunk (out + n, "PLTE", (size_t) colors * 3);
  }
  return n;
}

/* Every row from rows, each after its filter-type byte; then, with up, each row less the one
 * above it, from the bottom so each row is subtracted while the one above is still whole. */
static ink_status_t
gather_rows (const ink__layout_t *lay, ink__png_rows_fn rows, void *src, bool up, uint8_t *buf,
             size_t row_bytes)
{
  uint32_t h = lay->geo.native_height;
  size_t pitch = row_bytes + 1;
  for (uint32_t y = 0; y < h; y++) {
    uint8_t *r = buf + (size_t) y * pitch;
    r[0] = up ? 2 : 0;
    ink_status_t st = rows (src, y, r + 1);
    if (st != INK_OK)
      return st;
  }
  if (up) {
    for (uint32_t y = h; y-- > 1;) {
      uint8_t *r = buf + (size_t) y * pitch + 1;
      const uint8_t *above = r - pitch;
      for (size_t i = 0; i < row_bytes; i++)
        r[i] = (uint8_t) (r[i] - above[i]);
    }
  }
  return INK_OK;
}

/* The zlib stream at z[8..8+n) as IDAT chunks, then IEND; z has 12 bytes of room after the
 * stream. A chunk's length, type and CRC go around its piece, saving the bytes they cover. */
static ink_status_t
write_idat (ink_write_fn fn, void *user, uint8_t *z, size_t n)
{
  for (size_t at = 0;;) {
    size_t len = n - at < CHUNK_MAX ? n - at : CHUNK_MAX;
    uint8_t *p = z + at, keep[12];
    memcpy (keep, p, 8);
    memcpy (keep + 8, p + 8 + len, 4);
    size_t total = seal_chunk (p, "IDAT", len);
    ink_status_t st = fn (user, p, total);
    memcpy (p, keep, 8);
    memcpy (p + 8 + len, keep + 8, 4);
    if (st != INK_OK)
      return st;
    at += len;
    if (at == n)
      break;
  }
  uint8_t iend[12];
  seal_chunk (iend, "IEND", 0);
  return fn (user, iend, sizeof iend);
}

/* The zlib stream of in[0..n) (rows of pitch bytes) at z: its header, the deflate stream
 * and the Adler-32; returns its length, 0 when it did not fit in cap. */
static size_t
zlib_stream (const uint8_t *in, size_t n, size_t pitch, uint8_t *z, size_t cap, void *work)
{
  if (cap < 6)
    return 0;
  z[0] = 0x78;  /* deflate, 32 KiB window */
  z[1] = 0x01;  /* fastest compression; (0x78 << 8 | 0x01) % 31 == 0 */
  size_t len = ink__pagedeflate (in, n, pitch, z + 2, cap - 6, work);
  if (len == 0)
    return 0;
  put32 (z + 2 + len, libdeflate_adler32 (1, in, n));
  return len + 6;
}

/* Declared in pngenc.h. */
ink_status_t
ink__png_emit_whole (ink_context_t *ctx, ink_write_fn fn, void *user,
                          const ink__layout_t *lay, ink__png_rows_fn rows, void *src)
{
  unsigned depth = ink__png_depth (lay);
  size_t row_bytes = ((size_t) lay->geo.native_width * depth + 7) / 8;
  size_t h = lay->geo.native_height;
  if (h > (UINT32_MAX / 2) / (row_bytes + 1))
    return ink__error (ctx, INK_LIMIT, "png: a frame of %zu rows is too big", h);
  size_t in_size = (row_bytes + 1) * h;
  size_t bound = 6 + ink__pagedeflate_bound (in_size);
  size_t out_size = 8 + bound + 12, work_size = ink__pagedeflate_work_size ();
  uint8_t *in = ink__realloc (ctx, NULL, 0, in_size);
  uint8_t *out = in ? ink__realloc (ctx, NULL, 0, out_size) : NULL;
  void *work = out ? ink__realloc (ctx, NULL, 0, work_size) : NULL;
  ink_status_t st = work ? INK_OK : ink__error (ctx, INK_NO_MEMORY, "png: out of memory");
  bool up = filter_up[depth];
  if (st == INK_OK && (st = gather_rows (lay, rows, src, up, in, row_bytes)) != INK_OK)
    ink__error (ctx, st, "png: rendering the frame failed");
  size_t n = 0;
  if (st == INK_OK && (n = zlib_stream (in, in_size, row_bytes + 1, out + 8, bound, work)) == 0)
    st = ink__error (ctx, INK_NO_MEMORY, "png: the compressed frame did not fit");
  if (st == INK_OK) {
    uint8_t head[8 + 25 + 36];
    st = fn (user, head, png_head (lay, head));
    if (st == INK_OK)
      st = write_idat (fn, user, out, n);
    if (st != INK_OK)
      ink__error (ctx, st, "png: the write callback failed");
  }
  ink__free (ctx, work, work ? work_size : 0);
  ink__free (ctx, out, out ? out_size : 0);
  ink__free (ctx, in, in ? in_size : 0);
  return st;
}

#endif
