#!/bin/sh
# Build the bundled CJK subset fonts from the Debian fonts-noto-cjk package:
#
#   NotoSansCJKsc-Subset.otf       Noto Sans CJK SC Regular, list cjk-unicodes.txt
#   NotoSansCJKsc-Bold-Subset.otf  Noto Sans CJK SC Bold,    list cjk-unicodes.txt
#   NotoSansCJKjp-Subset.otf       Noto Sans CJK JP Regular, list cjk-unicodes-jp.txt
#   NotoSansCJKjp-Bold-Subset.otf  Noto Sans CJK JP Bold,    list cjk-unicodes-jp.txt
#   NotoSansCJKkr-Subset.otf       Noto Sans CJK KR Regular, list cjk-unicodes-kr.txt
#   NotoSansCJKkr-Bold-Subset.otf  Noto Sans CJK KR Bold,    list cjk-unicodes-kr.txt
#
# In both NotoSansCJK-Regular.ttc and NotoSansCJK-Bold.ttc face 0 is JP, 1 KR and
# 2 SC (check with `fc-scan --format "%{index}: %{fullname}\n" FILE`). The code
# point lists come from cjk-charset.py (its `hant` list, the Traditional Chinese
# part of the SC list, makes no font: tests/unit/test_hant.c checks it). All layout features are kept so that
# vertical forms (vert/vrt2), locale forms (locl) and CJK punctuation spacing
# (halt, palt, chws) still work. All name records (copyright, licence, URLs) and
# the hinting are kept too. The BASE table (ideographic and Roman baselines) is
# on hb-subset's default drop list and this HarfBuzz version cannot subset it,
# so it is taken off the drop list and copied unchanged (--passthrough-tables);
# it holds plain coordinates only (all BaseCoord format 1), no glyph ids, so the
# copy stays valid for the subset. BASE is the only such table in the source
# faces.
#
# Usage: make-cjk-subset.sh [SOURCE-DIR [OUTPUT-DIR]]
#   SOURCE-DIR holds the two .ttc files (default /usr/share/fonts/opentype/noto)
set -eu

here=$(cd "$(dirname "$0")" && pwd)
src=${1:-/usr/share/fonts/opentype/noto}
out=${2:-$here/..}

for set in sc hant jp kr; do
	python3 "$here/cjk-charset.py" "$set"
done

# subset WEIGHT FACE-INDEX LIST OUTPUT
subset() {
	hb-subset --font-file="$src/NotoSansCJK-$1.ttc" --face-index="$2" \
		--unicodes-file="$here/$3" \
		--layout-features='*' --layout-scripts='*' --name-IDs='*' \
		--drop-tables-=BASE --passthrough-tables \
		--output-file="$out/$4"
	echo "$out/$4: $(wc -c < "$out/$4") bytes" >&2
}

subset Regular 2 cjk-unicodes.txt NotoSansCJKsc-Subset.otf
subset Bold 2 cjk-unicodes.txt NotoSansCJKsc-Bold-Subset.otf
subset Regular 0 cjk-unicodes-jp.txt NotoSansCJKjp-Subset.otf
subset Bold 0 cjk-unicodes-jp.txt NotoSansCJKjp-Bold-Subset.otf
subset Regular 1 cjk-unicodes-kr.txt NotoSansCJKkr-Subset.otf
subset Bold 1 cjk-unicodes-kr.txt NotoSansCJKkr-Bold-Subset.otf
