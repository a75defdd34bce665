/* Shaping of real paragraphs with the bundled fonts: bidi levels and runs of an Urdu
 * paragraph with English words and digits, the visual order of its line; script runs and
 * font fallback per grapheme cluster (a mark never leaves its base); shaping in bounded pieces
 * gives the glyphs of shaping whole, and hostile runs (300,000 marks on one letter) stay linear. */
#define _POSIX_C_SOURCE 200809L
#include "breaks.h"
#include "para.h"
#include "test.h"

#include <time.h>

typedef struct {
  ink_context_t *ctx;
  ink_fontset_t *fs;
  ink__face_t *serif, *nastaliq, *naskh, *deva, *hebrew, *cjk;
} fonts_t;

static bool
fonts_open (fonts_t *f)
{
  memset (f, 0, sizeof *f);
  if (ink_context_create (NULL, NULL, &f->ctx) != INK_OK)
    return false;
  if (ink_fontset_create (f->ctx, INK_SOURCE_DIR "/fonts", &f->fs) != INK_OK)
    return false;
  return ink__fontset_face (f->fs, "NotoSerif-Regular.ttf", &f->serif) == INK_OK &&
         ink__fontset_face (f->fs, "NotoNastaliqUrdu-Regular.ttf", &f->nastaliq) == INK_OK &&
         ink__fontset_face (f->fs, "NotoNaskhArabic-Regular.ttf", &f->naskh) == INK_OK &&
         ink__fontset_face (f->fs, "NotoSansDevanagari-Regular.ttf", &f->deva) == INK_OK &&
         ink__fontset_face (f->fs, "NotoSansHebrew-Regular.ttf", &f->hebrew) == INK_OK &&
         ink__fontset_face (f->fs, "NotoSansCJKsc-Subset.otf", &f->cjk) == INK_OK;
}

static void
fonts_close (fonts_t *f)
{
  ink_fontset_destroy (f->fs);
  ink_context_destroy (f->ctx);
}

/* The templates' default fallback chains. */
static ink__face_t *
fallback (void *user, const ink__text_style_t *style, hb_script_t script, const char *lang,
          uint32_t cp)
{
  (void) style;
  fonts_t *f = user;
  (void) cp;
  switch (script) {
  case HB_SCRIPT_ARABIC:
    return lang && !strncmp (lang, "ur", 2) ? f->nastaliq : f->naskh;
  case HB_SCRIPT_DEVANAGARI: return f->deva;
  case HB_SCRIPT_HEBREW: return f->hebrew;
  case HB_SCRIPT_HAN:
  case HB_SCRIPT_HIRAGANA:
  case HB_SCRIPT_KATAKANA: return f->cjk;
  default: return f->serif;
  }
}

static ink_status_t
shape (fonts_t *f, const char *text, const char *lang, const ink__text_style_t *style,
       ink__shaped_t *sh)
{
  ink__style_range_t r = { 0, strlen (text), style, NULL };
  ink__shape_opts_t o = { lang, 0, fallback, f, 0 };
  return ink__shape_paragraph (f->ctx, f->fs, text, strlen (text), &r, 1, &o, sh);
}

static const ink__run_t *
run_of (const ink__shaped_t *sh, size_t off)
{
  for (size_t i = 0; i < sh->runs.n; i++)
    if (sh->runs.v[i].start <= off && off < sh->runs.v[i].end)
      return &sh->runs.v[i];
  return NULL;
}

static size_t
find (const char *text, const char *needle)
{
  const char *p = strstr (text, needle);
  return p ? (size_t) (p - text) : (size_t) -1;
}

/* Urdu with an English company name and digits: the paragraph is RTL (level 1), the
 * English word and the number are embedded LTR (level 2), and a line of it shows the
 * logical end at the left. */
TEST (bidi_urdu_english_digits)
{
  fonts_t f;
  CHECK (fonts_open (&f));
  ink__text_style_t st = { f.nastaliq, 24, 0, 0, false, NULL, 0, false, false };
  const char *text = "کراچی میں K-Electric نے 2024 میں بجلی بحال کی۔";
  ink__shaped_t sh;
  CHECK_EQ_INT (shape (&f, text, "ur", &st, &sh), INK_OK);
  CHECK_EQ_INT (sh.base_level, 1);
  CHECK_EQ_INT (sh.missing, 0);
  size_t ke = find (text, "K-Electric"), y = find (text, "2024"), u = find (text, "بجلی");
  CHECK_EQ_INT (sh.levels[0], 1);
  CHECK_EQ_INT (sh.levels[ke], 2);
  CHECK_EQ_INT (sh.levels[ke + 9], 2);                 /* the final "c" */
  CHECK_EQ_INT (sh.levels[ke + 1], 2);                 /* the hyphen between letters */
  CHECK_EQ_INT (sh.levels[y], 2);
  CHECK_EQ_INT (sh.levels[y + 3], 2);
  CHECK_EQ_INT (sh.levels[u], 1);
  CHECK_EQ_INT (sh.levels[ke - 1], 1);                 /* the space before the English */

  /* Runs cover the text in logical order, each of one level and script. */
  size_t at = 0;
  for (size_t i = 0; i < sh.runs.n; i++) {
    const ink__run_t *r = &sh.runs.v[i];
    CHECK_EQ_INT (r->start, at);
    at = r->end;
    for (size_t k = r->start; k < r->end; k++)
      if (sh.levels[k] != r->level) {
        CHECK_EQ_INT (sh.levels[k], r->level);
        break;
      }
  }
  CHECK_EQ_INT (at, strlen (text));
  const ink__run_t *rk = run_of (&sh, ke), *ry = run_of (&sh, y), *ru = run_of (&sh, 0);
  CHECK (rk && ry && ru);
  if (rk && ry && ru) {
    CHECK_EQ_INT (rk->script, HB_SCRIPT_LATIN);
    CHECK (rk->face == f.serif);                       /* Nastaliq has no Latin letters */
    CHECK_EQ_INT (ru->script, HB_SCRIPT_ARABIC);
    CHECK (ru->face == f.nastaliq);
    CHECK_EQ_INT (ry->level, 2);
    /* HarfBuzz gives RTL runs in visual order: clusters fall left to right. */
    const ink__glyph_t *g = sh.glyphs.v + ru->g0;
    CHECK (ru->ng > 1 && g[0].cluster >= g[ru->ng - 1].cluster);
    g = sh.glyphs.v + rk->g0;
    CHECK (rk->ng > 1 && g[0].cluster < g[rk->ng - 1].cluster);
  }

  /* One line: runs in visual order. From the left: the last words, the number, the words
   * between, the English name, the first words. */
  int32_t measure = 4000 * 64;
  ink__para_opts_t po = { "ur", INK_PARA_START, false, 0, &measure, 1, NULL, 0, 0, 0, false, false, false, false, 0, false, false };
  ink__para_t p;
  CHECK_EQ_INT (ink__para_build (f.ctx, &sh, &po, &p), INK_OK);
  CHECK_EQ_INT (p.lines.n, 1);
  if (p.lines.n == 1) {
    const ink__line_t *l = &p.lines.v[0];
    CHECK (l->rtl);
    CHECK_EQ_INT (l->left, measure - l->width);        /* start is the right */
    /* Leftmost glyph belongs to the logical end, rightmost to the start. */
    const ink__pglyph_t *g0 = &p.glyphs.v[p.runs.v[l->r0].g0];
    const ink__lrun_t *lastr = &p.runs.v[l->r0 + l->nr - 1];
    const ink__pglyph_t *gl = &p.glyphs.v[lastr->g0 + lastr->ng - 1];
    CHECK (g0->cluster > u);
    CHECK (gl->cluster < ke);
    /* Where the English and the number sit, from the left. */
    long pos_ke = -1, pos_y = -1, pos_u = -1;
    for (size_t i = 0; i < l->nglyphs; i++) {
      const ink__pglyph_t *g = &p.glyphs.v[p.runs.v[l->r0].g0 + i];
      if (g->cluster == ke && pos_ke < 0)
        pos_ke = g->x;
      if (g->cluster == y && pos_y < 0)
        pos_y = g->x;
      if (g->cluster == u && pos_u < 0)
        pos_u = g->x;
    }
    CHECK (pos_ke >= 0 && pos_y >= 0 && pos_u >= 0);
    CHECK (pos_u < pos_y);      /* the words after the number are left of it */
    CHECK (pos_y < pos_ke);     /* the number is left of the English, which comes before it */
    /* Inside the LTR runs, glyphs go left to right in logical order. */
    for (size_t r = l->r0; r < l->r0 + l->nr; r++) {
      const ink__lrun_t *lr = &p.runs.v[r];
      if (lr->level != 2)
        continue;
      for (size_t i = 1; i < lr->ng; i++)
        CHECK (p.glyphs.v[lr->g0 + i].cluster >= p.glyphs.v[lr->g0 + i - 1].cluster);
    }
  }
  ink__para_free (&p);
  ink__shaped_free (&sh);
  fonts_close (&f);
}

/* Every grapheme cluster is shaped in one face and one run: its bytes do not straddle a
 * run boundary. */
static void
check_clusters_whole (const ink__shaped_t *sh, const char *text)
{
  size_t len = strlen (text);
  uint8_t *gb = malloc (len);
  ink__graphemes (text, len, gb);
  size_t a = 0;
  for (size_t i = 0; i < len; i++) {
    if (!gb[i])
      continue;
    const ink__run_t *ra = run_of (sh, a), *rb = run_of (sh, i);
    if (ra != rb) {
      fprintf (stderr, "cluster at byte %zu..%zu is cut between runs\n", a, i);
      CHECK (0);
    }
    a = i + 1;
  }
  free (gb);
}

TEST (fallback_per_cluster)
{
  fonts_t f;
  CHECK (fonts_open (&f));
  ink__text_style_t st = { f.serif, 20, 0, 0, false, NULL, 0, false, false };
  /* A Devanagari word with a conjunct, a vowel sign and a nasal sign; an accent written with
   * a combining mark in the Latin; a Vedic accent (script Inherited) on a Devanagari
   * letter. */
  const char *text = "The word क्षत्रियों (cafe\xcc\x81) and the accent क\xe0\xa5\x91 stay whole.";
  ink__shaped_t sh;
  CHECK_EQ_INT (shape (&f, text, "en", &st, &sh), INK_OK);
  CHECK_EQ_INT (sh.missing, 0);
  CHECK_EQ_INT (sh.base_level, 0);
  size_t d0 = find (text, "क्ष"), d1 = find (text, " (cafe");
  size_t acc = find (text, "क\xe0\xa5\x91");
  size_t cafe = find (text, "cafe");
  for (size_t k = d0; k < d1; k++) {
    const ink__run_t *r = run_of (&sh, k);
    CHECK (r && r->face == f.deva && r->script == HB_SCRIPT_DEVANAGARI);
    if (!(r && r->face == f.deva))
      break;
  }
  /* The accent cluster: base and mark in the Devanagari face. */
  const ink__run_t *ra = run_of (&sh, acc), *rm = run_of (&sh, acc + 3);
  CHECK (ra && ra == rm && ra->face == f.deva);
  /* The Latin word with its combining acute stays in the serif face, in one run. */
  const ink__run_t *rc = run_of (&sh, cafe), *ra2 = run_of (&sh, cafe + 4);
  CHECK (rc && rc == ra2 && rc->face == f.serif && rc->script == HB_SCRIPT_LATIN);
  CHECK (run_of (&sh, 0)->face == f.serif);
  check_clusters_whole (&sh, text);
  /* Every glyph lies in the run whose bytes hold its cluster. */
  for (size_t i = 0; i < sh.runs.n; i++) {
    const ink__run_t *r = &sh.runs.v[i];
    for (size_t g = r->g0; g < r->g0 + r->ng; g++)
      CHECK (sh.glyphs.v[g].cluster >= r->start && sh.glyphs.v[g].cluster < r->end);
  }
  /* The conjunct forms: fewer glyphs than code points in the Devanagari word. */
  size_t ng = 0, ncp = 0;
  for (size_t g = 0; g < sh.glyphs.n; g++)
    if (sh.glyphs.v[g].cluster >= d0 && sh.glyphs.v[g].cluster < d1)
      ng++;
  for (size_t c = 0; c < sh.ncps; c++)
    if (sh.cp_off[c] >= d0 && sh.cp_off[c] < d1)
      ncp++;
  CHECK (ng > 0 && ng < ncp);
  ink__shaped_free (&sh);
  fonts_close (&f);
}

/* The fallback chains, counting how often they are asked. */
static int fallback_asked;

static ink__face_t *
counting_fallback (void *user, const ink__text_style_t *style, hb_script_t script,
                   const char *lang, uint32_t cp)
{
  fallback_asked++;
  return fallback (user, style, script, lang, cp);
}

/* A line break inside a paragraph (a comment's text over two lines) stays in the style's face
 * with the text around it, and the fallback chains are not asked for it: no face has a glyph
 * for it, and the chain's faces would be opened to look. */
TEST (line_break_keeps_style_face)
{
  fonts_t f;
  CHECK (fonts_open (&f));
  ink__text_style_t st = { f.serif, 20, 0, 0, false, NULL, 0, false, false };
  const char *text = "You stated: When India attacked\nWell, that never happened.";
  ink__style_range_t r = { 0, strlen (text), &st, NULL };
  ink__shape_opts_t o = { "en", 0, counting_fallback, &f, 0 };
  ink__shaped_t sh;
  fallback_asked = 0;
  CHECK_EQ_INT (ink__shape_paragraph (f.ctx, f.fs, text, strlen (text), &r, 1, &o, &sh), INK_OK);
  CHECK_EQ_INT (fallback_asked, 0);
  const ink__run_t *rb = run_of (&sh, find (text, "\n"));
  CHECK (rb && rb->face == f.serif);
  CHECK (rb == run_of (&sh, 0) && rb == run_of (&sh, find (text, "Well")));
  ink__shaped_free (&sh);
  fonts_close (&f);
}

/* A mark whose base is in a script the style's face lacks is never set apart from it, even
 * when the style's face has the mark: the combining acute on a Devanagari letter, and an
 * Arabic haraka on Arabic letters. */
TEST (mark_never_leaves_base)
{
  fonts_t f;
  CHECK (fonts_open (&f));
  ink__text_style_t st = { f.serif, 20, 0, 0, false, NULL, 0, false, false };
  const char *text = "Latin then क\xcc\x81 and "
                     "\xd8\xa8\xd9\x8e\xd8\xa7\xd8\xaa" /* بَات */ " end.";
  ink__shaped_t sh;
  CHECK_EQ_INT (shape (&f, text, "en", &st, &sh), INK_OK);
  check_clusters_whole (&sh, text);
  size_t k = find (text, "क");
  const ink__run_t *rb = run_of (&sh, k), *rm = run_of (&sh, k + 3);
  /* No bundled face has both the letter and U+0301: the letter's face is used, so that
   * only the mark is missing, never the letter. */
  CHECK (rb && rb == rm && rb->face == f.deva);
  CHECK_EQ_INT (sh.missing, 1);
  bool letter = false;
  for (size_t g = 0; g < sh.glyphs.n; g++)
    if (sh.glyphs.v[g].cluster == k && sh.glyphs.v[g].gid != 0)
      letter = true;
  CHECK (letter);
  size_t b = find (text, "\xd8\xa8");
  const ink__run_t *ab = run_of (&sh, b), *am = run_of (&sh, b + 2);
  CHECK (ab && ab == am && ab->face == f.naskh && (ab->level & 1));
  ink__shaped_free (&sh);
  fonts_close (&f);
}

/* Script runs change where the script changes, not at spaces or punctuation between words of
 * one script. */
TEST (script_runs)
{
  fonts_t f;
  CHECK (fonts_open (&f));
  ink__text_style_t st = { f.serif, 20, 0, 0, false, NULL, 0, false, false };
  const char *text = "News: 上海图书馆，东馆开放。 Then Hindi: नई लाइन, and Hebrew: שלום עולם.";
  ink__shaped_t sh;
  CHECK_EQ_INT (shape (&f, text, "en", &st, &sh), INK_OK);
  CHECK_EQ_INT (sh.missing, 0);
  check_clusters_whole (&sh, text);
  const ink__run_t *h = run_of (&sh, find (text, "上")), *hc = run_of (&sh, find (text, "，"));
  CHECK (h && h == hc && h->face == f.cjk);           /* the comma stays with the Han run */
  const ink__run_t *d = run_of (&sh, find (text, "नई")), *d2 = run_of (&sh, find (text, "लाइन"));
  CHECK (d && d == d2 && d->face == f.deva);          /* the space inside stays too */
  const ink__run_t *he = run_of (&sh, find (text, "שלום"));
  CHECK (he && he->face == f.hebrew && he->level == 1);
  CHECK (run_of (&sh, find (text, "Then"))->face == f.serif);
  ink__shaped_free (&sh);
  fonts_close (&f);
}

/* The prefix, then n copies of unit; exits when out of memory. */
static char *
repeat (const char *prefix, const char *unit, size_t n, size_t *len)
{
  size_t lp = strlen (prefix), lu = strlen (unit);
  *len = lp + lu * n;
  char *text = malloc (*len + 1);
  if (!text)
    exit (1);
  memcpy (text, prefix, lp);
  for (size_t i = 0; i < n; i++)
    memcpy (text + lp + i * lu, unit, lu);
  text[*len] = 0;
  return text;
}

static ink_status_t
shape_len (fonts_t *f, const char *text, size_t len, const char *lang,
           const ink__text_style_t *style, ink__shaped_t *sh)
{
  ink__style_range_t r = { 0, len, style, NULL };
  ink__shape_opts_t o = { lang, 0, fallback, f, 0 };
  return ink__shape_paragraph (f->ctx, f->fs, text, len, &r, 1, &o, sh);
}

/* A paragraph of n copies of the UTF-8 unit after a prefix, shaped and set in 600px lines:
 * every byte lies on exactly one line, in order (nothing dropped or doubled), and every
 * glyph's cluster lies inside its run. Prints the time taken; long unbreakable runs are
 * shaped in bounded pieces, so this stays linear in n. */
static void
check_long_run (fonts_t *f, const ink__text_style_t *st, const char *lang, const char *prefix,
                const char *unit, size_t n, const char *what)
{
  size_t len;
  char *text = repeat (prefix, unit, n, &len);
  struct timespec t0, t1;
  clock_gettime (CLOCK_MONOTONIC, &t0);
  ink__shaped_t sh;
  CHECK_EQ_INT (shape_len (f, text, len, lang, st, &sh), INK_OK);
  CHECK_EQ_INT (sh.missing, 0);
  int32_t measure = 600 * 64;
  ink__para_opts_t po = { lang, INK_PARA_START, false, 0, &measure, 1, NULL, 0, 0, 0, false, false, false, false, 0, false, false };
  ink__para_t p;
  CHECK_EQ_INT (ink__para_build (f->ctx, &sh, &po, &p), INK_OK);
  clock_gettime (CLOCK_MONOTONIC, &t1);
  double ms = (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6;
  printf ("  %s: %zu bytes, %zu runs, %zu glyphs, %zu lines in %.0f ms\n", what, len, sh.runs.n,
          sh.glyphs.n, p.lines.n, ms);
  size_t at = 0;
  for (size_t i = 0; i < p.lines.n; i++) {
    if (p.lines.v[i].start != at) {
      CHECK_EQ_INT (p.lines.v[i].start, at);
      break;
    }
    at = p.lines.v[i].end;
  }
  CHECK_EQ_INT (at, len);
  size_t at_run = 0;
  for (size_t i = 0; i < sh.runs.n; i++) {
    const ink__run_t *ru = &sh.runs.v[i];
    CHECK_EQ_INT (ru->start, at_run);
    at_run = ru->end;
    for (size_t g = ru->g0; g < ru->g0 + ru->ng; g++)
      if (sh.glyphs.v[g].cluster < ru->start || sh.glyphs.v[g].cluster >= ru->end) {
        CHECK (sh.glyphs.v[g].cluster >= ru->start && sh.glyphs.v[g].cluster < ru->end);
        break;
      }
  }
  CHECK_EQ_INT (at_run, len);
  ink__para_free (&p);
  ink__shaped_free (&sh);
  free (text);
}

/* Hostile runs: one letter with 300,000 combining acutes, 300,000 letters with no break
 * opportunity, and 300,000 Arabic letters that all join. */
TEST (long_unbreakable_runs)
{
  fonts_t f;
  CHECK (fonts_open (&f));
  ink__text_style_t st = { f.serif, 20, 0, 0, false, NULL, 0, false, false };
  size_t n = 300000;
  check_long_run (&f, &st, "en", "a", "\xcc\x81", n, "one letter, combining acutes");
  check_long_run (&f, &st, "en", "", "a", n, "letters");
  ink__text_style_t ar = { f.naskh, 20, 0, 0, false, NULL, 0, false, false };
  check_long_run (&f, &ar, "ar", "", "\xd8\xa8", n, "joining Arabic letters");
  fonts_close (&f);
}

/* Shaping in pieces gives the glyphs of shaping whole: a paragraph of one phrase said 1000
 * times (far past a piece) is one run whose glyphs repeat with the phrase's period, kerning,
 * ligatures and joining included, wherever the pieces were cut. */
static void
check_periodic (fonts_t *f, const ink__text_style_t *st, const char *lang, const char *unit)
{
  size_t reps = 1000, len;
  char *text = repeat ("", unit, reps, &len);
  ink__shaped_t sh;
  CHECK_EQ_INT (shape_len (f, text, len, lang, st, &sh), INK_OK);
  CHECK_EQ_INT (sh.runs.n, 1);
  CHECK_EQ_INT (sh.glyphs.n % reps, 0);
  size_t period = sh.glyphs.n / reps;
  CHECK (period > 0 && sh.ncps > 4096 * 2);
  /* The first and last phrases touch the paragraph's ends; the ones between must agree. */
  size_t bad = 0;
  for (size_t i = period; i + 2 * period < sh.glyphs.n; i++) {
    const ink__glyph_t *a = &sh.glyphs.v[i], *b = &sh.glyphs.v[i + period];
    if (a->gid != b->gid || a->advance != b->advance || a->dx != b->dx || a->dy != b->dy)
      bad++;
  }
  CHECK_EQ_INT (bad, 0);
  ink__shaped_free (&sh);
  free (text);
}

TEST (pieces_shape_as_whole)
{
  fonts_t f;
  CHECK (fonts_open (&f));
  ink__text_style_t st = { f.serif, 20, 0, 0, false, NULL, 0, false, false };
  check_periodic (&f, &st, "en", "AVATAR office Wave, T.Y. \"Tea\" affine ");
  ink__text_style_t ar = { f.naskh, 20, 0, 0, false, NULL, 0, false, false };
  check_periodic (&f, &ar, "ar", "\xd9\x84\xd8\xa7 \xd8\xa8\xd9\x90\xd8\xb3\xd9\x92\xd9\x85 "
                                 "\xd8\xa7\xd9\x84\xd9\x84\xd9\x87 \xd9\x85\xd8\xad\xd9\x85\xd8\xaf ");
  ink__text_style_t ur = { f.nastaliq, 20, 0, 0, false, NULL, 0, false, false };
  check_periodic (&f, &ur, "ur", "\xda\xa9\xd8\xb1\xd8\xa7\xda\x86\xdb\x8c \xd9\x85\xdb\x8c\xda\xba "
                                 "\xd8\xa8\xd8\xac\xd9\x84\xdb\x8c ");
  fonts_close (&f);
}

/* A cluster no chain's face covers (a private-use character) is looked for among the faces
 * loaded so far, which text shaped before may have added to: the shaping says so
 * (ink__shaped_t.by_loaded), and a layout that reuses shaping shapes such text again. Text
 * the style's face covers is not. */
TEST (face_by_loaded_faces_told)
{
  fonts_t f;
  CHECK (fonts_open (&f));
  ink__text_style_t st = { f.serif, 20, 0, 0, false, NULL, 0, false, false };
  ink__shaped_t sh;
  CHECK_EQ_INT (shape (&f, "Plain text.", "en", &st, &sh), INK_OK);
  CHECK (!sh.by_loaded);
  ink__shaped_free (&sh);
  CHECK_EQ_INT (shape (&f, "Odd \xee\x80\x80 sign.", "en", &st, &sh), INK_OK);
  CHECK (sh.by_loaded);
  ink__shaped_t copy;
  CHECK_EQ_INT (ink__shaped_copy (f.ctx, &sh, sh.text, &copy), INK_OK);
  CHECK (copy.by_loaded && copy.glyphs.n == sh.glyphs.n && copy.glyphs.v != sh.glyphs.v);
  ink__shaped_free (&copy);
  ink__shaped_free (&sh);
  fonts_close (&f);
}

/* Letters by general category: a word's letters take its marks, punctuation and figures do
 * not count. */
TEST (letters)
{
  const uint32_t letters[] = { 'a', 'Z', 0x00DF, 0x01C5, 0x02B0, 0x0915, 0x05D0, 0x4E00 };
  for (size_t i = 0; i < sizeof letters / sizeof *letters; i++) {
    CHECK (ink__is_letter (letters[i]));
    CHECK (ink__is_word_letter (letters[i]));
  }
  const uint32_t marks[] = { 0x0301, 0x093F, 0x0940, 0x094D };   /* Mn and Mc */
  for (size_t i = 0; i < sizeof marks / sizeof *marks; i++) {
    CHECK (!ink__is_letter (marks[i]));
    CHECK (ink__is_word_letter (marks[i]));
  }
  const uint32_t others[] = { '1', '.', '-', ' ', 0x00B7, 0x20DD, 0x0966, 0x2014 };
  for (size_t i = 0; i < sizeof others / sizeof *others; i++) {
    CHECK (!ink__is_letter (others[i]));
    CHECK (!ink__is_word_letter (others[i]));
  }
}

/* The glyph of the character at byte off, or -1. */
static long
glyph_at (const ink__shaped_t *sh, size_t off)
{
  for (size_t i = 0; i < sh->glyphs.n; i++)
    if (sh->glyphs.v[i].cluster == off)
      return (long) sh->glyphs.v[i].gid;
  return -1;
}

/* Old-style figures asked by the style ('onum') are set in Latin text only: the figures of a
 * Hebrew sentence, in the serif the Hebrew face lacks them for, are lining. */
TEST (oldstyle_figures_latin_only)
{
  fonts_t f;
  CHECK (fonts_open (&f));
  hb_feature_t onum = { HB_TAG ('o', 'n', 'u', 'm'), 1, HB_FEATURE_GLOBAL_START,
                        HB_FEATURE_GLOBAL_END };
  ink__text_style_t plain = { f.serif, 24, 0, 0, false, NULL, 0, false, false };
  ink__text_style_t old = { f.serif, 24, 0, 0, false, &onum, 1, false, false };
  const char *latin = "Opened in 2025.", *hebrew = "נפתח בשנת 2025 בחיפה";
  ink__shaped_t a, b, c;
  CHECK_EQ_INT (shape (&f, latin, "en", &plain, &a), INK_OK);
  CHECK_EQ_INT (shape (&f, latin, "en", &old, &b), INK_OK);
  CHECK_EQ_INT (shape (&f, hebrew, "he", &old, &c), INK_OK);
  long lining = glyph_at (&a, find (latin, "2025")), oldstyle = glyph_at (&b, find (latin, "2025"));
  long in_hebrew = glyph_at (&c, find (hebrew, "2025"));
  CHECK (lining >= 0 && oldstyle >= 0);
  CHECK (lining != oldstyle);                          /* the serif has old-style figures */
  CHECK_EQ_INT (in_hebrew, lining);
  ink__shaped_free (&a);
  ink__shaped_free (&b);
  ink__shaped_free (&c);
  fonts_close (&f);
}

/* The .notdef glyphs of each cluster of text, and the clusters with any. */
static void
count_boxes (const ink__shaped_t *sh, size_t *boxes, size_t *clusters)
{
  *boxes = *clusters = 0;
  for (size_t g = 0; g < sh->glyphs.n; g++) {
    const ink__glyph_t *gl = &sh->glyphs.v[g];
    if (gl->gid != 0)
      continue;
    bool seen = false;
    for (size_t h = 0; h < g; h++)
      seen = seen || (sh->glyphs.v[h].gid == 0 && sh->glyphs.v[h].cluster == gl->cluster);
    (*boxes)++;
    *clusters += !seen;
  }
}

/* Whether every letter of word has a glyph that is not .notdef in sh. */
static bool
word_drawn (const ink__shaped_t *sh, const char *text, const char *word)
{
  size_t at = find (text, word), end = at + strlen (word);
  if (at == (size_t) -1)
    return false;
  size_t drawn = 0, wanted = 0;
  for (size_t k = at; k < end; k++) {
    if (((unsigned char) text[k] & 0xC0) == 0x80)
      continue;
    wanted++;
    for (size_t g = 0; g < sh->glyphs.n; g++)
      if (sh->glyphs.v[g].cluster == k && sh->glyphs.v[g].gid != 0) {
        drawn++;
        break;
      }
  }
  return drawn == wanted;
}

/* An emoji cluster no bundled face has (a flag's two regional indicators, a family joined
 * by ZWJs, a keycap's enclosing mark) is one missing-glyph box and one missing glyph, in
 * Latin and in Hebrew text, and the words around it keep their glyphs. */
TEST (emoji_cluster_one_box)
{
  fonts_t f;
  CHECK (fonts_open (&f));
  ink__text_style_t st = { f.serif, 20, 0, 0, false, NULL, 0, false, false };
  ink__text_style_t he = { f.hebrew, 20, 0, 0, false, NULL, 0, false, false };
  const char *latin = "Fans waved \xf0\x9f\x87\xb5\xf0\x9f\x87\xb0 flags, a family "
                      "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d"
                      "\xf0\x9f\x91\xa7 cheered and gate 1\xef\xb8\x8f\xe2\x83\xa3 opened.";
  const char *hebrew = "\xd7\x94\xd7\x90\xd7\x95\xd7\x94\xd7\x93\xd7\x99\xd7\x9d "
                       "\xf0\x9f\x87\xae\xf0\x9f\x87\xb1 \xd7\xa9\xd7\xa8\xd7\x95 "
                       "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d"
                       "\xf0\x9f\x91\xa6 \xd7\x91\xd7\xa9\xd7\xa2\xd7\xa8 "
                       "2\xef\xb8\x8f\xe2\x83\xa3 \xd7\x94\xd7\xa2\xd7\x99\xd7\xa8.";
  const char *texts[] = { latin, hebrew };
  const char *langs[] = { "en", "he" };
  const ink__text_style_t *styles[] = { &st, &he };
  const char *words[][3] = { { "waved", "cheered", "opened" },
                             { "\xd7\xa9\xd7\xa8\xd7\x95", "\xd7\x91\xd7\xa9\xd7\xa2\xd7\xa8",
                               "\xd7\x94\xd7\xa2\xd7\x99\xd7\xa8" } };
  for (int t = 0; t < 2; t++) {
    ink__shaped_t sh;
    CHECK_EQ_INT (shape (&f, texts[t], langs[t], styles[t], &sh), INK_OK);
    check_clusters_whole (&sh, texts[t]);
    size_t boxes, clusters;
    count_boxes (&sh, &boxes, &clusters);
    CHECK_EQ_INT (clusters, 3);
    CHECK_EQ_INT (boxes, 3);
    CHECK_EQ_INT (sh.missing, 3);
    for (int w = 0; w < 3; w++)
      CHECK (word_drawn (&sh, texts[t], words[t][w]));
    ink__shaped_free (&sh);
  }
  fonts_close (&f);
}

int
main (void)
{
  RUN (bidi_urdu_english_digits);
  RUN (fallback_per_cluster);
  RUN (mark_never_leaves_base);
  RUN (line_break_keeps_style_face);
  RUN (script_runs);
  RUN (pieces_shape_as_whole);
  RUN (long_unbreakable_runs);
  RUN (face_by_loaded_faces_told);
  RUN (letters);
  RUN (oldstyle_figures_latin_only);
  RUN (emoji_cluster_one_box);
  return test_summary ();
}
