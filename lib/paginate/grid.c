/* paginate/grid: the baseline grid. The line step of a script in a language ([page]
 * baseline, the body leading, or a [grid] step), the main script of a text, where a face's
 * box puts the baseline in a step, and the pages' grid from the article's main script.
 * setpara.c puts body text on it; docs/templates.md gives the rules. */
#include "layout-internal.h"

#include <string.h>

/* Adds n letters of script sc to c, the first of them cp at byte at; scripts past the first
 * INK_GRID_SCRIPTS are not counted. */
static void
tally (ink__script_count_t *c, hb_script_t sc, uint32_t cp, size_t at, size_t n)
{
  unsigned k = 0;
  while (k < c->n && c->script[k] != sc)
    k++;
  if (k == c->n) {
    if (k == INK_GRID_SCRIPTS)
      return;
    c->script[k] = sc;
    c->cp[k] = cp;
    c->at[k] = at;
    c->count[k] = 0;
    c->n++;
  }
  c->count[k] += n;
}

static inline bool
ascii_letter (unsigned char c)
{
  return (unsigned) ((c | 0x20) - 'a') <= 'z' - 'a';
}

/* The letters of s from pos to the end of its run of ASCII, added to *n; returns where the
 * run ends. Eight bytes at a time: a byte is a letter when, with bit 5 set, it is at least
 * 'a' and below '{' (adding 0x1F, then 0x05, carries into its top bit). */
static size_t
ascii_letters (const char *s, size_t len, size_t pos, size_t *n)
{
  const uint64_t top = 0x8080808080808080u, ones = 0x0101010101010101u;
  for (; pos + 8 <= len; pos += 8) {
    uint64_t w;
    memcpy (&w, s + pos, 8);
    if (w & top)
      break;
    uint64_t x = w | 0x2020202020202020u;
    uint64_t letters = (x + 0x1F * ones) & ~(x + 0x05 * ones) & top;
    *n += (size_t) (((letters >> 7) * ones) >> 56);
  }
  for (; pos < len && (unsigned char) s[pos] < 0x80; pos++)
    *n += ascii_letter ((unsigned char) s[pos]);
  return pos;
}

/* Adds the strong letters of s (not common or inherited, such as digits and marks) to c,
 * by script. A run of ASCII is counted at once: its letters are Latin and the rest of it
 * common (Unicode's Scripts.txt), so HarfBuzz is asked only beyond it. */
void
ink__count_scripts (ink__script_count_t *c, const char *s, size_t len)
{
  hb_unicode_funcs_t *uf = hb_unicode_funcs_get_default ();
  size_t pos = 0;
  while (pos < len) {
    if ((unsigned char) s[pos] < 0x80) {
      size_t first = SIZE_MAX, n = 0;
      for (; pos < len && (unsigned char) s[pos] < 0x80 && !n; pos++)
        if (ascii_letter ((unsigned char) s[pos]))
          first = pos, n = 1;
      if (n > 0)
        pos = ascii_letters (s, len, pos, &n);
      if (n > 0)
        tally (c, HB_SCRIPT_LATIN, (unsigned char) s[first], first, n);
      continue;
    }
    size_t at = pos;
    uint32_t cp;
    if (!ink__utf8_next_multi (s, len, &pos, &cp))
      return;
    hb_script_t sc = hb_unicode_script (uf, cp);
    if (sc != HB_SCRIPT_COMMON && sc != HB_SCRIPT_INHERITED && sc != HB_SCRIPT_UNKNOWN)
      tally (c, sc, cp, at, 1);
  }
}

/* The script with the most letters in c (the first counted on a tie); its first letter in
 * *cp, at byte *at of the text counted first. HB_SCRIPT_LATIN, 'a' and 0 when c holds
 * none. */
hb_script_t
ink__main_script (const ink__script_count_t *c, uint32_t *cp, size_t *at)
{
  unsigned best = 0;
  for (unsigned k = 1; k < c->n; k++)
    if (c->count[k] > c->count[best])
      best = k;
  *cp = c->n ? c->cp[best] : 'a';
  *at = c->n ? c->at[best] : 0;
  return c->n ? c->script[best] : HB_SCRIPT_LATIN;
}

/* The body line step for text of script in lang: the template's [grid] step for the script
 * in that language, else for the script, else the body step ([page] baseline, or the body
 * style's leading). 1/64 px. */
int32_t
ink__grid_step (const lay_t *L, hb_script_t script, const char *lang)
{
  const ink_template_t *t = L->t;
  char tag[5];
  hb_tag_to_string (hb_script_to_iso15924_tag (script), tag);
  tag[4] = 0;
  for (int pass = 0; pass < 2; pass++)
    for (size_t i = 0; i < t->ngrids; i++) {
      const ink__grid_step_t *g = &t->grids[i];
      if (strncmp (g->script, tag, 4) != 0)
        continue;
      if (pass == 0 ? lang && g->lang[0] && strncmp (lang, g->lang, strlen (g->lang)) == 0
                    : !g->lang[0])
        return PX (g->step_px);
    }
  float base = t->baseline_px > 0 ? t->baseline_px : t->styles[INK_ROLE_BODY].leading_px;
  return PX (base);
}


/* The face that sets letter cp of script in style s: its own when it has the letter, else
 * the fallback chain's; its ascent and descent at the style's size, 1/64 px. */
static void
script_box (lay_t *L, const ink__text_style_t *s, hb_script_t script, const char *lang,
                 uint32_t cp, int32_t *ascent, int32_t *descent)
{
  ink__face_t *f = s->face;
  if (!ink__face_covers (f, cp)) {
    ink__face_t *fb = ink__shape_fallback (L, s, script, lang, cp);
    if (fb)
      f = fb;
  }
  *ascent = ink__units_to_26d6 (f, s->size_px, f->ascender);
  *descent = -ink__units_to_26d6 (f, s->size_px, f->descender);
}

/* The baseline of a line step high whose text has script's face in style s: the face's box
 * centred in the step. */
int32_t
ink__step_baseline (lay_t *L, const ink__text_style_t *s, int32_t step, hb_script_t script,
                    const char *lang, uint32_t cp)
{
  int32_t asc, desc;
  script_box (L, s, script, lang, cp, &asc, &desc);
  return (step - asc - desc) / 2 + asc;
}

/* The pages' grid: the step of the article's main script (in the letters of all its blocks)
 * in the article's language, and the body baseline in that step. */
void
ink__article_grid (lay_t *L)
{
  ink__script_count_t c = { 0 };
  for (size_t i = 0; i < L->a->nblocks; i++)
    ink__count_scripts (&c, L->a->blocks[i].text, L->a->blocks[i].text_len);
  uint32_t cp;
  size_t at;
  hb_script_t script = ink__main_script (&c, &cp, &at);
  L->script = script;
  L->grid = ink__grid_step (L, script, L->a->lang);
  L->grid_base = ink__step_baseline (L, &L->styles[INK_ROLE_BODY][0], L->grid, script,
                                     L->a->lang, cp);
  L->doc->grid_step = L->grid;
  L->doc->grid_base = L->grid_base;
}
