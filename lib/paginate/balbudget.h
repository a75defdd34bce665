/* paginate/balbudget.h: the work one balancing of the last page may spend (balbudget.c). */
#ifndef INK_BALBUDGET_H
#define INK_BALBUDGET_H

#include "layout-internal.h"

/* Lines one balancing may set: twice the most one set in the samples and five held-out sets of
 * 48 articles on the four bundled templates (197 598, h66-fr-0.fr print-a4). */
#define BALANCE_LINES (2 * 197598)

uint64_t ink__balance_budget_begin (lay_t *L);
void ink__balance_budget_end (lay_t *L, uint64_t was);
void ink__balance_charge (lay_t *L, const snap_t *sn);
bool ink__balance_spent (const lay_t *L);

#endif
