/* The page encoder's hash search (lib/target/pagedeflate.c) keys its table by five bytes: a
 * repeat is found whole even when, since its first time, each four of its bytes came again
 * with another fifth (as a glyph row's bytes do on a text row at 4 bits), where a table keyed
 * by four bytes finds the later four and gives the repeat as matches of four; the stream
 * inflates back to the input all the same. */
#include "test.h"
#include "pagedeflate.h"

#include <stdint.h>
#include <zlib.h>

static unsigned seed = 4242;
/* Noise of 16 byte values, as a 4-bit page's bytes are on text rows: its literals take some
 * four bits, so the block is coded, not stored. */
#define rnd() ((uint8_t) (test_random (&seed) % 16 * 17))

#define REPEAT 40
#define FILLER 24

/* Compresses in[0..n) with the search and no rows, and checks it inflates back; returns the
 * stream's length. */
static size_t
deflated (const uint8_t *in, size_t n)
{
  size_t cap = ink__pagedeflate_bound (n);
  uint8_t *out = malloc (cap), *back = malloc (n);
  void *work = malloc (ink__pagedeflate_work_size ());
  size_t len = ink__pagedeflate (in, n, 0, true, out, cap, work);
  CHECK (len > 0);
  z_stream z = { 0 };
  CHECK (inflateInit2 (&z, -15) == Z_OK);
  z.next_in = out;
  z.avail_in = (uInt) len;
  z.next_out = back;
  z.avail_out = (uInt) n;
  CHECK (inflate (&z, Z_FINISH) == Z_STREAM_END);
  CHECK (z.total_out == n && memcmp (back, in, n) == 0);
  inflateEnd (&z);
  free (work);
  free (back);
  free (out);
  return len;
}

/* Noise with REPEAT bytes of it at the start; then, for each four of them, those four and
 * another fifth between noise; then (with repeat) the REPEAT bytes once more. Returns the
 * length; out has room for 8 kB. */
static size_t
decoys (uint8_t *out, bool repeat)
{
  size_t n = 0;
  uint8_t first[REPEAT];
  for (size_t k = 0; k < REPEAT; k++)
    first[k] = out[n++] = rnd ();
  for (size_t k = 0; k + 4 < REPEAT; k++) {
    for (size_t f = 0; f < FILLER; f++)
      out[n++] = rnd ();
    memcpy (out + n, first + k, 4);
    out[n + 4] = (uint8_t) (first[k + 4] ^ 0x5A);
    n += 5;
  }
  for (size_t f = 0; f < FILLER; f++)
    out[n++] = rnd ();
  if (repeat) {
    memcpy (out + n, first, REPEAT);
    n += REPEAT;
  }
  return n;
}

TEST (repeat_found_whole_past_decoys)
{
  uint8_t *with = malloc (8192), *without = malloc (8192);
  unsigned at = seed;
  size_t n_with = decoys (with, true);
  seed = at;   /* the same noise */
  size_t n_without = decoys (without, false);
  CHECK (n_with == n_without + REPEAT);
  CHECK (memcmp (with, without, n_without) == 0);
  size_t a = deflated (with, n_with), b = deflated (without, n_without);
  /* One match (a length and a distance code with their extra bits) is a few bytes: 5 here,
   * where a table keyed by four bytes gave the repeat as matches of four, 20 bytes. */
  fprintf (stderr, "the repeat of %d bytes: %zu bytes of stream more\n", REPEAT, a - b);
  CHECK (a > b && a - b <= 8);
  free (without);
  free (with);
}

int
main (void)
{
  RUN (repeat_found_whole_past_decoys);
  return test_summary ();
}
