/* target/dirty: what changed between two packed native frames, as few aligned rectangles, and
 * when a full (flashing) refresh is due. Rows are compared byte by byte and narrowed to the
 * pixels that differ; consecutive dirty rows whose spans touch form a band; bands are aligned
 * (x to the format's window alignment) and merged while they intersect, touch, or their union
 * wastes little area, and merged further until they fit the caller's count.
 *
 *   ink_rect_t r[8];
 *   size_t n;
 *   ink_dirty_rects (&fmt, 800, 480, shown, drawn, r, 8, &n);
 *   switch (ink_refresh_decide (&policy, &fmt, 800, 480, r, n, false)) ...
 */
#include "pixels.h"
#include <inkset/inkset-target.h>

static uint64_t
area (const ink_rect_t *r)
{
  return (uint64_t) r->width * r->height;
}

static ink_rect_t
unite (const ink_rect_t *a, const ink_rect_t *b)
{
  uint32_t x0 = a->x < b->x ? a->x : b->x, y0 = a->y < b->y ? a->y : b->y;
  uint32_t x1 = a->x + a->width > b->x + b->width ? a->x + a->width : b->x + b->width;
  uint32_t y1 = a->y + a->height > b->y + b->height ? a->y + a->height : b->y + b->height;
  return (ink_rect_t) { x0, y0, x1 - x0, y1 - y0 };
}

/* Intersecting or sharing an edge (corners count). */
static bool
touch (const ink_rect_t *a, const ink_rect_t *b)
{
  return a->x <= b->x + b->width && b->x <= a->x + a->width && a->y <= b->y + b->height
         && b->y <= a->y + a->height;
}

/* Adds r; when the array is full, r joins the rectangle it grows least. */
static void
add_rect (ink_rect_t *rects, size_t max, size_t *n, ink_rect_t r)
{
  if (*n < max) {
    rects[(*n)++] = r;
    return;
  }
  size_t best = 0;
  uint64_t best_cost = UINT64_MAX;
  for (size_t i = 0; i < *n; i++) {
    ink_rect_t u = unite (&rects[i], &r);
    uint64_t cost = area (&u) - area (&rects[i]);
    if (cost < best_cost) {
      best_cost = cost;
      best = i;
    }
  }
  rects[best] = unite (&rects[best], &r);
}

static void
merge_all (ink_rect_t *rects, size_t *n)
{
  bool again = true;
  while (again) {
    again = false;
    for (size_t i = 0; i < *n && !again; i++)
      for (size_t j = i + 1; j < *n && !again; j++) {
        ink_rect_t u = unite (&rects[i], &rects[j]);
        /* Merge what touches, and what a union covers with at most half again the area. */
        if (touch (&rects[i], &rects[j]) || 2 * area (&u) <= 3 * (area (&rects[i]) + area (&rects[j]))) {
          rects[i] = u;
          rects[j] = rects[--*n];
          again = true;
        }
      }
  }
}

static void
close_band (const ink__layout_t *lay, ink_rect_t *rects, size_t max, size_t *n, uint32_t y0,
            uint32_t y1, uint32_t x0, uint32_t x1)
{
  uint32_t a = lay->fmt.x_align ? lay->fmt.x_align : 8, nw = lay->geo.native_width;
  x0 = x0 / a * a;
  uint64_t end = ((uint64_t) x1 + a) / a * a;
  if (end > nw)
    end = nw;
  add_rect (rects, max, n, (ink_rect_t) { x0, y0, (uint32_t) end - x0, y1 - y0 });
}

/* Documented in include/inkset/inkset-target.h. */
ink_status_t
ink_dirty_rects (const ink_pixfmt_t *fmt, uint32_t page_width, uint32_t page_height,
                 const uint8_t *prev, const uint8_t *next, ink_rect_t *rects, size_t max_rects,
                 size_t *count)
{
  if (count)
    *count = 0;
  ink__layout_t lay;
  if (!prev || !next || !rects || !max_rects || !count
      || ink__layout (fmt, page_width, page_height, &lay) != INK_OK)
    return INK_INVALID;
  const ink_frame_geometry_t *g = &lay.geo;
  size_t stride = g->stride, plane = stride * g->native_height;
  unsigned ppb = 8 / lay.fmt.bpp;
  bool open = false;
  uint32_t by0 = 0, bx0 = 0, bx1 = 0;
  for (uint32_t y = 0; y <= g->native_height; y++) {
    bool dirty = false;
    uint32_t x0 = 0, x1 = 0;
    if (y < g->native_height) {
      size_t first = SIZE_MAX, last = 0;
      for (uint32_t p = 0; p < g->planes; p++) {
        const uint8_t *a = prev + p * plane + y * stride, *b = next + p * plane + y * stride;
        for (size_t i = 0; i < stride; i++)
          if (a[i] != b[i]) {
            first = i < first ? i : first;
            break;
          }
        for (size_t i = stride; i-- > 0;)
          if (a[i] != b[i]) {
            last = i > last ? i : last;
            break;
          }
      }
      if (first != SIZE_MAX) {
        /* Narrow the differing bytes to the differing pixels. */
        const uint8_t *a0 = prev + y * stride, *b0 = next + y * stride;
        const uint8_t *a1 = a0 + plane, *b1 = b0 + plane;
        uint64_t lo = (uint64_t) first * ppb, hi = (uint64_t) last * ppb + ppb;
        if (hi > g->native_width)
          hi = g->native_width;
        for (uint64_t x = lo; x < hi; x++)
          if (ink__unpack_pixel (&lay, a0, a1, (uint32_t) x) != ink__unpack_pixel (&lay, b0, b1, (uint32_t) x)) {
            if (!dirty)
              x0 = (uint32_t) x;
            x1 = (uint32_t) x;
            dirty = true;
          }
      }
    }
    if (open && (!dirty || x0 > bx1 + 1 || x1 + 1 < bx0)) {
      close_band (&lay, rects, max_rects, count, by0, y, bx0, bx1);
      open = false;
    }
    if (dirty && !open) {
      open = true;
      by0 = y;
      bx0 = x0;
      bx1 = x1;
    } else if (dirty) {
      bx0 = x0 < bx0 ? x0 : bx0;
      bx1 = x1 > bx1 ? x1 : bx1;
    }
  }
  merge_all (rects, count);
  return INK_OK;
}

/* Documented in include/inkset/inkset-target.h. */
ink_refresh_t
ink_refresh_decide (ink_refresh_policy_t *policy, const ink_pixfmt_t *fmt, uint32_t page_width,
                    uint32_t page_height, const ink_rect_t *rects, size_t count, bool has_grey)
{
  ink__layout_t lay;
  if (!policy || !fmt || ink__layout (fmt, page_width, page_height, &lay) != INK_OK)
    return INK_REFRESH_FULL;
  if (count == 0 || !rects)
    return INK_REFRESH_NONE;
  uint64_t changed = 0, total = (uint64_t) lay.geo.native_width * lay.geo.native_height;
  for (size_t i = 0; i < count; i++)
    changed += area (&rects[i]);
  uint32_t every = policy->full_every ? policy->full_every : 6;
  unsigned pct = policy->max_changed_pct ? policy->max_changed_pct : 50;
  bool full = fmt->kind != INK_PIXKIND_GRAY             /* colour panels cannot refresh partially */
              || (has_grey && policy->fast_is_mono)   /* a 1-bit waveform snaps greys */
              || changed * 100 > total * pct || policy->partials >= every;
  if (full) {
    policy->partials = 0;
    return INK_REFRESH_FULL;
  }
  policy->partials++;
  return INK_REFRESH_PARTIAL;
}

/* Documented in include/inkset/inkset-target.h. */
bool
ink_frame_has_grey (const ink_pixfmt_t *fmt, uint32_t page_width, uint32_t page_height,
                    const uint8_t *pixels, size_t size)
{
  ink__layout_t lay;
  if (!pixels || ink__layout (fmt, page_width, page_height, &lay) != INK_OK || size < lay.geo.size
      || lay.fmt.kind != INK_PIXKIND_GRAY || lay.fmt.bpp == 1)
    return false;
  unsigned max = (1u << lay.fmt.bpp) - 1;
  for (uint32_t y = 0; y < lay.geo.native_height; y++) {
    const uint8_t *row = pixels + (size_t) y * lay.geo.stride;
    for (uint32_t x = 0; x < lay.geo.native_width; x++) {
      unsigned c = ink__unpack_pixel (&lay, row, NULL, x);
      if (c != 0 && c != max)
        return true;
    }
  }
  return false;
}

/* Documented in include/inkset/inkset-target.h. */
ink_status_t
ink_memfb_update (ink_context_t *ctx, ink_memfb_t *fb, const ink_frame_t *frame, ink_rect_t *rects,
                  size_t max_rects, size_t *count)
{
  if (count)
    *count = 0;
  if (!ctx || !fb || !frame || !rects || !max_rects || !count)
    return INK_INVALID;
  ink_status_t st = ink__frame_check (ctx, frame);
  if (st != INK_OK)
    return st;
  ink__layout_t lay;
  st = ink__layout (&fb->format, fb->page_width, fb->page_height, &lay);
  if (st == INK_UNSUPPORTED)
    return ink__error (ctx, st, "memfb: the format sets a field this version does not know");
  if (st != INK_OK || !fb->pixels || fb->size < lay.geo.size)
    return ink__error (ctx, INK_INVALID, "memfb: bad format, page size or buffer size");
  st = ink__frame_render (ctx, frame->render, frame->user, fb->page_width,
                                       fb->page_height, &fb->format, frame->dither, fb->pixels,
                                       fb->size);
  if (st != INK_OK)
    return st;
  if (!fb->shadow) {
    rects[0] = (ink_rect_t) { 0, 0, lay.geo.native_width, lay.geo.native_height };
    *count = 1;
    return INK_OK;
  }
  st = ink_dirty_rects (&fb->format, fb->page_width, fb->page_height, fb->shadow, fb->pixels,
                        rects, max_rects, count);
  if (st == INK_OK)
    memcpy (fb->shadow, fb->pixels, lay.geo.size);
  return st;
}
