/* PDF output: whole, deterministic, with the sample's links as link annotations, small, a
 * print template's sheet, and a failing writer's status returned (test_pdf_order: the text
 * pdftotext gives back). Without INK_WITH_PDF the calls say INK_UNSUPPORTED. */
#define _GNU_SOURCE /* memmem */
#include <inkset/inkset.h>

#include "test.h"
#include "fixture.h"
#include "pdfbuf.h"

#include <stdio.h>
#include <unistd.h>

#define SAMPLE INK_SOURCE_DIR "/examples/articles/pakistan-china-pact.md"

#ifdef INK_WITH_PDF
/* Whether the bytes of b hold needle. */
static bool
has (const buf_t *b, const char *needle)
{
  return b->s && memmem (b->s, b->n, needle, strlen (needle)) != NULL;
}

/* The sample's PDF: whole, the same bytes twice, its links, its metadata and language,
 * under 300 KB. */
TEST (whole)
{
  fixture_t s;
  if (fixture_lay_out (&s, NULL, SAMPLE, "kiosk-10.3")) {
    buf_t a = { NULL, 0, 0, SIZE_MAX }, b = { NULL, 0, 0, SIZE_MAX };
    CHECK_EQ_INT (ink_pdf_write (s.doc, to_buf, &a), INK_OK);
    CHECK_EQ_INT (ink_pdf_write (s.doc, to_buf, &b), INK_OK);
    CHECK (a.n > 1000 && a.n == b.n && memcmp (a.s, b.s, a.n) == 0);
    CHECK (a.n < 300 * 1024);
    CHECK (a.s && strncmp (a.s, "%PDF-", 5) == 0);
    CHECK (a.s && a.n > 6 && memcmp (a.s + a.n - 6, "%%EOF\n", 6) == 0);
    CHECK (has (&a, "/URI (https://news.example/2011/05/china-endorses-pakistan-response)"));
    CHECK (has (&a, "/URI (https://news.example/2011/05/with-us-or-against-us)"));
    CHECK (has (&a, "/Title (Pakistan lobbying for defence pact with China)"));
    CHECK (has (&a, "/Author (Zia Khan)"));
    CHECK (has (&a, "/Lang (en)"));
    CHECK (has (&a, "/CreationDate (20110927"));
    printf ("sample PDF: %zu bytes\n", a.n);
    free (a.s);
    free (b.s);
  }
  fixture_tear_down (&s);
}

/* A print template's sheet: the page at its size in print units (A4: 595.276 x 841.890 pt)
 * as the trim box, 3mm (8.504pt) of bleed around it, the crop marks 17pt outside that, the
 * slug rounded up to whole pixels (107 at 300 dpi: 25.680pt); a panel template's PDF is
 * just the page. */
TEST (print_sheet)
{
  fixture_t s;
  if (fixture_lay_out (&s, NULL, SAMPLE, "print-a4")) {
    buf_t a = { NULL, 0, 0, SIZE_MAX };
    CHECK_EQ_INT (ink_pdf_write (s.doc, to_buf, &a), INK_OK);
    CHECK (has (&a, "/TrimBox [ 25.680 25.680 620.956 867.570 ]"));
    CHECK (has (&a, "/BleedBox [ 17.176 17.176 629.460 876.074 ]"));
    CHECK (has (&a, "/MediaBox [ 0 0 646.635586 893.249766 ]"));
    free (a.s);
  }
  fixture_tear_down (&s);
  if (fixture_lay_out (&s, NULL, SAMPLE, "kiosk-10.3")) {
    buf_t a = { NULL, 0, 0, SIZE_MAX };
    CHECK_EQ_INT (ink_pdf_write (s.doc, to_buf, &a), INK_OK);
    CHECK (!has (&a, "/TrimBox") && !has (&a, "/BleedBox"));
    free (a.s);
  }
  fixture_tear_down (&s);
}

/* A writer that fails: its status comes back (the file is given to it in one call, once
 * complete); a file that cannot be made: INK_IO. */
TEST (failing_writer)
{
  fixture_t s;
  if (fixture_lay_out (&s, NULL, SAMPLE, "reader-6")) {
    buf_t b = { NULL, 0, 0, 0 };
    CHECK_EQ_INT (ink_pdf_write (s.doc, to_buf, &b), INK_IO);
    CHECK (b.n == 0);
    b.fail_after = 1;
    CHECK_EQ_INT (ink_pdf_write (s.doc, to_buf, &b), INK_OK);
    CHECK (b.n > 1000);
    free (b.s);
    CHECK_EQ_INT (ink_pdf_write (s.doc, NULL, NULL), INK_INVALID);
    CHECK_EQ_INT (ink_pdf_write_file (s.doc, "/nonexistent-dir/x.pdf"), INK_IO);
  }
  fixture_tear_down (&s);
}

#else
TEST (unsupported)
{
  fixture_t s;
  if (fixture_lay_out (&s, NULL, SAMPLE, "kiosk-10.3")) {
    CHECK_EQ_INT (ink_pdf_write_file (s.doc, INK_BINARY_DIR "/never.pdf"), INK_UNSUPPORTED);
    buf_t b = { .fail_after = SIZE_MAX };
    CHECK_EQ_INT (ink_pdf_write (s.doc, to_buf, &b), INK_UNSUPPORTED);
    CHECK_EQ_INT ((int) b.n, 0);
    free (b.s);
    CHECK (!(ink_features () & INK_FEATURE_PDF));
  }
  fixture_tear_down (&s);
}
#endif

int
main (void)
{
#ifdef INK_WITH_PDF
  RUN (whole);
  RUN (print_sheet);
  RUN (failing_writer);
#else
  RUN (unsupported);
#endif
  return test_summary ();
}
