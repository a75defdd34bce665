#if !defined(INKSET_H_INSIDE) && !defined(INK_BUILDING)
#error "Include <inkset/inkset.h> instead."
#endif
#ifndef INKSET_COMMON_H
#define INKSET_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(INK_BUILDING) && defined(__GNUC__)
#define INK_API __attribute__ ((visibility ("default")))
#else
#define INK_API
#endif

#define INK_STATUS_LIST(X) \
  X (OK, "success") \
  X (NO_MEMORY, "out of memory") \
  X (INVALID, "invalid argument") \
  X (LIMIT, "input exceeds a limit") \
  X (PARSE, "syntax error, see ink_diag_t") \
  X (FONT, "unusable font") \
  X (UNSUPPORTED, "feature not built") \
  X (IO, "input or output failed") \
  X (NOT_FOUND, "not found") \
  X (OVERFLOW, "content did not fit the pages allowed")

#define INK_STATUS_ENUM_(name, text) INK_##name,
/* INK_OK is 0. Append only, never renumber. */
typedef enum { INK_STATUS_LIST (INK_STATUS_ENUM_) INK_STATUS_COUNT_ } ink_status_t;
#undef INK_STATUS_ENUM_

/* Where and what: filled by parsers on error. line 0 means no position is known. */
typedef struct {
  unsigned line, column;
  char message[160];
} ink_diag_t;

/* Allocator hook: realloc-style, told the old size. new_size 0 frees (return NULL);
 * ptr NULL allocates. Returns NULL on failure. */
typedef void *(*ink_realloc_fn) (void *user, void *ptr, size_t old_size, size_t new_size);

/* Log levels for the context's message callback, which is silent unless set. */
typedef enum { INK_LOG_ERROR = 0, INK_LOG_WARNING = 1, INK_LOG_INFO = 2 } ink_log_level_t;
typedef void (*ink_log_fn) (void *user, ink_log_level_t level, const char *message);

typedef struct ink_context ink_context_t;

/* Limits on untrusted input; see docs/limits.md. A context may lower any of them. */
typedef enum {
  INK_LIMIT_ARTICLE_BYTES, INK_LIMIT_PARAGRAPH_BYTES, INK_LIMIT_BLOCKS, INK_LIMIT_NESTING,
  INK_LIMIT_PAGES, INK_LIMIT_IMAGE_PIXELS, INK_LIMIT_IMAGE_SIDE, INK_LIMIT_TEMPLATE_BYTES,
  INK_LIMIT_FONT_BYTES, INK_LIMIT_BREAK_WORK, INK_LIMIT_PICTURE_BYTES, INK_LIMIT_FIELD_BYTES,
  INK_LIMIT_COUNT_
} ink_limit_t;

/* What this build of the library can do; code that was not built returns INK_UNSUPPORTED. */
typedef enum {
  INK_FEATURE_FBDEV = 1 << 0,   /* Linux framebuffer target with e-ink refresh */
  INK_FEATURE_PNG = 1 << 1,     /* PNG pictures in, pages out */
  INK_FEATURE_JPEG = 1 << 2,    /* JPEG pictures in */
  INK_FEATURE_THAI = 1 << 3,    /* Thai word breaks (libthai) */
  INK_FEATURE_HYPHEN = 1 << 4   /* hyphenation (libhyphen) */
} ink_feature_t;

INK_API const char *ink_version_string (void);
INK_API unsigned ink_features (void);
INK_API const char *ink_status_to_string (ink_status_t status);

INK_API ink_status_t ink_context_create (ink_realloc_fn fn, void *user, ink_context_t **out);
INK_API void ink_context_destroy (ink_context_t *ctx);
INK_API void ink_context_set_log (ink_context_t *ctx, ink_log_fn fn, void *user);
INK_API void ink_context_memory (const ink_context_t *ctx, size_t *current, size_t *peak);
/* The last error's message, e.g. "fonts/x.ttf: not a font file"; "" when none. Owned by ctx. */
/* Lowers a limit; a value above the compile-time cap is refused with INK_INVALID. */
INK_API ink_status_t ink_context_set_limit (ink_context_t *ctx, ink_limit_t which, size_t value);
INK_API size_t ink_context_get_limit (const ink_context_t *ctx, ink_limit_t which);
INK_API const char *ink_context_error (const ink_context_t *ctx);

#ifdef __cplusplus
}
#endif
#endif
