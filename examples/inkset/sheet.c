/* inkset/sheet: --contact-sheet: every page of a document side by side, scaled down, in one
 * 8-bit grey PNG, for a quick look at a whole article. Uses only <inkset/inkset.h>.
 *
 * Each page is drawn in bands of a few rows and averaged down by a whole factor chosen so a
 * page is at most SHEET_PAGE_PX tall; pages go left to right, SHEET_PER_ROW to a row, with a
 * gutter of paper between them and a grey frame around each. */
#include <inkset/inkset.h>

#include <stdlib.h>
#include <string.h>

#include "sheet.h"

enum { SHEET_PAGE_PX = 480, SHEET_PER_ROW = 8, GUTTER = 16, FRAME_GREY = 160 };

/* Page p of doc averaged down by k into sheet at (x0, y0). */
static ink_status_t
draw_page (ink_document_t *doc, size_t p, uint32_t w, uint32_t h, uint32_t k, uint8_t *sheet,
           size_t stride, uint32_t x0, uint32_t y0)
{
  uint32_t sw = w / k, sh = h / k;
  uint8_t *band = malloc ((size_t) w * k);
  uint32_t *sum = malloc (sw * sizeof *sum);
  if (!band || !sum) {
    free (band);
    free (sum);
    return INK_NO_MEMORY;
  }
  ink_status_t st = INK_OK;
  for (uint32_t r = 0; r < sh && st == INK_OK; r++) {
    st = ink_document_render_gray (doc, p, 0, (int32_t) (r * k), w, k, band, w);
    memset (sum, 0, sw * sizeof *sum);
    for (uint32_t y = 0; y < k; y++)
      for (uint32_t x = 0; x < sw * k; x++)
        sum[x / k] += band[(size_t) y * w + x];
    for (uint32_t x = 0; x < sw; x++)
      sheet[(size_t) (y0 + r) * stride + x0 + x] = (uint8_t) ((sum[x] + k * k / 2) / (k * k));
  }
  free (band);
  free (sum);
  return st;
}

/* A one-pixel frame just outside the w x h box at (x0, y0). */
static void
frame (uint8_t *sheet, size_t stride, uint32_t x0, uint32_t y0, uint32_t w, uint32_t h)
{
  for (uint32_t x = x0 - 1; x <= x0 + w; x++) {
    sheet[(size_t) (y0 - 1) * stride + x] = FRAME_GREY;
    sheet[(size_t) (y0 + h) * stride + x] = FRAME_GREY;
  }
  for (uint32_t y = y0 - 1; y <= y0 + h; y++) {
    sheet[(size_t) y * stride + x0 - 1] = FRAME_GREY;
    sheet[(size_t) y * stride + x0 + w] = FRAME_GREY;
  }
}

ink_status_t
sheet_write (ink_context_t *ctx, ink_document_t *doc, const char *path)
{
  uint32_t w, h;
  ink_document_page_size (doc, &w, &h);
  size_t pages = ink_document_page_count (doc);
  if (!pages || !w || !h)
    return INK_INVALID;
  uint32_t k = (h + SHEET_PAGE_PX - 1) / SHEET_PAGE_PX;
  uint32_t sw = w / k, sh = h / k;
  size_t cols = pages < SHEET_PER_ROW ? pages : SHEET_PER_ROW;
  size_t rows = (pages + SHEET_PER_ROW - 1) / SHEET_PER_ROW;
  uint32_t width = (uint32_t) (cols * (sw + GUTTER) + GUTTER);
  uint32_t height = (uint32_t) (rows * (sh + GUTTER) + GUTTER);
  uint8_t *sheet = malloc ((size_t) width * height);
  if (!sheet)
    return INK_NO_MEMORY;
  memset (sheet, 255, (size_t) width * height);
  ink_status_t st = INK_OK;
  for (size_t p = 0; p < pages && st == INK_OK; p++) {
    uint32_t x0 = (uint32_t) (GUTTER + (p % SHEET_PER_ROW) * (sw + GUTTER));
    uint32_t y0 = (uint32_t) (GUTTER + (p / SHEET_PER_ROW) * (sh + GUTTER));
    st = draw_page (doc, p, w, h, k, sheet, width, x0, y0);
    frame (sheet, width, x0, y0, sw, sh);
  }
  ink_pixfmt_t fmt;
  memset (&fmt, 0, sizeof fmt);
  fmt.bpp = 8;
  if (st == INK_OK)
    st = ink_png_write_file (ctx, path, &fmt, width, height, sheet, (size_t) width * height);
  free (sheet);
  return st;
}
