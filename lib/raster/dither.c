/* raster/dither: quantizes native rows of pixels to level or palette codes by class. Text, line
 * art and paper go to the nearest level, never dithered. Pictures use the chosen method:
 * ordered methods (Bayer, blue noise) are keyed by the pixel's logical page position; error
 * diffusion (Floyd-Steinberg, Atkinson; serpentine by absolute row) runs in native row order,
 * carries its error rows across strips and spreads error only among picture pixels. */
#include "pixels.h"

#define PAD 2

ink_status_t
ink__dither_init (ink_context_t *ctx, ink__dither_t *d, ink_dither_t method, const ink__tone_t *tone,
                  uint32_t width)
{
  memset (d, 0, sizeof *d);
  d->method = method;
  d->tone = tone;
  d->width = width;
  d->channels = tone->kind == INK_PIXKIND_GRAY ? 1 : 3;
  if (method != INK_DITHER_FLOYD_STEINBERG && method != INK_DITHER_ATKINSON)
    return INK_OK;
  size_t n = ((size_t) width + 2 * PAD) * d->channels;
  d->err_bytes = n * sizeof (int32_t);
  for (int i = 0; i < 3; i++) {
    d->err[i] = ink__alloc (ctx, d->err_bytes);
    if (!d->err[i]) {
      ink__dither_free (ctx, d);
      return ink__error (ctx, INK_NO_MEMORY, "dither: out of memory for %u px rows", width);
    }
  }
  return INK_OK;
}

void
ink__dither_free (ink_context_t *ctx, ink__dither_t *d)
{
  for (int i = 0; i < 3; i++) {
    ink__free (ctx, d->err[i], d->err_bytes);
    d->err[i] = NULL;
  }
}

/* The darkest entry of a palette for v below mid-grey, else the lightest. */
static unsigned
neutral (const ink__tone_t *t, int v)
{
  unsigned dark = 0, light = 0;
  int dl = 1 << 30, ll = -1;
  for (unsigned k = 0; k < t->nlevels; k++) {
    int l = 77 * t->pal[k][0] + 150 * t->pal[k][1] + 29 * t->pal[k][2];
    if (l < dl)
      dl = l, dark = k;
    if (l > ll)
      ll = l, light = k;
  }
  return v < 128 ? dark : light;
}

/* Bayer index matrix of 8x8 by bit interleaving: the low bits of x and y weigh the most. */
static unsigned
bayer8 (uint32_t x, uint32_t y)
{
  unsigned v = 0;
  for (unsigned b = 0; b < 3; b++) {
    v |= (((x ^ y) >> b) & 1u) << (2 * (2 - b) + 1);
    v |= ((y >> b) & 1u) << (2 * (2 - b));
  }
  return v;
}

/* A threshold in 0..4095 for logical pixel (lx, ly). */
static unsigned
threshold (ink_dither_t method, int64_t lx, int64_t ly)
{
  uint32_t x = (uint32_t) lx, y = (uint32_t) ly;
  if (method == INK_DITHER_BAYER)
    return bayer8 (x & 7, y & 7) * 64 + 32;
  return ink__bluenoise64[(y & 63) * 64 + (x & 63)];
}

static int
div_round (int32_t acc, int den)
{
  return acc >= 0 ? (acc + den / 2) / den : -((-acc + den / 2) / den);
}

static int
clamp255 (int v)
{
  return v < 0 ? 0 : v > 255 ? 255 : v;
}

/* Text, line art and paper: the nearest level, text darkened first; never dithered. */
static unsigned
grey_plain (const ink__tone_t *t, unsigned c, unsigned v)
{
  return c == INK_PX_TEXT || c == INK_PX_LINEART ? t->text_code[v] : t->paper_code[v];
}

static unsigned
colour_plain (const ink__tone_t *t, unsigned c, int p[3])
{
  if (c == INK_PX_TEXT || c == INK_PX_LINEART)
    for (unsigned j = 0; j < 3; j++)
      p[j] = t->text_lut[p[j]];
  /* Grey text and rules go to black or white, never to a colour that happens to be
   * nearest (a mid grey is nearer green than black on Spectra panels). */
  if (p[0] == p[1] && p[1] == p[2])
    return t->code[neutral (t, p[0])];
  return t->code[ink__palette_nearest (t, p[0], p[1], p[2])];
}

static void
colour_pixel (const uint8_t *gray, const uint8_t *rgb, uint32_t x, int p[3])
{
  for (unsigned j = 0; j < 3; j++)
    p[j] = rgb ? rgb[3 * (size_t) x + j] : gray[x];
}

void
ink__quantize_span (const ink__tone_t *t, const uint8_t *gray, const uint8_t *cls,
                    const uint8_t *rgb, uint32_t x0, uint32_t x1, uint8_t *codes)
{
  if (t->kind != INK_PIXKIND_GRAY) {
    for (uint32_t x = x0; x < x1; x++) {
      int p[3];
      colour_pixel (gray, rgb, x, p);
      codes[x] = (uint8_t) colour_plain (t, cls[x], p);
    }
  } else if (t->text_as_paper) {
    for (uint32_t x = x0; x < x1; x++)
      codes[x] = t->paper_code[gray[x]];
  } else {
    for (uint32_t x = x0; x < x1; x++)
      codes[x] = (uint8_t) grey_plain (t, cls[x], gray[x]);
  }
}

/* One grey picture pixel. */
static unsigned
grey_picture (ink__dither_t *d, const ink__rowmap_t *map, uint32_t x, int v, int dir)
{
  const ink__tone_t *t = d->tone;
  v = t->image_lut[v];
  unsigned k;
  if (d->method == INK_DITHER_BAYER || d->method == INK_DITHER_BLUE_NOISE) {
    unsigned th = threshold (d->method, map->ax + map->bx * x, map->ay + map->by * x);
    k = t->lower[v];
    if (k + 1 < t->nlevels && (unsigned) t->frac[v] * 16 > th)
      k++;
  } else if (d->err[0]) {
    int den = d->method == INK_DITHER_ATKINSON ? 8 : 16;
    int32_t *e0 = d->err[0] + PAD, *e1 = d->err[1] + PAD, *e2 = d->err[2] + PAD;
    int vq = clamp255 (v + div_round (e0[x], den));
    k = t->nearest[vq];
    int32_t e = vq - t->level[k];
    int64_t xi = x;
    if (d->method == INK_DITHER_FLOYD_STEINBERG) {
      e0[xi + dir] += 7 * e;
      e1[xi - dir] += 3 * e;
      e1[xi] += 5 * e;
      e1[xi + dir] += e;
    } else {
      e0[xi + dir] += e;
      e0[xi + 2 * dir] += e;
      e1[xi - dir] += e;
      e1[xi] += e;
      e1[xi + dir] += e;
      e2[xi] += e;
    }
  } else {
    k = t->nearest[v];
  }
  return t->code[k];
}

/* One colour picture pixel. */
static unsigned
colour_picture (ink__dither_t *d, const ink__rowmap_t *map, uint32_t x, int p[3], int dir)
{
  const ink__tone_t *t = d->tone;
  for (unsigned j = 0; j < 3; j++)
    p[j] = t->image_lut[p[j]];
  unsigned k;
  if (d->method == INK_DITHER_BAYER || d->method == INK_DITHER_BLUE_NOISE) {
    int off = ((int) threshold (d->method, map->ax + map->bx * x, map->ay + map->by * x) - 2048) / 32;
    k = ink__palette_nearest (t, clamp255 (p[0] + off), clamp255 (p[1] + off), clamp255 (p[2] + off));
  } else if (d->err[0]) {
    int den = d->method == INK_DITHER_ATKINSON ? 8 : 16;
    int32_t *e0 = d->err[0] + PAD * 3, *e1 = d->err[1] + PAD * 3, *e2 = d->err[2] + PAD * 3;
    int q[3];
    for (unsigned j = 0; j < 3; j++)
      q[j] = clamp255 (p[j] + div_round (e0[3 * x + j], den));
    k = ink__palette_nearest (t, q[0], q[1], q[2]);
    for (unsigned j = 0; j < 3; j++) {
      int32_t e = q[j] - t->pal[k][j];
      int64_t xd = (int64_t) x + dir, xb = (int64_t) x - dir;
      if (d->method == INK_DITHER_FLOYD_STEINBERG) {
        e0[3 * xd + j] += 7 * e;
        e1[3 * xb + j] += 3 * e;
        e1[3 * (int64_t) x + j] += 5 * e;
        e1[3 * xd + j] += e;
      } else {
        e0[3 * xd + j] += e;
        e0[3 * (xd + dir) + j] += e;
        e1[3 * xb + j] += e;
        e1[3 * (int64_t) x + j] += e;
        e1[3 * xd + j] += e;
        e2[3 * (int64_t) x + j] += e;
      }
    }
  } else {
    k = ink__palette_nearest (t, p[0], p[1], p[2]);
  }
  return t->code[k];
}

void
ink__dither_row (ink__dither_t *d, uint32_t ny, const ink__rowmap_t *map, const uint8_t *gray,
                 const uint8_t *cls, const uint8_t *rgb, uint32_t x0, uint32_t x1, uint8_t *codes)
{
  const ink__tone_t *t = d->tone;
  bool diffuse = d->err[0] != NULL;
  /* Error diffusion runs serpentine by absolute row, and only picture pixels take part. */
  bool rtl = diffuse && (ny & 1);
  int dir = rtl ? -1 : 1;
  if (diffuse)
    d->dirty[0] = d->dirty[1] = d->dirty[2] = true;
  for (uint32_t i = x0; i < x1; i++) {
    uint32_t x = rtl ? x1 - 1 - (i - x0) : i;
    unsigned c = cls[x];
    if (d->channels == 1) {
      codes[x] = (uint8_t) (c == INK_PX_IMAGE ? grey_picture (d, map, x, gray[x], dir)
                                              : grey_plain (t, c, gray[x]));
    } else {
      int p[3];
      colour_pixel (gray, rgb, x, p);
      codes[x] = (uint8_t) (c == INK_PX_IMAGE ? colour_picture (d, map, x, p, dir)
                                              : colour_plain (t, c, p));
    }
  }
}

void
ink__dither_next_row (ink__dither_t *d)
{
  if (!d->err[0])
    return;
  int32_t *old = d->err[0];
  if (d->dirty[0])
    memset (old, 0, d->err_bytes);
  d->err[0] = d->err[1];
  d->err[1] = d->err[2];
  d->err[2] = old;
  d->dirty[0] = d->dirty[1];
  d->dirty[1] = d->dirty[2];
  d->dirty[2] = false;
}

void
ink__dither_reset (ink__dither_t *d)
{
  for (int i = 0; i < 3; i++) {
    if (d->err[i])
      memset (d->err[i], 0, d->err_bytes);
    d->dirty[i] = false;
  }
}
