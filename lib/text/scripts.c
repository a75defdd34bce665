/* text/scripts: the script policy table. One row per writing system that sets differently
 * from the default (spaces between words, justified at the spaces, hyphenated where the
 * language has patterns), and the code point ranges that give a character its row. Every
 * script range in lib/ is written here, and only here (tests/scripts.cmake checks).
 *
 * Sources: Unicode's Scripts.txt and Blocks.txt for the ranges; JIS X 4051 and CLREQ for
 * kinsoku and CJK spacing; Thai, Lao, Khmer and Myanmar newspapers, which fill a line by
 * spacing between clusters, never inside a phrase by a word-sized gap. */
#include "scripts.h"

#include "breaks.h"

#include <string.h>

enum {
  ROW_DEFAULT, ROW_LATIN, ROW_GREEK, ROW_CYRILLIC, ROW_HEBREW, ROW_ARABIC, ROW_SYRIAC, ROW_NKO,
  ROW_MANDAIC, ROW_MONGOLIAN, ROW_THAI, ROW_LAO, ROW_KHMER, ROW_MYANMAR, ROW_HAN, ROW_HIRAGANA,
  ROW_KATAKANA, ROW_BOPOMOFO, ROW_HANGUL
};

/* Scripts that fill a line between clusters take at most 1/16 em per gap; past that the line
 * is left short. At 1/8 em a Thai line without a phrase space read letter-spaced (a Thai
 * cluster is about half an em wide: a quarter of it again between each two). */
#define CLUSTER_GAP 4
/* CJK lines without spaces take at most 1/4 em between characters (the stretch the breaker
 * gives them); a looser line is left short. */
#define CJK_GAP 16

/* Letters that stand apart, words spaced and hyphenated. */
#define SPACED(sc, nm, cap, chain) \
  { .script = sc, .name = nm, .justify = INK_JUSTIFY_SPACES, .words = INK_WORDS_SPACE, \
    .hyphenate = true, .drop_cap = cap, .chain_first = chain }
/* Letters that join: never spaced apart, nor hyphenated here. */
#define JOINED(sc, nm, just) \
  { .script = sc, .name = nm, .justify = just, .words = INK_WORDS_SPACE, .joining = true, \
    .chain_first = true }
/* No word spaces: lines filled between clusters. */
#define CLUSTERED(sc, nm, w) \
  { .script = sc, .name = nm, .justify = INK_JUSTIFY_CLUSTERS, .words = w, .chain_first = true, \
    .gap_max_64em = CLUSTER_GAP }
#define CJK(sc, nm, w) \
  { .script = sc, .name = nm, .justify = INK_JUSTIFY_CJK, .words = w, .chain_first = true, \
    .gap_max_64em = CJK_GAP }

static const ink__script_info_t rows[] = {
  [ROW_DEFAULT] = SPACED (HB_SCRIPT_UNKNOWN, "default", false, true),
  /* Latin text takes the style's own face first, never a script's fallback chain. */
  [ROW_LATIN] = SPACED (HB_SCRIPT_LATIN, "Latin", true, false),
  [ROW_GREEK] = SPACED (HB_SCRIPT_GREEK, "Greek", true, true),
  [ROW_CYRILLIC] = SPACED (HB_SCRIPT_CYRILLIC, "Cyrillic", true, true),
  [ROW_HEBREW] = { .script = HB_SCRIPT_HEBREW, .name = "Hebrew", .justify = INK_JUSTIFY_SPACES,
                   .words = INK_WORDS_SPACE, .chain_first = true },
  [ROW_ARABIC] = JOINED (HB_SCRIPT_ARABIC, "Arabic", INK_JUSTIFY_KASHIDA),
  [ROW_SYRIAC] = JOINED (HB_SCRIPT_SYRIAC, "Syriac", INK_JUSTIFY_SPACES),
  [ROW_NKO] = JOINED (HB_SCRIPT_NKO, "N'Ko", INK_JUSTIFY_SPACES),
  [ROW_MANDAIC] = JOINED (HB_SCRIPT_MANDAIC, "Mandaic", INK_JUSTIFY_SPACES),
  [ROW_MONGOLIAN] = JOINED (HB_SCRIPT_MONGOLIAN, "Mongolian", INK_JUSTIFY_SPACES),
  [ROW_THAI] = CLUSTERED (HB_SCRIPT_THAI, "Thai", INK_WORDS_DICTIONARY),
  [ROW_LAO] = CLUSTERED (HB_SCRIPT_LAO, "Lao", INK_WORDS_ICU),
  [ROW_KHMER] = CLUSTERED (HB_SCRIPT_KHMER, "Khmer", INK_WORDS_ICU),
  [ROW_MYANMAR] = CLUSTERED (HB_SCRIPT_MYANMAR, "Myanmar", INK_WORDS_ICU),
  [ROW_HAN] = CJK (HB_SCRIPT_HAN, "Han", INK_WORDS_NONE),
  [ROW_HIRAGANA] = CJK (HB_SCRIPT_HIRAGANA, "Hiragana", INK_WORDS_NONE),
  [ROW_KATAKANA] = CJK (HB_SCRIPT_KATAKANA, "Katakana", INK_WORDS_NONE),
  [ROW_BOPOMOFO] = CJK (HB_SCRIPT_BOPOMOFO, "Bopomofo", INK_WORDS_NONE),
  [ROW_HANGUL] = CJK (HB_SCRIPT_HANGUL, "Hangul", INK_WORDS_SPACE),
};

/* Sorted, inclusive, each with its row. CJK symbols and punctuation and the fullwidth forms
 * are Common to Unicode but set as CJK. */
#define RANGES(R) \
  R (0x0590, 0x05FF, HEBREW) R (0x0600, 0x06FF, ARABIC) \
  R (0x0700, 0x074F, SYRIAC) R (0x0750, 0x077F, ARABIC) \
  R (0x07C0, 0x07FF, NKO) R (0x0840, 0x085F, MANDAIC) \
  R (0x0860, 0x086F, SYRIAC) R (0x0870, 0x08FF, ARABIC) \
  R (0x0E00, 0x0E7F, THAI) R (0x0E80, 0x0EFF, LAO) \
  R (0x1000, 0x109F, MYANMAR) R (0x1780, 0x17FF, KHMER) \
  R (0x1800, 0x18AF, MONGOLIAN) R (0x19E0, 0x19FF, KHMER) \
  R (0x2E80, 0x303F, HAN) R (0x3040, 0x309F, HIRAGANA) \
  R (0x30A0, 0x30FF, KATAKANA) R (0x3100, 0x312F, BOPOMOFO) \
  R (0x3130, 0x318F, HANGUL) R (0x3190, 0x319F, HAN) \
  R (0x31A0, 0x31BF, BOPOMOFO) R (0x31C0, 0x31EF, HAN) \
  R (0x31F0, 0x31FF, KATAKANA) R (0x3200, 0x9FFF, HAN) \
  R (0xA9E0, 0xA9FF, MYANMAR) R (0xAA60, 0xAA7F, MYANMAR) \
  R (0xAC00, 0xD7AF, HANGUL) R (0xF900, 0xFAFF, HAN) \
  R (0xFB1D, 0xFB4F, HEBREW) R (0xFB50, 0xFDFF, ARABIC) \
  R (0xFE70, 0xFEFF, ARABIC) R (0xFF00, 0xFFEF, HAN) \
  R (0x20000, 0x3FFFF, HAN)

#define RANGE_BOUNDS(lo, hi, row) { lo, hi },
#define RANGE_ROW(lo, hi, row) ROW_##row,
static const ink__range_t ranges[] = { RANGES (RANGE_BOUNDS) };
static const uint8_t range_rows[] = { RANGES (RANGE_ROW) };

/* The letters libthai's dictionary knows: Thai as TIS-620 encodes it. */
static const ink__range_t dictionary[] = { { 0x0E01, 0x0E5B } };

/**
 * ink__script_info:
 * @script: a HarfBuzz script
 *
 * Return value: the table's row for @script, or its default row; never NULL, static.
 * Since: 0.3
 */
const ink__script_info_t *
ink__script_info (hb_script_t script)
{
  for (size_t i = 1; i < sizeof rows / sizeof *rows; i++)
    if (rows[i].script == script)
      return &rows[i];
  return &rows[ROW_DEFAULT];
}

/**
 * ink__script_of_cp:
 * @cp: a code point
 *
 * Return value: the row of @cp's range in the table, else of its Unicode script; never NULL.
 * Since: 0.3
 */
const ink__script_info_t *
ink__script_of_cp (uint32_t cp)
{
  /* ASCII, most of a Latin text: its letters are Latin, the rest Common (the default row). */
  if (cp < 0x80)
    return &rows[((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') ? ROW_LATIN : ROW_DEFAULT];
  size_t i = ink__range_index (ranges, sizeof ranges / sizeof *ranges, cp);
  if (i != SIZE_MAX)
    return &rows[range_rows[i]];
  return ink__script_info (hb_unicode_script (hb_unicode_funcs_get_default (), cp));
}

/* Thai and Lao vowels written before the consonant they follow in speech
 * (Logical_Order_Exception): they belong with the cluster after them. */
static const ink__range_t prevowels[] = { { 0x0E40, 0x0E44 }, { 0x0EC0, 0x0EC4 } };

/**
 * ink__script_binds_next:
 * @cp: a code point
 *
 * Return value: true when @cp is written before the consonant it follows in speech (Thai and
 * Lao prevowels), so that no spacing goes between it and the cluster after it.
 * Since: 0.3
 */
bool
ink__script_binds_next (uint32_t cp)
{
  return IN (prevowels, cp);
}

/* Hebrew letters, and the points and cantillation marks written on them. */
static const ink__range_t hebrew_letters[] = { { 0x05D0, 0x05EA } };
static const ink__range_t hebrew_points[] = { { 0x0591, 0x05BD }, { 0x05BF, 0x05BF },
                                               { 0x05C1, 0x05C2 }, { 0x05C4, 0x05C5 },
                                               { 0x05C7, 0x05C7 } };

/**
 * ink__script_hebrew_letter:
 * @cp: a code point
 *
 * Return value: true when @cp is a Hebrew letter, one that a prefix joined by a maqaf is
 * made of (lib/text/breaks.c).
 * Since: 0.4
 */
bool
ink__script_hebrew_letter (uint32_t cp)
{
  return IN (hebrew_letters, cp);
}

/**
 * ink__script_hebrew_point:
 * @cp: a code point
 *
 * Return value: true when @cp is a Hebrew point or cantillation mark, written on a letter.
 * Since: 0.4
 */
bool
ink__script_hebrew_point (uint32_t cp)
{
  return IN (hebrew_points, cp);
}

/**
 * ink__script_in_dictionary:
 * @cp: a code point
 *
 * Return value: true when @cp is a letter of a script whose words a dictionary finds
 * (INK_WORDS_DICTIONARY) and the dictionary can take it.
 * Since: 0.3
 */
bool
ink__script_in_dictionary (uint32_t cp)
{
  return IN (dictionary, cp);
}

/* Kinsoku shori, JIS X 4051 style: characters that may not start a line. */
static const ink__range_t no_start[] = {
  {0x2025, 0x2026}, /* ‥ … */
  {0x3001, 0x3002}, /* 、。 */
  {0x3005, 0x3005}, /* 々 */
  {0x3009, 0x3009}, {0x300B, 0x300B}, {0x300D, 0x300D}, {0x300F, 0x300F},
  {0x3011, 0x3011}, {0x3015, 0x3015}, {0x3017, 0x3017}, {0x3019, 0x3019},
  {0x301B, 0x301B}, {0x303B, 0x303B},
  {0x3041, 0x3041}, {0x3043, 0x3043}, {0x3045, 0x3045}, {0x3047, 0x3047},
  {0x3049, 0x3049}, {0x3063, 0x3063}, {0x3083, 0x3083}, {0x3085, 0x3085},
  {0x3087, 0x3087}, {0x308E, 0x308E}, {0x3095, 0x3096}, /* small hiragana */
  {0x309D, 0x309E}, /* ゝゞ */
  {0x30A0, 0x30A1}, {0x30A3, 0x30A3}, {0x30A5, 0x30A5}, {0x30A7, 0x30A7},
  {0x30A9, 0x30A9}, {0x30C3, 0x30C3}, {0x30E3, 0x30E3}, {0x30E5, 0x30E5},
  {0x30E7, 0x30E7}, {0x30EE, 0x30EE}, {0x30F5, 0x30F6}, /* small katakana */
  {0x30FB, 0x30FC}, /* ・ー */
  {0x30FD, 0x30FE}, /* ヽヾ */
  {0x31F0, 0x31FF}, /* small katakana for Ainu */
  {0xFF01, 0xFF01}, {0xFF09, 0xFF09}, {0xFF0C, 0xFF0C}, {0xFF0E, 0xFF0E},
  {0xFF1A, 0xFF1B}, {0xFF1F, 0xFF1F}, {0xFF3D, 0xFF3D}, {0xFF5D, 0xFF5D},
  {0xFF61, 0xFF61}, {0xFF63, 0xFF64}, {0xFF67, 0xFF70}, /* halfwidth forms */
};

/* Characters that may not end a line. */
static const ink__range_t no_end[] = {
  {0x3008, 0x3008}, {0x300A, 0x300A}, {0x300C, 0x300C}, {0x300E, 0x300E},
  {0x3010, 0x3010}, {0x3014, 0x3014}, {0x3016, 0x3016}, {0x3018, 0x3018},
  {0x301A, 0x301A}, {0xFF08, 0xFF08}, {0xFF3B, 0xFF3B}, {0xFF5B, 0xFF5B},
  {0xFF62, 0xFF62},
};

/* Fullwidth brackets and the ideographic comma and stops; halfwidth forms are left alone.
 * Quotation marks count where the face sets them full width (Chinese); where it sets them
 * proportional (Japanese, Latin), its halt feature has no narrower form and nothing moves. */
static const ink__range_t opening[] = {
  {0x2018, 0x2018}, {0x201C, 0x201C},                                     /* ‘“ */
  {0x3008, 0x3008}, {0x300A, 0x300A}, {0x300C, 0x300C}, {0x300E, 0x300E}, /* 〈《「『 */
  {0x3010, 0x3010}, {0x3014, 0x3014}, {0x3016, 0x3016}, {0x3018, 0x3018}, /* 【〔〖〘 */
  {0x301A, 0x301A}, {0x301D, 0x301D}, {0xFF08, 0xFF08}, {0xFF3B, 0xFF3B}, /* 〚〝（［ */
  {0xFF5B, 0xFF5B}, {0xFF5F, 0xFF5F},                                     /* ｛｟ */
};

static const ink__range_t closing[] = {
  {0x2019, 0x2019}, {0x201D, 0x201D},                                     /* ’” */
  {0x3001, 0x3002}, {0x3009, 0x3009}, {0x300B, 0x300B}, {0x300D, 0x300D}, /* 、。〉》」 */
  {0x300F, 0x300F}, {0x3011, 0x3011}, {0x3015, 0x3015}, {0x3017, 0x3017}, /* 』】〕〗 */
  {0x3019, 0x3019}, {0x301B, 0x301B}, {0x301E, 0x301F}, {0xFF09, 0xFF09}, /* 〙〛〞〟） */
  {0xFF0C, 0xFF0C}, {0xFF0E, 0xFF0E}, {0xFF3D, 0xFF3D}, {0xFF5D, 0xFF5D}, /* ，．］｝ */
  {0xFF60, 0xFF60},                                                       /* ｠ */
};

/**
 * ink__script_cjk_punct:
 * @cp: a code point
 *
 * Return value: whether @cp is CJK opening or closing punctuation, which may be set half
 * width next to other punctuation (JIS X 4051) or at the start of a line.
 * Since: 0.3
 */
ink__cjk_punct_t
ink__script_cjk_punct (uint32_t cp)
{
  return IN (opening, cp) ? INK_CJK_PUNCT_OPENING
         : IN (closing, cp) ? INK_CJK_PUNCT_CLOSING : INK_CJK_PUNCT_NONE;
}

/**
 * ink__script_no_line_start:
 * @cp: a code point
 *
 * Return value: true when kinsoku shori keeps @cp from starting a line.
 * Since: 0.3
 */
bool
ink__script_no_line_start (uint32_t cp)
{
  return IN (no_start, cp);
}

/**
 * ink__script_no_line_end:
 * @cp: a code point
 *
 * Return value: true when kinsoku shori keeps @cp from ending a line.
 * Since: 0.3
 */
bool
ink__script_no_line_end (uint32_t cp)
{
  return IN (no_end, cp);
}

/* Whether cp is a space or punctuation that does not open: a line may end after it. */
static bool
ends_phrase (uint32_t cp)
{
  hb_unicode_general_category_t gc = hb_unicode_general_category (hb_unicode_funcs_get_default (), cp);
  switch (gc) {
  case HB_UNICODE_GENERAL_CATEGORY_SPACE_SEPARATOR:
  case HB_UNICODE_GENERAL_CATEGORY_CLOSE_PUNCTUATION:
  case HB_UNICODE_GENERAL_CATEGORY_FINAL_PUNCTUATION:
  case HB_UNICODE_GENERAL_CATEGORY_OTHER_PUNCTUATION:
  case HB_UNICODE_GENERAL_CATEGORY_DASH_PUNCTUATION:
    return true;
  default:
    return ink__script_cjk_punct (cp) == INK_CJK_PUNCT_CLOSING;
  }
}

/* Whether cp is katakana, its prolonged sound mark (of script Common) or a half-width one. */
static bool
katakana (uint32_t cp)
{
  return (cp >= 0x30A1 && cp <= 0x30FA) || cp == 0x30FC || (cp >= 0x31F0 && cp <= 0x31FF) ||
         (cp >= 0xFF66 && cp <= 0xFF9F);
}

/* Chinese has no dictionary here, but a few characters open a phrase (a conjunction, a
 * preposition, the ordinal prefix: "噪声|和拆迁", "汉阳|至武昌", "上|第十二座") unless the
 * character before makes a word with them ("温和", "参与", "甚至", "现在"), and the particle 的
 * closes one ("居民的|期待", not "的|确"). Each row: the character, then those it is the
 * second of a word after. */
static const struct {
  uint32_t cp;
  const char *after;
} han_openers[] = {
  { 0x548C, "温总缓平调柔共讲饱昭" },   /* 和 */
  { 0x4E0E, "参给赋授" },               /* 与 */
  { 0x53CA, "以普涉危来不论波" },       /* 及 */
  { 0x65E2, "" },                       /* 既 */
  { 0x53C8, "" },                       /* 又 */
  { 0x5E76, "合兼吞归" },               /* 并 */
  { 0x4F46, "不" },                     /* 但 */
  { 0x81F3, "甚以乃截冬夏直及" },       /* 至 */
  { 0x5728, "现存实正所自健潜内外好" }, /* 在 */
  { 0x7B2C, "次宅及" },                 /* 第 */
};

/* Whether the UTF-8 string s holds cp. */
static bool
holds_cp (const char *s, uint32_t cp)
{
  size_t len = strlen (s);
  uint32_t c;
  for (size_t pos = 0; pos < len && ink__utf8_next (s, len, &pos, &c);)
    if (c == cp)
      return true;
  return false;
}

/* Han numerals, as Chinese and Japanese write numbers in heads ("十二座", "一百二十亿", "二基"). */
bool
ink__script_han_numeral (uint32_t cp)
{
  static const uint32_t n[] = { 0x3007, 0x4E00, 0x4E03, 0x4E07, 0x4E09, 0x4E24, 0x4E5D,
                                0x4E8C, 0x4E94, 0x4EBF, 0x516B, 0x516D, 0x5169, 0x5341,
                                0x5343, 0x56DB, 0x5EFF, 0x5104, 0x767E, 0x842C, 0x96F6 };
  if (cp < 0x3007 || cp > 0x96F6)
    return false;   /* every letter of a Latin text: not worth the search */
  for (size_t i = 0; i < sizeof n / sizeof *n; i++)
    if (n[i] == cp)
      return true;
  return false;
}

/* Measure words that end a number's phrase ("十二座|大桥", "一个|小时", "2017年|开工"). */
static const char MEASURES[] = "座个条名位家辆次年月日天岁米元人种项所台架只本张件层户套倍";

/* Measure words of two characters, each pair written one after the other ("十三号线|今日",
 * "四十二公里|设"): a number's phrase ends after the second, not between them. */
static const char MEASURES2[] = "号线公里分钟小时万元亿元";

/* Whether the UTF-8 string of pairs s holds the pair a, b. */
static bool
holds_pair (const char *s, uint32_t a, uint32_t b)
{
  size_t len = strlen (s);
  uint32_t c, d;
  for (size_t pos = 0; pos < len && ink__utf8_next (s, len, &pos, &c) &&
                       ink__utf8_next (s, len, &pos, &d);)
    if (c == a && d == b)
      return true;
  return false;
}

/* Whether cp is a digit, Han or ASCII. */
static bool
numeral (uint32_t cp)
{
  return ink__script_han_numeral (cp) || (cp >= '0' && cp <= '9');
}

/* Whether a number's phrase begins or ends between before and after: before a number
 * ("缩短|二十分钟"; a lone 一 is as often a word's, "统|一"), after a number and its measure
 * word ("十二座|大桥", "十三号线|今日"). prev2 and prev are the two characters before before,
 * next the one after after. */
static bool
number_phrase (uint32_t prev2, uint32_t prev, uint32_t before, uint32_t after, uint32_t next)
{
  if (numeral (prev2) && holds_pair (MEASURES2, prev, before))
    return !ink__script_han_numeral (after);
  if (numeral (prev) && !ink__script_han_numeral (before) && holds_cp (MEASURES, before) &&
      !holds_pair (MEASURES2, before, after))
    return !ink__script_han_numeral (after);
  return ink__script_han_numeral (after) && !ink__script_han_numeral (before) &&
         before != 0x7B2C && (after != 0x4E00 || ink__script_han_numeral (next));
}

/* Between two ideographs, whether a Chinese phrase ends: after 的, before one of han_openers. */
static bool
han_phrase_break (uint32_t before, uint32_t after)
{
  if (before == 0x7684)   /* 的 */
    return after != 0x786E;   /* 的确 */
  for (size_t i = 0; i < sizeof han_openers / sizeof *han_openers; i++)
    if (han_openers[i].cp == after)
      return !holds_cp (han_openers[i].after, before);
  return false;
}

/* The honorific prefixes お and ご, written in hiragana before the word they honour
 * ("お|客さん"). */
static bool
honorific (uint32_t cp)
{
  return cp == 0x304A || cp == 0x3054;
}

/**
 * ink__script_phrase_break:
 * @before: the code point a line would end with
 * @after: the one the next line would start with
 *
 * Where a head in a script without word spaces breaks well: between two phrases, not inside
 * a word. A break after a space or punctuation, before an opening bracket or a space, between
 * two characters of scripts with word spaces, after hiragana (a Japanese particle or
 * ending, not the honorific お or ご) before a character that is not hiragana ("対策で|路線"),
 * or between a katakana word and an ideograph ("自動運転|トラック"); not between two
 * ideographs ("路|線"; ink__script_head_break guesses where a Chinese phrase ends), inside a
 * katakana word ("ト|ラック"), before hiragana ("短縮|へ", "トラック|の"),
 * after an honorific ("お|客さん"), between a number and its unit ("11.5|万") or between
 * letters of a dictionary script (Thai).
 *
 * Return value: true when a line may end between @before and @after as a head's does.
 * Since: 0.4
 */
bool
ink__script_phrase_break (uint32_t before, uint32_t after)
{
  if (ends_phrase (before) || ink__script_cjk_punct (after) == INK_CJK_PUNCT_OPENING ||
      hb_unicode_general_category (hb_unicode_funcs_get_default (), after) ==
        HB_UNICODE_GENERAL_CATEGORY_SPACE_SEPARATOR)
    return true;
  const ink__script_info_t *a = ink__script_of_cp (before), *b = ink__script_of_cp (after);
  if (a->words == INK_WORDS_SPACE && b->words == INK_WORDS_SPACE)
    return true;
  if ((katakana (before) && b->script == HB_SCRIPT_HAN) ||
      (a->script == HB_SCRIPT_HAN && katakana (after)))
    return true;
  return a->script == HB_SCRIPT_HIRAGANA && b->script != HB_SCRIPT_HIRAGANA && !honorific (before);
}

/* Whether cp is a letter of a script without word spaces or a dictionary (Han, kana). */
static bool
unspaced_letter (uint32_t cp)
{
  return ink__script_of_cp (cp)->words == INK_WORDS_NONE &&
         ink__script_cjk_punct (cp) == INK_CJK_PUNCT_NONE && !ends_phrase (cp);
}

/* The code point that ends before byte at of text, or 0 at its start. */
static uint32_t
cp_ending (const char *text, size_t at, size_t *start)
{
  size_t b = at;
  uint32_t cp = 0;
  while (b > 0 && ((unsigned char) text[b - 1] & 0xC0) == 0x80)
    b--;
  if (b > 0)
    b--;
  *start = b;
  size_t p = b;
  return at > 0 && ink__utf8_next (text, at, &p, &cp) ? cp : 0;
}

/* Whether prev and cp end a Japanese phrase on a pair of particles ("にぎわうのは|うれしい",
 * "駅では|ない"): の, に, で, と or て, then は, が, を or も. After one hiragana alone a break
 * before more hiragana cannot be told from one inside a word ("うれ|しい"). */
static bool
particle_pair (uint32_t prev, uint32_t cp)
{
  static const char first[] = "のにでとて", second[] = "はがをも";
  return holds_cp (first, prev) && holds_cp (second, cp);
}

/**
 * ink__script_head_break:
 * @text: valid UTF-8
 * @len: its length in bytes
 * @at: a byte offset inside it, where a line would end
 *
 * How well a head breaks at @at: between phrases (ink__script_phrase_break); between phrases
 * by a guess, with no dictionary to tell (before a Chinese conjunction or preposition, after
 * 的, before a number or after its measure word, after a pair of Japanese particles: "噪声|
 * 和拆迁", "缩短|二十分钟", "十二座|大桥", "のは|うれしい"); inside a word; or
 * inside a word, leaving one character of a script without word spaces alone between the
 * break and the punctuation before or after it ("通车，汉|阳至武昌", "沿线居|民，").
 *
 * Return value: the grade, from INK_HEAD_BREAK_PHRASE, the best, to INK_HEAD_BREAK_ALONE.
 * Since: 0.4
 */
ink__head_break_t
ink__script_head_break (const char *text, size_t len, size_t at)
{
  size_t b, b2, a = at;
  uint32_t before = cp_ending (text, at, &b), after, after2 = 0;
  if (at == 0 || at >= len || !ink__utf8_next (text, len, &a, &after))
    return INK_HEAD_BREAK_PHRASE;
  size_t b3;
  uint32_t before2 = b > 0 ? cp_ending (text, b, &b2) : 0;
  uint32_t before3 = before2 && b2 > 0 ? cp_ending (text, b2, &b3) : 0;
  if (a < len)
    ink__utf8_next (text, len, &a, &after2);
  bool alone = (unspaced_letter (before) && before2 && ends_phrase (before2)) ||
               (unspaced_letter (after) && after2 &&
                ink__script_cjk_punct (after2) == INK_CJK_PUNCT_CLOSING);
  bool han = ink__script_of_cp (before)->script == HB_SCRIPT_HAN &&
             ink__script_of_cp (after)->script == HB_SCRIPT_HAN;
  ink__head_break_t g = ink__script_phrase_break (before, after) ? INK_HEAD_BREAK_PHRASE
                        : (han && (han_phrase_break (before, after) ||
                                   number_phrase (before3, before2, before, after, after2))) ||
                              particle_pair (before2, before)
                          ? INK_HEAD_BREAK_GUESSED
                          : INK_HEAD_BREAK_WORD;
  if (alone)
    g = g == INK_HEAD_BREAK_WORD ? INK_HEAD_BREAK_ALONE : INK_HEAD_BREAK_WORD;
  return g;
}

/* Arabic joining: dual-joining letters connect on both sides, right-joining ones only to
 * the letter before them. A kashida may go between a dual-joining letter and any joining
 * letter after it. */
bool
ink__arabic_dual_joining (uint32_t c)
{
  return c == 0x0626 || c == 0x0628 || (c >= 0x062A && c <= 0x062E) ||
         (c >= 0x0633 && c <= 0x063A) || (c >= 0x0641 && c <= 0x0647) || c == 0x0649 || c == 0x064A || c == 0x066E || c == 0x066F ||
         (c >= 0x0678 && c <= 0x0687) || (c >= 0x069A && c <= 0x06BF) || c == 0x06C1 || c == 0x06C2 ||
         c == 0x06CC || c == 0x06CE || c == 0x06D0 || c == 0x06D1 || (c >= 0x06FA && c <= 0x06FC);
}

bool
ink__arabic_right_joining (uint32_t c)
{
  return (c >= 0x0622 && c <= 0x0625) || c == 0x0627 || c == 0x0629 || (c >= 0x062F && c <= 0x0632) ||
         c == 0x0648 || (c >= 0x0671 && c <= 0x0673) || (c >= 0x0675 && c <= 0x0677) ||
         (c >= 0x0688 && c <= 0x0699) || c == 0x06C0 || (c >= 0x06C3 && c <= 0x06CB) || c == 0x06CD ||
         c == 0x06CF || c == 0x06D2 || c == 0x06D3;
}

bool
ink__arabic_mark (uint32_t c)
{
  return (c >= 0x064B && c <= 0x065F) || c == 0x0670 || (c >= 0x06D6 && c <= 0x06ED);
}
