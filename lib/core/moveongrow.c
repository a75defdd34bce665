/* core/moveongrow: the sanitizer build's guard against stale pointers into growable arrays.
 *
 * A pointer into the layout's units (or lines, items, pages, paragraphs) held across a call
 * that pushes onto the same array reads freed memory only when that push happens to find
 * the array full and realloc happens to move it: rare, so the sanitizers seldom see it.
 * With INKSET_MOVE_ON_GROW=1 in the environment when a context is made, a sanitizer build
 * (INK_MOVE_ON_GROW, set by INK_SANITIZE and INK_BUILD_FUZZERS) makes that the rule: every
 * ink__vec_push and ink__vec_reserve onto an array of at most INK_MOVE_ON_GROW_BYTES moves
 * it to a fresh block, and so does every resize through ink__realloc, the old block freed
 * at once. AddressSanitizer then reports any pointer still held into the old block, on the
 * input that shows it, every time. Larger arrays, and the display list's line records
 * (ink__vec_append: pushed thousands of times a layout by the pages set on trial, only ever
 * indexed), move only when they grow: copying them whole at each push made a sample's
 * render five times slower under ASan, with them left out twice.
 *
 *   INKSET_MOVE_ON_GROW=1 ./build-asan/inkset render article.md -o out
 */
#include "core.h"

#include <stdlib.h>

bool
ink__move_on_grow_asked (void)
{
  const char *v = getenv ("INKSET_MOVE_ON_GROW");
  return v && strcmp (v, "1") == 0;
}

/* p (old_size bytes) copied into a fresh block of new_size and freed; NULL on failure (p
 * kept). The context's byte count is ink__realloc's to keep. */
void *
ink__realloc_moved (ink_context_t *ctx, void *p, size_t old_size, size_t new_size)
{
  void *q = ctx->realloc_fn (ctx->realloc_user, NULL, 0, new_size);
  if (!q)
    return NULL;
  memcpy (q, p, old_size < new_size ? old_size : new_size);
  ctx->realloc_fn (ctx->realloc_user, p, old_size, 0);
  return q;
}
