/* paginate/sidecap: the caption of a narrow picture in a column set beside it.
 *
 * A picture the page's height makes narrow (a tall one is held to a share of the frame,
 * units.c) would have its caption set at its own width under it: a 29 px picture on the
 * 7.5-inch kiosk set its caption a syllable a line, forty lines down the column and on into
 * the next. A make-up editor sets such a caption in the column's white beside the picture,
 * as leadpic.c does across the columns: the picture at the column's start edge (the left, or
 * the right on a page that runs right to left), its caption and then its credit beside it,
 * their last line at the picture's foot, where the reader's eye leaves the picture, and where
 * a caption under a picture would begin. They go beside it when that white is at least
 * INK_SIDE_CAPTION_SIZES caption sizes wide and they stand no taller than the picture; else
 * under it, as units (units.c). */
#include "layout-internal.h"

/* The white between a picture and the caption beside it: the columns' gutter, or on a page
 * of one column (no gutter) a caption size. */
static int32_t
side_gap (const lay_t *L)
{
  int32_t em = PX (L->t->styles[INK_ROLE_CAPTION].size_px);
  return L->gutter > em ? L->gutter : em;
}

/* The space between the caption and the credit under it, beside the picture. */
static int32_t
credit_gap (const lay_t *L, const unit_t *u)
{
  return u->side[0] && u->side[1] ? PX (L->t->styles[INK_ROLE_CREDIT].space_before_px) : 0;
}

/**
 * ink__side_height:
 * @L: the layout
 * @u: a picture's unit
 *
 * Return value: the height of the caption and credit set beside it, 0 when none is.
 */
int32_t
ink__side_height (const lay_t *L, const unit_t *u)
{
  return ink__para_height (u->side[0]) + credit_gap (L, u) + ink__para_height (u->side[1]);
}

/* The caption and credit just set beside the picture of unit u (the paragraphs set last)
 * dropped. */
static void
drop_last (lay_t *L, unit_t *u)
{
  for (int i = 1; i >= 0; i--)
    if (u->side[i] && L->paras.n && L->paras.v[L->paras.n - 1] == u->side[i]) {
      L->paras.n--;
      ink__setpara_free (L, u->side[i]);
    }
  u->side[0] = u->side[1] = NULL;
}

/**
 * ink__side_caption:
 * @L: the layout
 * @pic: the picture's unit, just added (the last)
 * @text: its caption and credit (either NULL or empty for none)
 * @len: their lengths
 * @spans: the caption's style ranges (nullable)
 * @nspans: how many
 * @beside: (out): whether they went beside the picture
 *
 * Sets a picture's caption and credit in the column's white beside it when that white is
 * wide enough and they stand no taller than the picture.
 *
 * Return value: INK_OK, or the status of setting them.
 */
ink_status_t
ink__side_caption (lay_t *L, size_t pic, const char *const text[2], const size_t len[2],
                   const ink__span_t *spans, size_t nspans, bool *beside)
{
  unit_t *u = &L->units.v[pic];
  int32_t side = L->colw - u->w - side_gap (L);
  int32_t least = PX (L->t->styles[INK_ROLE_CAPTION].size_px * INK_SIDE_CAPTION_SIZES);
  ink_status_t st = INK_OK;
  *beside = false;
  if (L->span_build || side < least || (!len[0] && !len[1]))
    return INK_OK;
  int roles[2] = { INK_ROLE_CAPTION, INK_ROLE_CREDIT };
  for (int i = 0; i < 2 && st == INK_OK; i++) {
    if (!text[i] || !len[i])
      continue;
    st = ink__set_para (L, roles[i], u->block, NULL, text[i], len[i], NULL, i ? NULL : spans,
                        i ? 0 : nspans, side, 0, NULL, &u->side[i]);
  }
  int32_t caps = ink__side_height (L, u);
  if (st == INK_OK && caps > 0 && caps <= u->h) {
    *beside = true;
    return INK_OK;
  }
  drop_last (L, u);
  return st;
}

/**
 * ink__emit_side:
 * @L: the layout, the flow at the picture's top
 * @u: a picture's unit with its caption beside it
 * @x: the column's left edge
 * @w: the picture's width as placed
 * @h: its height
 *
 * Draws the picture at the column's start edge and its caption and credit beside it, their
 * last line at its foot (or from its top, when the picture was made smaller than they are
 * tall; the flow moves on under the taller).
 *
 * Return value: INK_OK, or the error that stopped it.
 */
ink_status_t
ink__emit_side (lay_t *L, const unit_t *u, int32_t x, int32_t w, int32_t h)
{
  int32_t px = L->rtl ? x + L->colw - w : x;
  int32_t cx = L->rtl ? x : x + w + side_gap (L);
  int32_t caps = ink__side_height (L, u);
  int32_t y = L->y + (caps < h ? h - caps : 0);
  ink_status_t st = ink__emit_box (L, INK_ITEM_IMAGE, u->image, px, L->y, w, h, 0, u->block);
  for (int i = 0; i < 2 && st == INK_OK; i++) {
    const setpara_t *p = u->side[i];
    if (i && p)
      y += credit_gap (L, u);
    for (size_t k = 0; p && k < p->para.lines.n && st == INK_OK; k++) {
      st = ink__emit_line (L, p, k, cx, y);
      y += ink__line_height (p, &p->para.lines.v[k]);
    }
  }
  return st;
}

/**
 * ink__side_chars:
 * @u: a picture's unit
 *
 * Return value: the characters of the caption and credit set beside it (for a picture the
 * pages ran out before).
 */
size_t
ink__side_chars (const unit_t *u)
{
  size_t c = 0;
  for (int i = 0; i < 2; i++) {
    const setpara_t *p = u->side[i];
    if (p && p->body_end > p->body_start)
      c += ink__utf8_count (p->text + p->body_start, p->body_end - p->body_start);
  }
  return c;
}

/* How many sizes, each a step smaller, ink__side_leaves tries for a picture. */
#define SIDE_LEAVES_STEPS 8

/* The caption and credit units under picture unit p (its paragraphs of its block, at most
 * one of each role) in cap[0] and cap[1]; false when it has none or others. */
static bool
under_units (const lay_t *L, size_t p, setpara_t *cap[2])
{
  const unit_t *u = &L->units.v[p];
  size_t end = p + u->float_len;
  cap[0] = cap[1] = NULL;
  for (size_t j = p + 1; j < end && j < L->units.n; j++) {
    const unit_t *c = &L->units.v[j];
    if (c->kind != U_PARA || c->block != u->block || !c->p)
      break;
    int i = c->p->role == INK_ROLE_CAPTION ? 0 : c->p->role == INK_ROLE_CREDIT ? 1 : -1;
    if (i < 0 || cap[i])
      return false;
    cap[i] = c->p;
  }
  return cap[0] || cap[1];
}

/* The caption and credit cap set again at the measure w (their width under the picture
 * again, or the white beside it); *height what they take beside a picture. */
static ink_status_t
measure_caps (lay_t *L, setpara_t *const cap[2], int32_t w, int32_t *height)
{
  ink_status_t st = INK_OK;
  for (int i = 0; i < 2 && st == INK_OK; i++)
    if (cap[i])
      st = ink__set_para_measure (L, cap[i], w);
  *height = (cap[0] ? ink__para_height (cap[0]) : 0) + (cap[1] ? ink__para_height (cap[1]) : 0) +
            (cap[0] && cap[1] ? PX (L->t->styles[INK_ROLE_CREDIT].space_before_px) : 0);
  return st;
}

/**
 * ink__side_leaves:
 * @L: the layout, the flow at the top of a column that the picture at unit @p opens
 * @p: a picture's unit, its caption and credit under it as units of their own
 * @need: the room to leave under it, its space after it apart
 * @smallest: the least height it may have
 * @beside: (out): whether the picture was made so small, its caption and credit beside it
 *
 * A picture that, with its caption under it, cannot be made small enough to leave the float
 * waiting behind it and the text to come room in its column (ink__room_for_late) would leave
 * a column of floats alone while the story goes on (corran-spaceport reader-6: a picture and
 * a pull quote that follow the same paragraph took a whole page, twice). Set at the column's
 * start edge with its caption and credit in the white beside it, it takes its own height
 * alone: it is set at the largest size that leaves @need under it, no wider than leaves that
 * white INK_SIDE_CAPTION_SIZES caption sizes wide and no smaller than @smallest or
 * ink__picture_least, when the caption and credit set there stand no taller than it (as
 * ink__side_caption asks). Its caption units then take no room (spaces of no height) and
 * the picture unit holds them, as one set so when built; the change stays with the unit
 * when the page is set again. Else nothing changes.
 *
 * Return value: INK_OK, or the status of setting the caption again.
 */
ink_status_t
ink__side_leaves (lay_t *L, size_t p, int64_t need, int32_t smallest, bool *beside)
{
  unit_t *u = &L->units.v[p];
  setpara_t *cap[2];
  *beside = false;
  if (u->kind != U_IMAGE || u->side[0] || u->side[1] || u->w <= 0 || u->h <= 0 ||
      u->span || !under_units (L, p, cap))
    return INK_OK;
  int32_t gap = side_gap (L);
  int64_t least = PX (L->t->styles[INK_ROLE_CAPTION].size_px * INK_SIDE_CAPTION_SIZES);
  int64_t h = (int64_t) L->col_bottom - L->y - need - u->space_after;
  int64_t w = h < u->h ? (int64_t) u->w * h / u->h : u->w;
  if (w > L->colw - gap - least)
    w = L->colw - gap - least;
  setpara_t *any = cap[0] ? cap[0] : cap[1];
  int32_t under = any->para.lines.n ? any->para.lines.v[0].measure : (int32_t) u->w;
  int32_t caps = 0;
  ink_status_t st = INK_OK;
  /* Narrower, the picture leaves its caption a wider white, in fewer lines. */
  int64_t widest = w, step = w / SIDE_LEAVES_STEPS;
  for (int i = 0; i < SIDE_LEAVES_STEPS && st == INK_OK && !*beside; i++) {
    w = widest - i * step;
    h = (int64_t) u->h * w / u->w;
    if (w <= 0 || h <= 0 || h < smallest || h < ink__picture_least (L, p, u->h))
      break;
    st = measure_caps (L, cap, L->colw - (int32_t) w - gap, &caps);
    *beside = st == INK_OK && caps > 0 && caps <= h;
  }
  if (!*beside) {
    ink_status_t st2 = measure_caps (L, cap, under, &caps);
    return st != INK_OK ? st : st2;
  }
  for (size_t j = p + 1; j < p + u->float_len && j < L->units.n; j++) {
    unit_t *c = &L->units.v[j];
    if (c->kind != U_PARA || (c->p != cap[0] && c->p != cap[1]))
      break;
    c->p->x_off = 0;
    c->kind = U_SPACE;
    c->h = c->space_before = c->space_after = 0;
  }
  u->side[0] = cap[0];
  u->side[1] = cap[1];
  u->w = (int32_t) w;
  u->h = (int32_t) h;
  return INK_OK;
}
