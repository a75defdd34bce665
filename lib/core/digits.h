/* core/digits: which digits the page prints for an article's language (page numbers, the
 * date), decided in one table (digits.c) that a template's [digits] section and an
 * article's "-u-nu-" tag may override. Here in core, below text and template, because the
 * template reader checks the names and the text and page engine apply them.
 *
 *   const ink__digits_t *d = ink__digits_for ("fa", NULL, 0);   // arabext, zero U+06F0
 *   ink__digits_apply (d, "12", out, sizeof out);               // "۱۲"
 */
#ifndef INK_CORE_DIGITS_H
#define INK_CORE_DIGITS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A numbering system whose ten digits are consecutive code points: its CLDR name (the one
 * ICU's "numbers" keyword and BCP 47's "-u-nu-" take) and its zero. */
typedef struct {
  const char *name;
  uint32_t zero;
} ink__digits_t;

/* A template's choice for one language: a BCP 47 tag ("hi", "ar-MA") and a system. */
typedef struct {
  char lang[16];
  const ink__digits_t *digits;
} ink__digits_rule_t;

#define INK_DIGITS_MAX_RULES 32   /* [digits] entries one template may give */

/* The system named name[0, len) (case ignored), or NULL. */
const ink__digits_t *ink__digits_named (const char *name, size_t len);
/* The i-th system, for listing them; NULL past the last. */
const ink__digits_t *ink__digits_at (size_t i);
/* The digits for lang: the tag's own "-u-nu-" choice, else the most specific of rules[0, n)
 * that matches it, else the table's, else latn. lang may be NULL (latn). */
const ink__digits_t *ink__digits_for (const char *lang, const ink__digits_rule_t *rules, size_t n);
/* Whether a BCP 47 tag lang is in the language range key ("ar" matches "ar-EG"; "ar-MA"
 * matches "ar-Arab-MA" but not "ar"); 0 if not, else how many subtags key has. */
unsigned ink__lang_match (const char *lang, const char *key);
/* Whether d writes zero as a dot (Arabic-Indic, Persian and Urdu digits), which a middle
 * dot beside a number would be read as. */
bool ink__digits_zero_is_dot (const ink__digits_t *d);
/* s with each ASCII digit as d's, into out (always ended; cut before a whole character). */
void ink__digits_apply (const ink__digits_t *d, const char *s, char *out, size_t size);

#endif
