/* text/scripts: what each writing system does on a line, in one table (lib/text/scripts.c).
 * The breaker, the justifier, the shaper and the page engine ask it instead of testing code
 * point ranges or HarfBuzz scripts themselves; tests/scripts.cmake fails the build's tests
 * when a script range is written anywhere else in lib/.
 *
 *   const ink__script_info_t *si = ink__script_of_cp (cp);
 *   if (si->justify == INK_JUSTIFY_CLUSTERS) ... spacing between clusters, at most
 *                                               si->gap_max_64em / 64 em each ...
 *
 * Adding a script is a row in the table (and its code point ranges when a character of it
 * must be told apart from its neighbours, or HarfBuzz calls it Common). */
#ifndef INK_SCRIPTS_H
#define INK_SCRIPTS_H

#include <hb.h>
#include "core.h"

/* How a justified line takes its missing width. */
typedef enum {
  INK_JUSTIFY_SPACES = 0,   /* spaces stretch; letters may be spaced within the style's limit */
  INK_JUSTIFY_KASHIDA,      /* tatweels lengthen joins first (Arabic in a Naskh face), then
                             * spaces */
  INK_JUSTIFY_CLUSTERS,     /* no word spaces: spacing spread between grapheme clusters */
  INK_JUSTIFY_CJK           /* between characters, each on its own em square */
} ink__justify_t;

/* How words are told apart, which is where a line may break. */
typedef enum {
  INK_WORDS_SPACE = 0,      /* by spaces (UAX #14) */
  INK_WORDS_DICTIONARY,     /* no separator: libthai's dictionary finds the words */
  INK_WORDS_ICU,            /* no separator: ICU's dictionaries find the words (built
                             * without ICU: UAX #14 alone) */
  INK_WORDS_NONE            /* no separator, and no dictionary here: UAX #14 alone (spaces,
                             * punctuation; between characters in CJK) */
} ink__words_t;

typedef struct {
  hb_script_t script;
  const char *name;
  ink__justify_t justify;
  ink__words_t words;
  bool joining;             /* letters join: never spaced apart or tracked */
  bool hyphenate;           /* words are hyphenated where the language has patterns */
  bool drop_cap;            /* letters stand apart and have capitals: a drop cap takes one,
                             * and old-style figures are theirs (pieces.c) */
  bool chain_first;         /* the script's own fallback chain comes before the style's face */
  uint8_t gap_max_64em;     /* INK_JUSTIFY_CLUSTERS and _CJK: at most this much spacing
                             * between two clusters of a justified line, 1/64 em */
} ink__script_info_t;

/* The row of script, or the default row (spaces, hyphens, no drop cap). Never NULL. */
const ink__script_info_t *ink__script_info (hb_script_t script);
/* The row of code point cp: by the table's ranges (which give Common CJK punctuation and
 * fullwidth forms to CJK), else by its Unicode script. Never NULL. */
const ink__script_info_t *ink__script_of_cp (uint32_t cp);

/* True when cp is a prevowel (Thai เ, Lao ເ): no spacing between it and the cluster after. */
bool ink__script_binds_next (uint32_t cp);

/* True when cp is a Hebrew letter (not a point or mark). */
bool ink__script_hebrew_letter (uint32_t cp);
/* True when cp is a Hebrew point or cantillation mark. */
bool ink__script_hebrew_point (uint32_t cp);

/* True when cp is a letter libthai's dictionary knows (it works in TIS-620). */
bool ink__script_in_dictionary (uint32_t cp);

/* Kinsoku shori, JIS X 4051 style: cp may not start a line (closing punctuation, small kana,
 * iteration marks), or may not end one (opening brackets). */
bool ink__script_no_line_start (uint32_t cp);
bool ink__script_no_line_end (uint32_t cp);

/* Whether a line may end between before and after as a head in a script without word
 * spaces does: between phrases (after punctuation or a particle), not inside a word. */
bool ink__script_phrase_break (uint32_t before, uint32_t after);
/* How well a head breaks at byte at of text, looking at the characters around it
 * (lib/text/scripts.c). */
typedef enum {
  INK_HEAD_BREAK_PHRASE = 0,  /* between phrases (ink__script_phrase_break) */
  INK_HEAD_BREAK_GUESSED,     /* between phrases by a guess: "噪声|和拆迁", "のは|うれしい" */
  INK_HEAD_BREAK_WORD,        /* inside a word: "补|偿" */
  INK_HEAD_BREAK_ALONE        /* inside one, a character alone beside punctuation: "，汉|阳" */
} ink__head_break_t;
ink__head_break_t ink__script_head_break (const char *text, size_t len, size_t at);

/* True when cp is a Han numeral (一 to 九, 〇, 零, 十, 百, 千, 万, 亿, 两 and their
 * traditional forms). */
bool ink__script_han_numeral (uint32_t cp);

/* CJK punctuation, by where its ink sits on its em square (JIS X 4051, CLREQ). */
typedef enum {
  INK_CJK_PUNCT_NONE = 0,
  INK_CJK_PUNCT_OPENING,    /* 「（【: ink on the right half, a blank before it */
  INK_CJK_PUNCT_CLOSING     /* 」），、。: ink on the left half, a blank after it */
} ink__cjk_punct_t;

ink__cjk_punct_t ink__script_cjk_punct (uint32_t cp);

/* Arabic joining: dual-joining letters connect on both sides, right-joining ones only to the
 * letter before them; marks sit on a letter and do not interrupt a join. */
bool ink__arabic_dual_joining (uint32_t cp);
bool ink__arabic_right_joining (uint32_t cp);
bool ink__arabic_mark (uint32_t cp);
#define INK_TATWEEL 0x0640u   /* ARABIC TATWEEL, the kashida */

#endif
