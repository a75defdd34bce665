/* A comment's author line and a pull quote's attribution read in the direction of their own
 * letters, not their comment's or quote's (lib/paginate/setpara.c block_direction): under an
 * English article, "Samir · عمان" over an Arabic comment runs left to right with the name at
 * the start, and "— Israeli delegate" under a Hebrew quote keeps its dash first. Main set both
 * right to left. */
#include "article.h"
#include "layout-internal.h"
#include "paginate.h"
#include "template.h"
#include "test.h"

#include "fixture.h"

static const char MD[] =
  "---\ntitle: Water talks end\nlang: en\n---\n\n"
  "Delegates from five countries agreed on a framework for the river's water after three "
  "days of talks, though no treaty was signed and the figures are still to be settled.\n\n"
  "> [!quote] המים לא יודעים גבולות, אבל הפוליטיקאים יודעים.\n"
  "> — Israeli delegate, in Hebrew, off the record\n\n"
  "The next round is due in the spring, when the engineers report on the pumping stations "
  "and the reservoirs along the valley.\n\n"
  "> [!comment] Samir | Amman\n> خطوة صغيرة لكنها مهمة.\n>\n"
  ">> [!comment] Dana | Haifa\n>> מסכימה, נחכה לנתונים.\n";

TEST (author_and_attribution_take_their_own_direction)
{
  static const char *const tpls[] = { "kiosk-10.3", "kiosk-7.5", "reader-6", "print-a4" };
  for (size_t k = 0; k < sizeof tpls / sizeof *tpls; k++) {
    fixture_t s;
    if (!fixture_lay_out (&s, MD, NULL, tpls[k])) {
      fixture_tear_down (&s);
      continue;
    }
    size_t authors = 0, attributions = 0, rtl_text = 0;
    for (size_t i = 0; i < s.doc->lines.n; i++) {
      const ink__lrec_t *l = &s.doc->lines.v[i];
      if (l->role == INK_ROLE_COMMENT_AUTHOR || l->role == INK_ROLE_ATTRIBUTION) {
        CHECK_EQ_INT (l->rtl, 0);
        authors += l->role == INK_ROLE_COMMENT_AUTHOR;
        attributions += l->role == INK_ROLE_ATTRIBUTION;
      }
      if (l->role == INK_ROLE_QUOTE || l->role == INK_ROLE_COMMENT || l->role == INK_ROLE_REPLY)
        rtl_text += l->rtl;
    }
    CHECK (authors >= 2);
    CHECK (attributions >= 1);
    CHECK (rtl_text >= 3);   /* the quote and the comments still read right to left */
    fixture_tear_down (&s);
  }
}

int
main (void)
{
  RUN (author_and_attribution_take_their_own_direction);
  return test_summary ();
}
