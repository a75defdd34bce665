/* article/typography: each language's quotation marks, apostrophes, dashes, spans moved with
 * the text, URLs and code left alone, and "typography: plain". */
#include "article.h"
#include "test.h"

#include <stdio.h>

static ink_context_t *
ctx_new (void)
{
  ink_context_t *ctx;
  if (ink_context_create (NULL, NULL, &ctx) != INK_OK)
    abort ();
  return ctx;
}

/* The article "---\ntitle: T\nlang: LANG\n[extra]---\n\nBODY\n" read from Markdown. */
static ink_article_t *
read_md (ink_context_t *ctx, const char *lang, const char *extra, const char *body)
{
  char src[1024];
  snprintf (src, sizeof src, "---\ntitle: T\nlang: %s\n%s---\n\n%s\n", lang, extra, body);
  ink_article_t *a = NULL;
  ink_diag_t d;
  CHECK_EQ_INT (ink_article_parse_markdown (ctx, src, strlen (src), NULL, &a, &d), INK_OK);
  CHECK (a && a->nblocks == 1);
  return a;
}

static void
done (ink_context_t *ctx, ink_article_t *a)
{
  ink_article_destroy (a);
  CHECK_CONTEXT_FREED (ctx);
}

/* The first paragraph of BODY in language LANG, set. */
static void
check_text (const char *lang, const char *body, const char *want)
{
  ink_context_t *ctx = ctx_new ();
  ink_article_t *a = read_md (ctx, lang, "", body);
  if (a && a->nblocks == 1) {
    CHECK_EQ_STR (a->blocks[0].text, want);
    CHECK_EQ_INT (a->blocks[0].text_len, strlen (want));
  }
  done (ctx, a);
}

TEST (languages)
{
  const char *body = "\"a 'b' c\"";
  check_text ("en", body, "“a ‘b’ c”");
  check_text ("en-GB", body, "“a ‘b’ c”");
  check_text ("de", body, "„a ‚b‘ c“");
  check_text ("fr", body, "«\u202Fa «\u202Fb\u202F» c\u202F»");
  check_text ("ru", body, "«a „b“ c»");
  check_text ("el", body, "«a “b” c»");
  check_text ("ja", body, "「a 『b』 c」");
  check_text ("zh", body, "“a ‘b’ c”");
  check_text ("zh-Hant", body, "「a 『b』 c」");
  check_text ("zh-Hant-TW", body, "「a 『b』 c」");
  check_text ("pl", body, "„a «b» c”");
  check_text ("hu", body, "„a »b« c”");
  check_text ("nl", body, "‘a ‘b’ c’");
  check_text ("sv", body, "”a ’b’ c”");
  check_text ("xx", body, "“a ‘b’ c”");   /* not in CLDR's table: root's marks */
}

TEST (french_spaces)
{
  /* A space typed inside the quotes becomes the narrow no-break space, not a second one. */
  check_text ("fr", "Il dit \" oui \" et \"non\".",
              "Il dit «\u202Foui\u202F» et «\u202Fnon\u202F».");
  check_text ("fr", "l'homme d'aujourd'hui", "l’homme d’aujourd’hui");
}

TEST (open_or_close)
{
  check_text ("en", "(\"a\") [\"b\"] x-\"c\" \"'d'\"", "(“a”) [“b”] x-“c” “‘d’”");
  check_text ("en", "\"End.\" Then \"go,\" he said.", "“End.” Then “go,” he said.");
  check_text ("en", "He said 'go.' Then left.", "He said ‘go.’ Then left.");
  /* After an ellipsis a quotation opens when none is open, else it closes. */
  check_text ("ko", "대표 회동…\"책임 묻겠다\"", "대표 회동…“책임 묻겠다”");
  check_text ("en", "\"I wonder…\" she said.", "“I wonder…” she said.");
}

TEST (apostrophes)
{
  check_text ("en", "the authority's call, it's", "the authority’s call, it’s");
  check_text ("en", "in the '90s and '60s", "in the ’90s and ’60s");
  check_text ("en", "the Joneses' house", "the Joneses’ house");
  /* A word its language elides opens with an apostrophe, not a quotation mark. */
  check_text ("nl", "'s ochtends zegt hij 'goed' tegen 't kind",
              "’s ochtends zegt hij ‘goed’ tegen ’t kind");
  check_text ("en", "rock 'n' roll, 'tis said", "rock ’n’ roll, ’tis said");
  check_text ("en", "'so' they said", "‘so’ they said");
  check_text ("en", "'don't' she said", "‘don’t’ she said");
  check_text ("de", "Peter's 'Haus'", "Peter’s ‚Haus‘");
  check_text ("en", "a ' b", "a ' b");   /* alone between spaces: kept */
}

/* Gershayim and geresh in Hebrew abbreviations and numerals; quotations keep their marks. */
TEST (hebrew_marks)
{
  check_text ("he", "ד\"ר כהן שילם 50 ש\"ח", "ד״ר כהן שילם 50 ש״ח");
  check_text ("he", "בספר התנ\"כי, 30 קמ\"ש", "בספר התנ״כי, 30 קמ״ש");
  check_text ("he", "ה' באייר, ג'ון", "ה׳ באייר, ג׳ון");
  check_text ("he", "הוא אמר \"שלום\" לכולם", "הוא אמר ”שלום” לכולם");
  /* A quotation after a one-letter prefix: its marks are quotes, not gershayim. */
  check_text ("he", "שרים ו\"זוכרים\" את ה\"חדש\", 5 ש\"ח", "שרים ו”זוכרים” את ה”חדש”, 5 ש״ח");
}

TEST (dashes)
{
  check_text ("en", "a -- b --- c ---- d - e", "a – b — c ---- d - e");
  check_text ("en", "1990--2000", "1990–2000");
}

TEST (urls_and_code)
{
  check_text ("en", "See \"http://x.org/a'b--c\" and www.it's--here.org.",
              "See “http://x.org/a'b--c” and www.it's--here.org.");
  check_text ("en", "Run `say \"hi\" --loud` now -- \"ok\"",
              "Run say \"hi\" --loud now – “ok”");
}

/* Spans keep covering the same words when the text before them or inside them changes. */
TEST (spans_move)
{
  ink_context_t *ctx = ctx_new ();
  ink_article_t *a = read_md (ctx, "fr", "",
                              "\"Oui\" -- l'*homme* et **\"la\" femme** [d'ici](http://x.fr)");
  if (a && a->nblocks == 1) {
    const ink__block_t *b = &a->blocks[0];
    CHECK_EQ_STR (b->text, "«\u202FOui\u202F» – l’homme et «\u202Fla\u202F» femme d’ici");
    CHECK_EQ_INT (b->nspans, 3);
    struct { const char *word; unsigned flags; } want[] = {
      { "homme", INK_SPAN_EM }, { "«\u202Fla\u202F» femme", INK_SPAN_STRONG },
      { "d’ici", INK_SPAN_LINK },
    };
    for (size_t k = 0; k < 3 && k < b->nspans; k++) {
      size_t n = strlen (want[k].word);
      CHECK_EQ_INT (b->spans[k].len, n);
      CHECK (b->spans[k].start + n <= b->text_len &&
             memcmp (b->text + b->spans[k].start, want[k].word, n) == 0);
      CHECK (b->spans[k].flags & want[k].flags);
    }
  }
  done (ctx, a);
}

/* A span boundary inside "--" keeps the hyphens. */
TEST (span_boundary_in_dash)
{
  ink_context_t *ctx = ctx_new ();
  ink_article_t *a = read_md (ctx, "en", "", "a *b-*-c");
  if (a && a->nblocks == 1)
    CHECK_EQ_STR (a->blocks[0].text, "a b--c");
  done (ctx, a);
}

TEST (fields)
{
  ink_context_t *ctx = ctx_new ();
  const char *src = "---\ntitle: The \"pilot's\" seat -- a story\nlang: de\n"
                    "author: Seán O'Brien\n---\n\n> [!quote] \"Ja\"\n> — Dr. 'X'\n";
  ink_article_t *a = NULL;
  ink_diag_t d;
  CHECK_EQ_INT (ink_article_parse_markdown (ctx, src, strlen (src), NULL, &a, &d), INK_OK);
  if (a) {
    CHECK_EQ_STR (a->title, "The „pilot’s“ seat – a story");
    CHECK_EQ_STR (a->author, "Seán O’Brien");
    CHECK (a->nblocks == 1 && strcmp (a->blocks[0].text, "„Ja“") == 0);
    CHECK (a->nblocks == 1 && strcmp (a->blocks[0].attribution, "Dr. ‚X‘") == 0);
  }
  done (ctx, a);
}

TEST (plain)
{
  ink_context_t *ctx = ctx_new ();
  const char *body = "\"It's\" -- *here*";
  ink_article_t *a = read_md (ctx, "en", "typography: plain\n", body);
  if (a && a->nblocks == 1) {
    CHECK_EQ_STR (a->blocks[0].text, "\"It's\" -- here");
    CHECK_EQ_STR (a->typography, "plain");
    /* The JSON form keeps the key, and reads back to the same model. */
    char *s = NULL;
    size_t n = 0;
    CHECK_EQ_INT (ink_article_dump_json (a, &s, &n), INK_OK);
    CHECK (s && strstr (s, "\"typography\": \"plain\""));
    ink_article_t *b = NULL;
    ink_diag_t d;
    CHECK_EQ_INT (ink_article_parse_json (ctx, s, n, NULL, &b, &d), INK_OK);
    char *s2 = NULL;
    size_t n2 = 0;
    if (b)
      CHECK_EQ_INT (ink_article_dump_json (b, &s2, &n2), INK_OK);
    CHECK (s2 && n2 == n && memcmp (s, s2, n) == 0);
    ink_article_dump_free (ctx, s);
    ink_article_dump_free (ctx, s2);
    ink_article_destroy (b);
  }
  done (ctx, a);
  check_text ("en", "\"x\"", "“x”");   /* smart is the default */
}

TEST (bad_value)
{
  ink_context_t *ctx = ctx_new ();
  const char *src = "---\ntitle: T\ntypography: fancy\n---\n\nx\n";
  ink_article_t *a = NULL;
  ink_diag_t d;
  CHECK_EQ_INT (ink_article_parse_markdown (ctx, src, strlen (src), NULL, &a, &d), INK_PARSE);
  CHECK_EQ_INT (d.line, 3);
  CHECK (strstr (d.message, "\"fancy\"") && strstr (d.message, "plain"));
  const char *js = "{\"title\": \"T\",\n \"typography\": \"fancy\", \"blocks\": []}";
  CHECK_EQ_INT (ink_article_parse_json (ctx, js, strlen (js), NULL, &a, &d), INK_PARSE);
  CHECK_EQ_INT (d.line, 2);
  CHECK (strstr (d.message, "\"fancy\"") != NULL);
  done (ctx, a);
}

/* The same article in Markdown and JSON gives the same set text and spans. */
TEST (json_same)
{
  ink_context_t *ctx = ctx_new ();
  const char *js = "{\"title\": \"T\", \"lang\": \"de\", \"blocks\": [{\"type\": \"paragraph\", "
                   "\"text\": \"\\\"Ja\\\" -- sagt er\", \"spans\": [{\"start\": 8, "
                   "\"length\": 4, \"style\": [\"em\"]}]}]}";
  ink_article_t *a = NULL;
  ink_diag_t d;
  CHECK_EQ_INT (ink_article_parse_json (ctx, js, strlen (js), NULL, &a, &d), INK_OK);
  if (a && a->nblocks == 1) {
    const ink__block_t *b = &a->blocks[0];
    CHECK_EQ_STR (b->text, "„Ja“ – sagt er");
    CHECK (b->nspans == 1 && memcmp (b->text + b->spans[0].start, "sagt", 4) == 0 &&
           b->spans[0].len == 4);
  }
  done (ctx, a);
}

int
main (void)
{
  RUN (languages);
  RUN (french_spaces);
  RUN (open_or_close);
  RUN (apostrophes);
  RUN (hebrew_marks);
  RUN (dashes);
  RUN (urls_and_code);
  RUN (spans_move);
  RUN (span_boundary_in_dash);
  RUN (fields);
  RUN (plain);
  RUN (bad_value);
  RUN (json_same);
  return test_summary ();
}
