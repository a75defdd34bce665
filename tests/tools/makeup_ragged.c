/* makeup_ragged.c: the make-up checker's short-ragged-line rule. A ragged line of running
 * text (a list item, a comment, a reply) above its paragraph's last line that ends short of
 * RAGGED_SHARE of its measure while the next line's first word would have fitted on it is a
 * hole a make-up editor sends back: lines made even and short when make-up set the paragraph
 * a line looser and had the lines above give its last word company ("mỗi lượt vào điện /
 * không quá 50 người," at 53% of a 634 px column). A line ended at a hard break (no word
 * space after it) is the writer's, and a short line the next word would not fit beside is
 * the text's own. */
#include "makeup_check.h"


/* The share of its measure a ragged line may end short of, the next word fitting. */
#define RAGGED_SHARE 0.58

static const char *const RAGGED[] = { "list", "comment", "reply", NULL };

/* Code points of text, and (*word) how many its first word and a space before it hold. */
static size_t count_cps (const char *text, size_t *word)
{
  size_t all = 0, lead = 0, w = 0;
  for (const char *s = text; s && *s; all++) {
    bool space = mk_is_space_cp (mk_next_cp (&s));
    lead += space && w == 0 && lead == all;
    w += !space && (w == 0 || w + lead == all);
  }
  *word = w + 1;
  return all;
}

/* A list's marker (a bullet, a number) stands as a line of its own: fewer code points. */
#define MARKER_CPS 4

/* Whether next's first word, measured by its share of next's characters, and a character
 * more fit the room line it leaves in measure. */
static bool next_word_fits (const item_t *it, const item_t *next, double measure)
{
  size_t word, unused, all = count_cps (next->text, &word), mine = count_cps (it->text, &unused);
  return all && mine &&
         it->w + next->w * (double) word / (double) all + it->w / (double) mine <= measure;
}

/* The width line it may be set to: from its start to its column's far edge. */
static double measure_in (const page_t *p, const item_t *it)
{
  const column_t *c = &p->cols[it->col];
  return it->rtl ? it->x + it->w - c->x : c->x + c->w - it->x;
}

/* Whether item it is a line of text of a ragged paragraph, not a list's marker. */
static bool ragged_line (const item_t *it)
{
  size_t word;
  return it->kind == ITEM_LINE && !it->generated && it->text && role_in (it, RAGGED) &&
         count_cps (it->text, &word) >= MARKER_CPS;
}

/* The line after item j of page i in its paragraph, on that page or a later one; NULL when
 * it is the last. */
static const item_t *next_line (const doc_t *d, size_t i, size_t j)
{
  int block = d->pages[i].items[j].block;
  for (size_t k = j + 1; i < d->npages; i++, k = 0)
    for (; k < d->pages[i].n; k++) {
      const item_t *n = &d->pages[i].items[k];
      if (n->block == block && ragged_line (n))
        return n;
    }
  return NULL;
}

void check_ragged_lines (doc_t *d)
{
  for (size_t i = 0; i < d->npages; i++) {
    page_t *p = &d->pages[i];
    for (size_t j = 0; j < p->n; j++) {
      const item_t *it = &p->items[j];
      if (!ragged_line (it) || it->col < 0 || it->col >= p->ncols || !it->space_after ||
          it->hyphenated)
        continue;
      double measure = measure_in (p, it);
      if (it->w >= RAGGED_SHARE * measure)
        continue;
      const item_t *next = next_line (d, i, j);
      if (next && next_word_fits (it, next, measure))
        fault (d, p, "short-ragged-line",
               "a %s line ends at %.0f%% of its measure (%.0f of %.0f px), the word after "
               "it fitting: \"%s\" / \"%s\"", it->role, 100 * it->w / measure, it->w, measure,
               it->text, next->text);
    }
  }
}
