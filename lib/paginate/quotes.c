/* paginate/quotes: where a pull quote may stand. Never right on another (under the last line
 * of its column, or at a column's top right under one across the columns), nor beside one in
 * the neighbouring column at the same height where waiting for text costs it no page
 * (may_wait_beside: on the last page it may go on, when it goes in its column clear of the
 * other under a paragraph to come); such a quote waits for the next paragraph
 * (ink__quote_waits); one that goes in beside one all the same is set a line step lower
 * when that clears it (ink__quote_stagger). A page's
 * pull quotes are planned together: one across the columns waits for the next page's top only
 * when no other comes after it on this page (ink__narrow_before_quote). The queue of floats
 * that wait, and where they go in, is floats.c's. */
#include "layout-internal.h"

#include <string.h>

/* The float of units [ui, ui + len) holds a pull quote. */
bool
ink__is_quote (const lay_t *L, size_t ui)
{
  for (size_t i = ui; i < ui + L->units.v[ui].float_len && i < L->units.n; i++)
    if (L->units.v[i].kind == U_PARA && L->units.v[i].p->role == INK_ROLE_QUOTE)
      return true;
  return false;
}

/* Whether unit ui opens a pull quote or a related box. */
bool
ink__is_box (const lay_t *L, size_t ui)
{
  const unit_t *u = &L->units.v[ui];
  return ink__is_quote (L, ui) || (u->kind == U_PARA && u->p && u->p->role == INK_ROLE_RELATED);
}

/* The block of the pull quote in the float of units [ui, ui + len), or -1. */
long
ink__quote_block (const lay_t *L, size_t ui)
{
  for (size_t i = ui; i < ui + L->units.v[ui].float_len && i < L->units.n; i++)
    if (L->units.v[i].kind == U_PARA && L->units.v[i].p->role == INK_ROLE_QUOTE)
      return L->units.v[i].block;
  return -1;
}

/* A pull quote across the columns is placed on this page. */
bool
ink__span_quote_on_page (const lay_t *L)
{
  for (size_t i = 0; i < L->units.n; i++)
    if (L->units.v[i].float_len && L->units.v[i].span && L->units.v[i].placed_page == L->page &&
        ink__is_quote (L, i))
      return true;
  return false;
}

/* A pull quote before the one at unit ui in the article is placed on this page. */
bool
ink__quote_before_on_page (const lay_t *L, size_t ui)
{
  for (size_t i = 0; i < ui && i < L->units.n; i++)
    if (L->units.v[i].float_len && L->units.v[i].placed_page == L->page && ink__is_quote (L, i))
      return true;
  return false;
}

/* The flow is at the top of a column right under a pull quote set across the columns. */
bool
ink__under_span_quote (const lay_t *L)
{
  return L->col_empty && L->y == L->col_top && ink__span_quote_on_page (L);
}

/* The last line set in this column is a pull quote's. */
bool
ink__after_quote (const lay_t *L)
{
  const ink_document_t *doc = L->doc;
  const ink__page_t *pg = &doc->pages.v[L->page];
  if (L->col_empty || pg->nl == 0)
    return false;
  const ink__lrec_t *l = &doc->lines.v[pg->l0 + pg->nl - 1];
  return l->block >= 0 && (size_t) l->block < L->a->nblocks && l->y >= L->col_top &&
         L->a->blocks[l->block].kind == INK_BLOCK_PULLQUOTE;
}

/* Where the lines of the float that starts at unit ui, its first unit set at y, would
 * stand: from its first line's top to its last line's foot (*top, *foot), its rules and the
 * space around them left out, as the make-up check measures a pull quote. At the top of the
 * column (y no lower than the flow, which has set nothing in it) its opening rule and the
 * space before its first line are left out too (flowbox.c, flow_mark). */
static void
lines_extent (const lay_t *L, size_t ui, int64_t y, int64_t *top, int64_t *foot)
{
  *top = y;
  *foot = y;
  bool seen = false, empty = L->col_empty && y <= L->y;   /* at the column's top */
  size_t end = ui + (L->units.v[ui].float_len ? L->units.v[ui].float_len : 1);
  for (size_t i = ui; i < end && i < L->units.n; i++) {
    const unit_t *v = &L->units.v[i];
    if (empty && (v->kind == U_RULE || v->kind == U_SPACE))
      continue;
    y += i > ui && !empty ? v->space_before : 0;
    empty = false;
    int64_t h = ink__unit_height (v, SIZE_MAX);
    if (v->kind == U_PARA && v->p && v->p->para.lines.n) {
      *top = seen ? *top : y;
      *foot = y + h;
      seen = true;
    }
    y += h + v->space_after;
  }
}

/* The pull quote that starts at unit ui, set in this column from y, would stand beside a
 * pull quote in a neighbouring column of this page: at the same height, their lines'
 * heights overlapping by more than half the shorter's, the eye reads across from one to the
 * other (the make-up checker's rule, tests/tools/makeup_floats.c, which measures both
 * quotes from their lines, not their rules and space). */
bool
ink__beside_quote (const lay_t *L, size_t ui, int64_t y)
{
  const ink_document_t *doc = L->doc;
  const ink__page_t *pg = &doc->pages.v[L->page];
  int64_t bottom;
  lines_extent (L, ui, y, &y, &bottom);
  for (size_t i = 0; L->ncols > 1 && i < pg->nl; i++) {
    const ink__lrec_t *l = &doc->lines.v[pg->l0 + i];
    int c = ink__line_col (L, l, pg->body_top);
    if (c < 0 || (c + 1 != (int) L->col && c != (int) L->col + 1) || !ink__quote_line (L, l))
      continue;
    int64_t top = l->y, foot = (int64_t) l->y + l->h;   /* that quote's lines in column c */
    for (size_t j = 0; j < pg->nl; j++) {
      const ink__lrec_t *m = &doc->lines.v[pg->l0 + j];
      if (m->block == l->block && ink__line_col (L, m, pg->body_top) == c) {
        top = m->y < top ? m->y : top;
        foot = (int64_t) m->y + m->h > foot ? (int64_t) m->y + m->h : foot;
      }
    }
    int64_t shorter = foot - top < bottom - y ? foot - top : bottom - y;
    int64_t over = (foot < bottom ? foot : bottom) - (top > y ? top : y);
    if (2 * over > shorter)
      return true;
  }
  return false;
}

/**
 * ink__quote_stagger:
 * @L: the layout, the flow under text in its column
 * @ui: the first unit of a pull quote that goes in where the flow is
 * @before: the space over it; a line step more when it is staggered
 *
 * A pull quote that goes in under text beside another in the neighbouring column (at the
 * same height, ink__beside_quote) but would stand clear of it a line step lower, and still
 * fit the column there, goes in that line step lower: a make-up editor staggers two quotes
 * rather than set them level, where the eye reads across from one to the other. A line step
 * keeps the text under it on the page's grid. At a column's top it is not moved (the white
 * would open the column). Else it goes in beside the other, a rule let through.
 *
 * Return value: whether the quote stands beside the other where it goes in.
 */
bool
ink__quote_stagger (lay_t *L, size_t ui, int32_t *before)
{
  int64_t y = (int64_t) L->y + *before, lower = y + ink__line_step (L);
  if (!ink__beside_quote (L, ui, y))
    return false;
  if (L->col_empty || ink__beside_quote (L, ui, lower) ||
      !ink__float_fits (L, ui, lower, L->col_bottom))
    return true;
  *before += ink__line_step (L);
  return false;
}

/* The pull quote at unit ui, waiting, goes in this column after a paragraph still to come
 * from the flow's place, clear of the one beside it: under the end of one of the next
 * paragraphs of running text (a place a float may follow, ink__float_may_follow, with more
 * running text after it: never after the end of the text) it fits above the column's foot
 * and stands beside no pull quote. A paragraph that would turn the column ends the search. */
static bool
clears_in_column (lay_t *L, size_t ui)
{
  int64_t y = L->y, h = ink__float_height (L, ui);
  size_t end = ink__comments_start (L);
  for (size_t i = L->cur_ui; i < end && i < L->units.n; i++) {
    const unit_t *u = &L->units.v[i];
    if (u->float_len) {
      i += u->float_len - 1;
      continue;
    }
    y += ink__unit_extent (L, i, i == L->cur_ui ? L->cur_k : 0);
    int64_t at = y + L->units.v[ui].space_before;
    if (y > L->col_bottom || at + h > L->col_bottom)
      return false;
    if (u->kind == U_PARA && ink__float_may_follow (L, i, end) &&
        ink__text_within (L, i + 1, end) && !ink__beside_quote (L, ui, at))
      return true;
  }
  return false;
}

/* The pull quote at unit ui, set from y, may wait for text to stand under the one beside it
 * and still go on a page it may go on: the text runs past this page and the quote may go on
 * the next (met here, or waiting since this page), or, the text running past this page (the
 * last page's balancing would set its columns again), it goes in this column clear of the
 * other after a paragraph to come (clears_in_column), or the rest of the text before the
 * comments and the quote fit in this column under y. Else it goes in beside the other (a
 * rule let through) rather than leave its pages or stand on a page of floats alone. */
static bool
may_wait_beside (lay_t *L, size_t ui, int64_t y)
{
  size_t met = L->units.v[ui].met_page;
  if ((met == SIZE_MAX || met == L->page || L->pending != ui) && ink__text_to_come (L, 0))
    return true;
  if (L->pending == ui && ink__text_to_come (L, 0) && clears_in_column (L, ui))
    return true;
  int64_t room = (int64_t) L->col_bottom - y - ink__float_height (L, ui);
  size_t end = ink__comments_start (L);
  bool text = false;
  for (size_t i = L->cur_ui; i < end && room >= 0; i++) {
    const unit_t *u = &L->units.v[i];
    if (u->float_len)
      i += u->float_len - 1;
    else
      room -= ink__unit_extent (L, i, i == L->cur_ui ? L->cur_k : 0), text = true;
  }
  return text && room >= 0;
}

/* The pull quote at unit ui would stand right on another, or beside one where waiting for
 * text costs it no page (may_wait_beside), where the flow now is: it waits for text between
 * them. */
bool
ink__quote_meets_quote (lay_t *L, size_t ui)
{
  int64_t y = ink__float_y (L, ui);
  return ink__after_quote (L) || ink__under_span_quote (L) ||
         (ink__beside_quote (L, ui, y) && may_wait_beside (L, ui, y));
}

/* The pull quote that starts at unit ui would go right on another (under the last line of
 * this column, or at a column's top under one across the columns): it waits for the next
 * paragraph, or when none comes before the comments or the end, for ink__place_last. */
bool
ink__quote_waits (lay_t *L, size_t ui)
{
  if (L->in_float || L->pending != NO_FLOAT || !ink__is_quote (L, ui))
    return false;
  return ink__quote_meets_quote (L, ui);
}

/* Another pull quote follows the one at unit ui on this page, and the text runs past it: it
 * and the text and floats between them fit in the room left on the page from the flow's
 * place (less the one at ui's height when here, it goes in on this page), and all that is to
 * come before the comments does not. Or a table or picture across the columns follows it
 * there: that one cannot be set at the column's width, and met while this one waits for the
 * next page's top it would end this page where it stands (flow_span), the text after it
 * leaving the page's last columns white. */
static ink_status_t
quote_follows (lay_t *L, size_t ui, bool here, bool *ahead)
{
  *ahead = false;
  int64_t room = (int64_t) L->col_bottom - L->y +
                 (int64_t) (L->ncols - 1 - L->col) * (L->bottom - L->col_top) -
                 (here ? ink__float_height (L, ui) : 0);
  size_t from = ui + L->units.v[ui].float_len;
  ink_status_t st = ink__units_ahead (L, from, 0, room + 1);
  size_t end = ink__comments_start (L);
  bool met = false, across = false;
  for (size_t i = from; st == INK_OK && i < end && room >= 0; i++) {
    const unit_t *u = &L->units.v[i];
    met |= u->float_len && ink__is_quote (L, i);
    across |= u->float_len && u->span && !ink__is_quote (L, i);
    if (u->float_len) {
      room -= ink__float_height (L, i);
      i += u->float_len - 1;
    } else {
      room -= ink__unit_extent (L, i, 0);
    }
  }
  *ahead = across || (met && (room < 0 || (!L->units_done && end == L->units.n)));
  return st;
}

/* The pull quote at unit ui ends on a word alone (balanced.c could not give it company). */
static bool
lone_quote_line (const lay_t *L, size_t ui)
{
  for (size_t i = ui; i < ui + L->units.v[ui].float_len && i < L->units.n; i++)
    if (L->units.v[i].kind == U_PARA && L->units.v[i].p->role == INK_ROLE_QUOTE &&
        ink__ends_lone (L->units.v[i].p))
      return true;
  return false;
}

/* The pull quote at unit ui, at the column's width, goes in on this page: where the flow is,
 * or in a later column of a page with no pull quote in its columns yet (one beside it would
 * send it on). */
static bool
goes_on_page (const lay_t *L, size_t ui)
{
  if (ink__float_fits (L, ui, (int64_t) L->y + L->units.v[ui].space_before, L->col_bottom))
    return true;
  if (L->col + 1 >= L->ncols)
    return false;
  for (size_t i = 0; i < L->units.n; i++)
    if (L->units.v[i].float_len && !L->units.v[i].span && L->units.v[i].placed_page == L->page &&
        ink__is_quote (L, i))
      return false;
  return true;
}

/* The text to come runs past the next page as well as this one (*past): it is taller than
 * the room left on this page and a whole page's columns more (ink__text_over). Its units are
 * built as far as that takes, so that a pager, which builds them as it goes, finds what a
 * whole layout does. */
static ink_status_t
text_past_next (lay_t *L, bool *past)
{
  int64_t room = (int64_t) L->col_bottom - L->y +
                 (int64_t) (L->ncols - 1 - L->col) * (L->bottom - L->col_top) +
                 (int64_t) L->ncols * (L->bottom - L->top);
  int over = -1;
  ink_status_t st = INK_OK;
  for (int64_t want = room + 1; st == INK_OK && over < 0; want *= 2) {
    st = ink__units_ahead (L, L->cur_ui, 0, want);
    over = ink__text_over (L, room);
  }
  *past = over > 0;
  return st;
}

/* The pull quote across the columns at unit ui, met below a page's top, is set at the
 * column's width (*narrowed) when the text runs past this page and another pull quote
 * follows it on this page (quote_follows, with it at the column's width): that one would
 * wait behind this one, which waits for the next page's top, and the page's quotes would
 * pile up there (stacked, or side by side). It goes in the columns where the text meets it
 * instead, and only the page's last pull quote waits for the next page's top. So it is too
 * when the other follows it on this page only because this one waits off it (met at the
 * page's foot), and at the column's width this one goes in on this page (goes_on_page) and
 * leaves the other to start the next (engine-works print-a4 set the two side by side at
 * page 3's top). So it is, too, when at the column's width it waits off this page as well, if
 * the text runs on past the next page (text_past_next): across that page's top it would
 * leave the other no column's top to open (right under it), and a quote too tall for the
 * room under the text there went a page further, two after its text (held-out h65-he-2.he
 * kiosk-7.5 read two quotes on page 4 that followed page 2's text); at the column's width
 * it waits for a column as the other floats do. Not when the next page
 * may be the last, where the quotes would wait past the end of the text. Else it stays as
 * it was (on the last page the end of the text places the quotes, ink__finish_span), and so
 * it does when at the column's width its last line would be one word alone. */
ink_status_t
ink__narrow_before_quote (lay_t *L, size_t ui, bool *narrowed)
{
  unsigned len = L->units.v[ui].float_len;
  unit_t was[8];
  *narrowed = false;
  if (L->ncols < 2 || !len || len > sizeof was / sizeof *was || ui + len > L->units.n ||
      !ink__is_quote (L, ui))
    return INK_OK;
  /* Set again only when, at its height across the columns (lower than at the column's
   * width), another follows it and the text runs past the page; or when the other follows
   * on this page only while this one waits off it (off_page). */
  bool ahead = false, off_page = false;
  ink_status_t st = quote_follows (L, ui, true, &ahead);
  if (st == INK_OK && !ahead && (st = quote_follows (L, ui, false, &off_page)) == INK_OK)
    ahead = off_page;
  if (st != INK_OK || !ahead)
    return st;
  memcpy (was, L->units.v + ui, len * sizeof *was);
  st = ink__narrow_float (L, ui, narrowed);
  ahead = false;
  bool lone = st == INK_OK && *narrowed && lone_quote_line (L, ui);
  if (st == INK_OK && *narrowed && !lone)
    st = quote_follows (L, ui, true, &ahead);
  if (off_page && st == INK_OK && *narrowed && !lone && !ahead && !goes_on_page (L, ui))
    st = text_past_next (L, &ahead);
  else if (off_page)
    ahead = *narrowed && !lone && !ahead && goes_on_page (L, ui);
  if (*narrowed && !ahead) {
    ink__quote_set_unused (L, ui, len);   /* set so again at the next height tried */
    memcpy (L->units.v + ui, was, len * sizeof *was);   /* its paragraphs stay in L->paras */
    *narrowed = false;
  }
  return st;
}
