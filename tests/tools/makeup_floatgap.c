/* makeup_floatgap.c: the make-up checker's float-gap rule. Text under a float takes up its
 * column's next line: under a picture, table, pull quote or related link (or the rule that
 * closes it) the white before the running text is the float's own space and the grid's, a
 * line step and a half at most. Running text that starts two and a half line steps or more
 * under the float while the article's text goes on past the column is a hole a make-up
 * editor sends back (a pull quote at a column's top, then three lines of white, then the
 * column's text let down to its foot): the text belongs up against the float. A subhead
 * under the float is left out (the white above a head is the head's), and so is the text's
 * last column, whose white the last page's balance decides. */
#include "makeup_check.h"

#include <math.h>

/* The least white between a float and the running text under it that is a fault. */
#define FLOAT_GAP_STEPS 2.5

static const char *const UNDER[] = { "body", "list", "blockquote", NULL };
/* What a float sets as lines, the lead picture's caption and credit with the rest. */
static const char *const FLOAT_LINES[] = { "quote",   "attribution", "related", "caption",
                                           "credit",  "table",       "source",  NULL };

/* Item it stands over column col of page p (set in it, or across it). */
static bool over_column (const page_t *p, const item_t *it, int col)
{
  const column_t *c = &p->cols[col];
  return it->col == col ||
         (it->col < 0 && overlap (it->x, it->x + it->w, c->x, c->x + c->w) > TOL);
}

/* The lowest foot of what page p sets over column col above y (the running heads left out),
 * and in *what the item that reaches it. */
static double foot_above (const page_t *p, int col, double y, const item_t **what)
{
  double foot = -INFINITY;
  *what = NULL;
  for (size_t j = 0; j < p->n; j++) {
    const item_t *it = &p->items[j];
    if (it->generated || role_is (it, "header") || role_is (it, "footer") ||
        it->y >= y - TOL || !over_column (p, it, col))
      continue;
    if (it->y + it->h > foot) {
      foot = it->y + it->h;
      *what = it;
    }
  }
  return foot;
}

/* The article's running text goes on past column col of page p (index page_index): in a
 * column read after it, or on a later page. */
static bool text_goes_on (const doc_t *d, const page_t *p, int page_index, int col)
{
  for (int k = rank (d, p, col) + 1; k < p->ncols; k++) {
    size_t idx[1];
    if (column_lines (p, d->rtl ? p->ncols - 1 - k : k, UNDER, idx, 1) > 0)
      return true;
  }
  for (size_t i = (size_t) page_index + 1; i < d->npages; i++)
    for (size_t j = 0; j < d->pages[i].n; j++)
      if (!d->pages[i].items[j].generated && role_in (&d->pages[i].items[j], UNDER))
        return true;
  return false;
}

static void check_column (doc_t *d, const page_t *p, int page_index, int col, double step)
{
  size_t idx[4096];
  size_t m = column_lines (p, col, UNDER, idx, 4096);
  for (size_t k = 0; k < m; k++) {
    const item_t *line = &p->items[idx[k]];
    const item_t *what;
    double foot = foot_above (p, col, line->y, &what);
    if (!what || !(what->kind != ITEM_LINE || role_in (what, FLOAT_LINES)))
      continue;
    double white = line->y - foot;
    if (white < FLOAT_GAP_STEPS * step - TOL || !text_goes_on (d, p, page_index, col))
      continue;
    fault (d, p, "float-gap",
           "column %d's text starts %.2f line steps under the float above it, and the text "
           "goes on: \"%.*s\"",
           rank (d, p, col) + 1, white / step, utf8_prefix (line->text ? line->text : "", 40),
           line->text ? line->text : "");
    return;
  }
}

void check_float_gaps (doc_t *d, page_t *p, int page_index)
{
  double step = p->has_grid && p->step > 0 ? p->step : d->step;
  if (step <= 0)
    return;
  for (int c = 0; c < p->ncols; c++)
    check_column (d, p, page_index, c, step);
}
