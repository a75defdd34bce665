/* text/icu: ICU's functions, opened with dlopen the first time one is needed, so that a
 * document in a language that needs no locale data (an English date, Latin capitals, no Lao,
 * Khmer or Myanmar) never maps ICU's libraries and data (about 5 MiB; docs/performance.md).
 *
 *   const ink__icu_t *icu = ink__icu (ctx, "dates are printed as YYYY-MM-DD");
 *   if (icu)
 *     icu->u_strToUTF8 (...);
 *
 * The library opened is the one inkset was built against (its soname, INK_SONAME_ICUI18N
 * from cmake/dlopen.cmake), and each function by its versioned name (udat_open_72), as the
 * headers rename it; ICU's symbols are looked up in it and the libraries it loads. Built
 * without ICU (INK_WITH_ICU=OFF) this header declares nothing. */
#ifndef INK_TEXT_ICU_H
#define INK_TEXT_ICU_H

#ifdef INK_WITH_ICU
#include "core.h"

#include <unicode/ubrk.h>
#include <unicode/ucal.h>
#include <unicode/uchar.h>
#include <unicode/udat.h>
#include <unicode/uloc.h>
#include <unicode/ustring.h>

/* Every ICU function inkset calls. The names are macros of ICU's headers (udat_open is
 * udat_open_72), so the fields below take the versioned names too. */
#define INK_ICU_FUNCTIONS(X)                                                                  \
  X (u_errorName) X (u_strToUTF8) X (u_toupper)                                               \
  X (uloc_forLanguageTag) X (uloc_getLanguage) X (uloc_setKeywordValue)                       \
  X (ubrk_open) X (ubrk_setText) X (ubrk_following) X (ubrk_next) X (ubrk_close)              \
  X (udat_open) X (udat_close) X (udat_format) X (udat_getCalendar) X (udat_setCalendar)      \
  X (udat_getLocaleByType) X (ucal_clone) X (ucal_close) X (ucal_setGregorianChange)

#define INK_ICU_FIELD_(f) __typeof__ (f) *f;
typedef struct {
  INK_ICU_FUNCTIONS (INK_ICU_FIELD_)
} ink__icu_t;
#undef INK_ICU_FIELD_

/* ICU's functions, loaded on the first call (thread-safe); NULL if ICU cannot be loaded, and
 * then a warning on ctx (nullable) that says so and what is done without: without, e.g.
 * "dates are printed as YYYY-MM-DD". */
const ink__icu_t *ink__icu (ink_context_t *ctx, const char *without);
#endif

#endif
