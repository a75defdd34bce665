/* paginate/foot: no hyphen at the foot of a column (TeX's \brokenpenalty). When the last line
 * a column takes of a paragraph ends with a hyphen and the paragraph goes on in the next
 * column, its lines are broken again on the shaping they have, with that line barred from
 * ending at a hyphen. The new lines are kept when they are as many and the lines already
 * placed are the same; otherwise the hyphen stays, the template's measure having found no
 * better, and the line record says so (foot_hyphen). */
#include "layout-internal.h"

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
ink_status_t
ink__foot_unhyphen (lay_t *L, setpara_t *p, size_t k0, size_t last, bool *changed)
{
  *changed = false;
  if (last >= p->para.lines.n || !p->para.lines.v[last].hyphenated || !p->po.widths)
    return INK_OK;
  ink__para_opts_t po = p->po;
  po.nohyphen_line = last + 1;
  ink__para_t again = { 0 };
  ink_status_t st = ink__para_build (L->ctx, &p->sh, &po, &again);
  if (st == INK_NO_MEMORY)
    return oom (L);
  if (st != INK_OK)
    return INK_OK;   /* the lines there are stay */
  if (again.lines.n != p->para.lines.n || again.lines.v[last].hyphenated ||
      !same_lines (&p->para, &again, k0)) {
    ink__para_free (&again);
    return INK_OK;
  }
  ink__para_free (&p->para);
  p->para = again;
  for (size_t k = 0; k < p->para.lines.n; k++)
    p->heights[k] = ink__line_height (p, &p->para.lines.v[k]);
  *changed = true;
  return INK_OK;
}
