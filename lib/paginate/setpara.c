/* paginate/setpara: a block's text set as a paragraph at the measure it will have, and the
 * height and baseline of its lines: body text (body and list items) on the page's baseline
 * grid, every line the same, whatever its glyphs; the rest as tall as its glyphs need. */
#include "layout-internal.h"

#include "bidi.h"
#include "scripts.h"

#include <string.h>

static ink__para_align_t
para_align (ink__align_t a)
{
  switch (a) {
  case INK_ALIGN_END: return INK_PARA_END;
  case INK_ALIGN_CENTER: return INK_PARA_CENTER;
  case INK_ALIGN_JUSTIFY: return INK_PARA_JUSTIFY;
  default: return INK_PARA_START;
  }
}

void
ink__setpara_free (lay_t *L, setpara_t *p)
{
  if (!p)
    return;
  ink__quote_set_forget (L, p);
  if (p->heights)   /* sized by the lines: before they are freed */
    ink__free (L->ctx, p->heights, p->para.lines.n * sizeof *p->heights);
  ink__para_free (&p->para);
  ink__measure_memo_free (p);
  ink__shaped_free (&p->sh);
  ink__free (L->ctx, p->text, p->len + 1);
  ink__free (L->ctx, p->ranges, (p->nranges ? p->nranges : 1) * sizeof *p->ranges);
  ink__free (L->ctx, p->links, p->nlinks * sizeof *p->links);
  ink__free (L->ctx, p, sizeof *p);
}

/* p's style ranges: the role's plain style, with the spans' bold and italic variants, or
 * opts->style for all of it; at opts->scale, each of these that size (a table set smaller
 * keeps its cells' bold and italic). Returns how many. */
static size_t
style_ranges (lay_t *L, setpara_t *p, int role, size_t plen, size_t len, const ink__span_t *spans,
              size_t nspans, const setpara_opts_t *opts)
{
  size_t n = 0, at = 0;
  const char *block_lang = NULL;
  for (size_t i = 0; i < nspans; i++) {
    size_t a = plen + spans[i].start, b = a + spans[i].len;
    if (a < at || b > plen + len || a >= b)
      continue;
    if (a > at)
      p->ranges[n++] = (ink__style_range_t) { at, a, &L->styles[role][0], block_lang };
    int v = ((spans[i].flags & INK_SPAN_STRONG) ? 1 : 0) | ((spans[i].flags & INK_SPAN_EM) ? 2 : 0);
    p->ranges[n++] = (ink__style_range_t) { a, b, &L->styles[role][v], spans[i].lang };
    at = b;
  }
  if (at < p->len || n == 0)
    p->ranges[n++] = (ink__style_range_t) { at, p->len, &L->styles[role][0], block_lang };
  p->nranges = 2 * nspans + 2;
  /* Kept in p: the shaped runs point at their style until p is freed. */
  if (opts->style) {
    p->own_style[0] = *opts->style;
    n = 1;
    p->ranges[0] = (ink__style_range_t) { 0, p->len, &p->own_style[0], block_lang };
  }
  if (opts->scale > 0) {
    int variants = opts->style ? 1 : 4;
    for (int v = 0; v < variants; v++) {
      if (!opts->style)
        p->own_style[v] = L->styles[role][v];
      p->own_style[v].size_px *= opts->scale;
    }
    for (size_t i = 0; i < n && !opts->style; i++)
      p->ranges[i].style = &p->own_style[p->ranges[i].style - L->styles[role]];
  }
  return n;
}

/* The measure of each line, the last repeating: narrower first lines beside a drop cap, the
 * lines after the first of a hanging indent. widths has room for INK_MAX_DROP_LINES + 2. */
static size_t
line_widths (setpara_t *p, const setpara_opts_t *opts, int32_t measure, int32_t *widths)
{
  size_t nwidths = 1;
  widths[0] = measure;
  if (opts->narrow_lines) {
    for (unsigned k = 0; k < opts->narrow_lines && k < INK_MAX_DROP_LINES; k++)
      widths[k] = opts->narrow_width;
    nwidths = opts->narrow_lines < INK_MAX_DROP_LINES ? opts->narrow_lines : INK_MAX_DROP_LINES;
    widths[nwidths++] = measure;
  }
  if (opts->hang > 0 && opts->hang < measure) {
    widths[nwidths++] = measure - opts->hang;
    p->hang = opts->hang;
  }
  return nwidths;
}

/* The language of the text at byte at of p: its span's, else the article's. */
static const char *
lang_at (const lay_t *L, const setpara_t *p, size_t n, size_t at)
{
  for (size_t i = 0; i < n; i++)
    if (p->ranges[i].start <= at && at < p->ranges[i].end && p->ranges[i].lang)
      return p->ranges[i].lang;
  return L->a->lang;
}

/* Puts body text p (n style ranges) on the page's grid. Its lines are all one step high:
 * the step of its main script in its language (ink__grid_step), rounded to a whole
 * multiple of the page's step, at least one. In the page's step the baseline is the
 * page's; in a multiple, where the main script's face has its box centred, moved to the
 * nearest baseline of the page's grid. Glyphs taller than the step reach into the leading. */
static void
on_grid (lay_t *L, setpara_t *p, size_t n, const ink__text_style_t *s)
{
  if (L->grid <= 0)   /* a body step under 1/64 px: no grid */
    return;
  ink__script_count_t c = { 0 };
  ink__count_scripts (&c, p->text + p->body_start, p->body_end - p->body_start);
  uint32_t cp;
  size_t at;
  hb_script_t script = ink__main_script (&c, &cp, &at);
  const char *lang = lang_at (L, p, n, p->body_start + at);
  int32_t g = L->grid, k = (ink__grid_step (L, script, lang) + g / 2) / g;
  p->grid = g;
  p->step = (k > 1 ? k : 1) * g;
  p->base_off = L->grid_base;
  if (k > 1) {
    int32_t own = ink__step_baseline (L, s, p->step, script, lang, cp);
    int32_t j = (own - L->grid_base + g / 2) / g;
    p->base_off = L->grid_base + (j > 0 ? j : 0) * g;
  }
}

/* Whether role's lines are display lines, read a line at a glance (heads, decks, pull
 * quotes): a number never ends one with the word it counts or names on the next. */
static bool
display_role (int role)
{
  return role == INK_ROLE_KICKER || role == INK_ROLE_HEADLINE || role == INK_ROLE_DECK ||
         role == INK_ROLE_SUBHEAD || role == INK_ROLE_QUOTE || role == INK_ROLE_RELATED;
}

/* The line builder's options for role's style and opts (its measures left to the caller). */
static ink__para_opts_t
para_opts (const lay_t *L, int role, const setpara_opts_t *opts)
{
  const ink__style_t *s = &L->t->styles[role];
  ink__para_opts_t po = { 0 };
  po.lang = L->a->lang;
  po.align = para_align (s->align);
  po.hyphenate = s->hyphenate;
  po.indent = opts->no_indent || opts->narrow_lines ? 0 : PX (s->indent_px);
  po.hyphenator = L->hy;
  po.short_lines = role == INK_ROLE_TABLE;
  po.letter_space_max = PX (s->letter_spacing_em * s->size_px);
  po.held_until = opts->held_until;
  /* A pull quote breaks between words, as a head does: only a word wider than its line is
   * broken (balanced.c sets heads so once their place is taken; a quote's is taken here). */
  po.whole_words = role == INK_ROLE_QUOTE && !s->hyphenate;
  po.tie_numbers = display_role (role);
  return po;
}

/* How much taller than its leading a subhead's line may be set for the air about its glyphs
 * (an eighth of their height, ink__line_height), as a share of the leading, before that air
 * is dropped for glyphs that fit the leading: a Vietnamese subhead whose stacked
 * accents made it a third of a pixel taller sent the body after it a whole step down. */
#define LEADING_SLIVER 16

/* The step two lines need that stand one above the other: the upper's ink below its baseline
 * and the lower's above it, a twelfth of that apart. A Lao head whose first line holds "ຫຼ"
 * (a mark below) and whose second "ນ້ຳ" (two stacked above) had the marks 2 px apart on
 * reader-6, each line's own ink fitting the step; a Latin descender over an ascender (about
 * an em) keeps a head's leading of 1.1 em. Heads and decks only: a pull quote in Naskh
 * stepping 6 px more sent a page's last line on (muscat-buses.ar, reader-6). */
#define STACKED_AIR 12

static int32_t
stacked_pair (const ink__line_t *upper, const ink__line_t *lower)
{
  int32_t ink = upper->ink_descent + lower->ink_ascent;
  return ink + ink / STACKED_AIR;
}

/* Lines off the grid (heads, decks, quotes, captions, comments) all take one step and one
 * baseline, the largest their glyphs need: a headline's lines stand evenly apart whether
 * or not one has a descender or an accent. */
static void
even_lines (setpara_t *p)
{
  p->step = 0;
  int32_t h = 0, ink_a = 0, ink_d = 0, base = 0;
  bool heads = p->role == INK_ROLE_HEADLINE || p->role == INK_ROLE_DECK;
  for (size_t k = 0; k < p->para.lines.n; k++) {
    const ink__line_t *ln = &p->para.lines.v[k];
    int32_t own = ink__line_height (p, ln);
    h = own > h ? own : h;
    ink_a = ln->ink_ascent > ink_a ? ln->ink_ascent : ink_a;
    ink_d = ln->ink_descent > ink_d ? ln->ink_descent : ink_d;
    int32_t pair = k > 0 && heads ? stacked_pair (&p->para.lines.v[k - 1], ln) : 0;
    h = pair > h ? pair : h;
  }
  for (size_t k = 0; k < p->para.lines.n; k++) {
    const ink__line_t *ln = &p->para.lines.v[k];
    int32_t b = (h - ln->ascent - ln->descent) / 2 + ln->ascent;
    base = b > base ? b : base;
  }
  /* A subhead's glyphs that fit its leading need no air beyond it when the air would take
   * a sliver more: the body after it returns to the grid, a whole step further down. */
  if (p->role == INK_ROLE_SUBHEAD && h > p->leading && h - p->leading <= p->leading / LEADING_SLIVER &&
      ink_a + ink_d <= p->leading)
    h = p->leading;
  /* The faces' box centred, moved as little as keeps every line's ink inside. */
  if (ink_a + ink_d > h)
    h = ink_a + ink_d;
  if (base < ink_a)
    base = ink_a;
  if (base > h - ink_d)
    base = h - ink_d;
  p->step = h;
  p->base_off = base;
}

/* p->heights from its lines. */
static ink_status_t
line_heights (lay_t *L, setpara_t *p)
{
  if (!p->para.lines.n)
    return INK_OK;
  if (!p->grid)
    even_lines (p);
  p->heights = ink__realloc_array (L->ctx, NULL, 0, p->para.lines.n, sizeof *p->heights);
  if (!p->heights)
    return oom (L);
  for (size_t k = 0; k < p->para.lines.n; k++)
    p->heights[k] = ink__line_height (p, &p->para.lines.v[k]);
  return INK_OK;
}

/* p's lines built again at another measure from the same shaping (the caption of a
 * picture made smaller to fit): nothing is reshaped. A plain paragraph (no drop cap, no
 * hanging indent) keeps its lines when already at that measure. */
ink_status_t
ink__set_para_measure (lay_t *L, setpara_t *p, int32_t measure)
{
  static const setpara_opts_t plain = { 0 };
  if (!p->para.lines.n || p->para.lines.v[0].measure == measure)
    return INK_OK;
  ink__para_opts_t po = para_opts (L, p->role, &plain);
  po.held_until = p->po.held_until;
  po.widths = &measure;
  po.nwidths = 1;
  ink__para_t t;
  ink_status_t st;
  if (!ink__measure_memo_get (L, p, measure, &t, &st)) {
    if (st != INK_OK || (st = ink__para_build (L->ctx, &p->sh, &po, &t)) != INK_OK)
      return st;
    ink__measure_memo_put (L, p, measure, &t);
  }
  ink__free (L->ctx, p->heights, p->para.lines.n * sizeof *p->heights);
  p->heights = NULL;
  ink__para_free (&p->para);
  p->para = t;
  memset (p->kept_hyphen, 0, sizeof p->kept_hyphen);
  return line_heights (L, p);
}

/* Whether p's lines stretch at its word spaces alone: no character of it is set on its own
 * em square (CJK), between which the breaker counts stretch too, so that its adjustment ratio
 * understates how wide Korean word spaces open. */
static bool
stretches_at_spaces (const setpara_t *p)
{
  for (size_t i = 0; i < p->sh.ncps; i++)
    if (ink__script_of_cp (p->sh.cps[i])->justify == INK_JUSTIFY_CJK)
      return false;
  return true;
}

/* How much further than the breaker's tolerance, or than the paragraph's own loosest line,
 * make-up may stretch a line's spaces, in units of their stretchability; a stretchability
 * more for the last resort of a full page whose columns end apart or short (`wide`, see
 * ink__set_para_looseness_wide). */
#define MAKEUP_EXTRA_RATIO 2.0
#define WIDE_EXTRA_RATIO 3.0

/* How far make-up may open the gaps between characters set on their own em square (CJK),
 * in units of their stretchability (a quarter em, lib/para/items.c): three sixteenths of an
 * em, or as far as the paragraph's own loosest line. A Japanese paragraph set a line longer
 * to balance a last page spread three lines' characters over four, a quarter em and more
 * apart. */
#define CJK_MAKEUP_RATIO 0.75

static bool spaced_between_characters (const setpara_t *p);

/* Whether a loosest line of ratio now, p's own loosest was, opens its word spaces past
 * make-up's bound (ink__para_looser). */
static bool
looser_than (const setpara_t *p, double was, double now, bool wide)
{
  double limit = ink__para_tolerance (&p->po);
  double extra = wide && stretches_at_spaces (p) ? WIDE_EXTRA_RATIO : MAKEUP_EXTRA_RATIO;
  return now > fmax (was, limit) + extra;
}

/* Whether lines t, p's text broken again for make-up (a looseness, a column foot without a
 * hyphen), open word spaces a reader would see as holes: wider than the breaker's tolerance
 * and p's own loosest line allow, by more than MAKEUP_EXTRA_RATIO (WIDE_EXTRA_RATIO when
 * `wide`, for text that stretches at its spaces alone). A paragraph the column forced into
 * emergency breaks keeps them; make-up does not make them worse. Korean word spaces are
 * judged as printed: the breaker counts stretch between its characters too, which the
 * spaces alone take (h66-ko-0 reader-6: a paragraph set a line longer at a ratio of 1.88
 * opened its spaces to 13.5 times their stretchability, an em and a half each). */
bool
ink__para_looser (const setpara_t *p, const ink__para_t *t, bool wide)
{
  if (!stretches_at_spaces (p) && !spaced_between_characters (p))
    return looser_than (p, ink__para_loosest_opened (&p->para), ink__para_loosest_opened (t), wide);
  return looser_than (p, ink__para_loosest (&p->para), ink__para_loosest (t), wide);
}

/* ink__para_looser for lines t broken with the stretch between letters counted as their own
 * (ink__para_opts_t.letter_stretch): their word spaces, and p's, judged as printed, once the
 * letters took their share (ink__line_t.opened). */
static bool
spaces_looser (const setpara_t *p, const ink__para_t *t, bool wide)
{
  return looser_than (p, ink__para_loosest_opened (&p->para), ink__para_loosest_opened (t), wide);
}

/* Whether t, p's text set a line looser or tighter, takes the breaker's emergency stretch
 * (pass 3) that p's own setting did not need. The emergency stretch opened holes between the
 * words of a Korean paragraph, and a looser paragraph on the last page sent its text on to a
 * page more: make-up keeps there to the tolerance the paragraph was set with. A full page
 * (full_page), and a last page's last resort at a full page's wider word spaces, take it for
 * text that stretches at its word spaces alone, within ink__para_looser's bound, which any
 * make-up setting keeps. */
bool
ink__para_stretched (const setpara_t *p, const ink__para_t *t, bool full_page)
{
  return t->pass >= 3 && t->pass > p->para.pass && !(full_page && stretches_at_spaces (p));
}

/* How short of its measure a ragged line may end when make-up sets its paragraph a line
 * looser or tighter, as a share of the measure: a list item set a line longer ended its
 * lines at half the column, with the next word fitting (print-a4's Arabic list). */
#define RAGGED_SHORTFALL 0.35

/* Whether lines t, p's ragged text broken again for make-up, leave a line but the last
 * shorter than its measure by more than RAGGED_SHORTFALL of it, where p's own lines did
 * not. Justified text opens its spaces instead (ink__para_looser). */
bool
ink__para_ragged_holes (const setpara_t *p, const ink__para_t *t)
{
  if (p->po.align == INK_PARA_JUSTIFY)
    return false;
  double worst = 0;
  for (size_t k = 0; k + 1 < p->para.lines.n; k++) {
    const ink__line_t *ln = &p->para.lines.v[k];
    worst = fmax (worst, (double) (ln->measure - ln->width) / ln->measure);
  }
  for (size_t k = 0; k + 1 < t->lines.n; k++) {
    const ink__line_t *ln = &t->lines.v[k];
    if ((double) (ln->measure - ln->width) / ln->measure > fmax (worst, RAGGED_SHORTFALL))
      return true;
  }
  return false;
}

/* Whether p holds Chinese or Japanese characters, whose lines open the gaps between all of
 * them (Korean opens its word spaces). */
static bool
spaced_between_characters (const setpara_t *p)
{
  for (size_t i = 0; i < p->sh.ncps; i++) {
    const ink__script_info_t *si = ink__script_of_cp (p->sh.cps[i]);
    if (si->justify == INK_JUSTIFY_CJK && si->words == INK_WORDS_NONE)
      return true;
  }
  return false;
}

/* Whether lines t, p's text set a line looser or tighter, open the gaps between characters
 * set on their own em square (CJK) wider than CJK_MAKEUP_RATIO and p's own lines. Refused on
 * a last page, and on a full page for Chinese and Japanese (spaced_between_characters): a
 * full page evened so (kobe-port.ja kiosk-7.5 p2, 0.27 em) or filled above a quote waiting
 * for the next page (chengdu-metro.zh kiosk-7.5 p1, 0.2 em) read spaced out, worse than
 * columns a line apart or short. */
bool
ink__para_letter_spaced (const setpara_t *p, const ink__para_t *t)
{
  return !stretches_at_spaces (p) &&
         ink__para_loosest (t) > fmax (ink__para_loosest (&p->para), CJK_MAKEUP_RATIO);
}

/* How many of the paragraphs set so far open the gaps between characters set on their own
 * em square wider than CJK_MAKEUP_RATIO (their own setting may; make-up only on a full page,
 * for Korean). */
size_t
ink__letter_spaced_paras (const lay_t *L)
{
  size_t n = 0;
  for (size_t i = 0; i < L->paras.n; i++) {
    const setpara_t *p = L->paras.v[i];
    n += p->para.lines.n && !stretches_at_spaces (p) &&
         ink__para_loosest (&p->para) > CJK_MAKEUP_RATIO;
  }
  return n;
}

/* p set with this looseness, its word spaces within ink__para_looser's bound (`wide` as
 * there), shrinking to half their width when tight (ink__para_opts_t.tight), its justified
 * lines stretching between letters too when letters (ink__para_opts_t.letter_stretch, its
 * spaces then judged as printed); see ink__set_para_looseness. */
static ink_status_t
set_looseness (lay_t *L, setpara_t *p, int looseness, bool full_page, bool wide, bool tight,
               bool letters, bool bound, bool *met)
{
  *met = false;
  /* Lines the breaker had to cut inside a word too long for them (its pass of emergency
   * breaks) are set no looser nor tighter: every trial would take that pass again, the
   * dearest, for lines no better (a feed's run of replaced bytes, tried at each setting of
   * a page, took seconds). */
  if (!p->para.lines.n || !p->po.widths || p->cap ||
      p->para.pass >= INK_KP_PASS_EMERGENCY_BREAKS)
    return INK_OK;
  ink__para_opts_t po = p->po;
  po.looseness = looseness;
  po.tight = tight;
  po.letter_stretch = letters && looseness != 0;
  ink__para_t t;
  ink_status_t st = ink__para_build (L->ctx, &p->sh, &po, &t);
  if (st != INK_OK)
    return st;
  bool stretched = looseness != 0 && ink__para_stretched (p, &t, full_page || wide);
  bool holes = po.letter_stretch ? spaces_looser (p, &t, wide) : ink__para_looser (p, &t, wide);
  if (t.looseness != looseness || stretched || holes ||
      ink__para_ragged_holes (p, &t) ||
      ((!full_page || spaced_between_characters (p)) && ink__para_letter_spaced (p, &t))) {
    ink__para_free (&t);
    return INK_OK;
  }
  ink__para_t old = p->para;
  int was = p->po.looseness;
  bool alone = false;
  bool was_tight = p->po.tight, was_letters = p->po.letter_stretch;
  p->para = t;
  p->po.looseness = looseness;
  p->po.tight = tight;
  p->po.letter_stretch = po.letter_stretch;
  /* Set again at the looseness it had, it is broken again as the breaker sets it: the
   * company given its last line then is given again. */
  bool short_last = false;
  if (looseness != 0)
    st = ink__loose_company (L, p, full_page, &alone, &short_last);
  setpara_t as_was = *p;
  as_was.para = old;
  if (st == INK_OK && !alone && short_last && ink__para_ragged_holes (&as_was, &p->para)) {
    /* Lines given company with a short last line are held to the bound the breaker's were;
     * past it, the breaker's lines are given company with every line at half the widest. */
    ink__para_free (&p->para);
    if ((st = ink__para_build (L->ctx, &p->sh, &po, &p->para)) == INK_OK)
      st = ink__loose_company (L, p, false, &alone, &short_last);
    else
      p->para = (ink__para_t) { 0 };
  }
  /* Held to the ragged bound its own lines keep, company given (`bound`): see
   * ink__set_para_looser_bounded. */
  bool ragged = st == INK_OK && !alone && bound && ink__para_ragged_holes (&as_was, &p->para);
  if (st != INK_OK || alone || ragged) {
    ink__para_free (&p->para);   /* the lines as they were stay */
    p->para = old;
    p->po.looseness = was;
    p->po.tight = was_tight;
    p->po.letter_stretch = was_letters;
    return st;
  }
  ink__free (L->ctx, p->heights, old.lines.n * sizeof *p->heights);
  p->heights = NULL;
  ink__para_free (&old);
  memset (p->kept_hyphen, 0, sizeof p->kept_hyphen);
  *met = true;
  return line_heights (L, p);
}

/* p's lines broken again on the shaping they have, with this looseness (TeX's \looseness:
 * +1 one line more than the optimum, 0 the optimum). When the breaker cannot meet it, or
 * ragged lines would end on a lone word (ink__loose_company), the lines stay as they are and
 * *met is false; so too when it would open holes in word spacing (ink__para_looser), or take
 * the breaker's emergency stretch (ink__para_stretched, full_page as there). */
ink_status_t
ink__set_para_looseness (lay_t *L, setpara_t *p, int looseness, bool full_page, bool *met)
{
  return set_looseness (L, p, looseness, full_page, false, p->po.tight, false,false, met);
}

/* As ink__set_para_looseness on a last page (one line looser), its ragged lines held, once
 * company is given, to the bound its own lines keep (ink__para_ragged_holes): balancing a
 * last page whose columns end within a line step already sets no list item or paragraph at
 * half the column to score it better (hue-citadel.vi print-a4 p2: "mỗi lượt vào điện /
 * không quá 50 người, / ..." at 53 % of the measure). */
ink_status_t
ink__set_para_looser_bounded (lay_t *L, setpara_t *p, bool *met)
{
  return set_looseness (L, p, 1, false, false, p->po.tight, false, true, met);
}

/* As ink__set_para_looseness, with word spaces a stretchability wider (ink__para_looser's
 * `wide`): make-up's last resort for a full page (full_page) whose columns end apart or
 * short, kept only when it makes them end together and full (pages.c), and for a last page
 * whose columns end apart (balance.c). */
ink_status_t
ink__set_para_looseness_wide (lay_t *L, setpara_t *p, int looseness, bool full_page, bool *met)
{
  return set_looseness (L, p, looseness, full_page, true, p->po.tight, false,false, met);
}

/* As ink__set_para_looseness_wide on a last page: its justified lines may also stretch
 * between their letters as far as the style allows (letter-spacing), the breaker counting
 * that as their stretch, and the word spaces are judged as printed, once the letters took
 * their share. The last resort of a last page whose columns end apart (balance.c): a
 * paragraph of five lines set in six with its spaces within the wide bound only so
 * (bridge-closure kiosk-7.5). */
ink_status_t
ink__set_para_looseness_lettered (lay_t *L, setpara_t *p, int looseness, bool *met)
{
  return set_looseness (L, p, looseness, false, true, p->po.tight, true,false, met);
}

/* As ink__set_para_looseness on a last page, its justified word spaces shrinking to half
 * their width when tight, else to a third (ink__para_opts_t.tight): runt.c's last resort to
 * draw a last page of a line or three back onto the page before, and how it sets such a
 * paragraph back. The word spaces of a line set so tight still keep half their width: a
 * reader sees them close up a little, never run together. */
ink_status_t
ink__set_para_looseness_tight (lay_t *L, setpara_t *p, int looseness, bool tight, bool *met)
{
  return set_looseness (L, p, looseness, false, false, tight, p->po.letter_stretch,false, met);
}

/* p set a line shorter on a last page (*met), its justified word spaces shrinking to half
 * their width when tight (ink__set_para_looseness_tight): with its own looseness, the optimum
 * at the tighter spaces, when that is a line shorter already, else with one less; else it
 * stays as it was (with the spaces it had). */
ink_status_t
ink__set_para_line_fewer (lay_t *L, setpara_t *p, bool tight, bool *met)
{
  size_t lines = p->para.lines.n;
  int was = p->po.looseness;
  bool was_tight = p->po.tight;
  ink_status_t st = INK_OK;
  *met = false;
  for (int loose = tight ? was : was - 1; loose >= was - 1 && st == INK_OK && !*met; loose--) {
    if ((st = ink__set_para_looseness_tight (L, p, loose, tight, met)) != INK_OK || !*met)
      continue;
    if (p->para.lines.n >= lines) {
      *met = false;
      st = ink__set_para_looseness_tight (L, p, was, was_tight, met);
      *met = false;
    }
  }
  return st;
}

/* p's linked ranges: the whole of a related link that has a target, else each inline link
 * (text at plen in p's text). */
static bool
para_links (lay_t *L, setpara_t *p, size_t plen, const ink__span_t *spans, size_t nspans)
{
  const char *whole = NULL;
  if (p->role == INK_ROLE_RELATED && p->block >= 0 && (size_t) p->block < L->a->nblocks)
    whole = L->a->blocks[p->block].href;
  size_t n = whole ? 1 : 0;
  for (size_t i = 0; i < nspans && !whole; i++)
    n += (spans[i].flags & INK_SPAN_LINK) && spans[i].href && spans[i].len;
  if (!n)
    return true;
  p->links = ink__realloc_array (L->ctx, NULL, 0, n, sizeof *p->links);
  if (!p->links)
    return false;
  if (whole)
    p->links[p->nlinks++] = (ink__plink_t) { 0, p->len, whole };
  for (size_t i = 0; i < nspans && !whole; i++)
    if ((spans[i].flags & INK_SPAN_LINK) && spans[i].href && spans[i].len)
      p->links[p->nlinks++] = (ink__plink_t) { plen + spans[i].start,
                                               plen + spans[i].start + spans[i].len, spans[i].href };
  return true;
}

/* Sets prefix + text + suffix in role's style at the given measure. Spans (nullable) style
 * ranges of text; opts (nullable) say what else. A NULL result with INK_OK means there was
 * nothing to set. */
/* A reader's comment takes the direction of its first letter, as a web page sets it
 * (dir=auto): an English comment under a Hebrew article reads left to right. Its author line
 * goes with it, unless the name runs the other way: then the article's ("Samir · عمان" over
 * an Arabic comment in an English article, "Sara K." over a Persian one in a Persian
 * article). A pull quote whose letters all run one way takes that way: an English
 * quote in an Arabic article ends on its full stop at the right; its attribution is judged
 * on its own letters (an English attribution under a Hebrew quote reads left to right, its
 * dash first). 1 LTR, 2 RTL, 0 the article's (any other line, text of both directions, or no
 * letter). */
static int
block_direction (const lay_t *L, int role, long block)
{
  if (block < 0 || (size_t) block >= L->a->nblocks)
    return 0;
  const ink__block_t *b = &L->a->blocks[block];
  if (role == INK_ROLE_COMMENT || role == INK_ROLE_REPLY)
    return ink__bidi_first_strong (b->text, b->text_len);
  if (role == INK_ROLE_COMMENT_AUTHOR) {
    int c = ink__bidi_first_strong (b->text, b->text_len);
    int n = b->author ? ink__bidi_first_strong (b->author, strlen (b->author)) : 0;
    return n && n != c ? 0 : c;
  }
  if (role != INK_ROLE_QUOTE && role != INK_ROLE_ATTRIBUTION)
    return 0;
  const char *t = role == INK_ROLE_QUOTE ? b->text : b->attribution;
  size_t n = role == INK_ROLE_QUOTE ? b->text_len : t ? strlen (t) : 0;
  int letters = ink__bidi_letters (t, n);
  return letters == 3 ? 0 : letters;
}

ink_status_t
ink__set_para (lay_t *L, int role, long block, const char *prefix, const char *text, size_t len,
          const char *suffix, const ink__span_t *spans, size_t nspans, int32_t measure,
          int32_t x_off, const setpara_opts_t *opts, setpara_t **out)
{
  static const setpara_opts_t plain = { 0 };
  if (!opts)
    opts = &plain;
  *out = NULL;
  const ink__style_t *s = &L->t->styles[role];
  size_t plen = prefix ? strlen (prefix) : 0, slen = suffix ? strlen (suffix) : 0;
  if (len + plen + slen == 0)
    return INK_OK;
  setpara_t *p = ink__alloc (L->ctx, sizeof *p);
  if (!p)
    return oom (L);
  p->role = role;
  p->block = block;
  p->x_off = x_off;
  p->len = plen + len + slen;
  p->text = ink__realloc (L->ctx, NULL, 0, p->len + 1);
  p->ranges = ink__realloc_array (L->ctx, NULL, 0, 2 * nspans + 2, sizeof *p->ranges);
  if (!p->text || !p->ranges) {
    p->nranges = 2 * nspans + 2;
    ink__setpara_free (L, p);
    return oom (L);
  }
  memcpy (p->text, prefix ? prefix : "", plen);
  memcpy (p->text + plen, text, len);
  memcpy (p->text + plen + len, suffix ? suffix : "", slen);
  p->text[p->len] = 0;
  p->body_start = plen;
  p->body_end = plen + len;
  p->leading = PX (s->leading_px * (opts->scale > 0 ? opts->scale : 1.0f));
  size_t n = style_ranges (L, p, role, plen, len, spans, nspans, opts);
  if (!para_links (L, p, plen, spans, nspans)) {   /* after style_ranges sized the ranges */
    ink__setpara_free (L, p);
    return oom (L);
  }
  if ((role == INK_ROLE_BODY || role == INK_ROLE_LIST) && !opts->style)
    on_grid (L, p, n, &L->styles[role][0]);
  int32_t widths[INK_MAX_DROP_LINES + 2];
  size_t nwidths = line_widths (p, opts, measure, widths);
  ink__shape_opts_t so = { L->a->lang, block_direction (L, role, block), ink__shape_fallback,
                           L, L->script };
  p->nstyled = n;
  bool reused;
  ink_status_t st = ink__reuse_shaping (L, p, &so, &reused);
  if (st == INK_OK && !reused)
    st = ink__shape_paragraph (L->ctx, L->fs, p->text, p->len, p->ranges, n, &so, &p->sh);
  if (st == INK_OK) {
    ink__para_opts_t po = para_opts (L, role, opts);
    po.widths = widths;
    po.nwidths = nwidths;
    memcpy (p->widths, widths, nwidths * sizeof *widths);
    p->po = po;
    p->po.widths = p->widths;
    st = ink__para_build (L->ctx, &p->sh, &po, &p->para);
    if (st == INK_OK && opts->balance && nwidths == 1)
      st = ink__balance_lines (L, p, &po, measure);
  }
  if (st == INK_OK)
    st = line_heights (L, p);
  if (st != INK_OK) {
    ink__setpara_free (L, p);
    return st;
  }
  if (!ink__vec_push (L->ctx, &L->paras, p)) {
    ink__setpara_free (L, p);
    return oom (L);
  }
  *out = p;
  return INK_OK;
}

int32_t
ink__line_height (const setpara_t *p, const ink__line_t *ln)
{
  /* The paragraph's step, once its lines are set. Before, a line's own: the style's
   * leading, unless the glyphs drawn (tall Nastaliq, stacked marks) need more. */
  if (p->step > 0)
    return p->step;
  int32_t ink = ln->ink_ascent + ln->ink_descent;
  int32_t need = ink + ink / 8;
  return need > p->leading ? need : p->leading;
}

/* Baseline from the line's top: the paragraph's, once its lines are set; before, the
 * faces' box centred in the line, unless the ink would then leave it. */
int32_t
ink__line_baseline (const setpara_t *p, const ink__line_t *ln)
{
  if (p->step > 0)
    return p->base_off;
  int32_t h = ink__line_height (p, ln);
  int32_t base = (h - ln->ascent - ln->descent) / 2 + ln->ascent;
  if (base - ln->ink_ascent < 0 || base + ln->ink_descent > h)
    base = (h - ln->ink_ascent - ln->ink_descent) / 2 + ln->ink_ascent;
  return base;
}

/* Height of lines [k0, k1) of p, at most INK_HEIGHT_MAX. */
int32_t
ink__lines_height (const setpara_t *p, size_t k0, size_t k1)
{
  int64_t h = 0;
  for (size_t k = k0; k < k1 && h < INK_HEIGHT_MAX; k++)
    h += ink__line_height (p, &p->para.lines.v[k]);
  return h < INK_HEIGHT_MAX ? (int32_t) h : INK_HEIGHT_MAX;
}

/* Height of all p's lines, 0 for none (p NULL: a caption or credit the article has not). */
int32_t
ink__para_height (const setpara_t *p)
{
  return p ? ink__lines_height (p, 0, p->para.lines.n) : 0;
}
