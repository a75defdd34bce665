/* A pull quote of the story's last paragraph, set where the article puts it (quotewait.c),
 * read before that paragraph on the last page: across the foot of the page's columns
 * instead, under all the text, read after its passage (lib/paginate/lastfoot.c). */
#include <inkset/inkset.h>
#include <stdio.h>
#include <string.h>
#include "test.h"
#include "fixture.h"
#include "makeup_check.h"
#include "checked.h"

/* A Japanese story (the property case quote-of-last-paragraph.ja) of short paragraphs, three
 * pull quotes, the last quoting the last paragraph two blocks before it. On print-a4 (one
 * page) that quote stood in column 3 over its passage, on kiosk-10.3 it waited across the
 * columns for page 2's top and opened it over the passage's two lines: read before the
 * paragraph it quotes (quote-before-passage) on both. It now goes across the foot of the
 * last page's columns, the text over it balanced; the pages stay as many. */
TEST (last_paragraph_quote_across_foot)
{
  const char *a = "tests/makeup/property-cases/quote-of-last-paragraph.ja.md";
  const char *tpls[] = { "print-a4", "kiosk-10.3" };
  const size_t want[] = { 1, 2 };
  for (size_t i = 0; i < sizeof tpls / sizeof *tpls; i++) {
    mk_report_t r;
    size_t pages = 0;
    bool ok = checked_sample (a, tpls[i], &pages, &r);
    CHECK (ok);
    CHECK_EQ_INT (pages, want[i]);
    CHECK_EQ_INT (r.count[MK_QUOTE_BEFORE_PASSAGE], 0);
    CHECK_EQ_INT (r.count[MK_FLOAT_ORDER], 0);
    CHECK_EQ_INT (r.count[MK_UNBALANCED_LAST_PAGE], 0);
    mk_report_free (&r);
  }
}

int
main (void)
{
  RUN (last_paragraph_quote_across_foot);
  return test_summary ();
}
