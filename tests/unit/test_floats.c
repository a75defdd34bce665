/* Floats waiting for room (lib/paginate/floats.c): they keep their reading order, a float
 * on a page of one column may use the space after its closing rule at the foot, and one
 * on a page of columns keeps it (it waits only for the next column's top); late floats go
 * on the next page and before the end of the text, pictures with their captions. A pull
 * quote kept off the first paragraph is in test_earlyquote.c. */
#include "article.h"
#include "paginate.h"
#include "template.h"
#include "test.h"

#include "fixture.h"
#include "blockat.h"

#define CASES INK_SOURCE_DIR "/tests/makeup/property-cases/"

static bool
is_float (const ink_article_t *a, size_t b)
{
  return a->blocks[b].kind == INK_BLOCK_PULLQUOTE || a->blocks[b].kind == INK_BLOCK_RELATED;
}

/* One column: a pull quote waits for the next page, and the related link after it in the
 * article waits behind it instead of going on ahead (it came first before the queue). */
TEST (waiting_floats_keep_reading_order)
{
  fixture_t s;
  if (fixture_lay_out (&s, NULL, CASES "floats-wait-in-order.th.md", "reader-6")) {
    size_t related = 0;
    for (size_t j = 0; j < s.a->nblocks; j++) {
      if (s.a->blocks[j].kind != INK_BLOCK_RELATED)
        continue;
      for (size_t i = 0; i < j; i++)
        if (is_float (s.a, i)) {
          CHECK (before (first_line (&s, (long) i), first_line (&s, (long) j)));
          related++;
        }
    }
    CHECK (related >= 2);
  }
  fixture_tear_down (&s);
}

/* One column: the first pull quote fits above page 1's foot without the space after its
 * closing rule, and goes there rather than onto page 2 on top of the second. */
TEST (quote_fits_above_page_foot)
{
  fixture_t s;
  if (fixture_lay_out (&s, NULL, CASES "quote-across-under-quote.th.md", "reader-6")) {
    long quote = -1;
    for (size_t b = 0; b < s.a->nblocks && quote < 0; b++)
      if (s.a->blocks[b].kind == INK_BLOCK_PULLQUOTE)
        quote = (long) b;
    CHECK (quote >= 0);
    CHECK_EQ_INT (first_line (&s, quote).page, 0);
  }
  fixture_tear_down (&s);
}

/* Two columns: the pull quote that does not fit the first column's foot with its space
 * after waits for the second column's top, and the comment still fits under it there. */
TEST (quote_keeps_its_space_before_next_column)
{
  fixture_t s;
  if (fixture_lay_out (&s, NULL, INK_SOURCE_DIR "/examples/articles/madurai-jasmine.ta.md",
                       "kiosk-7.5"))
    CHECK_EQ_INT (s.doc->pages.n, 2);
  fixture_tear_down (&s);
}

/* A picture that opens the text and is taller than the room under the head waits for a
 * whole column while the text goes on: it never runs past the page's foot, and the first
 * paragraph starts on page 1. */
TEST (picture_taller_than_room_under_head_waits)
{
  static const char *const tpls[] = { "reader-6", "kiosk-7.5", "kiosk-10.3", "print-a4" };
  for (size_t t = 0; t < sizeof tpls / sizeof *tpls; t++) {
    fixture_t s;
    if (fixture_lay_out (&s, NULL, INK_SOURCE_DIR "/examples/articles/astronaut-visit.md",
                         tpls[t])) {
      int32_t foot = (int32_t) ((s.t->height_px - s.t->margin_bottom) * 64);
      size_t images = 0;
      for (size_t i = 0; i < s.doc->items.n; i++) {
        const ink__item_t *it = &s.doc->items.v[i];
        if (it->kind == INK_ITEM_IMAGE) {
          images++;
          CHECK (it->y + it->h <= foot);
        }
      }
      CHECK_EQ_INT (images, 1);
      CHECK_EQ_INT (first_line (&s, 1).page, 0);
    }
    fixture_tear_down (&s);
  }
}

/* The last page where block b has a line, or SIZE_MAX when it has none. */
static size_t
last_page (const fixture_t *s, long b)
{
  size_t last = SIZE_MAX;
  for (size_t p = 0; p < s->doc->pages.n; p++) {
    const ink__page_t *pg = &s->doc->pages.v[p];
    for (size_t i = 0; i < pg->nl; i++)
      if (s->doc->lines.v[pg->l0 + i].block == b)
        last = p;
  }
  return last;
}

/* The floats of the article at path (pull quotes, and pictures too when pictures), set on
 * reader-6, each go no later than the page after the text they follow: how many there are. */
static size_t
floats_by_next_page (const char *path, bool pictures)
{
  fixture_t s;
  size_t n = 0;
  if (fixture_lay_out (&s, NULL, path, "reader-6")) {
    for (size_t b = 1; b < s.a->nblocks; b++) {
      ink__block_kind_t k = s.a->blocks[b].kind;
      if (k != INK_BLOCK_PULLQUOTE && !(pictures && k == INK_BLOCK_FIGURE))
        continue;
      long t = (long) b - 1;
      while (t >= 0 && (is_float (s.a, (size_t) t) || s.a->blocks[t].kind == INK_BLOCK_FIGURE ||
                        last_page (&s, t) == SIZE_MAX))
        t--;
      CHECK (t >= 0);
      CHECK (first_line (&s, (long) b).page <= last_page (&s, t) + 1);
      n++;
    }
  }
  fixture_tear_down (&s);
  return n;
}

/* One column: a pull quote queued behind a picture that waited for the next page goes on
 * that page with it (the picture made smaller), not a page later after the rest of the
 * text: no later than the page after the text it follows. */
TEST (late_float_goes_on_the_next_page)
{
  CHECK_EQ_INT (floats_by_next_page (INK_SOURCE_DIR "/examples/articles/shuttle-commanders.md",
                                     false), 2);
}

/* Five pull quotes and three pictures in 560 words: each picture shrinks as far as its
 * caption, set again at its narrower width, still fits under it, found by setting the
 * caption (corran-spaceport: an estimate of the caption's height refused every picture, and
 * the floats fell two and three pages behind their text). */
TEST (pictures_shrink_for_late_quotes)
{
  CHECK_EQ_INT (floats_by_next_page (INK_SOURCE_DIR "/examples/articles/corran-spaceport.md",
                                     true), 8);
}

/* One column: a picture queued behind a pull quote, both waiting since the page of their
 * text, follows the quote on the next page made smaller, its caption set again under it,
 * rather than wait a page more for a few pixels (kiel-faehren.de set it two pages after its
 * text, its keep with the caption measured at the picture's full size). */
TEST (late_picture_follows_made_smaller)
{
  CHECK_EQ_INT (floats_by_next_page (INK_SOURCE_DIR "/examples/articles/kiel-faehren.de.md",
                                     true), 3);
}

/* The last line of block b: the lowest on its last page, in its last column there (to the
 * left on a page whose columns run left to right). */
static const ink__lrec_t *
last_line (const fixture_t *s, long b)
{
  const ink__lrec_t *last = NULL;
  for (size_t i = 0; i < s->doc->lines.n; i++) {
    const ink__lrec_t *l = &s->doc->lines.v[i];
    if (l->block == b && (!last || l->x > last->x + last->w || (l->x >= last->x && l->y > last->y)))
      last = l;
  }
  return last;
}

/* Two columns, left to right: the pull quote and related link that come before the last two
 * paragraphs, and wait past the first column's foot, are set before the end of the text on
 * the last page (sapporo-snow.ja set them in the second column, under the text's end), or,
 * the pull quote, across the foot of both columns, the page's and not a column's
 * (lastfoot.c: at the column's width its order kept the columns 158 px apart). */
TEST (waiting_floats_go_before_the_end_of_the_text)
{
  fixture_t s;
  if (fixture_lay_out (&s, NULL, INK_SOURCE_DIR "/examples/articles/sapporo-snow.ja.md",
                       "kiosk-7.5")) {
    long end = (long) s.a->nblocks - 1;
    while (end >= 0 && s.a->blocks[end].kind != INK_BLOCK_PARAGRAPH)
      end--;
    size_t n = 0;
    const ink__lrec_t *stop = last_line (&s, end);
    CHECK (stop != NULL);
    for (long b = end - 3; stop && b < end; b++) {
      if (!is_float (s.a, (size_t) b))
        continue;
      n++;
      at_t at = first_line (&s, b);
      const ink__lrec_t *f = NULL;
      for (size_t i = 0; i < s.doc->lines.n && !f; i++)
        if (s.doc->lines.v[i].block == b && s.doc->lines.v[i].y == at.y)
          f = &s.doc->lines.v[i];
      CHECK (f != NULL);
      CHECK_EQ_INT (at.page, last_page (&s, end));
      bool across = f && f->x < stop->x && f->x + f->w > stop->x && f->y > stop->y;
      CHECK (f && (f->x + f->w <= stop->x || (f->x < stop->x + stop->w && f->y < stop->y) ||
                   across));
    }
    CHECK_EQ_INT (n, 2);
  }
  fixture_tear_down (&s);
}

/* Every caption and credit line of the pictures of the article at path on template tpl sits
 * under its picture, or beside it within its height, on its page; returns how many pictures
 * were found. */
static size_t
captions_under_pictures (const char *path, const char *tpl)
{
  fixture_t s;
  size_t pictures = 0;
  if (fixture_lay_out (&s, NULL, path, tpl))
    for (size_t p = 0; p < s.doc->pages.n; p++) {
      const ink__page_t *pg = &s.doc->pages.v[p];
      for (size_t m = 0; m < pg->ni; m++) {
        const ink__item_t *img = &s.doc->items.v[pg->i0 + m];
        if (img->kind != INK_ITEM_IMAGE)
          continue;
        pictures++;
        for (size_t q = 0; q < s.doc->pages.n; q++)
          for (size_t i = 0; i < s.doc->pages.v[q].nl; i++) {
            const ink__lrec_t *l = &s.doc->lines.v[s.doc->pages.v[q].l0 + i];
            if (l->block != img->block || l->generated ||
                (l->role != INK_ROLE_CAPTION && l->role != INK_ROLE_CREDIT))
              continue;
            CHECK_EQ_INT (q, p);
            if (l->x >= img->x + img->w) {   /* beside it (sidecap.c), within its height */
              CHECK (l->y >= img->y && l->y + l->h <= img->y + img->h + 64);
              continue;
            }
            CHECK (l->y >= img->y + img->h);
            CHECK (l->x >= img->x - 64 && l->x + l->w <= img->x + img->w + 64);
          }
      }
    }
  fixture_tear_down (&s);
  return pictures;
}

/* A picture goes with its caption: on a last page set with its columns lower (balancing),
 * the picture moves to the next column rather than leave part of its caption there
 * (shuttle-commanders kiosk-7.5 had four caption lines and the credit in the next column). */
TEST (caption_stays_under_its_picture)
{
  CHECK (captions_under_pictures (INK_SOURCE_DIR "/examples/articles/shuttle-commanders.md",
                                  "kiosk-7.5") >= 1);
  CHECK (captions_under_pictures (INK_SOURCE_DIR "/examples/articles/corran-spaceport.md",
                                  "reader-6") >= 1);
}

/* Three columns: the second pull quote across the columns, met on page 2 whose text runs on
 * to page 3, would wait for page 3's top while the third, met at page 2's foot, waited
 * behind it: the two stood side by side there (engine-works print-a4). Set at the column's
 * width, the second goes in on page 2, in its columns, and the third starts page 3. */
TEST (quotes_waiting_for_one_page_top_part)
{
  fixture_t s;
  if (fixture_lay_out (&s, NULL, INK_SOURCE_DIR "/examples/articles/engine-works.md",
                       "print-a4")) {
    long q[3], n = 0;
    for (size_t b = 0; b < s.a->nblocks && n < 3; b++)
      if (s.a->blocks[b].kind == INK_BLOCK_PULLQUOTE)
        q[n++] = (long) b;
    CHECK_EQ_INT (n, 3);
    if (n == 3) {
      at_t second = first_line (&s, q[1]), third = first_line (&s, q[2]);
      CHECK_EQ_INT (second.page, 1);
      CHECK_EQ_INT (third.page, 2);
    }
  }
  fixture_tear_down (&s);
}

/* The last baseline of block b's caption or credit on page p, and the lowest baseline of
 * body text on it (INT32_MIN for none). */
static void
page_ends (const fixture_t *s, size_t p, long b, int32_t *caption, int32_t *body)
{
  const ink__page_t *pg = &s->doc->pages.v[p];
  *caption = *body = INT32_MIN;
  for (size_t i = 0; i < pg->nl; i++) {
    const ink__lrec_t *l = &s->doc->lines.v[pg->l0 + i];
    int32_t *end = l->block == b && (l->role == INK_ROLE_CAPTION || l->role == INK_ROLE_CREDIT)
                     ? caption : l->role == INK_ROLE_BODY ? body : NULL;
    if (end && !l->generated && l->baseline > *end)
      *end = l->baseline;
  }
}

/* A picture that ends its column with its caption below the column's last grid baseline
 * is made a little smaller, so that its caption stands on that baseline with the full
 * column of text beside it (flowbox.c, caption_on_grid). patna-space-labs.hi kiosk-7.5 p2:
 * its chart, at the column's full width, ended its caption off the grid; it is set narrower
 * than the column, and the caption's last baseline is one of the grid's. */
TEST (caption_ends_on_the_grid)
{
  fixture_t s;
  char path[256];
  snprintf (path, sizeof path, "%s/examples/articles/patna-space-labs.hi.md", INK_SOURCE_DIR);
  if (!fixture_lay_out (&s, NULL, path, "kiosk-7.5") || s.doc->pages.n < 2) {
    CHECK (false);
    fixture_tear_down (&s);
    return;
  }
  ink__frame_t fr = ink__frame_of (s.doc->tpl);
  const ink__page_t *pg = &s.doc->pages.v[1];
  size_t found = 0;
  for (size_t m = 0; m < pg->ni; m++) {
    const ink__item_t *img = &s.doc->items.v[pg->i0 + m];
    if (img->kind != INK_ITEM_IMAGE)
      continue;
    found++;
    CHECK (img->w < fr.colw - 64);   /* made smaller: narrower than the column by a pixel */
    int32_t caption, body;
    page_ends (&s, 1, img->block, &caption, &body);
    CHECK (body != INT32_MIN && caption != INT32_MIN);
    int32_t step = s.doc->grid_step, off = caption - pg->body_top - s.doc->grid_base;
    CHECK (step > 0);
    if (step > 0)
      CHECK_EQ_INT (((off % step) + step) % step, 0);   /* on a baseline of the grid */
  }
  CHECK_EQ_INT (found, 1);
  fixture_tear_down (&s);
}

/* The pull quotes of the article at path, set on tpl, are each read before the last line of
 * the article's last paragraph (in a column to its left, or above it in its column): how
 * many there are. */
static size_t
quotes_before_the_end (const char *path, const char *tpl)
{
  fixture_t s;
  size_t n = 0;
  if (fixture_lay_out (&s, NULL, path, tpl)) {
    long end = (long) s.a->nblocks - 1;
    while (end >= 0 && s.a->blocks[end].kind != INK_BLOCK_PARAGRAPH)
      end--;
    const ink__lrec_t *stop = last_line (&s, end);
    CHECK (stop != NULL);
    for (long b = 0; stop && b < end; b++) {
      if (s.a->blocks[b].kind != INK_BLOCK_PULLQUOTE)
        continue;
      n++;
      at_t at = first_line (&s, b);
      if (at.page < last_page (&s, end))
        continue;
      const ink__lrec_t *f = NULL;
      for (size_t i = 0; i < s.doc->lines.n && !f; i++)
        if (s.doc->lines.v[i].block == b && s.doc->lines.v[i].y == at.y)
          f = &s.doc->lines.v[i];
      CHECK (f != NULL);
      CHECK (at.page == last_page (&s, end));
      CHECK (f && (f->x + f->w <= stop->x ||
                   (f->x < stop->x + stop->w && f->x + f->w > stop->x && f->y < stop->y)));
    }
  }
  fixture_tear_down (&s);
  return n;
}

/* Two columns, the text ending on a full page and the comments on the next: the pull quote
 * that waited past its column's foot on that page is set before the end of the text there,
 * not under it (engine-works on kiosk-10.3 set its last quote in the second column, under
 * the last paragraph, over the related link). */
TEST (float_before_the_end_on_the_page_before_comments)
{
  CHECK_EQ_INT (quotes_before_the_end (INK_SOURCE_DIR "/examples/articles/engine-works.md",
                                       "kiosk-10.3"), 3);
}

/* One column: a pull quote too tall for the room under its paragraph waited for the next
 * page, which then held it and the related link alone after the end of the text; the page
 * before is set again with the quote before its paragraph, and the text runs on to the last
 * page (karachi-monsoon.ur on reader-6). */
TEST (float_before_the_end_off_a_page_of_floats)
{
  CHECK_EQ_INT (quotes_before_the_end (INK_SOURCE_DIR "/examples/articles/karachi-monsoon.ur.md",
                                       "reader-6"), 1);
}

/* The column of the page a line starting at x (1/64 px) is in. */
static int
column_at (const ink_template_t *t, int32_t x)
{
  unsigned n = t->columns;
  double colw = (t->width_px - t->margin_left - t->margin_right - t->gutter_px * (n - 1)) / n;
  return (int) ((x / 64.0 - t->margin_left + t->gutter_px / 2) / (colw + t->gutter_px));
}

/* Two columns, a last page of a pull quote and one comment: balancing the page does not cut
 * the quote from its attribution to even the columns (the attribution stood at the second
 * column's top, over the comment); the quote stays whole in the first column. */
TEST (last_page_keeps_a_quote_whole)
{
  fixture_t s;
  if (fixture_lay_out (&s, NULL, INK_SOURCE_DIR "/examples/articles/harbour-launch.md",
                       "kiosk-7.5")) {
    long q = -1;
    for (size_t b = 0; b < s.a->nblocks && q < 0; b++)
      if (s.a->blocks[b].kind == INK_BLOCK_PULLQUOTE)
        q = (long) b;
    int col = -1;
    size_t n = 0;
    for (size_t i = 0; i < s.doc->lines.n; i++) {
      const ink__lrec_t *l = &s.doc->lines.v[i];
      if (l->block != q)
        continue;
      int c = column_at (s.t, l->x);
      if (col >= 0 && c != col)
        fprintf (stderr, "the quote's line at x %d is in column %d, its first in %d\n",
                 l->x / 64, c, col);
      CHECK (col < 0 || c == col);
      col = c;
      n++;
    }
    CHECK (q >= 0 && n >= 2);
  }
  fixture_tear_down (&s);
}

/* The first two pull quotes of the article (q[0], q[1]; -1 when it has fewer). */
static void
two_quotes (const fixture_t *s, long q[2])
{
  q[0] = q[1] = -1;
  for (size_t b = 0, n = 0; b < s->a->nblocks && n < 2; b++)
    if (s->a->blocks[b].kind == INK_BLOCK_PULLQUOTE)
      q[n++] = (long) b;
}

/* Where block b's lines stand on page p: the column of its first and the top and foot of
 * them all; false when none is there. */
static bool
block_on_page (const fixture_t *s, size_t p, long b, int *col, int32_t *top, int32_t *foot)
{
  const ink__page_t *pg = &s->doc->pages.v[p];
  bool seen = false;
  for (size_t i = 0; i < pg->nl; i++) {
    const ink__lrec_t *l = &s->doc->lines.v[pg->l0 + i];
    if (l->block != b || l->generated)
      continue;
    if (!seen || l->y < *top) {
      *top = l->y;
      *col = column_at (s->t, l->x);
    }
    *foot = seen && *foot > l->y + l->h ? *foot : l->y + l->h;
    seen = true;
  }
  return seen;
}

/* Two pull quotes in a row open night-bus and wait for page 2 on kiosk-7.5 (page 1 holds
 * the head and eight lines of text). The first opens column 1; the second, on the last page
 * it may go on, waits for text at column 2's top until it stands clear of the first, since
 * it fits there under the next paragraph (it stood beside it, their heights the same). */
TEST (waiting_quote_clears_the_one_beside)
{
  fixture_t s;
  if (fixture_lay_out (&s, NULL, INK_SOURCE_DIR "/examples/articles/night-bus.md",
                       "kiosk-7.5")) {
    long q[2];
    two_quotes (&s, q);
    at_t a = first_line (&s, q[0]), b = first_line (&s, q[1]);
    int ca = -1, cb = -1;
    int32_t ta = 0, fa = 0, tb = 0, fb = 0;
    CHECK (q[1] >= 0 && a.page == 1 && b.page == 1);
    if (q[1] >= 0 && a.page == b.page && a.page < s.doc->pages.n &&
        block_on_page (&s, a.page, q[0], &ca, &ta, &fa) &&
        block_on_page (&s, a.page, q[1], &cb, &tb, &fb)) {
      int32_t over = (fa < fb ? fa : fb) - (ta > tb ? ta : tb);
      int32_t shorter = fa - ta < fb - tb ? fa - ta : fb - tb;
      if (ca != cb && 2 * over > shorter)
        fprintf (stderr, "the quotes stand side by side: %d px of %d overlap\n", over / 64,
                 shorter / 64);
      CHECK (ca == cb || 2 * over <= shorter);
    }
  }
  fixture_tear_down (&s);
}

/* station-library kiosk-7.5: of two pull quotes in a row met at page 2's foot, the first
 * waits for page 3's top across the columns and the second for a column; it goes in under a
 * paragraph, not right under the first at column 1's top. It stood there when the page was
 * set again to even its columns: the flow's place was the one a setting tried before had
 * reached, past the end of the text, so the quote no longer waited for text. */
TEST (quote_waits_for_text_under_one_across)
{
  fixture_t s;
  if (fixture_lay_out (&s, NULL, INK_SOURCE_DIR "/examples/articles/station-library.md",
                       "kiosk-7.5")) {
    long q[2];
    two_quotes (&s, q);
    at_t a = first_line (&s, q[0]), b = first_line (&s, q[1]);
    int ca = -1, cb = -1;
    int32_t ta = 0, fa = 0, tb = 0, fb = 0;
    CHECK (q[1] >= 0 && a.page == 2 && b.page == 2);
    bool text = false;
    if (q[1] >= 0 && a.page == b.page && a.page < s.doc->pages.n &&
        block_on_page (&s, a.page, q[0], &ca, &ta, &fa) &&
        block_on_page (&s, a.page, q[1], &cb, &tb, &fb)) {
      const ink__page_t *pg = &s.doc->pages.v[a.page];
      for (size_t i = 0; i < pg->nl; i++) {
        const ink__lrec_t *l = &s.doc->lines.v[pg->l0 + i];
        text |= l->role == INK_ROLE_BODY && !l->generated && column_at (s.t, l->x) == cb &&
                l->y >= fa && l->y + l->h <= tb;
      }
    }
    CHECK (text);
  }
  fixture_tear_down (&s);
}

int
main (void)
{
  RUN (waiting_floats_keep_reading_order);
  RUN (quote_fits_above_page_foot);
  RUN (quote_keeps_its_space_before_next_column);
  RUN (picture_taller_than_room_under_head_waits);
  RUN (late_float_goes_on_the_next_page);
  RUN (pictures_shrink_for_late_quotes);
  RUN (late_picture_follows_made_smaller);
  RUN (caption_stays_under_its_picture);
  RUN (caption_ends_on_the_grid);
  RUN (waiting_floats_go_before_the_end_of_the_text);
  RUN (quotes_waiting_for_one_page_top_part);
  RUN (float_before_the_end_on_the_page_before_comments);
  RUN (float_before_the_end_off_a_page_of_floats);
  RUN (last_page_keeps_a_quote_whole);
  RUN (waiting_quote_clears_the_one_beside);
  RUN (quote_waits_for_text_under_one_across);
  return test_summary ();
}
