/* The digits of page numbers and dates in running heads and feet: the language's own by
 * core/digits.c, a template's [digits] choice, and glyphs in the bundled fonts for each, or
 * named where no font has them. */
#include "paginate.h"
#include "template.h"
#include "test.h"

#include "fixture.h"

#include <inkset/inkset.h>

/* kiosk-10.3 (its head: the page number and count; its foot: the title and the date) with
 * extra after it, parsed; NULL (reported) if it does not parse. */
static ink_template_t *
template_with (ink_context_t *ctx, const char *extra)
{
  size_t len = 0;
  const char *base = ink_template_builtin_source ("kiosk-10.3", &len);
  char src[8192];
  int n = base ? snprintf (src, sizeof src, "%.*s\n%s", (int) len, base, extra) : -1;
  CHECK (n > 0 && (size_t) n < sizeof src);
  ink_template_t *t = NULL;
  ink_diag_t diag = { 0 };
  if (n > 0 && (size_t) n < sizeof src)
    CHECK_EQ_INT (ink_template_parse (ctx, src, (size_t) n, "digits", &t, &diag), INK_OK);
  if (!t)
    fprintf (stderr, "template: %u:%u: %s\n", diag.line, diag.column, diag.message);
  return t;
}

typedef struct {
  char page[64], date[128];     /* page 1's number and count, and its date, as set */
  size_t missing;               /* glyphs drawn as boxes in its running lines */
  size_t runs;                  /* missing runs the document names */
  char run_script[32];          /* the first one's script */
} running_t;

/* Page 1's running lines of an article titled "T" in lang, dated 2024-12-03, on kiosk-10.3
 * with tpl_extra ("" for the built-in itself). */
static bool
running_of (const char *lang, const char *tpl_extra, running_t *out)
{
  *out = (running_t) { 0 };
  fixture_t f = { 0 };
  char md[256];
  int n = snprintf (md, sizeof md, "---\ntitle: T\ndate: 2024-12-03\nlang: %s\n---\n\nx\n", lang);
  if (!*tpl_extra) {
    fixture_lay_out (&f, md, NULL, "kiosk-10.3");   /* the built-in, by name */
  } else {
    ink_context_create (NULL, NULL, &f.ctx);
    f.t = template_with (f.ctx, tpl_extra);
    CHECK_EQ_INT (ink_article_parse_markdown (f.ctx, md, (size_t) n, NULL, &f.a, NULL), INK_OK);
    CHECK_EQ_INT (ink_fontset_create (f.ctx, INK_SOURCE_DIR "/fonts", &f.fs), INK_OK);
    if (f.t && f.a && f.fs)
      CHECK_EQ_INT (ink_document_layout (f.ctx, f.a, f.t, f.fs, NULL, &f.doc), INK_OK);
  }
  const ink_document_t *doc = f.doc;
  for (size_t i = 0; doc && i < doc->pages.v[0].nl; i++) {
    const ink__lrec_t *l = &doc->lines.v[doc->pages.v[0].l0 + i];
    if (!l->generated)
      continue;
    const char *text = doc->text.s + l->text_off;
    if (l->role == INK_ROLE_HEADER)
      snprintf (out->page, sizeof out->page, "%.*s", (int) l->text_len, text);
    else if (l->role == INK_ROLE_FOOTER && !(l->text_len == 1 && *text == 'T'))
      snprintf (out->date, sizeof out->date, "%.*s", (int) l->text_len, text);
    out->missing += l->missing;
  }
  const ink_missing_run_t *r = doc ? ink_document_missing_runs (doc, &out->runs) : NULL;
  if (r)
    snprintf (out->run_script, sizeof out->run_script, "%s", r[0].script);
  bool ok = doc != NULL;
  fixture_tear_down (&f);
  return ok;
}

typedef struct {
  const char *lang, *page, *year;   /* page 1's "{page} / {pages}", and the date's year */
} digits_row_t;

/* Each row's article on kiosk-10.3 with tpl_extra: the page number and the date's year in
 * the row's digits, with every glyph there. */
static void
check_rows (const digits_row_t *rows, size_t n, const char *tpl_extra)
{
  for (size_t i = 0; i < n; i++) {
    running_t r;
    if (!running_of (rows[i].lang, tpl_extra, &r))
      continue;
    if (strcmp (r.page, rows[i].page) || !strstr (r.date, rows[i].year))
      fprintf (stderr, "%s: page \"%s\", date \"%s\"\n", rows[i].lang, r.page, r.date);
    CHECK_EQ_STR (r.page, rows[i].page);
    CHECK_EQ_INT (r.missing, 0);
#ifdef INK_WITH_ICU
    CHECK (strstr (r.date, rows[i].year) != NULL);
#endif
  }
}

/* Page numbers and the date in the digits of the language's papers, without a template's
 * say: Urdu and Persian digits (Persian: the Solar Hijri year), Arabic-Indic, Bengali,
 * Devanagari for Marathi; ASCII for Hindi and Hebrew. */
TEST (running_lines_in_language_digits)
{
  static const digits_row_t rows[] = {
    { "ur", "۱ / ۱", "۲۰۲۴" }, { "fa", "۱ / ۱", "۱۴۰۳" }, { "ar", "١ / ١", "٢٠٢٤" },
    { "bn", "১ / ১", "২০২৪" }, { "mr", "१ / १", "२०२४" }, { "hi", "1 / 1", "2024" },
    { "he", "1 / 1", "2024" }, { "en", "1 / 1", "2024" },
  };
  check_rows (rows, sizeof rows / sizeof *rows, "");
}

/* A template's [digits] overrides the table for the languages it names, and an article's
 * "-u-nu-" overrides the template. */
TEST (template_chooses_digits)
{
  static const digits_row_t rows[] = {
    { "hi", "१ / १", "२०२४" }, { "hi-IN", "१ / १", "२०२४" }, { "ar", "1 / 1", "2024" },
    { "th", "๑ / ๑", "๒๕๖๗" }, { "ur", "۱ / ۱", "۲۰۲۴" }, { "hi-u-nu-latn", "1 / 1", "2024" },
  };
  check_rows (rows, sizeof rows / sizeof *rows, "[digits]\nhi = deva\nar = latn\nth = thai\n");
}

/* The number the page puts before the second item of an ordered list in lang, on
 * kiosk-10.3: in the digits of the page numbers, as newspapers in that language print it. */
TEST (list_numbers_in_language_digits)
{
  static const struct { const char *lang, *want; } rows[] = {
    { "fa", "\u06F2.\u2002" }, { "ur", "\u06F2.\u2002" }, { "ar", "\u0662.\u2002" },
    { "bn", "\u09E8.\u2002" }, { "hi", "2.\u2002" },       { "en", "2.\u2002" },
  };
  for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
    char md[256];
    snprintf (md, sizeof md, "---\ntitle: T\nlang: %s\n---\n\nx\n\n1. a\n2. b\n", rows[i].lang);
    fixture_t f = { 0 };
    fixture_lay_out (&f, md, NULL, "kiosk-10.3");
    char got[64] = "";
    int items = 0;
    for (size_t k = 0; f.doc && k < f.doc->lines.n; k++) {
      const ink__lrec_t *l = &f.doc->lines.v[k];
      if (l->generated && l->role == INK_ROLE_LIST && ++items == 2)
        snprintf (got, sizeof got, "%.*s", (int) l->text_len, f.doc->text.s + l->text_off);
    }
    if (strcmp (got, rows[i].want))
      fprintf (stderr, "%s: \"%s\"\n", rows[i].lang, got);
    CHECK_EQ_STR (got, rows[i].want);
    fixture_tear_down (&f);
  }
}

/* Every system set in a language of its script: the bundled fonts have the digits, except
 * Oriya's and Tibetan's, which no bundled font has: those are named, never dropped. */
TEST (every_system_has_glyphs_or_is_named)
{
  static const struct { const char *system, *lang, *script; } rows[] = {
    { "latn", "en", NULL },     { "arab", "ar", NULL },      { "arabext", "ur", NULL },
    { "deva", "hi", NULL },     { "beng", "bn", NULL },      { "guru", "pa", NULL },
    { "gujr", "gu", NULL },     { "tamldec", "ta", NULL },   { "telu", "te", NULL },
    { "knda", "kn", NULL },     { "mlym", "ml", NULL },      { "sinh", "si", NULL },
    { "thai", "th", NULL },     { "laoo", "lo", NULL },      { "mymr", "my", NULL },
    { "khmr", "km", NULL },     { "fullwide", "ja", NULL },  { "orya", "or", "Oriya" },
    { "tibt", "dz", "Tibetan" },
  };
  for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
    char extra[64];
    snprintf (extra, sizeof extra, "[digits]\n%s = %s\n", rows[i].lang, rows[i].system);
    running_t r;
    if (!running_of (rows[i].lang, extra, &r))
      continue;
    const ink__digits_t *d = ink__digits_named (rows[i].system, strlen (rows[i].system));
    char want[32];
    ink__digits_apply (d, "1 / 1", want, sizeof want);
    CHECK_EQ_STR (r.page, want);
    if (rows[i].script) {
      CHECK (r.missing > 0 && r.runs > 0);
      CHECK_EQ_STR (r.run_script, rows[i].script);
    } else {
      if (r.missing)
        fprintf (stderr, "%s in %s: %zu glyphs missing\n", rows[i].system, rows[i].lang,
                 r.missing);
      CHECK_EQ_INT (r.missing, 0);
    }
  }
  for (size_t i = 0; ink__digits_at (i); i++) {   /* the rows above cover the table */
    bool found = false;
    for (size_t k = 0; k < sizeof rows / sizeof *rows; k++)
      found = found || !strcmp (rows[k].system, ink__digits_at (i)->name);
    CHECK (found);
  }
}

/* [digits] as the template language reads it: a language tag and a system's name, each
 * checked with its position. */
TEST (template_digits_section)
{
  ink_context_t *ctx;
  ink_context_create (NULL, NULL, &ctx);
  ink_template_t *t = template_with (ctx, "[digits]\nhi = deva\nAR-ma = Arab\n");
  if (t) {
    CHECK_EQ_INT (t->ndigits, 2);
    CHECK_EQ_STR (t->digits[0].lang, "hi");
    CHECK_EQ_STR (t->digits[0].digits->name, "deva");
    CHECK_EQ_STR (t->digits[1].digits->name, "arab");
    CHECK_EQ_STR (ink__digits_for ("ar-MA", t->digits, t->ndigits)->name, "arab");
  }
  ink_template_destroy (t);
  static const struct { const char *extra, *message; unsigned line, column; } bad[] = {
    { "[digits]\nhi = dev\n", "unknown digits 'dev'; did you mean 'deva'?", 5, 6 },
    { "[digits]\nhi = roman\n", "unknown digits 'roman'; expected latn, arab, arabext, deva, ...", 5, 6 },
    { "[digits]\nh = deva\n", "expected a BCP 47 language tag such as hi or ar-MA, got 'h'", 5, 1 },
    { "[digits]\nhindi = deva\n", "expected a BCP 47 language tag such as hi or ar-MA, got 'hindi'", 5, 1 },
    { "[digits]\nhi = deva\nHI = latn\n", "duplicate key 'HI' in [digits]; first given at line 5", 6, 1 },
    { "[digit]\n", "unknown section [digit]; did you mean 'digits'?", 4, 2 },
  };
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    char src[512];
    int n = snprintf (src, sizeof src, "[page]\nwidth = 800px\nheight = 600px\n%s", bad[i].extra);
    ink_diag_t diag = { 0 };
    t = NULL;
    CHECK_EQ_INT (ink_template_parse (ctx, src, (size_t) n, "bad", &t, &diag), INK_PARSE);
    CHECK_EQ_STR (diag.message, bad[i].message);
    CHECK_EQ_INT (diag.line, bad[i].line);
    CHECK_EQ_INT (diag.column, bad[i].column);
    ink_template_destroy (t);
  }
  ink_context_destroy (ctx);
}

int
main (void)
{
  RUN (running_lines_in_language_digits);
  RUN (template_chooses_digits);
  RUN (list_numbers_in_language_digits);
  RUN (every_system_has_glyphs_or_is_named);
  RUN (template_digits_section);
  return test_summary ();
}
