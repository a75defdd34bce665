/* text/hyphcset: a pattern file in an 8-bit charset (Debian's are in UTF-8, ISO 8859-1, -2,
 * -5, -7, -13 and KOI8-R) converted to UTF-8 through iconv, so that the library and the
 * build-time packer (lib/text/gen/hyphpack.c) build a dictionary from the same text.
 *
 *   char *u; size_t ulen, ucap;
 *   ink__patterns_to_utf8 (ctx, data, len, &u, &ulen, &ucap);   // u NULL: charset unknown
 *   ink__free (ctx, u, ucap);
 */
#include "hyphdict.h"

#include <iconv.h>
#include <string.h>

/* Declared in hyphdict.h. */
ink_status_t
ink__patterns_to_utf8 (ink_context_t *ctx, const char *data, size_t len, char **out,
                       size_t *out_len, size_t *cap_out)
{
  *out = NULL;
  size_t eol = 0;
  while (eol < len && data[eol] != '\n' && data[eol] != '\r')
    eol++;
  char cset[32];
  size_t n = eol < sizeof cset ? eol : sizeof cset - 1;
  memcpy (cset, data, n);
  cset[n] = '\0';
  while (n > 0 && cset[n - 1] == ' ')
    cset[--n] = '\0';
  iconv_t cd = iconv_open ("UTF-8", cset);
  if (cd == (iconv_t) -1)
    return INK_OK;
  /* An 8-bit character takes at most 3 bytes in UTF-8; "UTF-8" replaces the first line. */
  size_t cap = 6 + (len - eol) * 3;
  char *buf = ink__alloc (ctx, cap);
  if (!buf) {
    iconv_close (cd);
    return INK_NO_MEMORY;
  }
  memcpy (buf, "UTF-8", 5);
  char *in = (char *) data + eol, *o = buf + 5;
  size_t in_left = len - eol, o_left = cap - 5;
  bool ok = iconv (cd, &in, &in_left, &o, &o_left) != (size_t) -1 && in_left == 0;
  iconv_close (cd);
  if (!ok) {
    ink__free (ctx, buf, cap);
    return INK_OK;
  }
  *out = buf;
  *out_len = cap - o_left;
  *cap_out = cap;
  return INK_OK;
}

