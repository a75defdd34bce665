/* paginate/leadpic: the lead picture across the columns under the head, its caption and credit.
 *
 * A make-up editor sets a picture across the columns on their edges: a picture that the
 * page's height makes a little narrower than the measure (to nine tenths of it) is set at the
 * measure's width instead when the page has the room, rather than standing a few pixels in
 * from both edges, and one within a few percent of some columns' width at that width; one
 * narrower than the measure stands at the measure's start edge (the left, or
 * the right on a page that runs right to left) with its caption beside it, at the foot of
 * the white it would otherwise leave, and its credit under it; a caption too wide for that
 * white goes under the picture, which is then centred over the columns as before. */
#include "layout-internal.h"

#include <string.h>

/* The most of the page's text area the lead picture takes, in percent. */
#define LEAD_MOST_PCT 45
/* A picture at least this many tenths of the measure wide is set at its full width when the
 * page has room. */
#define LEAD_FULL_TENTHS 9
/* A picture within this many percent of a whole number of columns' width is set at it. */
#define LEAD_SNAP_PCT 4

/* The tallest the lead picture may be below y: *most at most a share of the page, *room at
 * most what leaves room for a few lines of text under the picture and its caption. */
static void
lead_limits (const lay_t *L, int32_t y, int32_t *most, int32_t *room)
{
  const ink_article_t *a = L->a;
  int32_t lead = PX (L->t->styles[INK_ROLE_BODY].leading_px);
  int32_t caps = 0;
  const char *cparts[2] = { a->caption, a->credit };
  for (int i = 0; i < 2; i++)
    if (cparts[i] && *cparts[i])
      caps += PX (L->t->styles[i ? INK_ROLE_CREDIT : INK_ROLE_CAPTION].leading_px) *
              (1 + (int32_t) (strlen (cparts[i]) / 80));
  *room = L->bottom - y - caps - PX (6) - 5 * lead;
  *most = (L->bottom - L->top) * LEAD_MOST_PCT / 100;
  if (*room < *most)
    *most = *room;
}

/* The width a picture about w wide takes across the columns: the width of a whole number of
 * them when one is within a few percent of w (at most widest, the width at which it fills the
 * room), so that its edges and the caption beside it stand on the columns' edges; else w. */
static int32_t
on_columns (const lay_t *L, int32_t w, int64_t widest)
{
  for (int32_t k = 1; k < (int32_t) L->ncols; k++) {
    int32_t wk = k * L->colw + (k - 1) * L->gutter;
    if (wk <= widest && (int64_t) wk * 100 >= (int64_t) w * (100 - LEAD_SNAP_PCT) &&
        (int64_t) wk * 100 <= (int64_t) w * (100 + LEAD_SNAP_PCT))
      return wk;
  }
  return w;
}

/* The lead picture's caption (i 0) or credit (1) is p, just set: a setting before it at
 * another width gives p its place among the set paragraphs and is freed, so that only what is
 * placed is read for missing glyphs. */
static void
lead_caption (lay_t *L, int i, setpara_t *p)
{
  setpara_t *old = L->lead.caps[i];
  L->lead.caps[i] = p;
  for (size_t j = 0; old && p && j + 1 < L->paras.n; j++)
    if (L->paras.v[j] == old) {
      L->paras.v[j] = p;
      L->paras.n--;   /* p was pushed last */
      ink__setpara_free (L, old);
      return;
    }
}

/* The lead picture's caption (i 0) or credit (1) set at width w; *p NULL when it has none. */
static ink_status_t
set_caption (lay_t *L, int i, int32_t w, setpara_t **p)
{
  const char *text = i ? L->a->credit : L->a->caption;
  *p = NULL;
  if (!text || !*text)
    return INK_OK;
  ink_status_t st = ink__set_para (L, i ? INK_ROLE_CREDIT : INK_ROLE_CAPTION, -1, NULL, text,
                                   strlen (text), NULL, NULL, 0, w, 0, NULL, p);
  if (st == INK_OK)
    lead_caption (L, i, *p);
  return st;
}

/* The caption to set beside a picture w wide and h tall, set in the white beside it: *p NULL
 * when that white is too narrow for it or the caption would stand taller than the picture. */
static ink_status_t
caption_beside (lay_t *L, int32_t w, int32_t h, setpara_t **p)
{
  int32_t side = L->right - L->left - w - L->gutter;
  int32_t least = PX (L->t->styles[INK_ROLE_CAPTION].size_px * INK_SIDE_CAPTION_SIZES);
  *p = NULL;
  if (!L->a->caption || !*L->a->caption || side < least)
    return INK_OK;
  ink_status_t st = set_caption (L, 0, side, p);
  if (st == INK_OK && ink__para_height (*p) > h)
    *p = NULL;
  return st;
}

/* The lead picture at top *y, permille of its size (not drawn on a page past the last), its
 * caption beside it or under it, its credit under it; *y goes under them. */
static ink_status_t
emit_lead (lay_t *L, int32_t *y, int permille)
{
  int32_t full = L->right - L->left;
  int32_t w = (int32_t) ((int64_t) L->lead.w * permille / 1000);
  int32_t h = (int32_t) ((int64_t) L->lead.h * permille / 1000);
  setpara_t *side;
  ink_status_t st = caption_beside (L, w, h, &side);
  int32_t x = !side ? L->left + (full - w) / 2 : L->rtl ? L->right - w : L->left;
  if (st == INK_OK && !L->full)
    st = ink__emit_box (L, INK_ITEM_IMAGE, L->a->image, x, *y, w, h, 0, -1);
  if (st != INK_OK)
    return st;
  if (side) {   /* its last line at the picture's foot */
    int32_t cy = *y + h - ink__para_height (side);
    if ((st = ink__head_lines (L, side, L->rtl ? L->left : L->left + w + L->gutter, &cy)) != INK_OK)
      return st;
  }
  *y += h + PX (6);
  for (int i = side ? 1 : 0; i < 2; i++) {
    setpara_t *p;
    /* Set at the picture's width, under it. */
    if ((st = set_caption (L, i, w, &p)) != INK_OK ||
        (p && (st = ink__head_lines (L, p, x, y)) != INK_OK))
      return st;
  }
  *y += PX (L->t->styles[INK_ROLE_BODY].leading_px * 0.75f);
  return INK_OK;
}

/**
 * ink__place_lead:
 * @L: the layout, the head placed on page 1 (the article has a picture)
 * @y: (inout): the top of the columns under the head; under the picture and its caption
 *
 * The lead picture across the columns, its caption and credit; on a small page where it
 * would shrink too far or to less than a column's width, it leads the first column instead
 * (L->lead_in_column, leadcol.c). Where it went is noted (L->lead), to set it again smaller.
 *
 * Return value: INK_OK, or the error that stopped it.
 */
ink_status_t
ink__place_lead (lay_t *L, int32_t *y)
{
  const ink_article_t *a = L->a;
  ink_status_t st;
  int32_t full = L->right - L->left, most, room;
  int64_t h = (int64_t) full * a->image->height / a->image->width;
  int32_t w = full;
  lead_limits (L, *y, &most, &room);
  if (h > most && most > 0) {
    w = (int32_t) ((int64_t) full * most / h);
    if ((int64_t) w * 10 >= (int64_t) full * LEAD_FULL_TENTHS && h <= room)
      w = full;   /* on the measure's edges: a little taller than the share */
    else
      w = on_columns (L, w, (int64_t) room * a->image->width / a->image->height);
    h = (int64_t) w * a->image->height / a->image->width;
  }
  /* Too short for the page, or narrower than a column (or too few pixels to be set a column
   * wide, picsize.c): across the columns it would only leave white beside it. Less than a
   * pixel high, the column's place leaves it out (picsize.c). */
  if (most < (L->bottom - L->top) / 4 || (L->ncols > 1 && w < L->colw) ||
      ink__picture_widest (a->image) < L->colw || h < INK_PICTURE_LEAST) {
    L->lead_in_column = true;
    return INK_OK;
  }
  if (*y + h > L->bottom) {
    if ((st = ink__new_page (L)) != INK_OK)
      return st;
    *y = L->top;
  }
  const ink_document_t *doc = L->doc;
  L->lead = (ink__lead_t) { !L->full, L->page, doc->items.n, doc->glyphs.n, doc->lines.n,
                            doc->text.n, doc->missing, *y, w, (int32_t) h, { NULL, NULL } };
  if (L->full) {
    if (!L->head_overflow)
      L->doc->overflow_blocks++;
    L->head_overflow = true;
  }
  return emit_lead (L, y, 1000);
}

/**
 * ink__lead_again:
 * @L: the layout, the lead picture placed across the columns (L->lead.placed)
 * @permille: its size, in thousandths of the size it was first placed at
 * @top: (out): where the columns begin under it
 *
 * Sets the lead picture again at this size, with its caption and credit: what the page holds
 * after it is dropped (the page is flowed again from the new top).
 *
 * Return value: INK_OK, or the error that stopped it.
 */
ink_status_t
ink__lead_again (lay_t *L, int permille, int32_t *top)
{
  ink_document_t *doc = L->doc;
  const ink__lead_t *ld = &L->lead;
  doc->items.n = ld->items;
  doc->glyphs.n = ld->glyphs;
  doc->lines.n = ld->lines;
  doc->text.n = ld->text;
  doc->missing = ld->missing;
  doc->pages.n = ld->page + 1;
  doc->pages.v[ld->page].ni = ld->items - doc->pages.v[ld->page].i0;
  doc->pages.v[ld->page].nl = ld->lines - doc->pages.v[ld->page].l0;
  L->page = ld->page;
  L->full = false;
  *top = ld->y;
  ink_status_t st = emit_lead (L, top, permille);
  doc->pages.v[ld->page].body_top = *top;
  return st;
}
