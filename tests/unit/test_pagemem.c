/* The command-line tool's allocator for drawing pages (examples/inkset/pagemem.c): before the
 * layout is done every block is malloc's; after, a page's big blocks come from the bottom of
 * the one region while they fit, in order and aligned, and the bottom is reused once they are
 * all freed; smaller blocks come from its top, leaving the bottom the most a page took, a
 * freed one is handed out again for its size, and the top is reused once they are all freed;
 * growing a block keeps its bytes; a slice whose heap is on a huge page takes no region; and
 * a context drawing a page through it gives the same bytes as with the default allocator and
 * gives back everything it took. */
#include "../../examples/inkset/pagemem.c"

#include "test.h"
#include "memwrite.h"
#include "core.h"

#define BIG ((size_t) 1316160)   /* a 1404x1872 4-bit page's filtered frame */
#define WORK ((size_t) 268000)

static void
fill (void *p, size_t n, int c)
{
  memset (p, c, n);
}

TEST (layout_blocks_are_malloc_s)
{
  pagemem_t m = { 0 };
  void *p = pagemem_realloc (&m, NULL, 0, BIG);
  CHECK (p != NULL);
  CHECK (!in_region (&m, p));
  CHECK (m.base == NULL);
  pagemem_realloc (&m, p, BIG, 0);
  pagemem_release (&m);
}

/* A slice on the thread whose heap is on a huge page already (heapwarm.c) takes no region. */
TEST (no_region_beside_a_huge_heap)
{
  pagemem_t m = { .pages = true, .heap = true };
  void *p = pagemem_realloc (&m, NULL, 0, WORK), *q = pagemem_realloc (&m, NULL, 0, 100);
  CHECK (p && q && m.base == NULL);
  pagemem_realloc (&m, q, 100, 0);
  pagemem_realloc (&m, p, WORK, 0);
  pagemem_release (&m);
}

TEST (page_blocks_share_the_region)
{
  pagemem_t m = { .pages = true };
  for (int round = 0; round < 2; round++) {
    char *in = pagemem_realloc (&m, NULL, 0, BIG);
    char *out = pagemem_realloc (&m, NULL, 0, BIG);
    char *work = pagemem_realloc (&m, NULL, 0, WORK);
    char *small = pagemem_realloc (&m, NULL, 0, 100);
    CHECK (in && out && work && small);
    CHECK (in == m.base);                      /* first, and again on the next page */
    CHECK (!in_region (&m, out));              /* does not fit beside it */
    CHECK (in_region (&m, work));
    CHECK (small == m.base + PAGEMEM_REGION - 112);   /* from the top */
    CHECK_EQ_INT ((uintptr_t) work % 16, 0);
    CHECK_EQ_INT ((uintptr_t) m.base % PAGEMEM_REGION, 0);
    CHECK ((size_t) (work - in) >= BIG);
    fill (in, BIG, 1);
    fill (work, WORK, 2);
    fill (out, BIG, 3);
    CHECK (in[BIG - 1] == 1 && work[0] == 2);
    pagemem_realloc (&m, small, 100, 0);
    CHECK_EQ_INT (m.top, 0);
    pagemem_realloc (&m, work, WORK, 0);
    CHECK_EQ_INT (m.live, 1);
    pagemem_realloc (&m, out, BIG, 0);
    pagemem_realloc (&m, in, BIG, 0);
    CHECK_EQ_INT (m.live, 0);
    CHECK_EQ_INT (m.used, 0);
  }
  pagemem_release (&m);
  CHECK (m.base == NULL);
}

/* Small blocks from the top: one freed goes to the next block of its size, the top is
 * reused once they are all freed, and it leaves the bottom the most a page took. */
TEST (small_blocks_from_the_top)
{
  pagemem_t m = { .pages = true };
  char *work = pagemem_realloc (&m, NULL, 0, WORK);
  char *band = pagemem_realloc (&m, NULL, 0, 90000);
  char *glyph = pagemem_realloc (&m, NULL, 0, 300);
  CHECK (work == m.base && in_region (&m, band) && in_region (&m, glyph));
  CHECK (glyph < band && band > work + WORK);
  pagemem_realloc (&m, band, 90000, 0);
  pagemem_realloc (&m, work, WORK, 0);
  CHECK_EQ_INT (m.used, 0);
  CHECK (m.top > 0);                           /* the glyph still lives */
  char *band2 = pagemem_realloc (&m, NULL, 0, 90000);
  CHECK (band2 == band);                       /* the last page's, again */
  /* The top stops where the bottom's most would start: what is left is malloc's. */
  char *v[16];
  int n = 0, inside = 0;
  for (; n < 16; n++) {
    v[n] = pagemem_realloc (&m, NULL, 0, 200000);
    CHECK (v[n] != NULL);
    if (!in_region (&m, v[n]))
      break;
    CHECK (v[n] >= m.base + WORK);
    inside++;
  }
  CHECK (n < 16 && inside == 8);   /* (2 MiB - 268,000 - 90,304) / 200,000 */
  for (int i = 0; i <= n && i < 16; i++)
    pagemem_realloc (&m, v[i], 200000, 0);
  pagemem_realloc (&m, band2, 90000, 0);
  pagemem_realloc (&m, glyph, 300, 0);
  CHECK_EQ_INT (m.top, 0);
  CHECK_EQ_INT (m.top_live, 0);
  CHECK_EQ_INT (m.nfreed, 0);
  pagemem_release (&m);
}

TEST (growing_a_block_keeps_its_bytes)
{
  pagemem_t m = { .pages = true };
  char *p = pagemem_realloc (&m, NULL, 0, WORK);
  CHECK (in_region (&m, p));
  fill (p, WORK, 7);
  CHECK (pagemem_realloc (&m, p, WORK, WORK / 2) == p);
  char *q = pagemem_realloc (&m, p, WORK / 2, 4 * BIG);
  CHECK (q && !in_region (&m, q));
  CHECK (q[0] == 7 && q[WORK / 2 - 1] == 7);
  CHECK_EQ_INT (m.live, 0);
  pagemem_realloc (&m, q, 4 * BIG, 0);
  pagemem_release (&m);
}

/* Page 1 of an article as PNG, from a context with the given allocator. */
static mem_t
page_png (ink_realloc_fn fn, pagemem_t *m)
{
  mem_t out = { 0 };
  ink_context_t *ctx = NULL;
  ink_fontset_t *fonts = NULL;
  ink_article_t *art = NULL;
  ink_template_t *tpl = NULL;
  ink_document_t *doc = NULL;
  CHECK (ink_context_create (fn, m, &ctx) == INK_OK);
  CHECK (ink_fontset_create (ctx, NULL, &fonts) == INK_OK);
  CHECK (ink_article_load (ctx, INK_SOURCE_DIR "/examples/articles/bakery-fire.md", &art,
                           NULL) == INK_OK);
  CHECK (ink_template_load (ctx, INK_SOURCE_DIR "/examples/templates/kiosk-10.3.ini", &tpl,
                            NULL) == INK_OK);
  CHECK (ink_document_layout (ctx, art, tpl, fonts, NULL, &doc) == INK_OK);
  if (m)
    m->pages = true;
  ink_pixfmt_t fmt;
  ink_dither_t dither;
  ink_page_source_t src;
  ink_frame_t frame;
  CHECK (ink_pixfmt_for_template (ctx, tpl, NULL, &fmt, &dither) == INK_OK);
  CHECK (ink_document_frame (doc, 0, &fmt, dither, &src, &frame) == INK_OK);
  CHECK (ink_png_render (ctx, mem_write, &out, &frame, 64) == INK_OK);
  ink_document_destroy (doc);
  ink_template_destroy (tpl);
  ink_article_destroy (art);
  ink_fontset_destroy (fonts);
  CHECK_CONTEXT_FREED (ctx);
  return out;
}

TEST (pages_are_the_same_bytes)
{
  pagemem_t m = { 0 };
  mem_t a = page_png (NULL, NULL), b = page_png (pagemem_realloc, &m);
  CHECK (m.base != NULL);                      /* the page was drawn in the region */
  CHECK_EQ_INT (m.live, 0);
  CHECK (a.n > 0 && a.n == b.n && memcmp (a.p, b.p, a.n) == 0);
  free (a.p);
  free (b.p);
  pagemem_release (&m);
}

int
main (void)
{
  RUN (layout_blocks_are_malloc_s);
  RUN (no_region_beside_a_huge_heap);
  RUN (page_blocks_share_the_region);
  RUN (small_blocks_from_the_top);
  RUN (growing_a_block_keeps_its_bytes);
  RUN (pages_are_the_same_bytes);
  return test_summary ();
}
