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
  /* A pattern file in a caller's folder: a point after every é; its LEFTHYPHENMIN 3 and, for
   * a language lib/text/hyphen.c does not list, TeX's right minimum of 3 hold. */
  const char *dir = INK_BINARY_DIR;
  char path[1024];
  snprintf (path, sizeof path, "%s/hyph_zz.dic", dir);
  FILE *f = fopen (path, "wb");
  CHECK (f != NULL);
  if (!f)
    return;
  fputs ("UTF-8\nLEFTHYPHENMIN 3\nRIGHTHYPHENMIN 1\né1\n", f);
  fclose (f);
  const char *dirs[] = {"/nonexistent", dir, NULL};
  ink__hyphenator_t *h;
  CHECK_EQ_INT (ink__hyphenator_create (ctx, dirs, &h), INK_OK);
  uint8_t points[32];
  const char *w = "éaéaéaéaé";
  CHECK_EQ_INT (ink__hyphenate (h, "zz", w, strlen (w), 1, 1, 1, points), 2);
  CHECK_EQ_INT (points[1], 0);   /* after the first é: left minimum */
  CHECK_EQ_INT (points[4], 1);   /* after the second é (bytes 3-4) */
  CHECK_EQ_INT (points[7], 1);   /* after the third (bytes 6-7) */
  CHECK_EQ_INT (points[10], 0);  /* two letters after it: right minimum */
  CHECK_EQ_INT (ink__hyphen_patterns (h, "zz"), INK_HYPH_PATTERNS);
  ink__hyphenator_destroy (h);
  remove (path);
}

TEST (lent_patterns)
{
  /* Pattern files lent from memory (read-only: the clean-up must copy them) come before the
   * folders: en_US's own file is not read once one is lent. */
  static const char zz[] = "UTF-8\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\nb1\n";
  static const char en[] = "UTF-8\nhyp1h\n";
  ink__hyphenator_t *h;
  CHECK_EQ_INT (ink__hyphenator_create (ctx, NULL, &h), INK_OK);
  CHECK_EQ_INT (ink__hyphenator_lend (h, "zz", zz, sizeof zz - 1), INK_OK);
  CHECK_EQ_INT (ink__hyphenator_lend (h, "en_US", en, sizeof en - 1), INK_OK);
  CHECK_EQ_INT (ink__hyphenator_lend (h, "zz", zz, sizeof zz - 1), INK_INVALID);
  CHECK_EQ_INT (ink__hyphenator_lend (h, "en-US", en, sizeof en - 1), INK_INVALID);
  CHECK_EQ_INT (ink__hyphenator_lend (h, "../x", en, sizeof en - 1), INK_INVALID);
  CHECK_EQ_INT (ink__hyphenator_lend (h, "en_us", en, sizeof en - 1), INK_INVALID);
  ink__hyphenator_t *saved = hyph;
  hyph = h;
  /* zz is no language hyphen.c knows: TeX's right minimum of 3 holds over the file's 1. */
  CHECK_EQ_STR (hyphenated ("zz", "ababab", 1, 1, 1), "ab-abab");
  CHECK_EQ_STR (hyphenated ("en-US", "hyphenation", 5, 0, 0), "hyp-henation");
  CHECK_EQ_STR (hyphenated ("en", "hyphenation", 5, 0, 0), "hyp-henation");   /* en's usual */
  hyph = saved;
  /* A key used already cannot be lent: "fr" text looked for fr_FR, French's usual file. */
  CHECK_EQ_INT (ink__hyphenator_lend (h, "de", en, sizeof en - 1), INK_OK);
  ink__hyphenate (h, "fr", "bonjour", 7, 5, 0, 0, (uint8_t[8]) { 0 });
  CHECK_EQ_INT (ink__hyphenator_lend (h, "fr_FR", en, sizeof en - 1), INK_INVALID);
  ink__hyphenator_destroy (h);
}

/* Debian's pattern files in 8-bit charsets (German ISO 8859-1, Russian KOI8-R, Greek ISO
 * 8859-7) and in UTF-8 (French), with each language's minimums (0: the language's own). */
TEST (debian_languages)
{
  CHECK_EQ_STR (hyphenated ("de", "Elektrizitätswerke", 0, 0, 0), "Elek-tri-zi-täts-wer-ke");
  CHECK_EQ_STR (hyphenated ("de-DE", "Straßenbahnhaltestelle", 0, 0, 0), "Stra-ßen-bahn-hal-te-stel-le");
  CHECK_EQ_STR (hyphenated ("de-AT", "Übergangslösung", 0, 0, 0), "Über-gangs-lö-sung");
  CHECK_EQ_STR (hyphenated ("fr", "correspondance", 0, 0, 0), "cor-res-pon-dance");
  CHECK_EQ_STR (hyphenated ("ru", "электрификация", 0, 0, 0), "элек-три-фи-ка-ция");
  CHECK_EQ_STR (hyphenated ("ru", "Трамвайный", 0, 0, 0), "Трам-вай-ный");
  CHECK_EQ_STR (hyphenated ("el", "σιδηροδρομικός", 0, 0, 0), "σι-δη-ρο-δρο-μι-κός");
  CHECK_EQ_STR (hyphenated ("el", "Θεσσαλονίκη", 0, 0, 0), "Θεσ-σα-λο-νί-κη");
  CHECK_EQ_STR (hyphenated ("es", "electrificación", 0, 0, 0), "elec-tri-fi-ca-ción");
  CHECK_EQ_STR (hyphenated ("it", "elettrificazione", 0, 0, 0), "elet-tri-fi-ca-zio-ne");
  CHECK_EQ_STR (hyphenated ("nl", "elektrificatie", 0, 0, 0), "elek-tri-fi-ca-tie");
  CHECK_EQ_STR (hyphenated ("pt", "eletrificação", 0, 0, 0), "ele-tri-fi-ca-ção");
  CHECK_EQ_STR (hyphenated ("pl", "elektryfikacja", 0, 0, 0), "elek-try-fi-ka-cja");
  CHECK_EQ_STR (hyphenated ("no", "jernbanestasjon", 0, 0, 0), "jern-bane-sta-sjon");
  CHECK_EQ_STR (hyphenated ("en", "hyphenation", 0, 0, 0), "hy-phen-ation");
  CHECK_EQ_STR (hyphenated ("en", "ahead", 0, 0, 0), "ahead");
  CHECK_EQ_INT (ink__hyphen_patterns (hyph, "de"), INK_HYPH_PATTERNS);
  CHECK_EQ_INT (ink__hyphen_patterns (hyph, "el-GR"), INK_HYPH_PATTERNS);
  CHECK_EQ_INT (ink__hyphen_patterns (hyph, "ar"), INK_HYPH_NEVER);
  CHECK_EQ_INT (ink__hyphen_patterns (hyph, "zh-Hans"), INK_HYPH_NEVER);
  CHECK_EQ_INT (ink__hyphen_patterns (hyph, "th"), INK_HYPH_NEVER);
  CHECK_EQ_INT (ink__hyphen_patterns (hyph, "xx"), INK_HYPH_MISSING);
  CHECK_EQ_INT (ink__hyphen_patterns (hyph, NULL), INK_HYPH_MISSING);
}

/* Long compounds hyphenate along their whole length, not only near their start. */
TEST (long_compounds)
{
  CHECK_EQ_STR (hyphenated ("de", "Landesbauordnungsdurchführungsverwaltungsvorschrift", 0, 0, 0),
                "Lan-des-bau-ord-nungs-durch-füh-rungs-ver-wal-tungs-vor-schrift");
  CHECK_EQ_STR (hyphenated ("de", "Heizungsmodernisierungszuschussformular", 0, 0, 0),
                "Hei-zungs-mo-der-ni-sie-rungs-zu-schuss-for-mu-lar");
}

/* The pattern file as libhyphen gets it: the last of each pattern (same letters, same
 * NEXTLEVEL section), without '#' comments or empty lines; keywords and '%' kept. */
TEST (patterns_dedup)
{
  char buf[] = "UTF-8\n# note\nLEFTHYPHENMIN 2\n\nher1ab1\n% c\na1b\nher1ab\n  \n"
               "NEXTLEVEL\na1b\n-8ar3dent-\n-ar3dent-";
  size_t n = ink__patterns_dedup (ctx, buf, strlen (buf));
  buf[n] = '\0';
  CHECK_EQ_STR (buf, "UTF-8\nLEFTHYPHENMIN 2\n% c\na1b\nher1ab\nNEXTLEVEL\na1b\n-ar3dent-");
  char same[] = "UTF-8\nab1c\nb1c";
  CHECK_EQ_INT (ink__patterns_dedup (ctx, same, strlen (same)), strlen (same));
}

/* Many patterns over two letters, so most keys repeat and the table's probes collide, in
 * three NEXTLEVEL sections: what is kept equals a line kept when no later line of its
 * section has its letters, checked line by line. */
TEST (patterns_dedup_many)
{
  static char buf[64 * 1024], want[64 * 1024];
  char *lines[4000];
  size_t lens[4000], keys[4000], sect[4000], n = 0, len = 0;
  uint32_t seed = 7;
  len += (size_t) sprintf (buf, "UTF-8\n");
  for (size_t s = 0; s < 3; s++) {
    if (s)
      len += (size_t) sprintf (buf + len, "NEXTLEVEL\n");
    for (size_t i = 0; i < 1200; i++, n++) {
      seed = seed * 1664525u + 1013904223u;
      unsigned nl = 1 + (seed >> 28) % 6, key = 0;
      lines[n] = buf + len;
      for (unsigned c = 0; c < nl; c++) {
        unsigned bit = (seed >> (8 + c)) & 1;
        key = key * 2 + bit + 1;
        if ((seed >> (16 + c)) & 1)
          buf[len++] = (char) ('1' + c % 9);
        buf[len++] = bit ? 'b' : 'a';
      }
      buf[len++] = '\n';
      lens[n] = (size_t) (buf + len - lines[n]);
      keys[n] = key, sect[n] = s;
    }
  }
  size_t wlen = 0, lv = 0;
  wlen += (size_t) sprintf (want, "UTF-8\n");
  for (size_t i = 0; i < n; i++) {
    if (sect[i] != lv)
      wlen += (size_t) sprintf (want + wlen, "NEXTLEVEL\n"), lv = sect[i];
    bool later = false;
    for (size_t j = i + 1; j < n && sect[j] == sect[i] && !later; j++)
      later = keys[j] == keys[i];
    if (!later)
      memcpy (want + wlen, lines[i], lens[i]), wlen += lens[i];
  }
  size_t out = ink__patterns_dedup (ctx, buf, len);
  CHECK (wlen < len);
  CHECK (out == wlen && memcmp (buf, want, wlen) == 0);
}

/* Indic words keep two aksharas (grapheme clusters) each side of a hyphen, and no hyphen
 * cuts a letter from its nukta or vowel sign. */
TEST (indic_clusters)
{
  static const struct { const char *lang, *word; } whole[] = {
    { "bn", "একটি" }, { "bn", "সময়" }, { "bn", "যায়" }, { "bn", "কিন্তু" },
    { "ta", "வைத்து" }, { "ta", "திரும்பி" },
  };
  for (size_t i = 0; i < sizeof whole / sizeof *whole; i++)
    CHECK_EQ_STR (hyphenated (whole[i].lang, whole[i].word, 0, 0, 0), whole[i].word);
  uint8_t points[64];
  const char *w = "பறவைகளின்";   /* ப, ற, வை, க, ளி, ன் */
  CHECK (ink__hyphenate (hyph, "ta", w, strlen (w), 0, 0, 0, points) > 0);
  uint8_t g[64];
  ink__graphemes (w, strlen (w), g);
  for (size_t k = 0; k < strlen (w); k++)
    CHECK (!points[k] || g[k]);
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
  RUN (lent_patterns);
  RUN (debian_languages);
  RUN (long_compounds);
  RUN (patterns_dedup);
  RUN (patterns_dedup_many);
  RUN (indic_clusters);
  ink__hyphenator_destroy (hyph);
  size_t cur;
  ink_context_memory (ctx, &cur, &peak);
  CHECK_EQ_INT (cur, base);   /* the hyphenator gave back all it took */
  ink_context_destroy (ctx);
  return test_summary ();
}
