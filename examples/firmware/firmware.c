/* firmware: how a small device renders a page with little RAM.
 *
 * The fonts sit in memory (ROM on a device; here they are read from files first), the
 * article arrives as JSON, and the page goes out to a 1-bit SSD1680-style panel in bands of
 * 16 rows through a 16-row buffer, as a firmware would stream it over SPI. At the end it
 * prints the memory the context used at its peak.
 *
 *   firmware FONTDIR ARTICLE.json OUT.raw
 */
#include <inkset/inkset.h>

#include <stdio.h>
#include <stdlib.h>

static const char *const faces[] = { "NotoSerif-Regular.ttf", "NotoSerif-Bold.ttf",
                                     "NotoSerif-Italic.ttf", "NotoSans-Regular.ttf",
                                     "NotoSans-Bold.ttf" };

static unsigned char *
slurp (const char *path, size_t *len)
{
  FILE *f = fopen (path, "rb");
  if (!f)
    return NULL;
  fseek (f, 0, SEEK_END);
  long n = ftell (f);
  fseek (f, 0, SEEK_SET);
  unsigned char *d = n > 0 ? malloc ((size_t) n) : NULL;
  if (d && fread (d, 1, (size_t) n, f) != (size_t) n) {
    free (d);
    d = NULL;
  }
  fclose (f);
  *len = d ? (size_t) n : 0;
  return d;
}

int
main (int argc, char **argv)
{
  if (argc != 4) {
    fprintf (stderr, "usage: firmware FONTDIR ARTICLE.json OUT.raw\n");
    return 1;
  }
  ink_context_t *ctx;
  if (ink_context_create (NULL, NULL, &ctx) != INK_OK)
    return 1;
  int rc = 1;
  unsigned char *rom[sizeof faces / sizeof *faces] = { 0 };
  unsigned char *json = NULL;
  ink_fontset_t *fonts = NULL;
  ink_template_t *tpl = NULL;
  ink_article_t *article = NULL;
  ink_document_t *doc = NULL;
  ink_strips_t *strips = NULL;
  FILE *out = NULL;

  /* Fonts from memory: the fontset has no directory to look in. */
  if (ink_fontset_create (ctx, argv[1], &fonts) != INK_OK)
    goto done;
  for (size_t i = 0; i < sizeof faces / sizeof *faces; i++) {
    char path[1024];
    size_t len;
    snprintf (path, sizeof path, "%s/%s", argv[1], faces[i]);
    if (!(rom[i] = slurp (path, &len)) || ink_fontset_add_memory (fonts, faces[i], rom[i], len) != INK_OK) {
      fprintf (stderr, "firmware: %s: cannot load\n", path);
      goto done;
    }
  }
  size_t jlen;
  ink_diag_t diag = { 0 };
  if (!(json = slurp (argv[2], &jlen)) ||
      ink_article_parse_json (ctx, (const char *) json, jlen, NULL, &article, &diag) != INK_OK) {
    fprintf (stderr, "firmware: %s:%u:%u: %s\n", argv[2], diag.line, diag.column, diag.message);
    goto done;
  }
  if (ink_template_builtin (ctx, "kiosk-7.5", &tpl) != INK_OK)
    goto done;
  ink_layout_options_t lo = { .struct_size = sizeof lo, .max_pages = 1 };   /* the rest is overflow */
  ink_status_t st = ink_document_layout (ctx, article, tpl, fonts, &lo, &doc);
  if (st != INK_OK && st != INK_OVERFLOW)
    goto done;

  ink_pixfmt_t fmt;
  ink_pixfmt_preset ("ssd1680", &fmt);
  ink_page_source_t src;
  ink_frame_t frame;
  if (ink_document_frame (doc, 0, &fmt, INK_DITHER_BLUE_NOISE, &src, &frame) != INK_OK ||
      ink_strips_begin (ctx, &frame, 16, &strips) != INK_OK)
    goto done;
  unsigned char band[16 * 100];   /* 16 rows of 800 px at 1 bit */
  if (ink_strips_buffer_size (strips) > sizeof band)
    goto done;
  if (!(out = fopen (argv[3], "wb")))
    goto done;
  uint32_t first, rows;
  size_t bytes = 0;
  while (ink_strips_next (strips, band, sizeof band, &first, &rows) == INK_OK && rows) {
    /* A device would send these rows to the panel's RAM here. */
    size_t n = ink_strips_buffer_size (strips) / 16 * rows;
    bytes += fwrite (band, 1, n, out);
  }
  size_t peak;
  ink_context_memory (ctx, NULL, &peak);
  size_t ob, oc;
  ink_document_overflow (doc, &ob, &oc);
  printf ("firmware: %zu bytes to the panel in 16-row bands; strips used %zu bytes; "
          "context peak %zu bytes; %zu characters did not fit\n",
          bytes, ink_strips_memory (strips), peak, oc);
  rc = bytes == (size_t) 800 / 8 * 480 ? 0 : 1;

done:
  if (out)
    fclose (out);
  ink_strips_end (strips);
  ink_document_destroy (doc);
  ink_article_destroy (article);
  ink_template_destroy (tpl);
  ink_fontset_destroy (fonts);
  for (size_t i = 0; i < sizeof faces / sizeof *faces; i++)
    free (rom[i]);
  free (json);
  ink_context_destroy (ctx);
  return rc;
}
