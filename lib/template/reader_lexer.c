/* template/reader_lexer: pass 1 of the template reader. The bytes are checked (UTF-8, no
 * controls, the size limit), then each line is a [section] header, a key = value entry, a
 * comment or blank; sections and keys are checked against the language's names (with a
 * did-you-mean) and against repeats, and each entry is kept with its positions for pass 2. */
#include "reader-internal.h"

static const char *const sec_names[SEC_KIND_COUNT_ + 1] = {
  "page", "panel", "flow", "header", "footer", "fonts", "fallback", "style", "roles", "grid",
  "digits", NULL,
};

static const char *const page_keys[] = { "width", "height", "dpi", "margins", "margin-top",
  "margin-right", "margin-bottom", "margin-left", "columns", "gutter", "column-rule",
  "baseline", "bleed", "crop-marks", NULL };
static const char *const panel_keys[] = { "bpp", "dither", NULL };
static const char *const flow_keys[] = { "widows", "orphans", "comments-new-page",
  "vertical-justify", "lone-lines", "picture-shrink", NULL };
static const char *const hf_keys[] = { "left", "center", "right", "first-page", NULL };
static const char *const style_keys[] = { "family", "weight", "slant", "size", "leading",
  "tracking", "align", "indent", "space-before", "space-after", "hyphenate", "features",
  "grey", "uppercase", "span-columns", "rule-above", "rule-below", "drop-cap",
  "letter-spacing", NULL };
static const key_id_t page_ids[] = { K_WIDTH, K_HEIGHT, K_DPI, K_MARGINS, K_MARGIN_TOP,
  K_MARGIN_RIGHT, K_MARGIN_BOTTOM, K_MARGIN_LEFT, K_COLUMNS, K_GUTTER, K_COLUMN_RULE,
  K_BASELINE, K_BLEED, K_CROP_MARKS };
static const key_id_t panel_ids[] = { K_BPP, K_DITHER };
static const key_id_t flow_ids[] = { K_WIDOWS, K_ORPHANS, K_COMMENTS_NEW_PAGE,
  K_VERTICAL_JUSTIFY, K_LONE_LINES, K_PICTURE_SHRINK };
static const key_id_t hf_ids[] = { K_LEFT, K_CENTER, K_RIGHT, K_FIRST_PAGE };
static const key_id_t style_ids[] = { K_FAMILY, K_WEIGHT, K_SLANT, K_SIZE, K_LEADING,
  K_TRACKING, K_ALIGN, K_INDENT, K_SPACE_BEFORE, K_SPACE_AFTER, K_HYPHENATE, K_FEATURES,
  K_GREY, K_UPPERCASE, K_SPAN_COLUMNS, K_RULE_ABOVE, K_RULE_BELOW, K_DROP_CAP,
  K_LETTER_SPACING };

/* The character at off, whole, for a message: its UTF-8 bytes, or \xNN for a byte that
 * starts no valid sequence. */
static const char *
char_at (const reader_t *r, size_t off, char buf[8])
{
  size_t pos = off;
  uint32_t cp;
  if (ink__utf8_next (r->src, r->len, &pos, &cp) && pos - off < 8) {
    memcpy (buf, r->src + off, pos - off);
    buf[pos - off] = 0;
  } else {
    snprintf (buf, 8, "\\x%02X", (unsigned) (unsigned char) r->src[off]);
  }
  return buf;
}

/* ---- pass 1: bytes and syntax ---- */

ink_status_t
ink__tpl_check_bytes (reader_t *r)
{
  size_t limit = ink__limit (r->ctx, INK_LIMIT_TEMPLATE_BYTES);
  if (r->len > limit)
    return ink__tpl_fail (r, INK_LIMIT, limit,
                          "template is %zu bytes, over the limit of %zu bytes", r->len, limit);
  size_t pos = 0;
  while (pos < r->len) {
    size_t start = pos;
    uint32_t cp;
    if (!ink__utf8_next (r->src, r->len, &pos, &cp))
      return fail (r, start, "invalid UTF-8 (byte 0x%02X); a template is UTF-8 text",
                   (unsigned) (unsigned char) r->src[start]);
    if (cp == 0)
      return fail (r, start, "NUL byte; a template is UTF-8 text");
    if (cp == '\r' && (pos >= r->len || r->src[pos] != '\n'))
      return fail (r, start, "carriage return not followed by a line feed");
    if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0x7F)
      return fail (r, start, "control character U+%04X; a template is plain text",
                   (unsigned) cp);
  }
  return INK_OK;
}

static bool
at_comment (const char *s, size_t i, size_t end)
{
  return i < end && (s[i] == '#' || s[i] == ';');
}

static ink_status_t
section_line (reader_t *r, size_t i, size_t end)
{
  const char *s = r->src;
  size_t close = i + 1;
  while (close < end && s[close] != ']')
    close++;
  if (close >= end)
    return fail (r, end, "expected ']' to close the section header");
  size_t after = skip_ws (s, close + 1, end);
  if (after < end && !at_comment (s, after, end))
    return fail (r, after, "unexpected text after ']'; expected the end of the line");
  size_t a = skip_ws (s, i + 1, close), b = trim_end (s, a, close);
  if (a == b)
    return fail (r, i + 1, "expected a section name inside '[ ]'");
  size_t w = a;
  while (w < b && is_name_char (s[w]))
    w++;
  char c[8];
  if (w < b && !is_ws (s[w]))
    return fail (r, w, "unexpected character '%s' in the section name", char_at (r, w, c));
  char h[64];
  int kind = lookup (s + a, w - a, sec_names);
  if (kind < 0) {
    const char *pick = closest (s + a, w - a, sec_names, SEC_KIND_COUNT_);
    if (pick)
      return fail (r, a, "unknown section [%.*s]%s", clip (s + a, w - a), s + a,
                   hint (h, sizeof h, pick));
    return fail (r, a, "unknown section [%.*s]; expected page, panel, flow, header, footer, "
                 "fonts, fallback, grid, style NAME or roles", clip (s + a, w - a), s + a);
  }
  section_t sec = { .kind = (sec_kind_t) kind, .off = i, .style = -1 };
  size_t rest = skip_ws (s, w, b);
  if (kind == SEC_STYLE) {
    if (rest == b)
      return fail (r, w, "expected a style name after 'style', as in [style body]");
    size_t e = rest;
    while (e < b && is_name_char (s[e]))
      e++;
    if (e < b)
      return fail (r, e, "unexpected character '%s' in the style name; use letters, digits, "
                   "'-' and '_'", char_at (r, e, c));
    if (e - rest > 32)
      return fail (r, rest, "style name longer than 32 characters");
    sec.name_off = rest;
    sec.name_len = e - rest;
    for (size_t k = 0; k < r->secs.n; k++) {
      section_t *o = &r->secs.v[k];
      if (o->kind == SEC_STYLE && o->name_len == sec.name_len
          && memcmp (s + o->name_off, s + rest, sec.name_len) == 0) {
        unsigned line, col;
        ink__text_position (s, r->len, o->off, &line, &col);
        return fail (r, i, "style '%.*s' is defined twice; first at line %u",
                     clip (s + rest, sec.name_len), s + rest, line);
      }
    }
    if (r->styles.n >= INK_TEMPLATE_MAX_STYLES)
      return fail (r, i, "more than %d styles", INK_TEMPLATE_MAX_STYLES);
    bstyle_t bs = { .sec = r->secs.n };
    if (!ink__vec_push (r->ctx, &r->styles, bs))
      return ink__tpl_no_memory (r);
    sec.style = (int) r->styles.n - 1;
  } else {
    if (rest < b)
      return fail (r, rest, "unexpected text after the section name [%s]", sec_names[kind]);
    if (r->sec_of_kind[kind] >= 0) {
      unsigned line, col;
      ink__text_position (s, r->len, r->secs.v[r->sec_of_kind[kind]].off, &line, &col);
      return fail (r, i, "section [%s] appears twice; first at line %u", sec_names[kind],
                   line);
    }
    r->sec_of_kind[kind] = (int) r->secs.n;
  }
  if (!ink__vec_push (r->ctx, &r->secs, sec))
    return ink__tpl_no_memory (r);
  return INK_OK;
}

static void
section_label (reader_t *r, const section_t *sec, char *buf, size_t size)
{
  if (sec->kind == SEC_STYLE)
    snprintf (buf, size, "[style %.*s]", clip (r->src + sec->name_off, sec->name_len),
              r->src + sec->name_off);
  else
    snprintf (buf, size, "[%s]", sec_names[sec->kind]);
}

/* Checks the key against its section and the keys before it in that section. */
static ink_status_t
check_key (reader_t *r, entry_t *e)
{
  const char *s = r->src, *k = s + e->key_off;
  size_t n = e->key_len;
  section_t *sec = &r->secs.v[e->sec];
  char label[64], h[64];
  section_label (r, sec, label, sizeof label);
  const char *const *names = NULL;
  const key_id_t *ids = NULL;
  switch (sec->kind) {
  case SEC_PAGE: names = page_keys, ids = page_ids; break;
  case SEC_PANEL: names = panel_keys, ids = panel_ids; break;
  case SEC_FLOW: names = flow_keys, ids = flow_ids; break;
  case SEC_HEADER: case SEC_FOOTER: names = hf_keys, ids = hf_ids; break;
  case SEC_STYLE: names = style_keys, ids = style_ids; break;
  default: break;
  }
  if (sec->kind == SEC_ROLES) {
    int role = -1;
    for (int i = 0; i < INK_ROLE_COUNT_; i++)
      if (word_eq (k, n, ink__role_names[i]))
        role = i;
    if (role < 0)
      return fail (r, e->key_off, "unknown role '%.*s' in [roles]%s", clip (k, n), k,
                   hint (h, sizeof h, closest (k, n, ink__role_names, INK_ROLE_COUNT_)));
    e->id = K_OPEN;
  } else if (names) {
    int i = lookup (k, n, names);
    if (i < 0)
      return fail (r, e->key_off, "unknown key '%.*s' in %s%s", clip (k, n), k, label,
                   hint (h, sizeof h, closest (k, n, names, count_names (names))));
    e->id = ids[i];
  } else if (sec->kind == SEC_FONTS) {
    char c[8];
    for (size_t i = 0; i < n; i++)
      if (!is_name_char (k[i]))
        return fail (r, e->key_off + i, "unexpected character '%s' in a family name; use "
                     "letters, digits, '-' and '_'", char_at (r, e->key_off + i, c));
    if (n > 32)
      return fail (r, e->key_off, "family name longer than 32 characters");
    e->id = K_OPEN;
  } else {
    e->id = K_OPEN;   /* [fallback], [grid], [digits]: the key is checked with its value */
  }
  /* A repeated key is an error, not a silent override. */
  for (size_t j = r->ents.n; j-- > 0;) {
    entry_t *o = &r->ents.v[j];
    if (o->sec != e->sec)
      break;
    bool same = o->key_len == n;
    for (size_t c = 0; same && c < n; c++)
      same = sec->kind == SEC_FONTS ? s[o->key_off + c] == k[c]
                                    : fold (s[o->key_off + c]) == fold (k[c]);
    if (same) {
      unsigned line, col;
      ink__text_position (s, r->len, o->key_off, &line, &col);
      return fail (r, e->key_off, "duplicate key '%.*s' in %s; first given at line %u",
                   clip (k, n), k, label, line);
    }
  }
  return INK_OK;
}

static ink_status_t
key_line (reader_t *r, size_t i, size_t end)
{
  const char *s = r->src;
  size_t eq = i;
  while (eq < end && s[eq] != '=')
    eq++;
  if (eq >= end)
    return fail (r, i, "expected 'key = value' or a [section] header");
  size_t kend = trim_end (s, i, eq);
  if (kend == i)
    return fail (r, i, "expected a key before '='");
  char c[8];
  for (size_t k = i; k < kend; k++)
    if (!is_name_char (s[k]) && s[k] != ':')
      return fail (r, k, "unexpected character '%s' in the key", char_at (r, k, c));
  if (r->secs.n == 0)
    return fail (r, i, "key '%.*s' is outside any section; start with a section such as "
                 "[page]", clip (s + i, kend - i), s + i);
  size_t v = skip_ws (s, eq + 1, end), vend;
  if (v < end && s[v] == '"') {
    size_t q = v + 1;
    while (q < end && s[q] != '"')
      q++;
    if (q >= end)
      return fail (r, v, "expected '\"' to close the quoted value");
    size_t after = skip_ws (s, q + 1, end);
    if (after < end && !at_comment (s, after, end))
      return fail (r, after, "unexpected text after the quoted value");
    v = v + 1;
    vend = q;
  } else {
    /* A '#' or ';' after white space starts a comment. */
    vend = v;
    while (vend < end && !(at_comment (s, vend, end) && vend > v && is_ws (s[vend - 1])))
      vend++;
    vend = trim_end (s, v, vend);
    if (vend == v)
      return fail (r, v, "expected a value after '='");
  }
  entry_t e = { .sec = r->secs.n - 1, .key_off = i, .key_len = kend - i, .val_off = v,
                .val_len = vend - v };
  ink_status_t st = check_key (r, &e);
  if (st != INK_OK)
    return st;
  if (!ink__vec_push (r->ctx, &r->ents, e))
    return ink__tpl_no_memory (r);
  return INK_OK;
}

ink_status_t
ink__tpl_tokenize (reader_t *r)
{
  const char *s = r->src;
  size_t pos = 0;
  if (r->len >= 3 && memcmp (s, "\xEF\xBB\xBF", 3) == 0)
    pos = 3;
  while (pos < r->len) {
    size_t eol = pos;
    while (eol < r->len && s[eol] != '\n')
      eol++;
    size_t end = eol;
    if (end > pos && s[end - 1] == '\r')
      end--;
    size_t i = skip_ws (s, pos, end);
    ink_status_t st = INK_OK;
    if (i < end && s[i] == '[')
      st = section_line (r, i, end);
    else if (i < end && !at_comment (s, i, end))
      st = key_line (r, i, end);
    if (st != INK_OK)
      return st;
    pos = eol + 1;
  }
  return INK_OK;
}

