/* para/kp: Knuth–Plass total-fit line breaking on abstract boxes, glue and penalties, in
 * fixed point (1/64 px). Knows nothing of text: the paragraph builder turns shaped runs into
 * items (docs/linebreaking.md) and turns the chosen breaks back into lines.
 *
 *   ink__kp_params_t p;
 *   ink__kp_params_default (&p);
 *   ink__kp_result_t r;
 *   if (ink__kp_break (ctx, items, n, &measure, 1, &p, &r) == INK_OK) {
 *     ... line k ends at items[r.breaks[k]], its glue is set with r.ratios[k] ...
 *     ink__kp_result_free (ctx, &r);
 *   }
 */
#ifndef INK_KP_H
#define INK_KP_H

#include "core.h"

#define INK_KP_INF 10000          /* penalty >= INF: no break; <= -INF: forced break */
#define INK_KP_FIL (1 << 28)      /* glue stretch >= FIL is infinite (the finishing glue) */

typedef enum { INK_KP_BOX, INK_KP_GLUE, INK_KP_PENALTY } ink__kp_kind_t;

typedef struct {
  ink__kp_kind_t kind;
  int32_t width;            /* box and glue width; penalty: width added if the line breaks here
                             * (any int32_t: the breaker sums in int64_t) */
  int32_t stretch, shrink;  /* glue; a stretch of INK_KP_FIL or more is infinite */
  int32_t penalty;          /* penalty cost */
  uint8_t flagged;          /* hyphen penalties: consecutive flagged breaks cost extra */
  uint8_t emergency;        /* a break allowed only in the emergency pass (inside an overlong
                             * word) */
  uint8_t hyphen;           /* a penalty that exists only from the hyphenation pass on */
} ink__kp_item_t;

typedef struct {
  double tolerance;         /* max adjustment ratio from the hyphenation pass on */
  double pretolerance;      /* max ratio of the first pass, without hyphens; < 0 skips it */
  double line_penalty;      /* added to each line's badness before squaring */
  double flagged_demerits;  /* two flagged breaks in a row */
  double fitness_demerits;  /* adjacent lines whose fitness classes differ by more than one */
  double emergency_stretch; /* extra stretch per line (1/64 px) of the third and fourth passes */
  double last_stretch;      /* the third pass's extra stretch when it is run again, only if no
                             * pass has found breaks yet, before the emergency breaks of the
                             * fourth: loose lines rather than a word cut between letters
                             * (0: not run again) */
  double line_stretch;      /* stretch every line has at its end, on every pass (TeX's
                             * \rightskip in ragged text): a line of one word is then a loose
                             * line, not one that only an emergency break avoids */
  int looseness;            /* TeX's \looseness: lines more (> 0) or fewer (< 0) than the
                             * optimum, if breaks within the tolerance give them, else the
                             * count nearest to it on the way from the optimum */
  size_t nohyphen_line;     /* line number, from 1, that may not end at a flagged penalty (a
                             * hyphen): it ends a column; 0 for none */
  size_t max_work;          /* node visits before the greedy fallback; 0: the context's limit */
  unsigned max_hyphen_run;  /* lines in a row that may end at a flagged penalty (a hyphen);
                             * 0: no limit. Pass 4 breaks it only when it must */
  bool final_hyphen;        /* whether the last full line may end at a flagged penalty (TeX's
                             * \finalhyphendemerits, made a rule when false; pass 4 breaks
                             * it only when it must) */
} ink__kp_params_t;

typedef struct {
  size_t *breaks;           /* item where each line ends (a glue or penalty, n - 1 for the last) */
  size_t nbreaks;
  double *ratios;           /* ratio to set each line's glue with: >= -1, 0 without glue */
  double demerits;          /* total, as ink__kp_demerits computes it */
  int pass;                 /* 1 no hyphens, 2 hyphens, 3 emergency stretch, 4 emergency
                             * breaks, 5 greedy (fallback, or ink__kp_greedy) */
  size_t overfull_lines;    /* lines wider than their measure even after shrink */
  size_t optimal_lines;     /* line count of the optimum (looseness 0) */
  int looseness;            /* nbreaks - optimal_lines: the looseness met, between 0 and the
                             * one asked for */
} ink__kp_result_t;

void ink__kp_params_default (ink__kp_params_t *p);
ink_status_t ink__kp_break (ink_context_t *ctx, const ink__kp_item_t *items, size_t n,
                            const int32_t *line_widths, size_t nwidths,
                            const ink__kp_params_t *params, ink__kp_result_t *out);
ink_status_t ink__kp_greedy (ink_context_t *ctx, const ink__kp_item_t *items, size_t n,
                             const int32_t *line_widths, size_t nwidths, ink__kp_result_t *out);
/* Total demerits of the given breaks (params nullable: defaults); ratios (nullable, nbreaks
 * entries) receives each line's ratio and *overfull (nullable) the overfull line count. */
double ink__kp_demerits (const ink__kp_item_t *items, size_t n, const int32_t *line_widths,
                         size_t nwidths, const ink__kp_params_t *params, const size_t *breaks,
                         size_t nbreaks, double *ratios, size_t *overfull);
void ink__kp_result_free (ink_context_t *ctx, ink__kp_result_t *r);

#endif
