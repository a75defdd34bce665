/* Replays a fuzz target's corpus without libFuzzer, so that ctest runs every committed input
 * (seeds and minimized crashers) on every build: replay DIR_OR_FILE... */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../tools/read_file.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static int
run_file (const char *path)
{
  size_t n;
  char *text = read_file (path, &n);
  if (!text) {
    fprintf (stderr, "replay: %s: cannot open\n", path);
    return 1;
  }
  /* A copy of exactly the input's size, so that ASan sees a read past its end. */
  uint8_t *buf = malloc (n ? n : 1);
  if (buf) {
    memcpy (buf, text, n);
    LLVMFuzzerTestOneInput (buf, n);
  }
  int rc = buf ? 0 : 1;
  free (buf);
  free (text);
  return rc;
}

static int
cmp (const void *a, const void *b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

int
main (int argc, char **argv)
{
  int failed = 0, count = 0;
  for (int i = 1; i < argc; i++) {
    struct stat st;
    if (stat (argv[i], &st) != 0) {
      fprintf (stderr, "replay: %s: not found\n", argv[i]);
      return 1;
    }
    if (!S_ISDIR (st.st_mode)) {
      failed |= run_file (argv[i]);
      count++;
      continue;
    }
    DIR *d = opendir (argv[i]);
    if (!d)
      return 1;
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir (d))) {
      if (e->d_name[0] == '.')
        continue;
      if (n == cap) {
        cap = cap ? cap * 2 : 64;
        char **q = realloc (names, cap * sizeof *names);
        if (!q)
          return 1;
        names = q;
      }
      size_t len = strlen (argv[i]) + strlen (e->d_name) + 2;
      names[n] = malloc (len);
      if (!names[n])
        return 1;
      snprintf (names[n], len, "%s/%s", argv[i], e->d_name);
      n++;
    }
    closedir (d);
    qsort (names, n, sizeof *names, cmp);
    for (size_t k = 0; k < n; k++) {
      failed |= run_file (names[k]);
      count++;
      free (names[k]);
    }
    free (names);
  }
  printf ("replayed %d inputs\n", count);
  return failed;
}
