/* Fuzz target: PNG and JPEG decoding, with the image limits lowered so that large claimed
 * sizes are refused quickly. A decoded image must have the size it claims. */
#include "article.h"

#include <stdlib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  ink_context_t *ctx;
  if (ink_context_create (NULL, NULL, &ctx) != INK_OK)
    return 0;
  ink_context_set_limit (ctx, INK_LIMIT_IMAGE_PIXELS, 1u << 22);
  ink_context_set_limit (ctx, INK_LIMIT_IMAGE_SIDE, 4096);
  ink__image_t *img = NULL;
  ink_diag_t d;
  if (ink__image_decode (ctx, data, size, &img, &d) == INK_OK) {
    if (!img || !img->pixels || (img->channels != 1 && img->channels != 3) || !img->width ||
        !img->height || (size_t) img->width * img->height > (1u << 22))
      abort ();
    unsigned sum = 0;
    for (size_t i = 0; i < (size_t) img->width * img->height * img->channels; i++)
      sum += img->pixels[i];
    (void) sum;
  } else if (img) {
    abort ();
  }
  ink__image_destroy (ctx, img);
  size_t cur;
  ink_context_memory (ctx, &cur, NULL);
  if (cur != sizeof (struct ink_context))
    abort ();
  ink_context_destroy (ctx);
  return 0;
}
