/* A table across the columns taller than a page (lib/paginate/spanrows.c): a timetable whose
 * every trip carries a 30-letter code, too wide for a column, goes on at the next pages' tops
 * under its header drawn again, each row set once and in order, nothing reported as overflow
 * (tunnel-timetable, own articles: 120 rows in German, 80 in Arabic, right to left; before,
 * all but the rows of one page were overflow, "3203 characters in 86 blocks did not fit in 2
 * pages" on kiosk-10.3). A row taller than a whole page is still overflow, and the layout
 * ends. */
#include <inkset/inkset.h>
#include <stdio.h>
#include <string.h>
#include "paginate.h"
#include "template.h"
#include "test.h"
#include "fixture.h"

/* Line l of doc holds exactly the text s. */
static bool
says (const ink_document_t *doc, const ink__lrec_t *l, const char *s)
{
  return l->text_len == strlen (s) && !memcmp (doc->text.s + l->text_off, s, l->text_len);
}

/* The number a table line of doc sets when it is a row's first cell (ASCII digits), else 0. */
static unsigned
row_number (const ink_document_t *doc, const ink__lrec_t *l)
{
  unsigned n = 0;
  for (size_t i = 0; i < l->text_len; i++) {
    char c = doc->text.s[l->text_off + i];
    if (c < '0' || c > '9' || n > 100000)
      return 0;
    n = n * 10 + (unsigned) (c - '0');
  }
  return n;
}

/* Rows 1 to rows of the table in doc are each set once, in order, and every page that holds
 * rows of it has its header (head, the header's first cell) over them. */
static void
check_rows (const ink_document_t *doc, unsigned rows, const char *head)
{
  unsigned next = 1;
  for (size_t q = 0; q < doc->pages.n; q++) {
    const ink__page_t *P = &doc->pages.v[q];
    bool has_rows = false, has_head = false;
    for (size_t i = 0; i < P->nl; i++) {
      const ink__lrec_t *l = &doc->lines.v[P->l0 + i];
      if (l->role != INK_ROLE_TABLE)
        continue;
      has_head |= says (doc, l, head);
      unsigned n = l->generated ? 0 : row_number (doc, l);
      if (n) {
        CHECK_EQ_INT ((int) n, (int) next);
        next = n + 1;
        has_rows = true;
      }
    }
    CHECK (!has_rows || has_head);
  }
  CHECK_EQ_INT ((int) next, (int) rows + 1);
}

static void
check_article (const char *name, const char *tpl, unsigned rows, const char *head)
{
  fixture_t s;
  if (!fixture_lay_out_article (&s, name, tpl))
    return;
  size_t ob = 0, oc = 0;
  ink_document_overflow (s.doc, &ob, &oc);
  CHECK_EQ_INT ((int) oc, 0);
  CHECK (ink_document_page_count (s.doc) > 2);
  check_rows (s.doc, rows, head);
  fixture_tear_down (&s);
}

TEST (table_across_pages_keeps_every_row)
{
  static const char *tpls[] = { "kiosk-10.3", "kiosk-7.5", "print-a4" };
  for (size_t i = 0; i < sizeof tpls / sizeof *tpls; i++) {
    check_article ("tunnel-timetable.de.md", tpls[i], 120, "Fahrt");
    check_article ("tunnel-timetable.ar.md", tpls[i], 80, "الرحلة");
  }
}

/* A table across the columns whose third row holds a cell taller than a page: the rows
 * before it are set, it and the rows after it are reported as overflow, and the layout ends
 * (the rest never waits for a page that could take it). */
TEST (row_taller_than_a_page_is_overflow)
{
  static const char code[] = "AXQ7BKL4MZRT9PWN2HCDV6JSF8GYE3";
  static char md[64 * 1024];
  size_t n = (size_t) snprintf (md, sizeof md, "---\ntitle: Tall row\nlang: en\n---\n\n"
                                "The timetable:\n\n| Trip | Code | Time |\n|:--|:--|--:|\n");
  for (int r = 1; r <= 20; r++) {
    n += (size_t) snprintf (md + n, sizeof md - n, "| %d | %s", r, code);
    for (int w = 0; r == 3 && w < 1200; w++)
      n += (size_t) snprintf (md + n, sizeof md - n, " word");
    n += (size_t) snprintf (md + n, sizeof md - n, " | 06:%02d |\n", r);
  }
  CHECK (n < sizeof md);
  fixture_t s = { 0 };
  ink_diag_t diag = { 0 };
  ink_context_create (NULL, NULL, &s.ctx);
  CHECK_EQ_INT (ink_article_parse_markdown (s.ctx, md, n, NULL, &s.a, &diag), INK_OK);
  CHECK_EQ_INT (ink_template_open (s.ctx, "kiosk-10.3", &s.t, &diag), INK_OK);
  CHECK_EQ_INT (ink_fontset_create (s.ctx, INK_SOURCE_DIR "/fonts", &s.fs), INK_OK);
  CHECK_EQ_INT (ink_document_layout (s.ctx, s.a, s.t, s.fs, NULL, &s.doc), INK_OVERFLOW);
  if (!s.doc) {
    fixture_tear_down (&s);
    return;
  }
  size_t ob = 0, oc = 0;
  ink_document_overflow (s.doc, &ob, &oc);
  CHECK (ob >= 18);
  CHECK (ink_document_page_count (s.doc) <= 3);
  check_rows (s.doc, 2, "Trip");
  fixture_tear_down (&s);
}

int
main (void)
{
  RUN (table_across_pages_keeps_every_row);
  RUN (row_taller_than_a_page_is_overflow);
  return test_summary ();
}
