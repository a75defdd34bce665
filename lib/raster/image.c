/* raster/image: pictures drawn into their box. Each is scaled to the size of its box (area
 * averaging when it shrinks) and kept, so that drawing a page in bands, or the next page
 * that shows the same picture, scales nothing twice. What is kept stays within the picture
 * budget (INK_LIMIT_PICTURE_BYTES less the article's decoded pictures): the oldest scaled
 * pictures are dropped to make room, and one too large to keep at all is scaled band by
 * band, only the rows being drawn. Pixels get the picture class, to be dithered. */
#include "raster.h"

static size_t
scaled_bytes (uint32_t w, uint32_t h, unsigned channels)
{
  return (size_t) w * h * channels;
}

/* What the budget leaves for scaled pictures once the article's decoded ones are counted. */
static size_t
allowance (const ink_document_t *doc)
{
  size_t limit = ink__limit (doc->ctx, INK_LIMIT_PICTURE_BYTES);
  size_t held = doc->article ? doc->article->picture_bytes : 0;
  return limit > held ? limit - held : 0;
}

/* Drops kept pictures, oldest first, until need more bytes fit within allow. */
static void
make_room (ink_context_t *ctx, ink__raster_state_t *rs, size_t need, size_t allow)
{
  size_t k = 0;
  while (k < rs->images.n && rs->image_bytes + need > allow) {
    const ink__scaled_t *sc = &rs->images.v[k++];
    size_t n = scaled_bytes (sc->w, sc->h, sc->channels);
    ink__free (ctx, sc->pixels, n);
    rs->image_bytes -= n;
  }
  if (k == 0)
    return;
  memmove (rs->images.v, rs->images.v + k, (rs->images.n - k) * sizeof *rs->images.v);
  rs->images.n -= k;
}

/* The picture scaled to w x h, kept or scaled now. NULL with *st INK_OK when it cannot be
 * kept within the budget (the caller scales the rows it draws), or with INK_NO_MEMORY. */
static const ink__scaled_t *
scaled (ink_document_t *doc, const ink__image_t *img, uint32_t w, uint32_t h, ink_status_t *st)
{
  *st = INK_OK;
  ink__raster_state_t *rs = ink__raster_state (doc);
  if (!rs) {
    *st = INK_NO_MEMORY;
    return NULL;
  }
  for (size_t i = 0; i < rs->images.n; i++) {
    const ink__scaled_t *sc = &rs->images.v[i];
    if (sc->image == img && sc->w == w && sc->h == h)
      return sc;
  }
  size_t n = scaled_bytes (w, h, img->channels), allow = allowance (doc);
  if (n > allow)
    return NULL;
  make_room (doc->ctx, rs, n, allow);
  ink__scaled_t sc = { img, w, h, img->channels, NULL };
  sc.pixels = ink__realloc (doc->ctx, NULL, 0, n);
  if (!sc.pixels || ink__image_scale (doc->ctx, img->pixels, img->width, img->height,
                                      (size_t) img->width * img->channels, sc.pixels, w, h,
                                      (size_t) w * img->channels, img->channels) != INK_OK ||
      !ink__vec_push (doc->ctx, &rs->images, sc)) {
    ink__free (doc->ctx, sc.pixels, n);
    *st = INK_NO_MEMORY;
    return NULL;
  }
  rs->image_bytes += n;
  return &rs->images.v[rs->images.n - 1];
}

/* Scaled rows whose first row lies at page row y, first column at page column x. */
typedef struct {
  const uint8_t *pixels;
  uint32_t w;
  unsigned ch;
  int32_t x, y;
} rows_t;

/* Copies the part of src inside page rectangle [cx0, cx1) x [cy0, cy1) onto the canvas, and
 * marks those spans drawn and of a picture (the only pixels that are dithered). */
static void
blit (const rows_t *src, const ink__canvas_t *cv, int32_t cx0, int32_t cy0, int32_t cx1,
      int32_t cy1)
{
  unsigned ch = src->ch;
  for (int32_t y = cy0; y < cy1; y++) {
    const uint8_t *p = src->pixels + ((size_t) (y - src->y) * src->w + (size_t) (cx0 - src->x)) * ch;
    size_t oy = (size_t) (y - cv->y);
    ink__canvas_cover (cv, (uint32_t) oy, (uint32_t) (cx0 - cv->x), (uint32_t) (cx1 - cv->x), true);
    if (cv->cls)
      memset (cv->cls + oy * cv->cs + (size_t) (cx0 - cv->x), INK_PX_IMAGE, (size_t) (cx1 - cx0));
    for (int32_t x = cx0; x < cx1; x++, p += ch) {
      size_t ox = (size_t) (x - cv->x);
      /* Luma as FBInk and most panels' tools compute it. */
      uint8_t v = ch == 1 ? p[0] : (uint8_t) ((77 * p[0] + 150 * p[1] + 29 * p[2]) >> 8);
      if (cv->gray)
        cv->gray[oy * cv->gs + ox] = v;
      if (cv->rgb) {
        uint8_t *d = cv->rgb + oy * cv->rs + ox * 3;
        if (ch == 3)
          memcpy (d, p, 3);
        else
          memset (d, v, 3);
      }
    }
  }
}

/* A picture too large to keep: scales rows [cy0, cy1) of it alone, draws them, frees them. */
static ink_status_t
draw_rows (ink_document_t *doc, const ink__image_t *img, int32_t x0, int32_t y0, uint32_t w,
           uint32_t h, const ink__canvas_t *cv, int32_t cx0, int32_t cy0, int32_t cx1, int32_t cy1)
{
  uint32_t rows = (uint32_t) (cy1 - cy0);
  size_t n = scaled_bytes (w, rows, img->channels);
  uint8_t *tmp = ink__realloc (doc->ctx, NULL, 0, n);
  if (!tmp)
    return ink__error (doc->ctx, INK_NO_MEMORY, "out of memory scaling a picture");
  ink_status_t st = ink__image_scale_rows (doc->ctx, img->pixels, img->width, img->height,
                                           (size_t) img->width * img->channels, tmp, w, h,
                                           (size_t) w * img->channels, img->channels,
                                           (uint32_t) (cy0 - y0), rows);
  if (st == INK_OK) {
    rows_t src = { tmp, w, img->channels, x0, cy0 };
    blit (&src, cv, cx0, cy0, cx1, cy1);
  }
  ink__free (doc->ctx, tmp, n);
  return st;
}

ink_status_t
ink__raster_image (ink_document_t *doc, const ink__item_t *it, const ink__canvas_t *cv)
{
  const ink__image_t *img = it->image;
  if (!img || !img->pixels || (img->channels != 1 && img->channels != 3))
    return INK_OK;
  /* The box in whole pixels. */
  int32_t x0 = (it->x + 32) >> 6, y0 = (it->y + 32) >> 6;
  int32_t x1 = (it->x + it->w + 32) >> 6, y1 = (it->y + it->h + 32) >> 6;
  if (x1 <= x0 || y1 <= y0)
    return INK_OK;
  int32_t rx = cv->x, ry = cv->y;
  int32_t cx0 = x0 > rx ? x0 : rx, cy0 = y0 > ry ? y0 : ry;
  int32_t cx1 = x1 < rx + (int32_t) cv->w ? x1 : rx + (int32_t) cv->w;
  int32_t cy1 = y1 < ry + (int32_t) cv->h ? y1 : ry + (int32_t) cv->h;
  if (cx1 <= cx0 || cy1 <= cy0)
    return INK_OK;
  uint32_t w = (uint32_t) (x1 - x0), h = (uint32_t) (y1 - y0);
  ink_status_t st;
  const ink__scaled_t *sc = scaled (doc, img, w, h, &st);
  if (st != INK_OK)
    return ink__error (doc->ctx, st, "out of memory scaling a picture");
  if (!sc)
    return draw_rows (doc, img, x0, y0, w, h, cv, cx0, cy0, cx1, cy1);
  rows_t src = { sc->pixels, sc->w, sc->channels, x0, y0 };
  blit (&src, cv, cx0, cy0, cx1, cy1);
  return INK_OK;
}
