/* Rendering real pages to panel formats: dither methods change the photograph and never the
 * text; at one bit text is thresholded, not dithered; strips equal the whole frame byte for
 * byte; a quarter turn swaps the sides; the glyph cache's bitmaps are FreeType's own; glyphs
 * blended by blocks of pixels give what over () gives a pixel at a time. */
#define _POSIX_C_SOURCE 200809L
#include <sys/wait.h>
#include <unistd.h>

#include <ft2build.h>
#include FT_FREETYPE_H

#include "raster.h"
#include "test.h"

typedef struct {
  ink_context_t *ctx;
  ink_article_t *article;
  ink_template_t *tpl;
  ink_fontset_t *fs;
  ink_document_t *doc;
  uint32_t w, h;
} page_t;

/* The article laid out on the template, in a context whose memory comes from fn (NULL:
 * libc's). */
static bool
open_doc_with (page_t *p, const char *article, const char *tpl, ink_realloc_fn fn, void *user)
{
  memset (p, 0, sizeof *p);
  char path[1024];
  snprintf (path, sizeof path, "%s/examples/articles/%s", INK_SOURCE_DIR, article);
  ink_diag_t diag = { 0 };
  if (ink_context_create (fn, user, &p->ctx) != INK_OK ||
      ink_article_load (p->ctx, path, &p->article, &diag) != INK_OK ||
      ink_template_builtin (p->ctx, tpl, &p->tpl) != INK_OK ||
      ink_fontset_create (p->ctx, INK_SOURCE_DIR "/fonts", &p->fs) != INK_OK ||
      ink_document_layout (p->ctx, p->article, p->tpl, p->fs, NULL, &p->doc) != INK_OK)
    return false;
  ink_document_page_size (p->doc, &p->w, &p->h);
  return true;
}

static bool
open_doc (page_t *p, const char *article, const char *tpl)
{
  return open_doc_with (p, article, tpl, NULL, NULL);
}

static void
close_doc (page_t *p)
{
  ink_document_destroy (p->doc);
  ink_fontset_destroy (p->fs);
  ink_template_destroy (p->tpl);
  ink_article_destroy (p->article);
  ink_context_destroy (p->ctx);
}

static uint8_t *
render (page_t *p, size_t page, const ink_pixfmt_t *fmt, ink_dither_t d, size_t *size)
{
  ink_page_source_t src;
  ink_frame_t frame;
  *size = 0;
  if (ink_document_frame (p->doc, page, fmt, d, &src, &frame) != INK_OK)
    return NULL;
  *size = ink_frame_size (fmt, p->w, p->h);
  uint8_t *buf = malloc (*size);
  if (ink_frame_render (p->ctx, &frame, buf, *size) != INK_OK) {
    free (buf);
    return NULL;
  }
  return buf;
}

static int
bit_at (const uint8_t *buf, size_t stride, uint32_t x, uint32_t y)
{
  return (buf[(size_t) y * stride + x / 8] >> (7 - x % 8)) & 1;
}

/* The photograph of the DSCOVR article at one bit with every dither method. */
TEST (dither_text_untouched)
{
  page_t p;
  CHECK (open_doc (&p, "dscovr-launch.md", "kiosk-10.3"));
  if (!p.doc) {
    close_doc (&p);
    return;
  }
  size_t n = (size_t) p.w * p.h;
  uint8_t *gray = malloc (n), *cls = malloc (n);
  /* The page with the picture. */
  size_t page = ink_document_page_count (p.doc), image_px = 0;
  for (size_t pg = 0; pg < ink_document_page_count (p.doc); pg++) {
    CHECK_EQ_INT (ink__raster_rect (p.doc, pg, true, 0, 0, p.w, p.h, gray, p.w, cls, p.w, NULL, 0),
                  INK_OK);
    image_px = 0;
    for (size_t i = 0; i < n; i++)
      image_px += cls[i] == INK_CLASS_IMAGE;
    if (image_px > 10000) {
      page = pg;
      break;
    }
  }
  CHECK (page < ink_document_page_count (p.doc));
  if (page >= ink_document_page_count (p.doc))
    goto out;
  ink_pixfmt_t fmt = { 0 };
  fmt.bpp = 1;
  size_t stride = (p.w + 7) / 8;
  uint8_t *out[INK_DITHER_COUNT_] = { 0 };
  for (int d = 0; d < INK_DITHER_COUNT_; d++) {
    size_t size;
    out[d] = render (&p, page, &fmt, (ink_dither_t) d, &size);
    CHECK (out[d] != NULL);
    CHECK_EQ_INT (size, stride * p.h);
  }
  size_t text_px = 0, grey_text_px = 0;
  for (size_t i = 0; i < n; i++) {
    text_px += cls[i] == INK_CLASS_TEXT;
    grey_text_px += cls[i] == INK_CLASS_TEXT && gray[i] > 0 && gray[i] < 255;
  }
  CHECK (text_px > 50000);
  CHECK (grey_text_px > 1000);   /* the kicker and running heads are grey type */
  for (int a = 0; a < INK_DITHER_COUNT_; a++)
    for (int b = a + 1; b < INK_DITHER_COUNT_; b++) {
      if (!out[a] || !out[b])
        continue;
      size_t text_diff = 0, image_diff = 0;
      for (uint32_t y = 0; y < p.h; y++)
        for (uint32_t x = 0; x < p.w; x++) {
          size_t i = (size_t) y * p.w + x;
          bool differ = bit_at (out[a], stride, x, y) != bit_at (out[b], stride, x, y);
          if (cls[i] == INK_CLASS_TEXT)
            text_diff += differ;
          else if (cls[i] == INK_CLASS_IMAGE)
            image_diff += differ;
        }
      if (text_diff)
        fprintf (stderr, "%s and %s differ in %zu text pixels\n", ink_dither_name (a),
                 ink_dither_name (b), text_diff);
      CHECK_EQ_INT (text_diff, 0);
      if (image_diff < image_px / 100)
        fprintf (stderr, "%s and %s differ in only %zu of %zu picture pixels\n",
                 ink_dither_name (a), ink_dither_name (b), image_diff, image_px);
      CHECK (image_diff >= image_px / 100);
    }
  /* Text is thresholded: whether a text pixel is black depends on its grey alone, and a
   * darker pixel is never white where a lighter one is black. */
  for (int d = 0; d < INK_DITHER_COUNT_; d++) {
    if (!out[d])
      continue;
    int darkest_white = 256, lightest_black = -1;
    for (uint32_t y = 0; y < p.h; y++)
      for (uint32_t x = 0; x < p.w; x++) {
        size_t i = (size_t) y * p.w + x;
        if (cls[i] != INK_CLASS_TEXT)
          continue;
        if (bit_at (out[d], stride, x, y)) {
          if (gray[i] < darkest_white)
            darkest_white = gray[i];
        } else if (gray[i] > lightest_black) {
          lightest_black = gray[i];
        }
      }
    if (lightest_black >= darkest_white)
      fprintf (stderr, "%s: text grey %d is black but %d is white\n", ink_dither_name (d),
               lightest_black, darkest_white);
    CHECK (lightest_black < darkest_white);
    CHECK (lightest_black >= 0);
  }
  for (int d = 0; d < INK_DITHER_COUNT_; d++)
    free (out[d]);
out:
  free (gray);
  free (cls);
  close_doc (&p);
}

/* Strips of any height give the same bytes as the whole frame. */
TEST (strips_equal_frame)
{
  page_t p;
  CHECK (open_doc (&p, "eileen-collins.md", "kiosk-7.5"));
  if (!p.doc) {
    close_doc (&p);
    return;
  }
  static const struct { const char *preset; ink_rotate_t rot; ink_dither_t d; uint32_t rows; } cases[] = {
    { "gray8", INK_ROTATE_0, INK_DITHER_NONE, 37 },
    { "gray4", INK_ROTATE_0, INK_DITHER_FLOYD_STEINBERG, 16 },
    { "gray4", INK_ROTATE_90, INK_DITHER_ATKINSON, 50 },
    { "mono", INK_ROTATE_0, INK_DITHER_FLOYD_STEINBERG, 8 },
    { "mono", INK_ROTATE_270, INK_DITHER_BLUE_NOISE, 33 },
    { "ssd1680", INK_ROTATE_0, INK_DITHER_BAYER, 24 },
    { "bwr", INK_ROTATE_0, INK_DITHER_FLOYD_STEINBERG, 19 },
    { "acep7", INK_ROTATE_180, INK_DITHER_ATKINSON, 64 },
  };
  for (size_t pg = 0; pg < ink_document_page_count (p.doc) && pg < 2; pg++)
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
      ink_pixfmt_t fmt;
      CHECK_EQ_INT (ink_pixfmt_preset (cases[c].preset, &fmt), INK_OK);
      fmt.rotate = cases[c].rot;
      size_t size;
      uint8_t *whole = render (&p, pg, &fmt, cases[c].d, &size);
      CHECK (whole != NULL);
      ink_frame_geometry_t geo;
      CHECK_EQ_INT (ink_frame_geometry (&fmt, p.w, p.h, &geo), INK_OK);
      CHECK_EQ_INT (geo.size, size);
      ink_page_source_t src;
      ink_frame_t frame;
      CHECK_EQ_INT (ink_document_frame (p.doc, pg, &fmt, cases[c].d, &src, &frame), INK_OK);
      ink_strips_t *s = NULL;
      CHECK_EQ_INT (ink_strips_begin (p.ctx, &frame, cases[c].rows, &s), INK_OK);
      if (!s || !whole) {
        free (whole);
        continue;
      }
      size_t bsize = ink_strips_buffer_size (s);
      uint8_t *buf = malloc (bsize), *joined = calloc (1, size);
      uint32_t first, rows, next = 0, strips = 0;
      while (ink_strips_next (s, buf, bsize, &first, &rows) == INK_OK && rows) {
        CHECK_EQ_INT (first, next);
        CHECK (first + rows <= geo.native_height);
        if (first + rows > geo.native_height)
          break;
        for (uint32_t pl = 0; pl < geo.planes; pl++)
          memcpy (joined + (size_t) pl * geo.stride * geo.native_height + (size_t) first * geo.stride,
                  buf + (size_t) pl * geo.stride * rows, (size_t) geo.stride * rows);
        next = first + rows;
        strips++;
      }
      ink_strips_end (s);
      CHECK_EQ_INT (next, geo.native_height);
      CHECK (strips > 1);
      if (memcmp (joined, whole, size) != 0) {
        size_t i = 0;
        while (joined[i] == whole[i])
          i++;
        fprintf (stderr, "page %zu, %s rotate %d, %u-row strips: first difference at byte %zu\n",
                 pg, cases[c].preset, cases[c].rot * 90, cases[c].rows, i);
        CHECK (0);
      }
      free (buf);
      free (joined);
      free (whole);
    }
  close_doc (&p);
}

/* A quarter turn clockwise: the native frame is the page's height wide, and the page's top
 * left pixel is at the native top right. */
TEST (rotate_quarter_turn)
{
  page_t p;
  CHECK (open_doc (&p, "pakistan-china-pact.md", "kiosk-7.5"));
  if (!p.doc) {
    close_doc (&p);
    return;
  }
  ink_pixfmt_t fmt = { 0 };
  ink_frame_geometry_t geo;
  size_t s0, s90;
  uint8_t *a = render (&p, 0, &fmt, INK_DITHER_NONE, &s0);
  fmt.rotate = INK_ROTATE_90;
  CHECK_EQ_INT (ink_frame_geometry (&fmt, p.w, p.h, &geo), INK_OK);
  CHECK_EQ_INT (geo.native_width, p.h);
  CHECK_EQ_INT (geo.native_height, p.w);
  uint8_t *b = render (&p, 0, &fmt, INK_DITHER_NONE, &s90);
  CHECK (a && b && s0 == s90);
  if (a && b) {
    size_t wrong = 0;
    for (uint32_t y = 0; y < p.h; y++)
      for (uint32_t x = 0; x < p.w; x++)
        wrong += a[(size_t) y * p.w + x] != b[(size_t) x * geo.stride + (p.h - 1 - y)];
    CHECK_EQ_INT (wrong, 0);
  }
  free (a);
  free (b);
  close_doc (&p);

  /* The command-line tool: --rotate 90 writes a PNG as wide as the page is high. A cross
   * build runs it through its emulator's launcher (cmake/cross-emulator.cmake). */
  char cmd[2048];
  const char *tool = access (INK_BINARY_DIR "/emulated/inkset_cli", X_OK) == 0
                         ? INK_BINARY_DIR "/emulated/inkset_cli" : INK_BINARY_DIR "/inkset";
  snprintf (cmd, sizeof cmd,
            "'%s' render '%s/examples/articles/pakistan-china-pact.md' -t kiosk-7.5 "
            "--rotate 90 --max-pages 1 -o '%s/test-render-rotate' 2>/dev/null",
            tool, INK_SOURCE_DIR, INK_BINARY_DIR);
  int rc = system (cmd);
  CHECK (rc == 0 || (rc != -1 && WEXITSTATUS (rc) == 3));   /* 3: more pages than asked for */
  FILE *f = fopen (INK_BINARY_DIR "/test-render-rotate/page-001.png", "rb");
  CHECK (f != NULL);
  if (f) {
    uint8_t hdr[24];
    CHECK_EQ_INT (fread (hdr, 1, 24, f), 24);
    fclose (f);
    uint32_t w = (uint32_t) hdr[16] << 24 | hdr[17] << 16 | hdr[18] << 8 | hdr[19];
    uint32_t h = (uint32_t) hdr[20] << 24 | hdr[21] << 16 | hdr[22] << 8 | hdr[23];
    CHECK_EQ_INT (w, 480);
    CHECK_EQ_INT (h, 800);
  }
}

/* A caller's callback that only forwards to the page's own: the frame renderer cannot know
 * which columns it draws on, so it clears, quantizes and packs every pixel of every row (the
 * whole-row path), against which the span-keeping path must give the same bytes. */
typedef struct {
  ink_render_rect_fn fn;
  void *user;
} forward_t;

static void
forward (void *user, int32_t x, int32_t y, uint32_t w, uint32_t h, uint8_t *gray, size_t gs,
         uint8_t *cls, size_t cs, uint8_t *rgb, size_t rs)
{
  const forward_t *f = user;
  f->fn (f->user, x, y, w, h, gray, gs, cls, cs, rgb, rs);
}

/* Blank paper is skipped, text is quantized by table and only pictures reach the dither: the
 * bytes are those of the whole-row path, for a page with a photograph and text, at every
 * depth and dither, turned, mirrored and in colour. */
TEST (spans_equal_whole_rows)
{
  page_t p;
  CHECK (open_doc (&p, "rocket-recovery.md", "kiosk-7.5"));
  if (!p.doc) {
    close_doc (&p);
    return;
  }
  static const char *const presets[] = { "mono", "gray2", "gray4", "gray8", "epdiy4", "inkplate1",
                                         "it8951-4", "bwr", "acep7" };
  static const ink_rotate_t rots[] = { INK_ROTATE_0, INK_ROTATE_90, INK_ROTATE_180, INK_ROTATE_270 };
  for (size_t k = 0; k < sizeof presets / sizeof *presets; k++)
    for (int d = 0; d < INK_DITHER_COUNT_; d++)
      for (size_t r = 0; r < 4; r++) {
        ink_pixfmt_t fmt;
        CHECK_EQ_INT (ink_pixfmt_preset (presets[k], &fmt), INK_OK);
        fmt.rotate = rots[r];
        fmt.mirror_x = r == 2 && k % 2;
        fmt.text_darken = k == 2 ? 60 : 0;
        ink_page_source_t src;
        ink_frame_t frame, whole;
        CHECK_EQ_INT (ink_document_frame (p.doc, 0, &fmt, (ink_dither_t) d, &src, &frame), INK_OK);
        forward_t fw = { frame.render, frame.user };
        whole = frame;
        whole.render = forward;
        whole.user = &fw;
        size_t size = ink_frame_size (&fmt, p.w, p.h);
        uint8_t *a = malloc (size), *b = malloc (size);
        CHECK_EQ_INT (ink_frame_render (p.ctx, &frame, a, size), INK_OK);
        CHECK_EQ_INT (ink_frame_render (p.ctx, &whole, b, size), INK_OK);
        if (memcmp (a, b, size) != 0) {
          fprintf (stderr, "%s, %s, rotate %d: the span path differs from the whole rows\n",
                   presets[k], ink_dither_name ((ink_dither_t) d), (int) rots[r] * 90);
          CHECK (0);
        }
        free (a);
        free (b);
      }
  close_doc (&p);
}

/* Whether b is the bitmap FreeType's own renderer draws for face's glyph gid at size_px,
 * moved phase quarter pixels right: the same box and coverage, the rows' padding zero. Counts
 * in *overlaps the outlines whose contours are flagged to overlap. */
static bool
as_freetype_draws (ink__face_t *face, float size_px, uint32_t gid, unsigned phase,
                   const ink__gbitmap_t *b, int *overlaps)
{
  FT_Face ft = ink__face_ft (face);
  FT_Vector delta = { (FT_Pos) phase * 16, 0 };
  bool ok = FT_Set_Char_Size (ft, 0, (FT_F26Dot6) (size_px * 64.0f + 0.5f), 72, 72) == 0;
  FT_Set_Transform (ft, NULL, &delta);
  ok = ok && FT_Load_Glyph (ft, gid, FT_LOAD_NO_HINTING) == 0;
  *overlaps += ok && (ft->glyph->outline.flags & FT_OUTLINE_OVERLAP) != 0;
  ok = ok && FT_Render_Glyph (ft->glyph, FT_RENDER_MODE_NORMAL) == 0;
  FT_Set_Transform (ft, NULL, NULL);
  const FT_Bitmap *bm = &ft->glyph->bitmap;
  if (!ok || b->left != ft->glyph->bitmap_left || b->top != ft->glyph->bitmap_top ||
      b->w != (int) bm->width || b->h != (int) bm->rows)
    return false;
  for (int y = 0; y < b->h; y++) {
    const uint8_t *row = b->bits + (size_t) y * (size_t) b->stride;
    if (memcmp (row, bm->buffer + (ptrdiff_t) y * bm->pitch, (size_t) b->w) != 0)
      return false;
    for (int x = b->w; x < b->stride; x++)
      if (row[x])
        return false;
  }
  return true;
}

/* The cache draws an outline straight into its padded rows: every glyph it gives, at every
 * quarter-pixel phase and at sizes small and large, in TrueType and CFF faces, is the bitmap
 * FreeType's renderer gives the glyph loaded there. */
TEST (glyph_bitmaps_as_freetype_draws)
{
  page_t p;
  CHECK (open_doc (&p, "pakistan-china-pact.md", "kiosk-7.5"));
  if (!p.doc) {
    close_doc (&p);
    return;
  }
  static const char *const fonts[] = { "NotoSerif-Regular.ttf", "NotoSans-Bold.ttf",
                                       "NotoSansCJKjp-Subset.otf" };
  static const float sizes[] = { 9.0f, 17.5f, 32.0f, 71.25f };
  int drawn = 0, overlaps = 0;
  for (size_t f = 0; f < sizeof fonts / sizeof *fonts; f++) {
    ink__face_t *face;
    CHECK_EQ_INT (ink__fontset_face (p.fs, fonts[f], &face), INK_OK);
    for (size_t z = 0; z < sizeof sizes / sizeof *sizes; z++)
      for (uint32_t gid = 1; gid < 600; gid += 23)
        for (unsigned phase = 0; phase < 4; phase++) {
          ink__gbitmap_t b;
          CHECK_EQ_INT (ink__glyph_get (p.doc, face, sizes[z], gid, phase, false, &b), INK_OK);
          if (!as_freetype_draws (face, sizes[z], gid, phase, &b, &overlaps)) {
            fprintf (stderr, "%s, %.2f px, glyph %u, phase %u: not FreeType's bitmap\n",
                     fonts[f], (double) sizes[z], gid, phase);
            CHECK (0);
          }
          drawn++;
        }
  }
  fprintf (stderr, "glyph bitmaps compared: %d (%d of them overlapping outlines)\n", drawn,
           overlaps);
  close_doc (&p);
}

/* What a context asked of libc's memory: its largest block, and how many blocks, new or
 * grown. */
typedef struct {
  size_t largest, asked;
} usage_t;

static void *
note_usage (void *user, void *ptr, size_t old_size, size_t new_size)
{
  usage_t *u = user;
  (void) old_size;
  if (!new_size) {
    free (ptr);
    return NULL;
  }
  if (new_size > u->largest)
    u->largest = new_size;
  u->asked++;
  return realloc (ptr, new_size);
}

/* The sample laid out on kiosk-7.5 in a context whose memory use notes, and its serif face;
 * false (closed) when either is missing. */
static bool
open_serif (page_t *p, usage_t *use, ink__face_t **face)
{
  CHECK (open_doc_with (p, "pakistan-china-pact.md", "kiosk-7.5", note_usage, use));
  if (p->doc)
    CHECK_EQ_INT (ink__fontset_face (p->fs, "NotoSerif-Regular.ttf", face), INK_OK);
  if (!p->doc || !*face) {
    close_doc (p);
    return false;
  }
  return true;
}

static bool
same_bitmap (const ink__gbitmap_t *a, const ink__gbitmap_t *b)
{
  return a->left == b->left && a->top == b->top && a->w == b->w && a->h == b->h &&
         a->stride == b->stride && a->bits == b->bits;
}

/* The glyph cache's memory grows with the glyphs it holds: a page's first few dozen glyphs
 * take no table of a thousand records (fresh memory costs a page fault a 4 kB page: the
 * sample's render took some 50 faults for the tables' 200 kB). Grown to thousands of glyphs
 * over three sizes and four phases, it still finds every glyph it drew, without drawing it
 * again. */
TEST (glyph_cache_grows_with_its_glyphs)
{
  usage_t use = { 0 };
  page_t p;
  ink__face_t *face = NULL;
  if (!open_serif (&p, &use, &face))
    return;
  enum { FIRST = 60, MORE = 2400 };
  ink__gbitmap_t first[FIRST];
  use.largest = 0;
  for (uint32_t g = 0; g < FIRST; g++)
    CHECK_EQ_INT (ink__glyph_get (p.doc, face, 18.0f, 3 + g, g % 4, false, &first[g]), INK_OK);
  fprintf (stderr, "largest block for %d glyphs: %zu bytes\n", FIRST, use.largest);
  CHECK (use.largest <= 16384);
  for (uint32_t g = 0; g < MORE; g++) {
    ink__gbitmap_t b;
    CHECK_EQ_INT (ink__glyph_get (p.doc, face, 12.0f + (float) (g % 3), 3 + g / 12, g / 3 % 4,
                                  false, &b), INK_OK);
  }
  const ink__gcache_t *c = &ink__raster_state (p.doc)->glyphs;
  size_t renders = c->renders;
  CHECK_EQ_INT ((int) renders, FIRST + MORE);
  CHECK_EQ_INT ((int) c->clears, 0);
  for (uint32_t g = 0; g < FIRST; g++) {
    ink__gbitmap_t b;
    CHECK_EQ_INT (ink__glyph_get (p.doc, face, 18.0f, 3 + g, g % 4, false, &b), INK_OK);
    CHECK (same_bitmap (&b, &first[g]));
  }
  CHECK_EQ_INT ((int) c->renders, (int) renders);
  close_doc (&p);
}

/* The cache's bitmaps are carved from shared blocks (glyphslab.c): a hundred glyphs at four
 * phases each, 400 bitmaps, ask the allocator for a block for each glyph's outline, a few for
 * the bitmaps and the tables' growth (133), not one for each bitmap as well (some 520). */
TEST (glyph_bitmaps_share_blocks)
{
  usage_t use = { 0 };
  page_t p;
  ink__face_t *face = NULL;
  if (!open_serif (&p, &use, &face))
    return;
  enum { GLYPHS = 100 };
  ink__gbitmap_t b;
  CHECK_EQ_INT (ink__glyph_get (p.doc, face, 19.0f, 3, 0, false, &b), INK_OK);  /* the tables */
  size_t before = use.asked;
  for (uint32_t g = 1; g < GLYPHS; g++)
    for (unsigned phase = 0; phase < 4; phase++)
      CHECK_EQ_INT (ink__glyph_get (p.doc, face, 19.0f, 3 + g, phase, false, &b), INK_OK);
  size_t took = use.asked - before;
  fprintf (stderr, "%d glyphs at four phases: %zu blocks\n", GLYPHS - 1, took);
  CHECK (took < 2 * GLYPHS);
  close_doc (&p);
}

/* Glyphs composited over grey that is not all paper: the canvas's grey and class rows drawn
 * by the blocks of 8 and 16 pixels (grey and class planes only) equal the same rows drawn a
 * pixel at a time by over () (with an RGB plane beside them). The grey starts as paper with
 * stripes of other greys, whole blocks and single pixels, so that black text meets blocks
 * wholly white, wholly grey and white but for one pixel. */
static uint8_t
stripe_grey (uint32_t x, uint32_t y)
{
  if ((x / 16 + y) % 5 == 0)
    return (uint8_t) (255 - (x % 7) * 36);   /* a block of greys, some white */
  if ((x * 7 + y * 3) % 53 == 0)
    return 254;                              /* one pixel a shade off paper */
  return 255;
}

TEST (blend_blocks_as_over)
{
  page_t p;
  CHECK (open_doc (&p, "pakistan-china-pact.md", "kiosk-10.3"));
  if (!p.doc) {
    close_doc (&p);
    return;
  }
  uint32_t w = p.w, h = 360;
  size_t n = (size_t) w * h;
  uint8_t *gray[2] = { malloc (n), malloc (n) }, *cls[2] = { malloc (n), malloc (n) };
  uint8_t *rgb = malloc (3 * n);
  ink__rowspan_t *spans = calloc (h, sizeof *spans);
  CHECK (gray[0] && gray[1] && cls[0] && cls[1] && rgb && spans);
  size_t differ = 0, inked = 0;
  for (int32_t y0 = 0; y0 + (int32_t) h <= (int32_t) p.h && gray[0] && rgb && spans;
       y0 += (int32_t) p.h / 3) {
    for (int k = 0; k < 2; k++)
      for (uint32_t y = 0; y < h; y++)
        for (uint32_t x = 0; x < w; x++) {
          gray[k][(size_t) y * w + x] = stripe_grey (x, (uint32_t) y0 + y);
          cls[k][(size_t) y * w + x] = INK_PX_PAPER;
        }
    memset (rgb, 255, 3 * n);
    for (int k = 0; k < 2; k++) {
      memset (spans, 0, h * sizeof *spans);
      ink__canvas_t cv = { 0, y0, w, h, gray[k], cls[k], k ? rgb : NULL, w, w, 3 * (size_t) w,
                           spans };
      CHECK_EQ_INT (ink__raster_canvas (p.doc, 0, false, &cv), INK_OK);
    }
    for (size_t i = 0; i < n; i++) {
      differ += gray[0][i] != gray[1][i] || cls[0][i] != cls[1][i];
      inked += cls[1][i] == INK_PX_TEXT;
    }
  }
  if (differ)
    fprintf (stderr, "blend: %zu pixels differ from over ()\n", differ);
  CHECK_EQ_INT (differ, 0);
  CHECK (inked > 10000);
  free (gray[0]);
  free (gray[1]);
  free (cls[0]);
  free (cls[1]);
  free (rgb);
  free (spans);
  close_doc (&p);
}

int
main (void)
{
  RUN (dither_text_untouched);
  RUN (strips_equal_frame);
  RUN (rotate_quarter_turn);
  RUN (spans_equal_whole_rows);
  RUN (glyph_bitmaps_as_freetype_draws);
  RUN (glyph_cache_grows_with_its_glyphs);
  RUN (glyph_bitmaps_share_blocks);
  RUN (blend_blocks_as_over);
  return test_summary ();
}
