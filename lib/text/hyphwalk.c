/* text/hyphwalk: hyphenating with a packed dictionary where it lies (lib/text/hyphpack.h),
 * in the library's read-only data, so that a run that hyphenates English neither copies
 * the 800 kB of states libhyphen would read nor faults in fresh memory for them. The answer
 * is hnj_hyphen_hyphenate2's (libhyphen 2.8.8) on the unpacked dictionary, for dictionaries
 * without non-standard (replacement) patterns: the levels' state machine, the compound
 * level's parts hyphenated with the next level and its minimums, the word's minimums, the
 * NOHYPHEN strings, and the values per character of a UTF-8 dictionary. A dictionary with
 * replacements is unpacked and left to libhyphen (ink__hyphpack_plain says which).
 * test_hyphpack compares the two word for word. */
#include "hyphpack.h"

#include <string.h>

#define LETTERS_MAX 260   /* a word's bytes, its two dots and a NUL; longer words: no points */

static bool
is_digit (char c)
{
  return c >= '0' && c <= '9';
}

/**
 * ink__hyphpack_plain:
 * @p: a packed dictionary
 *
 * Return value: whether no level of @p has a non-standard pattern, so that
 * ink__hyphpack_hyphenate can hyphenate with it in place.
 * Since: 0.3
 */
bool
ink__hyphpack_plain (const ink__hyphpack_t *p)
{
  for (int i = 0; i < p->nlevels; i++) {
    const ink__hyphpack_level_t *l = &p->levels[i];
    for (int u = 0; u < l->num_states; u++)
      if (l->repl[u] >= 0)
        return false;
  }
  return true;
}

/* The state after ch from state u; -1 past the root. */
static int32_t
step (const ink__hyphpack_level_t *l, int32_t u, char ch)
{
  while (u >= 0) {
    for (int32_t k = l->trans_start[u]; k < l->trans_start[u + 1]; k++)
      if (l->trans_ch[k] == ch)
        return l->trans_to[k];
    u = l->fallback[u];
  }
  return -1;
}

/* One level's patterns over word (n bytes) between two dots, digits read as dots: the
 * highest value of each gap into hyphens[0..n + 2), '0' for none. A step past the root
 * skips the letter and starts again from the root, as libhyphen does. */
static void
run_level (const ink__hyphpack_level_t *l, const char *word, int n, char *hyphens)
{
  char prep[LETTERS_MAX];
  int len = 0;
  prep[len++] = '.';
  for (int i = 0; i < n; i++)
    prep[len++] = is_digit (word[i]) ? '.' : word[i];
  prep[len++] = '.';
  memset (hyphens, '0', (size_t) len);
  int32_t u = 0;
  for (int i = 0; i < len; i++) {
    u = step (l, u, prep[i]);
    if (u < 0) {
      u = 0;
      continue;
    }
    if (l->match[u] < 0)
      continue;
    const char *m = l->strs + l->match[u];
    int at = i + 1 - (int) strlen (m);
    for (int k = 0; m[k]; k++)
      if (at + k >= 0 && hyphens[at + k] < m[k])
        hyphens[at + k] = m[k];
  }
}

/* The first characters of word that keep no hyphen after them (libhyphen's lhmin: digits at
 * the start count against it, and a ligature of three letters, U+FB03 and U+FB04, counts as
 * two characters). */
static void
left_min (bool utf8, const char *word, char *hyphens, int min)
{
  static const signed char lig[7] = {0, 0, 0, 1, 1, 0, 0};
  int count = 1, j = 0;
  for (int d = 0; is_digit (word[d]); d++)
    count--;
  if (utf8 && (unsigned char) word[0] == 0xEF && (unsigned char) word[1] == 0xAC
      && (unsigned char) word[2] >= 0x80 && (unsigned char) word[2] <= 0x86)
    count += lig[(unsigned char) word[2] - 0x80];
  for (; count < min && word[j] != '\0'; count++)
    do {
      hyphens[j++] = '0';
      if (utf8 && (unsigned char) word[j] == 0xEF && (unsigned char) word[j + 1] == 0xAC
          && (unsigned char) word[j + 2] >= 0x80 && (unsigned char) word[j + 2] <= 0x86)
        count += lig[(unsigned char) word[j + 2] - 0x80];
    } while (utf8 && (word[j] & 0xc0) == 0x80);
}

/* The last characters likewise (libhyphen's rhmin: digits at the end count against it). */
static void
right_min (bool utf8, const char *word, int n, char *hyphens, int min)
{
  int count = 0;
  for (int j = n - 1; j > 0 && is_digit (word[j]); j--)
    count--;
  for (int j = n - 1; count < min && j > 0; j--) {
    hyphens[j] = '0';
    if (!utf8 || (word[j] & 0xc0) == 0xc0 || (word[j] & 0x80) != 0x80)
      count++;
  }
}

static void hyph_level (const ink__hyphpack_t *p, int level, const char *word, int n,
                        char *hyphens, int cl, int cr, bool lend, bool rend);

/* A compound level's parts: each stretch of word that ends where the level allows a hyphen
 * (or at the word's end, once there is such a place) is hyphenated again from this level,
 * its inner ends under the compound minimums; a word with no such place goes to the next
 * level whole. word is NUL-terminated. */
static void
compound (const ink__hyphpack_t *p, int level, const char *word, int n, char *hyphens, int cl,
          int cr, bool lend, bool rend)
{
  char part[LETTERS_MAX], part_hyphens[LETTERS_MAX];
  int begin = 0;
  bool undotted = false;   /* the part's first letter as in word, not read as a dot */
  for (int i = 0; i < n; i++) {
    if (!((hyphens[i] & 1) || (begin > 0 && i + 1 == n)))
      continue;
    bool hyphenated = i - begin > 0;
    if (hyphenated) {
      int m = i - begin + 1;
      for (int k = 0; k < m; k++) {
        char c = word[begin + k];
        part[k] = is_digit (c) && !(undotted && k == 0) ? '.' : c;
      }
      part[m] = '\0';
      hyph_level (p, level, part, m, part_hyphens, cl, cr, begin > 0 ? false : lend,
                  (hyphens[i] & 1) ? false : rend);
      memcpy (hyphens + begin, part_hyphens, (size_t) (i - begin));
    }
    /* libhyphen puts the letter after a hyphenated part back as the caller gave it. */
    undotted = hyphenated;
    begin = i + 1;
  }
  if (begin == 0) {
    hyph_level (p, level + 1, word, n, hyphens, cl, cr, lend, rend);
    bool utf8 = p->levels[level].utf8 != 0;
    if (!lend)
      left_min (utf8, word, hyphens, cl);
    if (!rend)
      right_min (utf8, word, n, hyphens, cr);
  }
}

/* libhyphen's hnj_hyphen_hyph_ with the level-th level, for dictionaries without
 * replacements: hyphens[k] for the gap after byte k, n + 1 values and a NUL. */
static void
hyph_level (const ink__hyphpack_t *p, int level, const char *word, int n, char *hyphens,
            int cl, int cr, bool lend, bool rend)
{
  char gaps[LETTERS_MAX];
  run_level (&p->levels[level], word, n, gaps);
  int i = 0;
  for (; i < n - 1; i++)
    hyphens[i] = gaps[i + 1];
  for (; i < n; i++)
    hyphens[i] = '0';
  hyphens[n] = '\0';
  if (level + 1 < p->nlevels)
    compound (p, level, word, n, hyphens, cl, cr, lend, rend);
}

/* The NOHYPHEN strings: no hyphen just before or at the end of any of them. */
static void
no_hyphen (const ink__hyphpack_level_t *l, const char *word, char *hyphens)
{
  const char *nh = l->nohyphen;
  for (int i = 0; nh && i <= l->nohyphenl; i++, nh += strlen (nh) + 1)
    for (const char *at = strstr (word, nh); at; at = strstr (at + 1, nh)) {
      hyphens[at - word + (ptrdiff_t) strlen (nh) - 1] = '0';
      if (at > word)
        hyphens[at - word - 1] = '0';
    }
}

/**
 * ink__hyphpack_hyphenate:
 * @p: a packed dictionary for which ink__hyphpack_plain is true
 * @word: a word, @len bytes and a NUL after them
 * @len: its length, at most 255
 * @hyphens: at least @len + 5 bytes, written as hnj_hyphen_hyphenate2 writes them: for a
 *   UTF-8 dictionary one value per character, odd where a hyphen may follow it
 *
 * Return value: false where libhyphen fails (a UTF-8 word that starts inside a character)
 * or the word is too long; @hyphens is then not to be read.
 * Since: 0.3
 */
bool
ink__hyphpack_hyphenate (const ink__hyphpack_t *p, const char *word, size_t len, char *hyphens)
{
  if (p->nlevels < 1 || len == 0 || len + 4 > LETTERS_MAX)
    return false;
  const ink__hyphpack_level_t *top = &p->levels[0];
  int n = (int) len;
  hyph_level (p, 0, word, n, hyphens, top->clhmin, top->crhmin, true, true);
  bool utf8 = top->utf8 != 0;
  left_min (utf8, word, hyphens, top->lhmin > 0 ? top->lhmin : 2);
  right_min (utf8, word, n, hyphens, top->rhmin > 0 ? top->rhmin : 2);
  no_hyphen (top, word, hyphens);
  if (!utf8)
    return true;
  if (((unsigned char) word[0] >> 6) == 2)
    return false;
  int j = -1;
  for (int i = 0; i < n; i++) {
    if (((unsigned char) word[i] >> 6) != 2)
      j++;
    hyphens[j] = hyphens[i];
  }
  hyphens[j + 1] = '\0';
  return true;
}
