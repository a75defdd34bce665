/* paginate/tallspan: a table across the columns taller than a page goes in where the text
 * meets it.
 *
 * A float across the columns that the flow meets below a page's top waits for the next
 * page's top, and the text after it goes on in the columns (flowfloat.c): a pull quote or a
 * short table so set is read a little late. A table taller than a page is no such float: it
 * breaks at the pages' feet (spanrows.c), and a timetable of 120 trips waited for page 2
 * while all the text after it, its pull quote and its chart, filled page 1 and was read
 * before it; the paragraph that page 1 broke went on under the table's last row, three pages
 * on (tunnel timetable, own articles, kiosk-10.3 and print-a4). A make-up editor sets such a
 * table in its turn: the text before it balanced in the columns over it, the table across the
 * page under them down to its foot, its rest on the next pages under its header drawn again,
 * and the text after it under its last row. When the page has no room under that text for
 * the header and two rows, the text before it ends the page, balanced, and the table opens
 * the next. The page is then set as such, not evened. */
#include "makeup.h"
#include "table.h"

#include <string.h>

/* Body rows of a table that must go in under its header where it starts below a page's top:
 * fewer would stand alone at the page's foot. */
#define TALL_FIRST_ROWS 2

/* The table at unit span does not fit a whole page: set anywhere, it breaks at a foot. */
static bool
tall_table (const lay_t *L, size_t span)
{
  return ink__is_table (L, span) && ink__float_height (L, span) > L->bottom - L->top;
}

/* The page flowed from L->snap met the table at unit span, taller than a page and not yet
 * begun (`rest`, where it goes on, is NO_FLOAT), that waits for the next page's top; no other
 * float across the columns went in on the page. */
static bool
tall_waits (const lay_t *L, size_t span, size_t rest)
{
  size_t page = L->snap.page;
  if (span == NO_FLOAT || span >= L->units.n || rest != NO_FLOAT ||
      L->snap.pending_span != NO_FLOAT || span < L->snap.ui || L->ncols > INK_MAKEUP_MAX_COLS ||
      L->doc->pages.n != page + 1 || !tall_table (L, span))
    return false;
  for (size_t i = 0; i < L->units.n; i++)
    if (L->units.v[i].span && L->units.v[i].placed_page == page)
      return false;
  return true;
}

/* The lowest foot of what the page being set holds, or its columns' top. */
int32_t
ink__page_foot (const lay_t *L)
{
  const ink__page_t *pg = &L->doc->pages.v[L->page];
  int32_t bottom = L->snap.top;
  for (size_t i = 0; i < pg->ni; i++) {
    const ink__item_t *it = &L->doc->items.v[pg->i0 + i];
    if (it->y + it->h > bottom)
      bottom = it->y + it->h;
  }
  return bottom;
}

/* The height of the table at unit span down to its first `rows` body rows, its header and
 * what goes before it included. */
static int64_t
head_height (const lay_t *L, size_t span, unsigned rows)
{
  size_t end = span + L->units.v[span].float_len;
  int64_t h = 0;
  unsigned seen = 0;
  for (size_t i = span; i < end && i < L->units.n; i++) {
    const unit_t *u = &L->units.v[i];
    h += (i > span ? u->space_before : 0) + ink__unit_height (u, SIZE_MAX);
    if (u->kind == U_ROW && !u->row->header && ++seen == rows)
      return h;
    h += u->space_after;
  }
  return h;
}

/* The text of the page before the table at unit span, from sn, balanced in its columns;
 * the page holds it all, nothing waiting or counted as overflow, and its columns end on one
 * baseline, every one holding lines, as a full page's do (midspan.c sets a band over a pull
 * quote at a page's foot so). */
static ink_status_t
set_band (lay_t *L, const snap_t *sn, size_t span, bool *held)
{
  ink_status_t st = ink__set_band (L, sn, span);
  *held = st == INK_OK && !L->full && L->doc->pages.n == sn->page + 1 &&
          L->pending == NO_FLOAT && L->pending_span == NO_FLOAT &&
          L->doc->overflow_blocks == sn->overflow_blocks &&
          L->doc->overflow_chars == sn->overflow_chars;
  if (!*held)
    return st;
  int32_t low;
  int64_t spread;
  ink__makeup_cols_t c;
  ink__page_ends (L, sn, &low, &spread, NULL);
  ink__measure_page (L, sn, ink__line_step (L), &c);
  for (unsigned i = 0; i < c.ncols; i++)
    *held = *held && c.lines[i] > 0;
  *held = *held && spread == 0;
  return st;
}

/* The band over the table at unit span, set from sn: as its paragraphs fall, else with one
 * of those wholly in it set a line shorter or longer (the first that ends its columns
 * together, *held; the others as they were). */
static ink_status_t
set_before (lay_t *L, const snap_t *sn, size_t span, bool *held)
{
  ink_status_t st = set_band (L, sn, span, held);
  for (size_t ui = sn->ui + (sn->k > 0); ui < span && st == INK_OK && !*held; ui++) {
    if (!ink__loose_para (&L->units.v[ui]))
      continue;
    setpara_t *p = L->units.v[ui].p;
    bool met;
    for (int loose = -1; loose <= 1 && st == INK_OK && !*held; loose += 2)
      if ((st = ink__set_para_looseness (L, p, loose, true, &met)) == INK_OK && met)
        st = set_band (L, sn, span, held);
    if (st == INK_OK && !*held)
      st = ink__set_para_looseness (L, p, 0, true, &met);
  }
  return st;
}

/* The table at unit span set under all the page holds, down to the page's foot, when the
 * header and its first rows fit there; else it waits for the next page's top. The page is
 * then full: the text goes on after the table. */
static ink_status_t
set_table (lay_t *L, size_t span, const snap_t *sn)
{
  int32_t top = ink__page_foot (L);
  top += top > sn->top ? L->units.v[span].space_before : 0;
  L->pending_span = span;
  L->span_rest = NO_FLOAT;
  ink_status_t st = INK_OK;
  if ((int64_t) top + head_height (L, span, TALL_FIRST_ROWS) <= L->bottom) {
    L->col_top = top;
    L->span_low = true;
    st = ink__place_span (L);
    L->span_low = false;
    L->doc->pages.v[sn->page].band_top = top > sn->top ? sn->top : 0;
  }
  L->col_top = L->y = L->bottom;
  L->col_empty = true;
  L->cur_ui = span + L->units.v[span].float_len;
  L->cur_k = 0;
  return st == INK_OK ? ink__flow (L, L->cur_ui, 0) : st;
}

/* Sets the page of L->snap again with the table at unit span in its turn under the text
 * before it, the flow stopped before the next page (*set); else as it was. */
static ink_status_t
table_in_turn (lay_t *L, size_t span, bool *set)
{
  size_t first = ink__snap_first_unit (&L->snap), nsaved = L->units.n - first;
  unit_t *saved = ink__units_copy (L, first, nsaved);
  if (!saved)
    return INK_NO_MEMORY;
  const ink__page_t pg = L->doc->pages.v[L->snap.page];
  snap_t sn = L->snap;
  size_t page_limit = L->page_limit;
  L->page_limit = sn.page + 1;
  bool held;
  ink__restore_snap (L, &sn, L->bottom);   /* the floats after the table unplaced, too */
  ink_status_t st = set_before (L, &sn, span, &held);
  if (st == INK_OK && held)
    st = set_table (L, span, &sn);
  *set = st == INK_OK && held && L->broke && L->doc->pages.n == sn.page + 1 &&
         L->next.overflow_blocks == sn.overflow_blocks &&
         L->next.overflow_chars == sn.overflow_chars;
  if (st == INK_OK && !*set) {
    memcpy (L->units.v + first, saved, nsaved * sizeof *saved);
    L->doc->pages.v[sn.page] = pg;
    L->page_limit = page_limit;
    ink__restore_snap (L, &sn, L->bottom);
    L->broke = false;
    L->strained = false;
    st = ink__resume_snap (L, &sn);
  }
  L->page_limit = page_limit;
  L->snap = sn;
  ink__realloc_array (L->ctx, saved, nsaved, 0, sizeof *saved);
  return st;
}

/**
 * ink__tall_table_here:
 * @L: the layout, the page of L->snap just flowed, the flow stopped before the next
 * @set: set when the page was set again so (the caller leaves it as it is)
 *
 * When a table across the columns taller than a page, met on this page, waits for the next
 * page's top while the text after it goes on here, sets the page again with the table in its
 * turn under the text before it (see the file's head). The flow then stops before the next
 * page, where the table goes on; else the page is set as it was.
 *
 * Return value: INK_OK, or the error that stopped it.
 */
ink_status_t
ink__tall_table_here (lay_t *L, bool *set)
{
  *set = false;
  size_t span = L->next.pending_span;
  return L->broke && tall_waits (L, span, L->next.span_rest) ? table_in_turn (L, span, set)
                                                               : INK_OK;
}

/**
 * ink__tall_table_last:
 * @L: the layout, the text ended on the page of L->snap, the last, not yet balanced
 * @set: set when the page was set again so, the flow stopped before the next page
 *
 * So too when the text ends on the page with such a table still waiting: all the text after
 * it was set on the page, before it. The text after the table then goes on under its last
 * row; else the page is as it was.
 *
 * Return value: INK_OK, or the error that stopped it.
 */
ink_status_t
ink__tall_table_last (lay_t *L, bool *set)
{
  *set = false;
  size_t span = L->pending_span;
  return !L->broke && !L->full && tall_waits (L, span, L->span_rest)
             ? table_in_turn (L, span, set)
             : INK_OK;
}
