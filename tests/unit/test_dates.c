/* Dates in the article's language (text/dates.c) and the labels the page adds
 * (paginate/locale.c), and a Korean sample's dateline end to end. */
#include "dates.h"
#include "layout-internal.h"
#include "test.h"

#include <cjson/cJSON.h>
#include <inkset/inkset.h>

#ifdef INK_WITH_ICU
#include <unicode/uloc.h>
#include <unicode/uvernum.h>

/* 2011-09-27 in each language with a bundled font. Each row names what must be there whatever
 * the CLDR version: the month in the language, the year and the day in the digits of
 * core/digits.c and the locale's default calendar (Thai: the Buddhist era; Persian: the Solar Hijri calendar, 5 Mehr 1390),
 * and the whole string ICU 72.1 (CLDR 42, Debian 12) gives, checked only under ICU 72. */
typedef struct {
  const char *lang, *month, *year, *day, *icu72;
} date_case_t;

static const date_case_t cases[] = {
  { "en", "September", "2011", "27", "September 27, 2011" },
  { "de", "September", "2011", "27", "27. September 2011" },
  { "fr", "septembre", "2011", "27", "27 septembre 2011" },
  { "ru", "сентября", "2011", "27", "27 сентября 2011\u202fг." },
  { "el", "Σεπτεμβρίου", "2011", "27", "27 Σεπτεμβρίου 2011" },
  { "ar", "سبتمبر", "٢٠١١", "٢٧", "٢٧ سبتمبر ٢٠١١" },
  { "fa", "مهر", "۱۳۹۰", "۵", "۵ مهر ۱۳۹۰" },
  { "ur", "ستمبر", "۲۰۱۱", "۲۷", "۲۷ ستمبر، ۲۰۱۱" },   /* Urdu digits: core/digits.c */
  { "he", "בספטמבר", "2011", "27", "27 בספטמבר 2011" },
  { "hi", "सितंबर", "2011", "27", "27 सितंबर 2011" },
  { "bn", "সেপ্টেম্বর", "২০১১", "২৭", "২৭ সেপ্টেম্বর, ২০১১" },
  { "ta", "செப்டம்பர்", "2011", "27", "27 செப்டம்பர், 2011" },
  { "th", "กันยายน", "2554", "27", "27 กันยายน 2554" },
  { "zh-Hans", "9月", "2011年", "27日", "2011年9月27日" },
  { "ja", "9月", "2011年", "27日", "2011年9月27日" },
  { "ko", "9월", "2011년", "27일", "2011년 9월 27일" },
};

TEST (dates_in_each_language)
{
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    const date_case_t *c = &cases[i];
    char out[INK_DATE_MAX];
    ink__format_date (NULL, "2011-09-27", c->lang, NULL, out, sizeof out);
    if (!strstr (out, c->month) || !strstr (out, c->year) || !strstr (out, c->day))
      fprintf (stderr, "%s: \"%s\" lacks \"%s\", \"%s\" or \"%s\"\n", c->lang, out, c->month,
               c->year, c->day);
    CHECK (strstr (out, c->month) && strstr (out, c->year) && strstr (out, c->day));
    CHECK (!strstr (out, "2011-09"));
    if (U_ICU_VERSION_MAJOR_NUM == 72)
      CHECK_EQ_STR (out, c->icu72);
  }
}

TEST (dates_edges)
{
  char out[INK_DATE_MAX];
  /* The calendar date as written, whatever the time and offset. */
  ink__format_date (NULL, "2011-09-27T23:30:00-05:00", "en", NULL, out, sizeof out);
  CHECK_EQ_STR (out, "September 27, 2011");
  ink__format_date (NULL, "2011-09-27", NULL, NULL, out, sizeof out);
  CHECK_EQ_STR (out, "September 27, 2011");
  /* Leap days, and a Gregorian date before the Julian switch of 1582. */
  ink__format_date (NULL, "2024-02-29", "en", NULL, out, sizeof out);
  CHECK_EQ_STR (out, "February 29, 2024");
  ink__format_date (NULL, "1200-03-01", "en", NULL, out, sizeof out);
  CHECK_EQ_STR (out, "March 1, 1200");
  /* The BCP 47 tag's extensions reach ICU: Persian in the Gregorian calendar. */
  ink__format_date (NULL, "2011-09-27", "fa-u-ca-gregory", NULL, out, sizeof out);
  CHECK (strstr (out, "سپتامبر") && strstr (out, "۲۰۱۱"));
  /* A language CLDR lacks: ISO 8601, not the host's default locale. */
  ink__format_date (NULL, "2011-09-27", "tlh", NULL, out, sizeof out);
  CHECK_EQ_STR (out, "2011-09-27");
}

/* English dates are formatted without ICU (text/dates.c): as ICU formats them, which a tag
 * with an extension ("en-u-ca-gregory") still asks of it; days a month lacks roll over there. */
TEST (english_dates_as_icu)
{
  static const int years[] = { 1, 9, 10, 99, 100, 999, 1000, 1582, 1900, 1970, 2000, 2011,
                               2024, 9999 };
  static const int days[] = { 1, 9, 10, 28, 29, 30, 31 };
  static const char *const langs[][2] = { { "en", "en-u-ca-gregory" },
                                          { "en-US", "en-US-u-ca-gregory" } };
  for (size_t l = 0; l < 2; l++)
    for (size_t y = 0; y < sizeof years / sizeof *years; y++)
      for (int m = 1; m <= 12; m++)
        for (size_t d = 0; d < sizeof days / sizeof *days; d++) {
          char iso[40], mine[INK_DATE_MAX], icu[INK_DATE_MAX];
          snprintf (iso, sizeof iso, "%04d-%02d-%02d", years[y], m, days[d]);
          ink__format_date (NULL, iso, langs[l][0], NULL, mine, sizeof mine);
          ink__format_date (NULL, iso, langs[l][1], NULL, icu, sizeof icu);
          if (strcmp (mine, icu) != 0)
            fprintf (stderr, "%s %s: \"%s\", ICU \"%s\"\n", iso, langs[l][0], mine, icu);
          CHECK_EQ_STR (mine, icu);
        }
}
#endif

TEST (dates_fallbacks)
{
  char out[INK_DATE_MAX];
  ink__format_date (NULL, "27/09/2011", "en", NULL, out, sizeof out);
  CHECK_EQ_STR (out, "27/09/2011");
  ink__format_date (NULL, NULL, "en", NULL, out, sizeof out);
  CHECK_EQ_STR (out, "");
  /* Too small a buffer: cut, and still ended. */
  char small[8];
  ink__format_date (NULL, "2011-09-27", "ta", NULL, small, sizeof small);
  CHECK (strlen (small) < sizeof small);
#ifndef INK_WITH_ICU
  ink__format_date (NULL, "2011-09-27T10:00Z", "de", NULL, out, sizeof out);
  CHECK_EQ_STR (out, "2011-09-27");
#endif
}

/* Page numbers in the digits each language's newspapers print (core/digits.c), without
 * grouping: whatever ICU is built or the host's locale, for the tag's own "-u-nu-" choice
 * too; a buffer too small cuts before a whole digit. */
TEST (page_numbers)
{
  char out[INK_NUMBER_MAX];
  ink__format_number (12345, ink__digits_for ("en", NULL, 0), out, sizeof out);
  CHECK_EQ_STR (out, "12345");
  ink__format_number (7, NULL, out, sizeof out);
  CHECK_EQ_STR (out, "7");
  static const struct { const char *lang, *want; } rows[] = {
    { "fa", "۱۲۰۳" }, { "ar", "١٢٠٣" }, { "ar-EG", "١٢٠٣" }, { "ar-MA", "1203" },
    { "ar-Arab-TN", "1203" }, { "ur", "۱۲۰۳" }, { "ur-PK", "۱۲۰۳" }, { "bn", "১২০৩" },
    { "mr", "१२०३" }, { "ne", "१२०३" }, { "my", "၁၂၀၃" }, { "he", "1203" }, { "hi", "1203" },
    { "th", "1203" }, { "el", "1203" }, { "zh-Hans", "1203" }, { "qaa", "1203" },
    { "fa-u-nu-latn", "1203" }, { "ar-u-nu-latn", "1203" }, { "hi-u-nu-deva", "१२०३" },
    { "th-u-ca-buddhist-nu-thai", "๑๒๐๓" }, { "ur-u-nu-bogus", "۱۲۰۳" },
  };
  for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
    ink__format_number (1203, ink__digits_for (rows[i].lang, NULL, 0), out, sizeof out);
    if (strcmp (out, rows[i].want))
      fprintf (stderr, "%s: ", rows[i].lang);
    CHECK_EQ_STR (out, rows[i].want);
  }
  char small[5];   /* room for two Persian digits of two bytes, and the NUL */
  ink__format_number (1203, ink__digits_for ("fa", NULL, 0), small, sizeof small);
  CHECK_EQ_STR (small, "۱۲");
}

/* A template's [digits] rules come before the table, the most specific first; the
 * article's "-u-nu-" before both. */
TEST (digits_rules)
{
  ink__digits_rule_t rules[] = {
    { "hi", ink__digits_named ("deva", 4) }, { "ar", ink__digits_named ("latn", 4) },
    { "ar-EG", ink__digits_named ("ARAB", 4) },
  };
  CHECK (rules[0].digits && rules[1].digits && rules[2].digits);
  CHECK (!ink__digits_named ("deva", 3) && !ink__digits_named ("klingon", 7));
  static const struct { const char *lang, *want; } rows[] = {
    { "hi", "deva" }, { "hi-IN", "deva" }, { "ar", "latn" }, { "ar-SA", "latn" },
    { "ar-EG", "arab" }, { "ar-MA", "latn" }, { "ur", "arabext" }, { "hi-u-nu-latn", "latn" },
    { NULL, "latn" }, { "", "latn" },
  };
  for (size_t i = 0; i < sizeof rows / sizeof *rows; i++)
    CHECK_EQ_STR (ink__digits_for (rows[i].lang, rules, 3)->name, rows[i].want);
  CHECK_EQ_INT (ink__lang_match ("ar-EG", "ar"), 1);
  CHECK_EQ_INT (ink__lang_match ("ar", "ar-MA"), 0);
  CHECK_EQ_INT (ink__lang_match ("ar-Arab-MA", "ar-MA"), 2);
  CHECK_EQ_INT (ink__lang_match ("AR-ma", "ar-MA"), 2);
  CHECK_EQ_INT (ink__lang_match ("arz", "ar"), 0);
  CHECK_EQ_INT (ink__lang_match ("ar-x-ma", "ar-MA"), 0);
}

#ifdef INK_WITH_ICU
/* The date in the digits asked for, as the page numbers are. */
TEST (dates_in_chosen_digits)
{
  char out[INK_DATE_MAX];
  ink__format_date (NULL, "2011-09-27", "hi", ink__digits_named ("deva", 4), out, sizeof out);
  CHECK (strstr (out, "सितंबर") && strstr (out, "२०११") && strstr (out, "२७"));
  ink__format_date (NULL, "2011-09-27", "th", ink__digits_named ("thai", 4), out, sizeof out);
  CHECK (strstr (out, "กันยายน") && strstr (out, "๒๕๕๔") && strstr (out, "๒๗"));
  ink__format_date (NULL, "2011-09-27", "ar", ink__digits_named ("latn", 4), out, sizeof out);
  CHECK (strstr (out, "سبتمبر") && strstr (out, "2011") && strstr (out, "27"));
  ink__format_date (NULL, "2011-09-27", "ar-u-nu-latn", NULL, out, sizeof out);
  CHECK (strstr (out, "2011") && !strstr (out, "٢"));
}
#endif

TEST (labels)
{
  CHECK_EQ_STR (ink__read_label (NULL), "Read: ");
  CHECK_EQ_STR (ink__read_label ("en-GB"), "Read: ");
  CHECK_EQ_STR (ink__read_label ("de"), "Lesen Sie auch: ");
  CHECK_EQ_STR (ink__read_label ("ko"), "관련 기사: ");
  CHECK_EQ_STR (ink__read_label ("zh-Hans"), "延伸阅读：");
  CHECK_EQ_STR (ink__read_label ("zh-Hant"), "相關新聞：");
  CHECK_EQ_STR (ink__read_label ("zh-TW"), "相關新聞：");
  CHECK_EQ_STR (ink__read_label ("kok"), "Read: ");         /* not Korean: a tag, not a prefix */
  CHECK_EQ_STR (ink__read_label ("tlh"), "Read: ");
  CHECK_EQ_STR (ink__read_label ("tr"), "İlgili haber: ");
  /* Languages whose hyphenation patterns and fonts are bundled have their own. */
  static const char *const own[] = { "tr", "sv", "da", "nb", "nn", "ro", "hr", "sk", "sl", "ca" };
  for (size_t i = 0; i < sizeof own / sizeof *own; i++)
    CHECK (strcmp (ink__read_label (own[i]), "Read: ") != 0);
}

/* The layout JSON of article a set on the kiosk template, or NULL. */
static cJSON *
layout_json (ink_context_t *ctx, ink_fontset_t *fs, ink_article_t *a)
{
  ink_template_t *t = NULL;
  ink_document_t *doc = NULL;
  const char *json = NULL;
  size_t len = 0;
  cJSON *root = NULL;
  if (a && fs && ink_template_builtin (ctx, "kiosk-10.3", &t) == INK_OK &&
      ink_document_layout (ctx, a, t, fs, NULL, &doc) == INK_OK &&
      ink_document_layout_json (doc, &json, &len) == INK_OK)
    root = cJSON_ParseWithLength (json, len);
  ink_document_destroy (doc);
  ink_template_destroy (t);
  return root;
}

/* Lines of role (or any role, NULL) whose text holds want (or any, NULL); each is checked to
 * have every glyph in the fonts. */
static int
lines_with (cJSON *root, const char *role, const char *want)
{
  int found = 0;
  cJSON *page, *it, *pages = cJSON_GetObjectItem (root, "pages");
  cJSON_ArrayForEach (page, pages)
  {
    cJSON_ArrayForEach (it, cJSON_GetObjectItem (page, "items"))
    {
      cJSON *text = cJSON_GetObjectItem (it, "text"), *r = cJSON_GetObjectItem (it, "role");
      if (!text || !cJSON_IsString (text) || (want && !strstr (text->valuestring, want)) ||
          (role && (!cJSON_IsString (r) || strcmp (r->valuestring, role))))
        continue;
      found++;
      int miss = cJSON_GetObjectItem (it, "missing_glyphs")->valueint;
      if (miss)
        fprintf (stderr, "missing glyphs in \"%s\"\n", text->valuestring);
      CHECK_EQ_INT (miss, 0);
    }
  }
  return found;
}

/* Generated lines of role whose text is want. */
static int
generated_line (cJSON *root, const char *role, const char *want)
{
  int found = 0;
  cJSON *page, *it;
  cJSON_ArrayForEach (page, cJSON_GetObjectItem (root, "pages"))
  {
    cJSON_ArrayForEach (it, cJSON_GetObjectItem (page, "items"))
    {
      cJSON *text = cJSON_GetObjectItem (it, "text"), *r = cJSON_GetObjectItem (it, "role");
      found += cJSON_IsString (text) && cJSON_IsString (r) && !strcmp (r->valuestring, role) &&
               !strcmp (text->valuestring, want) &&
               cJSON_IsTrue (cJSON_GetObjectItem (it, "generated"));
    }
  }
  return found;
}

/* The Korean sample's running foot carries its date in Korean, with every glyph in the font. */
TEST (korean_dateline)
{
  ink_context_t *ctx;
  ink_context_create (NULL, NULL, &ctx);
  ink_article_t *a = NULL;
  ink_fontset_t *fs = NULL;
  CHECK_EQ_INT (ink_article_load (ctx, INK_SOURCE_DIR "/examples/articles/busan-beach.ko.md", &a,
                                  NULL), INK_OK);
  CHECK_EQ_INT (ink_fontset_create (ctx, INK_SOURCE_DIR "/fonts", &fs), INK_OK);
  cJSON *root = layout_json (ctx, fs, a);
  CHECK (root != NULL);
#ifdef INK_WITH_ICU
  CHECK (lines_with (root, NULL, "2024년 6월 20일") > 0);
#else
  CHECK (lines_with (root, NULL, "2024-06-20") > 0);
#endif
  cJSON_Delete (root);
  ink_fontset_destroy (fs);
  ink_article_destroy (a);
  ink_context_destroy (ctx);
}

/* In every language of the label table, the related link's label and the dated foot are set
 * with the bundled fonts, no glyph missing. */
TEST (labels_and_dates_have_glyphs)
{
  static const char *const langs[] = {
    "en", "de", "fr", "es", "it", "pt", "nl", "pl", "cs", "vi", "id", "ru", "uk", "el", "ar",
    "fa", "ur", "he", "hi", "mr", "ne", "bn", "as", "pa", "gu", "ta", "te", "kn", "ml", "si",
    "th", "lo", "km", "my", "zh", "zh-Hant", "ja", "ko", "tr", "sv", "da", "nb", "nn", "ro",
    "hr", "sk", "sl", "ca",
  };
  ink_context_t *ctx;
  ink_context_create (NULL, NULL, &ctx);
  ink_fontset_t *fs = NULL;
  CHECK_EQ_INT (ink_fontset_create (ctx, INK_SOURCE_DIR "/fonts", &fs), INK_OK);
  for (size_t i = 0; i < sizeof langs / sizeof *langs; i++) {
    char src[256];
    int n = snprintf (src, sizeof src, "---\ntitle: T\ndate: 2011-09-27\nlang: %s\n---\n\n"
                      "x\n\n> [!read] Qz\n", langs[i]);
    ink_article_t *a = NULL;
    CHECK_EQ_INT (ink_article_parse_markdown (ctx, src, (size_t) n, NULL, &a, NULL), INK_OK);
    cJSON *root = layout_json (ctx, fs, a);
    CHECK (root != NULL);
    /* The label is a generated line of its own, the link's text the line's. */
    int related = lines_with (root, "related", NULL), feet = lines_with (root, "footer", NULL);
    int label = generated_line (root, "related", ink__read_label (langs[i]));
    int own = lines_with (root, "related", "Qz");
    if (related != 2 || label != 1 || own != 1 || feet < 1)
      fprintf (stderr, "%s: %d related lines (%d the label, %d its own), %d feet\n", langs[i],
               related, label, own, feet);
    CHECK (related == 2 && label == 1 && own == 1 && feet >= 1);
    cJSON_Delete (root);
    ink_article_destroy (a);
  }
  ink_fontset_destroy (fs);
  ink_context_destroy (ctx);
}

int
main (void)
{
#ifdef INK_WITH_ICU
  RUN (dates_in_each_language);
  RUN (dates_edges);
  RUN (english_dates_as_icu);
  RUN (dates_in_chosen_digits);
#endif
  RUN (dates_fallbacks);
  RUN (page_numbers);
  RUN (digits_rules);
  RUN (labels);
  RUN (korean_dateline);
  RUN (labels_and_dates_have_glyphs);
  return test_summary ();
}
