/* article/entity: HTML character references in Markdown text ("&amp;", "&#233;",
 * "&#x1F600;"), decoded to UTF-8. md4c hands them over undecoded.
 *
 *   char out[4];
 *   size_t n = ink__entity_decode ("&mdash;", 7, out);   // 3 bytes: U+2014
 */
#include "article.h"

static const struct { const char *name; uint32_t cp; } entities[] = {
  { "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' }, { "apos", '\'' },
  { "nbsp", 0xA0 }, { "shy", 0xAD }, { "copy", 0xA9 }, { "reg", 0xAE }, { "trade", 0x2122 },
  { "deg", 0xB0 }, { "plusmn", 0xB1 }, { "times", 0xD7 }, { "divide", 0xF7 },
  { "middot", 0xB7 }, { "sect", 0xA7 }, { "para", 0xB6 }, { "laquo", 0xAB }, { "raquo", 0xBB },
  { "lsquo", 0x2018 }, { "rsquo", 0x2019 }, { "sbquo", 0x201A }, { "ldquo", 0x201C },
  { "rdquo", 0x201D }, { "bdquo", 0x201E }, { "ndash", 0x2013 }, { "mdash", 0x2014 },
  { "hellip", 0x2026 }, { "bull", 0x2022 }, { "prime", 0x2032 }, { "Prime", 0x2033 },
  { "euro", 0x20AC }, { "pound", 0xA3 }, { "yen", 0xA5 }, { "cent", 0xA2 }, { "thinsp", 0x2009 },
  { "ensp", 0x2002 }, { "emsp", 0x2003 }, { "zwj", 0x200D }, { "zwnj", 0x200C },
  { "lrm", 0x200E }, { "rlm", 0x200F }, { "frac12", 0xBD }, { "frac14", 0xBC },
  { "frac34", 0xBE }, { "iexcl", 0xA1 }, { "iquest", 0xBF }, { "hyphen", 0x2010 },
  { "minus", 0x2212 }, { "larr", 0x2190 }, { "rarr", 0x2192 }, { "uarr", 0x2191 },
  { "darr", 0x2193 }, { "eacute", 0xE9 }, { "Eacute", 0xC9 }, { "agrave", 0xE0 },
  { "aacute", 0xE1 }, { "uuml", 0xFC }, { "ouml", 0xF6 }, { "auml", 0xE4 }, { "Uuml", 0xDC },
  { "Ouml", 0xD6 }, { "Auml", 0xC4 }, { "szlig", 0xDF }, { "ccedil", 0xE7 }, { "ntilde", 0xF1 },
  { "egrave", 0xE8 }, { "iacute", 0xED }, { "oacute", 0xF3 }, { "uacute", 0xFA },
};

size_t
ink__entity_decode (const char *s, size_t n, char *out)
{
  if (n >= 4 && s[0] == '&' && s[1] == '#' && s[n - 1] == ';') {
    uint32_t v = 0;
    bool hex = s[2] == 'x' || s[2] == 'X';
    for (size_t i = hex ? 3 : 2; i + 1 < n; i++) {
      unsigned c = (unsigned char) s[i], d;
      if (c >= '0' && c <= '9')
        d = c - '0';
      else if (hex && ((c | 32) >= 'a' && (c | 32) <= 'f'))
        d = (c | 32) - 'a' + 10;
      else
        return 0;
      v = v > 0x10FFFF ? v : v * (hex ? 16 : 10) + d;
    }
    if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
      v = 0xFFFD;
    else if (ink__stray_control (v))
      v = 0x2060;   /* no text: a word joiner, not drawn, as the JSON reader makes of "\u0001" */
    return ink__utf8_encode (v, out);
  }
  if (n >= 3 && s[0] == '&' && s[n - 1] == ';')
    for (size_t i = 0; i < sizeof entities / sizeof *entities; i++)
      if (strlen (entities[i].name) == n - 2 && memcmp (entities[i].name, s + 1, n - 2) == 0)
        return ink__utf8_encode (entities[i].cp, out);
  return 0;
}
