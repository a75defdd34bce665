/* paginate/commentband: the readers' comments in a band of their own under the text's end.
 *
 * On a last page the text's last lines fill its first column and the readers' comments the
 * next, and a comment does not split: two comments of three lines each beside a paragraph's
 * last two or three lines end the columns three or four line steps apart, and no sharing of
 * the page evens them (held-out held-ja-2.ja and held-ko-2.ko kiosk-7.5, h67-el-0.el
 * kiosk-10.3 and kiosk-7.5). The story's last pull quote, met after its last line, stood at
 * the column's width under the text's end, beside the comments (h67-ja-1.ja kiosk-10.3 and
 * kiosk-7.5, 303 and 107 px apart). A make-up editor ends the story across the page and sets
 * the letters under it as a section of their own: the text balanced over a rule across the
 * columns (or over the closing quote, set across the columns and read as the story's last
 * word), and the comments balanced under it, side by side. lastfoot.c sets such a quote
 * across the foot only when no comments follow (they would be read before it).
 *
 * The last page is set so when its columns end more than a line step apart and it holds text
 * before the comments (the comments' rule after a space, not a page break, before them) and
 * no float but that quote (one beside the text, read column by column, would come after the
 * first comment); the setting is kept when the page holds all it did, nothing waits, the
 * band over the rule or quote and the comments under it each end their columns within a
 * line step and fill them as a last page's (fewer than two lines a column may leave the last
 * ones empty), no pull quote beside or on another and no keep let through; else the page is
 * put back exactly as it was set. */
#include "layout-internal.h"
#include "makeup.h"

/* The first unit of the pull quote the text ends on, at the column's width and met on the
 * last page set from sn after text of it, the comments starting at unit e; or NO_FLOAT. */
static size_t
closing_quote (const lay_t *L, const snap_t *sn, size_t e)
{
  size_t f = NO_FLOAT;
  for (size_t i = sn->ui; i < e; i++) {
    size_t len = L->units.v[i].float_len;
    if (len && i + len == e)
      f = i;
    i += len ? len - 1 : 0;
  }
  if (f == NO_FLOAT || L->units.v[f].span || L->units.v[f].placed_page != sn->page ||
      !ink__is_quote (L, f) || !ink__text_within (L, sn->ui, f))
    return NO_FLOAT;
  return f;
}

/* The columns of the band set from sn end within a line step and fill the band as a last
 * page's (fewer than two lines a column may leave its last columns empty), no keep let
 * through. */
static bool
band_even (const lay_t *L, const snap_t *sn)
{
  ink__makeup_cols_t c;
  ink__measure_page (L, sn, ink__line_step (L), &c);
  return ink__makeup_even (&c) && ink__makeup_filled (&c) && !c.strained &&
         ink__makeup_cost (&c) != INK_MAKEUP_REJECT;
}

/* The comments' rule (unit e + 1, after their space at e) drawn across the columns under all
 * the page holds, the columns under it (*placed when two lines fit there). */
static ink_status_t
rule_under (lay_t *L, size_t e, bool *placed)
{
  const unit_t *sp = &L->units.v[e], *r = &L->units.v[e + 1];
  int32_t y = ink__page_foot (L) + sp->h + r->space_before;
  int32_t top = y + r->h + r->space_after, g = L->grid, first = L->snap.top;
  if (g > 0 && top > first)
    top = first + (top - first + g - 1) / g * g;   /* the comments on the columns' grid */
  *placed = top + 2 * ink__line_step (L) <= L->bottom;
  if (!*placed)
    return INK_OK;
  L->col_top = top;
  return ink__emit_rule (L, L->left, y, L->right - L->left, r->h);
}

/* The page set from sn in two bands: the text over the closing quote at unit f (widened) or,
 * when f is NO_FLOAT, over the comments' rule; the comments from unit e under it (*kept as
 * the file's head says). */
static ink_status_t
try_bands (lay_t *L, const snap_t *sn, size_t f, size_t e, bool *kept)
{
  size_t blocks = L->doc->overflow_blocks, chars = L->doc->overflow_chars;
  bool late = L->late, widened = true, placed, at_foot;
  *kept = false;
  ink_status_t st = f == NO_FLOAT ? INK_OK : ink__widen_float (L, f, &widened);
  if (st != INK_OK || !widened || (st = ink__set_band (L, sn, f == NO_FLOAT ? e : f)) != INK_OK ||
      !ink__last_holds_all (L, sn, blocks, chars) || !band_even (L, sn))
    return st;
  st = f == NO_FLOAT ? rule_under (L, e, &placed)
                     : ink__span_under_band (L, f, false, &placed, &at_foot);
  if (st != INK_OK || !placed)
    return st;
  L->cur_ui = f == NO_FLOAT ? e + 2 : e;   /* the first comment, its space and rule drawn */
  L->cur_k = 0;
  ink__take_snap (L, L->col_top);
  snap_t lower = L->snap;
  L->doc->pages.v[sn->page].band_top = sn->top;
  if ((st = ink__set_band (L, &lower, L->units.n)) != INK_OK)
    return st;
  *kept = ink__last_holds_all (L, sn, blocks, chars) && band_even (L, &lower) && !L->stacked &&
          (!L->late || late) && !ink__quotes_side_by_side (L, sn->page);
  return INK_OK;
}

/* The page set from sn holds no float before the comments at unit e but the closing quote
 * at unit f (NO_FLOAT: none): read column by column, a float beside the text would stand
 * after the first comment under it. */
static bool
text_alone (const lay_t *L, const snap_t *sn, size_t f, size_t e)
{
  if (sn->pending != NO_FLOAT || sn->pending_span != NO_FLOAT)
    return false;
  for (size_t i = sn->ui; i < e; i++) {
    size_t len = L->units.v[i].float_len;
    if (len && i != f)
      return false;
    i += len ? len - 1 : 0;
  }
  return true;
}

/* Whether the last page set from sn, its columns ending apart, holds text and then the
 * comments from unit e, under their rule after a space. */
static bool
wanted (lay_t *L, const snap_t *sn, size_t e)
{
  int32_t low;
  int64_t spread;
  bool even;
  if (e + 2 >= L->units.n || L->units.v[e].kind != U_SPACE || L->units.v[e + 1].kind != U_RULE ||
      e <= sn->ui || !ink__text_within (L, sn->ui, e))
    return false;
  ink__page_ends (L, sn, &low, &spread, &even);
  return !even;
}

/**
 * ink__comments_band:
 * @L: the layout, the text ended and the last page set
 *
 * A last page of text and comments whose columns end apart is set again in two bands: the
 * text over a rule across the columns, or over its closing pull quote set across them, and
 * the comments under it, each band balanced (see the file's head); else the page is put back
 * as it was set.
 *
 * Return value: INK_OK, or the error that stopped it.
 */
ink_status_t
ink__comments_band (lay_t *L)
{
  snap_t sn = L->snap;
  if (L->full || L->ncols < 2 || L->ncols > INK_MAKEUP_MAX_COLS || L->pending != NO_FLOAT ||
      L->pending_span != NO_FLOAT || L->doc->pages.n != sn.page + 1)
    return INK_OK;
  size_t e = ink__comments_start (L);
  if (!wanted (L, &sn, e))
    return INK_OK;
  size_t f = closing_quote (L, &sn, e);
  if ((f != NO_FLOAT && !L->t->styles[INK_ROLE_QUOTE].span_columns) ||
      !text_alone (L, &sn, f, e))
    return INK_OK;
  ink__page_copy_t copy;
  ink__lead_keep_t was_set;
  if (!ink__page_copy (L, &sn, &copy))
    return oom (L);
  ink_status_t st = ink__lead_keep (L, &sn, &was_set);
  if (st != INK_OK) {
    ink__page_copy_free (L->ctx, &copy, &sn);
    return st == INK_NO_MEMORY ? oom (L) : st;
  }
  bool kept;
  st = try_bands (L, &sn, f, e, &kept);
  if (kept) {
    ink__page_copy_free (L->ctx, &copy, &sn);
  } else {
    ink_status_t back = ink__lead_keep_back (L, &was_set);
    ink_status_t put = ink__page_put_back (L, &sn, &copy);
    st = st != INK_OK ? st : back != INK_OK ? back : put;
  }
  ink__lead_keep_free (L, &was_set);
  return st;
}
