/* A head's lines keep air between the marks of one line and the next: a Lao head whose first
 * line holds "ຫຼ" (a mark below) and whose second "ນ້ຳ" (two stacked above) had the marks
 * 2 px apart on reader-6 (setpara.c, stacked_pair). The head's rows are drawn and the rows
 * without ink between two baselines counted. */
#include "article.h"
#include "layout-internal.h"
#include "paginate.h"
#include "test.h"

#include "fixture.h"

#define PX64(v) ((v) / 64)

/* The fewest rows without ink between two baselines of the headline on page 1; SIZE_MAX when
 * the head has one line. */
static size_t
fewest_blank_rows (ink_document_t *doc)
{
  const ink__lrec_t *prev = NULL;
  size_t fewest = SIZE_MAX;
  for (size_t i = 0; i < doc->lines.n; i++) {
    const ink__lrec_t *l = &doc->lines.v[i];
    if (l->role != INK_ROLE_HEADLINE)
      continue;
    if (prev) {
      int32_t x = PX64 (prev->x < l->x ? prev->x : l->x);
      int32_t right = PX64 (prev->x + prev->w > l->x + l->w ? prev->x + prev->w : l->x + l->w);
      int32_t top = PX64 (prev->baseline), bottom = PX64 (l->baseline);
      uint32_t w = (uint32_t) (right - x + 1), h = (uint32_t) (bottom - top);
      uint8_t *gray = malloc ((size_t) w * h);
      CHECK (gray != NULL);
      if (!gray)
        return 0;
      memset (gray, 255, (size_t) w * h);
      CHECK_EQ_INT (ink_document_render_gray (doc, 0, x, top, w, h, gray, w), INK_OK);
      size_t blank = 0;
      for (uint32_t r = 0; r < h; r++) {
        bool ink = false;
        for (uint32_t c = 0; c < w && !ink; c++)
          ink = gray[(size_t) r * w + c] < 128;
        blank += !ink;
      }
      free (gray);
      fewest = blank < fewest ? blank : fewest;
    }
    prev = l;
  }
  return fewest;
}

TEST (lao_head_marks_stand_apart)
{
  static const char *const arts[] = { "vientiane-mekong-bridge.lo.md", "lao-forest-elders.lo.md" };
  static const char *const tpls[] = { "kiosk-10.3", "kiosk-7.5", "print-a4", "reader-6" };
  for (size_t a = 0; a < sizeof arts / sizeof *arts; a++)
    for (size_t k = 0; k < sizeof tpls / sizeof *tpls; k++) {
      fixture_t s;
      if (!fixture_lay_out_article (&s, arts[a], tpls[k]))
        continue;
      size_t n = fewest_blank_rows (s.doc);
      if (n < 6)
        fprintf (stderr, "  %s %s: %zu rows apart\n", arts[a], tpls[k], n);
      CHECK (n >= 6);
      fixture_tear_down (&s);
    }
}

int
main (void)
{
  RUN (lao_head_marks_stand_apart);
  return test_summary ();
}
