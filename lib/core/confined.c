/* core/confined: opening input files that an untrusted document names (pictures, template
 * fonts) so that nothing outside their folder is ever reached, and only regular files are
 * read. The path is walked one component at a time with openat and O_NOFOLLOW from a
 * descriptor of the folder; links are resolved here, not by the kernel, so a link that
 * leads out is refused however it is spelled and nothing can swap a component between a
 * check and the open (every step is relative to a descriptor already held).
 *
 *   ink__file_t f;
 *   if (ink__open_beneath (dir, "images/a.png", &f) == INK_OK)
 *     st = ink__file_read (ctx, &f, max, &data, &len);   // closes f
 */
#define _POSIX_C_SOURCE 200809L /* openat, fstatat, readlinkat, O_NOFOLLOW */
#include "core.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_DEPTH 40      /* folders below dir held open at once */
#define MAX_LINKS 40      /* links followed in one path, as the kernel's ELOOP */
#define PATH_ROOM 4096

/* The rest of the path still to walk, in a fixed buffer. */
typedef struct {
  char s[PATH_ROOM];
  size_t pos;
} rest_t;

/* Copies the next component of r into comp; false when none is left. */
static bool
next_component (rest_t *r, char *comp, size_t room, bool *last, bool *too_long)
{
  while (r->s[r->pos] == '/')
    r->pos++;
  if (!r->s[r->pos])
    return false;
  size_t n = strcspn (r->s + r->pos, "/");
  *too_long = n >= room;
  if (!*too_long)
    memcpy (comp, r->s + r->pos, n);
  comp[*too_long ? 0 : n] = 0;
  r->pos += n;
  size_t k = r->pos;
  while (r->s[k] == '/')
    k++;
  *last = !r->s[k];
  return true;
}

/* Replaces the walked part of r by a link's target: target, then what was left. */
static bool
splice (rest_t *r, const char *target, size_t tlen)
{
  size_t left = strlen (r->s + r->pos);
  if (tlen + 1 + left + 1 > sizeof r->s)
    return false;
  memmove (r->s + tlen + 1, r->s + r->pos, left + 1);
  memcpy (r->s, target, tlen);
  r->s[tlen] = '/';
  r->pos = 0;
  return true;
}

static ink_status_t
errno_status (int e)
{
  if (e == ENOENT || e == ENOTDIR)
    return INK_NOT_FOUND;
  if (e == ELOOP || e == EMLINK)
    return INK_INVALID;   /* a link appeared where the walk found none */
  return INK_IO;
}

/* Takes fd when it is open on a regular file; closes it and refuses anything else. */
static ink_status_t
take_regular (int fd, ink__file_t *out)
{
  struct stat st;
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode) || st.st_size < 0) {
    close (fd);
    return INK_INVALID;
  }
  out->fd = fd;
  out->dev = (uint64_t) st.st_dev;
  out->ino = (uint64_t) st.st_ino;
  out->size = (uint64_t) st.st_size;
  return INK_OK;
}

/* Opens a regular file at comp in folder dirfd; INK_INVALID for anything else. */
static ink_status_t
open_leaf (int dirfd, const char *comp, ink__file_t *out)
{
  int fd = openat (dirfd, comp, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0)
    return errno_status (errno);
  return take_regular (fd, out);
}

typedef struct {
  int fds[MAX_DEPTH + 1];   /* fds[0] is the folder itself */
  int depth;
  unsigned links;
  rest_t rest;
} walk_t;

/* One step of the walk for component comp: INK_OK to go on (or, when last, with *out set). */
static ink_status_t
step (walk_t *w, const char *comp, bool last, ink__file_t *out, bool *done)
{
  int cur = w->fds[w->depth];
  if (strcmp (comp, ".") == 0)
    return last ? INK_INVALID : INK_OK;
  if (strcmp (comp, "..") == 0) {
    if (w->depth == 0 || last)
      return INK_INVALID;
    close (w->fds[w->depth--]);
    return INK_OK;
  }
  struct stat st;
  if (fstatat (cur, comp, &st, AT_SYMLINK_NOFOLLOW) != 0)
    return errno_status (errno);
  if (S_ISLNK (st.st_mode)) {
    char target[PATH_ROOM];
    ssize_t n = readlinkat (cur, comp, target, sizeof target);
    if (n <= 0 || (size_t) n >= sizeof target || target[0] == '/' || ++w->links > MAX_LINKS)
      return INK_INVALID;
    return splice (&w->rest, target, (size_t) n) ? INK_OK : INK_INVALID;
  }
  if (last) {
    *done = true;
    return S_ISREG (st.st_mode) ? open_leaf (cur, comp, out) : INK_INVALID;
  }
  if (!S_ISDIR (st.st_mode))
    return INK_NOT_FOUND;
  if (w->depth == MAX_DEPTH)
    return INK_INVALID;
  int fd = openat (cur, comp, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0)
    return errno_status (errno);
  w->fds[++w->depth] = fd;
  return INK_OK;
}

/**
 * Opens rel, a path relative to the folder dir, when it leads to a regular file inside dir
 * once every link is resolved. Never blocks (a FIFO is refused before it is opened).
 * Returns INK_OK with *out open; INK_INVALID when the path leaves dir (an absolute path, a
 * "..", a link out, an absolute link) or ends at anything but a regular file; INK_NOT_FOUND
 * when a name does not exist; INK_IO otherwise. Sets no error message: callers word it so
 * that it says nothing of what lies outside.
 */
ink_status_t
ink__open_beneath (const char *dir, const char *rel, ink__file_t *out)
{
  out->fd = -1;
  if (!dir || !rel || rel[0] == '/' || strlen (rel) >= PATH_ROOM)
    return INK_INVALID;
  walk_t w;
  w.depth = 0;
  w.links = 0;
  memcpy (w.rest.s, rel, strlen (rel) + 1);
  w.rest.pos = 0;
  w.fds[0] = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (w.fds[0] < 0)
    return errno_status (errno) == INK_NOT_FOUND ? INK_NOT_FOUND : INK_IO;
  ink_status_t st = INK_INVALID;   /* a path of no components names the folder itself */
  char comp[256];
  bool last, too_long, done = false;
  while (!done && next_component (&w.rest, comp, sizeof comp, &last, &too_long)) {
    if (too_long) {
      st = INK_NOT_FOUND;
      break;
    }
    if ((st = step (&w, comp, last, out, &done)) != INK_OK)
      break;
  }
  if (st == INK_OK && !done)
    st = INK_INVALID;
  for (int i = w.depth; i >= 0; i--)
    close (w.fds[i]);
  return st;
}

/**
 * Opens path as the caller gave it (a path the embedder chose, not a document), requiring a
 * regular file. O_NONBLOCK keeps the open of a FIFO from hanging; fstat then refuses it.
 */
ink_status_t
ink__open_regular (const char *path, ink__file_t *out)
{
  out->fd = -1;
  int fd = open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0)
    return errno_status (errno) == INK_NOT_FOUND ? INK_NOT_FOUND : INK_IO;
  return take_regular (fd, out);
}

void
ink__file_close (ink__file_t *f)
{
  if (f->fd >= 0)
    close (f->fd);
  f->fd = -1;
}

/**
 * Reads an open file whole and closes it. The size fstat gave is checked against max before
 * any byte is read; a file that grows meanwhile is read up to that size. The buffer holds
 * len + 1 bytes (a NUL follows): free it with ink__free (ctx, data, len + 1).
 * Returns INK_OK, INK_LIMIT (larger than max), INK_IO or INK_NO_MEMORY; sets no message.
 */
ink_status_t
ink__file_read (ink_context_t *ctx, ink__file_t *f, size_t max, char **data, size_t *len)
{
  *data = NULL;
  *len = 0;
  if (f->size > max) {
    ink__file_close (f);
    return INK_LIMIT;
  }
  size_t size = (size_t) f->size;
  char *buf = ink__realloc (ctx, NULL, 0, size + 1);
  if (!buf) {
    ink__file_close (f);
    return INK_NO_MEMORY;
  }
  size_t n = 0;
  while (n < size) {
    ssize_t got = read (f->fd, buf + n, size - n);
    if (got < 0 && errno == EINTR)
      continue;
    if (got < 0) {
      ink__free (ctx, buf, size + 1);
      ink__file_close (f);
      return INK_IO;
    }
    if (got == 0)
      break;
    n += (size_t) got;
  }
  ink__file_close (f);
  if (n < size) {
    char *q = ink__realloc (ctx, buf, size + 1, n + 1);
    if (!q) {
      ink__free (ctx, buf, size + 1);
      return INK_NO_MEMORY;
    }
    buf = q;
  }
  buf[n] = 0;
  *data = buf;
  *len = n;
  return INK_OK;
}
