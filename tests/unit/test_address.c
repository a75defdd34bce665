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
    {"@handle", INK_WORD_TAG},
    {"#Bürokratieabbau", INK_WORD_TAG},
    {"#LandtagLiveTickerJuli2026,", INK_WORD_TAG},
    {"(#inkset)", INK_WORD_TAG},
    {"#1", INK_WORD_PLAIN},
    {"#", INK_WORD_PLAIN},
    {"@", INK_WORD_PLAIN},
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

/* A tag's points: before a capital after a small letter, between letters and digits, after
 * an underscore; never after its '#'. */
TEST (tag_points)
{
  static const struct { const char *tag, *want; } cases[] = {
    {"#LandtagLiveTickerJuli2026", "#Landtag|Live|Ticker|Juli|2026"},
    {"#Bürokratieabbau", "#Bürokratieabbau"},
    {"@inkset_news", "@inkset_|news"},
    {"#ÜberÄrger", "#Über|Ärger"},
    {"#G20Gipfel", "#G|20|Gipfel"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    const char *t = cases[i].tag;
    size_t len = strlen (t), n = 0;
    uint8_t points[64];
    ink__tag_points (NULL, "de", t, len, points);
    char got[128];
    for (size_t k = 0; k < len; k++) {
      got[n++] = t[k];
      if (points[k])
        got[n++] = '|';
    }
    got[n] = '\0';
    CHECK_EQ_STR (got, cases[i].want);
  }
}

/* A figure's extent: its digits and the marks between two of them. */
TEST (figure_extent)
{
  static const struct { const char *text; size_t at, end; } cases[] = {
    {"1,412.5 km", 0, 7}, {"58\xC2\xA0" "412", 0, 7}, {"2025/26", 0, 4}, {"ZÜV-0001.", 5, 9},
    {"1.", 0, 1}, {"abc", 0, 0}, {"\xDB\xB1\xDB\xB2", 0, 4},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
    CHECK_EQ_INT (ink__figure_end (cases[i].text, strlen (cases[i].text), cases[i].at),
                  cases[i].end);
}

/* Lines of text set justified, hyphenating, in German at 14 px (a pocket panel's column), at
 * each measure of 150 to 290 px: calls back each line but the last. */
typedef void (*line_fn) (const char *text, const ink__line_t *l, int w);

static void
set_narrow (const char *text, line_fn fn)
{
  ink_fontset_t *fs;
  ink__hyphenator_t *hy;
  ink__face_t *face;
  CHECK_EQ_INT (ink_fontset_create (ctx, INK_SOURCE_DIR "/fonts", &fs), INK_OK);
  CHECK_EQ_INT (ink__hyphenator_create (ctx, NULL, &hy), INK_OK);
  CHECK_EQ_INT (ink__fontset_face (fs, "NotoSerif-Regular.ttf", &face), INK_OK);
  size_t len = strlen (text);
  for (int w = 150; w <= 290; w += 10) {
    ink__text_style_t style = { 0 };
    style.face = face;
    style.size_px = 14;
    ink__style_range_t r = { 0, len, &style, NULL };
    ink__shape_opts_t so = { "de", 0, NULL, NULL, 0 };
    ink__shaped_t sh;
    CHECK_EQ_INT (ink__shape_paragraph (ctx, fs, text, len, &r, 1, &so, &sh), INK_OK);
    int32_t measure = w * 64;
    ink__para_opts_t po = { 0 };
    po.lang = "de";
    po.align = INK_PARA_JUSTIFY;
    po.hyphenate = true;
    po.widths = &measure;
    po.nwidths = 1;
    po.hyphenator = hy;
    ink__para_t p;
    CHECK_EQ_INT (ink__para_build (ctx, &sh, &po, &p), INK_OK);
    for (size_t k = 0; k + 1 < p.lines.n; k++)
      fn (text, &p.lines.v[k], w);
    ink__para_free (&p);
    ink__shaped_free (&sh);
  }
  ink__hyphenator_destroy (hy);
  ink_fontset_destroy (fs);
}

static size_t tag_cuts;

/* A line that ends inside a tag: no hyphen, and at one of its points where the part between
 * two of them fits the line. */
static void
tag_line (const char *text, const ink__line_t *l, int w)
{
  if (text[l->end] == ' ')
    return;
  fprintf (stderr, "  %d px: \"%.*s\"%s\n", w, (int) (l->end - l->start), text + l->start,
           l->hyphenated ? " (hyphenated)" : "");
  CHECK (!l->hyphenated);
  /* Each part of this tag fits the line: it is cut at its capitals or before its digits. */
  const char *tag = strstr (text, "#LandtagLive");
  size_t s = (size_t) (tag - text), e = s + strlen ("#LandtagLiveTickerSondersitzungJuli2026");
  if (l->end > s && l->end < e)
    CHECK ((text[l->end] >= 'A' && text[l->end] <= 'Z') ||
           (text[l->end] == '2' && text[l->end - 1] == 'i'));
  tag_cuts++;
}

/* Hashtags are names: never hyphenated by the patterns, cut (in a column too narrow for one)
 * at an internal capital with nothing added, and only a part wider than the line at its
 * syllables ("#Grundstücks" / "verkehrs..."). */
TEST (tags_not_hyphenated)
{
  tag_cuts = 0;
  set_narrow ("Der Landtag tagt. #Bürokratieabbau #LandtagLiveTickerSondersitzungJuli2026 "
              "#Grundstücksverkehrsgenehmigungszuständigkeit @landtag_pressestelle", tag_line);
  CHECK (tag_cuts > 0);
}

static size_t figure_cuts;

static bool
digit (char c)
{
  return c >= '0' && c <= '9';
}

/* A line may not end inside a figure narrower than the line (its digits on both sides). */
static void
figure_line (const char *text, const ink__line_t *l, int w)
{
  /* Below 170 px the twenty-digit figure with its comma (about 160 px) is cut: it must be. */
  if (w < 170 || l->end == 0 || !digit (text[l->end - 1]) || !digit (text[l->end]))
    return;
  fprintf (stderr, "  %d px: \"%.*s\" / \"%.12s\"\n", w, (int) (l->end - l->start),
           text + l->start, text + l->end);
  figure_cuts++;
}

/* A file number with a long figure in a narrow justified column: the figure, which fits a
 * line, goes whole to the next line ("ZÜV-" / "0000…1"), not "ZÜV-000…0" / "0000001". */
TEST (figures_kept_whole)
{
  figure_cuts = 0;
  set_narrow ("Die Aktenzeichen lauten 4711-2026-GVG-ZÜV-00000000000000000001 bis "
              "4711-2026-GVG-ZÜV-00000000000000000099, die Summe 1.234.567.890,12 Euro.",
              figure_line);
  CHECK_EQ_INT (figure_cuts, 0);
}

int
main (void)
{
  if (ink_context_create (NULL, NULL, &ctx) != INK_OK)
    return 1;
  RUN (word_kinds);
  RUN (address_breaks);
  RUN (no_hyphen_in_addresses);
  RUN (tag_points);
  RUN (figure_extent);
  RUN (tags_not_hyphenated);
  RUN (figures_kept_whole);
  ink_context_destroy (ctx);
  return test_summary ();
}
