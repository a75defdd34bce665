/* para: the paragraph builder. From a shaped paragraph and a measure per line, it finds the
 * breaks (total fit over shaped widths, with hyphenation and an emergency pass that always
 * succeeds), reshapes where a break cuts through context, justifies, and puts each line's
 * runs in visual order. Knows nothing of pages. */
#ifndef INK_PARA_H
#define INK_PARA_H

#include "text.h"
#include "width.h"

/* The breaker's pass that breaks inside words too long for their line (ink__kp_result_t.pass;
 * the greedy pass after it breaks so too). */
#define INK_KP_PASS_EMERGENCY_BREAKS 4

typedef struct ink__hyphenator ink__hyphenator_t;

typedef enum { INK_PARA_START, INK_PARA_END, INK_PARA_CENTER, INK_PARA_JUSTIFY } ink__para_align_t;

typedef struct {
  const char *lang;
  ink__para_align_t align;
  bool hyphenate;
  int32_t indent;               /* first line, 1/64 px, on the start side */
  const int32_t *widths;        /* measure of line k, 1/64 px; past nwidths the last repeats */
  size_t nwidths;
  ink__hyphenator_t *hyphenator; /* nullable */
  int32_t letter_space_max;     /* justified lines: at most this between letters (1/64 px)
                                 * when spaces alone would stretch past their glue; 0 never */
  size_t nohyphen_line;         /* line number, from 1, that may not end with a hyphen (it ends
                                 * a column); 0 for none */
  int looseness;                /* TeX's \looseness: 0 the optimum; +1/-1 asks for the best
                                 * breaks with one line more/fewer if the tolerance allows them,
                                 * else the count nearest to it (ink__para_t.looseness says) */
  bool first_fit;               /* each line the most that fits (ink__kp_greedy), not the
                                 * total fit: lines at their own widths stay as they are */
  bool tight;                   /* justified word spaces shrink to half their width, not a
                                 * third: make-up's last resort to set a paragraph a line
                                 * shorter (a last page of a line or three drawn back) */
  bool short_lines;             /* ragged lines may end as short as they must before a word
                                 * is cut where it has no hyphenation point (a table's cell:
                                 * "In" / "Prü-" / "fung", not "In Pr-" / "üfung") */
  bool whole_words;             /* a word is broken only when wider than the narrowest line
                                 * (a head set again so that it breaks no word it need not) */
  size_t held_until;            /* bytes [0, held_until) held on one line (a comment's author
                                 * and separator): the line breaks first at held_until, then
                                 * at the spaces after it, then inside the held bytes; the
                                 * no-break spaces after it only in the emergency pass; 0
                                 * none */
  bool letter_stretch;          /* with a looseness, justified lines count the stretch between
                                 * letters (letter_space_max) as their own (make-up's last
                                 * resort on a last page) */
  bool tie_numbers;             /* a number never parts from the word it counts or names
                                 * (ink__number_ties: heads, decks, pull quotes); elsewhere
                                 * that break costs more (items.c) */
} ink__para_opts_t;

/* A positioned glyph of a line: x from the line's left edge, y up from the baseline. */
typedef struct {
  uint32_t gid;
  int32_t x, y;
  uint32_t cluster;
} ink__pglyph_t;

/* Glyphs of one face and style, left to right. */
typedef struct {
  ink__face_t *face;
  const ink__text_style_t *style;
  size_t g0, ng;                /* into ink__para_t.glyphs */
  uint8_t level;
} ink__lrun_t;

typedef struct {
  size_t start, end;            /* logical byte range of the paragraph text on this line */
  int32_t left;                 /* from the measure's left edge, 1/64 px */
  int32_t width;                /* drawn width, 1/64 px */
  int32_t measure;
  int32_t ascent, descent;      /* from the faces used on the line, 1/64 px */
  int32_t ink_ascent, ink_descent; /* of the glyphs drawn, 1/64 px: what must not clip */
  bool hyphenated, rtl;
  double ratio;                 /* adjustment ratio the breaker chose */
  double opened;                /* the ratio its word spaces open to as printed, letters
                                 * taking their share first where the style lets them
                                 * (letter_space_max); ratio on a line that does not
                                 * stretch at spaces */
  size_t r0, nr;                /* into ink__para_t.runs */
  size_t nglyphs, missing;
  bool overfull;
} ink__line_t;

typedef struct {
  ink_context_t *ctx;
  INK_VEC (ink__line_t) lines;
  INK_VEC (ink__lrun_t) runs;
  INK_VEC (ink__pglyph_t) glyphs;
  int pass;                     /* the breaker's pass, see ink__kp_result_t */
  double demerits;
  size_t overfull;              /* lines wider than their measure (emergency) */
  size_t optimal_lines;         /* line count with looseness 0 */
  int looseness;                /* lines.n - optimal_lines: the looseness met, between 0 and
                                 * the one asked for */
} ink__para_t;

ink_status_t ink__para_build (ink_context_t *ctx, ink__shaped_t *sh, const ink__para_opts_t *opts,
                              ink__para_t *out);
double ink__para_tolerance (const ink__para_opts_t *o);
double ink__para_loosest (const ink__para_t *p);
double ink__para_loosest_opened (const ink__para_t *p);
ink_status_t ink__para_copy (ink_context_t *ctx, const ink__para_t *src, ink__para_t *dst);
void ink__para_free (ink__para_t *p);

#endif
