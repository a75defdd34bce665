/* target/pagedeflate: a deflate encoder (RFC 1951) for page frames, whose bytes are mostly
 * paper. Runs of one byte are coded as matches at distance 1 and rows like the one above as
 * matches at the row's distance, without hashing; the rest is matched through a hash table,
 * greedily, when the caller asks for that search (a page of 1 or 2 bits is smaller and
 * quicker without it: docs/performance.md). Each block takes the cheapest of dynamic Huffman
 * codes, the fixed codes or storing. Self-contained (no allocation, no library): the caller
 * gives the working memory. Deterministic: the output depends on the input, pitch and
 * search only. The input is read as it is needed, from memory or from a source that makes it
 * (the rows of a page as they are drawn), into a window in the working memory.
 *
 *   size_t cap = ink__pagedeflate_bound (n);
 *   size_t got = ink__pagedeflate (frame, n, pitch, true, out, cap, work);  // 0: did not fit
 *   got = ink__pagedeflate_stream (next_bytes, src, n, pitch, true, out, cap, work);
 *   got = ink__pagedeflate_grow (next_bytes, src, n, pitch, true, &room, work);  // room.out
 */
#ifndef INK_PAGEDEFLATE_H
#define INK_PAGEDEFLATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Writes the next len bytes of the input at dst; false to stop (the encoder returns 0). */
typedef bool (*ink__deflate_fill_fn) (void *src, uint8_t *dst, size_t len);

/* Asked for more room when the next block does not fit: returns a buffer of cap bytes (at
 * least need) holding the len bytes written so far at out, and sets *cap; NULL when there is
 * none (the encoder then returns 0; out stays the caller's to free). */
typedef uint8_t *(*ink__deflate_grow_fn) (void *user, uint8_t *out, size_t len, size_t need,
                                          size_t *cap);

/* Where ink__pagedeflate_grow writes: out[0..cap), grown by grow (called with user); after
 * the call out is the buffer the stream is in, the last one grow returned. */
typedef struct {
  uint8_t *out;
  size_t cap;
  ink__deflate_grow_fn grow;
  void *user;
} ink__deflate_room_t;

/* Bytes of working memory ink__pagedeflate needs (aligned for uint32_t). */
size_t ink__pagedeflate_work_size (void);

/* The most bytes the raw deflate stream of n input bytes can take. */
size_t ink__pagedeflate_bound (size_t n);

/* Compresses in[0..n) (rows of pitch bytes, or any bytes: pitch 0 skips the row match) into
 * one raw deflate stream at out; returns its length, or 0 when it did not fit in cap or n is
 * over UINT32_MAX / 2. search: also match anything in the window through the hash table
 * (false: runs of one byte and the row above only). */
size_t ink__pagedeflate (const uint8_t *in, size_t n, size_t pitch, bool search, uint8_t *out,
                         size_t cap, void *work);

/* As ink__pagedeflate, the n input bytes asked of fill in order, each once. */
size_t ink__pagedeflate_stream (ink__deflate_fill_fn fill, void *src, size_t n, size_t pitch,
                                bool search, uint8_t *out, size_t cap, void *work);

/* As ink__pagedeflate_stream, into room->out, grown as the blocks need: the output depends on
 * the input, pitch and search only, whatever room it starts with. */
size_t ink__pagedeflate_grow (ink__deflate_fill_fn fill, void *src, size_t n, size_t pitch,
                              bool search, ink__deflate_room_t *room, void *work);

#endif
