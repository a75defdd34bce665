/* text/hyphpack: hyphenation dictionaries built at build time (lib/text/gen/hyphpack.c runs
 * lib/text/hyphdict.c on pattern files of the build machine, Debian's
 * /usr/share/hyphen/hyph_KEY.dic for the keys INK_PACKED_PATTERNS names, an 8-bit one
 * converted to UTF-8 first as at run time) and compiled into the library as read-only
 * arrays. A pattern file found at run time whose own bytes are those of a packed one (same
 * length, same 64-bit hash) gets its dictionary from the arrays: the same states, transitions,
 * fallbacks and match strings the builder would make from it, copied into one malloc'd block per
 * level in the builder's layout, for a tenth of a millisecond where the builder takes several.
 * Any other file is built as before, so what is hyphenated never depends on what was packed.
 *
 *   const ink__hyphpack_t *p = ink__hyphpack_find (text, len);   // NULL: not packed
 *   HyphenDict *d = p ? ink__hyphpack_unpack (p) : ink__patterns_load (ctx, text, len);
 *   ink__hyphdict_free (d);
 *   if (p && ink__hyphpack_plain (p))                   // or, with no copy:
 *     ink__hyphpack_hyphenate (p, word, len, hyphens);  // as hnj_hyphen_hyphenate2
 */
#ifndef INK_TEXT_HYPHPACK_H
#define INK_TEXT_HYPHPACK_H

#include <hyphen.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* One level of a dictionary, as arrays: per state, its match string's offset in strs (the
 * match strings of the level laid out as the builder lays them out) or -1, its replacement's
 * offset in repls or -1, its replacement index and cut, its fallback, and its transitions,
 * trans_start[u] to trans_start[u + 1] in trans_ch and trans_to. */
typedef struct {
  char lhmin, rhmin, clhmin, crhmin;
  const char *nohyphen;      /* NULL for none; nohyphen_len bytes, its NULs included */
  size_t nohyphen_len;
  int nohyphenl;
  char cset[MAX_NAME];
  int utf8;
  int num_states;
  const int32_t *match, *repl, *fallback, *trans_start, *trans_to;
  const signed char *replindex, *replcut;
  const char *trans_ch, *strs, *repls;
  size_t strs_len;
} ink__hyphpack_level_t;

typedef struct {
  const char *key;           /* "en_US": the file name part, for the reader */
  size_t len;                /* the pattern file's length and hash (ink__hyphpack_hash) */
  uint64_t hash;
  int nlevels;               /* the dictionary first, then its next levels */
  const ink__hyphpack_level_t *levels;
} ink__hyphpack_t;

/* The packed dictionaries (lib/text/hyphpack-data.c, generated in the build tree). */
extern const ink__hyphpack_t ink__hyphpacks[];
extern const size_t ink__hyphpack_count;

uint64_t ink__hyphpack_hash (const char *text, size_t len);
const ink__hyphpack_t *ink__hyphpack_find (const char *text, size_t len);
HyphenDict *ink__hyphpack_unpack (const ink__hyphpack_t *p);

/* Hyphenating with the arrays in place (lib/text/hyphwalk.c), for dictionaries without
 * non-standard patterns: hnj_hyphen_hyphenate2's answer, no copy made. */
bool ink__hyphpack_plain (const ink__hyphpack_t *p);
bool ink__hyphpack_hyphenate (const ink__hyphpack_t *p, const char *word, size_t len,
                              char *hyphens);

#endif
