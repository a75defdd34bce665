/* For the pixel tests: a page source (a logical image of grey, class and colour that a frame
 * renders from) and a reference reader of packed pixels, written from the format
 * descriptions. Include after test.h and pixels.h. */
#ifndef INK_PIXPAGE_H
#define INK_PIXPAGE_H

/* ---- A page source: a logical image of grey, class and colour. ---- */
typedef struct {
  uint32_t w, h;
  uint8_t *gray, *cls, *rgb;
  int calls;
} page_t;

static inline void
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

static inline void
page_alloc (page_t *p, uint32_t w, uint32_t h)
{
  memset (p, 0, sizeof *p);
  p->w = w;
  p->h = h;
  p->gray = calloc ((size_t) w * h, 1);
  p->cls = calloc ((size_t) w * h, 1);
  p->rgb = calloc ((size_t) w * h * 3, 1);
}

static inline void
page_free (page_t *p)
{
  free (p->gray);
  free (p->cls);
  free (p->rgb);
}

/* A page with a picture (gradient plus colour), text blocks and a rule. */
static inline void
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
static inline void
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

static inline unsigned
ref_bpp (const ink_pixfmt_t *f)
{
  return f->kind == INK_PIXKIND_BWR ? 1 : f->kind ? 4 : f->bpp ? f->bpp : 8;
}

static inline unsigned
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

#endif
