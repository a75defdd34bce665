/* A pull quote whose letters all run one way is set in that direction, with its attribution:
 * an English quote in an Arabic article reads left to right, its full stop at the right end of
 * its last line, its attribution at its right; an Arabic quote there, and one that mixes both
 * scripts, take the article's direction. */
#include "article.h"
#include "paginate.h"
#include "template.h"
#include "test.h"

#include "fixture.h"

static const char md[] =
  "---\ntitle: صندوق لترجمة الروايات\nlang: ar\n---\n\n"
  "أعلنت هيئة الشارقة للكتاب إطلاق صندوق جديد لدعم ترجمة الروايات العربية إلى الإنجليزية.\n\n"
  "> [!quote] The problem has never been a lack of great novels. It is a lack of paid "
  "translators.\n> — Claire Whitmore, Harbour Books\n\n"
  "وقالت إن دور النشر تتلقى عشرات الروايات المترجمة جزئياً كل عام.\n\n"
  "> [!quote] المشكلة لم تكن يوماً في قلة الروايات الجيدة.\n> — كلير ويتمور\n\n"
  "وأضاف المترجم أن الحقوق ستبقى للمترجمين.\n\n"
  "> [!quote] قال Okafor إن الصندوق سيدفع للمترجم أجراً عادلاً.\n> — دانيال أوكافور\n\n"
  "وسيفتح باب التقديم في يناير.\n";

/* The quote's block of each direction: 1 English, 3 Arabic, 5 both scripts. */
static bool
want_rtl (long block)
{
  return block != 1;
}

TEST (quote_takes_its_letters_direction)
{
  static const char *const tpls[] = { "kiosk-10.3", "kiosk-7.5", "print-a4" };
  for (size_t k = 0; k < sizeof tpls / sizeof *tpls; k++) {
    fixture_t s;
    if (!fixture_lay_out (&s, md, NULL, tpls[k])) {
      fixture_tear_down (&s);
      continue;
    }
    size_t seen[2] = { 0, 0 };
    for (size_t i = 0; i < s.doc->lines.n; i++) {
      const ink__lrec_t *l = &s.doc->lines.v[i];
      if (l->generated || l->block < 0 || s.a->blocks[l->block].kind != INK_BLOCK_PULLQUOTE)
        continue;
      CHECK_EQ_INT (l->rtl, want_rtl (l->block));
      seen[l->rtl]++;
    }
    CHECK (seen[0] >= 2 && seen[1] >= 4);   /* quote lines and attributions of each */
    fixture_tear_down (&s);
  }
}

int
main (void)
{
  RUN (quote_takes_its_letters_direction);
  return test_summary ();
}
