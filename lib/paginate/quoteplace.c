/* paginate/quoteplace: where a short article's opening pull quote goes. A pull quote the
 * article opens with goes after its first paragraph when enough text follows there
 * (units.c, OPENING_TEXT_AFTER); with less, balancing the last page may set it beside or
 * after the little text left, and it stays above the first paragraph, read before the text
 * it pulls a line from. A short article is cheap to set twice: it is laid out both ways,
 * and the quote goes after the first paragraph when it is then read after the first
 * paragraph's first line and before the end of the text, on no more pages, all the text
 * set, and the last page's columns ending together if they did with the quote on top.
 * Balancing's cost is compared but for the spread of columns that end together: on a page
 * that passes as balanced either way, a quote read in its turn is worth more than last
 * baselines a few pixels nearer (chapel-clock print-a4 kept its quote across the top for
 * columns 32 px apart against 52). When the last page's columns end apart with the quote on
 * top, the page fails balancing either way and the cost is not compared: the quote read in
 * its turn decides (a last page of one comment alone in one of two columns, which costs more
 * than any spread, against two comments side by side 70 px apart). */
#include "layout-internal.h"

/* The layout as set one way. */
typedef struct {
  size_t pages, overflow;
  bool even;      /* the last page's columns end together (within a line step) */
  bool strained;  /* ... with a widow, orphan or keep rule let through */
  int64_t cost;   /* ... and balancing's cost for it */
  int64_t even_share;  /* the most a spread within a line step adds to that cost */
  bool hole;      /* a column's text stops well above it (ink__quote_under_hole) */
  bool in_turn;   /* the opening quote is read after the first paragraph's first line and
                   * before the end of the text */
} trial_t;

/* The opening pull quote is read after the first line of the first paragraph and before
 * the last line of running text. */
static bool
quote_in_turn (const lay_t *L)
{
  const ink_article_t *a = L->a;
  const ink_document_t *doc = L->doc;
  ink__read_at_t first = { SIZE_MAX, 0, 0 }, quote = { SIZE_MAX, 0, 0 }, last = { 0, -1, 0 };
  for (size_t q = 0; q < doc->pages.n; q++) {
    const ink__page_t *pg = &doc->pages.v[q];
    for (size_t i = 0; i < pg->nl; i++) {
      const ink__lrec_t *l = &doc->lines.v[pg->l0 + i];
      if (l->generated || l->block < 0 || (size_t) l->block >= a->nblocks)
        continue;
      ink__read_at_t at = { q, ink__line_col (L, l, pg->body_top), l->y };
      ink__block_kind_t k = a->blocks[l->block].kind;
      bool text = k == INK_BLOCK_PARAGRAPH || k == INK_BLOCK_SUBHEAD || k == INK_BLOCK_LIST_ITEM;
      if (k == INK_BLOCK_PULLQUOTE && ink__read_before (at, quote))
        quote = at;
      if (text && ink__read_before (at, first))
        first = at;
      if (text && ink__read_before (last, at))
        last = at;
    }
  }
  return quote.page != SIZE_MAX && first.page != SIZE_MAX && ink__read_before (first, quote) &&
         ink__read_before (quote, last);
}

/* The top of the pull quote whose first line stands at y in column c of page pg, the text
 * over it ending at over: the rule over the quote, where one stands between them in the
 * column, else the quote's first line. */
static int64_t
float_top (const lay_t *L, const ink__page_t *pg, int c, int64_t over, int32_t y)
{
  int64_t top = y;
  for (size_t i = 0; i < pg->ni; i++) {
    const ink__item_t *it = &L->doc->items.v[pg->i0 + i];
    ink__lrec_t r = { .x = it->x, .y = it->y, .w = it->w };
    if (it->kind == INK_ITEM_RULE && it->y >= over && it->y < top &&
        ink__line_col (L, &r, pg->body_top) == c)
      top = it->y;
  }
  return top;
}

/* On some page, a column's text stops two and a half line steps or more above the opening
 * pull quote under it: a short column hidden by the quote at its foot (the make-up check's
 * column-hole, measured as it is to the quote's top, its rule where it has one). */
bool
ink__quote_under_hole (const lay_t *L)
{
  const ink_article_t *a = L->a;
  const ink_document_t *doc = L->doc;
  int64_t hole = 5 * (int64_t) ink__line_step (L) / 2;
  for (size_t q = 0; q < doc->pages.n; q++) {
    const ink__page_t *pg = &doc->pages.v[q];
    const ink__lrec_t *v = &doc->lines.v[pg->l0];
    for (size_t i = 0; i < pg->nl; i++) {   /* a quote line and the text line over it */
      int c = ink__line_col (L, &v[i], pg->body_top);
      if (c < 0 || v[i].block < 0 || (size_t) v[i].block >= a->nblocks ||
          a->blocks[v[i].block].kind != INK_BLOCK_PULLQUOTE)
        continue;
      int64_t over = INT64_MIN;   /* the foot of the lowest line above it in its column */
      for (size_t j = 0; j < pg->nl; j++)
        if (v[j].y < v[i].y && ink__line_col (L, &v[j], pg->body_top) == c &&
            (int64_t) v[j].y + v[j].h > over)
          over = (int64_t) v[j].y + v[j].h;
      if (over != INT64_MIN && float_top (L, pg, c, over, v[i].y) - over >= hole)
        return true;
    }
  }
  return false;
}

/* On some page, a column's text stops two and a half line steps or more above a picture
 * under it (the make-up check's column-hole, measured to the picture's top, its rule where it
 * has one): a plan of floats that leaves such a hole over a picture is no better made up
 * (floatorder.c; odesa-ferry.uk kiosk-10.3 set its chart eight line steps under the two
 * lines that opened page 1's second column). */
bool
ink__picture_under_hole (const lay_t *L)
{
  const ink_document_t *doc = L->doc;
  int64_t hole = 5 * (int64_t) ink__line_step (L) / 2;
  for (size_t q = 0; q < doc->pages.n; q++) {
    const ink__page_t *pg = &doc->pages.v[q];
    const ink__lrec_t *v = &doc->lines.v[pg->l0];
    for (size_t i = 0; i < pg->ni; i++) {
      const ink__item_t *it = &doc->items.v[pg->i0 + i];
      ink__lrec_t r = { .x = it->x, .y = it->y, .w = it->w };
      int c = it->kind == INK_ITEM_IMAGE ? ink__line_col (L, &r, pg->body_top) : -1;
      if (c < 0)
        continue;
      int64_t over = INT64_MIN;   /* the foot of the lowest line above it in its column */
      for (size_t j = 0; j < pg->nl; j++)
        if (v[j].y < it->y && ink__line_col (L, &v[j], pg->body_top) == c &&
            (int64_t) v[j].y + v[j].h > over)
          over = (int64_t) v[j].y + v[j].h;
      if (over != INT64_MIN && float_top (L, pg, c, over, it->y) - over >= hole)
        return true;
    }
  }
  return false;
}

/* The article laid out with its opening pull quote after the first paragraph (after) or
 * above it, measured into *t. */
static ink_status_t
trial (ink_context_t *ctx, const ink_article_t *article, ink_template_t *tpl,
       ink_fontset_t *fonts, const ink_layout_options_t *opts, bool after, trial_t *t)
{
  lay_t L;
  ink_document_t *doc;
  const ink__float_order_t order = { .n = 0 };
  ink_status_t st = ink__lay_out (ctx, article, tpl, fonts, opts, after, &order, &L, &doc);
  if (st != INK_OK)
    return st;
  ink__makeup_cols_t c;
  ink__measure_page (&L, &L.snap, ink__line_step (&L), &c);
  t->even = ink__makeup_even (&c);
  t->strained = c.strained;
  t->cost = ink__makeup_cost (&c);
  t->even_share = ((int64_t) c.step + (c.together > 1 ? c.together : 1)) / 4;
  t->pages = doc->pages.n;
  t->overflow = doc->overflow_chars + doc->overflow_blocks;
  t->in_turn = quote_in_turn (&L);
  t->hole = ink__quote_under_hole (&L);
  ink__layout_free (&L);
  ink_document_destroy (doc);
  return INK_OK;
}

/**
 * ink__short_quote_place:
 * @after: (out): whether the opening pull quote goes after the first paragraph
 *
 * For an article too short for its opening pull quote to go after the first paragraph by
 * the rule (ink__short_opening_quote), lays it out both ways and sets *after when the quote
 * after the first paragraph is read in its turn and costs nothing (see the file's head).
 * Every layout of the article (ink_document_layout, the pager) asks this first, so that
 * they set the same pages.
 *
 * Return value: INK_OK, or the error that stopped a layout.
 */
ink_status_t
ink__short_quote_place (ink_context_t *ctx, const ink_article_t *article, ink_template_t *tpl,
                        ink_fontset_t *fonts, const ink_layout_options_t *opts, bool *after)
{
  *after = false;
  if (!article || !ink__short_opening_quote (article))
    return INK_OK;
  trial_t top, in;
  /* The layout that counts logs its warnings and reports progress; the trials do not. */
  ink__quiet_t q = ink__quiet (ctx);
  ink_status_t st = trial (ctx, article, tpl, fonts, opts, false, &top);
  if (st == INK_OK)
    st = trial (ctx, article, tpl, fonts, opts, true, &in);
  ink__quiet_end (ctx, q);
  if (st != INK_OK)
    return st;
  /* With the quote on top the last page's columns already end apart: the page fails
   * balancing either way, and the quote read in its turn decides (a cost may be INT64_MAX). */
  bool cheaper = in.cost - (in.even ? in.even_share : 0) <= top.cost;
  *after = in.in_turn && !in.hole && in.pages <= top.pages && in.overflow <= top.overflow &&
           (in.even || !top.even) && (!in.strained || top.strained) &&
           in.cost != INK_MAKEUP_REJECT && (cheaper || !top.even);
  return INK_OK;
}
