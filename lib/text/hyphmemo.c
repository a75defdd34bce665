/* text/hyphmemo: libhyphen's answers remembered per dictionary and word (hyphmemo.h). */
#include "hyphmemo.h"

#define MEMO_SLOTS 1024u

struct ink__memo_entry {
  const void *dict;               /* NULL: the slot is free */
  size_t len, nch;
  uint8_t *bytes;                 /* the word's len bytes, then its nch marks */
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
  if (!m->slots)
    return false;
  const ink__memo_entry_t *e = &m->slots[slot_of (dict, word, len)];
  if (e->dict != dict || e->len != len || e->nch != nch || memcmp (e->bytes, word, len) != 0)
    return false;
  memcpy (marks, e->bytes + len, nch);
  return true;
}

static void
drop (ink_context_t *ctx, ink__memo_entry_t *e)
{
  if (e->dict)
    ink__free (ctx, e->bytes, e->len + e->nch);
  e->dict = NULL;
}

void
ink__hyphmemo_put (ink__hyphmemo_t *m, ink_context_t *ctx, const void *dict, const char *word,
                   size_t len, const uint8_t *marks, size_t nch)
{
  if (!m->slots) {
    m->slots = ink__alloc (ctx, MEMO_SLOTS * sizeof *m->slots);   /* zeroed: all free */
    if (!m->slots)
      return;
  }
  ink__memo_entry_t *e = &m->slots[slot_of (dict, word, len)];
  drop (ctx, e);
  uint8_t *bytes = ink__realloc (ctx, NULL, 0, len + nch);
  if (!bytes)
    return;
  memcpy (bytes, word, len);
  memcpy (bytes + len, marks, nch);
  *e = (ink__memo_entry_t) { dict, len, nch, bytes };
}

void
ink__hyphmemo_free (ink__hyphmemo_t *m, ink_context_t *ctx)
{
  if (!m->slots)
    return;
  for (size_t i = 0; i < MEMO_SLOTS; i++)
    drop (ctx, &m->slots[i]);
  ink__free (ctx, m->slots, MEMO_SLOTS * sizeof *m->slots);
  m->slots = NULL;
}
