/* paginate/floatorder: a short article's floats built ahead of text (or behind it), when
 * the layout in the article's order reads them out of turn.
 *
 * A float that does not fit where the text reaches it waits, and the text flows past it.
 * In a short article with tall floats the text can end first: the float then stands after
 * the end of the text that follows it in the article (under the last paragraph, on a page
 * of its own after it, or over the readers' comments on a page after the text's last), two
 * pages after the text it follows, or beside or right on another pull quote. The page
 * engine's own repairs work a page at a time (early.c, floatpull.c); a
 * make-up editor who meets such a story sets the floats earlier, between paragraphs before
 * their own, and lets the text run on under them. A short article is cheap to set again:
 * it is laid out as the article orders it, and when a float is then read out of turn, again
 * with that float (and the floats right after it) built before the paragraph ahead of it,
 * then the one before that, then after each paragraph behind it; failing those, with the
 * text after it held for it, the last block of text first (a paragraph, block quote or
 * subhead, not a subhead's own text): the floats still waiting when the flow meets that
 * block go in before it, where the text has reached or at the next column's or page's top,
 * and it follows them (flow.c), where it would have ended the story ahead of them on the
 * page before; failing that, held across the page: a float across the columns waiting for
 * the next page's top goes there and the block follows it. The first setting that
 * reads fewer floats out of turn and is no worse made up (no more pages, no more overflow, the
 * last page's columns ending together if they did, no widow, orphan or keep rule let through
 * that was not, no pull quote read before the first paragraph nor over a hole in its column,
 * no more read before the paragraph they quote, no more subheads ending a column, no more
 * columns without text before the last page of text, no more columns of text left short
 * before the page before that, no more widows on any page) is kept,
 * and the next float out of turn tried from it, up to INK_ORDER_MOVES moves and
 * ORDER_TRIALS layouts. With no float out of turn left but a pull quote still read before
 * the first line of text (across page 1's top), the floats after it in its run are built
 * after a paragraph behind them, or failing that the quote alone before a paragraph ahead of
 * it, kept on the same terms with no float out of turn (try_unearly). Before the moves, a
 * layout whose page 1 holds the head alone (the first float too tall for the room under it) is
 * tried with the head fitted to leave that float its room (try_head_room). Every layout of the
 * article (ink_document_layout, the pager) finds the same plan, so that both set the same
 * pages. */
#include "layout-internal.h"

/* Articles with more text than this (bytes of their blocks) are not laid out again. */
#define ORDER_SHORT 6000
/* Layouts tried for one article, the first as the article orders it. The moves of the first
 * float out of turn alone take up to a dozen (before and after each paragraph, then a hold
 * of each block after it): corran-spaceport kiosk-7.5 and yeosu-ferry.ko reader-6 find their
 * hold at the 13th and 11th trial. At 16, jerusalem-cycling.he print-a4 kept a hold at the
 * 14th that the pager, handing pages out as set, does not set alike (test_pager). */
#define ORDER_TRIALS 14

/* A float read out of turn: its block, none when -1. */
#define ORDER_NONE (-1L)

/* The layout as set one way. */
typedef struct {
  size_t pages, overflow;
  bool even, strained, rejected;
  bool early;        /* a pull quote is read before the first line of text */
  long early_first;  /* the first such quote's block (ORDER_NONE: none) */
  long foot;         /* a pull quote across page 1's foot, the text going on (midspan.c) */
  unsigned passages; /* pull quotes read before the paragraph they quote (over_passage) */
  bool hole;         /* a column's text stops well above a pull quote under it */
  unsigned stranded; /* subheads that end a column with text to come */
  unsigned bare;     /* columns without text before the last page of text (bare_columns) */
  unsigned short_cols; /* columns of text left short before the page before that (short_columns) */
  unsigned widows;   /* a paragraph's last line alone at a column's top (widows) */
  unsigned faults;   /* floats read out of turn */
  long first;        /* the first of them in the article's order */
  bool head_alone;   /* page 1 holds the head alone while the article goes on */
  int32_t head_need; /* the room the article's first float takes under the head */
} order_trial_t;

static bool
text_block (const ink__block_t *b)
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
    n += text_block (&a->blocks[i]);
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
      if (b >= 0 && (size_t) b < L->a->nblocks && text_block (&L->a->blocks[b]))
        last = q;
    }
  }
  return last;
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
    if (!text_block (&L->a->blocks[i]))
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

/* Subheads that end their column (no text under them there) with text after them in the
 * article. */
static unsigned
stranded_heads (const lay_t *L)
{
  unsigned n = 0;
  bool text_after = false;
  for (size_t i = L->a->nblocks; i-- > 0;) {
    if (L->a->blocks[i].kind == INK_BLOCK_SUBHEAD && text_after) {
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
    text_after = text_after || text_block (&L->a->blocks[i]);
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
 * picture that takes the whole column keeps no text out). So the make-up check reads a
 * column of floats alone. */
static bool
bare_column (const lay_t *L, const ink__page_t *pg, unsigned c)
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
    if (text_block (&L->a->blocks[l->block]))
      return false;
    if (!ink__is_float_block (&L->a->blocks[l->block]))
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
  int32_t foot = pg->body_bottom ? pg->body_bottom : L->bottom;
  return first < 0 || more || foot - low >= 2 * (int64_t) ink__text_step (L);
}

/* Columns with no line of text that keep text out (bare_column) on the pages before the last
 * that holds text: the text goes on past them. */
static unsigned
bare_columns (const lay_t *L)
{
  const ink_document_t *doc = L->doc;
  size_t last = last_text_page (L);
  unsigned n = 0;
  for (size_t q = 0; q < last; q++)
    for (unsigned c = 0; c < L->ncols; c++)
      n += bare_column (L, &doc->pages.v[q], c);
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
            text_block (&L->a->blocks[l->block]);
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

/* A fault of the float of block b: counted, and b kept when it is the first. */
static void
fault (order_trial_t *tr, long b)
{
  tr->faults++;
  tr->first = tr->first == ORDER_NONE || b < tr->first ? b : tr->first;
}

/* Pull quote block q (its extent ef) is read before the first line of a block of text that
 * holds its words (ink__block_pulled_from): the reader meets the line first in the quote. */
static bool
over_passage (const lay_t *L, long q, const extent_t *ef)
{
  for (size_t t = 0; t < L->a->nblocks; t++) {
    if (!text_block (&L->a->blocks[t]) || !ink__block_pulled_from (L->a, q, (long) t))
      continue;
    extent_t et = extent (L, (long) t);
    if (et.first.page != SIZE_MAX && ink__read_before (ef->first, et.first))
      return true;
  }
  return false;
}

/* The make-up of the layout L just set, measured into *tr. */
static void
measure (const lay_t *L, order_trial_t *tr)
{
  const ink_article_t *a = L->a;
  ink__makeup_cols_t c;
  ink__measure_page (L, &L->snap, ink__line_step (L), &c);
  tr->even = ink__makeup_even (&c);
  tr->strained = c.strained;
  tr->rejected = ink__makeup_cost (&c) == INK_MAKEUP_REJECT;
  tr->pages = L->doc->pages.n;
  tr->overflow = L->doc->overflow_chars + L->doc->overflow_blocks;
  tr->hole = ink__quote_under_hole (L);
  tr->stranded = stranded_heads (L);
  tr->head_alone = bare_first_page (L);
  tr->head_need = tr->head_alone ? first_float_need (L) : 0;
  tr->bare = bare_columns (L);
  tr->short_cols = short_columns (L);
  tr->widows = widows (L);
  tr->faults = 0;
  tr->first = ORDER_NONE;
  tr->early = false;
  tr->early_first = ORDER_NONE;
  tr->passages = 0;
  tr->foot = ink__quote_at_first_foot (L);
  long end;
  ink__read_at_t text0 = first_text (L, &end);
  long t = -1;
  for (size_t i = 0; i < a->nblocks; i++) {
    const ink__block_t *b = &a->blocks[i];
    if (text_block (b))
      t = (long) i;
    if (!ink__is_float_block (b))
      continue;
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
    if (out_of_turn (L, (long) i, t, end, &ef))
      fault (tr, (long) i);
  }
  for (size_t q = 0; q < L->doc->pages.n; q++) {
    long b = ink__later_beside (L, q);
    if (b >= 0)
      fault (tr, b);
    if ((b = ink__later_stacked (L, q)) >= 0)
      fault (tr, b);
  }
}

/* What every trial of one article shares. */
typedef struct {
  ink_context_t *ctx;
  const ink_article_t *a;
  ink_template_t *tpl;
  ink_fontset_t *fonts;
  const ink_layout_options_t *opts;
  bool after;
  order_trial_t base;      /* the layout in the article's order */
  unsigned *budget;        /* layouts left to try */
} order_ctx_t;

/* The article laid out with the floats built as plan orders them, measured into *tr. */
static ink_status_t
trial (const order_ctx_t *o, const ink__float_order_t *plan, order_trial_t *tr)
{
  lay_t L;
  ink_document_t *doc;
  ink_status_t st = ink__lay_out (o->ctx, o->a, o->tpl, o->fonts, o->opts, o->after, plan, &L,
                                  &doc);
  if (st != INK_OK)
    return st;
  measure (&L, tr);
  ink__layout_free (&L);
  ink_document_destroy (doc);
  return INK_OK;
}

/* The trial reads fewer floats out of turn than best and is no worse made up than the
 * layout in the article's order (base). A rule let through (strained) is weighed against a
 * page saved: with the floats no longer on a page of their own, the trial may set them
 * closer than base does (a pull quote near another, read as beside it). */
static bool
better (const order_trial_t *tr, const order_trial_t *best, const order_trial_t *base)
{
  return tr->faults < best->faults && tr->pages <= base->pages &&
         tr->overflow <= base->overflow && (tr->even || !base->even) &&
         (!tr->strained || base->strained || tr->pages < base->pages) && !tr->rejected &&
         (!tr->early || base->early) &&
         tr->passages <= base->passages &&
         (!tr->hole || base->hole) && tr->stranded <= base->stranded && tr->bare <= base->bare &&
         tr->short_cols <= base->short_cols && tr->widows <= base->widows;
}

/* Block j is a place floats may be built before: a paragraph, block quote or subhead, not
 * under a subhead (kept with its text), after the first paragraph for a pull quote (read
 * after the text it pulls a line from), after some text for any float. */
static bool
slot (const ink_article_t *a, size_t j, bool quote)
{
  const ink__block_t *b = &a->blocks[j];
  if (b->kind != INK_BLOCK_PARAGRAPH && b->kind != INK_BLOCK_SUBHEAD &&
      b->kind != INK_BLOCK_QUOTE)
    return false;
  if (j == 0 || a->blocks[j - 1].kind == INK_BLOCK_SUBHEAD)
    return false;
  bool text = false, para = false;
  for (size_t i = 0; i < j; i++) {
    text = text || text_block (&a->blocks[i]);
    para = para || a->blocks[i].kind == INK_BLOCK_PARAGRAPH;
  }
  return quote ? para : text;
}

/* The range [j, e) of a move of the floats from block f on to before block j: e ends the run
 * of floats f starts. No table's rows in it (built together), no comment, nor another
 * move's range. */
static bool
range_free (const ink_article_t *a, const ink__float_order_t *plan, size_t j, size_t e)
{
  for (size_t i = j; i < e; i++)
    if (a->blocks[i].kind == INK_BLOCK_TABLE_ROW || a->blocks[i].kind == INK_BLOCK_COMMENT)
      return false;
  for (unsigned m = 0; m < plan->n; m++)
    if (!plan->v[m].hold && j < plan->v[m].e && plan->v[m].j < e)
      return false;
  return true;
}

/* Block k is held already (a hold of plan). */
static bool
held (const ink__float_order_t *plan, size_t k)
{
  for (unsigned m = 0; m < plan->n; m++)
    if (plan->v[m].hold && plan->v[m].j == k)
      return true;
  return false;
}

/* The article is short, and has a float. */
static bool
worth_trying (const ink_article_t *a)
{
  size_t bytes = 0;
  bool floats = false;
  for (size_t i = 0; i < a->nblocks; i++) {
    bytes += a->blocks[i].text_len;
    floats = floats || ink__is_float_block (&a->blocks[i]);
  }
  return floats && bytes <= ORDER_SHORT;
}

/* Block k is a place floats may be built after: a paragraph or block quote. */
static bool
slot_after (const ink_article_t *a, size_t k)
{
  return a->blocks[k].kind == INK_BLOCK_PARAGRAPH || a->blocks[k].kind == INK_BLOCK_QUOTE;
}

/* Whether trial tr is to be kept over best (base: the article as it orders itself). */
typedef bool (*keep_fn) (const order_trial_t *tr, const order_trial_t *best,
                         const order_trial_t *base);

/* Lays the article out with plan and move (one trial of the budget); keeps them in *plan and
 * *best when keep says so (*moved). */
static ink_status_t
try_plan (const order_ctx_t *o, ink__order_move_t move, keep_fn keep, order_trial_t *best,
          ink__float_order_t *plan, bool *moved)
{
  ink__float_order_t next = *plan;
  next.v[next.n++] = move;
  order_trial_t tr;
  (*o->budget)--;
  ink_status_t st = trial (o, &next, &tr);
  if (st == INK_OK && keep (&tr, best, &o->base)) {
    *plan = next;
    *best = tr;
    *moved = true;
  }
  return st;
}

/* Lays the article out with plan and move; keeps them in *plan and *best when the setting
 * is better (*moved). */
static ink_status_t
try_move (const order_ctx_t *o, ink__order_move_t move, order_trial_t *best,
          ink__float_order_t *plan, bool *moved)
{
  if (*o->budget == 0 || (move.hold ? held (plan, move.j)
                                     : !range_free (o->a, plan, move.j, move.e)))
    return INK_OK;
  return try_plan (o, move, better, best, plan, moved);
}

/* The text before block k in the article ends on a subhead: k is that subhead's text, which
 * the floats may not come between it and. */
static bool
under_subhead (const ink_article_t *a, size_t k)
{
  while (k-- > 0)
    if (text_block (&a->blocks[k]))
      return a->blocks[k].kind == INK_BLOCK_SUBHEAD;
  return false;
}

/* The text after the floats out of turn (from block e on) held for them, the last block of
 * text first: the floats that waited go in before it (where the text meets it, else at the
 * next column's or page's top) and it follows them, rather than end the story ahead of them.
 * Held across the page (page), the text also waits for a float across the columns that
 * waits for the next page's top, and starts that page under it. Keeps the first better
 * setting in *plan and *best. */
static ink_status_t
try_holds (const order_ctx_t *o, size_t e, bool page, order_trial_t *best,
           ink__float_order_t *plan, bool *moved)
{
  const ink_article_t *a = o->a;
  size_t end = e;
  while (end < a->nblocks && a->blocks[end].kind != INK_BLOCK_COMMENT)
    end++;
  ink_status_t st = INK_OK;
  for (size_t k = end; k-- > e && st == INK_OK && !*moved;)
    if ((slot_after (a, k) || a->blocks[k].kind == INK_BLOCK_SUBHEAD) && !under_subhead (a, k))
      st = try_move (o, (ink__order_move_t) { k, k + 1, false, true, page }, best, plan, moved);
  return st;
}

/* Tries the float out of turn first in best (its block, and the floats right after it)
 * before the text blocks ahead of it, the nearest first, then after those behind it, then
 * the text after it held for it, then held across the page; keeps the first better setting
 * in *plan and *best. */
static ink_status_t
try_moves (const order_ctx_t *o, order_trial_t *best, ink__float_order_t *plan, bool *moved)
{
  const ink_article_t *a = o->a;
  *moved = false;
  size_t f = (size_t) best->first, e = f;
  while (e < a->nblocks && ink__is_float_block (&a->blocks[e]))
    e++;
  bool quote = false;
  for (size_t i = f; i < e; i++)
    quote = quote || a->blocks[i].kind == INK_BLOCK_PULLQUOTE;
  ink_status_t st = INK_OK;
  for (size_t j = f; j-- > 0 && st == INK_OK && !*moved;)
    if (slot (a, j, quote))
      st = try_move (o, (ink__order_move_t) { j, e, false, false, false }, best, plan, moved);
  for (size_t k = e; k < a->nblocks && st == INK_OK && !*moved; k++) {
    if (a->blocks[k].kind == INK_BLOCK_COMMENT || a->blocks[k].kind == INK_BLOCK_TABLE_ROW)
      break;
    if (slot_after (a, k) && (k + 1 >= a->nblocks || a->blocks[k + 1].kind != INK_BLOCK_LIST_ITEM))
      st = try_move (o, (ink__order_move_t) { f, k + 1, true, false, false }, best, plan, moved);
  }
  if (st == INK_OK && !*moved)
    st = try_holds (o, e, false, best, plan, moved);
  return st == INK_OK && !*moved ? try_holds (o, e, true, best, plan, moved) : st;
}

/* The trial reads no pull quote before the first line of text where best did, no more
 * floats out of turn, and is no worse made up than base (as better). */
static bool
unearly (const order_trial_t *tr, const order_trial_t *best, const order_trial_t *base)
{
  order_trial_t as_many = *best;
  as_many.faults = best->faults + 1;   /* better asks for fewer faults; as many will do */
  return best->early && !tr->early && better (tr, &as_many, base);
}

/* The trial sets the article on fewer pages than best, whose pull quote stands across page
 * 1's foot, reads no pull quote before the text and is otherwise as unearly's. */
static bool
unfoot (const order_trial_t *tr, const order_trial_t *best, const order_trial_t *base)
{
  order_trial_t as_many = *best;
  as_many.faults = best->faults + 1;
  return tr->pages < best->pages && !tr->early && better (tr, &as_many, base);
}

/* Lays the article out with plan and move; keeps them in *plan and *best when keep holds
 * (unearly, unfoot; *moved). */
static ink_status_t
try_unearly_move (const order_ctx_t *o, ink__order_move_t move, keep_fn keep,
                  order_trial_t *best, ink__float_order_t *plan, bool *moved)
{
  if (*o->budget == 0 || plan->n >= INK_ORDER_MOVES || !range_free (o->a, plan, move.j, move.e))
    return INK_OK;
  return try_plan (o, move, keep, best, plan, moved);
}

/* A pull quote read before the first line of text (block f, best->early_first), across the
 * top of page 1 over it: where floats follow it in a run (a second quote, which it may stand
 * neither beside nor on), those are built after a paragraph behind them, the nearest first,
 * so that the two stand apart; failing that, the quote alone is built before a paragraph
 * ahead of it, the nearest first (nanjing-metro.zh print-a4: after the first paragraph). The
 * same moves serve a quote across page 1's foot (best->foot) that a setting of fewer pages
 * may take in a column instead (keep: unearly or unfoot). */
static ink_status_t
try_unearly (const order_ctx_t *o, size_t f, keep_fn keep, order_trial_t *best,
             ink__float_order_t *plan)
{
  const ink_article_t *a = o->a;
  bool moved = false;
  size_t e = f;
  while (e < a->nblocks && ink__is_float_block (&a->blocks[e]))
    e++;
  ink_status_t st = INK_OK;
  for (size_t k = e; e > f + 1 && k < a->nblocks && st == INK_OK && !moved; k++) {
    if (a->blocks[k].kind == INK_BLOCK_COMMENT || a->blocks[k].kind == INK_BLOCK_TABLE_ROW)
      break;
    if (slot_after (a, k) && (k + 1 >= a->nblocks || a->blocks[k + 1].kind != INK_BLOCK_LIST_ITEM))
      st = try_unearly_move (o, (ink__order_move_t) { f + 1, k + 1, true, false, false }, keep,
                             best, plan, &moved);
  }
  for (size_t j = f; j-- > 0 && st == INK_OK && !moved;)
    if (slot (a, j, true))
      st = try_unearly_move (o, (ink__order_move_t) { j, f + 1, false, false, false }, keep,
                             best, plan, &moved);
  return st;
}

/* The base layout leaves page 1 with the head alone, the article's first float (met before
 * any text, too tall for the room under the head) on page 2: the head is fitted to leave it
 * that room (head.c), as a make-up editor sets a head smaller rather than print a page of
 * it alone (an article of a pull quote and no text, property seed 455 on kiosk-7.5). Kept,
 * as the new base, when page 1 then holds more than the head and the layout is no worse. */
static ink_status_t
try_head_room (order_ctx_t *o, ink__float_order_t *plan)
{
  if (!o->base.head_alone || !o->base.head_need || *o->budget == 0)
    return INK_OK;
  ink__float_order_t next = *plan;
  next.head_room = o->base.head_need;
  order_trial_t tr;
  (*o->budget)--;
  ink_status_t st = trial (o, &next, &tr);
  if (st == INK_OK && !tr.head_alone && tr.pages <= o->base.pages &&
      tr.overflow <= o->base.overflow && tr.faults <= o->base.faults) {
    *plan = next;
    o->base = tr;
  }
  return st;
}

/* The moves that read fewer floats out of turn than o->base, into *plan; the trials log
 * nothing. */
static ink_status_t
search (order_ctx_t *o, ink__float_order_t *plan)
{
  ink_context_t *ctx = o->ctx;
  ink__quiet_t q = ink__quiet (ctx);
  ink_status_t st = try_head_room (o, plan);
  order_trial_t best = o->base;
  bool moved = true;
  while (st == INK_OK && moved && best.first != ORDER_NONE && plan->n < INK_ORDER_MOVES)
    st = try_moves (o, &best, plan, &moved);
  if (st == INK_OK && best.first == ORDER_NONE && best.early && best.early_first != ORDER_NONE)
    st = try_unearly (o, (size_t) best.early_first, unearly, &best, plan);
  else if (st == INK_OK && best.first == ORDER_NONE && best.foot != ORDER_NONE)
    st = try_unearly (o, (size_t) best.foot, unfoot, &best, plan);
  ink__quiet_end (ctx, q);
  return st;
}

/**
 * ink__float_order_plan:
 * @after: the opening pull quote goes after the first paragraph (quoteplace.c)
 * @L: (out): the layout in the article's order, every page set, when one was made
 * @doc: (out): its document, or NULL when the article was not laid out (not worth trying)
 * @plan: (out): the floats to move (none: the article's order)
 *
 * For a short article whose layout in the article's order reads a float out of turn, the
 * floats to build elsewhere (see the file's head). A pager asks this first, laying the
 * article out in its order to see, and keeps that layout when no float moves;
 * ink_document_layout asks ink__float_order_replan of the layout it has set, and both find
 * the same. The layout in the article's order logs its warnings (it is the one kept when no
 * float moves, and ink_document_layout's first layout logs them likewise) but reports no
 * progress, as a pager reports none. On failure *doc is NULL and nothing is left to free;
 * else the caller frees *L and *doc.
 *
 * Return value: INK_OK, or the error that stopped a layout.
 */
ink_status_t
ink__float_order_plan (ink_context_t *ctx, const ink_article_t *article, ink_template_t *tpl,
                       ink_fontset_t *fonts, const ink_layout_options_t *opts, bool after,
                       lay_t *L, ink_document_t **doc, ink__float_order_t *plan)
{
  *plan = (ink__float_order_t) { .n = 0 };
  *doc = NULL;
  if (!ctx || !article || !worth_trying (article))
    return INK_OK;
  ink__quiet_t q = ink__quiet_progress (ctx);
  ink_status_t st = ink__lay_out (ctx, article, tpl, fonts, opts, after, plan, L, doc);
  ink__quiet_end (ctx, q);
  if (st == INK_OK)
    st = ink__float_order_replan (L, opts, plan);
  if (st != INK_OK && *doc) {
    ink__layout_free (L);
    ink_document_destroy (*doc);
    *doc = NULL;
  }
  return st;
}

/**
 * ink__float_order_replan:
 * @L: an article's layout in its order, every page set
 * @plan: (out): the floats to move (none: the article's order)
 *
 * As ink__float_order_plan, with L as the layout in the article's order.
 *
 * Return value: INK_OK, or the error that stopped a layout.
 */
ink_status_t
ink__float_order_replan (const lay_t *L, const ink_layout_options_t *opts,
                         ink__float_order_t *plan)
{
  *plan = (ink__float_order_t) { .n = 0 };
  if (L->order.n || L->order.head_room || !worth_trying (L->a))
    return INK_OK;
  unsigned budget = ORDER_TRIALS - 1;
  order_ctx_t o = { L->ctx, L->a, L->t, L->fs, opts, L->short_quote_after, { 0 }, &budget };
  measure (L, &o.base);
  return search (&o, plan);
}
