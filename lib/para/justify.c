/* para/justify: a line's missing width spread over its spaces and Thai word boundaries,
 * between letters as far as the style allows, or between CJK characters where a line has no
 * spaces. */
#include "para-internal.h"

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

/* True when a Thai or Lao word ends between the glyph of cluster a and that of cluster b
 * (the next one in the line), with no space on either side. */
static bool
thai_boundary (const ink__shaped_t *sh, const uint8_t *brks, size_t s, size_t e, uint32_t a,
               uint32_t b)
{
  if (b <= a || b <= s || b >= e || brks[b - 1] != INK_BRK_ALLOW)
    return false;
  uint32_t before = cp_at (sh->text, sh->len, cp_before (sh->text, a, b));
  uint32_t at = cp_at (sh->text, sh->len, b);
  return ink__script_of_cp (before)->justify == INK_JUSTIFY_CLUSTERS && !is_space (at) &&
         !is_space (before);
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
thai_glyph (const ink__shaped_t *sh, const uint8_t *brks, const ink__glyph_vec_t *lg, size_t i,
            size_t s, size_t e)
{
  return i + 1 < lg->n && thai_boundary (sh, brks, s, e, lg->v[i].cluster, lg->v[i + 1].cluster);
}

static bool
space_or_thai_glyph (const ink__shaped_t *sh, const uint8_t *brks, const ink__glyph_vec_t *lg,
                     size_t i, size_t s, size_t e)
{
  return space_glyph (sh, brks, lg, i, s, e) || thai_glyph (sh, brks, lg, i, s, e);
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

/* Justifies line [s, e) by diff (|diff| <= INK_PARA_MAX_WIDTH): over the spaces and Thai word
 * boundaries, else between letters as far as the style allows and then over the spaces, or
 * between CJK characters where a line has no spaces. */
void
ink__para_justify (const ink__shaped_t *sh, const ink__para_opts_t *o, const uint8_t *brks, size_t s,
         size_t e, int64_t diff, ink__glyph_vec_t *lg)
{
  size_t nspace = count_glyphs (sh, brks, lg, s, e, space_glyph);
  size_t nthai = count_glyphs (sh, brks, lg, s, e, thai_glyph);
  /* Thai and Lao word boundaries take their share with the spaces: the glyph before each
   * boundary grows. */
  if (nthai && diff > 0) {
    spread (sh, brks, lg, s, e, space_or_thai_glyph, nthai + nspace, diff);
    return;
  }
  if (nspace && diff > 0 && o->letter_space_max > 0) {
    /* Spaces stretch as far as their glue allows; what is left, if the style lets it, goes
     * between letters, a little each (never in joining scripts or CJK). */
    int64_t spaces = 0;
    for (size_t i = 0; i < lg->n; i++)
      if (lg->v[i].cluster < e && space_at (sh->text, sh->len, lg->v[i].cluster))
        spaces += lg->v[i].advance;
    size_t gaps = count_glyphs (sh, brks, lg, s, e, letter_glyph);
    int64_t want = diff - spaces / 2;
    if (want > 0 && gaps) {
      int64_t cap = (int64_t) gaps * o->letter_space_max;
      int64_t take = want < cap ? want : cap;
      spread (sh, brks, lg, s, e, letter_glyph, gaps, take);
      diff -= take;
    }
  }
  /* Never stretch a lone word line. */
  size_t ncjk = nspace ? 0 : count_glyphs (sh, brks, lg, s, e, cjk_glyph);
  if (nspace)
    spread (sh, brks, lg, s, e, space_glyph, nspace, diff);
  else if (ncjk > 1 && diff > 0)
    spread (sh, brks, lg, s, e, cjk_glyph, ncjk - 1, diff);
}
