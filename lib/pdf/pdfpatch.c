/* pdf/pdfpatch: entries cairo 1.16 has no call for, put into the finished file: the
 * document's language (/Lang in the catalog) and each page's trim and bleed boxes. Each
 * insertion moves the cross-reference offsets and startxref after it by its length. A file
 * not laid out as cairo writes it (one classic xref table) is left as it is. */
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

/* The first occurrence of needle in s[0..n), or NULL. */
static const char *
first (const char *s, size_t n, const char *needle)
{
  size_t k = strlen (needle);
  for (size_t i = 0; i + k <= n; i++)
    if (s[i] == needle[0] && memcmp (s + i, needle, k) == 0)
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

/* Inserts ins[0..n) (in ascending order of at) into pdf, moving the xref entries and
 * startxref; leaves pdf as it is when its xref is not one classic table after them all. */
static ink_status_t
insert (ink_context_t *ctx, ink__str_t *pdf, const ink__pdf_ins_t *ins, size_t n)
{
  const char *sx = last (pdf->s, pdf->n, "startxref\n");
  size_t xref, total = 0;
  const char *after;
  if (!n || !sx || !number (sx + 10, pdf->s + pdf->n, 19, &xref, &after) ||
      xref <= ins[n - 1].at || xref >= pdf->n)
    return INK_OK;
  for (size_t i = 0; i < n; i++)
    total += ins[i].len;
  /* Backwards, so that an entry is compared with insertions before it at its old offset. */
  for (size_t i = n; i-- > 0;)
    if (!shift_xref (pdf->s, pdf->n, xref, ins[i].at, ins[i].len))
      return INK_OK;   /* the first call finds a table that is not cairo's before changing it */
  size_t tail = (size_t) (sx - pdf->s) + 10;   /* where startxref's number begins */
  ink__str_t out = { 0 };
  bool ok = true;
  for (size_t i = 0, from = 0; ok && i <= n; i++) {
    size_t to = i < n ? ins[i].at : tail;
    ok = ink__str_append (ctx, &out, pdf->s + from, to - from) &&
         (i == n || ink__str_append (ctx, &out, ins[i].text, ins[i].len));
    from = to;
  }
  ok = ok && ink__str_printf (ctx, &out, "%zu", xref + total) &&
       ink__str_append (ctx, &out, after, (size_t) (pdf->s + pdf->n - after));
  if (!ok) {
    ink__str_free (ctx, &out);
    return ink__error (ctx, INK_NO_MEMORY, "out of memory writing a PDF");
  }
  ink__str_free (ctx, pdf);
  *pdf = out;
  return INK_OK;
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
  if (!cat)
    return INK_OK;
  ink__pdf_ins_t ins = { (size_t) (cat - pdf->s) + strlen ("/Type /Catalog"), entry, (size_t) len };
  return insert (ctx, pdf, &ins, 1);
}

/* The entries that give a page its trim and bleed boxes on sheet sh. */
static bool
boxes (char *out, size_t size, const ink__pdf_sheet_t *sh, size_t *len)
{
  double x0 = sh->slug, y0 = sh->slug, x1 = x0 + sh->trim_w, y1 = y0 + sh->trim_h, b = sh->bleed;
  int n = snprintf (out, size, " /TrimBox [ %.3f %.3f %.3f %.3f ] /BleedBox [ %.3f %.3f %.3f %.3f ]",
                    x0, y0, x1, y1, x0 - b, y0 - b, x1 + b, y1 + b);
  *len = n > 0 ? (size_t) n : 0;
  return n > 0 && (size_t) n < size;
}

ink_status_t
ink__pdf_set_boxes (ink_context_t *ctx, ink__str_t *pdf, const ink__pdf_sheet_t *sh)
{
  static const char page[] = "<< /Type /Page %";
  char entry[160];
  size_t len, n = 0;
  if (!sh->slug || !boxes (entry, sizeof entry, sh, &len))
    return INK_OK;
  for (const char *p = pdf->s; (p = first (p, (size_t) (pdf->s + pdf->n - p), page)); p++)
    n++;
  ink__pdf_ins_t *ins = ink__realloc_array (ctx, NULL, 0, n ? n : 1, sizeof *ins);
  if (!ins)
    return ink__error (ctx, INK_NO_MEMORY, "out of memory writing a PDF");
  size_t k = 0;
  for (const char *p = pdf->s; k < n && (p = first (p, (size_t) (pdf->s + pdf->n - p), page)); p++)
    ins[k++] = (ink__pdf_ins_t) { (size_t) (p - pdf->s) + sizeof page - 3, entry, len };
  ink_status_t st = insert (ctx, pdf, ins, k);
  ink__free (ctx, ins, (n ? n : 1) * sizeof *ins);
  return st;
}
#endif
