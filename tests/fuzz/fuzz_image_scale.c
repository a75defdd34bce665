/* Fuzzes ink__image_scale: the first bytes choose the sizes and channels, the rest are pixels.
 * Invariant: a flat image scales to the same flat value; nothing reads or writes out of bounds. */
#include "pixels.h"

#include <stdlib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  if (size < 5)
    return 0;
  uint32_t sw = 1 + data[0] % 64, sh = 1 + data[1] % 64, dw = 1 + data[2] % 96, dh = 1 + data[3] % 96;
  unsigned ch = data[4] & 1 ? 3 : 1;
  size_t n = (size_t) sw * sh * ch;
  uint8_t *src = malloc (n), *dst = malloc ((size_t) dw * dh * ch);
  for (size_t i = 0; i < n; i++)
    src[i] = size > 5 ? data[5 + i % (size - 5)] : 0;
  ink_context_t *ctx;
  if (ink_context_create (NULL, NULL, &ctx) == INK_OK) {
    if (ink__image_scale (ctx, src, sw, sh, (size_t) sw * ch, dst, dw, dh, (size_t) dw * ch, ch)
        != INK_OK)
      abort ();
    memset (src, data[4], n);
    ink__image_scale (ctx, src, sw, sh, (size_t) sw * ch, dst, dw, dh, (size_t) dw * ch, ch);
    for (size_t i = 0; i < (size_t) dw * dh * ch; i++)
      if (dst[i] != data[4])
        abort ();
    ink_context_destroy (ctx);
  }
  free (src);
  free (dst);
  return 0;
}
