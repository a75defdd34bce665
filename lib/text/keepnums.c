/* text/keepnums: a number stays whole with its unit on a ragged line. A head, a pull quote or
 * a caption is never broken inside "二十|分钟", "十|二座", "4.6|公里" or "สอง|เดือน" (two
 * months), though a justified column may break there as between any two ideographs: papers
 * break heads between phrases, and a number with its unit or counter is one.
 *
 *   ink__keep_words (text, len, brks);   // calls ink__keep_numbers for ragged lines
 */
#include "breaks.h"
#include "scripts.h"
#include "text.h"

/* Characters that run on into the number after them: the ordinal prefix and the decimal
 * point ("第|十二", "四点|六"). */
static bool
numeral_prefix (uint32_t cp)
{
  return cp == 0x7B2C || cp == 0x70B9 || cp == 0x9EDE;   /* 第 点 點 */
}

static bool
ideographic (uint32_t cp)
{
  return ink__script_of_cp (cp)->justify == INK_JUSTIFY_CJK &&
         ink__script_of_cp (cp)->words == INK_WORDS_NONE && ink__is_word_letter (cp);
}

/* Whether the break between prev and cp (the run of numerals before prev runs nums long, and
 * held a numeral other than 一 when big) splits a Han number or a number from its unit. */
static bool
splits_han_number (uint32_t before_run, uint32_t prev, uint32_t cp, size_t nums, bool big)
{
  if (ink__script_han_numeral (cp) && (ink__script_han_numeral (prev) || numeral_prefix (prev)))
    return true;
  if (prev >= '0' && prev <= '9')
    return ideographic (cp);   /* "4.6|公里", "12|月" */
  /* A lone 一 is a word's as often as a number's ("统一", "一直"): only after 第. */
  return nums > 0 && ink__script_han_numeral (prev) && ideographic (cp) &&
         (big || before_run == 0x7B2C);
}

/**
 * ink__keep_numbers:
 * @text: valid UTF-8
 * @len: its length in bytes
 * @brks: ink__breaks's output for text, changed in place
 *
 * Bars a ragged line's break inside a number written in Han numerals ("二|十", "第|十二",
 * "四点|六"), between such a number, or digits, and the unit or measure word after it
 * ("二十|分钟", "12|月"), and between a Thai number word and its counter ("สาม|เดือน").
 */
void
ink__keep_numbers (const char *text, size_t len, uint8_t *brks)
{
  uint32_t before_run = 0, prev = 0, cp;
  size_t nums = 0;
  bool big = false;
  for (size_t pos = 0; pos < len;) {
    size_t at = pos;
    ink__utf8_next (text, len, &pos, &cp);
    if (at > 0 && brks[at - 1] == INK_BRK_ALLOW &&
        (splits_han_number (before_run, prev, cp, nums, big) ||
         (ink__script_in_dictionary (cp) && ink__thai_number_word_before (text, len, at))))
      brks[at - 1] = INK_BRK_NO;
    if (ink__script_han_numeral (cp)) {
      big |= cp != 0x4E00;
      nums++;
    } else {
      before_run = cp;
      nums = 0;
      big = false;
    }
    prev = cp;
  }
}
