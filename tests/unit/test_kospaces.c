/* Make-up judges Korean word spaces as printed (paginate/setpara.c, ink__para_looser): the
 * breaker counts stretch between Korean characters as well as at the spaces, but a justified
 * line with spaces opens the spaces alone (lib/para/justify.c), so its adjustment ratio
 * understates them. A paragraph set a line longer to fill a page at a ratio within the
 * tolerance (1.88) opened its spaces to an em and a half; it is now refused. */
#include <inkset/inkset.h>
#include <string.h>
#include "layout-internal.h"
#include "test.h"
#include "fixture.h"

#define ALLEYS "tests/unit/articles/gunsan-alleys.ko.md"

/* The paragraph reads in the four lines of its optimum on reader-6's page 2, not in five
 * with "주민들은 소음과 쓰레기 문제도 호소" spread across the measure. */
TEST (korean_paragraph_not_torn_open)
{
  fixture_t s;
  const char *json;
  size_t len;
  CHECK (fixture_lay_out (&s, NULL, INK_SOURCE_DIR "/" ALLEYS, "reader-6"));
  CHECK_EQ_INT (ink_document_layout_json (s.doc, &json, &len), INK_OK);
  CHECK (strstr (json, "\"주민들은 소음과 쓰레기 문제도 호소\"") == NULL);
  CHECK (strstr (json, "\"주민들은 소음과 쓰레기 문제도 호소한다. 밤늦게\"") != NULL);
  fixture_tear_down (&s);
}

/* A paragraph of one line of ratio r whose spaces open to `opened` as printed. */
static ink__para_t
one_line (ink__line_t *l, double r, double opened)
{
  ink__para_t p;
  memset (&p, 0, sizeof p);
  memset (l, 0, sizeof *l);
  l->ratio = r;
  l->opened = opened;
  p.lines.v = l;
  p.lines.n = 1;
  return p;
}

/* The same ratios refuse a Korean setting by its printed spaces and take a Latin one. */
TEST (korean_spaces_judged_as_printed)
{
  uint32_t hangul[] = { 0xC8FC, 0xBBFC, 0x20, 0xC18C, 0xC74C };
  setpara_t sp;
  memset (&sp, 0, sizeof sp);
  sp.po.align = INK_PARA_JUSTIFY;
  ink__line_t was_l, now_l;
  sp.para = one_line (&was_l, 0.16, 0.52);
  ink__para_t torn = one_line (&now_l, 1.88, 13.49);
  CHECK (!ink__para_looser (&sp, &torn, false));   /* no code points: spaces alone stretch */
  sp.sh.cps = hangul;
  sp.sh.ncps = sizeof hangul / sizeof *hangul;
  CHECK (ink__para_looser (&sp, &torn, false));
  CHECK (ink__para_looser (&sp, &torn, true));
  ink__para_t fair = one_line (&now_l, 1.2, 3.9);
  CHECK (!ink__para_looser (&sp, &fair, false));
}

int
main (void)
{
  RUN (korean_paragraph_not_torn_open);
  RUN (korean_spaces_judged_as_printed);
  return test_summary ();
}
