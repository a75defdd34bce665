/* Shaped paragraphs built into lines with the bundled fonts, for the paragraph tests: a
 * context with the serif, Hebrew, Naskh and CJK faces, a fallback between them, and checks
 * that lines cover the text. Include after test.h. */
#ifndef INK_PARAENV_H
#define INK_PARAENV_H

#include "breaks.h"
#include "kp.h"
#include "para.h"
#include "scripts.h"

typedef struct {
  ink_context_t *ctx;
  ink_fontset_t *fs;
  ink__hyphenator_t *hy;
  ink__face_t *serif, *hebrew, *cjk, *naskh;
} env_t;

static inline bool
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

static inline void
env_close (env_t *e)
{
  ink__hyphenator_destroy (e->hy);
  ink_fontset_destroy (e->fs);
  ink_context_destroy (e->ctx);
}

static inline ink__face_t *
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
static inline ink_status_t
set (env_t *e, const char *text, const char *lang, ink__face_t *face, float size,
     ink__para_align_t align, bool hyphenate, int32_t measure_px, int32_t indent_px,
     ink__shaped_t *sh, ink__para_t *p, ink__text_style_t *style)
{
  memset (style, 0, sizeof *style);
  style->face = face;
  style->size_px = size;
  ink__style_range_t r = { 0, strlen (text), style, NULL };
  ink__shape_opts_t so = { lang, 0, fallback, e, 0 };
  ink_status_t st = ink__shape_paragraph (e->ctx, e->fs, text, strlen (text), &r, 1, &so, sh);
  if (st != INK_OK)
    return st;
  static int32_t measure;
  measure = measure_px * 64;
  ink__para_opts_t po = { lang, align, hyphenate, indent_px * 64, &measure, 1, e->hy, 0, 0, 0, false, false, false, false, 0, false, false };
  st = ink__para_build (e->ctx, sh, &po, p);
  if (st != INK_OK)
    ink__shaped_free (sh);
  return st;
}

static inline void
unset (ink__shaped_t *sh, ink__para_t *p)
{
  ink__para_free (p);
  ink__shaped_free (sh);
}

static inline bool
is_space_at (const char *t, size_t off)
{
  return t[off] == ' ';
}

/* Lines cover the text in order: each starts where the one before ended, up to spaces. */
static inline void
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

static inline uint32_t
first_cp (const char *t, size_t len, size_t off)
{
  uint32_t c = 0;
  ink__utf8_next (t, len, &off, &c);
  return c;
}

static inline uint32_t
last_cp (const char *t, size_t start, size_t end)
{
  size_t k = end - 1;
  while (k > start && ((unsigned char) t[k] & 0xC0) == 0x80)
    k--;
  return first_cp (t, end, k);
}

/* Whether a line that ends at byte end, inside a word, ends at one of the word's hyphenation
 * points (in lang). */
static inline bool
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

#endif
