/* paginate/pagestarve: a page its pull quotes and related links starve of text.
 *
 * Floats never starve the body (issue #11). A pull quote waiting for the next page with a
 * table behind it, both due there, set the quote at that page's top and the table under it,
 * two lines of text left between the table and the foot while the story ran on (samples
 * coimbatore-rain.ta reader-6 page 3, held-out held-ta-1.ta page 6 and h66-hi-0.hi page 5).
 * A make-up editor sets the floats on the page before instead, where they leave text beside
 * them on both pages (floatpull.c). The measure is the make-up check's starved-page: on a
 * page the text goes on past, running text that fills less than a quarter of the lines the
 * columns have room for while pull quotes and related links take more. */
#include "layout-internal.h"

/* The running text fills less than 1 / STARVE_SHARE of its columns' lines. */
#define STARVE_SHARE 4

/* Line l is running text: the body, a subhead, a list item or a block quote. */
static bool
running_line (const ink__lrec_t *l)
{
  return !l->generated && !l->note && l->block >= 0 && ink__running_role (l->role);
}

/* Line l is of a float that could wait for a later page: a pull quote, its attribution, or
 * a related link. */
static bool
waiting_line (const ink__lrec_t *l)
{
  return !l->generated && l->block >= 0 &&
         (l->role == INK_ROLE_QUOTE || l->role == INK_ROLE_ATTRIBUTION ||
          l->role == INK_ROLE_RELATED);
}

/* The height the blocks of waiting lines take on page pg, each block from its first line's
 * top to its last line's foot, once for each column it stands over (all of them when wider
 * than one). */
static int64_t
waiting_height (const lay_t *L, const ink__page_t *pg)
{
  const ink_document_t *doc = L->doc;
  int64_t sum = 0;
  for (size_t i = 0; i < pg->nl; i++) {
    const ink__lrec_t *l = &doc->lines.v[pg->l0 + i];
    bool first = waiting_line (l);
    for (size_t j = 0; j < i && first; j++)
      first = doc->lines.v[pg->l0 + j].block != l->block || !waiting_line (&doc->lines.v[pg->l0 + j]);
    if (!first)
      continue;
    int32_t top = l->y, foot = l->y + l->h, x0 = l->x, x1 = l->x + l->w;
    for (size_t j = i + 1; j < pg->nl; j++) {
      const ink__lrec_t *m = &doc->lines.v[pg->l0 + j];
      if (m->block != l->block || !waiting_line (m))
        continue;
      top = m->y < top ? m->y : top;
      foot = m->y + m->h > foot ? m->y + m->h : foot;
      x0 = m->x < x0 ? m->x : x0;
      x1 = m->x + m->w > x1 ? m->x + m->w : x1;
    }
    sum += (int64_t) (foot - top) * (x1 - x0 > L->colw + L->gutter ? L->ncols : 1);
  }
  return sum;
}

/* Running text goes on past page q: a later page holds some, or the flow, stopped before the
 * page after q (L->full), stopped before running text still to come before the comments. */
static bool
text_goes_on (const lay_t *L, size_t q)
{
  const ink_document_t *doc = L->doc;
  for (size_t r = q + 1; r < doc->pages.n; r++)
    for (size_t i = 0; i < doc->pages.v[r].nl; i++)
      if (running_line (&doc->lines.v[doc->pages.v[r].l0 + i]))
        return true;
  return q + 1 == doc->pages.n && L->full &&
         ink__text_within (L, L->next.ui, ink__comments_find (L));
}

/**
 * ink__page_starved:
 * @L: the layout, page q set
 * @q: a page set
 *
 * Return value: whether running text goes on past page q, and page q's running text fills less than a quarter of the lines its
 * columns have room for, and its pull quotes and related links take more lines than it.
 */
bool
ink__page_starved (const lay_t *L, size_t q)
{
  const ink_document_t *doc = L->doc;
  if (q >= doc->pages.n)
    return false;
  const ink__page_t *pg = &doc->pages.v[q];
  int64_t step = ink__text_step (L);
  unsigned ncols = pg->ncols ? pg->ncols : L->ncols;
  int32_t bottom = pg->body_bottom ? pg->body_bottom : L->bottom;
  int64_t room = step > 0 && bottom > pg->body_top ? (int64_t) ncols * (bottom - pg->body_top) : 0;
  int64_t lines = 0;
  for (size_t i = 0; i < pg->nl; i++)
    lines += running_line (&doc->lines.v[pg->l0 + i]);
  return room > 0 && lines * STARVE_SHARE * step < room && waiting_height (L, pg) > lines * step &&
         text_goes_on (L, q);
}
