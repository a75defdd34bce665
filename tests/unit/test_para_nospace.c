/* The paragraph builder on scripts set without word spaces, with the bundled fonts: kinsoku
 * and punctuation spacing in Chinese and Japanese, ragged CJK heads, no lone last character,
 * and cluster justification in Thai, Lao, Khmer and Myanmar. */
#include "test.h"
#include "paraenv.h"

/* Sets text justified in the CJK face at 20 px to a measure of w px; false (a failed check)
 * if it cannot. */
static bool
set_cjk (env_t *e, const char *lang, const char *text, int w, ink__shaped_t *sh, ink__para_t *p)
{
  static ink__text_style_t st;
  bool ok = set (e, text, lang, e->cjk, 20, INK_PARA_JUSTIFY, false, w, 0, sh, p, &st) == INK_OK;
  CHECK (ok);
  return ok;
}

/* A justified CJK line (not the last) of 20 px type spaces its characters at most 1/4 em
 * apart, and fills a measure of w px unless they are all that far apart. */
static void
check_cjk_fill (const ink__shaped_t *sh, const ink__line_t *l, bool first, int w)
{
  int64_t natural = 0;
  /* An opening bracket that starts a line is set half width there. */
  if (!first && ink__script_cjk_punct (first_cp (sh->text, sh->len, l->start)) == INK_CJK_PUNCT_OPENING)
    natural -= 10 * 64;
  size_t cjk = 0;
  for (size_t i = 0; i < sh->glyphs.n; i++) {
    const ink__glyph_t *g = &sh->glyphs.v[i];
    if (g->cluster >= l->start && g->cluster < l->end) {
      natural += g->advance;
      cjk += first_cp (sh->text, sh->len, g->cluster) >= 0x2E80;
    }
  }
  int64_t spacing = l->width - natural, most = (int64_t) (cjk - 1) * 20 * 64 / 4;
  CHECK (spacing <= most + 64);
  if (abs (l->width - w * 64) > 64) {
    CHECK (l->width < w * 64);
    CHECK (spacing >= most - 64);
  }
}

/* Kinsoku: no line starts with closing punctuation, small kana or a prolonged sound mark,
 * none ends with an opening bracket; at many measures, so that breaks fall everywhere. */
TEST (kinsoku)
{
  static const uint32_t no_start[] = { 0x3002, 0xFF0C, 0x3001, 0x300D, 0x300F, 0xFF09, 0x201D,
                                       0xFF01, 0xFF1F, 0xFF1A, 0xFF1B, 0x30FC, 0x3063, 0x3083,
                                       0x30C3, 0x2019, 0xFF0E, 0x3009, 0x300B };
  static const uint32_t no_end[] = { 0x300C, 0x300E, 0xFF08, 0x201C, 0x2018, 0x3008, 0x300A };
  static const struct { const char *lang, *text; } paras[] = {
    { "zh-Hans",
      "经过多年建设，上海图书馆东馆于周四正式向公众开放。新馆位于浦东新区，藏书量超过480万册，"
      "并设有儿童阅读区、数字体验区和24小时自助借还服务。馆方表示，开放首日共有约1.2万名读者入馆参观。"
      "“我们希望图书馆不仅是借书的地方，更是城市的公共客厅。”一位负责人说。据介绍，读者可通过手机预约入馆，"
      "每日限流两万人次。周一上午闭馆，其余时间开放至晚上9点。《城市读书》杂志（月刊）也在馆内出售！" },
    { "ja",
      "京都市は先週、市の中心部に新しい公共図書館を開館した。蔵書は約十万冊で、子ども向けの読書室や、"
      "静かに勉強できる自習室も設けられている。館長は「多くの市民に気軽に立ち寄ってほしい」と話した。"
      "開館初日には、およそ三千人が訪れたという。ちょっとした休憩スペースやカフェ・コーナーもある。" },
  };
  env_t e;
  CHECK (env_open (&e));
  size_t lines = 0, bad = 0;
  for (size_t k = 0; k < sizeof paras / sizeof *paras; k++) {
    for (int w = 150; w <= 420; w += 7) {
      ink__shaped_t sh;
      ink__para_t p;
      if (!set_cjk (&e, paras[k].lang, paras[k].text, w, &sh, &p))
        continue;
      CHECK_EQ_INT (sh.missing, 0);
      check_conserved (&sh, &p);
      for (size_t i = 0; i < p.lines.n; i++) {
        const ink__line_t *l = &p.lines.v[i];
        uint32_t c0 = first_cp (sh.text, sh.len, l->start), c1 = last_cp (sh.text, l->start, l->end);
        lines++;
        for (size_t j = 0; j < sizeof no_start / sizeof *no_start; j++)
          if (i > 0 && c0 == no_start[j]) {
            fprintf (stderr, "%s at %dpx: line %zu starts with U+%04X\n", paras[k].lang, w, i, c0);
            bad++;
          }
        for (size_t j = 0; j < sizeof no_end / sizeof *no_end; j++)
          if (i + 1 < p.lines.n && c1 == no_end[j]) {
            fprintf (stderr, "%s at %dpx: line %zu ends with U+%04X\n", paras[k].lang, w, i, c1);
            bad++;
          }
        /* Justified CJK lines (not the last) fill the measure too, or are left short. */
        if (i + 1 < p.lines.n && !l->overfull)
          check_cjk_fill (&sh, l, i == 0, w);
      }
      unset (&sh, &p);
    }
  }
  CHECK (lines > 300);
  CHECK_EQ_INT (bad, 0);
  env_close (&e);
}

/* Width of cluster c as shaped in the whole paragraph, 1/64 px. */
static int64_t
cluster_width (const ink__shaped_t *sh, uint32_t c)
{
  int64_t w = 0;
  for (size_t i = 0; i < sh->glyphs.n; i++)
    if (sh->glyphs.v[i].cluster == c)
      w += sh->glyphs.v[i].advance;
  return w;
}

typedef struct {
  size_t gaps, at_word_ends, short_lines;
  int32_t widest_inside, widest_at_word_end;
} cluster_stats_t;

/* One justified paragraph of a script without word spaces, checked line by line: the spacing
 * after each cluster (but a line's first and last, and those beside a space) is at most 1/16 em,
 * none after a prevowel;
 * a line fills its measure, or is left short with every gap at its limit. */
static void
check_cluster_lines (env_t *e, const char *font, const char *lang, const char *text, int measure,
                     cluster_stats_t *s)
{
  enum { SIZE = 20, LIMIT = SIZE * 64 / 16 };
  ink__face_t *face = NULL;
  CHECK_EQ_INT (ink__fontset_face (e->fs, font, &face), INK_OK);
  size_t len = strlen (text);
  uint8_t *brks = malloc (len);
  ink__shaped_t sh;
  ink__para_t p;
  ink__text_style_t st;
  if (!face || !brks || ink__breaks (e->ctx, text, len, lang, brks) != INK_OK ||
      set (e, text, lang, face, SIZE, INK_PARA_JUSTIFY, false, measure, 0, &sh, &p, &st) != INK_OK) {
    CHECK (0);
    free (brks);
    return;
  }
  CHECK_EQ_INT (sh.missing, 0);
  check_conserved (&sh, &p);
  for (size_t i = 0; i + 1 < p.lines.n; i++) {
    const ink__line_t *l = &p.lines.v[i];
    const ink__pglyph_t *g = p.glyphs.v + p.runs.v[l->r0].g0;
    size_t n = l->nglyphs, first = 0;
    bool all_at_limit = true;
    for (size_t j = 1; j < n; j++) {
      if (g[j].cluster == g[first].cluster)
        continue;
      uint32_t c = g[first].cluster;
      int32_t extra = g[j].x - g[first].x - (int32_t) cluster_width (&sh, c);
      uint32_t cp = first_cp (text, len, c);
      bool space = cp == ' ' || first_cp (text, len, g[j].cluster) == ' ';
      if (first > 0 && !space && (size_t) g[j].cluster < l->end) {
        s->gaps++;
        CHECK (extra >= 0 && extra <= LIMIT + 1);
        if ((cp >= 0x0E40 && cp <= 0x0E44) || (cp >= 0x0EC0 && cp <= 0x0EC4))
          CHECK_EQ_INT (extra, 0);   /* a prevowel stays with its consonant */
        else if (extra < LIMIT - 1)
          all_at_limit = false;
        bool word_end = brks[g[j].cluster - 1] == INK_BRK_ALLOW;
        s->at_word_ends += word_end;
        int32_t *widest = word_end ? &s->widest_at_word_end : &s->widest_inside;
        if (extra > *widest)
          *widest = extra;
      }
      first = j;
    }
    if (abs (l->width - measure * 64) > 64) {
      s->short_lines++;
      CHECK (l->width < measure * 64);
      CHECK (all_at_limit);
    }
  }
  unset (&sh, &p);
  free (brks);
}

/* Thai, Lao, Khmer and Myanmar set as their newspapers do: a justified line takes its slack
 * between clusters, never as a word-sized gap at a word boundary that a reader would take
 * for a phrase break. */
TEST (cluster_justification)
{
  env_t e;
  CHECK (env_open (&e));
  static const struct {
    const char *font, *lang, *text;
  } cases[] = {
    { "NotoSansThai-Regular.ttf", "th",
      "ผู้ว่าราชการกรุงเทพมหานครเปิดห้องสมุดประชาชนแห่งใหม่อย่างเป็นทางการเมื่อวันเสาร์ที่ผ่านมา "
      "ห้องสมุดมีหนังสือมากกว่าสามหมื่นเล่มและมีพื้นที่อ่านหนังสือสำหรับเด็กและผู้สูงอายุ "
      "ผู้อำนวยการกล่าวว่าห้องสมุดจะเปิดให้บริการทุกวันตั้งแต่เวลาแปดโมงเช้าถึงสองทุ่ม" },
    { "NotoSansLao-Regular.ttf", "lo",
      "ກະຊວງສຶກສາທິການ ແລະ ກິລາ ໄດ້ປະກາດວ່າ ໂຮງຮຽນທັງໝົດຈະເປີດຄືນໃນອາທິດໜ້າ "
      "ຫຼັງຈາກນ້ຳຖ້ວມໄດ້ຫຼຸດລົງ ແລະ ເສັ້ນທາງໄດ້ຮັບການສ້ອມແປງ" },
    { "NotoSansKhmer-Regular.ttf", "km",
      "ក្រសួងសុខាភិបាលបានប្រកាសថា មន្ទីរពេទ្យថ្មីនឹងបើកដំណើរការនៅខែក្រោយ "
      "ដើម្បីផ្តល់សេវាថែទាំសុខភាពដល់ប្រជាជននៅតំបន់ជនបទ" },
    { "NotoSansMyanmar-Regular.ttf", "my",
      "ရန်ကုန်မြို့တွင် မိုးသည်းထန်စွာရွာသွန်းပြီးနောက် လမ်းများစွာ ရေလွှမ်းမိုးခဲ့သည် "
      "မြို့တော်စည်ပင်သာယာရေးကော်မတီက ရေနုတ်မြောင်းများကို ရှင်းလင်းနေသည်" },
  };
  for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
    for (int w = 240; w <= 420; w += 60) {
      cluster_stats_t s = { 0 };
      check_cluster_lines (&e, cases[k].font, cases[k].lang, cases[k].text, w, &s);
      CHECK (s.gaps > 20);
      /* A word boundary gets no more than any other gap between clusters. */
      CHECK (s.widest_at_word_end <= s.widest_inside + 1);
      if (k == 0)
        CHECK (s.at_word_ends > 5);   /* Thai: libthai's word ends fall inside lines */
      if (s.widest_at_word_end > s.widest_inside + 1 || s.gaps <= 20)
        fprintf (stderr, "%s at %dpx: %zu gaps (%zu at word ends), widest %.2fpx inside words, "
                 "%.2fpx at their ends, %zu lines left short\n", cases[k].lang, w, s.gaps,
                 s.at_word_ends, s.widest_inside / 64.0, s.widest_at_word_end / 64.0,
                 s.short_lines);
    }
  }
  env_close (&e);
}

/* x of the glyph of the first occurrence of needle in line k of p, 1/64 px; INT32_MIN if none. */
static int32_t
glyph_x (const ink__shaped_t *sh, const ink__para_t *p, size_t k, const char *needle)
{
  const char *at = strstr (sh->text + p->lines.v[k].start, needle);
  const ink__line_t *l = &p->lines.v[k];
  for (size_t i = 0; at && i < l->nglyphs; i++) {
    const ink__pglyph_t *g = &p->glyphs.v[p->runs.v[l->r0].g0 + i];
    if (g->cluster == (uint32_t) (at - sh->text))
      return g->x;
  }
  return INT32_MIN;
}

/* CJK punctuation after JIS X 4051 and CLREQ: a closing mark before other punctuation, and
 * an opening bracket after another or at a line's start, take half an em. */
TEST (cjk_punctuation)
{
  env_t e;
  CHECK (env_open (&e));
  static const struct {
    const char *lang, *text, *mark, *next;
    int32_t advance;  /* from mark to next, 1/64 px at 20 px */
  } cases[] = {
    { "zh-Hans", "新线采用全自动运行系统（GoA4），最高时速一百公里。", "）", "，", 10 * 64 },
    { "zh-Hans", "新线采用全自动运行系统（GoA4），最高时速一百公里。", "，", "最", 20 * 64 },
    { "ja", "京都市は開館した。「多くの市民に」と話した。", "。", "「", 10 * 64 },
    { "ja", "京都市は開館した。「多くの市民に」と話した。", "」", "と", 20 * 64 },
    { "ja", "館長は「（仮称）京都館」と話した。", "（", "仮", 10 * 64 },
    { "zh-Hans", "现在可以多睡一个小时了。”在一家软件公司", "。", "”", 10 * 64 },
    /* the next bracket's half-width form moves its ink half an em left */
    { "ja", "館長は「（仮称）京都館」と話した。", "「", "（", 10 * 64 },
  };
  for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
    ink__shaped_t sh;
    ink__para_t p;
    ink__text_style_t st;
    if (set (&e, cases[k].text, cases[k].lang, e.cjk, 20, INK_PARA_START, false, 2000, 0, &sh, &p,
             &st) != INK_OK) {
      CHECK (0);
      continue;
    }
    CHECK_EQ_INT (p.lines.n, 1);
    int32_t a = glyph_x (&sh, &p, 0, cases[k].mark), b = glyph_x (&sh, &p, 0, cases[k].next);
    CHECK (a != INT32_MIN && b != INT32_MIN);
    /* An opening bracket's half-width form moves its ink left by half an em. */
    int32_t shift = !strcmp (cases[k].mark, "（") ? 10 * 64 : 0;
    CHECK_EQ_INT (b - a - shift, cases[k].advance);
    unset (&sh, &p);
  }
  /* An opening bracket that starts a line (not the paragraph's first) sits flush left. */
  ink__shaped_t sh;
  ink__para_t p;
  ink__text_style_t st;
  const char *text = "館長は話した。\n「多くの市民に」";
  if (set (&e, text, "ja", e.cjk, 20, INK_PARA_START, false, 2000, 0, &sh, &p, &st) == INK_OK) {
    CHECK_EQ_INT (p.lines.n, 2);
    CHECK_EQ_INT (glyph_x (&sh, &p, 1, "「"), -10 * 64);
    CHECK_EQ_INT (glyph_x (&sh, &p, 1, "多"), 10 * 64);
    unset (&sh, &p);
  } else {
    CHECK (0);
  }
  env_close (&e);
}

/* Ragged CJK text (a head) ends its lines at the space between phrases rather than between
 * two characters, when the lines are not much worse for it; justified text fills its lines. */
TEST (cjk_ragged_breaks_at_space)
{
  env_t e;
  CHECK (env_open (&e));
  const char *text = "杭州运河沿岸步道全线贯通 市民可步行三十公里";
  const char *second = strstr (text, "市民");
  ink__shaped_t sh;
  ink__para_t p;
  ink__text_style_t st;
  /* Twelve characters, the space and two more fit the first line. */
  if (set (&e, text, "zh-Hans", e.cjk, 20, INK_PARA_START, false, 290, 0, &sh, &p, &st) ==
      INK_OK) {
    CHECK_EQ_INT (p.lines.n, 2);
    CHECK_EQ_INT (p.lines.v[1].start, second - text);
    unset (&sh, &p);
  } else {
    CHECK (0);
  }
  if (set (&e, text, "zh-Hans", e.cjk, 20, INK_PARA_JUSTIFY, false, 290, 0, &sh, &p, &st) ==
      INK_OK) {
    CHECK_EQ_INT (p.lines.n, 2);
    CHECK (p.lines.v[1].start > (size_t) (second - text));
    unset (&sh, &p);
  } else {
    CHECK (0);
  }
  env_close (&e);
}

/* A CJK or Korean paragraph does not end on a line of one character ("る。", "다."), at any
 * measure. */
TEST (cjk_no_lone_last_character)
{
  env_t e;
  CHECK (env_open (&e));
  static const struct { const char *lang, *text; } paras[] = {
    { "ja", "京都市は先週、市の中心部に新しい公共図書館を開館したと発表する。" },
    { "ja", "市は、利用状況を見ながら平日の運行や路線の拡大も検討する方針だ。" },
    { "zh-Hans", "从新区的起点站到天府广场只需四十分钟左右。" },
    { "ko", "시는 다음 달부터 새 버스를 정식 노선에 투입한다고 밝혔다." },
    { "ko", "마을에서 실제로 사람이 사는 집은 이제 절반도 되지 않는다." },
  };
  size_t lone = 0, tried = 0;
  for (size_t k = 0; k < sizeof paras / sizeof *paras; k++) {
    for (int w = 100; w <= 400; w += 5) {
      ink__shaped_t sh;
      ink__para_t p;
      if (!set_cjk (&e, paras[k].lang, paras[k].text, w, &sh, &p))
        continue;
      const ink__line_t *l = &p.lines.v[p.lines.n - 1];
      size_t chars = 0;
      for (size_t at = l->start; at < l->end;) {
        uint32_t c;
        ink__utf8_next (sh.text, sh.len, &at, &c);
        chars += !ink__kinsoku_holds (0, c) && c != '.';   /* "다." is one character */
      }
      tried += p.lines.n > 1;
      if (p.lines.n > 1 && chars < 2) {
        fprintf (stderr, "%s at %dpx: last line \"%.*s\" (pass %d, %zu lines)\n", paras[k].lang, w,
                 (int) (l->end - l->start), sh.text + l->start, p.pass, p.lines.n);
        lone++;
      }
      unset (&sh, &p);
    }
  }
  CHECK (tried > 100);
  CHECK_EQ_INT (lone, 0);
  env_close (&e);
}

/* An emergency break keeps kinsoku: an opening bracket never ends a line, a closing one never
 * starts one, however narrow the measure ("票价（" / "往返）" in a narrow table cell). */
TEST (emergency_keeps_kinsoku)
{
  static const char *const texts[] = { "票价（往返）", "高峰间隔（分钟）", "Kosten (2024)" };
  env_t e;
  CHECK (env_open (&e));
  for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
    for (int w = 44; w <= 92; w += 8) {
      ink__shaped_t sh;
      ink__para_t p;
      ink__text_style_t st;
      const char *t = texts[i];
      CHECK_EQ_INT (set (&e, t, i < 2 ? "zh" : "de", i < 2 ? e.cjk : e.serif, 20,
                         INK_PARA_START, false, w, 0, &sh, &p, &st), INK_OK);
      for (size_t k = 0; k + 1 < p.lines.n; k++) {
        size_t end = p.lines.v[k].end, next = p.lines.v[k + 1].start;
        bool opens = (end >= 3 && !memcmp (t + end - 3, "（", 3)) || t[end - 1] == '(';
        bool closes = !strncmp (t + next, "）", 3) || t[next] == ')';
        if (opens || closes)
          fprintf (stderr, "  \"%s\" at %d px: a bracket at line %zu's edge\n", t, w, k);
        CHECK (!opens && !closes);
      }
      unset (&sh, &p);
    }
  env_close (&e);
}

int
main (void)
{
  RUN (kinsoku);
  RUN (emergency_keeps_kinsoku);
  RUN (cluster_justification);
  RUN (cjk_punctuation);
  RUN (cjk_ragged_breaks_at_space);
  RUN (cjk_no_lone_last_character);
  return test_summary ();
}
