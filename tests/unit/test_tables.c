/* Tables: a cell too narrow for its word breaks it at the word's hyphenation points, in the
 * bold header row as in the body, whether the table's style hyphenates or not; an emergency
 * break between two letters ("Inve-stiti-on", "Jäh-rliche") only where a stretch between
 * two points is wider than the cell. */
#include "article.h"
#include "breaks.h"
#include "paginate.h"
#include "template.h"
#include "test.h"

#include <stdio.h>

static const char table_md[] =
  "---\ntitle: Wärme\nlang: de\n---\n\nDie Stadtwerke rechnen vor.\n\n"
  "| Heizungsart | Investition | Jährliche Heizkosten | Kohlendioxidausstoß |\n"
  "|---|---:|---:|---:|\n"
  "| Fernwärme | 2.900 € | 2.150 € | 0,9 t |\n"
  "| Luftwasserwärmepumpe | 14.500 € | 1.780 € | 1,3 t |\n"
  "| Holzpelletkessel | 22.000 € | 1.950 € | 0,6 t |\n";

/* The piece of a table line from byte `from` of its text to the next space (or its end). */
static size_t
token_end (const char *s, size_t len, size_t from)
{
  while (from < len && s[from] != ' ')
    from++;
  return from;
}

/* Whether byte `at` of word w (a break after that many bytes) is a hyphenation point. */
static bool
at_point (ink__hyphenator_t *hy, const char *w, size_t len, size_t at)
{
  uint8_t points[128];
  if (len > sizeof points || at == 0)
    return false;
  ink__hyphenate (hy, "de", w, len, 0, 0, 0, points);
  return points[at - 1] != 0;
}

/* Each word a table line breaks with a hyphen, put together from its lines, breaks at its
 * hyphenation points only; *broken counts the breaks seen. */
static void
check_breaks (const ink_document_t *doc, ink__hyphenator_t *hy, const char *tpl,
              size_t *broken)
{
  char word[128];
  size_t wlen = 0, cuts[8], ncuts = 0;
  long block = -2;
  for (size_t i = 0; i < doc->lines.n; i++) {
    const ink__lrec_t *l = &doc->lines.v[i];
    if (l->role != INK_ROLE_TABLE || l->generated)
      continue;
    const char *s = doc->text.s + l->text_off;
    size_t n = l->text_len, from = 0;
    if (ncuts && l->block == block) {   /* the word goes on from the line before */
      size_t e = token_end (s, n, 0);
      if (wlen + e < sizeof word)
        memcpy (word + wlen, s, e), wlen += e;
      from = e;
      if (!(l->hyphenated && e == n)) {
        for (size_t k = 0; k < ncuts; k++) {
          bool ok = at_point (hy, word, wlen, cuts[k]);
          if (!ok)
            fprintf (stderr, "  %s: \"%.*s\" broken after byte %zu\n", tpl, (int) wlen, word,
                     cuts[k]);
          CHECK (ok);
          ++*broken;
        }
        ncuts = 0;
      } else if (ncuts < 8) {
        cuts[ncuts++] = wlen;
        continue;
      }
    }
    if (!l->hyphenated)
      continue;
    size_t last = n;
    while (last > from && s[last - 1] != ' ')
      last--;
    wlen = n - last < sizeof word ? n - last : 0;
    memcpy (word, s + last, wlen);
    cuts[0] = wlen;
    ncuts = wlen ? 1 : 0;
    block = l->block;
  }
}

static void
check_template (const char *name, const char *extra, ink__hyphenator_t *hy, size_t *broken)
{
  ink_context_t *ctx = NULL;
  ink_article_t *a = NULL;
  ink_template_t *t = NULL;
  ink_fontset_t *fs = NULL;
  ink_document_t *doc = NULL;
  CHECK_EQ_INT (ink_context_create (NULL, NULL, &ctx), INK_OK);
  CHECK_EQ_INT (ink_article_parse_markdown (ctx, table_md, strlen (table_md), NULL, &a, NULL),
                INK_OK);
  size_t len = 0;
  const char *src = ink_template_builtin_source (name, &len);
  char buf[16384];
  CHECK (src && len + strlen (extra) < sizeof buf);
  if (src && len + strlen (extra) < sizeof buf) {
    memcpy (buf, src, len);
    memcpy (buf + len, extra, strlen (extra));
    CHECK_EQ_INT (ink_template_parse (ctx, buf, len + strlen (extra), name, &t, NULL), INK_OK);
  }
  CHECK_EQ_INT (ink_fontset_create (ctx, INK_SOURCE_DIR "/fonts", &fs), INK_OK);
  if (a && t && fs &&
      ink_document_layout (ctx, a, t, fs, NULL, &doc) == INK_OK)
    check_breaks (doc, hy, name, broken);
  ink_document_destroy (doc);
  ink_fontset_destroy (fs);
  ink_template_destroy (t);
  ink_article_destroy (a);
  ink_context_destroy (ctx);
}

/* The bundled templates as they are, and kiosk-10.3 with a larger table style that
 * hyphenates or not (its cells then about ten letters wide). */
TEST (cells_break_at_hyphenation_points)
{
  ink_context_t *ctx = NULL;
  ink__hyphenator_t *hy = NULL;
  CHECK_EQ_INT (ink_context_create (NULL, NULL, &ctx), INK_OK);
  CHECK_EQ_INT (ink__hyphenator_create (ctx, NULL, &hy), INK_OK);
  size_t broken = 0;
  const char *const *names = ink_template_builtin_names ();
  for (size_t i = 0; names[i]; i++)
    check_template (names[i], "", hy, &broken);
  CHECK (broken >= 4);   /* the cells are narrow enough to break words */
  static const char *const extras[] = {
    "\n[style table]\nfamily = sans\nsize = 26px\nhyphenate = no\n",
    "\n[style table]\nfamily = sans\nsize = 26px\nhyphenate = yes\n",
  };
  for (size_t k = 0; k < sizeof extras / sizeof *extras; k++) {
    broken = 0;
    check_template ("kiosk-10.3", extras[k], hy, &broken);
    CHECK (broken >= 4);
  }
  ink__hyphenator_destroy (hy);
  ink_context_destroy (ctx);
}

int
main (void)
{
  RUN (cells_break_at_hyphenation_points);
  return test_summary ();
}
