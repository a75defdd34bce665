/* para/items: the paragraph as Knuth–Plass items. Break opportunities (UAX #14 with
 * kinsoku, Thai words) and hyphenation points become a box per piece of text between
 * opportunities, glue for spaces, penalties for hyphens and for emergency breaks at cluster
 * boundaries inside words too wide to fit. */
#include "para-internal.h"

/* What a break between two CJK characters costs in ragged text, against 0 at a space (the
 * breaker's demerits add its square): about what a line a fifth shorter costs. */
#define RAGGED_CJK_PENALTY 200
/* What a break between two phrases of such text costs (ink__script_phrase_break): less than
 * one inside a word, so that a line ends between phrases where it can, but the squares of two
 * more than one inside a word's, so that a head takes no line more to break between phrases
 * twice rather than inside a word once: "休息点和|饮水设施" in a deck of two lines. */
#define RAGGED_PHRASE_PENALTY 150
/* A break between phrases that no dictionary confirms (before a Chinese conjunction, "噪声|和
 *拆迁"): dearer than one at punctuation or after a kana particle, cheaper than inside a word. */
#define RAGGED_GUESSED_PENALTY 175
/* A break inside a word that also leaves one character alone beside punctuation
 * ("通车，汉|阳"): dearer still. */
#define RAGGED_ALONE_PENALTY 300
/* A break at a hyphenation point, and one inside a word too wide for the line. */
#define HYPHEN_PENALTY 50
#define EMERGENCY_PENALTY 1000
/* A break between two clusters of a word that has hyphenation points: dearer than those
 * points even where a style does not hyphenate and its points cost EMERGENCY_PENALTY, so
 * that the emergency pass breaks "Inves-tition", not "Inve-stiti-on", and fills its lines
 * better at the points' price only where a stretch between two is too wide for the line. */
#define SPLIT_PENALTY 3000
/* A line held together (ink__para_opts_t.held_until, a comment's author line): a break in
 * what comes after the held bytes (the meta) costs more than any line ratio the first pass
 * accepts (badness 6400 at 4), so the line breaks after the separator whenever that fits;
 * a break inside the held bytes (the name) costs more still. A no-break space after them
 * is a break only in the emergency pass, before a word is cut between its letters. */
#define META_PENALTY 7000
#define HELD_PENALTY 8000
#define TIE_PENALTY 900
/* A break between a number and the word it counts or names in running text, a list or a
 * table's cell (ink__number_tie; display lines have none, ink__para_opts_t.tie_numbers):
 * twice a hyphen's, so that a line ends on "15" and begins with "December" only when that
 * sets the column clearly better. */
#define NUMBER_TIE_PENALTY 100

static bool
push (builder_t *b, ink__kp_item_t it, size_t end_here, size_t next_start, bool hyphen)
{
  item_pos_t p = { end_here, next_start, hyphen };
  return ink__vec_push (b->ctx, &b->items, it) && ink__vec_push (b->ctx, &b->pos, p);
}

static bool
push_box (builder_t *b, int64_t w, size_t at)
{
  /* Adjacent boxes merge: the breaker needs no boundary where no break is allowed. */
  if (b->items.n && b->items.v[b->items.n - 1].kind == INK_KP_BOX) {
    ink__kp_item_t *last = &b->items.v[b->items.n - 1];
    last->width = ink__width_clamp (last->width + w);
    return true;
  }
  ink__kp_item_t it = { 0 };
  it.kind = INK_KP_BOX;
  it.width = ink__width_clamp (w);
  return push (b, it, at, at, false);
}

/* The stretch between two clusters inside a word (Thai, Khmer...): glue after a penalty of
 * INK_KP_INF, so that it is no breakpoint, and dropped after a break just before it. */
static bool
push_gap (builder_t *b, int64_t *acc, int32_t gap, size_t at)
{
  if (*acc && !push_box (b, *acc, at))
    return false;
  *acc = 0;
  ink__kp_item_t pen = { 0 }, glue = { 0 };
  pen.kind = INK_KP_PENALTY;
  pen.penalty = INK_KP_INF;
  glue.kind = INK_KP_GLUE;
  glue.stretch = gap;
  return push (b, pen, at, at, false) && push (b, glue, at, at, false);
}

/* Glue stretch or shrink: finite (INK_KP_FIL and above would be infinite stretch). */
static int32_t
glue_amount (int64_t v)
{
  return v >= INK_KP_FIL ? INK_KP_FIL - 1 : v < 0 ? 0 : (int32_t) v;
}

/* The space-delimited word holding byte a, and what it is (lib/text/address.c): only a plain
 * word may be hyphenated. Pieces come in order, so each word is looked at once. */
typedef struct {
  size_t start, end;
  ink__word_kind_t kind;
} word_t;

static ink__word_kind_t
word_kind (const char *text, size_t len, size_t a, word_t *w)
{
  if (a >= w->start && a < w->end)
    return w->kind;
  size_t e = a;
  for (size_t next = a; e < len; e = next) {
    uint32_t c;
    if (!ink__utf8_next (text, len, &next, &c) || is_space (c) || c == '\n' || c == 0x2028)
      break;
  }
  w->start = a;
  w->end = e;
  w->kind = ink__word_kind (text + a, w->end - a);
  return w->kind;
}

/* Where the second-to-last character of text starts that may start a line and is a letter
 * or a digit (not a space, not punctuation: a Korean "다." is one character), or 0. */
static size_t
last_characters (const char *text, size_t len)
{
  size_t seen = 0;
  for (size_t k = len; k > 0;) {
    k = cp_before (text, 0, k);
    uint32_t c = cp_at (text, len, k);
    bool counts = ink__is_word_letter (c) || (c >= '0' && c <= '9');
    if (counts && !ink__script_no_line_start (c) && ++seen == 2)
      return k;
  }
  return 0;
}

/* Whether the stretch of the word from byte from to its next hyphenation point (or its end,
 * w_end) is wider than w. points[k - a] is the point after byte k. */
static bool
wide_stretch (const int32_t *adv, const uint8_t *points, size_t a, size_t from, size_t w_end,
              int64_t w)
{
  int64_t acc = 0;
  for (size_t k = from; k < w_end; k++) {
    acc += adv[k];
    if (points && points[k - a] && k + 1 < w_end)
      break;
  }
  return acc > w;
}

/* Whether the word starting at byte a is in a language and script that hyphenate. */
static bool
hyphenating (ink__hyphenator_t *hy, const char *lang, const char *text, size_t len, size_t a)
{
  return ink__script_of_cp (cp_at (text, len, a))->hyphenate &&
         ink__hyphen_patterns (hy, lang) == INK_HYPH_PATTERNS;
}

/* The bytes of the points of a word kept on the stack: longer words take a block. */
#define WORD_ROOM 64

/* The hyphenation points of the word [a, w_end) without its leading and trailing
 * punctuation (quotes, commas): *points (w_end - a bytes, 1 after a byte a line may end
 * at with a hyphen; room when that is WORD_ROOM bytes or fewer) and their count in *n. False
 * when out of memory. */
static bool
word_points (builder_t *b, const char *text, size_t len, size_t a, size_t w_end,
             const char *lang, ink__hyphenator_t *hy, uint8_t *room, uint8_t **points, size_t *n)
{
  *points = w_end - a <= WORD_ROOM ? room : ink__realloc (b->ctx, NULL, 0, w_end - a);
  if (!*points)
    return false;
  size_t wa = a, we = w_end;
  while (wa < we && ((unsigned char) text[wa] < 0x80) && !((text[wa] | 32) >= 'a' && (text[wa] | 32) <= 'z'))
    wa++;
  while (we > wa) {
    size_t k = cp_before (text, wa, we);
    uint32_t c = cp_at (text, len, k);
    if (ink__is_word_letter (c))
      break;
    we = k;
  }
  memset (*points, 0, w_end - a);
  *n = 0;
  if (we > wa && ink__script_of_cp (cp_at (text, len, wa))->hyphenate)
    *n = ink__hyphenate (hy, lang, text + wa, we - wa, 0, 0, 0, *points + (wa - a));
  return true;
}

/* The points of a tag (ink__tag_points: its capitals, then its parts' syllables) or of an
 * address piece (its syllables, as word_points finds them), at which an emergency break
 * shows no hyphen; as word_points. */
static bool
bare_points (builder_t *b, const char *text, size_t len, size_t a, size_t w_end,
             ink__word_kind_t kind, const char *lang, ink__hyphenator_t *hy, uint8_t *room,
             uint8_t **points, size_t *n)
{
  if (kind == INK_WORD_ADDRESS)
    return !hy || word_points (b, text, len, a, w_end, lang, hy, room, points, n);
  *points = w_end - a <= WORD_ROOM ? room : ink__realloc (b->ctx, NULL, 0, w_end - a);
  if (!*points)
    return false;
  size_t s = a;   /* the tag's '#' or '@', after any bracket or quote */
  while (s < w_end && text[s] != '#' && text[s] != '@')
    s++;
  memset (*points, 0, w_end - a);
  *n = s < w_end ? ink__tag_points (hy, lang, text + s, w_end - s, *points + (s - a)) : 0;
  return true;
}

/* Takes the syllables (2) out of the parts of a tag [a, w_end) between its points (1) that
 * fit a line of width w: only a part wider than the line is cut inside. */
static void
wide_parts_only (const int32_t *adv, uint8_t *points, size_t a, size_t w_end, int64_t w)
{
  for (size_t s = a, e; s < w_end; s = e) {
    int64_t acc = 0;
    for (e = s; e < w_end && !(e > s && points[e - 1 - a] == 1); e++)
      acc += adv[e];
    for (size_t k = s; acc <= w && k < e; k++)
      points[k - a] = points[k - a] == 2 ? 0 : points[k - a];
  }
}

/* Fewest letters an emergency break that shows a hyphen leaves on either side of it: as a
 * hyphenation point does in the languages that allow least ("Воз-раст", not "Возрас-т"). */
#define EMERGENCY_LETTERS 2

/* The letters (ink__is_word_letter) of text [a, e). */
static size_t
letters_in (const char *text, size_t len, size_t a, size_t e)
{
  size_t n = 0;
  for (size_t k = a; k < e; k++)
    n += ((unsigned char) text[k] & 0xC0) != 0x80 && ink__is_word_letter (cp_at (text, len, k));
  return n;
}

/* Whether a line may not start with cp: a hyphen (it would read as a minus, "-0001") or the
 * punctuation that ends a word or a clause. */
static bool
no_line_start (uint32_t cp)
{
  return cp == '-' || cp == 0x2010 || cp == 0x2011 || cp == '.' || cp == ',' || cp == ';' ||
         cp == ':' || cp == '!' || cp == '?';
}

/* Whether an emergency break may go before byte at, inside a word [a, ...): not where
 * kinsoku forbids one, nor after an opening bracket or before a closing one ("票价（" /
 * "往返）", "(" / "2024)"), nor before a hyphen or a full stop ("ZÜV" / "-0001"), nor either
 * side of a no-break space (a line would start with the space, " Pointe-Rouge", or end on
 * it). */
static bool
emergency_may (const char *text, size_t len, size_t a, size_t at)
{
  uint32_t prev = cp_at (text, len, cp_before (text, a, at)), next = cp_at (text, len, at);
  return !ink__kinsoku_holds (prev, next) && !no_line_start (next) && prev != '(' &&
         prev != '[' && prev != '{' &&
         next != ')' && next != ']' && next != '}' && prev != 0xA0 && next != 0xA0 &&
         prev != 0x202F && next != 0x202F;
}

/* The figure (ink__figure_end) starting at byte k of a word [a, w_end): bytes [k, end), and
 * whether it is wider than the line with what no emergency break parts from it ("(2024)"),
 * which only then is cut inside; else a line that could not take it would run past its
 * measure, and the exact fill would cut it anywhere, brackets and all ("(2024" / ")"). */
typedef struct {
  size_t end;
  bool wide;
} figure_t;

static void
figure_at (const char *text, size_t len, size_t a, size_t w_end, const int32_t *adv, size_t k,
           int32_t line, figure_t *f)
{
  f->end = ink__figure_end (text, w_end, k);
  if (f->end == k)
    return;
  size_t s = k, e = f->end;
  while (s > a && !emergency_may (text, len, a, s))
    s = cp_before (text, a, s);
  uint32_t c;
  while (e < w_end && !emergency_may (text, len, a, e) && ink__utf8_next (text, len, &e, &c))
    ;
  int64_t w = 0;
  for (size_t i = s; i < e; i++)
    w += adv[i];
  f->wide = w > line;
}

/* Whether byte k ends a no-break space that the emergency pass may break at: one after the
 * held bytes of o (a comment's meta, its short parts tied). */
static bool
soft_tie (const ink__para_opts_t *o, const char *text, size_t len, size_t k)
{
  return o->held_until && k > o->held_until && k < len && (unsigned char) text[k] == 0xA0 &&
         (unsigned char) text[k - 1] == 0xC2;
}

/* What a break that ends a line at byte at costs beyond the break itself, in a line with
 * held bytes (o->held_until): a comment's author name breaks last, its meta after the
 * separator, the line first just after the separator. */
static int32_t
held_cost (const ink__para_opts_t *o, size_t at)
{
  if (!o->held_until || at == o->held_until)
    return 0;
  return at < o->held_until ? HELD_PENALTY : META_PENALTY;
}

/* Whether an emergency break before byte at of a word [a, ...) shows a hyphen: in a word
 * that is dashed, only between two letters (a figure too wide, "14.500", breaks bare). */
static bool
dash_at (const char *text, size_t len, size_t a, size_t at, bool dashed)
{
  return dashed && ink__is_word_letter (cp_at (text, len, cp_before (text, a, at))) &&
         ink__is_word_letter (cp_at (text, len, at));
}

/* Builds the item list. adv[k] is the advance of the cluster starting at byte k. *reach says
 * which narrowest lines would give the same items. */
ink_status_t
ink__para_items (builder_t *b, ink__shaped_t *sh, const ink__para_opts_t *o, const int32_t *adv,
             const uint8_t *brks, const uint8_t *cstart, ink__hyphenator_t *hy,
             items_reach_t *reach)
{
  const char *text = sh->text;
  size_t len = sh->len;
  bool justify = o->align == INK_PARA_JUSTIFY;
  int32_t narrow = ink__para_narrow (o);
  *reach = (items_reach_t) { narrow, 0, 0, false };
  size_t last_two = last_characters (text, len);
  /* Pieces: [a, e) of text up to and including a break opportunity. */
  size_t a = 0;
  word_t word = { 0, 0, INK_WORD_PLAIN };
  while (a < len) {
    size_t e = a;
    while (e < len && !(brks[e] == INK_BRK_MUST || brks[e] == INK_BRK_ALLOW) &&
           !soft_tie (o, text, len, e))
      e++;
    bool tie = soft_tie (o, text, len, e);
    e = e < len ? e + 1 : len;
    bool must = e <= len && e > 0 && brks[e - 1] == INK_BRK_MUST && e < len;
    /* Trailing spaces of the piece become glue. */
    size_t w_end = e;
    while (w_end > a) {
      size_t k = cp_before (text, a, w_end);
      uint32_t c = cp_at (text, len, k);
      if (!is_space (c) && c != '\n' && c != 0x2028 && !(tie && c == 0xA0))
        break;
      w_end = k;
    }
    /* The word's box, with hyphenation points and, for words too wide for the narrowest
     * line, emergency breaks at cluster boundaries. */
    int64_t word_w = 0;   /* int64_t: a million wide letters pass 2^31 (lib/para/width.h) */
    for (size_t k = a; k < w_end; k++)
      word_w += adv[k];
    ink__word_kind_t kind = w_end > a ? word_kind (text, len, a, &word) : INK_WORD_PLAIN;
    bool plain = w_end > a && kind == INK_WORD_PLAIN;
    /* An address breaks at its own punctuation: only a piece wider than a line needs more,
     * and so does any word of a head set with whole words. */
    int64_t too_wide = plain && !o->whole_words ? narrow / 2 : narrow;
    bool emergency = word_w > too_wide;
    int64_t *widest = plain && !o->whole_words ? &reach->half : &reach->full;
    if (word_w > *widest)
      *widest = word_w;
    reach->cut |= emergency;
    uint8_t room[WORD_ROOM];
    uint8_t *points = NULL;
    size_t npoints = 0;
    /* A style that does not hyphenate (a head) breaks a word too wide for its lines at the
     * word's hyphenation points too, but only in the emergency pass, at its price. */
    if (plain && hy && (o->hyphenate || emergency) &&
        !word_points (b, text, len, a, w_end, o->lang, hy, room, &points, &npoints))
      return ink__error (b->ctx, INK_NO_MEMORY, "out of memory");
    /* A tag or an address too wide for the line is cut where it shows its parts (a tag's
     * capitals, an address piece's syllables), with no hyphen: lib/text/wordcuts.c. Only a
     * style that hyphenates looks for syllables: a balanced deck's narrower trials took one
     * inside an address that its full measure set whole, and a last line of "pdf". */
    bool bare = emergency && (kind == INK_WORD_TAG || kind == INK_WORD_ADDRESS);
    if (bare && !bare_points (b, text, len, a, w_end, kind, o->lang, o->hyphenate ? hy : NULL,
                              room, &points, &npoints))
      return ink__error (b->ctx, INK_NO_MEMORY, "out of memory");
    if (bare && kind == INK_WORD_TAG && points)
      wide_parts_only (adv, points, a, w_end, too_wide);
    /* An emergency break in a language that hyphenates shows a hyphen too. */
    bool dashed = emergency && plain && hy && hyphenating (hy, o->lang, text, len, a);
    const ink__run_t *run = ink__para_run_at (sh, a);
    uint32_t hgid;
    int32_t hw = (npoints && !bare) || dashed ? ink__para_hyphen_width (sh, run, &hgid) : 0;
    int64_t acc = 0;
    int32_t last_adv = 0;
    size_t cl = a;   /* the cluster k is in */
    /* Emergency breaks only where hyphenation points leave a stretch too wide. */
    bool wide = emergency && wide_stretch (adv, points, a, a, w_end, too_wide);
    size_t letters = dashed ? letters_in (text, len, a, w_end) : 0, seen = 0;
    figure_t fig = { 0, false };
    for (size_t k = a; k < w_end; k++) {
      if (emergency && k >= fig.end)
        figure_at (text, len, a, w_end, adv, k, narrow, &fig);
      acc += adv[k];
      seen += dashed && ((unsigned char) text[k] & 0xC0) != 0x80 &&
              ink__is_word_letter (cp_at (text, len, k));
      if (adv[k])
        last_adv = adv[k];
      bool last = k + 1 == w_end, dash = false;
      if (last)
        break;
      if (npoints && points[k - a] && cstart[k + 1]) {
        if (!push_box (b, acc, k + 1))
          goto oom;
        acc = 0;
        ink__kp_item_t it = { 0 };
        it.kind = INK_KP_PENALTY;
        it.width = bare ? 0 : hw;
        /* A tag's syllable (2) is dearer than its capitals: "#Landtag" / "LiveTicker". */
        it.penalty = o->hyphenate && !bare ? HYPHEN_PENALTY
                     : points[k - a] == 2  ? SPLIT_PENALTY
                                           : EMERGENCY_PENALTY;
        it.flagged = !bare;
        it.hyphen = !bare;
        it.emergency = !o->hyphenate || bare;
        if (!push (b, it, k + 1, k + 1, !bare))
          goto oom;
        wide = emergency && wide_stretch (adv, points, a, k + 1, w_end, too_wide);
      } else if (wide && cstart[k + 1] && emergency_may (text, len, a, k + 1) &&
                 (k + 1 >= fig.end || fig.wide) &&
                 (!(dash = dash_at (text, len, a, k + 1, dashed)) ||
                  (seen >= EMERGENCY_LETTERS && letters - seen >= EMERGENCY_LETTERS))) {
        if (!push_box (b, acc, k + 1))
          goto oom;
        acc = 0;
        ink__kp_item_t it = { 0 };
        it.kind = INK_KP_PENALTY;
        it.penalty = npoints ? SPLIT_PENALTY : EMERGENCY_PENALTY;
        it.emergency = 1;
        /* Room for the glyph before the break to take its wider final form when the line
         * is reshaped there (joining scripts), or for the hyphen. */
        it.width = dash && hw > last_adv ? hw : last_adv;
        /* A break that shows a hyphen keeps the rules of hyphens (none ending the last full
         * line, nor a column, nor three lines in a row), as a hyphenation point does: else
         * the emergency pass prefers it to the word's own points ("Jäh-rliche"). */
        it.flagged = dash;
        if (!push (b, it, k + 1, k + 1, dash))
          goto oom;
      }
      if (justify && cstart[k + 1]) {
        int32_t gap = ink__para_cluster_gap (sh, cl, k + 1);
        if (gap > 0 && !push_gap (b, &acc, gap, k + 1))
          goto oom;
        cl = k + 1;
      }
    }
    if (points && points != room)
      ink__free (b->ctx, points, w_end - a);
    points = NULL;
    if (w_end > a && !push_box (b, acc, a))
      return ink__error (b->ctx, INK_NO_MEMORY, "out of memory");
    if (e >= len)
      break;
    /* The opportunity itself. */
    int64_t space_w = 0;
    for (size_t k = w_end; k < e; k++)
      space_w += adv[k];
    ink__kp_item_t it = { 0 };
    if (must) {
      /* A hard line break inside the block: end the line ragged. */
      it.kind = INK_KP_GLUE;
      it.stretch = INK_KP_FIL;
      if (!push (b, it, w_end, e, false))
        goto oom;
      ink__kp_item_t pen = { 0 };
      pen.kind = INK_KP_PENALTY;
      pen.penalty = -INK_KP_INF;
      if (!push (b, pen, w_end, e, false))
        goto oom;
    } else if (w_end < e) {
      /* A space of a held line (or its tied meta) breaks at a price: the penalty goes
       * before the glue, which then is no breakpoint of its own. */
      ink__kp_item_t pen = { 0 };
      pen.kind = INK_KP_PENALTY;
      pen.penalty = tie ? TIE_PENALTY : held_cost (o, w_end);
      if (!tie && ink__number_tie (text, len, w_end))
        pen.penalty += NUMBER_TIE_PENALTY;
      pen.emergency = tie;
      if (pen.penalty && !push (b, pen, w_end, e, false))
        goto oom;
      it.kind = INK_KP_GLUE;
      it.width = ink__width_clamp (space_w);
      if (justify) {
        it.stretch = glue_amount (space_w / 2);
        it.shrink = glue_amount (o->tight ? space_w / 2 : space_w / 3);
      } else {
        it.stretch = glue_amount (space_w * 3);
      }
      if (!push (b, it, w_end, e, false))
        goto oom;
    } else {
      /* A break with no space: between CJK characters, after a hyphen or a slash. */
      size_t k = cp_before (text, a, e);
      uint32_t c = cp_at (text, len, k);
      ink__justify_t how = ink__script_of_cp (c)->justify;
      /* Ragged CJK text, or a word of other characters that runs on into it ("11.5|万"). */
      uint32_t next = e < len ? cp_at (text, len, e) : 0;
      bool runs_on = next && ink__script_of_cp (next)->justify == INK_JUSTIFY_CJK &&
                     !ink__script_phrase_break (c, next);
      /* Ragged Thai, Lao, Khmer or Myanmar: a break between two dictionary words, which
       * such text sets apart with a space between its phrases ("อีกครั้ง หลังพบ"). */
      ink__words_t words = ink__script_of_cp (c)->words;
      bool dict_words = how == INK_JUSTIFY_CLUSTERS && words != INK_WORDS_SPACE &&
                        words != INK_WORDS_NONE;
      bool ragged_cjk = !justify && (how == INK_JUSTIFY_CJK || runs_on || dict_words);
      if (how == INK_JUSTIFY_CJK && e > last_two) {
        /* No break that would leave one character alone on the last line ("る。"): the
         * glue after the penalty is no breakpoint either. A later pass stretches the lines
         * before instead, or leaves one short. */
        ink__kp_item_t pen = { 0 };
        pen.kind = INK_KP_PENALTY;
        pen.penalty = INK_KP_INF;
        if (!push (b, pen, e, e, false))
          goto oom;
      } else if (ragged_cjk) {
        /* A ragged line (a head, a deck, a pull quote) ends between two characters only
         * when that sets the lines clearly better than at a space, which such text puts
         * between its phrases: "步道全线贯通 市民" breaks at the space, not inside 贯通, and
         * "ปะการังฟอกขาว รุนแรง" at the space, not between the dictionary's ฟอก and ขาว.
         * Between two phrases (ink__script_head_break: "観光客の|集中対策") it costs less,
         * and more where it leaves a character alone beside punctuation. */
        ink__kp_item_t pen = { 0 };
        pen.kind = INK_KP_PENALTY;
        static const int32_t by_cost[] = { RAGGED_PHRASE_PENALTY, RAGGED_GUESSED_PENALTY,
                                           RAGGED_CJK_PENALTY, RAGGED_ALONE_PENALTY };
        pen.penalty = by_cost[ink__script_head_break (text, len, e)] + held_cost (o, e);
        if (!push (b, pen, e, e, false))
          goto oom;
      }
      if (how == INK_JUSTIFY_CJK || how == INK_JUSTIFY_CLUSTERS) {
        it.kind = INK_KP_GLUE;
        if (how == INK_JUSTIFY_CLUSTERS && justify)
          it.stretch = ink__para_cluster_gap (sh, cl, e);   /* as between any two clusters */
        else if (how == INK_JUSTIFY_CJK && !justify)
          it.stretch = glue_amount (adv[k] + 1);   /* a ragged line may end well short */
        else
          it.stretch = glue_amount (adv[k] / (how == INK_JUSTIFY_CLUSTERS ? 2 : 4) + 1);
        it.shrink = 0;
        if (!push (b, it, e, e, false))
          goto oom;
      } else if (!ragged_cjk) {   /* else the penalty above is the break */
        it.kind = INK_KP_PENALTY;
        it.penalty = held_cost (o, e);
        if (!push (b, it, e, e, false))
          goto oom;
      }
    }
    a = e;
    continue;
  oom:
    if (points && points != room)
      ink__free (b->ctx, points, w_end - a);
    return ink__error (b->ctx, INK_NO_MEMORY, "out of memory");
  }
  /* Finish: the last line is ragged. */
  ink__kp_item_t fin = { 0 };
  fin.kind = INK_KP_GLUE;
  fin.stretch = INK_KP_FIL;
  ink__kp_item_t end = { 0 };
  end.kind = INK_KP_PENALTY;
  end.penalty = -INK_KP_INF;
  if (!push (b, fin, len, len, false) || !push (b, end, len, len, false))
    return ink__error (b->ctx, INK_NO_MEMORY, "out of memory");
  return INK_OK;
}
