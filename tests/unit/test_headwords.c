/* Words kept whole where a line can hold them: a head breaks a word only when no setting
 * without the break fits (a Tamil head on reader-6 read "கற்சிற்பக் கலை- / ஞர்களுக்கு"), never
 * two lines in a row; and a pull quote too long to be balanced still ends on more than one
 * word. */
#include "article.h"
#include "layout-internal.h"
#include "paginate.h"
#include "test.h"

#include "fixture.h"

/* The headline's lines that end on a hyphen, and whether two in a row do. */
static size_t
head_hyphens (const ink_document_t *doc, bool *stacked)
{
  size_t n = 0;
  bool prev = false;
  *stacked = false;
  for (size_t i = 0; i < doc->lines.n; i++) {
    const ink__lrec_t *l = &doc->lines.v[i];
    if (l->role != INK_ROLE_HEADLINE)
      continue;
    *stacked |= prev && l->hyphenated;
    prev = l->hyphenated;
    n += l->hyphenated;
  }
  return n;
}

/* A head whose last word is short and cannot join the long word before it at the head's size
 * ("Inverkeithingmuir / pier" on reader-6) is set a step or two smaller, where the two fit one
 * line, rather than end on the short word alone. */
TEST (short_last_word_given_company_by_size)
{
  fixture_t s;
  if (!fixture_lay_out_article (&s, "inverkeithing-pier.md", "reader-6"))
    return;
  const ink__lrec_t *last = NULL;
  for (size_t i = 0; i < s.doc->lines.n; i++)
    if (s.doc->lines.v[i].role == INK_ROLE_HEADLINE)
      last = &s.doc->lines.v[i];
  CHECK (last != NULL);
  if (last) {
    const char *text = s.doc->text.s + last->text_off;
    bool spaced = memchr (text, ' ', last->text_len) != NULL;
    if (!spaced)
      fprintf (stderr, "  the headline ends on \"%.*s\"\n", (int) last->text_len, text);
    CHECK (spaced);
  }
  fixture_tear_down (&s);
}

/* Tamil head words are wider than half a head's line on every template; each but
 * "சுற்றுலாப்பயணிகளிடம்" fits a line whole. Only on reader-6, where that one is wider than the
 * line, is a word broken, once. */
TEST (tamil_head_breaks_no_word_that_fits)
{
  static const char *const tpls[] = { "kiosk-10.3", "kiosk-7.5", "print-a4", "reader-6" };
  for (size_t k = 0; k < sizeof tpls / sizeof *tpls; k++) {
    fixture_t s;
    if (!fixture_lay_out_article (&s, "bronze-casters.ta.md", tpls[k]))
      continue;
    bool stacked;
    size_t n = head_hyphens (s.doc, &stacked);
    CHECK (n <= (strcmp (tpls[k], "reader-6") == 0 ? 1u : 0u));
    CHECK (!stacked);
    if (n > (strcmp (tpls[k], "reader-6") == 0 ? 1u : 0u))
      fprintf (stderr, "  %s: %zu head lines end on a hyphen\n", tpls[k], n);
    fixture_tear_down (&s);
  }
}

/* The pull quote's last line, with no space inside it: one word alone ("" when it has more). */
static void
quote_last_word (const ink_document_t *doc, char *out, size_t size)
{
  const ink__lrec_t *last = NULL;
  for (size_t i = 0; i < doc->lines.n; i++)
    if (doc->lines.v[i].role == INK_ROLE_QUOTE)
      last = &doc->lines.v[i];
  out[0] = 0;
  if (!last)
    return;
  const char *t = doc->text.s + last->text_off;
  size_t n = last->text_len;
  while (n > 0 && t[n - 1] == ' ')
    n--;
  if (n > 0 && !memchr (t, ' ', n))
    snprintf (out, size, "%.*s", (int) n, t);
}

/* harbour-wall-quote's pull quote runs to thirteen lines in reader-6's column, more than a
 * quote is balanced in; its last line read "stand." alone under "the beach in their buckets.
 * It will". The lines above give it company on every template. */
TEST (long_quote_ends_on_more_than_a_word)
{
  static const char *const tpls[] = { "kiosk-10.3", "kiosk-7.5", "print-a4", "reader-6" };
  for (size_t k = 0; k < sizeof tpls / sizeof *tpls; k++) {
    fixture_t s;
    if (!fixture_lay_out_article (&s, "harbour-wall-quote.md", tpls[k]))
      continue;
    char word[128];
    quote_last_word (s.doc, word, sizeof word);
    CHECK (word[0] == 0);
    if (word[0])
      fprintf (stderr, "  %s: the quote ends on \"%s\" alone\n", tpls[k], word);
    fixture_tear_down (&s);
  }
}

int
main (void)
{
  RUN (short_last_word_given_company_by_size);
  RUN (tamil_head_breaks_no_word_that_fits);
  RUN (long_quote_ends_on_more_than_a_word);
  return test_summary ();
}
