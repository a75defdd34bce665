/* text/hyphmemo: what libhyphen answered for a word, remembered per dictionary. An article
 * asks for the same words again and again (the sample article: 900 asks for about 435
 * words), and libhyphen's answer is a function of the dictionary and the lower-cased word
 * alone, so a repeat is answered from here with the same marks. Bounded: one block of
 * MEMO_SLOTS fixed slots, a new word taking the place of the one hashed to the same slot.
 * Not locked: the hyphenator calls it under its own lock.
 *
 *   if (!ink__hyphmemo_get (&m, dict, word, len, marks, nch)) {
 *     ... marks from libhyphen ...
 *     ink__hyphmemo_put (&m, ctx, dict, word, len, marks, nch);
 *   }
 *   ink__hyphmemo_free (&m, ctx);
 */
#ifndef INK_TEXT_HYPHMEMO_H
#define INK_TEXT_HYPHMEMO_H

#include "core.h"

typedef struct ink__memo_entry ink__memo_entry_t;

typedef struct {
  ink__memo_entry_t *slots;       /* NULL until the first word is kept */
} ink__hyphmemo_t;

/* Copies into marks[0..nch) what was kept for word (len bytes) in dict; false if nothing. */
bool ink__hyphmemo_get (const ink__hyphmemo_t *m, const void *dict, const char *word,
                        size_t len, uint8_t *marks, size_t nch);
/* Keeps marks[0..nch) for word in dict (the table through ctx); nothing when out of memory
 * or when the word and its marks are longer than a slot. */
void ink__hyphmemo_put (ink__hyphmemo_t *m, ink_context_t *ctx, const void *dict,
                        const char *word, size_t len, const uint8_t *marks, size_t nch);
void ink__hyphmemo_free (ink__hyphmemo_t *m, ink_context_t *ctx);

#endif
