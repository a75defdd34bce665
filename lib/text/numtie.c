/* text/numtie: a number keeps the word it counts or that names it. A head, a deck or a pull
 * quote that ends a line on "day" and begins the next with "3", or ends on "15." and begins
 * with "децембра", makes the reader put the two together again; papers tie them. In a
 * display line (a head, a deck, a pull quote) the space between them is no break at all; in
 * running text, a list or a table's cell it is a break at a price (ink__number_tie,
 * lib/para/items.c), since a number there may stand at a line's end when the column is set
 * much better so.
 *
 *   ink__number_ties (text, len, brks);   // display lines: ties barred
 *   if (ink__number_tie (text, len, sp))  // elsewhere: the space at sp costs more
 *
 * Units and signs that never part from their number in any line ("12 km", "§ 12") are
 * lib/text/units.c's. */
#include "breaks.h"
#include "text.h"

/* What a space-delimited token is, as far as a tie asks. */
typedef struct {
  bool number;        /* figures, opening quotes or a currency sign before them, "%" after */
  bool closes;        /* a number that ends its phrase: punctuation after it ("3,", "2011.") */
  bool word;          /* begins with a letter */
  bool ends_letter;   /* a word whose last character is a letter (or a mark on one) */
  bool short_lower;   /* a small word of a cased script ("the", "of", "и"): what a number
                       * before it names rather than counts */
} token_t;

enum { SHORT_WORD = 3 };   /* letters in the longest small word */

/* Quotes, brackets and currency signs that may stand before a number or a word. */
static bool
opening (uint32_t cp)
{
  hb_unicode_general_category_t gc = ink__general_category (cp);
  return gc == HB_UNICODE_GENERAL_CATEGORY_OPEN_PUNCTUATION ||
         gc == HB_UNICODE_GENERAL_CATEGORY_INITIAL_PUNCTUATION ||
         gc == HB_UNICODE_GENERAL_CATEGORY_CURRENCY_SYMBOL || cp == '"' || cp == '\'';
}

/* Punctuation that may follow a number or a word and end its phrase. */
static bool
closing (uint32_t cp)
{
  hb_unicode_general_category_t gc = ink__general_category (cp);
  return gc == HB_UNICODE_GENERAL_CATEGORY_OTHER_PUNCTUATION ||
         gc == HB_UNICODE_GENERAL_CATEGORY_CLOSE_PUNCTUATION ||
         gc == HB_UNICODE_GENERAL_CATEGORY_FINAL_PUNCTUATION;
}

/* The number that starts at *pos: its figures, with a decimal mark or group separator
 * between two of them; returns how many figures it held. */
static size_t
figures (const char *text, size_t end, size_t *pos)
{
  size_t n = 0, at = *pos;
  uint32_t cp;
  while (at < end) {
    size_t next = at;
    ink__utf8_next (text, end, &next, &cp);
    if (ink__is_figure (cp)) {
      n++;
    } else if (cp == '.' || cp == ',' || cp == ':') {
      size_t after = next;
      uint32_t c2;
      if (after >= end || !ink__utf8_next (text, end, &after, &c2) || !ink__is_figure (c2))
        break;
    } else {
      break;
    }
    at = next;
  }
  *pos = at;
  return n;
}

/* What the rest of a number's token, [pos, end), makes of it: nothing or "%" (a plain
 * number), a full stop after one or two figures (a day or an ordinal: "15. децембра"), or
 * punctuation alone (it closes its phrase); anything else ("5G", "120টি") is no number. */
static void
number_suffix (const char *text, size_t pos, size_t end, size_t nfig, token_t *t)
{
  uint32_t cp;
  size_t at = pos;
  while (at < end && ink__utf8_next (text, end, &at, &cp) && (cp == '%' || cp == 0x2030))
    pos = at;
  if (pos == end) {
    t->number = true;
    return;
  }
  at = pos;
  ink__utf8_next (text, end, &at, &cp);
  if (cp == '.' && at == end && nfig <= 2) {
    t->number = true;
    return;
  }
  for (at = pos; at < end;) {
    ink__utf8_next (text, end, &at, &cp);
    if (!closing (cp))
      return;
  }
  t->number = t->closes = true;
}

static void
word_shape (const char *text, size_t pos, size_t end, uint32_t first, token_t *t)
{
  size_t letters = 0;
  bool only_letters = true;
  uint32_t cp = 0;
  t->word = true;
  for (size_t at = pos; at < end;) {
    ink__utf8_next (text, end, &at, &cp);
    if (ink__is_letter (cp))
      letters++;
    else if (!ink__is_word_letter (cp))
      only_letters = false;
  }
  t->ends_letter = ink__is_word_letter (cp);
  t->short_lower = only_letters && letters <= SHORT_WORD &&
                   ink__general_category (first) == HB_UNICODE_GENERAL_CATEGORY_LOWERCASE_LETTER;
}

static token_t
classify (const char *text, size_t a, size_t b)
{
  token_t t = { 0 };
  size_t pos = a, at = a;
  uint32_t cp = 0;
  while (at < b && ink__utf8_next (text, b, &at, &cp) && opening (cp))
    pos = at;
  if (pos == b)
    return t;
  if (ink__is_figure (cp)) {
    size_t nfig = figures (text, b, &pos);
    number_suffix (text, pos, b, nfig, &t);
  } else if (ink__is_letter (cp)) {
    word_shape (text, pos, b, cp, &t);
  }
  return t;
}

/* The start of the token that ends at byte end (exclusive): back to the space before it. */
static size_t
token_start (const char *text, size_t end)
{
  size_t a = end;
  while (a > 0 && text[a - 1] != ' ')
    a--;
  return a;
}

/* The end of the token that starts at byte a. */
static size_t
token_end (const char *text, size_t len, size_t a)
{
  while (a < len && text[a] != ' ')
    a++;
  return a;
}

/**
 * ink__number_tie:
 * @text: valid UTF-8
 * @len: its length in bytes
 * @sp: the byte of a space in text
 *
 * Whether the space at sp parts a number from the word it counts ("3 | weeks", "15. |
 * децембра", "15 | दिसंबर"; not one after a sign, "No. 4 | returns") or from the word it
 * names: a number that ends its phrase ("day | 3,", "in | 2011.", the text's last word) or
 * that a small word follows ("day | 3 the").
 *
 * Return value: true when a line should not break at sp.
 */
bool
ink__number_tie (const char *text, size_t len, size_t sp)
{
  if (sp == 0 || sp + 1 >= len || text[sp] != ' ' || text[sp + 1] == ' ')
    return false;
  size_t l_start = token_start (text, sp);
  token_t l = classify (text, l_start, sp);
  size_t r_end = token_end (text, len, sp + 1);
  token_t r = classify (text, sp + 1, r_end);
  /* After a sign ("No. 4 returns") the number names, and keeps the sign alone. */
  if (l.number && !l.closes && r.word)
    return !(l_start > 1 && ink__number_sign_before (text, l_start - 1));
  if (!l.word || !l.ends_letter || !r.number)
    return false;
  if (r.closes || r_end >= len)
    return true;
  /* "of 40 km" may part before the number, which keeps its unit. */
  return r_end + 1 < len && !ink__unit_at (text, len, r_end + 1) &&
         classify (text, r_end + 1, token_end (text, len, r_end + 1)).short_lower;
}

/**
 * ink__number_ties:
 * @text: valid UTF-8
 * @len: its length in bytes
 * @brks: ink__breaks's output for text, changed in place
 *
 * Bars a display line's break at every space ink__number_tie ties. The paragraph builder's
 * emergency pass still breaks a tied group wider than the line.
 */
void
ink__number_ties (const char *text, size_t len, uint8_t *brks)
{
  for (size_t sp = 1; sp + 1 < len; sp++)
    if (text[sp] == ' ' && brks[sp] == INK_BRK_ALLOW && ink__number_tie (text, len, sp))
      brks[sp] = INK_BRK_NO;
}
