/* template: every malformed template in tests/bad/template/NAME.ini fails with exactly the
 * message in NAME.expected, "LINE:COLUMN: message", in whole UTF-8 characters. The
 * template-bytes limit is lowered to 4096 so that the over-size case stays small.
 *
 *   test_template_bad              all of tests/bad/template
 *   test_template_bad FILE.ini...  those only
 *   test_template_bad --print FILE.ini...  print what the reader says */
#include "template.h"
#include "test.h"

#include <dirent.h>

static void
check_file (const char *path, bool print)
{
  size_t len, elen;
  char *src = read_file (path, &len);
  CHECK (src != NULL);
  if (!src)
    return;
  ink_context_t *ctx;
  CHECK (ink_context_create (NULL, NULL, &ctx) == INK_OK);
  CHECK (ink_context_set_limit (ctx, INK_LIMIT_TEMPLATE_BYTES, 4096) == INK_OK);
  ink_template_t *t = NULL;
  ink_diag_t diag;
  ink_status_t st = ink_template_parse (ctx, src, len, "bad", &t, &diag);
  char got[256];
  snprintf (got, sizeof got, "%u:%u: %s", diag.line, diag.column, diag.message);
  if (print) {
    printf ("%s\t%s\n", path, got);
  } else {
    CHECK (st == INK_PARSE || st == INK_LIMIT);
    CHECK (t == NULL);
    CHECK (diag.line > 0);
    /* A message quotes whole characters, never a lone byte of one. */
    for (size_t pos = 0, n = strlen (diag.message); pos < n;) {
      uint32_t cp;
      if (!ink__utf8_next (diag.message, n, &pos, &cp)) {
        fprintf (stderr, "%s: the message is not valid UTF-8\n", path);
        CHECK (0);
        break;
      }
    }
    char epath[512];
    snprintf (epath, sizeof epath, "%.*s.expected", (int) (strlen (path) - 4), path);
    char *want = read_file (epath, &elen);
    CHECK (want != NULL);
    if (want) {
      while (elen > 0 && (want[elen - 1] == '\n' || want[elen - 1] == '\r'))
        want[--elen] = 0;
      if (strcmp (got, want) != 0)
        fprintf (stderr, "%s:\n  got      %s\n  expected %s\n", path, got, want);
      CHECK_EQ_STR (got, want);
    }
    free (want);
  }
  ink_template_destroy (t);
  size_t cur;
  ink_context_memory (ctx, &cur, NULL);
  ink_context_destroy (ctx);
  free (src);
}

static int
cmp (const void *a, const void *b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

int
main (int argc, char **argv)
{
  bool print = argc > 1 && strcmp (argv[1], "--print") == 0;
  int first = print ? 2 : 1;
  if (argc > first) {
    for (int i = first; i < argc; i++)
      check_file (argv[i], print);
    return test_summary ();
  }
  const char *dir = INK_SOURCE_DIR "/tests/bad/template";
  DIR *d = opendir (dir);
  CHECK (d != NULL);
  if (!d)
    return test_summary ();
  char *names[256];
  size_t n = 0;
  struct dirent *e;
  while ((e = readdir (d)) && n < 256) {
    size_t l = strlen (e->d_name);
    if (l > 4 && strcmp (e->d_name + l - 4, ".ini") == 0) {
      names[n] = malloc (strlen (dir) + l + 2);
      sprintf (names[n], "%s/%s", dir, e->d_name);
      n++;
    }
  }
  closedir (d);
  qsort (names, n, sizeof *names, cmp);
  CHECK (n >= 11);
  for (size_t i = 0; i < n; i++) {
    check_file (names[i], print);
    free (names[i]);
  }
  return test_summary ();
}
