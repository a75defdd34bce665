/* Chinese and Japanese text on a full page (setpara.c): make-up sets a paragraph a line
 * longer or shorter to end a page's columns together, but not when that opens the gaps
 * between its characters wider than three sixteenths of an em, on a full page as on the
 * last. The make-up checker (tests/tools/makeup_check.h) counts such paragraphs as
 * letter-spaced. */
#include <inkset/inkset.h>
#include <stdio.h>
#include "test.h"
#include "fixture.h"
#include "makeup_check.h"
#include "checked.h"

/* Page 1 ends short above a pull quote across the columns that waits for page 2: its first
 * two paragraphs were each set a line longer, 0.2 em between characters, to fill it. */
TEST (chinese_page_before_a_waiting_quote)
{
  CHECK_EQ_INT (checked_faults ("chengdu-metro.zh.md", "kiosk-7.5", MK_LETTER_SPACED), 0);
}

/* Page 2 evened its columns with a paragraph a line longer, 0.27 em between characters. */
TEST (japanese_full_page_evened)
{
  CHECK_EQ_INT (checked_faults ("kobe-port.ja.md", "kiosk-7.5", MK_LETTER_SPACED), 0);
}

int
main (void)
{
  RUN (chinese_page_before_a_waiting_quote);
  RUN (japanese_full_page_evened);
  return test_summary ();
}
