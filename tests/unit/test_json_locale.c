/* The layout JSON under a host's locale with a decimal comma (setlocale, as an embedding
 * program may call it): numbers stay JSON numbers. The comma locale is made by the
 * locale_comma_setup test (localedef into the build folder, found through LOCPATH); without
 * one the test is skipped, saying why. */
#include <cjson/cJSON.h>
#include <locale.h>

#include "test.h"
#include <inkset/inkset.h>

#define SKIP 77

static const char *const comma_locales[] = { "de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8",
                                             "fr_FR.utf8", NULL };

static bool
comma_locale (void)
{
  for (const char *const *l = comma_locales; *l; l++)
    if (setlocale (LC_ALL, *l) && strcmp (localeconv ()->decimal_point, ",") == 0)
      return true;
  return false;
}

/* kiosk-10.3 at 227.5 dpi, so the dpi has a fraction to write. */
static char *
template_text (size_t *len)
{
  size_t n;
  char *buf = read_file (INK_SOURCE_DIR "/examples/templates/kiosk-10.3.ini", &n);
  char *room = buf ? realloc (buf, n + 3) : NULL;   /* for the ".5" put in */
  CHECK (room != NULL);
  if (!room) {
    free (buf);
    return NULL;
  }
  buf = room;
  char *dpi = strstr (buf, "\ndpi = 227\n");
  CHECK (dpi != NULL);
  if (!dpi) {
    free (buf);
    return NULL;
  }
  dpi += strlen ("\ndpi = 227");
  memmove (dpi + 2, dpi, n - (size_t) (dpi - buf) + 1);
  memcpy (dpi, ".5", 2);
  *len = n + 2;
  return buf;
}

TEST (dpi_under_comma_locale)
{
  ink_context_t *ctx;
  CHECK_EQ_INT (ink_context_create (NULL, NULL, &ctx), INK_OK);
  size_t tlen = 0;
  char *text = template_text (&tlen);
  ink_template_t *tpl = NULL;
  ink_article_t *a = NULL;
  ink_fontset_t *fs = NULL;
  ink_document_t *doc = NULL;
  ink_diag_t diag = { 0 };
  CHECK (text && ink_template_parse (ctx, text, tlen, "kiosk-227.5", &tpl, &diag) == INK_OK);
  CHECK_EQ_INT (ink_article_load (ctx, INK_SOURCE_DIR "/examples/articles/pakistan-china-pact.md",
                                  &a, &diag), INK_OK);
  CHECK_EQ_INT (ink_fontset_create (ctx, INK_SOURCE_DIR "/fonts", &fs), INK_OK);
  if (tpl && a && fs)
    CHECK_EQ_INT (ink_document_layout (ctx, a, tpl, fs, NULL, &doc), INK_OK);
  const char *json = NULL;
  size_t len = 0;
  if (doc)
    CHECK_EQ_INT (ink_document_layout_json (doc, &json, &len), INK_OK);
  if (json) {
    CHECK (strstr (json, "\"dpi\": 227.5,") != NULL);
    cJSON *root = cJSON_ParseWithLength (json, len);
    CHECK (root != NULL);
    if (root)
      CHECK (cJSON_GetObjectItem (root, "dpi")->valuedouble == 227.5);
    cJSON_Delete (root);
  }
  ink_document_destroy (doc);
  ink_fontset_destroy (fs);
  ink_article_destroy (a);
  ink_template_destroy (tpl);
  ink_context_destroy (ctx);
  free (text);
}

int
main (void)
{
  if (!comma_locale ()) {
    printf ("skipped: no locale with a decimal comma (tried de_DE and fr_FR, UTF-8); make one "
            "with 'localedef -i de_DE -f UTF-8 DIR/de_DE.UTF-8' and set LOCPATH=DIR\n");
    return SKIP;
  }
  char check[16];
  snprintf (check, sizeof check, "%.1f", 227.5);
  CHECK (strcmp (check, "227,5") == 0);   /* the locale is in force: %g would have broken */
  RUN (dpi_under_comma_locale);
  return test_summary ();
}
