/* target/pngdeflate: a PNG written chunk by chunk, its image data compressed whole by
 * inkset's deflate encoder for pages (pagedeflate.c: under 30 % of zlib's instructions, and
 * smaller: docs/performance.md); libdeflate gives the CRCs and the Adler-32. The encoder asks
 * for the filtered rows as it goes, each drawn then, so the frame is never held whole: room
 * for the compressed bytes, one row or two and the encoder's working memory (its window on
 * the rows) are held while a page is encoded, all from the context.
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
/* Whether the encoder searches its hash table per bit depth (docs/performance.md, "Deflate
 * without the hash search at 1 and 2 bits"): at 1 and 2 bits runs and the row above alone
 * make pages smaller, in fewer instructions; at 4 and 8 bits the search pays. */
static const bool search_hash[9] = { [4] = true, [8] = true };

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

/* The filtered rows as the encoder asks for them: each row after its filter-type byte, with
 * up less the row above (kept unfiltered in above). */
typedef struct {
  ink__png_rows_fn rows;
  void *src;
  bool up, search;
  size_t pitch;        /* bytes of a filtered row, its filter-type byte first */
  uint32_t y;          /* the next row to draw */
  size_t used;         /* bytes of row handed out (pitch: none left) */
  uint8_t *row, *above;
  uint32_t adler;      /* of the bytes handed out */
  ink_status_t st;
} rowsrc_t;

/* Draws row y at dst (pitch bytes), filtered. */
static bool
next_row (rowsrc_t *r, uint8_t *dst)
{
  uint8_t *row = dst + 1;
  size_t n = r->pitch - 1;
  dst[0] = r->up ? 2 : 0;
  if ((r->st = r->rows (r->src, r->y, row)) != INK_OK)
    return false;
  if (r->up) {
    for (size_t i = 0; i < n; i++) {
      uint8_t v = row[i];
      row[i] = (uint8_t) (v - (r->y > 0 ? r->above[i] : 0));
      r->above[i] = v;
    }
  }
  r->y++;
  return true;
}

/* ink__deflate_fill_fn: the next len bytes of the filtered rows, whole rows drawn in place and
 * the rest through r->row. */
static bool
fill_rows (void *src, uint8_t *dst, size_t len)
{
  rowsrc_t *r = src;
  uint8_t *start = dst;
  while (len > 0) {
    if (r->used == r->pitch && len >= r->pitch) {
      if (!next_row (r, dst))
        return false;
      dst += r->pitch;
      len -= r->pitch;
      continue;
    }
    if (r->used == r->pitch) {
      if (!next_row (r, r->row))
        return false;
      r->used = 0;
    }
    size_t k = r->pitch - r->used < len ? r->pitch - r->used : len;
    memcpy (dst, r->row + r->used, k);
    r->used += k;
    dst += k;
    len -= k;
  }
  r->adler = libdeflate_adler32 (r->adler, start, (size_t) (dst - start));
  return true;
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

/* The compressed page's buffer: the IDAT chunk's length and type, the zlib stream (its
 * header, the deflate stream, the Adler-32) and the chunk's CRC, with slack for the
 * encoder's last word; started at an eighth of the rows' bytes (a page of text takes about
 * that at 4 bits: docs/performance.md) and doubled as the encoder asks, up to the bound. */
#define OUT_HEAD (8 + 2)
#define OUT_TAIL (4 + 4 + 8)
#define OUT_FIRST_SHARE 8

typedef struct {
  ink_context_t *ctx;
  uint8_t *buf;
  size_t size, most;
} outbuf_t;

/* ink__deflate_grow_fn: the buffer doubled (or to the bound) until the deflate stream has need
 * bytes of room. */
static uint8_t *
grow_out (void *user, uint8_t *out, size_t len, size_t need, size_t *cap)
{
  outbuf_t *o = user;
  (void) out;
  (void) len;
  size_t size = o->size;
  while (size - OUT_HEAD - OUT_TAIL < need && size < o->most)
    size = size > o->most / 2 ? o->most : 2 * size;
  if (size - OUT_HEAD - OUT_TAIL < need)
    return NULL;
  uint8_t *p = ink__realloc (o->ctx, o->buf, o->size, size);
  if (!p)
    return NULL;
  o->buf = p;
  o->size = size;
  *cap = size - OUT_HEAD - OUT_TAIL;
  return p + OUT_HEAD;
}

/* The zlib stream of the rows of r (n bytes in all) into o->buf + 8: its header, the deflate
 * stream and the Adler-32; returns its length, 0 when the rows failed or no room was left. */
static size_t
zlib_stream (rowsrc_t *r, size_t n, outbuf_t *o, void *work)
{
  ink__deflate_room_t room = { o->buf + OUT_HEAD, o->size - OUT_HEAD - OUT_TAIL, grow_out, o };
  size_t len = ink__pagedeflate_grow (fill_rows, r, n, r->pitch, r->search, &room, work);
  if (len == 0)
    return 0;
  uint8_t *z = o->buf + 8;
  z[0] = 0x78;  /* deflate, 32 KiB window */
  z[1] = 0x01;  /* fastest compression; (0x78 << 8 | 0x01) % 31 == 0 */
  put32 (z + 2 + len, r->adler);
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
  size_t in_size = (row_bytes + 1) * h, rows_size = 2 * (row_bytes + 1);
  size_t most = OUT_HEAD + ink__pagedeflate_bound (in_size) + OUT_TAIL;
  outbuf_t o = { ctx, NULL, OUT_HEAD + in_size / OUT_FIRST_SHARE + OUT_TAIL, most };
  size_t work_size = ink__pagedeflate_work_size ();
  uint8_t *buf = ink__realloc (ctx, NULL, 0, rows_size);
  o.buf = buf ? ink__realloc (ctx, NULL, 0, o.size) : NULL;
  void *work = o.buf ? ink__realloc (ctx, NULL, 0, work_size) : NULL;
  ink_status_t st = work ? INK_OK : ink__error (ctx, INK_NO_MEMORY, "png: out of memory");
  rowsrc_t r = { .rows = rows, .src = src, .up = filter_up[depth],
                 .search = search_hash[depth], .pitch = row_bytes + 1,
                 .used = row_bytes + 1, .row = buf, .above = buf + row_bytes + 1, .adler = 1,
                 .st = INK_OK };
  size_t n = 0;
  if (st == INK_OK && (n = zlib_stream (&r, in_size, &o, work)) == 0) {
    if (r.st != INK_OK)
      st = ink__error (ctx, r.st, "png: rendering the frame failed");
    else
      st = ink__error (ctx, INK_NO_MEMORY, "png: out of memory for the compressed frame");
  }
  if (st == INK_OK) {
    uint8_t head[8 + 25 + 36];
    st = fn (user, head, png_head (lay, head));
    if (st == INK_OK)
      st = write_idat (fn, user, o.buf, n);
    if (st != INK_OK)
      ink__error (ctx, st, "png: the write callback failed");
  }
  ink__free (ctx, work, work ? work_size : 0);
  ink__free (ctx, o.buf, o.buf ? o.size : 0);
  ink__free (ctx, buf, buf ? rows_size : 0);
  return st;
}

#endif
