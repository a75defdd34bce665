#!/usr/bin/env python3
"""Write the code point lists for the bundled CJK subset fonts.

`sc` (Noto Sans CJK SC, regular and bold; cjk-unicodes.txt) is the union of:
  * the GB 2312 repertoire (every valid two-byte EUC-CN code),
  * the JIS X 0208 repertoire (every valid two-byte EUC-JP code whose bytes
    are both in 0xA1..0xFE; this leaves out the SS2 half-width kana and the
    SS3 JIS X 0212 codes),
  * the 2350 KS X 1001 Hangul syllables (EUC-KR rows 0xB0..0xC8),
  * kana (U+3040..30FF, U+31F0..31FF), CJK symbols and punctuation
    (U+3000..303F), half-width and full-width forms (U+FF00..FFEF),
  * printable ASCII and Latin-1 (U+0020..007E, U+00A0..00FF),
  * EXTRA below: characters the sample articles need that none of the above
    contains (see fonts/README.md).

`jp` (Noto Sans CJK JP; cjk-unicodes-jp.txt): JIS X 0208, the kana blocks and the
common part (CJK symbols and punctuation, half-width and full-width forms, ASCII,
Latin-1, EXTRA).

`kr` (Noto Sans CJK KR; cjk-unicodes-kr.txt): all 11172 precomposed Hangul
syllables (U+AC00..D7A3, a superset of the KS X 1001 2350), the Hangul Jamo and
Hangul Compatibility Jamo blocks (U+1100..11FF, U+3130..318F), the symbol rows
of KS X 1001 (EUC-KR rows 0xA1..0xAF: punctuation, units, circled and
parenthesized Hangul, Greek, Cyrillic, box drawing), the KS X 1001 hanja that
the `sc` list lacks (the others are set from the SC face, with its Korean
`locl` forms) and the common part.

Only Python's standard codecs are used, so the list is reproducible on any
machine. Output: one upper-case hex code point per line, ascending, in the
format `hb-subset --unicodes-file` reads.

Usage: cjk-charset.py [sc|jp|kr] [OUTPUT]
  default: sc; OUTPUT defaults to cjk-unicodes.txt, cjk-unicodes-jp.txt or
  cjk-unicodes-kr.txt next to this file
"""

import os
import sys

# Code points outside the decoded repertoires that CJK text needs.
EXTRA = [
    # EM DASH. GB 2312 0xA1AA and JIS X 0208 1-29 (EUC-JP 0xA1BD) are the
    # dash Chinese and Japanese text doubles as "——"; Python's codecs map
    # them to U+2015 HORIZONTAL BAR, but GBK/GB 18030 map 0xA1AA to U+2014,
    # and U+2014 is what Unicode text (and the sample articles) use.
    0x2014,
]


def two_byte_codes(lead_lo, lead_hi, trail_lo=0xA1, trail_hi=0xFE):
    for lead in range(lead_lo, lead_hi + 1):
        for trail in range(trail_lo, trail_hi + 1):
            yield bytes((lead, trail))


def decode_all(codec, codes):
    out = set()
    for code in codes:
        try:
            text = code.decode(codec)
        except UnicodeDecodeError:
            continue
        if len(text) != 1:
            raise SystemExit(f"{codec}: {code.hex()} decodes to {len(text)} chars")
        out.add(ord(text))
    return out


COMMON = [
    (0x0020, 0x007E),
    (0x00A0, 0x00FF),
    (0x3000, 0x303F),
    (0xFF00, 0xFFEF),
]
KANA = [(0x3040, 0x30FF), (0x31F0, 0x31FF)]
HANGUL = [(0xAC00, 0xD7A3), (0x1100, 0x11FF), (0x3130, 0x318F)]


def with_ranges(cps, ranges):
    for lo, hi in ranges:
        cps.update(range(lo, hi + 1))
    return cps


def ks_hangul():
    hangul = decode_all("euc_kr", two_byte_codes(0xB0, 0xC8))
    if len(hangul) != 2350:
        raise SystemExit(f"euc_kr Hangul rows gave {len(hangul)} syllables, not 2350")
    if not all(0xAC00 <= cp <= 0xD7A3 for cp in hangul):
        raise SystemExit("euc_kr Hangul rows contain a non-syllable")
    return hangul


def charset_sc():
    gb2312 = decode_all("gb2312", two_byte_codes(0xA1, 0xFE))
    jisx0208 = decode_all("euc_jp", two_byte_codes(0xA1, 0xFE))
    hangul = ks_hangul()
    cps = with_ranges(gb2312 | jisx0208 | hangul | set(EXTRA), COMMON + KANA)
    return cps, {"gb2312": len(gb2312), "jisx0208": len(jisx0208),
                 "hangul": len(hangul)}


def charset_jp():
    jisx0208 = decode_all("euc_jp", two_byte_codes(0xA1, 0xFE))
    cps = with_ranges(jisx0208 | set(EXTRA), COMMON + KANA)
    return cps, {"jisx0208": len(jisx0208)}


def charset_kr():
    ks_hangul()
    symbols = decode_all("euc_kr", two_byte_codes(0xA1, 0xAF))
    hanja = decode_all("euc_kr", two_byte_codes(0xCA, 0xFD))
    hanja -= charset_sc()[0]
    cps = with_ranges(symbols | hanja | set(EXTRA), COMMON + HANGUL)
    return cps, {"ksx1001 symbols": len(symbols), "ksx1001 hanja not in sc": len(hanja)}


SETS = {
    "sc": (charset_sc, "cjk-unicodes.txt"),
    "jp": (charset_jp, "cjk-unicodes-jp.txt"),
    "kr": (charset_kr, "cjk-unicodes-kr.txt"),
}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    args = sys.argv[1:]
    name = args.pop(0) if args and args[0] in SETS else "sc"
    make, default = SETS[name]
    path = args[0] if args else os.path.join(here, default)
    cps, counts = make()
    with open(path, "w", encoding="ascii", newline="\n") as f:
        for cp in sorted(cps):
            f.write(f"{cp:04X}\n")
    parts = ", ".join(f"{k} {v}" for k, v in counts.items())
    print(f"{path}: {len(cps)} code points ({parts})", file=sys.stderr)


if __name__ == "__main__":
    main()
