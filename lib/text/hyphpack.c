/* text/hyphpack: the dictionaries packed at build time, found by their pattern file's bytes
 * and unpacked into libhyphen's layout (lib/text/hyphpack.h). */
#define _DEFAULT_SOURCE 1 /* madvise */
#include "hyphpack.h"
#include "hyphdict.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

/**
 * ink__hyphpack_hash:
 * @text: a pattern file, @len bytes
 * @len: its length
 *
 * A 64-bit hash of @text read eight bytes at a time (a few instructions a word: a pattern
 * file of 100 kB hashes in some 70,000), the same on every machine: the words are read
 * little-endian whatever the byte order.
 *
 * Return value: the hash.
 * Since: 0.3
 */
uint64_t
ink__hyphpack_hash (const char *text, size_t len)
{
  const unsigned char *p = (const unsigned char *) text;
  uint64_t h = 0x9e3779b97f4a7c15u ^ len;
  size_t i = 0;
  for (; i + 8 <= len; i += 8) {
    uint64_t w;
    memcpy (&w, p + i, sizeof w);
#if defined __BYTE_ORDER__ && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    w = __builtin_bswap64 (w);
#endif
    h = (h ^ w) * 0x100000001b3u;
    h ^= h >> 29;
  }
  for (; i < len; i++)
    h = (h ^ p[i]) * 0x100000001b3u;
  h ^= h >> 32;
  return h;
}

/**
 * ink__hyphpack_find:
 * @text: a pattern file as read, @len bytes
 * @len: its length
 *
 * Return value: the packed dictionary of a file with these bytes, or NULL when none is.
 * Since: 0.3
 */
const ink__hyphpack_t *
ink__hyphpack_find (const char *text, size_t len)
{
  uint64_t h = 0;
  for (size_t i = 0; i < ink__hyphpack_count; i++) {
    if (ink__hyphpacks[i].len != len)
      continue;
    if (!h)
      h = ink__hyphpack_hash (text, len);
    if (ink__hyphpacks[i].hash == h)
      return &ink__hyphpacks[i];
  }
  return NULL;
}

static char *
dup_bytes (const char *s, size_t n)
{
  char *d = malloc (n + 1);
  if (d) {
    memcpy (d, s, n);
    d[n] = '\0';
  }
  return d;
}

/* One level into d: the states, their transitions and the match strings in one block, as
 * lib/text/hyphdict.c's finish_states lays them out; the replacements each on their own. */
static bool
unpack_level (const ink__hyphpack_level_t *l, HyphenDict *d)
{
  d->lhmin = l->lhmin;
  d->rhmin = l->rhmin;
  d->clhmin = l->clhmin;
  d->crhmin = l->crhmin;
  d->nohyphenl = l->nohyphenl;
  memcpy (d->cset, l->cset, sizeof d->cset);
  d->utf8 = l->utf8;
  if (l->nohyphen && !(d->nohyphen = dup_bytes (l->nohyphen, l->nohyphen_len)))
    return false;
  size_t n = (size_t) l->num_states, ntrans = (size_t) l->trans_start[n];
  size_t head = n * sizeof (HyphenState), trans = ntrans * sizeof (HyphenTrans);
  HyphenState *st = malloc (head + trans + l->strs_len);
  if (!st)
    return false;
  d->states = st;
  d->num_states = l->num_states;
  HyphenTrans *t = (HyphenTrans *) (void *) ((char *) st + head);
  char *str = memcpy ((char *) st + head + trans, l->strs, l->strs_len);
  for (size_t k = 0; k < ntrans; k++)
    t[k] = (HyphenTrans) {.ch = l->trans_ch[k], .new_state = l->trans_to[k]};
  for (size_t u = 0; u < n; u++) {
    int32_t a = l->trans_start[u];
    st[u] = (HyphenState) {
      .match = l->match[u] >= 0 ? str + l->match[u] : NULL,
      .replindex = l->replindex[u],
      .replcut = l->replcut[u],
      .fallback_state = l->fallback[u],
      .num_trans = l->trans_start[u + 1] - a,
      .trans = l->trans_start[u + 1] > a ? t + a : NULL,
    };
  }
  bool ok = true;
  for (size_t u = 0; u < n; u++)
    if (l->repl[u] >= 0) {
      const char *r = l->repls + l->repl[u];
      ok = (st[u].repl = dup_bytes (r, strlen (r))) != NULL && ok;
    }
  return ok;
}

/* The whole pages of [p, p + n) let go of: the arrays are read once, to unpack, and their
 * pages (mapped from the library's file) would otherwise stay resident beside the copy. */
static void
release (const void *p, size_t n)
{
  long page = sysconf (_SC_PAGESIZE);
  if (page <= 0 || n < (size_t) page)
    return;
  uintptr_t a = ((uintptr_t) p + (uintptr_t) page - 1) & ~((uintptr_t) page - 1);
  uintptr_t b = ((uintptr_t) p + n) & ~((uintptr_t) page - 1);
  if (b > a)
    madvise ((void *) a, b - a, MADV_DONTNEED);
}

static void
release_level (const ink__hyphpack_level_t *l)
{
  size_t n = (size_t) l->num_states, ntrans = (size_t) l->trans_start[n];
  release (l->match, n * sizeof *l->match);
  release (l->repl, n * sizeof *l->repl);
  release (l->fallback, n * sizeof *l->fallback);
  release (l->trans_start, (n + 1) * sizeof *l->trans_start);
  release (l->trans_to, ntrans * sizeof *l->trans_to);
  release (l->replindex, n);
  release (l->replcut, n);
  release (l->trans_ch, ntrans);
  release (l->strs, l->strs_len);
}

/**
 * ink__hyphpack_unpack:
 * @p: a packed dictionary
 *
 * Return value: its dictionary, as ink__hyphdict_load builds it from the pattern file it was
 * packed from, freed with ink__hyphdict_free; NULL out of memory.
 * Since: 0.3
 */
HyphenDict *
ink__hyphpack_unpack (const ink__hyphpack_t *p)
{
  HyphenDict *first = NULL, **link = &first;
  bool ok = true;
  for (int i = 0; i < p->nlevels && ok; i++) {
    HyphenDict *d = calloc (1, sizeof *d);
    if (!d) {
      ok = false;
      break;
    }
    *link = d;
    link = &d->nextlevel;
    ok = unpack_level (&p->levels[i], d);
  }
  for (int i = 0; i < p->nlevels; i++)
    release_level (&p->levels[i]);
  if (!ok || !first) {
    ink__hyphdict_free (first);
    return NULL;
  }
  return first;
}
