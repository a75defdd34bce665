/* text/fontset: faces by file name, loaded once from a directory or taken from memory.
 *
 *   ink_fontset_t *fs;
 *   // NULL: INKSET_FONT_DIR, else the fonts installed with inkset
 *   ink_fontset_create (ctx, NULL, &fs);
 *   ink_fontset_add_memory (fs, "NotoSerif-Regular.ttf", rom_font, rom_font_len);
 *   ...
 *   ink_fontset_destroy (fs);
 *
 * A template is input like an article: the files it names are read only when they are
 * regular files inside the font directory once links are resolved (core/confined.c), unless
 * the caller allows paths anywhere (ink_fontset_set_paths).
 *
 * HarfBuzz takes its allocator only at build time (hb_malloc_impl), so its small per-face
 * objects come from the C library; the font files themselves and FreeType's memory come
 * from the context. */
#define _POSIX_C_SOURCE 200809L /* mmap */
#include "text.h"

#include "breaks.h"
#include "datadir.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_MODULE_H
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>

/* FreeType frees without a size, so each block carries its size in front. */
typedef union { size_t size; max_align_t align; } ft_header_t;

static void *
ft_alloc (FT_Memory memory, long size)
{
  ink_context_t *ctx = memory->user;
  if (size <= 0)
    return NULL;
  ft_header_t *h = ink__realloc (ctx, NULL, 0, sizeof *h + (size_t) size);
  if (!h)
    return NULL;
  h->size = (size_t) size;
  return h + 1;
}

static void
ft_free (FT_Memory memory, void *block)
{
  if (!block)
    return;
  ft_header_t *h = (ft_header_t *) block - 1;
  ink__realloc (memory->user, h, sizeof *h + h->size, 0);
}

static void *
ft_realloc (FT_Memory memory, long cur_size, long new_size, void *block)
{
  (void) cur_size;
  if (!block)
    return ft_alloc (memory, new_size);
  ft_header_t *h = (ft_header_t *) block - 1;
  if (new_size <= 0) {
    ft_free (memory, block);
    return NULL;
  }
  ft_header_t *q = ink__realloc (memory->user, h, sizeof *h + h->size, sizeof *h + (size_t) new_size);
  if (!q)
    return NULL;
  q->size = (size_t) new_size;
  return q + 1;
}

static bool
is_dir (const char *path)
{
  struct stat st;
  return path && *path && stat (path, &st) == 0 && S_ISDIR (st.st_mode);
}

/* Documented in include/inkset/inkset-font.h. */
ink_status_t
ink_fontset_create (ink_context_t *ctx, const char *font_dir, ink_fontset_t **out)
{
  if (!ctx || !out)
    return INK_INVALID;
  *out = NULL;
  const char *dir = NULL;
  char installed[INK__PATH_MAX];
  if (font_dir) {
    if (!is_dir (font_dir))
      return ink__error (ctx, INK_NOT_FOUND, "%s: not a font directory", font_dir);
    dir = font_dir;
  } else if (is_dir (getenv ("INKSET_FONT_DIR"))) {
    dir = getenv ("INKSET_FONT_DIR");
  } else if (ink__data_dir ("fonts", installed, sizeof installed)) {
    dir = installed;
  }
  ink_fontset_t *fs = ink__alloc (ctx, sizeof *fs);
  if (!fs)
    return ink__error (ctx, INK_NO_MEMORY, "out of memory");
  fs->ctx = ctx;
  fs->refcount = 1;
  pthread_mutex_init (&fs->lock, NULL);
  if (dir && !(fs->dir = ink__strdup (ctx, dir))) {
    ink__free (ctx, fs, sizeof *fs);
    return ink__error (ctx, INK_NO_MEMORY, "out of memory");
  }
  FT_Memory mem = ink__alloc (ctx, sizeof *mem);
  if (!mem) {
    ink_fontset_destroy (fs);
    return ink__error (ctx, INK_NO_MEMORY, "out of memory");
  }
  mem->user = ctx;
  mem->alloc = ft_alloc;
  mem->free = ft_free;
  mem->realloc = ft_realloc;
  fs->ft_memory = mem;
  FT_Library lib;
  if (FT_New_Library (mem, &lib) != 0) {
    ink_fontset_destroy (fs);
    return ink__error (ctx, INK_NO_MEMORY, "cannot start FreeType");
  }
  FT_Add_Default_Modules (lib);
  fs->ft_library = lib;
  *out = fs;
  return INK_OK;
}

/* Documented in include/inkset/inkset-font.h. */
ink_fontset_t *
ink_fontset_reference (ink_fontset_t *fs)
{
  if (fs)
    __atomic_fetch_add (&fs->refcount, 1, __ATOMIC_RELAXED);
  return fs;
}

static void
face_destroy (ink_fontset_t *fs, ink__face_t *face)
{
  ink_context_t *ctx = fs->ctx;
  if (face->ft_face)
    FT_Done_Face (face->ft_face);
  hb_font_destroy (face->hb_font);
  hb_face_destroy (face->hb_face);
  hb_blob_destroy (face->blob);
  if (face->mapped)
    munmap ((void *) face->data, face->len);
  else if (face->owns_data)
    ink__free (ctx, (void *) face->data, face->len + 1);
  ink__strfree (ctx, face->name);
  ink__free (ctx, face, sizeof *face);
}

/* Documented in include/inkset/inkset-font.h. */
void
ink_fontset_destroy (ink_fontset_t *fs)
{
  if (!fs || __atomic_sub_fetch (&fs->refcount, 1, __ATOMIC_ACQ_REL) != 0)
    return;
  ink_context_t *ctx = fs->ctx;
  for (size_t i = 0; i < fs->faces.n; i++)
    face_destroy (fs, fs->faces.v[i]);
  ink__vec_free (ctx, &fs->faces);
  ink__hyphenator_destroy (fs->hyphenator);
  if (fs->ft_library)
    FT_Done_Library (fs->ft_library);
  ink__free (ctx, fs->ft_memory, sizeof (struct FT_MemoryRec_));
  ink__strfree (ctx, fs->dir);
  pthread_mutex_destroy (&fs->lock);
  ink__free (ctx, fs, sizeof *fs);
}

/* Documented in include/inkset/inkset-font.h. */
const char *
ink_fontset_dir (const ink_fontset_t *fs)
{
  return fs ? fs->dir : NULL;
}

/* Gives back font data that no face took: owned bytes to the context, a mapping to the system. */
static void
drop_data (ink_context_t *ctx, const uint8_t *data, size_t len, bool owns, bool mapped)
{
  if (mapped)
    munmap ((void *) data, len);
  else if (owns)
    ink__free (ctx, (void *) data, len + 1);
}

static ink_status_t
add_face (ink_fontset_t *fs, const char *name, const uint8_t *data, size_t len, bool owns,
          bool mapped, ink__face_t **out)
{
  ink_context_t *ctx = fs->ctx;
  if (len > ink__limit (ctx, INK_LIMIT_FONT_BYTES) || len > UINT32_MAX) {
    drop_data (ctx, data, len, owns, mapped);
    return ink__error (ctx, INK_LIMIT, "%s: font larger than the limit of %zu bytes", name,
                       ink__limit (ctx, INK_LIMIT_FONT_BYTES));
  }
  ink__face_t *face = ink__alloc (ctx, sizeof *face);
  if (!face || !ink__vec_reserve (ctx, &fs->faces, fs->faces.n + 1)) {
    drop_data (ctx, data, len, owns, mapped);
    ink__free (ctx, face, sizeof *face);
    return ink__error (ctx, INK_NO_MEMORY, "out of memory");
  }
  face->fontset = fs;
  face->data = data;
  face->len = len;
  face->owns_data = owns || mapped;
  face->mapped = mapped;
  face->serial = (unsigned) fs->faces.n;
  face->name = ink__strdup (ctx, name);
  face->blob = hb_blob_create ((const char *) data, (unsigned) len, HB_MEMORY_MODE_READONLY,
                               NULL, NULL);
  face->hb_face = hb_face_create (face->blob, 0);
  face->upem = hb_face_get_upem (face->hb_face);
  /* A blob that is not an OpenType font gives a face with no glyphs. */
  if (!face->name || hb_face_get_glyph_count (face->hb_face) == 0 || face->upem == 0) {
    bool oom = !face->name;
    face_destroy (fs, face);
    if (oom)
      return ink__error (ctx, INK_NO_MEMORY, "out of memory");
    return ink__error (ctx, INK_FONT, "%s: not a font file (no glyphs found)", name);
  }
  face->hb_font = hb_font_create (face->hb_face);
  hb_font_set_scale (face->hb_font, (int) face->upem, (int) face->upem);
  hb_font_extents_t ext;
  hb_font_get_h_extents (face->hb_font, &ext);
  face->ascender = ext.ascender;
  face->descender = ext.descender;
  face->line_gap = ext.line_gap;
  hb_face_make_immutable (face->hb_face);
  hb_font_make_immutable (face->hb_font);
  fs->faces.v[fs->faces.n++] = face;
  if (out)
    *out = face;
  return INK_OK;
}

/* INK_OK when no face is called name yet. Called with the fontset locked, as adding a face
 * is: threads sharing the fontset may be loading faces. */
static ink_status_t
name_taken (ink_fontset_t *fs, const char *name)
{
  for (size_t i = 0; i < fs->faces.n; i++)
    if (strcmp (fs->faces.v[i]->name, name) == 0)
      return ink__error (fs->ctx, INK_INVALID, "%s: a face of that name is loaded already", name);
  return INK_OK;
}

/* Documented in include/inkset/inkset-font.h. */
ink_status_t
ink_fontset_add_memory (ink_fontset_t *fs, const char *name, const void *data, size_t len)
{
  if (!fs || !name || !data)
    return INK_INVALID;
  ink__fontset_lock (fs);
  ink_status_t st = name_taken (fs, name);
  if (st == INK_OK)
    st = add_face (fs, name, data, len, false, false, NULL);
  ink__fontset_unlock (fs);
  return st;
}

/* Documented in include/inkset/inkset-font.h. */
ink_status_t
ink_fontset_add_patterns (ink_fontset_t *fs, const char *key, const void *data, size_t len)
{
  if (!fs || !key || (!data && len))
    return INK_INVALID;
  ink__hyphenator_t *h;
  ink_status_t st = ink__fontset_hyphenator (fs, &h);
  return st == INK_OK ? ink__hyphenator_lend (h, key, data ? data : "", len) : st;
}

/* Maps an open font file read-only and closes it: the pages a face reads are shared with the
 * page cache, and those never read cost nothing. NULL when the system will not map it. */
static const uint8_t *
map_file (ink__file_t *f)
{
  if (f->size == 0 || f->size > SIZE_MAX)
    return NULL;
  void *p = mmap (NULL, (size_t) f->size, PROT_READ, MAP_PRIVATE, f->fd, 0);
  if (p == MAP_FAILED)
    return NULL;
  ink__file_close (f);
  return p;
}

/* Maps an open font file (reads it where it cannot be mapped) and adds it as name. */
static ink_status_t
read_face (ink_fontset_t *fs, const char *name, ink__file_t *f, ink__face_t **out)
{
  ink_context_t *ctx = fs->ctx;
  size_t max = ink__limit (ctx, INK_LIMIT_FONT_BYTES);
  if (f->size <= max) {
    size_t len = (size_t) f->size;
    const uint8_t *mapped = map_file (f);
    if (mapped)
      return add_face (fs, name, mapped, len, false, true, out);
  }
  char *data;
  size_t len;
  ink_status_t st = ink__file_read (ctx, f, max, &data, &len);
  if (st == INK_LIMIT)
    return ink__error (ctx, st, "%s: larger than the limit of %zu bytes", name, max);
  if (st == INK_NO_MEMORY)
    return ink__error (ctx, st, "out of memory");
  if (st != INK_OK)
    return ink__error (ctx, st, "%s: read failed", name);
  return add_face (fs, name, (const uint8_t *) data, len, true, false, out);
}

/* Why a font file could not be opened, in words that say nothing of what lies outside the
 * font directory. */
static ink_status_t
open_failed (ink_fontset_t *fs, const char *name, ink_status_t st)
{
  if (st == INK_INVALID)
    return ink__error (fs->ctx, INK_FONT, "%s: not allowed (%s)", name,
                       fs->paths == INK_FONT_PATHS_CONFINED
                         ? "outside the font directory or not a regular file"
                         : "not a regular file");
  if (st == INK_NOT_FOUND)
    return ink__error (fs->ctx, INK_IO, "%s: no such font file", name);
  return ink__error (fs->ctx, INK_IO, "%s: cannot be read", name);
}

/* Documented in include/inkset/inkset-font.h. */
ink_status_t
ink_fontset_add_file (ink_fontset_t *fs, const char *name, const char *path)
{
  if (!fs || !name || !path)
    return INK_INVALID;
  ink__fontset_lock (fs);
  ink_status_t st = name_taken (fs, name);
  if (st == INK_OK) {
    ink__file_t f;
    st = ink__open_regular (path, &f);
    st = st == INK_OK ? read_face (fs, name, &f, NULL) : open_failed (fs, path, st);
  }
  ink__fontset_unlock (fs);
  return st;
}

/* Documented in include/inkset/inkset-font.h. */
ink_status_t
ink_fontset_set_paths (ink_fontset_t *fs, ink_font_paths_t paths)
{
  if (!fs || (paths != INK_FONT_PATHS_CONFINED && paths != INK_FONT_PATHS_ANYWHERE))
    return INK_INVALID;
  fs->paths = paths;
  return INK_OK;
}

/* Opens the file a template names: confined to the font directory unless the caller said
 * otherwise. */
static ink_status_t
open_named (ink_fontset_t *fs, const char *name, ink__file_t *f)
{
  if (fs->paths == INK_FONT_PATHS_CONFINED)
    return ink__open_beneath (fs->dir, name, f);
  if (name[0] == '/')
    return ink__open_regular (name, f);
  ink__str_t path = { 0 };
  if (!ink__str_printf (fs->ctx, &path, "%s/%s", fs->dir, name)) {
    ink__str_free (fs->ctx, &path);
    return INK_NO_MEMORY;
  }
  ink_status_t st = ink__open_regular (path.s, f);
  ink__str_free (fs->ctx, &path);
  return st;
}

void
ink__fontset_lock (ink_fontset_t *fs)
{
  pthread_mutex_lock (&fs->lock);
}

void
ink__fontset_unlock (ink_fontset_t *fs)
{
  pthread_mutex_unlock (&fs->lock);
}

static ink_status_t
face_locked (ink_fontset_t *fs, const char *name, ink__face_t **out)
{
  for (size_t i = 0; i < fs->faces.n; i++)
    if (strcmp (fs->faces.v[i]->name, name) == 0) {
      *out = fs->faces.v[i];
      return INK_OK;
    }
  if (!fs->dir && !(fs->paths == INK_FONT_PATHS_ANYWHERE && name[0] == '/'))
    return ink__error (fs->ctx, INK_NOT_FOUND,
                       "%s: no font directory (set INKSET_FONT_DIR or name one)", name);
  ink__file_t f;
  ink_status_t st = open_named (fs, name, &f);
  if (st == INK_NO_MEMORY)
    return ink__error (fs->ctx, st, "out of memory");
  return st == INK_OK ? read_face (fs, name, &f, out) : open_failed (fs, name, st);
}

ink_status_t
ink__fontset_face (ink_fontset_t *fs, const char *name, ink__face_t **out)
{
  ink__fontset_lock (fs);
  ink_status_t st = face_locked (fs, name, out);
  ink__fontset_unlock (fs);
  return st;
}

bool
ink__face_covers (const ink__face_t *face, uint32_t cp)
{
  uint8_t *memo = cp < 256 ? (uint8_t *) &face->covers_low[cp] : NULL;   /* faces are not const */
  uint8_t known = memo ? __atomic_load_n (memo, __ATOMIC_RELAXED) : 0;
  if (known)
    return known == 2;
  hb_codepoint_t gid;
  bool covers = hb_font_get_nominal_glyph (face->hb_font, cp, &gid) && gid != 0;
  if (memo)
    __atomic_store_n (memo, (uint8_t) (covers ? 2 : 1), __ATOMIC_RELAXED);
  return covers;
}

/* A remembered extent: a mark, the glyph, its y bearing and height, 16 bits each. */
#define VEXT_MARK 0xE5E0u

bool
ink__face_vextent (ink__face_t *face, uint32_t gid, int32_t *y_bearing, int32_t *height)
{
  uint64_t *slot = &face->vextents[gid % INK_FACE_VEXTENTS];
  uint64_t e = __atomic_load_n (slot, __ATOMIC_RELAXED);
  if (e >> 48 == VEXT_MARK && (e >> 32 & 0xFFFF) == gid) {
    *y_bearing = (int16_t) (uint16_t) (e >> 16);
    *height = (int16_t) (uint16_t) e;
    return true;
  }
  hb_glyph_extents_t ext;
  if (!hb_font_get_glyph_extents (face->hb_font, gid, &ext))
    return false;
  *y_bearing = ext.y_bearing;
  *height = ext.height;
  /* Only what fits in the word is remembered (font units: nearly always). */
  if (gid <= 0xFFFF && ext.y_bearing == (int16_t) ext.y_bearing
      && ext.height == (int16_t) ext.height)
    __atomic_store_n (slot, (uint64_t) VEXT_MARK << 48 | (uint64_t) gid << 32
                              | (uint64_t) (uint16_t) ext.y_bearing << 16 | (uint16_t) ext.height,
                      __ATOMIC_RELAXED);
  return true;
}

void *
ink__face_ft (ink__face_t *face)
{
  if (!face->ft_face) {
    FT_Face ft;
    if (FT_New_Memory_Face (face->fontset->ft_library, face->data, (FT_Long) face->len,
                            (FT_Long) face->index, &ft) != 0)
      return NULL;
    face->ft_face = ft;
  }
  return face->ft_face;
}

ink_status_t
ink__fontset_hyphenator (ink_fontset_t *fs, ink__hyphenator_t **out)
{
  ink_status_t st = INK_OK;
  ink__fontset_lock (fs);
  if (!fs->hyphenator) {
    const char *dirs[2] = { fs->dir, NULL };
    st = ink__hyphenator_create (fs->ctx, dirs, &fs->hyphenator);
    if (st == INK_OK)
      ink__hyphenator_use_lock (fs->hyphenator, &fs->lock);
  }
  *out = fs->hyphenator;
  ink__fontset_unlock (fs);
  return st;
}
