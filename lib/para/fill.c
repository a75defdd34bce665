/* para/fill: exact fill, for a paragraph whose lines came out wider than the breaker
 * measured. */
#include "para-internal.h"

/* The width of line [s, e) as it will be drawn, before justification. */
static ink_status_t
trial_width (ink__shaped_t *sh, const ink__para_opts_t *o, ink__para_t *out, size_t s, size_t e,
             int32_t measure, bool first, ink__line_scratch_t *sc, const uint8_t *brks,
             int32_t *width)
{
  size_t nl = out->lines.n, nr = out->runs.n, ng = out->glyphs.n, of = out->overfull;
  ink_status_t st = ink__para_make_line (sh, o, out, s, e, false, true, 0, measure, first, sc, brks);
  if (st == INK_OK)
    *width = out->lines.v[out->lines.n - 1].width;
  out->lines.n = nl;
  out->runs.n = nr;
  out->glyphs.n = ng;
  out->overfull = of;
  return st;
}

/* Where a line from s may end in ink__para_exact_fill: word ends (kind 0) or cluster boundaries
 * (kind 1), and always the next hard break or the paragraph's end (hard). Found only as far
 * as the search asks, so that a line costs about its own length, not the paragraph's. */
typedef struct {
  int kind;
  size_t scan;          /* next position to look at */
  bool done;            /* hard found */
  size_t hard;
  INK_VEC (size_t) v;
} ends_t;

/* True when end i exists (found now if need be); false past the last, or on no memory. */
static bool
end_at (ink_context_t *ctx, ends_t *c, const uint8_t *brks, const uint8_t *cstart, size_t len,
        size_t i, ink_status_t *st)
{
  while (c->v.n <= i && !c->done) {
    size_t p = c->scan++;
    bool hard = p >= len || brks[p - 1] == INK_BRK_MUST;
    bool ok = hard || (c->kind == 0 ? brks[p - 1] == INK_BRK_ALLOW : cstart[p]);
    if (ok && !ink__vec_push (ctx, &c->v, p)) {
      *st = ink__error (ctx, INK_NO_MEMORY, "out of memory");
      return false;
    }
    if (hard)
      c->done = true, c->hard = p;
  }
  return c->v.n > i;
}

/* Width of text [s, t) as shaped in the whole paragraph, 1/64 px. */
static int64_t
natural_width (const ink__shaped_t *sh, size_t s, size_t t)
{
  int64_t w = 0;
  for (size_t i = 0; i < sh->glyphs.n; i++)
    if (sh->glyphs.v[i].cluster >= s && sh->glyphs.v[i].cluster < t)
      w += sh->glyphs.v[i].advance;
  return w;
}

/* Whether line [s, ends[i]) fits avail as drawn. */
static ink_status_t
end_fits (ink__shaped_t *sh, const ink__para_opts_t *o, ink__para_t *out, const uint8_t *brks,
          ink__line_scratch_t *sc, size_t s, size_t t, int32_t measure, int64_t avail, bool first,
          bool *fits)
{
  t = trim_spaces (sh->text, sh->len, s, t);
  int32_t w = 0;
  ink_status_t st = INK_OK;
  if (t > s && natural_width (sh, s, t) > 2 * avail + 64 * 64) {
    /* Far too wide as shaped in the paragraph: a cut changes only the glyphs at its ends,
     * so no reshaping can make it fit. Skipping the trial keeps a long unbroken word (20k
     * joined Urdu letters) from being reshaped whole for every line. */
    *fits = false;
    return INK_OK;
  }
  if (t > s)
    st = trial_width (sh, o, out, s, t, measure, first, sc, brks, &w);
  *fits = w <= avail + 64;
  return st;
}

/* The longest end of c from s that fits, as an index into c->v (SIZE_MAX: none). Gallops
 * (ends 0, 1, 3, 7...) until one does not fit, then bisects; the width only grows with the
 * end, so this finds what a bisection of all the ends would. */
static ink_status_t
longest_end (ink__shaped_t *sh, const ink__para_opts_t *o, ink__para_t *out, const uint8_t *brks,
             const uint8_t *cstart, ink__line_scratch_t *sc, ends_t *c, size_t s, int32_t measure,
             int64_t avail, bool first, size_t *best)
{
  ink_status_t st = INK_OK;
  size_t lo = 0, hi = SIZE_MAX, probe = 0, step = 1;
  bool fits;
  *best = SIZE_MAX;
  while (hi == SIZE_MAX && end_at (sh->ctx, c, brks, cstart, sh->len, probe, &st)) {
    if ((st = end_fits (sh, o, out, brks, sc, s, c->v.v[probe], measure, avail, first, &fits)))
      return st;
    if (!fits) {
      hi = probe;
    } else {
      *best = probe;
      lo = probe + 1;
      probe += step;
      step *= 2;
    }
  }
  if (st != INK_OK)
    return st;
  if (hi == SIZE_MAX)
    hi = c->v.n;   /* every end was found: the probe ran past the last */
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if ((st = end_fits (sh, o, out, brks, sc, s, c->v.v[mid], measure, avail, first, &fits)))
      return st;
    if (fits)
      *best = mid, lo = mid + 1;
    else
      hi = mid;
  }
  return INK_OK;
}

/* Shaping a line on its own can make it wider than the breaker measured: a word broken in an
 * emergency takes other forms at its ends, in Nastaliq most of all. Such a paragraph is set
 * again line by line, each line the longest that fits as drawn: at a word's end where one
 * fits, else at a cluster boundary, and always at least one cluster, so that nothing is lost
 * and no line runs past its measure unless a single cluster is wider than it. */
ink_status_t
ink__para_exact_fill (ink__shaped_t *sh, const ink__para_opts_t *o, ink__para_t *out, const uint8_t *brks,
            const uint8_t *cstart, ink__line_scratch_t *sc)
{
  ink_context_t *ctx = sh->ctx;
  size_t len = sh->len;
  out->lines.n = out->runs.n = out->glyphs.n = 0;
  out->overfull = 0;
  out->pass = 6;
  ends_t c = { 0 };
  ink_status_t st = INK_OK;
  size_t s = 0, k = 0;
  s = skip_spaces (sh->text, len, s);
  while (s < len && st == INK_OK) {
    int32_t measure = o->nwidths ? o->widths[k < o->nwidths ? k : o->nwidths - 1] : 0;
    int64_t avail = (int64_t) measure - (k == 0 ? o->indent : 0);
    /* Word ends first, then cluster boundaries. */
    size_t e = 0, next = 0;
    bool last = false;
    for (int kind = 0; kind < 2 && !e && st == INK_OK; kind++) {
      c.kind = kind;
      c.scan = s + 1;
      c.done = false;
      c.v.n = 0;
      size_t best;
      st = longest_end (sh, o, out, brks, cstart, sc, &c, s, measure, avail, k == 0, &best);
      if (st == INK_OK && best != SIZE_MAX)
        next = e = c.v.v[best];
      else if (st == INK_OK && kind == 1 && c.v.n)
        next = e = c.v.v[0];   /* one cluster wider than the measure: it goes alone */
      last = next >= len || (c.done && next == c.hard);
    }
    if (st != INK_OK)
      break;
    e = trim_spaces (sh->text, len, s, e);
    st = ink__para_make_line (sh, o, out, s, e, false, last, 0, measure, k == 0, sc, brks);
    s = skip_spaces (sh->text, len, next);
    k++;
  }
  ink__vec_free (ctx, &c.v);
  return st;
}
