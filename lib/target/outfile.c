/* target/outfile: files written whole or not at all, through a temporary file renamed into
 * place (see outfile.h); and ink_file_write, the same for a caller's bytes. */
#define _POSIX_C_SOURCE 200809L /* fsync, O_CLOEXEC, PATH_MAX */
#include "outfile.h"
#include <inkset/inkset-target.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdint.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

/* ".ink-" and eight hex digits, in the destination's folder. */
#define TMP_NAME_LEN 13
#define TMP_TRIES 64

/* Moves i off a UTF-8 continuation byte, by step (-1 or +1), so a cut keeps whole characters. */
static size_t
char_edge (const char *s, size_t i, size_t len, int step)
{
  while (i > 0 && i < len && ((unsigned char) s[i] & 0xC0) == 0x80)
    i = step < 0 ? i - 1 : i + 1;
  return i;
}

ink_status_t
ink__error_path (ink_context_t *ctx, ink_status_t status, const char *path, const char *reason)
{
  char why[161];   /* copied first: reason may be the context's own message */
  snprintf (why, sizeof why, "%s", reason && *reason ? reason : ink_status_to_string (status));
  size_t room = sizeof ctx->error - 1, pl = strlen (path), rl = strlen (why);
  if (pl + 2 + rl <= room)
    return ink__error (ctx, status, "%s: %s", path, why);
  /* Too long to show whole: keep the start and the file name, so the reason always fits. */
  size_t keep = room - 2 - rl - 3;
  size_t head = char_edge (path, keep / 3, pl, -1);
  size_t tail = char_edge (path, pl - (keep - keep / 3), pl, +1);
  return ink__error (ctx, status, "%.*s...%s: %s", (int) head, path, path + tail, why);
}

/* The temporary path: the destination's folder, then ".ink-" and eight hex digits. */
static ink_status_t
tmp_path (ink__outfile_t *of)
{
  const char *slash = strrchr (of->path, '/');
  size_t dir = slash ? (size_t) (slash - of->path) + 1 : 0, pl = strlen (of->path);
  size_t longest = pl > dir + TMP_NAME_LEN ? pl : dir + TMP_NAME_LEN;
  if (longest >= PATH_MAX) {
    char why[128];
    snprintf (why, sizeof why, "the path is %zu characters long; at most %zu fit here", pl,
              (size_t) PATH_MAX - 1 - (longest - pl));
    return ink__error_path (of->ctx, INK_LIMIT, of->path, why);
  }
  of->tmp_size = dir + TMP_NAME_LEN + 1;
  of->tmp = ink__alloc (of->ctx, of->tmp_size);
  if (!of->tmp)
    return ink__error_path (of->ctx, INK_NO_MEMORY, of->path, "out of memory");
  memcpy (of->tmp, of->path, dir);
  return INK_OK;
}

/* Creates a temporary file no one else has: a new name for each try that finds one there. */
static ink_status_t
tmp_create (ink__outfile_t *of)
{
  struct timespec ts;
  clock_gettime (CLOCK_REALTIME, &ts);
  uint32_t x = (uint32_t) getpid () * 2654435761u ^ (uint32_t) ts.tv_nsec
               ^ (uint32_t) (uintptr_t) of;
  size_t dir = of->tmp_size - TMP_NAME_LEN - 1;
  int err = EEXIST;
  for (int i = 0; i < TMP_TRIES; i++) {
    x = x * 1664525u + 1013904223u;
    snprintf (of->tmp + dir, TMP_NAME_LEN + 1, ".ink-%08x", (unsigned) x);
    of->fd = open (of->tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (of->fd >= 0)
      return INK_OK;
    err = errno;
    if (err != EEXIST)
      break;
  }
  ink_status_t st = ink__error_path (of->ctx, INK_IO, of->path, strerror (err));
  ink__free (of->ctx, of->tmp, of->tmp_size);
  of->tmp = NULL;
  return st;
}

/* A device or pipe named by the path itself, opened in place; O_NOFOLLOW and the fstat make
 * sure a symlink put there since the lstat is not followed. */
static ink_status_t
open_stream (ink__outfile_t *of)
{
  struct stat sb;
  of->fd = open (of->path, O_WRONLY | O_NOFOLLOW | O_NOCTTY | O_CLOEXEC);
  int err = of->fd < 0 ? errno : fstat (of->fd, &sb) != 0 ? errno : 0;
  if (!err && !S_ISCHR (sb.st_mode) && !S_ISFIFO (sb.st_mode))
    err = EAGAIN;   /* replaced under us */
  if (!err) {
    of->direct = true;
    return INK_OK;
  }
  if (of->fd >= 0)
    close (of->fd);
  of->fd = -1;
  return ink__error_path (of->ctx, INK_IO, of->path,
                          err == EAGAIN ? "changed while it was opened" : strerror (err));
}

ink_status_t
ink__outfile_open (ink_context_t *ctx, const char *path, ink__outfile_t *of)
{
  memset (of, 0, sizeof *of);
  of->ctx = ctx;
  of->path = path;
  of->fd = -1;
  if (!path || !*path)
    return ink__error (ctx, INK_INVALID, "no output path");
  struct stat sb;
  if (lstat (path, &sb) == 0) {
    if (S_ISCHR (sb.st_mode) || S_ISFIFO (sb.st_mode))
      return open_stream (of);
    if (S_ISDIR (sb.st_mode))
      return ink__error_path (ctx, INK_IO, path, strerror (EISDIR));
    if (S_ISBLK (sb.st_mode) || S_ISSOCK (sb.st_mode))
      return ink__error_path (ctx, INK_IO, path, S_ISBLK (sb.st_mode)
                              ? "a block device, which inkset does not write over"
                              : "a socket, which inkset does not write over");
  }
  ink_status_t st = tmp_path (of);
  return st == INK_OK ? tmp_create (of) : st;
}

ink_status_t
ink__outfile_write (void *user, const void *data, size_t len)
{
  ink__outfile_t *of = user;
  const char *p = data;
  while (len > 0 && of->err == 0) {
    ssize_t n = write (of->fd, p, len);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0) {
      of->err = n < 0 ? errno : EIO;   /* a write of nothing, with no errno, is an I/O error */
      break;
    }
    p += n;
    len -= (size_t) n;
  }
  return of->err ? INK_IO : INK_OK;
}

/* The status of a closed file; the message names the path and says why. */
static ink_status_t
close_status (ink__outfile_t *of, ink_status_t st)
{
  if (of->err)
    return ink__error_path (of->ctx, INK_IO, of->path, strerror (of->err));
  if (st != INK_OK)
    return ink__error_path (of->ctx, st, of->path, ink_context_error (of->ctx));
  return INK_OK;
}

ink_status_t
ink__outfile_close (ink__outfile_t *of, ink_status_t st)
{
  if (of->fd < 0)
    return st;
  if (of->direct) {
    if (close (of->fd) != 0 && st == INK_OK && of->err == 0)
      of->err = errno;
    of->fd = -1;
    return close_status (of, st);
  }
  /* Synced before the rename, so the name never points at a file whose bytes are not there. */
  if (st == INK_OK && of->err == 0 && fsync (of->fd) != 0)
    of->err = errno;
  if (close (of->fd) != 0 && st == INK_OK && of->err == 0)
    of->err = errno;
  of->fd = -1;
  if (st == INK_OK && of->err == 0 && rename (of->tmp, of->path) != 0)
    of->err = errno;
  if (st != INK_OK || of->err)
    unlink (of->tmp);
  ink__free (of->ctx, of->tmp, of->tmp_size);
  of->tmp = NULL;
  return close_status (of, st);
}

/* Documented in include/inkset/inkset-target.h. */
ink_status_t
ink_file_write (ink_context_t *ctx, const char *path, const void *data, size_t len)
{
  if (!ctx || (!data && len))
    return INK_INVALID;
  ink__outfile_t of;
  ink_status_t st = ink__outfile_open (ctx, path, &of);
  if (st != INK_OK)
    return st;
  return ink__outfile_close (&of, ink__outfile_write (&of, data, len));
}
