/* A pull quote across the columns is read within reach of the text it follows
 * (lib/paginate/spantop.c, ink__span_near_text; the make-up check's float-reach). The flow
 * sets such a quote across the next page's top when it meets it below this page's; when the
 * text it follows began on the page before and ends near this page's top, or when this page
 * holds much of the text after it, the reader met it pages or a column of entries late:
 * inquiry-day-nine-long (held out) read ten quotes four to nine paragraphs late, a live blog
 * its quote from the 09:05 entry after 16:30. The page is now set again with the quote across
 * its top (the paragraph it follows begun on the page before) or in its turn at the column's
 * width, when the columns then end within a line step.
 *
 * lock-flood-hearing (tests/unit/articles): six sessions of seven paragraphs, a pull quote
 * after each session's second; on main's engine kiosk-10.3 read two quotes 5 and 8
 * paragraphs late (51 and 65 lines), kiosk-7.5 three after 26 to 31 lines (more than its
 * column), print-a4 one after 65 lines. canal-closure-live: fourteen timestamped entries, the
 * quote after the fourth; kiosk-10.3 read it on page 2 after nine later entries. */
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

#define HEARING "tests/unit/articles/lock-flood-hearing.md"
#define LIVE "tests/unit/articles/canal-closure-live.md"

TEST (long_article_quotes_within_reach)
{
  CHECK_EQ_INT (checked_faults (HEARING, "kiosk-7.5", MK_FLOAT_REACH), 0);
  CHECK_EQ_INT (checked_faults (HEARING, "print-a4", MK_FLOAT_REACH), 0);
  CHECK_EQ_INT (checked_faults (HEARING, "reader-6", MK_FLOAT_REACH), 0);
  /* Page 6's quote waited too (across page 5's top or in its turn the columns ended further
   * apart than a line step) until the page was evened with it in its column (evenfloat.c). */
  CHECK_EQ_INT (checked_faults (HEARING, "kiosk-10.3", MK_FLOAT_REACH), 0);
}

TEST (long_article_quotes_keep_their_order)
{
  const char *tpls[] = { "kiosk-10.3", "kiosk-7.5", "reader-6", "print-a4" };
  for (size_t i = 0; i < sizeof tpls / sizeof *tpls; i++) {
    CHECK_EQ_INT (checked_faults (HEARING, tpls[i], MK_FLOAT_ORDER), 0);
    CHECK_EQ_INT (checked_faults (HEARING, tpls[i], MK_QUOTE_BEFORE_PASSAGE), 0);
    CHECK_EQ_INT (checked_faults (HEARING, tpls[i], MK_UNEVEN_FULL_PAGE), 0);
  }
}

TEST (live_blog_quote_by_its_entry)
{
  const char *tpls[] = { "kiosk-10.3", "kiosk-7.5", "reader-6", "print-a4" };
  for (size_t i = 0; i < sizeof tpls / sizeof *tpls; i++) {
    CHECK_EQ_INT (checked_faults (LIVE, tpls[i], MK_FLOAT_REACH), 0);
    CHECK_EQ_INT (checked_faults (LIVE, tpls[i], MK_FLOAT_ORDER), 0);
    CHECK_EQ_INT (checked_faults (LIVE, tpls[i], MK_QUOTE_BEFORE_PASSAGE), 0);
  }
}

/* A page with the quote waiting across the next page's top, out of its text's reach, is
 * evened again with the quote in its column (evenfloat.c, far), kept when it passes as even
 * and full though its balancing costs more than nothing or a line stands alone at a column's
 * foot as the template allows: on main's engine
 * hangzhou-canal.zh kiosk-10.3 read its quote 11 paragraphs late, irbid-library.ar
 * kiosk-7.5 after 7, snow-live kiosk-10.3 after 6 entries, khonkaen-drought.th kiosk-7.5
 * after 9, saigon-metro.vi kiosk-7.5 after 6, schwerin-gesetze.de kiosk-10.3 after 8 (49
 * lines), cadiz-astillero.es kiosk-10.3 after 10, across a last page of five lines. */
TEST (far_quote_in_its_column)
{
  const char *renders[][2] = { { "hangzhou-canal.zh.md", "kiosk-10.3" },
                               { "irbid-library.ar.md", "kiosk-7.5" },
                               { "snow-live.md", "kiosk-10.3" },
                               { "khonkaen-drought.th.md", "kiosk-7.5" },
                               { "saigon-metro.vi.md", "kiosk-7.5" },
                               { "schwerin-gesetze.de.md", "kiosk-10.3" },
                               { "cadiz-astillero.es.md", "kiosk-10.3" } };
  const mk_kind_t kinds[] = { MK_FLOAT_REACH, MK_COLUMN_HOLE, MK_UNEVEN_FULL_PAGE,
                              MK_UNBALANCED_LAST_PAGE };
  for (size_t i = 0; i < sizeof renders / sizeof *renders; i++)
    for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++)
      CHECK_EQ_INT (checked_faults (renders[i][0], renders[i][1], kinds[k]), 0);
}

/* A pull quote that would open the page of comments goes across this page's top only when its
 * passage is not set under it there (spantop.c): river-recovery print-a4 read block 20 across
 * page 2's top before the paragraph it quotes once block 8 went in its column on page 1; it
 * now stands at a column's top of page 2, after its passage. */
TEST (quote_before_comments_after_its_passage)
{
  CHECK_EQ_INT (checked_faults ("river-recovery.md", "print-a4", MK_QUOTE_BEFORE_PASSAGE), 0);
  CHECK_EQ_INT (checked_faults ("river-recovery.md", "print-a4", MK_FLOAT_REACH), 0);
  CHECK_EQ_INT (checked_faults ("river-recovery.md", "print-a4", MK_FLOAT_ORDER), 0);
}

/* A page evened with the far quote in its column is judged as it will be printed: a column
 * a line step short of the other takes the step between two of its paragraphs (vjust.c), as
 * on any full page whose text goes on (evenfloat.c, judge_printed). isan-rail-drought.th
 * (held-out, tests/unit/articles) kiosk-7.5: judged without that step, page 2 let its quote
 * wait across page 3's top, read six blocks (13 lines) after its paragraph, and the article
 * took four pages, page 3's columns 84 px apart and page 4 a runt of two lines; the quote now
 * opens page 2's second column, right after its paragraph ends the first, on three pages. */
TEST (far_quote_in_its_column_as_printed)
{
  const char *art = "tests/unit/articles/isan-rail-drought.th.md";
  const mk_kind_t kinds[] = { MK_FLOAT_REACH, MK_UNEVEN_FULL_PAGE, MK_RUNT_PAGE, MK_COLUMN_HOLE,
                              MK_FLOAT_ORDER };
  for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++)
    CHECK_EQ_INT (checked_faults (art, "kiosk-7.5", kinds[k]), 0);
}

int
main (void)
{
  RUN (long_article_quotes_within_reach);
  RUN (long_article_quotes_keep_their_order);
  RUN (live_blog_quote_by_its_entry);
  RUN (far_quote_in_its_column);
  RUN (quote_before_comments_after_its_passage);
  RUN (far_quote_in_its_column_as_printed);
  return test_summary ();
}
