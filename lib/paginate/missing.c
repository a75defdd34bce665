/* paginate/missing: the characters no font has, named. After the flow, every paragraph set
 * is read for .notdef glyphs; their code points become runs (through the spaces and
 * punctuation between them, up to a letter the fonts have or another script), each with
 * the article source position of its first character:
 *
 *   size_t n;
 *   const ink_missing_run_t *r = ink_document_missing_runs (doc, &n);
 *   // r[0]: line 12, column 1, U+0995, "Bengali", 412 characters
 *
 * A paragraph's text is found again in its block (the block's text, of which a drop cap's
 * paragraph is a part, else the block's other fields) or, for the head, in the front
 * matter's fields; the block's source marks give the position (ink__block_position). */
#include "layout-internal.h"

#include <stdio.h>
#include <limits.h>
#include <stdlib.h>

typedef struct {
  hb_script_t script;
  const char *name;
} script_name_t;

/* The names of scripts a news article may hold; others are named by their ISO 15924 code. */
static const script_name_t script_names[] = {
  { HB_SCRIPT_UNKNOWN, "Unknown" }, { HB_SCRIPT_COMMON, "Common" }, { HB_SCRIPT_INHERITED, "Inherited" },
  { HB_SCRIPT_LATIN, "Latin" }, { HB_SCRIPT_GREEK, "Greek" }, { HB_SCRIPT_CYRILLIC, "Cyrillic" },
  { HB_SCRIPT_ARMENIAN, "Armenian" }, { HB_SCRIPT_GEORGIAN, "Georgian" },
  { HB_SCRIPT_HEBREW, "Hebrew" }, { HB_SCRIPT_ARABIC, "Arabic" }, { HB_SCRIPT_SYRIAC, "Syriac" },
  { HB_SCRIPT_THAANA, "Thaana" }, { HB_SCRIPT_NKO, "N'Ko" }, { HB_SCRIPT_ETHIOPIC, "Ethiopic" },
  { HB_SCRIPT_DEVANAGARI, "Devanagari" }, { HB_SCRIPT_BENGALI, "Bengali" },
  { HB_SCRIPT_GURMUKHI, "Gurmukhi" }, { HB_SCRIPT_GUJARATI, "Gujarati" },
  { HB_SCRIPT_ORIYA, "Oriya" }, { HB_SCRIPT_TAMIL, "Tamil" }, { HB_SCRIPT_TELUGU, "Telugu" },
  { HB_SCRIPT_KANNADA, "Kannada" }, { HB_SCRIPT_MALAYALAM, "Malayalam" },
  { HB_SCRIPT_SINHALA, "Sinhala" }, { HB_SCRIPT_THAI, "Thai" }, { HB_SCRIPT_LAO, "Lao" },
  { HB_SCRIPT_TIBETAN, "Tibetan" }, { HB_SCRIPT_MYANMAR, "Myanmar" }, { HB_SCRIPT_KHMER, "Khmer" },
  { HB_SCRIPT_MONGOLIAN, "Mongolian" }, { HB_SCRIPT_HANGUL, "Hangul" },
  { HB_SCRIPT_HIRAGANA, "Hiragana" }, { HB_SCRIPT_KATAKANA, "Katakana" }, { HB_SCRIPT_HAN, "Han" },
  { HB_SCRIPT_BOPOMOFO, "Bopomofo" }, { HB_SCRIPT_YI, "Yi" }, { HB_SCRIPT_CHEROKEE, "Cherokee" },
  { HB_SCRIPT_CANADIAN_SYLLABICS, "Canadian Aboriginal" }, { HB_SCRIPT_TIFINAGH, "Tifinagh" },
  { HB_SCRIPT_VAI, "Vai" }, { HB_SCRIPT_JAVANESE, "Javanese" }, { HB_SCRIPT_BALINESE, "Balinese" },
  { HB_SCRIPT_OL_CHIKI, "Ol Chiki" }, { HB_SCRIPT_ADLAM, "Adlam" },
};

static void
script_name (hb_script_t sc, char *out, size_t size)
{
  for (size_t i = 0; i < sizeof script_names / sizeof *script_names; i++)
    if (script_names[i].script == sc) {
      snprintf (out, size, "%s", script_names[i].name);
      return;
    }
  char tag[5];
  hb_tag_to_string (hb_script_to_iso15924_tag (sc), tag);
  tag[4] = 0;
  snprintf (out, size, "%s", tag);
}

/* Where text[0, len) of a paragraph body sits in s[0, slen): its offset, or SIZE_MAX. A
 * body is a field whole, or its start or its end (a drop cap and the rest). */
static size_t
part_of (const char *s, size_t slen, const char *text, size_t len)
{
  if (!s || len > slen)
    return SIZE_MAX;
  if (!memcmp (s, text, len))
    return 0;
  if (!memcmp (s + slen - len, text, len))
    return slen - len;
  return SIZE_MAX;
}

/* The source position of byte off of paragraph p's body. */
static void
source_position (const lay_t *L, const setpara_t *p, size_t off, unsigned *line, unsigned *col)
{
  const ink_article_t *a = L->a;
  const char *body = p->text + p->body_start;
  size_t blen = p->body_end - p->body_start, at;
  *line = *col = 0;
  if (p->block >= 0 && (size_t) p->block < a->nblocks) {
    const ink__block_t *b = &a->blocks[p->block];
    if ((at = part_of (b->text, b->text_len, body, blen)) != SIZE_MAX) {
      ink__block_position (b, at + off, line, col);
    } else {
      *line = b->line;
      *col = b->column;
    }
    return;
  }
  for (int k = 0; k < INK_KEY_COUNT_; k++) {
    const char *f = *ink__article_field ((ink_article_t *) a, (ink__key_t) k);
    if (f && a->key_line[k] && part_of (f, strlen (f), body, blen) != SIZE_MAX) {
      *line = a->key_line[k];
      *col = a->key_column[k];
      return;
    }
  }
}

/* What each byte of p's text starts: 0 nothing, 1 a cluster drawn, 2 a cluster with a box. */
static uint8_t *
cluster_marks (lay_t *L, const setpara_t *p)
{
  uint8_t *m = ink__realloc (L->ctx, NULL, 0, p->len + 1);
  if (!m)
    return NULL;
  memset (m, 0, p->len + 1);
  for (size_t i = 0; i < p->sh.glyphs.n; i++) {
    const ink__glyph_t *g = &p->sh.glyphs.v[i];
    if (g->cluster < p->len && m[g->cluster] < 2)
      m[g->cluster] = g->gid == 0 ? 2 : 1;
  }
  return m;
}

/* Code points no face draws on their own, which a cluster may hold whatever its face: joiners,
 * variation selectors, tags. */
static bool
ignorable (uint32_t cp)
{
  return (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2060 && cp <= 0x206F) ||
         (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0000 && cp <= 0xE0FFF);
}

/* The code point of the cluster at byte at (marked 2) that its face lacks: in "❤️‍🔥" the fire
 * (the heart is drawn), in "1️⃣" the enclosing keycap; cp (the cluster's first) when the face
 * lacks them all or the run is not found. */
static uint32_t
missing_cp (const setpara_t *p, const uint8_t *m, size_t at, uint32_t cp)
{
  const ink__run_t *r = NULL;
  for (size_t k = 0; k < p->sh.runs.n && !r; k++)
    if (at >= p->sh.runs.v[k].start && at < p->sh.runs.v[k].end)
      r = &p->sh.runs.v[k];
  if (!r || !r->face || !ink__face_covers (r->face, cp))
    return cp;
  size_t end = at + 1;
  while (end < p->len && !m[end])
    end++;
  for (size_t i = at; i < end;) {
    uint32_t c;
    ink__utf8_next (p->text, end, &i, &c);
    if (!ignorable (c) && !ink__face_covers (r->face, c))
      return c;
  }
  return cp;
}

/* The run being gathered in one paragraph. */
typedef struct {
  bool open;
  hb_script_t script;
  ink_missing_run_t run;
} gather_t;

static ink_status_t
close_run (lay_t *L, gather_t *g)
{
  if (!g->open)
    return INK_OK;
  g->open = false;
  return ink__vec_push (L->ctx, &L->doc->missing_runs, g->run) ? INK_OK : oom (L);
}

/* The runs of paragraph p, unsorted, into L->doc's (before p is freed: pager.c). */
ink_status_t
ink__missing_para_runs (lay_t *L, const setpara_t *p)
{
  if (!p->sh.missing)
    return INK_OK;
  uint8_t *m = cluster_marks (L, p);
  if (!m)
    return oom (L);
  hb_unicode_funcs_t *uf = hb_unicode_funcs_get_default ();
  gather_t g = { 0 };
  ink_status_t st = INK_OK;
  uint8_t state = 0;
  size_t i = 0;
  while (i < p->len && st == INK_OK) {
    size_t at = i;
    uint32_t cp;
    ink__utf8_next (p->text, p->len, &i, &cp);
    if (m[at])
      state = m[at];
    hb_unicode_general_category_t gc = hb_unicode_general_category (uf, cp);
    if (gc == HB_UNICODE_GENERAL_CATEGORY_CONTROL ||
        gc == HB_UNICODE_GENERAL_CATEGORY_LINE_SEPARATOR ||
        gc == HB_UNICODE_GENERAL_CATEGORY_PARAGRAPH_SEPARATOR)
      continue;   /* a forced line break: its glyph is never drawn */
    hb_script_t sc = hb_unicode_script (uf, cp);
    bool neutral = sc == HB_SCRIPT_COMMON || sc == HB_SCRIPT_INHERITED;
    if (state != 2) {
      if (g.open && ink__is_letter (cp))
        st = close_run (L, &g);
      continue;
    }
    if (g.open && !neutral && g.script != sc && g.script != HB_SCRIPT_COMMON)
      st = close_run (L, &g);
    if (g.open) {
      g.run.chars++;
      if (g.script == HB_SCRIPT_COMMON && !neutral)
        g.script = sc;
      continue;
    }
    g.open = true;
    cp = missing_cp (p, m, at, cp);
    g.script = sc = hb_unicode_script (uf, cp);
    g.run = (ink_missing_run_t) { 0 };
    g.run.first = cp;
    g.run.chars = 1;
    script_name (sc, g.run.script, sizeof g.run.script);
    if (at >= p->body_start && at < p->body_end)
      source_position (L, p, at - p->body_start, &g.run.line, &g.run.column);
  }
  if (st == INK_OK)
    st = close_run (L, &g);
  ink__free (L->ctx, m, p->len + 1);
  return st;
}

static int
run_order (const void *a, const void *b)
{
  const ink_missing_run_t *x = a, *y = b;
  unsigned xl = x->line ? x->line : UINT_MAX, yl = y->line ? y->line : UINT_MAX;
  if (xl != yl)
    return xl < yl ? -1 : 1;
  if (x->column != y->column)
    return x->column < y->column ? -1 : 1;
  if (x->first != y->first)
    return x->first < y->first ? -1 : 1;
  return x->chars < y->chars ? 1 : x->chars > y->chars ? -1 : 0;
}

/* Whether one of v[0, n) is the same run as r. */
static bool
named (const ink_missing_run_t *v, size_t n, const ink_missing_run_t *r)
{
  for (size_t i = 0; i < n; i++)
    if (v[i].first == r->first && v[i].chars == r->chars)
      return true;
  return false;
}

ink_status_t
ink__missing_runs (lay_t *L)
{
  ink_document_t *doc = L->doc;
  for (size_t i = 0; i < L->paras.n; i++) {
    const setpara_t *p = L->paras.v[i];
    /* A drop cap is a paragraph of the list too. */
    ink_status_t st = ink__missing_para_runs (L, p);
    if (st != INK_OK)
      return st;
  }
  /* Source order; a paragraph set more than once (at two measures) is named once, and so is
   * text the page repeats without a position (the title in a running head). */
  ink_missing_run_t *v = doc->missing_runs.v;
  size_t n = doc->missing_runs.n, w = 0;
  if (n > 1)
    qsort (v, n, sizeof *v, run_order);
  for (size_t r = 0; r < n; r++)
    if (!w || (v[r].line ? v[r].line != v[w - 1].line || v[r].column != v[w - 1].column ||
                           v[r].first != v[w - 1].first
                         : !named (v, w, &v[r])))
      v[w++] = v[r];
  doc->missing_runs.n = w;
  return INK_OK;
}

/**
 * ink_document_missing_runs:
 * @doc: a document
 * @n: receives the number of runs
 *
 * The runs of characters that no font has, drawn as boxes, in source order.
 *
 * Return value: (nullable): the runs, owned by @doc.
 * Since: 0.1
 */
const ink_missing_run_t *
ink_document_missing_runs (const ink_document_t *doc, size_t *n)
{
  *n = doc ? doc->missing_runs.n : 0;
  return *n ? doc->missing_runs.v : NULL;
}
