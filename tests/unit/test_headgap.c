/* A subhead stands on its text (lib/paginate/headgap.c): set off the grid after a list, a
 * float or another head, it comes down onto the text it heads once the page is set, the
 * white going above it. The make-up checker (tests/tools/makeup_headgap.c) counts a subhead
 * a quarter of a line step or more above its text as a head-gap fault; these renders each
 * had one or more. */
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

static const char *const CASES[][2] = {
  { "budget-explainer.md", "kiosk-7.5" },       /* after a list */
  { "storm-live.md", "kiosk-7.5" },             /* after a related box */
  { "river-recovery.md", "reader-6" },          /* after a pull quote's rule, one column */
  { "saigon-metro.vi.md", "kiosk-10.3" },
  { "beersheba-satellite.he.md", "kiosk-7.5" }, /* right to left */
  { "engine-works.md", "print-a4" },
  /* over a pull quote across the first page's middle, its comments on the next page */
  { "tests/unit/articles/canal-library.zh.md", "kiosk-10.3" },
};
#define NCASES (sizeof CASES / sizeof *CASES)

TEST (subhead_stands_on_its_text)
{
  for (size_t c = 0; c < NCASES; c++)
    CHECK_EQ_INT (checked_faults (CASES[c][0], CASES[c][1], MK_HEAD_GAP), 0);
}

/* Head gaps on the pages the pager hands out one by one, each read by the checker. */
static unsigned
pager_head_gaps (const char *article, const char *tpl)
{
  char path[1024];
  snprintf (path, sizeof path, "%s/examples/articles/%s", INK_SOURCE_DIR, article);
  fixture_t s;
  unsigned gaps = 1000;
  if (fixture_lay_out (&s, NULL, path, tpl)) {
    ink_pager_t *pager = NULL;
    CHECK_EQ_INT (ink_pager_create (s.ctx, s.a, s.t, s.fs, NULL, INK_PAGER_TOTAL_WAIT, &pager),
                  INK_OK);
    ink_document_t *pd = NULL;
    gaps = 0;
    while (pager && ink_pager_next (pager, &pd) == INK_OK && pd) {
      const char *json;
      size_t len;
      mk_report_t r = { 0 };
      if (ink_document_layout_json (pd, &json, &len) == INK_OK &&
          mk_check_text (json, len, article, 0, 0, &r))
        gaps += r.count[MK_HEAD_GAP];
      mk_report_free (&r);
      ink_document_destroy (pd);
    }
    ink_pager_destroy (pager);
  }
  fixture_tear_down (&s);
  return gaps;
}

/* The pager's pages are brought down the same way. */
TEST (subhead_stands_on_its_text_in_the_pager)
{
  CHECK_EQ_INT (pager_head_gaps ("budget-explainer.md", "kiosk-7.5"), 0);
  CHECK_EQ_INT (pager_head_gaps ("storm-live.md", "kiosk-7.5"), 0);
}

/* A subhead that opens the columns under a pull quote across the page's middle: the column
 * began over the quote, so the subhead comes down onto its text too (print-a4 set its text a
 * line step under it, the white under the head). */
TEST (subhead_under_quote_across_stands_on_its_text)
{
  fixture_t s;
  unsigned gaps = 1000, bands = 0;
  const char *path = INK_SOURCE_DIR "/tests/makeup/property-cases/quote-across-then-subhead.ur.md";
  if (fixture_lay_out (&s, NULL, path, "print-a4")) {
    const char *json;
    size_t len;
    mk_report_t r = { 0 };
    if (ink_document_layout_json (s.doc, &json, &len) == INK_OK &&
        mk_check_text (json, len, path, 0, 0, &r))
      gaps = r.count[MK_HEAD_GAP];
    mk_report_free (&r);
    for (size_t p = 0; p < s.doc->pages.n; p++)
      bands += s.doc->pages.v[p].band_top > 0;   /* the quote does stand across the middle */
  }
  fixture_tear_down (&s);
  CHECK_EQ_INT (bands, 1);
  CHECK_EQ_INT (gaps, 0);
}

int
main (void)
{
  RUN (subhead_stands_on_its_text);
  RUN (subhead_stands_on_its_text_in_the_pager);
  RUN (subhead_under_quote_across_stands_on_its_text);
  return test_summary ();
}
