/* paginate/commentcol: a last page of reader comments alone set in fewer, wider columns,
 * or in one across the frame, when its columns cannot end together or one of them ends on a
 * comment's author line, its text in the next column. Comments come whole, an author and a
 * few lines each: three of them share two columns two in one and one in the other, four
 * share three columns two, one and one, rows of a comment and its rule apart, however they
 * are shared. Four in two columns end together; a letters column the frame wide ends where
 * it ends and needs no balance. Only where that measure stays readable (INK_WIDE_MEASURE_EMS
 * of the comment's style) and the comments all fit the page so. */
#include "layout-internal.h"

#include <stdint.h>
#include <string.h>

/* Whether unit u belongs to the comments: a comment's author line, its text or a reply,
 * the rule over it, or the space or page break before them. */
static bool
of_comments (const unit_t *u)
{
  if (u->kind == U_RULE || u->kind == U_SPACE || u->kind == U_PAGE)
    return !u->float_len && !u->span;
  return u->kind == U_PARA && u->p &&
         (u->p->role == INK_ROLE_COMMENT_AUTHOR || u->p->role == INK_ROLE_COMMENT ||
          u->p->role == INK_ROLE_REPLY);
}

/* Whether the page set from sn is the last and holds comments alone, from the first line
 * of a comment on: no float waits for it or on it, no head stands over its columns. */
static bool
comments_alone (lay_t *L, const snap_t *sn)
{
  if (sn->page == 0 || sn->k != 0 || sn->top > L->top || !L->units_done ||
      sn->pending != NO_FLOAT || sn->pending_span != NO_FLOAT || L->pending != NO_FLOAT ||
      L->pending_span != NO_FLOAT || L->doc->pages.n != sn->page + 1 ||
      sn->ui < ink__comments_start (L) || sn->ui >= L->units.n)
    return false;
  for (size_t ui = sn->ui; ui < L->units.n; ui++)
    if (!of_comments (&L->units.v[ui]))
      return false;
  return true;
}

/* Whether a column of the page set from sn ends on a comment's author line, the comment's
 * text in the next column: a keep balancing let through, which fewer columns may spare. */
static bool
author_at_foot (const lay_t *L, const snap_t *sn)
{
  const ink__page_t *pg = &L->doc->pages.v[sn->page];
  int32_t foot[INK_MAKEUP_MAX_COLS];
  int role[INK_MAKEUP_MAX_COLS];
  unsigned n = L->ncols < INK_MAKEUP_MAX_COLS ? L->ncols : INK_MAKEUP_MAX_COLS;
  for (unsigned c = 0; c < n; c++)
    foot[c] = INT32_MIN, role[c] = -1;
  for (size_t i = 0; i < pg->nl; i++) {
    const ink__lrec_t *l = &L->doc->lines.v[pg->l0 + i];
    int32_t c = (l->x - L->left + L->gutter / 2) / (L->colw + L->gutter);
    if (c >= 0 && (unsigned) c < n && l->y > foot[c])
      foot[c] = l->y, role[c] = l->role;
  }
  for (unsigned c = 0; c < n; c++)
    if (role[c] == INK_ROLE_COMMENT_AUTHOR)
      return true;
  return false;
}

/* The comments from unit first on set at column width colw: their lines broken again at
 * the measure (a reply's indent off it, on the right in right-to-left text), their rules as
 * wide. */
static ink_status_t
set_comments_width (lay_t *L, size_t first, int32_t colw)
{
  ink_status_t st = INK_OK;
  for (size_t ui = first; ui < L->units.n && st == INK_OK; ui++) {
    unit_t *u = &L->units.v[ui];
    if (u->kind == U_RULE)
      u->w = colw;
    if (u->kind != U_PARA)
      continue;
    int32_t measure = colw - u->p->indent;
    st = ink__set_para_measure (L, u->p, measure);
    if (st == INK_OK && u->p->po.nwidths == 1)
      u->p->widths[0] = measure;   /* its lines broken again (foot.c) at the same measure */
  }
  return st;
}

/* Whether the page set from sn holds the rest of the article: no page after it, nothing
 * waiting, no more overflow than before it. */
static bool
took_all (const lay_t *L, const snap_t *sn)
{
  return !L->full && L->doc->pages.n == sn->page + 1 && L->pending == NO_FLOAT &&
         L->pending_span == NO_FLOAT && L->doc->overflow_chars == sn->overflow_chars &&
         L->doc->overflow_blocks == sn->overflow_blocks;
}

/* The last page set again from sn in ncols columns of width colw, for good; *kept when
 * the comments all fit it so and, in more than one column, the columns balanced then end
 * within a line step, none on an author's line. */
static ink_status_t
set_across (lay_t *L, const snap_t *sn, unsigned ncols, int32_t colw, bool *kept)
{
  size_t max_pages = L->max_pages;
  bool even = true;
  L->max_pages = sn->page + 1;
  L->ncols = ncols;
  L->colw = colw;
  ink_status_t st = set_comments_width (L, sn->ui, colw);
  if (st == INK_OK) {
    ink__restore_snap (L, sn, L->bottom);
    st = ink__resume_snap (L, sn);
  }
  L->max_pages = max_pages;
  *kept = st == INK_OK && took_all (L, sn);
  if (*kept && ncols > 1) {
    st = ink__balance_even (L, &even);
    *kept = st == INK_OK && even && took_all (L, sn) && ink__page_filled (L, sn) &&
            !author_at_foot (L, sn);
  }
  return st;
}

/* The last page from sn set again in ncols columns of width colw; kept (*kept) or put
 * back as it was, with the comments at the template's measure again. */
static ink_status_t
try_columns (lay_t *L, const snap_t *sn, unsigned ncols, int32_t colw, bool *kept)
{
  unsigned tpl_ncols = L->ncols;
  int32_t tpl_colw = L->colw;
  ink__page_copy_t c;
  *kept = false;
  if (!ink__page_copy (L, sn, &c))
    return oom (L);
  ink_status_t st = set_across (L, sn, ncols, colw, kept);
  if (st == INK_OK && *kept) {
    L->doc->pages.v[sn->page].ncols = ncols;
    ink__page_copy_free (L->ctx, &c, sn);
    L->ncols = tpl_ncols;
    L->colw = tpl_colw;
    return INK_OK;
  }
  *kept = false;
  ink_status_t back = set_comments_width (L, sn->ui, tpl_colw);
  ink_status_t put = ink__page_put_back (L, sn, &c);
  return st != INK_OK ? st : back != INK_OK ? back : put;
}

/**
 * ink__comments_across:
 * @L: the layout, the flow ended and its last page balanced
 *
 * The last page holds comments alone and its columns still end more than a line step
 * apart, leave a column empty that they should fill (ink__page_filled: three comments of
 * eight lines in three of four columns), or one ends on a comment's author line
 * (author_at_foot): it is set again in fewer, wider columns, the most first, each within
 * INK_WIDE_MEASURE_EMS of the comment style: in more than one when they then balance within
 * a line step, fill them and end none on an author's line, in one the frame wide when the
 * comments all fit it so (the page's own count of columns, for the
 * layout JSON and its column rules). Otherwise the page and the comments' measure are put
 * back as they were. The layout's columns are the template's again after it, for the steps
 * that follow the flow.
 *
 * Return value: INK_OK, or the error that stopped a setting.
 */
ink_status_t
ink__comments_across (lay_t *L)
{
  snap_t sn = L->snap;
  float em = L->t->styles[INK_ROLE_COMMENT].size_px;
  if (L->ncols < 2 || L->ncols > INK_MAKEUP_MAX_COLS || L->trial || em <= 0 ||
      !comments_alone (L, &sn))
    return INK_OK;
  int32_t low;
  int64_t spread;
  bool even, kept = false;
  ink__page_ends (L, &sn, &low, &spread, &even);
  if (even && ink__page_filled (L, &sn) && !author_at_foot (L, &sn))
    return INK_OK;
  ink_status_t st = INK_OK;
  ink__frame_t frame = ink__frame_of (L->t);
  for (unsigned n = L->ncols - 1; n >= 1 && !kept && st == INK_OK; n--) {
    int32_t colw = ink__frame_cols (frame, n).colw;
    if (colw <= PX (em * INK_WIDE_MEASURE_EMS))
      st = try_columns (L, &sn, n, colw, &kept);
  }
  return st;
}
