/* text/hyphdict: libhyphen's HyphenDict built from a pattern file in memory. libhyphen's
 * own loader keeps every prefix of every pattern in a string hash table, allocates each
 * state on its own, and finds each state's fallback by hashing its suffixes one by one;
 * that is 3,500 instructions a line of an English file. Here the states are the nodes of a
 * trie built as the lines are read, and the fallbacks are found breadth first, Aho-Corasick
 * style: the fallback of the state for "abc" is the longest proper suffix of "abc" that is
 * a state, the same one libhyphen's suffix hashing finds.
 *
 * The text is read as libhyphen 2.8.8 reads it with fgets: the charset from the first 19
 * bytes, then lines of 99 bytes at most (a longer line is read as several), '%' lines
 * skipped, keywords
 * (LEFTHYPHENMIN, RIGHTHYPHENMIN, COMPOUNDLEFTHYPHENMIN, COMPOUNDRIGHTHYPHENMIN, NOHYPHEN),
 * non-standard patterns ("ssz/sz=,1,3": replacement, index and cut, converted to bytes in
 * a UTF-8 file) and NEXTLEVEL for a two-level dictionary; without one, the dictionary
 * returned is libhyphen's default first level (hyphens and apostrophes) over the file's.
 * A level's states, their transitions and match strings are one malloc'd block (d->states),
 * where libhyphen allocates each on its own: freeing 20,000 blocks of an English file cost
 * more than building it. So the dictionary is freed with ink__hyphdict_free, not
 * hnj_hyphen_free. A pattern given twice keeps its last match string, as in libhyphen.
 * Unlike libhyphen, a whole line after the first that is blank or begins with '#' is
 * skipped, as ink__patterns_dedup drops it.
 *
 *   HyphenDict *d = ink__hyphdict_load (ctx, text, len, NULL);
 *   ink__hyphdict_free (d);
 */
#include "hyphdict.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct {
  const char *p;
  size_t len, pos;
  size_t piece;             /* the length of the last piece read */
  bool at_start;            /* it began a line (not the charset's) */
  bool long_line;           /* a line was read in more than one piece */
} reader_t;

/* A state's place in the trie: its first child, its next sibling, the byte leading to it;
 * and its match string's place in the builder's strings, -1 for none. */
typedef struct {
  int32_t child, sibling, match;
  char chr;
} node_t;

/* One dictionary level being built: its states, grown by doubling, and their nodes (cap of
 * each), from the context. */
typedef struct {
  ink_context_t *ctx;
  HyphenDict *d;
  size_t cap;
  node_t *node;
  int32_t root[256];        /* the root's children by byte, -1 for none: the root has many */
  char prev[MAX_CHARS + 1];  /* the word of the line before, and the states of its */
  int32_t path[MAX_CHARS + 1];  /* prefixes (path[i]: its first i bytes): files list */
  size_t prev_len;          /* patterns in order, so a line mostly begins as the last did */
  char *str;                /* the match strings, each NUL-ended, from the context */
  size_t str_len, str_cap;
  bool oom;
} builder_t;

/* fgets (buf, n, f) on the text. */
static bool
read_line (reader_t *r, char *buf, size_t n)
{
  if (r->pos >= r->len)
    return false;
  size_t k = r->len - r->pos < n - 1 ? r->len - r->pos : n - 1;
  const char *nl = memchr (r->p + r->pos, '\n', k);
  if (nl)
    k = (size_t) (nl - (r->p + r->pos)) + 1;
  memcpy (buf, r->p + r->pos, k);
  buf[k] = '\0';
  r->at_start = r->pos > 0 && r->p[r->pos - 1] == '\n';
  r->piece = k;
  r->pos += k;
  if (!nl && r->pos < r->len)
    r->long_line = true;
  return true;
}

/* The piece just read is a whole line after the first that is blank or a '#' comment: one
 * that libhyphen would read as a pattern, and ink__patterns_dedup drops. */
static bool
comment_line (const reader_t *r, const char *buf)
{
  if (!r->at_start)
    return false;
  if (buf[0] == '#')
    return true;
  for (size_t i = 0; i < r->piece; i++)
    if ((unsigned char) buf[i] > ' ')
      return false;
  return buf[r->piece - 1] == '\n' || r->pos >= r->len;
}

static char *
dup_string (const char *s)
{
  size_t n = strlen (s);
  char *d = malloc (n + 1);
  if (d)
    memcpy (d, s, n + 1);
  return d;
}

/* A new state, with no match, transitions or fallback: its index, or -1 out of memory. */
static int32_t
new_state (builder_t *b)
{
  HyphenDict *d = b->d;
  size_t n = (size_t) d->num_states;
  if (b->oom || n >= INT32_MAX)
    return -1;
  if (n == b->cap) {
    size_t cap = b->cap ? b->cap * 2 : 64;
    HyphenState *s = realloc (d->states, cap * sizeof *s);
    if (s)
      d->states = s;
    node_t *nodes = s ? ink__realloc_array (b->ctx, b->node, b->cap, cap, sizeof *nodes) : NULL;
    if (!nodes) {
      b->oom = true;
      return -1;
    }
    b->node = nodes;
    b->cap = cap;
  }
  HyphenState *st = &d->states[n];
  memset (st, 0, sizeof *st);
  st->fallback_state = -1;
  b->node[n] = (node_t) {.child = -1, .sibling = -1, .match = -1};
  d->num_states++;
  return (int32_t) n;
}

static int32_t
find_child (const builder_t *b, int32_t u, char c)
{
  if (u == 0)
    return b->root[(unsigned char) c];
  for (int32_t v = b->node[u].child; v >= 0; v = b->node[v].sibling)
    if (b->node[v].chr == c)
      return v;
  return -1;
}

/* The state for word, made with the states of its prefixes if need be; -1 out of memory. */
static int32_t
state_for (builder_t *b, const char *word)
{
  size_t i = 0;
  while (i < b->prev_len && word[i] == b->prev[i])
    i++;
  int32_t u = b->path[i];
  for (; word[i]; i++) {
    int32_t v = find_child (b, u, word[i]);
    if (v < 0) {
      if ((v = new_state (b)) < 0)
        return -1;
      b->node[v].chr = word[i];
      b->node[v].sibling = b->node[u].child;
      b->node[u].child = v;
      if (u == 0)
        b->root[(unsigned char) word[i]] = v;
    }
    u = v;
    b->prev[i] = word[i];
    b->path[i + 1] = u;
  }
  b->prev_len = i;
  return u;
}

/* s copied to the end of the builder's strings: its offset, or -1 out of memory. */
static int32_t
add_string (builder_t *b, const char *s)
{
  size_t n = strlen (s) + 1;
  if (b->str_len + n > b->str_cap) {
    size_t cap = b->str_cap ? b->str_cap * 2 : 4096;
    while (cap < b->str_len + n)
      cap *= 2;
    char *str = cap <= INT32_MAX ? ink__realloc_array (b->ctx, b->str, b->str_cap, cap, 1) : NULL;
    if (!str)
      return -1;
    b->str = str;
    b->str_cap = cap;
  }
  memcpy (b->str + b->str_len, s, n);
  b->str_len += n;
  return (int32_t) (b->str_len - n);
}

/* NOHYPHEN's list: what follows the keyword's blanks, its last byte (the newline) cut, and
 * each comma but a first one cut into a NUL, counted. libhyphen 2.8.8 adds the count of a
 * second NOHYPHEN line to the first's (and leaks the first list: it is freed here), and
 * writes before the list when nothing follows the keyword (the list is left empty here). */
static void
set_nohyphen (HyphenDict *d, const char *s, bool *oom)
{
  while (*s == ' ' || *s == '\t')
    s++;
  free (d->nohyphen);
  if (!(d->nohyphen = dup_string (s))) {
    *oom = true;
    return;
  }
  size_t n = strlen (d->nohyphen);
  if (n == 0)
    return;
  char *last = d->nohyphen + n - 1;
  *last = '\0';
  for (char *p = last - 1; p > d->nohyphen; p--)
    if (*p == ',') {
      d->nohyphenl++;
      *p = '\0';
    }
}

/* A keyword line: true when buf is one, its value stored. */
static bool
keyword_line (builder_t *b, const char *buf)
{
  HyphenDict *d = b->d;
  if (buf[0] < 'C' || buf[0] > 'R')
    return false;   /* patterns are in lowercase */
  if (strncmp (buf, "LEFTHYPHENMIN", 13) == 0)
    d->lhmin = (char) atoi (buf + 13);
  else if (strncmp (buf, "RIGHTHYPHENMIN", 14) == 0)
    d->rhmin = (char) atoi (buf + 14);
  else if (strncmp (buf, "COMPOUNDLEFTHYPHENMIN", 21) == 0)
    d->clhmin = (char) atoi (buf + 21);
  else if (strncmp (buf, "COMPOUNDRIGHTHYPHENMIN", 22) == 0)
    d->crhmin = (char) atoi (buf + 22);
  else if (strncmp (buf, "NOHYPHEN", 8) == 0)
    set_nohyphen (d, buf + 8, &b->oom);
  else
    return false;
  return true;
}

typedef struct {
  char *repl;               /* malloc'd, or NULL for a standard pattern */
  signed char index, cut;
} repl_t;

/* A non-standard pattern's "/replacement,index,cut" (or "/replacement" alone), cut off buf. */
static bool
split_repl (char *buf, repl_t *r)
{
  r->repl = NULL;
  r->index = r->cut = 0;
  char *slash = strchr (buf, '/');
  if (!slash)
    return true;
  char *comma = strchr (slash + 1, ',');
  *slash = '\0';
  if (comma) {
    char *comma2 = strchr (comma + 1, ',');
    *comma = '\0';
    if (comma2) {
      *comma2 = '\0';
      r->index = (signed char) ((signed char) atoi (comma + 1) - 1);
      r->cut = (signed char) atoi (comma2 + 1);
    }
  } else {
    char *s = slash + 1;
    size_t k = strlen (s);
    if (k > 0 && (s[k - 1] == '\r' || s[k - 1] == '\n'))
      s[k - 1] = '\0';
    if (k > 1 && s[k - 2] == '\r')
      s[k - 2] = '\0';
    r->cut = (signed char) strlen (buf);
  }
  r->repl = dup_string (slash + 1);
  return r->repl != NULL;
}

/* In a UTF-8 file the index and cut count characters of the word (after a leading dot);
 * libhyphen wants bytes. */
static void
repl_to_bytes (const char *word, repl_t *r)
{
  bool dot = word[0] == '.';
  int pu = -1, start = -1;
  size_t n = strlen (word);
  for (size_t pc = dot ? 1 : 0; pc <= n; pc++) {
    if (((unsigned char) word[pc] >> 6) != 2)
      pu++;
    if (start < 0 && r->index == pu) {
      start = r->index;
      r->index = (signed char) pc;
    }
    if (start >= 0 && pu - start == r->cut) {
      r->cut = (signed char) (pc - (size_t) r->index);
      break;
    }
  }
  if (dot)
    r->index--;
}

/* One line of patterns or a keyword, as libhyphen reads it; buf is written to. */
static void
load_line (builder_t *b, char *buf)
{
  if (keyword_line (b, buf))
    return;
  repl_t r;
  if (!split_repl (buf, &r)) {
    b->oom = true;
    return;
  }
  char word[MAX_CHARS + 1], digits[MAX_CHARS + 1];   /* buf holds 99 bytes at most */
  size_t j = 0;
  digits[0] = '0';
  for (size_t i = 0; (unsigned char) buf[i] > ' '; i++) {
    if (buf[i] >= '0' && buf[i] <= '9')
      digits[j] = buf[i];
    else {
      word[j] = buf[i];
      digits[++j] = '0';
    }
  }
  word[j] = '\0';
  digits[j + 1] = '\0';
  size_t skip = 0;
  if (!r.repl)
    while (digits[skip] == '0')
      skip++;   /* leading zeros say nothing */
  else {
    skip = word[0] == '.';
    if (b->d->utf8)
      repl_to_bytes (word, &r);
  }
  int32_t s = state_for (b, word);
  int32_t match = s >= 0 ? add_string (b, digits + skip) : -1;
  if (match < 0) {
    free (r.repl);
    b->oom = true;
    return;
  }
  HyphenState *st = &b->d->states[s];
  b->node[s].match = match;
  free (st->repl);
  st->repl = r.repl;
  st->replindex = r.index;
  st->replcut = r.cut ? r.cut : (signed char) strlen (word);
}

/* Each state's fallback, breadth first: the child through c of the parent's fallback, or
 * of its fallback, and so on; the root when none has one. The root keeps -1. */
static void
set_fallbacks (builder_t *b)
{
  HyphenDict *d = b->d;
  size_t n = (size_t) d->num_states;
  int32_t *queue = ink__realloc_array (b->ctx, NULL, 0, n, sizeof *queue);
  if (!queue) {
    b->oom = true;
    return;
  }
  size_t head = 0, tail = 0;
  queue[tail++] = 0;
  while (head < tail) {
    int32_t u = queue[head++];
    for (int32_t v = b->node[u].child; v >= 0; v = b->node[v].sibling) {
      int32_t f = u == 0 ? -1 : d->states[u].fallback_state, w = -1;
      char c = b->node[v].chr;
      while (f >= 0 && (w = find_child (b, f, c)) < 0)
        f = d->states[f].fallback_state;
      d->states[v].fallback_state = w >= 0 ? w : 0;
      queue[tail++] = v;
    }
  }
  ink__free (b->ctx, queue, n * sizeof *queue);
}

/* The states grown into one block with, after them, every state's transitions (in the
 * order the lines made them) and the match strings in use. */
static void
finish_states (builder_t *b)
{
  HyphenDict *d = b->d;
  size_t n = (size_t) d->num_states, ntrans = n - 1, nstr = 0;   /* the root is no child */
  for (size_t u = 0; u < n; u++)
    if (b->node[u].match >= 0)
      nstr += strlen (b->str + b->node[u].match) + 1;
  size_t head = n * sizeof (HyphenState), trans = ntrans * sizeof (HyphenTrans);
  HyphenState *st = realloc (d->states, head + trans + nstr);
  if (!st) {
    b->oom = true;
    return;
  }
  d->states = st;
  HyphenTrans *t = (HyphenTrans *) (void *) ((char *) st + head);
  char *str = (char *) st + head + trans;
  for (size_t u = 0; u < n; u++) {
    for (int32_t v = b->node[u].child; v >= 0; v = b->node[v].sibling)
      st[u].num_trans++;
    st[u].trans = st[u].num_trans ? t : NULL;
    t += st[u].num_trans;
    int k = st[u].num_trans;
    for (int32_t v = b->node[u].child; v >= 0; v = b->node[v].sibling)
      st[u].trans[--k] = (HyphenTrans) {.ch = b->node[v].chr, .new_state = v};
    if (b->node[u].match >= 0) {
      size_t len = strlen (b->str + b->node[u].match) + 1;
      st[u].match = memcpy (str, b->str + b->node[u].match, len);
      str += len;
    }
  }
}

/* Reads lines into d up to a NEXTLEVEL line (returns true) or the end of the text. */
static bool
read_lines (builder_t *b, reader_t *r)
{
  char buf[MAX_CHARS];
  while (!b->oom && read_line (r, buf, sizeof buf)) {
    if (buf[0] == 'N' && strncmp (buf, "NEXTLEVEL", 9) == 0)
      return true;
    if (buf[0] != '%' && !comment_line (r, buf))
      load_line (b, buf);
  }
  return false;
}

/* libhyphen's first level when a file has one level: no hyphen next to a hyphen, an
 * apostrophe or (in UTF-8) an en dash or a typographic apostrophe. */
static void
default_lines (builder_t *b)
{
  static const char *const lines8[] = {"NOHYPHEN ',-\n", "1-1\n", "1'1\n"};
  static const char *const lines_utf8[] = {
    "NOHYPHEN ',\xe2\x80\x93,\xe2\x80\x99,-\n", "1-1\n", "1'1\n", "1\xe2\x80\x93" "1\n",
    "1\xe2\x80\x99" "1\n"};
  bool u = b->d->utf8;
  size_t n = u ? sizeof lines_utf8 / sizeof *lines_utf8 : sizeof lines8 / sizeof *lines8;
  char buf[MAX_CHARS];
  for (size_t i = 0; i < n; i++) {
    snprintf (buf, sizeof buf, "%s", u ? lines_utf8[i] : lines8[i]);
    load_line (b, buf);
  }
}

/* Builds one level into d from the text's lines (r) or the default lines (r NULL); sets
 * *next when a NEXTLEVEL line ended it. False out of memory. */
static bool
build_level (ink_context_t *ctx, HyphenDict *d, reader_t *r, bool *next)
{
  builder_t b = {.ctx = ctx, .d = d};
  memset (b.root, 0xff, sizeof b.root);
  if (new_state (&b) == 0) {
    if (r)
      *next = read_lines (&b, r);
    else
      default_lines (&b);
    if (!b.oom)
      set_fallbacks (&b);
    if (!b.oom)
      finish_states (&b);
  }
  ink__free (ctx, b.node, b.cap * sizeof *b.node);
  ink__free (ctx, b.str, b.str_cap);
  return !b.oom;
}

/* The charset: the first line, in at most 19 bytes (the rest of a longer line is read as a
 * pattern line), its CR and LF dropped. */
static void
read_cset (reader_t *r, HyphenDict *d)
{
  memset (d->cset, 0, sizeof d->cset);
  if (read_line (r, d->cset, sizeof d->cset)) {
    for (size_t i = 0; i < sizeof d->cset; i++)
      if (d->cset[i] == '\r' || d->cset[i] == '\n')
        d->cset[i] = '\0';
  } else
    d->cset[0] = '\0';
  d->utf8 = strcmp (d->cset, "UTF-8") == 0;
}

/**
 * ink__hyphdict_load:
 * @ctx: a context, for the builder's scratch memory
 * @text: a pattern file, @len bytes
 * @len: its length
 * @long_lines: (out) (nullable): whether a line was longer than libhyphen's 99-byte pieces
 *
 * Builds the dictionary hnj_hyphen_load_file would read from @text: the same states,
 * transitions, fallbacks, match strings, replacements, minimums, NOHYPHEN list, charset and
 * levels (the state numbers may differ), but for the blank and '#' lines after the first,
 * which it skips (libhyphen reads them as patterns).
 *
 * Return value: the dictionary, freed with ink__hyphdict_free (not hnj_hyphen_free), or
 * NULL out of memory.
 * Since: 0.3
 */
HyphenDict *
ink__hyphdict_load (ink_context_t *ctx, const char *text, size_t len, bool *long_lines)
{
  HyphenDict *d0 = calloc (1, sizeof *d0), *d1 = calloc (1, sizeof *d1);
  if (!d0 || !d1) {
    free (d0);
    free (d1);
    return NULL;
  }
  reader_t r = {.p = text, .len = len};
  read_cset (&r, d0);
  memcpy (d1->cset, d0->cset, sizeof d1->cset - 1);
  d1->utf8 = d0->utf8;
  bool next = false, unused = false;
  bool ok = build_level (ctx, d0, &r, &next);
  ok = build_level (ctx, d1, next ? &r : NULL, &unused) && ok;
  if (next) {
    d0->nextlevel = d1;
    d1 = d0;
  } else {
    d1->nextlevel = d0;
    d1->lhmin = d0->lhmin;
    d1->rhmin = d0->rhmin;
    d1->clhmin = d0->clhmin ? d0->clhmin : d0->lhmin ? d0->lhmin : 3;
    d1->crhmin = d0->crhmin ? d0->crhmin : d0->rhmin ? d0->rhmin : 3;
  }
  if (long_lines)
    *long_lines = r.long_line;
  if (!ok) {
    ink__hyphdict_free (d1);
    return NULL;
  }
  return d1;
}

/**
 * ink__hyphdict_free:
 * @d: a dictionary from ink__hyphdict_load (nullable)
 *
 * Frees @d and its next level: each level's block of states, its replacements and its
 * NOHYPHEN list.
 * Since: 0.3
 */
void
ink__hyphdict_free (HyphenDict *d)
{
  while (d) {
    HyphenDict *next = d->nextlevel;
    for (int i = 0; d->states && i < d->num_states; i++)
      free (d->states[i].repl);
    free (d->states);
    free (d->nohyphen);
    free (d);
    d = next;
  }
}
