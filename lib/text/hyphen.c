/* text/hyphen: hyphenation points of single words from libhyphen's pattern files
 * (the hyph_ll_RR.dic files of Debian's hyphen-* packages), one dictionary per language,
 * loaded on first use and cached by the hyphenator, misses included.
 *
 *   ink__hyphenator_t *h;
 *   ink__hyphenator_create (ctx, NULL, &h);
 *   uint8_t points[11];
 *   ink__hyphenate (h, "en-US", "hyphenation", 11, 5, 2, 3, points);  // hy-phen-ation
 *   ink__hyphenator_destroy (h);
 *
 * libhyphen allocates its dictionaries with malloc, outside the context's allocator; an
 * English dictionary takes about 1 MB. */
#include "breaks.h"

#include <hb.h>
#include <hyphen.h>
#include <stdio.h>
#include <stdlib.h>

#define CACHE_MAX 32          /* languages one hyphenator remembers */
#define WORD_MAX_BYTES 255    /* longer "words" are left to emergency breaks */
#define WORD_MAX_CHARS 100

typedef struct {
  char key[16];               /* "en_US", "de": the file name part */
  HyphenDict *dict;           /* NULL: no pattern file for that language */
} entry_t;

struct ink__hyphenator {
  ink_context_t *ctx;
  char **dirs;
  size_t ndirs;
  entry_t cache[CACHE_MAX];
  size_t ncache;
};

#define DEFAULT_DIR "/usr/share/hyphen"

/* The region a pattern file is usually named after when the tag names none. */
static const char *const default_region[][2] = {
  {"af", "ZA"}, {"be", "BY"}, {"bg", "BG"}, {"ca", "ES"}, {"cs", "CZ"}, {"da", "DK"},
  {"de", "DE"}, {"el", "GR"}, {"en", "US"}, {"es", "ES"}, {"et", "EE"}, {"fi", "FI"},
  {"fr", "FR"}, {"ga", "IE"}, {"gl", "ES"}, {"hr", "HR"}, {"hu", "HU"}, {"is", "IS"},
  {"it", "IT"}, {"lt", "LT"}, {"lv", "LV"}, {"nb", "NO"}, {"nl", "NL"}, {"nn", "NO"},
  {"pl", "PL"}, {"pt", "PT"}, {"ro", "RO"}, {"ru", "RU"}, {"sk", "SK"}, {"sl", "SI"},
  {"sq", "AL"}, {"sr", "RS"}, {"sv", "SE"}, {"uk", "UA"},
};

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
  for (size_t i = 0; i < h->ncache; i++)
    if (h->cache[i].dict)
      hnj_hyphen_free (h->cache[i].dict);
  for (size_t i = 0; i < h->ndirs; i++)
    ink__strfree (h->ctx, h->dirs[i]);
  ink__free (h->ctx, h->dirs, h->ndirs * sizeof *h->dirs);
  ink__free (h->ctx, h, sizeof *h);
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

static HyphenDict *
load_key (const ink__hyphenator_t *h, const char *key)
{
  char path[4096];
  for (size_t i = 0; i <= h->ndirs; i++) {
    const char *dir = i < h->ndirs ? h->dirs[i] : DEFAULT_DIR;
    int n = snprintf (path, sizeof path, "%s/hyph_%s.dic", dir, key);
    if (n < 0 || (size_t) n >= sizeof path)
      continue;
    /* Only a regular file: a FIFO in the font folder would hang libhyphen's read. */
    ink__file_t f;
    if (ink__open_regular (path, &f) != INK_OK)
      continue;
    ink__file_close (&f);
    HyphenDict *d = hnj_hyphen_load (path);
    if (d && !d->utf8) {
      /* Only UTF-8 pattern files are supported; Debian ships no other kind. */
      ink__log (h->ctx, INK_LOG_WARNING, "%s: pattern file is not UTF-8, skipped", path);
      hnj_hyphen_free (d);
      d = NULL;
    }
    if (d)
      return d;
  }
  return NULL;
}

/* The cached dictionary for a tag, loading it on first use; NULL when there is none. */
static HyphenDict *
dict_for (ink__hyphenator_t *h, const char *tag)
{
  char lang[4], region[4], keys[3][16];
  size_t nkeys = 0;
  if (!tag || !parse_tag (tag, lang, region))
    return NULL;
  if (region[0])
    snprintf (keys[nkeys++], sizeof keys[0], "%s_%s", lang, region);
  for (size_t i = 0; i < sizeof default_region / sizeof *default_region; i++)
    if (strcmp (default_region[i][0], lang) == 0 && strcmp (default_region[i][1], region) != 0)
      snprintf (keys[nkeys++], sizeof keys[0], "%s_%s", lang, default_region[i][1]);
  snprintf (keys[nkeys++], sizeof keys[0], "%s", lang);

  /* The first key names the cache entry, so "en" and "en-US" are cached apart. */
  for (size_t i = 0; i < h->ncache; i++)
    if (strcmp (h->cache[i].key, keys[0]) == 0)
      return h->cache[i].dict;
  HyphenDict *d = NULL;
  for (size_t k = 0; k < nkeys && !d; k++)
    d = load_key (h, keys[k]);
  if (h->ncache < CACHE_MAX) {
    memcpy (h->cache[h->ncache].key, keys[0], sizeof keys[0]);
    h->cache[h->ncache++].dict = d;
  } else if (d) {
    /* A full cache cannot keep it; text in yet more languages goes unhyphenated. */
    hnj_hyphen_free (d);
    d = NULL;
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
 * Words with digits, words in capitals (two or more, no lowercase letter), and words with
 * anything but letters, marks and apostrophes (addresses, paths, "://") get no points. So do
 * languages without a pattern file and words longer than 100 characters.
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

  hb_unicode_funcs_t *uf = hb_unicode_funcs_get_default ();
  char lower[WORD_MAX_BYTES + 1];
  size_t ends[WORD_MAX_CHARS];       /* last byte of each character */
  size_t nch = 0, nupper = 0, nlower = 0, out = 0;
  for (size_t pos = 0; pos < len;) {
    uint32_t cp;
    size_t start = pos;
    if (!ink__utf8_next (word, len, &pos, &cp) || nch == WORD_MAX_CHARS)
      return 0;
    hb_unicode_general_category_t gc = hb_unicode_general_category (uf, cp);
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
  if (nch < min_word || nch < 2)
    return 0;

  HyphenDict *d = dict_for (h, lang);
  if (!d)
    return 0;
  lower[len] = '\0';
  char hyph[WORD_MAX_BYTES + 5];
  char **rep = NULL;
  int *pos = NULL, *cut = NULL;
  memset (hyph, 0, sizeof hyph);
  if (hnj_hyphen_hyphenate2 (d, lower, (int) len, hyph, NULL, &rep, &pos, &cut) != 0)
    nch = 0;
  size_t lmin = left_min > (unsigned) d->lhmin ? left_min : (unsigned) d->lhmin;
  size_t rmin = right_min > (unsigned) d->rhmin ? right_min : (unsigned) d->rhmin;
  if (lmin < 1)
    lmin = 1;
  if (rmin < 1)
    rmin = 1;
  size_t count = 0;
  /* A UTF-8 dictionary reports one value per character, not per byte. */
  for (size_t k = 0; k + 1 < nch; k++) {
    if (!(hyph[k] & 1) || k + 1 < lmin || nch - (k + 1) < rmin)
      continue;
    if (rep && rep[k])
      continue;   /* non-standard hyphenation changes the spelling: not supported */
    points[ends[k]] = 1;
    count++;
  }
  if (rep) {
    for (size_t k = 0; k < len; k++)
      free (rep[k]);
    free (rep);
  }
  free (pos);
  free (cut);
  return count;
}
