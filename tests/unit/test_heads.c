/* The head and the page furniture: balanced headlines, decks and pull quotes; running heads
 * and feet that are shortened rather than overprint; captions no wider than their picture;
 * column rules between the head and the columns' end. */
#include "article.h"
#include "layout-internal.h"
#include "paginate.h"
#include "test.h"

#include "fixture.h"

/* The example article name laid out on the built-in template tplname; on failure (a
 * failed check already) nothing is left to tear down. */
static bool
set_up (fixture_t *s, const char *name, const char *tplname)
{
  char path[1024];
  snprintf (path, sizeof path, "%s/examples/articles/%s", INK_SOURCE_DIR, name);
  if (fixture_lay_out (s, NULL, path, tplname))
    return true;
  fixture_tear_down (s);
  return false;
}

static const char *
text_of (const ink_document_t *doc, const ink__lrec_t *l, char *buf, size_t n)
{
  size_t len = l->text_len < n - 1 ? l->text_len : n - 1;
  memcpy (buf, doc->text.s + l->text_off, len);
  buf[len] = 0;
  return buf;
}

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

/* A German quote whose long compound sits two lines above its last ("im Nachbarhaus / wird
 * sie auch / überstehen." on print-a4): passing words down line by line left the last line
 * wider than the column, so the compound is broken at a hyphen ("im Nachbar- / haus wird
 * sie / auch überstehen."). */
TEST (pull_quote_compound_gives_last_line_a_word)
{
  check_quotes_end_in_company ("weinbrunnen.de.md", "print-a4");
  check_quotes_end_in_company ("weinbrunnen.de.md", "kiosk-10.3");
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

static bool
running (const ink__lrec_t *l)
{
  return l->role == INK_ROLE_HEADER || l->role == INK_ROLE_FOOTER;
}

/* The long title of school-meals in the running lines of every template (on the pages
 * after the first, which shows none: the headline stands there): within the frame,
 * shortened at a word with an ellipsis where it does not fit, never over another running
 * line. */
TEST (running_never_collide)
{
  const char *const *names = ink_template_builtin_names ();
  for (size_t i = 0; names[i]; i++) {
    fixture_t s;
    if (!set_up (&s, "school-meals.md", names[i]))
      continue;
    const char *title = ink_article_title (s.a);
    size_t shortened = 0, titles = 0;
    for (size_t pg = 0; pg < s.doc->pages.n; pg++) {
      const ink__page_t *P = &s.doc->pages.v[pg];
      for (size_t a = P->l0; a < P->l0 + P->nl; a++) {
        const ink__lrec_t *x = &s.doc->lines.v[a];
        if (!running (x))
          continue;
        char buf[1024];
        const char *t = text_of (s.doc, x, buf, sizeof buf);
        CHECK (x->x >= s.t->margin_left * 64 - 64);
        CHECK (x->x + x->w <= (s.t->width_px - s.t->margin_right) * 64 + 64);
        size_t tl = strlen (t);
        if (tl > 3 && !strcmp (t + tl - 3, "\u2026")) {
          shortened++;
          CHECK (!strncmp (title, t, tl - 3));        /* a start of the title ... */
          CHECK (title[tl - 3] == ' ' || title[tl - 3] == ',');   /* ... cut at a word */
        } else if (!strcmp (t, title)) {
          titles++;
        }
        for (size_t b = a + 1; b < P->l0 + P->nl; b++) {
          const ink__lrec_t *y = &s.doc->lines.v[b];
          if (!running (y) || y->role != x->role)
            continue;
          CHECK (x->x + x->w <= y->x || y->x + y->w <= x->x);
        }
      }
    }
    CHECK (shortened + titles > 0);
    if (strcmp (names[i], "print-a4") == 0 || strcmp (names[i], "kiosk-10.3") == 0)
      CHECK (shortened > 0);
    fixture_tear_down (&s);
  }
}

/* Every caption line is no wider than the picture above it (same block, same page). */
static void
check_captions (const char *name, const char *tplname)
{
  fixture_t s;
  if (!set_up (&s, name, tplname))
    return;
  size_t seen = 0;
  for (size_t pg = 0; pg < s.doc->pages.n; pg++) {
    const ink__page_t *P = &s.doc->pages.v[pg];
    for (size_t a = P->l0; a < P->l0 + P->nl; a++) {
      const ink__lrec_t *l = &s.doc->lines.v[a];
      if (l->role != INK_ROLE_CAPTION)
        continue;
      for (size_t i = P->i0; i < P->i0 + P->ni; i++) {
        const ink__item_t *im = &s.doc->items.v[i];
        if (im->kind != INK_ITEM_IMAGE || im->block != l->block || im->y > l->y)
          continue;
        seen++;
        if (l->w > im->w + 64 || l->x < im->x - 64 || l->x + l->w > im->x + im->w + 64)
          fprintf (stderr, "%s on %s: caption line %.1f+%.1f, picture %.1f+%.1f\n", name,
                   tplname, l->x / 64.0, l->w / 64.0, im->x / 64.0, im->w / 64.0);
        CHECK (l->w <= im->w + 64);
        CHECK (l->x >= im->x - 64 && l->x + l->w <= im->x + im->w + 64);
      }
    }
  }
  CHECK (seen > 0);
  fixture_tear_down (&s);
}

TEST (captions_within_picture)
{
  check_captions ("rocket-recovery.md", "kiosk-10.3");
  check_captions ("rocket-recovery.md", "print-a4");
  check_captions ("shuttle-commanders.md", "print-a4");
  check_captions ("shuttle-commanders.md", "kiosk-10.3");
  check_captions ("dscovr-launch.md", "reader-6");
}

/* Column rules begin below the head's last line and end at the lowest column's end, with
 * text on both sides. */
static void
check_rules (const char *name, const char *tplname)
{
  fixture_t s;
  if (!set_up (&s, name, tplname))
    return;
  size_t rules = 0;
  for (size_t pg = 0; pg < s.doc->pages.n; pg++) {
    const ink__page_t *P = &s.doc->pages.v[pg];
    int32_t head = 0, low = 0;
    for (size_t a = P->l0; a < P->l0 + P->nl; a++) {
      const ink__lrec_t *l = &s.doc->lines.v[a];
      if (l->role == INK_ROLE_HEADLINE || l->role == INK_ROLE_DECK || l->role == INK_ROLE_BYLINE)
        head = l->y + l->h > head ? l->y + l->h : head;
      else if (!running (l))
        low = l->y + l->h > low ? l->y + l->h : low;
    }
    for (size_t i = P->i0; i < P->i0 + P->ni; i++) {
      const ink__item_t *it = &s.doc->items.v[i];
      if (it->kind != INK_ITEM_RULE || it->w > 64)
        continue;
      rules++;
      CHECK (it->y >= head);
      CHECK (it->y + it->h <= low);
      /* Text on both sides: no rule beside a column left empty. */
      bool left = false, right = false;
      for (size_t a = P->l0; a < P->l0 + P->nl; a++) {
        const ink__lrec_t *l = &s.doc->lines.v[a];
        if (running (l) || l->y + l->h <= it->y || l->y >= it->y + it->h)
          continue;
        left |= l->x + l->w <= it->x;
        right |= l->x >= it->x + it->w;
      }
      if (!left || !right)
        fprintf (stderr, "%s on %s page %zu: a column rule beside an empty column\n", name,
                 tplname, pg + 1);
      CHECK (left && right);
    }
  }
  CHECK (rules > 0);
  fixture_tear_down (&s);
}

TEST (column_rules_under_head)
{
  check_rules ("council-vote.md", "kiosk-7.5");
  check_rules ("rocket-recovery.md", "kiosk-10.3");
  check_rules ("shuttle-commanders.md", "kiosk-7.5");
  check_rules ("dscovr-launch.md", "print-a4");   /* page 2: three lines in one column */
}

/* A lead picture that would shrink to less than a column's width across the columns goes
 * into a column instead: the two-paragraph brief under a portrait fits on one 800x480 page,
 * its text beside the picture, not pushed to a page of its own under a thumbnail. */
TEST (lead_picture_narrower_than_a_column_goes_in_one)
{
  fixture_t s;
  if (!set_up (&s, "lecture-tickets.md", "kiosk-7.5"))
    return;
  CHECK_EQ_INT ((int) s.doc->pages.n, 1);
  size_t images = 0;
  for (size_t i = 0; i < s.doc->items.n; i++) {
    const ink__item_t *it = &s.doc->items.v[i];
    if (it->kind != INK_ITEM_IMAGE)
      continue;
    images++;
    /* In one of the two columns: wholly on one side of the page's middle. */
    int32_t mid = (int32_t) (s.t->width_px * 64 / 2);
    CHECK (it->x + it->w <= mid || it->x >= mid);
  }
  CHECK_EQ_INT ((int) images, 1);
  fixture_tear_down (&s);
}

/* Where the lead picture (the first image) and the first body line are: page, and on
 * their page the column (0 first in reading order, by x: these samples read left to right)
 * and top. */
typedef struct {
  size_t page;
  int32_t x, y, w, h;
} spot_t;

static bool
lead_and_text (const ink_document_t *doc, spot_t *pic, spot_t *text)
{
  bool got_pic = false, got_text = false;
  for (size_t pg = 0; pg < doc->pages.n; pg++) {
    const ink__page_t *P = &doc->pages.v[pg];
    for (size_t i = P->i0; i < P->i0 + P->ni && !got_pic; i++)
      if (doc->items.v[i].kind == INK_ITEM_IMAGE) {
        const ink__item_t *it = &doc->items.v[i];
        *pic = (spot_t) { pg, it->x, it->y, it->w, it->h };
        got_pic = true;
      }
    for (size_t a = P->l0; a < P->l0 + P->nl && !got_text; a++)
      if (doc->lines.v[a].role == INK_ROLE_BODY) {
        const ink__lrec_t *l = &doc->lines.v[a];
        *text = (spot_t) { pg, l->x, l->y, l->w, 0 };
        got_text = true;
      }
  }
  return got_pic && got_text;
}

/* The lead picture that leads the first column comes before the body text (leadcol.c): on
 * page 1 in an earlier column or above the text in the same one, never narrower than the
 * floor (least_w, thousandths of the column's width); or, where it fits under the head at no
 * such size, at the top of page 2's first column, the text begun under the head on page 1
 * (never a page 1 of the head alone) and the picture at its size. */
static void
check_lead_first (const char *name, const char *tplname, size_t want_page, int least_w)
{
  fixture_t s;
  if (!set_up (&s, name, tplname))
    return;
  spot_t pic = { 0 }, text = { 0 };
  int32_t colw = ink__frame_of (s.t).colw;
  CHECK (lead_and_text (s.doc, &pic, &text));
  if (pic.page != want_page || text.page != 0)
    fprintf (stderr, "%s on %s: picture on page %zu, text from page %zu\n", name, tplname,
             pic.page + 1, text.page + 1);
  CHECK_EQ_INT ((int) pic.page, (int) want_page);
  CHECK_EQ_INT ((int) text.page, 0);
  if (pic.page == 0) {
    CHECK (text.x >= pic.x + pic.w || (text.x + text.w > pic.x && text.y >= pic.y + pic.h));
    CHECK ((int64_t) pic.w * 1000 >= (int64_t) colw * least_w);
  } else {
    /* The first column's top: left of the first column's end, at the columns' top. */
    CHECK (pic.x < ink__frame_of (s.t).left + colw);
    CHECK_EQ_INT (pic.y, s.doc->pages.v[pic.page].body_top);
    /* Not squeezed: these samples' pictures stand a fifth of the page. */
    CHECK (pic.h >= (int32_t) s.t->height_px * 64 / 5);
  }
  fixture_tear_down (&s);
}

TEST (lead_picture_before_the_text)
{
  check_lead_first ("rocket-recovery.md", "kiosk-7.5", 1, 0);   /* p1 held 8 lines under the head */
  check_lead_first ("engine-works.md", "reader-6", 1, 0);
  check_lead_first ("shiraz-planetarium.fa.md", "reader-6", 1, 0);
  check_lead_first ("coastal-satellite.md", "kiosk-7.5", 1, 0);
  /* Made smaller, column 1: at the floor, not the 141 px the column's caption fit left. */
  check_lead_first ("dscovr-launch.md", "kiosk-7.5", 0, INK_LEAD_FLOOR);
  check_lead_first ("lecture-tickets.md", "kiosk-7.5", 0, 450); /* square: 65% of 259 px */
  check_lead_first ("lecture-tickets.md", "reader-6", 0, 0);    /* across, under the head */
}

/* A head too tall for page 1 is set smaller, its headline and deck fitted to leave room for
 * body lines under it, rather than its last lines sent to page 2: all of it on page 1, and at
 * least three body lines there. */
static void
check_head_fits (const char *name, const char *tplname)
{
  fixture_t s;
  if (!set_up (&s, name, tplname))
    return;
  const ink__page_t *P = &s.doc->pages.v[0];
  size_t body = 0;
  for (size_t a = P->l0; a < P->l0 + P->nl; a++)
    body += s.doc->lines.v[a].role == INK_ROLE_BODY;
  for (size_t pg = 1; pg < s.doc->pages.n; pg++) {
    const ink__page_t *Q = &s.doc->pages.v[pg];
    for (size_t a = Q->l0; a < Q->l0 + Q->nl; a++) {
      int role = s.doc->lines.v[a].role;
      CHECK (role != INK_ROLE_HEADLINE && role != INK_ROLE_DECK && role != INK_ROLE_BYLINE);
    }
  }
  if (body < 3)
    fprintf (stderr, "%s on %s: %zu body lines under the head\n", name, tplname, body);
  CHECK (body >= 3);
  fixture_tear_down (&s);
}

TEST (long_head_fitted_to_page_one)
{
  check_head_fits ("school-meals.md", "reader-6");       /* its deck went to page 2 */
  check_head_fits ("marrakech-rail.ar.md", "reader-6");  /* its deck's last line, too */
  check_head_fits ("quetta-gas.ur.md", "kiosk-7.5");     /* page 1 held the head alone */
}

/* Comments in a right-to-left article: a reply is indented from the right, the start side,
 * and its left edge stays where the column's text may reach; author and meta are isolated
 * from each other so that "·" stays between them, before a number that starts the meta. */
TEST (rtl_replies_indented_from_right)
{
  static const char md[] =
    "---\ntitle: بازار\nlang: fa\n---\n\nمتن خبر.\n\n"
    "> [!comment] Sara K. | ۱۲ دقیقه پیش\n> نظر اول.\n>\n"
    "> > [!comment] علی | 3 ساعت پیش\n> > پاسخ.\n";
  fixture_t s;
  if (!fixture_lay_out (&s, md, NULL, "kiosk-10.3")) {
    fixture_tear_down (&s);
    return;
  }
  const ink__lrec_t *comment = NULL, *reply = NULL, *authors[2] = { NULL, NULL };
  for (size_t i = 0; i < s.doc->lines.n; i++) {
    const ink__lrec_t *l = &s.doc->lines.v[i];
    if (l->role == INK_ROLE_COMMENT && !comment)
      comment = l;
    if (l->role == INK_ROLE_REPLY && !reply)
      reply = l;
    if (l->role == INK_ROLE_COMMENT_AUTHOR && (!authors[0] || !authors[1]))
      authors[authors[0] != NULL] = l;
  }
  CHECK (comment && reply && authors[0] && authors[1]);
  if (comment && reply && authors[0] && authors[1]) {
    /* RTL lines end at their box's right edge: the reply's is further in by its indent. */
    CHECK (reply->x + reply->w < comment->x + comment->w - 64 * 8);
    CHECK (authors[1]->x + authors[1]->w < authors[0]->x + authors[0]->w - 64 * 8);
    char buf[256];
    CHECK_EQ_STR (text_of (s.doc, authors[0], buf, sizeof buf),
                  "\u2068Sara K.\u2069\u00a0|\u2060 \u2068۱۲\u00a0دقیقه\u00a0پیش\u2069");
    CHECK_EQ_STR (text_of (s.doc, authors[1], buf, sizeof buf),
                  "\u2068علی\u2069\u00a0|\u2060 \u20683\u00a0ساعت\u00a0پیش\u2069");
    /* The layout JSON's text is the input's: the page's isolates are left out of it. */
    const char *json = NULL;
    size_t len = 0;
    CHECK (ink_document_layout_json (s.doc, &json, &len) == INK_OK && json);
    if (json) {
      CHECK (strstr (json, "\"text\": \"Sara K.\u00a0| ۱۲\u00a0دقیقه\u00a0پیش\"") != NULL);
      CHECK (strstr (json, "\u2068") == NULL && strstr (json, "\u2069") == NULL);
    }
  }
  fixture_tear_down (&s);
}

/* A pull quote's attribution follows two em dashes close up in Chinese and Japanese ("——港湾
 * …", as their papers set it; the article's "——" was set as one dash and a thin space), one
 * dash and a thin space elsewhere. */
static void
check_attribution_dash (const char *lang, const char *dash)
{
  char md[256];
  snprintf (md, sizeof md,
            "---\ntitle: T\nlang: %s\n---\n\nText.\n\n> [!quote] Words.\n> \u2014\u2014 Someone\n",
            lang);
  fixture_t s;
  if (fixture_lay_out (&s, md, NULL, "kiosk-10.3")) {
    const ink__lrec_t *prefix = NULL;
    for (size_t i = 0; i < s.doc->lines.n && !prefix; i++)
      if (s.doc->lines.v[i].role == INK_ROLE_ATTRIBUTION)
        prefix = &s.doc->lines.v[i];
    CHECK (prefix != NULL);
    char buf[64];
    if (prefix)
      CHECK_EQ_STR (text_of (s.doc, prefix, buf, sizeof buf), dash);
  }
  fixture_tear_down (&s);
}

TEST (attribution_dash_by_language)
{
  check_attribution_dash ("ja", "\u2014\u2014");
  check_attribution_dash ("zh-Hant", "\u2014\u2014");
  check_attribution_dash ("en", "\u2014\u2009");
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

/* The page where the headline stands shows no running line naming the title again: on
 * every bundled template the title is in no header or footer of page 1, and is on page 2's. */
TEST (no_running_title_over_headline)
{
  static const char *const tpls[] = { "kiosk-10.3", "kiosk-7.5", "print-a4", "reader-6" };
  for (size_t k = 0; k < sizeof tpls / sizeof *tpls; k++) {
    fixture_t s;
    if (!set_up (&s, "storm-live.md", tpls[k]))
      continue;
    size_t titles[2] = { 0, 0 };
    const ink__page_t *pages = s.doc->pages.v;
    CHECK (s.doc->pages.n >= 2);
    for (size_t pg = 0; pg < 2 && pg < s.doc->pages.n; pg++)
      for (size_t i = pages[pg].l0; i < pages[pg].l0 + pages[pg].nl; i++) {
        const ink__lrec_t *l = &s.doc->lines.v[i];
        char buf[256];
        if ((l->role == INK_ROLE_HEADER || l->role == INK_ROLE_FOOTER) &&
            strstr (text_of (s.doc, l, buf, sizeof buf), "Storm Harriet"))
          titles[pg]++;
      }
    CHECK_EQ_INT (titles[0], 0);
    CHECK (titles[1] >= 1);
    fixture_tear_down (&s);
  }
}

/* A head set in Nastaliq (turbat-dates.ur's section, "بلوچستان") is taller than kiosk-7.5's
 * top margin less its leading's white: centred there, its box ended 1.5 px over the frame's
 * top, where a pull quote across the columns draws its rule. On every page and template the
 * header's box now ends at least 2 px over the frame, as a rule keeps clear of text. */
TEST (head_clear_of_the_frame_top)
{
  const char *const *names = ink_template_builtin_names ();
  for (size_t i = 0; names[i]; i++) {
    fixture_t s;
    char path[1024];
    snprintf (path, sizeof path, "%s/tests/unit/articles/turbat-dates.ur.md", INK_SOURCE_DIR);
    if (!fixture_lay_out (&s, NULL, path, names[i])) {
      fixture_tear_down (&s);
      continue;
    }
    int32_t frame_top = (int32_t) (s.t->margin_top * 64.0f);
    size_t heads = 0;
    for (size_t pg = 0; pg < s.doc->pages.n; pg++) {
      const ink__page_t *P = &s.doc->pages.v[pg];
      for (size_t a = P->l0; a < P->l0 + P->nl; a++) {
        const ink__lrec_t *l = &s.doc->lines.v[a];
        if (l->role != INK_ROLE_HEADER)
          continue;
        heads++;
        if (l->y + l->h > frame_top - 2 * 64)
          fprintf (stderr, "  %s page %zu: the head's box ends %.2f px over the frame\n",
                   names[i], pg + 1, (frame_top - l->y - l->h) / 64.0);
        CHECK (l->y >= 0 && l->y + l->h <= frame_top - 2 * 64);
      }
    }
    CHECK (heads > 0);
    fixture_tear_down (&s);
  }
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
  RUN (head_clear_of_the_frame_top);
  RUN (separator_never_read_as_zero);
  RUN (headline_balanced);
  RUN (headline_and_deck_balanced);
  RUN (pull_quote_balanced);
  RUN (pull_quote_last_line_given_a_word);
  RUN (pull_quote_compound_gives_last_line_a_word);
  RUN (long_compound_headline);
  RUN (unspaced_head_breaks_between_phrases);
  RUN (unspaced_head_takes_a_line_rather_than_cut_a_word);
  RUN (numeric_head_breaks_between_phrases);
  RUN (running_never_collide);
  RUN (captions_within_picture);
  RUN (column_rules_under_head);
  RUN (rtl_replies_indented_from_right);
  RUN (lead_picture_narrower_than_a_column_goes_in_one);
  RUN (lead_picture_before_the_text);
  RUN (long_head_fitted_to_page_one);
  RUN (comment_meta_keeps_its_time);
  RUN (comment_separator_inside_a_line);
  RUN (no_running_title_over_headline);
  RUN (subhead_last_line_has_company);
  RUN (attribution_dash_by_language);
  return test_summary ();
}
