/* article/frontmatter: the Markdown article's front matter, a "---" line, lines of
 * "key: value" (docs/articles.md lists the keys), and a closing "---" line. Each key's
 * position is kept for the messages that come later (an image that cannot be read, a caption
 * with no image to go under).
 *
 *   ink__front_matter_read (article, src, len, &pos, &body_offset, &diag);
 */
#include "article.h"

/* Every error of the front matter is a parse error at a byte offset. */
#define FAIL(off, ...) ink__article_diag_at (a->ctx, diag, pos, INK_PARSE, (off), __VA_ARGS__)

ink_status_t
ink__front_matter_read (ink_article_t *a, const char *s, size_t n, ink__pos_t *pos,
                        size_t *body, ink_diag_t *diag)
{
  size_t i = 0;
  unsigned seen_line[INK_KEY_COUNT_] = { 0 };
  /* Reads the line at i: [ls, le) without the line end and trailing blanks. */
#define LINE(ls, le) \
  do { \
    ls = i; \
    while (i < n && s[i] != '\n') \
      i++; \
    le = i; \
    if (i < n) \
      i++; \
    while (le > ls && (s[le - 1] == '\r' || s[le - 1] == ' ' || s[le - 1] == '\t')) \
      le--; \
  } while (0)
  size_t ls, le;
  LINE (ls, le);
  if (le - ls != 3 || memcmp (s + ls, "---", 3) != 0)
    return FAIL (0, "expected front matter: an article starts with a \"---\" line, then "
                 "\"title: ...\"");
  /* An unclosed front matter would otherwise be reported at its first body line. */
  size_t scan = i;
  bool closes = false;
  while (scan < n && !closes) {
    size_t e = scan;
    while (e < n && s[e] != '\n')
      e++;
    size_t t = e;
    while (t > scan && (s[t - 1] == '\r' || s[t - 1] == ' ' || s[t - 1] == '\t'))
      t--;
    closes = t - scan == 3 && memcmp (s + scan, "---", 3) == 0;
    scan = e + 1;
  }
  if (!closes)
    return FAIL (0, "the front matter opened here is never closed by a \"---\" line");
  bool closed = false;
  while (i < n) {
    LINE (ls, le);
    if (le - ls == 3 && memcmp (s + ls, "---", 3) == 0) {
      closed = true;
      break;
    }
    size_t k = ls;
    while (k < le && (s[k] == ' ' || s[k] == '\t'))
      k++;
    if (k == le || s[k] == '#')
      continue;
    size_t colon = k;
    while (colon < le && s[colon] != ':')
      colon++;
    if (colon == le)
      return FAIL (k, "expected \"key: value\" or \"---\" closing the front matter opened "
                   "on line 1");
    size_t ke = colon;
    while (ke > k && (s[ke - 1] == ' ' || s[ke - 1] == '\t'))
      ke--;
    int key = ink__key_lookup (s + k, ke - k);
    if (key < 0) {
      const char *sug = ink__did_you_mean (s + k, ke - k, ink__key_names, INK_KEY_COUNT_);
      int shown = ke - k > 40 ? 40 : (int) (ke - k);
      if (sug)
        return FAIL (k, "unknown key \"%.*s\" (did you mean \"%s\"?)", shown, s + k, sug);
      return FAIL (k, "unknown key \"%.*s\"; known keys: title, kicker, deck, author, date, "
                   "lang, section, source, image, caption, credit, url, typography", shown,
                   s + k);
    }
    unsigned kl, kc;
    ink__pos_at (pos, k, &kl, &kc);
    if (seen_line[key])
      return FAIL (k, "duplicate key \"%s\" (first given on line %u)", ink__key_names[key],
                   seen_line[key]);
    seen_line[key] = kl;
    a->key_line[key] = kl;
    a->key_column[key] = kc;
    size_t vs = colon + 1, ve = le;
    while (vs < ve && (s[vs] == ' ' || s[vs] == '\t'))
      vs++;
    if (ve - vs >= 2 && (s[vs] == '"' || s[vs] == '\'') && s[ve - 1] == s[vs]) {
      vs++;
      ve--;
    }
    size_t max = ink__limit (a->ctx, INK_LIMIT_FIELD_BYTES);
    if (ve - vs > max)
      return ink__article_diag_at (a->ctx, diag, pos, INK_LIMIT, vs, "%s longer than the limit "
                                   "of %zu bytes", ink__key_names[key], max);
    if (vs == ve) {
      if (key == INK_KEY_TITLE)
        return FAIL (k, "the title is empty");
      continue;
    }
    char *v = ink__strndup (a->ctx, s + vs, ve - vs);
    if (!v)
      return ink__diag (a->ctx, diag, INK_NO_MEMORY, 0, 0, "out of memory");
    *ink__article_field (a, (ink__key_t) key) = v;
    if (key == INK_KEY_DATE && !ink__valid_date (v))
      return FAIL (vs, "date \"%.40s\" is not an ISO 8601 date (YYYY-MM-DD)", v);
    if (key == INK_KEY_LANG && !ink__valid_lang (v))
      return FAIL (vs, "lang \"%.40s\" is not a BCP 47 language tag (en, ur, zh-Hans)", v);
    if (key == INK_KEY_TYPOGRAPHY && !ink__valid_typography (v))
      return FAIL (vs, "typography \"%.40s\" is neither \"smart\" nor \"plain\"", v);
    if (key == INK_KEY_IMAGE) {
      a->image_line = kl;
      a->image_column = kc;
    }
  }
#undef LINE
  if (!closed)
    return FAIL (0, "the front matter opened here is never closed by a \"---\" line");
  if (!a->title)
    return FAIL (0, "the front matter has no \"title\"");
  *body = i;
  return INK_OK;
}
#undef FAIL
