/* A paragraph's Knuth–Plass items kept with its shaped text (para/itemsmemo.c): set again at
 * other measures, loosenesses and options, it breaks into the lines a freshly shaped copy
 * breaks into; the items are taken as kept where nothing that makes them changed, and built
 * again where a word is cut at one measure and not at the other, or the options differ. */
#include "para-internal.h"
#include "test.h"

#include "paraenv.h"

static const char text[] =
  "The corridor agreement, posted as https://www.example.org/agreements/economic-corridor-2026 "
  "on Tuesday, names the transmission lines, the motorway interchanges and the reconstruction "
  "of the deep-water port among the undertakings of its first year.";

/* One way of setting the paragraph. */
typedef struct {
  int32_t px;
  ink__para_align_t align;
  bool hyphenate, tight;
  int looseness;
} way_t;

static ink__para_opts_t
opts_of (env_t *e, const way_t *w, int32_t *measure)
{
  *measure = w->px * 64;
  ink__para_opts_t po = { "en", w->align, w->hyphenate, 0, measure, 1, e->hy, 0, 0, w->looseness,
                          false, w->tight, false, false, 0, false, false };
  return po;
}

static bool
same_lines (const ink__para_t *a, const ink__para_t *b)
{
  if (a->lines.n != b->lines.n || a->glyphs.n != b->glyphs.n || a->pass != b->pass)
    return false;
  for (size_t i = 0; i < a->lines.n; i++) {
    const ink__line_t *x = &a->lines.v[i], *y = &b->lines.v[i];
    if (x->start != y->start || x->end != y->end || x->width != y->width ||
        x->ratio != y->ratio || x->hyphenated != y->hyphenated || x->nglyphs != y->nglyphs)
      return false;
  }
  for (size_t i = 0; i < a->glyphs.n; i++)
    if (a->glyphs.v[i].gid != b->glyphs.v[i].gid || a->glyphs.v[i].x != b->glyphs.v[i].x)
      return false;
  return true;
}

/* text set the way w from a shaping of its own, which keeps no items. */
static ink_status_t
fresh (env_t *e, const ink__text_style_t *style, const way_t *w, ink__para_t *out)
{
  ink__shaped_t sh;
  ink__style_range_t r = { 0, strlen (text), style, NULL };
  ink__shape_opts_t so = { "en", 0, fallback, e, 0 };
  ink_status_t st = ink__shape_paragraph (e->ctx, e->fs, text, strlen (text), &r, 1, &so, &sh);
  if (st != INK_OK)
    return st;
  int32_t measure;
  ink__para_opts_t po = opts_of (e, w, &measure);
  st = ink__para_build (e->ctx, &sh, &po, out);
  ink__shaped_free (&sh);
  return st;
}

/* Whether sh keeps items that setting it the way w takes as they are. */
static bool
taken_as_kept (env_t *e, ink__shaped_t *sh, const way_t *w)
{
  int32_t measure;
  ink__para_opts_t po = opts_of (e, w, &measure);
  builder_t b = { e->ctx, { 0 }, { 0 } };
  bool kept = ink__items_memo_get (sh, &po, &b);
  ink__vec_free (e->ctx, &b.items);
  ink__vec_free (e->ctx, &b.pos);
  return kept;
}

TEST (kept_items_break_as_fresh_ones)
{
  env_t e;
  CHECK (env_open (&e));
  ink__shaped_t sh;
  ink__para_t p;
  ink__text_style_t style;
  CHECK (set (&e, text, "en", e.serif, 32, INK_PARA_JUSTIFY, true, 600, 0, &sh, &p, &style) ==
         INK_OK);
  ink__para_free (&p);
  /* Wider, looser, tighter: the same words, points and glue. Narrow enough that the address
   * is cut between its letters, and back: built again each time. Ragged, or without
   * hyphenation: other items. */
  static const way_t ways[] = {
    { 700, INK_PARA_JUSTIFY, true, false, 0 },   { 520, INK_PARA_JUSTIFY, true, false, 1 },
    { 520, INK_PARA_JUSTIFY, true, true, -1 },   { 180, INK_PARA_JUSTIFY, true, false, 0 },
    { 180, INK_PARA_JUSTIFY, true, false, 1 },   { 640, INK_PARA_JUSTIFY, true, false, 0 },
    { 400, INK_PARA_START, true, false, 0 },     { 400, INK_PARA_START, false, false, 0 },
    { 400, INK_PARA_JUSTIFY, false, false, 0 },
  };
  static const bool kept[] = { true, true, false, false, true, false, false, false, false };
  for (size_t i = 0; i < sizeof ways / sizeof ways[0]; i++) {
    CHECK (taken_as_kept (&e, &sh, &ways[i]) == kept[i]);
    int32_t measure;
    ink__para_opts_t po = opts_of (&e, &ways[i], &measure);
    ink__para_t got, want;
    CHECK (ink__para_build (e.ctx, &sh, &po, &got) == INK_OK);
    CHECK (fresh (&e, &style, &ways[i], &want) == INK_OK);
    CHECK (got.lines.n > 1 && same_lines (&got, &want));
    ink__para_free (&got);
    ink__para_free (&want);
  }
  CHECK (sh.items != NULL);
  ink__shaped_free (&sh);
  env_close (&e);
}

/* A shaping copied (ink__shaped_copy, as a float order trial takes the layout in the
 * article's order's) keeps the items last built for it: set again the same way, the copy
 * takes them as kept and breaks into the lines a fresh shaping does. */
TEST (copied_shaping_keeps_its_items)
{
  env_t e;
  CHECK (env_open (&e));
  ink__shaped_t sh, copy;
  ink__para_t p;
  ink__text_style_t style;
  CHECK (set (&e, text, "en", e.serif, 32, INK_PARA_JUSTIFY, true, 600, 0, &sh, &p, &style) ==
         INK_OK);
  ink__para_free (&p);
  CHECK_EQ_INT (ink__shaped_copy (e.ctx, &sh, text, &copy), INK_OK);
  static const way_t way = { 600, INK_PARA_JUSTIFY, true, false, 0 };
  CHECK (copy.items != sh.items && taken_as_kept (&e, &copy, &way));
  int32_t measure;
  ink__para_opts_t po = opts_of (&e, &way, &measure);
  ink__para_t got, want;
  CHECK (ink__para_build (e.ctx, &copy, &po, &got) == INK_OK);
  CHECK (fresh (&e, &style, &way, &want) == INK_OK);
  CHECK (got.lines.n > 1 && same_lines (&got, &want));
  ink__para_free (&got);
  ink__para_free (&want);
  ink__shaped_free (&copy);
  ink__shaped_free (&sh);
  env_close (&e);
}

int
main (void)
{
  RUN (kept_items_break_as_fresh_ones);
  RUN (copied_shaping_keeps_its_items);
  return test_summary ();
}
