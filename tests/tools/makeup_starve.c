/* makeup_starve.c: the make-up checker's starved-page rule. Floats never starve the body: a
 * pull quote or related link that does not fit beside a page's text waits, and the text flows
 * past it. On a page the running text goes on past (one before its last page), pull quotes
 * and related links that take more of the columns than the running text, which fills less
 * than a quarter of the lines the columns have room for, starved the page: a make-up editor
 * sends the quote or the link on and fills the page with text. Pictures and tables do not
 * count: a picture or a tall table that fills most of a page is set where it must be, and a
 * make-up editor accepts a few lines beside it. */
#include "makeup_check.h"

#include <math.h>

/* The running text fills less than 1 / STARVE_SHARE of its columns' lines. */
#define STARVE_SHARE 4
#define MAX_WAITING 64

/* A float that could wait for a later page: a pull quote (its attribution with it) or a
 * related link. */
static bool may_wait (const item_t *it)
{
  return !it->generated && it->block >= 0 &&
         (role_is (it, "quote") || role_is (it, "attribution") || role_is (it, "related"));
}

/* The lines page p's columns have room for, from the frame the layout gives (0 without it). */
static double column_room (const page_t *p, double step)
{
  double room = 0;
  for (int c = 0; c < p->ncols; c++)
    if (p->cols[c].bottom > p->cols[c].top)
      room += (p->cols[c].bottom - p->cols[c].top) / step;
  return room;
}

/* The lines of the columns block b takes on page p: its height in line steps, once for each
 * column it stands over. */
static double block_room (const page_t *p, int b, double step)
{
  double x0 = INFINITY, x1 = -INFINITY, top = INFINITY, bottom = -INFINITY;
  for (size_t j = 0; j < p->n; j++) {
    const item_t *it = &p->items[j];
    if (it->block != b || !may_wait (it))
      continue;
    x0 = fmin (x0, it->x);
    x1 = fmax (x1, it->x + it->w);
    top = fmin (top, it->y);
    bottom = fmax (bottom, it->y + it->h);
  }
  int over = 0;
  for (int c = 0; c < p->ncols; c++)
    over += overlap (x0, x1, p->cols[c].x, p->cols[c].x + p->cols[c].w) > TOL;
  return (bottom - top) / step * (over > 0 ? over : 1);
}

/* The lines page p's pull quotes and related links take. */
static double waiting_room (const page_t *p, double step)
{
  int seen[MAX_WAITING], n = 0;
  double room = 0;
  for (size_t j = 0; j < p->n; j++) {
    const item_t *it = &p->items[j];
    int k = 0;
    while (k < n && seen[k] != it->block)
      k++;
    if (!may_wait (it) || k < n || n == MAX_WAITING)
      continue;
    seen[n++] = it->block;
    room += block_room (p, it->block, step);
  }
  return room;
}

static unsigned running_lines (const doc_t *d, const page_t *p)
{
  unsigned lines = 0;
  for (size_t j = 0; j < p->n; j++) {
    const item_t *it = &p->items[j];
    lines += !it->generated && it->block >= 0 && role_in (it, TEXT_ROLES) && !it->drop_cap &&
             !mk_note_line (d, p, it);
  }
  return lines;
}

void check_starved_pages (doc_t *d)
{
  for (int i = 0; i < d->last_story_page; i++) {
    const page_t *p = &d->pages[i];
    double step = p->has_grid && p->step > TOL ? p->step : d->step;
    double room = step > TOL ? column_room (p, step) : 0;
    if (room <= 0)
      continue;
    unsigned lines = running_lines (d, p);
    double waiting = waiting_room (p, step);
    if (lines * STARVE_SHARE < room && waiting > lines)
      fault (d, p, "starved-page", "%u line(s) of running text where its columns have room "
             "for %.0f, pull quotes and related links taking %.0f", lines, room, waiting);
  }
}
