/* A page's units and paragraphs kept before make-up tries another setting (paginate/leadeven.c,
 * ink__lead_keep) are set back exactly when the trial is turned down: a paragraph whose lines
 * were broken again since at the same looseness (at a column's foot, foot.c) gets the very
 * lines it had, and one keep sets them back as often as it is asked. */
#include "layout-internal.h"
#include "test.h"

#include <string.h>

/* p's lines made n lines of len bytes each (hyphenated ones where hyph says), p owning them;
 * each line's height its index plus one. */
static bool
set_lines (ink_context_t *ctx, setpara_t *p, size_t n, size_t len, const bool *hyph)
{
  ink__para_free (&p->para);
  ink__free (ctx, p->heights, p->para.lines.n * sizeof *p->heights);
  p->para = (ink__para_t) { .ctx = ctx };
  p->heights = ink__alloc (ctx, n * sizeof *p->heights);
  if (!p->heights)
    return false;
  for (size_t k = 0; k < n; k++) {
    ink__line_t ln = { .start = k * len, .end = (k + 1) * len, .measure = 640, .width = 600,
                       .hyphenated = hyph && hyph[k] };
    if (!ink__vec_push (ctx, &p->para.lines, ln))
      return false;
    p->heights[k] = (int32_t) (k + 1) * 64;
  }
  return true;
}

static bool
lines_are (const setpara_t *p, size_t n, size_t len)
{
  if (p->para.lines.n != n)
    return false;
  for (size_t k = 0; k < n; k++)
    if (p->para.lines.v[k].start != k * len || p->para.lines.v[k].end != (k + 1) * len ||
        p->heights[k] != (int32_t) (k + 1) * 64)
      return false;
  return true;
}

TEST (kept_lines_come_back)
{
  ink_context_t *ctx = NULL;
  CHECK_EQ_INT (ink_context_create (NULL, NULL, &ctx), INK_OK);
  if (!ctx)
    return;
  lay_t L;
  memset (&L, 0, sizeof L);
  L.ctx = ctx;
  setpara_t p;
  memset (&p, 0, sizeof p);
  p.po.looseness = 1;
  p.kept_hyphen[0].k0 = 3;
  p.kept_hyphen[0].last = 5;
  CHECK (set_lines (ctx, &p, 6, 10, NULL));
  unit_t u = { .kind = U_PARA, .p = &p, .placed_page = SIZE_MAX, .met_page = SIZE_MAX };
  CHECK (ink__vec_push (ctx, &L.units, u));
  snap_t sn = { .pending = NO_FLOAT, .pending_span = NO_FLOAT, .queue_last = NO_FLOAT };
  ink__lead_keep_t k;
  CHECK_EQ_INT (ink__lead_keep (&L, &sn, &k), INK_OK);
  for (int round = 0; round < 2; round++) {
    /* A trial breaks it again at a column's foot: as many lines, other breaks, its hyphen
     * memo cleared, its looseness as it was. */
    static const bool hyph[6] = { false, false, true };
    CHECK (set_lines (ctx, &p, 6, 9, hyph));
    memset (p.kept_hyphen, 0, sizeof p.kept_hyphen);
    L.units.v[0].placed_page = 2;
    CHECK_EQ_INT (ink__lead_keep_back (&L, &k), INK_OK);
    CHECK (lines_are (&p, 6, 10));
    CHECK_EQ_INT (p.po.looseness, 1);
    CHECK_EQ_INT (p.kept_hyphen[0].k0, 3);
    CHECK_EQ_INT (p.kept_hyphen[0].last, 5);
    CHECK_EQ_INT (L.units.v[0].placed_page, SIZE_MAX);
  }
  /* Lines as kept are left as they are. */
  const ink__line_t *was = p.para.lines.v;
  CHECK_EQ_INT (ink__lead_keep_back (&L, &k), INK_OK);
  CHECK (p.para.lines.v == was);
  ink__lead_keep_free (&L, &k);
  ink__free (ctx, p.heights, p.para.lines.n * sizeof *p.heights);
  ink__para_free (&p.para);
  ink__vec_free (ctx, &L.units);
  ink_context_destroy (ctx);
}

int
main (void)
{
  RUN (kept_lines_come_back);
  return test_summary ();
}
