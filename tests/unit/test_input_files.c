/* Input files a document names: pictures and template fonts are read only from regular files
 * inside their folder once links are resolved (a link out, a linked folder, a FIFO, a link
 * to /dev/zero, an absolute path or ".." are all refused with one message), a picture named
 * many times is decoded once and memory stays bounded, and a large progressive JPEG within
 * the limits decodes. Big pictures are made here, at test time. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdio.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <jpeglib.h>
#include <png.h>

#include "article.h"
#include "test.h"
#include "text.h"

#include <inkset/inkset-document.h>

#define WORK INK_BINARY_DIR "/input-files"
#define NOT_ALLOWED "not allowed (outside the article's folder or not a regular file)"

static void
sh (const char *cmd)
{
  if (system (cmd) != 0)
    fprintf (stderr, "command failed: %s\n", cmd);
}

/* A grey PNG of w x h with a few bands, so that it compresses to little. */
static bool
write_png (const char *path, uint32_t w, uint32_t h)
{
  uint8_t *px = malloc ((size_t) w * h);
  if (!px)
    return false;
  for (uint32_t y = 0; y < h; y++)
    memset (px + (size_t) y * w, (y / 64) % 2 ? 40 : 220, w);
  png_image pi;
  memset (&pi, 0, sizeof pi);
  pi.version = PNG_IMAGE_VERSION;
  pi.width = w;
  pi.height = h;
  pi.format = PNG_FORMAT_GRAY;
  bool ok = png_image_write_to_file (&pi, path, 0, px, (png_int_32) w, NULL) != 0;
  free (px);
  return ok;
}

static ink_status_t
parse (ink_context_t *ctx, const char *md, const char *dir, ink_article_t **a, ink_diag_t *d)
{
  memset (d, 0, sizeof *d);
  *a = NULL;
  return ink_article_parse_markdown (ctx, md, strlen (md), dir, a, d);
}

/* One figure naming path in the folder WORK/art: the status and the message. */
static ink_status_t
one_figure (const char *path, char *msg, size_t room)
{
  ink_context_t *ctx;
  ink_context_create (NULL, NULL, &ctx);
  char md[512];
  snprintf (md, sizeof md, "---\ntitle: T\n---\n\n![c](%s)\n", path);
  ink_article_t *a;
  ink_diag_t d;
  ink_status_t st = parse (ctx, md, WORK "/art", &a, &d);
  snprintf (msg, room, "%u:%u: %s", d.line, d.column, d.message);
  ink_article_destroy (a);
  ink_context_destroy (ctx);
  return st;
}

static void
make_folders (void)
{
  sh ("rm -rf '" WORK "' && mkdir -p '" WORK "/art/sub' '" WORK "/outside'");
  CHECK (write_png (WORK "/outside/x.png", 64, 48));
  CHECK (write_png (WORK "/art/sub/in.png", 64, 48));
  CHECK (symlink ("../outside/x.png", WORK "/art/link.png") == 0);
  CHECK (symlink ("../outside", WORK "/art/linkdir") == 0);
  CHECK (symlink ("../outside/missing.png", WORK "/art/dangling.png") == 0);
  CHECK (symlink ("/dev/zero", WORK "/art/zero.png") == 0);
  CHECK (symlink (WORK "/art/sub/in.png", WORK "/art/absolute.png") == 0);
  CHECK (symlink ("sub/in.png", WORK "/art/inside.png") == 0);
  CHECK (symlink ("../sub/in.png", WORK "/art/sub/up.png") == 0);
  CHECK (mkfifo (WORK "/art/fifo.png", 0600) == 0);
}

TEST (pictures_stay_in_their_folder)
{
  make_folders ();
  static const char *const refused[] = {
    "link.png", "linkdir/x.png", "dangling.png", "linkdir/missing.png", "zero.png",
    "absolute.png", "fifo.png", "../outside/x.png", "sub/../../outside/x.png",
    WORK "/outside/x.png", "sub", ".", "sub/..",
  };
  char msg[256], want[256];
  for (size_t i = 0; i < sizeof refused / sizeof *refused; i++) {
    CHECK_EQ_INT (one_figure (refused[i], msg, sizeof msg), INK_INVALID);
    snprintf (want, sizeof want, "5:1: image \"%s\": " NOT_ALLOWED, refused[i]);
    CHECK_EQ_STR (msg, want);
  }
  static const char *const allowed[] = { "sub/in.png", "inside.png", "sub/up.png",
                                         "sub/../sub/./in.png", "./sub//in.png" };
  for (size_t i = 0; i < sizeof allowed / sizeof *allowed; i++)
    CHECK_EQ_INT (one_figure (allowed[i], msg, sizeof msg), INK_OK);
  CHECK_EQ_INT (one_figure ("sub/nothing.png", msg, sizeof msg), INK_IO);
  CHECK_EQ_STR (msg, "5:1: image \"sub/nothing.png\": no such file");
  /* The walk itself, and a path the embedder names: never a device or a FIFO. */
  ink__file_t f;
  CHECK_EQ_INT (ink__open_beneath (WORK "/art", "zero.png", &f), INK_INVALID);
  CHECK_EQ_INT (ink__open_regular ("/dev/zero", &f), INK_INVALID);
  CHECK_EQ_INT (ink__open_regular (WORK "/art/fifo.png", &f), INK_INVALID);
  CHECK_EQ_INT (ink__open_regular (WORK "/art/inside.png", &f), INK_OK);
  ink__file_close (&f);
}

TEST (template_fonts_stay_in_the_font_directory)
{
  ink_context_t *ctx;
  ink_context_create (NULL, NULL, &ctx);
  ink_fontset_t *fs;
  CHECK_EQ_INT (ink_fontset_create (ctx, INK_SOURCE_DIR "/fonts", &fs), INK_OK);
  ink__face_t *face;
  static const char *const refused[] = {
    INK_SOURCE_DIR "/fonts/NotoSerif-Regular.ttf", "../fonts/NotoSerif-Regular.ttf",
    "tools/../../fonts/NotoSans-Bold.ttf", "/dev/zero",
  };
  char want[512];
  for (size_t i = 0; i < sizeof refused / sizeof *refused; i++) {
    CHECK_EQ_INT (ink__fontset_face (fs, refused[i], &face), INK_FONT);
    snprintf (want, sizeof want,
              "%s: not allowed (outside the font directory or not a regular file)", refused[i]);
    CHECK_EQ_STR (ink_context_error (ctx), want);
  }
  CHECK_EQ_INT (ink__fontset_face (fs, "NotoSerif-Regular.ttf", &face), INK_OK);
  /* The caller may allow paths anywhere, for templates it trusts. */
  CHECK_EQ_INT (ink_fontset_set_paths (fs, INK_FONT_PATHS_ANYWHERE), INK_OK);
  CHECK_EQ_INT (ink__fontset_face (fs, refused[0], &face), INK_OK);
  CHECK_EQ_INT (ink__fontset_face (fs, refused[1], &face), INK_OK);
  CHECK_EQ_INT (ink__fontset_face (fs, "/dev/zero", &face), INK_FONT);
  CHECK_EQ_STR (ink_context_error (ctx), "/dev/zero: not allowed (not a regular file)");
  CHECK_EQ_INT (ink_fontset_set_paths (fs, (ink_font_paths_t) 7), INK_INVALID);
  /* A file the caller names must be a regular file too: a FIFO does not hang. */
  CHECK_EQ_INT (ink_fontset_add_file (fs, "fifo.ttf", WORK "/art/fifo.png"), INK_FONT);
  ink_fontset_destroy (fs);
  ink_context_destroy (ctx);
}

/* Lays the article out with the kiosk template and draws every page; the context's peak. */
static size_t
layout_and_draw (ink_context_t *ctx, ink_article_t *a, size_t *pages)
{
  ink_template_t *tpl = NULL;
  ink_fontset_t *fs = NULL;
  ink_document_t *doc = NULL;
  *pages = 0;
  CHECK_EQ_INT (ink_template_builtin (ctx, "kiosk-10.3", &tpl), INK_OK);
  CHECK_EQ_INT (ink_fontset_create (ctx, INK_SOURCE_DIR "/fonts", &fs), INK_OK);
  ink_status_t st = ink_document_layout (ctx, a, tpl, fs, NULL, &doc);
  CHECK (st == INK_OK || st == INK_OVERFLOW);
  if (doc) {
    uint32_t w, h;
    ink_document_page_size (doc, &w, &h);
    uint8_t *gray = malloc ((size_t) w * h);
    *pages = ink_document_page_count (doc);
    for (size_t p = 0; p < *pages && gray; p++)
      CHECK_EQ_INT (ink_document_render_gray (doc, p, 0, 0, w, h, gray, w), INK_OK);
    free (gray);
  }
  size_t peak;
  ink_context_memory (ctx, NULL, &peak);
  ink_document_destroy (doc);
  ink_fontset_destroy (fs);
  ink_template_destroy (tpl);
  return peak;
}

static char *
figures (size_t n, size_t files)
{
  size_t room = 64 + n * 48;
  char *md = malloc (room);
  size_t len = (size_t) snprintf (md, room, "---\ntitle: Pictures\n---\n\n");
  for (size_t i = 0; i < n; i++)
    len += (size_t) snprintf (md + len, room - len, "![Figure %zu](p%zu.png)\n\n", i, i % files);
  return md;
}

typedef struct {
  size_t pages, peak, picture_bytes;
  bool shared;   /* figures naming the same file show the same decoded picture */
} run_t;

/* n figures naming p0.png ... in dir in turn, laid out and drawn on a fresh context. */
static run_t
run_figures (const char *dir, size_t n, size_t files, const char *what)
{
  run_t r = { 0 };
  ink_context_t *ctx;
  ink_context_create (NULL, NULL, &ctx);
  char *md = figures (n, files);
  ink_article_t *a;
  ink_diag_t d;
  clock_t t0 = clock ();
  CHECK_EQ_INT (parse (ctx, md, dir, &a, &d), INK_OK);
  if (a) {
    r.picture_bytes = a->picture_bytes;
    r.shared = a->nblocks == n;
    for (size_t i = files; i < a->nblocks; i++)
      r.shared = r.shared && a->blocks[i].image == a->blocks[i - files].image;
    r.peak = layout_and_draw (ctx, a, &r.pages);
    printf ("%s: %zu pages, peak %zu MB, %.1f s\n", what, r.pages, r.peak >> 20,
            (double) (clock () - t0) / CLOCKS_PER_SEC);
  }
  ink_article_destroy (a);
  free (md);
  ink_context_destroy (ctx);
  return r;
}

/* One 127 KB PNG of 20000 x 2097 named 64 times used to take 7.9 GB: each figure decoded it. */
TEST (same_picture_64_times)
{
  sh ("mkdir -p '" WORK "/big'");
  CHECK (write_png (WORK "/big/p0.png", 20000, 2097));
  run_t r = run_figures (WORK "/big", 64, 1, "64 figures of one 20000x2097 picture");
  size_t decoded = (size_t) 20000 * 2097;
  CHECK_EQ_INT (r.picture_bytes, decoded);
  CHECK (r.shared);
  CHECK (r.pages > 1);
  CHECK (r.peak < decoded + (48u << 20));
}

/* 2000 figures of 40 small files, drawn on every page: memory stays that of 40 pictures. */
TEST (many_small_figures)
{
  sh ("mkdir -p '" WORK "/small'");
  char path[512];
  for (int i = 0; i < 40; i++) {
    snprintf (path, sizeof path, WORK "/small/p%d.png", i);
    CHECK (write_png (path, 300 + (uint32_t) i, 200));
  }
  run_t r = run_figures (WORK "/small", 2000, 40, "2000 figures of 40 small pictures");
  CHECK (r.picture_bytes < (size_t) 40 * 340 * 200);
  CHECK (r.shared);
  CHECK (r.pages > 100);
  CHECK (r.peak < (64u << 20));
}

typedef struct {
  struct jpeg_error_mgr mgr;
  jmp_buf jump;
} jerr_t;

static void
jfail (j_common_ptr c)
{
  longjmp (((jerr_t *) c->err)->jump, 1);
}

/* A progressive colour JPEG of w x h in memory (malloc'd), made with libjpeg. */
static unsigned char *
progressive_jpeg (uint32_t w, uint32_t h, unsigned long *len)
{
  struct jpeg_compress_struct c;
  jerr_t err;
  unsigned char *volatile out = NULL;
  unsigned char *row = malloc ((size_t) w * 3);
  c.err = jpeg_std_error (&err.mgr);
  err.mgr.error_exit = jfail;
  if (setjmp (err.jump)) {
    jpeg_destroy_compress (&c);
    free (row);
    free (out);
    return NULL;
  }
  jpeg_create_compress (&c);
  unsigned char *buf = NULL;
  *len = 0;
  jpeg_mem_dest (&c, &buf, len);
  c.image_width = w;
  c.image_height = h;
  c.input_components = 3;
  c.in_color_space = JCS_RGB;
  jpeg_set_defaults (&c);
  jpeg_set_quality (&c, 50, TRUE);
  jpeg_simple_progression (&c);
  jpeg_start_compress (&c, TRUE);
  for (uint32_t y = 0; y < h; y++) {
    for (uint32_t x = 0; x < w; x++) {
      row[x * 3] = (unsigned char) (x / 24);
      row[x * 3 + 1] = (unsigned char) (y / 16);
      row[x * 3 + 2] = 128;
    }
    JSAMPROW r = row;
    jpeg_write_scanlines (&c, &r, 1);
  }
  jpeg_finish_compress (&c);
  jpeg_destroy_compress (&c);
  free (row);
  return buf;
}

/* A 6000 x 4000 progressive JPEG used to fail with "Backing store not supported". */
TEST (progressive_jpeg_decodes)
{
  unsigned long len;
  unsigned char *jpg = progressive_jpeg (6000, 4000, &len);
  CHECK (jpg != NULL);
  if (!jpg)
    return;
  ink_context_t *ctx;
  ink_context_create (NULL, NULL, &ctx);
  ink__image_t *img = NULL;
  ink_diag_t d = { 0 };
  CHECK_EQ_INT (ink__image_decode (ctx, jpg, len, &img, &d), INK_OK);
  if (img) {
    CHECK_EQ_INT (img->width, 6000);
    CHECK_EQ_INT (img->height, 4000);
    CHECK_EQ_INT (img->channels, 3);
    /* The middle pixel is near what was written: x / 24, y / 16, 128. */
    const uint8_t *p = img->pixels + ((size_t) 2000 * 6000 + 3000) * 3;
    CHECK (abs (p[0] - 125) < 12 && abs (p[1] - 125) < 12 && abs (p[2] - 128) < 12);
  } else {
    fprintf (stderr, "%s\n", d.message);
  }
  ink__image_destroy (ctx, img);
  ink_context_destroy (ctx);
  free (jpg);
}

int
main (void)
{
  alarm (600);   /* a FIFO that blocked an open would otherwise hang the test */
  RUN (pictures_stay_in_their_folder);
  RUN (template_fonts_stay_in_the_font_directory);
  RUN (same_picture_64_times);
  RUN (many_small_figures);
  RUN (progressive_jpeg_decodes);
  return test_summary ();
}
