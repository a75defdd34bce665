/* paginate/running: running heads and feet on every page, added after the flow with the
 * rules between its columns (colrules.c). */
#include "layout-internal.h"

#include <stdio.h>
#include <string.h>

/* The value of a placeholder of running heads opening s, {section} {date} {title} {page}
 * {pages} {source}, with *skip its length; NULL when s opens none. An article without a
 * section, title or source gives "". */
static const char *
placeholder (lay_t *L, const char *s, size_t page, size_t pages, char num[INK_NUMBER_MAX],
             size_t *skip)
{
  const ink_article_t *a = L->a;
  const char *e = *s == '{' ? strchr (s, '}') : NULL;
  if (!e)
    return NULL;
  size_t k = (size_t) (e - s - 1);
  *skip = k + 2;
  if (k == 7 && !strncmp (s + 1, "section", 7))
    return a->section ? a->section : "";
  if (k == 4 && !strncmp (s + 1, "date", 4))
    return ink__date (L);
  if (k == 5 && !strncmp (s + 1, "title", 5))
    return a->title ? a->title : "";
  if (k == 6 && !strncmp (s + 1, "source", 6))
    return a->source ? a->source : "";
  if (k == 4 && !strncmp (s + 1, "page", 4))
    return ink__format_number (page, L->digits, num, INK_NUMBER_MAX), num;
  if (k == 5 && !strncmp (s + 1, "pages", 5))
    return ink__format_number (pages, L->digits, num, INK_NUMBER_MAX), num;
  return NULL;
}

/* The length of the literal text opening s, up to the next placeholder; *filled whether that
 * placeholder has a value (true when none follows). */
static size_t
literal (lay_t *L, const char *s, size_t page, size_t pages, bool *filled)
{
  char num[INK_NUMBER_MAX];
  size_t skip, n = 0;
  *filled = true;
  for (; s[n]; n++) {
    const char *v = placeholder (L, s + n, page, pages, num, &skip);
    if (v) {
      *filled = *v != 0;
      break;
    }
  }
  return n;
}

/* Appends l bytes of v to out (o used of n), cut before a whole character when it is full. */
static size_t
put (char *out, size_t o, size_t n, const char *v, size_t l)
{
  if (l > n - 1 - o) {
    l = n - 1 - o;
    while (l > 0 && ((unsigned char) v[l] & 0xC0) == 0x80)
      l--;
  }
  memcpy (out + o, v, l);
  return o + l;
}

/* A running line's template with its placeholders filled. The literal text beside a
 * placeholder with no value goes with it: "{section} · {page}" of an article without a
 * section reads "1", not " · 1". */
static void
expand (lay_t *L, const char *tmpl, size_t page, size_t pages, char *out, size_t n)
{
  size_t o = 0;
  bool prev_filled = true;
  for (const char *s = tmpl; *s && o + 1 < n;) {
    char num[INK_NUMBER_MAX];
    size_t skip;
    const char *val = placeholder (L, s, page, pages, num, &skip);
    if (val) {
      o = put (out, o, n, val, strlen (val));
      prev_filled = *val != 0;
      s += skip;
      continue;
    }
    bool next_filled;
    size_t l = literal (L, s, page, pages, &next_filled);
    if (prev_filled && next_filled)
      o = put (out, o, n, s, l);
    s += l;
  }
  out[o] = 0;
}

/* The pages' items and line records as they are rebuilt, each page's with its running lines
 * and column rules after them. */
typedef struct {
  INK_VEC (ink__item_t) items;
  INK_VEC (ink__lrec_t) lines;
} pages_out_t;

/* The white between the frame's foot and the ink of the running foot: as much as a line of
 * the footer's style, its leading, centred in the bottom margin has, so that the foot clears
 * the deepest descender of the last body line (a Nastaliq line's reach the frame's foot). */
static int32_t
foot_gap (const lay_t *L)
{
  int32_t gap = (PX (L->t->margin_bottom) - PX (L->t->styles[INK_ROLE_FOOTER].leading_px)) / 2;
  return gap > 0 ? gap : 0;
}

/* How far the shaded edge of a glyph drawn reaches past its outline's box, on either side:
 * the foot's ink and a body line's each take this much of foot_gap. */
#define INK_EDGE PX (1)

static void drop_slot (lay_t *L, setpara_t *p);

/* Text set on one line in role's style (a measure wider than any page), as generated
 * text, into *p; *w its width. A NULL *p means nothing to set. A foot whose glyphs are
 * taller than the bottom margin less foot_gap (Nastaliq) is set smaller, to fit it. */
static ink_status_t
set_slot (lay_t *L, int role, const char *text, setpara_t **p, int32_t *w)
{
  *w = 0;
  setpara_opts_t opts = { 0 };
  ink_status_t st = ink__set_para (L, role, -1, NULL, "", 0, text, NULL, 0, INT32_C (1) << 28, 0,
                                   &opts, p);
  if (st != INK_OK || !*p || !(*p)->para.lines.n)
    return st;
  const ink__line_t *ln = &(*p)->para.lines.v[0];
  int32_t ink = ln->ink_ascent + ln->ink_descent;
  int32_t room = PX (L->t->margin_bottom) - foot_gap (L) - 2 * INK_EDGE;
  /* The glyphs' ink does not shrink quite in proportion (hinting): a second try at most. */
  opts.scale = 1;
  for (int tries = 0; role == INK_ROLE_FOOTER && ink > room && room > 0 && tries < 2; tries++) {
    drop_slot (L, *p);
    opts.scale *= (float) room / (float) ink;
    st = ink__set_para (L, role, -1, NULL, "", 0, text, NULL, 0, INT32_C (1) << 28, 0, &opts, p);
    if (st != INK_OK || !*p || !(*p)->para.lines.n)
      return st;
    ln = &(*p)->para.lines.v[0];
    ink = ln->ink_ascent + ln->ink_descent;
  }
  for (size_t k = 0; k < (*p)->para.lines.n; k++)
    *w += (*p)->para.lines.v[k].width;
  return INK_OK;
}

/* Discards the newest set paragraph, a trial. */
static void
drop_slot (lay_t *L, setpara_t *p)
{
  if (p && L->paras.n && L->paras.v[L->paras.n - 1] == p) {
    L->paras.n--;
    ink__setpara_free (L, p);
  }
}

/* The places text may be cut before: the ends of words, or of characters when it has no
 * spaces (CJK, Thai). Returns how many, ascending, into cuts. */
static size_t
cut_points (const char *text, size_t *cuts, size_t max)
{
  size_t n = 0, len = strlen (text);
  for (size_t i = 1; i < len && n < max; i++)
    if (text[i] == ' ' && text[i - 1] != ' ')
      cuts[n++] = i;
  if (n)
    return n;
  for (size_t i = 1; i < len && n < max; i++)
    if (((unsigned char) text[i] & 0xC0) != 0x80)
      cuts[n++] = i;
  return n;
}

/* The first cut bytes of text with an ellipsis, set as a slot; trailing punctuation and
 * spaces before the ellipsis go. */
static ink_status_t
set_cut (lay_t *L, int role, const char *text, size_t cut, setpara_t **p, int32_t *w)
{
  char buf[600];
  while (cut > 0 && strchr (" ,;:-", text[cut - 1]))
    cut--;
  memcpy (buf, text, cut);
  memcpy (buf + cut, "\u2026", sizeof "\u2026");
  return set_slot (L, role, buf, p, w);
}

/* Slot text shortened at a word boundary, with an ellipsis, to fit room: the longest such
 * cut that fits, by bisection. *p is NULL when not even the ellipsis fits. */
static ink_status_t
shorten_slot (lay_t *L, int role, const char *text, int32_t room, setpara_t **p, int32_t *w)
{
  size_t cuts[512];
  size_t n = cut_points (text, cuts, sizeof cuts / sizeof *cuts);
  size_t lo = 0, hi = n + 1;   /* index i: cuts[i - 1], 0 the bare ellipsis; lo fits */
  ink_status_t st;
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    if ((st = set_cut (L, role, text, cuts[mid - 1], p, w)) != INK_OK)
      return st;
    bool fits = *w <= room;
    drop_slot (L, *p);
    if (fits)
      lo = mid;
    else
      hi = mid;
  }
  if ((st = set_cut (L, role, text, lo ? cuts[lo - 1] : 0, p, w)) != INK_OK)
    return st;
  if (*w > room) {
    drop_slot (L, *p);
    *p = NULL;
    *w = 0;
  }
  return INK_OK;
}

/* How wide each slot (left, centre, right) may be in a row of width full, from what each
 * would take (0 when empty): the centre stays centred and leaves the sides room, the sides
 * reach to the centre's edge less a gap, or share the row when there is no centre. */
static void
slot_rooms (const int32_t want[3], int32_t full, int32_t gap, int32_t room[3])
{
  int32_t side = want[0] > want[2] ? want[0] : want[2];
  if (side > full / 4)
    side = full / 4;
  if (want[1]) {
    room[1] = want[0] || want[2] ? full - 2 * (gap + side) : full;
    int32_t c = want[1] < room[1] ? want[1] : room[1];
    room[0] = room[2] = (full - c) / 2 - gap;
    return;
  }
  room[1] = 0;
  int32_t half = (full - gap) / 2;
  if (!want[0] || !want[2]) {
    room[0] = room[2] = full;
  } else if (want[0] + gap + want[2] <= full) {
    room[0] = want[0], room[2] = want[2];
  } else if (want[0] <= half) {
    room[0] = want[0], room[2] = full - gap - want[0];
  } else if (want[2] <= half) {
    room[2] = want[2], room[0] = full - gap - want[2];
  } else {
    room[0] = room[2] = half;
  }
}

/* Top of the running line ln of p in the header (hf 0) or footer (hf 1) margin: its box
 * centred there (a head's moved up to end INK_RULE_CLEAR over the frame, where a rule may
 * stand). A line taller than the margin (Nastaliq's leading), or a foot whose ink would come
 * nearer the frame than foot_gap, is given the margin as its height, its ink centred in
 * it, foot_gap below the frame at least and never past the page's edge, where the glyphs
 * would be cut off: its box then claims no room of the frame or of the rule beside it. */
static int32_t
running_fit (const lay_t *L, int hf, setpara_t *p, const ink__line_t *ln)
{
  int32_t h = ink__line_height (p, ln);
  int32_t band = hf ? L->bottom : 0;
  int32_t room = hf ? PX (L->t->margin_bottom) : L->top;
  int32_t gap = hf ? foot_gap (L) : 0;
  int32_t to_ink = ink__line_baseline (p, ln) - ln->ink_ascent;   /* box top to ink top */
  if (room >= h && (room - h) / 2 + to_ink >= gap) {
    int32_t y = (room - h) / 2;
    /* A head's box stays clear of a rule at the frame's top (a pull quote's across the
     * columns), its ink never above the page's edge. */
    int32_t highest = to_ink < 0 ? -to_ink : 0;
    if (!hf && y + h > room - INK_RULE_CLEAR)
      y = room - INK_RULE_CLEAR - h > highest ? room - INK_RULE_CLEAR - h : highest;
    return band + y;
  }
  gap += hf ? 2 * INK_EDGE : 0;
  int32_t page_h = PX ((float) L->t->height_px);
  int32_t ink = ln->ink_ascent + ln->ink_descent;
  int32_t base = band + (room - ink) / 2 + ln->ink_ascent;
  if (base - ln->ink_ascent < band + gap)
    base = band + gap + ln->ink_ascent;
  if (base + ln->ink_descent > page_h)
    base = page_h - ln->ink_descent;
  if (base - ln->ink_ascent < 0)
    base = ln->ink_ascent;
  p->step = room;
  p->base_off = base - band;
  return band;
}

/* Slot p at side s (0 left, 1 centre, 2 right, already mirrored) of the header (hf 0) or
 * footer (hf 1) of page pg, a generated line, into out. */
static ink_status_t
running_line (lay_t *L, pages_out_t *out, size_t pg, int hf, int side, setpara_t *p,
              int32_t w)
{
  ink_document_t *doc = L->doc;
  ink__page_t *P = &doc->pages.v[pg];
  ink_status_t st;
  const ink__line_t *ln = &p->para.lines.v[0];
  int32_t full = L->right - L->left;
  int32_t y = running_fit (L, hf, p, ln);
  int32_t shift = side == 0 ? -ln->left : side == 1 ? (full - w) / 2 - ln->left
                                                    : full - w - ln->left;
  /* Emit into the document's vectors, then move the new tail into ours. */
  size_t di = doc->items.n, dl = doc->lines.n;
  size_t save_page = L->page;
  L->page = pg;
  size_t pni = P->ni, pnl = P->nl;
  st = ink__emit_line (L, p, 0, L->left + shift, y);
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

/* The header (hf 0) or footer (hf 1) of page pg: its three slots, each a generated line,
 * shortened at a word with an ellipsis when too long for its share, never over another. */
static ink_status_t
running_row (lay_t *L, pages_out_t *out, size_t pg, int hf, const char *const slots[3])
{
  int role = hf ? INK_ROLE_FOOTER : INK_ROLE_HEADER;
  char text[3][512];
  setpara_t *p[3] = { NULL, NULL, NULL };
  int32_t want[3] = { 0, 0, 0 }, room[3];
  ink_status_t st = INK_OK;
  size_t total = L->page_total ? L->page_total : L->page_base + L->doc->pages.n;
  for (int s = 0; s < 3 && st == INK_OK; s++) {
    text[s][0] = 0;
    /* A total not known yet is never guessed: the slot shows the page's number alone. */
    const char *slot = L->total_unknown && slots[s] && strstr (slots[s], "{pages}") ? "{page}"
                                                                                 : slots[s];
    if (slot && *slot)
      expand (L, slot, L->page_base + pg + 1, total, text[s], sizeof text[s]);
    if (*text[s])
      st = set_slot (L, role, text[s], &p[s], &want[s]);
  }
  if (st != INK_OK)
    return st;
  int32_t full = L->right - L->left;
  slot_rooms (want, full, PX (L->t->styles[role].size_px), room);
  for (int s = 0; s < 3 && st == INK_OK; s++) {
    if (p[s] && want[s] > room[s])
      st = shorten_slot (L, role, text[s], room[s], &p[s], &want[s]);
    /* Left and right slots trade places on right-to-left pages. */
    if (st == INK_OK && p[s])
      st = running_line (L, out, pg, hf, L->rtl ? 2 - s : s, p[s], want[s]);
  }
  return st;
}

/* Page pg's items (but a rule that doubles another, rulepair.c) and records into out, then
 * its running lines and column rules. */
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
  int32_t reach = 2 * ink__line_step (L);
  for (size_t i = 0; i < P->ni; i++)
    if (!ink__rule_doubled (doc->items.v + P->i0, P->ni, i, reach))
      out->items.v[out->items.n++] = doc->items.v[P->i0 + i];
  memcpy (out->lines.v + out->lines.n, doc->lines.v + P->l0, P->nl * sizeof *out->lines.v);
  out->lines.n += P->nl;
  /* Header and footer: left, centre, right, each a generated line. */
  const char *slots[2][3] = {
    { L->t->header_left, L->t->header_center, L->t->header_right },
    { L->t->footer_left, L->t->footer_center, L->t->footer_right },
  };
  /* The first page, the headline's, shows only the texts [header] first-page names. */
  uint8_t first[2] = { L->t->header_first, L->t->footer_first };
  for (int hf = 0; hf < 2; hf++)
    for (int k = 0; k < 3 && L->page_base + pg == 0; k++)
      if (!(first[hf] >> k & 1))
        slots[hf][k] = NULL;
  for (int hf = 0; hf < 2 && st == INK_OK; hf++)
    st = running_row (L, out, pg, hf, slots[hf]);
  if (st == INK_OK && L->t->column_rule && L->ncols > 1) {
    ink__item_t rules[INK_COLUMN_RULES_MAX];
    size_t n = ink__column_rules (L, P, rules, INK_COLUMN_RULES_MAX);
    if (!ink__vec_reserve (L->ctx, &out->items, out->items.n + n))
      return oom (L);
    memcpy (out->items.v + out->items.n, rules, n * sizeof *rules);
    out->items.n += n;
  }
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
