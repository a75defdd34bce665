/* The paragraph builder on words too wide for the measure, with the bundled fonts: the
 * emergency pass breaks them at hyphenation points where it can, leaves two letters either
 * side of a hyphen, breaks figures bare, keeps every piece (a word of a million letters too,
 * its width past 2^31 in 1/64 px never wrapping), and reports a measure narrower than one
 * letter as overfull lines. Paragraphs that fit are in test_para.c. */
#include "test.h"
#include "paraenv.h"

/* A figure too wide for the measure ("14.500" in a narrow table cell) is broken without a
 * hyphen, which would read as a minus or a range; a word of letters keeps its hyphen. */
TEST (overlong_figure_breaks_bare)
{
  static const char text[] = "Cost 123456789012345678901234567890 euros.";
  env_t e;
  CHECK (env_open (&e));
  ink__shaped_t sh;
  ink__para_t p;
  ink__text_style_t st;
  CHECK_EQ_INT (set (&e, text, "en", e.serif, 20, INK_PARA_START, false, 120, 0, &sh, &p, &st),
                INK_OK);
  check_conserved (&sh, &p);
  size_t w0 = strstr (text, "1234") - text, w1 = strstr (text, " euros") - text, inside = 0;
  for (size_t i = 0; i < p.lines.n; i++) {
    const ink__line_t *l = &p.lines.v[i];
    if (l->end > w0 && l->end < w1) {
      inside++;
      CHECK (!l->hyphenated);
    }
  }
  CHECK (inside >= 2);
  unset (&sh, &p);
  env_close (&e);
}

/* A word longer than the measure is broken at cluster boundaries (the emergency pass) and
 * every piece is kept; a measure narrower than one letter gives overfull lines, reported. */
TEST (overlong_word)
{
  static const char text[] =
    "The word pneumonoultramicroscopicsilicovolcanoconiosis is long.";
  env_t e;
  CHECK (env_open (&e));
  ink__shaped_t sh;
  ink__para_t p;
  ink__text_style_t st;
  CHECK_EQ_INT (set (&e, text, "en", e.serif, 20, INK_PARA_JUSTIFY, false, 120, 0, &sh, &p, &st),
                INK_OK);
  check_conserved (&sh, &p);
  CHECK (p.pass >= 4);
  size_t w0 = strstr (text, "pneumono") - text, w1 = strstr (text, " is") - text;
  size_t pieces = 0;
  for (size_t i = 0; i < p.lines.n; i++) {
    const ink__line_t *l = &p.lines.v[i];
    if (l->start >= w0 && l->end <= w1)
      pieces++;
    /* English hyphenates: a line that ends inside the word shows a hyphen. */
    CHECK (l->hyphenated == (l->end > w0 && l->end < w1));
    CHECK (l->width <= 120 * 64 + 64 || l->overfull);
  }
  CHECK (pieces >= 2);
  /* Every glyph is on a line, but for the spaces the lines broke at. */
  size_t glyphs = 0, at_breaks = 0;
  for (size_t i = 0; i < p.lines.n; i++) {
    glyphs += p.lines.v[i].nglyphs - p.lines.v[i].hyphenated;
    if (p.lines.v[i].end < sh.len && text[p.lines.v[i].end] == ' ')
      at_breaks++;
  }
  CHECK_EQ_INT (glyphs, sh.glyphs.n - at_breaks);
  unset (&sh, &p);

  /* 8px: no letter fits. Every letter still gets a line; the lines are overfull. */
  CHECK_EQ_INT (set (&e, "Wombat", "en", e.serif, 20, INK_PARA_START, false, 8, 0, &sh, &p, &st),
                INK_OK);
  check_conserved (&sh, &p);
  CHECK_EQ_INT (p.lines.n, 6);
  CHECK (p.overfull > 0);
  size_t flagged = 0;
  for (size_t i = 0; i < p.lines.n; i++)
    flagged += p.lines.v[i].overfull;
  CHECK_EQ_INT (flagged, p.overfull);
  unset (&sh, &p);
  env_close (&e);
}

/* A long compound breaks at its hyphenation points, with a hyphen, whether or not the style
 * hyphenates (a head breaks there only when the word is too wide for the line). */
TEST (long_compound)
{
  static const char text[] =
    "Die Landesbauordnungsdurchführungsverwaltungsvorschrift und die "
    "Heizungsmodernisierungszuschussformulare fallen weg.";
  env_t e;
  CHECK (env_open (&e));
  for (int hyph = 0; hyph < 2; hyph++)
    for (int w = 150; w <= 330; w += 30) {
      ink__shaped_t sh;
      ink__para_t p;
      ink__text_style_t st;
      ink__para_align_t al = hyph ? INK_PARA_JUSTIFY : INK_PARA_START;
      if (set (&e, text, "de", e.serif, 20, al, hyph, w, 0, &sh, &p, &st) != INK_OK) {
        CHECK (0);
        continue;
      }
      check_conserved (&sh, &p);
      for (size_t i = 0; i + 1 < p.lines.n; i++) {
        const ink__line_t *l = &p.lines.v[i];
        if (sh.text[l->end] == ' ' || sh.text[l->end - 1] == ' ')
          continue;
        /* Inside a word: at one of its points, with a hyphen. */
        CHECK (l->hyphenated);
        CHECK (at_hyphen_point (&e, "de", &sh, l->end));
      }
      unset (&sh, &p);
    }
  env_close (&e);
}

/* A word whose width passes 2^31 in 1/64 px (a million W at 40 px: about 2.4e9) is still
 * broken by the emergency pass into lines within the measure; its width never wraps into
 * a negative one that "fits" on one line. */
TEST (huge_word)
{
  enum { N = 1000000 };
  char *text = malloc (N + 1);
  CHECK (text != NULL);
  if (!text)
    return;
  memset (text, 'W', N);
  text[N] = 0;
  env_t e;
  CHECK (env_open (&e));
  ink__shaped_t sh;
  ink__para_t p;
  ink__text_style_t st;
  CHECK_EQ_INT (set (&e, text, "en", e.serif, 40, INK_PARA_START, false, 4000, 0, &sh, &p, &st),
                INK_OK);
  check_conserved (&sh, &p);
  int64_t total = 0;
  for (size_t i = 0; i < sh.glyphs.n; i++)
    total += sh.glyphs.v[i].advance;
  CHECK (total > INT32_MAX);
  size_t glyphs = 0;
  for (size_t i = 0; i < p.lines.n; i++) {
    const ink__line_t *l = &p.lines.v[i];
    CHECK (l->width > 0 && l->width <= 4000 * 64 + 64);
    CHECK (!l->overfull);
    glyphs += l->nglyphs - l->hyphenated;
  }
  CHECK_EQ_INT (glyphs, N);
  CHECK_EQ_INT (p.overfull, 0);
  CHECK ((int64_t) p.lines.n >= total / (4000 * 64));
  unset (&sh, &p);
  env_close (&e);
  free (text);
}

/* A word too wide for the line breaks at its hyphenation points in the emergency pass, in
 * a style that hyphenates and in one that does not: a break between two letters elsewhere
 * shows a hyphen too and keeps the rules of hyphens, and costs more ("Jähr-liche", not
 * "Jäh-rliche"; "Heiz-kosten", not "Hei-zkosten"). */
TEST (emergency_pass_takes_points)
{
  static const char *const words[] = { "Jährliche", "Investition", "Heizkosten",
                                       "Luftwasserwärmepumpe", "Kohlendioxidausstoß" };
  env_t e;
  CHECK (env_open (&e));
  for (int hyphenate = 0; hyphenate < 2; hyphenate++)
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
      for (int w = 80; w <= 100; w += 20) {
        ink__shaped_t sh;
        ink__para_t p;
        ink__text_style_t st;
        size_t n = strlen (words[i]);
        uint8_t points[32];
        ink__hyphenate (e.hy, "de", words[i], n, 0, 0, 0, points);
        CHECK_EQ_INT (set (&e, words[i], "de", e.serif, 20, INK_PARA_START, hyphenate, w, 0,
                           &sh, &p, &st), INK_OK);
        for (size_t k = 0; k + 1 < p.lines.n; k++) {
          CHECK (p.lines.v[k].hyphenated);
          CHECK (points[p.lines.v[k].end - 1]);
        }
        unset (&sh, &p);
      }
  env_close (&e);
}

/* An emergency break that shows a hyphen leaves two letters at least on either side: a
 * Russian word in a measure narrower than its pieces between hyphenation points (but wide
 * enough for two letters and a hyphen) never leaves a one-letter piece ("Воз-рас-т",
 * "Уче-нико-в"). */
TEST (emergency_leaves_two_letters)
{
  static const char *const words[] = { "Возраст", "Учеников", "мальчиков", "соцсетей", "Узнали" };
  env_t e;
  CHECK (env_open (&e));
  for (size_t i = 0; i < sizeof words / sizeof *words; i++)
    for (int w = 48; w <= 80; w += 4) {
      ink__shaped_t sh;
      ink__para_t p;
      ink__text_style_t st;
      const char *t = words[i];
      CHECK_EQ_INT (set (&e, t, "ru", e.serif, 20, INK_PARA_START, false, w, 0, &sh, &p, &st),
                    INK_OK);
      for (size_t k = 0; k < p.lines.n; k++) {
        size_t letters = 0;
        for (size_t b = p.lines.v[k].start; b < p.lines.v[k].end; b++)
          letters += ((unsigned char) t[b] & 0xC0) != 0x80;
        if (letters < 2)
          fprintf (stderr, "  %s at %d px: line %zu has %zu letter(s)\n", t, w, k, letters);
        CHECK (letters >= 2);
      }
      unset (&sh, &p);
    }
  env_close (&e);
}

int
main (void)
{
  RUN (overlong_word);
  RUN (overlong_figure_breaks_bare);
  RUN (emergency_pass_takes_points);
  RUN (emergency_leaves_two_letters);
  RUN (long_compound);
  RUN (huge_word);
  return test_summary ();
}
