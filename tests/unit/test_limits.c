/* Every limit of lib/core/ink-limits.h, lowered on a context, stops input that exceeds it with
 * a clear error (or, for pages, with counted overflow), and input within it passes. The
 * messages printed here are the ones docs/limits.md quotes. */
#include "test.h"

#include <inkset/inkset-document.h>

#include "core.h"

static ink_context_t *
ctx_with (ink_limit_t which, size_t value)
{
  ink_context_t *ctx;
  ink_context_create (NULL, NULL, &ctx);
  CHECK_EQ_INT (ink_context_set_limit (ctx, which, value), INK_OK);
  CHECK_EQ_INT (ink_context_get_limit (ctx, which), value);
  return ctx;
}

static void
show (const char *what, ink_context_t *ctx, const ink_diag_t *d)
{
  if (d && d->message[0])
    printf ("%s: %u:%u: %s\n", what, d->line, d->column, d->message);
  else
    printf ("%s: %s\n", what, ink_context_error (ctx));
}

static ink_status_t
parse_md (ink_context_t *ctx, const char *src, ink_diag_t *d)
{
  ink_article_t *a = NULL;
  memset (d, 0, sizeof *d);
  ink_status_t st = ink_article_parse_markdown (ctx, src, strlen (src), NULL, &a, d);
  ink_article_destroy (a);
  return st;
}

TEST (raising_past_the_cap_is_refused)
{
  ink_context_t *ctx;
  ink_context_create (NULL, NULL, &ctx);
  CHECK_EQ_INT (ink_context_set_limit (ctx, INK_LIMIT_PAGES, INK_MAX_PAGES + 1), INK_INVALID);
  CHECK_EQ_INT (ink_context_get_limit (ctx, INK_LIMIT_PAGES), INK_MAX_PAGES);
  CHECK_EQ_INT (ink_context_get_limit (ctx, INK_LIMIT_FONT_BYTES), INK_MAX_FONT_BYTES);
  CHECK_EQ_INT (ink_context_get_limit (ctx, INK_LIMIT_BREAK_WORK), INK_MAX_BREAK_WORK);
  CHECK_EQ_INT (ink_context_get_limit (ctx, INK_LIMIT_FIELD_BYTES), INK_MAX_FIELD_BYTES);
  ink_context_destroy (ctx);
}

TEST (article_bytes)
{
  ink_context_t *ctx = ctx_with (INK_LIMIT_ARTICLE_BYTES, 40);
  ink_diag_t d;
  CHECK_EQ_INT (parse_md (ctx, "---\ntitle: T\n---\n\nshort\n", &d), INK_OK);
  CHECK_EQ_INT (parse_md (ctx, "---\ntitle: T\n---\n\nthis body is longer than forty bytes\n", &d),
                INK_LIMIT);
  show ("article bytes", ctx, &d);
  ink_context_destroy (ctx);
}

TEST (paragraph_bytes)
{
  ink_context_t *ctx = ctx_with (INK_LIMIT_PARAGRAPH_BYTES, 16);
  ink_diag_t d;
  CHECK_EQ_INT (parse_md (ctx, "---\ntitle: T\n---\n\nshort one\n", &d), INK_OK);
  CHECK_EQ_INT (parse_md (ctx, "---\ntitle: T\n---\n\na paragraph of more than sixteen bytes\n", &d),
                INK_LIMIT);
  CHECK (d.line == 5);
  show ("paragraph bytes", ctx, &d);
  ink_context_destroy (ctx);
}

TEST (blocks)
{
  ink_context_t *ctx = ctx_with (INK_LIMIT_BLOCKS, 3);
  ink_diag_t d;
  CHECK_EQ_INT (parse_md (ctx, "---\ntitle: T\n---\n\na\n\nb\n\nc\n", &d), INK_OK);
  CHECK_EQ_INT (parse_md (ctx, "---\ntitle: T\n---\n\na\n\nb\n\nc\n\nd\n", &d), INK_LIMIT);
  CHECK (d.line == 11);
  show ("blocks", ctx, &d);
  ink_context_destroy (ctx);
}

TEST (nesting)
{
  ink_context_t *ctx = ctx_with (INK_LIMIT_NESTING, 2);
  ink_diag_t d;
  CHECK_EQ_INT (parse_md (ctx, "---\ntitle: T\n---\n\n> > two\n", &d), INK_OK);
  CHECK_EQ_INT (parse_md (ctx, "---\ntitle: T\n---\n\n> > > > four\n", &d), INK_LIMIT);
  CHECK (d.line == 5);
  show ("nesting (Markdown)", ctx, &d);
  ink_article_t *a = NULL;
  const char *json = "{\"title\":\"T\",\"blocks\":[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]}";
  CHECK (ink_article_parse_json (ctx, json, strlen (json), NULL, &a, &d) != INK_OK);
  CHECK (a == NULL);
  show ("nesting (JSON)", ctx, &d);
  ink_context_destroy (ctx);
}

static ink_status_t
layout (ink_context_t *ctx, const char *md, unsigned max_pages, ink_document_t **doc)
{
  ink_article_t *a = NULL;
  ink_diag_t d;
  ink_status_t st = ink_article_parse_markdown (ctx, md, strlen (md), NULL, &a, &d);
  CHECK_EQ_INT (st, INK_OK);
  ink_template_t *t = NULL;
  ink_fontset_t *fs = NULL;
  CHECK_EQ_INT (ink_template_builtin (ctx, "kiosk-7.5", &t), INK_OK);
  CHECK_EQ_INT (ink_fontset_create (ctx, INK_SOURCE_DIR "/fonts", &fs), INK_OK);
  ink_layout_options_t o = { .struct_size = sizeof o, .max_pages = max_pages };
  *doc = NULL;
  st = ink_document_layout (ctx, a, t, fs, &o, doc);
  if (st != INK_OK && st != INK_OVERFLOW)
    show ("layout", ctx, NULL);
  if (*doc) {
    /* The document holds references to both; the article must outlive it: report now. */
    size_t ob, oc;
    ink_document_overflow (*doc, &ob, &oc);
    printf ("pages: %zu, overflow %zu blocks, %zu chars\n", ink_document_page_count (*doc), ob, oc);
  }
  ink_document_destroy (*doc);
  *doc = (ink_document_t *) (uintptr_t) (st == INK_OK || st == INK_OVERFLOW);
  ink_fontset_destroy (fs);
  ink_template_destroy (t);
  ink_article_destroy (a);
  return st;
}

static char *
long_article (size_t paras)
{
  size_t cap = 64 + paras * 420;
  char *s = malloc (cap);
  strcpy (s, "---\ntitle: Pages\n---\n\n");
  for (size_t i = 0; i < paras; i++)
    strcat (s, "Words set on a small panel fill its pages quickly, one after another, and the "
               "rest of the article waits for the next page to be drawn in its turn. Words set "
               "on a small panel fill its pages quickly, one after another, and the rest of "
               "the article waits for the next page.\n\n");
  return s;
}

TEST (pages)
{
  char *md = long_article (12);
  /* The context's limit and the layout option both cap the pages; the rest is overflow. */
  ink_context_t *ctx = ctx_with (INK_LIMIT_PAGES, 2);
  ink_document_t *doc;
  CHECK_EQ_INT (layout (ctx, md, 0, &doc), INK_OVERFLOW);
  show ("pages (limit 2)", ctx, NULL);
  ink_context_destroy (ctx);
  ink_context_create (NULL, NULL, &ctx);
  CHECK_EQ_INT (layout (ctx, md, 1, &doc), INK_OVERFLOW);
  CHECK_EQ_INT (layout (ctx, md, 100, &doc), INK_OK);
  ink_context_destroy (ctx);
  free (md);
}

TEST (font_bytes)
{
  ink_context_t *ctx = ctx_with (INK_LIMIT_FONT_BYTES, 1000);
  ink_fontset_t *fs = NULL;
  CHECK_EQ_INT (ink_fontset_create (ctx, INK_SOURCE_DIR "/fonts", &fs), INK_OK);
  static const char fake[2000] = { 0 };
  ink_status_t st = ink_fontset_add_memory (fs, "big.ttf", fake, sizeof fake);
  CHECK_EQ_INT (st, INK_LIMIT);
  show ("font bytes (memory)", ctx, NULL);
  ink_fontset_destroy (fs);
  /* A template's faces load from files under the same limit. */
  char *md = long_article (1);
  ink_document_t *doc;
  CHECK_EQ_INT (layout (ctx, md, 0, &doc), INK_LIMIT);
  CHECK (doc == NULL);
  free (md);
  ink_context_destroy (ctx);
}

TEST (break_work)
{
  /* A tiny budget: the paragraph builder falls back to first fit, it never fails or loops. */
  ink_context_t *ctx = ctx_with (INK_LIMIT_BREAK_WORK, 50);
  char *md = long_article (2);
  ink_document_t *doc;
  ink_status_t st = layout (ctx, md, 0, &doc);
  printf ("break work 50: %s%s%s\n", ink_status_to_string (st), st ? ": " : "",
          st ? ink_context_error (ctx) : "");
  CHECK (st == INK_OK || st == INK_LIMIT);
  free (md);
  ink_context_destroy (ctx);
}

TEST (template_bytes)
{
  ink_context_t *ctx = ctx_with (INK_LIMIT_TEMPLATE_BYTES, 100);
  size_t len;
  const char *src = ink_template_builtin_source (NULL, &len);
  ink_template_t *t = NULL;
  ink_diag_t d = { 0 };
  CHECK_EQ_INT (ink_template_parse (ctx, src, len, "kiosk", &t, &d), INK_LIMIT);
  CHECK (t == NULL);
  show ("template bytes", ctx, &d);
  ink_context_destroy (ctx);
}

TEST (image_side_and_pixels)
{
  static const char md[] = "---\ntitle: T\n---\n\n![Photo](images/eileen-collins.png)\n";
  for (int which = 0; which < 2; which++) {
    ink_context_t *ctx = ctx_with (which ? INK_LIMIT_IMAGE_PIXELS : INK_LIMIT_IMAGE_SIDE,
                                   which ? 1000 : 100);
    ink_article_t *a = NULL;
    ink_diag_t d = { 0 };
    ink_status_t st = ink_article_parse_markdown (ctx, md, strlen (md),
                                                  INK_SOURCE_DIR "/examples/articles", &a, &d);
    CHECK (st != INK_OK);
    CHECK (a == NULL);
    show (which ? "image pixels" : "image side", ctx, &d);
    ink_article_destroy (a);
    ink_context_destroy (ctx);
  }
}

/* The first page of an article with one photo, drawn in two bands, under a picture budget. */
static uint8_t *
photo_page (size_t picture_bytes, size_t *size)
{
  static const char md[] = "---\ntitle: T\n---\n\n![Photo](images/eileen-collins.png)\n";
  ink_context_t *ctx = ctx_with (INK_LIMIT_PICTURE_BYTES, picture_bytes);
  ink_article_t *a = NULL;
  ink_diag_t d = { 0 };
  ink_template_t *t = NULL;
  ink_fontset_t *fs = NULL;
  ink_document_t *doc = NULL;
  uint8_t *gray = NULL;
  CHECK_EQ_INT (ink_article_parse_markdown (ctx, md, strlen (md),
                                            INK_SOURCE_DIR "/examples/articles", &a, &d), INK_OK);
  CHECK_EQ_INT (ink_template_builtin (ctx, "kiosk-7.5", &t), INK_OK);
  CHECK_EQ_INT (ink_fontset_create (ctx, INK_SOURCE_DIR "/fonts", &fs), INK_OK);
  if (a && ink_document_layout (ctx, a, t, fs, NULL, &doc) == INK_OK) {
    uint32_t w, h;
    ink_document_page_size (doc, &w, &h);
    *size = (size_t) w * h;
    gray = malloc (*size);
    CHECK_EQ_INT (ink_document_render_gray (doc, 0, 0, 0, w, h / 3, gray, w), INK_OK);
    CHECK_EQ_INT (ink_document_render_gray (doc, 0, 0, (int32_t) (h / 3), w, h - h / 3,
                                            gray + (size_t) (h / 3) * w, w), INK_OK);
  }
  ink_document_destroy (doc);
  ink_fontset_destroy (fs);
  ink_template_destroy (t);
  ink_article_destroy (a);
  ink_context_destroy (ctx);
  return gray;
}

TEST (picture_bytes)
{
  /* The photo is 512 x 512 RGB, 786432 bytes decoded: refused from its header under less. */
  static const char md[] = "---\ntitle: T\n---\n\n![Photo](images/eileen-collins.png)\n";
  ink_context_t *ctx = ctx_with (INK_LIMIT_PICTURE_BYTES, 500000);
  ink_article_t *a = NULL;
  ink_diag_t d = { 0 };
  CHECK_EQ_INT (ink_article_parse_markdown (ctx, md, strlen (md),
                                            INK_SOURCE_DIR "/examples/articles", &a, &d),
                INK_LIMIT);
  CHECK (a == NULL);
  CHECK_EQ_INT (d.line, 5);
  show ("picture bytes", ctx, &d);
  ink_context_destroy (ctx);
  /* Just above it, the scaled photo cannot be kept: it is scaled band by band, to the same
   * pixels. */
  size_t n1 = 0, n2 = 0;
  uint8_t *whole = photo_page (INK_MAX_PICTURE_BYTES, &n1);
  uint8_t *banded = photo_page (786432 + 1000, &n2);
  CHECK (whole && banded && n1 == n2);
  if (whole && banded && n1 == n2)
    CHECK (memcmp (whole, banded, n1) == 0);
  free (whole);
  free (banded);
}

/* One article in each reader with value v put in place of "%s". */
typedef struct {
  const char *what;
  const char *src;       /* Markdown or JSON with one %s */
  const char *at16, *at17;   /* values of 16 and 17 bytes (NULL: 16 and 17 'a') */
  unsigned line;         /* where the error is reported */
  size_t marker;         /* bytes of a Markdown marker ("[!quote] "), which count as text */
} field_case_t;

static ink_status_t
parse_with (ink_context_t *ctx, const field_case_t *c, const char *v, ink_diag_t *d)
{
  char src[512];
  snprintf (src, sizeof src, c->src, v);
  ink_article_t *a = NULL;
  memset (d, 0, sizeof *d);
  ink_status_t st = c->src[0] == '{'
                      ? ink_article_parse_json (ctx, src, strlen (src), NULL, &a, d)
                      : ink_article_parse_markdown (ctx, src, strlen (src), NULL, &a, d);
  ink_article_destroy (a);
  return st;
}

static void
check_cases (ink_limit_t which, const field_case_t *cases, size_t n)
{
  for (size_t i = 0; i < n; i++) {
    const field_case_t *c = &cases[i];
    ink_context_t *ctx = ctx_with (which, 16 + c->marker);
    const char *v16 = c->at16 ? c->at16 : "aaaaaaaaaaaaaaaa";
    const char *v17 = c->at17 ? c->at17 : "aaaaaaaaaaaaaaaaa";
    CHECK_EQ_INT (strlen (v16), 16);
    CHECK_EQ_INT (strlen (v17), 17);
    ink_diag_t d;
    ink_status_t st = parse_with (ctx, c, v16, &d);
    if (st != INK_OK)
      fprintf (stderr, "%s at the limit: %u:%u: %s\n", c->what, d.line, d.column, d.message);
    CHECK_EQ_INT (st, INK_OK);
    CHECK_EQ_INT (parse_with (ctx, c, v17, &d), INK_LIMIT);
    CHECK_EQ_INT (d.line, c->line);
    CHECK (d.column > 0);
    show (c->what, ctx, &d);
    ink_context_destroy (ctx);
  }
}

#define FM(key) "---\ntitle: T\n" key ": %s\n---\n\nBody.\n"
#define JS(key) "{\"title\": \"T\",\n\"" key "\": \"%s\"}"
#define JB(block) "{\"title\": \"T\", \"blocks\": [\n" block "]}"

/* Every front-matter value and every field of a block but its text: INK_LIMIT_FIELD_BYTES,
 * refused at the value (front matter, JSON) or at the block (Markdown's block fields). */
TEST (field_bytes)
{
  static const field_case_t cases[] = {
    { "title", "---\ntitle: %s\n---\n\nBody.\n", NULL, NULL, 2, 0 },
    { "kicker", FM ("kicker"), NULL, NULL, 3, 0 },
    { "deck", FM ("deck"), NULL, NULL, 3, 0 },
    { "author", FM ("author"), NULL, NULL, 3, 0 },
    { "date", FM ("date"), "2024-01-01T10:00", "2024-01-01T10:00Z", 3, 0 },
    { "lang", FM ("lang"), "en-Latn-US-x-abc", "en-Latn-US-x-abcd", 3, 0 },
    { "section", FM ("section"), NULL, NULL, 3, 0 },
    { "source", FM ("source"), NULL, NULL, 3, 0 },
    { "image", FM ("image"), NULL, NULL, 3, 0 },
    { "caption", FM ("caption"), NULL, NULL, 3, 0 },
    { "credit", FM ("credit"), NULL, NULL, 3, 0 },
    { "url", FM ("url"), NULL, NULL, 3, 0 },
    { "pull quote attribution", "---\ntitle: T\n---\n\n> [!quote] Words.\n> — %s\n", NULL, NULL, 5, 0 },
    { "comment author", "---\ntitle: T\n---\n\n> [!comment] %s | May 1\n> Text.\n", NULL, NULL, 5, 0 },
    { "comment meta", "---\ntitle: T\n---\n\n> [!comment] Ann | %s\n> Text.\n", NULL, NULL, 5, 0 },
    { "related link", "---\ntitle: T\n---\n\n> [!read] [Story](%s)\n", NULL, NULL, 5, 0 },
    { "link in a paragraph", "---\ntitle: T\n---\n\nSee [this](%s).\n", NULL, NULL, 5, 0 },
    { "figure credit", "---\ntitle: T\n---\n\n![Cap](a.png \"%s\")\n", NULL, NULL, 5, 0 },
    { "figure path", "---\ntitle: T\n---\n\n![Cap](%s)\n", NULL, NULL, 5, 0 },
    { "title (JSON)", "{\"title\": \"%s\"}", NULL, NULL, 1, 0 },
    { "deck (JSON)", JS ("deck"), NULL, NULL, 2, 0 },
    { "caption (JSON)", JS ("caption"), NULL, NULL, 2, 0 },
    { "credit (JSON)", JS ("credit"), NULL, NULL, 2, 0 },
    { "source (JSON)", JS ("source"), NULL, NULL, 2, 0 },
    { "attribution (JSON)",
      JB ("{\"type\": \"pullquote\", \"text\": \"W\",\n\"attribution\": \"%s\"}"), NULL, NULL, 3, 0 },
    { "related href (JSON)", JB ("{\"type\": \"related\", \"text\": \"W\",\n\"href\": \"%s\"}"),
      NULL, NULL, 3, 0 },
    { "figure credit (JSON)",
      JB ("{\"type\": \"figure\", \"text\": \"W\", \"image\": \"a.png\",\n\"credit\": \"%s\"}"),
      NULL, NULL, 3, 0 },
    { "comment author (JSON)",
      "{\"title\": \"T\", \"comments\": [{\"text\": \"W\",\n\"author\": \"%s\"}]}", NULL, NULL, 2, 0 },
    { "comment meta (JSON)",
      "{\"title\": \"T\", \"comments\": [{\"text\": \"W\", \"author\": \"A\",\n\"meta\": \"%s\"}]}",
      NULL, NULL, 2, 0 },
  };
  check_cases (INK_LIMIT_FIELD_BYTES, cases, sizeof cases / sizeof *cases);
}

/* The text of every kind of block: INK_LIMIT_PARAGRAPH_BYTES. */
TEST (block_text_bytes)
{
  static const field_case_t cases[] = {
    { "subhead", "---\ntitle: T\n---\n\n## %s\n", NULL, NULL, 5, 0 },
    { "list item", "---\ntitle: T\n---\n\n- %s\n", NULL, NULL, 5, 0 },
    { "block quote", "---\ntitle: T\n---\n\n> %s\n", NULL, NULL, 5, 0 },
    { "pull quote", "---\ntitle: T\n---\n\n> [!quote] %s\n", NULL, NULL, 5, 9 },
    { "related title", "---\ntitle: T\n---\n\n> [!read] %s\n", NULL, NULL, 5, 8 },
    { "comment text", "---\ntitle: T\n---\n\n> [!comment] Ann\n> %s\n", NULL, NULL, 5, 15 },
    { "figure caption", "---\ntitle: T\n---\n\n![%s](a.png)\n", NULL, NULL, 5, 0 },
    { "subhead (JSON)", JB ("{\"type\": \"subhead\", \"level\": 2,\n\"text\": \"%s\"}"), NULL, NULL, 3, 0 },
    { "pull quote (JSON)", JB ("{\"type\": \"pullquote\",\n\"text\": \"%s\"}"), NULL, NULL, 3, 0 },
    { "list item (JSON)", JB ("{\"type\": \"list_item\", \"level\": 1,\n\"text\": \"%s\"}"), NULL, NULL,
      3, 0 },
    { "comment text (JSON)", "{\"title\": \"T\", \"comments\": [{\"author\": \"A\",\n\"text\": \"%s\"}]}",
      NULL, NULL, 2, 0 },
  };
  check_cases (INK_LIMIT_PARAGRAPH_BYTES, cases, sizeof cases / sizeof *cases);
}

int
main (void)
{
  RUN (raising_past_the_cap_is_refused);
  RUN (article_bytes);
  RUN (paragraph_bytes);
  RUN (blocks);
  RUN (nesting);
  RUN (pages);
  RUN (font_bytes);
  RUN (break_work);
  RUN (template_bytes);
  RUN (image_side_and_pixels);
  RUN (picture_bytes);
  RUN (field_bytes);
  RUN (block_text_bytes);
  return test_summary ();
}
