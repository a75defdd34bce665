/* paginate/layout: an article on a template, as pages of display lists.
 *
 *   ink_document_t *doc;
 *   ink_document_layout (ctx, article, tpl, fonts, NULL, &doc);
 *   for (size_t p = 0; p < ink_document_page_count (doc); p++) ...
 *   ink_document_destroy (doc);
 *
 * Every block is set once, at the width it will have (a column or the full measure), before
 * anything is placed: pagination only moves lines, it never reshapes. The flow then places
 * units (paragraph lines, figures, rules) down the columns of each page, keeping subheads
 * with what follows, honouring widows and orphans, and balancing the last page's columns. */
#include "paginate.h"

#include <hb-ot.h>
#include <math.h>
#include <stdio.h>

#include "breaks.h"
#include "para.h"

#define PX(v) ((int32_t) lroundf ((v) * 64.0f))
#define INK_MAX_DROP_LINES 10

/* A set paragraph: its shaping and its lines, plus where its own text sits in the para
 * text (prefix and suffix are generated: bullets, "Read:", a formatted date). */
typedef struct setpara {
  ink__shaped_t sh;
  ink__para_t para;
  char *text;
  size_t len, body_start, body_end;
  int role;
  long block;
  int32_t x_off;                 /* from the frame's left edge (indents of replies) */
  int32_t leading;
  ink__style_range_t *ranges;
  size_t nranges;
  int32_t grid;                  /* baseline grid step, or 0: line heights are multiples */
  struct setpara *cap;           /* a drop cap beside the first lines, or NULL */
  unsigned cap_lines;            /* lines beside the cap */
  int32_t cap_shift;             /* those lines start this far right (left-to-right text) */
  int32_t cap_x;                 /* the cap's left edge from the frame's */
  int32_t hang;                  /* lines after the first start this far in (list items) */
} setpara_t;

typedef enum { U_PARA, U_IMAGE, U_RULE, U_SPACE, U_PAGE } unit_kind_t;

typedef struct {
  unit_kind_t kind;
  setpara_t *p;                  /* U_PARA */
  const ink__image_t *image;     /* U_IMAGE */
  int32_t w, h;                  /* U_IMAGE, U_RULE, U_SPACE */
  int32_t x_off;
  int32_t space_before, space_after;
  bool keep_with_next;           /* subheads, figure images with their captions */
  bool unsplittable;             /* pull quotes */
  unsigned float_len;            /* first unit of a float (pull quote, related box, figure):
                                  * the units it has; it may wait for the next column */
  bool span;                     /* set across all columns: waits for the top of a page */
  size_t placed_page;            /* spanning floats: the page they went on, or SIZE_MAX */
  long block;
} unit_t;

/* Where a page's flow began, to flow it again when balancing. */
typedef struct {
  size_t ui, k, page, items, glyphs, lines, text, overflow_blocks, overflow_chars, missing;
  size_t pending, pending_span;
  int32_t top;
  bool head_overflow;
} snap_t;

#define NO_FLOAT SIZE_MAX

typedef struct {
  ink_document_t *doc;
  ink_context_t *ctx;
  const ink_article_t *a;
  ink_template_t *t;
  ink_fontset_t *fs;
  ink__hyphenator_t *hy;
  ink__text_style_t styles[INK_ROLE_COUNT_][4];
  hb_feature_t features[INK_ROLE_COUNT_][INK_MAX_FEATURES];
  int32_t left, top, right, bottom, colw, gutter;
  unsigned ncols;
  size_t max_pages;
  INK_VEC (unit_t) units;
  INK_VEC (setpara_t *) paras;
  /* The flow's cursor. */
  size_t page;
  unsigned col;
  int32_t y, col_top, col_bottom;
  bool col_empty;
  bool full;                     /* out of pages: the rest is overflow */
  size_t cur_ui, cur_k;          /* the flow's position, for snapshots */
  snap_t snap;                   /* the start of the newest page */
  bool no_indent;                /* the next body paragraph follows a head, subhead or box */
  bool rtl;                      /* columns run right to left; running heads mirror */
  size_t pending;                /* a float waiting for the next column, or NO_FLOAT */
  size_t pending_span;           /* a float across the columns waiting for the next page */
  size_t float_end;              /* placing a float: the unit after it */
  bool float_counted;            /* placing a float: its unplaced rest is counted */
  bool strained;                 /* a widow, orphan or split box was let through */
  bool span_build;               /* units being built are set across all columns */
  bool in_float;                 /* placing a float: no snapshots, no deferring */
  /* For the next set_para only: a style for all of it (the drop cap), and a narrower
   * measure for its first lines (beside the cap). */
  const ink__text_style_t *style_override;
  unsigned narrow_lines;
  int32_t narrow_width;
  int32_t hang;                  /* for the next set_para: a hanging indent after line 1 */
  ink__text_style_t cap_style;
  bool head_overflow;            /* part of the head did not fit the pages */
  bool lead_in_column;           /* the lead picture is too big for the page top: it leads
                                  * the first column instead */
} lay_t;

static void
take_snap (lay_t *L, int32_t top)
{
  ink_document_t *doc = L->doc;
  if (L->in_float)
    return;   /* a float taller than a column: the page before stays the restart point */
  L->snap = (snap_t) { L->cur_ui, L->cur_k, L->page, doc->items.n, doc->glyphs.n, doc->lines.n,
                       doc->text.n, doc->overflow_blocks, doc->overflow_chars, doc->missing,
                       L->pending, L->pending_span, top, L->head_overflow };
}

static ink_status_t
oom (lay_t *L)
{
  return ink__error (L->ctx, INK_NO_MEMORY, "out of memory");
}

/* ---- styles and faces ---- */

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
  return ink__fontset_face (L->fs, file, out);
}

static ink_status_t
make_styles (lay_t *L)
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
    }
  }
  return INK_OK;
}

static ink__face_t *
fallback (void *user, hb_script_t script, const char *lang, uint32_t cp)
{
  lay_t *L = user;
  const ink_template_t *t = L->t;
  char tag[5];
  hb_tag_to_string (hb_script_to_iso15924_tag (script), tag);
  tag[4] = 0;
  /* A language-specific chain ("Arab:ur") first, then the script's, then the default. */
  for (int pass = 0; pass < 3; pass++) {
    for (size_t i = 0; i < t->nfallbacks; i++) {
      const ink__fallback_t *fb = &t->fallbacks[i];
      bool match;
      if (pass == 0)
        match = lang && fb->lang[0] && strncmp (fb->script, tag, 4) == 0 &&
                strncmp (lang, fb->lang, strlen (fb->lang)) == 0;
      else if (pass == 1)
        match = strncmp (fb->script, tag, 4) == 0 && !fb->lang[0];
      else
        match = strncmp (fb->script, "Zyyy", 4) == 0;
      if (!match)
        continue;
      for (unsigned k = 0; k < fb->nfamilies; k++) {
        const ink__family_t *fam = family (t, fb->families[k]);
        ink__face_t *f;
        if (fam && family_face (L, fam, false, false, &f) == INK_OK && ink__face_covers (f, cp))
          return f;
      }
    }
  }
  return NULL;
}

/* ---- setting paragraphs ---- */

static ink__para_align_t
para_align (ink__align_t a)
{
  switch (a) {
  case INK_ALIGN_END: return INK_PARA_END;
  case INK_ALIGN_CENTER: return INK_PARA_CENTER;
  case INK_ALIGN_JUSTIFY: return INK_PARA_JUSTIFY;
  default: return INK_PARA_START;
  }
}

static void
setpara_free (lay_t *L, setpara_t *p)
{
  if (!p)
    return;
  ink__para_free (&p->para);
  ink__shaped_free (&p->sh);
  ink__free (L->ctx, p->text, p->len + 1);
  ink__free (L->ctx, p->ranges, (p->nranges ? p->nranges : 1) * sizeof *p->ranges);
  ink__free (L->ctx, p, sizeof *p);
}

/* Sets prefix + text + suffix in role's style at the given measure. Spans (nullable) style
 * ranges of text. A NULL result with INK_OK means there was nothing to set. */
static ink_status_t
set_para (lay_t *L, int role, long block, const char *prefix, const char *text, size_t len,
          const char *suffix, const ink__span_t *spans, size_t nspans, int32_t measure,
          int32_t x_off, setpara_t **out)
{
  *out = NULL;
  const ink__style_t *s = &L->t->styles[role];
  size_t plen = prefix ? strlen (prefix) : 0, slen = suffix ? strlen (suffix) : 0;
  if (len + plen + slen == 0)
    return INK_OK;
  setpara_t *p = ink__alloc (L->ctx, sizeof *p);
  if (!p)
    return oom (L);
  p->role = role;
  p->block = block;
  p->x_off = x_off;
  p->len = plen + len + slen;
  p->text = ink__realloc (L->ctx, NULL, 0, p->len + 1);
  p->ranges = ink__realloc_array (L->ctx, NULL, 0, 2 * nspans + 2, sizeof *p->ranges);
  if (!p->text || !p->ranges) {
    p->nranges = 2 * nspans + 2;
    setpara_free (L, p);
    return oom (L);
  }
  memcpy (p->text, prefix ? prefix : "", plen);
  memcpy (p->text + plen, text, len);
  memcpy (p->text + plen + len, suffix ? suffix : "", slen);
  p->text[p->len] = 0;
  p->body_start = plen;
  p->body_end = plen + len;
  p->leading = PX (s->leading_px > 0 ? s->leading_px : s->size_px * 1.3f);
  /* Style ranges: plain, with the spans' bold and italic variants. */
  size_t n = 0, at = 0;
  const char *block_lang = NULL;
  for (size_t i = 0; i < nspans; i++) {
    size_t a = plen + spans[i].start, b = a + spans[i].len;
    if (a < at || b > plen + len || a >= b)
      continue;
    if (a > at)
      p->ranges[n++] = (ink__style_range_t) { at, a, &L->styles[role][0], block_lang };
    int v = ((spans[i].flags & INK_SPAN_STRONG) ? 1 : 0) | ((spans[i].flags & INK_SPAN_EM) ? 2 : 0);
    p->ranges[n++] = (ink__style_range_t) { a, b, &L->styles[role][v], spans[i].lang };
    at = b;
  }
  if (at < p->len || n == 0)
    p->ranges[n++] = (ink__style_range_t) { at, p->len, &L->styles[role][0], block_lang };
  p->nranges = 2 * nspans + 2;
  if (L->style_override) {
    n = 1;
    p->ranges[0] = (ink__style_range_t) { 0, p->len, L->style_override, block_lang };
  }
  if (role == INK_ROLE_BODY && L->t->baseline_px > 0)
    p->grid = PX (L->t->baseline_px);
  int32_t widths[INK_MAX_DROP_LINES + 1];
  size_t nwidths = 1;
  widths[0] = measure;
  if (L->narrow_lines) {
    for (unsigned k = 0; k < L->narrow_lines && k < INK_MAX_DROP_LINES; k++)
      widths[k] = L->narrow_width;
    nwidths = L->narrow_lines < INK_MAX_DROP_LINES ? L->narrow_lines : INK_MAX_DROP_LINES;
    widths[nwidths++] = measure;
  }
  if (L->hang > 0 && L->hang < measure) {
    widths[nwidths++] = measure - L->hang;
    p->hang = L->hang;
  }
  ink__shape_opts_t so = { L->a->lang, 0, fallback, L };
  ink_status_t st = ink__shape_paragraph (L->ctx, L->fs, p->text, p->len, p->ranges, n, &so, &p->sh);
  if (st == INK_OK) {
    ink__para_opts_t po = { 0 };
    po.lang = L->a->lang;
    po.align = para_align (s->align);
    po.hyphenate = s->hyphenate;
    po.indent = L->no_indent || L->narrow_lines ? 0 : PX (s->indent_px);
    po.widths = widths;
    po.nwidths = nwidths;
    po.hyphenator = L->hy;
    po.letter_space_max = PX (s->letter_spacing_em * s->size_px);
    st = ink__para_build (L->ctx, &p->sh, &po, &p->para);
  }
  if (st != INK_OK) {
    setpara_free (L, p);
    return st;
  }
  if (!ink__vec_push (L->ctx, &L->paras, p)) {
    setpara_free (L, p);
    return oom (L);
  }
  *out = p;
  return INK_OK;
}

/* ---- emitting into the document ---- */

static int32_t
line_height (const setpara_t *p, const ink__line_t *ln)
{
  /* The style's leading, unless the glyphs drawn (tall Nastaliq, stacked marks) need more. */
  int32_t ink = ln->ink_ascent + ln->ink_descent;
  int32_t need = ink + ink / 8;
  int32_t h = need > p->leading ? need : p->leading;
  if (p->grid > 0)
    h = (h + p->grid - 1) / p->grid * p->grid;
  return h;
}

/* Baseline from the line's top: the faces' box centred in the line, unless the ink would
 * then leave it. */
static int32_t
line_baseline (const setpara_t *p, const ink__line_t *ln)
{
  int32_t h = line_height (p, ln);
  int32_t base = (h - ln->ascent - ln->descent) / 2 + ln->ascent;
  if (base - ln->ink_ascent < 0 || base + ln->ink_descent > h)
    base = (h - ln->ink_ascent - ln->ink_descent) / 2 + ln->ink_ascent;
  return base;
}

static ink_status_t emit_line1 (lay_t *L, const setpara_t *p, size_t k, int32_t x, int32_t y);

/* Puts line k of p with its top at y and its measure's left edge at x; with the first
 * line, the drop cap, its baseline on that of the last line beside it. */
static ink_status_t
emit_line (lay_t *L, const setpara_t *p, size_t k, int32_t x, int32_t y)
{
  if (k == 0 && p->cap && p->cap->para.lines.n) {
    size_t n = p->cap_lines < p->para.lines.n ? p->cap_lines : p->para.lines.n;
    int32_t base = y;
    for (size_t j = 0; j + 1 < n; j++)
      base += line_height (p, &p->para.lines.v[j]);
    base += line_baseline (p, &p->para.lines.v[n - 1]);
    const setpara_t *c = p->cap;
    ink_status_t st = emit_line1 (L, c, 0, x + p->cap_x,
                                  base - line_baseline (c, &c->para.lines.v[0]));
    if (st != INK_OK)
      return st;
  }
  return emit_line1 (L, p, k, x, y);
}

static ink_status_t
emit_line1 (lay_t *L, const setpara_t *p, size_t k, int32_t x, int32_t y)
{
  ink_document_t *doc = L->doc;
  const ink__line_t *ln = &p->para.lines.v[k];
  int32_t h = line_height (p, ln);
  int32_t base = y + line_baseline (p, ln);
  if (p->cap && k < p->cap_lines)
    x += p->cap_shift;
  if (p->hang && k > 0 && !ln->rtl)
    x += p->hang;
  int32_t lx = x + ln->left;
  for (size_t r = 0; r < ln->nr; r++) {
    const ink__lrun_t *lr = &p->para.runs.v[ln->r0 + r];
    ink__item_t it = { 0 };
    it.kind = INK_ITEM_GLYPHS;
    it.x = lx;
    it.y = y;
    it.w = ln->width;
    it.h = h;
    it.face = lr->face;
    it.size_px = lr->style->size_px;
    it.grey = lr->style->grey;
    it.g0 = doc->glyphs.n;
    it.ng = lr->ng;
    if (!ink__vec_reserve (L->ctx, &doc->glyphs, doc->glyphs.n + lr->ng))
      return oom (L);
    for (size_t g = 0; g < lr->ng; g++) {
      const ink__pglyph_t *pg = &p->para.glyphs.v[lr->g0 + g];
      doc->glyphs.v[doc->glyphs.n++] = (ink__dglyph_t) { pg->gid, lx + pg->x, base - pg->y };
    }
    if (!ink__vec_push (L->ctx, &doc->items, it))
      return oom (L);
  }
  /* The record: only the article's own characters count as this line's text. */
  size_t s = ln->start > p->body_start ? ln->start : p->body_start;
  size_t e = ln->end < p->body_end ? ln->end : p->body_end;
  ink__lrec_t rec = { 0 };
  rec.role = p->role;
  rec.block = p->block;
  rec.x = lx;
  rec.y = y;
  rec.w = ln->width;
  rec.h = h;
  rec.baseline = base;
  rec.rtl = ln->rtl;
  rec.hyphenated = ln->hyphenated;
  rec.generated = e <= s;
  rec.text_off = doc->text.n;
  if (e > s) {
    rec.text_len = e - s;
    if (!ink__str_append (L->ctx, &doc->text, p->text + s, e - s))
      return oom (L);
  } else if (!ink__str_append (L->ctx, &doc->text, p->text + ln->start, ln->end - ln->start)) {
    return oom (L);
  } else {
    rec.text_len = ln->end - ln->start;
  }
  rec.glyphs = ln->nglyphs;
  rec.missing = ln->missing;
  doc->missing += ln->missing;
  if (!ink__vec_push (L->ctx, &doc->lines, rec))
    return oom (L);
  doc->pages.v[L->page].nl++;
  doc->pages.v[L->page].ni = doc->items.n - doc->pages.v[L->page].i0;
  return INK_OK;
}

static ink_status_t
emit_box (lay_t *L, ink__item_kind_t kind, const ink__image_t *img, int32_t x, int32_t y,
          int32_t w, int32_t h, uint8_t grey, long block)
{
  ink__item_t it = { 0 };
  it.block = block;
  it.kind = kind;
  it.x = x;
  it.y = y;
  it.w = w;
  it.h = h;
  it.image = img;
  it.grey = grey;
  if (!ink__vec_push (L->ctx, &L->doc->items, it))
    return oom (L);
  L->doc->pages.v[L->page].ni = L->doc->items.n - L->doc->pages.v[L->page].i0;
  return INK_OK;
}

static ink_status_t
new_page (lay_t *L)
{
  ink_document_t *doc = L->doc;
  if (doc->pages.n >= L->max_pages) {
    L->full = true;
    return INK_OK;
  }
  ink__page_t pg = { doc->items.n, 0, doc->lines.n, 0, 0, 0, L->top, 0 };
  if (!ink__vec_push (L->ctx, &doc->pages, pg))
    return oom (L);
  L->page = doc->pages.n - 1;
  L->col = 0;
  L->col_top = L->top;
  L->col_bottom = L->bottom;
  L->y = L->top;
  L->col_empty = true;
  take_snap (L, L->top);
  return INK_OK;
}

static ink_status_t
next_column (lay_t *L)
{
  if (L->col + 1 < L->ncols) {
    L->col++;
    L->y = L->col_top;
    L->col_empty = true;
    return INK_OK;
  }
  return new_page (L);
}

static int32_t
col_x (const lay_t *L)
{
  if (L->rtl)
    return L->right - L->colw - (int32_t) L->col * (L->colw + L->gutter);
  return L->left + (int32_t) L->col * (L->colw + L->gutter);
}

/* ---- the flow ---- */

/* Heights of lines and floats are summed in int64_t (a paragraph of a million lines passes
 * 2^31 in 1/64 px) and returned at most this: 2^22 px, 256 times INK_MAX_PAGE_SIDE, taller
 * than any column, and small enough that a few added to a page coordinate stay in int32_t. */
#define HEIGHT_MAX (INT32_C (1) << 28)

/* Height of lines [k0, k1) of p, at most HEIGHT_MAX. */
static int32_t
lines_height (const setpara_t *p, size_t k0, size_t k1)
{
  int64_t h = 0;
  for (size_t k = k0; k < k1 && h < HEIGHT_MAX; k++)
    h += line_height (p, &p->para.lines.v[k]);
  return h < HEIGHT_MAX ? (int32_t) h : HEIGHT_MAX;
}

/* Height the first n lines (or the whole) of unit u need. */
static int32_t
unit_head_height (const unit_t *u, size_t nlines)
{
  if (u->kind == U_PARA) {
    size_t n = u->p->para.lines.n;
    return u->space_before + lines_height (u->p, 0, nlines < n ? nlines : n);
  }
  return u->space_before + u->h;
}

static size_t
count_chars (const char *s, size_t n)
{
  size_t c = 0;
  for (size_t i = 0; i < n; i++)
    if (((unsigned char) s[i] & 0xC0) != 0x80)
      c++;
  return c;
}

static ink_status_t
count_overflow_range (lay_t *L, size_t ui, size_t k0, size_t end)
{
  ink_document_t *doc = L->doc;
  long last_block = -2;
  for (size_t i = ui; i < end; i++) {
    const unit_t *u = &L->units.v[i];
    if (u->kind == U_PARA) {
      const setpara_t *p = u->p;
      if (p->cap && (i != ui || k0 == 0))
        doc->overflow_chars += count_chars (p->cap->text + p->cap->body_start,
                                            p->cap->body_end - p->cap->body_start);
      for (size_t k = (i == ui ? k0 : 0); k < p->para.lines.n; k++) {
        const ink__line_t *ln = &p->para.lines.v[k];
        size_t s = ln->start > p->body_start ? ln->start : p->body_start;
        size_t e = ln->end < p->body_end ? ln->end : p->body_end;
        for (size_t b = s; b < e; b++)
          if (((unsigned char) p->text[b] & 0xC0) != 0x80)
            doc->overflow_chars++;
      }
    }
    if (u->block != last_block && (u->kind == U_PARA || u->kind == U_IMAGE)) {
      /* The front matter's parts (head, lead picture, source line) count as one block. */
      if (u->block >= 0 || !L->head_overflow)
        doc->overflow_blocks++;
      if (u->block < 0)
        L->head_overflow = true;
      last_block = u->block;
    }
  }
  return INK_OK;
}

/* Everything from unit ui (line k0) on did not fit, and the float still waiting. */
static ink_status_t
count_overflow (lay_t *L, size_t ui, size_t k0)
{
  if (L->in_float) {
    /* Out of pages inside a float: the rest of the float; the flow it interrupted counts
     * its own rest. */
    L->float_counted = true;
    return count_overflow_range (L, ui, k0, L->float_end);
  }
  size_t waiting[2] = { L->pending, L->pending_span };
  L->pending = L->pending_span = NO_FLOAT;
  for (int i = 0; i < 2; i++)
    if (waiting[i] != NO_FLOAT && waiting[i] < ui)
      count_overflow_range (L, waiting[i], 0, waiting[i] + L->units.v[waiting[i]].float_len);
  return count_overflow_range (L, ui, k0, L->units.n);
}

static ink_status_t flow_range (lay_t *L, size_t ui, size_t k0, size_t end);

/* Places the waiting float, if any, where the flow now is (the top of a column). */
static ink_status_t
place_pending (lay_t *L)
{
  if (L->pending == NO_FLOAT || L->full)
    return INK_OK;
  size_t p = L->pending;
  L->pending = NO_FLOAT;
  bool outer = L->in_float;
  size_t outer_end = L->float_end;
  L->in_float = true;
  L->float_end = p + L->units.v[p].float_len;
  L->float_counted = false;
  size_t cui = L->cur_ui, ck = L->cur_k;
  ink_status_t st = flow_range (L, p, 0, L->float_end);
  L->in_float = outer;
  L->float_end = outer_end;
  L->cur_ui = cui;
  L->cur_k = ck;
  if (st == INK_OK && L->full && !L->float_counted)
    st = count_overflow_range (L, p, 0, p + L->units.v[p].float_len);
  return st;
}

/* Places the float across the columns that waits for this page, at the top of its column
 * area; the columns then start below it. */
static ink_status_t
place_span (lay_t *L)
{
  if (L->pending_span == NO_FLOAT || L->full)
    return INK_OK;
  size_t p = L->pending_span;
  size_t end = p + L->units.v[p].float_len;
  int64_t need = 0;
  for (size_t i = p; i < end; i++) {
    const unit_t *u = &L->units.v[i];
    need += (int64_t) (i > p ? u->space_before : 0) + u->space_after +
            (u->kind == U_PARA ? lines_height (u->p, 0, u->p->para.lines.n) : u->h);
  }
  /* Below a head, a float that does not fit waits for the next page; at the top of a page it
   * goes in, and what runs past the bottom is counted as overflow. */
  if (L->col_top + need > L->bottom && L->col_top > L->top)
    return INK_OK;
  L->pending_span = NO_FLOAT;
  L->units.v[p].placed_page = L->page;
  ink_status_t st = INK_OK;
  int32_t y = L->col_top;
  for (size_t i = p; i < end && st == INK_OK; i++) {
    const unit_t *u = &L->units.v[i];
    if (i > p)
      y += u->space_before;
    if (u->kind == U_RULE) {
      if (y + u->h > L->bottom)
        continue;
      st = emit_box (L, INK_ITEM_RULE, NULL, L->left, y, u->w, u->h, 0, -1);
      y += u->h;
    } else if (u->kind == U_PARA) {
      for (size_t k = 0; k < u->p->para.lines.n && st == INK_OK; k++) {
        int32_t lh = line_height (u->p, &u->p->para.lines.v[k]);
        if (y + lh > L->bottom) {
          st = count_overflow_range (L, i, k, end);
          i = end;
          break;
        }
        st = emit_line (L, u->p, k, L->left + u->x_off, y);
        y += lh;
      }
    }
    y += u->space_after;
  }
  if (y > L->bottom)
    y = L->bottom;
  L->col_top = y;
  L->y = y;
  L->col_empty = true;
  L->doc->pages.v[L->page].body_top = y;
  return st;
}

/* The next column (or page), with the waiting floats at its top. */
static ink_status_t
column_break (lay_t *L)
{
  ink_status_t st = next_column (L);
  if (st == INK_OK && L->col == 0)
    st = place_span (L);
  if (st == INK_OK)
    st = place_pending (L);
  return st;
}

/* Height of the float at unit ui, at most HEIGHT_MAX. */
static int32_t
float_height (const lay_t *L, size_t ui)
{
  int64_t h = 0;
  const unit_t *u = &L->units.v[ui];
  for (size_t i = ui; i < ui + u->float_len && i < L->units.n; i++) {
    const unit_t *v = &L->units.v[i];
    h += (int64_t) (i > ui ? v->space_before : 0) + v->space_after +
         (v->kind == U_PARA ? lines_height (v->p, 0, v->p->para.lines.n) : v->h);
  }
  return h < HEIGHT_MAX ? (int32_t) h : HEIGHT_MAX;
}

/* Flows units [ui, end) from line k0 of the first, until they end or the pages do. */
static ink_status_t
flow_range (lay_t *L, size_t ui, size_t k0, size_t end)
{
  ink_status_t st;
  int32_t orphans = L->t->orphans ? (int32_t) L->t->orphans : 2;
  int32_t widows = L->t->widows ? (int32_t) L->t->widows : 2;
  for (; ui < end; ui++, k0 = 0) {
    if (L->full)
      return count_overflow (L, ui, k0);
    unit_t *u = &L->units.v[ui];
    L->cur_ui = ui;
    L->cur_k = k0;
    int32_t before = (L->col_empty || k0) ? 0 : u->space_before;
    if (u->float_len && u->span && !L->in_float && u->placed_page != SIZE_MAX) {
      ui += u->float_len - 1;   /* placed already, at the top of an earlier column area */
      L->cur_ui = ui + 1;
      continue;
    }
    if (u->float_len && u->span && !L->in_float) {
      if (L->col == 0 && L->col_empty && L->pending_span == NO_FLOAT) {
        /* At the top of a page: across the columns, here. */
        L->pending_span = ui;
        if ((st = place_span (L)) != INK_OK)
          return st;
      } else if (L->pending_span == NO_FLOAT) {
        L->pending_span = ui;
      } else {
        /* One float across the columns waits already: this one starts the next page. */
        L->col = L->ncols;
        if ((st = column_break (L)) != INK_OK)
          return st;
        ui--;
        continue;
      }
      ui += u->float_len - 1;
      /* A page that starts before the next unit is reached must not start with the float
       * again: it waits, and is placed from the waiting slot. */
      L->cur_ui = ui + 1;
      L->cur_k = 0;
      continue;
    }
    if (u->float_len && !L->in_float && !L->col_empty && L->pending == NO_FLOAT &&
        L->y + before + float_height (L, ui) > L->col_bottom) {
      /* A float that does not fit waits for the next column; the text goes on here. */
      L->pending = ui;
      ui += u->float_len - 1;
      /* A page that starts before the next unit is reached must not start with the float
       * again: it waits, and is placed from the waiting slot. */
      L->cur_ui = ui + 1;
      L->cur_k = 0;
      continue;
    }
    bool splits = u->kind == U_PARA && !u->unsplittable &&
                  u->p->para.lines.n >= (size_t) (orphans + widows);
    if (u->keep_with_next && !splits && ui + 1 < L->units.n && !L->col_empty) {
      /* A subhead or a figure goes with the first two lines of what follows. */
      int32_t need = before + unit_head_height (u, SIZE_MAX) - u->space_before +
                     unit_head_height (&L->units.v[ui + 1],
                                       L->units.v[ui + 1].unsplittable ? SIZE_MAX : 2);
      if (L->y + need > L->col_bottom) {
        if ((st = column_break (L)) != INK_OK)
          return st;
        ui--;
        k0 = 0;
        /* ui-- then the loop's ++ returns to this unit. */
        continue;
      }
    }
    if (u->kind != U_PARA) {
      if (u->kind == U_SPACE) {
        if (!L->col_empty)
          L->y += u->h;
        continue;
      }
      if (u->kind == U_RULE && L->col_empty) {
        /* A rule opening a column would double the edge above it (a spanning float's rule,
         * the head's): left out. */
        continue;
      }
      if (u->kind == U_PAGE) {
        if (L->col != 0 || !L->col_empty) {
          L->col = L->ncols;
          if ((st = column_break (L)) != INK_OK)
            return st;
        }
        continue;
      }
      if (L->y + before + u->h > L->col_bottom && !L->col_empty) {
        if ((st = column_break (L)) != INK_OK)
          return st;
        ui--;
        continue;
      }
      L->y += before;
      int32_t x = col_x (L) + u->x_off;
      int32_t w = u->w, h = u->h;
      if (u->kind == U_IMAGE && ui + 1 < end && L->units.v[ui + 1].kind == U_PARA &&
          L->units.v[ui + 1].block == u->block) {
        /* A picture at the top of a column that would leave no room for its caption is
         * made smaller (to a third at most), so that they stay together. */
        int64_t cap = 0;
        for (size_t j = ui + 1; j < end && L->units.v[j].kind == U_PARA &&
                                L->units.v[j].block == u->block; j++) {
          const unit_t *c = &L->units.v[j];
          cap += (int64_t) c->space_before + c->space_after + lines_height (c->p, 0, c->p->para.lines.n);
        }
        int64_t room = (int64_t) L->col_bottom - L->y - u->space_after - cap;
        if (h > room && room >= h / 3) {
          w = (int32_t) ((int64_t) w * room / h);
          h = (int32_t) room;
        }
      }
      if (u->kind == U_IMAGE)
        st = emit_box (L, INK_ITEM_IMAGE, u->image, x + (L->colw - u->x_off - w) / 2, L->y,
                       w, h, 0, u->block);
      else
        st = emit_box (L, INK_ITEM_RULE, NULL, x, L->y, w, h, 0, -1);
      if (st != INK_OK)
        return st;
      L->y += h + u->space_after;
      L->col_empty = false;
      continue;
    }
    setpara_t *p = u->p;
    size_t n = p->para.lines.n;
    while (k0 < n) {
      if (L->full)
        return count_overflow (L, ui, k0);
      int32_t y = L->y + (L->col_empty ? 0 : (k0 ? 0 : before));
      if (p->grid > 0 && y > L->col_top)
        y = L->col_top + (y - L->col_top + p->grid - 1) / p->grid * p->grid;
      /* How many lines fit here? */
      size_t fit = 0;
      int32_t yy = y;
      while (k0 + fit < n && yy + line_height (p, &p->para.lines.v[k0 + fit]) <= L->col_bottom) {
        yy += line_height (p, &p->para.lines.v[k0 + fit]);
        fit++;
      }
      size_t rest = n - k0;
      if (fit == rest && splits && u->keep_with_next && ui + 1 < end && !L->col_empty &&
          L->col + 1 >= L->ncols) {
        /* The end of a paragraph that what follows must stay with (the source line): when
         * that does not fit after it on this page, its last lines go on with it. Within a
         * page, the next column may begin with it alone. */
        const unit_t *nx = &L->units.v[ui + 1];
        if (yy + nx->space_before + unit_head_height (nx, 2) - nx->space_before > L->col_bottom)
          fit = rest > (size_t) widows && (k0 > 0 || rest - (size_t) widows >= (size_t) orphans)
                  ? rest - (size_t) widows : 0;
      }
      if (fit < rest) {
        /* Split here: not in an unsplittable unit, and no orphan or widow. */
        if (u->unsplittable && !L->col_empty)
          fit = 0;
        int32_t first_min = p->cap && (int32_t) p->cap_lines > orphans ? (int32_t) p->cap_lines : orphans;
        if (k0 == 0 && (int32_t) fit < first_min && !L->col_empty)
          fit = 0;
        if (fit > 0 && (int32_t) (rest - fit) < widows) {
          size_t want = rest > (size_t) widows ? rest - (size_t) widows : 0;
          if (k0 == 0 && (int32_t) want < orphans)
            want = L->col_empty ? fit : 0;
          fit = want < fit ? want : fit;
        }
        if (fit == 0 && L->col_empty) {
          /* Even an empty column cannot take one line: place it anyway, overfull,
           * rather than loop; the page is as full as it can be. */
          fit = 1;
        }
        /* An empty column had to break a rule to take anything: balancing must not
         * choose a column this short. */
        if (fit < rest && ((k0 == 0 && (int32_t) fit < first_min) ||
                           (int32_t) (rest - fit) < widows || u->unsplittable))
          L->strained = true;
      }
      for (size_t k = 0; k < fit; k++) {
        if ((st = emit_line (L, p, k0 + k, col_x (L) + p->x_off, y)) != INK_OK)
          return st;
        y += line_height (p, &p->para.lines.v[k0 + k]);
      }
      if (fit)
        L->col_empty = false;
      L->y = y;
      k0 += fit;
      L->cur_k = k0;
      if (k0 < n && (st = column_break (L)) != INK_OK)
        return st;
    }
    L->y += u->space_after;
  }
  if (end == L->units.n && !L->in_float && L->pending != NO_FLOAT) {
    /* The text ran out before the column did: the float goes where the text ends. */
    L->cur_ui = end;
    L->cur_k = 0;
    if (L->y + float_height (L, L->pending) > L->col_bottom && !L->col_empty)
      return column_break (L);
    return place_pending (L);
  }
  return INK_OK;
}

static ink_status_t
flow (lay_t *L, size_t ui, size_t k0)
{
  return flow_range (L, ui, k0, L->units.n);
}

/* ---- building the units ---- */

static ink_status_t
add_unit (lay_t *L, unit_t u)
{
  u.placed_page = SIZE_MAX;
  return ink__vec_push (L->ctx, &L->units, u) ? INK_OK : oom (L);
}

static ink_status_t
push_para_unit (lay_t *L, setpara_t *p, int role, long block, int32_t x_off, bool keep,
                bool unsplittable)
{
  const ink__style_t *s = &L->t->styles[role];
  unit_t u = { 0 };
  u.kind = U_PARA;
  u.p = p;
  u.x_off = x_off;
  u.space_before = PX (s->space_before_px);
  u.space_after = PX (s->space_after_px);
  u.keep_with_next = keep;
  u.unsplittable = unsplittable;
  u.block = block;
  u.span = L->span_build;
  return add_unit (L, u);
}

static ink_status_t
add_para_unit (lay_t *L, int role, long block, const char *prefix, const char *text, size_t len,
               const char *suffix, const ink__span_t *spans, size_t nspans, int32_t x_off,
               bool keep, bool unsplittable)
{
  setpara_t *p;
  int32_t width = L->span_build ? L->right - L->left : L->colw;
  ink_status_t st = set_para (L, role, block, prefix, text, len, suffix, spans, nspans,
                              width - x_off, x_off, &p);
  if (st != INK_OK || !p)
    return st;
  return push_para_unit (L, p, role, block, x_off, keep, unsplittable);
}

/* The first paragraph with a drop cap: its first letter (with any opening quote before it)
 * set large through the first lines, which are set narrower beside it. Only for scripts
 * whose letters stand apart; a joining script keeps its first word whole. */
static ink_status_t
add_drop_cap_para (lay_t *L, const ink__block_t *b, long bi, unsigned lines)
{
  hb_unicode_funcs_t *uf = hb_unicode_funcs_get_default ();
  size_t pos = 0, cap_end = 0;
  uint32_t c = 0;
  while (pos < b->text_len) {
    size_t q = pos;
    ink__utf8_next (b->text, b->text_len, &q, &c);
    hb_unicode_general_category_t gc = hb_unicode_general_category (uf, c);
    pos = q;
    if (gc != HB_UNICODE_GENERAL_CATEGORY_INITIAL_PUNCTUATION &&
        gc != HB_UNICODE_GENERAL_CATEGORY_OPEN_PUNCTUATION && c != '"' && c != '\'')
      break;
  }
  hb_script_t sc = hb_unicode_script (uf, c);
  if (sc != HB_SCRIPT_LATIN && sc != HB_SCRIPT_GREEK && sc != HB_SCRIPT_CYRILLIC)
    return add_para_unit (L, INK_ROLE_BODY, bi, NULL, b->text, b->text_len, NULL, b->spans,
                          b->nspans, 0, false, false);
  cap_end = pos;
  while (cap_end < b->text_len) {
    size_t q = cap_end;
    ink__utf8_next (b->text, b->text_len, &q, &c);
    hb_unicode_general_category_t gc = hb_unicode_general_category (uf, c);
    if (gc != HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK &&
        gc != HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK)
      break;
    cap_end = q;
  }
  if (cap_end >= b->text_len)
    return add_para_unit (L, INK_ROLE_BODY, bi, NULL, b->text, b->text_len, NULL, b->spans,
                          b->nspans, 0, false, false);
  const ink__style_t *bs = &L->t->styles[INK_ROLE_BODY];
  /* The cap's capital spans the lines: its cap height reaches from the last line's
   * baseline to the first line's cap height. */
  L->cap_style = L->styles[INK_ROLE_BODY][0];
  ink__face_t *face = L->cap_style.face;
  hb_position_t cap_h = 0;
  float ratio = 0.7f;
  if (hb_ot_metrics_get_position (face->hb_font, HB_OT_METRICS_TAG_CAP_HEIGHT, &cap_h) && cap_h > 0)
    ratio = (float) cap_h / (float) face->upem;
  float leading = bs->leading_px > 0 ? bs->leading_px : bs->size_px * 1.3f;
  L->cap_style.size_px = (leading * (float) (lines - 1)) / ratio + bs->size_px;
  L->cap_style.features = NULL;
  L->cap_style.nfeatures = 0;
  setpara_t *cap;
  L->style_override = &L->cap_style;
  ink_status_t st = set_para (L, INK_ROLE_BODY, bi, NULL, b->text, cap_end, NULL, NULL, 0,
                              L->colw, 0, &cap);
  L->style_override = NULL;
  if (st != INK_OK || !cap || !cap->para.lines.n)
    return st;
  int32_t gap = PX (bs->size_px * 0.35f);
  int32_t capw = cap->para.lines.v[0].width + gap;
  /* The spans, moved to the rest of the text. */
  ink__span_t *spans = NULL;
  size_t nspans = 0;
  if (b->nspans) {
    spans = ink__realloc_array (L->ctx, NULL, 0, b->nspans, sizeof *spans);
    if (!spans)
      return oom (L);
    for (size_t i = 0; i < b->nspans; i++)
      if (b->spans[i].start >= cap_end) {
        spans[nspans] = b->spans[i];
        spans[nspans++].start -= (uint32_t) cap_end;
      }
  }
  L->narrow_lines = lines;
  L->narrow_width = L->colw - capw;
  setpara_t *p;
  st = set_para (L, INK_ROLE_BODY, bi, NULL, b->text + cap_end, b->text_len - cap_end, NULL,
                 spans, nspans, L->colw, 0, &p);
  L->narrow_lines = 0;
  ink__free (L->ctx, spans, b->nspans * sizeof *spans);
  if (st != INK_OK || !p)
    return st;
  p->cap = cap;
  p->cap_lines = lines;
  p->cap_shift = capw;
  p->cap_x = 0;
  return push_para_unit (L, p, INK_ROLE_BODY, bi, 0, false, false);
}

static ink_status_t
add_image_unit (lay_t *L, const ink__image_t *img, long block, int32_t x_off)
{
  if (!img || !img->width || !img->height)
    return INK_OK;
  int32_t w = L->colw - x_off;
  int64_t h = (int64_t) w * img->height / img->width;
  int32_t maxh = (L->bottom - L->top) * 6 / 10;
  if (h > maxh) {
    w = (int32_t) ((int64_t) w * maxh / h);
    h = maxh;
  }
  unit_t u = { 0 };
  u.kind = U_IMAGE;
  u.image = img;
  u.w = w;
  u.h = (int32_t) h;
  u.x_off = x_off;
  u.space_before = PX (L->t->styles[INK_ROLE_CAPTION].space_before_px);
  u.space_after = PX (8);
  u.keep_with_next = true;
  u.block = block;
  return add_unit (L, u);
}

static ink_status_t
add_rule_unit (lay_t *L, int32_t space, bool keep)
{
  unit_t u = { 0 };
  u.kind = U_RULE;
  u.w = L->span_build ? L->right - L->left : L->colw;
  u.span = L->span_build;
  u.h = PX (L->t->dpi >= 200 ? 2 : 1);
  u.space_before = space;
  u.space_after = space;
  u.block = -1;
  u.keep_with_next = keep;
  return add_unit (L, u);
}

/* Words the page adds around the article's own, in the article's language. */
typedef struct {
  const char *lang;
  const char *read;              /* before a related article's title */
  const char *months[12];
  int order;                     /* 0 "September 27, 2011", 1 "27 September 2011", 2 "2011年9月27日" */
} locale_t;

static const locale_t locales[] = {
  { "en", "Read: ", { "January", "February", "March", "April", "May", "June", "July", "August",
                      "September", "October", "November", "December" }, 0 },
  { "ur", "مزید پڑھیں: ",
    { "جنوری", "فروری", "مارچ",
      "اپریل", "مئی", "جون",
      "جولائی", "اگست", "ستمبر",
      "اکتوبر", "نومبر", "دسمبر" }, 1 },
  { "ar", "اقرأ أيضًا: ",
    { "يناير", "فبراير", "مارس",
      "أبريل", "مايو", "يونيو",
      "يوليو", "أغسطس", "سبتمبر",
      "أكتوبر", "نوفمبر", "ديسمبر" }, 1 },
  { "hi", "यह भी पढ़ें: ",
    { "जनवरी", "फ़रवरी", "मार्च",
      "अप्रैल", "मई", "जून", "जुलाई",
      "अगस्त", "सितंबर", "अक्टूबर",
      "नवंबर", "दिसंबर" }, 1 },
  { "zh", "延伸阅读：", { 0 }, 2 },
  { "ja", "関連記事：", { 0 }, 2 },
};

static const locale_t *
locale_of (const char *lang)
{
  for (size_t i = 0; lang && i < sizeof locales / sizeof *locales; i++)
    if (strncmp (lang, locales[i].lang, 2) == 0 && (lang[2] == 0 || lang[2] == '-'))
      return &locales[i];
  return &locales[0];
}

/* "2011-09-27" as "September 27, 2011" (in the article's language); other dates as written. */
static void
format_date (const char *iso, const char *lang, char *out, size_t n)
{
  int y, m, d;
  const locale_t *lc = locale_of (lang);
  if (iso && sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) == 3 && m >= 1 && m <= 12 && d >= 1 && d <= 31) {
    if (lc->order == 2)
      snprintf (out, n, "%d年%d月%d日", y, m, d);
    else if (lc->order == 1)
      snprintf (out, n, "%d %s %d", d, lc->months[m - 1], y);
    else
      snprintf (out, n, "%s %d, %d", lc->months[m - 1], d, y);
  } else {
    snprintf (out, n, "%s", iso ? iso : "");
  }
}

/* The advance of a short text in a role's style, 1/64 px; 0 when it cannot be shaped. */
static int32_t
text_width (lay_t *L, int role, const char *text)
{
  ink__style_range_t r = { 0, strlen (text), &L->styles[role][0], NULL };
  ink__shape_opts_t so = { L->a->lang, 0, fallback, L };
  ink__shaped_t sh;
  if (ink__shape_paragraph (L->ctx, L->fs, text, strlen (text), &r, 1, &so, &sh) != INK_OK)
    return 0;
  int32_t w = 0;
  for (size_t i = 0; i < sh.glyphs.n; i++)
    w += sh.glyphs.v[i].advance;
  ink__shaped_free (&sh);
  return w;
}

static ink_status_t
build_body_units (lay_t *L)
{
  const ink_article_t *a = L->a;
  ink_status_t st = INK_OK;
  bool seen_para = false;
  if (L->lead_in_column) {
    /* The lead picture with its caption and credit, as the first float of the columns. */
    size_t first_unit = L->units.n;
    if ((st = add_image_unit (L, a->image, -1, 0)) != INK_OK)
      return st;
    if (a->caption && *a->caption &&
        (st = add_para_unit (L, INK_ROLE_CAPTION, -1, NULL, a->caption, strlen (a->caption), NULL,
                             NULL, 0, 0, a->credit != NULL, false)) != INK_OK)
      return st;
    if (a->credit && *a->credit &&
        (st = add_para_unit (L, INK_ROLE_CREDIT, -1, NULL, a->credit, strlen (a->credit), NULL,
                             NULL, 0, 0, false, false)) != INK_OK)
      return st;
    if (L->units.n > first_unit)
      L->units.v[first_unit].float_len = (unsigned) (L->units.n - first_unit);
  }
  for (size_t i = 0; i < a->nblocks && st == INK_OK; i++) {
    const ink__block_t *b = &a->blocks[i];
    long bi = (long) i;
    size_t first_unit = L->units.n;
    bool is_float = b->kind == INK_BLOCK_PULLQUOTE || b->kind == INK_BLOCK_RELATED ||
                    b->kind == INK_BLOCK_FIGURE;
    switch (b->kind) {
    case INK_BLOCK_PARAGRAPH:
      /* As newspapers do: no indent after the head, a subhead, a list or a block quote.
       * Floats (pull quotes, related boxes, figures) may be set elsewhere, so the
       * paragraph before them decides. */
      {
        size_t j = i;
        while (j > 0 && (a->blocks[j - 1].kind == INK_BLOCK_PULLQUOTE ||
                         a->blocks[j - 1].kind == INK_BLOCK_RELATED ||
                         a->blocks[j - 1].kind == INK_BLOCK_FIGURE))
          j--;
        L->no_indent = j == 0 || a->blocks[j - 1].kind != INK_BLOCK_PARAGRAPH;
      }
      if (!seen_para && L->t->styles[INK_ROLE_BODY].drop_cap_lines >= 2)
        st = add_drop_cap_para (L, b, bi,
                                L->t->styles[INK_ROLE_BODY].drop_cap_lines < INK_MAX_DROP_LINES
                                  ? L->t->styles[INK_ROLE_BODY].drop_cap_lines : INK_MAX_DROP_LINES);
      else
        st = add_para_unit (L, INK_ROLE_BODY, bi, NULL, b->text, b->text_len, NULL, b->spans,
                            b->nspans, 0, false, false);
      seen_para = true;
      L->no_indent = false;
      break;
    case INK_BLOCK_SUBHEAD:
      st = add_para_unit (L, INK_ROLE_SUBHEAD, bi, NULL, b->text, b->text_len, NULL, b->spans,
                          b->nspans, 0, true, false);
      break;
    case INK_BLOCK_LIST_ITEM: {
      char bullet[32];
      if (b->number)
        snprintf (bullet, sizeof bullet, "%u.\u2002", b->number);
      else
        snprintf (bullet, sizeof bullet, "\u2022\u2002");
      int32_t indent = PX (L->t->styles[INK_ROLE_LIST].size_px) * (int32_t) (b->level ? b->level - 1 : 0);
      /* Lines after the first hang under the text, not under the bullet. */
      L->hang = text_width (L, INK_ROLE_LIST, bullet);
      st = add_para_unit (L, INK_ROLE_LIST, bi, bullet, b->text, b->text_len, NULL, b->spans,
                          b->nspans, indent, false, false);
      L->hang = 0;
      break;
    }
    case INK_BLOCK_QUOTE:
      st = add_para_unit (L, INK_ROLE_BLOCKQUOTE, bi, NULL, b->text, b->text_len, NULL, b->spans,
                          b->nspans, PX (L->t->styles[INK_ROLE_BLOCKQUOTE].size_px), false, false);
      break;
    case INK_BLOCK_PULLQUOTE: {
      const ink__style_t *qs = &L->t->styles[INK_ROLE_QUOTE];
      L->span_build = qs->span_columns && L->ncols > 1;
      if (qs->rule_above &&
          (st = add_rule_unit (L, PX (qs->space_before_px), true)) != INK_OK)
        break;
      st = add_para_unit (L, INK_ROLE_QUOTE, bi, NULL, b->text, b->text_len, NULL, b->spans,
                          b->nspans, 0, b->attribution != NULL, true);
      if (st == INK_OK && b->attribution)
        st = add_para_unit (L, INK_ROLE_ATTRIBUTION, bi, "\u2014\u2009", b->attribution,
                            strlen (b->attribution), NULL, NULL, 0, 0, false, true);
      if (st == INK_OK && qs->rule_below)
        st = add_rule_unit (L, PX (qs->space_after_px), false);
      L->span_build = false;
      break;
    }
    case INK_BLOCK_RELATED: {
      const ink__style_t *rs = &L->t->styles[INK_ROLE_RELATED];
      if (rs->rule_above && (st = add_rule_unit (L, PX (rs->space_before_px), true)) != INK_OK)
        break;
      st = add_para_unit (L, INK_ROLE_RELATED, bi, locale_of (a->lang)->read, b->text,
                          b->text_len, NULL, b->spans, b->nspans, 0, false, true);
      if (st == INK_OK && rs->rule_below)
        st = add_rule_unit (L, PX (rs->space_after_px), false);
      break;
    }
    case INK_BLOCK_FIGURE:
      if ((st = add_image_unit (L, b->image, bi, 0)) != INK_OK)
        break;
      st = add_para_unit (L, INK_ROLE_CAPTION, bi, NULL, b->text, b->text_len, NULL, b->spans,
                          b->nspans, 0, b->credit != NULL, false);
      if (st == INK_OK && b->credit)
        st = add_para_unit (L, INK_ROLE_CREDIT, bi, NULL, b->credit, strlen (b->credit), NULL,
                            NULL, 0, 0, false, false);
      break;
    case INK_BLOCK_RULE:
      st = add_rule_unit (L, PX (L->t->styles[INK_ROLE_BODY].leading_px * 0.5f), false);
      break;
    case INK_BLOCK_COMMENT:
      break;   /* after the body, below */
    default:
      break;
    }
    if (st == INK_OK && is_float && L->units.n > first_unit) {
      L->units.v[first_unit].float_len = (unsigned) (L->units.n - first_unit);
      L->units.v[first_unit].span = L->units.v[L->units.n - 1].span;
    }
  }
  if (st != INK_OK)
    return st;
  if (a->source && st == INK_OK) {
    /* The source line goes with the end of the text, never alone on a page of its own. */
    for (size_t i = L->units.n; i > 0; i--)
      if (L->units.v[i - 1].kind == U_PARA && !L->units.v[i - 1].float_len) {
        L->units.v[i - 1].keep_with_next = i == L->units.n;
        break;
      }
    st = add_para_unit (L, INK_ROLE_SOURCE, -1, NULL, a->source, strlen (a->source), NULL, NULL,
                        0, 0, false, true);
  }
  /* Comments, each under a rule: author and meta, then the text; replies indented. */
  bool first_comment = true;
  for (size_t i = 0; i < a->nblocks && st == INK_OK; i++) {
    const ink__block_t *b = &a->blocks[i];
    if (b->kind != INK_BLOCK_COMMENT)
      continue;
    int32_t indent = PX (L->t->styles[INK_ROLE_REPLY].size_px * 1.5f) * (int32_t) b->level;
    if (b->level == 0 || first_comment) {
      if (first_comment) {
        unit_t sp = { 0 };
        sp.kind = L->t->comments_new_page ? U_PAGE : U_SPACE;
        sp.h = PX (L->t->styles[INK_ROLE_COMMENT].size_px);
        if ((st = add_unit (L, sp)) != INK_OK)
          break;
      }
      if ((st = add_rule_unit (L, PX (L->t->styles[INK_ROLE_COMMENT].size_px * 0.5f), true)) != INK_OK)
        break;
    }
    first_comment = false;
    char meta[256] = "";
    if (b->meta && *b->meta)
      snprintf (meta, sizeof meta, " \u00b7 %s", b->meta);
    const char *author = b->author ? b->author : "";
    /* The meta is the article's text too: set author and meta as one line of input. */
    ink__str_t head = { 0 };
    if (!ink__str_append (L->ctx, &head, author, strlen (author)) ||
        (b->meta && *b->meta && (!ink__str_append (L->ctx, &head, " \u00b7 ", strlen (" \u00b7 ")) ||
                                 !ink__str_append (L->ctx, &head, b->meta, strlen (b->meta))))) {
      ink__str_free (L->ctx, &head);
      return oom (L);
    }
    (void) meta;
    st = add_para_unit (L, INK_ROLE_COMMENT_AUTHOR, (long) i, NULL, head.s ? head.s : "", head.n,
                        NULL, NULL, 0, indent, true, false);
    ink__str_free (L->ctx, &head);
    if (st == INK_OK)
      st = add_para_unit (L, b->level ? INK_ROLE_REPLY : INK_ROLE_COMMENT, (long) i, NULL, b->text,
                          b->text_len, NULL, b->spans, b->nspans, indent, false, false);
  }
  return st;
}

/* Places line k of a head part at *y across the columns. A head taller than the page goes on
 * to the next page; when no page is left, its characters are counted as overflow. */
static ink_status_t
head_line (lay_t *L, setpara_t *p, size_t k, int32_t *y)
{
  const ink__line_t *ln = &p->para.lines.v[k];
  int32_t h = line_height (p, ln);
  ink_status_t st;
  if (!L->full && *y + h > L->bottom && *y > L->top) {
    if ((st = new_page (L)) != INK_OK)
      return st;
    *y = L->top;
  }
  if (L->full) {
    size_t s = ln->start > p->body_start ? ln->start : p->body_start;
    size_t e = ln->end < p->body_end ? ln->end : p->body_end;
    for (size_t b = s; b < e; b++)
      if (((unsigned char) p->text[b] & 0xC0) != 0x80)
        L->doc->overflow_chars++;
    if (!L->head_overflow)
      L->doc->overflow_blocks++;
    L->head_overflow = true;
    return INK_OK;
  }
  if ((st = emit_line (L, p, k, L->left, *y)) != INK_OK)
    return st;
  *y += h;
  return INK_OK;
}

/* The head: kicker, headline, deck, byline and date, across all columns on page 1. */
static ink_status_t
place_head (lay_t *L)
{
  const ink_article_t *a = L->a;
  int32_t full = L->right - L->left;
  struct { int role; const char *text; } parts[] = {
    { INK_ROLE_KICKER, a->kicker }, { INK_ROLE_HEADLINE, a->title }, { INK_ROLE_DECK, a->deck },
  };
  ink_status_t st;
  int32_t y = L->top;
  bool first = true;
  for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
    if (!parts[i].text || !*parts[i].text)
      continue;
    setpara_t *p;
    if ((st = set_para (L, parts[i].role, -1, NULL, parts[i].text, strlen (parts[i].text), NULL,
                        NULL, 0, full, 0, &p)) != INK_OK)
      return st;
    if (!p)
      continue;
    if (!first)
      y += PX (L->t->styles[parts[i].role].space_before_px);
    first = false;
    for (size_t k = 0; k < p->para.lines.n; k++)
      if ((st = head_line (L, p, k, &y)) != INK_OK)
        return st;
    y += PX (L->t->styles[parts[i].role].space_after_px);
  }
  char date[64];
  format_date (a->date, a->lang, date, sizeof date);
  if ((a->author && *a->author) || *date) {
    char suffix[96] = "";
    const char *body = a->author ? a->author : "";
    const char *sfx = NULL;
    if (*body && *date) {
      snprintf (suffix, sizeof suffix, "  \u00b7  %s", date);
      sfx = suffix;
    } else if (!*body) {
      sfx = date;
    }
    setpara_t *p;
    if ((st = set_para (L, INK_ROLE_BYLINE, -1, NULL, body, strlen (body), sfx, NULL, 0, full, 0,
                        &p)) != INK_OK)
      return st;
    if (p) {
      y += PX (L->t->styles[INK_ROLE_BYLINE].space_before_px);
      for (size_t k = 0; k < p->para.lines.n; k++)
        if ((st = head_line (L, p, k, &y)) != INK_OK)
          return st;
      y += PX (L->t->styles[INK_ROLE_BYLINE].space_after_px);
    }
  }
  /* A rule under the head, then the lead image with its caption across the columns. */
  int32_t rule = PX (L->t->dpi >= 200 ? 3 : 2);
  y += PX (8);
  if (y + rule > L->bottom)
    y = L->bottom - rule;   /* a head that filled the page: the rule closes it */
  if (!L->full && (st = emit_box (L, INK_ITEM_RULE, NULL, L->left, y, full, rule, 0, -1)) != INK_OK)
    return st;
  y += rule + PX (L->t->styles[INK_ROLE_BODY].leading_px * 0.75f);
  if (a->image && a->image->width && a->image->height && !L->full) {
    int64_t h = (int64_t) full * a->image->height / a->image->width;
    int32_t maxh = (L->bottom - L->top) * 45 / 100;
    /* Leave room for a few lines of text under the picture and its caption; on a small page
     * where that would shrink it too far, the picture goes into the first column instead. */
    int32_t lead = PX (L->t->styles[INK_ROLE_BODY].leading_px);
    int32_t caps = 0;
    const char *cparts[2] = { a->caption, a->credit };
    for (int i = 0; i < 2; i++)
      if (cparts[i] && *cparts[i])
        caps += PX (L->t->styles[i ? INK_ROLE_CREDIT : INK_ROLE_CAPTION].leading_px) *
                (1 + (int32_t) (strlen (cparts[i]) / 80));
    int32_t room = L->bottom - y - caps - PX (6) - 5 * lead;
    if (room < maxh)
      maxh = room;
    if (maxh < (L->bottom - L->top) / 4) {
      L->lead_in_column = true;
      goto columns;
    }
    int32_t w = full;
    if (h > maxh) {
      w = (int32_t) ((int64_t) full * maxh / h);
      h = maxh;
    }
    if (y + h > L->bottom) {
      if ((st = new_page (L)) != INK_OK)
        return st;
      y = L->top;
    }
    if (L->full) {
      if (!L->head_overflow)
        L->doc->overflow_blocks++;
      L->head_overflow = true;
    } else if ((st = emit_box (L, INK_ITEM_IMAGE, a->image, L->left + (full - w) / 2, y, w,
                        (int32_t) h, 0, -1)) != INK_OK)
      return st;
    y += (int32_t) h + PX (6);
    const char *parts2[2] = { a->caption, a->credit };
    int roles[2] = { INK_ROLE_CAPTION, INK_ROLE_CREDIT };
    for (int i = 0; i < 2; i++) {
      if (!parts2[i] || !*parts2[i])
        continue;
      setpara_t *p;
      if ((st = set_para (L, roles[i], -1, NULL, parts2[i], strlen (parts2[i]), NULL, NULL, 0,
                          full, 0, &p)) != INK_OK)
        return st;
      for (size_t k = 0; p && k < p->para.lines.n; k++)
        if ((st = head_line (L, p, k, &y)) != INK_OK)
          return st;
    }
    y += PX (L->t->styles[INK_ROLE_BODY].leading_px * 0.75f);
  }
columns:
  L->col_top = y;
  L->y = y;
  L->doc->pages.v[L->page].body_top = y;
  take_snap (L, y);
  return INK_OK;
}

/* Placeholders of running heads: {section} {date} {title} {page} {pages} {source}. */
static void
expand (const lay_t *L, const char *tmpl, size_t page, size_t pages, char *out, size_t n)
{
  const ink_article_t *a = L->a;
  size_t o = 0;
  char date[64];
  format_date (a->date, a->lang, date, sizeof date);
  for (const char *s = tmpl; *s && o + 1 < n;) {
    const char *val = NULL;
    char num[24];
    size_t skip = 0;
    if (*s == '{') {
      const char *e = strchr (s, '}');
      if (e) {
        size_t k = (size_t) (e - s - 1);
        skip = k + 2;
        if (k == 7 && !strncmp (s + 1, "section", 7))
          val = a->section ? a->section : "";
        else if (k == 4 && !strncmp (s + 1, "date", 4))
          val = date;
        else if (k == 5 && !strncmp (s + 1, "title", 5))
          val = a->title ? a->title : "";
        else if (k == 6 && !strncmp (s + 1, "source", 6))
          val = a->source ? a->source : "";
        else if (k == 4 && !strncmp (s + 1, "page", 4))
          snprintf (num, sizeof num, "%zu", page), val = num;
        else if (k == 5 && !strncmp (s + 1, "pages", 5))
          snprintf (num, sizeof num, "%zu", pages), val = num;
        else
          skip = 0;
      }
    }
    if (val) {
      size_t l = strlen (val);
      if (l > n - 1 - o)
        l = n - 1 - o;
      memcpy (out + o, val, l);
      o += l;
      s += skip;
    } else {
      out[o++] = *s++;
    }
  }
  out[o] = 0;
}

static ink_status_t
running_lines (lay_t *L)
{
  ink_document_t *doc = L->doc;
  size_t pages = doc->pages.n;
  /* Running lines are appended per page after the flow, so each page's items and records
   * are no longer contiguous: rebuild by moving them in at the page's end. Simpler: we
   * collect them in a second pass into fresh vectors. */
  INK_VEC (ink__item_t) items = { 0 };
  INK_VEC (ink__lrec_t) lines = { 0 };
  ink_status_t st = INK_OK;
  for (size_t pg = 0; pg < pages && st == INK_OK; pg++) {
    ink__page_t *P = &doc->pages.v[pg];
    size_t i0 = items.n, l0 = lines.n;
    if (!ink__vec_reserve (L->ctx, &items, items.n + P->ni) ||
        !ink__vec_reserve (L->ctx, &lines, lines.n + P->nl)) {
      st = oom (L);
      break;
    }
    memcpy (items.v + items.n, doc->items.v + P->i0, P->ni * sizeof *items.v);
    items.n += P->ni;
    memcpy (lines.v + lines.n, doc->lines.v + P->l0, P->nl * sizeof *lines.v);
    lines.n += P->nl;
    /* Header and footer: left, centre, right, each a generated line. */
    const char *slots[2][3] = {
      { L->t->header_left, L->t->header_center, L->t->header_right },
      { L->t->footer_left, L->t->footer_center, L->t->footer_right },
    };
    for (int hf = 0; hf < 2 && st == INK_OK; hf++) {
      int role = hf ? INK_ROLE_FOOTER : INK_ROLE_HEADER;
      for (int s = 0; s < 3 && st == INK_OK; s++) {
        if (!slots[hf][s] || !*slots[hf][s])
          continue;
        char buf[512];
        expand (L, slots[hf][s], pg + 1, pages, buf, sizeof buf);
        if (!*buf)
          continue;
        setpara_t *p;
        int32_t full = L->right - L->left;
        if ((st = set_para (L, role, -1, NULL, "", 0, buf, NULL, 0, full, 0, &p)) != INK_OK || !p)
          continue;
        const ink__line_t *ln = &p->para.lines.v[0];
        int32_t h = line_height (p, ln);
        int32_t y = hf ? L->bottom + (PX (L->t->margin_bottom) - h) / 2
                       : (L->top - h) / 2;
        int32_t x = L->left;
        /* Left and right slots trade places on right-to-left pages. */
        int side = L->rtl ? 2 - s : s;
        int32_t shift = side == 0 ? -ln->left : side == 1 ? (full - ln->width) / 2 - ln->left
                                                          : full - ln->width - ln->left;
        /* Emit into the document's vectors, then move the new tail into ours. */
        size_t di = doc->items.n, dl = doc->lines.n;
        size_t save_page = L->page;
        L->page = pg;
        size_t pni = P->ni, pnl = P->nl;
        st = emit_line (L, p, 0, x + shift, y);
        P->ni = pni;
        P->nl = pnl;
        L->page = save_page;
        if (st != INK_OK)
          break;
        for (size_t k = di; k < doc->items.n; k++)
          if (!ink__vec_push (L->ctx, &items, doc->items.v[k]))
            st = oom (L);
        for (size_t k = dl; k < doc->lines.n; k++) {
          doc->lines.v[k].generated = true;
          if (!ink__vec_push (L->ctx, &lines, doc->lines.v[k]))
            st = oom (L);
        }
        doc->items.n = di;
        doc->lines.n = dl;
      }
    }
    /* Column rules between the columns of the body. */
    if (L->t->column_rule && L->ncols > 1) {
      int32_t top = P->body_top;
      for (unsigned c = 1; c < L->ncols; c++) {
        ink__item_t it = { 0 };
        it.kind = INK_ITEM_RULE;
        it.block = -1;
        it.x = L->left + (int32_t) c * (L->colw + L->gutter) - L->gutter / 2;
        it.y = top;
        it.w = PX (1);
        it.h = (P->body_bottom ? P->body_bottom : L->bottom) - top;
        if (!ink__vec_push (L->ctx, &items, it))
          st = oom (L);
      }
    }
    P->i0 = i0;
    P->ni = items.n - i0;
    P->l0 = l0;
    P->nl = lines.n - l0;
  }
  if (st == INK_OK) {
    ink__vec_free (L->ctx, &doc->items);
    ink__vec_free (L->ctx, &doc->lines);
    doc->items.v = items.v, doc->items.n = items.n, doc->items.cap = items.cap;
    doc->lines.v = lines.v, doc->lines.n = lines.n, doc->lines.cap = lines.cap;
  } else {
    ink__vec_free (L->ctx, &items);
    ink__vec_free (L->ctx, &lines);
  }
  return st;
}

/* Balances the last page: the smallest column height that still takes all its content. */
static void
restore (lay_t *L, const snap_t *sn, int32_t bottom)
{
  ink_document_t *doc = L->doc;
  doc->items.n = sn->items;
  doc->glyphs.n = sn->glyphs;
  doc->lines.n = sn->lines;
  doc->text.n = sn->text;
  doc->pages.n = sn->page + 1;
  doc->pages.v[sn->page].ni = sn->items - doc->pages.v[sn->page].i0;
  doc->pages.v[sn->page].nl = sn->lines - doc->pages.v[sn->page].l0;
  doc->overflow_blocks = sn->overflow_blocks;
  doc->overflow_chars = sn->overflow_chars;
  doc->missing = sn->missing;
  L->page = sn->page;
  L->col = 0;
  L->col_top = sn->top;
  L->y = sn->top;
  L->col_empty = true;
  L->col_bottom = bottom;
  L->full = false;
  L->pending = sn->pending;
  L->pending_span = sn->pending_span;
  L->head_overflow = sn->head_overflow;
  for (size_t i = 0; i < L->units.n; i++)
    if (L->units.v[i].placed_page != SIZE_MAX && L->units.v[i].placed_page >= sn->page)
      L->units.v[i].placed_page = SIZE_MAX;
}

/* Flows again from a snapshot: the float that waited for this page comes first. */
static ink_status_t
resume (lay_t *L, const snap_t *sn)
{
  ink_status_t st = place_span (L);
  if (st == INK_OK)
    st = place_pending (L);
  if (st == INK_OK)
    st = flow (L, sn->ui, sn->k);
  return st;
}

static ink_status_t flow_columns (lay_t *L);
static ink_status_t balance (lay_t *L);

/* A float across the columns still waiting when the text has ended goes under the last
 * page's columns, or on a page of its own when there is no room. */
static ink_status_t
finish_span (lay_t *L)
{
  if (L->pending_span == NO_FLOAT || L->full)
    return INK_OK;
  ink_document_t *doc = L->doc;
  const ink__page_t *pg = &doc->pages.v[L->page];
  int32_t bottom = L->col_top;
  for (size_t i = 0; i < pg->nl; i++) {
    const ink__lrec_t *l = &doc->lines.v[pg->l0 + i];
    if (l->y + l->h > bottom)
      bottom = l->y + l->h;
  }
  for (size_t i = 0; i < pg->ni; i++) {
    const ink__item_t *it = &doc->items.v[pg->i0 + i];
    if (it->kind != INK_ITEM_GLYPHS && it->y + it->h > bottom)
      bottom = it->y + it->h;
  }
  const unit_t *u = &L->units.v[L->pending_span];
  int64_t need = 0;
  for (size_t i = L->pending_span; i < L->pending_span + u->float_len; i++) {
    const unit_t *v = &L->units.v[i];
    need += (int64_t) v->space_before + v->space_after +
            (v->kind == U_PARA ? lines_height (v->p, 0, v->p->para.lines.n) : v->h);
  }
  if (bottom + need <= L->bottom) {
    ink__page_t *P = &doc->pages.v[L->page];
    int32_t top = P->body_top;
    L->col_top = bottom + u->space_before;
    P->body_bottom = bottom;
    ink_status_t st = place_span (L);
    P->body_top = top;   /* the columns still begin where they did */
    return st;
  }
  /* No room under the columns: set the last page again with the float across its top, rather
   * than leave the float alone on a page of its own. */
  size_t span = L->pending_span;
  if (L->snap.pending_span != NO_FLOAT) {
    /* The last page already opens with a float across its columns: this one takes the
     * next page. */
    L->col = L->ncols;
    return column_break (L);
  }
  L->snap.pending_span = span;   /* balancing sets the page again from here, float first */
  snap_t sn = L->snap;
  restore (L, &sn, L->bottom);
  ink_status_t st = resume (L, &sn);
  if (st == INK_OK)
    st = balance (L);
  if (st == INK_OK && L->pending_span != NO_FLOAT) {
    L->col = L->ncols;
    st = column_break (L);
  }
  return st;
}

static ink_status_t
flow_all (lay_t *L)
{
  ink_status_t st = flow_columns (L);
  if (st == INK_OK)
    st = finish_span (L);
  /* Out of pages with floats still waiting: they are overflow too. */
  size_t waiting[2] = { L->pending, L->pending_span };
  L->pending = L->pending_span = NO_FLOAT;
  for (int i = 0; i < 2 && st == INK_OK; i++)
    if (waiting[i] != NO_FLOAT)
      st = count_overflow_range (L, waiting[i], 0, waiting[i] + L->units.v[waiting[i]].float_len);
  return st;
}

static ink_status_t
flow_columns (lay_t *L)
{
  ink_status_t st = flow (L, 0, 0);
  if (st == INK_OK)
    st = balance (L);
  return st;
}

/* Balances the last page's columns: the lowest column bottom that still takes everything
 * that page holds, found by setting the page again from its snapshot. */
static ink_status_t
balance (lay_t *L)
{
  if (L->full || L->ncols < 2)
    return INK_OK;
  ink_status_t st = INK_OK;
  snap_t sn = L->snap;
  size_t max_pages = L->max_pages;
  L->max_pages = sn.page + 1;
  int32_t lo = sn.top, hi = L->bottom;
  while (hi - lo > 32) {
    int32_t mid = lo + (hi - lo) / 2;
    restore (L, &sn, mid);
    L->strained = false;
    if ((st = resume (L, &sn)) != INK_OK)
      break;
    if (L->full || L->strained)
      lo = mid;
    else
      hi = mid;
  }
  L->max_pages = max_pages;
  if (st != INK_OK)
    return st;
  restore (L, &sn, hi);
  return resume (L, &sn);
}

/**
 * ink_document_layout:
 * @ctx: a context
 * @article: the article; must outlive the document (its images are drawn from it)
 * @tpl: the template (referenced)
 * @fonts: the faces (referenced)
 * @opts: (nullable) options, zero for defaults
 * @out: receives the document (ink_document_destroy)
 *
 * Sets and paginates the article. What does not fit in opts->max_pages pages is counted
 * (ink_document_overflow), never dropped silently; the call then returns INK_OVERFLOW with
 * the document still made.
 *
 * Return value: INK_OK, INK_OVERFLOW, INK_FONT (a template's face cannot be loaded),
 * INK_NO_MEMORY or INK_INVALID.
 * Since: 0.1
 */
ink_status_t
ink_document_layout (ink_context_t *ctx, const ink_article_t *article, ink_template_t *tpl,
                     ink_fontset_t *fonts, const ink_layout_options_t *opts, ink_document_t **out)
{
  if (!ctx || !article || !tpl || !fonts || !out)
    return INK_INVALID;
  *out = NULL;
  ink_document_t *doc = ink__alloc (ctx, sizeof *doc);
  if (!doc)
    return ink__error (ctx, INK_NO_MEMORY, "out of memory");
  doc->ctx = ctx;
  doc->tpl = ink_template_reference (tpl);
  doc->fonts = ink_fontset_reference (fonts);
  doc->article = article;
  doc->width = tpl->width_px;
  doc->height = tpl->height_px;
  doc->dpi = tpl->dpi;
  lay_t L = { 0 };
  L.doc = doc;
  L.ctx = ctx;
  L.a = article;
  L.t = tpl;
  L.fs = fonts;
  L.left = PX (tpl->margin_left);
  L.right = PX ((float) tpl->width_px - tpl->margin_right);
  L.top = PX (tpl->margin_top);
  L.bottom = PX ((float) tpl->height_px - tpl->margin_bottom);
  L.ncols = tpl->columns ? tpl->columns : 1;
  L.gutter = PX (tpl->gutter_px);
  L.colw = (L.right - L.left - L.gutter * (int32_t) (L.ncols - 1)) / (int32_t) L.ncols;
  L.max_pages = ink__limit (ctx, INK_LIMIT_PAGES);
  L.rtl = ink__lang_is_rtl (article->lang);
  L.pending = NO_FLOAT;
  L.pending_span = NO_FLOAT;
  if (opts && opts->max_pages && opts->max_pages < L.max_pages)
    L.max_pages = opts->max_pages;
  ink_status_t st = INK_OK;
  if (L.colw <= 64 || L.bottom - L.top <= 64)
    st = ink__error (ctx, INK_INVALID, "the template leaves no room for text");
  if (st == INK_OK)
    st = ink__fontset_hyphenator (fonts, &L.hy);
  if (st == INK_OK)
    st = make_styles (&L);
  if (st == INK_OK)
    st = new_page (&L);
  if (st == INK_OK)
    st = place_head (&L);
  if (st == INK_OK)
    st = build_body_units (&L);
  if (st == INK_OK)
    st = flow_all (&L);
  if (st == INK_OK)
    st = running_lines (&L);
  for (size_t i = 0; i < L.paras.n; i++)
    setpara_free (&L, L.paras.v[i]);
  ink__vec_free (ctx, &L.paras);
  ink__vec_free (ctx, &L.units);
  if (st != INK_OK) {
    ink_document_destroy (doc);
    return st;
  }
  *out = doc;
  if (doc->overflow_chars || doc->overflow_blocks)
    return ink__error (ctx, INK_OVERFLOW, "%zu characters in %zu blocks did not fit in %zu pages",
                       doc->overflow_chars, doc->overflow_blocks, doc->pages.n);
  return INK_OK;
}

/**
 * ink_document_destroy:
 * @doc: a document, or NULL
 *
 * Since: 0.1
 */
void
ink_document_destroy (ink_document_t *doc)
{
  if (!doc)
    return;
  ink_context_t *ctx = doc->ctx;
  if (doc->raster_free)
    doc->raster_free (doc);
  ink__vec_free (ctx, &doc->pages);
  ink__vec_free (ctx, &doc->items);
  ink__vec_free (ctx, &doc->glyphs);
  ink__vec_free (ctx, &doc->lines);
  ink__str_free (ctx, &doc->text);
  ink__str_free (ctx, &doc->json);
  ink_template_destroy (doc->tpl);
  ink_fontset_destroy (doc->fonts);
  ink__free (ctx, doc, sizeof *doc);
}

/**
 * ink_document_page_count:
 * @doc: a document
 *
 * Return value: the number of pages.
 * Since: 0.1
 */
size_t
ink_document_page_count (const ink_document_t *doc)
{
  return doc ? doc->pages.n : 0;
}

/**
 * ink_document_page_size:
 * @doc: a document
 * @width: (nullable) receives the page width in px
 * @height: (nullable) receives the page height in px
 *
 * Since: 0.1
 */
void
ink_document_page_size (const ink_document_t *doc, uint32_t *width, uint32_t *height)
{
  if (width)
    *width = doc ? doc->width : 0;
  if (height)
    *height = doc ? doc->height : 0;
}

/**
 * ink_document_overflow:
 * @doc: a document
 * @blocks: (nullable) receives the number of blocks not placed in full
 * @chars: (nullable) receives the number of characters not placed
 *
 * Since: 0.1
 */
void
ink_document_overflow (const ink_document_t *doc, size_t *blocks, size_t *chars)
{
  if (blocks)
    *blocks = doc ? doc->overflow_blocks : 0;
  if (chars)
    *chars = doc ? doc->overflow_chars : 0;
}

/**
 * ink_document_missing_glyphs:
 * @doc: a document
 *
 * Return value: the number of .notdef glyphs drawn on all pages.
 * Since: 0.1
 */
size_t
ink_document_missing_glyphs (const ink_document_t *doc)
{
  return doc ? doc->missing : 0;
}
