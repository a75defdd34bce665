/* paginate/measurememo: the lines ink__set_para_measure (setpara.c) broke a paragraph into
 * at the measures it was last asked for, kept so that setting it at one of them again
 * copies them instead of breaking it again. fit_caption (flowbox.c) sets a picture's
 * caption at each width it tries and then at the picture's own width, again at every trial
 * layout of the page; a table's column widths (tablewidths.c) set its cells at each width
 * tried. Such lines depend only on the paragraph's shaping and its role's style, which do
 * not change once it is set, so the copy is what breaking it again would give. The height
 * of its lines at a measure is kept likewise, apart and for more measures: fit_caption weighs
 * a caption at a width for each room it is asked to leave, on every setting of a page the
 * searches try, and needs only how tall it is (harbour-photo-essay: seven pictures and their
 * captions on three columns broke a caption some 240 000 times a render). */
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

/* The height of p's lines set at measure (ink__para_height), into *height: as kept, or with
 * its lines set at measure (ink__set_para_measure) and then kept. p may be left set at
 * measure or as it was; a caller that draws p sets it first. */
ink_status_t
ink__para_height_at (lay_t *L, setpara_t *p, int32_t measure, int32_t *height)
{
  if (!p->para.lines.n || p->para.lines.v[0].measure == measure) {
    *height = ink__para_height (p);
    return INK_OK;
  }
  for (unsigned i = 0; i < p->nheights; i++)
    if (p->height_at[i] == measure) {
      *height = p->height_of[i];
      return INK_OK;
    }
  ink_status_t st = ink__set_para_measure (L, p, measure);
  if (st != INK_OK)
    return st;
  *height = ink__para_height (p);
  unsigned i;
  if (p->nheights < INK_HEIGHT_MEMO) {
    i = p->nheights++;
  } else {
    i = p->heights_next;
    p->heights_next = (i + 1) % INK_HEIGHT_MEMO;
  }
  p->height_at[i] = measure;
  p->height_of[i] = *height;
  return INK_OK;
}
