/* imgcmp: compares a rendered page with its reference PNG.
 *
 *   imgcmp [--exact] [--max-fail N] [--max-bad N] [--diff DIFF.png] EXPECTED.png ACTUAL.png
 *
 * Both images are read as grey (any bit depth; colour is reduced to its luma, alpha is
 * dropped) and widened to 8 bits per sample.
 *
 * Tolerant mode (the default) is for anti-aliased 8-bit pages, where a glyph that moves by a
 * fraction of a pixel changes the pixels along its edges by a lot and those elsewhere not at
 * all. Each pixel's error is divided by the local contrast: the largest difference between
 * the pixel and its eight neighbours, in whichever image has less of it, plus a floor. The quotient puts
 * the pixel in one of four classes:
 *
 *   SAME  no difference at all;
 *   GOOD  quotient up to 1: the change is no larger than the edge it sits on;
 *   BAD   quotient up to 2: visible, but on an edge;
 *   FAIL  anything more: ink where there was paper, a missing stroke, a shifted line.
 *
 * The comparison fails when more than --max-fail pixels (default 0) are FAIL, or more than
 * --max-bad pixels (default: no limit) are BAD.
 *
 * Exact mode (--exact) is for quantized panel output, which the library produces
 * deterministically: the images must have the same size and bit depth and every sample must
 * be equal.
 *
 * On failure, with --diff, a colour PNG shows the reference faded to light grey with the
 * classes painted over it: GOOD green, BAD orange, FAIL red (exact mode: every differing
 * pixel red).
 *
 * Structural mode (--ssim MIN) is for the same page drawn by two renderers (inkset's raster
 * and a PDF rasterizer), whose anti-aliasing and glyph outlines differ at every edge: it
 * prints the mean SSIM (structural similarity, Wang et al. 2004: luminance, contrast and
 * structure compared over 8x8 windows every 4 pixels, constants K1 0.01 and K2 0.03 of 255)
 * and the mean absolute difference in levels, and fails when the SSIM is below MIN. With
 * --at X,Y the actual image may be larger: the part of it at X,Y as large as the expected
 * image is compared (a PDF page rasterized with its bleed and crop marks around it).
 *
 * Exit status: 0 the images match, 1 they differ, 2 usage or an unreadable file. */
#include <png.h>

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  uint32_t w, h;
  int depth;          /* bit depth as stored in the file, per sample */
  uint8_t *px;        /* w * h grey samples, 0..255 */
} image_t;

enum { SAME, GOOD, BAD, FAIL, NCLASS };
static const char *const class_name[NCLASS] = { "SAME", "GOOD", "BAD", "FAIL" };

/* Error below this many levels (of 255) on flat ground is GOOD whatever the contrast. */
enum { FLOOR = 8 };

static bool
read_png (const char *path, image_t *img)
{
  memset (img, 0, sizeof *img);
  FILE *f = fopen (path, "rb");
  if (!f) {
    fprintf (stderr, "imgcmp: %s: cannot open\n", path);
    return false;
  }
  uint8_t sig[8];
  if (fread (sig, 1, 8, f) != 8 || png_sig_cmp (sig, 0, 8) != 0) {
    fprintf (stderr, "imgcmp: %s: not a PNG file\n", path);
    fclose (f);
    return false;
  }
  png_structp png = png_create_read_struct (PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
  png_infop info = png ? png_create_info_struct (png) : NULL;
  if (!info) {
    png_destroy_read_struct (&png, NULL, NULL);
    fclose (f);
    return false;
  }
  png_bytep *volatile rows = NULL;
  if (setjmp (png_jmpbuf (png))) {
    fprintf (stderr, "imgcmp: %s: bad PNG data\n", path);
    free (rows);
    free (img->px);
    img->px = NULL;
    png_destroy_read_struct (&png, &info, NULL);
    fclose (f);
    return false;
  }
  png_init_io (png, f);
  png_set_sig_bytes (png, 8);
  png_read_info (png, info);
  uint32_t w = png_get_image_width (png, info), h = png_get_image_height (png, info);
  int type = png_get_color_type (png, info);
  img->depth = png_get_bit_depth (png, info);
  if (w == 0 || h == 0 || w > 65536 || h > 65536) {
    fprintf (stderr, "imgcmp: %s: unsupported size %ux%u\n", path, w, h);
    png_destroy_read_struct (&png, &info, NULL);
    fclose (f);
    return false;
  }
  if (type == PNG_COLOR_TYPE_PALETTE)
    png_set_palette_to_rgb (png);
  if (type == PNG_COLOR_TYPE_GRAY && img->depth < 8)
    png_set_expand_gray_1_2_4_to_8 (png);
  if (img->depth == 16)
    png_set_strip_16 (png);
  if (type & PNG_COLOR_MASK_ALPHA)
    png_set_strip_alpha (png);
  if (type == PNG_COLOR_TYPE_PALETTE || (type & PNG_COLOR_MASK_COLOR))
    png_set_rgb_to_gray_fixed (png, 1, -1, -1);
  png_read_update_info (png, info);
  if (png_get_channels (png, info) != 1 || png_get_rowbytes (png, info) != w) {
    fprintf (stderr, "imgcmp: %s: cannot reduce to 8-bit grey\n", path);
    png_destroy_read_struct (&png, &info, NULL);
    fclose (f);
    return false;
  }
  img->w = w;
  img->h = h;
  img->px = malloc ((size_t) w * h);
  rows = malloc (h * sizeof *rows);
  if (!img->px || !rows) {
    fprintf (stderr, "imgcmp: out of memory\n");
    png_longjmp (png, 1);
  }
  for (uint32_t y = 0; y < h; y++)
    rows[y] = img->px + (size_t) y * w;
  png_read_image (png, rows);
  png_read_end (png, NULL);
  free (rows);
  png_destroy_read_struct (&png, &info, NULL);
  fclose (f);
  return true;
}

static bool
write_rgb_png (const char *path, const uint8_t *rgb, uint32_t w, uint32_t h)
{
  FILE *f = fopen (path, "wb");
  if (!f) {
    fprintf (stderr, "imgcmp: %s: cannot create\n", path);
    return false;
  }
  png_structp png = png_create_write_struct (PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
  png_infop info = png ? png_create_info_struct (png) : NULL;
  if (!info || setjmp (png_jmpbuf (png))) {
    png_destroy_write_struct (&png, info ? &info : NULL);
    fclose (f);
    fprintf (stderr, "imgcmp: %s: cannot write\n", path);
    return false;
  }
  png_init_io (png, f);
  png_set_IHDR (png, info, w, h, 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
                PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_write_info (png, info);
  for (uint32_t y = 0; y < h; y++)
    png_write_row (png, (png_const_bytep) (rgb + (size_t) y * w * 3));
  png_write_end (png, info);
  png_destroy_write_struct (&png, &info);
  return fclose (f) == 0;
}

/* Largest difference between the pixel at (x, y) and its neighbours. */
static int
contrast (const image_t *img, uint32_t x, uint32_t y)
{
  int c = img->px[(size_t) y * img->w + x], m = 0;
  for (int dy = -1; dy <= 1; dy++)
    for (int dx = -1; dx <= 1; dx++) {
      long nx = (long) x + dx, ny = (long) y + dy;
      if (nx < 0 || ny < 0 || nx >= (long) img->w || ny >= (long) img->h)
        continue;
      int d = abs (img->px[(size_t) ny * img->w + (size_t) nx] - c);
      if (d > m)
        m = d;
    }
  return m;
}

static int
classify (const image_t *e, const image_t *a, uint32_t x, uint32_t y)
{
  size_t i = (size_t) y * e->w + x;
  int err = abs (e->px[i] - a->px[i]);
  if (err == 0)
    return SAME;
  int ce = contrast (e, x, y), ca = contrast (a, x, y);
  /* The smaller of the two: an edge that moved is an edge in both images, while a stroke
   * that appeared or vanished is flat ground in one of them. */
  int room = (ce < ca ? ce : ca) + FLOOR;
  /* err / room <= 1 is GOOD, <= 2 BAD, in integers. */
  if (err <= room)
    return GOOD;
  if (err <= 2 * room)
    return BAD;
  return FAIL;
}

static void
paint (uint8_t *rgb, size_t i, uint8_t grey, int cls)
{
  static const uint8_t colour[NCLASS][3] = {
    { 0, 0, 0 }, { 0, 170, 0 }, { 255, 140, 0 }, { 230, 0, 0 } };
  if (cls == SAME) {
    uint8_t v = (uint8_t) (192 + grey / 4);
    rgb[3 * i] = rgb[3 * i + 1] = rgb[3 * i + 2] = v;
  } else {
    memcpy (rgb + 3 * i, colour[cls], 3);
  }
}

/* SSIM of the 8x8 window at (x, y) of e and a. */
static double
window_ssim (const image_t *e, const image_t *a, uint32_t x, uint32_t y)
{
  const double c1 = (0.01 * 255) * (0.01 * 255), c2 = (0.03 * 255) * (0.03 * 255);
  double se = 0, sa = 0, see = 0, saa = 0, sea = 0;
  for (uint32_t j = 0; j < 8; j++)
    for (uint32_t i = 0; i < 8; i++) {
      size_t k = (size_t) (y + j) * e->w + x + i;
      double ve = e->px[k], va = a->px[k];
      se += ve, sa += va, see += ve * ve, saa += va * va, sea += ve * va;
    }
  double me = se / 64, ma = sa / 64;
  double vare = see / 64 - me * me, vara = saa / 64 - ma * ma, cov = sea / 64 - me * ma;
  return ((2 * me * ma + c1) * (2 * cov + c2)) / ((me * me + ma * ma + c1) * (vare + vara + c2));
}

/* Mean SSIM over windows every 4 pixels, and the mean absolute difference. */
static int
structural (const image_t *e, const image_t *a, double min)
{
  double sum = 0, mad = 0;
  size_t n = 0;
  for (uint32_t y = 0; y + 8 <= e->h; y += 4)
    for (uint32_t x = 0; x + 8 <= e->w; x += 4, n++)
      sum += window_ssim (e, a, x, y);
  for (size_t i = 0; i < (size_t) e->w * e->h; i++)
    mad += abs (e->px[i] - a->px[i]);
  double ssim = n ? sum / n : 1.0;
  mad /= (double) e->w * e->h;
  bool failed = ssim < min;
  printf ("imgcmp: ssim %ux%u: SSIM %.4f (at least %.4f), mean absolute difference %.3f -> %s\n",
          e->w, e->h, ssim, min, mad, failed ? "DIFFERENT" : "match");
  return failed ? 1 : 0;
}

static int
usage (void)
{
  fprintf (stderr, "usage: imgcmp [--exact | --ssim MIN] [--at X,Y] [--max-fail N] [--max-bad N] "
                   "[--diff DIFF.png] EXPECTED.png ACTUAL.png\n");
  return 2;
}

/* Cuts img down to the w x h part of it at x, y; false when that is not all inside it. */
static bool
cut (image_t *img, uint32_t x, uint32_t y, uint32_t w, uint32_t h)
{
  if (x > img->w || y > img->h || w > img->w - x || h > img->h - y)
    return false;
  for (uint32_t j = 0; j < h; j++)
    memmove (img->px + (size_t) j * w, img->px + (size_t) (y + j) * img->w + x, w);
  img->w = w;
  img->h = h;
  return true;
}

static bool
parse_count (const char *s, long *out)
{
  char *end;
  long v = strtol (s, &end, 10);
  if (!*s || *end || v < 0)
    return false;
  *out = v;
  return true;
}

int
main (int argc, char **argv)
{
  bool exact = false;
  double ssim_min = -1;
  long max_fail = 0, max_bad = -1;
  const char *diff = NULL, *files[2] = { NULL, NULL };
  long at_x = -1, at_y = -1;
  int nfiles = 0;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp (a, "--exact"))
      exact = true;
    else if (!strcmp (a, "--ssim") && i + 1 < argc) {
      char *end;
      ssim_min = strtod (argv[++i], &end);
      if (*end || !(ssim_min >= 0 && ssim_min <= 1))
        return usage ();
    } else if (!strcmp (a, "--max-fail") && i + 1 < argc) {
      if (!parse_count (argv[++i], &max_fail))
        return usage ();
    } else if (!strcmp (a, "--max-bad") && i + 1 < argc) {
      if (!parse_count (argv[++i], &max_bad))
        return usage ();
    } else if (!strcmp (a, "--at") && i + 1 < argc) {
      char *end;
      at_x = strtol (argv[++i], &end, 10);
      if (*end != ',' || at_x < 0 || !parse_count (end + 1, &at_y))
        return usage ();
    } else if (!strcmp (a, "--diff") && i + 1 < argc)
      diff = argv[++i];
    else if (a[0] == '-' && a[1])
      return usage ();
    else if (nfiles < 2)
      files[nfiles++] = a;
    else
      return usage ();
  }
  if (nfiles != 2)
    return usage ();

  image_t e, a;
  if (!read_png (files[0], &e))
    return 2;
  if (!read_png (files[1], &a)) {
    free (e.px);
    return 2;
  }
  int rc = 0;
  if (at_x >= 0 && !cut (&a, (uint32_t) at_x, (uint32_t) at_y, e.w, e.h)) {
    printf ("imgcmp: no %ux%u part at %ld,%ld in the actual %ux%u\n", e.w, e.h, at_x, at_y, a.w, a.h);
    rc = 1;
  } else if (e.w != a.w || e.h != a.h) {
    printf ("imgcmp: size differs: expected %ux%u, actual %ux%u\n", e.w, e.h, a.w, a.h);
    rc = 1;
  } else if (ssim_min >= 0) {
    rc = structural (&e, &a, ssim_min);
  } else if (exact && e.depth != a.depth) {
    printf ("imgcmp: bit depth differs: expected %d, actual %d\n", e.depth, a.depth);
    rc = 1;
  } else {
    size_t count[NCLASS] = { 0 };
    int max_err = 0;
    uint32_t x0 = e.w, y0 = e.h, x1 = 0, y1 = 0;
    uint8_t *rgb = diff ? malloc ((size_t) e.w * e.h * 3) : NULL;
    for (uint32_t y = 0; y < e.h; y++)
      for (uint32_t x = 0; x < e.w; x++) {
        size_t i = (size_t) y * e.w + x;
        int err = abs (e.px[i] - a.px[i]);
        int cls = exact ? (err ? FAIL : SAME) : classify (&e, &a, x, y);
        count[cls]++;
        if (err > max_err)
          max_err = err;
        if (cls == FAIL || cls == BAD) {
          x0 = x < x0 ? x : x0;
          y0 = y < y0 ? y : y0;
          x1 = x > x1 ? x : x1;
          y1 = y > y1 ? y : y1;
        }
        if (rgb)
          paint (rgb, i, e.px[i], cls);
      }
    bool failed = (long) count[FAIL] > max_fail || (max_bad >= 0 && (long) count[BAD] > max_bad);
    printf ("imgcmp: %s %ux%u:", exact ? "exact" : "tolerant", e.w, e.h);
    for (int c = 0; c < NCLASS; c++)
      printf (" %s %zu", class_name[c], count[c]);
    printf (", largest error %d", max_err);
    if (count[FAIL] || count[BAD])
      printf (", differences within x %u..%u y %u..%u", x0, x1, y0, y1);
    printf (" -> %s\n", failed ? "DIFFERENT" : "match");
    if (failed) {
      rc = 1;
      if (rgb && write_rgb_png (diff, rgb, e.w, e.h))
        printf ("imgcmp: diff written to %s\n", diff);
    }
    free (rgb);
  }
  free (e.px);
  free (a.px);
  return rc;
}
