#!/usr/bin/env python3
"""Write the code point lists for the bundled CJK subset fonts.

`sc` (Noto Sans CJK SC, regular and bold; cjk-unicodes.txt) is the union of:
  * the GB 2312 repertoire (every valid two-byte EUC-CN code),
  * the JIS X 0208 repertoire (every valid two-byte EUC-JP code whose bytes
    are both in 0xA1..0xFE; this leaves out the SS2 half-width kana and the
    SS3 JIS X 0212 codes),
  * the 2350 KS X 1001 Hangul syllables (EUC-KR rows 0xB0..0xC8),
  * Big5 level 1, the 5401 frequently used hanzi of Traditional Chinese
    (0xA440..0xC67E; `big5` and `cp950` decode them alike),
  * HANT_EXTRA below: Taiwan's name dot and Bopomofo tone marks, and Hong
    Kong and Macau characters outside Big5 level 1,
  * kana (U+3040..30FF, U+31F0..31FF), CJK symbols and punctuation
    (U+3000..303F), half-width and full-width forms (U+FF00..FFEF),
  * printable ASCII and Latin-1 (U+0020..007E, U+00A0..00FF),
  * EXTRA below: characters the sample articles need that none of the above
    contains (see fonts/README.md).

`hant` (cjk-unicodes-hant.txt) is the Traditional Chinese part of `sc`: Big5
level 1 and HANT_EXTRA. No font is made from it; tests/unit/test_hant.c checks that
the SC subsets map every character of it.

`jp` (Noto Sans CJK JP; cjk-unicodes-jp.txt): JIS X 0208, the kana blocks and the
common part (CJK symbols and punctuation, half-width and full-width forms, ASCII,
Latin-1, EXTRA).

`kr` (Noto Sans CJK KR; cjk-unicodes-kr.txt): all 11172 precomposed Hangul
syllables (U+AC00..D7A3, a superset of the KS X 1001 2350), the Hangul Jamo and
Hangul Compatibility Jamo blocks (U+1100..11FF, U+3130..318F), the symbol rows
of KS X 1001 (EUC-KR rows 0xA1..0xAF: punctuation, units, circled and
parenthesized Hangul, Greek, Cyrillic, box drawing), the KS X 1001 hanja that
neither GB 2312 nor JIS X 0208 has (the others are set from the SC face, with its Korean
`locl` forms) and the common part.

Only Python's standard codecs are used, so the list is reproducible on any
machine. Output: one upper-case hex code point per line, ascending, in the
format `hb-subset --unicodes-file` reads.

Usage: cjk-charset.py [sc|hant|jp|kr] [OUTPUT]
  default: sc; OUTPUT defaults to cjk-unicodes.txt, cjk-unicodes-hant.txt,
  cjk-unicodes-jp.txt or cjk-unicodes-kr.txt next to this file
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

# Traditional Chinese characters outside Big5 level 1. The Big5 symbol rows are
# not taken whole: the SC face would then have U+2022 and U+2013, and the list
# bullet of Chinese, Japanese and Korean articles, set in Noto Serif before,
# would come from it at full width (see fonts/README.md).
HANT_EXTRA = (
    # Taiwan: U+2027 HYPHENATION POINT, the dot between the parts of a
    # foreign name (Big5 0xA145), and the Bopomofo tone marks ˊ ˋ ˙ (Big5
    # 0xA3BC..0xA3BF; ˇ is in GB 2312).
    "\u2027\u02ca\u02cb\u02d9"
    # Hong Kong and Macau (Big5 level 2 or HKSCS). Cantonese words that news
    # text keeps in quoted speech: 嘅 咗 喺 啲 嘢 佢 冇 咁 嚟 噉 哋 嗰 睇 搵 諗
    # 攞 瞓 揸 嘥 冚 啱 嚿 喎 啩 吖 乜; place names: 邨 (public housing estates),
    # 埗 (深水埗), 脷 (鴨脷洲), 鰂 (鰂魚涌), 氹 and 凼 (Macau's 氹仔, 路氹).
    "嘅咗喺啲嘢佢冇咁嚟噉哋嗰睇搵諗攞瞓揸嘥冚啱嚿喎啩吖乜邨埗脷鰂氹凼"
)


def two_byte_codes(lead_lo, lead_hi, trail_lo=0xA1, trail_hi=0xFE):
    for lead in range(lead_lo, lead_hi + 1):
        for trail in range(trail_lo, trail_hi + 1):
            yield bytes((lead, trail))


def big5_codes(lo, hi):
    """Two-byte Big5 codes from lo to hi; trail bytes 0x40..0x7E, 0xA1..0xFE."""
    for code in range(lo, hi + 1):
        if 0x40 <= code & 0xFF <= 0x7E or 0xA1 <= code & 0xFF <= 0xFE:
            yield code.to_bytes(2, "big")


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


def big5_level1():
    hanzi = decode_all("big5", big5_codes(0xA440, 0xC67E))
    if len(hanzi) != 5401 or hanzi != decode_all("cp950", big5_codes(0xA440, 0xC67E)):
        raise SystemExit(f"big5 level 1 gave {len(hanzi)} hanzi, not 5401, or cp950 differs")
    return hanzi


def charset_hant():
    big5 = big5_level1()
    extra = {ord(c) for c in HANT_EXTRA}
    return big5 | extra, {"big5 level 1": len(big5), "extra": len(extra)}


def charset_sc():
    gb2312 = decode_all("gb2312", two_byte_codes(0xA1, 0xFE))
    jisx0208 = decode_all("euc_jp", two_byte_codes(0xA1, 0xFE))
    hangul = ks_hangul()
    hant = charset_hant()[0]
    cps = with_ranges(gb2312 | jisx0208 | hangul | hant | set(EXTRA), COMMON + KANA)
    return cps, {"gb2312": len(gb2312), "jisx0208": len(jisx0208),
                 "hangul": len(hangul), "traditional": len(hant)}


def charset_jp():
    jisx0208 = decode_all("euc_jp", two_byte_codes(0xA1, 0xFE))
    cps = with_ranges(jisx0208 | set(EXTRA), COMMON + KANA)
    return cps, {"jisx0208": len(jisx0208)}


def charset_kr():
    ks_hangul()
    symbols = decode_all("euc_kr", two_byte_codes(0xA1, 0xAF))
    hanja = decode_all("euc_kr", two_byte_codes(0xCA, 0xFD))
    # Against the GB 2312 and JIS X 0208 part of the `sc` list only: the Big5
    # characters added to it later would otherwise take 101 hanja out of the KR
    # faces and move them to SC's `locl` forms mid-run in Korean text.
    hanja -= decode_all("gb2312", two_byte_codes(0xA1, 0xFE))
    hanja -= decode_all("euc_jp", two_byte_codes(0xA1, 0xFE))
    cps = with_ranges(symbols | hanja | set(EXTRA), COMMON + HANGUL)
    return cps, {"ksx1001 symbols": len(symbols), "ksx1001 hanja not in sc": len(hanja)}


SETS = {
    "sc": (charset_sc, "cjk-unicodes.txt"),
    "hant": (charset_hant, "cjk-unicodes-hant.txt"),
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
