/* text/dates: an article's date as its language's newspapers print it, from the CLDR data of
 * the ICU installed (long date format, the locale's own calendar and digits).
 *
 *   char out[INK_DATE_MAX];
 *   ink__format_date ("2011-09-27", "de", out, sizeof out);     // "27. September 2011"
 *
 * Built without ICU (INK_WITH_ICU=OFF), or for a language CLDR does not have, the date is
 * "2011-09-27": ISO 8601 reads the same in every language. See docs/articles.md. */
#ifndef INK_DATES_H
#define INK_DATES_H

#include <stddef.h>

/* Room for any long date CLDR gives (the longest measured is under 60 bytes). */
#define INK_DATE_MAX 80

/* iso: "YYYY-MM-DD", optionally followed by a time, as the front matter validated it; the
 * calendar date is taken as written, whatever the time or offset. lang: BCP 47, or NULL for
 * English. A date that is not YYYY-MM-DD is copied as written. out always ends with a NUL. */
void ink__format_date (const char *iso, const char *lang, char *out, size_t n);

#endif
