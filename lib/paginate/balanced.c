/* paginate/balanced: heads, decks, subheads and pull quotes set in lines of even length (CSS's
 * text-wrap: balance), their last line never one word alone, breaking between phrases in
 * scripts without word spaces; and the same care for a ragged paragraph that make-up sets a
 * line looser or tighter. The lines are rebuilt from the paragraph's shaping, never
 * reshaped. */
#include "layout-internal.h"
#include "scripts.h"

#include <string.h>

/* Lines built at narrower measures placed within the full measure as the style aligns
 * them: centred lines stay centred, lines at the start edge stay there (the right one for
 * right-to-left lines). */
static void
realign_lines (ink__para_t *para, ink__para_align_t al, int32_t measure)
{
  for (size_t k = 0; k < para->lines.n; k++) {
    ink__line_t *ln = &para->lines.v[k];
    int32_t room = measure - ln->measure;
    ln->measure = measure;
    if (al == INK_PARA_CENTER)
      ln->left += room / 2;
    else if ((al == INK_PARA_END) != ln->rtl)
      ln->left += room;
  }
}

/* The trial measures of a balanced paragraph: its first lines at m, its last at full
 * (last_full) or at m too. */
typedef struct {
  int32_t *widths;               /* n of them */
  size_t n;
  int32_t full;
  bool last_full;
  size_t cuts;                   /* words cut at the full measure (cut_words) */
  size_t poor;                   /* poor breaks at the full measure (poor_breaks) */
  size_t broken;                 /* words broken at a hyphen at the full measure */
} trial_t;

/* Lines of para that end on a hyphen the text does not have: words broken. */
static size_t
broken_words (const setpara_t *p, const ink__para_t *para)
{
  size_t n = 0;
  for (size_t k = 0; k + 1 < para->lines.n; k++) {
    size_t e = para->lines.v[k].end;
    n += para->lines.v[k].hyphenated && !(e > 0 && e <= p->len && p->text[e - 1] == '-');
  }
  return n;
}

/* Whether para, set by a style that does not hyphenate, breaks no more words than the
 * full measure does (a narrower trial measure may not break one more). */
static bool
no_more_broken (const setpara_t *p, const ink__para_opts_t *po, const trial_t *tr,
                const ink__para_t *para)
{
  return po->hyphenate || broken_words (p, para) <= tr->broken;
}

/* Lines of para that end inside a word without a hyphen (the breaker's emergency pass), in
 * text that has spaces. */
static size_t
cut_words (const setpara_t *p, const ink__para_t *para)
{
  size_t n = 0;
  if (!memchr (p->text, ' ', p->len))
    return 0;
  for (size_t k = 0; k + 1 < para->lines.n; k++) {
    const ink__line_t *ln = &para->lines.v[k];
    size_t e = ln->end;
    if (!ln->hyphenated && e > 0 && e < p->len && p->text[e] != ' ' && p->text[e - 1] != ' ' &&
        p->text[e - 1] != '-')
      n++;
  }
  return n;
}

/* How poorly para's lines break, as a head (a headline, deck, subhead or pull quote) in a
 * script without word spaces does not: the sum of ink__script_head_break's grades of its
 * breaks, 0 between phrases, 1 where the phrase is only guessed ("噪声|和拆迁"), 2 inside a
 * word ("路|線", "短縮|へ", "东部|新区"), 3 where one also leaves a character alone beside
 * punctuation ("通车，汉|阳"). Other text has none: its lines break between any two
 * characters. */
static size_t
poor_breaks (const setpara_t *p, const ink__para_t *para)
{
  size_t n = 0;
  if (p->role != INK_ROLE_HEADLINE && p->role != INK_ROLE_DECK && p->role != INK_ROLE_SUBHEAD &&
      p->role != INK_ROLE_QUOTE)
    return 0;
  for (size_t k = 0; k + 1 < para->lines.n; k++) {
    size_t e = para->lines.v[k].end;
    if (e > 0 && e < p->len && !para->lines.v[k].hyphenated)
      n += (size_t) ink__script_head_break (p->text, p->len, e);
  }
  return n;
}

/* p's lines built at trial measure m into t: *ok when they stay as many, none overfull and
 * no more words cut nor poor breaks than at the full measure. t is freed unless keep. */
static ink_status_t
try_measure (lay_t *L, setpara_t *p, ink__para_opts_t *po, const trial_t *tr, int32_t m,
             bool keep, ink__para_t *t, bool *ok)
{
  for (size_t k = 0; k < tr->n; k++)
    tr->widths[k] = m;
  if (tr->last_full)
    tr->widths[tr->n - 1] = tr->full;
  po->widths = tr->widths;
  po->nwidths = tr->n;
  ink_status_t st = ink__para_build (L->ctx, &p->sh, po, t);
  *ok = st == INK_OK && t->lines.n == tr->n && !t->overfull &&
        cut_words (p, t) <= tr->cuts && poor_breaks (p, t) <= tr->poor &&
        no_more_broken (p, po, tr, t);
  if (st == INK_OK && !keep)
    ink__para_free (t);
  return st;
}

/* The narrowest trial measure, to a pixel, above lo at which the lines stay as many, by
 * bisection; *m the full measure when none is narrower. */
static ink_status_t
narrowest (lay_t *L, setpara_t *p, ink__para_opts_t *po, const trial_t *tr, int32_t lo,
           int32_t *m)
{
  int32_t hi = tr->full;
  ink_status_t st;
  while (hi - lo > 64) {
    int32_t mid = lo + (hi - lo) / 2;
    ink__para_t t;
    bool ok;
    if ((st = try_measure (L, p, po, tr, mid, false, &t, &ok)) != INK_OK)
      return st;
    if (ok)
      hi = mid;
    else
      lo = mid;
  }
  *m = hi;
  return INK_OK;
}

/* Characters a line of a script without word spaces holds at least not to be one word, as
 * the make-up check counts them. */
#define UNSPACED_WORD_CHARS 3

/* Whether line ln of p is one word: a line of a script without word spaces ("対応" after
 * "人手不足に") of fewer than UNSPACED_WORD_CHARS characters; else no space inside it, in
 * text that has spaces. */
static bool
lone_word (const setpara_t *p, const ink__line_t *ln)
{
  bool spaced = memchr (p->text, ' ', p->len) != NULL;
  size_t s = ln->start, e = ln->end;
  while (e > s && p->text[e - 1] == ' ')
    e--;
  while (s < e && p->text[s] == ' ')
    s++;
  if (e <= s || memchr (p->text + s, ' ', e - s))
    return false;
  uint32_t c;
  size_t at = s, chars = 0;
  if (!ink__utf8_next (p->text, e, &at, &c) || ink__script_of_cp (c)->words == INK_WORDS_SPACE)
    return spaced;
  for (at = s; at < e && ink__utf8_next (p->text, e, &at, &c);)
    chars++;
  return chars < UNSPACED_WORD_CHARS;
}

/* The widths of para's narrowest and widest lines. */
static void
line_extent (const ink__para_t *para, int32_t *lo, int32_t *hi)
{
  *lo = INT32_MAX, *hi = 0;
  for (size_t k = 0; k < para->lines.n; k++) {
    int32_t w = para->lines.v[k].width;
    *lo = w < *lo ? w : *lo;
    *hi = w > *hi ? w : *hi;
  }
}

/* Whether lines para are ragged: one narrower than half the widest. */
static bool
ragged_lines (const ink__para_t *para)
{
  int32_t lo, hi;
  line_extent (para, &lo, &hi);
  return lo < hi / 2;
}

static bool
ragged (const setpara_t *p)
{
  return ragged_lines (&p->para);
}

/* p's lines set again at trial measure m, in place. */
static ink_status_t
take_measure (lay_t *L, setpara_t *p, ink__para_opts_t *po, const trial_t *tr, int32_t m)
{
  ink__para_t t;
  bool ok;
  ink_status_t st = try_measure (L, p, po, tr, m, true, &t, &ok);
  if (st != INK_OK)
    return st;
  realign_lines (&t, po->align, tr->full);
  ink__para_free (&p->para);
  p->para = t;
  return INK_OK;
}

/* The narrowest line above para's last, or half the widest line when that is narrower:
 * the lines above the last of a setting that gives the last company may be no narrower (a
 * quote whose short first line follows its opening mark stays as ragged as it was, no
 * more). */
static int32_t
upper_floor (const ink__para_t *para)
{
  int32_t lo = INT32_MAX, hi = 0;
  for (size_t k = 0; k < para->lines.n; k++) {
    int32_t w = para->lines.v[k].width;
    lo = k + 1 < para->lines.n && w < lo ? w : lo;
    hi = w > hi ? w : hi;
  }
  return lo < hi / 2 ? lo : hi / 2;
}

/* Whether a line above para's last is narrower than floor. */
static bool
upper_ragged (const ink__para_t *para, int32_t floor)
{
  for (size_t k = 0; k + 1 < para->lines.n; k++)
    if (para->lines.v[k].width < floor)
      return true;
  return false;
}

/* p's lines built again at the trial widths: kept when they stay as many, none overfull,
 * no more words cut nor poor breaks, the last not one word, and the lines not ragged, or
 * with floor > 0 none above the last narrower than floor (upper_ragged); else p stays as it
 * was. */
static ink_status_t
try_company (lay_t *L, setpara_t *p, ink__para_opts_t *po, trial_t *tr, int32_t floor,
             bool *done)
{
  size_t n = p->para.lines.n;
  po->widths = tr->widths;
  po->nwidths = n;
  setpara_t keep = *p;
  ink_status_t st = ink__para_build (L->ctx, &p->sh, po, &p->para);
  if (st != INK_OK) {
    p->para = keep.para;
    return st;
  }
  *done = p->para.lines.n == n && !p->para.overfull && cut_words (p, &p->para) <= tr->cuts &&
          poor_breaks (p, &p->para) <= tr->poor && !lone_word (p, &p->para.lines.v[n - 1]) &&
          no_more_broken (p, po, tr, &p->para) &&
          (floor > 0 ? !upper_ragged (&p->para, floor) : !ragged (p));
  if (*done) {
    realign_lines (&p->para, po->align, tr->full);
    ink__para_free (&keep.para);
  } else {
    ink__para_free (&p->para);
    p->para = keep.para;
  }
  return INK_OK;
}

/* Lines that the tries of give_last_company, and again those of first_fit_company, may set
 * in all: each try breaks the whole paragraph again, one line further up, so that one of n
 * lines is tried from at most COMPANY_WORK / n lines up (from the line above the last at
 * least), one of ten lines or fewer from each. A pull quote of 88 lines of a fuzz input's
 * replaced bytes was tried from 10 lines up, then first fit from each of its 87, at each of
 * its four layouts: 87 % of the render's instructions. Over the samples and both held-out
 * sets on the four templates neither was asked of a paragraph of more than 10 lines, and
 * the lines found company at most 4 lines up. */
#define COMPANY_WORK 100

/* Whether a try from `up` lines above the last of a paragraph of n lines is within
 * COMPANY_WORK. */
static bool
company_within (size_t n, size_t up)
{
  return up <= 1 || up * n <= COMPANY_WORK;
}

/* A balanced head whose last line is still one word: the lines above give it a word, as
 * a make-up editor sets them. Lines k to the one above the last are each set a pixel
 * narrower than they are, so that each passes its last word down, the lines before k at
 * the widest line's measure and the last at the full one: from k the line above the last
 * upwards (as far as COMPANY_WORK pays for), the first setting in which the last line has
 * company, the lines stay as many, none is overfull, cut or ragged is taken; with
 * last_free, ragged only above the last (none there narrower than half the widest:
 * upper_ragged), the last as short as it falls. */
static ink_status_t
give_last_company (lay_t *L, setpara_t *p, ink__para_opts_t *po, trial_t *tr, bool last_free)
{
  size_t n = p->para.lines.n;
  int32_t widest = 0;
  for (size_t j = 0; j < n; j++)
    widest = p->para.lines.v[j].width > widest ? p->para.lines.v[j].width : widest;
  int32_t floor = last_free && widest / 2 > 0 ? widest / 2 : 0;
  bool done = false;
  ink_status_t st = INK_OK;
  for (size_t k = n - 1; k-- > 0 && company_within (n, n - 1 - k) && !done && st == INK_OK;) {
    for (size_t j = 0; j < n; j++)
      tr->widths[j] = j < k ? widest : j + 1 < n ? p->para.lines.v[j].width - 64 : tr->full;
    st = try_company (L, p, po, tr, floor, &done);
  }
  return st;
}

/* A balanced head whose last line is one word still, the other settings tried: the lines
 * pass their last words down as in give_last_company, but each line the most that fits
 * (first fit), the lines before k at their own widths, so that they stay as they are (the
 * breaker's total fit took a line more rather than leave the line that passes its word a
 * loose look), from the line above the last upwards as far as COMPANY_WORK pays for. The
 * lines above the last may be as ragged as they were, no more (upper_floor: a quote whose
 * short first line follows its opening mark). */
static ink_status_t
first_fit_company (lay_t *L, setpara_t *p, ink__para_opts_t *po, trial_t *tr)
{
  size_t n = p->para.lines.n;
  if (n < 2 || !lone_word (p, &p->para.lines.v[n - 1]) || lone_word (p, &p->para.lines.v[n - 2]))
    return INK_OK;
  int32_t floor = upper_floor (&p->para);
  bool done = false;
  ink_status_t st = INK_OK;
  po->first_fit = true;
  for (size_t k = n - 1; k-- > 0 && company_within (n, n - 1 - k) && !done && st == INK_OK;) {
    for (size_t j = 0; j < n; j++) {
      int32_t w = p->para.lines.v[j].width;
      tr->widths[j] = j < k ? w : j + 1 < n ? w - 64 : tr->full;
    }
    st = try_company (L, p, po, tr, floor > 0 ? floor : 1, &done);
  }
  po->first_fit = false;
  return st;
}

/* Trial measures between half the full measure and the full one that tail_company tries
 * for the lines it sets again. */
#define TAIL_STEPS 16
/* Lines above the last that tail_company sets again at most: further up, lines set first
 * fit at one measure break words that were whole ("paar neue Stei- / ne aus dem"). */
#define TAIL_LINES 2
/* Failing that, a line above the last may be as short as a third of the widest (a centred
 * quote's "wird sie / auch überstehen.", two words over the last two): shorter than
 * balancing allows, but a pull quote is never hyphenated to give its last word company. */
#define TAIL_SHORT 3

/* The widest of para's lines. */
static int32_t
widest_line (const ink__para_t *para)
{
  int32_t hi = 0;
  for (size_t k = 0; k < para->lines.n; k++)
    hi = para->lines.v[k].width > hi ? para->lines.v[k].width : hi;
  return hi;
}

/* A pull quote whose last line is one word still, the lines passing their words down one at
 * a time tried: its last d - 1 lines above the last (d up to TAIL_LINES + 1) set again first
 * fit at one narrower measure, whole words only, the last at the full one and the lines
 * above them as they are, from the line above the last upwards and from the full measure
 * down; the first setting in which the last line has company, the lines stay as many, none
 * is overfull, cut or broken at a hyphen and none above the last is narrower than they were
 * (upper_floor; failing that, a third of the widest, TAIL_SHORT), is taken: "보던 로켓을 /
 * 눈앞에서 올려다보게 / 하고 싶었다." where passing words down line by line left "싶었다."
 * alone. A pull quote is never hyphenated to give its last word company (its lines break
 * between words, as a head's do): where no setting of whole words gives it one, the word
 * stays alone ("compensaciones / extraordinarias.", two words wider together than the
 * column). */
static ink_status_t
tail_company (lay_t *L, setpara_t *p, ink__para_opts_t *po, trial_t *tr)
{
  size_t n = p->para.lines.n;
  if (p->role != INK_ROLE_QUOTE || n < 3 || !lone_word (p, &p->para.lines.v[n - 1]) ||
      lone_word (p, &p->para.lines.v[n - 2]))
    return INK_OK;
  int32_t floors[2] = { upper_floor (&p->para), widest_line (&p->para) / TAIL_SHORT },
          half = tr->full / 2;
  bool done = false;
  ink_status_t st = INK_OK;
  po->first_fit = true;
  for (int f = 0; f < 2 && !done && st == INK_OK; f++)
    for (size_t d = 2; d <= TAIL_LINES + 1 && d < n && !done && st == INK_OK; d++)
      for (int i = TAIL_STEPS - 1; i > 0 && !done && st == INK_OK; i--) {
        int32_t m = half + (int32_t) ((int64_t) (tr->full - half) * i / TAIL_STEPS);
        for (size_t j = 0; j < n; j++)
          tr->widths[j] = j + d < n ? p->para.lines.v[j].width : j + 1 < n ? m : tr->full;
        st = try_company (L, p, po, tr, floors[f] > 0 ? floors[f] : 1, &done);
      }
  po->first_fit = false;
  return st;
}

/* Trial measures between half the full measure and the full one that phrase_breaks tries. */
#define PHRASE_STEPS 24

/* How far apart para's widest and narrowest lines are. */
static int32_t
spread (const ink__para_t *para)
{
  int32_t lo, hi;
  line_extent (para, &lo, &hi);
  return hi - lo;
}

/* Whether para's last line is one word (lone_word). */
static bool
last_lone (const setpara_t *p, const ink__para_t *para)
{
  return para->lines.n && lone_word (p, &para->lines.v[para->lines.n - 1]);
}

bool
ink__ends_lone (const setpara_t *p)
{
  return last_lone (p, &p->para);
}

/* A balanced headline or deck that still breaks inside a word (poor_breaks, "东部|新区"), or
 * ends on one word that the lines above could not give company ("人手不足に / 対応"): set
 * again at the measure, from half the full one up to it in PHRASE_STEPS steps, its last line
 * at that measure or at the full one, at which it breaks inside a word the fewest times, no
 * more than now, with its last line not one word and its lines nearest in length, in as many
 * lines, none overfull or ragged, no more words cut: a head breaks between its phrases
 * ("成都地铁新线开通 / 东部新区通勤时间缩短一半") rather than have lines of even length. */
static ink_status_t
phrase_breaks (lay_t *L, setpara_t *p, ink__para_opts_t *po, trial_t *tr)
{
  size_t best = poor_breaks (p, &p->para);
  bool lone = last_lone (p, &p->para);
  int32_t m = tr->full / 2, at = 0, best_spread = INT32_MAX;
  bool at_full = false;
  for (int i = 0; i < 2 * PHRASE_STEPS && (best > 0 || lone); i++) {
    int32_t mm = m + (int32_t) ((int64_t) (tr->full - m) * (i / 2 + 1) / PHRASE_STEPS);
    ink__para_t t;
    bool ok;
    tr->last_full = i % 2;
    ink_status_t st = try_measure (L, p, po, tr, mm, true, &t, &ok);
    if (st != INK_OK)
      return st;
    size_t poor = poor_breaks (p, &t);
    int32_t sp = spread (&t);
    if (ok && !ragged_lines (&t) && !last_lone (p, &t) &&
        (poor < best || (poor == best && (lone || (at && sp < best_spread)))))
      best = poor, at = mm, at_full = tr->last_full, best_spread = sp, lone = false;
    ink__para_free (&t);
  }
  tr->last_full = at_full;
  return at ? take_measure (L, p, po, tr, at) : INK_OK;
}

/* Lines beyond which a head is not balanced: the search sets it a dozen times, and a head
 * this long reads as text (CSS's text-wrap: balance stops at six lines in browsers). */
#define BALANCE_MAX_LINES 10

/* A head that still breaks inside a word in as many lines as it has (phrase_breaks after
 * tr) set in one line more, when that breaks it there fewer times ("京都市、観光客の集|中対策で"
 * becomes "京都市、観光客の / 集中対策で / ..."): a newspaper gives a head a line rather than
 * cut a word of it. */
static ink_status_t
one_line_more (lay_t *L, setpara_t *p, ink__para_opts_t *po, const trial_t *tr)
{
  trial_t more = *tr;
  more.n = tr->n + 1;
  more.last_full = false;
  if (more.n > BALANCE_MAX_LINES)
    return INK_OK;
  more.widths = ink__realloc_array (L->ctx, NULL, 0, more.n, sizeof *more.widths);
  if (!more.widths)
    return oom (L);
  ink_status_t st = phrase_breaks (L, p, po, &more);
  ink__free (L->ctx, more.widths, more.n * sizeof *more.widths);
  return st;
}

/* A head that breaks a word at a hyphen of its own although each of its words fits the
 * measure (a word wider than half the line is given break points: a Tamil head on reader-6
 * read "தஞ்சாவூர் தலை- / யாட்டி பொம்- / மைகளுக்கு") set again with whole words
 * (whole_words: only a word wider than the line breaks), kept when it breaks fewer words,
 * none overfull; a pull quote in as many lines, its place on the page being held for it. A
 * head breaks inside a word only when no setting without it fits. */
static ink_status_t
keep_words_whole (lay_t *L, setpara_t *p, ink__para_opts_t *po)
{
  size_t broken = broken_words (p, &p->para);
  if (po->hyphenate || po->whole_words || !broken)
    return INK_OK;
  ink__para_t t;
  po->whole_words = true;
  ink_status_t st = ink__para_build (L->ctx, &p->sh, po, &t);
  if (st != INK_OK)
    return st;
  if (!t.overfull && broken_words (p, &t) < broken &&
      (p->role != INK_ROLE_QUOTE || t.lines.n == p->para.lines.n)) {
    ink__para_free (&p->para);
    p->para = t;
    p->po.whole_words = true;
  } else {
    ink__para_free (&t);
    po->whole_words = false;
  }
  return INK_OK;
}

/* A trial of p's lines as they are set now, at full measure `full`: their words cut, poor
 * breaks and words broken at a hyphen counted, room for a width per line; false, nothing
 * allocated, when out of memory. */
static bool
trial_init (lay_t *L, const setpara_t *p, int32_t full, trial_t *tr)
{
  size_t n = p->para.lines.n;
  *tr = (trial_t) { NULL, n, full, false, cut_words (p, &p->para), poor_breaks (p, &p->para),
                    broken_words (p, &p->para) };
  tr->widths = ink__realloc_array (L->ctx, NULL, 0, n, sizeof *tr->widths);
  return tr->widths != NULL;
}

/* A head or pull quote of more lines than are balanced (a quote of eleven lines in a column
 * of print-a4) still gives a last line of one word company: the lines above pass it a word
 * (give_last_company, else first_fit_company) at the measure they were set to, unbalanced,
 * as a make-up editor resets "laisse un peu de / place." as "laisse un peu / de place.".
 * Lines the breaker had to cut inside a word too long for them (its pass of emergency
 * breaks) pass none: each try would take that pass again, the dearest, at a measure per
 * line, where its classes of breaks grow with the lines (a fuzz input's subhead of 25 lines
 * of runs without a break, laid out for each of the 18 plans the float order search weighed,
 * took 77 % of the run's instructions in 72 such tries) for lines cut all the same. */
static ink_status_t
long_company (lay_t *L, setpara_t *p, ink__para_opts_t *po, int32_t measure)
{
  size_t n = p->para.lines.n;
  if (p->para.pass >= INK_KP_PASS_EMERGENCY_BREAKS || !lone_word (p, &p->para.lines.v[n - 1]) ||
      lone_word (p, &p->para.lines.v[n - 2]))
    return INK_OK;
  trial_t tr;
  if (!trial_init (L, p, measure, &tr))
    return oom (L);
  ink_status_t st = give_last_company (L, p, po, &tr, false);
  if (st == INK_OK)
    st = first_fit_company (L, p, po, &tr);
  ink__free (L->ctx, tr.widths, n * sizeof *tr.widths);
  return st;
}

/* Balanced lines (CSS text-wrap: balance): the narrowest measure at which p's lines stay
 * as many; when the last is then one word while the lines above have more, the lines above
 * are narrowed alone until it has company, if the lines are then still of even length, else
 * the lines above each give it a word (give_last_company); when no setting gives it one,
 * the lines pass their words down first fit (first_fit_company), and a pull quote's last
 * lines are set again first fit at a narrower measure (tail_company), never hyphenated. The
 * lines are rebuilt from the same shaping, never reshaped, and placed within the full
 * measure. */
ink_status_t
ink__balance_lines (lay_t *L, setpara_t *p, ink__para_opts_t *po, int32_t measure)
{
  ink_status_t st = keep_words_whole (L, p, po);
  if (st != INK_OK)
    return st;
  size_t n = p->para.lines.n;
  /* A pull quote is set again at each width the page tries for it; one whose lines the
   * breaker had to cut inside a word too long for them (its pass of emergency breaks) is not
   * balanced, every trial measure being as dear: a feed's run of replaced bytes in a quote
   * took ten seconds. A head, set once, is. */
  if (n < 2 || p->para.overfull || po->align == INK_PARA_JUSTIFY ||
      (p->role == INK_ROLE_QUOTE && p->para.pass >= INK_KP_PASS_EMERGENCY_BREAKS))
    return INK_OK;
  if (n > BALANCE_MAX_LINES)
    return long_company (L, p, po, measure);
  int64_t sum = 0;
  for (size_t k = 0; k < n; k++)
    sum += p->para.lines.v[k].width;
  trial_t tr;
  if (!trial_init (L, p, measure, &tr))
    return oom (L);
  /* Narrower than the lines' mean, n lines cannot hold the text. */
  int32_t lo = (int32_t) (sum / (int64_t) n) - 1, m;
  st = narrowest (L, p, po, &tr, lo, &m);
  if (st == INK_OK && m < measure)
    st = take_measure (L, p, po, &tr, m);
  const ink__line_t *last = &p->para.lines.v[n - 1];
  if (st == INK_OK && lone_word (p, last) && !lone_word (p, last - 1)) {
    tr.last_full = true;
    if ((st = narrowest (L, p, po, &tr, 0, &m)) == INK_OK && m < measure) {
      setpara_t keep = *p;
      p->para = (ink__para_t) { 0 };
      if ((st = take_measure (L, p, po, &tr, m)) != INK_OK) {
        p->para = keep.para;
      } else if (lone_word (p, &p->para.lines.v[n - 1]) || ragged (p)) {
        ink__para_free (&p->para);   /* no better: the balanced lines stay */
        p->para = keep.para;
      } else {
        ink__para_free (&keep.para);
      }
    }
  }
  if (st == INK_OK && lone_word (p, &p->para.lines.v[n - 1]) &&
      !lone_word (p, &p->para.lines.v[n - 2]))
    st = give_last_company (L, p, po, &tr, false);
  if (st == INK_OK && (poor_breaks (p, &p->para) || last_lone (p, &p->para)))
    st = phrase_breaks (L, p, po, &tr);
  if (st == INK_OK && poor_breaks (p, &p->para))
    st = one_line_more (L, p, po, &tr);
  if (st == INK_OK)
    st = first_fit_company (L, p, po, &tr);
  if (st == INK_OK)
    st = tail_company (L, p, po, &tr);
  ink__free (L->ctx, tr.widths, n * sizeof *tr.widths);
  return st;
}

/* p, ragged and set a line looser or tighter, ends on a lone word: the lines above give it
 * company as a balanced head's do (give_last_company); *alone when they cannot. Justified
 * text keeps its last line as it falls. On a full page (full_page) the last line may be as
 * short as it falls, as a paragraph's last line is, so long as no line above it is
 * narrower than half the widest (*short_last: such a setting was taken, which setpara.c
 * holds to the ragged bound the breaker's lines had, else asks again without full_page):
 * a list item of two lines set in three then reads "... / ... किया / जा सकेगा;", and the
 * column that needed the line ends at the foot; "... one seat / of seven." rather than a
 * short first line. A last page keeps every line at half the widest or more. */
ink_status_t
ink__loose_company (lay_t *L, setpara_t *p, bool full_page, bool *alone, bool *short_last)
{
  size_t n = p->para.lines.n;
  *alone = *short_last = false;
  if (p->po.align == INK_PARA_JUSTIFY || n < 2 || !p->po.nwidths ||
      !lone_word (p, &p->para.lines.v[n - 1]) || lone_word (p, &p->para.lines.v[n - 2]))
    return INK_OK;
  ink__para_opts_t po = p->po;
  po.looseness = 0;
  trial_t tr;
  if (!trial_init (L, p, p->po.widths[p->po.nwidths - 1], &tr))
    return oom (L);
  ink_status_t st = give_last_company (L, p, &po, &tr, full_page);
  *short_last = st == INK_OK && full_page && !lone_word (p, &p->para.lines.v[n - 1]) && ragged (p);
  ink__free (L->ctx, tr.widths, n * sizeof *tr.widths);
  *alone = st == INK_OK && lone_word (p, &p->para.lines.v[n - 1]);
  return st;
}
