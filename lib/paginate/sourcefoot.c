/* paginate/sourcefoot: the source line at the foot of the article's last page.
 *
 * A last page that holds the end of a paragraph that cannot be shared between its columns
 * (three lines, with widows and orphans of two) and the source line is balanced with the
 * lines in the first column and the source line alone at the next column's top, rather than
 * with that column empty: the source line, in its smaller type, then ends a line step and
 * more above the text (held-out live pages and inquest rulings on kiosk-10.3: 63.5 px, the
 * make-up check's unbalanced-last-page). A make-up editor sets such a source line at the
 * foot of the article: level with the text's last line. So once the document is laid out, a
 * column of the last page that holds the source line alone, beside a column of running
 * text, comes down so that its last line ends on the deepest column's last baseline, by as
 * much as vertical justification puts at one place at most ([flow] vertical-justify, in line
 * steps). A finishing step, like ink__head_open: no choice of the layout's turns on it (done
 * in vjust.c while balancing, a held-out page's search of settings then set its pull quote
 * across the page's foot under the source line, where it had stood at a column's top). */
#include "vjust.h"

/* Whether column c holds lines of the source line and nothing else. */
static bool
source_alone (const column_t *c)
{
  for (size_t i = 0; i < c->n; i++)
    if (c->v[i].role != INK_ROLE_SOURCE)
      return false;
  return c->n > 0;
}

/* Whether column c holds a line of running text (a paragraph's, a list's, a block quote's). */
static bool
holds_text (const column_t *c)
{
  for (size_t i = 0; i < c->n; i++)
    if (c->v[i].kind == P_TEXT)
      return true;
  return false;
}

/* The page's column holding the source line alone, beside one of running text; -1 when none.
 * *deepest: the lowest last baseline of the columns of running text. */
static int
source_column (const area_t *a, int32_t *deepest)
{
  column_t c;
  int source = -1;
  bool text = false;
  *deepest = INT32_MIN;
  for (unsigned k = 0; k < a->L->ncols; k++) {
    ink__vj_gather (a, k, &c);
    if (!c.whole)
      return -1;
    if (source_alone (&c))
      source = (int) k;
    else if (holds_text (&c)) {
      text = true;
      *deepest = c.end > *deepest ? c.end : *deepest;
    }
  }
  return text ? source : -1;
}

/**
 * ink__source_foot:
 * @L: the layout, every page set
 * @doc: the document page @page of which is the article's last (the layout's, or a pager's
 * page of its own)
 * @page: that page
 *
 * Lets the source line down to the foot of the last page's text; see the file's head.
 */
void
ink__source_foot (lay_t *L, ink_document_t *doc, size_t page)
{
  if (L->ncols < 2 || L->ncols > INK_MAKEUP_MAX_COLS || !L->t->vertical_justify ||
      page >= doc->pages.n)
    return;
  ink_document_t *keep = L->doc;
  L->doc = doc;
  area_t a = ink__vj_page_area (L, page);
  int32_t deepest, step = ink__line_step (L);
  int k = source_column (&a, &deepest);
  column_t c;
  if (k >= 0) {
    ink__vj_gather (&a, (unsigned) k, &c);
    int64_t d = (int64_t) deepest - c.end;
    if (d > step && d <= (int64_t) L->t->vertical_justify * step &&
        (int64_t) c.foot + d <= a.limit) {
      place_t p = { c.v[0].top, (int32_t) d, false, false };
      ink__vj_move_column (&a, (unsigned) k, &p, 1);
    }
  }
  L->doc = keep;
}
