/* paginate/overflow: what did not fit in the pages, counted in blocks and characters. */
#include "layout-internal.h"

ink_status_t
ink__count_overflow_range (lay_t *L, size_t ui, size_t k0, size_t end)
{
  ink_document_t *doc = L->doc;
  long last_block = -2;
  for (size_t i = ui; i < end; i++) {
    const unit_t *u = &L->units.v[i];
    if (u->kind == U_PARA) {
      const setpara_t *p = u->p;
      if (p->cap && (i != ui || k0 == 0))
        doc->overflow_chars += ink__utf8_count (p->cap->text + p->cap->body_start,
                                                p->cap->body_end - p->cap->body_start);
      for (size_t k = (i == ui ? k0 : 0); k < p->para.lines.n; k++) {
        const ink__line_t *ln = &p->para.lines.v[k];
        size_t s = ln->start > p->body_start ? ln->start : p->body_start;
        size_t e = ln->end < p->body_end ? ln->end : p->body_end;
        doc->overflow_chars += e > s ? ink__utf8_count (p->text + s, e - s) : 0;
      }
    }
    if (u->kind == U_ROW)
      doc->overflow_chars += ink__row_chars (u);
    if (u->kind == U_IMAGE)
      doc->overflow_chars += ink__side_chars (u);
    if (u->block != last_block && (u->kind == U_PARA || u->kind == U_IMAGE || u->kind == U_ROW)) {
      /* The front matter's parts (head, lead picture, source line) count as one block. */
      if (u->block >= 0 || !L->head_overflow)
        doc->overflow_blocks++;
      if (u->block < 0)
        L->head_overflow = true;
      last_block = u->block;
    }
  }
  return INK_OK;
}

/* Everything from unit ui (line k0) on did not fit, and the float still waiting. */
ink_status_t
ink__count_overflow (lay_t *L, size_t ui, size_t k0)
{
  if (L->in_float) {
    /* Out of pages inside a float: the rest of the float; the flow it interrupted counts
     * its own rest. */
    L->float_counted = true;
    return ink__count_overflow_range (L, ui, k0, L->float_end);
  }
  size_t span = L->pending_span, from = ink__take_span_rest (L);
  L->pending_span = NO_FLOAT;
  ink_status_t st = ink__drop_queue (L, ui);
  if (st == INK_OK && span != NO_FLOAT && span < ui)
    st = ink__count_overflow_range (L, from, 0, span + L->units.v[span].float_len);
  return st == INK_OK ? ink__count_overflow_range (L, ui, k0, L->units.n) : st;
}
