/* para/justify: a line's missing width spread over its spaces, between the clusters of
 * scripts without word spaces (Thai, Lao, Khmer, Myanmar) within the script table's limit,
 * between letters as far as the style allows, or between CJK characters where a line has no
 * spaces. */
#include "para-internal.h"

#include <math.h>

/* True when glyph i of a line ends a letter that another letter follows, in a script whose
 * letters may be spaced apart. */
static bool
letter_gap (const ink__shaped_t *sh, const ink__glyph_vec_t *lg, size_t i, size_t e)
{
  if (i + 1 >= lg->n || lg->v[i + 1].cluster == lg->v[i].cluster)
    return false;
  uint32_t a = lg->v[i].cluster, b = lg->v[i + 1].cluster;
  if (a >= e || b >= e)
    return false;
  uint32_t ca = cp_at (sh->text, sh->len, a), cb = cp_at (sh->text, sh->len, b);
  if (is_space (ca) || is_space (cb) || is_cjk (ca) || is_cjk (cb))
    return false;
  return !ink__script_of_cp (ca)->joining;
}

/**
 * ink__para_cluster_gap:
 * @sh: the shaped paragraph
 * @a: the byte a cluster starts at
 * @b: the byte the next cluster starts at
 *
 * Return value: the most spacing that may go between the two clusters when a line is
 * justified, 1/64 px: 0 unless both are of a script that fills its lines between clusters
 * (the table's gap_max_64em of the first one's size), and the first is not a prevowel.
 */
int32_t
ink__para_cluster_gap (const ink__shaped_t *sh, size_t a, size_t b)
{
  if (a >= sh->len || b >= sh->len)
    return 0;
  uint32_t ca = cp_at (sh->text, sh->len, a), cb = cp_at (sh->text, sh->len, b);
  const ink__script_info_t *sa = ink__script_of_cp (ca);
  if (sa->justify != INK_JUSTIFY_CLUSTERS ||
      ink__script_of_cp (cb)->justify != INK_JUSTIFY_CLUSTERS || ink__script_binds_next (ca))
    return 0;
  return ink__width_clamp (lroundf (ink__para_run_at (sh, a)->style->size_px * sa->gap_max_64em));
}

/* How far glyph i of line [s, e) may grow in a line filled between clusters: half a space's
 * width (as its glue stretches), or the gap allowed after the cluster it ends. */
static int64_t
cluster_stretch (const ink__shaped_t *sh, const ink__glyph_vec_t *lg, size_t i, size_t e)
{
  const ink__glyph_t *g = &lg->v[i];
  if (g->cluster >= e)
    return 0;
  if (space_at (sh->text, sh->len, g->cluster))
    return g->advance > 0 ? g->advance / 2 : 0;
  if (i + 1 >= lg->n || lg->v[i + 1].cluster == g->cluster || lg->v[i + 1].cluster >= e)
    return 0;
  return ink__para_cluster_gap (sh, g->cluster, lg->v[i + 1].cluster);
}

/* Thai, Lao, Khmer, Myanmar: diff (> 0) spread over the spaces (phrase breaks) and the gaps
 * between clusters in proportion to how far each may grow, none past its limit; what is
 * left when all are at their limit leaves the line short. Returns false when the line has no
 * gap between clusters. */
static bool
fill_clusters (const ink__shaped_t *sh, ink__glyph_vec_t *lg, size_t e, int64_t diff)
{
  int64_t total = 0, gaps = 0;
  for (size_t i = 0; i < lg->n; i++) {
    int64_t st = cluster_stretch (sh, lg, i, e);
    total += st;
    if (st && !space_at (sh->text, sh->len, lg->v[i].cluster))
      gaps += st;
  }
  if (gaps == 0)
    return false;
  int64_t take = diff < total ? diff : total, given = 0;
  for (size_t i = 0; i < lg->n; i++) {
    int64_t share = cluster_stretch (sh, lg, i, e) * take / total;
    lg->v[i].advance += (int32_t) share;
    given += share;
  }
  /* What rounding left goes one unit at a time to those still below their limit. */
  for (size_t i = 0; i < lg->n && given < take; i++) {
    int64_t st = cluster_stretch (sh, lg, i, e);
    if (st && st * take / total < st)
      lg->v[i].advance++, given++;
  }
  return true;
}

/* Whether glyph i of line [s, e) takes a share of the justification. */
typedef bool (*gap_fn) (const ink__shaped_t *sh, const uint8_t *brks, const ink__glyph_vec_t *lg,
                        size_t i, size_t s, size_t e);

/* Adds total / n to each of the first n glyphs chosen by want (one unit more to the first
 * total % n, or one less for a negative total). |total| <= INK_PARA_MAX_WIDTH. */
static void
spread (const ink__shaped_t *sh, const uint8_t *brks, ink__glyph_vec_t *lg, size_t s, size_t e,
        gap_fn want, size_t n, int64_t total)
{
  int64_t per = total / (int64_t) n, rem = total - per * (int64_t) n;
  size_t seen = 0;
  for (size_t i = 0; i < lg->n && seen < n; i++) {
    if (!want (sh, brks, lg, i, s, e))
      continue;
    seen++;
    lg->v[i].advance += (int32_t) (per + (rem > 0 ? 1 : rem < 0 ? -1 : 0));
    rem += rem > 0 ? -1 : rem < 0 ? 1 : 0;
  }
}

static bool
space_glyph (const ink__shaped_t *sh, const uint8_t *brks, const ink__glyph_vec_t *lg, size_t i,
             size_t s, size_t e)
{
  (void) brks, (void) s;
  return lg->v[i].cluster < e && space_at (sh->text, sh->len, lg->v[i].cluster) &&
         lg->v[i].advance > 0;
}

static bool
cjk_glyph (const ink__shaped_t *sh, const uint8_t *brks, const ink__glyph_vec_t *lg, size_t i,
           size_t s, size_t e)
{
  (void) brks, (void) s;
  return lg->v[i].cluster < e && is_cjk (cp_at (sh->text, sh->len, lg->v[i].cluster));
}

static bool
letter_glyph (const ink__shaped_t *sh, const uint8_t *brks, const ink__glyph_vec_t *lg, size_t i,
              size_t s, size_t e)
{
  (void) brks, (void) s;
  return letter_gap (sh, lg, i, e);
}

static size_t
count_glyphs (const ink__shaped_t *sh, const uint8_t *brks, const ink__glyph_vec_t *lg, size_t s,
              size_t e, gap_fn want)
{
  size_t n = 0;
  for (size_t i = 0; i < lg->n; i++)
    n += want (sh, brks, lg, i, s, e);
  return n;
}

/* How much of diff the first n CJK characters of line [s, e) take: at most the script
 * table's limit after each; the rest leaves the line short. */
static int64_t
cjk_spacing (const ink__shaped_t *sh, const uint8_t *brks, const ink__glyph_vec_t *lg, size_t s,
             size_t e, size_t n, int64_t diff)
{
  int64_t cap = 0;
  for (size_t i = 0, seen = 0; i < lg->n && seen < n && cap < diff; i++) {
    if (!cjk_glyph (sh, brks, lg, i, s, e))
      continue;
    seen++;
    const ink__run_t *r = ink__para_run_at (sh, lg->v[i].cluster);
    uint32_t cp = cp_at (sh->text, sh->len, lg->v[i].cluster);
    cap += lroundf (r->style->size_px * ink__script_of_cp (cp)->gap_max_64em);
  }
  return diff < cap ? diff : cap;
}

/* Justifies line [s, e) by diff (|diff| <= INK_PARA_MAX_WIDTH): between clusters and over the
 * spaces in scripts without word spaces (Thai), else between letters as far as the style
 * allows and then over the spaces, or between CJK characters where a line has no spaces.
 * Where the spaces stretch, *opened becomes the adjustment ratio they open to as printed:
 * what the letters (where letter_space_max lets them take a share) left of diff over the
 * spaces' stretchability. */
void
ink__para_justify (const ink__shaped_t *sh, const ink__para_opts_t *o, const uint8_t *brks, size_t s,
         size_t e, int64_t diff, ink__glyph_vec_t *lg, double *opened)
{
  /* Scripts without word spaces: no gap at a word boundary that the eye would read as a
   * phrase break, but spacing spread between all clusters. */
  if (diff > 0 && fill_clusters (sh, lg, e, diff))
    return;
  size_t nspace = count_glyphs (sh, brks, lg, s, e, space_glyph);
  int64_t spaces = 0;
  for (size_t i = 0; i < lg->n; i++)
    if (lg->v[i].cluster < e && space_at (sh->text, sh->len, lg->v[i].cluster))
      spaces += lg->v[i].advance;
  if (nspace && diff > 0 && o->letter_space_max > 0) {
    /* Spaces stretch as far as their glue allows; what is left, if the style lets it, goes
     * between letters, a little each (never in joining scripts or CJK). */
    size_t gaps = count_glyphs (sh, brks, lg, s, e, letter_glyph);
    int64_t want = diff - spaces / 2;
    if (want > 0 && gaps) {
      int64_t cap = (int64_t) gaps * o->letter_space_max;
      int64_t take = want < cap ? want : cap;
      spread (sh, brks, lg, s, e, letter_glyph, gaps, take);
      diff -= take;
    }
  }
  /* The spaces take what is left, however the breaker counted the line's stretch: a Korean
   * line's between its characters too. */
  if (nspace && diff > 0 && spaces > 0)
    *opened = (double) diff / ((double) spaces / 2);   /* a space stretches by half */
  /* Never stretch a lone word line. */
  size_t ncjk = nspace ? 0 : count_glyphs (sh, brks, lg, s, e, cjk_glyph);
  if (nspace)
    spread (sh, brks, lg, s, e, space_glyph, nspace, diff);
  else if (ncjk > 1 && diff > 0)
    spread (sh, brks, lg, s, e, cjk_glyph, ncjk - 1, cjk_spacing (sh, brks, lg, s, e, ncjk - 1, diff));
}
