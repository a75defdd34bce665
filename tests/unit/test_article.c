/* article: the Markdown and JSON readers, images, limits, warnings and out-of-memory paths
 * (where each word came from: test_articlepos.c). */
#include "article.h"
#include "test.h"
#include "articlefix.h"

#include <dirent.h>
#include <stdio.h>

#define SRC INK_SOURCE_DIR "/examples/articles"

static ink_article_t *
js (ink_context_t *ctx, const char *src, ink_status_t want, ink_diag_t *d)
{
  ink_article_t *a = NULL;
  expect_status (ink_article_parse_json (ctx, src, strlen (src), NULL, &a, d), want, d);
  return a;
}

static bool
has_span (const ink__block_t *b, const char *sub, unsigned flags)
{
  const char *p = strstr (b->text, sub);
  if (!p)
    return false;
  for (size_t i = 0; i < b->nspans; i++)
    if (b->spans[i].start == (uint32_t) (p - b->text) && b->spans[i].len == strlen (sub) &&
        b->spans[i].flags == flags)
      return true;
  return false;
}

TEST (front_matter)
{
  ink_context_t *ctx = ctx_new ();
  ink_diag_t d;
  ink_article_t *a = md (ctx, "---\ntitle: \"Quoted: title\"\nkicker: K\ndate: 2024-02-29\n"
                              "lang: zh-Hans\nurl: https://x.example/a\n---\n\nBody.\n", INK_OK, &d);
  if (a) {
    CHECK_EQ_STR (ink_article_title (a), "Quoted: title");
    CHECK_EQ_STR (a->kicker, "K");
    CHECK_EQ_STR (a->date, "2024-02-29");
    CHECK_EQ_STR (ink_article_lang (a), "zh-Hans");
    CHECK_EQ_STR (a->url, "https://x.example/a");
    CHECK (a->deck == NULL);
    CHECK_EQ_INT (ink_article_block_count (a), 1);
  }
  done (ctx, a);
  CHECK (ink__valid_date ("2000-02-29"));
  CHECK (!ink__valid_date ("1900-02-29"));
  CHECK (!ink__valid_date ("2024-04-31"));
  CHECK (ink__valid_date ("2024-04-30T12:30:00Z"));
  CHECK (!ink__valid_date ("2024-4-30"));
  CHECK (ink__valid_lang ("ur"));
  CHECK (!ink__valid_lang ("en_US"));
  static const char *const keys[] = { "title", "kicker", "deck" };
  CHECK_EQ_STR (ink__did_you_mean ("tilte", 5, keys, 3), "title");
  CHECK_EQ_STR (ink__did_you_mean ("Kicker", 6, keys, 3), "kicker");
  CHECK (ink__did_you_mean ("banana", 6, keys, 3) == NULL);
}

/* Two comments, or two replies, in one block quote: a later paragraph that opens with
 * "[!comment] author | meta" starts the next comment at the same depth instead of being set
 * as the text of the one above, marker and all. */
TEST (comment_marker_in_a_later_paragraph)
{
  ink_context_t *ctx = ctx_new ();
  ink_diag_t d;
  ink_article_t *a = md (ctx,
    "---\ntitle: T\n---\n\nIntro.\n\n"
    "> [!comment] Ann | Leeds\n> First.\n>\n> [!comment] Bob | York\n> Second.\n>\n"
    ">> [!comment] Cat | Hull\n>> A reply.\n>>\n>> [!comment] Dan | Ely\n>> Another.\n",
    INK_OK, &d);
  if (a) {
    CHECK_EQ_INT (a->nblocks, 5);
    static const char *const authors[] = { "Ann", "Bob", "Cat", "Dan" };
    static const char *const texts[] = { "First.", "Second.", "A reply.", "Another." };
    static const unsigned levels[] = { 0, 0, 1, 1 };
    for (size_t i = 0; i < 4 && i + 1 < a->nblocks; i++) {
      const ink__block_t *b = &a->blocks[i + 1];
      CHECK_EQ_INT (b->kind, INK_BLOCK_COMMENT);
      CHECK_EQ_STR (b->author, authors[i]);
      CHECK_EQ_STR (b->text, texts[i]);
      CHECK_EQ_INT (b->level, levels[i]);
    }
  }
  ink_article_destroy (a);
  ink_context_destroy (ctx);
}

TEST (markers)
{
  ink_context_t *ctx = ctx_new ();
  ink_diag_t d;
  ink_article_t *a = md (ctx,
    "---\ntitle: T\n---\n\nIntro.\n\n"
    "> [!quote] “Words here.”\n> -- Someone Important\n\n"
    "> [!read] [Other story](https://x.example/o)\n\n"
    "> Plain *quoted* text.\n\n"
    "> [!comment] Ann | 2 hours ago\n> First line\n> second line.\n>\n> > Reply text.\n\n"
    "> [!comment] Bob\n> Hi.\n\n"
    "> [!comment] Geoff Mallin | Chudleigh | 08:02\n> Yes.\n", INK_OK, &d);
  if (a) {
    CHECK_EQ_INT (a->nblocks, 8);
    ink__block_t *b = a->blocks;
    CHECK_EQ_INT (b[0].kind, INK_BLOCK_PARAGRAPH);
    CHECK_EQ_INT (b[1].kind, INK_BLOCK_PULLQUOTE);
    CHECK_EQ_STR (b[1].text, "“Words here.”");
    CHECK_EQ_STR (b[1].attribution, "Someone Important");
    CHECK_EQ_INT (b[1].line, 7);
    CHECK_EQ_INT (b[1].column, 3);
    CHECK_EQ_INT (b[2].kind, INK_BLOCK_RELATED);
    CHECK_EQ_STR (b[2].text, "Other story");
    CHECK_EQ_STR (b[2].href, "https://x.example/o");
    CHECK_EQ_INT (b[3].kind, INK_BLOCK_QUOTE);
    CHECK_EQ_INT (b[3].level, 1);
    CHECK (has_span (&b[3], "quoted", INK_SPAN_EM));
    CHECK_EQ_INT (b[4].kind, INK_BLOCK_COMMENT);
    CHECK_EQ_STR (b[4].author, "Ann");
    CHECK_EQ_STR (b[4].meta, "2 hours ago");
    CHECK_EQ_STR (b[4].text, "First line second line.");
    CHECK_EQ_INT (b[4].level, 0);
    CHECK_EQ_INT (b[5].kind, INK_BLOCK_COMMENT);
    CHECK_EQ_INT (b[5].level, 1);
    CHECK_EQ_STR (b[5].text, "Reply text.");
    CHECK (b[5].author == NULL);
    CHECK_EQ_STR (b[6].author, "Bob");
    CHECK (b[6].meta == NULL);
    CHECK_EQ_STR (b[7].author, "Geoff Mallin");
    CHECK_EQ_STR (b[7].meta, "Chudleigh | 08:02");
  }
  ink_article_destroy (a);
  a = md (ctx, "---\ntitle: T\n---\n\n> [!Quote] Said.\n> — Her\n", INK_OK, &d);
  if (a)
    CHECK_EQ_STR (a->blocks[0].attribution, "Her");
  ink_article_destroy (a);
  /* Chinese and Japanese credit a quote with two dashes: both go, the page draws one. */
  a = md (ctx, "---\ntitle: T\n---\n\n> [!quote] 雪。\n> —— 事務局長\n", INK_OK, &d);
  if (a)
    CHECK_EQ_STR (a->blocks[0].attribution, "事務局長");
  ink_article_destroy (a);
  a = md (ctx, "---\ntitle: T\n---\n\nx\n\n> [!note] Hm.\n", INK_PARSE, &d);
  CHECK_EQ_INT (d.line, 7);
  CHECK_EQ_INT (d.column, 3);
  CHECK (strstr (d.message, "[!quote], [!read], [!comment]") != NULL);
  done (ctx, a);
}

TEST (lists_and_subheads)
{
  ink_context_t *ctx = ctx_new ();
  ink_diag_t d;
  ink_article_t *a = md (ctx,
    "---\ntitle: T\n---\n\n## Head two\n\n### Head three\n\n"
    "- one\n- two\n  1. inner a\n  2. inner b\n- three\n\n7. seven\n8. eight\n", INK_OK, &d);
  if (a) {
    CHECK_EQ_INT (a->nblocks, 9);
    ink__block_t *b = a->blocks;
    CHECK_EQ_INT (b[0].kind, INK_BLOCK_SUBHEAD);
    CHECK_EQ_INT (b[0].level, 2);
    CHECK_EQ_INT (b[1].level, 3);
    CHECK_EQ_STR (b[2].text, "one");
    CHECK_EQ_INT (b[2].level, 1);
    CHECK_EQ_INT (b[2].number, 0);
    CHECK_EQ_STR (b[4].text, "inner a");
    CHECK_EQ_INT (b[4].level, 2);
    CHECK_EQ_INT (b[4].number, 1);
    CHECK_EQ_INT (b[5].number, 2);
    CHECK_EQ_STR (b[6].text, "three");
    CHECK_EQ_INT (b[7].number, 7);
    CHECK_EQ_INT (b[8].number, 8);
    CHECK_EQ_INT (b[8].line, 16);
    CHECK_EQ_INT (b[8].column, 4);
  }
  done (ctx, a);
}

TEST (spans_and_text)
{
  ink_context_t *ctx = ctx_new ();
  ink_diag_t d;
  ink_article_t *a = md (ctx,
    "---\ntitle: T\n---\n\nPlain *em* and **strong *both*** with `code` and\n"
    "[a link](https://x.example/?a=1&amp;b=2) &amp; &mdash; &#x41;   spaced.  \nAfter break.\n",
    INK_OK, &d);
  if (a) {
    ink__block_t *b = &a->blocks[0];
    CHECK_EQ_STR (b->text, "Plain em and strong both with code and a link & — A spaced.\n"
                           "After break.");
    CHECK (has_span (b, "em", INK_SPAN_EM));
    CHECK (has_span (b, "strong ", INK_SPAN_STRONG));
    CHECK (has_span (b, "both", INK_SPAN_STRONG | INK_SPAN_EM));
    CHECK (has_span (b, "code", INK_SPAN_CODE));
    CHECK (has_span (b, "a link", INK_SPAN_LINK));
    for (size_t i = 0; i < b->nspans; i++)
      if (b->spans[i].flags & INK_SPAN_LINK)
        CHECK_EQ_STR (b->spans[i].href, "https://x.example/?a=1&b=2");
    for (size_t i = 1; i < b->nspans; i++)
      CHECK (b->spans[i].start >= b->spans[i - 1].start + b->spans[i - 1].len);
    CHECK_EQ_INT (b->line, 5);
    CHECK_EQ_INT (b->column, 1);
  }
  done (ctx, a);
}

TEST (figures)
{
  ink_context_t *ctx = ctx_new ();
  ink_diag_t d;
  ink_article_t *a = md (ctx, "---\ntitle: T\n---\n\n![A *fine* caption](pic.png \"Photo: X\")\n\n"
                              "Text ![inline](i.png) here.\n", INK_OK, &d);
  if (a) {
    CHECK_EQ_INT (a->nblocks, 2);
    CHECK_EQ_INT (a->blocks[0].kind, INK_BLOCK_FIGURE);
    CHECK_EQ_STR (a->blocks[0].text, "A fine caption");
    CHECK (has_span (&a->blocks[0], "fine", INK_SPAN_EM));
    CHECK_EQ_STR (a->blocks[0].image_path, "pic.png");
    CHECK_EQ_STR (a->blocks[0].credit, "Photo: X");
    CHECK (a->blocks[0].image == NULL);
    CHECK_EQ_INT (a->blocks[0].line, 5);
    CHECK_EQ_STR (a->blocks[1].text, "Text inline here.");
    CHECK (strstr (warnings, "7:6: an image inside a paragraph") != NULL);
  }
  done (ctx, a);
}

TEST (utf8_and_nul)
{
  ink_context_t *ctx = ctx_new ();
  ink_diag_t d;
  static const char src[] = "---\ntitle: Bad \xC3 byte\n---\n\nNul\0here and \xED\xA0\x80 end.\n";
  ink_article_t *a = NULL;
  CHECK_EQ_INT (ink_article_parse_markdown (ctx, src, sizeof src - 1, NULL, &a, &d), INK_OK);
  if (a) {
    CHECK_EQ_STR (a->title, "Bad \xEF\xBF\xBD byte");
    CHECK_EQ_STR (a->blocks[0].text, "Nul\xEF\xBF\xBDhere and \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD end.");
    CHECK_EQ_INT (ink_article_bad_utf8 (a), 5);
    CHECK_EQ_INT (nwarnings, 1);
    CHECK (strncmp (warnings, "2:12: invalid UTF-8", 19) == 0);
  }
  done (ctx, a);
}

/* A feed's stray controls (an escape sequence, a unit separator, a bell) are no text: they
 * are taken out, and the warning names the first. After a bad byte they are still found. */
TEST (stray_controls)
{
  ink_context_t *ctx = ctx_new ();
  ink_diag_t d;
  static const char src[] = "---\ntitle: Red\x1b[31m\n---\n\nBad \xFF then ab\x01" "cd\x07 "
                            "\xC2\x85ok\x0B" "v\tand \x7F" "end.\n";
  ink_article_t *a = NULL;
  CHECK_EQ_INT (ink_article_parse_markdown (ctx, src, sizeof src - 1, NULL, &a, &d), INK_OK);
  if (a) {
    CHECK_EQ_STR (a->title, "Red[31m");
    CHECK_EQ_STR (a->blocks[0].text, "Bad \xEF\xBF\xBD then abcd \xC2\x85ok v and end.");
    CHECK_EQ_INT (nwarnings, 2);
    CHECK (strstr (warnings, "5:5: invalid UTF-8") != NULL);
    CHECK (strstr (warnings, "2:11: control character removed: it is no text (5 in") != NULL);
  }
  done (ctx, a);
  ctx = ctx_new ();
  a = js (ctx, "{\"title\": \"a\\u001bb\", \"blocks\": [{\"type\": \"paragraph\", "
               "\"text\": \"c\\u0001d\\te\\u0085f\"}]}", INK_OK, &d);
  if (a) {
    CHECK_EQ_STR (a->title, "a\xE2\x81\xA0" "b");
    CHECK_EQ_STR (a->blocks[0].text, "c\xE2\x81\xA0" "d e\xC2\x85" "f");
    CHECK (strncmp (warnings, "1:13: control character escape removed", 38) == 0);
  }
  done (ctx, a);
  /* Nor do JSON's short escapes of a backspace and a form feed; the model reads back from its
   * dump as it was. */
  ctx = ctx_new ();
  a = js (ctx, "{\"title\": \"a\\bb\\fc\", \"blocks\": [{\"type\": \"paragraph\", "
               "\"text\": \"d\"}]}", INK_OK, &d);
  if (a) {
    CHECK_EQ_STR (a->title, "a\xE2\x81\xA0" "b\xE2\x81\xA0" "c");
    CHECK (strncmp (warnings, "1:13: control character escape removed", 38) == 0);
  }
  done (ctx, a);
  /* Nor does an entity bring them back, or a surrogate that is no character. */
  char out[4];
  CHECK_EQ_INT (ink__entity_decode ("&#1;", 4, out), 3);
  CHECK (memcmp (out, "\xE2\x81\xA0", 3) == 0);
  CHECK_EQ_INT (ink__entity_decode ("&#xD800;", 8, out), 3);
  CHECK (memcmp (out, "\xEF\xBF\xBD", 3) == 0);
}

TEST (empty_body)
{
  ink_context_t *ctx = ctx_new ();
  ink_diag_t d;
  ink_article_t *a = md (ctx, "---\ntitle: Only a head\n---\n\n", INK_OK, &d);
  CHECK (a && a->nblocks == 0);
  CHECK_EQ_STR (warnings, "4:1: the article has no body text\n");
  done (ctx, a);
}

TEST (limits)
{
  ink_context_t *ctx = ctx_new ();
  ink_diag_t d;
  ink_article_t *a;
  const char *src = "---\ntitle: T\n---\n\nOne.\n\nTwo two two.\n\n> > > deep\n";
  CHECK_EQ_INT (ink_context_set_limit (ctx, INK_LIMIT_BLOCKS, 1), INK_OK);
  a = md (ctx, src, INK_LIMIT, &d);
  CHECK_EQ_INT (d.line, 7);
  CHECK (strstr (d.message, "block limit") != NULL);
  ink_context_set_limit (ctx, INK_LIMIT_BLOCKS, INK_MAX_BLOCKS);
  ink_context_set_limit (ctx, INK_LIMIT_PARAGRAPH_BYTES, 8);
  a = md (ctx, src, INK_LIMIT, &d);
  CHECK_EQ_INT (d.line, 7);
  CHECK (strstr (d.message, "limit of 8 bytes") != NULL);
  ink_context_set_limit (ctx, INK_LIMIT_PARAGRAPH_BYTES, INK_MAX_PARAGRAPH_BYTES);
  ink_context_set_limit (ctx, INK_LIMIT_NESTING, 2);
  a = md (ctx, src, INK_LIMIT, &d);
  CHECK_EQ_INT (d.line, 9);
  CHECK (strstr (d.message, "nested 3 levels deep, more than the limit of 2") != NULL);
  a = js (ctx, "{\"title\":\"t\",\"comments\":[{\"author\":\"a\",\"text\":\"x\",\"replies\":[{\"text\":"
          "\"y\",\"replies\":[{\"text\":\"z\",\"replies\":[{\"text\":\"w\"}]}]}]}]}", INK_LIMIT, &d);
  ink_context_set_limit (ctx, INK_LIMIT_NESTING, INK_MAX_NESTING);
  ink_context_set_limit (ctx, INK_LIMIT_ARTICLE_BYTES, 10);
  a = md (ctx, src, INK_LIMIT, &d);
  CHECK (strstr (d.message, "more than the limit of 10") != NULL);
  done (ctx, a);
}

TEST (json_reader)
{
  ink_context_t *ctx = ctx_new ();
  ink_diag_t d;
  ink_article_t *a = js (ctx,
    "{ \"title\": \"T\", \"lang\": \"ar\", \"blocks\": [\n"
    "  { \"type\": \"paragraph\", \"text\": \"ab\\u00e9c\", \"spans\": [{ \"start\": 2, \"length\": 2,"
    " \"style\": [\"strong\"], \"lang\": \"fr\" }] },\n"
    "  { \"type\": \"list_item\", \"text\": \"x\", \"level\": 2, \"number\": 3 } ],\n"
    "  \"comments\": [{ \"author\": \"A\", \"text\": \"c\", \"replies\": [{ \"text\": \"r\" }] }] }",
    INK_OK, &d);
  if (a) {
    CHECK_EQ_INT (a->nblocks, 4);
    CHECK_EQ_STR (a->blocks[0].text, "ab\xC3\xA9" "c");
    CHECK_EQ_INT (a->blocks[0].spans[0].flags, INK_SPAN_STRONG);
    CHECK_EQ_STR (a->blocks[0].spans[0].lang, "fr");
    CHECK_EQ_INT (a->blocks[1].level, 2);
    CHECK_EQ_INT (a->blocks[1].number, 3);
    CHECK_EQ_INT (a->blocks[1].line, 3);
    CHECK_EQ_INT (a->blocks[1].column, 3);
    CHECK_EQ_INT (a->blocks[3].level, 1);
  }
  ink_article_destroy (a);
  a = js (ctx, "{\n  \"title\": \"T\",\n  \"blocks\": [ { \"type\": \"paragraph\", \"text\": 5 } ]\n}",
          INK_PARSE, &d);
  CHECK_EQ_INT (d.line, 3);
  CHECK_EQ_INT (d.column, 38);
  CHECK_EQ_STR (d.message, "\"text\" must be a string");
  a = js (ctx, "{\"title\": \"T\",\n \"kiker\": \"x\"}", INK_PARSE, &d);
  CHECK_EQ_STR (d.message, "unknown key \"kiker\" in the article (did you mean \"kicker\"?)");
  CHECK_EQ_INT (d.line, 2);
  CHECK_EQ_INT (d.column, 2);
  a = js (ctx, "{\"title\": \"T\",\n\n   \"deck\": ]}", INK_PARSE, &d);
  CHECK_EQ_INT (d.line, 3);
  CHECK_EQ_INT (d.column, 12);
  a = js (ctx, "{\"title\": \"T\"} x", INK_PARSE, &d);
  CHECK_EQ_INT (d.column, 16);
  a = js (ctx, "{\"title\": \"T\", \"blocks\": [{\"type\": \"paragraph\", \"text\": \"\\u00e9\", "
          "\"spans\": [{\"start\": 1, \"length\": 1, \"style\": [\"em\"]}]}]}", INK_PARSE, &d);
  CHECK (strstr (d.message, "character boundaries") != NULL);
  done (ctx, a);
}

TEST (json_surrogates)
{
  ink_context_t *ctx = ctx_new ();
  ink_diag_t d;
  ink_article_t *a = js (ctx, "{\"title\": \"a\\ud800b\\udc00c\\ud83d\\ude00d\\u0000e\", "
                              "\"blocks\": [{\"type\": \"paragraph\", \"text\": \"\\\\ud800\"}]}",
                         INK_OK, &d);
  if (a) {
    CHECK_EQ_STR (a->title, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xF0\x9F\x98\x80" "d\xEF\xBF\xBD" "e");
    CHECK_EQ_STR (a->blocks[0].text, "\\ud800");
    CHECK_EQ_INT (ink_article_bad_utf8 (a), 3);
    CHECK (strncmp (warnings, "1:13: lone surrogate", 20) == 0);
  }
  done (ctx, a);
}

/* Each sample in both forms gives the same model, and the committed JSON is the dump. */
TEST (samples_both_forms)
{
  DIR *dir = opendir (SRC);
  CHECK (dir != NULL);
  if (!dir)
    return;
  struct dirent *e;
  int count = 0;
  while ((e = readdir (dir))) {
    size_t n = strlen (e->d_name);
    if (n < 4 || strcmp (e->d_name + n - 3, ".md") != 0)
      continue;
    char mdp[512], jsp[512];
    snprintf (mdp, sizeof mdp, "%s/%s", SRC, e->d_name);
    snprintf (jsp, sizeof jsp, "%s/%.*s.json", SRC, (int) (n - 3), e->d_name);
    ink_context_t *ctx = ctx_new ();
    ink_article_t *a = NULL, *b = NULL;
    ink_diag_t d;
    CHECK_EQ_INT (ink_article_load (ctx, mdp, &a, &d), INK_OK);
    CHECK_EQ_INT (ink_article_load (ctx, jsp, &b, &d), INK_OK);
    char *s1 = NULL, *s2 = NULL;
    size_t l1 = 0, l2 = 0, lf = 0;
    if (a && b) {
      ink_article_dump_json (a, &s1, &l1);
      ink_article_dump_json (b, &s2, &l2);
      CHECK (s1 && s2 && l1 == l2 && memcmp (s1, s2, l1) == 0);
      char *file = read_file (jsp, &lf);
      CHECK (file && lf == l1 && memcmp (file, s1, l1) == 0);
      free (file);
      for (size_t i = 0; i < a->nblocks; i++)
        if (a->blocks[i].kind == INK_BLOCK_FIGURE)
          CHECK (a->blocks[i].image && b->blocks[i].image);
      if (a->image_path)
        CHECK (a->image && b->image);
    }
    CHECK_EQ_INT (nwarnings, 0);
    ink_article_dump_free (ctx, s1);
    ink_article_dump_free (ctx, s2);
    ink_article_destroy (b);
    done (ctx, a);
    count++;
  }
  closedir (dir);
  CHECK (count >= 7);
}

/* tests/bad/article: each file fails with the message in its NAME.expected. */
TEST (bad_inputs)
{
  const char *dirp = INK_SOURCE_DIR "/tests/bad/article";
  DIR *dir = opendir (dirp);
  CHECK (dir != NULL);
  if (!dir)
    return;
  struct dirent *e;
  int count = 0;
  while ((e = readdir (dir))) {
    const char *dot = strrchr (e->d_name, '.');
    if (!dot || (strcmp (dot, ".md") && strcmp (dot, ".json")))
      continue;
    char path[512], exp_path[512];
    snprintf (path, sizeof path, "%s/%s", dirp, e->d_name);
    snprintf (exp_path, sizeof exp_path, "%s/%.*s.expected", dirp, (int) (dot - e->d_name),
              e->d_name);
    size_t n;
    char *expected = read_file (exp_path, &n);
    CHECK (expected != NULL);
    if (!expected)
      continue;
    while (n && expected[n - 1] == '\n')
      expected[--n] = 0;
    ink_context_t *ctx = ctx_new ();
    ink_article_t *a = NULL;
    ink_diag_t d;
    ink_status_t st = ink_article_load (ctx, path, &a, &d);
    CHECK (st != INK_OK);
    char got[256];
    snprintf (got, sizeof got, "%u:%u: %s", d.line, d.column, d.message);
    if (strcmp (got, expected) != 0)
      fprintf (stderr, "%s:\n  got      %s\n  expected %s\n", e->d_name, got, expected);
    CHECK_EQ_STR (got, expected);
    free (expected);
    done (ctx, a);
    count++;
  }
  closedir (dir);
  CHECK (count >= 20);
}

static ink__image_t *
decode_file (ink_context_t *ctx, const char *name, size_t cut, size_t flip, ink_status_t want,
             ink_diag_t *d)
{
  char path[512];
  snprintf (path, sizeof path, "%s/images/%s", SRC, name);
  size_t n;
  unsigned char *data = (unsigned char *) read_file (path, &n);
  CHECK (data != NULL);
  if (!data)
    return NULL;
  if (cut)
    n = cut;
  if (flip)
    for (size_t i = flip; i < flip + 64 && i < n; i++)
      data[i] ^= 0x5A;
  ink__image_t *img = NULL;
  CHECK_EQ_INT (ink__image_decode (ctx, data, n, &img, d), want);
  free (data);
  return img;
}

static uint32_t
crc32_of (const unsigned char *p, size_t n)
{
  uint32_t c = 0xFFFFFFFFu;
  for (size_t i = 0; i < n; i++) {
    c ^= p[i];
    for (int k = 0; k < 8; k++)
      c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1)));
  }
  return c ^ 0xFFFFFFFFu;
}

TEST (images)
{
  ink_context_t *ctx = ctx_new ();
  ink_diag_t d;
  ink__image_t *img = decode_file (ctx, "eileen-collins.png", 0, 0, INK_OK, &d);
  if (img) {
    CHECK_EQ_INT (img->width, 512);
    CHECK_EQ_INT (img->height, 512);
    CHECK_EQ_INT (img->channels, 3);
  }
  ink__image_destroy (ctx, img);
  img = decode_file (ctx, "dscovr-launch.jpg", 0, 0, INK_OK, &d);
  if (img) {
    CHECK_EQ_INT (img->width, 640);
    CHECK_EQ_INT (img->height, 427);
    CHECK_EQ_INT (img->channels, 3);
  }
  ink__image_destroy (ctx, img);
  decode_file (ctx, "eileen-collins.png", 4000, 0, INK_PARSE, &d);
  CHECK (strstr (d.message, "corrupt PNG") != NULL);
  decode_file (ctx, "dscovr-launch.jpg", 20000, 0, INK_PARSE, &d);
  CHECK (strstr (d.message, "corrupt JPEG") != NULL);
  decode_file (ctx, "eileen-collins.png", 0, 16, INK_PARSE, &d);
  decode_file (ctx, "dscovr-launch.jpg", 0, 4, INK_PARSE, &d);
  decode_file (ctx, "eileen-collins.png", 20, 0, INK_PARSE, &d);
  ink__image_t *none = NULL;
  CHECK_EQ_INT (ink__image_decode (ctx, "GIF89a", 6, &none, &d), INK_UNSUPPORTED);
  ink_context_set_limit (ctx, INK_LIMIT_IMAGE_PIXELS, 512 * 511);
  decode_file (ctx, "eileen-collins.png", 0, 0, INK_LIMIT, &d);
  CHECK_EQ_STR (d.message, "image is 512x512, more than the limit of 261632 pixels");
  ink_context_set_limit (ctx, INK_LIMIT_IMAGE_PIXELS, INK_MAX_IMAGE_PIXELS);
  ink_context_set_limit (ctx, INK_LIMIT_IMAGE_SIDE, 600);
  decode_file (ctx, "dscovr-launch.jpg", 0, 0, INK_LIMIT, &d);
  CHECK (strstr (d.message, "640x427") != NULL);
  ink_context_set_limit (ctx, INK_LIMIT_IMAGE_SIDE, INK_MAX_IMAGE_SIDE);

  /* Crafted headers that claim a huge image: refused before any pixel is decoded. */
  size_t n;
  unsigned char *png = (unsigned char *) read_file (SRC "/images/eileen-collins.png", &n);
  if (png) {
    /* IHDR data starts at 16; its CRC covers type and data (bytes 12..28). */
    const unsigned char big[8] = { 0, 0, 0xEA, 0x60, 0, 0, 0xEA, 0x60 };   /* 60000 x 60000 */
    memcpy (png + 16, big, 8);
    uint32_t c = crc32_of (png + 12, 17);
    png[29] = (unsigned char) (c >> 24), png[30] = (unsigned char) (c >> 16);
    png[31] = (unsigned char) (c >> 8), png[32] = (unsigned char) c;
    CHECK_EQ_INT (ink__image_decode (ctx, png, n, &none, &d), INK_LIMIT);
    CHECK (strstr (d.message, "60000x60000") != NULL);
    if (!strstr (d.message, "60000x60000"))
      fprintf (stderr, "  %s\n", d.message);
    free (png);
  }
  unsigned char *jpg = (unsigned char *) read_file (SRC "/images/dscovr-launch.jpg", &n);
  if (jpg) {
    for (size_t i = 2; i + 9 < n; i++)
      if (jpg[i] == 0xFF && jpg[i + 1] == 0xC0) {
        jpg[i + 5] = 0xEA, jpg[i + 6] = 0x60, jpg[i + 7] = 0xEA, jpg[i + 8] = 0x60;
        break;
      }
    CHECK_EQ_INT (ink__image_decode (ctx, jpg, n, &none, &d), INK_LIMIT);
    CHECK (strstr (d.message, "60000x60000") != NULL);
    free (jpg);
  }
  CHECK (none == NULL);
  done (ctx, NULL);
}

/* Fails allocation number fail_at (counting from 0); -1 never fails. */
typedef struct {
  long count, fail_at;
} failing_t;

static void *
failing_realloc (void *user, void *p, size_t old, size_t n)
{
  failing_t *f = user;
  (void) old;
  if (n == 0) {
    free (p);
    return NULL;
  }
  if (f->fail_at >= 0 && f->count++ == f->fail_at)
    return NULL;
  return realloc (p, n);
}

/* Fails allocation 0, 1, 2... of reading the file at path (or, with path NULL, the Markdown
 * src) until it succeeds; every failed run returns INK_NO_MEMORY and leaks nothing. */
static void
oom_loop (const char *path, const char *src)
{
  long n = 0;
  for (;; n++) {
    failing_t f = { 0, -1 };
    ink_context_t *ctx;
    if (ink_context_create (failing_realloc, &f, &ctx) != INK_OK)
      abort ();
    f.fail_at = n;
    ink_article_t *a = NULL;
    ink_diag_t d;
    ink_status_t st = path ? ink_article_load (ctx, path, &a, &d)
                           : ink_article_parse_markdown (ctx, src, strlen (src), NULL, &a, &d);
    size_t cur;
    if (st == INK_OK) {
      char *s;
      size_t len;
      if (ink_article_dump_json (a, &s, &len) == INK_OK) {
        ink_article_dump_free (ctx, s);
        ink_article_destroy (a);
        ink_context_memory (ctx, &cur, NULL);
        CHECK_EQ_INT (cur, sizeof (struct ink_context));
        ink_context_destroy (ctx);
        break;
      }
      ink_article_destroy (a);
    } else {
      if (st != INK_NO_MEMORY)
        fprintf (stderr, "allocation %ld: status %d: %s\n", n, st, d.message);
      CHECK_EQ_INT (st, INK_NO_MEMORY);
      CHECK (a == NULL);
    }
    ink_context_memory (ctx, &cur, NULL);
    CHECK_EQ_INT (cur, sizeof (struct ink_context));
    ink_context_destroy (ctx);
    if (n > 100000)
      break;
  }
  CHECK (n > 10);
}

TEST (out_of_memory)
{
  oom_loop (SRC "/pakistan-china-pact.md", NULL);
  oom_loop (SRC "/pakistan-china-pact.json", NULL);
  oom_loop (SRC "/eileen-collins.md", NULL);
  /* Line ends made LF, footnotes, rules and constructs set as plain text. */
  oom_loop (NULL, "---\rtitle: T\rcaption: c\r---\r\rOne.[^1]\r\r***\r\r| a | b |\r|---|---|\r"
                  "| 1 | 2 |\r\r<div>x</div>\r\r- [x] ~~y~~ <b>z</b>\r\r[^1]: Note\r");
}

/* Each list counts one level, however many items it has: 32 lists inside each other are
 * within the limit, 33 are not, and the message counts them as written. */
static char *
nested_list (int levels)
{
  size_t cap = 64 + (size_t) levels * (size_t) (2 * levels + 8);
  char *s = malloc (cap);
  size_t n = (size_t) snprintf (s, cap, "---\ntitle: T\n---\n\n");
  for (int i = 0; i < levels; i++)
    n += (size_t) snprintf (s + n, cap - n, "%*s- item %d\n", 2 * i, "", i + 1);
  return s;
}

TEST (list_depth)
{
  ink_context_t *ctx = ctx_new ();
  ink_diag_t d;
  static const int ok_levels[] = { 17, 32 };
  for (size_t k = 0; k < 2; k++) {
    char *src = nested_list (ok_levels[k]);
    ink_article_t *a = md (ctx, src, INK_OK, &d);
    if (a) {
      CHECK_EQ_INT (a->nblocks, (size_t) ok_levels[k]);
      CHECK_EQ_INT (a->blocks[a->nblocks - 1].level, (unsigned) ok_levels[k]);
    }
    ink_article_destroy (a);
    free (src);
  }
  char *src = nested_list (33);
  ink_article_t *a = md (ctx, src, INK_LIMIT, &d);
  CHECK_EQ_STR (d.message, "block quotes and lists nested 33 levels deep, more than the limit "
                "of 32");
  CHECK_EQ_INT (d.line, 37);
  free (src);
  done (ctx, a);
}

/* Line ends: LF, CR LF and a CR alone (old Mac files) all end a line, in the front matter,
 * the body and the positions of messages. Text in UTF-16 or with nothing in it is named. */
TEST (line_ends_and_encodings)
{
  ink_context_t *ctx = ctx_new ();
  ink_diag_t d;
  ink_article_t *a = md (ctx, "---\rtitle: T\r---\r\rOne\rtwo.\r\rThree.\r", INK_OK, &d);
  if (a) {
    CHECK_EQ_STR (a->title, "T");
    CHECK_EQ_INT (a->nblocks, 2);
    CHECK_EQ_STR (a->blocks[0].text, "One two.");
    CHECK_EQ_INT (a->blocks[1].line, 8);
  }
  ink_article_destroy (a);
  a = md (ctx, "---\r\ntitle: T\r\n---\r\n\r\nOne.\r\n", INK_OK, &d);
  CHECK (a && a->nblocks == 1 && !strcmp (a->blocks[0].text, "One."));
  ink_article_destroy (a);
  a = md (ctx, "---\rtitle: T\rtilte: U\r---\r", INK_PARSE, &d);
  CHECK_EQ_INT (d.line, 3);
  CHECK_EQ_INT (d.column, 1);
  a = js (ctx, "{\r\"title\": 5}", INK_PARSE, &d);
  CHECK_EQ_INT (d.line, 2);
  static const char u16[] = "\xFF\xFE-\0-\0-\0";
  CHECK_EQ_INT (ink_article_parse_markdown (ctx, u16, sizeof u16 - 1, NULL, &a, &d), INK_PARSE);
  CHECK_EQ_STR (d.message, "the article is UTF-16; inkset reads UTF-8 (iconv -f UTF-16 -t UTF-8 "
                "converts it)");
  static const char u16be[] = "\0{\0\"\0t\0\"\0:\0 \0\"\0T\0\"\0}";
  CHECK_EQ_INT (ink_article_parse_json (ctx, u16be, sizeof u16be - 1, NULL, &a, &d), INK_PARSE);
  CHECK (strstr (d.message, "is UTF-16;") != NULL);
  CHECK_EQ_INT (ink_article_parse_markdown (ctx, "", 0, NULL, &a, &d), INK_PARSE);
  CHECK_EQ_STR (d.message, "the article is empty");
  CHECK_EQ_INT (ink_article_parse_json (ctx, "\xEF\xBB\xBF\n", 4, NULL, &a, &d), INK_PARSE);
  CHECK_EQ_STR (d.message, "the article is empty (only white space)");
  CHECK_EQ_INT (nwarnings, 0);
  done (ctx, a);
}

/* Each character of a block's text has its source line and column: across soft line breaks,
 * collapsed white space, emphasis marks, typographic quotes and dashes, and list markers. */
int
main (void)
{
  RUN (front_matter);
  RUN (comment_marker_in_a_later_paragraph);
  RUN (markers);
  RUN (lists_and_subheads);
  RUN (spans_and_text);
  RUN (figures);
  RUN (utf8_and_nul);
  RUN (stray_controls);
  RUN (empty_body);
  RUN (limits);
  RUN (list_depth);
  RUN (line_ends_and_encodings);
  RUN (json_reader);
  RUN (json_surrogates);
  RUN (samples_both_forms);
  RUN (bad_inputs);
  RUN (images);
  RUN (out_of_memory);
  return test_summary ();
}
