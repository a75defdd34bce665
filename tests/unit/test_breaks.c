/* Break opportunities and grapheme clusters. */
#include "breaks.h"
#include "test.h"

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
  RUN (kinsoku_small_kana);
  RUN (thai);
  RUN (mixed);
  RUN (graphemes);
  ink_context_destroy (ctx);
  return test_summary ();
}
