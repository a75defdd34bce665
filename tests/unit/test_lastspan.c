/* The last two pages made up together when a float across the columns waits for the text's
 * end (lastpair.c): the pair is tried, the float set as the flow's end sets it, and one column
 * of the full page alone may end a line higher to give the last page the lines it shares. */
#include <inkset/inkset.h>
#include <stdio.h>
#include <string.h>
#include "test.h"
#include "fixture.h"
#include "makeup_check.h"
#include "checked.h"

#define QUAIS "tests/unit/articles/quais-brevet.fr.md"
#define KIEL "tests/unit/articles/kiel-formulare.de.md"

/* article on tpl: on three pages, its last one's columns ending within a line step. */
static void
check_last_even (const char *article, const char *tpl)
{
  size_t pages;
  mk_report_t r;
  CHECK (checked_sample (article, tpl, &pages, &r));
  CHECK_EQ_INT (pages, 3);
  mk_report_free (&r);
  CHECK_EQ_INT (checked_faults (article, tpl, MK_UNBALANCED_LAST_PAGE), 0);
}

/* Three pages on kiosk-7.5, the pull quote across the last page's top. As the full page was
 * left, the last held two lines beside a comment of four, 40 px apart; with its second column
 * a line higher, three lines beside it. */
TEST (quote_waiting_comment_beside_text)
{
  check_last_even (QUAIS, "kiosk-7.5");
}

/* Three pages on kiosk-10.3, the pull quote under the last page's columns: they held five
 * lines beside a related link, 106 px apart; with the full page's columns ending higher, the
 * text's last two lines go over the link. */
TEST (quote_waiting_related_beside_text)
{
  check_last_even (KIEL, "kiosk-10.3");
}

int
main (void)
{
  RUN (quote_waiting_comment_beside_text);
  RUN (quote_waiting_related_beside_text);
  return test_summary ();
}
