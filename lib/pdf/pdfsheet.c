/* pdf/pdfsheet: the sheet a PDF page is printed on. The page (the trim box) is as large as
 * the template gives it in print units (210mm, not the 2480 whole pixels it rounds to); a
 * template's bleed and crop marks make the sheet larger: the bleed box reaches bleed past
 * each edge, and the crop marks sit outside it, at each corner on the lines of the trim
 * edges, as a print shop expects them. */
#include "pdf.h"

#ifdef INK_WITH_PDF
#include <math.h>

#define MARK_GAP 3.0      /* points between the bleed box and a crop mark */
#define MARK_LENGTH 14.0  /* points: about 5mm */
#define MARK_WIDTH 0.25   /* points: a hairline */

void
ink__pdf_sheet (const ink_document_t *doc, ink__pdf_sheet_t *sh)
{
  const ink_template_t *t = doc->tpl;
  double pt_per_px = 72.0 / doc->dpi;
  double w = t && t->width_exact_px > 0 ? t->width_exact_px : doc->width;
  double h = t && t->height_exact_px > 0 ? t->height_exact_px : doc->height;
  *sh = (ink__pdf_sheet_t) { w * pt_per_px, h * pt_per_px, 0, 0, false };
  if (!t)
    return;
  sh->bleed = t->bleed_px * pt_per_px;
  sh->marks = t->crop_marks;
  /* The slug is a whole number of the template's pixels, so that the sheet rasterized at the
   * template's resolution has the page on the same pixel grid as the raster. */
  double slug_px = ceil ((sh->bleed + (sh->marks ? MARK_GAP + MARK_LENGTH : 0)) / pt_per_px - 1e-6);
  sh->slug = slug_px * pt_per_px;
}

/* One mark: from (x, y) length MARK_LENGTH in direction (dx, dy). */
static void
mark (cairo_t *cr, double x, double y, double dx, double dy)
{
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x + dx * MARK_LENGTH, y + dy * MARK_LENGTH);
}

void
ink__pdf_crop_marks (cairo_t *cr, const ink__pdf_sheet_t *sh)
{
  if (!sh->marks)
    return;
  double x[2] = { sh->slug, sh->slug + sh->trim_w }, y[2] = { sh->slug, sh->slug + sh->trim_h };
  double off = sh->bleed + MARK_GAP;
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, MARK_WIDTH);
  for (int i = 0; i < 2; i++)
    for (int j = 0; j < 2; j++) {
      double out_x = i ? 1 : -1, out_y = j ? 1 : -1;   /* away from the page */
      mark (cr, x[i] + out_x * off, y[j], out_x, 0);   /* on the line of the edge y[j] */
      mark (cr, x[i], y[j] + out_y * off, 0, out_y);   /* on the line of the edge x[i] */
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}
#endif
