/* Pixel formats, packing, strips and scaling, checked against plain reference
 * implementations written here (and in pixpage.h) from the format descriptions. Class-aware
 * dithering is in test_pixels_dither.c. */
#include "test.h"
#include "pixels.h"
#include "pixpage.h"

static ink_context_t *ctx;
static uint32_t rng = 12345;
static uint32_t
rnd (void)
{
  rng = rng * 1664525u + 1013904223u;
  return rng >> 8;
}

/* Puts code (grey level index, palette index; BWR 0 black 1 white 2 red) at native (x, y). */
static void
ref_put (const ink_pixfmt_t *f, uint8_t *buf, size_t stride, uint32_t nh, uint32_t x, uint32_t y,
         unsigned code)
{
  unsigned bpp = ref_bpp (f);
  if (f->kind == INK_PIXKIND_BWR) {
    uint8_t mask = f->lsb_first ? (uint8_t) (1u << (x & 7)) : (uint8_t) (0x80u >> (x & 7));
    bool b0 = code != 0, b1 = code == 2;
    if (f->invert)
      b0 = !b0, b1 = !b1;
    uint8_t *p0 = buf + y * stride + x / 8, *p1 = buf + (nh + y) * stride + x / 8;
    *p0 = b0 ? (*p0 | mask) : (*p0 & ~mask);
    *p1 = b1 ? (*p1 | mask) : (*p1 & ~mask);
    return;
  }
  unsigned v = code;
  if (f->kind == INK_PIXKIND_GRAY && f->invert)
    v = (1u << bpp) - 1 - code;
  size_t bit = (size_t) x * bpp;
  uint8_t *p = buf + y * stride + bit / 8;
  unsigned shift = f->lsb_first ? bit % 8 : 8 - bpp - bit % 8;
  unsigned mask = ((1u << bpp) - 1) << shift;
  *p = (uint8_t) ((*p & ~mask) | (v << shift));
}

static const uint8_t acep_rgb[7][3] = {
  { 0x1c, 0x1a, 0x22 }, { 0xe6, 0xe6, 0xe0 }, { 0x2b, 0x6a, 0x3c }, { 0x2f, 0x3e, 0x8a },
  { 0xb0, 0x30, 0x2a }, { 0xdc, 0xc8, 0x3c }, { 0xc8, 0x6e, 0x32 },
};
static const uint8_t spectra_rgb[7][3] = {
  { 0x19, 0x1e, 0x21 }, { 0xe8, 0xe8, 0xe8 }, { 0xef, 0xde, 0x44 }, { 0xb2, 0x13, 0x18 },
  { 0, 0, 0 }, { 0x21, 0x57, 0xba }, { 0x12, 0x5f, 0x20 },
};

/* Renders a random image of exact levels (TEXT class, no dither) and compares with the
 * reference packing of the same codes. */
static int
check_pack (const ink_pixfmt_t *f, uint32_t lw, uint32_t lh)
{
  unsigned bpp = ref_bpp (f), n = f->kind ? 0 : 1u << bpp;
  page_t p;
  page_alloc (&p, lw, lh);
  uint8_t *codes = malloc ((size_t) lw * lh);
  for (size_t i = 0; i < (size_t) lw * lh; i++) {
    unsigned c;
    p.cls[i] = INK_PX_TEXT;
    if (f->kind == INK_PIXKIND_GRAY) {
      c = rnd () % n;
      p.gray[i] = (uint8_t) (c * 255 / (n - 1));
    } else if (f->kind == INK_PIXKIND_BWR) {
      c = rnd () % 3;
      static const uint8_t bwr[3][3] = { { 0, 0, 0 }, { 255, 255, 255 }, { 190, 30, 30 } };
      memcpy (p.rgb + 3 * i, bwr[c], 3);
    } else {
      do
        c = rnd () % 7;
      while (f->kind == INK_PIXKIND_SPECTRA6 && c == 4);
      memcpy (p.rgb + 3 * i, f->kind == INK_PIXKIND_ACEP7 ? acep_rgb[c] : spectra_rgb[c], 3);
    }
    codes[i] = (uint8_t) c;
  }
  ink_frame_geometry_t g;
  int bad = 0;
  if (ink_frame_geometry (f, lw, lh, &g) != INK_OK)
    return 1;
  uint8_t *got = malloc (g.size), *want = malloc (g.size);
  memset (got, 0xa5, g.size);
  /* Reference: every slot of every row is white first (padding), then the pixels. */
  unsigned white = f->kind == INK_PIXKIND_GRAY ? n - 1 : 1;
  for (uint32_t y = 0; y < g.native_height; y++)
    for (uint32_t x = 0; x < g.stride * 8 / bpp; x++)
      ref_put (f, want, g.stride, g.native_height, x, y, white);
  for (uint32_t ly = 0; ly < lh; ly++)
    for (uint32_t lx = 0; lx < lw; lx++) {
      uint32_t nx, ny;
      ref_native (f, lw, lh, lx, ly, &nx, &ny);
      ref_put (f, want, g.stride, g.native_height, nx, ny, codes[(size_t) ly * lw + lx]);
    }
  ink_frame_t fr = { .width = lw, .height = lh, .format = *f, .dither = INK_DITHER_NONE,
                     .render = page_cb, .user = &p };
  if (ink_frame_render (ctx, &fr, got, g.size) != INK_OK)
    bad++;
  else if (memcmp (got, want, g.size) != 0)
    bad++;
  /* And the unpacker reads back what the reference wrote. */
  ink__layout_t lay;
  ink__layout (f, lw, lh, &lay);
  for (uint32_t y = 0; y < g.native_height && !bad; y++)
    for (uint32_t x = 0; x < g.native_width; x++) {
      unsigned a = ink__unpack_pixel (&lay, want + y * g.stride,
                                      want + ((size_t) g.native_height + y) * g.stride, x);
      unsigned b = ref_get (f, want, g.stride, g.native_height, x, y);
      if (a != b)
        bad++;
    }
  free (got);
  free (want);
  free (codes);
  page_free (&p);
  return bad;
}

TEST (packers_match_reference)
{
  static const uint8_t bpps[] = { 1, 2, 4, 8 };
  int combos = 0, bad = 0;
  for (unsigned b = 0; b < 4; b++)
    for (unsigned bits = 0; bits < 16; bits++)
      for (unsigned extra = 0; extra < 2; extra++) {
        ink_pixfmt_t f = { 0 };
        f.bpp = bpps[b];
        f.lsb_first = bits & 1;
        f.invert = (bits >> 1) & 1;
        f.mirror_x = (bits >> 2) & 1;
        f.mirror_y = (bits >> 3) & 1;
        for (unsigned r = 0; r < 4; r++) {
          f.rotate = (ink_rotate_t) r;
          uint32_t lw = 13 + extra * 6, lh = 7 + extra * 3;
          uint32_t nw = (r & 1) ? lh : lw;
          f.stride = extra ? (uint32_t) ((nw * f.bpp + 7) / 8 + 3) : 0;
          int e = check_pack (&f, lw, lh);
          if (e)
            fprintf (stderr, "pack mismatch: bpp %u lsb %d inv %d mx %d my %d rot %u stride %u\n",
                     f.bpp, f.lsb_first, f.invert, f.mirror_x, f.mirror_y, r, f.stride);
          bad += e;
          combos++;
        }
      }
  static const ink_pixkind_t kinds[] = { INK_PIXKIND_BWR, INK_PIXKIND_ACEP7, INK_PIXKIND_SPECTRA6 };
  for (unsigned k = 0; k < 3; k++)
    for (unsigned bits = 0; bits < 16; bits++)
      for (unsigned r = 0; r < 4; r++) {
        ink_pixfmt_t f = { 0 };
        f.kind = kinds[k];
        f.lsb_first = bits & 1;
        f.invert = (bits >> 1) & 1;
        f.mirror_x = (bits >> 2) & 1;
        f.mirror_y = (bits >> 3) & 1;
        f.rotate = (ink_rotate_t) r;
        int e = check_pack (&f, 11, 6);
        if (e)
          fprintf (stderr, "pack mismatch: kind %d bits %u rot %u\n", f.kind, bits, r);
        bad += e;
        combos++;
      }
  CHECK_EQ_INT (bad, 0);
  CHECK_EQ_INT (combos, 4 * 16 * 2 * 4 + 3 * 16 * 4);
}

TEST (presets_and_sizes)
{
  ink_pixfmt_t f;
  const char *names[] = { "gray8", "gray4", "gray2", "mono", "epdiy4", "it8951-4", "ssd1680",
                          "inkplate1", "bwr", "acep7", "spectra6", "epdc8" };
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
    CHECK_EQ_INT (ink_pixfmt_preset (names[i], &f), INK_OK);
    CHECK_EQ_INT (ink_pixfmt_check (&f), INK_OK);
  }
  CHECK_EQ_INT (ink_pixfmt_preset ("nope", &f), INK_NOT_FOUND);
  CHECK (ink_pixfmt_preset_name (0) != NULL);
  ink_pixfmt_preset ("mono", &f);
  /* The 10.3" 1404x1872 portrait page on its native 1872-wide landscape panel. */
  f.rotate = INK_ROTATE_90;
  CHECK_EQ_INT (ink_frame_size (&f, 1404, 1872), 1404 * 1872 / 8);
  f.rotate = INK_ROTATE_0;
  CHECK_EQ_INT (ink_frame_size (&f, 1404, 1872), 176 * 1872); /* 1404 px rows pad to bytes */
  CHECK_EQ_INT (ink_frame_size (&f, 122, 250), 16 * 250);
  ink_pixfmt_preset ("inkplate1", &f);
  CHECK (f.lsb_first && f.invert && f.bpp == 1);
  ink_pixfmt_preset ("epdiy4", &f);
  CHECK (f.lsb_first && f.bpp == 4);
  ink_pixfmt_preset ("it8951-4", &f);
  CHECK_EQ_INT (ink_frame_size (&f, 1403, 10), 702 * 10); /* 16-bit rows */
  ink_pixfmt_preset ("bwr", &f);
  CHECK_EQ_INT (ink_frame_size (&f, 250, 122), 2 * 32 * 122);
  ink_frame_geometry_t g;
  f.rotate = INK_ROTATE_90;
  CHECK_EQ_INT (ink_frame_geometry (&f, 250, 122, &g), INK_OK);
  CHECK_EQ_INT (g.native_width, 122);
  CHECK_EQ_INT (g.native_height, 250);
  CHECK_EQ_INT (g.stride, 16);
  CHECK_EQ_INT (g.planes, 2);
  ink_pixfmt_t z = { 0 };
  CHECK_EQ_INT (ink_frame_size (&z, 10, 10), 100);
  z.bpp = 3;
  CHECK_EQ_INT (ink_pixfmt_check (&z), INK_INVALID);
  z.bpp = 2;
  z.levels[0] = 0, z.levels[1] = 200, z.levels[2] = 100, z.levels[3] = 255;
  CHECK_EQ_INT (ink_pixfmt_check (&z), INK_INVALID);
  z = (ink_pixfmt_t) { 0 };
  z.stride = 5;
  CHECK_EQ_INT (ink_frame_size (&z, 10, 10), 0);
  CHECK_EQ_INT (ink_frame_size (&z, 0, 10), 0);
  ink_dither_t d;
  for (int i = 0; i < INK_DITHER_COUNT_; i++) {
    CHECK_EQ_INT (ink_dither_from_name (ink_dither_name ((ink_dither_t) i), &d), INK_OK);
    CHECK_EQ_INT (d, i);
  }
  CHECK_EQ_INT (ink_dither_from_name ("sierra", &d), INK_NOT_FOUND);
}

/* Renders the frame in strips of `rows` and puts the planes together. */
static int
render_strips (const ink_frame_t *fr, uint32_t rows, uint8_t *out, size_t *mem)
{
  ink_frame_geometry_t g;
  ink_frame_geometry (&fr->format, fr->width, fr->height, &g);
  ink_strips_t *s;
  if (ink_strips_begin (ctx, fr, rows, &s) != INK_OK)
    return 1;
  size_t bsize = ink_strips_buffer_size (s);
  uint8_t *buf = malloc (bsize);
  uint32_t y0, n, expect = 0;
  int bad = 0;
  while (ink_strips_next (s, buf, bsize, &y0, &n) == INK_OK && n) {
    if (y0 != expect)
      bad++;
    expect += n;
    for (uint32_t pl = 0; pl < g.planes; pl++)
      memcpy (out + (size_t) pl * g.stride * g.native_height + (size_t) y0 * g.stride,
              buf + (size_t) pl * n * g.stride, (size_t) n * g.stride);
  }
  if (expect != g.native_height)
    bad++;
  *mem = ink_strips_memory (s);
  free (buf);
  ink_strips_end (s);
  return bad;
}

TEST (strips_equal_full_render)
{
  page_t p;
  page_mixed (&p, 37, 29);
  int bad = 0, cases = 0;
  for (size_t i = 0; ink_pixfmt_preset_name (i); i++)
    for (int d = 0; d < INK_DITHER_COUNT_; d++)
      for (unsigned r = 0; r < 4; r++) {
        ink_frame_t fr = { .width = p.w, .height = p.h, .dither = (ink_dither_t) d,
                           .render = page_cb, .user = &p };
        ink_pixfmt_preset (ink_pixfmt_preset_name (i), &fr.format);
        fr.format.rotate = (ink_rotate_t) r;
        fr.format.mirror_x = i & 1;
        size_t size = ink_frame_size (&fr.format, p.w, p.h);
        uint8_t *full = malloc (size), *cat = malloc (size), *part = malloc (size);
        CHECK_EQ_INT (ink_frame_render (ctx, &fr, full, size), INK_OK);
        ink_frame_geometry_t g;
        ink_frame_geometry (&fr.format, p.w, p.h, &g);
        static const uint32_t heights[] = { 1, 3, 8, 16, 17, 1000 };
        for (unsigned h = 0; h < 6; h++) {
          size_t mem = 0;
          memset (cat, 0x5a, size);
          bad += render_strips (&fr, heights[h], cat, &mem);
          if (memcmp (cat, full, size) != 0) {
            fprintf (stderr, "strips differ: %s %s rot %u rows %u\n", ink_pixfmt_preset_name (i),
                     ink_dither_name ((ink_dither_t) d), r, heights[h]);
            bad++;
          }
          uint32_t sr = heights[h] < g.native_height ? heights[h] : g.native_height;
          /* O(width x rows): a handful of bytes per pixel of the strip, plus error rows. */
          if (mem > sizeof (ink__dither_t) + sizeof (ink__tone_t) + 2048 + (size_t) g.native_width * sr * 5
                      + 3 * 3 * 4 * (size_t) (g.native_width + 4) + 8 * g.native_width)
            bad++;
          cases++;
        }
        /* Any row range alone matches the same rows of the whole frame. */
        uint32_t a = (uint32_t) (rnd () % g.native_height);
        uint32_t n = 1 + (uint32_t) (rnd () % (g.native_height - a));
        size_t used;
        CHECK_EQ_INT (ink_frame_render_rows (ctx, &fr, a, n, part, size, &used), INK_OK);
        for (uint32_t pl = 0; pl < g.planes; pl++)
          if (memcmp (part + (size_t) pl * n * g.stride,
                      full + ((size_t) pl * g.native_height + a) * g.stride, (size_t) n * g.stride))
            bad++;
        CHECK (used > 0);
        free (full);
        free (cat);
        free (part);
      }
  CHECK_EQ_INT (bad, 0);
  CHECK (cases == 12 * 5 * 4 * 6);
  page_free (&p);
}

/* The nearest of 16 levels 17 apart, the lower on a tie. */
static unsigned
ref_even16 (unsigned v)
{
  unsigned k = v / 17;
  return k < 15 && 17 * (k + 1) - v < v - 17 * k ? k + 1 : k;
}

/* 4-bit rows of text pack straight from grey (sixteen pixels at a time where the levels are
 * evenly spread): every grey value, white runs and odd ends, against the nearest level. */
TEST (grey4_rows_from_grey)
{
  ink__tone_t tone;
  ink_pixfmt_t f = { 0 };
  f.bpp = 4;
  ink__tone_init (&f, &tone);
  CHECK (tone.even16);
  for (unsigned v = 0; v < 256; v++)
    CHECK_EQ_INT (tone.paper_code[v], ref_even16 (v));
  const uint32_t w = 301, h = 4;
  page_t p;
  page_alloc (&p, w, h);
  for (uint32_t i = 0; i < w * h; i++) {
    uint32_t x = i % w, y = i / w;
    p.gray[i] = y == 1 ? (x == 150 ? 0 : 255) : (x >= 100 && x < 140) ? 255
                : y == 3 ? (uint8_t) (rnd () & 255) : (uint8_t) (x * 7 + y);
    p.cls[i] = x % 5 ? INK_PX_TEXT : INK_PX_LINEART;
  }
  ink_frame_t fr = { .width = w, .height = h, .dither = INK_DITHER_NONE, .render = page_cb,
                     .user = &p, .format = f };
  size_t stride = (w + 1) / 2;
  uint8_t got[4 * 151], want[4 * 151];
  CHECK_EQ_INT (ink_frame_size (&fr.format, w, h), sizeof got);
  CHECK_EQ_INT (ink_frame_render (ctx, &fr, got, sizeof got), INK_OK);
  memset (want, 0xff, sizeof want);
  for (uint32_t y = 0; y < h; y++)
    for (uint32_t x = 0; x < w; x++) {
      uint8_t *b = &want[y * stride + x / 2];
      unsigned c = ref_even16 (p.gray[y * w + x]);
      *b = (uint8_t) (x % 2 ? (*b & 0xf0) | c : (*b & 0x0f) | c << 4);
    }
  CHECK (memcmp (got, want, sizeof got) == 0);
  uint8_t lv[16];
  for (unsigned k = 0; k < 16; k++)
    lv[k] = (uint8_t) (k * 16 + (k == 15 ? 15 : 0));
  memcpy (f.levels, lv, sizeof lv);
  ink__tone_init (&f, &tone);
  CHECK (!tone.even16);   /* calibrated: the table, not the lanes */
  page_free (&p);
}

/* 4-bit rows packed 32 pixels at a time: blocks wholly white, white then ink, ink then white,
 * every grey value in each half, and a row's odd end, against the nearest level. */
TEST (grey4_blocks_of_32)
{
  ink_pixfmt_t f = { 0 };
  f.bpp = 4;
  const uint32_t w = 1027, h = 3;
  page_t p;
  page_alloc (&p, w, h);
  for (uint32_t i = 0; i < w * h; i++) {
    uint32_t x = i % w, y = i / w, b = x / 32, half = x % 32 / 16;
    uint8_t ink = (uint8_t) (x * 37 + y * 11);
    bool white = y == 0 ? (b % 3 == 0 || (b % 3 == 1 && half == 0) || (b % 3 == 2 && half == 1))
                        : y == 1 ? b % 2 == 0 && half == 1 : false;
    p.gray[i] = white ? 255 : y == 2 ? (uint8_t) (rnd () & 255) : ink;
    p.cls[i] = INK_PX_TEXT;
  }
  ink_frame_t fr = { .width = w, .height = h, .dither = INK_DITHER_NONE, .render = page_cb,
                     .user = &p, .format = f };
  size_t stride = (w + 1) / 2;
  uint8_t *got = malloc (stride * h), *want = malloc (stride * h);
  CHECK_EQ_INT (ink_frame_size (&fr.format, w, h), stride * h);
  CHECK_EQ_INT (ink_frame_render (ctx, &fr, got, stride * h), INK_OK);
  memset (want, 0xff, stride * h);
  for (uint32_t y = 0; y < h; y++)
    for (uint32_t x = 0; x < w; x++) {
      uint8_t *b = &want[y * stride + x / 2];
      unsigned c = ref_even16 (p.gray[y * w + x]);
      *b = (uint8_t) (x % 2 ? (*b & 0xf0) | c : (*b & 0x0f) | c << 4);
    }
  CHECK (memcmp (got, want, stride * h) == 0);
  free (got);
  free (want);
  page_free (&p);
}

TEST (image_source)
{
  uint8_t img[6] = { 0, 50, 100, 150, 200, 255 };
  ink_image_source_t src = { img, 3, NULL, 0, NULL, 0, 3, 2 };
  ink_frame_t fr = { .width = 4, .height = 2, .dither = INK_DITHER_NONE,
                     .render = ink_image_source_render, .user = &src };
  uint8_t out[8];
  CHECK_EQ_INT (ink_frame_render (ctx, &fr, out, sizeof out), INK_OK);
  uint8_t want[8] = { 0, 50, 100, 255, 150, 200, 255, 255 };
  CHECK (memcmp (out, want, 8) == 0);
  CHECK_EQ_INT (ink_frame_render (ctx, &fr, out, 7), INK_INVALID);
}

TEST (scale)
{
  /* Shrinking by a whole factor is the block average. */
  uint8_t src[8 * 4], dst[4 * 2];
  for (int i = 0; i < 32; i++)
    src[i] = (uint8_t) (rnd () & 255);
  CHECK_EQ_INT (ink__image_scale (ctx, src, 8, 4, 8, dst, 4, 2, 4, 1), INK_OK);
  int bad = 0;
  for (int y = 0; y < 2; y++)
    for (int x = 0; x < 4; x++) {
      int s = src[2 * y * 8 + 2 * x] + src[2 * y * 8 + 2 * x + 1] + src[(2 * y + 1) * 8 + 2 * x]
              + src[(2 * y + 1) * 8 + 2 * x + 1];
      bad += dst[y * 4 + x] != (s + 2) / 4;
    }
  CHECK_EQ_INT (bad, 0);
  /* Same size is a copy; a flat image stays flat at any size; a 2 -> 4 ramp is bilinear. */
  uint8_t same[32];
  ink__image_scale (ctx, src, 8, 4, 8, same, 8, 4, 8, 1);
  CHECK (memcmp (same, src, 32) == 0);
  uint8_t flat[3 * 3 * 3], big[17 * 5 * 3];
  memset (flat, 77, sizeof flat);
  ink__image_scale (ctx, flat, 3, 3, 9, big, 17, 5, 51, 3);
  int notflat = 0;
  for (size_t i = 0; i < sizeof big; i++)
    notflat += big[i] != 77;
  CHECK_EQ_INT (notflat, 0);
  uint8_t ramp[2] = { 0, 200 }, up[4];
  ink__image_scale (ctx, ramp, 2, 1, 2, up, 4, 1, 4, 1);
  CHECK_EQ_INT (up[0], 0);
  CHECK_EQ_INT (up[1], 50);
  CHECK_EQ_INT (up[2], 150);
  CHECK_EQ_INT (up[3], 200);
  /* Shrink one way, grow the other; a 3 -> 2 shrink weighs the middle pixel half and half. */
  uint8_t row[3] = { 0, 90, 180 }, two[2 * 2];
  ink__image_scale (ctx, row, 3, 1, 3, two, 2, 2, 2, 1);
  CHECK_EQ_INT (two[0], 30);
  CHECK_EQ_INT (two[1], 150);
  CHECK_EQ_INT (two[2], 30);
  CHECK_EQ_INT (ink__image_scale (ctx, row, 0, 1, 3, two, 2, 2, 2, 1), INK_INVALID);
  CHECK_EQ_INT (ink__image_scale (ctx, row, 3, 1, 3, two, 2, 2, 2, 2), INK_INVALID);
  CHECK_EQ_INT (ink__image_scale (ctx, row, 3, 1, 3, two, 30000, 1, 30000, 1), INK_LIMIT);
}

int
main (void)
{
  ink_context_create (NULL, NULL, &ctx);
  RUN (packers_match_reference);
  RUN (presets_and_sizes);
  RUN (strips_equal_full_render);
  RUN (grey4_rows_from_grey);
  RUN (grey4_blocks_of_32);
  RUN (image_source);
  RUN (scale);
  size_t cur;
  ink_context_memory (ctx, &cur, NULL);
  CHECK_EQ_INT (cur, sizeof (struct ink_context)); /* everything freed */
  ink_context_destroy (ctx);
  return test_summary ();
}
