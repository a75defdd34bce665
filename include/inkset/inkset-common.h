/**
 * @file inkset-common.h
 * @brief Status codes, diagnostics, the allocator and log hooks, limits, and the context.
 *
 * Every inkset object is made with an ::ink_context_t, which carries the allocator hook, the
 * log callback, the limits on untrusted input and the last error message. A context and the
 * objects made with it are used by one thread at a time; several threads each use their own
 * context (templates may be shared between them, see ink_template_reference()).
 */
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

/** Marks a public function: exported from the shared library, which hides everything else. */
#if defined(INK_BUILDING) && defined(__GNUC__)
#define INK_API __attribute__ ((visibility ("default")))
#else
#define INK_API
#endif

/**
 * The status codes and their messages, as X (NAME, "message") entries: the one list that makes
 * both ::ink_status_t and ink_status_to_string(). Entries are appended only.
 */
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
  X (OVERFLOW, "content did not fit the pages allowed") \
  X (CANCELLED, "stopped by the progress callback")

/** @cond INTERNAL */
#define INK_STATUS_ENUM_(name, text) INK_##name,
/** @endcond */
/**
 * What a call did. INK_OK is 0; the others, in order: INK_NO_MEMORY (the allocator hook
 * returned NULL), INK_INVALID (a bad argument: a NULL where an object is needed, a value out of
 * range), INK_LIMIT (input over a limit, ::ink_limit_t), INK_PARSE (a syntax error, with an
 * ::ink_diag_t), INK_FONT (an unusable font), INK_UNSUPPORTED (a feature this build lacks,
 * ink_features()), INK_IO (a file or a write callback failed), INK_NOT_FOUND (an unknown name)
 * INK_OVERFLOW (the content did not fit the pages allowed; the document is still made) and
 * INK_CANCELLED (a progress callback asked to stop, ink_context_set_progress()).
 * Values are appended only, never renumbered. When a call made with a context fails, the
 * context's ink_context_error() says why.
 */
typedef enum {
  INK_STATUS_LIST (INK_STATUS_ENUM_)
  INK_STATUS_COUNT_ /**< not a status: the number of statuses in this version */
} ink_status_t;
#undef INK_STATUS_ENUM_

/**
 * Where and what an error in an article or a template is: filled by the parsers on error,
 * in storage the caller owns. Its size is fixed: the message is cut to fit.
 */
typedef struct {
  unsigned line;      /**< 1-based line; 0 when no position is known */
  unsigned column;    /**< 1-based column in bytes; 0 when no position is known */
  char message[160];  /**< what was expected, NUL-terminated, in English */
} ink_diag_t;

/**
 * The allocator hook: realloc-style and told the old size, so arena and budget allocators can
 * be used. @p ptr NULL allocates @p new_size bytes; @p new_size 0 frees @p ptr (return NULL);
 * otherwise resizes. Returns NULL on failure, leaving @p ptr as it was. The memory need not be
 * zeroed, and must be aligned as malloc's is. Called on the thread using the context, with one
 * exception: a template shared between threads is freed through the hook of the context that
 * made it, on the thread that drops the last reference, so that hook must then be thread-safe
 * (the default one is).
 *
 * @param user the pointer given to ink_context_create()
 * @param ptr the block to resize or free, or NULL
 * @param old_size the size @p ptr was allocated with (0 when @p ptr is NULL)
 * @param new_size the size wanted, or 0 to free
 * @return the block, or NULL
 */
typedef void *(*ink_realloc_fn) (void *user, void *ptr, size_t old_size, size_t new_size);

/** How serious a logged message is. */
typedef enum {
  INK_LOG_ERROR = 0,    /**< an error (errors are returned as statuses, not logged, today) */
  INK_LOG_WARNING = 1,  /**< bad content that was degraded, not refused ("FILE:LINE:COLUMN: ...") */
  INK_LOG_INFO = 2      /**< what the library chose to do, e.g. a first-fit fallback */
} ink_log_level_t;

/**
 * The context's message callback (ink_context_set_log()). It is called on the thread that made
 * the call being logged, during that call.
 *
 * @param user the pointer given to ink_context_set_log()
 * @param level how serious the message is
 * @param message the text, UTF-8, without a final newline; valid only during the call
 */
typedef void (*ink_log_fn) (void *user, ink_log_level_t level, const char *message);

/**
 * A context: the allocator hook, the log callback, the limits and the last error message.
 * Single owner (ink_context_create(), ink_context_destroy()). A context, and every object made
 * with it except a template, is used by one thread at a time.
 */
typedef struct ink_context ink_context_t;

/**
 * Limits on untrusted input (docs/limits.md gives each default and message). A context starts
 * at the compile-time caps and may lower any of them (ink_context_set_limit()).
 */
typedef enum {
  INK_LIMIT_ARTICLE_BYTES,    /**< an article's source, in bytes */
  INK_LIMIT_PARAGRAPH_BYTES,  /**< the text of one block, in bytes */
  INK_LIMIT_BLOCKS,           /**< blocks in one article */
  INK_LIMIT_NESTING,          /**< quotes and lists inside each other */
  INK_LIMIT_PAGES,            /**< pages of one document; the rest is overflow, not an error */
  INK_LIMIT_IMAGE_PIXELS,     /**< a decoded picture's width x height */
  INK_LIMIT_IMAGE_SIDE,       /**< either side of a decoded picture */
  INK_LIMIT_TEMPLATE_BYTES,   /**< a template's source, in bytes */
  INK_LIMIT_FONT_BYTES,       /**< one font file or memory font, in bytes */
  INK_LIMIT_BREAK_WORK,       /**< line-breaking work per paragraph; past it, first fit */
  INK_LIMIT_PICTURE_BYTES,    /**< one picture file, in bytes */
  INK_LIMIT_FIELD_BYTES,      /**< a front-matter value or a block field, in bytes */
  INK_LIMIT_COUNT_            /**< not a limit: the number of limits in this version */
} ink_limit_t;

/** What this build of the library can do (ink_features()); code that was not built returns
 * INK_UNSUPPORTED. */
typedef enum {
  INK_FEATURE_FBDEV = 1 << 0,   /**< Linux framebuffer target with e-ink refresh */
  INK_FEATURE_PNG = 1 << 1,     /**< PNG pictures in, pages out */
  INK_FEATURE_JPEG = 1 << 2,    /**< JPEG pictures in */
  INK_FEATURE_THAI = 1 << 3,    /**< Thai word breaks (libthai) */
  INK_FEATURE_HYPHEN = 1 << 4,  /**< hyphenation (libhyphen) */
  INK_FEATURE_PDF = 1 << 5      /**< PDF output through cairo: ink_pdf_write() */
} ink_feature_t;

/**
 * The library's version at run time, which may differ from the headers' INK_VERSION_STRING
 * when the shared library was upgraded underneath a program.
 *
 * @return the version, e.g. "0.1.0"; static.
 * @since 0.1
 */
INK_API const char *ink_version_string (void);

/**
 * The library's version at run time, as numbers. A program can compare it with the headers'
 * INK_VERSION_NUMBER it was compiled with: a library older than the headers may lack
 * functions or struct fields the program uses. Any thread, any time.
 *
 * @param major (nullable) receives the major version
 * @param minor (nullable) receives the minor version
 * @param micro (nullable) receives the micro (patch) version
 * @return the version as INK_VERSION_ENCODE (major, minor, micro).
 * @since 0.1
 */
INK_API unsigned ink_version (unsigned *major, unsigned *minor, unsigned *micro);

/**
 * What this build of the library can do. Any thread, any time.
 *
 * @return the ::ink_feature_t bits of the features built in.
 * @since 0.1
 */
INK_API unsigned ink_features (void);

/**
 * A status's message, for people. Any thread, any time.
 *
 * @param status a status
 * @return a static English phrase for @p status, "unknown status" for a value not in the list.
 * @since 0.1
 */
INK_API const char *ink_status_to_string (ink_status_t status);

/**
 * Makes a context. Every allocation inkset makes for the objects made with this context goes
 * through @p fn (the libraries under it are listed in docs/api.md). A context is used by one
 * thread at a time; use one per thread.
 *
 * @param fn the allocator hook, or NULL for the C library's realloc and free
 * @param user passed to @p fn; may be NULL
 * @param out receives the new context, owned by the caller (ink_context_destroy()); NULL on
 *   failure
 * @return INK_OK, INK_INVALID (@p out NULL) or INK_NO_MEMORY.
 * @since 0.1
 */
INK_API ink_status_t ink_context_create (ink_realloc_fn fn, void *user, ink_context_t **out);

/**
 * Frees the context. Every object made with it (fontsets, templates, articles, documents,
 * strip renderers, framebuffers) must have been destroyed first, since they free through it.
 *
 * @param ctx a context, or NULL (nothing is done)
 * @since 0.1
 */
INK_API void ink_context_destroy (ink_context_t *ctx);

/**
 * Sets the callback that receives warnings (bad content degraded, "FILE:LINE:COLUMN: warning:
 * ...") and information. The library never prints by itself.
 *
 * @param ctx a context; NULL does nothing
 * @param fn called with each message on the calling thread; NULL silences (the default)
 * @param user passed to @p fn
 * @since 0.1
 */
INK_API void ink_context_set_log (ink_context_t *ctx, ink_log_fn fn, void *user);

/** The work a progress callback reports on (::ink_progress_fn). */
typedef enum {
  INK_PROGRESS_LAYOUT = 0,  /**< ink_document_layout(): a page is set; done counts the pages
                             * set so far, total is 0 (not known until the text ends) */
  INK_PROGRESS_DRAW = 1     /**< drawing a frame (ink_frame_render(), ink_png_render(), strips,
                             * framebuffers): done native rows of total are drawn */
} ink_progress_stage_t;

/**
 * A progress callback: told how far a layout or a drawing has come, it says whether to go on.
 * It runs on the thread doing the work, inside the call; it must not use the context.
 *
 * @param user the pointer given to ink_context_set_progress()
 * @param stage what is being done
 * @param done how much of it is done
 * @param total how much there is in all, or 0 when not known yet
 * @return INK_OK to go on; any other status stops the work, and the call that was working
 *   returns that status (INK_CANCELLED is the one meant for this) with nothing half made:
 *   the layout gives no document, the drawing call no rows beyond those already reported.
 */
typedef ink_status_t (*ink_progress_fn) (void *user, ink_progress_stage_t stage, size_t done,
                                         size_t total);

/**
 * Sets the callback that reports progress of the layout (a call per page set) and of drawing
 * (a call per strip of rows) done with this context, and that can stop that work. A newsroom
 * service stops a render whose client went away; a kiosk shows how far a long page has come.
 *
 * @param ctx a context; NULL does nothing
 * @param fn called as the work goes on (::ink_progress_fn); NULL for none (the default)
 * @param user passed to @p fn
 * @since 0.2
 */
INK_API void ink_context_set_progress (ink_context_t *ctx, ink_progress_fn fn, void *user);

/**
 * The memory taken through the context's allocator hook. Memory that libraries under inkset take
 * outside the hook (HarfBuzz, libhyphen and others; docs/api.md) is not counted.
 *
 * @param ctx a context; NULL gives 0 and 0
 * @param current (nullable) receives the bytes now allocated through the context
 * @param peak (nullable) receives the most ever allocated at once
 * @since 0.1
 */
INK_API void ink_context_memory (const ink_context_t *ctx, size_t *current, size_t *peak);

/**
 * Lowers a limit on untrusted input for the calls made with this context from now on.
 *
 * @param ctx a context
 * @param which the limit
 * @param value the new value, at most the compile-time cap (lib/core/ink-limits.h, the default
 *   of ink_context_get_limit())
 * @return INK_OK, or INK_INVALID for a NULL @p ctx, an unknown limit or a value above the cap.
 * @since 0.1
 */
INK_API ink_status_t ink_context_set_limit (ink_context_t *ctx, ink_limit_t which, size_t value);

/**
 * A limit in force.
 *
 * @param ctx a context, or NULL for the compile-time cap
 * @param which the limit
 * @return the limit, or 0 for an unknown one.
 * @since 0.1
 */
INK_API size_t ink_context_get_limit (const ink_context_t *ctx, ink_limit_t which);

/**
 * Why the last call that failed with this context failed, e.g. "fonts/x.ttf: not a font file".
 * A successful call does not clear it.
 *
 * @param ctx a context, or NULL (gives "")
 * @return the message of the last error, "" if none; owned by @p ctx, valid until the next call
 *   made with it.
 * @since 0.1
 */
INK_API const char *ink_context_error (const ink_context_t *ctx);

#ifdef __cplusplus
}
#endif
#endif
