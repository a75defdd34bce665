/* para/width: the bound on widths and positions in 1/64 px, and the clamp that keeps them
 * in it.
 *
 * A glyph's advance is any int32_t (a font's advance times a size up to 2048 px, plus
 * tracking, can pass 2^31 / 64 px only in a hostile font, but nothing here assumes less).
 * Every sum of advances, widths or stretch is taken in int64_t: a paragraph has fewer than
 * 2^32 glyphs (at most INK_MAX_PARAGRAPH_BYTES = 2^20 bytes of text, and HarfBuzz makes at
 * most 64 glyphs of a character), so no such sum reaches 2^63.
 *
 * What is stored back in int32_t (a Knuth-Plass item, a line's width and left edge, a
 * glyph's x, the ink above and below a line) is clamped to +-INK_PARA_MAX_WIDTH: 2^29 / 64 =
 * 8388608 px, 512 times INK_MAX_PAGE_SIDE. Anything that wide is wider than every measure,
 * so the clamp changes no decision (a box of 2^29 is overfull on any line, as the true one
 * would be), and a caller can add a few such values and a page coordinate without leaving
 * int32_t. */
#ifndef INK_PARA_WIDTH_H
#define INK_PARA_WIDTH_H

#include <stdint.h>

#define INK_PARA_MAX_WIDTH (INT32_C (1) << 29)

/* w clamped to [-INK_PARA_MAX_WIDTH, INK_PARA_MAX_WIDTH]. */
static inline int32_t
ink__width_clamp (int64_t w)
{
  if (w > INK_PARA_MAX_WIDTH)
    return INK_PARA_MAX_WIDTH;
  if (w < -INK_PARA_MAX_WIDTH)
    return -INK_PARA_MAX_WIDTH;
  return (int32_t) w;
}

#endif
