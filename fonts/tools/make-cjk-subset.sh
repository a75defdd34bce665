#!/bin/sh
# Build fonts/NotoSansCJKsc-Subset.otf from the Debian fonts-noto-cjk package.
#
# Face 2 of NotoSansCJK-Regular.ttc is "Noto Sans CJK SC" (check with
# `fc-scan --format "%{index}: %{fullname}\n" FILE`). The code point list comes
# from cjk-charset.py. All layout features are kept so that vertical forms
# (vert/vrt2), locale forms (locl) and CJK punctuation spacing (halt, palt,
# chws) still work. All name records (copyright, licence, URLs) and the
# hinting are kept too. The BASE table (ideographic and Roman baselines) is on
# hb-subset's default drop list and this HarfBuzz version cannot subset it, so
# it is taken off the drop list and copied unchanged (--passthrough-tables);
# it holds plain coordinates only (all BaseCoord format 1), no glyph ids, so
# the copy stays valid for the subset. BASE is the only such table in the
# source face.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
src=${1:-/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc}
out=${2:-$here/../NotoSansCJKsc-Subset.otf}

python3 "$here/cjk-charset.py" "$here/cjk-unicodes.txt"
hb-subset --font-file="$src" --face-index=2 \
	--unicodes-file="$here/cjk-unicodes.txt" \
	--layout-features='*' --layout-scripts='*' --name-IDs='*' \
	--drop-tables-=BASE --passthrough-tables \
	--output-file="$out"
echo "$out: $(wc -c < "$out") bytes" >&2
