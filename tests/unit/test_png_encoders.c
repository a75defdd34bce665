/* The PNG encoders: what the build writes (inkset's own deflate encoder with
 * INK_WITH_LIBDEFLATE, else zlib) read back by libpng gives the same image as libpng's own
 * zlib writer, for every panel format, depth and turn; pngcheck (where installed) finds the
 * files valid; a failing write callback fails the call at every write; a page of text takes
 * room for about its compressed bytes, not for the most a page could take. */
#include "test.h"
#include "memwrite.h"
#include "pngenc.h"
#include "pagedeflate.h"

#include <png.h>
#include <setjmp.h>
#include <stdbool.h>

static ink_context_t *ctx;

/* Text-like stripes on paper, a gradient picture, a patch of noise and colour. */
static void
page_cb (void *user, int32_t x, int32_t y, uint32_t w, uint32_t h, uint8_t *gray, size_t gs,
         uint8_t *cls, size_t cs, uint8_t *rgb, size_t rs)
{
  (void) user;
  for (uint32_t j = 0; j < h; j++)
    for (uint32_t i = 0; i < w; i++) {
      uint32_t lx = (uint32_t) x + i, ly = (uint32_t) y + j;
      bool pic = lx > 60 && ly > 40 && ly < 150;
      uint32_t noise = (lx * 2654435761u ^ ly * 40503u) >> 11;
      uint8_t g = (ly / 9) % 3 ? ((lx + ly / 4) % 7 ? 255 : 0) : 255;
      if (pic)
        g = lx > 200 ? (uint8_t) noise : (uint8_t) (lx * 3 + ly);
      gray[j * gs + i] = g;
      cls[j * cs + i] = pic ? INK_PX_IMAGE : INK_PX_TEXT;
      if (rgb) {
        rgb[j * rs + 3 * i] = (uint8_t) (lx * 5);
        rgb[j * rs + 3 * i + 1] = (uint8_t) (ly * 7 + noise);
        rgb[j * rs + 3 * i + 2] = g;
      }
    }
}

typedef struct { const uint8_t *p; size_t n, at; } rd_t;

static void
png_rd (png_structp png, png_bytep out, size_t len)
{
  rd_t *r = png_get_io_ptr (png);
  if (len > r->n - r->at)
    png_error (png, "short");
  memcpy (out, r->p + r->at, len);
  r->at += len;
}

typedef struct {
  uint32_t w, h;
  int depth, ctype, nplte;
  png_color plte[256];
  uint8_t *px;  /* one byte per pixel */
} image_t;

/* Decodes with libpng, every chunk's CRC checked; 0 on success. */
static int
decode (const mem_t *m, image_t *im)
{
  png_structp png = png_create_read_struct (PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
  png_infop info = png_create_info_struct (png);
  rd_t r = { m->p, m->n, 0 };
  im->px = NULL;
  if (setjmp (png_jmpbuf (png))) {
    png_destroy_read_struct (&png, &info, NULL);
    return -1;
  }
  png_set_read_fn (png, &r, png_rd);
  png_read_info (png, info);
  im->w = png_get_image_width (png, info);
  im->h = png_get_image_height (png, info);
  im->depth = png_get_bit_depth (png, info);
  im->ctype = png_get_color_type (png, info);
  im->nplte = 0;
  png_colorp pal;
  if (im->ctype == PNG_COLOR_TYPE_PALETTE && png_get_PLTE (png, info, &pal, &im->nplte))
    memcpy (im->plte, pal, sizeof (png_color) * (size_t) im->nplte);
  png_set_packing (png);
  png_read_update_info (png, info);
  im->px = malloc ((size_t) im->w * im->h);
  for (uint32_t y = 0; y < im->h; y++)
    png_read_row (png, im->px + (size_t) y * im->w, NULL);
  png_read_end (png, info);
  png_destroy_read_struct (&png, &info, NULL);
  return r.at == r.n ? 0 : -1;
}

static bool
same_image (const image_t *a, const image_t *b)
{
  return a->w == b->w && a->h == b->h && a->depth == b->depth && a->ctype == b->ctype
         && a->nplte == b->nplte
         && memcmp (a->plte, b->plte, sizeof (png_color) * (size_t) a->nplte) == 0
         && memcmp (a->px, b->px, (size_t) a->w * a->h) == 0;
}

/* pngcheck on the bytes, if it is installed: 1 valid, 0 not, -1 not installed. */
static int
pngcheck (const mem_t *m)
{
  static int have = -1;
  if (have < 0)
    have = system ("command -v pngcheck >/dev/null 2>&1") == 0;
  if (!have)
    return -1;
  const char *path = INK_BINARY_DIR "/test_png_encoders.png";
  FILE *f = fopen (path, "wb");
  if (!f || fwrite (m->p, 1, m->n, f) != m->n) {
    if (f)
      fclose (f);
    return 0;
  }
  fclose (f);
  return system ("pngcheck -q " INK_BINARY_DIR "/test_png_encoders.png >/dev/null") == 0;
}

static const char *const formats[] = { "mono", "inkplate1", "gray2", "gray4", "epdiy4",
                                        "it8951-4", "gray8", "bwr", "acep7", "spectra6" };

/* One frame of the preset, w x h, turned or not: both encoders, the same image. */
static void
check_frame (const char *name, uint32_t w, uint32_t h, bool turn, bool run_pngcheck)
{
  ink_frame_t fr = { .width = w, .height = h, .dither = INK_DITHER_FLOYD_STEINBERG,
                     .render = page_cb };
  CHECK_EQ_INT (ink_pixfmt_preset (name, &fr.format), INK_OK);
  fr.format.rotate = turn ? INK_ROTATE_90 : INK_ROTATE_0;
  size_t size = ink_frame_size (&fr.format, w, h);
  uint8_t *buf = malloc (size);
  CHECK_EQ_INT (ink_frame_render (ctx, &fr, buf, size), INK_OK);
  mem_t built = { 0 }, zlib = { 0 }, again = { 0 }, strips = { 0 };
  CHECK_EQ_INT (ink_png_write (ctx, mem_write, &built, &fr.format, w, h, buf, size), INK_OK);
  CHECK_EQ_INT (ink__png_write_zlib (ctx, mem_write, &zlib, &fr.format, w, h, buf, size), INK_OK);
  CHECK_EQ_INT (ink_png_write (ctx, mem_write, &again, &fr.format, w, h, buf, size), INK_OK);
  CHECK_EQ_INT (ink_png_render (ctx, mem_write, &strips, &fr, 5), INK_OK);
  /* Deterministic, and banded rendering writes the same bytes. */
  CHECK (again.n == built.n && memcmp (again.p, built.p, built.n) == 0);
  CHECK (strips.n == built.n && memcmp (strips.p, built.p, built.n) == 0);
  image_t a, b;
  CHECK_EQ_INT (decode (&built, &a), 0);
  CHECK_EQ_INT (decode (&zlib, &b), 0);
  if (!same_image (&a, &b))
    fprintf (stderr, "%s %ux%u turn %d: the encoders' images differ\n", name, w, h, turn);
  CHECK (same_image (&a, &b));
  CHECK_EQ_INT (a.w, turn ? h : w);
  if (run_pngcheck)
    CHECK (pngcheck (&built) != 0);
  free (a.px);
  free (b.px);
  free (built.p);
  free (zlib.p);
  free (again.p);
  free (strips.p);
  free (buf);
}

TEST (same_image_every_format)
{
  for (unsigned i = 0; i < sizeof formats / sizeof *formats; i++)
    for (unsigned turn = 0; turn < 2; turn++)
      check_frame (formats[i], 397, 211, turn, turn == 0);
}

/* A single row or column: nothing above the first row to filter against. */
TEST (thin_frames)
{
  for (unsigned i = 0; i < sizeof formats / sizeof *formats; i++) {
    check_frame (formats[i], 1, 1, false, false);
    check_frame (formats[i], 333, 1, false, false);
    check_frame (formats[i], 1, 77, false, true);
  }
}

/* Every write the encoder makes fails in turn: the call returns the callback's status. */
TEST (write_failure_each_call)
{
  ink_pixfmt_t f;
  ink_pixfmt_preset ("gray4", &f);
  size_t size = ink_frame_size (&f, 64, 48);
  uint8_t *buf = calloc (1, size);
  mem_t whole = { 0 };
  CHECK_EQ_INT (ink_png_write (ctx, mem_write, &whole, &f, 64, 48, buf, size), INK_OK);
  CHECK (whole.calls >= 3);
  for (unsigned k = 1; k <= whole.calls; k++) {
    mem_t m = { .fail_at = k };
    CHECK_EQ_INT (ink_png_write (ctx, mem_write, &m, &f, 64, 48, buf, size), INK_IO);
    free (m.p);
  }
  free (whole.p);
  free (buf);
}

/* The frame is never held whole: a page's PNG takes its compressed bytes' room and the
 * encoder's window, not a copy of the frame besides (before, 2.2 times the frame). */
TEST (frame_not_held_whole)
{
  ink_context_t *c;
  CHECK_EQ_INT (ink_context_create (NULL, NULL, &c), INK_OK);
  ink_pixfmt_t f;
  ink_pixfmt_preset ("gray8", &f);
  uint32_t w = 2000, h = 1500;
  size_t size = ink_frame_size (&f, w, h);
  uint8_t *buf = malloc (size);
  memset (buf, 255, size);
  for (size_t i = 0; i < size; i += 7)
    buf[i] = (uint8_t) (i >> 5);
  mem_t m = { 0 };
  size_t before, peak;
  ink_context_memory (c, &before, NULL);
  CHECK_EQ_INT (ink_png_write (c, mem_write, &m, &f, w, h, buf, size), INK_OK);
  ink_context_memory (c, NULL, &peak);
  CHECK (peak - before < size + size / 2);
  free (m.p);
  free (buf);
  ink_context_destroy (c);
}

/* A 1404x1872 page of text at 4 bits compresses to some 12 % of its rows: the encoder's
 * output starts at an eighth of them and grows only as it needs (before, the bound: all of
 * the rows and more, reserved for every page). */
TEST (room_follows_the_bytes)
{
  ink_context_t *c;
  CHECK_EQ_INT (ink_context_create (NULL, NULL, &c), INK_OK);
  ink_frame_t fr = { .width = 1404, .height = 1872, .render = page_cb };
  CHECK_EQ_INT (ink_pixfmt_preset ("gray4", &fr.format), INK_OK);
  size_t size = ink_frame_size (&fr.format, fr.width, fr.height), rows = size + fr.height;
  uint8_t *buf = malloc (size);
  CHECK_EQ_INT (ink_frame_render (c, &fr, buf, size), INK_OK);
  mem_t m = { 0 };
  size_t before, peak;
  ink_context_memory (c, &before, NULL);
  CHECK_EQ_INT (ink_png_write (c, mem_write, &m, &fr.format, fr.width, fr.height, buf, size),
                INK_OK);
  ink_context_memory (c, NULL, &peak);
  CHECK (m.n < rows / 8);
  CHECK (peak - before < ink__pagedeflate_work_size () + rows / 4);
  free (m.p);
  free (buf);
  ink_context_destroy (c);
}

int
main (void)
{
  if (ink_context_create (NULL, NULL, &ctx) != INK_OK)
    return 1;
  size_t at_start, held;
  ink_context_memory (ctx, &at_start, NULL);
  RUN (same_image_every_format);
  RUN (thin_frames);
  RUN (write_failure_each_call);
  RUN (frame_not_held_whole);
  RUN (room_follows_the_bytes);
  ink_context_memory (ctx, &held, NULL);
  CHECK_EQ_INT (held, at_start);  /* every encoder's buffer given back */
  ink_context_destroy (ctx);
  return test_summary ();
}
