/* core/suggest: "did you mean" for unknown keys, markers and names in any input. */
#include "core.h"

/* Case and '_' against '-' do not count as slips. */
static unsigned
lower (unsigned c)
{
  if (c == '_')
    return '-';
  return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

const char *
ink__did_you_mean (const char *word, size_t len, const char *const *cands, size_t ncands)
{
  /* Keys are short; longer words cannot be a slip of one of them. */
  if (len == 0 || len > 32)
    return NULL;
  const char *best = NULL;
  unsigned best_d = ~0u;
  for (size_t i = 0; i < ncands; i++) {
    const char *c = cands[i];
    size_t m = strlen (c);
    if (m > 32)
      continue;
    /* Edit distance with transpositions (optimal string alignment). */
    unsigned d[33][33];
    for (size_t x = 0; x <= len; x++)
      d[x][0] = (unsigned) x;
    for (size_t y = 0; y <= m; y++)
      d[0][y] = (unsigned) y;
    for (size_t x = 1; x <= len; x++)
      for (size_t y = 1; y <= m; y++) {
        unsigned wx = lower ((unsigned char) word[x - 1]), cy = lower ((unsigned char) c[y - 1]);
        unsigned v = d[x - 1][y - 1] + (wx != cy);
        if (d[x - 1][y] + 1 < v)
          v = d[x - 1][y] + 1;
        if (d[x][y - 1] + 1 < v)
          v = d[x][y - 1] + 1;
        if (x > 1 && y > 1 && wx == lower ((unsigned char) c[y - 2]) &&
            lower ((unsigned char) word[x - 2]) == cy && d[x - 2][y - 2] + 1 < v)
          v = d[x - 2][y - 2] + 1;
        d[x][y] = v;
      }
    if (d[len][m] < best_d) {
      best_d = d[len][m];
      best = c;
    }
  }
  /* One slip in a short word, two in a longer one. */
  size_t allowed = len <= 3 ? 1 : 2;
  return best && best_d <= allowed ? best : NULL;
}

