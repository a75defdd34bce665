/* text/case: capitals for upper-case styles, one code point for one, with the rules of the
 * languages that have them: Greek without tonos and with a capital final sigma, German ß as
 * ẞ, Turkish and Azerbaijani dotted İ. */
#include "core.h"
#include "text.h"
#include "test.h"

/* UTF-8 s in capitals, as a style with uppercase sets it, into out. */
static const char *
upper (const char *s, const char *lang, char *out, size_t n)
{
  uint32_t cps[128];
  size_t len = strlen (s), off = 0, k = 0;
  while (off < len && k < 128)
    ink__utf8_next (s, len, &off, &cps[k++]);
  size_t w = 0;
  for (size_t i = 0; i < k && w + 5 < n; i++) {
    uint32_t c = ink__case_upper (cps[i], i > 0 ? cps[i - 1] : 0, i + 1 < k ? cps[i + 1] : 0,
                                  lang);
    w += ink__utf8_encode (c, out + w);
  }
  out[w] = 0;
  return out;
}

TEST (greek_drops_tonos_and_final_sigma)
{
  char b[256];
  CHECK_EQ_STR (upper ("Μεταφορές", "el", b, sizeof b), "ΜΕΤΑΦΟΡΕΣ");
  CHECK_EQ_STR (upper ("μεταφορές", "el", b, sizeof b), "ΜΕΤΑΦΟΡΕΣ");
  CHECK_EQ_STR (upper ("Άρτα, Ήπειρος", "el", b, sizeof b), "ΑΡΤΑ, ΗΠΕΙΡΟΣ");
  /* The dialytika stays; the tonos over it goes. */
  CHECK_EQ_STR (upper ("προϋπόθεση, ΐ", "el", b, sizeof b), "ΠΡΟΫΠΟΘΕΣΗ, Ϊ");
  /* "ή" alone ("or") keeps its accent, inside a word it does not. */
  CHECK_EQ_STR (upper ("πόλη ή χωριό", "el", b, sizeof b), "ΠΟΛΗ Ή ΧΩΡΙΟ");
  CHECK_EQ_STR (upper ("ήλιος", "el", b, sizeof b), "ΗΛΙΟΣ");
}

TEST (german_sharp_s)
{
  char b[256];
  CHECK_EQ_STR (upper ("Straße", "de", b, sizeof b), "STRAẞE");
}

TEST (turkish_dotted_i)
{
  char b[256];
  CHECK_EQ_STR (upper ("istanbul ılık", "tr", b, sizeof b), "İSTANBUL ILIK");
  CHECK_EQ_STR (upper ("bakı", "az-Latn", b, sizeof b), "BAKI");
  CHECK_EQ_STR (upper ("istanbul", "en", b, sizeof b), "ISTANBUL");
  CHECK_EQ_STR (upper ("istanbul", NULL, b, sizeof b), "ISTANBUL");
}

TEST (other_scripts_with_case)
{
  char b[256];
  CHECK_EQ_STR (upper ("ÿ ç ő ž", "fr", b, sizeof b), "Ÿ Ç Ő Ž");
  CHECK_EQ_STR (upper ("новости ёж", "ru", b, sizeof b), "НОВОСТИ ЁЖ");
  /* Scripts without case, digits and punctuation are left alone. */
  CHECK_EQ_STR (upper ("خبر 12 — 新闻", "ar", b, sizeof b), "خبر 12 — 新闻");
#ifdef INK_WITH_ICU
  CHECK_EQ_STR (upper ("հայերեն", "hy", b, sizeof b), "ՀԱՅԵՐԵՆ");
#endif
}

int
main (void)
{
  RUN (greek_drops_tonos_and_final_sigma);
  RUN (german_sharp_s);
  RUN (turkish_dotted_i);
  RUN (other_scripts_with_case);
  return test_summary ();
}
