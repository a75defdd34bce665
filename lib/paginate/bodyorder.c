/* paginate/bodyorder: the body's units built in reading order, as the flow asks for them:
 * the blocks (an opening pull quote moved after the first paragraph, a pull quote that waits
 * for its passage after that paragraph (quotewait.c), floats moved by the layout's float
 * order), the source line, then the comments. units.c makes each block's. */
#include "layout-internal.h"

/* What L->build.phase builds next. */
enum { BUILD_LEAD, BUILD_BLOCKS, BUILD_SOURCE, BUILD_COMMENTS };

/* The body's first paragraph block, or SIZE_MAX. */
static size_t
first_paragraph (const ink_article_t *a)
{
  for (size_t i = 0; i < a->nblocks; i++)
    if (a->blocks[i].kind == INK_BLOCK_PARAGRAPH)
      return i;
  return SIZE_MAX;
}

/* An opening pull quote goes before a block with at least this much running text from it
 * on (bytes of UTF-8, some twenty lines of a column): with less, balancing the last page
 * sets the quote beside or after the little text left, read after its end. */
#define OPENING_TEXT_AFTER 1200

/* The last block an opening pull quote may go before, or SIZE_MAX: a paragraph or subhead
 * right after a paragraph, after the first, with OPENING_TEXT_AFTER of text from it on. A
 * quote set after the last paragraph would be read after the end of the text that follows
 * it. With less text than that after every such block, the first paragraph among them when
 * short (an article too short for the rule, whose layout tried it there, quoteplace.c). */
static size_t
last_quote_slot (const ink_article_t *a, size_t first_para, bool short_ok)
{
  size_t text = 0, first = SIZE_MAX;
  for (size_t i = a->nblocks; first_para != SIZE_MAX && i-- > first_para + 1;) {
    ink__block_kind_t k = a->blocks[i].kind;
    if (k == INK_BLOCK_PARAGRAPH || k == INK_BLOCK_SUBHEAD || k == INK_BLOCK_LIST_ITEM)
      text += a->blocks[i].text_len;
    if (a->blocks[i - 1].kind != INK_BLOCK_PARAGRAPH ||
        (k != INK_BLOCK_PARAGRAPH && k != INK_BLOCK_SUBHEAD))
      continue;
    if (text >= OPENING_TEXT_AFTER)
      return i;
    if (k == INK_BLOCK_PARAGRAPH)
      first = i;   /* before a subhead, little text under it could leave it stranded */
  }
  return short_ok ? first : SIZE_MAX;
}

/* The article opens with a pull quote before its first paragraph and has too little text
 * for the quote to go after it by the rule (OPENING_TEXT_AFTER), but a place there: after
 * the first paragraph, before a paragraph or subhead. */
bool
ink__short_opening_quote (const ink_article_t *a)
{
  size_t first = first_paragraph (a);
  bool quote = false;
  for (size_t i = 0; i < first && first != SIZE_MAX; i++)
    quote = quote || a->blocks[i].kind == INK_BLOCK_PULLQUOTE;
  return quote && last_quote_slot (a, first, false) == SIZE_MAX &&
         last_quote_slot (a, first, true) != SIZE_MAX;
}

/* Block i is a pull quote the article opens with, before its first paragraph: a pull quote
 * pulls a line from text the reader has read, and one set above the first paragraph is read
 * before it (the make-up check's early-quote). A newspaper sets it after the first
 * paragraph instead, and a second one two paragraphs further on, not beside the first: its
 * units are built there (opening_quote_due), when the text goes on after a paragraph. */
static bool
opening_quote (const lay_t *L, size_t i)
{
  return i < L->build.first_para && L->build.last_slot != SIZE_MAX &&
         L->a->blocks[i].kind == INK_BLOCK_PULLQUOTE;
}

/* The next opening pull quote not yet built, from build.opening on, or SIZE_MAX. */
static size_t
next_opening_quote (lay_t *L)
{
  while (L->build.opening < L->build.first_para && L->build.opening < L->a->nblocks &&
         !opening_quote (L, L->build.opening))
    L->build.opening++;
  return L->build.opening < L->build.first_para && L->build.opening < L->a->nblocks
           ? L->build.opening : SIZE_MAX;
}

/* An opening pull quote goes in before block i (a->nblocks: the end of the body's blocks):
 * one is left, the last unit built is a paragraph of body text, one paragraph of it has been
 * built since the start or two since the last opening quote, and block i is not a list item
 * the paragraph leads in (kept with it); before the last block one may go before
 * (build.last_slot), every one left. */
static bool
opening_quote_due (lay_t *L, size_t i)
{
  if (next_opening_quote (L) == SIZE_MAX || L->build.block <= L->build.first_para)
    return false;
  if (i >= L->build.last_slot)
    return true;
  const unit_t *u = L->units.n ? &L->units.v[L->units.n - 1] : NULL;
  return u && u->kind == U_PARA && !u->float_len && u->p->role == INK_ROLE_BODY &&
         L->build.paras_since >= (L->build.opened ? 2u : 1u) &&
         L->a->blocks[i].kind != INK_BLOCK_LIST_ITEM;
}

/* The units of block i, a table's rows together (*i then the last); a float's first unit
 * says how many it has. An opening pull quote is set at the column's width: across the
 * columns it would wait for a page's top, over the first paragraph on a one-page article. */
static ink_status_t
build_block_at (lay_t *L, size_t *i)
{
  const ink_article_t *a = L->a;
  size_t first_unit = L->units.n;
  ink_status_t st = a->blocks[*i].kind == INK_BLOCK_TABLE_ROW
                      ? ink__add_table (L, i)
                    : opening_quote (L, *i) ? ink__add_pullquote (L, &a->blocks[*i], (long) *i, true)
                                            : ink__add_block (L, *i, &L->build.seen_para);
  if (st == INK_OK && ink__is_float_block (&a->blocks[*i]) && L->units.n > first_unit) {
    L->units.v[first_unit].float_len = (unsigned) (L->units.n - first_unit);
    L->units.v[first_unit].span = L->units.v[L->units.n - 1].span;
    ink__stack_related (L, first_unit);
  }
  return st;
}

/* The block built at place pos of the body: the article's, but where the layout moves
 * floats (floatorder.c), the float blocks of a move's range first (or last), in their
 * order, and its other blocks in theirs. */
size_t
ink__order_block (const ink_article_t *a, const ink__float_order_t *o, size_t pos)
{
  for (unsigned m = 0; m < o->n; m++) {
    size_t j = o->v[m].j, e = o->v[m].e;
    if (o->v[m].hold || pos < j || pos >= e || e > a->nblocks)
      continue;
    size_t k = pos - j, first = 0;
    for (int pass = 0; pass < 2; pass++) {
      bool floats = (pass == 0) != o->v[m].floats_last;
      for (size_t b = j; b < e; b++)
        if (ink__is_float_block (&a->blocks[b]) == floats && first++ == k)
          return b;
    }
  }
  return pos;
}

/* Unit ui opens a block of text that waits for the floats before it (a hold of the layout's
 * float order, floatorder.c); with page, one that also waits for a float across the
 * columns that waits for the next page's top. */
bool
ink__order_holds (const lay_t *L, size_t ui, bool page)
{
  const unit_t *u = &L->units.v[ui];
  if (u->kind != U_PARA || u->float_len || u->block < 0 ||
      (ui > 0 && L->units.v[ui - 1].block == u->block))
    return false;
  for (unsigned m = 0; m < L->order.n; m++)
    if (L->order.v[m].hold && L->order.v[m].j == (size_t) u->block &&
        (!page || L->order.v[m].page))
      return true;
  return false;
}

/* The pull quotes that wait for their passage built, in order: those due at block upto or
 * before it (SIZE_MAX: all). */
static ink_status_t
release_quotes (lay_t *L, size_t upto)
{
  ink_status_t st = INK_OK;
  unsigned n = 0;
  while (st == INK_OK && n < L->build.nwait && L->build.wait_due[n] <= upto) {
    size_t q = L->build.wait[n++];
    st = build_block_at (L, &q);
  }
  L->build.nwait -= n;
  for (unsigned i = 0; i < L->build.nwait; i++) {
    L->build.wait[i] = L->build.wait[i + n];
    L->build.wait_due[i] = L->build.wait_due[i + n];
  }
  return st;
}

/* Block b, a pull quote met in its place, waits for its passage (quotewait.c), or behind one
 * that waits: *waits when it does, built later by release_quotes. */
static ink_status_t
quote_waits (lay_t *L, size_t b, bool *waits)
{
  *waits = false;
  if (L->a->blocks[b].kind != INK_BLOCK_PULLQUOTE || opening_quote (L, b))
    return INK_OK;
  size_t due = ink__quote_passage_after (L->a, b);
  size_t before = L->build.nwait ? L->build.wait_due[L->build.nwait - 1] : SIZE_MAX;
  if (before != SIZE_MAX && (due == SIZE_MAX || due < before))
    due = before;   /* behind the one that waits, in the article's order */
  if (due == SIZE_MAX)
    return INK_OK;
  if (L->build.nwait == INK_QUOTES_WAITING) {
    ink_status_t st = release_quotes (L, SIZE_MAX);
    if (st != INK_OK)
      return st;
  }
  L->build.wait[L->build.nwait] = b;
  L->build.wait_due[L->build.nwait++] = due;
  *waits = true;
  return INK_OK;
}

/* The units of the body's next block, or of an opening pull quote due before it; an opening
 * pull quote met in its place is passed over, and one that waits for its passage too; after
 * a block of text, the pull quotes that waited for it. */
static ink_status_t
build_block (lay_t *L)
{
  size_t i = L->build.block;
  if (opening_quote_due (L, i)) {
    size_t q = next_opening_quote (L);
    L->build.opening = q + 1;
    L->build.paras_since = 0;
    L->build.opened = true;
    return build_block_at (L, &q);
  }
  size_t b = ink__order_block (L->a, &L->order, i), b0 = b;
  L->build.paras_since += L->a->blocks[b].kind == INK_BLOCK_PARAGRAPH;
  bool waits;
  ink_status_t st = quote_waits (L, b, &waits);
  if (st == INK_OK && !waits && !opening_quote (L, b))
    st = build_block_at (L, &b);
  L->build.block = i + 1 + (b - b0);   /* a table's rows, never moved, built together */
  if (st == INK_OK && !ink__is_float_block (&L->a->blocks[b0]))
    st = release_quotes (L, b);
  return st;
}

/* The units of the next thing of the body, in this order (after the lead picture when it
 * goes in the columns, built with the head): the blocks (an opening pull quote after the
 * first paragraph), the source line, then the comments. Sets units_done after the last. */
static ink_status_t
build_next (lay_t *L)
{
  const ink_article_t *a = L->a;
  switch (L->build.phase) {
  case BUILD_LEAD:
    L->build.phase = BUILD_BLOCKS;
    L->build.block = 0;
    L->build.first_para = first_paragraph (a);
    L->build.last_slot = last_quote_slot (a, L->build.first_para, L->short_quote_after);
    L->build.opening = 0;
    L->build.paras_since = 0;
    L->build.opened = false;
    L->build.nwait = 0;
    /* The lead picture for the columns is built with the head, at its size (leadcol.c). */
    return INK_OK;
  case BUILD_BLOCKS:
    if (L->build.block < a->nblocks || opening_quote_due (L, a->nblocks))
      return build_block (L);
    if (L->build.nwait)
      return release_quotes (L, SIZE_MAX);
    L->build.phase = BUILD_SOURCE;
    return INK_OK;
  case BUILD_SOURCE:
    L->build.phase = BUILD_COMMENTS;
    L->build.block = 0;
    L->build.first_comment = true;
    return a->source ? ink__add_source (L) : INK_OK;
  default:
    while (L->build.block < a->nblocks && a->blocks[L->build.block].kind != INK_BLOCK_COMMENT)
      L->build.block++;
    if (L->build.block >= a->nblocks) {
      L->units_done = true;
      return INK_OK;
    }
    bool first = L->build.first_comment;
    L->build.first_comment = false;
    return ink__add_comment (L, L->build.block++, first);
  }
}

/* Every unit of the body, built now. */
ink_status_t
ink__build_body_units (lay_t *L)
{
  ink_status_t st = INK_OK;
  while (st == INK_OK && !L->units_done)
    st = build_next (L);
  return st;
}

/* Units before the one returned are final: building more changes none of them. A list item
 * changes the unit before it (keep, space); the source line, the keep of the last paragraph
 * outside a float. */
size_t
ink__units_fixed (const lay_t *L)
{
  size_t n = L->units.n;
  if (L->units_done)
    return n;
  size_t fixed = n ? n - 1 : 0;
  if (L->build.phase <= BUILD_SOURCE)
    for (size_t i = n; i > 0; i--)
      if (L->units.v[i - 1].kind == U_PARA && !L->units.v[i - 1].float_len) {
        fixed = i - 1 < fixed ? i - 1 : fixed;
        break;
      }
  return fixed;
}

/* Height of unit u with the space around it, for look-ahead only. */
static int64_t
ahead_height (const unit_t *u)
{
  return (int64_t) u->space_before + u->space_after + ink__unit_height (u, SIZE_MAX);
}

/**
 * ink__units_ahead:
 * @L: the layout
 * @from: the unit the flow goes on from
 * @min_units: units wanted from @from on
 * @min_height: height wanted from @from on, 1/64 px
 *
 * Builds units (setting their paragraphs) until at least @min_units of them from @from on
 * are built and they are at least @min_height tall, or the body has no more (units_done).
 * Units are only ever added at the end; building one may change the keeps and spaces of
 * the few before it (a list's lead-in, the source line's paragraph), so the flow stays
 * some units short of the end (pager.c).
 *
 * Return value: INK_OK, or the status of setting a paragraph.
 */
ink_status_t
ink__units_ahead (lay_t *L, size_t from, size_t min_units, int64_t min_height)
{
  int64_t h = 0;
  size_t seen = from;
  ink_status_t st = INK_OK;
  while (st == INK_OK) {
    for (; seen < L->units.n; seen++)
      h += ahead_height (&L->units.v[seen]);
    if (L->units_done || (L->units.n >= from + min_units && h >= min_height))
      break;
    st = build_next (L);
  }
  return st;
}
