/* text/units: a number keeps its unit. Newspapers tie "12 km", "40 %", "3,5 Mio. Euro" and
 * "§ 12" with a no-break space, so that a line, above all a narrow table cell's, never ends
 * on the number and begins the next with the unit. UAX #14 lets a line break at any space;
 * this takes the opportunity away between a number and a unit that follows it, and between
 * a section or number sign and the number after it; "7 h 30" stays whole, a Korean
 * number its counter ("천만 명") and its rest after a big unit ("1억 600만"), and a Thai
 * number its counter ("22 กิโลเมตร") and the ordinal or number word before it ("ระยะที่ 3").
 *
 *   ink__unit_breaks (text, len, brks);   // after UAX #14 (ink__breaks calls it)
 */
#include "breaks.h"

#include <string.h>

/* Units and currencies written after a number, as papers print them. A word here ends at a
 * space, at the end of the text or at punctuation that may follow it. */
static const char *const units[] = {
  "%", "\u2030", "\u00b0", "\u00b0C", "\u00b0F", "\u20ac", "$", "\u00a3", "\u00a5", "\u20b9",
  "km", "m", "cm", "mm", "km\u00b2", "m\u00b2", "m\u00b3", "ha", "kg", "g", "t", "l", "ml",
  "kWh", "MWh", "GWh", "kW", "MW", "GW", "h", "min", "km/h", "dB", "EUR", "USD",
  "Mio.", "Mrd.", "Tsd.", "Mio", "Mrd", "Euro", "Prozent", "Uhr", "Grad",
  "км", "м", "кг", "ч", "мин", "км/ч",   /* км м кг ч мин км/ч */
  NULL,
};

/* Signs written before a number: "§ 12", "Nr. 5", "No. 7", "№ 4", "бр. 4". */
static const char *const before[] = { "\u00a7", "Nr.", "No.", "\u2116", "br.",
                                      "\u0431\u0440.", NULL };

static bool
is_digit (char c)
{
  return c >= '0' && c <= '9';
}

/* Whether text[at..] begins with word, ending there (space, end, or punctuation after). */
static bool
word_at (const char *text, size_t len, size_t at, const char *word)
{
  size_t n = strlen (word);
  if (at + n > len || memcmp (text + at, word, n) != 0)
    return false;
  char c = at + n < len ? text[at + n] : ' ';
  return c == ' ' || c == ',' || c == ';' || c == ':' || c == '.' || c == '!' || c == '?' ||
         c == ')' || c == '"' || c == '\n';
}

static bool
listed (const char *text, size_t len, size_t at, const char *const *list)
{
  for (; *list; list++)
    if (word_at (text, len, at, *list))
      return true;
  return false;
}

/* Whether the word ending at end (exclusive) is one of list, preceded by a space or the
 * text's start. */
static bool
listed_before (const char *text, size_t end, const char *const *list)
{
  for (; *list; list++) {
    size_t n = strlen (*list);
    if (n <= end && memcmp (text + end - n, *list, n) == 0 &&
        (end == n || text[end - n - 1] == ' ' || text[end - n - 1] == '('))
      return true;
  }
  return false;
}

/* Whether text[at, len) begins with one of list (a counter: the rest of its word may follow). */
static bool
begins_with (const char *text, size_t len, size_t at, const char *const *list)
{
  for (; *list; list++) {
    size_t n = strlen (*list);
    if (at + n <= len && memcmp (text + at, *list, n) == 0)
      return true;
  }
  return false;
}

/* Korean writes a counter after a number with a space ("천만 명", "오 년", "3 개월"): the
 * number is digits or numeral syllables, the counter a word that begins the next one. */
static const char *const ko_numerals[] = { "일", "이", "삼", "사", "오", "육", "칠", "팔", "구",
                                           "십", "백", "천", "만", "억", "조", NULL };
static const char *const ko_counters[] = { "명", "개", "년", "월", "일", "원", "달러", "곳", "채",
                                           "배", "번", "가지", "대", "권", "층", "살", "시간",
                                           "분", "초", "주", "킬로", "미터", "퍼센트", "톤", NULL };

/* Whether a Hangul syllable (U+AC00 to U+D7A3, a lead byte 0xEA to 0xED) may begin at byte
 * at: every counter does, so a word that begins otherwise is none. */
static bool
hangul_at (const char *text, size_t len, size_t at)
{
  unsigned char c = at < len ? (unsigned char) text[at] : 0;
  return c >= 0xEA && c <= 0xED;
}

/* Whether text[0, end) ends on a whole word of digits and Korean numeral syllables. */
static bool
korean_number_before (const char *text, size_t end)
{
  size_t i = end;
  while (i > 0) {
    if (is_digit (text[i - 1]) || text[i - 1] == ',') {
      i--;
      continue;
    }
    const char *const *n = ko_numerals;
    while (*n && !(i >= 3 && memcmp (text + i - 3, *n, 3) == 0))
      n++;
    if (!*n)
      break;
    i -= 3;
  }
  return i < end && (i == 0 || text[i - 1] == ' ');
}

/* Whether a Korean number ends at end on one of its big units (십 to 조), after which the
 * rest of the number follows a space ("1억 600만", "3만 5천"). */
static bool
korean_big_unit_before (const char *text, size_t end)
{
  static const char *const big[] = { "십", "백", "천", "만", "억", "조", NULL };
  for (const char *const *b = big; *b; b++)
    if (end >= 3 && memcmp (text + end - 3, *b, 3) == 0)
      return korean_number_before (text, end);
  return false;
}

/* Thai writes a space between a number and the counter after it ("40,000 คน"), and
 * between an ordinal or number word and the number after it ("ระยะที่ 3", phase 3; "มาตรา
 * 12", section 12). With no space between them, the dictionary's words already hold. */
static const char *const th_counters[] = { "คน", "บาท", "กิโลเมตร", "เมตร", "กิโลกรัม", "ตัน",
                                           "แห่ง", "ครั้ง", "ชั่วโมง", "นาที", "วัน", "เดือน",
                                           "ปี", "เปอร์เซ็นต์", "ล้าน", "แสน", "หมื่น", "พัน",
                                           "ไร่", "คัน", "ลำ", "ราย", "หลัง", "เท่า", "ขบวน",
                                           "สาย", "เที่ยว", "ครอบครัว", NULL };
static const char *const th_markers[] = { "ที่", "หมายเลข", "มาตรา", "ข้อ", NULL };

/* Whether the three bytes at u are a Thai digit, U+0E50 to U+0E59. */
static bool
thai_digit (const unsigned char *u)
{
  return u[0] == 0xe0 && u[1] == 0xb9 && u[2] >= 0x90 && u[2] <= 0x99;
}

/* Whether a digit, ASCII or Thai, ends at byte end (exclusive) or begins at byte at. */
static bool
digit_ends (const char *text, size_t end)
{
  return (end >= 1 && is_digit (text[end - 1])) ||
         (end >= 3 && thai_digit ((const unsigned char *) text + end - 3));
}

static bool
digit_begins (const char *text, size_t len, size_t at)
{
  return (at < len && is_digit (text[at])) ||
         (at + 3 <= len && thai_digit ((const unsigned char *) text + at));
}

/* Whether text[0, end) ends with one of list (Thai runs its words together: no space needed
 * before it). */
static bool
ends_with (const char *text, size_t end, const char *const *list)
{
  for (; *list; list++) {
    size_t n = strlen (*list);
    if (n <= end && memcmp (text + end - n, *list, n) == 0)
      return true;
  }
  return false;
}

/* Thai number words, which run on into their counter with no space: the dictionary finds a
 * word in each ("สอง|เดือน", two months; "หลาย|ร้อยปี"), but they are read as one. */
static const char *const th_numbers[] = { "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด",
                                          "แปด", "เก้า", "สิบ", "ร้อย", "พัน", "หมื่น", "แสน",
                                          "ล้าน", "หลาย", NULL };

bool
ink__thai_number_word_before (const char *text, size_t len, size_t at)
{
  static const char *const more[] = { "ร้อย", "สัปดาห์", "ตัว", NULL };
  return ends_with (text, at, th_numbers) &&
         (begins_with (text, len, at, th_counters) || begins_with (text, len, at, more));
}

/* The space at sp parts a Thai number from its counter or its ordinal word. */
static bool
thai_number_space (const char *text, size_t len, size_t sp)
{
  return (digit_ends (text, sp) && begins_with (text, len, sp + 1, th_counters)) ||
         (digit_begins (text, len, sp + 1) && ends_with (text, sp, th_markers));
}

bool
ink__unit_at (const char *text, size_t len, size_t at)
{
  return listed (text, len, at, units);
}

bool
ink__number_sign_before (const char *text, size_t end)
{
  return listed_before (text, end, before);
}

void
ink__unit_breaks (const char *text, size_t len, uint8_t *brks)
{
  for (size_t sp = 1; sp + 1 < len; sp++) {
    if (text[sp] != ' ' || brks[sp] != INK_BRK_ALLOW)
      continue;
    bool unit = is_digit (text[sp - 1]) && listed (text, len, sp + 1, units);
    bool sign = is_digit (text[sp + 1]) && listed_before (text, sp, before);
    /* "7 h 30": the minutes stay with the hour. */
    bool minutes = is_digit (text[sp + 1]) && sp >= 3 && text[sp - 1] == 'h' &&
                   text[sp - 2] == ' ' && is_digit (text[sp - 3]);
    bool counter = hangul_at (text, len, sp + 1) && begins_with (text, len, sp + 1, ko_counters) &&
                   korean_number_before (text, sp);
    /* "1억 600만": the number goes on after its big unit. */
    bool ko_rest = is_digit (text[sp + 1]) && korean_big_unit_before (text, sp);
    if (unit || sign || minutes || counter || ko_rest || thai_number_space (text, len, sp))
      brks[sp] = INK_BRK_NO;
  }
}
