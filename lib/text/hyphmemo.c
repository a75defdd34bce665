/* text/hyphmemo: libhyphen's answers remembered per dictionary and word (hyphmemo.h). The
 * table is one block of fixed slots, taken at the first word and kept: what the context
 * holds does not change from word to word (a layout cancelled half way leaves it as it
 * was). A word whose bytes and marks do not fit a slot is not kept. */
#include "hyphmemo.h"

#define MEMO_SLOTS 1024u
#define MEMO_BYTES 46u

struct ink__memo_entry {
  const void *dict;               /* NULL: the slot is free */
  uint8_t len, nch;
  uint8_t bytes[MEMO_BYTES];      /* the word's len bytes, then its nch marks */
};

static size_t
slot_of (const void *dict, const char *word, size_t len)
{
  uint64_t h = (uint64_t) (uintptr_t) dict * 0x9E3779B97F4A7C15ull;
  for (size_t i = 0; i < len; i++)
    h = (h ^ (uint8_t) word[i]) * 0x100000001B3ull;
  return (size_t) (h ^ (h >> 32)) & (MEMO_SLOTS - 1);
}

bool
ink__hyphmemo_get (const ink__hyphmemo_t *m, const void *dict, const char *word, size_t len,
                   uint8_t *marks, size_t nch)
{
  if (!m->slots || len + nch > MEMO_BYTES)
    return false;
  const ink__memo_entry_t *e = &m->slots[slot_of (dict, word, len)];
  if (e->dict != dict || e->len != len || e->nch != nch || memcmp (e->bytes, word, len) != 0)
    return false;
  memcpy (marks, e->bytes + len, nch);
  return true;
}

void
ink__hyphmemo_put (ink__hyphmemo_t *m, ink_context_t *ctx, const void *dict, const char *word,
                   size_t len, const uint8_t *marks, size_t nch)
{
  if (len + nch > MEMO_BYTES)
    return;
  if (!m->slots) {
    m->slots = ink__alloc_array (ctx, MEMO_SLOTS, sizeof *m->slots);   /* zeroed: all free */
    if (!m->slots)
      return;
  }
  ink__memo_entry_t *e = &m->slots[slot_of (dict, word, len)];
  *e = (ink__memo_entry_t) { dict, (uint8_t) len, (uint8_t) nch, { 0 } };
  memcpy (e->bytes, word, len);
  memcpy (e->bytes + len, marks, nch);
}

void
ink__hyphmemo_free (ink__hyphmemo_t *m, ink_context_t *ctx)
{
  ink__free (ctx, m->slots, m->slots ? MEMO_SLOTS * sizeof *m->slots : 0);
  m->slots = NULL;
}
