/* pdf/pdftext: a glyph run as PDF text. cairo_show_text_glyphs is given the run's characters
 * and its clusters (which characters each group of glyphs shows), so the PDF carries
 * ToUnicode and ActualText that give back the article's characters in logical order, also
 * where shaping joined or reordered them. */
#include "pdf.h"

#include "raster.h"

#ifdef INK_WITH_PDF
#include <hb-ot.h>
#include <hb.h>
#include <string.h>
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

/* Glyph g where the raster's pen puts it (raster/pen.c: the quarter pixel across, the whole
 * pixel down), a sixteenth of a pixel into that cell: a rasterizer that takes a glyph to the
 * cell its origin falls in (poppler floors) and one that takes it to the nearest (MuPDF)
 * then both draw it on the raster's cell, although the content stream rounds positions.
 * Only glyphs on the run's baseline base go down to the raster's row; a glyph raised or
 * lowered from it (a mark, a step of Nastaliq's cascade) keeps its own height, since text
 * extraction tells glyphs apart by their steps, which rounding would close up. */
static cairo_glyph_t
on_pen (const ink__dglyph_t *g, int32_t base)
{
  ink__pen_t pen;
  ink__glyph_pen (g, false, &pen);
  double y = g->y == base ? pen.py + 1 / 16.0 : g->y / 64.0;
  return (cairo_glyph_t) { g->gid, pen.px + pen.phase / 4.0 + 1 / 16.0, y };
}

/* The run's baseline: the height most of its n glyphs g stand at. */
static int32_t
baseline (const ink__dglyph_t *g, size_t n)
{
  int32_t best = n ? g[0].y : 0;
  size_t most = 0;
  for (size_t i = 0; i < n && most <= (n - i); i++) {
    size_t k = 0;
    for (size_t j = i; j < n; j++)
      k += g[j].y == g[i].y;
    if (k > most) {
      most = k;
      best = g[i].y;
    }
  }
  return best;
}

/* Whether code point c is a combining mark (Arabic harakat, Hebrew points, ...). */
static bool
mark_char (uint32_t c)
{
  hb_unicode_general_category_t k = hb_unicode_general_category (hb_unicode_funcs_get_default (), c);
  return k == HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK ||
         k == HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK ||
         k == HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK;
}

/* Splits right-to-left cluster c (its text at t, its glyphs the last c.num_glyphs of vis,
 * in drawing order) into one cluster per glyph, written to out, when its glyphs and its
 * characters are as many and are marks in the same places (a letter and its harakat):
 * each mark then maps to its own character and text extraction, which gives every glyph
 * drawn right to left its own word, keeps the letter before its marks. Returns how many
 * clusters it wrote, or 0 to leave c whole. */
static size_t
split_marks (hb_face_t *face, cairo_text_cluster_t c, const char *t, const ink__dglyph_t *vis,
             cairo_text_cluster_t *out)
{
  size_t ng = (size_t) c.num_glyphs, pos = 0, k = 0;
  if (ng < 2)
    return 0;
  for (; k < ng; k++) {
    size_t at = pos;
    uint32_t cp;
    if (!ink__utf8_next (t, (size_t) c.num_bytes, &pos, &cp))
      return 0;
    /* Logical order is drawing order backwards. */
    bool mark_glyph = hb_ot_layout_get_glyph_class (face, vis[ng - 1 - k].gid) ==
                      HB_OT_LAYOUT_GLYPH_CLASS_MARK;
    if (mark_glyph != mark_char (cp))
      return 0;
    out[k] = (cairo_text_cluster_t) { (int) (pos - at), 1 };
  }
  return pos == (size_t) c.num_bytes ? k : 0;
}

/* Splits the clusters cl[0..nc) of a right-to-left run (logical order) with split_marks into
 * out; returns how many clusters out holds (at most n, the run's glyph count). */
static size_t
split_run (hb_face_t *face, const cairo_text_cluster_t *cl, size_t nc, const char *text,
           const ink__dglyph_t *g, size_t n, cairo_text_cluster_t *out)
{
  size_t no = 0, at = 0, end = n;   /* text consumed; the glyphs not yet taken, from the end */
  for (size_t i = 0; i < nc; i++) {
    size_t got = split_marks (face, cl[i], text + at, g + end - (size_t) cl[i].num_glyphs, out + no);
    if (!got)
      out[no++] = cl[i];
    no += got;
    at += (size_t) cl[i].num_bytes;
    end -= (size_t) cl[i].num_glyphs;
  }
  return no;
}

/* How much larger every other right-to-left cluster is drawn (show_apart). */
#define NUDGE (1.0 / 65536)

/* Shows one right-to-left cluster c (its text at t, its glyphs gl) at the size after the
 * one the last cluster was shown at. */
static void
show_one (cairo_t *cr, ink__pdf_fonts_t *fonts, double size, const char *t,
          const cairo_glyph_t *gl, cairo_text_cluster_t c)
{
  fonts->nudged = !fonts->nudged;
  cairo_set_font_size (cr, fonts->nudged ? size * (1 + NUDGE) : size);
  cairo_show_text_glyphs (cr, t, c.num_bytes, gl, c.num_glyphs, &c, 1,
                          CAIRO_TEXT_CLUSTER_FLAG_BACKWARD);
}

#define TRACE (1.0 / 1024)  /* the size a ligature's other characters are drawn at, in ems */
#define TRACE_STEP 0.125    /* and how far apart they stand, in ems of the run's size */

/* Shows a right-to-left ligature, one glyph g for the several characters at t (lam, lam and
 * heh of "allah"), one character at a time: the ligature glyph for the first, then for each
 * of the others the face's own glyph for it, drawn at a size too small to mark the page
 * (TRACE), a little further on. poppler sets one glyph's several right-to-left characters
 * in the order it reads words backwards, and its raw text then gives them back turned
 * around ("هلل" for "لله"); MuPDF reads a glyph's characters only from the font's map, not
 * from the ActualText cairo writes when one glyph stands for other characters elsewhere.
 * Each character on a glyph of its own is read in the content stream's order, which is
 * logical, by both. Returns false when the face lacks a glyph for one of the characters or
 * the text has fewer than two (then the caller shows the cluster whole). */
static bool
show_ligature (cairo_t *cr, ink__pdf_fonts_t *fonts, double size, const char *t, size_t len,
               cairo_glyph_t g, hb_font_t *font)
{
  size_t first = 0, at;
  uint32_t cp;
  hb_codepoint_t gid;
  if (!ink__utf8_next (t, len, &first, &cp) || first >= len)
    return false;
  for (at = first; at < len;)
    if (!ink__utf8_next (t, len, &at, &cp) || !hb_font_get_nominal_glyph (font, cp, &gid))
      return false;
  show_one (cr, fonts, size, t, &g, (cairo_text_cluster_t) { (int) first, 1 });
  cairo_glyph_t tiny = g;
  for (size_t next = at = first; at < len; at = next) {
    ink__utf8_next (t, len, &next, &cp);
    hb_font_get_nominal_glyph (font, cp, &gid);
    tiny.index = gid;
    tiny.x += size * TRACE_STEP;
    show_one (cr, fonts, size * TRACE, t + at, &tiny, (cairo_text_cluster_t) { (int) (next - at), 1 });
  }
  return true;
}

/* Shows the clusters cl[0..nc) of a right-to-left run (logical order; its n glyphs gl in
 * drawing order) one at a time, each at a font size other than the one before it: the run's
 * size and one larger by NUDGE in turn, the turn carried from run to run. poppler's text
 * extraction joins characters into a word only at one font size (it compares sizes
 * exactly), and takes a word's characters for visual order, turning them around; where two
 * clusters drawn right to left stood closer than a fifth of the font size (a Nastaliq tooth
 * beside a narrow letter, an alef and its tanween, a gaf whose two glyphs stand at one
 * place) it joined them and gave them back swapped. Apart, every cluster is a word of its
 * own, and the words come in the content stream's order, which is logical. NUDGE moves the
 * edge of a 100 px glyph by under two thousandths of a pixel; the text is the same. A
 * ligature's characters are shown apart too (show_ligature). */
static void
show_apart (cairo_t *cr, ink__pdf_fonts_t *fonts, double size, const char *text,
            const cairo_glyph_t *gl, size_t n, const cairo_text_cluster_t *cl, size_t nc,
            hb_font_t *font)
{
  size_t at = 0, end = n;   /* text shown; the glyphs not yet shown, from the end */
  for (size_t i = 0; i < nc; i++) {
    end -= (size_t) cl[i].num_glyphs;
    if (cl[i].num_glyphs != 1 ||
        !show_ligature (cr, fonts, size, text + at, (size_t) cl[i].num_bytes, gl[end], font))
      show_one (cr, fonts, size, text + at, gl + end, cl[i]);
    at += (size_t) cl[i].num_bytes;
  }
  cairo_set_font_size (cr, size);
}

/* Shows the n glyphs g of run it (tatweels left out by the caller) as text that maps back
 * to the run's text. */
static void
show (cairo_t *cr, ink__pdf_fonts_t *fonts, const ink__item_t *it, const char *text,
      const ink__dglyph_t *g, size_t n, int32_t base, cairo_glyph_t *gl, cairo_text_cluster_t *cl)
{
  for (size_t i = 0; i < n; i++)
    gl[i] = on_pen (&g[i], base);
  size_t len = it->nt;
  bool backward = falls (g, n);
  size_t nc = clusters (g, n, len, backward, cl + n);
  if (!nc) {
    cl[0] = (cairo_text_cluster_t) { (int) len, (int) n };
    nc = 1;
  } else if (backward) {
    nc = split_run (hb_font_get_face (it->face->hb_font), cl + n, nc, text, g, n, cl);
  } else {
    memcpy (cl, cl + n, nc * sizeof *cl);
  }
  if (backward)
    show_apart (cr, fonts, it->size_px, text, gl, n, cl, nc, it->face->hb_font);
  else
    cairo_show_text_glyphs (cr, text, (int) len, gl, (int) n, cl, (int) nc, 0);
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
  /* Room for the clusters twice: as found, and split (split_run). */
  cairo_text_cluster_t *cl = ink__realloc_array (ctx, NULL, 0, 2 * ng, sizeof *cl);
  if (!kept || !gl || !cl) {
    ink__free (ctx, kept, ng * sizeof *kept);
    ink__free (ctx, gl, ng * sizeof *gl);
    ink__free (ctx, cl, 2 * ng * sizeof *cl);
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
  int32_t base = baseline (doc->glyphs.v + it->g0, ng);
  for (size_t i = 0; i < ng; i++) {
    const ink__dglyph_t *g = doc->glyphs.v + it->g0 + i;
    if (!tatweel_of (g, text, it->nt, tatweel))
      kept[nk++] = *g;
    else
      gl[nt++] = on_pen (g, base);
  }
  if (nt) {
    cairo_glyph_path (cr, gl, (int) nt);
    cairo_fill (cr);
  }
  if (nk)
    show (cr, fonts, it, text, kept, nk, base, gl, cl);
  ink__free (ctx, kept, ng * sizeof *kept);
  ink__free (ctx, gl, ng * sizeof *gl);
  ink__free (ctx, cl, 2 * ng * sizeof *cl);
  return INK_OK;
}
#endif
