/* minimal: an article from a string, laid out on a built-in template, page 1 rendered to a
 * PNG in memory and written to a file. Build it against an installed inkset (README).
 *
 *   minimal OUT.png
 */
#include <inkset/inkset.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct { unsigned char *data; size_t len; } buffer_t;

static ink_status_t
append (void *user, const void *data, size_t len)
{
  buffer_t *b = user;
  unsigned char *grown = realloc (b->data, b->len + len);
  if (!grown)
    return INK_IO;
  memcpy (grown + b->len, data, len);
  b->data = grown;
  b->len += len;
  return INK_OK;
}

int
main (int argc, char **argv)
{
  static const char story[] = "---\ntitle: Harbour reopens after the storm\nauthor: A. Writer\n"
                              "---\nThe harbour opened again on Monday, three days after the "
                              "storm closed it. Ferries run on the winter timetable.\n";
  ink_context_t *ctx = NULL;
  ink_article_t *article = NULL;
  ink_template_t *tpl = NULL;
  ink_fontset_t *fonts = NULL;
  ink_document_t *doc = NULL;
  ink_page_source_t src;
  ink_frame_t frame;
  ink_pixfmt_t fmt = { .bpp = 4 };
  buffer_t png = { 0 };
  int ok = argc == 2 && ink_context_create (NULL, NULL, &ctx) == INK_OK
           && ink_article_parse_markdown (ctx, story, strlen (story), ".", &article, NULL) == INK_OK
           && ink_template_builtin (ctx, "kiosk-7.5", &tpl) == INK_OK
           && ink_fontset_create (ctx, NULL, &fonts) == INK_OK
           && ink_document_layout (ctx, article, tpl, fonts, NULL, &doc) == INK_OK
           && ink_document_frame (doc, 0, &fmt, INK_DITHER_FLOYD_STEINBERG, &src, &frame) == INK_OK
           && ink_png_render (ctx, append, &png, &frame, 0) == INK_OK
           && ink_file_write (ctx, argv[1], png.data, png.len) == INK_OK;
  if (!ok)
    fprintf (stderr, "minimal: %s\n", ctx ? ink_context_error (ctx) : "usage: minimal OUT.png");
  else
    printf ("minimal: %s: %zu bytes of PNG\n", argv[1], png.len);
  free (png.data);
  ink_document_destroy (doc);
  ink_fontset_destroy (fonts);
  ink_template_destroy (tpl);
  ink_article_destroy (article);
  ink_context_destroy (ctx);
  return ok ? 0 : 1;
}
