/* A pull quote the last page set beside another, or one whose order binds the sharing of a
 * last page that ends its columns apart (lib/paginate/lastfoot.c): across the foot of the
 * page's columns instead, the text above it balanced; a step the search of float orders
 * (floatorder.c) does not weigh. */
#include <inkset/inkset.h>
#include <stdio.h>
#include <string.h>
#include "article.h"
#include "layout-internal.h"
#include "template.h"
#include "test.h"
#include "fixture.h"
#include "fixture_order.h"
#include "makeup_check.h"
#include "checked.h"

/* Two pull quotes wait for page 3 of three, the second pulled from the story's last
 * paragraph: set at the column's width, they stood side by side over three lines in each
 * column (float-order). The first goes across the page's top, the text under it balanced,
 * and the second across the foot of the columns under it, read after its passage. */
TEST (quote_across_last_foot)
{
  const char *a = "tests/unit/articles/lens-grinder-award.md";
  mk_report_t r;
  size_t pages = 0;
  bool ok = checked_sample (a, "kiosk-10.3", &pages, &r);
  CHECK (ok);
  CHECK_EQ_INT (pages, 3);
  CHECK_EQ_INT (r.count[MK_FLOAT_ORDER], 0);
  CHECK_EQ_INT (r.faults, 0);
  mk_report_free (&r);
}

/* A Japanese story of four pages whose last page holds the last two lines of a paragraph
 * begun on page 3, a pull quote of four lines at the column's width, a related link and two
 * short paragraphs: the quote is read before the link and the last lines, so only the two
 * lines before it could stand beside it, and the page ended its columns 158 px (5.6 line
 * steps) apart. The quote goes across the foot of the columns, the three lines and the link
 * with the last line over it ending together; on the other templates nothing changes. */
TEST (binding_quote_across_last_foot)
{
  const char *a = "tests/unit/articles/mombetsu-ice.ja.md";
  const char *tpls[] = { "kiosk-7.5", "kiosk-10.3", "reader-6", "print-a4" };
  for (size_t i = 0; i < sizeof tpls / sizeof *tpls; i++) {
    mk_report_t r;
    size_t pages = 0;
    bool ok = checked_sample (a, tpls[i], &pages, &r);
    CHECK (ok);
    CHECK_EQ_INT (r.count[MK_UNBALANCED_LAST_PAGE], 0);
    CHECK_EQ_INT (r.faults, 0);
    if (i == 0)
      CHECK_EQ_INT (pages, 4);
    mk_report_free (&r);
  }
}

/* The sample of eight floats each nearly a column of kiosk-7.5's short pages: laid out in
 * the article's order, its last page takes the quote across its foot, and that page, no
 * longer straining a rule, made the search refuse the hold of the paragraph after the second
 * quote (block 5) that it keeps without the step; the article then read the third quote two
 * pages after its text as well. The search now weighs every layout without the step (the
 * article's order laid out again when the step set it), and finds the hold. Since a pull
 * quote on the last page it may go on goes in under a paragraph there with less white
 * (latespace.c, ink__place_under_text), the hold with the quotes a tenth smaller reads all
 * but one float in turn; the article's own order with them at the smallest, tried after it,
 * reads every one. */
TEST (last_foot_left_out_of_the_search)
{
  fixture_t s;
  lay_t L;
  ink_document_t *doc;
  const char *art = INK_SOURCE_DIR "/examples/articles/corran-spaceport.md";
  if (fixture_lay_out_in_order (&s, art, "kiosk-7.5", &L, &doc)) {
    /* Since a picture that does not fit under a quote no longer takes a page's top when the
     * page is set again (ink__pending_fits_top), the article's order no longer takes the
     * step here (L.last_foot); the hold must still be found. With it kept and no size of the
     * quotes kept with it, the article's own order with the quotes at the smallest is tried
     * (floatorder.c, try_order_scaled, only after a move was kept) and reads every float in
     * turn. */
    ink__float_order_t plan;
    CHECK_EQ_INT (ink__float_order_replan (&L, NULL, &plan), INK_OK);
    CHECK_EQ_INT (plan.n, 0);
    CHECK (plan.quote_scale > 0 && plan.quote_scale < 0.8f);
    fixture_order_free (&s, &L, doc);
  }
  CHECK_EQ_INT (checked_faults ("corran-spaceport.md", "kiosk-7.5", MK_FLOAT_ORDER), 0);
}

int
main (void)
{
  RUN (quote_across_last_foot);
  RUN (binding_quote_across_last_foot);
  RUN (last_foot_left_out_of_the_search);
  return test_summary ();
}
