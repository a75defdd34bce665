/* raster/glyph: glyph bitmaps from FreeType, cached per document by face, size, glyph,
 * quarter-pixel phase and hinting, within a byte budget (when full, the cache is emptied:
 * a page's glyphs come back at once, and memory stays bounded on a kiosk that runs for
 * months). Anti-aliased glyphs are drawn from the outlines as the font has them, unhinted:
 * the quarter-pixel pen positions keep the spacing even, and a PDF rasterizer (poppler, MuPDF)
 * draws the PDF's text the same way, so that the PDF looks like the page (docs/output.md).
 * 1-bit targets get full hinting and monochrome rendering for even stems. An anti-aliased
 * glyph's outline is loaded once for its four phases (struct ink__goutline), copied into one
 * block of the context's (its points, tags and contour ends), and drawn straight into the
 * cache's padded rows (render_outline), carved from the cache's slab (glyphslab.c). */
#include "raster.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_GLYPH_H
#include FT_OUTLINE_H

struct ink__gslot {
  const ink__face_t *face;
  int32_t size;                  /* 1/64 px */
  uint32_t gid;
  uint8_t phase, mono;
  int16_t left, top;             /* bitmap origin from the pen, px (top: up) */
  uint16_t w, h;
  uint8_t *bits;                 /* h rows of row_bytes (w), zero past w */
};
typedef ink__gslot_t gslot_t;
typedef ink__gcache_t gcache_t;

/* The bytes of a bitmap row w pixels wide, padded with zeros to whole blocks. */
static size_t
row_bytes (size_t w)
{
  return (w + INK_GLYPH_ROW_ALIGN - 1) & ~(size_t) (INK_GLYPH_ROW_ALIGN - 1);
}

static size_t
bitmap_bytes (const gslot_t *s)
{
  return row_bytes (s->w) * s->h;
}

/* A glyph's unhinted outline at a size, loaded once for its four quarter-pixel phases: the
 * outline at phase p is the one at phase 0 moved p/4 px right, which is all that
 * FT_Set_Transform's delta does to a loaded outline, so each phase is drawn from the very
 * outline that loading it there would give. */
struct ink__goutline {
  ink__face_t *face;
  int32_t size;                  /* 1/64 px */
  uint32_t gid;
  FT_Outline outline;            /* its arrays in block; block NULL: the slot is free */
  void *block;                   /* block_size bytes from the context */
  size_t block_size;
  FT_BBox cbox;                  /* its control box as loaded, 1/64 px */
  FT_Vector at;                  /* where the outline lies now from where it was loaded */
  size_t bytes;                  /* counted in the cache's budget */
};
typedef ink__goutline_t goutline_t;

static void
outline_drop (ink_context_t *ctx, goutline_t *o)
{
  ink__free (ctx, o->block, o->block_size);
  o->block = NULL;
}

/* Outlines kept direct-mapped by hash: a glyph whose place another took is loaded again. */
#define OUTLINE_SLOTS 1024u
/* The glyph index's first size: a page's glyphs at its types' sizes and four phases. */
#define GLYPH_INDEX_FIRST 1024u

static void
outlines_clear (ink_context_t *ctx, gcache_t *c)
{
  for (size_t i = 0; i < c->on; i++)
    if (c->outlines[i].block)
      outline_drop (ctx, &c->outlines[i]);
  c->on = 0;
  if (c->oindex)
    memset (c->oindex, 0, OUTLINE_SLOTS * sizeof *c->oindex);
}

static void
cache_clear (ink_context_t *ctx, gcache_t *c)
{
  ink__gslab_clear (ctx, &c->slab);
  if (c->index)
    memset (c->index, 0, c->cap * sizeof *c->index);
  outlines_clear (ctx, c);
  c->count = c->bytes = 0;
}

void
ink__glyph_cache_free (ink_context_t *ctx, ink__gcache_t *c)
{
  cache_clear (ctx, c);
  ink__free (ctx, c->index, c->cap * sizeof *c->index);
  ink__free (ctx, c->slots, c->scap * sizeof *c->slots);
  ink__free (ctx, c->oindex, c->oindex ? OUTLINE_SLOTS * sizeof *c->oindex : 0);
  ink__free (ctx, c->outlines, c->ocap * sizeof *c->outlines);
  c->index = NULL;
  c->slots = NULL;
  c->oindex = NULL;
  c->outlines = NULL;
  c->cap = c->scap = c->ocap = 0;
}

static size_t
hash (const ink__face_t *face, int32_t size, uint32_t gid, unsigned phase, unsigned mono)
{
  uint64_t h = face->serial * 0x9E3779B97F4A7C15ull;
  h ^= (uint64_t) (uint32_t) size * 0xC2B2AE3D27D4EB4Full;
  h ^= (uint64_t) gid * 0x165667B19E3779F9ull;
  h ^= (uint64_t) (phase | mono << 2) * 0x27D4EB2F165667C5ull;
  return (size_t) (h ^ (h >> 29));
}

/* Sets a face's size unless it is still the one set last: with full hinting a new size runs
 * the font's CVT program again, which costs more than loading the glyph. */
static FT_Error
set_size (gcache_t *c, FT_Face ft, int32_t size)
{
  for (unsigned k = 0; k < sizeof c->sized / sizeof c->sized[0]; k++) {
    const ink__ftsize_t *z = &c->sized[k];
    if (z->ft == ft && z->size == size && z->ft_size == ft->size &&
        z->x_scale == ft->size->metrics.x_scale && z->y_scale == ft->size->metrics.y_scale)
      return 0;
  }
  FT_Error err = FT_Set_Char_Size (ft, 0, size, 72, 72);
  if (err != 0)
    return err;
  ink__ftsize_t *z = &c->sized[c->sized_next++ % (sizeof c->sized / sizeof c->sized[0])];
  for (unsigned k = 0; k < sizeof c->sized / sizeof c->sized[0]; k++)
    if (c->sized[k].ft == ft)
      c->sized[k].ft = NULL;   /* the face has one size: older records of it are stale */
  *z = (ink__ftsize_t) { ft, ft->size, size, ft->size->metrics.x_scale, ft->size->metrics.y_scale };
  return 0;
}

/* The outline slot of face's glyph gid at size: holding it, or to be filled (what it held
 * given back). NULL when out of memory. Called with the face's fontset locked. */
static goutline_t *
outline_slot (ink_context_t *ctx, gcache_t *c, ink__face_t *face, int32_t size, uint32_t gid)
{
  if (!c->oindex && !(c->oindex = ink__alloc_array (ctx, OUTLINE_SLOTS, sizeof *c->oindex)))
    return NULL;
  uint16_t *at = &c->oindex[hash (face, size, gid, 0, 0) & (OUTLINE_SLOTS - 1)];
  if (!*at) {
    if (c->on == c->ocap &&
        !ink__vec_grow (ctx, (void **) &c->outlines, &c->ocap, c->on + 1, sizeof *c->outlines))
      return NULL;
    c->outlines[c->on] = (goutline_t) { 0 };
    *at = (uint16_t) ++c->on;
  }
  goutline_t *o = &c->outlines[*at - 1];
  if (o->block && (o->face != face || o->size != size || o->gid != gid)) {
    outline_drop (ctx, o);
    c->bytes -= o->bytes;
  }
  return o;
}

/* A copy of the loaded outline ol into o: its points, tags and contour ends in one block,
 * its flags as they are (FT_Outline_Copy's). The bytes counted in the cache's budget are those
 * of the FreeType outline glyph that was kept before. */
static bool
outline_keep (ink_context_t *ctx, goutline_t *o, const FT_Outline *ol)
{
  size_t np = (size_t) ol->n_points, nc = (size_t) ol->n_contours;
  size_t size = np * sizeof (FT_Vector) + nc * sizeof (short) + np;
  uint8_t *b = ink__realloc (ctx, NULL, 0, size ? size : 1);
  if (!b)
    return false;
  FT_Vector *points = (FT_Vector *) (void *) b;
  short *contours = (short *) (void *) (b + np * sizeof (FT_Vector));
  char *tags = (char *) (b + np * sizeof (FT_Vector) + nc * sizeof (short));
  if (np) {
    memcpy (points, ol->points, np * sizeof (FT_Vector));
    memcpy (tags, ol->tags, np);
  }
  if (nc)
    memcpy (contours, ol->contours, nc * sizeof (short));
  o->outline = (FT_Outline) { .n_contours = ol->n_contours, .n_points = ol->n_points,
                              .points = points, .tags = tags, .contours = contours,
                              .flags = ol->flags & ~FT_OUTLINE_OWNER };
  o->block = b;
  o->block_size = size ? size : 1;
  o->bytes = sizeof (FT_OutlineGlyphRec) + np * (sizeof (FT_Vector) + 1) + nc * sizeof (short);
  return true;
}

/* The cache slot of s's glyph's unhinted outline, loaded once: its control box as loaded
 * (cbox), the outline itself where the last drawing left it (at, outline_move); *out NULL
 * when the glyph is no outline (a bitmap or colour glyph: drawn the common way). The face's
 * size is set. */
static FT_Error
outline_get (ink_context_t *ctx, gcache_t *c, ink__face_t *face, FT_Face ft, const gslot_t *s,
             goutline_t **out)
{
  *out = NULL;
  goutline_t *o = outline_slot (ctx, c, face, s->size, s->gid);
  if (!o)
    return FT_Err_Out_Of_Memory;
  if (!o->block) {
    FT_Error err = FT_Load_Glyph (ft, s->gid, FT_LOAD_NO_HINTING);
    if (err != 0 || ft->glyph->format != FT_GLYPH_FORMAT_OUTLINE)
      return err;
    if (!outline_keep (ctx, o, &ft->glyph->outline))
      return FT_Err_Out_Of_Memory;
    o->face = face;
    o->size = s->size;
    o->gid = s->gid;
    o->at = (FT_Vector) { 0, 0 };
    FT_Outline_Get_CBox (&o->outline, &o->cbox);
    c->bytes += o->bytes;
  }
  *out = o;
  return 0;
}

/* Copies a rendered bitmap into s, through ctx. */
static ink_status_t
keep_bitmap (ink_context_t *ctx, ink__gslab_t *slab, gslot_t *s, const FT_Bitmap *bm, int left,
             int top)
{
  s->left = (int16_t) left;
  s->top = (int16_t) top;
  s->w = (uint16_t) bm->width;
  s->h = (uint16_t) bm->rows;
  size_t n = bitmap_bytes (s), stride = row_bytes (s->w);
  if (!n)
    return INK_OK;
  s->bits = ink__gslab_take (ctx, slab, n);
  if (!s->bits)
    return INK_NO_MEMORY;
  bool bits1 = bm->pixel_mode == FT_PIXEL_MODE_MONO;
  if (stride > bm->width)
    memset (s->bits, 0, n);   /* the rows' padding, at once */
  for (unsigned y = 0; y < bm->rows; y++) {
    const uint8_t *row = bm->buffer + (ptrdiff_t) y * bm->pitch;
    uint8_t *out = s->bits + y * stride;
    if (!bits1) {
      memcpy (out, row, bm->width);
      continue;
    }
    for (unsigned x = 0; x < bm->width; x++)
      out[x] = (row[x >> 3] & (0x80 >> (x & 7))) ? 255 : 0;
  }
  return INK_OK;
}

/* Moves o's outline to (x, y) from where it was loaded (1/64 px). It stays there: the next
 * drawing moves it on from there, once. */
static void
outline_move (goutline_t *o, FT_Pos x, FT_Pos y)
{
  if (x != o->at.x || y != o->at.y)
    FT_Outline_Translate (&o->outline, x - o->at.x, y - o->at.y);
  o->at = (FT_Vector) { x, y };
}

/* s's glyph box from o's at s's phase, in whole pixels: the one FreeType's smooth renderer
 * gives a glyph (its control box out to whole pixels); false when o is not drawn straight
 * into the cache's rows: an outline whose contours overlap (FreeType samples it four times
 * finer) or whose box FreeType would refuse is loaded at its phase and drawn by FreeType's
 * renderer, as a hinted or bitmap glyph is. */
static bool
outline_box (const goutline_t *o, unsigned phase, FT_BBox *box)
{
  FT_Pos dx = (FT_Pos) phase * 16;
  FT_BBox cb = o->cbox;
  FT_Pos bx = o->outline.n_points ? dx : 0;   /* an empty outline's box stays at the origin */
  *box = (FT_BBox) { (cb.xMin + bx) >> 6, cb.yMin >> 6, (cb.xMax + bx + 63) >> 6,
                     (cb.yMax + 63) >> 6 };
  return !(o->outline.flags & FT_OUTLINE_OVERLAP) && box->xMin >= INT16_MIN &&
         box->xMax <= INT16_MAX && box->yMin >= INT16_MIN && box->yMax <= INT16_MAX;
}

/* Draws o's outline, moved right by s's phase, anti-aliased straight into s's padded rows
 * (box from outline_box). The coverage comes from FreeType's rasterizer, so the pixels are
 * those of FT_Render_Glyph without its bitmap, buffer and copy. */
static FT_Error
render_outline (ink_context_t *ctx, ink__gslab_t *slab, FT_Library lib, goutline_t *o,
                const FT_BBox *box, gslot_t *s, ink_status_t *st)
{
  FT_Outline *ol = &o->outline;
  FT_Pos dx = (FT_Pos) s->phase * 16;
  FT_Pos x0 = box->xMin, x1 = box->xMax, y0 = box->yMin, y1 = box->yMax;
  s->left = (int16_t) x0;
  s->top = (int16_t) y1;
  s->w = (uint16_t) (x1 - x0);
  s->h = (uint16_t) (y1 - y0);
  size_t n = bitmap_bytes (s);
  if (!n)
    return 0;
  if (!(s->bits = ink__gslab_take (ctx, slab, n))) {
    *st = INK_NO_MEMORY;
    return 0;
  }
  memset (s->bits, 0, n);   /* the rasterizer writes only the pixels it covers */
  FT_Bitmap bm = { .rows = s->h, .width = s->w, .pitch = (int) row_bytes (s->w),
                   .buffer = s->bits, .num_grays = 256, .pixel_mode = FT_PIXEL_MODE_GRAY };
  FT_Raster_Params params = { .target = &bm, .source = ol, .flags = FT_RASTER_FLAG_AA };
  outline_move (o, dx - x0 * 64, -y0 * 64);   /* the box's bottom left corner to the origin */
  FT_Error err = FT_Outline_Render (lib, ol, &params);
  if (err != 0)
    s->bits = NULL;   /* its bytes stay in the slab until the cache is emptied */
  return err;
}

/* Whether ft's .notdef, loaded at the size set, draws nothing: a subset font made without
 * its outline (the bundled symbol faces were) would leave a gap where a character is
 * missing, silently. */
static bool
notdef_empty (FT_Face ft)
{
  if (FT_Load_Glyph (ft, 0, FT_LOAD_NO_HINTING) != 0)
    return false;
  const FT_GlyphSlot g = ft->glyph;
  return g->format == FT_GLYPH_FORMAT_OUTLINE ? g->outline.n_contours == 0
                                              : g->bitmap.rows == 0 || g->bitmap.width == 0;
}

/* The missing-glyph box drawn for an empty .notdef (loaded by notdef_empty): an open
 * rectangle over the glyph's advance, 0.7 em tall on the baseline, its strokes a sixteenth
 * of an em (one pixel at least), the size of the boxes the text faces draw. */
static ink_status_t
notdef_box (ink_context_t *ctx, ink__gslab_t *slab, FT_Face ft, gslot_t *s)
{
  int32_t em = s->size, adv = (int32_t) ft->glyph->advance.x;
  if (adv <= 0)
    adv = em / 2;
  int w = (int) ((adv * 8 / 10 + 32) >> 6), h = (int) ((em * 7 / 10 + 32) >> 6);
  int t = (int) ((em / 16 + 32) >> 6);
  if (w < 3 || h < 3)
    return INK_OK;   /* a type too small to show a box: nothing, as before */
  if (t < 1)
    t = 1;
  s->left = (int16_t) ((adv / 10 + 32) >> 6);
  s->top = (int16_t) h;
  s->w = (uint16_t) w;
  s->h = (uint16_t) h;
  size_t stride = row_bytes (s->w);
  if (!(s->bits = ink__gslab_take (ctx, slab, bitmap_bytes (s))))
    return INK_NO_MEMORY;
  memset (s->bits, 0, bitmap_bytes (s));
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      if (x < t || x >= w - t || y < t || y >= h - t)
        s->bits[(size_t) y * stride + (size_t) x] = 255;
  return INK_OK;
}

/* Draws one of face's glyphs with FreeType into s (size, gid, phase and mono set), its bitmap
 * allocated through ctx. Called with the face's fontset locked: the FT_Face may be shared. */
static ink_status_t
render_glyph (ink_context_t *ctx, gcache_t *c, ink__face_t *face, gslot_t *s)
{
  unsigned phase = s->phase;
  bool mono = s->mono;
  FT_Face ft = ink__face_ft (face);
  if (!ft)
    return INK_FONT;
  /* FreeType allocates through the context too: its out-of-memory is ours, any other error
   * is a glyph the font cannot draw. */
  FT_Error err = set_size (c, ft, s->size);
  if (err != 0)
    return err == FT_Err_Out_Of_Memory ? INK_NO_MEMORY : INK_FONT;
  if (s->gid == 0 && notdef_empty (ft))
    return notdef_box (ctx, &c->slab, ft, s);
  if (!mono) {
    goutline_t *o = NULL;
    ink_status_t st = INK_OK;
    FT_BBox box;
    bool direct = false;
    if ((err = outline_get (ctx, c, face, ft, s, &o)) == 0 && o && o->block &&
        (direct = outline_box (o, phase, &box)))
      err = render_outline (ctx, &c->slab, ft->glyph->library, o, &box, s, &st);
    if (err != 0)
      return err == FT_Err_Out_Of_Memory ? INK_NO_MEMORY : INK_FONT;
    if (direct)
      return st;
  }
  FT_Vector delta = { (FT_Pos) phase * 16, 0 };
  FT_Set_Transform (ft, NULL, &delta);
  FT_Int32 flags = mono ? (FT_LOAD_TARGET_MONO) : (FT_LOAD_NO_HINTING);
  err = FT_Load_Glyph (ft, s->gid, flags);
  if (err == 0)
    err = FT_Render_Glyph (ft->glyph, mono ? FT_RENDER_MODE_MONO : FT_RENDER_MODE_NORMAL);
  FT_Set_Transform (ft, NULL, NULL);
  if (err != 0)
    return err == FT_Err_Out_Of_Memory ? INK_NO_MEMORY : INK_FONT;
  return keep_bitmap (ctx, &c->slab, s, &ft->glyph->bitmap, ft->glyph->bitmap_left,
                      ft->glyph->bitmap_top);
}

static void
give (const gslot_t *s, ink__gbitmap_t *out)
{
  *out = (ink__gbitmap_t) { s->left, s->top, s->w, s->h, (int) row_bytes (s->w), s->bits };
}

/* The glyph index made twice as big, the cached glyphs entered again: false when out of
 * memory (the old one is kept). */
static bool
index_grow (ink_context_t *ctx, gcache_t *c)
{
  size_t ncap = c->cap * 2;
  uint32_t *ni = ink__alloc_array (ctx, ncap, sizeof *ni);
  if (!ni)
    return false;
  for (size_t k = 0; k < c->count; k++) {
    const gslot_t *o = &c->slots[k];
    size_t j = hash (o->face, o->size, o->gid, o->phase, o->mono) & (ncap - 1);
    while (ni[j])
      j = (j + 1) & (ncap - 1);
    ni[j] = (uint32_t) (k + 1);
  }
  ink__free (ctx, c->index, c->cap * sizeof *c->index);
  c->index = ni;
  c->cap = ncap;
  return true;
}

ink_status_t
ink__glyph_get (ink_document_t *doc, ink__face_t *face, float size_px, uint32_t gid,
                unsigned phase, bool mono, ink__gbitmap_t *out)
{
  ink_context_t *ctx = doc->ctx;
  ink__raster_state_t *rs = ink__raster_state (doc);
  if (!rs)
    return INK_NO_MEMORY;
  gcache_t *c = &rs->glyphs;
  if (!c->index) {
    if (!(c->index = ink__alloc_array (ctx, GLYPH_INDEX_FIRST, sizeof *c->index)))
      return INK_NO_MEMORY;
    c->cap = GLYPH_INDEX_FIRST;
  }
  c->lookups++;
  int32_t size = (int32_t) (size_px * 64.0f + 0.5f);
  size_t i = hash (face, size, gid, phase, mono) & (c->cap - 1);
  while (c->index[i]) {
    gslot_t *s = &c->slots[c->index[i] - 1];
    if (s->face == face && s->size == size && s->gid == gid && s->phase == phase && s->mono == mono) {
      give (s, out);
      return INK_OK;
    }
    i = (i + 1) & (c->cap - 1);
  }
  /* Keep the index at most half full and the bitmaps within budget. */
  if (c->count * 2 >= c->cap || c->bytes > INK_GLYPH_CACHE_BYTES) {
    if (c->bytes > INK_GLYPH_CACHE_BYTES || c->cap >= 65536) {
      cache_clear (ctx, c);
      c->clears++;
    } else if (!index_grow (ctx, c)) {
      return INK_NO_MEMORY;
    }
    i = hash (face, size, gid, phase, mono) & (c->cap - 1);
    while (c->index[i])
      i = (i + 1) & (c->cap - 1);
  }
  if (c->count == c->scap &&
      !ink__vec_grow (ctx, (void **) &c->slots, &c->scap, c->count + 1, sizeof *c->slots))
    return INK_NO_MEMORY;
  gslot_t s = { 0 };
  s.face = face;
  s.size = size;
  s.gid = gid;
  s.phase = (uint8_t) phase;
  s.mono = mono;
  ink__fontset_lock (face->fontset);
  ink_status_t st = render_glyph (ctx, c, face, &s);
  ink__fontset_unlock (face->fontset);
  if (st != INK_OK)
    return st;
  size_t n = bitmap_bytes (&s);
  c->slots[c->count++] = s;
  c->index[i] = (uint32_t) c->count;
  c->bytes += n;
  c->renders++;
  if (c->bytes > c->peak_bytes)
    c->peak_bytes = c->bytes;
  give (&s, out);
  return INK_OK;
}
