/* The deflate encoder for pages (lib/target/pagedeflate.c): its streams inflate with zlib to
 * the input for paper-like rows, runs, repeated rows, noise (stored blocks), every small
 * length and odd pitches, a match at each distance symbol's ends, and without the hash
 * search too (a repeat only the search finds is then left as literals); the same input gives
 * the same bytes; a stream that does not fit returns 0 without writing past the room given;
 * the Huffman codes stay complete and within their limits for skewed frequencies. */
#include "test.h"
#include "pagedeflate.h"
#include "pagehuff.h"

#include <stdint.h>
#include <zlib.h>

static unsigned seed = 12345;
#define rnd() test_random (&seed)

/* Compresses in[0..n) with pitch, with the hash search or without, and checks the raw
 * stream inflates back; returns its length (0 on failure). */
static size_t
round_trip_as (const uint8_t *in, size_t n, size_t pitch, bool search)
{
  size_t cap = ink__pagedeflate_bound (n);
  uint8_t *out = malloc (cap + 64), *back = malloc (n + 1);
  void *work = malloc (ink__pagedeflate_work_size ());
  memset (out + cap, 0xA5, 64);
  size_t len = ink__pagedeflate (in, n, pitch, search, out, cap, work);
  CHECK (len > 0 && len <= cap);
  for (int i = 0; i < 64; i++)
    CHECK (out[cap + i] == 0xA5);
  z_stream z = { 0 };
  CHECK (inflateInit2 (&z, -15) == Z_OK);
  z.next_in = out;
  z.avail_in = (uInt) len;
  z.next_out = back;
  z.avail_out = (uInt) n + 1;
  int st = inflate (&z, Z_FINISH);
  CHECK (st == Z_STREAM_END);
  CHECK (z.total_out == n);
  CHECK (z.avail_in == 0);
  CHECK (n == 0 || memcmp (back, in, n) == 0);
  inflateEnd (&z);
  if (st != Z_STREAM_END)
    fprintf (stderr, "n=%zu pitch=%zu: zlib says %s\n", n, pitch, z.msg ? z.msg : "?");
  free (work);
  free (back);
  free (out);
  return st == Z_STREAM_END ? len : 0;
}

static size_t
round_trip (const uint8_t *in, size_t n, size_t pitch)
{
  return round_trip_as (in, n, pitch, true);
}

/* Rows of pitch bytes: a filter byte, paper, strokes of ink, some rows repeated. */
static uint8_t *
page_like (size_t rows, size_t pitch, uint8_t paper)
{
  uint8_t *p = malloc (rows * pitch);
  for (size_t y = 0; y < rows; y++) {
    uint8_t *r = p + y * pitch;
    if (y > 0 && rnd () % 4 == 0) {
      memcpy (r, r - pitch, pitch);
      continue;
    }
    memset (r, paper, pitch);
    r[0] = 0;
    if ((y / 12) % 3 == 2)
      continue;  /* between lines of text */
    for (size_t x = 1 + rnd () % 9; x + 3 < pitch; x += 3 + rnd () % 11)
      for (size_t k = 0, w = 1 + rnd () % 3; k < w; k++)
        r[x + k] = (uint8_t) (rnd () % 3 ? 0x00 : rnd ());
  }
  return p;
}

TEST (pages_round_trip)
{
  static const size_t pitches[] = { 703, 101, 40001 };
  for (size_t i = 0; i < sizeof pitches / sizeof pitches[0]; i++) {
    size_t pitch = pitches[i], rows = pitch > 1000 ? 12 : 600;
    uint8_t *p = page_like (rows, pitch, 0xFF);
    size_t len = round_trip (p, rows * pitch, pitch);
    CHECK (len > 0 && len < rows * pitch / 2);
    CHECK (round_trip (p, rows * pitch, 0) > 0);  /* no row matches */
    free (p);
  }
  uint8_t *z = page_like (400, 257, 0x00);  /* Up-filtered paper is 0 */
  CHECK (round_trip (z, 400 * 257, 257) > 0);
  free (z);
}

TEST (small_and_uniform)
{
  uint8_t buf[600];
  for (size_t n = 0; n <= 600; n += n < 20 ? 1 : 37) {
    for (size_t i = 0; i < n; i++)
      buf[i] = (uint8_t) rnd ();
    CHECK (round_trip (buf, n, 1 + n % 7) > 0 || n == 0);
    memset (buf, 0xFF, n);
    CHECK (round_trip (buf, n, 16) > 0 || n == 0);
    for (size_t i = 0; i < n; i++)
      buf[i] = (uint8_t) "abcab"[i % 5];
    CHECK (round_trip (buf, n, 5) > 0 || n == 0);
  }
  size_t n = 3u << 20;  /* one byte throughout: matches of 258 at distance 1 */
  uint8_t *big = malloc (n);
  memset (big, 0xFF, n);
  size_t len = round_trip (big, n, 703);
  CHECK (len > 0 && len < n / 200);
  free (big);
}

/* Without the hash search, runs and the row above are still matched, and the stream is
 * valid; a repeat at another distance is then left as literals. */
TEST (runs_and_rows_without_search)
{
  size_t pitch = 703, rows = 600;
  uint8_t *p = page_like (rows, pitch, 0xFF);
  size_t len = round_trip_as (p, rows * pitch, pitch, false);
  CHECK (len > 0 && len < rows * pitch / 2);
  free (p);
  size_t n = 3u << 20;
  uint8_t *big = malloc (n);
  memset (big, 0xFF, n);
  len = round_trip_as (big, n, 703, false);
  CHECK (len > 0 && len < n / 200);
  uint8_t buf[600];
  for (size_t k = 0; k <= 600; k += k < 20 ? 1 : 37) {
    for (size_t i = 0; i < k; i++)
      buf[i] = (uint8_t) "abcab"[i % 5];
    CHECK (round_trip_as (buf, k, 1 + k % 7, false) > 0 || k == 0);
  }
  n = 20000;  /* noise, then the same noise again 10,000 bytes on: only a search finds it */
  for (size_t i = 0; i < n / 2; i++)
    big[i] = big[i + n / 2] = (uint8_t) rnd ();
  size_t found = round_trip_as (big, n, 703, true), missed = round_trip_as (big, n, 703, false);
  CHECK (found > 0 && found < n * 6 / 10);
  CHECK (missed > n * 9 / 10);
  free (big);
}

TEST (noise_is_stored)
{
  size_t n = 200000;
  uint8_t *p = malloc (n);
  for (size_t i = 0; i < n; i++)
    p[i] = (uint8_t) (rnd () >> 3);
  size_t len = round_trip (p, n, 1000);
  CHECK (len > 0 && len <= n + n / 65535 * 5 + 64);
  free (p);
}

typedef struct {
  const uint8_t *in;
  size_t at, calls;
} pieces_t;

static bool
fill_pieces (void *src, uint8_t *dst, size_t len)
{
  pieces_t *p = src;
  memcpy (dst, p->in + p->at, len);
  p->at += len;
  p->calls++;
  return true;
}

static bool
fill_fails (void *src, uint8_t *dst, size_t len)
{
  pieces_t *p = src;
  if (p->at > 100000)
    return false;
  return fill_pieces (src, dst, len);
}

/* Read from a source, the input is asked for in pieces as the window moves, the stream the
 * same bytes as from memory; a failing source stops it. Noise with repeats: stored blocks
 * whose matches reach into the block before, decoded back from the tokens. */
TEST (stream_as_from_memory)
{
  size_t n = 1280 * 703;   /* whole rows: the page holds n bytes */
  uint8_t *p = page_like (n / 703, 703, 0xFF);
  for (size_t i = 300000; i < 700000; i++)
    p[i] = (uint8_t) (rnd () >> 5);
  for (size_t i = 300000; i + 40 < 700000; i += 2000 + rnd () % 2000) {
    size_t back = 4 + rnd () % 30000;
    memcpy (p + i, p + i - back, 4 + rnd () % 4);
  }
  size_t cap = ink__pagedeflate_bound (n);
  uint8_t *a = malloc (cap), *b = malloc (cap);
  void *work = malloc (ink__pagedeflate_work_size ());
  size_t la = ink__pagedeflate (p, n, 703, true, a, cap, work);
  pieces_t src = { p, 0, 0 };
  size_t lb = ink__pagedeflate_stream (fill_pieces, &src, n, 703, true, b, cap, work);
  CHECK (la > 0 && la == lb && memcmp (a, b, la) == 0);
  CHECK (src.at == n && src.calls > n / (256u << 10));
  CHECK (round_trip (p, n, 703) == la);
  pieces_t bad = { p, 0, 0 };
  CHECK_EQ_INT (ink__pagedeflate_stream (fill_fails, &bad, n, 703, true, b, cap, work), 0);
  free (work);
  free (b);
  free (a);
  free (p);
}

TEST (deterministic_and_full)
{
  size_t n = 300 * 703;
  uint8_t *p = page_like (300, 703, 0xFF);
  void *work = malloc (ink__pagedeflate_work_size ());
  size_t cap = ink__pagedeflate_bound (n);
  uint8_t *a = malloc (cap), *b = malloc (cap + 64);
  size_t la = ink__pagedeflate (p, n, 703, true, a, cap, work);
  memset (b, 0x5A, cap);
  size_t lb = ink__pagedeflate (p, n, 703, true, b, cap, work);
  CHECK (la > 0 && la == lb && memcmp (a, b, la) == 0);
  for (size_t room = 0; room < la; room += 1 + room / 3) {
    memset (b, 0x5A, cap + 64);
    CHECK_EQ_INT (ink__pagedeflate (p, n, 703, true, b, room, work), 0);
    for (size_t i = room; i < cap + 64; i++)
      if (b[i] != 0x5A) {
        CHECK (!"written past the room");
        break;
      }
  }
  free (b);
  free (a);
  free (work);
  free (p);
}

/* A match at the first and the last distance of each distance symbol (1 to 32768), its
 * extra bits at both ends: a row of noise repeated, each copy matched from the row above. */
TEST (every_distance_symbol)
{
  static const uint16_t base[30] = { 1,    2,    3,    4,    5,    7,    9,    13,
                                     17,   25,   33,   49,   65,   97,   129,  193,
                                     257,  385,  513,  769,  1025, 1537, 2049, 3073,
                                     4097, 6145, 8193, 12289, 16385, 24577 };
  uint8_t *p = malloc (3 * 32768);
  for (unsigned s = 0; s < 30; s++) {
    size_t last = s == 29 ? 32768 : (size_t) base[s + 1] - 1;
    for (size_t d = base[s]; d <= last; d += last - base[s] > 0 ? last - base[s] : 1) {
      for (size_t i = 0; i < d; i++)
        p[i] = (uint8_t) rnd ();
      memcpy (p + d, p, d);
      memcpy (p + 2 * d, p, d);
      CHECK (round_trip (p, 3 * d, d) > 0);
    }
  }
  free (p);
}

/* The code's Kraft sum: 2^limit for a complete code. */
static uint32_t
kraft (const uint8_t *len, unsigned n, unsigned limit)
{
  uint32_t sum = 0;
  for (unsigned s = 0; s < n; s++) {
    CHECK (len[s] <= limit);
    if (len[s])
      sum += 1u << (limit - len[s]);
  }
  return sum;
}

TEST (huffman_limits)
{
  uint32_t freq[286];
  uint8_t len[286];
  uint32_t a = 1, b = 1;  /* Fibonacci frequencies: an unlimited code would be 29 deep */
  for (unsigned s = 0; s < 30; s++) {
    freq[s] = a;
    uint32_t c = a + b;
    a = b;
    b = c;
  }
  ink__huff_lengths (freq, 30, 15, len);
  CHECK_EQ_INT (kraft (len, 30, 15), 1u << 15);
  ink__huff_lengths (freq, 19, 7, len);
  CHECK_EQ_INT (kraft (len, 19, 7), 1u << 7);
  for (unsigned s = 0; s < 286; s++)
    freq[s] = s % 3 ? 0 : 1 + rnd () % 5000;
  ink__huff_lengths (freq, 286, 15, len);
  CHECK_EQ_INT (kraft (len, 286, 15), 1u << 15);
  memset (freq, 0, sizeof freq);
  freq[7] = 9;  /* one symbol: completed with symbol 0 */
  ink__huff_lengths (freq, 30, 15, len);
  CHECK (len[7] == 1 && len[0] == 1 && kraft (len, 30, 15) == 1u << 15);
  freq[7] = 0;
  ink__huff_lengths (freq, 30, 15, len);
  CHECK (len[0] == 1 && len[1] == 1);
}

/* Codes come out canonical and bit-reversed (deflate sends them from their top bit): the
 * example of RFC 1951 3.2.2 and a code 15 bits deep. */
TEST (huffman_codes)
{
  /* A to H: 010 011 100 101 110 00 1110 1111, each read from its last bit. */
  static const uint8_t rfc_len[8] = { 3, 3, 3, 3, 3, 2, 4, 4 };
  static const uint16_t rfc_code[8] = { 2, 6, 1, 5, 3, 0, 7, 15 };
  uint16_t code[16];
  ink__huff_codes (rfc_len, 8, code);
  for (unsigned s = 0; s < 8; s++)
    CHECK_EQ_INT (code[s], rfc_code[s]);
  uint8_t deep[16];  /* 0, 10, 110, ... fourteen ones and a zero, fifteen ones */
  for (unsigned s = 0; s < 15; s++)
    deep[s] = (uint8_t) (s + 1);
  deep[15] = 15;
  ink__huff_codes (deep, 16, code);
  for (unsigned s = 0; s < 15; s++)
    CHECK_EQ_INT (code[s], (1u << s) - 1);
  CHECK_EQ_INT (code[15], 0x7FFFu);
}

int
main (void)
{
  RUN (pages_round_trip);
  RUN (small_and_uniform);
  RUN (runs_and_rows_without_search);
  RUN (noise_is_stored);
  RUN (stream_as_from_memory);
  RUN (deterministic_and_full);
  RUN (every_distance_symbol);
  RUN (huffman_limits);
  RUN (huffman_codes);
  return test_summary ();
}
