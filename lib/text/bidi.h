/* text/bidi: one paragraph's embedding levels (UAX #9 through FriBidi), in logical order.
 *
 *   ink__bidi_levels (cps, n, 0, "ar", types, btypes, levels, &base);
 *
 * The shaper itemizes with them; the Unicode conformance test checks them against
 * BidiCharacterTest. */
#ifndef INK_BIDI_H
#define INK_BIDI_H

#include <fribidi.h>

#include "core.h"

/* Fills types, btypes and levels (n entries each) for the paragraph cps[0..n), and sets
 * *base_level (0 LTR, 1 RTL). direction: 1 LTR, 2 RTL, 0 from lang (ink__lang_is_rtl), or
 * from the first strong character when lang is NULL. False when FriBidi fails. */
bool ink__bidi_levels (const uint32_t *cps, size_t n, int direction, const char *lang,
                       FriBidiCharType *types, FriBidiBracketType *btypes, FriBidiLevel *levels,
                       uint8_t *base_level);
/* Whether UTF-8 s[0, len) has a strong right-to-left character (R or AL). */
bool ink__bidi_has_rtl (const char *s, size_t len);
/* The direction of UTF-8 s[0, len)'s first strong letter: 1 LTR, 2 RTL, 0 none. */
int ink__bidi_first_strong (const char *s, size_t len);
int ink__bidi_letters (const char *s, size_t len);

#endif
