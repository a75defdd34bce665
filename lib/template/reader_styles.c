/* template/reader_styles: [style NAME] sections (size first, since em lengths are relative
 * to it) and [roles], which gives a role a style. */
#include "reader-internal.h"

static const char *const align_names[] = { "start", "end", "center", "justify", NULL };

static ink_status_t
parse_features (reader_t *r, span_t v, ink__style_t *st)
{
  const char *s = r->src;
  size_t pos = v.off, end = v.off + v.len;
  span_t item;
  st->nfeatures = 0;
  while (ink__tpl_next_item (s, &pos, end, ',', &item)) {
    const char *f = s + item.off;
    size_t n = item.len, i = 0;
    uint32_t value = 1;
    if (n > 0 && (f[0] == '-' || f[0] == '+'))
      value = f[i++] == '+';
    size_t tag = i;
    while (i < n && (is_alpha (f[i]) || is_digit (f[i])))
      i++;
    size_t tlen = i - tag;
    if (tlen == 0 || tlen > 4)
      return fail (r, item.off, "bad feature '%.*s'; expected a tag of 1 to 4 letters or "
                   "digits, as in kern=1, liga or -liga", clip (f, n), f);
    if (i < n) {
      if (f[i] != '=' || tag > 0)
        return fail (r, item.off + i, "bad feature '%.*s'; expected a tag of 1 to 4 letters or "
                     "digits, as in kern=1, liga or -liga", clip (f, n), f);
      size_t d = ++i;
      unsigned long val = 0;
      while (i < n && is_digit (f[i]) && val <= 65535)
        val = val * 10 + (unsigned long) (f[i++] - '0');
      if (i == d || i < n || val > 65535)
        return fail (r, item.off + d, "bad feature value in '%.*s'; expected a whole number "
                     "from 0 to 65535", clip (f, n), f);
      value = (uint32_t) val;
    }
    char t4[4] = { ' ', ' ', ' ', ' ' };
    memcpy (t4, f + tag, tlen);
    for (unsigned k = 0; k < st->nfeatures; k++)
      if (memcmp (st->features[k].tag, t4, 4) == 0)
        return fail (r, item.off, "feature '%.*s' given twice", (int) tlen, f + tag);
    if (st->nfeatures == INK_MAX_FEATURES)
      return fail (r, item.off, "more than %d features", INK_MAX_FEATURES);
    memcpy (st->features[st->nfeatures].tag, t4, 4);
    st->features[st->nfeatures].value = value;
    st->nfeatures++;
  }
  return INK_OK;
}

void
ink__tpl_style_defaults (reader_t *r, ink__style_t *st)
{
  st->family = "serif";
  st->weight = 400;
  st->size_px = 10.0f * r->t->dpi / 72.0f;   /* 10pt */
  st->align = INK_ALIGN_START;
}

ink_status_t
ink__tpl_style_entry (reader_t *r, bstyle_t *bs, const entry_t *e, int priority)
{
  ink__style_t *st = &bs->st;
  span_t v = value_of (e);
  ink_status_t s;
  int i;
  if ((e->id == K_SIZE) != (priority == 0))
    return INK_OK;
  switch (e->id) {
  case K_SIZE:
    if ((s = ink__tpl_parse_length (r, v, LEN_PAGE, 0, false, &st->size_px, NULL)) != INK_OK)
      return s;
    if (st->size_px < 1 || st->size_px > INK_TEMPLATE_MAX_SIZE_PX)
      return fail (r, v.off, "type size %.1fpx out of range; expected from 1px to %dpx",
                   (double) st->size_px, INK_TEMPLATE_MAX_SIZE_PX);
    return INK_OK;
  case K_FAMILY: {
    const char *name = ink__tpl_find_family (r, v, &s);
    if (!name)
      return s;
    st->family = name;
    return INK_OK;
  }
  case K_WEIGHT: {
    static const char *const words[] = { "regular", "normal", "bold", NULL };
    int w = lookup (r->src + v.off, v.len, words);
    if (w >= 0) {
      st->weight = w == 2 ? 700 : 400;
      return INK_OK;
    }
    return ink__tpl_parse_uint (r, v, 100, 900, "a weight (or regular, bold)", &st->weight);
  }
  case K_SLANT: {
    static const char *const slants[] = { "normal", "italic", "oblique", NULL };
    if ((s = ink__tpl_parse_enum (r, v, slants, "slant", "normal or italic", &i)) != INK_OK)
      return s;
    st->italic = i > 0;
    return INK_OK;
  }
  case K_LEADING: {
    bool bare;
    float px;
    if ((s = ink__tpl_parse_length (r, v, LEN_LEADING, st->size_px, false, &px, &bare)) != INK_OK)
      return s;
    if (!bare && px <= 0)
      return fail (r, v.off, "leading must be more than zero");
    bs->has_leading = true;
    bs->leading_mult = bare ? px : 0;
    st->leading_px = bare ? px * st->size_px : px;
    return INK_OK;
  }
  case K_TRACKING: {
    float px;
    if ((s = ink__tpl_parse_length (r, v, LEN_STYLE, st->size_px, true, &px, NULL)) != INK_OK)
      return s;
    st->tracking_em = px / st->size_px;
    if (st->tracking_em < -0.5f || st->tracking_em > 1.0f)
      return fail (r, v.off, "tracking out of range; expected from -0.5em to 1em");
    return INK_OK;
  }
  case K_ALIGN:
    if ((s = ink__tpl_parse_enum (r, v, align_names, "alignment",
                                  "start, end, center or justify", &i)) != INK_OK)
      return s;
    st->align = (ink__align_t) i;
    return INK_OK;
  case K_INDENT:
    return ink__tpl_parse_length (r, v, LEN_STYLE, st->size_px, false, &st->indent_px, NULL);
  case K_SPACE_BEFORE:
    return ink__tpl_parse_length (r, v, LEN_STYLE, st->size_px, false, &st->space_before_px, NULL);
  case K_SPACE_AFTER:
    return ink__tpl_parse_length (r, v, LEN_STYLE, st->size_px, false, &st->space_after_px, NULL);
  case K_HYPHENATE:
    return ink__tpl_parse_bool (r, v, &st->hyphenate);
  case K_FEATURES:
    return parse_features (r, v, st);
  case K_GREY: {
    unsigned g;
    if ((s = ink__tpl_parse_uint (r, v, 0, 255, "a grey level (0 black to 255 white)", &g))
        != INK_OK)
      return s;
    st->grey = (uint8_t) g;
    return INK_OK;
  }
  case K_UPPERCASE:
    return ink__tpl_parse_bool (r, v, &st->uppercase);
  case K_SPAN_COLUMNS:
    return ink__tpl_parse_bool (r, v, &st->span_columns);
  case K_RULE_ABOVE:
    return ink__tpl_parse_bool (r, v, &st->rule_above);
  case K_RULE_BELOW:
    return ink__tpl_parse_bool (r, v, &st->rule_below);
  case K_DROP_CAP:
    return ink__tpl_parse_uint (r, v, 0, 10, "the lines a drop cap spans (0 for none)",
                                &st->drop_cap_lines);
  case K_LETTER_SPACING: {
    float px;
    if ((s = ink__tpl_parse_length (r, v, LEN_STYLE, st->size_px, false, &px, NULL)) != INK_OK)
      return s;
    st->letter_spacing_em = px / st->size_px;
    if (st->letter_spacing_em > 0.1f)
      return fail (r, v.off, "letter-spacing out of range; expected from 0 to 0.1em");
    return INK_OK;
  }
  default:
    return INK_OK;
  }
}

ink_status_t
ink__tpl_role_entry (reader_t *r, const entry_t *e)
{
  const char *s = r->src;
  int role = 0;
  while (!word_eq (s + e->key_off, e->key_len, ink__role_names[role]))
    role++;
  const char *names[INK_TEMPLATE_MAX_STYLES + 1];
  for (size_t i = 0; i < r->styles.n; i++) {
    if (name_eq (s + e->val_off, e->val_len, r->styles.v[i].st.name)) {
      r->role_style[role] = (int) i;
      return INK_OK;
    }
    names[i] = r->styles.v[i].st.name;
  }
  names[r->styles.n] = NULL;
  char h[64];
  const char *v = s + e->val_off, *pick = closest (v, e->val_len, names, r->styles.n);
  if (pick)
    return fail (r, e->val_off, "unknown style '%.*s' for role %s%s", clip (v, e->val_len), v,
                 ink__role_names[role], hint (h, sizeof h, pick));
  return fail (r, e->val_off, "unknown style '%.*s' for role %s; define it with [style %.*s]",
               clip (v, e->val_len), v, ink__role_names[role], clip (v, e->val_len), v);
}

