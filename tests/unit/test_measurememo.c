/* A paragraph's lines kept at the measures it was set at again (paginate/measurememo.c):
 * what is kept at a measure is what breaking the shaping there gives, as a copy of its own;
 * a measure not kept, or kept longest once the memo is full, is broken again. */
#include "layout-internal.h"
#include "test.h"

#include "paraenv.h"

static const char text[] =
  "The ministers signed the agreement in the capital on Tuesday, after months of talks "
  "about the corridor's roads, its power stations and the port at its southern end.";

/* Whether lines a and b are the same, field by field (their padding is not compared). */
static bool
same_line (const ink__line_t *a, const ink__line_t *b)
{
  return a->start == b->start && a->end == b->end && a->left == b->left &&
         a->width == b->width && a->measure == b->measure && a->ascent == b->ascent &&
         a->descent == b->descent && a->ink_ascent == b->ink_ascent &&
         a->ink_descent == b->ink_descent && a->hyphenated == b->hyphenated &&
         a->rtl == b->rtl && a->ratio == b->ratio && a->r0 == b->r0 && a->nr == b->nr &&
         a->nglyphs == b->nglyphs && a->missing == b->missing && a->overfull == b->overfull;
}

/* Whether runs a and b are the same, field by field. */
static bool
same_run (const ink__lrun_t *a, const ink__lrun_t *b)
{
  return a->face == b->face && a->style == b->style && a->g0 == b->g0 && a->ng == b->ng &&
         a->level == b->level;
}

/* Whether a and b are the same lines, runs and glyphs. */
static bool
same_lines (const ink__para_t *a, const ink__para_t *b)
{
  if (a->lines.n != b->lines.n || a->runs.n != b->runs.n || a->glyphs.n != b->glyphs.n)
    return false;
  for (size_t i = 0; i < a->lines.n; i++)
    if (!same_line (&a->lines.v[i], &b->lines.v[i]))
      return false;
  for (size_t i = 0; i < a->runs.n; i++)
    if (!same_run (&a->runs.v[i], &b->runs.v[i]))
      return false;
  for (size_t i = 0; i < a->glyphs.n; i++) {
    const ink__pglyph_t *g = &a->glyphs.v[i], *h = &b->glyphs.v[i];
    if (g->gid != h->gid || g->x != h->x || g->y != h->y || g->cluster != h->cluster)
      return false;
  }
  return true;
}

/* sh broken at measure px into *out. */
static ink_status_t
build_at (env_t *e, ink__shaped_t *sh, int32_t px, ink__para_t *out)
{
  int32_t measure = px * 64;
  ink__para_opts_t po = { "en", INK_PARA_JUSTIFY, true, 0, &measure, 1, e->hy, 0, 0, 0, false, false, false, false, 0, false, false };
  return ink__para_build (e->ctx, sh, &po, out);
}

TEST (kept_lines_are_a_fresh_break)
{
  env_t e;
  CHECK (env_open (&e));
  ink__shaped_t sh;
  ink__text_style_t style;
  setpara_t p;
  memset (&p, 0, sizeof p);
  lay_t L;
  memset (&L, 0, sizeof L);
  L.ctx = e.ctx;
  CHECK (set (&e, text, "en", e.serif, 32, INK_PARA_JUSTIFY, true, 600, 0, &sh, &p.para, &style) ==
         INK_OK);
  /* More measures than the memo keeps: the first is then forgotten. */
  int32_t widths[INK_MEASURE_MEMO + 1];
  for (size_t i = 0; i <= INK_MEASURE_MEMO; i++) {
    widths[i] = (int32_t) (300 + 37 * i) * 64;
    ink__para_t t;
    CHECK (build_at (&e, &sh, 300 + 37 * (int32_t) i, &t) == INK_OK);
    ink__measure_memo_put (&L, &p, widths[i], &t);
    ink__para_free (&t);
  }
  ink_status_t st;
  ink__para_t got, fresh;
  CHECK (!ink__measure_memo_get (&L, &p, widths[0], &got, &st) && st == INK_OK);
  CHECK (!ink__measure_memo_get (&L, &p, 999 * 64, &got, &st) && st == INK_OK);
  for (size_t i = 1; i <= INK_MEASURE_MEMO; i++) {
    CHECK (ink__measure_memo_get (&L, &p, widths[i], &got, &st) && st == INK_OK);
    CHECK (build_at (&e, &sh, widths[i] / 64, &fresh) == INK_OK);
    CHECK (got.lines.n > 1 && got.lines.v[0].measure == widths[i]);
    CHECK (same_lines (&got, &fresh));
    /* The copy is the caller's: changing it leaves what is kept as it was. */
    got.lines.v[0].width++;
    ink__para_free (&got);
    CHECK (ink__measure_memo_get (&L, &p, widths[i], &got, &st) && same_lines (&got, &fresh));
    ink__para_free (&got);
    ink__para_free (&fresh);
  }
  ink__measure_memo_free (&p);
  ink__para_free (&p.para);
  ink__shaped_free (&sh);
  env_close (&e);
}

int
main (void)
{
  RUN (kept_lines_are_a_fresh_break);
  return test_summary ();
}
