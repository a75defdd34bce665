/* text/dates: an article's date as its language's newspapers print it, from the CLDR data of
 * the ICU installed (long date format, the locale's own calendar), in the digits
 * core/digits.c chooses for the language.
 *
 *   char out[INK_DATE_MAX];
 *   ink__format_date (ctx, "2011-09-27", "de", NULL, out, sizeof out); // "27. September 2011"
 *
 * English (en, en-US) is formatted without ICU, as CLDR has it; other languages load ICU
 * (text/icu.h) on the first date. Built without ICU (INK_WITH_ICU=OFF), with ICU missing at
 * run time (a warning on ctx), or for a language CLDR does not have, the date is
 * "2011-09-27": ISO 8601 reads the same in every language. See docs/articles.md. */
#ifndef INK_DATES_H
#define INK_DATES_H

#include "core.h"
#include "digits.h"

#include <stdbool.h>
#include <stddef.h>

/* Room for any long date CLDR gives (the longest measured is under 60 bytes). */
#define INK_DATE_MAX 80

/* ctx (nullable): where a warning goes if ICU is needed and cannot be loaded.
 * iso: "YYYY-MM-DD", optionally followed by a time, as the front matter validated it; the
 * calendar date is taken as written, whatever the time or offset. lang: BCP 47, or NULL for
 * English. digits: the digits to print (NULL: lang's, by core/digits.c). A date that is not
 * YYYY-MM-DD is copied as written. out always ends with a NUL. */
void ink__format_date (ink_context_t *ctx, const char *iso, const char *lang,
                       const ink__digits_t *digits, char *out, size_t n);

/* Room for a page number in any digits (ten digits of at most 4 UTF-8 bytes, and the NUL). */
#define INK_NUMBER_MAX 48

/* n in digits (NULL: ASCII), without grouping separators; digits come from ink__digits_for
 * (core/digits.c: Arabic-Indic for ar, Persian for fa and ur, Bengali for bn, ASCII for en
 * and hi; "fa-u-nu-latn" asks for ASCII). out always ends with a NUL, cut before a whole
 * character. */
void ink__format_number (unsigned long n, const ink__digits_t *digits, char *out, size_t size);

#ifdef INK_WITH_ICU
#include "icu.h"

/* UTF-16 s[0, len) as UTF-8 into out; false unless it fits whole with its NUL. */
bool ink__icu_utf8 (const ink__icu_t *icu, const UChar *s, int32_t len, char *out, size_t n);
/* The ICU locale of a BCP 47 tag; false if ICU cannot read it. */
bool ink__icu_locale (const ink__icu_t *icu, const char *lang, char *loc, size_t n);
/* Whether actual, the locale an ICU service took, has the language of loc, the one asked for
 * (ICU falls back to the host's locale for a language it lacks). */
bool ink__icu_is_language (const ink__icu_t *icu, const char *loc, const char *actual);
#endif

#endif
