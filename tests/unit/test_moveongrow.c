/* core/moveongrow: with INKSET_MOVE_ON_GROW=1, a sanitizer build moves a growable array on
 * every push and reserve, and every block ink__realloc resizes, keeping its contents; any
 * other build (or the variable unset) allocates nothing for a push that has room. */
#define _POSIX_C_SOURCE 200809L /* setenv */
#include <stdint.h>

#include "core.h"
#include "test.h"

/* The hook's calls: fresh blocks given and blocks taken back. */
typedef struct { size_t fresh, freed, resized; } calls_t;

static void *
counting_realloc (void *user, void *p, size_t old_size, size_t new_size)
{
  calls_t *c = user;
  (void) old_size;
  if (new_size == 0) {
    c->freed++;
    free (p);
    return NULL;
  }
  if (p)
    c->resized++;
  else
    c->fresh++;
  return realloc (p, new_size);
}

/* A context made with INKSET_MOVE_ON_GROW set to value (NULL: unset). */
static ink_context_t *
context_with (const char *value, calls_t *calls)
{
  if (value)
    setenv ("INKSET_MOVE_ON_GROW", value, 1);
  else
    unsetenv ("INKSET_MOVE_ON_GROW");
  ink_context_t *ctx = NULL;
  ink_context_create (counting_realloc, calls, &ctx);
  unsetenv ("INKSET_MOVE_ON_GROW");
  return ctx;
}

#ifdef INK_MOVE_ON_GROW
enum { MOVES = 1 };
#else
enum { MOVES = 0 };
#endif

/* Three pushes (or, append, appends) and a reserve into an array with room for eight, with
 * INKSET_MOVE_ON_GROW set to value; moves: whether a push or reserve is to move it. */
static void
check_pushes (const char *value, bool append, int moves)
{
  calls_t calls = { 0 };
  ink_context_t *ctx = context_with (value, &calls);
  CHECK (ctx != NULL);
  INK_VEC (int32_t) v = { 0 };
  CHECK (ink__vec_reserve (ctx, &v, 8));
  calls = (calls_t) { 0 };
  for (int32_t k = 0; k < 3; k++)
    CHECK (append ? ink__vec_append (ctx, &v, 10 + k) : ink__vec_push (ctx, &v, 10 + k));
  CHECK (ink__vec_reserve (ctx, &v, 4));
  CHECK_EQ_INT (calls.fresh, (append ? 1 : 4) * moves);
  CHECK_EQ_INT (calls.freed, (append ? 1 : 4) * moves);
  CHECK_EQ_INT (calls.resized, 0);
  CHECK_EQ_INT (v.n, 3);
  CHECK_EQ_INT (v.cap, 8);
  CHECK_EQ_INT (v.v[0] + v.v[1] + v.v[2], 10 + 11 + 12);
  ink__vec_free (ctx, &v);
  CHECK_CONTEXT_FREED (ctx);
}

TEST (push_with_room_moves_when_asked)
{
  check_pushes ("1", false, MOVES);
}

TEST (push_with_room_stays_unasked)
{
  check_pushes (NULL, false, 0);
  check_pushes ("0", false, 0);
}

/* The display list's line records are appended to as a stream, not moved while they have
 * room. */
TEST (append_with_room_stays)
{
  check_pushes ("1", true, MOVES);
}

/* A block resized through ink__realloc is a fresh one, its bytes kept, when asked. */
TEST (realloc_moves_when_asked)
{
  calls_t calls = { 0 };
  ink_context_t *ctx = context_with ("1", &calls);
  CHECK (ctx != NULL);
  char *s = ink__realloc (ctx, NULL, 0, 6);
  CHECK (s != NULL);
  memcpy (s, "inkse", 6);
  calls = (calls_t) { 0 };
  s = ink__realloc (ctx, s, 6, 64);
  CHECK (s != NULL);
  CHECK_EQ_STR (s, "inkse");
  CHECK_EQ_INT (calls.fresh, MOVES);
  CHECK_EQ_INT (calls.freed, MOVES);
  CHECK_EQ_INT (calls.resized, 1 - MOVES);
  ink__free (ctx, s, 64);
  CHECK_CONTEXT_FREED (ctx);
}

int
main (void)
{
  RUN (push_with_room_moves_when_asked);
  RUN (push_with_room_stays_unasked);
  RUN (append_with_room_stays);
  RUN (realloc_moves_when_asked);
  return test_summary ();
}
