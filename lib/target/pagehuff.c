/* target/pagehuff: length-limited canonical Huffman codes for pagedeflate's blocks. The
 * lengths are those of a minimum-redundancy code (Moffat and Katajainen's in-place method
 * over the frequencies sorted), then cut to the limit and made complete again by the Kraft
 * sum: deflate decoders such as zlib's refuse an incomplete code. */
#include "pagehuff.h"

#include <string.h>

/* keys[0..n) ascending (a shell sort: n is at most 286). */
static void
sort_keys (uint32_t *keys, unsigned n)
{
  static const unsigned gaps[] = { 132, 57, 23, 10, 4, 1 };
  for (unsigned g = 0; g < sizeof gaps / sizeof gaps[0]; g++) {
    unsigned gap = gaps[g];
    for (unsigned i = gap; i < n; i++) {
      uint32_t k = keys[i];
      unsigned j = i;
      for (; j >= gap && keys[j - gap] > k; j -= gap)
        keys[j] = keys[j - gap];
      keys[j] = k;
    }
  }
}

/* a[0..n) frequencies ascending, n >= 2: replaced by the code lengths of a
 * minimum-redundancy code, which come out non-increasing. */
static void
min_redundancy (uint32_t *a, unsigned n)
{
  /* The tree: each internal node's weight, then its parent's index, in a[0..n-1). */
  unsigned leaf = 0, root = 0;
  for (unsigned next = 0; next + 1 < n; next++) {
    for (int child = 0; child < 2; child++) {
      uint32_t w;
      if (leaf >= n || (root < next && a[root] < a[leaf])) {
        w = a[root];
        a[root++] = next;
      } else {
        w = a[leaf++];
      }
      a[next] = child ? a[next] + w : w;
    }
  }
  /* Depths of the internal nodes, the root at n - 2. */
  a[n - 2] = 0;
  for (unsigned next = n - 2; next-- > 0;)
    a[next] = a[a[next]] + 1;
  /* Leaves: at each depth, the nodes free there and not taken by internal ones. */
  int r = (int) n - 2, next = (int) n - 1;
  unsigned avail = 1, depth = 0;
  while (avail > 0) {
    unsigned used = 0;
    while (r >= 0 && a[r] == depth) {
      used++;
      r--;
    }
    while (avail > used) {
      a[next--] = depth;
      avail--;
    }
    avail = 2 * used;
    depth++;
  }
}

/* len[0..n) non-increasing, the lengths of a complete code: cut to limit, then lengthened
 * (shortest-lived first) until the Kraft sum fits and shortened until it is full again. */
static void
limit_lengths (uint32_t *len, unsigned n, unsigned limit)
{
  uint32_t full = 1u << limit, sum = 0;
  for (unsigned i = 0; i < n; i++) {
    if (len[i] > limit)
      len[i] = limit;
    sum += full >> len[i];
  }
  for (unsigned i = 0; sum > full;) {
    while (len[i] >= limit)
      i++;
    len[i]++;
    sum -= full >> len[i];
  }
  while (sum < full)
    for (unsigned i = n; i-- > 0 && sum < full;)
      if (len[i] > 1 && sum + (full >> len[i]) <= full) {
        sum += full >> len[i];
        len[i]--;
      }
}

/* Declared in pagehuff.h. */
void
ink__huff_lengths (const uint32_t *freq, unsigned nsym, unsigned limit, uint8_t *len)
{
  uint32_t keys[INK__HUFF_MAX_SYMS], a[INK__HUFF_MAX_SYMS];
  unsigned n = 0;
  memset (len, 0, nsym);
  for (unsigned s = 0; s < nsym; s++)
    if (freq[s])
      keys[n++] = freq[s] << 9 | s;
  if (n < 2) {  /* a complete code needs two symbols: give one of 0 and 1 too */
    unsigned s = n ? (keys[0] & 511) : 0;
    len[s] = 1;
    len[s == 0 ? 1 : 0] = 1;
    return;
  }
  sort_keys (keys, n);
  for (unsigned i = 0; i < n; i++)
    a[i] = keys[i] >> 9;
  min_redundancy (a, n);
  limit_lengths (a, n, limit);
  for (unsigned i = 0; i < n; i++)
    len[keys[i] & 511] = (uint8_t) a[i];
}

/* The low l bits of v (l at most 16) in reverse order. */
static unsigned
reverse_bits (unsigned v, unsigned l)
{
  v = (v >> 1 & 0x5555u) | (v & 0x5555u) << 1;
  v = (v >> 2 & 0x3333u) | (v & 0x3333u) << 2;
  v = (v >> 4 & 0x0F0Fu) | (v & 0x0F0Fu) << 4;
  v = (v >> 8 & 0x00FFu) | (v & 0x00FFu) << 8;
  return v >> (16 - l);
}

/* Declared in pagehuff.h. */
void
ink__huff_codes (const uint8_t *len, unsigned nsym, uint16_t *code)
{
  uint16_t count[16] = { 0 }, next[16];
  for (unsigned s = 0; s < nsym; s++)
    count[len[s]]++;
  count[0] = 0;
  unsigned c = 0;
  for (unsigned l = 1; l < 16; l++) {
    c = (c + count[l - 1]) << 1;
    next[l] = (uint16_t) c;
  }
  for (unsigned s = 0; s < nsym; s++) {
    unsigned l = len[s], v = l ? next[l]++ : 0;
    /* Deflate sends a code's bits from the top, LSB-first. */
    code[s] = (uint16_t) reverse_bits (v, l);
  }
}
