/* core: UTF-8 decoding, strings, the allocator hook and limits. */
#include "core.h"
#include "test.h"

static size_t
decode_all (const char *s, size_t len, uint32_t *cps, size_t max, size_t *bad)
{
  size_t pos = 0, n = 0;
  *bad = 0;
  while (pos < len && n < max) {
    if (!ink__utf8_next (s, len, &pos, &cps[n++]))
      (*bad)++;
  }
  return n;
}

TEST (utf8_valid)
{
  const char s[] = "a\xC3\xA9\xE2\x80\x94\xF0\x9F\x98\x80";   /* a é — 😀 */
  uint32_t cp[8];
  size_t bad;
  size_t n = decode_all (s, sizeof s - 1, cp, 8, &bad);
  CHECK_EQ_INT (n, 4);
  CHECK_EQ_INT (bad, 0);
  CHECK_EQ_INT (cp[0], 'a');
  CHECK_EQ_INT (cp[1], 0xE9);
  CHECK_EQ_INT (cp[2], 0x2014);
  CHECK_EQ_INT (cp[3], 0x1F600);
}

TEST (utf8_overlong)
{
  /* C0 80 is an overlong NUL; E0 80 80 an overlong; each byte is its own bad subpart. */
  const char s[] = "\xC0\x80" "x" "\xE0\x80\x80";
  uint32_t cp[8];
  size_t bad;
  size_t n = decode_all (s, sizeof s - 1, cp, 8, &bad);
  CHECK_EQ_INT (n, 6);
  CHECK_EQ_INT (bad, 5);
  CHECK_EQ_INT (cp[2], 'x');
  CHECK_EQ_INT (cp[0], 0xFFFD);
}

TEST (utf8_surrogate)
{
  const char s[] = "\xED\xA0\x80z";   /* U+D800 encoded */
  uint32_t cp[8];
  size_t bad;
  size_t n = decode_all (s, sizeof s - 1, cp, 8, &bad);
  CHECK_EQ_INT (n, 4);
  CHECK_EQ_INT (bad, 3);
  CHECK_EQ_INT (cp[3], 'z');
}

TEST (utf8_truncated)
{
  const char s[] = "ok\xE2\x80";   /* a 3-byte sequence cut after 2 bytes */
  uint32_t cp[8];
  size_t bad;
  size_t n = decode_all (s, sizeof s - 1, cp, 8, &bad);
  CHECK_EQ_INT (n, 3);
  CHECK_EQ_INT (bad, 1);
  CHECK_EQ_INT (cp[2], 0xFFFD);
  /* Above U+10FFFF */
  const char t[] = "\xF4\x90\x80\x80";
  n = decode_all (t, sizeof t - 1, cp, 8, &bad);
  CHECK_EQ_INT (bad, n);
}

TEST (utf8_sanitize)
{
  ink_context_t *ctx;
  CHECK (ink_context_create (NULL, NULL, &ctx) == INK_OK);
  const char s[] = "a\0b\xFF" "c";
  size_t len, bad;
  char *out = ink__utf8_sanitize (ctx, s, sizeof s - 1, &len, &bad);
  CHECK_EQ_STR (out, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c");
  CHECK_EQ_INT (bad, 2);
  CHECK_EQ_INT (len, strlen (out));
  ink__strfree (ctx, out);
  CHECK_CONTEXT_FREED (ctx);
}

TEST (text_position)
{
  const char s[] = "ab\nc\xC3\xA9" "d";
  unsigned line, col;
  ink__text_position (s, sizeof s - 1, 6, &line, &col);
  CHECK_EQ_INT (line, 2);
  CHECK_EQ_INT (col, 3);
}

/* Characters, not bytes: Latin, Urdu, Tamil, Korean and an emoji take one to four bytes. */
TEST (utf8_count)
{
  const char s[] = "a\xC3\xA9" "\xDA\xA9" "\xE0\xAE\xA4" "\xED\x95\x9C" "\xF0\x9F\x93\xB0";
  CHECK_EQ_INT (ink__utf8_count (s, sizeof s - 1), 6);
  CHECK_EQ_INT (ink__utf8_count (s, 3), 2);
  CHECK_EQ_INT (ink__utf8_count (s, 0), 0);
}

TEST (json_string)
{
  ink_context_t *ctx;
  ink_context_create (NULL, NULL, &ctx);
  ink__str_t s = { 0 };
  CHECK (ink__str_append_json (ctx, &s, "a\"b\\\n\x01", 6));
  CHECK_EQ_STR (s.s, "\"a\\\"b\\\\\\n\\u0001\"");
  ink__str_free (ctx, &s);
  ink_context_destroy (ctx);
}

static int fail_after;
static void *
failing_realloc (void *user, void *p, size_t old, size_t n)
{
  (void) user;
  (void) old;
  if (n == 0) {
    free (p);
    return NULL;
  }
  if (fail_after-- <= 0)
    return NULL;
  return realloc (p, n);
}

TEST (allocator_hook)
{
  ink_context_t *ctx;
  fail_after = 0;
  CHECK (ink_context_create (failing_realloc, NULL, &ctx) == INK_NO_MEMORY);
  fail_after = 1;
  CHECK (ink_context_create (failing_realloc, NULL, &ctx) == INK_OK);
  CHECK (ink__alloc (ctx, 10) == NULL);
  ink_context_destroy (ctx);
}

/* An array's size that overflows is refused before the allocator is asked; a fitting one
 * is zeroed, and none is one byte, as ink__alloc (0). */
TEST (alloc_array)
{
  ink_context_t *ctx;
  CHECK (ink_context_create (NULL, NULL, &ctx) == INK_OK);
  size_t before, peak;
  ink_context_memory (ctx, &before, &peak);
  CHECK (ink__alloc_array (ctx, SIZE_MAX / 4 + 2, 4) == NULL);
  CHECK (ink__alloc_array (ctx, 3, SIZE_MAX / 2) == NULL);
  int32_t *v = ink__alloc_array (ctx, 5, sizeof *v);
  CHECK (v != NULL);
  for (int i = 0; v && i < 5; i++)
    CHECK_EQ_INT (v[i], 0);
  ink__free (ctx, v, 5 * sizeof *v);
  void *none = ink__alloc_array (ctx, 0, sizeof *v);
  CHECK (none != NULL);
  ink__free (ctx, none, 0);
  size_t after;
  ink_context_memory (ctx, &after, &peak);
  CHECK_EQ_INT (after, before);
  ink_context_destroy (ctx);
}

TEST (limits)
{
  ink_context_t *ctx;
  ink_context_create (NULL, NULL, &ctx);
  CHECK_EQ_INT (ink_context_get_limit (ctx, INK_LIMIT_PAGES), INK_MAX_PAGES);
  CHECK (ink_context_set_limit (ctx, INK_LIMIT_PAGES, 3) == INK_OK);
  CHECK_EQ_INT (ink_context_get_limit (ctx, INK_LIMIT_PAGES), 3);
  CHECK (ink_context_set_limit (ctx, INK_LIMIT_PAGES, INK_MAX_PAGES + 1) == INK_INVALID);
  CHECK (ink_context_set_limit (ctx, INK_LIMIT_COUNT_, 1) == INK_INVALID);
  CHECK_EQ_STR (ink_status_to_string (INK_PARSE), "syntax error, see ink_diag_t");
  ink_context_destroy (ctx);
}

int
main (void)
{
  RUN (utf8_valid);
  RUN (utf8_overlong);
  RUN (utf8_surrogate);
  RUN (utf8_truncated);
  RUN (utf8_sanitize);
  RUN (text_position);
  RUN (utf8_count);
  RUN (json_string);
  RUN (allocator_hook);
  RUN (alloc_array);
  RUN (limits);
  return test_summary ();
}
