/* makeup_floats.c: the float-order rules of the make-up checker. A pull quote, related link
 * or picture comes no later than the page after the text it follows and before the
 * comments, two pull quotes are never stacked, set side by side nor read out of the
 * article's order, and no
 * float sits between the halves of a paragraph that turns a column or page (at the top of
 * the next column it may), and a picture's caption and credit stay under it; nor is one read
 * between a list's lead-in and its items or two of its items (float-in-list). A pull quote is
 * never read before the body text's first line (early-quote), nor before the paragraph it
 * quotes (quote-before-passage); nor is a table that text comes before in the article, and a
 * table comes no later than the page after the text it follows. On a later page than the
 * text it follows, a float is read within reach of it (float-reach). */
#include "makeup_check.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const COMMENT_ROLES[] = { "comment", "reply", "comment_author", NULL };

/* ---- floats ---- */

typedef struct {
  int page, band, rank;
  double y;
} pos_t;

typedef struct {
  bool text, is_float, comment, quote, table, list, subhead, seen;
  pos_t first, last;
  int first_page, last_page;
  const item_t *first_item;
  size_t quote_bytes;   /* a pull quote's text in UTF-8 bytes (quote_text_bytes) */
} block_t;

static int pos_cmp (pos_t a, pos_t b)
{
  if (a.page != b.page)
    return a.page < b.page ? -1 : 1;
  if (a.band != b.band)
    return a.band < b.band ? -1 : 1;
  if (a.rank != b.rank)
    return a.rank < b.rank ? -1 : 1;
  return (a.y > b.y + TOL) - (a.y < b.y - TOL);
}

/* Where an item comes in reading order: page, band, column rank, height. An item across the
 * columns reads before them when it is above their first line of the article's blocks (the
 * head's kicker and byline, block -1, are not the columns' text), else after them; one
 * between the page's column lines reads after those above it (its band's) and before those
 * under it (the next band's). */
static pos_t position (const doc_t *d, const page_t *p, int page_index, const item_t *it)
{
  pos_t r = { page_index, bands_above (p, it->y, it->col >= 0 ? -1 : it->block), 0, it->y };
  if (it->col >= 0) {
    r.rank = rank (d, p, it->col);
    return r;
  }
  if (r.band > 0) {
    r.rank = p->ncols;
    return r;
  }
  double top = INFINITY;
  for (size_t j = 0; j < p->n; j++)
    if (p->items[j].col >= 0 && p->items[j].kind == ITEM_LINE && p->items[j].block >= 0)
      top = fmin (top, p->items[j].y);
  r.rank = it->y < top ? -1 : p->ncols;
  return r;
}

/* The bytes of a pull quote's text that line it holds, as the engine counts the quote's text
 * (UTF-8 bytes, its quotation marks and spaces counted): the line's, and the word space it was
 * broken at. 0 for a line of another role. */
static size_t quote_text_bytes (const item_t *it)
{
  return role_is (it, "quote") && it->text ? strlen (it->text) + it->space_after : 0;
}

static block_t *collect_blocks (const doc_t *d, int *nblocks)
{
  int n = 0;
  for (size_t i = 0; i < d->npages; i++)
    for (size_t j = 0; j < d->pages[i].n; j++)
      if (d->pages[i].items[j].block + 1 > n)
        n = d->pages[i].items[j].block + 1;
  block_t *b = calloc ((size_t) n + 1, sizeof *b);
  for (size_t i = 0; b && i < d->npages; i++) {
    const page_t *p = &d->pages[i];
    for (size_t j = 0; j < p->n; j++) {
      const item_t *it = &p->items[j];
      if (it->block < 0 || it->generated || it->kind == ITEM_RULE)
        continue;
      block_t *k = &b[it->block];
      k->text |= role_in (it, TEXT_ROLES);
      k->is_float |= is_float (it);
      k->comment |= role_in (it, COMMENT_ROLES);
      k->quote |= role_is (it, "quote");
      k->table |= role_is (it, "table");
      k->list |= role_is (it, "list");
      k->subhead |= role_is (it, "subhead");
      k->quote_bytes += quote_text_bytes (it);
      pos_t ps = position (d, p, (int) i, it);
      if (!k->seen || pos_cmp (ps, k->first) < 0) {
        k->first = ps;
        k->first_item = it;
      }
      if (!k->seen || pos_cmp (ps, k->last) > 0)
        k->last = ps;
      if (!k->seen)
        k->first_page = (int) i;
      k->last_page = (int) i;
      k->seen = true;
    }
  }
  *nblocks = n;
  return b;
}

/* Page p holds a comment's line. */
static bool holds_comments (const page_t *p)
{
  for (size_t j = 0; j < p->n; j++)
    if (!p->items[j].generated && role_in (&p->items[j], COMMENT_ROLES))
      return true;
  return false;
}

/* No text precedes float f in the article, and one block of text follows it (the last,
 * end): there is no place between paragraphs to read it in its turn, only above the text's
 * first line, which a pull quote may not take (early-quote) and a float under the head takes
 * from the text, or under its last. */
static bool opens_one_paragraph (const block_t *b, int f, int end)
{
  int texts = 0;
  for (int i = 0; i <= end; i++)
    if (b[i].seen && b[i].text && (i < f || ++texts > 1))
      return false;
  return texts == 1;
}

static char **block_letters (const doc_t *d, int n);
static void free_letters (char **s, int n);
static int quote_passage (const block_t *b, int n, char **letters, int q);
static int quote_source (const block_t *b, int n, char **letters, int q);
static int waited_for (const block_t *b, int n, char **letters, int q);
static int quote_due (const block_t *b, int n, char **letters, int q);

/* A float sits no later than the page after the text it follows, before the comments, and,
 * in a column, before the article's last line of text when text follows it in the article:
 * a pull quote from the second paragraph set in a column under the last one reads as the end
 * of the story. (Across the columns at the foot of the page it is the page's, not the
 * column's.) Nor does a float the text goes on after stand on a page of comments after the
 * page where the text ended, across the columns or not: it heads the readers' comments
 * there, not the story. (A page of such floats alone is a floats-only page.) A float that
 * opens the article before its one block of text has no place in it, and may follow it,
 * there too. A pull quote the article puts before the paragraph it pulls its words from
 * (waited_for) follows that paragraph: it waits to be read after it
 * (quote-before-passage), and a later quote with it (quote_due), so it is far from that
 * paragraph, not from the text before it. */
static void check_float_places (doc_t *d, const block_t *b, int n, char **letters)
{
  int end = n - 1;   /* the article's last block of text */
  while (end >= 0 && !(b[end].seen && b[end].text))
    end--;
  for (int f = 0; f < n; f++) {
    if (!b[f].seen || !b[f].is_float || b[f].text)
      continue;
    page_t *p = &d->pages[b[f].first_page];
    int t = f - 1;   /* the text it follows, or a table's rows it comes after */
    while (t >= 0 && !(b[t].seen && (b[t].text || b[t].table)))
      t--;
    int passage = quote_due (b, n, letters, f);
    if (passage > t)
      t = passage;   /* a pull quote waits for its passage (quote-before-passage): it follows it */
    if (t >= 0 && b[f].first_page > b[t].last_page + 1)
      fault (d, p, "float-order", "block %d is %d pages after the text it follows (block %d, "
             "page %d)", f, b[f].first_page - b[t].last_page, t,
             d->pages[b[t].last_page].number);
    if (opens_one_paragraph (b, f, end))
      ;   /* it has no place in the text, and reads after it */
    else if (f < end && b[f].first_item->col >= 0 && pos_cmp (b[f].first, b[end].last) > 0)
      fault (d, p, "float-order", "block %d stands after the end of the text (block %d)", f,
             end);
    else if (f < end && b[f].first_page > d->last_text_page &&
             (t < 0 || b[f].first_page <= b[t].last_page + 1) && holds_comments (p))
      fault (d, p, "float-order", "block %d stands on a page of comments, after the text "
             "ended (page %d)", f, d->pages[d->last_text_page].number);
    for (int c = f + 1; c < n; c++)
      if (b[c].seen && b[c].comment && pos_cmp (b[c].first, b[f].first) < 0) {
        fault (d, p, "float-order", "block %d comes after the comment of block %d", f, c);
        break;
      }
  }
}

static void block_extent (const page_t *p, int block, double *x0, double *x1, double *top,
                          double *bottom)
{
  *x0 = *top = INFINITY;
  *x1 = *bottom = -INFINITY;
  for (size_t j = 0; j < p->n; j++) {
    const item_t *it = &p->items[j];
    if (it->block != block || it->generated || it->kind == ITEM_RULE)
      continue;
    /* A block in a column takes the column's width: a short line beside it in the column
     * (a paragraph's last) still stands between it and another. */
    const column_t *c = it->col >= 0 ? &p->cols[it->col] : NULL;
    *x0 = fmin (*x0, c ? c->x : it->x);
    *x1 = fmax (*x1, c ? c->x + c->w : it->x + it->w);
    *top = fmin (*top, it->y);
    *bottom = fmax (*bottom, it->y + it->h);
  }
}

/* Nothing but rules between two stacked pull quotes. */
static bool nothing_between (const page_t *p, int q1, int q2, double x0, double x1, double top,
                             double bottom)
{
  for (size_t j = 0; j < p->n; j++) {
    const item_t *it = &p->items[j];
    if (it->block == q1 || it->block == q2 || it->generated || it->kind == ITEM_RULE)
      continue;
    if (overlap (it->x, it->x + it->w, x0, x1) > TOL &&
        overlap (it->y, it->y + it->h, top, bottom) > -TOL)
      return false;
  }
  return true;
}

/* The article has running text (a paragraph, a list or a block quote): in one of pull
 * quotes alone, nothing could stand between two of them, and they follow one another as its
 * text would. Nor could a subhead that heads no text: read between two quotes it would head
 * the second, and read before both it would head the quotes it follows in the article. */
static bool has_text (const block_t *b, int n)
{
  for (int i = 0; i < n; i++)
    if (b[i].seen && b[i].text && !b[i].subhead)
      return true;
  return false;
}

static void check_stacked_quotes (doc_t *d, const block_t *b, int n)
{
  if (!has_text (b, n))
    return;
  for (int q1 = 0; q1 < n; q1++)
    for (int q2 = q1 + 1; b[q1].quote && q2 < n; q2++) {
      if (!b[q2].quote || b[q2].first_page != b[q1].last_page)
        continue;
      page_t *p = &d->pages[b[q2].first_page];
      double ax0, ax1, at, ab, bx0, bx1, bt, bb;
      block_extent (p, q1, &ax0, &ax1, &at, &ab);
      block_extent (p, q2, &bx0, &bx1, &bt, &bb);
      if (overlap (ax0, ax1, bx0, bx1) <= TOL)
        continue;
      double top = ab < bt ? ab : bb, bottom = ab < bt ? bt : at;
      /* Between them is what stands across the narrower (the one in a column). */
      bool a_narrower = ax1 - ax0 < bx1 - bx0;
      if (nothing_between (p, q1, q2, a_narrower ? ax0 : bx0, a_narrower ? ax1 : bx1, top,
                           bottom))
        fault (d, p, "float-order", "pull quotes of blocks %d and %d are stacked", q1, q2);
    }
}

/* The column (its reading rank) and height of a pull quote's lines on page p: false when
 * none is there or they are not all in one column. */
static bool quote_in_column (const doc_t *d, const page_t *p, int block, int *rk, double *top,
                             double *bottom)
{
  *rk = -1;
  *top = INFINITY;
  *bottom = -INFINITY;
  for (size_t j = 0; j < p->n; j++) {
    const item_t *it = &p->items[j];
    if (it->block != block || it->generated || it->kind != ITEM_LINE)
      continue;
    int r = it->col >= 0 ? rank (d, p, it->col) : -2;
    if (r < 0 || (*rk >= 0 && r != *rk))
      return false;
    *rk = r;
    *top = fmin (*top, it->y);
    *bottom = fmax (*bottom, it->y + it->h);
  }
  return *rk >= 0;
}

/* Two pull quotes never stand side by side: in neighbouring columns of a page at the same
 * height, their lines' heights overlapping by more than half the shorter's (the eye reads
 * across from one to the other). */
static void check_side_by_side_quotes (doc_t *d, const block_t *b, int n)
{
  if (!has_text (b, n))
    return;
  for (int q1 = 0; q1 < n; q1++)
    for (int q2 = q1 + 1; b[q1].quote && q2 < n; q2++) {
      if (!b[q2].quote || b[q2].first_page != b[q1].last_page)
        continue;
      page_t *p = &d->pages[b[q2].first_page];
      int r1, r2;
      double t1, b1, t2, b2;
      if (quote_in_column (d, p, q1, &r1, &t1, &b1) && quote_in_column (d, p, q2, &r2, &t2, &b2) &&
          abs (r1 - r2) == 1 && overlap (t1, b1, t2, b2) > fmin (b1 - t1, b2 - t2) / 2)
        fault (d, p, "float-order", "pull quotes of blocks %d and %d stand side by side", q1, q2);
    }
}

/* Pull quotes keep the article's order: a later one is never read before an earlier one. */
static void check_quote_order (doc_t *d, const block_t *b, int n)
{
  for (int q1 = 0; q1 < n; q1++)
    for (int q2 = q1 + 1; b[q1].seen && b[q1].quote && q2 < n; q2++)
      if (b[q2].seen && b[q2].quote && pos_cmp (b[q2].first, b[q1].first) < 0) {
        fault (d, &d->pages[b[q2].first_page], "float-order",
               "pull quote of block %d is read before the one of block %d", q2, q1);
        break;
      }
}

/* A pull quote pulls a line from text the reader has read or is reading: it is never read
 * before the article's first line of body text (set across the columns between the byline
 * and the first paragraph, or at the top of a column the text has not reached). */
static void check_early_quotes (doc_t *d, const block_t *b, int n)
{
  int first = -1;   /* the block of the body text read first */
  for (int t = 0; t < n; t++)
    if (b[t].seen && b[t].text && (first < 0 || pos_cmp (b[t].first, b[first].first) < 0))
      first = t;
  for (int q = 0; first >= 0 && q < n; q++)
    if (b[q].seen && b[q].quote && pos_cmp (b[q].first, b[first].first) < 0)
      fault (d, &d->pages[b[q].first_page], "early-quote",
             "pull quote of block %d is read before the first line of body text (block %d)",
             q, first);
}

/* A table goes in its turn: never read before the article's first line of text (across page
 * 1's columns under the head) when text comes before it in the article, the paragraph that
 * leads into it then read after it. Each table (its run of rows) is counted once. */
static void check_early_tables (doc_t *d, const block_t *b, int n)
{
  int first = 0;   /* the article's first block of text */
  while (first < n && !(b[first].seen && b[first].text))
    first++;
  for (int q = first + 1; q < n; q++) {
    if (!b[q].seen || !b[q].table || b[q].text || pos_cmp (b[q].first, b[first].first) >= 0)
      continue;
    fault (d, &d->pages[b[q].first_page], "float-order",
           "the table of block %d is read before the article's first line of text (block %d), "
           "which comes before it", q, first);
    while (q + 1 < n && b[q + 1].table)
      q++;
  }
}

/* A table goes no later than the page after the text it follows (its title, a subhead right
 * over it, aside), as a float does (check_float_places): a short table that waited two pages
 * is read past the next subhead, far from the paragraph that leads into it. Each table (its
 * run of rows) is counted once. */
static void check_late_tables (doc_t *d, const block_t *b, int n)
{
  for (int q = 1; q < n; q++) {
    if (!b[q].seen || !b[q].table || b[q].text || b[q - 1].table)
      continue;
    int t = q - 1;
    if (b[t].seen && b[t].text && role_is (b[t].first_item, "subhead"))
      t--;   /* the table's title, which goes with it */
    while (t >= 0 && !(b[t].seen && b[t].text && !b[t].is_float))
      t--;
    if (t >= 0 && b[q].first_page > b[t].last_page + 1)
      fault (d, &d->pages[b[q].first_page], "float-order",
             "the table of block %d is %d pages after the text it follows (block %d, page %d)",
             q, b[q].first_page - b[t].last_page, t, d->pages[b[t].last_page].number);
  }
}

/* One line of a block where it is read, for putting a block's text together. */
typedef struct {
  int block;
  pos_t at;
  const char *text;
} piece_t;

static int piece_cmp (const void *a, const void *b)
{
  const piece_t *p = a, *q = b;
  if (p->block != q->block)
    return p->block < q->block ? -1 : 1;
  return pos_cmp (p->at, q->at);
}

/* Appends the letters and digits of s (mk_is_counted_cp) to out at *len, which has room. */
static void put_letters (char *out, size_t *len, const char *s)
{
  while (s && *s) {
    const char *c0 = s;
    if (mk_is_counted_cp (mk_next_cp (&s)))
      for (; c0 < s; c0++)
        out[(*len)++] = *c0;
  }
}

/* The letters and digits of every block's body or pull-quote lines in reading order, each
 * NUL-terminated (NULL for a block without such lines); free with free_letters. */
static char **block_letters (const doc_t *d, int n)
{
  size_t cap = 0, np = 0;
  for (size_t i = 0; i < d->npages; i++)
    cap += d->pages[i].n;
  piece_t *pc = calloc (cap + 1, sizeof *pc);
  size_t *bytes = calloc ((size_t) n + 1, sizeof *bytes);
  char **out = calloc ((size_t) n + 1, sizeof *out);
  for (size_t i = 0; pc && bytes && out && i < d->npages; i++)
    for (size_t j = 0; j < d->pages[i].n; j++) {
      const item_t *it = &d->pages[i].items[j];
      if (it->block < 0 || it->block >= n || it->generated || !it->text ||
          !(role_is (it, "body") || role_is (it, "quote")))
        continue;
      pc[np++] = (piece_t) { it->block, position (d, &d->pages[i], (int) i, it), it->text };
      bytes[it->block] += strlen (it->text);
    }
  if (pc && bytes && out) {
    qsort (pc, np, sizeof *pc, piece_cmp);
    size_t *len = calloc ((size_t) n + 1, sizeof *len);
    for (size_t k = 0; len && k < np; k++) {
      int b = pc[k].block;
      if (!out[b] && !(out[b] = calloc (bytes[b] + 1, 1)))
        continue;
      put_letters (out[b], &len[b], pc[k].text);
    }
    free (len);
  }
  free (pc);
  free (bytes);
  return out;
}

static void free_letters (char **s, int n)
{
  for (int b = 0; s && b < n; b++)
    free (s[b]);
  free (s);
}

/* A pull quote comes after the passage it pulls: when its words stand in a paragraph of the
 * article, it is not read before that paragraph's first line (the reader would meet the
 * line first in the quote). A quote the early-quote rule above caught is not counted again;
 * one of fewer than QUOTE_LETTERS letters could stand in any paragraph by chance. */
#define QUOTE_LETTERS 12

/* The block of text that holds the words of pull quote q (letters from block_letters), the
 * first in the article; -1 when none does or the quote is too short to tell. */
static int quote_passage (const block_t *b, int n, char **letters, int q)
{
  if (!letters || !b[q].seen || !b[q].quote || !letters[q] ||
      mk_count_cps (letters[q], mk_not_space, NULL) < QUOTE_LETTERS)
    return -1;
  for (int t = 0; t < n; t++)
    if (t != q && b[t].seen && b[t].text && letters[t] && strstr (letters[t], letters[q]))
      return t;
  return -1;
}

/* A pull quote of fewer bytes of text than this has no passage it waits for: the middle
 * third of its words could stand in any paragraph by chance. The engine's measure and bound
 * (lib/paginate/quotewait.c): counted in letters, a Chinese or Japanese quote of 30
 * characters, 90 bytes, that the engine sets after its passage was weighed from the text
 * before it, and found far from it. */
#define QUOTE_SOURCE_BYTES 36

/* The first block of text that holds the middle third of pull quote q's letters (a quote
 * pulls its words from a paragraph, cut where the paragraph says who spoke: "..." he said
 * "..."); -1 when none does or the quote's text is shorter than QUOTE_SOURCE_BYTES. */
static int quote_source (const block_t *b, int n, char **letters, int q)
{
  if (!letters || !b[q].seen || !b[q].quote || !letters[q] ||
      b[q].quote_bytes < QUOTE_SOURCE_BYTES)
    return -1;
  const char *s = letters[q];
  size_t len = strlen (s), from = len / 3, to = 2 * len / 3;
  while (from < to && ((unsigned char) s[from] & 0xC0) == 0x80)
    from++;   /* not inside a UTF-8 sequence */
  while (to < len && ((unsigned char) s[to] & 0xC0) == 0x80)
    to++;
  char *mid = malloc (to - from + 1);
  if (mid) {
    memcpy (mid, s + from, to - from);
    mid[to - from] = '\0';
  }
  int found = -1;
  for (int t = 0; mid && t < n && found < 0; t++)
    if (t != q && b[t].seen && b[t].text && letters[t] && strstr (letters[t], mid))
      found = t;
  free (mid);
  return found;
}

/* The block of text pull quote q waits for: the later of the paragraph that holds the middle
 * third of its letters (quote_source) and the one that holds them all (quote_passage, which
 * quote-before-passage keeps it after: a quote of fewer than 3 * QUOTE_LETTERS letters, a
 * Chinese line of twenty, is found only so); -1 when neither does. */
static int waited_for (const block_t *b, int n, char **letters, int q)
{
  int source = quote_source (b, n, letters, q), whole = quote_passage (b, n, letters, q);
  return source > whole ? source : whole;
}

/* The paragraph after which pull quote q is read: the one it waits for (waited_for) when the
 * article puts the quote before it, or, later, the one an earlier pull quote waits for past
 * q, since the quotes keep the article's order (check_quote_order) and q waits behind that
 * one; -1 when q waits for none. */
static int quote_due (const block_t *b, int n, char **letters, int q)
{
  int due = waited_for (b, n, letters, q);
  for (int e = 0; e < q; e++) {
    int passage = b[e].seen && b[e].quote ? waited_for (b, n, letters, e) : -1;
    if (passage > q && passage > due)
      due = passage;
  }
  return due > q ? due : -1;
}

static void check_quoted_passages (doc_t *d, const block_t *b, int n, char **letters)
{
  int first = -1;
  for (int t = 0; t < n; t++)
    if (b[t].seen && b[t].text && (first < 0 || pos_cmp (b[t].first, b[first].first) < 0))
      first = t;
  for (int q = 0; first >= 0 && q < n; q++) {
    int t = quote_passage (b, n, letters, q);
    if (t >= 0 && pos_cmp (b[q].first, b[first].first) >= 0 &&
        pos_cmp (b[q].first, b[t].first) < 0)
      fault (d, &d->pages[b[q].first_page], "quote-before-passage",
             "pull quote of block %d is read before the paragraph it quotes (block %d, "
             "page %d)", q, t, d->pages[b[t].first_page].number);
  }
}

/* A float below y in a column of a page (or across the column, when spanning counts); in the
 * column, not one under a float across the columns' middle, in the next band of them. */
static const item_t *float_below (const page_t *p, int col, double y, bool spanning)
{
  const column_t *c = &p->cols[col];
  int band = bands_above (p, y, -1);
  for (size_t j = 0; j < p->n; j++) {
    const item_t *it = &p->items[j];
    if (!is_float (it) || it->y < y - TOL ||
        (it->col == col && bands_above (p, it->y, -1) != band))
      continue;
    if (it->col == col ||
        (spanning && it->col < 0 && overlap (it->x, it->x + it->w, c->x, c->x + c->w) > TOL))
      return it;
  }
  return NULL;
}

/* The last line of a paragraph's part in a column, or NULL when none is there. */
static const item_t *part_in_column (const page_t *p, int col, int block)
{
  size_t idx[4096];
  size_t m = column_lines (p, col, TEXT_ROLES, idx, 4096);
  const item_t *last = NULL;
  for (size_t k = 0; k < m; k++)
    if (p->items[idx[k]].block == block)
      last = &p->items[idx[k]];
  return last;
}

/* A paragraph that turns a column or page keeps its halves together: a float may wait at
 * the top of the next column, not sit below the first half. A float across the columns at
 * the foot of the page comes between the halves only when the paragraph turns the page. */
static void check_split_paragraphs (doc_t *d, const block_t *b, int n)
{
  for (int t = 0; t < n; t++) {
    if (!b[t].text)
      continue;
    const item_t *prev = NULL;
    page_t *prev_page = NULL;
    for (int i = b[t].first_page; i <= b[t].last_page; i++) {
      page_t *p = &d->pages[i];
      for (int r = 0; r < p->ncols; r++) {
        const item_t *part = part_in_column (p, d->rtl ? p->ncols - 1 - r : r, t);
        if (!part)
          continue;
        const item_t *f = prev ? float_below (prev_page, prev->col, prev->y + prev->h,
                                              prev_page != p)
                               : NULL;
        if (f)
          fault (d, prev_page, "float-order",
                 "block %d (a float) cuts paragraph %d where it turns the %s", f->block, t,
                 prev_page != p ? "page" : "column");
        prev = part;
        prev_page = p;
      }
    }
  }
}

/* A float or table read between blocks a and c (after a's last line, before c's first), at
 * a column's or page's top too, or -1. */
static int float_between (const block_t *b, int n, int a, int c)
{
  for (int f = 0; f < n; f++)
    if (b[f].seen && (b[f].is_float || b[f].table) && !b[f].text &&
        pos_cmp (b[f].first, b[a].last) > 0 &&
        pos_cmp (b[f].first, b[c].first) < 0)
      return f;
  return -1;
}

/* Block i is a table's note (the italic line under its rows), which goes with its table: it
 * leads into no list. */
static bool table_note (const doc_t *d, const block_t *b, int i)
{
  return mk_note_line (d, &d->pages[b[i].first_page], b[i].first_item);
}

/* A list is read with the paragraph that leads into it (the body text just before its first
 * item: "visitors should note:") and item after item: no float (with its caption or note) is
 * read between the lead-in and the first item, nor between two items of one list, not even
 * at the top of the column or page the list turns to, as a paragraph that turns may have
 * one (float-in-list): the make-up editor sets it before the lead-in or after the list.
 * Between two lists (makeup_lists.c) a float may stand. Each gap is counted once. */
static void check_split_lists (doc_t *d, const block_t *b, int n)
{
  for (int l = 0; l < n; l++) {
    if (!b[l].seen || !b[l].list)
      continue;
    int prev = l - 1;   /* the text read before this item: the lead-in or the item before */
    while (prev >= 0 && !(b[prev].seen && b[prev].text && !table_note (d, b, prev)))
      prev--;
    if (prev < 0 || !(b[prev].list || role_is (b[prev].first_item, "body")) ||
        (b[prev].list && mk_lists_apart (d, prev, l)))
      continue;   /* no lead-in, or the last item of another list */
    int f = float_between (b, n, prev, l);
    if (f < 0)
      continue;
    if (b[prev].list)
      fault (d, &d->pages[b[f].first_page], "float-in-list",
             "block %d (a %s) stands between items %d and %d of a list", f,
             b[f].table ? "table" : "float", prev, l);
    else
      fault (d, &d->pages[b[f].first_page], "float-in-list",
             "block %d (a %s) stands between a list's lead-in (block %d) and its first "
             "item (block %d)", f, b[f].table ? "table" : "float", prev, l);
  }
}

/* Whether a caption or credit line sits under its picture, below it within its width (a
 * caption set at the picture's width and centred under it), or beside it, within its height
 * (a caption in the white beside a picture narrower than the measure). */
static bool with_picture (const item_t *img, const item_t *line)
{
  bool under = line->y >= img->y + img->h - TOL && line->x >= img->x - TOL &&
               line->x + line->w <= img->x + img->w + TOL;
  bool beside = line->y >= img->y - TOL && line->y + line->h <= img->y + img->h + TOL &&
                (line->x >= img->x + img->w - TOL || line->x + line->w <= img->x + TOL);
  return under || beside;
}

/* A picture's caption and credit go with it: a line of either in another column or on
 * another page than the picture is a float parted. */
static void check_captions (doc_t *d)
{
  for (size_t i = 0; i < d->npages; i++)
    for (size_t j = 0; j < d->pages[i].n; j++) {
      const item_t *img = &d->pages[i].items[j];
      if (img->kind != ITEM_IMAGE || img->generated)
        continue;
      unsigned parted = 0;
      for (size_t q = 0; q < d->npages; q++)
        for (size_t k = 0; k < d->pages[q].n; k++) {
          const item_t *l = &d->pages[q].items[k];
          if (l->kind == ITEM_LINE && !l->generated && l->block == img->block &&
              (role_is (l, "caption") || role_is (l, "credit")) &&
              (q != i || !with_picture (img, l)))
            parted++;
        }
      if (parted)
        fault (d, &d->pages[i], "float-order",
               "%u caption line(s) of block %d are parted from its picture", parted,
               img->block);
    }
}

/* The running text is read in the article's order: a block of it (not a float, not a
 * comment) whose first line comes before the first line of a block before it in the article
 * is out of order (text-order); a subhead right over a table is the table's title, and a
 * note under it its note: they go with it. Each block is weighed against the latest in order before it,
 * so one block set out of its place is one fault. */
static void check_text_order (doc_t *d, const block_t *b, int n)
{
  int latest = -1;
  for (int i = 0; i < n; i++) {
    if (!b[i].seen || !b[i].text || b[i].is_float || b[i].comment)
      continue;
    if (i + 1 < n && b[i + 1].table && role_is (b[i].first_item, "subhead"))
      continue;   /* the table's title, which goes where the table goes */
    if (mk_note_line (d, &d->pages[b[i].first_page], b[i].first_item))
      continue;   /* the table's note, under it */
    if (latest >= 0 && pos_cmp (b[i].first, b[latest].first) < 0)
      fault (d, &d->pages[b[i].first_page], "text-order",
             "block %d is read before block %d, which comes before it in the article", i,
             latest);
    else
      latest = i;
  }
}

/* How far after its anchor a float may be read on a later page than the anchor's end: past
 * REACH_BLOCKS blocks of running text begun after the anchor, or more lines of it than the
 * document's tallest column holds, the reader has left the passage behind (a pull quote
 * across the next page's top after the last paragraphs of a page is in reach; one read after
 * a page of text, or after the next six entries of a live blog, is not). A list counts as one
 * block: its items are read as one passage, no float may part them (float-in-list), so a float
 * waits under the last; its lines still count. On the anchor's page a float stands anywhere. */
#define REACH_BLOCKS 4

/* Running text read between float f's anchor t (its last line) and f's first line: the
 * blocks after t begun before f, a list's items one (*blocks), and their lines (*lines). */
static void read_between (const doc_t *d, const block_t *b, int n, int t, int f, int *blocks,
                          int *lines)
{
  *blocks = *lines = 0;
  for (int k = t + 1, prev = -1; k < n; k++)
    if (k != f && b[k].seen && b[k].text && !b[k].is_float && !b[k].comment &&
        pos_cmp (b[k].first, b[f].first) < 0) {
      *blocks += prev < 0 || !b[prev].list || !b[k].list || mk_lists_apart (d, prev, k);
      prev = k;
    }
  for (int i = b[t].last_page; i <= b[f].first_page; i++) {
    const page_t *p = &d->pages[i];
    for (size_t j = 0; j < p->n; j++) {
      const item_t *it = &p->items[j];
      if (it->block <= t || it->block >= n || it->block == f || it->generated ||
          !role_in (it, TEXT_ROLES) || b[it->block].is_float || b[it->block].comment)
        continue;
      pos_t at = position (d, p, i, it);
      if (pos_cmp (at, b[t].last) > 0 && pos_cmp (at, b[f].first) < 0)
        ++*lines;
    }
  }
}

/* A pull quote, related link or picture (not a table: check_late_tables) set on a later page
 * than the end of the text it follows (the passage a pull quote waits for: quote_due) is read
 * within reach of it (REACH_BLOCKS, a column). */
static void check_float_reach (doc_t *d, const block_t *b, int n, char **letters)
{
  int column = column_lines_max (d);
  for (int f = 0; f < n; f++) {
    if (!b[f].seen || !b[f].is_float || b[f].text || b[f].table)
      continue;
    int t = f - 1;   /* the text it follows, or a table's rows it comes after */
    while (t >= 0 && !(b[t].seen && (b[t].text || b[t].table)))
      t--;
    int passage = quote_due (b, n, letters, f);
    if (passage > t)
      t = passage;
    if (t < 0 || b[f].first_page <= b[t].last_page)
      continue;
    int blocks, lines;
    read_between (d, b, n, t, f, &blocks, &lines);
    if (blocks > REACH_BLOCKS || lines > column)
      fault (d, &d->pages[b[f].first_page], "float-reach", "block %d is read %d blocks (%d "
             "lines) after the text it follows (block %d, page %d)", f, blocks, lines, t,
             d->pages[b[t].last_page].number);
  }
}

void check_floats (doc_t *d)
{
  check_captions (d);
  int n = 0;
  block_t *b = collect_blocks (d, &n);
  if (!b)
    return;
  char **letters = block_letters (d, n);
  check_float_places (d, b, n, letters);
  check_float_reach (d, b, n, letters);
  check_stacked_quotes (d, b, n);
  check_side_by_side_quotes (d, b, n);
  check_quote_order (d, b, n);
  check_split_paragraphs (d, b, n);
  check_split_lists (d, b, n);
  check_early_quotes (d, b, n);
  check_early_tables (d, b, n);
  check_late_tables (d, b, n);
  check_quoted_passages (d, b, n, letters);
  check_text_order (d, b, n);
  free_letters (letters, n);
  free (b);
}
