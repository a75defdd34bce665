#if !defined(INKSET_H_INSIDE) && !defined(INK_BUILDING)
#error "Include <inkset/inkset.h> instead."
#endif
#ifndef INKSET_TEMPLATE_H
#define INKSET_TEMPLATE_H

#include <inkset/inkset-common.h>

#ifdef __cplusplus
extern "C" {
#endif

/* A page template: page geometry, fonts, styles and the panel's defaults. Immutable once
 * built and reference-counted, so one template may be shared by many layouts. The language
 * is described in docs/templates.md. */
typedef struct ink_template ink_template_t;

INK_API ink_status_t ink_template_parse (ink_context_t *ctx, const char *src, size_t len,
                                         const char *name, ink_template_t **out,
                                         ink_diag_t *diag);
INK_API ink_status_t ink_template_load (ink_context_t *ctx, const char *path,
                                        ink_template_t **out, ink_diag_t *diag);
INK_API ink_status_t ink_template_builtin (ink_context_t *ctx, const char *name,
                                           ink_template_t **out);
INK_API ink_status_t ink_template_open (ink_context_t *ctx, const char *name_or_path,
                                        ink_template_t **out, ink_diag_t *diag);
INK_API const char *const *ink_template_builtin_names (void);
INK_API const char *ink_template_builtin_source (const char *name, size_t *len);
INK_API ink_template_t *ink_template_reference (ink_template_t *tpl);
INK_API void ink_template_destroy (ink_template_t *tpl);

INK_API const char *ink_template_name (const ink_template_t *tpl);
INK_API uint32_t ink_template_width (const ink_template_t *tpl);
INK_API uint32_t ink_template_height (const ink_template_t *tpl);
INK_API float ink_template_dpi (const ink_template_t *tpl);
INK_API unsigned ink_template_bpp (const ink_template_t *tpl);
INK_API const char *ink_template_dither (const ink_template_t *tpl);
INK_API unsigned ink_template_columns (const ink_template_t *tpl);

#ifdef __cplusplus
}
#endif
#endif
