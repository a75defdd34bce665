/* Knuth–Plass total-fit line breaking: total fit against first fit, forced breaks, the
 * hyphenation pass and the rules of hyphens, looseness, line widths, emergency breaks and
 * ragged right. Bad input, the work bound, out of memory and huge widths are in
 * test_kp_limits.c. */
#include "kp.h"
#include "test.h"
#include "kpitems.h"

#include <math.h>

static ink_context_t *ctx;

TEST (total_fit_beats_first_fit)
{
  /* First fit takes each line as full as it goes; total fit spreads the slack and wins on
   * the demerits both are measured with. */
  double w[80];
  for (size_t i = 0; i < 80; i++)
    w[i] = 10 + (double) ((i * 37 + 11) % 31);
  para_t p = {.n = 0};
  words (&p, w, 80);
  finish (&p);
  int32_t measure = PX (200);
  ink__kp_params_t par;
  ink__kp_params_default (&par);
  ink__kp_result_t kp, gr;
  CHECK_EQ_INT (ink__kp_break (ctx, p.v, p.n, &measure, 1, &par, &kp), INK_OK);
  CHECK_EQ_INT (ink__kp_greedy (ctx, p.v, p.n, &measure, 1, &gr), INK_OK);
  CHECK (valid_breaks (&p, &kp));
  CHECK (valid_breaks (&p, &gr));
  CHECK (kp.pass <= 2);
  double dk = ink__kp_demerits (p.v, p.n, &measure, 1, &par, kp.breaks, kp.nbreaks, NULL, NULL);
  double dg = ink__kp_demerits (p.v, p.n, &measure, 1, &par, gr.breaks, gr.nbreaks, NULL, NULL);
  CHECK (fabs (dk - kp.demerits) < 1e-6 * (1 + dk));
  CHECK (dk < dg);
  for (size_t k = 0; k < kp.nbreaks; k++)
    CHECK (kp.ratios[k] >= -1 && kp.ratios[k] <= par.tolerance);
  CHECK_EQ_INT (kp.overfull_lines, 0);
  ink__kp_result_free (ctx, &kp);
  ink__kp_result_free (ctx, &gr);
}

TEST (deterministic_and_optimal_small)
{
  /* Exhaustive check on a small paragraph: no set of breaks has lower demerits. */
  static const double w[] = {30, 25, 50, 20, 35, 45, 15, 40, 30, 25};
  para_t p = {.n = 0};
  words (&p, w, sizeof w / sizeof *w);
  finish (&p);
  int32_t measure = PX (110);
  ink__kp_params_t par;
  ink__kp_params_default (&par);
  par.pretolerance = -1;
  par.tolerance = 100;
  ink__kp_result_t a, b;
  CHECK_EQ_INT (ink__kp_break (ctx, p.v, p.n, &measure, 1, &par, &a), INK_OK);
  CHECK_EQ_INT (ink__kp_break (ctx, p.v, p.n, &measure, 1, &par, &b), INK_OK);
  CHECK_EQ_INT (a.nbreaks, b.nbreaks);
  CHECK (a.nbreaks == b.nbreaks && memcmp (a.breaks, b.breaks, a.nbreaks * sizeof *a.breaks) == 0);
  /* Glue items are at odd indices 1, 3, ... 17; enumerate every subset as breaks. */
  double best = HUGE_VAL;
  for (unsigned mask = 0; mask < (1u << 9); mask++) {
    size_t br[11], nb = 0;
    for (unsigned g = 0; g < 9; g++)
      if (mask & (1u << g))
        br[nb++] = 2 * g + 1;
    br[nb++] = p.n - 1;
    size_t over;
    double d = ink__kp_demerits (p.v, p.n, &measure, 1, &par, br, nb, NULL, &over);
    double r[11];
    ink__kp_demerits (p.v, p.n, &measure, 1, &par, br, nb, r, NULL);
    bool ok = over == 0;
    for (size_t k = 0; k < nb; k++)
      ok = ok && r[k] <= par.tolerance;
    if (ok && d < best)
      best = d;
  }
  CHECK (fabs (a.demerits - best) < 1e-6 * (1 + best));
  ink__kp_result_free (ctx, &a);
  ink__kp_result_free (ctx, &b);
}

TEST (forced_break)
{
  para_t p = {.n = 0};
  static const double w[] = {30, 30, 30};
  words (&p, w, 3);
  p.v[p.n++] = (ink__kp_item_t) {.kind = INK_KP_PENALTY, .penalty = -INK_KP_INF};
  size_t forced = p.n - 1;
  words (&p, w, 3);
  finish (&p);
  int32_t measure = PX (500);
  ink__kp_result_t r;
  CHECK_EQ_INT (ink__kp_break (ctx, p.v, p.n, &measure, 1, NULL, &r), INK_OK);
  CHECK_EQ_INT (r.nbreaks, 2);
  CHECK_EQ_INT (r.breaks[0], forced);
  CHECK (valid_breaks (&p, &r));
  ink__kp_result_free (ctx, &r);
}

TEST (hyphenation_pass)
{
  /* Two long words: only a hyphen inside the second lets the first line be tight enough. */
  para_t p = {.n = 0};
  box (&p, 100);
  space (&p);
  box (&p, 60);
  hyphen (&p);
  box (&p, 60);
  finish (&p);
  int32_t measure = PX (170);
  ink__kp_params_t par;
  ink__kp_params_default (&par);
  par.final_hyphen = true;
  ink__kp_result_t r;
  CHECK_EQ_INT (ink__kp_break (ctx, p.v, p.n, &measure, 1, &par, &r), INK_OK);
  CHECK_EQ_INT (r.pass, 2);
  CHECK_EQ_INT (r.nbreaks, 2);
  CHECK_EQ_INT (r.breaks[0], 3);     /* at the hyphen */
  ink__kp_result_free (ctx, &r);
  /* By default the last full line may not end with a hyphen: only pass 4 breaks there. */
  CHECK_EQ_INT (ink__kp_break (ctx, p.v, p.n, &measure, 1, NULL, &r), INK_OK);
  CHECK_EQ_INT (r.pass, 4);
  ink__kp_result_free (ctx, &r);
}

/* "A B", a word wider than what is left with emergency breaks between its letters (no
 * hyphenation point), then six words: within the tolerance, even with the emergency stretch,
 * no setting exists. The fourth pass cuts the word; with a last stretch the third pass is
 * run again and leaves the first line loose instead, the word whole on the second. */
TEST (last_stretch_before_a_cut)
{
  para_t p = {.n = 0};
  box (&p, 60);
  space (&p);
  box (&p, 60);
  space (&p);
  for (int i = 0; i < 11; i++) {
    if (i) {
      p.v[p.n++] = (ink__kp_item_t) {.kind = INK_KP_PENALTY, .width = PX (4), .penalty = 1000,
                                     .flagged = 1, .hyphen = 1, .emergency = 1};
    }
    box (&p, 10);
  }
  for (int i = 0; i < 6; i++) {
    space (&p);
    box (&p, 60);
  }
  finish (&p);
  int32_t measure = PX (200);
  ink__kp_params_t par;
  ink__kp_params_default (&par);
  par.emergency_stretch = PX (10);
  ink__kp_result_t r;
  CHECK_EQ_INT (ink__kp_break (ctx, p.v, p.n, &measure, 1, &par, &r), INK_OK);
  CHECK_EQ_INT (r.pass, 4);
  CHECK (r.nbreaks >= 3 && p.v[r.breaks[0]].emergency);
  ink__kp_result_free (ctx, &r);
  par.last_stretch = PX (50);
  CHECK_EQ_INT (ink__kp_break (ctx, p.v, p.n, &measure, 1, &par, &r), INK_OK);
  CHECK_EQ_INT (r.pass, 3);
  CHECK (r.nbreaks >= 3 && p.v[r.breaks[0]].kind == INK_KP_GLUE);
  CHECK_EQ_INT (r.breaks[0], 3);
  ink__kp_result_free (ctx, &r);
}

/* Every word of three syllables, at many measures: before the emergency pass no three lines
 * in a row end with a hyphen and the last full line never does; without the rules both
 * happen at some of the same measures. */
TEST (hyphen_rules)
{
  para_t p = {.n = 0};
  for (int i = 0; i < 40; i++) {
    if (i)
      space (&p);
    box (&p, 14 + (i * 7) % 11);
    hyphen (&p);
    box (&p, 12 + (i * 5) % 9);
    hyphen (&p);
    box (&p, 10 + (i * 3) % 13);
  }
  finish (&p);
  size_t runs3 = 0, finals = 0, checked = 0;
  for (int rules = 1; rules >= 0; rules--) {
    for (int m = 140; m <= 400; m += 3) {
      int32_t measure = PX (m);
      ink__kp_params_t par;
      ink__kp_params_default (&par);
      par.tolerance = 4;
      if (!rules)
        par.max_hyphen_run = 0, par.final_hyphen = true;
      ink__kp_result_t r;
      CHECK_EQ_INT (ink__kp_break (ctx, p.v, p.n, &measure, 1, &par, &r), INK_OK);
      CHECK (valid_breaks (&p, &r));
      size_t run = 0, maxrun = 0;
      for (size_t k = 0; k + 1 < r.nbreaks; k++) {
        run = p.v[r.breaks[k]].flagged ? run + 1 : 0;
        maxrun = run > maxrun ? run : maxrun;
      }
      bool final = r.nbreaks > 1 && p.v[r.breaks[r.nbreaks - 2]].flagged;
      if (rules && r.pass < 4) {
        CHECK (maxrun <= 2);
        CHECK (!final);
        checked++;
      }
      if (!rules) {
        runs3 += maxrun > 2;
        finals += final;
      }
      ink__kp_result_free (ctx, &r);
    }
  }
  CHECK (checked > 50);
  CHECK (runs3 > 0);
  CHECK (finals > 0);
}

/* The hyphen rules broken in pass 4, and whether breaks br are all legal and none overfull. */
static size_t
broken_rules (const para_t *p, const ink__kp_params_t *par, const size_t *br, size_t nb)
{
  size_t rules = 0, run = 0;
  for (size_t k = 0; k + 1 < nb; k++) {
    run = p->v[br[k]].flagged ? run + 1 : 0;
    rules += run > par->max_hyphen_run;
  }
  return rules + (nb > 1 && p->v[br[nb - 2]].flagged);
}

/* A word of four syllables each almost a line wide among short words, ragged: every set of
 * breaks ends three lines in a row with a hyphen, so only pass 4 breaks the paragraph; it
 * still takes the breaks of fewest broken rules and, among those, of least demerits, as an
 * exhaustive search over all breakpoints finds them (the rules once cost more than any
 * lines, and swamped the lines' own demerits). */
TEST (broken_rules_still_optimal)
{
  para_t p = {.n = 0};
  box (&p, 20);
  space (&p);
  box (&p, 140);
  for (int i = 0; i < 3; i++) {
    hyphen (&p);
    box (&p, i < 2 ? 140 : 100);
  }
  static const double w[] = {60, 40, 70, 50, 30, 80};
  for (size_t i = 0; i < sizeof w / sizeof *w; i++) {
    space (&p);
    box (&p, w[i]);
  }
  finish (&p);
  int32_t measure = PX (150);
  ink__kp_params_t par;
  ink__kp_params_default (&par);
  par.line_stretch = PX (25);
  ink__kp_result_t r;
  CHECK_EQ_INT (ink__kp_break (ctx, p.v, p.n, &measure, 1, &par, &r), INK_OK);
  CHECK_EQ_INT (r.pass, 4);
  CHECK (valid_breaks (&p, &r));
  size_t pts[32], np = 0;
  for (size_t i = 1; i + 2 < p.n; i++)
    if (p.v[i].kind == INK_KP_PENALTY || p.v[i - 1].kind == INK_KP_BOX)
      pts[np++] = i;
  CHECK (np <= 16);
  size_t best_rules = SIZE_MAX;
  double best = HUGE_VAL;
  for (unsigned mask = 0; np <= 16 && mask < (1u << np); mask++) {
    size_t br[18], nb = 0, over;
    for (size_t g = 0; g < np; g++)
      if (mask & (1u << g))
        br[nb++] = pts[g];
    br[nb++] = p.n - 1;
    double d = ink__kp_demerits (p.v, p.n, &measure, 1, &par, br, nb, NULL, &over);
    size_t rules = broken_rules (&p, &par, br, nb);
    if (over == 0 && (rules < best_rules || (rules == best_rules && d < best)))
      best_rules = rules, best = d;
  }
  CHECK_EQ_INT (best_rules, 1);
  CHECK_EQ_INT (broken_rules (&p, &par, r.breaks, r.nbreaks), best_rules);
  CHECK (fabs (r.demerits - best) < 1e-6 * (1 + best));
  ink__kp_result_free (ctx, &r);
}

/* Words of two syllables (a hyphen between them) and short words, set at many measures:
 * wherever the best breaks end line k at a hyphen, barring it (nohyphen_line k + 1) gives
 * valid breaks with no hyphen there; barring a line that ends at a space changes nothing. */
TEST (nohyphen_line)
{
  para_t p = {.n = 0};
  syllables (&p);
  size_t barred = 0, kept = 0;
  for (int m = 120; m <= 260; m += 5) {
    int32_t measure = PX (m);
    ink__kp_params_t prm;
    ink__kp_params_default (&prm);
    ink__kp_result_t r;
    CHECK_EQ_INT (ink__kp_break (ctx, p.v, p.n, &measure, 1, &prm, &r), INK_OK);
    for (size_t k = 0; k + 1 < r.nbreaks; k++) {
      prm.nohyphen_line = k + 1;
      ink__kp_result_t b;
      CHECK_EQ_INT (ink__kp_break (ctx, p.v, p.n, &measure, 1, &prm, &b), INK_OK);
      CHECK (valid_breaks (&p, &b));
      if (p.v[r.breaks[k]].flagged) {
        CHECK (k >= b.nbreaks || !p.v[b.breaks[k]].flagged || b.pass == 4);
        barred++;
      } else {
        CHECK_EQ_INT (b.nbreaks, r.nbreaks);
        for (size_t j = 0; j < b.nbreaks && j < r.nbreaks; j++)
          CHECK_EQ_INT (b.breaks[j], r.breaks[j]);
        kept++;
      }
      ink__kp_result_free (ctx, &b);
    }
    ink__kp_result_free (ctx, &r);
  }
  CHECK (barred > 5);
  CHECK (kept > 5);
}

/* Least demerits of any breaks of p with exactly c lines whose ratios lie within the
 * tolerance, for every c (HUGE_VAL: none); breaks at the ng glues at odd indices. */
static void
best_per_count (const para_t *p, unsigned ng, int32_t measure, const ink__kp_params_t *par,
                double *best, size_t nbest)
{
  for (size_t c = 0; c < nbest; c++)
    best[c] = HUGE_VAL;
  for (unsigned mask = 0; mask < (1u << ng); mask++) {
    size_t br[16], nb = 0;
    for (unsigned g = 0; g < ng; g++)
      if (mask & (1u << g))
        br[nb++] = 2 * g + 1;
    br[nb++] = p->n - 1;
    double r[16];
    size_t over;
    double d = ink__kp_demerits (p->v, p->n, &measure, 1, par, br, nb, r, &over);
    bool ok = over == 0;
    /* A line of one word has no glue to stretch (ratio reported 0): never feasible. */
    for (size_t k = 0; k < nb; k++)
      ok = ok && r[k] <= par->tolerance && (k + 1 == nb || br[k] - (k ? br[k - 1] : 0) > 2 - !k);
    if (ok && nb < nbest && d < best[nb])
      best[nb] = d;
  }
}

/* TeX's \looseness, checked against every set of breaks of a small paragraph at many
 * measures: the result has the asked count of lines when breaks within the tolerance give
 * it, else the feasible count nearest to it on the way from the optimum, and the least
 * demerits for that count; the result says which looseness it met. */
TEST (looseness)
{
  static const double w[] = {18, 25, 12, 20, 28, 14, 15, 22, 30, 11, 26, 20, 16, 24};
  para_t p = {.n = 0};
  words (&p, w, 14);
  finish (&p);
  for (size_t i = 1; i < p.n - 2; i += 2)
    p.v[i].shrink = PX (4);   /* spaces that shrink well, so that fewer lines can fit */
  size_t met[5] = {0}, missed[5] = {0}, partway = 0;
  for (int m = 40; m <= 200; m += 2) {
    int32_t measure = PX (m);
    ink__kp_params_t par;
    ink__kp_params_default (&par);
    par.pretolerance = -1;
    par.tolerance = 10;
    double best[14];
    best_per_count (&p, 13, measure, &par, best, 14);
    ink__kp_result_t opt;
    CHECK_EQ_INT (ink__kp_break (ctx, p.v, p.n, &measure, 1, &par, &opt), INK_OK);
    if (opt.pass != 2) {
      ink__kp_result_free (ctx, &opt);
      continue;
    }
    size_t n = opt.nbreaks;
    CHECK_EQ_INT (opt.optimal_lines, n);
    CHECK_EQ_INT (opt.looseness, 0);
    for (int want = -2; want <= 2; want++) {
      if (want == 0)
        continue;
      /* The expected count: the farthest feasible one from n towards n + want. */
      long long expect = (long long) n;
      int dir = want > 0 ? 1 : -1;
      for (int k = 1; k <= want * dir; k++) {
        long long c = (long long) n + k * dir;
        if (c > 0 && c < 14 && best[c] < HUGE_VAL)
          expect = c;
      }
      par.looseness = want;
      ink__kp_result_t r;
      CHECK_EQ_INT (ink__kp_break (ctx, p.v, p.n, &measure, 1, &par, &r), INK_OK);
      CHECK (valid_breaks (&p, &r));
      CHECK_EQ_INT (r.nbreaks, expect);
      CHECK_EQ_INT (r.optimal_lines, n);
      CHECK_EQ_INT (r.looseness, (long long) r.nbreaks - (long long) n);
      if (r.nbreaks < 14)
        CHECK (fabs (r.demerits - best[r.nbreaks]) < 1e-6 * (1 + best[r.nbreaks]));
      for (size_t k = 0; k < r.nbreaks; k++)
        CHECK (r.ratios[k] >= -1 && r.ratios[k] <= par.tolerance);
      if (r.looseness == want)
        met[want + 2]++;
      else
        missed[want + 2]++;
      partway += r.looseness != 0 && r.looseness != want;
      ink__kp_result_free (ctx, &r);
    }
    ink__kp_result_free (ctx, &opt);
  }
  /* The measures cover both outcomes for one line more and one fewer, two more, and an
   * ask of two met halfway. */
  CHECK (met[3] > 0 && missed[3] > 0);
  CHECK (met[1] > 0 && missed[1] > 0);
  CHECK (met[4] > 0 && partway > 0);
}

/* Words with hyphenation points at many measures, with the same tolerance in both passes
 * so that the second differs only by its hyphens: a looseness the first pass cannot meet is
 * sought in the second (as TeX does), met there only with a hyphen, and never by the
 * emergency pass. */
TEST (looseness_with_hyphens)
{
  para_t p = {.n = 0};
  syllables (&p);
  size_t first = 0, second = 0;
  for (int m = 120; m <= 260; m += 4) {
    int32_t measure = PX (m);
    ink__kp_params_t prm;
    ink__kp_params_default (&prm);
    prm.tolerance = prm.pretolerance = 6;
    ink__kp_result_t opt;
    CHECK_EQ_INT (ink__kp_break (ctx, p.v, p.n, &measure, 1, &prm, &opt), INK_OK);
    for (int want = -1; want <= 1; want += 2) {
      prm.looseness = want;
      ink__kp_result_t r;
      CHECK_EQ_INT (ink__kp_break (ctx, p.v, p.n, &measure, 1, &prm, &r), INK_OK);
      CHECK (valid_breaks (&p, &r));
      CHECK_EQ_INT (r.optimal_lines, opt.nbreaks);
      CHECK_EQ_INT ((long long) r.nbreaks, (long long) opt.nbreaks + r.looseness);
      CHECK (r.pass >= opt.pass && (r.pass < 4 || opt.pass == 4));
      bool hyphens = false;
      for (size_t k = 0; k < r.nbreaks; k++)
        hyphens = hyphens || p.v[r.breaks[k]].flagged;
      if (r.looseness == want && r.pass == 1)
        first++;
      if (r.looseness == want && r.pass == 2 && opt.pass == 1) {
        CHECK (hyphens);
        second++;
      }
      ink__kp_result_free (ctx, &r);
    }
    prm.looseness = 0;
    ink__kp_result_free (ctx, &opt);
  }
  CHECK (first > 0);
  CHECK (second > 0);
}

TEST (line_widths)
{
  /* A narrow first line (a drop cap) takes fewer words than the rest. */
  static const double w[] = {40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40};
  para_t p = {.n = 0};
  words (&p, w, 12);
  finish (&p);
  int32_t widths[] = {PX (90), PX (180)};
  ink__kp_result_t r;
  CHECK_EQ_INT (ink__kp_break (ctx, p.v, p.n, widths, 2, NULL, &r), INK_OK);
  CHECK (valid_breaks (&p, &r));
  CHECK_EQ_INT (r.breaks[0], 3);     /* two words on the first line */
  CHECK_EQ_INT (r.overfull_lines, 0);
  ink__kp_result_free (ctx, &r);
}

TEST (emergency_breaks)
{
  /* A 400 px word with emergency points every 20 px in a 150 px measure. */
  para_t p = {.n = 0};
  box (&p, 30);
  space (&p);
  for (int i = 0; i < 20; i++) {
    if (i)
      p.v[p.n++] = (ink__kp_item_t) {.kind = INK_KP_PENALTY, .penalty = 1000, .emergency = 1};
    box (&p, 20);
  }
  space (&p);
  box (&p, 30);
  finish (&p);
  int32_t measure = PX (150);
  ink__kp_result_t r;
  CHECK_EQ_INT (ink__kp_break (ctx, p.v, p.n, &measure, 1, NULL, &r), INK_OK);
  CHECK_EQ_INT (r.pass, 4);
  CHECK (valid_breaks (&p, &r));
  CHECK_EQ_INT (r.overfull_lines, 0);
  CHECK (r.nbreaks >= 3);
  bool inside = false;
  for (size_t k = 0; k < r.nbreaks; k++)
    inside |= p.v[r.breaks[k]].emergency != 0;
  CHECK (inside);
  ink__kp_result_free (ctx, &r);

  /* Without emergency points the word stays whole, overfull and counted, never dropped. */
  para_t q = {.n = 0};
  box (&q, 30);
  space (&q);
  box (&q, 400);
  space (&q);
  box (&q, 30);
  finish (&q);
  CHECK_EQ_INT (ink__kp_break (ctx, q.v, q.n, &measure, 1, NULL, &r), INK_OK);
  CHECK_EQ_INT (r.pass, 4);
  CHECK (valid_breaks (&q, &r));
  CHECK_EQ_INT (r.overfull_lines, 1);
  CHECK_EQ_INT (r.nbreaks, 3);
  ink__kp_result_free (ctx, &r);
}

TEST (ragged_right)
{
  /* Knuth–Plass ragged right: glue(0, +18) penalty(0) glue(6, -18) between words. */
  static const double w[] = {40, 35, 50, 20, 45, 30, 60, 25, 40, 35, 30};
  para_t p = {.n = 0};
  for (size_t i = 0; i < sizeof w / sizeof *w; i++) {
    if (i) {
      p.v[p.n++] = (ink__kp_item_t) {.kind = INK_KP_GLUE, .stretch = PX (18)};
      p.v[p.n++] = (ink__kp_item_t) {.kind = INK_KP_PENALTY, .penalty = 0};
      p.v[p.n++] = (ink__kp_item_t) {.kind = INK_KP_GLUE, .width = PX (6), .stretch = -PX (18)};
    }
    box (&p, w[i]);
  }
  finish (&p);
  int32_t measure = PX (150);
  ink__kp_result_t r;
  CHECK_EQ_INT (ink__kp_break (ctx, p.v, p.n, &measure, 1, NULL, &r), INK_OK);
  CHECK (valid_breaks (&p, &r));
  CHECK_EQ_INT (r.overfull_lines, 0);
  for (size_t k = 0; k + 1 < r.nbreaks; k++)
    CHECK (p.v[r.breaks[k]].kind == INK_KP_PENALTY);
  ink__kp_result_free (ctx, &r);
}

int
main (void)
{
  if (ink_context_create (NULL, NULL, &ctx) != INK_OK)
    return 1;
  RUN (total_fit_beats_first_fit);
  RUN (deterministic_and_optimal_small);
  RUN (forced_break);
  RUN (hyphenation_pass);
  RUN (nohyphen_line);
  RUN (hyphen_rules);
  RUN (last_stretch_before_a_cut);
  RUN (broken_rules_still_optimal);
  RUN (looseness);
  RUN (looseness_with_hyphens);
  RUN (line_widths);
  RUN (emergency_breaks);
  RUN (ragged_right);
  ink_context_destroy (ctx);
  return test_summary ();
}
