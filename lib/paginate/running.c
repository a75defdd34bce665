/* paginate/running: running heads and feet on every page, and the rules between columns. */
#include "layout-internal.h"

#include <stdio.h>
#include <string.h>

/* Placeholders of running heads: {section} {date} {title} {page} {pages} {source}. */
static void
expand (lay_t *L, const char *tmpl, size_t page, size_t pages, char *out, size_t n)
{
  const ink_article_t *a = L->a;
  size_t o = 0;
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
          val = ink__date (L);
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

/* The pages' items and line records as they are rebuilt, each page's with its running lines
 * and column rules after them. */
typedef struct {
  INK_VEC (ink__item_t) items;
  INK_VEC (ink__lrec_t) lines;
} pages_out_t;

/* Slot s (left, centre, right) of the header (hf 0) or footer (hf 1) of page pg, a generated
 * line, into out. */
static ink_status_t
running_line (lay_t *L, pages_out_t *out, size_t pg, int hf, int s, const char *slot)
{
  ink_document_t *doc = L->doc;
  ink__page_t *P = &doc->pages.v[pg];
  ink_status_t st;
  int role = hf ? INK_ROLE_FOOTER : INK_ROLE_HEADER;
  char buf[512];
  expand (L, slot, pg + 1, doc->pages.n, buf, sizeof buf);
  if (!*buf)
    return INK_OK;
  setpara_t *p;
  int32_t full = L->right - L->left;
  if ((st = ink__set_para (L, role, -1, NULL, "", 0, buf, NULL, 0, full, 0, NULL, &p)) != INK_OK || !p)
    return st;
  const ink__line_t *ln = &p->para.lines.v[0];
  int32_t h = ink__line_height (p, ln);
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
  st = ink__emit_line (L, p, 0, x + shift, y);
  P->ni = pni;
  P->nl = pnl;
  L->page = save_page;
  if (st != INK_OK)
    return st;
  for (size_t k = di; k < doc->items.n; k++)
    if (!ink__vec_push (L->ctx, &out->items, doc->items.v[k]))
      st = oom (L);
  for (size_t k = dl; k < doc->lines.n; k++) {
    doc->lines.v[k].generated = true;
    if (!ink__vec_push (L->ctx, &out->lines, doc->lines.v[k]))
      st = oom (L);
  }
  doc->items.n = di;
  doc->lines.n = dl;
  return st;
}

/* Rules between the columns of the body of page P. */
static ink_status_t
column_rules (lay_t *L, pages_out_t *out, const ink__page_t *P)
{
  ink_status_t st = INK_OK;
  int32_t top = P->body_top;
  for (unsigned c = 1; c < L->ncols; c++) {
    ink__item_t it = { 0 };
    it.kind = INK_ITEM_RULE;
    it.block = -1;
    it.x = L->left + (int32_t) c * (L->colw + L->gutter) - L->gutter / 2;
    it.y = top;
    it.w = PX (1);
    it.h = (P->body_bottom ? P->body_bottom : L->bottom) - top;
    if (!ink__vec_push (L->ctx, &out->items, it))
      st = oom (L);
  }
  return st;
}

/* Page pg's items and records into out, then its running lines and column rules. */
static ink_status_t
rebuild_page (lay_t *L, pages_out_t *out, size_t pg)
{
  ink_document_t *doc = L->doc;
  ink__page_t *P = &doc->pages.v[pg];
  ink_status_t st = INK_OK;
  size_t i0 = out->items.n, l0 = out->lines.n;
  if (!ink__vec_reserve (L->ctx, &out->items, out->items.n + P->ni) ||
      !ink__vec_reserve (L->ctx, &out->lines, out->lines.n + P->nl))
    return oom (L);
  memcpy (out->items.v + out->items.n, doc->items.v + P->i0, P->ni * sizeof *out->items.v);
  out->items.n += P->ni;
  memcpy (out->lines.v + out->lines.n, doc->lines.v + P->l0, P->nl * sizeof *out->lines.v);
  out->lines.n += P->nl;
  /* Header and footer: left, centre, right, each a generated line. */
  const char *slots[2][3] = {
    { L->t->header_left, L->t->header_center, L->t->header_right },
    { L->t->footer_left, L->t->footer_center, L->t->footer_right },
  };
  for (int hf = 0; hf < 2 && st == INK_OK; hf++)
    for (int s = 0; s < 3 && st == INK_OK; s++)
      if (slots[hf][s] && *slots[hf][s])
        st = running_line (L, out, pg, hf, s, slots[hf][s]);
  if (st == INK_OK && L->t->column_rule && L->ncols > 1)
    st = column_rules (L, out, P);
  P->i0 = i0;
  P->ni = out->items.n - i0;
  P->l0 = l0;
  P->nl = out->lines.n - l0;
  return st;
}

/* Running lines are added per page after the flow, so each page's items and records would no
 * longer be contiguous: all pages are copied, with theirs, into fresh vectors. */
ink_status_t
ink__running_lines (lay_t *L)
{
  ink_document_t *doc = L->doc;
  pages_out_t out = { { 0 }, { 0 } };
  ink_status_t st = INK_OK;
  for (size_t pg = 0; pg < doc->pages.n && st == INK_OK; pg++)
    st = rebuild_page (L, &out, pg);
  if (st == INK_OK) {
    ink__vec_free (L->ctx, &doc->items);
    ink__vec_free (L->ctx, &doc->lines);
    doc->items.v = out.items.v, doc->items.n = out.items.n, doc->items.cap = out.items.cap;
    doc->lines.v = out.lines.v, doc->lines.n = out.lines.n, doc->lines.cap = out.lines.cap;
  } else {
    ink__vec_free (L->ctx, &out.items);
    ink__vec_free (L->ctx, &out.lines);
  }
  return st;
}
