/* kiosk: a loop that shows one article after another on a 16-grey panel held in memory,
 * updating only what changed and asking for a full refresh when ghosting is due. With
 * --tap X,Y, a touch at that point of the first page: what is there and where its link
 * goes. Each article's first page is drawn as soon as it is set (ink_pager_t), however long
 * the article.
 *
 *   kiosk [--tap X,Y] ARTICLE...
 */
#include <inkset/inkset.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What a touch at (x, y) on page 0 of doc lands on, as a reader's tap would be told. */
static void
tap (ink_document_t *doc, const char *name, float x, float y)
{
  static const char *const kinds[] = { "", "line", "glyph run", "rule", "picture", "link" };
  ink_display_item_t item;
  if (ink_display_hit (doc, 0, x, y, &item) != INK_OK) {
    printf ("kiosk: %s: tap at %g,%g: nothing there\n", name, x, y);
    return;
  }
  printf ("kiosk: %s: tap at %g,%g: %s", name, x, y, kinds[item.kind]);
  if (item.role)
    printf (" (%s)", item.role);
  if (item.link)
    printf (" -> %s", item.link);
  printf ("\n");
}

int
main (int argc, char **argv)
{
  float tap_x = 0, tap_y = 0;
  bool tapped = argc > 2 && strcmp (argv[1], "--tap") == 0;
  if (tapped) {
    if (sscanf (argv[2], "%f,%f", &tap_x, &tap_y) != 2) {
      fprintf (stderr, "kiosk: --tap takes X,Y in px, as 720,700\n");
      return 1;
    }
    argv += 2;
    argc -= 2;
  }
  if (argc < 2) {
    fprintf (stderr, "usage: kiosk [--tap X,Y] ARTICLE...\n");
    return 1;
  }
  ink_context_t *ctx;
  if (ink_context_create (NULL, NULL, &ctx) != INK_OK)
    return 1;
  ink_template_t *tpl = NULL;
  ink_fontset_t *fonts = NULL;
  int rc = 1;
  if (ink_template_builtin (ctx, "kiosk-10.3", &tpl) != INK_OK ||
      ink_fontset_create (ctx, NULL, &fonts) != INK_OK)
    goto done;
  ink_memfb_t fb = { 0 };
  ink_pixfmt_preset ("it8951-4", &fb.format);
  fb.page_width = ink_template_width (tpl);
  fb.page_height = ink_template_height (tpl);
  fb.size = ink_frame_size (&fb.format, fb.page_width, fb.page_height);
  fb.pixels = calloc (1, fb.size);
  fb.shadow = calloc (1, fb.size);
  ink_refresh_policy_t policy = { 0 };
  if (!fb.pixels || !fb.shadow)
    goto done;
  rc = 0;
  for (int i = 1; i < argc; i++) {
    ink_article_t *article = NULL;
    ink_document_t *doc = NULL;
    ink_diag_t diag = { 0 };
    if (ink_article_load (ctx, argv[i], &article, &diag) != INK_OK) {
      fprintf (stderr, "kiosk: %s:%u:%u: %s\n", argv[i], diag.line, diag.column, diag.message);
      rc = 1;
      continue;
    }
    /* Page 1 is drawn as soon as it is set: the rest of a long article is set only when the
     * reader turns to it, and {pages} in the foot shows the page's number alone (a total is
     * known only once the last page is set). */
    ink_pager_t *pager = NULL;
    ink_status_t st = ink_pager_create (ctx, article, tpl, fonts, NULL, INK_PAGER_TOTAL_OMIT,
                                        &pager);
    if (st == INK_OK)
      st = ink_pager_next (pager, &doc);
    ink_pager_destroy (pager);   /* the page handed out stays valid */
    if ((st == INK_OK || st == INK_OVERFLOW) && doc) {
      ink_page_source_t src;
      ink_frame_t frame;
      ink_rect_t rects[16];
      size_t n = 0;
      if (ink_document_frame (doc, 0, &fb.format, INK_DITHER_FLOYD_STEINBERG, &src, &frame) == INK_OK &&
          ink_memfb_update (ctx, &fb, &frame, rects, 16, &n) == INK_OK) {
        bool grey = ink_frame_has_grey (&fb.format, fb.page_width, fb.page_height, fb.pixels, fb.size);
        ink_refresh_t r = ink_refresh_decide (&policy, &fb.format, fb.page_width, fb.page_height,
                                              rects, n, grey);
        printf ("kiosk: %s: %zu changed areas, %s refresh\n", argv[i], n,
                r == INK_REFRESH_FULL ? "full" : r == INK_REFRESH_PARTIAL ? "partial" : "no");
        if (tapped)
          tap (doc, argv[i], tap_x, tap_y);
      } else {
        rc = 1;
      }
    } else {
      rc = 1;
    }
    ink_document_destroy (doc);
    ink_article_destroy (article);
  }
  free (fb.pixels);
  free (fb.shadow);
done:
  ink_fontset_destroy (fonts);
  ink_template_destroy (tpl);
  ink_context_destroy (ctx);
  return rc;
}
