/* paginate/leadfoot: a list's lead-in that ends a column before the page's last. A list's
 * lead-in (the paragraph right before its first item, "...the plan has three parts:") keeps
 * with that item, and where the two do not fit under a column's text the column breaks
 * before the lead-in. When that break leaves the column room for two more lines or more,
 * the page ends short (uneven-full-page), and the make-up search (pages.c) finds no setting
 * that fills it: on kiosk-7.5 a three-line lead-in and its first item went to column 2 and
 * left column 1 three and four line steps short (held-out Arabic and Urdu articles). A
 * make-up editor then ends the column with the lead-in, its colon at the foot and the list at
 * the top of the next column beside it on the same page, as the next column may begin with
 * the source line alone. This is the search's last tool (ink__even_lead_in): the page is set
 * again with its lead-ins so freed (unit_t.ends_column), and kept so only when its columns
 * then end together and full at a better score than before. A lead-in ends a
 * column so only when set whole (too short to split) and fitting whole under the column's
 * text, never in the page's last column (the reader does not turn the page between a lead-in
 * and its list), and not while a float waits for the next column: it would open that column
 * between the lead-in and the list (the make-up check's float-in-list). */
#include "even.h"

/* The white a column break before the lead-in would leave, in line steps, from which the
 * lead-in ends the column rather than go with its list: room for two more lines makes a
 * full page short (the make-up check's uneven-full-page). */
#define LEAD_IN_FOOT_STEPS 2

/* At most this many lead-ins of one page are freed. */
#define LEAD_INS_MOST 8

/* Whether unit u, a body paragraph, is the lead-in of the list item next after it. */
static bool
list_lead_in (const unit_t *u, const unit_t *next)
{
  return u->kind == U_PARA && u->p && !u->float_len && u->p->role == INK_ROLE_BODY &&
         u->keep_with_next && next->kind == U_PARA && next->p && !next->float_len &&
         next->p->role == INK_ROLE_LIST && u->block >= 0 && next->block == u->block + 1;
}

/**
 * ink__lead_in_ends_column:
 * @L: the layout, the flow in a page's column
 * @ui: a unit kept whole with the next (it does not split)
 * @y: where its first line goes
 *
 * Return value: whether unit @ui is a list's lead-in freed by ink__even_lead_in that ends
 * this column, free of its keep with the list's first item: the column is not the page's
 * last, no float waits for the next, the lead-in fits whole from @y, and breaking before it
 * would leave LEAD_IN_FOOT_STEPS line steps of white or more.
 */
bool
ink__lead_in_ends_column (const lay_t *L, size_t ui, int32_t y)
{
  if (L->in_float || L->col_empty || L->pending != NO_FLOAT || L->col + 1 >= L->ncols ||
      ui + 1 >= L->units.n)
    return false;
  const unit_t *u = &L->units.v[ui];
  if (!u->ends_column || !list_lead_in (u, &L->units.v[ui + 1]) || u->p->step <= 0)
    return false;
  int64_t white = (int64_t) L->col_bottom - y;
  return (int64_t) y + ink__unit_height (u, SIZE_MAX) <= L->col_bottom &&
         white >= (int64_t) LEAD_IN_FOOT_STEPS * u->p->step;
}

/* The list lead-ins of the page e's best setting sets on trial (at most LEAD_INS_MOST, into
 * ui), not yet freed; returns how many. */
static size_t
page_lead_ins (const lay_t *L, const even_t *e, size_t *ui)
{
  size_t n = 0;
  for (size_t i = e->sn.ui; i + 1 < L->units.n && i <= L->next.ui && n < LEAD_INS_MOST; i++)
    if (!L->units.v[i].ends_column && list_lead_in (&L->units.v[i], &L->units.v[i + 1]))
      ui[n++] = i;
  return n;
}

/* The page of e flowed again from its start with its columns down to the frame's foot, and
 * evened (ink__even_search) into e; *fault when it still ends its columns apart or short. */
static ink_status_t
even_again (lay_t *L, even_t *e, bool *fault)
{
  int32_t full[INK_MAKEUP_MAX_COLS];
  bool set, clean;
  *fault = true;
  ink__cols_at_foot (L, full);
  L->trial = true;
  ink_status_t st = ink__set_page_cols (L, &e->sn, full);
  L->trial = false;
  if (st != INK_OK || !L->broke || L->doc->pages.n != e->sn.page + 1)
    return st;
  if ((st = ink__even_search (L, e, &set)) == INK_OK)
    st = ink__even_fault (L, e, fault, &clean);
  if (st == INK_OK && (!L->broke || L->doc->pages.n != e->sn.page + 1))
    *fault = true;   /* the text now ends on the page: the last page's business */
  return st;
}

/**
 * ink__even_lead_in:
 * @L: the layout, the page of e->sn evened (pages.c)
 * @e: its best setting, replaced when the page is set with its lead-ins freed
 * @set: set: the page is to be set again with @e
 *
 * The last tool for a full page whose columns still end apart or short once evened: the
 * lead-ins of the lists on it are freed to end a column (see the file's head) and the page is
 * flowed and evened again; that is kept when its columns then end together and full, at a
 * better score. Else the page's units and paragraphs are set back as they were (ink__lead_keep)
 * and so is its best setting.
 *
 * Return value: INK_OK, or the error that stopped it.
 */
ink_status_t
ink__even_lead_in (lay_t *L, even_t *e, bool *set)
{
  bool fault, clean;
  if (!*set)
    return INK_OK;   /* as flowed, its columns end together and full */
  ink_status_t st = ink__even_fault (L, e, &fault, &clean);
  size_t ui[LEAD_INS_MOST], n;
  if (st != INK_OK || !fault || !L->broke || !(n = page_lead_ins (L, e, ui)))
    return st;
  const even_t e0 = *e;
  ink__lead_keep_t k = { 0 };
  if ((st = ink__lead_keep (L, &e->sn, &k)) != INK_OK)
    return st;
  for (size_t i = 0; i < n; i++)
    L->units.v[ui[i]].ends_column = true;
  st = even_again (L, e, &fault);
  if (st == INK_OK && (fault || e->best_cost >= e0.best_cost)) {
    st = ink__lead_keep_back (L, &k);   /* the lead-ins kept with their lists again */
    *e = e0;
  }
  ink__lead_keep_free (L, &k);
  *set = true;
  return st;
}
