/* template/reader: the template language (docs/templates.md) read into an ink_template.
 *
 * The reader is a strict INI tokenizer of its own rather than inih: it records the line and
 * column of every section, key and value (Debian's inih passes no line to the handler and no
 * column at all), it never truncates a long line, and it refuses what inih would skip
 * silently. The dialect is a subset of inih's, so a template also reads as plain INI.
 *
 * Three passes, each reporting its first error:
 *   1. file order: UTF-8 and size, syntax, unknown or repeated sections and keys;
 *   2. values, by section: [page] (dpi first, then margins), [panel], [flow], [header],
 *      [footer], [fonts], [fallback], [grid], each [style] (size first), [roles];
 *   3. the whole: required keys, room left by the margins, roles resolved to styles.
 */
#include "template.h"

#include <math.h>
#include <stdio.h>

typedef enum {
  SEC_PAGE, SEC_PANEL, SEC_FLOW, SEC_HEADER, SEC_FOOTER, SEC_FONTS, SEC_FALLBACK, SEC_STYLE,
  SEC_ROLES, SEC_GRID, SEC_KIND_COUNT_
} sec_kind_t;

static const char *const sec_names[SEC_KIND_COUNT_ + 1] = {
  "page", "panel", "flow", "header", "footer", "fonts", "fallback", "style", "roles", "grid",
  NULL,
};

typedef enum {
  K_WIDTH, K_HEIGHT, K_DPI, K_MARGINS, K_MARGIN_TOP, K_MARGIN_RIGHT, K_MARGIN_BOTTOM,
  K_MARGIN_LEFT, K_COLUMNS, K_GUTTER, K_COLUMN_RULE, K_BASELINE,
  K_BPP, K_DITHER,
  K_WIDOWS, K_ORPHANS, K_COMMENTS_NEW_PAGE, K_VERTICAL_JUSTIFY,
  K_LEFT, K_CENTER, K_RIGHT,
  K_FAMILY, K_WEIGHT, K_SLANT, K_SIZE, K_LEADING, K_TRACKING, K_ALIGN, K_INDENT,
  K_SPACE_BEFORE, K_SPACE_AFTER, K_HYPHENATE, K_FEATURES, K_GREY, K_UPPERCASE,
  K_SPAN_COLUMNS, K_RULE_ABOVE, K_RULE_BELOW, K_DROP_CAP, K_LETTER_SPACING,
  K_OPEN   /* a key of an open set: a family, a script, a role */
} key_id_t;

static const char *const page_keys[] = { "width", "height", "dpi", "margins", "margin-top",
  "margin-right", "margin-bottom", "margin-left", "columns", "gutter", "column-rule",
  "baseline", NULL };
static const char *const panel_keys[] = { "bpp", "dither", NULL };
static const char *const flow_keys[] = { "widows", "orphans", "comments-new-page",
  "vertical-justify", NULL };
static const char *const hf_keys[] = { "left", "center", "right", NULL };
static const char *const style_keys[] = { "family", "weight", "slant", "size", "leading",
  "tracking", "align", "indent", "space-before", "space-after", "hyphenate", "features",
  "grey", "uppercase", "span-columns", "rule-above", "rule-below", "drop-cap",
  "letter-spacing", NULL };
static const key_id_t page_ids[] = { K_WIDTH, K_HEIGHT, K_DPI, K_MARGINS, K_MARGIN_TOP,
  K_MARGIN_RIGHT, K_MARGIN_BOTTOM, K_MARGIN_LEFT, K_COLUMNS, K_GUTTER, K_COLUMN_RULE,
  K_BASELINE };
static const key_id_t panel_ids[] = { K_BPP, K_DITHER };
static const key_id_t flow_ids[] = { K_WIDOWS, K_ORPHANS, K_COMMENTS_NEW_PAGE,
  K_VERTICAL_JUSTIFY };
static const key_id_t hf_ids[] = { K_LEFT, K_CENTER, K_RIGHT };
static const key_id_t style_ids[] = { K_FAMILY, K_WEIGHT, K_SLANT, K_SIZE, K_LEADING,
  K_TRACKING, K_ALIGN, K_INDENT, K_SPACE_BEFORE, K_SPACE_AFTER, K_HYPHENATE, K_FEATURES,
  K_GREY, K_UPPERCASE, K_SPAN_COLUMNS, K_RULE_ABOVE, K_RULE_BELOW, K_DROP_CAP,
  K_LETTER_SPACING };

static const char *const placeholders[] = { "section", "date", "title", "page", "pages",
  "source", NULL };
static const char *const dither_names[] = { "none", "floyd-steinberg", "atkinson", "bayer",
  "blue-noise", NULL };
static const char *const align_names[] = { "start", "end", "center", "justify", NULL };

/* The families and fallback chains every template starts from; a template's [fonts] and
 * [fallback] entries replace or add to them. */
static const ink__family_t default_families[] = {
  { "serif", "NotoSerif-Regular.ttf", "NotoSerif-Bold.ttf", "NotoSerif-Italic.ttf",
    "NotoSerif-BoldItalic.ttf" },
  { "sans", "NotoSans-Regular.ttf", "NotoSans-Bold.ttf", NULL, NULL },
  { "naskh", "NotoNaskhArabic-Regular.ttf", NULL, NULL, NULL },
  { "nastaliq", "NotoNastaliqUrdu-Regular.ttf", NULL, NULL, NULL },
  { "hebrew", "NotoSansHebrew-Regular.ttf", NULL, NULL, NULL },
  { "devanagari", "NotoSansDevanagari-Regular.ttf", NULL, NULL, NULL },
  { "thai", "NotoSansThai-Regular.ttf", NULL, NULL, NULL },
  { "cjk", "NotoSansCJKsc-Subset.otf", NULL, NULL, NULL },
};
#define NDEFAULT_FAMILIES (sizeof default_families / sizeof default_families[0])

static const struct { const char *script, *lang, *fam[2]; } default_fallbacks[] = {
  { "Zyyy", "", { "serif", "sans" } },
  { "Arab", "", { "naskh", NULL } },
  { "Arab", "ur", { "nastaliq", NULL } },
  { "Hebr", "", { "hebrew", NULL } },
  { "Deva", "", { "devanagari", NULL } },
  { "Thai", "", { "thai", NULL } },
  { "Hani", "", { "cjk", NULL } },
  { "Hira", "", { "cjk", NULL } },
  { "Kana", "", { "cjk", NULL } },
  { "Hang", "", { "cjk", NULL } },
};
#define NDEFAULT_FALLBACKS (sizeof default_fallbacks / sizeof default_fallbacks[0])

/* Defaults for a role no [roles] entry and no like-named style covers: sizes relative to
 * the body style. Keep in step with the table in docs/templates.md. */
typedef struct {
  const char *family;
  float scale, leading;    /* size = body size * scale; leading = size * leading */
  unsigned weight;
  bool italic, uppercase, span, rule_above, hyphenate;
  ink__align_t align;
  uint8_t grey;
  float tracking_em, space_before_em, space_after_em;
} role_default_t;

static const role_default_t role_defaults[INK_ROLE_COUNT_] = {
  [INK_ROLE_KICKER] = { "sans", 0.8f, 1.3f, 700, false, true, true, false, false,
                        INK_ALIGN_START, 96, 0.08f, 0, 0.3f },
  [INK_ROLE_HEADLINE] = { "serif", 2.4f, 1.1f, 700, false, false, true, false, false,
                          INK_ALIGN_START, 0, 0, 0, 0.4f },
  [INK_ROLE_DECK] = { "serif", 1.3f, 1.3f, 400, true, false, true, false, false,
                      INK_ALIGN_START, 0, 0, 0, 0.8f },
  [INK_ROLE_BYLINE] = { "sans", 0.8f, 1.3f, 700, false, false, false, false, false,
                        INK_ALIGN_START, 0, 0, 0, 0 },
  [INK_ROLE_DATELINE] = { "sans", 0.8f, 1.3f, 400, false, false, false, false, false,
                          INK_ALIGN_START, 80, 0, 0, 0.6f },
  [INK_ROLE_BODY] = { "serif", 1.0f, 1.35f, 400, false, false, false, false, true,
                      INK_ALIGN_JUSTIFY, 0, 0, 0, 0 },
  [INK_ROLE_SUBHEAD] = { "serif", 1.15f, 1.3f, 700, false, false, false, false, false,
                         INK_ALIGN_START, 0, 0, 0.8f, 0.2f },
  [INK_ROLE_QUOTE] = { "serif", 1.6f, 1.25f, 700, true, false, true, true, false,
                       INK_ALIGN_CENTER, 0, 0, 0.8f, 0.2f },
  [INK_ROLE_ATTRIBUTION] = { "sans", 0.85f, 1.3f, 400, false, false, true, false, false,
                             INK_ALIGN_END, 0, 0, 0, 0.8f },
  [INK_ROLE_RELATED] = { "sans", 0.9f, 1.3f, 700, false, false, false, true, false,
                         INK_ALIGN_START, 0, 0, 0.6f, 0.6f },
  [INK_ROLE_CAPTION] = { "sans", 0.8f, 1.3f, 400, false, false, false, false, false,
                         INK_ALIGN_START, 0, 0, 0.3f, 0 },
  [INK_ROLE_CREDIT] = { "sans", 0.7f, 1.3f, 400, false, true, false, false, false,
                        INK_ALIGN_END, 96, 0.04f, 0, 0.6f },
  [INK_ROLE_COMMENT_AUTHOR] = { "sans", 0.85f, 1.3f, 700, false, false, false, true, false,
                                INK_ALIGN_START, 0, 0, 0.8f, 0 },
  [INK_ROLE_COMMENT] = { "sans", 0.85f, 1.35f, 400, false, false, false, false, true,
                         INK_ALIGN_START, 0, 0, 0, 0.3f },
  [INK_ROLE_REPLY] = { "sans", 0.8f, 1.35f, 400, false, false, false, false, true,
                       INK_ALIGN_START, 48, 0, 0, 0.3f },
  [INK_ROLE_HEADER] = { "sans", 0.75f, 1.3f, 400, false, false, true, false, false,
                        INK_ALIGN_START, 0, 0, 0, 0 },
  [INK_ROLE_FOOTER] = { "sans", 0.75f, 1.3f, 400, false, false, true, false, false,
                        INK_ALIGN_START, 0, 0, 0, 0 },
  [INK_ROLE_SOURCE] = { "sans", 0.75f, 1.3f, 400, false, false, false, false, false,
                        INK_ALIGN_START, 80, 0, 0.8f, 0 },
  [INK_ROLE_LIST] = { "serif", 1.0f, 1.35f, 400, false, false, false, false, true,
                      INK_ALIGN_START, 0, 0, 0, 0.2f },
  [INK_ROLE_BLOCKQUOTE] = { "serif", 1.0f, 1.35f, 400, true, false, false, false, true,
                            INK_ALIGN_START, 0, 0, 0.4f, 0.4f },
  [INK_ROLE_TABLE] = { "sans", 0.85f, 1.3f, 400, false, false, false, false, false,
                       INK_ALIGN_START, 0, 0, 0.6f, 0.6f },
};

typedef struct {
  sec_kind_t kind;
  size_t off;              /* the '[' */
  size_t name_off, name_len;  /* [style NAME] */
  int style;               /* index into styles, SEC_STYLE only */
} section_t;

typedef struct {
  size_t sec;
  key_id_t id;
  size_t key_off, key_len;
  size_t val_off, val_len;
} entry_t;

typedef struct {
  ink__style_t st;
  size_t sec;
  bool has_leading;
  float leading_mult;      /* leading given as a bare multiple of the size */
} bstyle_t;

typedef struct {
  ink_context_t *ctx;
  const char *src;
  size_t len;
  const char *source;      /* for messages */
  ink_diag_t *diag;
  INK_VEC (section_t) secs;
  INK_VEC (entry_t) ents;
  INK_VEC (bstyle_t) styles;
  INK_VEC (ink__family_t) fams;
  INK_VEC (ink__fallback_t) fbs;
  ink_template_t *t;
  size_t arena_n;
  int sec_of_kind[SEC_KIND_COUNT_];   /* -1 when absent; styles excepted */
  int role_style[INK_ROLE_COUNT_];    /* -1 unset */
  bool has_width, has_height, has_gutter;
  float width_f, height_f;
  size_t grid_off[INK_TEMPLATE_MAX_GRIDS];   /* where each [grid] step's value is */
} reader_t;

/* ---- messages ---- */

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

static ink_status_t
fail_status (reader_t *r, ink_status_t status, size_t off, const char *fmt, ...)
  __attribute__ ((format (printf, 4, 5)));

static ink_status_t
fail_status (reader_t *r, ink_status_t status, size_t off, const char *fmt, ...)
{
  char buf[sizeof r->diag->message];
  va_list ap;
  va_start (ap, fmt);
  vsnprintf (buf, sizeof buf, fmt, ap);
  va_end (ap);
  unsigned line, column;
  ink__text_position (r->src, r->len, off, &line, &column);
  ink__diag (r->ctx, r->diag, status, line, column, "%s", buf);
  return ink__error (r->ctx, status, "%s:%u:%u: %s", r->source, line, column, buf);
}

#define fail(r, off, ...) fail_status ((r), INK_PARSE, (off), __VA_ARGS__)

static ink_status_t
no_memory (reader_t *r)
{
  if (r->diag) {
    r->diag->line = r->diag->column = 0;
    snprintf (r->diag->message, sizeof r->diag->message, "out of memory");
  }
  return ink__error (r->ctx, INK_NO_MEMORY, "%s: out of memory", r->source);
}

/* ---- characters and words ---- */

static bool
is_ws (char c)
{
  return c == ' ' || c == '\t';
}

static bool
is_alpha (char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool
is_digit (char c)
{
  return c >= '0' && c <= '9';
}

static bool
is_name_char (char c)
{
  return is_alpha (c) || is_digit (c) || c == '-' || c == '_';
}

static char
fold (char c)
{
  if (c >= 'A' && c <= 'Z')
    return (char) (c - 'A' + 'a');
  return c == '_' ? '-' : c;
}

/* Keywords compare without case, and '-' matches '_'. */
static bool
word_eq (const char *a, size_t n, const char *b)
{
  size_t m = strlen (b);
  if (n != m)
    return false;
  for (size_t i = 0; i < n; i++)
    if (fold (a[i]) != fold (b[i]))
      return false;
  return true;
}

static bool
name_eq (const char *a, size_t n, const char *b)
{
  return b && strlen (b) == n && memcmp (a, b, n) == 0;
}

static int
lookup (const char *s, size_t n, const char *const *names)
{
  for (int i = 0; names[i]; i++)
    if (word_eq (s, n, names[i]))
      return i;
  return -1;
}

/* The closest candidate within a small distance, or NULL. */
static const char *
closest (const char *s, size_t n, const char *const *names, size_t count)
{
  size_t k = 0;
  while (k < count && names[k])
    k++;
  return ink__did_you_mean (s, n, names, k);
}

static size_t
count_names (const char *const *names)
{
  size_t n = 0;
  while (names[n])
    n++;
  return n;
}

/* Writes "; did you mean 'x'?" into buf, or nothing. */
static const char *
hint (char *buf, size_t size, const char *pick)
{
  if (pick)
    snprintf (buf, size, "; did you mean '%s'?", pick);
  else
    buf[0] = 0;
  return buf;
}

/* How much of s to quote in a message: at most 40 bytes, not cutting a UTF-8 sequence. */
static int
clip (const char *s, size_t n)
{
  if (n <= 40)
    return (int) n;
  n = 40;
  while (n > 0 && ((unsigned char) s[n] & 0xC0) == 0x80)
    n--;
  return (int) n;
}

/* ---- the arena ---- */

static const char *
arena_put (reader_t *r, const char *s, size_t n)
{
  ink_template_t *t = r->t;
  if (n + 1 > t->arena_len - r->arena_n)
    return NULL;
  char *d = t->arena + r->arena_n;
  memcpy (d, s, n);
  d[n] = 0;
  r->arena_n += n + 1;
  return d;
}

/* ---- pass 1: bytes and syntax ---- */

static ink_status_t
check_bytes (reader_t *r)
{
  size_t limit = ink__limit (r->ctx, INK_LIMIT_TEMPLATE_BYTES);
  if (r->len > limit)
    return fail_status (r, INK_LIMIT, limit,
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

static size_t
skip_ws (const char *s, size_t i, size_t end)
{
  while (i < end && is_ws (s[i]))
    i++;
  return i;
}

static size_t
trim_end (const char *s, size_t start, size_t end)
{
  while (end > start && is_ws (s[end - 1]))
    end--;
  return end;
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
      return no_memory (r);
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
    return no_memory (r);
  return INK_OK;
}

static void
section_label (reader_t *r, const section_t *sec, char *buf, size_t size)
{
  if (sec->kind == SEC_STYLE)
    snprintf (buf, size, "[style %.*s]", clip (r->src + sec->name_off, sec->name_len), r->src + sec->name_off);
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
    e->id = K_OPEN;   /* [fallback], [grid]: the key is checked with its value */
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
    return no_memory (r);
  return INK_OK;
}

static ink_status_t
tokenize (reader_t *r)
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

/* ---- pass 2: values ---- */

typedef struct {
  size_t off, len;
} span_t;

/* The next item of a list separated by ',' (items trimmed, empty ones returned so that the
 * caller can name them) or by white space. False after the last. */
static bool
next_item (const char *s, size_t *pos, size_t end, char sep, span_t *item)
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

typedef enum { LEN_PAGE, LEN_STYLE, LEN_LEADING } len_kind_t;

/* A length: a number and a unit. em is a multiple of em_px (styles only); for leading a
 * bare number multiplies the size. *bare is set when the number had no unit. */
static ink_status_t
parse_length (reader_t *r, span_t v, len_kind_t kind, float em_px, bool allow_negative,
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

static ink_status_t
parse_uint (reader_t *r, span_t v, unsigned min, unsigned max, const char *what,
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

static ink_status_t
parse_bool (reader_t *r, span_t v, bool *out)
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

static ink_status_t
parse_enum (reader_t *r, span_t v, const char *const *names, const char *what,
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

static ink_status_t
parse_text (reader_t *r, span_t v, const char **out)
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
  *out = arena_put (r, s + v.off, v.len);
  return *out ? INK_OK : no_memory (r);
}

static span_t
value_of (const entry_t *e)
{
  return (span_t) { e->val_off, e->val_len };
}

static ink_status_t
page_entry (reader_t *r, const entry_t *e, int priority)
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
    if ((st = parse_length (r, v, LEN_PAGE, 0, false, &px, NULL)) != INK_OK)
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
    float m[4];
    size_t count = 0, pos = v.off, end = v.off + v.len;
    span_t item;
    while (next_item (r->src, &pos, end, ' ', &item)) {
      if (count == 4)
        return fail (r, item.off, "expected at most 4 margins: top, right, bottom, left");
      if ((st = parse_length (r, item, LEN_PAGE, 0, false, &m[count], NULL)) != INK_OK)
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
    if ((st = parse_length (r, v, LEN_PAGE, 0, false, &px, NULL)) != INK_OK)
      return st;
    float *side = e->id == K_MARGIN_TOP ? &t->margin_top : e->id == K_MARGIN_RIGHT
                  ? &t->margin_right : e->id == K_MARGIN_BOTTOM ? &t->margin_bottom
                  : &t->margin_left;
    *side = px;
    return INK_OK;
  }
  case K_COLUMNS:
    return parse_uint (r, v, 1, INK_TEMPLATE_MAX_COLUMNS, "the number of columns",
                       &t->columns);
  case K_GUTTER:
    r->has_gutter = true;
    return parse_length (r, v, LEN_PAGE, 0, false, &t->gutter_px, NULL);
  case K_COLUMN_RULE:
    return parse_bool (r, v, &t->column_rule);
  case K_BASELINE:
    return parse_length (r, v, LEN_PAGE, 0, false, &t->baseline_px, NULL);
  default:
    return INK_OK;
  }
}

static ink_status_t
simple_entry (reader_t *r, sec_kind_t kind, const entry_t *e)
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
    if ((st = parse_enum (r, v, dither_names, "dither",
                          "none, floyd-steinberg, atkinson, bayer or blue-noise", &i)) != INK_OK)
      return st;
    t->dither = (ink__tdither_t) (INK_TDITHER_NONE + i);
    return INK_OK;
  case K_WIDOWS:
    return parse_uint (r, v, 1, 10, "the fewest lines left at the top of a column",
                       &t->widows);
  case K_ORPHANS:
    return parse_uint (r, v, 1, 10, "the fewest lines left at the foot of a column",
                       &t->orphans);
  case K_COMMENTS_NEW_PAGE:
    return parse_bool (r, v, &t->comments_new_page);
  case K_VERTICAL_JUSTIFY:
    return parse_uint (r, v, 0, 4, "the most line steps of space make-up adds at one place",
                       &t->vertical_justify);
  case K_LEFT:
    return parse_text (r, v, kind == SEC_HEADER ? &t->header_left : &t->footer_left);
  case K_CENTER:
    return parse_text (r, v, kind == SEC_HEADER ? &t->header_center : &t->footer_center);
  case K_RIGHT:
    return parse_text (r, v, kind == SEC_HEADER ? &t->header_right : &t->footer_right);
  default:
    return INK_OK;
  }
}

static bool
has_font_extension (const char *s, size_t n)
{
  static const char *const exts[] = { ".ttf", ".otf", ".ttc", ".otc", NULL };
  if (n < 5)
    return false;
  return lookup (s + n - 4, 4, exts) >= 0;
}

static ink_status_t
font_entry (reader_t *r, const entry_t *e)
{
  const char *s = r->src;
  ink__family_t fam = { 0 };
  const char **faces[4] = { &fam.regular, &fam.bold, &fam.italic, &fam.bold_italic };
  size_t count = 0, pos = e->val_off, end = e->val_off + e->val_len;
  span_t item;
  while (next_item (s, &pos, end, ',', &item)) {
    if (count == 4)
      return fail (r, item.off, "expected at most 4 font files: regular, bold, italic, "
                   "bold italic");
    if (item.len == 0)
      return fail (r, item.off, "expected a font file name");
    if (item.len > INK_TEMPLATE_MAX_TEXT)
      return fail (r, item.off, "font file name longer than %d bytes", INK_TEMPLATE_MAX_TEXT);
    for (size_t k = item.off; k + 4 < item.off + item.len; k++)
      if (is_ws (s[k + 4]) && has_font_extension (s + item.off, k + 4 - item.off))
        return fail (r, k + 4, "expected ',' between font files");
    if (!has_font_extension (s + item.off, item.len))
      return fail (r, item.off, "expected a font file ending in .ttf, .otf, .ttc or .otc, "
                   "got '%.*s'", clip (s + item.off, item.len), s + item.off);
    if (!(*faces[count] = arena_put (r, s + item.off, item.len)))
      return no_memory (r);
    count++;
  }
  for (size_t i = 0; i < r->fams.n; i++) {
    if (name_eq (s + e->key_off, e->key_len, r->fams.v[i].name)) {
      fam.name = r->fams.v[i].name;
      r->fams.v[i] = fam;
      return INK_OK;
    }
  }
  if (r->fams.n >= INK_TEMPLATE_MAX_FAMILIES)
    return fail (r, e->key_off, "more than %d font families", INK_TEMPLATE_MAX_FAMILIES);
  if (!(fam.name = arena_put (r, s + e->key_off, e->key_len)))
    return no_memory (r);
  if (!ink__vec_push (r->ctx, &r->fams, fam))
    return no_memory (r);
  return INK_OK;
}

/* The declared family named by span v, or NULL after reporting the error. */
static const char *
find_family (reader_t *r, span_t v, ink_status_t *st)
{
  const char *s = r->src + v.off;
  const char *names[INK_TEMPLATE_MAX_FAMILIES + NDEFAULT_FAMILIES + 1];
  for (size_t i = 0; i < r->fams.n; i++) {
    if (name_eq (s, v.len, r->fams.v[i].name))
      return r->fams.v[i].name;
    names[i] = r->fams.v[i].name;
  }
  names[r->fams.n] = NULL;
  char h[64];
  const char *pick = closest (s, v.len, names, r->fams.n);
  if (v.len == 0)
    *st = fail (r, v.off, "expected a family name");
  else if (pick)
    *st = fail (r, v.off, "unknown font family '%.*s'%s", clip (s, v.len), s,
                hint (h, sizeof h, pick));
  else
    *st = fail (r, v.off, "unknown font family '%.*s'; declare it in [fonts]", clip (s, v.len),
                s);
  return NULL;
}

/* A [fallback] or [grid] key: an ISO 15924 script, or 'default' where allowed (script
 * "Zyyy"), with an optional ":LANG" (a BCP 47 tag). */
static ink_status_t
script_key (reader_t *r, const entry_t *e, bool allow_default, char script[5], char lang[16])
{
  const char *k = r->src + e->key_off;
  size_t colon = 0;
  while (colon < e->key_len && k[colon] != ':')
    colon++;
  memset (script, 0, 5);
  memset (lang, 0, 16);
  if (allow_default && word_eq (k, colon, "default")) {
    memcpy (script, "Zyyy", 5);
  } else {
    bool ok = colon == 4;
    for (size_t i = 0; ok && i < 4; i++)
      ok = is_alpha (k[i]);
    if (!ok)
      return fail (r, e->key_off, "expected an ISO 15924 script code of four letters such as "
                   "Arab%s, got '%.*s'", allow_default ? ", or 'default'" : "", clip (k, colon),
                   k);
    script[0] = (char) (fold (k[0]) - 'a' + 'A');
    for (size_t i = 1; i < 4; i++)
      script[i] = fold (k[i]);
  }
  if (colon < e->key_len) {
    size_t ln = e->key_len - colon - 1;
    const char *l = k + colon + 1;
    bool ok = ln >= 2 && ln < 16 && is_alpha (l[0]);
    for (size_t i = 0; ok && i < ln; i++)
      ok = is_alpha (l[i]) || is_digit (l[i]) || l[i] == '-';
    if (!ok)
      return fail (r, e->key_off + colon + 1, "expected a BCP 47 language tag after ':', such "
                   "as ur, got '%.*s'", clip (l, ln), l);
    memcpy (lang, l, ln);
  }
  return INK_OK;
}

static ink_status_t
fallback_entry (reader_t *r, const entry_t *e)
{
  const char *s = r->src;
  ink__fallback_t fb = { 0 };
  ink_status_t st = script_key (r, e, true, fb.script, fb.lang);
  if (st != INK_OK)
    return st;
  size_t pos = e->val_off, end = e->val_off + e->val_len;
  span_t item;
  while (next_item (s, &pos, end, ',', &item)) {
    if (fb.nfamilies == 4)
      return fail (r, item.off, "expected at most 4 families in a fallback chain");
    const char *name = find_family (r, item, &st);
    if (!name)
      return st;
    fb.families[fb.nfamilies++] = name;
  }
  for (size_t i = 0; i < r->fbs.n; i++) {
    if (strcmp (r->fbs.v[i].script, fb.script) == 0 && strcmp (r->fbs.v[i].lang, fb.lang) == 0) {
      r->fbs.v[i] = fb;
      return INK_OK;
    }
  }
  if (r->fbs.n >= INK_TEMPLATE_MAX_FALLBACKS)
    return fail (r, e->key_off, "more than %d fallback chains", INK_TEMPLATE_MAX_FALLBACKS);
  if (!ink__vec_push (r->ctx, &r->fbs, fb))
    return no_memory (r);
  return INK_OK;
}

/* A [grid] entry: the body line step of a script, or of a script in one language. */
static ink_status_t
grid_entry (reader_t *r, const entry_t *e)
{
  ink__grid_step_t g = { 0 };
  ink_status_t st = script_key (r, e, false, g.script, g.lang);
  if (st != INK_OK)
    return st;
  span_t v = { e->val_off, e->val_len };
  if ((st = parse_length (r, v, LEN_PAGE, 0, false, &g.step_px, NULL)) != INK_OK)
    return st;
  if (g.step_px < 1)
    return fail (r, e->val_off, "expected a line step of at least 1px, got '%.*s'",
                 clip (r->src + e->val_off, e->val_len), r->src + e->val_off);
  ink_template_t *t = r->t;
  if (t->ngrids >= INK_TEMPLATE_MAX_GRIDS)
    return fail (r, e->key_off, "more than %d line steps in [grid]", INK_TEMPLATE_MAX_GRIDS);
  r->grid_off[t->ngrids] = e->val_off;
  t->grids[t->ngrids++] = g;
  return INK_OK;
}

static ink_status_t
parse_features (reader_t *r, span_t v, ink__style_t *st)
{
  const char *s = r->src;
  size_t pos = v.off, end = v.off + v.len;
  span_t item;
  st->nfeatures = 0;
  while (next_item (s, &pos, end, ',', &item)) {
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

static void
style_defaults (reader_t *r, ink__style_t *st)
{
  st->family = "serif";
  st->weight = 400;
  st->size_px = 10.0f * r->t->dpi / 72.0f;   /* 10pt */
  st->align = INK_ALIGN_START;
}

static ink_status_t
style_entry (reader_t *r, bstyle_t *bs, const entry_t *e, int priority)
{
  ink__style_t *st = &bs->st;
  span_t v = value_of (e);
  ink_status_t s;
  int i;
  if ((e->id == K_SIZE) != (priority == 0))
    return INK_OK;
  switch (e->id) {
  case K_SIZE:
    if ((s = parse_length (r, v, LEN_PAGE, 0, false, &st->size_px, NULL)) != INK_OK)
      return s;
    if (st->size_px < 1 || st->size_px > INK_TEMPLATE_MAX_SIZE_PX)
      return fail (r, v.off, "type size %.1fpx out of range; expected from 1px to %dpx",
                   (double) st->size_px, INK_TEMPLATE_MAX_SIZE_PX);
    return INK_OK;
  case K_FAMILY: {
    const char *name = find_family (r, v, &s);
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
    return parse_uint (r, v, 100, 900, "a weight (or regular, bold)", &st->weight);
  }
  case K_SLANT: {
    static const char *const slants[] = { "normal", "italic", "oblique", NULL };
    if ((s = parse_enum (r, v, slants, "slant", "normal or italic", &i)) != INK_OK)
      return s;
    st->italic = i > 0;
    return INK_OK;
  }
  case K_LEADING: {
    bool bare;
    float px;
    if ((s = parse_length (r, v, LEN_LEADING, st->size_px, false, &px, &bare)) != INK_OK)
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
    if ((s = parse_length (r, v, LEN_STYLE, st->size_px, true, &px, NULL)) != INK_OK)
      return s;
    st->tracking_em = px / st->size_px;
    if (st->tracking_em < -0.5f || st->tracking_em > 1.0f)
      return fail (r, v.off, "tracking out of range; expected from -0.5em to 1em");
    return INK_OK;
  }
  case K_ALIGN:
    if ((s = parse_enum (r, v, align_names, "alignment", "start, end, center or justify", &i))
        != INK_OK)
      return s;
    st->align = (ink__align_t) i;
    return INK_OK;
  case K_INDENT:
    return parse_length (r, v, LEN_STYLE, st->size_px, false, &st->indent_px, NULL);
  case K_SPACE_BEFORE:
    return parse_length (r, v, LEN_STYLE, st->size_px, false, &st->space_before_px, NULL);
  case K_SPACE_AFTER:
    return parse_length (r, v, LEN_STYLE, st->size_px, false, &st->space_after_px, NULL);
  case K_HYPHENATE:
    return parse_bool (r, v, &st->hyphenate);
  case K_FEATURES:
    return parse_features (r, v, st);
  case K_GREY: {
    unsigned g;
    if ((s = parse_uint (r, v, 0, 255, "a grey level (0 black to 255 white)", &g)) != INK_OK)
      return s;
    st->grey = (uint8_t) g;
    return INK_OK;
  }
  case K_UPPERCASE:
    return parse_bool (r, v, &st->uppercase);
  case K_SPAN_COLUMNS:
    return parse_bool (r, v, &st->span_columns);
  case K_RULE_ABOVE:
    return parse_bool (r, v, &st->rule_above);
  case K_RULE_BELOW:
    return parse_bool (r, v, &st->rule_below);
  case K_DROP_CAP:
    return parse_uint (r, v, 0, 10, "the lines a drop cap spans (0 for none)",
                       &st->drop_cap_lines);
  case K_LETTER_SPACING: {
    float px;
    if ((s = parse_length (r, v, LEN_STYLE, st->size_px, false, &px, NULL)) != INK_OK)
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

static ink_status_t
role_entry (reader_t *r, const entry_t *e)
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

static ink_status_t
values (reader_t *r)
{
  ink_status_t st;
  /* [page] first: dpi converts every physical length, margins come before single sides. */
  for (int priority = 0; priority < 3; priority++)
    for (size_t i = 0; i < r->ents.n; i++)
      if (r->secs.v[r->ents.v[i].sec].kind == SEC_PAGE)
        if ((st = page_entry (r, &r->ents.v[i], priority)) != INK_OK)
          return st;
  static const sec_kind_t order[] = { SEC_PANEL, SEC_FLOW, SEC_HEADER, SEC_FOOTER, SEC_FONTS,
                                      SEC_FALLBACK, SEC_GRID };
  for (size_t o = 0; o < sizeof order / sizeof order[0]; o++) {
    for (size_t i = 0; i < r->ents.n; i++) {
      entry_t *e = &r->ents.v[i];
      sec_kind_t kind = r->secs.v[e->sec].kind;
      if (kind != order[o])
        continue;
      if (kind == SEC_FONTS)
        st = font_entry (r, e);
      else if (kind == SEC_FALLBACK)
        st = fallback_entry (r, e);
      else if (kind == SEC_GRID)
        st = grid_entry (r, e);
      else
        st = simple_entry (r, kind, e);
      if (st != INK_OK)
        return st;
    }
  }
  for (size_t k = 0; k < r->styles.n; k++) {
    bstyle_t *bs = &r->styles.v[k];
    section_t *sec = &r->secs.v[bs->sec];
    style_defaults (r, &bs->st);
    if (!(bs->st.name = arena_put (r, r->src + sec->name_off, sec->name_len)))
      return no_memory (r);
    for (int priority = 0; priority < 2; priority++)
      for (size_t i = 0; i < r->ents.n; i++)
        if (r->ents.v[i].sec == bs->sec)
          if ((st = style_entry (r, bs, &r->ents.v[i], priority)) != INK_OK)
            return st;
    if (!bs->has_leading)
      bs->st.leading_px = INK_DEFAULT_LEADING * bs->st.size_px;
  }
  for (size_t i = 0; i < r->ents.n; i++)
    if (r->secs.v[r->ents.v[i].sec].kind == SEC_ROLES)
      if ((st = role_entry (r, &r->ents.v[i])) != INK_OK)
        return st;
  return INK_OK;
}

/* ---- pass 3: the whole ---- */

static void
default_style (const ink__style_t *body, ink__role_t role, ink__style_t *out)
{
  const role_default_t *d = &role_defaults[role];
  memset (out, 0, sizeof *out);
  out->name = ink__role_names[role];
  out->family = d->family;
  out->weight = d->weight;
  out->italic = d->italic;
  out->size_px = roundf (body->size_px * d->scale);
  if (out->size_px < 1)
    out->size_px = 1;
  out->leading_px = roundf (out->size_px * d->leading);
  out->tracking_em = d->tracking_em;
  out->align = d->align;
  out->space_before_px = roundf (out->size_px * d->space_before_em);
  out->space_after_px = roundf (out->size_px * d->space_after_em);
  out->hyphenate = d->hyphenate;
  out->uppercase = d->uppercase;
  out->grey = d->grey;
  out->span_columns = d->span;
  out->rule_above = d->rule_above;
  if (role == INK_ROLE_BODY)
    out->indent_px = out->size_px;
}

/* A role's style: its [roles] entry, else a style of the role's own name, else -1. */
static int
role_style (reader_t *r, int role)
{
  if (r->role_style[role] >= 0)
    return r->role_style[role];
  for (size_t i = 0; i < r->styles.n; i++)
    if (strcmp (r->styles.v[i].st.name, ink__role_names[role]) == 0)
      return (int) i;
  return -1;
}

/* The value of the first of keys given in section sec, or SIZE_MAX. */
static size_t
key_value_at (reader_t *r, int sec, const char *const *keys)
{
  for (size_t k = 0; sec >= 0 && keys[k]; k++)
    for (size_t i = 0; i < r->ents.n; i++) {
      const entry_t *e = &r->ents.v[i];
      if (e->sec == (size_t) sec && word_eq (r->src + e->key_off, e->key_len, keys[k]))
        return e->val_off;
    }
  return SIZE_MAX;
}

/* Where a value out of bounds is: at its key in the role's style, else at the style's
 * header; for a role's default style, at the body's size, else at the dpi, else at [page]. */
static size_t
fault_offset (reader_t *r, const ink__template_fault_t *f)
{
  static const char *const size[] = { "size", NULL }, *const dpi[] = { "dpi", NULL };
  int page = r->sec_of_kind[SEC_PAGE];
  size_t off = SIZE_MAX;
  if (f->grid >= 0 && (size_t) f->grid < r->t->ngrids) {
    off = r->grid_off[f->grid];
  } else if (f->role < 0) {
    off = key_value_at (r, page, f->keys);
  } else {
    int k = role_style (r, f->role);
    if (k >= 0) {
      int sec = (int) r->styles.v[k].sec;
      off = key_value_at (r, sec, f->keys);
      if (off == SIZE_MAX)
        off = r->secs.v[sec].off;
    }
    int body = role_style (r, INK_ROLE_BODY);
    if (off == SIZE_MAX && body >= 0)
      off = key_value_at (r, (int) r->styles.v[body].sec, size);
    if (off == SIZE_MAX)
      off = key_value_at (r, page, dpi);
  }
  return off != SIZE_MAX ? off : r->secs.v[page].off;
}

static ink_status_t
finish (reader_t *r)
{
  ink_template_t *t = r->t;
  if (r->sec_of_kind[SEC_PAGE] < 0)
    return fail (r, 0, "missing [page] section; a template gives at least the page's width "
                 "and height");
  size_t page_off = r->secs.v[r->sec_of_kind[SEC_PAGE]].off;
  if (!r->has_width)
    return fail (r, page_off, "missing key 'width' in [page]; expected the page width, as in "
                 "width = 1404px");
  if (!r->has_height)
    return fail (r, page_off, "missing key 'height' in [page]; expected the page height, as "
                 "in height = 1872px");
  t->width_px = (uint32_t) lroundf (r->width_f);
  t->height_px = (uint32_t) lroundf (r->height_f);

  /* Styles per role. The body comes first: unset roles take their defaults from its size. */
  int b = role_style (r, INK_ROLE_BODY);
  if (b >= 0) {
    t->styles[INK_ROLE_BODY] = r->styles.v[b].st;
  } else {
    ink__style_t base;
    style_defaults (r, &base);
    default_style (&base, INK_ROLE_BODY, &t->styles[INK_ROLE_BODY]);
  }
  for (int role = 0; role < INK_ROLE_COUNT_; role++) {
    if (role == INK_ROLE_BODY)
      continue;
    int k = role_style (r, role);
    if (k >= 0)
      t->styles[role] = r->styles.v[k].st;
    else
      default_style (&t->styles[INK_ROLE_BODY], (ink__role_t) role, &t->styles[role]);
  }

  if (!r->has_gutter)
    t->gutter_px = t->columns > 1 ? roundf (t->styles[INK_ROLE_BODY].size_px) : 0;
  ink__template_fault_t fault;
  if (!ink__template_check (t, &fault))
    return fail (r, fault_offset (r, &fault), "%s", fault.message);
  return INK_OK;
}

static void
reader_free (reader_t *r)
{
  ink_context_t *ctx = r->ctx;
  ink__vec_free (ctx, &r->secs);
  ink__vec_free (ctx, &r->ents);
  ink__vec_free (ctx, &r->styles);
  ink__vec_free (ctx, &r->fams);
  ink__vec_free (ctx, &r->fbs);
  if (r->t) {
    ink__free (ctx, r->t->arena, r->t->arena_len);
    ink__free (ctx, r->t, sizeof *r->t);
    r->t = NULL;
  }
}

/* Shrinks a vector to exactly its length, so the template frees it by count. */
static bool
shrink (ink_context_t *ctx, void **v, size_t *cap, size_t n, size_t elem)
{
  if (*cap == n)
    return true;
  void *q = ink__realloc_array (ctx, *v, *cap, n, elem);
  if (!q)
    return false;
  *v = q;
  *cap = n;
  return true;
}

ink_status_t
ink__template_read (ink_context_t *ctx, const char *src, size_t len, const char *name,
                    const char *source, ink_template_t **out, ink_diag_t *diag)
{
  reader_t r = { .ctx = ctx, .src = src, .len = len, .source = source, .diag = diag };
  for (int i = 0; i < SEC_KIND_COUNT_; i++)
    r.sec_of_kind[i] = -1;
  for (int i = 0; i < INK_ROLE_COUNT_; i++)
    r.role_style[i] = -1;
  if (diag)
    memset (diag, 0, sizeof *diag);
  *out = NULL;
  if (!name)
    name = "template";
  ink_status_t st = check_bytes (&r);
  if (st != INK_OK)
    return st;
  /* Sized before the first string is stored, so that the template's string pointers never
   * move: every stored string is a disjoint piece of src plus its NUL, or the name. */
  size_t namelen = strlen (name);
  ink_template_t *t = r.t = ink__alloc (ctx, sizeof *t);
  if (!t)
    return no_memory (&r);
  t->arena_len = 2 * len + namelen + 16;   /* len is within INK_MAX_TEMPLATE_BYTES */
  t->arena = ink__realloc (ctx, NULL, 0, t->arena_len);
  if (!t->arena) {
    t->arena_len = 0;
    st = no_memory (&r);
    reader_free (&r);
    return st;
  }
  t->ctx = ctx;
  t->refcount = 1;
  t->dpi = 96;
  t->columns = INK_DEFAULT_COLUMNS;
  t->widows = INK_DEFAULT_WIDOWS;
  t->orphans = INK_DEFAULT_ORPHANS;
  t->vertical_justify = INK_DEFAULT_VERTICAL_JUSTIFY;
  t->bpp = 4;
  t->dither = INK_TDITHER_DEFAULT;
  t->name = (char *) arena_put (&r, name, namelen);

  for (size_t i = 0; st == INK_OK && i < NDEFAULT_FAMILIES; i++)
    if (!ink__vec_push (ctx, &r.fams, default_families[i]))
      st = no_memory (&r);
  for (size_t i = 0; st == INK_OK && i < NDEFAULT_FALLBACKS; i++) {
    ink__fallback_t fb = { 0 };
    memcpy (fb.script, default_fallbacks[i].script, 5);
    strcpy (fb.lang, default_fallbacks[i].lang);
    for (int k = 0; k < 2 && default_fallbacks[i].fam[k]; k++)
      fb.families[fb.nfamilies++] = default_fallbacks[i].fam[k];
    if (!ink__vec_push (ctx, &r.fbs, fb))
      st = no_memory (&r);
  }
  if (st == INK_OK)
    st = tokenize (&r);
  if (st == INK_OK)
    st = values (&r);
  if (st == INK_OK)
    st = finish (&r);
  if (st == INK_OK && (!shrink (ctx, (void **) &r.fams.v, &r.fams.cap, r.fams.n,
                                sizeof *r.fams.v)
                       || !shrink (ctx, (void **) &r.fbs.v, &r.fbs.cap, r.fbs.n,
                                   sizeof *r.fbs.v)))
    st = no_memory (&r);
  if (st != INK_OK) {
    reader_free (&r);
    return st;
  }
  t->families = r.fams.v;
  t->nfamilies = r.fams.n;
  t->fallbacks = r.fbs.v;
  t->nfallbacks = r.fbs.n;
  r.fams.v = NULL, r.fams.n = r.fams.cap = 0;
  r.fbs.v = NULL, r.fbs.n = r.fbs.cap = 0;
  r.t = NULL;
  reader_free (&r);
  *out = t;
  return INK_OK;
}
