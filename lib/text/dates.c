/* text/dates: an article's date in its language, through ICU's date formatter (CLDR data);
 * an English date without it, so that English documents never load ICU (text/icu.h). */
#include "dates.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "icu.h"

/* "YYYY-MM-DD" at the start of s, as numbers; false if s does not start so. */
static bool
parse_iso (const char *s, int *y, int *m, int *d)
{
  for (int i = 0; i < 10; i++)
    if (i == 4 || i == 7 ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
      return false;
  *y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  *m = (s[5] - '0') * 10 + (s[6] - '0');
  *d = (s[8] - '0') * 10 + (s[9] - '0');
  return *m >= 1 && *m <= 12 && *d >= 1 && *d <= 31;
}

static void
iso_date (const char *iso, char *out, size_t n)
{
  int y, m, d;
  if (parse_iso (iso, &y, &m, &d))
    snprintf (out, n, "%.10s", iso);
  else
    snprintf (out, n, "%s", iso);
}

#ifdef INK_WITH_ICU
/* The long date of y-m-d as CLDR's English (en, en-US) has it, "MMMM d, y": "September 27,
 * 2011"; false for any other language, for digits other than ASCII, for the year 0 (the
 * era's year would be 1) and for a day the month lacks. test_dates checks it against ICU. */
static bool
english_date (int y, int m, int d, const char *lang, const ink__digits_t *digits, char *out,
              size_t n)
{
  static const char *const months[] = { "January", "February", "March", "April", "May",
    "June", "July", "August", "September", "October", "November", "December" };
  static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  bool leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
  bool english = !lang || !*lang || strcmp (lang, "en") == 0 || strcmp (lang, "en-US") == 0;
  if (!english || strcmp (digits->name, "latn") != 0 || y < 1 || d > days[m - 1] ||
      (m == 2 && d == 29 && !leap))
    return false;   /* ICU rolls February 30 over into March */
  int len = snprintf (out, n, "%s %d, %d", months[m - 1], d, y);
  return len > 0 && (size_t) len < n;
}

/* Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar (the day count of the
 * March-based year: the leap day falls last). */
static long
days_from_epoch (int y, int m, int d)
{
  long yy = m <= 2 ? y - 1 : y;
  long era = (yy >= 0 ? yy : yy - 399) / 400;
  long yoe = yy - era * 400;                                  /* [0, 399] */
  long doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;  /* [0, 365] */
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;           /* [0, 146096] */
  return era * 146097 + doe - 719468;
}

/* The ICU locale of a BCP 47 tag ("zh-Hans" → "zh_Hans", "fa-u-ca-gregory" →
 * "fa@calendar=gregorian"); false if ICU cannot read it. */
bool
ink__icu_locale (const ink__icu_t *icu, const char *lang, char *loc, size_t n)
{
  UErrorCode err = U_ZERO_ERROR;
  int32_t used = 0;
  int32_t len = icu->uloc_forLanguageTag (lang, loc, (int32_t) n, &used, &err);
  return U_SUCCESS (err) && err != U_STRING_NOT_TERMINATED_WARNING && len > 0 && used > 0;
}

/* Whether actual, the locale an ICU formatter took, has the language of loc, the one asked
 * for: for a language it lacks ICU falls back to the host's default locale (from LANG), which
 * would make the output depend on the host. */
bool
ink__icu_is_language (const ink__icu_t *icu, const char *loc, const char *actual)
{
  char want[16], got[16];
  UErrorCode e1 = U_ZERO_ERROR, e2 = U_ZERO_ERROR;
  if (!actual)
    return false;
  icu->uloc_getLanguage (loc, want, sizeof want, &e1);
  icu->uloc_getLanguage (actual, got, sizeof got, &e2);
  return U_SUCCESS (e1) && U_SUCCESS (e2) && *want && strcmp (want, got) == 0;
}

/* UTF-16 s[0, len) as UTF-8 into out; false unless it fits whole with its NUL. */
bool
ink__icu_utf8 (const ink__icu_t *icu, const UChar *s, int32_t len, char *out, size_t n)
{
  UErrorCode err = U_ZERO_ERROR;
  int32_t olen = 0;
  if (n > INT32_MAX)
    return false;
  icu->u_strToUTF8 (out, (int32_t) n, &olen, s, len, &err);
  return U_SUCCESS (err) && err != U_STRING_NOT_TERMINATED_WARNING && (size_t) olen < n;
}

static bool
has_language (const ink__icu_t *icu, const UDateFormat *f, const char *loc)
{
  UErrorCode err = U_ZERO_ERROR;
  const char *actual = icu->udat_getLocaleByType (f, ULOC_ACTUAL_LOCALE, &err);
  return U_SUCCESS (err) && ink__icu_is_language (icu, loc, actual);
}

/* Gregorian dates before 1582-10-15 as Gregorian too (ICU would switch to the Julian calendar,
 * while the day count above is proleptic). Calendars of other kinds decline, harmlessly. */
static void
proleptic (const ink__icu_t *icu, UDateFormat *f)
{
  UErrorCode err = U_ZERO_ERROR;
  UCalendar *cal = icu->ucal_clone (icu->udat_getCalendar (f), &err);
  if (U_FAILURE (err))
    return;
  icu->ucal_setGregorianChange (cal, -8.64e15, &err);   /* the earliest date ICU knows */
  if (U_SUCCESS (err))
    icu->udat_setCalendar (f, cal);
  icu->ucal_close (cal);
}

/* loc asking for digits: ICU's "numbers" keyword, which its date formats follow. */
static bool
with_digits (const ink__icu_t *icu, char *loc, size_t n, const ink__digits_t *digits)
{
  UErrorCode err = U_ZERO_ERROR;
  icu->uloc_setKeywordValue ("numbers", digits->name, loc, (int32_t) n, &err);
  return U_SUCCESS (err) && err != U_STRING_NOT_TERMINATED_WARNING;
}

/* The long date of y-m-d in locale loc, as UTF-8; false if ICU cannot give it whole. */
static bool
icu_date (const ink__icu_t *icu, int y, int m, int d, const char *loc, char *out, size_t n)
{
  static const UChar utc[] = { 'U', 'T', 'C', 0 };
  UErrorCode err = U_ZERO_ERROR;
  UDateFormat *f = icu->udat_open (UDAT_NONE, UDAT_LONG, loc, utc, -1, NULL, 0, &err);
  bool ok = false;
  if (U_SUCCESS (err) && has_language (icu, f, loc)) {
    proleptic (icu, f);
    UChar buf[INK_DATE_MAX];
    UDate when = (UDate) days_from_epoch (y, m, d) * 86400000.0;
    int32_t len = icu->udat_format (f, when, buf, INK_DATE_MAX, NULL, &err);
    ok = U_SUCCESS (err) && len < INK_DATE_MAX && ink__icu_utf8 (icu, buf, len, out, n);
  }
  icu->udat_close (f);
  return ok;
}
#endif

void
ink__format_date (ink_context_t *ctx, const char *iso, const char *lang,
                  const ink__digits_t *digits, char *out, size_t n)
{
  if (!n)
    return;
  *out = 0;
  if (!iso)
    return;
#ifdef INK_WITH_ICU
  int y, m, d;
  char loc[ULOC_FULLNAME_CAPACITY];
  if (!digits)
    digits = ink__digits_for (lang, NULL, 0);
  if (parse_iso (iso, &y, &m, &d) && english_date (y, m, d, lang, digits, out, n))
    return;
  const ink__icu_t *icu = NULL;
  if (parse_iso (iso, &y, &m, &d))
    icu = ink__icu (ctx, "the date is printed as YYYY-MM-DD");
  if (icu && ink__icu_locale (icu, lang && *lang ? lang : "en", loc, sizeof loc) &&
      with_digits (icu, loc, sizeof loc, digits) && icu_date (icu, y, m, d, loc, out, n))
    return;
#else
  (void) ctx, (void) lang, (void) digits;
#endif
  iso_date (iso, out, n);
}
