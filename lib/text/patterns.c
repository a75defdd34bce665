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
#include "hyphdict.h"

#include <string.h>

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
key_hash (const char *s, size_t a, size_t end)
{
  uint64_t h = 1469598103934665603u;
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

/* Whether line [a, e) is a pattern: not the charset line, a comment, or a keyword line
 * (LEFTHYPHENMIN, NEXTLEVEL... are in capitals, patterns in lowercase). */
static bool
is_pattern (const char *s, size_t a, size_t e, size_t line)
{
  return line > 0 && a < e && s[a] != '%' && s[a] != '#' && !(s[a] >= 'A' && s[a] <= 'Z')
         && s[a] != '\r' && s[a] != '\n';
}

static bool
is_nextlevel (const char *buf, size_t a, size_t e)
{
  return e - a >= 9 && memcmp (buf + a, "NEXTLEVEL", 9) == 0;
}

/* The lines [0, n) between starts[]: sets drop[] for the comments and empty lines, and for
 * each pattern whose key a later line of its NEXTLEVEL section repeats. Walks from the last
 * line up, keeping each key met in slots[] (cap of them, a power of two above the lines:
 * a line's index plus one, 0 empty; hashes[] by line); a key found is a later line's, and of
 * the same section when that line is above the last NEXTLEVEL passed. Returns how many were
 * dropped. */
static size_t
mark_dropped (const char *buf, const size_t *starts, size_t n, uint64_t *hashes,
              uint32_t *slots, size_t cap, uint8_t *drop)
{
  size_t dropped = 0, boundary = n;
  for (size_t k = n; k-- > 0;) {
    size_t a = starts[k], e = starts[k + 1], t = a;
    if (is_nextlevel (buf, a, e))
      boundary = k;
    while (t < e && (unsigned char) buf[t] <= ' ')
      t++;
    /* libhyphen would read a '#' comment, or an empty line, as a pattern */
    if (k > 0 && (t == e || buf[a] == '#')) {
      drop[k] = 1, dropped++;
      continue;
    }
    if (!is_pattern (buf, a, e, k))
      continue;
    uint64_t h = hashes[k] = key_hash (buf, a, e);
    size_t i = (size_t) h & (cap - 1);
    for (; slots[i]; i = (i + 1) & (cap - 1)) {
      size_t b = slots[i] - 1;
      if (b < boundary && hashes[b] == h && key_equal (buf, a, e, starts[b], starts[b + 1]))
        break;
    }
    if (slots[i])
      drop[k] = 1, dropped++;
    else
      slots[i] = (uint32_t) (k + 1);
  }
  return dropped;
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
  size_t nlines = 1;
  for (const char *q = buf, *end = buf + len; (q = memchr (q, '\n', (size_t) (end - q))); q++)
    nlines++;
  if (nlines >= UINT32_MAX / 2)
    return len;
  size_t cap = 16;
  while (cap < nlines + nlines / 2)
    cap *= 2;
  size_t *starts = ink__realloc_array (ctx, NULL, 0, nlines + 1, sizeof *starts);
  uint64_t *hashes = ink__realloc_array (ctx, NULL, 0, nlines, sizeof *hashes);
  uint32_t *slots = ink__alloc_array (ctx, cap, sizeof *slots);
  uint8_t *drop = ink__alloc (ctx, nlines);
  size_t out = len;
  if (!starts || !hashes || !slots || !drop)
    goto done;
  size_t n = 0;
  starts[n++] = 0;
  for (const char *q = buf, *end = buf + len; (q = memchr (q, '\n', (size_t) (end - q))); q++)
    if (q + 1 < end)
      starts[n++] = (size_t) (q + 1 - buf);
  starts[n] = len;
  if (mark_dropped (buf, starts, n, hashes, slots, cap, drop)) {
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
  ink__free (ctx, hashes, hashes ? nlines * sizeof *hashes : 0);
  ink__free (ctx, slots, slots ? cap * sizeof *slots : 0);
  ink__free (ctx, drop, drop ? nlines : 0);
  return out;
}

/**
 * ink__patterns_load:
 * @ctx: a context
 * @buf: a pattern file in UTF-8, @len bytes; may be rewritten in place
 * @len: its length
 *
 * The dictionary of @buf as ink__patterns_dedup would clean it. The builder skips the
 * comments and empty lines itself and keeps the last line of a pattern given twice, so the
 * text is cleaned first only when a line is longer than libhyphen's 99-byte pieces: the
 * builder reads its later pieces as patterns even when the clean-up drops the line.
 *
 * Return value: the dictionary (ink__hyphdict_free), or NULL out of memory.
 * Since: 0.3
 */
HyphenDict *
ink__patterns_load (ink_context_t *ctx, char *buf, size_t len)
{
  bool long_lines = false;
  HyphenDict *d = ink__hyphdict_load (ctx, buf, len, &long_lines);
  if (!d || !long_lines)
    return d;
  ink__hyphdict_free (d);
  return ink__hyphdict_load (ctx, buf, ink__patterns_dedup (ctx, buf, len), NULL);
}
