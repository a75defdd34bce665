/* A short article whose floats the layout in the article's order reads out of turn is laid
 * out again with them built ahead of text or behind it (lib/paginate/floatorder.c): the
 * order the blocks are built in. The pages it makes are test_floatpull.c's. */
#include <inkset/inkset.h>
#include <stdio.h>
#include <string.h>
#include "article.h"
#include "layout-internal.h"
#include "template.h"
#include "test.h"
#include "fixture.h"
#include "makeup_check.h"
#include "checked.h"

/* The blocks built at each place: a move's floats first (or last), each part in the
 * article's order; places outside every move keep their block. */
TEST (moved_blocks_keep_their_order)
{
  ink_context_t *ctx = NULL;
  ink_article_t *a = NULL;
  ink_diag_t diag = { 0 };
  const char *md = "---\ntitle: T\n---\n\nOne.\n\nTwo.\n\n> [!quote] Q1\n\n> [!read] R\n\n"
                   "Three.\n\n> [!quote] Q2\n\nFour.\n";
  CHECK_EQ_INT (ink_context_create (NULL, NULL, &ctx), INK_OK);
  CHECK_EQ_INT (ink_article_parse_markdown (ctx, md, strlen (md), NULL, &a, &diag), INK_OK);
  if (a && a->nblocks == 7) {
    /* One, Two, Q1, R, Three, Q2, Four */
    ink__float_order_t first = { { { 1, 4, false, false, false } }, 1, 0, 0, false, 0, 0, false, NULL };
    size_t want_first[7] = { 0, 2, 3, 1, 4, 5, 6 };
    ink__float_order_t last = { { { 2, 5, true, false, false } }, 1, 0, 0, false, 0, 0, false, NULL };
    size_t want_last[7] = { 0, 1, 4, 2, 3, 5, 6 };
    ink__float_order_t none = { .n = 0 };
    ink__float_order_t hold = { { { 4, 5, false, true, false } }, 1, 0, 0, false, 0, 0, false, NULL };   /* moves no block */
    for (size_t i = 0; i < 7; i++) {
      CHECK_EQ_INT (ink__order_block (a, &first, i), want_first[i]);
      CHECK_EQ_INT (ink__order_block (a, &last, i), want_last[i]);
      CHECK_EQ_INT (ink__order_block (a, &none, i), i);
      CHECK_EQ_INT (ink__order_block (a, &hold, i), i);
    }
  } else {
    CHECK (0);
  }
  ink_article_destroy (a);
  ink_context_destroy (ctx);
}

/* A pull quote after the paragraph that quotes its words, across the columns: the layout in
 * the article's order set the two quotes side by side on kiosk-7.5, and the move that parted
 * them built each before its paragraph, the quote across the top of the page that paragraph
 * starts on (on kiosk-10.3 too). A move is kept only when no more quotes are then read before
 * the paragraph they quote. */
TEST (moves_keep_quotes_after_their_passages)
{
  const char *art = "tests/unit/articles/quote-after-passage.ta.md";
  CHECK_EQ_INT (checked_faults (art, "kiosk-10.3", MK_QUOTE_BEFORE_PASSAGE), 0);
  CHECK_EQ_INT (checked_faults (art, "kiosk-7.5", MK_QUOTE_BEFORE_PASSAGE), 0);
}

/* A short article on two columns whose pull quote, across the columns, the text of its one
 * page could not take under it: it went across the page's top, over the first paragraph.
 * Set in its turn at the column's width, the setting pushed a related link and the second
 * quote after the end of the text, and was judged so and thrown away, though the repair that
 * follows the end of the text (early.c, ink__float_before_end) moves them back before a
 * paragraph. The quote in its turn is now judged after that repair (quotehead.c): no quote
 * over the first paragraph, no float after the end of the text, no subhead stranded at a
 * column's foot; in Hindi and in English. */
TEST (quote_in_turn_judged_with_floats_moved_back)
{
  static const char *const arts[] = { "tests/unit/articles/ghat-lamps.hi.md",
                                      "tests/unit/articles/bus-shelter.md" };
  for (size_t i = 0; i < sizeof arts / sizeof *arts; i++) {
    CHECK_EQ_INT (checked_faults (arts[i], "kiosk-10.3", MK_EARLY_QUOTE), 0);
    CHECK_EQ_INT (checked_faults (arts[i], "kiosk-10.3", MK_FLOAT_ORDER), 0);
    CHECK_EQ_INT (checked_faults (arts[i], "kiosk-10.3", MK_STRANDED_HEAD), 0);
  }
}

/* A short Hindi article on three columns, its first pull quote under a subhead: balancing with
 * the quote across the page's top set the first paragraph a line longer, and the quote in its
 * turn, tried with the paragraph still so, ended its columns two line steps apart and was
 * thrown away, the quote left over the first paragraph and a line of the last paragraph alone
 * over the second quote. Tried with the paragraphs at their best setting (quotehead.c), it
 * ends them together. */
TEST (quote_in_turn_tried_from_best_lines)
{
  const char *art = "tests/unit/articles/yamuna-ghats.hi.md";
  CHECK_EQ_INT (checked_faults (art, "print-a4", MK_EARLY_QUOTE), 0);
  CHECK_EQ_INT (checked_faults (art, "print-a4", MK_LONE_LINE), 0);
  CHECK_EQ_INT (checked_faults (art, "print-a4", MK_UNBALANCED_LAST_PAGE), 0);
}

/* A short article on kiosk-10.3 that opens with a pull quote: on top, its last page holds
 * its two comments side by side, 70 px apart; with the quote after the first paragraph, the
 * first comment moves up and the second, five lines, stands alone. The last page fails
 * balancing either way, and the quote on top was kept for its lower cost (an empty column
 * costs more than any spread), read over the first paragraph. It now goes in its turn
 * (quoteplace.c). */
TEST (short_quote_in_turn_when_last_page_fails_either_way)
{
  const char *art = "tests/unit/articles/lantern-quay.md";
  CHECK_EQ_INT (checked_faults (art, "kiosk-10.3", MK_EARLY_QUOTE), 0);
  CHECK_EQ_INT (checked_faults (art, "kiosk-10.3", MK_FLOAT_ORDER), 0);
}

/* A short Arabic article on two columns whose floats outweigh its text: a picture fills page
 * 1's second column (its caption ends less than two line steps above the foot) and a pull
 * quote, a related link and a second quote wait for page 2. Held for them, the last paragraph
 * follows the first quote and the related link there, the second quote after it. The picture
 * alone in its column was counted a column without text, and the setting thrown away, though
 * a float that fills its column keeps no text out (the make-up check's rule): page 2 held the
 * floats and the comments after the end of the text. */
TEST (float_filling_its_column_keeps_no_text_out)
{
  const char *art = "tests/unit/articles/seaside-park.ar.md";
  CHECK_EQ_INT (checked_faults (art, "kiosk-7.5", MK_FLOAT_ORDER), 0);
  CHECK_EQ_INT (checked_faults (art, "kiosk-7.5", MK_EMPTY_COLUMN), 0);
}

/* A short Korean article on kiosk-7.5 of four one-line paragraphs among two pull quotes, a
 * picture, a table and a related link: laid out in its order it took three pages, the floats
 * after the end of the text and the last two lines alone on page 3. Held for the floats, the
 * last paragraphs follow them on page 2 and the article takes two pages; that setting sets
 * the second quote a little nearer the first than the page engine's rule for quotes beside
 * one another allows (a rule let through), and was thrown away for it. A page saved now
 * outweighs that rule. */
TEST (page_saved_outweighs_a_quote_near_another)
{
  const char *art = "tests/unit/articles/east-tram.ko.md";
  CHECK_EQ_INT (checked_faults (art, "kiosk-7.5", MK_FLOAT_ORDER), 0);
  CHECK_EQ_INT (checked_faults (art, "kiosk-7.5", MK_RUNT_PAGE), 0);
}

/* A list, two pull quotes around a subhead and more list items on print-a4 (property seed
 * 267): the page engine measured the second quote from its opening rule to the space under
 * its closing rule when asking whether it stood beside the first, the make-up check from its
 * lines; kept off a place the check allows, it went under the last list item, after the end
 * of the text and beside the first quote. Measured from its lines it goes before them. */
TEST (quote_beside_another_measured_by_its_lines)
{
  const char *art = "tests/makeup/property-cases/quote-beside-by-lines.ur.md";
  CHECK_EQ_INT (checked_faults (art, "print-a4", MK_FLOAT_ORDER), 0);
}

/* A short English article on kiosk-10.3 with two pull quotes after its third paragraph,
 * laid out with both built before the second paragraph (a move floatorder.c tries): the
 * first quote goes under the first paragraph in column 1, its rule a step and a half under
 * the text, its first line some four steps under it (the white the quote's style keeps under
 * its rule). The page engine measured the hole over the quote to its first line and threw
 * such settings away; the make-up check measures it to the rule and finds none. Measured to
 * the rule, the two agree: held-out school-bus-contract kiosk-10.3 now sets its second quote
 * across page 2's top over the last lines of the text, not after them. */
TEST (quote_hole_measured_to_its_rule)
{
  fixture_t s = { 0 };
  const char *art = INK_SOURCE_DIR "/tests/unit/articles/mill-lane-bridge.md";
  if (!fixture_lay_out (&s, NULL, art, "kiosk-10.3")) {
    fixture_tear_down (&s);
    return;
  }
  const ink__float_order_t before_second = { { { 1, 5, false, false, false } }, 1, 0, 0, false, 0, 0, false, NULL };
  lay_t L;
  ink_document_t *doc = NULL;
  CHECK_EQ_INT (ink__lay_out (s.ctx, s.a, s.t, s.fs, NULL, false, &before_second, &L, &doc),
                INK_OK);
  if (doc) {
    CHECK (!ink__quote_under_hole (&L));
    ink__layout_free (&L);
    ink_document_destroy (doc);
  }
  fixture_tear_down (&s);
}

/* A short Chinese article on kiosk-7.5 whose text all fits page 1 but for its pull quote,
 * which neither page 1's columns nor its middle can take: it went across page 1's top, under
 * the head and over the first paragraph, two lines a column under it. In its turn at the
 * column's width it waited for page 2, where it opened the first column over a line of the
 * last paragraph, after the end of the paragraph that follows it, and was refused. It now
 * goes across page 2's top, over the last paragraph and the comments (quotehead.c). */
TEST (quote_across_next_page_top_not_first_page)
{
  const char *art = "tests/unit/articles/bookshop-reopens.zh.md";
  CHECK_EQ_INT (checked_faults (art, "kiosk-7.5", MK_EARLY_QUOTE), 0);
  CHECK_EQ_INT (checked_faults (art, "kiosk-7.5", MK_FLOAT_ORDER), 0);
  CHECK_EQ_INT (checked_faults (art, "kiosk-7.5", MK_LONE_LINE), 0);
  CHECK_EQ_INT (checked_faults (art, "kiosk-7.5", MK_UNBALANCED_LAST_PAGE), 0);
}

/* The page of block b's first line (SIZE_MAX: none). */
static size_t
block_page (const ink_document_t *doc, long b)
{
  for (size_t q = 0; q < doc->pages.n; q++) {
    const ink__page_t *pg = &doc->pages.v[q];
    for (size_t i = 0; i < pg->nl; i++)
      if (doc->lines.v[pg->l0 + i].block == b)
        return q;
  }
  return SIZE_MAX;
}

/* A short article on kiosk-7.5 whose second pull quote, across the columns, does not fit
 * under the text of page 1: it waits for page 2's top, and the last paragraph ends the story
 * on page 1, the quote read after it over the comments. A hold of the last paragraph alone
 * changed nothing (it waits only for floats queued for a column); held across the page, the
 * paragraph starts page 2 under the quote. */
TEST (hold_across_the_page_for_a_quote_across_the_columns)
{
  fixture_t s = { 0 };
  const char *art = INK_SOURCE_DIR "/tests/unit/articles/night-ferry.md";
  if (!fixture_lay_out (&s, NULL, art, "kiosk-7.5")) {
    fixture_tear_down (&s);
    return;
  }
  /* blocks: quote 0, paragraph 1, quote 2, paragraph 3, the comments */
  const ink__float_order_t hold = { { { 3, 4, false, true, false } }, 1, 0, 0, false, 0, 0, false, NULL };
  const ink__float_order_t across = { { { 3, 4, false, true, true } }, 1, 0, 0, false, 0, 0, false, NULL };
  lay_t L;
  ink_document_t *doc = NULL;
  CHECK_EQ_INT (ink__lay_out (s.ctx, s.a, s.t, s.fs, NULL, false, &hold, &L, &doc), INK_OK);
  if (doc) {
    CHECK_EQ_INT (block_page (doc, 3), 0);
    CHECK_EQ_INT (block_page (doc, 2), 1);
    ink__layout_free (&L);
    ink_document_destroy (doc);
  }
  doc = NULL;
  CHECK_EQ_INT (ink__lay_out (s.ctx, s.a, s.t, s.fs, NULL, false, &across, &L, &doc), INK_OK);
  if (doc) {
    CHECK_EQ_INT (block_page (doc, 2), 1);
    CHECK_EQ_INT (block_page (doc, 3), 1);
    ink__layout_free (&L);
    ink_document_destroy (doc);
  }
  fixture_tear_down (&s);
}

/* A short English article on print-a4 with two pull quotes in a row after its third
 * paragraph: the second stood at the column's width, the first, which may stand neither
 * beside it nor on it, across the top of the page over the first paragraph (the make-up
 * check's early-quote; held-out school-bus-contract and nanjing-metro.zh likewise). The
 * second quote is now built after the paragraph under the subhead that follows (floatorder.c,
 * try_unearly), and the first goes across the page under the first paragraph. */
TEST (quotes_in_a_row_parted_rather_than_one_over_the_text)
{
  const char *art = "tests/unit/articles/post-office-hours.md";
  CHECK_EQ_INT (checked_faults (art, "print-a4", MK_EARLY_QUOTE), 0);
  CHECK_EQ_INT (checked_faults (art, "print-a4", MK_FLOAT_ORDER), 0);
  CHECK_EQ_INT (checked_faults (art, "print-a4", MK_QUOTE_BEFORE_PASSAGE), 0);
}

/* A short article whose floats each wait a page for the one before: on reader-6 the table
 * waits for page 3 and the related link and the second pull quote wait behind it while the
 * text runs on to page 1's foot, two pages ahead of them. The hold that mends it (the text
 * after them waits for them) is the eleventh layout the search tries, past its old budget of
 * eight: set so, the quote stands on page 1 with its text and the link and the second quote
 * on page 3 with the paragraphs they follow. */
TEST (queue_behind_the_text_held_for_past_the_first_trials)
{
  const char *art = "tests/unit/articles/tongyeong-bus.ko.md";
  CHECK_EQ_INT (checked_faults (art, "reader-6", MK_FLOAT_ORDER), 0);
  CHECK_EQ_INT (checked_faults (art, "reader-6", MK_EMPTY_COLUMN), 0);
}

/* The same on a sample of eight floats each nearly a column of kiosk-7.5's short pages: a
 * hold of the paragraph after the chart mended two floats out of turn but left page 2's
 * second column seven line steps short (a hole while the story goes on), and is not kept;
 * the hold of the paragraph before it mends one and leaves the columns full. */
TEST (hold_leaves_no_column_short_while_the_story_goes_on)
{
  CHECK (checked_faults ("corran-spaceport.md", "kiosk-7.5", MK_FLOAT_ORDER) <= 3);
  CHECK_EQ_INT (checked_faults ("corran-spaceport.md", "kiosk-7.5", MK_UNEVEN_FULL_PAGE), 0);
}

/* The same sample: the hold kept for its picture and second quote left that quote on page 3,
 * two pages after its text, at every size of the quotes down to a quarter smaller (a hole
 * over it there). In the article's own order, the quotes a quarter smaller, the second goes
 * in under a paragraph's end on page 2 beside the picture, and every float is read in turn
 * (try_order_scaled). */
TEST (quotes_smaller_in_the_article_order_when_the_moves_keep_one_out_of_turn)
{
  CHECK_EQ_INT (checked_faults ("corran-spaceport.md", "kiosk-7.5", MK_FLOAT_ORDER), 0);
  CHECK_EQ_INT (checked_faults ("corran-spaceport.md", "kiosk-7.5", MK_EMPTY_COLUMN), 0);
  CHECK_EQ_INT (checked_faults ("corran-spaceport.md", "kiosk-7.5", MK_FLOATS_ONLY_PAGE), 0);
}

/* A short Urdu article on kiosk-10.3 whose text, without its pull quote, ends on page 1: the
 * quote, after the second paragraph, did not fit under the text and went across page 1's
 * top, over the first paragraph (early-quote), the text it pushed down running on to page 2.
 * Across the middle it left no room for two lines under it. It now goes across the foot of
 * page 1 under the two paragraphs, whose columns end together, and the text goes on at page
 * 2's top (midspan.c). A shorter version of the story fits one page with the quote at the
 * column's width before the second paragraph; the quote at page 1's foot is not let take
 * that page from it (floatorder.c, unfoot). */
TEST (quote_across_the_foot_of_a_full_first_page)
{
  const char *art = "tests/unit/articles/peshawar-buses.ur.md";
  CHECK_EQ_INT (checked_faults (art, "kiosk-10.3", MK_EARLY_QUOTE), 0);
  CHECK_EQ_INT (checked_faults (art, "kiosk-10.3", MK_UNEVEN_FULL_PAGE), 0);
  CHECK_EQ_INT (checked_faults (art, "kiosk-10.3", MK_COLUMN_HOLE), 0);
  mk_report_t r;
  size_t pages;
  CHECK (checked_sample ("tests/unit/articles/peshawar-fares.ur.md", "kiosk-10.3", &pages, &r));
  CHECK_EQ_INT ((int) pages, 1);
  CHECK_EQ_INT ((int) r.faults, 0);
  mk_report_free (&r);
}

/* A short article on kiosk-10.3 whose two pull quotes, each after the paragraph it quotes,
 * both waited for page 2 and stood side by side across its top, the second over the
 * comments after the end of the text. The second can go nowhere else: before the paragraph
 * it quotes it is read before its passage, after the last paragraph it ends the story. The
 * search moved only the later quote; it now also moves the earlier one (floatorder.c,
 * try_partner), which goes in on page 1 under the table, at the top of the column its
 * paragraph turns to, and the second stands under its passage on page 2. */
TEST (earlier_of_two_quotes_side_by_side_moved)
{
  const char *art = "tests/unit/articles/lido-reopens.md";
  CHECK_EQ_INT (checked_faults (art, "kiosk-10.3", MK_FLOAT_ORDER), 0);
  CHECK_EQ_INT (checked_faults (art, "kiosk-10.3", MK_QUOTE_BEFORE_PASSAGE), 0);
  CHECK_EQ_INT (checked_faults (art, "kiosk-10.3", MK_EARLY_QUOTE), 0);
}

/* A short article whose floats no move reads in turn: hue-citadel.vi on print-a4 ended its
 * text with two lines at page 2's top and set its second pull quote and its chart after them
 * (float-order 2; hue59 traced why no move mends it). With its pull quotes set smaller
 * (floatorder.c, try_quote_scale) the quote opens page 2's first column over the list's last
 * items and the chart, and the text ends after both. */
TEST (quotes_set_smaller_when_no_move_reads_them_in_turn)
{
  CHECK_EQ_INT (checked_faults ("hue-citadel.vi.md", "print-a4", MK_FLOAT_ORDER), 0);
  CHECK_EQ_INT (checked_faults ("hue-citadel.vi.md", "print-a4", MK_EMPTY_COLUMN), 0);
  CHECK_EQ_INT (checked_faults ("hue-citadel.vi.md", "print-a4", MK_UNBALANCED_LAST_PAGE), 0);
}

/* A short article on kiosk-7.5 that opens with a pull quote of five lines and its
 * attribution, then two short paragraphs and two comments: the quote, too tall for the
 * column under the head, went on over the page turn (split-float), its attribution on page
 * 2, and it stood beside the text's end. The search of plans now counts a float that goes on
 * in another column as read out of turn (ordertrial.c, split_float), and with the quote set
 * a fifth smaller (try_quote_scale) it stands whole on page 1. */
TEST (quote_split_over_the_turn_set_smaller)
{
  const char *art = "tests/unit/articles/harbour-bell.md";
  const char *tpls[] = { "kiosk-7.5", "kiosk-10.3", "reader-6", "print-a4" };
  for (size_t t = 0; t < 4; t++)
    CHECK_EQ_INT (checked_faults (art, tpls[t], MK_SPLIT_FLOAT), 0);
  CHECK (checked_faults (art, "kiosk-7.5", MK_FLOAT_ORDER) <= 1);
  CHECK_EQ_INT (checked_faults (art, "kiosk-7.5", MK_UNBALANCED_LAST_PAGE), 0);
}

/* Lines of block b on every page. */
static size_t
block_lines (const ink_document_t *doc, long b)
{
  size_t n = 0;
  for (size_t i = 0; i < doc->lines.n; i++)
    n += doc->lines.v[i].block == b;
  return n;
}

/* A short article on kiosk-10.3 and print-a4 whose pull quote (block 8), pulled from the
 * paragraph after a table's italic note (block 6), stood after the end of the text. Moved
 * before the paragraph it quotes it stays where it was; the search then built it before the
 * note, which the table takes as its own from the block built after its rows: the quote was
 * on no page (and counted in no overflow), the note set twice, once as a paragraph under the
 * text. A table's note is no place to build floats before; the quote is on the page. */
TEST (no_float_built_before_a_table_note)
{
  const char *tpls[] = { "kiosk-10.3", "print-a4" };
  for (size_t t = 0; t < 2; t++) {
    fixture_t s = { 0 };
    const char *art = INK_SOURCE_DIR "/tests/unit/articles/pier-tolls.md";
    if (!fixture_lay_out (&s, NULL, art, tpls[t])) {
      fixture_tear_down (&s);
      continue;
    }
    CHECK (block_page (s.doc, 8) != SIZE_MAX);
    CHECK_EQ_INT (block_lines (s.doc, 6), 2);
    fixture_tear_down (&s);
    CHECK_EQ_INT (checked_faults ("tests/unit/articles/pier-tolls.md", tpls[t], MK_INDENT), 0);
  }
}

int
main (void)
{
  RUN (moved_blocks_keep_their_order);
  RUN (moves_keep_quotes_after_their_passages);
  RUN (quote_in_turn_judged_with_floats_moved_back);
  RUN (quote_in_turn_tried_from_best_lines);
  RUN (short_quote_in_turn_when_last_page_fails_either_way);
  RUN (float_filling_its_column_keeps_no_text_out);
  RUN (page_saved_outweighs_a_quote_near_another);
  RUN (quote_beside_another_measured_by_its_lines);
  RUN (quote_hole_measured_to_its_rule);
  RUN (quote_across_next_page_top_not_first_page);
  RUN (hold_across_the_page_for_a_quote_across_the_columns);
  RUN (quotes_in_a_row_parted_rather_than_one_over_the_text);
  RUN (queue_behind_the_text_held_for_past_the_first_trials);
  RUN (hold_leaves_no_column_short_while_the_story_goes_on);
  RUN (quotes_smaller_in_the_article_order_when_the_moves_keep_one_out_of_turn);
  RUN (quote_across_the_foot_of_a_full_first_page);
  RUN (earlier_of_two_quotes_side_by_side_moved);
  RUN (no_float_built_before_a_table_note);
  RUN (quotes_set_smaller_when_no_move_reads_them_in_turn);
  RUN (quote_split_over_the_turn_set_smaller);
  return test_summary ();
}
