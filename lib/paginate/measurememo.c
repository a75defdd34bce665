/* paginate/measurememo: the lines ink__set_para_measure (setpara.c) broke a paragraph into
 * at the measures it was last asked for, kept so that setting it at one of them again
 * copies them instead of breaking it again. fit_caption (flowbox.c) sets a picture's
 * caption at each width it tries and then at the picture's own width, again at every trial
 * layout of the page; a table's column widths (tablewidths.c) set its cells at each width
 * tried. Such lines depend only on the paragraph's shaping and its role's style, which do
 * not change once it is set, so the copy is what breaking it again would give. */
#include "layout-internal.h"

/* Whether p's lines at measure are kept: then *out is a copy of them (its own storage). */
bool
ink__measure_memo_get (lay_t *L, const setpara_t *p, int32_t measure, ink__para_t *out,
                       ink_status_t *st)
{
  *st = INK_OK;
  for (size_t i = 0; i < INK_MEASURE_MEMO; i++)
    if (p->measured[i].ctx && p->measured_at[i] == measure) {
      *st = ink__para_copy (L->ctx, &p->measured[i], out);
      return *st == INK_OK;
    }
  return false;
}

/* A copy of t, p's lines at measure, kept in the place of the oldest kept; without memory
 * nothing is kept (breaking them again gives them). */
void
ink__measure_memo_put (lay_t *L, setpara_t *p, int32_t measure, const ink__para_t *t)
{
  size_t i = p->measured_next;
  ink__para_free (&p->measured[i]);
  if (ink__para_copy (L->ctx, t, &p->measured[i]) != INK_OK) {
    p->measured[i] = (ink__para_t) { 0 };
    return;
  }
  p->measured_at[i] = measure;
  p->measured_next = (i + 1) % INK_MEASURE_MEMO;
}

void
ink__measure_memo_free (setpara_t *p)
{
  for (size_t i = 0; i < INK_MEASURE_MEMO; i++)
    ink__para_free (&p->measured[i]);
}
