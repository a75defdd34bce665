/* template/reader-internal.h: what the files of the template reader give each other. Not
 * installed; only lib/template/reader*.c include it.
 *
 *   reader.c         ink__template_read: the passes in order, messages, the string arena
 *   reader_lexer.c   pass 1: bytes, lines, sections and keys checked against their section
 *   reader_values.c  pass 2: lengths and units, numbers, yes/no, names, texts; [page],
 *                    [panel], [flow], [header], [footer]
 *   reader_fonts.c   pass 2: [fonts], [fallback] and [grid], over the default families
 *   reader_styles.c  pass 2: [style NAME] and [roles]
 *   reader_digits.c  pass 2: [digits]
 *   reader_finish.c  pass 3: required keys, roles resolved to styles, the template checked
 *                    whole, a fault placed at the key that caused it */
#ifndef INK_READER_INTERNAL_H
#define INK_READER_INTERNAL_H

#include "template.h"

#include <stdio.h>

typedef enum {
  SEC_PAGE, SEC_PANEL, SEC_FLOW, SEC_HEADER, SEC_FOOTER, SEC_FONTS, SEC_FALLBACK, SEC_STYLE,
  SEC_ROLES, SEC_GRID, SEC_DIGITS, SEC_KIND_COUNT_
} sec_kind_t;

typedef enum {
  K_WIDTH, K_HEIGHT, K_DPI, K_MARGINS, K_MARGIN_TOP, K_MARGIN_RIGHT, K_MARGIN_BOTTOM,
  K_MARGIN_LEFT, K_COLUMNS, K_GUTTER, K_COLUMN_RULE, K_BASELINE, K_BLEED, K_CROP_MARKS,
  K_BPP, K_DITHER,
  K_WIDOWS, K_ORPHANS, K_COMMENTS_NEW_PAGE, K_VERTICAL_JUSTIFY, K_LONE_LINES, K_PICTURE_SHRINK,
  K_LEFT, K_CENTER, K_RIGHT, K_FIRST_PAGE,
  K_FAMILY, K_WEIGHT, K_SLANT, K_SIZE, K_LEADING, K_TRACKING, K_ALIGN, K_INDENT,
  K_SPACE_BEFORE, K_SPACE_AFTER, K_HYPHENATE, K_FEATURES, K_GREY, K_UPPERCASE,
  K_SPAN_COLUMNS, K_RULE_ABOVE, K_RULE_BELOW, K_DROP_CAP, K_LETTER_SPACING,
  K_OPEN   /* a key of an open set: a family, a script, a role */
} key_id_t;

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
  ink__textpos_t fam_at;   /* the last [fonts] entry's position, found on from there */
} reader_t;

typedef struct {
  size_t off, len;
} span_t;

typedef enum { LEN_PAGE, LEN_STYLE, LEN_LEADING } len_kind_t;
/* ---- characters and words ---- */

static inline bool
is_ws (char c)
{
  return c == ' ' || c == '\t';
}

static inline bool
is_alpha (char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static inline bool
is_digit (char c)
{
  return c >= '0' && c <= '9';
}

static inline bool
is_name_char (char c)
{
  return is_alpha (c) || is_digit (c) || c == '-' || c == '_';
}

static inline char
fold (char c)
{
  if (c >= 'A' && c <= 'Z')
    return (char) (c - 'A' + 'a');
  return c == '_' ? '-' : c;
}

/* Keywords compare without case, and '-' matches '_'. */
static inline bool
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

static inline bool
name_eq (const char *a, size_t n, const char *b)
{
  return b && strlen (b) == n && memcmp (a, b, n) == 0;
}

static inline int
lookup (const char *s, size_t n, const char *const *names)
{
  for (int i = 0; names[i]; i++)
    if (word_eq (s, n, names[i]))
      return i;
  return -1;
}

/* The closest candidate within a small distance, or NULL. */
static inline const char *
closest (const char *s, size_t n, const char *const *names, size_t count)
{
  size_t k = 0;
  while (k < count && names[k])
    k++;
  return ink__did_you_mean (s, n, names, k);
}

static inline size_t
count_names (const char *const *names)
{
  size_t n = 0;
  while (names[n])
    n++;
  return n;
}

/* Writes "; did you mean 'x'?" into buf, or nothing. */
static inline const char *
hint (char *buf, size_t size, const char *pick)
{
  if (pick)
    snprintf (buf, size, "; did you mean '%s'?", pick);
  else
    buf[0] = 0;
  return buf;
}

/* How much of s to quote in a message: at most 40 bytes, not cutting a UTF-8 sequence. */
static inline int
clip (const char *s, size_t n)
{
  if (n <= 40)
    return (int) n;
  n = 40;
  while (n > 0 && ((unsigned char) s[n] & 0xC0) == 0x80)
    n--;
  return (int) n;
}

static inline size_t
skip_ws (const char *s, size_t i, size_t end)
{
  while (i < end && is_ws (s[i]))
    i++;
  return i;
}

static inline size_t
trim_end (const char *s, size_t start, size_t end)
{
  while (end > start && is_ws (s[end - 1]))
    end--;
  return end;
}

static inline span_t
value_of (const entry_t *e)
{
  return (span_t) { e->val_off, e->val_len };
}

/* reader.c */
ink_status_t ink__tpl_fail (reader_t *r, ink_status_t status, size_t off, const char *fmt, ...)
  __attribute__ ((format (printf, 4, 5)));
#define fail(r, off, ...) ink__tpl_fail ((r), INK_PARSE, (off), __VA_ARGS__)
ink_status_t ink__tpl_no_memory (reader_t *r);
const char *ink__tpl_arena_put (reader_t *r, const char *s, size_t n);

/* reader_lexer.c */
ink_status_t ink__tpl_check_bytes (reader_t *r);
ink_status_t ink__tpl_tokenize (reader_t *r);

/* reader_values.c */
bool ink__tpl_next_item (const char *s, size_t *pos, size_t end, char sep, span_t *item);
ink_status_t ink__tpl_parse_length (reader_t *r, span_t v, len_kind_t kind, float em_px,
                                    bool allow_negative, float *out, bool *bare);
ink_status_t ink__tpl_parse_uint (reader_t *r, span_t v, unsigned min, unsigned max,
                                  const char *what, unsigned *out);
ink_status_t ink__tpl_parse_bool (reader_t *r, span_t v, bool *out);
ink_status_t ink__tpl_parse_enum (reader_t *r, span_t v, const char *const *names,
                                  const char *what, const char *expected, int *out);
ink_status_t ink__tpl_parse_text (reader_t *r, span_t v, const char **out);
ink_status_t ink__tpl_page_entry (reader_t *r, const entry_t *e, int priority);
ink_status_t ink__tpl_simple_entry (reader_t *r, sec_kind_t kind, const entry_t *e);

/* reader_fonts.c */
ink_status_t ink__tpl_font_defaults (reader_t *r);
ink_status_t ink__tpl_font_entry (reader_t *r, const entry_t *e);
const char *ink__tpl_find_family (reader_t *r, span_t v, ink_status_t *st);
ink_status_t ink__tpl_fallback_entry (reader_t *r, const entry_t *e);
ink_status_t ink__tpl_grid_entry (reader_t *r, const entry_t *e);

/* reader_styles.c */
void ink__tpl_style_defaults (reader_t *r, ink__style_t *st);
ink_status_t ink__tpl_style_entry (reader_t *r, bstyle_t *bs, const entry_t *e, int priority);
ink_status_t ink__tpl_role_entry (reader_t *r, const entry_t *e);

/* reader_digits.c */
ink_status_t ink__tpl_digits_entry (reader_t *r, const entry_t *e);

/* reader_finish.c */
ink_status_t ink__tpl_finish (reader_t *r);

#endif
