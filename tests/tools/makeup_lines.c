/* makeup_lines.c: the line rules of the make-up checker. No hyphen ends a column, a
 * caption stays within its picture's width, a head does not end on a lone word the lines
 * above could give company, and nothing is drawn over anything else. */
#include "makeup_check.h"

#include <math.h>
#include <string.h>

/* How many bytes of s, at most max, end on a character boundary: a quoted excerpt never
 * ends with half a UTF-8 character. */
int utf8_prefix (const char *s, int max)
{
  int n = 0;
  while (n < max && s[n])
    n++;
  if (s[n])
    while (n > 0 && ((unsigned char) s[n] & 0xC0) == 0x80)
      n--;
  return n;
}

void check_foot_hyphens (doc_t *d, page_t *p)
{
  size_t idx[4096];
  for (int c = 0; c < p->ncols; c++) {
    size_t m = column_lines (p, c, NULL, idx, 4096);
    const item_t *it = m ? &p->items[idx[m - 1]] : NULL;
    const char *text = it && it->text ? it->text : "";
    if (it && it->hyphenated && it->foot_hyphen)
      /* The page engine flagged it: no other breaks were as good. Reported, not a fault. */
      note (d, "%s: page %d: note: flagged foot-hyphen: column %d ends on a hyphen: \"%.*s\"\n",
            d->file, p->number, rank (d, p, c) + 1, utf8_prefix (text, 60), text);
    else if (it && it->hyphenated)
      fault (d, p, "foot-hyphen", "column %d ends on a hyphen: \"%.*s\"", rank (d, p, c) + 1,
             utf8_prefix (text, 60), text);
  }
}

/* The picture a caption line belongs to: the image of its block on the page, else the
 * nearest image above it that shares some of its width. */
static const item_t *caption_image (const page_t *p, const item_t *cap)
{
  const item_t *best = NULL;
  for (size_t j = 0; j < p->n; j++) {
    const item_t *im = &p->items[j];
    if (im->kind != ITEM_IMAGE)
      continue;
    if (im->block == cap->block)
      return im;
    if (im->y + im->h <= cap->y + TOL && overlap (im->x, im->x + im->w, cap->x, cap->x + cap->w) > 0 &&
        (!best || im->y + im->h > best->y + best->h))
      best = im;
  }
  return best;
}

void check_caption_widths (doc_t *d, page_t *p)
{
  for (size_t j = 0; j < p->n; j++) {
    const item_t *it = &p->items[j];
    if (!role_is (it, "caption"))
      continue;
    const item_t *im = caption_image (p, it);
    /* A caption beside its picture has the white there for its measure. */
    if (im && it->w > im->w + TOL && it->y >= im->y + im->h - TOL)
      fault (d, p, "wide-caption", "caption line of block %d is %.2f px wide, its picture %.2f",
             it->block, it->w, im->w);
  }
}

/* A last line is a lone word: no space inside it, or for CJK and Thai fewer than 3
 * characters. */
static bool lone_word (const char *text, bool *unspaced)
{
  size_t len = 0, breaks = 0;
  bool gap = false;
  *unspaced = false;
  const char *s = text;
  while (s && *s) {
    unsigned c = mk_next_cp (&s);
    *unspaced |= mk_is_unspaced_cp (c);
    if (mk_is_space_cp (c)) {
      gap = len > 0;
      continue;
    }
    breaks += gap;
    gap = false;
    len++;
  }
  return *unspaced ? len > 0 && len < 3 : breaks == 0 && len > 0;
}

static bool can_give_a_word (const char *text, bool unspaced)
{
  bool dummy;
  size_t kept = mk_count_cps (text, mk_not_space, NULL);
  return unspaced ? kept > 3 : !lone_word (text, &dummy);
}

/* The width a line gives away with its last word: that word and the space before it, as
 * their share of the line's characters (the layout gives no glyph widths). */
static double last_word_width (const item_t *it)
{
  size_t all = 0, last = 0;
  bool gap = false;
  const char *s = it->text;
  while (s && *s) {
    unsigned c = mk_next_cp (&s);
    if (mk_is_space_cp (c)) {
      gap = true;
    } else if (gap) {
      gap = false;
      last = 1;   /* the space before the word */
    }
    last += !mk_is_space_cp (c);
    all++;
  }
  return all ? it->w * (double) last / (double) all : 0;
}

/* The mean width of a character of line it, spaces counted. */
static double mean_char_width (const item_t *it)
{
  size_t all = 0;
  const char *s = it->text;
  while (s && *s) {
    mk_next_cp (&s);
    all++;
  }
  return all ? it->w / (double) all : 0;
}

/* The measure an item's lines are set to: a pull quote's column when it stands in one,
 * else (a head, or a quote across the columns) the text area all the columns span. */
static double measure_of (const page_t *p, const item_t *it)
{
  double lo = p->cols[0].x, hi = p->cols[0].x + p->cols[0].w;
  for (int c = 1; c < p->ncols; c++) {
    lo = fmin (lo, p->cols[c].x);
    hi = fmax (hi, p->cols[c].x + p->cols[c].w);
  }
  if (!role_is (it, "quote"))
    return hi - lo;
  for (int c = 0; c < p->ncols; c++)
    if (it->x >= p->cols[c].x - TOL && it->x + it->w <= p->cols[c].x + p->cols[c].w + TOL)
      return p->cols[c].w;
  return hi - lo;
}

/* A long lone word no line above could give company: a last word at least half as wide as
 * the line above, which with that line's last word would be wider than the measure (a head
 * across the text area: leipzig-tram's "Straßenbahnen", 654 px after "30 längere" in 896; a
 * pull quote in a column: coimbatore-rain.ta's "வேண்டாம்.", 428 px after "செல்ல" in 669).
 * That is no fault: a make-up editor resets a last line of one short word while the lines
 * above have room to give it one. Text without spaces (whose lone "word" is under 3
 * characters) stays checked strictly. The word above is measured by its share of its line's
 * characters, which misses its true width by about a character's: the two are taken to fit
 * only with that much to spare (zaragoza-tranvia.es reader-6: "compensaciones" is 443 px,
 * counted 438, and "compensaciones extraordinarias." is wider than the 896 px column). */
static bool no_company_fits (const page_t *p, const item_t *it, const item_t *above,
                             bool unspaced)
{
  static const char *const CHECKED[] = { "headline", "deck", "quote", NULL };
  if (unspaced || !role_in (it, CHECKED) || p->ncols < 1 || it->w < above->w / 2)
    return false;
  return it->w + last_word_width (above) + mean_char_width (above) > measure_of (p, it) + TOL;
}

/* A headline, deck or pull quote ends on a lone word while the line above could give it
 * company (it holds more than one word, and for a long last word of a head the two would
 * fit the measure): a break a make-up editor would reset. */
void check_heads (doc_t *d, page_t *p)
{
  static const char *const HEADS[] = { "headline", "deck", "quote", NULL };
  for (size_t j = 1; j < p->n; j++) {
    const item_t *it = &p->items[j], *above = &p->items[j - 1];
    const item_t *next = j + 1 < p->n ? &p->items[j + 1] : NULL;
    if (!role_in (it, HEADS) || it->generated || !role_is (above, it->role) ||
        above->block != it->block)
      continue;
    if (next && role_is (next, it->role) && next->block == it->block)
      continue;
    bool unspaced;
    if (lone_word (it->text, &unspaced) && can_give_a_word (above->text, unspaced) &&
        !no_company_fits (p, it, above, unspaced))
      fault (d, p, "one-word-head", "%s ends on a lone word: \"%s\"", it->role, it->text);
  }
}

/* The box an item inks: lines from y to y + height, pictures and rules as given. */
static bool overprints (const item_t *a, const item_t *b)
{
  if (a->kind == ITEM_RULE && b->kind == ITEM_RULE)
    return false;
  if ((a->kind == ITEM_RULE || b->kind == ITEM_RULE) &&
      (a->kind == ITEM_IMAGE || b->kind == ITEM_IMAGE))
    return false;
  return overlap (a->x, a->x + a->w, b->x, b->x + b->w) > TOL &&
         overlap (a->y, a->y + a->h, b->y, b->y + b->h) > TOL;
}

static const char *item_name (const item_t *it)
{
  return it->kind == ITEM_IMAGE ? "image" : it->kind == ITEM_RULE ? "rule" : it->role;
}

void check_overprint (doc_t *d, page_t *p)
{
  double width = d->width > 0 ? d->width : 1e9, height = d->height > 0 ? d->height : 1e9;
  for (size_t a = 0; a < p->n; a++) {
    const item_t *x = &p->items[a];
    if (x->x < -TOL || x->y < -TOL || x->x + x->w > width + TOL || x->y + x->h > height + TOL)
      fault (d, p, "overprint", "%s (block %d) at %.2f,%.2f, %.2f x %.2f, runs past the page",
             item_name (x), x->block, x->x, x->y, x->w, x->h);
  }
  for (size_t a = 0; a < p->n; a++)
    for (size_t b = a + 1; b < p->n; b++) {
      const item_t *x = &p->items[a], *y = &p->items[b];
      if (!overprints (x, y))
        continue;
      fault (d, p, "overprint", "%s (block %d) at %.2f,%.2f and %s (block %d) at %.2f,%.2f",
             item_name (x), x->block, x->x, x->y, item_name (y), y->block, y->x, y->y);
    }
}
