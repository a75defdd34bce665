/* paginate/early: a float that found no place before the text ended is set earlier.
 *
 * A float that does not fit where the text reaches it waits for the next column, and the
 * text flows past it; when the text then ends first, the float goes in under it or in the
 * next column (floats.c, ink__place_last), after the end of the text that follows it in
 * the article: a pull quote from the second paragraph set under the last one reads as the
 * end of the story. A newspaper sets it earlier on the page instead, between paragraphs
 * before the one it follows (a pull quote is an excerpt, a picture or a related link
 * belongs to the story as a whole), and the text flows on under it. So the last page is
 * set again with the float (and the floats right behind it) moved before a paragraph of
 * the page, the nearest to its own first, and the setting kept when the float then comes
 * before the end of the text, the page still holds all it did, and it is no worse made up
 * (ink__float_before_end). */
#include "layout-internal.h"
#include "makeup.h"

/* The end of the run of floats (in columns) that starts at unit f. */
static size_t
run_end (const lay_t *L, size_t f)
{
  size_t e = f;
  while (e < L->units.n && L->units.v[e].float_len && !L->units.v[e].span)
    e += L->units.v[e].float_len;
  return e;
}

static void
reverse (unit_t *u, size_t a, size_t b)
{
  for (; a + 1 < b; a++, b--) {
    unit_t t = u[a];
    u[a] = u[b - 1];
    u[b - 1] = t;
  }
}

/* Units [a, m) and [m, b) change places. */
static void
rotate (lay_t *L, size_t a, size_t m, size_t b)
{
  reverse (L->units.v, a, m);
  reverse (L->units.v, m, b);
  reverse (L->units.v, a, b);
}

/* Unit j is a paragraph of running text the floats may go before: not the rest of one that
 * began on the page before, and not under a subhead or lead-in it is kept with. */
static bool
slot_before (const lay_t *L, const snap_t *sn, size_t j)
{
  const unit_t *u = &L->units.v[j];
  if (u->kind != U_PARA || !u->p || u->float_len || (j == sn->ui && sn->k > 0))
    return false;
  ink__role_t r = u->p->role;
  if (r != INK_ROLE_BODY && r != INK_ROLE_LIST && r != INK_ROLE_SUBHEAD)
    return false;
  return j == 0 || !L->units.v[j - 1].keep_with_next || L->units.v[j - 1].float_len;
}

/* A snapshot's waiting floats are none of units [a, b). */
static bool
snap_clear (const snap_t *sn, size_t a, size_t b)
{
  size_t w[3] = { sn->pending, sn->queue_last, sn->pending_span };
  for (int i = 0; i < 3; i++)
    if (w[i] != NO_FLOAT && w[i] >= a && w[i] < b)
      return false;
  return true;
}

/* The last page as now set, measured and scored as balancing scores it, the late float
 * left out of the score. */
static void
score (lay_t *L, const snap_t *sn, int64_t *cost, bool *even, bool *strained)
{
  ink__makeup_cols_t c;
  ink__measure_page (L, sn, ink__line_step (L), &c);
  c.late = false;
  *cost = ink__makeup_cost (&c);
  *even = ink__makeup_even (&c);
  *strained = c.strained;
}

/* The last page just set from sn holds all it did (overflow as before) and no float waits. */
static bool
holds_all (const lay_t *L, const snap_t *sn, size_t blocks, size_t chars)
{
  return !L->full && L->doc->pages.n == sn->page + 1 && L->pending == NO_FLOAT &&
         L->pending_span == NO_FLOAT && L->doc->overflow_blocks == blocks &&
         L->doc->overflow_chars == chars;
}

/**
 * ink__float_before_end:
 * @L: the layout, the text ended and the last page set
 *
 * A float on the last page set after the end of the text that follows it (L->late) is moved,
 * with the floats right behind it, before a paragraph of the page, the nearest to it first,
 * and the page set again (balanced); the first setting that puts every float before the end
 * of its text, holds all the page did, lets no rule through that the page did not, and
 * leaves the columns even if they were, is kept. Else the page is set as it was.
 *
 * Return value: INK_OK, or the error that stopped it.
 */
ink_status_t
ink__float_before_end (lay_t *L)
{
  snap_t sn = L->snap;
  if (L->full || !L->late || L->pending != NO_FLOAT || L->pending_span != NO_FLOAT ||
      L->doc->pages.n != sn.page + 1 || L->late_ui < sn.ui)
    return INK_OK;
  size_t f = L->late_ui, e = run_end (L, f);
  size_t blocks = L->doc->overflow_blocks, chars = L->doc->overflow_chars;
  int64_t cost;
  bool even, strained;
  score (L, &sn, &cost, &even, &strained);
  ink_status_t st = INK_OK;
  bool tried = false;
  for (size_t j = f; j-- > sn.ui && st == INK_OK;) {
    if (L->units.v[j].float_len)
      break;   /* floats keep their order */
    if (!slot_before (L, &sn, j) || !snap_clear (&sn, j, e))
      continue;
    rotate (L, j, f, e);
    tried = true;
    L->no_late = true;
    st = ink__set_last_page (L, &sn);
    L->no_late = false;
    if (st != INK_OK)
      return st;
    int64_t c;
    bool ev, str;
    score (L, &sn, &c, &ev, &str);
    if (!L->late && holds_all (L, &sn, blocks, chars) && (ev || !even) && (!str || strained) &&
        c != INK_MAKEUP_REJECT)
      return INK_OK;
    rotate (L, j, j + (e - f), e);
  }
  return st == INK_OK && tried ? ink__set_last_page (L, &sn) : st;
}
