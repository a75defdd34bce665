/* paginate/dropcap: the first paragraph with a drop cap: its first letter set large beside its
 * first lines, which are set narrower. */
#include "layout-internal.h"
#include "scripts.h"

#include <hb-ot.h>

/* Where the cap of text ends: its first letter, with any opening quote before it and the
 * marks on it; 0 when the letter's script joins its letters (or nothing follows the cap). */
static size_t
cap_end_of (const char *text, size_t len)
{
  hb_unicode_funcs_t *uf = hb_unicode_funcs_get_default ();
  size_t pos = 0, cap_end = 0;
  uint32_t c = 0;
  while (pos < len) {
    size_t q = pos;
    ink__utf8_next (text, len, &q, &c);
    hb_unicode_general_category_t gc = hb_unicode_general_category (uf, c);
    pos = q;
    if (gc != HB_UNICODE_GENERAL_CATEGORY_INITIAL_PUNCTUATION &&
        gc != HB_UNICODE_GENERAL_CATEGORY_OPEN_PUNCTUATION && c != '"' && c != '\'')
      break;
  }
  if (!ink__script_info (hb_unicode_script (uf, c))->drop_cap)
    return 0;
  cap_end = pos;
  while (cap_end < len) {
    size_t q = cap_end;
    ink__utf8_next (text, len, &q, &c);
    hb_unicode_general_category_t gc = hb_unicode_general_category (uf, c);
    if (gc != HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK &&
        gc != HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK)
      break;
    cap_end = q;
  }
  return cap_end < len ? cap_end : 0;
}

/* The first paragraph with a drop cap: its first letter (with any opening quote before it)
 * set large through the first lines, which are set narrower beside it. Only for scripts
 * whose letters stand apart; a joining script keeps its first word whole. */
ink_status_t
ink__add_drop_cap_para (lay_t *L, const ink__block_t *b, long bi, unsigned lines,
                   const setpara_opts_t *opts)
{
  size_t cap_end = cap_end_of (b->text, b->text_len);
  if (cap_end == 0)
    return ink__add_para_unit (L, INK_ROLE_BODY, bi, NULL, b->text, b->text_len, NULL, b->spans,
                          b->nspans, 0, false, false, opts);
  const ink__style_t *bs = &L->t->styles[INK_ROLE_BODY];
  /* The cap's capital spans the lines: its cap height reaches from the last line's
   * baseline to the first line's cap height. */
  ink__text_style_t cap_style = L->styles[INK_ROLE_BODY][0];
  ink__face_t *face = cap_style.face;
  hb_position_t cap_h = 0;
  float ratio = 0.7f;
  if (hb_ot_metrics_get_position (face->hb_font, HB_OT_METRICS_TAG_CAP_HEIGHT, &cap_h) && cap_h > 0)
    ratio = (float) cap_h / (float) face->upem;
  float leading = bs->leading_px;
  cap_style.size_px = (leading * (float) (lines - 1)) / ratio + bs->size_px;
  cap_style.features = NULL;
  cap_style.nfeatures = 0;
  setpara_t *cap;
  setpara_opts_t cap_opts = *opts;
  cap_opts.style = &cap_style;
  ink_status_t st = ink__set_para (L, INK_ROLE_BODY, bi, NULL, b->text, cap_end, NULL, NULL, 0,
                              L->colw, 0, &cap_opts, &cap);
  if (st != INK_OK || !cap || !cap->para.lines.n)
    return st;
  int32_t gap = PX (bs->size_px * 0.35f);
  int32_t capw = cap->para.lines.v[0].width + gap;
  /* The spans, moved to the rest of the text. */
  ink__span_t *spans = NULL;
  size_t nspans = 0;
  if (b->nspans) {
    spans = ink__realloc_array (L->ctx, NULL, 0, b->nspans, sizeof *spans);
    if (!spans)
      return oom (L);
    for (size_t i = 0; i < b->nspans; i++)
      if (b->spans[i].start >= cap_end) {
        spans[nspans] = b->spans[i];
        spans[nspans++].start -= (uint32_t) cap_end;
      }
  }
  setpara_opts_t rest_opts = *opts;
  rest_opts.narrow_lines = lines;
  rest_opts.narrow_width = L->colw - capw;
  setpara_t *p;
  st = ink__set_para (L, INK_ROLE_BODY, bi, NULL, b->text + cap_end, b->text_len - cap_end, NULL,
                 spans, nspans, L->colw, 0, &rest_opts, &p);
  ink__free (L->ctx, spans, b->nspans * sizeof *spans);
  if (st != INK_OK || !p)
    return st;
  p->cap = cap;
  p->cap_lines = lines;
  p->cap_shift = capw;
  p->cap_x = 0;
  return ink__push_para_unit (L, p, INK_ROLE_BODY, bi, 0, false, false);
}
