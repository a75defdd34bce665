/* paginate/json: the layout JSON of DESIGN.md, from the document's line records and
 * display items. Coordinates in px with two decimals; deterministic. */
#include "paginate.h"

#include <string.h>

/* v, in 1/64 px, as px with two decimals, rounding half away from zero, without floats. */
static bool
px_value (ink_context_t *ctx, ink__str_t *s, int32_t v)
{
  int64_t h = ((int64_t) v * 100 + (v >= 0 ? 32 : -32)) / 64;
  const char *sign = h < 0 ? "-" : "";
  if (h < 0)
    h = -h;
  return ink__str_printf (ctx, s, "%s%lld.%02lld", sign, (long long) (h / 100),
                          (long long) (h % 100));
}

static bool
px (ink_context_t *ctx, ink__str_t *s, const char *key, int32_t v)
{
  return ink__str_printf (ctx, s, ", \"%s\": ", key) && px_value (ctx, s, v);
}

/* A page's baseline grid: its first baseline (in the first step below the top of the
 * columns) and its step. */
static bool
grid_value (ink_context_t *ctx, ink__str_t *s, const ink_document_t *doc, const ink__page_t *pg)
{
  if (doc->grid_step <= 0)
    return true;
  return ink__str_printf (ctx, s, ", \"grid\": { \"origin\": ") &&
         px_value (ctx, s, (pg->band_top ? pg->band_top : pg->body_top) + doc->grid_base) && ink__str_printf (ctx, s, ", \"step\": ") &&
         px_value (ctx, s, doc->grid_step) && ink__str_printf (ctx, s, " }");
}

/* A page's columns, from left to right: where the template's frame puts them (as many as the
 * page was set in, ink__page_t.ncols), from the top of the page's columns (below the head or
 * a spanning float) to the frame's foot. */
static bool
columns_value (ink_context_t *ctx, ink__str_t *s, const ink_document_t *doc,
               const ink__page_t *pg)
{
  ink__frame_t f = ink__frame_cols (ink__frame_of (doc->tpl), pg->ncols);
  bool ok = ink__str_printf (ctx, s, ", \"columns\": [");
  for (unsigned c = 0; ok && c < f.ncols; c++) {
    int32_t x = f.left + (int32_t) c * (f.colw + f.gutter);
    int32_t top = pg->band_top ? pg->band_top : pg->body_top ? pg->body_top : f.top;
    ok = ink__str_printf (ctx, s, "%s{ \"x\": ", c ? ", " : " ") && px_value (ctx, s, x) &&
         px (ctx, s, "width", f.colw) && px (ctx, s, "top", top) &&
         px (ctx, s, "bottom", f.bottom) && ink__str_printf (ctx, s, " }");
  }
  return ok && ink__str_printf (ctx, s, " ]");
}

/* The dpi with up to three decimals, trailing zeros dropped, in integers: printf's %g would
 * write a decimal comma under a host's locale, which is not JSON. */
static bool
dpi_value (ink_context_t *ctx, ink__str_t *s, float dpi)
{
  long long m = (long long) ((double) dpi * 1000 + 0.5);   /* the reader keeps dpi in 10..4800 */
  long long whole = m / 1000, frac = m % 1000;
  int digits = 3;
  while (frac && frac % 10 == 0) {
    frac /= 10;
    digits--;
  }
  if (!frac)
    return ink__str_printf (ctx, s, "%lld", whole);
  return ink__str_printf (ctx, s, "%lld.%0*lld", whole, digits, frac);
}

/* The article's own address, when it has one. */
static bool
url_value (ink_context_t *ctx, ink__str_t *s, const ink_article_t *a)
{
  if (!a || !a->url)
    return true;
  return ink__str_printf (ctx, s, ", \"url\": ") && ink__str_append_json (ctx, s, a->url, strlen (a->url));
}

/* A line's text as a JSON string. The comment author's line is the one the page isolates
 * (FSI ... PDI around author and meta, lib/paginate/units.c) and joins to its separator (a
 * word joiner, locale.c): those marks are the page's, not the input's, so they are left out,
 * as `text` holds the input's characters. */
static bool
line_text (ink_context_t *ctx, ink__str_t *s, const char *t, size_t n, int role)
{
  if (role != INK_ROLE_COMMENT_AUTHOR)
    return ink__str_append_json (ctx, s, t, n);
  ink__str_t kept = { 0 };
  size_t run = 0;
  bool ok = true;
  for (size_t i = 0; ok && i + 2 < n; i++)
    if ((unsigned char) t[i] == 0xE2 && (unsigned char) t[i + 1] == 0x81 &&
        ((unsigned char) t[i + 2] == 0xA0 ||
         ((unsigned char) t[i + 2] >= 0xA6 && (unsigned char) t[i + 2] <= 0xA9))) {
      ok = ink__str_append (ctx, &kept, t + run, i - run);
      run = i + 3;
      i += 2;
    }
  ok = ok && ink__str_append (ctx, &kept, t + run, n - run) &&
       ink__str_append_json (ctx, s, kept.s ? kept.s : "", kept.n);
  ink__str_free (ctx, &kept);
  return ok;
}

/* A line record as the JSON's "line" item; its first link's target as "link". */
static bool
line_json (const ink_document_t *doc, ink__str_t *s, const ink__step_t *step, bool first)
{
  ink_context_t *ctx = doc->ctx;
  const ink__lrec_t *l = step->line;
  const ink__item_t *lk = ink__line_link (step);
  return ink__str_printf (ctx, s, "%s\n      { \"type\": \"line\", \"role\": \"%s\", \"block\": %ld",
                          first ? "" : ",", ink__role_names[l->role], l->block) &&
         px (ctx, s, "x", l->x) && px (ctx, s, "y", l->y) && px (ctx, s, "width", l->w) &&
         px (ctx, s, "height", l->h) && px (ctx, s, "baseline", l->baseline) &&
         ink__str_printf (ctx, s, ", \"dir\": \"%s\", \"text\": ", l->rtl ? "rtl" : "ltr") &&
         line_text (ctx, s, doc->text.s + l->text_off, l->text_len, l->role) &&
         ink__str_printf (ctx, s, ", \"hyphenated\": %s,%s%s%s%s \"generated\": %s, \"glyphs\": %zu, \"missing_glyphs\": %zu",
                          l->hyphenated ? "true" : "false",
                          l->foot_hyphen ? " \"foot_hyphen\": true," : "",
                          l->space_after ? " \"space_after\": true," : "",
                          l->cap ? " \"drop_cap\": true," : "",
                          l->note ? " \"note\": true," : "",
                          l->generated ? "true" : "false", l->glyphs, l->missing) &&
         (!lk || (ink__str_printf (ctx, s, ", \"link\": ") &&
                  ink__str_append_json (ctx, s, lk->href, strlen (lk->href)))) &&
         ink__str_append (ctx, s, " }", 2);
}

/* A rule or picture item. */
static bool
box_json (const ink_document_t *doc, ink__str_t *s, const ink__item_t *it, bool first)
{
  ink_context_t *ctx = doc->ctx;
  return ink__str_printf (ctx, s, "%s\n      { \"type\": \"%s\"", first ? "" : ",",
                          it->kind == INK_ITEM_IMAGE ? "image" : "rule") &&
         (it->kind != INK_ITEM_IMAGE || ink__str_printf (ctx, s, ", \"block\": %ld", it->block)) &&
         px (ctx, s, "x", it->x) && px (ctx, s, "y", it->y) && px (ctx, s, "width", it->w) &&
         px (ctx, s, "height", it->h) && ink__str_append (ctx, s, " }", 2);
}

/* Documented in include/inkset/inkset-document.h. */
ink_status_t
ink_document_layout_json (ink_document_t *doc, const char **json, size_t *len)
{
  if (!doc || !json)
    return INK_INVALID;
  ink_context_t *ctx = doc->ctx;
  ink__str_t *s = &doc->json;
  s->n = 0;
  bool ok = ink__str_printf (ctx, s, "{ \"width\": %u, \"height\": %u, \"dpi\": ", doc->width,
                             doc->height) &&
            dpi_value (ctx, s, doc->dpi) && url_value (ctx, s, doc->article) &&
            ink__str_printf (ctx, s, ",\n  \"pages\": [");
  for (size_t p = 0; ok && p < doc->pages.n; p++) {
    const ink__page_t *pg = &doc->pages.v[p];
    ok = ink__str_printf (ctx, s, "%s\n    { \"number\": %zu", p ? "," : "", p + 1) &&
         grid_value (ctx, s, doc, pg) && columns_value (ctx, s, doc, pg) &&
         ink__str_printf (ctx, s, ", \"items\": [");
    bool first = true;
    ink_display_iter_t it;
    ink__step_t st;
    for (ink_display_begin (doc, p, &it); ok && ink__display_step (&it, &st);)
      if (st.kind == INK_DISPLAY_LINE) {
        ok = line_json (doc, s, &st, first);
        first = false;
      }
    for (ink_display_begin (doc, p, &it); ok && ink__display_step (&it, &st);)
      if (st.kind == INK_DISPLAY_RULE || st.kind == INK_DISPLAY_PICTURE) {
        ok = box_json (doc, s, st.item, first);
        first = false;
      }
    ok = ok && ink__str_append (ctx, s, " ] }", 4);
  }
  ok = ok && ink__str_printf (ctx, s, " ],\n  \"overflow\": { \"blocks\": %zu, \"chars\": %zu },\n"
                              "  \"missing_glyphs\": %zu }\n",
                              doc->overflow_blocks, doc->overflow_chars, doc->missing);
  if (!ok)
    return ink__error (ctx, INK_NO_MEMORY, "out of memory");
  *json = s->s;
  if (len)
    *len = s->n;
  return INK_OK;
}
