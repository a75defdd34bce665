/* paginate/flow: the body's units flowed down the columns of each page: where a column
 * breaks, keep-with-next, widows and orphans. Units that are not paragraphs (pictures,
 * rules, spaces) are placed by flowbox.c; the pages and columns are opened by columns.c. */
#include "layout-internal.h"

static ink__colfit_in_t fit_in (const lay_t *L, size_t ui, size_t k0, size_t end, int32_t y);

/* A reader's comment or reply breaks between columns with two lines at the foot (under its
 * author) and two at the next top, however many the template keeps of the story's
 * paragraphs: its lines are short and ragged, and a page of a few comments shares its
 * columns evenly only so (with three each way, comments of four or five lines stand whole
 * and a page of comments ends its columns steps apart). */
#define COMMENT_KEEP 2u

static bool
is_comment (const setpara_t *p)
{
  return p->role == INK_ROLE_COMMENT || p->role == INK_ROLE_REPLY;
}

/* The fewest lines of paragraph p left at a column's foot. */
static unsigned
orphans_of (const lay_t *L, const setpara_t *p)
{
  return is_comment (p) && L->t->orphans > COMMENT_KEEP ? COMMENT_KEEP : L->t->orphans;
}

/* Whether paragraph p's last line is a full one, two thirds of its measure or more: only
 * such a line stands alone at a column's top, not a word or two. */
static bool
last_line_full (const setpara_t *p)
{
  if (!p->para.lines.n)
    return false;
  const ink__line_t *last = &p->para.lines.v[p->para.lines.n - 1];
  return (int64_t) last->width * 3 >= (int64_t) last->measure * 2;
}

/* The fewest lines of paragraph p carried to the next column's top: a comment's last line,
 * a full one, alone only as the last page's last tool (balance.c, balance_comment). */
static unsigned
widows_of (const lay_t *L, const setpara_t *p)
{
  if (is_comment (p) && L->comment_widow && last_line_full (p))
    return 1;
  return is_comment (p) && L->t->widows > COMMENT_KEEP ? COMMENT_KEEP : L->t->widows;
}

/* Unit ui can split across columns. */
bool
ink__unit_splits (const lay_t *L, const unit_t *u)
{
  return u->kind == U_PARA && !u->unsplittable &&
         u->p->para.lines.n >= (size_t) (orphans_of (L, u->p) + widows_of (L, u->p));
}

/* Where the first line of paragraph p goes when the flow is at y: on the paragraph's grid,
 * if it has one, below a column's top. */
int32_t
ink__on_grid (const lay_t *L, const setpara_t *p, int32_t y)
{
  if (p->grid > 0 && y > L->col_top)
    y = L->col_top + (y - L->col_top + p->grid - 1) / p->grid * p->grid;
  return y;
}

/* What unit ui must keep with it, from y: the units that keep with the next whole, then the
 * first lines of the one after (two; one of a list item; a box or an unsplittable unit all).
 * Floats in the columns after it that go in under it (with_float: they do not wait for the
 * text, widow.c, and fit), with running text or a block quote right after them, come
 * between: the text's first lines go under them (once one waits, those after it wait behind
 * it); else only the float's first unit is asked to fit. A float across the columns always
 * comes between, and adds nothing to the column. */
static bool
keeps_fit (const lay_t *L, size_t ui, int32_t y, bool with_float)
{
  size_t i = ui;
  bool queued = L->pending != NO_FLOAT;
  for (unsigned chain = 0; chain < 8; chain++, i++) {
    const unit_t *v = &L->units.v[i];
    bool waits = i > ui && v->float_len && ink__head_waits (L, i);
    bool between = with_float && ink__running_at (L, i + v->float_len);
    if (i > ui && v->float_len && (v->span ? !L->in_float : waits || between)) {
      /* It waits for the text or, not fitting, for the next column; else it goes in under
       * the head, the text after it: either way the text's first lines come next. One
       * across the columns waits for a page's foot or top (flow_span), taking no room here. */
      int64_t at = (int64_t) y + v->space_before;
      queued = queued || (!v->span && (waits || !ink__float_fits (L, i, at, L->col_bottom)));
      if (!queued && !v->span)
        y = (int32_t) (at + ink__float_height (L, i));
      i += v->float_len - 1;
      if (i + 1 >= L->units.n)
        return y <= L->col_bottom;
      continue;
    }
    if (i > ui)
      y += v->space_before;
    if (v->kind == U_ROW)
      y = ink__row_top (L, v, y);   /* a table's row on the grid goes on a step's top */
    if (i == ui || (v->keep_with_next && !ink__unit_splits (L, v) && i + 1 < L->units.n &&
                    !v->float_len)) {
      y += ink__unit_height (v, SIZE_MAX) + v->space_after;
      if (i + 1 >= L->units.n)
        return y <= L->col_bottom;
      continue;
    }
    if (v->kind != U_PARA)
      return y + v->h <= L->col_bottom + ink__row_slack (v);
    ink__colfit_in_t in = fit_in (L, i, 0, L->units.n, ink__on_grid (L, v->p, y));
    return ink__colfit_keeps (&in, v->p->role == INK_ROLE_LIST ? 1 : 2);
  }
  return y <= L->col_bottom;
}

/* Text unit ui can start at y in this column: a paragraph that splits with its first lines
 * (the template's orphans), one that does not whole, and one kept whole with the next (a
 * subhead, a list's lead-in) with the first lines of the one after. */
bool
ink__text_starts (const lay_t *L, size_t ui, int32_t y)
{
  const unit_t *u = &L->units.v[ui];
  if (u->kind != U_PARA || !u->p)
    return true;
  bool splits = ink__unit_splits (L, u);
  if (u->keep_with_next && !splits)
    return keeps_fit (L, ui, y, false);
  return (int64_t) y + ink__unit_height (u, splits ? orphans_of (L, u->p) : SIZE_MAX) <= L->col_bottom;
}

/* The most space above subhead unit ui, less than *before and down to half of it, under
 * which the lines it keeps fit in the column; false when none does. Less space above never
 * keeps fewer lines, so the space is found by halving the range. */
static bool
subhead_closer (const lay_t *L, size_t ui, int32_t *before, bool with_float)
{
  const unit_t *u = &L->units.v[ui];
  if (u->kind != U_PARA || !u->p || u->p->role != INK_ROLE_SUBHEAD)
    return false;
  int32_t lo = *before - *before / INK_SUBHEAD_GIVE_DIV, hi = *before - 1;   /* fits at lo? */
  if (hi < lo || !keeps_fit (L, ui, L->y + lo, with_float))
    return false;
  while (lo < hi) {   /* keeps fit at lo; the answer is in [lo, hi] */
    int32_t mid = lo + (hi - lo + 1) / 2;
    if (keeps_fit (L, ui, L->y + mid, with_float))
      lo = mid;
    else
      hi = mid - 1;
  }
  *before = lo;
  return true;
}

/* Unit u heads text: a subhead or a comment's author. */
bool
ink__heads_text (const unit_t *u)
{
  return u->kind == U_PARA && u->p && !u->float_len &&
         (u->p->role == INK_ROLE_SUBHEAD || u->p->role == INK_ROLE_COMMENT_AUTHOR);
}

/* A subhead, a comment's author, a list's short lead-in or a figure goes with the first
 * lines of what follows: when they do not fit here, the column breaks before it (*broke),
 * unless a subhead keeps them with less space above it (*before made smaller). */
static ink_status_t
keep_with_next (lay_t *L, size_t ui, int32_t *before, bool splits, bool *broke)
{
  const unit_t *u = &L->units.v[ui];
  *broke = false;
  if (!u->keep_with_next || splits || ui + 1 >= L->units.n ||
      ink__lead_in_ends_column (L, ui, L->y + *before))
    return INK_OK;
  if (L->col_empty) {
    /* Breaking gains nothing at a column's top; a column too short for a head and the lines
     * it keeps (a last page's balanced bottom) lets the keep through, for balancing to weigh. */
    L->strained |= ink__heads_text (u) && !keeps_fit (L, ui, L->y, false);
    return INK_OK;
  }
  /* A column of floats alone is not left so for the float under the head (the text after
   * it would go on in the next column, and the floats stand alone): the floats after the
   * head go before it instead, when it cannot keep them and its text here. */
  bool with_float = !ink__floats_only (L);
  if (!with_float && ink__heads_text (u) && !L->in_float && L->pending == NO_FLOAT &&
      !keeps_fit (L, ui, L->y + *before, true) && ink__floats_before_head (L, ui)) {
    *broke = true;   /* the flow takes up unit ui again: now the first float */
    return INK_OK;
  }
  /* Nor when the floats between it and its text would not leave the text's first lines room
   * at the column's top either: the break gains nothing and leaves this column short (a
   * page of two lines, the head and its floats on the next, its text on the one after). The
   * floats go before the head instead (headfloats.c), which follows them over its text. A
   * last page's trial bottoms are no column's depth: balancing weighs the break there. */
  bool tall = !L->balancing && !keeps_fit (L, ui, L->col_top, true);
  if (tall && ink__heads_text (u) && !L->in_float && L->pending == NO_FLOAT &&
      !keeps_fit (L, ui, L->y + *before, true) && ink__tall_floats_before_head (L, ui)) {
    *broke = true;   /* the flow takes up unit ui again: now the first float */
    return INK_OK;
  }
  with_float = with_float && !tall;
  if (keeps_fit (L, ui, L->y + *before, with_float) || subhead_closer (L, ui, before, with_float))
    return INK_OK;
  /* A picture on its last page that fits here made smaller keeps its caption (ink__flow_box). */
  bool late_fits = false;
  ink_status_t st = L->in_float ? ink__late_picture_fits (L, ui, &late_fits) : INK_OK;
  if (st != INK_OK || late_fits)
    return st;
  *broke = true;
  return ink__column_break (L);
}

/* Whether a line of paragraph p may stand alone at a column's foot or top, past the
 * template's orphans and widows: running text of three lines or more, while the page has
 * lone lines to spare (lone-lines). A full page's columns then end together far more often:
 * in columns a few lines deep, two-line keeps leave one a line short on most pages. Make-up
 * scores each such line (makeup.c), so balancing takes one only when it pays. */
static bool
lone_may (const lay_t *L, const setpara_t *p)
{
  return L->lone < L->t->lone_lines && p->para.lines.n >= 3 &&
         (p->role == INK_ROLE_BODY || p->role == INK_ROLE_LIST);
}

/* Whether paragraph role r belongs to a float: a pull quote, a related box, a caption. */
bool
ink__float_role (int r)
{
  return r == INK_ROLE_QUOTE || r == INK_ROLE_ATTRIBUTION || r == INK_ROLE_RELATED ||
         r == INK_ROLE_CAPTION || r == INK_ROLE_CREDIT;
}

/* The column fit's question for unit ui from line k0 when the first goes at y. */
static ink__colfit_in_t
fit_in (const lay_t *L, size_t ui, size_t k0, size_t end, int32_t y)
{
  const unit_t *u = &L->units.v[ui];
  const setpara_t *p = u->p;
  ink__colfit_in_t in = { 0 };
  in.heights = p->heights;
  in.nlines = p->para.lines.n;
  in.from = k0;
  in.room = L->col_bottom - y;
  in.slack = INK_COLFIT_SLACK;
  in.orphans = orphans_of (L, p);
  in.widows = widows_of (L, p);
  if (lone_may (L, p)) {
    in.orphans = 1;
    /* Only a full line goes alone to the top of a column, and not over a float that could
     * not wait for text after it there (ink__float_follows), nor under one that waits to
     * open the next column (ink__float_opens_next, ink__widow_strays). */
    if (last_line_full (p) && !ink__float_follows (L, ui, end) && !ink__float_opens_next (L) &&
        !ink__widow_strays (L, ui))
      in.widows = 1;
  }
  /* Not alone under a float: colfit.c keeps two lines there, or none (under_float). A
   * column of floats alone may take a paragraph's first line alone only where its foot is
   * the frame's: on the last page, whose columns balancing sets short, the orphans rule holds
   * under them too, and balancing sets the column a line deeper or the line in the next. */
  in.under_float = L->float_above;
  in.floats_only = L->float_above && ink__floats_only (L) &&
                   !(L->balancing && L->col_bottom < L->bottom);
  in.cap_lines = p->cap ? p->cap_lines : 0;
  in.unsplittable = u->unsplittable;
  /* An empty column may take a line that does not fit (rather than loop) only when it is a
   * whole column: one under the head or a float that cannot hold a line is passed by. */
  in.col_empty = L->col_empty && (ink__whole_column (L) || k0 >= in.nlines ||
                                  p->heights[k0] <= in.room);
  /* The source line stays with the paragraph before it on the page; within a page, the next
   * column may begin with it alone. A list's lead-in stays with its first item (leadfoot.c). */
  in.keep_next = u->keep_with_next && ui + 1 < end &&
                 (L->col + 1 >= L->ncols || L->units.v[ui + 1].p == NULL ||
                  L->units.v[ui + 1].p->role != INK_ROLE_SOURCE) &&
                 (k0 > 0 || ink__unit_splits (L, u) || !ink__lead_in_ends_column (L, ui, y));
  if (in.keep_next)
    in.next_height = L->units.v[ui + 1].space_before + ink__unit_height (&L->units.v[ui + 1], 2);
  return in;
}

/* How many lines of unit ui, from line k0, go in this column when the first goes at y: the
 * column fit (colfit.c) with this unit's lines and rules; *strained says a rule gave way. */
static size_t
para_fit (lay_t *L, size_t ui, size_t k0, size_t end, int32_t y, bool *strained, bool *alone)
{
  ink__colfit_in_t in = fit_in (L, ui, k0, end, y);
  ink__colfit_t r = ink__colfit (&in);
  *strained = r.strained;
  *alone = r.alone;
  return r.fit;
}

/* The lines of paragraph unit ui from line k0, down as many columns as they need. When the
 * pages run out, the rest is counted and *stop says the flow ends here. */
static ink_status_t
flow_para (lay_t *L, size_t ui, size_t k0, size_t end, int32_t before, bool *stop)
{
  ink_status_t st;
  setpara_t *p = L->units.v[ui].p;
  size_t n = p->para.lines.n;
  *stop = false;
  while (k0 < n) {
    if (L->full) {
      *stop = true;
      return ink__count_overflow (L, ui, k0);
    }
    int32_t y = L->y + (L->col_empty ? 0 : (k0 ? 0 : before));
    y = ink__on_grid (L, p, y);
    bool strained, alone, again = false;
    size_t fit = para_fit (L, ui, k0, end, y, &strained, &alone);
    if (fit && k0 + fit < n && p->para.lines.v[k0 + fit - 1].hyphenated && !L->trial &&
        (st = ink__foot_unhyphen (L, p, k0, k0 + fit - 1, &again)) != INK_OK)
      return st;
    if (again)
      fit = para_fit (L, ui, k0, end, y, &strained, &alone);
    L->strained |= strained;
    if (fit && k0 + fit < n &&
        ((k0 == 0 && fit < orphans_of (L, p)) || n - k0 - fit < widows_of (L, p) || alone))
      L->lone++;   /* a line let stand alone (lone_may, or under a float in colfit.c) */
    L->lone_float |= alone;
    L->head_opens_col |= fit && k0 == 0 && L->col_empty && L->col > 0 &&
                         p->role == INK_ROLE_SUBHEAD;
    for (size_t k = 0; k < fit; k++) {
      if ((st = ink__emit_line (L, p, k0 + k, ink__col_x (L) + p->x_off, y)) != INK_OK)
        return st;
      y += ink__line_height (p, &p->para.lines.v[k0 + k]);
    }
    if (fit && k0 + fit < n && p->para.lines.v[k0 + fit - 1].hyphenated)
      L->doc->lines.v[L->doc->lines.n - 1].foot_hyphen = true;
    if (fit) {
      /* A paragraph's last line alone at the top of the column (widow.c). */
      L->widow_top = L->col_empty && k0 > 0 && fit == 1 && k0 + fit == n;
      L->col_empty = false;
      L->float_above = ink__float_role (p->role) || ink__ends_table_float (L, ui);
    }
    L->y = y;
    k0 += fit;
    L->cur_k = k0;
    if (k0 < n && (st = ink__column_break (L)) != INK_OK)
      return st;
  }
  /* Read afresh: a column break may add units (a quote set again at the column's width) and
   * move the array. */
  L->y += L->units.v[ui].space_after;
  return INK_OK;
}

/* Unit ui is a subhead that heads no running text: floats alone, or nothing, follow it before
 * the comments (false while the units to the comments are not all built). */
static bool
heads_no_text (lay_t *L, size_t ui)
{
  const unit_t *u = &L->units.v[ui];
  if (u->kind != U_PARA || !u->p || u->float_len || u->p->role != INK_ROLE_SUBHEAD)
    return false;
  size_t end = ink__comments_start (L);
  if (end == L->units.n && !L->units_done)
    return false;
  for (size_t i = ui + 1; i < end; i++) {
    const unit_t *v = &L->units.v[i];
    if (v->float_len)
      i += v->float_len - 1;
    else if (v->kind == U_ROW || (v->kind == U_PARA && v->p && v->p->role != INK_ROLE_SUBHEAD))
      return false;
  }
  return true;
}

/* The floats waiting before subhead unit ui and the subhead with what it keeps after them
 * fit the column where the first goes: this one under the flow, else the next column's or
 * page's top when this column holds text (one of floats alone while the subhead goes on
 * would be an empty column). */
static bool
head_follows_floats (lay_t *L, size_t ui)
{
  size_t q = L->pending;
  int64_t y = ink__float_y (L, q);
  if (!ink__float_fits (L, q, y, L->col_bottom)) {
    if (ink__floats_only (L))
      return false;
    y = L->col + 1 < L->ncols ? L->col_top : L->top;
  }
  for (size_t i = q; i < ui; i++) {
    const unit_t *v = &L->units.v[i];
    if (v->float_len && !v->span) {
      y += ink__float_height (L, i);
      i += v->float_len - 1;
    }
  }
  return y <= L->col_bottom && ink__text_starts (L, ui, (int32_t) y);
}

/* The text ran out before the column did: the float still waiting goes where the text ends. */
static ink_status_t
place_last_float (lay_t *L, size_t end)
{
  L->cur_ui = end;
  L->cur_k = 0;
  return ink__place_last (L);
}

/* At most this many units back from a unit the first unit of a float set where the flow
 * met it is looked for (inside_float): a short table's float, its subhead, lead-in, header
 * and TABLE_WHOLE_ROWS rows, is the longest that goes in the flow whole. */
enum { FLOAT_LOOK_BACK = 16 };

/* Unit ui, just set, is inside a float that went in where the flow met it, and not its last
 * unit: a float that waits goes in after that float, not between its units (between a
 * short table's lead-in and its rows, engine-works kiosk-7.5 p4 set the related link that
 * waited for the table there, and the rows went to the next column). */
static bool
inside_float (const lay_t *L, size_t ui)
{
  for (size_t j = ui + 1; j-- > 0 && ui - j < FLOAT_LOOK_BACK;)
    if (L->units.v[j].float_len)
      return j + L->units.v[j].float_len > ui + 1 && L->units.v[j].placed_page == L->page;
  return false;
}

/* Unit ui, just set, heads text (a subhead, a comment's author), and the float that waits,
 * set under it, would leave no room for two lines of that text above the column's foot: the
 * head would end the column with none of its text under it, the float between them
 * (hillside-repairs reader-6 p3: a subhead, a pull quote under it, and its paragraph on the
 * next page). The float waits for a later place. */
static bool
strands_head (const lay_t *L, size_t ui)
{
  if (!ink__heads_text (&L->units.v[ui]))
    return false;
  size_t q = L->pending;
  int64_t y = (int64_t) L->y + L->units.v[q].space_before + ink__float_height (L, q);
  return y + 2 * (int64_t) ink__text_step (L) > L->col_bottom;
}

/* Unit ui is the source line of an article with no running text before it (floats alone):
 * the floats still waiting go in before it, which ends the article. An article of pull quotes
 * set it at the top of its first column, over every quote, the quotes waiting for text to
 * stand apart (jeju-quotes.ko, held out). In an article with text, floats that wait at the
 * source line go in as the text ends, and early.c sets them back among its paragraphs. */
static bool
source_line (const lay_t *L, size_t ui)
{
  const unit_t *u = &L->units.v[ui];
  return u->kind == U_PARA && u->p && !u->float_len && u->p->role == INK_ROLE_SOURCE &&
         !ink__text_within (L, 0, ui);
}

/* Unit ui opens text the layout's float order holds across the page (floatorder.c) while
 * the float across the columns that comes before it in the article waits for the next page's
 * top, and no float waits for a column: the text starts that page, under the float, rather
 * than end the story on this one with the float read after it. */
static bool
held_for_span (const lay_t *L, size_t ui)
{
  size_t span = L->pending_span;
  return span != NO_FLOAT && L->pending == NO_FLOAT && span < ui &&
         L->units.v[span].placed_page == SIZE_MAX && ink__order_holds (L, ui, true);
}

/* Flows units [ui, end) from line k0 of the first, until they end or the pages do. */
ink_status_t
ink__flow_range (lay_t *L, size_t ui, size_t k0, size_t end)
{
  ink_status_t st;
  for (; ui < end; ui++, k0 = 0) {
    if (L->full)
      return ink__count_overflow (L, ui, k0);
    if (!L->in_float && k0 == 0 && ui == ink__comments_start (L)) {
      if ((st = ink__floats_before_comments (L, ui)) != INK_OK)
        return st;
      if (L->full)
        return ink__count_overflow (L, ui, k0);
    }
    /* The floats still waiting go in before a subhead that heads no text: set after it
     * they would read after the end of the story. So they do before text the layout's
     * float order holds for them (floatorder.c), and, on the last page, before the text
     * after a short table whose float holds its lead-in (table.c, ink__lead_in_waits). */
    if (!L->in_float && k0 == 0 && L->pending != NO_FLOAT &&
        ((heads_no_text (L, ui) && head_follows_floats (L, ui)) || ink__order_holds (L, ui, false) ||
         source_line (L, ui) || ink__lead_in_waits (L, ui))) {
      L->cur_ui = ui;
      L->cur_k = 0;
      if ((st = ink__place_last (L)) != INK_OK)
        return st;
      if (L->full)
        return ink__count_overflow (L, ui, k0);
    }
    if (!L->in_float && k0 == 0 && held_for_span (L, ui)) {
      L->cur_ui = ui;
      L->cur_k = 0;
      bool beside = false;   /* a pull quote opens this page's next column (heldquote.c) */
      if ((st = ink__held_quote_beside (L, &beside)) != INK_OK)
        return st;
      if (!beside) {
        L->col = L->ncols;
        if ((st = ink__column_break (L)) != INK_OK)
          return st;
      }
      if (L->full)
        return ink__count_overflow (L, ui, k0);
    }
    if (k0 == 0 && ink__lead_in_left (L, ui)) {
      L->cur_ui = ui;
      L->cur_k = 0;
      if ((st = ink__column_break (L)) != INK_OK)
        return st;
      if (L->full)
        return ink__count_overflow (L, ui, k0);
    }
    const unit_t *u = &L->units.v[ui];
    L->cur_ui = ui;
    L->cur_k = k0;
    int32_t before = (L->col_empty || k0) ? 0 : u->space_before;
    bool done;
    if ((st = ink__flow_float (L, &ui, before, &done)) != INK_OK)
      return st;
    if (done)
      continue;
    u = &L->units.v[ui];   /* a pull quote set again at the column's width moved the units */
    if (u->float_len)
      L->units.v[ui].placed_page = L->page;   /* a float goes in where the flow is */
    if (u->float_len && !L->in_float && ink__is_quote (L, ui) &&
        ink__quote_stagger (L, ui, &before))
      L->strained = L->stacked = true;   /* beside another: a rule let through */
    /* A unit taken up again past its first line (a head longer than a column) has been split
     * already: its keep was weighed where it began, and breaking now would set it again from
     * its first line. */
    bool splits = k0 > 0 || ink__unit_splits (L, u);
    if ((st = keep_with_next (L, ui, &before, splits, &done)) != INK_OK)
      return st;
    if (done) {
      ui--;   /* then the loop's ++ returns to this unit */
      continue;
    }
    if (u->kind != U_PARA) {
      if ((st = ink__flow_box (L, ui, end, before, &done)) != INK_OK)
        return st;
      if (done)
        ui--;
      /* A float that waited while a table went on goes in under its last row. Read afresh: a
       * page break unit breaks the column, which may set a pull quote again and move the
       * units. */
      if (done || L->units.v[ui].kind != U_ROW || ink__row_continues (L, ui + 1))
        continue;
    } else if ((st = flow_para (L, ui, k0, end, before, &done)) != INK_OK || done) {
      return st;
    }
    /* A float that waited for text above it goes in after this paragraph, if it fits
     * (on the last page it may go on, with less white: latespace.c). */
    if (L->pending != NO_FLOAT && !L->in_float && !L->col_empty &&
        ink__float_may_follow (L, ui, end) && !strands_head (L, ui) && !inside_float (L, ui) &&
        !ink__widow_holds (L, ui) && (st = ink__place_under_text (L)) != INK_OK)
      return st;
  }
  if (end == L->units.n && !L->in_float && L->pending != NO_FLOAT)
    return place_last_float (L, end);
  return INK_OK;
}

ink_status_t
ink__flow (lay_t *L, size_t ui, size_t k0)
{
  return ink__flow_range (L, ui, k0, L->units.n);
}

ink_status_t
ink__flow_all (lay_t *L)
{
  ink_status_t st = ink__flow_pages (L);
  return st == INK_OK ? ink__flow_end (L) : st;
}

/* The last page, set as far as the text goes, balanced, with a float across its columns
 * that still waits placed and pull quotes kept off one another. Floats still waiting when
 * the page was balanced may start a page more (with the text's last lines the flow sets
 * after them): that page, now the last, is balanced in its turn. Balanced as the page
 * before's trials only, sapporo-snow.ja kiosk-7.5 ended on a page of two lines, a pull
 * quote, a related link and a line in its first column and one line in its second. */
ink_status_t
ink__settle_last_page (lay_t *L)
{
  size_t page = L->snap.page;
  ink_status_t st = ink__balance (L);
  if (st == INK_OK)
    st = ink__finish_span (L);
  if (st == INK_OK && L->snap.page != page && !L->full) {
    st = ink__balance (L);
    if (st == INK_OK)
      st = ink__finish_span (L);
  }
  if (st == INK_OK)
    st = ink__unstack_last_page (L);
  if (st == INK_OK)
    st = ink__widen_last_page (L);
  return st;
}

/* After the text has ended (or the pages): the last page balanced, a float still waiting
 * placed, and what is left counted as overflow; a last page of comments that cannot end
 * its columns together, or ends one on an author's line, set in fewer, wider columns or in
 * one (commentcol.c). */
ink_status_t
ink__flow_end (lay_t *L)
{
  ink_status_t st = ink__settle_last_page (L);
  if (st == INK_OK)
    st = ink__quote_off_head (L);
  if (st == INK_OK)
    st = ink__quote_off_foot (L);
  if (st == INK_OK)
    st = ink__table_off_end (L);
  if (st == INK_OK)
    st = ink__float_before_end (L);
  if (st == INK_OK && !L->order.trial)
    st = ink__quote_last_foot (L);
  if (st == INK_OK && !L->order.trial)
    st = ink__comments_band (L);
  /* Out of pages with floats still waiting: they are overflow too. */
  size_t span = L->pending_span, from = ink__take_span_rest (L);
  L->pending_span = NO_FLOAT;
  if (st == INK_OK)
    st = ink__drop_queue (L, L->units.n);
  if (st == INK_OK && span != NO_FLOAT)
    st = ink__count_overflow_range (L, from, 0, span + L->units.v[span].float_len);
  if (st == INK_OK)
    st = ink__comments_across (L);
  return st;
}
