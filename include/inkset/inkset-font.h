/**
 * @file inkset-font.h
 * @brief The fontset: the faces templates name, from a directory, files or memory.
 */
#if !defined(INKSET_H_INSIDE) && !defined(INK_BUILDING)
#error "Include <inkset/inkset.h> instead."
#endif
#ifndef INKSET_FONT_H
#define INKSET_FONT_H

#include <inkset/inkset-common.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * A set of font faces known by file name ("NotoSerif-Regular.ttf"), as templates name them,
 * with the hyphenation patterns. Faces named by a template load from the font directory on
 * first use; faces added from memory are borrowed. Reference-counted (ink_fontset_reference()),
 * so a document keeps the fontset it was laid out with. Documents on several threads may share
 * one: the reference count is atomic and a lock inside covers faces and patterns loaded on
 * first use and FreeType; its context is then used under that lock (docs/api.md, Threads).
 */
typedef struct ink_fontset ink_fontset_t;

/**
 * Makes an empty fontset. FreeType allocates through @p ctx's hook.
 *
 * @param ctx a context; it must outlive the fontset, which allocates through it
 * @param font_dir (nullable) where faces named by file are found; copied. When NULL:
 *   $INKSET_FONT_DIR, then share/inkset/fonts of the prefix the library (or the program) was
 *   installed in, found at run time so that a moved install still finds its fonts; when none
 *   of these exists, only faces added with ink_fontset_add_memory() or ink_fontset_add_file()
 *   are found
 * @param out receives the fontset, owned by the caller (ink_fontset_destroy()); NULL on failure
 * @return INK_OK, INK_INVALID, INK_NO_MEMORY, or INK_NOT_FOUND when @p font_dir is not a
 *   directory.
 * @since 0.1
 */
INK_API ink_status_t ink_fontset_create (ink_context_t *ctx, const char *font_dir,
                                         ink_fontset_t **out);

/**
 * Takes another reference, to be dropped with ink_fontset_destroy(). Atomic: take a thread's
 * reference before starting the thread, so that it cannot come after the last one is dropped.
 *
 * @param fs a fontset, or NULL
 * @return @p fs.
 * @since 0.1
 */
INK_API ink_fontset_t *ink_fontset_reference (ink_fontset_t *fs);

/**
 * Drops a reference; the last one frees the faces and their FreeType and HarfBuzz objects.
 *
 * @param fs a fontset, or NULL (nothing is done)
 * @since 0.1
 */
INK_API void ink_fontset_destroy (ink_fontset_t *fs);

/**
 * The font directory in use.
 *
 * @param fs a fontset
 * @return the directory faces are looked up in, owned by @p fs; NULL when there is none or
 *   @p fs is NULL.
 * @since 0.1
 */
INK_API const char *ink_fontset_dir (const ink_fontset_t *fs);

/**
 * Lends a hyphenation pattern file from memory, e.g. one linked into a firmware image with
 * its fonts: text in that language is hyphenated by it, and the pattern folders (the font
 * directory, then /usr/share/hyphen) are not looked in for it. The data is not copied; it is
 * read when the language is first hyphenated. Lend it before any text in the language is
 * set with @p fs: a pattern file already looked for cannot be lent.
 *
 * @param fs a fontset
 * @param key the language (and region) as pattern files are named, hyph_KEY.dic: "en_US",
 *   "de"; a text tagged "en-US" looks for en_US, then the language's usual file, then "en"
 * @param data the pattern file, as Debian's hyphen-* packages have it (UTF-8 or the 8-bit
 *   charset its first line names); borrowed: it must outlive @p fs
 * @param len its length in bytes
 * @return INK_OK; INK_INVALID for a key of another form or one lent or used already; INK_LIMIT
 *   for a file larger than 8 MB or more than 32 lent; INK_NO_MEMORY.
 * @since 0.2
 */
INK_API ink_status_t ink_fontset_add_patterns (ink_fontset_t *fs, const char *key,
                                               const void *data, size_t len);

/**
 * Adds a face from memory, e.g. a font linked into a firmware image. The data is not copied.
 * A face of that name then wins over a file of that name in the font directory.
 *
 * @param fs a fontset
 * @param name the file name templates use for this face, e.g. "NotoSerif-Regular.ttf"; copied
 * @param data the font file; borrowed: it must outlive @p fs (firmware keeps fonts in ROM)
 * @param len its length in bytes
 * @return INK_OK, INK_FONT when @p data is not a font, INK_INVALID for a NULL argument or when
 *   @p name is taken, INK_NO_MEMORY.
 * @since 0.1
 */
INK_API ink_status_t ink_fontset_add_memory (ink_fontset_t *fs, const char *name,
                                             const void *data, size_t len);

/**
 * Opens a font file now and adds it under a name. The file is mapped read-only (the same is
 * done for the files a template names), so only the pages that shaping and rasterizing read
 * are in memory, shared with the system's file cache; where it cannot be mapped it is read
 * into memory allocated through the context. A mapped file must not be truncated or
 * rewritten while the fontset lives. Unlike the files a template names, @p path is not
 * confined to the font directory.
 *
 * @param fs a fontset
 * @param name the file name templates use for this face; copied
 * @param path where to read it: a path the caller chose, anywhere, but a regular file
 * @return INK_OK, INK_IO, INK_FONT (not a font, or not a regular file), INK_LIMIT (over
 *   INK_LIMIT_FONT_BYTES), INK_NO_MEMORY or INK_INVALID (a NULL argument, or the name taken).
 * @since 0.1
 */
INK_API ink_status_t ink_fontset_add_file (ink_fontset_t *fs, const char *name, const char *path);

/**
 * Where the font files a template names may be. By default only regular files inside the
 * fontset's directory once links are resolved: a template from elsewhere cannot make the
 * library read other files.
 */
typedef enum {
  INK_FONT_PATHS_CONFINED = 0,   /**< inside the font directory (the default) */
  INK_FONT_PATHS_ANYWHERE        /**< absolute paths and ".." too: for templates you trust */
} ink_font_paths_t;

/**
 * Sets where the font files templates name may be read from, for the faces loaded from now on.
 *
 * @param fs a fontset
 * @param paths INK_FONT_PATHS_CONFINED (the default) or INK_FONT_PATHS_ANYWHERE
 * @return INK_OK, or INK_INVALID for a NULL @p fs or an unknown value.
 * @since 0.1
 */
INK_API ink_status_t ink_fontset_set_paths (ink_fontset_t *fs, ink_font_paths_t paths);

#ifdef __cplusplus
}
#endif
#endif
