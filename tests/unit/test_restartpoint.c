/* A page set back to a snapshot (ink__restore_snap) takes the restart point (L->snap) back
 * with it when that lay past the snapshot. A flow set aside leaves its restart point at the
 * next page's first records; a flow again from the snapshot that breaks its page inside a
 * float takes none (ink__take_snap), and the last page was then scored from the other flow's
 * restart point: random seed 422 with comments given to the last page (lastpair.c) set page
 * 1 back to line 10 while it now began at line 15, a count of lines below zero, and
 * ink__beside_quote read past the document's lines. Here the restart point of such a flow
 * is set by hand: a page after the last, a few records further. */
#include <inkset/inkset.h>
#include <stdio.h>
#include <string.h>
#include "article.h"
#include "layout-internal.h"
#include "test.h"
#include "fixture.h"
#include "fixture_order.h"

/* The last page of article (a sample) on tpl set back to its snapshot while the restart point
 * names a page after it; the page then set again and balanced from the restart point. */
static void
set_back_past (const char *article, const char *tpl)
{
  fixture_t s;
  char path[512];
  snprintf (path, sizeof path, "%s/examples/articles/%s", INK_SOURCE_DIR, article);
  lay_t L;
  ink_document_t *doc;
  if (!fixture_lay_out_in_order (&s, path, tpl, &L, &doc))
    return;
  CHECK (L.snap.page >= 1);
  snap_t sn = L.snap;
  L.snap.page++;
  L.snap.items += 3, L.snap.glyphs += 20, L.snap.lines += 5, L.snap.text += 40;
  ink__restore_snap (&L, &sn, L.bottom);
  CHECK_EQ_INT (L.snap.page, sn.page);
  CHECK_EQ_INT (L.snap.lines, sn.lines);
  CHECK_EQ_INT (L.snap.items, sn.items);
  const ink__page_t *pg = &doc->pages.v[sn.page];
  CHECK_EQ_INT (pg->l0 + pg->nl, doc->lines.n);
  if (L.snap.page == sn.page) {   /* else the scoring below reads past the lines */
    CHECK_EQ_INT (ink__resume_snap (&L, &sn), INK_OK);
    int64_t cost;
    bool even;
    CHECK_EQ_INT (ink__balance_score (&L, ink__line_step (&L), &cost, &even, NULL), INK_OK);
    CHECK_EQ_INT (doc->pages.n, sn.page + 1);
    pg = &doc->pages.v[sn.page];
    CHECK (pg->l0 <= doc->lines.n && pg->nl <= doc->lines.n - pg->l0);
  }
  fixture_order_free (&s, &L, doc);
}

TEST (restart_point_set_back_with_the_page)
{
  set_back_past ("valley-buses.md", "print-a4");
  set_back_past ("valley-buses.md", "kiosk-7.5");
}

int
main (void)
{
  RUN (restart_point_set_back_with_the_page);
  return test_summary ();
}
