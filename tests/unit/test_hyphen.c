/* Hyphenation points from libhyphen pattern files. */
#include "breaks.h"
#include "test.h"

static ink_context_t *ctx;
static ink__hyphenator_t *hyph;

/* The word with '-' at each point, e.g. "hy-phen-ation". */
static const char *
hyphenated (const char *lang, const char *word, unsigned min_word, unsigned lmin, unsigned rmin)
{
  static char out[512];
  uint8_t points[256];
  size_t len = strlen (word), o = 0;
  size_t n = ink__hyphenate (hyph, lang, word, len, min_word, lmin, rmin, points);
  size_t seen = 0;
  for (size_t i = 0; i < len; i++) {
    out[o++] = word[i];
    if (points[i])
      out[o++] = '-', seen++;
  }
  out[o] = '\0';
  return seen == n ? out : "(count mismatch)";
}

TEST (english)
{
  CHECK_EQ_STR (hyphenated ("en", "hyphenation", 5, 2, 3), "hy-phen-ation");
  CHECK_EQ_STR (hyphenated ("en-US", "typesetting", 5, 2, 3), "type-set-ting");
  CHECK_EQ_STR (hyphenated ("en_US", "Pakistan", 5, 2, 3), "Pak-istan");
  CHECK_EQ_STR (hyphenated ("EN", "Hyphenation", 5, 2, 3), "Hy-phen-ation");
  CHECK_EQ_STR (hyphenated ("en-Latn-US", "computer", 5, 2, 3), "com-puter");
}

TEST (refused_words)
{
  CHECK_EQ_STR (hyphenated ("en", "hyphenation2024", 5, 2, 3), "hyphenation2024");
  CHECK_EQ_STR (hyphenated ("en", "HYPHENATION", 5, 2, 3), "HYPHENATION");
  CHECK_EQ_STR (hyphenated ("en", "typesetting@example", 5, 2, 3), "typesetting@example");
  CHECK_EQ_STR (hyphenated ("en", "https://typesetting", 5, 2, 3), "https://typesetting");
  CHECK_EQ_STR (hyphenated ("en", "computer", 9, 2, 3), "computer");     /* too short */
  CHECK_EQ_STR (hyphenated ("en", "hyphenation", 5, 3, 3), "hyphen-ation"); /* left minimum */
  CHECK_EQ_STR (hyphenated ("en", "hyphenation", 5, 2, 6), "hy-phenation"); /* right minimum */
  CHECK_EQ_STR (hyphenated ("en", "hyphenation", 5, 0, 0), "hy-phen-ation"); /* file's minima */
}

TEST (multibyte)
{
  /* One value per character comes back from a UTF-8 dictionary; é is two bytes. */
  CHECK_EQ_STR (hyphenated ("en", "présentation", 5, 2, 3), "présen-ta-tion");
  CHECK_EQ_STR (hyphenated ("en", "Présentation", 5, 2, 3), "Présen-ta-tion");
  CHECK_EQ_STR (hyphenated ("en", "PRÉSENTATION", 5, 2, 3), "PRÉSENTATION");
  CHECK_EQ_STR (hyphenated ("en", "nation’s", 5, 2, 3), "na-tion’s");
}

TEST (languages)
{
  uint8_t points[32];
  CHECK_EQ_INT (ink__hyphenate (hyph, "xx", "hyphenation", 11, 5, 2, 3, points), 0);
  CHECK_EQ_INT (ink__hyphenate (hyph, "xx", "hyphenation", 11, 5, 2, 3, points), 0);
  CHECK_EQ_INT (points[1], 0);
  CHECK_EQ_INT (ink__hyphenate (hyph, "../../etc/passwd", "hyphenation", 11, 5, 2, 3, points), 0);
  CHECK_EQ_INT (ink__hyphenate (hyph, NULL, "hyphenation", 11, 5, 2, 3, points), 0);
  CHECK_EQ_INT (ink__hyphenate (hyph, "en", "hyphenation", 11, 5, 2, 3, points), 2);
  CHECK_EQ_INT (ink__hyphenate (hyph, "en", "hyph\xFF", 5, 1, 1, 1, points), 0);
}

TEST (own_directory)
{
  /* A pattern file in a caller's folder: a point after every é, minima of one. */
  const char *dir = INK_BINARY_DIR;
  char path[1024];
  snprintf (path, sizeof path, "%s/hyph_zz.dic", dir);
  FILE *f = fopen (path, "wb");
  CHECK (f != NULL);
  if (!f)
    return;
  fputs ("UTF-8\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\né1\n", f);
  fclose (f);
  const char *dirs[] = {"/nonexistent", dir, NULL};
  ink__hyphenator_t *h;
  CHECK_EQ_INT (ink__hyphenator_create (ctx, dirs, &h), INK_OK);
  uint8_t points[16];
  const char *w = "éaéaé";
  CHECK_EQ_INT (ink__hyphenate (h, "zz", w, strlen (w), 1, 1, 1, points), 2);
  CHECK_EQ_INT (points[1], 1);   /* after the first é (bytes 0-1) */
  CHECK_EQ_INT (points[4], 1);   /* after the second é (bytes 3-4) */
  CHECK_EQ_INT (points[7], 0);   /* the last é: right minimum */
  ink__hyphenator_destroy (h);
  remove (path);
}

int
main (void)
{
  if (ink_context_create (NULL, NULL, &ctx) != INK_OK)
    return 1;
  size_t base, peak;
  ink_context_memory (ctx, &base, &peak);
  if (ink__hyphenator_create (ctx, NULL, &hyph) != INK_OK)
    return 1;
  RUN (english);
  RUN (refused_words);
  RUN (multibyte);
  RUN (languages);
  RUN (own_directory);
  ink__hyphenator_destroy (hyph);
  size_t cur;
  ink_context_memory (ctx, &cur, &peak);
  CHECK_EQ_INT (cur, base);   /* the hyphenator gave back all it took */
  ink_context_destroy (ctx);
  return test_summary ();
}
