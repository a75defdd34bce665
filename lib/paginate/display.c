/* paginate/display: the display list: set lines, rules and images put on the current page. */
#include "layout-internal.h"

static ink_status_t emit_line1 (lay_t *L, const setpara_t *p, size_t k, int32_t x, int32_t y);

/* Puts line k of p with its top at y and its measure's left edge at x; with the first
 * line, the drop cap, its baseline on that of the line it sinks to. */
ink_status_t
ink__emit_line (lay_t *L, const setpara_t *p, size_t k, int32_t x, int32_t y)
{
  if (k == 0 && p->cap && p->cap->para.lines.n) {
    size_t n = p->cap_sink < p->para.lines.n ? p->cap_sink : p->para.lines.n;
    int32_t base = y;
    for (size_t j = 0; j + 1 < n; j++)
      base += ink__line_height (p, &p->para.lines.v[j]);
    base += ink__line_baseline (p, &p->para.lines.v[n - 1]);
    const setpara_t *c = p->cap;
    ink_status_t st = emit_line1 (L, c, 0, x + p->cap_x,
                                  base - ink__line_baseline (c, &c->para.lines.v[0]));
    if (st != INK_OK)
      return st;
    L->doc->lines.v[L->doc->lines.n - 1].cap = true;
  }
  return emit_line1 (L, p, k, x, y);
}

/* Where the characters of run r of line ln begin and end in p's text: its first cluster,
 * and the next run's first (runs hold ranges of the text one after another), else the
 * line's end. */
static void
run_range (const setpara_t *p, const ink__line_t *ln, size_t r, size_t *a, size_t *b)
{
  const ink__lrun_t *own = &p->para.runs.v[ln->r0 + r];
  size_t m = SIZE_MAX;
  for (size_t g = 0; g < own->ng; g++)
    if (p->para.glyphs.v[own->g0 + g].cluster < m)
      m = p->para.glyphs.v[own->g0 + g].cluster;
  *a = m < ln->start || m == SIZE_MAX ? ln->start : m;
  *b = ln->end;
  for (size_t q = 0; q < ln->nr; q++) {
    const ink__lrun_t *lr = &p->para.runs.v[ln->r0 + q];
    for (size_t g = 0; g < lr->ng && q != r; g++) {
      size_t c = p->para.glyphs.v[lr->g0 + g].cluster;
      if (c > *a && c < *b)
        *b = c;
    }
  }
  if (*b < *a)
    *b = *a;
}

static ink_status_t
emit_run (lay_t *L, const setpara_t *p, const ink__line_t *ln, size_t r, int32_t lx, int32_t y,
          int32_t h, int32_t base)
{
  ink_document_t *doc = L->doc;
  const ink__lrun_t *lr = &p->para.runs.v[ln->r0 + r];
  size_t a, b;
  run_range (p, ln, r, &a, &b);
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
  it.t0 = doc->text.n;
  it.nt = b - a;
  it.logical = a;
  if (!ink__vec_reserve (L->ctx, &doc->glyphs, doc->glyphs.n + lr->ng) ||
      !ink__str_append (L->ctx, &doc->text, p->text + a, b - a))
    return oom (L);
  for (size_t g = 0; g < lr->ng; g++) {
    const ink__pglyph_t *pg = &p->para.glyphs.v[lr->g0 + g];
    uint32_t c = pg->cluster >= a && pg->cluster < b ? (uint32_t) (pg->cluster - a) : UINT32_MAX;
    doc->glyphs.v[doc->glyphs.n++] = (ink__dglyph_t) { pg->gid, lx + pg->x, base - pg->y, c };
  }
  if (!ink__vec_push (L->ctx, &doc->items, it))
    return oom (L);
  return INK_OK;
}

/* The part of line ln (drawn from lx) that link lk covers: from the left edge of its
 * leftmost glyph to the right edge of its rightmost, a glyph ending where the next begins. */
static bool
link_extent (const setpara_t *p, const ink__line_t *ln, const ink__plink_t *lk, int32_t *x0,
             int32_t *x1)
{
  *x0 = INT32_MAX;
  *x1 = INT32_MIN;
  const ink__pglyph_t *prev = NULL;
  for (size_t r = 0; r < ln->nr; r++) {
    const ink__lrun_t *lr = &p->para.runs.v[ln->r0 + r];
    for (size_t g = 0; g < lr->ng; g++) {
      const ink__pglyph_t *pg = &p->para.glyphs.v[lr->g0 + g];
      if (prev && prev->cluster >= lk->a && prev->cluster < lk->b && pg->x > *x1)
        *x1 = pg->x;
      if (pg->cluster >= lk->a && pg->cluster < lk->b && pg->x < *x0)
        *x0 = pg->x;
      prev = pg;
    }
  }
  if (prev && prev->cluster >= lk->a && prev->cluster < lk->b)
    *x1 = ln->width > *x1 ? ln->width : *x1;
  return *x0 < *x1;
}

/* Link items for the links of p on line ln, after its runs. */
static ink_status_t
emit_links (lay_t *L, const setpara_t *p, const ink__line_t *ln, int32_t lx, int32_t y,
            int32_t h)
{
  for (size_t i = 0; i < p->nlinks; i++) {
    const ink__plink_t *lk = &p->links[i];
    int32_t x0, x1;
    if (lk->b <= ln->start || lk->a >= ln->end || !link_extent (p, ln, lk, &x0, &x1))
      continue;
    ink__item_t it = { 0 };
    it.kind = INK_ITEM_LINK;
    it.x = lx + x0;
    it.y = y;
    it.w = x1 - x0;
    it.h = h;
    it.href = lk->href;
    if (!ink__vec_push (L->ctx, &L->doc->items, it))
      return oom (L);
  }
  return INK_OK;
}

/* The words the page put before p's own text (a related link's label, a list item's
 * number, a quote's dash) where line ln (drawn from lx) sets them with the text: a generated
 * line record of their own, since only the article's characters count as the line's text.
 * The line's own record keeps the rest of the line; *taken: the words' glyphs, which are
 * not the line's. */
static ink_status_t
emit_prefix (lay_t *L, const setpara_t *p, const ink__line_t *ln, ink__lrec_t *line,
             size_t *taken)
{
  ink_document_t *doc = L->doc;
  ink__plink_t words = { ln->start, p->body_start, NULL };
  int32_t x0, x1;
  *taken = 0;
  if (!link_extent (p, ln, &words, &x0, &x1))
    return INK_OK;
  for (size_t r = 0; r < ln->nr; r++) {
    const ink__lrun_t *lr = &p->para.runs.v[ln->r0 + r];
    for (size_t g = 0; g < lr->ng; g++)
      *taken += p->para.glyphs.v[lr->g0 + g].cluster < p->body_start;
  }
  ink__lrec_t rec = *line;
  rec.x = line->x + x0;
  rec.w = x1 - x0;
  rec.hyphenated = false;
  rec.generated = true;
  rec.space_after = false;   /* the line goes on after its prefix */
  rec.text_off = doc->text.n;
  rec.text_len = p->body_start - ln->start;
  rec.glyphs = *taken;
  rec.missing = 0;
  rec.ni = 0;
  if (!ink__str_append (L->ctx, &doc->text, p->text + ln->start, rec.text_len) ||
      !ink__vec_append (L->ctx, &doc->lines, rec))
    return oom (L);
  if (x0 <= 0) {   /* the words start the line (left to right) */
    line->x += x1;
    line->w -= x1;
  } else {         /* they end it (right to left) */
    line->w = x0;
  }
  doc->pages.v[L->page].nl++;
  return INK_OK;
}

/* How far right a right-to-left line of a hanging paragraph (a list item) goes so that it
 * ends where its slot does: the first line at the measure's right edge, after the number,
 * the lines after it a hang further in. A line broken again at another measure than its
 * slot's (a list item's lines all set at the hung measure to give its last word company,
 * balanced.c) is placed by its slot, not by that measure. */
static int32_t
rtl_hang_shift (const setpara_t *p, size_t k, const ink__line_t *ln)
{
  if (!p->hang || !ln->rtl || !p->po.nwidths)
    return 0;
  int32_t hung = p->po.widths[p->po.nwidths - 1];
  return (k > 0 ? hung : hung + p->hang) - ln->measure;
}

/* Whether p's own text goes on at byte e with a word space: a space, a tab or an ideographic
 * space, not a no-break, thin or figure space, which join the parts of a figure. */
static bool
word_space_at (const setpara_t *p, size_t e)
{
  if (e >= p->body_end)
    return false;
  const unsigned char *t = (const unsigned char *) p->text + e;
  return t[0] == ' ' || t[0] == '\t' ||
         (e + 2 < p->body_end && t[0] == 0xE3 && t[1] == 0x80 && t[2] == 0x80);
}

static ink_status_t
emit_line1 (lay_t *L, const setpara_t *p, size_t k, int32_t x, int32_t y)
{
  ink_document_t *doc = L->doc;
  const ink__line_t *ln = &p->para.lines.v[k];
  int32_t h = ink__line_height (p, ln);
  int32_t base = y + ink__line_baseline (p, ln);
  if (p->cap && k < p->cap_lines)
    x += p->cap_shift;
  if (p->hang && k > 0 && !ln->rtl)
    x += p->hang;
  int32_t lx = x + ln->left + rtl_hang_shift (p, k, ln);
  size_t i0 = doc->items.n;
  ink_status_t st = INK_OK;
  /* A trial is scored by its line boxes, pictures and rules, and set again for good: its
   * glyph runs and text would only be rolled back. */
  for (size_t r = 0; r < ln->nr && st == INK_OK && !L->trial; r++)
    st = emit_run (L, p, ln, r, lx, y, h, base);
  if (st != INK_OK || (st = emit_links (L, p, ln, lx, y, h)) != INK_OK)
    return st;
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
  rec.space_after = e > s && word_space_at (p, e);
  rec.note = p->note;
  rec.text_off = doc->text.n;
  if (L->trial) {
    rec.text_len = 0;
  } else if (e > s) {
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
  rec.ni = doc->items.n - i0;
  doc->missing += ln->missing;
  size_t taken = 0;
  if (!L->trial && e > s && ln->start < p->body_start &&
      (st = emit_prefix (L, p, ln, &rec, &taken)) != INK_OK)
    return st;
  rec.glyphs -= taken;
  if (!ink__vec_append (L->ctx, &doc->lines, rec))
    return oom (L);
  doc->pages.v[L->page].nl++;
  doc->pages.v[L->page].ni = doc->items.n - doc->pages.v[L->page].i0;
  return INK_OK;
}

ink_status_t
ink__emit_box (lay_t *L, ink__item_kind_t kind, const ink__image_t *img, int32_t x, int32_t y,
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

/* Whether a rule across x..x+w with its top at y would double one already drawn on this
 * page: a rule across that width (to a pixel) whose foot is less than two line steps above y,
 * with nothing drawn between them (the head's rule over a pull quote's opening one, a pull
 * quote's closing rule over a related box's opening one, either over a table's header). */
#define PX1 64   /* a pixel, in 1/64 px */

static bool
doubles_rule (const lay_t *L, int32_t x, int32_t y, int32_t w)
{
  const ink__page_t *pg = &L->doc->pages.v[L->page];
  const ink__item_t *items = L->doc->items.v + pg->i0;
  int32_t reach = -1;  /* two line steps, found at the first rule across that width */
  for (size_t i = 0; i < pg->ni; i++) {
    const ink__item_t *r = &items[i];
    int32_t low = r->y + r->h;
    if (r->kind != INK_ITEM_RULE || r->w <= r->h || r->x > x + PX1 || r->x + r->w < x + w - PX1 ||
        low > y)
      continue;
    if (reach < 0)
      reach = 2 * ink__line_step (L);
    if (low < y - reach)
      continue;
    bool between = false;
    for (size_t j = 0; j < pg->ni && !between; j++) {
      const ink__item_t *it = &items[j];
      between = j != i && it->x < x + w && it->x + it->w > x && it->y < y && it->y + it->h > low;
    }
    if (!between)
      return true;
  }
  return false;
}

/* A rule across the page or a column, at x, y, w by h; one that would double a rule just
 * above it with white alone between keeps its place but is not drawn, as the flow goes (the
 * float-order search measures its layouts so); a pair the flow cannot see as it draws (the
 * narrower rule drawn first, or the head moved down after the flow) is left out once the
 * page is final (rulepair.c). */
ink_status_t
ink__emit_rule (lay_t *L, int32_t x, int32_t y, int32_t w, int32_t h)
{
  if (doubles_rule (L, x, y, w))
    return INK_OK;
  return ink__emit_box (L, INK_ITEM_RULE, NULL, x, y, w, h, 0, -1);
}
