/* Pixel formats, packing, strips, class-aware dithering and scaling, checked against plain
 * reference implementations written here from the format descriptions. */
#include "test.h"
#include "pixels.h"

static ink_context_t *ctx;
static uint32_t rng = 12345;
static uint32_t
rnd (void)
{
  rng = rng * 1664525u + 1013904223u;
  return rng >> 8;
}

/* ---- A page source: a logical image of grey, class and colour. ---- */
typedef struct {
  uint32_t w, h;
  uint8_t *gray, *cls, *rgb;
  int calls;
} page_t;

static void
page_cb (void *user, int32_t x, int32_t y, uint32_t w, uint32_t h, uint8_t *gray, size_t gs,
         uint8_t *cls, size_t cs, uint8_t *rgb, size_t rs)
{
  page_t *p = user;
  p->calls++;
  for (uint32_t j = 0; j < h; j++)
    for (uint32_t i = 0; i < w; i++) {
      int64_t lx = x + (int64_t) i, ly = y + (int64_t) j;
      if (lx < 0 || ly < 0 || lx >= p->w || ly >= p->h)
        abort (); /* the renderer asks only for page pixels */
      size_t at = (size_t) ly * p->w + (size_t) lx;
      gray[j * gs + i] = p->gray[at];
      cls[j * cs + i] = p->cls[at];
      if (rgb)
        memcpy (rgb + j * rs + 3 * i, p->rgb + 3 * at, 3);
    }
}

static void
page_alloc (page_t *p, uint32_t w, uint32_t h)
{
  memset (p, 0, sizeof *p);
  p->w = w;
  p->h = h;
  p->gray = calloc ((size_t) w * h, 1);
  p->cls = calloc ((size_t) w * h, 1);
  p->rgb = calloc ((size_t) w * h * 3, 1);
}

static void
page_free (page_t *p)
{
  free (p->gray);
  free (p->cls);
  free (p->rgb);
}

/* A page with a picture (gradient plus colour), text blocks and a rule. */
static void
page_mixed (page_t *p, uint32_t w, uint32_t h)
{
  page_alloc (p, w, h);
  for (uint32_t y = 0; y < h; y++)
    for (uint32_t x = 0; x < w; x++) {
      size_t at = (size_t) y * w + x;
      uint8_t g = 255, c = INK_PX_PAPER, r = 255, gg = 255, b = 255;
      if (x >= w / 3 && y >= h / 4 && y < 3 * h / 4) {
        c = INK_PX_IMAGE;
        g = (uint8_t) ((x * 255) / w);
        r = (uint8_t) (x * 7 + y * 3);
        gg = (uint8_t) (y * 11);
        b = (uint8_t) (255 - x * 5);
      } else if (x < w / 3 && (y % 6) < 4) {
        c = INK_PX_TEXT;
        g = (uint8_t) ((x * 37 + y * 101) & 255); /* antialiased edges of all greys */
        r = gg = b = g;
        if (y % 12 < 4)
          r = 200, gg = b = 20; /* red text */
      } else if (y == h - 2) {
        c = INK_PX_LINEART;
        g = 60;
        r = gg = b = 60;
      }
      p->gray[at] = g;
      p->cls[at] = c;
      p->rgb[3 * at] = r;
      p->rgb[3 * at + 1] = gg;
      p->rgb[3 * at + 2] = b;
    }
}

/* ---- The reference: logical pixel -> native position -> bits, from the format tables. ---- */
static void
ref_native (const ink_pixfmt_t *f, uint32_t lw, uint32_t lh, uint32_t lx, uint32_t ly,
            uint32_t *nx, uint32_t *ny)
{
  uint32_t nw = (f->rotate & 1) ? lh : lw, nh = (f->rotate & 1) ? lw : lh;
  uint32_t x, y;
  switch (f->rotate) {
  case INK_ROTATE_90: x = lh - 1 - ly; y = lx; break;   /* clockwise: top-left goes top-right */
  case INK_ROTATE_180: x = lw - 1 - lx; y = lh - 1 - ly; break;
  case INK_ROTATE_270: x = ly; y = lw - 1 - lx; break;
  default: x = lx; y = ly; break;
  }
  if (f->mirror_x)
    x = nw - 1 - x;
  if (f->mirror_y)
    y = nh - 1 - y;
  *nx = x;
  *ny = y;
}

static unsigned
ref_bpp (const ink_pixfmt_t *f)
{
  return f->kind == INK_PIXKIND_BWR ? 1 : f->kind ? 4 : f->bpp ? f->bpp : 8;
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

static unsigned
ref_get (const ink_pixfmt_t *f, const uint8_t *buf, size_t stride, uint32_t nh, uint32_t x,
         uint32_t y)
{
  unsigned bpp = ref_bpp (f);
  if (f->kind == INK_PIXKIND_BWR) {
    unsigned sh = f->lsb_first ? (x & 7) : 7 - (x & 7);
    unsigned b0 = (buf[y * stride + x / 8] >> sh) & 1, b1 = (buf[(nh + y) * stride + x / 8] >> sh) & 1;
    if (f->invert)
      b0 ^= 1, b1 ^= 1;
    return b1 ? 2 : b0 ? 1 : 0;
  }
  size_t bit = (size_t) x * bpp;
  unsigned shift = f->lsb_first ? bit % 8 : 8 - bpp - bit % 8;
  unsigned v = (buf[y * stride + bit / 8] >> shift) & ((1u << bpp) - 1);
  if (f->kind == INK_PIXKIND_GRAY && f->invert)
    v = (1u << bpp) - 1 - v;
  return v;
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

/* The code of every logical pixel of a frame, through the reference reader. */
static void
logical_codes (const ink_frame_t *fr, const uint8_t *buf, uint8_t *codes)
{
  ink_frame_geometry_t g;
  ink_frame_geometry (&fr->format, fr->width, fr->height, &g);
  for (uint32_t y = 0; y < fr->height; y++)
    for (uint32_t x = 0; x < fr->width; x++) {
      uint32_t nx, ny;
      ref_native (&fr->format, fr->width, fr->height, x, y, &nx, &ny);
      codes[(size_t) y * fr->width + x] =
        (uint8_t) ref_get (&fr->format, buf, g.stride, g.native_height, nx, ny);
    }
}

TEST (text_is_never_dithered)
{
  page_t p;
  page_mixed (&p, 64, 48);
  size_t n = (size_t) p.w * p.h;
  const char *fmts[] = { "mono", "gray2", "gray4", "bwr", "acep7", "spectra6" };
  for (unsigned fi = 0; fi < 6; fi++)
    for (unsigned r = 0; r < 4; r += 3) {
      uint8_t *first = malloc (n), *codes = malloc (n);
      for (int d = 0; d < INK_DITHER_COUNT_; d++) {
        ink_frame_t fr = { .width = p.w, .height = p.h, .dither = (ink_dither_t) d,
                           .render = page_cb, .user = &p };
        ink_pixfmt_preset (fmts[fi], &fr.format);
        fr.format.rotate = (ink_rotate_t) r;
        size_t size = ink_frame_size (&fr.format, p.w, p.h);
        uint8_t *buf = malloc (size);
        ink_frame_render (ctx, &fr, buf, size);
        logical_codes (&fr, buf, d ? codes : first);
        int differ = 0, uneven = 0;
        for (size_t i = 0; i < n; i++)
          if (p.cls[i] != INK_PX_IMAGE && d && codes[i] != first[i])
            differ++;
        /* Text of one grey gets one code: no dither pattern inside text. */
        int seen[256];
        for (int i = 0; i < 256; i++)
          seen[i] = -1;
        for (size_t i = 0; i < n; i++) {
          if (p.cls[i] != INK_PX_TEXT || fi >= 3)
            continue;
          uint8_t c = (d ? codes : first)[i];
          if (seen[p.gray[i]] < 0)
            seen[p.gray[i]] = c;
          else if (seen[p.gray[i]] != c)
            uneven++;
        }
        CHECK_EQ_INT (differ, 0);
        CHECK_EQ_INT (uneven, 0);
        free (buf);
      }
      free (first);
      free (codes);
    }
  page_free (&p);
}

TEST (one_bit_text_has_no_isolated_dots)
{
  /* Solid text strokes of mid greys next to a mid-grey picture: at 1 bpp the picture is
   * dithered into dots, the text is not. */
  page_t p;
  page_alloc (&p, 40, 40);
  for (uint32_t y = 0; y < 40; y++)
    for (uint32_t x = 0; x < 40; x++) {
      size_t i = (size_t) y * 40 + x;
      p.cls[i] = x < 20 ? INK_PX_TEXT : INK_PX_IMAGE;
      p.gray[i] = x < 20 ? (y < 20 ? 110 : 150) : 128;
    }
  for (int d = 0; d < INK_DITHER_COUNT_; d++) {
    ink_frame_t fr = { .width = 40, .height = 40, .dither = (ink_dither_t) d,
                       .render = page_cb, .user = &p };
    ink_pixfmt_preset ("mono", &fr.format);
    uint8_t buf[200], codes[1600];
    CHECK_EQ_INT (ink_frame_render (ctx, &fr, buf, sizeof buf), INK_OK);
    logical_codes (&fr, buf, codes);
    int isolated = 0, img_black = 0;
    for (uint32_t y = 1; y < 39; y++)
      for (uint32_t x = 1; x < 19; x++) {
        uint8_t c = codes[y * 40 + x];
        if (c != codes[y * 40 + x - 1] && c != codes[y * 40 + x + 1] && c != codes[(y - 1) * 40 + x]
            && c != codes[(y + 1) * 40 + x])
          isolated++;
      }
    for (uint32_t y = 0; y < 40; y++)
      for (uint32_t x = 20; x < 40; x++)
        img_black += codes[y * 40 + x] == 0;
    CHECK_EQ_INT (isolated, 0);
    CHECK_EQ_INT (codes[5 * 40 + 5], 0);   /* grey 110 text: black */
    CHECK_EQ_INT (codes[30 * 40 + 5], 1);  /* grey 150 text: white */
    if (d == INK_DITHER_NONE)
      CHECK (img_black == 0 || img_black == 800);
    else
      CHECK (img_black > 800 * 35 / 100 && img_black < 800 * 65 / 100); /* half-tone */
  }
  page_free (&p);
}

TEST (dither_methods_differ_and_keep_tone)
{
  page_t p;
  page_alloc (&p, 64, 64);
  long sum_in = 0;
  for (size_t i = 0; i < 64 * 64; i++) {
    p.cls[i] = INK_PX_IMAGE;
    p.gray[i] = (uint8_t) ((i % 64) * 4 + (i / 64) / 16);
    sum_in += p.gray[i];
  }
  uint8_t out[INK_DITHER_COUNT_][512];
  for (int d = 0; d < INK_DITHER_COUNT_; d++) {
    ink_frame_t fr = { .width = 64, .height = 64, .dither = (ink_dither_t) d,
                       .render = page_cb, .user = &p };
    ink_pixfmt_preset ("mono", &fr.format);
    CHECK_EQ_INT (ink_frame_render (ctx, &fr, out[d], 512), INK_OK);
    long white = 0;
    for (int i = 0; i < 512; i++)
      for (int b = 0; b < 8; b++)
        white += (out[d][i] >> b) & 1;
    long tone = white * 255, want = sum_in;
    if (d != INK_DITHER_NONE)
      CHECK (labs (tone - want) < want / 20);
  }
  for (int a = 0; a < INK_DITHER_COUNT_; a++)
    for (int b = a + 1; b < INK_DITHER_COUNT_; b++)
      CHECK (memcmp (out[a], out[b], 512) != 0);
  page_free (&p);
}

TEST (error_stays_in_pictures)
{
  /* Changing the text beside a picture does not change one picture pixel. */
  page_t a, b;
  page_mixed (&a, 48, 32);
  page_mixed (&b, 48, 32);
  for (size_t i = 0; i < 48 * 32; i++)
    if (b.cls[i] != INK_PX_IMAGE)
      b.gray[i] = (uint8_t) (255 - b.gray[i]), b.cls[i] = INK_PX_TEXT;
  for (int d = INK_DITHER_FLOYD_STEINBERG; d <= INK_DITHER_ATKINSON; d++)
    for (unsigned r = 0; r < 4; r++) {
      ink_frame_t fa = { .width = 48, .height = 32, .dither = (ink_dither_t) d,
                         .render = page_cb, .user = &a }, fb = fa;
      fb.user = &b;
      ink_pixfmt_preset ("gray2", &fa.format);
      fa.format.rotate = fb.format.rotate = (ink_rotate_t) r;
      fb.format = fa.format;
      uint8_t ba[48 * 32], bb[48 * 32], ca[48 * 32], cb[48 * 32];
      ink_frame_render (ctx, &fa, ba, sizeof ba);
      ink_frame_render (ctx, &fb, bb, sizeof bb);
      logical_codes (&fa, ba, ca);
      logical_codes (&fb, bb, cb);
      int differ = 0;
      for (size_t i = 0; i < 48 * 32; i++)
        differ += a.cls[i] == INK_PX_IMAGE && ca[i] != cb[i];
      CHECK_EQ_INT (differ, 0);
    }
  page_free (&a);
  page_free (&b);
}

TEST (calibrated_levels_and_profile)
{
  page_t p;
  page_alloc (&p, 8, 1);
  memset (p.cls, INK_PX_TEXT, 8);
  memset (p.gray, 150, 8);
  ink_frame_t fr = { .width = 8, .height = 1, .dither = INK_DITHER_NONE,
                     .render = page_cb, .user = &p };
  fr.format.bpp = 2;
  uint8_t buf[2];
  ink_frame_render (ctx, &fr, buf, 2);
  CHECK_EQ_INT (buf[0], 0xaa); /* even levels 0, 85, 170, 255: 150 -> 2 */
  uint8_t lv[4] = { 0, 120, 200, 255 };
  memcpy (fr.format.levels, lv, 4);
  ink_frame_render (ctx, &fr, buf, 2);
  CHECK_EQ_INT (buf[0], 0x55); /* the panel shows 120 and 200: 150 -> 1 */
  fr.format.text_darken = 255;
  memset (fr.format.levels, 0, 16);
  ink_frame_render (ctx, &fr, buf, 2);
  CHECK_EQ_INT (buf[0], 0x55); /* darkened antialiasing: 150 -> 52 -> 1 */
  fr.format.text_darken = 0;
  memset (p.cls, INK_PX_IMAGE, 8);
  fr.format.image_gamma = 0.5f;
  ink_frame_render (ctx, &fr, buf, 2);
  CHECK_EQ_INT (buf[0], 0x55); /* 150 -> 255 * (150/255)^2 = 88 -> 1 */
  /* 8-bit grey on a 16-step EPDC: multiples of 0x11. */
  ink_frame_t f8 = { .width = 8, .height = 1, .dither = INK_DITHER_NONE,
                     .render = page_cb, .user = &p };
  ink_pixfmt_preset ("epdc8", &f8.format);
  for (int i = 0; i < 8; i++)
    p.gray[i] = (uint8_t) (i * 33);
  uint8_t b8[8];
  ink_frame_render (ctx, &f8, b8, 8);
  int off = 0;
  for (int i = 0; i < 8; i++)
    off += b8[i] % 0x11 != 0 || abs (b8[i] - i * 33) > 8;
  CHECK_EQ_INT (off, 0);
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
  RUN (text_is_never_dithered);
  RUN (one_bit_text_has_no_isolated_dots);
  RUN (dither_methods_differ_and_keep_tone);
  RUN (error_stays_in_pictures);
  RUN (calibrated_levels_and_profile);
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
