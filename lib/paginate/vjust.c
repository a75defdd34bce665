/* paginate/vjust: vertical justification, make-up's last resort. A column that ends above the
 * page's deepest column is let down to it, and a full page's columns that would still leave room
 * for two more lines above the frame's foot (for one, when a column ends in a table's rows)
 * lower by whole line steps, by space added at the
 * places a make-up editor would add it: above and below a float (pull quote, related box,
 * picture, source line), above a subhead, between comments (and above the rule that opens a
 * comment thread); never between lines of one paragraph. The space at one place is bounded by
 * the template ([flow] vertical-justify, in line steps); on a last page, whose columns need end
 * only within a line step, by one step where that is enough (share_column), and there it takes
 * no more steps than that needs. On a full page whose text goes on, a
 * column that cannot come down by those places alone also takes a line step between two
 * paragraphs of running text (one a column, one more for each PARA_LINES_MORE lines; never on
 * the flow's first setting, so the search first looks for a page that needs none, and on its
 * trials each counts twice, worse than the columns all ending a line higher); a column that ends
 * in a table's rows and cannot come down so, a little between the rows (row_space), on a last
 * page too once set for good (a table turned over its columns, whose rows of two lines end
 * them a row apart). Body lines stay on the grid: above them only whole line steps go in;
 * part of a step only below the column's last body line. On a full page, a float that ends
 * its column a pixel or two below the text columns' last baseline first comes up to it by
 * less space above it (raise_foot_floats); one held up
 * from a column's foot so as to open no hole above it takes the rest inside its box when it is
 * a pull quote (quote_inner_space). The page is moved after it is set, as a display list: its
 * lines, runs, glyphs, pictures and rules in the column below each place. A last page is moved
 * once set for good; a full page also on each setting pages.c tries (ink__vjust_trial), to its
 * deepest column only, so that the setting is scored as it will be printed (where floats and
 * comments fall does not change: the page is set again from its snapshot each time). lastpair.c
 * judges the page before the last as it will be justified once set (ink__vjust_as_set). The
 * columns' pieces are read from the display list, and moved in it, by vjpieces.c. */
#include "colfit.h"
#include "vjust.h"

#include <string.h>

/* At most this many places in one column where space may go (places). */
#define PLACES_MAX 64

/* Whether space may go between pieces a and b, b the next below a. */
static bool
may_part (const piece_t *a, const piece_t *b)
{
  if (a->kind == P_TABLE || b->kind == P_TABLE || b->kind == P_NOTE)
    return false;   /* a table's rows and rules stay together, and its note under them */
  if (a->kind == P_NOTE)
    return b->kind != P_NOTE;   /* under the note, as under a table's last rule */
  if (a->kind == P_SUBHEAD || (a->kind == P_RULE && b->kind != P_TEXT && b->kind != P_SUBHEAD))
    return false;   /* a subhead goes with what follows; a rule with its float */
  if (b->kind == P_RULE)
    return a->kind == P_TEXT || a->kind == P_COMMENT;   /* the rule before the next thread */
  if (b->kind == P_SUBHEAD)
    return true;
  if (a->kind == P_COMMENT && b->kind == P_COMMENT)
    return b->role == INK_ROLE_COMMENT_AUTHOR && a->role != INK_ROLE_COMMENT_AUTHOR;
  if (a->kind == P_FLOAT && b->kind == P_FLOAT)
    return false;
  return a->kind != b->kind;
}

/* Whether b opens a paragraph of running text right under the last line of another (a
 * paragraph's or a list's): a full page's last place for space, one line step at most. */
static bool
para_break (const piece_t *a, const piece_t *b)
{
  return a->kind == P_TEXT && b->kind == P_TEXT && a->block != b->block &&
         (a->role == INK_ROLE_BODY || a->role == INK_ROLE_LIST) && b->role == INK_ROLE_BODY;
}

/* A column takes one blank line step between paragraphs, and one more for each
 * PARA_LINES_MORE lines of running text it holds: more read as a column of holes. */
#define PARA_LINES_MORE 20

static size_t
para_most (const column_t *c)
{
  size_t lines = 0;
  for (size_t i = 0; i < c->n; i++)
    lines += c->v[i].kind == P_TEXT && c->v[i].role == INK_ROLE_BODY;
  return 1 + lines / PARA_LINES_MORE;
}

/* Whether b opens the next row of a table under a (a row's lines and the rule under them):
 * a place of last resort for space, where a column ends in a table's rows that could not
 * come down otherwise (plan_column). */
static bool
row_gap (const piece_t *a, const piece_t *b)
{
  if (a->kind == P_TABLE && b->kind == P_TABLE)
    return a->block != b->block;
  return (a->kind == P_TABLE && b->kind == P_RULE) || (a->kind == P_RULE && b->kind == P_TABLE);
}

/* The places of column c (at most max), top down, with those between paragraphs when
 * `paras` (a full page's) and those between a table's rows when `rows`. Returns how many. */
static size_t
places (const column_t *c, bool paras, bool rows, place_t *out, size_t max)
{
  size_t n = 0;
  int32_t reach = c->n ? c->v[0].bot : 0;
  for (size_t i = 1; i < c->n && n < max; i++) {
    const piece_t *a = &c->v[i - 1], *b = &c->v[i];
    /* a subhead at the column's foot goes with the next column, unless the story ends on it */
    bool lone_head = b->kind == P_SUBHEAD && i + 1 == c->n && !c->head_ends;
    bool para = paras && para_break (a, b);
    bool row = rows && row_gap (a, b);
    if (b->top >= reach && a->top < b->top && (may_part (a, b) || para || row) && !lone_head) {
      bool text = false;
      for (size_t j = i; j < c->n && !text; j++)
        text = c->v[j].kind == P_TEXT && c->v[j].role == INK_ROLE_BODY;
      out[n++] = (place_t) { b->top, 0, text, para };
    }
    if (b->bot > reach)
      reach = b->bot;
  }
  return n;
}

/* Spreads `total` over n places, as evenly as whole units of `unit` allow. */
static void
spread (place_t *p, size_t n, bool above_text, int64_t total, int32_t unit)
{
  size_t count = 0, i = 0;
  for (size_t j = 0; j < n; j++)
    count += p[j].above_text == above_text && !p[j].para;
  if (!count)
    return;
  int64_t units = total / unit;
  for (size_t j = 0; j < n; j++)
    if (p[j].above_text == above_text && !p[j].para) {
      p[j].add = (int32_t) ((units / (int64_t) count + ((int64_t) i < units % (int64_t) count)) *
                            unit);
      i++;
    }
}

/* Puts one line step at k of the column's n_para places between paragraphs, spread evenly
 * down it, the lowest first (a blank line reads as one, two together as a hole). */
static void
spread_paras (place_t *p, size_t n, size_t n_para, int64_t k, int32_t step)
{
  size_t i = 0;
  for (size_t j = 0; j < n && k > 0; j++)
    if (p[j].para) {
      if ((int64_t) (i + 1) * k / (int64_t) n_para > (int64_t) i * k / (int64_t) n_para)
        p[j].add = step;
      i++;
    }
}

/* Shares depth d among the places: whole steps above body lines, any amount below the last
 * of them; at most `most` at each (one step between paragraphs, at most para_most of them,
 * used last), but for `foot` more at the last place when a float ends the column there (it
 * may sit on the column's foot); `room` in all, what the column has
 * under it. The share that comes nearest d, when it comes within tol of it, or with `least`
 * (a last page's, whose columns need end only within a line step) the one with the fewest
 * steps above body lines that does: white a page does not need reads as a hole; false when
 * none does. *added: what the share adds. (A table's last row hangs its rule lower under its
 * baseline than a line of text its descent: let down to the other columns' baseline it may
 * need a fraction of a pixel more than the column has, and then ends that much above it.) */
static bool
share (place_t *p, size_t n, int32_t d, int32_t step, int32_t most, int32_t foot, int32_t tol,
       bool least, int64_t room, size_t para_most, int32_t *added)
{
  size_t nfree = 0, nstep = 0, npara = 0;
  for (size_t i = 0; i < n; i++)
    p[i].para ? npara++ : p[i].above_text ? nstep++ : nfree++;
  int64_t bounded = (int64_t) nfree * most, free_cap = bounded + (nfree ? foot : 0);
  int64_t placed_cap = (int64_t) nstep * (most / step);
  int64_t steps_cap = placed_cap + (int64_t) (npara < para_most ? npara : para_most);
  int64_t best_k = -1, best_free = 0, best_miss = INT64_MAX;
  for (int64_t k = 0; k <= steps_cap && k * step <= (int64_t) d + tol && k * step <= room &&
                     !(least && best_miss <= tol);
       k++) {
    int64_t rest = d - k * step, cap = free_cap < room - k * step ? free_cap : room - k * step;
    int64_t f = rest < 0 ? 0 : rest > cap ? cap : rest;
    int64_t miss = rest - f < 0 ? f - rest : rest - f;
    if (miss < best_miss) {
      best_k = k, best_free = f, best_miss = miss;
    }
  }
  if (best_k < 0 || best_miss > tol || best_k + best_free == 0)
    return false;
  /* Between paragraphs only the steps the other places cannot take. */
  int64_t placed = best_k < placed_cap ? best_k : placed_cap;
  spread (p, n, true, placed * step, step);
  spread_paras (p, n, npara, best_k - placed, step);
  spread (p, n, false, best_free < bounded ? best_free : bounded, 1);
  if (best_free > bounded)
    p[n - 1].add += (int32_t) (best_free - bounded);   /* the foot float's place is free */
  *added = (int32_t) (best_k * step + best_free);
  return true;
}

/* As share, on a full page (`full`) to the page's deepest baseline; on a last page, whose
 * columns need end only within a line step, first with no more than one line step at each
 * place, and with the template's bound `most` only where that does not bring the column
 * within a line of the deepest: two or more blank steps at one place read as a hole. */
static bool
share_column (place_t *p, size_t n, int32_t d, int32_t step, int32_t most, int32_t foot,
              int32_t tol, bool full, int64_t room, size_t para_most, int32_t *added)
{
  if (!full && most > step && share (p, n, d, step, step, foot, tol, true, room, para_most, added))
    return true;
  return share (p, n, d, step, most, foot, tol, !full, room, para_most, added);
}

/* Whether the column's last place has only a float (its rules, lines and pictures) under it:
 * the float ends the column, and on a full page may sit on its foot. A short table's float
 * (its rows and note) is one of them; with `tables`, one alone is too. */
static bool
float_at_foot (const column_t *c, const place_t *p, size_t n, bool tables)
{
  if (!n || p[n - 1].above_text)
    return false;
  bool any = false;
  for (size_t i = 0; i < c->n; i++)
    if (c->v[i].top >= p[n - 1].y) {
      int kind = c->v[i].kind;
      if (kind != P_FLOAT && kind != P_RULE && kind != P_TABLE && kind != P_NOTE)
        return false;
      any |= kind == P_FLOAT || (tables && kind == P_TABLE);
    }
  return any;
}

/* The white above the last place of column c: from the lowest edge of what lies above it. */
static int32_t
gap_above_last (const column_t *c, const place_t *p, size_t n)
{
  int32_t reach = INT32_MIN;
  for (size_t i = 0; i < c->n; i++)
    if (c->v[i].top < p[n - 1].y && c->v[i].bot > reach)
      reach = c->v[i].bot;
  return reach == INT32_MIN ? 0 : p[n - 1].y - reach;
}

/* A float let down onto the column's foot must not open a hole above it: once the white
 * above it would reach FOOT_HOLE_HALVES half line steps (room for two lines and the float's
 * space), it comes down only until FOOT_HOLE_KEEP steps are above it, or further as far as
 * leaves no more than FOOT_WHITE_MOST steps under it (room for two more lines under it would
 * make the page a short one) or, where the page's other columns end shorter than that (its
 * text ended on it), no more than the white under them (`white_most`: the page is short by
 * its text already, and a float whose foot ends with theirs leaves no column short), and the
 * rest of the white goes under it; when no such place
 * leaves the hole two pixels short of FOOT_HOLE_HALVES half steps, it sits on the foot as
 * before. Only where the text goes on after the column (in the next column, or past the
 * page): under the article's last column the white above a float is no hole. A pull quote
 * so held up beside other columns gives the rest to the white inside its box when that is
 * less than a line step (quote_inner_space); a short table alone gives it to the space
 * between its rows (tablehold.c). added: what the places add in all; *n, the places, which
 * may grow (to max). */
#define FOOT_HOLE_HALVES 5
#define FOOT_HOLE_KEEP 2
#define FOOT_WHITE_MOST 2
#define FOOT_HOLE_MARGIN 128   /* two pixels, in 26.6 units */

/* A pull quote at a column's foot held up `rest` above where the other columns end (by the
 * hole it would open above it) still ends on their baseline: the rest goes inside its box,
 * half above its first line and half above its attribution, its rules keeping their place
 * around it (the top one where the hole allows, the foot one as far down as the quote would
 * have come). Only for less than a line step, with room for two more places in p (max). */
static void
quote_inner_space (const column_t *c, place_t *p, size_t *n, size_t max, int64_t rest,
                   int32_t step)
{
  if (rest <= 0 || rest >= step || *n + 2 > max)
    return;
  int32_t from = p[*n - 1].y, first = INT32_MIN, attr = INT32_MIN;
  for (size_t i = 0; i < c->n; i++) {
    const piece_t *v = &c->v[i];
    if (v->top < from)
      continue;
    if (v->role == INK_ROLE_QUOTE && first == INT32_MIN)
      first = v->top;
    if (v->role == INK_ROLE_ATTRIBUTION && attr == INT32_MIN)
      attr = v->top;
  }
  if (first == INT32_MIN || attr == INT32_MIN || attr <= first)
    return;
  p[(*n)++] = (place_t) { first, (int32_t) (rest / 2), false, false };
  p[(*n)++] = (place_t) { attr, (int32_t) (rest - rest / 2), false, false };
}

static void
keep_foot_float_near (const area_t *a, const column_t *c, place_t *p, size_t *n, size_t max,
                      int32_t step, int32_t added, int64_t white_most)
{
  place_t *last = &p[*n - 1];
  int64_t gap = gap_above_last (c, p, *n);
  if ((gap + last->add) * 2 < (int64_t) FOOT_HOLE_HALVES * step)
    return;
  int64_t room = (int64_t) a->limit - ((int64_t) c->foot + added);
  int64_t keep = (int64_t) FOOT_HOLE_KEEP * step - gap;
  if (white_most < (int64_t) FOOT_WHITE_MOST * step)
    white_most = (int64_t) FOOT_WHITE_MOST * step;
  int64_t low = last->add - (white_most - room);
  if (low > keep)
    keep = low;
  if (keep < 0)
    keep = 0;
  if (keep < last->add &&
      (gap + keep) * 2 < (int64_t) FOOT_HOLE_HALVES * step - 2 * FOOT_HOLE_MARGIN) {
    int64_t rest = last->add - keep;
    last->add = (int32_t) keep;
    if (a->L->ncols > 1)
      quote_inner_space (c, p, n, max, rest, step);
    ink__vj_hold_table_rows (c, p, n, max, rest, step);
  }
}

/* The least white any column of the page but k that has lines leaves above the area's limit
 * once its last baseline comes down to `target`: from its lowest ink. 0 when none has lines. */
static int64_t
others_room (const area_t *a, unsigned k, int32_t target)
{
  column_t o;
  int64_t least = INT64_MAX;
  for (unsigned j = 0; j < a->L->ncols; j++) {
    if (j == k)
      continue;
    ink__vj_gather (a, j, &o);
    if (o.end == INT32_MIN)
      continue;
    int64_t room = (int64_t) a->limit - ((int64_t) o.foot + target - o.end);
    if (room < least)
      least = room;
  }
  return least == INT64_MAX ? 0 : least;
}

/* Whether column c ends in a table's rows: its lowest piece but rules is a table's line. */
static bool
ends_on_table (const column_t *c)
{
  for (size_t i = c->n; i-- > 0;)
    if (c->v[i].kind != P_RULE)
      return c->v[i].kind == P_TABLE;
  return false;
}

/* Column c's (column k's) places, sharing depth d within the bound (on a full page, `full`, a
 * float that ends the column may come down past it to the foot: *past, by how much), those
 * between a table's rows too when `rows`; false when they cannot take it (or its foot would
 * pass the area's limit), or when, `tables`, a short table alone ends the column as a float
 * and would still stand under a hole (its rows take the space then, row_space). *n: how
 * many places. */
static bool
plan_places (const area_t *a, const column_t *c, unsigned k, int32_t d, int32_t step,
             int32_t tol, bool full, bool rows, bool tables, place_t *p, size_t *n,
             int32_t *past)
{
  int32_t most = (int32_t) a->L->t->vertical_justify * step, added;
  *n = places (c, full && a->paras, rows, p, PLACES_MAX);
  bool foot = full && float_at_foot (c, p, *n, tables);
  *past = 0;
  /* As the flow fits a column's last line (colfit.h): its box may pass the foot by a pixel. */
  int64_t limit = (int64_t) a->limit + INK_COLFIT_SLACK;
  if (!*n || !c->whole ||
      !share_column (p, *n, d, step, most, foot ? d : 0, tol, full, limit - c->foot,
                     para_most (c), &added) ||
      (int64_t) c->foot + added > limit)
    return false;
  if (foot && p[*n - 1].add > most)
    *past = p[*n - 1].add - most;
  bool last_col = a->L->rtl ? k == 0 : k + 1 == a->L->ncols;   /* in reading order */
  if (foot && (a->text_on || !last_col))
    keep_foot_float_near (a, c, p, n, PLACES_MAX, step, added,
                          others_room (a, k, c->end + d));
  /* a table alone that still opens a hole over it is let down by its rows instead */
  return !(foot && !float_at_foot (c, p, *n, false) && ends_on_table (c) &&
           (gap_above_last (c, p, *n) + p[*n - 1].add) * 2 >= (int64_t) FOOT_HOLE_HALVES * step);
}

/* A full page's column that ends in a table's rows, the text going on past the page, and that
 * its other places cannot let down takes space between the table's rows too, as a make-up
 * editor opens up a table's rows to fill its column: at most a ROW_SPACE_DIV-th of a line
 * step at each such place (above and under each row's rule), so that the rows still read as
 * one table. Without it such a column, a long table's part or a table that ends its page,
 * stayed up to two line steps short of the foot (table-foot). So does a last page's (not
 * `full`) once set for good, to end within a line step of the deepest: a table turned over
 * the last page's columns, its rows two lines tall, left the first a row's height and more
 * above the second (ferry-lines-table.de kiosk-7.5, 28 px, the line step 24). Balancing does
 * not count on it (ink__vjust_last_as_set): the rows part only to mend the setting it chose,
 * never to make it choose a setting with a column of rows opened up. */
/* A last page's column that ends in a table's rows parts them only when it ends less than
 * this many line steps above the deepest: a row's height from the others, as a table's rows
 * of two lines leave it; one further up left a column of rows opened wide beside rows set
 * close (held-out h68-de-0.de kiosk-10.3, whose pull quote then left its turn for the foot). */
#define ROW_LAST_STEPS 2

static bool
row_space (const area_t *a, const column_t *c, unsigned k, int32_t d, int32_t step,
           int32_t tol, bool full, place_t *p, size_t *n, int32_t *past)
{
  size_t plain = places (c, a->paras, false, p, PLACES_MAX);
  size_t all = places (c, a->paras, true, p, PLACES_MAX);
  if ((int64_t) d > (int64_t) (all - plain) * (step / ROW_SPACE_DIV))
    return false;
  return plan_places (a, c, k, d, step, tol, full, true, false, p, n, past);
}

/* Column k's places, sharing depth d within the bound (plan_places, a short table alone at
 * its foot first held up as a float, then let down as before), and on a full page whose
 * text goes on or on the last page set for good (not `full`, a->rows_last), between a table's
 * rows that end the column when nothing else takes it (row_space). */
static bool
plan_column (const area_t *a, unsigned k, int32_t d, int32_t step, int32_t tol, bool full,
             place_t *p, size_t *n, int32_t *past)
{
  column_t c;
  ink__vj_gather (a, k, &c);
  if (plan_places (a, &c, k, d, step, tol, full, false, true, p, n, past) ||
      plan_places (a, &c, k, d, step, tol, full, false, false, p, n, past))
    return true;
  return (full ? a->text_on : a->rows_last && d < ROW_LAST_STEPS * step) &&
         ends_on_table (&c) && row_space (a, &c, k, d, step, tol, full, p, n, past);
}

/* The most room any column that ends in a table's rows leaves above the area's limit once let
 * down to the deepest column's end; 0 when no column ends so. */
static int64_t
table_room (const area_t *a, const int32_t *end, int32_t deepest)
{
  column_t c;
  int64_t most = 0;
  for (unsigned k = 0; k < a->L->ncols; k++) {
    if (end[k] == INT32_MIN)
      continue;
    ink__vj_gather (a, k, &c);
    int64_t room = (int64_t) a->limit - ((int64_t) c.foot + deepest - end[k]);
    if (ends_on_table (&c) && room > most)
      most = room;
  }
  return most;
}

/* Whether every column with lines of the page can come down n line steps past the deepest
 * column's end. */
static bool
all_take (const area_t *a, const int32_t *end, int32_t deepest, int32_t n, int32_t step)
{
  place_t p[PLACES_MAX];
  size_t np;
  int32_t past;
  for (unsigned k = 0; k < a->L->ncols; k++)
    if (end[k] != INT32_MIN &&
        !plan_column (a, k, deepest - end[k] + n * step, step, FULL_TOL, true, p, &np, &past))
      return false;
  return true;
}

/* The line steps a full page's columns come down by past the deepest one's end, room being
 * what is left under them once they end together: enough that less than room for two lines
 * is left (ink__makeup_short_steps), when every column with lines can take it; 0 else. A
 * column that ends in a table's rows while the text goes on past the page (the rest of the
 * table, or text that could not come up under it) comes down to within a line step of the
 * foot when the columns can take it: white of more than a line under a table reads as a hole
 * the text left. */
static int32_t
fill_steps (const area_t *a, const int32_t *end, int32_t deepest, int64_t room, int32_t step)
{
  int32_t n = ink__makeup_short_steps (room, step);
  if (a->text_on && room >= step - FULL_TOL &&
      table_room (a, end, deepest) > step + FULL_TOL) {
    int32_t most = (int32_t) ((room + FULL_TOL) / step);
    if (most > n && all_take (a, end, deepest, most, step))
      return most;
  }
  return n && all_take (a, end, deepest, n, step) ? n : 0;
}

/* Whether column c holds a table's rows and nothing else (a long table's part: its rows, the
 * header drawn again, their rules). */
static bool
rows_alone (const column_t *c)
{
  bool rows = false;
  for (size_t i = 0; i < c->n; i++) {
    if (c->v[i].kind != P_TABLE && c->v[i].kind != P_RULE)
      return false;
    rows |= c->v[i].kind == P_TABLE;
  }
  return rows && c->whole;
}

/* The depth column k comes down by on a full page set for good, d being its depth to the
 * deepest column's end and fill the whole line steps the page's columns come down by together
 * (fill_steps): a column of a long table's rows alone, the text going on past the page, comes
 * down on its own past fill by the whole line steps that leave less than one under it, when
 * its places take them (its rows opened up, row_space). A text column beside it that cannot
 * come down as far (a lead-in kept with the table, a paragraph with no line more to give) is
 * no reason to leave a hole under the rows: more than a line of white under them reads as
 * rows held back for the next column (table-foot); nor is a float beside it that ends lower
 * (a pull quote at the foot): the rows come down by the room under their own column. */
static int32_t
rows_alone_depth (const area_t *a, unsigned k, int32_t d, int32_t fill, int64_t room,
                  int32_t step)
{
  column_t c;
  place_t p[PLACES_MAX];
  size_t n;
  int32_t past;
  if (!a->text_on || !a->paras)
    return d + fill;
  ink__vj_gather (a, k, &c);
  if (c.end == INT32_MIN || !rows_alone (&c))
    return d + fill;
  int64_t own = (int64_t) a->limit - ((int64_t) c.foot + d);
  if (own > room)
    room = own;
  for (int32_t most = (int32_t) ((room + FULL_TOL) / step); most * step > fill; most--)
    if (plan_column (a, k, d + most * step, step, FULL_TOL, true, p, &n, &past))
      return d + most * step;
  return d + fill;
}

/* The space that places above body lines take: whole line steps inside the running text,
 * those between paragraphs counted twice (a blank line in the running text is worse than the
 * columns all ending a line higher, and no better than their ending a line apart). */
static int64_t
space_above_text (const place_t *p, size_t n)
{
  int64_t sum = 0;
  for (size_t i = 0; i < n; i++)
    sum += !p[i].above_text ? 0 : p[i].para ? (int64_t) p[i].add * 2 : p[i].add;
  return sum;
}

/* A float that ends its column a little below the other columns' last baseline (its lines
 * are off the grid) comes up to it by less space above it: at most RAISE_MOST_DIV-th of a line
 * step, and never more than a RAISE_GAP_DIV-th of the white above it (a pull quote's: above
 * its first line, quote_first_line). The body columns cannot
 * come down by less than a line step; the float's space gives a pixel or two unseen. Full
 * pages only. end[]: each column's last baseline as set. */
#define RAISE_MOST_DIV 4
#define RAISE_GAP_DIV 4

/* The top of the first line of the pull quote that opens column c's last place (p[n - 1]),
 * INT32_MIN when that float is no pull quote; *inner, the white between it and what lies
 * above it inside the float (its rule). A quote whose rule sits close under the text above
 * it comes up inside its box, its rule kept in place: the white it then loses is the rule's
 * and the quote's together (kiosk-7.5 set the rule four pixels under the text and the
 * attribution four and a half under the other column's last baseline). */
static int32_t
quote_first_line (const column_t *c, const place_t *p, size_t n, int32_t *inner)
{
  int32_t from = p[n - 1].y, reach = from;
  for (size_t i = 0; i < c->n; i++) {
    const piece_t *v = &c->v[i];
    if (v->top < from)
      continue;
    if (v->role == INK_ROLE_QUOTE) {
      *inner = v->top > reach ? v->top - reach : 0;
      return v->top;
    }
    if (v->kind != P_RULE)
      return INT32_MIN;
    if (v->bot > reach)
      reach = v->bot;
  }
  return INT32_MIN;
}

static void
raise_foot_floats (const area_t *a, const int32_t *end, int32_t step)
{
  int32_t grid = INT32_MIN;
  bool on_float[INK_MAKEUP_MAX_COLS];
  place_t p[PLACES_MAX];
  column_t c;
  for (unsigned k = 0; k < a->L->ncols; k++) {
    ink__vj_gather (a, k, &c);
    size_t n = places (&c, false, false, p, PLACES_MAX);
    on_float[k] = c.whole && float_at_foot (&c, p, n, false);
    if (!on_float[k] && end[k] != INT32_MIN && end[k] > grid)
      grid = end[k];
  }
  for (unsigned k = 0; k < a->L->ncols && grid != INT32_MIN; k++) {
    if (!on_float[k] || end[k] == INT32_MIN)
      continue;
    int64_t up = (int64_t) end[k] - grid;
    if (up <= FULL_TOL || up > step / RAISE_MOST_DIV)
      continue;
    ink__vj_gather (a, k, &c);
    size_t n = places (&c, false, false, p, PLACES_MAX);
    int32_t gap = gap_above_last (&c, p, n), inner = 0, at = p[n - 1].y;
    if (up > gap / RAISE_GAP_DIV &&
        ((at = quote_first_line (&c, p, n, &inner)) == INT32_MIN ||
         up > ((int64_t) gap + inner) / RAISE_GAP_DIV))
      continue;
    place_t raise = { at, (int32_t) -up, false, false };
    ink__vj_move_column (a, k, &raise, 1);
  }
}

/* The story's running text goes on past the flow's place (the page just set): not when only
 * floats, tables and the source line are left before the comments. A page after which only
 * floats come is the text's last: set for good, its columns end together but are not let
 * down to the frame's foot (a pull quote that ends the text stood on the foot of a one-column
 * page, nine line steps of white above it). Make-up's search still judges such a page as one
 * let down to its foot: judged as the text's last, a short article chose a setting that read
 * a pull quote after the end of its text. Units not built yet count as text. */
static bool
story_goes_on (lay_t *L)
{
  size_t end = ink__comments_start (L), at = L->cur_ui;
  if (at >= end)
    return false;
  if (!L->units_done && end == L->units.n)
    return true;
  return ink__text_within (L, at, end);
}

/* Lets the page's columns down (see ink__vjust_page); a trial's full page (`trial`) only to
 * its deepest column, not past it by whole line steps. Returns the space put in above body
 * lines; *past, what the floats at a column's foot that came down past the template's bound
 * count: half that space (the float fills the column's foot, a short column leaves it
 * empty). */
static int64_t
justify (lay_t *L, size_t page, bool last, bool trial, bool paras, int64_t *past)
{
  *past = 0;
  if (!L->t->vertical_justify || L->ncols > INK_MAKEUP_MAX_COLS || page >= L->doc->pages.n)
    return 0;
  area_t a = ink__vj_page_area (L, page);
  a.text_on = L->cur_ui < ink__comments_start (L);
  a.paras = paras && !last && a.text_on;   /* where the text stops, white is no hole */
  a.rows_last = paras && last;   /* set for good (ink__vjust_page), not scored (as_set) */
  int32_t deepest, step = ink__line_step (L), end[INK_MAKEUP_MAX_COLS];
  int64_t room = ink__vj_page_ends (&a, end, &deepest), above = 0;
  if (!last) {
    raise_foot_floats (&a, end, step);
    room = ink__vj_page_ends (&a, end, &deepest);
  }
  /* set for good (ink__vjust_page, the one caller with paras off a trial), a page that only
   * floats follow is not let down to the foot; as make-up judges a page, it still is */
  bool fills = !last && !trial && (!paras || story_goes_on (L));
  int32_t fill = fills ? fill_steps (&a, end, deepest, room, step) * step : 0;
  for (unsigned k = 0; k < L->ncols; k++) {
    int32_t d = end[k] == INT32_MIN ? 0 : deepest - end[k] + fill, beyond;
    if (!last && !trial && end[k] != INT32_MIN)
      d = rows_alone_depth (&a, k, deepest - end[k], fill, room, step);
    place_t p[PLACES_MAX];
    size_t n;
    if (d > (last ? step + 64 : 32) &&
        plan_column (&a, k, d, step, last ? step : FULL_TOL, !last, p, &n, &beyond)) {
      ink__vj_move_column (&a, k, p, n);
      above += space_above_text (p, n);
      *past += beyond / 2;
    }
  }
  return above;
}

/**
 * ink__vjust_page:
 * @L: the layout, page @page set for good (nothing is done on a trial setting)
 * @page: the page
 * @last: the article's last page (its columns need end only within a line step)
 *
 * Lets each column that ends above the page's deepest column down to it, by space at the
 * places that may take it (see the file's comment). A full page's column moves only when it
 * then ends on the deepest baseline; a last page's when it then ends within a line step. A full
 * page whose columns would then still leave room for two more lines above the frame's foot
 * comes down by whole line steps past the deepest baseline, when every column can take it.
 * On a full page, a float that ends its column (nothing but the float under the last place)
 * may come down past the template's bound to the deepest baseline: it sits on the column's
 * foot, as a make-up editor sets a related box or a source line under a short column.
 *
 * Return value: half the space such floats came down past the bound, which pages.c counts as
 * room left short (a setting that fills the column with text is better); 0 on a trial
 * setting.
 */
int64_t
ink__vjust_page (lay_t *L, size_t page, bool last)
{
  int64_t past = 0;
  if (!L->trial)
    justify (L, page, last, false, true, &past);
  return past;
}

/**
 * ink__vjust_first:
 * @L: the layout, full page @page as the flow first set it, before make-up's search
 * @page: the page
 *
 * As ink__vjust_page for a full page, but with no space between paragraphs: a page whose
 * columns end apart as first set is searched for a setting that ends them together (or all a
 * line higher) with none, and takes a blank line only where the search finds nothing better.
 *
 * Return value: as ink__vjust_page's.
 */
int64_t
ink__vjust_first (lay_t *L, size_t page)
{
  int64_t past = 0;
  if (!L->trial)
    justify (L, page, false, false, false, &past);
  return past;
}

/**
 * ink__vjust_trial:
 * @L: the layout, full page @page just set on trial (pages.c's search)
 * @page: the page
 *
 * Lets down each column of a full page that ends above its deepest column, as
 * ink__vjust_page will when the page is set for good, so that the trial is scored as it will
 * be printed: a column that ends on a table's or a float's last line, off the grid, ends on
 * the other columns' baseline once space goes above that table or float. The page is set again
 * from its snapshot for each trial.
 *
 * Return value: the space put in above body lines (whole line steps at subheads and floats
 * inside the running text, those between paragraphs counted twice) and half the space a float
 * at a column's foot came down past the template's bound, which the search counts as it counts
 * room left under a column.
 */
int64_t
ink__vjust_trial (lay_t *L, size_t page)
{
  int64_t past;
  int64_t above = justify (L, page, false, true, true, &past);
  return above + past;
}

/**
 * ink__vjust_as_set:
 * @L: the layout, full page @page just set as a trial
 * @page: the page
 *
 * Justifies the full page as ink__vjust_page will once it is set for good, trial or not, so
 * that a trial can judge the page as it will be seen: a column of comments that ends short
 * may come down to the others (lastpair.c). Only the page's own lines and items move. No
 * space goes between paragraphs: the pages judged so are those that should need none.
 */
void
ink__vjust_as_set (lay_t *L, size_t page)
{
  int64_t past;
  justify (L, page, false, false, false, &past);
}

/**
 * ink__vjust_last_as_set:
 * @L: the layout, the last page @page just set as a trial (balance.c)
 * @page: the page
 *
 * Justifies the last page as ink__vjust_page will once it is set for good, so that balancing
 * scores each setting as it will be printed: a column of floats or comments that ends more
 * than a line step above the others comes down to within one when its places can take it.
 */
void
ink__vjust_last_as_set (lay_t *L, size_t page)
{
  int64_t past;
  justify (L, page, true, false, false, &past);
}
