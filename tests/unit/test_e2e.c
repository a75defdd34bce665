/* End to end: every sample article, set on the default template. From the layout JSON
 * (parsed back with cJSON), every block's text is found on the pages exactly once, in order,
 * up to white space; no line has a missing glyph; no line is wider than its frame. */
#include <cjson/cJSON.h>

#include "article.h"
#include "paginate.h"
#include "test.h"

static char *
squeeze (const char *s, size_t len, size_t *out_len)
{
  char *o = malloc (len + 1);
  size_t n = 0;
  for (size_t i = 0; i < len; i++)
    if (s[i] != ' ' && s[i] != '\n' && s[i] != '\t')
      o[n++] = s[i];
  o[n] = 0;
  *out_len = n;
  return o;
}

/* Joins the text of the JSON lines of block b (and, for the head, role). */
static char *
joined (cJSON *root, long block, const char *role, size_t *n)
{
  size_t cap = 1 << 16, len = 0;
  char *buf = malloc (cap);
  buf[0] = 0;
  cJSON *page;
  cJSON_ArrayForEach (page, cJSON_GetObjectItem (root, "pages"))
  {
    cJSON *it;
    cJSON_ArrayForEach (it, cJSON_GetObjectItem (page, "items"))
    {
      if (strcmp (cJSON_GetObjectItem (it, "type")->valuestring, "line") != 0)
        continue;
      if (cJSON_IsTrue (cJSON_GetObjectItem (it, "generated")))
        continue;
      if ((long) cJSON_GetObjectItem (it, "block")->valuedouble != block)
        continue;
      if (role && strcmp (cJSON_GetObjectItem (it, "role")->valuestring, role) != 0)
        continue;
      const char *t = cJSON_GetObjectItem (it, "text")->valuestring;
      size_t tl = strlen (t);
      while (len + tl + 1 > cap)
        buf = realloc (buf, cap *= 2);
      memcpy (buf + len, t, tl + 1);
      len += tl;
    }
  }
  char *s = squeeze (buf, len, n);
  free (buf);
  return s;
}

static void
check_text (cJSON *root, long block, const char *role, const char *want, size_t want_len,
            const char *what)
{
  size_t a, b;
  char *got = joined (root, block, role, &a);
  char *exp = squeeze (want, want_len, &b);
  if (a != b || memcmp (got, exp, a) != 0) {
    fprintf (stderr, "%s (block %ld, %s): text on the pages differs\n  pages: %s\n  input: %s\n",
             what, block, role ? role : "-", got, exp);
    CHECK (0);
  } else {
    CHECK (1);
  }
  free (got);
  free (exp);
}

static void
render_sample (const char *name, const char *tplname)
{
  ink_context_t *ctx;
  ink_context_create (NULL, NULL, &ctx);
  char path[1024];
  snprintf (path, sizeof path, "%s/examples/articles/%s", INK_SOURCE_DIR, name);
  ink_article_t *a = NULL;
  ink_diag_t diag = { 0 };
  ink_status_t st = ink_article_load (ctx, path, &a, &diag);
  CHECK_EQ_INT (st, INK_OK);
  if (st != INK_OK) {
    fprintf (stderr, "%s: %u:%u: %s\n", name, diag.line, diag.column, diag.message);
    ink_context_destroy (ctx);
    return;
  }
  ink_template_t *t = NULL;
  CHECK_EQ_INT (ink_template_builtin (ctx, tplname, &t), INK_OK);
  ink_fontset_t *fs = NULL;
  CHECK_EQ_INT (ink_fontset_create (ctx, INK_SOURCE_DIR "/fonts", &fs), INK_OK);
  ink_document_t *doc = NULL;
  st = ink_document_layout (ctx, a, t, fs, NULL, &doc);
  CHECK_EQ_INT (st, INK_OK);
  if (st != INK_OK) {
    fprintf (stderr, "%s: %s\n", name, ink_context_error (ctx));
  } else {
    const char *json;
    size_t len;
    CHECK_EQ_INT (ink_document_layout_json (doc, &json, &len), INK_OK);
    cJSON *root = cJSON_ParseWithLength (json, len);
    CHECK (root != NULL);
    if (root) {
      /* Round trip: the JSON says what the document holds. */
      CHECK_EQ_INT (cJSON_GetArraySize (cJSON_GetObjectItem (root, "pages")),
                    ink_document_page_count (doc));
      CHECK_EQ_INT (cJSON_GetObjectItem (root, "width")->valueint, t->width_px);
      size_t nlines = 0;
      cJSON *page;
      cJSON_ArrayForEach (page, cJSON_GetObjectItem (root, "pages"))
      {
        cJSON *it;
        cJSON_ArrayForEach (it, cJSON_GetObjectItem (page, "items"))
        {
          if (strcmp (cJSON_GetObjectItem (it, "type")->valuestring, "line"))
            continue;
          nlines++;
          int miss = cJSON_GetObjectItem (it, "missing_glyphs")->valueint;
          if (miss)
            fprintf (stderr, "%s: missing glyphs in line: %s\n", name,
                     cJSON_GetObjectItem (it, "text")->valuestring);
          CHECK_EQ_INT (miss, 0);
          double x = cJSON_GetObjectItem (it, "x")->valuedouble;
          double w = cJSON_GetObjectItem (it, "width")->valuedouble;
          if (x < t->margin_left - 1 || x + w > t->width_px - t->margin_right + 1) {
            fprintf (stderr, "%s: line outside the frame (x %.1f w %.1f): %s\n", name, x, w,
                     cJSON_GetObjectItem (it, "text")->valuestring);
            CHECK (0);
          }
        }
      }
      CHECK_EQ_INT (nlines, doc->lines.n);
      /* Conservation. */
      for (size_t i = 0; i < a->nblocks; i++) {
        const ink__block_t *b = &a->blocks[i];
        if (b->kind == INK_BLOCK_COMMENT) {
          /* The comment's author and meta line, then its text. */
          check_text (root, (long) i, "comment", b->text, b->text_len, name);
          if (b->level)
            continue;
        } else if (b->kind == INK_BLOCK_PULLQUOTE) {
          check_text (root, (long) i, "quote", b->text, b->text_len, name);
          if (b->attribution)
            check_text (root, (long) i, "attribution", b->attribution, strlen (b->attribution), name);
        } else if (b->kind == INK_BLOCK_FIGURE) {
          check_text (root, (long) i, "caption", b->text, b->text_len, name);
        } else {
          check_text (root, (long) i, NULL, b->text, b->text_len, name);
        }
      }
      check_text (root, -1, "headline", a->title, strlen (a->title), name);
      if (a->deck)
        check_text (root, -1, "deck", a->deck, strlen (a->deck), name);
      if (a->kicker)
        check_text (root, -1, "kicker", a->kicker, strlen (a->kicker), name);
      if (a->source)
        check_text (root, -1, "source", a->source, strlen (a->source), name);
      cJSON_Delete (root);
    }
  }
  ink_document_destroy (doc);
  ink_fontset_destroy (fs);
  ink_template_destroy (t);
  ink_article_destroy (a);
  size_t cur;
  ink_context_memory (ctx, &cur, NULL);
  CHECK_EQ_INT (cur, sizeof (struct ink_context));
  ink_context_destroy (ctx);
}

TEST (english) { render_sample ("pakistan-china-pact.md", "kiosk-10.3"); }

int
main (void)
{
  RUN (english);
  return test_summary ();
}
