/* para/kp: Knuth–Plass total-fit line breaking ("Breaking paragraphs into lines", 1981, and
 * TeX's passes) on boxes, glue and penalties in 1/64 px.
 *
 * Passes, each run only if the one before found no feasible set of breaks:
 *   1. no hyphenation, lines with ratio <= pretolerance;
 *   2. hyphen penalties too, ratio <= tolerance;
 *   3. as 2 with emergency_stretch added to every line's stretch (if it is > 0), and when
 *      that finds no breaks, again with last_stretch instead (if it is larger);
 *   4. emergency breaks too, any underfull line accepted (with huge badness), and when no line
 *      fits at all the least overfull one is taken, so this pass always ends with breaks;
 *   5. when the steps of all passes (node visits and the searches for their line classes)
 *      exceed max_work, first-fit greedy, linear in n.
 * Passes 1-3 never end three lines in a row with a hyphen (max_hyphen_run) nor the last full
 * line (final_hyphen); pass 4 does only when no breaks at all avoid it: it takes the breaks
 * that break these rules the fewest times, and among those the ones of least demerits.
 * Every pass is a single sweep keeping an active list of feasible breakpoints, the best one
 * per fitness class and run of flagged breaks up to one past max_hyphen_run (and per line
 * number while the line widths still vary, up to the line nohyphen_line bars from ending at
 * a hyphen, or always when looseness is not 0). A node leaves the list once a line from it
 * would be overfull.
 *
 *   ink__kp_params_t p;
 *   ink__kp_params_default (&p);
 *   ink__kp_result_t res;
 *   ink__kp_break (ctx, items, n, widths, 1, &p, &res);
 *   ... ink__kp_result_free (ctx, &res);
 */
#include "kp.h"

#include <math.h>
#include <stdlib.h>

#define NONE ((size_t) -1)
#define BIG 1e12          /* badness of a line with nothing to stretch, or overfull */
#define WORK_EXCEEDED INK_STATUS_COUNT_

/* Running sums of width, stretch, shrink and infinite stretches. Each item holds int32_t
 * values and a paragraph has fewer than 2^32 items (two per byte of at most
 * INK_MAX_PARAGRAPH_BYTES, and a few more), so an int64_t sum stays below 2^63 whatever
 * the items hold; widths past 2^31 (a million wide letters) are compared, never wrapped. */
typedef struct { int64_t w, y, z, fil; } sums_t;

typedef struct {
  size_t pos;             /* item index of the break, NONE for the paragraph's start */
  size_t line;            /* lines up to this break */
  int fitness;
  unsigned run;           /* lines in a row ending at flagged breaks, up to this one */
  size_t rules;           /* hyphen rules broken up to this break (pass 4 only) */
  double total;
  size_t prev;            /* node of the previous break */
  sums_t after;           /* sums up to the first box after the break */
  size_t next;            /* next active node */
} node_t;

typedef struct {
  size_t key, line, prev;
  int fitness;
  unsigned run;
  size_t rules;
  double total;
  size_t chain;           /* the candidate before it in its slot of the class index */
} cand_t;

/* Slots of the index that finds a breakpoint's candidate of a class (line key and fitness,
 * then run) without a search of them all: with the line widths varying for 25 lines, a
 * breakpoint of the emergency pass has up to a hundred classes, and searching them for each
 * node that reaches it was most of the breaker's work on a fuzz input's subhead of cut runs
 * (corpus/pipeline/slow-subhead-of-cut-runs-given-company). A power of two. */
#define CLASS_SLOTS 128

/* Whether breaks that broke rules a times at total demerits ta cost less than ones that
 * broke them b times at tb: fewer broken rules first, then fewer demerits. */
static bool
cheaper (size_t a, double ta, size_t b, double tb)
{
  return a < b || (a == b && ta < tb);
}

typedef struct {
  ink_context_t *ctx;
  const ink__kp_item_t *items;
  size_t n;
  const int32_t *widths;
  size_t nw;
  const ink__kp_params_t *p;
  size_t work, max_work;
  INK_VEC (node_t) pool;
  INK_VEC (cand_t) cands;
  size_t slots[CLASS_SLOTS];   /* each slot's newest candidate, NONE when it has none */
  size_t active;
  sums_t cur;
  double stretch;   /* the extra stretch of the passes from the third on */
} kp_t;

/**
 * ink__kp_params_default:
 * @p: parameters to fill
 *
 * Tolerance 2.0 (about TeX's tolerance 800: the hyphenation pass accepts lines whose glue
 * stretches to three times its stretchability), pretolerance 1.0 (TeX's 100), line penalty
 * 10, flagged and fitness demerits 3000, no emergency or line-end stretch, looseness 0, at most two
 * hyphens in a row and none ending the last full line (before the emergency pass), work
 * bounded by the context's INK_LIMIT_BREAK_WORK.
 *
 * Since: 0.1
 */
void
ink__kp_params_default (ink__kp_params_t *p)
{
  memset (p, 0, sizeof *p);
  p->tolerance = 2.0;
  p->pretolerance = 1.0;
  p->line_penalty = 10;
  p->flagged_demerits = 3000;
  p->fitness_demerits = 3000;
  p->max_hyphen_run = 2;
}

static int64_t
width_of (const int32_t *widths, size_t nw, size_t line)
{
  return widths[line < nw ? line : nw - 1];
}

static double
badness (double r)
{
  double a = fabs (r);
  if (a > 1000)
    a = 1000;
  return 100 * a * a * a;
}

/* Ratio (with extra stretch) and badness of a line of natural width L in measure W. */
static void
line_eval (int64_t L, int64_t Y, int64_t Z, int64_t fil, int64_t W, double extra, double *r,
           double *bad)
{
  if (L < W) {
    if (fil > 0) {
      *r = 0, *bad = 0;
    } else if ((double) Y + extra > 0) {
      *r = (double) (W - L) / ((double) Y + extra);
      *bad = badness (*r);
    } else {
      /* Nothing stretches: worse than any ratio, and worse the emptier the line. */
      *r = HUGE_VAL;
      *bad = BIG + (double) (W - L) / 64;
    }
  } else if (L > W) {
    *r = Z > 0 ? (double) (W - L) / (double) Z : -HUGE_VAL;
    *bad = *r >= -1 ? badness (*r) : BIG + (double) (L - W - (Z > 0 ? Z : 0)) / 64;
  } else {
    *r = 0, *bad = 0;
  }
}

static int
fitness_of (double r)
{
  return r < -0.5 ? 0 : r <= 0.5 ? 1 : r <= 1 ? 2 : 3;
}

static bool
is_flagged (const ink__kp_item_t *items, size_t pos)
{
  return pos != NONE && items[pos].kind == INK_KP_PENALTY && items[pos].flagged;
}

static double
demerits (const ink__kp_params_t *p, double bad, const ink__kp_item_t *brk, bool flagged_pair,
          int fit_prev, int fit)
{
  double base = p->line_penalty + bad;
  double d = base * base;
  if (brk->kind == INK_KP_PENALTY) {
    double pv = brk->penalty;
    if (pv >= 0)
      d += pv * pv;
    else if (pv > -INK_KP_INF)
      d -= pv * pv;
  }
  if (flagged_pair)
    d += p->flagged_demerits;
  if (abs (fit - fit_prev) > 1)
    d += p->fitness_demerits;
  return d;
}

static void
add_glue (sums_t *s, const ink__kp_item_t *it)
{
  s->w += it->width;
  if (it->stretch >= INK_KP_FIL)
    s->fil++;
  else
    s->y += it->stretch;
  s->z += it->shrink;
}

/* Sums after a break at b: the discardable items that follow it are skipped. */
static sums_t
after_break (kp_t *s, size_t b)
{
  sums_t a = s->cur;
  for (size_t j = b; j < s->n; j++) {
    const ink__kp_item_t *it = &s->items[j];
    s->work++;
    if (it->kind == INK_KP_BOX || (it->kind == INK_KP_PENALTY && it->penalty <= -INK_KP_INF && j > b))
      break;
    if (it->kind == INK_KP_GLUE)
      add_glue (&a, it);
  }
  return a;
}

/* The hyphen rules a line from node na breaks by ending at breakpoint b, the run-th flagged
 * break in a row (0: b is not flagged): a third hyphen in a row (max_hyphen_run) or a hyphen
 * ending the last full line, 1 when it breaks one; -1 (barred) when it does before pass 4, or
 * at the line nohyphen_line bars from a hyphen. Pass 4 counts them (cheaper). */
static int
rule_cost (const kp_t *s, const node_t *na, size_t b, unsigned run, int pass)
{
  if (run && na->line + 1 == s->p->nohyphen_line)
    return -1;
  bool broken = (run && s->p->max_hyphen_run && run > s->p->max_hyphen_run)
                || (b == s->n - 1 && !s->p->final_hyphen && is_flagged (s->items, na->pos));
  return !broken ? 0 : pass >= 4 ? 1 : -1;
}

/* The run of flagged breaks a flagged break after a run of `run` makes, counted up to one
 * past max_hyphen_run (up to 1 when there is none): the runs beyond break the rule alike
 * and would only keep apart nodes of the same future, a class each (a fuzz input's pull
 * quotes, cut in the emergency pass at flagged breaks, kept nearly half their nodes so). */
static unsigned
run_after (const ink__kp_params_t *p, unsigned run)
{
  unsigned most = p->max_hyphen_run ? p->max_hyphen_run + 1 : 1;
  return run < most ? run + 1 : most;
}

/* The slot of the class index for line key key and fitness fit. */
static size_t
class_slot (size_t key, int fit)
{
  return ((key + 1) * 4 + (size_t) fit) & (CLASS_SLOTS - 1);
}

static int
try_break (kp_t *s, size_t b, int pass, double threshold, double extra)
{
  const ink__kp_item_t *it = &s->items[b];
  bool pen = it->kind == INK_KP_PENALTY;
  bool forced = pen && it->penalty <= -INK_KP_INF;
  int64_t pw = pen ? it->width : 0;
  size_t prevlink = NONE, resort = NONE;
  int64_t resort_over = 0;
  for (size_t k = 0; k < s->cands.n; k++)
    s->slots[class_slot (s->cands.v[k].key, s->cands.v[k].fitness)] = NONE;
  s->cands.n = 0;
  for (size_t a = s->active; a != NONE;) {
    node_t *na = &s->pool.v[a];
    size_t next = na->next;
    if (++s->work > s->max_work)
      return WORK_EXCEEDED;
    int64_t W = width_of (s->widths, s->nw, na->line);
    int64_t L = s->cur.w - na->after.w + pw, Y = s->cur.y - na->after.y;
    int64_t Z = s->cur.z - na->after.z, fil = s->cur.fil - na->after.fil;
    double r, bad;
    line_eval (L, Y, Z, fil, W, extra, &r, &bad);
    bool flagged = pen && it->flagged;
    unsigned run = flagged ? run_after (s->p, na->run) : 0;
    int rule = rule_cost (s, na, b, run, pass);
    if (r >= -1 && (r <= threshold || pass == 4) && rule >= 0) {
      int fit = fitness_of (r);
      size_t rules = na->rules + (size_t) rule;
      double total = na->total
                     + demerits (s->p, bad, it, flagged && is_flagged (s->items, na->pos),
                                 na->fitness, fit);
      size_t line = na->line + 1;
      size_t key = (s->p->looseness != 0 || line < s->nw || line < s->p->nohyphen_line) ? line : NONE;
      size_t *slot = &s->slots[class_slot (key, fit)], k = *slot;
      while (k != NONE && !(s->cands.v[k].key == key && s->cands.v[k].fitness == fit
                            && s->cands.v[k].run == run)) {
        k = s->cands.v[k].chain;
        s->work++;   /* the search for its class is work too */
      }
      if (k == NONE) {
        cand_t c = {key, line, a, fit, run, rules, total, *slot};
        if (!ink__vec_push (s->ctx, &s->cands, c))
          return INK_NO_MEMORY;
        *slot = s->cands.n - 1;
      } else if (cheaper (rules, total, s->cands.v[k].rules, s->cands.v[k].total)) {
        s->cands.v[k].rules = rules;
        s->cands.v[k].total = total;
        s->cands.v[k].prev = a;
        s->cands.v[k].line = line;
      }
    }
    if (r < -1 || forced) {
      if (r < -1 && pass == 4) {
        int64_t over = L - (Z > 0 ? Z : 0) - W;
        if (resort == NONE || over < resort_over
            || (over == resort_over && cheaper (na->rules, na->total, s->pool.v[resort].rules,
                                                s->pool.v[resort].total)))
          resort = a, resort_over = over;
      }
      if (prevlink == NONE)
        s->active = next;
      else
        s->pool.v[prevlink].next = next;
    } else {
      prevlink = a;
    }
    a = next;
  }

  /* Last pass, nothing fits: keep the least overfull line rather than lose the text. */
  if (s->cands.n == 0 && s->active == NONE && resort != NONE) {
    node_t *na = &s->pool.v[resort];
    double d = demerits (s->p, BIG + (double) resort_over / 64, it, false, na->fitness, 0);
    cand_t c = {NONE, na->line + 1, resort, 0, 0, na->rules, na->total + d, NONE};
    if (!ink__vec_push (s->ctx, &s->cands, c))
      return INK_NO_MEMORY;
  }
  if (s->cands.n == 0)
    return INK_OK;
  sums_t after = after_break (s, b);
  for (size_t k = 0; k < s->cands.n; k++) {
    const cand_t *c = &s->cands.v[k];
    node_t node = {b, c->line, c->fitness, c->run, c->rules, c->total, c->prev, after, s->active};
    if (!ink__vec_push (s->ctx, &s->pool, node))
      return INK_NO_MEMORY;
    s->active = s->pool.n - 1;
  }
  return INK_OK;
}

/* Glue is a breakpoint after a box, except the finishing glue: a break there would only
 * leave an empty last line (TeX puts \penalty10000 before \parfillskip for this). */
static bool
legal_glue (const ink__kp_item_t *items, size_t n, size_t i)
{
  return i > 0 && items[i - 1].kind == INK_KP_BOX
         && !(i + 1 < n && items[i + 1].kind == INK_KP_PENALTY
              && items[i + 1].penalty <= -INK_KP_INF);
}

static bool
legal_penalty (const ink__kp_item_t *it, int pass)
{
  return it->penalty < INK_KP_INF && (!it->hyphen || pass >= 2) && (!it->emergency || pass >= 4);
}

/* One sweep. Returns INK_OK with the chosen final node in *best (NONE: no feasible breaks),
 * INK_NO_MEMORY, or WORK_EXCEEDED. */
static int
run_pass (kp_t *s, int pass, size_t *best)
{
  double threshold = pass == 1 ? s->p->pretolerance : s->p->tolerance;
  double extra = s->p->line_stretch + (pass >= 3 ? s->stretch : 0);
  *best = NONE;
  s->pool.n = 0;
  memset (&s->cur, 0, sizeof s->cur);
  node_t start = {NONE, 0, 1, 0, 0, 0, NONE, {0, 0, 0, 0}, NONE};
  if (!ink__vec_push (s->ctx, &s->pool, start))
    return INK_NO_MEMORY;
  s->active = 0;
  for (size_t i = 0; i < s->n; i++) {
    const ink__kp_item_t *it = &s->items[i];
    int st = INK_OK;
    if (it->kind == INK_KP_BOX) {
      s->cur.w += it->width;
    } else if (it->kind == INK_KP_GLUE) {
      if (legal_glue (s->items, s->n, i))
        st = try_break (s, i, pass, threshold, extra);
      add_glue (&s->cur, it);
    } else if (legal_penalty (it, pass)) {
      st = try_break (s, i, pass, threshold, extra);
    }
    if (st != INK_OK)
      return st;
    if (s->active == NONE)
      return INK_OK;
  }

  /* The final forced break deactivated all earlier nodes: those left end the paragraph. */
  for (size_t a = s->active; a != NONE; a = s->pool.v[a].next) {
    const node_t *na = &s->pool.v[a], *nb = *best == NONE ? NULL : &s->pool.v[*best];
    if (!nb || cheaper (na->rules, na->total, nb->rules, nb->total) ||
        (na->rules == nb->rules && na->total == nb->total && a < *best))
      *best = a;
  }
  return INK_OK;
}

/* Whether d lines more than the optimum lies between 0 and the looseness asked for. */
static bool
towards (long long d, int want)
{
  return want >= 0 ? d >= 0 && d <= want : d <= 0 && d >= want;
}

/* TeX's \looseness: of the nodes ending the paragraph, the one nearest base + looseness
 * lines without going past it or the other way, ties to fewer demerits; best (the optimum)
 * when none is. *d receives its line count minus base. */
static size_t
loose_pick (const kp_t *s, size_t best, size_t base, long long *d)
{
  size_t pick = best;
  *d = (long long) s->pool.v[best].line - (long long) base;
  for (size_t a = s->active; a != NONE; a = s->pool.v[a].next) {
    const node_t *na = &s->pool.v[a];
    long long da = (long long) na->line - (long long) base;
    if (!towards (da, s->p->looseness))
      continue;
    if (!towards (*d, s->p->looseness) || llabs (da) > llabs (*d)
        || (da == *d && cheaper (na->rules, na->total, s->pool.v[pick].rules,
                                 s->pool.v[pick].total)))
      pick = a, *d = da;
  }
  return pick;
}

/* Copies the breaks that lead to node `last` into out (its arrays freed first). */
static bool
take_breaks (kp_t *s, size_t last, ink__kp_result_t *out)
{
  ink__kp_result_free (s->ctx, out);
  size_t lines = s->pool.v[last].line;
  out->breaks = ink__realloc_array (s->ctx, NULL, 0, lines, sizeof *out->breaks);
  if (!out->breaks)
    return false;
  out->nbreaks = lines;
  for (size_t a = last, k = lines; a != NONE && s->pool.v[a].pos != NONE; a = s->pool.v[a].prev)
    out->breaks[--k] = s->pool.v[a].pos;
  return true;
}

static ink_status_t
check_items (ink_context_t *ctx, const ink__kp_item_t *items, size_t n, const int32_t *widths,
             size_t nw, ink__kp_result_t *out)
{
  memset (out, 0, sizeof *out);
  if (n == 0)
    return INK_OK;
  if (!items || !widths || nw == 0)
    return ink__error (ctx, INK_INVALID, "line breaking: no items or no line widths");
  if (items[n - 1].kind != INK_KP_PENALTY || items[n - 1].penalty > -INK_KP_INF)
    return ink__error (ctx, INK_INVALID,
                       "line breaking: item %zu should be the forced break ending the paragraph",
                       n - 1);
  return INK_OK;
}

/* Fills ratios, demerits and overfull count once the breaks are known. */
static ink_status_t
finish (ink_context_t *ctx, const ink__kp_item_t *items, size_t n, const int32_t *widths,
        size_t nw, const ink__kp_params_t *p, ink__kp_result_t *out)
{
  out->ratios = ink__realloc_array (ctx, NULL, 0, out->nbreaks, sizeof *out->ratios);
  if (!out->ratios) {
    ink__kp_result_free (ctx, out);
    return ink__error (ctx, INK_NO_MEMORY, "out of memory breaking lines");
  }
  out->demerits = ink__kp_demerits (items, n, widths, nw, p, out->breaks, out->nbreaks,
                                    out->ratios, &out->overfull_lines);
  return INK_OK;
}

/**
 * ink__kp_greedy:
 * @ctx: a context
 * @items: the paragraph, ending with a forced break
 * @n: item count
 * @line_widths: measure of each line; lines past @nwidths use the last
 * @nwidths: at least 1
 * @out: filled; free with ink__kp_result_free
 *
 * First fit: each line takes as much as fits with its glue shrunk, breaking at the last
 * fitting ordinary breakpoint, else at the last fitting emergency one, else (nothing fits)
 * at the first breakpoint, overfull. Hyphen penalties are ordinary breakpoints here.
 * Demerits are computed with default parameters; pass is 5.
 *
 * Return value: INK_OK, INK_INVALID (bad item list) or INK_NO_MEMORY.
 * Since: 0.1
 */
ink_status_t
ink__kp_greedy (ink_context_t *ctx, const ink__kp_item_t *items, size_t n,
                const int32_t *line_widths, size_t nwidths, ink__kp_result_t *out)
{
  ink_status_t st = check_items (ctx, items, n, line_widths, nwidths, out);
  if (st != INK_OK || n == 0)
    return st;
  typedef struct { size_t pos, nbox; sums_t after; bool known; } mark_t;
  INK_VEC (size_t) brk = {0};
  sums_t cur = {0, 0, 0, 0};
  mark_t start = {NONE, 0, {0, 0, 0, 0}, true}, c = {NONE, 0, {0}, false}, ce = c;
  const mark_t none = c;
  size_t nbox = 0, line = 0;
  for (size_t i = 0; i < n; i++) {
    const ink__kp_item_t *it = &items[i];
    bool forced = it->kind == INK_KP_PENALTY && it->penalty <= -INK_KP_INF;
    if (it->kind == INK_KP_BOX || forced) {
      mark_t *m[3] = {&start, &c, &ce};
      for (int k = 0; k < 3; k++)
        if (!m[k]->known && (m[k] == &start || m[k]->pos != NONE) && m[k]->pos != i)
          m[k]->after = cur, m[k]->known = true;
    }
    bool bp = (it->kind == INK_KP_GLUE && legal_glue (items, n, i))
              || (it->kind == INK_KP_PENALTY && it->penalty < INK_KP_INF);
    while (bp) {
      bp = false;
      if (!forced && nbox == start.nbox)
        break;   /* nothing on the line yet */
      int64_t W = width_of (line_widths, nwidths, line);
      int64_t pw = it->kind == INK_KP_PENALTY ? it->width : 0;
      int64_t L = cur.w - start.after.w + pw, Z = cur.z - start.after.z;
      mark_t here = {i, nbox, cur, false};
      mark_t pick = here;
      if (L - Z <= W && !forced) {
        if (it->emergency)
          ce = here;
        else
          c = here;
        break;
      }
      if (L - Z > W && c.pos != NONE)
        pick = c;
      else if (L - Z > W && ce.pos != NONE)
        pick = ce;
      if (!ink__vec_push (ctx, &brk, pick.pos)) {
        ink__vec_free (ctx, &brk);
        return ink__error (ctx, INK_NO_MEMORY, "out of memory breaking lines");
      }
      line++;
      start = pick;
      c = ce = none;
      /* A break before this point: measure this breakpoint again from the new line. */
      bp = pick.pos != i;
    }
    if (it->kind == INK_KP_BOX)
      cur.w += it->width, nbox++;
    else if (it->kind == INK_KP_GLUE)
      add_glue (&cur, it);
  }
  out->breaks = brk.v;
  out->nbreaks = brk.n;
  out->pass = 5;
  out->optimal_lines = brk.n;
  /* Shrink the array to its length so the result frees with nbreaks alone. */
  if (brk.cap != brk.n) {
    size_t *v = ink__realloc_array (ctx, brk.v, brk.cap, brk.n, sizeof *brk.v);
    if (!v) {
      ink__vec_free (ctx, &brk);
      memset (out, 0, sizeof *out);
      return ink__error (ctx, INK_NO_MEMORY, "out of memory breaking lines");
    }
    out->breaks = v;
  }
  return finish (ctx, items, n, line_widths, nwidths, NULL, out);
}

/**
 * ink__kp_break:
 * @ctx: a context
 * @items: the paragraph, ending with glue (0, INK_KP_FIL stretch) and a forced break
 * @n: item count
 * @line_widths: measure of each line; lines past @nwidths use the last (indents, drop
 *               caps, shaped columns)
 * @nwidths: at least 1
 * @params: nullable: ink__kp_params_default
 * @out: filled; free with ink__kp_result_free
 *
 * Chooses the breaks with the least total demerits (see the passes above). Always finds
 * breaks: overlong material is broken at emergency penalties in pass 4 or left overfull and
 * counted in out->overfull_lines; never dropped.
 *
 * Return value: INK_OK, INK_INVALID (bad item list) or INK_NO_MEMORY.
 * Since: 0.1
 */
ink_status_t
ink__kp_break (ink_context_t *ctx, const ink__kp_item_t *items, size_t n,
               const int32_t *line_widths, size_t nwidths, const ink__kp_params_t *params,
               ink__kp_result_t *out)
{
  ink_status_t st = check_items (ctx, items, n, line_widths, nwidths, out);
  if (st != INK_OK || n == 0)
    return st;
  ink__kp_params_t defaults;
  ink__kp_params_default (&defaults);
  kp_t s = {0};
  for (size_t k = 0; k < CLASS_SLOTS; k++)
    s.slots[k] = NONE;
  s.ctx = ctx;
  s.items = items;
  s.n = n;
  s.widths = line_widths;
  s.nw = nwidths;
  s.p = params ? params : &defaults;
  s.max_work = ink__limit (ctx, INK_LIMIT_BREAK_WORK);
  if (s.p->max_work > 0 && s.p->max_work < s.max_work)
    s.max_work = s.p->max_work;

  int passes[5], npasses = 0;
  bool last[5] = { false };
  if (s.p->pretolerance >= 0)
    passes[npasses++] = 1;
  passes[npasses++] = 2;
  if (s.p->emergency_stretch > 0)
    passes[npasses++] = 3;
  if (s.p->last_stretch > s.p->emergency_stretch)
    last[npasses] = true, passes[npasses++] = 3;
  passes[npasses++] = 4;
  /* The first pass with breaks gives the optimum; with a looseness not met there, the
   * later passes (hyphens, emergency stretch, as in TeX) are tried for it, but not the
   * emergency breaks of pass 4, which would meet any looseness with bad lines. */
  bool have = false;
  size_t base = 0;
  long long got = 0;
  int rc = INK_OK;
  for (int k = 0; k < npasses && rc == INK_OK; k++) {
    size_t best = NONE;
    if (have && (got == s.p->looseness || passes[k] == 4 || last[k]))
      break;
    s.stretch = last[k] ? s.p->last_stretch : s.p->emergency_stretch;
    rc = run_pass (&s, passes[k], &best);
    if (rc != INK_OK || best == NONE)
      continue;
    if (!have)
      base = s.pool.v[best].line;
    long long d;
    size_t pick = loose_pick (&s, best, base, &d);
    if (have && !(towards (d, s.p->looseness) && llabs (s.p->looseness - d) < llabs (s.p->looseness - got)))
      continue;
    if (!take_breaks (&s, pick, out)) {
      rc = INK_NO_MEMORY;
      break;
    }
    out->pass = passes[k];
    got = d, have = true;
  }
  ink__vec_free (ctx, &s.cands);
  ink__vec_free (ctx, &s.pool);
  if (rc == INK_NO_MEMORY) {
    ink__kp_result_free (ctx, out);
    return ink__error (ctx, INK_NO_MEMORY, "out of memory breaking lines");
  }
  if (!have) {
    if (rc == WORK_EXCEEDED)
      ink__log (ctx, INK_LOG_INFO, "line breaking: %zu node visits, falling back to first fit",
                s.max_work);
    return ink__kp_greedy (ctx, items, n, line_widths, nwidths, out);
  }
  out->optimal_lines = base;
  out->looseness = (int) got;
  return finish (ctx, items, n, line_widths, nwidths, s.p, out);
}

/**
 * ink__kp_demerits:
 * @items: the paragraph
 * @n: item count
 * @line_widths: as for ink__kp_break
 * @nwidths: at least 1
 * @params: nullable: defaults
 * @breaks: item index where each line ends, increasing
 * @nbreaks: line count
 * @ratios: nullable; nbreaks entries: the ratio to set each line's glue with (>= -1, 0 when
 *          the line has nothing to stretch or shrink, or an infinite stretch)
 * @overfull: nullable; lines wider than their measure with all glue shrunk
 *
 * The cost function ink__kp_break minimizes (without emergency stretch), so that any two
 * sets of breaks, from whatever algorithm, compare on equal terms.
 *
 * Return value: total demerits; HUGE_VAL when breaks are not increasing item indices.
 * Since: 0.1
 */
double
ink__kp_demerits (const ink__kp_item_t *items, size_t n, const int32_t *line_widths,
                  size_t nwidths, const ink__kp_params_t *params, const size_t *breaks,
                  size_t nbreaks, double *ratios, size_t *overfull)
{
  ink__kp_params_t defaults;
  ink__kp_params_default (&defaults);
  const ink__kp_params_t *p = params ? params : &defaults;
  sums_t cur = {0, 0, 0, 0}, start = cur;
  bool pending = false;
  size_t k = 0, last = NONE, nover = 0;
  int fit_prev = 1;
  double total = 0;
  if (overfull)
    *overfull = 0;
  if (nwidths == 0 && nbreaks > 0)
    return HUGE_VAL;
  for (size_t i = 0; i < n && k < nbreaks; i++) {
    const ink__kp_item_t *it = &items[i];
    if (breaks[k] < i || (last != NONE && breaks[k] <= last))
      return HUGE_VAL;
    bool forced = it->kind == INK_KP_PENALTY && it->penalty <= -INK_KP_INF;
    if (pending && (it->kind == INK_KP_BOX || (forced && i != last)))
      start = cur, pending = false;
    if (breaks[k] == i) {
      int64_t W = width_of (line_widths, nwidths, k);
      int64_t L = cur.w - start.w + (it->kind == INK_KP_PENALTY ? it->width : 0);
      int64_t Y = cur.y - start.y, Z = cur.z - start.z, fil = cur.fil - start.fil;
      double r, bad;
      line_eval (L, Y, Z, fil, W, p->line_stretch, &r, &bad);
      int fit = fitness_of (r);
      total += demerits (p, bad, it, is_flagged (items, i) && is_flagged (items, last), fit_prev, fit);
      fit_prev = fit;
      if (L - (Z > 0 ? Z : 0) > W)
        nover++;
      if (ratios)
        ratios[k] = (!isfinite (r) || fil > 0) ? 0 : r < -1 ? -1 : r;
      last = i;
      pending = true;
      k++;
    }
    if (it->kind == INK_KP_BOX)
      cur.w += it->width;
    else if (it->kind == INK_KP_GLUE)
      add_glue (&cur, it);
  }
  if (k < nbreaks)
    return HUGE_VAL;
  if (overfull)
    *overfull = nover;
  return total;
}

/**
 * ink__kp_result_free:
 * @ctx: the context the result was made with
 * @r: a result (its arrays are freed and it is zeroed)
 *
 * Since: 0.1
 */
void
ink__kp_result_free (ink_context_t *ctx, ink__kp_result_t *r)
{
  if (!r)
    return;
  ink__free (ctx, r->breaks, r->breaks ? r->nbreaks * sizeof *r->breaks : 0);
  ink__free (ctx, r->ratios, r->ratios ? r->nbreaks * sizeof *r->ratios : 0);
  memset (r, 0, sizeof *r);
}
