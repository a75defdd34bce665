/* A JSON article cut off inside a string (a feed's transfer that stopped) is told as a
 * string never closed, at its opening quote (json.c): it was "JSON syntax error: unexpected
 * "c"", at the string's first letter. A string closed and followed by a stray letter, or
 * an escaped quote, is not taken for one. */
#include <inkset/inkset.h>
#include <string.h>
#include "test.h"

static ink_context_t *ctx;

/* Parses src as a JSON article, expecting a syntax error; its message and position. */
static void
error_of (const char *src, ink_diag_t *d)
{
  ink_article_t *a = NULL;
  CHECK_EQ_INT (ink_article_parse_json (ctx, src, strlen (src), NULL, &a, d), INK_PARSE);
  CHECK (a == NULL);
}

TEST (unclosed_string_named)
{
  ink_diag_t d;
  CHECK_EQ_INT (ink_context_create (NULL, NULL, &ctx), INK_OK);
  error_of ("{\"title\":\"t\",\"blocks\":[{\"type\":\"paragraph\",\"text\":\"cut", &d);
  CHECK_EQ_STR (d.message, "JSON syntax error: the string opened here is never closed (the "
                "text ends inside it)");
  CHECK_EQ_INT (d.line, 1);
  CHECK_EQ_INT (d.column, 51);
  error_of ("{\n  \"title\": \"A \\\"quoted\\\" word and then noth", &d);
  CHECK (strstr (d.message, "never closed") != NULL);
  CHECK_EQ_INT (d.line, 2);
  CHECK_EQ_INT (d.column, 12);
  error_of ("{\"title\":\"t\"x", &d);
  CHECK_EQ_STR (d.message, "JSON syntax error: unexpected \"x\"");
  ink_context_destroy (ctx);
}

int
main (void)
{
  RUN (unclosed_string_named);
  return test_summary ();
}
