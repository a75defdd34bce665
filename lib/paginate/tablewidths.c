/* paginate/tablewidths: a table's cells set, and its columns' widths within a measure (the
 * widths table.c sets the rows at). Each cell is set once on one line for its natural width;
 * the columns get their natural widths plus an equal share of the room left, or, too wide,
 * at least their widest words, or the widest pieces of them between hyphenation points, the
 * room going where it shortens the rows most (lines_fit); narrower still, words_broken. */
#include "layout-internal.h"
#include "tablewidths.h"

#define MAXC INK_MAX_TABLE_COLUMNS

/* The text of cell c of a row: [*s, *e) of its block's text (cells are separated by tabs). */
static bool
cell_range (const ink__block_t *b, unsigned c, size_t *s, size_t *e)
{
  size_t at = 0;
  for (unsigned k = 0; k < c; k++) {
    const char *t = at < b->text_len ? memchr (b->text + at, '\t', b->text_len - at) : NULL;
    if (!t)
      return false;
    at = (size_t) (t - b->text) + 1;
  }
  const char *t = at <= b->text_len ? memchr (b->text + at, '\t', b->text_len - at) : NULL;
  *s = at;
  *e = t ? (size_t) (t - b->text) : b->text_len;
  return at <= b->text_len;
}

/* Sets text [text, text + len) of a cell of block bi with spans at measure w (bold in the
 * header row, its size and leading times head, 1 for the style's own). */
static ink_status_t
set_cell (lay_t *L, long bi, const char *text, size_t len, const ink__span_t *spans, size_t n,
          bool header, float head, int32_t w, setpara_t **out)
{
  setpara_opts_t o = { 0 };
  o.no_indent = true;
  float f = (header ? head : 1) * L->table_scale;
  if (f < 1) {
    o.style = header ? &L->styles[INK_ROLE_TABLE][1] : NULL;   /* bold, for all of it */
    o.scale = f;
  }
  return ink__set_para (L, INK_ROLE_TABLE, bi, NULL, text, len, NULL, spans, n, w, 0, &o, out);
}

/* Sets cell c of block b at measure w (bold in the header row, its size and leading times
 * head, 1 for the style's own); *out NULL for an empty cell. */
ink_status_t
ink__table_cell (lay_t *L, const ink__block_t *b, long bi, unsigned c, bool header, float head,
          int32_t w, setpara_t **out)
{
  *out = NULL;
  size_t s, e;
  if (!cell_range (b, c, &s, &e) || s == e)
    return INK_OK;
  ink__span_t own[1] = { { 0, (uint32_t) (e - s), INK_SPAN_STRONG, NULL, NULL } };
  ink__span_t *spans = NULL;
  size_t n = 0;
  if (!header && b->nspans) {
    if (!(spans = ink__realloc_array (L->ctx, NULL, 0, b->nspans, sizeof *spans)))
      return oom (L);
    for (size_t k = 0; k < b->nspans; k++) {
      size_t a = b->spans[k].start, z = a + b->spans[k].len;
      a = a > s ? a : s;
      z = z < e ? z : e;
      if (a < z) {
        spans[n] = b->spans[k];
        spans[n].start = (uint32_t) (a - s);
        spans[n++].len = (uint32_t) (z - a);
      }
    }
  }
  ink_status_t st = set_cell (L, bi, b->text + s, e - s, header ? own : spans, header ? 1 : n,
                              header, head, w, out);
  ink__free (L->ctx, spans, b->nspans * sizeof *spans);
  return st;
}

/* The first cell of a row whose cells are all empty (block bi), set as ink__table_cell sets
 * a cell: one line holding a no-break space, so that the row keeps a line's height and
 * baseline as its neighbours do, and the page says where it stands. */
ink_status_t
ink__table_blank_cell (lay_t *L, long bi, bool header, float head, int32_t w, setpara_t **out)
{
  static const char nbsp[] = "\xc2\xa0";
  ink__span_t own[1] = { { 0, sizeof nbsp - 1, INK_SPAN_STRONG, NULL, NULL } };
  *out = NULL;
  return set_cell (L, bi, nbsp, sizeof nbsp - 1, own, header ? 1 : 0, header, head, w, out);
}

/* The widest line of p. */
static int32_t
widest (const setpara_t *p)
{
  int32_t w = 0;
  for (size_t k = 0; p && k < p->para.lines.n; k++)
    if (p->para.lines.v[k].width > w)
      w = p->para.lines.v[k].width;
  return w;
}

/* Whether byte k of p's text is a space (or a line feed) after whose run a line may end:
 * a space that keeps a figure with its unit ("95,1 %") or its digit groups ("58 412") is
 * inside a word (brks, ink__breaks). */
static bool
breaking_space (const setpara_t *p, const uint8_t *brks, size_t k)
{
  if (k >= p->len || (p->text[k] != ' ' && p->text[k] != '\n'))
    return false;
  while (k + 1 < p->len && (p->text[k + 1] == ' ' || p->text[k + 1] == '\n'))
    k++;
  return brks[k] == INK_BRK_ALLOW || brks[k] == INK_BRK_MUST;
}

/* The widest word of p (glyphs between the spaces a line may end at: brks), which a column
 * must not be narrower than. */
static int32_t
widest_word (const setpara_t *p, const uint8_t *brks)
{
  int64_t w = 0, word = 0;
  for (size_t g = 0; p && g < p->sh.glyphs.n; g++) {
    const ink__glyph_t *gl = &p->sh.glyphs.v[g];
    word = breaking_space (p, brks, gl->cluster) ? 0 : word + gl->advance;
    if (word > w)
      w = word;
  }
  return (int32_t) (w < INK_HEIGHT_MAX ? w : INK_HEIGHT_MAX);
}

/* The width of glyphs of p whose clusters are in [s, e). */
static int64_t
glyphs_width (const setpara_t *p, size_t s, size_t e)
{
  int64_t w = 0;
  for (size_t g = 0; g < p->sh.glyphs.n; g++)
    if (p->sh.glyphs.v[g].cluster >= s && p->sh.glyphs.v[g].cluster < e)
      w += p->sh.glyphs.v[g].advance;
  return w;
}

/* The widest figure of p (ink__figure_end: "2025", "31.2", "1,412"), which a cell breaks
 * inside only when its column cannot be as wide. */
static int64_t
widest_figure (const setpara_t *p)
{
  int64_t most = 0;
  for (size_t k = 0; p && k < p->len;) {
    size_t e = ink__figure_end (p->text, p->len, k);
    if (e > k) {
      int64_t w = glyphs_width (p, k, e);
      most = w > most ? w : most;
      k = e;
    } else {
      k++;
    }
  }
  return most < INK_HEIGHT_MAX ? most : INK_HEIGHT_MAX;
}

/* Columns' widths w, as words_broken shares them, with each column at least as wide as its
 * widest figure (fig) where the others can give that room: each gives of what it has beyond
 * its figure and beyond its widest piece of word between hyphenation points (piece), so that
 * no word is cut between letters for a figure, in proportion to that. A column of figures
 * beside a column of short words keeps "31.2" whole instead of "3" / "1.2". */
static void
figures_first (const int64_t *fig, const int64_t *piece, unsigned ncols, int32_t *w)
{
  int64_t need = 0, spare = 0, keep[MAXC];
  for (unsigned c = 0; c < ncols; c++) {
    keep[c] = fig[c] > piece[c] ? fig[c] : piece[c];
    need += w[c] < fig[c] ? fig[c] - w[c] : 0;
    spare += w[c] > keep[c] ? w[c] - keep[c] : 0;
  }
  if (!need || spare < need)
    return;
  for (unsigned c = 0; c < ncols; c++)
    w[c] = w[c] < fig[c]    ? (int32_t) fig[c]
           : w[c] > keep[c] ? (int32_t) (w[c] - (w[c] - keep[c]) * need / spare)
                            : w[c];
}

/* The width of a hyphen in the table's header (bold, at head times its size), in *hw. */
static ink_status_t
hyphen_width (lay_t *L, long bi, float head, int32_t *hw)
{
  ink__span_t bold[1] = { { 0, 1, INK_SPAN_STRONG, NULL, NULL } };
  setpara_opts_t o = { 0 };
  o.no_indent = true;
  if (head * L->table_scale < 1) {
    o.style = &L->styles[INK_ROLE_TABLE][1];
    o.scale = head * L->table_scale;
  }
  setpara_t *p = NULL;
  ink_status_t st = ink__set_para (L, INK_ROLE_TABLE, bi, NULL, "-", 1, NULL, bold, 1,
                                   INT32_C (1) << 26, 0, &o, &p);
  *hw = st == INK_OK ? widest (p) : 0;
  return st;
}

/* The narrowest measure that takes [a, e) of p's text, a word, on two lines at most: the
 * wider of its two pieces at the hyphenation point that parts it most evenly (the first with
 * a hyphen of width hw), or all of it. */
static int64_t
widest_halves (const setpara_t *p, size_t a, size_t e, const uint8_t *points, size_t n,
               int32_t hw)
{
  int64_t all = glyphs_width (p, a, e), least = all;
  for (size_t k = a; n && k + 1 < e; k++)
    if (points[k - a]) {
      int64_t first = glyphs_width (p, a, k + 1) + hw, rest = all - (first - hw);
      int64_t w = first > rest ? first : rest;
      least = w < least ? w : least;
    }
  return least;
}

/* The widest of the pieces of [a, e) of p's text between its word's hyphenation points
 * (a piece that ends at one with a hyphen of width hw); with `once`, of the two pieces it
 * breaks into at one point at most (a header's word, never broken twice). */
static int64_t
widest_syllables (lay_t *L, const setpara_t *p, size_t a, size_t e, int32_t hw, bool once)
{
  uint8_t points[256];
  size_t n = e - a <= sizeof points && L->hy
               ? ink__hyphenate (L->hy, p->po.lang, p->text + a, e - a, 0, 0, 0, points) : 0;
  if (once)
    return widest_halves (p, a, e, points, n, hw);
  int64_t most = 0;
  for (size_t k = a, from = a; k < e; k++) {
    if (k + 1 < e && !(n && points[k - a]))
      continue;
    int64_t w = glyphs_width (p, from, k + 1) + (k + 1 < e ? hw : 0);
    most = w > most ? w : most;
    from = k + 1;
  }
  return most;
}

/* The widest piece of p's text between the places a line may end: break opportunities (a
 * space, between two Chinese characters where kinsoku allows) and hyphenation points. The
 * narrowest a column may be without an emergency break ("Узн-али", "票价（" / "往返）"); in
 * *word, its widest word (widest_word). */
static ink_status_t
widest_piece (lay_t *L, const setpara_t *p, int32_t hw, bool once, int64_t *most, int64_t *word)
{
  *most = *word = 0;
  if (!p || !p->len)
    return INK_OK;
  uint8_t *brks = ink__alloc (L->ctx, p->len);
  if (!brks)
    return oom (L);
  ink_status_t st = ink__breaks (L->ctx, p->text, p->len, p->po.lang, brks);
  if (st == INK_OK)
    *word = widest_word (p, brks);
  for (size_t a = 0, e = 0; st == INK_OK && a < p->len; a = e) {
    while (e < p->len && brks[e] != INK_BRK_ALLOW && brks[e] != INK_BRK_MUST)
      e++;
    e = e < p->len ? e + 1 : p->len;
    size_t end = e;
    while (end > a && (p->text[end - 1] == ' ' || p->text[end - 1] == '\n'))
      end--;
    int64_t w = widest_syllables (L, p, a, end, hw, once);
    *most = w > *most ? w : *most;
  }
  ink__free (L->ctx, brks, p->len);
  *most = *most < INK_HEIGHT_MAX ? *most : INK_HEIGHT_MAX;
  return st;
}

/* How many widths of a column lines_fit weighs at most: the narrowest, then each where its
 * cells take fewer lines in all. */
#define STEPS 24

/* A column's steps: at width w[s] its cells (row by row) take lines[s * n + r] lines. */
typedef struct {
  int32_t w[STEPS];
  size_t *lines;
  unsigned n;
} stair_t;

/* The lines of each of the n cells of column c (cells[r * ncols + c]) at width w, in
 * lines[r], and their sum in *total. */
static ink_status_t
column_lines (lay_t *L, setpara_t **cells, size_t n, unsigned ncols, unsigned c, int32_t w,
              size_t *lines, size_t *total)
{
  *total = 0;
  for (size_t r = 0; r < n; r++) {
    setpara_t *p = cells[r * ncols + c];
    ink_status_t st = p ? ink__set_para_measure (L, p, w) : INK_OK;
    if (st != INK_OK)
      return st;
    *total += lines[r] = p ? p->para.lines.n : 0;
  }
  return INK_OK;
}

/* Column c's steps from width lo to hi: each the narrowest width at which its cells take
 * fewer lines in all than at the step before. */
static ink_status_t
column_stair (lay_t *L, setpara_t **cells, size_t n, unsigned ncols, unsigned c, int32_t lo,
              int32_t hi, stair_t *s)
{
  size_t now, total, *at = s->lines;
  ink_status_t st = column_lines (L, cells, n, ncols, c, lo, at, &now);
  s->w[0] = lo;
  s->n = 1;
  while (st == INK_OK && s->n < STEPS && hi > lo) {
    size_t *next = s->lines + s->n * n;
    if ((st = column_lines (L, cells, n, ncols, c, hi, next, &total)) != INK_OK || total >= now)
      break;
    int32_t a = lo, b = hi;   /* a: as many lines; b: fewer */
    while (b - a > PX (1) && st == INK_OK) {
      int32_t mid = a + (b - a) / 2;
      if ((st = column_lines (L, cells, n, ncols, c, mid, next, &total)) == INK_OK &&
          total < now)
        b = mid;
      else
        a = mid;
    }
    if (st == INK_OK)
      st = column_lines (L, cells, n, ncols, c, b, next, &now);
    s->w[s->n++] = lo = b;
  }
  return st;
}

/* What the rows cost with column k at step sk (the others at their steps at): each row's
 * height in lines, which counts most, then each cell's lines. */
static int64_t
rows_cost (const stair_t *stairs, const unsigned *at, size_t n, unsigned ncols, unsigned k,
           unsigned sk)
{
  int64_t cost = 0;
  for (size_t r = 0; r < n; r++) {
    size_t most = 0;
    for (unsigned c = 0; c < ncols; c++) {
      size_t l = stairs[c].lines[(c == k ? sk : at[c]) * n + r];
      most = l > most ? l : most;
      cost += (int64_t) l;
    }
    cost += (int64_t) (ncols + 1) * most;
  }
  return cost;
}

/* Columns' widths w within room when their widest words do not all fit, the widest pieces
 * of their words between hyphenation points (piece) do. Each column starts at its pieces;
 * then, while room is left, the column whose widening (to one of its steps, where its cells
 * take fewer lines) shortens the rows most for its width widens so: the rows, the header's
 * most of all, are as short as the room allows, and a column does not break a word into
 * pieces while another keeps room (a figure's column under a long heading). What is left
 * goes to the columns in proportion to what more their text would take. */
static ink_status_t
lines_fit (lay_t *L, setpara_t **cells, size_t n, unsigned ncols, const int64_t *piece,
           const int64_t *natural, int64_t room, int32_t *w)
{
  size_t cap = (size_t) STEPS * n * ncols * sizeof (size_t);
  size_t *lines = ink__alloc (L->ctx, cap);
  if (!lines)
    return oom (L);
  stair_t stairs[MAXC];
  unsigned at[MAXC] = { 0 };
  int64_t left = room, more = 0;
  ink_status_t st = INK_OK;
  for (unsigned c = 0; c < ncols && st == INK_OK; c++) {
    left -= w[c] = (int32_t) piece[c];
    stairs[c].lines = lines + (size_t) c * STEPS * n;
    st = column_stair (L, cells, n, ncols, c, w[c], (int32_t) natural[c], &stairs[c]);
  }
  while (st == INK_OK) {
    unsigned best = ncols, step = 0;
    int64_t cost = rows_cost (stairs, at, n, ncols, ncols, 0), gain = 0, width = 1;
    for (unsigned c = 0; c < ncols; c++)
      for (unsigned s = at[c] + 1; s < stairs[c].n && stairs[c].w[s] - w[c] <= left; s++) {
        int64_t g = cost - rows_cost (stairs, at, n, ncols, c, s), d = stairs[c].w[s] - w[c];
        if (g > 0 && (best == ncols || g * width > gain * d))
          best = c, step = s, gain = g, width = d;
      }
    if (best == ncols)
      break;
    left -= stairs[best].w[step] - w[best];
    w[best] = stairs[best].w[step];
    at[best] = step;
  }
  for (unsigned c = 0; c < ncols; c++)
    more += natural[c] - w[c];
  for (unsigned c = 0; c < ncols; c++)
    w[c] += (int32_t) (more > 0 ? left * (natural[c] - w[c]) / more : left / ncols);
  ink__free (L->ctx, lines, cap);
  return st;
}

/* Columns' widths w within room when even the pieces of their words do not all fit: a column
 * whose widest word takes no more than an even share keeps it whole (a figure, a short
 * heading), and the columns of longer words share what is left in proportion to them, so
 * that each breaks its long words alike ("Kohlendioxid-ausstoß") rather than a narrow
 * column breaking "Investition" letter by letter. */
static void
words_broken (const int64_t *least, unsigned ncols, int64_t room, int32_t *w)
{
  int64_t kept = 0, shared = 0;
  for (unsigned c = 0; c < ncols; c++) {
    if (least[c] * ncols <= room)
      kept += least[c];
    else
      shared += least[c];
  }
  for (unsigned c = 0; c < ncols; c++) {
    if (!shared)
      w[c] = (int32_t) (room * least[c] / (kept ? kept : 1));
    else if (least[c] * ncols <= room)
      w[c] = (int32_t) least[c];
    else
      w[c] = (int32_t) ((room - kept) * least[c] / shared);
  }
}

/* Columns' widths for rows [i, j) of ncols columns within measure m, gap between them:
 * natural widths (each cell on one line) and a share of what is left; too wide, each column
 * at least twice its widest word (the paragraph builder breaks inside a word that takes
 * more than half the measure), else at least its widest word, and the rest in proportion
 * to what more it would take; narrower than its widest words, as words_broken shares it.
 * The header row (row i) set at head times its size; with `once`, the narrowest a column
 * may be is where the header's words (INK__ONCE_HEADER) or every row's (INK__ONCE_ALL)
 * break once at most (lines_fit). *whole (nullable) says whether
 * every column is at least as wide as its widest piece of word, so that no line of a cell
 * breaks inside a word or a figure where it has no hyphenation point ("1,412"); *words
 * (nullable), whether every column is at least as wide as its widest word, so that no word
 * breaks at all. */
ink_status_t
ink__table_widths (lay_t *L, size_t i, size_t j, unsigned ncols, int32_t m, int32_t gap,
               float head, ink__once_t once, int32_t *w, bool *whole, bool *words)
{
  int64_t natural[MAXC] = { 0 }, least[MAXC] = { 0 }, piece[MAXC] = { 0 }, fig[MAXC] = { 0 };
  int64_t sum = 0, sum_least = 0, sum_piece = 0;
  int32_t hw = 0;
  setpara_t **cells = ink__alloc_array (L->ctx, j - i, ncols * sizeof *cells);
  if (!cells)
    return oom (L);
  ink_status_t st = hyphen_width (L, (long) i, head, &hw);
  for (size_t r = i; r < j && st == INK_OK; r++)
    for (unsigned c = 0; c < ncols && st == INK_OK; c++) {
      setpara_t **p = &cells[(r - i) * ncols + c];
      if ((st = ink__table_cell (L, &L->a->blocks[r], (long) r, c, r == i, head, INT32_C (1) << 26, p)) !=
          INK_OK)
        break;
      natural[c] = widest (*p) > natural[c] ? widest (*p) : natural[c];
      int64_t pc, wd;
      bool one = once == INK__ONCE_ALL || (once == INK__ONCE_HEADER && r == i);
      if ((st = widest_piece (L, *p, hw, one, &pc, &wd)) != INK_OK)
        break;
      least[c] = wd > least[c] ? wd : least[c];
      piece[c] = pc > piece[c] ? pc : piece[c];
      int64_t f = widest_figure (*p);
      fig[c] = f > fig[c] ? f : fig[c];
    }
  int64_t room = (int64_t) m - (int64_t) gap * (ncols - 1), sum_twice = 0;
  for (unsigned c = 0; c < ncols; c++) {
    sum += natural[c] = natural[c] < PX (8) ? PX (8) : natural[c];
    sum_twice += 2 * least[c] < natural[c] ? 2 * least[c] : natural[c];
  }
  for (unsigned c = 0; c < ncols; c++) {
    int64_t k = sum_twice < room ? 2 : 1;
    sum_least += least[c] = k * least[c] < natural[c] ? k * least[c] : natural[c];
    sum_piece += piece[c] = piece[c] < least[c] ? piece[c] : least[c];
  }
  for (unsigned c = 0; c < ncols; c++) {
    if (sum <= room)
      w[c] = (int32_t) (natural[c] + (room - sum) / ncols);
    else if (sum_least < room)
      w[c] = (int32_t) (least[c] + (room - sum_least) * (natural[c] - least[c]) /
                                   (sum - sum_least));
  }
  if (whole)
    *whole = sum <= room || sum_least < room || sum_piece <= room;
  if (words)
    *words = sum <= room || sum_least < room;
  if (st == INK_OK && sum > room && sum_least >= room && sum_piece <= room)
    st = lines_fit (L, cells, j - i, ncols, piece, natural, room, w);
  else if (sum > room && sum_least >= room) {
    words_broken (least, ncols, room, w);
    figures_first (fig, piece, ncols, w);
  }
  ink__free (L->ctx, cells, (j - i) * ncols * sizeof *cells);
  return st;
}
