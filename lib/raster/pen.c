/* raster/pen: where the raster puts a glyph's pen. Anti-aliased glyphs stand on the nearest
 * quarter pixel across (the glyph cache keeps four phases) and on the nearest whole pixel
 * down; 1-bit glyphs on whole pixels both ways, as full hinting expects. The PDF writer puts
 * its glyphs on the same pen positions, so that the PDF rasterized at the page's resolution
 * draws them where the raster does. */
#include "raster.h"

static int32_t
floor64 (int32_t v)
{
  return v >= 0 ? v >> 6 : -((-v + 63) >> 6);
}

void
ink__glyph_pen (const ink__dglyph_t *g, bool mono, ink__pen_t *pen)
{
  int32_t xq = mono ? ((g->x + 32) & ~63) : ((g->x + 8) & ~15);
  pen->px = floor64 (xq);
  pen->phase = (unsigned) ((xq - pen->px * 64) >> 4);
  pen->py = floor64 (g->y + 32);
}
