/* The property test's article generator: a small deterministic PRNG (xorshift64*) and
 * seeded pseudo-random articles in Markdown that mix the scripts of the bundled fonts and
 * every block kind (test_property.c says what they hold and what is checked). Include after
 * test.h. */
#ifndef INK_PROPGEN_H
#define INK_PROPGEN_H

/* ---- a small deterministic PRNG (xorshift64*) ---- */
typedef struct {
  uint64_t s;
} rng_t;

static uint32_t
rnd (rng_t *r)
{
  r->s ^= r->s >> 12;
  r->s ^= r->s << 25;
  r->s ^= r->s >> 27;
  return (uint32_t) ((r->s * 0x2545F4914F6CDD1Dull) >> 32);
}

static uint32_t
below (rng_t *r, uint32_t n)
{
  return n ? rnd (r) % n : 0;
}

/* ---- article generator ---- */
typedef struct {
  char *s;
  size_t n, cap;
} buf_t;

static void
put (buf_t *b, const char *s, size_t len)
{
  if (b->n + len + 1 > b->cap) {
    while (b->n + len + 1 > b->cap)
      b->cap = b->cap ? b->cap * 2 : 4096;
    b->s = realloc (b->s, b->cap);
  }
  memcpy (b->s + b->n, s, len);
  b->n += len;
  b->s[b->n] = 0;
}

static void
puts_ (buf_t *b, const char *s)
{
  put (b, s, strlen (s));
}

static void
put_cp (buf_t *b, uint32_t cp)
{
  char u[4];
  size_t n = ink__utf8_encode (cp, u);
  put (b, u, n);
}

enum { S_LATIN, S_ARABIC, S_URDU, S_HEBREW, S_DEVA, S_THAI, S_CJK, S_COUNT };
static const char *const script_lang[S_COUNT] = { "en", "ar", "ur", "he", "hi", "th", "zh-Hans" };

/* Common letters of each script (all drawn by the bundled fonts). */
static const uint32_t latin[] = { 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'k', 'l', 'm',
                                  'n', 'o', 'p', 'r', 's', 't', 'u', 'w', 'y', 0xE9, 0xFC,
                                  0xDF, 0xE7 };
static const uint32_t arabic[] = { 0x627, 0x628, 0x62A, 0x62C, 0x62D, 0x62F, 0x631, 0x633,
                                   0x639, 0x641, 0x642, 0x644, 0x645, 0x646, 0x647, 0x648, 0x64A };
static const uint32_t urdu[] = { 0x627, 0x628, 0x67E, 0x62A, 0x679, 0x62C, 0x686, 0x62F, 0x688,
                                 0x631, 0x691, 0x633, 0x6A9, 0x6AF, 0x644, 0x645, 0x646, 0x6C1,
                                 0x6CC, 0x6D2 };
static const uint32_t hebrew[] = { 0x5D0, 0x5D1, 0x5D2, 0x5D3, 0x5D4, 0x5D5, 0x5D9, 0x5DB, 0x5DC,
                                   0x5DE, 0x5E0, 0x5E1, 0x5E2, 0x5E4, 0x5E8, 0x5E9, 0x5EA };
static const uint32_t deva_cons[] = { 0x915, 0x917, 0x91A, 0x91C, 0x91F, 0x924, 0x926, 0x928,
                                      0x92A, 0x92C, 0x92E, 0x92F, 0x930, 0x932, 0x935, 0x938,
                                      0x939 };
static const uint32_t deva_sign[] = { 0x93E, 0x93F, 0x940, 0x941, 0x947, 0x948, 0x94B, 0x902 };
static const uint32_t thai[] = { 0xE01, 0xE04, 0xE07, 0xE08, 0xE15, 0xE17, 0xE19, 0xE1A, 0xE1B,
                                 0xE21, 0xE22, 0xE23, 0xE25, 0xE27, 0xE2A, 0xE2D, 0xE30, 0xE32,
                                 0xE34, 0xE35, 0xE38, 0xE40, 0xE48 };
static const uint32_t cjk[] = { 0x4E2D, 0x6587, 0x7684, 0x4E00, 0x662F, 0x4E0D, 0x4E86, 0x4EBA,
                                0x6211, 0x5728, 0x6709, 0x4ED6, 0x8FD9, 0x5927, 0x6765, 0x4E0A,
                                0x56FD, 0x5E74, 0x5B66, 0x751F };

#define PICK(r, arr) ((arr)[below ((r), sizeof (arr) / sizeof *(arr))])

typedef struct {
  bool emoji;   /* the article holds an emoji */
} gen_info_t;

/* A word of n letters in script sc; extras sprinkle marks, emoji, controls. */
static void
word (rng_t *r, buf_t *b, int sc, size_t n, gen_info_t *gi)
{
  for (size_t i = 0; i < n; i++) {
    switch (sc) {
    case S_LATIN: put_cp (b, PICK (r, latin)); break;
    case S_ARABIC: put_cp (b, PICK (r, arabic)); break;
    case S_URDU: put_cp (b, PICK (r, urdu)); break;
    case S_HEBREW: put_cp (b, PICK (r, hebrew)); break;
    case S_DEVA:
      put_cp (b, PICK (r, deva_cons));
      if (below (r, 2))
        put_cp (b, PICK (r, deva_sign));
      break;
    case S_THAI: put_cp (b, PICK (r, thai)); break;
    default: put_cp (b, PICK (r, cjk)); break;
    }
    if (sc == S_LATIN && below (r, 40) == 0)
      put_cp (b, below (r, 2) ? 0x301 : 0x308);   /* combining marks */
  }
  uint32_t x = below (r, 60);
  if (x == 0) {
    put_cp (b, 0x1F600);                           /* emoji: in no bundled font */
    gi->emoji = true;
  } else if (x == 1) {
    put_cp (b, 0x01 + below (r, 0x1E));            /* a C0 control, not tab or newline */
  } else if (x == 2) {
    put_cp (b, 0x7F);
  }
}

/* A run of words; script per word when mixed, else sc. */
static void
text (rng_t *r, buf_t *b, int sc, size_t words, bool mixed, gen_info_t *gi)
{
  for (size_t i = 0; i < words; i++) {
    int s = mixed && below (r, 3) == 0 ? (int) below (r, S_COUNT) : sc;
    if (i)
      puts_ (b, s == S_CJK || s == S_THAI ? (below (r, 4) ? "" : " ") : " ");
    size_t n = s == S_CJK ? 1 + below (r, 6) : 1 + below (r, 9);
    if (below (r, 50) == 0)
      n = 40 + below (r, 50);                     /* a very long word, no break in it */
    word (r, b, s, n, gi);
    if (below (r, 12) == 0)
      puts_ (b, below (r, 2) ? "," : ".");
  }
}

/* A front-matter value is one line: the control characters the generator strews may not
 * end it. */
static void
one_line (buf_t *b, size_t from)
{
  for (size_t i = from; i < b->n; i++)
    if (b->s[i] == '\n' || b->s[i] == '\r')
      b->s[i] = ' ';
}

static void
generate (uint64_t seed, buf_t *b, gen_info_t *gi)
{
  rng_t r = { seed * 0x9E3779B97F4A7C15ull + 1 };
  for (int i = 0; i < 4; i++)
    rnd (&r);
  int sc = (int) below (&r, S_COUNT);
  bool mixed = below (&r, 3) == 0;
  puts_ (b, "---\ntitle: ");
  size_t at = b->n;
  text (&r, b, sc, 1 + below (&r, 6), false, gi);
  one_line (b, at);
  puts_ (b, "\nlang: ");
  puts_ (b, script_lang[sc]);
  if (below (&r, 2)) {
    puts_ (b, "\ndeck: ");
    at = b->n;
    text (&r, b, sc, 3 + below (&r, 10), mixed, gi);
    one_line (b, at);
  }
  if (below (&r, 2)) {
    puts_ (b, "\nauthor: ");
    at = b->n;
    text (&r, b, sc, 2, false, gi);
    one_line (b, at);
  }
  puts_ (b, "\n---\n\n");
  size_t nblocks = 1 + below (&r, 7);
  for (size_t k = 0; k < nblocks; k++) {
    size_t words = 3 + below (&r, 25);
    if (below (&r, 20) == 0)
      words = 150 + below (&r, 150);              /* a very long paragraph */
    switch (below (&r, 10)) {
    case 0:
      puts_ (b, below (&r, 2) ? "## " : "### ");
      text (&r, b, sc, 1 + below (&r, 6), mixed, gi);
      break;
    case 1: {
      size_t items = 1 + below (&r, 4);
      bool numbered = below (&r, 2);
      for (size_t i = 0; i < items; i++) {
        if (i && below (&r, 3) == 0)
          puts_ (b, "   ");                       /* nested */
        char num[24];
        snprintf (num, sizeof num, "%zu. ", i + 1);
        puts_ (b, numbered ? num : "- ");
        text (&r, b, sc, 1 + below (&r, 10), mixed, gi);
        puts_ (b, "\n");
      }
      break;
    }
    case 2:
      puts_ (b, "> ");
      text (&r, b, sc, words, mixed, gi);
      break;
    case 3:
      puts_ (b, "> [!quote] ");
      text (&r, b, sc, 3 + below (&r, 12), mixed, gi);
      if (below (&r, 2)) {
        puts_ (b, "\n> \u2014 ");
        text (&r, b, sc, 2, false, gi);
      }
      break;
    case 4:
      puts_ (b, "> [!read] ");
      text (&r, b, sc, 2 + below (&r, 8), mixed, gi);
      break;
    case 5:
      puts_ (b, "> [!comment] ");
      text (&r, b, sc, 1 + below (&r, 2), false, gi);
      if (below (&r, 2)) {
        puts_ (b, " | ");
        text (&r, b, sc, 1 + below (&r, 3), false, gi);
      }
      puts_ (b, "\n> ");
      text (&r, b, sc, words, mixed, gi);
      if (below (&r, 2)) {
        puts_ (b, "\n>\n> > [!comment] ");
        text (&r, b, sc, 1, false, gi);
        puts_ (b, "\n> > ");
        text (&r, b, sc, 2 + below (&r, 10), mixed, gi);
      }
      break;
    case 6:
      puts_ (b, below (&r, 2) ? " \t " : "");      /* an empty paragraph */
      break;
    default:
      text (&r, b, sc, words, mixed, gi);
      break;
    }
    puts_ (b, "\n\n");
  }
}

#endif
