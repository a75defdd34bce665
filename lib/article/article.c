/* article/article: the article model, what both readers share (front-matter keys, the block
 * builder, image loading, positions, warnings, the input checks) and the public entry points;
 * the JSON form is written by dump.c.
 *
 *   ink_article_t *a;
 *   ink_diag_t d;
 *   if (ink_article_load (ctx, "examples/articles/eileen-collins.md", &a, &d) != INK_OK)
 *     fprintf (stderr, "%u:%u: %s\n", d.line, d.column, d.message);
 *   ...
 *   ink_article_destroy (a);
 */
#include "article.h"

#include <stdio.h>

const char *const ink__key_names[INK_KEY_COUNT_] = {
  "title", "kicker", "deck", "author", "date", "lang",
  "section", "source", "image", "caption", "credit", "url",
  "typography",
};

const char *const ink__block_kind_names[INK_BLOCK_KIND_COUNT_] = {
  "paragraph", "subhead", "list_item", "quote", "pullquote", "related", "figure", "rule",
  "comment", "table_row",
};

char **
ink__article_field (ink_article_t *a, ink__key_t k)
{
  switch (k) {
  case INK_KEY_TITLE: return &a->title;
  case INK_KEY_KICKER: return &a->kicker;
  case INK_KEY_DECK: return &a->deck;
  case INK_KEY_AUTHOR: return &a->author;
  case INK_KEY_DATE: return &a->date;
  case INK_KEY_LANG: return &a->lang;
  case INK_KEY_SECTION: return &a->section;
  case INK_KEY_SOURCE: return &a->source;
  case INK_KEY_IMAGE: return &a->image_path;
  case INK_KEY_CAPTION: return &a->caption;
  case INK_KEY_CREDIT: return &a->credit;
  case INK_KEY_URL: return &a->url;
  case INK_KEY_TYPOGRAPHY: return &a->typography;
  default: return NULL;
  }
}

int
ink__key_lookup (const char *s, size_t len)
{
  for (int k = 0; k < INK_KEY_COUNT_; k++)
    if (strlen (ink__key_names[k]) == len && memcmp (ink__key_names[k], s, len) == 0)
      return k;
  return -1;
}

static bool
digits (const char *s, int n)
{
  for (int i = 0; i < n; i++)
    if (s[i] < '0' || s[i] > '9')
      return false;
  return true;
}

static int
num (const char *s, int n)
{
  int v = 0;
  for (int i = 0; i < n; i++)
    v = v * 10 + (s[i] - '0');
  return v;
}

bool
ink__valid_date (const char *s)
{
  if (strlen (s) < 10 || !digits (s, 4) || s[4] != '-' || !digits (s + 5, 2) || s[7] != '-' ||
      !digits (s + 8, 2))
    return false;
  int y = num (s, 4), m = num (s + 5, 2), d = num (s + 8, 2);
  static const int mdays[12] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
    return false;
  if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
    return false;
  s += 10;
  if (!*s)
    return true;
  if (*s != 'T' || !digits (s + 1, 2) || s[3] != ':' || !digits (s + 4, 2))
    return false;
  if (num (s + 1, 2) > 23 || num (s + 4, 2) > 59)
    return false;
  s += 6;
  if (*s == ':') {
    if (!digits (s + 1, 2) || num (s + 1, 2) > 60)
      return false;
    s += 3;
  }
  if (*s == 'Z')
    return s[1] == 0;
  if (*s == '+' || *s == '-')
    return digits (s + 1, 2) && s[3] == ':' && digits (s + 4, 2) && s[6] == 0 &&
           num (s + 1, 2) <= 14 && num (s + 4, 2) <= 59;
  return *s == 0;
}

bool
ink__valid_lang (const char *s)
{
  size_t n = 0, tags = 0;
  for (const char *p = s;; p++) {
    unsigned c = (unsigned char) *p;
    if (c == '-' || c == 0) {
      if (n < 1 || n > 8)
        return false;
      tags++;
      n = 0;
      if (c == 0)
        break;
      continue;
    }
    bool alpha = (c | 32) >= 'a' && (c | 32) <= 'z';
    if (!alpha && !(c >= '0' && c <= '9' && tags > 0))
      return false;
    n++;
  }
  return tags > 0;
}

void
ink__block_position (const ink__block_t *b, size_t off, unsigned *line, unsigned *column)
{
  size_t lo = 0, hi = b->nmarks;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (b->marks[mid].off <= off)
      lo = mid + 1;
    else
      hi = mid;
  }
  if (!lo || off > b->text_len) {
    *line = b->line;
    *column = b->column;
    return;
  }
  const ink__srcmark_t *mk = &b->marks[lo - 1];
  unsigned col = mk->column;
  for (size_t i = mk->off; i < off; i++)
    col += ((unsigned char) b->text[i] & 0xC0) != 0x80;
  *line = mk->line;
  *column = col;
}

void
ink__pos_init (ink__pos_t *p, const char *src, size_t len)
{
  p->src = src;
  p->len = len;
  p->off = 0;
  p->line = p->column = 1;
}

void
ink__pos_at (ink__pos_t *p, size_t off, unsigned *line, unsigned *column)
{
  if (off > p->len)
    off = p->len;
  if (off < p->off) {
    p->off = 0;
    p->line = p->column = 1;
  }
  while (p->off < off) {
    size_t plain = ink__plain_ascii_words (p->src + p->off, off - p->off);
    p->off += plain;
    p->column += (unsigned) plain;
    if (p->off >= off)
      break;
    uint32_t cp;
    ink__utf8_next (p->src, p->len, &p->off, &cp);
    /* A line ends at LF, CR LF or a CR alone (old Mac files). */
    if (cp == '\n' || (cp == '\r' && (p->off == p->len || p->src[p->off] != '\n'))) {
      p->line++;
      p->column = 1;
    } else {
      p->column++;
    }
  }
  *line = p->line;
  *column = p->column;
}

void
ink__article_warn (ink_context_t *ctx, unsigned line, unsigned column, const char *fmt, ...)
{
  if (!ctx || !ctx->log_fn)
    return;
  char buf[400];
  va_list ap;
  va_start (ap, fmt);
  vsnprintf (buf, sizeof buf, fmt, ap);
  va_end (ap);
  ink__log (ctx, INK_LOG_WARNING, "%u:%u: %s", line, column, buf);
}

ink_status_t
ink__article_diag_at (ink_context_t *ctx, ink_diag_t *diag, ink__pos_t *pos, ink_status_t st,
                      size_t off, const char *fmt, ...)
{
  char buf[sizeof diag->message];
  va_list ap;
  va_start (ap, fmt);
  vsnprintf (buf, sizeof buf, fmt, ap);
  va_end (ap);
  unsigned line, col;
  ink__pos_at (pos, off, &line, &col);
  return ink__diag (ctx, diag, st, line, col, "%s", buf);
}

bool
ink__stray_control (uint32_t cp)
{
  return (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0x7F ||
         (cp >= 0x80 && cp < 0xA0 && cp != 0x85);
}

/* The offsets of the first bad byte (invalid UTF-8 or NUL) and of the first stray control in
 * src, SIZE_MAX for none. */
static void
find_unclean (const char *src, size_t len, size_t *bad, size_t *control)
{
  *bad = *control = SIZE_MAX;
  size_t pos = 0;
  while (pos < len && *bad == SIZE_MAX) {
    size_t at = pos;
    uint32_t cp;
    if (!ink__utf8_next (src, len, &pos, &cp) || cp == 0)
      *bad = at;
    else if (*control == SIZE_MAX && ink__stray_control (cp))
      *control = at;
  }
}

/* Copies src without its stray controls into *out; vertical tab and form feed, which separate
 * words, become spaces. *n counts the controls. */
static bool
strip_controls (ink_context_t *ctx, const char *src, size_t len, char **out, size_t *out_len,
                size_t *n)
{
  char *s = ink__alloc (ctx, len + 1);
  if (!s)
    return false;
  size_t pos = 0, w = 0;
  *n = 0;
  while (pos < len) {
    size_t at = pos;
    uint32_t cp;
    ink__utf8_next (src, len, &pos, &cp);
    if (!ink__stray_control (cp)) {
      memcpy (s + w, src + at, pos - at);
      w += pos - at;
    } else {
      ++*n;
      if (cp == 0x0B || cp == 0x0C)
        s[w++] = ' ';
    }
  }
  s[w] = '\0';
  char *fit = ink__realloc (ctx, s, len + 1, w + 1);   /* freed as out_len + 1 bytes */
  if (!fit) {
    ink__free (ctx, s, len + 1);
    return false;
  }
  *out = fit;
  *out_len = w;
  return true;
}

static void
warn_at (ink_context_t *ctx, const char *src, size_t len, size_t off, const char *fmt,
         size_t n)
{
  unsigned line, column;
  ink__pos_t at;
  ink__pos_init (&at, src, len);
  ink__pos_at (&at, off, &line, &column);
  ink__article_warn (ctx, line, column, fmt, n);
}

ink_status_t
ink__article_sanitize (ink_context_t *ctx, const char *src, size_t len, char **clean,
                       size_t *clean_len, size_t *bad, ink_diag_t *diag)
{
  *clean = NULL;
  *clean_len = 0;
  *bad = 0;
  size_t first_bad, first_control;
  find_unclean (src, len, &first_bad, &first_control);
  if (first_bad == SIZE_MAX && first_control == SIZE_MAX)
    return INK_OK;
  char *s = NULL;
  size_t s_len = 0;
  if (first_bad != SIZE_MAX) {
    s = ink__utf8_sanitize (ctx, src, len, &s_len, bad);
    if (!s)
      return ink__diag (ctx, diag, INK_NO_MEMORY, 0, 0, "out of memory");
    warn_at (ctx, src, len, first_bad,
             "invalid UTF-8 or NUL byte replaced by U+FFFD (%zu in the article)", *bad);
    find_unclean (s, s_len, &first_bad, &first_control);
  }
  if (first_control != SIZE_MAX) {
    const char *from = s ? s : src;
    size_t from_len = s ? s_len : len, n;
    char *t;
    size_t t_len;
    bool ok = strip_controls (ctx, from, from_len, &t, &t_len, &n);
    if (ok)
      warn_at (ctx, from, from_len, first_control,
               "control character removed: it is no text (%zu in the article)", n);
    if (s)
      ink__free (ctx, s, s_len + 1);
    if (!ok)
      return ink__diag (ctx, diag, INK_NO_MEMORY, 0, 0, "out of memory");
    s = t;
    s_len = t_len;
  }
  *clean = s;
  *clean_len = s_len;
  return INK_OK;
}

ink_article_t *
ink__article_new (ink_context_t *ctx, const char *name)
{
  ink_article_t *a = ink__alloc (ctx, sizeof *a);
  if (!a)
    return NULL;
  a->ctx = ctx;
  a->name = ink__strdup (ctx, name ? name : "<memory>");
  if (!a->name) {
    ink__free (ctx, a, sizeof *a);
    return NULL;
  }
  return a;
}

static void
image_free (ink_context_t *ctx, ink__image_t **img)
{
  ink__image_destroy (ctx, *img);
  *img = NULL;
}

static void
block_clear (ink_context_t *ctx, ink__block_t *b)
{
  if (b->text)
    ink__free (ctx, b->text, b->text_len + 1);
  for (size_t i = 0; i < b->nspans; i++) {
    ink__strfree (ctx, (char *) b->spans[i].href);
    ink__strfree (ctx, (char *) b->spans[i].lang);
  }
  ink__free (ctx, b->spans, b->nspans * sizeof *b->spans);
  ink__free (ctx, b->marks, b->nmarks * sizeof *b->marks);
  ink__strfree (ctx, b->align);
  ink__strfree (ctx, b->attribution);
  ink__strfree (ctx, b->author);
  ink__strfree (ctx, b->meta);
  ink__strfree (ctx, b->href);
  ink__strfree (ctx, b->image_path);
  ink__strfree (ctx, b->credit);
  image_free (ctx, &b->image);
}

void
ink__article_free (ink_article_t *a)
{
  if (!a)
    return;
  ink_context_t *ctx = a->ctx;
  for (int k = 0; k < INK_KEY_COUNT_; k++)
    ink__strfree (ctx, *ink__article_field (a, (ink__key_t) k));
  image_free (ctx, &a->image);
  for (size_t i = 0; i < a->nblocks; i++)
    block_clear (ctx, &a->blocks[i]);
  ink__free (ctx, a->blocks, a->blocks_cap * sizeof *a->blocks);
  ink__strfree (ctx, a->name);
  ink__free (ctx, a, sizeof *a);
}

ink__block_t *
ink__article_add_block (ink_article_t *a, ink__block_kind_t kind, unsigned line,
                        unsigned column, ink_status_t *st, ink_diag_t *diag)
{
  ink_context_t *ctx = a->ctx;
  size_t max = ink__limit (ctx, INK_LIMIT_BLOCKS);
  if (a->nblocks >= max) {
    *st = ink__diag (ctx, diag, INK_LIMIT, line, column,
                     "more than %zu blocks: the article exceeds the block limit", max);
    return NULL;
  }
  if (!ink__vec_grow (ctx, (void **) &a->blocks, &a->blocks_cap, a->nblocks + 1,
                      sizeof *a->blocks)) {
    *st = ink__diag (ctx, diag, INK_NO_MEMORY, 0, 0, "out of memory");
    return NULL;
  }
  ink__block_t *b = &a->blocks[a->nblocks++];
  memset (b, 0, sizeof *b);
  b->kind = kind;
  b->line = line;
  b->column = column;
  return b;
}

/* Front-matter keys that have nothing to go with: a caption or a credit without an image. */
static void
warn_unused_keys (const ink_article_t *a)
{
  ink__key_t keys[] = { INK_KEY_CAPTION, INK_KEY_CREDIT };
  if (a->key_line[INK_KEY_CREDIT] < a->key_line[INK_KEY_CAPTION]) {
    keys[0] = INK_KEY_CREDIT;
    keys[1] = INK_KEY_CAPTION;
  }
  for (size_t i = 0; i < 2 && !a->image_path; i++)
    if (*ink__article_field ((ink_article_t *) a, keys[i]))
      ink__article_warn (a->ctx, a->key_line[keys[i]], a->key_column[keys[i]],
                         "\"%s\" without \"image\" is not shown: it goes under the lead image",
                         ink__key_names[keys[i]]);
}

/* Whether string s (nullable) is longer than max bytes, reading no more than max + 1. */
static bool
longer (const char *s, size_t max)
{
  if (!s)
    return false;
  for (size_t i = 0; i <= max; i++)
    if (!s[i])
      return false;
  return true;
}

/* Every field of a block other than its text (bounded by INK_LIMIT_PARAGRAPH_BYTES as it is
 * read) within INK_LIMIT_FIELD_BYTES; an error at the block otherwise. The JSON reader checks
 * each string as it reads it; this holds for both. */
static ink_status_t
check_block_fields (const ink_article_t *a, ink_diag_t *diag)
{
  size_t max = ink__limit (a->ctx, INK_LIMIT_FIELD_BYTES);
  for (size_t i = 0; i < a->nblocks; i++) {
    const ink__block_t *b = &a->blocks[i];
    struct { const char *what, *s; } f[] = {
      { "attribution", b->attribution }, { "comment author", b->author },
      { "comment meta", b->meta }, { "link target", b->href },
      { "image path", b->image_path }, { "credit", b->credit },
    };
    for (size_t k = 0; k < sizeof f / sizeof *f; k++)
      if (longer (f[k].s, max))
        return ink__diag (a->ctx, diag, INK_LIMIT, b->line, b->column,
                          "%s longer than the limit of %zu bytes", f[k].what, max);
    for (size_t k = 0; k < b->nspans; k++)   /* spans of one link share its target */
      if ((k == 0 || b->spans[k].href != b->spans[k - 1].href) && longer (b->spans[k].href, max))
        return ink__diag (a->ctx, diag, INK_LIMIT, b->line, b->column,
                          "link target longer than the limit of %zu bytes", max);
  }
  return INK_OK;
}

ink_status_t
ink__article_finish (ink_article_t *a, const char *base_dir, ink_diag_t *diag)
{
  ink_context_t *ctx = a->ctx;
  warn_unused_keys (a);
  ink_status_t fst = check_block_fields (a, diag);
  if (fst != INK_OK)
    return fst;
  for (size_t i = 0; i < a->nblocks; i++) {
    ink__block_t *b = &a->blocks[i];
    if (!b->text) {
      b->text = ink__strdup (ctx, "");
      if (!b->text)
        return ink__diag (ctx, diag, INK_NO_MEMORY, 0, 0, "out of memory");
    }
  }
  ink_status_t tst = ink__article_typography (a, diag);
  if (tst != INK_OK)
    return tst;
  if (a->nblocks < a->blocks_cap) {
    if (a->nblocks == 0) {
      ink__free (ctx, a->blocks, a->blocks_cap * sizeof *a->blocks);
      a->blocks = NULL;
      a->blocks_cap = 0;
    } else {
      ink__block_t *q = ink__realloc_array (ctx, a->blocks, a->blocks_cap, a->nblocks,
                                            sizeof *a->blocks);
      if (!q)
        return ink__diag (ctx, diag, INK_NO_MEMORY, 0, 0, "out of memory");
      a->blocks = q;
      a->blocks_cap = a->nblocks;
    }
  }
  if (base_dir || ctx->picture_fn) {
    ink_status_t st = ink__article_load_pictures (a, base_dir, diag);
    if (st != INK_OK)
      return st;
  }
  return INK_OK;
}

/* Input neither reader can take, named before they try: nothing but NUL bytes (a feed's
 * file made and never written, which the test below would call UTF-32), text in UTF-16 or
 * UTF-32 (known by its byte order mark, or by the zero bytes that mostly-ASCII text has in
 * every other or three of four bytes) and an empty article. */
static ink_status_t
check_input (ink_context_t *ctx, const char *src, size_t len, const char *name,
             ink_diag_t *diag)
{
  const unsigned char *u = (const unsigned char *) src;
  const char *what = NULL;
  size_t nul = 0;
  while (nul < len && !u[nul])
    nul++;
  if (len && nul == len)
    return ink__diag (ctx, diag, INK_PARSE, 0, 0, "the %s is %zu NUL bytes and no text",
                      name ? "file" : "article", len);
  if (len >= 4 && ((u[0] == 0xFF && u[1] == 0xFE && !u[2] && !u[3]) ||
                   (!u[0] && !u[1] && u[2] == 0xFE && u[3] == 0xFF)))
    what = "UTF-32";
  else if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
    what = "UTF-16";
  else {
    size_t n = len < 512 ? len : 512, zero[2] = { 0, 0 };
    for (size_t i = 0; i < n; i++)
      zero[i & 1] += !u[i];
    bool even = n >= 4 && zero[0] * 4 >= n, odd = n >= 4 && zero[1] * 4 >= n;
    if (even && odd)
      what = "UTF-32";
    else if ((even && zero[1] * 8 <= zero[0]) || (odd && zero[0] * 8 <= zero[1]))
      what = "UTF-16";
  }
  if (what)
    return ink__diag (ctx, diag, INK_PARSE, 0, 0, "the %s is %s; inkset reads UTF-8 (iconv -f "
                      "%s -t UTF-8 converts it)", name ? "file" : "article", what, what);
  size_t i = len >= 3 && memcmp (src, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
  while (i < len && (src[i] == ' ' || src[i] == '\t' || src[i] == '\n' || src[i] == '\r'))
    i++;
  if (i == len)
    return ink__diag (ctx, diag, INK_PARSE, 0, 0, "the %s is empty%s", name ? "file" : "article",
                      len ? " (only white space)" : "");
  return INK_OK;
}

static ink_status_t
parse_common (bool json, ink_context_t *ctx, const char *src, size_t len, const char *base_dir,
              const char *name, ink_article_t **out, ink_diag_t *diag)
{
  if (diag)
    memset (diag, 0, sizeof *diag);
  if (!out)
    return INK_INVALID;
  *out = NULL;
  if (!ctx || (!src && len))
    return INK_INVALID;
  if (!src)
    src = "";
  size_t max = ink__limit (ctx, INK_LIMIT_ARTICLE_BYTES);
  if (len > max)
    return ink__diag (ctx, diag, INK_LIMIT, 0, 0,
                      "the article is %zu bytes, more than the limit of %zu", len, max);
  ink_status_t st = check_input (ctx, src, len, name, diag);
  if (st != INK_OK)
    return st;
  return json ? ink__json_read (ctx, src, len, base_dir, name, out, diag)
              : ink__markdown_read (ctx, src, len, base_dir, name, out, diag);
}

/* Documented in include/inkset/inkset-article.h. */
ink_status_t
ink_article_parse_markdown (ink_context_t *ctx, const char *src, size_t len,
                            const char *base_dir, ink_article_t **out, ink_diag_t *diag)
{
  return parse_common (false, ctx, src, len, base_dir, NULL, out, diag);
}

/* Documented in include/inkset/inkset-article.h. */
ink_status_t
ink_article_parse_json (ink_context_t *ctx, const char *src, size_t len, const char *base_dir,
                        ink_article_t **out, ink_diag_t *diag)
{
  return parse_common (true, ctx, src, len, base_dir, NULL, out, diag);
}

/* Documented in include/inkset/inkset-article.h. */
ink_status_t
ink_article_load (ink_context_t *ctx, const char *path, ink_article_t **out, ink_diag_t *diag)
{
  if (diag)
    memset (diag, 0, sizeof *diag);
  if (!out)
    return INK_INVALID;
  *out = NULL;
  if (!ctx || !path)
    return INK_INVALID;
  char *data;
  size_t len;
  ink_status_t st = ink__read_file (ctx, path, ink__limit (ctx, INK_LIMIT_ARTICLE_BYTES), &data,
                                    &len);
  if (st != INK_OK) {
    if (diag)
      snprintf (diag->message, sizeof diag->message, "%.159s", ctx->error);
    return st;
  }
  const char *slash = strrchr (path, '/');
  char *dir = slash ? ink__strndup (ctx, path, slash == path ? 1 : (size_t) (slash - path))
                    : ink__strdup (ctx, ".");
  if (!dir) {
    ink__free (ctx, data, len + 1);
    return ink__diag (ctx, diag, INK_NO_MEMORY, 0, 0, "out of memory");
  }
  size_t plen = strlen (path);
  bool json = plen >= 5 && (strcmp (path + plen - 5, ".json") == 0 ||
                            strcmp (path + plen - 5, ".JSON") == 0);
  st = parse_common (json, ctx, data, len, dir, path, out, diag);
  ink__strfree (ctx, dir);
  ink__free (ctx, data, len + 1);
  return st;
}

/* Documented in include/inkset/inkset-article.h. */
void
ink_article_destroy (ink_article_t *article)
{
  ink__article_free (article);
}

/* Documented in include/inkset/inkset-article.h. */
const char *
ink_article_title (const ink_article_t *article)
{
  return article ? article->title : NULL;
}

/* Documented in include/inkset/inkset-article.h. */
const char *
ink_article_lang (const ink_article_t *article)
{
  return article ? article->lang : NULL;
}

/* Documented in include/inkset/inkset-article.h. */
size_t
ink_article_block_count (const ink_article_t *article)
{
  return article ? article->nblocks : 0;
}

/* Documented in include/inkset/inkset-article.h. */
size_t
ink_article_bad_utf8 (const ink_article_t *article)
{
  return article ? article->bad_utf8 : 0;
}
