/**
 * @file inkset-template.h
 * @brief The page template: parsed from text or a file, or built in; shared read-only.
 */
#if !defined(INKSET_H_INSIDE) && !defined(INK_BUILDING)
#error "Include <inkset/inkset.h> instead."
#endif
#ifndef INKSET_TEMPLATE_H
#define INKSET_TEMPLATE_H

#include <inkset/inkset-common.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * A page template: page geometry, fonts, styles and the panel's defaults (docs/templates.md).
 * Immutable once built and reference-counted with an atomic count, so one template may be
 * shared by layouts on several threads, each with its own context. It is freed, by the last
 * ink_template_destroy(), through the context it was made with, which must outlive every
 * reference; when that may happen on another thread, the context's allocator hook must be
 * thread-safe (the default one is).
 */
typedef struct ink_template ink_template_t;

/**
 * Reads and validates a template. Nothing of a template that fails is kept. Time and memory
 * grow with the text.
 *
 * @param ctx a context; it must outlive the template
 * @param src the template text, UTF-8 (docs/templates.md); need not be NUL-terminated; not
 *   kept. NULL is taken as empty when @p len is 0
 * @param len bytes in @p src, at most the context's INK_LIMIT_TEMPLATE_BYTES
 * @param name (nullable) the template's name, also used in messages; copied. NULL gives
 *   "template"
 * @param out receives the new template, owned by the caller (ink_template_destroy()); NULL on
 *   failure
 * @param diag (nullable) receives the line, column and message of the first error
 * @return INK_OK; INK_PARSE for a bad template, INK_LIMIT for one over the size limit (both
 *   with @p diag filled); INK_INVALID or INK_NO_MEMORY.
 * @since 0.1
 */
INK_API ink_status_t ink_template_parse (ink_context_t *ctx, const char *src, size_t len,
                                         const char *name, ink_template_t **out,
                                         ink_diag_t *diag);

/**
 * Reads a template file. The template is named after the file, without ".ini"; messages on
 * the context (ink_context_error()) start with @p path.
 *
 * @param ctx a context; it must outlive the template
 * @param path a template file
 * @param out receives the new template, owned by the caller (ink_template_destroy()); NULL on
 *   failure
 * @param diag (nullable) receives the line, column and message of the first error
 * @return INK_OK; INK_IO when the file cannot be read, INK_LIMIT when it is over
 *   INK_LIMIT_TEMPLATE_BYTES; otherwise as ink_template_parse().
 * @since 0.1
 */
INK_API ink_status_t ink_template_load (ink_context_t *ctx, const char *path,
                                        ink_template_t **out, ink_diag_t *diag);

/**
 * Makes one of the built-in templates, the files examples/templates/NAME.ini compiled in.
 *
 * @param ctx a context; it must outlive the template
 * @param name (nullable) a built-in template's name (ink_template_builtin_names()); NULL gives
 *   the default, "kiosk-10.3"
 * @param out receives the template, owned by the caller (ink_template_destroy()); NULL on
 *   failure
 * @return INK_OK, INK_NOT_FOUND for an unknown name, INK_INVALID or INK_NO_MEMORY.
 * @since 0.1
 */
INK_API ink_status_t ink_template_builtin (ink_context_t *ctx, const char *name,
                                           ink_template_t **out);

/**
 * What a command line's "-t TEMPLATE" means: a built-in name wins over a file of the same
 * name in the working directory.
 *
 * @param ctx a context; it must outlive the template
 * @param name_or_path (nullable) a built-in template's name, else a template file's path; NULL
 *   gives the default built-in template
 * @param out receives the template, owned by the caller (ink_template_destroy()); NULL on
 *   failure
 * @param diag (nullable) receives the position and message of the first error in a file
 * @return as ink_template_builtin() or ink_template_load().
 * @since 0.1
 */
INK_API ink_status_t ink_template_open (ink_context_t *ctx, const char *name_or_path,
                                        ink_template_t **out, ink_diag_t *diag);

/**
 * The names of the built-in templates. Any thread, any time.
 *
 * @return the names, the default first, ending with NULL; static.
 * @since 0.1
 */
INK_API const char *const *ink_template_builtin_names (void);

/**
 * The text of a built-in template, a starting point for one's own. Any thread, any time.
 *
 * @param name (nullable) a built-in template's name; NULL gives the default
 * @param len (nullable) receives the text's length in bytes (0 for an unknown name)
 * @return the text (NUL-terminated, static), or NULL for an unknown name.
 * @since 0.1
 */
INK_API const char *ink_template_builtin_source (const char *name, size_t *len);

/**
 * Takes another reference. A template never changes once built, so references may be used
 * and dropped on several threads at once.
 *
 * @param tpl a template, or NULL
 * @return @p tpl.
 * @since 0.1
 */
INK_API ink_template_t *ink_template_reference (ink_template_t *tpl);

/**
 * Drops a reference; the last one frees the template through the context it was made with.
 * A document holds its own reference, so the caller may drop its own after the layout.
 *
 * @param tpl a template, or NULL (nothing is done)
 * @since 0.1
 */
INK_API void ink_template_destroy (ink_template_t *tpl);

/**
 * The template's name.
 *
 * @param tpl a template
 * @return the name ("kiosk-10.3", or the file's name without ".ini"); owned by @p tpl.
 * @since 0.1
 */
INK_API const char *ink_template_name (const ink_template_t *tpl);

/**
 * The page width.
 *
 * @param tpl a template
 * @return the page width in pixels.
 * @since 0.1
 */
INK_API uint32_t ink_template_width (const ink_template_t *tpl);

/**
 * The page height.
 *
 * @param tpl a template
 * @return the page height in pixels.
 * @since 0.1
 */
INK_API uint32_t ink_template_height (const ink_template_t *tpl);

/**
 * The page's resolution.
 *
 * @param tpl a template
 * @return the page's dots per inch (96 when the template gives none).
 * @since 0.1
 */
INK_API float ink_template_dpi (const ink_template_t *tpl);

/**
 * The panel's default depth, for a caller that follows the template (ink_pixfmt_t::bpp).
 *
 * @param tpl a template
 * @return the bits per pixel: 1, 2, 4 or 8.
 * @since 0.1
 */
INK_API unsigned ink_template_bpp (const ink_template_t *tpl);

/**
 * The dither the template's panel section asks for pictures (ink_dither_from_name() turns it
 * into an ::ink_dither_t).
 *
 * @param tpl a template
 * @return "floyd-steinberg", "atkinson", "bayer", "blue-noise" or "none", static; NULL when the
 *   template leaves it to the caller.
 * @since 0.1
 */
INK_API const char *ink_template_dither (const ink_template_t *tpl);

/**
 * The number of text columns.
 *
 * @param tpl a template
 * @return the number of text columns on a page, 1 to 12.
 * @since 0.1
 */
INK_API unsigned ink_template_columns (const ink_template_t *tpl);

#ifdef __cplusplus
}
#endif
#endif
