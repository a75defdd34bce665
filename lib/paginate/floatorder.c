/* paginate/floatorder: a short article's floats built ahead of text (or behind it), when
 * the layout in the article's order reads them out of turn.
 *
 * A float that does not fit where the text reaches it waits, and the text flows past it.
 * In a short article with tall floats the text can end first: the float then stands after
 * the end of the text that follows it in the article (under the last paragraph, on a page
 * of its own after it, or over the readers' comments on a page after the text's last), two
 * pages after the text it follows, or beside or right on another pull quote; a float the
 * article sets inside a list that ends the text (listfloat.c lets it stand where it is met)
 * parts the list from its lead-in. The page
 * engine's own repairs work a page at a time (early.c, floatpull.c); a
 * make-up editor who meets such a story sets the floats earlier, between paragraphs before
 * their own, and lets the text run on under them. A short article is cheap to set again:
 * it is laid out as the article orders it, and when a float is then read out of turn, again
 * with that float (and the floats right after it) built before the paragraph ahead of it,
 * then the one before that, then after each paragraph behind it; a pull quote set beside an
 * earlier one, whose own moves read it before the paragraph it quotes or after the end of the
 * text, has the earlier one moved instead, after a paragraph behind it (not past the later)
 * or before one ahead of it; failing those, with the text after it held for it, the last block
 * of text first (a paragraph, block quote or subhead, not a subhead's own text): the floats
 * still waiting when the flow meets that block go in before it, where the text has reached or
 * at the next column's or page's top, and it follows them (flow.c), where it would have ended
 * the story ahead of them on the page before; failing that, held across the page: a float
 * across the columns waiting for the next page's top goes there and the block follows it. The
 * first setting that reads fewer floats out of turn and is no worse made up (no more pages, no
 * more overflow, the last page's columns ending together if they did, no widow, orphan or keep
 * rule let through that was not, no pull quote read before the first paragraph nor over a hole
 * in its column, no more read before the paragraph they quote, no more subheads ending a
 * column, no more columns without text before the last page of text (but a pull quote's
 * beside its passage where that ends the last page's columns together: heldquote.c), no
 * more columns of text left short before the page before that, no more widows on any page)
 * is kept, and the next float out of turn tried from it, up to INK_ORDER_MOVES moves and
 * ORDER_TRIALS layouts. With
 * no float out of turn left but a pull quote still read before the first line of text (across
 * page 1's top), the floats after it in its run are built after a paragraph behind them, or
 * failing that the quote alone before a paragraph ahead of it, kept on the same terms with no
 * float out of turn (try_unearly), and failing those the pull quotes set a tenth smaller at a
 * time (try_unearly_scale). Before the moves, a layout whose page 1 holds the head alone (the
 * first float too tall for the room under it) is tried with the head fitted to leave that float
 * its room (try_head_room). Every layout of the article (ink_document_layout, the pager) finds
 * the same plan, so that both set the same pages. Each layout tried is measured by
 * ordertrial.c, and takes its paragraphs' shaping from the layout in the article's order
 * (shapereuse.c). */
#include "floatorder.h"

/* Articles with more text than this (characters of their blocks) are not laid out again.
 * At 6000, stories a little longer kept a quote over their comments or beside another,
 * which the search sets in turn; its work is bounded by the article's (orderbudget.c). */
#define ORDER_SHORT 12000
/* Layouts tried for one article, the first as the article orders it. The moves of the first
 * float out of turn alone take up to a dozen (before and after each paragraph, then a hold
 * of each block after it): corran-spaceport kiosk-7.5 and yeosu-ferry.ko reader-6 find their
 * hold at the 13th and 11th trial. At 16, jerusalem-cycling.he print-a4 kept a hold at the
 * 14th that the pager, handing pages out as set, does not set alike (test_pager). */
#define ORDER_TRIALS 14

/* The trial reads fewer floats out of turn than best and is no worse made up than the
 * layout in the article's order (base). A rule let through (strained) is weighed against a
 * page saved: with the floats no longer on a page of their own, the trial may set them
 * closer than base does (a pull quote near another, read as beside it), and a pull quote
 * read before its passage by floats set back in turn (ordertrade.c). */
static bool
better (const order_trial_t *tr, const order_trial_t *best, const order_trial_t *base)
{
  return tr->faults < best->faults && tr->pages <= base->pages &&
         tr->overflow <= base->overflow && (tr->even || !base->even) &&
         (!tr->strained || base->strained || tr->pages < base->pages) && !tr->rejected &&
         (!tr->early || base->early) &&
         ink__passages_paid (tr, base) && tr->strays <= base->strays &&
         (!tr->hole || base->hole) && tr->stranded <= base->stranded &&
         (tr->bare <= base->bare || (tr->even && !base->even && tr->bare_beside <= base->bare)) &&
         tr->short_cols <= base->short_cols && tr->widows <= base->widows;
}

/* Block j opens a list that no paragraph leads into: a list item after text that is neither
 * a paragraph nor an item (a block quote). Floats built before it stand over the list, not
 * inside it. */
static bool
list_start (const ink_article_t *a, size_t j)
{
  if (a->blocks[j].kind != INK_BLOCK_LIST_ITEM)
    return false;
  size_t t = j;
  while (t-- > 0 && !ink__is_text_block (&a->blocks[t]))
    ;
  return t != SIZE_MAX && a->blocks[t].kind != INK_BLOCK_PARAGRAPH &&
         a->blocks[t].kind != INK_BLOCK_LIST_ITEM;
}

/* Block j is a place floats may be built before: a paragraph, block quote or subhead, or a
 * list that no paragraph leads into (list_start), not under a subhead (kept with its text),
 * nor a table's note (under its last row: the table
 * takes the block built after its rows as its note, and a float built there was lost and the
 * note set twice), after the first paragraph for a pull quote (read after the text it pulls
 * a line from), after some text for any other float but before the article's first block
 * (a related box or picture may open the text: one inside a list led into by the article's
 * first paragraph has no other place in turn). */
static bool
slot (const ink_article_t *a, size_t j, bool quote)
{
  const ink__block_t *b = &a->blocks[j];
  if (b->kind != INK_BLOCK_PARAGRAPH && b->kind != INK_BLOCK_SUBHEAD &&
      b->kind != INK_BLOCK_QUOTE && !list_start (a, j))
    return false;
  if (ink__is_table_note (a, j))
    return false;
  if (j == 0)
    return !quote;   /* a related box or picture may open the text; a pull quote may not */
  if (a->blocks[j - 1].kind == INK_BLOCK_SUBHEAD)
    return false;
  bool text = false, para = false;
  for (size_t i = 0; i < j; i++) {
    text = text || ink__is_text_block (&a->blocks[i]);
    para = para || a->blocks[i].kind == INK_BLOCK_PARAGRAPH;
  }
  return quote ? para : text;
}

/* The range [j, e) of a move of the floats from block f on to before block j: e ends the run
 * of floats f starts. Not begun inside a table (its rows are built together; a whole table
 * in it keeps them so), no comment, nor another move's range. */
static bool
range_free (const ink_article_t *a, const ink__float_order_t *plan, size_t j, size_t e)
{
  if (a->blocks[j].kind == INK_BLOCK_TABLE_ROW)
    return false;
  for (size_t i = j; i < e; i++)
    if (a->blocks[i].kind == INK_BLOCK_COMMENT)
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

/**
 * ink__order_changes:
 * @o: a float order
 *
 * Whether @o sets the article otherwise than in its order: floats moved or text held, room
 * left under the head for the first float, or pull quotes set smaller.
 *
 * Return value: whether the layout with @o differs from the article's order.
 */
bool
ink__order_changes (const ink__float_order_t *o)
{
  return o->n || o->head_room || o->quote_scale > 0;
}

/* The article is short: laying it out whole, to weigh a layout of it, costs little. */
bool
ink__short_article (const ink_article_t *a)
{
  size_t chars = 0;
  for (size_t i = 0; i < a->nblocks; i++)
    chars += ink__utf8_count (a->blocks[i].text, a->blocks[i].text_len);
  return chars <= ORDER_SHORT;
}

/* The article is short, and has a float. */
static bool
worth_trying (const ink_article_t *a)
{
  bool floats = false;
  for (size_t i = 0; i < a->nblocks; i++)
    floats = floats || ink__is_float_block (&a->blocks[i]);
  return floats && ink__short_article (a);
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
  ink_status_t st = ink__order_trial (o, &next, &tr);
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
    if (ink__is_text_block (&a->blocks[k]))
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

/* The pull quote p that a later one (block f) stands beside, with the floats right after it,
 * built after the text blocks behind it up to f, the nearest first, then before those ahead
 * of it: the two quotes then stand at other heights, or on other pages. Keeps the first
 * better setting in *plan and *best. */
static ink_status_t
try_partner (const order_ctx_t *o, size_t p, size_t f, order_trial_t *best,
             ink__float_order_t *plan, bool *moved)
{
  const ink_article_t *a = o->a;
  size_t e = p;
  while (e < a->nblocks && ink__is_float_block (&a->blocks[e]))
    e++;
  if (e > f)
    return INK_OK;   /* one run with f: f's own moves take both */
  ink_status_t st = INK_OK;
  for (size_t k = e; k < f && st == INK_OK && !*moved; k++)
    if (slot_after (a, k) && a->blocks[k + 1].kind != INK_BLOCK_LIST_ITEM)
      st = try_move (o, (ink__order_move_t) { p, k + 1, true, false, false }, best, plan, moved);
  for (size_t j = p; j-- > 0 && st == INK_OK && !*moved;)
    if (slot (a, j, true))
      st = try_move (o, (ink__order_move_t) { j, e, false, false, false }, best, plan, moved);
  return st;
}

/* The paragraph that leads into the list the floats from block f on stand inside (after its
 * lead-in or an item, an item at e after them): its block, else SIZE_MAX. */
static size_t
lead_in (const ink_article_t *a, size_t f, size_t e)
{
  if (e >= a->nblocks || a->blocks[e].kind != INK_BLOCK_LIST_ITEM)
    return SIZE_MAX;
  size_t t = f;
  while (t-- > 0 && (a->blocks[t].kind == INK_BLOCK_LIST_ITEM ||
                     ink__is_float_block (&a->blocks[t])))
    ;
  return t != SIZE_MAX && a->blocks[t].kind == INK_BLOCK_PARAGRAPH ? t : SIZE_MAX;
}

/* The floats from block f to e, inside a list (between its lead-in and first item, or two
 * items), built before the lead-in with the lead-in held for them: they go in before it
 * where the text has reached, or at the next column's top, and the lead-in and the list
 * follow them. Built there alone, a float too tall for the short columns of a balanced page
 * waits past the lead-in and opens the next column inside the list; where the list ends the
 * text, no text after it can take the float. A pull quote may go there after any text (a
 * list the article opens with): better weighs whether it is read before the paragraph it
 * quotes. Keeps the setting in *plan and *best when it is better. */
static ink_status_t
try_lead_in_hold (const order_ctx_t *o, size_t f, size_t e, order_trial_t *best,
                  ink__float_order_t *plan, bool *moved)
{
  size_t j = lead_in (o->a, f, e);
  if (j == SIZE_MAX || *o->budget == 0 || plan->n + 2 > INK_ORDER_MOVES || held (plan, j) ||
      !slot (o->a, j, false) || !range_free (o->a, plan, j, e))
    return INK_OK;
  ink__float_order_t built = *plan;
  built.v[built.n++] = (ink__order_move_t) { j, e, false, false, false };
  bool kept = false;
  ink_status_t st = try_plan (o, (ink__order_move_t) { j, j + 1, false, true, false }, better,
                              best, &built, &kept);
  if (kept) {
    *plan = built;
    *moved = true;
  }
  return st;
}

/* With a float read inside a list in best, first holds that list's lead-in for the floats
 * that wait (a make-up editor sets them before it, the list whole after them). Tries the
 * float out of turn first in best (its block, and the floats right after it)
 * before the text blocks ahead of it, the nearest first, then after those behind it, then
 * (a float inside a list) before the list's lead-in with the lead-in held for it
 * (try_lead_in_hold), then (a pull quote beside an earlier one) the earlier moved
 * (try_partner), then the text after it held for it, then held across the page; keeps the
 * first better setting in *plan and *best. */
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
  size_t lead = best->list_item == ORDER_NONE ? SIZE_MAX
                : lead_in (a, (size_t) best->list_item, (size_t) best->list_item);
  if (lead != SIZE_MAX && !under_subhead (a, lead))
    st = try_move (o, (ink__order_move_t) { lead, lead + 1, false, true, false }, best, plan,
                   moved);
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
    st = try_lead_in_hold (o, f, e, best, plan, moved);
  if (st == INK_OK && !*moved && best->partner != ORDER_NONE)
    st = try_partner (o, (size_t) best->partner, f, best, plan, moved);
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
  ink_status_t st = ink__order_trial (o, &next, &tr);
  if (st == INK_OK && !tr.head_alone && tr.pages <= o->base.pages &&
      tr.overflow <= o->base.overflow && tr.faults <= o->base.faults) {
    *plan = next;
    o->base = tr;
  }
  return st;
}

/* The smallest pull quotes are set, of their style's size, for a short article whose floats
 * no move reads in turn, a tenth smaller at a time and last at the smallest: still larger
 * than the body on every bundled template (reader-6's 14 pt quote at 10.5 pt over a 10 pt
 * body). corran-spaceport kiosk-7.5 set its second quote two pages after its text at 0.8,
 * a few pixels short of the room under a paragraph's end on page 2. */
#define QUOTE_MIN_SCALE 0.75f
#define QUOTE_SCALE_STEP 0.1f

/* The size tried after s, a step smaller but never under QUOTE_MIN_SCALE; 0 after the
 * smallest. */
float
ink__smaller_quote_scale (float s)
{
  if (s <= QUOTE_MIN_SCALE + 0.001f)
    return 0;
  return s - QUOTE_SCALE_STEP > QUOTE_MIN_SCALE ? s - QUOTE_SCALE_STEP : QUOTE_MIN_SCALE;
}

/* The article has a pull quote. */
bool
ink__has_pullquote (const ink_article_t *a)
{
  for (size_t i = 0; i < a->nblocks; i++)
    if (a->blocks[i].kind == INK_BLOCK_PULLQUOTE)
      return true;
  return false;
}

/* The article laid out with the pull quotes of *next set at s of their style's size (one
 * trial of the budget), measured into *tr. */
static ink_status_t
scaled_trial (const order_ctx_t *o, float s, ink__float_order_t *next, order_trial_t *tr)
{
  next->quote_scale = s;
  (*o->budget)--;
  return ink__order_trial (o, next, tr);
}

/* A setting with the pull quotes smaller may be kept over best: it does not leave page 1
 * holding the head alone, nor more pages of floats alone after the text. */
static bool
scale_kept (const order_trial_t *tr, const order_trial_t *best)
{
  return !tr->head_alone && tr->float_pages <= best->float_pages;
}

/* The layouts the search keeps for the pull quotes set smaller (try_quote_scale): one for
 * each size down to QUOTE_MIN_SCALE and one for the article's order at that size
 * (try_order_scaled), none for an article without a pull quote. */
static unsigned
scale_trials (const ink_article_t *a)
{
  unsigned n = 1;   /* the article's order at the smallest (try_order_scaled) */
  for (float s = ink__smaller_quote_scale (1.0f); s > 0; s = ink__smaller_quote_scale (s))
    n++;
  return ink__has_pullquote (a) ? n : 0;
}

/* The pull quotes set smaller (*next, measured in *tr) read fewer floats out of turn than
 * best but were not kept: the float still out of turn in *tr, or the quote it reads before
 * the first line of text where the article's order did not (an opening quote that ran on
 * over the page turn at its size and fits whole above the first paragraph smaller: property
 * seed 474 on kiosk-7.5), is built after the paragraph right behind it, one trial, kept in
 * *plan and *best when that is better on no more pages than best (*moved). */
static ink_status_t
scaled_after (const order_ctx_t *o, const order_trial_t *tr, const ink__float_order_t *next,
              order_trial_t *best, ink__float_order_t *plan, bool *moved)
{
  const ink_article_t *a = o->a;
  long first = tr->early && !o->base.early ? tr->early_first : tr->first;
  if (first == ORDER_NONE)
    return INK_OK;
  size_t f = (size_t) first, e = f;
  while (e < a->nblocks && ink__is_float_block (&a->blocks[e]))
    e++;
  size_t k = e;
  while (k < a->nblocks && !slot_after (a, k) && a->blocks[k].kind != INK_BLOCK_COMMENT &&
         a->blocks[k].kind != INK_BLOCK_TABLE_ROW)
    k++;
  if (k >= a->nblocks || !slot_after (a, k) || next->n >= INK_ORDER_MOVES || *o->budget == 0 ||
      (k + 1 < a->nblocks && a->blocks[k + 1].kind == INK_BLOCK_LIST_ITEM) ||
      !range_free (a, next, f, k + 1))
    return INK_OK;
  ink__float_order_t moved_plan = *next;
  moved_plan.v[moved_plan.n++] = (ink__order_move_t) { f, k + 1, true, false, false };
  order_trial_t again;
  (*o->budget)--;
  ink_status_t st = ink__order_trial (o, &moved_plan, &again);
  if (st == INK_OK && scale_kept (&again, best) && again.pages <= best->pages &&
      better (&again, best, &o->base)) {
    *plan = moved_plan;
    *best = again;
    *moved = true;
  }
  return st;
}

/* The trial, its pull quotes set smaller, reads fewer floats out of turn than best, or as many
 * on fewer pages, and is otherwise no worse made up than base (as better). A story of two
 * paragraphs, two quotes and a last paragraph (property seed 290 on kiosk-7.5) ended on page
 * 1 with its second quote on page 2 alone; a tenth smaller, the quotes leave it one page with
 * that quote still after the text, and the moves tried from there build the first quote
 * before the second paragraph, every block read in turn (propfloat61). */
static bool
smaller_better (const order_trial_t *tr, const order_trial_t *best, const order_trial_t *base)
{
  order_trial_t as_many = *best, weighed = *tr;
  as_many.faults = best->faults + 1;   /* better asks for fewer faults */
  /* One page for two, with no page of floats alone where base had one, reads better with its
   * last columns ending apart than base with a quote on a page of its own (seed 125). */
  weighed.even = tr->even || (tr->pages < base->pages && tr->float_pages < base->float_pages);
  return better (&weighed, best, base) ||
         (tr->pages < best->pages && better (&weighed, &as_many, base));
}

/* The setting with the pull quotes smaller (tr) is kept over best: as try_quote_scale
 * weighs it. */
static bool
scaled_kept (const order_trial_t *tr, const order_trial_t *best, const order_trial_t *base)
{
  return scale_kept (tr, best) && tr->pages <= best->pages && smaller_better (tr, best, base);
}

/* The moves of *plan kept, and no size of the pull quotes with them kept, or one that still
 * reads a float out of turn (try_quote_scale): the article in its own order with its pull
 * quotes at the smallest, one trial, kept in *plan and *best on the same terms (*moved). The moves were found for the quotes at their size;
 * smaller, the quotes may fit where the article sets them (corran-spaceport kiosk-7.5: its
 * hold for the picture and the second quote, quotes a quarter smaller, left a hole over the
 * second quote on page 3; in the article's order every float read in turn, on a page fewer
 * than its order at full size). */
static ink_status_t
try_order_scaled (const order_ctx_t *o, order_trial_t *best, ink__float_order_t *plan,
                  bool *moved)
{
  if (plan->n == 0 || *o->budget == 0)
    return INK_OK;
  ink__float_order_t next = *plan;
  next.n = 0;
  order_trial_t tr;
  ink_status_t st = scaled_trial (o, QUOTE_MIN_SCALE, &next, &tr);
  if (st == INK_OK && scaled_kept (&tr, best, &o->base)) {
    *plan = next;
    *best = tr;
    *moved = true;
  }
  return st;
}

/* With a float still read out of turn in best, the pull quotes set a tenth smaller at a time,
 * down to QUOTE_MIN_SCALE, with the moves of *plan: a story of a few lines with two tall
 * quotes ends in its first column with the first quote beside its last line and the second
 * on a page of its own, and no move of them leaves the text room to run on under them
 * (propfloat60), or a quote too tall for the column it opens goes on over the turn (split61);
 * a make-up editor cuts the quotes down instead. The first better setting that
 * does not leave page 1 holding the head alone (with a quote smaller under a head fitted for
 * it, page 1 had room for lines and held none: seed 204 of the property test on kiosk-7.5),
 * nor more pages of floats alone after the text (seed 375 on reader-6 took its list whole
 * onto page 1 and left its last quote a page of its own), nor more pages than best (the
 * moves had set a story of three quotes, a related box and a chart on three pages of
 * kiosk-7.5; its quotes a tenth smaller read every float in turn but left the last two
 * lines a page of their own) is kept in *plan and *best
 * (*moved); it may read as many floats out of turn on fewer pages (smaller_better), for the
 * moves to start from; a setting that reads fewer out of turn but is not kept is tried once
 * more with a float moved (scaled_after). With no size kept, or a float still out of turn
 * with the size kept, the article's own order at the smallest (try_order_scaled: the moves'
 * hold with the quotes a tenth smaller read all but one of corran-spaceport's floats in turn
 * on kiosk-7.5 once a late quote went in under a paragraph, latespace.c; its own order at
 * the smallest reads every one). */
static ink_status_t
try_quote_scale (const order_ctx_t *o, order_trial_t *best, ink__float_order_t *plan,
                 bool *moved)
{
  *moved = false;
  if (!ink__has_pullquote (o->a) || plan->quote_scale > 0)
    return INK_OK;
  ink_status_t st = INK_OK;
  unsigned spare = plan->n > 0 && *o->budget > 0;   /* for try_order_scaled */
  *o->budget -= spare;
  for (float s = ink__smaller_quote_scale (1.0f);
       st == INK_OK && !*moved && *o->budget > 0 && s > 0; s = ink__smaller_quote_scale (s)) {
    ink__float_order_t next = *plan;
    order_trial_t tr;
    st = scaled_trial (o, s, &next, &tr);
    if (st == INK_OK && scaled_kept (&tr, best, &o->base)) {
      *plan = next;
      *best = tr;
      *moved = true;
    } else if (st == INK_OK && tr.faults < best->faults) {
      st = scaled_after (o, &tr, &next, best, plan, moved);
    }
  }
  *o->budget += spare;
  bool left = !*moved || best->first != ORDER_NONE;   /* none kept, or one still out of turn */
  return st == INK_OK && left ? try_order_scaled (o, best, plan, moved) : st;
}

/* The trial, its pull quotes smaller, is kept on unearly's terms and try_quote_scale's. */
static bool
unearly_scaled (const order_trial_t *tr, const order_trial_t *best, const order_trial_t *base)
{
  return scale_kept (tr, best) && unearly (tr, best, base);
}

/* With no float out of turn left but a pull quote still read before the first line of text
 * once its moves are tried (try_unearly), the pull quotes set a tenth smaller at a time, down
 * to QUOTE_MIN_SCALE, with the moves of *plan: in their turn at their size, two quotes in a
 * row after a few short paragraphs stand side by side, and across page 1's top the first is
 * read before the story (ferry-timetable print-a4); a make-up editor cuts them down so that
 * they stand apart in their turn. The first setting that reads no pull quote before the
 * text, on unearly's terms and try_quote_scale's, is kept in *plan and *best. */
static ink_status_t
try_unearly_scale (const order_ctx_t *o, order_trial_t *best, ink__float_order_t *plan)
{
  if (!best->early || plan->quote_scale > 0)
    return INK_OK;
  return ink__quote_scale_ladder (o, false, unearly_scaled, best, plan);
}

/* The moves that read fewer floats out of turn than o->base, into *plan, then, with one
 * still out of turn, the pull quotes set smaller and the moves tried again from there; with
 * none out of turn but a pull quote read before the text, its moves, then the quotes
 * smaller. The trials log nothing. The moves leave the smaller sizes their trials
 * (scale_trials): a story of many floats spends the budget on moves of its first float out of
 * turn that read none in turn, and its quotes were never tried smaller (a story of four pull
 * quotes and a picture on reader-6 read its last quote two pages after its text; a tenth
 * smaller, the quotes read every float in turn, on a page fewer). */
static ink_status_t
search (order_ctx_t *o, ink__float_order_t *plan)
{
  ink_context_t *ctx = o->ctx;
  ink__quiet_t q = ink__quiet (ctx);
  ink_status_t st = try_head_room (o, plan);
  order_trial_t best = o->base;
  bool moved = true;
  unsigned kept = scale_trials (o->a) < *o->budget ? scale_trials (o->a) : 0;
  *o->budget -= kept;
  while (st == INK_OK && moved && best.first != ORDER_NONE && plan->n < INK_ORDER_MOVES)
    st = try_moves (o, &best, plan, &moved);
  *o->budget += kept;
  if (st == INK_OK && best.first != ORDER_NONE) {
    st = try_quote_scale (o, &best, plan, &moved);
    while (st == INK_OK && moved && best.first != ORDER_NONE && plan->n < INK_ORDER_MOVES)
      st = try_moves (o, &best, plan, &moved);
  }
  if (st == INK_OK && best.first == ORDER_NONE && best.early && best.early_first != ORDER_NONE) {
    st = try_unearly (o, (size_t) best.early_first, unearly, &best, plan);
    if (st == INK_OK)
      st = try_unearly_scale (o, &best, plan);
  } else if (st == INK_OK && best.first == ORDER_NONE && best.foot != ORDER_NONE)
    st = try_unearly (o, (size_t) best.foot, unfoot, &best, plan);
  if (st == INK_OK)
    st = ink__try_unstarve_scale (o, &best, plan);
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
  uint64_t spent;
  return ink__float_order_search (L, opts, plan, &spent);
}

/* As ink__float_order_replan; *spent gets the work its trials spent (orderbudget.c). */
ink_status_t
ink__float_order_search (const lay_t *L, const ink_layout_options_t *opts,
                         ink__float_order_t *plan, uint64_t *spent)
{
  *plan = (ink__float_order_t) { .n = 0 };
  *spent = 0;
  if (ink__order_changes (&L->order) || !worth_trying (L->a))
    return INK_OK;
  unsigned budget = ORDER_TRIALS - 1 + scale_trials (L->a);
  order_work_t work = ink__order_work (L), budgeted = work;
  order_ctx_t o = { L->ctx, L->a, L->t, L->fs, opts, L->short_quote_after, { 0 }, L, &budget,
                    &work };
  ink_status_t st = INK_OK;
  /* The base as the search weighs its trials: without the finishing step that set it. */
  if (L->last_foot)
    st = ink__order_trial (&o, plan, &o.base);
  else
    ink__order_measure (L, &o.base);
  if (st == INK_OK)
    st = search (&o, plan);
  *spent = budgeted.left - work.left;
  return st == ORDER_SPENT ? INK_OK : st;   /* the plan found with the work it had */
}
