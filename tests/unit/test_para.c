/* The paragraph builder on real shaped paragraphs with the bundled fonts: kinsoku in Chinese
 * and Japanese, hyphenation in justified English, total fit against first fit, reshaping at
 * breaks, full measure in a justified column, overlong words, right-to-left alignment. */
#include "breaks.h"
#include "kp.h"
#include "para.h"
#include "scripts.h"
#include "test.h"

typedef struct {
  ink_context_t *ctx;
  ink_fontset_t *fs;
  ink__hyphenator_t *hy;
  ink__face_t *serif, *hebrew, *cjk, *naskh;
} env_t;

static bool
env_open (env_t *e)
{
  memset (e, 0, sizeof *e);
  if (ink_context_create (NULL, NULL, &e->ctx) != INK_OK ||
      ink_fontset_create (e->ctx, INK_SOURCE_DIR "/fonts", &e->fs) != INK_OK ||
      ink__hyphenator_create (e->ctx, NULL, &e->hy) != INK_OK)
    return false;
  return ink__fontset_face (e->fs, "NotoSerif-Regular.ttf", &e->serif) == INK_OK &&
         ink__fontset_face (e->fs, "NotoSansHebrew-Regular.ttf", &e->hebrew) == INK_OK &&
         ink__fontset_face (e->fs, "NotoNaskhArabic-Regular.ttf", &e->naskh) == INK_OK &&
         ink__fontset_face (e->fs, "NotoSansCJKsc-Subset.otf", &e->cjk) == INK_OK;
}

static void
env_close (env_t *e)
{
  ink__hyphenator_destroy (e->hy);
  ink_fontset_destroy (e->fs);
  ink_context_destroy (e->ctx);
}

static ink__face_t *
fallback (void *user, const ink__text_style_t *style, hb_script_t script, const char *lang,
          uint32_t cp)
{
  (void) style;
  env_t *e = user;
  (void) lang;
  (void) cp;
  switch (script) {
  case HB_SCRIPT_HEBREW: return e->hebrew;
  case HB_SCRIPT_ARABIC: return e->naskh;
  case HB_SCRIPT_HAN:
  case HB_SCRIPT_HIRAGANA:
  case HB_SCRIPT_KATAKANA: return e->cjk;
  default: return e->serif;
  }
}

/* Shapes text in face at size and builds it into lines of measure px. */
static ink_status_t
set (env_t *e, const char *text, const char *lang, ink__face_t *face, float size,
     ink__para_align_t align, bool hyphenate, int32_t measure_px, int32_t indent_px,
     ink__shaped_t *sh, ink__para_t *p, ink__text_style_t *style)
{
  memset (style, 0, sizeof *style);
  style->face = face;
  style->size_px = size;
  ink__style_range_t r = { 0, strlen (text), style, NULL };
  ink__shape_opts_t so = { lang, 0, fallback, e };
  ink_status_t st = ink__shape_paragraph (e->ctx, e->fs, text, strlen (text), &r, 1, &so, sh);
  if (st != INK_OK)
    return st;
  static int32_t measure;
  measure = measure_px * 64;
  ink__para_opts_t po = { lang, align, hyphenate, indent_px * 64, &measure, 1, e->hy, 0, 0, 0, false, false };
  st = ink__para_build (e->ctx, sh, &po, p);
  if (st != INK_OK)
    ink__shaped_free (sh);
  return st;
}

static void
unset (ink__shaped_t *sh, ink__para_t *p)
{
  ink__para_free (p);
  ink__shaped_free (sh);
}

static bool
is_space_at (const char *t, size_t off)
{
  return t[off] == ' ';
}

/* Lines cover the text in order: each starts where the one before ended, up to spaces. */
static void
check_conserved (const ink__shaped_t *sh, const ink__para_t *p)
{
  size_t at = 0;
  for (size_t i = 0; i < p->lines.n; i++) {
    const ink__line_t *l = &p->lines.v[i];
    while (at < l->start && is_space_at (sh->text, at))
      at++;
    CHECK_EQ_INT (l->start, at);
    CHECK (l->end > l->start);
    at = l->end;
  }
  while (at < sh->len && is_space_at (sh->text, at))
    at++;
  CHECK_EQ_INT (at, sh->len);
}

static uint32_t
first_cp (const char *t, size_t len, size_t off)
{
  uint32_t c = 0;
  ink__utf8_next (t, len, &off, &c);
  return c;
}

static uint32_t
last_cp (const char *t, size_t start, size_t end)
{
  size_t k = end - 1;
  while (k > start && ((unsigned char) t[k] & 0xC0) == 0x80)
    k--;
  return first_cp (t, end, k);
}

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

static const char english[] =
  "Diplomatic and military officials told The Express Tribune that Pakistan made overtures to "
  "China early this year when its relationship with the US was weakened by several "
  "controversies. Islamabad used backdoor and regular diplomatic channels in an attempt to "
  "convince the Chinese leadership that the agreement was mutually beneficial, the officials "
  "said. Experts appeared to be divided on how China is responding to Pakistan's request.";

/* Whether a line that ends at byte end, inside a word, ends at one of the word's hyphenation
 * points (in lang). */
static bool
at_hyphen_point (env_t *e, const char *lang, const ink__shaped_t *sh, size_t end)
{
  size_t a = end;
  while (a > 0 && sh->text[a - 1] != ' ')
    a--;
  size_t n = strcspn (sh->text + a, " .,");
  uint8_t pts[128] = { 0 };
  if (end <= a || n > sizeof pts)
    return false;
  ink__hyphenate (e->hy, lang, sh->text + a, n, 0, 0, 0, pts);
  return pts[end - 1 - a] == 1;
}

/* The hyphen drawn at the end of a hyphenated line, and the break at a point the patterns
 * allow. */
TEST (hyphenation_justified)
{
  env_t e;
  CHECK (env_open (&e));
  uint32_t hy_gid = 0;
  hb_font_get_nominal_glyph (e.serif->hb_font, 0x2010, &hy_gid);
  size_t hyphenated = 0;
  for (int w = 180; w <= 320; w += 10) {
    ink__shaped_t sh;
    ink__para_t p;
    ink__text_style_t st;
    if (set (&e, english, "en", e.serif, 18, INK_PARA_JUSTIFY, true, w, 0, &sh, &p, &st) !=
        INK_OK) {
      CHECK (0);
      continue;
    }
    check_conserved (&sh, &p);
    for (size_t i = 0; i < p.lines.n; i++) {
      const ink__line_t *l = &p.lines.v[i];
      if (!l->hyphenated)
        continue;
      hyphenated++;
      /* The line ends inside a word. */
      CHECK (l->end < sh.len && sh.text[l->end] != ' ' && sh.text[l->end - 1] != ' ');
      /* The word around the break, and the patterns' points in it. */
      size_t a = l->end, b = l->end;
      while (a > 0 && sh.text[a - 1] != ' ')
        a--;
      while (b < sh.len && sh.text[b] != ' ' && sh.text[b] != ',' && sh.text[b] != '.')
        b++;
      uint8_t pts[64] = { 0 };
      CHECK (b - a < sizeof pts);
      if (b - a < sizeof pts) {
        CHECK (ink__hyphenate (e.hy, "en", sh.text + a, b - a, 5, 2, 3, pts) > 0);
        CHECK_EQ_INT (pts[l->end - 1 - a], 1);
      }
      /* The last glyph in the line (LTR) is the hyphen, past the text. */
      const ink__pglyph_t *g = &p.glyphs.v[p.runs.v[l->r0 + l->nr - 1].g0 +
                                           p.runs.v[l->r0 + l->nr - 1].ng - 1];
      CHECK_EQ_INT (g->gid, hy_gid);
      CHECK_EQ_INT (g->cluster, l->end);
    }
    unset (&sh, &p);
  }
  CHECK (hyphenated >= 5);
  /* Without hyphenation a line ends inside a word only in the emergency pass, at one of its
   * hyphenation points, with a hyphen. */
  ink__shaped_t sh;
  ink__para_t p;
  ink__text_style_t st;
  CHECK_EQ_INT (set (&e, english, "en", e.serif, 18, INK_PARA_JUSTIFY, false, 220, 0, &sh, &p, &st),
                INK_OK);
  for (size_t i = 0; i < p.lines.n; i++) {
    const ink__line_t *l = &p.lines.v[i];
    bool inside = l->end < sh.len && sh.text[l->end] != ' ' && sh.text[l->end - 1] != ' ';
    CHECK_EQ_INT (l->hyphenated, inside);
    CHECK (!inside || p.pass >= 4);
    if (inside)
      CHECK (at_hyphen_point (&e, "en", &sh, l->end));
  }
  unset (&sh, &p);
  env_close (&e);
}

/* Knuth–Plass items over the shaped paragraph, as a justified paragraph gives them: a box
 * per word (split at hyphenation points), glue for each space. */
static size_t
items_of (env_t *e, const ink__shaped_t *sh, ink__kp_item_t *items, size_t cap)
{
  int32_t *adv = calloc (sh->len + 1, sizeof *adv);
  for (size_t i = 0; i < sh->glyphs.n; i++)
    adv[sh->glyphs.v[i].cluster] += sh->glyphs.v[i].advance;
  hb_codepoint_t hg = 0;
  hb_font_get_nominal_glyph (e->serif->hb_font, 0x2010, &hg);
  int32_t hw = ink__units_to_26d6 (e->serif, 18, hb_font_get_glyph_h_advance (e->serif->hb_font, hg));
  size_t n = 0;
  for (size_t a = 0; a < sh->len && n + 8 < cap;) {
    size_t b = a;
    while (b < sh->len && sh->text[b] != ' ')
      b++;
    uint8_t pts[64] = { 0 };
    if (b - a < sizeof pts)
      ink__hyphenate (e->hy, "en", sh->text + a, b - a, 5, 2, 3, pts);
    int32_t w = 0;
    for (size_t k = a; k < b; k++) {
      w += adv[k];
      if (k + 1 < b && k - a < sizeof pts && pts[k - a]) {
        items[n++] = (ink__kp_item_t) { INK_KP_BOX, w, 0, 0, 0, 0, 0, 0 };
        items[n++] = (ink__kp_item_t) { INK_KP_PENALTY, hw, 0, 0, 50, 1, 0, 1 };
        w = 0;
      }
    }
    items[n++] = (ink__kp_item_t) { INK_KP_BOX, w, 0, 0, 0, 0, 0, 0 };
    if (b >= sh->len)
      break;
    int32_t sw = adv[b];
    items[n++] = (ink__kp_item_t) { INK_KP_GLUE, sw, sw / 2, sw / 3, 0, 0, 0, 0 };
    a = b + 1;
  }
  items[n++] = (ink__kp_item_t) { INK_KP_GLUE, 0, INK_KP_FIL, 0, 0, 0, 0, 0 };
  items[n++] = (ink__kp_item_t) { INK_KP_PENALTY, 0, 0, 0, -INK_KP_INF, 0, 0, 0 };
  free (adv);
  return n;
}

TEST (total_fit_vs_first_fit)
{
  env_t e;
  CHECK (env_open (&e));
  int better = 0;
  for (int w = 200; w <= 360; w += 20) {
    ink__shaped_t sh;
    ink__para_t p;
    ink__text_style_t st;
    if (set (&e, english, "en", e.serif, 18, INK_PARA_JUSTIFY, true, w, 0, &sh, &p, &st) !=
        INK_OK) {
      CHECK (0);
      continue;
    }
    /* The builder's own lines: within tolerance unless an emergency pass was needed. */
    for (size_t i = 0; i + 1 < p.lines.n; i++) {
      CHECK (p.lines.v[i].ratio >= -1.0);
      if (p.pass <= 2)
        CHECK (p.lines.v[i].ratio <= 2.0 + 1e-9);
    }
    /* Total fit against first fit on the same items. */
    ink__kp_item_t items[1024];
    size_t n = items_of (&e, &sh, items, 1024);
    int32_t measure = w * 64;
    ink__kp_params_t prm;
    ink__kp_params_default (&prm);
    /* First fit knows no hyphen rules: compare on equal terms, without them. */
    prm.max_hyphen_run = 0;
    prm.final_hyphen = true;
    ink__kp_result_t kp = { 0 }, gr = { 0 };
    CHECK_EQ_INT (ink__kp_break (e.ctx, items, n, &measure, 1, &prm, &kp), INK_OK);
    CHECK_EQ_INT (ink__kp_greedy (e.ctx, items, n, &measure, 1, &gr), INK_OK);
    double gd = ink__kp_demerits (items, n, &measure, 1, &prm, gr.breaks, gr.nbreaks, NULL, NULL);
    CHECK (kp.demerits <= gd + 1e-6);
    if (kp.demerits < gd - 1e-6)
      better++;
    double *ratios = calloc (kp.nbreaks, sizeof *ratios);
    size_t over = 0;
    double kd = ink__kp_demerits (items, n, &measure, 1, &prm, kp.breaks, kp.nbreaks, ratios, &over);
    CHECK (kd <= kp.demerits + 1e-6 && kd >= kp.demerits - 1e-6);
    for (size_t i = 0; i + 1 < kp.nbreaks; i++) {
      CHECK (ratios[i] >= -1.0);
      if (kp.pass <= 2)
        CHECK (ratios[i] <= prm.tolerance + 1e-9);
    }
    if (kp.pass <= 2)
      CHECK_EQ_INT (over, 0);
    free (ratios);
    ink__kp_result_free (e.ctx, &kp);
    ink__kp_result_free (e.ctx, &gr);
    unset (&sh, &p);
  }
  CHECK (better > 0);   /* total fit finds better breaks than first fit somewhere */
  env_close (&e);
}

/* Shapes text[s, e) on its own, as a fresh paragraph, and compares the glyph ids with the
 * line's (without the drawn hyphen). */
static bool
same_as_fresh (env_t *e, const ink__shaped_t *sh, const ink__para_t *p, const ink__line_t *l,
               const ink__text_style_t *st)
{
  ink__style_range_t r = { 0, l->end - l->start, st, NULL };
  ink__shape_opts_t so = { "en", 1, fallback, e };
  ink__shaped_t f;
  if (ink__shape_paragraph (e->ctx, e->fs, sh->text + l->start, l->end - l->start, &r, 1, &so,
                            &f) != INK_OK)
    return false;
  size_t n = l->nglyphs - (l->hyphenated ? 1 : 0);
  bool same = n == f.glyphs.n;
  const ink__pglyph_t *g = &p->glyphs.v[p->runs.v[l->r0].g0];
  for (size_t i = 0; same && i < n; i++)
    same = g[i].gid == f.glyphs.v[i].gid && g[i].cluster == f.glyphs.v[i].cluster + l->start;
  ink__shaped_free (&f);
  return same;
}

/* A line cut where HarfBuzz marked the glyph unsafe to break (kerning or contextual forms
 * across the break) is shaped again: its glyphs equal a fresh shaping of its text. */
TEST (reshape_at_unsafe_breaks)
{
  static const char text[] =
    "Officials affirmed that the Tyrolean waffle affair was effectively finished. Every "
    "AVATAR, WAVY, TAWNY and VALLEY keyword typically affects typewriters, tyrannically "
    "difficult; afterwards, Ty Award-winning Yvonne flew to Taiwan, Vietnam and Wyoming.";
  env_t e;
  CHECK (env_open (&e));
  size_t unsafe_cuts = 0, lines = 0;
  for (int w = 120; w <= 300; w += 3) {
    ink__shaped_t sh;
    ink__para_t p;
    ink__text_style_t st;
    if (set (&e, text, "en", e.serif, 18, INK_PARA_JUSTIFY, true, w, 0, &sh, &p, &st) != INK_OK) {
      CHECK (0);
      continue;
    }
    for (size_t i = 0; i < p.lines.n; i++) {
      const ink__line_t *l = &p.lines.v[i];
      lines++;
      /* Was either end of the line cut through an unsafe glyph of the full shaping? */
      bool unsafe = false;
      for (size_t g = 0; g < sh.glyphs.n; g++)
        if (sh.glyphs.v[g].unsafe &&
            ((sh.glyphs.v[g].cluster == l->end && l->end < sh.len && sh.text[l->end] != ' ') ||
             (sh.glyphs.v[g].cluster == l->start && l->start > 0 && sh.text[l->start - 1] != ' ')))
          unsafe = true;
      if (unsafe)
        unsafe_cuts++;
      if (!same_as_fresh (&e, &sh, &p, l, &st)) {
        fprintf (stderr, "at %dpx, line %zu [%zu, %zu) differs from a fresh shaping\n", w, i,
                 l->start, l->end);
        CHECK (0);
      }
    }
    unset (&sh, &p);
  }
  CHECK (lines > 100);
  CHECK (unsafe_cuts > 0);
  env_close (&e);
}

/* A justified English column: every line but the last of each paragraph fills the measure
 * to within a pixel (the first after its indent). The paragraphs are the English sample's. */
TEST (justified_column_fills_measure)
{
  size_t len;
  char *src = read_file (INK_SOURCE_DIR "/examples/articles/pakistan-china-pact.md", &len);
  CHECK (src != NULL);
  if (!src)
    return;
  env_t e;
  CHECK (env_open (&e));
  /* Body paragraphs: lines after the front matter, up to the first comment. */
  char *body = strstr (src + 3, "\n---\n");
  CHECK (body != NULL);
  size_t paragraphs = 0, lines = 0;
  for (char *line = body ? body + 5 : src + len; line < src + len;) {
    char *nl = strchr (line, '\n');
    if (!nl)
      nl = src + len;
    *nl = 0;
    if (!strncmp (line, "> [!comment]", 12))
      break;
    if (*line && *line != '>' && *line != '#') {
      for (int w = 260; w <= 560; w += 150) {
        ink__shaped_t sh;
        ink__para_t p;
        ink__text_style_t st;
        if (set (&e, line, "en", e.serif, 20, INK_PARA_JUSTIFY, true, w, 20, &sh, &p, &st) !=
            INK_OK) {
          CHECK (0);
          continue;
        }
        paragraphs++;
        CHECK_EQ_INT (sh.missing, 0);
        CHECK_EQ_INT (p.overfull, 0);
        check_conserved (&sh, &p);
        for (size_t i = 0; i + 1 < p.lines.n; i++) {
          const ink__line_t *l = &p.lines.v[i];
          int32_t avail = w * 64 - (i == 0 ? 20 * 64 : 0);
          lines++;
          if (abs (l->width - avail) > 64) {
            fprintf (stderr, "%dpx: line %zu is %.2fpx wide, not %dpx: %.*s\n", w, i,
                     l->width / 64.0, avail / 64, (int) (l->end - l->start), line + l->start);
            CHECK (0);
          }
          CHECK_EQ_INT (l->left, i == 0 ? 20 * 64 : 0);
        }
        unset (&sh, &p);
      }
    }
    line = nl + 1;
  }
  CHECK (paragraphs >= 18);
  CHECK (lines > 100);
  free (src);
  env_close (&e);
}

/* A figure too wide for the measure ("14.500" in a narrow table cell) is broken without a
 * hyphen, which would read as a minus or a range; a word of letters keeps its hyphen. */
TEST (overlong_figure_breaks_bare)
{
  static const char text[] = "Cost 123456789012345678901234567890 euros.";
  env_t e;
  CHECK (env_open (&e));
  ink__shaped_t sh;
  ink__para_t p;
  ink__text_style_t st;
  CHECK_EQ_INT (set (&e, text, "en", e.serif, 20, INK_PARA_START, false, 120, 0, &sh, &p, &st),
                INK_OK);
  check_conserved (&sh, &p);
  size_t w0 = strstr (text, "1234") - text, w1 = strstr (text, " euros") - text, inside = 0;
  for (size_t i = 0; i < p.lines.n; i++) {
    const ink__line_t *l = &p.lines.v[i];
    if (l->end > w0 && l->end < w1) {
      inside++;
      CHECK (!l->hyphenated);
    }
  }
  CHECK (inside >= 2);
  unset (&sh, &p);
  env_close (&e);
}

/* A word longer than the measure is broken at cluster boundaries (the emergency pass) and
 * every piece is kept; a measure narrower than one letter gives overfull lines, reported. */
TEST (overlong_word)
{
  static const char text[] =
    "The word pneumonoultramicroscopicsilicovolcanoconiosis is long.";
  env_t e;
  CHECK (env_open (&e));
  ink__shaped_t sh;
  ink__para_t p;
  ink__text_style_t st;
  CHECK_EQ_INT (set (&e, text, "en", e.serif, 20, INK_PARA_JUSTIFY, false, 120, 0, &sh, &p, &st),
                INK_OK);
  check_conserved (&sh, &p);
  CHECK (p.pass >= 4);
  size_t w0 = strstr (text, "pneumono") - text, w1 = strstr (text, " is") - text;
  size_t pieces = 0;
  for (size_t i = 0; i < p.lines.n; i++) {
    const ink__line_t *l = &p.lines.v[i];
    if (l->start >= w0 && l->end <= w1)
      pieces++;
    /* English hyphenates: a line that ends inside the word shows a hyphen. */
    CHECK (l->hyphenated == (l->end > w0 && l->end < w1));
    CHECK (l->width <= 120 * 64 + 64 || l->overfull);
  }
  CHECK (pieces >= 2);
  /* Every glyph is on a line, but for the spaces the lines broke at. */
  size_t glyphs = 0, at_breaks = 0;
  for (size_t i = 0; i < p.lines.n; i++) {
    glyphs += p.lines.v[i].nglyphs - p.lines.v[i].hyphenated;
    if (p.lines.v[i].end < sh.len && text[p.lines.v[i].end] == ' ')
      at_breaks++;
  }
  CHECK_EQ_INT (glyphs, sh.glyphs.n - at_breaks);
  unset (&sh, &p);

  /* 8px: no letter fits. Every letter still gets a line; the lines are overfull. */
  CHECK_EQ_INT (set (&e, "Wombat", "en", e.serif, 20, INK_PARA_START, false, 8, 0, &sh, &p, &st),
                INK_OK);
  check_conserved (&sh, &p);
  CHECK_EQ_INT (p.lines.n, 6);
  CHECK (p.overfull > 0);
  size_t flagged = 0;
  for (size_t i = 0; i < p.lines.n; i++)
    flagged += p.lines.v[i].overfull;
  CHECK_EQ_INT (flagged, p.overfull);
  unset (&sh, &p);
  env_close (&e);
}

/* A long compound breaks at its hyphenation points, with a hyphen, whether or not the style
 * hyphenates (a head breaks there only when the word is too wide for the line). */
TEST (long_compound)
{
  static const char text[] =
    "Die Landesbauordnungsdurchführungsverwaltungsvorschrift und die "
    "Heizungsmodernisierungszuschussformulare fallen weg.";
  env_t e;
  CHECK (env_open (&e));
  for (int hyph = 0; hyph < 2; hyph++)
    for (int w = 150; w <= 330; w += 30) {
      ink__shaped_t sh;
      ink__para_t p;
      ink__text_style_t st;
      ink__para_align_t al = hyph ? INK_PARA_JUSTIFY : INK_PARA_START;
      if (set (&e, text, "de", e.serif, 20, al, hyph, w, 0, &sh, &p, &st) != INK_OK) {
        CHECK (0);
        continue;
      }
      check_conserved (&sh, &p);
      for (size_t i = 0; i + 1 < p.lines.n; i++) {
        const ink__line_t *l = &p.lines.v[i];
        if (sh.text[l->end] == ' ' || sh.text[l->end - 1] == ' ')
          continue;
        /* Inside a word: at one of its points, with a hyphen. */
        CHECK (l->hyphenated);
        CHECK (at_hyphen_point (&e, "de", &sh, l->end));
      }
      unset (&sh, &p);
    }
  env_close (&e);
}

/* Right to left: start is the right edge, end the left; the last line of a justified
 * paragraph sits at the right. */
TEST (rtl_alignment)
{
  static const char text[] =
    "משרד התחבורה הודיע ביום שני כי הרכבת המהירה בין ירושלים לתל אביב תפעל מעתה גם בשעות "
    "הלילה. לדברי המשרד, הנסיעה נמשכת כחצי שעה בלבד.";
  env_t e;
  CHECK (env_open (&e));
  static const ink__para_align_t aligns[] = { INK_PARA_START, INK_PARA_END, INK_PARA_JUSTIFY,
                                              INK_PARA_CENTER };
  for (size_t a = 0; a < 4; a++) {
    ink__shaped_t sh;
    ink__para_t p;
    ink__text_style_t st;
    CHECK_EQ_INT (set (&e, text, "he", e.hebrew, 20, aligns[a], false, 300, 0, &sh, &p, &st),
                  INK_OK);
    CHECK_EQ_INT (sh.base_level, 1);
    CHECK (p.lines.n >= 3);
    check_conserved (&sh, &p);
    for (size_t i = 0; i < p.lines.n; i++) {
      const ink__line_t *l = &p.lines.v[i];
      int32_t right = 300 * 64 - l->width;
      CHECK (l->rtl);
      switch (aligns[a]) {
      case INK_PARA_START: CHECK_EQ_INT (l->left, right); break;
      case INK_PARA_END: CHECK_EQ_INT (l->left, 0); break;
      case INK_PARA_CENTER: CHECK (abs (l->left - right / 2) <= 1); break;
      default:
        if (i + 1 == p.lines.n)
          CHECK_EQ_INT (l->left, right);
        else
          CHECK (abs (l->width - 300 * 64) <= 64);
      }
      /* The line's first logical character is drawn at its right end. */
      const ink__lrun_t *lr = &p.runs.v[l->r0 + l->nr - 1];
      const ink__pglyph_t *g = &p.glyphs.v[lr->g0 + lr->ng - 1];
      CHECK_EQ_INT (g->cluster, l->start);
    }
    unset (&sh, &p);
  }
  env_close (&e);
}

/* Justified Arabic stretches words with kashida (tatweel glyphs the font joins into the
 * letters) before it widens spaces; the last line is not stretched; Urdu Nastaliq is not
 * stretched this way; every line still fills its measure. */
TEST (kashida)
{
  env_t e;
  CHECK (env_open (&e));
  const char *text = "\u0627\u0641\u062a\u062a\u062d \u0645\u0639\u0631\u0636 "
                     "\u0627\u0644\u0642\u0627\u0647\u0631\u0629 \u0627\u0644\u062f\u0648\u0644\u064a "
                     "\u0644\u0644\u0643\u062a\u0627\u0628 \u0623\u0628\u0648\u0627\u0628\u0647 "
                     "\u064a\u0648\u0645 \u0627\u0644\u062e\u0645\u064a\u0633 \u0628\u0645\u0634\u0627\u0631\u0643\u0629 "
                     "\u0648\u0627\u0633\u0639\u0629 \u0645\u0646 \u062f\u0648\u0631 "
                     "\u0627\u0644\u0646\u0634\u0631 \u0627\u0644\u0639\u0631\u0628\u064a\u0629 "
                     "\u0648\u0627\u0644\u0623\u062c\u0646\u0628\u064a\u0629\u060c \u0648\u062a\u0648\u0642\u0639 "
                     "\u0627\u0644\u0645\u0646\u0638\u0645\u0648\u0646 \u0623\u0646 \u064a\u062a\u062c\u0627\u0648\u0632 "
                     "\u0639\u062f\u062f \u0627\u0644\u0632\u0648\u0627\u0631.";
  hb_codepoint_t tatweel = 0;
  CHECK (hb_font_get_nominal_glyph (e.naskh->hb_font, 0x0640, &tatweel) && tatweel);
  ink__shaped_t sh;
  ink__para_t p;
  ink__text_style_t style;
  CHECK_EQ_INT (set (&e, text, "ar", e.naskh, 30, INK_PARA_JUSTIFY, false, 420, 0, &sh, &p, &style),
                INK_OK);
  CHECK (p.lines.n >= 3);
  size_t stretched = 0;
  for (size_t k = 0; k < p.lines.n; k++) {
    const ink__line_t *ln = &p.lines.v[k];
    size_t nt = 0;
    for (size_t r = 0; r < ln->nr; r++) {
      const ink__lrun_t *lr = &p.runs.v[ln->r0 + r];
      for (size_t g = 0; g < lr->ng; g++)
        if (p.glyphs.v[lr->g0 + g].gid == tatweel)
          nt++;
    }
    if (k + 1 < p.lines.n) {
      if (nt)
        stretched++;
      /* The line fills the measure whatever share the kashida took. */
      CHECK (ln->width >= 420 * 64 - 64 && ln->width <= 420 * 64 + 64);
    } else {
      CHECK_EQ_INT (nt, 0);
    }
  }
  CHECK (stretched > 0);
  unset (&sh, &p);
  /* Urdu in Nastaliq: no tatweel. */
  ink__face_t *nastaliq;
  CHECK (ink__fontset_face (e.fs, "NotoNastaliqUrdu-Regular.ttf", &nastaliq) == INK_OK);
  CHECK_EQ_INT (set (&e, text, "ur", nastaliq, 30, INK_PARA_JUSTIFY, false, 420, 0, &sh, &p, &style),
                INK_OK);
  hb_codepoint_t ut = 0;
  hb_font_get_nominal_glyph (nastaliq->hb_font, 0x0640, &ut);
  size_t nt = 0;
  for (size_t g = 0; g < p.glyphs.n; g++)
    if (ut && p.glyphs.v[g].gid == ut)
      nt++;
  CHECK_EQ_INT (nt, 0);
  unset (&sh, &p);
  env_close (&e);
}

/* A style that allows letter-spacing takes some of a loose line's slack between letters, so
 * its widest space is narrower than without; lines still fill the measure. */
TEST (letter_spacing)
{
  env_t e;
  CHECK (env_open (&e));
  const char *text = "Diplomatic and military officials told The Express Tribune that Pakistan "
                     "made overtures to China early this year when its relationship with the "
                     "US was weakened by several controversies.";
  int32_t widest[2] = { 0, 0 };
  for (int pass = 0; pass < 2; pass++) {
    ink__text_style_t style = { 0 };
    style.face = e.serif;
    style.size_px = 30;
    ink__style_range_t r = { 0, strlen (text), &style, NULL };
    ink__shape_opts_t so = { "en", 0, fallback, &e };
    ink__shaped_t sh;
    ink__para_t p;
    CHECK_EQ_INT (ink__shape_paragraph (e.ctx, e.fs, text, strlen (text), &r, 1, &so, &sh), INK_OK);
    int32_t measure = 260 * 64;
    ink__para_opts_t po = { "en", INK_PARA_JUSTIFY, false, 0, &measure, 1, NULL,
                            pass ? 30 * 64 / 20 : 0, 0, 0, false, false };
    CHECK_EQ_INT (ink__para_build (e.ctx, &sh, &po, &p), INK_OK);
    for (size_t k = 0; k + 1 < p.lines.n; k++) {
      const ink__line_t *ln = &p.lines.v[k];
      CHECK (ln->width >= measure - 64 && ln->width <= measure + 64);
      /* The widest gap: from one glyph to the next where a space sits between words. */
      for (size_t r2 = 0; r2 < ln->nr; r2++) {
        const ink__lrun_t *lr = &p.runs.v[ln->r0 + r2];
        for (size_t g = 0; g + 1 < lr->ng; g++) {
          const ink__pglyph_t *a = &p.glyphs.v[lr->g0 + g], *b = &p.glyphs.v[lr->g0 + g + 1];
          if (text[a->cluster] == ' ' && b->x - a->x > widest[pass])
            widest[pass] = b->x - a->x;
        }
      }
    }
    ink__para_free (&p);
    ink__shaped_free (&sh);
  }
  CHECK (widest[1] < widest[0]);
  env_close (&e);
}

/* A word whose width passes 2^31 in 1/64 px (a million W at 40 px: about 2.4e9) is still
 * broken by the emergency pass into lines within the measure; its width never wraps into
 * a negative one that "fits" on one line. */
TEST (huge_word)
{
  enum { N = 1000000 };
  char *text = malloc (N + 1);
  CHECK (text != NULL);
  if (!text)
    return;
  memset (text, 'W', N);
  text[N] = 0;
  env_t e;
  CHECK (env_open (&e));
  ink__shaped_t sh;
  ink__para_t p;
  ink__text_style_t st;
  CHECK_EQ_INT (set (&e, text, "en", e.serif, 40, INK_PARA_START, false, 4000, 0, &sh, &p, &st),
                INK_OK);
  check_conserved (&sh, &p);
  int64_t total = 0;
  for (size_t i = 0; i < sh.glyphs.n; i++)
    total += sh.glyphs.v[i].advance;
  CHECK (total > INT32_MAX);
  size_t glyphs = 0;
  for (size_t i = 0; i < p.lines.n; i++) {
    const ink__line_t *l = &p.lines.v[i];
    CHECK (l->width > 0 && l->width <= 4000 * 64 + 64);
    CHECK (!l->overfull);
    glyphs += l->nglyphs - l->hyphenated;
  }
  CHECK_EQ_INT (glyphs, N);
  CHECK_EQ_INT (p.overfull, 0);
  CHECK ((int64_t) p.lines.n >= total / (4000 * 64));
  unset (&sh, &p);
  env_close (&e);
  free (text);
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
 * after each cluster (but a line's first and last, and those beside a space) is at most 1/8 em,
 * none after a prevowel;
 * a line fills its measure, or is left short with every gap at its limit. */
static void
check_cluster_lines (env_t *e, const char *font, const char *lang, const char *text, int measure,
                     cluster_stats_t *s)
{
  enum { SIZE = 20, LIMIT = SIZE * 64 / 8 };
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

/* Short words, so many spaces to shrink: one line fewer is within reach at some measures. */
static const char loose_text[] =
  "It is not yet clear how or when the two of them will meet, but we do know that it will be "
  "soon, and that the talks may go on for a day or two if all of the men who run the city are "
  "there to hear what the new plan is and how it will work for all of us. So far, no.";

/* Looseness on an English paragraph at many measures: each result has the optimum's line
 * count plus the looseness it reports met, one line more or fewer is met at some measures,
 * and an ask the paragraph cannot meet (seven lines fewer) returns the optimum's count. */
TEST (looseness)
{
  env_t e;
  CHECK (env_open (&e));
  size_t more = 0, fewer = 0;
  for (int w = 200; w <= 400; w += 4) {
    ink__shaped_t sh;
    ink__para_t p;
    ink__text_style_t st;
    if (set (&e, loose_text, "en", e.serif, 18, INK_PARA_JUSTIFY, true, w, 0, &sh, &p, &st) != INK_OK) {
      CHECK (0);
      continue;
    }
    size_t n = p.lines.n;
    int pass = p.pass;
    CHECK_EQ_INT (p.optimal_lines, n);
    CHECK_EQ_INT (p.looseness, 0);
    ink__para_free (&p);
    int32_t measure = w * 64;
    for (int want = -1; want <= 1; want += 2) {
      ink__para_opts_t po = { "en", INK_PARA_JUSTIFY, true, 0, &measure, 1, e.hy, 0, 0, 0, false, false };
      po.looseness = want;
      CHECK_EQ_INT (ink__para_build (e.ctx, &sh, &po, &p), INK_OK);
      check_conserved (&sh, &p);
      CHECK_EQ_INT (p.optimal_lines, n);
      CHECK (p.looseness == 0 || p.looseness == want);
      CHECK_EQ_INT ((long long) p.lines.n, (long long) n + p.looseness);
      CHECK (p.pass < 4 || p.pass == pass);
      more += want > 0 && p.looseness == want;
      fewer += want < 0 && p.looseness == want;
      ink__para_free (&p);
    }
    ink__para_opts_t po = { "en", INK_PARA_JUSTIFY, true, 0, &measure, 1, e.hy, 0, 0, 0, false, false };
    po.looseness = -(int) n - 1;
    CHECK_EQ_INT (ink__para_build (e.ctx, &sh, &po, &p), INK_OK);
    CHECK (p.looseness > po.looseness);
    CHECK_EQ_INT ((long long) p.lines.n, (long long) n + p.looseness);
    unset (&sh, &p);
  }
  CHECK (more > 20);
  CHECK (fewer > 0);
  env_close (&e);
}

/* Word spaces that shrink to half their width (tight): at some measures a justified
 * paragraph that cannot be set a line shorter with spaces that shrink to a third is so set,
 * never at one where it can be with those; no line is wider than its measure, and no word
 * space narrower than half its natural width. */
TEST (tight_spaces_set_a_line_shorter)
{
  env_t e;
  CHECK (env_open (&e));
  size_t only_tight = 0;
  for (int w = 200; w <= 400; w += 4) {
    ink__shaped_t sh;
    ink__para_t p, t;
    ink__text_style_t st;
    if (set (&e, loose_text, "en", e.serif, 18, INK_PARA_JUSTIFY, true, w, 0, &sh, &p, &st) != INK_OK) {
      CHECK (0);
      continue;
    }
    int32_t measure = w * 64;
    ink__para_opts_t po = { "en", INK_PARA_JUSTIFY, true, 0, &measure, 1, e.hy, 0, 0, -1, false, false };
    CHECK_EQ_INT (ink__para_build (e.ctx, &sh, &po, &t), INK_OK);
    bool plain = t.lines.n < p.lines.n;
    ink__para_free (&t);
    po.tight = true;
    po.looseness = 0;
    CHECK_EQ_INT (ink__para_build (e.ctx, &sh, &po, &t), INK_OK);
    check_conserved (&sh, &t);
    CHECK (t.lines.n <= p.lines.n);
    for (size_t k = 0; k < t.lines.n; k++) {
      CHECK (t.lines.v[k].width <= t.lines.v[k].measure + 64);
      CHECK (t.lines.v[k].ratio >= -1.0);
    }
    only_tight += !plain && t.lines.n < p.lines.n;
    ink__para_free (&t);
    unset (&sh, &p);
  }
  CHECK (only_tight > 0);
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

/* A word too wide for the line breaks at its hyphenation points in the emergency pass, in
 * a style that hyphenates and in one that does not: a break between two letters elsewhere
 * shows a hyphen too and keeps the rules of hyphens, and costs more ("Jähr-liche", not
 * "Jäh-rliche"; "Heiz-kosten", not "Hei-zkosten"). */
TEST (emergency_pass_takes_points)
{
  static const char *const words[] = { "Jährliche", "Investition", "Heizkosten",
                                       "Luftwasserwärmepumpe", "Kohlendioxidausstoß" };
  env_t e;
  CHECK (env_open (&e));
  for (int hyphenate = 0; hyphenate < 2; hyphenate++)
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
      for (int w = 80; w <= 100; w += 20) {
        ink__shaped_t sh;
        ink__para_t p;
        ink__text_style_t st;
        size_t n = strlen (words[i]);
        uint8_t points[32];
        ink__hyphenate (e.hy, "de", words[i], n, 0, 0, 0, points);
        CHECK_EQ_INT (set (&e, words[i], "de", e.serif, 20, INK_PARA_START, hyphenate, w, 0,
                           &sh, &p, &st), INK_OK);
        for (size_t k = 0; k + 1 < p.lines.n; k++) {
          CHECK (p.lines.v[k].hyphenated);
          CHECK (points[p.lines.v[k].end - 1]);
        }
        unset (&sh, &p);
      }
  env_close (&e);
}

/* An emergency break that shows a hyphen leaves two letters at least on either side: a
 * Russian word in a measure narrower than its pieces between hyphenation points (but wide
 * enough for two letters and a hyphen) never leaves a one-letter piece ("Воз-рас-т",
 * "Уче-нико-в"). */
TEST (emergency_leaves_two_letters)
{
  static const char *const words[] = { "Возраст", "Учеников", "мальчиков", "соцсетей", "Узнали" };
  env_t e;
  CHECK (env_open (&e));
  for (size_t i = 0; i < sizeof words / sizeof *words; i++)
    for (int w = 48; w <= 80; w += 4) {
      ink__shaped_t sh;
      ink__para_t p;
      ink__text_style_t st;
      const char *t = words[i];
      CHECK_EQ_INT (set (&e, t, "ru", e.serif, 20, INK_PARA_START, false, w, 0, &sh, &p, &st),
                    INK_OK);
      for (size_t k = 0; k < p.lines.n; k++) {
        size_t letters = 0;
        for (size_t b = p.lines.v[k].start; b < p.lines.v[k].end; b++)
          letters += ((unsigned char) t[b] & 0xC0) != 0x80;
        if (letters < 2)
          fprintf (stderr, "  %s at %d px: line %zu has %zu letter(s)\n", t, w, k, letters);
        CHECK (letters >= 2);
      }
      unset (&sh, &p);
    }
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
  RUN (hyphenation_justified);
  RUN (total_fit_vs_first_fit);
  RUN (reshape_at_unsafe_breaks);
  RUN (justified_column_fills_measure);
  RUN (overlong_word);
  RUN (overlong_figure_breaks_bare);
  RUN (emergency_pass_takes_points);
  RUN (emergency_leaves_two_letters);
  RUN (emergency_keeps_kinsoku);
  RUN (long_compound);
  RUN (rtl_alignment);
  RUN (kashida);
  RUN (letter_spacing);
  RUN (huge_word);
  RUN (cluster_justification);
  RUN (looseness);
  RUN (tight_spaces_set_a_line_shorter);
  RUN (cjk_punctuation);
  RUN (cjk_ragged_breaks_at_space);
  RUN (cjk_no_lone_last_character);
  return test_summary ();
}
