/* makeup_cjk.c: the make-up checker's rule for Chinese and Japanese setting. Their characters
 * stand on an em square each and justified lines open the gaps between all of them; a
 * paragraph whose full lines hold characters set more than three sixteenths of an em apart
 * on average reads letter-spaced (kobe-port.ja on the 10.3" kiosk had 16 characters on a
 * measure of 19). The em is the tightest full line's: its width over its characters, a
 * character of Han or kana counting one em, CJK punctuation (set on half an em, or compressed
 * to it) and anything else (digits, Latin) half an em. Korean stretches at its word spaces,
 * not between characters, and is left out. */
#include "makeup_check.h"

#include <math.h>
#include <stdlib.h>

/* The widest gap make-up may open between characters, in em (lib/paginate/setpara.c's
 * CJK_MAKEUP_RATIO of a stretchability of a quarter em). */
#define LETTER_GAP_EM 0.1875

static bool han_or_kana (unsigned c)
{
  return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x9FFF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF10 && c <= 0xFF5A);
}

static bool cjk_punct (unsigned c)
{
  return (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF0F) ||
         (c >= 0xFF1A && c <= 0xFF20);
}

/* The line's width in em at its natural setting (*units), false when it is not mostly Han
 * and kana (four fifths of its characters and punctuation) or holds fewer than six. */
static bool line_units (const char *s, double *units)
{
  unsigned n = 0, cjk = 0;
  *units = 0;
  while (s && *s) {
    unsigned c = mk_next_cp (&s);
    if (mk_is_space_cp (c))
      continue;
    n++;
    bool full = han_or_kana (c);
    cjk += full || cjk_punct (c);
    *units += full ? 1.0 : 0.5;
  }
  return n >= 6 && cjk * 5 >= n * 4;
}

typedef struct {
  const item_t *it;
  int page;
  double units;
} cjk_line_t;

/* Lines of justified Han and kana body text that fill their column and are not the last of
 * their paragraph. */
static size_t full_lines (const doc_t *d, cjk_line_t *out, size_t cap)
{
  size_t n = 0;
  for (size_t i = 0; i < d->npages; i++)
    for (size_t j = 0; j < d->pages[i].n && n < cap; j++) {
      const item_t *it = &d->pages[i].items[j];
      double units;
      if (!role_is (it, "body") || it->generated || it->block < 0 || it->col < 0 ||
          !line_units (it->text, &units) || units < 2)
        continue;
      const column_t *c = &d->pages[i].cols[it->col];
      if (fabs (it->x + it->w - (c->x + c->w)) > 2 * TOL)
        continue;
      out[n++] = (cjk_line_t) { it, (int) i, units };
    }
  /* A paragraph's last line is the last of its block in the layout's order. */
  size_t m = 0;
  for (size_t k = 0; k < n; k++) {
    bool last = true;
    for (size_t i = (size_t) out[k].page; i < d->npages && last; i++)
      for (size_t j = 0; j < d->pages[i].n && last; j++) {
        const item_t *it = &d->pages[i].items[j];
        last = !((i > (size_t) out[k].page || it > out[k].it) && it->block == out[k].it->block &&
                 role_is (it, "body"));
      }
    if (!last)
      out[m++] = out[k];
  }
  return m;
}

void check_letter_spacing (doc_t *d)
{
  cjk_line_t *lines = malloc (4096 * sizeof *lines);
  size_t n = lines ? full_lines (d, lines, 4096) : 0;
  if (n < 3) {
    free (lines);
    return;
  }
  double em = INFINITY;
  for (size_t k = 0; k < n; k++)
    em = fmin (em, lines[k].it->w / lines[k].units);
  for (size_t k = 0; k < n;) {
    size_t e = k;
    double sum = 0;
    for (; e < n && lines[e].page == lines[k].page && lines[e].it->block == lines[k].it->block;
         e++)
      sum += (lines[e].it->w / em - lines[e].units) / (lines[e].units - 1);
    double gap = sum / (double) (e - k);
    if (gap > LETTER_GAP_EM + 0.005)
      fault (d, &d->pages[lines[k].page], "letter-spaced", "paragraph %d: %zu full line(s) "
             "set %.3f em apart between characters on average (at most %.4f)",
             lines[k].it->block, e - k, gap, LETTER_GAP_EM);
    k = e;
  }
  free (lines);
}
