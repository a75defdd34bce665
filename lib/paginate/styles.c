/* paginate/styles: the template's styles as text styles (a face for each weight and slant),
 * and the font fallback chains the shaper asks for a character no face has. */
#include "layout-internal.h"

#include <stdio.h>
#include <string.h>

static const ink__family_t *
family (const ink_template_t *t, const char *name)
{
  for (size_t i = 0; i < t->nfamilies; i++)
    if (name && strcmp (t->families[i].name, name) == 0)
      return &t->families[i];
  return t->nfamilies ? &t->families[0] : NULL;
}

static ink_status_t
family_face (lay_t *L, const ink__family_t *fam, bool bold, bool italic, ink__face_t **out)
{
  const char *file = NULL;
  if (bold && italic)
    file = fam->bold_italic;
  if (!file && bold)
    file = fam->bold;
  if (!file && italic)
    file = fam->italic;
  if (!file)
    file = fam->regular;
  if (!file)
    return ink__error (L->ctx, INK_FONT, "font family %s has no regular face", fam->name);
  ink_status_t st = ink__fontset_face (L->fs, file, out);
  if (st == INK_OK || st == INK_NO_MEMORY || !fam->line)
    return st;
  char why[256];   /* the fontset's message, after the template's line that names the file */
  snprintf (why, sizeof why, "%s", ink_context_error (L->ctx));
  return ink__error (L->ctx, st, "%s:%u:%u: font family %s: %s", L->t->source, fam->line,
                     fam->column, fam->name, why);
}

ink_status_t
ink__make_styles (lay_t *L)
{
  for (int r = 0; r < INK_ROLE_COUNT_; r++) {
    const ink__style_t *s = &L->t->styles[r];
    const ink__family_t *fam = family (L->t, s->family);
    if (!fam)
      return ink__error (L->ctx, INK_FONT, "the template declares no font family");
    for (unsigned k = 0; k < s->nfeatures && k < INK_MAX_FEATURES; k++) {
      hb_feature_t *f = &L->features[r][k];
      f->tag = HB_TAG (s->features[k].tag[0], s->features[k].tag[1], s->features[k].tag[2],
                       s->features[k].tag[3]);
      f->value = s->features[k].value;
      f->start = HB_FEATURE_GLOBAL_START;
      f->end = HB_FEATURE_GLOBAL_END;
    }
    for (int v = 0; v < 4; v++) {
      bool bold = (v & 1) || s->weight >= 600, italic = (v & 2) || s->italic;
      ink__text_style_t *ts = &L->styles[r][v];
      ink_status_t st = family_face (L, fam, bold, italic, &ts->face);
      if (st != INK_OK)
        return st;
      ts->size_px = s->size_px;
      ts->tracking_em = s->tracking_em;
      ts->grey = s->grey;
      ts->uppercase = s->uppercase;
      ts->features = L->features[r];
      ts->nfeatures = s->nfeatures;
      ts->bold = bold;
      ts->italic = italic;
    }
  }
  ink__article_grid (L);
  return INK_OK;
}

/* lang is the chain's language or a subtag of it: "ko" and "ko-KR", not "kok". */
static bool
lang_matches (const char *lang, const char *chain)
{
  size_t n = strlen (chain);
  return lang && strncmp (lang, chain, n) == 0 && (lang[n] == 0 || lang[n] == '-');
}

/* The family's face of the style's weight and slant when it covers cp, else its regular. */
static ink__face_t *
covering_face (lay_t *L, const ink__family_t *fam, const ink__text_style_t *style, uint32_t cp)
{
  ink__face_t *f;
  bool bold = style && style->bold, italic = style && style->italic;
  if ((bold || italic) && family_face (L, fam, bold, italic, &f) == INK_OK &&
      ink__face_covers (f, cp))
    return f;
  if (family_face (L, fam, false, false, &f) == INK_OK && ink__face_covers (f, cp))
    return f;
  return NULL;
}

/* Whether chain fb is one that pass takes (a language's own, the script's, the default)
 * for text of script tag in language lang. */
static bool
chain_in_pass (const ink__fallback_t *fb, int pass, const char *tag, const char *lang)
{
  if (pass == 0)
    return fb->lang[0] && strncmp (fb->script, tag, 4) == 0 && lang_matches (lang, fb->lang);
  if (pass == 1)
    return strncmp (fb->script, tag, 4) == 0 && !fb->lang[0];
  return strncmp (fb->script, "Zyyy", 4) == 0;
}

/* The chains of each pass for script and lang, from L's memo or found again; NULL when the
 * template has more chains or the language a longer tag than the memo holds. */
static const chain_memo_t *
chains_for (lay_t *L, hb_script_t script, const char *tag, const char *lang)
{
  chain_memo_t *m = &L->chains;
  size_t lang_len = lang ? strlen (lang) : 0;
  if (m->valid && m->script == script && m->has_lang == (lang != NULL) &&
      (!lang || strcmp (m->lang, lang) == 0))
    return m;
  const ink_template_t *t = L->t;
  if (t->nfallbacks > INK_TEMPLATE_MAX_FALLBACKS || lang_len >= sizeof m->lang)
    return NULL;
  m->valid = true;
  m->script = script;
  m->has_lang = lang != NULL;
  memcpy (m->lang, lang ? lang : "", lang_len + 1);
  for (int pass = 0; pass < 3; pass++) {
    m->n[pass] = 0;
    for (size_t i = 0; i < t->nfallbacks; i++)
      if (chain_in_pass (&t->fallbacks[i], pass, tag, lang))
        m->idx[pass][m->n[pass]++] = (uint8_t) i;
  }
  return m;
}

/* The face of the first family of chain fb that covers cp, or NULL. */
static ink__face_t *
chain_face (lay_t *L, const ink__fallback_t *fb, const ink__text_style_t *style, uint32_t cp)
{
  for (unsigned k = 0; k < fb->nfamilies; k++) {
    const ink__family_t *fam = family (L->t, fb->families[k]);
    ink__face_t *f = fam ? covering_face (L, fam, style, cp) : NULL;
    if (f)
      return f;
  }
  return NULL;
}

ink__face_t *
ink__shape_fallback (void *user, const ink__text_style_t *style, hb_script_t script,
                     const char *lang, uint32_t cp)
{
  lay_t *L = user;
  const ink_template_t *t = L->t;
  char tag[5];
  hb_tag_to_string (hb_script_to_iso15924_tag (script), tag);
  tag[4] = 0;
  const chain_memo_t *m = chains_for (L, script, tag, lang);
  /* A language-specific chain ("Arab:ur") first, then the script's, then the default. The
   * default chain is for letters the style's family lacks: Cyrillic in a sans byline stays
   * in the sans when the sans has it. */
  for (int pass = 0; pass < 3; pass++) {
    if (pass == 2 && style && style->face && ink__face_covers (style->face, cp))
      return style->face;
    size_t n = m ? m->n[pass] : t->nfallbacks;
    for (size_t j = 0; j < n; j++) {
      const ink__fallback_t *fb = &t->fallbacks[m ? m->idx[pass][j] : j];
      ink__face_t *f = m || chain_in_pass (fb, pass, tag, lang) ? chain_face (L, fb, style, cp)
                                                               : NULL;
      if (f)
        return f;
    }
  }
  return NULL;
}
