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
 * across the columns queued for its top gives up its own space too (ink__space_set_span).
 * However far it is cut, a rule's white is shared between its two sides so that neither is
 * less than RULE_CLEAR where the two together allow (rule_clear), and a comment's or a
 * related box's keeps that much either side: this is the one place that decides how near
 * a rule comes to the line over or under it. */
#include "layout-internal.h"
#include "table.h"

/* The most quarters a rule's space gives up: a quarter of it stays. */
#define RULE_CUTS INK_SPACE_CUT_TO_QUARTER

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
               ? RULE_CUTS : INK_SPACE_CUT_TO_HALF;
  return own < most ? own : most;
}

/* The least white a rule keeps either side, in its thicknesses, where its style gives it that
 * much: cut closer, a pull quote's rule stood on the body line over it (print-a4's last
 * pages, whose balancing cut the quote's space to none) and a related box's on the subhead
 * over it (kiosk-7.5, a quarter of 5 px), and parted nothing (the make-up check's
 * rule-touch). */
#define RULE_CLEAR 2

static int32_t
rule_least (const unit_t *u, int32_t saved)
{
  int64_t least = (int64_t) RULE_CLEAR * u->h;
  return least < saved ? (int32_t) least : saved;
}

/* Rule u, its space cut (saved: as its style gives it), keeps the white it has, shared so
 * that each side keeps rule_least where the two together allow, else in proportion to what
 * each side should keep: it takes no more room than before (a rule that opens a column takes
 * none, its spaces with it: flowbox.c), and only moves into the white of the float it
 * belongs to, away from the text over it. A comment's or a related box's rule, which keeps a
 * quarter of its space, keeps rule_least too. Rules across the columns keep their space. */
static void
rule_clear (unit_t *u, const int32_t *saved)
{
  int32_t before = rule_least (u, saved[0]), after = rule_least (u, saved[1]);
  if (u->clear) {   /* a comment's or a related box's rule keeps that much either side */
    u->space_before = u->space_before > before ? u->space_before : before;
    u->space_after = u->space_after > after ? u->space_after : after;
  }
  int64_t total = (int64_t) u->space_before + u->space_after, at = u->space_before;
  if (total >= (int64_t) before + after)
    at = at < before ? before : at > total - after ? total - after : at;
  else if (before + after > 0)
    at = total * before / (before + after);
  u->space_before = (int32_t) at;
  u->space_after = (int32_t) (total - at);
}

/* Whether unit u is a paragraph of running text (its float, if any, told apart by the
 * caller). */
static bool
running_text (const unit_t *u)
{
  return u->kind == U_PARA && u->p && u->p->role == INK_ROLE_BODY && !u->p->note;
}

/* The space *space, cut, keeps INK_RULE_CLEAR of white by a table's rule where its style
 * (saved) gave it that much. */
static void
keep_rule_clear (int32_t *space, int32_t saved)
{
  int32_t least = saved < INK_RULE_CLEAR ? saved : INK_RULE_CLEAR;
  if (*space < least)
    *space = least;
}

/* A table's rules keep INK_RULE_CLEAR of white by the text over and under the table, where
 * its style gave it that much: the header's rule its first row's space before it, the last
 * rule the last row's space after it, or its note's before it. Cut to none, the text under
 * a table stood on its rule (glen-line-timetable on a kiosk template with space after its
 * paragraphs, the last page's space cut), and the header's rule on the foot of the body
 * line over it, underlining it (kiosk-10.3, a last page whose table began a column's foot). */
static void
table_rule_clear (unit_t *u, const int32_t *saved)
{
  if (u->kind == U_ROW) {
    if (u->row->header)
      keep_rule_clear (&u->space_before, saved[0]);
    keep_rule_clear (&u->space_after, saved[1]);
  } else if (u->kind == U_PARA && u->p && u->p->note) {
    keep_rule_clear (&u->space_before, saved[0]);
  }
}

/* Whether the unit after unit i, past whole floats (which may be set elsewhere), is a
 * paragraph of running text. */
static bool
text_follows (const unit_t *u, size_t n, size_t i)
{
  size_t j = i + 1;
  while (j < n && u[j].float_len)
    j += u[j].float_len;
  return j < n && running_text (&u[j]);
}

/* As ink__space_set; a unit across the columns keeps its space unless `spans`. The space
 * between two paragraphs of running text, outside floats, is never cut: on a template with
 * no indent it is all that marks a new paragraph (cut to none on a last page, the nine
 * paragraphs of a kiosk template with half a line after each read as one). Over a subhead
 * it is part of the subhead's white, and goes with it. */
static void
space_set (unit_t *u, size_t n, const int32_t *saved, int cut, bool spans)
{
  size_t float_end = 0;   /* the unit after the float that unit i is part of */
  bool text_before = false;   /* the last unit outside a float is running text */
  for (size_t i = 0; i < n; i++) {
    bool inner_before = i < float_end, in_float = inner_before || u[i].float_len;
    if (u[i].float_len && i >= float_end)
      float_end = i + u[i].float_len;
    bool inner_after = i + 1 < float_end;
    bool text = !in_float && running_text (&u[i]);
    bool text_after = text && text_follows (u, n, i);
    int own = u[i].span && !spans ? 0 : cut;
    if (u[i].kind == U_RULE && u[i].clear && own > RULE_CUTS)
      own = RULE_CUTS;
    u[i].space_before = ink__space_at (saved[3 * i],
                                       inner_before ? inner_cut (&u[i - 1], &u[i], own)
                                                    : text && text_before ? 0 : own);
    u[i].space_after = ink__space_at (saved[3 * i + 1],
                                      inner_after ? inner_cut (&u[i], &u[i + 1], own)
                                                  : text_after ? 0 : own);
    if (!in_float)
      text_before = text;
    table_rule_clear (&u[i], saved + 3 * i);
    if (u[i].kind == U_SPACE)
      u[i].h = ink__space_at (saved[3 * i + 2], own);
    if (u[i].kind == U_RULE && own > 0 && !u[i].span)
      rule_clear (&u[i], saved + 3 * i);
  }
}

/**
 * ink__space_set:
 * @u: units
 * @n: how many
 * @saved: their spaces as ink__space_save kept them
 * @cut: quarters of each space that go (0 gives back the saved spaces)
 *
 * Units set across the columns keep their space, and so do paragraphs of running text; the
 * space between the parts of a float (after each part but its last, before each but its
 * first) is cut by half at most (by three quarters between a pull quote and its
 * attribution), and a clear rule's by three quarters at most.
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
