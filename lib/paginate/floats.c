/* paginate/floats: pull quotes, related boxes and figures that wait for the next column,
 * and floats set across all the columns at the top (or foot) of a page.
 *
 * Floats that wait for the next column wait in a queue in reading order (pending, its head,
 * to queue_last); where the head goes in, those after it follow while they fit. A pull quote
 * that fits where it comes (when no pull quote waits), and a related link or picture behind
 * a pull quote that waits only for text, may pass it (ink__queue_float).
 *
 * Pull quotes keep the article's order (ink__keep_quote_order): a later one waits behind an
 * earlier one waiting for the next column or for the next page's top (quote_blocked), and
 * one across the columns that meets an earlier one waiting for a column is set at the
 * column's width and waits behind it.
 *
 * Two pull quotes are kept from standing one right on the other, or side by side in
 * neighbouring columns at the same height (quotes.c). One that would go right under
 * another in its column, or at a column's top right under one across the columns, or beside
 * one where waiting costs it no page, waits for the next paragraph and goes in after it (or
 * at the next column's top); it never waits past the comments or the end of the text:
 * there it goes to the next column's top on the same page when one is free of a pull quote
 * across the columns, else under the column's text, down to the frame's foot if it must
 * (ink__place_last); only when it does not fit there either does it go at the next
 * column's top under the first.
 *
 * The rule (issue #11): a pull quote, related link or picture goes on the page of the text
 * it follows or the next one, never after the comments that follow it in the article, never
 * right on another pull quote, and never between the two halves of a paragraph that turns a
 * page but at the top of a column. Floats never starve the body: one that does not fit
 * waits, and the text flows past it. So a float across the columns waits for this page's top
 * when the comments start only if the page can still hold them under it (fits_page_top);
 * else it goes in the columns before them. A pull quote set right on another counts as a
 * rule let through (the balancing prefers a setting without), and one opening a column of
 * the last page under one across the columns has the page set again with the one across at
 * the column's width (ink__unstack_last_page, unstack.c). A float that has waited since
 * the page before is on its last page: a picture it waits behind, opening a whole column,
 * is made smaller to leave it room there (picroom.c). */
#include "layout-internal.h"


/* The float queued behind the one that starts at unit ui (the next float up to queue_last;
 * one across the columns waits in its own slot), or NO_FLOAT. */
static size_t
next_queued (const lay_t *L, size_t ui)
{
  if (L->queue_last == NO_FLOAT || ui >= L->queue_last)
    return NO_FLOAT;
  size_t j = ui + (L->units.v[ui].float_len ? L->units.v[ui].float_len : 1);
  for (; j <= L->queue_last && j < L->units.n; j++) {
    const unit_t *u = &L->units.v[j];
    if (u->float_len && !u->span && u->placed_page == SIZE_MAX)
      return j;
    if (u->float_len)
      j += u->float_len - 1;
  }
  return NO_FLOAT;
}

/* The float across the columns at unit span, set at the column's width, can wait at the head
 * of the queue whose head is unit head: it comes before it in the article, and every float
 * between them is placed already (the queue passes those). */
bool
ink__queues_ahead (const lay_t *L, size_t span, size_t head)
{
  if (head < span)
    return false;
  for (size_t j = span + L->units.v[span].float_len; j < head; j++)
    if (L->units.v[j].float_len && L->units.v[j].placed_page == SIZE_MAX)
      return false;
  return true;
}

/* A pull quote waits in the queue for the next column. */
static bool
queue_has_quote (const lay_t *L)
{
  for (size_t q = L->pending; q != NO_FLOAT; q = next_queued (L, q))
    if (ink__is_quote (L, q))
      return true;
  return false;
}

/* The float at unit ui (not across the columns) meets one waiting for the next column
 * (L->pending): it waits behind it, in reading order (true). Three may pass it, as neither
 * ties the other to its place: a related link or picture when the one waiting is a pull
 * quote that waits only for text between it and another pull quote (it goes between them);
 * a pull quote that fits here, under text, when no pull quote waits (pull quotes keep their
 * order: one waits behind another even where it would fit); a short table that fits here
 * whole, under text, when no pull quote waits: behind a picture too tall for the column it
 * waited for the picture's column, missed the room under it and stood alone on a page after
 * the text (held-out chiangrai-coffee.th kiosk-7.5; its table now under the first paragraph,
 * the picture beside them). */
bool
ink__queue_float (lay_t *L, size_t ui)
{
  if (L->pending == NO_FLOAT || L->in_float)
    return false;
  bool quote_waits = ink__is_quote (L, L->pending) && ink__quote_meets_quote (L, L->pending);
  if (!ink__is_quote (L, ui) && quote_waits)
    return false;
  if (ink__is_quote (L, ui) && !queue_has_quote (L) && !L->col_empty && !ink__after_quote (L) &&
      ink__float_fits (L, ui, (int64_t) L->y + L->units.v[ui].space_before, L->col_bottom))
    return false;
  if (ink__is_table (L, ui) && !queue_has_quote (L) && !L->col_empty &&
      ink__float_fits (L, ui, (int64_t) L->y + L->units.v[ui].space_before, L->col_bottom))
    return false;
  L->queue_last = ui;
  return true;
}

/* The pull quote at the head of the queue waits behind an earlier pull quote across the
 * columns that waits for the next page's top (pull quotes keep the article's order). */
bool
ink__quote_blocked (const lay_t *L)
{
  size_t span = L->pending_span;
  return L->pending != NO_FLOAT && span != NO_FLOAT && span < L->pending &&
         ink__is_quote (L, span) && ink__is_quote (L, L->pending);
}

/* Pull quotes keep the article's order. The flow meets the pull quote at unit ui: one
 * across the columns, when a pull quote waits for the next column, is set at the column's
 * width (it then waits behind it, ink__queue_float); one for a column, when an earlier one
 * across the columns waits for the next page's top, waits for the next column behind it
 * (*waits; quote_blocked keeps it there until the other is placed). */
ink_status_t
ink__keep_quote_order (lay_t *L, size_t ui, bool *waits)
{
  *waits = false;
  const unit_t *u = &L->units.v[ui];
  if (L->in_float || !u->float_len || !ink__is_quote (L, ui))
    return INK_OK;
  bool narrowed;
  if (u->span)
    return L->pending != NO_FLOAT && queue_has_quote (L) ? ink__narrow_float (L, ui, &narrowed)
                                                          : INK_OK;
  size_t span = L->pending_span;
  if (span == NO_FLOAT || span > ui || !ink__is_quote (L, span))
    return INK_OK;
  *waits = true;
  if (L->pending == NO_FLOAT)
    L->pending = ui;
  else
    L->queue_last = ui;
  return INK_OK;
}

/* The head of the queue is placed: the next float waits in its place. */
static void
pop_queue (lay_t *L)
{
  L->pending = next_queued (L, L->pending);
  if (L->pending == NO_FLOAT)
    L->queue_last = NO_FLOAT;
}

/* Out of pages: the floats still waiting for a column count as overflow, but for those from
 * unit ui on (counted with the rest of the text). */
ink_status_t
ink__drop_queue (lay_t *L, size_t ui)
{
  ink_status_t st = INK_OK;
  while (L->pending != NO_FLOAT && st == INK_OK) {
    size_t p = L->pending;
    pop_queue (L);
    if (p < ui)
      st = ink__count_overflow_range (L, p, 0, p + L->units.v[p].float_len);
  }
  return st;
}

static ink_status_t place_head (lay_t *L);

/* The article's text still to be flowed from the flow's place on, floats and comments left
 * out, is taller than room: 1; it is not, all of it built: 0; not as far as it is built
 * (units the pager has still to build): -1. */
int
ink__text_over (lay_t *L, int64_t room)
{
  int64_t h = 0;
  size_t end = ink__comments_start (L);
  for (size_t i = L->cur_ui; i < end; i++) {
    const unit_t *u = &L->units.v[i];
    if (u->float_len)
      i += u->float_len - 1;
    else if ((h += ink__unit_extent (L, i, i == L->cur_ui ? L->cur_k : 0)) > room)
      return 1;
  }
  return !L->units_done && end == L->units.n ? -1 : 0;
}

/* The text to come runs past this page: it is taller than the room left in this column
 * (less taken, a float's) and the page's columns after it (or the units are not all built
 * yet). */
bool
ink__text_to_come (lay_t *L, int64_t taken)
{
  int64_t room = (int64_t) L->col_bottom - L->y - taken +
                 (int64_t) (L->ncols - 1 - L->col) * (L->bottom - L->col_top);
  return ink__text_over (L, room) != 0;
}

/* The float that starts at unit ui, its first unit at y, fits above bottom and, while the
 * text to come runs past this page, leaves room under it for two lines of it (the space
 * after its last unit left out: text on the grid under it takes less), or for the text's
 * first unit with what it keeps (ink__text_starts): a list's lead-in and its first item. */
bool
ink__float_leaves_text (lay_t *L, size_t ui, int64_t y, int32_t bottom)
{
  size_t last = ui + L->units.v[ui].float_len - 1;
  int64_t h = ink__float_height (L, ui) - (last < L->units.n ? L->units.v[last].space_after : 0);
  if (!ink__float_fits (L, ui, y, bottom))
    return false;
  if (!ink__text_to_come (L, y - L->y + h))
    return true;
  size_t next = last + 1, end = ink__comments_start (L);
  while (next < end && L->units.v[next].float_len)
    next += L->units.v[next].float_len;   /* floats after it wait too */
  return y + h + 2 * (int64_t) ink__text_step (L) <= bottom &&
         (next >= end || ink__text_starts (L, next, (int32_t) (y + h)));
}

/* The float at the head of the queue may follow the one just placed, in the same place
 * (*follows): it fits under it and is no pull quote that would stand right on another. Floats
 * never starve the body: one that would leave the column no room for two lines of the text
 * that runs past the page follows only when this page is its last (the page after the one
 * where the flow met it, its text's); else, and when it has missed its last page already, it
 * waits for a later place, and the text flows past it. A picture
 * on its last page follows made smaller when need be (ink__late_picture_fits), a pull quote
 * or related box with less space (ink__late_float_fits). */
static ink_status_t
next_follows (lay_t *L, size_t page, unsigned col, bool *follows)
{
  size_t q = L->pending;
  *follows = false;
  if (q == NO_FLOAT || L->full || ink__quote_blocked (L) || L->page != page || L->col != col ||
      (ink__is_quote (L, q) && ink__quote_meets_quote (L, q)))
    return INK_OK;
  int64_t y = (int64_t) L->y + L->units.v[q].space_before;
  if (!ink__float_fits (L, q, y, L->col_bottom)) {
    ink_status_t st = ink__late_picture_fits (L, q, follows);
    if (st == INK_OK && !*follows)
      *follows = (L->late_cut = ink__late_float_cut (L, q)) != 0;
    return st;
  }
  *follows = L->units.v[q].met_page + 1 == L->page ||
             ink__float_leaves_text (L, q, y, L->col_bottom);
  return INK_OK;
}

/* Places the waiting floats where the flow now is (the top of a column, or under a
 * paragraph or a table): the first of the queue, then each after it that may follow it
 * (next_follows). One that would leave a column to floats alone waits for the page's next
 * column (topwait.c).
 * A pull quote does not go right under one across the columns while text is still to come:
 * it waits for text between them. */
/* Unit u is running text: the article's body, a subhead, a list item or a block quote. */
static bool
running_text (const unit_t *u)
{
  if (u->kind != U_PARA || !u->p || u->float_len)
    return false;
  return ink__running_role (u->p->role);
}

/* Running text may follow the flow's place before the comments: not when the units are all
 * built and only floats, tables and the source line are left (an article of pull quotes and
 * a source line, whose quotes waited for text between them and set the source line over
 * them all, at its first column's top). */
static bool
text_follows (lay_t *L)
{
  size_t end = ink__comments_start (L);
  if (L->cur_ui >= end)
    return false;
  return !L->units_done || end < L->units.n || ink__text_within (L, L->cur_ui, end);
}

/* The float that starts at unit ui is a related link in a column. */
static bool
is_link (const lay_t *L, size_t ui)
{
  const unit_t *u = &L->units.v[ui];
  if (u->span)
    return false;
  for (size_t i = ui; i < ui + u->float_len && i < L->units.n; i++)
    if (L->units.v[i].kind == U_PARA && L->units.v[i].p->role == INK_ROLE_RELATED)
      return true;
  return false;
}

ink_status_t
ink__place_pending (lay_t *L)
{
  if (L->pending == NO_FLOAT || L->full || ink__quote_blocked (L) || ink__top_float_waits (L) ||
      ink__last_col_float_waits (L))
    return INK_OK;
  if (!L->in_float && text_follows (L) && ink__is_quote (L, L->pending) &&
      ink__quote_meets_quote (L, L->pending))
    return INK_OK;   /* text follows: it goes in after a paragraph (flow.c) */
  size_t page = L->page;
  unsigned col = L->col;
  L->link_opens_col |= L->col_empty && L->col > 0 && is_link (L, L->pending);
  ink_status_t st = place_head (L);
  bool follows = true;
  while (st == INK_OK && (st = next_follows (L, page, col, &follows)) == INK_OK && follows)
    st = place_head (L);
  return st;
}


/* Units [from, to) hold running text. */
bool
ink__text_within (const lay_t *L, size_t from, size_t to)
{
  for (size_t i = from; i < to && i < L->units.n; i++)
    if (running_text (&L->units.v[i]))
      return true;
  return false;
}

/* The float at unit p, placed where the flow now is (at resume_ui, or at cur_ui from line
 * cur_k), goes in after the end of the text while text follows it in the article: it waited
 * until the text ended. It would read as the end
 * of the story (the make-up scores such a setting worse, makeup.c). */
static bool
after_its_text (lay_t *L, size_t p)
{
  size_t end = ink__comments_start (L);
  size_t at = L->resume_ui != NO_FLOAT ? L->resume_ui : L->cur_ui;
  const unit_t *u = at < L->units.n ? &L->units.v[at] : NULL;
  if (L->resume_ui == NO_FLOAT && u && u->kind == U_PARA && u->p &&
      L->cur_k >= u->p->para.lines.n)
    at++;   /* the flow is under the paragraph just set */
  return ink__text_within (L, p + L->units.v[p].float_len, at < end ? at : end) &&
         !ink__text_within (L, at, end);
}

/* Places the first float of the queue where the flow now is. */
static ink_status_t
place_head (lay_t *L)
{
  size_t p = L->pending;
  int cut = L->late_cut;
  int32_t spaces[3 * INK_LATE_SPACE_UNITS];
  L->late_cut = 0;
  if (cut)
    ink__late_float_space (L, p, cut, spaces);
  if (after_its_text (L, p) && (!L->late || p < L->late_ui)) {
    L->late = true;
    L->late_ui = p;
  }
  ink__note_list_cut (L);
  /* One set right on another after all is a rule let through: a setting of the page that
   * keeps them apart scores better (balance.c, pages.c). */
  if (ink__is_quote (L, p) &&
      (ink__after_quote (L) || ink__under_span_quote (L) ||
       ink__beside_quote (L, p, ink__float_y (L, p))))
    L->strained = L->stacked = true;
  pop_queue (L);
  bool outer = L->in_float;
  size_t outer_end = L->float_end;
  int32_t raise, col_bottom = L->col_bottom;
  ink_status_t st = ink__room_for_late (L, p, &raise);
  if (st == INK_OK && !raise)
    st = ink__room_for_lines (L, p, &raise);
  if (st != INK_OK)
    return st;
  L->col_bottom -= raise;
  L->in_float = true;
  L->float_end = p + L->units.v[p].float_len;
  L->float_counted = false;
  size_t cui = L->cur_ui, ck = L->cur_k;
  size_t page = L->page;
  unsigned col = L->col;
  st = ink__flow_range (L, p, 0, L->float_end);
  if (L->page == page && L->col == col)
    L->col_bottom = col_bottom;
  L->in_float = outer;
  L->float_end = outer_end;
  L->cur_ui = cui;
  L->cur_k = ck;
  if (st == INK_OK && L->full && !L->float_counted)
    st = ink__count_overflow_range (L, p, 0, p + L->units.v[p].float_len);
  if (cut)
    ink__late_float_space (L, p, 0, spaces);
  return st;
}

/* Whether the article has text or comments to flow in the columns, besides its floats (an
 * article of pull quotes alone has none). */
bool
ink__has_text (const lay_t *L)
{
  for (size_t j = 0; j < L->a->nblocks; j++)
    if (!ink__is_float_block (&L->a->blocks[j]))
      return true;
  return false;
}

/* A float across the columns need high fits at the top y of a page's
 * columns: a page top takes any; below the head it must leave the column floor's lines of
 * text under it (ink__column_floor; with two, a short article on the 800x480 kiosk was set a
 * line or two a column under its pull quote, a sentence cut from one column to the next),
 * else it would take the first page's columns from the text that goes on (it waits for the
 * next page). An article with no text needs only the float's own room. */
static bool
top_room (const lay_t *L, int32_t y, int32_t need)
{
  int64_t lines = ink__column_floor (L->t->orphans, L->t->widows);
  int64_t under = ink__has_text (L) ? lines * ink__text_step (L) : 0;
  return y <= L->top || (int64_t) y + need + under <= L->bottom;
}

/* Places the float across the columns that waits for this page, at the top of its column
 * area; the columns then start below it. */
ink_status_t
ink__place_span (lay_t *L)
{
  if (L->pending_span == NO_FLOAT || L->full)
    return INK_OK;
  size_t p = L->pending_span;
  size_t end = p + L->units.v[p].float_len;
  int32_t need = ink__float_height (L, p);
  /* Below a head, a float that does not fit with two lines under it waits for the next page
   * (under the last page's columns, one that does not fit); at the top of a page it goes in,
   * and what runs past the bottom is counted as overflow, but a table's rest goes on at the
   * next page's top (spanrows.c). */
  bool under_head = L->col_top == L->snap.top && L->col_top > L->top;
  if (!L->span_low && (under_head ? !top_room (L, L->col_top, need)
                                  : L->col_top + need > L->bottom && L->col_top > L->top))
    return INK_OK;   /* but a table taller than a page goes in under the text (tallspan.c) */
  size_t from = ink__span_from (L, p), rows = 0;
  L->pending_span = L->span_rest = NO_FLOAT;
  L->units.v[p].placed_page = L->page;
  int32_t y = L->col_top;
  ink_status_t st = ink__span_head_again (L, p, from, &y);
  for (size_t i = from; i < end && st == INK_OK; i++) {
    const unit_t *u = &L->units.v[i];
    if (i > from)
      y += u->space_before;
    if (u->kind == U_RULE) {
      if (y + u->h > L->bottom)
        continue;
      st = ink__emit_rule (L, L->left, y, u->w, u->h);
      y += u->h;
    } else if (u->kind == U_ROW) {
      if (ink__span_splits (L, i, end, y, rows)) {   /* the rest opens the next page */
        L->pending_span = p;
        L->span_rest = i;
        y = L->bottom;
        break;
      }
      if (y + u->h > L->bottom) {
        st = ink__count_overflow_range (L, i, 0, end);
        break;
      }
      st = ink__emit_row (L, u, L->left, y);
      y += u->h;
      rows++;
    } else if (u->kind == U_IMAGE) {   /* widepic.c */
      st = ink__emit_box (L, INK_ITEM_IMAGE, u->image, L->left + u->x_off, y, u->w, u->h, 0,
                          u->block);
      y += u->h;
    } else if (u->kind == U_PARA) {
      for (size_t k = 0; k < u->p->para.lines.n && st == INK_OK; k++) {
        int32_t lh = ink__line_height (u->p, &u->p->para.lines.v[k]);
        if (y + lh > L->bottom) {
          st = ink__count_overflow_range (L, i, k, end);
          i = end;
          break;
        }
        st = ink__emit_line (L, u->p, k, L->left + u->x_off, y);
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

/* A float across the columns is placed on this page already. */
bool
ink__span_on_page (const lay_t *L)
{
  for (size_t i = 0; i < L->units.n; i++)
    if (L->units.v[i].span && L->units.v[i].placed_page == L->page)
      return true;
  return false;
}

/**
 * ink__float_y:
 * @L: the layout
 * @ui: a float's first unit
 *
 * Return value: where the float would be set if it went in where the flow is: under its
 * space before, which a column's top leaves out.
 */
int64_t
ink__float_y (const lay_t *L, size_t ui)
{
  return (int64_t) L->y + (L->col_empty ? 0 : L->units.v[ui].space_before);
}

/* Height of the float that starts at unit ui: its units with the space between and after them. */
int32_t
ink__float_height (const lay_t *L, size_t ui)
{
  int64_t h = 0;
  const unit_t *u = &L->units.v[ui];
  for (size_t i = ui; i < ui + u->float_len && i < L->units.n; i++) {
    const unit_t *v = &L->units.v[i];
    h += (int64_t) (i > ui ? v->space_before : 0) + v->space_after + ink__unit_height (v, SIZE_MAX);
  }
  return h < INK_HEIGHT_MAX ? (int32_t) h : INK_HEIGHT_MAX;
}

/* The float that starts at unit ui, its first unit at y, fits this column above bottom. On
 * pages of one column, where it would otherwise wait for the next page, away from its text,
 * the space after its last unit (a rule's) is not needed: nothing follows it at the foot.
 * With more columns it keeps that space: waiting costs it the next column's top, and a
 * page of columns set with it at a foot ends short more often (valencia-port.es print-a4,
 * madurai-jasmine.ta kiosk-7.5 pushed its comment to a third page). A table's with its note
 * under it is measured on the grid its rows and note go on (tablenote.c). */
bool
ink__float_fits (const lay_t *L, size_t ui, int64_t y, int32_t bottom)
{
  const unit_t *u = &L->units.v[ui];
  size_t last = ui + (u->float_len ? u->float_len : 1) - 1;
  int32_t tail = last < L->units.n && L->ncols == 1 ? L->units.v[last].space_after : 0;
  if (ink__ends_in_note (L, ui))
    return ink__note_float_foot (L, ui, y) - tail <= bottom;
  return y + ink__float_height (L, ui) - tail <= bottom;
}

/* The top of the page being set can take the float across the columns at unit ui (as
 * ink__place_span places it there). */
bool
ink__top_takes (const lay_t *L, size_t ui)
{
  return top_room (L, L->snap.top, ink__float_height (L, ui));
}

static bool
is_comment (const unit_t *u)
{
  return u->kind == U_PARA && u->p && (u->p->role == INK_ROLE_COMMENT_AUTHOR ||
                               u->p->role == INK_ROLE_COMMENT || u->p->role == INK_ROLE_REPLY);
}

/* The first unit of the comments: the space (or page break) and rule before the first
 * comment's author; units.n when there are no comments (or none built yet). */
size_t
ink__comments_find (const lay_t *L)
{
  if (L->comments_known)
    return L->comments_ui;
  size_t i = 0;
  while (i < L->units.n && !is_comment (&L->units.v[i]))
    i++;
  if (i < L->units.n && i >= 2 && L->units.v[i - 1].kind == U_RULE &&
      (L->units.v[i - 2].kind == U_SPACE || L->units.v[i - 2].kind == U_PAGE))
    i -= 2;
  return i;
}

/* As ink__comments_find, kept once known. */
size_t
ink__comments_start (lay_t *L)
{
  size_t i = ink__comments_find (L);
  /* Units built a page at a time (pager.c) may not reach the comments yet: known only once
   * they are found or every unit is built. */
  if (i < L->units.n || L->units_done) {
    L->comments_ui = i;
    L->comments_known = true;
  }
  return i;
}

/* Comments follow unit ui in the article. */
bool
ink__comments_follow (lay_t *L, size_t ui)
{
  return ink__comments_start (L) < L->units.n && ui < ink__comments_start (L);
}

/* Height of unit i with the space around it; of its lines from k0 on (a paragraph). */
int64_t
ink__unit_extent (const lay_t *L, size_t i, size_t k0)
{
  const unit_t *u = &L->units.v[i];
  if (u->kind == U_PARA && !u->p)
    return 0;
  return (int64_t) u->space_before + u->space_after + ink__unit_height (u, SIZE_MAX) -
         (k0 ? ink__unit_height (u, k0) : 0);
}

/* The column height the units from this page's start (the snapshot) to the end take: what
 * has gone in its columns so far and what is to come, until it passes limit. Floats across
 * the columns are left out. */
static int64_t
page_text_height (lay_t *L, int64_t limit)
{
  const snap_t *sn = &L->snap;
  int64_t h = sn->pending != NO_FLOAT ? ink__float_height (L, sn->pending) : 0;
  for (size_t i = sn->ui; i < L->units.n && h <= limit; i++) {
    const unit_t *u = &L->units.v[i];
    if (u->float_len && u->span)
      i += u->float_len - 1;
    else
      h +=  ink__unit_extent (L, i, i == sn->ui ? sn->k : 0);
  }
  return h;
}

/* The float across the columns that starts at unit span can go at the top of this page's
 * columns, before the comments that start at unit ui: it fits there (or they start at the
 * frame's top, ink__place_span), and the page's columns pushed down by it still hold the
 * text set on it so far and the comments (*fits; estimated from their heights). */
static ink_status_t
fits_page_top (lay_t *L, size_t span, size_t ui, bool *fits)
{
  *fits = false;
  if (span == NO_FLOAT)
    return INK_OK;
  int64_t h = ink__float_height (L, span);
  if (L->snap.top > L->top && L->snap.top + h > L->bottom)
    return INK_OK;
  int64_t room = (int64_t) L->ncols * ((int64_t) L->bottom - L->snap.top - h);
  ink_status_t st = ink__units_ahead (L, ui, 0, room + 1);
  if (st == INK_OK)
    *fits = page_text_height (L, room) <= room;
  return st;
}

/* The comments start at unit ui: the floats still waiting go in before them, in the reading
 * order. One across the columns, when this page's top holds one already, is set at the
 * column's width and goes here, or else starts the next page; one for the next column goes
 * here if it fits, else at the next column's top, and the comments follow it. */
ink_status_t
ink__floats_before_comments (lay_t *L, size_t ui)
{
  ink_status_t st = INK_OK;
  L->cur_ui = ui;
  L->cur_k = 0;
  /* One across the columns that this page's top can still take is left to the end
   * (ink__finish_span sets the page again with it there, before the comments). */
  bool top_free = false;
  if (L->snap.pending_span == NO_FLOAT && !ink__span_on_page (L) &&
      (st = fits_page_top (L, L->pending_span, ui, &top_free)) != INK_OK)
    return st;
  top_free = top_free && ink__top_takes (L, L->pending_span);   /* two lines under it, too */
  if (L->pending_span != NO_FLOAT && !L->full && !top_free) {
    size_t span = L->pending_span, page = L->page;
    /* A float that waits for the next column goes in first: it does not take the
     * page's break with it when there is room for it on this page. */
    if (L->pending != NO_FLOAT && (st = ink__place_last (L)) != INK_OK)
      return st;
    if (L->page != page || L->full || L->pending_span == NO_FLOAT)
      return ink__place_last (L);
    bool narrowed = false;
    /* In the last column, one that cannot fit under the text even across the columns
     * starts the next page as it is. */
    bool next_page = L->col + 1 >= L->ncols && !L->col_empty &&
                     !ink__float_fits (L, span, L->y, L->col_bottom);
    bool ahead = L->pending != NO_FLOAT && ink__queues_ahead (L, span, L->pending);
    if ((L->pending == NO_FLOAT || ahead) && L->snap.pending_span != span && !next_page &&
        (st = ink__narrow_float (L, span, &narrowed)) != INK_OK)
      return st;
    if (narrowed) {
      /* It goes first: a pull quote waiting behind it follows it. */
      if (ahead)
        L->queue_last = L->queue_last != NO_FLOAT ? L->queue_last : L->pending;
      L->pending_span = NO_FLOAT;
      L->pending = span;
    } else {
      L->col = L->ncols;
      return ink__column_break (L);
    }
  }
  return ink__place_last (L);
}

/* Nothing but floats follows the flow's place to the end of the text, and nothing to share
 * the page with them after it: no comments, or comments that open a page of their own (the
 * template's comments-new-page); the units all built. */
static bool
ends_alone (lay_t *L)
{
  size_t end = ink__comments_start (L);
  return L->units_done && (end >= L->units.n || L->t->comments_new_page) &&
         !ink__text_within (L, L->cur_ui, end);
}

/* The float at the head of the queue is the last that waits, and no pull quote set under
 * the text's end that would stand on or beside another: the one a cut of its white keeps
 * off a page of its own. */
static bool
end_cut_wanted (lay_t *L)
{
  size_t q = L->pending;
  if (L->queue_last != NO_FLOAT && L->queue_last != q)
    return false;
  return !ink__is_quote (L, q) ||
         !(ink__after_quote (L) || ink__under_span_quote (L) ||
           ink__beside_quote (L, q, ink__float_y (L, q)));
}

/* Whether the float at the head of the queue goes under the column's text, above bottom:
 * the column is empty, or it fits there, or, in the page's last column with nothing after
 * it, it fits with its white cut (ink__end_float_cut), *cut quarters of it; *cut is 0
 * otherwise. */
static bool
goes_under (lay_t *L, int32_t bottom, bool more_cols, int *cut)
{
  size_t q = L->pending;
  *cut = 0;
  if (L->col_empty || ink__float_fits (L, q, (int64_t) L->y + L->units.v[q].space_before, bottom))
    return true;
  if (more_cols || !ends_alone (L) || !end_cut_wanted (L))
    return false;
  *cut = ink__end_float_cut (L, q, bottom);
  return *cut != 0;
}

/* The text ends (or the comments start) with a float still waiting: it goes under the
 * column's text when it fits, else at the next column's top. A pull quote is never set right
 * on another: one that would go right under a pull quote in its column goes to the next
 * column's top when this page has one free of a pull quote across the columns; one that
 * would go at a column's top right under a pull quote across the columns goes under this
 * column's text instead, down to the frame's foot when the column's bottom is one being
 * tried (balancing). In an article of pull quotes alone (ink__has_text), where every quote
 * stands on another wherever it goes, the bottom being tried holds for that one too, so that
 * the quotes can share the columns (jeju-quotes.ko, held out: two quotes in the first column,
 * three in the second and the source line alone in the third at every bottom tried); and
 * while its last page is balanced, or set again with the quote across its top at the
 * column's width (unstack.c, quotes_share), one goes under the one before it in its column
 * too (as first set, the quotes keep to the columns' tops). A short table goes only
 * where it fits whole (ink__table_waits). In the
 * page's last column, with nothing after it, the last waiting pull quote or related box a
 * little short of room goes in with less white around it (ink__end_float_cut): at the next page's
 * top it would open a page of floats alone. */
static ink_status_t
place_last_one (lay_t *L)
{
  if (ink__quote_blocked (L))
    return INK_OK;   /* it goes in after the one across the columns (ink__finish_span) */
  bool quote = ink__is_quote (L, L->pending);
  bool more_cols = L->col + 1 < L->ncols;
  bool span_quote = ink__span_quote_on_page (L);
  bool share = L->quotes_share || (L->balancing && !ink__has_text (L));
  if (quote && more_cols && !span_quote && !share && ink__after_quote (L))
    return ink__column_break (L);
  int32_t bottom = quote && more_cols && span_quote && ink__has_text (L) ? L->bottom : L->col_bottom;
  int cut;
  if (!goes_under (L, bottom, more_cols, &cut) || ink__table_waits (L))
    return ink__column_break (L);
  int32_t col_bottom = L->col_bottom;
  size_t page = L->page;
  unsigned col = L->col;
  L->col_bottom = bottom;
  L->late_cut = cut;   /* for ink__place_pending, which takes it */
  ink_status_t st = ink__place_pending (L);
  L->late_cut = 0;
  if (L->page == page && L->col == col)
    L->col_bottom = col_bottom;
  return st;
}

/* Every float still waiting goes in, in reading order (place_last_one). */
ink_status_t
ink__place_last (lay_t *L)
{
  ink_status_t st = INK_OK;
  while (st == INK_OK && L->pending != NO_FLOAT && !L->full) {
    size_t p = L->pending, page = L->page;
    unsigned col = L->col;
    st = place_last_one (L);
    if (L->pending == p && L->page == page && L->col == col)
      break;   /* it waits for text between it and a pull quote */
  }
  return st;
}
