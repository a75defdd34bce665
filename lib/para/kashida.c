/* para/kashida: Arabic-script lines justified by tatweels before spaces are widened. */
#include "para-internal.h"

/* Justifies Arabic-script runs by kashida before spaces are widened: up to three quarters of
 * the missing width goes into tatweels, one word at a time at its last joining position, and
 * the runs are shaped again with them (the font joins them into the letters). Nastaliq is
 * not stretched this way: its joins are not horizontal; nor is an Arabic word quoted in a
 * left-to-right paragraph (an English line widens its spaces, never a foreign word). */
ink_status_t
ink__para_kashida (ink__shaped_t *sh, ink__para_t *out, size_t r0, src_vec_t *srcs,
                   ink__glyph_vec_t *lg, size_vec_t *rg, int64_t avail, size_t *missing)
{
  ink_context_t *ctx = sh->ctx;
  if (!(sh->base_level & 1))
    return INK_OK;
  int64_t natural = 0;
  for (size_t i = 0; i < lg->n; i++)
    natural += lg->v[i].advance;
  int64_t diff = avail - natural;
  if (diff <= 0)
    return INK_OK;
  size_t nr = srcs->n;
  INK_VEC (uint32_t) at = { 0 };
  INK_VEC (size_t) owner = { 0 };    /* the line run of each position */
  ink_status_t st = INK_OK;
  int32_t tatweel = 0;
  for (size_t i = 0; i < nr; i++) {
    const ink__run_t *r = srcs->v[i].run;
    if (ink__script_info (r->script)->justify != INK_JUSTIFY_KASHIDA ||
        (r->lang && !strncmp (r->lang, "ur", 2)))
      continue;
    hb_codepoint_t g;
    if (!hb_font_get_nominal_glyph (r->face->hb_font, INK_TATWEEL, &g) || !g)
      continue;
    tatweel = ink__units_to_26d6 (r->face, r->style->size_px,
                                  hb_font_get_glyph_h_advance (r->face->hb_font, g));
    uint32_t prev = 0, word_last = UINT32_MAX;
    for (size_t p = srcs->v[i].start; p < srcs->v[i].end;) {
      size_t q = p;
      uint32_t c;
      ink__utf8_next (sh->text, sh->len, &q, &c);
      if (ink__arabic_mark (c)) {
        p = q;
        continue;
      }
      if (ink__arabic_dual_joining (prev) &&
          (ink__arabic_dual_joining (c) || ink__arabic_right_joining (c)))
        word_last = (uint32_t) p;
      if (is_space (c) || q >= srcs->v[i].end) {
        if (word_last != UINT32_MAX &&
            (!ink__vec_push (ctx, &at, word_last) || !ink__vec_push (ctx, &owner, i))) {
          st = ink__error (ctx, INK_NO_MEMORY, "out of memory");
          goto done;
        }
        word_last = UINT32_MAX;
      }
      prev = c;
      p = q;
    }
  }
  if (!at.n || tatweel <= 0)
    goto done;
  size_t ntat = (size_t) (diff * 3 / 4) / (size_t) tatweel;
  if (ntat == 0)
    goto done;
  if (ntat > at.n * 3)
    ntat = at.n * 3;
  uint8_t *count = ink__alloc (ctx, at.n);
  ink__glyph_vec_t nlg = { 0 };
  size_vec_t nrg = { 0 };
  ink__glyph_vec_t tmp = { 0 };
  if (!count) {
    st = ink__error (ctx, INK_NO_MEMORY, "out of memory");
    goto done;
  }
  for (size_t k = 0; k < at.n; k++)
    count[k] = (uint8_t) (ntat / at.n + (k < ntat % at.n ? 1 : 0));
  for (size_t i = 0; i < nr && st == INK_OK; i++) {
    size_t k0 = 0, k1;
    while (k0 < at.n && owner.v[k0] != i)
      k0++;
    for (k1 = k0; k1 < at.n && owner.v[k1] == i; k1++)
      ;
    size_t from = rg->v[i], to = i + 1 < nr ? rg->v[i + 1] : lg->n;
    if (!ink__vec_push (ctx, &nrg, nlg.n)) {
      st = ink__error (ctx, INK_NO_MEMORY, "out of memory");
      break;
    }
    if (k1 > k0) {
      tmp.n = 0;
      size_t miss = 0;
      st = ink__shape_kashida (sh, srcs->v[i].run, srcs->v[i].start, srcs->v[i].end, at.v + k0,
                               count + k0, k1 - k0, &tmp, &miss);
      if (st != INK_OK)
        break;
      /* A hyphen glyph at the run's end is not in the reshaped text: keep it. */
      size_t extra = (to - from) - 0;
      (void) extra;
      if (!ink__vec_reserve (ctx, &nlg, nlg.n + tmp.n + 1)) {
        st = ink__error (ctx, INK_NO_MEMORY, "out of memory");
        break;
      }
      memcpy (nlg.v + nlg.n, tmp.v, tmp.n * sizeof *tmp.v);
      nlg.n += tmp.n;
      out->runs.v[r0 + i].ng = tmp.n;
    } else {
      if (!ink__vec_reserve (ctx, &nlg, nlg.n + (to - from))) {
        st = ink__error (ctx, INK_NO_MEMORY, "out of memory");
        break;
      }
      memcpy (nlg.v + nlg.n, lg->v + from, (to - from) * sizeof *lg->v);
      nlg.n += to - from;
    }
  }
  if (st == INK_OK) {
    ink__vec_free (ctx, lg);
    ink__vec_free (ctx, rg);
    *lg = nlg;
    memcpy (rg, &nrg, sizeof nrg);
    (void) missing;
  } else {
    ink__vec_free (ctx, &nlg);
    ink__vec_free (ctx, &nrg);
  }
  ink__vec_free (ctx, &tmp);
  ink__free (ctx, count, at.n);
done:
  ink__vec_free (ctx, &at);
  ink__vec_free (ctx, &owner);
  return st;
}
