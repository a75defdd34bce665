/* A paragraph's last line carried alone to the top of a column (the template's lone-lines)
 * never stands there over a float (lib/paginate/flow.c): a related box or pull quote that
 * would go in under it waits for the next paragraph of running text (widow_waits), and goes
 * in after it, not between a subhead and its text nor between two items of a list
 * (float_may_follow); a picture, or a float with no more text to come after that paragraph,
 * keeps the paragraph's last two lines together instead (float_follows). Nor is a last line
 * carried alone to a column that a waiting float opens, on the last page or from a page's
 * last column (float_opens_next): it stays, or two go; between two columns of a full page it
 * goes first, and the float after the next paragraph (widow_first), as at the top of a page set
 * again with a float queued for it (widow_first_page). The make-up checker
 * (tests/tools/makeup_lone.c) counts such a line as a lone-line fault. */
#include <inkset/inkset.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "article.h"
#include "paginate.h"
#include "template.h"
#include "test.h"
#include "fixture.h"
#include "makeup_check.h"
#include "checked.h"

/* Article (in examples/articles) on template tpl: its make-up faults, lone lines,
 * float-reach, starved-page and float-gap apart, and its lone lines; 1000 each when it could not be
 * laid out. (float-reach is test_quotereach's: hangzhou-canal.zh kiosk-10.3 reads its pull
 * quote across page 2's top after eleven short paragraphs, a fault the ratchet keeps; the
 * ratchet keeps corran-spaceport kiosk-10.3's starved page 2 too, and engine-works
 * kiosk-10.3's page 3 text let down under a pull quote; skerrin-keeper reader-6's page 2
 * holds the lead picture and a pull quote and no text.) */
typedef struct {
  unsigned faults, lone;
} laid_t;

static laid_t
lay (const char *article, const char *tpl)
{
  laid_t out = { 1000, 1000 };
  mk_report_t r;
  size_t pages;
  if (checked_sample (article, tpl, &pages, &r)) {
    out.lone = r.count[MK_LONE_LINE];
    out.faults = r.faults - out.lone - r.count[MK_FLOAT_REACH] - r.count[MK_STARVED_PAGE] -
                 r.count[MK_FLOAT_GAP];
  }
  mk_report_free (&r);
  return out;
}

/* Each of these renders had one line alone at a column's top over a float, and no other
 * fault: now none at all. */
static void
check_clean (const char *const cases[][2], size_t n)
{
  for (size_t c = 0; c < n; c++) {
    laid_t l = lay (cases[c][0], cases[c][1]);
    if (l.lone || l.faults)
      fprintf (stderr, "%s %s: %u lone lines, %u other faults\n", cases[c][0], cases[c][1],
               l.lone, l.faults);
    CHECK_EQ_INT (l.lone, 0);
    CHECK_EQ_INT (l.faults, 0);
  }
}

/* A related box or pull quote waits past the line for the next paragraph: engine-works and
 * hangzhou-canal.zh (a subhead next: after its paragraph), marrakech-rail.ar (right-to-left),
 * dhaka-metro.bn on one column (a pull quote). marrakech-rail.ar's page 3 set its quote at
 * column 2's top between list items 10 and 11 (float-in-list) until the pull quotes read far
 * from their place were set near it (spantop.c): now no fault at all. */
TEST (float_waits_past_a_line_alone)
{
  static const char *const cases[][2] = {
    { "engine-works.md", "kiosk-10.3" }, { "hangzhou-canal.zh.md", "kiosk-10.3" },
    { "dhaka-metro.bn.md", "reader-6" },
  };
  check_clean (cases, sizeof cases / sizeof *cases);
  laid_t m = lay ("marrakech-rail.ar.md", "kiosk-7.5");
  CHECK_EQ_INT (m.lone, 0);
  CHECK_EQ_INT (m.faults, 0);
  CHECK_EQ_INT (checked_faults ("marrakech-rail.ar.md", "kiosk-7.5", MK_FLOAT_IN_LIST), 0);
}

/* A picture (shuttle-commanders), or a related box with only the last paragraph after it
 * (last pages: valencia-port.es, jaipur-solar.hi, chiangmai-flood.th, kyoto-tourism.ja),
 * keeps the paragraph's last two lines over it. */
TEST (last_two_lines_over_a_float)
{
  static const char *const cases[][2] = {
    { "shuttle-commanders.md", "kiosk-10.3" }, { "valencia-port.es.md", "kiosk-7.5" },
    { "jaipur-solar.hi.md", "print-a4" }, { "chiangmai-flood.th.md", "print-a4" },
    { "kyoto-tourism.ja.md", "reader-6" },
  };
  check_clean (cases, sizeof cases / sizeof *cases);
}

/* A pull quote with only the last paragraph after it cannot wait past a line alone over it
 * (it would stand after the end of the text): the paragraph's last two lines go over it
 * instead. ferry-pontoon on one column (reader-6: "lose half of her takings before the
 * spring." alone at page 3's top over the quote), muscat-buses.ar print-a4 (page 1's third
 * column held its paragraph's first line alone under a quote, and page 2 a hole). */
TEST (last_two_lines_over_a_quote_that_cannot_wait)
{
  static const char *const cases[][2] = {
    { "tests/unit/articles/ferry-pontoon.md", "reader-6" }, { "muscat-buses.ar.md", "print-a4" },
  };
  check_clean (cases, sizeof cases / sizeof *cases);
}

/* A pull quote or related box waits for the next column's top: the paragraph's last line
 * is not carried there alone under it. quay-wall print-a4 (one page: the first column runs a
 * line long), night-bus kiosk-10.3 and volos-library.el kiosk-10.3 (the last line of page 1's
 * last column: two go to page 2, under the pull quote or the related box). */
TEST (no_last_line_alone_under_a_waiting_float)
{
  static const char *const cases[][2] = {
    { "quay-wall.md", "print-a4" }, { "night-bus.md", "kiosk-10.3" },
    { "volos-library.el.md", "kiosk-10.3" },
  };
  check_clean (cases, sizeof cases / sizeof *cases);
}

/* Between two columns of a full page the line still goes alone, but first: the float that
 * waits for that column goes in after the paragraph that follows the line, not over it
 * (widow.c, ink__widow_first). zaragoza-tranvia.es print-a4 p1 had "que no puede
 * garantizarlo." alone under a pull quote at its middle column's top (carrying two pushed its
 * last two lines onto the page of comments); the quote now follows the next paragraph, and
 * nothing else is wrong. tide-gauge kiosk-7.5: "sea level on this coast, and far beyond it."
 * stood under the related box at page 1's second column top, and page 3 held three lines; it
 * held four, two a column, which the checker counts a runt page (only one paragraph of page 2
 * sets a line tighter: runt.c); a paragraph of page 2 set a line looser now sends more over
 * (lastpair.c, give_looser): page 3 holds four lines and three, and nothing is wrong. */
TEST (full_page_line_goes_before_the_float)
{
  static const char *const cases[][2] = {
    { "zaragoza-tranvia.es.md", "print-a4" },
  };
  check_clean (cases, sizeof cases / sizeof *cases);
  laid_t l = lay ("tests/unit/articles/tide-gauge.md", "kiosk-7.5");
  CHECK_EQ_INT (l.lone, 0);
  CHECK_EQ_INT (l.faults, 0);
  CHECK_EQ_INT (checked_faults ("tests/unit/articles/tide-gauge.md", "kiosk-7.5", MK_RUNT_PAGE), 0);
}

/* A page set again with a float queued for its top (floatpull.c: a closing related link
 * drawn back onto the last full page) that opens on a paragraph's last line carried alone:
 * the line goes first and the link after the paragraph that follows it (widow.c,
 * ink__widow_first_page). skerrin-keeper reader-6 had "would come and find you on the
 * stair." alone under the link at page 4's top. */
TEST (page_top_line_goes_before_the_float)
{
  laid_t l = lay ("tests/unit/articles/skerrin-keeper.md", "reader-6");
  CHECK_EQ_INT (l.lone, 0);
  CHECK_EQ_INT (l.faults, 0);
}

/* A pull quote across the top of a two-column last page, its turn come on the full page
 * before, over a related box and one line of the last paragraph under it, the rest beside
 * (quotehead.c, ink__quote_off_foot): the quote set at the column's width in its turn opens
 * the last page's first column instead, and the box the second, the paragraph's lines shared
 * under them. hadera-desal.he kiosk-7.5 had "התמלחת על קרקעית הים ועל בתי הגידול של" alone
 * under the box; haifa-port.he kiosk-7.5 likewise. The other templates lay it out as before. */
TEST (line_alone_under_a_box_under_a_quote_across)
{
  static const char *const cases[][2] = {
    { "tests/unit/articles/hadera-desal.he.md", "kiosk-7.5" },
    { "tests/unit/articles/hadera-desal.he.md", "kiosk-10.3" },
    { "tests/unit/articles/hadera-desal.he.md", "reader-6" },
    { "tests/unit/articles/hadera-desal.he.md", "print-a4" },
    { "haifa-port.he.md", "kiosk-7.5" },
  };
  check_clean (cases, sizeof cases / sizeof *cases);
}

/* A full page with one line alone under a pull quote at a column's foot: the space around
 * the page's pull quotes and related boxes is cut until more lines go in under it, and
 * nothing else goes wrong
 * (evenspace.c, ink__even_lone). corran-spaceport kiosk-10.3 p2 (a chart and a quote over the line:
 * three lines), gyeongju-heritage.ko reader-6 p2 (one column: the paragraph ends there). */
TEST (line_alone_under_a_quote_takes_its_white)
{
  static const char *const cases[][2] = {
    { "corran-spaceport.md", "kiosk-10.3" }, { "gyeongju-heritage.ko.md", "reader-6" },
  };
  check_clean (cases, sizeof cases / sizeof *cases);
}

/* The lone lines the checker finds on s's pages as laid out; UINT_MAX when it cannot read
 * them. */
static unsigned
lone_lines (const fixture_t *s)
{
  const char *json;
  size_t len;
  mk_report_t r = { 0 };
  unsigned n = UINT_MAX;
  if (s->doc && ink_document_layout_json (s->doc, &json, &len) == INK_OK &&
      mk_check_text (json, len, "laid out", 0, 0, &r))
    n = r.count[MK_LONE_LINE];
  mk_report_free (&r);
  return n;
}

/* The height of the first picture of s's page q, 0 for none. */
static int32_t
picture_height (const fixture_t *s, size_t q)
{
  const ink__page_t *pg = &s->doc->pages.v[q];
  for (size_t i = 0; i < pg->ni; i++)
    if (s->doc->items.v[pg->i0 + i].kind == INK_ITEM_IMAGE)
      return s->doc->items.v[pg->i0 + i].h;
  return 0;
}

/* A picture opening a column with room under it for one line of the paragraph that goes on
 * is made smaller, by at most the template's picture-shrink, so that two go in
 * (picroom.c, ink__room_for_lines): chattogram-science.bn kiosk-7.5 p2 had its paragraph's
 * first line alone under the astronaut's portrait. With picture-shrink 0 the line stands
 * there alone again, the picture at its size. */
TEST (picture_smaller_for_two_lines_under_it)
{
  fixture_t s;
  if (fixture_lay_out (&s, NULL,
                       INK_SOURCE_DIR "/examples/articles/chattogram-science.bn.md",
                       "kiosk-7.5") && s.doc->pages.n > 1) {
    CHECK_EQ_INT ((int) lone_lines (&s), 0);
    int32_t smaller = picture_height (&s, 1);
    unsigned shrink = s.t->picture_shrink;
    s.t->picture_shrink = 0;
    ink_document_destroy (s.doc);
    s.doc = NULL;
    CHECK_EQ_INT (ink_document_layout (s.ctx, s.a, s.t, s.fs, NULL, &s.doc), INK_OK);
    if (s.doc && s.doc->pages.n > 1) {
      int32_t full = picture_height (&s, 1);
      CHECK_EQ_INT ((int) lone_lines (&s), 1);
      CHECK (smaller > 0 && smaller < full);
      CHECK ((int64_t) smaller * 100 >= (int64_t) full * (100 - shrink));
    }
  }
  fixture_tear_down (&s);
}

/* Whether line l is of a block of kind k. */
static bool
of_kind (const fixture_t *s, const ink__lrec_t *l, int k)
{
  return l->block >= 0 && (size_t) l->block < s->a->nblocks &&
         (int) s->a->blocks[l->block].kind == k;
}

/* hangzhou-canal.zh kiosk-10.3: the related box goes in before the list under the subhead
 * or after it, not after its first item: on its page, no list line is set under it in its
 * column while another is set over it (it waited for the list's end until its pull quote went
 * in its column on page 1, evenfloat.c; it now goes in its turn, before the subhead). */
TEST (waiting_float_not_inside_a_list)
{
  fixture_t s;
  bool ok = fixture_lay_out (&s, NULL, INK_SOURCE_DIR "/examples/articles/hangzhou-canal.zh.md",
                            "kiosk-10.3");
  CHECK (ok);
  if (ok) {
    int32_t x = -1, w = 0, y = -1;
    size_t page = SIZE_MAX;
    for (size_t p = 0; p < s.doc->pages.n && page == SIZE_MAX; p++) {
      const ink__page_t *pg = &s.doc->pages.v[p];
      for (size_t i = 0; i < pg->nl && page == SIZE_MAX; i++) {
        const ink__lrec_t *l = &s.doc->lines.v[pg->l0 + i];
        if (of_kind (&s, l, INK_BLOCK_RELATED))
          page = p, x = l->x, w = l->w, y = l->y;
      }
    }
    CHECK (page != SIZE_MAX);
    bool over = false, under = false;
    if (page != SIZE_MAX) {
      const ink__page_t *pg = &s.doc->pages.v[page];
      for (size_t i = 0; i < pg->nl; i++) {
        const ink__lrec_t *l = &s.doc->lines.v[pg->l0 + i];
        if (l->x < x + w && l->x + l->w > x && of_kind (&s, l, INK_BLOCK_LIST_ITEM)) {
          over |= l->y < y;
          under |= l->y > y;
        }
      }
    }
    CHECK (!(over && under));
  }
  fixture_tear_down (&s);
}

/* tide-gauge kiosk-7.5: the related box that waited for page 1's second column goes in on
 * that page under the carried line and the paragraph after it, in that column. */
TEST (related_box_under_the_next_paragraph)
{
  fixture_t s;
  bool ok = fixture_lay_out (&s, NULL, INK_SOURCE_DIR "/tests/unit/articles/tide-gauge.md",
                            "kiosk-7.5");
  CHECK (ok);
  if (ok && s.doc->pages.n > 0) {
    const ink__page_t *pg = &s.doc->pages.v[0];
    int32_t box_x = INT32_MAX, box_y = INT32_MAX;   /* the box's left edge and top */
    for (size_t i = 0; i < pg->nl; i++) {
      const ink__lrec_t *l = &s.doc->lines.v[pg->l0 + i];
      if (of_kind (&s, l, INK_BLOCK_RELATED)) {
        box_x = l->x < box_x ? l->x : box_x;
        box_y = l->y < box_y ? l->y : box_y;
      }
    }
    CHECK (box_y != INT32_MAX);
    unsigned over = 0;   /* body lines over it in its column (the second, on the right) */
    for (size_t i = 0; i < pg->nl && box_y != INT32_MAX; i++) {
      const ink__lrec_t *l = &s.doc->lines.v[pg->l0 + i];
      over += l->y < box_y && l->x >= box_x && of_kind (&s, l, INK_BLOCK_PARAGRAPH);
    }
    CHECK (over >= 3);   /* the carried line and the next paragraph's lines */
  }
  fixture_tear_down (&s);
}

int
main (void)
{
  RUN (float_waits_past_a_line_alone);
  RUN (last_two_lines_over_a_float);
  RUN (last_two_lines_over_a_quote_that_cannot_wait);
  RUN (no_last_line_alone_under_a_waiting_float);
  RUN (full_page_line_goes_before_the_float);
  RUN (page_top_line_goes_before_the_float);
  RUN (line_alone_under_a_box_under_a_quote_across);
  RUN (related_box_under_the_next_paragraph);
  RUN (line_alone_under_a_quote_takes_its_white);
  RUN (waiting_float_not_inside_a_list);
  RUN (picture_smaller_for_two_lines_under_it);
  return test_summary ();
}
