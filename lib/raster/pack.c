/* raster/pack: native rows of level or palette codes to the bytes a panel takes (bit depth,
 * pixel order in a byte, polarity, planes, stride) and back. */
#include "pixels.h"

static unsigned
polar (const ink__layout_t *lay, unsigned code)
{
  if (lay->fmt.kind == INK_PIXKIND_GRAY && lay->fmt.invert)
    return ((1u << lay->fmt.bpp) - 1) ^ code;
  return code;
}

/* The code of native pixel x: paper white past the row's end. */
static unsigned
code_at (const ink__layout_t *lay, const ink__tone_t *tone, const uint8_t *codes, uint32_t x)
{
  return x < lay->geo.native_width ? codes[x] : tone->white;
}

/* Packs bytes [b0, b1) of a row. */
static void
pack_bytes (const ink__layout_t *lay, const ink__tone_t *tone, const uint8_t *codes, uint32_t b0,
            uint32_t b1, uint8_t *plane0, uint8_t *plane1)
{
  uint32_t w = lay->geo.native_width;
  unsigned bpp = lay->fmt.bpp;
  if (lay->fmt.kind == INK_PIXKIND_BWR) {
    /* Plane 0 (RAM 0x24): 1 = not black. Plane 1 (RAM 0x26): 1 = red. */
    uint8_t flip = lay->fmt.invert ? 0xff : 0;
    for (uint32_t i = b0; i < b1; i++) {
      uint8_t p0 = 0, p1 = 0;
      for (unsigned j = 0; j < 8; j++) {
        unsigned c = code_at (lay, tone, codes, i * 8 + j);
        unsigned bit = lay->fmt.lsb_first ? j : 7 - j;
        p0 |= (uint8_t) ((c != 0) << bit);
        p1 |= (uint8_t) ((c == 2) << bit);
      }
      plane0[i] = p0 ^ flip;
      plane1[i] = p1 ^ flip;
    }
    return;
  }
  if (bpp == 8) {
    for (uint32_t x = b0; x < b1; x++)
      plane0[x] = (uint8_t) polar (lay, code_at (lay, tone, codes, x));
    return;
  }
  unsigned ppb = 8 / bpp;
  uint32_t i = b0;
  if (!lay->fmt.lsb_first && !lay->fmt.invert) {
    /* The usual case, leftmost pixel in the high bits: whole bytes without per-pixel tests. */
    uint32_t full = w / ppb < b1 ? w / ppb : b1;
    const uint8_t *c = codes + (size_t) i * ppb;
    switch (bpp) {
    case 4:
      for (; i < full; i++, c += 2)
        plane0[i] = (uint8_t) (c[0] << 4 | c[1]);
      break;
    case 2:
      for (; i < full; i++, c += 4)
        plane0[i] = (uint8_t) (c[0] << 6 | c[1] << 4 | c[2] << 2 | c[3]);
      break;
    default:
      for (; i < full; i++, c += 8)
        plane0[i] = (uint8_t) (c[0] << 7 | c[1] << 6 | c[2] << 5 | c[3] << 4 | c[4] << 3 |
                               c[5] << 2 | c[6] << 1 | c[7]);
      break;
    }
  }
  for (; i < b1; i++) {
    unsigned b = 0;
    for (unsigned j = 0; j < ppb; j++) {
      unsigned v = polar (lay, code_at (lay, tone, codes, i * ppb + j));
      unsigned shift = lay->fmt.lsb_first ? j * bpp : 8 - (j + 1) * bpp;
      b |= v << shift;
    }
    plane0[i] = (uint8_t) b;
  }
}

void
ink__pack_row (const ink__layout_t *lay, const ink__tone_t *tone, const uint8_t *codes,
               uint8_t *plane0, uint8_t *plane1)
{
  pack_bytes (lay, tone, codes, 0, lay->geo.stride, plane0, plane1);
}

void
ink__pack_span (const ink__layout_t *lay, const ink__tone_t *tone, const uint8_t *codes,
                uint32_t x0, uint32_t x1, uint8_t *plane0, uint8_t *plane1)
{
  if (x0 >= x1)
    return;
  unsigned bpp = lay->fmt.bpp;
  uint32_t b0 = (uint32_t) ((uint64_t) x0 * bpp / 8);
  uint32_t b1 = (uint32_t) (((uint64_t) x1 * bpp + 7) / 8);
  pack_bytes (lay, tone, codes, b0, b1, plane0, plane1);
}

bool
ink__pack_grey4_ok (const ink__layout_t *lay, const ink__tone_t *tone)
{
  return lay->fmt.kind == INK_PIXKIND_GRAY && lay->fmt.bpp == 4 && !lay->fmt.lsb_first &&
         !lay->fmt.invert && tone->kind == INK_PIXKIND_GRAY && tone->text_as_paper;
}

#if defined(__SSE2__)
#include <emmintrin.h>

/* Sixteen pixels of grey to eight bytes of evenly spread 4-bit codes, in 16-bit lanes that hold
 * a pair, its left pixel in the low byte, which becomes the high nibble: INK_EVEN16 as the high
 * half of a multiply by 241 * 16. */
static void
pack16_even (__m128i w, uint8_t *out)
{
  const __m128i low = _mm_set1_epi16 (0xff), half = _mm_set1_epi16 (8);
  const __m128i k = _mm_set1_epi16 (241 * 16);
  __m128i l = _mm_mulhi_epu16 (_mm_add_epi16 (_mm_and_si128 (w, low), half), k);
  __m128i r = _mm_mulhi_epu16 (_mm_add_epi16 (_mm_srli_epi16 (w, 8), half), k);
  __m128i b = _mm_or_si128 (_mm_slli_epi16 (l, 4), r);
  _mm_storel_epi64 ((__m128i *) (void *) out, _mm_packus_epi16 (b, b));
}
#define HAVE_PACK16_SSE2 1
#elif __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
typedef uint16_t pairs8_t __attribute__ ((vector_size (16)));
typedef uint8_t bytes8_t __attribute__ ((vector_size (8)));

/* Sixteen pixels of grey to eight bytes of evenly spread 4-bit codes: each 16-bit lane holds a
 * pair, its left pixel in the low byte, which becomes the high nibble. */
static void
pack16_even (const uint8_t *g, uint8_t *out)
{
  pairs8_t w;
  memcpy (&w, g, sizeof w);
  pairs8_t b = INK_EVEN16 (w & 0xff) << 4 | INK_EVEN16 (w >> 8);
  bytes8_t o = __builtin_convertvector (b, bytes8_t);
  memcpy (out, &o, sizeof o);
}
#define HAVE_PACK16_EVEN 1
#endif

void
ink__pack_grey4 (const ink__tone_t *tone, const uint8_t *gray, uint32_t x0, uint32_t x1,
                 uint8_t *plane0)
{
  const uint8_t *code = tone->paper_code;
  uint8_t *out = plane0 + x0 / 2;
  const uint8_t *g = gray + x0, *end = gray + x1;
#if defined(HAVE_PACK16_SSE2)
  const __m128i white = _mm_set1_epi8 ((char) 0xff);
  for (bool even = tone->even16; even && end - g >= 32; g += 32, out += 16) {
    __m128i w0 = _mm_loadu_si128 ((const __m128i *) (const void *) g);
    __m128i w1 = _mm_loadu_si128 ((const __m128i *) (const void *) (g + 16));
    if (_mm_movemask_epi8 (_mm_cmpeq_epi8 (_mm_and_si128 (w0, w1), white)) == 0xffff)
      continue;   /* 32 white pixels: 16 bytes of paper already */
    pack16_even (w0, out);
    pack16_even (w1, out + 8);
  }
  for (bool even = tone->even16; even && end - g >= 16; g += 16, out += 8) {
    __m128i w = _mm_loadu_si128 ((const __m128i *) (const void *) g);
    if (_mm_movemask_epi8 (_mm_cmpeq_epi8 (w, white)) != 0xffff)
      pack16_even (w, out);
  }
#elif defined(HAVE_PACK16_EVEN)
  for (bool even = tone->even16; even && end - g >= 16; g += 16, out += 8) {
    uint64_t v[2];
    memcpy (v, g, sizeof v);
    if ((v[0] & v[1]) != UINT64_MAX)
      pack16_even (g, out);
  }
#endif
  /* Eight white pixels, between letters and words, are four bytes of paper already. */
  for (; end - g >= 8; g += 8, out += 4) {
    uint64_t v;
    memcpy (&v, g, sizeof v);
    if (v == UINT64_MAX)
      continue;
    for (int k = 0; k < 4; k++)
      out[k] = (uint8_t) (code[g[2 * k]] << 4 | code[g[2 * k + 1]]);
  }
  for (; g < end; g += 2)
    *out++ = (uint8_t) (code[g[0]] << 4 | code[g[1]]);
}

unsigned
ink__unpack_pixel (const ink__layout_t *lay, const uint8_t *plane0, const uint8_t *plane1,
                   uint32_t x)
{
  unsigned bpp = lay->fmt.bpp;
  if (lay->fmt.kind == INK_PIXKIND_BWR) {
    unsigned bit = lay->fmt.lsb_first ? (x & 7) : 7 - (x & 7);
    unsigned flip = lay->fmt.invert ? 1 : 0;
    unsigned b0 = ((plane0[x >> 3] >> bit) & 1) ^ flip, b1 = ((plane1[x >> 3] >> bit) & 1) ^ flip;
    return b1 ? 2 : b0 ? 1 : 0;
  }
  if (bpp == 8)
    return polar (lay, plane0[x]);
  unsigned ppb = 8 / bpp, j = x % ppb;
  unsigned shift = lay->fmt.lsb_first ? j * bpp : 8 - (j + 1) * bpp;
  return polar (lay, (plane0[x / ppb] >> shift) & ((1u << bpp) - 1));
}
