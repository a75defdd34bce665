/* text/wordcuts: where a word the patterns may not hyphenate is cut when it is wider than its
 * line (the emergency pass), with nothing added, and where no such cut goes.
 *   - A hashtag or handle ("#LandtagLiveTicker", "@inkset_news") is a name, never hyphenated:
 *     it is cut before a capital that follows a small letter, between its letters and its
 *     digits ("Juli|2026"), after '_' (ink__tag_points).
 *   - A figure (digits, with a decimal mark or a group separator between two of them) is cut
 *     inside only when it alone is wider than the line (ink__figure_end gives its extent;
 *     lib/para/items.c weighs it).
 * docs/linebreaking.md has the rules with those for addresses (lib/text/address.c).
 *
 *   if (ink__word_kind (w, len) == INK_WORD_TAG) n = ink__tag_points (w, len, points);
 */
#include "breaks.h"
#include "text.h"
#include "ucd.h"

static bool
is_lower (uint32_t cp)
{
  return ink__general_category (cp) == HB_UNICODE_GENERAL_CATEGORY_LOWERCASE_LETTER;
}

static bool
is_upper (uint32_t cp)
{
  hb_unicode_general_category_t gc = ink__general_category (cp);
  return gc == HB_UNICODE_GENERAL_CATEGORY_UPPERCASE_LETTER ||
         gc == HB_UNICODE_GENERAL_CATEGORY_TITLECASE_LETTER;
}

/**
 * ink__is_tag:
 * @w: one space-delimited word, UTF-8, with any opening bracket or quote taken off
 * @len: its length in bytes
 *
 * Return value: whether w is a hashtag or a handle: '#' or '@' and then a letter (so "#1"
 * and "@" alone are not), with no '@' after it (an e-mail address is an address).
 * Since: 0.2
 */
bool
ink__is_tag (const char *w, size_t len)
{
  if (len < 2 || (w[0] != '#' && w[0] != '@') || memchr (w + 1, '@', len - 1))
    return false;
  size_t pos = 1;
  uint32_t cp;
  return ink__utf8_next (w, len, &pos, &cp) && ink__is_letter (cp);
}

/* The syllables of each part of tag w between its points (1), as the patterns of lang find
 * them, marked 2 in points: where a part too wide for the line is cut ("genehmigungs" /
 * "zuständigkeits"), not at any letter. Returns how many. */
static size_t
part_syllables (ink__hyphenator_t *h, const char *lang, const char *w, size_t len,
                uint8_t *points)
{
  uint8_t part[256];
  size_t n = 0;
  for (size_t s = 1, e = 1; h && s < len; s = e) {
    for (e = s; e < len && !(e > s && points[e - 1] == 1); e++)
      ;
    size_t m = e - s;
    if (m > sizeof part || !ink__hyphenate (h, lang, w + s, m, 0, 0, 0, part))
      continue;
    for (size_t i = 0; i + 1 < m && i < sizeof part; i++)
      if (part[i] && !points[s + i]) {
        points[s + i] = 2;
        n++;
      }
  }
  return n;
}

/**
 * ink__tag_points:
 * @h: a hyphenator (nullable: no syllables)
 * @lang: BCP 47 tag of the text's language
 * @w: a hashtag or handle (ink__is_tag), UTF-8
 * @len: its length in bytes
 * @points: len bytes, written: 1 after a byte the tag may be cut after with nothing added,
 *   2 after one that ends a syllable of a part too long, else 0
 *
 * The places a name written as one word shows its own parts: before a capital after a small
 * letter ("Landtag|Live"), between a letter and a digit either way ("Juli|2026"), after an
 * underscore before a letter or digit ("inkset_|news"); and the syllables of those parts.
 *
 * Return value: the number of points.
 * Since: 0.2
 */
size_t
ink__tag_points (ink__hyphenator_t *h, const char *lang, const char *w, size_t len,
                 uint8_t *points)
{
  memset (points, 0, len);
  size_t n = 0, pos = 1;
  uint32_t prev = '#', cp;
  for (size_t at = pos; pos < len; prev = cp, at = pos) {
    if (!ink__utf8_next (w, len, &pos, &cp))
      return n;
    bool cut = (is_upper (cp) && is_lower (prev)) ||
               (ink__is_figure (cp) && ink__is_letter (prev)) ||
               (ink__is_letter (cp) && ink__is_figure (prev)) ||
               (prev == '_' && (ink__is_letter (cp) || ink__is_figure (cp)));
    if (cut && at > 1) {
      points[at - 1] = 1;
      n++;
    }
  }
  return n + part_syllables (h, lang, w, len, points);
}

/* Whether the code point at byte at of text continues a figure: a digit, or a mark a figure
 * holds between two digits (decimal mark, group separators: ',' '.' '\'' and the no-break,
 * narrow no-break and thin spaces). */
static bool
figure_mark (uint32_t cp)
{
  return cp == ',' || cp == '.' || cp == '\'' || cp == 0xA0 || cp == 0x202F || cp == 0x2009 ||
         cp == 0x066B || cp == 0x066C;   /* Arabic decimal and thousands separators */
}

/**
 * ink__figure_end:
 * @text: UTF-8
 * @len: its length in bytes
 * @at: a byte of text where a code point starts
 *
 * Return value: when a figure starts at at (a decimal digit of any script), the byte after
 * its end: its digits and the marks between two of them ("58 412", "1,412.5"); else at.
 * Since: 0.2
 */
size_t
ink__figure_end (const char *text, size_t len, size_t at)
{
  size_t pos = at, end = at;
  uint32_t cp;
  if (pos >= len || !ink__utf8_next (text, len, &pos, &cp) || !ink__is_figure (cp))
    return at;
  end = pos;
  while (pos < len && ink__utf8_next (text, len, &pos, &cp)) {
    if (ink__is_figure (cp)) {
      end = pos;
      continue;
    }
    size_t after = pos;
    uint32_t next;
    if (!figure_mark (cp) || after >= len || !ink__utf8_next (text, len, &after, &next) ||
        !ink__is_figure (next))
      break;
  }
  return end;
}
