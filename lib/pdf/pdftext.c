/* pdf/pdftext: a glyph run as PDF text. cairo_show_text_glyphs is given the run's characters
 * and its clusters (which characters each group of glyphs shows), so the PDF carries
 * ToUnicode and ActualText that give back the article's characters in logical order, also
 * where shaping joined or reordered them. */
#include "pdf.h"

#ifdef INK_WITH_PDF
#include <hb.h>
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

/* Whether glyph g is a kashida's tatweel: the face's U+0640 glyph where the text has none
 * (the justifier added it). It is drawn as an outline, so that the text copies without it. */
static bool
tatweel_of (const ink__dglyph_t *g, const char *text, size_t len, hb_codepoint_t tatweel)
{
  return tatweel && g->gid == tatweel &&
         !(g->cluster != UINT32_MAX && g->cluster + 1 < len &&
           (uint8_t) text[g->cluster] == 0xD9 && (uint8_t) text[g->cluster + 1] == 0x80);
}

/* Shows the n glyphs g (tatweels left out by the caller) as text that maps back to the
 * run's text. */
static void
show (cairo_t *cr, const ink__dglyph_t *g, size_t n, const char *text, size_t len,
      cairo_glyph_t *gl, cairo_text_cluster_t *cl)
{
  for (size_t i = 0; i < n; i++)
    gl[i] = (cairo_glyph_t) { g[i].gid, g[i].x / 64.0, g[i].y / 64.0 };
  bool backward = falls (g, n);
  size_t nc = clusters (g, n, len, backward, cl);
  if (!nc) {
    cl[0] = (cairo_text_cluster_t) { (int) len, (int) n };
    nc = 1;
  }
  cairo_show_text_glyphs (cr, text, (int) len, gl, (int) n, cl, (int) nc,
                          backward ? CAIRO_TEXT_CLUSTER_FLAG_BACKWARD : 0);
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
  size_t ng = it->ng;
  const char *text = doc->text.s + it->t0;
  ink__dglyph_t *kept = ink__realloc_array (ctx, NULL, 0, ng, sizeof *kept);
  cairo_glyph_t *gl = ink__realloc_array (ctx, NULL, 0, ng, sizeof *gl);
  cairo_text_cluster_t *cl = ink__realloc_array (ctx, NULL, 0, ng, sizeof *cl);
  if (!kept || !gl || !cl) {
    ink__free (ctx, kept, ng * sizeof *kept);
    ink__free (ctx, gl, ng * sizeof *gl);
    ink__free (ctx, cl, ng * sizeof *cl);
    return ink__error (ctx, INK_NO_MEMORY, "out of memory writing a PDF");
  }
  hb_codepoint_t tatweel = 0;
  if (!hb_font_get_nominal_glyph (it->face->hb_font, 0x0640, &tatweel))
    tatweel = 0;
  double v = it->grey / 255.0;
  cairo_set_source_rgb (cr, v, v, v);
  cairo_set_font_face (cr, cf);
  cairo_set_font_size (cr, it->size_px);
  size_t nk = 0, nt = 0;
  for (size_t i = 0; i < ng; i++) {
    const ink__dglyph_t *g = doc->glyphs.v + it->g0 + i;
    if (!tatweel_of (g, text, it->nt, tatweel))
      kept[nk++] = *g;
    else
      gl[nt++] = (cairo_glyph_t) { g->gid, g->x / 64.0, g->y / 64.0 };
  }
  if (nt) {
    cairo_glyph_path (cr, gl, (int) nt);
    cairo_fill (cr);
  }
  if (nk)
    show (cr, kept, nk, text, it->nt, gl, cl);
  ink__free (ctx, kept, ng * sizeof *kept);
  ink__free (ctx, gl, ng * sizeof *gl);
  ink__free (ctx, cl, ng * sizeof *cl);
  return INK_OK;
}
#endif
