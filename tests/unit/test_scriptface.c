/* One face for a line. Latin letters and figures inside Thai or Japanese text take the Latin
 * of the script's own chain (the sans after the Thai face, the CJK face's own), not the
 * style's serif beside letters and figures of a sans design: a Thai head showed "PM2.5" in
 * the serif and "210" in the sans (shape.c, context_face). An English paragraph keeps its
 * serif, and a cell of figures alone follows the article's main script. A sign from the Math
 * face (U+2212) keeps the style's box, so a cell beginning with a minus stands on its row's
 * baseline (it stood 1 px higher). */
#include <inkset/inkset.h>
#include <stdio.h>
#include <string.h>
#include "para.h"
#include "test.h"
#include "fixture.h"

typedef struct {
  ink_context_t *ctx;
  ink_fontset_t *fs;
  ink__face_t *serif, *sans, *thai, *cjk, *math;
} faces_t;

static bool
faces_open (faces_t *f)
{
  memset (f, 0, sizeof *f);
  if (ink_context_create (NULL, NULL, &f->ctx) != INK_OK ||
      ink_fontset_create (f->ctx, INK_SOURCE_DIR "/fonts", &f->fs) != INK_OK)
    return false;
  return ink__fontset_face (f->fs, "NotoSerif-Regular.ttf", &f->serif) == INK_OK &&
         ink__fontset_face (f->fs, "NotoSans-Regular.ttf", &f->sans) == INK_OK &&
         ink__fontset_face (f->fs, "NotoSansThai-Regular.ttf", &f->thai) == INK_OK &&
         ink__fontset_face (f->fs, "NotoSansCJKjp-Subset.otf", &f->cjk) == INK_OK &&
         ink__fontset_face (f->fs, "NotoSansMath-Subset.ttf", &f->math) == INK_OK;
}

static void
faces_close (faces_t *f)
{
  ink_fontset_destroy (f->fs);
  ink_context_destroy (f->ctx);
}

static ink__face_t *
first_covering (ink__face_t *const *chain, size_t n, uint32_t cp)
{
  for (size_t i = 0; i < n; i++)
    if (chain[i] && ink__face_covers (chain[i], cp))
      return chain[i];
  return NULL;
}

/* The bundled templates' chains: "Thai = thai, sans", "Hani:ja = japanese", then the style's
 * face, then "default = serif, sans" and the signs' "math". */
static ink__face_t *
chains (void *user, const ink__text_style_t *style, hb_script_t script, const char *lang,
        uint32_t cp)
{
  faces_t *f = user;
  (void) lang;
  ink__face_t *thai[] = { f->thai, f->sans }, *cjk[] = { f->cjk };
  ink__face_t *dflt[] = { f->serif, f->sans, f->math }, *got = NULL;
  if (script == HB_SCRIPT_THAI)
    got = first_covering (thai, 2, cp);
  else if (script == HB_SCRIPT_HAN || script == HB_SCRIPT_HIRAGANA ||
           script == HB_SCRIPT_KATAKANA)
    got = first_covering (cjk, 1, cp);
  if (!got && style->face && ink__face_covers (style->face, cp))
    got = style->face;
  return got ? got : first_covering (dflt, 3, cp);
}

static ink_status_t
shape (faces_t *f, const char *text, const char *lang, hb_script_t script, ink__shaped_t *sh)
{
  static ink__text_style_t style;
  style = (ink__text_style_t) { .face = f->serif, .size_px = 40 };
  ink__style_range_t r = { 0, strlen (text), &style, NULL };
  ink__shape_opts_t o = { lang, 0, chains, f, script };
  return ink__shape_paragraph (f->ctx, f->fs, text, strlen (text), &r, 1, &o, sh);
}

/* The face of the run holding the first byte of needle in text; NULL when none. */
static const ink__face_t *
face_at (const ink__shaped_t *sh, const char *text, const char *needle)
{
  const char *p = strstr (text, needle);
  size_t off = p ? (size_t) (p - text) : (size_t) -1;
  for (size_t i = 0; i < sh->runs.n; i++)
    if (sh->runs.v[i].start <= off && off < sh->runs.v[i].end)
      return sh->runs.v[i].face;
  return NULL;
}

TEST (thai_head_latin_and_figures_in_sans)
{
  faces_t f;
  CHECK (faces_open (&f));
  const char *t = "เชียงใหม่ค่าฝุ่น PM2.5 พุ่ง 210 ไมโครกรัม";
  ink__shaped_t sh;
  CHECK_EQ_INT (shape (&f, t, "th", HB_SCRIPT_THAI, &sh), INK_OK);
  CHECK (face_at (&sh, t, "PM") == f.sans);
  CHECK (face_at (&sh, t, "2.5") == f.sans);
  CHECK (face_at (&sh, t, "210") == f.sans);
  CHECK (face_at (&sh, t, "เชียง") == f.thai);
  ink__shaped_free (&sh);
  faces_close (&f);
}

TEST (japanese_head_latin_in_cjk_face)
{
  faces_t f;
  CHECK (faces_open (&f));
  const char *t = "24時間降雪量62センチ　JR北海道は全線運休";
  ink__shaped_t sh;
  CHECK_EQ_INT (shape (&f, t, "ja", HB_SCRIPT_HAN, &sh), INK_OK);
  CHECK (face_at (&sh, t, "JR") == f.cjk);
  CHECK (face_at (&sh, t, "62") == f.cjk);
  ink__shaped_free (&sh);
  faces_close (&f);
}

/* An English paragraph with a Thai word keeps its Latin, and its figures, in the serif. */
TEST (english_paragraph_keeps_its_serif)
{
  faces_t f;
  CHECK (faces_open (&f));
  const char *t = "The greeting สวัสดี opens the day; PM2.5 stood at 37.5 in Chiang Mai.";
  ink__shaped_t sh;
  CHECK_EQ_INT (shape (&f, t, "en", HB_SCRIPT_THAI, &sh), INK_OK);
  CHECK (face_at (&sh, t, "The") == f.serif);
  CHECK (face_at (&sh, t, "PM2.5") == f.serif);
  CHECK (face_at (&sh, t, "37.5") == f.serif);
  CHECK (face_at (&sh, t, "สวัสดี") == f.thai);
  ink__shaped_free (&sh);
  faces_close (&f);
}

/* A cell of figures alone follows the article's main script: the sans in a Thai article,
 * the style's serif in an English one. */
TEST (figures_alone_follow_the_article)
{
  faces_t f;
  CHECK (faces_open (&f));
  ink__shaped_t sh;
  CHECK_EQ_INT (shape (&f, "37.5", "th", HB_SCRIPT_THAI, &sh), INK_OK);
  CHECK (face_at (&sh, "37.5", "37") == f.sans);
  ink__shaped_free (&sh);
  CHECK_EQ_INT (shape (&f, "37.5", "en", HB_SCRIPT_LATIN, &sh), INK_OK);
  CHECK (face_at (&sh, "37.5", "37") == f.serif);
  ink__shaped_free (&sh);
  faces_close (&f);
}

/* The minus comes from the Math face, the figures from the serif; both have the serif's
 * box, so the line's baseline is where a line of figures alone has it. */
TEST (minus_keeps_the_style_box)
{
  faces_t f;
  CHECK (faces_open (&f));
  const char *t = "−13.3";
  ink__shaped_t sh;
  CHECK_EQ_INT (shape (&f, t, "en", HB_SCRIPT_LATIN, &sh), INK_OK);
  CHECK_EQ_INT (sh.runs.n, 2);
  if (sh.runs.n == 2) {
    CHECK (sh.runs.v[0].face == f.math);
    CHECK_EQ_INT (sh.runs.v[0].ascent, sh.runs.v[1].ascent);
    CHECK_EQ_INT (sh.runs.v[0].descent, sh.runs.v[1].descent);
  }
  ink__shaped_free (&sh);
  faces_close (&f);
}

/* Each row of the table's cells on one baseline, minus or not, on kiosk-7.5. */
TEST (minus_cells_on_their_row_baseline)
{
  fixture_t s;
  CHECK (fixture_lay_out (&s, NULL, INK_SOURCE_DIR "/tests/unit/articles/harbour-levy-table.md",
                          "kiosk-7.5"));
  size_t cells = 0, apart = 0;
  float row_y = -1, row_base = 0;
  ink_display_iter_t it;
  ink_display_item_t item;
  for (ink_display_begin (s.doc, 0, &it); ink_display_next (&it, &item);) {
    if (item.kind != INK_DISPLAY_LINE || !item.role || strcmp (item.role, "table") != 0)
      continue;
    cells++;
    if (item.y_px - row_y > 0.5f || row_y - item.y_px > 0.5f)
      row_y = item.y_px, row_base = item.baseline_px;
    else if (item.baseline_px != row_base)
      apart++;
  }
  CHECK (cells >= 16);
  CHECK_EQ_INT (apart, 0);
  fixture_tear_down (&s);
}

int
main (void)
{
  RUN (thai_head_latin_and_figures_in_sans);
  RUN (japanese_head_latin_in_cjk_face);
  RUN (english_paragraph_keeps_its_serif);
  RUN (figures_alone_follow_the_article);
  RUN (minus_keeps_the_style_box);
  RUN (minus_cells_on_their_row_baseline);
  return test_summary ();
}
