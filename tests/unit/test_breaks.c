/* Break opportunities and grapheme clusters. */
#include "breaks.h"
#include "test.h"

#include <linebreak.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

static ink_context_t *ctx;

/* The break value after the code point that ends just before byte offset off. */
static int
after (const char *text, size_t off)
{
  uint8_t brks[512];
  size_t len = strlen (text);
  if (ink__breaks (ctx, text, len, NULL, brks) != INK_OK || off == 0 || off > len)
    return -1;
  return brks[off - 1];
}

/* Byte offset of the first occurrence of needle's end in text. */
static size_t
end_of (const char *text, const char *needle)
{
  const char *p = strstr (text, needle);
  return p ? (size_t) (p - text) + strlen (needle) : 0;
}

TEST (english)
{
  const char *t = "Hello world, self-evident truths.";
  uint8_t brks[64];
  CHECK_EQ_INT (ink__breaks (ctx, t, strlen (t), "en", brks), INK_OK);
  CHECK_EQ_INT (brks[end_of (t, "Hello") - 1], INK_BRK_NO);
  CHECK_EQ_INT (brks[end_of (t, "Hello ") - 1], INK_BRK_ALLOW);
  CHECK_EQ_INT (brks[end_of (t, "world") - 1], INK_BRK_NO);      /* before the comma */
  CHECK_EQ_INT (brks[end_of (t, "self-") - 1], INK_BRK_ALLOW);    /* after a hyphen */
  CHECK_EQ_INT (brks[end_of (t, "self") - 1], INK_BRK_NO);
  CHECK_EQ_INT (brks[strlen (t) - 1], INK_BRK_MUST);
}

TEST (url)
{
  const char *t = "see https://example.com/a/b now";
  CHECK_EQ_INT (after (t, end_of (t, "see ")), INK_BRK_ALLOW);
  CHECK_EQ_INT (after (t, end_of (t, "https")), INK_BRK_NO);      /* not before ':' */
  CHECK_EQ_INT (after (t, end_of (t, "exa")), INK_BRK_NO);
  CHECK_EQ_INT (after (t, end_of (t, "/b ")), INK_BRK_ALLOW);
}

TEST (mandatory)
{
  const char *t = "one\ntwo";
  CHECK_EQ_INT (after (t, 4), INK_BRK_MUST);
  CHECK_EQ_INT (after (t, 2), INK_BRK_NO);
  CHECK_EQ_INT (after (t, strlen (t)), INK_BRK_MUST);
}

TEST (inside_bytes)
{
  const char *t = "é日";    /* 2 + 3 bytes */
  uint8_t brks[8];
  CHECK_EQ_INT (ink__breaks (ctx, t, strlen (t), NULL, brks), INK_OK);
  CHECK_EQ_INT (brks[0], INK_BRK_INSIDE);
  CHECK_EQ_INT (brks[2], INK_BRK_INSIDE);
  CHECK_EQ_INT (brks[3], INK_BRK_INSIDE);
  CHECK_EQ_INT (brks[4], INK_BRK_MUST);
}

TEST (invalid_utf8)
{
  uint8_t brks[8];
  CHECK_EQ_INT (ink__breaks (ctx, "ab\xC3", 3, NULL, brks), INK_INVALID);
  CHECK_EQ_INT (ink__breaks (ctx, "\xFF", 1, NULL, brks), INK_INVALID);
  CHECK_EQ_INT (ink__breaks (ctx, "", 0, NULL, brks), INK_OK);
}

TEST (cjk)
{
  const char *t = "日本語の文章。「引用」です（注）。";
  uint8_t brks[128];
  size_t len = strlen (t);
  CHECK_EQ_INT (ink__breaks (ctx, t, len, "ja", brks), INK_OK);
  CHECK_EQ_INT (brks[end_of (t, "日") - 1], INK_BRK_ALLOW);        /* between ideographs */
  CHECK_EQ_INT (brks[end_of (t, "日本") - 1], INK_BRK_ALLOW);
  CHECK_EQ_INT (brks[end_of (t, "文章") - 1], INK_BRK_NO);          /* before 。 */
  CHECK_EQ_INT (brks[end_of (t, "。") - 1], INK_BRK_ALLOW);         /* 。 may end a line */
  CHECK_EQ_INT (brks[end_of (t, "「") - 1], INK_BRK_NO);            /* after 「 */
  CHECK_EQ_INT (brks[end_of (t, "引用") - 1], INK_BRK_NO);          /* before 」 */
  CHECK_EQ_INT (brks[end_of (t, "（") - 1], INK_BRK_NO);            /* after （ */
  CHECK_EQ_INT (brks[end_of (t, "」") - 1], INK_BRK_ALLOW);
  CHECK_EQ_INT (brks[len - 1], INK_BRK_MUST);
}

/* Korean: a justified line breaks between syllables, a ragged one (a head) only between
 * words; neither between a number and its unit or a word and its particle. Ideographs keep
 * their breaks. */
TEST (korean_keeps_words)
{
  const char *t = "안전요원 30%를 늘린다 (BRT)는 지난 3년 12일 KTX를 日本語";
  uint8_t brks[128];
  size_t len = strlen (t);
  CHECK_EQ_INT (ink__breaks (ctx, t, len, "ko", brks), INK_OK);
  CHECK_EQ_INT (brks[end_of (t, "안전") - 1], INK_BRK_ALLOW);       /* justified: anywhere */
  CHECK_EQ_INT (brks[end_of (t, "30%") - 1], INK_BRK_NO);           /* before its particle */
  CHECK_EQ_INT (brks[end_of (t, "(BRT)") - 1], INK_BRK_NO);
  CHECK_EQ_INT (brks[end_of (t, "KTX") - 1], INK_BRK_NO);
  CHECK_EQ_INT (brks[end_of (t, "지난 3") - 1], INK_BRK_NO);         /* a number, its unit */
  CHECK_EQ_INT (brks[end_of (t, "12") - 1], INK_BRK_NO);
  ink__keep_words (t, len, brks);
  CHECK_EQ_INT (brks[end_of (t, "안전") - 1], INK_BRK_NO);          /* ragged: not inside */
  CHECK_EQ_INT (brks[end_of (t, "늘") - 1], INK_BRK_NO);
  CHECK_EQ_INT (brks[end_of (t, "안전요원 ") - 1], INK_BRK_ALLOW);  /* between words */
  CHECK_EQ_INT (brks[end_of (t, "늘린다 ") - 1], INK_BRK_ALLOW);
  CHECK_EQ_INT (brks[end_of (t, "日") - 1], INK_BRK_ALLOW);           /* ideographs: anywhere */
  CHECK_EQ_INT (brks[len - 1], INK_BRK_MUST);
}

TEST (kinsoku_small_kana)
{
  const char *t = "ちょっとコーヒーを飲みましょう、々ゝ";
  uint8_t brks[128];
  size_t len = strlen (t);
  CHECK_EQ_INT (ink__breaks (ctx, t, len, "ja", brks), INK_OK);
  CHECK_EQ_INT (brks[end_of (t, "ち") - 1], INK_BRK_NO);            /* before ょ */
  CHECK_EQ_INT (brks[end_of (t, "ちょ") - 1], INK_BRK_NO);          /* before っ */
  CHECK_EQ_INT (brks[end_of (t, "ちょっ") - 1], INK_BRK_ALLOW);     /* before と */
  CHECK_EQ_INT (brks[end_of (t, "コ") - 1], INK_BRK_NO);            /* before ー */
  CHECK_EQ_INT (brks[end_of (t, "コーヒ") - 1], INK_BRK_NO);
  CHECK_EQ_INT (brks[end_of (t, "ましょう") - 1], INK_BRK_NO);      /* before 、 */
  CHECK_EQ_INT (brks[end_of (t, "、") - 1], INK_BRK_NO);            /* before 々 */
  CHECK_EQ_INT (brks[end_of (t, "、々") - 1], INK_BRK_NO);          /* before ゝ */
  /* Same rules without a language tag, and in Chinese. */
  const char *z = "中文，标点！";
  CHECK_EQ_INT (after (z, end_of (z, "中文")), INK_BRK_NO);
  CHECK_EQ_INT (after (z, end_of (z, "中")), INK_BRK_ALLOW);
  CHECK_EQ_INT (after (z, end_of (z, "标点")), INK_BRK_NO);
}

TEST (thai)
{
  /* ภาษา|ไทย|ง่าย|นิด|เดียว: "Thai is very easy" */
  const char *t = "ภาษาไทยง่ายนิดเดียว";
  uint8_t brks[128];
  size_t len = strlen (t);
  CHECK_EQ_INT (ink__breaks (ctx, t, len, "th", brks), INK_OK);
  CHECK_EQ_INT (brks[end_of (t, "ภาษา") - 1], INK_BRK_ALLOW);
  CHECK_EQ_INT (brks[end_of (t, "ภาษาไทย") - 1], INK_BRK_ALLOW);
  CHECK_EQ_INT (brks[end_of (t, "ภาษาไทยง่าย") - 1], INK_BRK_ALLOW);
  CHECK_EQ_INT (brks[end_of (t, "ภา") - 1], INK_BRK_NO);
  CHECK_EQ_INT (brks[end_of (t, "ภาษาไท") - 1], INK_BRK_NO);
  CHECK_EQ_INT (brks[end_of (t, "ภาษาไทยง่") - 1], INK_BRK_NO);     /* not before a tone mark's base */
  CHECK_EQ_INT (brks[len - 1], INK_BRK_MUST);
}

/* Lao, Khmer and Myanmar words from ICU's dictionaries (without ICU: none inside a phrase). */
TEST (icu_dictionaries)
{
  static const struct { const char *text, *words[4]; } cases[] = {
    { "ຂ້ອຍຮັກລາວ", { "ຂ້ອຍ", "ຂ້ອຍຮັກ" } },                  /* I | love | Laos */
    { "ខ្ញុំស្រឡាញ់កម្ពុជា", { "ខ្ញុំ", "ខ្ញុំស្រឡាញ់" } },     /* I | love | Cambodia */
    { "မြန်မာနိုင်ငံသည်", { "မြန်မာနိုင်ငံ" } },                  /* Myanmar | (subject) */
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    const char *t = cases[i].text;
    uint8_t brks[256];
    size_t len = strlen (t);
    CHECK_EQ_INT (ink__breaks (ctx, t, len, NULL, brks), INK_OK);
    size_t allowed = 0;
    for (size_t k = 0; k + 1 < len; k++)
      allowed += brks[k] == INK_BRK_ALLOW;
#ifdef INK_WITH_ICU
    for (size_t w = 0; w < 4 && cases[i].words[w]; w++)
      CHECK_EQ_INT (brks[end_of (t, cases[i].words[w]) - 1], INK_BRK_ALLOW);
    CHECK (allowed >= 1 && allowed <= 2);
#else
    CHECK_EQ_INT (allowed, 0);
#endif
    CHECK_EQ_INT (brks[len - 1], INK_BRK_MUST);
  }
  /* Within a syllable: ຂ້ (letter and tone mark) is not a word. */
  uint8_t brks[64];
  const char *lao = "ຂ້ອຍຮັກລາວ";
  CHECK_EQ_INT (ink__breaks (ctx, lao, strlen (lao), NULL, brks), INK_OK);
  CHECK_EQ_INT (brks[end_of (lao, "ຂ້") - 1], INK_BRK_NO);
}

/* A Hebrew prefix joined by a maqaf to a foreign word or a number stays with it
 * (haifa-hackathon.he had "ומ־|Mobileye" at a line's end); after a whole word the maqaf
 * still lets the line break. */
TEST (hebrew_maqaf_prefix)
{
  const char *t = "\u05e9\u05d5\u05ea\u05e3 \u05de\u05be""Mobileye \u05d5\u05de\u05be""NASA "
                  "\u05d9\u05e9\u05e8\u05d0\u05dc\u05be""2024";
  uint8_t brks[128];
  CHECK_EQ_INT (ink__breaks (ctx, t, strlen (t), "he", brks), INK_OK);
  CHECK_EQ_INT (brks[end_of (t, "\u05de\u05be") - 1], INK_BRK_NO);          /* מ־|Mobileye */
  CHECK_EQ_INT (brks[end_of (t, "\u05d5\u05de\u05be") - 1], INK_BRK_NO);   /* ומ־|NASA */
  CHECK_EQ_INT (brks[end_of (t, "\u05dc\u05be") - 1], INK_BRK_ALLOW);       /* ישראל־|2024 */
}

/* Polish, Czech and Slovak lines never end on a one-letter word; other languages may. */
TEST (one_letter_words_begin_lines)
{
  const char *t = "priorytet w centrum i z (a) obu";
  uint8_t brks[64];
  CHECK_EQ_INT (ink__breaks (ctx, t, strlen (t), "pl", brks), INK_OK);
  CHECK_EQ_INT (brks[end_of (t, "priorytet ") - 1], INK_BRK_ALLOW);
  CHECK_EQ_INT (brks[end_of (t, "priorytet w ") - 1], INK_BRK_NO);
  CHECK_EQ_INT (brks[end_of (t, "centrum i ") - 1], INK_BRK_NO);
  CHECK_EQ_INT (brks[end_of (t, "centrum i z ") - 1], INK_BRK_NO);
  CHECK_EQ_INT (brks[end_of (t, "(a) ") - 1], INK_BRK_ALLOW);   /* not a word of one letter */
  CHECK_EQ_INT (ink__breaks (ctx, t, strlen (t), "cs-CZ", brks), INK_OK);
  CHECK_EQ_INT (brks[end_of (t, "priorytet w ") - 1], INK_BRK_NO);
  CHECK_EQ_INT (ink__breaks (ctx, t, strlen (t), "en", brks), INK_OK);
  CHECK_EQ_INT (brks[end_of (t, "priorytet w ") - 1], INK_BRK_ALLOW);
}

/* In Slavic languages a spaced dash ends a line with the word before it, never starts one. */
TEST (spaced_dash_ends_the_line)
{
  const char *t = "\u0432\u0432\u0435\u0447\u0435\u0440\u0456 \u2014 \u0434\u043e 6";
  uint8_t brks[64];
  CHECK_EQ_INT (ink__breaks (ctx, t, strlen (t), "uk", brks), INK_OK);
  CHECK_EQ_INT (brks[end_of (t, "\u0456 ") - 1], INK_BRK_NO);
  CHECK_EQ_INT (brks[end_of (t, "\u2014 ") - 1], INK_BRK_ALLOW);
  const char *e = "the port \u2013 and the ferry \u2014 open";
  CHECK_EQ_INT (ink__breaks (ctx, e, strlen (e), "en", brks), INK_OK);
  CHECK_EQ_INT (brks[end_of (e, "port ") - 1], INK_BRK_NO);
  CHECK_EQ_INT (brks[end_of (e, "\u2013 ") - 1], INK_BRK_ALLOW);
  CHECK_EQ_INT (brks[end_of (e, "ferry ") - 1], INK_BRK_NO);
  CHECK_EQ_INT (brks[end_of (e, "the ") - 1], INK_BRK_ALLOW);
}

/* No line ends on a word's one first letter and its hyphen ("X-|rays"); after two letters
 * ("al-|Qaeda") or inside a word ("high-|speed") the hyphen still lets the line break. */
TEST (one_letter_prefix_keeps_its_hyphen)
{
  const char *t = "with X-rays (K-Electric) e\u2010mail al-Qaeda high-speed";
  uint8_t brks[96];
  CHECK_EQ_INT (ink__breaks (ctx, t, strlen (t), "en", brks), INK_OK);
  CHECK_EQ_INT (brks[end_of (t, "X-") - 1], INK_BRK_NO);
  CHECK_EQ_INT (brks[end_of (t, "(K-") - 1], INK_BRK_NO);
  CHECK_EQ_INT (brks[end_of (t, "e\u2010") - 1], INK_BRK_NO);
  CHECK_EQ_INT (brks[end_of (t, "al-") - 1], INK_BRK_ALLOW);
  CHECK_EQ_INT (brks[end_of (t, "high-") - 1], INK_BRK_ALLOW);
  CHECK_EQ_INT (brks[end_of (t, "with ") - 1], INK_BRK_ALLOW);
}

TEST (number_keeps_its_unit)
{
  const char *t = "rund 12 km und 40 % mehr, 3,5 Mio. Euro nach \u00a7 12 in 2024 die";
  uint8_t brks[96];
  CHECK_EQ_INT (ink__breaks (ctx, t, strlen (t), "de", brks), INK_OK);
  CHECK_EQ_INT (brks[end_of (t, "12 ") - 1], INK_BRK_NO);
  CHECK_EQ_INT (brks[end_of (t, "km ") - 1], INK_BRK_ALLOW);
  CHECK_EQ_INT (brks[end_of (t, "40 ") - 1], INK_BRK_NO);
  CHECK_EQ_INT (brks[end_of (t, "3,5 ") - 1], INK_BRK_NO);
  CHECK_EQ_INT (brks[end_of (t, "Mio. ") - 1], INK_BRK_ALLOW);
  CHECK_EQ_INT (brks[end_of (t, "\u00a7 ") - 1], INK_BRK_NO);
  CHECK_EQ_INT (brks[end_of (t, "2024 ") - 1], INK_BRK_ALLOW);    /* "die" is no unit */
  CHECK_EQ_INT (brks[end_of (t, "rund ") - 1], INK_BRK_ALLOW);
  const char *f = "de 7 h 30 \u00e0 h 2";
  CHECK_EQ_INT (ink__breaks (ctx, f, strlen (f), "fr", brks), INK_OK);
  CHECK_EQ_INT (brks[end_of (f, "7 ") - 1], INK_BRK_NO);
  CHECK_EQ_INT (brks[end_of (f, "7 h ") - 1], INK_BRK_NO);
  CHECK_EQ_INT (brks[end_of (f, "30 ") - 1], INK_BRK_ALLOW);
  CHECK_EQ_INT (brks[end_of (f, "\u00e0 h ") - 1], INK_BRK_ALLOW);   /* no hour before */
  const char *k = "관광객 천만 명 시대, 오 년 전, 3 개월, 이 마을";
  CHECK_EQ_INT (ink__breaks (ctx, k, strlen (k), "ko", brks), INK_OK);
  CHECK_EQ_INT (brks[end_of (k, "천만 ") - 1], INK_BRK_NO);
  CHECK_EQ_INT (brks[end_of (k, "관광객 ") - 1], INK_BRK_ALLOW);
  CHECK_EQ_INT (brks[end_of (k, "오 ") - 1], INK_BRK_NO);
  CHECK_EQ_INT (brks[end_of (k, "3 ") - 1], INK_BRK_NO);
  CHECK_EQ_INT (brks[end_of (k, "이 ") - 1], INK_BRK_ALLOW);          /* "마을" counts nothing */
}

/* Thai keeps a number with the ordinal or number word before it ("ระยะที่ 3", phase 3;
 * "ครั้งที่๒", the second time) and with the counter after it ("22 กิโลเมตร", "40,000 คน"),
 * with a space between them or none. */
TEST (thai_number_keeps_its_word)
{
  const char *t = "แผนระยะที่ 3 ยาว 22 กิโลเมตร ครั้งที่\u0e52 มีผู้มา 40,000 คน รวม 8 ขบวน เมื่อปี 2568 แล้ว";
  static const struct {
    const char *upto;   /* the break after this text's first occurrence */
    int want;
  } at[] = {
    { "ระยะที่", INK_BRK_NO }, { "ระยะที่ ", INK_BRK_NO }, { "22 ", INK_BRK_NO },
    { "ครั้งที่", INK_BRK_NO }, { "40,000 ", INK_BRK_NO }, { "รวม 8 ", INK_BRK_NO },
    { "3 ", INK_BRK_ALLOW },          /* "ยาว" counts nothing */
    { "กิโลเมตร ", INK_BRK_ALLOW }, { "2568 ", INK_BRK_ALLOW },
  };
  uint8_t brks[256];
  CHECK_EQ_INT (ink__breaks (ctx, t, strlen (t), "th", brks), INK_OK);
  for (size_t i = 0; i < sizeof at / sizeof *at; i++)
    CHECK_EQ_INT (brks[end_of (t, at[i].upto) - 1], at[i].want);
}

/* On a ragged line (a head, a pull quote, a caption) a number stays whole with its unit:
 * Han numerals ("二|十", "第|十二", "四点|六"), a number and the measure word after it
 * ("二十|分钟", "4.6|公里"), a Thai number word and its counter ("สอง|เดือน"); a justified
 * line may still break there. A lone 一 is as often a word's ("统一|标准"). */
TEST (ragged_lines_keep_numbers)
{
  const char *t = "缩短二十分钟，第十二座，四点六公里，4.6公里，统一标准，一百二十亿元";
  uint8_t brks[256];
  size_t len = strlen (t);
  CHECK_EQ_INT (ink__breaks (ctx, t, len, "zh", brks), INK_OK);
  CHECK_EQ_INT (brks[end_of (t, "二十") - 1], INK_BRK_ALLOW);         /* justified */
  ink__keep_words (t, len, brks);
  CHECK_EQ_INT (brks[end_of (t, "二") - 1], INK_BRK_NO);
  CHECK_EQ_INT (brks[end_of (t, "二十") - 1], INK_BRK_NO);
  CHECK_EQ_INT (brks[end_of (t, "第") - 1], INK_BRK_NO);
  CHECK_EQ_INT (brks[end_of (t, "四点") - 1], INK_BRK_NO);
  CHECK_EQ_INT (brks[end_of (t, "4.6") - 1], INK_BRK_NO);
  CHECK_EQ_INT (brks[end_of (t, "一百二十亿") - 1], INK_BRK_NO);
  CHECK_EQ_INT (brks[end_of (t, "缩") - 1], INK_BRK_ALLOW);
  CHECK_EQ_INT (brks[end_of (t, "统一") - 1], INK_BRK_ALLOW);
  const char *th = "ถ้าน้ำเย็นลงภายในสองเดือน";
  CHECK_EQ_INT (ink__breaks (ctx, th, strlen (th), "th", brks), INK_OK);
  ink__keep_words (th, strlen (th), brks);
  CHECK_EQ_INT (brks[end_of (th, "ภายในสอง") - 1], INK_BRK_NO);
  CHECK_EQ_INT (brks[end_of (th, "ภายใน") - 1], INK_BRK_ALLOW);
}

/* Korean writes a big number in parts, a space after each big unit: "1억 600만 명" stays on
 * one line, whatever the alignment. */
TEST (korean_number_keeps_its_parts)
{
  const char *t = "연간 1억 600만 명 수용, 3조 5000억 원, 1만 2000명분";
  uint8_t brks[128];
  CHECK_EQ_INT (ink__breaks (ctx, t, strlen (t), "ko", brks), INK_OK);
  CHECK_EQ_INT (brks[end_of (t, "1억 ") - 1], INK_BRK_NO);
  CHECK_EQ_INT (brks[end_of (t, "600만 ") - 1], INK_BRK_NO);          /* its counter */
  CHECK_EQ_INT (brks[end_of (t, "3조 ") - 1], INK_BRK_NO);
  CHECK_EQ_INT (brks[end_of (t, "1만 ") - 1], INK_BRK_NO);
  CHECK_EQ_INT (brks[end_of (t, "연간 ") - 1], INK_BRK_ALLOW);
  CHECK_EQ_INT (brks[end_of (t, "수용, ") - 1], INK_BRK_ALLOW);
}

/* libthai parts a word it does not know (a name: มาหยา, Maya) into pieces as short as one
 * letter ("มา|ห|ยา"): no Thai word is one letter, so the line does not break around it. */
TEST (thai_no_one_letter_words)
{
  const char *t = "ภูเก็ตปิดอ่าวมาหยาชั่วคราว";
  uint8_t brks[128];
  CHECK_EQ_INT (ink__breaks (ctx, t, strlen (t), "th", brks), INK_OK);
  if (brks[end_of (t, "ภูเก็ต") - 1] != INK_BRK_ALLOW)
    return;   /* no libthai: Thai breaks at spaces only */
  CHECK_EQ_INT (brks[end_of (t, "อ่าวมา") - 1], INK_BRK_NO);
  CHECK_EQ_INT (brks[end_of (t, "อ่าวมาห") - 1], INK_BRK_NO);
  CHECK_EQ_INT (brks[end_of (t, "อ่าว") - 1], INK_BRK_ALLOW);
  CHECK_EQ_INT (brks[end_of (t, "มาหยา") - 1], INK_BRK_ALLOW);
}

/* Where numbers group their digits with a space, a number stays on one line. */
TEST (digit_groups_stay_together)
{
  const char *t = "dont 3 000 places, 1 250 000 euros, en 2024 300 vélos, 12 0001";
  uint8_t brks[96];
  CHECK_EQ_INT (ink__breaks (ctx, t, strlen (t), "fr", brks), INK_OK);
  CHECK_EQ_INT (brks[end_of (t, "dont ") - 1], INK_BRK_ALLOW);
  CHECK_EQ_INT (brks[end_of (t, "dont 3 ") - 1], INK_BRK_NO);
  CHECK_EQ_INT (brks[end_of (t, "000 ") - 1], INK_BRK_ALLOW);
  CHECK_EQ_INT (brks[end_of (t, "1 ") - 1], INK_BRK_NO);
  CHECK_EQ_INT (brks[end_of (t, "1 250 ") - 1], INK_BRK_NO);
  CHECK_EQ_INT (brks[end_of (t, "2024 ") - 1], INK_BRK_ALLOW);   /* a lead of four digits */
  CHECK_EQ_INT (brks[end_of (t, "12 ") - 1], INK_BRK_ALLOW);     /* a group of four */
  CHECK_EQ_INT (ink__breaks (ctx, t, strlen (t), "pl-PL", brks), INK_OK);
  CHECK_EQ_INT (brks[end_of (t, "dont 3 ") - 1], INK_BRK_NO);
  CHECK_EQ_INT (ink__breaks (ctx, t, strlen (t), "en", brks), INK_OK);
  CHECK_EQ_INT (brks[end_of (t, "dont 3 ") - 1], INK_BRK_ALLOW);
}

TEST (mixed)
{
  const char *t = "Tokyo東京 and ภาษาไทย text";
  uint8_t brks[128];
  size_t len = strlen (t);
  CHECK_EQ_INT (ink__breaks (ctx, t, len, NULL, brks), INK_OK);
  CHECK_EQ_INT (brks[end_of (t, "Toky") - 1], INK_BRK_NO);
  CHECK_EQ_INT (brks[end_of (t, "東") - 1], INK_BRK_ALLOW);
  CHECK_EQ_INT (brks[end_of (t, "ภาษา") - 1], INK_BRK_ALLOW);
  CHECK_EQ_INT (brks[end_of (t, "ภาษาไทย ") - 1], INK_BRK_ALLOW);
  CHECK_EQ_INT (brks[len - 1], INK_BRK_MUST);
}

static bool
is_surrogate (uint32_t cp)
{
  return cp >= 0xD800 && cp <= 0xDFFF;
}

/* Every code point, 4096 at a time and each alone between two letters, goes through the
 * break computation the paragraph builder uses: none crashes it, and every byte gets a
 * value that fits its place (INSIDE within a character, MUST at the end). */
TEST (every_code_point)
{
  enum { CHUNK = 4096 };
  static char text[CHUNK * 4];
  static uint8_t brks[CHUNK * 4];
  size_t bad = 0;
  for (uint32_t lo = 0; lo <= 0x10FFFF; lo += CHUNK) {
    size_t len = 0;
    for (uint32_t cp = lo; cp < lo + CHUNK && cp <= 0x10FFFF; cp++)
      if (cp != 0 && !is_surrogate (cp))
        len += ink__utf8_encode (cp, text + len);
    if (len && ink__breaks (ctx, text, len, NULL, brks) != INK_OK)
      bad++;
    else if (len && brks[len - 1] != INK_BRK_MUST)
      bad++;
    for (uint32_t cp = lo; cp < lo + CHUNK && cp <= 0x10FFFF; cp++) {
      if (cp == 0 || is_surrogate (cp))
        continue;
      char t[8] = "a";
      size_t n = 1 + ink__utf8_encode (cp, t + 1);
      t[n++] = 'b';
      if (ink__breaks (ctx, t, n, "en", brks) != INK_OK || brks[n - 1] != INK_BRK_MUST ||
          brks[0] == INK_BRK_INSIDE || brks[n - 2] == INK_BRK_INSIDE ||
          (n > 3 && brks[1] != INK_BRK_INSIDE))
        bad++;
    }
  }
  CHECK_EQ_INT (bad, 0);
}

/* Runs libunibreak itself on cps[0..n) in a child process: false if that aborts it. */
static bool
unibreak_survives (const uint32_t *cps, size_t n)
{
  fflush (NULL);
  pid_t pid = fork ();
  if (pid == 0) {
    static char out[4096];
    freopen ("/dev/null", "w", stderr);
    init_linebreak ();
    set_linebreaks_utf32 (cps, n, NULL, out);
    _exit (0);
  }
  int status = 0;
  if (pid < 0 || waitpid (pid, &status, 0) != pid)
    return true;    /* no child, no finding; every_code_point still covers the code point */
  return WIFEXITED (status);
}

/* The code points of [lo, hi) (no surrogates) that abort libunibreak, found by halving. */
static size_t
find_aborts (uint32_t lo, uint32_t hi, uint32_t *found, size_t max, size_t n)
{
  static uint32_t cps[4096];
  size_t k = 0;
  if (hi - lo == 1)
    cps[k++] = 'a';     /* alone, a code point may pass: it aborts next to another */
  for (uint32_t cp = lo; cp < hi; cp++)
    if (!is_surrogate (cp))
      cps[k++] = cp;
  if (hi - lo == 1)
    cps[k++] = 'b';
  if (k == 0 || unibreak_survives (cps, k))
    return n;
  if (hi - lo == 1) {
    if (n < max)
      found[n] = lo;
    return n + 1;
  }
  n = find_aborts (lo, lo + (hi - lo) / 2, found, max, n);
  return find_aborts (lo + (hi - lo) / 2, hi, found, max, n);
}

/* Which code points the installed libunibreak aborts on (27 on Debian 12's 1.1: the regional
 * indicators and U+FFFF), and that inkset gives it a stand-in for each. */
TEST (libunibreak_aborts)
{
  uint32_t found[64];
  size_t n = 0;
  signal (SIGCHLD, SIG_DFL);    /* an inherited SIG_IGN would reap the children unseen */
  for (uint32_t lo = 0; lo <= 0x10FFFF; lo += 4096)
    n = find_aborts (lo, lo + 4096, found, 64, n);
  printf ("libunibreak aborts on %zu code points:", n);
  for (size_t i = 0; i < n && i < 64; i++) {
    printf (" U+%04X", (unsigned) found[i]);
    CHECK (ink__uax14_stand_in (found[i]) != found[i]);
  }
  printf ("\n");
  CHECK (n <= 64);
}

/* The break values after each code point of t, as a string: '!' must, '÷' allow → '/',
 * '×' no → 'x'. */
static const char *
cp_breaks (const char *t, const char *lang)
{
  static char out[128];
  uint8_t brks[256];
  size_t len = strlen (t), o = 0;
  if (ink__breaks (ctx, t, len, lang, brks) != INK_OK)
    return "error";
  for (size_t i = 0; i < len && o + 1 < sizeof out; i++)
    if (brks[i] != INK_BRK_INSIDE)
      out[o++] = "!/x"[brks[i]];
  out[o] = '\0';
  return out;
}

/* LB30a: regional indicators pair into flags; a line breaks between pairs, never inside. */
TEST (flags)
{
  CHECK_EQ_STR (cp_breaks ("🇩🇪🇫🇷", NULL), "x/x!");
  CHECK_EQ_STR (cp_breaks ("a🇩🇪b", NULL), "/x/!");
  CHECK_EQ_STR (cp_breaks ("🇦🇧🇨", NULL), "x/!");             /* odd count: the last alone */
  CHECK_EQ_STR (cp_breaks ("🇦🇧🇨 🇩🇪", "ja"), "x/x/x!");
  CHECK_EQ_STR (cp_breaks ("🇦\xCC\x88🇧🇨", NULL), "xx/!");  /* a mark joins the first */
  CHECK_EQ_STR (cp_breaks ("$🇦🇧%", NULL), "/x/!");          /* PR ÷ RI, RI ÷ PO */
  CHECK_EQ_STR (cp_breaks ("(🇦🇧)", NULL), "xxx!");           /* OP ×, × CL */
}

/* No break inside an emoji sequence: a skin tone after its pictograph (LB30b), nor after a
 * ZWJ (LB8a), nor inside a keycap or a tag sequence (LB9). */
TEST (emoji_sequences)
{
  CHECK_EQ_STR (cp_breaks ("👍🏽👍", NULL), "x/!");
  CHECK_EQ_STR (cp_breaks ("👨‍👩‍👧👨", NULL), "xxxx/!");
  CHECK_EQ_STR (cp_breaks ("1\xEF\xB8\x8F\xE2\x83\xA3 ", NULL), "xxx!");
  CHECK_EQ_STR (cp_breaks ("🏴\xF3\xA0\x81\xA7\xF3\xA0\x81\xA2\xF3\xA0\x81\xBF🏴", NULL),
                "xxx/!");
}

/* Noncharacters are Line_Break XX, resolved to AL: they hold to letters like a letter. */
TEST (noncharacters)
{
  CHECK_EQ_STR (cp_breaks ("a\xEF\xBF\xBF" "b", NULL), "xx!");       /* U+FFFF */
  CHECK_EQ_STR (cp_breaks ("a\xEF\xBF\xBE" "b", NULL), "xx!");       /* U+FFFE */
  CHECK_EQ_STR (cp_breaks ("\xEF\xB7\x90 b", NULL), "x/!");           /* U+FDD0 */
  CHECK_EQ_STR (cp_breaks ("a\xF4\x8F\xBF\xBF" "b c", NULL), "xxx/!"); /* U+10FFFF */
  CHECK_EQ_STR (cp_breaks ("\xEF\xBF\xBF\xEF\xBF\xBF\xEF\xBF\xBF", NULL), "xx!");
}

/* Cluster ends as a string of offsets, e.g. "2,5". */
static const char *
clusters (const char *t)
{
  static char out[256];
  uint8_t g[128];
  size_t len = strlen (t), o = 0;
  ink__graphemes (t, len, g);
  out[0] = '\0';
  for (size_t i = 0; i < len && o + 8 < sizeof out; i++)
    if (g[i])
      o += (size_t) snprintf (out + o, sizeof out - o, "%s%zu", o ? "," : "", i);
  return out;
}

TEST (graphemes)
{
  CHECK_EQ_STR (clusters ("abc"), "0,1,2");
  CHECK_EQ_STR (clusters ("e\xCC\x81x"), "2,3");                  /* e + U+0301 */
  CHECK_EQ_STR (clusters ("\r\nx"), "1,2");
  /* क्षि: KA VIRAMA SSA I is one cluster (GB9, GB9c, GB9a). */
  CHECK_EQ_STR (clusters ("क्षि"), "11");
  CHECK_EQ_STR (clusters ("नमस्ते"), "2,5,17");                        /* न म स्ते */
  /* Family: MAN ZWJ WOMAN ZWJ GIRL, one cluster; then a thumbs up with a skin tone. */
  CHECK_EQ_STR (clusters ("👨‍👩‍👧👍🏽"), "17,25");
  /* Flags pair regional indicators. */
  CHECK_EQ_STR (clusters ("🇯🇵🇫🇷"), "7,15");
  /* Hangul jamo L V T make one syllable; a precomposed LV takes a T. */
  CHECK_EQ_STR (clusters ("\xE1\x84\x80\xE1\x85\xA1\xE1\x86\xA8가\xE1\x86\xA8"), "8,14");
  /* Invalid bytes are clusters of their own. */
  CHECK_EQ_STR (clusters ("a\xFF\xCC\x81"), "0,1,3");
}

int
main (void)
{
  if (ink_context_create (NULL, NULL, &ctx) != INK_OK)
    return 1;
  RUN (english);
  RUN (url);
  RUN (mandatory);
  RUN (inside_bytes);
  RUN (invalid_utf8);
  RUN (cjk);
  RUN (korean_keeps_words);
  RUN (thai_number_keeps_its_word);
  RUN (ragged_lines_keep_numbers);
  RUN (korean_number_keeps_its_parts);
  RUN (thai_no_one_letter_words);
  RUN (kinsoku_small_kana);
  RUN (thai);
  RUN (icu_dictionaries);
  RUN (mixed);
  RUN (flags);
  RUN (emoji_sequences);
  RUN (noncharacters);
  RUN (every_code_point);
  RUN (libunibreak_aborts);
  RUN (graphemes);
  RUN (hebrew_maqaf_prefix);
  RUN (one_letter_words_begin_lines);
  RUN (spaced_dash_ends_the_line);
  RUN (one_letter_prefix_keeps_its_hyphen);
  RUN (number_keeps_its_unit);
  RUN (digit_groups_stay_together);
  ink_context_destroy (ctx);
  return test_summary ();
}
