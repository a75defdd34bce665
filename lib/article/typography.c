/* article/typography: straight quotes, apostrophes and hyphen pairs become the article
 * language's typographic punctuation once the article is read, unless its front matter says
 * "typography: plain". Each block's text is rewritten and its spans moved with it.
 *
 *   "Es ist 'gut' -- sagt er."   (lang: de)   ->   „Es ist ‚gut‘ – sagt er.“
 *
 * A double quote gives the language's quotation marks, a single quote its alternate ones;
 * an opening mark follows the start, a space, an opening bracket, a dash or another opening
 * mark, or an ellipsis when no quotation is open ("회동…“釜山"), a closing one anything else. A single quote between letters, before a digit ('90s)
 * or after a word with no single quote open (the Joneses') is an apostrophe, U+2019, as is
 * one that opens a word its language elides ('s ochtends, 'tis: elision_table). "--"
 * becomes an en dash, "---" an em dash; longer runs stay. In Hebrew words they are gershayim
 * and geresh (ד"ר -> ד״ר, ג'ון -> ג׳ון). Code spans and URLs (a token with
 * "://" or starting "www.") are left alone.
 */
#include "article.h"

/* Quotation delimiters (quotationStart, quotationEnd, alternateQuotationStart,
 * alternateQuotationEnd) from CLDR 42's <delimiters>, as ICU 72's ulocdata_getDelimiter
 * returns them for each language; a language not listed takes CLDR root's. */
typedef struct {
  const char *lang;
  const char *q[4];
} quotes_t;

static const quotes_t quote_table[] = {
  { "root", { "“", "”", "‘", "’" } },
  { "zh-Hant", { "「", "」", "『", "』" } }, { "zh-TW", { "「", "」", "『", "』" } },
  { "zh-HK", { "「", "」", "『", "』" } }, { "zh-MO", { "「", "」", "『", "』" } },
  { "ja", { "「", "」", "『", "』" } },
  { "de", { "„", "“", "‚", "‘" } }, { "cs", { "„", "“", "‚", "‘" } },
  { "sk", { "„", "“", "‚", "‘" } }, { "sl", { "„", "“", "‚", "‘" } },
  { "hr", { "„", "“", "‚", "‘" } }, { "et", { "„", "“", "‚", "‘" } },
  { "is", { "„", "“", "‚", "‘" } }, { "mk", { "„", "“", "‚", "‘" } },
  { "bg", { "„", "“", "„", "“" } }, { "lt", { "„", "“", "„", "“" } },
  { "sr", { "„", "“", "‘", "‘" } }, { "ka", { "„", "“", "«", "»" } },
  { "pl", { "„", "”", "«", "»" } }, { "ro", { "„", "”", "«", "»" } },
  { "hu", { "„", "”", "»", "«" } },
  { "fr", { "«", "»", "«", "»" } }, { "hy", { "«", "»", "«", "»" } },
  { "ru", { "«", "»", "„", "“" } }, { "uk", { "«", "»", "„", "“" } },
  { "be", { "«", "»", "„", "“" } },
  { "el", { "«", "»", "“", "”" } }, { "it", { "«", "»", "“", "”" } },
  { "es", { "«", "»", "“", "”" } }, { "ca", { "«", "»", "“", "”" } },
  { "sq", { "«", "»", "“", "”" } }, { "eu", { "«", "»", "“", "”" } },
  { "nb", { "«", "»", "‘", "’" } }, { "no", { "«", "»", "‘", "’" } },
  { "nn", { "«", "»", "‘", "’" } },
  { "fa", { "«", "»", "‹", "›" } },
  { "nl", { "‘", "’", "‘", "’" } },
  { "sv", { "”", "”", "’", "’" } }, { "fi", { "”", "”", "’", "’" } },
  { "he", { "”", "”", "’", "’" } },
  { "ar", { "”", "“", "’", "‘" } }, { "ur", { "”", "“", "’", "‘" } },
};

#define NNBSP "\xE2\x80\xAF"   /* U+202F, inside French guillemets */

/* Whether tag (BCP 47) is name or starts with name and a '-'. */
static bool
tag_is (const char *tag, const char *name)
{
  size_t n = strlen (name);
  for (size_t i = 0; i < n; i++)
    if ((tag[i] | 32) != (name[i] | 32))
      return false;
  return tag[n] == 0 || tag[n] == '-';
}

static const quotes_t *
quotes_for (const char *lang)
{
  if (!lang)
    return &quote_table[0];
  for (size_t i = 1; i < sizeof quote_table / sizeof *quote_table; i++)
    if (tag_is (lang, quote_table[i].lang))
      return &quote_table[i];
  if (tag_is (lang, "zh")) {   /* zh-Hant-TW, zh-Hant-HK: the script subtag decides */
    const char *h = strchr (lang, '-');
    if (h && tag_is (h + 1, "Hant"))
      return &quote_table[1];
  }
  return &quote_table[0];
}

bool
ink__valid_typography (const char *s)
{
  return strcmp (s, "smart") == 0 || strcmp (s, "plain") == 0;
}

static bool
is_space (uint32_t c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x3000 ||
         (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F;
}

/* A letter, digit or mark, near enough: ASCII alphanumerics, and above U+00BF everything
 * but the punctuation and symbol blocks. */
static bool
is_word (uint32_t c)
{
  if (c < 0x80)
    return (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z');
  if (c < 0xC0 || c == 0xD7 || c == 0xF7)
    return false;
  return !(c >= 0x2000 && c <= 0x2BFF) && !(c >= 0x3000 && c <= 0x303F) &&
         !(c >= 0xFE30 && c <= 0xFE4F) && !(c >= 0xFF00 && c <= 0xFF0F) &&
         !(c >= 0xFF1A && c <= 0xFF20) && !(c >= 0xFF3B && c <= 0xFF40) &&
         !(c >= 0xFF5B && c <= 0xFF65);
}

/* After this, a quote opens: brackets, dashes and opening quotation marks. */
static bool
is_opener (uint32_t c)
{
  static const uint32_t open[] = { '(', '[', '{', '<', '-', 0x2013, 0x2014, 0x201C, 0x2018,
                                   0x201E, 0x201A, 0xAB, 0x300C, 0x300E, 0x2039, 0xBF, 0xA1 };
  for (size_t i = 0; i < sizeof open / sizeof *open; i++)
    if (c == open[i])
      return true;
  return false;
}

/* The rewriting of one string. Points are the span boundaries (byte offsets, ascending)
 * that are moved to the rewritten text. */
typedef struct {
  ink_article_t *a;
  const char *s;
  size_t n;
  const ink__block_t *b;   /* spans: code is left alone, a span's lang chooses the marks */
  uint32_t *points;
  size_t npoints, next_point;
  const size_t *from;      /* nullable: which points are source marks (from[k] >= nbounds), */
  size_t nbounds;          /* moved like the others but no bound to a replacement */
  ink__str_t out;
  size_t span;             /* the first span that does not end at or before the position */
  size_t url_start, url_end;
  size_t opened_end;       /* input offset just after the last opening mark, or SIZE_MAX */
  unsigned open_double, open_single;
  bool oom;
} typo_t;

static void
put (typo_t *t, const char *s, size_t n)
{
  if (!ink__str_append (t->a->ctx, &t->out, s, n))
    t->oom = true;
}

static uint32_t
cp_before (const typo_t *t, size_t i)
{
  if (i == 0)
    return 0;
  size_t k = i - 1;
  while (k > 0 && ((unsigned char) t->s[k] & 0xC0) == 0x80)
    k--;
  uint32_t c;
  ink__utf8_next (t->s, t->n, &k, &c);
  return c;
}

static uint32_t
cp_at (const typo_t *t, size_t i)
{
  if (i >= t->n)
    return 0;
  uint32_t c;
  ink__utf8_next (t->s, t->n, &i, &c);
  return c;
}

/* Marks a URL-like token starting at i as verbatim, without the quotes, brackets and
 * sentence punctuation around it. */
static void
find_url (typo_t *t, size_t i)
{
  size_t e = i;
  while (e < t->n && t->s[e] != ' ' && t->s[e] != '\t' && t->s[e] != '\n')
    e++;
  size_t s = i;
  while (s < e && strchr ("\"'(<[", t->s[s]))
    s++;
  bool url = e - s >= 4 && (t->s[s] | 32) == 'w' && (t->s[s + 1] | 32) == 'w' &&
             (t->s[s + 2] | 32) == 'w' && t->s[s + 3] == '.';
  for (size_t k = s; !url && k + 3 <= e; k++)
    url = memcmp (t->s + k, "://", 3) == 0;
  if (!url)
    return;
  while (e > s && strchr ("\"'),.;:!?]>", t->s[e - 1]))
    e--;
  t->url_start = s;
  t->url_end = e;
}

/* Whether byte i is inside a code span or a URL; also moves the span cursor. */
static bool
verbatim (typo_t *t, size_t i)
{
  if (i == 0 || t->s[i - 1] == ' ' || t->s[i - 1] == '\t' || t->s[i - 1] == '\n')
    find_url (t, i);
  if (i >= t->url_start && i < t->url_end)
    return true;
  if (!t->b)
    return false;
  while (t->span < t->b->nspans && t->b->spans[t->span].start + t->b->spans[t->span].len <= i)
    t->span++;
  const ink__span_t *sp = t->span < t->b->nspans ? &t->b->spans[t->span] : NULL;
  return sp && sp->start <= i && (sp->flags & INK_SPAN_CODE);
}

/* Whether replacing n bytes at i keeps every span boundary outside the replaced bytes. */
static bool
is_bound (const typo_t *t, size_t k)
{
  return !t->from || t->from[k] < t->nbounds;
}

static bool
replaceable (const typo_t *t, size_t i, size_t n)
{
  size_t k = t->next_point;
  while (k < t->npoints && !is_bound (t, k))
    k++;
  return k >= t->npoints || t->points[k] >= i + n;
}

/* Whether a span boundary was moved to the end of the output so far. */
static bool
bound_at_end (const typo_t *t)
{
  for (size_t k = t->next_point; k-- > 0;)
    if (is_bound (t, k))
      return t->points[k] >= t->out.n;
  return false;
}

/* The language at input offset i: its span's, else the article's (nullable). */
static const char *
lang_here (const typo_t *t, size_t i)
{
  const ink__span_t *sp = t->b && t->span < t->b->nspans ? &t->b->spans[t->span] : NULL;
  return sp && sp->start <= i && sp->lang ? sp->lang : t->a->lang;
}

static const quotes_t *
quotes_here (const typo_t *t, size_t i)
{
  return quotes_for (lang_here (t, i));
}

/* Appends the mark (0 open, 1 close, 2 alternate open, 3 alternate close) for the quote
 * at i; returns the input bytes it takes (a French space inside guillemets is taken). */
static size_t
put_mark (typo_t *t, size_t i, int which)
{
  const quotes_t *q = quotes_here (t, i);
  bool french = q->lang[0] == 'f' && q->lang[1] == 'r';
  bool open = (which & 1) == 0;
  size_t used = 1;
  if (french && !open && t->out.n > 0 && t->out.s[t->out.n - 1] == ' ' &&
      !bound_at_end (t))
    t->out.s[--t->out.n] = 0;   /* "mot »" typed with a space: the space becomes U+202F */
  if (french && !open)
    put (t, NNBSP, 3);
  put (t, q->q[which], strlen (q->q[which]));
  if (french && open) {
    put (t, NNBSP, 3);
    if (i + 1 < t->n && t->s[i + 1] == ' ' && replaceable (t, i, 2))
      used = 2;
  }
  if (open)
    t->opened_end = i + used;
  return used;
}

static bool
is_hebrew_letter (uint32_t c)
{
  return c >= 0x5D0 && c <= 0x5EA;
}

/* Hebrew abbreviations and numerals: a double quote between two Hebrew letters is gershayim
 * (ד"ר -> ד״ר), a single quote after a Hebrew letter geresh (ג'ון, ה' באייר), unless it closes a
 * single quotation. Returns the bytes replaced, or 0 when the quote is no such mark. */
/* Whether the double quote at i, after a Hebrew letter, opens a quotation after a one-letter
 * prefix (ו"זוכרים", ה"חדש"): the letter before it starts a word and is a prefix, and the
 * Hebrew letters after it end on a double quote of their own. */
static bool
hebrew_prefix_quote (typo_t *t, size_t i, uint32_t prev)
{
  static const uint32_t prefixes[] = { 0x5D5, 0x5D4, 0x5D1, 0x5DB, 0x5DC, 0x5DE, 0x5E9 };
  bool prefix = false;
  for (size_t k = 0; k < sizeof prefixes / sizeof *prefixes; k++)
    prefix |= prev == prefixes[k];
  if (!prefix || i < 2 || is_hebrew_letter (cp_before (t, i - 2)))
    return false;
  size_t j = i + 1;
  while (j < t->n && is_hebrew_letter (cp_at (t, j)))
    j += 2;   /* Hebrew letters are two bytes in UTF-8 */
  return j > i + 1 && j < t->n && t->s[j] == '"' && !is_hebrew_letter (cp_at (t, j + 1));
}

static size_t
hebrew_mark (typo_t *t, size_t i, uint32_t prev, uint32_t next)
{
  if (!is_hebrew_letter (prev))
    return 0;
  if (t->s[i] == '"' && is_hebrew_letter (next) && !hebrew_prefix_quote (t, i, prev)) {
    put (t, "״", 2);   /* U+05F4 */
    return 1;
  }
  if (t->s[i] == '\'' && (is_hebrew_letter (next) || t->open_single == 0)) {
    put (t, "׳", 2);   /* U+05F3 */
    return 1;
  }
  return 0;
}

/* Words that open with an apostrophe for a letter left out, by language: Dutch "'s ochtends",
 * "'t", "'n"; English "'tis", "rock 'n' roll". A quote before one of them, at a word's start,
 * is an apostrophe, not an opening quotation mark. */
typedef struct {
  const char *lang;
  const char *words[8];
} elisions_t;

static const elisions_t elision_table[] = {
  { "nl", { "s", "t", "n", "k", "m", "r", NULL } },
  { "af", { "n", "s", "t", NULL } },
  { "en", { "tis", "twas", "til", "em", "n", "cause", NULL } },
};

/* Whether the straight single quote at i opens one of its language's elided words. */
static bool
elision (const typo_t *t, size_t i)
{
  const char *lang = lang_here (t, i);
  for (size_t k = 0; lang && k < sizeof elision_table / sizeof *elision_table; k++) {
    if (!tag_is (lang, elision_table[k].lang))
      continue;
    for (const char *const *w = elision_table[k].words; *w; w++) {
      size_t n = strlen (*w), j = 0;
      while (j < n && i + 1 + j < t->n && (t->s[i + 1 + j] | 32) == (*w)[j])
        j++;
      if (j == n && !is_word (cp_at (t, i + 1 + n)))
        return true;
    }
  }
  return false;
}

/* A straight quote at i: returns the input bytes replaced, or 0 to keep it. */
static size_t
quote (typo_t *t, size_t i)
{
  uint32_t prev = cp_before (t, i), next = cp_at (t, i + 1);
  size_t heb = hebrew_mark (t, i, prev, next);
  if (heb)
    return heb;
  bool after_open = i == 0 || is_space (prev) || is_opener (prev) || t->opened_end == i ||
                    (t->s[i] == '"' && is_hebrew_letter (prev) && hebrew_prefix_quote (t, i, prev));
  bool before_space = i + 1 >= t->n || is_space (next);
  if (t->s[i] == '"') {
    /* Korean and Japanese heads run a quotation on after an ellipsis: "회동…"釜山 엑스포"". */
    bool runs_on = prev == 0x2026 && t->open_double == 0 && !before_space;
    bool open = (after_open || runs_on) && (!before_space || t->open_double == 0);
    if (open)
      t->open_double++;
    else if (t->open_double > 0)
      t->open_double--;
    return put_mark (t, i, open ? 0 : 1);
  }
  bool apostrophe = (is_word (prev) && is_word (next)) ||
                    (after_open && next >= '0' && next <= '9') || (after_open && elision (t, i)) ||
                    (!after_open && t->open_single == 0);
  if (apostrophe) {
    put (t, "’", 3);
    return 1;
  }
  if (after_open && !before_space) {
    t->open_single++;
    return put_mark (t, i, 2);
  }
  if (t->open_single == 0)
    return 0;   /* alone between spaces: not a quotation mark */
  t->open_single--;
  return put_mark (t, i, 3);
}

/* "--" or "---" at i, alone: returns the bytes replaced, or 0. */
static size_t
dash (typo_t *t, size_t i)
{
  size_t e = i;
  while (e < t->n && t->s[e] == '-')
    e++;
  if (e - i < 2 || e - i > 3 || (i > 0 && t->s[i - 1] == '-') || !replaceable (t, i, e - i))
    return 0;
  put (t, e - i == 2 ? "–" : "—", 3);
  return e - i;
}

/* Rewrites t->s into t->out and moves the points; false when out of memory. */
static bool
rewrite (typo_t *t)
{
  t->url_start = t->url_end = 0;
  t->opened_end = SIZE_MAX;
  put (t, "", 0);
  size_t i = 0;
  while (i < t->n && !t->oom) {
    while (t->next_point < t->npoints && t->points[t->next_point] <= i)
      t->points[t->next_point++] = (uint32_t) t->out.n;
    size_t used = 0;
    if (!verbatim (t, i)) {
      if (t->s[i] == '"' || t->s[i] == '\'')
        used = quote (t, i);
      else if (t->s[i] == '-')
        used = dash (t, i);
    }
    if (used == 0)
      put (t, t->s + i, 1);
    i += used ? used : 1;
  }
  while (t->next_point < t->npoints)
    t->points[t->next_point++] = (uint32_t) t->out.n;
  return !t->oom;
}

/* Whether s has anything the pass may change. */
static bool
has_candidates (const char *s, size_t n)
{
  return memchr (s, '"', n) || memchr (s, '\'', n) || (n > 1 && strstr (s, "--"));
}

/* The rewritten text of a block (NULL b: a field), within max bytes: *out (NULL when
 * nothing changed or the text would grow past max) and the moved points. */
static ink_status_t
rewrite_text (ink_article_t *a, const ink__block_t *b, const char *s, size_t n, size_t max,
              uint32_t *points, size_t npoints, const size_t *from, char **out, size_t *out_len)
{
  *out = NULL;
  if (!has_candidates (s, n))
    return INK_OK;
  typo_t t = { .a = a, .s = s, .n = n, .b = b, .points = points, .npoints = npoints,
               .from = from, .nbounds = b ? b->nspans * 2 : 0 };
  if (!rewrite (&t)) {
    ink__str_free (a->ctx, &t.out);
    return INK_NO_MEMORY;
  }
  if (t.out.n > max || (t.out.n == n && memcmp (t.out.s, s, n) == 0)) {
    if (t.out.n > max && b)
      ink__article_warn (a->ctx, b->line, b->column, "typographic quotes would make the "
                         "paragraph longer than the limit of %zu bytes; it keeps straight "
                         "ones", max);
    ink__str_free (a->ctx, &t.out);
    return INK_OK;
  }
  *out = ink__strndup (a->ctx, t.out.s, t.out.n);
  *out_len = t.out.n;
  ink__str_free (a->ctx, &t.out);
  return *out ? INK_OK : INK_NO_MEMORY;
}

/* The span boundaries then the marks' offsets of b, merged into one ascending list in
 * points; from[i] is the index of points[i] in that order of spans then marks. */
static void
block_points (const ink__block_t *b, uint32_t *points, size_t *from)
{
  size_t ns = b->nspans * 2, i = 0, j = 0, k = 0;
  while (i < ns || j < b->nmarks) {
    uint32_t sv = i < ns ? (i % 2 ? b->spans[i / 2].start + b->spans[i / 2].len
                                  : b->spans[i / 2].start) : UINT32_MAX;
    if (i < ns && (j >= b->nmarks || sv <= b->marks[j].off)) {
      points[k] = sv;
      from[k++] = i++;
    } else {
      points[k] = b->marks[j].off;
      from[k++] = ns + j++;
    }
  }
}

static ink_status_t
block_typography (ink_article_t *a, ink__block_t *b)
{
  ink_context_t *ctx = a->ctx;
  size_t ns = b->nspans * 2, np = ns + b->nmarks;
  uint32_t *points = np ? ink__realloc_array (ctx, NULL, 0, np, sizeof *points) : NULL;
  size_t *from = np ? ink__realloc_array (ctx, NULL, 0, np, sizeof *from) : NULL;
  if (np && (!points || !from)) {
    ink__free (ctx, points, np * sizeof *points);
    ink__free (ctx, from, np * sizeof *from);
    return INK_NO_MEMORY;
  }
  if (np)
    block_points (b, points, from);
  char *text;
  size_t len = 0;
  ink_status_t st = rewrite_text (a, b, b->text, b->text_len, ink__limit (ctx,
                                  INK_LIMIT_PARAGRAPH_BYTES), points, np, from, &text,
                                  &len);
  if (st == INK_OK && text) {
    ink__free (ctx, b->text, b->text_len + 1);
    b->text = text;
    b->text_len = len;
    for (size_t k = 0; k < np; k++) {
      size_t f = from[k];
      if (f >= ns)
        b->marks[f - ns].off = points[k];
      else if (f % 2 == 0)
        b->spans[f / 2].start = points[k];
      else
        b->spans[f / 2].len = points[k];   /* the end, for now */
    }
    for (size_t k = 0; k < b->nspans; k++)
      b->spans[k].len -= b->spans[k].start;
  }
  ink__free (ctx, points, np * sizeof *points);
  ink__free (ctx, from, np * sizeof *from);
  return st;
}

/* A front-matter or block field (no spans). */
static ink_status_t
field_typography (ink_article_t *a, char **field)
{
  if (!*field)
    return INK_OK;
  char *text;
  size_t len;
  ink_status_t st = rewrite_text (a, NULL, *field, strlen (*field),
                                  ink__limit (a->ctx, INK_LIMIT_FIELD_BYTES), NULL, 0, NULL, &text,
                                  &len);
  if (st == INK_OK && text) {
    ink__strfree (a->ctx, *field);
    *field = text;
  }
  return st;
}

ink_status_t
ink__article_typography (ink_article_t *a, ink_diag_t *diag)
{
  if (a->typography && strcmp (a->typography, "plain") == 0)
    return INK_OK;
  static const ink__key_t keys[] = { INK_KEY_TITLE, INK_KEY_KICKER, INK_KEY_DECK,
                                     INK_KEY_AUTHOR, INK_KEY_CAPTION, INK_KEY_CREDIT };
  ink_status_t st = INK_OK;
  for (size_t k = 0; k < sizeof keys / sizeof *keys && st == INK_OK; k++)
    st = field_typography (a, ink__article_field (a, keys[k]));
  for (size_t i = 0; i < a->nblocks && st == INK_OK; i++) {
    ink__block_t *b = &a->blocks[i];
    st = block_typography (a, b);
    char **fields[] = { &b->attribution, &b->author, &b->credit };
    for (size_t k = 0; k < sizeof fields / sizeof *fields && st == INK_OK; k++)
      st = field_typography (a, fields[k]);
  }
  if (st != INK_OK)
    return ink__diag (a->ctx, diag, st, 0, 0, "out of memory");
  return INK_OK;
}
