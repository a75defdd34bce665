/* The dictionaries built into the library (lib/text/hyphpack.h) against the builder: each
 * packed pattern file, read from /usr/share/hyphen as the library reads it, must unpack to
 * exactly the dictionary lib/text/hyphdict.c builds from it, state for state (same numbers,
 * transitions in the same order, match strings at the same places of the block), and a file
 * that differs by one byte must not be taken for it. */
#include "hyphdict.h"
#include "hyphpack.h"
#include "test.h"

#include <stdio.h>
#include <stdlib.h>

static bool
same_string (const char *a, const char *b)
{
  return (!a && !b) || (a && b && strcmp (a, b) == 0);
}

/* Where a state's match lies in its block, or -1. */
static long
match_at (const HyphenDict *d, const HyphenState *s)
{
  return s->match ? (long) (s->match - (const char *) d->states) : -1;
}

static bool
same_level (const HyphenDict *a, const HyphenDict *b)
{
  if (a->lhmin != b->lhmin || a->rhmin != b->rhmin || a->clhmin != b->clhmin
      || a->crhmin != b->crhmin || a->utf8 != b->utf8 || a->nohyphenl != b->nohyphenl
      || memcmp (a->cset, b->cset, sizeof a->cset) != 0 || a->num_states != b->num_states
      || !a->nohyphen != !b->nohyphen)
    return false;
  const char *p = a->nohyphen, *q = b->nohyphen;
  for (int i = 0; p && i <= a->nohyphenl; i++, p += strlen (p) + 1, q += strlen (q) + 1)
    if (strcmp (p, q) != 0)
      return false;
  for (int u = 0; u < a->num_states; u++) {
    const HyphenState *sa = &a->states[u], *sb = &b->states[u];
    if (!same_string (sa->match, sb->match) || match_at (a, sa) != match_at (b, sb)
        || !same_string (sa->repl, sb->repl) || sa->replindex != sb->replindex
        || sa->replcut != sb->replcut || sa->fallback_state != sb->fallback_state
        || sa->num_trans != sb->num_trans || !sa->trans != !sb->trans)
      return false;
    for (int t = 0; t < sa->num_trans; t++)
      if (sa->trans[t].ch != sb->trans[t].ch || sa->trans[t].new_state != sb->trans[t].new_state)
        return false;
  }
  return true;
}

static bool
same_dict (const HyphenDict *a, const HyphenDict *b)
{
  for (; a && b; a = a->nextlevel, b = b->nextlevel)
    if (!same_level (a, b))
      return false;
  return !a && !b;
}

TEST (packed_as_built)
{
  ink_context_t *ctx;
  CHECK (ink_context_create (NULL, NULL, &ctx) == INK_OK);
  size_t checked = 0;
  for (size_t i = 0; i < ink__hyphpack_count; i++) {
    const ink__hyphpack_t *p = &ink__hyphpacks[i];
    char path[256];
    snprintf (path, sizeof path, "/usr/share/hyphen/hyph_%s.dic", p->key);
    size_t len;
    char *text = read_file (path, &len);
    if (!text || len != p->len) {
      printf ("%s: not the packed file here, skipped\n", path);
      free (text);
      continue;
    }
    CHECK (ink__hyphpack_find (text, len) == p);
    text[len / 2] ^= 1;
    CHECK (ink__hyphpack_find (text, len) == NULL);
    text[len / 2] ^= 1;
    HyphenDict *packed = ink__hyphpack_unpack (p);
    HyphenDict *built = ink__patterns_load (ctx, text, len);
    CHECK (packed && built && same_dict (packed, built));
    ink__hyphdict_free (packed);
    ink__hyphdict_free (built);
    free (text);
    checked++;
  }
  printf ("%zu packed dictionaries checked\n", checked);
  ink_context_destroy (ctx);
}

int
main (void)
{
  RUN (packed_as_built);
  return test_summary ();
}
