/* target/outformat: the pixel format and picture dither a page goes out in, from the
 * template's panel and what the caller asks over it: the command-line tool's choice, made once
 * here so that an embedder gets the same pixels in one call.
 *
 *   ink_pixfmt_request_t rq = { .struct_size = sizeof rq, .panel = "gray4" };
 *   ink_pixfmt_t fmt;
 *   ink_dither_t dither;
 *   if (ink_pixfmt_for_template (ctx, tpl, &rq, &fmt, &dither) == INK_OK) ...
 */
#include "core.h"

#include <inkset/inkset-target.h>
#include <inkset/inkset-template.h>

/* The levels as the format takes them: one grey per code of its depth, in order. */
static ink_status_t
set_levels (ink_context_t *ctx, const ink_pixfmt_request_t *rq, ink_pixfmt_t *fmt)
{
  unsigned want = fmt->bpp && fmt->bpp <= 4 ? 1u << fmt->bpp : 0;
  if (rq->nlevels != want)
    return ink__error (ctx, INK_INVALID, "levels: %u greys are wanted for %u bpp, not %zu", want,
                       fmt->bpp ? fmt->bpp : 8, rq->nlevels);
  memcpy (fmt->levels, rq->levels, want);
  return INK_OK;
}

/* Why fmt cannot be made, in the request's terms: each suspect is undone in turn and the
 * format checked again. */
static ink_status_t
why_not (ink_context_t *ctx, const ink_pixfmt_t *fmt, const ink_pixfmt_request_t *rq)
{
  ink_pixfmt_t t = *fmt;
  const char *head = "that pixel format cannot be made";
  t.bpp = 0;
  if (rq->bpp && rq->panel && ink_pixfmt_check (&t) == INK_OK)
    return ink__error (ctx, INK_INVALID, "%s: panel %s has a fixed depth, which bpp %u does not "
                       "match", head, rq->panel, rq->bpp);
  t = *fmt;
  t.gray_steps = 0;
  if (ink_pixfmt_check (&t) == INK_OK)
    return ink__error (ctx, INK_INVALID, "%s: the %u grey steps of panel %s need 8 bits per "
                       "pixel, not %u", head, fmt->gray_steps, rq->panel ? rq->panel : "",
                       fmt->bpp);
  t = *fmt;
  memset (t.levels, 0, sizeof t.levels);
  if (ink_pixfmt_check (&t) == INK_OK)
    return ink__error (ctx, INK_INVALID, "%s: levels must not decrease from one code to the "
                       "next", head);
  return ink__error (ctx, INK_INVALID, "%s: %u bits per pixel%s%s are not a format inkset "
                     "writes", head, fmt->bpp, rq->panel ? " on panel " : "",
                     rq->panel ? rq->panel : "");
}

/* The dither: blue noise at 1 bit, else Floyd-Steinberg; the template's when the depth is
 * its own; the request's over both. */
static ink_status_t
pick_dither (ink_context_t *ctx, const ink_template_t *tpl, const ink_pixfmt_request_t *rq,
             const ink_pixfmt_t *fmt, ink_dither_t *dither)
{
  *dither = fmt->bpp == 1 ? INK_DITHER_BLUE_NOISE : INK_DITHER_FLOYD_STEINBERG;
  const char *own = ink_template_dither (tpl);
  if (own && !rq->bpp)
    ink_dither_from_name (own, dither);
  if (rq->dither && ink_dither_from_name (rq->dither, dither) != INK_OK)
    return ink__error (ctx, INK_NOT_FOUND, "dither: none, floyd-steinberg, atkinson, bayer or "
                       "blue-noise, not %s", rq->dither);
  return INK_OK;
}

/* Documented in include/inkset/inkset-target.h. */
ink_status_t
ink_pixfmt_for_template (ink_context_t *ctx, const ink_template_t *tpl,
                         const ink_pixfmt_request_t *request, ink_pixfmt_t *fmt,
                         ink_dither_t *dither)
{
  if (!ctx || !tpl || !fmt || !dither)
    return INK_INVALID;
  ink_pixfmt_request_t rq = { .struct_size = sizeof rq };
  if (request) {
    size_t v1 = offsetof (ink_pixfmt_request_t, dither) + sizeof rq.dither;
    ink_status_t bad = ink__struct_in (ctx, request, v1, &rq, sizeof rq, "ink_pixfmt_request_t");
    if (bad != INK_OK)
      return bad;
  }
  memset (fmt, 0, sizeof *fmt);
  if (rq.panel && ink_pixfmt_preset (rq.panel, fmt) != INK_OK)
    return ink__error (ctx, INK_NOT_FOUND, "unknown panel preset: %s", rq.panel);
  if (!rq.panel)
    fmt->bpp = (uint8_t) ink_template_bpp (tpl);
  if (rq.bpp > 8)
    return ink__error (ctx, INK_INVALID, "bpp: 1, 2, 4 or 8, not %u", rq.bpp);
  if (rq.bpp)
    fmt->bpp = (uint8_t) rq.bpp;
  if ((unsigned) rq.rotate > INK_ROTATE_270)
    return ink__error (ctx, INK_INVALID, "rotate: 0 to 3 quarter turns, not %d", (int) rq.rotate);
  fmt->rotate = rq.rotate;
  ink_status_t st = rq.levels ? set_levels (ctx, &rq, fmt) : INK_OK;
  if (st == INK_OK)
    st = pick_dither (ctx, tpl, &rq, fmt, dither);
  if (st == INK_OK && ink_pixfmt_check (fmt) != INK_OK)
    st = why_not (ctx, fmt, &rq);
  if (st != INK_OK)
    memset (fmt, 0, sizeof *fmt);
  return st;
}
