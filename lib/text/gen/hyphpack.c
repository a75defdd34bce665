/* hyphpack: writes lib/text/hyphpack-data.c, the hyphenation dictionaries compiled into the
 * library (lib/text/hyphpack.h), at build time.
 *
 *   hyphpack OUT.c [KEY=FILE]...     # hyphpack data.c en_US=/usr/share/hyphen/hyph_en_US.dic
 *
 * Each FILE (a pattern file in UTF-8, or in an 8-bit charset converted as the library
 * converts it: lib/text/hyphcset.c) is built by lib/text/hyphdict.c as the library builds it
 * when it reads the file at run time (ink__patterns_load), and the dictionary is written out
 * as C arrays with the file's length and hash (of its own bytes, before any conversion). With no FILE the table is empty. The output
 * names the files it was made from, for their licences: the data is theirs, rearranged. */
#include "hyphdict.h"
#include "hyphpack.h"

#include <inkset/inkset.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The table ink__hyphpack_find looks in: empty here, where it is being made. */
const ink__hyphpack_t ink__hyphpacks[1];
const size_t ink__hyphpack_count = 0;

static int
fail (const char *what, const char *path)
{
  fprintf (stderr, "hyphpack: %s: %s\n", path, what);
  return 1;
}

static void
put_ints (FILE *o, const char *type, const char *name, const int32_t *v, size_t n)
{
  fprintf (o, "static const %s %s[] = {", type, name);
  for (size_t i = 0; i < n; i++)
    fprintf (o, "%s%d,", i % 20 ? "" : "\n", (int) v[i]);
  fprintf (o, "%s};\n", n ? "\n" : "0");
}

static void
put_bytes (FILE *o, const char *name, const char *s, size_t n)
{
  fprintf (o, "static const char %s[] = {", name);
  for (size_t i = 0; i < n; i++)
    fprintf (o, "%s%d,", i % 24 ? "" : "\n", (int) (signed char) s[i]);
  fprintf (o, "%s};\n", n ? "\n" : "0");
}

/* The arrays of level k of dictionary i: their names are Ni_k_FIELD. */
/* The lengths of a level's match strings and NOHYPHEN list. */
typedef struct {
  size_t nstr, nh;
} sizes_t;

static bool
put_level (FILE *o, const HyphenDict *d, size_t i, int k, sizes_t *sz)
{
  size_t n = (size_t) d->num_states, ntrans = 0, nstr = 0, nrepl = 0;
  for (size_t u = 0; u < n; u++) {
    ntrans += (size_t) d->states[u].num_trans;
    nrepl += d->states[u].repl ? strlen (d->states[u].repl) + 1 : 0;
  }
  int32_t *match = malloc ((n + 1) * sizeof *match), *repl = malloc ((n + 1) * sizeof *repl);
  int32_t *fb = malloc ((n + 1) * sizeof *fb), *start = malloc ((n + 1) * sizeof *start);
  int32_t *to = malloc ((ntrans + 1) * sizeof *to), *ri = malloc ((n + 1) * sizeof *ri);
  int32_t *rc = malloc ((n + 1) * sizeof *rc);
  char *ch = malloc (ntrans + 1), *repls = malloc (nrepl + 1);
  if (!match || !repl || !fb || !start || !to || !ri || !rc || !ch || !repls)
    return false;
  /* The match strings lie after the transitions in the states' block, in state order. */
  const char *base = n ? (const char *) (d->states + n) + ntrans * sizeof (HyphenTrans) : NULL;
  size_t t = 0, r = 0;
  for (size_t u = 0; u < n; u++) {
    const HyphenState *s = &d->states[u];
    match[u] = s->match ? (int32_t) (s->match - base) : -1;
    if (s->match && (size_t) match[u] + strlen (s->match) + 1 > nstr)
      nstr = (size_t) match[u] + strlen (s->match) + 1;
    repl[u] = s->repl ? (int32_t) r : -1;
    if (s->repl) {
      memcpy (repls + r, s->repl, strlen (s->repl) + 1);
      r += strlen (s->repl) + 1;
    }
    ri[u] = s->replindex;
    rc[u] = s->replcut;
    fb[u] = s->fallback_state;
    start[u] = (int32_t) t;
    for (int j = 0; j < s->num_trans; j++, t++) {
      ch[t] = s->trans[j].ch;
      to[t] = s->trans[j].new_state;
    }
  }
  start[n] = (int32_t) t;
  char name[64];
#define NAME(f) (snprintf (name, sizeof name, "N%zu_%d_%s", i, k, f), name)
  put_ints (o, "int32_t", NAME ("match"), match, n);
  put_ints (o, "int32_t", NAME ("repl"), repl, n);
  put_ints (o, "signed char", NAME ("replindex"), ri, n);
  put_ints (o, "signed char", NAME ("replcut"), rc, n);
  put_ints (o, "int32_t", NAME ("fallback"), fb, n);
  put_ints (o, "int32_t", NAME ("trans_start"), start, n + 1);
  put_ints (o, "int32_t", NAME ("trans_to"), to, ntrans);
  put_bytes (o, NAME ("trans_ch"), ch, ntrans);
  put_bytes (o, NAME ("strs"), base, nstr);
  put_bytes (o, NAME ("repls"), repls, nrepl);
  /* The NOHYPHEN list: its nohyphenl + 1 strings, each with its NUL. */
  size_t nh = 0;
  if (d->nohyphen)
    for (int j = 0; j <= d->nohyphenl; j++)
      nh += strlen (d->nohyphen + nh) + 1;
  if (d->nohyphen)
    put_bytes (o, NAME ("nohyphen"), d->nohyphen, nh);
#undef NAME
  sz->nstr = nstr;
  sz->nh = nh;
  free (match), free (repl), free (fb), free (start), free (to), free (ri), free (rc);
  free (ch), free (repls);
  return true;
}

static void
put_level_row (FILE *o, const HyphenDict *d, size_t i, int k, const sizes_t *sz)
{
  fprintf (o, "  {%d, %d, %d, %d, ", d->lhmin, d->rhmin, d->clhmin, d->crhmin);
  if (d->nohyphen)
    fprintf (o, "N%zu_%d_nohyphen, %zu, ", i, k, sz->nh);
  else
    fprintf (o, "NULL, 0, ");
  fprintf (o, "%d, {", d->nohyphenl);
  for (size_t j = 0; j < sizeof d->cset; j++)
    fprintf (o, "%d,", (int) (signed char) d->cset[j]);
  fprintf (o, "}, %d, %d,\n", d->utf8, d->num_states);
#define F(f) fprintf (o, "   N%zu_%d_%s,", i, k, f)
  F ("match"), F ("repl"), F ("fallback"), F ("trans_start"), F ("trans_to"), F ("replindex");
  F ("replcut"), F ("trans_ch"), F ("strs"), F ("repls");
#undef F
  fprintf (o, " %zu},\n", sz->nstr);
}

/* One pattern file: its arrays, then its levels' table; *row gets its row of the table. */
static int
put_dict (FILE *o, ink_context_t *ctx, size_t i, const char *arg, char *row, size_t rowcap)
{
  const char *eq = strchr (arg, '=');
  if (!eq || eq == arg || eq - arg >= 16)
    return fail ("expected KEY=FILE", arg);
  const char *path = eq + 1;
  size_t len;
  char *text;
  if (ink__read_file (ctx, path, INK_MAX_PATTERN_BYTES, &text, &len) != INK_OK)
    return fail ("cannot be read", path);
  /* Known at run time by the file's own bytes; built, as there, from its text in UTF-8. */
  uint64_t hash = ink__hyphpack_hash (text, len);
  char *utf8 = text;
  size_t ulen = len, ucap = len + 1;
  if (len < 5 || strncmp (text, "UTF-8", 5) != 0) {
    if (ink__patterns_to_utf8 (ctx, text, len, &utf8, &ulen, &ucap) != INK_OK || !utf8)
      return fail ("not a pattern file in a charset iconv knows", path);
    ink__free (ctx, text, len + 1);
  }
  HyphenDict *d = ink__patterns_load (ctx, utf8, ulen);
  if (!d)
    return fail ("out of memory", path);
  int k = 0;
  sizes_t sz[8];
  for (const HyphenDict *l = d; l && k < 8; l = l->nextlevel, k++)
    if (!put_level (o, l, i, k, &sz[k]))
      return fail ("out of memory", path);
  fprintf (o, "static const ink__hyphpack_level_t N%zu_levels[] = {\n", i);
  k = 0;
  for (const HyphenDict *l = d; l && k < 8; l = l->nextlevel, k++)
    put_level_row (o, l, i, k, &sz[k]);
  fprintf (o, "};\n\n");
  snprintf (row, rowcap, "  {\"%.*s\", %zu, 0x%016llxu, %d, N%zu_levels},\n", (int) (eq - arg),
            arg, len, (unsigned long long) hash, k, i);
  ink__hyphdict_free (d);
  ink__free (ctx, utf8, ucap);
  return 0;
}

int
main (int argc, char **argv)
{
  if (argc < 2) {
    fprintf (stderr, "usage: hyphpack OUT.c [KEY=FILE]...\n");
    return 2;
  }
  ink_context_t *ctx;
  if (ink_context_create (NULL, NULL, &ctx) != INK_OK)
    return 1;
  FILE *o = fopen (argv[1], "w");
  if (!o)
    return fail ("cannot be written", argv[1]);
  fprintf (o, "/* Generated by lib/text/gen/hyphpack.c at build time: the hyphenation dictionaries "
              "built from\n");
  for (int a = 2; a < argc; a++)
    fprintf (o, " * %s\n", argv[a]);
  fprintf (o, " * The data is theirs, rearranged, under their licences: Debian's hyphen-*\n"
              " * packages give them in /usr/share/doc/hyphen-LL/copyright (hyph_en_US.dic:\n"
              " * GPL-2+ or LGPL-2.1+ or MPL-1.1+; hyph_de_DE.dic: LGPL-2+; docs/packaging.md).\n"
              " * Do not edit. */\n"
              "#include \"hyphpack.h\"\n\n#include <stddef.h>\n\n");
  char rows[64][160];
  size_t n = 0;
  for (int a = 2; a < argc && n < 64; a++, n++)
    if (put_dict (o, ctx, n, argv[a], rows[n], sizeof rows[n]) != 0) {
      fclose (o);
      remove (argv[1]);
      return 1;
    }
  fprintf (o, "const ink__hyphpack_t ink__hyphpacks[] = {\n");
  for (size_t i = 0; i < n; i++)
    fputs (rows[i], o);
  if (n == 0)
    fprintf (o, "  {NULL, 0, 0, 0, NULL},\n");
  fprintf (o, "};\nconst size_t ink__hyphpack_count = %zu;\n", n);
  ink_context_destroy (ctx);
  return fclose (o) == 0 ? 0 : fail ("cannot be written", argv[1]);
}
