/* text/patterns: a hyphenation pattern file cleaned before libhyphen reads it. Debian's
 * German, French and Russian files give some patterns twice with different digits; libhyphen
 * 2.8 keeps the last and leaks the string of the one before, which a kiosk that reloads its
 * dictionaries for months would feel and a leak checker reports; it also reads '#' comment
 * lines and empty lines as patterns, several alike. Dropping all but the last of each
 * pattern, and the '#' comments and empty lines, gives libhyphen the same patterns without
 * the leak.
 *
 *   len = ink__patterns_dedup (ctx, buf, len);   // buf: the file in UTF-8, rewritten in place
 */
#include "breaks.h"

#include <stdlib.h>

typedef struct {
  uint64_t hash;
  size_t line;       /* index into the line starts */
  unsigned level;    /* NEXTLEVEL sections before it */
} pkey_t;

/* A pattern line's key: its letters, without the digits, up to a '/' (a non-standard
 * hyphenation's replacement) or the end of the line. */
static bool
key_next (const char *s, size_t *i, size_t end, char *c)
{
  while (*i < end && s[*i] >= '0' && s[*i] <= '9')
    (*i)++;
  if (*i >= end || s[*i] == '/' || (unsigned char) s[*i] <= ' ')
    return false;
  *c = s[(*i)++];
  return true;
}

static uint64_t
key_hash (const char *s, size_t a, size_t end, unsigned level)
{
  uint64_t h = 1469598103934665603u ^ level;
  char c;
  while (key_next (s, &a, end, &c))
    h = (h ^ (unsigned char) c) * 1099511628211u;
  return h;
}

static bool
key_equal (const char *s, size_t a, size_t ae, size_t b, size_t be)
{
  char ca = 0, cb = 0;
  for (;;) {
    bool ha = key_next (s, &a, ae, &ca), hb = key_next (s, &b, be, &cb);
    if (ha != hb || (ha && ca != cb))
      return false;
    if (!ha)
      return true;
  }
}

static int
by_hash_then_line (const void *pa, const void *pb)
{
  const pkey_t *a = pa, *b = pb;
  if (a->hash != b->hash)
    return a->hash < b->hash ? -1 : 1;
  return a->line < b->line ? -1 : a->line > b->line;
}

/* Whether line [a, e) is a pattern: not the charset line, a comment, or a keyword line
 * (LEFTHYPHENMIN, NEXTLEVEL... are in capitals, patterns in lowercase). */
static bool
is_pattern (const char *s, size_t a, size_t e, size_t line)
{
  return line > 0 && a < e && s[a] != '%' && s[a] != '#' && !(s[a] >= 'A' && s[a] <= 'Z')
         && s[a] != '\r' && s[a] != '\n';
}

/**
 * ink__patterns_dedup:
 * @ctx: a context
 * @buf: a pattern file in UTF-8, @len bytes; rewritten in place
 * @len: its length
 *
 * Drops every pattern line whose key (its letters without the digits, in the same NEXTLEVEL
 * section) a later line repeats, the '#' comments and the empty lines, keeping the order of
 * the rest.
 *
 * Return value: the new length (@len when nothing was dropped, or out of memory).
 * Since: 0.2
 */
size_t
ink__patterns_dedup (ink_context_t *ctx, char *buf, size_t len)
{
  size_t nlines = 0;
  for (size_t i = 0; i < len; i++)
    nlines += buf[i] == '\n';
  nlines++;
  size_t *starts = ink__realloc_array (ctx, NULL, 0, nlines + 1, sizeof *starts);
  pkey_t *keys = ink__realloc_array (ctx, NULL, 0, nlines, sizeof *keys);
  uint8_t *drop = ink__alloc (ctx, nlines);
  size_t nkeys = 0, out = len;
  if (!starts || !keys || !drop)
    goto done;
  size_t n = 0;
  starts[n++] = 0;
  for (size_t i = 0; i < len; i++)
    if (buf[i] == '\n' && i + 1 < len)
      starts[n++] = i + 1;
  starts[n] = len;
  unsigned level = 0;
  size_t dropped = 0;
  memset (drop, 0, nlines);
  for (size_t k = 0; k < n; k++) {
    size_t a = starts[k], e = starts[k + 1];
    if (e - a >= 9 && memcmp (buf + a, "NEXTLEVEL", 9) == 0)
      level++;
    size_t t = a;
    while (t < e && (unsigned char) buf[t] <= ' ')
      t++;
    /* libhyphen would read a '#' comment, or an empty line, as a pattern */
    if (k > 0 && (t == e || buf[a] == '#'))
      drop[k] = 1, dropped++;
    else if (is_pattern (buf, a, e, k))
      keys[nkeys++] = (pkey_t) {key_hash (buf, a, e, level), k, level};
  }
  qsort (keys, nkeys, sizeof *keys, by_hash_then_line);
  for (size_t i = 0; i < nkeys; i++)
    for (size_t j = i + 1; j < nkeys && keys[j].hash == keys[i].hash; j++) {
      size_t a = keys[i].line, b = keys[j].line;
      if (keys[i].level == keys[j].level
          && key_equal (buf, starts[a], starts[a + 1], starts[b], starts[b + 1])) {
        drop[a] = 1, dropped++;
        break;
      }
    }
  if (dropped) {
    out = 0;
    for (size_t k = 0; k < n; k++) {
      size_t a = starts[k], e = starts[k + 1];
      if (!drop[k]) {
        memmove (buf + out, buf + a, e - a);
        out += e - a;
      }
    }
  }
done:
  ink__free (ctx, starts, starts ? (nlines + 1) * sizeof *starts : 0);
  ink__free (ctx, keys, keys ? nlines * sizeof *keys : 0);
  ink__free (ctx, drop, drop ? nlines : 0);
  return out;
}
