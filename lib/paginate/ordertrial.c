/* paginate/ordertrial: a layout of a short article with its floats built as a plan orders
 * them (floatorder.c), measured for the search of plans: which floats it reads out of turn
 * (two pages or more after the text they follow, in a column after the article's last text,
 * over the readers' comments after the text's last page, beside or right on another pull
 * quote, between a list's lead-in and its first item or between two items, not at a column's
 * or page's top, begun in one column and going on in another) and, weighing less than any
 * of those, which it reads out of their text's reach on the next page, and how it is made up:
 * pages, overflow, whether the last page's columns end together, rules let through, pull
 * quotes read before the first line of text or before the paragraph they quote or over a
 * hole in their column, subheads ending a column over text of their own, columns without
 * text or left short, widows, a page 1 that holds the head alone. */
#include "floatorder.h"

bool
ink__is_text_block (const ink__block_t *b)
{
  return b->kind == INK_BLOCK_PARAGRAPH || b->kind == INK_BLOCK_SUBHEAD ||
         b->kind == INK_BLOCK_LIST_ITEM || b->kind == INK_BLOCK_QUOTE;
}

/* Where block b is first and last read (page SIZE_MAX: nowhere), and whether its first line
 * stands in a column. A line across the columns reads before them above their first line
 * of text, else after them. */
typedef struct {
  ink__read_at_t first, last;
  bool in_col;
} extent_t;

static ink__read_at_t
read_at (const lay_t *L, size_t q, const ink__page_t *pg, int32_t x, int32_t y, int32_t w)
{
  ink__lrec_t l = { .x = x, .y = y, .w = w };
  int c = ink__line_col (L, &l, pg->body_top);
  if (c < 0) {
    int32_t top = INT32_MAX;
    for (size_t i = 0; i < pg->nl; i++) {
      const ink__lrec_t *t = &L->doc->lines.v[pg->l0 + i];
      if (!t->generated && t->block >= 0 && ink__line_col (L, t, pg->body_top) >= 0 && t->y < top)
        top = t->y;
    }
    c = y < top ? -1 : (int) L->ncols;
  }
  return (ink__read_at_t) { q, c, y };
}

static void
widen (extent_t *e, ink__read_at_t at, bool in_col)
{
  if (e->first.page == SIZE_MAX || ink__read_before (at, e->first)) {
    e->first = at;
    e->in_col = in_col;
  }
  if (e->last.page == SIZE_MAX || ink__read_before (e->last, at))
    e->last = at;
}

static extent_t
extent (const lay_t *L, long b)
{
  extent_t e = { { SIZE_MAX, 0, 0 }, { SIZE_MAX, 0, 0 }, false };
  const ink_document_t *doc = L->doc;
  for (size_t q = 0; q < doc->pages.n; q++) {
    const ink__page_t *pg = &doc->pages.v[q];
    for (size_t i = 0; i < pg->nl; i++) {
      const ink__lrec_t *l = &doc->lines.v[pg->l0 + i];
      if (l->block == b && !l->generated)
        widen (&e, read_at (L, q, pg, l->x, l->y, l->w), ink__line_col (L, l, pg->body_top) >= 0);
    }
    for (size_t i = 0; i < pg->ni; i++) {
      const ink__item_t *it = &doc->items.v[pg->i0 + i];
      if (it->block == b && it->kind == INK_ITEM_IMAGE) {
        ink__lrec_t l = { .x = it->x, .y = it->y, .w = it->w };
        widen (&e, read_at (L, q, pg, it->x, it->y, it->w),
               ink__line_col (L, &l, pg->body_top) >= 0);
      }
    }
  }
  return e;
}

/* Text blocks of the article up to block end. */
static size_t
texts_to (const ink_article_t *a, long end)
{
  size_t n = 0;
  for (long i = 0; i <= end; i++)
    n += ink__is_text_block (&a->blocks[i]);
  return n;
}

/* Page `page` holds a reader's comment. */
static bool
holds_comments (const lay_t *L, size_t page)
{
  const ink__page_t *pg = &L->doc->pages.v[page];
  for (size_t i = 0; i < pg->nl; i++)
    if (ink__readers_role (L->doc->lines.v[pg->l0 + i].role))
      return true;
  return false;
}

/* The last page that holds a line of text (0 when none does). */
static size_t
last_text_page (const lay_t *L)
{
  size_t last = 0;
  for (size_t q = 0; q < L->doc->pages.n; q++) {
    const ink__page_t *pg = &L->doc->pages.v[q];
    for (size_t i = 0; i < pg->nl; i++) {
      long b = L->doc->lines.v[pg->l0 + i].block;
      if (b >= 0 && (size_t) b < L->a->nblocks && ink__is_text_block (&L->a->blocks[b]))
        last = q;
    }
  }
  return last;
}

/* The pages after the text's last that hold no reader's comment: pages of floats alone (the
 * make-up check's floats-only-page). */
static unsigned
float_pages (const lay_t *L)
{
  unsigned n = 0;
  for (size_t q = last_text_page (L) + 1; q < L->doc->pages.n; q++)
    n += !holds_comments (L, q);
  return n;
}

/* How far a float on a later page than the end of the text it follows may be read after it:
 * past this many blocks of text begun after that text, or more lines of it than a column
 * holds, the reader has left the passage behind (the make-up check's float-reach, which
 * counts a list's items as one block; here each counts, stricter, see the design notes). */
#define ORDER_REACH_BLOCKS 4

/* Float f (its extent ef), on a later page than the end of block t, the text it follows, is
 * read out of that text's reach: after more than ORDER_REACH_BLOCKS blocks of text begun
 * after t, or more of their lines than a column holds. */
static bool
out_of_reach (const lay_t *L, long f, long t, const extent_t *ef)
{
  if (t < 0)
    return false;
  extent_t et = extent (L, t);
  if (et.last.page == SIZE_MAX || ef->first.page <= et.last.page)
    return false;
  const ink_document_t *doc = L->doc;
  size_t blocks = 0, lines = 0;
  for (size_t k = (size_t) t + 1; k < L->a->nblocks; k++) {
    if ((long) k == f || !ink__is_text_block (&L->a->blocks[k]))
      continue;
    extent_t ek = extent (L, (long) k);
    blocks += ek.first.page != SIZE_MAX && ink__read_before (ek.first, ef->first);
  }
  for (size_t q = et.last.page; q <= ef->first.page && q < doc->pages.n; q++) {
    const ink__page_t *pg = &doc->pages.v[q];
    for (size_t i = 0; i < pg->nl; i++) {
      const ink__lrec_t *l = &doc->lines.v[pg->l0 + i];
      if (l->generated || l->block <= t || l->block == f || (size_t) l->block >= L->a->nblocks ||
          !ink__is_text_block (&L->a->blocks[l->block]))
        continue;
      ink__read_at_t at = read_at (L, q, pg, l->x, l->y, l->w);
      lines += ink__read_before (et.last, at) && ink__read_before (at, ef->first);
    }
  }
  int32_t step = ink__line_step (L);
  size_t column = step > 0 ? (size_t) ((L->bottom - L->top) / step) : SIZE_MAX;
  return blocks > ORDER_REACH_BLOCKS || lines > column;
}

/* Float f (its extent ef) is read out of turn: two pages or more after the text it follows
 * (block t), or, when text follows f, in a column after the last line of the article's last
 * text (block end) or on a page of comments after the text's last page. A float that opens
 * the article before its one block of text has no turn in it. */
static bool
out_of_turn (const lay_t *L, long f, long t, long end, const extent_t *ef)
{
  if (t >= 0) {
    extent_t et = extent (L, t);
    if (et.last.page != SIZE_MAX && ef->first.page > et.last.page + 1)
      return true;
  }
  if (end <= f || (t < 0 && texts_to (L->a, end) == 1))
    return false;
  extent_t ee = extent (L, end);
  if (ef->in_col && ee.last.page != SIZE_MAX && ink__read_before (ee.last, ef->first))
    return true;
  /* Over the readers' comments on a page after the text's last, it reads as theirs. */
  return ef->first.page > last_text_page (L) && holds_comments (L, ef->first.page);
}

/* Where the first line of text is read (page SIZE_MAX: none), and the article's last block of
 * text set (-1: none). */
static ink__read_at_t
first_text (const lay_t *L, long *end)
{
  ink__read_at_t first = { SIZE_MAX, 0, 0 };
  *end = -1;
  for (size_t i = 0; i < L->a->nblocks; i++) {
    if (!ink__is_text_block (&L->a->blocks[i]))
      continue;
    extent_t e = extent (L, (long) i);
    if (e.first.page == SIZE_MAX)
      continue;
    *end = (long) i;
    if (first.page == SIZE_MAX || ink__read_before (e.first, first))
      first = e.first;
  }
  return first;
}

/* Block b is a subhead over text of its own: the next text block (next, NULL for none) is
 * not a subhead of its level or above, which would end its section with no text in it (a
 * subhead over floats alone, as the make-up check reads it: it heads nothing). */
static bool
heads_text (const ink__block_t *b, const ink__block_t *next)
{
  return b->kind == INK_BLOCK_SUBHEAD && next &&
         !(next->kind == INK_BLOCK_SUBHEAD && next->level <= b->level);
}

/* Subheads that end their column (no text under them there) over text of their own
 * (heads_text). */
static unsigned
stranded_heads (const lay_t *L)
{
  unsigned n = 0;
  const ink__block_t *next = NULL;   /* the text block after block i */
  for (size_t i = L->a->nblocks; i-- > 0;) {
    if (heads_text (&L->a->blocks[i], next)) {
      extent_t h = extent (L, (long) i);
      if (h.last.page == SIZE_MAX || h.last.col < 0 || h.last.col >= (int) L->ncols)
        continue;
      const ink__page_t *pg = &L->doc->pages.v[h.last.page];
      bool under = false;
      for (size_t k = 0; k < pg->nl && !under; k++) {
        const ink__lrec_t *l = &L->doc->lines.v[pg->l0 + k];
        bool text = l->role == INK_ROLE_BODY || l->role == INK_ROLE_LIST ||
                    l->role == INK_ROLE_SUBHEAD || l->role == INK_ROLE_BLOCKQUOTE;
        under = text && !l->generated && l->block != (long) i && l->y > h.last.y &&
                ink__line_col (L, l, pg->body_top) == h.last.col;
      }
      n += !under;
    }
    if (ink__is_text_block (&L->a->blocks[i]))
      next = &L->a->blocks[i];
  }
  return n;
}

/* Page 1 holds the head alone (nothing of the article's blocks, no lead picture) while the
 * article goes on to page 2. */
static bool
bare_first_page (const lay_t *L)
{
  const ink_document_t *doc = L->doc;
  if (doc->pages.n < 2 || L->a->image)
    return false;
  const ink__page_t *pg = &doc->pages.v[0];
  for (size_t i = 0; i < pg->nl; i++) {
    const ink__lrec_t *l = &doc->lines.v[pg->l0 + i];
    if (l->block >= 0 && !l->generated)
      return false;
  }
  for (size_t i = 0; i < pg->ni; i++)
    if (doc->items.v[pg->i0 + i].kind == INK_ITEM_IMAGE)
      return false;
  return true;
}

/* The room under the head the article's first float takes (with two lines of text under it
 * when the article has text: ink__place_span, fits_here in flow.c); 0 without floats. */
static int32_t
first_float_need (const lay_t *L)
{
  for (size_t i = 0; i < L->units.n; i++)
    if (L->units.v[i].float_len) {
      int64_t h = ink__float_height (L, i) +
                  (ink__has_text (L) ? 2 * (int64_t) ink__text_step (L) : 0);
      return h < INK_HEIGHT_MAX ? (int32_t) h : INK_HEIGHT_MAX;
    }
  return 0;
}

/* Column c of page pg holds no line of text and keeps text out: it is empty, or holds floats
 * alone but for one float that fills it, leaving less than two line steps under it (a tall
 * picture that takes the whole column keeps no text out), or, unless `beside` lets it, a
 * pull quote read right after the text that ends the column before it
 * (ink__quote_beside_passage: heldquote.c sets it there for the text held across the page).
 * So the make-up check reads a column of floats alone; a table's rows flow in the columns as
 * text does, and a column of them is not bare. */
static bool
bare_column (const lay_t *L, const ink__page_t *pg, unsigned c, bool beside)
{
  const ink_document_t *doc = L->doc;
  long first = -1;
  bool more = false;
  int64_t low = INT64_MIN;
  for (size_t i = 0; i < pg->nl; i++) {
    const ink__lrec_t *l = &doc->lines.v[pg->l0 + i];
    if (l->block < 0 || (size_t) l->block >= L->a->nblocks || l->generated ||
        ink__line_col (L, l, pg->body_top) != (int) c)
      continue;
    const ink__block_t *b = &L->a->blocks[l->block];
    if (ink__is_text_block (b) || b->kind == INK_BLOCK_TABLE_ROW)
      return false;
    if (!ink__is_float_block (b))
      continue;
    more |= first >= 0 && l->block != first;
    first = l->block;
    low = (int64_t) l->y + l->h > low ? (int64_t) l->y + l->h : low;
  }
  for (size_t i = 0; i < pg->ni; i++) {
    const ink__item_t *it = &doc->items.v[pg->i0 + i];
    if (it->kind != INK_ITEM_IMAGE || it->block < 0 || it->y < pg->body_top ||
        ink__box_col (L, it->x, it->w) != (int) c)
      continue;
    more |= first >= 0 && it->block != first;
    first = it->block;
    low = (int64_t) it->y + it->h > low ? (int64_t) it->y + it->h : low;
  }
  if (first < 0 || more)
    return true;
  int32_t foot = pg->body_bottom ? pg->body_bottom : L->bottom;
  bool fills = foot - low < 2 * (int64_t) ink__text_step (L);
  return !fills && !(beside && ink__quote_beside_passage (L, pg, c, first));
}

/* Columns with no line of text that keep text out (bare_column) on the pages before the last
 * that holds text: the text goes on past them. */
static unsigned
bare_columns (const lay_t *L, bool beside)
{
  const ink_document_t *doc = L->doc;
  size_t last = last_text_page (L);
  unsigned n = 0;
  for (size_t q = 0; q < last; q++)
    for (unsigned c = 0; c < L->ncols; c++)
      n += bare_column (L, &doc->pages.v[q], c, beside);
  return n;
}

/* Column c of page pg holds a line of text and ends (its lowest line, picture or rule) more
 * than two line steps above the frame's foot, as the make-up check reads a full page's
 * column left short. A hold can leave one so: the block held waits for the floats, which go
 * to the next page, and the column ends where the text before the block did. */
static bool
short_column (const lay_t *L, const ink__page_t *pg, unsigned c)
{
  const ink_document_t *doc = L->doc;
  bool text = false;
  int64_t low = INT64_MIN;
  for (size_t i = 0; i < pg->nl; i++) {
    const ink__lrec_t *l = &doc->lines.v[pg->l0 + i];
    if (l->generated || ink__line_col (L, l, pg->body_top) != (int) c)
      continue;
    text |= l->block >= 0 && (size_t) l->block < L->a->nblocks &&
            ink__is_text_block (&L->a->blocks[l->block]);
    low = (int64_t) l->y + l->h > low ? (int64_t) l->y + l->h : low;
  }
  for (size_t i = 0; i < pg->ni; i++) {
    const ink__item_t *it = &doc->items.v[pg->i0 + i];
    if ((it->kind != INK_ITEM_IMAGE && it->kind != INK_ITEM_RULE) || it->y < pg->body_top ||
        ink__box_col (L, it->x, it->w) != (int) c)
      continue;
    low = (int64_t) it->y + it->h > low ? (int64_t) it->y + it->h : low;
  }
  int32_t foot = pg->body_bottom ? pg->body_bottom : L->bottom;
  return text && foot - low > 2 * (int64_t) ink__text_step (L);
}

/* Columns of text left short (short_column) on the pages before the last two that hold
 * text. The page before the text's last may end short by the lines a hold takes on to follow
 * the floats: read as the story's close, that beats floats after its end (property seeds 166
 * kiosk-7.5 and 457 reader-6); further from the end it reads as a hole in the story
 * (corran-spaceport kiosk-7.5 p2, seven line steps of white under the text). */
static unsigned
short_columns (const lay_t *L)
{
  size_t last = last_text_page (L);
  unsigned n = 0;
  for (size_t q = 0; q + 1 < last; q++)
    for (unsigned c = 0; c < L->ncols; c++)
      n += short_column (L, &L->doc->pages.v[q], c);
  return n;
}

/* Lines of block b's body text in column c of page q (c < 0: on every page and column). */
static size_t
body_lines (const lay_t *L, long b, size_t q, int c)
{
  const ink_document_t *doc = L->doc;
  size_t n = 0;
  for (size_t p = c < 0 ? 0 : q; p < (c < 0 ? doc->pages.n : q + 1); p++) {
    const ink__page_t *pg = &doc->pages.v[p];
    for (size_t i = 0; i < pg->nl; i++) {
      const ink__lrec_t *l = &doc->lines.v[pg->l0 + i];
      n += l->block == b && !l->generated && l->role == INK_ROLE_BODY &&
           (c < 0 || ink__line_col (L, l, pg->body_top) == c);
    }
  }
  return n;
}

/* The last line of a paragraph alone at the top of a column, the rest of it in a column or
 * page before: a widow, counted on every page. */
static unsigned
widows (const lay_t *L)
{
  const ink_document_t *doc = L->doc;
  unsigned n = 0;
  for (size_t q = 0; q < doc->pages.n; q++) {
    const ink__page_t *pg = &doc->pages.v[q];
    for (int c = 0; c < (int) L->ncols; c++) {
      const ink__lrec_t *top = NULL;
      for (size_t i = 0; i < pg->nl; i++) {
        const ink__lrec_t *l = &doc->lines.v[pg->l0 + i];
        if (!l->generated && l->role == INK_ROLE_BODY && l->block >= 0 &&
            ink__line_col (L, l, pg->body_top) == c && (!top || l->y < top->y))
          top = l;
      }
      if (top && body_lines (L, top->block, q, c) == 1 &&
          body_lines (L, top->block, q, -1) > 1 && extent (L, top->block).last.page == q)
        n++;
    }
  }
  return n;
}

/* The passage the floats up to block b follow, due the one up to the block before: the
 * latest paragraph a pull quote up to b waits for (quotewait.c), a later float waiting
 * behind it; -1 when none waits. The make-up check reads a float after that passage, not
 * the text before it (library-late-hours.zh reader-6: quotes that wait for paragraphs on
 * pages 2 and 3 were weighed two pages after the text before them, and the search spent its
 * layouts on moves of a quote read in its turn, never on the one the check finds late). */
static long
passage_due (const ink_article_t *a, size_t b, long due)
{
  size_t p = ink__quote_passage_after (a, b);
  return p != SIZE_MAX && (long) p > due ? (long) p : due;
}

/* A fault of the float of block b: counted, and b kept when it is the first. */
static void
fault (order_trial_t *tr, long b)
{
  tr->faults += ORDER_FAR_WEIGHT;
  tr->first = tr->first == ORDER_NONE || b < tr->first ? b : tr->first;
}

/* The float of block b read out of its text's reach (out_of_reach): counted under the faults,
 * and b kept when it is the first so read. */
static void
far_fault (order_trial_t *tr, long b, long *first_far)
{
  if (tr->faults % ORDER_FAR_WEIGHT + 1 < ORDER_FAR_WEIGHT)
    tr->faults++;
  *first_far = *first_far == ORDER_NONE || b < *first_far ? b : *first_far;
}

/* Pull quote block q (its extent ef) is read before the first line of a block of text that
 * holds its words (ink__block_pulled_from): the reader meets the line first in the quote. */
static bool
over_passage (const lay_t *L, long q, const extent_t *ef)
{
  for (size_t t = 0; t < L->a->nblocks; t++) {
    if (!ink__is_text_block (&L->a->blocks[t]) || !ink__block_pulled_from (L->a, q, (long) t))
      continue;
    extent_t et = extent (L, (long) t);
    if (et.first.page != SIZE_MAX && ink__read_before (ef->first, et.first))
      return true;
  }
  return false;
}

/* Pull quote q (its extent ef) is read after the first line of the subhead that follows it
 * in the article: it has left its section for the next. */
static bool
past_head (const lay_t *L, long q, const extent_t *ef)
{
  for (size_t h = (size_t) q + 1; h < L->a->nblocks; h++)
    if (L->a->blocks[h].kind == INK_BLOCK_SUBHEAD) {
      extent_t eh = extent (L, (long) h);
      return eh.first.page != SIZE_MAX && ink__read_before (eh.first, ef->first);
    }
  return false;
}

/* The float read between list item l and the text read before it (its lead-in, the body
 * paragraph just before it, or the item before), at the top of a column or page too (as the
 * make-up check's float-in-list reads it): the list is read apart from what leads into it.
 * ORDER_NONE when there is none. */
static long
inside_list (const lay_t *L, size_t l)
{
  const ink_article_t *a = L->a;
  size_t t = l;
  while (t-- > 0 && !ink__is_text_block (&a->blocks[t]))
    ;
  if (t == SIZE_MAX || (a->blocks[t].kind != INK_BLOCK_PARAGRAPH &&
                        a->blocks[t].kind != INK_BLOCK_LIST_ITEM))
    return ORDER_NONE;
  extent_t et = extent (L, (long) t), el = extent (L, (long) l);
  if (et.last.page == SIZE_MAX || el.first.page == SIZE_MAX)
    return ORDER_NONE;
  for (size_t f = 0; f < a->nblocks; f++) {
    if (!ink__is_float_block (&a->blocks[f]))
      continue;
    extent_t ef = extent (L, (long) f);
    if (ef.first.page != SIZE_MAX && ink__read_before (et.last, ef.first) &&
        ink__read_before (ef.first, el.first))
      return (long) f;
  }
  return ORDER_NONE;
}

/* The float of block b is set across the columns: its first unit spans them. */
static bool
float_spans (const lay_t *L, long b)
{
  for (size_t u = 0; u < L->units.n; u++)
    if (L->units.v[u].block == b && L->units.v[u].float_len)
      return L->units.v[u].span;
  return false;
}

/* The float of block b begins in one column and goes on in another, or on the next page
 * (the make-up check's split-float): a line of it in the columns stands on a later page than
 * the one before, or in another column and higher up, where the text turns. A float set
 * across the columns stands in none, though its short lines, centred, may sit within one
 * column and its attribution within the next, under them. */
static bool
split_float (const lay_t *L, long b)
{
  if (float_spans (L, b))
    return false;
  size_t page = SIZE_MAX;
  int col = -1;
  int32_t y = 0;
  for (size_t q = 0; q < L->doc->pages.n; q++) {
    const ink__page_t *pg = &L->doc->pages.v[q];
    for (size_t i = 0; i < pg->nl; i++) {
      const ink__lrec_t *l = &L->doc->lines.v[pg->l0 + i];
      int c = l->block == b && !l->generated ? ink__line_col (L, l, pg->body_top) : -1;
      if (c < 0)
        continue;
      if (page != SIZE_MAX && (page != q || (col != c && l->y < y)))
        return true;
      page = q, col = c, y = l->y;
    }
  }
  return false;
}

/* The make-up of the layout L just set, measured into *tr. */
void
ink__order_measure (const lay_t *L, order_trial_t *tr)
{
  const ink_article_t *a = L->a;
  ink__makeup_cols_t c;
  ink__measure_page (L, &L->snap, ink__line_step (L), &c);
  tr->even = ink__makeup_even (&c);
  tr->strained = c.strained;
  tr->rejected = ink__makeup_cost (&c) == INK_MAKEUP_REJECT;
  tr->pages = L->doc->pages.n;
  tr->overflow = L->doc->overflow_chars + L->doc->overflow_blocks;
  tr->hole = ink__quote_under_hole (L) || ink__picture_under_hole (L);
  tr->stranded = stranded_heads (L);
  tr->head_alone = bare_first_page (L);
  tr->head_need = tr->head_alone ? first_float_need (L) : 0;
  tr->bare = bare_columns (L, false);
  tr->bare_beside = bare_columns (L, true);
  tr->short_cols = short_columns (L);
  tr->widows = widows (L);
  tr->float_pages = float_pages (L);
  tr->starved = ink__starved_pages (L);
  tr->faults = 0;
  tr->first = ORDER_NONE;
  tr->list_item = ORDER_NONE;
  tr->early = false;
  tr->early_first = ORDER_NONE;
  tr->passages = 0;
  tr->strays = 0;
  tr->foot = ink__quote_at_first_foot (L);
  long end, first_far = ORDER_NONE;
  ink__read_at_t text0 = first_text (L, &end);
  long t = -1, due = -1;
  for (size_t i = 0; i < a->nblocks; i++) {
    const ink__block_t *b = &a->blocks[i];
    if (ink__is_text_block (b))
      t = (long) i;
    due = passage_due (a, i, due);
    if (!ink__is_float_block (b))
      continue;
    long follows = due > t ? due : t;
    extent_t ef = extent (L, (long) i);
    if (ef.first.page == SIZE_MAX)
      continue;
    if (b->kind == INK_BLOCK_PULLQUOTE && text0.page != SIZE_MAX &&
        ink__read_before (ef.first, text0)) {
      tr->early_first = tr->early ? tr->early_first : (long) i;
      tr->early = true;
    }
    else if (b->kind == INK_BLOCK_PULLQUOTE && over_passage (L, (long) i, &ef))
      tr->passages++;
    tr->strays += b->kind == INK_BLOCK_PULLQUOTE && past_head (L, (long) i, &ef);
    if (out_of_turn (L, (long) i, follows, end, &ef))
      fault (tr, (long) i);
    else if (out_of_reach (L, (long) i, follows, &ef))
      far_fault (tr, (long) i, &first_far);
    if (split_float (L, (long) i))
      fault (tr, (long) i);
  }
  for (size_t l = 1; l < a->nblocks; l++) {
    long f = a->blocks[l].kind == INK_BLOCK_LIST_ITEM ? inside_list (L, l) : ORDER_NONE;
    if (f != ORDER_NONE)
      fault (tr, f);
    if (f != ORDER_NONE && tr->list_item == ORDER_NONE)
      tr->list_item = (long) l;
  }
  long later = ORDER_NONE, earlier = ORDER_NONE;
  for (size_t q = 0; q < L->doc->pages.n; q++) {
    long e = ORDER_NONE;
    long b = ink__beside_pair (L, q, &e);
    if (b >= 0) {
      fault (tr, b);
      if (later == ORDER_NONE || b < later)
        later = b, earlier = e;
    }
    if ((b = ink__later_stacked (L, q)) >= 0)
      fault (tr, b);
  }
  tr->partner = tr->first == later ? earlier : ORDER_NONE;
  tr->first = tr->first == ORDER_NONE ? first_far : tr->first;   /* out of reach, moved last */
}
