/* makeup_check: the make-up checker (makeup_check.c) on a layout JSON file.
 *
 *   makeup_check [--blocks N] [--chars N] [--article ARTICLE.json] LAYOUT.json
 *
 * Prints each fault as one line `LAYOUT.json: page P: KIND: detail` on standard output.
 * --article reads the article's JSON form for the blocks and letters lost-text wants.
 * Exit status: 0 no fault, 1 faults, 2 usage or an unreadable file. */
#include "makeup_check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The whole of a file, NUL-terminated, or NULL. */
static char *read_all (const char *path, size_t *len)
{
  FILE *fp = fopen (path, "rb");
  if (!fp)
    return NULL;
  char *buf = NULL;
  size_t cap = 0, got;
  *len = 0;
  do {
    if (*len + 4096 > cap) {
      char *nb = realloc (buf, cap = 2 * cap + 4096);
      if (!nb) {
        free (buf);
        fclose (fp);
        return NULL;
      }
      buf = nb;
    }
    got = fread (buf + *len, 1, cap - *len - 1, fp);
    *len += got;
  } while (got);
  fclose (fp);
  buf[*len] = 0;
  return buf;
}

static size_t counted (const cJSON *o, const char *key)
{
  const cJSON *v = cJSON_GetObjectItemCaseSensitive (o, key);
  return cJSON_IsString (v) ? mk_count_letters (v->valuestring) : 0;
}

static void count_comments (const cJSON *list, long *blocks, long *chars)
{
  const cJSON *c;
  cJSON_ArrayForEach (c, list)
  {
    ++*blocks;
    *chars += (long) (counted (c, "author") + counted (c, "meta") + counted (c, "text"));
    count_comments (cJSON_GetObjectItemCaseSensitive (c, "replies"), blocks, chars);
  }
}

/* Blocks (body blocks, then comments and replies in order) and letters of an article in its
 * JSON form; *textless (malloc'd, one flag a block) marks its thematic breaks. */
static bool article_size (const char *path, long *blocks, long *chars, bool **textless)
{
  size_t len;
  char *buf = read_all (path, &len);
  cJSON *root = buf ? cJSON_ParseWithLength (buf, len) : NULL;
  free (buf);
  if (!root)
    return false;
  const cJSON *b;
  *blocks = *chars = 0;
  cJSON_ArrayForEach (b, cJSON_GetObjectItemCaseSensitive (root, "blocks"))
  {
    ++*blocks;
    *chars += (long) (counted (b, "text") + counted (b, "attribution") + counted (b, "credit"));
  }
  count_comments (cJSON_GetObjectItemCaseSensitive (root, "comments"), blocks, chars);
  free (*textless);
  *textless = calloc ((size_t) *blocks + 1, sizeof **textless);
  long i = 0;
  cJSON_ArrayForEach (b, cJSON_GetObjectItemCaseSensitive (root, "blocks"))
  {
    const cJSON *type = cJSON_GetObjectItemCaseSensitive (b, "type");
    if (*textless)
      (*textless)[i++] = cJSON_IsString (type) && !strcmp (type->valuestring, "rule");
  }
  cJSON_Delete (root);
  return *textless != NULL;
}

static int usage (void)
{
  fprintf (stderr, "usage: makeup_check [--blocks N] [--chars N] [--article ARTICLE.json] "
                   "LAYOUT.json\n");
  return 2;
}

int main (int argc, char **argv)
{
  long want_blocks = 0, want_chars = 0;
  bool *textless = NULL;
  const char *path = NULL;
  for (int i = 1; i < argc; i++) {
    if (!strcmp (argv[i], "--blocks") && i + 1 < argc) {
      want_blocks = strtol (argv[++i], NULL, 10);
      free (textless); /* sized for the article's count, not this one */
      textless = NULL;
    }
    else if (!strcmp (argv[i], "--chars") && i + 1 < argc)
      want_chars = strtol (argv[++i], NULL, 10);
    else if (!strcmp (argv[i], "--article") && i + 1 < argc) {
      if (!article_size (argv[++i], &want_blocks, &want_chars, &textless)) {
        fprintf (stderr, "makeup_check: %s: cannot read the article JSON\n", argv[i]);
        free (textless);
        return 2;
      }
    } else if (argv[i][0] == '-' || path) {
      free (textless);
      return usage ();
    } else
      path = argv[i];
  }
  if (!path) {
    free (textless);
    return usage ();
  }
  size_t len = 0;
  char *json = read_all (path, &len);
  mk_report_t r;
  mk_want_t want = { want_blocks, want_chars, textless };
  bool ok = json && mk_check_text_want (json, len, path, &want, &r);
  free (json);
  free (textless);
  if (!ok) {
    fprintf (stderr, "makeup_check: %s: not a layout JSON (expected an object with \"pages\")\n",
             path);
    return 2;
  }
  if (r.text)
    fputs (r.text, stdout);
  unsigned faults = r.faults;
  mk_report_free (&r);
  return faults ? 1 : 0;
}
