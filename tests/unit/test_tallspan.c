/* A table across the columns taller than a page goes in where the text meets it
 * (lib/paginate/tallspan.c): the text before it balanced over it, the text after it, its
 * pull quote and its chart, under its last row. Before, the table waited for the next page's
 * top and the text after it was set on the page before it, read first (tunnel timetable with
 * a chart, own articles: Arabic, Japanese and German on kiosk-10.3 and kiosk-7.5; the
 * checker's floats-only-page on page 2, the table alone after the text had ended). Where the
 * text before the table cannot end its columns together over it (print-a4's three columns
 * under a two-paragraph lead-in), the page stays as the flow sets it. */
#include <inkset/inkset.h>
#include <stdint.h>
#include <string.h>
#include "paginate.h"
#include "template.h"
#include "test.h"
#include "fixture.h"
#include "makeup_check.h"
#include "checked.h"

/* Where a line stands in reading order: its page, then its top. */
typedef struct {
  size_t page;
  int32_t y;
} place_t;

static bool
before (place_t a, place_t b)
{
  return a.page < b.page || (a.page == b.page && a.y < b.y);
}

/* The table's block in doc (that of its first line), its first line's place and its last's. */
static long
table_span (const ink_document_t *doc, place_t *first, place_t *last)
{
  long block = -1;
  for (size_t q = 0; q < doc->pages.n; q++) {
    const ink__page_t *P = &doc->pages.v[q];
    for (size_t i = 0; i < P->nl; i++) {
      const ink__lrec_t *l = &doc->lines.v[P->l0 + i];
      if (l->role != INK_ROLE_TABLE || l->generated || (block >= 0 && l->block != block))
        continue;
      place_t at = { q, l->y };
      if (block < 0) {
        block = l->block;
        *first = at;
      }
      if (before (*last, at))
        *last = at;
    }
  }
  return block;
}

/* Every line of the article's text and floats before the table stands before its first
 * line, every one after it after its last; the chart's caption is set. */
static void
check_order (const ink_document_t *doc)
{
  place_t first = { 0, 0 }, last = { 0, INT32_MIN };
  long table = table_span (doc, &first, &last);
  CHECK (table >= 0);
  size_t captions = 0, misplaced = 0;
  for (size_t q = 0; q < doc->pages.n; q++) {
    const ink__page_t *P = &doc->pages.v[q];
    for (size_t i = 0; i < P->nl; i++) {
      const ink__lrec_t *l = &doc->lines.v[P->l0 + i];
      place_t at = { q, l->y };
      captions += l->role == INK_ROLE_CAPTION;
      if (l->block < 0 || l->block == table || l->generated)
        continue;
      misplaced += l->block < table ? !before (at, first) : !before (last, at);
    }
  }
  CHECK_EQ_INT ((int) misplaced, 0);
  CHECK (captions > 0);
}

/* The article laid out on tpl holds all its text, in reading order around its table. */
static void
check_article (const char *name, const char *tpl)
{
  fixture_t s;
  if (!fixture_lay_out_article (&s, name, tpl))
    return;
  size_t blocks = 0, chars = 0;
  ink_document_overflow (s.doc, &blocks, &chars);
  CHECK_EQ_INT ((int) (blocks + chars), 0);
  check_order (s.doc);
  fixture_tear_down (&s);
}

TEST (text_after_a_tall_table_follows_its_last_row)
{
  static const char *tpls[] = { "kiosk-10.3", "kiosk-7.5" };
  for (size_t i = 0; i < sizeof tpls / sizeof *tpls; i++) {
    check_article ("tunnel-timetable-chart.ar.md", tpls[i]);
    check_article ("tunnel-timetable-chart.de.md", tpls[i]);
  }
  check_article ("tunnel-timetable-chart.ja.md", "kiosk-10.3");
}

/* A chart right after the table, set under its last row, follows the table: the make-up
 * checker reads it so, not as three pages after the paragraph before the table
 * (tests/tools/makeup_floats.c, check_float_places). */
TEST (chart_right_after_a_tall_table_follows_its_rows)
{
  check_article ("tunnel-timetable-chart-first.de.md", "kiosk-10.3");
  CHECK_EQ_INT (checked_faults ("tests/unit/articles/tunnel-timetable-chart-first.de.md",
                                "kiosk-10.3", MK_FLOAT_ORDER), 0);
}

int
main (void)
{
  RUN (text_after_a_tall_table_follows_its_last_row);
  RUN (chart_right_after_a_tall_table_follows_its_rows);
  return test_summary ();
}
