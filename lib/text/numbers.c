/* text/numbers: a number (a page number) in the digits an article's language prints, from
 * the CLDR data of the ICU installed: the locale's default numbering system, as for dates.
 *
 *   char out[INK_NUMBER_MAX];
 *   ink__format_number (12, "fa", out, sizeof out);     // "۱۲"
 */
#include "dates.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#ifdef INK_WITH_ICU
#include <unicode/uloc.h>
#include <unicode/unum.h>

/* n formatted by loc's decimal format, without grouping, as UTF-8; false unless ICU has the
 * language asked for (for one it lacks it falls back to the host's locale) and gives the
 * number whole. */
static bool
icu_number (unsigned long n, const char *loc, char *out, size_t size)
{
  UErrorCode err = U_ZERO_ERROR;
  UNumberFormat *f = unum_open (UNUM_DECIMAL, NULL, 0, loc, NULL, &err);
  bool ok = false;
  if (U_SUCCESS (err)) {
    const char *actual = unum_getLocaleByType (f, ULOC_ACTUAL_LOCALE, &err);
    if (U_SUCCESS (err) && ink__icu_is_language (loc, actual)) {
      unum_setAttribute (f, UNUM_GROUPING_USED, 0);
      UChar buf[INK_NUMBER_MAX];
      int32_t len = unum_formatInt64 (f, (int64_t) n, buf, INK_NUMBER_MAX, NULL, &err);
      ok = U_SUCCESS (err) && len < INK_NUMBER_MAX && ink__icu_utf8 (buf, len, out, size);
    }
  }
  unum_close (f);
  return ok;
}
#endif

void
ink__format_number (unsigned long n, const char *lang, char *out, size_t size)
{
  if (!size)
    return;
  *out = 0;
#ifdef INK_WITH_ICU
  char loc[ULOC_FULLNAME_CAPACITY];
  if (lang && *lang && ink__icu_locale (lang, loc, sizeof loc) &&
      icu_number (n, loc, out, size))
    return;
#else
  (void) lang;
#endif
  snprintf (out, size, "%lu", n);
}
