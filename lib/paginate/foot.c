/* paginate/foot: no hyphen at the foot of a column (TeX's \brokenpenalty). When the last line
 * a column takes of a paragraph ends with a hyphen and the paragraph goes on in the next
 * column, its lines are broken again on the shaping they have, with that line barred from
 * ending at a hyphen. The new lines are kept when they are as many, the lines already
 * placed are the same and no line is looser than the tolerance and the old lines allow
 * (a word-spaced hole is worse than a hyphen: a short first line at a column's foot often
 * is one); otherwise the hyphen stays, the template's measure having found no
 * better, and the line record says so (foot_hyphen). */
#include "layout-internal.h"

#include <string.h>

/* Lines [0, k0) of a and b start and end at the same text. */
static bool
same_lines (const ink__para_t *a, const ink__para_t *b, size_t k0)
{
  for (size_t k = 0; k < k0; k++)
    if (a->lines.v[k].start != b->lines.v[k].start || a->lines.v[k].end != b->lines.v[k].end ||
        a->lines.v[k].hyphenated != b->lines.v[k].hyphenated)
      return false;
  return true;
}

/**
 * ink__foot_unhyphen:
 * @L: the layout
 * @p: the paragraph, whose lines [0, k0) are placed already
 * @k0: the first line of this column
 * @last: the hyphenated line that would end the column
 * @changed: set when p's lines were replaced (their heights too)
 *
 * Breaks p's lines again with line @last barred from ending at a hyphen.
 *
 * Return value: INK_OK, or INK_NO_MEMORY.
 */
/* Paragraphs longer than this keep a hyphen at a column's foot (the layout JSON says so):
 * breaking the whole of one again at each column it crosses would grow with its length
 * times its columns. No article's paragraph comes near; feeds' run-on text does. */
#define FOOT_MAX_LINES 256

/* Whether line k is a piece of one word cut at both ends (no space on it, the line before
 * and the line itself hyphenated). */
static bool
mid_word (const setpara_t *p, size_t k)
{
  const ink__line_t *l = p->para.lines.v;
  if (k == 0 || k >= p->para.lines.n || !l[k - 1].hyphenated || !l[k].hyphenated)
    return false;
  return !memchr (p->sh.text + l[k].start, ' ', l[k].end - l[k].start);
}

/* Whether the foot's cut is inside a word wider than a line that goes on a whole line
 * past it (a feed's 5,000-letter word or address): no breaking again lifts that cut, and
 * each try breaks the whole paragraph again at every column it crosses (a pull quote of one
 * 6,500-letter word took 2.6 s on reader-6). */
static bool
in_long_word (const setpara_t *p, size_t last)
{
  return mid_word (p, last) && mid_word (p, last + 1);
}

/* Whether line last was found to keep its hyphen already: the flow asks again for every
 * setting of a page that balancing and make-up try, and the answer stays until p's lines
 * are broken again. */
static bool
kept_before (const setpara_t *p, size_t k0, size_t last)
{
  for (size_t i = 0; i < sizeof p->kept_hyphen / sizeof *p->kept_hyphen; i++)
    if (p->kept_hyphen[i].last == last + 1 && p->kept_hyphen[i].k0 == k0)
      return true;
  return false;
}

static void
remember_kept (setpara_t *p, size_t k0, size_t last)
{
  size_t n = sizeof p->kept_hyphen / sizeof *p->kept_hyphen;
  memmove (p->kept_hyphen + 1, p->kept_hyphen, (n - 1) * sizeof *p->kept_hyphen);
  p->kept_hyphen[0].k0 = k0;
  p->kept_hyphen[0].last = last + 1;
}

ink_status_t
ink__foot_unhyphen (lay_t *L, setpara_t *p, size_t k0, size_t last, bool *changed)
{
  *changed = false;
  if (last >= p->para.lines.n || !p->para.lines.v[last].hyphenated || !p->po.widths ||
      p->para.lines.n > FOOT_MAX_LINES || kept_before (p, k0, last) || in_long_word (p, last))
    return INK_OK;
  ink__para_opts_t po = p->po;
  po.nohyphen_line = last + 1;
  ink__para_t again = { 0 };
  ink_status_t st = ink__para_build (L->ctx, &p->sh, &po, &again);
  if (st == INK_NO_MEMORY)
    return oom (L);
  if (st != INK_OK) {
    remember_kept (p, k0, last);
    return INK_OK;   /* the lines there are stay */
  }
  if (again.lines.n != p->para.lines.n || again.lines.v[last].hyphenated ||
      ink__para_looser (p, &again, false) || !same_lines (&p->para, &again, k0)) {
    ink__para_free (&again);
    remember_kept (p, k0, last);
    return INK_OK;
  }
  ink__para_free (&p->para);
  p->para = again;
  memset (p->kept_hyphen, 0, sizeof p->kept_hyphen);
  for (size_t k = 0; k < p->para.lines.n; k++)
    p->heights[k] = ink__line_height (p, &p->para.lines.v[k]);
  *changed = true;
  return INK_OK;
}
