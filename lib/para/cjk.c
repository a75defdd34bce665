/* para/cjk: CJK punctuation set half width where JIS X 4051 and CLREQ compress it. A closing
 * mark (」），、。) followed by another closing or an opening one loses the blank after it,
 * an opening bracket after another opening one loses the blank before it, and so does an
 * opening bracket that starts a line: "），" and "。「" take one and a half ems, not two. The
 * half-width forms are the face's own (OpenType halt); a face without them sets nothing
 * half width. Applied to the paragraph's glyphs before breaking, and again to each line's
 * glyphs (those reshaped at a cut, and the bracket that starts it); the widths are set, not
 * reduced, so applying it twice changes nothing. */
#include "para-internal.h"

/* The advance and offset of glyph gid for cp in the face's half-width form; false when the
 * face has no narrower one. */
static bool
halt_metrics (const ink__run_t *r, uint32_t cp, uint32_t gid, int32_t *advance, int32_t *dx)
{
  hb_buffer_t *buf = hb_buffer_create ();
  hb_buffer_add_utf32 (buf, &cp, 1, 0, 1);
  hb_buffer_set_direction (buf, HB_DIRECTION_LTR);
  hb_buffer_set_script (buf, r->script);
  if (r->lang)
    hb_buffer_set_language (buf, hb_language_from_string (r->lang, -1));
  hb_feature_t halt = { HB_TAG ('h', 'a', 'l', 't'), 1, HB_FEATURE_GLOBAL_START,
                        HB_FEATURE_GLOBAL_END };
  hb_shape (r->face->hb_font, buf, &halt, 1);
  unsigned n = 0;
  hb_glyph_info_t *info = hb_buffer_get_glyph_infos (buf, &n);
  hb_glyph_position_t *pos = hb_buffer_get_glyph_positions (buf, &n);
  bool ok = hb_buffer_allocation_successful (buf) && n == 1 && info[0].codepoint == gid &&
            pos[0].x_advance < hb_font_get_glyph_h_advance (r->face->hb_font, gid);
  if (ok) {
    *advance = ink__units_to_26d6 (r->face, r->style->size_px, pos[0].x_advance);
    *dx = ink__units_to_26d6 (r->face, r->style->size_px, pos[0].x_offset);
  }
  hb_buffer_destroy (buf);
  return ok;
}

/* Whether the punctuation at byte c of the text is set half width; line_start is the byte a
 * line starts at (SIZE_MAX: none). */
static bool
compressed (const ink__shaped_t *sh, size_t c, size_t line_start)
{
  uint32_t cp = cp_at (sh->text, sh->len, c);
  ink__cjk_punct_t kind = ink__script_cjk_punct (cp);
  if (kind == INK_CJK_PUNCT_CLOSING) {
    size_t next = c;
    ink__utf8_next (sh->text, sh->len, &next, &cp);
    return next < sh->len && ink__script_cjk_punct (cp_at (sh->text, sh->len, next)) != INK_CJK_PUNCT_NONE;
  }
  if (kind != INK_CJK_PUNCT_OPENING)
    return false;
  return c == line_start ||
         (c > 0 && ink__script_cjk_punct (cp_at (sh->text, sh->len, cp_before (sh->text, 0, c))) ==
                     INK_CJK_PUNCT_OPENING);
}

/**
 * ink__para_cjk_compress:
 * @sh: the shaped paragraph
 * @r: the run the glyphs are of
 * @g: (inout): its glyphs, or a line's share of them
 * @n: how many
 * @line_start: the byte the line starts at, or SIZE_MAX for the paragraph's glyphs
 *
 * Sets CJK punctuation half width where it meets other punctuation or starts the line.
 */
void
ink__para_cjk_compress (const ink__shaped_t *sh, const ink__run_t *r, ink__glyph_t *g, size_t n,
                        size_t line_start)
{
  if (ink__script_info (r->script)->justify != INK_JUSTIFY_CJK || r->level & 1)
    return;
  for (size_t i = 0; i < n; i++) {
    size_t c = g[i].cluster;
    bool alone = (i == 0 || g[i - 1].cluster != c) && (i + 1 == n || g[i + 1].cluster != c);
    int32_t advance, dx;
    if (alone && c < sh->len && compressed (sh, c, line_start) &&
        halt_metrics (r, cp_at (sh->text, sh->len, c), g[i].gid, &advance, &dx)) {
      g[i].advance = advance;
      g[i].dx = dx;
    }
  }
}
