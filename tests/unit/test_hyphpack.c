/* The dictionaries built into the library (lib/text/hyphpack.h) against the builder: each
 * packed pattern file, read from /usr/share/hyphen as the library reads it, must unpack to
 * exactly the dictionary lib/text/hyphdict.c builds from it (from its text in UTF-8 when it is
 * in an 8-bit charset, as German's is), state for state (same numbers,
 * transitions in the same order, match strings at the same places of the block), and a file
 * that differs by one byte must not be taken for it. A dictionary without non-standard
 * patterns is hyphenated in place (lib/text/hyphwalk.c): every word of the example articles
 * and random words of letters, apostrophes, dashes, digits and ligatures must get from it
 * the values hnj_hyphen_hyphenate2 gives with the unpacked dictionary. */
#include "breaks.h"
#include "hyphdict.h"
#include "hyphpack.h"
#include "test.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>

static bool
same_string (const char *a, const char *b)
{
  return (!a && !b) || (a && b && strcmp (a, b) == 0);
}

/* Where a state's match lies in its block, or -1. */
static long
match_at (const HyphenDict *d, const HyphenState *s)
{
  return s->match ? (long) (s->match - (const char *) d->states) : -1;
}

static bool
same_level (const HyphenDict *a, const HyphenDict *b)
{
  if (a->lhmin != b->lhmin || a->rhmin != b->rhmin || a->clhmin != b->clhmin
      || a->crhmin != b->crhmin || a->utf8 != b->utf8 || a->nohyphenl != b->nohyphenl
      || memcmp (a->cset, b->cset, sizeof a->cset) != 0 || a->num_states != b->num_states
      || !a->nohyphen != !b->nohyphen)
    return false;
  const char *p = a->nohyphen, *q = b->nohyphen;
  for (int i = 0; p && i <= a->nohyphenl; i++, p += strlen (p) + 1, q += strlen (q) + 1)
    if (strcmp (p, q) != 0)
      return false;
  for (int u = 0; u < a->num_states; u++) {
    const HyphenState *sa = &a->states[u], *sb = &b->states[u];
    if (!same_string (sa->match, sb->match) || match_at (a, sa) != match_at (b, sb)
        || !same_string (sa->repl, sb->repl) || sa->replindex != sb->replindex
        || sa->replcut != sb->replcut || sa->fallback_state != sb->fallback_state
        || sa->num_trans != sb->num_trans || !sa->trans != !sb->trans)
      return false;
    for (int t = 0; t < sa->num_trans; t++)
      if (sa->trans[t].ch != sb->trans[t].ch || sa->trans[t].new_state != sb->trans[t].new_state)
        return false;
  }
  return true;
}

static bool
same_dict (const HyphenDict *a, const HyphenDict *b)
{
  for (; a && b; a = a->nextlevel, b = b->nextlevel)
    if (!same_level (a, b))
      return false;
  return !a && !b;
}

TEST (packed_as_built)
{
  ink_context_t *ctx;
  CHECK (ink_context_create (NULL, NULL, &ctx) == INK_OK);
  size_t checked = 0;
  for (size_t i = 0; i < ink__hyphpack_count; i++) {
    const ink__hyphpack_t *p = &ink__hyphpacks[i];
    char path[256];
    snprintf (path, sizeof path, "/usr/share/hyphen/hyph_%s.dic", p->key);
    size_t len;
    char *text = read_file (path, &len);
    if (!text || len != p->len) {
      printf ("%s: not the packed file here, skipped\n", path);
      free (text);
      continue;
    }
    CHECK (ink__hyphpack_find (text, len) == p);
    text[len / 2] ^= 1;
    CHECK (ink__hyphpack_find (text, len) == NULL);
    text[len / 2] ^= 1;
    /* An 8-bit file is built, as the library builds it, from its text in UTF-8. */
    char *utf8 = NULL;
    size_t ulen = 0, ucap = 0;
    if (strncmp (text, "UTF-8", 5) != 0)
      CHECK (ink__patterns_to_utf8 (ctx, text, len, &utf8, &ulen, &ucap) == INK_OK && utf8);
    HyphenDict *packed = ink__hyphpack_unpack (p);
    HyphenDict *built = utf8 ? ink__patterns_load (ctx, utf8, ulen)
                             : ink__patterns_load (ctx, text, len);
    ink__free (ctx, utf8, ucap);
    CHECK (packed && built && same_dict (packed, built));
    ink__hyphdict_free (packed);
    ink__hyphdict_free (built);
    free (text);
    checked++;
  }
  printf ("%zu packed dictionaries checked\n", checked);
  ink_context_destroy (ctx);
}

/* A built-in dictionary's pattern file is known by its own bytes, mapped where they lie: it
 * is neither read into the context nor converted to UTF-8 (German's is ISO 8859-1) nor built.
 * What the context holds at its peak while the hyphenator loads it is the hyphenator's own
 * tables, under 64 kB, where reading German's file took 1.1 MB and converting it 15 MB. */
TEST (packed_file_not_copied)
{
  size_t checked = 0;
  for (size_t i = 0; i < ink__hyphpack_count; i++) {
    const ink__hyphpack_t *p = &ink__hyphpacks[i];
    char path[256], tag[16];
    snprintf (path, sizeof path, "/usr/share/hyphen/hyph_%s.dic", p->key);
    size_t len;
    char *text = read_file (path, &len);
    bool here = text && len == p->len;
    free (text);
    if (!here)
      continue;
    snprintf (tag, sizeof tag, "%s", p->key);
    for (char *c = tag; *c; c++)
      *c = *c == '_' ? '-' : *c;
    ink_context_t *ctx;
    ink__hyphenator_t *h;
    CHECK (ink_context_create (NULL, NULL, &ctx) == INK_OK);
    CHECK (ink__hyphenator_create (ctx, NULL, &h) == INK_OK);
    uint8_t points[16];
    ink__hyphenate (h, tag, "abcdefghij", 10, 5, 2, 2, points);
    size_t current, peak;
    ink_context_memory (ctx, &current, &peak);
    printf ("%s: %zu bytes, context peak %zu bytes\n", path, len, peak);
    CHECK (peak < 65536);
    ink__hyphenator_destroy (h);
    ink_context_destroy (ctx);
    checked++;
  }
  printf ("%zu built-in dictionaries loaded without a copy\n", checked);
}


/* The in-place answer for word against libhyphen's; false when they differ. */
static bool
same_hyphens (const ink__hyphpack_t *p, HyphenDict *d, const char *word)
{
  size_t len = strlen (word);
  char a[300], b[300];
  char **rep = NULL;
  int *pos = NULL, *cut = NULL;
  memset (a, 0, sizeof a);
  memset (b, 0, sizeof b);
  bool ok_a = hnj_hyphen_hyphenate2 (d, word, (int) len, a, NULL, &rep, &pos, &cut) == 0;
  bool ok_b = ink__hyphpack_hyphenate (p, word, len, b);
  bool same = ok_a == ok_b && (!ok_a || strcmp (a, b) == 0);
  if (!same)
    printf ("differs: '%s': libhyphen %d '%s', in place %d '%s'\n", word, ok_a, a, ok_b, b);
  if (rep)
    for (size_t k = 0; k < len; k++)
      free (rep[k]);
  free (rep);
  free (pos);
  free (cut);
  return same;
}

/* Each run of letters (bytes over 0x7f, ASCII letters, apostrophes, hyphens) of an article,
 * lower-cased in ASCII; the count of words that differ. */
static size_t
article_words (const ink__hyphpack_t *p, HyphenDict *d, const char *text, size_t *checked)
{
  size_t bad = 0;
  char word[256];
  size_t n = 0;
  for (const char *c = text;; c++) {
    unsigned char u = (unsigned char) *c;
    bool letter = u >= 0x80 || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u == '\''
                  || u == '-';
    if (letter && n + 1 < sizeof word) {
      word[n++] = (char) (u >= 'A' && u <= 'Z' ? u + 32 : u);
      continue;
    }
    if (n > 0) {
      word[n] = '\0';
      bad += !same_hyphens (p, d, word);
      (*checked)++;
      n = 0;
    }
    if (!u)
      return bad;
  }
}

/* A random word from pieces that reach every branch of the in-place hyphenator. */
static void
random_word (uint32_t *seed, char *word)
{
  static const char *const pieces[] = {
    "a", "e", "i", "o", "u", "n", "t", "s", "r", "l", "h", "y", "c", "k", "m", "p", "x", "z",
    "'", "-", "\xe2\x80\x99", "\xe2\x80\x93", "\xc3\xa9", "\xc3\xbc", "1", "7", ".",
    "\xef\xac\x80", "\xef\xac\x81", "\xef\xac\x82", "\xef\xac\x83", "\xef\xac\x84",
    "\xef\xac\x85", "\xef\xac\x86", "tion", "ing",
    "con", "pre", "hyph", "ation"};
  size_t npieces = sizeof pieces / sizeof *pieces;
  *seed = *seed * 1103515245u + 12345u;
  size_t count = 1 + (*seed >> 16) % 14, n = 0;
  for (size_t k = 0; k < count; k++) {
    *seed = *seed * 1103515245u + 12345u;
    const char *piece = pieces[(*seed >> 16) % npieces];
    memcpy (word + n, piece, strlen (piece));
    n += strlen (piece);
  }
  word[n] = '\0';
}

TEST (in_place_as_libhyphen)
{
  size_t checked = 0, bad = 0;
  for (size_t i = 0; i < ink__hyphpack_count; i++) {
    const ink__hyphpack_t *p = &ink__hyphpacks[i];
    if (!ink__hyphpack_plain (p))
      continue;
    HyphenDict *d = ink__hyphpack_unpack (p);
    CHECK (d != NULL);
    DIR *dir = opendir (INK_SOURCE_DIR "/examples/articles");
    CHECK (dir != NULL);
    for (struct dirent *e; dir && (e = readdir (dir));) {
      if (!strstr (e->d_name, ".md"))
        continue;
      char path[512];
      snprintf (path, sizeof path, "%s/examples/articles/%s", INK_SOURCE_DIR, e->d_name);
      size_t len;
      char *text = read_file (path, &len);
      CHECK (text != NULL);
      if (text)
        bad += article_words (p, d, text, &checked);
      free (text);
    }
    if (dir)
      closedir (dir);
    uint32_t seed = 11;
    char word[256];
    for (int k = 0; k < 40000; k++) {
      random_word (&seed, word);
      bad += !same_hyphens (p, d, word);
      checked++;
    }
    static const char *const odd[] = {"\x80" "abc", "\xbf" "hyphenation", "a", "ab", "1234",
                                      "\xef\xac\x81" "nancial", "re-\xef\xac\x83" "ce"};
    for (size_t k = 0; k < sizeof odd / sizeof *odd; k++, checked++)
      bad += !same_hyphens (p, d, odd[k]);
    ink__hyphdict_free (d);
  }
  printf ("%zu words hyphenated in place, %zu differ from libhyphen\n", checked, bad);
  CHECK (bad == 0);
}

int
main (void)
{
  RUN (packed_as_built);
  RUN (packed_file_not_copied);
  RUN (in_place_as_libhyphen);
  return test_summary ();
}
