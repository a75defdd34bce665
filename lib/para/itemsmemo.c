/* para/itemsmemo: a paragraph's Knuth–Plass items kept with its shaped text. Make-up sets a
 * paragraph again at other loosenesses and measures (balancing a head, the last page's
 * columns); its words, hyphenation points and glue stay what they were as long as the
 * options that make the items stay the same and no word is cut between its letters at one
 * measure and not at the other (items_reach_t). The items are then copied, not built. */
#include "para-internal.h"

#include <string.h>

/* What the kept items were built from, followed in the same block by their positions and
 * the items themselves. */
typedef struct {
  const ink__hyphenator_t *hy;
  char lang[INK_LANG_KEY_SIZE];
  ink__para_align_t align;
  bool hyphenate, tight, whole_words, tie_numbers;
  size_t held_until;
  items_reach_t reach;
  size_t n;
} memo_t;

static const char *
lang_key (const ink__para_opts_t *o)
{
  return o->lang ? o->lang : "";
}

/* Whether items built for m give the same items under o. */
static bool
same_items (const memo_t *m, const ink__para_opts_t *o)
{
  if (m->hy != o->hyphenator || m->align != o->align || m->hyphenate != o->hyphenate ||
      m->tight != o->tight || m->whole_words != o->whole_words ||
      m->tie_numbers != o->tie_numbers || m->held_until != o->held_until || strcmp (m->lang, lang_key (o)) != 0)
    return false;
  int32_t narrow = ink__para_narrow (o);
  if (m->reach.cut)
    return narrow == m->reach.narrow;
  return m->reach.half <= (int64_t) (narrow / 2) && m->reach.full <= (int64_t) narrow;
}

/**
 * ink__items_memo_get:
 * @sh: the shaped paragraph
 * @o: the options it is set with now
 * @b: (out): an empty builder, given the kept items
 *
 * Return value: true when sh keeps items that o would build again, copied into b; false when
 * they must be built (none kept, other options, or out of memory).
 */
bool
ink__items_memo_get (ink__shaped_t *sh, const ink__para_opts_t *o, builder_t *b)
{
  const memo_t *m = sh->items;
  if (!m || !same_items (m, o))
    return false;
  const item_pos_t *pos = (const item_pos_t *) (m + 1);
  const ink__kp_item_t *items = (const ink__kp_item_t *) (pos + m->n);
  if (!ink__vec_reserve (b->ctx, &b->items, m->n) || !ink__vec_reserve (b->ctx, &b->pos, m->n))
    return false;
  memcpy (b->items.v, items, m->n * sizeof *items);
  memcpy (b->pos.v, pos, m->n * sizeof *pos);
  b->items.n = b->pos.n = m->n;
  return true;
}

/**
 * ink__items_memo_put:
 * @sh: the shaped paragraph
 * @o: the options the items were built with
 * @b: the items built
 * @reach: what ink__para_items said of them
 *
 * Keeps b's items in sh in place of any kept before; out of memory, none are kept.
 */
void
ink__items_memo_put (ink__shaped_t *sh, const ink__para_opts_t *o, const builder_t *b,
                     const items_reach_t *reach)
{
  const char *lang = lang_key (o);
  size_t n = b->items.n;
  ink__free (sh->ctx, sh->items, sh->items_bytes);
  sh->items = NULL;
  sh->items_bytes = 0;
  if (strlen (lang) >= sizeof ((memo_t *) 0)->lang || n > (SIZE_MAX - sizeof (memo_t)) /
      (sizeof (item_pos_t) + sizeof (ink__kp_item_t)))
    return;
  size_t bytes = sizeof (memo_t) + n * (sizeof (item_pos_t) + sizeof (ink__kp_item_t));
  memo_t *m = ink__realloc (sh->ctx, NULL, 0, bytes);
  if (!m)
    return;
  *m = (memo_t) { o->hyphenator, "", o->align, o->hyphenate, o->tight, o->whole_words,
                  o->tie_numbers, o->held_until, *reach, n };
  memcpy (m->lang, lang, strlen (lang) + 1);
  item_pos_t *pos = (item_pos_t *) (m + 1);
  memcpy (pos, b->pos.v, n * sizeof *pos);
  memcpy ((ink__kp_item_t *) (pos + n), b->items.v, n * sizeof (ink__kp_item_t));
  sh->items = m;
  sh->items_bytes = bytes;
}
