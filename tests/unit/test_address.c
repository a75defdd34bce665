/* Web and e-mail addresses and compounds in running text: what each word is, where addresses
 * break, and that the paragraph builder breaks them without a hyphen. */
#include "breaks.h"
#include "para.h"
#include "test.h"

static ink_context_t *ctx;

TEST (word_kinds)
{
  static const struct { const char *word; ink__word_kind_t kind; } cases[] = {
    {"https://example.org/catalogue", INK_WORD_ADDRESS},
    {"(http://x.y/z),", INK_WORD_ADDRESS},
    {"www.example.org", INK_WORD_ADDRESS},
    {"example.org/catalogue", INK_WORD_ADDRESS},
    {"news.example.co.uk/bilingual-editions.", INK_WORD_ADDRESS},
    {"desk@example.org", INK_WORD_ADDRESS},
    {"desk@example.org.", INK_WORD_ADDRESS},
    {"bilingual-editions", INK_WORD_COMPOUND},
    {"and/or", INK_WORD_COMPOUND},
    {"Leipzig\xE2\x80\x90" "Connewitz", INK_WORD_COMPOUND},
    {"Straßen-Bahn", INK_WORD_COMPOUND},
    {"catalogue", INK_WORD_PLAIN},
    {"e.g.", INK_WORD_PLAIN},
    {"1.5/2", INK_WORD_PLAIN},
    {"U.S./Canada", INK_WORD_PLAIN},
    {"@handle", INK_WORD_PLAIN},
    {"-5", INK_WORD_PLAIN},
    {"1990-2000", INK_WORD_PLAIN},
    {"", INK_WORD_PLAIN},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
    if (ink__word_kind (cases[i].word, strlen (cases[i].word)) != cases[i].kind) {
      fprintf (stderr, "case %zu: \"%s\"\n", i, cases[i].word);
      CHECK (0);
    }
}

/* The opportunities inside an address: after / . - _ @ ? & = before a letter or digit. */
TEST (address_breaks)
{
  const char *t = "see https://news.example.org/cat_alogue-x?a=1&b=2 or desk@example.org now";
  size_t len = strlen (t);
  uint8_t brks[128];
  CHECK_EQ_INT (ink__breaks (ctx, t, len, "en", brks), INK_OK);
  char got[128], want[128];
  size_t n = 0;
  for (size_t i = 0; i < len; i++)
    if (brks[i] == INK_BRK_ALLOW)
      got[n++] = t[i], got[n++] = '|';
    else
      got[n++] = t[i];
  got[n] = '\0';
  snprintf (want, sizeof want, "%s",
            "see |https://|news.|example.|org/|cat_|alogue-|x?|a=|1&|b=|2 |or |desk@|example.|org |now");
  CHECK_EQ_STR (got, want);
}

/* An address set in a narrow justified column: the lines break inside it after its own
 * punctuation, and no line is hyphenated, neither in the address nor in the compound. */
TEST (no_hyphen_in_addresses)
{
  ink_fontset_t *fs;
  ink__hyphenator_t *hy;
  ink__face_t *face;
  CHECK_EQ_INT (ink_fontset_create (ctx, INK_SOURCE_DIR "/fonts", &fs), INK_OK);
  CHECK_EQ_INT (ink__hyphenator_create (ctx, NULL, &hy), INK_OK);
  CHECK_EQ_INT (ink__fontset_face (fs, "NotoSerif-Regular.ttf", &face), INK_OK);
  const char *text = "The catalogue of bilingual-editions is at "
                     "https://publishing.example.org/catalogue/bilingual-editions/unabridged?"
                     "collection=international&language=everything or from "
                     "subscriptions@publishing.example.org, the publishers said.";
  size_t len = strlen (text), broken_inside = 0;
  for (int w = 240; w <= 400; w += 20) {
    ink__text_style_t style = { 0 };
    style.face = face;
    style.size_px = 18;
    ink__style_range_t r = { 0, len, &style, NULL };
    ink__shape_opts_t so = { "en", 0, NULL, NULL, 0 };
    ink__shaped_t sh;
    CHECK_EQ_INT (ink__shape_paragraph (ctx, fs, text, len, &r, 1, &so, &sh), INK_OK);
    int32_t measure = w * 64;
    ink__para_opts_t po = { 0 };
    po.lang = "en";
    po.align = INK_PARA_JUSTIFY;
    po.hyphenate = true;
    po.widths = &measure;
    po.nwidths = 1;
    po.hyphenator = hy;
    ink__para_t p;
    CHECK_EQ_INT (ink__para_build (ctx, &sh, &po, &p), INK_OK);
    for (size_t k = 0; k < p.lines.n; k++) {
      const ink__line_t *l = &p.lines.v[k];
      CHECK (!l->hyphenated);
      if (l->end < len && text[l->end] != ' ') {
        CHECK (strchr ("/.-_@?&=", text[l->end - 1]) != NULL);
        broken_inside++;
      }
    }
    ink__para_free (&p);
    ink__shaped_free (&sh);
  }
  CHECK (broken_inside > 10);
  ink__hyphenator_destroy (hy);
  ink_fontset_destroy (fs);
}

int
main (void)
{
  if (ink_context_create (NULL, NULL, &ctx) != INK_OK)
    return 1;
  RUN (word_kinds);
  RUN (address_breaks);
  RUN (no_hyphen_in_addresses);
  ink_context_destroy (ctx);
  return test_summary ();
}
