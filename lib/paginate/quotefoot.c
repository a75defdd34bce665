/* paginate/quotefoot: a pull quote that ends a column of a full page ends it on the other
 * columns' last baseline. Vertical justification (vjust.c) lets such a quote down whole, its
 * rules with it, only as far as the frame's foot; where its rule under it would then pass the
 * foot, its attribution stayed up to most of a line step above the text beside it (the
 * make-up check's uneven-full-page). Its lines then come down inside its box instead, as a
 * make-up editor lines a quote's last line up with the columns beside it: the white under its
 * last line gives way, its rule under it staying INK_RULE_CLEAR under that line and coming
 * down only as far as the foot, its rule over it staying in place. Less than a line step only:
 * more would read as a quote hung low in its box. A finishing step, like ink__source_foot: no
 * choice of the layout's turns on it (done in vjust.c as each page was justified, make-up's
 * search scored its trials with the quote come down and chose other settings for pages it
 * never moved: one set two pull quotes side by side over a hole of white in one column). */
#include "colfit.h"
#include "vjust.h"

/* The quote at column c's foot: its first line's top, its last line's bottom and the top and
 * bottom of the rules under that line (INT32_MIN when it has none). False when c does not end
 * in a pull quote: its lowest pieces the quote's lines and rules alone, under the text. */
static bool
foot_quote (const column_t *c, int32_t *first, int32_t *last, int32_t *rule, int32_t *rule_bot)
{
  *first = *last = *rule = *rule_bot = INT32_MIN;
  size_t i = c->n;
  bool quote = false;
  while (i > 0 && (c->v[i - 1].kind == P_RULE ||
                   (c->v[i - 1].kind == P_FLOAT && (c->v[i - 1].role == INK_ROLE_QUOTE ||
                                                    c->v[i - 1].role == INK_ROLE_ATTRIBUTION))))
    quote |= c->v[--i].role == INK_ROLE_QUOTE;
  if (!quote || i == 0)
    return false;
  for (size_t j = i; j < c->n; j++) {
    const piece_t *v = &c->v[j];
    if (v->kind == P_FLOAT && *first == INT32_MIN)
      *first = v->top;
    if (v->kind == P_FLOAT && v->bot > *last)
      *last = v->bot;
  }
  for (size_t j = i; j < c->n; j++) {
    const piece_t *v = &c->v[j];
    if (v->kind == P_RULE && v->top >= *last) {
      *rule = *rule == INT32_MIN || v->top < *rule ? v->top : *rule;
      *rule_bot = v->bot > *rule_bot ? v->bot : *rule_bot;
    }
  }
  return true;
}

/* Brings the lines of the pull quote that ends column k of area a down inside its box onto
 * the page's deepest last baseline, when its last baseline ends less than a line step above
 * it and the rule under it can keep INK_RULE_CLEAR under its last line above the area's
 * limit. */
static void
quote_down (const area_t *a, unsigned k, int32_t deepest, int32_t step)
{
  column_t c;
  ink__vj_gather (a, k, &c);
  int32_t first, last, rule, rule_bot;
  if (!c.whole || c.end == INT32_MIN || !foot_quote (&c, &first, &last, &rule, &rule_bot))
    return;
  int64_t d = (int64_t) deepest - c.end, limit = (int64_t) a->limit + INK_COLFIT_SLACK;
  if (d <= FULL_TOL || d >= step)
    return;
  int64_t low = (int64_t) last + d;   /* the last line's new bottom */
  int64_t down = 0;                   /* how far the rule under it comes down */
  if (rule != INT32_MIN && low + INK_RULE_CLEAR > rule)
    down = low + INK_RULE_CLEAR - rule;
  if ((rule == INT32_MIN ? low : (int64_t) rule_bot + down) > limit)
    return;
  place_t p[2] = { { first, (int32_t) d, false, false },
                   { rule == INT32_MIN ? INT32_MAX : rule, (int32_t) (down - d), false, false } };
  ink__vj_move_column (a, k, p, rule == INT32_MIN ? 1 : 2);
}

/**
 * ink__quote_foot:
 * @L: the layout, every page set
 * @doc: the document page @page of which is a full page of the article (not its last): the
 * layout's, or a pager's page of its own
 * @page: that page
 *
 * Brings the pull quote that ends a column of the page down inside its box onto the other
 * columns' last baseline; see the file's head.
 */
void
ink__quote_foot (lay_t *L, ink_document_t *doc, size_t page)
{
  if (!L->t->vertical_justify || L->ncols > INK_MAKEUP_MAX_COLS || page >= doc->pages.n)
    return;
  ink_document_t *keep = L->doc;
  L->doc = doc;
  area_t a = ink__vj_page_area (L, page);
  int32_t end[INK_MAKEUP_MAX_COLS], deepest, step = ink__line_step (L);
  ink__vj_page_ends (&a, end, &deepest);
  for (unsigned k = 0; k < L->ncols; k++)
    quote_down (&a, k, deepest, step);
  L->doc = keep;
}
