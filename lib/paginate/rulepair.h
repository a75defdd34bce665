/* paginate/rulepair: of two rules one over the other with white alone between them, the one
 * left out of the page. A pure decision on a page's items; running.c asks it for each item
 * once the page is final, and tests/unit/test_rulepair.c asks it directly.
 *
 *   for (size_t i = 0; i < n; i++)
 *     if (!ink__rule_doubled (items, n, i, 2 * line_step)) keep items[i]; */
#ifndef INK_RULEPAIR_H
#define INK_RULEPAIR_H

#include "paginate.h"

bool ink__rule_doubled (const ink__item_t *items, size_t n, size_t i, int32_t reach);

#endif
