/* target/pagehuff: canonical Huffman codes of limited length, for pagedeflate. */
#ifndef INK_PAGEHUFF_H
#define INK_PAGEHUFF_H

#include <stdint.h>

#define INK__HUFF_MAX_SYMS 288

/* len[0..nsym) (nsym at most INK__HUFF_MAX_SYMS, each freq below 2^23): the code lengths,
 * at most limit (2^limit at least nsym), of a complete prefix code close to the
 * minimum-redundancy one for freq; symbols of frequency 0 get 0, but when fewer than two
 * symbols occur, symbols 0 and 1 fill the code up. */
void ink__huff_lengths (const uint32_t *freq, unsigned nsym, unsigned limit, uint8_t *len);

/* code[0..nsym): the canonical codes of the lengths, bit-reversed for deflate's LSB-first
 * order. */
void ink__huff_codes (const uint8_t *len, unsigned nsym, uint16_t *code);

#endif
