/* raster: the display list of a page drawn as 8-bit coverage-composited grey with a pixel
 * class per pixel (paper, text, line art, picture), for any rectangle of the page, so that
 * the pixel pipeline can render a page whole or in bands. Glyph bitmaps are cached with a
 * byte budget. Knows nothing of files or devices. */
#ifndef INK_RASTER_H
#define INK_RASTER_H

#include "paginate.h"

#include "pixels.h"

#ifndef INK_GLYPH_CACHE_BYTES
#define INK_GLYPH_CACHE_BYTES (4u << 20)
#endif

typedef struct ink__gslot ink__gslot_t;
typedef struct ink__goutline ink__goutline_t;

/* The size last set on a FreeType face, as FreeType then scaled it. */
typedef struct {
  const void *ft, *ft_size;       /* FT_Face, and its FT_Size then */
  int32_t size;                   /* 1/64 px */
  long x_scale, y_scale;
} ink__ftsize_t;

/* The blocks the glyph cache's bitmaps are carved from (raster/glyphslab.c). */
typedef struct ink__gslab_block ink__gslab_block_t;
typedef struct {
  ink__gslab_block_t *head;       /* the block carved from, then the others */
} ink__gslab_t;

/* n bytes for a bitmap, aligned as malloc's, until ink__gslab_clear; NULL when out of
 * memory. */
void *ink__gslab_take (ink_context_t *ctx, ink__gslab_t *sl, size_t n);
/* Gives back every block. */
void ink__gslab_clear (ink_context_t *ctx, ink__gslab_t *sl);

/* The glyph cache (raster/glyph.c). Its hash tables hold numbers into arrays that grow with
 * what is cached, so a page's few hundred glyphs touch some tens of kilobytes, not the
 * hundreds a table of whole records would (fresh memory costs a page fault a 4 kB page). */
typedef struct {
  ink__gslot_t *slots;            /* count bitmaps held, scap allocated */
  ink__gslab_t slab;              /* their bits */
  uint32_t *index;                /* cap entries by hash: 0 free, else a slot's number + 1 */
  size_t cap, count, scap, bytes;
  ink__goutline_t *outlines;      /* unhinted outlines by face, size and glyph: on used of
                                   * ocap allocated */
  uint16_t *oindex;               /* direct-mapped by hash: 0 free, else an outline's number + 1 */
  size_t on, ocap;
  ink__ftsize_t sized[8];         /* recently set faces, round robin */
  unsigned sized_next;
  size_t lookups, renders, clears;   /* for the benchmark: hit rate = 1 - renders / lookups */
  size_t peak_bytes;              /* most bitmap bytes held at once (budget
                                   * INK_GLYPH_CACHE_BYTES) */
} ink__gcache_t;

/* A picture scaled to the size of its box on the page, kept while the picture budget allows
 * (raster/image.c). */
typedef struct {
  const ink__image_t *image;
  uint32_t w, h;
  unsigned channels;
  uint8_t *pixels;
} ink__scaled_t;

/* The box a glyph run inks on its page, px, from its glyphs' bitmaps; y0 >= y1 when it inks
 * nothing. */
typedef struct {
  int32_t x0, y0, x1, y1;
} ink__inkbox_t;

typedef struct {
  ink__gcache_t glyphs;
  INK_VEC (ink__scaled_t) images;
  size_t image_bytes;      /* pixels held by images */
  /* Per display item, the ink box of a glyph run once found (known[i]), for 1-bit or
   * anti-aliased glyphs (mono): a band the box misses never looks at the run's glyphs. */
  ink__inkbox_t *boxes;
  uint8_t *known;
  size_t nboxes;
  bool boxes_mono;
} ink__raster_state_t;

/* The document's raster caches, made on first use; NULL when out of memory. */
ink__raster_state_t *ink__raster_state (ink_document_t *doc);

/* A glyph's pen on the raster (pen.c): whole pixels px, py and the quarter-pixel phase
 * (0 to 3) across. */
typedef struct {
  int32_t px, py;
  unsigned phase;
} ink__pen_t;

void ink__glyph_pen (const ink__dglyph_t *g, bool mono, ink__pen_t *pen);

/* A glyph's coverage bitmap: h rows of stride bytes, of which the first w are its coverage
 * and the rest zero, so that drawing may take a row in whole blocks of INK_GLYPH_ROW_ALIGN;
 * its origin from the pen in px (top: up). Owned by the document's glyph cache. */
#define INK_GLYPH_ROW_ALIGN 8u
typedef struct {
  int left, top, w, h, stride;
  const uint8_t *bits;
} ink__gbitmap_t;

/* Finds or renders a glyph's coverage bitmap: INK_OK, INK_NO_MEMORY, or INK_FONT when the
 * font cannot draw it. */
ink_status_t ink__glyph_get (ink_document_t *doc, ink__face_t *face, float size_px, uint32_t gid,
                             unsigned phase, bool mono, ink__gbitmap_t *out);
void ink__glyph_cache_free (ink_context_t *ctx, ink__gcache_t *c);

/* A rectangle of a page being drawn: its planes (gray, cls and rgb nullable, each with its
 * stride in bytes) and, when spans is not NULL, one span per row that drawing widens (see
 * ink__render_spans_fn); without spans the planes start as paper. */
typedef struct {
  int32_t x, y;
  uint32_t w, h;
  uint8_t *gray, *cls, *rgb;
  size_t gs, cs, rs;
  ink__rowspan_t *spans;
} ink__canvas_t;

/* Widens row's span over columns [a, b) of the canvas (a < b), painting paper on the columns it
 * newly covers; picture also widens the picture span. */
static inline void
ink__canvas_cover (const ink__canvas_t *cv, uint32_t row, uint32_t a, uint32_t b, bool picture)
{
  if (!cv->spans)
    return;
  ink__rowspan_t *sp = &cv->spans[row];
  if (sp->x0 >= sp->x1) {
    sp->x0 = (uint16_t) a;
    sp->x1 = (uint16_t) a;
  }
  uint32_t parts[2][2] = { { a, sp->x0 }, { sp->x1, b } };
  for (int k = 0; k < 2; k++) {
    uint32_t p0 = parts[k][0], p1 = parts[k][1];
    if (p0 >= p1)
      continue;
    if (cv->gray)
      memset (cv->gray + row * cv->gs + p0, 255, p1 - p0);
    if (cv->cls)
      memset (cv->cls + row * cv->cs + p0, INK_PX_PAPER, p1 - p0);
    if (cv->rgb)
      memset (cv->rgb + row * cv->rs + 3 * (size_t) p0, 255, 3 * (size_t) (p1 - p0));
  }
  if (a < sp->x0)
    sp->x0 = (uint16_t) a;
  if (b > sp->x1)
    sp->x1 = (uint16_t) b;
  if (picture) {
    if (sp->ix0 >= sp->ix1 || a < sp->ix0)
      sp->ix0 = (uint16_t) a;
    if (b > sp->ix1)
      sp->ix1 = (uint16_t) b;
  }
}

/* Draws a picture item clipped to the canvas. */
ink_status_t ink__raster_image (ink_document_t *doc, const ink__item_t *it,
                                const ink__canvas_t *cv);

/* Draws the canvas's rectangle of page. mono selects hinting and rendering for 1-bit panels. */
ink_status_t ink__raster_canvas (ink_document_t *doc, size_t page, bool mono,
                                 const ink__canvas_t *cv);

/* Draws rectangle (x, y, w, h) of page into gray and cls (either nullable), each with its
 * stride; rgb (nullable) receives colour for colour targets. */
ink_status_t ink__raster_rect (ink_document_t *doc, size_t page, bool mono, int32_t x, int32_t y,
                               uint32_t w, uint32_t h, uint8_t *gray, size_t gray_stride,
                               uint8_t *cls, size_t cls_stride, uint8_t *rgb, size_t rgb_stride);

#endif
