/* articlepos: where each word of an article came from: the source line and column the Markdown
 * reader keeps for every word, at every offset, whatever the white space and line ends. */
#include "article.h"
#include "test.h"
#include "articlefix.h"

#include <stdio.h>

TEST (source_positions)
{
  ink_context_t *ctx = ctx_new ();
  ink_diag_t d;
  const char *src = "---\ntitle: T\n---\n\nOne *two*   three\n  four \"five\" -- X\n\n"
                    "- item Y\n\n> quoted Z\n";
  ink_article_t *a = md (ctx, src, INK_OK, &d);
  static const struct { size_t block; const char *word; unsigned line, column; } want[] = {
    { 0, "One", 5, 1 }, { 0, "two", 5, 6 }, { 0, "three", 5, 13 }, { 0, "four", 6, 3 },
    { 0, "five", 6, 9 }, { 0, "X", 6, 18 }, { 1, "Y", 8, 8 }, { 2, "Z", 10, 10 },
  };
  CHECK_EQ_INT (a->nblocks, 3);
  for (size_t i = 0; i < sizeof want / sizeof *want && a->nblocks == 3; i++) {
    const ink__block_t *b = &a->blocks[want[i].block];
    const char *at = strstr (b->text, want[i].word);
    CHECK (at != NULL);
    unsigned line, col;
    ink__block_position (b, at ? (size_t) (at - b->text) : 0, &line, &col);
    CHECK_EQ_INT (line, want[i].line);
    CHECK_EQ_INT (col, want[i].column);
  }
  done (ctx, a);
}

/* Every word of long paragraphs keeps its source line and column, whatever white space is
 * between words (one space, several, tabs, "--"), across lines ending in LF or CR LF, with
 * words in and out of ASCII: the reader copies words and single spaces a stretch at a time,
 * and counts positions eight plain bytes at a time. */
TEST (source_positions_of_every_word)
{
  static const char *const gaps[] = { " ", " ", " ", "  ", "\t", " -- ", "   " };
  static const char *const ends[] = { "\n", "\r\n" };
  unsigned seed = 11;
  for (int round = 0; round < 20; round++) {
    ink_context_t *ctx = ctx_new ();
    ink_diag_t d;
    char src[8192] = "---\ntitle: T\n---\n\n";
    unsigned lines[400], cols[400], line = 5, col = 1, nw = 0;
    size_t n = strlen (src);
    for (unsigned l = 0; l < 8; l++, line++, col = 1) {
      for (unsigned k = 0; k < 30 && nw < 400; k++, nw++) {
        if (k > 0) {
          const char *g = gaps[test_random (&seed) % 7];
          n += (size_t) snprintf (src + n, sizeof src - n, "%s", g);
          col += (unsigned) strlen (g);
        }
        bool wide = test_random (&seed) % 4 == 0;   /* a word beginning with U+00E9 */
        lines[nw] = line, cols[nw] = col;
        int len = snprintf (src + n, sizeof src - n, "%sw%u", wide ? "\xC3\xA9" : "", nw);
        n += (size_t) len;
        col += (unsigned) len - (wide ? 1 : 0);
      }
      n += (size_t) snprintf (src + n, sizeof src - n, "%s", ends[test_random (&seed) % 2]);
    }
    ink_article_t *a = md (ctx, src, INK_OK, &d);
    CHECK_EQ_INT (a ? a->nblocks : 0, 1);
    for (unsigned w = 0; a && a->nblocks == 1 && w < nw; w++) {
      const ink__block_t *b = &a->blocks[0];
      char word[16];
      snprintf (word, sizeof word, "w%u", w);
      const char *at = b->text;
      while ((at = strstr (at, word)) && (at[strlen (word)] >= '0' && at[strlen (word)] <= '9'))
        at++;
      CHECK (at != NULL);
      if (!at)
        continue;
      size_t off = (size_t) (at - b->text);
      if (off >= 2 && (unsigned char) at[-1] == 0xA9 && (unsigned char) at[-2] == 0xC3)
        off -= 2;
      unsigned wl, wc;
      ink__block_position (b, off, &wl, &wc);
      CHECK_EQ_INT (wl, lines[w]);
      CHECK_EQ_INT (wc, cols[w]);
    }
    done (ctx, a);
  }
}

/* Line and column of every byte offset of text with LF, CR LF, CR alone, NUL, two-byte
 * letters and bytes that are not UTF-8, reached in order and from the start again, as a
 * code point at a time counts them. */
TEST (position_of_every_offset)
{
  static const char *const parts[] = { "abcdefghij", " ", "\n", "\r\n", "\r", "\xC3\xA9",
                                       "\xFF", "\xE2\x80", "klmnopqrstuvwxyz0123" };
  unsigned seed = 5;
  for (int round = 0; round < 30; round++) {
    char src[2048];
    size_t n = 0;
    while (n < sizeof src - 64) {
      unsigned k = test_random (&seed) % 10;
      if (k == 9)
        src[n++] = 0;
      else
        n += (size_t) snprintf (src + n, sizeof src - n, "%s", parts[k]);
    }
    ink__pos_t walk, fresh;
    ink__pos_init (&walk, src, n);
    unsigned line = 1, col = 1;
    size_t at = 0;
    for (size_t off = 0; off <= n; off++) {
      while (at < off) {
        uint32_t cp;
        ink__utf8_next (src, n, &at, &cp);
        bool ends = cp == '\n' || (cp == '\r' && (at == n || src[at] != '\n'));
        line = ends ? line + 1 : line;
        col = ends ? 1 : col + 1;
      }
      if (at != off)
        continue;   /* inside a code point: the walk stops after it */
      unsigned wl, wc, fl, fc;
      ink__pos_at (&walk, off, &wl, &wc);
      ink__pos_init (&fresh, src, n);
      ink__pos_at (&fresh, off, &fl, &fc);
      CHECK_EQ_INT (wl, line);
      CHECK_EQ_INT (wc, col);
      CHECK_EQ_INT (fl, line);
      CHECK_EQ_INT (fc, col);
    }
  }
}

/* The warning for a byte that is not UTF-8 gives its own line and column, however much plain
 * ASCII is before it on the line (stepped over eight bytes at a time). */
TEST (bad_byte_after_plain_ascii)
{
  for (unsigned k = 0; k < 40; k++) {
    ink_context_t *ctx = ctx_new ();
    ink_diag_t d;
    char src[128] = "---\ntitle: T\n---\n\n";
    size_t n = strlen (src);
    memset (src + n, 'a', k);
    n += k;
    memcpy (src + n, "\xFF end\n", 6);
    n += 6;
    ink_article_t *a = NULL;
    CHECK_EQ_INT (ink_article_parse_markdown (ctx, src, n, NULL, &a, &d), INK_OK);
    char want[32];
    snprintf (want, sizeof want, "5:%u: invalid UTF-8", k + 1);
    CHECK_EQ_INT (nwarnings, 1);
    CHECK (strncmp (warnings, want, strlen (want)) == 0);
    if (strncmp (warnings, want, strlen (want)))
      fprintf (stderr, "  want %s, got %s", want, warnings);
    done (ctx, a);
  }
}

int
main (void)
{
  RUN (source_positions);
  RUN (source_positions_of_every_word);
  RUN (position_of_every_offset);
  RUN (bad_byte_after_plain_ascii);
  return test_summary ();
}
