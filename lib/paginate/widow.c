/* paginate/widow: a paragraph's last line carried alone to the top of a column (the
 * template's lone-lines) with a float right under it reads as a stray, white around it, as
 * a make-up editor would not leave it. A related box or pull quote met under such a line
 * waits for the next paragraph of running text and goes in after it
 * (ink__widow_waits), never between a subhead and its text nor between two items of a
 * list (ink__float_may_follow); a picture, which may not fit after that paragraph, or a
 * float after which no more text comes (it would stand after the end of the text), keeps
 * the paragraph's last two lines over it instead (ink__float_follows): the column fit
 * carries no line alone there. Nor under a float: one that waits for the next column opens
 * it, and a last line carried there alone would stand between the float and what follows
 * (ink__float_opens_next); the column takes the line back, or gives the last two. Where
 * lone-lines carry the line alone to the next column of a full page all the same, the float
 * waiting for that column lets it go first and waits for the paragraph after it
 * (ink__widow_first); so does one queued for the top of a page that opens on such a line
 * (ink__widow_first_page). Where it cannot and the column is the page's last, the line does
 * not go alone (ink__widow_strays). */
#include "layout-internal.h"

/* Whether paragraph unit v is running text: body or list. */
static bool
running (const unit_t *v)
{
  return v->kind == U_PARA && !v->float_len && v->p &&
         (v->p->role == INK_ROLE_BODY || v->p->role == INK_ROLE_LIST);
}

/* The first unit from i on that is not a float in the columns: i, or the unit after the
 * floats that follow one another from i. */
static size_t
past_floats (const lay_t *L, size_t i)
{
  while (i < L->units.n && L->units.v[i].float_len && !L->units.v[i].span)
    i += L->units.v[i].float_len;
  return i;
}

/* Whether unit i, the first after a float, or the first after the floats that follow it,
 * is text a head heads: running text or a block quote (flow.c: a head keeps the floats
 * under it with the text's first lines after them). */
bool
ink__running_at (const lay_t *L, size_t i)
{
  i = past_floats (L, i);
  if (i >= L->units.n)
    return false;
  const unit_t *v = &L->units.v[i];
  return running (v) || (v->kind == U_PARA && !v->float_len && v->p &&
                         v->p->role == INK_ROLE_BLOCKQUOTE);
}

/* Whether unit i opens running text (a paragraph, or a subhead with the paragraph it keeps)
 * after which more of the story's running text comes: a float that waits for it
 * (ink__widow_waits) goes in after it, not after the end of the text. Units not built yet
 * (a page at a time, pager.c) count as more text. */
static bool
text_after_next (const lay_t *L, size_t i)
{
  while (i < L->units.n && L->units.v[i].kind == U_PARA && !L->units.v[i].float_len &&
         L->units.v[i].p && L->units.v[i].p->role == INK_ROLE_SUBHEAD)
    i++;
  if (i >= L->units.n || !running (&L->units.v[i]))
    return false;
  for (i++; i < L->units.n; i++) {
    const unit_t *v = &L->units.v[i];
    if (v->float_len)
      i += v->float_len - 1;
    else if (running (v))
      return true;
  }
  return !L->units_done;
}

/* A float in the columns met under a paragraph's last line alone at a column's top
 * (widow_top) waits for the paragraph after it, when one of running text follows: under the
 * line it would leave it standing alone between the column's head and the float, a stray
 * with white around it; the template's lone-lines carry a line alone to a column's top only
 * where text goes on under it. A short table's float (table.c, short_float) goes under it,
 * as the table's rows in the text would. */
bool
ink__widow_waits (const lay_t *L, size_t ui)
{
  const unit_t *u = &L->units.v[ui];
  bool table = u->kind == U_ROW || (ui + 1 < L->units.n && L->units.v[ui + 1].kind == U_ROW);
  return L->widow_top && !u->span && u->kind != U_IMAGE && !table &&
         text_after_next (L, ui + u->float_len);
}

/* A related box or pull quote in the columns right after a subhead or a comment's author
 * waits for the paragraph after it, when one of running text follows: met under the head, it
 * would part it from the lines it keeps. */
bool
ink__head_waits (const lay_t *L, size_t ui)
{
  const unit_t *u = &L->units.v[ui];
  if (ui == 0 || u->span || u->kind == U_IMAGE)
    return false;
  const unit_t *h = &L->units.v[ui - 1];
  return h->kind == U_PARA && h->p && !h->float_len &&
         (h->p->role == INK_ROLE_SUBHEAD || h->p->role == INK_ROLE_COMMENT_AUTHOR) &&
         text_after_next (L, ui + u->float_len);
}

/* Whether a picture, related box or pull quote in the columns follows paragraph unit ui and,
 * no more of the story's text coming after the paragraph after it (or another float coming
 * next), could not wait for that (ink__widow_waits): the paragraph's last line does not go
 * alone to a column's top over it. */
bool
ink__float_follows (const lay_t *L, size_t ui, size_t end)
{
  if (ui + 1 >= end || ui + 1 >= L->units.n)
    return false;
  const unit_t *f = &L->units.v[ui + 1];
  return f->float_len && !f->span &&
         (f->kind == U_IMAGE || !text_after_next (L, ui + 1 + f->float_len));
}

/* Whether unit ui is a good place for a float that waits to follow: not a subhead (or what
 * else keeps with the next), whose text it would part from it, nor an item of a list with
 * another after it. */
static bool
slot (const lay_t *L, size_t ui, size_t end)
{
  const unit_t *u = &L->units.v[ui], *v = ui + 1 < end ? &L->units.v[ui + 1] : NULL;
  bool in_list = u->kind == U_PARA && u->p && u->p->role == INK_ROLE_LIST && v &&
                 v->kind == U_PARA && !v->float_len && v->p && v->p->role == INK_ROLE_LIST;
  return !u->keep_with_next && !in_list;
}

/* Whether a float that waits may go in right after unit ui: at a good place (slot), or
 * where no good place comes later with more running text after it; past the end of the
 * text it would read after the story. Inside a list with text after it, never
 * (listfloat.c). */
bool
ink__float_may_follow (const lay_t *L, size_t ui, size_t end)
{
  if (ink__inside_list (L, ui, end))
    return false;
  if (slot (L, ui, end))
    return true;
  for (size_t j = ui + 1; j < end && j < L->units.n; j++) {
    const unit_t *v = &L->units.v[j];
    if (v->float_len)
      j += v->float_len - 1;
    else if (running (v) && slot (L, j, end) && text_after_next (L, j + 1))
      return false;
  }
  return true;
}

/* Whether a float waits for the next column and will open it (ink__column_break places the
 * queue at its top), where a paragraph's last line carried there alone would stand under it,
 * a stray with white around it: on the last page, whose columns balancing shares out
 * (L->balancing), or at the foot of a page's last column. Not from one column of a full page
 * to the next: the two lines carried instead push a line on through every column after it,
 * and a line of the page's end on to the next page. */
bool
ink__float_opens_next (const lay_t *L)
{
  return (L->balancing || L->col + 1 >= L->ncols) && L->pending != NO_FLOAT &&
         L->pending < L->units.n && !L->units.v[L->pending].span;
}

/* Whether the running text that follows unit i past the floats set there (they wait too:
 * ink__widow_waits) and the subheads over it is a good place for a float that waits (slot:
 * no list's lead-in, no item with another after it), and more running text comes after it. */
static bool
text_after_floats (const lay_t *L, size_t i)
{
  i = past_floats (L, i);
  if (!text_after_next (L, i))
    return false;
  while (!running (&L->units.v[i]))
    i++;   /* past the subheads: text_after_next found running text */
  return slot (L, i, L->units.n);
}

/* Whether the float at unit q, waiting past the lines carried from paragraph unit ui (from
 * its line k on) into column `open` of the page, still goes in on this page: a column follows
 * that one, or the float fits in it under the lines and the running text after it (floats met
 * on the way wait too). */
static bool
stays_on_page (const lay_t *L, size_t q, size_t ui, size_t k, unsigned open)
{
  if (open + 1 < L->ncols)
    return true;
  int32_t bottom = L->col_bottoms ? L->bottoms[open] : L->col_bottom;
  int64_t y = (int64_t) L->col_top + ink__unit_extent (L, ui, k);
  size_t i = past_floats (L, ui + 1);
  for (; i < L->units.n && !running (&L->units.v[i]); i++)
    y += ink__unit_extent (L, i, 0);   /* the subheads over it */
  if (i < L->units.n)
    y += ink__unit_extent (L, i, 0);
  return y + L->units.v[q].space_before + ink__float_height (L, q) <= bottom;
}

/* Whether the float at unit q may wait past a paragraph's last line for the paragraph after
 * it: a pull quote or related box. A picture, which may not fit after it, and a short
 * table's float, whose rows would stand there in the text, may not. */
static bool
may_go_after (const lay_t *L, size_t q)
{
  const unit_t *f = &L->units.v[q];
  bool table = f->kind == U_ROW || (q + 1 < L->units.n && L->units.v[q + 1].kind == U_ROW);
  return !f->span && f->kind != U_IMAGE && !table;
}

/* Whether the flow, going on at paragraph unit L->cur_ui's line L->cur_k in column `open` of
 * the page, carries there that paragraph's last line alone while the float at L->pending, a
 * pull quote or related box (may_go_after), would open the column over it: the line goes
 * first and the float waits for the paragraph after it, when more running text follows that
 * one (in a good place for a float) and the float stays on the page. */
static bool
line_first (const lay_t *L, unsigned open)
{
  size_t q = L->pending, ui = L->cur_ui;
  if (q == NO_FLOAT || q >= L->units.n || L->in_float || ui >= L->units.n)
    return false;
  const unit_t *u = &L->units.v[ui];
  return may_go_after (L, q) && running (u) && L->cur_k > 0 &&
         L->cur_k + 1 == u->p->para.lines.n && text_after_floats (L, ui + 1) &&
         stays_on_page (L, q, ui, L->cur_k, open);
}

/* Whether the flow, about to open the next column of the page, carries into it a paragraph's
 * last line alone (lone-lines) while a pull quote or related box met on this page waits for
 * that column's top: set there, it would stand over the line with white around it. The line
 * goes first and the float waits for the paragraph after it (widow_top; ink__widow_holds),
 * when more running text follows that one and the float stays on this page. A picture, which
 * may not fit after it, and a short table's float, whose rows would stand there in the text,
 * open the column as before. */
bool
ink__widow_first (const lay_t *L)
{
  size_t q = L->pending;
  return q != NO_FLOAT && q < L->units.n && L->col + 1 < L->ncols &&
         L->units.v[q].met_page == L->page && line_first (L, L->col + 1);
}

/**
 * ink__widow_strays:
 * @L: the layout, the flow about to fit paragraph unit @ui into the column
 * @ui: a unit of running text
 *
 * Whether a float waits to open the page's last column (the next one), where the
 * paragraph's last line carried alone would stand under it with white around it, and it
 * cannot let the line go first (ink__widow_first): the paragraph after the line does not fit
 * there with it. The column fit then keeps the paragraph's widows: two lines go under the
 * float, or none. Only into the page's last column: from there a line carried on goes to
 * the next page alone, not through every column after it (ink__float_opens_next).
 *
 * Return value: whether the line may not go alone.
 */
bool
ink__widow_strays (const lay_t *L, size_t ui)
{
  size_t q = L->pending;
  if (q == NO_FLOAT || q >= L->units.n || L->in_float || L->col + 2 != L->ncols ||
      ui >= L->units.n || !running (&L->units.v[ui]) || !may_go_after (L, q) ||
      L->units.v[q].met_page != L->page)
    return false;
  size_t last = L->units.v[ui].p->para.lines.n - 1;
  return !(text_after_floats (L, ui + 1) && stays_on_page (L, q, ui, last, L->col + 1));
}

/* Whether the page set again from a snapshot (ink__resume_snap) opens on a paragraph's last
 * line carried alone (lone-lines) while a pull quote or related box waits for the page's top
 * (queued there by the page before, or pulled onto the page: floatpull.c): set there, it
 * would stand over the line with white around it. The line goes first and the float waits
 * for the paragraph after it, as at a column break (ink__widow_first); it was to open this
 * page, so it stays as near its text. */
bool
ink__widow_first_page (const lay_t *L)
{
  return L->col == 0 && line_first (L, 0);
}

/* Whether the float that waits stays out from under paragraph unit ui, just set: its last
 * line stands alone at the column's top (widow_top) and the float goes in after the running
 * text that follows, as one met under the line would (ink__widow_waits). */
bool
ink__widow_holds (const lay_t *L, size_t ui)
{
  return L->widow_top && text_after_floats (L, ui + 1);
}
