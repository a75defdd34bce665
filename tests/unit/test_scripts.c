/* The script policy table: each script's row, found by code point and by HarfBuzz script. */
#include "scripts.h"
#include "test.h"

TEST (rows_by_code_point)
{
  /* Thai, Lao, Khmer, Myanmar: no word spaces, filled between clusters within a limit. */
  const uint32_t clustered[] = { 0x0E01, 0x0E81, 0x1780, 0x1000, 0x19E0, 0xAA60 };
  for (size_t i = 0; i < sizeof clustered / sizeof *clustered; i++) {
    const ink__script_info_t *si = ink__script_of_cp (clustered[i]);
    CHECK_EQ_INT (si->justify, INK_JUSTIFY_CLUSTERS);
    CHECK (si->words != INK_WORDS_SPACE);
    CHECK (!si->hyphenate);
    CHECK_EQ_INT (si->gap_max_64em, 4);
  }
  CHECK_EQ_INT (ink__script_of_cp (0x0E01)->words, INK_WORDS_DICTIONARY);
  CHECK_EQ_INT (ink__script_of_cp (0x0E81)->words, INK_WORDS_ICU);    /* Lao */
  CHECK_EQ_INT (ink__script_of_cp (0x1780)->words, INK_WORDS_ICU);    /* Khmer */
  CHECK_EQ_INT (ink__script_of_cp (0x1000)->words, INK_WORDS_ICU);    /* Myanmar */
  /* CJK punctuation and fullwidth forms are Common to Unicode but set as CJK. */
  const uint32_t cjk[] = { 0x4E00, 0x3002, 0x300C, 0x3042, 0x30A2, 0xFF0C, 0xFF08, 0x20000 };
  for (size_t i = 0; i < sizeof cjk / sizeof *cjk; i++)
    CHECK_EQ_INT (ink__script_of_cp (cjk[i])->justify, INK_JUSTIFY_CJK);
  /* Korean: spaces between words, its syllables set on em squares. */
  CHECK_EQ_INT (ink__script_of_cp (0xAC00)->words, INK_WORDS_SPACE);
  CHECK_EQ_INT (ink__script_of_cp (0xAC00)->justify, INK_JUSTIFY_CJK);
  /* Joining scripts, presentation forms included. */
  const uint32_t joined[] = { 0x0628, 0x0710, 0x07CA, 0x1820, 0xFB50, 0xFEFC, 0x08A0 };
  for (size_t i = 0; i < sizeof joined / sizeof *joined; i++)
    CHECK (ink__script_of_cp (joined[i])->joining);
  CHECK_EQ_INT (ink__script_of_cp (0x0628)->justify, INK_JUSTIFY_KASHIDA);
  CHECK_EQ_INT (ink__script_of_cp (0x0710)->justify, INK_JUSTIFY_SPACES);
  /* Outside the ranges, the Unicode script decides. */
  CHECK (ink__script_of_cp ('a')->drop_cap);
  CHECK (ink__script_of_cp (0x0436)->drop_cap);   /* Cyrillic zhe */
  CHECK (!ink__script_of_cp (0x05D0)->drop_cap);  /* Hebrew alef */
  CHECK (!ink__script_of_cp (0x05D0)->hyphenate);
  CHECK (ink__script_of_cp (0x0915)->hyphenate);  /* Devanagari: the default row */
  CHECK (!ink__script_of_cp (0x0915)->joining);
  CHECK_EQ_INT (ink__script_of_cp (0x0915)->justify, INK_JUSTIFY_SPACES);
}

TEST (rows_by_script)
{
  CHECK (ink__script_info (HB_SCRIPT_ARABIC)->joining);
  CHECK (ink__script_info (HB_SCRIPT_MONGOLIAN)->joining);
  CHECK (!ink__script_info (HB_SCRIPT_LATIN)->joining);
  CHECK (!ink__script_info (HB_SCRIPT_LATIN)->chain_first);
  CHECK (ink__script_info (HB_SCRIPT_ARABIC)->chain_first);
  CHECK (ink__script_info (HB_SCRIPT_BENGALI)->chain_first);
  CHECK_EQ_INT (ink__script_info (HB_SCRIPT_KHMER)->justify, INK_JUSTIFY_CLUSTERS);
  CHECK_EQ_INT (ink__script_info (HB_SCRIPT_HIRAGANA)->justify, INK_JUSTIFY_CJK);
  /* A script without a row gets the default one, never NULL. */
  CHECK_EQ_STR (ink__script_info (HB_SCRIPT_TAMIL)->name, "default");
  CHECK_EQ_STR (ink__script_info (HB_SCRIPT_INVALID)->name, "default");
  /* Each row is found by its own script. */
  const hb_script_t named[] = { HB_SCRIPT_THAI, HB_SCRIPT_LAO, HB_SCRIPT_MYANMAR, HB_SCRIPT_HAN,
                                HB_SCRIPT_HANGUL, HB_SCRIPT_HEBREW, HB_SCRIPT_GREEK };
  for (size_t i = 0; i < sizeof named / sizeof *named; i++)
    CHECK_EQ_INT (ink__script_info (named[i])->script, named[i]);
}

TEST (code_point_agrees_with_script)
{
  /* A letter's row by range is the row of its Unicode script, for every letter not Common
   * (so the two lookups cannot disagree). */
  hb_unicode_funcs_t *uf = hb_unicode_funcs_get_default ();
  for (uint32_t cp = 0x0590; cp < 0x30000; cp++) {
    hb_unicode_general_category_t gc = hb_unicode_general_category (uf, cp);
    if (gc != HB_UNICODE_GENERAL_CATEGORY_OTHER_LETTER &&
        gc != HB_UNICODE_GENERAL_CATEGORY_LOWERCASE_LETTER &&
        gc != HB_UNICODE_GENERAL_CATEGORY_UPPERCASE_LETTER)
      continue;
    hb_script_t sc = hb_unicode_script (uf, cp);
    if (sc == HB_SCRIPT_COMMON || sc == HB_SCRIPT_INHERITED)
      continue;   /* what the ranges are for: 〆 is Common, set as CJK */
    if (cp >= 0xFF00 && cp <= 0xFFEF)
      continue;   /* fullwidth Ａ is Latin, set as CJK: its width decides */
    const ink__script_info_t *by_cp = ink__script_of_cp (cp);
    const ink__script_info_t *by_script = ink__script_info (sc);
    if (by_cp->justify != by_script->justify || by_cp->joining != by_script->joining ||
        by_cp->words != by_script->words) {
      CHECK (by_cp == by_script);
      fprintf (stderr, "U+%04X: %s by range, %s by script\n", (unsigned) cp, by_cp->name,
               by_script->name);
      break;
    }
  }
}

TEST (dictionary_and_kinsoku)
{
  CHECK (ink__script_in_dictionary (0x0E01));
  CHECK (ink__script_in_dictionary (0x0E5B));
  CHECK (!ink__script_in_dictionary (0x0E00));
  CHECK (!ink__script_in_dictionary (0x0E81));   /* Lao: no dictionary here */
  CHECK (ink__script_no_line_start (0x3002));    /* 。 */
  CHECK (ink__script_no_line_start (0xFF09));    /* ） */
  CHECK (ink__script_no_line_start (0x3063));    /* small tsu */
  CHECK (!ink__script_no_line_start (0x300C));   /* 「 */
  CHECK (ink__script_no_line_end (0x300C));
  CHECK (!ink__script_no_line_end (0x3002));
  CHECK (ink__arabic_dual_joining (0x0628));     /* beh */
  CHECK (ink__arabic_right_joining (0x0627));    /* alef */
  CHECK (!ink__arabic_dual_joining (0x0627));
  CHECK (ink__arabic_mark (0x064E));             /* fatha */
}

/* Where a head without word spaces breaks well: between phrases, not inside a word. */
TEST (phrase_breaks)
{
  CHECK (ink__script_phrase_break (0x3067, 0x8DEF));    /* 対策で|路線: after a particle */
  CHECK (ink__script_phrase_break (0x3001, 0x89B3));    /* 、|観 */
  CHECK (ink__script_phrase_break (0x306B, 0x300C));    /* に|「 */
  CHECK (ink__script_phrase_break (0x901A, 0x3000));    /* before an ideographic space */
  CHECK (ink__script_phrase_break (0x3000, 0x81EA));    /* after it */
  CHECK (ink__script_phrase_break ('e', '-'));          /* scripts with spaces */
  CHECK (ink__script_phrase_break (0x8EE2, 0x30C8));    /* 自動運転|トラック */
  CHECK (ink__script_phrase_break (0x30FC, 0x9928));    /* スーパー|館 */
  CHECK (!ink__script_phrase_break (0x30C8, 0x30E9));   /* ト|ラック */
  CHECK (!ink__script_phrase_break (0x30B9, 0x30FC));   /* ス|ーパー */
  CHECK (!ink__script_phrase_break (0x30AF, 0x306E));   /* トラック|の */
  CHECK (!ink__script_phrase_break (0x8DEF, 0x7DDA));   /* 路|線 */
  CHECK (!ink__script_phrase_break (0x7E2E, 0x3078));   /* 短縮|へ */
  CHECK (!ink__script_phrase_break (0x3063, 0x307D));   /* さっ|ぽろ */
  CHECK (!ink__script_phrase_break (0x90E8, 0x65B0));   /* 东部|新区 */
  CHECK (!ink__script_phrase_break ('5', 0x4E07));      /* 11.5|万 */
  CHECK (!ink__script_phrase_break (0x0E27, 0x0E40));   /* Thai ตัว|เมือง */
}

/* How badly a head breaks at a byte offset: between Chinese phrases that open on a
 * conjunction or a preposition ("噪声|和拆迁", "汉阳|至武昌"), not inside 补偿 nor after 甚;
 * not after the honorific お ("お|客さん"); after a pair of Japanese particles ("のは|うれしい")
 * but not inside "うれ|しい"; worse where one character is left alone beside punctuation. */
static int
head_break_after (const char *text, const char *upto)
{
  const char *p = strstr (text, upto);
  return p ? (int) ink__script_head_break (text, strlen (text), (size_t) (p - text) + strlen (upto))
           : -1;
}

TEST (head_breaks)
{
  const char *zh = "今日通车，汉阳至武昌，居民既期待又担心噪声和拆迁补偿问题，甚至居民的期待";
  CHECK_EQ_INT (head_break_after (zh, "担心噪声"), INK_HEAD_BREAK_GUESSED);
  CHECK_EQ_INT (head_break_after (zh, "汉阳"), INK_HEAD_BREAK_GUESSED);
  CHECK_EQ_INT (head_break_after (zh, "居民"), INK_HEAD_BREAK_GUESSED);   /* before 既 */
  CHECK_EQ_INT (head_break_after (zh, "居民的"), INK_HEAD_BREAK_GUESSED);
  CHECK_EQ_INT (head_break_after (zh, "拆迁补"), INK_HEAD_BREAK_WORD);
  CHECK_EQ_INT (head_break_after (zh, "甚"), INK_HEAD_BREAK_ALONE);        /* inside 甚至 */
  CHECK_EQ_INT (head_break_after (zh, "通车，汉"), INK_HEAD_BREAK_ALONE);
  CHECK_EQ_INT (head_break_after (zh, "问题，"), INK_HEAD_BREAK_PHRASE);
  const char *ja = "北陸全体のお客さんを増やす。にぎわうのはうれしい。";
  CHECK_EQ_INT (head_break_after (ja, "全体のお"), INK_HEAD_BREAK_WORD);
  CHECK_EQ_INT (head_break_after (ja, "のは"), INK_HEAD_BREAK_GUESSED);
  CHECK_EQ_INT (head_break_after (ja, "うれ"), INK_HEAD_BREAK_WORD);
  CHECK_EQ_INT (head_break_after (ja, "増やす。"), INK_HEAD_BREAK_PHRASE);
  CHECK (!ink__script_phrase_break (0x304A, 0x5BA2));   /* お|客 */
}

/* A number's measure word of two characters ends its phrase after the second: "十三号线|今日"
 * (the metro's line 13), "四十二公里|设", not "十三号|线" (nanjing-metro.zh reader-6's head
 * broke there); one of one character still does ("十二座|大桥"), and "一个|小时" too. */
TEST (head_breaks_after_two_character_measures)
{
  const char *zh = "南京地铁十三号线今日开工，全长四十二公里设十二座大桥，一个小时";
  CHECK_EQ_INT (head_break_after (zh, "十三号线"), INK_HEAD_BREAK_GUESSED);
  CHECK_EQ_INT (head_break_after (zh, "十三号"), INK_HEAD_BREAK_WORD);
  CHECK_EQ_INT (head_break_after (zh, "四十二公里"), INK_HEAD_BREAK_GUESSED);
  CHECK_EQ_INT (head_break_after (zh, "四十二公"), INK_HEAD_BREAK_WORD);
  CHECK_EQ_INT (head_break_after (zh, "十二座"), INK_HEAD_BREAK_GUESSED);
  CHECK_EQ_INT (head_break_after (zh, "一个"), INK_HEAD_BREAK_GUESSED);
}

int
main (void)
{
  RUN (rows_by_code_point);
  RUN (rows_by_script);
  RUN (code_point_agrees_with_script);
  RUN (dictionary_and_kinsoku);
  RUN (phrase_breaks);
  RUN (head_breaks);
  RUN (head_breaks_after_two_character_measures);
  return test_summary ();
}
