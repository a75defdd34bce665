/* PDF text in reading order: pdftotext gives back the lines of every sample article on
 * every bundled template, one after another (tests/pdf.cmake gives it the pdf label: it
 * takes a minute, so the sanitizer stages leave it out). */
#define _GNU_SOURCE /* popen */
#include <inkset/inkset.h>

#include "test.h"

#ifdef INK_WITH_PDF
#include "fixture.h"
#include "pdfbuf.h"

#include <dirent.h>
#include <stdio.h>
#include <unistd.h>

/* The length of the space or direction mark at s (ASCII white space, U+00A0,
 * U+2000-U+200F, U+202A-U+202F, U+3000), or 0. */
static size_t
space_len (const unsigned char *s, size_t n)
{
  if (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\f')
    return 1;
  if (n >= 2 && s[0] == 0xC2 && s[1] == 0xA0)
    return 2;
  if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80 && (s[2] <= 0x8F || (s[2] >= 0xAA && s[2] <= 0xAF)))
    return 3;
  if (n >= 3 && s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80)
    return 3;
  return 0;
}

/* Removes white space and hyphens (the hyphen of a broken word is not part of the text). */
static size_t
squeeze (const char *s, size_t n, char *out)
{
  size_t k = 0;
  for (size_t i = 0; i < n;) {
    size_t sp = space_len ((const unsigned char *) s + i, n - i);
    if (sp)
      i += sp;
    else if (s[i] == '-')
      i++;
    else
      out[k++] = s[i++];
  }
  out[k] = 0;
  return k;
}

/* Lines counted by direction: how many, and how many not found in reading order. */
typedef struct {
  size_t lines[2], missing[2];   /* [0] left-to-right, [1] right-to-left */
} order_t;

/* Looks for the lines of s.doc, one after another, in text (squeezed): reading order. */
static void
look_for_lines (const fixture_t *s, const char *flat, const char *what, order_t *o)
{
  const char *at = flat;
  char *want = malloc (4096);
  for (size_t pg = 0; pg < ink_document_page_count (s->doc); pg++) {
    ink_display_iter_t it;
    ink_display_item_t item;
    for (ink_display_begin (s->doc, pg, &it); ink_display_next (&it, &item);) {
      if (item.kind != INK_DISPLAY_LINE || item.generated || item.text_len >= 4096)
        continue;
      o->lines[item.rtl]++;
      if (!squeeze (item.text, item.text_len, want))
        continue;
      const char *hit = strstr (at, want);
      if (hit) {
        at = hit + strlen (want);
      } else {
        o->missing[item.rtl]++;
        fprintf (stderr, "%s: %s: %.*s\n", what, strstr (flat, want) ? "out of order" : "missing",
                 (int) item.text_len, item.text);
      }
    }
  }
  free (want);
}

/* pdftotext's text of s.doc's PDF, squeezed. */
static char *
extracted (const fixture_t *s)
{
  char pdf[] = INK_BINARY_DIR "/test_pdf_order.pdf";
  CHECK_EQ_INT (ink_pdf_write_file (s->doc, pdf), INK_OK);
  char cmd[512];
  snprintf (cmd, sizeof cmd, "/usr/bin/pdftotext -raw -enc UTF-8 '%s' -", pdf);
  FILE *p = popen (cmd, "r");
  buf_t text = { NULL, 0, 0, SIZE_MAX };
  char chunk[4096];
  size_t got;
  while (p && (got = fread (chunk, 1, sizeof chunk, p)) > 0)
    to_buf (&text, chunk, got);
  CHECK (p && pclose (p) == 0);
  char *flat = malloc (text.n + 1);
  squeeze (text.s ? text.s : "", text.n, flat);
  free (text.s);
  remove (pdf);
  return flat;
}

/* pdftotext -raw (the content stream's order) gives back every line of every sample article
 * on every bundled template, one after another in reading order, the right-to-left ones in
 * logical order too. cairo writes a right-to-left run's clusters in logical order, right to
 * left; poppler turns the characters inside each of its words around (it takes them for
 * visual order) and keeps the words in the content stream's order. So every word must hold
 * one character: a letter and its harakat are split into one cluster per glyph, every
 * right-to-left cluster is drawn at a font size other than the one before it, which poppler
 * does not join across, and a ligature's characters get a glyph each (lib/pdf/pdftext.c).
 * That took the count of right-to-left lines out of order from 178 to 93 to 4 (the "allah"
 * ligature in doha-water.ar.md) to none. */
TEST (reading_order)
{
  if (access ("/usr/bin/pdftotext", X_OK) != 0) {
    printf ("reading_order: no /usr/bin/pdftotext (poppler-utils), not checked\n");
    return;
  }
  const char *templates[] = { "kiosk-10.3", "kiosk-7.5", "reader-6", "print-a4" };
  DIR *dir = opendir (INK_SOURCE_DIR "/examples/articles");
  CHECK (dir != NULL);
  size_t articles = 0;
  order_t o = { { 0, 0 }, { 0, 0 } };
  for (struct dirent *e; dir && (e = readdir (dir));) {
    size_t len = strlen (e->d_name);
    if (len < 4 || strcmp (e->d_name + len - 3, ".md") != 0)
      continue;
    char path[512], what[600];
    snprintf (path, sizeof path, INK_SOURCE_DIR "/examples/articles/%s", e->d_name);
    articles++;
    for (size_t t = 0; t < 4; t++) {
      fixture_t s;
      snprintf (what, sizeof what, "%s on %s", e->d_name, templates[t]);
      if (fixture_lay_out (&s, NULL, path, templates[t])) {
        char *flat = extracted (&s);
        look_for_lines (&s, flat, what, &o);
        free (flat);
      }
      fixture_tear_down (&s);
    }
  }
  if (dir)
    closedir (dir);
  printf ("reading_order: %zu articles; %zu left-to-right lines, %zu not in order; "
          "%zu right-to-left lines, %zu not in order\n", articles, o.lines[0], o.missing[0],
          o.lines[1], o.missing[1]);
  CHECK (articles > 20 && o.lines[0] > 2000 && o.lines[1] > 500);
  CHECK_EQ_INT (o.missing[0], 0);
  CHECK_EQ_INT (o.missing[1], 0);
}
#endif

int
main (void)
{
#ifdef INK_WITH_PDF
  RUN (reading_order);
#endif
  return test_summary ();
}
