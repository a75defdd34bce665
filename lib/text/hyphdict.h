/* text/hyphdict: libhyphen's HyphenDict built from a pattern file in memory with a trie
 * (lib/text/hyphdict.c), the state machine hnj_hyphen_load_file would build from the same
 * text, an order of magnitude faster.
 *
 *   HyphenDict *d = ink__hyphdict_load (ctx, text, len, NULL);   // NULL: out of memory
 *   HyphenDict *d = ink__patterns_load (ctx, buf, len);   // a pattern file as inkset reads it
 *   ink__patterns_to_utf8 (ctx, data, len, &buf, &len, &cap);   // an 8-bit one, first
 *   hnj_hyphen_hyphenate2 (d, ...);
 *   ink__hyphdict_free (d);       // not hnj_hyphen_free: the states are one block
 */
#ifndef INK_TEXT_HYPHDICT_H
#define INK_TEXT_HYPHDICT_H

#include "core.h"

#include <hyphen.h>
#include <stdbool.h>

HyphenDict *ink__hyphdict_load (ink_context_t *ctx, const char *text, size_t len,
                                bool *long_lines);
HyphenDict *ink__patterns_load (ink_context_t *ctx, char *buf, size_t len);
void ink__hyphdict_free (HyphenDict *d);

/* The pattern file data[0..len) in UTF-8, its first line (the charset) rewritten, in *cap_out
 * bytes from ctx, *out_len of them used: *out NULL when the charset is unknown to iconv or
 * the text not in it (lib/text/hyphcset.c). INK_NO_MEMORY when out of memory. */
ink_status_t ink__patterns_to_utf8 (ink_context_t *ctx, const char *data, size_t len, char **out,
                                    size_t *out_len, size_t *cap_out);

#endif
