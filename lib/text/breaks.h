/* text/breaks: where a line may break (UAX #14 through libunibreak, tailored with kinsoku
 * shori for Chinese and Japanese and with libthai's dictionary word breaks for Thai), where
 * grapheme clusters end (UAX #29), and where a word may be hyphenated (libhyphen).
 *
 *   uint8_t *brks = ...len bytes...;
 *   ink__breaks (ctx, text, len, "ja", brks);        // brks[i]: may the line break after byte i?
 *   ink__graphemes (text, len, gbrks);              // gbrks[i] = 1: a cluster ends at byte i
 *   ink__hyphenator_create (ctx, NULL, &h);
 *   n = ink__hyphenate (h, "en", "hyphenation", 11, 5, 2, 3, points);   // hy-phen-ation
 *   ink__hyphenator_destroy (h);
 *
 * These are pure functions of their input; the paragraph builder decides what to do with
 * the opportunities (see docs/linebreaking.md). */
#ifndef INK_BREAKS_H
#define INK_BREAKS_H

#include <pthread.h>

#include "core.h"

/* Same values as libunibreak's LINEBREAK_MUSTBREAK etc. */
enum { INK_BRK_MUST = 0, INK_BRK_ALLOW = 1, INK_BRK_NO = 2, INK_BRK_INSIDE = 3 };

/* A sorted table of inclusive code point ranges, searched by IN (table, cp). */
typedef struct { uint32_t lo, hi; } ink__range_t;
/* The index of the range of r[0..n) that holds cp, or SIZE_MAX. */
size_t ink__range_index (const ink__range_t *r, size_t n, uint32_t cp);
/* Inline, with the table's ends checked first: most text is below every range it is
 * asked against. */
static inline bool
ink__in_ranges (const ink__range_t *r, size_t n, uint32_t cp)
{
  if (n == 0 || cp < r[0].lo || cp > r[n - 1].hi)
    return false;
  return ink__range_index (r, n, cp) != SIZE_MAX;
}
#define IN(table, cp) ink__in_ranges ((table), sizeof (table) / sizeof *(table), (cp))

/* cbrks[k] says whether a line may break after cps[k] (UAX #14 through libunibreak, without
 * inkset's tailorings); no code point can crash it (lib/text/uax14.c). */
ink_status_t ink__uax14 (ink_context_t *ctx, const uint32_t *cps, size_t n, const char *lang,
                         uint8_t *cbrks);
/* The code point libunibreak is given in place of cp: cp itself unless libunibreak would
 * abort or stop on it. */
uint32_t ink__uax14_stand_in (uint32_t cp);

/* Whether text holds a letter of a script whose words ICU's dictionaries find (Lao, Khmer,
 * Myanmar), and adds the breaks ICU finds between those words to brks (lib/text/icuwords.c;
 * without ICU it leaves brks as they are). */
bool ink__icu_words_needed (const char *text, size_t len);
ink_status_t ink__icu_words (ink_context_t *ctx, const char *text, size_t len, uint8_t *brks);

/* True when kinsoku shori forbids a line break between prev and cp (lib/text/breaks.c). */
bool ink__kinsoku_holds (uint32_t prev, uint32_t cp);

/* brks[i] says whether a line may break after byte i of text (len bytes of valid UTF-8);
 * bytes that are not the last of a code point get INK_BRK_INSIDE, and the last byte of the
 * text gets INK_BRK_MUST. lang is a BCP 47 tag or NULL. Invalid UTF-8 gives INK_INVALID. */
ink_status_t ink__breaks (ink_context_t *ctx, const char *text, size_t len, const char *lang,
                          uint8_t *brks);

/* gbrks[i] = 1 when a grapheme cluster (extended, UAX #29 of Unicode 15.1, including the
 * Indic conjunct rule GB9c) ends after byte i, else 0. Invalid sequences are clusters of
 * their own. The last byte of a non-empty text always ends a cluster. */
void ink__graphemes (const char *text, size_t len, uint8_t *gbrks);
/* True when cp is Extended_Pictographic. */
bool ink__is_ext_pict (uint32_t cp);

/* Bars line breaks inside words of a script that spaces its words although UAX #14 lets a
 * line break between any two of its letters (Hangul): for ragged and centred lines, which
 * need no such breaks to fill (lib/text/breaks.c). */
void ink__keep_words (const char *text, size_t len, uint8_t *brks);
/* Bars a ragged line's breaks inside a number with its unit: Han numerals, digits before an
 * ideograph, a Thai number word before its counter (lib/text/keepnums.c; keep_words calls it). */
void ink__keep_numbers (const char *text, size_t len, uint8_t *brks);

typedef enum { INK_WORD_PLAIN, INK_WORD_COMPOUND, INK_WORD_ADDRESS, INK_WORD_TAG } ink__word_kind_t;
/* What a space-delimited word is: a web or e-mail address, words joined by a hyphen or a
 * slash, a hashtag or handle, or none of these (lib/text/address.c). Only plain words are
 * hyphenated. */
ink__word_kind_t ink__word_kind (const char *w, size_t len);
/* Inside addresses, adds opportunities after / . - _ @ ? & = before a letter or digit
 * (ink__breaks calls it). */
void ink__address_breaks (const char *text, size_t len, uint8_t *brks);
/* Whether w (brackets and quotes before it taken off) is a hashtag or a handle: '#' or '@'
 * and a letter (lib/text/wordcuts.c). */
bool ink__is_tag (const char *w, size_t len);
typedef struct ink__hyphenator ink__hyphenator_t;
/* points[i] = 1 after a byte where a tag may be cut with nothing added, in the emergency pass
 * only: before a capital after a small letter, between letters and digits, after '_'; 2 at
 * the syllables (h's patterns for lang) of a part between two of those. */
size_t ink__tag_points (ink__hyphenator_t *h, const char *lang, const char *w, size_t len,
                        uint8_t *points);
/* The end of the figure (digits, and decimal marks or group separators between two of them)
 * that starts at byte at of text, or at when none does: no line breaks inside a figure unless
 * it alone is wider than the line (lib/para/items.c). */
size_t ink__figure_end (const char *text, size_t len, size_t at);
/* Takes away the opportunity at the space between a number and its unit ("12 km", "40 %")
 * and after a sign before a number ("§ 12") (lib/text/units.c; ink__breaks calls it). */
void ink__unit_breaks (const char *text, size_t len, uint8_t *brks);
/* Whether the space at byte sp parts a number from the word it counts ("3 | weeks") or names
 * ("day | 3,"), and the same barred at every space of a display line (lib/text/numtie.c). */
bool ink__number_tie (const char *text, size_t len, size_t sp);
void ink__number_ties (const char *text, size_t len, uint8_t *brks);
/* Whether a unit written after a number ("km", "%", "Euro") begins at byte at and ends a word
 * there (lib/text/units.c). */
bool ink__unit_at (const char *text, size_t len, size_t at);
/* Whether the word that ends at byte end is a sign written before a number ("§", "No.", "№",
 * "бр."), which names what follows it (lib/text/units.c). */
bool ink__number_sign_before (const char *text, size_t end);
/* Whether a break at byte at parts a Thai number word from the counter after it ("สอง|เดือน"),
 * as the dictionary parts them (lib/text/units.c). */
bool ink__thai_number_word_before (const char *text, size_t len, size_t at);

/* A hyphenator caches loaded pattern files by language. dirs is a NULL-terminated list of
 * folders (nullable) searched in order before /usr/share/hyphen. */
ink_status_t ink__hyphenator_create (ink_context_t *ctx, const char *const *dirs,
                                     ink__hyphenator_t **out);
void ink__hyphenator_destroy (ink__hyphenator_t *h);
/* A pattern file lent from memory for key ("en_US", "de"), looked in before the folders. */
ink_status_t ink__hyphenator_lend (ink__hyphenator_t *h, const char *key, const void *data,
                                   size_t len);
/* Loads pattern files (allocating through the hyphenator's context) under lock rather than
 * the hyphenator's own: a fontset's hyphenator takes the fontset's lock, which guards every
 * other use of that context by threads sharing the fontset. NULL: its own lock again. */
void ink__hyphenator_use_lock (ink__hyphenator_t *h, pthread_mutex_t *lock);
/* points[i] = 1 (else 0) when word (len bytes, one word as the caller cut it) may be
 * hyphenated after byte i. Returns the number of points. Words shorter than min_word
 * characters, with digits, in all capitals, or that look like addresses get none; no point
 * leaves fewer characters before or after it than the language's minimums (English 2 and
 * 3; lib/text/hyphen.c keeps them), the pattern file's, or left_min and right_min, whichever
 * is most (0 for the language's own). A language without a pattern file gives 0 points. */
size_t ink__hyphenate (ink__hyphenator_t *h, const char *lang, const char *word, size_t len,
                       unsigned min_word, unsigned left_min, unsigned right_min,
                       uint8_t *points);

/* Drops the pattern lines of buf (a pattern file in UTF-8, len bytes) that a later line with
 * the same letters repeats, in place (libhyphen leaks the one it overwrites); returns the new
 * length (lib/text/patterns.c). */
size_t ink__patterns_dedup (ink_context_t *ctx, char *buf, size_t len);

typedef enum { INK_HYPH_PATTERNS, INK_HYPH_NEVER, INK_HYPH_MISSING } ink__hyph_avail_t;
/* Whether lang's words can be hyphenated: patterns found, a language that is never
 * hyphenated (Arabic, Chinese, Thai...), or patterns missing. */
ink__hyph_avail_t ink__hyphen_patterns (ink__hyphenator_t *h, const char *lang);

#endif
