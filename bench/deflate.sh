#!/usr/bin/env bash
# The PNG encoders side by side on the sample's pages at 1, 2, 4 and 8 bits: zlib through
# libpng at inkset's former settings, inkset's own encoder (lib/target/pagedeflate.c: with its
# hash search, and "own-runs" with runs and the row above only) and libdeflate at levels 1 to 9
# (LEVELS), with rows unfiltered and Up-filtered (FILTERS) (bench/deflate_bench.c). Prints one
# line per setting: depth, setting, bytes of both pages, instructions of the encoding alone
# (callgrind) and the least of REPS (5) runs' encoding CPU time in ms. The figures are in
# docs/performance.md ("PNG encoders").
#
#   bash bench/deflate.sh [INKSET]     # INKSET: the inkset program (default build/inkset)
#   ARTICLE=examples/articles/rocket-recovery.md MAX_PAGES=1 DEPTHS=8 bash bench/deflate.sh
#                                      # the photograph's page
set -euo pipefail
cd "$(dirname "$0")/.."
INKSET=${1:-build/inkset}
ARTICLE=${ARTICLE:-examples/articles/pakistan-china-pact.md}
DEPTHS=${DEPTHS:-1 2 4 8}
LEVELS=${LEVELS:-1 2 3 4 5 6 7 8 9}
FILTERS=${FILTERS:-none up}
REPS=${REPS:-5}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export INKSET_FONT_DIR=${INKSET_FONT_DIR:-$PWD/fonts}
cc -O2 -g -std=c11 -Wall -Wextra -Werror bench/deflate_bench.c lib/target/pagedeflate.c \
  lib/target/pagehuff.c -o "$WORK/deflate_bench" \
  $(pkg-config --cflags --libs libpng libdeflate zlib)

run () {  # run LABEL ARGS...: one line of the table
  local label=$1 ir best= ms bytes
  shift
  ir=$(valgrind --tool=callgrind --toggle-collect=encode_page --callgrind-out-file="$WORK/cg" \
         "$WORK/deflate_bench" "$@" 2>&1 >/dev/null | sed -n 's/.*Collected : \([0-9]*\).*/\1/p')
  for _ in $(seq "$REPS"); do
    ms=$("$WORK/deflate_bench" "$@" | sed -n 's/.*encode_cpu_ms=\([0-9.]*\).*/\1/p')
    best=$(awk -v a="$best" -v b="$ms" 'BEGIN { print (a == "" || b < a) ? b : a }')
  done
  bytes=$("$WORK/deflate_bench" "$@" | sed -n 's/bytes=\([0-9]*\).*/\1/p')
  echo "$label $bytes $ir $best"
}

for depth in $DEPTHS; do
  # --max-pages exits 3 when the article goes on past the pages it allows.
  "$INKSET" render "$ARTICLE" --bpp "$depth" -o "$WORK/d$depth" \
    ${MAX_PAGES:+--max-pages "$MAX_PAGES"} >/dev/null 2>&1 || [ $? = 3 ]
  pages=("$WORK/d$depth"/page-*.png)
  case $depth in 4) former="default none";; *) former="rle up";; esac
  run "$depth zlib-1-${former// /-}" zlib 1 $former "${pages[@]}"
  for filter in $FILTERS; do
    run "$depth own-$filter" own 1 "$filter" "${pages[@]}"
    run "$depth own-runs-$filter" own 0 "$filter" "${pages[@]}"
  done
  for level in $LEVELS; do
    for filter in $FILTERS; do
      run "$depth libdeflate-$level-$filter" libdeflate "$level" "$filter" "${pages[@]}"
    done
  done
done
