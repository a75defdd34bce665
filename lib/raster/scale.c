/* raster/scale: resamples pictures for the page. Each axis on its own: area averaging where
 * it shrinks (every source pixel counts by the share of it an output pixel covers) and
 * bilinear interpolation, pixel centres aligned, where it grows. Integer arithmetic only, so
 * results are the same on every machine. */
#include "pixels.h"

typedef struct {
  uint32_t *first, *count;  /* per output index: the first contribution and how many */
  uint32_t *src;            /* per contribution: the source index */
  uint32_t *weight;         /* ... and its weight; the weights of an output sum to total */
  uint64_t total;
  size_t n, cap;
} axis_t;

static bool
axis_init (ink_context_t *ctx, axis_t *a, uint32_t s, uint32_t d)
{
  memset (a, 0, sizeof *a);
  a->cap = (size_t) s + 2 * (size_t) d + 2;
  a->first = ink__alloc_array (ctx, d, sizeof (uint32_t));
  a->count = ink__alloc_array (ctx, d, sizeof (uint32_t));
  a->src = ink__alloc_array (ctx, a->cap, sizeof (uint32_t));
  a->weight = ink__alloc_array (ctx, a->cap, sizeof (uint32_t));
  if (!a->first || !a->count || !a->src || !a->weight)
    return false;
  for (uint32_t i = 0; i < d; i++) {
    a->first[i] = (uint32_t) a->n;
    if (d <= s) {
      /* Output i covers [i*s, (i+1)*s) and source j covers [j*d, (j+1)*d), in 1/(s*d) px. */
      uint64_t lo = (uint64_t) i * s, hi = lo + s;
      for (uint64_t j = lo / d; j < s && j * d < hi; j++) {
        uint64_t a0 = j * d > lo ? j * d : lo, a1 = (j + 1) * d < hi ? (j + 1) * d : hi;
        if (a1 > a0) {
          a->src[a->n] = (uint32_t) j;
          a->weight[a->n++] = (uint32_t) (a1 - a0);
        }
      }
      a->total = s;
    } else {
      /* The centre of output i in source px, 16.16: ((2i+1) s - d) / 2d. */
      int64_t pos = (((int64_t) (2 * (uint64_t) i + 1) * s) << 16) / (2 * (int64_t) d) - 32768;
      uint32_t j0 = 0, f = 0;
      if (pos > 0) {
        j0 = (uint32_t) (pos >> 16);
        f = (uint32_t) (pos & 0xffff);
      }
      if (j0 >= s - 1) {
        j0 = s - 1;
        f = 0;
      }
      a->src[a->n] = j0;
      a->weight[a->n++] = 65536 - f;
      if (f) {
        a->src[a->n] = j0 + 1;
        a->weight[a->n++] = f;
      }
      a->total = 65536;
    }
    a->count[i] = (uint32_t) a->n - a->first[i];
  }
  return true;
}

static void
axis_free (ink_context_t *ctx, axis_t *a, uint32_t d)
{
  ink__free (ctx, a->first, d * sizeof (uint32_t));
  ink__free (ctx, a->count, d * sizeof (uint32_t));
  ink__free (ctx, a->src, a->cap * sizeof (uint32_t));
  ink__free (ctx, a->weight, a->cap * sizeof (uint32_t));
}

ink_status_t
ink__image_scale (ink_context_t *ctx, const uint8_t *src, uint32_t src_w, uint32_t src_h,
                  size_t src_stride, uint8_t *dst, uint32_t dst_w, uint32_t dst_h,
                  size_t dst_stride, unsigned channels)
{
  return ink__image_scale_rows (ctx, src, src_w, src_h, src_stride, dst, dst_w, dst_h,
                                dst_stride, channels, 0, dst_h);
}

/* Rows row0 .. row0 + rows - 1 of the scaled picture, the same bytes as ink__image_scale
 * gives them: a band of a picture too large to keep scaled whole. */
ink_status_t
ink__image_scale_rows (ink_context_t *ctx, const uint8_t *src, uint32_t src_w, uint32_t src_h,
                       size_t src_stride, uint8_t *dst, uint32_t dst_w, uint32_t dst_h,
                       size_t dst_stride, unsigned channels, uint32_t row0, uint32_t rows)
{
  if (!ctx || !src || !dst || (channels != 1 && channels != 3) || !src_w || !src_h || !dst_w
      || !dst_h)
    return ink__error (ctx, INK_INVALID, "image scale: empty image or bad channel count");
  if (src_w > INK_MAX_IMAGE_SIDE || src_h > INK_MAX_IMAGE_SIDE || dst_w > INK_MAX_IMAGE_SIDE
      || dst_h > INK_MAX_IMAGE_SIDE)
    return ink__error (ctx, INK_LIMIT, "image scale: %ux%u to %ux%u exceeds the side limit %u",
                       src_w, src_h, dst_w, dst_h, INK_MAX_IMAGE_SIDE);
  if (src_stride < (size_t) src_w * channels || dst_stride < (size_t) dst_w * channels)
    return ink__error (ctx, INK_INVALID, "image scale: stride below the row size");
  if (row0 > dst_h || rows > dst_h - row0)
    return ink__error (ctx, INK_INVALID, "image scale: rows %u+%u outside a height of %u", row0,
                       rows, dst_h);
  axis_t ax, ay;
  size_t row_n = (size_t) dst_w * channels;
  bool ok_x = axis_init (ctx, &ax, src_w, dst_w), ok_y = axis_init (ctx, &ay, src_h, dst_h);
  uint64_t *acc = ink__alloc_array (ctx, row_n, sizeof (uint64_t));
  ink_status_t st = INK_OK;
  if (!ok_x || !ok_y || !acc) {
    st = ink__error (ctx, INK_NO_MEMORY, "image scale: out of memory");
    goto done;
  }
  uint64_t total = ax.total * ay.total;
  for (uint32_t oy = row0; oy < row0 + rows; oy++) {
    memset (acc, 0, row_n * sizeof (uint64_t));
    for (uint32_t cy = ay.first[oy]; cy < ay.first[oy] + ay.count[oy]; cy++) {
      const uint8_t *row = src + (size_t) ay.src[cy] * src_stride;
      uint64_t wy = ay.weight[cy];
      for (uint32_t ox = 0; ox < dst_w; ox++)
        for (uint32_t cx = ax.first[ox]; cx < ax.first[ox] + ax.count[ox]; cx++) {
          uint64_t w = wy * ax.weight[cx];
          const uint8_t *p = row + (size_t) ax.src[cx] * channels;
          for (unsigned c = 0; c < channels; c++)
            acc[(size_t) ox * channels + c] += w * p[c];
        }
    }
    uint8_t *out = dst + (size_t) (oy - row0) * dst_stride;
    for (size_t i = 0; i < row_n; i++)
      out[i] = (uint8_t) ((acc[i] + total / 2) / total);
  }
done:
  axis_free (ctx, &ax, dst_w);
  axis_free (ctx, &ay, dst_h);
  ink__free (ctx, acc, row_n * sizeof (uint64_t));
  return st;
}
