/* paginate/lastspace: the last page's vertical space made smaller. Space above floats,
 * subheads, the source line and comments (and below floats) is what keeps a short column from
 * taking the line that would let the last page's columns end together: a float or a source
 * line pushed a line step down by the space above it. When balancing cannot end them within a
 * line step, the page is set again with that space cut by a quarter at a time, down to none
 * (balance.c), and the least cut that ends them together is kept; vertical justification may
 * put space back where a column still ends short. Only the units of the last page's columns
 * change: a float across the columns keeps its space, which moves all of them alike; the
 * parts of a float (a picture and its caption, a box's rule and its text) keep at least half
 * the space between them, so that they still read as one; a pull quote and its attribution,
 * a quarter (inner_cut). A comment's, a related box's or a
 * section's rule keeps at least a quarter of its space either side (RULE_CUTS, unit_t
 * clear): cut to none, it touched the line over or under it and no longer parted anything.
 * (A pull quote's rules are cut with it: kept apart, the quote went up beside another.)
 * A full page short of a subhead (ink__even_space) cuts the same way, and there a float
 * across the columns queued for its top gives up its own space too (ink__space_set_span). */
#include "layout-internal.h"

/* The most quarters a rule's space gives up: a quarter of it stays. */
#define RULE_CUTS (INK_SPACE_CUTS - 1)

/**
 * ink__space_at:
 * @space: a unit's vertical space as its style gives it
 * @cut: how many quarters of it go, 0 to INK_SPACE_CUTS
 *
 * Return value: the space the unit keeps.
 */
int32_t
ink__space_at (int32_t space, int cut)
{
  if (cut <= 0)
    return space;
  if (cut >= INK_SPACE_CUTS)
    return 0;
  return (int32_t) ((int64_t) space * (INK_SPACE_CUTS - cut) / INK_SPACE_CUTS);
}

/**
 * ink__space_save:
 * @u: units
 * @n: how many
 * @saved: room for 3 * @n values: each unit's spaces as they are now (before, after, and the
 *   height of a space unit)
 */
void
ink__space_save (const unit_t *u, size_t n, int32_t *saved)
{
  for (size_t i = 0; i < n; i++) {
    saved[3 * i] = u[i].space_before;
    saved[3 * i + 1] = u[i].space_after;
    saved[3 * i + 2] = u[i].kind == U_SPACE ? u[i].h : 0;
  }
}

/* Whether unit u is the role's part of a float: a pull quote's text, or its attribution. */
static bool
unit_role (const unit_t *u, int role)
{
  return u->kind == U_PARA && u->p && u->p->role == role;
}

/* The quarters cut from the space between two parts of a float, at most `own`: half at most,
 * but between a pull quote and its attribution three quarters, as a rule's (an attribution
 * reads as the quote's signature close under it, a caption parted from its picture by a
 * sliver does not). */
static int
inner_cut (const unit_t *above, const unit_t *below, int own)
{
  int most = unit_role (above, INK_ROLE_QUOTE) && unit_role (below, INK_ROLE_ATTRIBUTION)
               ? RULE_CUTS : INK_SPACE_CUTS / 2;
  return own < most ? own : most;
}

/* As ink__space_set; a unit across the columns keeps its space unless `spans`. */
static void
space_set (unit_t *u, size_t n, const int32_t *saved, int cut, bool spans)
{
  size_t float_end = 0;   /* the unit after the float that unit i is part of */
  for (size_t i = 0; i < n; i++) {
    bool inner_before = i < float_end;
    if (u[i].float_len && i >= float_end)
      float_end = i + u[i].float_len;
    bool inner_after = i + 1 < float_end;
    int own = u[i].span && !spans ? 0 : cut;
    if (u[i].kind == U_RULE && u[i].clear && own > RULE_CUTS)
      own = RULE_CUTS;
    u[i].space_before = ink__space_at (saved[3 * i],
                                       inner_before ? inner_cut (&u[i - 1], &u[i], own) : own);
    u[i].space_after = ink__space_at (saved[3 * i + 1],
                                      inner_after ? inner_cut (&u[i], &u[i + 1], own) : own);
    if (u[i].kind == U_SPACE)
      u[i].h = ink__space_at (saved[3 * i + 2], own);
  }
}

/**
 * ink__space_set:
 * @u: units
 * @n: how many
 * @saved: their spaces as ink__space_save kept them
 * @cut: quarters of each space that go (0 gives back the saved spaces)
 *
 * Units set across the columns keep their space; the space between the parts of a float
 * (after each part but its last, before each but its first) is cut by half at most (by three
 * quarters between a pull quote and its attribution), and a clear rule's by three quarters
 * at most.
 */
void
ink__space_set (unit_t *u, size_t n, const int32_t *saved, int cut)
{
  space_set (u, n, saved, cut, false);
}

/**
 * ink__space_set_span:
 * @u: the units of one float set across the columns
 * @n: how many
 * @saved: their spaces as ink__space_save kept them
 * @cut: quarters of each space that go (0 gives back the saved spaces)
 *
 * As ink__space_set, the float's own space cut too: a full page's columns all come up by it
 * (evenspace.c's ink__even_space), which lets a short column take a subhead and its lines.
 */
void
ink__space_set_span (unit_t *u, size_t n, const int32_t *saved, int cut)
{
  space_set (u, n, saved, cut, true);
}
