/* The head: balanced headlines, decks and pull quotes; heads broken between words and
 * phrases, never on a lone word; subheads and comments' author lines that keep their words
 * together. The page furniture around them is test_furniture.c's. */
#include "article.h"
#include "layout-internal.h"
#include "paginate.h"
#include "test.h"

#include "fixture.h"
#include "example.h"

/* Words on a line: runs of characters between spaces. */
static size_t
words (const char *s)
{
  size_t n = 0;
  for (size_t i = 0; s[i]; i++)
    if (s[i] != ' ' && (i == 0 || s[i - 1] == ' '))
      n++;
  return n;
}

/* The lines of role in the first block that has them, in order: their count, into v. */
static size_t
role_lines (const ink_document_t *doc, int role, const ink__lrec_t **v, size_t max)
{
  size_t n = 0;
  long block = -2;
  for (size_t i = 0; i < doc->lines.n && n < max; i++) {
    const ink__lrec_t *l = &doc->lines.v[i];
    if (l->role != role || (block != -2 && l->block != block))
      continue;
    block = l->block;
    v[n++] = l;
  }
  return n;
}

/* Set at the full measure, these lines end on a lone word ("ταξίδια", "élargies",
 * "fréquentation.", "weed.”" on kiosk-10.3 before balancing): balanced, the last line has
 * company, the lines are of even length, and each stays where its style aligns it. */
static void
check_balanced (const char *name, const char *tplname, int role)
{
  fixture_t s;
  if (!set_up (&s, name, tplname))
    return;
  const ink__lrec_t *v[16];
  size_t n = role_lines (s.doc, role, v, 16);
  CHECK (n >= 2);
  char buf[1024];
  if (n >= 2) {
    CHECK (words (text_of (s.doc, v[n - 1], buf, sizeof buf)) >= 2);
    int32_t widest = 0;
    for (size_t k = 0; k < n; k++)
      widest = v[k]->w > widest ? v[k]->w : widest;
    CHECK (v[n - 1]->w * 2 > widest);
  }
  double left = s.t->margin_left, right = s.t->width_px - s.t->margin_right;
  for (size_t k = 0; k < n; k++) {
    double x = v[k]->x / 64.0, w = v[k]->w / 64.0;
    CHECK (x >= left - 1 && x + w <= right + 1);
    if (role == INK_ROLE_HEADLINE && s.t->styles[role].align == INK_ALIGN_START && !v[k]->rtl)
      CHECK (x < left + 1);
  }
  fixture_tear_down (&s);
}

/* A six-line headline whose lines differ in descenders, accents and quotes: its baselines
 * are evenly spaced, as are its deck's. */
static void
check_even (const char *name, const char *tplname, int role)
{
  fixture_t s;
  if (!set_up (&s, name, tplname))
    return;
  const ink__lrec_t *v[16];
  size_t n = role_lines (s.doc, role, v, 16);
  CHECK (n >= 3);
  for (size_t k = 2; k < n; k++)
    CHECK_EQ_INT (v[k]->baseline - v[k - 1]->baseline, v[1]->baseline - v[0]->baseline);
  fixture_tear_down (&s);
}

TEST (head_lines_evenly_spaced)
{
  check_even ("school-meals.md", "kiosk-10.3", INK_ROLE_HEADLINE);
  check_even ("school-meals.md", "kiosk-10.3", INK_ROLE_DECK);
  check_even ("school-meals.md", "print-a4", INK_ROLE_HEADLINE);
}

TEST (headline_balanced) { check_balanced ("thessaloniki-metro.el.md", "kiosk-10.3", INK_ROLE_HEADLINE); }
TEST (headline_and_deck_balanced)
{
  check_balanced ("lyon-quais.fr.md", "kiosk-10.3", INK_ROLE_HEADLINE);
  check_balanced ("lyon-quais.fr.md", "kiosk-10.3", INK_ROLE_DECK);
}
TEST (pull_quote_balanced) { check_balanced ("river-recovery.md", "kiosk-10.3", INK_ROLE_QUOTE); }
/* Balanced, these still ended on a lone word ("links.”", "குறையாது.”"): the lines above
 * give the last one a word. */
TEST (pull_quote_last_line_given_a_word)
{
  check_balanced ("harbour-ferry.md", "print-a4", INK_ROLE_QUOTE);
  check_balanced ("madurai-jasmine.ta.md", "reader-6", INK_ROLE_QUOTE);
}

/* Each pull quote of the test article name on tplname: its last line has company. */
static void
check_quotes_end_in_company (const char *name, const char *tplname)
{
  char path[1024];
  snprintf (path, sizeof path, "%s/tests/unit/articles/%s", INK_SOURCE_DIR, name);
  fixture_t s;
  if (!fixture_lay_out (&s, NULL, path, tplname)) {
    fixture_tear_down (&s);
    return;
  }
  char buf[1024];
  size_t quotes = 0;
  for (size_t i = 0; i < s.doc->lines.n; i++) {
    const ink__lrec_t *l = &s.doc->lines.v[i];
    bool last = i + 1 == s.doc->lines.n || s.doc->lines.v[i + 1].role != INK_ROLE_QUOTE ||
                s.doc->lines.v[i + 1].block != l->block;
    if (l->role != INK_ROLE_QUOTE || !last)
      continue;
    quotes++;
    if (words (text_of (s.doc, l, buf, sizeof buf)) < 2) {
      fprintf (stderr, "%s %s: pull quote ends on a lone word: %s\n", name, tplname, buf);
      CHECK (0);
    }
  }
  CHECK (quotes >= 2);
  fixture_tear_down (&s);
}

/* The lines of the pull quotes of test article name on tplname that end on a hyphen. */
static size_t
quote_hyphens (const char *name, const char *tplname)
{
  char path[1024];
  snprintf (path, sizeof path, "%s/tests/unit/articles/%s", INK_SOURCE_DIR, name);
  fixture_t s;
  size_t n = 0;
  if (fixture_lay_out (&s, NULL, path, tplname))
    for (size_t i = 0; i < s.doc->lines.n; i++)
      n += s.doc->lines.v[i].role == INK_ROLE_QUOTE && s.doc->lines.v[i].hyphenated;
  else
    n = SIZE_MAX;
  fixture_tear_down (&s);
  return n;
}

/* A German quote whose long compound sits two lines above its last ("im Nachbarhaus / wird
 * sie auch / überstehen." on print-a4): passing words down line by line left the last line
 * wider than the column. The compound was broken at a hyphen ("im Nachbar- / haus wird
 * sie / auch überstehen."); a pull quote breaks between words only, and the line above the
 * last may be short instead ("wird sie / auch überstehen."). */
TEST (pull_quote_compound_gives_last_line_a_word)
{
  check_quotes_end_in_company ("weinbrunnen.de.md", "print-a4");
  check_quotes_end_in_company ("weinbrunnen.de.md", "kiosk-10.3");
  CHECK_EQ_INT ((int) quote_hyphens ("weinbrunnen.de.md", "print-a4"), 0);
}

/* A Spanish story whose pull quotes end on long words ("compensaciones extraordinarias."): to
 * give the last a word, the lines above broke "compensacio- / nes" at a hyphen on kiosk-10.3,
 * kiosk-7.5 and reader-6. A pull quote's lines break between words, as a head's do; a
 * word stays alone where the two do not fit one line. */
TEST (pull_quote_never_hyphenated)
{
  static const char *const tpls[] = { "kiosk-10.3", "kiosk-7.5", "print-a4", "reader-6" };
  for (size_t t = 0; t < sizeof tpls / sizeof *tpls; t++)
    CHECK_EQ_INT ((int) quote_hyphens ("bus-nocturno.es.md", tpls[t]), 0);
}

/* A headline with a compound wider than the page (schwerin-gesetze.de, "Grundstücks…
 * entwurf"): its lines break inside words only with a hyphen, at the word's hyphenation
 * points, so that the lines joined (a hyphenated one straight on, the others with a space)
 * give back the title; and its last line has company. It broke the compound without a
 * hyphen, then, with hyphens, left "Wortungetümen" alone on three templates. */
TEST (long_compound_headline)
{
  static const char *const tpls[] = { "kiosk-10.3", "kiosk-7.5", "print-a4", "reader-6" };
  for (size_t t = 0; t < sizeof tpls / sizeof *tpls; t++) {
    fixture_t s;
    if (!set_up (&s, "schwerin-gesetze.de.md", tpls[t]))
      continue;
    const ink__lrec_t *v[16];
    size_t n = role_lines (s.doc, INK_ROLE_HEADLINE, v, 16);
    char joined[1024] = "", buf[512];
    for (size_t k = 0; k < n; k++) {
      if (k && !v[k - 1]->hyphenated)
        strncat (joined, " ", sizeof joined - strlen (joined) - 1);
      strncat (joined, text_of (s.doc, v[k], buf, sizeof buf), sizeof joined - strlen (joined) - 1);
    }
    CHECK (n >= 3);
    CHECK_EQ_STR (joined, s.a->title);
    if (n >= 2)
      CHECK (words (text_of (s.doc, v[n - 1], buf, sizeof buf)) >= 2);
    fixture_tear_down (&s);
  }
}


/* The lines of a head set on template tplname, joined by "|": how many. */
static size_t
head_lines (const char *name, const char *tplname, int role, char *buf, size_t n)
{
  fixture_t s;
  *buf = 0;
  if (!set_up (&s, name, tplname))
    return 0;
  const ink__lrec_t *v[16];
  size_t k = role_lines (s.doc, role, v, 16), at = 0;
  char line[256];
  for (size_t j = 0; j < k && at + 1 < n; j++)
    at += (size_t) snprintf (buf + at, n - at, "%s%s", j ? "|" : "",
                             text_of (s.doc, v[j], line, sizeof line));
  fixture_tear_down (&s);
  return k;
}

/* The first line of a head of two lines, set on template tplname. */
static void
first_head_line (const char *name, const char *tplname, int role, char *buf, size_t n)
{
  CHECK_EQ_INT (head_lines (name, tplname, role, buf, n), 2);
  char *bar = strchr (buf, '|');
  if (bar)
    *bar = 0;
}

/* A head without word spaces breaks between its phrases, not inside a word, even where its
 * lines are then less even: at the space between them ("成都地铁新线开通 东部|新区"), after a
 * particle ("集中対策で路|線バス", a pull quote's "観光客にも|快適に" rather than
 * "観光客|にも"), after a full stop rather than inside 饮水. */
TEST (unspaced_head_breaks_between_phrases)
{
  char buf[256];
  static const char *const tpls[] = { "kiosk-10.3", "kiosk-7.5", "print-a4" };
  for (size_t t = 0; t < 3; t++) {
    first_head_line ("chengdu-metro.zh.md", tpls[t], INK_ROLE_HEADLINE, buf, sizeof buf);
    CHECK_EQ_STR (buf, "成都地铁新线开通");
  }
  first_head_line ("kyoto-tourism.ja.md", "kiosk-10.3", INK_ROLE_HEADLINE, buf, sizeof buf);
  CHECK_EQ_STR (buf, "京都市、観光客の集中対策で");
  first_head_line ("hangzhou-canal.zh.md", "kiosk-7.5", INK_ROLE_DECK, buf, sizeof buf);
  CHECK_EQ_STR (buf, "新步道连接六个城区和十二座历史桥梁，沿线设置了休息点和饮水设施。");
  first_head_line ("kyoto-tourism.ja.md", "kiosk-10.3", INK_ROLE_QUOTE, buf, sizeof buf);
  CHECK_EQ_STR (buf, "「市民の足を守りながら、観光客にも");
}

/* A long Chinese head with numbers breaks at its commas, before a conjunction (既, 又) and never
 * inside a number ("四十|二公里") or a word ("噪|声", "沿线市|民"), on every template wide
 * enough to set it in four lines; a Korean head keeps "3조 5000억 원" and "1만 2000명분" whole. */
TEST (numeric_head_breaks_between_phrases)
{
  char buf[512];
  static const char *const tpls[] = { "kiosk-10.3", "kiosk-7.5", "print-a4", "reader-6" };
  for (size_t t = 0; t < 3; t++) {
    head_lines ("nanjing-metro.zh.md", tpls[t], INK_ROLE_HEADLINE, buf, sizeof buf);
    CHECK_EQ_STR (buf, "南京地铁十三号线今日开工，|全长四十二公里设二十八座车站，|"
                       "沿线市民既盼早日通车|又忧施工噪声和交通拥堵");
  }
  for (size_t t = 0; t < 4; t++) {
    head_lines ("ulsan-shipyard.ko.md", tpls[t], INK_ROLE_HEADLINE, buf, sizeof buf);
    CHECK (strstr (buf, "3조 5000억 원") != NULL);
    CHECK (strstr (buf, "1만 2000명분") != NULL);
  }
}

/* On a narrow page a Japanese head takes a line more rather than cut a word: it breaks after
 * a particle, between a katakana word and an ideograph, at its ideographic space, never inside
 * 集中 or トラック, and its last line is not one short word ("対応"). */
TEST (unspaced_head_takes_a_line_rather_than_cut_a_word)
{
  char buf[512];
  head_lines ("kobe-port.ja.md", "reader-6", INK_ROLE_HEADLINE, buf, sizeof buf);
  CHECK_EQ_STR (buf, "神戸港、自動運転|トラックの|試験走行を来月開始|人手不足に対応");
  head_lines ("kyoto-tourism.ja.md", "reader-6", INK_ROLE_HEADLINE, buf, sizeof buf);
  CHECK_EQ_STR (buf, "京都市、観光客の|集中対策で路線バスに|「観光特急」を新設");
  head_lines ("kobe-port.ja.md", "kiosk-10.3", INK_ROLE_HEADLINE, buf, sizeof buf);
  CHECK_EQ_STR (buf, "神戸港、自動運転トラックの|試験走行を来月開始|人手不足に対応");
}

/* A subhead of two lines or more never ends on a lone word: storm-live on print-a4 had
 * "16:20 Power cuts fall below / 30,000" and "14:10 Hospital running on / generators". */
TEST (subhead_last_line_has_company)
{
  fixture_t s;
  if (!set_up (&s, "storm-live.md", "print-a4"))
    return;
  size_t broken = 0;
  const ink__lrec_t *prev = NULL;
  for (size_t i = 0; i < s.doc->lines.n; i++) {
    const ink__lrec_t *l = &s.doc->lines.v[i];
    char buf[256];
    if (l->role != INK_ROLE_SUBHEAD)
      continue;
    if (prev && prev->block == l->block) {
      broken++;
      bool last = i + 1 == s.doc->lines.n || s.doc->lines.v[i + 1].block != l->block ||
                  s.doc->lines.v[i + 1].role != INK_ROLE_SUBHEAD;
      if (last)
        CHECK (words (text_of (s.doc, l, buf, sizeof buf)) >= 2);
    }
    prev = l;
  }
  CHECK (broken >= 3);
  fixture_tear_down (&s);
}

/* Whether t is only a time of day such as "08:12". */
static bool
only_time (const char *t)
{
  return *t && strspn (t, "0123456789:.") == strlen (t);
}

/* A comment's meta breaks after a comma: engine-works on kiosk-7.5 had "08:12" alone on the
 * second line of "Jenny Marsh · Harrow Bridge, 14 September, 08:12". */
TEST (comment_meta_keeps_its_time)
{
  fixture_t s;
  if (!set_up (&s, "engine-works.md", "kiosk-7.5"))
    return;
  size_t authors = 0;
  for (size_t i = 0; i < s.doc->lines.n; i++) {
    const ink__lrec_t *l = &s.doc->lines.v[i];
    char buf[256];
    if (l->role != INK_ROLE_COMMENT_AUTHOR)
      continue;
    authors++;
    CHECK (!only_time (text_of (s.doc, l, buf, sizeof buf)));
  }
  CHECK (authors >= 4);
  fixture_tear_down (&s);
}

/* The separator between a comment's author and its meta never starts a line: a line too
 * narrow for all of pakistan-china-pact's long author line breaks just after it (its first
 * line "Jack and Shurli went up the sky.... ·", the meta on the next). */
TEST (comment_separator_inside_a_line)
{
  static const char *const tpls[] = { "kiosk-10.3", "kiosk-7.5", "print-a4", "reader-6" };
  size_t broken = 0;
  for (size_t k = 0; k < sizeof tpls / sizeof *tpls; k++) {
    fixture_t s;
    if (!set_up (&s, "pakistan-china-pact.md", tpls[k]))
      continue;
    for (size_t i = 0; i < s.doc->lines.n; i++) {
      const ink__lrec_t *l = &s.doc->lines.v[i];
      char buf[256];
      if (l->role != INK_ROLE_COMMENT_AUTHOR)
        continue;
      const char *t = text_of (s.doc, l, buf, sizeof buf);
      CHECK (strncmp (t, "\u00b7", strlen ("\u00b7")) != 0);
      broken += i + 1 < s.doc->lines.n && s.doc->lines.v[i + 1].role == INK_ROLE_COMMENT_AUTHOR &&
                s.doc->lines.v[i + 1].block == l->block;
    }
    fixture_tear_down (&s);
  }
  CHECK (broken >= 3);   /* the long author breaks on every template but the widest */
}


/* The separator between a comment's author and place: a middle dot, but a vertical bar where
 * the page's digits write zero as a dot (turbat-dates.ur in Urdu digits), so that
 * "عبدالرحیم · تربت، صبح ۹ بجے" is not read with a zero in it. */
static void
author_separator (const char *path, const char *sep, const char *not_sep)
{
  fixture_t s;
  if (fixture_lay_out (&s, NULL, path, "kiosk-7.5")) {
    size_t authors = 0;
    for (size_t a = 0; a < s.doc->lines.n; a++) {
      const ink__lrec_t *l = &s.doc->lines.v[a];
      char buf[512];
      if (l->role != INK_ROLE_COMMENT_AUTHOR)
        continue;
      authors++;
      text_of (s.doc, l, buf, sizeof buf);
      CHECK (strstr (buf, sep) != NULL);
      CHECK (strstr (buf, not_sep) == NULL);
    }
    CHECK (authors > 0);
  }
  fixture_tear_down (&s);
}

/* Comment heads of growing length in Arabic digits: a line never starts with the separator's
 * bar (it ends the line that holds the author's name when the meta goes to the next). */
static void
bar_never_ends_a_line (void)
{
  static const char *const md =
    "---\ntitle: اختبار\nlang: ar\nsection: مجتمع\ndate: 2026-05-04\n---\n\n"
    "افتتحت المكتبة أبوابها حتى منتصف الليل خلال موسم الامتحانات.\n\n"
    "> [!comment] طالبة في كلية الطب | 8:45 م\n> شكرا.\n\n"
    "> [!comment] طالبة في السنة الرابعة بكلية الطب | 8:45 م\n> شكرا.\n\n"
    "> [!comment] طالبة في السنة الرابعة بكلية الطب في جامعة | 8:45 م\n> شكرا.\n\n"
    "> [!comment] طالبة في السنة الرابعة بكلية الطب في جامعة الملك | 8:45 م\n> شكرا.\n\n"
    "> [!comment] طالبة في السنة الرابعة بكلية الطب في جامعة الملك عبد | 8:45 م\n> شكرا.\n\n"
    "> [!comment] طالبة في السنة الرابعة بكلية الطب في جامعة الملك عبد العزيز | 8:45 م\n> شكرا.\n";
  fixture_t s;
  if (fixture_lay_out (&s, md, NULL, "kiosk-7.5")) {
    for (size_t a = 0; a < s.doc->lines.n; a++) {
      const ink__lrec_t *l = &s.doc->lines.v[a];
      char buf[512];
      if (l->role != INK_ROLE_COMMENT_AUTHOR)
        continue;
      size_t n = strlen (text_of (s.doc, l, buf, sizeof buf)), k = 0;
      while (k < n && (buf[k] == ' ' || (unsigned char) buf[k] >= 0x80))
        if (k + 2 <= n && !memcmp (buf + k, "\u00a0", 2))
          k += 2;
        else if (k + 3 <= n && (!memcmp (buf + k, "\u2060", 3) || !memcmp (buf + k, "\u2068", 3)))
          k += 3;
        else
          break;
      CHECK (k < n && buf[k] != '|');
    }
  }
  fixture_tear_down (&s);
}

TEST (separator_never_read_as_zero)
{
  bar_never_ends_a_line ();
  author_separator (INK_SOURCE_DIR "/tests/unit/articles/turbat-dates.ur.md", "|", "\u00b7");
  author_separator (INK_SOURCE_DIR "/examples/articles/chapel-clock.md", "\u00b7", "|");
}

int
main (void)
{
  RUN (head_lines_evenly_spaced);
  RUN (separator_never_read_as_zero);
  RUN (headline_balanced);
  RUN (headline_and_deck_balanced);
  RUN (pull_quote_balanced);
  RUN (pull_quote_last_line_given_a_word);
  RUN (pull_quote_compound_gives_last_line_a_word);
  RUN (pull_quote_never_hyphenated);
  RUN (long_compound_headline);
  RUN (unspaced_head_breaks_between_phrases);
  RUN (unspaced_head_takes_a_line_rather_than_cut_a_word);
  RUN (numeric_head_breaks_between_phrases);
  RUN (comment_meta_keeps_its_time);
  RUN (comment_separator_inside_a_line);
  RUN (subhead_last_line_has_company);
  return test_summary ();
}
