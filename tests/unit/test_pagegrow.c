/* The page encoder's output grown as it goes (lib/target/pagedeflate.c, ink__pagedeflate_grow):
 * started in a small buffer and grown by the caller's hook whenever a block does not fit, it
 * writes the same bytes as into the bound at once, with and without the hash search, for
 * pages of paper and text and for noise (stored blocks); the hook is asked with the bytes so
 * far and for more than the room it gave, and a hook that gives no more room stops the
 * stream. */
#include "test.h"
#include "pagedeflate.h"

#include <stdint.h>

static unsigned seed = 6803;
#define rnd() test_random (&seed)

typedef struct {
  unsigned calls, bad;   /* grow calls; those not asking for more than the room given */
  size_t given;          /* the room last given */
  bool refuse;
} hook_t;

/* Half again what is asked, so that the blocks land at every kind of edge of the room. */
static uint8_t *
grow (void *user, uint8_t *out, size_t len, size_t need, size_t *cap)
{
  hook_t *h = user;
  h->calls++;
  if (need <= h->given || len > h->given)
    h->bad++;
  if (h->refuse)
    return NULL;
  size_t size = need + need / 2;
  uint8_t *p = realloc (out, size);
  if (p) {
    *cap = size;
    h->given = size;
  }
  return p;
}

typedef struct {
  const uint8_t *in;
  size_t at;
} src_t;

static bool
fill (void *user, uint8_t *dst, size_t len)
{
  src_t *s = user;
  memcpy (dst, s->in + s->at, len);
  s->at += len;
  return true;
}

/* Rows of pitch bytes: paper, strokes of ink, every fifth line of text noise. */
static uint8_t *
rows (size_t nrows, size_t pitch)
{
  uint8_t *p = malloc (nrows * pitch);
  for (size_t y = 0; y < nrows; y++) {
    uint8_t *r = p + y * pitch;
    memset (r, 0xFF, pitch);
    r[0] = 0;
    if ((y / 12) % 3 == 2)
      continue;
    bool noisy = (y / 36) % 5 == 4;
    for (size_t x = 1 + rnd () % 9; x + 3 < pitch; x += noisy ? 1 : 3 + rnd () % 11)
      r[x] = (uint8_t) (noisy ? rnd () >> 3 : rnd () % 3 ? 0x00 : rnd ());
  }
  return p;
}

/* in[0..n) grown from first bytes of room: the bytes of the bound given at once; returns
 * the grow calls. */
static unsigned
same_as_bound (const uint8_t *in, size_t n, size_t pitch, bool search, size_t first)
{
  size_t cap = ink__pagedeflate_bound (n);
  uint8_t *whole = malloc (cap);
  void *work = malloc (ink__pagedeflate_work_size ());
  size_t lw = ink__pagedeflate (in, n, pitch, search, whole, cap, work);
  hook_t h = { .given = first };
  ink__deflate_room_t room = { malloc (first), first, grow, &h };
  src_t src = { in, 0 };
  size_t lg = ink__pagedeflate_grow (fill, &src, n, pitch, search, &room, work);
  CHECK (lw > 0 && lg == lw && memcmp (room.out, whole, lw) == 0);
  CHECK (lg <= room.cap);
  CHECK_EQ_INT (h.bad, 0);
  free (room.out);
  free (work);
  free (whole);
  return h.calls;
}

TEST (grown_as_given_the_bound)
{
  size_t pitch = 703, n = 900 * pitch;
  uint8_t *p = rows (n / pitch, pitch);
  for (int search = 0; search < 2; search++) {
    CHECK (same_as_bound (p, n, pitch, search, 1) > 2);
    CHECK (same_as_bound (p, n, pitch, search, 4096) > 1);
    CHECK_EQ_INT (same_as_bound (p, n, pitch, search, ink__pagedeflate_bound (n)), 0);
  }
  for (size_t i = 0; i < n; i++)   /* noise: stored blocks */
    p[i] = (uint8_t) (rnd () >> 4);
  CHECK (same_as_bound (p, n, pitch, true, n / 8) > 0);
  CHECK (same_as_bound (p, 1000, 0, true, 16) > 0);
  free (p);
}

TEST (no_more_room_stops)
{
  size_t pitch = 703, n = 400 * pitch;
  uint8_t *p = rows (n / pitch, pitch);
  void *work = malloc (ink__pagedeflate_work_size ());
  hook_t h = { .given = 4096, .refuse = true };
  ink__deflate_room_t room = { malloc (4096), 4096, grow, &h };
  src_t src = { p, 0 };
  CHECK_EQ_INT (ink__pagedeflate_grow (fill, &src, n, pitch, true, &room, work), 0);
  CHECK_EQ_INT (h.calls, 1);
  ink__deflate_room_t none = { room.out, 4096, NULL, NULL };
  src.at = 0;
  CHECK_EQ_INT (ink__pagedeflate_grow (fill, &src, n, pitch, true, &none, work), 0);
  free (room.out);
  free (work);
  free (p);
}

int
main (void)
{
  RUN (grown_as_given_the_bound);
  RUN (no_more_room_stops);
  return test_summary ();
}
