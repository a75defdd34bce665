#if !defined(INKSET_H_INSIDE) && !defined(INK_BUILDING)
#error "Include <inkset/inkset.h> instead."
#endif
#ifndef INKSET_FONT_H
#define INKSET_FONT_H

#include <inkset/inkset-common.h>

#ifdef __cplusplus
extern "C" {
#endif

/* A set of font faces known by file name ("NotoSerif-Regular.ttf"), as templates name them.
 * Faces load once, on first use. Not thread-safe: use one fontset per thread. */
typedef struct ink_fontset ink_fontset_t;

INK_API ink_status_t ink_fontset_create (ink_context_t *ctx, const char *font_dir,
                                         ink_fontset_t **out);
INK_API ink_fontset_t *ink_fontset_reference (ink_fontset_t *fs);
INK_API void ink_fontset_destroy (ink_fontset_t *fs);
INK_API const char *ink_fontset_dir (const ink_fontset_t *fs);
INK_API ink_status_t ink_fontset_add_memory (ink_fontset_t *fs, const char *name,
                                             const void *data, size_t len);
INK_API ink_status_t ink_fontset_add_file (ink_fontset_t *fs, const char *name, const char *path);

/* Where the font files a template names may be. By default only regular files inside the
 * fontset's directory once links are resolved: a template from elsewhere cannot make the
 * library read other files. */
typedef enum {
  INK_FONT_PATHS_CONFINED = 0,   /* inside the font directory (the default) */
  INK_FONT_PATHS_ANYWHERE        /* absolute paths and ".." too: for templates you trust */
} ink_font_paths_t;
INK_API ink_status_t ink_fontset_set_paths (ink_fontset_t *fs, ink_font_paths_t paths);

#ifdef __cplusplus
}
#endif
#endif
