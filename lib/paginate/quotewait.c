/* paginate/quotewait: a pull quote waits for its passage.
 *
 * A pull quote repeats a line of the story; the article may put it paragraphs before the
 * paragraph it pulls the line from (an editor writes the quotes at the story's top). Set
 * where the article puts it, the quote is read before its passage, and the reader meets the
 * line first in the quote (the make-up check's quote-before-passage). A make-up editor sets
 * it once the passage is read: its units are built after the paragraph that holds its words
 * (bodyorder.c), and it goes in there or waits for the next column, as any float does. A
 * later pull quote waits behind it, so that the quotes keep the article's order. A quote
 * whose passage is the story's last paragraph stays where the article puts it: after that
 * paragraph it would stand after the end of the text (in a column; lastfoot.c sets it across
 * the foot of the last page's columns where it can, read after its passage). */
#include "layout-internal.h"

/* A pull quote of fewer bytes of text does not wait: the middle third of its words could
 * stand in any paragraph by chance (the make-up check asks twelve letters of the whole). */
#define QUOTE_WAIT_BYTES 36

/* The paragraph after block q, a pull quote of QUOTE_WAIT_BYTES or more, that holds its
 * words (ink__block_pulled_from), when no paragraph before it does; SIZE_MAX when none does
 * or q is no such quote. *last says it is the article's last paragraph. */
static size_t
passage_after (const ink_article_t *a, size_t q, bool *last)
{
  *last = false;
  if (q >= a->nblocks || a->blocks[q].kind != INK_BLOCK_PULLQUOTE ||
      a->blocks[q].text_len < QUOTE_WAIT_BYTES)
    return SIZE_MAX;
  size_t passage = SIZE_MAX;
  for (size_t t = 0; t < a->nblocks; t++) {
    if (a->blocks[t].kind != INK_BLOCK_PARAGRAPH)
      continue;
    if (passage != SIZE_MAX)
      return passage;   /* text follows the passage */
    if (ink__block_pulled_from (a, (long) q, (long) t)) {
      if (t < q)
        return SIZE_MAX;   /* read already */
      passage = t;
    }
  }
  *last = passage != SIZE_MAX;
  return passage;
}

/**
 * ink__quote_passage_after:
 * @a: the article
 * @q: a block of @a
 *
 * The paragraph after block @q, a pull quote, that holds its words
 * (ink__block_pulled_from), when no paragraph before it does and a paragraph follows the
 * passage: the quote waits for it.
 *
 * Return value: the passage's block, or SIZE_MAX when the quote does not wait.
 */
size_t
ink__quote_passage_after (const ink_article_t *a, size_t q)
{
  bool last;
  size_t passage = passage_after (a, q, &last);
  return last ? SIZE_MAX : passage;
}

/**
 * ink__quote_of_last:
 * @a: the article
 * @q: a block of @a
 *
 * Block @q is a pull quote long enough to wait for its passage (QUOTE_WAIT_BYTES) whose
 * words stand in the article's last paragraph, after it, and in no paragraph before it: it
 * stays where the article puts it, read before its passage, unless it goes across the foot
 * of the last page under all the text (lastfoot.c).
 *
 * Return value: whether it is.
 */
bool
ink__quote_of_last (const ink_article_t *a, size_t q)
{
  bool last;
  passage_after (a, q, &last);
  return last;
}
