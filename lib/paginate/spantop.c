/* paginate/spantop: no float across the columns opens a page of comments. A pull quote or
 * related link across the columns that the flow could not fit under the text waits for the
 * next page's top; when the text ends on this page, that page holds the float and the
 * readers' comments alone, and the float, standing over them, reads as theirs rather than
 * the story's. A make-up editor sets it across this page's top instead and lets the text it
 * pushes down run on to the next page, where the comments follow it. This page is set again
 * so, before it is evened; the setting is kept when the float goes in at its top (under the
 * head only with two lines of text under it, ink__place_span) and the next page then starts
 * with text. A pull quote so set across the article's first page stands over its first
 * paragraph: that start is noted, and once the text has ended quotehead.c tries the quote in
 * its turn from there (ink__note_quote_top). So too when the float, across the next page's
 * top, would leave its columns too short for a subhead that opens them and the lines it
 * keeps: the subhead would stand alone over a hole (ink__span_over_head).
 * A pull quote that cannot take this page's top (another float across the columns holds it,
 * or an earlier pull quote on the page would be read after it) or that would stand there
 * over its own passage (a paragraph begun on the page holds its words) goes in its turn at
 * the column's width instead, under its passage on this page, the text it pushes down
 * running on to the next; kept on the same terms and when no pull quote then stands on or
 * beside another. So too a pull quote that, across the next page's top, would be read after
 * more of the text that follows it than a reader carries a quote over (ink__span_near_text):
 * across this page's top when the paragraph it follows began on the page before, else in its
 * turn at the column's width, each kept with the columns ending within a line step. */
#include "layout-internal.h"
#include "makeup.h"

#include <string.h>

/* A float waits for the next page's top, across the columns, and that page would hold no
 * running text: the text it follows goes on before the comments, and the flow stopped with
 * none of it left. */
static bool
opens_comments (lay_t *L)
{
  size_t span = L->next.pending_span, page = L->snap.page;
  if (!L->broke || span == NO_FLOAT || L->ncols < 2 || L->ncols > INK_MAKEUP_MAX_COLS ||
      L->doc->pages.n != page + 1)
    return false;
  size_t comments = ink__comments_start (L);
  if (comments >= L->units.n || L->next.ui < span ||
      ink__text_within (L, L->next.ui, L->units.n) ||
      !ink__text_within (L, span + L->units.v[span].float_len, comments))
    return false;
  return true;
}

/* The page being set holds a float across its columns already (it has one top). */
static bool
top_taken (const lay_t *L)
{
  if (L->snap.pending_span != NO_FLOAT)
    return true;
  for (size_t i = 0; i < L->units.n; i++)
    if (L->units.v[i].span && L->units.v[i].placed_page == L->snap.page)
      return true;
  return false;
}

/* Page sn set with the float across its top held it, and the flow stopped before the next
 * page with running text still to set there, nothing counted as overflow. */
static bool
span_kept (lay_t *L, const snap_t *sn, size_t span)
{
  const ink_document_t *doc = L->doc;
  return L->broke && doc->pages.n == sn->page + 1 && L->units.v[span].placed_page == sn->page &&
         L->next.overflow_chars == sn->overflow_chars &&
         L->next.overflow_blocks == sn->overflow_blocks &&
         ink__text_within (L, L->next.ui, L->units.n);
}

/* Sets the page again from sn as the flow first set it: every column down to the frame's
 * foot. */
static ink_status_t
set_again (lay_t *L, const snap_t *sn)
{
  ink__restore_snap (L, sn, L->bottom);
  L->strained = false;
  return ink__resume_snap (L, sn);
}

/* Page sn set with the float across its top held it, and the text ended there, nothing
 * counted as overflow: the page is the last. */
static bool
span_ends (lay_t *L, const snap_t *sn, size_t span)
{
  const ink_document_t *doc = L->doc;
  return !L->broke && doc->pages.n == sn->page + 1 && L->units.v[span].placed_page == sn->page &&
         doc->overflow_chars == sn->overflow_chars && doc->overflow_blocks == sn->overflow_blocks;
}

/* Page sn ends its columns within a line step: the page's evening brings them together. */
static bool
ends_near (const lay_t *L, const snap_t *sn)
{
  int32_t low;
  int64_t spread;
  bool even;
  ink__page_ends (L, sn, &low, &spread, &even);
  return even;
}

/* Sets the page of L->snap again with the float across the columns at unit span across its
 * top, unless the page goes on with the rest of a list (listfloat.c); the setting is kept
 * when the page holds it there and the text goes on to the next page (span_kept) or, with
 * `may_end`, ends on it (span_ends), and, with `even_only`, its columns end within a line
 * step (*kept); else the page is set as it was. */
static ink_status_t
span_to_top (lay_t *L, size_t span, bool may_end, bool even_only, bool *kept)
{
  *kept = false;
  if (ink__opens_inside_list (L, L->snap.ui, L->snap.k))
    return INK_OK;   /* across the top it would cut the list the page goes on with */
  size_t first = L->snap.ui;
  first = L->snap.pending != NO_FLOAT && L->snap.pending < first ? L->snap.pending : first;
  first = span < first ? span : first;
  size_t nsaved = L->units.n - first;
  unit_t *saved = ink__alloc_array (L->ctx, nsaved, sizeof *saved);
  if (!saved)
    return oom (L);
  memcpy (saved, L->units.v + first, nsaved * sizeof *saved);
  const ink__page_t pg = L->doc->pages.v[L->snap.page];
  snap_t sn = L->snap;
  sn.pending_span = span;
  ink_status_t st = set_again (L, &sn);
  *kept = st == INK_OK && (!even_only || ends_near (L, &sn)) &&
          (span_kept (L, &sn, span) || (may_end && span_ends (L, &sn, span)));
  if (*kept) {
    L->snap = sn;
    ink__note_quote_top (L, &sn);
    ink__note_table_top (L, &sn);
  } else if (st == INK_OK) {
    memcpy (L->units.v + first, saved, nsaved * sizeof *saved);
    L->doc->pages.v[L->snap.page] = pg;
    st = set_again (L, &L->snap);
  }
  ink__free (L->ctx, saved, nsaved * sizeof *saved);
  return st;
}

/* Sets the page of L->snap again with the pull quote at unit span, met on it, at the
 * column's width in its turn; the setting is kept when the page holds it, the text goes on to
 * the next page (span_kept), no pull quote stands on or beside another and the columns end
 * within a line step or (but with `even_only`) no further apart than before (*kept);
 * else the page is set as it was. */
static ink_status_t
span_in_turn (lay_t *L, size_t span, bool even_only, bool *kept)
{
  *kept = false;
  if (span < L->snap.ui || !ink__is_quote (L, span))
    return INK_OK;   /* not met on this page */
  size_t first = L->snap.ui;
  first = L->snap.pending != NO_FLOAT && L->snap.pending < first ? L->snap.pending : first;
  first = L->snap.pending_span < first ? L->snap.pending_span : first;
  size_t nsaved = L->units.n - first;
  unit_t *saved = ink__units_copy (L, first, nsaved);
  if (!saved)
    return INK_NO_MEMORY;
  const ink__page_t pg = L->doc->pages.v[L->snap.page];
  snap_t sn = L->snap;
  int32_t low;
  int64_t was, now;
  bool narrowed, even;
  ink__page_ends (L, &sn, &low, &was, NULL);
  ink_status_t st = ink__narrow_float (L, span, &narrowed);
  if (st == INK_OK && narrowed)
    st = set_again (L, &sn);
  if (st == INK_OK && narrowed)
    ink__page_ends (L, &sn, &low, &now, &even);
  *kept = st == INK_OK && narrowed && span_kept (L, &sn, span) && !L->stacked &&
          !ink__quotes_side_by_side (L, sn.page) &&
          (even || (!even_only && now <= was));
  if (st == INK_OK && narrowed && !*kept) {
    memcpy (L->units.v + first, saved, nsaved * sizeof *saved);
    L->doc->pages.v[L->snap.page] = pg;
    st = set_again (L, &L->snap);
  }
  ink__realloc_array (L->ctx, saved, nsaved, 0, sizeof *saved);
  return st;
}

/**
 * ink__span_before_comments:
 * @L: the layout, the page of L->snap just flowed, the flow stopped before the next
 *
 * When the next page would open with a float across the columns over the comments, with none
 * of the text, sets this page again with the float across its top, or a pull quote at the
 * column's width in its turn (see the file's head). L->snap then starts the page as set;
 * else the page is set as it was.
 *
 * Return value: INK_OK, or the error that stopped it.
 */
ink_status_t
ink__span_before_comments (lay_t *L)
{
  if (!opens_comments (L))
    return INK_OK;
  size_t span = L->next.pending_span;
  bool top = !top_taken (L) && !ink__quote_before_on_page (L, span) &&
             !ink__passage_under (L, span, &L->snap) &&
             !ink__opens_inside_list (L, L->snap.ui, L->snap.k),
       kept;
  return top ? span_to_top (L, span, false, false, &kept) : span_in_turn (L, span, false, &kept);
}

/* The float across the columns that waits for the next page's top would stand there over a
 * subhead whose kept lines (its text's first two, or a list's lead-in whole with its first
 * item) fit no column under it, though they fit a whole column: the subhead would open the
 * page alone over a hole, its text in the next column or on the page after
 * (hunza-apricots.ur kiosk-7.5). The page being set holds no float across its columns. */
static bool
head_under_span (lay_t *L)
{
  size_t span = L->next.pending_span, page = L->snap.page, ui = L->next.ui;
  if (!L->broke || span == NO_FLOAT || span >= L->units.n || L->ncols < 2 ||
      L->doc->pages.n != page + 1 || L->next.k > 0 || ui >= L->units.n || top_taken (L))
    return false;
  const unit_t *u = &L->units.v[ui];
  if (u->kind != U_PARA || !u->p || u->float_len || u->p->role != INK_ROLE_SUBHEAD ||
      !u->keep_with_next)
    return false;
  int64_t column = (int64_t) L->bottom - L->next.top;
  int64_t under = column - ink__float_height (L, span);
  return under > 0 && !ink__text_starts (L, ui, (int32_t) (L->col_bottom - under)) &&
         ink__text_starts (L, ui, (int32_t) (L->col_bottom - column));
}

/**
 * ink__span_over_head:
 * @L: the layout, the page of L->snap just flowed, the flow stopped before the next
 *
 * When the next page would open with a float across the columns over a subhead that then
 * stands alone in its column, sets this page again with the float across its top: the text
 * it pushes down runs on to the next page, whose columns, whole, take the subhead with its
 * text. L->snap then starts the page with it; else the page is set as it was.
 *
 * Return value: INK_OK, or the error that stopped it.
 */
ink_status_t
ink__span_over_head (lay_t *L)
{
  if (!head_under_span (L) || ink__quote_before_on_page (L, L->next.pending_span))
    return INK_OK;
  bool kept;
  return span_to_top (L, L->next.pending_span, false, false, &kept);
}

/* The float across the columns that waits for the next page is a table's (table.c). */
static bool
table_waits (const lay_t *L)
{
  size_t span = L->next.pending_span, page = L->snap.page;
  if (!L->broke || span == NO_FLOAT || span >= L->units.n || L->snap.pending_span != NO_FLOAT ||
      L->ncols < 2 || L->doc->pages.n != page + 1)
    return false;
  bool table = L->units.v[span].float_len && ink__is_table (L, span);
  for (size_t i = 0; table && i < L->units.n; i++)
    if (L->units.v[i].span && L->units.v[i].placed_page == page)
      return false;
  return table;
}

/**
 * ink__table_to_top:
 * @L: the layout, the page of L->snap just flowed, the flow stopped before the next
 *
 * A table across the columns that the flow met in this page's columns waits for the next
 * page's top, a page or more after the text that speaks of it, and a second such table met
 * before then would start a page of its own: this page is set again with the table across
 * its top (under the head only with two lines of text under it), as a make-up editor sets a
 * wide table at the top of the page of its text. L->snap then starts the page with it; else
 * the page is set as it was. When the text then ends on this page, the setting is kept: the
 * page is the last.
 *
 * Return value: INK_OK, or the error that stopped it.
 */
ink_status_t
ink__table_to_top (lay_t *L)
{
  bool kept;
  return table_waits (L) ? span_to_top (L, L->next.pending_span, true, false, &kept) : INK_OK;
}

/* How far a pull quote across the columns may be read after the text it follows: past this
 * many paragraphs begun after it, or more lines than a whole column holds, the reader has
 * left its passage behind (the make-up check's float-reach). */
#define QUOTE_REACH_PARAS 4u

/* Running text set on page sn after the float at unit span, which waits for the next page's
 * top, up to where the flow stopped: paragraphs begun after the float (*paras) and their
 * lines on the page (*lines). */
static void
text_after (const lay_t *L, size_t span, size_t *paras, size_t *lines)
{
  const snap_t *nx = &L->next;
  *paras = *lines = 0;
  for (size_t j = span + L->units.v[span].float_len; j <= nx->ui && j < L->units.n; j++) {
    const unit_t *u = &L->units.v[j];
    if (u->float_len) {
      j += u->float_len - 1;
      continue;
    }
    size_t n = j < nx->ui ? u->p ? u->p->para.lines.n : 0 : nx->k;
    if (u->kind == U_PARA && u->p && ink__flowed_role (u->p->role) && n) {
      ++*paras;
      *lines += n;
    }
  }
}

/* The paragraph of running text the float at unit span follows in the article began on a
 * page before sn: across sn's top the float is read after its first lines. */
static bool
follows_earlier_page (const lay_t *L, size_t span, const snap_t *sn)
{
  size_t j = span;
  while (j-- > 0) {
    const unit_t *u = &L->units.v[j];
    if (u->kind == U_PARA && u->p && !u->float_len && ink__flowed_role (u->p->role))
      return j < sn->ui || (j == sn->ui && sn->k > 0);
    if (u->float_len)
      return false;
  }
  return false;
}

/**
 * ink__quote_far:
 * @L: the layout, the page of L->snap just set, the flow stopped before the next
 *
 * A pull quote across the columns met on the page being set waits for the next page's top
 * while more text than the reach is set after it here (QUOTE_REACH_PARAS, a column).
 *
 * Return value: whether it does.
 */
bool
ink__quote_far (const lay_t *L)
{
  size_t span = L->next.pending_span, page = L->snap.page;
  if (!L->broke || span == NO_FLOAT || span >= L->units.n || L->ncols < 2 ||
      L->ncols > INK_MAKEUP_MAX_COLS || L->doc->pages.n != page + 1 || span < L->snap.ui ||
      !ink__is_quote (L, span))
    return false;
  size_t paras, lines;
  text_after (L, span, &paras, &lines);
  int32_t step = ink__line_step (L);
  size_t column = step > 0 ? (size_t) ((L->bottom - L->top) / step) : SIZE_MAX;
  return paras > QUOTE_REACH_PARAS || lines > column;
}

/**
 * ink__span_near_text:
 * @L: the layout, the page of L->snap just flowed, the flow stopped before the next
 *
 * A pull quote across the columns met on this page that would wait for the next page's top
 * with more of the text after it set here than a reader carries a quote over (ink__quote_far):
 * when the paragraph it follows began on an earlier page and no float holds this page's top,
 * the page is set again with the quote across its top, read after that paragraph's first
 * lines; else (its paragraph begun here: across the top it would be read before it), or when
 * the columns so end more than a line step apart, in its turn at the column's width, under
 * its passage (span_in_turn), each kept only with the columns ending within a line step. L->snap
 * then starts the page as set; else the page is set as it was.
 *
 * Return value: INK_OK, or the error that stopped it.
 */
ink_status_t
ink__span_near_text (lay_t *L)
{
  if (!ink__quote_far (L))
    return INK_OK;
  size_t span = L->next.pending_span;
  bool kept = false;
  ink_status_t st = INK_OK;
  if (!top_taken (L) && !ink__quote_before_on_page (L, span) &&
      !ink__passage_under (L, span, &L->snap) && follows_earlier_page (L, span, &L->snap))
    st = span_to_top (L, span, false, true, &kept);
  return st == INK_OK && !kept ? span_in_turn (L, span, true, &kept) : st;
}
