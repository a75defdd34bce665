/* pdf/pdf: ink_pdf_write and ink_pdf_write_file: the page loop, pictures, rules, links and
 * the document's metadata. Page size: the template's pixels at its dpi, in points.
 *
 *   ink_pdf_write_file (doc, "article.pdf");
 */
#include "pdf.h"

#include "outfile.h"

#ifdef INK_WITH_PDF
#include <cairo-pdf.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/* The file is held whole until its language goes in (pdflang.c). */
typedef struct {
  ink_context_t *ctx;
  ink__str_t pdf;
  bool oom;
} sink_t;

static cairo_status_t
sink_write (void *closure, const unsigned char *data, unsigned int len)
{
  sink_t *s = closure;
  s->oom = s->oom || !ink__str_append (s->ctx, &s->pdf, (const char *) data, len);
  return s->oom ? CAIRO_STATUS_NO_MEMORY : CAIRO_STATUS_SUCCESS;
}

static void
rule (cairo_t *cr, const ink__item_t *it)
{
  double v = it->grey / 255.0;
  int32_t x0, y0, x1, y1;
  ink__rule_pixels (it, &x0, &y0, &x1, &y1);
  cairo_set_source_rgb (cr, v, v, v);
  cairo_rectangle (cr, x0, y0, x1 - x0, y1 - y0);
  cairo_fill (cr);
}

/* A picture at its own resolution, scaled into its box (as the raster stretches it). Grey
 * pictures go in as RGB with equal channels, which cairo writes as DeviceGray. */
static ink_status_t
picture (cairo_t *cr, const ink_document_t *doc, const ink__item_t *it)
{
  const ink__image_t *img = it->image;
  if (!img || !img->pixels || (img->channels != 1 && img->channels != 3) || !img->width ||
      !img->height || it->w <= 0 || it->h <= 0)
    return INK_OK;
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) img->width,
                                                   (int) img->height);
  if (cairo_surface_status (s) != CAIRO_STATUS_SUCCESS) {
    cairo_surface_destroy (s);
    return ink__error (doc->ctx, INK_NO_MEMORY, "out of memory putting a picture in a PDF");
  }
  cairo_surface_flush (s);
  unsigned char *px = cairo_image_surface_get_data (s);
  int stride = cairo_image_surface_get_stride (s);
  for (uint32_t y = 0; y < img->height; y++) {
    uint32_t *row = (uint32_t *) (px + (size_t) y * (size_t) stride);
    const uint8_t *src = img->pixels + (size_t) y * img->width * img->channels;
    for (uint32_t x = 0; x < img->width; x++, src += img->channels) {
      uint32_t r = src[0], g = img->channels == 3 ? src[1] : r, b = img->channels == 3 ? src[2] : r;
      row[x] = 0xff000000u | r << 16 | g << 8 | b;
    }
  }
  cairo_surface_mark_dirty (s);
  /* The JPEG it was decoded from goes in as it is; cairo owns nothing of it (no destroy). */
  if (img->jpeg)
    cairo_surface_set_mime_data (s, CAIRO_MIME_TYPE_JPEG, img->jpeg, img->jpeg_len, NULL, NULL);
  /* The box on whole pixels, as the raster draws it (raster/image.c), so that its edges
   * are as sharp in the PDF rasterized at the template's resolution. */
  int32_t x0, y0, x1, y1;
  ink__rule_pixels (it, &x0, &y0, &x1, &y1);
  cairo_save (cr);
  cairo_translate (cr, x0, y0);
  cairo_scale (cr, (double) (x1 - x0) / img->width, (double) (y1 - y0) / img->height);
  cairo_set_source_surface (cr, s, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_rectangle (cr, 0, 0, img->width, img->height);
  cairo_fill (cr);
  cairo_restore (cr);
  cairo_surface_destroy (s);
  return INK_OK;
}

/* v (1/64 px) in points with three decimals, written without printf's locale-dependent
 * decimal point, which cairo's attribute parser would not read. */
static bool
pt_value (ink_context_t *ctx, ink__str_t *s, int32_t v, double pt_per_px, double off)
{
  long long m = llround ((v / 64.0 * pt_per_px + off) * 1000.0);
  const char *sign = m < 0 ? "-" : "";
  if (m < 0)
    m = -m;
  return ink__str_printf (ctx, s, "%s%lld.%03lld ", sign, m / 1000, m % 1000);
}

/* A link annotation over link item it: its rectangle in points (cairo takes a link's rect
 * in the surface's units, so it is given with no scale in force), its target quoted as
 * cairo's attribute syntax wants. */
static ink_status_t
link (cairo_t *cr, const ink_document_t *doc, const ink__item_t *it, double pt_per_px,
      double slug)
{
  ink__str_t a = { 0 };
  ink_context_t *ctx = doc->ctx;
  bool ok = ink__str_printf (ctx, &a, "rect=[") && pt_value (ctx, &a, it->x, pt_per_px, slug) &&
            pt_value (ctx, &a, it->y, pt_per_px, slug) && pt_value (ctx, &a, it->w, pt_per_px, 0) &&
            pt_value (ctx, &a, it->h, pt_per_px, 0) && ink__str_printf (ctx, &a, "] uri='");
  for (const char *c = it->href; ok && *c; c++) {
    if (*c == '\'' || *c == '\\')
      ok = ink__str_append (doc->ctx, &a, "\\", 1);
    ok = ok && ink__str_append (doc->ctx, &a, c, 1);
  }
  ok = ok && ink__str_append (doc->ctx, &a, "'", 1);
  if (ok) {
    cairo_save (cr);
    cairo_identity_matrix (cr);
    cairo_tag_begin (cr, CAIRO_TAG_LINK, a.s);
    cairo_tag_end (cr, CAIRO_TAG_LINK);
    cairo_restore (cr);
  }
  ink__str_free (doc->ctx, &a);
  return ok ? INK_OK : ink__error (doc->ctx, INK_NO_MEMORY, "out of memory writing a PDF");
}

/* The glyph runs of line step s in logical order, which differs from the order they are
 * drawn in where directions mix (a content stream in reading order is what text extraction
 * reads from: pdftotext -raw then gives the line's characters as the article has them). */
static ink_status_t
line_runs (cairo_t *cr, ink__pdf_fonts_t *fonts, const ink_document_t *doc, const ink__step_t *s)
{
  ink_status_t st = INK_OK;
  size_t done = 0, prev = 0;   /* runs drawn; the logical start of the last one */
  for (; st == INK_OK; done++) {
    const ink__item_t *pick = NULL;
    for (size_t i = 0; i < s->nown; i++) {
      const ink__item_t *it = &s->own[i];
      if (it->kind == INK_ITEM_GLYPHS && (!done || it->logical > prev) &&
          (!pick || it->logical < pick->logical))
        pick = it;
    }
    if (!pick)
      break;
    st = ink__pdf_run (cr, fonts, doc, pick);
    prev = pick->logical;
  }
  return st;
}

/* Page p on sheet sh: its items in paint order, its links, its crop marks. */
static ink_status_t
page (cairo_t *cr, ink__pdf_fonts_t *fonts, const ink_document_t *doc, size_t p,
      const ink__pdf_sheet_t *sh)
{
  double pt_per_px = 72.0 / doc->dpi;
  ink_status_t st = INK_OK;
  ink_display_iter_t walk;
  ink__step_t s;
  ink__pdf_crop_marks (cr, sh);
  cairo_save (cr);
  cairo_translate (cr, sh->slug, sh->slug);
  cairo_scale (cr, pt_per_px, pt_per_px);
  for (ink_display_begin (doc, p, &walk); st == INK_OK && ink__display_step (&walk, &s);) {
    if (s.kind == INK_DISPLAY_LINE)
      st = line_runs (cr, fonts, doc, &s);
    else if (s.kind == INK_DISPLAY_GLYPH_RUN && !s.line)
      st = ink__pdf_run (cr, fonts, doc, s.item);
    else if (s.kind == INK_DISPLAY_RULE)
      rule (cr, s.item);
    else if (s.kind == INK_DISPLAY_PICTURE)
      st = picture (cr, doc, s.item);
  }
  cairo_restore (cr);
  for (ink_display_begin (doc, p, &walk); st == INK_OK && ink__display_step (&walk, &s);)
    if (s.kind == INK_DISPLAY_LINK)
      st = link (cr, doc, s.item, pt_per_px, sh->slug);
  return st;
}

/* Title, author, the program, and the article's date as the creation date (so that the
 * same article gives the same bytes). */
static void
metadata (cairo_surface_t *surface, const ink_article_t *a)
{
  char creator[64];
  snprintf (creator, sizeof creator, "inkset %s", ink_version_string ());
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
  if (!a)
    return;
  if (a->title)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, a->title);
  if (a->author)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, a->author);
  if (a->deck)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, a->deck);
  /* Without a date, a fixed one rather than today's. */
  const char *date = a->date ? a->date : "2000-01-01";
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, date);
}

static ink_status_t
cairo_failed (ink_context_t *ctx, cairo_status_t cs)
{
  if (cs == CAIRO_STATUS_NO_MEMORY)
    return ink__error (ctx, INK_NO_MEMORY, "out of memory writing a PDF");
  return ink__error (ctx, INK_IO, "pdf: %s", cairo_status_to_string (cs));
}
#endif

/* Documented in include/inkset/inkset-pdf.h. */
ink_status_t
ink_pdf_write (ink_document_t *doc, ink_write_fn fn, void *user)
{
  if (!doc || !fn)
    return INK_INVALID;
#ifdef INK_WITH_PDF
  ink_status_t loaded = ink__cairo_load (doc->ctx);
  if (loaded != INK_OK)
    return loaded;
  sink_t sink = { doc->ctx, { 0 }, false };
  ink__pdf_sheet_t sheet;
  ink__pdf_sheet (doc, &sheet);
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (
    sink_write, &sink, sheet.trim_w + 2 * sheet.slug, sheet.trim_h + 2 * sheet.slug);
  cairo_t *cr = cairo_create (surface);
  ink__pdf_fonts_t fonts = { doc->ctx, { 0 }, { 0 }, false };
  metadata (surface, doc->article);
  ink_status_t st = INK_OK;
  /* One structure element around it all: cairo 1.16 writes link annotations' structure
   * elements only when the structure tree has a root element. */
  cairo_tag_begin (cr, "Document", NULL);
  for (size_t p = 0; p < doc->pages.n && st == INK_OK && cairo_status (cr) == CAIRO_STATUS_SUCCESS; p++) {
    st = page (cr, &fonts, doc, p, &sheet);
    cairo_show_page (cr);
  }
  cairo_tag_end (cr, "Document");
  cairo_status_t cs = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (cs == CAIRO_STATUS_SUCCESS)
    cs = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  ink__pdf_fonts_free (&fonts);
  if (st == INK_OK && (sink.oom || cs != CAIRO_STATUS_SUCCESS))
    st = cairo_failed (doc->ctx, sink.oom ? CAIRO_STATUS_NO_MEMORY : cs);
  if (st == INK_OK && doc->article)
    st = ink__pdf_set_lang (doc->ctx, &sink.pdf, doc->article->lang);
  if (st == INK_OK)
    st = ink__pdf_set_boxes (doc->ctx, &sink.pdf, &sheet);
  if (st == INK_OK)
    st = fn (user, sink.pdf.s, sink.pdf.n);
  ink__str_free (doc->ctx, &sink.pdf);
  return st;
#else
  (void) user;
  return ink__error (doc->ctx, INK_UNSUPPORTED, "this inkset was built without PDF output");
#endif
}

/* Documented in include/inkset/inkset-pdf.h. */
ink_status_t
ink_pdf_write_file (ink_document_t *doc, const char *path)
{
  if (!doc || !path)
    return INK_INVALID;
#ifdef INK_WITH_PDF
  ink__outfile_t of;
  ink_status_t st = ink__outfile_open (doc->ctx, path, &of);
  if (st != INK_OK)
    return st;
  return ink__outfile_close (&of, ink_pdf_write (doc, ink__outfile_write, &of));
#else
  return ink__error (doc->ctx, INK_UNSUPPORTED, "this inkset was built without PDF output");
#endif
}
