/* The whole of a file in one malloc'd buffer, NUL-terminated (the NUL not counted in *len),
 * for the test programs: NULL when the file cannot be opened or memory runs out. Reads
 * until the end rather than asking the size, so that a pipe or a growing file reads too. */
#ifndef INK_TEST_READ_FILE_H
#define INK_TEST_READ_FILE_H

#include <stdio.h>
#include <stdlib.h>

static inline char *
read_file (const char *path, size_t *len)
{
  FILE *f = fopen (path, "rb");
  if (!f)
    return NULL;
  size_t cap = 1 << 16, n = 0, got;
  char *buf = malloc (cap + 1);
  while (buf && (got = fread (buf + n, 1, cap - n, f)) > 0) {
    n += got;
    if (n == cap) {
      char *q = realloc (buf, cap * 2 + 1);
      if (!q) {
        free (buf);
        buf = NULL;
        break;
      }
      buf = q;
      cap *= 2;
    }
  }
  fclose (f);
  if (buf)
    buf[n] = 0;
  *len = n;
  return buf;
}

#endif
