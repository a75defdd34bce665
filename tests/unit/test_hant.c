/* Traditional Chinese is set from the bundled Noto Sans CJK SC subsets without boxes: they
 * map every character of Big5 level 1 and the Hong Kong and Macau characters the subset
 * list adds (fonts/tools/cjk-unicodes-hant.txt), and text tagged zh-Hant, zh-TW, zh-HK or
 * zh-MO gets the Taiwan and Hong Kong glyph forms through the face's `locl` feature
 * (fonts/README.md). Before, 481 characters of Big5 level 1 had no glyph, 綠 說 嬤 among
 * them. */
#include <inkset/inkset.h>
#include <stdio.h>
#include <string.h>
#include "paginate.h"
#include "test.h"
#include "fixture.h"

static const char *const faces[] = { "NotoSansCJKsc-Subset.otf",
                                     "NotoSansCJKsc-Bold-Subset.otf" };
static const char *const templates[] = { "kiosk-10.3", "kiosk-7.5", "reader-6", "print-a4" };

/* The characters of the list that face lacks; -1 when the list or the face cannot be read. */
static long
unmapped (const char *face_name, long *listed)
{
  ink_context_t *ctx = NULL;
  ink_fontset_t *fs = NULL;
  ink__face_t *face = NULL;
  FILE *list = fopen (INK_SOURCE_DIR "/fonts/tools/cjk-unicodes-hant.txt", "r");
  long missing = -1;
  *listed = 0;
  if (list && ink_context_create (NULL, NULL, &ctx) == INK_OK &&
      ink_fontset_create (ctx, INK_SOURCE_DIR "/fonts", &fs) == INK_OK &&
      ink__fontset_face (fs, face_name, &face) == INK_OK) {
    missing = 0;
    unsigned cp;
    hb_codepoint_t gid;
    while (fscanf (list, "%x", &cp) == 1) {
      ++*listed;
      if (!hb_font_get_nominal_glyph (face->hb_font, cp, &gid)) {
        if (missing < 5)
          fprintf (stderr, "%s: no glyph for U+%04X\n", face_name, cp);
        missing++;
      }
    }
  }
  if (list)
    fclose (list);
  ink_fontset_destroy (fs);
  ink_context_destroy (ctx);
  return missing;
}

TEST (big5_level1_in_both_cjk_faces)
{
  for (size_t f = 0; f < sizeof faces / sizeof *faces; f++) {
    long listed;
    CHECK_EQ_INT (unmapped (faces[f], &listed), 0);
    CHECK (listed >= 5401);
  }
}

/* The missing glyphs of article a (from the source folder) on template tpl; -1 when it fails. */
static long
missing_in (const char *md, const char *a, const char *tpl)
{
  fixture_t s;
  char path[512];
  snprintf (path, sizeof path, "%s/tests/unit/articles/%s", INK_SOURCE_DIR, a ? a : "");
  long n = fixture_lay_out (&s, md, a ? path : NULL, tpl)
               ? (long) ink_document_missing_glyphs (s.doc) : -1;
  if (n != 0)
    fprintf (stderr, "%s on %s: %ld missing glyphs\n", a ? a : "text", tpl, n);
  fixture_tear_down (&s);
  return n;
}

/* A Taipei story (綠 說 嬤 臺 灣 體 ...) and a Hong Kong one with Cantonese speech (佢 冇 喺
 * 啲 哋) and place names (深水埗, 鴨脷洲, 鰂魚涌, 氹仔), on every bundled template. */
TEST (traditional_articles_set_without_boxes)
{
  for (size_t t = 0; t < sizeof templates / sizeof *templates; t++) {
    CHECK_EQ_INT (missing_in (NULL, "taipei-green-line.zh-Hant.md", templates[t]), 0);
    CHECK_EQ_INT (missing_in (NULL, "tsuen-wan-minibus.zh-HK.md", templates[t]), 0);
  }
}

#define HANT_TEXT "綠線通車，陳阿嬤說：「這個車站離醫院很近。」"

/* Traditional text in an article tagged only zh, or not tagged at all. */
TEST (untagged_traditional_text_has_no_boxes)
{
  CHECK_EQ_INT (missing_in ("---\ntitle: 綠線\nlang: zh\n---\n\n" HANT_TEXT "\n", NULL,
                            "kiosk-10.3"), 0);
  CHECK_EQ_INT (missing_in ("---\ntitle: Green line\n---\n\n" HANT_TEXT "\n", NULL,
                            "kiosk-10.3"), 0);
}

/* The glyphs of the body's CJK runs when the text 嬤體邊 (three characters whose mainland,
 * Taiwan and Hong Kong forms all differ) is tagged lang; whether they were all set in the
 * regular SC subset. */
static bool
glyphs_for (const char *lang, uint32_t gid[3])
{
  char md[256];
  snprintf (md, sizeof md, "---\ntitle: T\nlang: %s\n---\n\n嬤體邊\n", lang);
  gid[0] = gid[1] = gid[2] = 0;
  size_t n = 0;
  bool sc = true;
  fixture_t s;
  if (fixture_lay_out (&s, md, NULL, "kiosk-10.3")) {
    for (size_t i = 0; i < s.doc->items.n; i++) {
      const ink__item_t *it = &s.doc->items.v[i];
      if (it->kind != INK_ITEM_GLYPHS || strncmp (it->face->name, "NotoSansCJK", 11) != 0)
        continue;
      sc = sc && strcmp (it->face->name, "NotoSansCJKsc-Subset.otf") == 0;
      for (size_t g = 0; g < it->ng && n < 3; g++)
        gid[n++] = s.doc->glyphs.v[it->g0 + g].gid;
    }
  }
  fixture_tear_down (&s);
  return sc && n == 3;
}

TEST (taiwan_and_hong_kong_forms_by_language)
{
  static const char *const langs[] = { "zh-Hans", "zh-Hant", "zh-TW", "zh-HK", "zh-MO" };
  uint32_t g[5][3];
  for (int l = 0; l < 5; l++)
    CHECK (glyphs_for (langs[l], g[l]));
  for (int k = 0; k < 3; k++) {
    CHECK (g[0][k] != g[1][k] && g[0][k] != g[3][k] && g[1][k] != g[3][k]);
    CHECK (g[1][k] == g[2][k]);   /* zh-Hant and zh-TW: Taiwan's forms */
    CHECK (g[3][k] == g[4][k]);   /* zh-HK and zh-MO: Hong Kong's */
  }
}

int
main (void)
{
  RUN (big5_level1_in_both_cjk_faces);
  RUN (traditional_articles_set_without_boxes);
  RUN (untagged_traditional_text_has_no_boxes);
  RUN (taiwan_and_hong_kong_forms_by_language);
  return test_summary ();
}
