#!/bin/sh
# Build the bundled symbol subset fonts from the Debian fonts-noto-core package. They stand
# behind Noto Serif and Noto Sans in the default fallback chain, for the signs news copy
# uses and the two text faces lack (minus sign, ≤ ≥ ≈, arrows, ✓, ■, ①, ⅓, ☀):
#
#   NotoSansMath-Subset.ttf      Noto Sans Math Regular: arrows, mathematical operators,
#                                technical signs, supplemental arrows and math symbols
#   NotoSansSymbols-Subset.ttf   Noto Sans Symbols Regular: number forms, enclosed
#                                alphanumerics, technical and miscellaneous symbols
#   NotoSansSymbols2-Subset.ttf  Noto Sans Symbols 2 Regular: geometric shapes,
#                                miscellaneous symbols, dingbats, arrows and shapes
#
# Only the blocks listed below are kept; everything else of the faces (their layout
# features, names with copyright and licence, hinting) is kept as it is.
#
# Usage: make-symbol-subsets.sh [SOURCE-DIR [OUTPUT-DIR]]
#   SOURCE-DIR holds the three .ttf files (default /usr/share/fonts/truetype/noto)
# hb-subset comes with Debian's libharfbuzz-bin.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
src=${1:-/usr/share/fonts/truetype/noto}
out=${2:-$here/..}

# subset SOURCE OUTPUT RANGES
subset() {
	hb-subset --font-file="$src/$1" --unicodes="$3" \
		--layout-features='*' --layout-scripts='*' --name-IDs='*' \
		--output-file="$out/$2"
	echo "$out/$2: $(wc -c < "$out/$2") bytes" >&2
}

subset NotoSansMath-Regular.ttf NotoSansMath-Subset.ttf \
	2190-21FF,2200-22FF,2300-23FF,27C0-27FF,2900-297F
subset NotoSansSymbols-Regular.ttf NotoSansSymbols-Subset.ttf \
	2150-218F,2300-23FF,2460-24FF,2600-26FF
subset NotoSansSymbols2-Regular.ttf NotoSansSymbols2-Subset.ttf \
	2190-21FF,25A0-25FF,2600-26FF,2700-27BF,2B00-2BFF
