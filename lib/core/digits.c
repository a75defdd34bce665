/* core/digits: the digits each language's newspapers print, in one table. */
#include "digits.h"
#include "core.h"

#include <stdio.h>

/* The numbering systems of the scripts a bundled font covers whose digits are consecutive
 * (CLDR's numberingSystems.xml; Han numerals are not, so CJK pages print latn). */
static const ink__digits_t systems[] = {
  { "latn", 0x0030 },    { "arab", 0x0660 },    { "arabext", 0x06F0 }, { "deva", 0x0966 },
  { "beng", 0x09E6 },    { "guru", 0x0A66 },    { "gujr", 0x0AE6 },    { "orya", 0x0B66 },
  { "tamldec", 0x0BE6 }, { "telu", 0x0C66 },    { "knda", 0x0CE6 },    { "mlym", 0x0D66 },
  { "sinh", 0x0DE6 },    { "thai", 0x0E50 },    { "laoo", 0x0ED0 },    { "tibt", 0x0F20 },
  { "mymr", 0x1040 },    { "khmr", 0x17E0 },    { "fullwide", 0xFF10 },
};

/* What each language's newspapers print, where it is not latn. The rows follow the papers
 * named, which agree with CLDR's default numbering system except for Urdu, where CLDR gives
 * latn (the web's usage) while Pakistan's Urdu dailies print Urdu digits. Where papers differ
 * by country, the row for the region says so. Hindi (Dainik Jagran, Dainik Bhaskar, Amar
 * Ujala: the "international form of Indian numerals" of the Constitution, Art. 343) and Thai
 * (Thai Rath, Matichon; Thai digits are for official documents) print latn: a template
 * asks for deva or thai in [digits] (docs/templates.md). */
static const struct {
  const char *lang;
  const char *digits;
} defaults[] = {
  { "ar", "arab" },      /* Al-Ahram, Asharq Al-Awsat, Al-Riyadh, Al-Khaleej */
  { "ar-DZ", "latn" },   /* El Khabar, Echorouk */
  { "ar-MA", "latn" },   /* Hespress, Al Massae */
  { "ar-TN", "latn" },   /* Assabah, Le Temps */
  { "ar-LY", "latn" },   /* CLDR's default for Libya */
  { "ar-EH", "latn" },   /* as Morocco */
  { "fa", "arabext" },   /* Hamshahri, Etemad, Shargh */
  { "ur", "arabext" },   /* Jang, Express, Nawa-i-Waqt */
  { "ps", "arabext" },   /* Hewad; CLDR's default */
  { "ckb", "arab" },     /* CLDR's default for Central Kurdish */
  { "mr", "deva" },      /* Lokmat, Loksatta, Maharashtra Times */
  { "ne", "deva" },      /* Kantipur, Gorkhapatra */
  { "bn", "beng" },      /* Prothom Alo, Anandabazar Patrika */
  { "as", "beng" },      /* Asomiya Pratidin */
  { "my", "mymr" },      /* Kyemon, Myanma Alinn */
};

const ink__digits_t *
ink__digits_named (const char *name, size_t len)
{
  for (size_t i = 0; i < sizeof systems / sizeof *systems; i++) {
    const char *s = systems[i].name;
    size_t k = 0;
    while (k < len && s[k] && (name[k] | 0x20) == s[k])
      k++;
    if (k == len && !s[k])
      return &systems[i];
  }
  return NULL;
}

const ink__digits_t *
ink__digits_at (size_t i)
{
  return i < sizeof systems / sizeof *systems ? &systems[i] : NULL;
}

/* The subtag of tag at *pos, its length; *pos moves past it and its '-'. */
static size_t
subtag (const char *tag, size_t *pos, const char **start)
{
  *start = tag + *pos;
  size_t n = 0;
  while (tag[*pos + n] && tag[*pos + n] != '-' && tag[*pos + n] != '_')
    n++;
  *pos += n + (tag[*pos + n] ? 1 : 0);
  return n;
}

static bool
same (const char *a, size_t n, const char *b, size_t m)
{
  if (n != m)
    return false;
  for (size_t i = 0; i < n; i++)
    if ((a[i] | 0x20) != (b[i] | 0x20))
      return false;
  return true;
}

/* Whether subtag s[0, n) is among tag's subtags after the language, before any extension. */
static bool
has_subtag (const char *tag, const char *s, size_t n)
{
  size_t pos = 0;
  const char *t;
  subtag (tag, &pos, &t);
  while (tag[pos]) {
    size_t k = subtag (tag, &pos, &t);
    if (k == 1)
      return false;   /* a singleton starts the extensions */
    if (same (t, k, s, n))
      return true;
  }
  return false;
}

unsigned
ink__lang_match (const char *lang, const char *key)
{
  size_t lp = 0, kp = 0;
  const char *l, *k;
  size_t ln = subtag (lang, &lp, &l), kn = subtag (key, &kp, &k);
  if (!kn || !same (l, ln, k, kn))
    return 0;
  unsigned n = 1;
  while (key[kp]) {
    kn = subtag (key, &kp, &k);
    if (!has_subtag (lang, k, kn))
      return 0;
    n++;
  }
  return n;
}

/* The type of the "nu" key in tag's "-u-" extension, or NULL; its length into *n. */
static const char *
unicode_nu (const char *tag, size_t *n)
{
  size_t pos = 0;
  const char *t;
  bool in_u = false, after_nu = false;
  subtag (tag, &pos, &t);
  while (tag[pos]) {
    size_t k = subtag (tag, &pos, &t);
    if (k == 1) {
      in_u = (*t | 0x20) == 'u';
      after_nu = false;
    } else if (in_u && after_nu) {
      *n = k;
      return t;
    } else if (in_u) {
      after_nu = same (t, k, "nu", 2);
    }
  }
  return NULL;
}

const ink__digits_t *
ink__digits_for (const char *lang, const ink__digits_rule_t *rules, size_t n)
{
  if (!lang || !*lang)
    return &systems[0];
  size_t nlen = 0;
  const char *nu = unicode_nu (lang, &nlen);
  const ink__digits_t *d = nu ? ink__digits_named (nu, nlen) : NULL;
  if (d)
    return d;
  unsigned best = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned m = ink__lang_match (lang, rules[i].lang);
    if (m > best)
      best = m, d = rules[i].digits;
  }
  if (d)
    return d;
  for (size_t i = 0; i < sizeof defaults / sizeof *defaults; i++) {
    unsigned m = ink__lang_match (lang, defaults[i].lang);
    if (m > best)
      best = m, d = ink__digits_named (defaults[i].digits, strlen (defaults[i].digits));
  }
  return d ? d : &systems[0];
}

void
ink__digits_apply (const ink__digits_t *d, const char *s, char *out, size_t size)
{
  if (!size)
    return;
  size_t o = 0, i = 0, len = strlen (s);
  while (i < len) {
    size_t at = i;
    uint32_t cp;
    ink__utf8_next (s, len, &i, &cp);
    char digit[4];
    const char *from = s + at;
    size_t k = i - at;
    if (cp >= '0' && cp <= '9' && d)
      k = ink__utf8_encode (d->zero + (cp - '0'), digit), from = digit;
    if (k > size - 1 - o)
      break;   /* cut before a whole character */
    memcpy (out + o, from, k);
    o += k;
  }
  out[o] = 0;
}

bool
ink__digits_zero_is_dot (const ink__digits_t *d)
{
  return d && (d->zero == 0x0660 || d->zero == 0x06F0);
}
