/* paginate/lastfoot: a pull quote across the foot of the last page's columns.
 *
 * A pull quote from the story's last paragraph may be read neither before that paragraph's
 * first line nor long after its last. On a last page of a few lines, with a quote that
 * waited from the page before opening the first column, a later quote (met on the page, or
 * waiting behind the first) went to the next column's top, beside it (the make-up check's
 * float-order: held-out en-chemistry-prize kiosk-10.3 set two quotes side by side over four
 * lines in each column), and early.c could not move it before an earlier paragraph: the only
 * one before it is the rest of one begun on the page before, and the one after it is its
 * passage. A make-up editor sets it across the foot of the columns: the text above it
 * balanced, the quote under all of it, read after its passage as the story's last word.
 * So the last page is set again with the later quote's units moved to the end of the text
 * (only when no comments follow: they would be read before it) and set across the columns:
 * the band of text over it balanced (midspan.c's ink__set_band), the quote under its lowest
 * line as a float across the columns still waiting at the end of the text is (spanend.c).
 * The first quote, when it waited at the column's width though its style spans the columns,
 * is tried as it was and then across the page's top (as widen.c sets one). The setting is
 * kept when the page holds all it did, nothing waits, the band's columns end within a line
 * step, every one holding lines, no pull quote stands beside or on another, no float is read
 * after its text that was not, the quote fits over the page's foot and balancing does not
 * reject the page; else the page is set as it was. A finishing step: the search of float
 * orders (floatorder.c) weighs its layouts without it (ink__float_order_t.trial) and the
 * article's order laid out again without it when it set that layout (L->last_foot); weighed
 * with it, the base's last page no longer strained a rule and the search refused the plan it
 * keeps without the step (corran-spaceport kiosk-7.5: a third quote two pages late).
 * The same goes for a pull quote at the column's width whose order binds the sharing of a
 * last page that ends its columns apart, no quote beside it (binding_quote): only the text
 * before it may stand beside it (sapporo-snow.ja kiosk-7.5: two lines and a quote of four
 * in column 1, the related link and the last two lines in column 2, 158 px apart). And so
 * for a pull quote of the story's last paragraph read before it on the last page, met on it
 * or waiting for it alone (last_passage_quote): quotewait.c leaves it where the article puts
 * it, as in a column after its passage it would stand after the end of the text; across the
 * foot it is read after its passage (held-out h67-ja-2.ja: print-a4 set it in column 3 over
 * its passage, kiosk-10.3 across page 2's top over the passage's two lines). Not kept, that
 * page is put back exactly as the tools before this step set it. */
#include "layout-internal.h"
#include "makeup.h"

#include <string.h>

/* The last page as it was set: what the setting with the quote at the foot must not do
 * worse. */
typedef struct {
  snap_t sn;
  snap_t from;   /* the page's start with the quote out of the queue, its units moved */
  size_t blocks, chars;
  bool late;
} was_t;

/* Every column of the page set from sn holds lines and they end within a line step. */
static bool
band_even (const lay_t *L, const snap_t *sn)
{
  ink__makeup_cols_t c;
  ink__measure_page (L, sn, ink__line_step (L), &c);
  for (unsigned i = 0; i < c.ncols; i++)
    if (!c.lines[i])
      return false;
  int32_t low;
  int64_t spread;
  bool even;
  ink__page_ends (L, sn, &low, &spread, &even);
  return even;
}

/* The band set from sn holds all the last page did, nothing waiting, made up as asked. */
static bool
band_kept (const lay_t *L, const was_t *w, const snap_t *sn)
{
  return !L->full && L->doc->pages.n == w->sn.page + 1 && L->pending == NO_FLOAT &&
         L->pending_span == NO_FLOAT && L->doc->overflow_blocks == w->blocks &&
         L->doc->overflow_chars == w->chars && !L->stacked && (!L->late || w->late) &&
         !ink__quotes_side_by_side (L, sn->page) && band_even (L, sn);
}

/* The pull quote at unit q (its units the last of the text) set across the columns under
 * all the page holds, as a float across them still waiting at the end of the text is
 * (spanend.c; *placed when it fits over the page's foot). */
static ink_status_t
quote_under (lay_t *L, size_t q, bool *placed)
{
  L->pending_span = q;
  ink_status_t st = ink__span_under_columns (L, placed);
  *placed = st == INK_OK && *placed && L->units.v[q].placed_page == L->page;
  if (!*placed)
    L->pending_span = NO_FLOAT;
  L->cur_ui = q + L->units.v[q].float_len;
  L->cur_k = 0;
  return st;
}

/* The page set from sn with the band of text over the quote at unit q, the quote under it
 * (*kept as the file's head says). */
static ink_status_t
try_foot (lay_t *L, const was_t *w, const snap_t *sn, size_t q, bool *kept)
{
  *kept = false;
  ink_status_t st = ink__set_band (L, sn, q);
  if (st != INK_OK || !band_kept (L, w, sn))
    return st;
  bool placed;
  if ((st = quote_under (L, q, &placed)) != INK_OK || !placed)
    return st;
  ink__makeup_cols_t c;
  ink__measure_page (L, sn, ink__line_step (L), &c);
  *kept = L->pending_span == NO_FLOAT && !ink__quotes_side_by_side (L, sn->page) &&
          ink__makeup_cost (&c) != INK_MAKEUP_REJECT;
  return INK_OK;
}

/* The pull quote that waited from the page before at the column's width and opens the page
 * set from sn, its style across the columns; or NO_FLOAT. */
static size_t
narrow_head (const lay_t *L, const snap_t *sn)
{
  size_t h = sn->pending;
  if (h == NO_FLOAT || h >= sn->ui || (sn->queue_last != NO_FLOAT && sn->queue_last != h) ||
      sn->pending_span != NO_FLOAT || !L->t->styles[INK_ROLE_QUOTE].span_columns ||
      L->units.v[h].span || !ink__is_quote (L, h))
    return NO_FLOAT;
  return h;
}

/* The page tried with the head quote that waited across its top as well (*kept). */
static ink_status_t
try_head_across (lay_t *L, const was_t *w, size_t q, bool *kept)
{
  *kept = false;
  size_t h = narrow_head (L, &w->from);
  if (h == NO_FLOAT)
    return INK_OK;
  size_t len = L->units.v[h].float_len;
  unit_t *saved = ink__units_copy (L, h, len);
  if (!saved)
    return INK_NO_MEMORY;
  bool widened;
  ink_status_t st = ink__widen_float (L, h, &widened);
  snap_t sn = w->from;
  sn.pending = NO_FLOAT;
  sn.queue_last = NO_FLOAT;
  sn.pending_span = h;
  if (st == INK_OK && widened)
    st = try_foot (L, w, &sn, q, kept);
  if (!*kept)
    memcpy (&L->units.v[h], saved, len * sizeof *saved);
  ink__realloc_array (L->ctx, saved, len, 0, sizeof *saved);
  return st;
}

/* The page's start w->from with the float at unit f moved to the end of the text (*w->sn
 * as set): met on the page, the text after it on the page; or waiting since the page
 * before, the last of the queue (the float before it in the queue its last then) or alone
 * across the columns for the page's top, the page's first unit moving up as f's units leave
 * for the end. False when it can not. */
static bool
out_of_queue (const lay_t *L, was_t *w, size_t f)
{
  const snap_t *sn = &w->sn;
  size_t len = L->units.v[f].float_len;
  w->from = *sn;
  if (f >= sn->ui)
    return (sn->queue_last == NO_FLOAT || sn->queue_last < f) &&
           ink__text_within (L, f + len, L->units.n);
  if (sn->pending_span == f && sn->pending == NO_FLOAT) {   /* waited across the page's top */
    w->from.pending_span = NO_FLOAT;
    w->from.ui = sn->ui - len;
    return ink__text_within (L, sn->ui, L->units.n);
  }
  if (sn->pending == NO_FLOAT || sn->pending > f || sn->pending_span != NO_FLOAT ||
      (sn->queue_last != f && !(sn->queue_last == NO_FLOAT && sn->pending == f)))
    return false;
  size_t g = NO_FLOAT;   /* the float queued before f */
  for (size_t i = sn->pending; i < f; i += L->units.v[i].float_len ? L->units.v[i].float_len : 1)
    if (L->units.v[i].float_len && !L->units.v[i].span)
      g = i;
  w->from.pending = f == sn->pending ? NO_FLOAT : sn->pending;
  w->from.queue_last = g == NO_FLOAT || g == sn->pending ? NO_FLOAT : g;
  w->from.ui = sn->ui - len;
  return ink__text_within (L, sn->ui, L->units.n);
}

/* The first unit of the last pull quote at the column's width met on the last page set from
 * sn, with text after it in the article, when that page's columns end more than a line step
 * apart: its order binds the sharing (only the text before it may stand beside it); or
 * NO_FLOAT. */
static size_t
binding_quote (const lay_t *L, const snap_t *sn, size_t e)
{
  int32_t low;
  int64_t spread;
  bool even;
  ink__page_ends (L, sn, &low, &spread, &even);
  if (even)
    return NO_FLOAT;
  size_t f = NO_FLOAT;
  for (size_t i = sn->ui; i < e; i++) {
    const unit_t *u = &L->units.v[i];
    if (!u->float_len)
      continue;
    if (!u->span && u->placed_page == sn->page && ink__is_quote (L, i) &&
        ink__text_within (L, i + u->float_len, e))
      f = i;
    i += u->float_len - 1;
  }
  return f;
}

/* The first unit of the pull quote on the last page set from sn whose words stand in the
 * story's last paragraph (ink__quote_of_last), read before it: met on the page, or waiting
 * for it alone (at the column's width or across the columns); or NO_FLOAT. */
static size_t
last_passage_quote (const lay_t *L, const snap_t *sn, size_t e)
{
  size_t f = sn->pending_span != NO_FLOAT ? sn->pending_span : sn->pending;
  if (f != NO_FLOAT && (sn->queue_last == NO_FLOAT || sn->queue_last == f) &&
      ink__quote_of_last (L->a, (size_t) ink__quote_block (L, f)))
    return f;
  for (size_t i = sn->ui; i < e; i++) {
    const unit_t *u = &L->units.v[i];
    if (!u->float_len)
      continue;
    if (u->placed_page == sn->page && ink__is_quote (L, i) &&
        ink__quote_of_last (L->a, (size_t) ink__quote_block (L, i)))
      return i;
    i += u->float_len - 1;
  }
  return NO_FLOAT;
}

/* The quote at unit f widened to the page's measure, its units moved to the end of the text
 * (e), and the page tried with it across the foot of the columns, then with the quote that
 * waited across the top as well (*kept; *widened when its style let it widen). */
static ink_status_t
try_moved (lay_t *L, was_t *w, size_t f, size_t e, bool *widened, bool *kept)
{
  size_t len = L->units.v[f].float_len;
  bool across = L->units.v[f].span;   /* waited across the page's top */
  *kept = false;
  ink_status_t st = ink__widen_float (L, f, widened);
  *widened |= across;
  size_t q = e - len;
  if (st == INK_OK && *widened) {
    ink__units_rotate (L, f, f + len, e);
    if ((st = try_foot (L, w, &w->from, q, kept)) == INK_OK && !*kept)
      st = try_head_across (L, w, q, kept);
  }
  return st;
}

/* The quote at unit f whose order binds the page's sharing tried across its foot; when that is
 * not kept, the units, paragraphs and page put back exactly as the tools before this one set
 * them (setting the page again from its start would balance it afresh, and lose what they
 * did: a picture they sized, a float they moved): this step only ever mends the page. */
static ink_status_t
foot_or_as_was (lay_t *L, was_t *w, size_t f, size_t e)
{
  ink__page_copy_t copy;
  ink__lead_keep_t was_set;
  ink_status_t st = INK_NO_MEMORY;
  if (ink__page_copy (L, &w->sn, &copy)) {
    if ((st = ink__lead_keep (L, &w->sn, &was_set)) != INK_OK)
      ink__page_copy_free (L->ctx, &copy, &w->sn);
  }
  if (st != INK_OK)
    return st == INK_NO_MEMORY ? oom (L) : st;
  bool widened, kept;
  st = try_moved (L, w, f, e, &widened, &kept);
  if (kept) {
    ink__page_copy_free (L->ctx, &copy, &w->sn);
  } else {
    ink_status_t back = ink__lead_keep_back (L, &was_set);
    ink_status_t put = ink__page_put_back (L, &w->sn, &copy);
    st = st != INK_OK ? st : back != INK_OK ? back : put;
  }
  L->last_foot = kept;
  ink__lead_keep_free (L, &was_set);
  return st;
}

/**
 * ink__quote_last_foot:
 * @L: the layout, the text ended and the last page set
 *
 * A pull quote the last page sets beside another, or one of the story's last paragraph read
 * before it (last_passage_quote), or one at the column's width whose order binds the sharing
 * of a last page that ends its columns apart (binding_quote), with text after it on the page
 * and no comments after the text, goes across the foot of the page's
 * columns, the text above it balanced (see the file's head); else the page is set as it was.
 *
 * Return value: INK_OK, or the error that stopped it.
 */
ink_status_t
ink__quote_last_foot (lay_t *L)
{
  was_t w = { .sn = L->snap, .blocks = L->doc->overflow_blocks,
              .chars = L->doc->overflow_chars, .late = L->late };
  if (L->full || L->ncols < 2 || L->ncols > INK_MAKEUP_MAX_COLS || L->pending != NO_FLOAT ||
      L->pending_span != NO_FLOAT || L->doc->pages.n != w.sn.page + 1 ||
      !L->t->styles[INK_ROLE_QUOTE].span_columns)
    return INK_OK;
  size_t f = ink__beside_on_page (L, w.sn.page), e = ink__comments_start (L);
  bool binds = f == NO_FLOAT;   /* no quote beside another: one of the last paragraph, */
  if (binds)
    f = last_passage_quote (L, &w.sn, e);
  if (binds && f == NO_FLOAT)
    f = binding_quote (L, &w.sn, e);   /* or one whose order binds, if any */
  if (f == NO_FLOAT || e != L->units.n || !ink__is_quote (L, f) ||
      f + L->units.v[f].float_len > e || !out_of_queue (L, &w, f))
    return INK_OK;
  if (binds)
    return foot_or_as_was (L, &w, f, e);
  unit_t *saved = ink__units_copy (L, f, e - f);
  if (!saved)
    return INK_NO_MEMORY;
  bool widened, kept = false;
  ink_status_t st = try_moved (L, &w, f, e, &widened, &kept);
  L->last_foot = kept;
  if (!kept) {
    memcpy (&L->units.v[f], saved, (e - f) * sizeof *saved);
    if (st == INK_OK && widened)
      st = ink__set_last_page (L, &w.sn);
  }
  ink__realloc_array (L->ctx, saved, e - f, 0, sizeof *saved);
  return st;
}
