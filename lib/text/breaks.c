/* text/breaks: line break opportunities.
 *
 * Line breaks are UAX #14 as libunibreak computes them (guarded in lib/text/uax14.c), then
 * tailorings in this order: web and e-mail addresses (lib/text/address.c),
 * Thai words from libthai's dictionary (libunibreak leaves class SA text unbroken), Lao,
 * Khmer and Myanmar words from ICU's dictionaries (lib/text/icuwords.c), Korean words kept
 * with their numbers and particles, Polish, Czech and Slovak one-letter words, spaced
 * dashes, a hyphen after a word's one first letter, numbers kept with their units and
 * digit groups, Hebrew prefixes kept on their maqaf, kinsoku
 * shori (no line starts with closing punctuation, small kana or iteration marks, none ends
 * with opening brackets), and a mandatory break at the end of the text.
 *
 *   uint8_t brks[len];
 *   if (ink__breaks (ctx, text, len, "ja", brks) == INK_OK)
 *     ... brks[i] == INK_BRK_ALLOW: a line may end after byte i ...
 *
 * Which characters each tailoring concerns is in the script table (lib/text/scripts.c).
 * Grapheme clusters are in lib/text/graphemes.c. */
#include "breaks.h"
#include "digits.h"
#include "dynlib.h"
#include "scripts.h"
#include "text.h"
#include "thai.h"

size_t
ink__range_index (const ink__range_t *r, size_t n, uint32_t cp)
{
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (cp < r[mid].lo)
      hi = mid;
    else if (cp > r[mid].hi)
      lo = mid + 1;
    else
      return mid;
  }
  return SIZE_MAX;
}

/* Byte offset just past the code point that starts at pos. */
static size_t
cp_end (const char *text, size_t len, size_t pos, uint32_t *cp)
{
  ink__utf8_next (text, len, &pos, cp);
  return pos;
}

/* Thai: libthai's dictionary finds word boundaries inside runs of Thai letters. */
static ink_status_t
thai_words (ink_context_t *ctx, const char *text, size_t len, uint8_t *brks)
{
  char why[INK_DYNLIB_WHY];
  if (!ink__thai_load (why, sizeof why)) {
    ink__log (ctx, INK_LOG_WARNING, "libthai cannot be loaded (%s): Thai breaks at spaces only",
              why);
    return INK_OK;
  }
  ThBrk *brk = NULL;
  size_t pos = 0;
  ink_status_t st = INK_OK;
  while (pos < len && st == INK_OK) {
    uint32_t cp;
    size_t start = pos, end = cp_end (text, len, pos, &cp);
    thchar_t tc = ink__script_in_dictionary (cp) ? th_uni2tis (cp) : THCHAR_ERR;
    pos = end;
    if (tc == THCHAR_ERR || tc == 0)
      continue;
    /* Measure the run of TIS-620-mappable Thai characters that starts here. */
    size_t nch = 1, run_end = end;
    while (run_end < len) {
      size_t e = cp_end (text, len, run_end, &cp);
      if (!ink__script_in_dictionary (cp) || th_uni2tis (cp) == THCHAR_ERR)
        break;
      run_end = e;
      nch++;
    }
    pos = run_end;
    if (nch < 2 || nch > (size_t) INT32_MAX / 2)
      continue;
    if (!brk) {
      brk = th_brk_new (NULL);
      if (!brk) {
        ink__log (ctx, INK_LOG_WARNING, "libthai dictionary not found: Thai breaks at spaces only");
        return INK_OK;
      }
    }
    thchar_t *tis = ink__realloc_array (ctx, NULL, 0, nch + 1, sizeof *tis);
    size_t *ends = ink__realloc_array (ctx, NULL, 0, nch, sizeof *ends);
    int *found = ink__realloc_array (ctx, NULL, 0, nch, sizeof *found);
    if (tis && ends && found) {
      size_t p = start;
      for (size_t k = 0; k < nch; k++) {
        p = cp_end (text, len, p, &cp);
        tis[k] = th_uni2tis (cp);
        ends[k] = p - 1;
      }
      tis[nch] = 0;
      int nf = th_brk_find_breaks (brk, tis, found, nch);
      for (int k = 0; k < nf; k++) {
        /* found[k] is the index of the character a new word starts with. */
        if (found[k] > 0 && (size_t) found[k] < nch && brks[ends[found[k] - 1]] == INK_BRK_NO)
          brks[ends[found[k] - 1]] = INK_BRK_ALLOW;
      }
    } else {
      st = ink__error (ctx, INK_NO_MEMORY, "out of memory breaking Thai text");
    }
    ink__free (ctx, tis, tis ? (nch + 1) * sizeof *tis : 0);
    ink__free (ctx, ends, ends ? nch * sizeof *ends : 0);
    ink__free (ctx, found, found ? nch * sizeof *found : 0);
  }
  if (brk)
    th_brk_delete (brk);
  return st;
}

/* A Thai word is never one letter (ณ, "at", aside): where libthai's dictionary does not
 * know a word (a name: "มาหยา", Maya), it parts it into pieces as short as one letter
 * ("มา|ห|ยา"). Such a letter keeps the letters on both sides. */
static void
thai_lone_letters (const char *text, size_t len, uint8_t *brks)
{
  uint32_t prev = 0, cp, next;
  for (size_t pos = 0; pos < len;) {
    size_t at = pos;
    ink__utf8_next (text, len, &pos, &cp);
    size_t end = pos;
    bool lone = at > 0 && end < len && brks[at - 1] == INK_BRK_ALLOW &&
                brks[end - 1] == INK_BRK_ALLOW && cp != 0x0E13 && ink__is_word_letter (cp) &&
                ink__script_in_dictionary (cp) && ink__script_in_dictionary (prev) &&
                ink__utf8_next (text, len, &end, &next) && ink__script_in_dictionary (next);
    if (lone)
      brks[at - 1] = brks[pos - 1] = INK_BRK_NO;
    prev = cp;
  }
}

/**
 * ink__kinsoku_holds:
 * @prev: a code point
 * @cp: the code point after it
 *
 * Return value: true when kinsoku shori forbids a line break between @prev and @cp:
 * @cp may not start a line or @prev may not end one.
 * Since: 0.2
 */
bool
ink__kinsoku_holds (uint32_t prev, uint32_t cp)
{
  return ink__script_no_line_start (cp) || ink__script_no_line_end (prev);
}

/* Letters of a Hebrew prefix at most (ו, ה, ב, כ, ל, מ, ש and their combinations). */
enum { MAQAF_PREFIX_MAX = 3, MAQAF = 0x05be };

/* Hebrew joins a prefix to a number or a foreign word with a maqaf ("מ־NASA", "ב־2024"):
 * UAX #14 (libunibreak) lets a line break after it there, which leaves the prefix alone at
 * a line's end; papers keep the two together. After a whole word ("ישראל־2024") the maqaf
 * still lets the line break. */
static void
maqaf_prefixes (const char *text, size_t len, uint8_t *brks)
{
  size_t letters = 0;
  bool word_start = true;   /* the letters counted began a word */
  for (size_t pos = 0; pos < len;) {
    uint32_t cp;
    pos = cp_end (text, len, pos, &cp);
    if (ink__script_hebrew_letter (cp)) {
      letters++;
    } else if (ink__script_hebrew_point (cp)) {
      continue;   /* a point or cantillation mark on the letter */
    } else {
      if (cp == MAQAF && letters > 0 && letters <= MAQAF_PREFIX_MAX && word_start &&
          brks[pos - 1] == INK_BRK_ALLOW)
        brks[pos - 1] = INK_BRK_NO;
      word_start = cp == ' ' || cp == 0x00a0 || cp == '\n' || cp == '(' || cp == '"';
      letters = 0;
    }
  }
}

/* Whether lang's primary subtag is one of the NULL-ended list. */
static bool
lang_in (const char *lang, const char *const *list)
{
  for (; lang && *list; list++)
    if (ink__lang_match (lang, *list))
      return true;
  return false;
}

/* Polish, Czech and Slovak papers never end a line on a one-letter word (a preposition or
 * conjunction: "w", "z", "i", "a", "o", "u", "k", "s", "v"): the line breaks before it, as
 * TeX's tie after it would. */
static void
one_letter_words (const char *text, size_t len, const char *lang, uint8_t *brks)
{
  static const char *const langs[] = { "pl", "cs", "sk", NULL };
  if (!lang_in (lang, langs))
    return;
  uint32_t prev = ' ', cp;
  for (size_t pos = 0; pos + 1 < len;) {
    ink__utf8_next (text, len, &pos, &cp);
    if (ink__is_word_letter (cp) && (prev == ' ' || prev == '(' || prev == 0x201E) &&
        pos < len && text[pos] == ' ' && brks[pos] == INK_BRK_ALLOW)
      brks[pos] = INK_BRK_NO;
    prev = cp;
  }
}

/* A word that opens on one letter and a hyphen ("X-rays", "e-mail", "(K-Electric)") does not
 * break after that hyphen: a line ending on a letter and a hyphen reads as a misprint, and
 * the Chicago Manual and Bringhurst alike want at least two letters before a line's hyphen.
 * After two letters or more ("al-", "по-") the hyphen still lets the line break. */
static void
one_letter_prefixes (const char *text, size_t len, uint8_t *brks)
{
  uint32_t before = ' ', prev = ' ', cp;
  for (size_t pos = 0; pos < len;) {
    ink__utf8_next (text, len, &pos, &cp);
    bool opens = before == ' ' || before == 0x00a0 || before == '(' || before == '[' ||
                 before == '"' || before == 0x201C || before == 0x2018 || before == '\n';
    if ((cp == '-' || cp == 0x2010) && ink__is_word_letter (prev) && opens &&
        brks[pos - 1] == INK_BRK_ALLOW)
      brks[pos - 1] = INK_BRK_NO;
    before = prev;
    prev = cp;
  }
}

/* A dash between spaces stays at the end of the line with the word before it ("ввечері —",
 * "the port – and"), never starting the next: the line breaks after it, as the Chicago
 * Manual and Slavic papers alike set it. UAX #14 lets a line break after any space, so
 * before such a dash; a dash that opens the text or follows no space is left alone. */
static void
spaced_dashes (const char *text, size_t len, uint8_t *brks)
{
  uint32_t cp;
  for (size_t pos = 0; pos < len;) {
    size_t at = pos;
    ink__utf8_next (text, len, &pos, &cp);
    if ((cp == 0x2013 || cp == 0x2014) && at > 0 && text[at - 1] == ' ' && pos < len &&
        text[pos] == ' ' && brks[at - 1] == INK_BRK_ALLOW)
      brks[at - 1] = INK_BRK_NO;
  }
}

/* Languages whose numbers group their digits by threes with a space ("12 000", CLDR's group
 * separator for them is a space): a number typed with plain spaces stays on one line. */
static const char *const SPACE_GROUPED[] = { "fr", "pl", "cs", "sk", "ru", "uk", "bg", "sv",
                                             "nb", "nn", "no", "fi", "et", "lt", "lv", "hu",
                                             "pt", NULL };

/* Length of the run of ASCII digits at text[pos]. */
static size_t
digits_at (const char *text, size_t len, size_t pos)
{
  size_t n = 0;
  while (pos + n < len && text[pos + n] >= '0' && text[pos + n] <= '9')
    n++;
  return n;
}

/* No break inside a number of space-separated groups: a lead group of one to three digits
 * (after anything but a digit), then groups of three, each after one space ("3 000",
 * "1 250 000"; a year before a count, "2024 300", has a lead of four and stays apart). */
static void
digit_groups (const char *text, size_t len, const char *lang, uint8_t *brks)
{
  if (!lang_in (lang, SPACE_GROUPED))
    return;
  for (size_t pos = 0; pos < len;) {
    size_t lead = digits_at (text, len, pos);
    if (lead == 0) {
      pos++;
      continue;
    }
    size_t end = pos + lead;
    if (lead <= 3 && (pos == 0 || text[pos - 1] < '0' || text[pos - 1] > '9'))
      while (end < len && text[end] == ' ' && digits_at (text, len, end + 1) == 3) {
        if (brks[end] == INK_BRK_ALLOW)
          brks[end] = INK_BRK_NO;
        end += 4;
      }
    pos = end;
  }
}

/* Kinsoku shori over the opportunities, then the mandatory break at the end of the text. */
static void
kinsoku (const char *text, size_t len, uint8_t *brks)
{
  uint32_t prev = 0;
  size_t prev_end = 0;
  for (size_t pos = 0; pos < len;) {
    uint32_t cp;
    size_t start = pos;
    pos = cp_end (text, len, pos, &cp);
    if (start > 0 && brks[prev_end] == INK_BRK_ALLOW && ink__kinsoku_holds (prev, cp))
      brks[prev_end] = INK_BRK_NO;
    prev = cp;
    prev_end = pos - 1;
  }
  brks[len - 1] = INK_BRK_MUST;
}

/* Whether cp is a letter of a script whose words are spaced but whose lines UAX #14 breaks
 * between letters, as for ideographs: the policy table's CJK-justified rows with spaced
 * words (Hangul). */
static bool
spaced_cjk_letter (uint32_t cp)
{
  const ink__script_info_t *si = ink__script_of_cp (cp);
  return si->justify == INK_JUSTIFY_CJK && si->words == INK_WORDS_SPACE;
}

/* Whether cp belongs to the word a spaced CJK letter next to it is in: a letter, a mark, a
 * digit ("3년", "KTX를"), or, before such a letter, closing punctuation or a percent sign
 * ("(BRT)는", "30%를"): a particle never starts a line. */
static bool
word_part (uint32_t cp, bool before)
{
  if (ink__is_word_letter (cp))
    return true;
  switch (ink__general_category (cp)) {
  case HB_UNICODE_GENERAL_CATEGORY_DECIMAL_NUMBER:
  case HB_UNICODE_GENERAL_CATEGORY_OTHER_NUMBER:
    return true;
  case HB_UNICODE_GENERAL_CATEGORY_CLOSE_PUNCTUATION:
  case HB_UNICODE_GENERAL_CATEGORY_FINAL_PUNCTUATION:
    return before;
  default:
    return before && (cp == '%' || cp == 0x2030);
  }
}

/* Korean keeps a word of its letters whole with the digits, Latin letters or closing
 * punctuation it runs on into, whatever the alignment: a number is not cut from its unit
 * ("3 / 년", "12 / 일") nor a particle from its word ("(BRT) / 는", "KTX / 를"). Between two
 * of its own letters a justified line may still break (ink__keep_words bars that for ragged
 * lines). */
static void
korean_units (const char *text, size_t len, uint8_t *brks)
{
  uint32_t prev = 0, cp;
  for (size_t pos = 0; pos < len;) {
    size_t at = pos;
    ink__utf8_next (text, len, &pos, &cp);
    bool a = spaced_cjk_letter (prev), b = spaced_cjk_letter (cp);
    if (at > 0 && brks[at - 1] == INK_BRK_ALLOW && a != b &&
        (a ? word_part (cp, false) : word_part (prev, true)))
      brks[at - 1] = INK_BRK_NO;
    prev = cp;
  }
}

/**
 * ink__keep_words:
 * @text: valid UTF-8
 * @len: its length in bytes
 * @brks: ink__breaks's output for text, changed in place
 *
 * Korean papers break a justified column between syllables but a head, a deck or a pull
 * quote only between words: between two letters of such a script, a line may no longer
 * break; nor inside a number with its unit (ink__keep_numbers). The paragraph builder's
 * emergency pass still breaks a word longer than the line.
 */
void
ink__keep_words (const char *text, size_t len, uint8_t *brks)
{
  uint32_t prev = 0, cp;
  for (size_t pos = 0; pos < len;) {
    size_t at = pos;
    ink__utf8_next (text, len, &pos, &cp);
    if (at > 0 && brks[at - 1] == INK_BRK_ALLOW && spaced_cjk_letter (prev) &&
        spaced_cjk_letter (cp))
      brks[at - 1] = INK_BRK_NO;
    prev = cp;
  }
  ink__keep_numbers (text, len, brks);
}

/**
 * ink__breaks:
 * @ctx: a context
 * @text: UTF-8 text, one paragraph
 * @len: its length in bytes
 * @lang: BCP 47 language tag (nullable), passed to libunibreak for its tailorings
 * @brks: len bytes, written: INK_BRK_MUST, _ALLOW or _NO after the last byte of each code
 *        point, INK_BRK_INSIDE after the other bytes
 *
 * Kinsoku shori is applied whatever the language: the characters it concerns are only used
 * in Chinese and Japanese text. libthai's dictionary is loaded once per call that has Thai;
 * ICU's line breaker once per call that has Lao, Khmer or Myanmar (without ICU these break
 * only where UAX #14 allows, and the paragraph builder's emergency pass breaks at grapheme
 * clusters).
 *
 * Return value: INK_OK; INK_INVALID if the text is not valid UTF-8; INK_NO_MEMORY.
 * Since: 0.1
 */
ink_status_t
ink__breaks (ink_context_t *ctx, const char *text, size_t len, const char *lang, uint8_t *brks)
{
  if (len == 0)
    return INK_OK;
  if (!text || !brks)
    return ink__error (ctx, INK_INVALID, "ink__breaks: NULL text or output");
  uint32_t *cps = ink__realloc_array (ctx, NULL, 0, len, sizeof *cps);
  uint8_t *cbrks = ink__alloc (ctx, len);
  ink_status_t st = INK_OK;
  if (!cps || !cbrks) {
    st = ink__error (ctx, INK_NO_MEMORY, "out of memory finding line breaks");
    goto done;
  }
  size_t n = 0;
  bool thai = false;
  for (size_t pos = 0; pos < len; n++) {
    size_t at = pos;
    if (!ink__utf8_next (text, len, &pos, &cps[n])) {
      st = ink__error (ctx, INK_INVALID, "ink__breaks: invalid UTF-8 at byte %zu", at);
      goto done;
    }
    thai |= ink__script_in_dictionary (cps[n]);
  }
  st = ink__uax14 (ctx, cps, n, lang, cbrks);
  if (st != INK_OK)
    goto done;
  /* Per code point to per byte: the value goes after its last byte. */
  for (size_t pos = 0, k = 0; pos < len; k++) {
    size_t start = pos;
    ink__utf8_next (text, len, &pos, &cps[k]);
    memset (brks + start, INK_BRK_INSIDE, pos - start - 1);
    brks[pos - 1] = cbrks[k];
  }
  ink__address_breaks (text, len, brks);
  if (thai && (st = thai_words (ctx, text, len, brks)) == INK_OK)
    thai_lone_letters (text, len, brks);
  if (st == INK_OK && ink__icu_words_needed (text, len))
    st = ink__icu_words (ctx, text, len, brks);
  if (st == INK_OK) {
    korean_units (text, len, brks);
    one_letter_words (text, len, lang, brks);
    spaced_dashes (text, len, brks);
    one_letter_prefixes (text, len, brks);
    ink__unit_breaks (text, len, brks);
    digit_groups (text, len, lang, brks);
    maqaf_prefixes (text, len, brks);
    kinsoku (text, len, brks);
  }
done:
  ink__free (ctx, cps, cps ? len * sizeof *cps : 0);
  ink__free (ctx, cbrks, cbrks ? len : 0);
  return st;
}
