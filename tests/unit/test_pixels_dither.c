/* Class-aware dithering and tone, checked on packed frames through the reference reader:
 * text is never dithered (one code per grey, no isolated dots at 1 bpp), each method keeps a
 * picture's tone and differs from the others, a picture's error stays inside it, and
 * calibrated levels, darkened text and picture gamma pick the codes they should. Packing,
 * strips and scaling are in test_pixels.c. */
#include "test.h"
#include "pixels.h"
#include "pixpage.h"

static ink_context_t *ctx;

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

int
main (void)
{
  ink_context_create (NULL, NULL, &ctx);
  RUN (text_is_never_dithered);
  RUN (one_bit_text_has_no_isolated_dots);
  RUN (dither_methods_differ_and_keep_tone);
  RUN (error_stays_in_pictures);
  RUN (calibrated_levels_and_profile);
  size_t cur;
  ink_context_memory (ctx, &cur, NULL);
  CHECK_EQ_INT (cur, sizeof (struct ink_context)); /* everything freed */
  ink_context_destroy (ctx);
  return test_summary ();
}
