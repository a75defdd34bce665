/* paginate/locale: words the page adds around the article's own, in the article's language:
 * the date (CLDR's, through text/dates.c), the label before a related link and the dash
 * before a pull quote's attribution. */
#include "layout-internal.h"
#include "digits.h"

#include <string.h>

/* The label before a related article's title, for every language whose script a bundled font
 * covers (fonts/README.md). CLDR has no such phrase, so these are ours: each is the wording
 * that language's news sites print before a link to another story ("Read also:"), with the
 * language's own colon and spacing (French puts a narrow no-break space U+202F before it,
 * Chinese and Japanese a full-width colon, Khmer its sign ៖). Sources named are where the
 * wording is in use; a language not here gets English (docs/articles.md). */
typedef struct {
  const char *lang;              /* primary language subtag, or "zh-Hant" */
  const char *read;
} label_t;

static const label_t labels[] = {
  { "en", "Read: " },
  { "de", "Lesen Sie auch: " },              /* Der Spiegel, Süddeutsche Zeitung */
  { "fr", "Lire aussi\u202f: " },            /* Le Monde */
  { "es", "Lea también: " },                 /* El País, BBC Mundo */
  { "it", "Leggi anche: " },                 /* Corriere della Sera */
  { "pt", "Leia também: " },                 /* Folha de S.Paulo, BBC Brasil */
  { "nl", "Lees ook: " },                    /* NOS, de Volkskrant */
  { "pl", "Czytaj także: " },                /* Gazeta Wyborcza, Rzeczpospolita */
  { "cs", "Čtěte také: " },                  /* iDNES.cz, Novinky.cz */
  { "sk", "Prečítajte si aj: " },            /* SME, Pravda.sk */
  { "sl", "Preberite tudi: " },              /* Delo, 24ur */
  { "hr", "Pročitajte i: " },                /* Jutarnji list, Index.hr */
  { "ro", "Citește și: " },                  /* Adevărul, Digi24 */
  { "ca", "Llegiu també: " },                /* La Vanguardia, El Periódico */
  { "sv", "Läs också: " },                   /* Dagens Nyheter, Svenska Dagbladet */
  { "da", "Læs også: " },                    /* Politiken, DR */
  { "nb", "Les også: " },                    /* Aftenposten, NRK */
  { "nn", "Les også: " },                    /* NRK */
  { "no", "Les også: " },
  { "tr", "İlgili haber: " },                /* Hürriyet, Milliyet */
  { "vi", "Xem thêm: " },                    /* VnExpress, Tuổi Trẻ */
  { "id", "Baca juga: " },                   /* Kompas, Detik */
  { "ru", "Читайте также: " },               /* RIA Novosti, BBC Russian */
  { "uk", "Читайте також: " },               /* Ukrainska Pravda, BBC Ukrainian */
  { "el", "Διαβάστε επίσης: " },             /* Kathimerini */
  { "ar", "اقرأ أيضًا: " },                  /* Al Jazeera, BBC Arabic */
  { "fa", "بیشتر بخوانید: " },               /* BBC Persian */
  { "ur", "مزید پڑھیں: " },                  /* BBC Urdu, Dawn News */
  { "he", "קראו גם: " },                     /* Haaretz, Ynet */
  { "hi", "यह भी पढ़ें: " },                   /* BBC Hindi, Dainik Bhaskar */
  { "mr", "हेही वाचा: " },                    /* BBC Marathi, Loksatta */
  { "ne", "यो पनि पढ्नुहोस्: " },               /* BBC Nepali */
  { "bn", "আরও পড়ুন: " },                    /* BBC Bangla, Prothom Alo */
  { "as", "লগতে পঢ়ক: " },                   /* Asomiya Pratidin */
  { "pa", "ਇਹ ਵੀ ਪੜ੍ਹੋ: " },                   /* BBC Punjabi */
  { "gu", "આ પણ વાંચો: " },                   /* BBC Gujarati */
  { "ta", "இதையும் படிக்க: " },               /* BBC Tamil, Dinamani */
  { "te", "ఇవి కూడా చదవండి: " },              /* BBC Telugu */
  { "kn", "ಇದನ್ನೂ ಓದಿ: " },                   /* Prajavani */
  { "ml", "ഇതുകൂടി വായിക്കാം: " },             /* Mathrubhumi */
  { "si", "මේවාත් කියවන්න: " },               /* BBC Sinhala */
  { "th", "อ่านเพิ่มเติม: " },                  /* BBC Thai */
  { "lo", "ອ່ານເພີ່ມເຕີມ: " },                   /* Lao News Agency */
  { "km", "អានបន្ថែម៖ " },                     /* VOA Khmer, RFA Khmer */
  { "my", "ဆက်စပ်သတင်း - " },                /* BBC Burmese ("related news") */
  { "zh", "延伸阅读：" },                     /* Xinhua, BBC Chinese (simplified) */
  { "zh-Hant", "相關新聞：" },                /* United Daily News, Liberty Times; 延伸閱讀
                                               * has 閱, which the bundled CJK subsets lack */
  { "ja", "関連記事：" },                     /* NHK, Asahi Shimbun */
  { "ko", "관련 기사: " },                     /* Yonhap, BBC Korean */
};

/* Whether tag names Chinese in traditional characters: zh-Hant, or a region that writes it. */
static bool
traditional_chinese (const char *tag)
{
  static const char *const marks[] = { "-Hant", "-TW", "-HK", "-MO" };
  for (size_t i = 0; i < sizeof marks / sizeof *marks; i++) {
    const char *p = strstr (tag, marks[i]);
    size_t k = strlen (marks[i]);
    if (p && (p[k] == 0 || p[k] == '-') && strncmp (tag, "zh-", 3) == 0)
      return true;
  }
  return false;
}

/* The words before a related article's title ("Read: "), in the article's language. */
const char *
ink__read_label (const char *lang)
{
  if (!lang)
    return labels[0].read;
  const char *key = traditional_chinese (lang) ? "zh-Hant" : lang;
  size_t n = traditional_chinese (lang) ? strlen (key) : strcspn (lang, "-");
  for (size_t i = 0; i < sizeof labels / sizeof *labels; i++)
    if (strlen (labels[i].lang) == n && strncmp (key, labels[i].lang, n) == 0)
      return labels[i].read;
  return labels[0].read;
}

/* The dash before a pull quote's attribution: Chinese and Japanese papers set two em dashes
 * close up ("——港湾運営会社の担当者"), others one and a thin space ("— Ruth Ellery"). */
const char *
ink__attribution_dash (const char *lang)
{
  if (lang && (ink__lang_match (lang, "zh") || ink__lang_match (lang, "ja")))
    return "\u2014\u2014";
  return "\u2014\u2009";
}

/* The separator between a byline's author and date, or a comment's author and place: a
 * middle dot, but where the page's digits write zero as a dot (Arabic-Indic, Persian and
 * Urdu digits) a vertical bar, so that "نمائندہ · ۲۰ جنوری" is not read with a 0 before
 * the 20. A line may break after a bar, even before a no-break space (UAX #14, class BA):
 * a word joiner after it keeps it with what follows, as the dot is. */
const char *
ink__separator (const lay_t *L)
{
  if (ink__digits_zero_is_dot (L->digits))
    return "|\u2060";
  return "\u00b7";
}

/* The article's date as its language writes it, formatted once per document. */
const char *
ink__date (lay_t *L)
{
  if (!L->date_set) {
    ink__format_date (L->ctx, L->a->date, L->a->lang, L->digits, L->date, sizeof L->date);
    L->date_set = true;
  }
  return L->date;
}
