/* text/icuwords: where lines may break inside Lao, Khmer and Myanmar text, which has no
 * spaces between words. ICU's line break iterator finds the words with the dictionaries in
 * its data (built from CLDR and ICU's own word lists); inkset asks it only inside runs of
 * those scripts, and only adds break opportunities there, so every other rule of
 * ink__breaks stands. Without ICU these scripts break where UAX #14 alone allows (spaces and
 * punctuation).
 *
 * What ICU allocates is not routed through the context's allocator (docs/limits.md). */
#include "breaks.h"

#include "scripts.h"

#include "icu.h"

#ifdef INK_WITH_ICU
#include <unicode/utf16.h>
#endif

/* Whether cp belongs to a script whose words ICU's dictionaries find. */
static bool
in_icu_script (uint32_t cp)
{
  return ink__script_of_cp (cp)->words == INK_WORDS_ICU;
}

bool
ink__icu_words_needed (const char *text, size_t len)
{
  for (size_t pos = 0; pos < len;) {
    uint32_t cp;
    if (!ink__utf8_next (text, len, &pos, &cp))
      return false;
    if (in_icu_script (cp))
      return true;
  }
  return false;
}

#ifdef INK_WITH_ICU
/* The run of text[a..b) in UTF-16 into u (room for 2 per byte), with each UTF-16 unit's
 * byte offset in at; returns the units written. */
static int32_t
to_utf16 (const char *text, size_t a, size_t b, UChar *u, size_t *at)
{
  int32_t n = 0;
  for (size_t pos = a; pos < b;) {
    size_t start = pos;
    uint32_t cp;
    ink__utf8_next (text, b, &pos, &cp);
    if (cp > 0xFFFF) {
      u[n] = U16_LEAD (cp), at[n++] = start;
      u[n] = U16_TRAIL (cp), at[n++] = start;
    } else {
      u[n] = (UChar) cp, at[n++] = start;
    }
  }
  at[n] = b;
  return n;
}

/* Adds ICU's breaks inside text[a..b), a run of one script, to brks. */
static void
run_breaks (const ink__icu_t *icu, UBreakIterator *bi, const char *text, size_t a, size_t b,
            UChar *u, size_t *at, uint8_t *brks)
{
  UErrorCode err = U_ZERO_ERROR;
  int32_t n = to_utf16 (text, a, b, u, at);
  icu->ubrk_setText (bi, u, n, &err);
  if (U_FAILURE (err))
    return;
  for (int32_t k = icu->ubrk_following (bi, 0); k != UBRK_DONE && k < n;
       k = icu->ubrk_next (bi)) {
    size_t end = at[k];   /* the byte where the next word starts */
    if (end > a && brks[end - 1] == INK_BRK_NO)
      brks[end - 1] = INK_BRK_ALLOW;
  }
}

ink_status_t
ink__icu_words (ink_context_t *ctx, const char *text, size_t len, uint8_t *brks)
{
  UErrorCode err = U_ZERO_ERROR;
  const ink__icu_t *icu = ink__icu (ctx, "Lao, Khmer and Myanmar break at spaces only");
  if (!icu)
    return INK_OK;
  UBreakIterator *bi = icu->ubrk_open (UBRK_LINE, "", NULL, 0, &err);
  if (U_FAILURE (err)) {
    ink__log (ctx, INK_LOG_WARNING, "ICU's line breaker is not available (%s): Lao, Khmer "
              "and Myanmar break at spaces only", icu->u_errorName (err));
    return INK_OK;
  }
  UChar *u = ink__realloc_array (ctx, NULL, 0, len * 2 + 1, sizeof *u);
  size_t *at = ink__realloc_array (ctx, NULL, 0, len * 2 + 1, sizeof *at);
  ink_status_t st = INK_OK;
  if (!u || !at)
    st = ink__error (ctx, INK_NO_MEMORY, "out of memory breaking Lao, Khmer or Myanmar text");
  for (size_t pos = 0; pos < len && st == INK_OK;) {
    size_t a = pos;
    uint32_t cp;
    ink__utf8_next (text, len, &pos, &cp);
    if (!in_icu_script (cp))
      continue;
    const ink__script_info_t *row = ink__script_of_cp (cp);
    size_t b = pos;
    while (b < len) {
      size_t next = b;
      ink__utf8_next (text, len, &next, &cp);
      if (ink__script_of_cp (cp) != row)
        break;
      b = next;
    }
    run_breaks (icu, bi, text, a, b, u, at, brks);
    pos = b;
  }
  ink__free (ctx, u, u ? (len * 2 + 1) * sizeof *u : 0);
  ink__free (ctx, at, at ? (len * 2 + 1) * sizeof *at : 0);
  icu->ubrk_close (bi);
  return st;
}
#else
ink_status_t
ink__icu_words (ink_context_t *ctx, const char *text, size_t len, uint8_t *brks)
{
  (void) ctx, (void) text, (void) len, (void) brks;
  return INK_OK;   /* INK_WITH_ICU off: UAX #14's breaks alone, as CMakeLists.txt says */
}
#endif
