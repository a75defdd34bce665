/* floor: the least work that makes a page's pixels, against which inkset's drawing is measured.
 *
 *   floor ARTICLE TEMPLATE png BPP       every page, packed and encoded as PNG
 *   floor ARTICLE TEMPLATE strips ROWS   page 1 at 1 bit in bands of ROWS rows, packed only
 *
 * The article is laid out twice, each time in a context and fontset of its own (so that
 * neither side finds glyphs or hinting state the other made). Then two functions run once:
 *
 *   floor_run   renders each distinct glyph of the pages (face, size, glyph, phase) once with
 *               FreeType, with the flags inkset uses, setting each size once; copies every
 *               glyph instance into place on a paper page of 8-bit grey and fills the rules;
 *               quantizes to the nearest level and packs rows in the same format; in png mode
 *               encodes the packed frame with ink_png_write (inkset's own encoder and settings);
 *   inkset_run  the same through the library: ink_png_render per page, or ink_strips_next.
 *
 * Finding the distinct glyphs and their places is done before floor_run, from the display
 * list, which is read through the library's internal header (there is no public walker yet):
 * the floor is what any renderer must do at least, not a second renderer. Pictures are not
 * drawn by the floor (the sample has none). Prints one line: the CPU time of each, the bytes
 * each made. Under callgrind, --toggle-collect=floor_run or =inkset_run counts one of them.
 * Link with libinkset.a (bench/run.sh shows how). */
#define _POSIX_C_SOURCE 200809L
#define INK_BUILDING /* for the internal header */
#include <inkset/inkset.h>

#include "paginate.h"
#include "raster.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct {
  ink__face_t *face;
  int32_t size;                   /* 1/64 px */
  uint32_t gid;
  unsigned phase;
} gkey_t;

typedef struct {
  gkey_t key;
  int left, top, w, h;
  uint8_t *bits;
} glyph_t;

typedef struct {
  size_t glyph;                   /* into the distinct glyphs */
  uint32_t page;
  int32_t x, y;                   /* pen position, px */
  uint8_t grey;
} inst_t;

typedef struct {
  ink_context_t *ctx;
  ink_article_t *article;
  ink_template_t *tpl;
  ink_fontset_t *fs;
  ink_document_t *doc;
  uint32_t w, h;
} side_t;

static int
open_side (side_t *s, const char *article, const char *tpl, const char *fonts)
{
  memset (s, 0, sizeof *s);
  ink_diag_t diag = { 0 };
  if (ink_context_create (NULL, NULL, &s->ctx) != INK_OK ||
      ink_article_load (s->ctx, article, &s->article, &diag) != INK_OK ||
      ink_template_open (s->ctx, tpl, &s->tpl, &diag) != INK_OK ||
      ink_fontset_create (s->ctx, fonts, &s->fs) != INK_OK ||
      ink_document_layout (s->ctx, s->article, s->tpl, s->fs, NULL, &s->doc) != INK_OK) {
    fprintf (stderr, "floor: %s: %s\n", article, s->ctx ? ink_context_error (s->ctx) : "no context");
    return 1;
  }
  ink_document_page_size (s->doc, &s->w, &s->h);
  return 0;
}

static void
close_side (side_t *s)
{
  ink_document_destroy (s->doc);
  ink_fontset_destroy (s->fs);
  ink_template_destroy (s->tpl);
  ink_article_destroy (s->article);
  ink_context_destroy (s->ctx);
}

static int
key_cmp (const void *pa, const void *pb)
{
  const gkey_t *a = pa, *b = pb;
  if (a->face != b->face)
    return (uintptr_t) a->face < (uintptr_t) b->face ? -1 : 1;
  if (a->size != b->size)
    return a->size < b->size ? -1 : 1;
  if (a->gid != b->gid)
    return a->gid < b->gid ? -1 : 1;
  return (int) a->phase - (int) b->phase;
}

static int32_t
floor64 (int32_t v)
{
  return v >= 0 ? v >> 6 : -((-v + 63) >> 6);
}

/* The glyph instances of pages [p0, p1), placed as inkset places them, and the distinct glyphs
 * sorted by face and size. */
static void
collect (ink_document_t *doc, size_t p0, size_t p1, bool mono, glyph_t **glyphs, size_t *ng,
         inst_t **insts, size_t *ni)
{
  size_t cap = 0;
  for (size_t p = p0; p < p1; p++)
    for (size_t i = 0; i < doc->pages.v[p].ni; i++)
      cap += doc->items.v[doc->pages.v[p].i0 + i].ng;
  gkey_t *keys = calloc (cap + 1, sizeof *keys);
  *insts = calloc (cap + 1, sizeof **insts);
  size_t n = 0;
  for (size_t p = p0; p < p1; p++) {
    const ink__page_t *pg = &doc->pages.v[p];
    for (size_t i = 0; i < pg->ni; i++) {
      const ink__item_t *it = &doc->items.v[pg->i0 + i];
      if (it->kind != INK_ITEM_GLYPHS)
        continue;
      for (size_t g = 0; g < it->ng; g++, n++) {
        const ink__dglyph_t *dg = &doc->glyphs.v[it->g0 + g];
        int32_t xq = mono ? ((dg->x + 32) & ~63) : ((dg->x + 8) & ~15);
        int32_t px = floor64 (xq);
        keys[n] = (gkey_t) { it->face, (int32_t) (it->size_px * 64.0f + 0.5f), dg->gid,
                             (unsigned) ((xq - px * 64) >> 4) };
        (*insts)[n] = (inst_t) { 0, (uint32_t) (p - p0), px, floor64 (dg->y + 32), it->grey };
      }
    }
  }
  gkey_t *sorted = malloc ((n + 1) * sizeof *sorted);
  memcpy (sorted, keys, n * sizeof *keys);
  qsort (sorted, n, sizeof *sorted, key_cmp);
  *glyphs = calloc (n + 1, sizeof **glyphs);
  *ng = 0;
  for (size_t k = 0; k < n; k++)
    if (*ng == 0 || key_cmp (&sorted[k], &(*glyphs)[*ng - 1].key) != 0)
      (*glyphs)[(*ng)++].key = sorted[k];
  for (size_t k = 0; k < n; k++) {
    gkey_t *hit = bsearch (&keys[k], *glyphs, *ng, sizeof **glyphs, key_cmp);
    (*insts)[k].glyph = (size_t) ((glyph_t *) (void *) hit - *glyphs);
  }
  *ni = n;
  free (keys);
  free (sorted);
}

typedef struct {
  ink_document_t *doc;
  size_t p0, p1;
  bool mono, png;
  uint32_t strip_rows;
  ink_pixfmt_t fmt;
  glyph_t *glyphs;
  size_t ng;
  inst_t *insts;
  size_t ni;
  size_t bytes;                   /* what the run made */
} job_t;

static ink_status_t
count_bytes (void *user, const void *data, size_t len)
{
  (void) data;
  *(size_t *) user += len;
  return INK_OK;
}

/* Each distinct glyph once; each face's size set once. */
static void
rasterize (job_t *j)
{
  const ink__face_t *face = NULL;
  int32_t size = 0;
  for (size_t k = 0; k < j->ng; k++) {
    glyph_t *g = &j->glyphs[k];
    FT_Face ft = ink__face_ft (g->key.face);
    if (!ft)
      continue;
    if (g->key.face != face || g->key.size != size) {
      FT_Set_Char_Size (ft, 0, g->key.size, 72, 72);
      face = g->key.face;
      size = g->key.size;
    }
    FT_Vector delta = { (FT_Pos) g->key.phase * 16, 0 };
    FT_Set_Transform (ft, NULL, &delta);
    if (FT_Load_Glyph (ft, g->key.gid, j->mono ? FT_LOAD_TARGET_MONO : FT_LOAD_TARGET_LIGHT) ||
        FT_Render_Glyph (ft->glyph, j->mono ? FT_RENDER_MODE_MONO : FT_RENDER_MODE_NORMAL))
      continue;
    FT_Set_Transform (ft, NULL, NULL);
    FT_Bitmap *bm = &ft->glyph->bitmap;
    g->left = ft->glyph->bitmap_left;
    g->top = ft->glyph->bitmap_top;
    g->w = (int) bm->width;
    g->h = (int) bm->rows;
    g->bits = malloc ((size_t) g->w * g->h + 1);
    for (int y = 0; y < g->h; y++) {
      const uint8_t *row = bm->buffer + (ptrdiff_t) y * bm->pitch;
      uint8_t *out = g->bits + (size_t) y * g->w;
      if (bm->pixel_mode == FT_PIXEL_MODE_MONO)
        for (int x = 0; x < g->w; x++)
          out[x] = (row[x >> 3] & (0x80 >> (x & 7))) ? 255 : 0;
      else
        memcpy (out, row, (size_t) g->w);
    }
  }
}

/* Every glyph instance and rule of page p copied onto paper. */
static void
compose (const job_t *j, size_t p, uint8_t *gray, uint32_t w, uint32_t h)
{
  memset (gray, 255, (size_t) w * h);
  for (size_t i = 0; i < j->ni; i++) {
    const inst_t *in = &j->insts[i];
    const glyph_t *g = &j->glyphs[in->glyph];
    if (in->page != p - j->p0 || !g->bits)
      continue;
    int32_t x0 = in->x + g->left, y0 = in->y - g->top;
    for (int y = 0; y < g->h; y++) {
      if (y0 + y < 0 || y0 + y >= (int32_t) h)
        continue;
      const uint8_t *src = g->bits + (size_t) y * g->w;
      uint8_t *dst = gray + (size_t) (y0 + y) * w;
      for (int x = 0; x < g->w; x++)
        if (src[x] && x0 + x >= 0 && x0 + x < (int32_t) w)
          dst[x0 + x] = (uint8_t) (255 - src[x] + in->grey * src[x] / 255);
    }
  }
  const ink__page_t *pg = &j->doc->pages.v[p];
  for (size_t i = 0; i < pg->ni; i++) {
    const ink__item_t *it = &j->doc->items.v[pg->i0 + i];
    if (it->kind != INK_ITEM_RULE)
      continue;
    int32_t x0 = floor64 (it->x + 32), y0 = floor64 (it->y + 32);
    int32_t x1 = floor64 (it->x + it->w + 32), y1 = floor64 (it->y + it->h + 32);
    for (int32_t y = y0 < 0 ? 0 : y0; y < (y1 > y0 ? y1 : y0 + 1) && y < (int32_t) h; y++)
      for (int32_t x = x0 < 0 ? 0 : x0; x < (x1 > x0 ? x1 : x0 + 1) && x < (int32_t) w; x++)
        gray[(size_t) y * w + x] = it->grey;
  }
}

/* Rows [y0, y0 + rows) of grey to the nearest of the format's levels, packed leftmost pixel in
 * the high bits, a whole byte at a time; paper pads the last byte. */
static void
pack (const uint8_t *gray, uint32_t w, uint32_t y0, uint32_t rows, unsigned bpp,
      const uint8_t *nearest, uint8_t *out, size_t stride)
{
  unsigned ppb = 8 / bpp;
  uint32_t full = w / ppb;
  for (uint32_t r = 0; r < rows; r++) {
    const uint8_t *row = gray + (size_t) (y0 + r) * w, *g = row;
    uint8_t *o = out + (size_t) r * stride;
    switch (bpp) {
    case 8:
      for (uint32_t i = 0; i < full; i++)
        o[i] = nearest[g[i]];
      break;
    case 4:
      for (uint32_t i = 0; i < full; i++, g += 2)
        o[i] = (uint8_t) (nearest[g[0]] << 4 | nearest[g[1]]);
      break;
    case 2:
      for (uint32_t i = 0; i < full; i++, g += 4)
        o[i] = (uint8_t) (nearest[g[0]] << 6 | nearest[g[1]] << 4 | nearest[g[2]] << 2 |
                          nearest[g[3]]);
      break;
    default:
      for (uint32_t i = 0; i < full; i++, g += 8)
        o[i] = (uint8_t) (nearest[g[0]] << 7 | nearest[g[1]] << 6 | nearest[g[2]] << 5 |
                          nearest[g[3]] << 4 | nearest[g[4]] << 3 | nearest[g[5]] << 2 |
                          nearest[g[6]] << 1 | nearest[g[7]]);
      break;
    }
    for (uint32_t i = full; i < stride; i++) {
      unsigned byte = 0;
      for (unsigned j = 0; j < ppb; j++) {
        uint32_t x = i * ppb + j;
        byte = byte << bpp | nearest[x < w ? row[x] : 255];
      }
      o[i] = (uint8_t) byte;
    }
  }
}

__attribute__ ((noinline)) void floor_run (job_t *j);
__attribute__ ((noinline)) void inkset_run (job_t *j);

void
floor_run (job_t *j)
{
  rasterize (j);
  uint32_t w, h;
  ink_document_page_size (j->doc, &w, &h);
  ink_frame_geometry_t geo;
  ink_frame_geometry (&j->fmt, w, h, &geo);
  unsigned bpp = j->fmt.bpp, n = 1u << bpp;
  uint8_t nearest[256];
  for (unsigned v = 0; v < 256; v++)
    nearest[v] = (uint8_t) ((v * (n - 1) + 127) / 255);
  uint8_t *gray = malloc ((size_t) w * h);
  uint8_t *frame = malloc (geo.size);
  for (size_t p = j->p0; p < j->p1; p++) {
    compose (j, p, gray, w, h);
    if (j->png) {
      pack (gray, w, 0, h, bpp, nearest, frame, geo.stride);
      ink_png_write (j->doc->ctx, count_bytes, &j->bytes, &j->fmt, w, h, frame, geo.size);
    } else {
      for (uint32_t y = 0; y < h; y += j->strip_rows) {
        uint32_t rows = h - y < j->strip_rows ? h - y : j->strip_rows;
        pack (gray, w, y, rows, bpp, nearest, frame, geo.stride);
        j->bytes += rows * (size_t) geo.stride;
      }
    }
  }
  free (gray);
  free (frame);
}

void
inkset_run (job_t *j)
{
  for (size_t p = j->p0; p < j->p1; p++) {
    ink_page_source_t src;
    ink_frame_t frame;
    ink_document_frame (j->doc, p, &j->fmt, INK_DITHER_FLOYD_STEINBERG, &src, &frame);
    if (j->png) {
      ink_png_render (j->doc->ctx, count_bytes, &j->bytes, &frame, 0);
      continue;
    }
    ink_strips_t *s;
    if (ink_strips_begin (j->doc->ctx, &frame, j->strip_rows, &s) != INK_OK)
      return;
    size_t size = ink_strips_buffer_size (s);
    uint8_t *buf = malloc (size);
    uint32_t y0, rows;
    while (ink_strips_next (s, buf, size, &y0, &rows) == INK_OK && rows)
      j->bytes += size;
    free (buf);
    ink_strips_end (s);
  }
}

static double
cpu_ms (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double) ts.tv_sec * 1e3 + (double) ts.tv_nsec / 1e6;
}

int
main (int argc, char **argv)
{
  if (argc != 5 || (strcmp (argv[3], "png") && strcmp (argv[3], "strips"))) {
    fprintf (stderr, "usage: floor ARTICLE TEMPLATE png BPP | floor ARTICLE TEMPLATE strips ROWS\n");
    return 2;
  }
  const char *fonts = getenv ("INKSET_FONT_DIR") ? getenv ("INKSET_FONT_DIR") : "fonts";
  bool png = strcmp (argv[3], "png") == 0;
  int arg = atoi (argv[4]);
  side_t a, b;
  if (open_side (&a, argv[1], argv[2], fonts) || open_side (&b, argv[1], argv[2], fonts))
    return 1;
  job_t jobs[2];
  side_t *sides[2] = { &a, &b };
  for (int k = 0; k < 2; k++) {
    job_t *j = &jobs[k];
    memset (j, 0, sizeof *j);
    j->doc = sides[k]->doc;
    j->png = png;
    j->p0 = 0;
    j->p1 = png ? ink_document_page_count (j->doc) : 1;
    j->strip_rows = png ? 64 : (uint32_t) arg;
    ink_pixfmt_preset (png ? (arg == 1 ? "mono" : arg == 2 ? "gray2" : arg == 8 ? "gray8" : "gray4")
                           : "mono", &j->fmt);
    j->mono = j->fmt.bpp == 1;
  }
  collect (a.doc, jobs[0].p0, jobs[0].p1, jobs[0].mono, &jobs[0].glyphs, &jobs[0].ng,
           &jobs[0].insts, &jobs[0].ni);
  double t0 = cpu_ms ();
  floor_run (&jobs[0]);
  double t1 = cpu_ms ();
  inkset_run (&jobs[1]);
  double t2 = cpu_ms ();
  printf ("mode=%s pages=%zu distinct_glyphs=%zu instances=%zu floor_cpu_ms=%.2f "
          "inkset_cpu_ms=%.2f floor_bytes=%zu inkset_bytes=%zu\n",
          argv[3], jobs[0].p1 - jobs[0].p0, jobs[0].ng, jobs[0].ni, t1 - t0, t2 - t1,
          jobs[0].bytes, jobs[1].bytes);
  /* inkset's glyph cache over its drawing: lookups (a glyph is looked up once to bound its
   * run's ink and once to draw it), bitmaps rendered, times emptied, most bytes held. */
  const ink__raster_state_t *rs = ink__raster_state (b.doc);
  if (rs)
    printf ("glyph_cache lookups=%zu renders=%zu clears=%zu peak_bytes=%zu budget_bytes=%zu\n",
            rs->glyphs.lookups, rs->glyphs.renders, rs->glyphs.clears, rs->glyphs.peak_bytes,
            (size_t) INK_GLYPH_CACHE_BYTES);
  for (size_t k = 0; k < jobs[0].ng; k++)
    free (jobs[0].glyphs[k].bits);
  free (jobs[0].glyphs);
  free (jobs[0].insts);
  close_side (&a);
  close_side (&b);
  return 0;
}
