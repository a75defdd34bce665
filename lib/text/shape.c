/* text/shape: one paragraph from UTF-8 to shaped runs in logical order.
 *
 * The steps, in order: decode; bidi embedding levels for the whole paragraph (FriBidi);
 * script per code point, Common and Inherited taking their neighbours' script and paired
 * brackets their opener's; a face per grapheme cluster (the style's face, else the fallback
 * for the cluster's script and language, else any loaded face that covers it), so that a
 * mark never leaves its base; runs where level, script, face, style or language change;
 * HarfBuzz per run with direction, script, language and the style's features, in bounded
 * pieces (pieces.c). */
#include "text.h"
#include "scripts.h"
#include "bidi.h"

#include <fribidi.h>

static const char *const rtl_langs[] = { "ar", "ur", "fa", "he", "yi", "ps", "sd", "ug", "dv",
                                         "iw", "ckb" };

bool
ink__lang_is_rtl (const char *lang)
{
  if (!lang)
    return false;
  for (size_t i = 0; i < sizeof rtl_langs / sizeof *rtl_langs; i++) {
    size_t n = strlen (rtl_langs[i]);
    if (strncmp (lang, rtl_langs[i], n) == 0 && (lang[n] == 0 || lang[n] == '-' || lang[n] == '_'))
      return true;
  }
  return false;
}

bool
ink__is_mark (uint32_t cp)
{
  hb_unicode_general_category_t gc = ink__general_category (cp);
  return gc == HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK ||
         gc == HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK ||
         gc == HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK || cp == 0x200D || cp == 0x200C ||
         (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF) ||
         (cp >= 0x1F3FB && cp <= 0x1F3FF);
}

static bool
weak_script (hb_script_t s)
{
  return s == HB_SCRIPT_COMMON || s == HB_SCRIPT_INHERITED || s == HB_SCRIPT_UNKNOWN;
}

size_t
ink__shaped_cp_at (const ink__shaped_t *sh, size_t off)
{
  size_t lo = 0, hi = sh->ncps;
  while (lo + 1 < hi) {
    size_t mid = (lo + hi) / 2;
    if (sh->cp_off[mid] <= off)
      lo = mid;
    else
      hi = mid;
  }
  return lo;
}

static const ink__text_style_t *
style_at (const ink__style_range_t *ranges, size_t nranges, size_t off, const char **lang)
{
  /* Ranges are sorted; a binary search keeps long paragraphs linear overall. */
  size_t lo = 0, hi = nranges;
  while (lo + 1 < hi) {
    size_t mid = (lo + hi) / 2;
    if (ranges[mid].start <= off)
      lo = mid;
    else
      hi = mid;
  }
  *lang = ranges[lo].lang;
  return ranges[lo].style;
}

static bool
face_covers_cluster (const ink__face_t *f, const uint32_t *cps, size_t a, size_t b)
{
  for (size_t i = a; i < b; i++) {
    uint32_t c = cps[i];
    /* Joiners, variation selectors and a line break need no glyph of their own: a line
     * break in a comment's text keeps the style's face, and the fallback faces are not
     * opened to look for it. */
    if (c == 0x200D || c == 0x200C || (c >= 0xFE00 && c <= 0xFE0F) || c == 0x0A)
      continue;
    if (!ink__face_covers (f, c))
      return false;
  }
  return true;
}

/* Whether cps[a, b) holds no letter: spaces, figures, punctuation and signs only. */
static bool
signs_only (const uint32_t *cps, size_t a, size_t b)
{
  for (size_t i = a; i < b; i++)
    if (!weak_script (ink__script (cps[i])))
      return false;
  return true;
}

/* Signs a fallback face lends (a minus from the Math face, figures from a script's face)
 * take the box of the text they stand in, the run before them or else after them, or the
 * style's face in a paragraph of nothing else: a line's box, and so its baseline, is its
 * text's. The Math face's deeper box set the baseline of a table cell beginning with a minus
 * 1.4 px above its row's. */
static void
lent_boxes (ink__shaped_t *sh)
{
  const ink__run_t *text = NULL;
  for (size_t i = 0; i < sh->runs.n && !text; i++)
    if (!sh->runs.v[i].lent)
      text = &sh->runs.v[i];
  for (size_t i = 0; i < sh->runs.n; i++) {
    ink__run_t *r = &sh->runs.v[i];
    if (!r->lent) {
      text = r;
      continue;
    }
    const ink__face_t *box = text ? text->face : r->style->face;
    r->ascent = ink__units_to_26d6 (box, r->style->size_px, box->ascender);
    r->descent = -ink__units_to_26d6 (box, r->style->size_px, box->descender);
  }
}

/* The script with the most letters in cps[0, n) among those with a chain of their own
 * (not Latin, which takes the style's face first, nor common or inherited), or 0 when
 * Latin letters are as many or none is counted. */
static hb_script_t
main_script (const uint32_t *cps, size_t n)
{
  enum { SCRIPTS = 8 };
  hb_script_t sc[SCRIPTS];
  size_t count[SCRIPTS], latin = 0, best = 0;
  unsigned k, ns = 0;
  for (size_t i = 0; i < n; i++) {
    hb_script_t s = ink__script (cps[i]);
    if (weak_script (s))
      continue;
    if (!ink__script_info (s)->chain_first) {
      latin++;
      continue;
    }
    for (k = 0; k < ns && sc[k] != s; k++)
      ;
    if (k == ns && ns < SCRIPTS)
      sc[ns] = s, count[ns++] = 0;
    if (k < ns)
      count[k]++;
  }
  hb_script_t main = 0;
  for (k = 0; k < ns; k++)
    if (count[k] > best)
      best = count[k], main = sc[k];
  return best > latin ? main : 0;
}

/* Latin letters and figures inside text of a script with its own chain take the first face
 * of that chain that has them: in Thai or Japanese text, whose faces are sans, the sans of
 * the chain ("Thai = thai, sans") or the CJK face's own Latin, not the style's serif beside
 * letters and figures of a sans design. A chain with no face for Latin letters (Arabic's,
 * Devanagari's) leaves them and the figures to the choice they had before. NULL when the
 * context does not decide. */
static ink__face_t *
context_face (const ink__text_style_t *style, hb_script_t context, const char *lang,
              const ink__shape_opts_t *opts, const uint32_t *cps, size_t a, size_t b)
{
  if (!opts->fallback || !context || weak_script (context) ||
      !ink__script_info (context)->chain_first)
    return NULL;
  ink__face_t *latin = opts->fallback (opts->fallback_user, style, context, lang, 'A');
  if (!latin || latin == style->face)
    return NULL;
  ink__face_t *f = opts->fallback (opts->fallback_user, style, context, lang, cps[a]);
  return f && face_covers_cluster (f, cps, a, b) ? f : NULL;
}

/* The face for cluster [a, b); *by_loaded set when it was looked for among the faces the
 * fontset has loaded so far, which other text shaped before may have changed. */
static ink__face_t *
choose_face (ink_fontset_t *fs, const ink__text_style_t *style, hb_script_t script,
             const char *lang, const ink__shape_opts_t *opts, const uint32_t *cps, size_t a,
             size_t b, bool *by_loaded)
{
  if (opts->fallback && ink__script_info (script)->chain_first && !weak_script (script)) {
    /* A script with its own chain (Arabic in Urdu takes Nastaliq) goes there first, even
     * when the style's face also has glyphs for it. Latin text and the characters common to
     * all scripts (spaces, digits, punctuation) take the style's face first: the chain is
     * not asked, a lookup for every cluster of an English paragraph. */
    ink__face_t *f = opts->fallback (opts->fallback_user, style, script, lang, cps[a]);
    if (f && f != style->face && face_covers_cluster (f, cps, a, b))
      return f;
  }
  if (face_covers_cluster (style->face, cps, a, b))
    return style->face;
  if (opts->fallback) {
    ink__face_t *f = opts->fallback (opts->fallback_user, style, script, lang, cps[a]);
    if (f && face_covers_cluster (f, cps, a, b))
      return f;
  }
  /* Any face loaded so far; locked, as another thread sharing the fontset may be loading
   * one and growing the list. */
  ink__face_t *found = NULL;
  *by_loaded = true;
  ink__fontset_lock (fs);
  for (size_t i = 0; i < fs->faces.n && !found; i++)
    if (face_covers_cluster (fs->faces.v[i], cps, a, b))
      found = fs->faces.v[i];
  ink__fontset_unlock (fs);
  if (found)
    return found;
  /* No face has the whole cluster: the face for its base letter, so that the letter is
   * drawn and only the mark is missing. */
  if (b > a + 1)
    return choose_face (fs, style, script, lang, opts, cps, a, a + 1, by_loaded);
  return style->face;
}

void
ink__shaped_free (ink__shaped_t *sh)
{
  ink_context_t *ctx = sh->ctx;
  if (!ctx)
    return;
  ink__free (ctx, sh->levels, sh->len + 1);
  ink__free (ctx, sh->cps, (sh->len + 1) * sizeof *sh->cps);
  ink__free (ctx, sh->cp_off, (sh->len + 1) * sizeof *sh->cp_off);
  ink__vec_free (ctx, &sh->runs);
  ink__vec_free (ctx, &sh->glyphs);
  ink__free (ctx, sh->brks, sh->brks ? sh->len + 1 : 0);
  ink__free (ctx, sh->items, sh->items_bytes);
  memset (sh, 0, sizeof *sh);
}

ink_status_t
ink__shape_paragraph (ink_context_t *ctx, ink_fontset_t *fs, const char *text, size_t len,
                      const ink__style_range_t *ranges, size_t nranges,
                      const ink__shape_opts_t *opts, ink__shaped_t *sh)
{
  memset (sh, 0, sizeof *sh);
  sh->ctx = ctx;
  sh->text = text;
  sh->len = len;
  if (nranges == 0 || len > INT32_MAX)
    return ink__error (ctx, INK_INVALID, "nothing to shape");

  /* Decode. At most len code points. */
  size_t n = 0;
  sh->cps = ink__realloc_array (ctx, NULL, 0, len + 1, sizeof *sh->cps);
  sh->cp_off = ink__realloc_array (ctx, NULL, 0, len + 1, sizeof *sh->cp_off);
  sh->levels = ink__alloc (ctx, len + 1);
  FriBidiCharType *types = ink__realloc_array (ctx, NULL, 0, len + 1, sizeof *types);
  FriBidiBracketType *btypes = ink__realloc_array (ctx, NULL, 0, len + 1, sizeof *btypes);
  FriBidiLevel *levels = ink__realloc_array (ctx, NULL, 0, len + 1, sizeof *levels);
  hb_script_t *scripts = ink__realloc_array (ctx, NULL, 0, len + 1, sizeof *scripts);
  ink__face_t **faces = ink__realloc_array (ctx, NULL, 0, len + 1, sizeof *faces);
  uint32_t *raw = ink__realloc_array (ctx, NULL, 0, len + 1, sizeof *raw);
  size_t *stack = ink__realloc_array (ctx, NULL, 0, len + 1, sizeof *stack);
  ink_status_t st = INK_OK;
  if (!sh->cps || !sh->cp_off || !sh->levels || !types || !btypes || !levels || !scripts ||
      !faces || !raw || !stack) {
    st = ink__error (ctx, INK_NO_MEMORY, "out of memory");
    goto done;
  }
  for (size_t pos = 0; pos < len;) {
    sh->cp_off[n] = (uint32_t) pos;
    ink__utf8_next (text, len, &pos, &raw[n]);
    n++;
  }
  sh->cp_off[n] = (uint32_t) len;
  sh->ncps = n;   /* the arrays keep len + 1 slots; ink__shaped_free frees that many */

  /* Bidi levels for the whole paragraph. */
  if (!ink__bidi_levels (raw, n, opts->direction, opts->lang, types, btypes, levels,
                         &sh->base_level)) {
    st = ink__error (ctx, INK_NO_MEMORY, "bidi analysis failed");
    goto done;
  }

  /* Scripts: strong ones as they are; brackets pair; weak ones take the previous script,
   * or at the start the first strong one that follows. */
  hb_script_t first = HB_SCRIPT_COMMON;
  for (size_t i = 0; i < n; i++) {
    scripts[i] = ink__script (raw[i]);
    if (first == HB_SCRIPT_COMMON && !weak_script (scripts[i]))
      first = scripts[i];
  }
  hb_script_t cur = first;
  size_t depth = 0;
  for (size_t i = 0; i < n; i++) {
    if (weak_script (scripts[i])) {
      if (btypes[i] != FRIBIDI_NO_BRACKET && !FRIBIDI_IS_BRACKET_OPEN (btypes[i])) {
        /* A closing bracket takes its opener's script, found on the stack. */
        size_t k = depth;
        while (k > 0 && FRIBIDI_BRACKET_ID (btypes[stack[k - 1]]) != FRIBIDI_BRACKET_ID (btypes[i]))
          k--;
        if (k > 0) {
          scripts[i] = scripts[stack[k - 1]];
          depth = k - 1;
          cur = scripts[i];
          continue;
        }
      }
      scripts[i] = cur;
      if (btypes[i] != FRIBIDI_NO_BRACKET && FRIBIDI_IS_BRACKET_OPEN (btypes[i]))
        stack[depth++] = i;
    } else {
      cur = scripts[i];
    }
  }

  /* Case mapping for styles that ask for capitals; clusters still point at the input. */
  for (size_t i = 0; i < n; i++) {
    const char *lang;
    const ink__text_style_t *style = style_at (ranges, nranges, sh->cp_off[i], &lang);
    sh->cps[i] = !style->uppercase ? raw[i]
                 : ink__case_upper (raw[i], i > 0 ? raw[i - 1] : 0, i + 1 < n ? raw[i + 1] : 0,
                                    lang ? lang : opts->lang);
  }

  /* A face per grapheme cluster. Clusters of only weak characters (spaces, digits,
   * punctuation) keep the face of the cluster before them when it covers them. Latin
   * letters follow the paragraph's main script (context_face), and so do the weak
   * characters of a paragraph with no letters, after the text's main script. */
  hb_script_t context = main_script (raw, n);
  bool no_letters = first == HB_SCRIPT_COMMON;
  for (size_t a = 0; a < n;) {
    size_t b = a + 1;
    while (b < n && (ink__is_mark (raw[b]) || raw[b - 1] == 0x200D))
      b++;
    const char *lang;
    const ink__text_style_t *style = style_at (ranges, nranges, sh->cp_off[a], &lang);
    if (!lang)
      lang = opts->lang;
    ink__face_t *f = NULL;
    bool weak = true, latin = false;
    for (size_t i = a; i < b; i++) {
      hb_script_t s = ink__script (raw[i]);
      if (!weak_script (s))
        weak = false;
      latin = latin || (!weak_script (s) && !ink__script_info (s)->chain_first);
    }
    if (weak && a > 0 && faces[a - 1] != style->face &&
        face_covers_cluster (faces[a - 1], sh->cps, a, b)) {
      const char *plang;
      const ink__text_style_t *pstyle = style_at (ranges, nranges, sh->cp_off[a - 1], &plang);
      if (pstyle == style)
        f = faces[a - 1];
    }
    if (!f && latin)
      f = context_face (style, context, lang, opts, sh->cps, a, b);
    else if (!f && weak && no_letters)
      f = context_face (style, opts->script, lang, opts, sh->cps, a, b);
    if (!f)
      f = choose_face (fs, style, scripts[a], lang, opts, sh->cps, a, b, &sh->by_loaded);
    for (size_t i = a; i < b; i++)
      faces[i] = f;
    a = b;
  }

  for (size_t i = 0; i < n; i++)
    for (size_t k = sh->cp_off[i]; k < sh->cp_off[i + 1]; k++)
      sh->levels[k] = levels[i];

  /* Runs, then shaping with the whole paragraph as context. */
  for (size_t a = 0; a < n;) {
    const char *lang;
    const ink__text_style_t *style = style_at (ranges, nranges, sh->cp_off[a], &lang);
    if (!lang)
      lang = opts->lang;
    size_t b = a + 1;
    while (b < n) {
      const char *lang2;
      const ink__text_style_t *style2 = style_at (ranges, nranges, sh->cp_off[b], &lang2);
      if (!lang2)
        lang2 = opts->lang;
      if (levels[b] != levels[a] || scripts[b] != scripts[a] || faces[b] != faces[a] ||
          style2 != style || lang2 != lang)
        break;
      b++;
    }
    ink__run_t run = { 0 };
    run.start = sh->cp_off[a];
    run.end = sh->cp_off[b];
    run.level = levels[a];
    run.script = scripts[a];
    run.lang = lang;
    run.face = faces[a];
    run.style = style;
    run.g0 = sh->glyphs.n;
    run.lent = run.face != style->face && signs_only (raw, a, b);
    run.ascent = ink__units_to_26d6 (run.face, style->size_px, run.face->ascender);
    run.descent = -ink__units_to_26d6 (run.face, style->size_px, run.face->descender);
    ink__shape_job_t job = { sh, &run, 0, n, NULL, NULL, 0 };
    st = ink__shape_pieces (&job, a, b, &sh->glyphs, &sh->missing);
    if (st != INK_OK)
      goto done;
    run.ng = sh->glyphs.n - run.g0;
    if (!ink__vec_push (ctx, &sh->runs, run)) {
      st = ink__error (ctx, INK_NO_MEMORY, "out of memory");
      goto done;
    }
    a = b;
  }
  lent_boxes (sh);

done:
  ink__free (ctx, types, (len + 1) * sizeof *types);
  ink__free (ctx, btypes, (len + 1) * sizeof *btypes);
  ink__free (ctx, levels, (len + 1) * sizeof *levels);
  ink__free (ctx, scripts, (len + 1) * sizeof *scripts);
  ink__free (ctx, faces, (len + 1) * sizeof *faces);
  ink__free (ctx, raw, (len + 1) * sizeof *raw);
  ink__free (ctx, stack, (len + 1) * sizeof *stack);
  if (st != INK_OK)
    ink__shaped_free (sh);
  return st;
}
