/* The ABI rules of docs/api.md: the run-time version, structs that grow by struct_size (a
 * caller of an older or a newer version), and the reserved room of structs held by value. */
#include <inkset/inkset.h>

#include "test.h"

/* A struct as a caller built against a later version has it: ours, then fields we lack, all
 * set to fill, with struct_size saying the whole. */
#define LATER(type, name, fill) \
  struct { \
    type now; \
    unsigned char later[24]; \
  } name; \
  memset (&name, fill, sizeof name); \
  name.now.struct_size = sizeof name

static const char story[] = "---\ntitle: A short one\n---\nOne paragraph is enough here.\n";

TEST (version)
{
  unsigned major = 99, minor = 99, micro = 99;
  CHECK_EQ_INT (ink_version (&major, &minor, &micro), INK_VERSION_NUMBER);
  CHECK_EQ_INT (ink_version (NULL, NULL, NULL), INK_VERSION_ENCODE (major, minor, micro));
  CHECK (major == INK_VERSION_MAJOR && minor == INK_VERSION_MINOR && micro == INK_VERSION_MICRO);
  char s[32];
  snprintf (s, sizeof s, "%u.%u.%u", major, minor, micro);
  CHECK_EQ_STR (ink_version_string (), s);
  CHECK (INK_VERSION_ATLEAST (0, 0, 0));
  CHECK (INK_VERSION_ATLEAST (INK_VERSION_MAJOR, INK_VERSION_MINOR, INK_VERSION_MICRO));
  CHECK (!INK_VERSION_ATLEAST (INK_VERSION_MAJOR, INK_VERSION_MINOR, INK_VERSION_MICRO + 1));
  CHECK (!INK_VERSION_ATLEAST (INK_VERSION_MAJOR, INK_VERSION_MINOR + 1, 0));
}

/* Lays the story out with opts; returns the status and frees the document. */
static ink_status_t
layout (ink_context_t *ctx, const ink_layout_options_t *opts, size_t *pages)
{
  ink_article_t *a = NULL;
  ink_template_t *t = NULL;
  ink_fontset_t *fs = NULL;
  ink_document_t *doc = NULL;
  CHECK_EQ_INT (ink_article_parse_markdown (ctx, story, sizeof story - 1, NULL, &a, NULL), INK_OK);
  CHECK_EQ_INT (ink_template_builtin (ctx, "kiosk-7.5", &t), INK_OK);
  CHECK_EQ_INT (ink_fontset_create (ctx, INK_SOURCE_DIR "/fonts", &fs), INK_OK);
  ink_status_t st = ink_document_layout (ctx, a, t, fs, opts, &doc);
  CHECK ((doc != NULL) == (st == INK_OK || st == INK_OVERFLOW));
  *pages = ink_document_page_count (doc);
  ink_document_destroy (doc);
  ink_fontset_destroy (fs);
  ink_template_destroy (t);
  ink_article_destroy (a);
  return st;
}

TEST (struct_size_in)
{
  ink_context_t *ctx;
  CHECK_EQ_INT (ink_context_create (NULL, NULL, &ctx), INK_OK);
  size_t pages;
  ink_layout_options_t now = { .struct_size = sizeof now, .max_pages = 1 };
  CHECK_EQ_INT (layout (ctx, &now, &pages), INK_OK);
  CHECK_EQ_INT (pages, 1);
  CHECK_EQ_INT (layout (ctx, NULL, &pages), INK_OK);
  /* Zeroed, as before struct_size: refused, with a message that says what to set. */
  ink_layout_options_t zero = { .max_pages = 1 };
  CHECK_EQ_INT (layout (ctx, &zero, &pages), INK_INVALID);
  CHECK (strstr (ink_context_error (ctx), "struct_size") != NULL);
  /* A caller of a later version, with fields this library lacks: left zero, they are fine;
   * set, they are refused rather than ignored. */
  LATER (ink_layout_options_t, big, 0);
  big.now.max_pages = 1;
  CHECK_EQ_INT (layout (ctx, &big.now, &pages), INK_OK);
  big.later[20] = 1;
  CHECK_EQ_INT (layout (ctx, &big.now, &pages), INK_UNSUPPORTED);
  ink_context_destroy (ctx);
}

TEST (struct_size_out)
{
  ink_context_t *ctx;
  CHECK_EQ_INT (ink_context_create (NULL, NULL, &ctx), INK_OK);
  const char *path = INK_BINARY_DIR "/test_abi.fb";
  FILE *f = fopen (path, "wb");
  CHECK (f != NULL);
  if (f)
    fclose (f);
  ink_fb_options_t o = { .width = 16, .height = 8 };
  ink_fb_t *fb = NULL;
  ink_status_t st = ink_fb_open (ctx, path, &o, &fb);
  if (st != INK_UNSUPPORTED) {   /* built with INK_WITH_FBDEV */
    CHECK_EQ_INT (st, INK_INVALID);
    CHECK (fb == NULL);
    o.struct_size = sizeof o;
    CHECK_EQ_INT (ink_fb_open (ctx, path, &o, &fb), INK_OK);
    ink_fb_info_t none = { 0 };
    CHECK_EQ_INT (ink_fb_info (fb, &none), INK_INVALID);
    /* A later caller's larger struct: filled as far as this library knows, the rest zeroed. */
    LATER (ink_fb_info_t, big, 0xa5);
    CHECK_EQ_INT (ink_fb_info (fb, &big.now), INK_OK);
    CHECK_EQ_INT (big.now.struct_size, sizeof big);
    CHECK (big.now.width == 16 && big.now.height == 8 && !big.now.is_device);
    int dirty = 0;
    for (size_t i = 0; i < sizeof big.later; i++)
      dirty |= big.later[i];
    CHECK_EQ_INT (dirty, 0);
    ink_fb_close (fb);
  }
  remove (path);
  ink_context_destroy (ctx);
}

static void
white (void *user, int32_t x, int32_t y, uint32_t w, uint32_t h, uint8_t *gray, size_t gs,
       uint8_t *cls, size_t cs, uint8_t *rgb, size_t rs)
{
  (void) user, (void) x, (void) y, (void) rgb, (void) rs;
  for (uint32_t j = 0; j < h; j++) {
    memset (gray + j * gs, 255, w);
    memset (cls + j * cs, INK_CLASS_PAPER, w);
  }
}

TEST (reserved_room)
{
  ink_context_t *ctx;
  CHECK_EQ_INT (ink_context_create (NULL, NULL, &ctx), INK_OK);
  uint8_t out[16 * 8];
  ink_frame_t fr = { .width = 16, .height = 8, .render = white };
  CHECK_EQ_INT (ink_frame_render (ctx, &fr, out, sizeof out), INK_OK);
  CHECK_EQ_INT (out[0], 255);
  /* A format or a frame that sets a field of a later version is refused, never half-honoured. */
  fr.format.reserved[7] = 1;
  CHECK_EQ_INT (ink_pixfmt_check (&fr.format), INK_UNSUPPORTED);
  CHECK_EQ_INT (ink_frame_size (&fr.format, 16, 8), 0);
  CHECK_EQ_INT (ink_frame_render (ctx, &fr, out, sizeof out), INK_UNSUPPORTED);
  fr.format.reserved[7] = 0;
  fr.reserved[0] = &fr;
  CHECK_EQ_INT (ink_frame_render (ctx, &fr, out, sizeof out), INK_UNSUPPORTED);
  ink_strips_t *s = (ink_strips_t *) &fr;
  CHECK_EQ_INT (ink_strips_begin (ctx, &fr, 8, &s), INK_UNSUPPORTED);
  CHECK (s == NULL);
  ink_context_destroy (ctx);
}

int
main (void)
{
  RUN (version);
  RUN (struct_size_in);
  RUN (struct_size_out);
  RUN (reserved_room);
  return test_summary ();
}
