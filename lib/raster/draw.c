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

static int32_t
floor64 (int32_t v)
{
  return v >= 0 ? v >> 6 : -((-v + 63) >> 6);
}

static ink_status_t
draw_glyphs (ink_document_t *doc, const ink__item_t *it, bool mono, int32_t rx, int32_t ry,
             uint32_t rw, uint32_t rh, uint8_t *gray, size_t gs, uint8_t *cls, size_t cs,
             uint8_t *rgb, size_t rs)
{
  for (size_t g = 0; g < it->ng; g++) {
    const ink__dglyph_t *dg = &doc->glyphs.v[it->g0 + g];
    /* Quarter-pixel phases; 1-bit glyphs sit on whole pixels, as hinting expects. */
    int32_t xq = mono ? ((dg->x + 32) & ~63) : ((dg->x + 8) & ~15);
    int32_t px = floor64 (xq);
    unsigned phase = (unsigned) ((xq - px * 64) >> 4);
    int32_t py = floor64 (dg->y + 32);
    int left, top, w, h;
    const uint8_t *bits;
    ink_status_t st = ink__glyph_get (doc, it->face, it->size_px, dg->gid, phase, mono, &left,
                                      &top, &w, &h, &bits);
    if (st == INK_NO_MEMORY)
      return st;
    if (st != INK_OK || !w || !h)
      continue;   /* a glyph the font cannot draw: nothing to ink */
    int32_t x0 = px + left, y0 = py - top;
    int32_t cx0 = x0 > rx ? x0 : rx, cy0 = y0 > ry ? y0 : ry;
    int32_t cx1 = x0 + w < rx + (int32_t) rw ? x0 + w : rx + (int32_t) rw;
    int32_t cy1 = y0 + h < ry + (int32_t) rh ? y0 + h : ry + (int32_t) rh;
    for (int32_t y = cy0; y < cy1; y++) {
      const uint8_t *src = bits + (size_t) (y - y0) * (size_t) w + (cx0 - x0);
      for (int32_t x = cx0; x < cx1; x++, src++) {
        unsigned a = *src;
        if (!a)
          continue;
        size_t ox = (size_t) (x - rx), oy = (size_t) (y - ry);
        if (gray) {
          uint8_t *d = gray + oy * gs + ox;
          *d = (uint8_t) ((*d * (255 - a) + it->grey * a + 127) / 255);
        }
        if (cls)
          cls[oy * cs + ox] = INK_PX_TEXT;
        if (rgb) {
          uint8_t *d = rgb + oy * rs + ox * 3;
          for (int k = 0; k < 3; k++)
            d[k] = (uint8_t) ((d[k] * (255 - a) + it->grey * a + 127) / 255);
        }
      }
    }
  }
  return INK_OK;
}

static void
draw_rule (const ink__item_t *it, int32_t rx, int32_t ry, uint32_t rw, uint32_t rh,
           uint8_t *gray, size_t gs, uint8_t *cls, size_t cs, uint8_t *rgb, size_t rs)
{
  int32_t x0 = floor64 (it->x + 32), y0 = floor64 (it->y + 32);
  int32_t x1 = floor64 (it->x + it->w + 32), y1 = floor64 (it->y + it->h + 32);
  if (x1 <= x0)
    x1 = x0 + 1;
  if (y1 <= y0)
    y1 = y0 + 1;
  if (x0 < rx)
    x0 = rx;
  if (y0 < ry)
    y0 = ry;
  if (x1 > rx + (int32_t) rw)
    x1 = rx + (int32_t) rw;
  if (y1 > ry + (int32_t) rh)
    y1 = ry + (int32_t) rh;
  for (int32_t y = y0; y < y1; y++)
    for (int32_t x = x0; x < x1; x++) {
      size_t ox = (size_t) (x - rx), oy = (size_t) (y - ry);
      if (gray)
        gray[oy * gs + ox] = it->grey;
      if (cls)
        cls[oy * cs + ox] = INK_PX_LINEART;
      if (rgb)
        memset (rgb + oy * rs + ox * 3, it->grey, 3);
    }
}

ink_status_t
ink__raster_rect (ink_document_t *doc, size_t page, bool mono, int32_t rx, int32_t ry,
                  uint32_t rw, uint32_t rh, uint8_t *gray, size_t gs, uint8_t *cls, size_t cs,
                  uint8_t *rgb, size_t rs)
{
  if (!doc || page >= doc->pages.n)
    return INK_INVALID;
  for (uint32_t y = 0; y < rh; y++) {
    if (gray)
      memset (gray + (size_t) y * gs, 255, rw);
    if (cls)
      memset (cls + (size_t) y * cs, INK_PX_PAPER, rw);
    if (rgb)
      memset (rgb + (size_t) y * rs, 255, (size_t) rw * 3);
  }
  const ink__page_t *pg = &doc->pages.v[page];
  int64_t bx0 = (int64_t) rx * 64, by0 = (int64_t) ry * 64;
  int64_t bx1 = bx0 + (int64_t) rw * 64, by1 = by0 + (int64_t) rh * 64;
  ink_status_t st = INK_OK;
  for (size_t i = 0; i < pg->ni && st == INK_OK; i++) {
    const ink__item_t *it = &doc->items.v[pg->i0 + i];
    /* Glyphs reach outside their line box (accents, descenders of tall scripts): widen it. */
    int64_t pad = it->kind == INK_ITEM_GLYPHS ? (int64_t) (it->size_px * 64) + it->h : 64;
    if (it->x - pad >= bx1 || it->x + it->w + pad <= bx0 || it->y - pad >= by1 ||
        it->y + it->h + pad <= by0)
      continue;
    switch (it->kind) {
    case INK_ITEM_GLYPHS:
      st = draw_glyphs (doc, it, mono, rx, ry, rw, rh, gray, gs, cls, cs, rgb, rs);
      break;
    case INK_ITEM_RULE:
      draw_rule (it, rx, ry, rw, rh, gray, gs, cls, cs, rgb, rs);
      break;
    case INK_ITEM_IMAGE:
      st = ink__raster_image (doc, it, rx, ry, rw, rh, gray, gs, cls, cs, rgb, rs);
      break;
    }
  }
  return st;
}

/**
 * ink_document_render_gray:
 * @doc: a document
 * @page: the page, from 0
 * @x: left of the rectangle to draw, px
 * @y: top of the rectangle, px
 * @width: its width
 * @height: its height
 * @gray: the caller's buffer, @height rows of @stride bytes
 * @stride: bytes from one row to the next, at least @width
 *
 * Draws a rectangle of a page in 8-bit grey, 0 black and 255 paper, anti-aliased. Drawing
 * a page in bands gives the same bytes as drawing it whole.
 *
 * Return value: INK_OK, INK_INVALID, or INK_NO_MEMORY.
 * Since: 0.1
 */
ink_status_t
ink_document_render_gray (ink_document_t *doc, size_t page, int32_t x, int32_t y, uint32_t width,
                          uint32_t height, uint8_t *gray, size_t stride)
{
  if (!doc || !gray || stride < width || page >= doc->pages.n)
    return INK_INVALID;
  return ink__raster_rect (doc, page, false, x, y, width, height, gray, stride, NULL, 0, NULL, 0);
}

static void
page_render (void *user, int32_t x, int32_t y, uint32_t w, uint32_t h, uint8_t *gray, size_t gs,
             uint8_t *cls, size_t cs, uint8_t *rgb, size_t rs)
{
  ink_page_source_t *src = user;
  /* The callback cannot return a status: the first failure (out of memory for a glyph or a
   * picture) waits on the context for the frame renderer, which stops with it. */
  ink_status_t st = ink__raster_rect (src->doc, src->page, src->mono, x, y, w, h, gray, gs, cls,
                                      cs, rgb, rs);
  if (st != INK_OK && src->doc->ctx->render_status == INK_OK)
    src->doc->ctx->render_status = st;
}

/**
 * ink_document_frame:
 * @doc: a document
 * @page: the page, from 0
 * @fmt: the pixel format
 * @dither: how pictures are dithered; text and rules never are
 * @src: caller storage for the page's drawing state; must outlive @frame
 * @frame: receives a frame for ink_frame_render, ink_strips_begin or ink_png_render
 *
 * Return value: INK_OK, or INK_INVALID for a bad page or format.
 * Since: 0.1
 */
ink_status_t
ink_document_frame (ink_document_t *doc, size_t page, const ink_pixfmt_t *fmt,
                    ink_dither_t dither, ink_page_source_t *src, ink_frame_t *frame)
{
  if (!doc || !fmt || !src || !frame || page >= doc->pages.n)
    return INK_INVALID;
  ink_status_t st = ink_pixfmt_check (fmt);
  if (st != INK_OK)
    return st;
  src->doc = doc;
  src->page = page;
  src->mono = fmt->kind == INK_PIXKIND_GRAY && fmt->bpp == 1;
  memset (frame, 0, sizeof *frame);
  frame->width = doc->width;
  frame->height = doc->height;
  frame->format = *fmt;
  frame->dither = dither;
  frame->render = page_render;
  frame->user = src;
  return INK_OK;
}
