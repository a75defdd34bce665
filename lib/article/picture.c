/* article/picture: the pictures an article names (the lead image, each figure), taken from
 * the context's picture source or read from the article's folder, and decoded once per file.
 *
 * The picture source (ink_context_set_picture_source) is asked first, with the path as
 * written; bytes it hands back are decoded once however often they are named (the table is
 * keyed by their address and length) and never kept: a JPEG carried into PDF is copied.
 *
 * An article may come from anywhere, so its paths are hostile: a file is read only when it
 * is a regular file inside the folder once links are resolved (core/confined.c), and
 * anything else gets one message that says nothing of what lies outside the folder. A file
 * named many times is decoded once (a table keyed by the file's device and inode), and the
 * decoded pictures of one article stay within INK_LIMIT_PICTURE_BYTES, checked from each
 * picture's header before its pixels are decoded. */
#include "article.h"

#define NOT_ALLOWED "not allowed (outside the article's folder or not a regular file)"

typedef struct {
  uint64_t dev, ino;
  ink__image_t *img;   /* NULL: a free slot */
} slot_t;

/* Decoded pictures by file identity, for one load; open addressing, never more than half
 * full. */
typedef struct {
  slot_t *v;
  size_t cap;
} table_t;

static slot_t *
table_find (table_t *t, uint64_t dev, uint64_t ino)
{
  size_t h = (size_t) ((dev * 0x9E3779B97F4A7C15u) ^ (ino * 0xC2B2AE3D27D4EB4Fu));
  for (size_t i = h & (t->cap - 1);; i = (i + 1) & (t->cap - 1)) {
    slot_t *s = &t->v[i];
    if (!s->img || (s->dev == dev && s->ino == ino))
      return s;
  }
}

/* What an article may not name at all, whatever the folder holds. */
static const char *
bad_path (const char *p)
{
  if (!*p)
    return "the path is empty";
  if (strstr (p, "://"))
    return "remote images are not loaded";
  if (p[0] == '/' || strchr (p, '\\'))
    return NOT_ALLOWED;
  return NULL;
}

typedef struct {
  ink_article_t *a;
  const char *dir;     /* NULL: pictures only from the picture source */
  table_t table;
  ink_diag_t *diag;
} loader_t;

static ink_status_t
fail (loader_t *L, ink_status_t st, const char *path, unsigned line, unsigned column,
      const char *why)
{
  if (st == INK_NO_MEMORY)
    return ink__diag (L->a->ctx, L->diag, st, 0, 0, "out of memory");
  return ink__diag (L->a->ctx, L->diag, st, line, column, "image \"%s\": %s", path, why);
}

/* Opens path in the folder, with the reason in *why when it cannot be. */
static ink_status_t
open_picture (loader_t *L, const char *path, ink__file_t *f, const char **why)
{
  if ((*why = bad_path (path)))
    return INK_INVALID;
  ink_status_t st = ink__open_beneath (L->dir, path, f);
  *why = st == INK_INVALID ? NOT_ALLOWED : st == INK_NOT_FOUND ? "no such file"
                                                                 : "cannot be read";
  return st == INK_NOT_FOUND ? INK_IO : st;
}

/* Decodes a picture file's bytes, within what is left of the picture budget. *owned says
 * the bytes are inkset's (len + 1 of them, from ink__file_read): a JPEG kept for PDF takes
 * them over and clears it; borrowed ones are copied for that. */
static ink_status_t
decode_bytes (loader_t *L, char *data, size_t len, bool *owned, const char *path,
              unsigned line, unsigned column, ink__image_t **out)
{
  ink_context_t *ctx = L->a->ctx;
  size_t budget = ink__limit (ctx, INK_LIMIT_PICTURE_BYTES);
  size_t left = budget > L->a->picture_bytes ? budget - L->a->picture_bytes : 0;
  ink_diag_t d = { 0 };
  ink_status_t st = ink__image_decode_within (ctx, data, len, left, out, &d);
  if (st != INK_OK)
    return fail (L, st, path, line, column, d.message);
#ifdef INK_WITH_PDF
  /* A JPEG decodes to its own size and channels: a PDF can carry the file as it is. */
  if (len > 2 && (uint8_t) data[0] == 0xff && (uint8_t) data[1] == 0xd8) {
    uint8_t *keep = *owned ? (uint8_t *) data : ink__alloc (ctx, len + 1);
    if (!keep) {
      ink__image_destroy (ctx, *out);
      *out = NULL;
      return fail (L, INK_NO_MEMORY, path, line, column, NULL);
    }
    if (!*owned)
      memcpy (keep, data, len);
    (*out)->jpeg = keep;
    (*out)->jpeg_len = len;
    *owned = false;
  }
#else
  (void) owned;   /* without PDF output no picture keeps its file */
#endif
  L->a->picture_bytes += (size_t) (*out)->width * (*out)->height * (*out)->channels;
  return INK_OK;
}

/* The most bytes a picture file may have: a compressed file is never much larger than its
 * pixels. */
static size_t
max_file_bytes (ink_context_t *ctx)
{
  size_t max = ink__limit (ctx, INK_LIMIT_IMAGE_PIXELS);
  return max > (SIZE_MAX - (1u << 20)) / 4 ? SIZE_MAX : max * 4 + (1u << 20);
}

/* Reads and decodes an open file. */
static ink_status_t
decode_picture (loader_t *L, ink__file_t *f, const char *path, unsigned line, unsigned column,
                ink__image_t **out)
{
  ink_context_t *ctx = L->a->ctx;
  char *data;
  size_t len;
  ink_status_t st = ink__file_read (ctx, f, max_file_bytes (ctx), &data, &len);
  if (st != INK_OK)
    return fail (L, st, path, line, column,
                 st == INK_LIMIT ? "file too large" : "cannot be read");
  bool owned = true;
  st = decode_bytes (L, data, len, &owned, path, line, column, out);
  if (owned)
    ink__free (ctx, data, len + 1);
  return st;
}

/* The picture from the context's source: INK_NOT_FOUND when it has none (or there is no
 * source), so the folder is looked in. */
static ink_status_t
from_source (loader_t *L, const char *path, unsigned line, unsigned column, ink__image_t **out)
{
  ink_context_t *ctx = L->a->ctx;
  const void *data = NULL;
  size_t len = 0;
  if (!ctx->picture_fn)
    return INK_NOT_FOUND;
  ink_status_t st = ctx->picture_fn (ctx->picture_user, path, &data, &len);
  if (st == INK_NOT_FOUND)
    return st;
  if (st != INK_OK || (!data && len))
    return fail (L, st != INK_OK ? st : INK_INVALID, path, line, column,
                 st != INK_OK ? "the picture source failed" : "the picture source gave no bytes");
  if (len > max_file_bytes (ctx))
    return fail (L, INK_LIMIT, path, line, column, "file too large");
  /* Keyed by the bytes' address and length: a device and inode no file has. */
  slot_t *s = table_find (&L->table, UINT64_MAX - len, (uint64_t) (uintptr_t) data);
  if (s->img) {
    s->img->refs++;
    *out = s->img;
    return INK_OK;
  }
  bool owned = false;
  if ((st = decode_bytes (L, (char *) data, len, &owned, path, line, column, out)) != INK_OK)
    return st;
  s->dev = UINT64_MAX - len;
  s->ino = (uint64_t) (uintptr_t) data;
  s->img = *out;
  return INK_OK;
}

static ink_status_t
load (loader_t *L, const char *path, unsigned line, unsigned column, ink__image_t **out)
{
  ink__file_t f;
  const char *why;
  ink_status_t st = from_source (L, path, line, column, out);
  if (st != INK_NOT_FOUND)
    return st;
  if (!L->dir)
    return fail (L, INK_IO, path, line, column, "the picture source has no such picture");
  if ((st = open_picture (L, path, &f, &why)) != INK_OK)
    return fail (L, st, path, line, column, why);
  slot_t *s = table_find (&L->table, f.dev, f.ino);
  if (s->img) {
    ink__file_close (&f);
    s->img->refs++;
    *out = s->img;
    return INK_OK;
  }
  if ((st = decode_picture (L, &f, path, line, column, out)) != INK_OK)
    return st;
  s->dev = f.dev;
  s->ino = f.ino;
  s->img = *out;
  return INK_OK;
}

ink_status_t
ink__article_load_pictures (ink_article_t *a, const char *base_dir, ink_diag_t *diag)
{
  ink_context_t *ctx = a->ctx;
  size_t n = a->image_path ? 1 : 0;
  for (size_t i = 0; i < a->nblocks; i++)
    n += a->blocks[i].kind == INK_BLOCK_FIGURE && a->blocks[i].image_path;
  if (n == 0)
    return INK_OK;
  loader_t L = { a, base_dir, { NULL, 8 }, diag };
  while (L.table.cap < 2 * n)
    L.table.cap *= 2;
  if (!(L.table.v = ink__realloc_array (ctx, NULL, 0, L.table.cap, sizeof (slot_t))))
    return ink__diag (ctx, diag, INK_NO_MEMORY, 0, 0, "out of memory");
  memset (L.table.v, 0, L.table.cap * sizeof (slot_t));
  ink_status_t st = INK_OK;
  if (a->image_path)
    st = load (&L, a->image_path, a->image_line, a->image_column, &a->image);
  for (size_t i = 0; i < a->nblocks && st == INK_OK; i++) {
    ink__block_t *b = &a->blocks[i];
    if (b->kind == INK_BLOCK_FIGURE && b->image_path)
      st = load (&L, b->image_path, b->line, b->column, &b->image);
  }
  ink__free (ctx, L.table.v, L.table.cap * sizeof (slot_t));
  return st;
}
