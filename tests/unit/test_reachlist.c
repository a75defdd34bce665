/* A list is read as one passage (listfloat.c, float-in-list), so a float that waits past one
 * is read one block of text after its lead-in, not one block an item: the float order search
 * counts a list's items as one block for a float's reach (ordertrial.c, listrun.c) as the
 * make-up check's float-reach does. Where one list ends and the next begins is told by the
 * items' markers at each depth (ink__list_goes_on), as the check tells them (makeup_lists.c).
 *
 * odesa-ferry.uk on kiosk-10.3, in the article's order: the chart that follows block 4 on
 * page 1 is read on page 2 under the last item of the four-item list the next paragraph
 * leads into, 11 lines after its text. Counting each item, the search weighed it read five
 * blocks after its text, out of reach; with the list one block, two, and the layout reads no
 * float out of turn or out of reach. */
#include <inkset/inkset.h>
#include <stdio.h>
#include <string.h>
#include "article.h"
#include "floatorder.h"
#include "paginate.h"
#include "template.h"
#include "test.h"
#include "fixture.h"
#include "fixture_order.h"

#define ODESA INK_SOURCE_DIR "/examples/articles/odesa-ferry.uk.md"

static const char LISTS[] =
  "---\ntitle: Lists\n---\n\n"
  "Visitors should note:\n\n"
  "- the car park is shut\n"
  "- the path is open\n"
  "    1. as far as the ford\n"
  "    2. and no further\n"
  "- dogs on leads\n\n"
  "1. first, a numbered list\n"
  "2. its second item\n\n"
  "The end.\n";

/* Block b of the article parsed from md is a list item holding text. */
static void
check_item (const ink_article_t *a, size_t b, const char *text)
{
  CHECK (b < a->nblocks && a->blocks[b].kind == INK_BLOCK_LIST_ITEM);
  if (b < a->nblocks)
    CHECK (strncmp (a->blocks[b].text, text, strlen (text)) == 0);
}

TEST (items_of_one_list_go_on_it)
{
  ink_context_t *ctx = NULL;
  ink_article_t *a = NULL;
  ink_diag_t diag = { 0 };
  CHECK_EQ_INT (ink_context_create (NULL, NULL, &ctx), INK_OK);
  CHECK_EQ_INT (ink_article_parse_markdown (ctx, LISTS, strlen (LISTS), NULL, &a, &diag), INK_OK);
  if (!a) {
    ink_context_destroy (ctx);
    return;
  }
  check_item (a, 1, "the car park");
  check_item (a, 3, "as far as");
  check_item (a, 5, "dogs");
  check_item (a, 6, "first");
  CHECK (!ink__list_goes_on (a, 0, 1));   /* the lead-in is no item */
  CHECK (ink__list_goes_on (a, 1, 2));
  CHECK (ink__list_goes_on (a, 2, 3));    /* nested under item 2, numbered */
  CHECK (ink__list_goes_on (a, 4, 5));    /* back at the bullets' depth */
  CHECK (!ink__list_goes_on (a, 5, 6));   /* numbers after bullets: another list */
  CHECK (ink__list_goes_on (a, 6, 7));
  CHECK (!ink__list_goes_on (a, 7, 8));   /* the paragraph after the list */
  ink_article_destroy (a);
  ink_context_destroy (ctx);
}

TEST (chart_under_a_list_within_reach)
{
  fixture_t s;
  lay_t L;
  ink_document_t *doc;
  if (!fixture_lay_out_in_order (&s, ODESA, "kiosk-10.3", &L, &doc))
    return;
  order_trial_t tr;
  ink__order_measure (&L, &tr);
  CHECK_EQ_INT (tr.faults, 0);
  CHECK_EQ_INT (tr.first, ORDER_NONE);
  fixture_order_free (&s, &L, doc);
}

int
main (void)
{
  RUN (items_of_one_list_go_on_it);
  RUN (chart_under_a_list_within_reach);
  return test_summary ();
}
