/* A running position in a text (lib/core/utf8.c, ink__text_position_at): moved on to offsets
 * in order, back to earlier ones, into the middle of a character and past the end, it gives
 * the line and column a scan from the start gives (columns in code points, lines after each
 * newline), in a text of one-, two-, three- and four-byte characters. */
#include "test.h"
#include "core.h"

static unsigned seed = 6811;
#define rnd() test_random (&seed)

/* Line and column of off by a scan of its own: a character starts at each byte that is not
 * a continuation byte. */
static void
reference (const char *s, size_t off, unsigned *line, unsigned *col)
{
  unsigned l = 1, c = 1;
  for (size_t i = 0; i < off; i++) {
    if (((unsigned char) s[i] & 0xC0) == 0x80)
      continue;
    if (s[i] == '\n') {
      l++;
      c = 1;
    } else {
      c++;
    }
  }
  *line = l;
  *col = c;
}

TEST (in_order_and_back)
{
  static const char *const pieces[] = { "a", "\n", "\xC3\xA9", "\xE0\xB8\x81", "\xF0\x9F\x93\xB0",
                                        " ", "\n\n" };
  char text[4000];
  size_t n = 0;
  while (n + 4 < sizeof text - 1) {
    const char *p = pieces[rnd () % 7];
    memcpy (text + n, p, strlen (p));
    n += strlen (p);
  }
  text[n] = 0;
  ink__textpos_t at = { 0, 1, 1 };
  for (int round = 0; round < 400; round++) {
    size_t off = round % 3 == 2 ? rnd () % (n + 20) : at.off + rnd () % 40;
    while (off < n && ((unsigned char) text[off] & 0xC0) == 0x80)
      off++;   /* the reference counts whole characters */
    ink__text_position_at (text, n, off, &at);
    unsigned l, c, l2, c2;
    reference (text, off < n ? off : n, &l, &c);
    ink__text_position (text, n, off, &l2, &c2);
    CHECK_EQ_INT (at.line, l);
    CHECK_EQ_INT (at.column, c);
    CHECK_EQ_INT (l2, l);
    CHECK_EQ_INT (c2, c);
    CHECK_EQ_INT (at.off, off < n ? off : n);
  }
}

/* An offset inside a character: the position after it, as a scan from the start finds it;
 * the next offset in order goes on from there. */
TEST (inside_a_character)
{
  const char *s = "x\xF0\x9F\x93\xB0y\nz";
  size_t n = strlen (s);
  unsigned l, c;
  ink__textpos_t at = { 0, 1, 1 };
  ink__text_position_at (s, n, 2, &at);
  ink__text_position (s, n, 2, &l, &c);
  CHECK_EQ_INT (at.line, l);
  CHECK_EQ_INT (at.column, c);
  CHECK_EQ_INT (at.column, 3);
  ink__text_position_at (s, n, 8, &at);
  CHECK_EQ_INT (at.line, 2);
  CHECK_EQ_INT (at.column, 2);
}

int
main (void)
{
  RUN (in_order_and_back);
  RUN (inside_a_character);
  return test_summary ();
}
