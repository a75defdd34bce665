/* The paragraph builder on real shaped paragraphs with the bundled fonts: hyphenation in
 * justified English, total fit against first fit, reshaping at breaks, full measure in a
 * justified column, right-to-left alignment, kashida, letter-spacing, looseness. Words too
 * wide for the measure are in test_para_overlong.c; scripts set without word spaces in
 * test_para_nospace.c. */
#include "test.h"
#include "paraenv.h"

static const char english[] =
  "Diplomatic and military officials told The Express Tribune that Pakistan made overtures to "
  "China early this year when its relationship with the US was weakened by several "
  "controversies. Islamabad used backdoor and regular diplomatic channels in an attempt to "
  "convince the Chinese leadership that the agreement was mutually beneficial, the officials "
  "said. Experts appeared to be divided on how China is responding to Pakistan's request.";

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
  ink__shape_opts_t so = { "en", 1, fallback, e, 0 };
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
  /* Arabic words quoted in an English paragraph: its spaces are widened, the words set as
   * they are (they were stretched by tatweels, as an Arabic line is). */
  const char *mixed = "The stall sold \u0645\u0646\u0627\u0642\u064a\u0634 (manakish) and "
                      "handed out free cups of sweet tea, \u0634\u0627\u064a, to anyone who "
                      "waited, and \u0646\u0647\u0627\u0631\u064a from a steel pot the size "
                      "of a dustbin until \u0627\u0644\u0638\u0647\u0631 on Saturday.";
  CHECK_EQ_INT (set (&e, mixed, "en", e.serif, 18, INK_PARA_JUSTIFY, false, 260, 0, &sh, &p,
                     &style),
                INK_OK);
  CHECK (p.lines.n >= 3);
  nt = 0;
  for (size_t r = 0; r < p.runs.n; r++)
    for (size_t g = 0; p.runs.v[r].face == e.naskh && g < p.runs.v[r].ng; g++)
      nt += p.glyphs.v[p.runs.v[r].g0 + g].gid == tatweel;
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
    ink__shape_opts_t so = { "en", 0, fallback, &e, 0 };
    ink__shaped_t sh;
    ink__para_t p;
    CHECK_EQ_INT (ink__shape_paragraph (e.ctx, e.fs, text, strlen (text), &r, 1, &so, &sh), INK_OK);
    int32_t measure = 260 * 64;
    ink__para_opts_t po = { "en", INK_PARA_JUSTIFY, false, 0, &measure, 1, NULL,
                            pass ? 30 * 64 / 20 : 0, 0, 0, false, false, false, false, 0, false, false };
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
      ink__para_opts_t po = { "en", INK_PARA_JUSTIFY, true, 0, &measure, 1, e.hy, 0, 0, 0, false, false, false, false, 0, false, false };
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
    ink__para_opts_t po = { "en", INK_PARA_JUSTIFY, true, 0, &measure, 1, e.hy, 0, 0, 0, false, false, false, false, 0, false, false };
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
    ink__para_opts_t po = { "en", INK_PARA_JUSTIFY, true, 0, &measure, 1, e.hy, 0, 0, -1, false, false, false, false, 0, false, false };
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

/* A line more asked for with the stretch between letters counted (letter_stretch, make-up's
 * last resort on a last page): at some measures a justified paragraph whose style lets letters
 * spread is set a line longer only so. Where letters take a share of a line's stretch, its
 * spaces open less than the breaker's ratio says (ink__line_t.opened); without letter spacing
 * the flag changes nothing. */
TEST (letters_stretch_a_line_longer)
{
  env_t e;
  CHECK (env_open (&e));
  size_t only_letters = 0, shared = 0;
  for (int w = 200; w <= 400; w += 4) {
    ink__shaped_t sh;
    ink__para_t p, t;
    ink__text_style_t st;
    if (set (&e, loose_text, "en", e.serif, 18, INK_PARA_JUSTIFY, true, w, 0, &sh, &p, &st) != INK_OK) {
      CHECK (0);
      continue;
    }
    int32_t measure = w * 64;
    ink__para_opts_t po = { "en", INK_PARA_JUSTIFY, true, 0, &measure, 1, e.hy, 0, 0, 1, false, false, false, false, 0, false, false };
    po.letter_space_max = 18 * 64 / 50;   /* 0.02 em */
    CHECK_EQ_INT (ink__para_build (e.ctx, &sh, &po, &t), INK_OK);
    bool plain = t.looseness == 1;
    for (size_t k = 0; k + 1 < t.lines.n; k++) {
      const ink__line_t *ln = &t.lines.v[k];
      CHECK (ln->opened <= ln->ratio + 1e-9);   /* letters only take a share */
      shared += ln->opened < ln->ratio - 0.01;
    }
    ink__para_free (&t);
    po.letter_stretch = true;
    CHECK_EQ_INT (ink__para_build (e.ctx, &sh, &po, &t), INK_OK);
    check_conserved (&sh, &t);
    CHECK (t.looseness == 1 || !plain);
    for (size_t k = 0; k < t.lines.n; k++)
      CHECK (t.lines.v[k].width <= t.lines.v[k].measure + 64);
    only_letters += !plain && t.looseness == 1;
    ink__para_free (&t);
    po.letter_space_max = 0;   /* nothing between letters: as without the flag */
    CHECK_EQ_INT (ink__para_build (e.ctx, &sh, &po, &t), INK_OK);
    CHECK_EQ_INT (t.looseness == 1, plain);
    for (size_t k = 0; k < t.lines.n; k++)
      CHECK (t.lines.v[k].opened == t.lines.v[k].ratio);
    ink__para_free (&t);
    unset (&sh, &p);
  }
  CHECK (only_letters > 0);
  CHECK (shared > 0);
  env_close (&e);
}

int
main (void)
{
  RUN (hyphenation_justified);
  RUN (total_fit_vs_first_fit);
  RUN (reshape_at_unsafe_breaks);
  RUN (justified_column_fills_measure);
  RUN (rtl_alignment);
  RUN (kashida);
  RUN (letter_spacing);
  RUN (looseness);
  RUN (tight_spaces_set_a_line_shorter);
  RUN (letters_stretch_a_line_longer);
  return test_summary ();
}
