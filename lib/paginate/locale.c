/* paginate/locale: words the page adds around the article's own, in the article's language. */
#include "layout-internal.h"

#include <stdio.h>
#include <string.h>

/* Words the page adds around the article's own, in the article's language. */
typedef struct {
  const char *lang;
  const char *read;              /* before a related article's title */
  const char *months[12];
  int order;                     /* 0 "September 27, 2011", 1 "27 September 2011", 2 "2011年9月27日" */
} locale_t;

static const locale_t locales[] = {
  { "en", "Read: ", { "January", "February", "March", "April", "May", "June", "July", "August",
                      "September", "October", "November", "December" }, 0 },
  { "ur", "مزید پڑھیں: ",
    { "جنوری", "فروری", "مارچ",
      "اپریل", "مئی", "جون",
      "جولائی", "اگست", "ستمبر",
      "اکتوبر", "نومبر", "دسمبر" }, 1 },
  { "ar", "اقرأ أيضًا: ",
    { "يناير", "فبراير", "مارس",
      "أبريل", "مايو", "يونيو",
      "يوليو", "أغسطس", "سبتمبر",
      "أكتوبر", "نوفمبر", "ديسمبر" }, 1 },
  { "hi", "यह भी पढ़ें: ",
    { "जनवरी", "फ़रवरी", "मार्च",
      "अप्रैल", "मई", "जून", "जुलाई",
      "अगस्त", "सितंबर", "अक्टूबर",
      "नवंबर", "दिसंबर" }, 1 },
  { "zh", "延伸阅读：", { 0 }, 2 },
  { "ja", "関連記事：", { 0 }, 2 },
};

static const locale_t *
locale_of (const char *lang)
{
  for (size_t i = 0; lang && i < sizeof locales / sizeof *locales; i++)
    if (strncmp (lang, locales[i].lang, 2) == 0 && (lang[2] == 0 || lang[2] == '-'))
      return &locales[i];
  return &locales[0];
}

/* "2011-09-27" as "September 27, 2011" (in the article's language); other dates as written. */
void
ink__format_date (const char *iso, const char *lang, char *out, size_t n)
{
  int y, m, d;
  const locale_t *lc = locale_of (lang);
  if (iso && sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) == 3 && m >= 1 && m <= 12 && d >= 1 && d <= 31) {
    if (lc->order == 2)
      snprintf (out, n, "%d年%d月%d日", y, m, d);
    else if (lc->order == 1)
      snprintf (out, n, "%d %s %d", d, lc->months[m - 1], y);
    else
      snprintf (out, n, "%s %d, %d", lc->months[m - 1], d, y);
  } else {
    snprintf (out, n, "%s", iso ? iso : "");
  }
}

/* The words before a related article's title ("Read: "), in the article's language. */
const char *
ink__read_label (const char *lang)
{
  return locale_of (lang)->read;
}
