/* A small test harness: each test file is one executable and one ctest test.
 *
 *   TEST (utf8_overlong) { CHECK (x == 1); CHECK_EQ_INT (a, b); }
 *   int main (void) { RUN (utf8_overlong); return test_summary (); }
 */
#ifndef INK_TEST_H
#define INK_TEST_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../tools/read_file.h"

static int test_failures_, test_checks_, test_count_;

/* A repeatable pseudo-random number below 2^24 (a linear congruential step of *state). */
static inline unsigned
test_random (unsigned *state)
{
  *state = *state * 1103515245u + 12345u;
  return *state >> 8;
}

#define TEST(name) static void test_##name (void)
#define RUN(name) \
  do { \
    int before_ = test_failures_; \
    test_count_++; \
    test_##name (); \
    printf ("%s %s\n", test_failures_ == before_ ? "ok  " : "FAIL", #name); \
  } while (0)
#define CHECK(cond) \
  do { \
    test_checks_++; \
    if (!(cond)) { \
      test_failures_++; \
      fprintf (stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
    } \
  } while (0)
#define CHECK_EQ_INT(a, b) \
  do { \
    long long a_ = (long long) (a), b_ = (long long) (b); \
    test_checks_++; \
    if (a_ != b_) { \
      test_failures_++; \
      fprintf (stderr, "%s:%d: %s == %lld, expected %s == %lld\n", __FILE__, __LINE__, #a, a_, \
               #b, b_); \
    } \
  } while (0)
#define CHECK_EQ_STR(a, b) \
  do { \
    const char *a_ = (a), *b_ = (b); \
    test_checks_++; \
    if (!a_ || !b_ || strcmp (a_, b_) != 0) { \
      test_failures_++; \
      fprintf (stderr, "%s:%d: %s == \"%s\", expected \"%s\"\n", __FILE__, __LINE__, #a, \
               a_ ? a_ : "(null)", b_ ? b_ : "(null)"); \
    } \
  } while (0)

/* Checks that ctx holds no memory but its own (everything made in it was given back), then
 * destroys it. Needs core.h, for the size of the context. */
#define CHECK_CONTEXT_FREED(ctx) \
  do { \
    size_t cur_; \
    ink_context_memory ((ctx), &cur_, NULL); \
    CHECK_EQ_INT (cur_, sizeof (struct ink_context)); \
    ink_context_destroy (ctx); \
  } while (0)

static int
test_summary (void)
{
  printf ("%d tests, %d checks, %d failed\n", test_count_, test_checks_, test_failures_);
  return test_failures_ ? 1 : 0;
}

#endif
