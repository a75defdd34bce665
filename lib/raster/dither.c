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

void
ink__dither_row (ink__dither_t *d, uint32_t ny, const ink__rowmap_t *map, const uint8_t *gray,
                 const uint8_t *cls, const uint8_t *rgb, uint8_t *codes)
{
  const ink__tone_t *t = d->tone;
  uint32_t w = d->width;
  unsigned ch = d->channels;
  bool diffuse = d->err[0] != NULL;
  bool ordered = d->method == INK_DITHER_BAYER || d->method == INK_DITHER_BLUE_NOISE;
  bool rtl = diffuse && (ny & 1);
  int dir = rtl ? -1 : 1;
  int den = d->method == INK_DITHER_ATKINSON ? 8 : 16;
  if (ch == 1 && !memchr (cls, INK_PX_IMAGE, w)) {
    /* No picture in this row: every pixel goes to its nearest level through a table, and
     * no error moves (it spreads only among picture pixels). */
    if (t->text_as_paper)
      for (uint32_t x = 0; x < w; x++)
        codes[x] = t->paper_code[gray[x]];
    else
      for (uint32_t x = 0; x < w; x++)
        codes[x] = cls[x] == INK_PX_PAPER ? t->paper_code[gray[x]] : t->text_code[gray[x]];
    w = 0;
  }
  for (uint32_t i = 0; i < w; i++) {
    uint32_t x = rtl ? w - 1 - i : i;
    unsigned c = cls[x];
    bool image = c == INK_PX_IMAGE;
    if (ch == 1) {
      int v = gray[x];
      if (!image) {
        if (c == INK_PX_TEXT || c == INK_PX_LINEART)
          v = t->text_lut[v];
        codes[x] = t->code[t->nearest[v]];
        continue;
      }
      v = t->image_lut[v];
      unsigned k;
      if (ordered) {
        unsigned th = threshold (d->method, map->ax + map->bx * x, map->ay + map->by * x);
        k = t->lower[v];
        if (k + 1 < t->nlevels && (unsigned) t->frac[v] * 16 > th)
          k++;
      } else if (diffuse) {
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
      codes[x] = t->code[k];
      continue;
    }
    int p[3];
    for (unsigned j = 0; j < 3; j++)
      p[j] = rgb ? rgb[3 * x + j] : gray[x];
    if (!image) {
      if (c == INK_PX_TEXT || c == INK_PX_LINEART)
        for (unsigned j = 0; j < 3; j++)
          p[j] = t->text_lut[p[j]];
      /* Grey text and rules go to black or white, never to a colour that happens to be
       * nearest (a mid grey is nearer green than black on Spectra panels). */
      if (p[0] == p[1] && p[1] == p[2])
        codes[x] = t->code[neutral (t, p[0])];
      else
        codes[x] = t->code[ink__palette_nearest (t, p[0], p[1], p[2])];
      continue;
    }
    for (unsigned j = 0; j < 3; j++)
      p[j] = t->image_lut[p[j]];
    unsigned k;
    if (ordered) {
      int off = ((int) threshold (d->method, map->ax + map->bx * x, map->ay + map->by * x) - 2048) / 32;
      k = ink__palette_nearest (t, clamp255 (p[0] + off), clamp255 (p[1] + off), clamp255 (p[2] + off));
    } else if (diffuse) {
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
    codes[x] = t->code[k];
  }
  if (diffuse) {
    int32_t *old = d->err[0];
    d->err[0] = d->err[1];
    d->err[1] = d->err[2];
    d->err[2] = old;
    memset (old, 0, d->err_bytes);
  }
}
