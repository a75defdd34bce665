/* paginate/balbudget: the work one balancing of the last page may spend (ink__balance_even,
 * or a score of it, ink__balance_score): the lines it sets, summed over each setting of the
 * page it tries (ink__set_page_cols). A setting costs about as much as it sets lines: each is
 * laid, measured and let down by vertical justification again. The settings tried grow with
 * the columns (balance.c shares each height among 12 columns in 22 ways, among 3 in 5) and
 * the lines with the page: thirty pull quotes on an A4 page of twelve columns set up to 1.17
 * million lines in one balancing, some 150 balancings an article, most in the float order
 * search's trials (6.8 s of CPU). Once the budget is spent, the balancing keeps the best
 * setting it has found; the layout kept for that article is the same as without it. */
#include "balbudget.h"

/* A balancing begins with its whole budget; returns the budget of the one it runs inside
 * (if any), to be given back by ink__balance_budget_end. */
uint64_t
ink__balance_budget_begin (lay_t *L)
{
  uint64_t was = L->balance_left;
  L->balance_left = BALANCE_LINES;
  return was;
}

void
ink__balance_budget_end (lay_t *L, uint64_t was)
{
  L->balance_left = was;
}

/* The page just set again from sn charged to the balancing under way. */
void
ink__balance_charge (lay_t *L, const snap_t *sn)
{
  size_t n = L->doc->lines.n > sn->lines ? L->doc->lines.n - sn->lines : 0;
  L->balance_left = n < L->balance_left ? L->balance_left - n : 0;
}

/* Whether the balancing under way has set as many lines as it may. */
bool
ink__balance_spent (const lay_t *L)
{
  return L->balance_left == 0;
}
