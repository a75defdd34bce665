/* The work of balancing the last page is bounded (balbudget.c, BALANCE_LINES). Thirty pull
 * quotes between two short paragraphs on an A4 page of twelve columns (twelve-columns.ini):
 * each balancing tried each height shared among the columns in 22 ways, each setting of the
 * page set every quote's lines again, and the float order search's trials balanced their last
 * pages some 150 times (7.8 s of CPU; 3.6 s with the budget, the same page). */
#include <inkset/inkset.h>
#include <stdio.h>
#include <string.h>
#include "article.h"
#include "layout-internal.h"
#include "balbudget.h"
#include "paginate.h"
#include "template.h"
#include "test.h"
#include "fixture.h"
#include "makeup_check.h"
#include "checked.h"

#define TPL INK_SOURCE_DIR "/tests/unit/templates/twelve-columns.ini"
#define QUOTES "tests/unit/articles/quotes-twelve.md"
#define SHORT "examples/articles/chapel-clock.md"

/* A balancing charged its page's lines again and again (a short article's, on TPL) is spent
 * after BALANCE_LINES of them, not before; one run inside it has a budget of its own, and the
 * outer one goes on with what it had left. */
TEST (balance_budget_spent)
{
  fixture_t s;
  if (!fixture_lay_out (&s, NULL, INK_SOURCE_DIR "/" SHORT, TPL)) {
    CHECK (false);
    return;
  }
  lay_t L;
  ink_document_t *doc = NULL;
  ink__float_order_t order = { .n = 0 };
  CHECK_EQ_INT (ink__lay_out (s.ctx, s.a, s.t, s.fs, NULL, false, &order, &L, &doc), INK_OK);
  if (doc) {
    snap_t sn = { .lines = 0 };
    size_t n = L.doc->lines.n;
    uint64_t outer = ink__balance_budget_begin (&L);
    ink__balance_charge (&L, &sn);
    uint64_t left = L.balance_left;
    uint64_t was = ink__balance_budget_begin (&L);
    CHECK_EQ_INT (was, left);
    unsigned charges = 0;
    while (!ink__balance_spent (&L) && charges < 1000000) {
      ink__balance_charge (&L, &sn);
      charges++;
    }
    printf ("chapel-clock: %zu lines, spent after %u settings\n", n, charges);
    CHECK (n > 0);
    CHECK_EQ_INT (charges, (BALANCE_LINES + n - 1) / n);
    ink__balance_budget_end (&L, was);
    CHECK_EQ_INT (L.balance_left, left);
    CHECK (!ink__balance_spent (&L));
    ink__balance_budget_end (&L, outer);
    ink__layout_free (&L);
    ink_document_destroy (doc);
  }
  fixture_tear_down (&s);
}

/* The page the budget leaves is sound: nothing overprints and no word is lost. */
TEST (balance_work_pages_sound)
{
  mk_report_t r;
  size_t pages;
  CHECK (checked_sample (QUOTES, TPL, &pages, &r));
  CHECK_EQ_INT (r.count[MK_OVERPRINT], 0);
  CHECK_EQ_INT (r.count[MK_LOST_TEXT], 0);
  CHECK (pages >= 1);
  mk_report_free (&r);
}

int
main (void)
{
  RUN (balance_budget_spent);
  RUN (balance_work_pages_sound);
  return test_summary ();
}
