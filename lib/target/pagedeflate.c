/* target/pagedeflate: deflate for page frames (pagedeflate.h). The input is cut into blocks
 * of BLOCK_TOKENS literals and matches; each block is written with its own Huffman codes,
 * the fixed ones or stored, whichever is fewest bits. The input is read as it is needed into
 * a window of WIN_BYTES, which keeps the WINDOW bytes a match may reach back to and
 * LOOKAHEAD bytes ahead: a page is never held whole. A stored block's bytes are decoded back
 * from its tokens. */
#include "pagedeflate.h"
#include "pagehuff.h"

#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* Measured on the sample's pages at 1 to 8 bits and a photograph (docs/performance.md,
 * "A deflate encoder for pages"): blocks of BLOCK_TOKENS tokens. The table is keyed by the
 * next 5 bytes and positions inside a match are entered up to INSERT_SPAN bytes from its
 * start: measured on every sample's pages at 4 and 8 bits ("The hash keyed by 5 bytes"),
 * fewer instructions than 4 bytes and 16 positions, and smaller pages at both depths. */
#define HASH_BITS 15
#define HASH_BYTES 5u
#define INSERT_SPAN 6u
_Static_assert (HASH_BYTES >= 4 && HASH_BYTES <= 8, "a key: one 8-byte load, 4 bytes or more");
#define BLOCK_TOKENS 32768u
#define WINDOW 32768u
#define MAX_MATCH 258u
/* The input in the window: WINDOW bytes back, at least LOOKAHEAD ahead (a longest match and
 * the 8 bytes one comparison loads). WIN_SLACK bytes of zeros follow the input read: the hash
 * of the last positions loads 8 bytes and shifts out those past its 5. */
#define WIN_BYTES (4 * WINDOW)
#define WIN_SLACK 8u
#define LOOKAHEAD 512u
/* A token: a literal byte, or MATCH_FLAG | distance symbol << 24 | (length - 3) << 16 |
 * (distance - 1). */
#define MATCH_FLAG 0x80000000u

static const uint16_t len_base[29] = { 3,  4,  5,  6,  7,  8,  9,  10,  11,  13,
                                       15, 17, 19, 23, 27, 31, 35, 43,  51,  59,
                                       67, 83, 99, 115, 131, 163, 195, 227, 258 };
static const uint8_t len_extra[29] = { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                       2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0 };
static const uint16_t dist_base[30] = { 1,    2,    3,    4,    5,    7,     9,     13,
                                        17,   25,   33,   49,   65,   97,    129,   193,
                                        257,  385,  513,  769,  1025, 1537,  2049,  3073,
                                        4097, 6145, 8193, 12289, 16385, 24577 };
static const uint8_t dist_extra[30] = { 0, 0, 0, 0, 1, 1, 2, 2,  3,  3,  4,  4,  5,  5,  6,
                                        6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13 };
/* The order code-length code lengths are sent in. */
static const uint8_t cl_order[19] = { 16, 17, 18, 0, 8, 7, 9, 6, 10, 5,
                                      11, 4,  12, 3, 13, 2, 14, 1, 15 };

typedef struct {
  uint8_t len[288];
  uint16_t code[288];
} code_t;

typedef struct {
  uint32_t head[1u << HASH_BITS];
  uint32_t tok[BLOCK_TOKENS];
  uint32_t lfreq[288], dfreq[30];
  code_t lit, dist, fixlit, fixdist;
  uint8_t len_sym[256];   /* match length - 3: its length symbol - 257 */
  uint8_t dist_sym[512];  /* distance - 1 below 256, else 256 + ((distance - 1) >> 7) */
  uint8_t win[WIN_BYTES + WIN_SLACK];  /* input from the position enc_t.off on */
  uint8_t before[WINDOW];  /* the input before the block, for a stored block's matches */
} work_t;

typedef struct {
  uint8_t *p, *end;
  uint64_t acc;
  unsigned n;  /* bits in acc, below 8 after each flush */
} bits_t;

/* Adds k bits of v; n + k stays below 64. */
static inline void
add_bits (bits_t *b, uint64_t v, unsigned k)
{
  b->acc |= v << b->n;
  b->n += k;
}

/* The whole bytes of acc out; 8 bytes of room are needed past them. */
static inline void
flush_bits (bits_t *b)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  memcpy (b->p, &b->acc, 8);
#else
  for (unsigned i = 0; i < 8; i++)
    b->p[i] = (uint8_t) (b->acc >> 8 * i);
#endif
  b->p += b->n >> 3;
  b->acc >>= b->n & 56;
  b->n &= 7;
}

static inline void
put_bits (bits_t *b, uint64_t v, unsigned k)
{
  add_bits (b, v, k);
  flush_bits (b);
}

/* Out to the next byte boundary, padded with zeros. */
static void
align_bits (bits_t *b)
{
  flush_bits (b);
  if (b->n > 0)
    *b->p++ = (uint8_t) b->acc;
  b->acc = 0;
  b->n = 0;
}

static inline uint32_t
load32 (const uint8_t *p)
{
  uint32_t v;
  memcpy (&v, p, 4);
  return v;
}

static inline uint64_t
load64 (const uint8_t *p)
{
  uint64_t v;
  memcpy (&v, p, 8);
  return v;
}

/* The table slot of the HASH_BYTES bytes at p (8 readable): one load, the bytes past them
 * shifted out. */
static inline uint32_t
slot_of (const uint8_t *p)
{
  return (uint32_t) ((load64 (p) << (64 - 8 * HASH_BYTES)) * UINT64_C (0x9E3779B97F4A7C15) >>
                     (64 - HASH_BITS));
}

/* How many of a[0..max) equal b[0..max) from the start (b may overlap a). */
static inline size_t
common (const uint8_t *a, const uint8_t *b, size_t max)
{
  size_t l = 0;
#if defined(__SSE2__)
  for (; l + 16 <= max; l += 16) {   /* 16 bytes a step: a run of paper is most of a page */
    __m128i eq = _mm_cmpeq_epi8 (_mm_loadu_si128 ((const __m128i *) (const void *) (a + l)),
                                 _mm_loadu_si128 ((const __m128i *) (const void *) (b + l)));
    unsigned differ = (unsigned) _mm_movemask_epi8 (eq) ^ 0xFFFFu;
    if (differ)
      return l + (unsigned) __builtin_ctz (differ);
  }
#endif
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  for (; l + 8 <= max; l += 8) {
    uint64_t x = load64 (a + l) ^ load64 (b + l);
    if (x)
      return l + ((unsigned) __builtin_ctzll (x) >> 3);
  }
#endif
  while (l < max && a[l] == b[l])
    l++;
  return l;
}

static inline unsigned
dist_symbol (const work_t *w, uint32_t d)  /* d: distance - 1 */
{
  return d < 256 ? w->dist_sym[d] : w->dist_sym[256 + (d >> 7)];
}

static void
init_tables (work_t *w)
{
  for (unsigned s = 0; s < 29; s++)
    for (unsigned l = len_base[s]; l < len_base[s] + (1u << len_extra[s]) && l <= 258; l++)
      w->len_sym[l - 3] = (uint8_t) s;
  for (unsigned s = 0, d = 0; d < 512; d++) {  /* d: distance - 1, or 256 + (it >> 7) */
    unsigned dist = d < 256 ? d + 1 : ((d - 256) << 7) + 1;
    while (s < 29 && dist >= dist_base[s + 1])
      s++;
    w->dist_sym[d] = (uint8_t) s;
  }
  for (unsigned s = 0; s < 288; s++)
    w->fixlit.len[s] = s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8;
  ink__huff_codes (w->fixlit.len, 288, w->fixlit.code);
  memset (w->fixdist.len, 5, 30);
  ink__huff_codes (w->fixdist.len, 30, w->fixdist.code);
  memset (w->head, 0, sizeof w->head);
  memset (w->lfreq, 0, sizeof w->lfreq);
  memset (w->dfreq, 0, sizeof w->dfreq);
}

/* Bits of the block's symbols and extra bits under the codes lit and dist. */
static uint64_t
body_bits (const work_t *w, const code_t *lit, const code_t *dist)
{
  uint64_t bits = 0;
  for (unsigned s = 0; s < 286; s++)
    bits += (uint64_t) w->lfreq[s] * (lit->len[s] + (s > 256 ? len_extra[s - 257] : 0));
  for (unsigned s = 0; s < 30; s++)
    bits += (uint64_t) w->dfreq[s] * (dist->len[s] + dist_extra[s]);
  return bits;
}

/* The dynamic block's header: the code lengths run-length coded (symbols 16, 17 and 18,
 * their extra bits in the high byte) into cl, their count returned; hlit and hdist set. */
static unsigned
code_length_symbols (const work_t *w, unsigned *hlit, unsigned *hdist, uint16_t *cl)
{
  uint8_t seq[286 + 30];
  unsigned nl = 286, nd = 30, n = 0;
  while (nl > 257 && !w->lit.len[nl - 1])
    nl--;
  while (nd > 1 && !w->dist.len[nd - 1])
    nd--;
  memcpy (seq, w->lit.len, nl);
  memcpy (seq + nl, w->dist.len, nd);
  for (unsigned i = 0, total = nl + nd; i < total;) {
    unsigned v = seq[i], run = 1;
    while (i + run < total && seq[i + run] == v)
      run++;
    i += run;
    if (v == 0) {
      for (; run >= 11; run -= run < 138 ? run : 138)
        cl[n++] = (uint16_t) (18 | ((run < 138 ? run : 138) - 11) << 8);
      if (run >= 3) {
        cl[n++] = (uint16_t) (17 | (run - 3) << 8);
        run = 0;
      }
    } else {
      cl[n++] = (uint16_t) v;
      for (run--; run >= 3; run -= run < 6 ? run : 6)
        cl[n++] = (uint16_t) (16 | ((run < 6 ? run : 6) - 3) << 8);
    }
    while (run-- > 0)
      cl[n++] = (uint16_t) v;
  }
  *hlit = nl;
  *hdist = nd;
  return n;
}

typedef struct {
  ink__deflate_fill_fn fill;
  void *src;
  size_t n;            /* input bytes in all */
  size_t off, have;    /* the window holds input [off, off + have) */
  size_t before_len;   /* work_t.before holds input [start - before_len, start) */
  size_t start;  /* the block's first input byte */
  unsigned ntok;
  bits_t b;
  ink__deflate_room_t *room;  /* the output: b writes into room->out */
  int full;  /* the output did not fit */
} enc_t;

static void
write_symbols (work_t *w, enc_t *e, const code_t *lit, const code_t *dist)
{
  /* Each match length's code and extra bits together, and each distance symbol's code. */
  uint32_t lbits[256];
  uint8_t lcount[256];
  for (unsigned l = 0; l < 256; l++) {
    unsigned ls = w->len_sym[l], sym = 257 + ls;
    lbits[l] = lit->code[sym] | (uint32_t) (l + 3 - len_base[ls]) << lit->len[sym];
    lcount[l] = (uint8_t) (lit->len[sym] + len_extra[ls]);
  }
  /* Each distance symbol's code less its base's extra bits (modulo 2^64), so that adding
   * the distance - 1 shifted past the code gives the code and the extra bits; and its count. */
  uint64_t dbits[30];
  uint8_t dshift[30], dcount[30];
  for (unsigned s = 0; s < 30; s++) {
    dshift[s] = dist->len[s];
    dbits[s] = dist->code[s] - ((uint64_t) (dist_base[s] - 1) << dist->len[s]);
    dcount[s] = (uint8_t) (dist->len[s] + dist_extra[s]);
  }
  bits_t bits = e->b, *b = &bits;  /* a copy the stores cannot alias */
  for (unsigned t = 0, ntok = e->ntok; t < ntok; t++) {
    uint32_t k = w->tok[t];
    if (!(k & MATCH_FLAG)) {
      /* A literal's code (15 bits at most) is flushed only once 42 bits wait: a literal
       * more then still fits, and a match (48 bits) after one flushed above 15. */
      add_bits (b, lit->code[k], lit->len[k]);
      if (b->n > 41)
        flush_bits (b);
      continue;
    }
    if (b->n > 15)
      flush_bits (b);
    unsigned l = (k >> 16) & 255;
    add_bits (b, lbits[l], lcount[l]);
    unsigned ds = (k >> 24) & 31;
    add_bits (b, dbits[ds] + ((uint64_t) (k & 0x7fff) << dshift[ds]), dcount[ds]);
    flush_bits (b);
  }
  put_bits (b, lit->code[256], lit->len[256]);
  e->b = bits;
}

/* Byte q of the block being stored (q < 0: before it), cur holding the block's bytes from
 * cur_at on and prev the 65535 before them; a match reaches back at most WINDOW bytes. */
static inline uint8_t
stored_byte (const work_t *w, const enc_t *e, ptrdiff_t q, const uint8_t *cur, ptrdiff_t cur_at,
             const uint8_t *prev)
{
  if (q >= cur_at)
    return cur[q - cur_at];
  if (q >= 0)
    return prev[q - (cur_at - 65535)];
  return w->before[(ptrdiff_t) e->before_len + q];
}

/* The block as stored chunks of at most 65535 bytes, decoded back from its tokens. */
static void
write_stored (const work_t *w, enc_t *e, size_t end, int final)
{
  size_t raw = end - e->start, q = 0, left = 0, dist = 0;  /* left: bytes of a match to copy */
  unsigned t = 0;
  uint8_t *cur = NULL, *prev = NULL;
  do {
    size_t len = raw - q < 65535 ? raw - q : 65535;
    put_bits (&e->b, (final && q + len == raw) ? 1 : 0, 3);
    align_bits (&e->b);
    uint8_t *p = e->b.p;
    p[0] = (uint8_t) len;
    p[1] = (uint8_t) (len >> 8);
    p[2] = (uint8_t) ~len;
    p[3] = (uint8_t) (~len >> 8);
    prev = cur;
    cur = p + 4;
    ptrdiff_t cur_at = (ptrdiff_t) q;
    for (size_t c = 0; c < len; c++, q++) {
      if (left == 0) {
        uint32_t k = w->tok[t++];
        if (!(k & MATCH_FLAG)) {
          cur[c] = (uint8_t) k;
          continue;
        }
        left = ((k >> 16) & 255) + 3;
        dist = (k & 0x7fff) + 1;
      }
      cur[c] = stored_byte (w, e, (ptrdiff_t) q - (ptrdiff_t) dist, cur, cur_at, prev);
      left--;
    }
    e->b.p = cur + len;
  } while (q < raw);
}

/* Room for need bytes past the output so far, asked of the room's grow: false when none. */
static bool
more_room (enc_t *e, uint64_t need)
{
  ink__deflate_room_t *r = e->room;
  size_t len = (size_t) (e->b.p - r->out), cap = 0;
  if (!r->grow || need > SIZE_MAX - len)
    return false;
  uint8_t *out = r->grow (r->user, r->out, len, len + (size_t) need, &cap);
  if (!out || cap < len + need)
    return false;
  r->out = out;
  r->cap = cap;
  e->b.p = out + len;
  e->b.end = out + cap;
  return true;
}

/* The tokens so far as one block covering input [e->start, end). */
static void
flush_block (work_t *w, enc_t *e, size_t end, int final)
{
  w->lfreq[256] = 1;
  ink__huff_lengths (w->lfreq, 286, 15, w->lit.len);
  ink__huff_lengths (w->dfreq, 30, 15, w->dist.len);
  uint16_t cl[286 + 30];
  unsigned hlit, hdist, ncl = code_length_symbols (w, &hlit, &hdist, cl);
  uint32_t clfreq[19] = { 0 };
  uint8_t cllen[19];
  uint16_t clcode[19];
  for (unsigned i = 0; i < ncl; i++)
    clfreq[cl[i] & 31]++;
  ink__huff_lengths (clfreq, 19, 7, cllen);
  unsigned hclen = 19;
  while (hclen > 4 && !cllen[cl_order[hclen - 1]])
    hclen--;
  uint64_t dyn = 3 + 5 + 5 + 4 + 3 * hclen;
  for (unsigned s = 0; s < 19; s++)
    dyn += (uint64_t) clfreq[s] * (cllen[s] + (s == 16 ? 2 : s == 17 ? 3 : s == 18 ? 7 : 0));
  dyn += body_bits (w, &w->lit, &w->dist);
  uint64_t fixed = 3 + body_bits (w, &w->fixlit, &w->fixdist);
  size_t raw = end - e->start, chunks = raw ? (raw + 65534) / 65535 : 1;
  uint64_t stored = (uint64_t) chunks * 48 + (uint64_t) raw * 8;  /* with each byte's pad */
  uint64_t best = dyn < fixed ? dyn : fixed;
  if (stored < best)
    best = stored;
  if ((uint64_t) (e->b.end - e->b.p) < best / 8 + 16 && !more_room (e, best / 8 + 16)) {
    e->full = 1;
    return;
  }
  if (best == stored) {
    write_stored (w, e, end, final);
  } else if (best == fixed) {
    put_bits (&e->b, final | 1u << 1, 3);
    write_symbols (w, e, &w->fixlit, &w->fixdist);
  } else {
    ink__huff_codes (w->lit.len, 286, w->lit.code);
    ink__huff_codes (w->dist.len, 30, w->dist.code);
    ink__huff_codes (cllen, 19, clcode);
    bits_t *b = &e->b;
    put_bits (b, final | 2u << 1 | (hlit - 257) << 3 | (hdist - 1) << 8 | (hclen - 4) << 13, 17);
    for (unsigned i = 0; i < hclen; i++)
      put_bits (b, cllen[cl_order[i]], 3);
    for (unsigned i = 0; i < ncl; i++) {
      unsigned s = cl[i] & 31;
      put_bits (b, clcode[s] | (uint32_t) (cl[i] >> 8) << cllen[s],
                cllen[s] + (s == 16 ? 2 : s == 17 ? 3 : s == 18 ? 7 : 0));
    }
    write_symbols (w, e, &w->lit, &w->dist);
  }
  memset (w->lfreq, 0, sizeof w->lfreq);
  memset (w->dfreq, 0, sizeof w->dfreq);
  e->start = end;
  e->ntok = 0;
}

static inline uint32_t
add_literal (work_t *w, unsigned c)
{
  w->lfreq[c]++;
  return c;
}

static inline uint32_t
add_match (work_t *w, size_t len, size_t dist)
{
  uint32_t l = (uint32_t) len - 3, d = (uint32_t) dist - 1, ds = dist_symbol (w, d);
  w->lfreq[257 + w->len_sym[l]]++;
  w->dfreq[ds]++;
  return MATCH_FLAG | ds << 24 | l << 16 | d;
}

/* The longest match at p (input position i) of at most max bytes (max at least 4): a run of
 * p[-1], the hash table's last position of the next HASH_BYTES bytes (when search and they
 * are all input), or the row above (above: i is up or more, known where the call is
 * compiled). Sets *dist. */
static inline size_t
find_match (work_t *w, const uint8_t *p, size_t up, size_t i, size_t max, bool above,
            bool search, size_t *dist)
{
  if ((above || i > 0) && max >= 8 && load64 (p) == load64 (p - 1)) {
    *dist = 1;
    return 8 + common (p + 8, p + 7, max - 8);
  }
  uint32_t cur = load32 (p);
  size_t cand = i, len = 0;  /* no search: no candidate, i - cand is 0 */
  if (search && max >= HASH_BYTES) {
    uint32_t h = slot_of (p);
    cand = w->head[h];
    w->head[h] = (uint32_t) i;
  }
  if (i - cand - 1 < WINDOW && load32 (p - (i - cand)) == cur) {  /* 0 < i - cand <= WINDOW */
    len = 4 + common (p + 4, p - (i - cand) + 4, max - 4);
    *dist = i - cand;
  }
  if (len < max && (above || i >= up) && i - cand != up && load32 (p - up) == cur) {
    size_t l2 = 4 + common (p + 4, p - up + 4, max - 4);
    if (l2 > len) {
      len = l2;
      *dist = up;
    }
  }
  return len;
}

/* Slides the window to keep the WINDOW bytes before position i and reads on from the source
 * as far as it holds; false when the source failed. */
static bool
refill (work_t *w, enc_t *e, size_t i)
{
  size_t keep = i > WINDOW ? i - WINDOW : 0;
  if (keep > e->off) {
    size_t drop = keep - e->off;
    memmove (w->win, w->win + drop, e->have - drop);
    e->have -= drop;
    e->off = keep;
  }
  size_t room = WIN_BYTES - e->have, rest = e->n - (e->off + e->have);
  size_t get = room < rest ? room : rest;
  if (get > 0 && !e->fill (e->src, w->win + e->have, get))
    return false;
  e->have += get;
  memset (w->win + e->have, 0, WIN_SLACK);  /* what a hash loads past the input is set */
  return true;
}

/* A new block starts at i: keeps the WINDOW bytes before it for a stored block. */
static void
keep_before (work_t *w, enc_t *e, size_t i)
{
  size_t len = i < WINDOW ? i : WINDOW;
  memcpy (w->before, w->win + (i - e->off) - len, len);
  e->before_len = len;
}

/* Declared in pagedeflate.h. */
size_t
ink__pagedeflate_work_size (void)
{
  return sizeof (work_t);
}

/* Declared in pagedeflate.h. */
size_t
ink__pagedeflate_bound (size_t n)
{
  return n + n / 1024 + 64;
}

/* One token at input position i (p its byte in the window, max the bytes left, at most
 * MAX_MATCH and at least 1; above and search as find_match's); returns the position after it. */
static inline size_t
next_token (work_t *w, const uint8_t *p, size_t up, size_t i, size_t max, bool above,
            bool search, size_t n, unsigned *ntok)
{
  size_t dist = 0, len = max >= 4 ? find_match (w, p, up, i, max, above, search, &dist) : 0;
  if (len < 4) {
    w->tok[(*ntok)++] = add_literal (w, *p);
    return i + 1;
  }
  w->tok[(*ntok)++] = add_match (w, len, dist);
  /* Not a run: its bytes may start matches, each keyed by HASH_BYTES bytes of input. */
  if (search && dist != 1 && i + len + HASH_BYTES - 1 <= n)
    for (size_t j = 1, end = len < INSERT_SPAN ? len : INSERT_SPAN; j < end; j++)
      w->head[slot_of (p + j)] = (uint32_t) (i + j);
  return i + len;
}

/* ink__pagedeflate_grow's work, inlined at each of its calls so that the token loops are
 * compiled for a known search. */
static inline __attribute__ ((always_inline)) size_t
stream (ink__deflate_fill_fn fill, void *src, size_t n, size_t pitch, bool search,
        ink__deflate_room_t *room, void *work)
{
  if (n > UINT32_MAX / 2)
    return 0;
  work_t *w = work;
  init_tables (w);
  enc_t e = { .fill = fill, .src = src, .n = n, .room = room,
              .b = { .p = room->out, .end = room->out + room->cap } };
  size_t up = pitch && pitch <= WINDOW ? pitch : SIZE_MAX;  /* no row above in reach */
  unsigned ntok = 0;
  size_t refill_at = 0;  /* the window is read on past this position */
  /* Below this position a token may be a longest match, so max is MAX_MATCH. */
  size_t whole = n > MAX_MATCH ? n - MAX_MATCH : 0;
  for (size_t i = 0; i < n;) {
    if (i >= refill_at) {
      if (!refill (w, &e, i))
        return 0;
      refill_at = e.off + e.have < n ? e.off + e.have - LOOKAHEAD : SIZE_MAX;
    }
    /* Tokens until the window is to be read on, the block is full or the input's last bytes;
     * each compiled for max of MAX_MATCH. */
    size_t off = e.off, stop = refill_at < whole ? refill_at : whole;
    while (i < stop && ntok < BLOCK_TOKENS) {
      /* A token takes a byte at least: the block cannot fill before lim. */
      size_t lim = i + (BLOCK_TOKENS - ntok) < stop ? i + (BLOCK_TOKENS - ntok) : stop;
      const uint8_t *p = w->win + (i - off);
      /* The first row's tokens, then the others' with the row above known in reach. */
      for (size_t first = lim < up ? lim : up; i < first;) {
        size_t next = next_token (w, p, up, i, MAX_MATCH, false, search, n, &ntok);
        p += next - i;
        i = next;
      }
      for (; i < lim;) {
        size_t next = next_token (w, p, up, i, MAX_MATCH, true, search, n, &ntok);
        p += next - i;
        i = next;
      }
    }
    if (i < n && i < refill_at && ntok < BLOCK_TOKENS) {
      size_t max = n - i < MAX_MATCH ? n - i : MAX_MATCH;
      i = next_token (w, w->win + (i - off), up, i, max, i >= up, search, n, &ntok);
    }
    if (ntok == BLOCK_TOKENS && i < n) {
      e.ntok = ntok;
      flush_block (w, &e, i, 0);
      if (e.full)
        return 0;
      ntok = 0;
      keep_before (w, &e, i);
    }
  }
  e.ntok = ntok;
  flush_block (w, &e, n, 1);
  if (e.full)
    return 0;
  align_bits (&e.b);
  return (size_t) (e.b.p - room->out);
}

/* Declared in pagedeflate.h. */
size_t
ink__pagedeflate_grow (ink__deflate_fill_fn fill, void *src, size_t n, size_t pitch,
                       bool search, ink__deflate_room_t *room, void *work)
{
  if (search)
    return stream (fill, src, n, pitch, true, room, work);
  return stream (fill, src, n, pitch, false, room, work);
}

/* Declared in pagedeflate.h. */
size_t
ink__pagedeflate_stream (ink__deflate_fill_fn fill, void *src, size_t n, size_t pitch,
                         bool search, uint8_t *out, size_t cap, void *work)
{
  ink__deflate_room_t room = { out, cap, NULL, NULL };
  return ink__pagedeflate_grow (fill, src, n, pitch, search, &room, work);
}

typedef struct {
  const uint8_t *in;
  size_t at;
} memsrc_t;

static bool
fill_from_memory (void *src, uint8_t *dst, size_t len)
{
  memsrc_t *m = src;
  memcpy (dst, m->in + m->at, len);
  m->at += len;
  return true;
}

/* Declared in pagedeflate.h. */
size_t
ink__pagedeflate (const uint8_t *in, size_t n, size_t pitch, bool search, uint8_t *out,
                  size_t cap, void *work)
{
  memsrc_t m = { in, 0 };
  return ink__pagedeflate_stream (fill_from_memory, &m, n, pitch, search, out, cap, work);
}
