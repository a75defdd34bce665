/* Markdown: every construct md4c reports, with the parser flags the reader uses, is either set
 * in the model or named by a warning with its position; its text is never lost. One small
 * article per construct: the words it holds must be in the model, and where the construct is
 * not set as such, a warning "LINE:COLUMN: ..." must name it. */
#include "article.h"
#include "test.h"

static char warnings[4096];

static void
capture (void *user, ink_log_level_t level, const char *msg)
{
  (void) user;
  if (level != INK_LOG_WARNING)
    return;
  size_t n = strlen (warnings);
  snprintf (warnings + n, sizeof warnings - n, "%s\n", msg);
}

typedef struct {
  const char *name;        /* the md4c type it stands for */
  const char *body;        /* after a front matter of three lines, so the body starts on line 5 */
  const char *words[3];    /* each must be in some block's text (or the article's fields) */
  const char *warning;     /* "LINE:COLUMN: start of the message", or NULL: none expected */
} construct_t;

static const construct_t cases[] = {
  { "MD_BLOCK_P", "Plain words.\n", { "Plain words." }, NULL },
  { "MD_BLOCK_QUOTE", "> Quoted words.\n", { "Quoted words." }, NULL },
  { "MD_BLOCK_UL, MD_BLOCK_LI", "- first\n- second\n", { "first", "second" }, NULL },
  { "MD_BLOCK_OL", "3. third\n4. fourth\n", { "third", "fourth" }, NULL },
  { "MD_BLOCK_HR", "Before.\n\n***\n\nAfter.\n", { "Before.", "After." }, NULL },
  { "MD_BLOCK_H", "# Top\n\n#### Deep\n", { "Top", "Deep" }, NULL },
  { "MD_BLOCK_CODE (fenced)", "```c\nint x;\n```\n", { "int x;" },
    "6:1: code block set as a plain paragraph" },
  { "MD_BLOCK_CODE (indented)", "Para.\n\n    indented code\n", { "indented code" },
    "7:5: code block set as a plain paragraph" },
  { "MD_BLOCK_HTML", "<div class=\"x\">\nBlock words\n</div>\n", { "Block words" },
    "5:1: HTML block not supported" },
  { "MD_BLOCK_TABLE, MD_BLOCK_THEAD, MD_BLOCK_TBODY, MD_BLOCK_TR, MD_BLOCK_TH, MD_BLOCK_TD",
    "| h1 | h2 |\n|----|----|\n| c1 | c2 |\n", { "h1\th2", "c1\tc2" }, NULL },
  { "MD_BLOCK_TABLE in a quote", "> | h1 | h2 |\n> |----|----|\n> | c1 | c2 |\n",
    { "h1 | h2", "c1 | c2" }, "5:5: table not supported, set as plain text" },
  { "table row with a cell past the head's (md4c leaves it out: warned at it)",
    "| h1 | h2 |\n|----|----|\n| c1 | c2 | extra |\n", { "h1\th2", "c1\tc2" },
    "7:13: table row with more cells than its head row" },
  { "table row whose escaped pipe is text, not a cell", "| h1 | h2 |\n|----|----|\n| c1 | a \\| b |\n",
    { "h1\th2", "c1\ta | b" }, NULL },
  { "table of 17 columns (the limit named)",
    "| a | b | c | d | e | f | g | h | i | j | k | l | m | n | o | p | q |\n"
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n", { "a | b | c" },
    "5:3: table of 17 columns, more than the limit of 16, set as plain text" },
  { "table under a paragraph line (read as the paragraph's text)",
    "Lead-in words:\n| h1 | h2 |\n|----|----|\n| c1 | c2 |\n", { "Lead-in words:", "h1 | h2" },
    "6:1: a table needs a blank line before it" },
  { "table under a heading (a table)", "# Head\n| h1 | h2 |\n|----|----|\n| c1 | c2 |\n",
    { "h1\th2", "c1\tc2" }, NULL },
  { "table rows in a fenced code block", "```\nwords\n| h1 |\n|----|\n```\n", { "h1" },
    "6:1: code block set as a plain paragraph" },
  { "reply with no comment above it", ">> [!comment] Ann | 1h\n>> Reply words.\n",
    { "Reply words." }, "5:4: a reply with no comment above it" },
  { "a marker on a pull quote's later paragraph (set as text)",
    "> [!quote] Said.\n>\n> [!read] Not a link\n", { "[!read] Not a link" },
    "7:3: \"[!read]\" opens a block quote only on its first line" },
  { "a comment marker inside a comment's paragraph (set as text)",
    "> [!comment] Ann | 1h\n> Words.\n> [!comment] Bob | 2h\n> More.\n",
    { "[!comment] Bob" }, "7:3: a \"[!comment]\" line inside a paragraph" },
  { "MD_SPAN_EM, MD_SPAN_STRONG", "*em* and **strong**\n", { "em and strong" }, NULL },
  { "MD_SPAN_A", "[link words](http://x.example)\n", { "link words" }, NULL },
  { "MD_SPAN_IMG", "![a caption](pic.png)\n", { "a caption" }, NULL },
  { "MD_SPAN_IMG in a paragraph", "Text ![alt words](pic.png) more.\n", { "alt words" },
    "5:6: an image inside a paragraph is not shown" },
  { "MD_SPAN_IMG in MD_SPAN_A", "[![](pic.png)](http://x.example)\n", { NULL },
    "5:2: image inside a link has no caption" },
  { "MD_SPAN_CODE", "Some `code words` here.\n", { "code words" }, NULL },
  { "MD_SPAN_DEL", "Some ~~struck words~~ here.\n", { "struck words" },
    "5:8: strikethrough not supported" },
  { "MD_SPAN_WIKILINK", "See [[Target|shown words]].\n", { "shown words" },
    "5:14: wiki link not supported" },
  { "MD_SPAN_U (not asked for: stays emphasis)", "_under words_\n", { "under words" }, NULL },
  { "MD_SPAN_LATEXMATH (not asked for: stays as written)", "Costs $5 and $x^2$.\n",
    { "Costs $5 and $x^2$." }, NULL },
  { "MD_TEXT_NULLCHAR (&#0;; NUL bytes become U+FFFD before md4c)", "nul&#0;here\n",
    { "nul\xEF\xBF\xBDhere" }, NULL },
  { "MD_TEXT_BR", "line one  \nline two\n", { "line one\nline two" }, NULL },
  { "MD_TEXT_SOFTBR", "soft one\nsoft two\n", { "soft one soft two" }, NULL },
  { "MD_TEXT_ENTITY", "caf&eacute; &amp; &unknownname;\n", { "caf\xC3\xA9 & &unknownname;" },
    NULL },
  { "MD_TEXT_CODE", "`a  b`\n", { "a b" }, NULL },
  { "MD_TEXT_HTML (inline)", "Some <span>inline</span> words.\n", { "Some inline words." },
    "5:6: inline HTML not supported" },
  { "MD_TEXT_HTML (a comment)", "Before <!-- note --> after.\n", { "Before after." },
    "5:8: inline HTML not supported" },
  { "task list (MD_BLOCK_LI_DETAIL.is_task)", "- [x] done item\n- [ ] open item\n",
    { "[x] done item", "[ ] open item" }, "5:3: task list check box set as text" },
  { "footnote (not known to md4c)", "Claim.[^1]\n\n[^1]: Source\n", { "Claim.[^1]", "[^1] Source" },
    NULL },
  { "link reference definition", "[ref words][r]\n\n[r]: http://x.example\n", { "ref words" },
    NULL },
  { "text after a nested block in a tight list item", "- a\n  ```\n  x\n  ```\n  tail words\n",
    { "tail words" }, "7:3: code block set as a plain paragraph" },
};

/* The words are in the model: in a block's text, caption, attribution or credit. */
static bool
in_model (const ink_article_t *a, const char *words)
{
  for (size_t i = 0; i < a->nblocks; i++) {
    const ink__block_t *b = &a->blocks[i];
    const char *fields[] = { b->text, b->attribution, b->credit, b->author, b->meta };
    for (size_t k = 0; k < 5; k++)
      if (fields[k] && strstr (fields[k], words))
        return true;
  }
  return false;
}

TEST (each_construct)
{
  for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
    const construct_t *t = &cases[c];
    ink_context_t *ctx;
    if (ink_context_create (NULL, NULL, &ctx) != INK_OK)
      abort ();
    warnings[0] = 0;
    ink_context_set_log (ctx, capture, NULL);
    char src[512];
    snprintf (src, sizeof src, "---\ntitle: T\n---\n\n%s", t->body);
    ink_article_t *a = NULL;
    ink_diag_t d;
    ink_status_t st = ink_article_parse_markdown (ctx, src, strlen (src), NULL, &a, &d);
    CHECK_EQ_INT (st, INK_OK);
    for (size_t w = 0; a && w < 3 && t->words[w]; w++) {
      bool found = in_model (a, t->words[w]);
      if (!found)
        fprintf (stderr, "%s: \"%s\" is not in the model\n", t->name, t->words[w]);
      CHECK (found);
    }
    if (t->warning) {
      bool named = strncmp (warnings, t->warning, strlen (t->warning)) == 0 ||
                   strstr (warnings, t->warning) != NULL;
      if (!named)
        fprintf (stderr, "%s: expected warning \"%s\", got \"%s\"\n", t->name, t->warning,
                 warnings);
      CHECK (named);
    } else {
      if (warnings[0])
        fprintf (stderr, "%s: unexpected warning \"%s\"\n", t->name, warnings);
      CHECK_EQ_STR (warnings, "");
    }
    ink_article_destroy (a);
    ink_context_destroy (ctx);
  }
}

/* A thematic break is a rule block between its neighbours; in the JSON form it has no text. */
TEST (rule_block)
{
  ink_context_t *ctx;
  if (ink_context_create (NULL, NULL, &ctx) != INK_OK)
    abort ();
  const char *src = "---\ntitle: T\n---\n\nOne.\n\n- - -\n\nTwo\n---\n\n___\n";
  ink_article_t *a = NULL;
  ink_diag_t d;
  CHECK_EQ_INT (ink_article_parse_markdown (ctx, src, strlen (src), NULL, &a, &d), INK_OK);
  if (a && a->nblocks == 4) {
    CHECK_EQ_INT (a->blocks[1].kind, INK_BLOCK_RULE);
    CHECK_EQ_INT (a->blocks[1].line, 7);
    CHECK_EQ_INT (a->blocks[2].kind, INK_BLOCK_SUBHEAD);
    CHECK_EQ_INT (a->blocks[3].kind, INK_BLOCK_RULE);
    CHECK_EQ_INT (a->blocks[3].line, 12);
    char *json;
    CHECK_EQ_INT (ink_article_dump_json (a, &json, NULL), INK_OK);
    CHECK (strstr (json, "{ \"type\": \"rule\" }") != NULL);
    ink_article_t *b = NULL;
    CHECK_EQ_INT (ink_article_parse_json (ctx, json, strlen (json), NULL, &b, &d), INK_OK);
    CHECK (b && b->nblocks == 4 && b->blocks[3].kind == INK_BLOCK_RULE);
    ink_article_destroy (b);
    ink_article_dump_free (ctx, json);
  } else {
    CHECK (a && a->nblocks == 4);
  }
  ink_article_destroy (a);
  const char *bad = "{\"title\": \"T\", \"blocks\": [{\"type\": \"rule\", \"text\": \"x\"}]}";
  CHECK_EQ_INT (ink_article_parse_json (ctx, bad, strlen (bad), NULL, &a, &d), INK_PARSE);
  CHECK_EQ_STR (d.message, "a rule has no \"text\"");
  ink_context_destroy (ctx);
}

/* src read in a new context (*ctx, destroyed by the caller); NULL when it could not be. */
static ink_article_t *
read_markdown (ink_context_t **ctx, const char *src)
{
  if (ink_context_create (NULL, NULL, ctx) != INK_OK)
    abort ();
  ink_article_t *a = NULL;
  ink_diag_t d;
  CHECK_EQ_INT (ink_article_parse_markdown (*ctx, src, strlen (src), NULL, &a, &d), INK_OK);
  return a;
}

/* Footnotes go after the body, before the comments, in the order written. */
TEST (footnotes_last)
{
  ink_context_t *ctx;
  ink_article_t *a = read_markdown (&ctx, "---\ntitle: T\n---\n\nOne.[^a]\n\n[^a]: Note a,\n"
                                          "  going on.\n[^b]: Note b\n\nTwo.[^b]\n\n> [!comment] "
                                          "Ann | today\n> Comment.\n\n```\n[^c]: code\n```\n");
  if (a && a->nblocks == 5) {
    CHECK_EQ_STR (a->blocks[0].text, "One.[^a]");
    CHECK_EQ_STR (a->blocks[1].text, "Two.[^b]");
    CHECK_EQ_STR (a->blocks[2].text, "[^c]: code");
    CHECK_EQ_STR (a->blocks[3].text, "[^a] Note a, going on.\n[^b] Note b");
    CHECK_EQ_INT (a->blocks[3].line, 7);
    CHECK_EQ_INT (a->blocks[4].kind, INK_BLOCK_COMMENT);
  } else {
    CHECK (a && a->nblocks == 5);
  }
  ink_article_destroy (a);
  ink_context_destroy (ctx);
}

/* A code block keeps its lines' indents and the spaces between its words as written (a tab
 * to the next stop of four columns), fenced or indented; the reader once set each line
 * flush and ran spaces together, so that nested settings read as one level. */
TEST (code_keeps_spaces)
{
  ink_context_t *ctx;
  ink_article_t *a = read_markdown (&ctx, "---\ntitle: T\n---\n\nText.\n\n```\n  [catalogue]\n"
                                          "    port   = 8443\n\tretry:\nab\tc  \n```\n\nMore.\n\n"
                                          "        if (x)\n    y;\n");
  bool four = a && a->nblocks == 4;   /* two paragraphs, two code blocks */
  CHECK (four);
  CHECK_EQ_STR (four ? a->blocks[1].text : "",
                "  [catalogue]\n    port   = 8443\n    retry:\nab  c");
  CHECK_EQ_STR (four ? a->blocks[3].text : "", "    if (x)\ny;");
  unsigned line = 0, col = 0;
  if (four)
    ink__block_position (&a->blocks[1], 18, &line, &col);   /* "port" */
  CHECK_EQ_INT (line, 9);
  CHECK_EQ_INT (col, 5);
  ink_article_destroy (a);
  ink_context_destroy (ctx);
}

/* A caption or credit with no lead image to go under is named where it is written. */
TEST (unused_keys)
{
  ink_context_t *ctx;
  if (ink_context_create (NULL, NULL, &ctx) != INK_OK)
    abort ();
  ink_context_set_log (ctx, capture, NULL);
  warnings[0] = 0;
  const char *src = "---\ntitle: T\ncredit: AP\ncaption: A view\n---\n\nBody.\n";
  ink_article_t *a = NULL;
  ink_diag_t d;
  CHECK_EQ_INT (ink_article_parse_markdown (ctx, src, strlen (src), NULL, &a, &d), INK_OK);
  CHECK_EQ_STR (warnings, "3:1: \"credit\" without \"image\" is not shown: it goes under the "
                "lead image\n4:1: \"caption\" without \"image\" is not shown: it goes under the "
                "lead image\n");
  ink_article_destroy (a);
  warnings[0] = 0;
  const char *js = "{\"title\": \"T\",\n \"caption\": \"c\", \"blocks\": [{\"type\": "
                   "\"paragraph\", \"text\": \"x\"}]}";
  CHECK_EQ_INT (ink_article_parse_json (ctx, js, strlen (js), NULL, &a, &d), INK_OK);
  CHECK_EQ_STR (warnings, "2:13: \"caption\" without \"image\" is not shown: it goes under the "
                "lead image\n");
  ink_article_destroy (a);
  ink_context_destroy (ctx);
}

int
main (void)
{
  RUN (each_construct);
  RUN (rule_block);
  RUN (footnotes_last);
  RUN (code_keeps_spaces);
  RUN (unused_keys);
  return test_summary ();
}
