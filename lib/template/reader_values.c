/* template/reader_values: the values of pass 2 that stand alone: lengths with their units
 * (px, pt, mm, cm, in, em), whole numbers, yes/no, names from a list, header and footer texts
 * with their {placeholders}; and the sections made only of those: [page], [panel], [flow],
 * [header], [footer]. */
#include "reader-internal.h"

static const char *const placeholders[] = { "section", "date", "title", "page", "pages",
  "source", NULL };
static const char *const dither_names[] = { "none", "floyd-steinberg", "atkinson", "bayer",
  "blue-noise", NULL };
/* [header] or [footer] first-page: all, none, or a list of left, center and right, into a
 * mask of the slots (bit 0 left, 1 center, 2 right) the first page shows. */
static ink_status_t
parse_first_page (reader_t *r, span_t v, uint8_t *out)
{
  static const char *const whole[] = { "none", "all", NULL };
  static const char *const slots[] = { "left", "center", "right", NULL };
  const char *s = r->src;
  int w = lookup (s + v.off, v.len, whole);
  if (w >= 0) {
    *out = w ? INK_RUNNING_ALL : 0;
    return INK_OK;
  }
  uint8_t mask = 0;
  size_t pos = v.off;
  span_t item;
  while (ink__tpl_next_item (s, &pos, v.off + v.len, ',', &item)) {
    int k = lookup (s + item.off, item.len, slots);
    if (k < 0)
      return fail (r, item.off, "expected all, none or left, center, right, got '%.*s'",
                   clip (s + item.off, item.len), s + item.off);
    mask |= (uint8_t) (1u << k);
  }
  *out = mask;
  return INK_OK;
}

/* The next item of a list separated by ',' (items trimmed, empty ones returned so that the
 * caller can name them) or by white space. False after the last. */
bool
ink__tpl_next_item (const char *s, size_t *pos, size_t end, char sep, span_t *item)
{
  if (*pos > end)
    return false;
  size_t i = skip_ws (s, *pos, end), j = i;
  if (sep == ',') {
    while (j < end && s[j] != ',')
      j++;
    item->off = i;
    item->len = trim_end (s, i, j) - i;
    *pos = j + 1;
    return true;
  }
  if (i >= end)
    return false;
  while (j < end && !is_ws (s[j]))
    j++;
  item->off = i;
  item->len = j - i;
  *pos = j;
  return true;
}

/* A length: a number and a unit. em is a multiple of em_px (styles only); for leading a
 * bare number multiplies the size. *bare is set when the number had no unit. */
ink_status_t
ink__tpl_parse_length (reader_t *r, span_t v, len_kind_t kind, float em_px, bool allow_negative,
                       float *out, bool *bare)
{
  const char *s = r->src + v.off;
  size_t n = v.len, i = 0;
  bool neg = false;
  if (bare)
    *bare = false;
  if (i < n && (s[i] == '-' || s[i] == '+'))
    neg = s[i++] == '-';
  size_t digits = i;
  double val = 0;
  while (i < n && is_digit (s[i]) && i - digits < 9)
    val = val * 10 + (s[i++] - '0');
  size_t intdigits = i - digits;
  if (i < n && is_digit (s[i]))
    return fail (r, v.off, "number '%.*s' is too large", clip (s, n), s);
  size_t frac = 0;
  if (i < n && s[i] == '.') {
    i++;
    double scale = 0.1;
    while (i < n && is_digit (s[i])) {
      if (frac < 6)
        val += (s[i] - '0') * scale;
      scale /= 10;
      frac++;
      i++;
    }
  }
  if (intdigits + frac == 0)
    return fail (r, v.off, "expected a length such as 12px, 10pt, 3mm or 0.5in, got '%.*s'",
                 clip (s, n), s);
  if (neg && val != 0 && !allow_negative)
    return fail (r, v.off, "negative length '%.*s'; expected zero or more", clip (s, n), s);
  if (neg)
    val = -val;
  const char *unit = s + i;
  size_t ulen = n - i;
  float dpi = r->t->dpi;
  const char *units = kind == LEN_PAGE ? "px, pt, mm, cm or in" : "px, pt, mm, cm, in or em";
  double px;
  if (ulen == 0) {
    if (kind == LEN_LEADING) {
      if (val <= 0 || val > 10)
        return fail (r, v.off, "leading multiple '%.*s' out of range; expected more than 0 "
                     "and at most 10", clip (s, n), s);
      if (bare)
        *bare = true;
      *out = (float) val;
      return INK_OK;
    }
    if (val != 0)
      return fail (r, v.off + i, "expected a unit after '%.*s' (%s)", clip (s, n), s, units);
    px = 0;
  } else if (word_eq (unit, ulen, "px")) {
    px = val;
  } else if (word_eq (unit, ulen, "pt")) {
    px = val * dpi / 72.0;
  } else if (word_eq (unit, ulen, "mm")) {
    px = val * dpi / 25.4;
  } else if (word_eq (unit, ulen, "cm")) {
    px = val * dpi / 2.54;
  } else if (word_eq (unit, ulen, "in")) {
    px = val * dpi;
  } else if (word_eq (unit, ulen, "em")) {
    if (kind == LEN_PAGE)
      return fail (r, v.off + i, "em is relative to a style's size and cannot be used here; "
                   "expected %s", units);
    px = val * em_px;
  } else {
    return fail (r, v.off + i, "unknown unit '%.*s'; expected %s", clip (unit, ulen), unit, units);
  }
  if (px > 100000 || px < -100000)
    return fail (r, v.off, "length '%.*s' is too large", clip (s, n), s);
  *out = (float) px;
  return INK_OK;
}

ink_status_t
ink__tpl_parse_uint (reader_t *r, span_t v, unsigned min, unsigned max, const char *what,
                     unsigned *out)
{
  const char *s = r->src + v.off;
  unsigned long val = 0;
  size_t i = 0;
  while (i < v.len && is_digit (s[i]) && val <= 100000)
    val = val * 10 + (unsigned long) (s[i++] - '0');
  if (i == 0 || i < v.len || val < min || val > max)
    return fail (r, v.off, "expected %s, a whole number from %u to %u, got '%.*s'", what, min,
                 max, clip (s, v.len), s);
  *out = (unsigned) val;
  return INK_OK;
}

ink_status_t
ink__tpl_parse_bool (reader_t *r, span_t v, bool *out)
{
  static const char *const yes[] = { "yes", "true", "on", "1", NULL };
  static const char *const no[] = { "no", "false", "off", "0", NULL };
  const char *s = r->src + v.off;
  if (lookup (s, v.len, yes) >= 0)
    *out = true;
  else if (lookup (s, v.len, no) >= 0)
    *out = false;
  else
    return fail (r, v.off, "expected yes or no, got '%.*s'", clip (s, v.len), s);
  return INK_OK;
}

ink_status_t
ink__tpl_parse_enum (reader_t *r, span_t v, const char *const *names, const char *what,
                     const char *expected, int *out)
{
  const char *s = r->src + v.off;
  int i = lookup (s, v.len, names);
  if (i < 0) {
    char h[64];
    const char *pick = closest (s, v.len, names, count_names (names));
    if (pick)
      return fail (r, v.off, "unknown %s '%.*s'%s", what, clip (s, v.len), s,
                   hint (h, sizeof h, pick));
    return fail (r, v.off, "unknown %s '%.*s'; expected %s", what, clip (s, v.len), s, expected);
  }
  *out = i;
  return INK_OK;
}

ink_status_t
ink__tpl_parse_text (reader_t *r, span_t v, const char **out)
{
  const char *s = r->src;
  if (v.len > INK_TEMPLATE_MAX_TEXT)
    return fail (r, v.off, "text longer than %d bytes", INK_TEMPLATE_MAX_TEXT);
  for (size_t i = v.off; i < v.off + v.len; i++) {
    if (s[i] == '}')
      return fail (r, i, "'}' without '{'; braces only enclose placeholders such as {page}");
    if (s[i] != '{')
      continue;
    size_t j = i + 1;
    while (j < v.off + v.len && s[j] != '}' && s[j] != '{')
      j++;
    if (j >= v.off + v.len || s[j] != '}')
      return fail (r, i, "expected '}' to close the placeholder");
    if (lookup (s + i + 1, j - i - 1, placeholders) < 0) {
      char h[64];
      const char *pick = closest (s + i + 1, j - i - 1, placeholders, 6);
      if (pick)
        return fail (r, i + 1, "unknown placeholder {%.*s}%s", clip (s + i + 1, j - i - 1),
                     s + i + 1, hint (h, sizeof h, pick));
      return fail (r, i + 1, "unknown placeholder {%.*s}; expected {section}, {date}, {title}, "
                   "{page}, {pages} or {source}", clip (s + i + 1, j - i - 1), s + i + 1);
    }
    i = j;
  }
  *out = ink__tpl_arena_put (r, s + v.off, v.len);
  return *out ? INK_OK : ink__tpl_no_memory (r);
}

ink_status_t
ink__tpl_page_entry (reader_t *r, const entry_t *e, int priority)
{
  ink_template_t *t = r->t;
  span_t v = value_of (e);
  ink_status_t st = INK_OK;
  int want = e->id == K_DPI ? 0 : e->id == K_MARGINS ? 1 : 2;
  if (want != priority)
    return INK_OK;
  switch (e->id) {
  case K_DPI: {
    float dpi = 0;
    const char *s = r->src + v.off;
    size_t i = 0;
    unsigned long whole = 0;
    while (i < v.len && is_digit (s[i]) && whole < 100000)
      whole = whole * 10 + (unsigned long) (s[i++] - '0');
    dpi = (float) whole;
    if (i > 0 && i < v.len && s[i] == '.') {
      float scale = 0.1f;
      for (i++; i < v.len && is_digit (s[i]); i++, scale /= 10)
        dpi += (float) (s[i] - '0') * scale;
    }
    if (i == 0 || i < v.len || dpi < 10 || dpi > 4800)
      return fail (r, v.off, "expected the dots per inch, a number from 10 to 4800, got '%.*s'",
                   clip (s, v.len), s);
    t->dpi = dpi;
    return INK_OK;
  }
  case K_WIDTH:
  case K_HEIGHT: {
    float px;
    if ((st = ink__tpl_parse_length (r, v, LEN_PAGE, 0, false, &px, NULL)) != INK_OK)
      return st;
    const char *what = e->id == K_WIDTH ? "width" : "height";
    if (px < 0.5f)
      return fail (r, v.off, "page %s must be at least 1px", what);
    if (px >= INK_MAX_PAGE_SIDE + 0.5f)
      return fail (r, v.off, "page %s %.0fpx is over the limit of %upx", what, (double) px,
                   INK_MAX_PAGE_SIDE);
    if (e->id == K_WIDTH)
      r->has_width = true, r->width_f = px;
    else
      r->has_height = true, r->height_f = px;
    return INK_OK;
  }
  case K_MARGINS: {
    float m[4] = { 0 };
    size_t count = 0, pos = v.off, end = v.off + v.len;
    span_t item;
    while (ink__tpl_next_item (r->src, &pos, end, ' ', &item)) {
      if (count == 4)
        return fail (r, item.off, "expected at most 4 margins: top, right, bottom, left");
      if ((st = ink__tpl_parse_length (r, item, LEN_PAGE, 0, false, &m[count], NULL)) != INK_OK)
        return st;
      count++;
    }
    /* As in CSS: one for all sides; top and bottom, sides; top, sides, bottom; or four. */
    float top = m[0], right = count > 1 ? m[1] : m[0], bottom = count > 2 ? m[2] : m[0];
    float left = count > 3 ? m[3] : right;
    t->margin_top = top, t->margin_right = right, t->margin_bottom = bottom;
    t->margin_left = left;
    return INK_OK;
  }
  case K_MARGIN_TOP:
  case K_MARGIN_RIGHT:
  case K_MARGIN_BOTTOM:
  case K_MARGIN_LEFT: {
    float px;
    if ((st = ink__tpl_parse_length (r, v, LEN_PAGE, 0, false, &px, NULL)) != INK_OK)
      return st;
    float *side = e->id == K_MARGIN_TOP ? &t->margin_top : e->id == K_MARGIN_RIGHT
                  ? &t->margin_right : e->id == K_MARGIN_BOTTOM ? &t->margin_bottom
                  : &t->margin_left;
    *side = px;
    return INK_OK;
  }
  case K_COLUMNS:
    return ink__tpl_parse_uint (r, v, 1, INK_TEMPLATE_MAX_COLUMNS, "the number of columns",
                                &t->columns);
  case K_GUTTER:
    r->has_gutter = true;
    return ink__tpl_parse_length (r, v, LEN_PAGE, 0, false, &t->gutter_px, NULL);
  case K_COLUMN_RULE:
    return ink__tpl_parse_bool (r, v, &t->column_rule);
  case K_BASELINE:
    return ink__tpl_parse_length (r, v, LEN_PAGE, 0, false, &t->baseline_px, NULL);
  case K_BLEED:
    if ((st = ink__tpl_parse_length (r, v, LEN_PAGE, 0, false, &t->bleed_px, NULL)) != INK_OK)
      return st;
    if (t->bleed_px > INK_TEMPLATE_MAX_BLEED_PX)
      return fail (r, v.off, "bleed %.0fpx is over the limit of %upx", (double) t->bleed_px,
                   INK_TEMPLATE_MAX_BLEED_PX);
    return INK_OK;
  case K_CROP_MARKS:
    return ink__tpl_parse_bool (r, v, &t->crop_marks);
  default:
    return INK_OK;
  }
}

ink_status_t
ink__tpl_simple_entry (reader_t *r, sec_kind_t kind, const entry_t *e)
{
  ink_template_t *t = r->t;
  span_t v = value_of (e);
  int i;
  ink_status_t st;
  switch (e->id) {
  case K_BPP: {
    unsigned bpp = 0;
    const char *s = r->src + v.off;
    if (v.len == 1 && (s[0] == '1' || s[0] == '2' || s[0] == '4' || s[0] == '8'))
      bpp = (unsigned) (s[0] - '0');
    if (!bpp)
      return fail (r, v.off, "expected bits per pixel 1, 2, 4 or 8, got '%.*s'", clip (s, v.len),
                   s);
    t->bpp = bpp;
    return INK_OK;
  }
  case K_DITHER:
    if ((st = ink__tpl_parse_enum (r, v, dither_names, "dither",
                          "none, floyd-steinberg, atkinson, bayer or blue-noise", &i)) != INK_OK)
      return st;
    t->dither = (ink__tdither_t) (INK_TDITHER_NONE + i);
    return INK_OK;
  case K_WIDOWS:
    return ink__tpl_parse_uint (r, v, 1, 10, "the fewest lines left at the top of a column",
                                &t->widows);
  case K_ORPHANS:
    return ink__tpl_parse_uint (r, v, 1, 10, "the fewest lines left at the foot of a column",
                                &t->orphans);
  case K_COMMENTS_NEW_PAGE:
    return ink__tpl_parse_bool (r, v, &t->comments_new_page);
  case K_VERTICAL_JUSTIFY:
    return ink__tpl_parse_uint (r, v, 0, 4, "the most line steps of space make-up adds at one place",
                                &t->vertical_justify);
  case K_LONE_LINES:
    return ink__tpl_parse_uint (r, v, 0, 4, "the most lines make-up leaves alone on a page",
                                &t->lone_lines);
  case K_PICTURE_SHRINK:
    return ink__tpl_parse_uint (r, v, 0, 50, "the most percent a picture is made smaller",
                                &t->picture_shrink);
  case K_LEFT:
    return ink__tpl_parse_text (r, v, kind == SEC_HEADER ? &t->header_left : &t->footer_left);
  case K_CENTER:
    return ink__tpl_parse_text (r, v, kind == SEC_HEADER ? &t->header_center : &t->footer_center);
  case K_RIGHT:
    return ink__tpl_parse_text (r, v, kind == SEC_HEADER ? &t->header_right : &t->footer_right);
  case K_FIRST_PAGE:
    return parse_first_page (r, v, kind == SEC_HEADER ? &t->header_first : &t->footer_first);
  default:
    return INK_OK;
  }
}
