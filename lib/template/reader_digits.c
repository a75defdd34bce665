/* template/reader_digits: pass 2 of the template reader for [digits], where a template
 * chooses the digits of page numbers and dates for a language (docs/templates.md):
 *
 *   [digits]
 *   hi = deva        # Hindi pages in Devanagari digits
 *   ar-MA = arab
 *
 * The key is a BCP 47 language range, the value a numbering system of core/digits.c. */
#include "reader-internal.h"

/* Whether k[0, n) reads as a language tag: a language of 2 or 3 letters, then subtags of 1
 * to 8 letters or digits, joined by '-', shorter than a rule's room. */
static bool
language_range (const char *k, size_t n)
{
  if (n >= sizeof ((ink__digits_rule_t *) 0)->lang)
    return false;
  for (size_t i = 0, sub = 0; i <= n; i++) {
    if (i < n && k[i] != '-') {
      if (!is_alpha (k[i]) && !(sub > 0 && is_digit (k[i])))
        return false;
      continue;
    }
    size_t len = i - sub;
    if (len < 1 || len > 8 || (sub == 0 && (len < 2 || len > 3)))
      return false;
    sub = i + 1;
  }
  return true;
}

/* The systems' names, NULL-ended, for the did-you-mean: their count. */
static size_t
system_names (const char **names, size_t max)
{
  size_t n = 0;
  for (const ink__digits_t *d; n + 1 < max && (d = ink__digits_at (n)); n++)
    names[n] = d->name;
  names[n] = NULL;
  return n;
}

ink_status_t
ink__tpl_digits_entry (reader_t *r, const entry_t *e)
{
  const char *k = r->src + e->key_off, *v = r->src + e->val_off;
  if (!language_range (k, e->key_len))
    return fail (r, e->key_off, "expected a BCP 47 language tag such as hi or ar-MA, got '%.*s'",
                 clip (k, e->key_len), k);
  const ink__digits_t *d = ink__digits_named (v, e->val_len);
  if (!d) {
    const char *names[32];
    char h[64];
    size_t n = system_names (names, sizeof names / sizeof *names);
    const char *pick = closest (v, e->val_len, names, n);
    return fail (r, e->val_off, "unknown digits '%.*s'%s", clip (v, e->val_len), v,
                 pick ? hint (h, sizeof h, pick) : "; expected latn, arab, arabext, deva, ...");
  }
  ink_template_t *t = r->t;
  if (t->ndigits >= INK_DIGITS_MAX_RULES)
    return fail (r, e->key_off, "more than %d languages in [digits]", INK_DIGITS_MAX_RULES);
  ink__digits_rule_t *rule = &t->digits[t->ndigits++];
  memcpy (rule->lang, k, e->key_len);
  rule->lang[e->key_len] = 0;
  rule->digits = d;
  return INK_OK;
}
