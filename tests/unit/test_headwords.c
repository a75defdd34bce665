/* Words of a head (a style that does not hyphenate, whole_words): broken only when wider
 * than the line, and then at the point that leaves the largest parts, as a make-up editor
 * breaks a German compound at a joint ("Offshorewindenergie-|anlagenmontagehafen"), not
 * inside a word part ("Offshorewindener-|gieanlagenmontagehafen"); a name is broken at its
 * own hyphen only when no break between words will do. */
#include "test.h"
#include "paraenv.h"

/* text set in lines of measure px (serif at size px) as a head is: not hyphenated, its
 * words whole. */
static ink_status_t
set_head (env_t *e, const char *text, const char *lang, float size, int32_t measure_px,
          ink__shaped_t *sh, ink__para_t *p, ink__text_style_t *style)
{
  int32_t measure = measure_px * 64;
  ink__para_opts_t po = { 0 };
  po.lang = lang;
  po.align = INK_PARA_START;
  po.widths = &measure;
  po.nwidths = 1;
  po.hyphenator = e->hy;
  po.whole_words = true;
  return set_with (e, text, lang, e->serif, size, &po, sh, p, style);
}

/* The letters of text before the first line's end. */
static size_t
first_part (const char *text, const ink__para_t *p)
{
  size_t n = 0;
  for (size_t b = 0; b < p->lines.v[0].end; b++)
    n += ((unsigned char) text[b] & 0xC0) != 0x80;
  return n;
}

/* A word wider than the measure and narrower than two lines breaks once, at the point
 * nearest its middle: "Offshorewindenergie" (19 letters) | "anlagenmontagehafen", at every
 * measure that holds either half and a hyphen. */
TEST (head_word_breaks_at_largest_parts)
{
  static const char word[] = "Offshorewindenergieanlagenmontagehafen";
  env_t e;
  CHECK (env_open (&e));
  for (int w = 340; w <= 500; w += 20) {
    ink__shaped_t sh;
    ink__para_t p;
    ink__text_style_t st;
    CHECK_EQ_INT (set_head (&e, word, "de", 30, w, &sh, &p, &st), INK_OK);
    CHECK_EQ_INT (p.lines.n, 2);
    CHECK (p.lines.v[0].hyphenated);
    if (p.lines.n == 2 && first_part (word, &p) != 19)
      fprintf (stderr, "  at %d px: first line ends after %zu letters\n", w, first_part (word, &p));
    CHECK_EQ_INT (first_part (word, &p), 19);
    unset (&sh, &p);
  }
  env_close (&e);
}

/* A head breaks a name at its own hyphen ("Basse-|Chaîne") only when no break between
 * words sets its lines: at no measure from 300 to 900 px. */
TEST (head_keeps_hyphenated_name)
{
  static const char text[] =
    "À Angers, le pont de la Basse-Chaîne fermé aux voitures pendant dix-huit mois";
  const char *name = strstr (text, "Basse-") + strlen ("Basse-");
  env_t e;
  CHECK (env_open (&e));
  for (int w = 300; w <= 900; w += 10) {
    ink__shaped_t sh;
    ink__para_t p;
    ink__text_style_t st;
    CHECK_EQ_INT (set_head (&e, text, "fr", 30, w, &sh, &p, &st), INK_OK);
    for (size_t k = 0; k + 1 < p.lines.n; k++) {
      if (p.lines.v[k].end == (size_t) (name - text))
        fprintf (stderr, "  at %d px: line %zu ends at \"Basse-\"\n", w, k);
      CHECK (p.lines.v[k].end != (size_t) (name - text));
    }
    unset (&sh, &p);
  }
  env_close (&e);
}

int
main (void)
{
  RUN (head_word_breaks_at_largest_parts);
  RUN (head_keeps_hyphenated_name);
  return test_summary ();
}
