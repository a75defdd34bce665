/* paginate/display: the display list: set lines, rules and images put on the current page. */
#include "layout-internal.h"

static ink_status_t emit_line1 (lay_t *L, const setpara_t *p, size_t k, int32_t x, int32_t y);

/* Puts line k of p with its top at y and its measure's left edge at x; with the first
 * line, the drop cap, its baseline on that of the last line beside it. */
ink_status_t
ink__emit_line (lay_t *L, const setpara_t *p, size_t k, int32_t x, int32_t y)
{
  if (k == 0 && p->cap && p->cap->para.lines.n) {
    size_t n = p->cap_lines < p->para.lines.n ? p->cap_lines : p->para.lines.n;
    int32_t base = y;
    for (size_t j = 0; j + 1 < n; j++)
      base += ink__line_height (p, &p->para.lines.v[j]);
    base += ink__line_baseline (p, &p->para.lines.v[n - 1]);
    const setpara_t *c = p->cap;
    ink_status_t st = emit_line1 (L, c, 0, x + p->cap_x,
                                  base - ink__line_baseline (c, &c->para.lines.v[0]));
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
  int32_t h = ink__line_height (p, ln);
  int32_t base = y + ink__line_baseline (p, ln);
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
