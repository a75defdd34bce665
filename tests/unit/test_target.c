/* Targets: PNG at every depth read back with libpng, raw sizes, dirty rectangles against a
 * brute-force diff, the refresh policy, the memory framebuffer and fbdev on a regular file. */
#include "test.h"
#include "memwrite.h"
#include "pixels.h"
#include <inkset/inkset-target.h>

#include <png.h>
#include <setjmp.h>
#include <unistd.h>

static ink_context_t *ctx;
static uint32_t rng = 99;
static uint32_t
rnd (void)
{
  rng = rng * 1664525u + 1013904223u;
  return rng >> 8;
}

static ink_status_t
fail_write (void *user, const void *data, size_t len)
{
  (void) user, (void) data, (void) len;
  return INK_IO;
}

/* A page: a picture gradient, text stripes and colour. */
static void
page_cb (void *user, int32_t x, int32_t y, uint32_t w, uint32_t h, uint8_t *gray, size_t gs,
         uint8_t *cls, size_t cs, uint8_t *rgb, size_t rs)
{
  int shift = user ? *(int *) user : 0;
  for (uint32_t j = 0; j < h; j++)
    for (uint32_t i = 0; i < w; i++) {
      int lx = x + (int) i, ly = y + (int) j;
      bool pic = lx > 20 && ly > 10;
      gray[j * gs + i] = pic ? (uint8_t) (lx * 3 + ly + shift) : ((lx + ly / 4 + shift) % 7 ? 255 : 0);
      cls[j * cs + i] = pic ? INK_PX_IMAGE : INK_PX_TEXT;
      if (rgb) {
        rgb[j * rs + 3 * i] = (uint8_t) (lx * 5);
        rgb[j * rs + 3 * i + 1] = (uint8_t) (ly * 7);
        rgb[j * rs + 3 * i + 2] = gray[j * gs + i];
      }
    }
}

typedef struct { const uint8_t *p; size_t n, at; } rd_t;
static void
png_rd (png_structp png, png_bytep out, size_t len)
{
  rd_t *r = png_get_io_ptr (png);
  if (r->at + len > r->n)
    png_error (png, "short");
  memcpy (out, r->p + r->at, len);
  r->at += len;
}

/* Decodes with libpng: returns bit depth, colour type, the palette and one byte per pixel. */
static int
png_decode (const uint8_t *data, size_t n, uint32_t *w, uint32_t *h, int *depth, int *ctype,
            uint8_t *pixels, size_t cap, png_color *plte, int *nplte)
{
  png_structp png = png_create_read_struct (PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
  png_infop info = png_create_info_struct (png);
  rd_t r = { data, n, 0 };
  if (setjmp (png_jmpbuf (png))) {
    png_destroy_read_struct (&png, &info, NULL);
    return -1;
  }
  png_set_read_fn (png, &r, png_rd);
  png_read_info (png, info);
  *w = png_get_image_width (png, info);
  *h = png_get_image_height (png, info);
  *depth = png_get_bit_depth (png, info);
  *ctype = png_get_color_type (png, info);
  *nplte = 0;
  png_colorp pal;
  if (*ctype == PNG_COLOR_TYPE_PALETTE && png_get_PLTE (png, info, &pal, nplte))
    memcpy (plte, pal, sizeof (png_color) * (size_t) *nplte);
  png_set_packing (png);
  png_read_update_info (png, info);
  if ((size_t) *w * *h > cap)
    png_error (png, "too big");
  for (uint32_t y = 0; y < *h; y++)
    png_read_row (png, pixels + (size_t) y * *w, NULL);
  png_read_end (png, NULL);
  png_destroy_read_struct (&png, &info, NULL);
  return 0;
}

TEST (png_every_depth)
{
  const char *names[] = { "mono", "inkplate1", "gray2", "gray4", "epdiy4", "it8951-4", "gray8",
                          "bwr", "acep7", "spectra6" };
  const int depths[] = { 1, 1, 2, 4, 4, 4, 8, 2, 4, 4 };
  for (unsigned i = 0; i < 10; i++)
    for (unsigned r = 0; r < 2; r++) {
      ink_frame_t fr = { .width = 45, .height = 23, .dither = INK_DITHER_FLOYD_STEINBERG,
                         .render = page_cb };
      ink_pixfmt_preset (names[i], &fr.format);
      fr.format.rotate = r ? INK_ROTATE_90 : INK_ROTATE_0;
      size_t size = ink_frame_size (&fr.format, 45, 23);
      uint8_t *buf = malloc (size);
      CHECK_EQ_INT (ink_frame_render (ctx, &fr, buf, size), INK_OK);
      mem_t m = { 0 };
      CHECK_EQ_INT (ink_png_write (ctx, mem_write, &m, &fr.format, 45, 23, buf, size), INK_OK);
      uint32_t w, h;
      int depth, ctype, np;
      static uint8_t px[45 * 23];
      png_color plte[256];
      CHECK_EQ_INT (png_decode (m.p, m.n, &w, &h, &depth, &ctype, px, sizeof px, plte, &np), 0);
      CHECK_EQ_INT (w, r ? 23 : 45);
      CHECK_EQ_INT (h, r ? 45 : 23);
      CHECK_EQ_INT (depth, depths[i]);
      CHECK_EQ_INT (ctype, i >= 7 ? PNG_COLOR_TYPE_PALETTE : PNG_COLOR_TYPE_GRAY);
      ink__layout_t lay;
      ink__layout (&fr.format, 45, 23, &lay);
      int bad = 0;
      for (uint32_t y = 0; y < h; y++)
        for (uint32_t x = 0; x < w; x++) {
          const uint8_t *p0 = buf + (size_t) y * lay.geo.stride;
          unsigned c = ink__unpack_pixel (&lay, p0, p0 + (size_t) lay.geo.native_height * lay.geo.stride, x);
          bad += px[y * w + x] != c;
        }
      CHECK_EQ_INT (bad, 0);
      if (i == 1) /* inkplate: 1 = black in the panel buffer, 0 = black in the PNG */
        CHECK (buf[0] != 0xff || px[0] == 1);
      if (i == 9) {
        CHECK (np == 8 && plte[3].red == 0xb2 && plte[5].blue == 0xba);
      }
      if (i == 7)
        CHECK (np == 3 && plte[2].red > 150 && plte[2].green < 80);
      /* Strip-rendered PNG: the same bytes. */
      mem_t m2 = { 0 };
      CHECK_EQ_INT (ink_png_render (ctx, mem_write, &m2, &fr, 7), INK_OK);
      CHECK (m2.n == m.n && memcmp (m2.p, m.p, m.n) == 0);
      free (m.p);
      free (m2.p);
      free (buf);
    }
}

TEST (png_and_raw_files)
{
  ink_pixfmt_t f;
  ink_pixfmt_preset ("mono", &f);
  f.rotate = INK_ROTATE_90; /* 1404x1872 page on the native 1872x1404 panel */
  size_t size = ink_frame_size (&f, 1404, 1872);
  CHECK_EQ_INT (size, 1404 * 1872 / 8);
  uint8_t *buf = malloc (size);
  ink_frame_t fr = { .width = 1404, .height = 1872, .format = f, .dither = INK_DITHER_BLUE_NOISE,
                     .render = page_cb };
  CHECK_EQ_INT (ink_frame_render (ctx, &fr, buf, size), INK_OK);
  const char *raw = INK_BINARY_DIR "/test_target.raw", *png = INK_BINARY_DIR "/test_target.png";
  CHECK_EQ_INT (ink_raw_write_file (ctx, raw, &f, 1404, 1872, buf, size), INK_OK);
  FILE *fp = fopen (raw, "rb");
  uint8_t *back = malloc (size + 1);
  size_t got = fp ? fread (back, 1, size + 1, fp) : 0;
  if (fp)
    fclose (fp);
  CHECK_EQ_INT (got, 1404 * 1872 / 8);
  CHECK (memcmp (back, buf, size) == 0);
  CHECK_EQ_INT (ink_png_write_file (ctx, png, &f, 1404, 1872, buf, size), INK_OK);
  fp = fopen (png, "rb");
  uint8_t sig[8] = { 0 };
  CHECK (fp && fread (sig, 1, 8, fp) == 8 && png_sig_cmp (sig, 0, 8) == 0);
  if (fp)
    fclose (fp);
  remove (raw);
  remove (png);
  CHECK_EQ_INT (ink_png_write_file (ctx, "/nonexistent/dir/x.png", &f, 1404, 1872, buf, size), INK_IO);
  CHECK (strstr (ink_context_error (ctx), "/nonexistent/dir/x.png") != NULL);
  CHECK_EQ_INT (ink_png_write (ctx, fail_write, NULL, &f, 1404, 1872, buf, size), INK_IO);
  CHECK_EQ_INT (ink_png_write (ctx, fail_write, NULL, &f, 1404, 1872, buf, size - 1), INK_INVALID);
  CHECK_EQ_INT (ink_raw_write (ctx, fail_write, NULL, &f, 1404, 1872, buf, size), INK_IO);
  free (back);
  free (buf);
}

/* Every changed pixel lies in a rectangle; rectangles are aligned and within the panel. */
static int
check_rects (const ink_pixfmt_t *f, uint32_t pw, uint32_t ph, const uint8_t *a, const uint8_t *b,
             const ink_rect_t *r, size_t n, size_t max)
{
  ink__layout_t lay;
  ink__layout (f, pw, ph, &lay);
  uint32_t al = f->x_align ? f->x_align : 8, nw = lay.geo.native_width;
  int bad = n > max;
  for (size_t i = 0; i < n; i++) {
    bad += r[i].x % al != 0 || ((r[i].x + r[i].width) % al != 0 && r[i].x + r[i].width != nw);
    bad += r[i].x + r[i].width > nw || r[i].y + r[i].height > lay.geo.native_height;
    bad += r[i].width == 0 || r[i].height == 0;
  }
  size_t plane = (size_t) lay.geo.stride * lay.geo.native_height;
  for (uint32_t y = 0; y < lay.geo.native_height; y++)
    for (uint32_t x = 0; x < nw; x++) {
      const uint8_t *ra = a + (size_t) y * lay.geo.stride, *rb = b + (size_t) y * lay.geo.stride;
      if (ink__unpack_pixel (&lay, ra, ra + plane, x) == ink__unpack_pixel (&lay, rb, rb + plane, x))
        continue;
      bool in = false;
      for (size_t i = 0; i < n; i++)
        in |= x >= r[i].x && x < r[i].x + r[i].width && y >= r[i].y && y < r[i].y + r[i].height;
      bad += !in;
    }
  return bad;
}

TEST (dirty_rects_cover_changes)
{
  const char *names[] = { "mono", "gray4", "gray8", "bwr", "it8951-4", "epdiy4" };
  for (unsigned i = 0; i < 6; i++)
    for (unsigned round = 0; round < 20; round++) {
      ink_pixfmt_t f;
      ink_pixfmt_preset (names[i], &f);
      f.rotate = (ink_rotate_t) (round % 4);
      uint32_t pw = 101, ph = 67;
      int s0 = 0, s1 = 0;
      ink_frame_t fa = { .width = pw, .height = ph, .format = f, .dither = INK_DITHER_BAYER,
                         .render = page_cb, .user = &s0 }, fb = fa;
      fb.user = &s1;
      size_t size = ink_frame_size (&f, pw, ph);
      uint8_t *a = malloc (size), *b = malloc (size);
      ink_frame_render (ctx, &fa, a, size);
      ink_frame_render (ctx, &fb, b, size);
      ink_rect_t r[8];
      size_t n = 99;
      CHECK_EQ_INT (ink_dirty_rects (&f, pw, ph, a, b, r, 8, &n), INK_OK);
      CHECK_EQ_INT (n, 0);
      /* A few changed blobs, then a scatter of single pixels. */
      ink__layout_t lay;
      ink__layout (&f, pw, ph, &lay);
      unsigned blobs = 1 + round % 5;
      for (unsigned k = 0; k < blobs; k++) {
        uint32_t y0 = rnd () % lay.geo.native_height, x0 = rnd () % lay.geo.stride;
        for (uint32_t y = y0; y < y0 + 5 && y < lay.geo.native_height; y++)
          for (uint32_t x = x0; x < x0 + 3 && x < lay.geo.stride; x++)
            b[(size_t) y * lay.geo.stride + x] ^= (uint8_t) (1 + rnd () % 255);
      }
      if (round >= 15)
        for (unsigned k = 0; k < 40; k++)
          b[rnd () % size] ^= 0x10;
      size_t max = 1 + round % 8;
      CHECK_EQ_INT (ink_dirty_rects (&f, pw, ph, a, b, r, max, &n), INK_OK);
      CHECK (n >= 1);
      CHECK_EQ_INT (check_rects (&f, pw, ph, a, b, r, n, max), 0);
      free (a);
      free (b);
    }
  /* Two separate changes far apart stay two rectangles. */
  ink_pixfmt_t f = { 0 };
  f.bpp = 1;
  uint8_t a[13 * 100] = { 0 }, b[sizeof a] = { 0 }; /* 100 px rows: 13 bytes */
  CHECK_EQ_INT (ink_frame_size (&f, 100, 100), sizeof a);
  b[2 * 13 + 1] = 1;       /* row 2, px 15 */
  b[80 * 13 + 11] = 0x80;  /* row 80, px 88 */
  ink_rect_t r[4];
  size_t n;
  ink_dirty_rects (&f, 100, 100, a, b, r, 4, &n);
  CHECK_EQ_INT (n, 2);
  CHECK (r[0].x == 8 && r[0].width == 8 && r[0].y == 2 && r[0].height == 1);
  CHECK (r[1].x == 88 && r[1].width == 8 && r[1].y == 80);
  CHECK_EQ_INT (ink_dirty_rects (&f, 100, 100, a, b, r, 0, &n), INK_INVALID);
}

TEST (refresh_policy)
{
  ink_pixfmt_t mono, gray, acep;
  ink_pixfmt_preset ("mono", &mono);
  ink_pixfmt_preset ("gray2", &gray);
  ink_pixfmt_preset ("acep7", &acep);
  ink_refresh_policy_t p = { 0 };
  p.full_every = 3;
  ink_rect_t small = { 0, 0, 16, 10 }, big = { 0, 0, 100, 60 };
  CHECK_EQ_INT (ink_refresh_decide (&p, &mono, 100, 100, &small, 0, false), INK_REFRESH_NONE);
  for (int i = 0; i < 3; i++)
    CHECK_EQ_INT (ink_refresh_decide (&p, &mono, 100, 100, &small, 1, false), INK_REFRESH_PARTIAL);
  CHECK_EQ_INT (ink_refresh_decide (&p, &mono, 100, 100, &small, 1, false), INK_REFRESH_FULL);
  CHECK_EQ_INT (p.partials, 0);
  CHECK_EQ_INT (ink_refresh_decide (&p, &mono, 100, 100, &big, 1, false), INK_REFRESH_FULL);
  CHECK_EQ_INT (ink_refresh_decide (&p, &gray, 100, 100, &small, 1, true), INK_REFRESH_PARTIAL);
  p.fast_is_mono = true;
  CHECK_EQ_INT (ink_refresh_decide (&p, &gray, 100, 100, &small, 1, true), INK_REFRESH_FULL);
  CHECK_EQ_INT (ink_refresh_decide (&p, &acep, 100, 100, &small, 1, false), INK_REFRESH_FULL);
  p.max_changed_pct = 70;
  CHECK_EQ_INT (ink_refresh_decide (&p, &mono, 100, 100, &big, 1, false), INK_REFRESH_PARTIAL);
  /* Grey detection. */
  uint8_t g[4] = { 0xff, 0x00, 0xff, 0xff }; /* gray2, 8x2: only black and white */
  CHECK (!ink_frame_has_grey (&gray, 8, 2, g, 4));
  g[2] = 0xf9;
  CHECK (ink_frame_has_grey (&gray, 8, 2, g, 4));
  CHECK (!ink_frame_has_grey (&mono, 8, 2, g, 4));
}

TEST (memfb)
{
  ink_memfb_t fb = { { 0 }, 64, 40, NULL, NULL, 0 };
  ink_pixfmt_preset ("gray4", &fb.format);
  fb.size = ink_frame_size (&fb.format, 64, 40);
  fb.pixels = malloc (fb.size);
  fb.shadow = calloc (fb.size, 1);
  int shift = 0;
  ink_frame_t fr = { .width = 64, .height = 40, .dither = INK_DITHER_BAYER,
                     .render = page_cb, .user = &shift };
  ink_rect_t r[8];
  size_t n;
  CHECK_EQ_INT (ink_memfb_update (ctx, &fb, &fr, r, 8, &n), INK_OK);
  CHECK (n >= 1);
  CHECK (memcmp (fb.pixels, fb.shadow, fb.size) == 0);
  CHECK_EQ_INT (ink_memfb_update (ctx, &fb, &fr, r, 8, &n), INK_OK);
  CHECK_EQ_INT (n, 0);
  shift = 1;
  CHECK_EQ_INT (ink_memfb_update (ctx, &fb, &fr, r, 8, &n), INK_OK);
  CHECK (n >= 1);
  free (fb.pixels);
  free (fb.shadow);
}

TEST (fbdev_regular_file)
{
  const char *path = INK_BINARY_DIR "/test_target.fb";
  static const uint32_t depths[] = { 8, 16, 32 };
  for (unsigned d = 0; d < 3; d++) {
    FILE *fp = fopen (path, "wb");
    fclose (fp);
    ink_fb_options_t o = { .struct_size = sizeof o };
    o.width = 30;
    o.height = 20;
    o.bits_per_pixel = depths[d];
    o.line_length = 30 * depths[d] / 8 + 12; /* padded rows */
    ink_fb_t *fb;
    ink_status_t st = ink_fb_open (ctx, path, &o, &fb);
    if (st == INK_UNSUPPORTED) /* built without INK_WITH_FBDEV */
      continue;
    CHECK_EQ_INT (st, INK_OK);
    ink_fb_info_t info = { .struct_size = sizeof info };
    CHECK_EQ_INT (ink_fb_info (fb, &info), INK_OK);
    CHECK (info.width == 30 && info.height == 20 && !info.is_device);
    CHECK_EQ_INT (info.line_length, o.line_length);
    /* A 20x30 page, rotated to fill the 30x20 screen. */
    ink_frame_t fr = { .width = 20, .height = 30, .dither = INK_DITHER_ATKINSON,
                       .render = page_cb };
    fr.format.rotate = INK_ROTATE_270;
    fr.format.gray_steps = 16;
    CHECK_EQ_INT (ink_fb_draw (fb, &fr, 8), INK_OK);
    CHECK_EQ_INT (ink_fb_refresh (fb, NULL, INK_WAVEFORM_FULL, true), INK_OK);
    ink_fb_close (fb);
    uint8_t want[600];
    CHECK_EQ_INT (ink_frame_render (ctx, &fr, want, sizeof want), INK_OK);
    fp = fopen (path, "rb");
    static uint8_t file[20 * (30 * 4 + 12)];
    size_t got = fread (file, 1, sizeof file, fp);
    fclose (fp);
    CHECK_EQ_INT (got, (size_t) 19 * o.line_length + 30 * depths[d] / 8);
    int bad = 0;
    for (uint32_t y = 0; y < 20; y++)
      for (uint32_t x = 0; x < 30; x++) {
        uint8_t v = want[y * 30 + x];
        const uint8_t *p = file + (size_t) y * o.line_length + x * depths[d] / 8;
        if (depths[d] == 8)
          bad += *p != v;
        else if (depths[d] == 16) {
          uint16_t q;
          memcpy (&q, p, 2);
          bad += q != (uint16_t) ((v >> 3) << 11 | (v >> 2) << 5 | (v >> 3));
        } else {
          uint32_t q;
          memcpy (&q, p, 4);
          bad += q != (0xffu << 24 | (uint32_t) v << 16 | (uint32_t) v << 8 | v);
        }
      }
    CHECK_EQ_INT (bad, 0);
    /* The page must fill the screen. */
    CHECK_EQ_INT (ink_fb_open (ctx, path, &o, &fb), INK_OK);
    fr.format.rotate = INK_ROTATE_0;
    CHECK_EQ_INT (ink_fb_draw (fb, &fr, 8), INK_INVALID);
    ink_fb_close (fb);
  }
  ink_fb_t *fb;
  CHECK_EQ_INT (ink_fb_open (ctx, path, NULL, &fb), INK_INVALID); /* a file needs a geometry */
  CHECK_EQ_INT (ink_fb_open (ctx, "/nonexistent/fb9", NULL, &fb), INK_IO);
  CHECK (fb == NULL);
  remove (path);
}

int
main (void)
{
  ink_context_create (NULL, NULL, &ctx);
  RUN (png_every_depth);
  RUN (png_and_raw_files);
  RUN (dirty_rects_cover_changes);
  RUN (refresh_policy);
  RUN (memfb);
  RUN (fbdev_regular_file);
  size_t cur;
  ink_context_memory (ctx, &cur, NULL);
  CHECK_EQ_INT (cur, sizeof (struct ink_context));
  ink_context_destroy (ctx);
  return test_summary ();
}
