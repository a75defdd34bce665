/* A write callback for the targets' tests: collects the bytes in memory, and fails the call
 * numbered fail_at (counting from 1; 0 never fails). */
#ifndef INK_TEST_MEMWRITE_H
#define INK_TEST_MEMWRITE_H

#include <inkset/inkset-common.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  uint8_t *p;
  size_t n, cap;
  unsigned calls, fail_at;
} mem_t;

static inline ink_status_t
mem_write (void *user, const void *data, size_t len)
{
  mem_t *m = user;
  if (++m->calls == m->fail_at)
    return INK_IO;
  if (m->n + len > m->cap) {
    m->cap = (m->n + len) * 2;
    m->p = realloc (m->p, m->cap);
  }
  memcpy (m->p + m->n, data, len);
  m->n += len;
  return INK_OK;
}

#endif
