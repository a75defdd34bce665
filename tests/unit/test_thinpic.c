/* A picture less than a page pixel on a side is left out, and the writer told (picsize.c):
 * a feed's 4000x2 strip set a column wide was drawn a third of a pixel high, and a 2x4000
 * one a quarter of a pixel wide down a whole column, white on the page with its caption
 * beside nothing and no word to the writer. Now no picture item is drawn, the log names
 * the line and column of the picture and its pixels, and the caption is still on the page,
 * on the bundled templates; as a figure in the body and as the lead picture. */
#include <inkset/inkset.h>
#include <stdio.h>
#include <string.h>
#include "layout-internal.h"
#include "test.h"
#include "fixture.h"
#include "articlefix.h"

/* Lays out article (under tests/unit/articles) on tpl, then again with the log captured in
 * warnings, into *doc. */
static bool
lay_out (fixture_t *s, const char *article, const char *tpl, ink_document_t **doc)
{
  *doc = NULL;
  warnings[0] = 0;
  if (!fixture_lay_out_article (s, article, tpl)) {
    *s = (fixture_t) { 0 };   /* torn down already */
    return false;
  }
  ink_context_set_log (s->ctx, capture, NULL);
  CHECK_EQ_INT (ink_document_layout (s->ctx, s->a, s->t, s->fs, NULL, doc), INK_OK);
  return *doc != NULL;
}

static size_t
pictures_drawn (const ink_document_t *doc)
{
  size_t n = 0;
  for (size_t i = 0; i < doc->items.n; i++)
    n += doc->items.v[i].kind == INK_ITEM_IMAGE;
  return n;
}

static bool
on_page (const ink_document_t *doc, const char *words)
{
  size_t n = strlen (words);
  for (size_t i = 0; i + n <= doc->text.n; i++)
    if (memcmp (doc->text.s + i, words, n) == 0)
      return true;
  return false;
}

static const char *const templates[] = { "kiosk-10.3", "kiosk-7.5", "reader-6", "print-a4" };

/* article on every bundled template: no picture drawn, told once at where, caption kept. */
static void
check_left_out (const char *article, const char *where, const char *caption)
{
  for (size_t k = 0; k < sizeof templates / sizeof *templates; k++) {
    fixture_t s;
    ink_document_t *doc;
    bool ok = lay_out (&s, article, templates[k], &doc);
    CHECK (ok);
    if (ok) {
      printf ("%s on %s: %zu pictures drawn; log: %s", article, templates[k],
              pictures_drawn (doc), warnings);
      CHECK_EQ_INT ((int) pictures_drawn (doc), 0);
      const char *at = strstr (warnings, where);
      CHECK (at != NULL);
      CHECK (strstr (warnings, "it would show nothing: left out") != NULL);
      CHECK (at && !strstr (at + 1, where));
      CHECK (on_page (doc, caption));
    }
    ink_document_destroy (doc);
    if (s.ctx)
      fixture_tear_down (&s);
  }
}

TEST (strip_figure_left_out)
{
  check_left_out ("thin-strip.md", "12:1: picture \"images/strip-wide.png\" is 4000x2 pixels",
                  "The slipway at low water");
}

TEST (strip_lead_left_out)
{
  check_left_out ("thin-strip-lead.md", "8:1: picture \"images/strip-tall.png\" is 2x4000 pixels",
                  "The harbour mast from the quay");
}

int
main (void)
{
  RUN (strip_figure_left_out);
  RUN (strip_lead_left_out);
  return test_summary ();
}
