/* strips: the memory a banded render needs, against a whole-frame render.
 *
 *   strips ARTICLE [TEMPLATE [STRIP_ROWS]]      (defaults: kiosk-7.5, 16)
 *
 * Lays the article out on the template and draws page 1 in the template's panel format three
 * ways, each in a context of its own so that no glyph cache or layout is shared:
 *   strips  ink_strips_begin/next into one caller buffer of STRIP_ROWS rows;
 *   frame   ink_frame_render into a caller buffer of the whole packed frame;
 *   gray    ink_document_render_gray of the whole page into an 8-bit buffer (what a renderer
 *           without packing or bands would hold);
 *   strips-rom  as strips, with the Latin faces handed over as borrowed memory
 *           (ink_fontset_add_memory), as firmware with fonts in flash does.
 * For each it reports the context's peak (ink_context_memory), the peak of the drawing alone
 * (from a counting allocator, reset after layout), the caller's buffer, and for strips
 * ink_strips_memory. It then checks that the strips put together (both strip runs) are byte for
 * byte the frame.
 * Exit status 0 when they are, 1 on a difference or an error. Uses only <inkset/inkset.h>. */
#include <inkset/inkset.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A realloc-style allocator that counts live bytes and their high-water mark. */
typedef struct {
  size_t current, peak;
} counter_t;

static void *
counting_realloc (void *user, void *ptr, size_t old_size, size_t new_size)
{
  counter_t *c = user;
  if (new_size == 0) {
    free (ptr);
    c->current -= old_size;
    return NULL;
  }
  void *p = realloc (ptr, new_size);
  if (!p)
    return NULL;
  c->current = c->current - old_size + new_size;
  if (c->current > c->peak)
    c->peak = c->current;
  return p;
}

typedef enum { MODE_STRIPS, MODE_FRAME, MODE_GRAY, MODE_ROM, MODE_COUNT } draw_mode;
static const char *const mode_names[] = { "strips", "frame", "gray", "strips-rom" };

/* The faces the bundled templates name for Latin text; MODE_ROM hands them to the fontset as
 * borrowed memory, as firmware with fonts in flash would. */
static const char *const rom_faces[] = {
  "NotoSerif-Regular.ttf", "NotoSerif-Bold.ttf", "NotoSerif-Italic.ttf",
  "NotoSerif-BoldItalic.ttf", "NotoSans-Regular.ttf", "NotoSans-Bold.ttf"
};
#define N_ROM (sizeof rom_faces / sizeof rom_faces[0])

static void *
slurp (const char *dir, const char *name, size_t *len)
{
  char path[4096];
  snprintf (path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen (path, "rb");
  if (!f)
    return NULL;
  void *data = NULL;
  long n;
  if (fseek (f, 0, SEEK_END) == 0 && (n = ftell (f)) > 0 && fseek (f, 0, SEEK_SET) == 0 &&
      (data = malloc ((size_t) n)) && fread (data, 1, (size_t) n, f) != (size_t) n) {
    free (data);
    data = NULL;
  }
  fclose (f);
  *len = data ? (size_t) n : 0;
  return data;
}

typedef struct {
  size_t ctx_peak;        /* ink_context_memory peak over layout and drawing */
  size_t layout_current;  /* live bytes once the page is laid out */
  size_t draw_peak;       /* peak while drawing, above layout_current */
  size_t caller_buffer;   /* bytes the caller gave the library to draw into */
  size_t strips_memory;   /* ink_strips_memory, strips only */
  size_t frame_size;
  uint32_t width, height, bpp;
  uint8_t *frame;         /* the packed frame (strips, frame) or 8-bit page (gray); malloc'd */
} result_t;

static int
fail (const char *what, ink_context_t *ctx, ink_status_t st)
{
  const char *m = ctx ? ink_context_error (ctx) : "";
  fprintf (stderr, "strips: %s: %s\n", what, *m ? m : ink_status_to_string (st));
  return 1;
}

static int
run (draw_mode mode, const char *path, const char *tname, uint32_t strip_rows, result_t *res)
{
  memset (res, 0, sizeof *res);
  counter_t count = { 0, 0 };
  ink_context_t *ctx;
  ink_status_t st = ink_context_create (counting_realloc, &count, &ctx);
  if (st != INK_OK)
    return fail ("context", NULL, st);
  ink_article_t *article = NULL;
  ink_template_t *tpl = NULL;
  ink_fontset_t *fonts = NULL;
  ink_document_t *doc = NULL;
  ink_strips_t *strips = NULL;
  uint8_t *buf = NULL;
  void *rom[N_ROM] = { 0 };
  ink_diag_t diag = { 0 };
  int rc = 0;

  if ((st = ink_article_load (ctx, path, &article, &diag)) != INK_OK) {
    fprintf (stderr, "strips: %s:%u:%u: %s\n", path, diag.line, diag.column, diag.message);
    rc = 1;
    goto done;
  }
  if ((st = ink_template_open (ctx, tname, &tpl, &diag)) != INK_OK) {
    rc = fail (tname, ctx, st);
    goto done;
  }
  if ((st = ink_fontset_create (ctx, NULL, &fonts)) != INK_OK) {
    rc = fail ("fonts", ctx, st);
    goto done;
  }
  for (size_t i = 0; mode == MODE_ROM && i < N_ROM; i++) {
    size_t len;
    if (!(rom[i] = slurp (ink_fontset_dir (fonts), rom_faces[i], &len))) {
      fprintf (stderr, "strips: cannot read %s/%s\n", ink_fontset_dir (fonts), rom_faces[i]);
      rc = 1;
      goto done;
    }
    if ((st = ink_fontset_add_memory (fonts, rom_faces[i], rom[i], len)) != INK_OK) {
      rc = fail (rom_faces[i], ctx, st);
      goto done;
    }
  }
  st = ink_document_layout (ctx, article, tpl, fonts, NULL, &doc);
  if (st != INK_OK && st != INK_OVERFLOW) {
    rc = fail ("layout", ctx, st);
    goto done;
  }

  ink_pixfmt_t fmt;
  memset (&fmt, 0, sizeof fmt);
  fmt.bpp = (uint8_t) ink_template_bpp (tpl);
  ink_dither_t dither = INK_DITHER_FLOYD_STEINBERG;
  if (ink_template_dither (tpl))
    ink_dither_from_name (ink_template_dither (tpl), &dither);
  ink_page_source_t src;
  ink_frame_t frame;
  if ((st = ink_document_frame (doc, 0, &fmt, dither, &src, &frame)) != INK_OK) {
    rc = fail ("frame", ctx, st);
    goto done;
  }
  res->width = frame.width;
  res->height = frame.height;
  res->bpp = fmt.bpp;
  res->frame_size = ink_frame_size (&fmt, frame.width, frame.height);

  /* From here on only the drawing is counted. */
  res->layout_current = count.current;
  count.peak = count.current;

  if (mode == MODE_STRIPS || mode == MODE_ROM) {
    if ((st = ink_strips_begin (ctx, &frame, strip_rows, &strips)) != INK_OK) {
      rc = fail ("strips", ctx, st);
      goto done;
    }
    res->caller_buffer = ink_strips_buffer_size (strips);
    buf = malloc (res->caller_buffer);
    res->frame = calloc (1, res->frame_size);
    if (!buf || !res->frame) {
      rc = fail ("strips", NULL, INK_NO_MEMORY);
      goto done;
    }
    ink_frame_geometry_t geo;
    ink_frame_geometry (&fmt, frame.width, frame.height, &geo);
    size_t at = 0, most = 0;
    for (;;) {
      uint32_t y0, n;
      if ((st = ink_strips_next (strips, buf, res->caller_buffer, &y0, &n)) != INK_OK) {
        rc = fail ("strip", ctx, st);
        goto done;
      }
      if (!n)
        break;
      size_t bytes = (size_t) n * geo.stride * geo.planes;
      if ((size_t) y0 * geo.stride != at || at + bytes > res->frame_size) {
        fprintf (stderr, "strips: strip at row %u out of order\n", y0);
        rc = 1;
        goto done;
      }
      memcpy (res->frame + at, buf, bytes);   /* kept only to compare with the frame */
      at += bytes;
      size_t m = ink_strips_memory (strips);
      most = m > most ? m : most;
    }
    if (at != res->frame_size) {
      fprintf (stderr, "strips: the strips hold %zu bytes, the frame %zu\n", at, res->frame_size);
      rc = 1;
      goto done;
    }
    res->strips_memory = most;
  } else if (mode == MODE_FRAME) {
    res->caller_buffer = res->frame_size;
    res->frame = malloc (res->frame_size);
    if (!res->frame) {
      rc = fail ("frame", NULL, INK_NO_MEMORY);
      goto done;
    }
    if ((st = ink_frame_render (ctx, &frame, res->frame, res->frame_size)) != INK_OK) {
      rc = fail ("frame", ctx, st);
      goto done;
    }
  } else {
    res->caller_buffer = (size_t) frame.width * frame.height;
    res->frame = malloc (res->caller_buffer);
    if (!res->frame) {
      rc = fail ("gray", NULL, INK_NO_MEMORY);
      goto done;
    }
    if ((st = ink_document_render_gray (doc, 0, 0, 0, frame.width, frame.height, res->frame,
                                        frame.width)) != INK_OK) {
      rc = fail ("gray", ctx, st);
      goto done;
    }
  }
  res->draw_peak = count.peak - res->layout_current;
  size_t cur;
  ink_context_memory (ctx, &cur, &res->ctx_peak);

done:
  free (buf);
  ink_strips_end (strips);
  ink_document_destroy (doc);
  ink_fontset_destroy (fonts);
  ink_template_destroy (tpl);
  ink_article_destroy (article);
  ink_context_destroy (ctx);
  for (size_t i = 0; i < N_ROM; i++)
    free (rom[i]);
  if (rc == 0 && count.current != 0) {
    fprintf (stderr, "strips: %zu bytes still held after the context was destroyed\n",
             count.current);
    rc = 1;
  }
  return rc;
}

int
main (int argc, char **argv)
{
  if (argc < 2 || argc > 4) {
    fprintf (stderr, "usage: strips ARTICLE [TEMPLATE [STRIP_ROWS]]\n");
    return 2;
  }
  const char *tname = argc > 2 ? argv[2] : "kiosk-7.5";
  long rows = argc > 3 ? strtol (argv[3], NULL, 10) : 16;
  if (rows < 1 || rows > 100000) {
    fprintf (stderr, "strips: STRIP_ROWS must be 1 to 100000\n");
    return 2;
  }
  result_t r[MODE_COUNT];
  memset (r, 0, sizeof r);
  int rc = 0;
  for (int m = 0; m < MODE_COUNT && rc == 0; m++)
    rc = run ((draw_mode) m, argv[1], tname, (uint32_t) rows, &r[m]);
  if (rc == 0) {
    printf ("page=%ux%u bpp=%u strip_rows=%ld frame_bytes=%zu layout_bytes=%zu\n", r[0].width,
            r[0].height, r[0].bpp, rows, r[0].frame_size, r[0].layout_current);
    for (int m = 0; m < MODE_COUNT; m++)
      printf ("mode=%s ctx_peak=%zu layout_bytes=%zu draw_peak=%zu caller_buffer=%zu "
              "strips_memory=%zu draw_total=%zu\n", mode_names[m], r[m].ctx_peak,
              r[m].layout_current, r[m].draw_peak, r[m].caller_buffer, r[m].strips_memory,
              r[m].draw_peak + r[m].caller_buffer);
    bool same = r[0].frame_size == r[1].frame_size && r[3].frame_size == r[1].frame_size &&
                memcmp (r[0].frame, r[1].frame, r[0].frame_size) == 0 &&
                memcmp (r[3].frame, r[1].frame, r[3].frame_size) == 0;
    printf ("strips_equal_frame=%s\n", same ? "yes" : "no");
    if (!same)
      rc = 1;
  }
  for (int m = 0; m < MODE_COUNT; m++)
    free (r[m].frame);
  return rc;
}
