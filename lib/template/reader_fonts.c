/* template/reader_fonts: the families every template starts from, and the sections that add
 * to them: [fonts] (a family's files), [fallback] (a script's chain of families) and [grid]
 * (a script's body line step). */
#include "reader-internal.h"

/* The families and fallback chains every template starts from; a template's [fonts] and
 * [fallback] entries replace or add to them. */
static const ink__family_t default_families[] = {
  { "serif", "NotoSerif-Regular.ttf", "NotoSerif-Bold.ttf", "NotoSerif-Italic.ttf",
    "NotoSerif-BoldItalic.ttf", 0, 0 },
  { "sans", "NotoSans-Regular.ttf", "NotoSans-Bold.ttf", NULL, NULL, 0, 0 },
  { "naskh", "NotoNaskhArabic-Regular.ttf", NULL, NULL, NULL, 0, 0 },
  { "nastaliq", "NotoNastaliqUrdu-Regular.ttf", NULL, NULL, NULL, 0, 0 },
  { "hebrew", "NotoSansHebrew-Regular.ttf", NULL, NULL, NULL, 0, 0 },
  { "devanagari", "NotoSansDevanagari-Regular.ttf", NULL, NULL, NULL, 0, 0 },
  { "thai", "NotoSansThai-Regular.ttf", NULL, NULL, NULL, 0, 0 },
  { "cjk", "NotoSansCJKsc-Subset.otf", NULL, NULL, NULL, 0, 0 },
  { "math", "NotoSansMath-Subset.ttf", NULL, NULL, NULL, 0, 0 },
  { "symbols", "NotoSansSymbols-Subset.ttf", NULL, NULL, NULL, 0, 0 },
  { "symbols2", "NotoSansSymbols2-Subset.ttf", NULL, NULL, NULL, 0, 0 },
};

#define NDEFAULT_FAMILIES (sizeof default_families / sizeof default_families[0])

/* The Hebrew and Thai faces have no figures nor Latin punctuation: those of their text come
 * from the sans, as their letters do, not the style's serif; the Devanagari face has no Latin
 * letters: "Metro" in a Hindi head is in the sans, beside letters and figures of a sans
 * design, not the serif (shape.c, context_face). The second default chain holds
 * the signs news copy uses that the text faces lack (minus, ≤ ≥ ≈, arrows, ✓, ■, ①, ⅓, ☀);
 * its faces are opened only when such a sign is set. */
static const struct { const char *script, *lang, *fam[3]; } default_fallbacks[] = {
  { "Zyyy", "", { "serif", "sans" } },
  { "Zyyy", "", { "math", "symbols", "symbols2" } },
  { "Arab", "", { "naskh", NULL } },
  { "Arab", "ur", { "nastaliq", NULL } },
  { "Hebr", "", { "hebrew", "sans" } },
  { "Deva", "", { "devanagari", "sans" } },
  { "Thai", "", { "thai", "sans" } },
  { "Hani", "", { "cjk", NULL } },
  { "Hira", "", { "cjk", NULL } },
  { "Kana", "", { "cjk", NULL } },
  { "Hang", "", { "cjk", NULL } },
};

#define NDEFAULT_FALLBACKS (sizeof default_fallbacks / sizeof default_fallbacks[0])

/* The default families and fallback chains, to which the template's entries are added. */
ink_status_t
ink__tpl_font_defaults (reader_t *r)
{
  ink_status_t st = INK_OK;
  for (size_t i = 0; st == INK_OK && i < NDEFAULT_FAMILIES; i++)
    if (!ink__vec_push (r->ctx, &r->fams, default_families[i]))
      st = ink__tpl_no_memory (r);
  for (size_t i = 0; st == INK_OK && i < NDEFAULT_FALLBACKS; i++) {
    ink__fallback_t fb = { 0 };
    memcpy (fb.script, default_fallbacks[i].script, 5);
    strcpy (fb.lang, default_fallbacks[i].lang);
    for (int k = 0; k < 3 && default_fallbacks[i].fam[k]; k++)
      fb.families[fb.nfamilies++] = default_fallbacks[i].fam[k];
    if (!ink__vec_push (r->ctx, &r->fbs, fb))
      st = ink__tpl_no_memory (r);
  }
  return st;
}

static bool
has_font_extension (const char *s, size_t n)
{
  static const char *const exts[] = { ".ttf", ".otf", ".ttc", ".otc", NULL };
  if (n < 5)
    return false;
  return lookup (s + n - 4, 4, exts) >= 0;
}

ink_status_t
ink__tpl_font_entry (reader_t *r, const entry_t *e)
{
  const char *s = r->src;
  ink__family_t fam = { 0 };
  const char **faces[4] = { &fam.regular, &fam.bold, &fam.italic, &fam.bold_italic };
  size_t count = 0, pos = e->val_off, end = e->val_off + e->val_len;
  span_t item;
  while (ink__tpl_next_item (s, &pos, end, ',', &item)) {
    if (count == 4)
      return fail (r, item.off, "expected at most 4 font files: regular, bold, italic, "
                   "bold italic");
    if (item.len == 0)
      return fail (r, item.off, "expected a font file name");
    if (item.len > INK_TEMPLATE_MAX_TEXT)
      return fail (r, item.off, "font file name longer than %d bytes", INK_TEMPLATE_MAX_TEXT);
    for (size_t k = item.off; k + 4 < item.off + item.len; k++)
      if (is_ws (s[k + 4]) && has_font_extension (s + item.off, k + 4 - item.off))
        return fail (r, k + 4, "expected ',' between font files");
    if (!has_font_extension (s + item.off, item.len))
      return fail (r, item.off, "expected a font file ending in .ttf, .otf, .ttc or .otc, "
                   "got '%.*s'", clip (s + item.off, item.len), s + item.off);
    if (!(*faces[count] = ink__tpl_arena_put (r, s + item.off, item.len)))
      return ink__tpl_no_memory (r);
    count++;
  }
  ink__text_position_at (r->src, r->len, e->key_off, &r->fam_at);
  fam.line = r->fam_at.line;
  fam.column = r->fam_at.column;
  for (size_t i = 0; i < r->fams.n; i++) {
    if (name_eq (s + e->key_off, e->key_len, r->fams.v[i].name)) {
      fam.name = r->fams.v[i].name;
      r->fams.v[i] = fam;
      return INK_OK;
    }
  }
  if (r->fams.n >= INK_TEMPLATE_MAX_FAMILIES)
    return fail (r, e->key_off, "more than %d font families", INK_TEMPLATE_MAX_FAMILIES);
  if (!(fam.name = ink__tpl_arena_put (r, s + e->key_off, e->key_len)))
    return ink__tpl_no_memory (r);
  if (!ink__vec_push (r->ctx, &r->fams, fam))
    return ink__tpl_no_memory (r);
  return INK_OK;
}

/* The declared family named by span v, or NULL after reporting the error. */
const char *
ink__tpl_find_family (reader_t *r, span_t v, ink_status_t *st)
{
  const char *s = r->src + v.off;
  const char *names[INK_TEMPLATE_MAX_FAMILIES + NDEFAULT_FAMILIES + 1];
  for (size_t i = 0; i < r->fams.n; i++) {
    if (name_eq (s, v.len, r->fams.v[i].name))
      return r->fams.v[i].name;
    names[i] = r->fams.v[i].name;
  }
  names[r->fams.n] = NULL;
  char h[64];
  const char *pick = closest (s, v.len, names, r->fams.n);
  if (v.len == 0)
    *st = fail (r, v.off, "expected a family name");
  else if (pick)
    *st = fail (r, v.off, "unknown font family '%.*s'%s", clip (s, v.len), s,
                hint (h, sizeof h, pick));
  else
    *st = fail (r, v.off, "unknown font family '%.*s'; declare it in [fonts]", clip (s, v.len),
                s);
  return NULL;
}

/* A [fallback] or [grid] key: an ISO 15924 script, or 'default' where allowed (script
 * "Zyyy"), with an optional ":LANG" (a BCP 47 tag). */
static ink_status_t
script_key (reader_t *r, const entry_t *e, bool allow_default, char script[5], char lang[16])
{
  const char *k = r->src + e->key_off;
  size_t colon = 0;
  while (colon < e->key_len && k[colon] != ':')
    colon++;
  memset (script, 0, 5);
  memset (lang, 0, 16);
  if (allow_default && word_eq (k, colon, "default")) {
    memcpy (script, "Zyyy", 5);
  } else {
    bool ok = colon == 4;
    for (size_t i = 0; ok && i < 4; i++)
      ok = is_alpha (k[i]);
    if (!ok)
      return fail (r, e->key_off, "expected an ISO 15924 script code of four letters such as "
                   "Arab%s, got '%.*s'", allow_default ? ", or 'default'" : "", clip (k, colon),
                   k);
    script[0] = (char) (fold (k[0]) - 'a' + 'A');
    for (size_t i = 1; i < 4; i++)
      script[i] = fold (k[i]);
  }
  if (colon < e->key_len) {
    size_t ln = e->key_len - colon - 1;
    const char *l = k + colon + 1;
    bool ok = ln >= 2 && ln < 16 && is_alpha (l[0]);
    for (size_t i = 0; ok && i < ln; i++)
      ok = is_alpha (l[i]) || is_digit (l[i]) || l[i] == '-';
    if (!ok)
      return fail (r, e->key_off + colon + 1, "expected a BCP 47 language tag after ':', such "
                   "as ur, got '%.*s'", clip (l, ln), l);
    memcpy (lang, l, ln);
  }
  return INK_OK;
}

ink_status_t
ink__tpl_fallback_entry (reader_t *r, const entry_t *e)
{
  const char *s = r->src;
  ink__fallback_t fb = { 0 };
  ink_status_t st = script_key (r, e, true, fb.script, fb.lang);
  if (st != INK_OK)
    return st;
  size_t pos = e->val_off, end = e->val_off + e->val_len;
  span_t item;
  while (ink__tpl_next_item (s, &pos, end, ',', &item)) {
    if (fb.nfamilies == 4)
      return fail (r, item.off, "expected at most 4 families in a fallback chain");
    const char *name = ink__tpl_find_family (r, item, &st);
    if (!name)
      return st;
    fb.families[fb.nfamilies++] = name;
  }
  for (size_t i = 0; i < r->fbs.n; i++) {
    if (strcmp (r->fbs.v[i].script, fb.script) == 0 && strcmp (r->fbs.v[i].lang, fb.lang) == 0) {
      r->fbs.v[i] = fb;
      return INK_OK;
    }
  }
  if (r->fbs.n >= INK_TEMPLATE_MAX_FALLBACKS)
    return fail (r, e->key_off, "more than %d fallback chains", INK_TEMPLATE_MAX_FALLBACKS);
  if (!ink__vec_push (r->ctx, &r->fbs, fb))
    return ink__tpl_no_memory (r);
  return INK_OK;
}

/* A [grid] entry: the body line step of a script, or of a script in one language. */
ink_status_t
ink__tpl_grid_entry (reader_t *r, const entry_t *e)
{
  ink__grid_step_t g = { 0 };
  ink_status_t st = script_key (r, e, false, g.script, g.lang);
  if (st != INK_OK)
    return st;
  span_t v = { e->val_off, e->val_len };
  if ((st = ink__tpl_parse_length (r, v, LEN_PAGE, 0, false, &g.step_px, NULL)) != INK_OK)
    return st;
  if (g.step_px < 1)
    return fail (r, e->val_off, "expected a line step of at least 1px, got '%.*s'",
                 clip (r->src + e->val_off, e->val_len), r->src + e->val_off);
  ink_template_t *t = r->t;
  if (t->ngrids >= INK_TEMPLATE_MAX_GRIDS)
    return fail (r, e->key_off, "more than %d line steps in [grid]", INK_TEMPLATE_MAX_GRIDS);
  r->grid_off[t->ngrids] = e->val_off;
  t->grids[t->ngrids++] = g;
  return INK_OK;
}
