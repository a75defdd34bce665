/* A growing byte buffer that ink_write_fn callbacks fill, for the PDF tests. */
#ifndef INK_TEST_PDFBUF_H
#define INK_TEST_PDFBUF_H

#include <inkset/inkset.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  char *s;
  size_t n, cap;
  size_t fail_after;        /* calls that succeed before one fails; SIZE_MAX never */
} buf_t;

static ink_status_t
to_buf (void *user, const void *data, size_t len)
{
  buf_t *b = user;
  if (b->fail_after == 0)
    return INK_IO;
  if (b->fail_after != SIZE_MAX)
    b->fail_after--;
  if (b->n + len + 1 > b->cap) {
    b->cap = (b->n + len + 1) * 2;
    b->s = realloc (b->s, b->cap);
  }
  memcpy (b->s + b->n, data, len);
  b->n += len;
  b->s[b->n] = 0;
  return INK_OK;
}

#endif
