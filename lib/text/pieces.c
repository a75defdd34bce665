/* text/pieces: HarfBuzz over one run in bounded pieces, so that shaping time stays linear in
 * the text however it is made.
 *
 * HarfBuzz takes time quadratic in the length of a cluster (a letter with 80,000 combining
 * acutes took 22 s) and its buffers grow with the run. So a run is shaped in windows of at
 * most INK_SHAPE_WINDOW code points, and a window also ends where a cluster passes
 * INK_SHAPE_MAX_MARKS marks (the stream-safe text format allows 30; no real cluster comes
 * near). Of each window only the part up to a cut is kept and the next window starts at the
 * cut, which is, in order of preference: the last boundary HarfBuzz calls safe to break that
 * lies INK_SHAPE_MARGIN code points or more before the window's end (the glyphs kept are then
 * those of shaping the whole run), else the last cluster boundary that far, else the last
 * cluster boundary, else the window's end (inside an over-long cluster). Windows go in
 * logical order for LTR runs and from the run's end for RTL runs, so the glyphs kept are a
 * prefix of each window's glyphs in both directions and the run's glyphs come out in visual
 * order. Each window sees the text around it as context, so Arabic letters join across cuts.
 * A cluster no face has a glyph for is one missing-glyph box however many code points it
 * holds (fold_box).
 *
 *   ink__shape_job_t job = { sh, run, 0, sh->ncps, NULL, NULL, 0 };
 *   st = ink__shape_pieces (&job, a, b, &sh->glyphs, &sh->missing);
 */
#include "text.h"
#include "scripts.h"

/* Code points HarfBuzz is given at once, at most. */
#define INK_SHAPE_WINDOW 4096u
/* Marks (and joined code points) one cluster may carry in one piece. */
#define INK_SHAPE_MAX_MARKS 32u
/* Code points before a window's end in which no cut is taken unless there is no other. */
#define INK_SHAPE_MARGIN 32u

static int32_t
scale (const ink__face_t *face, float size_px, int32_t v)
{
  return ink__units_to_26d6 (face, size_px, v);
}

/* True when code point i continues the cluster before it (a mark, or after a joiner). */
static bool
continues (const ink__shaped_t *sh, size_t i)
{
  return ink__is_mark (sh->cps[i]) || sh->cps[i - 1] == 0x200D;
}

/* Features one run may be given at most when some are left out (run_features). */
#define INK_SHAPE_MAX_FEATURES 16u

/* The style's OpenType features for run, in out when some are left out: old-style figures
 * ('onum') are the typography of the scripts with capitals (Latin, Greek, Cyrillic), and a
 * run of another script sets lining figures whatever the style asks (a Hebrew or Thai line
 * took old-style digits from the Latin face beside its own letters). Runs of no script of
 * their own (figures alone) keep them. */
static const hb_feature_t *
run_features (const ink__run_t *run, hb_feature_t *out, unsigned *n)
{
  const ink__text_style_t *st = run->style;
  const ink__script_info_t *si = ink__script_info (run->script);
  *n = st->nfeatures;
  if (si->script == HB_SCRIPT_UNKNOWN || si->drop_cap || st->nfeatures > INK_SHAPE_MAX_FEATURES)
    return st->features;
  *n = 0;
  for (unsigned k = 0; k < st->nfeatures; k++)
    if (st->features[k].tag != HB_TAG ('o', 'n', 'u', 'm'))
      out[(*n)++] = st->features[k];
  return out;
}

/* A cluster no face has a glyph for (a flag's two regional indicators, a family of emoji
 * joined by ZWJs, a keycap's enclosing mark) shows one missing-glyph box, not one for each
 * of its code points: the cluster's next .notdef g goes into the box already set for it,
 * which takes the wider advance of the two, and the tracking after the cluster when g
 * ends it. */
static void
fold_box (ink__glyph_t *box, const ink__glyph_t *g, int32_t track)
{
  if (g->advance > box->advance)
    box->advance = g->advance;
  box->advance += track;
}

/* Shapes what is in buf as run (clusters are byte offsets) and appends the glyphs to out. */
static ink_status_t
shape_buffer (ink__shaped_t *sh, const ink__run_t *run, hb_buffer_t *buf, ink__glyph_vec_t *out)
{
  ink_context_t *ctx = sh->ctx;
  hb_buffer_set_direction (buf, (run->level & 1) ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
  hb_buffer_set_script (buf, run->script);
  if (run->lang)
    hb_buffer_set_language (buf, hb_language_from_string (run->lang, -1));
  hb_buffer_set_cluster_level (buf, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_GRAPHEMES);
  const ink__text_style_t *st = run->style;
  hb_feature_t kept[INK_SHAPE_MAX_FEATURES];
  unsigned nkept;
  const hb_feature_t *features = run_features (run, kept, &nkept);
  hb_shape (run->face->hb_font, buf, features, nkept);
  unsigned n;
  hb_glyph_info_t *info = hb_buffer_get_glyph_infos (buf, &n);
  hb_glyph_position_t *pos = hb_buffer_get_glyph_positions (buf, &n);
  if (!hb_buffer_allocation_successful (buf) || !ink__vec_reserve (ctx, out, out->n + n))
    return ink__error (ctx, INK_NO_MEMORY, "out of memory");
  /* Tracking goes after each cluster, except in joining scripts where it would break joins. */
  int32_t track = 0;
  if (st->tracking_em != 0 && !ink__script_info (run->script)->joining)
    track = (int32_t) (st->tracking_em * st->size_px * 64.0f);
  /* The box already set for the cluster being read, or none. */
  ink__glyph_t *box = NULL;
  for (unsigned i = 0; i < n; i++) {
    ink__glyph_t g;
    bool last = i + 1 == n || info[i + 1].cluster != info[i].cluster;
    g.gid = info[i].codepoint;
    g.cluster = info[i].cluster;
    g.advance = scale (run->face, st->size_px, pos[i].x_advance);
    g.dx = scale (run->face, st->size_px, pos[i].x_offset);
    g.dy = scale (run->face, st->size_px, pos[i].y_offset);
    g.unsafe = (hb_glyph_info_get_glyph_flags (&info[i]) & HB_GLYPH_FLAG_UNSAFE_TO_BREAK) != 0;
    if (box && g.gid == 0) {
      fold_box (box, &g, last ? track : 0);
    } else {
      if (track && last)
        g.advance += track;
      out->v[out->n++] = g;
      if (g.gid == 0)
        box = &out->v[out->n - 1];
    }
    if (last)
      box = NULL;
  }
  return INK_OK;
}

/* Index of the first kashida position at or after byte off. */
static size_t
first_at (const ink__shape_job_t *job, uint32_t off)
{
  size_t lo = 0, hi = job->nat;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (job->at[mid] < off)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

/* Shapes code points [p, e) with the job's text around them as context. */
static ink_status_t
shape_window (const ink__shape_job_t *job, size_t p, size_t e, ink__glyph_vec_t *out)
{
  ink__shaped_t *sh = job->sh;
  hb_buffer_t *buf = hb_buffer_create ();
  const uint32_t *text = sh->cps + job->ca;
  int tlen = (int) (job->cb - job->ca);
  /* An empty item sets the context before p; the one after e is set at the end. */
  hb_buffer_add_codepoints (buf, text, tlen, (unsigned) (p - job->ca), 0);
  size_t k = first_at (job, sh->cp_off[p]);
  for (size_t i = p; i < e; i++) {
    uint32_t off = sh->cp_off[i];
    /* Tatweels take the cluster of the letter they stretch into. */
    for (; k < job->nat && job->at[k] == off; k++)
      for (unsigned j = 0; j < job->count[k]; j++)
        hb_buffer_add (buf, INK_TATWEEL, off);
    hb_buffer_add (buf, sh->cps[i], off);
  }
  hb_buffer_add_codepoints (buf, text, tlen, (unsigned) (e - job->ca), 0);
  ink_status_t st = hb_buffer_allocation_successful (buf)
                        ? shape_buffer (sh, job->run, buf, out)
                        : ink__error (sh->ctx, INK_NO_MEMORY, "out of memory");
  hb_buffer_destroy (buf);
  return st;
}

/* End of the LTR window from p: at most INK_SHAPE_WINDOW code points, and no cluster in it
 * with more than INK_SHAPE_MAX_MARKS marks. */
static size_t
window_end (const ink__shaped_t *sh, size_t p, size_t b)
{
  size_t lim = b - p > INK_SHAPE_WINDOW ? p + INK_SHAPE_WINDOW : b;
  unsigned marks = 0;
  for (size_t i = p + 1; i < lim; i++) {
    marks = continues (sh, i) ? marks + 1 : 0;
    if (marks > INK_SHAPE_MAX_MARKS)
      return i;
  }
  return lim;
}

/* Start of the RTL window that ends at q, bounded alike. */
static size_t
window_start (const ink__shaped_t *sh, size_t a, size_t q)
{
  size_t lim = q - a > INK_SHAPE_WINDOW ? q - INK_SHAPE_WINDOW : a;
  unsigned marks = 0;
  for (size_t i = q - 1; i > lim; i--) {
    marks = continues (sh, i) ? marks + 1 : 0;
    if (marks > INK_SHAPE_MAX_MARKS)
      return i + 1;
  }
  return lim;
}

/* How many of a window's n glyphs g to keep: up to the preferred cut (see the top of the
 * file). far is the byte offset a cut must not pass to count as far from the window's open
 * end: at or before it in LTR, at or after it in RTL. */
static size_t
glyphs_to_keep (const ink__glyph_t *g, size_t n, bool rtl, uint32_t far)
{
  size_t safe = 0, distant = 0, any = 0;
  for (size_t i = 1; i < n; i++) {
    if (g[i].cluster == g[i - 1].cluster)
      continue;
    /* The cluster that starts at the cut: after the boundary in LTR, before it in RTL. */
    const ink__glyph_t *next = rtl ? &g[i - 1] : &g[i];
    any = i;
    if (rtl ? next->cluster >= far : next->cluster <= far) {
      distant = i;
      if (!next->unsafe)
        safe = i;
    }
  }
  return safe ? safe : distant ? distant : any ? any : n;
}

ink_status_t
ink__shape_pieces (const ink__shape_job_t *job, size_t a, size_t b, ink__glyph_vec_t *out,
                   size_t *missing)
{
  ink__shaped_t *sh = job->sh;
  bool rtl = job->run->level & 1;
  size_t first = out->n;
  /* [p, q) is what is left to shape. */
  for (size_t p = a, q = b; p < q;) {
    size_t s = rtl ? window_start (sh, p, q) : p, e = rtl ? q : window_end (sh, p, q);
    size_t g0 = out->n;
    ink_status_t st = shape_window (job, s, e, out);
    if (st != INK_OK)
      return st;
    size_t n = out->n - g0, keep = n;
    if (rtl ? s > p : e < q) {
      size_t m = e - s > INK_SHAPE_MARGIN ? INK_SHAPE_MARGIN : e - s;
      uint32_t far = sh->cp_off[rtl ? s + m : e - m];
      keep = glyphs_to_keep (out->v + g0, n, rtl, far);
    }
    out->n = g0 + keep;
    if (rtl)
      q = keep == n ? s : ink__shaped_cp_at (sh, out->v[g0 + keep - 1].cluster);
    else
      p = keep == n ? e : ink__shaped_cp_at (sh, out->v[g0 + keep].cluster);
  }
  if (missing)
    for (size_t i = first; i < out->n; i++)
      *missing += out->v[i].gid == 0;
  return INK_OK;
}

ink_status_t
ink__shape_range (ink__shaped_t *sh, const ink__run_t *run, size_t start, size_t end,
                  ink__glyph_vec_t *out, size_t *missing)
{
  size_t a = ink__shaped_cp_at (sh, start);
  size_t b = end >= sh->len ? sh->ncps : ink__shaped_cp_at (sh, end);
  if (b <= a)
    return INK_OK;
  ink__shape_job_t job = { sh, run, a, b, NULL, NULL, 0 };
  return ink__shape_pieces (&job, a, b, out, missing);
}

ink_status_t
ink__shape_kashida (ink__shaped_t *sh, const ink__run_t *run, size_t start, size_t end,
                    const uint32_t *at, const uint8_t *count, size_t nat, ink__glyph_vec_t *out,
                    size_t *missing)
{
  size_t a = ink__shaped_cp_at (sh, start);
  size_t b = end >= sh->len ? sh->ncps : ink__shaped_cp_at (sh, end);
  if (b <= a)
    return INK_OK;
  ink__shape_job_t job = { sh, run, a, b, at, count, nat };
  return ink__shape_pieces (&job, a, b, out, missing);
}
