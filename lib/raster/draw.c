/* raster/draw: any rectangle of a page, from its display list.
 *
 * Items are drawn in order onto paper white: glyphs composited with their grey by
 * coverage, rules filled, pictures scaled to their box. Every pixel also gets a class, so
 * that quantizing can round text and rules and dither only pictures. The same rectangle
 * always gives the same bytes, whatever band it is drawn in. */
#include "raster.h"

static void
raster_free (ink_document_t *doc)
{
  ink__raster_state_t *rs = doc->raster;
  if (!rs)
    return;
  ink__glyph_cache_free (doc->ctx, &rs->glyphs);
  for (size_t i = 0; i < rs->images.n; i++) {
    const ink__scaled_t *sc = &rs->images.v[i];
    ink__free (doc->ctx, sc->pixels, (size_t) sc->w * sc->h * sc->channels);
  }
  ink__vec_free (doc->ctx, &rs->images);
  ink__free (doc->ctx, rs->boxes, rs->nboxes * sizeof *rs->boxes);
  ink__free (doc->ctx, rs->known, rs->nboxes);
  ink__free (doc->ctx, rs, sizeof *rs);
  doc->raster = NULL;
}

ink__raster_state_t *
ink__raster_state (ink_document_t *doc)
{
  if (!doc->raster) {
    doc->raster = ink__alloc (doc->ctx, sizeof (ink__raster_state_t));
    if (doc->raster)
      doc->raster_free = raster_free;
  }
  return doc->raster;
}

/* A glyph of a run placed on the canvas: its bitmap and the part of it inside the canvas. */
typedef struct {
  const uint8_t *bits;
  int32_t x0, y0, stride;         /* bitmap origin on the page, bytes a bitmap row takes */
  int32_t cx0, cy0, cx1, cy1;     /* clipped to the canvas, page px */
} placed_t;

/* Finds glyph g of a run and clips it to the canvas; false when nothing of it is inked there. */
static ink_status_t
place (ink_document_t *doc, const ink__item_t *it, size_t g, bool mono, const ink__canvas_t *cv,
       placed_t *p, bool *inked)
{
  const ink__dglyph_t *dg = &doc->glyphs.v[it->g0 + g];
  ink__pen_t pen;
  ink__glyph_pen (dg, mono, &pen);
  ink__gbitmap_t bm;
  *inked = false;
  ink_status_t st = ink__glyph_get (doc, it->face, it->size_px, dg->gid, pen.phase, mono, &bm);
  if (st == INK_NO_MEMORY)
    return st;
  int w = bm.w, h = bm.h;
  if (st != INK_OK || !w || !h)
    return INK_OK;   /* a glyph the font cannot draw: nothing to ink */
  int32_t rx1 = cv->x + (int32_t) cv->w, ry1 = cv->y + (int32_t) cv->h;
  p->bits = bm.bits;
  p->x0 = pen.px + bm.left;
  p->y0 = pen.py - bm.top;
  p->stride = bm.stride;
  p->cx0 = p->x0 > cv->x ? p->x0 : cv->x;
  p->cy0 = p->y0 > cv->y ? p->y0 : cv->y;
  p->cx1 = p->x0 + w < rx1 ? p->x0 + w : rx1;
  p->cy1 = p->y0 + h < ry1 ? p->y0 + h : ry1;
  *inked = p->cx0 < p->cx1 && p->cy0 < p->cy1;
  return INK_OK;
}

static unsigned
over (unsigned d, unsigned grey, unsigned a)
{
  return (d * (255 - a) + grey * a + 127) / 255;
}

/* Whether the N bytes at p (N of 8 or 16) are all paper white (255). */
static inline bool
paper_white (const uint8_t *p, unsigned n)
{
  uint64_t lo, hi = UINT64_MAX;
  memcpy (&lo, p, 8);
  if (n == 16)
    memcpy (&hi, p + 8, 8);
  return (lo & hi) == UINT64_MAX;
}

/* N pixels of a glyph row over grey and class rows at once (N of 8 or 16): over () in
 * 16-bit lanes. Its sum is at most 255 * 255 + 127, and for such t, t / 255 is
 * (t + 1 + (t >> 8)) >> 8; where a is 0 the sum is d * 255 + 127, which gives d back.
 * Black over N pixels of paper white, most of a page's text, is 255 - a, as over () gives
 * it, without the widening. */
#define BLEND_LANES(N)                                                                        \
  typedef uint8_t px##N##_t __attribute__ ((vector_size (N)));                                \
  typedef uint16_t wide##N##_t __attribute__ ((vector_size (2 * N)));                         \
  static void blend##N (const uint8_t *src, uint8_t *gray, uint8_t *cls, unsigned grey)       \
  {                                                                                           \
    px##N##_t av, dv, cv;                                                                     \
    memcpy (&av, src, sizeof av);                                                             \
    memcpy (&dv, gray, sizeof dv);                                                            \
    memcpy (&cv, cls, sizeof cv);                                                             \
    px##N##_t out;                                                                            \
    if (grey == 0 && paper_white (gray, N)) {                                                 \
      out = ~av;                                                                              \
    } else {                                                                                  \
      wide##N##_t a = __builtin_convertvector (av, wide##N##_t);                              \
      wide##N##_t d = __builtin_convertvector (dv, wide##N##_t);                              \
      wide##N##_t t = d * (255 - a) + (uint16_t) grey * a + 127;                              \
      t = (t + 1 + (t >> 8)) >> 8;                                                            \
      out = __builtin_convertvector (t, px##N##_t);                                           \
    }                                                                                         \
    px##N##_t inked = (px##N##_t) (av != 0);                                                  \
    cv = (inked & (uint8_t) INK_PX_TEXT) | (~inked & cv);                                     \
    memcpy (gray, &out, sizeof out);                                                          \
    memcpy (cls, &cv, sizeof cv);                                                             \
  }
BLEND_LANES (16)
BLEND_LANES (8)

/* One row of a glyph over grey and class rows. Black over paper white, the usual case,
 * is 255 - a exactly, as over () would give it. */
static inline __attribute__ ((always_inline)) void
blend_row (const uint8_t *src, uint8_t *gray, uint8_t *cls, uint32_t n, unsigned grey)
{
  uint32_t i = 0;
  for (; n - i >= 16; i += 16)
    blend16 (src + i, gray + i, cls + i, grey);
  if (n - i >= 8) {
    blend8 (src + i, gray + i, cls + i, grey);
    i += 8;
  }
  for (; i < n; i++) {
    unsigned a = src[i], d = gray[i];
    if (!a)
      continue;
    gray[i] = (uint8_t) (grey == 0 && d == 255 ? 255 - a : over (d, grey, a));
    cls[i] = INK_PX_TEXT;
  }
}

static void
blend (const ink__item_t *it, const placed_t *p, const ink__canvas_t *cv)
{
  unsigned grey = it->grey;
  uint32_t n = (uint32_t) (p->cx1 - p->cx0);
  size_t ox = (size_t) (p->cx0 - cv->x), oy = (size_t) (p->cy0 - cv->y);
  size_t sx = (size_t) (p->cx0 - p->x0);
  const uint8_t *src = p->bits + (size_t) (p->cy0 - p->y0) * (size_t) p->stride + sx;
  /* Locals, so that the stores (uint8_t, which may alias anything) do not reload them. */
  uint8_t *gray = cv->gray ? cv->gray + oy * cv->gs + ox : NULL;
  uint8_t *cls = cv->cls ? cv->cls + oy * cv->cs + ox : NULL;
  uint8_t *rgb = cv->rgb ? cv->rgb + oy * cv->rs + 3 * ox : NULL;
  size_t sw = (size_t) p->stride, gs = cv->gs, cs = cv->cs, rs = cv->rs;
  if (gray && cls && !rgb) {
    /* Whole blocks of 8 where the bitmap's zero padding and the canvas row reach that far:
     * blending a coverage of 0 leaves grey and class as they were, and no pixel is left over. */
    uint32_t n8 = (n + 7) & ~7u;
    if (sx + n8 <= sw && ox + n8 <= cv->w)
      n = n8;
    if (grey == 0) {   /* black text: the rows blended with the grey's product known 0 */
      for (int32_t y = p->cy0; y < p->cy1; y++, src += sw, gray += gs, cls += cs)
        blend_row (src, gray, cls, n, 0);
      return;
    }
    for (int32_t y = p->cy0; y < p->cy1; y++, src += sw, gray += gs, cls += cs)
      blend_row (src, gray, cls, n, grey);
    return;
  }
  for (int32_t y = p->cy0; y < p->cy1; y++) {
    for (uint32_t i = 0; i < n; i++) {
      unsigned a = src[i];
      if (!a)
        continue;
      if (gray)
        gray[i] = (uint8_t) over (gray[i], grey, a);
      if (cls)
        cls[i] = INK_PX_TEXT;
      if (rgb)
        for (int k = 0; k < 3; k++)
          rgb[3 * i + k] = (uint8_t) over (rgb[3 * i + k], grey, a);
    }
    src += sw;
    gray = gray ? gray + gs : NULL;
    cls = cls ? cls + cs : NULL;
    rgb = rgb ? rgb + rs : NULL;
  }
}

/* The ink box of run it, found once per document and kept: every glyph placed on an
 * unbounded canvas. */
static ink_status_t
run_box (ink_document_t *doc, const ink__item_t *it, bool mono, ink__inkbox_t *out)
{
  ink__raster_state_t *rs = ink__raster_state (doc);
  if (!rs)
    return INK_NO_MEMORY;
  size_t n = doc->items.n, k = (size_t) (it - doc->items.v);
  if (rs->nboxes != n || rs->boxes_mono != mono) {
    ink__free (doc->ctx, rs->boxes, rs->nboxes * sizeof *rs->boxes);
    ink__free (doc->ctx, rs->known, rs->nboxes);
    rs->boxes = ink__realloc_array (doc->ctx, NULL, 0, n, sizeof *rs->boxes);
    rs->known = ink__alloc (doc->ctx, n);   /* zeroed */
    rs->nboxes = rs->boxes && rs->known ? n : 0;
    rs->boxes_mono = mono;
    if (!rs->nboxes) {
      ink__free (doc->ctx, rs->boxes, n * sizeof *rs->boxes);
      ink__free (doc->ctx, rs->known, n);
      rs->boxes = NULL;
      rs->known = NULL;
      return INK_NO_MEMORY;
    }
  }
  if (!rs->known[k]) {
    ink__canvas_t all = { INT32_MIN / 2, INT32_MIN / 2, UINT32_MAX / 2, UINT32_MAX / 2,
                          NULL, NULL, NULL, 0, 0, 0, NULL };
    ink__inkbox_t b = { INT32_MAX, INT32_MAX, INT32_MIN, INT32_MIN };
    for (size_t g = 0; g < it->ng; g++) {
      placed_t p;
      bool inked;
      ink_status_t st = place (doc, it, g, mono, &all, &p, &inked);
      if (st != INK_OK)
        return st;
      if (!inked)
        continue;
      b.x0 = p.cx0 < b.x0 ? p.cx0 : b.x0;
      b.y0 = p.cy0 < b.y0 ? p.cy0 : b.y0;
      b.x1 = p.cx1 > b.x1 ? p.cx1 : b.x1;
      b.y1 = p.cy1 > b.y1 ? p.cy1 : b.y1;
    }
    rs->boxes[k] = b;
    rs->known[k] = 1;
  }
  *out = rs->boxes[k];
  return INK_OK;
}

/* Glyphs placed at once before they are composited, so that each is looked up once. */
#define PLACED_BATCH 64

/* A run of glyphs, PLACED_BATCH at a time: first the box the batch inks on the canvas, which
 * the spans take in one step per row, then its glyphs composited in order. */
static ink_status_t
draw_glyphs (ink_document_t *doc, const ink__item_t *it, bool mono, const ink__canvas_t *cv)
{
  ink__inkbox_t box;
  ink_status_t st = run_box (doc, it, mono, &box);
  if (st != INK_OK)
    return st;
  if (box.y1 <= cv->y || box.y0 >= cv->y + (int32_t) cv->h || box.x1 <= cv->x ||
      box.x0 >= cv->x + (int32_t) cv->w)
    return INK_OK;   /* a run beside the canvas (a band above or below): nothing to ink */
  placed_t batch[PLACED_BATCH];
  const ink__raster_state_t *rs = ink__raster_state (doc);
  size_t g0 = 0, batch_of = PLACED_BATCH;
  while (g0 < it->ng) {
    size_t clears = rs ? rs->glyphs.clears : 0;
    size_t n = 0, g1 = it->ng - g0 < batch_of ? it->ng : g0 + batch_of;
    int32_t bx0 = INT32_MAX, by0 = INT32_MAX, bx1 = INT32_MIN, by1 = INT32_MIN;
    for (size_t g = g0; g < g1; g++) {
      bool inked;
      placed_t *p = &batch[n];
      if ((st = place (doc, it, g, mono, cv, p, &inked)) != INK_OK)
        return st;
      if (!inked)
        continue;
      n++;
      bx0 = p->cx0 < bx0 ? p->cx0 : bx0;
      by0 = p->cy0 < by0 ? p->cy0 : by0;
      bx1 = p->cx1 > bx1 ? p->cx1 : bx1;
      by1 = p->cy1 > by1 ? p->cy1 : by1;
    }
    if (rs && rs->glyphs.clears != clears && batch_of > 1) {
      /* The cache was emptied to stay in its budget while the batch was placed (a run drawn
       * in strips, its glyphs gone since its first): the bitmaps placed before that are
       * gone. The run goes on a glyph at a time from the batch's first. */
      batch_of = 1;
      continue;
    }
    for (int32_t y = by0; cv->spans && y < by1; y++)
      ink__canvas_cover (cv, (uint32_t) (y - cv->y), (uint32_t) (bx0 - cv->x),
                         (uint32_t) (bx1 - cv->x), false);
    for (size_t k = 0; k < n; k++)
      blend (it, &batch[k], cv);
    g0 = g1;
  }
  return INK_OK;
}

static void
draw_rule (const ink__item_t *it, const ink__canvas_t *cv)
{
  int32_t rx = cv->x, ry = cv->y, x0, y0, x1, y1;
  ink__rule_pixels (it, &x0, &y0, &x1, &y1);
  if (x0 < rx)
    x0 = rx;
  if (y0 < ry)
    y0 = ry;
  if (x1 > rx + (int32_t) cv->w)
    x1 = rx + (int32_t) cv->w;
  if (y1 > ry + (int32_t) cv->h)
    y1 = ry + (int32_t) cv->h;
  if (x0 >= x1)
    return;
  size_t ox = (size_t) (x0 - rx), n = (size_t) (x1 - x0);
  for (int32_t y = y0; y < y1; y++) {
    size_t oy = (size_t) (y - ry);
    ink__canvas_cover (cv, (uint32_t) oy, (uint32_t) ox, (uint32_t) (ox + n), false);
    if (cv->gray)
      memset (cv->gray + oy * cv->gs + ox, it->grey, n);
    if (cv->cls)
      memset (cv->cls + oy * cv->cs + ox, INK_PX_LINEART, n);
    if (cv->rgb)
      memset (cv->rgb + oy * cv->rs + ox * 3, it->grey, 3 * n);
  }
}

ink_status_t
ink__raster_canvas (ink_document_t *doc, size_t page, bool mono, const ink__canvas_t *cv)
{
  if (!doc || page >= doc->pages.n)
    return INK_INVALID;
  for (uint32_t y = 0; y < cv->h && !cv->spans; y++) {
    if (cv->gray)
      memset (cv->gray + (size_t) y * cv->gs, 255, cv->w);
    if (cv->cls)
      memset (cv->cls + (size_t) y * cv->cs, INK_PX_PAPER, cv->w);
    if (cv->rgb)
      memset (cv->rgb + (size_t) y * cv->rs, 255, (size_t) cv->w * 3);
  }
  int64_t bx0 = (int64_t) cv->x * 64, by0 = (int64_t) cv->y * 64;
  int64_t bx1 = bx0 + (int64_t) cv->w * 64, by1 = by0 + (int64_t) cv->h * 64;
  ink_status_t st = INK_OK;
  ink_display_iter_t walk;
  ink__step_t s;
  for (ink_display_begin (doc, page, &walk); st == INK_OK && ink__display_step (&walk, &s);) {
    const ink__item_t *it = s.item;
    if (s.kind == INK_DISPLAY_LINE || s.kind == INK_DISPLAY_LINK)
      continue;   /* a line is drawn by its runs; a link is not drawn */
    /* Glyphs reach outside their line box (accents, descenders of tall scripts): widen it. */
    int64_t pad = it->kind == INK_ITEM_GLYPHS ? (int64_t) (it->size_px * 64) + it->h : 64;
    if (it->x - pad >= bx1 || it->x + it->w + pad <= bx0 || it->y - pad >= by1 ||
        it->y + it->h + pad <= by0)
      continue;
    if (s.kind == INK_DISPLAY_GLYPH_RUN)
      st = draw_glyphs (doc, it, mono, cv);
    else if (s.kind == INK_DISPLAY_RULE)
      draw_rule (it, cv);
    else
      st = ink__raster_image (doc, it, cv);
  }
  return st;
}

ink_status_t
ink__raster_rect (ink_document_t *doc, size_t page, bool mono, int32_t rx, int32_t ry,
                  uint32_t rw, uint32_t rh, uint8_t *gray, size_t gs, uint8_t *cls, size_t cs,
                  uint8_t *rgb, size_t rs)
{
  ink__canvas_t cv = { rx, ry, rw, rh, gray, cls, rgb, gs, cs, rs, NULL };
  return ink__raster_canvas (doc, page, mono, &cv);
}

/* Documented in include/inkset/inkset-document.h. */
ink_status_t
ink_document_render_gray (ink_document_t *doc, size_t page, int32_t x, int32_t y, uint32_t width,
                          uint32_t height, uint8_t *gray, size_t stride)
{
  if (!doc || !gray || stride < width || page >= doc->pages.n)
    return INK_INVALID;
  return ink__raster_rect (doc, page, false, x, y, width, height, gray, stride, NULL, 0, NULL, 0);
}

/* What an ink_page_source_t holds: private, so that it may change; copied in and out of the
 * caller's storage with memcpy. */
typedef struct {
  ink_document_t *doc;
  size_t page;
  bool mono;
} page_source_t;
_Static_assert (sizeof (page_source_t) <= sizeof (ink_page_source_t),
                "ink_page_source_t has no room for the page source");

/* The callback cannot return a status: the first failure (out of memory for a glyph or a
 * picture) waits on the context for the frame renderer, which stops with it. */
static void
page_draw (const ink_page_source_t *storage, const ink__canvas_t *cv)
{
  page_source_t src;
  memcpy (&src, storage, sizeof src);
  ink_status_t st = ink__raster_canvas (src.doc, src.page, src.mono, cv);
  if (st != INK_OK && src.doc->ctx->render_status == INK_OK)
    src.doc->ctx->render_status = st;
}

static void
page_render (void *user, int32_t x, int32_t y, uint32_t w, uint32_t h, uint8_t *gray, size_t gs,
             uint8_t *cls, size_t cs, uint8_t *rgb, size_t rs)
{
  ink__canvas_t cv = { x, y, w, h, gray, cls, rgb, gs, cs, rs, NULL };
  page_draw (user, &cv);
}

static void
page_render_spans (void *user, int32_t x, int32_t y, uint32_t w, uint32_t h, uint8_t *gray,
                   size_t gs, uint8_t *cls, size_t cs, uint8_t *rgb, size_t rs,
                   ink__rowspan_t *spans)
{
  ink__canvas_t cv = { x, y, w, h, gray, cls, rgb, gs, cs, rs, spans };
  page_draw (user, &cv);
}

ink__render_spans_fn
ink__render_spans_of (ink__render_rect_fn fn)
{
  return fn == page_render ? page_render_spans : NULL;
}

/* Documented in include/inkset/inkset-document.h. */
ink_status_t
ink_document_frame (ink_document_t *doc, size_t page, const ink_pixfmt_t *fmt,
                    ink_dither_t dither, ink_page_source_t *src, ink_frame_t *frame)
{
  if (!doc || !fmt || !src || !frame || page >= doc->pages.n)
    return INK_INVALID;
  ink_status_t st = ink_pixfmt_check (fmt);
  if (st != INK_OK)
    return st;
  page_source_t ps = { doc, page, fmt->kind == INK_PIXKIND_GRAY && fmt->bpp == 1 };
  memset (src, 0, sizeof *src);
  memcpy (src, &ps, sizeof ps);
  memset (frame, 0, sizeof *frame);
  frame->width = doc->width;
  frame->height = doc->height;
  frame->format = *fmt;
  frame->dither = dither;
  frame->render = page_render;
  frame->user = src;
  return INK_OK;
}
