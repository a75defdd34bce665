/* raster/image: pictures drawn into their box. Each is scaled once to the size of its box
 * (area averaging when it shrinks) and kept while the document lives, so drawing a page
 * in bands scales nothing twice. Pixels get the picture class, to be dithered. */
#include "raster.h"

static const ink__scaled_t *
scaled (ink_document_t *doc, const ink__image_t *img, uint32_t w, uint32_t h)
{
  ink__raster_state_t *rs = ink__raster_state (doc);
  if (!rs)
    return NULL;
  for (size_t i = 0; i < rs->images.n; i++) {
    const ink__scaled_t *sc = &rs->images.v[i];
    if (sc->image == img && sc->w == w && sc->h == h)
      return sc;
  }
  ink__scaled_t sc = { img, w, h, img->channels, NULL };
  size_t n = (size_t) w * h * img->channels;
  sc.pixels = ink__realloc (doc->ctx, NULL, 0, n ? n : 1);
  if (!sc.pixels)
    return NULL;
  if (ink__image_scale (doc->ctx, img->pixels, img->width, img->height,
                        (size_t) img->width * img->channels, sc.pixels, w, h,
                        (size_t) w * img->channels, img->channels) != INK_OK ||
      !ink__vec_push (doc->ctx, &rs->images, sc)) {
    ink__free (doc->ctx, sc.pixels, n ? n : 1);
    return NULL;
  }
  return &rs->images.v[rs->images.n - 1];
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
  const ink__scaled_t *sc = scaled (doc, img, (uint32_t) (x1 - x0), (uint32_t) (y1 - y0));
  if (!sc)
    return ink__error (doc->ctx, INK_NO_MEMORY, "out of memory scaling a picture");
  int32_t rx = cv->x, ry = cv->y;
  int32_t cx0 = x0 > rx ? x0 : rx, cy0 = y0 > ry ? y0 : ry;
  int32_t cx1 = x1 < rx + (int32_t) cv->w ? x1 : rx + (int32_t) cv->w;
  int32_t cy1 = y1 < ry + (int32_t) cv->h ? y1 : ry + (int32_t) cv->h;
  if (cx0 >= cx1)
    return INK_OK;
  unsigned ch = sc->channels;
  for (int32_t y = cy0; y < cy1; y++) {
    const uint8_t *src = sc->pixels + ((size_t) (y - y0) * sc->w + (size_t) (cx0 - x0)) * ch;
    size_t oy = (size_t) (y - ry);
    ink__canvas_cover (cv, (uint32_t) oy, (uint32_t) (cx0 - rx), (uint32_t) (cx1 - rx), true);
    if (cv->cls)
      memset (cv->cls + oy * cv->cs + (size_t) (cx0 - rx), INK_PX_IMAGE, (size_t) (cx1 - cx0));
    for (int32_t x = cx0; x < cx1; x++, src += ch) {
      size_t ox = (size_t) (x - rx);
      /* Luma as FBInk and most panels' tools compute it. */
      uint8_t v = ch == 1 ? src[0] : (uint8_t) ((77 * src[0] + 150 * src[1] + 29 * src[2]) >> 8);
      if (cv->gray)
        cv->gray[oy * cv->gs + ox] = v;
      if (cv->rgb) {
        uint8_t *d = cv->rgb + oy * cv->rs + ox * 3;
        if (ch == 3)
          memcpy (d, src, 3);
        else
          memset (d, v, 3);
      }
    }
  }
  return INK_OK;
}
