/* text/address: web and e-mail addresses in running text, and words joined by hyphens or
 * slashes. An address is set as written: never hyphenated (a hyphen added to
 * "example.org/catalogue" would change it), broken only after / . - _ @ ? & = with nothing
 * added. A compound ("bilingual-editions", "and/or") breaks at its own hyphen or slash and
 * is not hyphenated inside its parts either, as newspapers set them.
 *
 *   ink__address_breaks (text, len, brks);       // after UAX #14, before kinsoku
 *   if (ink__word_kind (text + s, e - s) != INK_WORD_PLAIN) ... no hyphenation points ...
 */
#include "breaks.h"

static bool
is_alnum (char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static bool
is_letter (char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Characters an address breaks after ('=' as well, as the Chicago Manual allows, so that
 * a long query string has places to break). */
static bool
is_address_break (char c)
{
  return c == '/' || c == '.' || c == '-' || c == '_' || c == '@' || c == '?' || c == '&'
         || c == '=';
}

/* A host name in w[start, end): letters, digits and '-' in labels between dots, the last
 * label (the top level) of two or more letters. */
static bool
host_in (const char *w, size_t start, size_t end)
{
  bool dot = false, letters = true;
  size_t label = 0;
  for (size_t i = start; i < end; i++) {
    if (w[i] == '.') {
      if (label == 0)
        return false;
      dot = true, label = 0, letters = true;
    } else if (is_alnum (w[i]) || w[i] == '-') {
      label++;
      letters = letters && is_letter (w[i]);
    } else {
      return false;
    }
  }
  return dot && letters && label >= 2;
}

/* A letter of a word: ASCII letters, and any non-ASCII byte (letters of other scripts). */
static bool
wordish (char c)
{
  return is_letter (c) || (unsigned char) c >= 0x80;
}

/**
 * ink__word_kind:
 * @w: one space-delimited word, UTF-8
 * @len: its length in bytes
 *
 * Return value: INK_WORD_ADDRESS for a web address ("https://...", "www.", or a host name
 * with a top level followed by a path: "example.org/catalogue") or an e-mail address
 * ("name@host.org"); INK_WORD_TAG for a hashtag or handle ("#Bürokratieabbau", "@desk");
 * INK_WORD_COMPOUND for words joined by a hyphen or a slash; INK_WORD_PLAIN otherwise.
 * Since: 0.2
 */
ink__word_kind_t
ink__word_kind (const char *w, size_t len)
{
  size_t s = 0;
  while (s < len && (w[s] == '(' || w[s] == '<' || w[s] == '[' || w[s] == '"' || w[s] == '\''))
    s++;
  if (ink__is_tag (w + s, len - s))
    return INK_WORD_TAG;
  const char *slash = memchr (w + s, '/', len - s), *at = memchr (w + s, '@', len - s);
  for (size_t i = s; i + 2 < len; i++)
    if (w[i] == ':' && w[i + 1] == '/' && w[i + 2] == '/')
      return INK_WORD_ADDRESS;
  if (len - s > 4 && (w[s] | 32) == 'w' && (w[s + 1] | 32) == 'w' && (w[s + 2] | 32) == 'w'
      && w[s + 3] == '.')
    return INK_WORD_ADDRESS;
  if (at && at > w + s) {
    size_t h = (size_t) (at - w) + 1, e = h;
    while (e < len && (is_alnum (w[e]) || w[e] == '-' || w[e] == '.'))
      e++;
    while (e > h && w[e - 1] == '.')
      e--;   /* a full stop after the address */
    if (host_in (w, h, e))
      return INK_WORD_ADDRESS;
  }
  if (slash && slash > w + s && host_in (w, s, (size_t) (slash - w)))
    return INK_WORD_ADDRESS;
  for (size_t i = s + 1; i + 1 < len; i++) {
    size_t n = w[i] == '-' || w[i] == '/' ? 1
               : (i + 3 < len && memcmp (w + i, "\xE2\x80\x90", 3) == 0) ? 3 : 0;   /* U+2010 */
    if (n && wordish (w[i - 1]) && wordish (w[i + n]))
      return INK_WORD_COMPOUND;
  }
  return INK_WORD_PLAIN;
}

static bool
is_white (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/**
 * ink__address_breaks:
 * @text: UTF-8 text, one paragraph
 * @len: its length in bytes
 * @brks: as ink__breaks writes them
 *
 * Inside each address (ink__word_kind), opportunities are added after / . - _ @ ? & = where
 * a letter or digit follows ("https://" breaks after its second slash only); those UAX #14
 * gives (after "/", "?" and "-" before letters) stay, and the last byte keeps what it had.
 * Since: 0.2
 */
void
ink__address_breaks (const char *text, size_t len, uint8_t *brks)
{
  size_t s = 0;
  while (s < len) {
    while (s < len && is_white (text[s]))
      s++;
    size_t e = s;
    while (e < len && !is_white (text[e]))
      e++;
    if (e > s && ink__word_kind (text + s, e - s) == INK_WORD_ADDRESS) {
      for (size_t i = s; i + 1 < e; i++)
        if (brks[i] == INK_BRK_NO && is_address_break (text[i]) && is_alnum (text[i + 1]))
          brks[i] = INK_BRK_ALLOW;
    }
    s = e;
  }
}
