/* raster/frame: renders a page, through its render callback, into a packed native frame, whole
 * or in strips of native rows. A strip asks the callback for the logical rectangle under its
 * rows, so rotation is a clip transform and packing stays linear; the memory is O(native width
 * x strip rows) and the strips put together are byte for byte the whole frame.
 *
 *   ink_frame_t f = { .width = 800, .height = 480, .render = page_cb, .user = page };
 *   ink_pixfmt_preset ("mono", &f.format);
 *   f.dither = INK_DITHER_BLUE_NOISE;
 *   ink_strips_t *s;
 *   ink_strips_begin (ctx, &f, 16, &s);
 *   uint32_t y0, n;
 *   while (ink_strips_next (s, buf, sizeof buf, &y0, &n) == INK_OK && n)
 *     panel_write_window (buf, y0, n);
 *   ink_strips_end (s);
 */
#include "pixels.h"

struct ink_strips {
  ink_context_t *ctx;
  ink__render_rect_fn fn;
  ink__render_spans_fn spans_fn;  /* fn's span-keeping twin, or NULL */
  void *user;
  ink__layout_t lay;
  ink__tone_t tone;
  ink__dither_t dither;
  uint32_t strip_rows, next_row;
  bool colour;
  size_t rect_px;
  uint8_t *rect_gray, *rect_cls, *rect_rgb;
  uint8_t *row_gray, *row_cls, *row_rgb, *codes;
  uint8_t *blank0, *blank1;       /* a packed row of paper */
  uint8_t paper;                  /* the code of a paper pixel */
  bool white_is_paper;            /* grey, and white gives the paper code whatever its class */
  bool grey4;                     /* rows pack straight from grey (ink__pack_grey4_ok) */
  ink__rowspan_t *spans;             /* per row of the rectangle */
  ink__rowspan_t *cols;              /* per column of a quarter-turned rectangle */
  uint32_t nspans;
  size_t mem;
};

void
ink__rowmap (const ink__layout_t *lay, uint32_t ny, ink__rowmap_t *m)
{
  int64_t nw = lay->geo.native_width, nh = lay->geo.native_height;
  int64_t lw = lay->page_w, lh = lay->page_h;
  int64_t ry = lay->fmt.mirror_y ? nh - 1 - ny : ny;
  int64_t rx0 = lay->fmt.mirror_x ? nw - 1 : 0, rs = lay->fmt.mirror_x ? -1 : 1;
  switch (lay->fmt.rotate) {
  case INK_ROTATE_90:
    *m = (ink__rowmap_t) { ry, 0, lh - 1 - rx0, -rs };
    break;
  case INK_ROTATE_180:
    *m = (ink__rowmap_t) { lw - 1 - rx0, -rs, lh - 1 - ry, 0 };
    break;
  case INK_ROTATE_270:
    *m = (ink__rowmap_t) { lw - 1 - ry, 0, rx0, rs };
    break;
  default:
    *m = (ink__rowmap_t) { rx0, rs, ry, 0 };
    break;
  }
}

static void *
grab (ink_strips_t *s, size_t bytes)
{
  void *p = ink__alloc (s->ctx, bytes);
  if (p)
    s->mem += bytes;
  return p;
}

/* Documented in include/inkset/inkset-raster.h. */
void
ink_strips_end (ink_strips_t *s)
{
  if (!s)
    return;
  ink_context_t *ctx = s->ctx;
  uint32_t nw = s->lay.geo.native_width;
  ink__dither_free (ctx, &s->dither);
  ink__free (ctx, s->rect_gray, s->rect_px);
  ink__free (ctx, s->rect_cls, s->rect_px);
  ink__free (ctx, s->rect_rgb, s->colour ? 3 * s->rect_px : 0);
  ink__free (ctx, s->row_gray, nw);
  ink__free (ctx, s->row_cls, nw);
  ink__free (ctx, s->row_rgb, s->colour ? 3 * (size_t) nw : 0);
  ink__free (ctx, s->codes, nw);
  ink__free (ctx, s->blank0, s->lay.geo.stride);
  ink__free (ctx, s->blank1, s->lay.geo.stride);
  ink__free (ctx, s->spans, s->nspans * sizeof *s->spans);
  ink__free (ctx, s->cols, s->strip_rows * sizeof *s->cols);
  ink__free (ctx, s, sizeof *s);
}

/* The code of a paper pixel and a packed row of them, for rows nothing is drawn on. */
static void
blank_row (ink_strips_t *s)
{
  const uint8_t gray = 255, cls = INK_PX_PAPER, rgb[3] = { 255, 255, 255 };
  uint8_t code;
  ink__quantize_span (&s->tone, &gray, &cls, rgb, 0, 1, &code);
  s->paper = code;
  s->white_is_paper = s->tone.kind == INK_PIXKIND_GRAY && s->tone.paper_code[255] == code &&
                      s->tone.text_code[255] == code;
  s->grey4 = ink__pack_grey4_ok (&s->lay, &s->tone);
  memset (s->codes, code, s->lay.geo.native_width);
  ink__pack_row (&s->lay, &s->tone, s->codes, s->blank0, s->blank1);
}

ink_status_t
ink__strips_begin (ink_context_t *ctx, ink__render_rect_fn fn, void *user, uint32_t page_w,
                   uint32_t page_h, const ink_pixfmt_t *fmt, ink_dither_t method,
                   uint32_t strip_rows, ink_strips_t **out)
{
  if (!out)
    return INK_INVALID;
  *out = NULL;
  if (!ctx || !fn || !fmt || (unsigned) method >= INK_DITHER_COUNT_ || strip_rows == 0)
    return ink__error (ctx, INK_INVALID, "strips: missing callback or format, bad dither or 0 rows");
  ink__layout_t lay;
  ink_status_t st = ink__layout (fmt, page_w, page_h, &lay);
  if (st != INK_OK)
    return ink__error (ctx, st, "strips: bad pixel format or page size %ux%u", page_w, page_h);
  if (strip_rows > lay.geo.native_height)
    strip_rows = lay.geo.native_height;
  ink_strips_t *s = ink__alloc (ctx, sizeof *s);
  if (!s)
    return ink__error (ctx, INK_NO_MEMORY, "strips: out of memory");
  s->ctx = ctx;
  s->fn = fn;
  s->user = user;
  s->lay = lay;
  s->strip_rows = strip_rows;
  s->colour = fmt->kind != INK_PIXKIND_GRAY;
  s->mem = sizeof *s;
  ink__tone_init (&lay.fmt, &s->tone);
  uint32_t nw = lay.geo.native_width;
  s->rect_px = (size_t) nw * strip_rows;
  s->rect_gray = grab (s, s->rect_px);
  s->rect_cls = grab (s, s->rect_px);
  s->row_gray = grab (s, nw);
  s->row_cls = grab (s, nw);
  s->codes = grab (s, nw);
  bool ok = s->rect_gray && s->rect_cls && s->row_gray && s->row_cls && s->codes;
  if (s->colour) {
    s->rect_rgb = grab (s, 3 * s->rect_px);
    s->row_rgb = grab (s, 3 * (size_t) nw);
    ok = ok && s->rect_rgb && s->row_rgb;
  }
  bool turned = lay.fmt.rotate == INK_ROTATE_90 || lay.fmt.rotate == INK_ROTATE_270;
  s->nspans = turned && nw > strip_rows ? nw : strip_rows;
  s->spans = grab (s, s->nspans * sizeof *s->spans);
  s->cols = grab (s, strip_rows * sizeof *s->cols);
  s->blank0 = grab (s, lay.geo.stride);
  s->blank1 = lay.geo.planes == 2 ? grab (s, lay.geo.stride) : NULL;
  ok = ok && s->spans && s->cols && s->blank0 && (lay.geo.planes == 1 || s->blank1);
  if (!ok || ink__dither_init (ctx, &s->dither, method, &s->tone, nw) != INK_OK) {
    ink_strips_end (s);
    return ink__error (ctx, INK_NO_MEMORY, "strips: out of memory for %u x %u px", nw, strip_rows);
  }
  s->mem += 3 * s->dither.err_bytes;
  s->spans_fn = ink__render_spans_of (fn);
  blank_row (s);
  *out = s;
  return INK_OK;
}

/* The logical rectangle under native rows [r0, r0 + rows). */
static void
rect_of (const ink__layout_t *lay, uint32_t r0, uint32_t rows, int64_t *x0, int64_t *y0,
         uint32_t *w, uint32_t *h)
{
  uint32_t nw = lay->geo.native_width;
  ink__rowmap_t a, b;
  ink__rowmap (lay, r0, &a);
  ink__rowmap (lay, r0 + rows - 1, &b);
  int64_t xs[4] = { a.ax, a.ax + a.bx * (nw - 1), b.ax, b.ax + b.bx * (nw - 1) };
  int64_t ys[4] = { a.ay, a.ay + a.by * (nw - 1), b.ay, b.ay + b.by * (nw - 1) };
  int64_t lx0 = xs[0], lx1 = xs[0], ly0 = ys[0], ly1 = ys[0];
  for (int i = 1; i < 4; i++) {
    lx0 = xs[i] < lx0 ? xs[i] : lx0;
    lx1 = xs[i] > lx1 ? xs[i] : lx1;
    ly0 = ys[i] < ly0 ? ys[i] : ly0;
    ly1 = ys[i] > ly1 ? ys[i] : ly1;
  }
  *x0 = lx0;
  *y0 = ly0;
  *w = (uint32_t) (lx1 - lx0 + 1);
  *h = (uint32_t) (ly1 - ly0 + 1);
}

/* Draws the rectangle and fills one span per row of it. A caller's callback gets paper planes
 * and its rows count as drawn throughout, with their picture pixels found by their class. */
static void
draw (ink_strips_t *s, int32_t x0, int32_t y0, uint32_t w, uint32_t h)
{
  uint8_t *rgb = s->colour ? s->rect_rgb : NULL;
  size_t rs = s->colour ? 3 * (size_t) w : 0;
  if (s->spans_fn) {
    memset (s->spans, 0, h * sizeof *s->spans);
    s->spans_fn (s->user, x0, y0, w, h, s->rect_gray, w, s->rect_cls, w, rgb, rs, s->spans);
    return;
  }
  size_t px = (size_t) w * h;
  memset (s->rect_gray, 255, px);
  memset (s->rect_cls, INK_PX_PAPER, px);
  if (rgb)
    memset (rgb, 255, 3 * px);
  s->fn (s->user, x0, y0, w, h, s->rect_gray, w, s->rect_cls, w, rgb, rs);
  for (uint32_t j = 0; j < h; j++) {
    const uint8_t *c = s->rect_cls + (size_t) j * w;
    const uint8_t *first = memchr (c, INK_PX_IMAGE, w);
    uint32_t last = w;
    while (first && c[last - 1] != INK_PX_IMAGE)
      last--;
    s->spans[j] = (ink__rowspan_t) { 0, (uint16_t) w, first ? (uint16_t) (first - c) : 0,
                                  first ? (uint16_t) last : 0 };
  }
}

/* For a quarter-turned rectangle, whose columns are native rows: the rows each column is drawn
 * on, as a span of row indices. */
static void
columns (ink_strips_t *s, uint32_t w, uint32_t h)
{
  memset (s->cols, 0, w * sizeof *s->cols);
  for (uint32_t j = 0; j < h; j++) {
    const ink__rowspan_t *sp = &s->spans[j];
    uint16_t jj = (uint16_t) j;
    for (uint32_t c = sp->x0; c < sp->x1; c++) {
      ink__rowspan_t *col = &s->cols[c];
      if (col->x0 >= col->x1)
        col->x0 = jj;
      col->x1 = (uint16_t) (jj + 1);
      if (c >= sp->ix0 && c < sp->ix1) {
        if (col->ix0 >= col->ix1)
          col->ix0 = jj;
        col->ix1 = (uint16_t) (jj + 1);
      }
    }
  }
}

/* [a0, a1) on a logical axis to native x, where logical = origin + slope * native. */
static void
to_native (int64_t origin, int64_t slope, int64_t a0, int64_t a1, uint32_t *n0, uint32_t *n1)
{
  if (a0 >= a1) {
    *n0 = *n1 = 0;
  } else if (slope > 0) {
    *n0 = (uint32_t) (a0 - origin);
    *n1 = (uint32_t) (a1 - origin);
  } else {
    *n0 = (uint32_t) (origin - (a1 - 1));
    *n1 = (uint32_t) (origin - a0 + 1);
  }
}

/* Native row m's drawn and picture spans, from the rectangle's row or column spans. */
static void
row_span (const ink_strips_t *s, const ink__rowmap_t *m, int64_t x0, int64_t y0, ink__rowspan_t *out)
{
  uint32_t a, b, ia, ib;
  if (m->by == 0) {
    const ink__rowspan_t *sp = &s->spans[m->ay - y0];
    to_native (m->ax, m->bx, x0 + sp->x0, x0 + sp->x1, &a, &b);
    to_native (m->ax, m->bx, x0 + sp->ix0, x0 + sp->ix1, &ia, &ib);
  } else {
    const ink__rowspan_t *sp = &s->cols[m->ax - x0];
    to_native (m->ay, m->by, y0 + sp->x0, y0 + sp->x1, &a, &b);
    to_native (m->ay, m->by, y0 + sp->ix0, y0 + sp->ix1, &ia, &ib);
  }
  *out = (ink__rowspan_t) { (uint16_t) a, (uint16_t) b, (uint16_t) ia, (uint16_t) ib };
}

/* Copies native pixels [sp.x0, sp.x1) of a mirrored or turned row out of the rectangle. A
 * turned row crosses rectangle rows whose own span may miss it: there it is paper. */
static void
gather (ink_strips_t *s, const ink__rowmap_t *m, int64_t x0, int64_t y0, uint32_t w,
        const ink__rowspan_t *sp)
{
  for (uint32_t nx = sp->x0; nx < sp->x1; nx++) {
    int64_t j = m->ay + m->by * nx - y0, c = m->ax + m->bx * nx - x0;
    const ink__rowspan_t *rs = &s->spans[j];
    if (c < rs->x0 || c >= rs->x1) {
      s->row_gray[nx] = 255;
      s->row_cls[nx] = INK_PX_PAPER;
      if (s->colour)
        memset (s->row_rgb + 3 * (size_t) nx, 255, 3);
      continue;
    }
    size_t at = (size_t) j * w + (size_t) c;
    s->row_gray[nx] = s->rect_gray[at];
    s->row_cls[nx] = s->rect_cls[at];
    if (s->colour)
      memcpy (s->row_rgb + 3 * (size_t) nx, s->rect_rgb + 3 * at, 3);
  }
}

/* Quantizes native pixels [sp.x0, sp.x1) of row ny into codes: the picture span through the
 * dither, the rest by table; the partial bytes' other pixels get paper. */
static void
quantize (ink_strips_t *s, uint32_t ny, const ink__rowmap_t *m, const uint8_t *gray,
          const uint8_t *cls, const uint8_t *rgb, const ink__rowspan_t *sp)
{
  uint32_t ia = sp->ix0, ib = sp->ix1;
  if (ia >= ib)
    ia = ib = sp->x1;
  ink__quantize_span (&s->tone, gray, cls, rgb, sp->x0, ia, s->codes);
  if (ia < ib)
    ink__dither_row (&s->dither, ny, m, gray, cls, rgb, ia, ib, s->codes);
  ink__quantize_span (&s->tone, gray, cls, rgb, ib, sp->x1, s->codes);
  unsigned ppb = 8 / s->lay.fmt.bpp;
  uint32_t nw = s->lay.geo.native_width;
  uint32_t lo = sp->x0 / ppb * ppb, hi = (sp->x1 + ppb - 1) / ppb * ppb;
  if (hi > nw)
    hi = nw;
  memset (s->codes + lo, s->paper, sp->x0 - lo);
  memset (s->codes + sp->x1, s->paper, hi - sp->x1);
}

/* Whether gray[x, x + 8) of span sp is all white; pixels past the span count as white. */
static bool
white_block (const uint8_t *gray, const ink__rowspan_t *sp, uint32_t x)
{
  if (x >= sp->x0 && x + 8 <= sp->x1) {
    uint64_t v;
    memcpy (&v, gray + x, sizeof v);
    return v == UINT64_MAX;
  }
  for (uint32_t i = x; i < x + 8; i++)
    if (i >= sp->x0 && i < sp->x1 && gray[i] != 255)
      return false;
  return true;
}

/* White blocks of 8 pixels that split a row's inked stretches: fewer calls for short gaps. */
#define WHITE_GAP_BLOCKS 4

/* Native pixels [u, v) of a row without pictures, quantized and packed; those outside the
 * span's [a, b) are paper. */
static void
quantize_pack (ink_strips_t *s, const uint8_t *gray, const uint8_t *cls, uint32_t a, uint32_t b,
               uint32_t u, uint32_t v, uint8_t *p0, uint8_t *p1)
{
  uint32_t qa = u > a ? u : a, qb = v < b ? v : b;
  memset (s->codes + u, s->paper, qa - u);
  ink__quantize_span (&s->tone, gray, cls, NULL, qa, qb, s->codes);
  memset (s->codes + qb, s->paper, v - qb);
  ink__pack_span (&s->lay, &s->tone, s->codes, u, v, p0, p1);
}

/* A 4-bit row's span: its whole bytes straight from grey in one pass, which leaves white
 * blocks of 8 pixels as the paper they are; the half bytes at its ends quantized and packed.
 * False (nothing done) for a span of no whole byte. */
static bool
grey4_span (ink_strips_t *s, const uint8_t *gray, const uint8_t *cls, const ink__rowspan_t *sp,
            uint8_t *p0)
{
  uint32_t a = sp->x0, b = sp->x1, m0 = (a + 1) & ~1u, m1 = b & ~1u;
  if (m0 >= m1)
    return false;
  uint32_t nw = s->lay.geo.native_width, hi = b + 1 < nw ? b + 1 : nw;
  if (a < m0)
    quantize_pack (s, gray, cls, a, b, a & ~1u, m0, p0, NULL);
  ink__pack_grey4 (&s->tone, gray, m0, m1, p0);
  if (m1 < b)
    quantize_pack (s, gray, cls, a, b, m1, hi, p0, NULL);
  return true;
}

/* A row without picture pixels into a packed row that holds paper already: only the stretches
 * of 8-pixel blocks that hold a pixel other than white are quantized and packed, since white
 * quantizes to the paper code in every class (white_is_paper); 4-bit rows in one pass
 * (grey4_span). The same bytes as quantizing the whole span. */
static void
quantize_inked (ink_strips_t *s, const uint8_t *gray, const uint8_t *cls,
                const ink__rowspan_t *sp, uint8_t *p0, uint8_t *p1)
{
  uint32_t nw = s->lay.geo.native_width, x = sp->x0 & ~7u;
  if (s->grey4 && grey4_span (s, gray, cls, sp, p0))
    return;
  while (x < sp->x1) {
    if (white_block (gray, sp, x)) {
      x += 8;
      continue;
    }
    uint32_t e = x + 8, white = 0;
    while (e < sp->x1 && white < WHITE_GAP_BLOCKS) {
      white = white_block (gray, sp, e) ? white + 1 : 0;
      e += 8;
    }
    e -= 8 * white;
    uint32_t hi = e < nw ? e : nw;
    uint32_t a = x > sp->x0 ? x : sp->x0, b = hi < sp->x1 ? hi : sp->x1;
    quantize_pack (s, gray, cls, a, b, x, hi, p0, p1);
    x = e;
  }
}

/* Renders native rows [r0, r0 + rows) and packs them (or only advances the dither when out0
 * is NULL). Rows and columns nothing is drawn on are never read: a blank row is a copy. */
static void
run (ink_strips_t *s, uint32_t r0, uint32_t rows, uint8_t *out0, uint8_t *out1)
{
  const ink__layout_t *lay = &s->lay;
  int64_t x0, y0;
  uint32_t w, h;
  rect_of (lay, r0, rows, &x0, &y0, &w, &h); /* w * h == nw * rows */
  draw (s, (int32_t) x0, (int32_t) y0, w, h);
  ink__rowmap_t m;
  ink__rowmap (lay, r0, &m);
  if (m.by != 0)
    columns (s, w, h);
  size_t stride = lay->geo.stride;
  for (uint32_t i = 0; i < rows; i++) {
    uint32_t ny = r0 + i;
    ink__rowmap (lay, ny, &m);
    ink__rowspan_t sp;
    row_span (s, &m, x0, y0, &sp);
    uint8_t *p0 = out0 ? out0 + i * stride : NULL;
    uint8_t *p1 = out1 && lay->geo.planes == 2 ? out1 + i * stride : NULL;
    if (p0) {
      memcpy (p0, s->blank0, stride);
      if (p1)
        memcpy (p1, s->blank1, stride);
    }
    if (sp.x0 < sp.x1) {
      const uint8_t *gray = s->row_gray, *cls = s->row_cls;
      const uint8_t *rgb = s->colour ? s->row_rgb : NULL;
      if (m.bx == 1 && m.by == 0) {
        /* Unrotated and unmirrored: the native row is a run of the rectangle's row. */
        size_t at = (size_t) (m.ay - y0) * w + (size_t) (m.ax - x0);
        gray = s->rect_gray + at;
        cls = s->rect_cls + at;
        rgb = s->colour ? s->rect_rgb + 3 * at : NULL;
      } else {
        gather (s, &m, x0, y0, w, &sp);
      }
      if (p0 && s->white_is_paper && sp.ix0 >= sp.ix1) {
        quantize_inked (s, gray, cls, &sp, p0, p1);
        ink__dither_next_row (&s->dither);
        continue;
      }
      quantize (s, ny, &m, gray, cls, rgb, &sp);
      if (p0)
        ink__pack_span (lay, &s->tone, s->codes, sp.x0, sp.x1, p0, p1);
    }
    ink__dither_next_row (&s->dither);
  }
}

ink_status_t
ink__strips_next (ink_strips_t *s, uint8_t *out0, uint8_t *out1, uint32_t *first_row,
                  uint32_t *rows)
{
  uint32_t nh = s->lay.geo.native_height;
  uint32_t n = nh - s->next_row < s->strip_rows ? nh - s->next_row : s->strip_rows;
  if (first_row)
    *first_row = s->next_row;
  if (rows)
    *rows = n;
  if (n == 0)
    return INK_OK;
  if (!out0 || (s->lay.geo.planes == 2 && !out1))
    return ink__error (s->ctx, INK_INVALID, "strips: no output buffer");
  s->ctx->render_status = INK_OK;
  run (s, s->next_row, n, out0, out1);
  ink_status_t st = s->ctx->render_status;
  s->ctx->render_status = INK_OK;
  if (st != INK_OK)
    return ink__error (s->ctx, st, "page rows %u to %u could not be drawn: %s", s->next_row,
                       s->next_row + n - 1, ink_status_to_string (st));
  s->next_row += n;
  return ink__progress (s->ctx, INK_PROGRESS_DRAW, s->next_row, nh);
}

ink_status_t
ink__strips_seek (ink_strips_t *s, uint32_t row)
{
  if (row > s->lay.geo.native_height)
    return ink__error (s->ctx, INK_INVALID, "strips: row %u is past the frame's %u rows", row,
                       s->lay.geo.native_height);
  if (!s->dither.err[0]) {
    s->next_row = row;
    return INK_OK;
  }
  if (row < s->next_row) {
    ink__dither_reset (&s->dither);
    s->next_row = 0;
  }
  /* Error diffusion depends on every row above: render them and drop the pixels. */
  while (s->next_row < row) {
    uint32_t n = row - s->next_row < s->strip_rows ? row - s->next_row : s->strip_rows;
    run (s, s->next_row, n, NULL, NULL);
    s->next_row += n;
  }
  return INK_OK;
}

const ink__layout_t *
ink__strips_layout (const ink_strips_t *s)
{
  return &s->lay;
}

const ink__tone_t *
ink__strips_tone (const ink_strips_t *s)
{
  return &s->tone;
}

ink_status_t
ink__frame_check (ink_context_t *ctx, const ink_frame_t *frame)
{
  if (!frame)
    return INK_INVALID;
  for (size_t i = 0; i < sizeof frame->reserved / sizeof *frame->reserved; i++)
    if (frame->reserved[i])
      return ink__error (ctx, INK_UNSUPPORTED, "ink_frame_t: a field this version of inkset (%s) "
                         "does not know is set", ink_version_string ());
  return INK_OK;
}

/* Documented in include/inkset/inkset-raster.h. */
ink_status_t
ink_strips_begin (ink_context_t *ctx, const ink_frame_t *frame, uint32_t strip_rows,
                  ink_strips_t **out)
{
  ink_status_t st = ink__frame_check (ctx, frame);
  if (st != INK_OK) {
    if (out)
      *out = NULL;
    return st;
  }
  return ink__strips_begin (ctx, frame->render, frame->user, frame->width, frame->height,
                            &frame->format, frame->dither, strip_rows, out);
}

/* Documented in include/inkset/inkset-raster.h. */
ink_status_t
ink_strips_next (ink_strips_t *s, uint8_t *out, size_t out_size, uint32_t *first_row,
                 uint32_t *rows)
{
  if (rows)
    *rows = 0;
  if (!s || !rows)
    return INK_INVALID;
  uint32_t nh = s->lay.geo.native_height;
  uint32_t n = nh - s->next_row < s->strip_rows ? nh - s->next_row : s->strip_rows;
  size_t plane = (size_t) n * s->lay.geo.stride;
  if (n && (!out || out_size < plane * s->lay.geo.planes))
    return ink__error (s->ctx, INK_INVALID, "strips: buffer of %zu bytes, %zu needed", out_size,
                       plane * s->lay.geo.planes);
  return ink__strips_next (s, out, out ? out + plane : NULL, first_row, rows);
}

/* Documented in include/inkset/inkset-raster.h. */
size_t
ink_strips_buffer_size (const ink_strips_t *s)
{
  return s ? (size_t) s->strip_rows * s->lay.geo.stride * s->lay.geo.planes : 0;
}

/* Documented in include/inkset/inkset-raster.h. */
size_t
ink_strips_memory (const ink_strips_t *s)
{
  return s ? s->mem : 0;
}

ink_status_t
ink__frame_render (ink_context_t *ctx, ink__render_rect_fn fn, void *user, uint32_t page_w,
                   uint32_t page_h, const ink_pixfmt_t *fmt, ink_dither_t method, uint8_t *out,
                   size_t out_size)
{
  ink_strips_t *s;
  ink_status_t st = ink__strips_begin (ctx, fn, user, page_w, page_h, fmt, method, 64, &s);
  if (st != INK_OK)
    return st;
  const ink_frame_geometry_t *g = &s->lay.geo;
  if (!out || out_size < g->size) {
    size_t need = g->size;
    ink_strips_end (s);
    return ink__error (ctx, INK_INVALID, "frame: buffer of %zu bytes, %zu needed", out_size, need);
  }
  size_t plane = (size_t) g->stride * g->native_height;
  uint32_t y0, n;
  do {
    uint32_t at = s->next_row;
    st = ink__strips_next (s, out + (size_t) at * g->stride,
                           g->planes == 2 ? out + plane + (size_t) at * g->stride : NULL, &y0, &n);
  } while (st == INK_OK && n);
  ink_strips_end (s);
  return st;
}

/* Documented in include/inkset/inkset-raster.h. */
ink_status_t
ink_frame_render (ink_context_t *ctx, const ink_frame_t *frame, uint8_t *out, size_t out_size)
{
  ink_status_t st = ink__frame_check (ctx, frame);
  if (st != INK_OK)
    return st;
  return ink__frame_render (ctx, frame->render, frame->user, frame->width, frame->height,
                            &frame->format, frame->dither, out, out_size);
}

/* Documented in include/inkset/inkset-raster.h. */
ink_status_t
ink_frame_render_rows (ink_context_t *ctx, const ink_frame_t *frame, uint32_t first_row,
                       uint32_t rows, uint8_t *out, size_t out_size, size_t *memory_used)
{
  if (memory_used)
    *memory_used = 0;
  ink_status_t st = ink__frame_check (ctx, frame);
  if (st != INK_OK || rows == 0)
    return st != INK_OK ? st : INK_INVALID;
  ink_strips_t *s;
  st = ink__strips_begin (ctx, frame->render, frame->user, frame->width,
                                       frame->height, &frame->format, frame->dither,
                                       rows < 64 ? rows : 64, &s);
  if (st != INK_OK)
    return st;
  const ink_frame_geometry_t *g = &s->lay.geo;
  size_t plane = (size_t) g->stride * rows;
  if (first_row > g->native_height || rows > g->native_height - first_row || !out
      || out_size < plane * g->planes) {
    uint32_t nh = g->native_height;
    ink_strips_end (s);
    return ink__error (ctx, INK_INVALID, "frame rows: rows %u+%u of %u, or a buffer too small",
                       first_row, rows, nh);
  }
  st = ink__strips_seek (s, first_row);
  while (st == INK_OK && s->next_row < first_row + rows) {
    size_t at = (size_t) (s->next_row - first_row) * g->stride;
    uint32_t keep = s->strip_rows;
    if (first_row + rows - s->next_row < keep)
      s->strip_rows = first_row + rows - s->next_row;
    uint32_t y0, n;
    st = ink__strips_next (s, out + at, g->planes == 2 ? out + plane + at : NULL, &y0, &n);
    s->strip_rows = keep;
  }
  if (memory_used)
    *memory_used = s->mem;
  ink_strips_end (s);
  return st;
}

/* Documented in include/inkset/inkset-raster.h. */
void
ink_image_source_render (void *source, int32_t x, int32_t y, uint32_t w, uint32_t h,
                         uint8_t *gray, size_t gray_stride, uint8_t *cls, size_t cls_stride,
                         uint8_t *rgb, size_t rgb_stride)
{
  const ink_image_source_t *src = source;
  for (uint32_t j = 0; j < h; j++) {
    int64_t sy = (int64_t) y + j;
    for (uint32_t i = 0; i < w; i++) {
      int64_t sx = (int64_t) x + i;
      uint8_t g = 255, c = INK_PX_PAPER, p[3] = { 255, 255, 255 };
      if (src && src->gray && sx >= 0 && sy >= 0 && sx < src->width && sy < src->height) {
        g = src->gray[(size_t) sy * src->gray_stride + (size_t) sx];
        c = src->cls ? src->cls[(size_t) sy * src->cls_stride + (size_t) sx] : INK_PX_IMAGE;
        if (src->rgb)
          memcpy (p, src->rgb + (size_t) sy * src->rgb_stride + 3 * (size_t) sx, 3);
        else
          p[0] = p[1] = p[2] = g;
      }
      gray[j * gray_stride + i] = g;
      cls[j * cls_stride + i] = c;
      if (rgb)
        memcpy (rgb + j * rgb_stride + 3 * (size_t) i, p, 3);
    }
  }
}
