/* A short article's pull quotes are set smaller, their white with them, where at their size
 * they starve a page of text (quotestarve.c): a page the story runs on past holds two or
 * three lines between quotes that take the rest (the make-up check's starved-page).
 *
 * brevet-resultats.fr on reader-6 set its quote across page 3's top, four lines at 14 pt in
 * their white, and under it the three lines of text the page had room for beside the table
 * that followed; the story ended on page 4. towpath-bridges.zh (held out, held-zh-0) opened
 * page 1 with one line of text over its first quote and ran on to five pages. Smaller, the
 * quotes leave those pages their text, and each story a page less. */
#include <inkset/inkset.h>
#include <stdio.h>
#include <string.h>
#include "article.h"
#include "paginate.h"
#include "template.h"
#include "test.h"
#include "fixture.h"
#include "makeup_check.h"
#include "checked.h"

#define BREVET "brevet-resultats.fr.md"
#define TOWPATH "tests/unit/articles/towpath-bridges.zh.md"

TEST (starving_quotes_set_smaller)
{
  CHECK_EQ_INT (checked_faults (BREVET, "reader-6", MK_STARVED_PAGE), 0);
  CHECK_EQ_INT (checked_faults (TOWPATH, "reader-6", MK_STARVED_PAGE), 0);
}

/* The lines of role `role` on the document's pages: the least and the most height. */
static void
line_heights (const ink_document_t *doc, int role, int32_t *least, int32_t *most)
{
  *least = INT32_MAX;
  *most = 0;
  for (size_t i = 0; i < doc->lines.n; i++) {
    const ink__lrec_t *l = &doc->lines.v[i];
    if (l->role != role || l->generated)
      continue;
    *least = l->h < *least ? l->h : *least;
    *most = l->h > *most ? l->h : *most;
  }
}

/* Set smaller, a quote still reads as one: its lines stand taller than the body's, all at one
 * size, under the step of its style's leading. */
TEST (smaller_quote_larger_than_body)
{
  fixture_t s;
  char path[512];
  snprintf (path, sizeof path, "%s/examples/articles/%s", INK_SOURCE_DIR, BREVET);
  if (!fixture_lay_out (&s, NULL, path, "reader-6")) {
    fixture_tear_down (&s);
    return;
  }
  int32_t q_least, q_most, b_least, b_most;
  line_heights (s.doc, INK_ROLE_QUOTE, &q_least, &q_most);
  line_heights (s.doc, INK_ROLE_BODY, &b_least, &b_most);
  int32_t leading = (int32_t) (s.t->styles[INK_ROLE_QUOTE].leading_px * 64.0f + 0.5f);
  CHECK (q_most > 0);
  CHECK_EQ_INT (q_least, q_most);
  CHECK (q_most < leading);
  CHECK (q_least > b_most);
  fixture_tear_down (&s);
}

int
main (void)
{
  RUN (starving_quotes_set_smaller);
  RUN (smaller_quote_larger_than_body);
  return test_summary ();
}
