/* pdf/pdflang: the document's language (/Lang in the catalog), which cairo 1.16 has no call
 * for. The finished file is patched: the entry goes into the catalog dictionary, and the
 * cross-reference offsets and startxref after it move by its length. A file not laid out
 * as cairo writes it (one classic xref table) is left as it is. */
#include "pdf.h"

#ifdef INK_WITH_PDF
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The last occurrence of needle in s[0..n), or NULL. */
static const char *
last (const char *s, size_t n, const char *needle)
{
  size_t k = strlen (needle);
  for (size_t i = n >= k ? n - k + 1 : 0; i-- > 0;)
    if (memcmp (s + i, needle, k) == 0)
      return s + i;
  return NULL;
}

/* A decimal number of at most digits digits at s (within end); *after gets what follows. */
static bool
number (const char *s, const char *end, int digits, size_t *v, const char **after)
{
  *v = 0;
  int d = 0;
  for (; s < end && *s >= '0' && *s <= '9' && d < digits; s++, d++)
    *v = *v * 10 + (size_t) (*s - '0');
  *after = s;
  return d > 0;
}

/* Moves every in-use xref entry after ins by delta, in place. */
static bool
shift_xref (char *pdf, size_t n, size_t xref, size_t ins, size_t delta)
{
  const char *end = pdf + n, *p = pdf + xref;
  size_t first, count;
  if (n - xref < 5 || memcmp (p, "xref\n", 5) != 0 || !number (p + 5, end, 10, &first, &p) ||
      p >= end || *p != ' ' || !number (p + 1, end, 10, &count, &p) || p >= end || *p != '\n')
    return false;
  char *e = (char *) p + 1;
  if ((size_t) (end - e) / 20 < count)
    return false;
  for (size_t i = 0; i < count; i++, e += 20) {
    size_t off;
    const char *q;
    if (e[17] != 'n' && e[17] != 'f')
      return false;
    if (e[17] != 'n' || !number (e, e + 10, 10, &off, &q) || q != e + 10)
      continue;
    if (off > ins) {
      char digits[24];
      if (snprintf (digits, sizeof digits, "%010zu", off + delta) != 10)
        return false;   /* past ten digits: no xref entry holds the offset */
      memcpy (e, digits, 10);
    }
  }
  return true;
}

ink_status_t
ink__pdf_set_lang (ink_context_t *ctx, ink__str_t *pdf, const char *lang)
{
  char entry[64];
  if (!lang || strlen (lang) > 35 || strspn (lang, "abcdefghijklmnopqrstuvwxyz"
                                                   "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") != strlen (lang))
    return INK_OK;
  int len = snprintf (entry, sizeof entry, "\n   /Lang (%s)", lang);
  const char *cat = last (pdf->s, pdf->n, "/Type /Catalog");
  const char *sx = last (pdf->s, pdf->n, "startxref\n");
  size_t xref;
  const char *after;
  if (!cat || !sx || sx < cat || !number (sx + 10, pdf->s + pdf->n, 19, &xref, &after) ||
      xref <= (size_t) (cat - pdf->s) || xref >= pdf->n)
    return INK_OK;
  size_t ins = (size_t) (cat - pdf->s) + strlen ("/Type /Catalog");
  size_t tail = (size_t) (sx - pdf->s) + 10;   /* where startxref's number begins */
  if (!shift_xref (pdf->s, pdf->n, xref, ins, (size_t) len))
    return INK_OK;
  ink__str_t out = { 0 };
  bool ok = ink__str_append (ctx, &out, pdf->s, ins) && ink__str_append (ctx, &out, entry, (size_t) len) &&
            ink__str_append (ctx, &out, pdf->s + ins, tail - ins) &&
            ink__str_printf (ctx, &out, "%zu", xref + (size_t) len) &&
            ink__str_append (ctx, &out, after, (size_t) (pdf->s + pdf->n - after));
  if (!ok) {
    ink__str_free (ctx, &out);
    return ink__error (ctx, INK_NO_MEMORY, "out of memory writing a PDF");
  }
  ink__str_free (ctx, pdf);
  *pdf = out;
  return INK_OK;
}
#endif
