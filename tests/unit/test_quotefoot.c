/* A pull quote that ends a column of a full page ends it on the other columns' last baseline
 * (quotefoot.c): where its rule under it would pass the frame's foot if the quote came down
 * whole, its lines come down inside its box, the rule kept clear of its last line. Before, the
 * make-up checker found the quote's attribution 30 px over the text beside it on an Urdu
 * kiosk-7.5 page 3 (one line step 48 px) and 11.5 px over it on a Greek one (step 24 px):
 * uneven-full-page. The quote comes down once every page is set: make-up's search, which
 * scores each setting it tries as it will be printed, does not see it, so the pages it sets
 * are those it set before. */
#include <inkset/inkset.h>
#include <stdio.h>
#include <string.h>
#include "layout-internal.h"
#include "test.h"
#include "fixture.h"
#include "makeup_check.h"
#include "checked.h"

#define COLD_STORAGE "tests/unit/articles/cold-storage-quote.ur.md"
#define THESSALONIKI "tests/unit/articles/thessaloniki-metro-quote.el.md"

/* Urdu, kiosk-7.5 p3: a quote ends column 2, its rule 20 px over the foot. */
TEST (quote_ends_on_the_text_baseline_urdu)
{
  CHECK_EQ_INT (checked_faults (COLD_STORAGE, "kiosk-7.5", MK_UNEVEN_FULL_PAGE), 0);
  CHECK_EQ_INT (checked_faults (COLD_STORAGE, "kiosk-7.5", MK_RULE_TOUCH), 0);
}

/* Greek, kiosk-7.5 p3: a quote ends column 1, its rule 9 px over the foot. */
TEST (quote_ends_on_the_text_baseline_greek)
{
  CHECK_EQ_INT (checked_faults (THESSALONIKI, "kiosk-7.5", MK_UNEVEN_FULL_PAGE), 0);
  CHECK_EQ_INT (checked_faults (THESSALONIKI, "kiosk-7.5", MK_RULE_TOUCH), 0);
}

/* Each page of name laid out on tpl holds want[p] lines of pull quotes (n pages). */
static void
check_quote_pages (const char *name, const char *tpl, const size_t *want, size_t n)
{
  fixture_t s;
  if (!fixture_lay_out_article (&s, name, tpl))
    return;   /* a failed check already */
  CHECK_EQ_INT ((int) s.doc->pages.n, (int) n);
  for (size_t p = 0; p < s.doc->pages.n && p < n; p++) {
    const ink__page_t *pg = &s.doc->pages.v[p];
    size_t quote = 0;
    for (size_t i = pg->l0; i < pg->l0 + pg->nl; i++)
      quote += s.doc->lines.v[i].role == INK_ROLE_QUOTE;
    if (quote != want[p])
      printf ("  %s %s page %zu: %zu quote lines, not %zu\n", name, tpl, p + 1, quote, want[p]);
    CHECK (quote == want[p]);
  }
  fixture_tear_down (&s);
}

/* Urdu, kiosk-7.5: the search sets one pull quote on page 3 and the other on page 4. Scored
 * with the quote come down, it set page 3 with text alone and the quotes on pages 4 and 5. */
TEST (quote_pages_as_searched_urdu)
{
  static const size_t want[] = { 0, 0, 4, 5, 0, 0 };
  check_quote_pages ("gas-pressure-quotes.ur.md", "kiosk-7.5", want, 6);
}

/* Hebrew, kiosk-10.3: page 2 holds the pull quotes, page 1 none. Scored with the quote come
 * down, the search set one on page 1. */
TEST (quote_pages_as_searched_hebrew)
{
  static const size_t want[] = { 0, 13, 0 };
  check_quote_pages ("rail-path-cost-quotes.he.md", "kiosk-10.3", want, 3);
}

int
main (void)
{
  RUN (quote_ends_on_the_text_baseline_urdu);
  RUN (quote_ends_on_the_text_baseline_greek);
  RUN (quote_pages_as_searched_urdu);
  RUN (quote_pages_as_searched_hebrew);
  return test_summary ();
}
