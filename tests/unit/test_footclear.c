/* The running foot sits clear of the text (lib/paginate/running.c, foot_gap): on kiosk-7.5's
 * bottom margin of 24 px, an Urdu foot set in Nastaliq at its style's size had ink 23 px
 * tall, from the row under the frame's foot, where the descenders of the last body line
 * end. The foot is now set smaller and lower, with as much white above its ink as a line of
 * the footer's leading has when centred in the margin. */
#include <inkset/inkset.h>
#include <stdio.h>
#include <stdlib.h>
#include "template.h"
#include "test.h"
#include "fixture.h"

/* White rows between the frame's foot and the foot's ink, and under the ink: every page's
 * rows from the frame's foot down to where the gap, less a pixel's shaded edge on each side,
 * ends hold no dark pixel, and the foot is still drawn below them. */
static void
foot_clear (const char *article, const char *tpl)
{
  char path[1024];
  snprintf (path, sizeof path, "%s/examples/articles/%s", INK_SOURCE_DIR, article);
  fixture_t s;
  if (fixture_lay_out (&s, NULL, path, tpl)) {
    uint32_t w = (uint32_t) s.t->width_px, h = (uint32_t) s.t->height_px;
    int32_t foot = (int32_t) h - (int32_t) s.t->margin_bottom;
    int32_t gap = (int32_t) (s.t->margin_bottom - s.t->styles[INK_ROLE_FOOTER].leading_px) / 2;
    uint8_t *gray = malloc ((size_t) w * h);
    CHECK (gray != NULL);
    for (size_t pg = 0; gray && pg < ink_document_page_count (s.doc); pg++) {
      CHECK_EQ_INT (ink_document_render_gray (s.doc, pg, 0, 0, w, h, gray, w), INK_OK);
      int32_t first_ink = -1;
      for (int32_t y = foot + 1; y < (int32_t) h && first_ink < 0; y++)
        for (uint32_t x = 0; x < w && first_ink < 0; x++)
          if (gray[(size_t) y * w + x] < 128)
            first_ink = y;
      if (first_ink >= 0 && first_ink < foot + 1 + gap - 2)
        fprintf (stderr, "  %s %s page %zu: the foot's ink begins %d px under the frame\n",
                 article, tpl, pg + 1, first_ink - foot);
      CHECK (first_ink < 0 || first_ink >= foot + 1 + gap - 2);
    }
    free (gray);
  }
  fixture_tear_down (&s);
}

TEST (urdu_foot_clear_of_text)
{
  foot_clear ("lahore-metro.ur.md", "kiosk-7.5");
  foot_clear ("karachi-monsoon.ur.md", "kiosk-7.5");
}

int
main (void)
{
  RUN (urdu_foot_clear_of_text);
  return test_summary ();
}
