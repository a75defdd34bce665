/* paginate/units: the article's body as units to flow, a block at a time: set paragraphs,
 * pictures, rules and spaces, with their keeps, floats and spans; a pull quote set again at
 * another width. bodyorder.c builds them in reading order. */
#include "layout-internal.h"

#include "bidi.h"

#include <stdio.h>
#include <string.h>

/* Height of unit u without the space around it: a paragraph's first nlines lines (SIZE_MAX
 * for all), or the unit's box. */
int32_t
ink__unit_height (const unit_t *u, size_t nlines)
{
  if (u->kind == U_PARA) {
    size_t n = u->p->para.lines.n;
    return ink__lines_height (u->p, 0, nlines < n ? nlines : n);
  }
  return u->h;
}

static ink_status_t
add_unit (lay_t *L, unit_t u)
{
  u.placed_page = SIZE_MAX;
  u.met_page = SIZE_MAX;
  return ink__vec_push (L->ctx, &L->units, u) ? INK_OK : oom (L);
}

ink_status_t
ink__push_para_unit (lay_t *L, setpara_t *p, int role, long block, int32_t x_off, bool keep,
                bool unsplittable)
{
  const ink__style_t *s = &L->t->styles[role];
  unit_t u = { 0 };
  u.kind = U_PARA;
  u.p = p;
  u.x_off = x_off;
  u.space_before = PX (s->space_before_px);
  u.space_after = PX (s->space_after_px);
  u.keep_with_next = keep;
  u.unsplittable = unsplittable;
  u.block = block;
  u.span = L->span_build;
  return add_unit (L, u);
}

ink_status_t
ink__add_para_unit (lay_t *L, int role, long block, const char *prefix, const char *text, size_t len,
               const char *suffix, const ink__span_t *spans, size_t nspans, int32_t x_off,
               bool keep, bool unsplittable, const setpara_opts_t *opts)
{
  setpara_t *p;
  int32_t width = L->span_build ? L->right - L->left : L->colw;
  int32_t at = L->rtl ? 0 : x_off;   /* an indent is on the start side: the right in RTL */
  ink_status_t st = ink__set_para (L, role, block, prefix, text, len, suffix, spans, nspans,
                              width - x_off, at, opts, &p);
  if (st != INK_OK || !p)
    return st;
  p->indent = x_off;
  return ink__push_para_unit (L, p, role, block, at, keep, unsplittable);
}

static ink_status_t
add_image_unit (lay_t *L, const ink__image_t *img, long block, int32_t x_off)
{
  if (!img || !img->width || !img->height)
    return INK_OK;
  int32_t w = L->colw - x_off, widest = ink__picture_widest (img);
  int64_t h = (int64_t) w * img->height / img->width;
  int32_t maxh = (L->bottom - L->top) * 6 / 10;
  if (h > maxh) {
    w = (int32_t) ((int64_t) w * maxh / h);
    h = maxh;
  }
  if (w > widest) {   /* too few pixels for it (picsize.c) */
    if (block >= 0 || !L->lead_warned)
      ink__warn_enlarged (L, block, img, w);
    L->lead_warned = L->lead_warned || block < 0;
    w = widest;
    h = (int64_t) w * img->height / img->width;
  }
  if (ink__picture_too_thin (L, block, img, w, h))
    return INK_OK;
  unit_t u = { 0 };
  u.kind = U_IMAGE;
  u.image = img;
  u.w = w;
  u.h = (int32_t) h;
  u.x_off = x_off;
  u.space_before = PX (L->t->styles[INK_ROLE_CAPTION].space_before_px);
  u.space_after = PX (8);
  u.keep_with_next = true;
  u.block = block;
  return add_unit (L, u);
}

/* A rule with space either side; clear: it keeps a quarter of that space when the last
 * page's is cut (a pull quote's rules stand with it, whose place the cut settles). */
static ink_status_t
add_rule_unit (lay_t *L, int32_t space, bool keep, bool clear)
{
  unit_t u = { 0 };
  u.kind = U_RULE;
  u.w = L->span_build ? L->right - L->left : L->colw;
  u.span = L->span_build;
  u.h = PX (L->t->dpi >= 200 ? 2 : 1);
  u.space_before = space;
  u.space_after = space;
  u.block = -1;
  u.keep_with_next = keep;
  u.clear = clear;
  return add_unit (L, u);
}

/* The advance of a short text in a role's style, 1/64 px; 0 when it cannot be shaped. */
static int32_t
text_width (lay_t *L, int role, const char *text)
{
  ink__style_range_t r = { 0, strlen (text), &L->styles[role][0], NULL };
  ink__shape_opts_t so = { L->a->lang, 0, ink__shape_fallback, L, L->script };
  ink__shaped_t sh;
  if (ink__shape_paragraph (L->ctx, L->fs, text, strlen (text), &r, 1, &so, &sh) != INK_OK)
    return 0;
  int32_t w = 0;
  for (size_t i = 0; i < sh.glyphs.n; i++)
    w += sh.glyphs.v[i].advance;
  ink__shaped_free (&sh);
  return w;
}

/* A picture's caption (nullable) and credit (nullable), beside the picture (unit pic, the
 * last added; SIZE_MAX for none) in the column's white when they fit there (sidecap.c), else
 * set at the picture's width w and centred under it in the column, as the picture is: no
 * line runs wider than the picture. Neither splits: they stay under the picture (flow.c
 * keeps the picture with them). */
static ink_status_t
add_caption_units (lay_t *L, long block, const char *caption, size_t len, const ink__span_t *spans,
                   size_t nspans, const char *credit, int32_t w, size_t pic)
{
  const char *text[2] = { caption, credit };
  size_t lens[2] = { caption ? len : 0, credit ? strlen (credit) : 0 };
  int roles[2] = { INK_ROLE_CAPTION, INK_ROLE_CREDIT };
  int32_t x_off = (L->colw - w) / 2;
  bool beside = false;
  ink_status_t st = INK_OK;
  if (pic != SIZE_MAX && (st = ink__side_caption (L, pic, text, lens, spans, nspans, &beside)) != INK_OK)
    return st;
  if (beside)
    return INK_OK;
  for (int i = 0; i < 2 && st == INK_OK; i++) {
    if (!text[i] || (i && !*text[i]))
      continue;
    setpara_t *p;
    st = ink__set_para (L, roles[i], block, NULL, text[i], lens[i], NULL, i ? NULL : spans,
                        i ? 0 : nspans, w, x_off, NULL, &p);
    if (st == INK_OK && p)
      st = ink__push_para_unit (L, p, roles[i], block, x_off, !i && credit != NULL, true);
  }
  return st;
}

/* The width of the picture unit just added, or the column's when there is none. */
static int32_t
picture_width (const lay_t *L, size_t first_unit)
{
  return L->units.n > first_unit ? L->units.v[first_unit].w : L->colw;
}

/* The picture unit just added, or SIZE_MAX when there is none. */
static size_t
picture_unit (const lay_t *L, size_t first_unit)
{
  return L->units.n > first_unit ? first_unit : SIZE_MAX;
}

/**
 * ink__add_lead_float:
 * @L: the layout
 * @permille: the picture's size, in thousandths of the column's picture size
 *
 * The lead picture with its caption and credit (set at its width), as the first float of the
 * columns (leadcol.c chooses its size).
 *
 * Return value: INK_OK, or the status of setting the caption.
 */
ink_status_t
ink__add_lead_float (lay_t *L, int permille)
{
  const ink_article_t *a = L->a;
  ink_status_t st;
  size_t first_unit = L->units.n;
  if ((st = add_image_unit (L, a->image, -1, 0)) != INK_OK)
    return st;
  if (L->units.n > first_unit) {
    unit_t *u = &L->units.v[first_unit];
    u->w = (int32_t) ((int64_t) u->w * permille / 1000);
    u->h = (int32_t) ((int64_t) u->h * permille / 1000);
  }
  const char *cap = a->caption && *a->caption ? a->caption : NULL;
  /* Made smaller to fit under the head (leadcol.c) on a page of one column, its caption goes
   * under it: beside it, the picture would fit there with no line of text under it
   * (moorland-fire on reader-6, page 1 the head and the picture alone), where waiting for
   * page 2 lets the text begin. With more columns the text begins in the next one. */
  size_t pic = permille < 1000 && L->ncols < 2 ? SIZE_MAX : picture_unit (L, first_unit);
  if ((st = add_caption_units (L, -1, cap, cap ? strlen (cap) : 0, NULL, 0, a->credit,
                               picture_width (L, first_unit), pic)) != INK_OK)
    return st;
  if (L->units.n > first_unit)
    L->units.v[first_unit].float_len = (unsigned) (L->units.n - first_unit);
  return INK_OK;
}

bool
ink__is_float_block (const ink__block_t *b)
{
  return b->kind == INK_BLOCK_PULLQUOTE || b->kind == INK_BLOCK_RELATED ||
         b->kind == INK_BLOCK_FIGURE;
}

/* Block j stands apart from the running text: a float (pull quote, related box, figure), a
 * table's row, or the subhead right over a table, which goes with it (table.c). */
static bool
apart_from_text (const ink_article_t *a, size_t j)
{
  const ink__block_t *b = &a->blocks[j];
  return ink__is_float_block (b) || b->kind == INK_BLOCK_TABLE_ROW ||
         (b->kind == INK_BLOCK_SUBHEAD && j + 1 < a->nblocks &&
          a->blocks[j + 1].kind == INK_BLOCK_TABLE_ROW);
}

/* Whether block b is a code block (docs/articles.md): all its text code, its lines apart.
 * Its lines start where the source's spaces put them, all of them set in by the body's
 * first-line indent: a display, which an indent alone on its first line would skew. */
static bool
code_block (const ink__block_t *b)
{
  size_t s = 0;
  for (size_t k = 0; k < b->text_len; k++) {
    if (b->text[k] == '\n')
      continue;
    while (s < b->nspans && b->spans[s].start + b->spans[s].len <= k)
      s++;
    if (s == b->nspans || b->spans[s].start > k || !(b->spans[s].flags & INK_SPAN_CODE))
      return false;
  }
  return b->text_len > 0;
}

/* Body paragraph i; the first may open with a drop cap, unless it is code. */
static ink_status_t
add_body_para (lay_t *L, size_t i, bool first)
{
  const ink_article_t *a = L->a;
  const ink__block_t *b = &a->blocks[i];
  long bi = (long) i;
  /* As newspapers do: no indent after the head, a subhead, a list, a block quote or a
   * rule, nor on a table's note; a code block is set in as a whole. Floats and tables (with their notes) may be set elsewhere (a float
   * waits or moves, floatorder.c; a short table is a float), so the text the reader meets before
   * them decides: a paragraph that goes on from a paragraph is indented, wherever the box between
   * went. */
  setpara_opts_t body_opts = { 0 };
  size_t j = i;
  while (j > 0 && (apart_from_text (a, j - 1) || ink__is_table_note (a, j - 1)))
    j--;
  bool code = code_block (b);
  body_opts.no_indent = !code && (j == 0 || a->blocks[j - 1].kind != INK_BLOCK_PARAGRAPH ||
                                  ink__is_table_note (a, i));
  if (code)
    body_opts.hang = PX (L->t->styles[INK_ROLE_BODY].indent_px);
  if (first && L->t->styles[INK_ROLE_BODY].drop_cap_lines >= 2 && !code)
    return ink__add_drop_cap_para (L, b, bi,
                                   L->t->styles[INK_ROLE_BODY].drop_cap_lines < INK_MAX_DROP_LINES
                                     ? L->t->styles[INK_ROLE_BODY].drop_cap_lines : INK_MAX_DROP_LINES,
                                   &body_opts);
  return ink__add_para_unit (L, INK_ROLE_BODY, bi, NULL, b->text, b->text_len, NULL, b->spans,
                             b->nspans, 0, false, false, &body_opts);
}

/* The unit of the list item that the article sets right before block bi, or before the
 * floats that stand between them (a float inside a list waits for its end, listfloat.c),
 * among the n units built; n when there is none. */
static size_t
item_before (const lay_t *L, long bi, size_t n)
{
  long b = bi - 1;
  while (b >= 0 && ink__is_float_block (&L->a->blocks[b]))
    b--;
  const ink__block_t *prev = b >= 0 ? &L->a->blocks[b] : NULL, *cur = &L->a->blocks[bi];
  if (!prev || prev->kind != INK_BLOCK_LIST_ITEM)
    return n;
  if (b < bi - 1 && (prev->level != cur->level || (prev->number == 0) != (cur->number == 0) ||
                     (cur->number && cur->number != prev->number + 1)))
    return n;   /* across floats, an item of another list */
  for (size_t m = n; m-- > 0;) {
    const unit_t *u = &L->units.v[m];
    if (u->block == b)
      return u->kind == U_PARA && u->p && u->p->role == INK_ROLE_LIST ? m : n;
    if (u->block >= 0 && (u->block < b || !ink__is_float_block (&L->a->blocks[u->block])))
      return n;
  }
  return n;
}

/* The indent of a nested list item or reply: a step a level, up to a quarter of the column,
 * so that deep nesting (a feed may nest 30 levels) keeps three quarters of the measure; past
 * that, levels are told apart by their bullets, numbers and rules, not by indent. */
static int32_t
nest_indent (const lay_t *L, int32_t step, unsigned levels)
{
  int64_t in = (int64_t) step * levels, most = L->colw / 4;
  return (int32_t) (in < most ? in : most);
}

static ink_status_t
add_list_item (lay_t *L, const ink__block_t *b, long bi)
{
  char bullet[INK_NUMBER_MAX + 8];
  if (b->number) {   /* in the digits of the page numbers: "۱." in Persian, "١." in Arabic */
    char num[INK_NUMBER_MAX];
    ink__format_number (b->number, L->digits, num, sizeof num);
    snprintf (bullet, sizeof bullet, "%s.\u2002", num);
  } else
    snprintf (bullet, sizeof bullet, "\u2022\u2002");
  int32_t indent = nest_indent (L, PX (L->t->styles[INK_ROLE_LIST].size_px),
                                b->level ? b->level - 1 : 0);
  /* Lines after the first hang under the text, not under the bullet. */
  setpara_opts_t list_opts = { 0 };
  list_opts.hang = text_width (L, INK_ROLE_LIST, bullet);
  size_t n = L->units.n;
  ink_status_t st = ink__add_para_unit (L, INK_ROLE_LIST, bi, bullet, b->text, b->text_len,
                                        NULL, b->spans, b->nspans, indent, false, false,
                                        &list_opts);
  /* The items of one list follow each other with no space between them: on the grid any
   * space is a whole line step, which would read as a blank line. The list's own space stays
   * before its first item and after its last. So too across a float the article sets
   * between two items. */
  unit_t *u = L->units.v;
  size_t m = item_before (L, bi, n);
  if (st == INK_OK && L->units.n == n + 1 && m < n && L->grid > 0) {
    u[m].space_after = 0;
    u[n].space_before = 0;
  }
  return st;
}

ink_status_t
ink__add_pullquote (lay_t *L, const ink__block_t *b, long bi, bool narrow)
{
  ink_status_t st;
  const ink__style_t *qs = &L->t->styles[INK_ROLE_QUOTE];
  L->span_build = qs->span_columns && L->ncols > 1 && !narrow;
  /* Lines of even length, never ending on a lone word; smaller where a short article's
   * float order asks it (floatorder.c, try_quote_scale), their white too where it asks
   * that (quotestarve.c). */
  setpara_opts_t opts = { 0 };
  opts.balance = true;
  float scale = L->order.quote_scale;
  opts.scale = scale > 0 && scale < 1 ? scale : 0;
  float white = opts.scale > 0 && L->order.quote_white ? opts.scale : 1.0f;
  if (qs->rule_above &&
      (st = add_rule_unit (L, PX (qs->space_before_px * white), true, false)) != INK_OK)
    return st;
  st = ink__add_para_unit (L, INK_ROLE_QUOTE, bi, NULL, b->text, b->text_len, NULL, b->spans,
                           b->nspans, 0, b->attribution != NULL, true, &opts);
  if (st == INK_OK && b->attribution)
    st = ink__add_para_unit (L, INK_ROLE_ATTRIBUTION, bi, ink__attribution_dash (L->a->lang),
                             b->attribution, strlen (b->attribution), NULL, NULL, 0, 0, false, true, NULL);
  if (st == INK_OK && qs->rule_below)
    st = add_rule_unit (L, PX (qs->space_after_px * white), false, false);
  L->span_build = false;
  return st;
}

/* Whether the related link of block bi, its units from unit `at` on, follows another's
 * lines right away, with no rule under them, on a page of columns: it is set in the same
 * box, under them. On one column the links stay boxes of their own: a box of two is as tall
 * as a paragraph, and one that misses the room under the text's end cannot be drawn back
 * (floatpull.c: the text it would push on makes a runt), where two can part over the page
 * turn, each under its rule. */
static bool
stacks_on_related (const lay_t *L, long bi, size_t at)
{
  const unit_t *last = at > 0 && at <= L->units.n ? &L->units.v[at - 1] : NULL;
  return L->ncols > 1 && bi > 0 && L->a->blocks[bi - 1].kind == INK_BLOCK_RELATED && last &&
         last->kind == U_PARA && last->p && last->p->role == INK_ROLE_RELATED &&
         last->block == bi - 1 && !L->t->styles[INK_ROLE_RELATED].rule_below;
}

/* A related link, with its rule. Links that follow one another in the article make one box, as
 * newspapers stack them under one rule: a link after another has no rule of its own, a third
 * of a line of space over it, so that each reads apart, and is one float with it
 * (ink__stack_related). */
static ink_status_t
add_related (lay_t *L, const ink__block_t *b, long bi)
{
  ink_status_t st;
  const ink__style_t *rs = &L->t->styles[INK_ROLE_RELATED];
  bool stacked = stacks_on_related (L, bi, L->units.n);
  if (rs->rule_above && !stacked &&
      (st = add_rule_unit (L, PX (rs->space_before_px), true, true)) != INK_OK)
    return st;
  size_t n = L->units.n;
  st = ink__add_para_unit (L, INK_ROLE_RELATED, bi, ink__read_label (L->a->lang), b->text,
                           b->text_len, NULL, b->spans, b->nspans, 0, false, true, NULL);
  if (st == INK_OK && stacked && L->units.n > n) {   /* apart by a third of a line */
    L->units.v[n - 1].space_after = 0;
    L->units.v[n].space_before = PX (rs->leading_px / 3);
  }
  if (st == INK_OK && rs->rule_below)
    st = add_rule_unit (L, PX (rs->space_after_px), false, true);
  return st;
}

/**
 * ink__stack_related:
 * @L: the layout
 * @first: the first unit of the float just built, the last in L->units
 *
 * A related link set in the box of the one before it (add_related: its units follow that
 * link's lines, with no rule of its own) is made one float with it, so that the two go in
 * together, never the second alone under no rule.
 */
void
ink__stack_related (lay_t *L, size_t first)
{
  unit_t *u = L->units.v;
  if (first >= L->units.n || u[first].kind != U_PARA || !u[first].p ||
      u[first].p->role != INK_ROLE_RELATED || u[first].span ||
      !stacks_on_related (L, u[first].block, first))
    return;
  for (size_t f = first; f-- > 0;) {
    if (!u[f].float_len)
      continue;
    if (f + u[f].float_len == first && !u[f].span) {
      u[f].float_len += u[first].float_len;
      u[first].float_len = 0;
    }
    return;
  }
}

static ink_status_t
add_figure (lay_t *L, const ink__block_t *b, long bi)
{
  ink_status_t st;
  size_t first_unit = L->units.n;
  if ((st = add_image_unit (L, b->image, bi, 0)) != INK_OK)
    return st;
  return add_caption_units (L, bi, b->text, b->text_len, b->spans, b->nspans, b->credit,
                            picture_width (L, first_unit), picture_unit (L, first_unit));
}

/* The units of block i of the body (comments come after the body, below). */
ink_status_t
ink__add_block (lay_t *L, size_t i, bool *seen_para)
{
  const ink__block_t *b = &L->a->blocks[i];
  long bi = (long) i;
  ink_status_t st = INK_OK;
  switch (b->kind) {
  case INK_BLOCK_PARAGRAPH:
    st = add_body_para (L, i, !*seen_para);
    *seen_para = true;
    return st;
  case INK_BLOCK_SUBHEAD: {
    /* Lines of even length, as a head's, never ending on a lone word ("…fall below / 30,000");
     * never cut between columns, but one taller than a column. */
    setpara_opts_t opts = { 0 };
    opts.balance = true;
    return ink__add_para_unit (L, INK_ROLE_SUBHEAD, bi, NULL, b->text, b->text_len, NULL, b->spans,
                               b->nspans, 0, true, true, &opts);
  }
  case INK_BLOCK_LIST_ITEM:
    /* A list's lead-in (the paragraph just before it) stays with its first item. */
    if (i > 0 && L->a->blocks[i - 1].kind == INK_BLOCK_PARAGRAPH && L->units.n &&
        L->units.v[L->units.n - 1].kind == U_PARA && L->units.v[L->units.n - 1].block == bi - 1)
      L->units.v[L->units.n - 1].keep_with_next = true;
    return add_list_item (L, b, bi);
  case INK_BLOCK_QUOTE:
    return ink__add_para_unit (L, INK_ROLE_BLOCKQUOTE, bi, NULL, b->text, b->text_len, NULL,
                               b->spans, b->nspans,
                               PX (L->t->styles[INK_ROLE_BLOCKQUOTE].size_px), false, false, NULL);
  case INK_BLOCK_PULLQUOTE:
    return ink__add_pullquote (L, b, bi, false);
  case INK_BLOCK_RELATED:
    return add_related (L, b, bi);
  case INK_BLOCK_FIGURE:
    return add_figure (L, b, bi);
  case INK_BLOCK_RULE:
    return add_rule_unit (L, PX (L->t->styles[INK_ROLE_BODY].leading_px * 0.5f), false, true);
  default:
    return INK_OK;
  }
}

/* The source line goes with the end of the text, never alone on a page of its own. */
ink_status_t
ink__add_source (lay_t *L)
{
  const ink_article_t *a = L->a;
  for (size_t i = L->units.n; i > 0; i--)
    if (L->units.v[i - 1].kind == U_PARA && !L->units.v[i - 1].float_len) {
      L->units.v[i - 1].keep_with_next = i == L->units.n;
      break;
    }
  return ink__add_para_unit (L, INK_ROLE_SOURCE, -1, NULL, a->source, strlen (a->source), NULL,
                             NULL, 0, 0, false, true, NULL);
}

/* Parts of a comment's meta that a line does not break inside, in bytes: a short part between
 * commas ("14 September"), and a last part short enough to be a time ("08:12"), which goes
 * with the part before it. */
enum { META_TIED_PART = 24, META_TIED_LAST = 8 };

/* The end of the meta's part that starts at a: the next comma (Latin or Arabic) or the end. */
static size_t
meta_part_end (const char *m, size_t a, size_t n)
{
  for (size_t i = a; i < n; i++)
    if (m[i] == ',' || (i + 1 < n && (unsigned char) m[i] == 0xd8 && (unsigned char) m[i + 1] == 0x8c))
      return i;
  return n;
}

/* Appends the meta with a no-break space for each space a line should not break at, so that
 * it breaks after a comma and never leaves a time alone on a line. */
static bool
append_meta (ink_context_t *ctx, ink__str_t *s, const char *m)
{
  size_t n = strlen (m);
  for (size_t a = 0; a < n;) {
    size_t b = meta_part_end (m, a, n), lead = a;
    while (lead < b && m[lead] == ' ')
      lead++;
    bool tie_in = b - lead <= META_TIED_PART, tie_lead = b == n && b - lead <= META_TIED_LAST;
    for (size_t i = a; i < b; i++) {
      bool tie = m[i] == ' ' && (i < lead ? tie_lead && a > 0 : tie_in);
      if (!(tie ? ink__str_append (ctx, s, "\u00a0", 2) : ink__str_append (ctx, s, m + i, 1)))
        return false;
    }
    size_t sep = b == n ? 0 : m[b] == ',' ? 1 : 2;
    if (sep && !ink__str_append (ctx, s, m + b, sep))
      return false;
    a = b + sep;
  }
  return true;
}

/* Comment i under a rule (the first after a space or a page break): author and meta, then the
 * text; replies indented. */
ink_status_t
ink__add_comment (lay_t *L, size_t i, bool first_comment)
{
  const ink__block_t *b = &L->a->blocks[i];
  ink_status_t st;
  int32_t indent = nest_indent (L, PX (L->t->styles[INK_ROLE_REPLY].size_px * 1.5f), b->level);
  if (b->level == 0 || first_comment) {
    if (first_comment) {
      unit_t sp = { 0 };
      sp.kind = L->t->comments_new_page ? U_PAGE : U_SPACE;
      sp.h = PX (L->t->styles[INK_ROLE_COMMENT].size_px);
      if ((st = add_unit (L, sp)) != INK_OK)
        return st;
    }
    if ((st = add_rule_unit (L, PX (L->t->styles[INK_ROLE_COMMENT].size_px * 0.5f), true, true)) != INK_OK)
      return st;
  }
  const char *author = b->author ? b->author : "";
  /* The meta is the article's text too: set author and meta as one line of input. Where
   * either is right to left, or the article is, each is bidi-isolated (FSI ... PDI), so that
   * the separator takes the article's direction and a number in the meta stays on its side.
   * A no-break space before the separator, a space after it: a line too narrow for all of it
   * breaks after the separator, then between the meta's words, and inside the author's name
   * only when the name and the separator do not fit a line (setpara_opts_t.held_until). */
  const char *meta = b->meta && *b->meta ? b->meta : NULL;
  bool iso = L->rtl || ink__bidi_has_rtl (author, strlen (author)) ||
             (meta && ink__bidi_has_rtl (meta, strlen (meta)));
  const char *fsi = iso ? "\u2068" : "", *pdi = iso ? "\u2069" : "";
  ink__str_t head = { 0 };
  setpara_opts_t opts = { 0 };
  bool ok = ink__str_printf (L->ctx, &head, "%s%s%s", fsi, author, pdi);
  if (ok && meta) {
    ok = ink__str_printf (L->ctx, &head, "\u00a0%s", ink__separator (L));
    opts.held_until = head.n;
    ok = ok && ink__str_printf (L->ctx, &head, " %s", fsi) && append_meta (L->ctx, &head, meta) &&
         ink__str_printf (L->ctx, &head, "%s", pdi);
  }
  if (!ok) {
    ink__str_free (L->ctx, &head);
    return oom (L);
  }
  st = ink__add_para_unit (L, INK_ROLE_COMMENT_AUTHOR, (long) i, NULL, head.s ? head.s : "",
                           head.n, NULL, NULL, 0, indent, true, false, &opts);
  ink__str_free (L->ctx, &head);
  if (st == INK_OK)
    st = ink__add_para_unit (L, b->level ? INK_ROLE_REPLY : INK_ROLE_COMMENT, (long) i, NULL,
                             b->text, b->text_len, NULL, b->spans, b->nspans, indent, false,
                             false, NULL);
  return st;
}

/**
 * ink__units_copy:
 * @L: the layout
 * @first: the first unit to copy
 * @n: how many, at least one (none would be taken for a failed allocation)
 *
 * A copy of units [@first, @first + @n), to put back over them once a trial that set them
 * again (ink__narrow_float, a cut of their spaces) is not kept; freed by the caller with
 * ink__realloc_array (L->ctx, copy, n, 0, sizeof (unit_t)).
 *
 * Return value: the copy, or NULL when out of memory (reported).
 */
unit_t *
ink__units_copy (lay_t *L, size_t first, size_t n)
{
  unit_t *copy = ink__realloc_array (L->ctx, NULL, 0, n, sizeof *copy);
  if (!copy) {
    oom (L);
    return NULL;
  }
  memcpy (copy, &L->units.v[first], n * sizeof *copy);
  return copy;
}

/* The pull quote at unit ui set again across the columns (narrow false) or at the column's
 * width, its units replaced in place (*done) when it is one and spans now as it did not; a
 * setting kept from before is taken when free (quotememo.c). */
static ink_status_t
reset_quote (lay_t *L, size_t ui, bool narrow, bool *done)
{
  *done = false;
  const unit_t *u = &L->units.v[ui];
  size_t len = u->float_len, n0 = L->units.n;
  long bi = -1;
  for (size_t i = ui; i < ui + len && i < n0 && bi < 0; i++)
    bi = L->units.v[i].block;   /* its rule above has none */
  if (u->span != narrow || bi < 0 || (size_t) bi >= L->a->nblocks ||
      L->a->blocks[bi].kind != INK_BLOCK_PULLQUOTE)
    return INK_OK;
  if (ink__quote_set_take (L, bi, narrow, ui, len)) {
    *done = true;
    return INK_OK;
  }
  ink_status_t st = ink__add_pullquote (L, &L->a->blocks[bi], bi, narrow);
  if (st == INK_OK && L->units.n - n0 == len && L->units.v[n0].span != narrow) {
    for (size_t i = 0; i < len; i++)
      L->units.v[ui + i] = L->units.v[n0 + i];
    L->units.v[ui].float_len = (unsigned) len;
    ink__quote_set_keep (L, bi, narrow, ui, len);
    *done = true;
  }
  L->units.n = n0;   /* the new paragraphs stay in L->paras, which frees them */
  return st;
}

/**
 * ink__narrow_float:
 * @L: the layout
 * @ui: the first unit of a pull quote set across the columns
 * @done: set when its units were set again at the column's width
 *
 * A pull quote that cannot go across the columns where the text reaches it (another waits
 * for that place) is set again at the column's width, to be placed in a column as the other
 * floats are. Its units are replaced in place; pointers into L->units may move.
 *
 * Return value: INK_OK, or INK_NO_MEMORY.
 */
ink_status_t
ink__narrow_float (lay_t *L, size_t ui, bool *done)
{
  return reset_quote (L, ui, true, done);
}

/**
 * ink__widen_float:
 * @L: the layout
 * @ui: the first unit of a pull quote set at the column's width
 * @done: set when its units were set again across the columns (its style spans them)
 *
 * The reverse of ink__narrow_float. Its units are replaced in place; pointers into L->units
 * may move.
 *
 * Return value: INK_OK, or INK_NO_MEMORY.
 */
ink_status_t
ink__widen_float (lay_t *L, size_t ui, bool *done)
{
  return reset_quote (L, ui, false, done);
}
