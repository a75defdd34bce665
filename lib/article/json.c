/* article/json: the JSON reader (docs/articles.md), on cJSON.
 *
 *   ink__json_read (ctx, src, len, "examples/articles", "x.json", &article, &diag);
 *
 * cJSON keeps no positions, so a first pass over the text records where every value (and
 * its key) starts, in document order; a pre-order walk of cJSON's tree meets the values in
 * the same order, which gives each error a line and column. The same pass turns lone
 * surrogate escapes and \u0000 (which would end a C string early) into \ufffd, an escape of
 * the same length, so positions do not move. cJSON's hooks are process-wide, so its
 * temporary tree is allocated with malloc, not the context's allocator. */
#include "article.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>

typedef struct {
  size_t value_off, key_off;       /* key_off SIZE_MAX for array elements and the root */
} jpos_t;

typedef struct {
  ink_context_t *ctx;
  ink_diag_t *diag;
  ink_status_t status;
  ink_article_t *a;
  const char *src;
  size_t len;
  ink__pos_t pos;
  INK_VEC (jpos_t) vals;
  INK_VEC (const cJSON *) items;   /* the tree in pre-order, parallel to vals */
  size_t surrogates;
  size_t first_surrogate;
  size_t controls;                    /* \u escapes of stray controls, made word joiners */
  size_t first_control;
} js_t;

static int
hexval (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if ((c | 32) >= 'a' && (c | 32) <= 'f')
    return (c | 32) - 'a' + 10;
  return -1;
}

static long
u_escape (const char *s, size_t len, size_t i)
{
  /* s[i] is the backslash of "\uXXXX". */
  if (i + 6 > len || s[i + 1] != 'u')
    return -1;
  long v = 0;
  for (int k = 2; k < 6; k++) {
    int h = hexval (s[i + k]);
    if (h < 0)
      return -1;
    v = v * 16 + h;
  }
  return v;
}

/* The first pass: positions of values and keys, escape repair, nesting depth. Tolerates
 * invalid JSON (cJSON reports that). */
static ink_status_t
prescan (js_t *j, char *s)
{
  size_t len = j->len, i = 0, depth = 0, max_depth = 2 * ink__limit (j->ctx, INK_LIMIT_NESTING) + 6;
  char stack[256];
  bool expect_key = false;
  size_t pending_key = SIZE_MAX;
  while (i < len) {
    char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ':') {
      i++;
      continue;
    }
    bool in_obj = depth && depth <= sizeof stack && stack[depth - 1] == '{';
    if (c == ',') {
      expect_key = in_obj;
      i++;
      continue;
    }
    if (c == '}' || c == ']') {
      if (depth)
        depth--;
      expect_key = false;
      i++;
      continue;
    }
    bool is_key = c == '"' && in_obj && expect_key;
    if (is_key) {
      pending_key = i;
      expect_key = false;
    } else {
      jpos_t p = { i, pending_key };
      pending_key = SIZE_MAX;
      if (!ink__vec_push (j->ctx, &j->vals, p))
        return ink__diag (j->ctx, j->diag, INK_NO_MEMORY, 0, 0, "out of memory");
    }
    if (c == '{' || c == '[') {
      if (++depth > max_depth) {
        unsigned line, col;
        ink__pos_at (&j->pos, i, &line, &col);
        return ink__diag (j->ctx, j->diag, INK_LIMIT, line, col,
                          "JSON nested deeper than the limit of %zu levels", max_depth);
      }
      if (depth <= sizeof stack)
        stack[depth - 1] = c;
      expect_key = c == '{';
      i++;
      continue;
    }
    if (c == '"') {
      i++;
      while (i < len && s[i] != '"') {
        if (s[i] != '\\') {
          i++;
          continue;
        }
        long v = u_escape (s, len, i);
        if (v < 0) {
          if (i + 1 < len && (s[i + 1] == 'b' || s[i + 1] == 'f') && !j->controls++)
            j->first_control = i;   /* a backspace or form feed: a word joiner once read */
          i += 2;
          continue;
        }
        if (v >= 0xD800 && v <= 0xDBFF) {
          long w = u_escape (s, len, i + 6);
          if (i + 6 < len && s[i + 6] == '\\' && w >= 0xDC00 && w <= 0xDFFF) {
            i += 12;
            continue;
          }
        }
        if ((v >= 0xD800 && v <= 0xDFFF) || v == 0) {
          if (!j->surrogates++)
            j->first_surrogate = i;
          memcpy (s + i + 2, "fffd", 4);
        } else if (ink__stray_control ((uint32_t) v)) {
          if (!j->controls++)
            j->first_control = i;
          memcpy (s + i + 2, "2060", 4);   /* invisible, joins what it stood between */
        }
        i += 6;
      }
      i++;
      continue;
    }
    /* A number or a literal: up to the next delimiter. */
    while (i < len && !strchr (" \t\r\n,:]}[{\"", s[i]))
      i++;
  }
  return INK_OK;
}

static void
collect (js_t *j, const cJSON *it)
{
  for (; it; it = it->next) {
    if (!ink__vec_push (j->ctx, &j->items, it)) {
      j->status = INK_NO_MEMORY;
      return;
    }
    if (cJSON_IsArray (it) || cJSON_IsObject (it))
      collect (j, it->child);
  }
}

static int
fail_at (js_t *j, ink_status_t st, const cJSON *it, bool at_key, const char *fmt, ...)
  __attribute__ ((format (printf, 5, 6)));

static int
fail_at (js_t *j, ink_status_t st, const cJSON *it, bool at_key, const char *fmt, ...)
{
  if (j->status != INK_OK)
    return -1;
  char buf[sizeof j->diag->message];
  va_list ap;
  va_start (ap, fmt);
  vsnprintf (buf, sizeof buf, fmt, ap);
  va_end (ap);
  unsigned line = 0, col = 0;
  if (j->items.n == j->vals.n) {
    for (size_t i = 0; i < j->items.n; i++) {
      if (j->items.v[i] != it)
        continue;
      size_t off = at_key && j->vals.v[i].key_off != SIZE_MAX ? j->vals.v[i].key_off
                                                               : j->vals.v[i].value_off;
      ink__pos_at (&j->pos, off, &line, &col);
      break;
    }
  }
  j->status = ink__diag (j->ctx, j->diag, st, line, col, "%s", buf);
  return -1;
}

static int
oom (js_t *j)
{
  if (j->status == INK_OK)
    j->status = ink__diag (j->ctx, j->diag, INK_NO_MEMORY, 0, 0, "out of memory");
  return -1;
}

static void
item_pos (js_t *j, const cJSON *it, unsigned *line, unsigned *col)
{
  *line = *col = 0;
  if (j->items.n != j->vals.n)
    return;
  for (size_t i = 0; i < j->items.n; i++)
    if (j->items.v[i] == it) {
      ink__pos_at (&j->pos, j->vals.v[i].value_off, line, col);
      return;
    }
}

static int
unknown_key (js_t *j, const cJSON *it, const char *const *known, size_t n, const char *where)
{
  const char *sug = ink__did_you_mean (it->string, strlen (it->string), known, n);
  if (sug)
    return fail_at (j, INK_PARSE, it, true, "unknown key \"%.40s\" in %s (did you mean \"%s\"?)",
                    it->string, where, sug);
  return fail_at (j, INK_PARSE, it, true, "unknown key \"%.40s\" in %s", it->string, where);
}

/* Finds each known key's member; unknown and duplicate keys are errors. */
static int
members (js_t *j, const cJSON *obj, const char *const *known, size_t n, const cJSON **found,
         const char *where)
{
  for (size_t k = 0; k < n; k++)
    found[k] = NULL;
  for (const cJSON *it = obj->child; it; it = it->next) {
    size_t k = 0;
    while (k < n && strcmp (known[k], it->string) != 0)
      k++;
    if (k == n)
      return unknown_key (j, it, known, n, where);
    if (found[k])
      return fail_at (j, INK_PARSE, it, true, "duplicate key \"%s\" in %s", known[k], where);
    found[k] = it;
  }
  return 0;
}

/* A string member of at most max bytes; what names it in the message. */
/* Byte c is a stray control of one byte (C0 or DEL; C1 controls take two bytes in UTF-8, and
 * a raw one was taken out before the parse). */
static bool
ascii_control (char c)
{
  return (unsigned char) c < 0x80 && ink__stray_control ((unsigned char) c);
}

/* A copy of s with each stray control (ink__stray_control: what "\b" and "\f" escapes give;
 * the \u escapes of the others are made U+2060 by prescan) made U+2060 WORD JOINER, which is
 * not drawn and parts no word, as a model read again from its dump has it. */
static char *
joined_controls (ink_context_t *ctx, const char *s)
{
  size_t n = 0, len = strlen (s);
  for (const char *c = s; *c; c++)
    n += ascii_control (*c);
  if (!n)
    return ink__strdup (ctx, s);
  char *t = ink__alloc (ctx, len + 2 * n + 1);
  if (!t)
    return NULL;
  char *w = t;
  for (const char *c = s; *c; c++) {
    if (ascii_control (*c)) {
      memcpy (w, "\xE2\x81\xA0", 3);
      w += 3;
    } else {
      *w++ = *c;
    }
  }
  *w = '\0';
  return t;
}

static int
get_string_max (js_t *j, const cJSON *it, size_t max, const char *what, char **out)
{
  if (!cJSON_IsString (it) || !it->valuestring)
    return fail_at (j, INK_PARSE, it, true, "\"%s\" must be a string", it->string);
  if (strlen (it->valuestring) > max)
    return fail_at (j, INK_LIMIT, it, false, "%s longer than the limit of %zu bytes", what, max);
  *out = joined_controls (j->ctx, it->valuestring);
  return *out ? 0 : oom (j);
}

/* A string member within INK_LIMIT_FIELD_BYTES. */
static int
get_string (js_t *j, const cJSON *it, char **out)
{
  return get_string_max (j, it, ink__limit (j->ctx, INK_LIMIT_FIELD_BYTES),
                         it->string ? it->string : "string", out);
}

static int
get_uint (js_t *j, const cJSON *it, double lo, double hi, unsigned *out)
{
  double v = it->valuedouble;
  if (!cJSON_IsNumber (it) || v != floor (v) || v < lo || v > hi)
    return fail_at (j, INK_PARSE, it, true, "\"%s\" must be an integer from %.0f to %.0f",
                    it->string, lo, hi);
  *out = (unsigned) v;
  return 0;
}

static size_t
utf8_boundary (const char *s, size_t off)
{
  return ((unsigned char) s[off] & 0xC0) != 0x80;
}

enum { S_START, S_LENGTH, S_STYLE, S_HREF, S_LANG, S_COUNT };
static const char *const span_keys[S_COUNT] = { "start", "length", "style", "href", "lang" };

static int
read_spans (js_t *j, const cJSON *arr, ink__block_t *b)
{
  if (!cJSON_IsArray (arr))
    return fail_at (j, INK_PARSE, arr, true, "\"spans\" must be an array");
  size_t n = (size_t) cJSON_GetArraySize (arr);
  if (!n)
    return 0;
  b->spans = ink__realloc_array (j->ctx, NULL, 0, n, sizeof *b->spans);
  if (!b->spans)
    return oom (j);
  memset (b->spans, 0, n * sizeof *b->spans);
  b->nspans = n;
  size_t i = 0, prev_end = 0;
  for (const cJSON *sp = arr->child; sp; sp = sp->next, i++) {
    if (!cJSON_IsObject (sp))
      return fail_at (j, INK_PARSE, sp, false, "span %zu must be an object", i + 1);
    const cJSON *f[S_COUNT];
    if (members (j, sp, span_keys, S_COUNT, f, "a span"))
      return -1;
    if (!f[S_START] || !f[S_LENGTH])
      return fail_at (j, INK_PARSE, sp, false, "span %zu needs \"start\" and \"length\"", i + 1);
    unsigned start = 0, length = 0;
    if (get_uint (j, f[S_START], 0, 4294967295.0, &start) ||
        get_uint (j, f[S_LENGTH], 1, 4294967295.0, &length))
      return -1;
    ink__span_t *s = &b->spans[i];
    if ((size_t) start + length > b->text_len)
      return fail_at (j, INK_PARSE, sp, false, "span %zu (bytes %u to %zu) runs past the end of "
                      "the text (%zu bytes)", i + 1, start, (size_t) start + length, b->text_len);
    if (!utf8_boundary (b->text, start) ||
        ((size_t) start + length < b->text_len && !utf8_boundary (b->text, start + length)))
      return fail_at (j, INK_PARSE, sp, false, "span %zu does not start and end on character "
                      "boundaries of the text", i + 1);
    if (i && start < prev_end)
      return fail_at (j, INK_PARSE, sp, false, "span %zu overlaps or comes before the span "
                      "before it", i + 1);
    prev_end = (size_t) start + length;
    s->start = start;
    s->len = length;
    if (f[S_STYLE]) {
      if (!cJSON_IsArray (f[S_STYLE]))
        return fail_at (j, INK_PARSE, f[S_STYLE], true, "\"style\" must be an array of \"em\", "
                        "\"strong\" or \"code\"");
      for (const cJSON *st = f[S_STYLE]->child; st; st = st->next) {
        const char *v = cJSON_IsString (st) ? st->valuestring : NULL;
        unsigned flag = !v ? 0 : !strcmp (v, "em") ? INK_SPAN_EM : !strcmp (v, "strong")
                          ? INK_SPAN_STRONG : !strcmp (v, "code") ? INK_SPAN_CODE : 0;
        if (!flag)
          return fail_at (j, INK_PARSE, st, false, "a style is \"em\", \"strong\" or \"code\"");
        s->flags |= flag;
      }
    }
    if (f[S_HREF]) {
      char *h;
      if (get_string (j, f[S_HREF], &h))
        return -1;
      s->href = h;
      s->flags |= INK_SPAN_LINK;
    }
    if (f[S_LANG]) {
      char *l;
      if (get_string (j, f[S_LANG], &l))
        return -1;
      s->lang = l;
      if (!ink__valid_lang (l))
        return fail_at (j, INK_PARSE, f[S_LANG], false, "\"%.40s\" is not a BCP 47 language "
                        "tag", l);
    }
    if (!s->flags && !s->lang)
      return fail_at (j, INK_PARSE, sp, false, "span %zu has no style, href or lang", i + 1);
  }
  return 0;
}

/* A block's or comment's text. A tab parts a table row's cells; anywhere else it is a space
 * (no font draws U+0009). */
static int
read_text (js_t *j, const cJSON *it, ink__block_t *b)
{
  if (get_string_max (j, it, ink__limit (j->ctx, INK_LIMIT_PARAGRAPH_BYTES), "text", &b->text))
    return -1;
  b->text_len = strlen (b->text);
  if (b->kind != INK_BLOCK_TABLE_ROW)
    for (char *t = memchr (b->text, '\t', b->text_len); t; t = strchr (t, '\t'))
      *t = ' ';
  return 0;
}

enum { B_TYPE, B_TEXT, B_SPANS, B_LEVEL, B_NUMBER, B_ATTRIBUTION, B_HREF, B_IMAGE, B_CREDIT,
       B_ALIGN, B_COUNT };
static const char *const block_keys[B_COUNT] = {
  "type", "text", "spans", "level", "number", "attribution", "href", "image", "credit", "align",
};

/* Whether the quote at src[at] opens a string that the text ends inside: no backslash
 * escapes it, the quotes before it that none escapes are even, and none after it closes. */
static bool
never_closed (const char *src, size_t len, size_t at)
{
  size_t quotes = 0, i;
  for (i = 0; i < at; i++) {
    if (src[i] == '\\')
      i++;
    else
      quotes += src[i] == '"';
  }
  if (i != at || src[at] != '"' || quotes % 2)
    return false;   /* escaped, or a closing quote */
  for (i = at + 1; i < len; i++) {
    if (src[i] == '\\')
      i++;
    else if (src[i] == '"')
      return false;
  }
  return true;
}

/* Which keys each block type takes, beyond type, text and spans. */
static const unsigned block_extra[INK_BLOCK_KIND_COUNT_] = {
  [INK_BLOCK_PARAGRAPH] = 0,
  [INK_BLOCK_SUBHEAD] = 1u << B_LEVEL,
  [INK_BLOCK_LIST_ITEM] = 1u << B_LEVEL | 1u << B_NUMBER,
  [INK_BLOCK_QUOTE] = 1u << B_LEVEL,
  [INK_BLOCK_PULLQUOTE] = 1u << B_ATTRIBUTION,
  [INK_BLOCK_RELATED] = 1u << B_HREF,
  [INK_BLOCK_FIGURE] = 1u << B_IMAGE | 1u << B_CREDIT,
  [INK_BLOCK_TABLE_ROW] = 1u << B_LEVEL | 1u << B_NUMBER | 1u << B_ALIGN,
};

static int
read_block (js_t *j, const cJSON *o, size_t index)
{
  if (!cJSON_IsObject (o))
    return fail_at (j, INK_PARSE, o, false, "block %zu must be an object", index + 1);
  const cJSON *f[B_COUNT];
  if (members (j, o, block_keys, B_COUNT, f, "a block"))
    return -1;
  if (!f[B_TYPE] || !cJSON_IsString (f[B_TYPE]))
    return fail_at (j, INK_PARSE, f[B_TYPE] ? f[B_TYPE] : o, f[B_TYPE] != NULL,
                    "block %zu needs a \"type\" string", index + 1);
  const char *type = f[B_TYPE]->valuestring;
  int kind = -1;
  for (int k = 0; k < INK_BLOCK_KIND_COUNT_; k++)
    if (k != INK_BLOCK_COMMENT && !strcmp (type, ink__block_kind_names[k]))
      kind = k;
  if (kind < 0) {
    const char *sug = ink__did_you_mean (type, strlen (type), ink__block_kind_names,
                                         INK_BLOCK_COMMENT);
    if (!strcmp (type, "comment"))
      return fail_at (j, INK_PARSE, f[B_TYPE], false, "comments go in the \"comments\" array, "
                      "not in \"blocks\"");
    return fail_at (j, INK_PARSE, f[B_TYPE], false, "unknown block type \"%.40s\"%s%s%s; known: "
                    "paragraph, subhead, list_item, quote, pullquote, related, figure, rule, "
                    "table_row", type,
                    sug ? " (did you mean \"" : "", sug ? sug : "", sug ? "\"?)" : "");
  }
  for (int k = B_LEVEL; k < B_COUNT; k++)
    if (f[k] && !(block_extra[kind] & (1u << k)))
      return fail_at (j, INK_PARSE, f[k], true, "key \"%s\" does not apply to a %s",
                      block_keys[k], ink__block_kind_names[kind]);
  unsigned line, col;
  item_pos (j, o, &line, &col);
  ink__block_t *b = ink__article_add_block (j->a, (ink__block_kind_t) kind, line, col,
                                            &j->status, j->diag);
  if (!b)
    return -1;
  if (f[B_TEXT] && kind == INK_BLOCK_RULE)
    return fail_at (j, INK_PARSE, f[B_TEXT], true, "a rule has no \"text\"");
  if (f[B_TEXT]) {
    if (read_text (j, f[B_TEXT], b))
      return -1;
  } else if (kind != INK_BLOCK_FIGURE && kind != INK_BLOCK_RULE) {
    return fail_at (j, INK_PARSE, o, false, "a %s needs \"text\"", type);
  }
  if (f[B_SPANS] && read_spans (j, f[B_SPANS], b))
    return -1;
  double nest = (double) ink__limit (j->ctx, INK_LIMIT_NESTING);
  b->level = kind == INK_BLOCK_SUBHEAD ? 2 : kind == INK_BLOCK_LIST_ITEM ||
             kind == INK_BLOCK_QUOTE ? 1 : 0;
  if (f[B_LEVEL] && get_uint (j, f[B_LEVEL], kind == INK_BLOCK_SUBHEAD ? 2 : 1,
                              kind == INK_BLOCK_SUBHEAD ? 3 : kind == INK_BLOCK_TABLE_ROW ?
                              INK_MAX_TABLE_COLUMNS : nest, &b->level))
    return -1;
  if (f[B_ALIGN] && get_string (j, f[B_ALIGN], &b->align))
    return -1;
  if (f[B_NUMBER] && get_uint (j, f[B_NUMBER], 0, 999999999, &b->number))
    return -1;
  if (f[B_ATTRIBUTION] && get_string (j, f[B_ATTRIBUTION], &b->attribution))
    return -1;
  if (f[B_HREF] && get_string (j, f[B_HREF], &b->href))
    return -1;
  if (f[B_CREDIT] && get_string (j, f[B_CREDIT], &b->credit))
    return -1;
  if (kind == INK_BLOCK_FIGURE) {
    if (!f[B_IMAGE])
      return fail_at (j, INK_PARSE, o, false, "a figure needs \"image\"");
    if (get_string (j, f[B_IMAGE], &b->image_path))
      return -1;
  }
  if ((kind == INK_BLOCK_PULLQUOTE || kind == INK_BLOCK_RELATED) && b->text_len == 0)
    return fail_at (j, INK_PARSE, f[B_TEXT], false, "a %s needs non-empty \"text\"", type);
  return 0;
}

enum { C_AUTHOR, C_META, C_TEXT, C_SPANS, C_REPLIES, C_COUNT };
static const char *const comment_keys[C_COUNT] = { "author", "meta", "text", "spans", "replies" };

static int
read_comments (js_t *j, const cJSON *arr, unsigned level)
{
  if (!cJSON_IsArray (arr))
    return fail_at (j, INK_PARSE, arr, true, "\"%s\" must be an array", arr->string);
  if (level > ink__limit (j->ctx, INK_LIMIT_NESTING))
    return fail_at (j, INK_LIMIT, arr, true, "replies nested deeper than the limit of %zu",
                    ink__limit (j->ctx, INK_LIMIT_NESTING));
  for (const cJSON *o = arr->child; o; o = o->next) {
    if (!cJSON_IsObject (o))
      return fail_at (j, INK_PARSE, o, false, "a comment must be an object");
    const cJSON *f[C_COUNT];
    if (members (j, o, comment_keys, C_COUNT, f, "a comment"))
      return -1;
    unsigned line, col;
    item_pos (j, o, &line, &col);
    ink__block_t *b = ink__article_add_block (j->a, INK_BLOCK_COMMENT, line, col, &j->status,
                                              j->diag);
    if (!b)
      return -1;
    b->level = level;
    if (!f[C_TEXT])
      return fail_at (j, INK_PARSE, o, false, "a comment needs \"text\"");
    if (read_text (j, f[C_TEXT], b) || (f[C_SPANS] && read_spans (j, f[C_SPANS], b)))
      return -1;
    if (f[C_AUTHOR] && get_string (j, f[C_AUTHOR], &b->author))
      return -1;
    if (level == 0 && (!b->author || !*b->author))
      return fail_at (j, INK_PARSE, f[C_AUTHOR] ? f[C_AUTHOR] : o, f[C_AUTHOR] != NULL,
                      "a comment needs a non-empty \"author\"");
    if (f[C_META] && get_string (j, f[C_META], &b->meta))
      return -1;
    if (f[C_REPLIES] && read_comments (j, f[C_REPLIES], level + 1))
      return -1;
  }
  return 0;
}

#define TOP_COUNT (INK_KEY_COUNT_ + 2)

static int
read_root (js_t *j, const cJSON *root)
{
  if (!cJSON_IsObject (root))
    return fail_at (j, INK_PARSE, root, false, "an article in JSON is an object");
  const char *known[TOP_COUNT];
  for (int k = 0; k < INK_KEY_COUNT_; k++)
    known[k] = ink__key_names[k];
  known[INK_KEY_COUNT_] = "blocks";
  known[INK_KEY_COUNT_ + 1] = "comments";
  const cJSON *f[TOP_COUNT];
  if (members (j, root, known, TOP_COUNT, f, "the article"))
    return -1;
  for (int k = 0; k < INK_KEY_COUNT_; k++) {
    if (!f[k])
      continue;
    char **field = ink__article_field (j->a, (ink__key_t) k);
    item_pos (j, f[k], &j->a->key_line[k], &j->a->key_column[k]);
    if (get_string (j, f[k], field))
      return -1;
    if (!**field) {
      ink__strfree (j->ctx, *field);
      *field = NULL;
      if (k == INK_KEY_TITLE)
        return fail_at (j, INK_PARSE, f[k], false, "the title is empty");
      continue;
    }
    if (k == INK_KEY_DATE && !ink__valid_date (*field))
      return fail_at (j, INK_PARSE, f[k], false, "date \"%.40s\" is not an ISO 8601 date "
                      "(YYYY-MM-DD)", *field);
    if (k == INK_KEY_LANG && !ink__valid_lang (*field))
      return fail_at (j, INK_PARSE, f[k], false, "lang \"%.40s\" is not a BCP 47 language tag "
                      "(en, ur, zh-Hans)", *field);
    if (k == INK_KEY_TYPOGRAPHY && !ink__valid_typography (*field))
      return fail_at (j, INK_PARSE, f[k], false, "typography \"%.40s\" is neither "
                      "\"smart\" nor \"plain\"", *field);
    if (k == INK_KEY_IMAGE)
      item_pos (j, f[k], &j->a->image_line, &j->a->image_column);
  }
  if (!f[INK_KEY_TITLE])
    return fail_at (j, INK_PARSE, root, false, "the article has no \"title\"");
  const cJSON *blocks = f[INK_KEY_COUNT_];
  if (blocks) {
    if (!cJSON_IsArray (blocks))
      return fail_at (j, INK_PARSE, blocks, true, "\"blocks\" must be an array");
    size_t i = 0;
    for (const cJSON *o = blocks->child; o; o = o->next, i++)
      if (read_block (j, o, i))
        return -1;
  }
  if (!blocks || !blocks->child) {
    unsigned line, col;
    item_pos (j, blocks ? blocks : root, &line, &col);
    ink__article_warn (j->ctx, line, col, "the article has no body text");
  }
  if (f[INK_KEY_COUNT_ + 1] && read_comments (j, f[INK_KEY_COUNT_ + 1], 0))
    return -1;
  return 0;
}

/* The error cJSON stopped at in j's text, told where it lies: end is where it stopped (NULL
 * or outside the text: at its end). */
static ink_status_t
syntax_error (js_t *j, const char *end)
{
  const char *copy = j->src;
  ink_context_t *ctx = j->ctx;
  ink_diag_t *diag = j->diag;
  size_t off = end && end >= copy && end <= copy + j->len ? (size_t) (end - copy) : j->len;
  unsigned line, col;
  ink__pos_at (&j->pos, off, &line, &col);
  size_t rest = off;
  while (rest < j->len && strchr (" \t\r\n", copy[rest]))
    rest++;
  if (rest >= j->len) {
    ink__pos_at (&j->pos, j->len, &line, &col);
    return ink__diag (ctx, diag, INK_PARSE, line, col, "JSON syntax error: the text ends "
                      "inside a value (unclosed string, array or object?)");
  }
  if (off > 0 && never_closed (copy, j->len, off - 1)) {
    ink__pos_at (&j->pos, off - 1, &line, &col);   /* cJSON stops after the quote */
    return ink__diag (ctx, diag, INK_PARSE, line, col, "JSON syntax error: the string opened "
                      "here is never closed (the text ends inside it)");
  }
  if ((unsigned char) copy[off] < 0x20)
    return ink__diag (ctx, diag, INK_PARSE, line, col, "JSON syntax error: unexpected "
                      "U+%04X", (unsigned) copy[off]);
  size_t p = off;
  uint32_t cp;
  ink__utf8_next (copy, j->len, &p, &cp);
  return ink__diag (ctx, diag, INK_PARSE, line, col, "JSON syntax error: unexpected \"%.*s\"",
                    (int) (p - off), copy + off);
}

ink_status_t
ink__json_read (ink_context_t *ctx, const char *src, size_t len, const char *base_dir,
                const char *name, ink_article_t **out, ink_diag_t *diag)
{
  char *clean;
  size_t clean_len, bad;
  ink_status_t st = ink__article_sanitize (ctx, src, len, &clean, &clean_len, &bad, diag);
  if (st != INK_OK)
    return st;
  if (clean) {
    src = clean;
    len = clean_len;
  }
  size_t skip = len >= 3 && memcmp (src, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
  js_t j = { 0 };
  j.ctx = ctx;
  j.diag = diag;
  j.len = len - skip;
  cJSON *root = NULL;
  char *copy = ink__strndup (ctx, src + skip, j.len);
  if (!copy) {
    st = ink__diag (ctx, diag, INK_NO_MEMORY, 0, 0, "out of memory");
    goto done;
  }
  j.src = copy;
  ink__pos_init (&j.pos, copy, j.len);
  if ((st = prescan (&j, copy)) != INK_OK)
    goto done;
  if (j.surrogates) {
    unsigned line, col;
    ink__pos_at (&j.pos, j.first_surrogate, &line, &col);
    ink__article_warn (ctx, line, col, "lone surrogate or \\u0000 escape replaced by U+FFFD "
                       "(%zu in the article)", j.surrogates);
  }
  if (j.controls) {
    unsigned line, col;
    ink__pos_at (&j.pos, j.first_control, &line, &col);
    ink__article_warn (ctx, line, col, "control character escape removed: it is no text (%zu "
                       "in the article)", j.controls);
  }
  const char *end = NULL;
  root = cJSON_ParseWithLengthOpts (copy, j.len, &end, 0);
  if (!root) {
    /* cJSON fails without saying why when malloc fails; a syntax error is far likelier. */
    st = syntax_error (&j, end);
    goto done;
  }
  size_t off = end ? (size_t) (end - copy) : j.len;
  while (off < j.len && strchr (" \t\r\n", copy[off]))
    off++;
  if (off < j.len) {
    unsigned line, col;
    ink__pos_at (&j.pos, off, &line, &col);
    st = ink__diag (ctx, diag, INK_PARSE, line, col, "JSON syntax error: text after the end of "
                    "the article object");
    goto done;
  }
  collect (&j, root);
  if (j.status != INK_OK) {
    st = ink__diag (ctx, diag, INK_NO_MEMORY, 0, 0, "out of memory");
    goto done;
  }
  j.a = ink__article_new (ctx, name);
  if (!j.a) {
    st = ink__diag (ctx, diag, INK_NO_MEMORY, 0, 0, "out of memory");
    goto done;
  }
  j.a->bad_utf8 = bad + j.surrogates;
  if (read_root (&j, root)) {
    st = j.status;
    goto done;
  }
  st = ink__article_finish (j.a, base_dir, diag);
done:
  cJSON_Delete (root);
  ink__vec_free (ctx, &j.vals);
  ink__vec_free (ctx, &j.items);
  if (copy)
    ink__free (ctx, copy, j.len + 1);
  if (clean)
    ink__free (ctx, clean, clean_len + 1);
  if (st != INK_OK) {
    ink__article_free (j.a);
    j.a = NULL;
  }
  *out = j.a;
  return st;
}
