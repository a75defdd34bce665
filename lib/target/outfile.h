/* target/outfile: a file written whole or not at all. Bytes go to a new temporary file in the
 * destination's folder (O_CREAT|O_EXCL, mode 0644 less the umask); on success it is synced and
 * renamed over the destination, so a symlink there is replaced, never followed, and on failure
 * it is removed and the previous file stays as it was. The first failing call's errno is kept
 * and becomes the message, which names the path once. A character device or a pipe at the path
 * itself (not through a symlink) is written in place, as a stream; a directory or a block
 * device there is an error.
 *
 *   ink__outfile_t of;
 *   ink_status_t st = ink__outfile_open (ctx, "out/page-001.png", &of);
 *   if (st == INK_OK)
 *     st = ink__outfile_close (&of, ink_png_render (ctx, ink__outfile_write, &of, frame, 64));
 */
#ifndef INK_OUTFILE_H
#define INK_OUTFILE_H

#include "core.h"

typedef struct {
  ink_context_t *ctx;
  const char *path;
  char *tmp;       /* the temporary file's path */
  size_t tmp_size;
  int fd;
  int err;         /* errno of the first failed call, 0 if none */
  bool direct;     /* a device or pipe, written in place */
} ink__outfile_t;

/* Checks the path's length and creates the temporary file; on failure of is left closed. */
ink_status_t ink__outfile_open (ink_context_t *ctx, const char *path, ink__outfile_t *of);
/* An ink_write_fn: user is the ink__outfile_t. */
ink_status_t ink__outfile_write (void *user, const void *data, size_t len);
/* With st INK_OK, syncs, closes and renames into place; otherwise (or if that fails) removes
 * the temporary file. Returns the final status, its message naming the path. */
ink_status_t ink__outfile_close (ink__outfile_t *of, ink_status_t st);
/* Records "PATH: reason" on ctx, the path shortened in its middle if both would not fit. */
ink_status_t ink__error_path (ink_context_t *ctx, ink_status_t status, const char *path,
                              const char *reason);

#endif
