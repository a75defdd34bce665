/* The display list as callers see it: the walk over a page (each run after its line), the
 * links it carries, and the hit test a touch screen asks. */
#include <inkset/inkset.h>

#include "test.h"
#include "fixture.h"

static const char *const targets[] = {
  "https://news.example/2011/05/china-endorses-pakistan-response",
  "https://news.example/2011/05/with-us-or-against-us",
};

/* Each related line of the sample, tapped at its centre, gives its link's target, on every
 * bundled template; both related links are found. */
TEST (tap_related)
{
  for (const char *const *name = ink_template_builtin_names (); *name; name++) {
    fixture_t s;
    if (!fixture_lay_out (&s, NULL, INK_SOURCE_DIR "/examples/articles/pakistan-china-pact.md", *name)) {
      fixture_tear_down (&s);
      continue;
    }
    bool seen[2] = { false, false };
    for (size_t p = 0; p < ink_document_page_count (s.doc); p++) {
      ink_display_iter_t it;
      ink_display_item_t item, hit;
      for (ink_display_begin (s.doc, p, &it); ink_display_next (&it, &item);) {
        if (item.kind != INK_DISPLAY_LINE || strcmp (item.role, "related") != 0)
          continue;
        /* The label the page puts before the link ("Read:") is a generated line of its
         * own, with no link of its own; a tap on it follows the link all the same. */
        CHECK (item.generated || item.link != NULL);
        float cx = item.x_px + item.width_px / 2, cy = item.y_px + item.height_px / 2;
        CHECK_EQ_INT (ink_display_hit (s.doc, p, cx, cy, &hit), INK_OK);
        CHECK_EQ_INT (hit.kind, INK_DISPLAY_LINK);
        if (item.generated)
          CHECK (hit.link != NULL);
        else
          CHECK_EQ_STR (hit.link, item.link);
        for (int k = 0; k < 2; k++)
          seen[k] |= hit.link && strcmp (hit.link, targets[k]) == 0;
      }
    }
    if (!seen[0] || !seen[1])
      fprintf (stderr, "template %s: related links found: %d %d\n", *name, seen[0], seen[1]);
    CHECK (seen[0] && seen[1]);
    fixture_tear_down (&s);
  }
}

/* An inline link covers only its words: a tap on them gives the target, a tap on the same
 * line before them gives the line and no target. */
TEST (inline_link)
{
  static const char md[] = "---\ntitle: Links\nlang: en\n---\n\n"
                           "Words before the link and then [the linked words](https://x.example/a) "
                           "and words after it, to fill the line and more.\n";
  fixture_t s;
  if (fixture_lay_out (&s, md, NULL, "kiosk-10.3")) {
    ink_display_iter_t it;
    ink_display_item_t item, line = { 0 }, hit;
    size_t links = 0;
    for (ink_display_begin (s.doc, 0, &it); ink_display_next (&it, &item);) {
      if (item.kind == INK_DISPLAY_LINE)
        line = item;
      if (item.kind != INK_DISPLAY_LINK)
        continue;
      links++;
      CHECK_EQ_STR (item.link, "https://x.example/a");
      CHECK_EQ_STR (line.link, "https://x.example/a");
      CHECK (item.width_px < line.width_px);
      CHECK_EQ_INT (ink_display_hit (s.doc, 0, item.x_px + item.width_px / 2,
                                     item.y_px + item.height_px / 2, &hit), INK_OK);
      CHECK_EQ_STR (hit.link, "https://x.example/a");
      if (item.x_px > line.x_px + 2) {
        CHECK_EQ_INT (ink_display_hit (s.doc, 0, line.x_px + 1, item.y_px + item.height_px / 2,
                                       &hit), INK_OK);
        CHECK_EQ_INT (hit.kind, INK_DISPLAY_LINE);
        CHECK (hit.link == NULL);
      }
    }
    CHECK (links >= 1);
  }
  fixture_tear_down (&s);
}

/* The JSON form's link (a span with "href") becomes the same link area. */
TEST (json_link)
{
  static const char js[] =
    "{ \"title\": \"Links\", \"lang\": \"en\", \"blocks\": [ { \"type\": \"paragraph\", "
    "\"text\": \"Words before the link and then the linked words and more after.\", "
    "\"spans\": [ { \"start\": 31, \"length\": 16, \"href\": \"https://x.example/j\" } ] } ] }";
  fixture_t s = { 0 };
  ink_diag_t diag = { 0 };
  ink_context_create (NULL, NULL, &s.ctx);
  CHECK_EQ_INT (ink_article_parse_json (s.ctx, js, strlen (js), NULL, &s.a, &diag), INK_OK);
  CHECK_EQ_INT (ink_template_open (s.ctx, "kiosk-10.3", &s.t, &diag), INK_OK);
  CHECK_EQ_INT (ink_fontset_create (s.ctx, INK_SOURCE_DIR "/fonts", &s.fs), INK_OK);
  if (s.a && s.t && s.fs &&
      ink_document_layout (s.ctx, s.a, s.t, s.fs, NULL, &s.doc) == INK_OK) {
    ink_display_iter_t it;
    ink_display_item_t item, hit;
    size_t links = 0;
    for (ink_display_begin (s.doc, 0, &it); ink_display_next (&it, &item);)
      if (item.kind == INK_DISPLAY_LINK) {
        links++;
        CHECK_EQ_STR (item.link, "https://x.example/j");
        CHECK_EQ_INT (ink_display_hit (s.doc, 0, item.x_px + item.width_px / 2,
                                       item.y_px + item.height_px / 2, &hit), INK_OK);
        CHECK_EQ_STR (hit.link, "https://x.example/j");
      }
    CHECK (links >= 1);   /* one per line the words are set on */
  }
  fixture_tear_down (&s);
}

/* Every glyph run and link comes after a line; the walk's lines are the layout JSON's, and
 * a run's text is the line's text or more (labels the page adds). */
TEST (walk_order)
{
  fixture_t s;
  if (fixture_lay_out (&s, NULL, INK_SOURCE_DIR "/examples/articles/harbour-ferry.md", "print-a4")) {
    const char *json;
    CHECK_EQ_INT (ink_document_layout_json (s.doc, &json, NULL), INK_OK);
    size_t json_lines = 0, lines = 0, runs = 0;
    for (const char *q = json; (q = strstr (q, "\"type\": \"line\"")); q++)
      json_lines++;
    for (size_t p = 0; p < ink_document_page_count (s.doc); p++) {
      ink_display_iter_t it;
      ink_display_item_t item;
      bool had_line = false;
      for (ink_display_begin (s.doc, p, &it); ink_display_next (&it, &item);) {
        if (item.kind == INK_DISPLAY_LINE) {
          had_line = true;
          lines++;
          CHECK (item.role != NULL);
        } else if (item.kind == INK_DISPLAY_GLYPH_RUN) {
          runs++;
          CHECK (had_line);
          CHECK (item.nglyphs > 0 && item.glyphs != NULL && item.size_px > 0);
          for (size_t g = 0; g < item.nglyphs; g++)
            CHECK (item.glyphs[g].cluster == UINT32_MAX || item.glyphs[g].cluster < item.text_len);
        }
      }
    }
    CHECK_EQ_INT (lines, json_lines);
    CHECK (runs >= lines / 2);
    ink_display_item_t hit;
    CHECK_EQ_INT (ink_display_hit (s.doc, 99, 10, 10, &hit), INK_INVALID);
    CHECK_EQ_INT (ink_display_hit (s.doc, 0, -5, -5, &hit), INK_INVALID);
  }
  fixture_tear_down (&s);
}

int
main (void)
{
  RUN (tap_related);
  RUN (inline_link);
  RUN (json_link);
  RUN (walk_order);
  return test_summary ();
}
