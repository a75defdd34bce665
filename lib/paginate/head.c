/* paginate/head: the head across the columns on page 1: kicker, headline, deck, byline and
 * date, and the rule under them; the lead picture goes under them (leadpic.c). */
#include "layout-internal.h"

#include <stdio.h>
#include <string.h>

/* The head's parts as set: kicker, headline, deck and byline, each NULL when absent. */
enum { HEAD_PARTS = 4 };
typedef struct {
  int role[HEAD_PARTS];
  setpara_t *p[HEAD_PARTS];
} head_t;

/* Places line k of a head part at *y across the columns. A head taller than the page goes on
 * to the next page; when no page is left, its characters are counted as overflow. */
static ink_status_t
head_line (lay_t *L, setpara_t *p, size_t k, int32_t x, int32_t *y)
{
  const ink__line_t *ln = &p->para.lines.v[k];
  int32_t h = ink__line_height (p, ln);
  ink_status_t st;
  if (!L->full && *y + h > L->bottom && *y > L->top) {
    if ((st = ink__new_page (L)) != INK_OK)
      return st;
    *y = L->top;
  }
  if (L->full) {
    size_t s = ln->start > p->body_start ? ln->start : p->body_start;
    size_t e = ln->end < p->body_end ? ln->end : p->body_end;
    L->doc->overflow_chars += e > s ? ink__utf8_count (p->text + s, e - s) : 0;
    if (!L->head_overflow)
      L->doc->overflow_blocks++;
    L->head_overflow = true;
    return INK_OK;
  }
  if ((st = ink__emit_line (L, p, k, x, *y)) != INK_OK)
    return st;
  *y += h;
  return INK_OK;
}

/* All lines of a head part, from *y down, their measure's left edge at x. */
ink_status_t
ink__head_lines (lay_t *L, setpara_t *p, int32_t x, int32_t *y)
{
  ink_status_t st;
  for (size_t k = 0; p && k < p->para.lines.n; k++)
    if ((st = head_line (L, p, k, x, y)) != INK_OK)
      return st;
  return INK_OK;
}

/* The byline's text: the author, then the date; false when there is neither. */
static bool
byline_text (lay_t *L, const char **body, const char **sfx, char *suffix, size_t size)
{
  const ink_article_t *a = L->a;
  const char *date = ink__date (L);
  if (!((a->author && *a->author) || *date))
    return false;
  *body = a->author ? a->author : "";
  *sfx = NULL;
  if (**body && *date) {
    snprintf (suffix, size, "  %s  %s", ink__separator (L), date);
    *sfx = suffix;
  } else if (!**body) {
    *sfx = date;
  }
  return true;
}

/* Sets the head's parts across the full measure, headline and deck at scale (1: their
 * styles' size), in lines of even length that never end on a lone word. */
static ink_status_t
set_head (lay_t *L, int32_t full, float scale, head_t *h)
{
  const ink_article_t *a = L->a;
  const char *text[HEAD_PARTS] = { a->kicker, a->title, a->deck, NULL };
  const int role[HEAD_PARTS] = { INK_ROLE_KICKER, INK_ROLE_HEADLINE, INK_ROLE_DECK,
                                 INK_ROLE_BYLINE };
  char suffix[96] = "";
  const char *sfx = NULL;
  *h = (head_t) { { 0 }, { NULL } };
  for (int i = 0; i < HEAD_PARTS; i++) {
    h->role[i] = role[i];
    if (role[i] == INK_ROLE_BYLINE && !byline_text (L, &text[i], &sfx, suffix, sizeof suffix))
      continue;
    if (!text[i] || (!*text[i] && role[i] != INK_ROLE_BYLINE))
      continue;
    setpara_opts_t opts = { 0 };
    opts.balance = role[i] == INK_ROLE_HEADLINE || role[i] == INK_ROLE_DECK;
    opts.scale = opts.balance && scale < 1 ? scale : 0;
    ink_status_t st = ink__set_para (L, role[i], -1, NULL, text[i], strlen (text[i]),
                                     role[i] == INK_ROLE_BYLINE ? sfx : NULL, NULL, 0, full, 0,
                                     role[i] == INK_ROLE_BYLINE ? NULL : &opts, &h->p[i]);
    if (st != INK_OK)
      return st;
  }
  return INK_OK;
}

/* Where each part goes: the space its style puts before it (not before the first of kicker,
 * headline and deck), its lines, the space after. Placed from *y when place, else *y only
 * moves as far as placing would move it. */
static ink_status_t
stack_head (lay_t *L, const head_t *h, bool place, int32_t *y)
{
  bool first = true;
  for (int i = 0; i < HEAD_PARTS; i++) {
    setpara_t *p = h->p[i];
    if (!p)
      continue;
    const ink__style_t *s = &L->t->styles[h->role[i]];
    if (!first || h->role[i] == INK_ROLE_BYLINE)
      *y += PX (s->space_before_px);
    first = false;
    ink_status_t st = INK_OK;
    if (place)
      st = ink__head_lines (L, p, L->left, y);
    else
      *y += ink__lines_height (p, 0, p->para.lines.n);
    if (st != INK_OK)
      return st;
    *y += PX (s->space_after_px);
  }
  return INK_OK;
}

/* How much smaller, at most, a headline or deck is set to give its last word company, in
 * steps of LONE_STEP of its style's size. */
#define LONE_STEPS 2
#define LONE_STEP 0.05f

/* Whether line ln of p holds whole words: it begins one (the text's start, or after a space).
 * A word too long for the line is broken without a hyphen, and its pieces hold none. */
static bool
whole_words (const setpara_t *p, const ink__line_t *ln)
{
  return ln->start == 0 || p->text[ln->start - 1] == ' ' || p->text[ln->start] == ' ';
}

/* Whether the headline or the deck of h ends on a line of one short word, less than half as
 * wide as the line above it, which holds whole words: a long last word ("commanders") reads
 * as a line of its own, and the pieces of a word too long for a line cannot be helped. */
static bool
head_ends_lone (const head_t *h)
{
  for (int i = 0; i < HEAD_PARTS; i++) {
    const setpara_t *p = h->p[i];
    if (!p || (h->role[i] != INK_ROLE_HEADLINE && h->role[i] != INK_ROLE_DECK) ||
        p->para.lines.n < 2 || !ink__ends_lone (p))
      continue;
    const ink__line_t *last = &p->para.lines.v[p->para.lines.n - 1];
    if ((int64_t) last->width * 2 < (int64_t) last[-1].width && whole_words (p, &last[-1]))
      return true;
  }
  return false;
}

/* Frees the parts of head h, taking them out of L->paras. */
static void
drop_head (lay_t *L, const head_t *h)
{
  size_t to = 0;
  for (size_t k = 0; k < L->paras.n; k++) {
    bool part = false;
    for (int i = 0; i < HEAD_PARTS; i++)
      part |= h->p[i] == L->paras.v[k];
    if (part)
      ink__setpara_free (L, L->paras.v[k]);
    else
      L->paras.v[to++] = L->paras.v[k];
  }
  L->paras.n = to;
}

/* A headline or deck whose last, short word no setting at its size gives company, because the
 * word before it and it are wider together than the measure ("через Монастирський / острів" on
 * reader-6), set a step or two smaller, as a make-up editor takes a point off a head rather
 * than leave a word alone under it: the first size at which neither ends on one word and the
 * head is no taller is kept. */
static ink_status_t
company_by_size (lay_t *L, int32_t full, head_t *h)
{
  if (!head_ends_lone (h))
    return INK_OK;
  int32_t was = L->top;
  ink_status_t st = stack_head (L, h, false, &was);
  for (int k = 1; st == INK_OK && k <= LONE_STEPS; k++) {
    float s = L->head_at.scale - LONE_STEP * (float) k;
    if (s < INK_HEAD_MIN_SCALE - 0.01f)
      break;
    head_t t;
    int32_t y = L->top;
    if ((st = set_head (L, full, s, &t)) == INK_OK)
      st = stack_head (L, &t, false, &y);
    if (st == INK_OK && !head_ends_lone (&t) && y <= was) {
      drop_head (L, h);
      *h = t;
      L->head_at.scale = s;
      return INK_OK;
    }
    drop_head (L, &t);
  }
  return st;
}

/* The head set so that it leaves room on page 1 for HEAD_ROOM_LINES body lines under it (or,
 * where the plan asks it, L->order.head_room for the article's first float: floatorder.c): at
 * its styles' size when it does, else with headline and deck a tenth smaller at a time, down
 * to INK_HEAD_MIN_SCALE (kept even when still too tall), as a make-up editor fits a long head to
 * a small page rather than send its last words to page 2. */
#define HEAD_ROOM_LINES 3
static ink_status_t
set_fitted_head (lay_t *L, int32_t full, head_t *h)
{
  /* Under the head: the rule and its space (ink__place_head), then the lines, each up to a
   * step more for the grid the first one snaps to. */
  float lead = L->t->styles[INK_ROLE_BODY].leading_px;
  int32_t under = (HEAD_ROOM_LINES + 1) * PX (lead);
  under = L->order.head_room > under ? L->order.head_room : under;
  int32_t room = L->bottom - L->top - PX (8 + 3 + lead * 0.75f) - under;
  float s0 = L->order.head_scale > 0 ? L->order.head_scale : 1;
  for (float s = s0;; s -= 0.1f) {
    size_t n0 = L->paras.n;
    int32_t y = L->top;
    ink_status_t st = set_head (L, full, s, h);
    if (st == INK_OK)
      st = stack_head (L, h, false, &y);
    if (st != INK_OK || y - L->top <= room || s - 0.1f < INK_HEAD_MIN_SCALE - 0.01f) {
      L->head_at.scale = s;
      return st == INK_OK ? company_by_size (L, full, h) : st;
    }
    /* Too tall: this setting goes, so that only what is placed is read for missing glyphs. */
    for (size_t k = n0; k < L->paras.n; k++)
      ink__setpara_free (L, L->paras.v[k]);
    L->paras.n = n0;
  }
}

/* The head's parts placed from *y down, the rule under them; *y goes to where the columns (or
 * the lead picture) begin. The parts are noted in L->head_at, to set them again. */
static ink_status_t
place_parts (lay_t *L, const head_t *h, int32_t *y)
{
  ink_status_t st;
  int32_t full = L->right - L->left;
  for (int i = 0; i < HEAD_PARTS; i++)
    L->head_at.p[i] = h->p[i];
  L->head_at.placed = !L->full;
  if ((st = stack_head (L, h, true, y)) != INK_OK)
    return st;
  int32_t rule = PX (L->t->dpi >= 200 ? 3 : 2);
  *y += PX (8);
  if (*y + rule > L->bottom)
    *y = L->bottom - rule;   /* a head that filled the page: the rule closes it */
  if (!L->full && (st = ink__emit_box (L, INK_ITEM_RULE, NULL, L->left, *y, full, rule, 0, -1)) != INK_OK)
    return st;
  *y += rule + PX (L->t->styles[INK_ROLE_BODY].leading_px * 0.75f);
  return INK_OK;
}

/* Paragraph p, a part of the head set before, freed and taken out of the set paragraphs (so
 * that only what is placed is read for missing glyphs); nothing when it is no longer there. */
static void
drop_part (lay_t *L, setpara_t *p)
{
  for (size_t j = 0; p && j < L->paras.n; j++)
    if (L->paras.v[j] == p) {
      memmove (L->paras.v + j, L->paras.v + j + 1, (L->paras.n - j - 1) * sizeof *L->paras.v);
      L->paras.n--;
      ink__setpara_free (L, p);
      return;
    }
}

/**
 * ink__head_again:
 * @L: the layout, the head placed on page 1 (L->head_at.placed) with no lead picture
 * @scale: its headline and deck's size, of their styles'
 * @top: (out): where the columns begin under it
 *
 * Sets the head again with headline and deck at @scale and places it on page 1: what the page
 * holds after it is dropped (the page is flowed again from the new top).
 *
 * Return value: INK_OK, or the error that stopped it.
 */
ink_status_t
ink__head_again (lay_t *L, float scale, int32_t *top)
{
  ink_document_t *doc = L->doc;
  ink__page_t *pg = &doc->pages.v[0];
  doc->items.n = L->head_at.items;
  doc->glyphs.n = L->head_at.glyphs;
  doc->lines.n = L->head_at.lines;
  doc->text.n = L->head_at.text;
  doc->missing = L->head_at.missing;
  doc->pages.n = 1;
  pg->ni = L->head_at.items - pg->i0;
  pg->nl = L->head_at.lines - pg->l0;
  L->page = 0;
  L->full = false;
  for (int i = 0; i < HEAD_PARTS; i++) {
    drop_part (L, L->head_at.p[i]);
    L->head_at.p[i] = NULL;
  }
  head_t h;
  int32_t y = L->top;
  ink_status_t st = set_head (L, L->right - L->left, scale, &h);
  if (st == INK_OK)
    st = place_parts (L, &h, &y);
  L->head_at.scale = scale;
  doc->pages.v[0].body_top = *top = y;   /* a head past the page adds pages, moving them */
  return st;
}

/* The head: kicker, headline, deck, byline and date, across all columns on page 1; a rule
 * under it, then the lead picture. The columns begin below. */
ink_status_t
ink__place_head (lay_t *L)
{
  const ink_article_t *a = L->a;
  int32_t full = L->right - L->left;
  ink_status_t st;
  int32_t y = L->top;
  head_t h;
  const ink_document_t *doc = L->doc;
  L->head_at.items = doc->items.n, L->head_at.glyphs = doc->glyphs.n;
  L->head_at.lines = doc->lines.n, L->head_at.text = doc->text.n;
  L->head_at.missing = doc->missing;
  if ((st = set_fitted_head (L, full, &h)) != INK_OK || (st = place_parts (L, &h, &y)) != INK_OK)
    return st;
  if (a->image && a->image->width && a->image->height && !L->full &&
      (st = ink__place_lead (L, &y)) != INK_OK)
    return st;
  if (L->lead_in_column && (st = ink__lead_in_column (L, y)) != INK_OK)
    return st;
  L->col_top = y;
  L->y = y;
  L->doc->pages.v[L->page].body_top = y;
  ink__take_snap (L, y);
  return INK_OK;
}
