/* Fuzzes the template reader. The first byte picks an allocation to fail (0: none), so the
 * error paths run too; the rest is the template. Invariants checked on success: the page
 * fits the limits, the margins leave room, every role has a style with a declared family. */
#include "template.h"

#include <stdlib.h>

typedef struct {
  long countdown;
} fuzz_alloc_t;

static void *
fuzz_realloc (void *user, void *ptr, size_t old_size, size_t new_size)
{
  fuzz_alloc_t *f = user;
  (void) old_size;
  if (new_size == 0) {
    free (ptr);
    return NULL;
  }
  if (f->countdown > 0 && --f->countdown == 0)
    return NULL;
  return realloc (ptr, new_size);
}

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  if (size == 0)
    return 0;
  fuzz_alloc_t f = { .countdown = data[0] < 200 ? 0 : data[0] - 199 };
  ink_context_t *ctx;
  if (ink_context_create (fuzz_realloc, &f, &ctx) != INK_OK)
    return 0;
  ink_template_t *t = NULL;
  ink_diag_t diag;
  ink_status_t st = ink_template_parse (ctx, (const char *) data + 1, size - 1, "fuzz", &t,
                                        &diag);
  if (st == INK_OK) {
    if (!t || t->width_px < 1 || t->width_px > INK_MAX_PAGE_SIDE || t->height_px < 1
        || t->height_px > INK_MAX_PAGE_SIDE || t->columns < 1
        || t->columns > INK_TEMPLATE_MAX_COLUMNS
        || t->margin_left + t->margin_right >= (float) t->width_px)
      abort ();
    for (int r = 0; r < INK_ROLE_COUNT_; r++) {
      bool found = false;
      for (size_t i = 0; i < t->nfamilies; i++)
        found |= strcmp (t->families[i].name, t->styles[r].family) == 0;
      if (!found || !t->styles[r].name || t->styles[r].size_px < 1)
        abort ();
    }
    ink_template_t *u = ink_template_reference (t);
    ink_template_destroy (u);
    ink_template_destroy (t);
  } else {
    if (t || (st == INK_PARSE && (diag.line == 0 || diag.message[0] == 0)))
      abort ();
  }
  size_t cur;
  ink_context_memory (ctx, &cur, NULL);
  if (cur != sizeof (ink_context_t))   /* everything freed */
    abort ();
  ink_context_destroy (ctx);
  return 0;
}
