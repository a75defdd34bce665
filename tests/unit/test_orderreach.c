/* A short article's floats are read within reach of the text they follow (the make-up
 * check's float-reach), as floatorder.c weighs its plans: a float on the page after its text,
 * read after more than four blocks of text begun since or more lines than a column holds,
 * counts against a plan (ordertrial.c, out_of_reach), after every float read out of turn.
 *
 * port-authority-quote (held out, a short story recombined from the samples): its pull quote
 * follows the last paragraph of page 2's first column. On main's engine kiosk-10.3 set it
 * across page 3's top, read after the six paragraphs (38 lines) of page 2's second column;
 * no float was read out of turn, so no other plan was tried. Weighed for its reach, a plan
 * is found that opens page 2's second column with the quote, read right after its text. */
#include <inkset/inkset.h>
#include <stdio.h>
#include <string.h>
#include "article.h"
#include "floatorder.h"
#include "paginate.h"
#include "template.h"
#include "test.h"
#include "fixture.h"
#include "fixture_order.h"
#include "makeup_check.h"
#include "checked.h"

#define PORT "tests/unit/articles/port-authority-quote.md"
#define SEA_TRAM "tests/unit/articles/odesa-sea-tram.uk.md"
#define LIBRARY INK_SOURCE_DIR "/tests/unit/articles/library-late-hours.zh.md"

TEST (short_article_quote_within_reach)
{
  CHECK_EQ_INT (checked_faults (PORT, "kiosk-10.3", MK_FLOAT_REACH), 0);
}

/* The plan kept for reach reads no float out of turn, sets no hole under the quote, and ends
 * the pages as the article's order did. */
TEST (short_article_quote_in_turn_well_made_up)
{
  const char *tpls[] = { "kiosk-10.3", "kiosk-7.5", "reader-6", "print-a4" };
  const mk_kind_t kinds[] = { MK_FLOAT_ORDER, MK_COLUMN_HOLE, MK_UNEVEN_FULL_PAGE,
                              MK_QUOTE_BEFORE_PASSAGE };
  for (size_t i = 0; i < sizeof tpls / sizeof *tpls; i++)
    for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++)
      CHECK_EQ_INT (checked_faults (PORT, tpls[i], kinds[k]), 0);
}

/* A pull quote on the last page it may go on goes in under a paragraph there with less white
 * (latespace.c, ink__place_under_text). odesa-sea-tram.uk (held out, a short story
 * recombined from the samples, its chart replaced by tide-chart.png): three pull quotes and
 * a related link follow page 1's text, each quote a third of a reader-6 page. On main's
 * engine each quote waited for a page's top, the one there leaving the next a few lines short
 * of room under the paragraph that follows it: pages 2, 3 and 4 opened on a quote each, read
 * 14 to 27 lines after their text (four float-reach, five float-order), and the chart stood
 * alone on page 5. The second quote now follows page 2's paragraph, its white cut, and the
 * chart opens page 4 over the story's last paragraphs; the third quote, the link and the chart are still read two
 * pages after their text (no page holds three quotes and text between them). */
TEST (late_quote_under_paragraph)
{
  CHECK_EQ_INT (checked_faults (SEA_TRAM, "reader-6", MK_FLOAT_REACH), 0);
  CHECK_EQ_INT (checked_faults (SEA_TRAM, "reader-6", MK_FLOATS_ONLY_PAGE), 0);
  CHECK (checked_faults (SEA_TRAM, "reader-6", MK_FLOAT_ORDER) <= 3);
}

/* A float follows the passage a pull quote up to it waits for, as the make-up check reads it
 * (quotewait.c, ordertrial.c). library-late-hours.zh (held out, held-zh-2): its first pull
 * quote (block 2) waits for the paragraph that holds its words (block 15, page 3), and the
 * three quotes after it wait behind it; reader-6 reads them on pages 3 to 5 in the article's
 * order, and the check finds one out of turn, the last (block 13, page 5). The search weighed
 * all four two pages late, from the text before each, and spent every layout of its budget
 * on moves of block 2, read in its turn. */
TEST (float_follows_waited_passage)
{
  fixture_t s;
  lay_t L;
  ink_document_t *doc;
  if (!fixture_lay_out_in_order (&s, LIBRARY, "reader-6", &L, &doc))
    return;
  order_trial_t tr;
  ink__order_measure (&L, &tr);
  CHECK_EQ_INT (tr.first, 13);
  CHECK_EQ_INT (tr.faults / ORDER_FAR_WEIGHT, 1);
  fixture_order_free (&s, &L, doc);
}

int
main (void)
{
  RUN (short_article_quote_within_reach);
  RUN (short_article_quote_in_turn_well_made_up);
  RUN (late_quote_under_paragraph);
  RUN (float_follows_waited_passage);
  return test_summary ();
}
