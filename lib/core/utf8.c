/* core/utf8: decoding that never fails, and position reporting for diagnostics. */
#include "core.h"

bool
ink__utf8_next_multi (const char *str, size_t len, size_t *pos, uint32_t *cp)
{
  const unsigned char *s = (const unsigned char *) str;
  size_t i = *pos;
  unsigned c = s[i];
  if (c < 0x80) {
    *cp = c;
    *pos = i + 1;
    return true;
  }
  unsigned need;
  uint32_t v, min;
  if (c >= 0xC2 && c <= 0xDF) {
    need = 1, v = c & 0x1F, min = 0x80;
  } else if (c >= 0xE0 && c <= 0xEF) {
    need = 2, v = c & 0x0F, min = 0x800;
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 3, v = c & 0x07, min = 0x10000;
  } else {
    *cp = 0xFFFD;
    *pos = i + 1;
    return false;
  }
  size_t j = i + 1;
  for (unsigned k = 0; k < need; k++, j++) {
    if (j >= len || (s[j] & 0xC0) != 0x80) {
      *cp = 0xFFFD;
      *pos = j;
      return false;
    }
    /* The second byte's range rules out overlongs and surrogates early, so that the
     * maximal invalid subpart is exactly one byte for E0 80, ED A0, F0 80 and F4 90. */
    if (k == 0) {
      unsigned b = s[j];
      if ((c == 0xE0 && b < 0xA0) || (c == 0xED && b > 0x9F) || (c == 0xF0 && b < 0x90) ||
          (c == 0xF4 && b > 0x8F)) {
        *cp = 0xFFFD;
        *pos = j;
        return false;
      }
    }
    v = (v << 6) | (s[j] & 0x3F);
  }
  *pos = j;
  if (v < min || (v >= 0xD800 && v <= 0xDFFF) || v > 0x10FFFF) {
    *cp = 0xFFFD;
    return false;
  }
  *cp = v;
  return true;
}

size_t
ink__utf8_encode (uint32_t cp, char *out)
{
  unsigned char *o = (unsigned char *) out;
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
    cp = 0xFFFD;
  if (cp < 0x80) {
    o[0] = (unsigned char) cp;
    return 1;
  }
  if (cp < 0x800) {
    o[0] = (unsigned char) (0xC0 | (cp >> 6));
    o[1] = (unsigned char) (0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    o[0] = (unsigned char) (0xE0 | (cp >> 12));
    o[1] = (unsigned char) (0x80 | ((cp >> 6) & 0x3F));
    o[2] = (unsigned char) (0x80 | (cp & 0x3F));
    return 3;
  }
  o[0] = (unsigned char) (0xF0 | (cp >> 18));
  o[1] = (unsigned char) (0x80 | ((cp >> 12) & 0x3F));
  o[2] = (unsigned char) (0x80 | ((cp >> 6) & 0x3F));
  o[3] = (unsigned char) (0x80 | (cp & 0x3F));
  return 4;
}

char *
ink__utf8_sanitize (ink_context_t *ctx, const char *src, size_t len, size_t *out_len,
                    size_t *bad)
{
  ink__str_t out = { 0 };
  size_t nbad = 0, pos = 0;
  if (!ink__str_append (ctx, &out, "", 0))
    return NULL;
  while (pos < len) {
    size_t start = pos;
    uint32_t cp;
    bool ok = ink__utf8_next (src, len, &pos, &cp);
    if (!ok || cp == 0) {
      nbad++;
      if (!ink__str_append_cp (ctx, &out, 0xFFFD))
        goto fail;
    } else if (!ink__str_append (ctx, &out, src + start, pos - start)) {
      goto fail;
    }
  }
  /* Shrink to exact size so that ink__strfree (strlen + 1) frees the right amount. */
  char *s = ink__realloc (ctx, out.s, out.cap, out.n + 1);
  if (!s)
    goto fail;
  if (out_len)
    *out_len = out.n;
  if (bad)
    *bad = nbad;
  return s;
fail:
  ink__str_free (ctx, &out);
  return NULL;
}

void
ink__text_position_at (const char *src, size_t len, size_t off, ink__textpos_t *at)
{
  if (off > len)
    off = len;
  if (off < at->off || at->off > len)
    *at = (ink__textpos_t) { 0, 1, 1 };
  size_t pos = at->off;
  unsigned l = at->line, c = at->column;
  while (pos < off) {
    uint32_t cp;
    ink__utf8_next (src, len, &pos, &cp);
    if (cp == '\n') {
      l++;
      c = 1;
    } else {
      c++;
    }
  }
  *at = (ink__textpos_t) { pos, l, c };
}

void
ink__text_position (const char *src, size_t len, size_t off, unsigned *line, unsigned *column)
{
  ink__textpos_t at = { 0, 1, 1 };
  ink__text_position_at (src, len, off, &at);
  *line = at.line;
  *column = at.column;
}

size_t
ink__utf8_count (const char *s, size_t len)
{
  size_t n = 0;
  for (size_t i = 0; i < len; i++)
    n += ((unsigned char) s[i] & 0xC0) != 0x80;   /* a byte that starts a character */
  return n;
}

/* Whether any byte of w is zero. */
static inline uint64_t
zero_byte (uint64_t w)
{
  return (w - 0x0101010101010101u) & ~w & 0x8080808080808080u;
}

size_t
ink__plain_ascii_words (const char *s, size_t n)
{
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    memcpy (&w, s + i, 8);
    if ((w & 0x8080808080808080u) | zero_byte (w) | zero_byte (w ^ 0x0A0A0A0A0A0A0A0Au) |
        zero_byte (w ^ 0x0D0D0D0D0D0D0D0Du))
      break;
  }
  return i;
}
