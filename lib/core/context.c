/* core/context: the context, its allocator hook, errors and limits.
 *
 *   ink_context_t *ctx;
 *   if (ink_context_create (NULL, NULL, &ctx) != INK_OK) return;
 *   ink_context_set_limit (ctx, INK_LIMIT_PAGES, 50);
 *   ...
 *   ink_context_destroy (ctx);
 */
#include "core.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

static void *
libc_realloc (void *user, void *ptr, size_t old_size, size_t new_size)
{
  (void) user;
  (void) old_size;
  if (new_size == 0) {
    free (ptr);
    return NULL;
  }
  return realloc (ptr, new_size);
}

static const size_t limit_caps[INK_LIMIT_COUNT_] = {
  [INK_LIMIT_ARTICLE_BYTES] = INK_MAX_ARTICLE_BYTES,
  [INK_LIMIT_PARAGRAPH_BYTES] = INK_MAX_PARAGRAPH_BYTES,
  [INK_LIMIT_BLOCKS] = INK_MAX_BLOCKS,
  [INK_LIMIT_NESTING] = INK_MAX_NESTING,
  [INK_LIMIT_PAGES] = INK_MAX_PAGES,
  [INK_LIMIT_IMAGE_PIXELS] = INK_MAX_IMAGE_PIXELS,
  [INK_LIMIT_IMAGE_SIDE] = INK_MAX_IMAGE_SIDE,
  [INK_LIMIT_TEMPLATE_BYTES] = INK_MAX_TEMPLATE_BYTES,
  [INK_LIMIT_FONT_BYTES] = INK_MAX_FONT_BYTES,
  [INK_LIMIT_BREAK_WORK] = INK_MAX_BREAK_WORK,
  [INK_LIMIT_PICTURE_BYTES] = INK_MAX_PICTURE_BYTES,
  [INK_LIMIT_FIELD_BYTES] = INK_MAX_FIELD_BYTES,
};

/* Documented in include/inkset/inkset-common.h. */
ink_status_t
ink_context_create (ink_realloc_fn fn, void *user, ink_context_t **out)
{
  if (!out)
    return INK_INVALID;
  *out = NULL;
  if (!fn)
    fn = libc_realloc;
  ink_context_t *ctx = fn (user, NULL, 0, sizeof *ctx);
  if (!ctx)
    return INK_NO_MEMORY;
  memset (ctx, 0, sizeof *ctx);
  ctx->realloc_fn = fn;
  ctx->realloc_user = user;
  memcpy (ctx->limits, limit_caps, sizeof ctx->limits);
  ctx->mem_current = ctx->mem_peak = sizeof *ctx;
#ifdef INK_MOVE_ON_GROW
  ctx->move_on_grow = ink__move_on_grow_asked ();
#endif
  *out = ctx;
  return INK_OK;
}

/* Documented in include/inkset/inkset-common.h. */
void
ink_context_destroy (ink_context_t *ctx)
{
  if (ctx)
    ctx->realloc_fn (ctx->realloc_user, ctx, sizeof *ctx, 0);
}

/* Documented in include/inkset/inkset-common.h. */
void
ink_context_set_log (ink_context_t *ctx, ink_log_fn fn, void *user)
{
  if (!ctx)
    return;
  ctx->log_fn = fn;
  ctx->log_user = user;
}

/* Documented in include/inkset/inkset-common.h. */
void
ink_context_set_progress (ink_context_t *ctx, ink_progress_fn fn, void *user)
{
  if (!ctx)
    return;
  ctx->progress_fn = fn;
  ctx->progress_user = user;
}

/* Documented in include/inkset/inkset-article.h. */
void
ink_context_set_picture_source (ink_context_t *ctx, ink_picture_fn fn, void *user)
{
  if (!ctx)
    return;
  ctx->picture_fn = fn;
  ctx->picture_user = user;
}

ink_status_t
ink__progress (ink_context_t *ctx, ink_progress_stage_t stage, size_t done, size_t total)
{
  if (!ctx->progress_fn)
    return INK_OK;
  ink_status_t st = ctx->progress_fn (ctx->progress_user, stage, done, total);
  if (st == INK_OK)
    return INK_OK;
  return ink__error (ctx, st, "%s stopped by the progress callback (%s)",
                     stage == INK_PROGRESS_LAYOUT ? "layout" : "drawing", ink_status_to_string (st));
}

/* Documented in include/inkset/inkset-common.h. */
void
ink_context_memory (const ink_context_t *ctx, size_t *current, size_t *peak)
{
  if (current)
    *current = ctx ? ctx->mem_current : 0;
  if (peak)
    *peak = ctx ? ctx->mem_peak : 0;
}

/* Documented in include/inkset/inkset-common.h. */
const char *
ink_context_error (const ink_context_t *ctx)
{
  return ctx ? ctx->error : "";
}

/* Documented in include/inkset/inkset-common.h. */
ink_status_t
ink_context_set_limit (ink_context_t *ctx, ink_limit_t which, size_t value)
{
  if (!ctx || (unsigned) which >= INK_LIMIT_COUNT_)
    return INK_INVALID;
  if (value > limit_caps[which])
    return ink__error (ctx, INK_INVALID, "limit %d: %zu is above the built-in cap %zu",
                       (int) which, value, limit_caps[which]);
  ctx->limits[which] = value;
  return INK_OK;
}

/* Documented in include/inkset/inkset-common.h. */
size_t
ink_context_get_limit (const ink_context_t *ctx, ink_limit_t which)
{
  return ink__limit (ctx, which);
}

size_t
ink__limit (const ink_context_t *ctx, ink_limit_t which)
{
  if ((unsigned) which >= INK_LIMIT_COUNT_)
    return 0;
  return ctx ? ctx->limits[which] : limit_caps[which];
}

void *
ink__realloc (ink_context_t *ctx, void *p, size_t old_size, size_t new_size)
{
  if (!p)
    old_size = 0;
  if (new_size == 0) {
    if (p)
      ctx->realloc_fn (ctx->realloc_user, p, old_size, 0);
    ctx->mem_current -= old_size;
    return NULL;
  }
  void *q = p && INK__MOVES (ctx, 0) ? ink__realloc_moved (ctx, p, old_size, new_size)
                                  : ctx->realloc_fn (ctx->realloc_user, p, old_size, new_size);
  if (!q)
    return NULL;
  ctx->mem_current += new_size - old_size;
  if (ctx->mem_current > ctx->mem_peak)
    ctx->mem_peak = ctx->mem_current;
  return q;
}

void *
ink__alloc (ink_context_t *ctx, size_t size)
{
  void *p = ink__realloc (ctx, NULL, 0, size ? size : 1);
  if (p)
    memset (p, 0, size ? size : 1);
  return p;
}

void
ink__free (ink_context_t *ctx, void *p, size_t size)
{
  if (p)
    ink__realloc (ctx, p, size ? size : 1, 0);
}

/* Whether n elements of elem bytes overflow a size_t. */
static bool
array_overflows (size_t n, size_t elem)
{
  return elem && n > SIZE_MAX / elem;
}

void *
ink__alloc_array (ink_context_t *ctx, size_t n, size_t elem)
{
  return array_overflows (n, elem) ? NULL : ink__alloc (ctx, n * elem);
}

void *
ink__realloc_array (ink_context_t *ctx, void *p, size_t n0, size_t n1, size_t elem)
{
  if (array_overflows (n1, elem))
    return NULL;
  return ink__realloc (ctx, p, n0 * elem, n1 * elem);
}

bool
ink__vec_grow (ink_context_t *ctx, void **v, size_t *cap, size_t need, size_t elem)
{
  if (need <= *cap && !INK__MOVES (ctx, *cap * elem))
    return true;
  size_t cap1 = *cap ? *cap : 8;
  while (cap1 < need) {
    if (cap1 > SIZE_MAX / 2)
      return false;
    cap1 *= 2;
  }
  void *q = ink__realloc_array (ctx, *v, *cap, cap1, elem);
  if (!q)
    return false;
  *v = q;
  *cap = cap1;
  return true;
}

char *
ink__strndup (ink_context_t *ctx, const char *s, size_t len)
{
  if (len == SIZE_MAX)
    return NULL;
  char *d = ink__realloc (ctx, NULL, 0, len + 1);
  if (!d)
    return NULL;
  if (len)
    memcpy (d, s, len);
  d[len] = 0;
  return d;
}

char *
ink__strdup (ink_context_t *ctx, const char *s)
{
  return s ? ink__strndup (ctx, s, strlen (s)) : NULL;
}

void
ink__strfree (ink_context_t *ctx, char *s)
{
  if (s)
    ink__free (ctx, s, strlen (s) + 1);
}

ink_status_t
ink__error (ink_context_t *ctx, ink_status_t status, const char *fmt, ...)
{
  if (ctx && fmt) {
    va_list ap;
    va_start (ap, fmt);
    vsnprintf (ctx->error, sizeof ctx->error, fmt, ap);
    va_end (ap);
  }
  return status;
}

void
ink__log (ink_context_t *ctx, ink_log_level_t level, const char *fmt, ...)
{
  if (!ctx || !ctx->log_fn)
    return;
  char buf[512];
  va_list ap;
  va_start (ap, fmt);
  vsnprintf (buf, sizeof buf, fmt, ap);
  va_end (ap);
  ctx->log_fn (ctx->log_user, level, buf);
}

ink_status_t
ink__diag (ink_context_t *ctx, ink_diag_t *diag, ink_status_t status, unsigned line,
           unsigned column, const char *fmt, ...)
{
  char buf[sizeof diag->message];
  va_list ap;
  va_start (ap, fmt);
  vsnprintf (buf, sizeof buf, fmt, ap);
  va_end (ap);
  if (diag) {
    diag->line = line;
    diag->column = column;
    memcpy (diag->message, buf, sizeof buf);
  }
  if (line)
    return ink__error (ctx, status, "%u:%u: %s", line, column, buf);
  return ink__error (ctx, status, "%s", buf);
}

ink_status_t
ink__read_file (ink_context_t *ctx, const char *path, size_t max, char **data, size_t *len)
{
  /* Only a regular file: a FIFO would hang the read and a device never end it. */
  ink__file_t f;
  ink_status_t st = ink__open_regular (path, &f);
  int e = errno;   /* the failing call's, before anything else can change it */
  if (st == INK_NOT_FOUND)
    return ink__error (ctx, INK_IO, "%s: no such file", path);
  if (st == INK_INVALID)
    return ink__error (ctx, INK_IO, "%s: not a regular file", path);
  if (st != INK_OK)
    return ink__error (ctx, INK_IO, "%s: %s", path, strerror (e));
  st = ink__file_read (ctx, &f, max, data, len);
  e = errno;
  if (st == INK_LIMIT)
    return ink__error (ctx, INK_LIMIT, "%s: larger than the limit of %zu bytes", path, max);
  if (st == INK_NO_MEMORY)
    return ink__error (ctx, INK_NO_MEMORY, "%s: out of memory", path);
  if (st != INK_OK)
    return ink__error (ctx, INK_IO, "%s: read failed: %s", path, strerror (e));
  return INK_OK;
}
