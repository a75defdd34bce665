/* The dictionary built by lib/text/hyphdict.c against libhyphen's own loader: for a pattern
 * file committed here (keywords, NOHYPHEN, non-standard patterns, NEXTLEVEL, a comment read
 * as a pattern, a line longer than libhyphen's 99 bytes, CRLF) in several variants, and
 * every Debian pattern file under /usr/share/hyphen (as inkset reads it: duplicates dropped), the two state machines
 * must be the same up to state numbering, and hyphenate every word of the example articles
 * and of words made from the file's own patterns alike. */
#define _POSIX_C_SOURCE 200809L /* fmemopen */
#include "breaks.h"
#include "hyphdict.h"
#include "test.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>

#define WORD_MAX 100

static ink_context_t *ctx;
static char **words;               /* the articles' words, lowercased */
static size_t nwords, capwords;
static char why[256];

static bool
same_string (const char *a, const char *b)
{
  return (!a && !b) || (a && b && strcmp (a, b) == 0);
}

static bool
same_nohyphen (const HyphenDict *a, const HyphenDict *b)
{
  if (!a->nohyphen || !b->nohyphen)
    return !a->nohyphen && !b->nohyphen;
  if (a->nohyphenl != b->nohyphenl)
    return false;
  const char *p = a->nohyphen, *q = b->nohyphen;
  for (int i = 0; i <= a->nohyphenl; i++, p += strlen (p) + 1, q += strlen (q) + 1)
    if (strcmp (p, q) != 0)
      return false;
  return true;
}

static bool
same_state (const HyphenState *sa, const HyphenState *sb)
{
  if (!same_string (sa->match, sb->match) || !same_string (sa->repl, sb->repl)
      || sa->num_trans != sb->num_trans)
    return false;
  return !sa->match || (sa->replindex == sb->replindex && sa->replcut == sb->replcut);
}

/* Pairs a's states with b's from the roots through equal bytes; every pair must agree, every
 * state be reached, and fallbacks map to fallbacks. */
static bool
same_states (const HyphenDict *a, const HyphenDict *b)
{
  int n = a->num_states;
  if (n != b->num_states) {
    snprintf (why, sizeof why, "%d states, libhyphen %d", n, b->num_states);
    return false;
  }
  int *map = malloc ((size_t) n * sizeof *map), *stack = malloc ((size_t) n * sizeof *stack);
  bool ok = map && stack;
  for (int i = 0; ok && i < n; i++)
    map[i] = -1;
  int top = 0, seen = 1;
  if (ok)
    map[0] = 0, stack[top++] = 0;
  while (ok && top > 0) {
    int u = stack[--top];
    const HyphenState *sa = &a->states[u], *sb = &b->states[map[u]];
    if (!same_state (sa, sb)) {
      snprintf (why, sizeof why, "state %d (match %s) differs", u, sa->match ? sa->match : "-");
      ok = false;
    }
    for (int t = 0; ok && t < sa->num_trans; t++) {
      int k = 0;
      while (k < sb->num_trans && sb->trans[k].ch != sa->trans[t].ch)
        k++;
      int v = sa->trans[t].new_state;
      ok = k < sb->num_trans && map[v] < 0;
      if (ok)
        map[v] = sb->trans[k].new_state, stack[top++] = v, seen++;
      else
        snprintf (why, sizeof why, "state %d: transition '%c'", u, sa->trans[t].ch);
    }
  }
  for (int u = 0; ok && u < n; u++) {
    int fa = a->states[u].fallback_state, fb = b->states[map[u]].fallback_state;
    ok = fa < 0 ? fb == fa : fb == map[fa];
    if (!ok)
      snprintf (why, sizeof why, "state %d: fallback %d, libhyphen's %d", u, fa, fb);
  }
  if (ok && seen != n)
    snprintf (why, sizeof why, "%d states unreachable", n - seen), ok = false;
  free (map);
  free (stack);
  return ok;
}

static bool
same_dict (const HyphenDict *a, const HyphenDict *b)
{
  if (!a || !b)
    return !a && !b;
  if (a->lhmin != b->lhmin || a->rhmin != b->rhmin || a->clhmin != b->clhmin
      || a->crhmin != b->crhmin || a->utf8 != b->utf8
      || memcmp (a->cset, b->cset, sizeof a->cset) != 0 || !same_nohyphen (a, b)) {
    snprintf (why, sizeof why, "header differs");
    return false;
  }
  return same_states (a, b) && same_dict (a->nextlevel, b->nextlevel);
}

static void
free_result (char **rep, int *pos, int *cut, size_t len)
{
  for (size_t k = 0; rep && k < len; k++)
    free (rep[k]);
  free (rep);
  free (pos);
  free (cut);
}

/* Both dictionaries' hyphens, replacements, positions and cuts for one word. */
static bool
same_hyphens (HyphenDict *a, HyphenDict *b, const char *word, size_t len)
{
  char ha[WORD_MAX + 5], hb[WORD_MAX + 5];
  char **ra = NULL, **rb = NULL;
  int *pa = NULL, *pb = NULL, *ca = NULL, *cb = NULL;
  memset (ha, 0, sizeof ha);
  memset (hb, 0, sizeof hb);
  hnj_hyphen_hyphenate2 (a, word, (int) len, ha, NULL, &ra, &pa, &ca);
  hnj_hyphen_hyphenate2 (b, word, (int) len, hb, NULL, &rb, &pb, &cb);
  bool ok = memcmp (ha, hb, len) == 0 && !ra == !rb;
  for (size_t k = 0; ok && ra && k < len; k++)
    ok = same_string (ra[k], rb[k]) && (!ra[k] || (pa[k] == pb[k] && ca[k] == cb[k]));
  free_result (ra, pa, ca, len);
  free_result (rb, pb, cb, len);
  if (!ok)
    snprintf (why, sizeof why, "hyphens of \"%.*s\" differ", (int) len, word);
  return ok;
}

static unsigned seed = 12345;

/* A pattern line's letters, without digits, dots and what follows a '/'. */
static size_t
pattern_letters (const char *line, size_t n, char *out, size_t cap)
{
  size_t o = 0;
  for (size_t i = 0; i < n && line[i] != '/' && (unsigned char) line[i] > ' '; i++)
    if (!(line[i] >= '0' && line[i] <= '9') && line[i] != '.' && o < cap)
      out[o++] = line[i];
  return o;
}

/* Words made of two to four random patterns' letters of text: count of them compared. */
static bool
same_on_made_words (HyphenDict *a, HyphenDict *b, const char *text, size_t len, int count)
{
  size_t starts[4096], nstarts = 0;
  for (size_t i = 0; i < len && nstarts < 4096; i++)
    if (i > 0 && text[i - 1] == '\n' && text[i] >= 'a')
      starts[nstarts++] = i;
  if (nstarts == 0)
    return true;
  for (int w = 0; w < count; w++) {
    char word[WORD_MAX + 1];
    size_t n = 0, parts = 2 + test_random (&seed) % 3;
    for (size_t p = 0; p < parts; p++) {
      size_t s = starts[test_random (&seed) % nstarts], e = s;
      while (e < len && text[e] != '\n')
        e++;
      n += pattern_letters (text + s, e - s, word + n, WORD_MAX / 4);
    }
    if (n > 0 && !same_hyphens (a, b, word, n))
      return false;
  }
  return true;
}

/* Loads text both ways and compares the machines and their hyphens. libhyphen reads the
 * text without its blank and '#' lines (ink__patterns_dedup), which the builder skips. */
static bool
compare (const char *name, char *text, size_t len)
{
  char *clean = malloc (len + 1);
  size_t clen = clean ? len : 0;
  if (clean) {
    memcpy (clean, text, len);
    clen = ink__patterns_dedup (ctx, clean, len);
  }
  FILE *f = clean ? fmemopen (clean, clen, "r") : NULL;
  HyphenDict *theirs = f ? hnj_hyphen_load_file (f) : NULL;
  if (f)
    fclose (f);
  free (clean);
  HyphenDict *ours = ink__hyphdict_load (ctx, text, len, NULL);
  why[0] = '\0';
  bool ok = ours && theirs && same_dict (ours, theirs);
  for (size_t i = 0; ok && i < nwords; i++)
    ok = same_hyphens (ours, theirs, words[i], strlen (words[i]));
  ok = ok && same_on_made_words (ours, theirs, text, len, 3000);
  if (!ok)
    printf ("%s: %s\n", name, why[0] ? why : "not loaded");
  if (ours)
    ink__hyphdict_free (ours);
  if (theirs)
    hnj_hyphen_free (theirs);
  return ok;
}

static char *
read_all (const char *path, size_t *len)
{
  FILE *f = fopen (path, "rb");
  if (!f)
    return NULL;
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc (cap);
  for (size_t got; buf && (got = fread (buf + n, 1, cap - n, f)) > 0;) {
    n += got;
    if (n == cap) {
      char *grown = realloc (buf, cap *= 2);
      if (!grown)
        free (buf);
      buf = grown;
    }
  }
  fclose (f);
  if (buf)
    buf[n] = '\0';   /* n < cap: the buffer grows when full */
  *len = n;
  return buf;
}

static void
add_word (const char *w, size_t n)
{
  if (n < 2 || n > WORD_MAX)
    return;
  if (nwords == capwords) {
    capwords = capwords ? capwords * 2 : 1024;
    words = realloc (words, capwords * sizeof *words);
  }
  char *copy = malloc (n + 1);
  for (size_t i = 0; i < n; i++)
    copy[i] = (w[i] >= 'A' && w[i] <= 'Z') ? (char) (w[i] | 0x20) : w[i];
  copy[n] = '\0';
  words[nwords++] = copy;
}

/* Calls fn with the text of each file of dir whose name ends in suffix; returns how many. */
static int
each_file (const char *dir, const char *suffix, void (*fn) (const char *name, char *text,
                                                             size_t len))
{
  DIR *d = opendir (dir);
  int files = 0;
  size_t sn = strlen (suffix);
  for (struct dirent *e; d && (e = readdir (d));) {
    size_t n = strlen (e->d_name);
    if (n <= sn || strcmp (e->d_name + n - sn, suffix) != 0)
      continue;
    char path[1024];
    snprintf (path, sizeof path, "%s/%s", dir, e->d_name);
    size_t len;
    char *text = read_all (path, &len);
    if (!text)
      continue;
    files++;
    fn (e->d_name, text, len);
    free (text);
  }
  if (d)
    closedir (d);
  return files;
}

/* An article's words: runs of letters, non-ASCII bytes and apostrophes. */
static void
article_words (const char *name, char *text, size_t len)
{
  (void) name;
  for (size_t i = 0, s = 0; i <= len; i++) {
    unsigned char c = i < len ? (unsigned char) text[i] : ' ';
    bool letter = c >= 0x80 || c == '\'' || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    if (!letter) {
      add_word (text + s, i - s);
      s = i + 1;
    }
  }
}

static int
by_bytes (const void *a, const void *b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* The words sorted, each once. */
static void
unique_words (void)
{
  qsort (words, nwords, sizeof *words, by_bytes);
  size_t n = 0;
  for (size_t i = 0; i < nwords; i++)
    if (n > 0 && strcmp (words[n - 1], words[i]) == 0)
      free (words[i]);
    else
      words[n++] = words[i];
  nwords = n;
}

static int failed_files;

/* Drops the lines over 98 bytes: libhyphen reads one as several, and a piece of a long
 * comment in hyph_be_BY.dic repeats a pattern, whose match string libhyphen's loader then
 * leaks (the builder frees it); pieces are checked on the committed file. */
static size_t
drop_long_lines (char *text, size_t len)
{
  size_t out = 0;
  for (size_t a = 0, e; a < len; a = e) {
    const char *nl = memchr (text + a, '\n', len - a);
    e = nl ? (size_t) (nl - text) + 1 : len;
    if (e - a <= 99) {
      memmove (text + out, text + a, e - a);
      out += e - a;
    }
  }
  return out;
}

/* The file as inkset reads it (ink__patterns_load: cleaned only when a line is long) gives
 * the dictionary of the cleaned file. */
static bool
same_as_cleaned (const char *name, const char *text, size_t len)
{
  char *a = malloc (len + 1), *b = malloc (len + 1);
  bool ok = a && b;
  if (ok) {
    memcpy (a, text, len);
    memcpy (b, text, len);
    HyphenDict *read = ink__patterns_load (ctx, a, len);
    HyphenDict *cleaned = ink__hyphdict_load (ctx, b, ink__patterns_dedup (ctx, b, len), NULL);
    why[0] = '\0';
    ok = read && cleaned && same_dict (read, cleaned);
    for (size_t i = 0; ok && i < nwords; i++)
      ok = same_hyphens (read, cleaned, words[i], strlen (words[i]));
    if (!ok)
      printf ("%s, read against cleaned: %s\n", name, why[0] ? why : "not loaded");
    ink__hyphdict_free (read);
    ink__hyphdict_free (cleaned);
  }
  free (a);
  free (b);
  return ok;
}

static void
debian_file (const char *name, char *text, size_t len)
{
  failed_files += !same_as_cleaned (name, text, len);
  len = ink__patterns_dedup (ctx, text, len);   /* as inkset reads it */
  len = drop_long_lines (text, len);
  failed_files += !compare (name, text, len);
}

TEST (committed_file)
{
  size_t len;
  char *text = read_all (INK_SOURCE_DIR "/tests/hyphdict/hyph_tst.dic", &len);
  CHECK (text != NULL && len > 100);
  if (!text)
    return;
  CHECK (compare ("hyph_tst.dic", text, len));
  CHECK (same_as_cleaned ("hyph_tst.dic", text, len));
  char *short_lines = malloc (len + 1);
  CHECK (short_lines != NULL);
  if (short_lines) {
    memcpy (short_lines, text, len);
    size_t n = drop_long_lines (short_lines, len);
    short_lines[n] = '\0';
    CHECK (n < len && strstr (short_lines, "\n#") != NULL);   /* a comment line is left */
    CHECK (same_as_cleaned ("hyph_tst.dic, no long line", short_lines, n));
    free (short_lines);
  }
  /* One level: the NEXTLEVEL line removed. */
  char *one = malloc (len + 1), *nl = strstr (text, "NEXTLEVEL\n");
  CHECK (nl != NULL && one != NULL);
  if (!nl || !one)
    return;
  size_t head = (size_t) (nl - text), tail = len - head - 10;
  memcpy (one, text, head);
  memcpy (one + head, nl + 10, tail);
  one[head + tail] = '\0';
  CHECK (compare ("hyph_tst.dic, one level", one, head + tail));
  /* An 8-bit file's charset, and a first line longer than 19 bytes. */
  char *other = malloc (len + 32);
  int k = snprintf (other, len + 32, "ISO8859-2\n%s", one + 6);
  CHECK (compare ("hyph_tst.dic, ISO8859-2", other, (size_t) k));
  k = snprintf (other, len + 32, "UTF-8 and a long line, 1ab\n%s", one + 6);
  CHECK (compare ("hyph_tst.dic, long first line", other, (size_t) k));
  CHECK (compare ("empty", other, 0));
  free (other);
  free (one);
  free (text);
}

TEST (debian_files)
{
  const char *dir = "/usr/share/hyphen";
  int files = each_file (dir, ".dic", debian_file);
  if (files == 0)
    printf ("no pattern files in %s: only the committed one compared\n", dir);
  else
    printf ("%d pattern files in %s compared, %d differ\n", files, dir, failed_files);
  CHECK_EQ_INT (failed_files, 0);
}

int
main (void)
{
  if (ink_context_create (NULL, NULL, &ctx) != INK_OK)
    return 1;
  each_file (INK_SOURCE_DIR "/examples/articles", ".md", article_words);
  unique_words ();
  printf ("%zu words from the example articles\n", nwords);
  CHECK (nwords > 1000);
  RUN (committed_file);
  RUN (debian_files);
  for (size_t i = 0; i < nwords; i++)
    free (words[i]);
  free (words);
  ink_context_destroy (ctx);
  return test_summary ();
}
