/* text/hyphen: hyphenation points of single words from libhyphen's pattern files
 * (the hyph_ll_RR.dic files of Debian's hyphen-* packages, in UTF-8 or an 8-bit charset),
 * one dictionary per language, loaded on first use and cached by the hyphenator, misses
 * included; and each language's rules: its minimums, and whether it is hyphenated at all.
 *
 *   ink__hyphenator_t *h;
 *   ink__hyphenator_create (ctx, NULL, &h);
 *   uint8_t points[11];
 *   ink__hyphenate (h, "en-US", "hyphenation", 11, 5, 2, 3, points);  // hy-phen-ation
 *   ink__hyphenator_destroy (h);
 *
 * The dictionaries are libhyphen's, built by lib/text/hyphdict.c (libhyphen's own loader
 * is ten times slower) with malloc, outside the context's allocator, and freed by
 * ink__hyphdict_free (an English dictionary takes about 1 MB); a file that is one built into
 * the library (lib/text/hyphpack.h) is hyphenated with in place (lib/text/hyphwalk.c), or
 * unpacked when it has non-standard patterns. A hyphenator belongs to a
 * fontset, and threads that share the fontset share its dictionaries, each loaded once: the
 * cache and the lent files are locked, and libhyphen only reads a dictionary once it is
 * loaded. */
#define _POSIX_C_SOURCE 200809L /* mmap */
#include "breaks.h"
#include "hyphdict.h"
#include "hyphmemo.h"
#include "hyphpack.h"
#include "ucd.h"

#include <hb.h>
#include <hyphen.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>

#define CACHE_MAX 32          /* languages one hyphenator remembers */
#define WORD_MAX_BYTES 255    /* longer "words" are left to emergency breaks */
#define WORD_MAX_CHARS 100

/* A language's dictionary: libhyphen's, or one built into the library and read in place
 * (lib/text/hyphpack.h), whose file's minimums are its first level's. */
typedef struct {
  HyphenDict *hd;             /* NULL: packed */
  const ink__hyphpack_t *packed;
  int lhmin, rhmin;
} dict_t;

static void dict_free (ink__hyphenator_t *h, dict_t *d);

typedef struct {
  char key[16];               /* "en_US", "de": the file name part */
  dict_t *dict;               /* NULL: no pattern file for that language */
} entry_t;

/* A pattern file the caller lends from memory (ink_fontset_add_patterns). */
typedef struct {
  char key[16];
  const char *data;
  size_t len;
} lent_t;

/* A tag as dict_for resolved it, so that the words of a paragraph, asked one by one, do
 * not parse it and look its keys up each time. */
typedef struct {
  char tag[24];
  dict_t *dict;
  const struct lang_rule *rule;
  bool never;
} resolved_t;

struct ink__hyphenator {
  ink_context_t *ctx;
  char **dirs;
  size_t ndirs;
  pthread_mutex_t own_lock;
  pthread_mutex_t *lock;       /* over the cache and the context: own_lock or the fontset's */
  entry_t cache[CACHE_MAX];
  size_t ncache;
  lent_t lent[CACHE_MAX];     /* looked in before the folders */
  size_t nlent;
  resolved_t resolved[CACHE_MAX];
  size_t nresolved;
  ink__hyphmemo_t memo;       /* libhyphen's answers for words met before */
};

#define DEFAULT_DIR "/usr/share/hyphen"

/* What each language's typesetters do, in one place: the pattern file it usually has when
 * the tag names no region, and the fewest letters left before and after
 * a hyphen (TeX's \lefthyphenmin and \righthyphenmin as the hyph-utf8 patterns and babel
 * set them; a pattern file's own LEFTHYPHENMIN and RIGHTHYPHENMIN may ask for more). A
 * language missing here takes 2 and 3, TeX's defaults. */
typedef struct lang_rule {
  char lang[4], key[8];      /* key: the usual pattern file, hyph_KEY.dic */
  uint8_t left, right;
} lang_rule_t;

static const lang_rule_t lang_rules[] = {
  {"af", "af_ZA", 1, 2}, {"as", "as_IN", 1, 1}, {"be", "be_BY", 2, 2}, {"bg", "bg_BG", 2, 2},
  {"bn", "bn_IN", 1, 1}, {"ca", "ca_ES", 2, 2}, {"cs", "cs_CZ", 2, 3}, {"da", "da_DK", 2, 2},
  {"de", "de_DE", 2, 2}, {"el", "el_GR", 2, 2}, {"en", "en_US", 2, 3}, {"es", "es_ES", 2, 2},
  {"et", "et_EE", 2, 3}, {"fi", "fi_FI", 2, 2}, {"fr", "fr_FR", 2, 3}, {"ga", "ga_IE", 2, 3},
  {"gl", "gl_ES", 2, 2}, {"gu", "gu_IN", 1, 1}, {"hi", "hi_IN", 1, 1}, {"hr", "hr_HR", 2, 2},
  {"hu", "hu_HU", 2, 2}, {"id", "id_ID", 2, 2}, {"is", "is_IS", 1, 2}, {"it", "it_IT", 2, 2},
  {"kn", "kn_IN", 1, 1}, {"lt", "lt_LT", 2, 2}, {"lv", "lv_LV", 2, 2}, {"ml", "ml_IN", 1, 1},
  {"mn", "mn_MN", 2, 2}, {"mr", "mr_IN", 1, 1}, {"nb", "nb_NO", 2, 2}, {"nl", "nl_NL", 2, 2},
  {"nn", "nn_NO", 2, 2}, {"no", "nb_NO", 2, 2}, {"or", "or_IN", 1, 1}, {"pa", "pa_IN", 1, 1},
  {"pl", "pl_PL", 2, 2}, {"pt", "pt_PT", 2, 3}, {"ro", "ro_RO", 2, 2}, {"ru", "ru_RU", 2, 2},
  {"sk", "sk_SK", 2, 3}, {"sl", "sl_SI", 2, 2}, {"sq", "sq_AL", 2, 2}, {"sr", "sr_RS", 2, 2},
  {"sv", "sv_SE", 2, 2}, {"ta", "ta_IN", 1, 1}, {"te", "te_IN", 1, 1}, {"uk", "uk_UA", 2, 2},
  {"zu", "zu_ZA", 2, 2},
};

/* Languages whose newspapers never hyphenate: scripts without a hyphen at a line end
 * (Arabic, Hebrew, Han, kana, Hangul, Thai and its neighbours break between words or
 * characters), and Vietnamese, whose syllables are written apart and a line breaks between
 * them. Debian's hyph_th_TH is not used for this reason. */
static const char never_hyphenated[][4] = {
  "ar", "bo", "ckb", "dv", "dz", "fa", "he", "ja", "km", "ko", "lo", "my", "ps", "sd", "th",
  "ug", "ur", "vi", "yi", "yue", "zh",
};

/* The Brahmic scripts of India and Sri Lanka (Devanagari to Sinhala): a hyphen there leaves
 * at least two aksharas, grapheme clusters, on each side of it ("এক-টি", "நி-லத்தில்" leave
 * one), whatever the language's minimums in characters; one that counts its vowel signs and
 * viramas as characters lets a single akshara go. */
#define INDIC_FIRST 0x0900
#define INDIC_LAST 0x0DFF
#define INDIC_CLUSTERS_MIN 2

static const lang_rule_t *
rule_for (const char *lang)
{
  for (size_t i = 0; i < sizeof lang_rules / sizeof *lang_rules; i++)
    if (strcmp (lang_rules[i].lang, lang) == 0)
      return &lang_rules[i];
  return NULL;
}

/**
 * ink__hyphenator_create:
 * @ctx: a context
 * @dirs: NULL-terminated folders searched in order before /usr/share/hyphen (nullable)
 * @out: the new hyphenator, owned by the caller (ink__hyphenator_destroy)
 *
 * Return value: INK_OK or INK_NO_MEMORY.
 * Since: 0.1
 */
ink_status_t
ink__hyphenator_create (ink_context_t *ctx, const char *const *dirs, ink__hyphenator_t **out)
{
  *out = NULL;
  ink__hyphenator_t *h = ink__alloc (ctx, sizeof *h);
  if (!h)
    return ink__error (ctx, INK_NO_MEMORY, "out of memory creating a hyphenator");
  h->ctx = ctx;
  pthread_mutex_init (&h->own_lock, NULL);
  h->lock = &h->own_lock;
  size_t n = 0;
  while (dirs && dirs[n])
    n++;
  if (n) {
    h->dirs = ink__realloc_array (ctx, NULL, 0, n, sizeof *h->dirs);
    if (!h->dirs) {
      ink__free (ctx, h, sizeof *h);
      return ink__error (ctx, INK_NO_MEMORY, "out of memory creating a hyphenator");
    }
    memset (h->dirs, 0, n * sizeof *h->dirs);
    h->ndirs = n;   /* the array's length, for freeing; entries not yet copied are NULL */
    for (size_t i = 0; i < n; i++) {
      h->dirs[i] = ink__strdup (ctx, dirs[i]);
      if (!h->dirs[i]) {
        ink__hyphenator_destroy (h);
        return ink__error (ctx, INK_NO_MEMORY, "out of memory creating a hyphenator");
      }
    }
    h->ndirs = n;
  }
  *out = h;
  return INK_OK;
}

/* Documented in breaks.h. */
void
ink__hyphenator_use_lock (ink__hyphenator_t *h, pthread_mutex_t *lock)
{
  h->lock = lock ? lock : &h->own_lock;
}

/**
 * ink__hyphenator_destroy:
 * @h: a hyphenator (nullable)
 *
 * Frees the hyphenator and every dictionary it loaded.
 * Since: 0.1
 */
void
ink__hyphenator_destroy (ink__hyphenator_t *h)
{
  if (!h)
    return;
  ink__hyphmemo_free (&h->memo, h->ctx);
  for (size_t i = 0; i < h->ncache; i++)
    dict_free (h, h->cache[i].dict);
  for (size_t i = 0; i < h->ndirs; i++)
    ink__strfree (h->ctx, h->dirs[i]);
  ink__free (h->ctx, h->dirs, h->ndirs * sizeof *h->dirs);
  pthread_mutex_destroy (&h->own_lock);
  ink__free (h->ctx, h, sizeof *h);
}

/* Under the hyphenator's lock: a key lent or loaded once only. */
static ink_status_t
lend_locked (ink__hyphenator_t *h, const char *key, const void *data, size_t len)
{
  for (size_t i = 0; i < h->nlent; i++)
    if (strcmp (h->lent[i].key, key) == 0)
      return ink__error (h->ctx, INK_INVALID, "patterns \"%s\": lent already", key);
  for (size_t i = 0; i < h->ncache; i++)
    if (strcmp (h->cache[i].key, key) == 0)
      return ink__error (h->ctx, INK_INVALID, "patterns \"%s\": loaded already", key);
  if (h->nlent == CACHE_MAX || len > INK_MAX_PATTERN_BYTES)
    return ink__error (h->ctx, INK_LIMIT, "patterns \"%s\": %s", key,
                       len > INK_MAX_PATTERN_BYTES ? "larger than a pattern file is"
                                                   : "too many lent");
  lent_t *l = &h->lent[h->nlent++];
  snprintf (l->key, sizeof l->key, "%s", key);
  l->data = data;
  l->len = len;
  return INK_OK;
}

/**
 * ink__hyphenator_lend:
 * @h: a hyphenator
 * @key: the pattern file's name part, "en_US" or "de" as in hyph_KEY.dic
 * @data: the pattern file, as Debian's hyphen-* packages have it; borrowed
 * @len: its length in bytes
 *
 * Lends a pattern file from memory, looked in before the folders for @key.
 *
 * Return value: INK_OK; INK_INVALID for a key that is no language (and region) or one lent
 * or loaded already; INK_LIMIT for more than the hyphenator holds or a file larger than
 * pattern files are.
 */
ink_status_t
ink__hyphenator_lend (ink__hyphenator_t *h, const char *key, const void *data, size_t len)
{
  size_t n = 0;
  while (key[n] >= 'a' && key[n] <= 'z')
    n++;
  bool ok = n >= 2 && n <= 3 && (!key[n] || (key[n] == '_' && key[n + 1] >= 'A' &&
                                             key[n + 1] <= 'Z' && key[n + 2] >= 'A' &&
                                             key[n + 2] <= 'Z' && !key[n + 3]));
  pthread_mutex_lock (h->lock);   /* the context's error too is shared */
  ink_status_t st = ok ? lend_locked (h, key, data, len)
                       : ink__error (h->ctx, INK_INVALID, "patterns \"%s\": expected a key "
                                     "such as en_US or de", key);
  pthread_mutex_unlock (h->lock);
  return st;
}

static bool
is_alpha (char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Splits a BCP 47 tag into a lowercase language and an uppercase region ("" if none);
 * a script subtag is skipped. False for anything that is not a plain tag, so no tag can
 * name a path outside the pattern folders. */
static bool
parse_tag (const char *tag, char lang[4], char region[4])
{
  size_t i = 0, n = 0;
  lang[0] = region[0] = '\0';
  while (is_alpha (tag[i]) && n < 3)
    lang[n++] = (char) (tag[i++] | 0x20);
  lang[n] = '\0';
  if (n < 2 || is_alpha (tag[i]))
    return false;
  while (tag[i] == '-' || tag[i] == '_') {
    size_t s = ++i, m = 0;
    while (is_alpha (tag[i]) || (tag[i] >= '0' && tag[i] <= '9'))
      i++, m++;
    if (m == 2 && is_alpha (tag[s]) && is_alpha (tag[s + 1]) && !region[0]) {
      region[0] = (char) (tag[s] & ~0x20);
      region[1] = (char) (tag[s + 1] & ~0x20);
      region[2] = '\0';
    }
    if (m == 0 || m > 8)
      return false;
  }
  return tag[i] == '\0';
}

/* A dictionary to cache (NULL out of memory, hd then freed). */
static dict_t *
dict_new (ink__hyphenator_t *h, HyphenDict *hd, const ink__hyphpack_t *packed)
{
  dict_t *d = ink__alloc (h->ctx, sizeof *d);
  if (!d) {
    ink__hyphdict_free (hd);
    return NULL;
  }
  d->hd = hd;
  d->packed = packed;
  d->lhmin = hd ? hd->lhmin : packed->levels[0].lhmin;
  d->rhmin = hd ? hd->rhmin : packed->levels[0].rhmin;
  return d;
}

static void
dict_free (ink__hyphenator_t *h, dict_t *d)
{
  if (!d)
    return;
  ink__hyphdict_free (d->hd);
  ink__free (h->ctx, d, sizeof *d);
}

/* Loads a pattern file in any charset iconv knows (Debian's are in UTF-8, ISO 8859-1, -2,
 * -5, -7, -13 and KOI8-R): 8-bit files are converted to UTF-8 first, so that every word
 * goes through the one UTF-8 path. A file built into the library (lib/text/hyphpack.h),
 * known by its own bytes whatever its charset, is neither converted nor built again:
 * hyphenated with in place, or unpacked if it has non-standard patterns. Takes data (len + 1
 * bytes from the context) and frees it. */
static dict_t *
load_bytes (ink__hyphenator_t *h, char *data, size_t len, const char *path)
{
  char *utf8 = NULL;
  size_t ulen = 0, ucap = 0;
  bool is_utf8 = len >= 5 && strncmp (data, "UTF-8", 5) == 0;
  const ink__hyphpack_t *packed = ink__hyphpack_find (data, len);
  HyphenDict *hd = NULL;
  if (packed && !ink__hyphpack_plain (packed)) {
    hd = ink__hyphpack_unpack (packed);
    packed = NULL;
  } else if (!packed && is_utf8) {
    hd = ink__patterns_load (h->ctx, data, len);
  } else if (!packed) {
    if (ink__patterns_to_utf8 (h->ctx, data, len, &utf8, &ulen, &ucap) == INK_OK && !utf8)
      ink__log (h->ctx, INK_LOG_WARNING, "%s: pattern file in an unknown charset, skipped", path);
    if (utf8)
      hd = ink__patterns_load (h->ctx, utf8, ulen);
  }
  dict_t *d = hd || packed ? dict_new (h, hd, packed) : NULL;
  if (utf8)
    ink__free (h->ctx, utf8, ucap);
  ink__free (h->ctx, data, len + 1);
  return d;
}

/* The built-in dictionary (lib/text/hyphpack.h) whose pattern file f is, found in the file
 * mapped read-only, so that its bytes are hashed where they lie in the page cache and not
 * copied; NULL when it is none or cannot be mapped. f stays open and unread. */
static const ink__hyphpack_t *
mapped_pack (const ink__file_t *f)
{
  if (f->size == 0 || f->size > INK_MAX_PATTERN_BYTES)
    return NULL;
  size_t len = (size_t) f->size;
  void *p = mmap (NULL, len, PROT_READ, MAP_PRIVATE, f->fd, 0);
  if (p == MAP_FAILED)
    return NULL;
  const ink__hyphpack_t *packed = ink__hyphpack_find (p, len);
  munmap (p, len);
  return packed;
}

static dict_t *
load_file (ink__hyphenator_t *h, ink__file_t *f, const char *path)
{
  const ink__hyphpack_t *packed = mapped_pack (f);
  if (packed && ink__hyphpack_plain (packed)) {
    ink__file_close (f);
    return dict_new (h, NULL, packed);
  }
  char *data;
  size_t len;
  if (ink__file_read (h->ctx, f, INK_MAX_PATTERN_BYTES, &data, &len) != INK_OK)
    return NULL;
  return load_bytes (h, data, len, path);
}

/* A lent pattern file, copied (the clean-up before libhyphen rewrites it in place). */
static dict_t *
load_lent (ink__hyphenator_t *h, const lent_t *l)
{
  char *data = ink__alloc (h->ctx, l->len + 1);
  if (!data)
    return NULL;
  memcpy (data, l->data, l->len);
  char name[sizeof l->key + 24];
  snprintf (name, sizeof name, "hyph_%s.dic (memory)", l->key);
  return load_bytes (h, data, l->len, name);
}

static dict_t *
load_key (ink__hyphenator_t *h, const char *key)
{
  char path[4096];
  for (size_t i = 0; i < h->nlent; i++)
    if (strcmp (h->lent[i].key, key) == 0)
      return load_lent (h, &h->lent[i]);
  for (size_t i = 0; i <= h->ndirs; i++) {
    const char *dir = i < h->ndirs ? h->dirs[i] : DEFAULT_DIR;
    int n = snprintf (path, sizeof path, "%s/hyph_%s.dic", dir, key);
    if (n < 0 || (size_t) n >= sizeof path)
      continue;
    /* Only a regular file: a FIFO in the font folder would hang a read. */
    ink__file_t f;
    if (ink__open_regular (path, &f) != INK_OK)
      continue;
    dict_t *d = load_file (h, &f, path);
    if (d)
      return d;
  }
  return NULL;
}

/* The cache entry for keys[0], loading the first of keys that has a pattern file on first
 * use; NULL when there is none. */
static dict_t *
cached (ink__hyphenator_t *h, char keys[][16], size_t nkeys)
{
  dict_t *d = NULL;
  pthread_mutex_lock (h->lock);
  for (size_t i = 0; i < h->ncache; i++)
    if (strcmp (h->cache[i].key, keys[0]) == 0) {
      d = h->cache[i].dict;
      pthread_mutex_unlock (h->lock);
      return d;
    }
  for (size_t k = 0; k < nkeys && !d; k++)
    d = load_key (h, keys[k]);
  if (h->ncache < CACHE_MAX) {
    memcpy (h->cache[h->ncache].key, keys[0], sizeof keys[0]);
    h->cache[h->ncache++].dict = d;
  } else if (d) {
    /* A full cache cannot keep it; text in yet more languages goes unhyphenated. */
    dict_free (h, d);
    d = NULL;
  }
  pthread_mutex_unlock (h->lock);
  return d;
}

/* dict_for's answer, found. */
static dict_t *
resolve (ink__hyphenator_t *h, const char *tag, const lang_rule_t **rule, bool *never)
{
  char lang[4], region[4], keys[3][16];
  size_t nkeys = 0;
  *rule = NULL;
  *never = false;
  if (!tag || !parse_tag (tag, lang, region))
    return NULL;
  for (size_t i = 0; i < sizeof never_hyphenated / sizeof *never_hyphenated; i++)
    if (strcmp (never_hyphenated[i], lang) == 0)
      *never = true;
  if (*never)
    return NULL;
  if (region[0])
    snprintf (keys[nkeys++], sizeof keys[0], "%s_%s", lang, region);
  *rule = rule_for (lang);
  if (*rule && (nkeys == 0 || strcmp ((*rule)->key, keys[0]) != 0))
    snprintf (keys[nkeys++], sizeof keys[0], "%s", (*rule)->key);
  snprintf (keys[nkeys++], sizeof keys[0], "%s", lang);

  /* The first key names the cache entry, so "en" and "en-US" are cached apart. */
  return cached (h, keys, nkeys);
}

/* Whether tag was resolved before: *r its resolution. */
static bool
resolved_find (ink__hyphenator_t *h, const char *tag, resolved_t *r)
{
  bool found = false;
  pthread_mutex_lock (h->lock);
  for (size_t i = 0; i < h->nresolved && !found; i++)
    if (strcmp (h->resolved[i].tag, tag) == 0) {
      *r = h->resolved[i];
      found = true;
    }
  pthread_mutex_unlock (h->lock);
  return found;
}

static void
resolved_add (ink__hyphenator_t *h, const resolved_t *r)
{
  pthread_mutex_lock (h->lock);
  if (h->nresolved < CACHE_MAX)
    h->resolved[h->nresolved++] = *r;
  pthread_mutex_unlock (h->lock);
}

/* The cached dictionary for a tag, loading it on first use; NULL when there is none, or
 * when the language is never hyphenated (*never). *rule: the language's row, or NULL. A
 * tag's answer never changes (the cache keeps what it loaded), so it is kept per tag. */
static dict_t *
dict_for (ink__hyphenator_t *h, const char *tag, const lang_rule_t **rule, bool *never)
{
  resolved_t r = {.dict = NULL};
  size_t n = tag ? strlen (tag) : sizeof r.tag;
  if (n < sizeof r.tag && resolved_find (h, tag, &r)) {
    *rule = r.rule;
    *never = r.never;
    return r.dict;
  }
  dict_t *d = resolve (h, tag, rule, never);
  if (n < sizeof r.tag) {
    memcpy (r.tag, tag, n + 1);
    r.dict = d;
    r.rule = *rule;
    r.never = *never;
    resolved_add (h, &r);
  }
  return d;
}


/* Lowercase for the scripts hyphenation patterns cover, keeping the UTF-8 length. */
static uint32_t
to_lower (uint32_t c)
{
  uint32_t l = c;
  if (c >= 'A' && c <= 'Z')
    l = c + 0x20;
  else if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
    l = c + 0x20;
  else if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177))
    l = c | 1;
  else if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
    l = (c & 1) ? c + 1 : c;
  else if (c == 0x178)
    l = 0xFF;
  else if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2)
    l = c + 0x20;
  else if (c >= 0x410 && c <= 0x42F)
    l = c + 0x20;
  else if (c >= 0x400 && c <= 0x40F)
    l = c + 0x50;
  return l;
}

/* libhyphen's answer for a lower-cased word of nch characters (for a packed dictionary read
 * in place, lib/text/hyphwalk.c gives the same; a UTF-8 dictionary reports
 * one value per character, not per byte): per character but the last, 1 where a hyphen may
 * follow it, 2 more where a non-standard hyphenation would change the spelling there; all 0
 * when libhyphen fails. */
static void
libhyphen_marks (const dict_t *d, const char *lower, size_t len, size_t nch, uint8_t *marks)
{
  char hyph[WORD_MAX_BYTES + 5];
  char **rep = NULL;
  int *pos = NULL, *cut = NULL;
  memset (hyph, 0, sizeof hyph);
  memset (marks, 0, nch);
  bool ok = d->hd
    ? hnj_hyphen_hyphenate2 (d->hd, lower, (int) len, hyph, NULL, &rep, &pos, &cut) == 0
    : ink__hyphpack_hyphenate (d->packed, lower, len, hyph);
  for (size_t k = 0; ok && k + 1 < nch; k++)
    marks[k] = (uint8_t) ((hyph[k] & 1) | (rep && rep[k] ? 2 : 0));
  if (rep) {
    for (size_t k = 0; k < len; k++)
      free (rep[k]);
    free (rep);
  }
  free (pos);
  free (cut);
}

/**
 * ink__hyphenate:
 * @h: a hyphenator
 * @lang: BCP 47 tag of the word's language (nullable: no points)
 * @word: one word, UTF-8, as the caller cut it
 * @len: its length in bytes
 * @min_word: words with fewer characters are not hyphenated
 * @left_min: characters kept before a point (at least the pattern file's LEFTHYPHENMIN)
 * @right_min: characters kept after a point (at least its RIGHTHYPHENMIN)
 * @points: len bytes, written: 1 when the word may be hyphenated after that byte, else 0
 *
 * No point falls inside a grapheme cluster, and in the Indic scripts none leaves fewer than
 * two clusters (aksharas) on either side. Words with digits, words in capitals (two or more, no
 * lowercase letter), and words with anything but letters, marks and apostrophes (addresses, paths,
 * "://") get no points. So do languages without a pattern file and words longer than 100
 * characters.
 *
 * Return value: the number of points.
 * Since: 0.1
 */
size_t
ink__hyphenate (ink__hyphenator_t *h, const char *lang, const char *word, size_t len,
                unsigned min_word, unsigned left_min, unsigned right_min, uint8_t *points)
{
  if (len == 0)
    return 0;
  memset (points, 0, len);
  if (!h || !word || len > WORD_MAX_BYTES)
    return 0;

  char lower[WORD_MAX_BYTES + 1];
  size_t ends[WORD_MAX_CHARS];       /* last byte of each character */
  size_t nch = 0, nupper = 0, nlower = 0, out = 0;
  bool indic = false;
  for (size_t pos = 0; pos < len;) {
    uint32_t cp;
    size_t start = pos;
    if (!ink__utf8_next (word, len, &pos, &cp) || nch == WORD_MAX_CHARS)
      return 0;
    hb_unicode_general_category_t gc = ink__general_category (cp);
    switch (gc) {
    case HB_UNICODE_GENERAL_CATEGORY_UPPERCASE_LETTER:
    case HB_UNICODE_GENERAL_CATEGORY_TITLECASE_LETTER:
      nupper++;
      break;
    case HB_UNICODE_GENERAL_CATEGORY_LOWERCASE_LETTER:
      nlower++;
      break;
    case HB_UNICODE_GENERAL_CATEGORY_OTHER_LETTER:
    case HB_UNICODE_GENERAL_CATEGORY_MODIFIER_LETTER:
    case HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK:
    case HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK:
      break;
    default:
      if (cp != '\'' && cp != 0x2019)
        return 0;   /* digits, '@', '/', ':', '.', '_' and the like */
    }
    indic |= cp >= INDIC_FIRST && cp <= INDIC_LAST;
    char enc[4];
    uint32_t lc = to_lower (cp);
    size_t n = ink__utf8_encode (lc, enc);
    if (n != pos - start)
      n = ink__utf8_encode (cp, enc);
    memcpy (lower + out, enc, n);
    out += n;
    ends[nch++] = out - 1;
  }
  if (nupper >= 2 && nlower == 0)
    return 0;

  const lang_rule_t *rule;
  bool never;
  dict_t *d = dict_for (h, lang, &rule, &never);
  if (!d)
    return 0;
  /* The most asked for of the caller's, the language's and the pattern file's minimums. */
  size_t lmin = rule ? rule->left : 2, rmin = rule ? rule->right : 3;
  lmin = left_min > lmin ? left_min : lmin;
  rmin = right_min > rmin ? right_min : rmin;
  lmin = (size_t) d->lhmin > lmin ? (size_t) d->lhmin : lmin;
  rmin = (size_t) d->rhmin > rmin ? (size_t) d->rhmin : rmin;
  if (nch < min_word || nch < lmin + rmin)
    return 0;
  lower[len] = '\0';
  uint8_t marks[WORD_MAX_CHARS];
  pthread_mutex_lock (h->lock);
  bool known = ink__hyphmemo_get (&h->memo, d, lower, len, marks, nch);
  pthread_mutex_unlock (h->lock);
  if (!known) {
    libhyphen_marks (d, lower, len, nch, marks);
    pthread_mutex_lock (h->lock);
    ink__hyphmemo_put (&h->memo, h->ctx, d, lower, len, marks, nch);
    pthread_mutex_unlock (h->lock);
  }
  size_t first = lmin ? lmin - 1 : 0, candidates = 0;
  for (size_t k = first; k + rmin < nch; k++)
    candidates += (marks[k] & 3) == 1;
  if (candidates == 0)
    return 0;   /* no point to check against the clusters */
  /* Grapheme clusters: a point inside one would cut a letter from its mark (a nukta, a
   * vowel sign); the Indic scripts count their minimums in clusters too. */
  uint8_t gbrks[WORD_MAX_BYTES];
  size_t clusters_before[WORD_MAX_CHARS], nclusters = 0;
  ink__graphemes (word, len, gbrks);
  for (size_t k = 0; k < nch; k++)
    clusters_before[k] = nclusters += gbrks[ends[k]];
  size_t count = 0;
  for (size_t k = 0; k + 1 < nch; k++) {
    if (!(marks[k] & 1) || k + 1 < lmin || nch - (k + 1) < rmin || !gbrks[ends[k]])
      continue;
    if (indic && (clusters_before[k] < INDIC_CLUSTERS_MIN ||
                  nclusters - clusters_before[k] < INDIC_CLUSTERS_MIN))
      continue;
    if (marks[k] & 2)
      continue;   /* non-standard hyphenation changes the spelling: not supported */
    points[ends[k]] = 1;
    count++;
  }
  return count;
}

/**
 * ink__hyphen_patterns:
 * @h: a hyphenator
 * @lang: a BCP 47 tag (nullable)
 *
 * Whether words in @lang can be hyphenated, loading its pattern file if need be.
 *
 * Return value: INK_HYPH_PATTERNS (a pattern file was found), INK_HYPH_NEVER (the language's
 * newspapers do not hyphenate: Arabic, Hebrew, Chinese, Japanese, Korean, Thai...) or
 * INK_HYPH_MISSING (none found, or no usable tag).
 * Since: 0.2
 */
ink__hyph_avail_t
ink__hyphen_patterns (ink__hyphenator_t *h, const char *lang)
{
  const lang_rule_t *rule;
  bool never;
  if (!h)
    return INK_HYPH_MISSING;
  dict_t *d = dict_for (h, lang, &rule, &never);
  return d ? INK_HYPH_PATTERNS : never ? INK_HYPH_NEVER : INK_HYPH_MISSING;
}
