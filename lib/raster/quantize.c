/* raster/quantize: pixel formats and their presets, the frame geometry, and the tone and level
 * tables that quantizing needs: the levels a grey panel really shows, the palette a colour
 * panel really shows, the picture gamma/contrast curve and the text darkening curve.
 *
 *   ink_pixfmt_t fmt;
 *   ink_pixfmt_preset ("ssd1680", &fmt);
 *   fmt.rotate = INK_ROTATE_90;
 *   size_t bytes = ink_frame_size (&fmt, 296, 128);
 */
#include "pixels.h"

#include <math.h>
#include <stdlib.h>

typedef struct {
  const char *name;
  ink_pixkind_t kind;
  uint8_t bpp;
  bool lsb_first, invert;
  uint8_t row_align, x_align;
  uint16_t gray_steps;
} preset_t;

static const preset_t presets[] = {
  { "gray8", INK_PIXKIND_GRAY, 8, false, false, 0, 0, 0 },
  { "epdc8", INK_PIXKIND_GRAY, 8, false, false, 0, 8, 16 },  /* i.MX EPDC: 16 steps of 0x11 */
  { "gray4", INK_PIXKIND_GRAY, 4, false, false, 0, 0, 0 },   /* G4-HI */
  { "gray2", INK_PIXKIND_GRAY, 2, false, false, 0, 0, 0 },   /* G2-MSB */
  { "mono", INK_PIXKIND_GRAY, 1, false, false, 0, 0, 0 },    /* M1-MSB, 1 = white */
  /* G4-LO: left pixel in the low nibble */
  { "epdiy4", INK_PIXKIND_GRAY, 4, true, false, 0, 0, 0 },
  /* BE load, 16-bit rows, 32 px windows */
  { "it8951-4", INK_PIXKIND_GRAY, 4, false, false, 2, 32, 0 },
  { "ssd1680", INK_PIXKIND_GRAY, 1, false, false, 0, 8, 0 }, /* RAM 0x24: M1-MSB, 1 = white */
  { "inkplate1", INK_PIXKIND_GRAY, 1, true, true, 0, 8, 0 }, /* M1-LSB, 1 = black */
  { "bwr", INK_PIXKIND_BWR, 1, false, false, 0, 8, 0 },
  { "acep7", INK_PIXKIND_ACEP7, 4, false, false, 0, 0, 0 },
  { "spectra6", INK_PIXKIND_SPECTRA6, 4, false, false, 0, 0, 0 },
};

/* Documented in include/inkset/inkset-raster.h. */
ink_status_t
ink_pixfmt_preset (const char *name, ink_pixfmt_t *out)
{
  if (!name || !out)
    return INK_INVALID;
  for (size_t i = 0; i < sizeof presets / sizeof presets[0]; i++) {
    const preset_t *p = &presets[i];
    if (strcmp (p->name, name) != 0)
      continue;
    memset (out, 0, sizeof *out);
    out->kind = p->kind;
    out->bpp = p->bpp;
    out->lsb_first = p->lsb_first;
    out->invert = p->invert;
    out->row_align = p->row_align;
    out->x_align = p->x_align;
    out->gray_steps = p->gray_steps;
    return INK_OK;
  }
  return INK_NOT_FOUND;
}

/* Documented in include/inkset/inkset-raster.h. */
const char *
ink_pixfmt_preset_name (size_t index)
{
  return index < sizeof presets / sizeof presets[0] ? presets[index].name : NULL;
}

static unsigned
kind_bpp (const ink_pixfmt_t *fmt)
{
  switch (fmt->kind) {
  case INK_PIXKIND_BWR: return 1;
  case INK_PIXKIND_ACEP7:
  case INK_PIXKIND_SPECTRA6: return 4;
  default: return fmt->bpp ? fmt->bpp : 8;
  }
}

static bool
levels_set (const ink_pixfmt_t *fmt, unsigned n)
{
  return n <= 16 && fmt->levels[n - 1] != 0;
}

/* Documented in include/inkset/inkset-raster.h. */
ink_status_t
ink_pixfmt_check (const ink_pixfmt_t *fmt)
{
  if (!fmt)
    return INK_INVALID;
  for (size_t i = 0; i < sizeof fmt->reserved / sizeof *fmt->reserved; i++)
    if (fmt->reserved[i])
      return INK_UNSUPPORTED;   /* a field of a later version, which this one cannot honour */
  if ((unsigned) fmt->kind > INK_PIXKIND_SPECTRA6 || (unsigned) fmt->rotate > INK_ROTATE_270)
    return INK_INVALID;
  unsigned bpp = kind_bpp (fmt);
  if (bpp != 1 && bpp != 2 && bpp != 4 && bpp != 8)
    return INK_INVALID;
  if (fmt->kind != INK_PIXKIND_GRAY && fmt->bpp && fmt->bpp != bpp)
    return INK_INVALID;
  if (fmt->gray_steps && (bpp != 8 || fmt->gray_steps < 2 || fmt->gray_steps > 256))
    return INK_INVALID;
  if (fmt->kind == INK_PIXKIND_GRAY && bpp <= 4 && levels_set (fmt, 1u << bpp))
    for (unsigned k = 1; k < (1u << bpp); k++)
      if (fmt->levels[k] < fmt->levels[k - 1])
        return INK_INVALID;
  float g = fmt->image_gamma, c = fmt->image_contrast;
  if (!(g == 0 || (g > 0 && g <= 10)) || !(c == 0 || (c > 0 && c <= 10)))
    return INK_INVALID;
  return INK_OK;
}

ink_status_t
ink__layout (const ink_pixfmt_t *fmt, uint32_t page_w, uint32_t page_h, ink__layout_t *out)
{
  memset (out, 0, sizeof *out);
  ink_status_t st = ink_pixfmt_check (fmt);
  if (st != INK_OK)
    return st;
  if (page_w == 0 || page_h == 0 || page_w > INK_MAX_PAGE_SIDE || page_h > INK_MAX_PAGE_SIDE)
    return INK_INVALID;
  out->fmt = *fmt;
  out->fmt.bpp = (uint8_t) kind_bpp (fmt);
  out->page_w = page_w;
  out->page_h = page_h;
  bool swap = fmt->rotate == INK_ROTATE_90 || fmt->rotate == INK_ROTATE_270;
  ink_frame_geometry_t *g = &out->geo;
  g->native_width = swap ? page_h : page_w;
  g->native_height = swap ? page_w : page_h;
  uint64_t min_stride = ((uint64_t) g->native_width * out->fmt.bpp + 7) / 8;
  unsigned align = fmt->row_align ? fmt->row_align : 1;
  min_stride = (min_stride + align - 1) / align * align;
  if (fmt->stride && fmt->stride < min_stride)
    return INK_INVALID;
  g->stride = fmt->stride ? fmt->stride : (uint32_t) min_stride;
  g->planes = fmt->kind == INK_PIXKIND_BWR ? 2 : 1;
  uint64_t size = (uint64_t) g->stride * g->native_height * g->planes;
  if (size > SIZE_MAX)
    return INK_LIMIT;
  g->size = (size_t) size;
  return INK_OK;
}

/* Documented in include/inkset/inkset-raster.h. */
ink_status_t
ink_frame_geometry (const ink_pixfmt_t *fmt, uint32_t page_width, uint32_t page_height,
                    ink_frame_geometry_t *out)
{
  ink__layout_t lay;
  if (!out)
    return INK_INVALID;
  ink_status_t st = ink__layout (fmt, page_width, page_height, &lay);
  *out = lay.geo;
  return st;
}

/* Documented in include/inkset/inkset-raster.h. */
size_t
ink_frame_size (const ink_pixfmt_t *fmt, uint32_t page_width, uint32_t page_height)
{
  ink__layout_t lay;
  return ink__layout (fmt, page_width, page_height, &lay) == INK_OK ? lay.geo.size : 0;
}

/* Built-in colours by native index. Approximations of what the panels show, not nominal
 * primaries; calibrate per panel through ink_pixfmt_t.palette. */
static const uint8_t pal_bwr[3][3] = { { 0, 0, 0 }, { 255, 255, 255 }, { 190, 30, 30 } };
static const uint8_t pal_acep[8][3] = {
  { 0x1c, 0x1a, 0x22 }, { 0xe6, 0xe6, 0xe0 }, { 0x2b, 0x6a, 0x3c }, { 0x2f, 0x3e, 0x8a },
  { 0xb0, 0x30, 0x2a }, { 0xdc, 0xc8, 0x3c }, { 0xc8, 0x6e, 0x32 }, { 0xe6, 0xe6, 0xe0 },
};
/* Spectra 6 as measured by epdoptimize (pimoroni #1121); index 4 is not driven. */
static const uint8_t pal_spectra[8][3] = {
  { 0x19, 0x1e, 0x21 }, { 0xe8, 0xe8, 0xe8 }, { 0xef, 0xde, 0x44 }, { 0xb2, 0x13, 0x18 },
  { 0xd0, 0x70, 0x3a }, { 0x21, 0x57, 0xba }, { 0x12, 0x5f, 0x20 }, { 0xe8, 0xe8, 0xe8 },
};

unsigned
ink__palette_colors (const ink_pixfmt_t *fmt, uint8_t rgb[8][3])
{
  bool custom = false;
  for (unsigned i = 0; i < 8; i++)
    custom |= fmt->palette[i][0] | fmt->palette[i][1] | fmt->palette[i][2];
  unsigned n = fmt->kind == INK_PIXKIND_BWR ? 3 : 8;
  const uint8_t (*builtin)[3] = fmt->kind == INK_PIXKIND_BWR ? pal_bwr
                                : fmt->kind == INK_PIXKIND_ACEP7 ? pal_acep : pal_spectra;
  memset (rgb, 0, 8 * 3);
  for (unsigned i = 0; i < n; i++)
    memcpy (rgb[i], custom ? fmt->palette[i] : builtin[i], 3);
  return n;
}

static uint8_t
clamp8 (double v)
{
  return v <= 0 ? 0 : v >= 255 ? 255 : (uint8_t) (v + 0.5);
}

void
ink__tone_init (const ink_pixfmt_t *fmt, ink__tone_t *t)
{
  memset (t, 0, sizeof *t);
  t->kind = fmt->kind;
  t->bpp = kind_bpp (fmt);
  double gamma = fmt->image_gamma > 0 ? fmt->image_gamma : 1.0;
  double contrast = fmt->image_contrast > 0 ? fmt->image_contrast : 1.0;
  double darken = 1.0 + 2.0 * fmt->text_darken / 255.0;
  for (int v = 0; v < 256; v++) {
    double x = 255.0 * pow (v / 255.0, 1.0 / gamma);
    t->image_lut[v] = clamp8 ((x - 127.5) * contrast + 127.5);
    t->text_lut[v] = clamp8 (255.0 * pow (v / 255.0, darken));
  }
  if (fmt->kind != INK_PIXKIND_GRAY) {
    uint8_t rgb[8][3];
    ink__palette_colors (fmt, rgb);
    static const uint8_t use_bwr[] = { 0, 1, 2 }, use_acep[] = { 0, 1, 2, 3, 4, 5, 6 },
                         use_spectra[] = { 0, 1, 2, 3, 5, 6 };
    const uint8_t *use = fmt->kind == INK_PIXKIND_BWR ? use_bwr
                         : fmt->kind == INK_PIXKIND_ACEP7 ? use_acep : use_spectra;
    t->nlevels = fmt->kind == INK_PIXKIND_BWR ? 3 : fmt->kind == INK_PIXKIND_ACEP7 ? 7 : 6;
    for (unsigned k = 0; k < t->nlevels; k++) {
      t->code[k] = use[k];
      memcpy (t->pal[k], rgb[use[k]], 3);
    }
    t->white = 1;
    return;
  }
  unsigned n = t->bpp <= 4 ? 1u << t->bpp : (fmt->gray_steps ? fmt->gray_steps : 256);
  bool calibrated = t->bpp <= 4 && levels_set (fmt, n);
  t->nlevels = n;
  for (unsigned k = 0; k < n; k++) {
    uint8_t even = (uint8_t) ((k * 255u * 2 + (n - 1)) / (2 * (n - 1)));
    t->level[k] = calibrated ? fmt->levels[k] : even;
    t->code[k] = t->bpp <= 4 ? (uint8_t) k : even;
  }
  unsigned k = 0;
  for (int v = 0; v < 256; v++) {
    while (k + 1 < n && t->level[k + 1] <= v)
      k++;
    /* k: the highest level at or below v (level 0 if v is below them all). */
    unsigned best = k;
    if (k + 1 < n && abs ((int) t->level[k + 1] - v) < abs ((int) t->level[k] - v))
      best = k + 1;
    t->nearest[v] = (uint8_t) best;
    t->lower[v] = (uint8_t) k;
    int span = k + 1 < n ? t->level[k + 1] - t->level[k] : 0;
    int pos = v - t->level[k];
    t->frac[v] = span > 0 && pos > 0 ? (uint8_t) (pos * 256 / span > 255 ? 255 : pos * 256 / span) : 0;
  }
  t->white = t->code[t->nearest[255]];
  for (int v = 0; v < 256; v++) {
    t->paper_code[v] = t->code[t->nearest[v]];
    t->text_code[v] = t->code[t->nearest[t->text_lut[v]]];
  }
  t->text_as_paper = memcmp (t->paper_code, t->text_code, sizeof t->text_code) == 0;
  t->even16 = n == 16;
  for (int v = 0; v < 256 && t->even16; v++)
    t->even16 = t->paper_code[v] == INK_EVEN16 (v);
}

unsigned
ink__palette_nearest (const ink__tone_t *t, int r, int g, int b)
{
  unsigned best = 0;
  long best_d = -1;
  for (unsigned k = 0; k < t->nlevels; k++) {
    long dr = r - t->pal[k][0], dg = g - t->pal[k][1], db = b - t->pal[k][2];
    /* Green counts most and blue least, roughly as the eye weighs them. */
    long d = 3 * dr * dr + 4 * dg * dg + 2 * db * db;
    if (best_d < 0 || d < best_d) {
      best_d = d;
      best = k;
    }
  }
  return best;
}

static const char *const dither_names[INK_DITHER_COUNT_] = {
  "none", "floyd-steinberg", "atkinson", "bayer", "blue-noise",
};

/* Documented in include/inkset/inkset-raster.h. */
const char *
ink_dither_name (ink_dither_t method)
{
  return (unsigned) method < INK_DITHER_COUNT_ ? dither_names[method] : NULL;
}

/* Documented in include/inkset/inkset-raster.h. */
ink_status_t
ink_dither_from_name (const char *name, ink_dither_t *out)
{
  if (!name || !out)
    return INK_INVALID;
  for (unsigned i = 0; i < INK_DITHER_COUNT_; i++)
    if (strcmp (name, dither_names[i]) == 0) {
      *out = (ink_dither_t) i;
      return INK_OK;
    }
  return INK_NOT_FOUND;
}
