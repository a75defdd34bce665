/* pdf/pdftext: a glyph run as PDF text. cairo_show_text_glyphs is given the run's characters
 * and its clusters (which characters each group of glyphs shows), so the PDF carries
 * ToUnicode and ActualText that give back the article's characters in logical order, also
 * where shaping joined or reordered them. */
#include "pdf.h"

#ifdef INK_WITH_PDF
#include <stdlib.h>

/* Where the characters of glyph g begin in the run's text: its own cluster, or for a glyph
 * the line added (a hyphen) that of the glyph before it in logical order. */
static uint32_t
start_of (const ink__dglyph_t *g, size_t n, size_t k, bool backward)
{
  for (size_t j = k;; j = backward ? j + 1 : j - 1) {
    if (g[j].cluster != UINT32_MAX)
      return g[j].cluster;
    if ((backward && j + 1 >= n) || (!backward && j == 0))
      return UINT32_MAX;
  }
}

/* Fills cl (n entries) with the clusters of the run's glyphs g over len bytes of text;
 * returns how many, or 0 when the glyphs' clusters do not run one way (then the caller
 * maps the whole run as one cluster). */
static size_t
clusters (const ink__dglyph_t *g, size_t n, size_t len, bool backward, cairo_text_cluster_t *cl)
{
  size_t nc = 0;
  uint32_t prev = 0;
  for (size_t i = 0; i < n; i++) {
    size_t k = backward ? n - 1 - i : i;   /* glyphs in logical order */
    uint32_t s = start_of (g, n, k, backward);
    if (s == UINT32_MAX)
      s = 0;
    if (nc && s == prev) {
      cl[nc - 1].num_glyphs++;
      continue;
    }
    if (s < prev || s > len)
      return 0;
    if (nc)
      cl[nc - 1].num_bytes = (int) (s - prev);
    else
      s = 0;                               /* the first cluster takes what comes before it */
    cl[nc++] = (cairo_text_cluster_t) { 0, 1 };
    prev = s;
  }
  if (nc)
    cl[nc - 1].num_bytes = (int) (len - prev);
  return nc;
}

/* Whether the run's glyphs go against the text (right-to-left): their clusters fall. */
static bool
falls (const ink__dglyph_t *g, size_t n)
{
  uint32_t first = UINT32_MAX, last = UINT32_MAX;
  for (size_t i = 0; i < n; i++)
    if (g[i].cluster != UINT32_MAX) {
      if (first == UINT32_MAX)
        first = g[i].cluster;
      last = g[i].cluster;
    }
  return first != UINT32_MAX && last < first;
}

ink_status_t
ink__pdf_run (cairo_t *cr, ink__pdf_fonts_t *fonts, const ink_document_t *doc,
              const ink__item_t *it)
{
  if (!it->ng)
    return INK_OK;
  ink_status_t st;
  cairo_font_face_t *cf = ink__pdf_font (fonts, it->face, &st);
  if (!cf)
    return st;
  ink_context_t *ctx = doc->ctx;
  const ink__dglyph_t *g = doc->glyphs.v + it->g0;
  cairo_glyph_t *gl = ink__realloc_array (ctx, NULL, 0, it->ng, sizeof *gl);
  cairo_text_cluster_t *cl = ink__realloc_array (ctx, NULL, 0, it->ng, sizeof *cl);
  if (!gl || !cl) {
    ink__free (ctx, gl, it->ng * sizeof *gl);
    ink__free (ctx, cl, it->ng * sizeof *cl);
    return ink__error (ctx, INK_NO_MEMORY, "out of memory writing a PDF");
  }
  for (size_t i = 0; i < it->ng; i++)
    gl[i] = (cairo_glyph_t) { g[i].gid, g[i].x / 64.0, g[i].y / 64.0 };
  bool backward = falls (g, it->ng);
  size_t nc = clusters (g, it->ng, it->nt, backward, cl);
  if (!nc) {
    cl[0] = (cairo_text_cluster_t) { (int) it->nt, (int) it->ng };
    nc = 1;
  }
  double v = it->grey / 255.0;
  cairo_set_source_rgb (cr, v, v, v);
  cairo_set_font_face (cr, cf);
  cairo_set_font_size (cr, it->size_px);
  cairo_show_text_glyphs (cr, doc->text.s + it->t0, (int) it->nt, gl, (int) it->ng, cl, (int) nc,
                          backward ? CAIRO_TEXT_CLUSTER_FLAG_BACKWARD : 0);
  ink__free (ctx, gl, it->ng * sizeof *gl);
  ink__free (ctx, cl, it->ng * sizeof *cl);
  return INK_OK;
}
#endif
