/* core/str: a growable NUL-terminated byte string. */
#include "core.h"

#include <stdio.h>

bool
ink__str_append (ink_context_t *ctx, ink__str_t *str, const char *s, size_t len)
{
  if (len > SIZE_MAX - str->n - 1)
    return false;
  if (str->n + len + 1 > str->cap) {
    size_t cap = str->cap ? str->cap : 64;
    while (cap < str->n + len + 1) {
      if (cap > SIZE_MAX / 2)
        return false;
      cap *= 2;
    }
    char *q = ink__realloc (ctx, str->s, str->cap, cap);
    if (!q)
      return false;
    str->s = q;
    str->cap = cap;
  }
  if (len)
    memcpy (str->s + str->n, s, len);
  str->n += len;
  str->s[str->n] = 0;
  return true;
}

bool
ink__str_printf (ink_context_t *ctx, ink__str_t *str, const char *fmt, ...)
{
  char buf[256];
  va_list ap;
  va_start (ap, fmt);
  int n = vsnprintf (buf, sizeof buf, fmt, ap);
  va_end (ap);
  if (n < 0)
    return false;
  if ((size_t) n < sizeof buf)
    return ink__str_append (ctx, str, buf, (size_t) n);
  char *big = ink__realloc (ctx, NULL, 0, (size_t) n + 1);
  if (!big)
    return false;
  va_start (ap, fmt);
  vsnprintf (big, (size_t) n + 1, fmt, ap);
  va_end (ap);
  bool ok = ink__str_append (ctx, str, big, (size_t) n);
  ink__free (ctx, big, (size_t) n + 1);
  return ok;
}

bool
ink__str_append_cp (ink_context_t *ctx, ink__str_t *str, uint32_t cp)
{
  char b[4];
  return ink__str_append (ctx, str, b, ink__utf8_encode (cp, b));
}

void
ink__str_free (ink_context_t *ctx, ink__str_t *str)
{
  ink__free (ctx, str->s, str->cap);
  str->s = NULL;
  str->n = str->cap = 0;
}

bool
ink__str_append_json (ink_context_t *ctx, ink__str_t *str, const char *s, size_t len)
{
  if (!ink__str_append (ctx, str, "\"", 1))
    return false;
  size_t run = 0;
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char) s[i];
    const char *esc = NULL;
    char u[8];
    if (c == '"')
      esc = "\\\"";
    else if (c == '\\')
      esc = "\\\\";
    else if (c == '\n')
      esc = "\\n";
    else if (c == '\t')
      esc = "\\t";
    else if (c == '\r')
      esc = "\\r";
    else if (c < 0x20) {
      snprintf (u, sizeof u, "\\u%04x", c);
      esc = u;
    }
    if (esc) {
      if (!ink__str_append (ctx, str, s + run, i - run) ||
          !ink__str_append (ctx, str, esc, strlen (esc)))
        return false;
      run = i + 1;
    }
  }
  return ink__str_append (ctx, str, s + run, len - run) && ink__str_append (ctx, str, "\"", 1);
}
